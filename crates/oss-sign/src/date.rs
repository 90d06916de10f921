//! HTTP dates (RFC 1123, `Sun, 06 Nov 1994 08:49:37 GMT`), the form V1 requires.

use core::fmt;

use oss_naming::calendar::{MONTH_NAMES, WEEKDAY_NAMES, civil_from_days, weekday};

use crate::words::ONES;

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

/// Leap years from year 1 to `year` inclusive.
const fn leap_years_through(year: u32) -> u32 {
    year / 4 - year / 100 + year / 400
}

/// The length of an RFC 1123 date: `Sun, 06 Nov 1994 08:49:37 GMT`.
const DATE_LEN: usize = 29;

/// Eight bytes of `text` from `AT`, as a little-endian word (byte `AT` lowest).
#[inline(always)]
fn word_at<const AT: usize>(text: &[u8; DATE_LEN]) -> u64 {
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&text[AT..AT + 8]);
    u64::from_le_bytes(bytes)
}

/// A word's byte `at` (0 = lowest).
#[inline(always)]
const fn byte(word: u64, at: u32) -> u32 {
    ((word >> (8 * at)) & 0xFF) as u32
}

/// A mask of whole bytes: `0xFF` at each of the byte positions `at`.
const fn byte_mask(at: &[u32]) -> u64 {
    let mut mask = 0;
    let mut i = 0;
    while i < at.len() {
        mask |= 0xFF << (8 * at[i]);
        i += 1;
    }
    mask
}

/// The bytes of `word` at the positions of `digits` (a [`byte_mask`]) as their values,
/// when all of them are ASCII digits; the other bytes are cleared.
#[inline(always)]
const fn digit_values(word: u64, digits: u64) -> Option<u64> {
    let values = (word ^ (0x30 * ONES)) & digits;
    // A value above 9 reaches bit 7 once 0x76 is added (or has it already). A carry out
    // of a byte only happens when that byte has bit 7 set itself.
    let high_bits = (0x80 * ONES) & digits;
    if (values.wrapping_add((0x76 * ONES) & digits) | values) & high_bits == 0 {
        Some(values)
    } else {
        None
    }
}

/// The punctuation of an RFC 1123 date, per word of [`parse_http_date`]: `(mask,
/// expected bytes)`.
const SEPARATORS: [(u64, u64); 4] = {
    const fn fixed(at: &[(u32, u8)]) -> (u64, u64) {
        let mut mask = 0;
        let mut expected = 0;
        let mut i = 0;
        while i < at.len() {
            mask |= 0xFF << (8 * at[i].0);
            expected |= (at[i].1 as u64) << (8 * at[i].0);
            i += 1;
        }
        (mask, expected)
    }
    [
        // Bytes 0..8: `Www, DD `.
        fixed(&[(3, b','), (4, b' '), (7, b' ')]),
        // Bytes 8..16: `Mmm YYYY`.
        fixed(&[(3, b' ')]),
        // Bytes 16..24: ` HH:MM:S`.
        fixed(&[(0, b' '), (3, b':'), (6, b':')]),
        // Bytes 21..29: `M:SS GMT`.
        fixed(&[(4, b' '), (5, b'G'), (6, b'M'), (7, b'T')]),
    ]
};

/// Parses an RFC 1123 date in GMT to Unix seconds; `None` when it is not one (wrong
/// shape, zone other than `GMT`, impossible day or time, before 1970).
///
/// The weekday must be a valid name but is not cross-checked against the date.
///
/// The 29 bytes are read as four overlapping words: the punctuation is checked with one
/// masked compare per word and the digits of a word all at once, which takes about a
/// third of the instructions of a byte-by-byte match (verification parses the date of
/// every request before it can start hashing).
///
/// ```
/// assert_eq!(oss_sign::parse_http_date(b"Wed, 28 Dec 2022 10:27:41 GMT"), Some(1_672_223_261));
/// assert_eq!(oss_sign::parse_http_date(b"2022-12-28T10:27:41Z"), None);
/// ```
#[must_use]
pub fn parse_http_date(text: &[u8]) -> Option<u64> {
    let text: &[u8; DATE_LEN] = text.try_into().ok()?;
    let words = [
        word_at::<0>(text),
        word_at::<8>(text),
        word_at::<16>(text),
        word_at::<21>(text),
    ];
    let mut punctuation = 0;
    for (word, (mask, expected)) in words.iter().zip(SEPARATORS) {
        punctuation |= (word & mask) ^ expected;
    }
    if punctuation != 0 {
        return None;
    }
    let [w0, w1, w2, w3] = words;
    let day_digits = digit_values(w0, byte_mask(&[5, 6]))?;
    let year_digits = digit_values(w1, byte_mask(&[4, 5, 6, 7]))?;
    let time_digits = digit_values(w2, byte_mask(&[1, 2, 4, 5, 7]))?;
    let last_digit = digit_values(w3, byte_mask(&[3]))?;
    // The names: three bytes each, as in `word`.
    #[allow(clippy::cast_possible_truncation)]
    let (weekday_name, month_name) = ((w0 & 0xFF_FFFF) as u32, (w1 & 0xFF_FFFF) as u32);
    if !matches!(weekday_name, SUN | MON | TUE | WED | THU | FRI | SAT) {
        return None;
    }
    let (days_before_month, month_days) = month_of(month_name)?;
    let day = byte(day_digits, 5) * 10 + byte(day_digits, 6);
    let year = byte(year_digits, 4) * 1000
        + byte(year_digits, 5) * 100
        + byte(year_digits, 6) * 10
        + byte(year_digits, 7);
    let hour = byte(time_digits, 1) * 10 + byte(time_digits, 2);
    let minute = byte(time_digits, 4) * 10 + byte(time_digits, 5);
    let second = byte(time_digits, 7) * 10 + byte(last_digit, 3);
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
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

    /// The same rules matched byte by byte: the oracle for the word-at-a-time parser.
    fn parse_bytewise(text: &[u8]) -> Option<u64> {
        let digit = |byte: u8| byte.is_ascii_digit().then(|| u32::from(byte - b'0'));
        let two = |tens: u8, ones: u8| Some(digit(tens)? * 10 + digit(ones)?);
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
        let (before, length) = month_of(word([m0, m1, m2]))?;
        let (day, year) = (two(day0, day1)?, two(y0, y1)? * 100 + two(y2, y3)?);
        let (hour, minute, second) = (two(h0, h1)?, two(i0, i1)?, two(s0, s1)?);
        let leap =
            year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        let length = length + u32::from(leap && before == 31);
        if year < 1970 || day == 0 || day > length || hour > 23 || minute > 59 || second > 60 {
            return None;
        }
        let days = 365 * (year - 1970) + leap_years_through(year - 1) - leap_years_through(1969)
            + before
            + u32::from(leap && before >= 59)
            + day
            - 1;
        Some(u64::from(days) * 86_400 + u64::from(hour * 3600 + minute * 60 + second))
    }

    #[test]
    fn agrees_with_the_bytewise_rules_for_every_byte_at_every_position() {
        let dates = [
            "Wed, 28 Dec 2022 10:27:41 GMT",
            "Thu, 29 Feb 2024 23:59:60 GMT",
            "Sun, 01 Jan 1970 00:00:00 GMT",
            "Fri, 31 Dec 9999 09:09:09 GMT",
        ];
        for date in dates {
            let original = date.as_bytes();
            assert_eq!(
                parse_http_date(original),
                parse_bytewise(original),
                "{date}"
            );
            for at in 0..original.len() {
                for byte in 0..=u8::MAX {
                    let mut text = [0u8; DATE_LEN];
                    text.copy_from_slice(original);
                    text[at] = byte;
                    assert_eq!(
                        parse_http_date(&text),
                        parse_bytewise(&text),
                        "{date} with byte {at} = {byte}"
                    );
                }
            }
        }
    }

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
