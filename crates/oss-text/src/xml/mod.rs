//! XML: one tokenizer and one unescaper for every XML text OSS reads.
//!
//! [`Tokenizer`] cuts a document into [`Token`]s; the reader above it decides which
//! elements it expects. Text stays raw until asked for: [`unescape`], [`unescape_into`],
//! [`unescape_in`] and [`unescaped_eq`] resolve the five predefined entities and decimal
//! and hexadecimal character references alike, through [`decode_reference`].
//!
//! ```
//! use oss_text::xml::{Token, Tokenizer, unescape_in};
//!
//! let mut tokens = Tokenizer::new("<PartNumber>&#x31;</PartNumber>");
//! let mut buf = [0u8; 8];
//! while let Some(token) = tokens.next_token()? {
//!     if let Token::Text(raw) = token {
//!         assert_eq!(unescape_in(raw, &mut buf), Ok("1"));
//!     }
//! }
//! # Ok::<(), oss_text::xml::SyntaxError>(())
//! ```

use core::fmt;

mod attributes;
mod chars;
mod find;
mod reference;
mod tokens;
mod unescape;

pub use chars::{find_forbidden, is_name, is_space, is_xml_char, trim_space};
pub use reference::decode_reference;
pub use tokens::{StartTag, Token, Tokenizer};
pub use unescape::{
    BufferTooSmall, Piece, Unescape, needs_unescape, unescape, unescape_in, unescape_into,
    unescaped_eq,
};

/// Which rule a document breaks.
///
/// ```
/// use oss_text::xml::ErrorKind;
/// assert_eq!(ErrorKind::BadReference.describe(), "a reference is malformed or names a character XML forbids");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input ends inside a tag, comment, section or other markup.
    UnexpectedEnd,
    /// A tag is malformed: no name, a bad attribute, a `<` inside it.
    MalformedTag,
    /// A comment holds `--`, a processing instruction has no target, or text holds `]]>`.
    MalformedMarkup,
    /// A character XML 1.0 forbids (`Char`), such as a control character.
    ForbiddenChar,
    /// A `&` that does not start a well-formed reference to an allowed character.
    BadReference,
    /// An attribute appears twice on one element.
    DuplicateAttribute,
}

impl ErrorKind {
    /// A short description.
    ///
    /// ```
    /// use oss_text::xml::ErrorKind;
    /// assert_eq!(ErrorKind::DuplicateAttribute.describe(), "an attribute appears twice in one tag");
    /// ```
    #[must_use]
    pub const fn describe(self) -> &'static str {
        match self {
            Self::UnexpectedEnd => "the input ends too early",
            Self::MalformedTag => "a tag is malformed",
            Self::MalformedMarkup => "a comment, processing instruction or text is malformed",
            Self::ForbiddenChar => "a character XML forbids",
            Self::BadReference => "a reference is malformed or names a character XML forbids",
            Self::DuplicateAttribute => "an attribute appears twice in one tag",
        }
    }
}

/// Text that is not well-formed XML.
///
/// ```
/// use oss_text::xml::{ErrorKind, Tokenizer};
/// let err = Tokenizer::new("a\u{1}").next_token().unwrap_err();
/// assert_eq!((err.kind(), err.offset()), (ErrorKind::ForbiddenChar, 1));
/// assert_eq!(err.to_string(), "a character XML forbids (at byte 1)");
/// ```
pub type SyntaxError = crate::SyntaxError<ErrorKind>;

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
}

#[cfg(test)]
mod tests;
