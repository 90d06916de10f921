//! A small JSON scanner that needs no allocator.
//!
//! Three jobs: check that bytes are one JSON text ([`is_json`], used by the response
//! rules), skip over a value the codec does not care about, and unescape a string *in
//! place*. In-place unescaping is why decoding needs no `alloc`: an unescaped string is
//! never longer than its escaped form, so it can be written over the bytes already read
//! and every decoded field can borrow from the caller's buffer. Nesting is tracked with a
//! fixed bit stack of [`MAX_DEPTH`] levels, so deep input cannot overflow the call stack.

/// Deepest nesting of arrays and objects the scanner accepts (a common parser default).
pub(crate) const MAX_DEPTH: usize = 1000;

/// Why a scan stopped: the bytes are not one JSON text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Malformed;

/// The type of the value that starts at the cursor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    String,
    Object,
    Bool(bool),
    Other,
}

/// Returns `true` when `bytes` is exactly one JSON value (RFC 8259), optionally surrounded
/// by whitespace. A UTF-8 byte-order mark is *not* whitespace, so it makes the text invalid.
pub(crate) fn is_json(bytes: &[u8]) -> bool {
    if core::str::from_utf8(bytes).is_err() {
        return false;
    }
    let mut pos = skip_ws(bytes, 0);
    if skip_value(bytes, &mut pos).is_err() {
        return false;
    }
    skip_ws(bytes, pos) == bytes.len()
}

/// Index of the first byte at or after `pos` that is not JSON whitespace.
pub(crate) fn skip_ws(text: &[u8], mut pos: usize) -> usize {
    while let Some(b' ' | b'\t' | b'\n' | b'\r') = text.get(pos) {
        pos += 1;
    }
    pos
}

/// Consumes `byte` at `pos` (after whitespace) or fails.
pub(crate) fn expect(text: &[u8], pos: &mut usize, byte: u8) -> Result<(), Malformed> {
    *pos = skip_ws(text, *pos);
    if text.get(*pos) == Some(&byte) {
        *pos += 1;
        Ok(())
    } else {
        Err(Malformed)
    }
}

/// The kind of value at `pos` (after whitespace), without consuming it.
pub(crate) fn peek_kind(text: &[u8], pos: &mut usize) -> Kind {
    *pos = skip_ws(text, *pos);
    match text.get(*pos) {
        Some(b'"') => Kind::String,
        Some(b'{') => Kind::Object,
        Some(b't') if text[*pos..].starts_with(b"true") => Kind::Bool(true),
        Some(b'f') if text[*pos..].starts_with(b"false") => Kind::Bool(false),
        _ => Kind::Other,
    }
}

/// A fixed-size stack of "am I in an object?" bits.
struct Nesting {
    bits: [u64; MAX_DEPTH.div_ceil(64)],
    depth: usize,
}

impl Nesting {
    const fn new() -> Self {
        Self {
            bits: [0; MAX_DEPTH.div_ceil(64)],
            depth: 0,
        }
    }

    /// Pushes a level; the caller has checked `depth < MAX_DEPTH`.
    fn push(&mut self, object: bool) {
        let (word, bit) = (self.depth / 64, self.depth % 64);
        if object {
            self.bits[word] |= 1 << bit;
        } else {
            self.bits[word] &= !(1 << bit);
        }
        self.depth += 1;
    }

    /// Pops a level; `true` when it was an object.
    fn pop(&mut self) -> bool {
        self.depth -= 1;
        self.bits[self.depth / 64] >> (self.depth % 64) & 1 == 1
    }

    fn top_is_object(&self) -> Option<bool> {
        let top = self.depth.checked_sub(1)?;
        Some(self.bits[top / 64] >> (top % 64) & 1 == 1)
    }
}

/// Skips one complete value at `pos` (after whitespace), checking its grammar.
pub(crate) fn skip_value(text: &[u8], pos: &mut usize) -> Result<(), Malformed> {
    let mut nesting = Nesting::new();
    loop {
        // Here a value must start.
        *pos = skip_ws(text, *pos);
        let opened = match text.get(*pos) {
            Some(b'{') => Some(true),
            Some(b'[') => Some(false),
            Some(b'"') => {
                skip_string(text, pos)?;
                None
            }
            Some(b't') => literal(text, pos, b"true")?,
            Some(b'f') => literal(text, pos, b"false")?,
            Some(b'n') => literal(text, pos, b"null")?,
            Some(b'-' | b'0'..=b'9') => {
                skip_number(text, pos)?;
                None
            }
            _ => return Err(Malformed),
        };
        if let Some(object) = opened {
            if nesting.depth == MAX_DEPTH {
                return Err(Malformed);
            }
            *pos += 1;
            let close = if object { b'}' } else { b']' };
            let next = skip_ws(text, *pos);
            if text.get(next) == Some(&close) {
                *pos = next + 1;
            } else {
                nesting.push(object);
                if object {
                    skip_key(text, pos)?;
                }
                continue;
            }
        }
        // A value just ended: close containers or move to the next element.
        loop {
            let Some(object) = nesting.top_is_object() else {
                return Ok(());
            };
            *pos = skip_ws(text, *pos);
            match text.get(*pos) {
                Some(b',') => {
                    *pos += 1;
                    if object {
                        skip_key(text, pos)?;
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
                _ => return Err(Malformed),
            }
        }
    }
}

/// Skips `"key" :` inside an object.
fn skip_key(text: &[u8], pos: &mut usize) -> Result<(), Malformed> {
    *pos = skip_ws(text, *pos);
    if text.get(*pos) != Some(&b'"') {
        return Err(Malformed);
    }
    skip_string(text, pos)?;
    expect(text, pos, b':')
}

fn literal(text: &[u8], pos: &mut usize, word: &[u8]) -> Result<Option<bool>, Malformed> {
    if text[*pos..].starts_with(word) {
        *pos += word.len();
        Ok(None)
    } else {
        Err(Malformed)
    }
}

/// Consumes a boolean literal at `pos` (after whitespace).
pub(crate) fn take_bool(text: &[u8], pos: &mut usize) -> Result<bool, Malformed> {
    match peek_kind(text, pos) {
        Kind::Bool(value) => {
            *pos += if value { 4 } else { 5 };
            Ok(value)
        }
        _ => Err(Malformed),
    }
}

fn skip_digits(text: &[u8], pos: &mut usize) -> usize {
    let start = *pos;
    while let Some(b'0'..=b'9') = text.get(*pos) {
        *pos += 1;
    }
    *pos - start
}

fn skip_number(text: &[u8], pos: &mut usize) -> Result<(), Malformed> {
    if text.get(*pos) == Some(&b'-') {
        *pos += 1;
    }
    match text.get(*pos) {
        Some(b'0') => *pos += 1,
        Some(b'1'..=b'9') => {
            skip_digits(text, pos);
        }
        _ => return Err(Malformed),
    }
    if text.get(*pos) == Some(&b'.') {
        *pos += 1;
        if skip_digits(text, pos) == 0 {
            return Err(Malformed);
        }
    }
    if let Some(b'e' | b'E') = text.get(*pos) {
        *pos += 1;
        if let Some(b'+' | b'-') = text.get(*pos) {
            *pos += 1;
        }
        if skip_digits(text, pos) == 0 {
            return Err(Malformed);
        }
    }
    Ok(())
}

/// Skips a string whose opening quote is at `pos`, checking escapes.
fn skip_string(text: &[u8], pos: &mut usize) -> Result<(), Malformed> {
    let mut src = *pos + 1;
    loop {
        src += plain_run(&text[src.min(text.len())..]);
        match text.get(src) {
            Some(b'"') => {
                *pos = src + 1;
                return Ok(());
            }
            Some(b'\\') => {
                let (_, len) = escape(text, src)?;
                src += len;
            }
            _ => return Err(Malformed),
        }
    }
}

/// Length of the leading run of bytes that need no attention inside a string: not a
/// quote, not a backslash, not a control character.
fn plain_run(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .unwrap_or(bytes.len())
}

/// Decodes the escape that starts at `text[at] == b'\\'`: the character and the number of
/// input bytes it used.
fn escape(text: &[u8], at: usize) -> Result<(char, usize), Malformed> {
    let simple = match text.get(at + 1) {
        Some(b'"') => '"',
        Some(b'\\') => '\\',
        Some(b'/') => '/',
        Some(b'b') => '\u{8}',
        Some(b'f') => '\u{c}',
        Some(b'n') => '\n',
        Some(b'r') => '\r',
        Some(b't') => '\t',
        Some(b'u') => {
            let high = hex4(text, at + 2)?;
            if !(0xD800..0xDC00).contains(&high) {
                return char::from_u32(high).map(|c| (c, 6)).ok_or(Malformed);
            }
            if text.get(at + 6) != Some(&b'\\') || text.get(at + 7) != Some(&b'u') {
                return Err(Malformed);
            }
            let low = hex4(text, at + 8)?;
            if !(0xDC00..0xE000).contains(&low) {
                return Err(Malformed);
            }
            let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
            return char::from_u32(code).map(|c| (c, 12)).ok_or(Malformed);
        }
        _ => return Err(Malformed),
    };
    Ok((simple, 2))
}

fn hex4(text: &[u8], at: usize) -> Result<u32, Malformed> {
    let digits = text.get(at..at + 4).ok_or(Malformed)?;
    digits.iter().try_fold(0u32, |acc, &b| {
        let digit = char::from(b).to_digit(16).ok_or(Malformed)?;
        Ok(acc << 4 | digit)
    })
}

/// Unescapes the string whose opening quote is at `*pos`, writing its content to
/// `buf[dst..]`, and moves `*pos` past the closing quote. Returns the content length.
///
/// `dst` must not be past the first content byte (`*pos + 1`): the write cursor then never
/// overtakes the read cursor, because an escape is never shorter than the character it
/// stands for.
pub(crate) fn unescape_in_place(
    buf: &mut [u8],
    pos: &mut usize,
    dst: usize,
) -> Result<usize, Malformed> {
    debug_assert!(dst <= *pos + 1);
    let mut src = *pos + 1;
    let mut out = dst;
    loop {
        let run = plain_run(&buf[src.min(buf.len())..]);
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
                let (c, len) = escape(buf, src)?;
                let mut utf8 = [0u8; 4];
                let encoded = c.encode_utf8(&mut utf8).as_bytes();
                buf[out..out + encoded.len()].copy_from_slice(encoded);
                out += encoded.len();
                src += len;
            }
            _ => return Err(Malformed),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::prelude::rust_2024::*;

    use super::*;

    #[test]
    fn accepts_json_texts() {
        for text in [
            "{}",
            "[]",
            " {\"a\" : [1, -2.5e+3, true, false, null, \"x\\u00e9\\ud83d\\ude00\"]} ",
            "\"OK\"",
            "0",
            "{\"a\":{\"b\":[{}]}}",
        ] {
            assert!(is_json(text.as_bytes()), "{text}");
        }
    }

    #[test]
    fn rejects_broken_texts() {
        for text in [
            "",
            "OK",
            "\u{feff}{\"Status\":\"OK\"}",
            "{\"a\":1,}",
            "[1,]",
            "{\"a\" 1}",
            "[}",
            "{]",
            "01",
            "1.",
            "1e",
            "\"\\x\"",
            "\"\\ud800\"",
            "\"a\nb\"",
            "{} {}",
            "{\"a\":tru}",
            "[[",
        ] {
            assert!(!is_json(text.as_bytes()), "{text:?}");
        }
    }

    #[test]
    fn depth_is_bounded() {
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(is_json(ok.as_bytes()));
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert!(!is_json(deep.as_bytes()));
    }

    #[test]
    fn unescapes_over_its_own_input() {
        let mut buf = *br#""a\"b\\c\/d\u00e9\ud83d\ude00""#;
        let mut pos = 0;
        let len = unescape_in_place(&mut buf, &mut pos, 0).unwrap();
        assert_eq!(pos, buf.len());
        assert_eq!(
            core::str::from_utf8(&buf[..len]).unwrap(),
            "a\"b\\c/d\u{e9}\u{1f600}"
        );
    }
}
