//! AccessKeyId rules: the characters are `oss-naming`'s rule; the length bound is ours.

use oss_errors::Error;

use crate::errors;

/// The longest AccessKeyId this crate accepts; longer ids are rejected as unknown.
///
/// The bound is ours, not a documented OSS rule. Issued ids are far shorter: RAM ids are
/// 24 characters (`LTAI` and 20 more; older ones 16), STS ids about 29 (`STS.` and about
/// 25 more). 58 leaves room for other deployments' formats and keeps an
/// [`Authorization`](crate::Authorization) at 128 bytes, with its signature at a 16-byte
/// offset: it moves in eight inline 16-byte copies instead of a `memcpy` call, and each copy
/// of the signature reads what a single store wrote (signing a typical PUT measured 4 %
/// faster than with a bound of 128, and 2-4 % faster again than with 64 and the signature
/// at no fixed offset).
pub const MAX_ACCESS_KEY_ID_LEN: usize = 58;

/// The bytes `oss_naming::check_access_key_id` accepts: `[0-9a-zA-Z._=]`.
const ACCEPTABLE: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        // `byte` < 256.
        #[allow(clippy::cast_possible_truncation)]
        let b = byte as u8;
        table[byte] = b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'=');
        byte += 1;
    }
    table
};

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
    // Every byte is classified without an early exit (a table load and an AND each); only
    // an id that fails goes to `oss_naming` for its exact error.
    let acceptable = id.bytes().fold(!id.is_empty(), |ok, byte| {
        ok & ACCEPTABLE[usize::from(byte)]
    });
    if !acceptable {
        oss_naming::check_access_key_id(id)?;
    }
    if id.len() > MAX_ACCESS_KEY_ID_LEN {
        return Err(errors::access_key_id_unknown());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_agrees_with_oss_naming_for_every_byte() {
        for byte in 0..=u8::MAX {
            let id = [b'a', byte];
            let Ok(id) = core::str::from_utf8(&id) else {
                assert!(!ACCEPTABLE[usize::from(byte)]);
                continue;
            };
            assert_eq!(
                ACCEPTABLE[usize::from(byte)],
                oss_naming::check_access_key_id(id).is_ok(),
                "{byte}"
            );
            assert_eq!(
                check_access_key_id(id),
                oss_naming::check_access_key_id(id),
                "{byte}"
            );
        }
        assert_eq!(check_access_key_id(""), oss_naming::check_access_key_id(""));
        assert_eq!(
            check_access_key_id("é"),
            oss_naming::check_access_key_id("é")
        );
    }
}
