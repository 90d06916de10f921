//! Fuzz verification: arbitrary method, bucket, key, query and headers never panic, and
//! the same request, once signed, always verifies; a reused `Signer` whose buffers hold
//! an earlier, longer request signs it exactly as `sign` does.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oss_core::sign::{Credentials, HttpDate, RawQuery, Request, Signer, SigningKey, Verifier, sign};

const NOW: u64 = 1_672_223_261;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut pieces = text.split('\n');
    let method = pieces.next().unwrap_or("GET");
    let bucket = pieces.next().unwrap_or("");
    let key = pieces.next().unwrap_or("");
    let query = pieces.next().unwrap_or("");
    let headers: Vec<(&str, &str)> = pieces.map(|line| line.split_once(':').unwrap_or((line, ""))).collect();

    let secret = SigningKey::new("secret");
    let keys = [("ak", &secret)];
    let request = Request::new(method)
        .with_bucket(bucket)
        .with_encoded_key(key)
        .with_headers(headers.as_slice())
        .with_query(RawQuery::new(query));
    let _ = Verifier::new().verify(&request, NOW, keys.as_slice());

    // Sign it (with a valid date and no auth material of its own), then verify it.
    let date = HttpDate(NOW).to_string();
    let mut clean: Vec<(&str, &str)> = headers
        .iter()
        .copied()
        .filter(|(name, _)| {
            let name = name.trim().to_ascii_lowercase();
            name != "authorization" && name != "date" && name != "x-oss-date"
        })
        .collect();
    clean.push(("Date", &date));
    let signed_query = if query.contains("Signature") || query.contains("OSSAccessKeyId") || query.contains("Expires") {
        ""
    } else {
        query
    };
    let creds = Credentials::new("ak", &secret).expect("valid id");
    let unsigned = Request::new(method).with_bucket(bucket).with_encoded_key(key).with_query(RawQuery::new(signed_query));
    let auth = sign(&creds, &unsigned.with_headers(clean.as_slice())).to_string();
    let mut signer = Signer::new(creds);
    let filler = [("x-oss-meta-filler", "0123456789abcdef0123456789abcdef0123456789"); 9];
    let earlier = Request::new("PUT").with_bucket("filler").with_key("f").with_headers(&filler);
    let _ = signer.sign(&earlier);
    assert_eq!(signer.sign(&unsigned.with_headers(clean.as_slice())).as_str(), auth);
    clean.push(("Authorization", &auth));
    let verdict = Verifier::new().verify(&unsigned.with_headers(clean.as_slice()), NOW, keys.as_slice());
    assert!(verdict.is_ok(), "{verdict:?}");
});
