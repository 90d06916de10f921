//! End-to-end tests of `--url` in `sign | presign | verify`: the request is read the way
//! OSS reads it, or refused (exit 2); never signed as `/` by default.

use serde_json::Value;

mod common;
use common::{run, texts};

const DATE: &str = "Date: Wed, 28 Dec 2022 10:27:41 GMT";

/// `sign --method GET --url URL`, signed by ak/sk, then `extra`.
fn sign_args<'a>(url: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "sign",
        "--method",
        "GET",
        "--url",
        url,
        "--access-key-id",
        "ak",
        "--access-key-secret",
        "sk",
    ];
    args.extend_from_slice(extra);
    args
}

/// `sign --method GET --url URL <extra> --json`, signed by ak/sk with a fixed date.
fn sign(url: &str, extra: &[&str]) -> (i32, Value) {
    let mut args = sign_args(url, extra);
    args.extend(["--header", DATE]);
    common::run_json(&args, b"")
}

/// The resource line of a V1 string-to-sign.
fn resource(doc: &Value) -> &str {
    let sts = doc["string_to_sign"].as_str().expect("string_to_sign");
    sts.rsplit('\n').next().expect("a line")
}

/// Exit status and standard error of `sign --url URL <extra>` (expected to be refused).
fn refused(url: &str, extra: &[&str]) -> (i32, String) {
    let args = sign_args(url, extra);
    let (status, stdout, stderr) = texts(&run(&args));
    assert!(stdout.is_empty(), "{stdout}");
    (status, stderr)
}

#[test]
fn a_path_style_url_signs_bucket_and_key() {
    let url = "http://oss-cn-hangzhou.aliyuncs.com/bucket/a.txt";
    let (status, doc) = sign(url, &["--path-style"]);
    assert_eq!(status, 0, "{doc}");
    assert_eq!(resource(&doc), "/bucket/a.txt");
    let request = &doc["reconstructed_request"];
    assert_eq!(request["addressing"], "path-style");
    assert_eq!(
        (request["bucket"].as_str(), request["key"].as_str()),
        (Some("bucket"), Some("a.txt"))
    );
}

#[test]
fn an_ip_host_is_read_path_style_and_says_so() {
    let (status, doc) = sign("http://127.0.0.1:9000/bucket/a.txt", &[]);
    assert_eq!(status, 0, "{doc}");
    assert_eq!(resource(&doc), "/bucket/a.txt");
    let request = &doc["reconstructed_request"];
    assert_eq!(request["addressing"], "path-style");
    assert!(
        request["addressing_reason"]
            .as_str()
            .unwrap()
            .contains("IP address"),
        "{doc}"
    );
    // No path: the emulator's service level (ListBuckets), and no bucket to agree with.
    let (status, doc) = sign("http://127.0.0.1:9000", &[]);
    assert_eq!((status, resource(&doc)), (0, "/"), "{doc}");
    assert_eq!(doc["reconstructed_request"]["bucket"], Value::Null);
    let (status, stderr) = refused("http://127.0.0.1:9000/", &["--bucket", "bucket"]);
    assert_eq!(status, 2);
    assert!(stderr.contains("names no bucket"), "{stderr}");
    let (status, doc) = sign("http://[::1]:9000/bucket/", &[]);
    assert_eq!((status, resource(&doc)), (0, "/bucket/"), "{doc}");
    let (status, doc) = sign("http://LocalHost:9000/bucket/dir/a%2Bb.txt", &[]);
    assert_eq!(
        (status, resource(&doc)),
        (0, "/bucket/dir/a+b.txt"),
        "{doc}"
    );
}

#[test]
fn a_url_without_a_slash_signs_the_bucket_resource() {
    let (status, doc) = sign("http://b.oss-cn-hangzhou.aliyuncs.com?acl", &[]);
    assert_eq!(status, 0, "{doc}");
    assert_eq!(resource(&doc), "/b/?acl");
    assert_eq!(doc["reconstructed_request"]["addressing"], "virtual-hosted");
}

#[test]
fn a_custom_domain_needs_the_bucket() {
    let url = "https://static.example.com/dir/a%20b.txt";
    let (status, stderr) = refused(url, &[]);
    assert_eq!(status, 2);
    assert!(stderr.contains("--bucket"), "{stderr}");
    let (status, doc) = sign(url, &["--bucket", "cb"]);
    assert_eq!(status, 0, "{doc}");
    assert_eq!(resource(&doc), "/cb/dir/a b.txt");
    assert_eq!(doc["reconstructed_request"]["addressing"], "custom-domain");
}

#[test]
fn an_endpoint_with_a_path_is_refused_and_without_one_is_the_service() {
    let (status, stderr) = refused("http://oss-cn-hangzhou.aliyuncs.com/b/k", &[]);
    assert_eq!(status, 2);
    assert!(stderr.contains("--path-style"), "{stderr}");
    let (status, doc) = sign("http://oss-cn-hangzhou.aliyuncs.com", &[]);
    assert_eq!((status, resource(&doc)), (0, "/"), "{doc}");
    assert_eq!(doc["reconstructed_request"]["addressing"], "service");
}

#[test]
fn fragment_and_userinfo_are_dropped_and_said() {
    let url = "https://user:secret@b.oss-cn-hangzhou.aliyuncs.com/a.txt?acl#part";
    let (status, doc) = sign(url, &[]);
    assert_eq!(status, 0, "{doc}");
    assert_eq!(resource(&doc), "/b/a.txt?acl");
    let notes = doc["reconstructed_request"]["notes"].to_string();
    assert!(notes.contains("user:password@"), "{notes}");
    assert!(notes.contains("#part"), "{notes}");
    // An encoded '#' stays part of the key.
    let (status, doc) = sign("https://b.oss-cn-hangzhou.aliyuncs.com/a%23b", &[]);
    assert_eq!((status, resource(&doc)), (0, "/b/a#b"), "{doc}");
}

#[test]
fn an_upper_case_host_names_the_same_bucket() {
    let (status, doc) = sign("https://B.OSS-CN-HANGZHOU.ALIYUNCS.COM/Key.TXT", &[]);
    assert_eq!(status, 0, "{doc}");
    assert_eq!(resource(&doc), "/b/Key.TXT");
}

#[test]
fn the_path_is_decoded_once() {
    let (status, doc) = sign("https://b.oss-cn-hangzhou.aliyuncs.com/a%2520b+c", &[]);
    assert_eq!((status, resource(&doc)), (0, "/b/a%20b+c"), "{doc}");
}

#[test]
fn bucket_and_key_contradicting_the_url_are_refused() {
    let url = "https://b.oss-cn-hangzhou.aliyuncs.com/a.txt";
    for extra in [
        &["--key", "other.txt"][..],
        &["--bucket", "other"],
        &["--path-style"],
    ] {
        let (status, stderr) = refused(url, extra);
        assert_eq!(status, 2, "{extra:?}: {stderr}");
        assert!(stderr.contains(extra[0]), "{stderr}");
    }
    // A key the URL does not name is a contradiction too.
    let (status, _) = refused(
        "https://b.oss-cn-hangzhou.aliyuncs.com/?acl",
        &["--key", "k"],
    );
    assert_eq!(status, 2);
    // Saying the same thing twice is fine.
    let (status, doc) = sign(url, &["--key", "a.txt", "--bucket", "b"]);
    assert_eq!((status, resource(&doc)), (0, "/b/a.txt"), "{doc}");
}

#[test]
fn a_key_without_a_bucket_is_refused() {
    let (status, _, stderr) = texts(&run(&[
        "sign",
        "--method",
        "GET",
        "--key",
        "a.txt",
        "--access-key-id",
        "ak",
        "--access-key-secret",
        "sk",
    ]));
    assert_eq!(status, 2);
    assert!(stderr.contains("--key needs --bucket"), "{stderr}");
}

#[test]
fn urls_a_client_would_rewrite_are_refused() {
    for url in [
        "https://b.oss-cn-hangzhou.aliyuncs.com/a/../b",
        "https://b.oss-cn-hangzhou.aliyuncs.com/a/%2E/b",
        "https://b.oss-cn-hangzhou.aliyuncs.com/a\\b",
        "https://b.oss-cn-hangzhou.aliyuncs.com/a\tb",
        "https://b.oss-cn-hangzhou.aliyuncs.com/a.txt ",
        "b.oss-cn-hangzhou.aliyuncs.com/a",
        "ftp://b.oss-cn-hangzhou.aliyuncs.com/a",
    ] {
        let (status, stderr) = refused(url, &[]);
        assert_eq!(status, 2, "{url}: {stderr}");
        assert!(stderr.starts_with("oss-doctor: --url"), "{stderr}");
    }
}

/// `verify --url URL` of a request signed by `authorization` (with `--json` when asked);
/// the exit status, stdout and stderr.
fn verify_output(url: &str, authorization: &str, json: bool) -> std::process::Output {
    let header = format!("Authorization: {authorization}");
    let mut args = vec![
        "verify",
        "--method",
        "GET",
        "--url",
        url,
        "--header",
        DATE,
        "--header",
        &header,
        "--access-key-secret",
        "sk",
        "--now",
        "1672223261",
    ];
    if json {
        args.push("--json");
    }
    run(&args)
}

/// `verify --url URL --json` of a request signed by `authorization`.
fn verify(url: &str, authorization: &str) -> (i32, Value) {
    common::json_of(&verify_output(url, authorization, true))
}

#[test]
fn verify_judges_the_request_it_shows() {
    // A service-level signature (resource `/`) is not valid for an object request.
    let (status, service) = sign("http://oss-cn-hangzhou.aliyuncs.com/", &[]);
    assert_eq!((status, resource(&service)), (0, "/"));
    let service = service["authorization"].as_str().unwrap();
    let object = "http://127.0.0.1:9000/bucket/a.txt";
    let (status, doc) = verify(object, service);
    assert_eq!(status, 1, "{doc}");
    assert_eq!(doc["code"], "SignatureDoesNotMatch");
    let request = &doc["reconstructed_request"];
    assert_eq!(request["resource"], "/bucket/a.txt");
    assert_eq!(request["method"], "GET");
    let causes = doc["confirmed_causes"].to_string();
    assert!(causes.contains("service-level resource /"), "{causes}");

    // The object's own signature is, and the request is shown with it.
    let (_, signed) = sign(object, &[]);
    let (status, doc) = verify(object, signed["authorization"].as_str().unwrap());
    assert_eq!(status, 0, "{doc}");
    let request = &doc["reconstructed_request"];
    assert_eq!(
        (
            request["bucket"].as_str(),
            request["key"].as_str(),
            request["resource"].as_str()
        ),
        (Some("bucket"), Some("a.txt"), Some("/bucket/a.txt"))
    );
    assert_eq!(request["headers"][0][0], "Date");
}

#[test]
fn verify_text_shows_the_reconstructed_request() {
    let url = "http://127.0.0.1:9000/bucket/a.txt?acl";
    let (_, signed) = sign(url, &[]);
    let authorization = signed["authorization"].as_str().unwrap();
    let (status, stdout, _) = texts(&verify_output(url, authorization, false));
    assert_eq!(status, 0, "{stdout}");
    assert!(stdout.starts_with("valid: signed by ak"), "{stdout}");
    for line in [
        "request reconstructed:",
        "  resource: /bucket/a.txt?acl",
        "  addressing: path-style",
        "  bucket: bucket",
        "  key: \"a.txt\"",
        "  query: acl=",
    ] {
        assert!(stdout.contains(line), "{line}: {stdout}");
    }
}

#[test]
fn presign_builds_its_url_on_the_given_one() {
    let base = [
        "presign",
        "--method",
        "GET",
        "--url",
        "http://user@127.0.0.1:9000/bucket/a%20b.txt#x",
        "--access-key-id",
        "ak",
        "--access-key-secret",
        "sk",
        "--expires",
        "1999999999",
    ];
    let (status, doc) = common::run_json(&base, b"");
    assert_eq!(status, 0, "{doc}");
    let url = doc["url"].as_str().unwrap();
    assert!(
        url.starts_with("http://127.0.0.1:9000/bucket/a%20b.txt?Expires=1999999999&"),
        "{url}"
    );
    assert!(
        doc["string_to_sign"]
            .as_str()
            .unwrap()
            .ends_with("\n/bucket/a b.txt")
    );
    let mut with_endpoint = base.to_vec();
    with_endpoint.extend(["--endpoint", "oss-cn-hangzhou.aliyuncs.com"]);
    let (status, _, stderr) = texts(&run(&with_endpoint));
    assert_eq!(status, 2);
    assert!(stderr.contains("--endpoint"), "{stderr}");
}

#[test]
fn v4_shows_the_canonical_uri() {
    let (status, doc) = sign(
        "http://127.0.0.1:9000/bucket/a%20b.txt",
        &[
            "--signature-version",
            "v4",
            "--region",
            "cn-hangzhou",
            "--now",
            "1702743657",
        ],
    );
    assert_eq!(status, 0, "{doc}");
    assert_eq!(
        doc["reconstructed_request"]["canonical_uri"],
        "/bucket/a%20b.txt"
    );
    assert!(
        doc["canonical_request"]
            .as_str()
            .unwrap()
            .starts_with("GET\n/bucket/a%20b.txt\n")
    );
}

#[test]
fn a_v4_url_presigned_on_a_custom_domain_verifies_as_that_request() {
    let (status, doc) = common::run_json(
        &[
            "presign",
            "--signature-version",
            "v4",
            "--region",
            "cn-hangzhou",
            "--now",
            "1702743657",
            "--expires-in",
            "600",
            "--method",
            "GET",
            "--url",
            "https://cdn.example.com/dir/a%20b.txt?prefix=a%2Bb",
            "--bucket",
            "bucket",
            "--access-key-id",
            "ak",
            "--access-key-secret",
            "sk",
        ],
        b"",
    );
    assert_eq!(status, 0, "{doc}");
    let url = doc["url"].as_str().unwrap();
    assert!(url.starts_with("https://cdn.example.com/dir/a%20b.txt?prefix=a%2Bb&"));
    let verify = |bucket: &str| {
        common::run_json(
            &[
                "verify",
                "--method",
                "GET",
                "--url",
                url,
                "--bucket",
                bucket,
                "--region",
                "cn-hangzhou",
                "--access-key-secret",
                "sk",
                "--now",
                "1702743700",
            ],
            b"",
        )
    };
    let (status, doc) = verify("bucket");
    assert_eq!(status, 0, "{doc}");
    let request = &doc["reconstructed_request"];
    assert_eq!(request["canonical_uri"], "/bucket/dir/a%20b.txt");
    assert_eq!(request["addressing"], "custom-domain");
    // The same URL for another bucket is another request.
    let (status, doc) = verify("other");
    assert_eq!(
        (status, doc["code"].as_str()),
        (1, Some("SignatureDoesNotMatch"))
    );
}
