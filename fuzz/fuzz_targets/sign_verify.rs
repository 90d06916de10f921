//! Fuzz verification: arbitrary method, bucket, key, query and headers never panic, and
//! the same request, once signed, always verifies; the string-to-sign `string_to_sign`
//! shows is the one `sign` signed, and the one the verifier computes from the request as
//! received.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oss_core::naming::Timestamp;
use oss_core::sign::{
    Credentials, Form, RawQuery, Request, SigningKey, Verifier, sign, string_to_sign,
};

const NOW: i64 = 1_672_223_261;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut pieces = text.split('\n');
    let method = pieces.next().unwrap_or("GET");
    let bucket = pieces.next().unwrap_or("");
    let key = pieces.next().unwrap_or("");
    let query = pieces.next().unwrap_or("");
    let headers: Vec<(&str, &str)> = pieces
        .map(|line| line.split_once(':').unwrap_or((line, "")))
        .collect();

    let now = Timestamp::from_unix(NOW).expect("in range");
    let secret = SigningKey::new("secret");
    let keys = [("ak", &secret)];
    let request = Request::new(method)
        .with_bucket(bucket)
        .with_encoded_key(key)
        .with_headers(headers.as_slice())
        .with_query(RawQuery::new(query));
    let _ = Verifier::new().verify(&request, now, keys.as_slice());
    let mut received = Vec::new();
    string_to_sign(&request, Form::Received, &mut received);

    // Sign it (with a valid date and no auth material of its own), then verify it.
    let date = now.rfc1123().to_string();
    let mut clean: Vec<(&str, &str)> = headers
        .iter()
        .copied()
        .filter(|(name, _)| {
            let name = name.trim().to_ascii_lowercase();
            name != "authorization" && name != "date" && name != "x-oss-date"
        })
        .collect();
    clean.push(("Date", &date));
    let has_query_auth = RawQuery::new(query).into_iter().any(|param| {
        ["Signature", "OSSAccessKeyId", "Expires"]
            .iter()
            .any(|name| param.name_is(name))
    });
    let signed_query = if has_query_auth { "" } else { query };
    let creds = Credentials::new("ak", &secret).expect("valid id");
    let unsigned = Request::new(method)
        .with_bucket(bucket)
        .with_encoded_key(key)
        .with_query(RawQuery::new(signed_query));
    let auth = sign(&creds, &unsigned.with_headers(clean.as_slice()));
    let mut signed = Vec::new();
    string_to_sign(
        &unsigned.with_headers(clean.as_slice()),
        Form::header(&creds),
        &mut signed,
    );
    assert_eq!(secret.sign(&signed).as_str(), auth.signature().as_str());

    clean.push(("Authorization", auth.as_str()));
    let sent = unsigned.with_headers(clean.as_slice());
    let verdict = Verifier::new().verify(&sent, now, keys.as_slice());
    assert!(verdict.is_ok(), "{verdict:?}");
    let mut computed = Vec::new();
    string_to_sign(&sent, Form::Received, &mut computed);
    assert_eq!(computed, signed);
});
