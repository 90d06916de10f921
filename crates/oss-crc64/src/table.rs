//! The portable kernel: slicing-by-16 tables, built at compile time.
//!
//! `TABLES[k][b]` is the register contribution of byte `b` followed by `k` zero bytes,
//! so sixteen lookups advance the register over sixteen bytes at once. It is the safe
//! scalar twin of the SIMD kernels, and it finishes their last few bytes.

use crate::poly::POLY_REFLECTED;

/// Number of bytes one slicing step consumes.
const SLICE: usize = 16;

/// The sixteen 256-entry tables (32 KiB).
static TABLES: [[u64; 256]; SLICE] = build_tables();

const fn build_tables() -> [[u64; 256]; SLICE] {
    let mut tables = [[0u64; 256]; SLICE];
    let mut byte = 0;
    while byte < 256 {
        let mut reg = byte as u64;
        let mut bit = 0;
        while bit < 8 {
            reg = (reg >> 1) ^ (POLY_REFLECTED & (reg & 1).wrapping_neg());
            bit += 1;
        }
        tables[0][byte] = reg;
        byte += 1;
    }
    let mut k = 1;
    while k < SLICE {
        let mut byte = 0;
        while byte < 256 {
            let prev = tables[k - 1][byte];
            tables[k][byte] = (prev >> 8) ^ tables[0][(prev & 0xFF) as usize];
            byte += 1;
        }
        k += 1;
    }
    tables
}

/// Looks up one byte of a `u64` lane (`shift` selects it) in table `k`.
#[inline(always)]
fn lookup(k: usize, lane: u64, shift: u32) -> u64 {
    TABLES[k][((lane >> shift) & 0xFF) as usize]
}

/// Reads 16 bytes as two little-endian `u64` lanes (first eight bytes, last eight).
#[inline(always)]
#[expect(
    clippy::cast_possible_truncation,
    reason = "taking the low and high halves"
)]
fn split_lanes(chunk: &[u8; 16]) -> (u64, u64) {
    let both = u128::from_le_bytes(*chunk);
    (both as u64, (both >> 64) as u64)
}

/// One slicing step: the register contribution of 16 bytes, read as two little-endian
/// `u64` lanes, when the register is zero. (`lo` must already hold the register XOR.)
///
/// The SIMD kernels also use it as their final reduction: a 128-bit fold remainder is
/// exactly 16 bytes to run through a zero register.
#[inline]
#[must_use]
pub(crate) fn step16(lo: u64, hi: u64) -> u64 {
    lookup(15, lo, 0)
        ^ lookup(14, lo, 8)
        ^ lookup(13, lo, 16)
        ^ lookup(12, lo, 24)
        ^ lookup(11, lo, 32)
        ^ lookup(10, lo, 40)
        ^ lookup(9, lo, 48)
        ^ lookup(8, lo, 56)
        ^ lookup(7, hi, 0)
        ^ lookup(6, hi, 8)
        ^ lookup(5, hi, 16)
        ^ lookup(4, hi, 24)
        ^ lookup(3, hi, 32)
        ^ lookup(2, hi, 40)
        ^ lookup(1, hi, 48)
        ^ lookup(0, hi, 56)
}

/// Advances the CRC register `reg` (pre-inverted, as the register holds it) over `data`.
#[must_use]
pub(crate) fn update(mut reg: u64, data: &[u8]) -> u64 {
    let (chunks, rest) = data.as_chunks::<SLICE>();
    for chunk in chunks {
        let (lo, hi) = split_lanes(chunk);
        reg = step16(lo ^ reg, hi);
    }
    let mut rest = rest;
    if let Some((lo, tail)) = rest.split_first_chunk::<8>() {
        let lo = u64::from_le_bytes(*lo) ^ reg;
        reg = lookup(7, lo, 0)
            ^ lookup(6, lo, 8)
            ^ lookup(5, lo, 16)
            ^ lookup(4, lo, 24)
            ^ lookup(3, lo, 32)
            ^ lookup(2, lo, 40)
            ^ lookup(1, lo, 48)
            ^ lookup(0, lo, 56);
        rest = tail;
    }
    for &byte in rest {
        reg = (reg >> 8) ^ TABLES[0][((reg ^ u64::from(byte)) & 0xFF) as usize];
    }
    reg
}
