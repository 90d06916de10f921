//! A small borrowed JSON reader for POST policy documents.
//!
//! Why not a crate: a policy's `conditions` mixes objects, arrays, strings and integers in
//! one array, so it needs a dynamically typed value. `serde-json-core` (the no-alloc
//! choice) does not support `deserialize_any`, and `serde_json` needs `alloc` to hold
//! such values. This reader validates the document once, then hands out borrowed views:
//! strings stay escaped in the input and are decoded lazily while being compared, so
//! nothing is copied or allocated.

use oss_errors::{Entry, Error};

/// How deep arrays and objects may nest (a policy needs 3 levels).
const MAX_DEPTH: usize = 8;

/// A JSON value borrowed from the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Value<'a> {
    /// A string (escapes still in place).
    String(JsonStr<'a>),
    /// A number, as written.
    Number(&'a [u8]),
    /// An array, with its brackets.
    Array(&'a [u8]),
    /// An object, with its braces.
    Object(&'a [u8]),
    /// `true`, `false` or `null`.
    Literal,
}

impl<'a> Value<'a> {
    /// The elements of an array value (already validated).
    pub(crate) fn elements(self) -> Option<Elements<'a>> {
        match self {
            Value::Array(raw) => Some(Elements {
                reader: Reader::new(&raw[1..raw.len() - 1]),
                first: true,
            }),
            _ => None,
        }
    }

    /// The members of an object value (already validated).
    pub(crate) fn members(self) -> Option<Members<'a>> {
        match self {
            Value::Object(raw) => Some(Members {
                reader: Reader::new(&raw[1..raw.len() - 1]),
                first: true,
            }),
            _ => None,
        }
    }
}

/// A JSON string's contents between the quotes, escapes not yet decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct JsonStr<'a> {
    raw: &'a [u8],
}

impl<'a> JsonStr<'a> {
    /// The contents as written, escapes included.
    pub(crate) const fn raw(self) -> &'a [u8] {
        self.raw
    }

    /// The decoded bytes (UTF-8 for `\u` escapes), one at a time.
    pub(crate) fn bytes(self) -> Unescaped<'a> {
        Unescaped {
            raw: self.raw,
            pending: [0; 4],
            pending_len: 0,
            pending_at: 0,
        }
    }

    /// Whether the decoded string equals `other`.
    pub(crate) fn eq_bytes(self, other: &[u8]) -> bool {
        self.bytes().eq(other.iter().copied())
    }

    /// Whether the decoded string equals `other`, ignoring ASCII case.
    pub(crate) fn eq_ignore_ascii_case(self, other: &[u8]) -> bool {
        self.bytes()
            .map(|b| b.to_ascii_lowercase())
            .eq(other.iter().map(u8::to_ascii_lowercase))
    }

    /// Whether `other` starts with the decoded string.
    pub(crate) fn is_prefix_of(self, other: &[u8]) -> bool {
        let mut rest = other.iter();
        self.bytes().all(|b| rest.next() == Some(&b))
    }

    /// The string without its first decoded byte, when that byte is written unescaped.
    pub(crate) fn strip_prefix(self, byte: u8) -> Option<Self> {
        self.raw.strip_prefix(&[byte]).map(|raw| Self { raw })
    }
}

/// The decoded bytes of a [`JsonStr`].
#[derive(Clone, Debug)]
pub(crate) struct Unescaped<'a> {
    raw: &'a [u8],
    pending: [u8; 4],
    pending_len: usize,
    pending_at: usize,
}

impl Iterator for Unescaped<'_> {
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
        // Validated already: a known escape, and `\u` with 4 hex digits (pairs joined).
        let (&kind, rest) = rest.split_first()?;
        self.raw = rest;
        let decoded = match kind {
            b'b' => 0x08,
            b'f' => 0x0c,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'u' => {
                let (c, used) = decode_unicode(self.raw)?;
                self.raw = &self.raw[used..];
                let encoded = c.encode_utf8(&mut self.pending);
                self.pending_len = encoded.len();
                self.pending_at = 1;
                return Some(self.pending[0]);
            }
            other => other, // `"`, `\`, `/`, and OSS's `\$`
        };
        Some(decoded)
    }
}

/// Decodes the 4 hex digits after `\u` (and a low surrogate after a high one).
fn decode_unicode(raw: &[u8]) -> Option<(char, usize)> {
    let high = hex4(raw)?;
    if (0xD800..0xDC00).contains(&high) {
        let low = raw
            .get(4..6)
            .filter(|esc| *esc == b"\\u")
            .and_then(|_| hex4(&raw[6..]))?;
        if !(0xDC00..0xE000).contains(&low) {
            return None;
        }
        let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
        return char::from_u32(code).map(|c| (c, 10));
    }
    char::from_u32(high).map(|c| (c, 4))
}

fn hex4(raw: &[u8]) -> Option<u32> {
    let digits = raw.get(..4)?;
    digits
        .iter()
        .try_fold(0u32, |acc, &d| Some(acc * 16 + char::from(d).to_digit(16)?))
}

/// The elements of an array.
#[derive(Clone, Debug)]
pub(crate) struct Elements<'a> {
    reader: Reader<'a>,
    first: bool,
}

impl<'a> Iterator for Elements<'a> {
    type Item = Value<'a>;

    fn next(&mut self) -> Option<Value<'a>> {
        self.reader.skip_ws();
        if self.reader.at_end() {
            return None;
        }
        if !core::mem::take(&mut self.first) {
            self.reader.expect(b',').ok()?;
        }
        self.reader.value(0).ok()
    }
}

/// The `(key, value)` members of an object.
#[derive(Clone, Debug)]
pub(crate) struct Members<'a> {
    reader: Reader<'a>,
    first: bool,
}

impl<'a> Iterator for Members<'a> {
    type Item = (JsonStr<'a>, Value<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        self.reader.skip_ws();
        if self.reader.at_end() {
            return None;
        }
        if !core::mem::take(&mut self.first) {
            self.reader.expect(b',').ok()?;
        }
        self.reader.member(0).ok()
    }
}

/// Parses a whole document: one value, then only whitespace.
///
/// # Errors
/// The seeds' InvalidPolicyDocument JSON messages: ", or ] expected" inside arrays,
/// "unknown char e" for anything else that is not JSON.
pub(crate) fn parse(doc: &[u8]) -> Result<Value<'_>, Error> {
    let mut reader = Reader::new(doc);
    let value = reader.value(0)?;
    reader.skip_ws();
    if reader.at_end() {
        Ok(value)
    } else {
        Err(unknown_char())
    }
}

#[derive(Clone, Debug)]
struct Reader<'a> {
    src: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    const fn new(src: &'a [u8]) -> Self {
        Self { src, pos: 0 }
    }

    const fn at_end(&self) -> bool {
        self.pos >= self.src.len()
    }

    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> Result<(), Error> {
        self.skip_ws();
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(unknown_char())
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value<'a>, Error> {
        self.skip_ws();
        let start = self.pos;
        match self.peek() {
            Some(b'"') => self.string().map(Value::String),
            Some(b'[') => {
                self.array(depth)?;
                Ok(Value::Array(&self.src[start..self.pos]))
            }
            Some(b'{') => {
                self.object(depth)?;
                Ok(Value::Object(&self.src[start..self.pos]))
            }
            Some(b'-' | b'0'..=b'9') => self.number().map(Value::Number),
            Some(b't') => self.literal(b"true"),
            Some(b'f') => self.literal(b"false"),
            Some(b'n') => self.literal(b"null"),
            _ => Err(unknown_char()),
        }
    }

    fn literal(&mut self, word: &[u8]) -> Result<Value<'a>, Error> {
        if self.src[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(Value::Literal)
        } else {
            Err(unknown_char())
        }
    }

    fn number(&mut self) -> Result<&'a [u8], Error> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(unknown_char()),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            self.required_digits()?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            self.required_digits()?;
        }
        Ok(&self.src[start..self.pos])
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
    }

    fn required_digits(&mut self) -> Result<(), Error> {
        let start = self.pos;
        self.digits();
        if self.pos == start {
            Err(unknown_char())
        } else {
            Ok(())
        }
    }

    fn string(&mut self) -> Result<JsonStr<'a>, Error> {
        self.pos += 1; // the opening quote
        let start = self.pos;
        loop {
            let found = memchr::memchr3(b'"', b'\\', b'\n', &self.src[self.pos..])
                .ok_or_else(unknown_char)?;
            let chunk = &self.src[self.pos..self.pos + found];
            if chunk.iter().any(|&b| b < 0x20) {
                return Err(unknown_char());
            }
            self.pos += found;
            match self.src[self.pos] {
                b'"' => {
                    let raw = &self.src[start..self.pos];
                    self.pos += 1;
                    if core::str::from_utf8(raw).is_err() {
                        return Err(unknown_char());
                    }
                    return Ok(JsonStr { raw });
                }
                b'\\' => self.escape()?,
                _ => return Err(unknown_char()),
            }
        }
    }

    /// Checks the escape at `pos` (a backslash) and steps over it.
    fn escape(&mut self) -> Result<(), Error> {
        let kind = self
            .src
            .get(self.pos + 1)
            .copied()
            .ok_or_else(unknown_char)?;
        match kind {
            b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' | b'$' => self.pos += 2,
            b'u' => {
                let (_, used) =
                    decode_unicode(&self.src[self.pos + 2..]).ok_or_else(unknown_char)?;
                self.pos += 2 + used;
            }
            _ => return Err(unknown_char()),
        }
        Ok(())
    }

    fn array(&mut self, depth: usize) -> Result<(), Error> {
        if depth >= MAX_DEPTH {
            return Err(invalid());
        }
        self.pos += 1; // `[`
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(());
        }
        loop {
            self.value(depth + 1)?;
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return Err(list_expected()),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<(), Error> {
        if depth >= MAX_DEPTH {
            return Err(invalid());
        }
        self.pos += 1; // `{`
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(());
        }
        loop {
            self.member(depth + 1)?;
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return Err(unknown_char()),
            }
        }
    }

    fn member(&mut self, depth: usize) -> Result<(JsonStr<'a>, Value<'a>), Error> {
        self.skip_ws();
        if self.peek() != Some(b'"') {
            return Err(unknown_char());
        }
        let key = self.string()?;
        self.expect(b':')?;
        let value = self.value(depth)?;
        Ok((key, value))
    }
}

fn unknown_char() -> Error {
    Entry::PolicyJsonUnknownChar.into()
}

fn list_expected() -> Error {
    Entry::PolicyJsonListExpected.into()
}

fn invalid() -> Error {
    Entry::PolicyDocumentInvalid.into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::prelude::rust_2024::*;

    #[test]
    fn parses_a_policy_shaped_document() {
        let doc = br#" {"expiration":"2013-12-01T12:00:00Z","conditions":[["content-length-range", 0, 10485760],{"bucket":"ahaha"}, ["in","$a",["x","y"]]]} "#;
        let members: Vec<_> = parse(doc).unwrap().members().unwrap().collect();
        assert_eq!(members.len(), 2);
        assert!(members[0].0.eq_bytes(b"expiration"));
        let conditions: Vec<_> = members[1].1.elements().unwrap().collect();
        assert_eq!(conditions.len(), 3);
        let range: Vec<_> = conditions[0].elements().unwrap().collect();
        assert_eq!(range[1], Value::Number(b"0"));
        assert_eq!(range[2], Value::Number(b"10485760"));
        let inner: Vec<_> = conditions[2]
            .elements()
            .unwrap()
            .nth(2)
            .unwrap()
            .elements()
            .unwrap()
            .collect();
        assert_eq!(inner.len(), 2);
    }

    #[test]
    fn decodes_escapes_lazily() {
        let Value::String(s) = parse(br#""a\/b\\c\"d\$e\u00e9\ud83d\ude00\n""#).unwrap() else {
            unreachable!()
        };
        let decoded: Vec<u8> = s.bytes().collect();
        assert_eq!(decoded, "a/b\\c\"d$e\u{e9}\u{1F600}\n".as_bytes());
        assert!(s.eq_bytes("a/b\\c\"d$e\u{e9}\u{1F600}\n".as_bytes()));
        assert!(s.is_prefix_of("a/b\\c\"d$e\u{e9}\u{1F600}\nmore".as_bytes()));
        assert!(!s.is_prefix_of(b"a/b"));
    }

    #[test]
    fn reports_the_seed_messages() {
        let code = |doc: &[u8]| parse(doc).unwrap_err().entry();
        assert_eq!(code(b"[1 2]"), Entry::PolicyJsonListExpected);
        assert_eq!(code(b"[1,"), Entry::PolicyJsonUnknownChar);
        assert_eq!(code(b"[1"), Entry::PolicyJsonListExpected);
        assert_eq!(code(b"{expiration: 1}"), Entry::PolicyJsonUnknownChar);
        assert_eq!(code(b"{\"a\" 1}"), Entry::PolicyJsonUnknownChar);
        assert_eq!(code(b"{\"a\":1 \"b\":2}"), Entry::PolicyJsonUnknownChar);
        assert_eq!(code(b"\"\\x\""), Entry::PolicyJsonUnknownChar);
        assert_eq!(code(b"\"\\ud800\""), Entry::PolicyJsonUnknownChar);
        assert_eq!(code(b"\"a\nb\""), Entry::PolicyJsonUnknownChar);
        assert_eq!(code(b"\"\xff\""), Entry::PolicyJsonUnknownChar);
        assert_eq!(code(b"01"), Entry::PolicyJsonUnknownChar);
        assert_eq!(code(b"1."), Entry::PolicyJsonUnknownChar);
        assert_eq!(code(b"tru"), Entry::PolicyJsonUnknownChar);
        assert_eq!(code(b"{} x"), Entry::PolicyJsonUnknownChar);
        assert_eq!(code(b""), Entry::PolicyJsonUnknownChar);
        assert_eq!(code(b"[[[[[[[[[[]]]]]]]]]]"), Entry::PolicyDocumentInvalid);
    }

    #[test]
    fn accepts_all_json_scalars() {
        for doc in [
            &b"-1.5e+3"[..],
            b"0",
            b"true",
            b"false",
            b"null",
            b"\"\"",
            b"[]",
            b"{}",
            b" [ 1 , {\"a\" : [ ] } ] ",
        ] {
            assert!(parse(doc).is_ok(), "{:?}", doc.escape_ascii().to_string());
        }
    }
}
