//! Entry points for the fuzz targets in `fuzz/`: the command line's own parsers and the
//! `callback serve` handler, callable without a process or a socket.
//!
//! For the fuzz targets only: this is not a stable interface, it is hidden from the docs
//! and changes whenever the command line does.

use oss_core::callback::verify::PublicKey;

use crate::callback::serve::{self, Mode, Received};
use crate::sign::address::{self, UrlOptions};
use crate::sign::request;

/// What `--url` was read as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UrlRead {
    /// `virtual-hosted`, `path-style`, `custom-domain` or `service`.
    pub addressing: &'static str,
    /// The bucket, if any.
    pub bucket: Option<String>,
    /// The object key, decoded once, if any.
    pub key: Option<Vec<u8>>,
    /// `scheme://host[:port]/path`, without user info, query or fragment.
    pub base: String,
    /// The query as sent, without `?`.
    pub query: String,
}

/// Reads `url` as `--url` with `--path-style`, `--bucket` and `--key` as given.
///
/// # Errors
/// The usage message `oss-doctor` prints (exit status 2).
pub fn url(
    url: &str,
    path_style: bool,
    bucket: Option<&str>,
    key: Option<&str>,
) -> Result<UrlRead, String> {
    let options = UrlOptions {
        path_style,
        bucket,
        key,
    };
    let address = address::parse(url, options)?;
    Ok(UrlRead {
        addressing: address.addressing.name(),
        key: address.key_bytes(),
        bucket: address.bucket,
        base: address.base,
        query: address.raw_query,
    })
}

/// Reads `--header 'Name: value'` (of `sign`, `presign`, `verify`).
///
/// # Errors
/// The usage message `oss-doctor` prints.
pub fn header(text: &str) -> Result<(String, String), String> {
    request::parse_header(text)
}

/// Reads `--query k=v` or `--query k` (of `sign`, `presign`, `verify`).
#[must_use]
pub fn query(text: &str) -> (String, String) {
    request::parse_query(text)
}

/// Reads a size such as `5GiB` (`multipart plan --size` and `--part-size`).
///
/// # Errors
/// The usage message `oss-doctor` prints.
pub fn size(text: &str) -> Result<u64, String> {
    crate::multipart::parse_size(text)
}

/// Reads one `crc64 --combine <CRC>:<LEN>` value.
///
/// # Errors
/// The usage message `oss-doctor` prints.
pub fn combine(text: &str) -> Result<(u64, u64), String> {
    crate::crc64::parse_part(text)
}

/// What `callback serve` (verifying with OSS's published key) answers and logs.
#[derive(Clone, Debug)]
pub struct Served {
    /// The HTTP status.
    pub status: u16,
    /// The reply body.
    pub body: String,
    /// The log entry as text.
    pub log_text: String,
    /// The log entry as a JSON line.
    pub log_json: String,
}

/// Runs the `callback serve` handler on one request: `method`, `target` (path and query),
/// the `Authorization`, `x-oss-pub-key-url` and `Content-Type` header values, and `body`.
#[must_use]
pub fn serve(
    method: &str,
    target: &str,
    authorization: &[u8],
    pub_key_url: &[u8],
    content_type: &[u8],
    body: &[u8],
) -> Served {
    let received = Received {
        method,
        target,
        authorization,
        pub_key_url,
        content_type,
        body,
    };
    let mode = Mode {
        enforce: true,
        json: false,
        also_trusted: &[],
    };
    let (status, answer, entry) = serve::judge(&received, &PublicKey::oss(), mode);
    Served {
        status: status.as_u16(),
        body: answer.to_string(),
        log_text: serve::log_line(false, &entry),
        log_json: serve::log_line(true, &entry),
    }
}
