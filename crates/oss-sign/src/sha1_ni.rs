//! SHA-1 compression with the x86 SHA extensions (`SHA1RNDS4`, `SHA1NEXTE`, `SHA1MSG1`,
//! `SHA1MSG2`), on the [`State`] layout those instructions use.
//!
//! # How a block goes
//!
//! The 16 message words travel as four vectors of four words, the first word in the top
//! lane. Each `SHA1RNDS4` runs four rounds; its second operand holds the next four
//! message words with `E` added to the top one. `SHA1NEXTE` derives that `E` from the
//! `A` of four rounds earlier (rotated by 30) while adding it in, and `SHA1MSG1`,
//! `SHA1MSG2` and an XOR expand words 16 to 79 four at a time:
//! `W[i] = rol1(W[i-3] ^ W[i-8] ^ W[i-14] ^ W[i-16])`.
//!
//! # Safety
//!
//! Every `unsafe` block is either an unaligned 16-byte load or store within a borrowed
//! fixed-size array, or a call into a `#[target_feature]` function, which only happens
//! with a [`ShaNi`] value: its private field means only [`detect`] makes one, after CPUID
//! (through `cpufeatures`) reported every feature those functions enable.

use core::arch::x86_64::{
    __m128i, _mm_add_epi32, _mm_extract_epi32, _mm_loadu_si128, _mm_or_si128, _mm_set_epi32,
    _mm_set_epi64x, _mm_setzero_si128, _mm_sha1msg1_epu32, _mm_sha1msg2_epu32, _mm_sha1nexte_epu32,
    _mm_sha1rnds4_epu32, _mm_shuffle_epi8, _mm_storeu_si128, _mm_xor_si128,
};

use crate::compression::{BLOCK_LEN, OUTER_BITS, State};

cpufeatures::new!(sha_cpu, "sha", "sse2", "ssse3", "sse4.1");

/// [`OUTER_BITS`] as the 32-bit lane it fills.
const OUTER_BITS_LANE: i32 = 672;
const _: () = assert!(OUTER_BITS_LANE as u64 == OUTER_BITS);

/// Proof that CPUID reported the SHA extensions (and the SSE levels the code uses).
#[derive(Clone, Copy, Debug)]
pub(crate) struct ShaNi(());

/// The SHA extensions, when this CPU has them (the answer is cached after the first
/// call).
#[inline]
pub(crate) fn detect() -> Option<ShaNi> {
    sha_cpu::get().then_some(ShaNi(()))
}

/// Compresses `blocks` into `state`.
#[inline]
pub(crate) fn compress(_: ShaNi, state: &mut State, blocks: &[[u8; BLOCK_LEN]]) {
    // SAFETY: a `ShaNi` exists only once `detect` saw every feature `compress_ni` enables.
    unsafe { compress_ni(state, blocks) }
}

/// [`State::finish_hmac`]: the last inner blocks, then the outer block built in registers
/// from the inner digest.
#[inline]
pub(crate) fn finish_hmac(
    _: ShaNi,
    inner: &mut State,
    blocks: &[[u8; BLOCK_LEN]],
    outer: &State,
) -> [u32; 5] {
    // SAFETY: as in `compress`.
    unsafe { finish_hmac_ni(inner, blocks, outer) }
}

#[target_feature(enable = "sha,sse2,ssse3,sse4.1")]
fn compress_ni(state: &mut State, blocks: &[[u8; BLOCK_LEN]]) {
    let (mut abcd, mut e) = load(state);
    for block in blocks {
        (abcd, e) = rounds(abcd, e, message(block));
    }
    store(state, abcd, e);
}

#[target_feature(enable = "sha,sse2,ssse3,sse4.1")]
fn finish_hmac_ni(inner: &mut State, blocks: &[[u8; BLOCK_LEN]], outer: &State) -> [u32; 5] {
    let (mut abcd, mut e) = load(inner);
    for block in blocks {
        (abcd, e) = rounds(abcd, e, message(block));
    }
    store(inner, abcd, e);
    // The outer message: the digest's five words (already in message order, `E` alone
    // in the top lane of its vector), the 0x80 marker word, zeros, and the bit length.
    let marker = _mm_set_epi32(0, i32::MIN, 0, 0);
    let length = _mm_set_epi32(0, 0, 0, OUTER_BITS_LANE);
    let message = [abcd, _mm_or_si128(e, marker), _mm_setzero_si128(), length];
    let (outer_abcd, outer_e) = load(outer);
    let (abcd, e) = rounds(outer_abcd, outer_e, message);
    [
        _mm_extract_epi32::<3>(abcd) as u32,
        _mm_extract_epi32::<2>(abcd) as u32,
        _mm_extract_epi32::<1>(abcd) as u32,
        _mm_extract_epi32::<0>(abcd) as u32,
        _mm_extract_epi32::<3>(e) as u32,
    ]
}

#[inline]
#[target_feature(enable = "sse2")]
fn load(state: &State) -> (__m128i, __m128i) {
    // SAFETY: each load reads the 16 bytes of a borrowed `[u32; 4]`.
    unsafe {
        (
            _mm_loadu_si128(state.abcd.as_ptr().cast()),
            _mm_loadu_si128(state.e.as_ptr().cast()),
        )
    }
}

#[inline]
#[target_feature(enable = "sse2")]
fn store(state: &mut State, abcd: __m128i, e: __m128i) {
    // SAFETY: each store writes the 16 bytes of a mutably borrowed `[u32; 4]`.
    unsafe {
        _mm_storeu_si128(state.abcd.as_mut_ptr().cast(), abcd);
        _mm_storeu_si128(state.e.as_mut_ptr().cast(), e);
    }
}

/// A block's 16 message words as four vectors, each word big-endian, the first of each
/// four in the top lane.
#[inline]
#[target_feature(enable = "sse2,ssse3")]
fn message(block: &[u8; BLOCK_LEN]) -> [__m128i; 4] {
    // Reverses the 16 bytes of a lane: big-endian words, in reverse lane order.
    let reverse = _mm_set_epi64x(0x0001_0203_0405_0607, 0x0809_0A0B_0C0D_0E0F);
    let (quarters, _) = block.as_chunks::<16>();
    core::array::from_fn(|i| {
        // SAFETY: reads the 16 bytes of a borrowed `[u8; 16]`.
        let raw = unsafe { _mm_loadu_si128(quarters[i].as_ptr().cast()) };
        _mm_shuffle_epi8(raw, reverse)
    })
}

/// The 80 rounds of one block from state `(abcd, e)`, the state added back at the end.
#[inline]
#[target_feature(enable = "sha,sse2")]
fn rounds(abcd: __m128i, e: __m128i, message: [__m128i; 4]) -> (__m128i, __m128i) {
    // `w[k % 4]` holds the words of the current four rounds; `input` is them with `E`
    // added; `before` is `ABCD` as it was four rounds before the current ones.
    let mut w = message;
    let mut state = abcd;
    let mut before = abcd;
    let mut input = _mm_add_epi32(e, w[0]);
    macro_rules! four_rounds {
        ($k:literal, $function:literal) => {
            if $k >= 4 {
                let expanded = _mm_xor_si128(
                    _mm_sha1msg1_epu32(w[$k % 4], w[($k + 1) % 4]),
                    w[($k + 2) % 4],
                );
                w[$k % 4] = _mm_sha1msg2_epu32(expanded, w[($k + 3) % 4]);
            }
            if $k >= 1 {
                input = _mm_sha1nexte_epu32(before, w[$k % 4]);
            }
            before = state;
            state = _mm_sha1rnds4_epu32::<$function>(state, input);
        };
    }
    four_rounds!(0, 0);
    four_rounds!(1, 0);
    four_rounds!(2, 0);
    four_rounds!(3, 0);
    four_rounds!(4, 0);
    four_rounds!(5, 1);
    four_rounds!(6, 1);
    four_rounds!(7, 1);
    four_rounds!(8, 1);
    four_rounds!(9, 1);
    four_rounds!(10, 2);
    four_rounds!(11, 2);
    four_rounds!(12, 2);
    four_rounds!(13, 2);
    four_rounds!(14, 2);
    four_rounds!(15, 3);
    four_rounds!(16, 3);
    four_rounds!(17, 3);
    four_rounds!(18, 3);
    four_rounds!(19, 3);
    (_mm_add_epi32(state, abcd), _mm_sha1nexte_epu32(before, e))
}
