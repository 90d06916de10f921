//! Reading XML character data back: entity and character references, and CDATA sections.
//!
//! Unescaping is lenient, as a debugging tool should be: a reference that is unknown or
//! malformed (`&nbsp;`, `&#xZZ;`, a lone `&`) is kept as written.

use core::fmt::{self, Write};

/// The replacement text of the reference that starts `text` (which begins with `&`), and
/// the length of that reference.
fn reference(text: &str) -> Option<(char, usize)> {
    let end = text.as_bytes().iter().take(12).position(|&b| b == b';')?;
    let name = &text[1..end];
    let c = match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let number = name.strip_prefix('#')?;
            let value = match number.strip_prefix(['x', 'X']) {
                Some(hex) if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
                    u32::from_str_radix(hex, 16).ok()?
                }
                None if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) => {
                    number.parse::<u32>().ok()?
                }
                _ => return None,
            };
            char::from_u32(value)?
        }
    };
    Some((c, end + 1))
}

const CDATA_OPEN: &str = "<![CDATA[";
const CDATA_CLOSE: &str = "]]>";

/// One piece of unescaped text: borrowed from the input, or a single character.
enum Piece<'a> {
    Text(&'a str),
    Char(char),
}

/// Splits raw character data into the pieces of its unescaped text.
struct Pieces<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Pieces<'a> {
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
            if let Some((c, len)) = reference(self.rest) {
                self.rest = &self.rest[len..];
                return Some(Piece::Char(c));
            }
            let (amp, rest) = self.rest.split_at(1);
            self.rest = rest;
            return Some(Piece::Text(amp));
        }
        let first = self.rest.chars().next().map_or(1, char::len_utf8);
        let plain = self.rest[first..]
            .find(['&', '<'])
            .map_or(self.rest.len(), |at| at + first);
        let (text, rest) = self.rest.split_at(plain);
        self.rest = rest;
        Some(Piece::Text(text))
    }
}

/// Writes the text `raw` stands for: references resolved, CDATA sections opened.
///
/// ```
/// let mut out = String::new();
/// oss_errors::xml::unescape("a &lt; b &amp;&#x20;&#99;", &mut out).unwrap();
/// assert_eq!(out, "a < b & c");
/// ```
///
/// # Errors
/// Only the errors of `out`.
pub fn unescape<W: Write + ?Sized>(raw: &str, out: &mut W) -> fmt::Result {
    for piece in (Pieces { rest: raw }) {
        match piece {
            Piece::Text(text) => out.write_str(text)?,
            Piece::Char(c) => out.write_char(c)?,
        }
    }
    Ok(())
}

/// The caller's buffer is too small for the unescaped text.
///
/// ```
/// let mut buf = [0u8; 2];
/// assert!(oss_errors::xml::unescape_into("abc", &mut buf).is_err());
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

/// Unescapes `raw` into `buf` and returns the text, allocating nothing. The unescaped
/// text is never longer than `raw`, so a buffer of `raw.len()` bytes always suffices.
///
/// ```
/// let mut buf = [0u8; 64];
/// let text = oss_errors::xml::unescape_into("&quot;x&quot;", &mut buf).unwrap();
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

/// The text `raw` stands for, borrowed when `raw` has nothing to unescape.
///
/// ```
/// use std::borrow::Cow;
/// assert!(matches!(oss_errors::xml::unescape_to_cow("plain"), Cow::Borrowed("plain")));
/// assert_eq!(oss_errors::xml::unescape_to_cow("a&amp;b"), "a&b");
/// ```
#[cfg(feature = "alloc")]
#[must_use]
pub fn unescape_to_cow(raw: &str) -> alloc::borrow::Cow<'_, str> {
    use alloc::borrow::Cow;
    use alloc::string::String;

    if !raw.contains(['&', '<']) {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    // Writing into a String cannot fail.
    let _ = unescape(raw, &mut out);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use alloc::string::String;

    use super::*;

    fn unescaped(raw: &str) -> String {
        let mut out = String::new();
        unescape(raw, &mut out).unwrap();
        out
    }

    #[test]
    fn references() {
        assert_eq!(unescaped("&lt;&gt;&amp;&quot;&apos;"), "<>&\"'");
        assert_eq!(unescaped("&#65;&#x42;&#X43;&#32;"), "ABC ");
        assert_eq!(unescaped("&#x4e2d;"), "\u{4e2d}");
    }

    #[test]
    fn malformed_references_are_kept() {
        for raw in [
            "&",
            "a & b",
            "&nbsp;",
            "&#xZZ;",
            "&#;",
            "&#xD800;",
            "&#1114112;",
            "&amp",
            "&#-1;",
            "&#x+1;",
        ] {
            assert_eq!(unescaped(raw), raw, "{raw}");
        }
    }

    #[test]
    fn multibyte_text() {
        assert_eq!(unescaped("\u{e9}&amp;\u{4e2d}<x"), "\u{e9}&\u{4e2d}<x");
    }

    #[test]
    fn cdata_is_verbatim() {
        assert_eq!(unescaped("a<![CDATA[<&amp;>]]>b"), "a<&amp;>b");
        assert_eq!(unescaped("<![CDATA[open"), "open");
    }

    #[test]
    fn into_a_buffer() {
        let mut buf = [0u8; 8];
        assert_eq!(unescape_into("&#x4e2d;x", &mut buf), Ok("\u{4e2d}x"));
        assert_eq!(unescape_into("123456789", &mut buf), Err(BufferTooSmall));
    }

    #[cfg(feature = "alloc")]
    #[test]
    fn cow_borrows_when_it_can() {
        use alloc::borrow::Cow;
        assert!(matches!(unescape_to_cow("no refs here"), Cow::Borrowed(_)));
        assert!(matches!(unescape_to_cow("&lt;"), Cow::Owned(ref s) if s == "<"));
    }
}
