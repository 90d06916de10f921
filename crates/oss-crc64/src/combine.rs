//! Combining CRCs: the CRC of `A‖B` from `crc(A)`, `crc(B)` and `len(B)`.
//!
//! Appending `n` bytes multiplies the first CRC by `x^(8n) mod P`; since CRC-64/XZ's
//! initial value equals its final XOR, the two final CRCs combine as
//! `crc(A‖B) = crc(A)·x^(8n) + crc(B)`. The power comes from eight tables of
//! `x^(8·d·256^k) mod P` (one per byte `d` of `n`), multiplied as a balanced tree: four
//! or five carry-less multiplications, three deep, for any length below 1 TiB. No matrix
//! squaring, no loop over the bits of `n`.

use crate::kernel;

/// `DIGITS[k][d] = x^(8·d·256^k) mod P` in normal bit order (16 KiB, built at compile
/// time).
static DIGITS: [[u64; 256]; 8] = build_digits();

const fn build_digits() -> [[u64; 256]; 8] {
    let mut tables = [[0u64; 256]; 8];
    // x^8 in normal bit order: one zero byte.
    let mut base = 1u64 << 8;
    let mut k = 0;
    while k < 8 {
        tables[k][0] = 1;
        let mut digit = 1;
        while digit < 256 {
            tables[k][digit] = crate::poly::mul_mod_normal(tables[k][digit - 1], base);
            digit += 1;
        }
        // base^256 = base^255 · base: the next byte of the length.
        base = crate::poly::mul_mod_normal(tables[k][255], base);
        k += 1;
    }
    tables
}

/// `value · x^(8·len) mod P` in normal bit order, multiplying `value` and the digit
/// powers with `mul` as a balanced tree: three multiplier latencies for any length below
/// 1 TiB (a whole OSS object is at most 48.8 TB; its parts at most 5 GiB), four above.
#[inline(always)]
pub(crate) fn shift_with(value: u64, len: u64, mul: impl Fn(u64, u64) -> u64) -> u64 {
    let digits = len.to_le_bytes();
    let power = |k: usize| DIGITS[k][usize::from(digits[k])];
    let low = mul(mul(value, power(0)), mul(power(1), power(2)));
    if len >> 32 == 0 {
        mul(low, power(3))
    } else if len >> 40 == 0 {
        mul(low, mul(power(3), power(4)))
    } else {
        let high = mul(mul(power(3), power(4)), mul(power(5), power(6)));
        mul(mul(low, high), power(7))
    }
}

/// Returns the CRC-64 of `A‖B` given `crc1 = crc(A)`, `crc2 = crc(B)` and `len2 = len(B)`
/// in bytes.
///
/// This is what a client checks after CompleteMultipartUpload, or a server computes for
/// an appended object, without reading the data again. When `len2` is 0 the result is
/// `crc1` (as every OSS SDK defines it). To combine many pieces of one size, build a
/// [`Combiner`] once; for a whole multipart object, see [`combine_parts`].
///
/// ```
/// use oss_crc64::{checksum, combine};
///
/// let whole = checksum(b"123456789");
/// assert_eq!(combine(checksum(b"12345"), checksum(b"6789"), 4), whole);
/// assert_eq!(combine(2, 3, 0), 2);
/// ```
#[must_use]
#[inline]
pub fn combine(crc1: u64, crc2: u64, len2: u64) -> u64 {
    if len2 == 0 {
        return crc1;
    }
    kernel::shift(crc1.reverse_bits(), len2).reverse_bits() ^ crc2
}

/// The precomputed operator that appends a fixed number of bytes: one carry-less
/// multiplication per [`combine`](Combiner::combine).
///
/// ```
/// use oss_crc64::{Combiner, checksum};
///
/// let parts: [&[u8]; 3] = [b"abcd", b"efgh", b"ijkl"];
/// let append4 = Combiner::new(4);
/// let mut crc = checksum(parts[0]);
/// for part in &parts[1..] {
///     crc = append4.combine(crc, checksum(part));
/// }
/// assert_eq!(crc, checksum(b"abcdefghijkl"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Combiner {
    /// The appended length, in bytes.
    len: u64,
    /// `x^(8·len) mod P`, normal bit order.
    operator: u64,
}

impl Combiner {
    /// Precomputes the operator that appends `len` bytes.
    ///
    /// ```
    /// let op = oss_crc64::Combiner::new(5 << 30);
    /// assert_eq!(op.appended_len(), 5 << 30);
    /// ```
    #[must_use]
    #[inline]
    pub fn new(len: u64) -> Self {
        Self {
            len,
            operator: kernel::shift(1, len),
        }
    }

    /// The number of bytes this operator appends.
    ///
    /// ```
    /// assert_eq!(oss_crc64::Combiner::new(7).appended_len(), 7);
    /// ```
    #[must_use]
    pub const fn appended_len(&self) -> u64 {
        self.len
    }

    /// Returns the CRC-64 of `A‖B` from `crc1 = crc(A)` and `crc2 = crc(B)`, where `B` is
    /// [`appended_len`](Self::appended_len) bytes long. With a length of 0 it returns
    /// `crc1`.
    ///
    /// ```
    /// use oss_crc64::{Combiner, checksum};
    ///
    /// let op = Combiner::new(5);
    /// assert_eq!(op.combine(checksum(b"12345"), checksum(b"67890")), checksum(b"1234567890"));
    /// ```
    #[must_use]
    #[inline]
    pub fn combine(&self, crc1: u64, crc2: u64) -> u64 {
        if self.len == 0 {
            return crc1;
        }
        kernel::mul_mod(crc1.reverse_bits(), self.operator).reverse_bits() ^ crc2
    }
}

/// Returns the CRC-64 of a whole object from its parts' `(crc, len)` pairs, in part
/// order: the value OSS reports in `x-oss-hash-crc64ecma` after CompleteMultipartUpload.
///
/// Runs of parts with the same length share one precomputed [`Combiner`], so a typical
/// upload (equal parts, a shorter last one) costs one multiplication per part. No parts
/// give 0, the CRC of an empty object.
///
/// ```
/// use oss_crc64::{checksum, combine_parts};
///
/// let data = b"The quick brown fox jumps over the lazy dog";
/// let parts = data.chunks(10).map(|part| (checksum(part), part.len() as u64));
/// assert_eq!(combine_parts(parts), checksum(data));
/// assert_eq!(combine_parts([]), 0);
/// ```
#[must_use]
pub fn combine_parts<I>(parts: I) -> u64
where
    I: IntoIterator<Item = (u64, u64)>,
{
    let mut crc = 0;
    let mut operator = Combiner::new(0);
    for (part_crc, len) in parts {
        if operator.len != len {
            operator = Combiner::new(len);
        }
        crc = operator.combine(crc, part_crc);
    }
    crc
}

#[cfg(test)]
mod tests {
    use alloc::vec::Vec;
    use proptest::prelude::*;

    use super::*;
    use crate::kernel::Kernel;
    use crate::{checksum, reference};

    #[test]
    fn sdk_combine_vectors() {
        assert_eq!(
            combine(0x5DA7_46FF_A504_5CE9, 0x8EA5_EB02_AD6E_7911, 4),
            0x995D_C9BB_DF19_39FA
        );
        assert_eq!(
            combine(0xE8BD_B527_BB92_2A5E, 0x16D3_4D0E_33FD_2529, 24),
            0x27DB_187F_C15B_BC72
        );
        assert_eq!(
            combine(0x995D_C9BB_DF19_39FA, 0x27DB_187F_C15B_BC72, 49),
            0x6A7A_A19F_CBF4_8688
        );
        assert_eq!(
            combine(checksum(b"12345"), checksum(b"67890"), 5),
            checksum(b"1234567890")
        );
        assert_eq!(combine(2, 3, 0), 2);
    }

    #[test]
    fn every_split_of_the_huxley_quote_combines_to_its_crc() {
        let quote = b"Even if I could be Shakespeare, I think I should still choose to be Faraday. - A. Huxley";
        for cut in 0..=quote.len() {
            let (a, b) = quote.split_at(cut);
            assert_eq!(
                combine(checksum(a), checksum(b), b.len() as u64),
                0x7AD2_5FAF_A171_0407
            );
        }
    }

    #[test]
    fn lengths_at_digit_and_word_boundaries_match_the_matrix_method() {
        let lengths = [
            1,
            255,
            256,
            257,
            65_535,
            65_536,
            (1 << 32) - 1,
            1 << 32,
            5 << 30,
            (1 << 40) - 1,
            1 << 40,
            48_800_000_000_000,
            u64::MAX,
        ];
        for len in lengths {
            let (a, b) = (0x0123_4567_89AB_CDEF, 0xFEDC_BA98_7654_3210);
            assert_eq!(
                combine(a, b, len),
                reference::matrix_combine(a, b, len),
                "len {len}"
            );
        }
    }

    #[test]
    fn combine_parts_of_a_multipart_object() {
        let data: Vec<u8> = (0..10_000u32)
            .map(|i| (i * 7 + 3).to_le_bytes()[0])
            .collect();
        for part_size in [1, 100, 1024, 3333, 10_000] {
            let parts = data
                .chunks(part_size)
                .map(|part| (checksum(part), part.len() as u64));
            assert_eq!(
                combine_parts(parts),
                checksum(&data),
                "parts of {part_size}"
            );
        }
        assert_eq!(combine_parts([(5, 0), (checksum(b"a"), 1)]), checksum(b"a"));
    }

    proptest! {
        #[test]
        fn combine_matches_the_matrix_method(a in any::<u64>(), b in any::<u64>(), len in any::<u64>()) {
            prop_assert_eq!(combine(a, b, len), reference::matrix_combine(a, b, len));
            prop_assert_eq!(Combiner::new(len).combine(a, b), combine(a, b, len));
        }

        #[test]
        fn every_kernel_operator_combines_pieces(data in proptest::collection::vec(any::<u8>(), 0..600), cut in any::<prop::sample::Index>()) {
            let (a, b) = data.split_at(cut.index(data.len() + 1));
            let whole = reference::bitwise(0, &data);
            for kernel in Kernel::all() {
                let crc1 = reference::bitwise(0, a);
                let shifted = kernel.shift(crc1.reverse_bits(), b.len() as u64).reverse_bits();
                let combined = if b.is_empty() { crc1 } else { shifted ^ reference::bitwise(0, b) };
                prop_assert_eq!(combined, whole, "{:?}", kernel);
            }
        }
    }
}
