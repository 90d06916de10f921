//! Combining CRCs: the CRC of `A‖B` from `crc(A)`, `crc(B)` and `len(B)`.
//!
//! Appending `n` bytes multiplies the first CRC by `x^(8n) mod P`; since CRC-64/XZ's
//! initial value equals its final XOR, the two final CRCs combine as
//! `crc(A‖B) = crc(A)·x^(8n) + crc(B)`. The power comes from eight tables of
//! `x^(8·d·256^k) mod P` (one per byte `d` of `n`), so it costs three carry-less
//! multiplications for lengths below 4 GiB and seven above, whatever the length: no
//! matrix squaring, no loop over the bits of `n`.

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

/// `x^(8·len) mod P` in normal bit order, multiplying the digit powers with `mul` as a
/// balanced tree (two levels below 4 GiB, three above).
#[inline(always)]
pub(crate) fn shift_operator_with(len: u64, mul: impl Fn(u64, u64) -> u64) -> u64 {
    let digits = len.to_le_bytes();
    let power = |k: usize| DIGITS[k][usize::from(digits[k])];
    let low = mul(mul(power(0), power(1)), mul(power(2), power(3)));
    if len >> 32 == 0 {
        low
    } else {
        mul(low, mul(mul(power(4), power(5)), mul(power(6), power(7))))
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
    Combiner::new(len2).combine(crc1, crc2)
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
        Self { len, operator: kernel::shift_operator(len) }
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
