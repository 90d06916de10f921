//! oss-sign without std or alloc: signing, presigning, verifying, POST policy signatures
//! and Authorization parsing, with caller buffers only.

use core::fmt::Write as _;

use oss_sign::{
    Credentials, FixedBuf, ParsedAuthorization, RawQuery, Request, SigningKey, Verifier, post_policy_signature, presign,
    sign,
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

/// Verifies a presigned query string against the key `sk` at `now`: 0 verified, 1 rejected.
#[unsafe(no_mangle)]
pub extern "C" fn oss_sign_verify_presigned(now: u64) -> u32 {
    let key = SigningKey::new("sk");
    let keys = [("ak", &key)];
    let query = RawQuery::new("Expires=1699807420&OSSAccessKeyId=ak&Signature=dcLTea%2BYh9ApirQ8o8dOPqtvJXQ%3D&versionId=versionId");
    let request = Request::new("GET").with_bucket("bucket").with_key("key").with_query(query);
    let mut transcript = FixedBuf::<256>::new();
    u32::from(Verifier::new().verify_with_transcript(&request, now, keys.as_slice(), &mut transcript).is_err())
}

/// Presigns a fixed GET and returns the URL's length (written into a stack buffer).
#[unsafe(no_mangle)]
pub extern "C" fn oss_sign_presign_url_len(expires: u64) -> usize {
    let key = SigningKey::new("sk");
    let Ok(creds) = Credentials::new("ak", &key) else { return 0 };
    let query = [("versionId", "versionId")];
    let request = Request::new("GET").with_bucket("bucket").with_key("key").with_query(&query);
    let mut url = FixedBuf::<512>::new();
    match presign(&creds, &request, expires).write_url("oss-cn-hangzhou.aliyuncs.com", &mut url) {
        Ok(()) => url.as_bytes().len(),
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
    let mut text = FixedBuf::<32>::new();
    let _ = write!(text, "{signature}");
    u32::from(text.as_bytes()[0]) | (u32::from(parsed) << 8)
}
