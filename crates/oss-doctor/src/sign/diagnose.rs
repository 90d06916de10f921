//! Why a signature does not verify: re-verify variants of the request to pin down what
//! the client signed differently, and list the usual suspects.

use oss_core::errors::{Code, Error};
use oss_core::naming::{Timestamp, parse_rfc1123};
use oss_core::sign::{ParsedAuthorization, SigningKey, Verifier, is_signed};
use serde_json::{Map, Value, json};

use super::GivenKey;
use super::request::{Described, Key, decoded};

/// What the diagnosis found.
#[derive(Debug, Default)]
pub(super) struct Findings {
    /// A variant of the request that does verify: what the client really signed.
    pub(super) confirmed: Vec<String>,
    /// Things worth checking.
    pub(super) likely: Vec<String>,
    /// The signature the client sent.
    pub(super) provided: Option<String>,
}

impl Findings {
    pub(super) fn add_json(&self, doc: &mut Map<String, Value>) {
        if let Some(provided) = &self.provided {
            doc.insert("signature_provided".into(), json!(provided));
        }
        if !self.confirmed.is_empty() {
            doc.insert("confirmed_causes".into(), json!(self.confirmed));
        }
        if !self.likely.is_empty() {
            doc.insert("likely_causes".into(), json!(self.likely));
        }
    }

    pub(super) fn text(&self) -> String {
        let mut text = String::new();
        if let Some(provided) = &self.provided {
            text.push_str(&format!("signature provided: {provided:?}\n"));
        }
        for cause in &self.confirmed {
            text.push_str(&format!("found: {cause}\n"));
        }
        if !self.likely.is_empty() {
            text.push_str("likely causes:\n");
            for cause in &self.likely {
                text.push_str(&format!("  - {cause}\n"));
            }
        }
        text
    }
}

/// Whether `variant` verifies with `key` at `now`.
fn verifies(variant: &Described, key: &SigningKey, now: Timestamp) -> bool {
    Verifier::new()
        .verify(&variant.request(), now, &GivenKey { only: None, key })
        .is_ok()
}

/// The signature the client sent (header form or query form), decoded.
fn provided_signature(described: &Described) -> Option<String> {
    if let Some((_, value)) = described
        .headers
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("authorization"))
    {
        return ParsedAuthorization::parse(value.as_bytes())
            .ok()
            .map(|auth| String::from_utf8_lossy(auth.signature()).into_owned());
    }
    decoded(described.params())
        .into_iter()
        .find(|(name, _)| name == "Signature")
        .map(|(_, value)| value)
}

pub(super) fn findings(
    described: &Described,
    key: &SigningKey,
    err: &Error,
    now: Timestamp,
) -> Findings {
    let mut found = Findings {
        provided: provided_signature(described),
        ..Findings::default()
    };
    match err.code() {
        Code::SignatureDoesNotMatch => signature_mismatch(described, key, now, &mut found),
        Code::RequestTimeTooSkewed => {
            let date = described
                .headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case("x-oss-date"))
                .or_else(|| {
                    described
                        .headers
                        .iter()
                        .find(|(n, _)| n.eq_ignore_ascii_case("date"))
                })
                .and_then(|(_, v)| parse_rfc1123(v).ok());
            if let Some(date) = date {
                let skew = date.unix_seconds() - now.unix_seconds();
                let now = now.unix_seconds();
                found.likely.push(format!(
                    "the request date is {skew:+} s from the server clock (--now {now}); OSS allows 900 s; x-oss-date, when present, is the date that counts"
                ));
            }
        }
        Code::AccessDenied if described.raw_query.is_some() || !described.query.is_empty() => {
            found.likely.push(format!(
                "a presigned URL stops working after its Expires (UNIX seconds); the server clock is {}",
                now.unix_seconds()
            ));
        }
        _ => {}
    }
    found
}

fn signature_mismatch(
    described: &Described,
    key: &SigningKey,
    now: Timestamp,
    found: &mut Findings,
) {
    let provided = found.provided.clone().unwrap_or_default();
    if provided.contains(' ') {
        found.likely.push("the signature contains a space: a '+' in it was decoded as a space; percent-encode the Signature query value ('+' as %2B, '/' as %2F, '=' as %3D)".into());
        if let Some(raw) = &described.raw_query {
            let mut variant = described.clone();
            let fixed: Vec<String> = raw
                .split('&')
                .map(|piece| {
                    if piece.starts_with("Signature=") {
                        piece.replace('+', "%2B")
                    } else {
                        piece.to_owned()
                    }
                })
                .collect();
            variant.raw_query = Some(fixed.join("&"));
            if verifies(&variant, key, now) {
                found.confirmed.push("with '+' restored in the Signature the request verifies: the URL was not percent-encoded".into());
            }
        }
    }
    if provided.len() != 28 && !provided.is_empty() {
        found.likely.push(format!(
            "the signature is {} characters; a V1 signature is 28 base64 characters (truncated, double-encoded, or not V1)",
            provided.len()
        ));
    }

    // Headers the client may not have signed.
    for (i, (name, _)) in described.headers.iter().enumerate() {
        let lower = name.to_ascii_lowercase();
        if !(lower.starts_with("x-oss-") || lower == "content-type" || lower == "content-md5")
            || lower == "x-oss-date"
        {
            continue;
        }
        let mut variant = described.clone();
        variant.headers.remove(i);
        if verifies(&variant, key, now) {
            found.confirmed.push(format!("the client did not sign the header {name}: OSS signs it (it was added or changed after signing, e.g. by a proxy, browser or SDK)"));
        }
    }
    found
        .confirmed
        .extend(super::diagnose_resource::findings(described, |variant| {
            verifies(variant, key, now)
        }));
    // Sub-resources the client may have left out.
    let params = decoded(described.params());
    let signed: Vec<&(String, String)> = params
        .iter()
        .filter(|(name, _)| is_signed(name.as_bytes()))
        .collect();
    for (name, _) in &signed {
        let mut variant = described.clone();
        variant.query.retain(|(n, _)| n != name);
        if let Some(raw) = &variant.raw_query {
            let kept: Vec<&str> = raw
                .split('&')
                .filter(|piece| piece.split('=').next() != Some(name.as_str()))
                .collect();
            variant.raw_query = Some(kept.join("&"));
        }
        if verifies(&variant, key, now) {
            found.confirmed.push(format!("the client did not sign the sub-resource {name:?}: OSS signs it, so it must be in the CanonicalizedResource"));
        }
    }
    // The key: encoded versus raw.
    match &described.key {
        Some(Key::Encoded(path)) => {
            let mut variant = described.clone();
            variant.key = Some(Key::Raw(path.clone()));
            if path.contains('%') && verifies(&variant, key, now) {
                found.confirmed.push(
                    "the client signed the URL-encoded key; sign the raw (decoded) object key"
                        .into(),
                );
            }
        }
        Some(Key::Raw(raw)) if raw.contains('%') => {
            found.likely.push(
                "the key contains '%': if it is URL-encoded, sign and pass the decoded key instead"
                    .into(),
            );
        }
        _ => {}
    }

    if !signed.is_empty() {
        let names: Vec<&str> = signed.iter().map(|(name, _)| name.as_str()).collect();
        found.likely.push(format!(
            "OSS signs these query parameters as sub-resources: {}; a client (or SDK) that leaves one out gets SignatureDoesNotMatch",
            names.join(", ")
        ));
    }
    let oss_headers: Vec<&str> = described
        .headers
        .iter()
        .map(|(n, _)| n.as_str())
        .filter(|n| n.to_ascii_lowercase().starts_with("x-oss-"))
        .collect();
    if !oss_headers.is_empty() {
        found.likely.push(format!(
            "every x-oss-* header is signed ({}); a header added after signing breaks the signature",
            oss_headers.join(", ")
        ));
    }
    if described.has_header("x-oss-date") && described.has_header("date") {
        found.likely.push("both Date and x-oss-date are present: OSS puts x-oss-date in the date line (the Go v1/v2 and Java SDKs use Date)".into());
    }
    if described.has_header("content-type") {
        found.likely.push("Content-Type is signed: check the client sends exactly the signed value (browsers and SDKs may add a charset or a default type)".into());
    }
    if let Some(Key::Raw(raw) | Key::Encoded(raw)) = &described.key
        && (!raw.is_ascii() || raw.contains(' ') || raw.contains('+'))
    {
        found.likely.push("the key has spaces, '+' or non-ASCII characters: the signed key must be the raw UTF-8 key, while the URL path must be percent-encoded".into());
    }
    found.likely.push("otherwise: a wrong AccessKeySecret (check for stray whitespace) also gives SignatureDoesNotMatch".into());
}
