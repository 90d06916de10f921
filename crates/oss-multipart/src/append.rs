//! AppendObject positions and sizes.

use oss_errors::{Entry, Error};

use crate::limits::MAX_APPEND_OBJECT_SIZE;

/// Checks an AppendObject request and returns the next append position.
///
/// `current_length` is the appendable object's length, `None` when there is no object
/// yet. The first append uses position 0; every later one the current length (what OSS
/// returned in `x-oss-next-append-position`). The object may grow to 5 GiB.
///
/// # Errors
/// PositionNotEqualToLength (409) when `position` is not the current length (0 for a new
/// object); InlineDataTooLarge when the object would exceed 5 GiB.
///
/// ```
/// use oss_multipart::check_append;
/// assert_eq!(check_append(0, None, 10)?, 10);
/// assert_eq!(check_append(10, Some(10), 5)?, 15);
/// assert_eq!(check_append(0, Some(10), 5).unwrap_err().status(), 409);
/// # Ok::<(), oss_errors::Error>(())
/// ```
pub fn check_append(
    position: u64,
    current_length: Option<u64>,
    data_len: u64,
) -> Result<u64, Error> {
    if position != current_length.unwrap_or(0) {
        return Err(Entry::PositionNotEqualToLength.into());
    }
    match position.checked_add(data_len) {
        Some(next) if next <= MAX_APPEND_OBJECT_SIZE => Ok(next),
        _ => Err(Entry::InlineDataTooLarge.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::prelude::rust_2024::*;

    #[test]
    fn positions_and_sizes() {
        assert_eq!(check_append(0, Some(0), 0).unwrap(), 0);
        assert_eq!(
            check_append(5, None, 1).unwrap_err().entry(),
            Entry::PositionNotEqualToLength
        );
        assert_eq!(
            check_append(4, Some(5), 1).unwrap_err().to_string(),
            "Position is not equal to file length."
        );
        assert_eq!(
            check_append(0, None, MAX_APPEND_OBJECT_SIZE).unwrap(),
            MAX_APPEND_OBJECT_SIZE
        );
        assert_eq!(
            check_append(1, Some(1), MAX_APPEND_OBJECT_SIZE)
                .unwrap_err()
                .entry(),
            Entry::InlineDataTooLarge
        );
        assert_eq!(
            check_append(u64::MAX, Some(u64::MAX), 1)
                .unwrap_err()
                .entry(),
            Entry::InlineDataTooLarge
        );
    }
}
