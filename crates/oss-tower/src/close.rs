//! Answering before the body is read.

use http::header::{CONNECTION, CONTENT_LENGTH, HeaderMap, HeaderValue, TRANSFER_ENCODING};
use http::request::Parts;

/// Marks a response sent before the request's body was read: for an HTTP/1 request that
/// carries a body, adds `Connection: close`, so the client opens a new connection for its
/// next request instead of writing it into one the server is about to close (HTTP/2
/// streams need nothing).
///
/// ```
/// let (parts, ()) = http::Request::put("/b/k").header("content-length", "65536").body(())?.into_parts();
/// let mut headers = http::HeaderMap::new();
/// oss_tower::close_unread(&parts, &mut headers);
/// assert_eq!(headers["connection"], "close");
/// # Ok::<(), http::Error>(())
/// ```
pub fn close_unread(parts: &Parts, headers: &mut HeaderMap) {
    let has_body = parts.headers.contains_key(TRANSFER_ENCODING)
        || parts
            .headers
            .get(CONTENT_LENGTH)
            .is_some_and(|length| length.as_bytes() != b"0");
    if has_body && parts.version <= http::Version::HTTP_11 {
        headers.insert(CONNECTION, HeaderValue::from_static("close"));
    }
}
