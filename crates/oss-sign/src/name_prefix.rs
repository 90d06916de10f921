//! Header names read as integers: the first 16 bytes, lower-cased, for sorting and
//! recognising names without comparing them byte by byte.

/// The first 16 bytes of a name, lower-cased and zero-padded, as a big-endian number:
/// two names whose prefixes differ sort as their prefixes do, so most comparisons
/// are one integer comparison, and two names are equal only if their prefixes are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct LowerPrefix(u128);

impl LowerPrefix {
    #[inline]
    pub(crate) const fn of(name: &[u8]) -> Self {
        let word = load_padded(name);
        // Lower-cases the 16 bytes at once: a byte gets 0x20 added exactly when it lies
        // in `A..=Z` (its top bit clear, at least `A`, not above `Z`).
        const ONES: u128 = u128::MAX / 0xFF;
        let low7 = word & (ONES * 0x7F);
        let from_a = low7 + ONES * (0x80 - b'A') as u128;
        let above_z = low7 + ONES * (0x80 - b'Z' - 1) as u128;
        let upper = from_a & !above_z & !word & (ONES * 0x80);
        Self(word | (upper >> 2))
    }

    /// The lower-cased bytes, zero-padded.
    pub(crate) const fn to_bytes(self) -> [u8; 16] {
        self.0.to_be_bytes()
    }

    /// The lower-cased bytes, zero-padded, as two 8-byte halves.
    #[inline]
    pub(crate) fn halves(self) -> [[u8; 8]; 2] {
        let high = u64::try_from(self.0 >> 64).unwrap_or_default();
        let low = u64::try_from(self.0 & u128::from(u64::MAX)).unwrap_or_default();
        [high.to_be_bytes(), low.to_be_bytes()]
    }

    /// Whether the name starts with `x-oss-` in any case.
    #[inline]
    pub(crate) const fn is_oss(self) -> bool {
        self.0 >> 80 == X_OSS
    }

    /// Whether the name (of `len` bytes) is `other`'s (of at most 16 bytes), in any case.
    #[inline]
    pub(crate) fn is(self, len: usize, other: (Self, usize)) -> bool {
        len == other.1 && self.0 == other.0.0
    }

    /// A name's prefix and length, for [`LowerPrefix::is`] (computed at compile time for a
    /// constant name).
    pub(crate) const fn of_name(name: &str) -> (Self, usize) {
        (Self::of(name.as_bytes()), name.len())
    }
}

/// The first 16 bytes of `bytes` as a big-endian number, zero-padded: shorter texts are
/// read as two overlapping words, the second shifted past the bytes they share.
#[inline]
const fn load_padded(bytes: &[u8]) -> u128 {
    let len = bytes.len();
    // The casts widen.
    if let Some(head) = bytes.first_chunk::<16>() {
        u128::from_be_bytes(*head)
    } else if let (Some(head), Some(tail)) = (bytes.first_chunk::<8>(), bytes.last_chunk::<8>()) {
        // `tail` holds bytes `len - 8..len`; bytes `8..len` are its last `len - 8`, moved
        // up to follow `head` (what is shifted past the low word is dropped).
        let rest = ((u64::from_be_bytes(*tail) as u128) << (8 * (16 - len))) & LOW_WORD;
        (u64::from_be_bytes(*head) as u128) << 64 | rest
    } else if let (Some(head), Some(tail)) = (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        let rest = ((u32::from_be_bytes(*tail) as u64) << (8 * (8 - len))) & LOW_HALF;
        (((u32::from_be_bytes(*head) as u64) << 32 | rest) as u128) << 64
    } else {
        // Fewer than four bytes: each in its place.
        let mut word = 0;
        let mut at = 0;
        while at < len {
            word |= (bytes[at] as u128) << (8 * (15 - at));
            at += 1;
        }
        word
    }
}

/// The low 64 bits of a `u128`.
const LOW_WORD: u128 = u64::MAX as u128;
/// The low 32 bits of a `u64`.
const LOW_HALF: u64 = u32::MAX as u64;

/// `x-oss-` as the top six bytes of a [`LowerPrefix`].
const X_OSS: u128 = u128::from_be_bytes(*b"x-oss-\0\0\0\0\0\0\0\0\0\0") >> 80;

#[cfg(test)]
mod tests {
    use super::*;

    /// The prefix the slow way: lower-case, pad with zeros, read big-endian.
    fn slow_prefix(name: &[u8]) -> u128 {
        let mut bytes = [0u8; 16];
        for (slot, byte) in bytes.iter_mut().zip(name) {
            *slot = byte.to_ascii_lowercase();
        }
        u128::from_be_bytes(bytes)
    }

    #[test]
    fn known_names() {
        assert!(LowerPrefix::of(b"X-Oss-Meta-A").is_oss());
        assert!(!LowerPrefix::of(b"x-oss").is_oss());
        let md5 = LowerPrefix::of_name("content-md5");
        assert!(LowerPrefix::of(b"Content-MD5").is(11, md5));
        assert!(!LowerPrefix::of(b"content-md5\0").is(12, md5));
    }

    proptest::proptest! {
        #[test]
        fn prefixes_are_the_lower_cased_padded_bytes(name in proptest::collection::vec(proptest::num::u8::ANY, 0..40)) {
            let prefix = LowerPrefix::of(&name);
            proptest::prop_assert_eq!(prefix.0, slow_prefix(&name));
            let [high, low] = prefix.halves();
            proptest::prop_assert_eq!([high, low].concat(), prefix.to_bytes().to_vec());
        }
    }
}
