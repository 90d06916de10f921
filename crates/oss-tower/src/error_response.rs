//! An OSS error as the HTTP response OSS sends.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use bytes::Bytes;
use http::header::{CONTENT_LENGTH, CONTENT_TYPE, HeaderValue};
use http::{Method, Response, StatusCode};
use http_body_util::Full;
use oss_errors::Error;
use oss_errors::xml::ErrorDocument;

use crate::request_id::REQUEST_ID_HEADER;

/// The header OSS puts the EC (error-center id) in.
pub const EC_HEADER: &str = "x-oss-ec";
/// The header that carries the base64 error document when the body must stay empty (HEAD).
pub const ERR_HEADER: &str = "x-oss-err";

/// Builds the response OSS sends for an error: its status, `Content-Type:
/// application/xml`, `x-oss-request-id`, `x-oss-ec` when the EC is known, and the XML
/// error document as the body; for a HEAD request the body stays empty and the document
/// travels base64-encoded in `x-oss-err`, as OSS does.
///
/// ```
/// use oss_errors::Entry;
/// use oss_tower::ErrorResponse;
/// let response = ErrorResponse::new(Entry::NoSuchKey.into(), "5C3D9175B6FC201293AD4890", "bucket.example.com")
///     .into_response(&http::Method::GET);
/// assert_eq!(response.status(), 404);
/// assert_eq!(response.headers()["x-oss-ec"], "0026-00000001");
/// assert_eq!(response.headers()["content-type"], "application/xml");
/// ```
#[derive(Clone, Copy, Debug)]
#[must_use]
pub struct ErrorResponse<'a> {
    error: Error,
    request_id: &'a str,
    host_id: &'a str,
    message: Option<&'a str>,
    argument_value: Option<&'a str>,
    header: Option<&'a str>,
    extra: &'a [(&'a str, &'a str)],
}

impl<'a> ErrorResponse<'a> {
    /// The response for `error`, with the catalogue's message, ArgumentName and EC, and
    /// the troubleshooting link OSS gives with an EC.
    pub const fn new(error: Error, request_id: &'a str, host_id: &'a str) -> Self {
        Self {
            error,
            request_id,
            host_id,
            message: None,
            argument_value: None,
            header: None,
            extra: &[],
        }
    }

    /// Replaces the catalogue's message (for a message OSS completes, such as a policy
    /// condition quoted after "Invalid according to Policy: Policy Condition failed:").
    pub const fn with_message(mut self, message: &'a str) -> Self {
        self.message = Some(message);
        self
    }

    /// Adds elements after the standard ones (for example `StringToSign` on a signature
    /// mismatch, or `Key` and `BucketName`). Names that are not plain XML names are left
    /// out.
    pub const fn with_extra(mut self, extra: &'a [(&'a str, &'a str)]) -> Self {
        self.extra = extra;
        self
    }

    /// Sets `<ArgumentValue>` (the value an InvalidArgument refers to).
    pub const fn with_argument_value(mut self, value: &'a str) -> Self {
        self.argument_value = Some(value);
        self
    }

    /// Sets `<Header>` (the header a request was refused for).
    pub const fn with_header(mut self, header: &'a str) -> Self {
        self.header = Some(header);
        self
    }

    fn document(&self, extra: &'a [(&'a str, &'a str)]) -> ErrorDocument<'a> {
        let entry = self.error.entry();
        let mut document = match self.message {
            Some(message) => {
                let mut document = ErrorDocument::new(
                    self.error.code().as_str(),
                    message,
                    self.request_id,
                    self.host_id,
                );
                if let Some(ec) = entry.ec() {
                    document = document.with_ec(ec);
                }
                document
            }
            None => ErrorDocument::for_error(self.error, self.request_id, self.host_id),
        };
        if let (Some(name), Some(value)) = (entry.argument_name(), self.argument_value) {
            document = document.with_argument(name, value);
        }
        if let Some(header) = self.header {
            document = document.with_header(header);
        }
        document.with_extra(extra).with_troubleshoot_link()
    }

    /// The error document's XML text.
    #[must_use]
    pub fn xml(&self) -> String {
        let mut xml = String::with_capacity(512);
        if self.document(self.extra).render(&mut xml).is_err() {
            xml.clear();
            // Rendering into a String fails only on an extra element's name.
            let _ = self.document(&[]).render(&mut xml);
        }
        xml
    }

    /// The response to a request with `method`.
    #[must_use]
    pub fn into_response(self, method: &Method) -> Response<Full<Bytes>> {
        let xml = self.xml();
        let status =
            StatusCode::from_u16(self.error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = Response::new(Full::new(Bytes::new()));
        *response.status_mut() = status;
        let headers = response.headers_mut();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/xml"));
        if let Ok(id) = HeaderValue::from_str(self.request_id) {
            headers.insert(REQUEST_ID_HEADER, id);
        }
        if let Some(ec) = self.error.entry().ec() {
            headers.insert(EC_HEADER, HeaderValue::from_static(ec));
        }
        headers.insert(CONTENT_LENGTH, HeaderValue::from(xml.len()));
        if method == Method::HEAD {
            if let Ok(encoded) = HeaderValue::from_str(&STANDARD.encode(&xml)) {
                headers.insert(ERR_HEADER, encoded);
            }
        } else {
            *response.body_mut() = Full::new(Bytes::from(xml));
        }
        response
    }
}
