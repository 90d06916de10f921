//! Signing, presigning and verifying allocate nothing.
#![allow(clippy::unwrap_used)]

use oss_sign::{
    Credentials, FixedBuf, ParsedAuthorization, RawQuery, Request, Signer, SigningKey, Verifier,
    post_policy_signature, presign, sign, sign_with_transcript,
};

#[global_allocator]
static ALLOC: oss_test_support::CountingAllocator = oss_test_support::CountingAllocator;

const HEADERS: [(&str, &str); 7] = [
    ("Content-MD5", "eB5eJF1ptWaXm4bijSPyxw=="),
    ("Content-Type", "text/html"),
    ("Date", "Wed, 28 Dec 2022 10:27:41 GMT"),
    ("X-Oss-Meta-Author", "alice"),
    ("x-oss-meta-magic", " abracadabra "),
    ("x-oss-storage-class", "Standard"),
    ("Authorization", "OSS ak:NgfYzR7Q9Nn5WE6x9rzpA6rJbXQ="),
];

#[test]
fn sign_and_presign_allocate_nothing() {
    let key = SigningKey::new("sk");
    let creds = Credentials::new("ak", &key)
        .unwrap()
        .with_security_token("token");
    let query = [
        ("partNumber", "1"),
        ("uploadId", "0004B9894A22E5B1888A1E29F823"),
        ("prefix", "x"),
    ];
    let request = Request::new("PUT")
        .with_bucket("examplebucket")
        .with_key("中文/对象.txt")
        .with_headers(&HEADERS)
        .with_query(&query);
    oss_test_support::assert_no_alloc(|| {
        let auth = sign(&creds, &request);
        let mut signer = Signer::new(creds);
        assert_eq!(signer.sign(&request).as_str(), auth.as_str());
        assert_eq!(signer.sign(&request).as_str(), auth.as_str());
        let mut transcript = FixedBuf::<512>::new();
        let again = sign_with_transcript(&creds, &request, &mut transcript);
        assert_eq!(auth.as_str(), again.as_str());
        let presigned = presign(&creds, &request, 1_700_000_000);
        let mut url = FixedBuf::<512>::new();
        presigned
            .write_url("oss-cn-hangzhou.aliyuncs.com", &mut url)
            .unwrap();
        assert!(
            url.as_bytes()
                .starts_with(b"https://examplebucket.oss-cn-hangzhou.aliyuncs.com/")
        );
        let _ = post_policy_signature(&key, b"e30=");
    });
}

#[test]
fn verify_allocates_nothing() {
    let key = SigningKey::new("sk");
    let keys = [("ak", &key)];
    let request = Request::new("PUT")
        .with_bucket("examplebucket")
        .with_encoded_key("a%20b")
        .with_headers(&HEADERS)
        .with_query(RawQuery::new("acl&x-oss-process=image%2Fresize%2Cw_100"));
    let presigned = RawQuery::new(
        "OSSAccessKeyId=ak&Expires=1700000000&Signature=AAAAAAAAAAAAAAAAAAAAAAAAAAA%3D&security-token=t&versionId=1",
    );
    oss_test_support::assert_no_alloc(|| {
        let verdict = Verifier::new().verify(&request, 1_672_223_261, keys.as_slice());
        assert_eq!(
            verdict.unwrap_err().code().as_str(),
            "SignatureDoesNotMatch"
        );
        let mut transcript = FixedBuf::<512>::new();
        let query_request = Request::new("GET")
            .with_bucket("b")
            .with_key("k")
            .with_query(presigned);
        let verdict = Verifier::new().verify_with_transcript(
            &query_request,
            1_600_000_000,
            keys.as_slice(),
            &mut transcript,
        );
        assert!(verdict.is_err());
        assert!(transcript.as_bytes().starts_with(b"GET\n\n\n1700000000\n"));
        assert!(ParsedAuthorization::parse(b"OSS ak:sig").is_ok());
    });
}
