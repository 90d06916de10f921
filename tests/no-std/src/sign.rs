//! oss-sign without std or alloc: signing, presigning, verifying, POST policy signatures
//! and Authorization parsing, with caller buffers only.

use core::fmt::Write as _;

use oss_naming::Timestamp;
use oss_sign::{
    Credentials, Form, ParsedAuthorization, RawQuery, Request, SigningKey, Verifier, post_policy_signature, presign,
    sign, string_to_sign,
};

const HEADERS: [(&str, &str); 5] = [
    ("Content-MD5", "eB5eJF1ptWaXm4bijSPyxw=="),
    ("Content-Type", "text/html"),
    ("Date", "Wed, 28 Dec 2022 10:27:41 GMT"),
    ("x-oss-meta-author", "alice"),
    ("x-oss-meta-magic", "abracadabra"),
];

/// Signs a fixed PUT with the key byte `secret` and returns the Authorization length.
#[unsafe(no_mangle)]
pub extern "C" fn oss_sign_authorization(secret: u8) -> usize {
    let key = SigningKey::new([secret]);
    let Ok(creds) = Credentials::new("ak", &key) else { return 0 };
    let request = Request::new("PUT").with_bucket("examplebucket").with_key("nelson").with_headers(&HEADERS);
    sign(&creds, &request).as_str().len()
}

/// Verifies a presigned query string against the key `sk` at `now` (UNIX seconds): 0
/// verified, 1 rejected; on rejection, the string-to-sign the server computed goes into a
/// stack buffer, whose length is added from bit 8 up.
#[unsafe(no_mangle)]
pub extern "C" fn oss_sign_verify_presigned(now: i64) -> u32 {
    let Some(now) = Timestamp::from_unix(now) else { return 1 };
    let key = SigningKey::new("sk");
    let keys = [("ak", &key)];
    let query = RawQuery::new("Expires=1699807420&OSSAccessKeyId=ak&Signature=dcLTea%2BYh9ApirQ8o8dOPqtvJXQ%3D&versionId=versionId");
    let request = Request::new("GET").with_bucket("bucket").with_key("key").with_query(query);
    if Verifier::new().verify(&request, now, keys.as_slice()).is_ok() {
        return 0;
    }
    let mut transcript = heapless::Vec::<u8, 256>::new();
    string_to_sign(&request, Form::Received, &mut transcript);
    let len = u32::try_from(transcript.len()).unwrap_or(0);
    1 | (len << 8)
}

/// Presigns a fixed GET and returns the URL's length (written into a stack buffer).
#[unsafe(no_mangle)]
pub extern "C" fn oss_sign_presign_url_len(expires: u64) -> usize {
    let key = SigningKey::new("sk");
    let Ok(creds) = Credentials::new("ak", &key) else { return 0 };
    let query = [("versionId", "versionId")];
    let request = Request::new("GET").with_bucket("bucket").with_key("key").with_query(&query);
    let mut url = heapless::String::<512>::new();
    match presign(&creds, &request, expires).write_url("oss-cn-hangzhou.aliyuncs.com", &mut url) {
        Ok(()) => url.len(),
        Err(_) => 0,
    }
}

/// The first byte of the POST policy signature of a fixed policy, and whether a fixed
/// Authorization value parses (bit 8).
#[unsafe(no_mangle)]
pub extern "C" fn oss_sign_post_policy_and_parse() -> u32 {
    let key = SigningKey::new("sk");
    let signature = post_policy_signature(&key, b"eyJjb25kaXRpb25zIjpbXX0=");
    let parsed = ParsedAuthorization::parse(b"OSS ak:kSHKmLxlyEAKtZPkJhG9bZb5k7M=").is_ok();
    let mut text = heapless::String::<32>::new();
    let _ = write!(text, "{signature}");
    u32::from(text.as_bytes().first().copied().unwrap_or(0)) | (u32::from(parsed) << 8)
}

/// Signs a fixed PUT with Signature V4 and verifies it: 0 verified, 1 rejected, 2 not signed.
#[unsafe(no_mangle)]
pub extern "C" fn oss_sign_v4_round_trip(now: i64) -> u32 {
    use oss_naming::Timestamp;
    use oss_sign::v4::{self, Settings};
    let Some(now) = Timestamp::from_unix(now) else { return 2 };
    let key = SigningKey::new("sk");
    let Ok(creds) = Credentials::new("ak", &key) else { return 2 };
    let Ok(settings) = Settings::new("cn-hangzhou") else { return 2 };
    let headers = [("Content-Type", "text/plain"), ("x-oss-meta-a", "1")];
    let request = Request::new("PUT").with_bucket("bucket").with_key("key");
    let Ok(signed) = v4::sign(&creds, &request.with_headers(&headers), &settings, now) else { return 2 };
    let mut received: heapless::Vec<(&str, &str), 8> = heapless::Vec::new();
    for header in headers.into_iter().chain(signed.headers()) {
        if received.push(header).is_err() {
            return 2;
        }
    }
    let regions = ["cn-hangzhou"];
    let keys = [("ak", &key)];
    let verdict = Verifier::new().with_regions(&regions).verify(&request.with_headers(received.as_slice()), now, keys.as_slice());
    u32::from(verdict.is_err())
}
