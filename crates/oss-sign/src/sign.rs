//! Header signing, and the string-to-sign of every form.

use crate::authorization::Authorization;
use crate::canonical::{DateLine, HeaderScan, Sink, write_string_to_sign};
use crate::credentials::Credentials;
use crate::input::{Headers, Query};
use crate::key::SigningKey;
use crate::presign::{decimal, token_param};
use crate::request::{Param, Request};
use crate::signature::Signature;
use crate::text::Text;
use crate::transcript::{Transcript, TranscriptSink};
use crate::verify::received_expires;

/// The header the STS token travels in (header form).
pub const SECURITY_TOKEN_HEADER: &str = "x-oss-security-token";

/// Signs `request` for the `Authorization` header.
///
/// The DATE line takes `x-oss-date` when present, else `Date`. With an STS token the
/// `x-oss-security-token` header is signed (unless the request already has one), so the
/// caller sends it too. A request without either date signs an empty DATE line, which
/// OSS refuses: set `Date` (for example from `oss_naming::Timestamp::now()`, with std).
///
/// ```
/// use oss_sign::{Credentials, Request, SigningKey, sign};
/// let key = SigningKey::new("sk");
/// let creds = Credentials::new("ak", &key)?;
/// let headers = [
///     ("Content-MD5", "eB5eJF1ptWaXm4bijSPyxw=="),
///     ("Content-Type", "text/html"),
///     ("x-oss-meta-author", "alice"),
///     ("x-oss-meta-magic", "abracadabra"),
///     ("x-oss-date", "Wed, 28 Dec 2022 10:27:41 GMT"),
///     ("Date", "Wed, 28 Dec 2022 10:27:41 GMT"),
/// ];
/// let request = Request::new("PUT").with_bucket("examplebucket").with_key("nelson").with_headers(&headers);
/// assert_eq!(sign(&creds, &request).as_str(), "OSS ak:kSHKmLxlyEAKtZPkJhG9bZb5k7M=");
/// # Ok::<(), oss_sign::CredentialsError>(())
/// ```
#[must_use]
pub fn sign<'a, H: Headers<'a>, Q: Query<'a>>(
    creds: &Credentials<'a>,
    request: &Request<'a, H, Q>,
) -> Authorization {
    let signature = signature_of(creds.key, request, Form::header(creds));
    Authorization::new(creds, signature)
}

/// Which string-to-sign [`string_to_sign`] writes.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub enum Form<'a> {
    /// What [`sign`] signs: the `Authorization`-header form, with the STS token signed
    /// as the `x-oss-security-token` header unless the request has one.
    Header {
        /// The STS token.
        security_token: Option<&'a str>,
    },
    /// What [`presign`](crate::presign) signs: `Expires` on the DATE line, the STS token
    /// signed as the `security-token` parameter unless the query has one.
    Presigned {
        /// Unix seconds.
        expires: u64,
        /// The STS token.
        security_token: Option<&'a str>,
    },
    /// What a server checks: the form the request itself carries (its `Authorization`
    /// header, or its presigned query's `Expires`, as sent), as [`Verifier`](crate::Verifier)
    /// computes it.
    Received,
}

impl<'a> Form<'a> {
    /// The form [`sign`] uses for `creds`.
    #[must_use]
    pub const fn header(creds: &Credentials<'a>) -> Self {
        Self::Header {
            security_token: creds.security_token,
        }
    }

    /// The form [`presign`](crate::presign) uses for `creds` until `expires`.
    #[must_use]
    pub const fn presigned(creds: &Credentials<'a>, expires: u64) -> Self {
        Self::Presigned {
            expires,
            security_token: creds.security_token,
        }
    }
}

/// Writes the string-to-sign of `request` in `form` into `out`: the one way to see what
/// [`sign`], [`presign`](crate::presign) or [`Verifier`](crate::Verifier) sign, for
/// debugging and for the `StringToSign` element of a `SignatureDoesNotMatch` body.
///
/// ```
/// use oss_sign::{Form, Request, string_to_sign};
/// let headers = [("X-OSS-Meta-A", " x ")];
/// let request = Request::new("PUT").with_bucket("b").with_key("k").with_headers(&headers);
/// let mut out = Vec::new();
/// string_to_sign(&request, Form::Header { security_token: None }, &mut out);
/// assert_eq!(out, b"PUT\n\n\n\nx-oss-meta-a:x\n/b/k");
/// ```
pub fn string_to_sign<'a, H: Headers<'a>, Q: Query<'a>>(
    request: &Request<'a, H, Q>,
    form: Form<'a>,
    out: &mut (impl Transcript + ?Sized),
) {
    write_form(&mut TranscriptSink(out), request, form);
}

/// The signature of `request` in `form` with `key`.
pub(crate) fn signature_of<'a, H: Headers<'a>, Q: Query<'a>>(
    key: &SigningKey,
    request: &Request<'a, H, Q>,
    form: Form<'a>,
) -> Signature {
    key.signature(|sink| write_form(sink, request, form))
}

/// The header-form signature of `request` whose headers were already scanned (a server
/// verifying it has scanned them to find the Authorization).
pub(crate) fn header_signature<'a, H: Headers<'a>, Q: Query<'a>>(
    key: &SigningKey,
    request: &Request<'a, H, Q>,
    scan: &HeaderScan<'a>,
) -> Signature {
    key.signature(|sink| write_string_to_sign(sink, request, scan, DateLine::FromHeaders, None))
}

/// Streams the string-to-sign of `request` in `form` into `sink`.
fn write_form<'a, H: Headers<'a>, Q: Query<'a>>(
    sink: &mut impl Sink,
    request: &Request<'a, H, Q>,
    form: Form<'a>,
) {
    match form {
        Form::Header { security_token } => {
            let scan = header_scan(request, security_token);
            write_string_to_sign(sink, request, &scan, DateLine::FromHeaders, None);
        }
        Form::Presigned {
            expires,
            security_token,
        } => {
            let scan = HeaderScan::new(request.headers.fields(), None);
            let expires = decimal(expires);
            let token = token_param(request, security_token);
            let date = DateLine::Expires(Text::Plain(expires.as_bytes()));
            write_string_to_sign(sink, request, &scan, date, token);
        }
        Form::Received => {
            let scan = HeaderScan::new(request.headers.fields(), None);
            let date = match received_expires(request, &scan) {
                Some(expires) => DateLine::Expires(expires),
                None => DateLine::FromHeaders,
            };
            write_string_to_sign(sink, request, &scan, date, None::<Param<'a>>);
        }
    }
}

/// Scans the headers of `request`, adding the STS token as a header unless present.
pub(crate) fn header_scan<'a, H: Headers<'a>, Q>(
    request: &Request<'a, H, Q>,
    security_token: Option<&'a str>,
) -> HeaderScan<'a> {
    let present = || {
        request
            .headers
            .fields()
            .any(|(name, _)| name.eq_ignore_ascii_case(SECURITY_TOKEN_HEADER.as_bytes()))
    };
    let extra = security_token
        .filter(|_| !present())
        .map(|token| (SECURITY_TOKEN_HEADER.as_bytes(), token.as_bytes()));
    HeaderScan::new(request.headers.fields(), extra)
}
