//! The AccessKeySecret, held as a keyed HMAC-SHA1 state.

use core::fmt;

use hmac::{Hmac, KeyInit as _, Mac as _};
use sha1::Sha1;

use crate::canonical::Sink;
use crate::signature::Signature;

/// HMAC-SHA1 as RustCrypto implements it.
pub(crate) type HmacSha1 = Hmac<Sha1>;

/// An AccessKeySecret ready to sign: the HMAC-SHA1 key schedule (the inner and outer
/// padded-key states) is computed once, here, and every signature starts from a clone.
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
}

impl SigningKey {
    /// Prepares `secret` (the AccessKeySecret, any length) for signing.
    #[must_use]
    pub fn new(secret: impl AsRef<[u8]>) -> Self {
        // HMAC takes keys of any length (longer ones are hashed first, RFC 2104).
        let mac = match HmacSha1::new_from_slice(secret.as_ref()) {
            Ok(mac) => mac,
            Err(_) => unreachable!("HMAC accepts keys of every length"),
        };
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
        let mut sink = self.sink();
        sink.put(data);
        sink.finish()
    }

    /// A fresh MAC in the keyed state, as a sink for the string-to-sign.
    pub(crate) fn sink(&self) -> MacSink {
        MacSink {
            mac: self.mac.clone(),
            pending: heapless::Vec::new(),
        }
    }
}

impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SigningKey([redacted])")
    }
}

/// The MAC as a sink. The string-to-sign arrives in many small pieces (separators are
/// one byte), so they are gathered into whole blocks before the MAC sees them.
pub(crate) struct MacSink {
    mac: HmacSha1,
    pending: heapless::Vec<u8, 128>,
}

impl MacSink {
    /// The signature of everything put.
    pub(crate) fn finish(mut self) -> Signature {
        self.mac.update(&self.pending);
        Signature::of_mac(self.mac)
    }
}

impl Sink for MacSink {
    fn put(&mut self, bytes: &[u8]) {
        if self.pending.extend_from_slice(bytes).is_err() {
            self.mac.update(&self.pending);
            self.pending.clear();
            if self.pending.extend_from_slice(bytes).is_err() {
                self.mac.update(bytes);
            }
        }
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
    fn debug_is_redacted() {
        let key = SigningKey::new("very-secret");
        assert!(!alloc::format!("{key:?}").contains("secret"));
    }
}
