//! HTTP dates (RFC 1123, `Sun, 06 Nov 1994 08:49:37 GMT`), the form V1 requires.

use core::fmt;

use oss_naming::calendar::{MONTH_NAMES, WEEKDAY_NAMES, civil_from_days, weekday};

/// A three-letter name as one little-endian word, so a name is matched with one compare.
const fn word(name: [u8; 3]) -> u32 {
    u32::from_le_bytes([name[0], name[1], name[2], 0])
}

const SUN: u32 = word(*WEEKDAY_NAMES[0]);
const MON: u32 = word(*WEEKDAY_NAMES[1]);
const TUE: u32 = word(*WEEKDAY_NAMES[2]);
const WED: u32 = word(*WEEKDAY_NAMES[3]);
const THU: u32 = word(*WEEKDAY_NAMES[4]);
const FRI: u32 = word(*WEEKDAY_NAMES[5]);
const SAT: u32 = word(*WEEKDAY_NAMES[6]);

const JAN: u32 = word(*MONTH_NAMES[0]);
const FEB: u32 = word(*MONTH_NAMES[1]);
const MAR: u32 = word(*MONTH_NAMES[2]);
const APR: u32 = word(*MONTH_NAMES[3]);
const MAY: u32 = word(*MONTH_NAMES[4]);
const JUN: u32 = word(*MONTH_NAMES[5]);
const JUL: u32 = word(*MONTH_NAMES[6]);
const AUG: u32 = word(*MONTH_NAMES[7]);
const SEP: u32 = word(*MONTH_NAMES[8]);
const OCT: u32 = word(*MONTH_NAMES[9]);
const NOV: u32 = word(*MONTH_NAMES[10]);
const DEC: u32 = word(*MONTH_NAMES[11]);

/// For a month name: the days of the year before its first day (in a common year) and its
/// length (February: 28; the leap day is added by the caller).
const fn month_of(name: u32) -> Option<(u32, u32)> {
    Some(match name {
        JAN => (0, 31),
        FEB => (31, 28),
        MAR => (59, 31),
        APR => (90, 30),
        MAY => (120, 31),
        JUN => (151, 30),
        JUL => (181, 31),
        AUG => (212, 31),
        SEP => (243, 30),
        OCT => (273, 31),
        NOV => (304, 30),
        DEC => (334, 31),
        _ => return None,
    })
}

/// Two ASCII digits as a number.
const fn two_digits(tens: u8, ones: u8) -> Option<u32> {
    let (tens, ones) = (tens.wrapping_sub(b'0'), ones.wrapping_sub(b'0'));
    if tens < 10 && ones < 10 {
        Some(tens as u32 * 10 + ones as u32)
    } else {
        None
    }
}

/// Leap years from year 1 to `year` inclusive.
const fn leap_years_through(year: u32) -> u32 {
    year / 4 - year / 100 + year / 400
}

/// Parses an RFC 1123 date in GMT to Unix seconds; `None` when it is not one (wrong
/// shape, zone other than `GMT`, impossible day or time, before 1970).
///
/// The weekday must be a valid name but is not cross-checked against the date.
///
/// ```
/// assert_eq!(oss_sign::parse_http_date(b"Wed, 28 Dec 2022 10:27:41 GMT"), Some(1_672_223_261));
/// assert_eq!(oss_sign::parse_http_date(b"2022-12-28T10:27:41Z"), None);
/// ```
#[must_use]
pub fn parse_http_date(text: &[u8]) -> Option<u64> {
    let text: &[u8; 29] = text.try_into().ok()?;
    let &[
        d0,
        d1,
        d2,
        b',',
        b' ',
        day0,
        day1,
        b' ',
        m0,
        m1,
        m2,
        b' ',
        y0,
        y1,
        y2,
        y3,
        b' ',
        h0,
        h1,
        b':',
        i0,
        i1,
        b':',
        s0,
        s1,
        b' ',
        b'G',
        b'M',
        b'T',
    ] = text
    else {
        return None;
    };
    if !matches!(word([d0, d1, d2]), SUN | MON | TUE | WED | THU | FRI | SAT) {
        return None;
    }
    let (days_before_month, month_days) = month_of(word([m0, m1, m2]))?;
    let day = two_digits(day0, day1)?;
    let year = two_digits(y0, y1)? * 100 + two_digits(y2, y3)?;
    let (hour, minute, second) = (
        two_digits(h0, h1)?,
        two_digits(i0, i1)?,
        two_digits(s0, s1)?,
    );
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let after_leap_day = u32::from(leap && days_before_month >= 59);
    let month_days = month_days + u32::from(leap && days_before_month == 31);
    if year < 1970 || day == 0 || day > month_days || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let days = 365 * (year - 1970) + leap_years_through(year - 1) - leap_years_through(1969)
        + days_before_month
        + after_leap_day
        + day
        - 1;
    Some(u64::from(days) * 86_400 + u64::from(hour * 3600 + minute * 60 + second))
}

/// An HTTP date for Unix seconds, displayed as RFC 1123 GMT.
///
/// ```
/// assert_eq!(oss_sign::HttpDate(1_672_223_261).to_string(), "Wed, 28 Dec 2022 10:27:41 GMT");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HttpDate(pub u64);

impl fmt::Display for HttpDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let days = i64::try_from(self.0 / 86_400).map_err(|_| fmt::Error)?;
        let secs = self.0 % 86_400;
        let (year, month, day) = civil_from_days(days);
        let weekday = WEEKDAY_NAMES[weekday(days) as usize];
        let month = MONTH_NAMES[month as usize - 1];
        // The tables are ASCII.
        let name = |bytes: &'static [u8; 3]| core::str::from_utf8(bytes).unwrap_or_default();
        write!(
            f,
            "{}, {day:02} {} {year:04} {:02}:{:02}:{:02} GMT",
            name(weekday),
            name(month),
            secs / 3600,
            secs % 3600 / 60,
            secs % 60
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn round_trips_over_a_wide_range() {
        for secs in (0..4_102_444_800u64).step_by(86_400 * 37 + 3_671) {
            let text = HttpDate(secs).to_string();
            assert_eq!(parse_http_date(text.as_bytes()), Some(secs), "{text}");
        }
    }

    #[test]
    fn rejects_bad_dates() {
        for bad in [
            &b"Wed, 28 Dec 2022 10:27:41 UTC"[..],
            b"Wed, 28 Dec 2022 10:27:41 +0000",
            b"Wed, 30 Feb 2022 10:27:41 GMT",
            b"Wed, 29 Feb 2023 10:27:41 GMT",
            b"Wed, 28 Dec 1969 10:27:41 GMT",
            b"Wed, 28 Dec 2022 24:00:00 GMT",
            b"Xyz, 28 Dec 2022 10:27:41 GMT",
            b"Wed, 28 Foo 2022 10:27:41 GMT",
            b"Wed,  8 Dec 2022 10:27:41 GMT",
            b"",
        ] {
            assert_eq!(
                parse_http_date(bad),
                None,
                "{}",
                alloc::string::String::from_utf8_lossy(bad)
            );
        }
        assert_eq!(
            parse_http_date(b"Thu, 29 Feb 2024 00:00:00 GMT"),
            Some(1_709_164_800)
        );
    }

    #[test]
    fn every_day_from_1970_to_2500_and_the_last_one() {
        let last = oss_naming::calendar::days_from_civil(9999, 12, 31);
        for days in (0..=days_from_civil_of_2500()).chain([last]) {
            let secs = u64::try_from(days).unwrap() * 86_400 + 86_399;
            let text = HttpDate(secs).to_string();
            assert_eq!(parse_http_date(text.as_bytes()), Some(secs), "{text}");
        }
    }

    fn days_from_civil_of_2500() -> i64 {
        oss_naming::calendar::days_from_civil(2500, 12, 31)
    }

    #[test]
    fn names_must_match_exactly() {
        for bad in [
            &b"wed, 28 Dec 2022 10:27:41 GMT"[..],
            b"Wed, 28 dec 2022 10:27:41 GMT",
            b"Wed, 28 DEC 2022 10:27:41 GMT",
            b"Wed, 28 De\0 2022 10:27:41 GMT",
            b"We\0, 28 Dec 2022 10:27:41 GMT",
            b"Wed, 2x Dec 2022 10:27:41 GMT",
            b"Wed, 28 Dec 2022 10:27:/1 GMT",
            b"Wed, 00 Dec 2022 10:27:41 GMT",
            b"Wed, 31 Nov 2022 10:27:41 GMT",
        ] {
            assert_eq!(parse_http_date(bad), None);
        }
        assert_eq!(
            parse_http_date(b"Wed, 28 Dec 2022 23:59:60 GMT"),
            Some(1_672_271_999 + 1)
        );
    }
}
