//! Carry-less-multiplication kernels for x86_64: PCLMULQDQ on 128-bit lanes, VPCLMULQDQ
//! on 256-bit (AVX2) and 512-bit (AVX-512F) vectors.
//!
//! # How the folding works
//!
//! Sixteen message bytes loaded little-endian into a 128-bit lane form a reflected
//! polynomial `V = H·x^64 + L` (the low `u64` holds `H`, the high one `L`). Moving it
//! `d` bits further down the message multiplies it by `x^d`, and modulo `P`:
//!
//! `V·x^d ≡ H·(x^(d+64) mod P) + L·(x^d mod P)`
//!
//! Two carry-less products of 64-bit halves, each 127 bits long, fit back into one lane,
//! which is XORed onto the lane `d` bits later. Reflected carry-less products come out one
//! bit short of the 128-bit reflected layout, so the constants are `x^(d+63)` and
//! `x^(d-1)` (see [`fold_constants`]). Folding many lanes in parallel hides the multiplier
//! latency; at the end the lanes fold into one, and the remaining 128 bits go through the
//! table kernel with a zero register, which yields exactly `V·x^64 mod P`.
//!
//! # Safety
//!
//! Every `unsafe` block here is either an unaligned load from a borrowed fixed-size array
//! (always in bounds, no alignment needed) or a call into a `#[target_feature]` function
//! guarded by a [`Simd`] value. A [`Simd`] value carries a private proof token that only
//! [`detect`] creates, after CPUID (through `cpufeatures`) confirmed every feature that
//! tier's functions enable, including the OS support for the wider register state.

use core::arch::x86_64::{
    __m128i, __m256i, __m512i, _mm_clmulepi64_si128, _mm_cvtsi64_si128, _mm_cvtsi128_si64,
    _mm_loadu_si128, _mm_set_epi64x, _mm_unpackhi_epi64, _mm_xor_si128, _mm256_castsi256_si128,
    _mm256_clmulepi64_epi128, _mm256_extracti128_si256, _mm256_loadu_si256, _mm256_set_epi64x,
    _mm256_xor_si256, _mm256_zextsi128_si256, _mm512_castsi512_si256, _mm512_clmulepi64_epi128,
    _mm512_extracti64x4_epi64, _mm512_loadu_si512, _mm512_set_epi64, _mm512_xor_si512,
    _mm512_zextsi128_si512,
};
use core::sync::atomic::{AtomicU8, Ordering};

use crate::poly::{BARRETT_MU, POLY, x_pow_reflected};
use crate::table;

cpufeatures::new!(pclmul_cpu, "pclmulqdq", "sse2");
cpufeatures::new!(avx2_cpu, "avx2", "pclmulqdq");
cpufeatures::new!(avx512_cpu, "avx512f", "avx2", "vpclmulqdq", "pclmulqdq");

/// Proof that CPUID reported the features of the tier it travels with. Only [`detect`]
/// constructs one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Proof(());

/// A SIMD tier this CPU supports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Simd {
    /// PCLMULQDQ on 128-bit lanes, 128 bytes per loop iteration.
    Pclmul(Proof),
    /// VPCLMULQDQ on AVX2 registers, 256 bytes per iteration.
    Vpclmul256(Proof),
    /// VPCLMULQDQ on AVX-512 registers, 512 bytes per iteration.
    Vpclmul512(Proof),
}

/// Cached tier: 0 not yet detected, then 1 + index into `[none, pclmul, 256, 512]`.
static TIER: AtomicU8 = AtomicU8::new(0);

/// Whether CPUID leaf 7 reports VPCLMULQDQ. `cpufeatures` 0.2 only answers "vpclmulqdq"
/// when the OS also enabled the AVX-512 register state, which leaves out AVX2-only
/// CPUs that have it (AMD Zen 3, Intel Alder Lake), so the 256-bit tier asks directly.
fn cpu_has_vpclmulqdq() -> bool {
    // `__cpuid` is a safe function on current toolchains and an unsafe one on older
    // ones (the instruction exists on every x86_64 CPU, leaf 0 reports the highest leaf).
    #[allow(unused_unsafe)]
    // SAFETY: CPUID is available on all x86_64 processors and has no side effects.
    let max_leaf = unsafe { core::arch::x86_64::__cpuid(0) }.eax;
    if max_leaf < 7 {
        return false;
    }
    #[allow(unused_unsafe)]
    // SAFETY: as above; leaf 7 exists because the highest supported leaf is at least 7.
    let leaf7 = unsafe { core::arch::x86_64::__cpuid_count(7, 0) };
    leaf7.ecx & (1 << 10) != 0
}

fn detect_uncached() -> u8 {
    if avx512_cpu::get() {
        3
    } else if avx2_cpu::get() && cpu_has_vpclmulqdq() {
        2
    } else if pclmul_cpu::get() {
        1
    } else {
        0
    }
}

fn tier_from_index(index: u8) -> Option<Simd> {
    match index {
        1 => Some(Simd::Pclmul(Proof(()))),
        2 => Some(Simd::Vpclmul256(Proof(()))),
        3 => Some(Simd::Vpclmul512(Proof(()))),
        _ => None,
    }
}

/// The best SIMD tier this CPU supports (detected once, then cached).
#[inline]
pub(crate) fn detect() -> Option<Simd> {
    let cached = TIER.load(Ordering::Relaxed);
    let index = if cached == 0 {
        let found = detect_uncached();
        TIER.store(found + 1, Ordering::Relaxed);
        found
    } else {
        cached - 1
    };
    tier_from_index(index)
}

/// Every tier this CPU supports, best first (for tests that compare all of them).
#[cfg(test)]
pub(crate) fn all_supported() -> impl Iterator<Item = Simd> {
    let best = detect_uncached();
    (1..=best).rev().filter_map(tier_from_index)
}

impl Simd {
    /// Advances the CRC register over `data`.
    #[inline]
    pub(crate) fn update(self, reg: u64, data: &[u8]) -> u64 {
        match self {
            // SAFETY: the proof token exists only when CPUID reported pclmulqdq (+sse2).
            Self::Pclmul(Proof(())) => unsafe { update_128(reg, data) },
            // SAFETY: the token exists only when CPUID reported avx2, pclmulqdq and
            // vpclmulqdq, with the OS saving the 256-bit register state.
            Self::Vpclmul256(Proof(())) => unsafe { update_256(reg, data) },
            // SAFETY: the token exists only when CPUID reported avx512f, avx2, pclmulqdq
            // and vpclmulqdq, with the OS saving the 512-bit register state.
            Self::Vpclmul512(Proof(())) => unsafe { update_512(reg, data) },
        }
    }

    /// `value · x^(8·len) mod P` in normal bit order, by the digit tables of `combine`.
    #[inline]
    pub(crate) fn shift(self, value: u64, len: u64) -> u64 {
        // SAFETY: every tier's proof implies pclmulqdq, all this function enables.
        unsafe { shift_clmul(value, len) }
    }

    /// `a · b mod P` in normal bit order.
    #[inline]
    pub(crate) fn mul_mod(self, a: u64, b: u64) -> u64 {
        // SAFETY: every tier's proof implies pclmulqdq, all this function enables.
        unsafe { mul_mod_clmul(a, b) }
    }
}

/// The two multipliers that move a 128-bit lane `distance` bits down the message:
/// `[x^(distance+63) mod P, x^(distance-1) mod P]`, reflected.
const fn fold_constants(distance: u32) -> [u64; 2] {
    [
        x_pow_reflected(distance + 63),
        x_pow_reflected(distance - 1),
    ]
}

// Fold distances in bits: one lane of each width, and the stride of each bulk loop.
const K_128: [u64; 2] = fold_constants(128);
const K_256: [u64; 2] = fold_constants(256);
const K_384: [u64; 2] = fold_constants(384);
const K_512: [u64; 2] = fold_constants(512);
/// 8 × 128-bit lanes, the PCLMULQDQ loop stride.
const K_1024: [u64; 2] = fold_constants(1024);
/// 8 × 256-bit vectors, the AVX2 loop stride.
const K_2048: [u64; 2] = fold_constants(2048);
/// 8 × 512-bit vectors, the AVX-512 loop stride.
const K_4096: [u64; 2] = fold_constants(4096);

/// Constants that fold lane `i` of 8 onto lane 7, for lanes `width_bits` wide.
const fn tree_constants(width_bits: u32) -> [[u64; 2]; 7] {
    let mut out = [[0u64; 2]; 7];
    let mut lanes_after = 7u32;
    while lanes_after > 0 {
        out[7 - lanes_after as usize] = fold_constants(lanes_after * width_bits);
        lanes_after -= 1;
    }
    out
}
const TREE_128: [[u64; 2]; 7] = tree_constants(128);
const TREE_256: [[u64; 2]; 7] = tree_constants(256);
const TREE_512: [[u64; 2]; 7] = tree_constants(512);

#[inline]
#[expect(
    clippy::cast_possible_wrap,
    reason = "the intrinsics take bit patterns as i64"
)]
#[target_feature(enable = "pclmulqdq")]
fn splat128(k: [u64; 2]) -> __m128i {
    _mm_set_epi64x(k[1] as i64, k[0] as i64)
}

#[inline]
#[expect(
    clippy::cast_possible_wrap,
    reason = "the intrinsics take bit patterns as i64"
)]
#[target_feature(enable = "avx2,pclmulqdq,vpclmulqdq")]
fn splat256(k: [u64; 2]) -> __m256i {
    _mm256_set_epi64x(k[1] as i64, k[0] as i64, k[1] as i64, k[0] as i64)
}

#[inline]
#[expect(
    clippy::cast_possible_wrap,
    reason = "the intrinsics take bit patterns as i64"
)]
#[target_feature(enable = "avx512f,avx2,pclmulqdq,vpclmulqdq")]
fn splat512(k: [u64; 2]) -> __m512i {
    let (lo, hi) = (k[0] as i64, k[1] as i64);
    _mm512_set_epi64(hi, lo, hi, lo, hi, lo, hi, lo)
}

#[inline]
#[target_feature(enable = "pclmulqdq")]
fn load128(bytes: &[u8; 16]) -> __m128i {
    // SAFETY: `bytes` is 16 readable bytes; `loadu` has no alignment requirement.
    unsafe { _mm_loadu_si128(bytes.as_ptr().cast()) }
}

#[inline]
#[target_feature(enable = "avx2,pclmulqdq,vpclmulqdq")]
fn load256(bytes: &[u8; 32]) -> __m256i {
    // SAFETY: `bytes` is 32 readable bytes; `loadu` has no alignment requirement.
    unsafe { _mm256_loadu_si256(bytes.as_ptr().cast()) }
}

#[inline]
#[target_feature(enable = "avx512f,avx2,pclmulqdq,vpclmulqdq")]
fn load512(bytes: &[u8; 64]) -> __m512i {
    // SAFETY: `bytes` is 64 readable bytes; `loadu` has no alignment requirement.
    unsafe { _mm512_loadu_si512(bytes.as_ptr().cast()) }
}

/// The register as a 128-bit lane to XOR onto the first 16 message bytes.
#[inline]
#[expect(
    clippy::cast_possible_wrap,
    reason = "the intrinsics take bit patterns as i64"
)]
#[target_feature(enable = "pclmulqdq")]
fn reg128(reg: u64) -> __m128i {
    _mm_cvtsi64_si128(reg as i64)
}

/// Moves each 128-bit lane of `x` forward by the distance `k` was built for.
#[inline]
#[target_feature(enable = "pclmulqdq")]
fn fold128(x: __m128i, k: __m128i) -> __m128i {
    _mm_xor_si128(
        _mm_clmulepi64_si128(x, k, 0x00),
        _mm_clmulepi64_si128(x, k, 0x11),
    )
}

#[inline]
#[target_feature(enable = "avx2,pclmulqdq,vpclmulqdq")]
fn fold256(x: __m256i, k: __m256i) -> __m256i {
    _mm256_xor_si256(
        _mm256_clmulepi64_epi128(x, k, 0x00),
        _mm256_clmulepi64_epi128(x, k, 0x11),
    )
}

#[inline]
#[target_feature(enable = "avx512f,avx2,pclmulqdq,vpclmulqdq")]
fn fold512(x: __m512i, k: __m512i) -> __m512i {
    _mm512_xor_si512(
        _mm512_clmulepi64_epi128(x, k, 0x00),
        _mm512_clmulepi64_epi128(x, k, 0x11),
    )
}

/// Folds the 128-bit remainder `acc` over the whole 16-byte chunks of `rest`, reduces it,
/// and finishes the last bytes with the table kernel.
#[inline]
#[expect(
    clippy::cast_sign_loss,
    reason = "the intrinsics return bit patterns as i64"
)]
#[target_feature(enable = "pclmulqdq")]
fn finish128(mut acc: __m128i, rest: &[u8]) -> u64 {
    let (chunks, tail) = rest.as_chunks::<16>();
    let k = splat128(K_128);
    for chunk in chunks {
        acc = _mm_xor_si128(fold128(acc, k), load128(chunk));
    }
    let lo = _mm_cvtsi128_si64(acc) as u64;
    let hi = _mm_cvtsi128_si64(_mm_unpackhi_epi64(acc, acc)) as u64;
    table::update(table::step16(lo, hi), tail)
}

/// Inputs of 16 to 127 bytes (`first` holds the first 16, register applied): from 64
/// bytes on, four lanes fold onto the fourth in parallel rather than one after another.
#[inline]
#[target_feature(enable = "pclmulqdq")]
fn short_128(first: __m128i, rest: &[u8]) -> u64 {
    let Some((next, rest)) = rest.split_first_chunk::<48>() else {
        return finish128(first, rest);
    };
    let next = next.as_chunks::<16>().0;
    let acc = _mm_xor_si128(
        _mm_xor_si128(
            fold128(first, splat128(K_384)),
            fold128(load128(&next[0]), splat128(K_256)),
        ),
        _mm_xor_si128(
            fold128(load128(&next[1]), splat128(K_128)),
            load128(&next[2]),
        ),
    );
    finish128(acc, rest)
}

/// PCLMULQDQ kernel: 8 lanes of 128 bits, 128 bytes per iteration.
#[target_feature(enable = "pclmulqdq")]
fn update_128(reg: u64, data: &[u8]) -> u64 {
    let Some((first, rest)) = data.split_first_chunk::<16>() else {
        return table::update(reg, data);
    };
    let first = _mm_xor_si128(load128(first), reg128(reg));
    if rest.len() < 112 {
        return short_128(first, rest);
    }
    let (head, rest) = rest.split_at(112);
    let head = head.as_chunks::<16>().0;
    let mut x = [
        first,
        load128(&head[0]),
        load128(&head[1]),
        load128(&head[2]),
    ];
    let mut y = [
        load128(&head[3]),
        load128(&head[4]),
        load128(&head[5]),
        load128(&head[6]),
    ];
    let (blocks, rest) = rest.as_chunks::<128>();
    let k = splat128(K_1024);
    for block in blocks {
        let lanes = block.as_chunks::<16>().0;
        for i in 0..4 {
            x[i] = _mm_xor_si128(fold128(x[i], k), load128(&lanes[i]));
            y[i] = _mm_xor_si128(fold128(y[i], k), load128(&lanes[4 + i]));
        }
    }
    let lanes = [x[0], x[1], x[2], x[3], y[0], y[1], y[2]];
    let mut acc = y[3];
    for (lane, k) in lanes.into_iter().zip(TREE_128) {
        acc = _mm_xor_si128(acc, fold128(lane, splat128(k)));
    }
    finish128(acc, rest)
}

/// Folds a 256-bit remainder over the whole 32-byte chunks of `rest`, then narrows it to
/// one 128-bit lane and finishes.
#[inline]
#[target_feature(enable = "avx2,pclmulqdq,vpclmulqdq")]
fn finish256(mut acc: __m256i, rest: &[u8]) -> u64 {
    let (chunks, tail) = rest.as_chunks::<32>();
    let k = splat256(K_256);
    for chunk in chunks {
        acc = _mm256_xor_si256(fold256(acc, k), load256(chunk));
    }
    let first = _mm256_castsi256_si128(acc);
    let second = _mm256_extracti128_si256(acc, 1);
    finish128(_mm_xor_si128(fold128(first, splat128(K_128)), second), tail)
}

/// VPCLMULQDQ kernel on AVX2 registers: 8 × 256 bits, 256 bytes per iteration.
#[target_feature(enable = "avx2,pclmulqdq,vpclmulqdq")]
fn update_256(reg: u64, data: &[u8]) -> u64 {
    let Some((head, rest)) = data.split_first_chunk::<256>() else {
        return update_128(reg, data);
    };
    let head = head.as_chunks::<32>().0;
    let first = _mm256_xor_si256(load256(&head[0]), _mm256_zextsi128_si256(reg128(reg)));
    let mut x = [
        first,
        load256(&head[1]),
        load256(&head[2]),
        load256(&head[3]),
    ];
    let mut y = [
        load256(&head[4]),
        load256(&head[5]),
        load256(&head[6]),
        load256(&head[7]),
    ];
    let (blocks, rest) = rest.as_chunks::<256>();
    let k = splat256(K_2048);
    for block in blocks {
        let lanes = block.as_chunks::<32>().0;
        for i in 0..4 {
            x[i] = _mm256_xor_si256(fold256(x[i], k), load256(&lanes[i]));
            y[i] = _mm256_xor_si256(fold256(y[i], k), load256(&lanes[4 + i]));
        }
    }
    let lanes = [x[0], x[1], x[2], x[3], y[0], y[1], y[2]];
    let mut acc = y[3];
    for (lane, k) in lanes.into_iter().zip(TREE_256) {
        acc = _mm256_xor_si256(acc, fold256(lane, splat256(k)));
    }
    finish256(acc, rest)
}

/// VPCLMULQDQ kernel on AVX-512 registers: 8 × 512 bits, 512 bytes per iteration.
#[target_feature(enable = "avx512f,avx2,pclmulqdq,vpclmulqdq")]
fn update_512(reg: u64, data: &[u8]) -> u64 {
    let Some((head, rest)) = data.split_first_chunk::<512>() else {
        return update_256(reg, data);
    };
    let head = head.as_chunks::<64>().0;
    let first = _mm512_xor_si512(load512(&head[0]), _mm512_zextsi128_si512(reg128(reg)));
    let mut x = [
        first,
        load512(&head[1]),
        load512(&head[2]),
        load512(&head[3]),
    ];
    let mut y = [
        load512(&head[4]),
        load512(&head[5]),
        load512(&head[6]),
        load512(&head[7]),
    ];
    let (blocks, rest) = rest.as_chunks::<512>();
    let k = splat512(K_4096);
    for block in blocks {
        let lanes = block.as_chunks::<64>().0;
        for i in 0..4 {
            x[i] = _mm512_xor_si512(fold512(x[i], k), load512(&lanes[i]));
            y[i] = _mm512_xor_si512(fold512(y[i], k), load512(&lanes[4 + i]));
        }
    }
    let lanes = [x[0], x[1], x[2], x[3], y[0], y[1], y[2]];
    let mut acc = y[3];
    for (lane, k) in lanes.into_iter().zip(TREE_512) {
        acc = _mm512_xor_si512(acc, fold512(lane, splat512(k)));
    }
    let (chunks, rest) = rest.as_chunks::<64>();
    let k = splat512(K_512);
    for chunk in chunks {
        acc = _mm512_xor_si512(fold512(acc, k), load512(chunk));
    }
    let first = _mm512_castsi512_si256(acc);
    let second = _mm512_extracti64x4_epi64(acc, 1);
    finish256(
        _mm256_xor_si256(fold256(first, splat256(K_256)), second),
        rest,
    )
}

/// `a · b mod P` in normal bit order: one carry-less product and a Barrett reduction.
#[inline]
#[expect(
    clippy::cast_possible_wrap,
    reason = "the intrinsics take bit patterns as i64"
)]
#[expect(
    clippy::cast_sign_loss,
    reason = "the intrinsics return bit patterns as i64"
)]
#[target_feature(enable = "pclmulqdq")]
fn mul_mod_clmul(a: u64, b: u64) -> u64 {
    // The product R = Rh·x^64 + Rl (Rl in the low qword).
    let product = _mm_clmulepi64_si128(
        _mm_cvtsi64_si128(a as i64),
        _mm_cvtsi64_si128(b as i64),
        0x00,
    );
    // Barrett constants: MU (low qword) and P without its x^64 term (high qword).
    let k = _mm_set_epi64x(POLY as i64, BARRETT_MU as i64);
    // q = floor(Rh·(x^64 + MU) / x^64) = Rh ^ hi64(Rh·MU), kept in the high qword.
    let rh_mu = _mm_clmulepi64_si128(product, k, 0x01);
    let quotient = _mm_xor_si128(product, rh_mu);
    // R mod P = Rl ^ lo64(q·POLY): q·x^64 cancels Rh·x^64 exactly.
    let q_poly = _mm_clmulepi64_si128(quotient, k, 0x11);
    _mm_cvtsi128_si64(_mm_xor_si128(product, q_poly)) as u64
}

/// `value · x^(8·len) mod P` in normal bit order, from the digit tables.
#[target_feature(enable = "pclmulqdq")]
fn shift_clmul(value: u64, len: u64) -> u64 {
    crate::combine::shift_with(value, len, |a, b| mul_mod_clmul(a, b))
}
