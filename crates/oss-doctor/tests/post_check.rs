//! End-to-end tests of `oss-doctor post-check`: JSON documents and exit statuses.

use serde_json::Value;

mod common;
use common::{run, run_stdin, texts};

/// Runs `oss-doctor post-check --json` with `body` on standard input.
fn post_check(content_type: &str, body: &[u8], extra: &[&str]) -> (i32, Value) {
    let args = ["post-check", "--content-type", content_type, "--body", "-"];
    common::run_json(&[&args[..], extra].concat(), body)
}

const CT: &str = "multipart/form-data; boundary=B";

fn form(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut body = String::new();
    for (name, value) in parts {
        let filename = if *name == "file" {
            "; filename=\"a.txt\"\r\nContent-Type: text/plain"
        } else {
            ""
        };
        body.push_str(&format!(
            "--B\r\nContent-Disposition: form-data; name=\"{name}\"{filename}\r\n\r\n{value}\r\n"
        ));
    }
    body.push_str("--B--\r\n");
    body.into_bytes()
}

/// A signed form: key prefix `user/`, 1 to 10 bytes, bucket `b`, expiring 2030-01-01;
/// signed with the secret "secret".
fn signed_form(key: &str) -> Vec<u8> {
    let policy = "eyJleHBpcmF0aW9uIjoiMjAzMC0wMS0wMVQwMDowMDowMFoiLCJjb25kaXRpb25zIjpbWyJzdGFydHMtd2l0aCIsIiRrZXkiLCJ1c2VyLyJdLFsiY29udGVudC1sZW5ndGgtcmFuZ2UiLDEsMTBdLHsiYnVja2V0IjoiYiJ9XX0=";
    let signature = oss_sign_signature(policy);
    form(&[
        ("key", key),
        ("OSSAccessKeyId", "AK"),
        ("policy", policy),
        ("Signature", &signature),
        ("file", "hello"),
    ])
}

fn oss_sign_signature(policy: &str) -> String {
    oss_core::sign::post_policy_signature(
        &oss_core::sign::SigningKey::new("secret"),
        policy.as_bytes(),
    )
    .to_string()
}

#[test]
fn a_valid_anonymous_form() {
    let (status, doc) = post_check(
        CT,
        &form(&[("key", "k"), ("x-oss-meta-a", "1"), ("file", "hello")]),
        &[],
    );
    assert_eq!(status, 0);
    assert_eq!(doc["valid"], true);
    assert_eq!(doc["boundary"], "B");
    assert_eq!(doc["fields"][1]["name"], "x-oss-meta-a");
    assert_eq!(doc["file"]["filename"], "a.txt");
    assert_eq!(doc["file"]["size"], 5);
}

#[test]
fn not_multipart() {
    let (status, doc) = post_check("application/x-www-form-urlencoded", b"a=b", &[]);
    assert_eq!(status, 1);
    assert_eq!(doc["code"], "RequestIsNotMultiPartContent");
    assert_eq!(doc["status"], 400);
    assert_eq!(
        doc["message"],
        "Bucket POST must be of the enclosure-type multipart/form-data"
    );
}

#[test]
fn the_first_rule_broken_with_the_fields_before_it() {
    let (status, doc) = post_check(
        CT,
        &form(&[("x-oss-meta-a", "1"), ("file", "hello"), ("key", "k")]),
        &[],
    );
    assert_eq!(status, 1);
    assert_eq!(doc["code"], "InvalidArgument");
    assert_eq!(
        doc["message"],
        "The bucket POST must contain the specified 'key'. If it is specified, please check the order of the fields"
    );
    assert_eq!(doc["fields"][0]["name"], "x-oss-meta-a");

    let (status, doc) = post_check(CT, &form(&[("key", "k")]), &[]);
    assert_eq!(
        (status, doc["code"].as_str()),
        (1, Some("IncorrectNumberOfFilesInPOSTRequest"))
    );
    let (status, doc) = post_check(CT, b"--B\r\nbroken\r\n\r\n", &[]);
    assert_eq!(
        (status, doc["code"].as_str()),
        (1, Some("MalformedPOSTRequest"))
    );
    let long = "v".repeat(5000);
    let (status, doc) = post_check(CT, &form(&[("key", &long), ("file", "x")]), &[]);
    assert_eq!(
        (status, doc["code"].as_str()),
        (1, Some("FieldItemTooLong"))
    );
    let (status, _) = post_check(
        CT,
        &form(&[("key", &long), ("file", "x")]),
        &["--live-limits"],
    );
    assert_eq!(status, 0);
}

#[test]
fn signature_and_policy() {
    let body = signed_form("user/a.txt");
    let (status, doc) = post_check(
        CT,
        &body,
        &[
            "--access-key-secret",
            "secret",
            "--now",
            "0",
            "--bucket",
            "b",
        ],
    );
    assert_eq!(status, 0, "{doc}");
    assert_eq!(doc["signature"], "verified");
    assert_eq!(
        doc["policy"]["conditions"][0],
        r#"["starts-with", "$key", "user/"]"#
    );

    let (status, doc) = post_check(CT, &body, &["--access-key-secret", "wrong", "--now", "0"]);
    assert_eq!(
        (status, doc["code"].as_str(), doc["status"].as_u64()),
        (1, Some("SignatureDoesNotMatch"), Some(403))
    );

    let (status, doc) = post_check(CT, &body, &["--now", "1893456001"]);
    assert_eq!(
        (status, doc["message"].as_str()),
        (1, Some("Invalid according to Policy: Policy expired."))
    );

    let (status, doc) = post_check(CT, &body, &["--now", "0", "--bucket", "other"]);
    assert_eq!(status, 1);
    assert_eq!(doc["code"], "AccessDenied");
    assert_eq!(
        doc["message"],
        r#"Invalid according to Policy: Policy Condition failed: ["eq", "$bucket", "b"]"#
    );

    let (status, doc) = post_check(CT, &signed_form("other/a.txt"), &["--now", "0"]);
    assert_eq!(status, 1);
    assert_eq!(
        doc["message"],
        r#"Invalid according to Policy: Policy Condition failed: ["starts-with", "$key", "user/"]"#
    );

    let missing = form(&[
        ("key", "k"),
        ("policy", "e30="),
        ("Signature", "x"),
        ("file", "x"),
    ]);
    let (status, doc) = post_check(CT, &missing, &[]);
    assert_eq!(
        (status, doc["message"].as_str()),
        (1, Some("Post request accessKeyId is empty"))
    );

    let bad_policy = form(&[
        ("key", "k"),
        ("OSSAccessKeyId", "AK"),
        ("policy", "e30="),
        ("Signature", "x"),
        ("file", "x"),
    ]);
    let (status, doc) = post_check(CT, &bad_policy, &[]);
    assert_eq!(
        (status, doc["code"].as_str()),
        (1, Some("InvalidPolicyDocument"))
    );
}

#[test]
fn text_output_and_usage_errors() {
    let output = run(&[
        "post-check",
        "--content-type",
        CT,
        "--body",
        "/nonexistent/body",
    ]);
    assert_eq!(output.status.code(), Some(2));
    let (status, text, _) = texts(&run_stdin(
        &["post-check", "--content-type", CT, "--body", "-"],
        &form(&[("key", "k"), ("file", "hello")]),
    ));
    assert_eq!(status, 0);
    assert!(
        text.contains("key = k")
            && text.contains("file: a.txt, text/plain, 5 bytes")
            && text.ends_with("valid\n"),
        "{text}"
    );
}
