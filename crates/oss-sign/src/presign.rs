//! Presigned URLs (query-string authentication):
//! `?OSSAccessKeyId=<id>&Expires=<unix seconds>&Signature=<percent-encoded signature>`.

use core::fmt::{self, Write as _};

use oss_naming::percent;

use crate::credentials::Credentials;
use crate::input::{Headers, Query};
use crate::request::{Param, Request};
use crate::sign::{Form, signature_of};
use crate::signature::Signature;
use crate::text::Text;

/// The query parameter carrying the STS token in a presigned URL (signed).
pub const SECURITY_TOKEN_PARAM: &str = "security-token";

/// A presigned request: its signature, and the query string or URL that carries it.
///
/// ```
/// use oss_sign::{Credentials, Request, SigningKey, presign};
/// let key = SigningKey::new("sk");
/// let creds = Credentials::new("ak", &key)?.with_security_token("token");
/// let request = Request::new("GET").with_bucket("bucket").with_key("key+123").with_query([("versionId", "versionId")]);
/// let presigned = presign(&creds, &request, 1699808204);
/// assert_eq!(presigned.signature().as_str(), "jzKYRrM5y6Br0dRFPaTGOsbrDhY=");
/// assert_eq!(presigned.url("http://oss-cn-hangzhou.aliyuncs.com"), "http://bucket.oss-cn-hangzhou.aliyuncs.com/key%2B123?Expires=1699808204&OSSAccessKeyId=ak&Signature=jzKYRrM5y6Br0dRFPaTGOsbrDhY%3D&security-token=token&versionId=versionId");
/// # Ok::<(), oss_sign::CredentialsError>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Presigned<'a, H, Q> {
    creds: Credentials<'a>,
    request: Request<'a, H, Q>,
    expires: u64,
    signature: Signature,
}

/// Presigns `request` until `expires` (Unix seconds): the DATE line is `expires`, and an
/// STS token is added (and signed) as the `security-token` parameter unless the query
/// already has one. Headers on the request (Content-Type, Content-MD5, `x-oss-*`) are
/// signed too, so the eventual client must send them.
#[must_use]
pub fn presign<'a, H: Headers<'a>, Q: Query<'a>>(
    creds: &Credentials<'a>,
    request: &Request<'a, H, Q>,
    expires: u64,
) -> Presigned<'a, H, Q> {
    Presigned {
        creds: *creds,
        request: request.clone(),
        expires,
        signature: signature_of(creds.key, request, Form::presigned(creds, expires)),
    }
}

/// The decimal digits of `value`.
pub(crate) fn decimal(value: u64) -> heapless::String<20> {
    let mut text = heapless::String::new();
    // u64::MAX has 20 digits.
    let written = write!(text, "{value}");
    debug_assert!(written.is_ok());
    text
}

/// The `security-token` parameter the signer adds, unless the query has one.
pub(crate) fn token_param<'a, H, Q: Query<'a>>(
    request: &Request<'a, H, Q>,
    security_token: Option<&'a str>,
) -> Option<Param<'a>> {
    let token = security_token?;
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

    /// The `Expires` it was signed with (Unix seconds).
    #[must_use]
    pub const fn expires(&self) -> u64 {
        self.expires
    }

    /// Writes the query string (no leading `?`): the request's own parameters plus
    /// `OSSAccessKeyId`, `Expires`, `Signature` and `security-token`, all percent-encoded
    /// and sorted by name, stable (the order the Go SDKs use; OSS accepts any order).
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
    /// # Ok::<(), oss_sign::CredentialsError>(())
    /// ```
    pub fn write_query(&self, out: &mut impl fmt::Write) -> fmt::Result {
        let expires = decimal(self.expires);
        let auth = [
            Param::new("Expires", &expires),
            Param::new("OSSAccessKeyId", self.creds.access_key_id),
            Param::from_bytes(b"Signature", self.signature.as_bytes()),
        ];
        let token = token_param(&self.request, self.creds.security_token);
        let all = self
            .request
            .query
            .params()
            .map(Param::shorter)
            .chain(auth)
            .chain(token.map(Param::shorter))
            .enumerate();
        // Selection by (name, position): stable, allocation-free, and the lists are short.
        let order =
            |a: &(Text<'_>, usize), b: &(Text<'_>, usize)| a.0.cmp(&b.0).then(a.1.cmp(&b.1));
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
            write_encoded(&param.name, false, out)?;
            if !param.value.is_empty() {
                out.write_char('=')?;
                write_encoded(&param.value, false, out)?;
            }
            last = Some((param.name, index));
        }
    }

    /// Writes the whole URL, virtual-hosted style: `<scheme>://<bucket>.<host>/<key>?<query>`.
    /// `endpoint` is a host (`oss-cn-hangzhou.aliyuncs.com`, then `https`) or a URL base
    /// with a scheme.
    ///
    /// # Errors
    /// Whatever `out` returns.
    pub fn write_url(&self, endpoint: &str, out: &mut impl fmt::Write) -> fmt::Result {
        write_url_base(&self.request, endpoint, out)?;
        self.write_query(out)
    }

    /// The query string ([`Presigned::write_query`]).
    #[cfg(feature = "alloc")]
    #[must_use]
    pub fn query(&self) -> alloc::string::String {
        let mut out = alloc::string::String::new();
        // Writing into a String cannot fail.
        let _ = self.write_query(&mut out);
        out
    }

    /// The URL ([`Presigned::write_url`]).
    #[cfg(feature = "alloc")]
    #[must_use]
    pub fn url(&self, endpoint: &str) -> alloc::string::String {
        let mut out = alloc::string::String::new();
        let _ = self.write_url(endpoint, &mut out);
        out
    }
}

/// Writes a presigned URL up to its query: `<scheme>://<bucket>.<host>/<key>?`, the scheme
/// `https` unless `endpoint` names one.
pub(crate) fn write_url_base<H, Q>(
    request: &Request<'_, H, Q>,
    endpoint: &str,
    out: &mut impl fmt::Write,
) -> fmt::Result {
    let (scheme, host) = endpoint.split_once("://").unwrap_or(("https", endpoint));
    let host = host.trim_end_matches('/');
    out.write_str(scheme)?;
    out.write_str("://")?;
    if let Some(bucket) = request.bucket {
        out.write_str(bucket)?;
        out.write_char('.')?;
    }
    out.write_str(host)?;
    out.write_char('/')?;
    if let (Some(_), Some(key)) = (request.bucket, &request.key) {
        write_encoded(key, true, out)?;
    }
    out.write_char('?')
}

/// Writes the decoded `text` percent-encoded (a path keeps `/`), through a small buffer.
pub(crate) fn write_encoded(text: &Text<'_>, path: bool, out: &mut impl fmt::Write) -> fmt::Result {
    let mut buf = heapless::Vec::<u8, 64>::new();
    let mut result = Ok(());
    let mut flush = |buf: &mut heapless::Vec<u8, 64>| {
        if result.is_ok() {
            result = if path {
                percent::encode_path(buf, out)
            } else {
                percent::encode(buf, out)
            };
        }
        buf.clear();
    };
    for byte in text.decoded() {
        if buf.push(byte).is_err() {
            flush(&mut buf);
            let _ = buf.push(byte);
        }
    }
    flush(&mut buf);
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SigningKey;
    use alloc::string::ToString;

    #[test]
    fn decimal_digits() {
        for value in [0u64, 7, 10, 1_699_808_204, u64::MAX] {
            assert_eq!(decimal(value).as_str(), value.to_string());
        }
    }

    #[test]
    fn vector_q1_url() {
        let key = SigningKey::new("sk");
        let creds = Credentials::new("ak", &key).unwrap();
        let request = Request::new("GET")
            .with_bucket("bucket")
            .with_key("key")
            .with_query([("versionId", "versionId")]);
        assert_eq!(
            presign(&creds, &request, 1_699_807_420).url("http://oss-cn-hangzhou.aliyuncs.com"),
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
        assert_eq!(
            presigned.query(),
            "Expires=1422720000&OSSAccessKeyId=id&Signature=XA8ThdVKdJQ4vlkoggdzCs5s1RY%3D"
        );
    }
}
