//! The `Content-MD5` header value: base64 of the body's MD5 digest.

use core::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use md5::Digest as _;

/// A `Content-MD5` value (24 base64 characters) in a fixed buffer.
///
/// ```
/// use oss_sign::ContentMd5;
/// assert_eq!(ContentMd5::of(b"0123456789").as_str(), "eB5eJF1ptWaXm4bijSPyxw==");
///
/// let mut hasher = ContentMd5::hasher();
/// hasher.update(b"01234");
/// hasher.update(b"56789");
/// assert_eq!(hasher.finish().as_str(), "eB5eJF1ptWaXm4bijSPyxw==");
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct ContentMd5 {
    base64: [u8; 24],
}

/// Computes a [`ContentMd5`] over a body given in pieces.
#[derive(Clone, Debug, Default)]
pub struct ContentMd5Hasher {
    md5: md5::Md5,
}

impl ContentMd5Hasher {
    /// Adds the next piece of the body.
    pub fn update(&mut self, bytes: &[u8]) {
        self.md5.update(bytes);
    }

    /// The header value for everything added.
    #[must_use]
    pub fn finish(self) -> ContentMd5 {
        ContentMd5::from_digest(self.md5.finalize().into())
    }
}

impl ContentMd5 {
    /// The `Content-MD5` of a whole body.
    #[must_use]
    pub fn of(body: &[u8]) -> Self {
        Self::from_digest(md5::Md5::digest(body).into())
    }

    /// An incremental hasher.
    #[must_use]
    pub fn hasher() -> ContentMd5Hasher {
        ContentMd5Hasher::default()
    }

    /// The value for a known 16-byte MD5 digest.
    ///
    /// ```
    /// use oss_sign::ContentMd5;
    /// assert_eq!(ContentMd5::from_digest([0; 16]).as_str(), "AAAAAAAAAAAAAAAAAAAAAA==");
    /// ```
    #[must_use]
    pub fn from_digest(digest: [u8; 16]) -> Self {
        let mut base64 = [0u8; 24];
        // 16 bytes always encode to exactly 24 characters.
        let _ = STANDARD.encode_slice(digest, &mut base64);
        Self { base64 }
    }

    /// The header value.
    #[must_use]
    pub fn as_str(&self) -> &str {
        core::str::from_utf8(&self.base64).unwrap_or_default()
    }
}

impl fmt::Debug for ContentMd5 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ContentMd5").field(&self.as_str()).finish()
    }
}

impl fmt::Display for ContentMd5 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
