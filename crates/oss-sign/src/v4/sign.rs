//! V4 header signing and presigning.

use oss_errors::{Entry, Error};
use oss_naming::{Compact, Timestamp, is_token_byte, parse_compact_iso8601};

use crate::canonical::Sink;
use crate::credentials::Credentials;
use crate::input::{Headers, Query};
use crate::request::Request;
use crate::sign::SECURITY_TOKEN_HEADER;
use crate::v4::canonical::{ALGORITHM, Additional, Parts, joined, signature};
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
pub(crate) type CredentialText = heapless::String<CREDENTIAL_CAPACITY>;

/// The longest `AccessKeyId/YYYYMMDD/region/product/aliyun_v4_request`.
const CREDENTIAL_CAPACITY: usize = oss_naming::MAX_ACCESS_KEY_ID_LEN
    + "/YYYYMMDD/".len()
    + crate::v4::MAX_REGION_LEN
    + "/oss-cloudbox/".len()
    + crate::v4::TERMINATOR.len();
/// The rendered `AdditionalHeaders` list.
pub(crate) type AdditionalText = heapless::String<MAX_ADDITIONAL_HEADERS_LEN>;

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
    pub(crate) additional_headers: &'a [&'a str],
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
    pub(crate) creds: Credentials<'a>,
    pub(crate) settings: Settings<'a>,
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
    pub(crate) fn key(&mut self, time: Timestamp) -> Result<&ScopedKey<'a>, Error> {
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
            authorization: heapless::Vec::new(),
            date,
            adds_date: found.date.is_none(),
            adds_content_sha256: found.content_sha256.is_none(),
            adds_security_token: token.filter(|_| found.security_token.is_none()),
            signature,
        };
        let mut text = TextSink(&mut signed.authorization);
        text.put(&AUTHORIZATION_HEAD);
        put_credential(&mut text, creds.access_key_id, key.scope());
        let labelled = text.0.len();
        text.put(b",AdditionalHeaders=");
        let listed = text.0.len();
        parts.put_additional(&mut text, &request.headers);
        if text.0.len() == listed {
            text.0.truncate(labelled);
        }
        text.put(b",Signature=");
        text.put(&signature.hex);
        Ok(signed)
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

/// The V4 headers a request carries itself (first values).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Found<'a> {
    pub(crate) date: Option<&'a [u8]>,
    content_sha256: Option<&'a [u8]>,
    security_token: Option<&'a [u8]>,
}

impl<'a> Found<'a> {
    pub(crate) fn scan<H: Headers<'a>, Q>(request: &Request<'a, H, Q>) -> Self {
        let mut found = Self::default();
        for (name, value) in request.headers.fields() {
            // The length first: most names are none of these, and are told so by it.
            let slot = match name.len() {
                10 if name.eq_ignore_ascii_case(DATE_HEADER.as_bytes()) => &mut found.date,
                20 if name.eq_ignore_ascii_case(CONTENT_SHA256_HEADER.as_bytes()) => {
                    &mut found.content_sha256
                }
                20 if name.eq_ignore_ascii_case(SECURITY_TOKEN_HEADER.as_bytes()) => {
                    &mut found.security_token
                }
                _ => continue,
            };
            if slot.is_none() {
                *slot = Some(value.trim_ascii());
            }
        }
        found
    }
}

/// An `x-oss-date` value as an instant.
pub(crate) fn parse_date(date: &[u8]) -> Result<Timestamp, Error> {
    core::str::from_utf8(date)
        .ok()
        .and_then(parse_compact_iso8601)
        .ok_or_else(|| Entry::DateInvalid.into())
}

/// The parts of a header-form signature: the V4 headers the request lacks are added.
pub(crate) fn header_parts<'p>(
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
pub(crate) fn put_credential(sink: &mut impl Sink, access_key_id: &str, scope: &Scope<'_>) {
    sink.put(access_key_id.as_bytes());
    sink.put(b"/");
    scope.put(sink);
}

/// Gathers text as bytes, to be checked as UTF-8 once when read ([`into_text`]). The
/// callers size it for the longest value and put only ASCII (names, scope, hex, `;`), so
/// a piece that does not fit is dropped.
pub(crate) struct TextSink<'s, const N: usize>(pub(crate) &'s mut heapless::Vec<u8, N>);

impl<const N: usize> Sink for TextSink<'_, N> {
    fn put(&mut self, bytes: &[u8]) {
        let pushed = self.0.extend_from_slice(bytes);
        debug_assert!(pushed.is_ok());
    }
}

/// Gathered text as a string (empty if it were not UTF-8, which the callers never put).
pub(crate) fn into_text<const N: usize>(bytes: heapless::Vec<u8, N>) -> heapless::String<N> {
    let text = heapless::String::from_utf8(bytes);
    debug_assert!(text.is_ok());
    text.unwrap_or_default()
}

/// Gathered text as a `str` (empty if it were not UTF-8, which the callers never put).
fn as_text(bytes: &[u8]) -> &str {
    let text = core::str::from_utf8(bytes);
    debug_assert!(text.is_ok());
    text.unwrap_or_default()
}

/// The `Authorization` value up to the credential.
const AUTHORIZATION_HEAD: [u8; ALGORITHM.len() + " Credential=".len()] =
    joined(&[ALGORITHM, " Credential="]);

/// The longest `Authorization` value: the algorithm, the credential, the
/// `AdditionalHeaders` item and the signature, with their labels.
const AUTHORIZATION_CAPACITY: usize = ALGORITHM.len()
    + " Credential=".len()
    + CREDENTIAL_CAPACITY
    + ",AdditionalHeaders=".len()
    + MAX_ADDITIONAL_HEADERS_LEN
    + ",Signature=".len()
    + crate::v4::SIGNATURE_V4_LEN;

/// A V4 header signature: the `Authorization` value and the headers that go with it.
#[derive(Clone, Debug)]
pub struct Signed<'a> {
    /// ASCII, checked as UTF-8 when read.
    authorization: heapless::Vec<u8, AUTHORIZATION_CAPACITY>,
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
        as_text(&self.authorization)
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
            Some(("authorization", self.authorization())),
        ]
        .into_iter()
        .flatten()
    }
}
