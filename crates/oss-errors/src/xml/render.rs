//! Rendering an OSS error document into any `fmt::Write`, allocating nothing.

use core::fmt::{self, Write};

use super::escape::{escape, escape_part, is_element_name};
use crate::Error;

/// Where the `<Message>` text comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Message<'a> {
    Text(&'a str),
    Error(Error),
}

/// The troubleshooting page OSS links from `<RecommendDoc>`, followed by the EC id.
pub const TROUBLESHOOT_URL: &str = "https://api.aliyun.com/troubleshoot?q=";

/// An OSS error document to render: the body a server sends with a failed request.
///
/// Elements come out in the order OSS uses: `Code`, `Message`, `RequestId`, `HostId`,
/// `ArgumentName`, `ArgumentValue`, `Header`, the further elements, `EC`,
/// `RecommendDoc`. Values are escaped (see [`escape`](super::escape)).
///
/// ```
/// use oss_errors::{Entry, Error};
/// use oss_errors::xml::ErrorDocument;
///
/// let doc = ErrorDocument::for_error(Error::from(Entry::CallbackNotBase64), "5C3D9175B6FC201293AD4890", "bucket.oss-cn-hangzhou.aliyuncs.com")
///     .with_argument_value("not base64!")
///     .with_troubleshoot_link();
/// let mut body = String::new();
/// doc.render(&mut body).unwrap();
/// assert!(body.contains("<Code>InvalidArgument</Code>"));
/// assert!(body.contains("<ArgumentName>callback</ArgumentName>"));
/// assert!(body.contains("<EC>0007-00000002</EC>"));
/// assert!(body.contains("<RecommendDoc>https://api.aliyun.com/troubleshoot?q=0007-00000002</RecommendDoc>"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[must_use]
pub struct ErrorDocument<'a> {
    code: &'a str,
    message: Message<'a>,
    request_id: &'a str,
    host_id: &'a str,
    argument_name: Option<&'a str>,
    argument_value: Option<&'a str>,
    header: Option<&'a str>,
    extra: &'a [(&'a str, &'a str)],
    ec: Option<&'a str>,
    recommend_doc: Option<&'a str>,
    troubleshoot_link: bool,
}

impl<'a> ErrorDocument<'a> {
    /// A document with the four elements every OSS error carries.
    ///
    /// ```
    /// use oss_errors::xml::ErrorDocument;
    /// let doc = ErrorDocument::new("NoSuchKey", "The specified key does not exist.", "R1", "h");
    /// assert!(doc.to_string().contains("<RequestId>R1</RequestId>"));
    /// ```
    pub const fn new(
        code: &'a str,
        message: &'a str,
        request_id: &'a str,
        host_id: &'a str,
    ) -> Self {
        Self {
            code,
            message: Message::Text(message),
            request_id,
            host_id,
            argument_name: None,
            argument_value: None,
            header: None,
            extra: &[],
            ec: None,
            recommend_doc: None,
            troubleshoot_link: false,
        }
    }

    /// The document OSS sends for `error`: its code and message, and the ArgumentName and
    /// EC the catalogue knows for its entry.
    ///
    /// ```
    /// use oss_errors::{Entry, Error};
    /// use oss_errors::xml::ErrorDocument;
    /// let doc = ErrorDocument::for_error(Error::with_status(Entry::CallbackErrorStatus, 301), "R", "h");
    /// assert!(doc.to_string().contains("<Message>Error status : 301.</Message>"));
    /// ```
    pub const fn for_error(error: Error, request_id: &'a str, host_id: &'a str) -> Self {
        let entry = error.entry();
        Self {
            code: error.code().as_str(),
            message: Message::Error(error),
            argument_name: entry.argument_name(),
            ec: entry.ec(),
            ..Self::new("", "", request_id, host_id)
        }
    }

    /// Sets `<ArgumentName>` and `<ArgumentValue>`.
    ///
    /// ```
    /// use oss_errors::xml::ErrorDocument;
    /// let doc = ErrorDocument::new("InvalidArgument", "m", "R", "h").with_argument("x-oss-traffic-limit", "1");
    /// assert!(doc.to_string().contains("<ArgumentValue>1</ArgumentValue>"));
    /// ```
    pub const fn with_argument(self, name: &'a str, value: &'a str) -> Self {
        Self {
            argument_name: Some(name),
            argument_value: Some(value),
            ..self
        }
    }

    /// Sets `<ArgumentValue>`, keeping the ArgumentName (from the catalogue, for example).
    ///
    /// ```
    /// use oss_errors::xml::ErrorDocument;
    /// let doc = ErrorDocument::new("InvalidArgument", "m", "R", "h").with_argument_value("<v>");
    /// assert!(doc.to_string().contains("<ArgumentValue>&lt;v&gt;</ArgumentValue>"));
    /// ```
    pub const fn with_argument_value(self, value: &'a str) -> Self {
        Self {
            argument_value: Some(value),
            ..self
        }
    }

    /// Sets `<Header>`, the request header the error is about.
    ///
    /// ```
    /// use oss_errors::xml::ErrorDocument;
    /// let doc = ErrorDocument::new("NotImplemented", "m", "R", "h").with_header("If-Modified-Since");
    /// assert!(doc.to_string().contains("<Header>If-Modified-Since</Header>"));
    /// ```
    pub const fn with_header(self, header: &'a str) -> Self {
        Self {
            header: Some(header),
            ..self
        }
    }

    /// Adds further elements, as (name, text), after the standard ones. Names must be
    /// plain ASCII XML names (`StringToSign`, `OSSAccessKeyId` ...).
    ///
    /// ```
    /// use oss_errors::xml::ErrorDocument;
    /// let doc = ErrorDocument::new("SignatureDoesNotMatch", "m", "R", "h")
    ///     .with_extra(&[("StringToSign", "GET\n\n\n0\n/b/k")]);
    /// assert!(doc.to_string().contains("<StringToSign>GET"));
    /// ```
    pub const fn with_extra(self, extra: &'a [(&'a str, &'a str)]) -> Self {
        Self { extra, ..self }
    }

    /// Sets `<EC>`.
    ///
    /// ```
    /// use oss_errors::xml::ErrorDocument;
    /// let doc = ErrorDocument::new("NoSuchKey", "m", "R", "h").with_ec("0026-00000001");
    /// assert!(doc.to_string().contains("<EC>0026-00000001</EC>"));
    /// ```
    pub const fn with_ec(self, ec: &'a str) -> Self {
        Self {
            ec: Some(ec),
            ..self
        }
    }

    /// Sets `<RecommendDoc>` to `url`.
    ///
    /// ```
    /// use oss_errors::xml::ErrorDocument;
    /// let doc = ErrorDocument::new("A", "m", "R", "h").with_recommend_doc("https://example.com/doc");
    /// assert!(doc.to_string().contains("<RecommendDoc>https://example.com/doc</RecommendDoc>"));
    /// ```
    pub const fn with_recommend_doc(self, url: &'a str) -> Self {
        Self {
            recommend_doc: Some(url),
            troubleshoot_link: false,
            ..self
        }
    }

    /// Sets `<RecommendDoc>` to OSS's troubleshooting page for the EC, as OSS does
    /// ([`TROUBLESHOOT_URL`] followed by the EC); nothing is written without an EC.
    ///
    /// ```
    /// use oss_errors::xml::ErrorDocument;
    /// let doc = ErrorDocument::new("A", "m", "R", "h").with_ec("0002-00000902").with_troubleshoot_link();
    /// assert!(doc.to_string().contains("troubleshoot?q=0002-00000902</RecommendDoc>"));
    /// ```
    pub const fn with_troubleshoot_link(self) -> Self {
        Self {
            recommend_doc: None,
            troubleshoot_link: true,
            ..self
        }
    }

    /// Writes the document, with an XML declaration, one element per line.
    ///
    /// ```
    /// use oss_errors::xml::ErrorDocument;
    /// let mut out = String::new();
    /// ErrorDocument::new("A", "m", "R", "h").render(&mut out).unwrap();
    /// assert!(out.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>A</Code>"));
    /// ```
    ///
    /// # Errors
    /// The errors of `out`, and `fmt::Error` when a further element's name is not a
    /// plain XML name.
    pub fn render<W: Write + ?Sized>(&self, out: &mut W) -> fmt::Result {
        if !self.extra.iter().all(|(name, _)| is_element_name(name)) {
            return Err(fmt::Error);
        }
        out.write_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n")?;
        element(out, "Code", self.code)?;
        out.write_str("  <Message>")?;
        match self.message {
            Message::Text(text) => escape(text, out)?,
            Message::Error(error) => {
                let (before, status, after) = error.message_parts();
                escape_part(before, out, true, status.is_none() && after.is_empty())?;
                if let Some(status) = status {
                    write!(out, "{status}")?;
                    escape_part(after, out, false, true)?;
                }
            }
        }
        out.write_str("</Message>\n")?;
        element(out, "RequestId", self.request_id)?;
        element(out, "HostId", self.host_id)?;
        optional_element(out, "ArgumentName", self.argument_name)?;
        optional_element(out, "ArgumentValue", self.argument_value)?;
        optional_element(out, "Header", self.header)?;
        for (name, value) in self.extra {
            element(out, name, value)?;
        }
        optional_element(out, "EC", self.ec)?;
        match (self.recommend_doc, self.troubleshoot_link, self.ec) {
            (Some(url), _, _) => element(out, "RecommendDoc", url)?,
            (None, true, Some(ec)) => {
                out.write_str("  <RecommendDoc>")?;
                out.write_str(TROUBLESHOOT_URL)?;
                escape(ec, out)?;
                out.write_str("</RecommendDoc>\n")?;
            }
            _ => {}
        }
        out.write_str("</Error>\n")
    }
}

fn element<W: Write + ?Sized>(out: &mut W, name: &str, value: &str) -> fmt::Result {
    out.write_str("  <")?;
    out.write_str(name)?;
    out.write_str(">")?;
    escape(value, out)?;
    out.write_str("</")?;
    out.write_str(name)?;
    out.write_str(">\n")
}

fn optional_element<W: Write + ?Sized>(
    out: &mut W,
    name: &str,
    value: Option<&str>,
) -> fmt::Result {
    value.map_or(Ok(()), |value| element(out, name, value))
}

impl fmt::Display for ErrorDocument<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.render(f)
    }
}

#[cfg(test)]
mod tests {
    use alloc::string::{String, ToString};

    use super::*;
    use crate::Entry;

    #[test]
    fn the_seed_sample_response() {
        let doc = ErrorDocument::new(
            "NotImplemented",
            "A header you provided implies functionality that is not implemented. ",
            "57ABD896CCB80C366955****",
            "bucketname.oss-cn-shanghai.aliyuncs.com",
        )
        .with_header("If-Modified-Since");
        assert_eq!(
            doc.to_string(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>NotImplemented</Code>\n  <Message>A header you provided implies functionality that is not implemented.&#32;</Message>\n  <RequestId>57ABD896CCB80C366955****</RequestId>\n  <HostId>bucketname.oss-cn-shanghai.aliyuncs.com</HostId>\n  <Header>If-Modified-Since</Header>\n</Error>\n"
        );
    }

    #[test]
    fn catalogue_fields_come_from_the_entry() {
        let text = ErrorDocument::for_error(Error::from(Entry::PartNumberOutOfRange), "R", "h")
            .to_string();
        assert!(text.contains("<Code>InvalidArgument</Code>"));
        assert!(text.contains("<ArgumentName>PartNumber</ArgumentName>"));
        assert!(text.contains("<EC>0017-00000220</EC>"));
        assert!(!text.contains("RecommendDoc"));
    }

    #[test]
    fn template_spaces_are_not_escaped() {
        let text =
            ErrorDocument::for_error(Error::with_status(Entry::CallbackErrorStatus, -1), "R", "h")
                .to_string();
        assert!(text.contains("<Message>Error status : -1.</Message>"));
    }

    #[test]
    fn bad_extra_names_fail() {
        let mut out = String::new();
        let doc = ErrorDocument::new("A", "m", "R", "h").with_extra(&[("a b", "v")]);
        assert_eq!(doc.render(&mut out), Err(fmt::Error));
        assert!(out.is_empty());
    }

    #[test]
    fn troubleshoot_link_needs_an_ec() {
        let text = ErrorDocument::new("A", "m", "R", "h")
            .with_troubleshoot_link()
            .to_string();
        assert!(!text.contains("RecommendDoc"));
    }
}
