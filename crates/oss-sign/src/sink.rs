//! Where the string-to-sign goes: the MAC, and optionally a copy for people.

use core::fmt;

/// Receives the string-to-sign piece by piece.
pub(crate) trait Sink {
    fn put(&mut self, bytes: &[u8]);

    /// One byte (the separators), without a copy call.
    #[inline]
    fn put_byte(&mut self, byte: u8) {
        self.put(&[byte]);
    }

    /// A header name, ASCII-lower-cased.
    #[inline]
    fn put_lower(&mut self, name: &[u8]) {
        lower_chunks(name, |chunk| self.put(chunk));
    }

    /// A piece and the separator after it (one append for the MAC).
    #[inline]
    fn put_then(&mut self, bytes: &[u8], separator: u8) {
        self.put(bytes);
        self.put_byte(separator);
    }

    /// A canonical `x-oss-` header field: `name` lower-cased, `:`, `value`, then `end`
    /// (`\n`, or `,` when the next value of the same name follows). `name` starts with
    /// `x-oss-` in some case.
    #[inline]
    fn put_oss_field(&mut self, name: &[u8], value: &[u8], end: u8) {
        self.put_lower(name);
        self.put_byte(b':');
        self.put_then(value, end);
    }
}

/// Hands `name` ASCII-lower-cased to `out`, in chunks through a small stack buffer (or
/// as it is when it has no upper-case letter).
#[inline]
pub(crate) fn lower_chunks(name: &[u8], mut out: impl FnMut(&[u8])) {
    if !name.iter().any(u8::is_ascii_uppercase) {
        out(name);
        return;
    }
    let mut buf = [0u8; 64];
    for chunk in name.chunks(buf.len()) {
        let buf = &mut buf[..chunk.len()];
        buf.copy_from_slice(chunk);
        buf.make_ascii_lowercase();
        out(buf);
    }
}

impl<S: Sink + ?Sized> Sink for &mut S {
    #[inline(always)]
    fn put(&mut self, bytes: &[u8]) {
        (**self).put(bytes);
    }

    #[inline(always)]
    fn put_byte(&mut self, byte: u8) {
        (**self).put_byte(byte);
    }

    #[inline(always)]
    fn put_lower(&mut self, name: &[u8]) {
        (**self).put_lower(name);
    }

    #[inline(always)]
    fn put_then(&mut self, bytes: &[u8], separator: u8) {
        (**self).put_then(bytes, separator);
    }

    #[inline(always)]
    fn put_oss_field(&mut self, name: &[u8], value: &[u8], end: u8) {
        (**self).put_oss_field(name, value, end);
    }
}

/// Receives a copy of the string-to-sign while it is computed, for debugging and for the
/// `StringToSign` a server reports with `SignatureDoesNotMatch`.
///
/// Implemented for `Vec<u8>` (with `alloc`), [`FixedBuf`] (no allocation) and
/// [`Utf8Writer`] (any `core::fmt::Write`).
///
/// ```
/// use oss_sign::{FixedBuf, Transcript};
/// let mut buf = FixedBuf::<8>::new();
/// buf.write_bytes(b"PUT\n");
/// assert_eq!(buf.as_bytes(), b"PUT\n");
/// ```
pub trait Transcript {
    /// Appends `bytes` (the string-to-sign is bytes: header values may not be UTF-8).
    fn write_bytes(&mut self, bytes: &[u8]);

    /// Appends a header name ASCII-lower-cased. The default lower-cases through a small
    /// stack buffer and calls [`Transcript::write_bytes`].
    ///
    /// ```
    /// use oss_sign::{FixedBuf, Transcript};
    /// let mut buf = FixedBuf::<32>::new();
    /// buf.write_lower(b"X-Oss-Meta-A");
    /// assert_eq!(buf.as_bytes(), b"x-oss-meta-a");
    /// ```
    #[inline]
    fn write_lower(&mut self, name: &[u8]) {
        lower_chunks(name, |chunk| self.write_bytes(chunk));
    }
}

#[cfg(feature = "alloc")]
impl Transcript for alloc::vec::Vec<u8> {
    fn write_bytes(&mut self, bytes: &[u8]) {
        self.extend_from_slice(bytes);
    }
}

impl<T: Transcript + ?Sized> Transcript for &mut T {
    fn write_bytes(&mut self, bytes: &[u8]) {
        (**self).write_bytes(bytes);
    }

    fn write_lower(&mut self, name: &[u8]) {
        (**self).write_lower(name);
    }
}

/// A fixed-capacity byte buffer for the string-to-sign; what does not fit is dropped and
/// [`FixedBuf::is_truncated`] says so.
///
/// ```
/// use oss_sign::{FixedBuf, Transcript};
/// let mut buf = FixedBuf::<4>::new();
/// buf.write_bytes(b"GET\nmore");
/// assert_eq!(buf.as_bytes(), b"GET\n");
/// assert!(buf.is_truncated());
/// ```
#[derive(Clone, Debug)]
pub struct FixedBuf<const N: usize> {
    bytes: [u8; N],
    len: usize,
    truncated: bool,
}

impl<const N: usize> FixedBuf<N> {
    /// An empty buffer.
    #[must_use]
    pub const fn new() -> Self {
        Self {
            bytes: [0; N],
            len: 0,
            truncated: false,
        }
    }

    /// What was written (up to the capacity).
    #[must_use]
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }

    /// Whether some bytes did not fit.
    #[must_use]
    pub const fn is_truncated(&self) -> bool {
        self.truncated
    }
}

impl<const N: usize> Default for FixedBuf<N> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const N: usize> Transcript for FixedBuf<N> {
    fn write_bytes(&mut self, bytes: &[u8]) {
        let room = N - self.len;
        let take = bytes.len().min(room);
        self.bytes[self.len..self.len + take].copy_from_slice(&bytes[..take]);
        self.len += take;
        self.truncated |= take < bytes.len();
    }
}

/// Text goes in as its UTF-8 bytes; when it does not fit, what fits is kept and the
/// write fails with `fmt::Error`.
///
/// ```
/// use core::fmt::Write as _;
/// let mut buf = oss_sign::FixedBuf::<8>::new();
/// write!(buf, "{}", 42).unwrap();
/// assert_eq!(buf.as_bytes(), b"42");
/// ```
impl<const N: usize> fmt::Write for FixedBuf<N> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        self.write_bytes(text.as_bytes());
        if self.truncated {
            Err(fmt::Error)
        } else {
            Ok(())
        }
    }
}

/// Adapts a `core::fmt::Write` (a `String`, a formatter ...) into a [`Transcript`]; bytes
/// that are not UTF-8 are written as U+FFFD, and write errors are ignored.
///
/// ```
/// use oss_sign::{Transcript, Utf8Writer};
/// let mut out = Utf8Writer(String::new());
/// out.write_bytes(b"caf\xc3\xa9 \xff");
/// assert_eq!(out.0, "café \u{fffd}");
/// ```
#[derive(Debug)]
pub struct Utf8Writer<W>(pub W);

impl<W: fmt::Write> Transcript for Utf8Writer<W> {
    fn write_bytes(&mut self, bytes: &[u8]) {
        for chunk in bytes.utf8_chunks() {
            let _ = self.0.write_str(chunk.valid());
            if !chunk.invalid().is_empty() {
                let _ = self.0.write_char(char::REPLACEMENT_CHARACTER);
            }
        }
    }
}

/// A MAC that also copies everything into a transcript.
pub(crate) struct Tee<'t, S, T: ?Sized> {
    pub(crate) sink: S,
    pub(crate) copy: &'t mut T,
}

impl<S: Sink, T: Transcript + ?Sized> Sink for Tee<'_, S, T> {
    #[inline(always)]
    fn put(&mut self, bytes: &[u8]) {
        self.sink.put(bytes);
        self.copy.write_bytes(bytes);
    }

    #[inline(always)]
    fn put_byte(&mut self, byte: u8) {
        self.sink.put_byte(byte);
        self.copy.write_bytes(&[byte]);
    }

    #[inline(always)]
    fn put_lower(&mut self, name: &[u8]) {
        self.sink.put_lower(name);
        self.copy.write_lower(name);
    }

    #[inline(always)]
    fn put_then(&mut self, bytes: &[u8], separator: u8) {
        self.sink.put_then(bytes, separator);
        self.copy.write_bytes(bytes);
        self.copy.write_bytes(&[separator]);
    }

    #[inline(always)]
    fn put_oss_field(&mut self, name: &[u8], value: &[u8], end: u8) {
        self.sink.put_oss_field(name, value, end);
        self.copy.write_lower(name);
        self.copy.write_bytes(b":");
        self.copy.write_bytes(value);
        self.copy.write_bytes(&[end]);
    }
}

/// A transcript that keeps nothing (the plain signing path).
pub(crate) struct Discard;

impl Transcript for Discard {
    #[inline(always)]
    fn write_bytes(&mut self, _bytes: &[u8]) {}

    #[inline(always)]
    fn write_lower(&mut self, _name: &[u8]) {}
}
