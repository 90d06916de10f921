//! Presigned URLs (query-string authentication):
//! `?OSSAccessKeyId=<id>&Expires=<unix seconds>&Signature=<percent-encoded signature>`.

use core::fmt;

use crate::canonical::{DateSlot, HeaderScan};
use crate::input::{Headers, Param, Query, Request};
use crate::percent::percent_encode_component;
use crate::sign::{Credentials, signature_of};
use crate::signature::Signature;
use crate::sink::{Discard, Transcript};
use crate::text::Text;

/// The query parameter carrying the STS token in a presigned URL (signed).
pub const SECURITY_TOKEN_PARAM: &str = "security-token";

/// Decimal digits of a `u64`, on the stack.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Decimal {
    digits: [u8; 20],
    start: usize,
}

impl Decimal {
    pub(crate) fn new(mut value: u64) -> Self {
        let mut digits = [0u8; 20];
        let mut start = digits.len();
        loop {
            start -= 1;
            // `value % 10` is a single digit.
            digits[start] = b'0' + u8::try_from(value % 10).unwrap_or_default();
            value /= 10;
            if value == 0 {
                break;
            }
        }
        Self { digits, start }
    }

    pub(crate) fn as_str(&self) -> &str {
        core::str::from_utf8(&self.digits[self.start..]).unwrap_or_default()
    }
}

/// A presigned request: its signature, and the query string or URL that carries it.
///
/// ```
/// use oss_sign::{Credentials, Request, SigningKey, presign};
/// let key = SigningKey::new("sk");
/// let creds = Credentials::new("ak", &key)?.with_security_token("token");
/// let query = [("versionId", "versionId")];
/// let request = Request::new("GET").with_bucket("bucket").with_key("key+123").with_query(&query);
/// let presigned = presign(&creds, &request, 1699808204);
/// assert_eq!(presigned.signature().as_str(), "jzKYRrM5y6Br0dRFPaTGOsbrDhY=");
/// let mut url = String::new();
/// presigned.write_url("http://oss-cn-hangzhou.aliyuncs.com", &mut url).unwrap();
/// assert_eq!(url, "http://bucket.oss-cn-hangzhou.aliyuncs.com/key%2B123?Expires=1699808204&OSSAccessKeyId=ak&Signature=jzKYRrM5y6Br0dRFPaTGOsbrDhY%3D&security-token=token&versionId=versionId");
/// # Ok::<(), oss_errors::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Presigned<'a, H, Q> {
    creds: Credentials<'a>,
    request: Request<'a, H, Q>,
    expires: Decimal,
    signature: Signature,
}

/// Presigns `request` until `expires` (Unix seconds): the DATE line is `expires`, and an
/// STS token is added (and signed) as the `security-token` parameter unless the query
/// already has one. Headers on the request (Content-Type, Content-MD5, `x-oss-*`) are
/// signed too, so the eventual client must send them.
#[must_use]
pub fn presign<'a, H: Headers<'a> + Copy, Q: Query<'a> + Copy>(
    creds: &Credentials<'a>,
    request: &Request<'a, H, Q>,
    expires: u64,
) -> Presigned<'a, H, Q> {
    presign_with_transcript(creds, request, expires, &mut Discard)
}

/// Like [`presign`], and also writes the string-to-sign into `transcript`.
///
/// ```
/// use oss_sign::{Credentials, Request, SigningKey, presign_with_transcript};
/// let key = SigningKey::new("sk");
/// let creds = Credentials::new("ak", &key)?;
/// let mut sts = Vec::new();
/// let query = [("versionId", "versionId")];
/// let request = Request::new("GET").with_bucket("bucket").with_key("key").with_query(&query);
/// let presigned = presign_with_transcript(&creds, &request, 1699807420, &mut sts);
/// assert_eq!(sts, b"GET\n\n\n1699807420\n/bucket/key?versionId=versionId");
/// assert_eq!(presigned.signature().as_str(), "dcLTea+Yh9ApirQ8o8dOPqtvJXQ=");
/// # Ok::<(), oss_errors::Error>(())
/// ```
#[must_use]
pub fn presign_with_transcript<'a, H: Headers<'a> + Copy, Q: Query<'a> + Copy>(
    creds: &Credentials<'a>,
    request: &Request<'a, H, Q>,
    expires: u64,
    transcript: &mut (impl Transcript + ?Sized),
) -> Presigned<'a, H, Q> {
    let expires = Decimal::new(expires);
    let token_param = token_param(creds, request);
    let mut scan = HeaderScan::empty();
    scan.scan(request.headers.fields());
    let signature = signature_of(
        creds.key,
        request,
        &scan,
        DateSlot::Expires(expires.as_str().as_bytes()),
        token_param,
        transcript,
    );
    Presigned {
        creds: *creds,
        request: *request,
        expires,
        signature,
    }
}

/// The `security-token` parameter the signer adds, when the query lacks one.
fn token_param<'a, H, Q: Query<'a>>(
    creds: &Credentials<'a>,
    request: &Request<'a, H, Q>,
) -> Option<Param<'a>> {
    let token = creds.security_token?;
    let present = request
        .query
        .params()
        .any(|param| param.name_is(SECURITY_TOKEN_PARAM));
    (!present).then(|| Param::new(SECURITY_TOKEN_PARAM, token))
}

impl<'a, H: Headers<'a>, Q: Query<'a>> Presigned<'a, H, Q> {
    /// The signature (base64, not yet percent-encoded).
    #[must_use]
    pub const fn signature(&self) -> &Signature {
        &self.signature
    }

    /// Writes the query string (no leading `?`): the request's own parameters plus
    /// `OSSAccessKeyId`, `Expires`, `Signature` and `security-token`, all percent-encoded
    /// and sorted by name (the order the Go SDKs use; OSS accepts any order).
    ///
    /// # Errors
    /// Whatever `out` returns.
    ///
    /// ```
    /// use oss_sign::{Credentials, Request, SigningKey, presign};
    /// let key = SigningKey::new("id-secret");
    /// let creds = Credentials::new("id", &key)?;
    /// let mut query = String::new();
    /// presign(&creds, &Request::new("GET").with_bucket("b").with_key("k"), 1422720000).write_query(&mut query).unwrap();
    /// assert!(query.starts_with("Expires=1422720000&OSSAccessKeyId=id&Signature="));
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    pub fn write_query(&self, out: &mut impl fmt::Write) -> fmt::Result {
        let token = token_param(&self.creds, &self.request);
        let auth = [
            Param::new("Expires", self.expires.as_str()),
            Param::new("OSSAccessKeyId", self.creds.access_key_id),
            Param::from_bytes(b"Signature", self.signature.as_bytes()),
        ];
        let all = self
            .request
            .query
            .params()
            .map(shorten)
            .chain(auth)
            .chain(token.map(shorten))
            .enumerate();
        // Selection by (name, position): stable, allocation-free, and the lists are short.
        let mut last: Option<(Text<'_>, usize)> = None;
        loop {
            let mut next: Option<(Param<'_>, usize)> = None;
            for (index, param) in all.clone() {
                let key = (param.name, index);
                let after_last = last.is_none_or(|last| order(&key, &last).is_gt());
                if after_last && next.is_none_or(|(next, at)| order(&key, &(next.name, at)).is_lt())
                {
                    next = Some((param, index));
                }
            }
            let Some((param, index)) = next else {
                return Ok(());
            };
            if last.is_some() {
                out.write_char('&')?;
            }
            write_encoded(&param.name, out)?;
            if !param.value.is_empty() {
                out.write_char('=')?;
                write_encoded(&param.value, out)?;
            }
            last = Some((param.name, index));
        }
    }

    /// Writes the whole URL, virtual-hosted style: `<scheme>://<bucket>.<host>/<key>?<query>`.
    /// `endpoint` is a host (`oss-cn-hangzhou.aliyuncs.com`, scheme `https`) or starts
    /// with a scheme (`http://...`). The key is percent-encoded, `/` kept.
    ///
    /// # Errors
    /// Whatever `out` returns.
    ///
    /// ```
    /// use oss_sign::{Credentials, Request, SigningKey, presign};
    /// let key = SigningKey::new("sk");
    /// let creds = Credentials::new("ak", &key)?;
    /// let mut url = String::new();
    /// presign(&creds, &Request::new("GET").with_bucket("b").with_key("a b/c"), 1).write_url("oss.example.com", &mut url).unwrap();
    /// assert!(url.starts_with("https://b.oss.example.com/a%20b/c?Expires=1&"));
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    pub fn write_url(&self, endpoint: &str, out: &mut impl fmt::Write) -> fmt::Result {
        let (scheme, host) = endpoint.split_once("://").unwrap_or(("https", endpoint));
        let host = host.trim_end_matches('/');
        out.write_str(scheme)?;
        out.write_str("://")?;
        if let Some(bucket) = self.request.bucket {
            out.write_str(bucket)?;
            out.write_char('.')?;
        }
        out.write_str(host)?;
        out.write_char('/')?;
        if let (Some(_), Some(key)) = (self.request.bucket, &self.request.key) {
            write_encoded_path(key, out)?;
        }
        out.write_char('?')?;
        self.write_query(out)
    }

    /// The query string, as a `String`.
    ///
    /// ```
    /// use oss_sign::{Credentials, Request, SigningKey, presign};
    /// let key = SigningKey::new("sk");
    /// let creds = Credentials::new("ak", &key)?;
    /// let query = [("versionId", "versionId")];
    /// let request = Request::new("GET").with_bucket("bucket").with_key("key").with_query(&query);
    /// assert_eq!(
    ///     presign(&creds, &request, 1699807420).query(),
    ///     "Expires=1699807420&OSSAccessKeyId=ak&Signature=dcLTea%2BYh9ApirQ8o8dOPqtvJXQ%3D&versionId=versionId"
    /// );
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    #[cfg(feature = "alloc")]
    #[must_use]
    pub fn query(&self) -> alloc::string::String {
        let mut out = alloc::string::String::new();
        // Writing into a String cannot fail.
        let _ = self.write_query(&mut out);
        out
    }

    /// The URL, as a `String` (see [`Presigned::write_url`]).
    ///
    /// ```
    /// use oss_sign::{Credentials, Request, SigningKey, presign};
    /// let key = SigningKey::new("sk");
    /// let creds = Credentials::new("ak", &key)?;
    /// let url = presign(&creds, &Request::new("GET").with_bucket("b").with_key("k"), 1).url("oss.example.com");
    /// assert!(url.starts_with("https://b.oss.example.com/k?"));
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    #[cfg(feature = "alloc")]
    #[must_use]
    pub fn url(&self, endpoint: &str) -> alloc::string::String {
        let mut out = alloc::string::String::new();
        let _ = self.write_url(endpoint, &mut out);
        out
    }
}

/// A parameter borrowed for a shorter time (variance, spelled out for `chain`).
const fn shorten<'long: 'short, 'short>(param: Param<'long>) -> Param<'short> {
    param
}

fn order(a: &(Text<'_>, usize), b: &(Text<'_>, usize)) -> core::cmp::Ordering {
    a.0.cmp(&b.0).then(a.1.cmp(&b.1))
}

/// Decodes `text` and writes it percent-encoded, in chunks.
pub(crate) fn write_encoded(text: &Text<'_>, out: &mut impl fmt::Write) -> fmt::Result {
    write_chunks(text, out, percent_encode_component)
}

fn write_encoded_path(text: &Text<'_>, out: &mut impl fmt::Write) -> fmt::Result {
    write_chunks(text, out, crate::percent::percent_encode_path)
}

fn write_chunks<W: fmt::Write>(
    text: &Text<'_>,
    out: &mut W,
    encode: fn(&[u8], &mut W) -> fmt::Result,
) -> fmt::Result {
    let mut buf = [0u8; 64];
    let mut len = 0;
    for byte in text.decoded() {
        if len == buf.len() {
            encode(&buf, out)?;
            len = 0;
        }
        buf[len] = byte;
        len += 1;
    }
    encode(&buf[..len], out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SigningKey;
    use alloc::string::{String, ToString};

    #[test]
    fn decimal_digits() {
        for value in [0u64, 7, 10, 1_699_808_204, u64::MAX] {
            assert_eq!(Decimal::new(value).as_str(), value.to_string());
        }
    }

    #[test]
    fn vector_q1_url() {
        let key = SigningKey::new("sk");
        let creds = Credentials::new("ak", &key).unwrap();
        let query = [("versionId", "versionId")];
        let request = Request::new("GET")
            .with_bucket("bucket")
            .with_key("key")
            .with_query(&query);
        let mut url = String::new();
        presign(&creds, &request, 1_699_807_420)
            .write_url("http://oss-cn-hangzhou.aliyuncs.com", &mut url)
            .unwrap();
        assert_eq!(
            url,
            "http://bucket.oss-cn-hangzhou.aliyuncs.com/key?Expires=1699807420&OSSAccessKeyId=ak&Signature=dcLTea%2BYh9ApirQ8o8dOPqtvJXQ%3D&versionId=versionId"
        );
    }

    #[test]
    fn vector_j1_with_content_headers() {
        let key = SigningKey::new("key");
        let creds = Credentials::new("id", &key).unwrap();
        let headers = [("Content-MD5", "md5"), ("Content-Type", "type")];
        let request = Request::new("GET")
            .with_bucket("bucket")
            .with_key("key")
            .with_headers(&headers);
        let presigned = presign(&creds, &request, 1_422_720_000);
        assert_eq!(
            presigned.signature().as_str(),
            "XA8ThdVKdJQ4vlkoggdzCs5s1RY="
        );
        let mut query = String::new();
        presigned.write_query(&mut query).unwrap();
        assert_eq!(
            query,
            "Expires=1422720000&OSSAccessKeyId=id&Signature=XA8ThdVKdJQ4vlkoggdzCs5s1RY%3D"
        );
    }
}
