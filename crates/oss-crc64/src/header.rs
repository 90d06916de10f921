//! The `x-oss-hash-crc64ecma` header: an unsigned 64-bit decimal, read and written
//! without allocation.

use core::fmt;

use oss_errors::{Entry, Error};
use oss_text::decimal::parse_decimal;

/// The header OSS uses to carry a body's CRC-64, in requests and in responses.
pub const HEADER_NAME: &str = "x-oss-hash-crc64ecma";

/// The longest canonical header value: `u64::MAX` has 20 decimal digits.
pub const MAX_HEADER_LEN: usize = 20;

/// Reads an `x-oss-hash-crc64ecma` value.
///
/// The value is decimal digits, with optional spaces or tabs around them (HTTP's
/// optional whitespace) and, like the Go, Java and C++ SDKs, leading zeros allowed.
/// Signs, hex, inner whitespace and values above `u64::MAX` are rejected.
///
/// # Errors
///
/// [`Entry::Crc64Mismatch`] (`InvalidCRC64`, 400) when the value is not such a number:
/// OSS cannot match a value it cannot read.
///
/// ```
/// use oss_crc64::parse_header;
///
/// assert_eq!(parse_header("11051210869376104954"), Ok(0x995D_C9BB_DF19_39FA));
/// assert_eq!(parse_header(b" 0 "), Ok(0));
/// assert!(parse_header("-1").is_err());
/// assert!(parse_header("18446744073709551616").is_err()); // u64::MAX + 1
/// ```
pub fn parse_header(value: impl AsRef<[u8]>) -> Result<u64, Error> {
    parse_decimal(trim_ows(value.as_ref())).ok_or(Error::new(Entry::Crc64Mismatch))
}

/// Drops leading and trailing spaces and tabs (HTTP optional whitespace).
fn trim_ows(mut bytes: &[u8]) -> &[u8] {
    while let [b' ' | b'\t', rest @ ..] = bytes {
        bytes = rest;
    }
    while let [rest @ .., b' ' | b'\t'] = bytes {
        bytes = rest;
    }
    bytes
}

/// Checks a received `x-oss-hash-crc64ecma` value against the CRC computed over the
/// bytes actually received.
///
/// # Errors
///
/// [`Entry::Crc64Mismatch`] (`InvalidCRC64`, 400, "The x-oss-hash-crc64ecma you
/// specified does not match what we calculated") when the value differs from `computed`
/// or is not a decimal `u64` (see [`parse_header`]).
///
/// ```
/// use oss_crc64::{checksum, verify};
///
/// let body = b"hi oss";
/// assert!(verify("8707180448768400016", checksum(body)).is_ok());
///
/// let err = verify("8707180448768400017", checksum(body)).unwrap_err();
/// assert_eq!(err.code().as_str(), "InvalidCRC64");
/// assert_eq!(err.status(), 400);
/// assert_eq!(err.to_string(), "The x-oss-hash-crc64ecma you specified does not match what we calculated");
/// ```
pub fn verify(header: impl AsRef<[u8]>, computed: u64) -> Result<(), Error> {
    if parse_header(header)? == computed {
        Ok(())
    } else {
        Err(Error::new(Entry::Crc64Mismatch))
    }
}

/// A CRC-64 formatted as OSS sends it: decimal, no leading zeros, at most 20 bytes,
/// on the stack. With feature `serde` it is a JSON string of those digits.
///
/// ```
/// use oss_crc64::HeaderValue;
///
/// let value = HeaderValue::new(0x995D_C9BB_DF19_39FA);
/// assert_eq!(value.as_str(), "11051210869376104954");
/// assert_eq!(HeaderValue::new(0).as_str(), "0");
/// assert_eq!(std::format!("{}", HeaderValue::new(42)), "42");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct HeaderValue {
    /// Digits right-aligned in the buffer.
    buf: [u8; MAX_HEADER_LEN],
    /// Index of the first digit.
    start: u8,
}

impl HeaderValue {
    /// Formats `crc` in decimal.
    ///
    /// ```
    /// assert_eq!(oss_crc64::HeaderValue::new(u64::MAX).as_str(), "18446744073709551615");
    /// ```
    #[must_use]
    #[expect(
        clippy::cast_possible_truncation,
        reason = "a digit and an index below 20"
    )]
    pub const fn new(crc: u64) -> Self {
        let mut buf = [b'0'; MAX_HEADER_LEN];
        let mut start = MAX_HEADER_LEN;
        let mut rest = crc;
        loop {
            start -= 1;
            buf[start] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        Self {
            buf,
            start: start as u8,
        }
    }

    /// The decimal digits as bytes.
    ///
    /// ```
    /// assert_eq!(oss_crc64::HeaderValue::new(7).as_bytes(), b"7");
    /// ```
    #[must_use]
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[usize::from(self.start)..]
    }

    /// The decimal digits.
    ///
    /// ```
    /// assert_eq!(oss_crc64::HeaderValue::new(2871916124362751090).as_str(), "2871916124362751090");
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        // The buffer holds ASCII digits only, so this never falls back to "".
        core::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }
}

impl From<u64> for HeaderValue {
    fn from(crc: u64) -> Self {
        Self::new(crc)
    }
}

impl AsRef<str> for HeaderValue {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<[u8]> for HeaderValue {
    fn as_ref(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl fmt::Display for HeaderValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl fmt::Debug for HeaderValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("HeaderValue").field(&self.as_str()).finish()
    }
}

/// The decimal digits as a string, so no JSON reader rounds the value.
#[cfg(feature = "serde")]
impl serde::Serialize for HeaderValue {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// A string read by [`parse_header`] (a JSON number is refused, as it may be rounded).
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for HeaderValue {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;

        impl serde::de::Visitor<'_> for Visitor {
            type Value = HeaderValue;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a CRC-64 in decimal")
            }

            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<HeaderValue, E> {
                parse_header(value)
                    .map(HeaderValue::new)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Str(value), &self))
            }
        }

        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[cfg(feature = "serde")]
    #[test]
    fn header_value_is_a_json_string() {
        let value = HeaderValue::new(u64::MAX);
        let json = serde_json::to_string(&value).unwrap_or_default();
        assert_eq!(json, r#""18446744073709551615""#);
        assert!(serde_json::from_str::<HeaderValue>("42").is_err());
        assert!(serde_json::from_str::<HeaderValue>(r#""-1""#).is_err());
    }

    #[cfg(feature = "serde")]
    proptest! {
        #[test]
        fn header_value_round_trips_through_json(crc in any::<u64>()) {
            let value = HeaderValue::new(crc);
            let json = serde_json::to_string(&value).unwrap_or_default();
            prop_assert_eq!(serde_json::from_str::<HeaderValue>(&json).ok(), Some(value));
        }
    }

    #[test]
    fn sdk_header_values() {
        let vectors = [
            ("0", 0),
            ("11051210869376104954", 0x995D_C9BB_DF19_39FA),
            ("2871916124362751090", 0x27DB_187F_C15B_BC72),
            ("4116537408385638600", 0x3920_E0F6_6B6E_E0C8),
            ("8707180448768400016", 0x78D6_1E7C_4C11_1A90),
            ("18446744073709551615", u64::MAX),
        ];
        for (text, crc) in vectors {
            assert_eq!(parse_header(text), Ok(crc));
            assert_eq!(HeaderValue::new(crc).as_str(), text);
        }
    }

    #[test]
    fn lenient_where_the_sdks_are_strict_where_they_all_are() {
        assert_eq!(parse_header("007"), Ok(7));
        assert_eq!(parse_header("\t42 "), Ok(42));
        let invalid = Err(Error::new(Entry::Crc64Mismatch));
        for bad in [
            "",
            " ",
            "+1",
            "-1",
            "0x10",
            "1 2",
            "1\n",
            "１",
            "18446744073709551616",
            "99999999999999999999",
        ] {
            assert_eq!(parse_header(bad), invalid, "{bad:?}");
        }
    }

    #[test]
    fn verify_reports_invalid_crc64() {
        assert_eq!(verify("42", 42), Ok(()));
        let err = verify("43", 42).unwrap_err();
        assert_eq!(err.entry(), Entry::Crc64Mismatch);
        assert_eq!(err.status(), 400);
        assert_eq!(verify("x", 42), Err(err));
    }

    proptest! {
        #[test]
        fn format_then_parse_round_trips(crc in any::<u64>()) {
            let value = HeaderValue::new(crc);
            prop_assert_eq!(value.as_str(), std::format!("{crc}"));
            prop_assert_eq!(parse_header(value), Ok(crc));
        }

        #[test]
        fn parse_never_panics_and_agrees_with_std(text in "[ \t0-9+x-]{0,24}") {
            let trimmed = text.trim_matches([' ', '\t']);
            let std_value = if trimmed.bytes().all(|b| b.is_ascii_digit()) { trimmed.parse::<u64>().ok() } else { None };
            prop_assert_eq!(parse_header(&text).ok(), std_value);
        }
    }
}
