//! The compact ISO 8601 forms Signature V4 writes: `x-oss-date` (`20231216T162057Z`) and
//! the credential's day (`20231216`).

use core::fmt;

use super::calendar::Civil;
use super::{Timestamp, four_digits, put_digits, two_digits, write_ascii};

/// The length of `YYYYMMDDTHHMMSSZ`.
const LEN: usize = 16;

/// Parses a V4 `x-oss-date`: `YYYYMMDDTHHMMSSZ`, UTC, exactly 16 characters.
///
/// ```
/// let t = oss_naming::parse_compact_iso8601("20231216T162057Z").unwrap();
/// assert_eq!(t.unix_seconds(), 1_702_743_657);
/// assert!(oss_naming::parse_compact_iso8601("2023-12-16T16:20:57Z").is_none());
/// ```
#[must_use]
pub const fn parse_compact_iso8601(value: &str) -> Option<Timestamp> {
    let b = value.as_bytes();
    if b.len() != LEN || b[8] != b'T' || b[15] != b'Z' {
        return None;
    }
    let (Some(year), Some(month), Some(day), Some(hour), Some(minute), Some(second)) = (
        four_digits(b, 0),
        two_digits(b, 4),
        two_digits(b, 6),
        two_digits(b, 9),
        two_digits(b, 11),
        two_digits(b, 13),
    ) else {
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
    Timestamp::from_fields(civil, 0)
}

/// Parses a V4 credential day, `YYYYMMDD`, as the instant that day starts (UTC).
///
/// ```
/// let day = oss_naming::parse_compact_day("20231216").unwrap();
/// assert_eq!(day.unix_seconds(), 1_702_684_800);
/// assert!(oss_naming::parse_compact_day("20231232").is_none());
/// ```
#[must_use]
pub const fn parse_compact_day(value: &str) -> Option<Timestamp> {
    let b = value.as_bytes();
    if b.len() != 8 {
        return None;
    }
    let (Some(year), Some(month), Some(day)) =
        (four_digits(b, 0), two_digits(b, 4), two_digits(b, 6))
    else {
        return None;
    };
    let civil = Civil {
        year,
        month,
        day,
        hour: 0,
        minute: 0,
        second: 0,
    };
    Timestamp::from_fields(civil, 0)
}

/// A [`Timestamp`] written as a V4 `x-oss-date`, `YYYYMMDDTHHMMSSZ`; [`Compact::day`]
/// gives the credential's `YYYYMMDD`. The fraction of a second is dropped.
///
/// ```
/// let t = oss_naming::Timestamp::from_unix(1_702_743_657).unwrap();
/// assert_eq!(t.compact_iso8601().to_string(), "20231216T162057Z");
/// assert_eq!(t.compact_iso8601().day(), "20231216");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Compact {
    bytes: [u8; LEN],
}

impl Compact {
    pub(super) const fn new(t: Timestamp) -> Self {
        let c = t.civil();
        let mut out = *b"19700101T000000Z";
        put_digits(&mut out, 0, c.year, 4);
        put_digits(&mut out, 4, c.month, 2);
        put_digits(&mut out, 6, c.day, 2);
        put_digits(&mut out, 9, c.hour, 2);
        put_digits(&mut out, 11, c.minute, 2);
        put_digits(&mut out, 13, c.second, 2);
        Self { bytes: out }
    }

    /// The whole value, `YYYYMMDDTHHMMSSZ`.
    #[must_use]
    pub fn as_str(&self) -> &str {
        // ASCII digits and letters by construction.
        core::str::from_utf8(&self.bytes).unwrap_or_default()
    }

    /// The day, `YYYYMMDD`.
    #[must_use]
    pub fn day(&self) -> &str {
        self.as_str().get(..8).unwrap_or_default()
    }
}

impl fmt::Display for Compact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_ascii(f, &self.bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn rejects_near_misses() {
        for bad in [
            "20231216T162057",
            "20231216t162057Z",
            "20231316T162057Z",
            "20231216T246057Z",
            "2023121T6162057Z",
            "20231216T162057Z ",
            "",
        ] {
            assert!(parse_compact_iso8601(bad).is_none(), "{bad:?}");
        }
        for bad in ["2023121", "202312160", "2023-1216", "20230229"] {
            assert!(parse_compact_day(bad).is_none(), "{bad:?}");
        }
        assert!(parse_compact_day("20240229").is_some());
    }

    proptest! {
        #[test]
        fn format_then_parse_round_trips(secs in Timestamp::MIN.secs..=Timestamp::MAX.secs) {
            let t = Timestamp::from_unix(secs).expect("in range");
            let text = t.compact_iso8601();
            prop_assert_eq!(parse_compact_iso8601(text.as_str()), Some(t));
            let day = parse_compact_day(text.day()).expect("a day");
            prop_assert_eq!(day.unix_seconds(), secs.div_euclid(86_400) * 86_400);
        }
    }
}
