//! Part numbers and part sizes of a multipart upload.

use oss_errors::{Entry, Error};
use oss_naming::parse_decimal;

use crate::limits::{
    MAX_MULTIPART_OBJECT_SIZE, MAX_PART_NUMBER, MAX_PART_SIZE, MIN_PART_NUMBER, MIN_PART_SIZE,
};

/// Checks an UploadPart `partNumber`: 1 to 10000.
///
/// # Errors
/// InvalidArgument "Part number must be an integer between 1 and 10000, inclusive."
/// (ArgumentName `PartNumber`).
///
/// ```
/// use oss_multipart::check_part_number;
/// assert!(check_part_number(10_000).is_ok());
/// let err = check_part_number(0).unwrap_err();
/// assert_eq!(err.entry().argument_name(), Some("PartNumber"));
/// ```
pub fn check_part_number(number: u32) -> Result<(), Error> {
    if (MIN_PART_NUMBER..=MAX_PART_NUMBER).contains(&number) {
        Ok(())
    } else {
        Err(Entry::PartNumberOutOfRange.into())
    }
}

/// Parses and checks the `partNumber` query parameter of UploadPart.
///
/// # Errors
/// InvalidArgument "Part number must be an integer between 1 and 10000, inclusive." for
/// anything but a decimal integer from 1 to 10000 (leading zeros are accepted).
///
/// ```
/// use oss_multipart::parse_part_number;
/// assert_eq!(parse_part_number(b"42")?, 42);
/// assert!(parse_part_number(b"4.2").is_err());
/// assert!(parse_part_number(b"10001").is_err());
/// # Ok::<(), oss_errors::Error>(())
/// ```
pub fn parse_part_number(text: &[u8]) -> Result<u32, Error> {
    let number = parse_decimal(text)
        .and_then(|n| u32::try_from(n).ok())
        .ok_or(Entry::PartNumberOutOfRange)?;
    check_part_number(number)?;
    Ok(number)
}

/// Checks the size of one part, as CompleteMultipartUpload does: every part but the last
/// at least 100 KiB, every part at most 5 GiB.
///
/// # Errors
/// EntityTooSmall for a part other than the last below 100 KiB; EntityTooLarge above
/// 5 GiB.
///
/// ```
/// use oss_multipart::{MIN_PART_SIZE, check_part_size};
/// assert!(check_part_size(MIN_PART_SIZE, false).is_ok());
/// assert!(check_part_size(1, true).is_ok()); // the last part may be small
/// assert!(check_part_size(1, false).is_err());
/// ```
pub fn check_part_size(size: u64, is_last: bool) -> Result<(), Error> {
    if size > MAX_PART_SIZE {
        Err(Entry::UploadTooLarge.into())
    } else if size < MIN_PART_SIZE && !is_last {
        Err(Entry::UploadTooSmall.into())
    } else {
        Ok(())
    }
}

/// Checks the parts an upload is completed with, given as `(part number, size)` in the
/// order listed: numbers ascending (gaps allowed) and in range, sizes per
/// [`check_part_size`], at least one part, the object at most 48.8 TB. Returns the
/// object's size.
///
/// # Errors
/// InvalidPartOrder (out of range, or not ascending), EntityTooSmall or EntityTooLarge (a
/// part's size), MalformedXML (no parts), InlineDataTooLarge (the object).
///
/// ```
/// use oss_multipart::{MIN_PART_SIZE, check_parts};
/// assert_eq!(check_parts([(1, MIN_PART_SIZE), (5, 10)])?, MIN_PART_SIZE + 10);
/// assert!(check_parts([(2, MIN_PART_SIZE), (1, 10)]).is_err());
/// # Ok::<(), oss_errors::Error>(())
/// ```
pub fn check_parts<I>(parts: I) -> Result<u64, Error>
where
    I: IntoIterator<Item = (u32, u64)>,
{
    let mut previous: Option<(u32, u64)> = None;
    let mut total: u64 = 0;
    for (number, size) in parts {
        if !(MIN_PART_NUMBER..=MAX_PART_NUMBER).contains(&number) {
            return Err(Entry::CompletePartNumberOutOfRange.into());
        }
        if let Some((last_number, last_size)) = previous {
            if number <= last_number {
                return Err(Entry::PartsNotAscending.into());
            }
            check_part_size(last_size, false)?;
        }
        total = total.saturating_add(size);
        previous = Some((number, size));
    }
    let (_, last_size) = previous.ok_or(Entry::XmlMalformed)?;
    check_part_size(last_size, true)?;
    if total > MAX_MULTIPART_OBJECT_SIZE {
        return Err(Entry::InlineDataTooLarge.into());
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::prelude::rust_2024::*;

    #[test]
    fn part_numbers() {
        for ok in [1, 2, 9_999, 10_000] {
            assert!(check_part_number(ok).is_ok());
        }
        for bad in [0, 10_001, u32::MAX] {
            let err = check_part_number(bad).unwrap_err();
            assert_eq!(
                err.to_string(),
                "Part number must be an integer between 1 and 10000, inclusive."
            );
            assert_eq!(err.code().as_str(), "InvalidArgument");
        }
        assert_eq!(parse_part_number(b"0010").unwrap(), 10);
        for bad in [
            &b""[..],
            b"-1",
            b"+1",
            b" 1",
            b"1e3",
            b"99999999999999999999999",
        ] {
            assert!(parse_part_number(bad).is_err());
        }
    }

    #[test]
    fn part_sizes() {
        assert!(check_part_size(MAX_PART_SIZE, false).is_ok());
        assert_eq!(
            check_part_size(MAX_PART_SIZE + 1, true)
                .unwrap_err()
                .code()
                .as_str(),
            "EntityTooLarge"
        );
        assert_eq!(
            check_part_size(MIN_PART_SIZE - 1, false)
                .unwrap_err()
                .code()
                .as_str(),
            "EntityTooSmall"
        );
        assert!(check_part_size(0, true).is_ok());
    }

    #[test]
    fn part_lists() {
        let small = MIN_PART_SIZE - 1;
        assert_eq!(check_parts([(1, 0)]).unwrap(), 0);
        assert_eq!(
            check_parts([(3, MIN_PART_SIZE), (9, small)]).unwrap(),
            MIN_PART_SIZE + small
        );
        assert_eq!(
            check_parts([(1, small), (2, MIN_PART_SIZE)])
                .unwrap_err()
                .entry(),
            Entry::UploadTooSmall
        );
        assert_eq!(
            check_parts([(2, 1), (2, 1)]).unwrap_err().entry(),
            Entry::PartsNotAscending
        );
        assert_eq!(
            check_parts([(0, 1)]).unwrap_err().entry(),
            Entry::CompletePartNumberOutOfRange
        );
        assert_eq!(
            check_parts([(10_001, 1)]).unwrap_err().entry(),
            Entry::CompletePartNumberOutOfRange
        );
        assert_eq!(check_parts([]).unwrap_err().entry(), Entry::XmlMalformed);
        let huge = (1..=10_000).map(|n| (n, MAX_PART_SIZE));
        assert_eq!(check_parts(huge).unwrap(), MAX_MULTIPART_OBJECT_SIZE);
    }
}
