//! ISO 8601 UTC times as PostObject policies write `expiration`: `2014-12-01T12:00:00.000Z`.

use core::fmt;

use oss_errors::Error;

use super::calendar::Civil;
use super::{Timestamp, four_digits, or_bad_format, put_digits, two_digits, write_ascii};

/// The length of `YYYY-MM-DDTHH:MM:SS`.
const BASE_LEN: usize = 19;
/// The fraction digits that count (nanoseconds); later digits are checked, not read.
const MAX_FRACTION_DIGITS: usize = 9;

/// Parses a UTC ISO 8601 time: `YYYY-MM-DDTHH:MM:SS`, an optional fraction (a `.` and at
/// least one digit; digits past the ninth are ignored), and `Z`.
///
/// ```
/// use oss_naming::parse_iso8601;
///
/// let t = parse_iso8601("2014-12-01T12:00:00.000Z")?;
/// assert_eq!(t.unix_seconds(), 1_417_435_200);
/// assert!(parse_iso8601("2014-12-01T12:00:00+08:00").is_err());
/// # Ok::<(), oss_errors::Error>(())
/// ```
///
/// # Errors
/// `InvalidArgument` "Bad date format" for anything else, including impossible dates.
/// PostObject callers usually map this to their policy error.
pub const fn parse_iso8601(value: &str) -> Result<Timestamp, Error> {
    or_bad_format(parse(value.as_bytes()))
}

const fn parse(b: &[u8]) -> Option<Timestamp> {
    if b.len() < BASE_LEN + 1
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
        || b[b.len() - 1] != b'Z'
    {
        return None;
    }
    let (Some(year), Some(month), Some(day), Some(hour), Some(minute), Some(second)) = (
        four_digits(b, 0),
        two_digits(b, 5),
        two_digits(b, 8),
        two_digits(b, 11),
        two_digits(b, 14),
        two_digits(b, 17),
    ) else {
        return None;
    };
    let Some(nanos) = fraction(b, BASE_LEN, b.len() - 1) else {
        return None;
    };
    let civil = Civil {
        year,
        month,
        day,
        hour,
        minute,
        second,
    };
    Timestamp::from_fields(civil, nanos)
}

/// Nanoseconds from `b[start..end]`: empty, or `.` and at least one digit (the first
/// nine are read, the rest only checked).
const fn fraction(b: &[u8], start: usize, end: usize) -> Option<u32> {
    if start == end {
        return Some(0);
    }
    let digits = end - start - 1;
    if b[start] != b'.' || digits == 0 {
        return None;
    }
    let mut nanos = 0;
    let mut i = 0;
    while i < digits {
        let d = b[start + 1 + i];
        if !d.is_ascii_digit() {
            return None;
        }
        if i < MAX_FRACTION_DIGITS {
            nanos = nanos * 10 + (d - b'0') as u32;
        }
        i += 1;
    }
    // Fewer than nine digits: scale up to nanoseconds.
    while i < MAX_FRACTION_DIGITS {
        nanos *= 10;
        i += 1;
    }
    Some(nanos)
}

/// A [`Timestamp`] written as ISO 8601 UTC with milliseconds (`2014-12-01T12:00:00.000Z`).
///
/// ```
/// let t = oss_naming::parse_iso8601("2024-02-29T23:59:59.123456Z")?;
/// assert_eq!(t.iso8601().to_string(), "2024-02-29T23:59:59.123Z");
/// # Ok::<(), oss_errors::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Iso8601 {
    bytes: [u8; 24],
}

impl Iso8601 {
    pub(super) const fn new(t: Timestamp) -> Self {
        let c = t.civil();
        let mut out = *b"1970-01-01T00:00:00.000Z";
        put_digits(&mut out, 0, c.year, 4);
        put_digits(&mut out, 5, c.month, 2);
        put_digits(&mut out, 8, c.day, 2);
        put_digits(&mut out, 11, c.hour, 2);
        put_digits(&mut out, 14, c.minute, 2);
        put_digits(&mut out, 17, c.second, 2);
        put_digits(&mut out, 20, t.nanos / 1_000_000, 3);
        Self { bytes: out }
    }

    /// The 24 ASCII bytes of the time.
    ///
    /// ```
    /// let t = oss_naming::Timestamp::from_unix(0).expect("in range");
    /// assert_eq!(&t.iso8601().to_bytes(), b"1970-01-01T00:00:00.000Z");
    /// ```
    #[must_use]
    pub const fn to_bytes(self) -> [u8; 24] {
        self.bytes
    }
}

impl fmt::Display for Iso8601 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_ascii(f, &self.bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn fractions() {
        assert_eq!(
            parse_iso8601("1970-01-01T00:00:00Z").map(Timestamp::subsec_nanos),
            Ok(0)
        );
        assert_eq!(
            parse_iso8601("1970-01-01T00:00:00.1Z").map(Timestamp::subsec_nanos),
            Ok(100_000_000)
        );
        assert_eq!(
            parse_iso8601("1970-01-01T00:00:00.123456789Z").map(Timestamp::subsec_nanos),
            Ok(123_456_789)
        );
        // Digits past nanoseconds are allowed and ignored (ISO 8601 sets no limit).
        assert_eq!(
            parse_iso8601("1970-01-01T00:00:00.12345678912345Z").map(Timestamp::subsec_nanos),
            Ok(123_456_789)
        );
        for bad in [
            "1970-01-01T00:00:00.Z",
            "1970-01-01T00:00:00.1234567890xZ",
            "1970-01-01T00:00:00.1aZ",
            "1970-01-01 00:00:00Z",
            "1970-13-01T00:00:00Z",
            "1970-01-01T00:00:00",
            "Z",
        ] {
            assert!(parse_iso8601(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn policy_expiration_forms() {
        for (text, secs) in [
            ("2013-12-01T12:00:00Z", 1_385_899_200),
            ("2014-12-01T12:00:00.000Z", 1_417_435_200),
            ("2020-03-19T03:44:06.476Z", 1_584_589_446),
            ("2024-02-29T23:59:59Z", 1_709_251_199),
        ] {
            assert_eq!(
                parse_iso8601(text).map(Timestamp::unix_seconds),
                Ok(secs),
                "{text}"
            );
        }
        // OSS documents the first as a rejected expiration.
        for bad in [
            "2023-02-19 13:19:00",
            "2023-02-19T13:19:00+08:00",
            "2023-02-29T13:19:00Z",
            "2023-02-19T24:00:00Z",
            "2023-02-19T13:60:00Z",
            "2023-2-19T13:19:00Z",
            "",
        ] {
            assert!(parse_iso8601(bad).is_err(), "{bad:?}");
        }
    }

    proptest! {
        #[test]
        fn format_then_parse_round_trips(secs in Timestamp::MIN.secs..=Timestamp::MAX.secs, millis in 0u32..1000) {
            let t = Timestamp::from_unix_nanos(secs, millis * 1_000_000).expect("in range");
            let text = std::format!("{}", t.iso8601());
            prop_assert_eq!(parse_iso8601(&text), Ok(t));
        }

        #[test]
        fn never_panics(value in any::<std::string::String>()) {
            let _ = parse_iso8601(&value);
        }
    }
}
