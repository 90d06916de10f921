//! A Signature V1 value: base64 of an HMAC-SHA1, 28 ASCII bytes, compared in constant time.

use core::fmt;

use oss_errors::Error;
use subtle::ConstantTimeEq as _;

use crate::errors;
use crate::mac::DIGEST_LEN;

/// Length of a V1 signature: base64 of a 20-byte SHA-1 MAC.
pub const SIGNATURE_LEN: usize = 28;

/// A computed signature, `base64(HMAC-SHA1(...))`, kept in a fixed 28-byte buffer.
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
    base64: [u8; SIGNATURE_LEN],
}

impl Signature {
    /// Kept out of line: inlined, the 28 characters end up in registers and are stored
    /// byte by byte at every copy (twice for an `Authorization`).
    #[inline(never)]
    pub(crate) fn from_digest(digest: &[u8; DIGEST_LEN]) -> Self {
        Self {
            base64: encode_digest(digest),
        }
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
        core::str::from_utf8(&self.base64).unwrap_or_default()
    }

    /// The signature as base64 bytes.
    ///
    /// ```
    /// use oss_sign::SigningKey;
    /// assert_eq!(SigningKey::new("sk").sign(b"").as_bytes().len(), 28);
    /// ```
    #[must_use]
    pub const fn as_bytes(&self) -> &[u8; SIGNATURE_LEN] {
        &self.base64
    }

    /// Checks a signature a client sent (base64 text, as found in the request) against
    /// this one, in constant time.
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
        if bool::from(ct_eq_signature(&self.base64, provided)) {
            Ok(())
        } else {
            Err(errors::signature_does_not_match())
        }
    }
}

/// Constant-time equality of a computed signature and a provided value: the length is
/// public, the bytes are folded into one difference word (four 8-byte words, the last
/// overlapping, no early exit) and only that word goes through `subtle`. `subtle`'s
/// slice comparison does the same per byte, with an optimisation barrier on each.
#[inline]
fn ct_eq_signature(expected: &[u8; SIGNATURE_LEN], provided: &[u8]) -> subtle::Choice {
    let Ok(provided) = <&[u8; SIGNATURE_LEN]>::try_from(provided) else {
        return subtle::Choice::from(0);
    };
    let word = |bytes: &[u8; SIGNATURE_LEN], at: usize| {
        let mut word = [0u8; 8];
        word.copy_from_slice(&bytes[at..at + 8]);
        u64::from_ne_bytes(word)
    };
    let difference = [0, 8, 16, SIGNATURE_LEN - 8]
        .into_iter()
        .fold(0, |acc, at| acc | (word(expected, at) ^ word(provided, at)));
    difference.ct_eq(&0)
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 of a 20-byte digest: three overlapping big-endian words give the six
/// full groups (48 bits, eight characters each), then the last two bytes and one `=`.
#[inline]
fn encode_digest(digest: &[u8; 20]) -> [u8; SIGNATURE_LEN] {
    let mut out = [b'='; SIGNATURE_LEN];
    let char_of = |bits: u64| ALPHABET[(bits & 63) as usize];
    for (chars, at) in out.chunks_exact_mut(8).zip([0, 6, 12]) {
        let mut word = [0u8; 8];
        word.copy_from_slice(&digest[at..at + 8]);
        let word = u64::from_be_bytes(word);
        for (i, char) in chars.iter_mut().enumerate() {
            *char = char_of(word >> (58 - 6 * i));
        }
    }
    let tail = u64::from(digest[18]) << 8 | u64::from(digest[19]);
    out[24] = char_of(tail >> 10);
    out[25] = char_of(tail >> 4);
    out[26] = char_of(tail << 2);
    out
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SigningKey;
    use base64::Engine as _;
    use base64::engine::general_purpose::STANDARD;

    #[test]
    fn digest_encoding_matches_the_base64_crate() {
        let mut digest = [0u8; 20];
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..2000 {
            for byte in &mut digest {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                *byte = state.to_le_bytes()[0];
            }
            let mut expected = [0u8; SIGNATURE_LEN];
            STANDARD.encode_slice(digest, &mut expected).unwrap();
            assert_eq!(encode_digest(&digest), expected);
        }
    }

    #[test]
    fn verify_rejects_prefixes_and_longer_values() {
        let sig = SigningKey::new("sk").sign(b"hello");
        let text = sig.as_str();
        assert!(sig.verify(text.as_bytes()).is_ok());
        assert!(sig.verify(&text.as_bytes()[..27]).is_err());
        let mut longer = [b'='; 29];
        longer[..28].copy_from_slice(text.as_bytes());
        assert!(sig.verify(&longer).is_err());
        assert!(sig.verify(b"").is_err());
    }

    #[test]
    fn verify_rejects_any_single_changed_bit() {
        let sig = SigningKey::new("sk").sign(b"hello");
        for at in 0..SIGNATURE_LEN {
            for bit in 0..8 {
                let mut changed = *sig.as_bytes();
                changed[at] ^= 1 << bit;
                assert!(sig.verify(&changed).is_err(), "byte {at} bit {bit}");
            }
        }
    }
}
