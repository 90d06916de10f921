//! What a V4-signed request carries: its `Authorization` header or presigned query, read
//! the way OSS reports problems with it.

use oss_errors::{Entry, Error};
use oss_naming::{
    Timestamp, check_access_key_id, parse_compact_day, parse_compact_iso8601, parse_decimal,
};

use crate::input::Headers;
use crate::request::{Param, Request};
use crate::v4::canonical::{ALGORITHM, Additional, Parts};
use crate::v4::scope::{Product, Scope, TERMINATOR};
use crate::v4::sign::{CONTENT_SHA256_HEADER, DATE_HEADER, MAX_EXPIRES_SECS, UNSIGNED_PAYLOAD};

/// `x-oss-signature-version` (presigned URLs and PostObject forms): [`ALGORITHM`].
pub const SIGNATURE_VERSION_PARAM: &str = "x-oss-signature-version";
/// `x-oss-credential`: `AccessKeyId/YYYYMMDD/region/product/aliyun_v4_request`.
pub const CREDENTIAL_PARAM: &str = "x-oss-credential";
/// `x-oss-date` as a query parameter or form field (the same name as the header).
pub(crate) const DATE_PARAM: &str = DATE_HEADER;
/// `x-oss-expires`: seconds from `x-oss-date`, 1..=604800.
pub const EXPIRES_PARAM: &str = "x-oss-expires";
/// `x-oss-signature`: the hex signature (not itself signed).
pub const SIGNATURE_PARAM: &str = "x-oss-signature";
/// `x-oss-additional-headers`: the `a;b` list of additional headers.
pub const ADDITIONAL_HEADERS_PARAM: &str = "x-oss-additional-headers";
/// `x-oss-security-token` as a query parameter (the same name as the header).
pub(crate) const TOKEN_PARAM: &str = crate::sign::SECURITY_TOKEN_HEADER;

/// Every parameter a V4 presigned URL adds, in the order the SDKs write them.
pub const PRESIGN_PARAMS: [&str; 7] = [
    SIGNATURE_VERSION_PARAM,
    CREDENTIAL_PARAM,
    DATE_PARAM,
    EXPIRES_PARAM,
    TOKEN_PARAM,
    ADDITIONAL_HEADERS_PARAM,
    SIGNATURE_PARAM,
];

/// Whether a request's `Authorization` value is a V4 one.
pub(crate) fn is_v4_authorization(value: &[u8]) -> bool {
    value
        .trim_ascii_start()
        .strip_prefix(ALGORITHM.as_bytes())
        .is_some_and(|rest| rest.first().is_none_or(|b| *b == b' '))
}

/// Whether a query carries V4 presigning parameters.
pub(crate) fn has_v4_query<'a>(params: impl Iterator<Item = Param<'a>>) -> bool {
    params.into_iter().any(|p| {
        p.name_is(SIGNATURE_VERSION_PARAM)
            || p.name_is(SIGNATURE_PARAM)
            || p.name_is(CREDENTIAL_PARAM)
    })
}

/// A V4 credential, `AccessKeyId/YYYYMMDD/region/product/aliyun_v4_request`, read and
/// checked the way a server does: the id's characters, the day, the product, the
/// terminator, and (given the regions served) the region.
///
/// ```
/// use oss_sign::v4::{Credential, Product};
/// let credential = Credential::parse(b"ak/20231216/cn-hangzhou/oss/aliyun_v4_request", None)?;
/// assert_eq!(credential.access_key_id(), "ak");
/// assert_eq!(credential.scope().region(), "cn-hangzhou");
/// assert_eq!(credential.scope().product(), Product::Oss);
/// let err = Credential::parse(b"ak/20231216/cn-hangzhou/oss/aliyun_v4_request", Some(&["cn-beijing"])).unwrap_err();
/// assert_eq!(err.to_string(), "Invalid signing region in Authorization header.");
/// # Ok::<(), oss_errors::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Credential<'c> {
    pub(crate) access_key_id: &'c str,
    pub(crate) scope: Scope<'c>,
    pub(crate) day: Timestamp,
}

impl<'c> Credential<'c> {
    /// Reads `text`; `regions`: the regions served (`None` accepts the credential's own).
    ///
    /// # Errors
    /// The AccessKeyId's errors; "Invalid credential in Authorization header." for the
    /// shape, day, product or terminator; "Invalid signing region in Authorization header."
    /// for a region not served.
    pub fn parse(text: &'c [u8], regions: Option<&[&str]>) -> Result<Self, Error> {
        let mut pieces = split_with_memchr(text, b'/');
        let (Some(id), Some(day), Some(region), Some(product), Some(terminator), None) = (
            pieces.next(),
            pieces.next(),
            pieces.next(),
            pieces.next(),
            pieces.next(),
            pieces.next(),
        ) else {
            return Err(Entry::CredentialInvalid.into());
        };
        // Split at an ASCII `/`, the text is UTF-8 exactly when every piece is.
        let text =
            |piece| core::str::from_utf8(piece).map_err(|_| Error::from(Entry::CredentialInvalid));
        let (id, day, region, product, terminator) = (
            text(id)?,
            text(day)?,
            text(region)?,
            text(product)?,
            text(terminator)?,
        );
        check_access_key_id(id)?;
        let day_start = parse_compact_day(day).ok_or(Entry::CredentialInvalid)?;
        let day_text = day
            .as_bytes()
            .try_into()
            .map_err(|_| Entry::CredentialInvalid)?;
        let product = Product::from_name(product).ok_or(Entry::CredentialInvalid)?;
        if terminator != TERMINATOR {
            return Err(Entry::CredentialInvalid.into());
        }
        if regions.is_some_and(|regions| !regions.contains(&region)) {
            return Err(Entry::SigningRegionInvalid.into());
        }
        Ok(Self {
            access_key_id: id,
            scope: Scope::of_day_text(day_text, region, product)?,
            day: day_start,
        })
    }

    /// The AccessKeyId.
    #[must_use]
    pub const fn access_key_id(&self) -> &'c str {
        self.access_key_id
    }

    /// The scope (day, region, product).
    #[must_use]
    pub const fn scope(&self) -> &Scope<'c> {
        &self.scope
    }
}

/// `text.split(|b| *b == separator)`, finding the separators with `memchr` (the
/// signature and credential items are long).
fn split_with_memchr(text: &[u8], separator: u8) -> impl Iterator<Item = &[u8]> {
    let mut rest = Some(text);
    core::iter::from_fn(move || {
        let current = rest?;
        if let Some(at) = memchr::memchr(separator, current) {
            rest = Some(&current[at + 1..]);
            Some(&current[..at])
        } else {
            rest = None;
            Some(current)
        }
    })
}

/// The items of a V4 `Authorization` value: `Credential=...`, optional
/// `AdditionalHeaders=...`, `Signature=...`, separated by `,` (spaces around them
/// tolerated), in any order; read the way a server reports problems with them.
///
/// ```
/// use oss_sign::v4::AuthorizationItems;
/// let items = AuthorizationItems::parse(b"OSS4-HMAC-SHA256 Signature=ab, Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request")?;
/// assert_eq!(items.signature(), b"ab");
/// assert_eq!(items.additional_headers(), None);
/// let err = AuthorizationItems::parse(b"OSS4-HMAC-SHA256 Credential=x,AdditionalHeaders=,Signature=ab").unwrap_err();
/// assert_eq!(err.to_string(), "Authorization header is invalid");
/// # Ok::<(), oss_errors::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct AuthorizationItems<'a> {
    pub(crate) credential: &'a [u8],
    pub(crate) additional: Option<&'a [u8]>,
    pub(crate) signature: &'a [u8],
}

impl<'a> AuthorizationItems<'a> {
    /// The `Credential` item (see [`Credential::parse`]).
    #[must_use]
    pub const fn credential(&self) -> &'a [u8] {
        self.credential
    }

    /// The `AdditionalHeaders` item, `a;b`, when present.
    #[must_use]
    pub const fn additional_headers(&self) -> Option<&'a [u8]> {
        self.additional
    }

    /// The `Signature` item as sent.
    #[must_use]
    pub const fn signature(&self) -> &'a [u8] {
        self.signature
    }

    /// Reads a V4 `Authorization` value.
    ///
    /// # Errors
    /// The `InvalidArgument` entries of a malformed `Authorization` header: "Authorization
    /// header is invalid" (not V4, a repeated item, an empty AdditionalHeaders), "...bad
    /// num of Items..." (not 2 or 3 `key=value` items), "Unknown parameter in
    /// Authorization header", "AccessKeyId or Signature is missing...".
    pub fn parse(value: &'a [u8]) -> Result<Self, Error> {
        Self::read(value, false)
    }

    /// [`AuthorizationItems::parse`], reading an empty `AdditionalHeaders=` as none when
    /// `empty_additional` (see `Verifier::with_empty_additional_headers`).
    pub(crate) fn read(value: &'a [u8], empty_additional: bool) -> Result<Self, Error> {
        let rest = value
            .trim_ascii()
            .strip_prefix(ALGORITHM.as_bytes())
            .ok_or(Entry::AuthorizationInvalid)?
            .trim_ascii();
        let (mut credential, mut additional, mut signature) = (None, None, None);
        let mut count = 0;
        for item in split_with_memchr(rest, b',') {
            count += 1;
            let item = item.trim_ascii();
            let Some(eq) = item.iter().position(|b| *b == b'=') else {
                return Err(Entry::AuthorizationBadItemCount.into());
            };
            let (name, value) = (&item[..eq], &item[eq + 1..]);
            let slot = match name {
                b"Credential" => &mut credential,
                b"AdditionalHeaders" => &mut additional,
                b"Signature" => &mut signature,
                _ => return Err(Entry::AuthorizationUnknownParameter.into()),
            };
            if slot.replace(value).is_some() {
                return Err(Entry::AuthorizationInvalid.into());
            }
        }
        if !(2..=3).contains(&count) {
            return Err(Entry::AuthorizationBadItemCount.into());
        }
        let (Some(credential), Some(signature)) = (credential, signature) else {
            return Err(Entry::AuthorizationMissingKeyOrSignature.into());
        };
        if credential.is_empty() || signature.is_empty() {
            return Err(Entry::AuthorizationMissingKeyOrSignature.into());
        }
        if additional.is_some_and(<[u8]>::is_empty) {
            // OSS refuses an AdditionalHeaders item with no names (EC 0002-00000209).
            if !empty_additional {
                return Err(Entry::AuthorizationInvalid.into());
            }
            additional = None;
        }
        Ok(Self {
            credential,
            additional,
            signature,
        })
    }
}

/// The decoded values of a presigned V4 query, held on the stack.
#[derive(Debug, Default)]
pub(crate) struct QueryValues {
    pub(crate) credential: heapless::Vec<u8, 256>,
    pub(crate) date: heapless::Vec<u8, 32>,
    pub(crate) expires: heapless::Vec<u8, 24>,
    pub(crate) signature: heapless::Vec<u8, 80>,
    pub(crate) additional: heapless::Vec<u8, 512>,
}

/// Decodes `param`'s value into `out`; a value too long for it is `too_long`.
fn decode_into<const N: usize>(
    param: &Param<'_>,
    out: &mut heapless::Vec<u8, N>,
    too_long: Entry,
) -> Result<(), Error> {
    for byte in param.value.decoded() {
        out.push(byte).map_err(|_| Error::from(too_long))?;
    }
    Ok(())
}

impl QueryValues {
    /// Reads the V4 parameters of `params` (first occurrence of each), refusing what OSS
    /// refuses about their presence and shape.
    pub(crate) fn read<'a>(
        params: impl Iterator<Item = Param<'a>>,
    ) -> Result<(Self, Option<Param<'a>>), Error> {
        let mut values = Self::default();
        let (
            mut version,
            mut credential,
            mut date,
            mut expires,
            mut signature,
            mut additional,
            mut token,
        ) = (None, None, None, None, None, None, None);
        for param in params {
            let slot = if param.name_is(SIGNATURE_VERSION_PARAM) {
                &mut version
            } else if param.name_is(CREDENTIAL_PARAM) {
                &mut credential
            } else if param.name_is(DATE_PARAM) {
                &mut date
            } else if param.name_is(EXPIRES_PARAM) {
                &mut expires
            } else if param.name_is(SIGNATURE_PARAM) {
                &mut signature
            } else if param.name_is(ADDITIONAL_HEADERS_PARAM) {
                &mut additional
            } else if param.name_is(TOKEN_PARAM) {
                &mut token
            } else {
                continue;
            };
            if slot.is_none() {
                *slot = Some(param);
            }
        }
        let version = version.ok_or(Entry::AuthorizationInvalid)?;
        if !version.value.eq_bytes(ALGORITHM.as_bytes()) {
            return Err(Entry::AuthorizationInvalid.into());
        }
        let credential = credential
            .filter(|p| !p.value_is_empty())
            .ok_or(Entry::CredentialInvalid)?;
        decode_into(
            &credential,
            &mut values.credential,
            Entry::CredentialInvalid,
        )?;
        let date = date.ok_or(Entry::DateInvalid)?;
        decode_into(&date, &mut values.date, Entry::DateInvalid)?;
        let expires = expires.ok_or(Entry::ArgumentInvalid)?;
        decode_into(&expires, &mut values.expires, Entry::ArgumentInvalid)?;
        let signature = signature
            .filter(|p| !p.value_is_empty())
            .ok_or(Entry::AuthorizationMissingKeyOrSignature)?;
        decode_into(
            &signature,
            &mut values.signature,
            Entry::SignatureDoesNotMatch,
        )?;
        if let Some(additional) = additional {
            if additional.value_is_empty() {
                return Err(Entry::AuthorizationInvalid.into());
            }
            decode_into(
                &additional,
                &mut values.additional,
                Entry::AuthorizationInvalid,
            )?;
        }
        Ok((values, token))
    }

    /// `x-oss-expires`, in 1..=604800.
    pub(crate) fn expires_in(&self) -> Result<u64, Error> {
        parse_decimal(&self.expires)
            .filter(|secs| (1..=MAX_EXPIRES_SECS).contains(secs))
            .ok_or_else(|| Entry::ArgumentInvalid.into())
    }
}

/// The `x-oss-date` value as an instant.
pub(crate) fn signing_time(date: &[u8]) -> Result<Timestamp, Error> {
    core::str::from_utf8(date)
        .ok()
        .and_then(parse_compact_iso8601)
        .ok_or_else(|| Entry::DateInvalid.into())
}

/// The `x-oss-date` and `x-oss-content-sha256` headers of a request (first values).
pub(crate) fn header_values<'a, H: Headers<'a>, Q>(
    request: &Request<'a, H, Q>,
) -> (Option<&'a [u8]>, Option<&'a [u8]>) {
    let mut date = None;
    let mut content = None;
    for (name, value) in request.headers.fields() {
        if date.is_none() && name.eq_ignore_ascii_case(DATE_HEADER.as_bytes()) {
            date = Some(value.trim_ascii());
        } else if content.is_none() && name.eq_ignore_ascii_case(CONTENT_SHA256_HEADER.as_bytes()) {
            content = Some(value.trim_ascii());
        }
    }
    (date, content)
}

/// The payload line a received header-signed request signs: OSS accepts only
/// `UNSIGNED-PAYLOAD` (EC 0002-00000214 asks for it); without the header it is implied.
pub(crate) fn payload(content_sha256: Option<&[u8]>) -> Result<&'static [u8], Error> {
    match content_sha256 {
        None => Ok(UNSIGNED_PAYLOAD.as_bytes()),
        Some(value) if value == UNSIGNED_PAYLOAD.as_bytes() => Ok(UNSIGNED_PAYLOAD.as_bytes()),
        Some(_) => Err(Entry::ArgumentInvalid.into()),
    }
}

/// The parts of a received header-signed request.
pub(crate) fn header_parts<'p>(
    date: &'p [u8],
    scope: Scope<'p>,
    additional: Option<&'p [u8]>,
    payload: &'p [u8],
) -> Parts<'p> {
    Parts {
        date,
        scope,
        extra_headers: [None; 3],
        extra_query: [None; 6],
        additional: Additional::Raw(additional.unwrap_or_default()),
        drop_absent: false,
        payload,
        skip_signature_param: false,
    }
}

/// The parts of a received presigned request (`x-oss-signature` itself is not signed).
pub(crate) fn query_parts<'p>(values: &'p QueryValues, scope: Scope<'p>) -> Parts<'p> {
    Parts {
        date: &values.date,
        scope,
        extra_headers: [None; 3],
        extra_query: [None; 6],
        additional: Additional::Raw(&values.additional),
        drop_absent: false,
        payload: UNSIGNED_PAYLOAD.as_bytes(),
        skip_signature_param: true,
    }
}

/// Whether a parameter is the presigned signature, which the canonical query leaves out.
pub(crate) fn is_signature_param(param: &Param<'_>) -> bool {
    param.name_is(SIGNATURE_PARAM)
}
