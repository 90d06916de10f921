//! Every rule runs without touching the heap, on valid and invalid input alike.

use core::fmt::Write as _;
use oss_naming::{
    KmsDataEncryption, ServerSideEncryption, StorageClass, Timestamp, check_access_key_id,
    check_bucket_name, check_bucket_tags, check_channel_name_bytes, check_encryption_settings,
    check_object_name, check_object_name_bytes, check_playlist_name, check_traffic_limit,
    check_unix_date, check_version_id, limits, parse_copy_source, parse_iso8601,
    parse_persistent_headers, parse_rfc1123, parse_tagging, traffic_limit_of_request,
};
use oss_test_support::assert_no_alloc;

#[global_allocator]
static ALLOC: oss_test_support::CountingAllocator = oss_test_support::CountingAllocator;

/// A `fmt::Write` sink on the stack, to prove `Display` impls need no heap either.
type Sink = heapless::String<256>;

#[test]
fn names() {
    let long = "a".repeat(2000);
    assert_no_alloc(|| {
        assert!(check_bucket_name("examplebucket").is_ok());
        assert!(check_bucket_name("Bad_Bucket").is_err());
        assert!(check_object_name(&long[..1023]).is_ok());
        assert!(check_object_name(&long).is_err());
        assert!(check_object_name_bytes(b"a\xff").is_err());
        assert!(check_channel_name_bytes(b"live").is_ok());
        assert!(check_playlist_name("a.m3u8").is_ok());
        assert!(check_access_key_id("LTAI5t").is_ok());
        assert!(check_version_id("").is_err());
    });
}

#[test]
fn tagging_parses_and_decodes_in_place() {
    let header = "k0=v0&k1=v%201&k2=v+2&k3=%E4%B8%AD&k4=&k5=a%2Fb&k6=6&k7=7&k8=8&k9=9";
    let eleven = "k0=0&k1=1&k2=2&k3=3&k4=4&k5=5&k6=6&k7=7&k8=8&k9=9&k10=10";
    assert_no_alloc(|| {
        let tagging = parse_tagging(header).expect("valid");
        assert_eq!(tagging.len(), 10);
        assert!(tagging.get("k1").is_some_and(|v| v.decoded_eq("v 1")));
        let mut sink = Sink::new();
        for tag in &tagging {
            write!(sink, "{}={};", tag.key(), tag.value()).expect("fits");
        }
        assert!(parse_tagging("a=1&a=2").is_err());
        assert!(parse_tagging(eleven).is_err());
    });
}

#[test]
fn header_values() {
    let value = "myheader1:bXl2YWx1ZTE=,myheader2:bXl2YWx1ZTI=";
    assert_no_alloc(|| {
        let headers = parse_persistent_headers(value).expect("valid");
        let mut buf = [0u8; 32];
        for header in headers.iter() {
            assert!(header.decode_value(&mut buf).is_some());
            assert!(header.check_request_value("myvalue1").is_ok() || header.name() == "myheader2");
        }
        assert!(parse_persistent_headers("Host:YQ==").is_err());
        assert!(parse_persistent_headers("a:/w==").is_err());
        assert_eq!(check_traffic_limit("819200"), Ok(819_200));
        assert!(traffic_limit_of_request(Some("1"), Some("1")).is_err());
        assert!(StorageClass::parse("IA").is_ok());
        let sse = ServerSideEncryption::parse("KMS").expect("valid");
        assert!(check_encryption_settings(sse, Some("key"), Some(KmsDataEncryption::Sm4)).is_ok());
        let source = parse_copy_source("/examplebucket/dir/a%20b?versionId=CAEQ").expect("valid");
        assert!(source.key().decoded_eq("dir/a b"));
        assert!(parse_copy_source("/examplebucket").is_err());
        assert!(check_bucket_tags(&[("a", "1"), ("b", "2")]).is_ok());
        assert!(limits::CORS_RULES.check(11).is_err());
    });
}

#[test]
fn dates() {
    assert_no_alloc(|| {
        let t = parse_rfc1123("Sun, 06 Nov 1994 08:49:37 GMT").expect("valid");
        let mut sink = Sink::new();
        write!(sink, "{} {}", t.rfc1123(), t.iso8601()).expect("fits");
        assert_eq!(
            sink.as_bytes(),
            b"Sun, 06 Nov 1994 08:49:37 GMT 1994-11-06T08:49:37.000Z"
        );
        assert!(parse_iso8601("2014-12-01T12:00:00.000Z").is_ok());
        assert!(check_unix_date(-1, 0).is_err());
        assert!(Timestamp::from_unix(0).is_some());
    });
}
