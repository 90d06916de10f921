//! The system clock, read in one place: the commands that judge times take `--now`
//! and fall back to this.

use std::time::{SystemTime, UNIX_EPOCH};

/// The current UNIX time in seconds (0 if the clock is before 1970).
pub(crate) fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs())
}

/// [`unix_now`] as a signed value, for the rules that compare signed timestamps.
pub(crate) fn unix_now_signed() -> i64 {
    i64::try_from(unix_now()).unwrap_or(i64::MAX)
}
