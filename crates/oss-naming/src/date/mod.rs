//! Dates: RFC 1123 (`Date` header), UNIX seconds, and ISO 8601 (PostObject policies).

pub mod calendar;
mod compact;
mod iso8601;
mod rfc1123;
mod unix;

pub use compact::{Compact, parse_compact_day, parse_compact_iso8601};
pub use iso8601::{Iso8601, parse_iso8601};
pub use rfc1123::{Rfc1123, parse_rfc1123};
pub use unix::{check_unix_date, parse_unix_date};

use core::fmt;

use oss_errors::{Entry, Error};

use calendar::Civil;

/// An instant between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999999999Z (the years
/// both RFC 1123 and ISO 8601 can write with four digits), in UTC.
///
/// ```
/// use oss_naming::Timestamp;
///
/// let t = Timestamp::from_unix(784_111_777).expect("in range");
/// assert_eq!(t.rfc1123().to_string(), "Sun, 06 Nov 1994 08:49:37 GMT");
/// assert_eq!(t.iso8601().to_string(), "1994-11-06T08:49:37.000Z");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp {
    secs: i64,
    nanos: u32,
}

impl Timestamp {
    /// The earliest instant: 0001-01-01T00:00:00Z.
    pub const MIN: Self = Self {
        secs: -62_135_596_800,
        nanos: 0,
    };
    /// The latest instant: 9999-12-31T23:59:59.999999999Z.
    pub const MAX: Self = Self {
        secs: 253_402_300_799,
        nanos: 999_999_999,
    };

    /// The instant `secs` seconds after 1970-01-01T00:00:00Z, if it is in range.
    ///
    /// ```
    /// assert!(oss_naming::Timestamp::from_unix(0).is_some());
    /// assert!(oss_naming::Timestamp::from_unix(i64::MAX).is_none());
    /// ```
    #[must_use]
    pub const fn from_unix(secs: i64) -> Option<Self> {
        Self::from_unix_nanos(secs, 0)
    }

    /// [`Timestamp::from_unix`] with a fraction of a second (below 10^9 nanoseconds).
    ///
    /// ```
    /// let t = oss_naming::Timestamp::from_unix_nanos(1, 500_000_000).expect("in range");
    /// assert_eq!(t.subsec_nanos(), 500_000_000);
    /// ```
    #[must_use]
    pub const fn from_unix_nanos(secs: i64, nanos: u32) -> Option<Self> {
        if secs < Self::MIN.secs || secs > Self::MAX.secs || nanos > 999_999_999 {
            return None;
        }
        Some(Self { secs, nanos })
    }

    /// The current time, from the system clock (with `std`). `None` only when the clock
    /// is set outside the representable years.
    ///
    /// ```
    /// let now = oss_naming::Timestamp::now().expect("a sane clock");
    /// assert!(now.unix_seconds() > 1_700_000_000);
    /// ```
    #[cfg(feature = "std")]
    #[must_use]
    pub fn now() -> Option<Self> {
        let since_epoch = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
        match since_epoch {
            Ok(elapsed) => i64::try_from(elapsed.as_secs())
                .ok()
                .and_then(|secs| Self::from_unix_nanos(secs, elapsed.subsec_nanos())),
            Err(before) => {
                let before = before.duration();
                // Whole seconds only: the fraction before the epoch is not worth a borrow.
                i64::try_from(before.as_secs())
                    .ok()
                    .and_then(|secs| Self::from_unix(-secs))
            }
        }
    }

    /// Seconds since 1970-01-01T00:00:00Z (negative before).
    ///
    /// ```
    /// let t = oss_naming::parse_rfc1123("Thu, 01 Jan 1970 00:00:00 GMT")?;
    /// assert_eq!(t.unix_seconds(), 0);
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    #[must_use]
    pub const fn unix_seconds(self) -> i64 {
        self.secs
    }

    /// The fraction of the second, in nanoseconds.
    ///
    /// ```
    /// let t = oss_naming::parse_iso8601("2014-12-01T12:00:00.250Z")?;
    /// assert_eq!(t.subsec_nanos(), 250_000_000);
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    #[must_use]
    pub const fn subsec_nanos(self) -> u32 {
        self.nanos
    }

    /// The instant formatted as an RFC 1123 `Date` header when displayed.
    ///
    /// ```
    /// let t = oss_naming::Timestamp::from_unix(0).expect("in range");
    /// assert_eq!(t.rfc1123().to_string(), "Thu, 01 Jan 1970 00:00:00 GMT");
    /// ```
    #[must_use]
    pub const fn rfc1123(self) -> Rfc1123 {
        Rfc1123::new(self)
    }

    /// The instant formatted as ISO 8601 with milliseconds, as PostObject policies write
    /// `expiration`, when displayed.
    ///
    /// ```
    /// let t = oss_naming::Timestamp::from_unix(1_417_435_200).expect("in range");
    /// assert_eq!(t.iso8601().to_string(), "2014-12-01T12:00:00.000Z");
    /// ```
    #[must_use]
    pub const fn iso8601(self) -> Iso8601 {
        Iso8601::new(self)
    }

    /// The instant formatted as a Signature V4 `x-oss-date` (`YYYYMMDDTHHMMSSZ`).
    ///
    /// ```
    /// let t = oss_naming::Timestamp::from_unix(0).expect("in range");
    /// assert_eq!(t.compact_iso8601().as_str(), "19700101T000000Z");
    /// ```
    #[must_use]
    pub const fn compact_iso8601(self) -> Compact {
        Compact::new(self)
    }

    /// The instant of calendar fields, if they name a real date and time.
    const fn from_fields(civil: Civil, nanos: u32) -> Option<Self> {
        if civil.is_valid() {
            Some(Self::from_civil(civil, nanos))
        } else {
            None
        }
    }

    /// Builds an instant from calendar fields that the caller has range-checked.
    const fn from_civil(civil: Civil, nanos: u32) -> Self {
        let secs = civil.days() * 86_400
            + civil.hour as i64 * 3_600
            + civil.minute as i64 * 60
            + civil.second as i64;
        Self { secs, nanos }
    }

    const fn civil(self) -> Civil {
        Civil::from_unix(self.secs)
    }
}

/// A parsed instant, or "Bad date format".
const fn or_bad_format(parsed: Option<Timestamp>) -> Result<Timestamp, Error> {
    match parsed {
        Some(t) => Ok(t),
        None => Err(Error::new(Entry::DateFormatInvalid)),
    }
}

/// Writes a formatted date (ASCII bytes) to `f`.
fn write_ascii(f: &mut fmt::Formatter<'_>, bytes: &[u8]) -> fmt::Result {
    bytes
        .iter()
        .try_for_each(|&b| fmt::Write::write_char(f, char::from(b)))
}

/// Two ASCII digits as a number, or `None`.
const fn two_digits(bytes: &[u8], at: usize) -> Option<u32> {
    let (high, low) = (bytes[at], bytes[at + 1]);
    if high.is_ascii_digit() && low.is_ascii_digit() {
        Some((high - b'0') as u32 * 10 + (low - b'0') as u32)
    } else {
        None
    }
}

/// Four ASCII digits as a number, or `None`.
const fn four_digits(bytes: &[u8], at: usize) -> Option<u32> {
    match (two_digits(bytes, at), two_digits(bytes, at + 2)) {
        (Some(high), Some(low)) => Some(high * 100 + low),
        _ => None,
    }
}

/// The ASCII digit of `value % 10`.
const fn digit(value: u32) -> u8 {
    // `value % 10` < 10, so the cast is exact.
    #[allow(clippy::cast_possible_truncation)]
    let d = (value % 10) as u8;
    b'0' + d
}

/// Writes `value` (below 10^width) as `width` ASCII digits into `out[at..]`.
const fn put_digits(out: &mut [u8], at: usize, value: u32, width: usize) {
    let mut rest = value;
    let mut i = width;
    while i > 0 {
        i -= 1;
        out[at + i] = digit(rest);
        rest /= 10;
    }
}
