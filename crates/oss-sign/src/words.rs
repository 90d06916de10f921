//! Word-at-a-time byte helpers for the signing hot path: short copies without a `memcpy`
//! call, and ASCII lower-casing of eight bytes at once.
//!
//! The string-to-sign is made of many short pieces (a method, a date, header names), so
//! a general `memcpy` call per piece costs more than the bytes it moves.

/// Eight bytes with the value 1 in each: `n * ONES` repeats the byte `n` in every lane.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;

/// ASCII-lowercases the 8 bytes of a word at once (bytes >= 0x80 are left alone).
#[inline(always)]
pub(crate) const fn lower_word(word: u64) -> u64 {
    let low7 = word & (0x7F * ONES);
    let at_least_a = low7 + (0x80 - b'A' as u64) * ONES;
    let above_z = low7 + (0x7F - b'Z' as u64) * ONES;
    let upper = at_least_a & !above_z & !word & (0x80 * ONES);
    word | (upper >> 2)
}

/// The 8 bytes at `at`, as a native-endian word.
#[inline(always)]
fn load(bytes: &[u8], at: usize) -> u64 {
    let mut word = [0u8; 8];
    word.copy_from_slice(&bytes[at..at + 8]);
    u64::from_ne_bytes(word)
}

/// Stores a native-endian word at `at`.
#[inline(always)]
fn store(bytes: &mut [u8], at: usize, word: u64) {
    bytes[at..at + 8].copy_from_slice(&word.to_ne_bytes());
}

/// Copies the 8-byte words of `src` at `offsets` (overlapping, together covering it) to
/// the same offsets of `dst`, each through `map`; all loads come before the first store.
#[inline(always)]
fn copy_words<const N: usize>(
    dst: &mut [u8],
    src: &[u8],
    offsets: [usize; N],
    map: impl Fn(u64) -> u64,
) {
    let mut words = [0u64; N];
    for (word, &at) in words.iter_mut().zip(&offsets) {
        *word = map(load(src, at));
    }
    for (word, at) in words.into_iter().zip(offsets) {
        store(dst, at, word);
    }
}

/// `dst.copy_from_slice(src)` (equal lengths), with pieces of up to 64 bytes copied by
/// overlapping general-purpose-register words instead of a `memcpy` call.
#[inline(always)]
pub(crate) fn copy_small(dst: &mut [u8], src: &[u8]) {
    let len = src.len();
    match len {
        0 => {}
        1..=3 => {
            dst[0] = src[0];
            dst[len / 2] = src[len / 2];
            dst[len - 1] = src[len - 1];
        }
        4..=7 => {
            dst[..4].copy_from_slice(&src[..4]);
            dst[len - 4..].copy_from_slice(&src[len - 4..]);
        }
        8..=16 => copy_words(dst, src, [0, len - 8], core::convert::identity),
        17..=32 => copy_words(dst, src, [0, 8, len - 16, len - 8], core::convert::identity),
        33..=64 => copy_words(
            dst,
            src,
            [0, 8, 16, 24, len - 32, len - 24, len - 16, len - 8],
            core::convert::identity,
        ),
        _ => dst.copy_from_slice(src),
    }
}

/// Longest piece [`copy_lower`] folds a word at a time.
pub(crate) const LOWER_WORDS_MAX: usize = 32;

/// `dst` = `src` ASCII-lower-cased (equal lengths). Up to [`LOWER_WORDS_MAX`] bytes go
/// through registers in overlapping words, so the folded bytes are never stored and read
/// back.
#[inline(always)]
pub(crate) fn copy_lower(dst: &mut [u8], src: &[u8]) {
    let len = src.len();
    match len {
        8..=16 => copy_words(dst, src, [0, len - 8], lower_word),
        17..=LOWER_WORDS_MAX => copy_words(dst, src, [0, 8, len - 16, len - 8], lower_word),
        _ => {
            for (out, byte) in dst.iter_mut().zip(src) {
                *out = byte.to_ascii_lowercase();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbered() -> [u8; 80] {
        let mut src = [0u8; 80];
        for (byte, value) in src.iter_mut().zip(1u8..) {
            *byte = value;
        }
        src
    }

    #[test]
    fn copy_small_copies_every_length() {
        let src = numbered();
        for len in 0..=80 {
            let mut dst = [0u8; 80];
            copy_small(&mut dst[..len], &src[..len]);
            assert_eq!(dst[..len], src[..len], "{len}");
            assert!(dst[len..].iter().all(|b| *b == 0), "{len}");
        }
    }

    #[test]
    fn copy_lower_folds_every_length_and_byte() {
        let mut src = [0u8; 80];
        for start in [0u8, 40, 64, 90, 200] {
            for (byte, offset) in src.iter_mut().zip(0u8..) {
                *byte = start.wrapping_add(offset);
            }
            for len in 0..=80 {
                let mut dst = [0u8; 80];
                copy_lower(&mut dst[..len], &src[..len]);
                assert_eq!(dst[..len], src[..len].to_ascii_lowercase(), "{start} {len}");
                assert!(dst[len..].iter().all(|b| *b == 0), "{start} {len}");
            }
        }
    }

    #[test]
    fn lower_word_agrees_with_the_byte_version() {
        for byte in 0..=255u8 {
            let word = u64::from_be_bytes([byte; 8]);
            let expected = u64::from_be_bytes([byte.to_ascii_lowercase(); 8]);
            assert_eq!(lower_word(word), expected, "{byte}");
        }
    }
}
