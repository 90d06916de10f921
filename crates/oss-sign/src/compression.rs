//! SHA-1's compression function for the HMAC, on a state kept in the layout of the x86
//! SHA extensions.
//!
//! On x86_64 CPUs with the SHA extensions the compression runs in [`crate::sha1_ni`];
//! elsewhere it is the `sha1` crate's. Why not always the crate (speed, measured): its
//! function takes the state as five `u32`s, so every call moves the state between
//! general-purpose and vector registers lane by lane, on the critical path of the hash,
//! and the outer HMAC block is assembled in memory from the inner digest. Kept as two
//! 128-bit lanes, the state crosses a call with one store and one load, and
//! [`State::finish_hmac`] builds the outer block in registers. `SigningKey::sign` of 197
//! bytes went from 247 to 233 ns (the bare `hmac` + `sha1` HMAC: 243 ns), and signing a
//! typical PUT from 1.25x to 1.17x the bare HMAC (`scripts/bench/sign_ratio.sh`).

use zeroize::Zeroize as _;

use crate::signature::{Encoded, encode_mac};

/// SHA-1's block length.
pub(crate) const BLOCK_LEN: usize = 64;

/// SHA-1's output length.
pub(crate) const DIGEST_LEN: usize = 20;

/// A SHA-1 state as two little-endian 128-bit lanes: `[D, C, B, A]` (`A` in the top
/// lane) and `[0, 0, 0, E]`.
#[derive(Clone, Copy)]
#[repr(C, align(16))]
pub(crate) struct State {
    pub(crate) abcd: [u32; 4],
    pub(crate) e: [u32; 4],
}

impl State {
    /// SHA-1's initial state (FIPS 180-4, 5.3.1).
    pub(crate) const IV: Self = Self::from_words([
        0x6745_2301,
        0xEFCD_AB89,
        0x98BA_DCFE,
        0x1032_5476,
        0xC3D2_E1F0,
    ]);

    /// The state with words `[A, B, C, D, E]`.
    pub(crate) const fn from_words([a, b, c, d, e]: [u32; 5]) -> Self {
        Self {
            abcd: [d, c, b, a],
            e: [0, 0, 0, e],
        }
    }

    /// The words `[A, B, C, D, E]`.
    pub(crate) const fn words(&self) -> [u32; 5] {
        let ([d, c, b, a], [_, _, _, e]) = (self.abcd, self.e);
        [a, b, c, d, e]
    }

    /// Compresses `blocks` in order.
    #[inline]
    pub(crate) fn compress(&mut self, blocks: &[[u8; BLOCK_LEN]]) {
        #[cfg(target_arch = "x86_64")]
        if let Some(cpu) = crate::sha1_ni::detect() {
            crate::sha1_ni::compress(cpu, self, blocks);
            return;
        }
        self.compress_portable(blocks);
    }

    /// [`State::compress`] through the `sha1` crate.
    fn compress_portable(&mut self, blocks: &[[u8; BLOCK_LEN]]) {
        let mut words = self.words();
        sha1::block_api::compress(&mut words, blocks);
        *self = Self::from_words(words);
    }

    /// The end of an HMAC: compresses the last inner `blocks` (padding included) into
    /// this inner state, then the outer block (the inner digest, padded) into a copy of
    /// `outer`. Returns the MAC base64-encoded: the encoding is fused in because it is
    /// the critical path after the last compression, and vector registers do it in a
    /// fraction of the time (see [`crate::sha1_ni`]).
    ///
    /// Kept out of line: inlined into the signing path it costs that path registers,
    /// and the signing ratio rose by 4-6 % (measured with `scripts/bench/sign_ratio.sh`).
    #[inline(never)]
    pub(crate) fn finish_hmac(&mut self, blocks: &[[u8; BLOCK_LEN]], outer: &Self) -> Encoded {
        #[cfg(target_arch = "x86_64")]
        if let Some(cpu) = crate::sha1_ni::detect() {
            return crate::sha1_ni::finish_hmac(cpu, self, blocks, outer);
        }
        encode_mac(&self.finish_hmac_portable(blocks, outer))
    }

    /// The MAC words `[A, B, C, D, E]` of [`State::finish_hmac`], through the `sha1`
    /// crate.
    fn finish_hmac_portable(&mut self, blocks: &[[u8; BLOCK_LEN]], outer: &Self) -> [u32; 5] {
        self.compress_portable(blocks);
        let mut block = [0u8; BLOCK_LEN];
        for (chunk, word) in block.chunks_exact_mut(4).zip(self.words()) {
            chunk.copy_from_slice(&word.to_be_bytes());
        }
        block[DIGEST_LEN] = 0x80;
        block[BLOCK_LEN - 8..].copy_from_slice(&OUTER_BITS.to_be_bytes());
        let mut state = *outer;
        state.compress_portable(core::slice::from_ref(&block));
        state.words()
    }

    /// Overwrites the state with zeros (volatile writes, not optimised away).
    pub(crate) fn zeroize(&mut self) {
        self.abcd.zeroize();
        self.e.zeroize();
    }
}

/// The outer hash's message length in bits: the key block and the 20-byte inner digest.
pub(crate) const OUTER_BITS: u64 = (BLOCK_LEN + DIGEST_LEN) as u64 * 8;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signature::SIGNATURE_LEN;

    /// A few blocks of varied bytes.
    fn blocks() -> [[u8; BLOCK_LEN]; 5] {
        let mut blocks = [[0u8; BLOCK_LEN]; 5];
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for byte in blocks.as_flattened_mut() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            *byte = seed.to_le_bytes()[0];
        }
        blocks
    }

    #[test]
    fn compression_agrees_with_the_sha1_crate_for_every_run_of_blocks() {
        let blocks = blocks();
        for start in 0..blocks.len() {
            for end in start..=blocks.len() {
                let mut expected = State::IV.words();
                sha1::block_api::compress(&mut expected, &blocks[start..end]);
                let (mut ours, mut portable) = (State::IV, State::IV);
                ours.compress(&blocks[start..end]);
                portable.compress_portable(&blocks[start..end]);
                for state in [ours, portable] {
                    assert_eq!(state.words(), expected, "{start}..{end}");
                    // The zero lanes stay zero, as the vector code relies on.
                    assert_eq!(state.e[..3], [0, 0, 0]);
                }
            }
        }
    }

    #[test]
    fn finish_hmac_agrees_with_compressing_the_outer_block() {
        // Also checks the portable path on CPUs that take the vector one.
        let blocks = blocks();
        let mut outer = State::IV;
        outer.compress(&blocks[4..]);
        for count in 0..4 {
            let (mut ours, mut portable) = (State::IV, State::IV);
            let mac = ours.finish_hmac(&blocks[..count], &outer);
            let portable_mac = portable.finish_hmac_portable(&blocks[..count], &outer);
            let mut inner = State::IV.words();
            sha1::block_api::compress(&mut inner, &blocks[..count]);
            let mut block = [0u8; BLOCK_LEN];
            for (chunk, word) in block.chunks_exact_mut(4).zip(inner) {
                chunk.copy_from_slice(&word.to_be_bytes());
            }
            block[20] = 0x80;
            block[BLOCK_LEN - 2..].copy_from_slice(&672u16.to_be_bytes());
            let mut expected = outer.words();
            sha1::block_api::compress(&mut expected, &[block]);
            let text = &mac[..SIGNATURE_LEN];
            assert_eq!(text, &encode_mac(&expected)[..SIGNATURE_LEN], "{count}");
            assert_eq!(portable_mac, expected, "{count} portable");
            assert_eq!(ours.words(), inner, "{count}: the inner state is kept");
            assert_eq!(portable.words(), inner, "{count}: the inner state is kept");
        }
    }
}
