//! End-to-end tests of `oss-doctor check`: JSON documents and exit statuses.

use serde_json::{Value, json};

mod common;
use common::{run, run_json, texts, with_subcommand};

/// Runs `oss-doctor check <args>` and returns the exit status and stdout.
fn check(args: &[&str]) -> (i32, String) {
    let (status, stdout, _) = texts(&run(&with_subcommand("check", args)));
    (status, stdout)
}

/// Runs with `--json` and parses the one JSON document.
fn check_json(args: &[&str]) -> (i32, Value) {
    run_json(&with_subcommand("check", args), b"")
}

fn rejection(code: &str, message: &str) -> Value {
    json!({ "valid": false, "code": code, "status": 400, "message": message })
}

#[test]
fn every_kind_accepts_a_valid_value() {
    let cases: &[(&str, &str)] = &[
        ("bucket", "examplebucket"),
        ("object", "dir/exampleobject.txt"),
        ("channel", "live-1"),
        ("playlist", "playlist.m3u8"),
        ("tagging", "a=1&b=2"),
        ("bucket-tag", "owner=ops"),
        ("access-key-id", "LTAI5tExample"),
        ("traffic-limit", "819200"),
        ("persistent-headers", "myheader1:bXl2YWx1ZTE="),
        ("storage-class", "Standard"),
        ("sse", "KMS"),
        ("kms-data-encryption", "SM4"),
        ("copy-source", "/examplebucket/exampleobject"),
        (
            "version-id",
            "CAEQNhiBgMDJgZCA0BYiIDc4MGZjZGI2OTBjOTRmNTE5NmU5NmFhZjhjYmY0",
        ),
        ("date", "Sun, 06 Nov 1994 08:49:37 GMT"),
    ];
    for (kind, value) in cases {
        let (status, doc) = check_json(&[kind, value]);
        assert_eq!(
            (status, &doc["valid"], &doc["kind"]),
            (0, &json!(true), &json!(kind)),
            "{kind} {value}: {doc}"
        );
    }
}

#[test]
fn rejections_carry_the_exact_oss_error() {
    let cases: &[(&[&str], Value)] = &[
        (
            &["bucket", "-test"],
            json!({ "valid": false, "code": "InvalidBucketName", "status": 400, "message": "The specified bucket is not valid" }),
        ),
        (
            &["object", ""],
            json!({ "valid": false, "code": "InvalidObjectName", "status": 400, "message": "The Object name can not be empty" }),
        ),
        (
            &["object", "?a", "--strict"],
            json!({ "valid": false, "code": "InvalidObjectName", "status": 400, "message": "The specified object is not valid" }),
        ),
        (
            &["channel", "a/b"],
            json!({ "valid": false, "code": "InvalidChannelName", "status": 400, "message": "ChannelName must not contain a slash" }),
        ),
        (
            &["tagging", "a=1&a=2"],
            rejection(
                "InvalidArgument",
                "The header 'x-oss-tagging' shall be encoded as UTF-8 then URLEncoded URL query parameters without tag name duplicates",
            ),
        ),
        (
            &["tagging", "a*=1"],
            json!({ "valid": false, "code": "InvalidTaggingKey", "status": 400, "message": "The tagging key you provided is invalid" }),
        ),
        (
            &["bucket-tag", "https://x=1"],
            json!({ "valid": false, "code": "InvalidTag", "status": 400, "message": "The TagKey you have provided is invalid, or The TagValue you have provided is invalid" }),
        ),
        (
            &["persistent-headers", "Host:YQ=="],
            rejection(
                "InvalidArgument",
                "The header specified by persistent header is reserved",
            ),
        ),
        (
            &["persistent-headers", "a:YQ0K"],
            rejection(
                "InvalidArgument",
                "The header value specified by persistent header contains CR or LF",
            ),
        ),
        (
            &["storage-class", "standard"],
            rejection("InvalidArgument", "No such bucket storage class exists"),
        ),
        (
            &["copy-source", "/examplebucket"],
            rejection(
                "InvalidArgument",
                "Copy Source must mention the source bucket and key: /sourcebucket/sourcekey",
            ),
        ),
        (
            &["version-id", ""],
            rejection("InvalidArgument", "Version id can not be the empty string"),
        ),
        (
            &["date", "Sun, 6 Nov 1994 08:49:37 GMT"],
            rejection("InvalidArgument", "Bad date format"),
        ),
        (
            &["date", "-1"],
            rejection(
                "InvalidArgument",
                "Invalid date. Must be later than 1970-01-01 00:00:00",
            ),
        ),
        (
            &["date", "200", "--now", "100"],
            rejection(
                "InvalidArgument",
                "Invalid date. Cannot be later than the current time",
            ),
        ),
    ];
    for (args, expected) in cases {
        let (status, mut doc) = check_json(args);
        assert_eq!(status, 1, "{args:?}: {doc}");
        // Optional extras (checked elsewhere) aside, the document is exactly the contract.
        if let Some(fields) = doc.as_object_mut() {
            for extra in ["argument_name", "ec", "form", "note"] {
                fields.remove(extra);
            }
        }
        assert_eq!(&doc, expected, "{args:?}");
    }
}

#[test]
fn traffic_limit_names_its_argument() {
    let (status, doc) = check_json(&["traffic-limit", "1000"]);
    assert_eq!(status, 1);
    assert_eq!(doc["code"], "InvalidArgument");
    assert_eq!(
        doc["message"],
        "x-oss-traffic-limit is invalid, should be specified between 819200(100KB/s) and 838860800(100MB/s)"
    );
    assert_eq!(doc["argument_name"], "x-oss-traffic-limit");
}

#[test]
fn valid_values_report_what_was_read() {
    let (_, doc) = check_json(&["tagging", "k=v%20w&x=%E4%B8%AD"]);
    assert_eq!(
        doc["tags"],
        json!([{ "key": "k", "value": "v w" }, { "key": "x", "value": "中" }])
    );
    let (_, doc) = check_json(&[
        "persistent-headers",
        "myheader1:bXl2YWx1ZTE=,myheader2:bXl2YWx1ZTI=",
    ]);
    assert_eq!(
        doc["headers"],
        json!([{ "name": "myheader1", "value": "myvalue1" }, { "name": "myheader2", "value": "myvalue2" }])
    );
    let (_, doc) = check_json(&["copy-source", "/b-1/a%2Fb?versionId=v1"]);
    assert_eq!(
        (&doc["bucket"], &doc["key"], &doc["version_id"]),
        (&json!("b-1"), &json!("a/b"), &json!("v1"))
    );
    let (_, doc) = check_json(&["traffic-limit", "838860800"]);
    assert_eq!(doc["bits_per_second"], 838_860_800);
}

#[test]
fn date_says_which_form_it_is() {
    let (status, doc) = check_json(&["date", "Sun, 06 Nov 1994 08:49:37 GMT"]);
    assert_eq!(
        (status, &doc["form"], &doc["unix_seconds"]),
        (0, &json!("rfc1123"), &json!(784_111_777))
    );
    let (status, doc) = check_json(&["date", "784111777", "--now", "1700000000"]);
    assert_eq!(
        (status, &doc["form"], &doc["rfc1123"]),
        (0, &json!("unix"), &json!("Sun, 06 Nov 1994 08:49:37 GMT"))
    );
    let (status, doc) = check_json(&["date", "2014-12-01T12:00:00.000Z"]);
    assert_eq!((status, &doc["form"]), (0, &json!("iso8601")));
    let (status, doc) = check_json(&["date", "Sunday, 06-Nov-94 08:49:37 GMT"]);
    assert_eq!(
        (status, &doc["form"], &doc["message"]),
        (1, &json!("rfc850"), &json!("Bad date format"))
    );
    // An RFC 1123 date with an impossible day ('T' of "Thu" is no ISO 8601 sign).
    let (status, doc) = check_json(&["date", "Thu, 32 Dec 2026 10:00:00 GMT"]);
    assert_eq!((status, &doc["form"]), (1, &json!("rfc1123")));
    assert!(doc["note"].as_str().unwrap().contains("RFC 1123"), "{doc}");
    let (status, doc) = check_json(&["date", "2014-12-01T12:00:00+08:00"]);
    assert_eq!((status, &doc["form"]), (1, &json!("iso8601")));
}

#[test]
fn text_output_explains_the_fix() {
    let (status, text) = check(&["bucket", "My_Bucket"]);
    assert_eq!(status, 1);
    assert!(
        text.contains("InvalidBucketName") && text.contains("The specified bucket is not valid"),
        "{text}"
    );
    assert!(
        text.contains("fix:") && text.contains("lowercase"),
        "{text}"
    );
    let (status, text) = check(&["date", "Sun Nov  6 08:49:37 1994"]);
    assert_eq!(status, 1);
    assert!(text.contains("asctime"), "{text}");
    let (status, text) = check(&["bucket", "examplebucket"]);
    assert_eq!((status, text.as_str()), (0, "valid bucket\n"));
}

#[test]
fn usage_errors_exit_2() {
    let output = run(&["check", "frobnicate", "x"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("bucket") && stderr.contains("persistent-headers"),
        "lists the kinds: {stderr}"
    );
    assert_eq!(check(&["bucket-tag", "no-equals-sign"]).0, 2);
}
