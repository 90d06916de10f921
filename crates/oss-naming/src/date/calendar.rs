//! Calendar arithmetic on the proleptic Gregorian calendar, counted in days since
//! 1970-01-01, and the English day and month names HTTP dates use.
//!
//! These are the building blocks of [`Timestamp`](crate::Timestamp); they take any year an
//! `i64` day count can reach, so parsers with their own grammar can share them.
//!
//! ```
//! use oss_naming::calendar::{MONTH_NAMES, WEEKDAY_NAMES, civil_from_days, days_from_civil, weekday};
//!
//! let days = days_from_civil(1994, 11, 6).unwrap();
//! assert_eq!(civil_from_days(days), (1994, 11, 6));
//! assert_eq!(WEEKDAY_NAMES[weekday(days) as usize], b"Sun");
//! assert_eq!(MONTH_NAMES[11 - 1], b"Nov");
//! ```

/// Three-letter English day names, Sunday first (index = [`weekday`]).
///
/// ```
/// assert_eq!(oss_naming::calendar::WEEKDAY_NAMES[0], b"Sun");
/// ```
pub const WEEKDAY_NAMES: [&[u8; 3]; 7] = [b"Sun", b"Mon", b"Tue", b"Wed", b"Thu", b"Fri", b"Sat"];

/// Three-letter English month names, January first (index = month - 1).
///
/// ```
/// assert_eq!(oss_naming::calendar::MONTH_NAMES[11], b"Dec");
/// ```
pub const MONTH_NAMES: [&[u8; 3]; 12] = [
    b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec",
];

/// A UTC date and time of day, fields in their usual ranges.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Civil {
    pub(super) year: u32,
    pub(super) month: u32,
    pub(super) day: u32,
    pub(super) hour: u32,
    pub(super) minute: u32,
    pub(super) second: u32,
}

impl Civil {
    /// Splits seconds since the epoch (within [`super::Timestamp`]'s range) into fields.
    pub(super) const fn from_unix(secs: i64) -> Self {
        let days = secs.div_euclid(86_400);
        let of_day = secs.rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        // Within the supported range (years 1 to 9999) the year fits a `u32`, and
        // `of_day` < 86400, so the casts are exact.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Self {
            year: year as u32,
            month,
            day,
            hour: (of_day / 3_600) as u32,
            minute: (of_day % 3_600 / 60) as u32,
            second: (of_day % 60) as u32,
        }
    }

    /// Whether every field is in range: a real day of a year 1 to 9999, and a time of day
    /// up to 23:59:59.
    pub(super) const fn is_valid(self) -> bool {
        self.year >= 1
            && self.year <= 9999
            && self.month >= 1
            && self.month <= 12
            && self.day >= 1
            && self.day <= days_in_month(self.year as i64, self.month)
            && self.hour <= 23
            && self.minute <= 59
            && self.second <= 59
    }

    /// Days since 1970-01-01 of the date (a year of 1 to 9999 always fits).
    pub(super) const fn days(self) -> i64 {
        match days_from_civil(self.year as i64, self.month, self.day) {
            Some(days) => days,
            None => i64::MIN,
        }
    }
}

/// Whether `year` has a 29 February.
///
/// ```
/// use oss_naming::calendar::is_leap_year;
///
/// assert!(is_leap_year(2000) && is_leap_year(2024));
/// assert!(!is_leap_year(1900) && !is_leap_year(2023));
/// ```
#[must_use]
pub const fn is_leap_year(year: i64) -> bool {
    year.rem_euclid(4) == 0 && (year.rem_euclid(100) != 0 || year.rem_euclid(400) == 0)
}

/// The number of days of `month` (1 to 12; anything else counts as 31) in `year`.
///
/// ```
/// use oss_naming::calendar::days_in_month;
///
/// assert_eq!(days_in_month(2024, 2), 29);
/// assert_eq!(days_in_month(2023, 2), 28);
/// assert_eq!(days_in_month(2023, 4), 30);
/// ```
#[must_use]
pub const fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a date, negative before (H. Hinnant's `days_from_civil`), or
/// `None` when the count does not fit an `i64` (years beyond about ±2.5 × 10¹⁶).
///
/// The month (1 to 12) and day are not checked: ask [`days_in_month`] first.
///
/// ```
/// use oss_naming::calendar::days_from_civil;
///
/// assert_eq!(days_from_civil(1970, 1, 1), Some(0));
/// assert_eq!(days_from_civil(1, 1, 1), Some(-719_162));
/// assert_eq!(days_from_civil(i64::MAX, 12, 31), None);
/// ```
#[must_use]
#[expect(
    clippy::cast_possible_truncation,
    reason = "the i128 count is checked against i64's range before the cast"
)]
pub const fn days_from_civil(year: i64, month: u32, day: u32) -> Option<i64> {
    let Some(year) = year.checked_sub(if month <= 2 { 1 } else { 0 }) else {
        return None;
    };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let month_from_march = (month as i64 + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day as i64 - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    // Exact in i128 (|era| < 2^55), then checked against i64's range.
    let days = era as i128 * 146_097 + (day_of_era - 719_468) as i128;
    if days >= i64::MIN as i128 && days <= i64::MAX as i128 {
        Some(days as i64)
    } else {
        None
    }
}

/// The date `(year, month, day)` of a day count since 1970-01-01 (H. Hinnant's
/// `civil_from_days`).
///
/// ```
/// use oss_naming::calendar::civil_from_days;
///
/// assert_eq!(civil_from_days(0), (1970, 1, 1));
/// assert_eq!(civil_from_days(2_932_896), (9999, 12, 31));
/// ```
#[must_use]
pub const fn civil_from_days(days: i64) -> (i64, u32, u32) {
    // Counted from 0000-03-01 (719 468 days before the epoch) in eras of 400 years. The
    // shift is added to the day within the era, not to `days`, so no day count overflows.
    let shifted = days.rem_euclid(146_097) + 719_468;
    let era = days.div_euclid(146_097) + shifted / 146_097;
    let day_of_era = shifted % 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + if month <= 2 { 1 } else { 0 };
    // The month is in 1..=12 and the day in 1..=31.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    (year, month as u32, day as u32)
}

/// The day of the week of a day count since 1970-01-01, 0 = Sunday (an index into
/// [`WEEKDAY_NAMES`]).
///
/// ```
/// use oss_naming::calendar::weekday;
///
/// assert_eq!(weekday(0), 4); // 1970-01-01 was a Thursday
/// ```
#[must_use]
pub const fn weekday(days: i64) -> u32 {
    // 1970-01-01 was a Thursday; the result is in 0..7 (and no day count overflows).
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let day = ((days.rem_euclid(7) + 4) % 7) as u32;
    day
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_day_of_four_centuries() {
        let mut days = days_from_civil(1600, 1, 1).unwrap();
        for year in 1600..2001 {
            for month in 1..=12 {
                for day in 1..=days_in_month(year, month) {
                    assert_eq!(days_from_civil(year, month, day), Some(days));
                    assert_eq!(civil_from_days(days), (year, month, day));
                    days += 1;
                }
            }
        }
    }

    #[test]
    fn known_days() {
        assert_eq!(days_from_civil(1970, 1, 1), Some(0));
        assert_eq!(weekday(0), 4);
        assert_eq!(days_from_civil(1, 1, 1), Some(-719_162));
        assert_eq!(civil_from_days(2_932_896), (9999, 12, 31));
    }
}
