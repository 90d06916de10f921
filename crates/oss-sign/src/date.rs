//! HTTP dates (RFC 1123, `Sun, 06 Nov 1994 08:49:37 GMT`), the form V1 requires.

use core::fmt;

use oss_naming::calendar::{
    MONTH_NAMES, WEEKDAY_NAMES, civil_from_days, days_from_civil, days_in_month, weekday,
};

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
    if !WEEKDAY_NAMES.contains(&&[*d0, *d1, *d2]) {
        return None;
    }
    let month = MONTH_NAMES.iter().position(|m| **m == [*m0, *m1, *m2])?;
    // `month` < 12.
    #[allow(clippy::cast_possible_truncation)]
    let month = month as u32 + 1;
    let day = digits(&[*day0, *day1])?;
    let year = digits(&[*y0, *y1, *y2, *y3])?;
    let (hour, minute, second) = (
        digits(&[*h0, *h1])?,
        digits(&[*i0, *i1])?,
        digits(&[*s0, *s1])?,
    );
    let month_days = i64::from(days_in_month(year, month));
    if year < 1970 || !(1..=month_days).contains(&day) || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    // `day` is in 1..=31.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let day = day as u32;
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
}
