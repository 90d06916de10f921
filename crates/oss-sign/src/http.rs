//! `http` crate adapters (feature `http`): sign an `http::Request`, verify
//! `http::request::Parts`.

use http::header::{AUTHORIZATION, HeaderMap, HeaderName, HeaderValue, InvalidHeaderValue};
use oss_errors::Error;
use oss_naming::Timestamp;

use crate::credentials::Credentials;
use crate::request::{RawQuery, Request};
use crate::sign::{SECURITY_TOKEN_HEADER, sign};
use crate::verify::{KeyLookup, Verified, Verifier};

/// Where the bucket is in a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Addressing<'a> {
    /// `https://<bucket>.<host>/<key>`: the bucket comes from the host, given here.
    VirtualHosted(&'a str),
    /// `https://<host>/<bucket>/<key>`: the first path segment is the bucket.
    PathStyle,
    /// A service-level request (`GetService`/`ListBuckets`): no bucket.
    Service,
}

/// The headers of an `http::HeaderMap`, as [`Request::with_headers`] takes them.
///
/// ```
/// use oss_sign::{Request, input::HttpHeaders};
/// let mut map = http::HeaderMap::new();
/// map.insert("date", http::HeaderValue::from_static("Wed, 28 Dec 2022 10:27:41 GMT"));
/// let request = Request::new("GET").with_headers(HttpHeaders(&map));
/// # let _ = request;
/// ```
#[derive(Clone, Copy, Debug)]
pub struct HttpHeaders<'a>(pub &'a HeaderMap);

impl<'a> IntoIterator for HttpHeaders<'a> {
    type Item = (&'a [u8], &'a [u8]);
    type IntoIter = HttpHeaderFields<'a>;

    fn into_iter(self) -> HttpHeaderFields<'a> {
        HttpHeaderFields {
            map: self.0,
            iter: self.0.iter(),
            position: 0,
        }
    }
}

/// The iterator of [`HttpHeaders`].
#[derive(Debug)]
pub struct HttpHeaderFields<'a> {
    map: &'a HeaderMap,
    iter: http::header::Iter<'a, HeaderValue>,
    position: usize,
}

impl Clone for HttpHeaderFields<'_> {
    fn clone(&self) -> Self {
        // `http`'s iterator is not `Clone`; restart and skip what was already read.
        let mut iter = self.map.iter();
        for _ in 0..self.position {
            iter.next();
        }
        Self {
            map: self.map,
            iter,
            position: self.position,
        }
    }
}

impl<'a> Iterator for HttpHeaderFields<'a> {
    type Item = (&'a [u8], &'a [u8]);

    fn next(&mut self) -> Option<Self::Item> {
        let (name, value) = self.iter.next()?;
        self.position += 1;
        Some((name.as_str().as_bytes(), value.as_bytes()))
    }
}

/// The [`Request`] an `http` request describes: its method, headers and query, and the
/// bucket and (percent-encoded) key its path and `addressing` give. A server feeds it to
/// [`Verifier::verify`], or to [`string_to_sign`](crate::string_to_sign) and
/// [`v4::string_to_sign`](crate::v4::string_to_sign) for the transcript it reports with
/// `SignatureDoesNotMatch`.
///
/// ```
/// use oss_sign::{Addressing, AuthMethod, http_request};
/// let (parts, ()) = http::Request::get("http://127.0.0.1:9000/bucket/a.txt?acl").body(())?.into_parts();
/// let request = http_request(&parts.method, &parts.uri, &parts.headers, Addressing::PathStyle);
/// assert_eq!(AuthMethod::of(&request), AuthMethod::Anonymous);
/// # Ok::<(), http::Error>(())
/// ```
#[must_use]
pub fn http_request<'a>(
    method: &'a http::Method,
    uri: &'a http::Uri,
    headers: &'a HeaderMap,
    addressing: Addressing<'a>,
) -> Request<'a, HttpHeaders<'a>, RawQuery<'a>> {
    let path = uri.path().strip_prefix('/').unwrap_or(uri.path());
    // `Uri::query` leaves out the `?` that starts the query, and `RawQuery::new` ignores a
    // leading `?`: handing it the query without its delimiter would lose the first byte
    // of a query that itself starts with `?` (`/k??acl` has the parameter `?acl`).
    let query = uri
        .path_and_query()
        .map(http::uri::PathAndQuery::as_str)
        .and_then(|target| target.find('?').map(|at| &target[at..]))
        .unwrap_or("");
    let request = Request::new(method.as_str())
        .with_headers(HttpHeaders(headers))
        .with_query(RawQuery::new(query));
    let (bucket, key) = match addressing {
        Addressing::VirtualHosted(bucket) => (Some(bucket), path),
        Addressing::PathStyle => {
            let (bucket, key) = path.split_once('/').unwrap_or((path, ""));
            (Some(bucket).filter(|bucket| !bucket.is_empty()), key)
        }
        Addressing::Service => (None, ""),
    };
    match bucket {
        Some(bucket) => request.with_bucket(bucket).with_encoded_key(key),
        None => request,
    }
}

/// Signs `request` in place: sets `Authorization` (and `x-oss-security-token` for STS
/// credentials, unless already set). Set `Date` or `x-oss-date` (and any `x-oss-`
/// headers) before calling.
///
/// # Errors
/// An STS token that is not a valid header value.
///
/// ```
/// use oss_sign::{Addressing, Credentials, SigningKey, sign_http_request};
/// let key = SigningKey::new("sk");
/// let creds = Credentials::new("ak", &key)?;
/// let mut request = http::Request::put("https://examplebucket.oss-cn-hangzhou.aliyuncs.com/nelson?acl")
///     .header("Content-MD5", "eB5eJF1ptWaXm4bijSPyxw==")
///     .header("Content-Type", "text/html")
///     .header("x-oss-meta-author", "alice")
///     .header("x-oss-meta-magic", "abracadabra")
///     .header("x-oss-date", "Wed, 28 Dec 2022 10:27:41 GMT")
///     .header("Date", "Wed, 28 Dec 2022 10:27:41 GMT")
///     .body(())?;
/// sign_http_request(&creds, &mut request, Addressing::VirtualHosted("examplebucket")).unwrap();
/// assert_eq!(request.headers()["authorization"], "OSS ak:/afkugFbmWDQ967j1vr6zygBLQk=");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn sign_http_request<B>(
    creds: &Credentials<'_>,
    request: &mut http::Request<B>,
    addressing: Addressing<'_>,
) -> Result<(), InvalidHeaderValue> {
    if let Some(token) = creds.security_token
        && !request.headers().contains_key(SECURITY_TOKEN_HEADER)
    {
        let value = HeaderValue::from_str(token)?;
        request
            .headers_mut()
            .insert(HeaderName::from_static(SECURITY_TOKEN_HEADER), value);
    }
    let authorization = {
        let described = http_request(
            request.method(),
            request.uri(),
            request.headers(),
            addressing,
        );
        sign(creds, &described)
    };
    let value = HeaderValue::from_str(authorization.as_str())?;
    request.headers_mut().insert(AUTHORIZATION, value);
    Ok(())
}

/// Why [`sign_http_request_v4`] could not sign.
#[derive(Debug)]
#[non_exhaustive]
pub enum HttpSignError {
    /// A value (the STS token, the Authorization) is not a valid header value.
    Header(InvalidHeaderValue),
    /// The request cannot be signed as it is (see [`crate::v4::Signer::sign`]).
    Oss(Error),
}

impl core::fmt::Display for HttpSignError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Self::Header(err) => core::fmt::Display::fmt(err, f),
            Self::Oss(err) => core::fmt::Display::fmt(err, f),
        }
    }
}

impl core::error::Error for HttpSignError {}

/// Signs `request` in place with Signature V4 at `now`: sets `x-oss-date`,
/// `x-oss-content-sha256: UNSIGNED-PAYLOAD` and the STS token header unless present, then
/// `Authorization`.
///
/// # Errors
/// [`HttpSignError`].
///
/// ```
/// use oss_naming::Timestamp;
/// use oss_sign::{Addressing, Credentials, SigningKey, Verifier, sign_http_request_v4, verify_http_parts};
/// use oss_sign::v4::Settings;
/// let key = SigningKey::new("sk");
/// let creds = Credentials::new("ak", &key)?;
/// let now = Timestamp::from_unix(1_702_743_657).unwrap();
/// let mut request = http::Request::put("https://examplebucket.oss-cn-hangzhou.aliyuncs.com/a.txt")
///     .header("Content-Type", "text/plain")
///     .body(())?;
/// let settings = Settings::new("cn-hangzhou")?;
/// sign_http_request_v4(&creds, &mut request, Addressing::VirtualHosted("examplebucket"), &settings, now)?;
/// assert!(request.headers()["authorization"].to_str()?.starts_with("OSS4-HMAC-SHA256 Credential=ak/20231216/"));
/// let (parts, ()) = request.into_parts();
/// let keys = [("ak", &key)];
/// let verifier = Verifier::new().with_regions(&["cn-hangzhou"]);
/// let verified = verify_http_parts(&verifier, &parts, Addressing::VirtualHosted("examplebucket"), now, keys.as_slice())?;
/// assert_eq!(verified.access_key_id(), Some("ak"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn sign_http_request_v4<B>(
    creds: &Credentials<'_>,
    request: &mut http::Request<B>,
    addressing: Addressing<'_>,
    settings: &crate::v4::Settings<'_>,
    now: Timestamp,
) -> Result<(), HttpSignError> {
    use crate::v4::{CONTENT_SHA256_HEADER, DATE_HEADER, UNSIGNED_PAYLOAD};
    let date = now.compact_iso8601();
    let token = creds.security_token.unwrap_or_default();
    for (name, value) in [
        (DATE_HEADER, date.as_str()),
        (CONTENT_SHA256_HEADER, UNSIGNED_PAYLOAD),
        (SECURITY_TOKEN_HEADER, token),
    ] {
        if !value.is_empty() && !request.headers().contains_key(name) {
            let value = HeaderValue::from_str(value).map_err(HttpSignError::Header)?;
            request
                .headers_mut()
                .insert(HeaderName::from_static(name), value);
        }
    }
    let signed = {
        let described = http_request(
            request.method(),
            request.uri(),
            request.headers(),
            addressing,
        );
        crate::v4::sign(creds, &described, settings, now).map_err(HttpSignError::Oss)?
    };
    let value = HeaderValue::from_str(signed.authorization()).map_err(HttpSignError::Header)?;
    request.headers_mut().insert(AUTHORIZATION, value);
    Ok(())
}

/// Verifies a received request (head only: the V1 signature does not cover the body).
///
/// # Errors
/// As [`Verifier::verify`].
///
/// ```
/// use oss_sign::{Addressing, Credentials, SigningKey, Verifier, sign_http_request, verify_http_parts};
/// let key = SigningKey::new("sk");
/// let creds = Credentials::new("ak", &key)?;
/// let mut request = http::Request::get("https://oss.example.com/b/dir/a%20b.txt?versionId=v1&prefix=x")
///     .header("Date", "Wed, 28 Dec 2022 10:27:41 GMT")
///     .body(())?;
/// sign_http_request(&creds, &mut request, Addressing::PathStyle)?;
/// let (parts, ()) = request.into_parts();
/// let keys = [("ak", &key)];
/// let now = oss_naming::Timestamp::from_unix(1_672_223_261).unwrap();
/// let verified = verify_http_parts(&Verifier::new(), &parts, Addressing::PathStyle, now, keys.as_slice())?;
/// assert_eq!(verified.access_key_id(), Some("ak"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn verify_http_parts<'a, K: KeyLookup + ?Sized>(
    verifier: &Verifier<'_>,
    parts: &'a http::request::Parts,
    addressing: Addressing<'a>,
    now: Timestamp,
    keys: &K,
) -> Result<Verified<'a>, Error> {
    verifier.verify(
        &http_request(&parts.method, &parts.uri, &parts.headers, addressing),
        now,
        keys,
    )
}
