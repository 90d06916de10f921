//! The OSS XML error document: render it, parse it, unescape its values, and decode the
//! `x-oss-err` header form.
//!
//! Rendering writes into any [`core::fmt::Write`]; parsing borrows from the input. Neither
//! allocates.
//!
//! ```
//! use oss_errors::xml::{ErrorDocument, ErrorXml};
//! use oss_errors::{Entry, Error};
//!
//! let mut body = String::new();
//! ErrorDocument::for_error(Error::from(Entry::NoSuchKey), "R1", "bucket.oss-cn-hangzhou.aliyuncs.com")
//!     .render(&mut body)
//!     .unwrap();
//! let parsed = ErrorXml::parse(&body).unwrap();
//! assert_eq!(parsed.recognize(), Some(Error::from(Entry::NoSuchKey)));
//! assert_eq!(parsed.ec().map(|ec| ec.raw()), Some("0026-00000001"));
//! ```

use core::fmt;

mod escape;
mod header;
mod parse;
mod render;
mod scan;
mod text;
#[cfg(feature = "alloc")]
mod unescape;

pub use escape::escape;
#[cfg(feature = "alloc")]
pub use header::decode_err_header;
pub use header::decode_err_header_into;
/// Unescaping is shared with every XML reader of the workspace (`oss-text`): the five
/// predefined entities and decimal and hexadecimal character references to characters
/// XML allows; anything else is kept as written.
pub use oss_text::xml::{BufferTooSmall, unescape, unescape_into};
pub use parse::{ErrorXml, Fields};
pub use render::{ErrorDocument, TROUBLESHOOT_URL};
pub use text::XmlText;
#[cfg(feature = "alloc")]
pub use unescape::unescape_to_cow;

/// What is wrong with an error document (or its `x-oss-err` header form).
///
/// ```
/// use oss_errors::xml::XmlErrorKind;
/// assert_ne!(XmlErrorKind::MissingCode, XmlErrorKind::UnexpectedEnd);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum XmlErrorKind {
    /// No element where the root element should start.
    NoRootElement,
    /// The root element is not `<Error>`.
    RootIsNotError,
    /// The input ends inside an element, tag, comment or section.
    UnexpectedEnd,
    /// A tag is malformed (no name, or a `<` inside it).
    MalformedTag,
    /// An end tag does not close the element it ends.
    MismatchedEndTag,
    /// The document has no `<Code>`.
    MissingCode,
    /// Something other than whitespace or comments follows `</Error>`.
    TrailingContent,
    /// The `x-oss-err` value is not base64.
    NotBase64,
    /// The decoded `x-oss-err` value is not UTF-8.
    NotUtf8,
    /// The caller's buffer is too small for the decoded value.
    BufferTooSmall,
}

impl XmlErrorKind {
    /// A short description.
    ///
    /// ```
    /// use oss_errors::xml::XmlErrorKind;
    /// assert_eq!(XmlErrorKind::MissingCode.describe(), "the document has no <Code> element");
    /// ```
    #[must_use]
    pub const fn describe(self) -> &'static str {
        match self {
            Self::NoRootElement => "no root element",
            Self::RootIsNotError => "the root element is not <Error>",
            Self::UnexpectedEnd => "the input ends too early",
            Self::MalformedTag => "a tag is malformed",
            Self::MismatchedEndTag => "an end tag does not match its start tag",
            Self::MissingCode => "the document has no <Code> element",
            Self::TrailingContent => "content follows the root element",
            Self::NotBase64 => "the header value is not base64",
            Self::NotUtf8 => "the decoded text is not UTF-8",
            Self::BufferTooSmall => "the buffer is too small",
        }
    }
}

/// A document that cannot be read: the kind of problem and the byte offset where it is.
///
/// ```
/// use oss_errors::xml::{ErrorXml, XmlErrorKind};
/// let err = ErrorXml::parse("<Error><Code>A</Code></Error> x").unwrap_err();
/// assert_eq!(err.kind(), XmlErrorKind::TrailingContent);
/// assert_eq!(err.offset(), 30);
/// assert_eq!(err.to_string(), "content follows the root element (at byte 30)");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct XmlError {
    kind: XmlErrorKind,
    offset: usize,
}

impl XmlError {
    pub(crate) const fn new(kind: XmlErrorKind, offset: usize) -> Self {
        Self { kind, offset }
    }

    /// What is wrong.
    ///
    /// ```
    /// use oss_errors::xml::{ErrorXml, XmlErrorKind};
    /// assert_eq!(ErrorXml::parse("").unwrap_err().kind(), XmlErrorKind::NoRootElement);
    /// ```
    #[must_use]
    pub const fn kind(self) -> XmlErrorKind {
        self.kind
    }

    /// The byte offset in the input where the problem was found.
    ///
    /// ```
    /// use oss_errors::xml::ErrorXml;
    /// assert_eq!(ErrorXml::parse("  x").unwrap_err().offset(), 2);
    /// ```
    #[must_use]
    pub const fn offset(self) -> usize {
        self.offset
    }
}

impl fmt::Display for XmlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at byte {})", self.kind.describe(), self.offset)
    }
}

impl core::error::Error for XmlError {}
