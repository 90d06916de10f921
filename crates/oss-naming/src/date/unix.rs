//! Dates given as UNIX seconds, which must lie between the epoch and now.

use oss_errors::{Entry, Error};

use oss_text::decimal::parse_decimal;

/// Checks a date given as UNIX seconds against the epoch and the current time `now`.
///
/// ```
/// use oss_errors::Entry;
/// use oss_naming::check_unix_date;
///
/// let now = 1_700_000_000;
/// assert!(check_unix_date(1_600_000_000, now).is_ok());
/// assert_eq!(check_unix_date(-1, now).unwrap_err().entry(), Entry::DateTooEarly);
/// assert_eq!(check_unix_date(now + 1, now).unwrap_err().entry(), Entry::DateInFuture);
/// ```
///
/// # Errors
/// `InvalidArgument` "Invalid date. Must be later than 1970-01-01 00:00:00" before the
/// epoch; "Invalid date. Cannot be later than the current time" after `now`.
pub const fn check_unix_date(secs: i64, now: i64) -> Result<(), Error> {
    if secs < 0 {
        Err(Error::new(Entry::DateTooEarly))
    } else if secs > now {
        Err(Error::new(Entry::DateInFuture))
    } else {
        Ok(())
    }
}

/// Parses a decimal UNIX time (an optional `-` and digits) and checks it with
/// [`check_unix_date`].
///
/// ```
/// use oss_naming::parse_unix_date;
/// assert_eq!(parse_unix_date("1700000000", 1_800_000_000), Ok(1_700_000_000));
/// assert_eq!(parse_unix_date("17e8", 1_800_000_000).unwrap_err().to_string(), "Bad date format");
/// ```
///
/// # Errors
/// `InvalidArgument` "Bad date format" when it is not a number in `i64` range, then the
/// errors of [`check_unix_date`].
pub const fn parse_unix_date(value: &str, now: i64) -> Result<i64, Error> {
    let (negative, digits) = match value.as_bytes() {
        [b'-', digits @ ..] => (true, digits),
        digits => (false, digits),
    };
    let secs = match parse_decimal(digits) {
        // Magnitudes up to i64::MAX fit; the one larger negative value is rejected too,
        // which no real date needs.
        Some(magnitude) if magnitude <= i64::MAX as u64 => {
            #[allow(clippy::cast_possible_wrap)]
            let magnitude = magnitude as i64;
            if negative { -magnitude } else { magnitude }
        }
        _ => return Err(Error::new(Entry::DateFormatInvalid)),
    };
    match check_unix_date(secs, now) {
        Ok(()) => Ok(secs),
        Err(err) => Err(err),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries() {
        assert_eq!(parse_unix_date("0", 10), Ok(0));
        assert_eq!(parse_unix_date("10", 10), Ok(10));
        assert_eq!(parse_unix_date("-0", 10), Ok(0));
        assert_eq!(
            parse_unix_date("-1", 10).unwrap_err().entry(),
            Entry::DateTooEarly
        );
        assert_eq!(
            parse_unix_date("11", 10).unwrap_err().entry(),
            Entry::DateInFuture
        );
        for bad in ["", "-", "+1", " 1", "9223372036854775808", "1.5"] {
            assert_eq!(
                parse_unix_date(bad, 10).unwrap_err().entry(),
                Entry::DateFormatInvalid,
                "{bad:?}"
            );
        }
    }
}
