//! Strings: checked once, then decoded lazily ([`JsonStr::bytes`]) or over their own
//! bytes ([`Grammar::unescape_in_place`]).

use super::scan::skip_ws;
use super::{ErrorKind, Grammar, SyntaxError};

/// The length of the leading run of bytes that need no attention inside a string: not a
/// quote, not a backslash, not a control character.
fn plain_run(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .unwrap_or(bytes.len())
}

/// Checks that a run of string bytes starting at offset `at` is UTF-8. A run ends at an
/// ASCII byte, so a valid string splits into valid runs.
fn check_utf8(run: &[u8], at: usize) -> Result<(), SyntaxError> {
    if run.is_ascii() {
        return Ok(());
    }
    core::str::from_utf8(run)
        .map(|_| ())
        .map_err(|err| SyntaxError::new(ErrorKind::InvalidString, at + err.valid_up_to()))
}

fn hex4(text: &[u8]) -> Option<u32> {
    text.get(..4)?
        .iter()
        .try_fold(0u32, |acc, &b| Some(acc << 4 | char::from(b).to_digit(16)?))
}

/// The character of the `\u` escape whose hex digits start `text` (a surrogate pair
/// joined) and how many bytes it used after the `\u`.
fn unicode(text: &[u8]) -> Option<(char, usize)> {
    let high = hex4(text)?;
    if !(0xD800..0xDC00).contains(&high) {
        return char::from_u32(high).map(|c| (c, 4));
    }
    let low = text
        .get(4..6)
        .filter(|esc| *esc == b"\\u")
        .and_then(|_| hex4(&text[6..]))?;
    if !(0xDC00..0xE000).contains(&low) {
        return None;
    }
    char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)).map(|c| (c, 10))
}

impl Grammar {
    /// Decodes the escape at `text[at] == b'\\'`: the character and the bytes it used.
    fn escape(self, text: &[u8], at: usize) -> Result<(char, usize), SyntaxError> {
        let c = match text.get(at + 1) {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'$') if self.dollar_escape => '$',
            Some(b'u') => {
                return unicode(&text[at + 2..])
                    .map(|(c, len)| (c, 2 + len))
                    .ok_or(SyntaxError::new(ErrorKind::InvalidEscape, at));
            }
            _ => return Err(SyntaxError::new(ErrorKind::InvalidEscape, at)),
        };
        Ok((c, 2))
    }

    /// Checks the string after whitespace at `*pos`, moves past it, and returns its
    /// contents (escapes not yet decoded).
    ///
    /// ```
    /// use oss_text::json::Grammar;
    /// let mut pos = 0;
    /// let s = Grammar::RFC_8259.string(br#" "a\nb":1"#, &mut pos)?;
    /// assert_eq!((s.raw(), pos), (&br"a\nb"[..], 7));
    /// # Ok::<(), oss_text::json::SyntaxError>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::UnexpectedByte`] when no string starts there; [`ErrorKind::InvalidString`]
    /// for a control character, bytes that are not UTF-8 or no closing quote;
    /// [`ErrorKind::InvalidEscape`].
    pub fn string<'t>(self, text: &'t [u8], pos: &mut usize) -> Result<JsonStr<'t>, SyntaxError> {
        *pos = skip_ws(text, *pos);
        if text.get(*pos) != Some(&b'"') {
            return Err(SyntaxError::new(ErrorKind::UnexpectedByte, *pos));
        }
        let start = *pos + 1;
        let mut at = start;
        loop {
            let run = plain_run(&text[at..]);
            check_utf8(&text[at..at + run], at)?;
            at += run;
            match text.get(at) {
                Some(b'"') => break,
                Some(b'\\') => at += self.escape(text, at)?.1,
                _ => return Err(SyntaxError::new(ErrorKind::InvalidString, at)),
            }
        }
        *pos = at + 1;
        Ok(JsonStr::checked(&text[start..at]))
    }

    /// Checks the string after whitespace at `*pos`, writes its decoded contents to
    /// `buf[dst..]`, and moves `*pos` past it; returns the decoded length. One pass:
    /// each run between escapes is checked, then moved down.
    ///
    /// `dst` must not be past the string's first content byte: the write cursor then
    /// never overtakes the read cursor, as an escape is never shorter than its character.
    /// So a reader can decode every string over its own bytes and borrow the results.
    ///
    /// ```
    /// use oss_text::json::Grammar;
    /// let mut buf = *br#""a\"b\u00e9""#;
    /// let mut pos = 0;
    /// let len = Grammar::RFC_8259.unescape_in_place(&mut buf, &mut pos, 0)?;
    /// assert_eq!(&buf[..len], "a\"b\u{e9}".as_bytes());
    /// # Ok::<(), oss_text::json::SyntaxError>(())
    /// ```
    ///
    /// # Errors
    /// As [`Grammar::string`]; then the string's bytes may be partly rewritten.
    ///
    /// # Panics
    /// When `dst` is past the string's first content byte.
    pub fn unescape_in_place(
        self,
        buf: &mut [u8],
        pos: &mut usize,
        dst: usize,
    ) -> Result<usize, SyntaxError> {
        let quote = skip_ws(buf, *pos);
        if buf.get(quote) != Some(&b'"') {
            return Err(SyntaxError::new(ErrorKind::UnexpectedByte, quote));
        }
        let mut src = quote + 1;
        assert!(
            src >= dst,
            "unescape_in_place: the write cursor is past the read cursor"
        );
        let mut out = dst;
        loop {
            let run = plain_run(&buf[src..]);
            check_utf8(&buf[src..src + run], src)?;
            if out != src {
                buf.copy_within(src..src + run, out);
            }
            src += run;
            out += run;
            match buf.get(src) {
                Some(b'"') => {
                    *pos = src + 1;
                    return Ok(out - dst);
                }
                Some(b'\\') => {
                    let (c, used) = self.escape(buf, src)?;
                    out += c.encode_utf8(&mut buf[out..]).len();
                    src += used;
                }
                _ => return Err(SyntaxError::new(ErrorKind::InvalidString, src)),
            }
        }
    }
}

/// A string's contents between the quotes, checked, escapes not yet decoded.
///
/// ```
/// use oss_text::json::{Grammar, Value};
/// let Value::String(s) = Grammar::RFC_8259.parse(br#""a\/b""#)? else { panic!() };
/// assert_eq!(s.raw(), br"a\/b");
/// assert!(s.eq_bytes(b"a/b"));
/// # Ok::<(), oss_text::json::SyntaxError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct JsonStr<'a> {
    raw: &'a [u8],
}

impl<'a> JsonStr<'a> {
    /// Wraps contents [`Grammar::string`] has checked.
    pub(super) const fn checked(raw: &'a [u8]) -> Self {
        Self { raw }
    }

    /// The contents as written, escapes included.
    ///
    /// ```
    /// # use oss_text::json::{Grammar, Value};
    /// let Value::String(s) = Grammar::RFC_8259.parse(br#""\u0041""#)? else { panic!() };
    /// assert_eq!(s.raw(), br"\u0041");
    /// # Ok::<(), oss_text::json::SyntaxError>(())
    /// ```
    #[must_use]
    pub const fn raw(self) -> &'a [u8] {
        self.raw
    }

    /// The decoded bytes (UTF-8), one at a time.
    ///
    /// ```
    /// # use oss_text::json::{Grammar, Value};
    /// let Value::String(s) = Grammar::RFC_8259.parse(br#""\u00e9!""#)? else { panic!() };
    /// assert_eq!(s.bytes().collect::<Vec<u8>>(), "\u{e9}!".as_bytes());
    /// # Ok::<(), oss_text::json::SyntaxError>(())
    /// ```
    #[must_use]
    pub fn bytes(self) -> Bytes<'a> {
        Bytes {
            raw: self.raw,
            pending: [0; 4],
            pending_len: 0,
            pending_at: 0,
        }
    }

    /// Whether the decoded string equals `other`.
    ///
    /// ```
    /// # use oss_text::json::{Grammar, Value};
    /// let Value::String(s) = Grammar::RFC_8259.parse(br#""a\tb""#)? else { panic!() };
    /// assert!(s.eq_bytes(b"a\tb"));
    /// # Ok::<(), oss_text::json::SyntaxError>(())
    /// ```
    #[must_use]
    pub fn eq_bytes(self, other: &[u8]) -> bool {
        self.bytes().eq(other.iter().copied())
    }

    /// Whether the decoded string equals `other`, ignoring ASCII case.
    ///
    /// ```
    /// # use oss_text::json::{Grammar, Value};
    /// let Value::String(s) = Grammar::RFC_8259.parse(br#""Eq""#)? else { panic!() };
    /// assert!(s.eq_ignore_ascii_case(b"eq"));
    /// # Ok::<(), oss_text::json::SyntaxError>(())
    /// ```
    #[must_use]
    pub fn eq_ignore_ascii_case(self, other: &[u8]) -> bool {
        self.bytes()
            .map(|b| b.to_ascii_lowercase())
            .eq(other.iter().map(u8::to_ascii_lowercase))
    }

    /// Whether `other` starts with the decoded string.
    ///
    /// ```
    /// # use oss_text::json::{Grammar, Value};
    /// let Value::String(s) = Grammar::RFC_8259.parse(br#""user\/""#)? else { panic!() };
    /// assert!(s.is_prefix_of(b"user/a.txt"));
    /// # Ok::<(), oss_text::json::SyntaxError>(())
    /// ```
    #[must_use]
    pub fn is_prefix_of(self, other: &[u8]) -> bool {
        let mut rest = other.iter();
        self.bytes().all(|b| rest.next() == Some(&b))
    }

    /// The string without its first byte, when that byte is written unescaped.
    ///
    /// ```
    /// # use oss_text::json::{Grammar, Value};
    /// let Value::String(s) = Grammar::RFC_8259.parse(br#""$key""#)? else { panic!() };
    /// assert_eq!(s.strip_prefix(b'$').map(|s| s.raw()), Some(&b"key"[..]));
    /// # Ok::<(), oss_text::json::SyntaxError>(())
    /// ```
    #[must_use]
    pub fn strip_prefix(self, byte: u8) -> Option<Self> {
        self.raw.strip_prefix(&[byte]).map(|raw| Self { raw })
    }
}

/// The decoded bytes of a [`JsonStr`], from [`JsonStr::bytes`].
///
/// ```
/// # use oss_text::json::{Grammar, Value};
/// let Value::String(s) = Grammar::RFC_8259.parse(br#""\ud83d\ude00""#)? else { panic!() };
/// assert_eq!(s.bytes().count(), 4);
/// # Ok::<(), oss_text::json::SyntaxError>(())
/// ```
#[derive(Clone, Debug)]
pub struct Bytes<'a> {
    raw: &'a [u8],
    pending: [u8; 4],
    pending_len: usize,
    pending_at: usize,
}

impl Iterator for Bytes<'_> {
    type Item = u8;

    fn next(&mut self) -> Option<u8> {
        if self.pending_at < self.pending_len {
            self.pending_at += 1;
            return Some(self.pending[self.pending_at - 1]);
        }
        let (&first, rest) = self.raw.split_first()?;
        if first != b'\\' {
            self.raw = rest;
            return Some(first);
        }
        // Checked already: a known escape, and `\u` with 4 hex digits (pairs joined).
        let (&kind, rest) = rest.split_first()?;
        self.raw = rest;
        Some(match kind {
            b'b' => 0x08,
            b'f' => 0x0c,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'u' => {
                let (c, used) = unicode(self.raw)?;
                self.raw = &self.raw[used..];
                self.pending_len = c.encode_utf8(&mut self.pending).len();
                self.pending_at = 1;
                self.pending[0]
            }
            other => other, // `"`, `\`, `/`, and `$` where the grammar allows it
        })
    }
}
