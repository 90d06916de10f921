//! Percent coding, the one codec of oss-core: RFC 3986 encoding (query components and
//! paths, as both signature versions and presigned URLs write them), lenient decoding (as
//! a server reads a signed URL), and checked decoding (tags, copy sources) that keeps text
//! borrowed and encoded until read.
//!
//! ```
//! use oss_naming::percent::{self, Plus};
//!
//! let mut out = String::new();
//! percent::encode(b"a+b/c= d", &mut out).unwrap();
//! assert_eq!(out, "a%2Bb%2Fc%3D%20d");
//! let back: Vec<u8> = percent::decode(out.as_bytes(), Plus::Space).collect();
//! assert_eq!(back, b"a+b/c= d");
//! ```

use core::fmt;

use crate::byte_class::{self, VISIBLE};

/// The input was not a well-formed percent-encoded UTF-8 string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct BadEncoding;

/// How `+` is read: as a space (form encoding, query strings) or as itself (paths).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Plus {
    /// `+` decodes to a space, as in `application/x-www-form-urlencoded`.
    Space,
    /// `+` is a literal `+`, as in a URL path.
    Literal,
}

const fn hex_value(byte: u8) -> Option<u8> {
    match byte {
        b'0'..=b'9' => Some(byte - b'0'),
        b'a'..=b'f' => Some(byte - b'a' + 10),
        b'A'..=b'F' => Some(byte - b'A' + 10),
        _ => None,
    }
}

/// Whether `byte` is an RFC 3986 unreserved character, which is never percent-encoded.
///
/// ```
/// assert!(oss_naming::percent::is_unreserved(b'~'));
/// assert!(!oss_naming::percent::is_unreserved(b'+'));
/// ```
#[must_use]
pub const fn is_unreserved(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~')
}

const HEX_UPPER: &[u8; 16] = b"0123456789ABCDEF";

/// [`is_unreserved`] of every byte, looked up rather than computed when encoding.
const UNRESERVED: [bool; 256] = kept_bytes(false);
/// [`is_unreserved`] or `/`, for paths.
const KEPT_IN_PATHS: [bool; 256] = kept_bytes(true);

const fn kept_bytes(slash: bool) -> [bool; 256] {
    let mut table = [false; 256];
    let mut byte: u8 = 0;
    loop {
        table[byte as usize] = is_unreserved(byte) || (slash && byte == b'/');
        if byte == u8::MAX {
            return table;
        }
        byte += 1;
    }
}

/// Hands `bytes` RFC 3986-encoded to `out`, in pieces: runs of unreserved characters
/// (and of `/` when `keep_slash`) as they are, every other byte as `%XX` with upper-case
/// hex. The streaming form of [`encode`] and [`encode_path`], for writers that are not
/// `fmt::Write` (a hash, a byte buffer).
///
/// ```
/// let mut out = Vec::new();
/// oss_naming::percent::encode_pieces(b"a b/c", true, |piece| out.extend_from_slice(piece));
/// assert_eq!(out, b"a%20b/c");
/// ```
pub fn encode_pieces(bytes: &[u8], keep_slash: bool, mut out: impl FnMut(&[u8])) {
    let kept = if keep_slash {
        &KEPT_IN_PATHS
    } else {
        &UNRESERVED
    };
    let mut rest = bytes;
    while !rest.is_empty() {
        let plain = rest
            .iter()
            .position(|&b| !kept[usize::from(b)])
            .unwrap_or(rest.len());
        let (run, tail) = rest.split_at(plain);
        if !run.is_empty() {
            out(run);
        }
        if let Some((&byte, tail)) = tail.split_first() {
            out(&[
                b'%',
                HEX_UPPER[usize::from(byte >> 4)],
                HEX_UPPER[usize::from(byte & 0xF)],
            ]);
            rest = tail;
        } else {
            rest = tail;
        }
    }
}

/// The bytes of `bytes` RFC 3986-encoded, one at a time (a `/` kept when `keep_slash`):
/// for comparing encoded texts without building them, as Signature V4 sorts its query.
///
/// ```
/// let encoded: Vec<u8> = oss_naming::percent::encode_bytes(b"a+b".iter().copied(), false).collect();
/// assert_eq!(encoded, b"a%2Bb");
/// ```
pub fn encode_bytes<I: Iterator<Item = u8>>(bytes: I, keep_slash: bool) -> EncodeBytes<I> {
    EncodeBytes {
        bytes,
        keep_slash,
        pending: [0; 2],
        pending_len: 0,
    }
}

/// The iterator of [`encode_bytes`].
#[derive(Clone, Debug)]
pub struct EncodeBytes<I> {
    bytes: I,
    keep_slash: bool,
    /// The hex digits still to come after a `%`, last first.
    pending: [u8; 2],
    pending_len: usize,
}

impl<I: Iterator<Item = u8>> Iterator for EncodeBytes<I> {
    type Item = u8;

    fn next(&mut self) -> Option<u8> {
        if self.pending_len > 0 {
            self.pending_len -= 1;
            return Some(self.pending[self.pending_len]);
        }
        let byte = self.bytes.next()?;
        if is_unreserved(byte) || (self.keep_slash && byte == b'/') {
            return Some(byte);
        }
        self.pending = [
            HEX_UPPER[usize::from(byte & 0xF)],
            HEX_UPPER[usize::from(byte >> 4)],
        ];
        self.pending_len = 2;
        Some(b'%')
    }
}

/// Writes `bytes` encoded as a URL query component (RFC 3986): everything but the
/// unreserved characters becomes `%XX`, so `+` is `%2B`, `/` is `%2F`, `=` is `%3D` and a
/// space is `%20`.
///
/// # Errors
/// Whatever `out` returns.
///
/// ```
/// let mut out = String::new();
/// oss_naming::percent::encode(b"attachment; filename=a.txt", &mut out).unwrap();
/// assert_eq!(out, "attachment%3B%20filename%3Da.txt");
/// ```
pub fn encode(bytes: &[u8], out: &mut impl fmt::Write) -> fmt::Result {
    encode_to_fmt(bytes, false, out)
}

/// Writes an object key encoded for a URL path: like [`encode`], but `/` stays.
///
/// # Errors
/// Whatever `out` returns.
///
/// ```
/// let mut out = String::new();
/// oss_naming::percent::encode_path(b"dir/key+123 x.txt", &mut out).unwrap();
/// assert_eq!(out, "dir/key%2B123%20x.txt");
/// ```
pub fn encode_path(bytes: &[u8], out: &mut impl fmt::Write) -> fmt::Result {
    encode_to_fmt(bytes, true, out)
}

fn encode_to_fmt(bytes: &[u8], keep_slash: bool, out: &mut impl fmt::Write) -> fmt::Result {
    let mut result = Ok(());
    encode_pieces(bytes, keep_slash, |piece| {
        if result.is_ok() {
            // Every piece is ASCII: unreserved characters, `/`, or `%XX`.
            result = core::str::from_utf8(piece)
                .map_err(|_| fmt::Error)
                .and_then(|text| out.write_str(text));
        }
    });
    result
}

/// Decodes percent-encoded bytes leniently, as a server reads a URL it must sign: `%XX`
/// becomes the byte, `+` follows [`Plus`], and a `%` without two hex digits after it
/// stays as it is. Any byte is accepted.
///
/// ```
/// use oss_naming::percent::{self, Plus};
/// let decoded: Vec<u8> = percent::decode(b"a%2Bb+c%zz", Plus::Space).collect();
/// assert_eq!(decoded, b"a+b c%zz");
/// ```
#[must_use]
pub const fn decode(encoded: &[u8], plus: Plus) -> Decode<'_> {
    Decode {
        rest: encoded,
        plus,
    }
}

/// The iterator of [`decode`].
#[derive(Clone, Debug)]
pub struct Decode<'a> {
    rest: &'a [u8],
    plus: Plus,
}

impl<'a> Decode<'a> {
    /// Takes the longest prefix of what is left that decodes to itself (no `%`, and no
    /// `+` when `+` means a space), so a caller can copy it in one piece.
    ///
    /// ```
    /// use oss_naming::percent::{self, Plus};
    /// let mut decode = percent::decode(b"abc%20d", Plus::Literal);
    /// assert_eq!(decode.take_literal_run(), b"abc");
    /// assert_eq!(decode.next(), Some(b' '));
    /// ```
    pub fn take_literal_run(&mut self) -> &'a [u8] {
        let plus_is_special = self.plus == Plus::Space;
        let len = self
            .rest
            .iter()
            .position(|&b| b == b'%' || (plus_is_special && b == b'+'))
            .unwrap_or(self.rest.len());
        let (run, rest) = self.rest.split_at(len);
        self.rest = rest;
        run
    }
}

impl Iterator for Decode<'_> {
    type Item = u8;

    fn next(&mut self) -> Option<u8> {
        let (&first, rest) = self.rest.split_first()?;
        match first {
            b'%' => {
                if let [high, low, tail @ ..] = rest
                    && let (Some(high), Some(low)) = (hex_value(*high), hex_value(*low))
                {
                    self.rest = tail;
                    return Some(high << 4 | low);
                }
                self.rest = rest;
                Some(b'%')
            }
            b'+' if self.plus == Plus::Space => {
                self.rest = rest;
                Some(b' ')
            }
            _ => {
                self.rest = rest;
                Some(first)
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.rest.len().div_ceil(3), Some(self.rest.len()))
    }
}

/// The decoded bytes of a percent-encoded string, with an error on a broken escape or on a
/// byte that should have been encoded (controls, space, non-ASCII).
#[derive(Clone, Debug)]
pub(crate) struct PercentBytes<'a> {
    rest: &'a [u8],
    plus: Plus,
}

impl<'a> PercentBytes<'a> {
    pub(crate) const fn new(raw: &'a [u8], plus: Plus) -> Self {
        Self { rest: raw, plus }
    }
}

impl Iterator for PercentBytes<'_> {
    type Item = Result<u8, BadEncoding>;

    fn next(&mut self) -> Option<Self::Item> {
        let (&first, rest) = self.rest.split_first()?;
        self.rest = rest;
        Some(match first {
            b'%' => match self.rest {
                [high, low, rest @ ..] => match (hex_value(*high), hex_value(*low)) {
                    (Some(high), Some(low)) => {
                        self.rest = rest;
                        Ok(high << 4 | low)
                    }
                    _ => Err(BadEncoding),
                },
                _ => Err(BadEncoding),
            },
            b'+' if self.plus == Plus::Space => Ok(b' '),
            byte if byte_class::is(byte, VISIBLE) => Ok(byte),
            _ => Err(BadEncoding),
        })
    }
}

/// Reads one UTF-8 character from a stream of decoded bytes.
pub(crate) fn next_char<I>(bytes: &mut I) -> Option<Result<char, BadEncoding>>
where
    I: Iterator<Item = Result<u8, BadEncoding>>,
{
    let lead = match bytes.next()? {
        Ok(byte) => byte,
        Err(err) => return Some(Err(err)),
    };
    let width = match lead {
        0x00..=0x7f => return Some(Ok(char::from(lead))),
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return Some(Err(BadEncoding)),
    };
    let mut buf = [lead, 0, 0, 0];
    for slot in &mut buf[1..width] {
        match bytes.next() {
            Some(Ok(byte)) => *slot = byte,
            Some(Err(err)) => return Some(Err(err)),
            None => return Some(Err(BadEncoding)),
        }
    }
    // `from_utf8` rejects overlong forms, surrogates and bad continuation bytes.
    Some(match core::str::from_utf8(&buf[..width]) {
        Ok(text) => text.chars().next().ok_or(BadEncoding),
        Err(_) => Err(BadEncoding),
    })
}

/// The characters of a percent-encoded string, or the first encoding error.
#[derive(Clone, Debug)]
pub(crate) struct CheckedChars<'a> {
    bytes: PercentBytes<'a>,
}

impl<'a> CheckedChars<'a> {
    pub(crate) const fn new(raw: &'a [u8], plus: Plus) -> Self {
        Self {
            bytes: PercentBytes::new(raw, plus),
        }
    }
}

impl Iterator for CheckedChars<'_> {
    type Item = Result<char, BadEncoding>;

    fn next(&mut self) -> Option<Self::Item> {
        next_char(&mut self.bytes)
    }
}

/// Text that was checked to be well-formed percent-encoded UTF-8 and is kept encoded,
/// borrowed from the input; it is decoded only when read.
///
/// Equality compares the decoded text, so `a%20b` equals `a+b` in a query component.
///
/// ```
/// let tagging = oss_naming::parse_tagging("project=a%2Fb&team=sre+ops")?;
/// let tag = tagging.get("team").expect("present");
/// assert_eq!(tag.raw(), "sre+ops");
/// assert!(tag.decoded_eq("sre ops"));
/// assert_eq!(tag.to_string(), "sre ops");
/// let mut buf = [0u8; 16];
/// assert_eq!(tagging.get("project").and_then(|v| v.decode_into(&mut buf)), Some("a/b"));
/// # Ok::<(), oss_errors::Error>(())
/// ```
#[derive(Clone, Copy)]
pub struct Encoded<'a> {
    raw: &'a str,
    plus: Plus,
}

impl<'a> Encoded<'a> {
    /// Wraps `raw`, which the caller has already checked with [`CheckedChars`].
    pub(crate) const fn new_checked(raw: &'a str, plus: Plus) -> Self {
        Self { raw, plus }
    }

    /// The text exactly as it appeared in the input, still percent-encoded.
    ///
    /// ```
    /// let tagging = oss_naming::parse_tagging("k=%E4%B8%AD")?;
    /// assert_eq!(tagging.get("k").map(|v| v.raw()), Some("%E4%B8%AD"));
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    #[must_use]
    pub const fn raw(&self) -> &'a str {
        self.raw
    }

    /// The decoded bytes, computed as they are read.
    ///
    /// ```
    /// let tagging = oss_naming::parse_tagging("k=a%3Db")?;
    /// let bytes: Vec<u8> = tagging.get("k").expect("present").bytes().collect();
    /// assert_eq!(bytes, b"a=b");
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    pub fn bytes(&self) -> impl Iterator<Item = u8> + 'a {
        // The text was checked when `self` was built, so no item is an error; `flatten`
        // skips errors, which therefore never happens.
        PercentBytes::new(self.raw.as_bytes(), self.plus).flatten()
    }

    /// The decoded characters, computed as they are read.
    ///
    /// ```
    /// let tagging = oss_naming::parse_tagging("k=%E4%B8%AD%E6%96%87")?;
    /// assert_eq!(tagging.get("k").expect("present").chars().count(), 2);
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    pub fn chars(&self) -> impl Iterator<Item = char> + 'a {
        // Checked at construction: every item is `Ok`.
        CheckedChars::new(self.raw.as_bytes(), self.plus).flatten()
    }

    /// The length of the decoded text in bytes.
    ///
    /// ```
    /// let tagging = oss_naming::parse_tagging("k=%E4%B8%AD")?;
    /// assert_eq!(tagging.get("k").expect("present").decoded_len(), 3);
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    #[must_use]
    pub fn decoded_len(&self) -> usize {
        self.bytes().count()
    }

    /// Whether the decoded text equals `text`.
    ///
    /// ```
    /// let tagging = oss_naming::parse_tagging("k=a%20b")?;
    /// assert!(tagging.get("k").expect("present").decoded_eq("a b"));
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    #[must_use]
    pub fn decoded_eq(&self, text: &str) -> bool {
        self.bytes().eq(text.bytes())
    }

    /// Decodes into `buf` and returns the text, or `None` when `buf` is too small.
    ///
    /// ```
    /// let tagging = oss_naming::parse_tagging("k=a%2Fb")?;
    /// let value = tagging.get("k").expect("present");
    /// assert_eq!(value.decode_into(&mut [0u8; 8]), Some("a/b"));
    /// assert_eq!(value.decode_into(&mut [0u8; 2]), None);
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    #[must_use]
    pub fn decode_into<'b>(&self, buf: &'b mut [u8]) -> Option<&'b str> {
        let mut len = 0;
        for byte in self.bytes() {
            *buf.get_mut(len)? = byte;
            len += 1;
        }
        core::str::from_utf8(buf.get(..len)?).ok()
    }
}

impl Encoded<'_> {
    /// Whether the raw text is its own decoding (no escapes, no `+` read as a space).
    fn is_literal(&self) -> bool {
        !self
            .raw
            .bytes()
            .any(|b| b == b'%' || (b == b'+' && self.plus == Plus::Space))
    }
}

impl PartialEq for Encoded<'_> {
    fn eq(&self, other: &Self) -> bool {
        if self.is_literal() && other.is_literal() {
            return self.raw == other.raw;
        }
        self.bytes().eq(other.bytes())
    }
}

impl Eq for Encoded<'_> {}

impl fmt::Debug for Encoded<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.raw, f)
    }
}

/// Prints the decoded text.
impl fmt::Display for Encoded<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.chars().try_for_each(|c| fmt::Write::write_char(f, c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::string::String;
    use std::vec::Vec;

    #[test]
    fn encode_every_byte_then_decode_back() {
        let all: Vec<u8> = (0..=255u8).collect();
        let mut encoded = String::new();
        encode(&all, &mut encoded).unwrap();
        assert!(encoded.bytes().all(|b| is_unreserved(b) || b == b'%'));
        let decoded: Vec<u8> = decode(encoded.as_bytes(), Plus::Space).collect();
        assert_eq!(decoded, all);
        let one_at_a_time: Vec<u8> = encode_bytes(all.iter().copied(), false).collect();
        assert_eq!(one_at_a_time, encoded.as_bytes());
        let mut path = String::new();
        encode_path(b"a/b c", &mut path).unwrap();
        assert_eq!(path, "a/b%20c");
    }

    #[test]
    fn lenient_decoding_keeps_broken_escapes() {
        let decoded: Vec<u8> = decode(b"%4", Plus::Literal).collect();
        assert_eq!(decoded, b"%4");
        let decoded: Vec<u8> = decode(b"a+%", Plus::Literal).collect();
        assert_eq!(decoded, b"a+%");
    }

    fn decode_checked(raw: &str, plus: Plus) -> Result<String, BadEncoding> {
        CheckedChars::new(raw.as_bytes(), plus).collect()
    }

    #[test]
    fn decodes_escapes_and_plus() {
        assert_eq!(decode_checked("a%20b+c", Plus::Space), Ok("a b c".into()));
        assert_eq!(decode_checked("a%20b+c", Plus::Literal), Ok("a b+c".into()));
        assert_eq!(decode_checked("%e4%B8%ad", Plus::Space), Ok("中".into()));
        assert_eq!(decode_checked("", Plus::Space), Ok(String::new()));
    }

    #[test]
    fn rejects_broken_escapes_and_raw_bytes() {
        for bad in [
            "%",
            "%2",
            "%zz",
            "a%g0",
            "a b",
            "中",
            "\t",
            "%FF",
            "%C3",
            "%C0%80",
            "%ED%A0%80",
        ] {
            assert_eq!(
                decode_checked(bad, Plus::Space),
                Err(BadEncoding),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn equality_compares_decoded_text() {
        let plain = Encoded::new_checked("a%20b", Plus::Literal);
        assert_eq!(
            Encoded::new_checked("a+b", Plus::Space),
            Encoded::new_checked("a%20b", Plus::Literal)
        );
        assert_eq!(Encoded::new_checked("a%20b", Plus::Space), plain);
        assert_ne!(Encoded::new_checked("a+b", Plus::Literal), plain);
        assert_ne!(
            Encoded::new_checked("ab", Plus::Literal),
            Encoded::new_checked("ac", Plus::Space)
        );
    }

    #[test]
    fn debug_shows_raw_and_display_decoded() {
        let text = Encoded::new_checked("a%2Fb", Plus::Literal);
        assert_eq!(std::format!("{text:?}"), "\"a%2Fb\"");
        assert_eq!(std::format!("{text}"), "a/b");
        let bytes: Vec<u8> = text.bytes().collect();
        assert_eq!(bytes, b"a/b");
    }
}
