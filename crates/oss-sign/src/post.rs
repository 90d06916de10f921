//! PostObject (HTML form upload) policy signatures.

use core::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use oss_errors::Error;

use crate::key::SigningKey;
use crate::signature::Signature;

/// The `Signature` form field of a PostObject upload:
/// `base64(HMAC-SHA1(AccessKeySecret, policy_b64))`.
///
/// `policy_b64` is the `policy` form field exactly as sent, which is the base64 text of
/// the policy JSON; the MAC covers that text, not the decoded JSON.
///
/// ```
/// use oss_sign::{SigningKey, post_policy_signature};
///
/// let key = SigningKey::new("BBBBBBBBBBBBBBBBBBBBBBBBBBBBBB");
/// let policy = "eyJleHBpcmF0aW9uIjoiMjAyMC0wMy0xOVQwMzo0NDowNi40NzZaIiwiY29uZGl0aW9ucyI6W3siYnVja2V0IjoiZ2VuLXBvc3QtcG9saWN5In0sWyJlcSIsIiRrZXkiLCJ1c2VyXC9lcmljXC9cXCR7ZmlsZW5hbWV9Il0sWyJzdGFydHMtd2l0aCIsIiRrZXkiLCJ1c2VyXC9lcmljIl0sWyJzdGFydHMtd2l0aCIsIiR4LW9zcy1tZXRhLXRhZyIsImR1bW15X2V0YWciXSxbImNvbnRlbnQtbGVuZ3RoLXJhbmdlIiwxLDEwMjRdXX0=";
/// assert_eq!(post_policy_signature(&key, policy.as_bytes()).as_str(), "9fs2TRS2W2k5hV8mLsvqZBnlC2M=");
/// ```
#[must_use]
pub fn post_policy_signature(key: &SigningKey, policy_b64: &[u8]) -> Signature {
    key.sign(policy_b64)
}

/// Checks the `Signature` form field of a PostObject upload against the `policy` field,
/// in constant time.
///
/// # Errors
/// `SignatureDoesNotMatch` when `provided` is not the signature of `policy_b64`.
///
/// ```
/// use oss_sign::{SigningKey, verify_post_policy_signature};
/// let key = SigningKey::new("sk");
/// assert!(verify_post_policy_signature(&key, b"e30=", b"not-it").is_err());
/// let good = oss_sign::post_policy_signature(&key, b"e30=");
/// assert!(verify_post_policy_signature(&key, b"e30=", good.as_bytes()).is_ok());
/// ```
pub fn verify_post_policy_signature(
    key: &SigningKey,
    policy_b64: &[u8],
    provided: &[u8],
) -> Result<(), Error> {
    post_policy_signature(key, policy_b64).verify(provided)
}

/// Writes the `policy` form field for a policy document: `base64(policy_json)`, with the
/// JSON bytes taken exactly as given.
///
/// # Errors
/// Whatever `out` returns.
///
/// ```
/// let mut policy = String::new();
/// oss_sign::write_post_policy_base64(br#"{"conditions":[]}"#, &mut policy).unwrap();
/// assert_eq!(policy, "eyJjb25kaXRpb25zIjpbXX0=");
/// ```
pub fn write_post_policy_base64(policy_json: &[u8], out: &mut impl fmt::Write) -> fmt::Result {
    // 48 input bytes are exactly 64 base64 characters, so chunks need no padding but the last.
    let mut buf = [0u8; 64];
    for chunk in policy_json.chunks(48) {
        let len = STANDARD
            .encode_slice(chunk, &mut buf)
            .map_err(|_| fmt::Error)?;
        out.write_str(core::str::from_utf8(&buf[..len]).map_err(|_| fmt::Error)?)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "alloc")]
    #[test]
    fn policy_base64_in_chunks_matches_one_shot() {
        for len in [0usize, 1, 47, 48, 49, 96, 100, 1000] {
            let json: alloc::vec::Vec<u8> = (0..=255u8).cycle().take(len).collect();
            let mut chunked = alloc::string::String::new();
            write_post_policy_base64(&json, &mut chunked).unwrap();
            assert_eq!(chunked, STANDARD.encode(&json), "{len}");
        }
    }

    #[test]
    fn vector_p2_in_and_not_in() {
        let key = SigningKey::new("BBBBBBBBBBBBBBBBBBBBBBBBBBBBBB");
        let policy = "eyJleHBpcmF0aW9uIjoiMjAyMC0wMy0xOVQwMzo0NDowNi40NzZaIiwiY29uZGl0aW9ucyI6W3siYnVja2V0IjoiZ2VuLXBvc3QtcG9saWN5In0sWyJzdGFydHMtd2l0aCIsIiRrZXkiLCJ1c2VyXC9lcmljIl0sWyJzdGFydHMtd2l0aCIsIiR4LW9zcy1tZXRhLXRhZyIsImR1bW15X2V0YWciXSxbImNvbnRlbnQtbGVuZ3RoLXJhbmdlIiwxLDEwMjRdLFsiaW4iLCIkY29udGVudC10eXBlIixbImltYWdlXC9qcGciLCJpbWFnZVwvcG5nIl1dLFsibm90LWluIiwiJGNhY2hlLWNvbnRyb2wiLFsibm8tY2FjaGUiXV1dfQ==";
        let sig = post_policy_signature(&key, policy.as_bytes());
        assert_eq!(sig.as_str(), "/yrk/7alTmdIh9a3YOkkIcKYlbA=");
        assert!(
            verify_post_policy_signature(&key, policy.as_bytes(), b"/yrk/7alTmdIh9a3YOkkIcKYlbA=")
                .is_ok()
        );
        let err =
            verify_post_policy_signature(&key, policy.as_bytes(), b"/yrk/7alTmdIh9a3YOkkIcKYlbB=")
                .unwrap_err();
        assert_eq!(err.status(), 403);
    }
}
