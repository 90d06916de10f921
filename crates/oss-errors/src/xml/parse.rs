//! Parsing an OSS error document, borrowing from the input and allocating nothing.

use oss_text::xml::Tokenizer;

use super::scan::{Item, Misc, next_item, skip_misc};
use super::text::XmlText;
use super::{XmlError, XmlErrorKind};
use crate::{Code, Error};

/// A parsed OSS error document: `<Error><Code/><Message/><RequestId/><HostId/>...</Error>`.
///
/// Every value borrows from the input and keeps its escaping (see [`XmlText`]). The
/// parser is tolerant where OSS's own pages are loose: whitespace around values, the
/// declaration written `<? xml version="1.0" ? >`, odd quotes in attributes, an end tag
/// in a different case (`</message>`), comments, CDATA, unknown and nested elements.
/// Only `<Code>` is required; the first occurrence of a repeated element wins.
///
/// The accessors give the body's values exactly as sent (no period added or dropped, no
/// EC the body lacks). [`ErrorXml::recognize`] is the catalogue's match, a separate
/// thing: its `Display` is the catalogue's wording, and [`Entry::ec`](crate::Entry::ec)
/// only a typical EC.
///
/// ```
/// use oss_errors::xml::ErrorXml;
/// use oss_errors::{Code, Entry};
///
/// let body = r#"<?xml version="1.0" encoding="UTF-8"?>
/// <Error>
///   <Code>InvalidArgument</Code>
///   <Message>The callback configuration is not json format.</Message>
///   <RequestId>587C79A3DD373E2676F73ECE</RequestId>
///   <HostId>bucket.oss-cn-hangzhou.aliyuncs.com</HostId>
///   <ArgumentName>callback</ArgumentName>
/// </Error>"#;
/// let doc = ErrorXml::parse(body)?;
/// assert_eq!(doc.code().raw(), "InvalidArgument");
/// assert_eq!(doc.argument_name().map(|t| t.raw()), Some("callback"));
/// assert_eq!(doc.recognize().map(|e| e.entry()), Some(Entry::CallbackNotJson));
/// # Ok::<(), oss_errors::xml::XmlError>(())
/// ```
///
/// With feature `serde` it serializes as an object of the elements it has, unescaped,
/// under `snake_case` names (`code`, `message`, `request_id`, `host_id`, `ec`,
/// `recommend_doc`, `argument_name`, `argument_value`, `header`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ErrorXml<'a> {
    #[cfg_attr(feature = "serde", serde(skip))]
    body: &'a str,
    code: XmlText<'a>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    message: Option<XmlText<'a>>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    request_id: Option<XmlText<'a>>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    host_id: Option<XmlText<'a>>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    ec: Option<XmlText<'a>>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    recommend_doc: Option<XmlText<'a>>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    argument_name: Option<XmlText<'a>>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    argument_value: Option<XmlText<'a>>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    header: Option<XmlText<'a>>,
}

/// The size of the stack buffer [`ErrorXml::recognize`] unescapes messages into.
const MESSAGE_BUFFER: usize = 1024;

impl<'a> ErrorXml<'a> {
    /// The elements read into their own accessors ([`ErrorXml::code`] and the rest);
    /// [`ErrorXml::fields`] yields these along with every other element.
    ///
    /// ```
    /// use oss_errors::xml::ErrorXml;
    /// let doc = ErrorXml::parse("<Error><Code>A</Code><StringToSign>GET</StringToSign></Error>")?;
    /// let others: Vec<&str> = doc
    ///     .fields()
    ///     .map(|(name, _)| name)
    ///     .filter(|name| !ErrorXml::STANDARD_ELEMENTS.contains(name))
    ///     .collect();
    /// assert_eq!(others, ["StringToSign"]);
    /// # Ok::<(), oss_errors::xml::XmlError>(())
    /// ```
    pub const STANDARD_ELEMENTS: [&'static str; 9] = [
        "Code",
        "Message",
        "RequestId",
        "HostId",
        "EC",
        "RecommendDoc",
        "ArgumentName",
        "ArgumentValue",
        "Header",
    ];

    /// Parses an error document.
    ///
    /// ```
    /// use oss_errors::xml::{ErrorXml, XmlErrorKind};
    /// let err = ErrorXml::parse("<Error><Message>no code</Message></Error>").unwrap_err();
    /// assert_eq!(err.kind(), XmlErrorKind::MissingCode);
    /// ```
    ///
    /// # Errors
    /// [`XmlError`] when the input is not an `<Error>` document with a `<Code>`, is cut
    /// short, has mismatched tags, or has content after the root element.
    pub fn parse(input: &'a str) -> Result<Self, XmlError> {
        let mut tokens = Tokenizer::lenient(input);
        let root = match skip_misc(&mut tokens)? {
            Misc::Start(root) => root,
            Misc::Other(at) if input[at..].starts_with('<') => {
                return Err(XmlError::new(XmlErrorKind::RootIsNotError, at));
            }
            Misc::Other(at) => return Err(XmlError::new(XmlErrorKind::NoRootElement, at)),
            Misc::End => return Err(XmlError::new(XmlErrorKind::NoRootElement, input.len())),
        };
        if !root.name().eq_ignore_ascii_case("Error") {
            let at = tokens.token_start();
            return Err(XmlError::new(XmlErrorKind::RootIsNotError, at));
        }
        let body_start = tokens.offset();
        let mut doc = Self {
            body: "",
            code: XmlText::new(""),
            message: None,
            request_id: None,
            host_id: None,
            ec: None,
            recommend_doc: None,
            argument_name: None,
            argument_value: None,
            header: None,
        };
        let mut code = None;
        while !root.is_empty() {
            match next_item(input, &mut tokens)? {
                Item::Child { name, content } => {
                    let slot = match name {
                        "Code" => &mut code,
                        "Message" => &mut doc.message,
                        "RequestId" => &mut doc.request_id,
                        "HostId" => &mut doc.host_id,
                        "EC" => &mut doc.ec,
                        "RecommendDoc" => &mut doc.recommend_doc,
                        "ArgumentName" => &mut doc.argument_name,
                        "ArgumentValue" => &mut doc.argument_value,
                        "Header" => &mut doc.header,
                        _ => continue,
                    };
                    slot.get_or_insert(XmlText::new(content));
                }
                Item::End { name, at } => {
                    if !name.eq_ignore_ascii_case(root.name()) {
                        return Err(XmlError::new(XmlErrorKind::MismatchedEndTag, at));
                    }
                    doc.body = &input[body_start..at];
                    break;
                }
                Item::Eof => return Err(XmlError::new(XmlErrorKind::UnexpectedEnd, input.len())),
            }
        }
        match skip_misc(&mut tokens)? {
            Misc::End => {}
            Misc::Start(_) => {
                let at = tokens.token_start();
                return Err(XmlError::new(XmlErrorKind::TrailingContent, at));
            }
            Misc::Other(at) => return Err(XmlError::new(XmlErrorKind::TrailingContent, at)),
        }
        doc.code = code.ok_or(XmlError::new(XmlErrorKind::MissingCode, body_start))?;
        Ok(doc)
    }

    /// `<Code>`.
    ///
    /// ```
    /// let doc = oss_errors::xml::ErrorXml::parse("<Error><Code> NoSuchKey </Code></Error>").unwrap();
    /// assert_eq!(doc.code().raw(), "NoSuchKey");
    /// ```
    #[must_use]
    pub const fn code(&self) -> XmlText<'a> {
        self.code
    }

    /// `<Message>`.
    ///
    /// ```
    /// let doc = oss_errors::xml::ErrorXml::parse("<Error><Code>A</Code></Error>").unwrap();
    /// assert_eq!(doc.message(), None);
    /// ```
    #[must_use]
    pub const fn message(&self) -> Option<XmlText<'a>> {
        self.message
    }

    /// `<RequestId>`.
    ///
    /// ```
    /// let doc = oss_errors::xml::ErrorXml::parse("<Error><Code>A</Code><RequestId>R1</RequestId></Error>").unwrap();
    /// assert_eq!(doc.request_id().map(|t| t.raw()), Some("R1"));
    /// ```
    #[must_use]
    pub const fn request_id(&self) -> Option<XmlText<'a>> {
        self.request_id
    }

    /// `<HostId>`.
    ///
    /// ```
    /// let doc = oss_errors::xml::ErrorXml::parse("<Error><Code>A</Code><HostId>h</HostId></Error>").unwrap();
    /// assert_eq!(doc.host_id().map(|t| t.raw()), Some("h"));
    /// ```
    #[must_use]
    pub const fn host_id(&self) -> Option<XmlText<'a>> {
        self.host_id
    }

    /// `<EC>`, the id of the error's troubleshooting page.
    ///
    /// ```
    /// let doc = oss_errors::xml::ErrorXml::parse("<Error><Code>A</Code><EC>0002-00000902</EC></Error>").unwrap();
    /// assert_eq!(doc.ec().map(|t| t.raw()), Some("0002-00000902"));
    /// ```
    #[must_use]
    pub const fn ec(&self) -> Option<XmlText<'a>> {
        self.ec
    }

    /// `<RecommendDoc>`, the troubleshooting URL.
    ///
    /// ```
    /// let doc = oss_errors::xml::ErrorXml::parse("<Error><Code>A</Code></Error>").unwrap();
    /// assert_eq!(doc.recommend_doc(), None);
    /// ```
    #[must_use]
    pub const fn recommend_doc(&self) -> Option<XmlText<'a>> {
        self.recommend_doc
    }

    /// `<ArgumentName>`.
    ///
    /// ```
    /// let doc = oss_errors::xml::ErrorXml::parse("<Error><Code>A</Code><ArgumentName>callback</ArgumentName></Error>").unwrap();
    /// assert_eq!(doc.argument_name().map(|t| t.raw()), Some("callback"));
    /// ```
    #[must_use]
    pub const fn argument_name(&self) -> Option<XmlText<'a>> {
        self.argument_name
    }

    /// `<ArgumentValue>`.
    ///
    /// ```
    /// let doc = oss_errors::xml::ErrorXml::parse("<Error><Code>A</Code><ArgumentValue>&lt;v&gt;</ArgumentValue></Error>").unwrap();
    /// assert!(doc.argument_value().unwrap().eq_text("<v>"));
    /// ```
    #[must_use]
    pub const fn argument_value(&self) -> Option<XmlText<'a>> {
        self.argument_value
    }

    /// `<Header>`, the request header an error such as `NotImplemented` is about.
    ///
    /// ```
    /// let doc = oss_errors::xml::ErrorXml::parse("<Error><Code>A</Code><Header>If-Modified-Since</Header></Error>").unwrap();
    /// assert_eq!(doc.header().map(|t| t.raw()), Some("If-Modified-Since"));
    /// ```
    #[must_use]
    pub const fn header(&self) -> Option<XmlText<'a>> {
        self.header
    }

    /// Every child element in document order, known or not (`StringToSign`,
    /// `OSSAccessKeyId`, `Detail` ...), as (name, value). A nested element's value is its
    /// raw inner XML.
    ///
    /// ```
    /// let doc = oss_errors::xml::ErrorXml::parse(
    ///     "<Error><Code>A</Code><StringToSign>GET\n\n</StringToSign></Error>").unwrap();
    /// let names: Vec<&str> = doc.fields().map(|(name, _)| name).collect();
    /// assert_eq!(names, ["Code", "StringToSign"]);
    /// ```
    #[must_use]
    pub const fn fields(&self) -> Fields<'a> {
        Fields {
            body: self.body,
            tokens: Tokenizer::lenient(self.body),
        }
    }

    /// The catalogue error this document reports, when its code and message are known
    /// (matching as [`Error::recognize`] does). Nothing is allocated: an escaped message
    /// is unescaped into a 1 KB stack buffer, and longer escaped messages are not matched.
    ///
    /// ```
    /// use oss_errors::{Entry, Error};
    /// let doc = oss_errors::xml::ErrorXml::parse(
    ///     "<Error><Code>CallbackFailed</Code><Message>Error status : 502.</Message></Error>").unwrap();
    /// assert_eq!(doc.recognize(), Some(Error::with_status(Entry::CallbackErrorStatus, 502)));
    /// ```
    #[must_use]
    pub fn recognize(&self) -> Option<Error> {
        let mut code_buf = [0u8; 64];
        let code = Code::from_name(self.code.text_in(&mut code_buf).ok()?)?;
        let mut buf = [0u8; MESSAGE_BUFFER];
        let message = self.message.map_or(Ok(""), |m| m.text_in(&mut buf)).ok()?;
        Error::recognize(code, message)
    }
}

/// The child elements of an [`ErrorXml`], from [`ErrorXml::fields`].
#[derive(Clone, Debug)]
pub struct Fields<'a> {
    body: &'a str,
    tokens: Tokenizer<'a>,
}

impl<'a> Iterator for Fields<'a> {
    type Item = (&'a str, XmlText<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        // The body was scanned without error by `ErrorXml::parse`, so this cannot fail.
        match next_item(self.body, &mut self.tokens) {
            Ok(Item::Child { name, content }) => Some((name, XmlText::new(content))),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Entry;

    const SEED_EXAMPLE: &str = "<? xml version=\"1.0\" ? >\n<Error xmlns=\u{201d}http://doc.oss-cn-hangzhou.aliyuncs.com\u{201d}>\n    <Code>\n        AccessDenied\n    </Code>\n    <Message>\n        Query-string authentication requires the Signature, Expires and OSSAccessKeyId parameters\n    </Message>\n    <RequestId>\n        1D842BC54255****\n    </RequestId>\n    <HostId>\n        oss-cn-hangzhou.aliyuncs.com\n    </HostId>\n</Error>";

    #[test]
    fn the_seed_example_with_its_odd_declaration_and_quotes() {
        let doc = ErrorXml::parse(SEED_EXAMPLE).unwrap();
        assert_eq!(doc.code().raw(), "AccessDenied");
        assert_eq!(
            doc.message().unwrap().raw(),
            "Query-string authentication requires the Signature, Expires and OSSAccessKeyId parameters"
        );
        assert_eq!(doc.request_id().unwrap().raw(), "1D842BC54255****");
        assert_eq!(doc.host_id().unwrap().raw(), "oss-cn-hangzhou.aliyuncs.com");
        assert_eq!(doc.fields().count(), 4);
    }

    #[test]
    fn a_different_case_in_the_end_tag() {
        let body = "<Error><Code>CallbackFailed</Code><Message> error status:-1 8.8.8.8: 9090 reply timeout, cost: 5000 MS, timeout: 5000 MS (Ernest-4, errno170) </message></Error>";
        let doc = ErrorXml::parse(body).unwrap();
        assert_eq!(
            doc.recognize().map(Error::entry),
            Some(Entry::CallbackReplyTimeout)
        );
    }

    #[test]
    fn every_standard_element_has_its_accessor() {
        let mut body = alloc::string::String::from("<Error>");
        for name in ErrorXml::STANDARD_ELEMENTS {
            body.push_str(&alloc::format!("<{name}>v</{name}>"));
        }
        body.push_str("</Error>");
        let doc = ErrorXml::parse(&body).unwrap();
        let accessors = [
            Some(doc.code()),
            doc.message(),
            doc.request_id(),
            doc.host_id(),
            doc.ec(),
            doc.recommend_doc(),
            doc.argument_name(),
            doc.argument_value(),
            doc.header(),
        ];
        for value in accessors {
            assert_eq!(value.map(XmlText::raw), Some("v"));
        }
    }

    #[test]
    fn values_are_the_body_s_not_the_catalogue_s() {
        let doc = ErrorXml::parse(
            "<Error><Code>NoSuchKey</Code><Message>The specified key does not exist</Message></Error>",
        )
        .unwrap();
        assert_eq!(
            doc.message().map(XmlText::raw),
            Some("The specified key does not exist")
        );
        assert_eq!(doc.ec(), None);
        let matched = doc.recognize().unwrap();
        assert_eq!(matched.entry(), Entry::NoSuchKey);
        assert_eq!(matched.entry().ec(), Some("0026-00000001"));
    }

    #[test]
    fn first_of_repeated_elements_wins() {
        let doc = ErrorXml::parse("<Error><Code>A</Code><Code>B</Code></Error>").unwrap();
        assert_eq!(doc.code().raw(), "A");
        assert_eq!(doc.fields().count(), 2);
    }

    #[test]
    fn rejections() {
        for (input, kind) in [
            ("", XmlErrorKind::NoRootElement),
            ("just text", XmlErrorKind::NoRootElement),
            (
                "<Other><Code>A</Code></Other>",
                XmlErrorKind::RootIsNotError,
            ),
            ("<Error/>", XmlErrorKind::MissingCode),
            ("<Error><Code>A</Code>", XmlErrorKind::UnexpectedEnd),
            ("<Error><Code>A</Error>", XmlErrorKind::MismatchedEndTag),
            (
                "<Error><Code>A</Code></Error>junk",
                XmlErrorKind::TrailingContent,
            ),
            (
                "<Error><Code>A</Code><!-- open",
                XmlErrorKind::UnexpectedEnd,
            ),
        ] {
            assert_eq!(
                ErrorXml::parse(input).map(|_| ()).unwrap_err().kind(),
                kind,
                "{input}"
            );
        }
    }

    #[test]
    fn error_offsets_point_into_the_input() {
        let input = "<Error><Code>A</Code><Bad</Error>";
        let err = ErrorXml::parse(input).unwrap_err();
        assert!(err.offset() <= input.len());
        assert_eq!(err.kind(), XmlErrorKind::MalformedTag);
    }

    #[test]
    fn byte_order_mark_and_trailing_comment() {
        let doc = ErrorXml::parse("\u{feff}<Error><Code>A</Code></Error>\n<!-- end -->\n").unwrap();
        assert_eq!(doc.code().raw(), "A");
    }
}
