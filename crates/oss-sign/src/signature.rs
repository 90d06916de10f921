//! A Signature V1 value: base64 of an HMAC-SHA1, 28 ASCII bytes, compared in constant time.

use core::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use hmac::Mac as _;
use oss_errors::{Entry, Error};
use subtle::ConstantTimeEq as _;

use crate::key::HmacSha1;

/// Length of a V1 signature: base64 of a 20-byte SHA-1 MAC.
pub const SIGNATURE_LEN: usize = 28;

/// A computed signature, `base64(HMAC-SHA1(...))`.
///
/// There is deliberately no `PartialEq`: compare a signature a client sent with
/// [`Signature::verify`], which runs in constant time.
///
/// ```
/// use oss_sign::SigningKey;
/// let sig = SigningKey::new("sk").sign(b"hello");
/// assert_eq!(sig.as_str().len(), 28);
/// assert!(sig.verify(b"NDN8cM0rwosxhHJ6QAcI7ialr0g=").is_ok());
/// ```
#[derive(Clone, Copy)]
pub struct Signature {
    text: [u8; SIGNATURE_LEN],
}

impl Signature {
    /// Finishes `mac` and encodes its output.
    pub(crate) fn of_mac(mac: HmacSha1) -> Self {
        let digest = mac.finalize().into_bytes();
        let mut text = [0u8; SIGNATURE_LEN];
        // 20 bytes encode to exactly 28 characters with padding.
        let written = STANDARD.encode_slice(digest, &mut text);
        debug_assert_eq!(written, Ok(SIGNATURE_LEN));
        Self { text }
    }

    /// The signature as base64 text, for example `kSHKmLxlyEAKtZPkJhG9bZb5k7M=`.
    ///
    /// ```
    /// use oss_sign::SigningKey;
    /// assert_eq!(SigningKey::new("sk").sign(b"").as_str(), "tQ5m4CQvK3MDDtx9gKbCgKye0II=");
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        // Base64 output is ASCII.
        core::str::from_utf8(&self.text).unwrap_or_default()
    }

    /// The signature as base64 bytes.
    #[must_use]
    pub const fn as_bytes(&self) -> &[u8; SIGNATURE_LEN] {
        &self.text
    }

    /// Checks a signature a client sent (base64 text, as found in the request) against
    /// this one, in constant time (the length is not secret).
    ///
    /// # Errors
    /// `SignatureDoesNotMatch` when `provided` differs in any byte or in length.
    ///
    /// ```
    /// use oss_sign::SigningKey;
    /// let sig = SigningKey::new("sk").sign(b"hello");
    /// let err = sig.verify(b"NDN8cM0rwosxhHJ6QAcI7ialr0g ").unwrap_err();
    /// assert_eq!(err.code().as_str(), "SignatureDoesNotMatch");
    /// ```
    pub fn verify(&self, provided: &[u8]) -> Result<(), Error> {
        if bool::from(self.text.as_slice().ct_eq(provided)) {
            Ok(())
        } else {
            Err(Entry::SignatureDoesNotMatch.into())
        }
    }
}

impl fmt::Debug for Signature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Signature").field(&self.as_str()).finish()
    }
}

impl fmt::Display for Signature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
