//! A minimal borrowed XML tokenizer: enough for CompleteMultipartUpload, no allocation.
//!
//! It reads elements, attributes (skipped), text, the XML declaration and comments, and
//! checks entity references; it refuses DOCTYPE, CDATA and processing instructions in
//! the body. Text is returned raw, entities not expanded.

use oss_errors::{Entry, Error};

/// One piece of an XML document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Token<'a> {
    /// `<name ...>`
    Open(&'a [u8]),
    /// `</name>`
    Close(&'a [u8]),
    /// `<name .../>`
    Empty(&'a [u8]),
    /// Text between tags (raw).
    Text(&'a [u8]),
}

/// Yields the tokens of a document, after its prolog.
#[derive(Clone, Debug)]
pub(crate) struct Tokens<'a> {
    src: &'a [u8],
    pos: usize,
}

impl<'a> Tokens<'a> {
    /// Starts after the optional BOM, XML declaration, comments and whitespace.
    pub(crate) fn new(src: &'a [u8]) -> Result<Self, Error> {
        let mut tokens = Self {
            src: src.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(src),
            pos: 0,
        };
        tokens.skip_ws();
        if tokens.rest().starts_with(b"<?xml") {
            let end = memchr::memmem::find(tokens.rest(), b"?>").ok_or_else(malformed)?;
            tokens.pos += end + 2;
        }
        tokens.skip_misc()?;
        Ok(tokens)
    }

    fn rest(&self) -> &'a [u8] {
        &self.src[self.pos..]
    }

    fn skip_ws(&mut self) {
        while matches!(self.src.get(self.pos), Some(b' ' | b'\t' | b'\r' | b'\n')) {
            self.pos += 1;
        }
    }

    /// Skips whitespace and comments.
    fn skip_misc(&mut self) -> Result<(), Error> {
        loop {
            self.skip_ws();
            if !self.rest().starts_with(b"<!--") {
                return Ok(());
            }
            self.skip_comment()?;
        }
    }

    /// Checks that only whitespace and comments remain.
    pub(crate) fn finish(mut self) -> Result<(), Error> {
        self.skip_misc()?;
        if self.pos == self.src.len() {
            Ok(())
        } else {
            Err(malformed())
        }
    }

    /// The next token, or `None` at the end of input.
    pub(crate) fn next_token(&mut self) -> Result<Option<Token<'a>>, Error> {
        loop {
            let rest = self.rest();
            if rest.is_empty() {
                return Ok(None);
            }
            if rest.starts_with(b"<!--") {
                self.skip_comment()?;
                continue;
            }
            if rest[0] != b'<' {
                let end = memchr::memchr(b'<', rest).unwrap_or(rest.len());
                let text = &rest[..end];
                check_text(text)?;
                self.pos += end;
                return Ok(Some(Token::Text(text)));
            }
            let close = memchr::memchr(b'>', rest).ok_or_else(malformed)?;
            let inner = &rest[1..close];
            self.pos += close + 1;
            return tag(inner).map(Some);
        }
    }

    /// Skips the comment that starts the rest of the input.
    fn skip_comment(&mut self) -> Result<(), Error> {
        let end = memchr::memmem::find(&self.rest()[4..], b"-->").ok_or_else(malformed)?;
        self.pos += 4 + end + 3;
        Ok(())
    }
}

/// Reads the inside of `<...>`.
fn tag(inner: &[u8]) -> Result<Token<'_>, Error> {
    if let Some(name) = inner.strip_prefix(b"/") {
        let name = name.trim_ascii_end();
        return if is_name(name) {
            Ok(Token::Close(name))
        } else {
            Err(malformed())
        };
    }
    let (inner, empty) = match inner.strip_suffix(b"/") {
        Some(inner) => (inner, true),
        None => (inner, false),
    };
    let name_end = inner
        .iter()
        .position(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
        .unwrap_or(inner.len());
    let name = &inner[..name_end];
    if !is_name(name) {
        return Err(malformed());
    }
    check_attributes(&inner[name_end..])?;
    Ok(if empty {
        Token::Empty(name)
    } else {
        Token::Open(name)
    })
}

/// `name="value"` pairs separated by whitespace (values checked, then ignored).
fn check_attributes(mut rest: &[u8]) -> Result<(), Error> {
    loop {
        rest = rest.trim_ascii_start();
        if rest.is_empty() {
            return Ok(());
        }
        let eq = memchr::memchr(b'=', rest).ok_or_else(malformed)?;
        if !is_name(rest[..eq].trim_ascii_end()) {
            return Err(malformed());
        }
        let value = rest[eq + 1..].trim_ascii_start();
        let (&quote, value) = value.split_first().ok_or_else(malformed)?;
        if quote != b'"' && quote != b'\'' {
            return Err(malformed());
        }
        let end = memchr::memchr(quote, value).ok_or_else(malformed)?;
        check_text(&value[..end])?;
        rest = &value[end + 1..];
        if !rest.is_empty() && !rest[0].is_ascii_whitespace() {
            return Err(malformed());
        }
    }
}

/// An XML name, loosely: starts with a letter, `_` or `:`, then no markup bytes.
fn is_name(name: &[u8]) -> bool {
    match name.split_first() {
        Some((&first, rest)) => {
            (first.is_ascii_alphabetic() || first == b'_' || first == b':' || first >= 0x80)
                && rest.iter().all(|&b| {
                    b.is_ascii_alphanumeric() || matches!(b, b'_' | b':' | b'-' | b'.') || b >= 0x80
                })
        }
        None => false,
    }
}

/// Text must be UTF-8, with `&` only in a known entity or a character reference.
fn check_text(text: &[u8]) -> Result<(), Error> {
    if core::str::from_utf8(text).is_err() || memchr::memmem::find(text, b"]]>").is_some() {
        return Err(malformed());
    }
    let mut rest = text;
    while let Some(amp) = memchr::memchr(b'&', rest) {
        let after = &rest[amp + 1..];
        let semi = memchr::memchr(b';', after).ok_or_else(malformed)?;
        let entity = &after[..semi];
        let known = matches!(entity, b"amp" | b"lt" | b"gt" | b"quot" | b"apos")
            || char_reference(entity).is_some();
        if !known {
            return Err(malformed());
        }
        rest = &after[semi + 1..];
    }
    Ok(())
}

/// `#123` or `#x7B` → the character.
fn char_reference(entity: &[u8]) -> Option<char> {
    let number = entity.strip_prefix(b"#")?;
    let (digits, radix) = match number.strip_prefix(b"x") {
        Some(hex) => (hex, 16),
        None => (number, 10),
    };
    if digits.is_empty() || digits.len() > 8 {
        return None;
    }
    let value = digits.iter().try_fold(0u32, |acc, &d| {
        Some(acc * radix + char::from(d).to_digit(radix)?)
    })?;
    char::from_u32(value)
}

fn malformed() -> Error {
    Entry::XmlMalformed.into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::prelude::rust_2024::*;

    fn tokens(doc: &str) -> Result<Vec<Token<'_>>, Error> {
        let mut tokens = Tokens::new(doc.as_bytes())?;
        let mut out = Vec::new();
        while let Some(token) = tokens.next_token()? {
            out.push(token);
        }
        Ok(out)
    }

    #[test]
    fn reads_tags_text_and_skips_prolog() {
        let got = tokens("\u{feff}<?xml version=\"1.0\"?><!-- c --><a x=\"1\" y='2'><b/>t&amp;&#x41;<!--x--></a>").unwrap();
        assert_eq!(
            got,
            [
                Token::Open(b"a"),
                Token::Empty(b"b"),
                Token::Text(b"t&amp;&#x41;"),
                Token::Close(b"a")
            ]
        );
    }

    #[test]
    fn refuses_what_it_does_not_know() {
        for bad in [
            "<a>&nbsp;</a>",
            "<a>&amp</a>",
            "<!DOCTYPE a><a/>",
            "<a x=1/>",
            "<a x=\"1\"y=\"2\"/>",
            "<1a/>",
            "<a",
            "<?xml",
            "<!-- x",
            "<a>]]></a>",
            "<![CDATA[x]]>",
            "</>",
        ] {
            assert!(tokens(bad).is_err(), "{bad}");
        }
    }
}
