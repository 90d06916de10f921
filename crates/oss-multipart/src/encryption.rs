//! Client-side encryption (CSE) multipart uploads: the sizes declared at initiation.

use oss_errors::{Entry, Error};
use oss_naming::parse_decimal;

use crate::limits::{ENCRYPTION_PART_ALIGNMENT, MAX_PART_NUMBER};

/// The header with the object's total (unencrypted) size.
pub const DATA_SIZE_HEADER: &str = "x-oss-meta-client-side-encryption-data-size";

/// The header with the part size.
pub const PART_SIZE_HEADER: &str = "x-oss-meta-client-side-encryption-part-size";

/// The sizes a client-side-encrypted multipart upload declares at initiation
/// (`x-oss-meta-client-side-encryption-data-size` and `-part-size`), and the part rules
/// that follow from them.
///
/// ```
/// use oss_multipart::EncryptedUpload;
///
/// let upload = EncryptedUpload::from_headers(Some(b"1000"), Some(b"400"))?;
/// assert_eq!(upload.part_count(), 3);
/// assert!(upload.check_part(1, 400).is_ok());
/// assert!(upload.check_part(3, 200).is_ok());
/// assert!(upload.check_part(3, 400).is_err()); // the last part is what remains
/// # Ok::<(), oss_errors::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct EncryptedUpload {
    data_size: u64,
    part_size: u64,
    part_count: u32,
}

impl EncryptedUpload {
    /// Reads the two header values (`None` when a header is absent).
    ///
    /// # Errors
    /// InvalidEncryptionRequest "The client encryption meta data_size or part_size is
    /// invalid" when a header is missing or not a decimal integer, or the part size is 0
    /// or not a multiple of 16 (the AES block: the SDKs' rule, since part `n`'s CTR counter
    /// starts at `(n - 1) * part_size / 16`); "The parts count calculated by client
    /// encryption meta is too large" when `ceil(data_size / part_size)` exceeds 10000.
    ///
    /// ```
    /// use oss_multipart::EncryptedUpload;
    /// assert!(EncryptedUpload::from_headers(Some(b"10"), Some(b"15")).is_err()); // not a multiple of 16
    /// assert!(EncryptedUpload::from_headers(None, Some(b"16")).is_err());
    /// ```
    pub fn from_headers(data_size: Option<&[u8]>, part_size: Option<&[u8]>) -> Result<Self, Error> {
        let size = |value: Option<&[u8]>| value.map(<[u8]>::trim_ascii).and_then(parse_decimal);
        let (Some(data_size), Some(part_size)) = (size(data_size), size(part_size)) else {
            return Err(Entry::ClientEncryptionSizeInvalid.into());
        };
        Self::new(data_size, part_size)
    }

    /// The rules for `data_size` bytes cut in parts of `part_size` bytes.
    ///
    /// # Errors
    /// As [`EncryptedUpload::from_headers`].
    ///
    /// ```
    /// use oss_multipart::EncryptedUpload;
    /// assert!(EncryptedUpload::new(16 * 10_001, 16).is_err()); // 10001 parts
    /// ```
    pub fn new(data_size: u64, part_size: u64) -> Result<Self, Error> {
        if part_size == 0 || !part_size.is_multiple_of(ENCRYPTION_PART_ALIGNMENT) {
            return Err(Entry::ClientEncryptionSizeInvalid.into());
        }
        let count = data_size.div_ceil(part_size);
        let part_count = u32::try_from(count)
            .ok()
            .filter(|&n| n <= MAX_PART_NUMBER)
            .ok_or(Entry::ClientEncryptionTooManyParts)?;
        Ok(Self {
            data_size,
            part_size,
            part_count,
        })
    }

    /// The declared total size.
    #[must_use]
    pub const fn data_size(&self) -> u64 {
        self.data_size
    }

    /// The declared part size.
    #[must_use]
    pub const fn part_size(&self) -> u64 {
        self.part_size
    }

    /// How many parts the upload must have: `ceil(data_size / part_size)`.
    #[must_use]
    pub const fn part_count(&self) -> u32 {
        self.part_count
    }

    /// The size part `number` must have, or `None` beyond the part count.
    ///
    /// ```
    /// use oss_multipart::EncryptedUpload;
    /// let upload = EncryptedUpload::new(40, 16)?;
    /// assert_eq!((upload.expected_size(1), upload.expected_size(3), upload.expected_size(4)), (Some(16), Some(8), None));
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    #[must_use]
    pub const fn expected_size(&self, number: u32) -> Option<u64> {
        if number == 0 || number > self.part_count {
            None
        } else if number == self.part_count {
            Some(self.data_size - (self.part_count as u64 - 1) * self.part_size)
        } else {
            Some(self.part_size)
        }
    }

    /// Checks one uploaded part.
    ///
    /// # Errors
    /// InvalidEncryptionRequest: "The partId must less or equal to expectedPartNumber"
    /// beyond the part count; "The partSize must same with init_multipart setted except
    /// last part" for a non-last part of another size; "The last partSize must same with
    /// init_multipart setted" for a last part that is not what remains.
    ///
    /// ```
    /// use oss_multipart::EncryptedUpload;
    /// let upload = EncryptedUpload::new(40, 16)?;
    /// assert!(upload.check_part(4, 8).is_err());
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    pub fn check_part(&self, number: u32, size: u64) -> Result<(), Error> {
        let expected = self
            .expected_size(number)
            .ok_or(Entry::ClientEncryptionPartIdTooLarge)?;
        if size == expected {
            Ok(())
        } else if number == self.part_count {
            Err(Entry::ClientEncryptionLastPartMismatch.into())
        } else {
            Err(Entry::ClientEncryptionPartSizeMismatch.into())
        }
    }

    /// Checks the parts an upload is completed with, as `(number, size)`: each per
    /// [`EncryptedUpload::check_part`], and exactly parts 1 to the part count.
    ///
    /// # Errors
    /// As [`EncryptedUpload::check_part`], and InvalidEncryptionRequest "The client
    /// encryption part list is unexpected with init_multipart setted" when a part is
    /// missing, repeated or out of order.
    ///
    /// ```
    /// use oss_multipart::EncryptedUpload;
    /// let upload = EncryptedUpload::new(40, 16)?;
    /// assert!(upload.check_complete([(1, 16), (2, 16), (3, 8)]).is_ok());
    /// assert!(upload.check_complete([(1, 16), (3, 8)]).is_err());
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    pub fn check_complete<I>(&self, parts: I) -> Result<(), Error>
    where
        I: IntoIterator<Item = (u32, u64)>,
    {
        let mut next = 1;
        for (number, size) in parts {
            self.check_part(number, size)?;
            if number != next {
                return Err(Entry::ClientEncryptionPartListUnexpected.into());
            }
            next += 1;
        }
        if next == self.part_count + 1 {
            Ok(())
        } else {
            Err(Entry::ClientEncryptionPartListUnexpected.into())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::prelude::rust_2024::*;

    #[test]
    fn header_values() {
        let upload = EncryptedUpload::from_headers(Some(b" 1048576 "), Some(b"102400")).unwrap();
        assert_eq!(upload.part_count(), 11);
        for (data, part) in [
            (None, Some(&b"16"[..])),
            (Some(&b"1"[..]), None),
            (Some(b"x"), Some(b"16")),
            (Some(b"1"), Some(b"-16")),
            (Some(b"1"), Some(b"0")),
            (Some(b"1"), Some(b"24")),
        ] {
            let err = EncryptedUpload::from_headers(data, part).unwrap_err();
            assert_eq!(
                err.to_string(),
                "The client encryption meta data_size or part_size is invalid"
            );
            assert_eq!(err.code().as_str(), "InvalidEncryptionRequest");
        }
        assert!(EncryptedUpload::new(16 * 10_000, 16).is_ok());
        let err = EncryptedUpload::new(16 * 10_000 + 1, 16).unwrap_err();
        assert_eq!(
            err.to_string(),
            "The parts count calculated by client encryption meta is too large"
        );
    }

    #[test]
    fn parts() {
        let upload = EncryptedUpload::new(40, 16).unwrap();
        assert_eq!(
            upload.check_part(5, 16).unwrap_err().to_string(),
            "The partId must less or equal to expectedPartNumber"
        );
        assert_eq!(
            upload.check_part(0, 16).unwrap_err().entry(),
            Entry::ClientEncryptionPartIdTooLarge
        );
        assert_eq!(
            upload.check_part(2, 8).unwrap_err().to_string(),
            "The partSize must same with init_multipart setted except last part"
        );
        assert_eq!(
            upload.check_part(3, 16).unwrap_err().to_string(),
            "The last partSize must same with init_multipart setted"
        );
        assert_eq!(
            upload
                .check_complete([(1, 16), (2, 16)])
                .unwrap_err()
                .entry(),
            Entry::ClientEncryptionPartListUnexpected
        );
        assert_eq!(
            upload
                .check_complete([(2, 16), (1, 16), (3, 8)])
                .unwrap_err()
                .entry(),
            Entry::ClientEncryptionPartListUnexpected
        );
        let empty = EncryptedUpload::new(0, 16).unwrap();
        assert_eq!(empty.part_count(), 0);
        assert!(empty.check_complete([]).is_ok());
    }
}
