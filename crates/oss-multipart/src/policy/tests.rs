use std::prelude::rust_2024::*;

use base64::Engine as _;
use oss_errors::Entry;
use proptest::prelude::*;

use super::*;

const EXPIRES: &str = "2030-01-01T00:00:00Z";
const BEFORE: i64 = 1_893_456_000; // 2030-01-01T00:00:00Z

fn policy_json(conditions: &str) -> String {
    format!(r#"{{"expiration":"{EXPIRES}","conditions":[{conditions}]}}"#)
}

fn parse_err(json: &str) -> Entry {
    Policy::parse(json.as_bytes()).unwrap_err().entry()
}

#[test]
fn document_shape_errors() {
    for (json, entry) in [
        ("[]", Entry::PolicyDocumentInvalid),
        ("{}", Entry::PolicyDocumentInvalid),
        (
            r#"{"expiration":"2030-01-01T00:00:00Z"}"#,
            Entry::PolicyDocumentInvalid,
        ),
        (
            r#"{"conditions":[{"a":"b"}]}"#,
            Entry::PolicyDocumentInvalid,
        ),
        (
            r#"{"expiration":123,"conditions":[{"a":"b"}]}"#,
            Entry::PolicyDocumentInvalid,
        ),
        (
            r#"{"expiration":"","conditions":[{"a":"b"}]}"#,
            Entry::PolicyDocumentInvalid,
        ),
        (
            r#"{"expiration":"2023-02-19 13:19:00","conditions":[{"a":"b"}]}"#,
            Entry::PolicyDocumentInvalid,
        ),
        (
            r#"{"expiration":"2030-01-01T00:00:00Z","conditions":123}"#,
            Entry::PolicyDocumentInvalid,
        ),
        (
            r#"{"expiration":"2030-01-01T00:00:00Z","conditions":[]}"#,
            Entry::PolicyDocumentInvalid,
        ),
        (
            r#"{"expiration":"2030-01-01T00:00:00Z","expiration":"2030-01-01T00:00:00Z","conditions":[{"a":"b"}]}"#,
            Entry::PolicyDocumentInvalid,
        ),
        (
            r#"{"expiration":"2030-01-01T00:00:00Z","conditions":[{"a":"b"}],}"#,
            Entry::PolicyJsonUnknownChar,
        ),
        (
            r#"{"expiration":"2030-01-01T00:00:00Z","conditions":[{"a":"b"} {"c":"d"}]}"#,
            Entry::PolicyJsonListExpected,
        ),
        (
            r#"{expiration:"2030-01-01T00:00:00Z"}"#,
            Entry::PolicyJsonUnknownChar,
        ),
    ] {
        assert_eq!(parse_err(json), entry, "{json}");
    }
}

#[test]
fn condition_shape_errors() {
    for (condition, entry) in [
        ("123", Entry::PolicyDocumentInvalid),
        (r#""key""#, Entry::PolicyDocumentInvalid),
        ("{}", Entry::PolicySimpleConditionInvalid),
        (r#"{"a":"1","b":"2"}"#, Entry::PolicySimpleConditionInvalid),
        (r#"{"a":1}"#, Entry::PolicyDocumentInvalid),
        (r#"["$key"]"#, Entry::PolicyDocumentInvalid),
        (r#"["ends-with","$key","a"]"#, Entry::PolicyDocumentInvalid),
        (
            r#"["starts-with","$key","a","test"]"#,
            Entry::PolicyDocumentInvalid,
        ),
        (r#"["eq","key","a"]"#, Entry::PolicyDocumentInvalid),
        (r#"["eq","$key",1]"#, Entry::PolicyDocumentInvalid),
        (
            r#"["content-length-range",10,1]"#,
            Entry::PolicyDocumentInvalid,
        ),
        (
            r#"["content-length-range","test",1]"#,
            Entry::PolicyDocumentInvalid,
        ),
        (
            r#"["content-length-range",-1,1]"#,
            Entry::PolicyDocumentInvalid,
        ),
        (
            r#"["content-length-range",1.5,2]"#,
            Entry::PolicyDocumentInvalid,
        ),
        (
            r#"["content-length-range",0,99999999999999999999999]"#,
            Entry::PolicyDocumentInvalid,
        ),
        (r#"["in","$key","a"]"#, Entry::PolicyDocumentInvalid),
        (r#"["not-in","$key",["a",1]]"#, Entry::PolicyDocumentInvalid),
        (r#"[1,"$key","a"]"#, Entry::PolicyDocumentInvalid),
    ] {
        assert_eq!(parse_err(&policy_json(condition)), entry, "{condition}");
    }
}

#[test]
fn messages_are_the_seeds() {
    assert_eq!(
        Policy::parse(policy_json("{}").as_bytes())
            .unwrap_err()
            .to_string(),
        "Invalid Policy: Invalid Simple-Condition: Simple-Conditions must have exactly one property specified"
    );
    assert_eq!(
        Policy::parse(b"[1 2]").unwrap_err().to_string(),
        "Invalid Policy: Invalid JSON: , or ] expected"
    );
    assert_eq!(
        Policy::parse(b"{e}").unwrap_err().to_string(),
        "Invalid Policy: Invalid JSON: unknown char e"
    );
    assert_eq!(
        Policy::parse(b"{}").unwrap_err().to_string(),
        "Invalid policy document, please check."
    );
}

#[test]
fn every_operator() {
    let policy_text = policy_json(
        r#"{"bucket":"b1"},["eq","$key","user/a"],["starts-with","$x-oss-meta-tag","dummy"],
           ["in","$content-type",["image/jpg","image/png"]],["not-in","$cache-control",["no-cache"]],
           ["content-length-range",1,1024]"#,
    );
    let policy = Policy::parse(policy_text.as_bytes()).unwrap();
    let fields: [(&[u8], &[u8]); 5] = [
        (b"bucket", b"b1"),
        (b"key", b"user/a"),
        (b"x-oss-meta-tag", b"dummy_etag"),
        (b"Content-Type", b"image/png"),
        (b"Cache-Control", b"max-age=1"),
    ];
    assert!(policy.check(BEFORE, fields, 1).is_ok());
    assert!(policy.check(BEFORE, fields, 1024).is_ok());
    assert_eq!(
        policy.check(BEFORE, fields, 0).unwrap_err().error().entry(),
        Entry::UploadTooSmall
    );
    assert_eq!(
        policy
            .check(BEFORE, fields, 1025)
            .unwrap_err()
            .error()
            .entry(),
        Entry::UploadTooLarge
    );
    assert_eq!(
        policy
            .check(BEFORE + 1, fields, 1)
            .unwrap_err()
            .error()
            .entry(),
        Entry::PolicyExpired
    );
    assert_eq!(
        policy.check(BEFORE + 1, fields, 1).unwrap_err().to_string(),
        "Invalid according to Policy: Policy expired."
    );

    let failing = |index: usize, value: &'static [u8]| {
        let mut changed = fields;
        changed[index].1 = value;
        policy.check(BEFORE, changed, 1).unwrap_err().to_string()
    };
    let prefix = "Invalid according to Policy: Policy Condition failed: ";
    assert_eq!(
        failing(0, b"b2"),
        format!(r#"{prefix}["eq", "$bucket", "b1"]"#)
    );
    assert_eq!(
        failing(1, b"user/b"),
        format!(r#"{prefix}["eq", "$key", "user/a"]"#)
    );
    assert_eq!(
        failing(2, b"dumm"),
        format!(r#"{prefix}["starts-with", "$x-oss-meta-tag", "dummy"]"#)
    );
    assert_eq!(
        failing(3, b"image/gif"),
        format!(r#"{prefix}["in", "$content-type", ["image/jpg", "image/png"]]"#)
    );
    assert_eq!(
        failing(4, b"no-cache"),
        format!(r#"{prefix}["not-in", "$cache-control", ["no-cache"]]"#)
    );
}

#[test]
fn fields_and_length_checked_apart() {
    let text = policy_json(r#"["content-length-range",5,5],["eq","$key","k"]"#);
    let policy = Policy::parse(text.as_bytes()).unwrap();
    let fields: [(&[u8], &[u8]); 1] = [(b"key", b"k")];
    assert!(policy.check_fields(fields).is_ok());
    assert!(policy.check_content_length(5).is_ok());
    assert!(policy.check_content_length(6).is_err());
    // A missing field counts as empty.
    let none: [(&[u8], &[u8]); 0] = [];
    assert!(policy.check_fields(none).is_err());
    let text = policy_json(r#"["starts-with","$key",""]"#);
    let empty_ok = Policy::parse(text.as_bytes()).unwrap();
    assert!(empty_ok.check_fields(none).is_ok());
}

#[test]
fn escapes_are_decoded_before_comparing() {
    let text = policy_json(r#"["eq","$key","user\/eric\/\\\${filename}"]"#);
    let policy = Policy::parse(text.as_bytes()).unwrap();
    let fields: [(&[u8], &[u8]); 1] = [(b"key", b"user/eric/\\${filename}")];
    assert!(policy.check_fields(fields).is_ok());
}

#[test]
fn decode_base64_field() {
    // Vector P2 of the Signature V1 notes: a policy with in and not-in.
    let b64 = b"eyJleHBpcmF0aW9uIjoiMjAyMC0wMy0xOVQwMzo0NDowNi40NzZaIiwiY29uZGl0aW9ucyI6W3siYnVja2V0IjoiZ2VuLXBvc3QtcG9saWN5In0sWyJzdGFydHMtd2l0aCIsIiRrZXkiLCJ1c2VyXC9lcmljIl0sWyJzdGFydHMtd2l0aCIsIiR4LW9zcy1tZXRhLXRhZyIsImR1bW15X2V0YWciXSxbImNvbnRlbnQtbGVuZ3RoLXJhbmdlIiwxLDEwMjRdLFsiaW4iLCIkY29udGVudC10eXBlIixbImltYWdlXC9qcGciLCJpbWFnZVwvcG5nIl1dLFsibm90LWluIiwiJGNhY2hlLWNvbnRyb2wiLFsibm8tY2FjaGUiXV1dfQ==";
    let mut buf = [0; 512];
    let json = Policy::decode(b64, &mut buf).unwrap();
    let policy = Policy::parse(json).unwrap();
    assert_eq!(policy.expiration().unix_seconds(), 1_584_589_446);
    assert_eq!(policy.conditions().count(), 6);
    let fields: [(&[u8], &[u8]); 5] = [
        (b"bucket", b"gen-post-policy"),
        (b"key", b"user/eric/x"),
        (b"x-oss-meta-tag", b"dummy_etag_1"),
        (b"content-type", b"image/jpg"),
        (b"cache-control", b"public"),
    ];
    assert!(policy.check(1_584_589_000, fields, 10).is_ok());
    let mut small = [0; 8];
    assert_eq!(
        Policy::decode(b64, &mut small).unwrap_err().entry(),
        Entry::PolicyDocumentInvalid
    );
    assert_eq!(
        Policy::decode(b"  ", &mut buf).unwrap_err().entry(),
        Entry::PolicyDocumentInvalid
    );
    assert_eq!(
        Policy::decode(b"eyJhIjoxfQ", &mut buf).unwrap(),
        br#"{"a":1}"#
    ); // no padding
}

/// A naive model of one condition, over plain strings.
#[derive(Clone, Debug)]
enum Model {
    Eq(String, String),
    StartsWith(String, String),
    In(String, Vec<String>),
    NotIn(String, Vec<String>),
    Range(u64, u64),
}

impl Model {
    fn json(&self) -> String {
        let q = |s: &str| serde_like_quote(s);
        let list =
            |v: &[String]| format!("[{}]", v.iter().map(|s| q(s)).collect::<Vec<_>>().join(","));
        match self {
            Model::Eq(f, v) => format!("{{{}:{}}}", q(f), q(v)),
            Model::StartsWith(f, v) => {
                format!(r#"["starts-with",{},{}]"#, q(&format!("${f}")), q(v))
            }
            Model::In(f, v) => format!(r#"["in",{},{}]"#, q(&format!("${f}")), list(v)),
            Model::NotIn(f, v) => format!(r#"["not-in",{},{}]"#, q(&format!("${f}")), list(v)),
            Model::Range(a, b) => format!(r#"["content-length-range",{a},{b}]"#),
        }
    }

    fn holds(&self, fields: &[(String, String)], size: u64) -> bool {
        let value = |f: &str| {
            fields
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(f))
                .map_or("", |(_, v)| v.as_str())
                .to_string()
        };
        match self {
            Model::Eq(f, v) => value(f) == *v,
            Model::StartsWith(f, p) => value(f).starts_with(p.as_str()),
            Model::In(f, vs) => vs.contains(&value(f)),
            Model::NotIn(f, vs) => !vs.contains(&value(f)),
            Model::Range(a, b) => (*a..=*b).contains(&size),
        }
    }
}

/// JSON-quotes a string, escaping with `\uXXXX` and `\/` to exercise the decoder.
fn serde_like_quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '/' => out.push_str("\\/"),
            c if (c as u32) < 0x20 || c == 'é' => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn name() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["key", "Content-Type", "x-oss-meta-a", "bucket"])
        .prop_map(String::from)
}

fn text() -> impl Strategy<Value = String> {
    "[ab/\"\\\\é\n]{0,4}"
}

fn model() -> impl Strategy<Value = Model> {
    prop_oneof![
        (name(), text()).prop_map(|(f, v)| Model::Eq(f, v)),
        (name(), text()).prop_map(|(f, v)| Model::StartsWith(f, v)),
        (name(), prop::collection::vec(text(), 0..3)).prop_map(|(f, v)| Model::In(f, v)),
        (name(), prop::collection::vec(text(), 0..3)).prop_map(|(f, v)| Model::NotIn(f, v)),
        (0u64..8, 0u64..8).prop_map(|(a, b)| Model::Range(a.min(b), a.max(b))),
    ]
}

proptest! {
    #[test]
    fn evaluation_matches_a_naive_model(
        models in prop::collection::vec(model(), 1..6),
        fields in prop::collection::vec((name(), text()), 0..5),
        size in 0u64..10,
    ) {
        let json = policy_json(&models.iter().map(Model::json).collect::<Vec<_>>().join(","));
        let policy = Policy::parse(json.as_bytes()).unwrap();
        let pairs: Vec<(&[u8], &[u8])> = fields.iter().map(|(n, v)| (n.as_bytes(), v.as_bytes())).collect();
        let result = policy.check(BEFORE, pairs.iter().copied(), size);
        let first_failure = models.iter().position(|m| !m.holds(&fields, size));
        prop_assert_eq!(result.is_ok(), first_failure.is_none());
        if let (Err(violation), Some(index)) = (result, first_failure) {
            match models[index] {
                Model::Range(a, _) => prop_assert_eq!(
                    violation.error().entry(),
                    if size < a { Entry::UploadTooSmall } else { Entry::UploadTooLarge }
                ),
                _ => prop_assert_eq!(violation.error().entry(), Entry::PolicyConditionFailed),
            }
        }
    }

    #[test]
    fn parse_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let _ = Policy::parse(&bytes);
    }

    #[test]
    fn base64_round_trip(json in "[ -~]{0,100}") {
        let encoded = base64::engine::general_purpose::STANDARD.encode(json.as_bytes());
        let mut buf = [0; 128];
        if json.is_empty() {
            prop_assert!(Policy::decode(encoded.as_bytes(), &mut buf).is_err());
        } else {
            prop_assert_eq!(Policy::decode(encoded.as_bytes(), &mut buf).unwrap(), json.as_bytes());
        }
    }
}
