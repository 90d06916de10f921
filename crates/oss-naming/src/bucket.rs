//! Bucket names: 3 to 63 of `a-z`, `0-9` and `-`, starting and ending with a letter or digit.

use oss_errors::{Entry, Error};

use crate::byte_class::{self, BUCKET, BUCKET_EDGE};

/// The shortest bucket name OSS accepts, in characters.
pub const MIN_BUCKET_NAME_LEN: usize = 3;
/// The longest bucket name OSS accepts, in characters.
pub const MAX_BUCKET_NAME_LEN: usize = 63;

/// Checks a bucket name: 3 to 63 characters from lowercase letters, digits and `-`,
/// starting and ending with a lowercase letter or digit.
///
/// This is the rule of every official SDK (`^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$`) and of the
/// OSS documentation. It runs in `const` contexts too.
///
/// ```
/// use oss_errors::Entry;
/// use oss_naming::check_bucket_name;
///
/// assert!(check_bucket_name("examplebucket-01").is_ok());
/// let err = check_bucket_name("Example_Bucket").unwrap_err();
/// assert_eq!(err.entry(), Entry::BucketNameInvalid);
/// assert_eq!(err.to_string(), "The specified bucket is not valid");
/// const OK: bool = check_bucket_name("abc").is_ok();
/// assert!(OK);
/// ```
///
/// # Errors
/// `InvalidBucketName` ("The specified bucket is not valid") when the rule is broken.
pub const fn check_bucket_name(name: &str) -> Result<(), Error> {
    check_bucket_name_bytes(name.as_bytes())
}

/// [`check_bucket_name`] on raw bytes, such as a `Host` label or a path segment before
/// decoding (a valid bucket name is ASCII, so no decoding is ever needed).
///
/// ```
/// assert!(oss_naming::check_bucket_name_bytes(b"logs-2024").is_ok());
/// assert!(oss_naming::check_bucket_name_bytes(b"logs\xff").is_err());
/// ```
///
/// # Errors
/// `InvalidBucketName` when the rule is broken.
pub const fn check_bucket_name_bytes(name: &[u8]) -> Result<(), Error> {
    if is_valid_bucket_name(name) {
        Ok(())
    } else {
        Err(Error::new(Entry::BucketNameInvalid))
    }
}

const fn is_valid_bucket_name(name: &[u8]) -> bool {
    let len = name.len();
    if len < MIN_BUCKET_NAME_LEN || len > MAX_BUCKET_NAME_LEN {
        return false;
    }
    if !byte_class::is(name[0], BUCKET_EDGE) || !byte_class::is(name[len - 1], BUCKET_EDGE) {
        return false;
    }
    let mut i = 1;
    while i < len - 1 {
        if !byte_class::is(name[i], BUCKET) {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The reference model: the SDKs' rule written as a plain loop over characters.
    fn model(name: &str) -> bool {
        let chars: std::vec::Vec<char> = name.chars().collect();
        let edge = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit();
        (3..=63).contains(&chars.len())
            && chars.first().is_some_and(|&c| edge(c))
            && chars.last().is_some_and(|&c| edge(c))
            && chars.iter().all(|&c| edge(c) || c == '-')
    }

    #[test]
    fn sdk_validation_vectors() {
        // alibabacloud-oss-python-sdk-v2 tests/unit/test_validation.py
        for good in ["123", "test", "test-123", "123-test", "123test"] {
            assert_eq!(check_bucket_name(good), Ok(()), "{good}");
        }
        let too_long = "abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefghij";
        for bad in [
            "12", too_long, "-test", "test-", "test_123", "TEst", "#?123", "",
        ] {
            assert_eq!(
                check_bucket_name(bad),
                Err(Error::new(Entry::BucketNameInvalid)),
                "{bad}"
            );
        }
    }

    #[test]
    fn length_bounds() {
        assert!(check_bucket_name(&"a".repeat(63)).is_ok());
        assert!(check_bucket_name(&"a".repeat(64)).is_err());
        assert!(check_bucket_name("a-b").is_ok());
        assert!(check_bucket_name("a--").is_err());
        assert!(check_bucket_name("a.b").is_err());
    }

    proptest! {
        #[test]
        fn agrees_with_model(name in "[a-z0-9\\-_.A-Zé]{0,70}") {
            prop_assert_eq!(check_bucket_name(&name).is_ok(), model(&name));
        }

        #[test]
        fn agrees_with_model_on_any_string(name in any::<std::string::String>()) {
            prop_assert_eq!(check_bucket_name(&name).is_ok(), model(&name));
        }
    }
}
