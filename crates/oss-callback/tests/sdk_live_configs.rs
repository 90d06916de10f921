//! Callback configurations the official SDKs' integration tests sent to the live service,
//! and what OSS answered: accepted, or refused with InvalidArgument and the message
//! recorded (where the test records one).

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use oss_callback::{CallbackConfig, CallbackVars, DecodeBuffer};
use oss_errors::{Entry, Error};

fn decode(json: &str) -> Result<(), Error> {
    let mut buf = DecodeBuffer::new();
    CallbackConfig::decode(STANDARD.encode(json).as_bytes(), &mut buf).map(drop)
}

#[test]
fn a_config_naming_only_a_callback_policy_is_accepted() {
    // aliyun-oss-python-sdk tests/test_bucket_callback_policy.py, and the Java SDK's
    // BucketCallbackPolicyTest (with a trailing space after the object).
    for json in [
        r#"{"callbackPolicy":"test_2"}"#,
        r#"{"callbackPolicy":"test_2"} "#,
    ] {
        let mut buf = DecodeBuffer::new();
        let config = CallbackConfig::decode(STANDARD.encode(json).as_bytes(), &mut buf)
            .unwrap_or_else(|err| panic!("{json}: {err}"));
        assert_eq!(config, CallbackConfig::from_policy("test_2"));
    }
    // Encoding leaves out what the policy supplies.
    let mut json = String::new();
    CallbackConfig::from_policy("test_2")
        .write_json(&mut json)
        .unwrap();
    assert_eq!(json, r#"{"callbackPolicy":"test_2"}"#);
    // Without a policy, the URL and the body stay required.
    assert_eq!(decode("{}").unwrap_err().entry(), Entry::CallbackUrlInvalid);
    assert_eq!(
        decode(r#"{"callbackUrl":"a.example"}"#)
            .unwrap_err()
            .entry(),
        Entry::CallbackBodyEmpty
    );
}

#[test]
fn a_callback_host_with_a_line_break_is_refused() {
    for host in ["a.example\r\nX-Injected: 1", "a.example\n", "\ra.example"] {
        let json = format!(
            r#"{{"callbackUrl":"a.example","callbackHost":{},"callbackBody":"b"}}"#,
            serde_json::to_string(host).unwrap()
        );
        let err = decode(&json).unwrap_err();
        assert_eq!(err.entry(), Entry::CallbackHostInvalid, "{host:?}");
        assert_eq!(
            err.to_string(),
            "The callback host configuration is invalid"
        );
        assert_eq!(err.entry().ec(), Some("0007-00000009"));
    }
}

#[test]
fn a_scheme_less_url_may_carry_a_url_in_its_query() {
    for url in [
        "a.example/cb?next=http://b.example/x",
        "a.example:8080/cb?u=https://b.example",
        "a.example?u=x://y",
    ] {
        let json = format!(r#"{{"callbackUrl":"{url}","callbackBody":"b"}}"#);
        assert!(decode(&json).is_ok(), "{url}");
    }
    assert_eq!(
        decode(r#"{"callbackUrl":"ftp://a.example/cb","callbackBody":"b"}"#)
            .unwrap_err()
            .entry(),
        Entry::CallbackUrlInvalid
    );
}

/// aliyun-oss-java-sdk `CallbackTest.testPutObjectCallbackParamInvalid` and
/// aliyun-oss-cpp-sdk `ObjectCallbackTest` (`ResumableUploadCallbackUrlNegativeTest`,
/// `PutObjectCallbackNegativeTest`): configurations OSS refused with InvalidArgument.
#[test]
fn configurations_oss_refused_are_refused() {
    let raw_cases: [(&[u8], Entry); 2] = [
        (b"error argument", Entry::CallbackNotBase64),
        (b"ZXJyb3IgYXJndW1lbnQ=", Entry::CallbackNotJson),
    ];
    for (value, entry) in raw_cases {
        let mut buf = DecodeBuffer::new();
        let err = CallbackConfig::decode(value, &mut buf).unwrap_err();
        assert_eq!(err.entry(), entry);
    }
    for (url, body, entry) in [
        (
            "my.com:test",
            "put-object-callback",
            Entry::CallbackUrlInvalid,
        ),
        (
            "my1.com;my2.com;my3.com;my4.com;my5.com;my6.com;",
            "put-object-callback",
            Entry::CallbackUrlTooMany,
        ),
        ("a.example", "", Entry::CallbackBodyEmpty),
        (
            "a.example",
            "bucket=${bucket}&object=$(object)",
            Entry::CallbackVariableSyntax,
        ),
        ("http://192.168.1.1", "b", Entry::CallbackPrivateAddress),
    ] {
        let json = format!(r#"{{"callbackUrl":"{url}","callbackBody":"{body}"}}"#);
        assert_eq!(decode(&json).unwrap_err().entry(), entry, "{json}");
    }
    // The C++ test records the message, with a period the catalogue matches tolerantly.
    assert_eq!(
        Entry::find_by_name(
            "InvalidArgument",
            "Private address is forbidden to callback."
        ),
        Some(Entry::CallbackPrivateAddress)
    );
}

#[test]
fn a_callback_var_over_5_kb_is_refused() {
    // Ten custom variables of 1024 'A's each, as the Java live test sends.
    let value = "A".repeat(1024);
    let json = format!(
        "{{{}}}",
        (0..10)
            .map(|i| format!(r#""x:var{i}":"{value}""#))
            .collect::<Vec<_>>()
            .join(",")
    );
    let mut buf = DecodeBuffer::new();
    let err = CallbackVars::decode(STANDARD.encode(json).as_bytes(), &mut buf).unwrap_err();
    assert_eq!(err.entry(), Entry::CallbackVarTooLong);
}

#[test]
fn a_host_oss_cannot_resolve_is_not_a_syntax_rule() {
    // OSS refused callbackUrl "my" with InvalidArgument: a name without a DNS record
    // ("Can not get ip by this host", which a caller reports when its own lookup fails,
    // as `oss-doctor callback probe` does). The syntax is fine, so decoding accepts it.
    assert!(decode(r#"{"callbackUrl":"my","callbackBody":"b"}"#).is_ok());
    assert_eq!(
        Entry::CallbackHostNotResolved.code(),
        oss_errors::Code::InvalidArgument
    );
}
