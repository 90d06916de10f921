//! The policy's `expiration`: ISO 8601 in GMT, e.g. `2014-12-01T12:00:00.000Z`.

use oss_naming::calendar::{days_from_civil, days_in_month};

/// Seconds since the Unix epoch for `YYYY-MM-DDTHH:MM:SS[.fraction]Z`, or `None`.
///
/// Only the UTC designator `Z` is accepted: OSS asks for GMT, and `"2023-02-19 13:19:00"`
/// (a space, no zone) is one of its documented rejections. The fraction is ignored.
pub(crate) fn parse_iso8601(text: &[u8]) -> Option<i64> {
    let (date_time, fraction) = match text.strip_suffix(b"Z")? {
        t if t.len() > 19 => (&t[..19], &t[19..]),
        t => (t, &[][..]),
    };
    if !fraction.is_empty() {
        let digits = fraction.strip_prefix(b".")?;
        if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
    }
    let [
        y0,
        y1,
        y2,
        y3,
        b'-',
        mo0,
        mo1,
        b'-',
        d0,
        d1,
        b'T',
        h0,
        h1,
        b':',
        mi0,
        mi1,
        b':',
        s0,
        s1,
    ] = *date_time
    else {
        return None;
    };
    let year = number(&[y0, y1, y2, y3])?;
    let month = number(&[mo0, mo1])?;
    let day = number(&[d0, d1])?;
    let (hour, minute, second) = (number(&[h0, h1])?, number(&[mi0, mi1])?, number(&[s0, s1])?);
    let month = u32::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
    let day = u32::try_from(day)
        .ok()
        .filter(|d| (1..=days_in_month(year, month)).contains(d))?;
    let valid = hour < 24 && minute < 60 && second < 60;
    valid.then(|| days_from_civil(year, month, day) * 86_400 + hour * 3_600 + minute * 60 + second)
}

fn number(digits: &[u8]) -> Option<i64> {
    digits.iter().try_fold(0i64, |acc, &d| {
        d.is_ascii_digit().then(|| acc * 10 + i64::from(d - b'0'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::prelude::rust_2024::*;

    #[test]
    fn parses_the_documented_forms() {
        assert_eq!(parse_iso8601(b"1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(parse_iso8601(b"2013-12-01T12:00:00Z"), Some(1_385_899_200));
        assert_eq!(
            parse_iso8601(b"2014-12-01T12:00:00.000Z"),
            Some(1_417_435_200)
        );
        assert_eq!(
            parse_iso8601(b"2020-03-19T03:44:06.476Z"),
            Some(1_584_589_446)
        );
        assert_eq!(parse_iso8601(b"2024-02-29T23:59:59Z"), Some(1_709_251_199));
    }

    #[test]
    fn rejects_other_forms() {
        for bad in [
            &b"2023-02-19 13:19:00"[..],
            b"2023-02-19T13:19:00",
            b"2023-02-19T13:19:00+08:00",
            b"2023-02-19T13:19:00.Z",
            b"2023-02-19T13:19:00.1xZ",
            b"2023-13-19T13:19:00Z",
            b"2023-02-29T13:19:00Z",
            b"2023-02-19T24:00:00Z",
            b"2023-02-19T13:60:00Z",
            b"2023-2-19T13:19:00Z",
            b"",
            b"Z",
        ] {
            assert_eq!(parse_iso8601(bad), None, "{}", bad.escape_ascii());
        }
    }
}
