//! The AccessKeySecret, held only as a precomputed HMAC-SHA1 key state.

use core::fmt;

use crate::mac::{KeyStates, Mac};
use crate::signature::Signature;
use crate::sink::Sink as _;

/// An AccessKeySecret ready to sign: the HMAC-SHA1 key state is computed once, here,
/// and every signature starts from a copy of it.
///
/// The secret itself is not kept, only the two SHA-1 states HMAC derives from it (forty
/// bytes). `Debug` prints no key material, and dropping the value zeroizes those states.
/// Each signature copies the inner state (five words) onto the stack of that call, where
/// it is overwritten by the message blocks.
///
/// ```
/// use oss_sign::SigningKey;
///
/// let key = SigningKey::new("sk");
/// assert_eq!(format!("{key:?}"), "SigningKey([redacted])");
/// assert_eq!(key.sign(b"hello").as_str(), "NDN8cM0rwosxhHJ6QAcI7ialr0g=");
/// ```
pub struct SigningKey {
    states: KeyStates,
}

impl SigningKey {
    /// Prepares `secret` (the AccessKeySecret, any length) for signing.
    #[must_use]
    pub fn new(secret: impl AsRef<[u8]>) -> Self {
        Self {
            states: KeyStates::new(secret.as_ref()),
        }
    }

    /// `base64(HMAC-SHA1(secret, data))`: the signature of bytes that are already a
    /// string-to-sign (or a base64 POST policy).
    ///
    /// ```
    /// use oss_sign::SigningKey;
    /// let key = SigningKey::new("csdev");
    /// let data = "/ListTable\nDate=Mon%2C%2028%20Nov%202011%2014%3A02%3A46%20GMT&OTSAccessKeyId=csdev&APIVersion=1&SignatureMethod=HmacSHA1&SignatureVersion=1";
    /// assert_eq!(key.sign(data.as_bytes()).as_str(), "3mAoxRc8hd7WdaFB5Ii7dGNcwx0=");
    /// ```
    #[must_use]
    pub fn sign(&self, data: &[u8]) -> Signature {
        let mut mac = self.mac();
        mac.put(data);
        Signature::from_encoded(&mac.finish())
    }

    /// A fresh MAC in the keyed state, ready for the string-to-sign.
    #[inline(always)]
    pub(crate) const fn mac(&self) -> Mac<'_> {
        Mac::new(&self.states)
    }
}

impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SigningKey([redacted])")
    }
}

impl Drop for SigningKey {
    fn drop(&mut self) {
        self.states.zeroize();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine as _;
    use base64::engine::general_purpose::STANDARD;

    #[test]
    fn long_secrets_are_hashed_like_rfc_2104() {
        // RFC 2202 test case 6: an 80-byte key of 0xaa.
        let key = SigningKey::new([0xaa; 80]);
        let sig = key.sign(b"Test Using Larger Than Block-Size Key - Hash Key First");
        // aa4ae5e15272d00e95705637ce8a3b55ed402112 in base64.
        assert_eq!(sig.as_str(), "qkrl4VJy0A6VcFY3zoo7Ve1AIRI=");
    }

    #[test]
    fn block_sized_and_short_secrets() {
        // RFC 2202 test case 2.
        let key = SigningKey::new("Jefe");
        let sig = key.sign(b"what do ya want for nothing?");
        // effcdf6ae5eb2fa2d27416d5f184df9c259a7c79
        assert_eq!(sig.as_str(), "7/zfauXrL6LSdBbV8YTfnCWafHk=");
        let exact = SigningKey::new([b'k'; 64]);
        let mut mac =
            <hmac::Hmac<sha1_reference::Sha1> as hmac::Mac>::new_from_slice(&[b'k'; 64]).unwrap();
        hmac::Mac::update(&mut mac, b"x");
        let digest = hmac::Mac::finalize(mac).into_bytes();
        assert_eq!(exact.sign(b"x").as_str(), STANDARD.encode(digest));
    }

    #[test]
    fn debug_is_redacted() {
        let key = SigningKey::new("very-secret");
        assert!(!alloc::format!("{key:?}").contains("secret"));
    }
}
