//! How OSS judges the application server's reply to a callback (HTTP 203 CallbackFailed).

use core::time::Duration;

use oss_errors::{Entry, Error};
use oss_naming::parse_decimal;

use crate::limits::Limits;
use oss_text::json::Grammar;

/// The UTF-8 byte-order mark, which some servers (often PHP) put before their JSON.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The application server's reply to a callback, as OSS received it.
///
/// ```
/// use core::time::Duration;
/// use oss_callback::CallbackReply;
/// let reply = CallbackReply::new(200, br#"{"Status":"OK"}"#)
///     .with_content_length(b"15")
///     .with_elapsed(Duration::from_millis(30));
/// assert!(reply.check().is_ok());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct CallbackReply<'a> {
    /// The HTTP status code.
    pub status: u16,
    /// The raw `Content-Length` header value, if the reply had one.
    pub content_length: Option<&'a [u8]>,
    /// The body bytes.
    pub body: &'a [u8],
    /// How long the reply took, from sending the callback to the end of the body.
    pub elapsed: Duration,
}

impl<'a> CallbackReply<'a> {
    /// A reply with `status` and `body`, no `Content-Length`, and no time taken.
    ///
    /// ```
    /// # use oss_callback::CallbackReply;
    /// assert_eq!(CallbackReply::new(200, b"{}").content_length, None);
    /// ```
    #[must_use]
    pub const fn new(status: u16, body: &'a [u8]) -> Self {
        Self {
            status,
            content_length: None,
            body,
            elapsed: Duration::ZERO,
        }
    }

    /// Sets the raw `Content-Length` header value.
    ///
    /// ```
    /// # use oss_callback::CallbackReply;
    /// let reply = CallbackReply::new(200, b"{}").with_content_length(b"2");
    /// assert_eq!(reply.content_length, Some(&b"2"[..]));
    /// ```
    #[must_use]
    pub const fn with_content_length(mut self, value: &'a [u8]) -> Self {
        self.content_length = Some(value);
        self
    }

    /// Sets how long the reply took.
    ///
    /// ```
    /// # use oss_callback::CallbackReply;
    /// # use core::time::Duration;
    /// let reply = CallbackReply::new(200, b"{}").with_elapsed(Duration::from_secs(6));
    /// assert_eq!(reply.check().unwrap_err().to_string(), "Cost too long time.");
    /// ```
    #[must_use]
    pub const fn with_elapsed(mut self, elapsed: Duration) -> Self {
        self.elapsed = elapsed;
        self
    }

    /// The bytes OSS reads and judges: the first `Content-Length` bytes when the body is
    /// longer than that (OSS reads no further), otherwise the whole body. A body shorter
    /// than `Content-Length` is judged whole: a live OSS would wait for the missing bytes
    /// and may time out, which [`CallbackReply::elapsed`] expresses.
    ///
    /// ```
    /// # use oss_callback::CallbackReply;
    /// let reply = CallbackReply::new(200, b"{}trailing junk").with_content_length(b"2");
    /// assert_eq!(reply.read_body(), b"{}");
    /// assert!(reply.check().is_ok());
    /// ```
    #[must_use]
    pub fn read_body(&self) -> &'a [u8] {
        let declared = match self.content_length.map(parse_content_length) {
            Some(ContentLength::Positive(n)) => usize::try_from(n).ok(),
            _ => None,
        };
        declared
            .and_then(|n| self.body.get(..n))
            .unwrap_or(self.body)
    }

    /// Judges the reply as OSS does, with the seeds' limits (5 s, 1 MB).
    ///
    /// # Errors
    /// See [`CallbackReply::check_with`].
    ///
    /// ```
    /// # use oss_callback::CallbackReply;
    /// let err = CallbackReply::new(404, b"{}").with_content_length(b"2").check().unwrap_err();
    /// assert_eq!(err.to_string(), "Error status : 404.");
    /// assert_eq!(err.status(), 203);
    /// ```
    pub fn check(&self) -> Result<(), Error> {
        self.check_with(&Limits::DEFAULT)
    }

    /// Judges the reply as OSS does. Every failure is `CallbackFailed` with HTTP 203 (the
    /// object is stored all the same).
    ///
    /// # Errors
    /// The first that applies, in this order:
    /// 1. slower than the timeout → "Cost too long time.";
    /// 2. status other than 200 → `"Error status : <N>."` with the status (see `Error::reported_status`);
    /// 3. no `Content-Length` → "Error Status : 400.User server missing content-length.";
    /// 4. `Content-Length` not a positive decimal integer → "Error Status : 400.User server
    ///    return invalid conent-length value.";
    /// 5. `Content-Length` over the body limit (1 MB) → "Error Status : 400.User server
    ///    return too long content-length value.";
    /// 6. the body OSS read (see [`CallbackReply::read_body`]: at most `Content-Length`
    ///    bytes) starts with a UTF-8 BOM or is not one JSON value → "Response body is not
    ///    valid json format.".
    ///
    /// ```
    /// use oss_callback::{CallbackReply, Limits};
    /// let bom = b"\xEF\xBB\xBF{\"Status\":\"OK\"}";
    /// let err = CallbackReply::new(200, bom).with_content_length(b"18").check_with(&Limits::DEFAULT).unwrap_err();
    /// assert_eq!(err.to_string(), "Response body is not valid json format.");
    /// ```
    pub fn check_with(&self, limits: &Limits) -> Result<(), Error> {
        if self.elapsed > limits.response_timeout() {
            return Err(Entry::CallbackTimeout.into());
        }
        if self.status != 200 {
            return Err(Error::with_status(
                Entry::CallbackErrorStatus,
                i32::from(self.status),
            ));
        }
        let length = self
            .content_length
            .ok_or(Entry::CallbackMissingContentLength)?;
        match parse_content_length(length) {
            ContentLength::Invalid => return Err(Entry::CallbackInvalidContentLength.into()),
            ContentLength::Positive(n) if n <= limits.max_response_body() => {}
            ContentLength::Positive(_) | ContentLength::Huge => {
                return Err(Entry::CallbackResponseTooLong.into());
            }
        }
        let read = self.read_body();
        if read.starts_with(UTF8_BOM) || !Grammar::RFC_8259.is_json(read) {
            return Err(Entry::CallbackResponseNotJson.into());
        }
        Ok(())
    }
}

/// The error OSS reports when it cannot connect to any callback URL.
///
/// ```
/// let err = oss_callback::connect_failed();
/// assert_eq!(err.to_string(), "Error Status : -1.OSS can not connect to your callbackUrl, please check it.");
/// assert_eq!(err.status(), 203);
/// ```
#[must_use]
pub fn connect_failed() -> Error {
    Entry::CallbackConnectFailed.into()
}

/// `true` when `bytes` is exactly one JSON value (RFC 8259) with optional surrounding
/// whitespace; a UTF-8 BOM is not whitespace. Nesting deeper than 1000 levels is refused.
/// Allocates nothing.
///
/// ```
/// use oss_callback::is_json;
/// assert!(is_json(br#"{"Status":"OK"}"#));
/// assert!(!is_json(b"OK"));
/// assert!(!is_json(b"\xEF\xBB\xBF{}"));
/// ```
#[must_use]
pub fn is_json(bytes: &[u8]) -> bool {
    Grammar::RFC_8259.is_json(bytes)
}

enum ContentLength {
    Positive(u64),
    /// Digits only, but beyond `u64`.
    Huge,
    Invalid,
}

/// Reads a `Content-Length` value: decimal digits (surrounding spaces allowed), above zero.
fn parse_content_length(value: &[u8]) -> ContentLength {
    let value = value.trim_ascii();
    if value.is_empty() || !value.iter().all(u8::is_ascii_digit) {
        return ContentLength::Invalid;
    }
    match parse_decimal(value) {
        Some(0) => ContentLength::Invalid,
        Some(n) => ContentLength::Positive(n),
        None => ContentLength::Huge,
    }
}

#[cfg(test)]
mod tests {
    use std::prelude::rust_2024::*;

    use super::*;

    fn judge(status: u16, length: Option<&str>, body: &[u8], millis: u64) -> &'static str {
        let mut reply =
            CallbackReply::new(status, body).with_elapsed(Duration::from_millis(millis));
        if let Some(length) = length {
            reply = reply.with_content_length(length.as_bytes());
        }
        match reply.check() {
            Ok(()) => "ok",
            Err(err) => err.entry().message(),
        }
    }

    #[test]
    fn applies_the_seed_rules_in_order() {
        let ok = br#"{"a":"b"}"#;
        assert_eq!(judge(200, Some("9"), ok, 10), "ok");
        assert_eq!(judge(200, Some("9"), ok, 5001), "Cost too long time.");
        assert_eq!(judge(502, None, b"", 6000), "Cost too long time.");
        assert_eq!(judge(201, Some("9"), ok, 0), "Error status : <N>.");
        assert_eq!(
            judge(200, None, ok, 0),
            "Error Status : 400.User server missing content-length."
        );
        for bad in ["", "0", "-9", "+9", "9a", "0x10", "1.5"] {
            assert_eq!(
                judge(200, Some(bad), ok, 0),
                "Error Status : 400.User server return invalid conent-length value.",
                "{bad}"
            );
        }
        assert_eq!(judge(200, Some(" 9 "), ok, 0), "ok");
        assert_eq!(
            judge(200, Some("1048577"), ok, 0),
            "Error Status : 400.User server return too long content-length value."
        );
        assert_eq!(
            judge(200, Some("99999999999999999999999"), ok, 0),
            "Error Status : 400.User server return too long content-length value."
        );
        assert_eq!(
            judge(200, Some("2"), b"OK", 0),
            "Response body is not valid json format."
        );
        assert_eq!(
            judge(200, Some("21"), b"\xEF\xBB\xBF{\"Status\":\"OK\"}", 0),
            "Response body is not valid json format."
        );
    }

    #[test]
    fn judges_only_the_content_length_bytes_oss_reads() {
        // A Content-Length shorter than the body: OSS judges what it read.
        assert_eq!(judge(200, Some("2"), b"{}, and more", 0), "ok");
        assert_eq!(
            judge(200, Some("3"), br#"{"a":1}"#, 0),
            "Response body is not valid json format."
        );
        // Far shorter than a 5 MB body.
        let mut big = b"{}".to_vec();
        big.resize(5 * 1024 * 1024, b'x');
        assert_eq!(judge(200, Some("2"), &big, 0), "ok");
        // A Content-Length longer than the body: the whole body is all there is to read.
        assert_eq!(judge(200, Some("50"), b"{}", 0), "ok");
    }

    #[test]
    fn reports_the_status_it_got() {
        let err = CallbackReply::new(400, b"").check().unwrap_err();
        assert_eq!(err.to_string(), "Error status : 400.");
        assert_eq!(err.reported_status(), Some(400));
    }

    #[test]
    fn limits_can_follow_the_other_reading() {
        let lax = Limits::DEFAULT.with_max_response_body(3 * 1024 * 1024);
        let reply = CallbackReply::new(200, b"{}").with_content_length(b"2000000");
        assert!(reply.check().is_err());
        assert_eq!(reply.check_with(&lax), Ok(()));
    }
}
