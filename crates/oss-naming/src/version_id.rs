//! Object version ids (`versionId`).

use oss_errors::{Entry, Error};

use crate::byte_class::{self, VISIBLE};

/// Checks a `versionId` value: not empty, and visible ASCII only.
///
/// OSS version ids are opaque printable strings (such as
/// `CAEQNhiBgMDJgZCA0BYiIDc4MGZjZGI2OTBjOTRmNTE5NmU5NmFhZjhjYmY0`, or `null` for an object
/// written before versioning was enabled); OSS documents no further rule, so only spaces,
/// controls and non-ASCII bytes are rejected here.
///
/// ```
/// use oss_errors::Entry;
/// use oss_naming::check_version_id;
///
/// assert!(check_version_id("null").is_ok());
/// assert_eq!(check_version_id("").unwrap_err().entry(), Entry::VersionIdEmpty);
/// assert_eq!(check_version_id("a b").unwrap_err().entry(), Entry::VersionIdInvalid);
/// ```
///
/// # Errors
/// `InvalidArgument` "Version id can not be the empty string" or "Invalid version id
/// specified".
pub const fn check_version_id(version_id: &str) -> Result<(), Error> {
    let bytes = version_id.as_bytes();
    if bytes.is_empty() {
        return Err(Error::new(Entry::VersionIdEmpty));
    }
    let mut i = 0;
    while i < bytes.len() {
        if !byte_class::is(bytes[i], VISIBLE) {
            return Err(Error::new(Entry::VersionIdInvalid));
        }
        i += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_opaque_ids() {
        assert!(
            check_version_id("CAEQNhiBgMDJgZCA0BYiIDc4MGZjZGI2OTBjOTRmNTE5NmU5NmFhZjhjYmY0")
                .is_ok()
        );
        assert!(check_version_id("v1\n").is_err());
        assert!(check_version_id("版本").is_err());
    }
}
