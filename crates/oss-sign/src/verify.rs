//! Server-side verification of V1 requests (Authorization header or presigned URL).

use oss_errors::{Entry, Error};
use oss_naming::{
    MAX_ACCESS_KEY_ID_LEN, Timestamp, check_access_key_id, parse_decimal, parse_rfc1123,
};

use crate::canonical::HeaderScan;
use crate::input::{Headers, Query};
use crate::key::SigningKey;
use crate::parse::ParsedAuthorization;
use crate::presign::SECURITY_TOKEN_PARAM;
use crate::request::{Param, Request};
use crate::sign::{Form, header_signature, signature_of};
use crate::signature::SIGNATURE_LEN;
use crate::text::Text;
use crate::v4::received::{has_v4_query, is_v4_authorization};
use crate::v4::{Scope, ScopedKey};

/// How far (in seconds) a request's date may be from the server clock: 15 minutes.
pub const MAX_CLOCK_SKEW_SECS: u64 = 15 * 60;

/// The STS security token a request carries, as found (header value, or query value
/// still percent-encoded).
///
/// ```
/// use oss_sign::SecurityToken;
/// assert!(SecurityToken::from_header(b"token").matches("token"));
/// ```
#[derive(Clone, Copy, Debug)]
pub struct SecurityToken<'a>(Text<'a>);

impl<'a> SecurityToken<'a> {
    /// A token from the `x-oss-security-token` header.
    #[must_use]
    pub const fn from_header(value: &'a [u8]) -> Self {
        Self(Text::Plain(value))
    }

    /// A token from the `x-oss-security-token` query parameter of a V4 presigned URL.
    pub(crate) const fn from_query(param: Param<'a>) -> Self {
        Self(param.value)
    }

    /// Whether the (decoded) token equals `expected`.
    #[must_use]
    pub fn matches(&self, expected: &str) -> bool {
        self.0.eq_bytes(expected.as_bytes())
    }
}

/// Finds the signing key of an AccessKeyId: the server's credential store.
///
/// [`Verifier::verify`] calls it only for a request that got that far: a well-formed
/// `Authorization` header or presigned query, an AccessKeyId of acceptable characters,
/// and a valid date within the allowed skew (or an `Expires` not yet past). A request
/// that fails any of those is refused without a lookup, so a store backed by a database
/// is not queried for requests that were dead on arrival.
///
/// Implemented for a single `(id, key)` pair and for slices of them (no STS checks);
/// implement it for your store to reject disabled keys ("The OSS Access Key Id you
/// provided is disabled.") or check STS tokens.
///
/// ```
/// use oss_sign::{KeyLookup, SigningKey};
/// let key = SigningKey::new("sk");
/// let keys = [("ak", &key)];
/// assert!(keys.as_slice().signing_key("ak", None).is_ok());
/// assert_eq!(keys.as_slice().signing_key("other", None).unwrap_err().code().as_str(), "InvalidAccessKeyId");
/// ```
pub trait KeyLookup {
    /// The key for `access_key_id`; `security_token` is the STS token the request carries.
    ///
    /// # Errors
    /// `InvalidAccessKeyId` (unknown or disabled), or any error the store chooses.
    fn signing_key(
        &self,
        access_key_id: &str,
        security_token: Option<SecurityToken<'_>>,
    ) -> Result<&SigningKey, Error>;

    /// The V4 signing key of `access_key_id` for `scope`. The default derives it from
    /// [`KeyLookup::signing_key`] on every call (four HMAC-SHA256 computations); a store
    /// that serves many V4 requests can keep derived keys per (id, scope) as
    /// [`OwnedScopedKey`](crate::v4::OwnedScopedKey)s instead, as `oss-tower`'s `KeyStore`
    /// does.
    ///
    /// # Errors
    /// As [`KeyLookup::signing_key`].
    fn scoped_key<'s>(
        &self,
        access_key_id: &str,
        security_token: Option<SecurityToken<'_>>,
        scope: Scope<'s>,
    ) -> Result<ScopedKey<'s>, Error> {
        Ok(ScopedKey::derive(
            self.signing_key(access_key_id, security_token)?,
            scope,
        ))
    }
}

impl KeyLookup for (&str, &SigningKey) {
    fn signing_key(
        &self,
        access_key_id: &str,
        _token: Option<SecurityToken<'_>>,
    ) -> Result<&SigningKey, Error> {
        if self.0 == access_key_id {
            Ok(self.1)
        } else {
            Err(Entry::AccessKeyIdUnknown.into())
        }
    }
}

impl KeyLookup for [(&str, &SigningKey)] {
    fn signing_key(
        &self,
        access_key_id: &str,
        _token: Option<SecurityToken<'_>>,
    ) -> Result<&SigningKey, Error> {
        self.iter()
            .find(|(id, _)| *id == access_key_id)
            .map(|(_, key)| *key)
            .ok_or_else(|| Entry::AccessKeyIdUnknown.into())
    }
}

/// How a request was authenticated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum AuthMethod {
    /// No signature at all (OSS then applies the bucket and object ACLs).
    Anonymous,
    /// `Authorization: OSS id:signature`.
    Header,
    /// A presigned URL (`OSSAccessKeyId`, `Expires`, `Signature`).
    Query,
    /// `Authorization: OSS4-HMAC-SHA256 Credential=...` (Signature V4).
    HeaderV4,
    /// A V4 presigned URL (`x-oss-signature-version=OSS4-HMAC-SHA256`, ...).
    QueryV4,
    /// A V4 PostObject form (`x-oss-signature` over the policy).
    PostV4,
}

impl AuthMethod {
    /// How `request` is signed, read off the request itself as [`Verifier::verify`] does
    /// (it does not verify anything): a V4 or V1 `Authorization` header first, then V4,
    /// then V1 presigning parameters, else anonymous.
    ///
    /// ```
    /// use oss_sign::{AuthMethod, RawQuery, Request};
    /// let query = RawQuery::new("x-oss-signature-version=OSS4-HMAC-SHA256&x-oss-signature=ab");
    /// assert_eq!(AuthMethod::of(&Request::new("GET").with_query(query)), AuthMethod::QueryV4);
    /// assert_eq!(AuthMethod::of(&Request::new("GET")), AuthMethod::Anonymous);
    /// ```
    #[must_use]
    pub fn of<'a, H: Headers<'a>, Q: Query<'a>>(request: &Request<'a, H, Q>) -> Self {
        let authorization = request
            .headers
            .fields()
            .find(|(name, _)| name.eq_ignore_ascii_case(b"authorization"));
        if let Some((_, value)) = authorization {
            return if is_v4_authorization(value) {
                Self::HeaderV4
            } else {
                Self::Header
            };
        }
        if has_v4_query(request.query.params()) {
            Self::QueryV4
        } else if QueryAuth::scan(request.query.params()).is_present() {
            Self::Query
        } else {
            Self::Anonymous
        }
    }
}

/// The AccessKeyId of a verified request: borrowed from it, or percent-decoded from a
/// presigned query.
#[derive(Clone, Debug)]
pub(crate) enum SignedBy<'a> {
    Nobody,
    Borrowed(&'a str),
    Decoded(heapless::String<MAX_ACCESS_KEY_ID_LEN>),
}

/// A request that passed verification.
///
/// ```
/// use oss_naming::Timestamp;
/// use oss_sign::{AuthMethod, Request, SigningKey, Verifier};
/// let keys: [(&str, &SigningKey); 0] = [];
/// let now = Timestamp::from_unix(0).unwrap();
/// let verified = Verifier::new().verify(&Request::new("GET"), now, keys.as_slice())?;
/// assert_eq!(verified.method(), AuthMethod::Anonymous);
/// assert_eq!(verified.access_key_id(), None);
/// # Ok::<(), oss_errors::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Verified<'a> {
    method: AuthMethod,
    signed_by: SignedBy<'a>,
    expires: Option<u64>,
}

impl<'a> Verified<'a> {
    pub(crate) const fn new(
        method: AuthMethod,
        signed_by: SignedBy<'a>,
        expires: Option<u64>,
    ) -> Self {
        Self {
            method,
            signed_by,
            expires,
        }
    }

    /// How the request was authenticated.
    #[must_use]
    pub const fn method(&self) -> AuthMethod {
        self.method
    }

    /// The AccessKeyId that signed, unless anonymous.
    #[must_use]
    pub fn access_key_id(&self) -> Option<&str> {
        match &self.signed_by {
            SignedBy::Nobody => None,
            SignedBy::Borrowed(id) => Some(id),
            SignedBy::Decoded(id) => Some(id),
        }
    }

    /// The `Expires` of a presigned URL (Unix seconds).
    #[must_use]
    pub const fn expires(&self) -> Option<u64> {
        self.expires
    }
}

/// Checks V1 signatures as OSS does, against the caller's clock and key store.
///
/// The order of the checks is OSS's and is part of the contract: a malformed
/// `Authorization` header or presigned query first, then the AccessKeyId's characters,
/// then the date (missing, invalid, skewed) or the expiry, then the key lookup, then the
/// signature.
///
/// ```
/// use oss_naming::Timestamp;
/// use oss_sign::{Credentials, Request, SigningKey, Verifier, sign};
/// let key = SigningKey::new("sk");
/// let creds = Credentials::new("ak", &key)?;
/// let now = Timestamp::from_unix(1_672_223_300).unwrap();
/// let date = now.rfc1123().to_string();
/// let mut headers = vec![("Date", date.as_str())];
/// let auth = sign(&creds, &Request::new("GET").with_bucket("b").with_headers(&headers));
/// headers.push(("Authorization", auth.as_str()));
/// let request = Request::new("GET").with_bucket("b").with_headers(&headers);
/// let keys = [("ak", &key)];
/// let verified = Verifier::new().verify(&request, now, keys.as_slice())?;
/// assert_eq!(verified.access_key_id(), Some("ak"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Verifier<'r> {
    max_skew: u64,
    regions: &'r [&'r str],
    empty_additional_headers: bool,
}

impl Default for Verifier<'_> {
    fn default() -> Self {
        Self::new()
    }
}

/// The authentication parameters of a query string (first occurrence of each).
#[derive(Clone, Copy, Default)]
struct QueryAuth<'a> {
    access_key_id: Option<Param<'a>>,
    expires: Option<Param<'a>>,
    signature: Option<Param<'a>>,
    security_token: Option<Param<'a>>,
}

impl<'a> QueryAuth<'a> {
    fn scan(params: impl Iterator<Item = Param<'a>>) -> Self {
        let mut found = Self::default();
        for param in params {
            let slot = if param.name_is("OSSAccessKeyId") {
                &mut found.access_key_id
            } else if param.name_is("Expires") {
                &mut found.expires
            } else if param.name_is("Signature") {
                &mut found.signature
            } else if param.name_is(SECURITY_TOKEN_PARAM) {
                &mut found.security_token
            } else {
                continue;
            };
            if slot.is_none() {
                *slot = Some(param);
            }
        }
        found
    }

    fn is_present(&self) -> bool {
        self.access_key_id.is_some() || self.expires.is_some() || self.signature.is_some()
    }
}

/// The `Expires` text a presigned request signs (empty when absent), or `None` when the
/// request is not query-authenticated: what [`Form::Received`] puts on the DATE line.
pub(crate) fn received_expires<'a, H, Q: Query<'a>>(
    request: &Request<'a, H, Q>,
    scan: &HeaderScan<'a>,
) -> Option<Text<'a>> {
    if scan.authorization.is_some() {
        return None;
    }
    let query = QueryAuth::scan(request.query.params());
    query
        .is_present()
        .then(|| query.expires.map_or(Text::Plain(&[]), |param| param.value))
}

impl<'r> Verifier<'r> {
    /// A verifier allowing [`MAX_CLOCK_SKEW_SECS`] of clock skew, serving no V4 region
    /// yet (V4 requests are refused as signed for another region until
    /// [`Verifier::with_regions`] names the server's).
    #[must_use]
    pub const fn new() -> Self {
        Self {
            max_skew: MAX_CLOCK_SKEW_SECS,
            regions: &[],
            empty_additional_headers: false,
        }
    }

    /// Changes the allowed clock skew (header forms, and how far ahead a V4 URL's
    /// `x-oss-date` may be).
    #[must_use]
    pub const fn with_max_skew(mut self, seconds: u64) -> Self {
        self.max_skew = seconds;
        self
    }

    /// The regions (or cloud-box ids) this server answers for: a V4 credential naming
    /// another is refused with "Invalid signing region in Authorization header.".
    #[must_use]
    pub const fn with_regions(mut self, regions: &'r [&'r str]) -> Self {
        self.regions = regions;
        self
    }

    /// Whether a V4 `Authorization` may carry an empty `AdditionalHeaders=` item (read as
    /// no additional headers). OSS refuses one (EC 0002-00000209), and so does a new
    /// verifier; reqsign-aliyun-oss (OpenDAL's signer) always writes the item, empty when
    /// no header is added, so a test server for such clients may accept it.
    ///
    /// ```
    /// use oss_sign::Verifier;
    /// let _lenient = Verifier::new().with_regions(&["cn-hangzhou"]).with_empty_additional_headers(true);
    /// ```
    #[must_use]
    pub const fn with_empty_additional_headers(mut self, accept: bool) -> Self {
        self.empty_additional_headers = accept;
        self
    }

    /// The regions served.
    pub(crate) const fn regions(&self) -> &'r [&'r str] {
        self.regions
    }

    /// The clock skew allowed, in seconds.
    pub(crate) const fn max_skew(&self) -> u64 {
        self.max_skew
    }

    /// Whether an empty `AdditionalHeaders=` item reads as none.
    pub(crate) const fn accepts_empty_additional_headers(&self) -> bool {
        self.empty_additional_headers
    }

    /// Verifies `request` at time `now`, with keys from `keys`. A request with neither an
    /// `Authorization` header nor presigned-query parameters is anonymous.
    ///
    /// On `SignatureDoesNotMatch`, [`string_to_sign`](crate::string_to_sign) with
    /// [`Form::Received`] gives the string-to-sign the server computed, which OSS reports
    /// as `StringToSign`.
    ///
    /// # Errors
    /// The exact OSS errors, in this order: "Either the Signature query string parameter
    /// or the Authorization header should be specified, not both"; the
    /// Authorization-header `InvalidArgument` entries, or AccessDenied "Query-string
    /// authentication requires the Signature, Expires and OSSAccessKeyId parameters";
    /// `MissingAccessKeyId` or `InvalidAccessKeyId` for the id's characters; "OSS
    /// authentication requires a valid Date" and `RequestTimeTooSkewed`, or AccessDenied
    /// for an invalid `Expires` ("Request has expired." for a past one); whatever `keys` returns; `SignatureDoesNotMatch`.
    pub fn verify<'a, H, Q, K>(
        &self,
        request: &Request<'a, H, Q>,
        now: Timestamp,
        keys: &K,
    ) -> Result<Verified<'a>, Error>
    where
        H: Headers<'a>,
        Q: Query<'a>,
        K: KeyLookup + ?Sized,
    {
        let query = QueryAuth::scan(request.query.params());
        let v4_query = has_v4_query(request.query.params());
        let header = |wanted: &[u8]| {
            request
                .headers
                .fields()
                .find(|(name, _)| name.eq_ignore_ascii_case(wanted))
                .map(|(_, value)| value.trim_ascii())
        };
        // A V4 header needs none of the V1 header scan.
        if let Some(value) = header(b"authorization")
            && is_v4_authorization(value)
        {
            if query.signature.is_some() || v4_query {
                return Err(Entry::SignatureInQueryAndHeader.into());
            }
            let token = header(crate::sign::SECURITY_TOKEN_HEADER.as_bytes());
            return crate::v4::verify::verify_header(request, value, token, self, now, keys);
        }
        let scan = HeaderScan::new(request.headers.fields(), None);
        if let Some(value) = scan.authorization {
            if query.signature.is_some() || v4_query {
                return Err(Entry::SignatureInQueryAndHeader.into());
            }
            return self.verify_header(request, &scan, value, now, keys);
        }
        if v4_query {
            return crate::v4::verify::verify_query(request, self, now, keys);
        }
        if query.is_present() {
            return verify_query(request, &query, now, keys);
        }
        Ok(Verified {
            method: AuthMethod::Anonymous,
            signed_by: SignedBy::Nobody,
            expires: None,
        })
    }

    fn verify_header<'a, H, Q, K>(
        &self,
        request: &Request<'a, H, Q>,
        scan: &HeaderScan<'a>,
        value: &'a [u8],
        now: Timestamp,
        keys: &K,
    ) -> Result<Verified<'a>, Error>
    where
        H: Headers<'a>,
        Q: Query<'a>,
        K: KeyLookup + ?Sized,
    {
        let auth = ParsedAuthorization::parse(value)?;
        let id = auth.access_key_id();
        check_access_key_id(id)?;
        let date = scan
            .date_line()
            .and_then(|date| core::str::from_utf8(date).ok())
            .and_then(|date| parse_rfc1123(date).ok())
            .ok_or(Entry::DateInvalid)?;
        if date.unix_seconds().abs_diff(now.unix_seconds()) > self.max_skew {
            return Err(Entry::RequestTimeTooSkewed.into());
        }
        let token = scan.security_token.map(SecurityToken::from_header);
        let key = keys.signing_key(id, token)?;
        header_signature(key, request, scan).verify(auth.signature())?;
        Ok(Verified {
            method: AuthMethod::Header,
            signed_by: SignedBy::Borrowed(id),
            expires: None,
        })
    }
}

fn verify_query<'a, H, Q, K>(
    request: &Request<'a, H, Q>,
    query: &QueryAuth<'a>,
    now: Timestamp,
    keys: &K,
) -> Result<Verified<'a>, Error>
where
    H: Headers<'a>,
    Q: Query<'a>,
    K: KeyLookup + ?Sized,
{
    let (Some(id), Some(expires), Some(signature)) =
        (query.access_key_id, query.expires, query.signature)
    else {
        return Err(Entry::QueryAuthIncomplete.into());
    };
    if id.value_is_empty() || expires.value_is_empty() || signature.value_is_empty() {
        return Err(Entry::QueryAuthIncomplete.into());
    }
    let signed_by = query_id(&id)?;
    let mut digits = [0u8; 20];
    let expires_at = expires
        .decode_value(&mut digits)
        .and_then(parse_decimal)
        .ok_or(Entry::AccessDenied)?;
    if u64::try_from(now.unix_seconds()).is_ok_and(|now| now > expires_at) {
        return Err(Entry::RequestExpired.into());
    }
    let verified = Verified {
        method: AuthMethod::Query,
        signed_by,
        expires: Some(expires_at),
    };
    let token = query.security_token.map(|param| SecurityToken(param.value));
    let id = verified.access_key_id().unwrap_or_default();
    let key = keys.signing_key(id, token)?;
    let expected = signature_of(key, request, Form::Received);
    // A value longer than any signature cannot match: compare it as empty.
    let mut provided = [0u8; SIGNATURE_LEN + 1];
    expected.verify(signature.decode_value(&mut provided).unwrap_or_default())?;
    Ok(verified)
}

/// The AccessKeyId of a presigned query: borrowed when it needs no decoding, else
/// decoded; its characters are checked either way.
fn query_id<'a>(param: &Param<'a>) -> Result<SignedBy<'a>, Error> {
    let signed_by = match param.value {
        Text::Plain(bytes) | Text::Encoded(bytes, _)
            if !bytes.iter().any(|&b| b == b'%' || b == b'+') =>
        {
            let id =
                core::str::from_utf8(bytes).map_err(|_| Error::from(Entry::AccessKeyIdBadChars))?;
            SignedBy::Borrowed(id)
        }
        _ => {
            let mut buf = [0u8; MAX_ACCESS_KEY_ID_LEN];
            // An id that decodes longer than any this library signs with is unknown.
            let bytes = param
                .decode_value(&mut buf)
                .ok_or(Entry::AccessKeyIdUnknown)?;
            let id =
                core::str::from_utf8(bytes).map_err(|_| Error::from(Entry::AccessKeyIdBadChars))?;
            SignedBy::Decoded(
                id.try_into()
                    .map_err(|_| Error::from(Entry::AccessKeyIdUnknown))?,
            )
        }
    };
    let id = match &signed_by {
        SignedBy::Borrowed(id) => id,
        SignedBy::Decoded(id) => id.as_str(),
        SignedBy::Nobody => "",
    };
    check_access_key_id(id)?;
    Ok(signed_by)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Credentials, Form, RawQuery, presign, sign, string_to_sign};
    use alloc::string::{String, ToString};
    use alloc::vec::Vec;
    use core::cell::Cell;
    use oss_errors::Entry;

    const NOW: u64 = 1_672_223_261; // Wed, 28 Dec 2022 10:27:41 GMT

    fn at(secs: u64) -> Timestamp {
        Timestamp::from_unix(i64::try_from(secs).unwrap()).unwrap()
    }

    fn key() -> SigningKey {
        SigningKey::new("sk")
    }

    fn signed_headers(
        key: &SigningKey,
        extra: &[(&'static str, &'static str)],
    ) -> Vec<(String, String)> {
        let creds = Credentials::new("ak", key).unwrap();
        let mut headers: Vec<(&str, &str)> = alloc::vec![
            ("Date", "Wed, 28 Dec 2022 10:27:41 GMT"),
            ("x-oss-meta-a", "1")
        ];
        headers.extend_from_slice(extra);
        let auth = sign(
            &creds,
            &Request::new("PUT")
                .with_bucket("b")
                .with_key("k")
                .with_headers(headers.as_slice()),
        )
        .to_string();
        let mut owned: Vec<(String, String)> = headers
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect();
        owned.push(("Authorization".into(), auth));
        owned
    }

    fn check(headers: &[(String, String)], query: &str, now: u64) -> Result<AuthMethod, Error> {
        let key = key();
        let keys = [("ak", &key)];
        let request = Request::new("PUT")
            .with_bucket("b")
            .with_key("k")
            .with_headers(headers)
            .with_query(RawQuery::new(query));
        Verifier::new()
            .verify(&request, at(now), keys.as_slice())
            .map(|verified| verified.method())
    }

    #[test]
    fn header_round_trip_and_skew() {
        let headers = signed_headers(&key(), &[]);
        assert_eq!(check(&headers, "", NOW).unwrap(), AuthMethod::Header);
        assert!(check(&headers, "", NOW + 900).is_ok());
        assert_eq!(
            check(&headers, "", NOW + 901).unwrap_err().entry(),
            Entry::RequestTimeTooSkewed
        );
        assert_eq!(
            check(&headers, "", NOW - 901).unwrap_err().entry(),
            Entry::RequestTimeTooSkewed
        );
    }

    #[test]
    fn header_errors() {
        let mut headers = signed_headers(&key(), &[]);
        assert_eq!(
            check(&headers, "Signature=x", NOW).unwrap_err().entry(),
            Entry::SignatureInQueryAndHeader
        );
        assert_eq!(
            check(&headers, "acl", NOW).unwrap_err().entry(),
            Entry::SignatureDoesNotMatch
        );
        headers[0].1 = "yesterday".into();
        assert_eq!(
            check(&headers, "", NOW).unwrap_err().entry(),
            Entry::DateInvalid
        );
        headers[0].1 = "Wed, 28 Dec 2022 10:27:41 GMT".into();
        headers[1].1 = "2".into();
        assert_eq!(
            check(&headers, "", NOW).unwrap_err().entry(),
            Entry::SignatureDoesNotMatch
        );
        let last = headers.len() - 1;
        headers[last].1 = "OSS other:abc".into();
        assert_eq!(
            check(&headers, "", NOW).unwrap_err().entry(),
            Entry::AccessKeyIdUnknown
        );
        headers[last].1 = "OSS a-b:abc".into();
        assert_eq!(
            check(&headers, "", NOW).unwrap_err().entry(),
            Entry::AccessKeyIdBadChars
        );
        headers[last].1 = String::new();
        assert_eq!(
            check(&headers, "", NOW).unwrap_err().entry(),
            Entry::AuthorizationEmpty
        );
    }

    #[test]
    fn a_bad_date_is_reported_before_the_key_is_looked_up() {
        let mut headers = signed_headers(&key(), &[]);
        let last = headers.len() - 1;
        for auth in ["OSS other:abc", "OSS ak:abc"] {
            headers[last].1 = auth.into();
            headers[0].1 = "yesterday".into();
            assert_eq!(
                check(&headers, "", NOW).unwrap_err().entry(),
                Entry::DateInvalid,
                "{auth}"
            );
            headers[0].1 = "Wed, 28 Dec 2022 10:27:41 GMT".into();
            assert_eq!(
                check(&headers, "", NOW + 901).unwrap_err().entry(),
                Entry::RequestTimeTooSkewed,
                "{auth}"
            );
        }
    }

    #[test]
    fn x_oss_date_is_what_counts_for_skew() {
        let headers = signed_headers(&key(), &[("x-oss-date", "Wed, 28 Dec 2022 11:27:41 GMT")]);
        assert_eq!(
            check(&headers, "", NOW).unwrap_err().entry(),
            Entry::RequestTimeTooSkewed
        );
        assert!(check(&headers, "", NOW + 3600).is_ok());
    }

    #[test]
    fn query_round_trip_expiry_and_incomplete() {
        let key = key();
        let creds = Credentials::new("ak", &key)
            .unwrap()
            .with_security_token("tok");
        let query = [("x-oss-process", "image/resize,w_100"), ("prefix", "a b")];
        let request = Request::new("PUT")
            .with_bucket("b")
            .with_key("k")
            .with_query(&query);
        let url_query = presign(&creds, &request, NOW).query();
        let none: [(String, String); 0] = [];
        let keys = [("ak", &key)];
        let received = Request::new("PUT")
            .with_bucket("b")
            .with_key("k")
            .with_query(RawQuery::new(&url_query));
        let verified = Verifier::new()
            .verify(&received, at(NOW), keys.as_slice())
            .unwrap();
        assert_eq!(
            (
                verified.method(),
                verified.expires(),
                verified.access_key_id()
            ),
            (AuthMethod::Query, Some(NOW), Some("ak"))
        );
        assert_eq!(
            check(&none, &url_query, NOW + 1).unwrap_err().entry(),
            Entry::RequestExpired
        );
        let tampered = url_query.replace("w_100", "w_200");
        assert_eq!(
            check(&none, &tampered, NOW).unwrap_err().entry(),
            Entry::SignatureDoesNotMatch
        );
        // A '+' decoded as a space breaks the signature, as it does on OSS.
        let plus_as_space = url_query.replace("%2B", "+");
        if plus_as_space != url_query {
            assert_eq!(
                check(&none, &plus_as_space, NOW).unwrap_err().entry(),
                Entry::SignatureDoesNotMatch
            );
        }
        for partial in [
            "OSSAccessKeyId=ak",
            "Expires=1&Signature=x",
            "OSSAccessKeyId=ak&Expires=&Signature=x",
        ] {
            assert_eq!(
                check(&none, partial, NOW).unwrap_err().entry(),
                Entry::QueryAuthIncomplete,
                "{partial}"
            );
        }
        assert_eq!(
            check(&none, "OSSAccessKeyId=ak&Expires=soon&Signature=x", NOW)
                .unwrap_err()
                .entry(),
            Entry::AccessDenied
        );
        assert_eq!(check(&none, "", NOW).unwrap(), AuthMethod::Anonymous);
    }

    /// A key store that counts its lookups.
    struct Counting<'k> {
        key: &'k SigningKey,
        lookups: Cell<u32>,
    }

    impl KeyLookup for Counting<'_> {
        fn signing_key(
            &self,
            id: &str,
            _: Option<SecurityToken<'_>>,
        ) -> Result<&SigningKey, Error> {
            self.lookups.set(self.lookups.get() + 1);
            if id == "ak" {
                Ok(self.key)
            } else {
                Err(Entry::AccessKeyIdUnknown.into())
            }
        }
    }

    #[test]
    fn the_key_is_not_looked_up_for_a_request_that_fails_earlier() {
        let key = key();
        let store = Counting {
            key: &key,
            lookups: Cell::new(0),
        };
        let mut headers = signed_headers(&key, &[]);
        let verify = |headers: &[(String, String)], query: &str, now: u64| {
            let request = Request::new("PUT")
                .with_bucket("b")
                .with_key("k")
                .with_headers(headers)
                .with_query(RawQuery::new(query));
            Verifier::new()
                .verify(&request, at(now), &store)
                .map(|v| v.method())
        };
        assert!(verify(&headers, "", NOW).is_ok());
        assert_eq!(store.lookups.take(), 1);
        let last = headers.len() - 1;
        let good = headers[last].1.clone();
        for (auth, date, now, expected) in [
            (
                "",
                "Wed, 28 Dec 2022 10:27:41 GMT",
                NOW,
                Entry::AuthorizationEmpty,
            ),
            (
                "OSS a-b:sig",
                "Wed, 28 Dec 2022 10:27:41 GMT",
                NOW,
                Entry::AccessKeyIdBadChars,
            ),
            (good.as_str(), "yesterday", NOW, Entry::DateInvalid),
            // Wrong weekday: oss-naming's RFC 1123 rule, the same as `check date`.
            (
                good.as_str(),
                "Mon, 28 Dec 2022 10:27:41 GMT",
                NOW,
                Entry::DateInvalid,
            ),
            (
                good.as_str(),
                "Wed, 28 Dec 2022 10:27:41 GMT",
                NOW + 901,
                Entry::RequestTimeTooSkewed,
            ),
        ] {
            headers[last].1 = auth.into();
            headers[0].1 = date.into();
            assert_eq!(
                verify(&headers, "", now).unwrap_err().entry(),
                expected,
                "{auth} {date}"
            );
            assert_eq!(store.lookups.get(), 0, "{auth} {date}");
        }
        let none: [(String, String); 0] = [];
        for query in [
            "OSSAccessKeyId=ak&Expires=1",
            "OSSAccessKeyId=a-b&Expires=99999999999&Signature=x",
            "OSSAccessKeyId=ak&Expires=soon&Signature=x",
            "OSSAccessKeyId=ak&Expires=1&Signature=x",
        ] {
            assert!(verify(&none, query, NOW).is_err(), "{query}");
            assert_eq!(store.lookups.get(), 0, "{query}");
        }
    }

    #[test]
    fn received_string_to_sign_is_what_the_server_signed() {
        let key = key();
        let headers = signed_headers(&key, &[]);
        let request = Request::new("PUT")
            .with_bucket("b")
            .with_key("k")
            .with_headers(&headers);
        let mut received = Vec::new();
        string_to_sign(&request, Form::Received, &mut received);
        assert_eq!(
            received,
            b"PUT\n\n\nWed, 28 Dec 2022 10:27:41 GMT\nx-oss-meta-a:1\n/b/k"
        );
        let query = RawQuery::new("OSSAccessKeyId=ak&Expires=1699807420&Signature=x&versionId=v");
        let request = Request::new("GET")
            .with_bucket("b")
            .with_key("k")
            .with_query(query);
        let mut received = Vec::new();
        string_to_sign(&request, Form::Received, &mut received);
        assert_eq!(received, b"GET\n\n\n1699807420\n/b/k?versionId=v");
    }

    #[test]
    fn a_128_character_id_signs_and_verifies_in_both_forms() {
        let key = key();
        let id = "k".repeat(128);
        let creds = Credentials::new(&id, &key).unwrap();
        let date = at(NOW).rfc1123().to_string();
        let mut headers = alloc::vec![("Date", date.as_str())];
        let auth = sign(
            &creds,
            &Request::new("GET").with_bucket("b").with_headers(&headers),
        );
        assert_eq!(auth.as_str().len(), 4 + 128 + 1 + 28);
        headers.push(("Authorization", auth.as_str()));
        let keys = [(id.as_str(), &key)];
        let request = Request::new("GET").with_bucket("b").with_headers(&headers);
        let verified = Verifier::new()
            .verify(&request, at(NOW), keys.as_slice())
            .unwrap();
        assert_eq!(verified.access_key_id(), Some(id.as_str()));
        let query = presign(&creds, &Request::new("GET").with_bucket("b"), NOW + 60).query();
        let request = Request::new("GET")
            .with_bucket("b")
            .with_query(RawQuery::new(&query));
        let verified = Verifier::new()
            .verify(&request, at(NOW), keys.as_slice())
            .unwrap();
        assert_eq!(verified.access_key_id(), Some(id.as_str()));
    }
}
