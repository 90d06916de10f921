//! HTTP dates (RFC 1123, `Sun, 06 Nov 1994 08:49:37 GMT`), the form V1 requires.

use core::fmt;

const DAYS: [&[u8; 3]; 7] = [b"Thu", b"Fri", b"Sat", b"Sun", b"Mon", b"Tue", b"Wed"];
const MONTHS: [&[u8; 3]; 12] = [
    b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec",
];

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
const fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_index = (month + 9) % 12;
    let day_of_year = (153 * month_index + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date of a day count since 1970-01-01.
const fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + if month <= 2 { 1 } else { 0 };
    (year, month, day)
}

fn digits(bytes: &[u8]) -> Option<i64> {
    let mut value = 0i64;
    for &b in bytes {
        if !b.is_ascii_digit() {
            return None;
        }
        value = value * 10 + i64::from(b - b'0');
    }
    Some(value)
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
    let [
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
    if !DAYS.contains(&&[*d0, *d1, *d2]) {
        return None;
    }
    let month = MONTHS.iter().position(|m| **m == [*m0, *m1, *m2])? as i64 + 1;
    let day = digits(&[*day0, *day1])?;
    let year = digits(&[*y0, *y1, *y2, *y3])?;
    let (hour, minute, second) = (
        digits(&[*h0, *h1])?,
        digits(&[*i0, *i1])?,
        digits(&[*s0, *s1])?,
    );
    let month_days = match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if year < 1970 || !(1..=month_days).contains(&day) || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let seconds = days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second;
    u64::try_from(seconds).ok()
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
        let weekday = DAYS[usize::try_from(days % 7).map_err(|_| fmt::Error)?];
        let month = MONTHS[usize::try_from(month - 1).map_err(|_| fmt::Error)?];
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
}
