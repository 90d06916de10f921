//! Decimal numbers as OSS writes them in headers, queries and XML: plain ASCII digits.

/// A non-empty run of ASCII digits as a `u64`: no sign, no spaces, no overflow.
///
/// The one decimal reader of oss-core: `Expires`, part numbers and sizes, traffic
/// limits, UNIX dates, CRC-64 header values and the numbers in error messages all go
/// through it (`oss_naming::parse_decimal` is this function).
///
/// ```
/// use oss_text::decimal::parse_decimal;
/// assert_eq!(parse_decimal(b"1699807420"), Some(1_699_807_420));
/// assert_eq!(parse_decimal(b"18446744073709551615"), Some(u64::MAX));
/// assert_eq!(parse_decimal(b"18446744073709551616"), None);
/// assert_eq!(parse_decimal(b"+1"), None);
/// assert_eq!(parse_decimal(b""), None);
/// ```
#[must_use]
pub const fn parse_decimal(digits: &[u8]) -> Option<u64> {
    if digits.is_empty() {
        return None;
    }
    let mut value: u64 = 0;
    let mut i = 0;
    while i < digits.len() {
        let digit = digits[i];
        if !digit.is_ascii_digit() {
            return None;
        }
        value = match value.checked_mul(10) {
            Some(v) => match v.checked_add((digit - b'0') as u64) {
                Some(v) => v,
                None => return None,
            },
            None => return None,
        };
        i += 1;
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn agrees_with_str_parse(text in "[0-9+ -]{0,22}") {
            let expected = if text.bytes().all(|b| b.is_ascii_digit()) {
                text.parse::<u64>().ok()
            } else {
                None
            };
            prop_assert_eq!(parse_decimal(text.as_bytes()), expected);
        }
    }
}
