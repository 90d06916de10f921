//! The callback signature check (oss-callback `verify.rs`, feature `verify`).
//!
//! - `x-oss-pub-key-url`: any header never panics; an accepted URL is printable ASCII on
//!   `gosspublic.alicdn.com`; the base64 of any text is accepted exactly when the text
//!   starts with a trusted prefix and is printable ASCII.
//! - PEM: any text, and any bytes armoured as `PUBLIC KEY` and `RSA PUBLIC KEY`, parse
//!   or are refused without panicking; a key that parses checks signatures without panicking.
//! - Path decoding: any bytes, percent-encoded as a path, decode back to themselves in the
//!   string to sign; the streamed MD5 is the MD5 of the string to sign.
//! - Sign then verify: a request signed with a test key (over the fuzzed target, query
//!   and body) verifies with its public key, through `CallbackRequest::verify` and
//!   `verify_signature`; a changed body, or the same request under another key, does not.
#![no_main]

use std::sync::LazyLock;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use libfuzzer_sys::fuzz_target;
use md5::{Digest as _, Md5};
use oss_core::callback::verify::{
    CallbackRequest, PublicKey, TRUSTED_KEY_URL_PREFIXES, VerifyError, check_pub_key_url,
    split_target, string_to_sign, string_to_sign_md5, verify_signature,
};
use rsa::pkcs8::DecodePrivateKey as _;
use rsa::{Pkcs1v15Sign, PrivateKey};

/// A throwaway 512-bit key (the size of OSS's own) made with `openssl genpkey` for this target only.
const TEST_PRIVATE_KEY: &str = "
-----BEGIN PRIVATE KEY-----
MIIBVAIBADANBgkqhkiG9w0BAQEFAASCAT4wggE6AgEAAkEArJw+uevS9eNTMWea
a79H/Tsdtm7NVAFWrbpiT9tpAO5777AUa1wEWV2Ocxu4AQbVe/RC6UzGgjP2/L0Z
NCi4pwIDAQABAkAG/iFwaMRYH8h8BOV1nf8tnBp9DIoW8CLx0M4wzAO5/N5QsL+T
V/A09fhaBWh/FcwYF7rh/6TZXJRoOQTnwwHpAiEA1/JrO8n3uKNhbQtSten4meAr
2nf3RD9oY4IOXdKCf40CIQDMoB6KhRcznXoG/JZWOADoyvM4vXTcUYGkkKAo8BKi
AwIge1EbPYRja1QZgbzSmcGnzq9+O38AfD+9a/3MGHXrQc0CIBDlC4B+WpsNXnzj
L/pwZ0rRLuG5asOiCyUuN7sJj1BHAiEAgToJ9+EYC0sygWLaBHtoqGgHmZ9KRY7b
8JPV2ohPFcg=
-----END PRIVATE KEY-----
";

const TEST_PUBLIC_KEY: &str = "
-----BEGIN PUBLIC KEY-----
MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAKycPrnr0vXjUzFnmmu/R/07HbZuzVQB
Vq26Yk/baQDue++wFGtcBFldjnMbuAEG1Xv0QulMxoIz9vy9GTQouKcCAwEAAQ==
-----END PUBLIC KEY-----
";

/// `x-oss-pub-key-url` for OSS's own key.
const OSS_KEY_URL: &[u8] =
    b"aHR0cDovL2dvc3NwdWJsaWMuYWxpY2RuLmNvbS9jYWxsYmFja19wdWJfa2V5X3YxLnBlbQ==";

static KEYS: LazyLock<(PrivateKey, PublicKey)> = LazyLock::new(|| {
    let private = PrivateKey::from_pkcs8_pem(TEST_PRIVATE_KEY.trim()).expect("the test key parses");
    let public = PublicKey::from_pem(TEST_PUBLIC_KEY).expect("the test public key parses");
    (private, public)
});

fn armour(label: &str, der: &[u8]) -> String {
    let body = STANDARD.encode(der);
    let lines: Vec<&str> = body
        .as_bytes()
        .chunks(64)
        .map(|l| core::str::from_utf8(l).unwrap())
        .collect();
    format!(
        "-----BEGIN {label}-----\n{}\n-----END {label}-----\n",
        lines.join("\n")
    )
}

fn check_key_url(data: &[u8]) {
    if let Ok(url) = check_pub_key_url(data) {
        assert!(TRUSTED_KEY_URL_PREFIXES.iter().any(|p| url.starts_with(p)));
        assert!(url.bytes().all(|b| b.is_ascii_graphic()));
    }
    let header = STANDARD.encode(data);
    let trusted = core::str::from_utf8(data).is_ok_and(|url| {
        TRUSTED_KEY_URL_PREFIXES.iter().any(|p| url.starts_with(p))
            && url.bytes().all(|b| b.is_ascii_graphic())
    });
    match check_pub_key_url(header.as_bytes()) {
        Ok(url) => assert!(trusted && url.as_bytes() == data),
        Err(err) => {
            assert!(!trusted);
            let expected = if core::str::from_utf8(data).is_ok() {
                VerifyError::UntrustedPubKeyUrl
            } else {
                VerifyError::PubKeyUrlNotBase64
            };
            assert_eq!(err, expected);
        }
    }
}

fn check_pem(data: &[u8]) {
    let mut keys = Vec::new();
    if let Ok(text) = core::str::from_utf8(data) {
        keys.push(PublicKey::from_pem(text));
    }
    keys.push(PublicKey::from_pem(&armour("PUBLIC KEY", data)));
    keys.push(PublicKey::from_pem(&armour("RSA PUBLIC KEY", data)));
    for key in keys.into_iter().flatten() {
        let _ = verify_signature(&key, &STANDARD.encode(data).into_bytes(), "/", None, data);
    }
}

fuzz_target!(|data: &[u8]| {
    check_key_url(data);
    check_pem(data);

    // The input: the request target, a newline, the body.
    let text = String::from_utf8_lossy(data);
    let (target, body) = text.split_once('\n').unwrap_or((&text, ""));
    let (path, query) = split_target(target);
    let signed = string_to_sign(path, query, body.as_bytes());
    assert_eq!(
        string_to_sign_md5(path, query, body.as_bytes()),
        <[u8; 16]>::from(Md5::digest(&signed))
    );
    if !path.contains('%') {
        assert!(signed.starts_with(path.as_bytes()));
    }

    let mut encoded = String::new();
    oss_core::naming::percent::encode_path(data, &mut encoded).unwrap();
    let mut expected = data.to_vec();
    expected.push(b'\n');
    assert_eq!(string_to_sign(&encoded, None, b""), expected);

    // Sign and verify, on one input in 64 (RSA signing is slow: it costs more than the rest).
    if data.first().is_none_or(|b| b % 64 != 0) {
        return;
    }
    let (private, public) = &*KEYS;
    let digest = string_to_sign_md5(path, query, body.as_bytes());
    let signature = private
        .sign(Pkcs1v15Sign::new::<Md5>(), &digest)
        .expect("signs");
    let authorization = STANDARD.encode(&signature);
    let request = CallbackRequest::new(
        authorization.as_bytes(),
        OSS_KEY_URL,
        target,
        body.as_bytes(),
    );
    assert_eq!(request.verify(public), Ok(()), "{target:?}");
    assert_eq!(
        verify_signature(
            public,
            authorization.as_bytes(),
            path,
            query,
            body.as_bytes()
        ),
        Ok(())
    );
    assert_eq!(
        request.verify(&PublicKey::oss()),
        Err(VerifyError::BadSignature)
    );
    let longer = format!("{body}x");
    let changed = CallbackRequest::new(
        authorization.as_bytes(),
        OSS_KEY_URL,
        target,
        longer.as_bytes(),
    );
    assert_eq!(changed.verify(public), Err(VerifyError::BadSignature));
});
