//! Issue 16: the callback and POST-policy JSON readers are one reader. Whatever text a
//! callback rejects as not JSON, a policy rejects as not JSON, and the other way round,
//! with the same nesting limit.
#![allow(clippy::unwrap_used)] // test helpers: a panic is the failure report

use base64::Engine as _;
use oss_core::callback::{CallbackConfig, DecodeBuffer, Limits, is_json};
use oss_core::errors::Entry;
use oss_core::multipart::Policy;

/// Texts at the edges of RFC 8259: each is one candidate value.
const EDGES: &[&str] = &[
    "0",
    "-0",
    "-0.0e-0",
    "1E+2",
    "01",
    "-",
    "1.",
    ".5",
    "+1",
    "1e",
    "0x10",
    "true",
    "tru",
    "True",
    "null",
    "nul",
    "\"\"",
    "\"\\u00e9\\ud83d\\ude00\\/\\b\\f\\n\\r\\t\"",
    "\"\\ud800\"",
    "\"\\udc00\\ud800\"",
    "\"\\u12\"",
    "\"\\x\"",
    "\"\\'\"",
    "\"a\tb\"",
    "\"a\u{7f}b\"",
    "\"open",
    "'single'",
    "[]",
    "[1,]",
    "[,1]",
    "[1 2]",
    "[1",
    "{}",
    "{\"a\":1,}",
    "{\"a\" 1}",
    "{a:1}",
    "{\"a\":1 \"b\":2}",
    "{\"a\":[{\"b\":null}]}",
    "[}",
    "{]",
    "\u{feff}{}",
    " \t\r\n[ 1 , { } ] \t\r\n",
    "\u{a0}1",
    "[1]]",
    "",
];

/// Whether the callback reader takes `value` as the value of an unknown member.
fn callback_reads(value: &str) -> bool {
    let json = format!(r#"{{"callbackUrl":"http://a.example/cb","callbackBody":"b","x":{value}}}"#);
    let header = base64::engine::general_purpose::STANDARD.encode(json);
    let mut buf = DecodeBuffer::new();
    match CallbackConfig::decode_unvalidated(header.as_bytes(), &mut buf, &Limits::DEFAULT) {
        Ok(_) => true,
        Err(err) => {
            assert_eq!(err.entry(), Entry::CallbackNotJson, "{value:?}");
            false
        }
    }
}

/// Whether the policy reader takes `value` as the value of an unknown member.
fn policy_reads(value: &str) -> bool {
    let json = format!(
        r#"{{"expiration":"2030-01-01T00:00:00Z","conditions":[{{"a":"b"}}],"x":{value}}}"#
    );
    match Policy::parse(json.as_bytes()) {
        Ok(_) => true,
        Err(err) => {
            let json_errors = [
                Entry::PolicyJsonUnknownChar,
                Entry::PolicyJsonListExpected,
                Entry::PolicyDocumentInvalid,
            ];
            assert!(json_errors.contains(&err.entry()), "{value:?}: {err}");
            false
        }
    }
}

#[test]
fn callback_and_policy_agree_on_edge_texts() {
    for edge in EDGES {
        let alone = is_json(edge.as_bytes());
        assert_eq!(callback_reads(edge), alone, "callback, {edge:?}");
        assert_eq!(policy_reads(edge), alone, "policy, {edge:?}");
    }
}

#[test]
fn callback_and_policy_agree_on_the_nesting_limit() {
    let nested = |n: usize| "[".repeat(n) + &"]".repeat(n);
    // The whole text may nest 1000 levels: the enclosing object is one of them.
    assert!(is_json(nested(1000).as_bytes()));
    assert!(!is_json(nested(1001).as_bytes()));
    assert!(callback_reads(&nested(999)));
    assert!(policy_reads(&nested(999)));
    assert!(!callback_reads(&nested(1000)));
    assert!(!policy_reads(&nested(1000)));
}
