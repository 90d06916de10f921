//! AccessKeyId characters.

use oss_errors::{Entry, Error};

use crate::byte_class::{self, ACCESS_KEY};

/// The longest AccessKeyId oss-core signs with.
///
/// OSS documents no maximum, and a server never needs one: it only looks ids up. A
/// signer does, to hold `OSS <AccessKeyId>:<Signature>` without allocating. Issued ids
/// are far shorter (RAM ids are 24 characters, STS ids about 29); 128 leaves room for
/// other deployments' formats several times over. Signing with a longer id is refused
/// with a local error that says so.
pub const MAX_ACCESS_KEY_ID_LEN: usize = 128;

/// Checks an AccessKeyId: not empty, and only `0-9`, `a-z`, `A-Z`, `.`, `_` and `=`.
///
/// ```
/// use oss_errors::{Code, Entry};
/// use oss_naming::check_access_key_id;
///
/// assert!(check_access_key_id("LTAI5tExample.STS_x=").is_ok());
/// assert_eq!(check_access_key_id("").unwrap_err().code(), Code::MissingAccessKeyId);
/// assert_eq!(check_access_key_id("LTAI:x").unwrap_err().entry(), Entry::AccessKeyIdBadChars);
/// ```
///
/// # Errors
/// `MissingAccessKeyId` when empty; `InvalidAccessKeyId` "The OSS Access Key Id contains
/// non-acceptable characters, ..." for any other character.
pub const fn check_access_key_id(id: &str) -> Result<(), Error> {
    let bytes = id.as_bytes();
    if bytes.is_empty() {
        return Err(Error::new(Entry::AccessKeyIdMissing));
    }
    let mut i = 0;
    while i < bytes.len() {
        if !byte_class::is(bytes[i], ACCESS_KEY) {
            return Err(Error::new(Entry::AccessKeyIdBadChars));
        }
        i += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn agrees_with_model(id in any::<std::string::String>()) {
            let expected = if id.is_empty() {
                Err(Error::new(Entry::AccessKeyIdMissing))
            } else if id.chars().all(|c| c.is_ascii_alphanumeric() || "._=".contains(c)) {
                Ok(())
            } else {
                Err(Error::new(Entry::AccessKeyIdBadChars))
            };
            prop_assert_eq!(check_access_key_id(&id), expected);
        }
    }

    #[test]
    fn space_is_not_accepted() {
        assert!(check_access_key_id("LTAI abc").is_err());
    }
}
