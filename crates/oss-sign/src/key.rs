//! The AccessKeySecret, held only as a precomputed HMAC-SHA1 key state.

use core::fmt;

use hmac::Mac as _;
use hmac::digest::generic_array::GenericArray;
use sha1::Digest as _;
use zeroize::Zeroize as _;

use crate::signature::Signature;

/// HMAC-SHA1, the MAC of Signature V1.
pub(crate) type HmacSha1 = hmac::Hmac<sha1::Sha1>;

/// SHA-1's block size: HMAC pads (or hashes) the key to this length.
const BLOCK_LEN: usize = 64;

/// An AccessKeySecret ready to sign: the HMAC-SHA1 key state is computed once, here,
/// and every signature starts from a copy of it.
///
/// The secret itself is not kept. `Debug` prints no key material, and dropping the value
/// resets the stored key state (the HMAC types of `hmac` 0.12 offer no `Zeroize`, so the
/// state is overwritten with the state of an empty key and kept from being optimised
/// away). Copies made for a single signature live only on the stack of that call.
///
/// ```
/// use oss_sign::SigningKey;
///
/// let key = SigningKey::new("sk");
/// assert_eq!(format!("{key:?}"), "SigningKey([redacted])");
/// assert_eq!(key.sign(b"hello").as_str(), "NDN8cM0rwosxhHJ6QAcI7ialr0g=");
/// ```
pub struct SigningKey {
    mac: HmacSha1,
}

impl SigningKey {
    /// Prepares `secret` (the AccessKeySecret, any length) for signing.
    #[must_use]
    pub fn new(secret: impl AsRef<[u8]>) -> Self {
        let secret = secret.as_ref();
        // HMAC's key preparation (RFC 2104): a key longer than a block is hashed first,
        // then it is zero-padded to the block length.
        let mut block = [0u8; BLOCK_LEN];
        if secret.len() > BLOCK_LEN {
            let digest = sha1::Sha1::digest(secret);
            block[..digest.len()].copy_from_slice(&digest);
        } else {
            block[..secret.len()].copy_from_slice(secret);
        }
        let mac = <HmacSha1 as hmac::digest::KeyInit>::new(GenericArray::from_slice(&block));
        block.zeroize();
        Self { mac }
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
        mac.update(data);
        Signature::from_mac(mac)
    }

    /// A fresh MAC in the keyed state, ready for the string-to-sign.
    pub(crate) fn mac(&self) -> HmacSha1 {
        self.mac.clone()
    }
}

impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SigningKey([redacted])")
    }
}

impl Drop for SigningKey {
    fn drop(&mut self) {
        self.mac = <HmacSha1 as hmac::digest::KeyInit>::new(&GenericArray::default());
        // Treat the overwritten state as read, so the store is not removed as dead.
        core::hint::black_box(&mut self.mac);
        core::sync::atomic::compiler_fence(core::sync::atomic::Ordering::SeqCst);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let mut mac = <HmacSha1 as hmac::Mac>::new_from_slice(&[b'k'; 64]).unwrap();
        mac.update(b"x");
        assert_eq!(exact.sign(b"x").as_str(), Signature::from_mac(mac).as_str());
    }

    #[test]
    fn debug_is_redacted() {
        let key = SigningKey::new("very-secret");
        assert!(!alloc::format!("{key:?}").contains("secret"));
    }
}
