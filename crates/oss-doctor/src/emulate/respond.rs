//! Building the emulator's responses.

use http::header::{CONTENT_LENGTH, CONTENT_TYPE, ETAG, HeaderName, HeaderValue};
use http::{Method, Response, StatusCode};
use http_body_util::Full;
use hyper::body::Bytes;
use oss_core::errors::Error;
use oss_tower::{ErrorResponse, RequestId};

/// A response of the emulator.
pub(crate) type Reply = Response<Full<Bytes>>;

/// What every answer to one request needs: its id, method and the host OSS names.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Ctx<'a> {
    pub(crate) request_id: RequestId,
    pub(crate) method: &'a Method,
    pub(crate) host_id: &'a str,
}

impl Ctx<'_> {
    /// OSS's response for `error`.
    pub(crate) fn error(&self, error: impl Into<Error>) -> Reply {
        ErrorResponse::new(error.into(), self.request_id.as_str(), self.host_id)
            .into_response(self.method)
    }
}

/// A response with `status` and `body`.
pub(crate) fn body(
    status: StatusCode,
    content_type: &'static str,
    body: impl Into<Bytes>,
) -> Reply {
    let body = body.into();
    let mut response = Response::new(Full::new(Bytes::new()));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(CONTENT_LENGTH, HeaderValue::from(body.len()));
    if !body.is_empty() {
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    }
    *response.body_mut() = Full::new(body);
    response
}

/// An XML document (`200 OK`).
pub(crate) fn xml(document: String) -> Reply {
    body(StatusCode::OK, "application/xml", document)
}

/// An empty response with `status`.
pub(crate) fn empty(status: StatusCode) -> Reply {
    body(status, "", Bytes::new())
}

/// Adds a header whose value is known to be valid text.
pub(crate) fn set(reply: &mut Reply, name: &'static str, value: &str) {
    if let Ok(value) = HeaderValue::from_str(value) {
        reply
            .headers_mut()
            .insert(HeaderName::from_static(name), value);
    }
}

/// Adds the quoted ETag and the CRC-64 of the whole object.
pub(crate) fn set_object_digests(reply: &mut Reply, etag: &str, crc64: u64) {
    if let Ok(value) = HeaderValue::from_str(&format!("\"{etag}\"")) {
        reply.headers_mut().insert(ETAG, value);
    }
    set(reply, "x-oss-hash-crc64ecma", &crc64.to_string());
}

/// A failure of the emulator itself (a broken body, a disk error): 500, as OSS answers
/// its own failures.
pub(crate) fn internal(ctx: &Ctx<'_>) -> Reply {
    raw_error(
        ctx,
        StatusCode::INTERNAL_SERVER_ERROR,
        "InternalError",
        "The emulator could not complete the request (the body broke off or the disk failed).",
    )
}

/// An error document for a code the catalogue does not hold.
fn raw_error(ctx: &Ctx<'_>, status: StatusCode, code: &str, message: &str) -> Reply {
    let document = oss_core::errors::xml::ErrorDocument::new(
        code,
        message,
        ctx.request_id.as_str(),
        ctx.host_id,
    );
    let mut reply = body(status, "application/xml", document.to_string());
    set(&mut reply, "x-oss-request-id", ctx.request_id.as_str());
    reply
}

/// 416 InvalidRange: a range that starts past the object's end.
pub(crate) fn range_not_satisfiable(ctx: &Ctx<'_>) -> Reply {
    raw_error(
        ctx,
        StatusCode::RANGE_NOT_SATISFIABLE,
        "InvalidRange",
        "The requested range cannot be satisfied",
    )
}
