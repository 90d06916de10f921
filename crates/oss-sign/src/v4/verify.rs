//! Server-side verification of V4 requests (header or presigned query).

use oss_errors::{Entry, Error};
use oss_naming::{MAX_ACCESS_KEY_ID_LEN, Timestamp};

use crate::input::{Headers, Query};
use crate::request::{Param, Request};
use crate::v4::canonical::{Parts, signature, write_canonical_request, write_string_to_sign};
use crate::v4::received::{
    AuthorizationItems, Credential, QueryValues, header_parts, header_values, payload, query_parts,
    signing_time,
};
use crate::verify::{AuthMethod, KeyLookup, SecurityToken, SignedBy, Verified, Verifier};

/// Verifies a V4 `Authorization` header: its items, the credential (id, day, region,
/// product), `x-oss-date` (present, valid, within `max_skew`, on the credential's day),
/// `x-oss-content-sha256`, then the key lookup and the signature.
pub(crate) fn verify_header<'a, H, Q, K>(
    request: &Request<'a, H, Q>,
    authorization: &'a [u8],
    security_token: Option<&'a [u8]>,
    verifier: &Verifier<'_>,
    now: Timestamp,
    keys: &K,
) -> Result<Verified<'a>, Error>
where
    H: Headers<'a>,
    Q: Query<'a>,
    K: KeyLookup + ?Sized,
{
    let items =
        AuthorizationItems::read(authorization, verifier.accepts_empty_additional_headers())?;
    let max_skew = verifier.max_skew();
    let credential = Credential::parse(items.credential, Some(verifier.regions()))?;
    let (date, content) = header_values(request);
    let date = date.ok_or(Entry::DateInvalid)?;
    let time = signing_time(date)?;
    if time.unix_seconds().abs_diff(now.unix_seconds()) > max_skew {
        return Err(Entry::RequestTimeTooSkewed.into());
    }
    if time.unix_seconds().div_euclid(86_400) != credential.day.unix_seconds().div_euclid(86_400) {
        return Err(Entry::CredentialInvalid.into());
    }
    let payload = payload(content)?;
    let token = security_token.map(SecurityToken::from_header);
    let key = keys.scoped_key(credential.access_key_id, token, credential.scope)?;
    let parts = header_parts(date, credential.scope, items.additional, payload);
    signature(&key, request, &parts).verify(items.signature)?;
    Ok(Verified::new(
        AuthMethod::HeaderV4,
        SignedBy::Borrowed(credential.access_key_id),
        None,
    ))
}

/// Verifies a presigned V4 URL: its parameters, the credential, `x-oss-date` (valid, not
/// ahead of `now` by more than `max_skew`, on the credential's day), `x-oss-expires`
/// (1..=604800, not past), then the key lookup and the signature.
pub(crate) fn verify_query<'a, H, Q, K>(
    request: &Request<'a, H, Q>,
    verifier: &Verifier<'_>,
    now: Timestamp,
    keys: &K,
) -> Result<Verified<'a>, Error>
where
    H: Headers<'a>,
    Q: Query<'a>,
    K: KeyLookup + ?Sized,
{
    let (values, token) = QueryValues::read(request.query.params())?;
    let credential = Credential::parse(&values.credential, Some(verifier.regions()))?;
    let time = signing_time(&values.date)?;
    let expires_in = values.expires_in()?;
    let max_skew = verifier.max_skew();
    if time.unix_seconds() - now.unix_seconds() > i64::try_from(max_skew).unwrap_or(i64::MAX) {
        return Err(Entry::RequestTimeTooSkewed.into());
    }
    if time.unix_seconds().div_euclid(86_400) != credential.day.unix_seconds().div_euclid(86_400) {
        return Err(Entry::CredentialInvalid.into());
    }
    let expires_at = time.unix_seconds().saturating_add_unsigned(expires_in);
    if now.unix_seconds() > expires_at {
        return Err(Entry::RequestExpired.into());
    }
    let id: heapless::String<MAX_ACCESS_KEY_ID_LEN> = credential
        .access_key_id
        .try_into()
        .map_err(|_| Error::from(Entry::AccessKeyIdUnknown))?;
    let token = token.map(|param: Param<'a>| SecurityToken::from_query(param));
    let key = keys.scoped_key(&id, token, credential.scope)?;
    let parts = query_parts(&values, credential.scope);
    signature(&key, request, &parts).verify(&values.signature)?;
    Ok(Verified::new(
        AuthMethod::QueryV4,
        SignedBy::Decoded(id),
        u64::try_from(expires_at).ok(),
    ))
}

/// Writes the canonical request (or string-to-sign) a server computes for a V4 request as
/// received; `None` when the request is not V4-signed or too malformed to tell.
pub(crate) fn received_transcript<'a, H, Q>(
    request: &Request<'a, H, Q>,
    authorization: Option<&'a [u8]>,
    sink: &mut impl crate::canonical::Sink,
    string_to_sign: bool,
) -> Result<(), Error>
where
    H: Headers<'a>,
    Q: Query<'a>,
{
    let write = |sink: &mut _, parts: &Parts<'_>| {
        if string_to_sign {
            write_string_to_sign(sink, request, parts);
        } else {
            write_canonical_request(sink, request, parts);
        }
    };
    if let Some(authorization) = authorization {
        // What a server computed: as lenient as any verifier may be.
        let items = AuthorizationItems::read(authorization, true)?;
        let credential = Credential::parse(items.credential, None)?;
        let (date, content) = header_values(request);
        let parts = header_parts(
            date.unwrap_or_default(),
            credential.scope,
            items.additional,
            content.unwrap_or(crate::v4::UNSIGNED_PAYLOAD.as_bytes()),
        );
        write(sink, &parts);
    } else {
        let (values, _) = QueryValues::read(request.query.params())?;
        let credential = Credential::parse(&values.credential, None)?;
        write(sink, &query_parts(&values, credential.scope));
    }
    Ok(())
}
