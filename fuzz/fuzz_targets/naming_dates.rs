//! The date parsers of `oss-naming`: RFC 1123 (`Date`), ISO 8601 (policy `expiration`),
//! the compact V4 `x-oss-date` and credential day, and UNIX seconds.
//!
//! - Text: never panics. RFC 1123 and the compact forms are canonical (one spelling per
//!   instant), so an accepted text formats back to itself byte for byte. An accepted ISO
//!   8601 time formats (to the millisecond) into text that parses to the same instant
//!   truncated to the millisecond; a UNIX date parses as `i64::from_str` does, within
//!   the epoch and `now`.
//! - Instants: the first bytes as seconds and nanoseconds; any instant in range formats
//!   in every form and parses back (to the second, or the millisecond for ISO 8601), and
//!   the calendar helpers agree with it; the calendar helpers take any day count.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oss_core::naming::calendar::{civil_from_days, days_from_civil, days_in_month, weekday};
use oss_core::naming::{
    Timestamp, parse_compact_day, parse_compact_iso8601, parse_iso8601, parse_rfc1123,
    parse_unix_date,
};

const NOW: i64 = 1_702_743_657;

fn same_millisecond(a: Timestamp, b: Timestamp) -> bool {
    a.unix_seconds() == b.unix_seconds()
        && a.subsec_nanos() / 1_000_000 == b.subsec_nanos() / 1_000_000
}

fn check_text(text: &str) {
    if let Ok(t) = parse_rfc1123(text) {
        assert_eq!(t.rfc1123().to_string(), text);
        assert_eq!(t.subsec_nanos(), 0);
    }
    if let Ok(t) = parse_iso8601(text) {
        let formatted = t.iso8601().to_string();
        let again = parse_iso8601(&formatted).expect("a formatted time parses");
        assert!(same_millisecond(again, t), "{text:?} -> {formatted:?}");
        assert_eq!(again.subsec_nanos() % 1_000_000, 0);
        if text.len() == 24 {
            assert_eq!(formatted, text);
        }
    }
    if let Some(t) = parse_compact_iso8601(text) {
        assert_eq!(t.compact_iso8601().as_str(), text);
    }
    if let Some(t) = parse_compact_day(text) {
        assert_eq!(t.compact_iso8601().day(), text);
        assert_eq!(t.unix_seconds().rem_euclid(86_400), 0);
    }
    let plain = text.strip_prefix('-').unwrap_or(text);
    let model = text
        .parse::<i64>()
        .ok()
        .filter(|_| !plain.is_empty() && plain.bytes().all(|b| b.is_ascii_digit()))
        .filter(|secs| (0..=NOW).contains(secs));
    assert_eq!(parse_unix_date(text, NOW).ok(), model, "{text:?}");
}

/// The calendar helpers on any day count: a valid date and weekday, and the date's day
/// count is the one given.
fn check_days(days: i64) {
    let (year, month, day) = civil_from_days(days);
    assert!((1..=12).contains(&month) && (1..=days_in_month(year, month)).contains(&day));
    assert!(weekday(days) < 7);
    if let Some(before) = days.checked_sub(7) {
        assert_eq!(weekday(before), weekday(days));
    }
    // Every date `civil_from_days` gives has its day count back (a count that is an
    // `i64` by construction).
    assert_eq!(days_from_civil(year, month, day), Some(days));
}

fn check_instant(secs: i64, nanos: u32) {
    check_days(secs);
    check_days(secs.div_euclid(86_400));
    let Some(t) = Timestamp::from_unix_nanos(secs, nanos) else {
        assert!(nanos > 999_999_999 || Timestamp::from_unix(secs).is_none());
        return;
    };
    let whole = Timestamp::from_unix(secs).expect("in range");
    assert_eq!(parse_rfc1123(&t.rfc1123().to_string()), Ok(whole));
    assert_eq!(
        parse_compact_iso8601(t.compact_iso8601().as_str()),
        Some(whole)
    );
    let iso = t.iso8601().to_string();
    assert!(
        same_millisecond(parse_iso8601(&iso).expect("formatted ISO 8601 parses"), t),
        "{iso}"
    );
    let day = t.compact_iso8601();
    let midnight = parse_compact_day(day.day()).expect("formatted day parses");
    assert_eq!(midnight.unix_seconds(), secs - secs.rem_euclid(86_400));
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = core::str::from_utf8(data) {
        check_text(text);
    }
    let mut secs = [0u8; 8];
    let mut nanos = [0u8; 4];
    for (slot, byte) in secs.iter_mut().chain(nanos.iter_mut()).zip(data) {
        *slot = *byte;
    }
    let secs = i64::from_le_bytes(secs);
    let nanos = u32::from_le_bytes(nanos);
    check_instant(secs, nanos);
    // Also a share of inputs inside the range, where the formats are exercised.
    let span = Timestamp::MAX.unix_seconds() - Timestamp::MIN.unix_seconds() + 1;
    check_instant(
        Timestamp::MIN.unix_seconds() + secs.rem_euclid(span),
        nanos % 1_000_000_000,
    );
});
