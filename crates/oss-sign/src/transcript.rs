//! A copy of the string-to-sign, for people and for the `StringToSign` of an error body.

/// Receives the string-to-sign (bytes: header values need not be UTF-8).
///
/// Implemented for `Vec<u8>` (with `alloc`) and `heapless::Vec<u8, N>` (what does not
/// fit is dropped). For text, convert the bytes (`String::from_utf8_lossy`).
///
/// ```
/// use oss_sign::Transcript;
/// let mut buf = heapless::Vec::<u8, 8>::new();
/// buf.write_bytes(b"PUT\n");
/// assert_eq!(buf.as_slice(), b"PUT\n");
/// ```
pub trait Transcript {
    /// Appends `bytes`.
    fn write_bytes(&mut self, bytes: &[u8]);
}

impl<T: Transcript + ?Sized> Transcript for &mut T {
    fn write_bytes(&mut self, bytes: &[u8]) {
        (**self).write_bytes(bytes);
    }
}

#[cfg(feature = "alloc")]
impl Transcript for alloc::vec::Vec<u8> {
    fn write_bytes(&mut self, bytes: &[u8]) {
        self.extend_from_slice(bytes);
    }
}

/// Keeps what fits; a full buffer drops the rest (compare its length with what you
/// expected, or size it for the longest string-to-sign you accept).
impl<const N: usize> Transcript for heapless::Vec<u8, N> {
    fn write_bytes(&mut self, bytes: &[u8]) {
        let room = N - self.len();
        let take = bytes.len().min(room);
        // `take` bytes fit by construction.
        let _ = self.extend_from_slice(&bytes[..take]);
    }
}

/// A transcript as a sink of the canonical writers.
pub(crate) struct TranscriptSink<'t, T: ?Sized>(pub(crate) &'t mut T);

impl<T: Transcript + ?Sized> crate::canonical::Sink for TranscriptSink<'_, T> {
    fn put(&mut self, bytes: &[u8]) {
        self.0.write_bytes(bytes);
    }
}
