use std::prelude::rust_2024::*;

use oss_errors::{Entry, Error};
use oss_sign::{SigningKey, post_policy_signature};

use super::*;
use crate::{Boundary, Limits, Policy};

/// Builds a body from `(name, extra header lines, value)` parts.
fn body(parts: &[(&str, &str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    for (name, extra, value) in parts {
        out.extend_from_slice(
            format!("--B\r\nContent-Disposition: form-data; name=\"{name}\"").as_bytes(),
        );
        if *name == "file" {
            out.extend_from_slice(b"; filename=\"a.txt\"");
        }
        out.extend_from_slice(b"\r\n");
        out.extend_from_slice(extra.as_bytes());
        out.extend_from_slice(b"\r\n");
        out.extend_from_slice(value);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"--B--\r\n");
    out
}

fn check(parts: &[(&str, &str, &[u8])], options: PostOptions) -> Result<FileSummary, Error> {
    let boundary = Boundary::new(b"B").unwrap();
    let body = body(parts);
    PostForm::parse(&boundary, &body, options).map(|form| form.summary())
}

fn entry(parts: &[(&str, &str, &[u8])]) -> Entry {
    check(parts, PostOptions::DEFAULT).unwrap_err().entry()
}

#[test]
fn a_minimal_form_passes() {
    let summary = check(
        &[
            ("key", "", b"k"),
            ("file", "Content-Type: text/plain\r\n", b"hello"),
        ],
        PostOptions::DEFAULT,
    )
    .unwrap();
    assert_eq!(summary.size, 5);
    assert!(summary.pre_file_bytes > 0 && summary.body_bytes > summary.pre_file_bytes);
}

#[test]
fn key_must_come_before_file() {
    let message = "The bucket POST must contain the specified 'key'. If it is specified, please check the order of the fields";
    assert_eq!(
        entry(&[("file", "", b"x"), ("key", "", b"k")]),
        Entry::PostMissingKey
    );
    assert_eq!(entry(&[("file", "", b"x")]), Entry::PostMissingKey);
    assert_eq!(entry(&[("other", "", b"x")]), Entry::PostMissingKey);
    assert_eq!(Error::from(Entry::PostMissingKey).to_string(), message);
    assert_eq!(
        Error::from(Entry::PostMissingKey).code().as_str(),
        "InvalidArgument"
    );
}

#[test]
fn exactly_one_file_and_last() {
    assert_eq!(entry(&[("key", "", b"k")]), Entry::PostFileCount);
    assert_eq!(
        entry(&[("key", "", b"k"), ("file", "", b"x"), ("file", "", b"y")]),
        Entry::PostFileCount
    );
    assert_eq!(
        entry(&[
            ("key", "", b"k"),
            ("file", "", b"x"),
            ("x-oss-meta-a", "", b"1")
        ]),
        Entry::PostFileCount
    );
    assert_eq!(
        Error::from(Entry::PostFileCount).to_string(),
        "POST requires exactly one file upload per request"
    );
    // The lenient reading ignores fields after the file, but not a second file.
    let lenient = PostOptions::DEFAULT.with_fields_after_file_ignored(true);
    assert!(
        check(
            &[
                ("key", "", b"k"),
                ("file", "", b"x"),
                ("x-oss-meta-a", "", b"1")
            ],
            lenient
        )
        .is_ok()
    );
    let two = check(
        &[("key", "", b"k"), ("file", "", b"x"), ("file", "", b"y")],
        lenient,
    );
    assert_eq!(two.unwrap_err().entry(), Entry::PostFileCount);
}

#[test]
fn file_part_headers() {
    let parts = [
        ("key", "", &b"k"[..]),
        ("file", "Content-Type: a/b\r\nX-Custom: 1\r\n", b"x"),
    ];
    assert_eq!(entry(&parts), Entry::PostUnrecognizedField);
    assert_eq!(
        Error::from(Entry::PostUnrecognizedField).to_string(),
        "The bucket POST contains unrecognized field name"
    );
    let allowed = [
        ("key", "", &b"k"[..]),
        (
            "file",
            "content-type: a/b\r\nContent-Transfer-Encoding: base64\r\n",
            b"eA==",
        ),
    ];
    assert!(check(&allowed, PostOptions::DEFAULT).is_ok());
    // Other fields may carry any header.
    let field = [("key", "X-Custom: 1\r\n", &b"k"[..]), ("file", "", b"x")];
    assert!(check(&field, PostOptions::DEFAULT).is_ok());
}

#[test]
fn signed_fields_all_or_none() {
    let file = ("file", "", &b"x"[..]);
    let key = ("key", "", &b"k"[..]);
    let ak = ("OSSAccessKeyId", "", &b"AK"[..]);
    let policy = ("policy", "", &b"e30="[..]);
    let signature = ("Signature", "", &b"sig"[..]);
    assert!(check(&[key, ak, policy, signature, file], PostOptions::DEFAULT).is_ok());
    assert_eq!(
        entry(&[key, policy, signature, file]),
        Entry::PostAccessKeyIdEmpty
    );
    assert_eq!(entry(&[key, ak, policy, file]), Entry::PostSignatureEmpty);
    assert_eq!(
        entry(&[key, ak, signature, file]),
        Entry::PolicyDocumentInvalid
    );
    assert_eq!(
        entry(&[key, ("OSSAccessKeyId", "", b""), policy, signature, file]),
        Entry::PostAccessKeyIdEmpty
    );
    assert_eq!(
        Error::from(Entry::PostAccessKeyIdEmpty).to_string(),
        "Post request accessKeyId is empty"
    );
    assert_eq!(
        Error::from(Entry::PostSignatureEmpty).to_string(),
        "Post request signature is empty"
    );
    // Names are case-sensitive by default: `signature` is not `Signature`.
    assert_eq!(
        entry(&[key, ak, policy, ("signature", "", b"sig"), file]),
        Entry::PostSignatureEmpty
    );
    let insensitive = PostOptions::DEFAULT.with_case_insensitive_names(true);
    assert!(
        check(
            &[
                ("KEY", "", b"k"),
                ak,
                policy,
                ("signature", "", b"sig"),
                ("File", "", b"x")
            ],
            insensitive
        )
        .is_ok()
    );
}

#[test]
fn field_limits() {
    let long_value = vec![b'v'; 4097];
    assert_eq!(
        entry(&[("key", "", &long_value), ("file", "", b"x")]),
        Entry::FormFieldTooLong
    );
    assert!(
        check(
            &[("key", "", &long_value[..4096]), ("file", "", b"x")],
            PostOptions::DEFAULT
        )
        .is_ok()
    );
    let live = PostOptions::DEFAULT.with_limits(Limits::LIVE);
    assert!(check(&[("key", "", &long_value), ("file", "", b"x")], live).is_ok());
    let long_name = "n".repeat(4097);
    assert_eq!(
        entry(&[
            ("key", "", b"k"),
            (&long_name, "", b"v"),
            ("file", "", b"x")
        ]),
        Entry::FormFieldTooLong
    );
    // The file itself may be large.
    let big_file = vec![b'f'; 100_000];
    assert!(
        check(
            &[("key", "", b"k"), ("file", "", &big_file)],
            PostOptions::DEFAULT
        )
        .is_ok()
    );
    assert_eq!(
        Error::from(Entry::FormFieldTooLong).to_string(),
        "Your name of form field is too long"
    );
}

#[test]
fn pre_file_and_body_limits() {
    let options = PostOptions::DEFAULT.with_limits(Limits::DEFAULT.with_pre_file(100));
    let value = [b'v'; 60];
    assert_eq!(
        check(
            &[("key", "", b"k"), ("a", "", &value), ("file", "", b"x")],
            options
        )
        .unwrap_err()
        .entry(),
        Entry::PostPreDataTooLarge
    );
    assert!(check(&[("key", "", b"k"), ("file", "", &[b'x'; 500])], options).is_ok());
    assert_eq!(
        Error::from(Entry::PostPreDataTooLarge).to_string(),
        "Your POST request fields preceding the upload file were too large"
    );
    let small_body = PostOptions::DEFAULT.with_limits(Limits::DEFAULT.with_body(200));
    assert_eq!(
        check(&[("key", "", b"k"), ("file", "", &[b'x'; 200])], small_body)
            .unwrap_err()
            .entry(),
        Entry::PostBodyTooLarge
    );
    assert_eq!(
        Error::from(Entry::PostBodyTooLarge).to_string(),
        "Post body size must be less than 5G"
    );
}

/// No field count refuses a form: 128 (or 500) small `x-oss-meta-*` fields, well under the
/// byte limit before the file, are accepted; only the bytes count.
#[test]
fn many_small_fields_are_accepted_and_only_bytes_refuse() {
    for count in [128, 500] {
        let many: Vec<String> = (0..count).map(|i| format!("x-oss-meta-m{i}")).collect();
        let mut parts: Vec<(&str, &str, &[u8])> = vec![("key", "", b"k")];
        parts.extend(many.iter().map(|name| (name.as_str(), "", &b"v"[..])));
        parts.push(("file", "", b"x"));
        let boundary = Boundary::new(b"B").unwrap();
        let body = body(&parts);
        assert!(body.len() < 10 * 1024 || count > 128, "{}", body.len());
        let parsed = PostForm::parse(&boundary, &body, PostOptions::DEFAULT)
            .unwrap_or_else(|err| std::panic!("{count} fields: {err}"));
        assert_eq!(parsed.fields().count(), count + 1);
        assert_eq!(parsed.field(b"x-oss-meta-m7"), Some(&b"v"[..]));
        assert_eq!(parsed.file().data, b"x");
        let tight = PostOptions::DEFAULT
            .with_limits(Limits::DEFAULT.with_pre_file(parsed.summary().pre_file_bytes - 1));
        assert_eq!(
            PostForm::parse(&boundary, &body, tight)
                .unwrap_err()
                .entry(),
            Entry::PostPreDataTooLarge
        );
    }
}

#[test]
fn malformed_and_not_multipart() {
    let boundary = Boundary::new(b"B").unwrap();
    let err = PostForm::parse(
        &boundary,
        b"--B\r\nno headers here\r\n\r\n",
        PostOptions::DEFAULT,
    )
    .unwrap_err();
    assert_eq!(err.entry(), Entry::PostBodyMalformed);
    let err = Boundary::from_content_type(b"application/x-www-form-urlencoded").unwrap_err();
    assert_eq!(
        err.to_string(),
        "Bucket POST must be of the enclosure-type multipart/form-data"
    );
}

#[test]
fn signature_and_policy_end_to_end() {
    let key = SigningKey::new("secret");
    let json = r#"{"expiration":"2030-01-01T00:00:00Z","conditions":[{"bucket":"b"},["starts-with","$key","user/"],["content-length-range",1,5]]}"#;
    let policy_b64 = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, json);
    let signature = post_policy_signature(&key, policy_b64.as_bytes());
    let parts = [
        ("key", "", &b"user/a"[..]),
        ("OSSAccessKeyId", "", b"AK"),
        ("policy", "", policy_b64.as_bytes()),
        ("Signature", "", signature.as_bytes()),
        ("file", "", b"hello"),
    ];
    let body = body(&parts);
    let boundary = Boundary::new(b"B").unwrap();
    let form = PostForm::parse(&boundary, &body, PostOptions::DEFAULT).unwrap();
    assert!(form.is_signed());
    assert!(form.check_signature(&key).is_ok());
    assert_eq!(
        form.check_signature(&SigningKey::new("wrong"))
            .unwrap_err()
            .code()
            .as_str(),
        "SignatureDoesNotMatch"
    );
    let mut buf = [0; 256];
    let policy = Policy::parse(form.policy_json(&mut buf).unwrap().unwrap()).unwrap();
    assert!(form.check_policy(&policy, Some(b"b"), 0).is_ok());
    let violation = form.check_policy(&policy, Some(b"c"), 0).unwrap_err();
    assert_eq!(
        violation.to_string(),
        r#"Invalid according to Policy: Policy Condition failed: ["eq", "$bucket", "b"]"#
    );
    assert_eq!(
        form.check_policy(&policy, Some(b"b"), 1_893_456_001)
            .unwrap_err()
            .error()
            .entry(),
        Entry::PolicyExpired
    );
}

/// Judges a form with one call, as a server would.
fn judge(
    parts: &[(&str, &str, &[u8])],
    bucket: Option<&[u8]>,
    now: i64,
) -> Result<PostVerdict, Entry> {
    let boundary = Boundary::new(b"B").unwrap();
    let body = body(parts);
    let form = PostForm::parse(&boundary, &body, PostOptions::DEFAULT).map_err(|e| e.entry())?;
    let key = SigningKey::new("secret");
    let keys = [("AK", &key)];
    let mut check = PostCheck::new(oss_naming::Timestamp::from_unix(now).unwrap())
        .with_keys(keys.as_slice())
        .with_regions(&["cn-hangzhou"]);
    if let Some(bucket) = bucket {
        check = check.with_bucket(bucket);
    }
    let mut buf = vec![0; body.len()];
    form.check(&check, &mut buf)
        .map_err(|violation| violation.error().entry())
}

#[test]
fn one_call_judges_v1_v4_and_anonymous_forms() {
    use base64::Engine as _;
    let json = br#"{"expiration":"2030-01-01T00:00:00Z","conditions":[{"bucket":"b"},["starts-with","$key","up/"]]}"#;
    let policy = base64::engine::general_purpose::STANDARD.encode(json);
    let now = 1_702_743_657;
    // V1.
    let signature =
        post_policy_signature(&SigningKey::new("secret"), policy.as_bytes()).to_string();
    let v1 = |key: &'static [u8], signature: &str| {
        let parts: Vec<(&str, &str, Vec<u8>)> = vec![
            ("key", "", key.to_vec()),
            ("OSSAccessKeyId", "", b"AK".to_vec()),
            ("policy", "", policy.clone().into_bytes()),
            ("Signature", "", signature.as_bytes().to_vec()),
            ("file", "", b"x".to_vec()),
        ];
        parts
    };
    let run = |parts: &[(&str, &str, Vec<u8>)], bucket: Option<&[u8]>| {
        let parts: Vec<(&str, &str, &[u8])> = parts
            .iter()
            .map(|(n, e, v)| (*n, *e, v.as_slice()))
            .collect();
        judge(&parts, bucket, now)
    };
    let verdict = run(&v1(b"up/a", &signature), Some(b"b")).unwrap();
    assert_eq!(
        (
            verdict.signature,
            verdict.has_policy,
            verdict.bucket_conditions_skipped
        ),
        (PostSignature::V1, true, false)
    );
    assert!(
        run(&v1(b"up/a", &signature), None)
            .unwrap()
            .bucket_conditions_skipped
    );
    assert_eq!(
        run(&v1(b"up/a", &signature), Some(b"other")),
        Err(Entry::PolicyConditionFailed)
    );
    assert_eq!(
        run(&v1(b"down/a", &signature), Some(b"b")),
        Err(Entry::PolicyConditionFailed)
    );
    assert_eq!(
        run(&v1(b"up/a", "AAAAAAAAAAAAAAAAAAAAAAAAAAA="), Some(b"b")),
        Err(Entry::SignatureDoesNotMatch)
    );
    // V4.
    let time = oss_naming::Timestamp::from_unix(now).unwrap();
    let scope = oss_sign::v4::Scope::new(time, "cn-hangzhou", oss_sign::v4::Product::Oss).unwrap();
    let scoped = oss_sign::v4::ScopedKey::derive(&SigningKey::new("secret"), scope);
    let v4_signature = oss_sign::v4::post_policy_signature(&scoped, policy.as_bytes()).to_string();
    let v4 = |region: &str| {
        let parts: Vec<(&str, &str, Vec<u8>)> = vec![
            ("key", "", b"up/a".to_vec()),
            ("x-oss-signature-version", "", b"OSS4-HMAC-SHA256".to_vec()),
            (
                "x-oss-credential",
                "",
                format!("AK/20231216/{region}/oss/aliyun_v4_request").into_bytes(),
            ),
            ("x-oss-date", "", b"20231216T162057Z".to_vec()),
            ("policy", "", policy.clone().into_bytes()),
            ("x-oss-signature", "", v4_signature.as_bytes().to_vec()),
            ("file", "", b"x".to_vec()),
        ];
        parts
    };
    assert_eq!(
        run(&v4("cn-hangzhou"), Some(b"b")).unwrap().signature,
        PostSignature::V4
    );
    assert_eq!(
        run(&v4("cn-beijing"), Some(b"b")),
        Err(Entry::SigningRegionInvalid)
    );
    // Anonymous.
    let anonymous = vec![("key", "", b"up/a".to_vec()), ("file", "", b"x".to_vec())];
    let verdict = run(&anonymous, Some(b"b")).unwrap();
    assert_eq!(
        (verdict.signature, verdict.has_policy),
        (PostSignature::Anonymous, false)
    );
}

/// The forms ali-oss's live tests post (`test/node/object.test.js`,
/// `calculatePostSignature()` and `signPostObjectPolicyV4()`), which OSS accepted (204,
/// 200): judged here, they pass too.
#[test]
fn forms_the_live_service_accepted_pass() {
    use base64::Engine as _;
    let b64 = |json: &[u8]| base64::engine::general_purpose::STANDARD.encode(json);
    let now = 1_702_743_657; // 2023-12-16T16:20:57Z
    let secret = SigningKey::new("secret");

    // V1: a policy with only a bucket condition; key, the three signature fields, file.
    let policy = b64(br#"{"expiration":"2023-12-17T16:20:57.000Z","conditions":[{"bucket":"b"}]}"#);
    let signature = post_policy_signature(&secret, policy.as_bytes()).to_string();
    let parts: [(&str, &str, &[u8]); 5] = [
        ("key", "", b"calculatePostSignature.js"),
        ("OSSAccessKeyId", "", b"AK"),
        ("Signature", "", signature.as_bytes()),
        ("policy", "", policy.as_bytes()),
        (
            "file",
            "Content-Type: application/x-javascript\r\n",
            b"calculatePostSignature",
        ),
    ];
    assert_eq!(
        judge(&parts, Some(b"b"), now).map(|v| v.signature),
        Ok(PostSignature::V1)
    );

    // V4: every kind of condition the test uses, the fields in its order.
    let credential = "AK/20231216/cn-hangzhou/oss/aliyun_v4_request";
    let json = format!(
        r#"{{"expiration":"2023-12-16T16:21:57.000Z","conditions":[{{"bucket":"b"}},{{"x-oss-credential":"{credential}"}},{{"x-oss-date":"20231216T162057Z"}},{{"x-oss-signature-version":"OSS4-HMAC-SHA256"}},["content-length-range",1,10],["eq","$success_action_status","200"],["starts-with","$key","testPostObject"],["in","$content-type",["image/jpg","text/plain"]],["not-in","$cache-control",["no-cache"]]]}}"#
    );
    let policy = b64(json.as_bytes());
    let time = oss_naming::Timestamp::from_unix(now).unwrap();
    let scope = oss_sign::v4::Scope::new(time, "cn-hangzhou", oss_sign::v4::Product::Oss).unwrap();
    let scoped = oss_sign::v4::ScopedKey::derive(&secret, scope);
    let signature = oss_sign::v4::post_policy_signature(&scoped, policy.as_bytes()).to_string();
    let parts: [(&str, &str, &[u8]); 10] = [
        ("key", "", b"testPostObjectUseV4Signature.txt"),
        ("Content-Type", "", b"text/plain"),
        ("Cache-Control", "", b"max-age=30"),
        ("x-oss-date", "", b"20231216T162057Z"),
        ("x-oss-credential", "", credential.as_bytes()),
        ("x-oss-signature-version", "", b"OSS4-HMAC-SHA256"),
        ("policy", "", policy.as_bytes()),
        ("x-oss-signature", "", signature.as_bytes()),
        ("success_action_status", "", b"200"),
        ("file", "", b"test"),
    ];
    assert_eq!(
        judge(&parts, Some(b"b"), now).map(|v| v.signature),
        Ok(PostSignature::V4)
    );
}
