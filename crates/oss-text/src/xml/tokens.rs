//! The tokenizer: a document as a flat run of text, tags and other markup.
//!
//! It keeps no stack: matching end tags to start tags, and deciding which elements may
//! appear where, is the reader's job above it. So hostile nesting cannot exhaust memory
//! or the call stack here.

use super::attributes::check_attributes;
use super::chars::{find_forbidden, is_space, name_len, trim_space_end};
use super::find::{find_byte, find_closer};
use super::reference::decode_reference;
use super::{ErrorKind, SyntaxError};

/// A start tag (`<Part>`, `<a x="1"/>`).
///
/// ```
/// use oss_text::xml::{Token, Tokenizer};
/// let Ok(Some(Token::Start(tag))) = Tokenizer::new(r#"<ETag id="1"/>"#).next_token() else {
///     unreachable!()
/// };
/// assert_eq!((tag.name(), tag.attributes(), tag.is_empty()), ("ETag", r#" id="1""#, true));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StartTag<'a> {
    name: &'a str,
    attributes: &'a str,
    empty: bool,
}

impl<'a> StartTag<'a> {
    /// The element's name.
    ///
    /// ```
    /// # use oss_text::xml::{Token, Tokenizer};
    /// let Ok(Some(Token::Start(tag))) = Tokenizer::new("<Part>").next_token() else { unreachable!() };
    /// assert_eq!(tag.name(), "Part");
    /// ```
    #[must_use]
    pub const fn name(&self) -> &'a str {
        self.name
    }

    /// The attributes as written, between the name and the closing `>` or `/>`.
    ///
    /// ```
    /// # use oss_text::xml::{Token, Tokenizer};
    /// let Ok(Some(Token::Start(tag))) = Tokenizer::new("<Part>").next_token() else { unreachable!() };
    /// assert_eq!(tag.attributes(), "");
    /// ```
    #[must_use]
    pub const fn attributes(&self) -> &'a str {
        self.attributes
    }

    /// Whether the tag is an empty-element tag (`<a/>`), which needs no end tag.
    ///
    /// ```
    /// # use oss_text::xml::{Token, Tokenizer};
    /// let Ok(Some(Token::Start(tag))) = Tokenizer::new("<Part/>").next_token() else { unreachable!() };
    /// assert!(tag.is_empty());
    /// ```
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.empty
    }
}

/// One piece of a document. Text and markup contents borrow from the input as written.
///
/// ```
/// use oss_text::xml::{Token, Tokenizer};
/// let mut tokens = Tokenizer::new("<?xml version=\"1.0\"?><!-- c --><a>x</a>");
/// assert_eq!(tokens.next_token(), Ok(Some(Token::Pi("xml version=\"1.0\""))));
/// assert_eq!(tokens.next_token(), Ok(Some(Token::Comment(" c "))));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Token<'a> {
    /// Character data between markup, references not yet resolved.
    Text(&'a str),
    /// A start tag or an empty-element tag.
    Start(StartTag<'a>),
    /// An end tag's name (`</Part>` gives `Part`).
    End(&'a str),
    /// A comment's contents, between `<!--` and `-->`.
    Comment(&'a str),
    /// A CDATA section's contents, between `<![CDATA[` and `]]>`.
    CData(&'a str),
    /// A processing instruction (or the XML declaration), between `<?` and `?>`.
    Pi(&'a str),
    /// Another markup declaration (`<!DOCTYPE ...>`), between `<!` and the first `>`.
    /// An internal subset is not read: the tokens after one are not meaningful.
    Declaration(&'a str),
}

/// Splits a document into [`Token`]s, borrowing from it and allocating nothing.
///
/// [`Tokenizer::new`] checks the XML 1.0 rules a token can be checked by alone: names,
/// attribute syntax, no attribute twice on one element, only characters XML allows
/// (raw or through a reference), well-formed references, no `]]>` in text, no `--` in
/// comments. [`Tokenizer::lenient`] cuts the same tokens but checks only what it needs
/// to find their ends, for documents as loose as OSS's own examples
/// (`<? xml version="1.0" ? >`, `xmlns=”...”`, `&nbsp;`).
///
/// A leading byte-order mark is skipped.
///
/// ```
/// use oss_text::xml::{ErrorKind, Token, Tokenizer};
///
/// let mut tokens = Tokenizer::new("<a>&#0;</a>");
/// tokens.next_token()?;
/// assert_eq!(tokens.next_token().unwrap_err().kind(), ErrorKind::BadReference);
///
/// let mut tokens = Tokenizer::lenient("<a>&#0;</a>");
/// tokens.next_token()?;
/// assert_eq!(tokens.next_token()?, Some(Token::Text("&#0;")));
/// # Ok::<(), oss_text::xml::SyntaxError>(())
/// ```
#[derive(Clone, Debug)]
pub struct Tokenizer<'a> {
    text: &'a str,
    pos: usize,
    start: usize,
    strict: bool,
}

impl<'a> Tokenizer<'a> {
    /// A tokenizer that checks the XML 1.0 rules (see the type's documentation).
    ///
    /// ```
    /// use oss_text::xml::{ErrorKind, Tokenizer};
    /// let err = Tokenizer::new(r#"<a x="1" x="2">"#).next_token().unwrap_err();
    /// assert_eq!((err.kind(), err.offset()), (ErrorKind::DuplicateAttribute, 9));
    /// ```
    #[must_use]
    pub const fn new(text: &'a str) -> Self {
        Self::with_strictness(text, true)
    }

    /// A tokenizer that checks only what it needs to find where tokens end.
    ///
    /// ```
    /// use oss_text::xml::{Token, Tokenizer};
    /// let mut tokens = Tokenizer::lenient("<? xml version=\"1.0\" ? ><Error>");
    /// assert_eq!(tokens.next_token()?, Some(Token::Pi(" xml version=\"1.0\" ? ")));
    /// # Ok::<(), oss_text::xml::SyntaxError>(())
    /// ```
    #[must_use]
    pub const fn lenient(text: &'a str) -> Self {
        Self::with_strictness(text, false)
    }

    const fn with_strictness(text: &'a str, strict: bool) -> Self {
        let pos = match text.as_bytes() {
            [0xEF, 0xBB, 0xBF, ..] => 3,
            _ => 0,
        };
        Self {
            text,
            pos,
            start: pos,
            strict,
        }
    }

    /// The offset where the next token starts (the end of the last one).
    ///
    /// ```
    /// let mut tokens = oss_text::xml::Tokenizer::new("<a>b");
    /// tokens.next_token()?;
    /// assert_eq!(tokens.offset(), 3);
    /// # Ok::<(), oss_text::xml::SyntaxError>(())
    /// ```
    #[must_use]
    pub const fn offset(&self) -> usize {
        self.pos
    }

    /// The offset where the last token returned starts.
    ///
    /// ```
    /// let mut tokens = oss_text::xml::Tokenizer::new("<a>b</a>");
    /// tokens.next_token()?;
    /// tokens.next_token()?;
    /// assert_eq!(tokens.token_start(), 3);
    /// # Ok::<(), oss_text::xml::SyntaxError>(())
    /// ```
    #[must_use]
    pub const fn token_start(&self) -> usize {
        self.start
    }

    /// The next token, or `None` at the end of the input.
    ///
    /// ```
    /// use oss_text::xml::{Token, Tokenizer};
    /// let mut tokens = Tokenizer::new("</a >");
    /// assert_eq!(tokens.next_token()?, Some(Token::End("a")));
    /// assert_eq!(tokens.next_token()?, None);
    /// # Ok::<(), oss_text::xml::SyntaxError>(())
    /// ```
    ///
    /// # Errors
    /// [`SyntaxError`] when the token is cut short or, for a strict tokenizer, breaks a
    /// rule of XML 1.0. The tokenizer should not be used after an error.
    pub fn next_token(&mut self) -> Result<Option<Token<'a>>, SyntaxError> {
        let at = self.pos;
        self.start = at;
        let rest = &self.text[at..];
        if rest.is_empty() {
            return Ok(None);
        }
        if !rest.starts_with('<') {
            let len = find_byte(rest.as_bytes(), b'<').unwrap_or(rest.len());
            let text = &rest[..len];
            if self.strict {
                check_text(text, at)?;
            }
            self.pos = at + len;
            return Ok(Some(Token::Text(text)));
        }
        let (token, len) = match rest.as_bytes().get(1) {
            Some(b'/') => self.end_tag(&rest[2..])?,
            Some(b'!' | b'?') => self.markup(rest)?,
            _ => self.start_tag(rest)?,
        };
        self.pos = at + len;
        Ok(Some(token))
    }

    fn error(&self, kind: ErrorKind, offset: usize) -> SyntaxError {
        SyntaxError::new(kind, self.start + offset)
    }

    fn end_of_input(&self) -> SyntaxError {
        SyntaxError::new(ErrorKind::UnexpectedEnd, self.text.len())
    }

    /// A comment, CDATA section, processing instruction or declaration, from the `<`.
    fn markup(&self, rest: &'a str) -> Result<(Token<'a>, usize), SyntaxError> {
        if let Some(after) = rest.strip_prefix("<!--") {
            self.delimited(after, 4, "-->", Token::Comment)
        } else if let Some(after) = rest.strip_prefix("<![CDATA[") {
            self.delimited(after, 9, "]]>", Token::CData)
        } else if let Some(after) = rest.strip_prefix("<?") {
            if self.strict {
                return self.delimited(after, 2, "?>", Token::Pi);
            }
            // A loose instruction ends at the first `>`, its `?` (if any) not contents.
            let (_, len) = self.delimited(after, 2, ">", Token::Pi)?;
            let contents = &after[..len - 3];
            Ok((
                Token::Pi(contents.strip_suffix('?').unwrap_or(contents)),
                len,
            ))
        } else {
            self.delimited(&rest[2..], 2, ">", Token::Declaration)
        }
    }

    /// Markup that runs from an opening of `open` bytes to `close`: its contents and
    /// whole length.
    fn delimited(
        &self,
        after: &'a str,
        open: usize,
        close: &str,
        token: fn(&'a str) -> Token<'a>,
    ) -> Result<(Token<'a>, usize), SyntaxError> {
        let end =
            find_closer(after.as_bytes(), close.as_bytes()).ok_or_else(|| self.end_of_input())?;
        let contents = &after[..end];
        let token = token(contents);
        if self.strict {
            if let Some(at) = find_forbidden(contents) {
                return Err(self.error(ErrorKind::ForbiddenChar, open + at));
            }
            let malformed = match token {
                Token::Comment(text) => text.contains("--") || text.ends_with('-'),
                Token::Pi(text) => {
                    let name = name_len(text);
                    name == 0 || !text[name..].bytes().next().is_none_or(is_space)
                }
                _ => false,
            };
            if malformed {
                return Err(self.error(ErrorKind::MalformedMarkup, 0));
            }
        }
        Ok((token, open + end + close.len()))
    }

    /// `</name>`, from after the `</`.
    fn end_tag(&self, after: &'a str) -> Result<(Token<'a>, usize), SyntaxError> {
        let gt = find_byte(after.as_bytes(), b'>').ok_or_else(|| self.end_of_input())?;
        let inside = &after[..gt];
        let name = trim_space_end(inside);
        if self.strict && (name_len(name) != name.len() || name.is_empty()) {
            return Err(self.error(ErrorKind::MalformedTag, 0));
        }
        Ok((Token::End(name), 2 + gt + 1))
    }

    /// `<name attributes>` or `<name attributes/>`, from the `<`.
    fn start_tag(&self, rest: &'a str) -> Result<(Token<'a>, usize), SyntaxError> {
        if self.strict {
            return self.strict_start_tag(rest);
        }
        let bytes = rest.as_bytes();
        let name = bytes[1..]
            .iter()
            .position(|&b| is_space(b) || matches!(b, b'/' | b'>' | b'<'))
            .ok_or_else(|| self.end_of_input())?;
        if name == 0 {
            return Err(self.error(ErrorKind::MalformedTag, 0));
        }
        let mut quote = None;
        let mut last = b'<';
        for (at, &b) in bytes.iter().enumerate().skip(1 + name) {
            match (quote, b) {
                (Some(q), _) if b == q => quote = None,
                (Some(_), _) => {}
                (None, b'"' | b'\'') => quote = Some(b),
                (None, b'>') => {
                    let empty = last == b'/';
                    let mut attributes = &rest[1 + name..at];
                    if empty {
                        attributes = attributes.trim_end();
                        attributes = &attributes[..attributes.len() - 1];
                    }
                    let tag = StartTag {
                        name: &rest[1..=name],
                        attributes,
                        empty,
                    };
                    return Ok((Token::Start(tag), at + 1));
                }
                (None, b'<') => return Err(self.error(ErrorKind::MalformedTag, 0)),
                (None, _) => {}
            }
            if !is_space(b) {
                last = b;
            }
        }
        Err(self.end_of_input())
    }

    fn strict_start_tag(&self, rest: &'a str) -> Result<(Token<'a>, usize), SyntaxError> {
        let name = name_len(&rest[1..]);
        if name == 0 {
            return Err(if rest.len() == 1 {
                self.end_of_input()
            } else {
                self.error(ErrorKind::MalformedTag, 0)
            });
        }
        let after_name = 1 + name;
        let len = check_attributes(&rest[after_name..]).map_err(|(kind, at)| match kind {
            ErrorKind::UnexpectedEnd => self.end_of_input(),
            kind => self.error(kind, after_name + at),
        })?;
        let tag_end = after_name + len;
        let empty = rest.as_bytes()[tag_end - 1] == b'/';
        let tag = StartTag {
            name: &rest[1..after_name],
            attributes: &rest[after_name..tag_end - usize::from(empty)],
            empty,
        };
        Ok((Token::Start(tag), tag_end + 1))
    }
}

/// Checks character data: allowed characters, well-formed references, no `]]>`.
fn check_text(text: &str, at: usize) -> Result<(), SyntaxError> {
    if let Some(bad) = find_forbidden(text) {
        return Err(SyntaxError::new(ErrorKind::ForbiddenChar, at + bad));
    }
    check_references(text).map_err(|bad| SyntaxError::new(ErrorKind::BadReference, at + bad))?;
    match find_closer(text.as_bytes(), b"]]>") {
        Some(bad) => Err(SyntaxError::new(ErrorKind::MalformedMarkup, at + bad)),
        None => Ok(()),
    }
}

/// Checks that every `&` in `text` starts a well-formed reference; the offset of the
/// first that does not.
pub(crate) fn check_references(text: &str) -> Result<(), usize> {
    let mut from = 0;
    while let Some(amp) = memchr::memchr(b'&', &text.as_bytes()[from..]) {
        let amp = from + amp;
        let (_, len) = decode_reference(&text[amp..]).ok_or(amp)?;
        from = amp + len;
    }
    Ok(())
}
