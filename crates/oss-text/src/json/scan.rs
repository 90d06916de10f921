//! The cursor: whitespace, single bytes, and whole values checked without recursion.

use super::{ErrorKind, Grammar, MAX_DEPTH, SyntaxError};

/// The type of the value that starts at a cursor, from [`peek`].
///
/// ```
/// use oss_text::json::{Kind, peek};
/// let mut pos = 0;
/// assert_eq!(peek(b"  true", &mut pos), Some(Kind::Bool(true)));
/// assert_eq!(pos, 2);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Kind {
    /// `"...`
    String,
    /// `-` or a digit.
    Number,
    /// `{`
    Object,
    /// `[`
    Array,
    /// `true` or `false`.
    Bool(bool),
    /// `null`
    Null,
}

/// The offset of the first byte at or after `pos` that is not JSON whitespace.
///
/// ```
/// assert_eq!(oss_text::json::skip_ws(b" \t\r\n1", 0), 4);
/// ```
#[must_use]
pub fn skip_ws(text: &[u8], mut pos: usize) -> usize {
    while let Some(b' ' | b'\t' | b'\n' | b'\r') = text.get(pos) {
        pos += 1;
    }
    pos
}

/// Consumes `byte` after whitespace at `*pos`.
///
/// ```
/// let mut pos = 0;
/// oss_text::json::expect(b" :1", &mut pos, b':')?;
/// assert_eq!(pos, 2);
/// # Ok::<(), oss_text::json::SyntaxError>(())
/// ```
///
/// # Errors
/// [`ErrorKind::UnexpectedByte`] when the next byte is another (or there is none).
pub fn expect(text: &[u8], pos: &mut usize, byte: u8) -> Result<(), SyntaxError> {
    *pos = skip_ws(text, *pos);
    if text.get(*pos) == Some(&byte) {
        *pos += 1;
        Ok(())
    } else {
        Err(SyntaxError::new(ErrorKind::UnexpectedByte, *pos))
    }
}

/// Checks that only whitespace follows `pos`: the end of a JSON text.
///
/// ```
/// use oss_text::json::{ErrorKind, expect_end};
/// assert!(expect_end(b"{} \n", 2).is_ok());
/// assert_eq!(expect_end(b"{} x", 2).unwrap_err().kind(), ErrorKind::TrailingContent);
/// ```
///
/// # Errors
/// [`ErrorKind::TrailingContent`] at the first byte that is not whitespace.
pub fn expect_end(text: &[u8], pos: usize) -> Result<(), SyntaxError> {
    let end = skip_ws(text, pos);
    if end == text.len() {
        Ok(())
    } else {
        Err(SyntaxError::new(ErrorKind::TrailingContent, end))
    }
}

/// Moves `*pos` past whitespace and tells which kind of value starts there, if any
/// (`true`, `false` and `null` must be spelled out in full).
///
/// ```
/// use oss_text::json::{Kind, peek};
/// assert_eq!(peek(b"{}", &mut 0), Some(Kind::Object));
/// assert_eq!(peek(b"tru", &mut 0), None);
/// ```
#[must_use]
pub fn peek(text: &[u8], pos: &mut usize) -> Option<Kind> {
    *pos = skip_ws(text, *pos);
    let rest = &text[(*pos).min(text.len())..];
    Some(match rest.first()? {
        b'"' => Kind::String,
        b'{' => Kind::Object,
        b'[' => Kind::Array,
        b'-' | b'0'..=b'9' => Kind::Number,
        b't' if rest.starts_with(b"true") => Kind::Bool(true),
        b'f' if rest.starts_with(b"false") => Kind::Bool(false),
        b'n' if rest.starts_with(b"null") => Kind::Null,
        _ => return None,
    })
}

/// A fixed stack of "is this level an object?" bits.
struct Nesting {
    bits: [u64; MAX_DEPTH.div_ceil(64)],
    /// Levels opened around the value being read, outside this stack.
    outer: usize,
    depth: usize,
}

impl Nesting {
    const fn new(outer: usize) -> Self {
        Self {
            bits: [0; MAX_DEPTH.div_ceil(64)],
            outer,
            depth: 0,
        }
    }

    const fn is_full(&self) -> bool {
        self.outer.saturating_add(self.depth) >= MAX_DEPTH
    }

    /// Pushes a level; the caller has checked [`Nesting::is_full`].
    fn push(&mut self, object: bool) {
        let (word, bit) = (self.depth / 64, self.depth % 64);
        if object {
            self.bits[word] |= 1 << bit;
        } else {
            self.bits[word] &= !(1 << bit);
        }
        self.depth += 1;
    }

    fn pop(&mut self) {
        self.depth -= 1;
    }

    fn top_is_object(&self) -> Option<bool> {
        let top = self.depth.checked_sub(1)?;
        Some(self.bits[top / 64] >> (top % 64) & 1 == 1)
    }
}

fn literal(text: &[u8], pos: &mut usize, word: &[u8]) -> Result<(), SyntaxError> {
    if text[*pos..].starts_with(word) {
        *pos += word.len();
        Ok(())
    } else {
        Err(SyntaxError::new(ErrorKind::UnexpectedByte, *pos))
    }
}

fn skip_digits(text: &[u8], pos: &mut usize) -> usize {
    let start = *pos;
    while let Some(b'0'..=b'9') = text.get(*pos) {
        *pos += 1;
    }
    *pos - start
}

fn skip_number(text: &[u8], pos: &mut usize) -> Result<(), SyntaxError> {
    let invalid = |at| SyntaxError::new(ErrorKind::InvalidNumber, at);
    if text.get(*pos) == Some(&b'-') {
        *pos += 1;
    }
    match text.get(*pos) {
        Some(b'0') => *pos += 1,
        Some(b'1'..=b'9') => {
            skip_digits(text, pos);
        }
        _ => return Err(invalid(*pos)),
    }
    if text.get(*pos) == Some(&b'.') {
        *pos += 1;
        if skip_digits(text, pos) == 0 {
            return Err(invalid(*pos));
        }
    }
    if let Some(b'e' | b'E') = text.get(*pos) {
        *pos += 1;
        if let Some(b'+' | b'-') = text.get(*pos) {
            *pos += 1;
        }
        if skip_digits(text, pos) == 0 {
            return Err(invalid(*pos));
        }
    }
    Ok(())
}

impl Grammar {
    /// Whether `bytes` is exactly one JSON value with optional whitespace around it (a
    /// byte-order mark is not whitespace).
    ///
    /// ```
    /// use oss_text::json::Grammar;
    /// assert!(Grammar::RFC_8259.is_json(b" [1, \"a\", {}] "));
    /// assert!(!Grammar::RFC_8259.is_json(b"\xEF\xBB\xBF{}"));
    /// ```
    #[must_use]
    pub fn is_json(self, bytes: &[u8]) -> bool {
        let mut pos = 0;
        self.skip_value(bytes, &mut pos, 0).is_ok() && expect_end(bytes, pos).is_ok()
    }

    /// Checks the value after whitespace at `*pos` and moves past it. `depth` is how many
    /// arrays and objects are already open around it, so that nesting is limited from
    /// the text's start.
    ///
    /// ```
    /// use oss_text::json::Grammar;
    /// let text = br#"{"a": [1, {"b": null}], "c": 2}"#;
    /// let mut pos = 6;
    /// Grammar::RFC_8259.skip_value(text, &mut pos, 1)?;
    /// assert_eq!(&text[pos..], br#", "c": 2}"#);
    /// # Ok::<(), oss_text::json::SyntaxError>(())
    /// ```
    ///
    /// # Errors
    /// [`SyntaxError`] at the first byte that breaks the grammar.
    pub fn skip_value(self, text: &[u8], pos: &mut usize, depth: usize) -> Result<(), SyntaxError> {
        let unexpected = |at| SyntaxError::new(ErrorKind::UnexpectedByte, at);
        let mut nesting = Nesting::new(depth);
        loop {
            // Here a value must start.
            *pos = skip_ws(text, *pos);
            let opened = match text.get(*pos) {
                Some(b'{') => Some(true),
                Some(b'[') => Some(false),
                Some(b'"') => {
                    self.string(text, pos)?;
                    None
                }
                Some(b't') => literal(text, pos, b"true").map(|()| None)?,
                Some(b'f') => literal(text, pos, b"false").map(|()| None)?,
                Some(b'n') => literal(text, pos, b"null").map(|()| None)?,
                Some(b'-' | b'0'..=b'9') => skip_number(text, pos).map(|()| None)?,
                _ => return Err(unexpected(*pos)),
            };
            if let Some(object) = opened {
                if nesting.is_full() {
                    return Err(SyntaxError::new(ErrorKind::TooDeep, *pos));
                }
                *pos += 1;
                let close = if object { b'}' } else { b']' };
                let next = skip_ws(text, *pos);
                if text.get(next) == Some(&close) {
                    *pos = next + 1;
                } else {
                    nesting.push(object);
                    if object {
                        self.key(text, pos)?;
                    }
                    continue;
                }
            }
            // A value just ended: close containers, or move on to the next element.
            loop {
                let Some(object) = nesting.top_is_object() else {
                    return Ok(());
                };
                *pos = skip_ws(text, *pos);
                match text.get(*pos) {
                    Some(b',') => {
                        *pos += 1;
                        if object {
                            self.key(text, pos)?;
                        }
                        break;
                    }
                    Some(b'}') if object => {
                        *pos += 1;
                        nesting.pop();
                    }
                    Some(b']') if !object => {
                        *pos += 1;
                        nesting.pop();
                    }
                    _ if object => return Err(unexpected(*pos)),
                    _ => return Err(SyntaxError::new(ErrorKind::ExpectedCommaOrBracket, *pos)),
                }
            }
        }
    }

    /// `"key" :` inside an object.
    fn key(self, text: &[u8], pos: &mut usize) -> Result<(), SyntaxError> {
        *pos = skip_ws(text, *pos);
        if text.get(*pos) != Some(&b'"') {
            return Err(SyntaxError::new(ErrorKind::UnexpectedByte, *pos));
        }
        self.string(text, pos)?;
        expect(text, pos, b':')
    }
}
