//! RFC 1123 dates, as OSS wants them in `Date`: `Sun, 06 Nov 1994 08:49:37 GMT`.

use core::fmt;

use oss_errors::Error;

use super::calendar::{Civil, MONTH_NAMES as MONTHS, WEEKDAY_NAMES as WEEKDAYS, weekday};
use super::{Timestamp, four_digits, or_bad_format, put_digits, two_digits, write_ascii};

/// The length of an RFC 1123 date: `Sun, 06 Nov 1994 08:49:37 GMT`.
const LEN: usize = 29;

/// Parses an RFC 1123 date exactly as HTTP writes it (`Sun, 06 Nov 1994 08:49:37 GMT`):
/// English names with their case, two-digit day, four-digit year, `GMT`, and a weekday
/// that matches the date.
///
/// ```
/// use oss_naming::parse_rfc1123;
///
/// let t = parse_rfc1123("Sun, 06 Nov 1994 08:49:37 GMT")?;
/// assert_eq!(t.unix_seconds(), 784_111_777);
/// assert_eq!(parse_rfc1123("Sunday, 06-Nov-94 08:49:37 GMT").unwrap_err().to_string(), "Bad date format");
/// # Ok::<(), oss_errors::Error>(())
/// ```
///
/// # Errors
/// `InvalidArgument` "Bad date format" for anything else, including impossible dates
/// (`31 Feb`) and a wrong weekday.
pub const fn parse_rfc1123(value: &str) -> Result<Timestamp, Error> {
    or_bad_format(parse(value.as_bytes()))
}

const fn parse(b: &[u8]) -> Option<Timestamp> {
    if b.len() != LEN
        || b[3] != b','
        || b[4] != b' '
        || b[7] != b' '
        || b[11] != b' '
        || b[16] != b' '
        || b[19] != b':'
        || b[22] != b':'
        || !matches!([b[25], b[26], b[27], b[28]], [b' ', b'G', b'M', b'T'])
    {
        return None;
    }
    let (Some(day), Some(year), Some(hour), Some(minute), Some(second), Some(month), Some(wday)) = (
        two_digits(b, 5),
        four_digits(b, 12),
        two_digits(b, 17),
        two_digits(b, 20),
        two_digits(b, 23),
        name_index(&MONTHS, b, 8),
        name_index(&WEEKDAYS, b, 0),
    ) else {
        return None;
    };
    let civil = Civil {
        year,
        month: month + 1,
        day,
        hour,
        minute,
        second,
    };
    let Some(t) = Timestamp::from_fields(civil, 0) else {
        return None;
    };
    if weekday(t.secs.div_euclid(86_400)) != wday {
        return None;
    }
    Some(t)
}

/// The index of the three-letter name at `b[at..at + 3]` in `names`.
const fn name_index<const N: usize>(names: &[&[u8; 3]; N], b: &[u8], at: usize) -> Option<u32> {
    let mut i = 0;
    while i < N {
        let name = names[i];
        if name[0] == b[at] && name[1] == b[at + 1] && name[2] == b[at + 2] {
            // `i` < 12.
            #[allow(clippy::cast_possible_truncation)]
            return Some(i as u32);
        }
        i += 1;
    }
    None
}

/// A [`Timestamp`] written as an RFC 1123 date (`Sun, 06 Nov 1994 08:49:37 GMT`); the
/// fraction of a second is dropped.
///
/// ```
/// let t = oss_naming::parse_rfc1123("Wed, 28 Dec 2022 10:27:41 GMT")?;
/// assert_eq!(t.rfc1123().to_string(), "Wed, 28 Dec 2022 10:27:41 GMT");
/// assert_eq!(&t.rfc1123().to_bytes(), b"Wed, 28 Dec 2022 10:27:41 GMT");
/// # Ok::<(), oss_errors::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rfc1123 {
    bytes: [u8; LEN],
}

impl Rfc1123 {
    pub(super) const fn new(t: Timestamp) -> Self {
        let c = t.civil();
        let mut out = *b"Thu, 01 Jan 1970 00:00:00 GMT";
        let wday = WEEKDAYS[weekday(t.secs.div_euclid(86_400)) as usize];
        let month = MONTHS[(c.month - 1) as usize];
        out[0] = wday[0];
        out[1] = wday[1];
        out[2] = wday[2];
        put_digits(&mut out, 5, c.day, 2);
        out[8] = month[0];
        out[9] = month[1];
        out[10] = month[2];
        put_digits(&mut out, 12, c.year, 4);
        put_digits(&mut out, 17, c.hour, 2);
        put_digits(&mut out, 20, c.minute, 2);
        put_digits(&mut out, 23, c.second, 2);
        Self { bytes: out }
    }

    /// The 29 ASCII bytes of the date.
    ///
    /// ```
    /// let t = oss_naming::Timestamp::from_unix(0).expect("in range");
    /// assert_eq!(t.rfc1123().to_bytes().len(), 29);
    /// ```
    #[must_use]
    pub const fn to_bytes(self) -> [u8; LEN] {
        self.bytes
    }
}

impl fmt::Display for Rfc1123 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_ascii(f, &self.bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oss_errors::Entry;
    use proptest::prelude::*;

    #[test]
    fn rejects_near_misses() {
        for bad in [
            "Sun, 06 Nov 1994 08:49:37 UTC",
            "Mon, 06 Nov 1994 08:49:37 GMT",
            "sun, 06 Nov 1994 08:49:37 GMT",
            "Sun, 6 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 94 08:49:37 GMT",
            "Sun, 06 Nov 1994 24:00:00 GMT",
            "Sun, 06 Nov 1994 08:60:00 GMT",
            "Thu, 29 Feb 2001 00:00:00 GMT",
            "Sun, 06 Nov 1994 08:49:37 GMT ",
            "Sun Nov  6 08:49:37 1994",
            "",
            "Sun, 06 Nov 1994 08:49:37 GM中",
        ] {
            assert_eq!(
                parse_rfc1123(bad),
                Err(Error::new(Entry::DateFormatInvalid)),
                "{bad:?}"
            );
        }
        assert!(parse_rfc1123("Tue, 29 Feb 2000 00:00:00 GMT").is_ok());
        assert!(parse_rfc1123("Mon, 01 Jan 0001 00:00:00 GMT").is_ok());
        assert!(parse_rfc1123("Fri, 31 Dec 9999 23:59:59 GMT").is_ok());
    }

    proptest! {
        #[test]
        fn format_then_parse_round_trips(secs in Timestamp::MIN.secs..=Timestamp::MAX.secs) {
            let t = Timestamp::from_unix(secs).expect("in range");
            let text = std::format!("{}", t.rfc1123());
            prop_assert_eq!(parse_rfc1123(&text), Ok(t));
        }

        #[test]
        fn never_panics(value in any::<std::string::String>()) {
            let _ = parse_rfc1123(&value);
        }
    }
}
