//! JSON (RFC 8259): one borrowed reader for every JSON text OSS reads.
//!
//! Two ways in, over the same grammar:
//!
//! - a cursor over `(text, &mut pos)`: [`skip_ws`], [`expect`], [`expect_end`], [`peek`] and the
//!   [`Grammar`] methods [`skip_value`](Grammar::skip_value),
//!   [`string`](Grammar::string) and [`unescape_in_place`](Grammar::unescape_in_place),
//!   for readers that pick fields as they go and unescape over their own buffer;
//! - a checked document, [`Grammar::parse`], whose [`Value`]s borrow from the text and
//!   decode their strings lazily ([`JsonStr::bytes`]).
//!
//! Arrays and objects nest up to [`MAX_DEPTH`] levels, tracked in a fixed bit stack, not
//! by recursion, so no input can overflow the call stack.
//!
//! ```
//! use oss_text::json::{Grammar, Value};
//!
//! let doc = Grammar::RFC_8259.parse(br#"{"conditions":[["eq","$key","a\/b"]]}"#)?;
//! let (key, conditions) = doc.members().unwrap().next().unwrap();
//! assert!(key.eq_bytes(b"conditions"));
//! let condition = conditions.elements().unwrap().next().unwrap();
//! let Some(Value::String(value)) = condition.elements().unwrap().nth(2) else { panic!() };
//! assert!(value.eq_bytes(b"a/b"));
//! # Ok::<(), oss_text::json::SyntaxError>(())
//! ```

use core::fmt;

mod scan;
mod string;
mod value;

pub use scan::{Kind, expect, expect_end, peek, skip_ws};
pub use string::{Bytes, JsonStr};
pub use value::{Container, Elements, Members, Value};

/// The deepest nesting of arrays and objects a text may have (a common parser default).
///
/// ```
/// use oss_text::json::{Grammar, MAX_DEPTH};
/// let deep = |n: usize| "[".repeat(n) + &"]".repeat(n);
/// assert!(Grammar::RFC_8259.is_json(deep(MAX_DEPTH).as_bytes()));
/// assert!(!Grammar::RFC_8259.is_json(deep(MAX_DEPTH + 1).as_bytes()));
/// ```
pub const MAX_DEPTH: usize = 1000;

/// The JSON a reader accepts: RFC 8259, plus OSS's `\$` escape where a format allows it.
///
/// ```
/// use oss_text::json::Grammar;
/// assert!(!Grammar::RFC_8259.is_json(br#""\$a""#));
/// assert!(Grammar::RFC_8259.with_dollar_escape().is_json(br#""\$a""#));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Grammar {
    dollar_escape: bool,
}

impl Grammar {
    /// RFC 8259 exactly.
    pub const RFC_8259: Self = Self {
        dollar_escape: false,
    };

    /// The same grammar, also accepting `\$` for `$` in strings (POST policies write
    /// `\$` for a literal dollar sign).
    ///
    /// ```
    /// use oss_text::json::Grammar;
    /// assert_ne!(Grammar::RFC_8259.with_dollar_escape(), Grammar::RFC_8259);
    /// ```
    #[must_use]
    pub const fn with_dollar_escape(self) -> Self {
        Self {
            dollar_escape: true,
        }
    }
}

/// Which rule a text breaks.
///
/// ```
/// use oss_text::json::{ErrorKind, Grammar};
/// let err = Grammar::RFC_8259.parse(b"[1 2]").unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::ExpectedCommaOrBracket);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A byte the grammar does not allow where it stands, or the end of the text where
    /// something must follow (a value, a key, `:`, `,`, `}`).
    UnexpectedByte,
    /// After an array element: neither `,` nor `]`.
    ExpectedCommaOrBracket,
    /// A number that does not follow the grammar (`01` ends after `0`; `1.` is this).
    InvalidNumber,
    /// A string with a control character or bytes that are not UTF-8, or no closing quote.
    InvalidString,
    /// An unknown escape, a `\u` without four hex digits, or an unpaired surrogate.
    InvalidEscape,
    /// Arrays and objects nest deeper than [`MAX_DEPTH`].
    TooDeep,
    /// Something other than whitespace follows the value.
    TrailingContent,
}

impl ErrorKind {
    /// A short description.
    ///
    /// ```
    /// use oss_text::json::ErrorKind;
    /// assert_eq!(ErrorKind::TooDeep.describe(), "arrays and objects nest too deep");
    /// ```
    #[must_use]
    pub const fn describe(self) -> &'static str {
        match self {
            Self::UnexpectedByte => "unexpected character",
            Self::ExpectedCommaOrBracket => ", or ] expected",
            Self::InvalidNumber => "a number is malformed",
            Self::InvalidString => "a string is malformed",
            Self::InvalidEscape => "an escape is malformed",
            Self::TooDeep => "arrays and objects nest too deep",
            Self::TrailingContent => "content follows the value",
        }
    }
}

/// Text that is not JSON.
///
/// ```
/// use oss_text::json::{ErrorKind, Grammar};
/// let err = Grammar::RFC_8259.parse(b"[1,]").unwrap_err();
/// assert_eq!((err.kind(), err.offset()), (ErrorKind::UnexpectedByte, 3));
/// assert_eq!(err.to_string(), "unexpected character (at byte 3)");
/// ```
pub type SyntaxError = crate::SyntaxError<ErrorKind>;

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
}

#[cfg(test)]
mod tests;
