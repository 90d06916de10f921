//! A Signature V1 value: base64 of an HMAC-SHA1, 28 ASCII bytes, compared in constant time.

use core::fmt;

use oss_errors::Error;
use subtle::ConstantTimeEq as _;

use crate::errors;
use crate::words::ONES;

/// Length of a V1 signature: base64 of a 20-byte SHA-1 MAC.
pub const SIGNATURE_LEN: usize = 28;

/// A computed signature, `base64(HMAC-SHA1(...))`, kept in a fixed buffer: the 28
/// characters and four bytes of padding, so that the value is written, and copied, as two
/// 16-byte halves.
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
    /// The characters, then padding of no meaning (an [`Encoded`] MAC as it came).
    encoded: Encoded,
}

impl Signature {
    /// The signature from an [`Encoded`] MAC.
    #[inline(always)]
    pub(crate) const fn from_encoded(encoded: &Encoded) -> Self {
        Self { encoded: *encoded }
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
        core::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }

    /// The signature as base64 bytes.
    ///
    /// ```
    /// use oss_sign::SigningKey;
    /// assert_eq!(SigningKey::new("sk").sign(b"").as_bytes().len(), 28);
    /// ```
    #[must_use]
    pub const fn as_bytes(&self) -> &[u8; SIGNATURE_LEN] {
        match self.encoded.split_first_chunk() {
            Some((text, _padding)) => text,
            // ENCODED_LEN is at least SIGNATURE_LEN (checked at compile time below).
            None => unreachable!(),
        }
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
        if bool::from(ct_eq_signature(self.as_bytes(), provided)) {
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

/// A MAC as its encoders hand it over: the signature's 28 base64 characters, then four
/// bytes of no meaning, so that it moves as two 16-byte halves.
pub(crate) type Encoded = [u8; ENCODED_LEN];

/// Length of an [`Encoded`] MAC.
pub(crate) const ENCODED_LEN: usize = 32;
const _: () = assert!(ENCODED_LEN >= SIGNATURE_LEN);

/// Standard base64 of a 20-byte MAC given as its five big-endian words, computed eight
/// characters per 64-bit word in general-purpose registers: no table lookups, no byte
/// stores. CPUs with the SHA extensions encode in vector registers instead
/// ([`crate::sha1_ni`]); this is the encoding everywhere else.
#[inline(always)]
pub(crate) fn encode_mac(mac: &[u32; 5]) -> Encoded {
    let [a, b, c, d, e] = mac.map(u64::from);
    // Six bytes per group: 0..6, 6..12, 12..18, then the last two.
    let mut words = [
        ascii(spread(a << 16 | b >> 16)),
        ascii(spread((b & 0xFFFF) << 32 | c)),
        ascii(spread(d << 16 | e >> 16)),
        ascii(spread((e & 0xFFFF) << 32)),
    ];
    // The fourth character of the last group is the `=`, and nothing follows it.
    words[3] = words[3] & !0xFF_FFFF_FFFF | u64::from(b'=') << 32;
    let mut encoded = [0u8; ENCODED_LEN];
    for (chunk, word) in encoded.chunks_exact_mut(8).zip(words) {
        chunk.copy_from_slice(&word.to_be_bytes());
    }
    encoded
}

/// The eight 6-bit groups of the low 48 bits of `bits`, one per byte, the first group
/// in the most significant byte.
#[inline(always)]
const fn spread(bits: u64) -> u64 {
    // 24-bit halves into 32-bit lanes, 12-bit quarters into 16-bit lanes, then 6-bit
    // eighths into bytes.
    let halves = (bits & 0xFFFF_FF00_0000) << 8 | bits & 0xFF_FFFF;
    let quarters = (halves & 0x00FF_F000_00FF_F000) << 4 | halves & 0x0000_0FFF_0000_0FFF;
    (quarters & 0x0FC0_0FC0_0FC0_0FC0) << 2 | quarters & 0x003F_003F_003F_003F
}

/// Maps every byte of `sixes` (each below 64) to its base64 character.
///
/// Each byte starts at `'A' + value` and is shifted into the next range at 26 (`a`),
/// 52 (`0`), 62 (`+`) and 63 (`/`). Every intermediate byte stays within 0..=255, so
/// no carry or borrow crosses into a neighbour and plain 64-bit arithmetic works on all
/// eight at once.
#[inline(always)]
fn ascii(sixes: u64) -> u64 {
    let at_least = |bound: u64| ((sixes + (0x80 - bound) * ONES) >> 7) & ONES;
    sixes + u64::from(b'A') * ONES + 6 * at_least(26) - 75 * at_least(52) - 15 * at_least(62)
        + 3 * at_least(63)
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
            let words = core::array::from_fn(|i| {
                u32::from_be_bytes(digest[4 * i..4 * i + 4].try_into().unwrap())
            });
            assert_eq!(encode_mac(&words)[..SIGNATURE_LEN], expected);
        }
    }

    #[test]
    fn every_six_bit_value_maps_to_its_character_in_every_lane() {
        const ALPHABET: &[u8; 64] =
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (value, &char) in (0u64..).zip(ALPHABET) {
            let expected = u64::from(char);
            for lane in 0..8 {
                // The other lanes hold the extremes, to catch carries between lanes.
                let neighbours = if value % 2 == 0 { 63 * ONES } else { 0 };
                let sixes = neighbours & !(0xFF << (8 * lane)) | value << (8 * lane);
                let chars = ascii(sixes);
                assert_eq!(
                    (chars >> (8 * lane)) & 0xFF,
                    expected,
                    "{value} in lane {lane}"
                );
            }
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
