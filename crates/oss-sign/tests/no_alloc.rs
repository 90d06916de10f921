//! Signing, presigning and verifying allocate nothing.
#![allow(clippy::unwrap_used)]

use oss_naming::Timestamp;
use oss_sign::{
    Credentials, Form, ParsedAuthorization, RawQuery, Request, SigningKey, Verifier,
    post_policy_signature, presign, sign, string_to_sign,
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
        let mut transcript = heapless::Vec::<u8, 512>::new();
        string_to_sign(&request, Form::header(&creds), &mut transcript);
        assert_eq!(auth.signature().as_str(), key.sign(&transcript).as_str());
        let presigned = presign(&creds, &request, 1_700_000_000);
        let mut url = heapless::String::<512>::new();
        presigned
            .write_url("oss-cn-hangzhou.aliyuncs.com", &mut url)
            .unwrap();
        assert!(url.starts_with("https://examplebucket.oss-cn-hangzhou.aliyuncs.com/"));
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
    let now = Timestamp::from_unix(1_672_223_261).unwrap();
    let unsigned: [(&str, &str); 6] = HEADERS[..6].try_into().unwrap();
    let creds = Credentials::new("ak", &key).unwrap();
    oss_test_support::assert_no_alloc(|| {
        let auth = sign(&creds, &request.with_headers(&unsigned));
        let mut signed = [("", ""); 7];
        signed[..6].copy_from_slice(&unsigned);
        signed[6] = ("Authorization", auth.as_str());
        let verified = Verifier::new().verify(&request.with_headers(&signed), now, keys.as_slice());
        assert_eq!(verified.unwrap().access_key_id(), Some("ak"));
        let verdict = Verifier::new().verify(&request, now, keys.as_slice());
        assert_eq!(
            verdict.unwrap_err().code().as_str(),
            "SignatureDoesNotMatch"
        );
        let query_request = Request::new("GET")
            .with_bucket("b")
            .with_key("k")
            .with_query(presigned);
        let earlier = Timestamp::from_unix(1_600_000_000).unwrap();
        let verdict = Verifier::new().verify(&query_request, earlier, keys.as_slice());
        assert!(verdict.is_err());
        let mut transcript = heapless::Vec::<u8, 512>::new();
        string_to_sign(&query_request, Form::Received, &mut transcript);
        assert!(transcript.starts_with(b"GET\n\n\n1700000000\n"));
        assert!(ParsedAuthorization::parse(b"OSS ak:sig").is_ok());
    });
}

#[test]
fn v4_sign_presign_and_verify_allocate_nothing() {
    use oss_sign::v4::{self, Settings};
    let key = SigningKey::new("sk");
    let creds = Credentials::new("ak", &key)
        .unwrap()
        .with_security_token("token");
    let settings = Settings::new("cn-hangzhou")
        .unwrap()
        .with_additional_headers(&["Content-Disposition"])
        .unwrap();
    let now = Timestamp::from_unix(1_702_743_657).unwrap();
    let headers = [
        ("Content-Type", "text/plain"),
        ("Content-Disposition", "attachment"),
        ("x-oss-meta-a", "1"),
    ];
    let request = Request::new("PUT")
        .with_bucket("examplebucket")
        .with_key("中文/对象 1.txt")
        .with_query([("partNumber", "1"), ("uploadId", "abc")]);
    let regions = ["cn-hangzhou"];
    let keys = [("ak", &key)];
    oss_test_support::assert_no_alloc(|| {
        let mut signer = v4::Signer::new(creds, settings);
        let signed = signer.sign(&request.with_headers(&headers), now).unwrap();
        let mut received: heapless::Vec<(&str, &str), 8> = heapless::Vec::new();
        received.extend_from_slice(&headers).unwrap();
        for header in signed.headers() {
            received.push(header).unwrap();
        }
        let verifier = Verifier::new().with_regions(&regions);
        let verified = verifier
            .verify(
                &request.with_headers(received.as_slice()),
                now,
                keys.as_slice(),
            )
            .unwrap();
        assert_eq!(verified.access_key_id(), Some("ak"));
        let mut canonical = heapless::Vec::<u8, 1024>::new();
        v4::canonical_request(
            &request.with_headers(received.as_slice()),
            v4::Form::Received,
            &mut canonical,
        )
        .unwrap();
        let presigned = signer.presign(&request, now, 600).unwrap();
        let mut query = heapless::String::<1024>::new();
        presigned.write_query(&mut query).unwrap();
        let verified = verifier
            .verify(
                &request.with_query(RawQuery::new(&query)),
                now,
                keys.as_slice(),
            )
            .unwrap();
        assert_eq!(verified.access_key_id(), Some("ak"));
    });
}
