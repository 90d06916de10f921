//! One-shot and streaming CRC-64/XZ.

use crate::kernel;

/// Returns the CRC-64/XZ of `data`: the value OSS sends in `x-oss-hash-crc64ecma`.
///
/// ```
/// assert_eq!(oss_crc64::checksum(b"123456789"), 0x995D_C9BB_DF19_39FA);
/// assert_eq!(oss_crc64::checksum(b""), 0);
/// ```
#[must_use]
#[inline]
pub fn checksum(data: &[u8]) -> u64 {
    !kernel::update(!0, data)
}

/// Continues a CRC-64/XZ: returns the CRC of `A‖data` given `crc = crc(A)`.
///
/// This is the "initial CRC" every OSS SDK accepts, for AppendObject (start from the
/// CRC the previous append returned) and for resumed uploads.
///
/// ```
/// use oss_crc64::{checksum, update};
///
/// assert_eq!(update(checksum(b"12345"), b"6789"), checksum(b"123456789"));
/// assert_eq!(update(0, b"abc"), checksum(b"abc"));
/// ```
#[must_use]
#[inline]
pub fn update(crc: u64, data: &[u8]) -> u64 {
    !kernel::update(!crc, data)
}

/// A streaming CRC-64/XZ.
///
/// Feed it with [`update`](Self::update) (or as a [`core::hash::Hasher`], or with `std`
/// as an [`std::io::Write`]), read it with [`finish`](Self::finish) at any time. It is
/// `Copy` and 8 bytes, so a snapshot is free.
///
/// ```
/// use oss_crc64::Crc64;
///
/// let mut crc = Crc64::new();
/// crc.update(b"1234");
/// crc.update(b"56789");
/// assert_eq!(crc.finish(), 0x995D_C9BB_DF19_39FA);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Crc64 {
    /// The CRC register (the running value before the final inversion).
    reg: u64,
}

impl Crc64 {
    /// Starts a CRC over no data (its value is 0).
    ///
    /// ```
    /// assert_eq!(oss_crc64::Crc64::new().finish(), 0);
    /// ```
    #[must_use]
    pub const fn new() -> Self {
        Self { reg: !0 }
    }

    /// Continues from the CRC of data already processed elsewhere, such as the
    /// `x-oss-hash-crc64ecma` an AppendObject returned.
    ///
    /// ```
    /// use oss_crc64::{Crc64, checksum};
    ///
    /// let mut crc = Crc64::resume(checksum(b"hello "));
    /// crc.update(b"world");
    /// assert_eq!(crc.finish(), checksum(b"hello world"));
    /// ```
    #[must_use]
    pub const fn resume(crc: u64) -> Self {
        Self { reg: !crc }
    }

    /// Adds `data` to the CRC.
    ///
    /// ```
    /// let mut crc = oss_crc64::Crc64::new();
    /// crc.update(b"hi oss");
    /// assert_eq!(crc.finish(), 8707180448768400016);
    /// ```
    #[inline]
    pub fn update(&mut self, data: &[u8]) {
        self.reg = kernel::update(self.reg, data);
    }

    /// The CRC-64 of everything added so far. The value can keep growing afterwards.
    ///
    /// ```
    /// let mut crc = oss_crc64::Crc64::new();
    /// crc.update(b"a");
    /// assert_eq!(crc.finish(), 3675645893302102789);
    /// ```
    #[must_use]
    pub const fn finish(&self) -> u64 {
        !self.reg
    }
}

impl Default for Crc64 {
    fn default() -> Self {
        Self::new()
    }
}

impl core::hash::Hasher for Crc64 {
    fn write(&mut self, bytes: &[u8]) {
        self.update(bytes);
    }

    fn finish(&self) -> u64 {
        Crc64::finish(self)
    }
}

#[cfg(feature = "std")]
impl std::io::Write for Crc64 {
    /// Adds all of `buf`; never fails.
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.update(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use alloc::vec::Vec;
    use core::hash::Hasher;
    use proptest::prelude::*;

    use super::*;
    use crate::{combine, reference};

    #[test]
    fn published_vectors() {
        let vectors: [(&[u8], u64); 8] = [
            (b"", 0),
            (b"a", 0x3302_8477_2E65_2B05),
            (b"abc", 0x2CD8_094A_1A27_7627),
            (b"123456789", 0x995D_C9BB_DF19_39FA),
            (b"IHATEMATH", 0x3920_E0F6_6B6E_E0C8),
            (b"hi oss", 0x78D6_1E7C_4C11_1A90),
            (b"1234567890", 0xB1CB_31BB_B4A2_B2BE),
            (
                b"This is a test of the emergency broadcast system.",
                0x27DB_187F_C15B_BC72,
            ),
        ];
        for (input, crc) in vectors {
            assert_eq!(checksum(input), crc);
        }
    }

    #[test]
    fn hasher_and_io_write_feed_the_same_crc() {
        let mut hasher = Crc64::default();
        hasher.write(b"12345");
        hasher.write(b"6789");
        assert_eq!(Hasher::finish(&hasher), 0x995D_C9BB_DF19_39FA);

        let mut writer = Crc64::new();
        std::io::copy(&mut &b"123456789"[..], &mut writer).unwrap();
        assert_eq!(writer.finish(), 0x995D_C9BB_DF19_39FA);
    }

    proptest! {
        /// Streaming over arbitrary pieces = one-shot = continuation = combine of pieces.
        #[test]
        fn streaming_equals_one_shot_equals_combine(
            data in proptest::collection::vec(any::<u8>(), 0..5000),
            cuts in proptest::collection::vec(any::<prop::sample::Index>(), 0..6),
        ) {
            let mut points: Vec<usize> = cuts.iter().map(|cut| cut.index(data.len() + 1)).collect();
            points.push(0);
            points.push(data.len());
            points.sort_unstable();
            let pieces: Vec<&[u8]> = points.windows(2).map(|w| &data[w[0]..w[1]]).collect();

            let whole = checksum(&data);
            prop_assert_eq!(whole, reference::bitwise(0, &data));

            let mut stream = Crc64::new();
            let mut continued = 0;
            let mut combined = 0;
            for piece in &pieces {
                stream.update(piece);
                continued = update(continued, piece);
                combined = combine(combined, checksum(piece), piece.len() as u64);
            }
            prop_assert_eq!(stream.finish(), whole);
            prop_assert_eq!(continued, whole);
            prop_assert_eq!(combined, whole);
            prop_assert_eq!(Crc64::resume(checksum(pieces[0])).finish(), checksum(pieces[0]));
        }
    }
}
