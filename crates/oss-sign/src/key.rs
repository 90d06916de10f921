//! The AccessKeySecret, held as a keyed HMAC-SHA1 state.

use core::fmt;

use hmac::Hmac;
use sha1::Sha1;
use sha2::{Digest as _, Sha256};
use zeroize::Zeroize as _;

use crate::hash_sink::HashSink;
use crate::signature::Signature;
use hmac::Mac as _;

/// HMAC-SHA1 as RustCrypto implements it (V1).
pub(crate) type HmacSha1 = Hmac<Sha1>;

/// HMAC-SHA256 as RustCrypto implements it (V4).
pub(crate) type HmacSha256 = Hmac<Sha256>;

/// What V4 prefixes the secret with to key the first HMAC of the signing-key chain.
const V4_KEY_PREFIX: &[u8] = b"aliyun_v4";

/// An AccessKeySecret ready to sign: the HMAC-SHA1 key schedule of V1 and the first
/// HMAC-SHA256 key schedule of V4's signing-key chain are computed once, here, and every
/// signature (or V4 [`ScopedKey`](crate::v4::ScopedKey)) starts from a clone.
///
/// The secret itself is not kept. `Debug` prints no key material, and the hash states
/// are zeroized when dropped (RustCrypto's `zeroize` feature).
///
/// ```
/// use oss_sign::SigningKey;
///
/// let key = SigningKey::new("sk");
/// assert_eq!(format!("{key:?}"), "SigningKey([redacted])");
/// assert_eq!(key.sign(b"hello").as_str(), "NDN8cM0rwosxhHJ6QAcI7ialr0g=");
/// ```
#[derive(Clone)]
pub struct SigningKey {
    mac: HmacSha1,
    v4_root: HmacSha256,
}

impl SigningKey {
    /// Prepares `secret` (the AccessKeySecret, any length) for signing.
    #[must_use]
    pub fn new(secret: impl AsRef<[u8]>) -> Self {
        let secret = secret.as_ref();
        Self {
            mac: hmac_with_key(secret),
            v4_root: v4_root(secret),
        }
    }

    /// A fresh V4 chain in its first keyed state (`"aliyun_v4" + secret`).
    pub(crate) fn v4_root(&self) -> HmacSha256 {
        self.v4_root.clone()
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
        // Already one piece: fed straight to the MAC, not staged.
        let mut mac = self.mac.clone();
        mac.update(data);
        Signature::of_mac(mac)
    }

    /// The signature of the text `write` puts into the sink it is given.
    pub(crate) fn signature(
        &self,
        write: impl FnOnce(&mut HashSink<'_, HmacSha1, 256>),
    ) -> Signature {
        let mut mac = self.mac.clone();
        HashSink::feed(&mut mac, write);
        Signature::of_mac(mac)
    }
}

/// An HMAC keyed with `key`.
pub(crate) fn hmac_with_key<M: hmac::KeyInit>(key: &[u8]) -> M {
    // HMAC takes keys of every length (longer ones are hashed first, RFC 2104).
    match M::new_from_slice(key) {
        Ok(mac) => mac,
        Err(_) => unreachable!("HMAC accepts keys of every length"),
    }
}

/// HMAC-SHA256 keyed with `"aliyun_v4" + secret`, without keeping the joined key.
fn v4_root(secret: &[u8]) -> HmacSha256 {
    let block = 64;
    if V4_KEY_PREFIX.len() + secret.len() <= block {
        let mut key = [0u8; 64];
        let len = V4_KEY_PREFIX.len() + secret.len();
        key[..V4_KEY_PREFIX.len()].copy_from_slice(V4_KEY_PREFIX);
        key[V4_KEY_PREFIX.len()..len].copy_from_slice(secret);
        let mac = hmac_with_key(&key[..len]);
        key.zeroize();
        mac
    } else {
        // A key longer than the block is replaced by its hash (RFC 2104), which can be
        // computed from the two pieces.
        let mut digest: [u8; 32] = Sha256::new()
            .chain_update(V4_KEY_PREFIX)
            .chain_update(secret)
            .finalize()
            .into();
        let mac = hmac_with_key(&digest);
        digest.zeroize();
        mac
    }
}

impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SigningKey([redacted])")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_2202_vectors() {
        // Test case 6: an 80-byte key of 0xaa (longer than a block: hashed first).
        let key = SigningKey::new([0xaa; 80]);
        let sig = key.sign(b"Test Using Larger Than Block-Size Key - Hash Key First");
        // aa4ae5e15272d00e95705637ce8a3b55ed402112 in base64.
        assert_eq!(sig.as_str(), "qkrl4VJy0A6VcFY3zoo7Ve1AIRI=");
        // Test case 2: effcdf6ae5eb2fa2d27416d5f184df9c259a7c79.
        let sig = SigningKey::new("Jefe").sign(b"what do ya want for nothing?");
        assert_eq!(sig.as_str(), "7/zfauXrL6LSdBbV8YTfnCWafHk=");
    }

    #[test]
    fn the_v4_root_is_keyed_with_the_prefixed_secret_at_every_length() {
        for len in [0usize, 1, 54, 55, 56, 64, 100] {
            let secret: alloc::vec::Vec<u8> = (b'a'..=b'z').cycle().take(len).collect();
            let mut joined = V4_KEY_PREFIX.to_vec();
            joined.extend_from_slice(&secret);
            let mut expected: HmacSha256 = hmac_with_key(&joined);
            let mut ours = SigningKey::new(&secret).v4_root();
            expected.update(b"20231216");
            ours.update(b"20231216");
            assert_eq!(
                ours.finalize().into_bytes(),
                expected.finalize().into_bytes(),
                "{len}"
            );
        }
    }

    #[test]
    fn debug_is_redacted() {
        let key = SigningKey::new("very-secret");
        assert!(!alloc::format!("{key:?}").contains("secret"));
    }
}
