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
