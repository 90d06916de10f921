//! AccessKeyId rules: the characters are `oss-naming`'s rule; the length bound is ours.

use oss_errors::Error;

use crate::errors;

/// The longest AccessKeyId this crate accepts (real ones are 16 to about 40 characters;
/// STS ids are longer). Longer ids are rejected as unknown.
pub const MAX_ACCESS_KEY_ID_LEN: usize = 128;

/// Checks an AccessKeyId the way OSS does before looking it up: not empty, only
/// `[0-9a-zA-Z]` and `.`, `_`, `=` (see `oss_naming::check_access_key_id`), and at most
/// [`MAX_ACCESS_KEY_ID_LEN`] bytes.
///
/// # Errors
/// `MissingAccessKeyId` when empty; `InvalidAccessKeyId` ("contains non-acceptable
/// characters") for other characters; `InvalidAccessKeyId` ("does not exist in our
/// records") when too long.
///
/// ```
/// assert!(oss_sign::check_access_key_id("LTAI5tExample_1=").is_ok());
/// let err = oss_sign::check_access_key_id("LTAI-5t").unwrap_err();
/// assert_eq!(err.code().as_str(), "InvalidAccessKeyId");
/// ```
pub fn check_access_key_id(id: &str) -> Result<(), Error> {
    oss_naming::check_access_key_id(id)?;
    if id.len() > MAX_ACCESS_KEY_ID_LEN {
        return Err(errors::access_key_id_unknown());
    }
    Ok(())
}
