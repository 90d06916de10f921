//! V4 header signing and presigning.

use core::fmt;

use oss_errors::{Entry, Error};
use oss_naming::{Compact, Timestamp, is_token_byte, parse_compact_iso8601};

use crate::canonical::{FmtSink, Sink};
use crate::credentials::Credentials;
use crate::input::{Headers, Query};
use crate::presign::decimal;
use crate::request::{Param, Request};
use crate::sign::SECURITY_TOKEN_HEADER;
use crate::transcript::{Transcript, TranscriptSink};
use crate::v4::canonical::{
    ALGORITHM, Additional, Parts, put_additional, signature, write_canonical_request,
    write_string_to_sign,
};
use crate::v4::received::{
    ADDITIONAL_HEADERS_PARAM, CREDENTIAL_PARAM, DATE_PARAM, EXPIRES_PARAM, SIGNATURE_PARAM,
    SIGNATURE_VERSION_PARAM, TOKEN_PARAM,
};
use crate::v4::scope::{Product, Scope, ScopedKey, SignatureV4};

/// The header carrying the signing time, `YYYYMMDDTHHMMSSZ`.
pub const DATE_HEADER: &str = "x-oss-date";
/// The header naming the payload hash; OSS accepts [`UNSIGNED_PAYLOAD`].
pub const CONTENT_SHA256_HEADER: &str = "x-oss-content-sha256";
/// The payload hash V4 requests carry: the body is not signed.
pub const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";
/// The longest a presigned V4 URL may live: 7 days.
pub const MAX_EXPIRES_SECS: u64 = 604_800;
/// The longest `AdditionalHeaders` list a signer writes (names and `;`), so that the
/// `Authorization` value is held without allocating.
pub const MAX_ADDITIONAL_HEADERS_LEN: usize = 512;

/// `Credential=`'s value, `AccessKeyId/scope`: the longest id, `/`, and the longest scope.
type CredentialText =
    heapless::String<{ 128 + 1 + 8 + 1 + crate::v4::MAX_REGION_LEN + 1 + 12 + 1 + 17 }>;
/// The rendered `AdditionalHeaders` list.
type AdditionalText = heapless::String<MAX_ADDITIONAL_HEADERS_LEN>;

/// What a V4 signer needs besides the credentials: the region and product it signs for, and
/// the headers it signs beyond the default ones (`x-oss-*`, `Content-Type`, `Content-MD5`).
///
/// ```
/// use oss_sign::v4::{Product, Settings};
/// let settings = Settings::new("cb-123")?.with_product(Product::OssCloudbox);
/// let settings = settings.with_additional_headers(&["Content-Disposition"])?;
/// # Ok::<(), oss_errors::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Settings<'a> {
    region: &'a str,
    product: Product,
    additional_headers: &'a [&'a str],
}

impl<'a> Settings<'a> {
    /// Settings for `region` (for example `cn-hangzhou`), product `oss`, no additional
    /// headers.
    ///
    /// # Errors
    /// The error of [`check_region`](crate::v4::check_region).
    pub fn new(region: &'a str) -> Result<Self, Error> {
        crate::v4::check_region(region)?;
        Ok(Self {
            region,
            product: Product::Oss,
            additional_headers: &[],
        })
    }

    /// Signs for `product` instead of `oss`.
    #[must_use]
    pub const fn with_product(mut self, product: Product) -> Self {
        self.product = product;
        self
    }

    /// Also signs these headers (when the request carries them).
    ///
    /// # Errors
    /// `InvalidArgument` "Authorization header is invalid" for a name that is not an HTTP
    /// token, or a list longer than [`MAX_ADDITIONAL_HEADERS_LEN`].
    pub fn with_additional_headers(mut self, names: &'a [&'a str]) -> Result<Self, Error> {
        let len: usize = names.iter().map(|name| name.len() + 1).sum();
        let tokens = names
            .iter()
            .all(|name| !name.is_empty() && name.bytes().all(is_token_byte));
        if !tokens || len > MAX_ADDITIONAL_HEADERS_LEN {
            return Err(Entry::AuthorizationInvalid.into());
        }
        self.additional_headers = names;
        Ok(self)
    }

    /// The region.
    #[must_use]
    pub const fn region(&self) -> &'a str {
        self.region
    }

    /// The product.
    #[must_use]
    pub const fn product(&self) -> Product {
        self.product
    }
}

/// Signs requests with one set of credentials and settings, deriving the signing key once
/// per day and reusing it.
///
/// ```
/// use oss_naming::Timestamp;
/// use oss_sign::{Credentials, Request, SigningKey};
/// use oss_sign::v4::{Settings, Signer};
/// let key = SigningKey::new("sk");
/// let mut signer = Signer::new(Credentials::new("ak", &key)?, Settings::new("cn-hangzhou")?);
/// let now = Timestamp::from_unix(1_702_743_657).unwrap();
/// let signed = signer.sign(&Request::new("GET").with_bucket("bucket"), now)?;
/// assert!(signed.authorization().starts_with("OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,Signature="));
/// assert_eq!(signed.date(), "20231216T162057Z");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct Signer<'a> {
    creds: Credentials<'a>,
    settings: Settings<'a>,
    key: Option<ScopedKey<'a>>,
}

impl<'a> Signer<'a> {
    /// A signer; the first signature derives the key.
    #[must_use]
    pub const fn new(creds: Credentials<'a>, settings: Settings<'a>) -> Self {
        Self {
            creds,
            settings,
            key: None,
        }
    }

    /// The key for `time`'s day, derived when the day changes.
    fn key(&mut self, time: Timestamp) -> Result<&ScopedKey<'a>, Error> {
        // The region and product are the signer's own: only the day can change.
        let day = time.unix_seconds().div_euclid(86_400);
        if self.key.as_ref().is_none_or(|key| key.day_number() != day) {
            let scope = Scope::new(time, self.settings.region, self.settings.product)?;
            self.key = Some(ScopedKey::derive(self.creds.key, scope));
        }
        self.key
            .as_ref()
            .ok_or_else(|| Entry::CredentialInvalid.into())
    }

    /// Signs `request` for the `Authorization` header at `now`.
    ///
    /// `x-oss-date` (from `now`), `x-oss-content-sha256: UNSIGNED-PAYLOAD` and, with STS
    /// credentials, `x-oss-security-token` are signed unless the request has them; send
    /// what [`Signed::headers`] lists. A request's own `x-oss-date` is signed as given.
    ///
    /// # Errors
    /// `InvalidArgument` "OSS authentication requires a valid Date" when the request's own
    /// `x-oss-date` is not `YYYYMMDDTHHMMSSZ`.
    pub fn sign<'r, H: Headers<'r>, Q: Query<'r>>(
        &mut self,
        request: &Request<'r, H, Q>,
        now: Timestamp,
    ) -> Result<Signed<'a>, Error>
    where
        'a: 'r,
    {
        let found = Found::scan(request);
        let time = match found.date {
            Some(date) => parse_date(date)?,
            None => now,
        };
        let date = time.compact_iso8601();
        let settings = self.settings;
        let creds = self.creds;
        let token = creds.security_token;
        let key = self.key(time)?;
        let parts = header_parts(&found, &date, *key.scope(), &settings, token);
        let signature = signature(key, request, &parts);
        let mut signed = Signed {
            authorization: heapless::String::new(),
            date,
            adds_date: found.date.is_none(),
            adds_content_sha256: found.content_sha256.is_none(),
            adds_security_token: token.filter(|_| found.security_token.is_none()),
            signature,
        };
        let mut sink = StrSink(&mut signed.authorization);
        sink.put(ALGORITHM.as_bytes());
        sink.put(b" Credential=");
        put_credential(&mut sink, creds.access_key_id, key.scope());
        let mut additional = AdditionalText::new();
        parts.put_additional(&mut StrSink(&mut additional), &request.headers);
        if !additional.is_empty() {
            sink.put(b",AdditionalHeaders=");
            sink.put(additional.as_bytes());
        }
        sink.put(b",Signature=");
        sink.put(signature.as_str().as_bytes());
        Ok(signed)
    }

    /// Presigns `request` at `now` for `expires_in` seconds.
    ///
    /// # Errors
    /// `InvalidArgument` "Invalid Argument. Parameter is invalid" for an `expires_in`
    /// outside 1..=[`MAX_EXPIRES_SECS`] (the v2 SDKs refuse more, and so does OSS).
    pub fn presign<H: Headers<'a>, Q: Query<'a>>(
        &mut self,
        request: &Request<'a, H, Q>,
        now: Timestamp,
        expires_in: u64,
    ) -> Result<Presigned<'a, H, Q>, Error> {
        if !(1..=MAX_EXPIRES_SECS).contains(&expires_in) {
            return Err(Entry::ArgumentInvalid.into());
        }
        let creds = self.creds;
        let names = Additional::List(self.settings.additional_headers);
        let key = self.key(now)?;
        let date = now.compact_iso8601();
        let mut credential = CredentialText::new();
        put_credential(
            &mut StrSink(&mut credential),
            creds.access_key_id,
            key.scope(),
        );
        let expires = decimal(expires_in);
        let mut additional = AdditionalText::new();
        put_additional(&mut StrSink(&mut additional), names, true, &request.headers);
        let token = creds.security_token;
        let params = auth_params(&date, &credential, &expires, token, &additional);
        let parts = query_parts(&date, *key.scope(), params, &additional);
        let signature = signature(key, request, &parts);
        let presigned = Presigned {
            request: request.clone(),
            date,
            credential,
            expires,
            security_token: token,
            additional,
            signature,
        };
        Ok(presigned)
    }
}

/// Signs `request` with V4 at `now`: [`Signer::sign`] with a key derived for this call.
///
/// ```
/// use oss_naming::Timestamp;
/// use oss_sign::{Credentials, Request, SigningKey};
/// use oss_sign::v4::{Settings, sign};
/// let key = SigningKey::new("sk");
/// let creds = Credentials::new("ak", &key)?;
/// let headers = [("Content-Type", "text/plain")];
/// let request = Request::new("PUT").with_bucket("bucket").with_key("a.txt").with_headers(&headers);
/// let signed = sign(&creds, &request, &Settings::new("cn-hangzhou")?, Timestamp::from_unix(1_702_743_657).unwrap())?;
/// for (name, value) in signed.headers() {
///     println!("{name}: {value}"); // x-oss-date, x-oss-content-sha256, authorization
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// As [`Signer::sign`].
pub fn sign<'a: 'r, 'r, H: Headers<'r>, Q: Query<'r>>(
    creds: &Credentials<'a>,
    request: &Request<'r, H, Q>,
    settings: &Settings<'a>,
    now: Timestamp,
) -> Result<Signed<'a>, Error> {
    Signer::new(*creds, *settings).sign(request, now)
}

/// Presigns `request` with V4 at `now` for `expires_in` seconds: [`Signer::presign`] with
/// a key derived for this call.
///
/// # Errors
/// As [`Signer::presign`].
pub fn presign<'a, H: Headers<'a>, Q: Query<'a>>(
    creds: &Credentials<'a>,
    request: &Request<'a, H, Q>,
    settings: &Settings<'a>,
    now: Timestamp,
    expires_in: u64,
) -> Result<Presigned<'a, H, Q>, Error> {
    Signer::new(*creds, *settings).presign(request, now, expires_in)
}

/// The V4 headers a request carries itself (first values).
#[derive(Clone, Copy, Debug, Default)]
struct Found<'a> {
    date: Option<&'a [u8]>,
    content_sha256: Option<&'a [u8]>,
    security_token: Option<&'a [u8]>,
}

impl<'a> Found<'a> {
    fn scan<H: Headers<'a>, Q>(request: &Request<'a, H, Q>) -> Self {
        let mut found = Self::default();
        for (name, value) in request.headers.fields() {
            let slot = if name.eq_ignore_ascii_case(DATE_HEADER.as_bytes()) {
                &mut found.date
            } else if name.eq_ignore_ascii_case(CONTENT_SHA256_HEADER.as_bytes()) {
                &mut found.content_sha256
            } else if name.eq_ignore_ascii_case(SECURITY_TOKEN_HEADER.as_bytes()) {
                &mut found.security_token
            } else {
                continue;
            };
            if slot.is_none() {
                *slot = Some(value.trim_ascii());
            }
        }
        found
    }
}

/// An `x-oss-date` value as an instant.
fn parse_date(date: &[u8]) -> Result<Timestamp, Error> {
    core::str::from_utf8(date)
        .ok()
        .and_then(parse_compact_iso8601)
        .ok_or_else(|| Entry::DateInvalid.into())
}

/// The parts of a header-form signature: the V4 headers the request lacks are added.
fn header_parts<'p>(
    found: &Found<'p>,
    date: &'p Compact,
    scope: Scope<'p>,
    settings: &Settings<'p>,
    token: Option<&'p str>,
) -> Parts<'p> {
    let missing = |present: Option<&[u8]>, name: &'static str, value: Option<&'p [u8]>| {
        value
            .filter(|_| present.is_none())
            .map(|value| (name.as_bytes(), value))
    };
    Parts {
        date: found.date.unwrap_or(date.as_str().as_bytes()),
        scope,
        extra_headers: [
            missing(found.date, DATE_HEADER, Some(date.as_str().as_bytes())),
            missing(
                found.content_sha256,
                CONTENT_SHA256_HEADER,
                Some(UNSIGNED_PAYLOAD.as_bytes()),
            ),
            missing(
                found.security_token,
                SECURITY_TOKEN_HEADER,
                token.map(str::as_bytes),
            ),
        ],
        extra_query: [None; 6],
        additional: Additional::List(settings.additional_headers),
        drop_absent: true,
        payload: found.content_sha256.unwrap_or(UNSIGNED_PAYLOAD.as_bytes()),
        skip_signature_param: false,
    }
}

/// Puts `AccessKeyId/scope`.
fn put_credential(sink: &mut impl Sink, access_key_id: &str, scope: &Scope<'_>) {
    sink.put(access_key_id.as_bytes());
    sink.put(b"/");
    scope.put(sink);
}

/// Pushes text into a fixed-capacity string; the callers size it for the longest value
/// and put only text (names, scope, hex, `;`), so a piece that is not is dropped.
struct StrSink<'s, const N: usize>(&'s mut heapless::String<N>);

impl<const N: usize> Sink for StrSink<'_, N> {
    fn put(&mut self, bytes: &[u8]) {
        let pushed = core::str::from_utf8(bytes)
            .map_err(|_| ())
            .and_then(|text| self.0.push_str(text).map_err(|_| ()));
        debug_assert!(pushed.is_ok());
    }
}

/// The longest `Authorization` value: the algorithm, the credential, the
/// `AdditionalHeaders` item and the signature, with their labels.
const AUTHORIZATION_CAPACITY: usize = 1024;

/// A V4 header signature: the `Authorization` value and the headers that go with it.
#[derive(Clone, Debug)]
pub struct Signed<'a> {
    authorization: heapless::String<AUTHORIZATION_CAPACITY>,
    date: Compact,
    /// Whether `x-oss-date` was added (the request lacked it).
    adds_date: bool,
    /// Whether `x-oss-content-sha256` was added (the request lacked it).
    adds_content_sha256: bool,
    /// The STS token, when it was added as a header (the request lacked it).
    adds_security_token: Option<&'a str>,
    signature: SignatureV4,
}

impl<'a> Signed<'a> {
    /// The `Authorization` value,
    /// `OSS4-HMAC-SHA256 Credential=<id>/<scope>[,AdditionalHeaders=<a;b>],Signature=<hex>`.
    #[must_use]
    pub fn authorization(&self) -> &str {
        &self.authorization
    }

    /// The `x-oss-date` signed.
    #[must_use]
    pub fn date(&self) -> &str {
        self.date.as_str()
    }

    /// The signature.
    #[must_use]
    pub const fn signature(&self) -> &SignatureV4 {
        &self.signature
    }

    /// The headers to add to the request before sending it: those it was signed with but
    /// lacked (`x-oss-date`, `x-oss-content-sha256`, `x-oss-security-token`), then
    /// `authorization`.
    pub fn headers(&self) -> impl Iterator<Item = (&'static str, &str)> {
        [
            self.adds_date.then_some((DATE_HEADER, self.date.as_str())),
            self.adds_content_sha256
                .then_some((CONTENT_SHA256_HEADER, UNSIGNED_PAYLOAD)),
            self.adds_security_token
                .map(|token| (SECURITY_TOKEN_HEADER, token)),
            Some(("authorization", self.authorization.as_str())),
        ]
        .into_iter()
        .flatten()
    }
}

/// A V4 presigned request: its query string or URL.
#[derive(Clone, Debug)]
pub struct Presigned<'a, H, Q> {
    request: Request<'a, H, Q>,
    date: Compact,
    credential: CredentialText,
    expires: heapless::String<20>,
    security_token: Option<&'a str>,
    additional: AdditionalText,
    signature: SignatureV4,
}

/// The V4 query parameters of a presigned URL, signed with the rest of the query (the
/// signature itself excepted).
fn auth_params<'p>(
    date: &'p Compact,
    credential: &'p str,
    expires: &'p str,
    security_token: Option<&'p str>,
    additional: &'p str,
) -> [Option<Param<'p>>; 6] {
    [
        Some(Param::new(SIGNATURE_VERSION_PARAM, ALGORITHM)),
        Some(Param::new(CREDENTIAL_PARAM, credential)),
        Some(Param::new(DATE_PARAM, date.as_str())),
        Some(Param::new(EXPIRES_PARAM, expires)),
        security_token.map(|token| Param::new(TOKEN_PARAM, token)),
        (!additional.is_empty()).then(|| Param::new(ADDITIONAL_HEADERS_PARAM, additional)),
    ]
}

/// The parts of a presigned signature.
fn query_parts<'p>(
    date: &'p Compact,
    scope: Scope<'p>,
    params: [Option<Param<'p>>; 6],
    additional: &'p str,
) -> Parts<'p> {
    Parts {
        date: date.as_str().as_bytes(),
        scope,
        extra_headers: [None; 3],
        extra_query: params,
        additional: Additional::Raw(additional.as_bytes()),
        drop_absent: true,
        payload: UNSIGNED_PAYLOAD.as_bytes(),
        skip_signature_param: false,
    }
}

impl<'a, H: Headers<'a>, Q: Query<'a>> Presigned<'a, H, Q> {
    /// The signature.
    #[must_use]
    pub const fn signature(&self) -> &SignatureV4 {
        &self.signature
    }

    /// Writes the query string (no leading `?`): every parameter of the canonical query,
    /// in its order, then `x-oss-signature`.
    ///
    /// # Errors
    /// Whatever `out` returns.
    pub fn write_query(&self, out: &mut impl fmt::Write) -> fmt::Result {
        let mut sink = FmtSink {
            out: &mut *out,
            result: Ok(()),
        };
        let auth = auth_params(
            &self.date,
            &self.credential,
            &self.expires,
            self.security_token,
            &self.additional,
        );
        let params = self
            .request
            .query
            .params()
            .map(Param::shorter)
            .chain(auth.into_iter().flatten());
        crate::v4::canonical::write_query(&mut sink, params);
        sink.result?;
        write!(out, "&{SIGNATURE_PARAM}={}", self.signature)
    }

    /// Writes the whole URL, virtual-hosted style: `<scheme>://<bucket>.<host>/<key>?<query>`.
    ///
    /// # Errors
    /// Whatever `out` returns.
    pub fn write_url(&self, endpoint: &str, out: &mut impl fmt::Write) -> fmt::Result {
        crate::presign::write_url_base(&self.request, endpoint, out)?;
        self.write_query(out)
    }

    /// The query string ([`Presigned::write_query`]).
    #[cfg(feature = "alloc")]
    #[must_use]
    pub fn query(&self) -> alloc::string::String {
        let mut out = alloc::string::String::new();
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

/// Which V4 transcript [`canonical_request`] and [`string_to_sign`] write.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub enum Form<'a> {
    /// What [`sign`] signs with these settings and credentials at this time.
    Header {
        /// The settings.
        settings: Settings<'a>,
        /// The credentials.
        creds: Credentials<'a>,
        /// The signing time.
        now: Timestamp,
    },
    /// What a server computes for a V4 request as received (its `Authorization` header or
    /// presigned query), as [`Verifier`](crate::Verifier) does; the region is the one the
    /// request names.
    Received,
}

/// Writes the canonical request of `request` in `form`: what [`sign`] hashes, or what a
/// server computed for a request it received (OSS reports it as `CanonicalRequest` with
/// `SignatureDoesNotMatch`).
///
/// # Errors
/// As [`Signer::sign`]; for [`Form::Received`], the errors of a malformed V4
/// `Authorization` header or presigned query (see [`Verifier`](crate::Verifier)).
pub fn canonical_request<'a, H: Headers<'a>, Q: Query<'a>>(
    request: &Request<'a, H, Q>,
    form: Form<'a>,
    out: &mut (impl Transcript + ?Sized),
) -> Result<(), Error> {
    transcript(request, form, out, false)
}

/// Writes the string-to-sign of `request` in `form` (see [`canonical_request`]).
///
/// # Errors
/// As [`canonical_request`].
pub fn string_to_sign<'a, H: Headers<'a>, Q: Query<'a>>(
    request: &Request<'a, H, Q>,
    form: Form<'a>,
    out: &mut (impl Transcript + ?Sized),
) -> Result<(), Error> {
    transcript(request, form, out, true)
}

fn transcript<'a, H: Headers<'a>, Q: Query<'a>>(
    request: &Request<'a, H, Q>,
    form: Form<'a>,
    out: &mut (impl Transcript + ?Sized),
    string_to_sign: bool,
) -> Result<(), Error> {
    let Form::Header {
        settings,
        creds,
        now,
    } = form
    else {
        let authorization = request
            .headers
            .fields()
            .find(|(name, _)| name.eq_ignore_ascii_case(b"authorization"))
            .map(|(_, value)| value);
        let sink = &mut TranscriptSink(out);
        return crate::v4::verify::received_transcript(
            request,
            authorization,
            sink,
            string_to_sign,
        );
    };
    let found = Found::scan(request);
    let time = match found.date {
        Some(date) => parse_date(date)?,
        None => now,
    };
    let date = time.compact_iso8601();
    let scope = Scope::new(time, settings.region, settings.product)?;
    let parts = header_parts(&found, &date, scope, &settings, creds.security_token);
    if string_to_sign {
        write_string_to_sign(&mut TranscriptSink(out), request, &parts);
    } else {
        write_canonical_request(&mut TranscriptSink(out), request, &parts);
    }
    Ok(())
}
