//! The system clock, read in one place: the commands that judge times take `--now`
//! and fall back to this. The reading itself is `oss_naming::Timestamp::now`, the one
//! time type of oss-core.

use oss_core::naming::Timestamp;

/// The current UNIX time in seconds (0 if the clock is before 1970 or beyond what
/// [`Timestamp`] represents).
pub(crate) fn unix_now() -> u64 {
    u64::try_from(unix_now_signed()).unwrap_or(0)
}

/// The current UNIX time in seconds, signed (negative before 1970; 0 if the clock is
/// beyond what [`Timestamp`] represents), for the rules that compare signed timestamps.
pub(crate) fn unix_now_signed() -> i64 {
    Timestamp::now().map_or(0, Timestamp::unix_seconds)
}
