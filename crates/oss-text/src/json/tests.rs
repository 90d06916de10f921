use std::prelude::rust_2024::*;

use super::*;
use proptest::prelude::*;

const RFC: Grammar = Grammar::RFC_8259;

#[test]
fn accepts_json_texts() {
    for text in [
        "{}",
        "[]",
        " {\"a\" : [1, -2.5e+3, true, false, null, \"x\\u00e9\\ud83d\\ude00\"]} ",
        "\"OK\"",
        "0",
        "-0.0E-0",
        "{\"a\":{\"b\":[{}]}}",
        "\"\u{e9}\\/\"",
    ] {
        assert!(RFC.is_json(text.as_bytes()), "{text}");
        assert!(RFC.parse(text.as_bytes()).is_ok(), "{text}");
    }
}

#[test]
fn refuses_what_is_not_json() {
    for (text, kind) in [
        ("", ErrorKind::UnexpectedByte),
        ("OK", ErrorKind::UnexpectedByte),
        ("\u{feff}{}", ErrorKind::UnexpectedByte),
        ("{\"a\":1,}", ErrorKind::UnexpectedByte),
        ("[1,]", ErrorKind::UnexpectedByte),
        ("{\"a\" 1}", ErrorKind::UnexpectedByte),
        ("{a:1}", ErrorKind::UnexpectedByte),
        ("{\"a\":1 \"b\":2}", ErrorKind::UnexpectedByte),
        ("[}", ErrorKind::UnexpectedByte),
        ("{]", ErrorKind::UnexpectedByte),
        ("[1 2]", ErrorKind::ExpectedCommaOrBracket),
        ("[1", ErrorKind::ExpectedCommaOrBracket),
        ("[[", ErrorKind::UnexpectedByte),
        ("01", ErrorKind::TrailingContent),
        ("{} {}", ErrorKind::TrailingContent),
        ("1.", ErrorKind::InvalidNumber),
        ("1e", ErrorKind::InvalidNumber),
        ("-", ErrorKind::InvalidNumber),
        ("+1", ErrorKind::UnexpectedByte),
        ("tru", ErrorKind::UnexpectedByte),
        ("\"\\x\"", ErrorKind::InvalidEscape),
        ("\"\\$\"", ErrorKind::InvalidEscape),
        ("\"\\ud800\"", ErrorKind::InvalidEscape),
        ("\"\\udc00\"", ErrorKind::InvalidEscape),
        ("\"\\u12\"", ErrorKind::InvalidEscape),
        ("\"a\nb\"", ErrorKind::InvalidString),
        ("\"\u{1}\"", ErrorKind::InvalidString),
        ("\"open", ErrorKind::InvalidString),
    ] {
        assert!(!RFC.is_json(text.as_bytes()), "{text:?}");
        assert_eq!(
            RFC.parse(text.as_bytes()).unwrap_err().kind(),
            kind,
            "{text:?}"
        );
    }
    assert_eq!(
        RFC.parse(b"\"\xff\"").unwrap_err().kind(),
        ErrorKind::InvalidString
    );
}

#[test]
fn depth_is_bounded_from_the_start_of_the_text() {
    let nested = |n: usize| "[".repeat(n) + &"]".repeat(n);
    assert!(RFC.is_json(nested(MAX_DEPTH).as_bytes()));
    let err = RFC.parse(nested(MAX_DEPTH + 1).as_bytes()).unwrap_err();
    assert_eq!((err.kind(), err.offset()), (ErrorKind::TooDeep, MAX_DEPTH));
    let inner = format!("{{\"a\":{}}}", nested(MAX_DEPTH));
    let mut pos = 5;
    assert_eq!(
        RFC.skip_value(inner.as_bytes(), &mut pos, 1)
            .unwrap_err()
            .kind(),
        ErrorKind::TooDeep
    );
    let mut pos = 5;
    assert!(RFC.skip_value(inner.as_bytes(), &mut pos, 0).is_ok());
}

#[test]
fn dollar_escape_only_where_asked() {
    let policy = RFC.with_dollar_escape();
    let Value::String(s) = policy.parse(br#""a\$b""#).unwrap() else {
        unreachable!()
    };
    assert!(s.eq_bytes(b"a$b"));
    let mut buf = *br#""\$""#;
    assert_eq!(policy.unescape_in_place(&mut buf, &mut 0, 0), Ok(1));
    assert_eq!(buf[0], b'$');
}

#[test]
fn unescapes_over_its_own_input() {
    let mut buf = *br#" "a\"b\\c\/d\u00e9\ud83d\ude00" "#;
    let mut pos = 0;
    let len = RFC.unescape_in_place(&mut buf, &mut pos, 1).unwrap();
    assert_eq!(pos, buf.len() - 1);
    assert_eq!(
        core::str::from_utf8(&buf[1..1 + len]).unwrap(),
        "a\"b\\c/d\u{e9}\u{1f600}"
    );
}

#[test]
fn peeks() {
    for (text, kind) in [
        ("\"", Some(Kind::String)),
        ("-", Some(Kind::Number)),
        ("[", Some(Kind::Array)),
        ("false", Some(Kind::Bool(false))),
        ("null", Some(Kind::Null)),
        ("nul", None),
        ("", None),
    ] {
        assert_eq!(peek(text.as_bytes(), &mut 0), kind, "{text}");
    }
}

/// JSON values to write with `serde_json`.
fn values() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(serde_json::Value::from),
        (-1e9f64..1e9).prop_map(serde_json::Value::from),
        "\\PC*|[\\x00-\\x1f\"\\\\/\u{e9}\u{1f600}]*".prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::btree_map("[a-z\\\\\"]*", inner, 0..6)
                .prop_map(|map| serde_json::Value::Object(map.into_iter().collect())),
        ]
    })
}

/// Whether a borrowed value holds the same data as `expected`.
fn same(value: Value<'_>, expected: &serde_json::Value) -> bool {
    match (value, expected) {
        (Value::Null, serde_json::Value::Null) => true,
        (Value::Bool(a), serde_json::Value::Bool(b)) => a == *b,
        (Value::Number(raw), serde_json::Value::Number(n)) => {
            core::str::from_utf8(raw)
                .ok()
                .and_then(|raw| raw.parse::<f64>().ok())
                == n.as_f64()
        }
        (Value::String(s), serde_json::Value::String(t)) => s.eq_bytes(t.as_bytes()),
        (Value::Array(_), serde_json::Value::Array(items)) => {
            let elements: Vec<_> = value.elements().into_iter().flatten().collect();
            elements.len() == items.len() && elements.iter().zip(items).all(|(a, b)| same(*a, b))
        }
        (Value::Object(_), serde_json::Value::Object(map)) => {
            let members: Vec<_> = value.members().into_iter().flatten().collect();
            members.len() == map.len()
                && members.iter().zip(map).all(|((k, v), (key, expected))| {
                    k.eq_bytes(key.as_bytes()) && same(*v, expected)
                })
        }
        _ => false,
    }
}

proptest! {
    /// Every text serde_json writes (compact or pretty) reads back as the same data.
    #[test]
    fn reads_what_serde_json_writes(value in values(), pretty in any::<bool>()) {
        let text = if pretty {
            serde_json::to_string_pretty(&value).unwrap()
        } else {
            serde_json::to_string(&value).unwrap()
        };
        prop_assert!(RFC.is_json(text.as_bytes()));
        let parsed = RFC.parse(text.as_bytes()).unwrap();
        prop_assert!(same(parsed, &value), "{}", text);
    }

    /// In-place and lazy decoding give the same bytes, which serde_json agrees with.
    #[test]
    fn both_decodings_agree(s in "\\PC*|[\\x00-\\x1f\"\\\\/\u{e9}\u{1f600}]*") {
        let text = serde_json::to_string(&s).unwrap();
        let mut buf = text.clone().into_bytes();
        let len = RFC.unescape_in_place(&mut buf, &mut 0, 0).unwrap();
        prop_assert_eq!(&buf[..len], s.as_bytes());
        let Value::String(lazy) = RFC.parse(text.as_bytes()).unwrap() else { unreachable!() };
        prop_assert_eq!(lazy.bytes().collect::<Vec<u8>>(), s.into_bytes());
    }

    /// In-place decoding accepts and refuses exactly the strings the checking scan does,
    /// at the same offsets, and ends at the same place.
    #[test]
    fn in_place_checks_as_the_scan_does(text in prop::collection::vec(prop::sample::select(b"\"\\u0d8aAb/$n \x01\xc3\xa9\xff".to_vec()), 0..16)) {
        let mut quoted = b" \"".to_vec();
        quoted.extend(text);
        let mut scan_end = 0;
        let scanned = RFC.string(&quoted, &mut scan_end).map(|s| s.bytes().collect::<Vec<u8>>());
        let mut buf = quoted.clone();
        let mut end = 0;
        let decoded = RFC.unescape_in_place(&mut buf, &mut end, 0).map(|len| buf[..len].to_vec());
        prop_assert_eq!(&decoded, &scanned);
        if decoded.is_ok() {
            prop_assert_eq!(end, scan_end);
        }
    }

    /// Arbitrary bytes never panic, errors point into the text, and the cursor and the
    /// document reader agree.
    #[test]
    fn never_panics(text in prop::collection::vec(prop::sample::select(b" \t\n{}[]:,\"\\u0123456789abcdeEfnlrst-+.$/\x01\xff".to_vec()), 0..40)) {
        let parsed = RFC.parse(&text);
        if let Err(err) = parsed {
            prop_assert!(err.offset() <= text.len());
        }
        prop_assert_eq!(parsed.is_ok(), RFC.is_json(&text));
    }
}
