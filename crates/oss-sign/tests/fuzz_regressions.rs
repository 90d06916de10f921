//! Inputs the fuzz targets (`fuzz/`) found, kept as plain tests.
#![cfg(feature = "http")]
#![allow(clippy::unwrap_used)]

use oss_naming::Timestamp;
use oss_sign::v4::Settings;
use oss_sign::{
    Addressing, Credentials, Form, SigningKey, Verifier, http_request, sign_http_request,
    sign_http_request_v4, string_to_sign, verify_http_parts,
};

const NOW: i64 = 1_702_743_657;

/// `sign_http` found it: a query that itself starts with `?` (`/k??x-oss-credential`, whose
/// one parameter is `?x-oss-credential`) lost that `?` on its way from `http::Uri` to the
/// verifier, which then saw a V4 signing parameter and refused the V1-signed request with
/// SignatureInQueryAndHeader.
#[test]
fn a_query_starting_with_a_question_mark_keeps_it() {
    let now = Timestamp::from_unix(NOW).unwrap();
    let date = now.rfc1123().to_string();
    let key = SigningKey::new("sk");
    let creds = Credentials::new("ak", &key).unwrap();
    let keys = [("ak", &key)];
    let regions = ["cn-hangzhou"];
    let verifier = Verifier::new().with_regions(&regions);
    let addressing = Addressing::VirtualHosted("bucket-1");

    let mut request = http::Request::put("http://oss.example.com/n!elson??x-oss-credential")
        .header("ex-oss-credential", "")
        .header("Date", &date)
        .body(())
        .unwrap();
    sign_http_request(&creds, &mut request, addressing).unwrap();
    let (parts, ()) = request.into_parts();
    assert!(verify_http_parts(&verifier, &parts, addressing, now, keys.as_slice()).is_ok());

    let mut request = http::Request::put("http://oss.example.com/n!elson??x-oss-credential")
        .body(())
        .unwrap();
    sign_http_request_v4(
        &creds,
        &mut request,
        addressing,
        &Settings::new("cn-hangzhou").unwrap(),
        now,
    )
    .unwrap();
    let (parts, ()) = request.into_parts();
    assert!(verify_http_parts(&verifier, &parts, addressing, now, keys.as_slice()).is_ok());

    // `?acl` is not the `acl` sub-resource, so it is not signed.
    let (parts, ()) = http::Request::get("http://oss.example.com/k??acl")
        .body(())
        .unwrap()
        .into_parts();
    let described = http_request(&parts.method, &parts.uri, &parts.headers, addressing);
    let mut transcript = Vec::new();
    string_to_sign(&described, Form::Received, &mut transcript);
    assert!(
        transcript.ends_with(b"\n/bucket-1/k"),
        "{}",
        String::from_utf8_lossy(&transcript)
    );
}
