//! Why a V4 signature does not verify: re-verify variants of the request to pin down what
//! the client signed differently (a header or query parameter added after signing, a `+`
//! read as a space, values encoded twice, another region), and list the usual suspects.

use oss_core::errors::{Entry, Error};
use oss_core::naming::{Timestamp, parse_compact_iso8601};
use oss_core::sign::v4::{self, ALGORITHM, MAX_EXPIRES_SECS, TERMINATOR};
use oss_core::sign::{AuthMethod, Verifier};

use super::GivenKey;
use super::diagnose::Findings;
use super::received::{
    V4_QUERY_PARAMS, credential_region, method, v4_additional_headers, v4_credential, v4_date,
    v4_expires, v4_signature,
};
use super::request::{Described, Key, decoded};

/// The V4 verdict on `variant` by a server serving `regions`.
fn verify(
    variant: &Described,
    keys: &GivenKey<'_>,
    regions: &[&str],
    now: Timestamp,
) -> Result<(), Error> {
    let keys = GivenKey {
        only: None,
        key: keys.key,
    };
    Verifier::new()
        .with_regions(regions)
        .verify(&variant.request(), now, &keys)
        .map(|_| ())
}

/// What the diagnosis of a refused V4 request found.
pub(super) fn findings(
    described: &Described,
    keys: &GivenKey<'_>,
    regions: &[&str],
    err: &Error,
    now: Timestamp,
) -> Findings {
    let mut found = Findings {
        provided: v4_signature(described),
        ..Findings::default()
    };
    match err.entry() {
        Entry::SignatureDoesNotMatch => {
            signature_mismatch(described, keys, regions, now, &mut found);
        }
        Entry::SigningRegionInvalid => wrong_region(described, keys, regions, now, &mut found),
        Entry::CredentialInvalid => credential_invalid(described, &mut found),
        Entry::RequestTimeTooSkewed => {
            if let Some(time) = v4_date(described).as_deref().and_then(parse_compact_iso8601) {
                let skew = time.unix_seconds() - now.unix_seconds();
                found.likely.push(format!(
                    "x-oss-date is {skew:+} s from the server clock (--now {}); OSS allows 900 s; sign with a synchronized clock (NTP)",
                    now.unix_seconds()
                ));
            }
        }
        Entry::DateInvalid => match v4_date(described) {
            Some(date) => found.likely.push(format!(
                "x-oss-date {date:?} is not YYYYMMDDTHHMMSSZ (UTC), such as 20231216T162057Z"
            )),
            None => found.likely.push(
                "a V4 header signature needs an x-oss-date header (YYYYMMDDTHHMMSSZ, UTC); Date alone is not enough"
                    .into(),
            ),
        },
        Entry::AccessDenied if method(described) == AuthMethod::QueryV4 => {
            expired(described, now, &mut found);
        }
        Entry::ArgumentInvalid => argument_invalid(described, &mut found),
        Entry::AuthorizationInvalid
        | Entry::AuthorizationBadItemCount
        | Entry::AuthorizationMissingKeyOrSignature
        | Entry::AuthorizationUnknownParameter => found.likely.push(shape(method(described))),
        _ => {}
    }
    found
}

/// What a well-formed V4 signature looks like.
fn shape(method: AuthMethod) -> String {
    if method == AuthMethod::QueryV4 {
        format!(
            "a V4 presigned URL carries x-oss-signature-version={ALGORITHM}, x-oss-credential, x-oss-date, x-oss-expires and x-oss-signature (and optionally x-oss-additional-headers, a non-empty list)"
        )
    } else {
        format!(
            "a V4 Authorization value is '{ALGORITHM} Credential=AccessKeyId/YYYYMMDD/region/product/{TERMINATOR},Signature=<64 hex digits>', with an optional non-empty AdditionalHeaders=a;b item: two or three items, each once, separated by ','"
        )
    }
}

fn wrong_region(
    described: &Described,
    keys: &GivenKey<'_>,
    regions: &[&str],
    now: Timestamp,
    found: &mut Findings,
) {
    let Some(credential) = v4_credential(described) else {
        return;
    };
    let Some(region) = credential_region(&credential) else {
        return;
    };
    let served = regions.join(", ");
    if let Some(id) = region.strip_prefix("oss-") {
        found.likely.push(format!(
            "the credential names region {region:?}: that is an endpoint name; the region id is {id:?}"
        ));
    }
    if v4::check_region(region).is_err() {
        found.likely.push(format!(
            "the credential's region {region:?} is not a region id (lower-case letters, digits and '-', such as cn-hangzhou)"
        ));
        return;
    }
    match verify(described, keys, &[region], now) {
        Ok(()) => found.confirmed.push(format!(
            "the request was signed for region {region}, and verifies for it, but the server serves {served}: sign for the region of the endpoint the request goes to (--region {})",
            regions.first().copied().unwrap_or("R")
        )),
        Err(err) => found.likely.push(format!(
            "the request was signed for region {region}, but the server serves {served}; even for {region} it would be refused: {} ({})",
            err.code().as_str(),
            err
        )),
    }
}

fn credential_invalid(described: &Described, found: &mut Findings) {
    let Some(text) = v4_credential(described) else {
        return;
    };
    found.likely.push(format!(
        "the credential is {text:?}; OSS expects AccessKeyId/YYYYMMDD/region/product/{TERMINATOR}"
    ));
    // oss-sign reads a credential whole and says only that it refuses it: to name the
    // piece at fault, look at the pieces of one it refuses.
    let day = match v4::Credential::parse(text.as_bytes(), None) {
        Ok(credential) => Some(credential.scope().day().to_owned()),
        Err(_) => {
            let pieces: Vec<&str> = text.split('/').collect();
            if pieces.len() != 5 || pieces[4] != TERMINATOR {
                found.likely.push(format!(
                    "it must have exactly five '/'-separated parts and end with /{TERMINATOR}"
                ));
            }
            if let Some(product) = pieces.get(3)
                && v4::Product::from_name(product).is_none()
            {
                found.likely.push(format!(
                    "the product {product:?} is unknown: oss, or oss-cloudbox for OSS on CloudBox"
                ));
            }
            pieces.get(1).map(|day| (*day).to_owned())
        }
    };
    if let (Some(day), Some(date)) = (day, v4_date(described))
        && !date.starts_with(day.as_str())
    {
        found.likely.push(format!(
            "the credential's day {day} is not the day of x-oss-date {date}: sign both with the same instant (UTC)"
        ));
    }
}

fn expired(described: &Described, now: Timestamp, found: &mut Findings) {
    let time = v4_date(described)
        .as_deref()
        .and_then(parse_compact_iso8601);
    let expires = v4_expires(described).and_then(|e| e.parse::<i64>().ok());
    if let (Some(time), Some(expires)) = (time, expires) {
        let until = time.unix_seconds().saturating_add(expires);
        found.likely.push(format!(
            "the URL was signed at {} for {expires} s: it stopped working at UNIX {until}, {} s before the server clock (--now {})",
            time.compact_iso8601().as_str(),
            now.unix_seconds() - until,
            now.unix_seconds()
        ));
    }
}

fn argument_invalid(described: &Described, found: &mut Findings) {
    match method(described) {
        AuthMethod::HeaderV4 => {
            if let Some((_, value)) = described
                .headers
                .iter()
                .find(|(name, _)| name.eq_ignore_ascii_case(v4::CONTENT_SHA256_HEADER))
                .filter(|(_, value)| value != v4::UNSIGNED_PAYLOAD)
            {
                found.likely.push(format!(
                    "x-oss-content-sha256 is {value:?}: OSS accepts only {}",
                    v4::UNSIGNED_PAYLOAD
                ));
            }
        }
        AuthMethod::QueryV4 => {
            if let Some(expires) = v4_expires(described).filter(|e| {
                !e.parse::<u64>()
                    .is_ok_and(|e| (1..=MAX_EXPIRES_SECS).contains(&e))
            }) {
                found.likely.push(format!(
                    "x-oss-expires is {expires:?}: a V4 presigned URL lives 1 to {MAX_EXPIRES_SECS} seconds"
                ));
            }
        }
        _ => {}
    }
}

/// Whether V4 signs this header without being asked.
fn is_default_signed(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.starts_with("x-oss-") || lower == "content-type" || lower == "content-md5"
}

/// The spellings a client and the URL may disagree on, each with what a match means.
const SPELLINGS: [(&str, &str, &str); 3] = [
    (
        "+",
        "%2B",
        "a '+' in the query was read as a space: the client signed a literal '+' but the URL does not encode it; encode '+' as %2B in the query",
    ),
    (
        "%20",
        "%2B",
        "the client signed '+' where the URL sends %20 (a space), as a client that rewrites '+' to %20 after signing does; sign what is sent",
    ),
    (
        "%2B",
        "%20",
        "the client signed a space where the URL sends %2B ('+'): encode a space as %20 (or '+') in the query",
    ),
];

fn signature_mismatch(
    described: &Described,
    keys: &GivenKey<'_>,
    regions: &[&str],
    now: Timestamp,
    found: &mut Findings,
) {
    let verifies = |variant: &Described| verify(variant, keys, regions, now).is_ok();
    let method = method(described);
    if let Some(provided) = &found.provided
        && (provided.len() != v4::SIGNATURE_V4_LEN
            || !provided
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
    {
        found.likely.push(format!(
            "the signature is {} characters; a V4 signature is {} lower-case hex digits (truncated, or not V4)",
            provided.len(),
            v4::SIGNATURE_V4_LEN
        ));
    }

    // Headers added or changed after signing.
    for (i, (name, _)) in described.headers.iter().enumerate() {
        if !is_default_signed(name) || name.eq_ignore_ascii_case(v4::DATE_HEADER) {
            continue;
        }
        let mut variant = described.clone();
        variant.headers.remove(i);
        if verifies(&variant) {
            found.confirmed.push(format!("the client did not sign the header {name}: V4 signs every x-oss-* header, Content-Type and Content-MD5 (it was added or changed after signing, e.g. by a proxy, browser or SDK)"));
        }
    }
    // Query parameters added after signing.
    let params = decoded(described.params());
    let mut seen: Vec<&str> = Vec::new();
    for (name, _) in &params {
        if V4_QUERY_PARAMS.contains(&name.as_str()) || seen.contains(&name.as_str()) {
            continue;
        }
        seen.push(name);
        if verifies(&described.without_param(name)) {
            found.confirmed.push(format!("the client did not sign the query parameter {name:?}: V4 signs every query parameter (it was added after signing)"));
        }
    }
    // `+` and spaces spelled differently in the URL's query.
    for (from, to, meaning) in SPELLINGS {
        let variant = described.with_raw_query_rewritten(|name, piece| {
            if V4_QUERY_PARAMS.contains(&name) {
                piece.to_owned()
            } else {
                replace_ignoring_case(piece, from, to)
            }
        });
        if variant.is_some_and(|variant| verifies(&variant)) {
            found.confirmed.push(meaning.into());
        }
    }
    // Encoded twice (a client that signs the encoded text: '/' as %252F in the query, a
    // space as %2520 in the path): the query, the key, then both.
    let query_twice = described.with_raw_query_rewritten(|name, piece| {
        if V4_QUERY_PARAMS.contains(&name) {
            piece.to_owned()
        } else {
            piece.replace('%', "%25")
        }
    });
    let key_twice = match &described.key {
        Some(Key::Encoded(path)) if path.contains('%') => {
            let mut variant = described.clone();
            variant.key = Some(Key::Raw(path.clone()));
            Some(variant)
        }
        _ => None,
    };
    let both_twice = query_twice
        .as_ref()
        .zip(key_twice.as_ref())
        .map(|(query, key)| {
            let mut variant = query.clone();
            variant.key.clone_from(&key.key);
            variant
        });
    if query_twice.as_ref().is_some_and(verifies) {
        found.confirmed.push("the client signed the query values still percent-encoded (it encoded them twice, e.g. '/' as %252F): sign the decoded values, encode them once".into());
    } else if key_twice.as_ref().is_some_and(verifies) {
        found.confirmed.push(
            "the client signed the URL-encoded key; sign the raw (decoded) object key".into(),
        );
    } else if both_twice.as_ref().is_some_and(verifies) {
        found.confirmed.push("the client signed the URL-encoded key and query values (it encoded them twice): sign the raw key and decoded values, encode them once".into());
    }
    found
        .confirmed
        .extend(super::diagnose_resource::findings(described, verifies));
    // '+' in the path read as a literal plus where the client meant a space.
    if let Some(Key::Encoded(path)) = &described.key
        && path.contains('+')
    {
        let mut variant = described.clone();
        variant.key = Some(Key::Encoded(path.replace('+', "%20")));
        if verifies(&variant) {
            found.confirmed.push("the client signed a space where the URL path has '+': in a path '+' is a literal plus; encode a space as %20".into());
        }
    }

    // The usual suspects.
    let additional = v4_additional_headers(described);
    for name in &additional {
        if !described.has_header(name) {
            found.likely.push(format!(
                "the additional header {name} is listed but the request does not carry it: the server signs the list it is sent"
            ));
        }
    }
    let mut signed: Vec<&str> = described
        .headers
        .iter()
        .map(|(name, _)| name.as_str())
        .filter(|name| {
            is_default_signed(name) || additional.iter().any(|a| a.eq_ignore_ascii_case(name))
        })
        .collect();
    signed.dedup();
    if !signed.is_empty() {
        found.likely.push(format!(
            "these headers are signed: {}; a header added or changed after signing breaks the signature",
            signed.join(", ")
        ));
    }
    let own_params: Vec<&str> = seen.clone();
    if !own_params.is_empty() {
        found.likely.push(format!(
            "V4 signs every query parameter ({}), not only V1's sub-resources",
            own_params.join(", ")
        ));
    }
    let slashed: Vec<&str> = params
        .iter()
        .filter(|(name, value)| {
            !V4_QUERY_PARAMS.contains(&name.as_str()) && (name.contains('/') || value.contains('/'))
        })
        .map(|(name, _)| name.as_str())
        .collect();
    if !slashed.is_empty() {
        found.likely.push(format!(
            "'/' in the query ({}) is signed as %2F: unlike the path, V4 encodes '/' in query names and values; a client that signs the raw query text gets SignatureDoesNotMatch",
            slashed.join(", ")
        ));
    }
    if method == AuthMethod::QueryV4 && described.has_header("content-type") {
        found.likely.push("Content-Type is signed when it is sent: a presigned URL signed without it (or with another value) fails when the uploader sets it".into());
    } else if described.has_header("content-type") {
        found.likely.push("Content-Type is signed: check the client sends exactly the signed value (browsers and SDKs may add a charset or a default type)".into());
    }
    found.likely.push("otherwise: a wrong AccessKeySecret (check for stray whitespace) also gives SignatureDoesNotMatch".into());
}

/// `text` with every `from` (ASCII, any case) replaced by `to`.
fn replace_ignoring_case(text: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        if rest.len() >= from.len()
            && rest.is_char_boundary(from.len())
            && rest[..from.len()].eq_ignore_ascii_case(from)
        {
            out.push_str(to);
            rest = &rest[from.len()..];
        } else if let Some(c) = rest.chars().next() {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_spellings_in_any_case() {
        assert_eq!(
            replace_ignoring_case("a%2bb%2Bc+", "%2B", "%20"),
            "a%20b%20c+"
        );
        assert_eq!(replace_ignoring_case("é+x", "+", "%2B"), "é%2Bx");
    }
}
