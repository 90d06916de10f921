//! Inputs the fuzz targets (`fuzz/`) found, kept as plain tests.

use oss_naming::calendar::{civil_from_days, days_from_civil, weekday};

/// `naming_dates` found it: `civil_from_days` added the epoch shift to the day count
/// itself, which overflowed for counts within 719 468 of `i64::MAX` (a panic in debug
/// builds); `weekday` had the same addition. Expected values from the same algorithm on
/// unbounded integers.
#[test]
fn calendar_helpers_take_any_day_count() {
    assert_eq!(civil_from_days(i64::MAX), (25_252_734_927_768_524, 7, 27));
    assert_eq!(civil_from_days(i64::MIN), (-25_252_734_927_764_585, 6, 7));
    assert_eq!(weekday(i64::MAX), 4);
    assert_eq!(weekday(i64::MIN), 3);
    // The fuzzer's input, as seconds.
    let days = 9_223_372_036_854_722_605;
    let (year, month, day) = civil_from_days(days);
    // 400 Gregorian years are 146 097 days, and 7 days a week.
    assert_eq!(civil_from_days(days - 146_097), (year - 400, month, day));
    assert_eq!(weekday(days - 7), weekday(days));
    // Where the day count of the date fits, the round trip holds.
    for days in [i64::MAX / 2, i64::MIN / 2, -719_468, 0, 2_932_896] {
        let (year, month, day) = civil_from_days(days);
        assert_eq!(days_from_civil(year, month, day), Some(days));
    }
    // Where it does not, the answer says so instead of overflowing.
    assert_eq!(days_from_civil(i64::MAX, 12, 31), None);
    assert_eq!(days_from_civil(i64::MIN, 1, 1), None);
    let (year, month, day) = civil_from_days(i64::MAX);
    assert_eq!(days_from_civil(year, month, day), Some(i64::MAX));
}
