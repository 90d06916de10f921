//! The value of an element, borrowed raw from the document and unescaped on demand.

use core::fmt;

use oss_text::xml::{
    BufferTooSmall, needs_unescape, trim_space, unescape, unescape_in, unescaped_eq,
};

/// The raw (still escaped) text of an element, with surrounding whitespace trimmed.
///
/// `Display` writes the unescaped text; [`XmlText::raw`] gives the bytes as they stand in
/// the document.
///
/// ```
/// use oss_errors::xml::ErrorXml;
/// let doc = ErrorXml::parse("<Error><Code>A</Code><Message> a &amp; b </Message></Error>").unwrap();
/// let message = doc.message().unwrap();
/// assert_eq!(message.raw(), "a &amp; b");
/// assert_eq!(message.to_string(), "a & b");
/// assert!(message.eq_text("a & b"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct XmlText<'a> {
    raw: &'a str,
}

impl<'a> XmlText<'a> {
    /// Wraps raw element content, trimming XML whitespace around it.
    pub(crate) fn new(raw: &'a str) -> Self {
        Self {
            raw: trim_space(raw),
        }
    }

    /// The text as it stands in the document, entity references and all.
    ///
    /// ```
    /// use oss_errors::xml::ErrorXml;
    /// let doc = ErrorXml::parse("<Error><Code>A&lt;</Code></Error>").unwrap();
    /// assert_eq!(doc.code().raw(), "A&lt;");
    /// ```
    #[must_use]
    pub const fn raw(self) -> &'a str {
        self.raw
    }

    /// Whether the text needs unescaping at all (it holds a reference or a CDATA section).
    ///
    /// ```
    /// use oss_errors::xml::ErrorXml;
    /// let doc = ErrorXml::parse("<Error><Code>A</Code></Error>").unwrap();
    /// assert!(!doc.code().is_escaped());
    /// ```
    #[must_use]
    pub fn is_escaped(self) -> bool {
        needs_unescape(self.raw)
    }

    /// The unescaped text, without allocating: borrowed when nothing needs unescaping,
    /// otherwise written into `buf`.
    ///
    /// ```
    /// use oss_errors::xml::ErrorXml;
    /// let doc = ErrorXml::parse("<Error><Code>&quot;A&quot;</Code></Error>").unwrap();
    /// let mut buf = [0u8; 16];
    /// assert_eq!(doc.code().text_in(&mut buf), Ok("\"A\""));
    /// ```
    ///
    /// # Errors
    /// [`BufferTooSmall`] when the text needs unescaping and does not fit into `buf`
    /// (a buffer of `raw().len()` bytes is always enough).
    pub fn text_in<'b>(self, buf: &'b mut [u8]) -> Result<&'b str, BufferTooSmall>
    where
        'a: 'b,
    {
        unescape_in(self.raw, buf)
    }

    /// Whether the unescaped text equals `text`, compared without allocating.
    ///
    /// ```
    /// use oss_errors::xml::ErrorXml;
    /// let doc = ErrorXml::parse("<Error><Code>a&amp;b</Code></Error>").unwrap();
    /// assert!(doc.code().eq_text("a&b"));
    /// assert!(!doc.code().eq_text("a&amp;b"));
    /// ```
    #[must_use]
    pub fn eq_text(self, text: &str) -> bool {
        unescaped_eq(self.raw, text)
    }

    /// The unescaped text, borrowed when nothing needs unescaping.
    ///
    /// ```
    /// use oss_errors::xml::ErrorXml;
    /// let doc = ErrorXml::parse("<Error><Code>a&amp;b</Code></Error>").unwrap();
    /// assert_eq!(doc.code().to_cow(), "a&b");
    /// ```
    #[cfg(feature = "alloc")]
    #[must_use]
    pub fn to_cow(self) -> alloc::borrow::Cow<'a, str> {
        super::unescape::unescape_to_cow(self.raw)
    }
}

/// The unescaped text, as `Display` writes it (feature `serde`).
#[cfg(feature = "serde")]
impl serde::Serialize for XmlText<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl fmt::Display for XmlText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        unescape(self.raw, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_only_xml_whitespace() {
        assert_eq!(XmlText::new("\n  a b \r\n").raw(), "a b");
        assert_eq!(XmlText::new("&#32;a&#32;").raw(), "&#32;a&#32;");
    }

    #[test]
    fn comparison_needs_the_whole_text() {
        let text = XmlText::new("a&lt;b");
        assert!(text.eq_text("a<b"));
        assert!(!text.eq_text("a<"));
        assert!(!text.eq_text("a<bc"));
    }

    #[test]
    fn small_buffers() {
        let mut buf = [0u8; 2];
        assert_eq!(
            XmlText::new("plain text").text_in(&mut buf),
            Ok("plain text")
        );
        assert!(XmlText::new("&lt;&lt;&lt;").text_in(&mut buf).is_err());
    }
}
