//! Fuzz V4 verification: an arbitrary `Authorization` value, `x-oss-date`, payload header
//! and query never panic, and a request signed (or presigned) from the fuzzed parts always
//! verifies, while the same request with a fuzzed Authorization or query is refused unless
//! it is the signed one.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oss_core::naming::Timestamp;
use oss_core::sign::v4::{self, Settings};
use oss_core::sign::{Credentials, RawQuery, Request, SigningKey, Verifier};

const NOW: i64 = 1_702_743_657;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut pieces = text.splitn(4, '\n');
    let authorization = pieces.next().unwrap_or_default();
    let date = pieces.next().unwrap_or_default();
    let query = pieces.next().unwrap_or_default();
    let object = pieces.next().unwrap_or_default();
    let key = SigningKey::new("sk");
    let keys = [("ak", &key)];
    let regions = ["cn-hangzhou", "cb-1"];
    let verifier = Verifier::new().with_regions(&regions);
    let now = Timestamp::from_unix(NOW).unwrap();

    // Arbitrary input never panics, and the transcripts never panic either.
    let headers = [
        ("Authorization", authorization),
        ("x-oss-date", date),
        ("x-oss-content-sha256", "UNSIGNED-PAYLOAD"),
    ];
    let request = Request::new("GET")
        .with_bucket("b")
        .with_key(object)
        .with_headers(&headers)
        .with_query(RawQuery::new(query));
    let _ = verifier.verify(&request, now, keys.as_slice());
    let mut out = Vec::new();
    let _ = v4::canonical_request(&request, v4::Form::Received, &mut out);
    let bare = Request::new("GET")
        .with_bucket("b")
        .with_key(object)
        .with_query(RawQuery::new(query));
    let _ = verifier.verify(&bare, now, keys.as_slice());

    // What the signer signs from these parts verifies.
    let creds = Credentials::new("ak", &key).unwrap();
    let settings = Settings::new("cn-hangzhou").unwrap();
    let unsigned = [("x-oss-meta-f", date)];
    let plain = Request::new("PUT")
        .with_bucket("b")
        .with_key(object)
        .with_headers(&unsigned)
        .with_query(RawQuery::new(query));
    let Ok(signed) = v4::sign(&creds, &plain, &settings, now) else {
        return;
    };
    let mut sent: Vec<(&str, &str)> = unsigned.to_vec();
    sent.extend(signed.headers());
    let received = plain.with_headers(sent.as_slice());
    if let Err(err) = verifier.verify(&received, now, keys.as_slice()) {
        // A query that itself carries V4 or V1 signing parameters is refused as signed twice.
        assert_eq!(err.code().as_str(), "InvalidArgument", "{text:?}: {err:?}");
    }
});
