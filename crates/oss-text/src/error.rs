//! The error both readers return: what is wrong, and where.

use core::fmt;

/// Text that is not well-formed: which rule it breaks (`K`, the format's kind of error)
/// and the byte offset where. [`xml::SyntaxError`](crate::xml::SyntaxError) and
/// [`json::SyntaxError`](crate::json::SyntaxError) name it for each format.
///
/// ```
/// use oss_text::json::{ErrorKind, Grammar};
/// let err = Grammar::RFC_8259.parse(b"{} x").unwrap_err();
/// assert_eq!((err.kind(), err.offset()), (ErrorKind::TrailingContent, 3));
/// assert_eq!(err.to_string(), "content follows the value (at byte 3)");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SyntaxError<K> {
    kind: K,
    offset: usize,
}

impl<K: Copy> SyntaxError<K> {
    pub(crate) const fn new(kind: K, offset: usize) -> Self {
        Self { kind, offset }
    }

    /// Which rule is broken.
    ///
    /// ```
    /// use oss_text::xml::{ErrorKind, Tokenizer};
    /// assert_eq!(Tokenizer::new("<a").next_token().unwrap_err().kind(), ErrorKind::UnexpectedEnd);
    /// ```
    #[must_use]
    pub const fn kind(self) -> K {
        self.kind
    }

    /// The byte offset in the input where the problem is (the input's length when it
    /// ends too early).
    ///
    /// ```
    /// use oss_text::xml::Tokenizer;
    /// assert_eq!(Tokenizer::new("<a").next_token().unwrap_err().offset(), 2);
    /// ```
    #[must_use]
    pub const fn offset(self) -> usize {
        self.offset
    }
}

impl<K: fmt::Display> fmt::Display for SyntaxError<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at byte {})", self.kind, self.offset)
    }
}

impl<K: fmt::Debug + fmt::Display> core::error::Error for SyntaxError<K> {}
