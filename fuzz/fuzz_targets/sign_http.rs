//! The `http` adapters of oss-sign (feature `http`): `http_request`, `sign_http_request`,
//! `sign_http_request_v4` and `verify_http_parts`, on `http::Request`s built from fuzz
//! bytes with `http`'s own builder (what it refuses is skipped).
//!
//! Input: the first byte picks the addressing (virtual-hosted, path-style, service);
//! then lines: the method, the path and query, and `name: value` headers. Arbitrary
//! requests never panic in `verify_http_parts` or the transcripts. Signing the request
//! (V1 with a `Date`, V4 at a fixed time), minus its own authentication headers, then
//! verifying what was signed, always succeeds, unless the query itself carries a
//! signature (see `query_signs`): then it is refused as signed twice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oss_core::errors::Entry;
use oss_core::naming::Timestamp;
use oss_core::naming::percent::{self, Plus};
use oss_core::sign::v4::{self, Settings};
use oss_core::sign::{
    Addressing, Credentials, Form, SigningKey, Verifier, http_request, sign_http_request,
    sign_http_request_v4, string_to_sign, verify_http_parts,
};

const NOW: i64 = 1_702_743_657;

/// Headers that carry authentication of their own: left out of the signed request.
const AUTH_HEADERS: [&str; 5] = [
    "authorization",
    "date",
    "x-oss-date",
    "x-oss-content-sha256",
    "x-oss-security-token",
];

fn build(method: &str, target: &str, headers: &[(&str, &str)]) -> Option<http::Request<()>> {
    let mut builder = http::Request::builder()
        .method(method)
        .uri(format!("http://oss.example.com{target}"));
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    builder.body(()).ok()
}

/// Whether the query names a V1 `Signature` or a V4 signing parameter: the verifier then
/// refuses a header-signed request as signed twice (SignatureInQueryAndHeader).
fn query_signs(uri: &http::Uri) -> bool {
    uri.query().unwrap_or_default().split('&').any(|param| {
        let name = param.split('=').next().unwrap_or_default();
        let decoded: Vec<u8> = percent::decode(name.as_bytes(), Plus::Space).collect();
        [
            &b"Signature"[..],
            b"x-oss-signature-version",
            b"x-oss-signature",
            b"x-oss-credential",
        ]
        .contains(&decoded.as_slice())
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let mut lines = text.split('\n');
    let method = lines.next().unwrap_or_default();
    let target = lines.next().unwrap_or_default();
    let headers: Vec<(&str, &str)> = lines
        .map(|l| {
            l.split_once(':')
                .map_or((l, ""), |(n, v)| (n.trim(), v.trim()))
        })
        .collect();
    let addressing = match which % 3 {
        0 => Addressing::VirtualHosted("bucket-1"),
        1 => Addressing::PathStyle,
        _ => Addressing::Service,
    };
    let now = Timestamp::from_unix(NOW).expect("in range");
    let key = SigningKey::new("sk");
    let keys = [("ak", &key)];
    let regions = ["cn-hangzhou"];
    let verifier = Verifier::new().with_regions(&regions);

    // The request as given: never panics.
    let Some(request) = build(method, target, &headers) else {
        return;
    };
    let (parts, ()) = request.into_parts();
    let _ = verify_http_parts(&verifier, &parts, addressing, now, keys.as_slice());
    let described = http_request(&parts.method, &parts.uri, &parts.headers, addressing);
    let mut out = Vec::new();
    string_to_sign(&described, Form::Received, &mut out);
    out.clear();
    let _ = v4::canonical_request(&described, v4::Form::Received, &mut out);

    // Signed, then verified.
    let clean: Vec<(&str, &str)> = headers
        .iter()
        .copied()
        .filter(|(name, _)| {
            !AUTH_HEADERS
                .iter()
                .any(|auth| name.eq_ignore_ascii_case(auth))
        })
        .collect();
    let date = now.rfc1123().to_string();
    let mut with_date = clean.clone();
    with_date.push(("Date", &date));
    let Some(mut v1) = build(method, target, &with_date) else {
        return;
    };
    let double = query_signs(v1.uri());
    let creds = Credentials::new("ak", &key).expect("valid id");
    sign_http_request(&creds, &mut v1, addressing).expect("an Authorization header value");
    let (parts, ()) = v1.into_parts();
    let verdict = verify_http_parts(&verifier, &parts, addressing, now, keys.as_slice());
    match verdict {
        Ok(_) => assert!(!double, "V1 {text:?}"),
        Err(err) => assert!(
            double && err.entry() == Entry::SignatureInQueryAndHeader,
            "V1 {text:?}: {err:?}"
        ),
    }

    let Some(mut v4_request) = build(method, target, &clean) else {
        return;
    };
    let settings = Settings::new("cn-hangzhou").expect("valid region");
    if sign_http_request_v4(&creds, &mut v4_request, addressing, &settings, now).is_err() {
        return;
    }
    let (parts, ()) = v4_request.into_parts();
    let verdict = verify_http_parts(&verifier, &parts, addressing, now, keys.as_slice());
    match verdict {
        Ok(_) => assert!(!double, "V4 {text:?}"),
        Err(err) => assert!(
            double && err.entry() == Entry::SignatureInQueryAndHeader,
            "V4 {text:?}: {err:?}"
        ),
    }
});
