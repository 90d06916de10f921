//! End-to-end tests of `oss-doctor sign | presign | verify | post-sign`.

use serde_json::Value;

mod common;
use common::{run_stdin, texts};

/// Runs `oss-doctor <args>` (with `stdin` fed in) and returns the exit status and stdout.
fn run(args: &[&str], stdin: &[u8]) -> (i32, String) {
    let (status, stdout, _) = texts(&run_stdin(args, stdin));
    (status, stdout)
}

fn run_json(args: &[&str]) -> (i32, Value) {
    common::run_json(args, b"")
}

const V1_HEADERS: [&str; 12] = [
    "--header",
    "Content-MD5: eB5eJF1ptWaXm4bijSPyxw==",
    "--header",
    "Content-Type: text/html",
    "--header",
    "x-oss-meta-author: alice",
    "--header",
    "x-oss-meta-magic: abracadabra",
    "--header",
    "x-oss-date: Wed, 28 Dec 2022 10:27:41 GMT",
    "--header",
    "Date: Wed, 28 Dec 2022 10:27:41 GMT",
];

fn v1_args<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "--method",
        "PUT",
        "--bucket",
        "examplebucket",
        "--key",
        "nelson",
    ];
    args.extend_from_slice(&V1_HEADERS);
    args.extend_from_slice(extra);
    args
}

#[test]
fn sign_prints_string_to_sign_signature_and_authorization() {
    let mut args = vec!["sign"];
    args.extend(v1_args(&[
        "--query",
        "acl",
        "--access-key-id",
        "ak",
        "--access-key-secret",
        "sk",
    ]));
    let (status, doc) = run_json(&args);
    assert_eq!(status, 0);
    assert_eq!(doc["authorization"], "OSS ak:/afkugFbmWDQ967j1vr6zygBLQk=");
    assert_eq!(doc["signature"], "/afkugFbmWDQ967j1vr6zygBLQk=");
    assert!(
        doc["string_to_sign"]
            .as_str()
            .unwrap()
            .ends_with("x-oss-meta-magic:abracadabra\n/examplebucket/nelson?acl")
    );

    // Text form: newlines shown as \n.
    let (status, text) = run(&args, b"");
    assert_eq!(status, 0);
    assert!(text.contains("PUT\\n\n"), "{text}");
}

#[test]
fn sign_rejects_a_bad_access_key_id_and_bad_usage() {
    let (status, doc) = run_json(&[
        "sign",
        "--method",
        "GET",
        "--access-key-id",
        "a b",
        "--access-key-secret",
        "x",
    ]);
    assert_eq!(status, 1);
    assert_eq!(doc["valid"], false);
    assert_eq!(doc["code"], "InvalidAccessKeyId");
    assert_eq!(doc["status"], 403);
    let (status, _) = run(
        &[
            "sign",
            "--method",
            "GET",
            "--header",
            "nocolon",
            "--access-key-id",
            "a",
            "--access-key-secret",
            "x",
        ],
        b"",
    );
    assert_eq!(status, 2);
    let (status, _) = run(&["sign", "--access-key-id", "a"], b"");
    assert_eq!(status, 2);
}

#[test]
fn presign_gives_query_and_url() {
    let (status, doc) = run_json(&[
        "presign",
        "--method",
        "GET",
        "--bucket",
        "bucket",
        "--key",
        "key+123",
        "--query",
        "versionId=versionId",
        "--access-key-id",
        "ak",
        "--access-key-secret",
        "sk",
        "--security-token",
        "token",
        "--expires",
        "1699808204",
        "--endpoint",
        "http://oss-cn-hangzhou.aliyuncs.com",
    ]);
    assert_eq!(status, 0);
    assert_eq!(doc["signature"], "jzKYRrM5y6Br0dRFPaTGOsbrDhY=");
    assert_eq!(
        doc["string_to_sign"],
        "GET\n\n\n1699808204\n/bucket/key+123?security-token=token&versionId=versionId"
    );
    assert_eq!(
        doc["url"],
        "http://bucket.oss-cn-hangzhou.aliyuncs.com/key%2B123?Expires=1699808204&OSSAccessKeyId=ak&Signature=jzKYRrM5y6Br0dRFPaTGOsbrDhY%3D&security-token=token&versionId=versionId"
    );
}

#[test]
fn verify_accepts_good_requests() {
    let mut args = vec!["verify"];
    args.extend(v1_args(&[
        "--header",
        "Authorization: OSS ak:kSHKmLxlyEAKtZPkJhG9bZb5k7M=",
        "--access-key-secret",
        "sk",
        "--now",
        "1672223261",
    ]));
    let (status, doc) = run_json(&args);
    assert_eq!(status, 0, "{doc}");
    assert_eq!(doc["valid"], true);
    assert_eq!(doc["method"], "header");
    assert_eq!(doc["access_key_id"], "ak");

    let url = "http://bucket.oss-cn-hangzhou.aliyuncs.com/key?Expires=1699807420&OSSAccessKeyId=ak&Signature=dcLTea%2BYh9ApirQ8o8dOPqtvJXQ%3D&versionId=versionId";
    let (status, doc) = run_json(&[
        "verify",
        "--method",
        "GET",
        "--url",
        url,
        "--access-key-secret",
        "sk",
        "--now",
        "1699807000",
    ]);
    assert_eq!(status, 0, "{doc}");
    assert_eq!(
        (doc["method"].as_str(), doc["expires"].as_u64()),
        (Some("query"), Some(1_699_807_420))
    );
}

#[test]
fn verify_explains_a_plus_decoded_as_space() {
    let url = "http://bucket.oss-cn-hangzhou.aliyuncs.com/key?Expires=1699807420&OSSAccessKeyId=ak&Signature=dcLTea+Yh9ApirQ8o8dOPqtvJXQ%3D&versionId=versionId";
    let (status, doc) = run_json(&[
        "verify",
        "--method",
        "GET",
        "--url",
        url,
        "--access-key-secret",
        "sk",
        "--now",
        "1699807000",
    ]);
    assert_eq!(status, 1);
    assert_eq!(doc["code"], "SignatureDoesNotMatch");
    assert_eq!(doc["status"], 403);
    assert_eq!(
        doc["string_to_sign"],
        "GET\n\n\n1699807420\n/bucket/key?versionId=versionId"
    );
    assert!(
        doc["string_to_sign_bytes"]
            .as_str()
            .unwrap()
            .starts_with("47 45 54 0a")
    );
    assert_eq!(doc["signature_provided"], "dcLTea Yh9ApirQ8o8dOPqtvJXQ=");
    assert!(
        doc["confirmed_causes"][0].as_str().unwrap().contains("'+'"),
        "{doc}"
    );
}

#[test]
fn verify_finds_an_unsigned_header_and_a_missing_subresource() {
    // Signed without x-oss-meta-extra and without ?acl; sent with both.
    let (_, signed) = run_json(&[
        "sign",
        "--method",
        "PUT",
        "--bucket",
        "b",
        "--key",
        "k",
        "--header",
        "Date: Wed, 28 Dec 2022 10:27:41 GMT",
        "--access-key-id",
        "ak",
        "--access-key-secret",
        "sk",
    ]);
    let auth = format!(
        "Authorization: {}",
        signed["authorization"].as_str().unwrap()
    );
    let base = [
        "verify",
        "--method",
        "PUT",
        "--bucket",
        "b",
        "--key",
        "k",
        "--header",
        "Date: Wed, 28 Dec 2022 10:27:41 GMT",
        "--header",
        &auth,
    ];
    let first_cause_names = |extra: [&str; 2], culprit: &str| {
        let mut args = base.to_vec();
        args.extend(extra);
        args.extend(["--access-key-secret", "sk", "--now", "1672223261"]);
        let (status, doc) = run_json(&args);
        assert_eq!(status, 1);
        assert!(
            doc["confirmed_causes"][0]
                .as_str()
                .unwrap()
                .contains(culprit),
            "{doc}"
        );
    };
    first_cause_names(["--header", "x-oss-meta-extra: 1"], "x-oss-meta-extra");
    first_cause_names(["--query", "acl"], "\"acl\"");
}

#[test]
fn verify_reports_the_seed_errors() {
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["--header", "Authorization: OSS ak"],
            "InvalidArgument",
            "AccessKeyId or Signature is missing in Authorization header value",
        ),
        (
            &[
                "--header",
                "Authorization: OSS ak:x",
                "--query",
                "Signature=y",
            ],
            "InvalidArgument",
            "Either the Signature query string parameter or the Authorization header should be specified, not both",
        ),
        (
            &["--query", "OSSAccessKeyId=ak"],
            "AccessDenied",
            "Query-string authentication requires the Signature, Expires and OSSAccessKeyId parameters",
        ),
        (
            &["--header", "Authorization: OSS ak:x"],
            "InvalidArgument",
            "OSS authentication requires a valid Date",
        ),
        (
            &[
                "--header",
                "Authorization: OSS ak:x",
                "--header",
                "Date: Wed, 28 Dec 2022 09:00:00 GMT",
            ],
            "RequestTimeTooSkewed",
            "The difference between the request time and the current time is too large.",
        ),
    ];
    for (extra, code, message) in cases {
        let mut args = vec![
            "verify",
            "--method",
            "GET",
            "--bucket",
            "b",
            "--access-key-secret",
            "sk",
            "--now",
            "1672223261",
        ];
        args.extend_from_slice(extra);
        let (status, doc) = run_json(&args);
        assert_eq!(status, 1, "{doc}");
        assert_eq!(
            (doc["code"].as_str(), doc["message"].as_str()),
            (Some(*code), Some(*message)),
            "{doc}"
        );
    }
    let (status, doc) = run_json(&[
        "verify",
        "--method",
        "GET",
        "--bucket",
        "b",
        "--access-key-secret",
        "sk",
    ]);
    assert_eq!((status, doc["method"].as_str()), (0, Some("anonymous")));
}

#[test]
fn post_sign_signs_the_base64_policy() {
    let policy = br#"{"expiration":"2020-03-19T03:44:06.476Z","conditions":[{"bucket":"gen-post-policy"},["eq","$key","user\/eric\/\\${filename}"],["starts-with","$key","user\/eric"],["starts-with","$x-oss-meta-tag","dummy_etag"],["content-length-range",1,1024]]}"#;
    let (status, stdout) = run(
        &[
            "post-sign",
            "--policy",
            "-",
            "--access-key-secret",
            "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
            "--json",
        ],
        policy,
    );
    assert_eq!(status, 0);
    let doc: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(doc["signature"], "9fs2TRS2W2k5hV8mLsvqZBnlC2M=");
    assert!(doc["policy"].as_str().unwrap().starts_with(
        "eyJleHBpcmF0aW9uIjoiMjAyMC0wMy0xOVQwMzo0NDowNi40NzZaIiwiY29uZGl0aW9ucyI6W3siYnVja2V0Ijoi"
    ));

    let b64 = doc["policy"].as_str().unwrap().to_owned();
    let (status, stdout) = run(
        &[
            "post-sign",
            "--policy",
            "-",
            "--base64",
            "--access-key-secret",
            "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
            "--json",
        ],
        b64.as_bytes(),
    );
    assert_eq!(status, 0);
    assert!(stdout.contains("9fs2TRS2W2k5hV8mLsvqZBnlC2M="));
    let (status, _) = run(
        &[
            "post-sign",
            "--policy",
            "/nonexistent/policy.json",
            "--access-key-secret",
            "x",
        ],
        b"",
    );
    assert_eq!(status, 2);
}

/// The published V4 vector's request (Python v2 and Go v2 SDK unit tests).
const V4_REQUEST: [&str; 30] = [
    "--method",
    "PUT",
    "--bucket",
    "bucket",
    "--key",
    "1234+-/123/1.txt",
    "--query",
    "param1=value1",
    "--query",
    "+param1=value3",
    "--query",
    "|param1=value4",
    "--query",
    "+param2",
    "--query",
    "|param2",
    "--query",
    "param2",
    "--header",
    "x-oss-head1: value",
    "--header",
    "abc: value",
    "--header",
    "ZAbc: value",
    "--header",
    "XYZ: value",
    "--header",
    "Content-Type: text/plain",
    "--header",
    "x-oss-content-sha256: UNSIGNED-PAYLOAD",
];

const V4_NOW: &str = "1702743657";

fn v4_args<'a>(subcommand: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![subcommand];
    args.extend_from_slice(&V4_REQUEST);
    args.extend_from_slice(extra);
    args
}

const V4_SIGNER: [&str; 10] = [
    "--signature-version",
    "v4",
    "--region",
    "cn-hangzhou",
    "--now",
    V4_NOW,
    "--access-key-id",
    "ak",
    "--access-key-secret",
    "sk",
];

#[test]
fn sign_v4_reproduces_the_published_vector() {
    let args = v4_args("sign", &V4_SIGNER);
    let (status, doc) = run_json(&args);
    assert_eq!(status, 0, "{doc}");
    let signature = "e21d18daa82167720f9b1047ae7e7f1ce7cb77a31e8203a7d5f4624fa0284afe";
    assert_eq!(doc["signature"], signature);
    assert_eq!(
        doc["authorization"],
        format!(
            "OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,Signature={signature}"
        )
    );
    assert_eq!(
        doc["canonical_request"],
        "PUT\n/bucket/1234%2B-/123/1.txt\n%2Bparam1=value3&%2Bparam2&%7Cparam1=value4&%7Cparam2&param1=value1&param2\ncontent-type:text/plain\nx-oss-content-sha256:UNSIGNED-PAYLOAD\nx-oss-date:20231216T162057Z\nx-oss-head1:value\n\n\nUNSIGNED-PAYLOAD"
    );
    assert_eq!(
        doc["string_to_sign"],
        "OSS4-HMAC-SHA256\n20231216T162057Z\n20231216/cn-hangzhou/oss/aliyun_v4_request\nf4613657f1b108998e8dbd10a1aa5da621dc2c6e02c9ddec0f163664848704c4"
    );
    // The request already has x-oss-content-sha256: only x-oss-date is added.
    assert_eq!(doc["headers_to_send"]["x-oss-date"], "20231216T162057Z");
    assert!(doc["headers_to_send"].get("x-oss-content-sha256").is_none());
    assert_eq!(
        doc["headers_to_send"]["authorization"],
        doc["authorization"]
    );

    // Text form: the canonical request with its line breaks shown.
    let (status, text) = run(&args, b"");
    assert_eq!(status, 0);
    assert!(text.contains("canonical request:\nPUT\\n\n"), "{text}");
    assert!(text.contains(&format!("signature: {signature}")), "{text}");
    assert!(text.contains("  x-oss-date: 20231216T162057Z"), "{text}");
}

#[test]
fn sign_v4_adds_the_v4_headers_and_signs_for_the_product() {
    let (status, doc) = run_json(&[
        "sign",
        "--method",
        "GET",
        "--bucket",
        "b",
        "--signature-version",
        "v4",
        "--region",
        "cb-123",
        "--product",
        "oss-cloudbox",
        "--now",
        V4_NOW,
        "--access-key-id",
        "ak",
        "--access-key-secret",
        "sk",
        "--security-token",
        "token",
    ]);
    assert_eq!(status, 0, "{doc}");
    let sent = &doc["headers_to_send"];
    assert_eq!(sent["x-oss-date"], "20231216T162057Z");
    assert_eq!(sent["x-oss-content-sha256"], "UNSIGNED-PAYLOAD");
    assert_eq!(sent["x-oss-security-token"], "token");
    assert!(doc["authorization"].as_str().unwrap().starts_with(
        "OSS4-HMAC-SHA256 Credential=ak/20231216/cb-123/oss-cloudbox/aliyun_v4_request,Signature="
    ));
    assert!(
        doc["canonical_request"]
            .as_str()
            .unwrap()
            .contains("x-oss-security-token:token\n")
    );
}

/// The `--header` arguments that send what `sign --signature-version v4` asked to send.
fn headers_sent(doc: &Value) -> Vec<String> {
    doc["headers_to_send"]
        .as_object()
        .expect("headers_to_send is an object")
        .iter()
        .flat_map(|(name, value)| {
            [
                "--header".to_owned(),
                format!("{name}: {}", value.as_str().expect("a header value")),
            ]
        })
        .collect()
}

fn verify_v4(extra: &[String], more: &[&str]) -> (i32, Value) {
    let mut args: Vec<&str> = v4_args("verify", &[]);
    args.extend(extra.iter().map(String::as_str));
    args.extend_from_slice(&["--access-key-secret", "sk", "--now", V4_NOW]);
    args.extend_from_slice(more);
    run_json(&args)
}

#[test]
fn sign_v4_then_verify_round_trips_and_finds_tampering() {
    let (status, signed) = run_json(&v4_args("sign", &V4_SIGNER));
    assert_eq!(status, 0);
    let sent = headers_sent(&signed);

    let (status, doc) = verify_v4(&sent, &["--region", "cn-hangzhou"]);
    assert_eq!(status, 0, "{doc}");
    assert_eq!(doc["valid"], true);
    assert_eq!(doc["method"], "header");
    assert_eq!(doc["signature_version"], "v4");
    assert_eq!(doc["access_key_id"], "ak");
    assert_eq!(doc["canonical_request"], signed["canonical_request"]);
    assert_eq!(doc["string_to_sign"], signed["string_to_sign"]);

    // Several regions served, one of them the credential's.
    let (status, _) = verify_v4(
        &sent,
        &["--region", "cn-beijing", "--region", "cn-hangzhou"],
    );
    assert_eq!(status, 0);

    // A header added after signing: the server's canonical request shows it.
    let mut tampered = sent.clone();
    tampered.extend(["--header".to_owned(), "x-oss-meta-extra: 1".to_owned()]);
    let (status, doc) = verify_v4(&tampered, &["--region", "cn-hangzhou"]);
    assert_eq!(status, 1, "{doc}");
    assert_eq!(doc["valid"], false);
    assert_eq!(doc["code"], "SignatureDoesNotMatch");
    assert_eq!(doc["status"], 403);
    assert_eq!(doc["signature_version"], "v4");
    let canonical = doc["canonical_request"].as_str().unwrap();
    assert!(canonical.contains("x-oss-meta-extra:1\n"), "{canonical}");
    assert!(
        doc["string_to_sign"]
            .as_str()
            .unwrap()
            .starts_with("OSS4-HMAC-SHA256\n20231216T162057Z\n")
    );
    assert_eq!(doc["signature_provided"], signed["signature"]);
    assert!(
        doc["confirmed_causes"][0]
            .as_str()
            .unwrap()
            .contains("x-oss-meta-extra"),
        "{doc}"
    );

    // The text form shows the server's canonical request, invisible characters visible.
    let mut args: Vec<&str> = v4_args("verify", &[]);
    args.extend(tampered.iter().map(String::as_str));
    args.extend_from_slice(&[
        "--header",
        "x-oss-meta-pad: trailing ",
        "--access-key-secret",
        "sk",
        "--now",
        V4_NOW,
        "--region",
        "cn-hangzhou",
    ]);
    let (status, text) = run(&args, b"");
    assert_eq!(status, 1);
    assert!(
        text.contains("canonical request (as the server computed it):\nPUT\\n\n"),
        "{text}"
    );
    assert!(text.contains("x-oss-meta-extra:1\\n\n"), "{text}");
    assert!(
        text.contains("string to sign (as the server computed it):"),
        "{text}"
    );
}

#[test]
fn verify_v4_names_the_signing_region() {
    let (_, signed) = run_json(&v4_args("sign", &V4_SIGNER));
    let sent = headers_sent(&signed);
    let (status, doc) = verify_v4(&sent, &["--region", "cn-beijing"]);
    assert_eq!(status, 1, "{doc}");
    assert_eq!(doc["code"], "InvalidArgument");
    assert_eq!(doc["status"], 400);
    assert_eq!(
        doc["message"],
        "Invalid signing region in Authorization header."
    );
    let cause = doc["confirmed_causes"][0].as_str().unwrap();
    assert!(
        cause.contains("cn-hangzhou") && cause.contains("cn-beijing"),
        "{cause}"
    );
    assert!(doc.get("canonical_request").is_none(), "{doc}");

    // No region served: a usage error that names the credential's region.
    let mut args: Vec<&str> = v4_args("verify", &[]);
    args.extend(sent.iter().map(String::as_str));
    args.extend_from_slice(&["--access-key-secret", "sk", "--now", V4_NOW]);
    let (status, _, stderr) = texts(&run_stdin(&args, b""));
    assert_eq!(status, 2);
    assert!(
        stderr.contains("--region") && stderr.contains("cn-hangzhou"),
        "{stderr}"
    );
}

#[test]
fn presign_v4_then_verify_the_url() {
    let (status, doc) = run_json(&[
        "presign",
        "--method",
        "GET",
        "--bucket",
        "bucket",
        "--key",
        "dir/a b.txt",
        "--query",
        "prefix=a+b",
        "--signature-version",
        "v4",
        "--region",
        "cn-hangzhou",
        "--now",
        V4_NOW,
        "--expires-in",
        "600",
        "--access-key-id",
        "ak",
        "--access-key-secret",
        "sk",
        "--endpoint",
        "https://oss-cn-hangzhou.aliyuncs.com",
    ]);
    assert_eq!(status, 0, "{doc}");
    let signature = doc["signature"].as_str().unwrap();
    let query = doc["query"].as_str().unwrap();
    assert!(
        query.starts_with("prefix=a%2Bb&x-oss-credential=ak%2F20231216%2Fcn-hangzhou%2Foss%2Faliyun_v4_request&x-oss-date=20231216T162057Z&x-oss-expires=600&x-oss-signature-version=OSS4-HMAC-SHA256&x-oss-signature="),
        "{query}"
    );
    assert!(query.ends_with(signature));
    assert_eq!(
        doc["canonical_request"],
        "GET\n/bucket/dir/a%20b.txt\nprefix=a%2Bb&x-oss-credential=ak%2F20231216%2Fcn-hangzhou%2Foss%2Faliyun_v4_request&x-oss-date=20231216T162057Z&x-oss-expires=600&x-oss-signature-version=OSS4-HMAC-SHA256\n\n\nUNSIGNED-PAYLOAD"
    );
    assert!(doc["string_to_sign"].as_str().unwrap().starts_with(
        "OSS4-HMAC-SHA256\n20231216T162057Z\n20231216/cn-hangzhou/oss/aliyun_v4_request\n"
    ));
    let url = doc["url"].as_str().unwrap();
    assert_eq!(
        url,
        format!("https://bucket.oss-cn-hangzhou.aliyuncs.com/dir/a%20b.txt?{query}")
    );

    let verify = |url: &str, now: &str| {
        run_json(&[
            "verify",
            "--method",
            "GET",
            "--url",
            url,
            "--region",
            "cn-hangzhou",
            "--access-key-secret",
            "sk",
            "--now",
            now,
        ])
    };
    let (status, doc) = verify(url, "1702743700");
    assert_eq!(status, 0, "{doc}");
    assert_eq!(
        (
            doc["method"].as_str(),
            doc["signature_version"].as_str(),
            doc["expires"].as_u64()
        ),
        (Some("query"), Some("v4"), Some(1_702_743_657 + 600))
    );

    // A '+' left unencoded in the URL is read as a space.
    let plus = url.replace("prefix=a%2Bb", "prefix=a+b");
    let (status, doc) = verify(&plus, "1702743700");
    assert_eq!(
        (status, doc["code"].as_str()),
        (1, Some("SignatureDoesNotMatch"))
    );
    assert!(
        doc["canonical_request"]
            .as_str()
            .unwrap()
            .contains("\nprefix=a%20b&"),
        "{doc}"
    );
    assert!(
        doc["confirmed_causes"][0].as_str().unwrap().contains("'+'"),
        "{doc}"
    );

    // A parameter added after presigning.
    let (status, doc) = verify(
        &format!("{url}&response-content-type=text%2Fplain"),
        "1702743700",
    );
    assert_eq!(status, 1);
    assert!(
        doc["confirmed_causes"][0]
            .as_str()
            .unwrap()
            .contains("\"response-content-type\""),
        "{doc}"
    );

    // Expired.
    let (status, doc) = verify(url, "1702744258");
    assert_eq!((status, doc["code"].as_str()), (1, Some("AccessDenied")));
    assert!(doc.get("canonical_request").is_none());
}

#[test]
fn v4_usage_errors_exit_2() {
    let base = [
        "--method",
        "GET",
        "--access-key-id",
        "ak",
        "--access-key-secret",
        "sk",
    ];
    let cases: &[(&[&str], &str)] = &[
        (&["sign", "--signature-version", "v4"], "--region"),
        (
            &[
                "sign",
                "--signature-version",
                "v4",
                "--region",
                "cn-hangzhou",
                "--product",
                "s3",
            ],
            "--product",
        ),
        (
            &[
                "sign",
                "--signature-version",
                "v4",
                "--region",
                "cn-hangzhou",
                "--now",
                "soon",
            ],
            "--now",
        ),
        (
            &[
                "sign",
                "--signature-version",
                "v4",
                "--region",
                "CN-Hangzhou",
            ],
            "region id",
        ),
        (
            &["sign", "--region", "cn-hangzhou"],
            "--signature-version v4",
        ),
        (
            &[
                "presign",
                "--signature-version",
                "v4",
                "--region",
                "cn-hangzhou",
                "--expires-in",
                "604801",
            ],
            "604800",
        ),
        (
            &[
                "presign",
                "--signature-version",
                "v4",
                "--region",
                "cn-hangzhou",
                "--expires-in",
                "0",
            ],
            "604800",
        ),
        (
            &[
                "presign",
                "--signature-version",
                "v4",
                "--region",
                "cn-hangzhou",
            ],
            "--expires-in",
        ),
        (&["presign", "--expires-in", "60"], "--signature-version v4"),
    ];
    for (args, needle) in cases {
        let mut all = args.to_vec();
        all.extend_from_slice(&base);
        let (status, stdout, stderr) = texts(&run_stdin(&all, b""));
        assert_eq!(status, 2, "{all:?}: {stdout}{stderr}");
        assert!(stdout.is_empty(), "{all:?}: {stdout}");
        assert!(stderr.contains(needle), "{all:?}: {stderr}");
    }
    let (status, _, stderr) = texts(&run_stdin(
        &[
            "verify",
            "--method",
            "GET",
            "--signature-version",
            "v4",
            "--access-key-secret",
            "sk",
        ],
        b"",
    ));
    assert_eq!(status, 2);
    assert!(stderr.contains("not signed"), "{stderr}");
}

#[test]
fn post_sign_v4_gives_the_form_fields() {
    use oss_core::naming::Timestamp;
    use oss_core::sign::SigningKey;
    use oss_core::sign::v4::{Product, Scope, ScopedKey, post_policy_signature};

    let policy = br#"{"expiration":"2030-01-01T00:00:00.000Z","conditions":[{"bucket":"b"},{"x-oss-signature-version":"OSS4-HMAC-SHA256"},{"x-oss-credential":"ak/20231216/cn-hangzhou/oss/aliyun_v4_request"},{"x-oss-date":"20231216T162057Z"}]}"#;
    let sign = |extra: &[&str]| {
        let mut args = vec![
            "post-sign",
            "--policy",
            "-",
            "--signature-version",
            "v4",
            "--access-key-secret",
            "sk",
        ];
        args.extend_from_slice(extra);
        common::run_json(&args, policy)
    };
    // The date comes from the policy's x-oss-date.
    let (status, doc) = sign(&["--access-key-id", "ak", "--region", "cn-hangzhou"]);
    assert_eq!(status, 0, "{doc}");
    assert_eq!(
        doc["credential"],
        "ak/20231216/cn-hangzhou/oss/aliyun_v4_request"
    );
    assert_eq!(doc["date"], "20231216T162057Z");
    assert!(doc.get("warnings").is_none(), "{doc}");
    let now = Timestamp::from_unix(1_702_743_657).unwrap();
    let scope = Scope::new(now, "cn-hangzhou", Product::Oss).unwrap();
    let expected = post_policy_signature(
        &ScopedKey::derive(&SigningKey::new("sk"), scope),
        doc["policy"].as_str().unwrap().as_bytes(),
    );
    assert_eq!(doc["signature"], expected.as_str());
    assert_eq!(doc["form_fields"]["x-oss-signature"], expected.as_str());

    // Another region than the policy names: signed, with a warning.
    let (status, doc) = sign(&["--access-key-id", "ak", "--region", "cn-beijing"]);
    assert_eq!(status, 0);
    assert!(
        doc["warnings"][0]
            .as_str()
            .unwrap()
            .contains("x-oss-credential")
    );

    // Usage errors: no AccessKeyId, no region, a --now the policy contradicts.
    for extra in [
        &["--region", "cn-hangzhou"][..],
        &["--access-key-id", "ak"][..],
        &[
            "--access-key-id",
            "ak",
            "--region",
            "cn-hangzhou",
            "--now",
            "1",
        ][..],
    ] {
        let mut args = vec![
            "post-sign",
            "--policy",
            "-",
            "--signature-version",
            "v4",
            "--access-key-secret",
            "sk",
        ];
        args.extend_from_slice(extra);
        let (status, stdout) = run(&args, policy);
        assert_eq!((status, stdout.as_str()), (2, ""), "{extra:?}");
    }
}

#[test]
fn verify_refuses_a_signature_version_the_request_does_not_use() {
    let mut args = vec!["verify"];
    args.extend(v1_args(&[
        "--header",
        "Authorization: OSS ak:kSHKmLxlyEAKtZPkJhG9bZb5k7M=",
        "--access-key-secret",
        "sk",
        "--now",
        "1672223261",
        "--signature-version",
        "v4",
    ]));
    let (status, _, stderr) = texts(&run_stdin(&args, b""));
    assert_eq!(status, 2);
    assert!(stderr.contains("V1"), "{stderr}");
    args.pop();
    args.push("v1");
    let (status, doc) = run_json(&args);
    assert_eq!((status, doc["signature_version"].as_str()), (0, Some("v1")));
}

#[test]
fn v4_additional_headers_and_presign_reproduce_the_published_vectors() {
    // Header form with additional headers ZAbc and abc, at 1702747512.
    let mut args = v4_args("sign", &[]);
    args.extend_from_slice(&[
        "--signature-version",
        "v4",
        "--region",
        "cn-hangzhou",
        "--now",
        "1702747512",
        "--additional-header",
        "ZAbc",
        "--additional-header",
        "abc",
        "--access-key-id",
        "ak",
        "--access-key-secret",
        "sk",
    ]);
    let (status, doc) = run_json(&args);
    assert_eq!(status, 0, "{doc}");
    assert_eq!(
        doc["authorization"],
        "OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,AdditionalHeaders=abc;zabc,Signature=4a4183c187c07c8947db7620deb0a6b38d9fbdd34187b6dbaccb316fa251212f"
    );

    // Query form: the same request with Content-Type application/octet-stream, at
    // 1702781677 for 599 seconds.
    let mut args: Vec<&str> = vec!["presign"];
    args.extend(
        V4_REQUEST[..26]
            .iter()
            .copied()
            .chain(["--header", "Content-Type: application/octet-stream"]),
    );
    args.extend_from_slice(&[
        "--signature-version",
        "v4",
        "--region",
        "cn-hangzhou",
        "--now",
        "1702781677",
        "--expires-in",
        "599",
        "--access-key-id",
        "ak",
        "--access-key-secret",
        "sk",
    ]);
    let (status, doc) = run_json(&args);
    assert_eq!(status, 0, "{doc}");
    assert_eq!(
        doc["signature"],
        "a39966c61718be0d5b14e668088b3fa07601033f6518ac7b523100014269c0fe"
    );
    assert!(
        doc["canonical_request"]
            .as_str()
            .unwrap()
            .contains("\ncontent-type:application/octet-stream\nx-oss-head1:value\n"),
        "{doc}"
    );
}

/// An empty `--security-token` (a script's unset variable) is no token, as in the SDKs:
/// nothing signed, sent or added to a presigned query, in V1 and V4.
#[test]
fn an_empty_security_token_is_no_token() {
    let common = [
        "--method",
        "GET",
        "--bucket",
        "b",
        "--key",
        "k",
        "--access-key-id",
        "ak",
        "--access-key-secret",
        "sk",
    ];
    let v4 = [
        "--signature-version",
        "v4",
        "--region",
        "cn-hangzhou",
        "--now",
        "1700000000",
    ];
    let cases: [(&str, &[&str]); 4] = [
        ("sign", &["--header", "Date: Tue, 14 Nov 2023 22:13:20 GMT"]),
        ("presign", &["--expires", "1700003600"]),
        ("sign", &v4),
        ("presign", &[&v4[..], &["--expires-in", "60"]].concat()),
    ];
    for (subcommand, extra) in cases {
        let mut with_empty = vec![subcommand];
        with_empty.extend_from_slice(&common);
        with_empty.extend_from_slice(extra);
        let without = with_empty.clone();
        with_empty.extend_from_slice(&["--security-token", ""]);
        let (status, doc) = run_json(&with_empty);
        assert_eq!(status, 0, "{subcommand} {extra:?}: {doc}");
        assert!(
            !doc.to_string()
                .to_ascii_lowercase()
                .contains("security-token"),
            "{subcommand} {extra:?}: {doc}"
        );
        assert_eq!(doc, run_json(&without).1, "{subcommand} {extra:?}");
    }
}

#[test]
fn option_values_may_start_with_a_hyphen() {
    let (status, json) = run_json(&[
        "sign",
        "--method",
        "GET",
        "--bucket",
        "examplebucket",
        "--key",
        "-rf",
        "--header",
        "Date: Wed, 28 Dec 2022 10:27:41 GMT",
        "--access-key-id",
        "ak",
        "--access-key-secret",
        "-secret-",
    ]);
    assert_eq!(status, 0, "{json}");
    let signed = json["string_to_sign"].as_str().expect("string_to_sign");
    assert!(signed.ends_with("/examplebucket/-rf"), "{signed}");
    // An unknown option is still a usage error.
    let (status, _) = run(&["sign", "--method", "GET", "--bogus"], b"");
    assert_eq!(status, 2);
}

#[test]
fn sign_without_a_date_signs_the_current_time_and_says_so() {
    let (status, json) = run_json(&[
        "sign",
        "--method",
        "GET",
        "--bucket",
        "b",
        "--key",
        "k",
        "--access-key-id",
        "ak",
        "--access-key-secret",
        "sk",
    ]);
    assert_eq!(status, 0, "{json}");
    let date = json["headers_to_send"]["Date"]
        .as_str()
        .expect("a Date to send");
    assert!(date.ends_with(" GMT"), "{date}");
    let signed = json["string_to_sign"].as_str().expect("string_to_sign");
    assert_eq!(signed, format!("GET\n\n\n{date}\n/b/k"));
    assert!(
        json["note"]
            .as_str()
            .is_some_and(|note| note.contains("current time"))
    );
}

#[test]
fn presign_warns_about_an_expiry_that_has_passed() {
    let args = [
        "presign",
        "--method",
        "GET",
        "--bucket",
        "b",
        "--key",
        "k",
        "--expires",
        "3600",
        "--access-key-id",
        "ak",
        "--access-key-secret",
        "sk",
    ];
    let (status, json) = run_json(&args);
    assert_eq!(status, 0, "{json}");
    let warning = json["warning"].as_str().expect("a warning");
    assert!(warning.contains("--expires 3600 has passed"), "{warning}");
}

#[test]
fn post_sign_refuses_a_policy_that_is_not_a_policy_document() {
    let (status, json) = common::run_json(
        &["post-sign", "--policy", "-", "--access-key-secret", "sk"],
        b"this is not JSON",
    );
    assert_eq!(status, 1, "{json}");
    assert_eq!(json["code"], "InvalidPolicyDocument", "{json}");
}
