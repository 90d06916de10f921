//! The entry points the fuzz targets call: what they return for known inputs, and the
//! inputs fuzzing found (kept as regressions).

use oss_doctor::fuzzing;

#[test]
fn url_reads_the_three_addressing_forms() {
    let read = fuzzing::url("http://127.0.0.1:9000/bucket/a%20b?acl", false, None, None)
        .expect("path-style");
    assert_eq!(read.addressing, "path-style");
    assert_eq!(read.bucket.as_deref(), Some("bucket"));
    assert_eq!(read.key.as_deref(), Some(&b"a b"[..]));
    assert_eq!(read.base, "http://127.0.0.1:9000/bucket/a%20b");
    assert_eq!(read.query, "acl");
    let read = fuzzing::url("https://B.oss-cn-hangzhou.aliyuncs.com", false, None, None)
        .expect("virtual-hosted");
    assert_eq!(
        (read.addressing, read.bucket.as_deref(), read.key),
        ("virtual-hosted", Some("b"), None)
    );
    // What a client percent-encodes (non-ASCII, spaces, controls) decodes back.
    let read = fuzzing::url("http://localhost/b/中文 \u{1}a", false, None, None).expect("local");
    assert_eq!(read.key.as_deref(), Some("中文 \u{1}a".as_bytes()));
    assert!(fuzzing::url("https://cdn.example.com/k", false, None, None).is_err());
    let read =
        fuzzing::url("https://cdn.example.com/k", false, Some("b"), None).expect("custom domain");
    assert_eq!(read.addressing, "custom-domain");
}

#[test]
fn header_query_size_and_combine_parse_as_the_cli_does() {
    assert_eq!(
        fuzzing::header(" Content-Type : text/plain "),
        Ok(("Content-Type".to_owned(), "text/plain".to_owned()))
    );
    assert!(fuzzing::header(": x").is_err());
    assert_eq!(fuzzing::query("a=b=c"), ("a".to_owned(), "b=c".to_owned()));
    assert_eq!(fuzzing::size("5GiB"), Ok(5 << 30));
    assert!(fuzzing::size("99999999999TiB").is_err());
    assert_eq!(fuzzing::combine("0x10:3"), Ok((16, 3)));
    assert!(fuzzing::combine("1").is_err());
}

#[test]
fn serve_answers_without_a_socket() {
    let served = fuzzing::serve("GET", "/", b"", b"", b"", b"");
    assert_eq!(served.status, 501);
    let served = fuzzing::serve("POST", "/cb?a=1", b"bad", b"", b"text/plain", b"x=\x1b");
    assert_eq!(served.status, 400);
    assert!(
        served.body.contains("\"Status\":\"Error\""),
        "{}",
        served.body
    );
    assert!(!served.log_text.contains('\x1b'), "{}", served.log_text);
    assert!(served.log_json.starts_with('{'));
}
