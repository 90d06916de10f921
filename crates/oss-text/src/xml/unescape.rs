//! Character data back to text: references resolved, CDATA sections opened.
//!
//! Unescaping never fails on its own: a reference that is not well-formed is kept as
//! written. The strict [`Tokenizer`](super::Tokenizer) refuses such text before it gets
//! here; a lenient reader passes it through, as a debugging tool should.

use core::fmt::{self, Write};

use super::reference::decode_reference;

const CDATA_OPEN: &str = "<![CDATA[";
const CDATA_CLOSE: &str = "]]>";

/// One piece of unescaped text: borrowed from the input, or one referenced character.
///
/// ```
/// use oss_text::xml::{Piece, Unescape};
/// let pieces: Vec<Piece<'_>> = Unescape::new("a&amp;b").collect();
/// assert_eq!(pieces, [Piece::Text("a"), Piece::Char('&'), Piece::Text("b")]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text as it stands in the input.
    Text(&'a str),
    /// The character a reference stands for.
    Char(char),
}

/// The pieces of the text that raw character data stands for (lazy: nothing is copied).
///
/// ```
/// use oss_text::xml::{Piece, Unescape};
/// let chars: String = Unescape::new("&#x31;<![CDATA[&lt;]]>").map(|piece| match piece {
///     Piece::Text(text) => text.to_owned(),
///     Piece::Char(c) => c.to_string(),
/// }).collect();
/// assert_eq!(chars, "1&lt;");
/// ```
#[derive(Clone, Debug)]
pub struct Unescape<'a> {
    rest: &'a str,
}

impl<'a> Unescape<'a> {
    /// Starts reading `raw` (text, references and CDATA sections, as in element content).
    #[must_use]
    pub const fn new(raw: &'a str) -> Self {
        Self { rest: raw }
    }
}

impl<'a> Iterator for Unescape<'a> {
    type Item = Piece<'a>;

    fn next(&mut self) -> Option<Piece<'a>> {
        if self.rest.is_empty() {
            return None;
        }
        if let Some(after) = self.rest.strip_prefix(CDATA_OPEN) {
            let (inside, rest) = after.split_once(CDATA_CLOSE).unwrap_or((after, ""));
            self.rest = rest;
            return Some(Piece::Text(inside));
        }
        if self.rest.starts_with('&') {
            if let Some((c, len)) = decode_reference(self.rest) {
                self.rest = &self.rest[len..];
                return Some(Piece::Char(c));
            }
            let (amp, rest) = self.rest.split_at(1);
            self.rest = rest;
            return Some(Piece::Text(amp));
        }
        // The first byte is `<` (not a CDATA section) or plain text: either way one run
        // up to the next `&` or `<`.
        let plain = memchr::memchr2(b'&', b'<', &self.rest.as_bytes()[1..])
            .map_or(self.rest.len(), |at| at + 1);
        let (text, rest) = self.rest.split_at(plain);
        self.rest = rest;
        Some(Piece::Text(text))
    }
}

/// Whether `raw` holds anything to unescape (a reference or a CDATA section).
///
/// ```
/// assert!(!oss_text::xml::needs_unescape("plain"));
/// assert!(oss_text::xml::needs_unescape("a&amp;b"));
/// ```
#[must_use]
pub fn needs_unescape(raw: &str) -> bool {
    memchr::memchr2(b'&', b'<', raw.as_bytes()).is_some()
}

/// Writes the text `raw` stands for.
///
/// ```
/// let mut out = String::new();
/// oss_text::xml::unescape("a &lt; b &amp;&#x20;&#99;", &mut out).unwrap();
/// assert_eq!(out, "a < b & c");
/// ```
///
/// # Errors
/// Only the errors of `out`.
pub fn unescape<W: Write + ?Sized>(raw: &str, out: &mut W) -> fmt::Result {
    for piece in Unescape::new(raw) {
        match piece {
            Piece::Text(text) => out.write_str(text)?,
            Piece::Char(c) => out.write_char(c)?,
        }
    }
    Ok(())
}

/// Whether the text `raw` stands for equals `text`, compared without copying.
///
/// ```
/// assert!(oss_text::xml::unescaped_eq("a&amp;b", "a&b"));
/// assert!(!oss_text::xml::unescaped_eq("a&amp;b", "a&"));
/// ```
#[must_use]
pub fn unescaped_eq(raw: &str, text: &str) -> bool {
    let mut rest = text;
    let mut utf8 = [0u8; 4];
    Unescape::new(raw).all(|piece| {
        let piece = match piece {
            Piece::Text(piece) => piece,
            Piece::Char(c) => c.encode_utf8(&mut utf8),
        };
        rest.strip_prefix(piece).map(|after| rest = after).is_some()
    }) && rest.is_empty()
}

/// The caller's buffer is too small for the unescaped text.
///
/// ```
/// let mut buf = [0u8; 2];
/// assert!(oss_text::xml::unescape_into("abc", &mut buf).is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct BufferTooSmall;

impl fmt::Display for BufferTooSmall {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the buffer is too small for the unescaped text")
    }
}

impl core::error::Error for BufferTooSmall {}

/// A `fmt::Write` into a byte slice.
struct SliceWriter<'b> {
    buf: &'b mut [u8],
    len: usize,
}

impl Write for SliceWriter<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len.checked_add(s.len()).ok_or(fmt::Error)?;
        self.buf
            .get_mut(self.len..end)
            .ok_or(fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// Unescapes `raw` into `buf` and returns the text. The unescaped text is never longer
/// than `raw`, so a buffer of `raw.len()` bytes always suffices.
///
/// ```
/// let mut buf = [0u8; 64];
/// let text = oss_text::xml::unescape_into("&quot;x&quot;", &mut buf).unwrap();
/// assert_eq!(text, "\"x\"");
/// ```
///
/// # Errors
/// [`BufferTooSmall`] when `buf` cannot hold the text.
pub fn unescape_into<'b>(raw: &str, buf: &'b mut [u8]) -> Result<&'b str, BufferTooSmall> {
    let mut writer = SliceWriter { buf, len: 0 };
    unescape(raw, &mut writer).map_err(|_| BufferTooSmall)?;
    let SliceWriter { buf, len } = writer;
    // Only whole `&str`s were copied in, so the bytes are UTF-8.
    core::str::from_utf8(&buf[..len]).map_err(|_| BufferTooSmall)
}

/// The text `raw` stands for: `raw` itself when it has nothing to unescape, otherwise
/// unescaped into `buf`.
///
/// ```
/// let mut buf = [0u8; 8];
/// assert_eq!(oss_text::xml::unescape_in("plain text", &mut buf), Ok("plain text"));
/// assert_eq!(oss_text::xml::unescape_in("&#49;", &mut buf), Ok("1"));
/// ```
///
/// # Errors
/// [`BufferTooSmall`] when the text needs unescaping and does not fit into `buf`.
pub fn unescape_in<'b>(raw: &'b str, buf: &'b mut [u8]) -> Result<&'b str, BufferTooSmall> {
    if needs_unescape(raw) {
        unescape_into(raw, buf)
    } else {
        Ok(raw)
    }
}

#[cfg(test)]
mod tests {
    use std::prelude::rust_2024::*;

    use super::*;
    use proptest::prelude::*;

    fn unescaped(raw: &str) -> String {
        let mut out = String::new();
        unescape(raw, &mut out).unwrap();
        out
    }

    #[test]
    fn references_and_cdata() {
        assert_eq!(unescaped("&lt;&gt;&amp;&quot;&apos;"), "<>&\"'");
        assert_eq!(unescaped("&#65;&#x42;&#32;"), "AB ");
        assert_eq!(unescaped("\u{e9}&amp;\u{4e2d}<x"), "\u{e9}&\u{4e2d}<x");
        assert_eq!(unescaped("a<![CDATA[<&amp;>]]>b"), "a<&amp;>b");
        assert_eq!(unescaped("<![CDATA[open"), "open");
    }

    #[test]
    fn malformed_references_are_kept() {
        for raw in [
            "&", "a & b", "&nbsp;", "&#xZZ;", "&#;", "&#0;", "&#X43;", "&amp",
        ] {
            assert_eq!(unescaped(raw), raw, "{raw}");
        }
    }

    #[test]
    fn into_a_buffer() {
        let mut buf = [0u8; 8];
        assert_eq!(unescape_into("&#x4e2d;x", &mut buf), Ok("\u{4e2d}x"));
        assert_eq!(unescape_into("123456789", &mut buf), Err(BufferTooSmall));
        assert_eq!(
            unescape_in("&lt;&lt;&lt;", &mut [0u8; 2]),
            Err(BufferTooSmall)
        );
    }

    /// A naive model: escape every character as a reference of some spelling.
    fn escaped(text: &str, spelling: u8) -> String {
        text.chars()
            .map(|c| match (spelling % 3, c) {
                (0, '<') => "&lt;".to_owned(),
                (0, '&') => "&amp;".to_owned(),
                (0, '"') => "&quot;".to_owned(),
                (1, _) => format!("&#{};", u32::from(c)),
                (2, _) => format!("&#x{:x};", u32::from(c)),
                _ => c.to_string(),
            })
            .collect()
    }

    proptest! {
        #[test]
        fn escaping_round_trips(text in "[^\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\u{fffe}\u{ffff}]*", spelling in 0u8..3) {
            let raw = escaped(&text, spelling);
            prop_assert_eq!(unescaped(&raw), text.clone());
            prop_assert!(unescaped_eq(&raw, &text));
            let mut buf = vec![0u8; raw.len()];
            prop_assert_eq!(unescape_into(&raw, &mut buf), Ok(text.as_str()));
        }

        #[test]
        fn never_longer_never_panics(raw in "\\PC*") {
            prop_assert!(unescaped(&raw).len() <= raw.len());
        }
    }
}
