#![no_main]
//! oss-text's two readers.
//!
//! JSON, against serde_json (an independent RFC 8259 reader): whatever serde_json reads,
//! the reader accepts, and a top-level string decodes to the same text; whatever the
//! reader accepts, serde_json reads too, unless it stops at one of its own limits that
//! RFC 8259's grammar does not have (nesting past 128 levels, a number beyond `f64`, a
//! lone surrogate escape). `is_json` and `parse` always agree, with and without `\$`.
//!
//! XML: on every prefix of tokens the strict tokenizer accepts, the lenient tokenizer
//! cuts exactly the same tokens, up to a processing instruction with a `>` inside (XML
//! ends one only at `?>`; the lenient tokenizer ends it at the first `>`, to read OSS's
//! own `<? xml version="1.0" ? >`); text the strict tokenizer accepted unescapes without
//! error into characters XML allows.

use libfuzzer_sys::fuzz_target;
use oss_core::text::json::{Grammar, Value};
use oss_core::text::xml::{Token, Tokenizer, find_forbidden, unescape};

fuzz_target!(|data: &[u8]| {
    json(data);
    if let Ok(text) = core::str::from_utf8(data) {
        xml(text);
    }
});

fn json(data: &[u8]) {
    for grammar in [Grammar::RFC_8259, Grammar::RFC_8259.with_dollar_escape()] {
        assert_eq!(grammar.is_json(data), grammar.parse(data).is_ok());
    }
    let ours = Grammar::RFC_8259.parse(data);
    match serde_json::from_slice::<serde_json::Value>(data) {
        Ok(theirs) => {
            assert!(
                ours.is_ok(),
                "serde_json reads {data:?}; the reader refuses it: {ours:?}"
            );
            if let (Ok(Value::String(ours)), serde_json::Value::String(theirs)) = (ours, &theirs) {
                assert!(
                    ours.bytes().eq(theirs.bytes()),
                    "{data:?} decodes differently"
                );
            }
        }
        Err(err) if ours.is_ok() => {
            let why = err.to_string();
            assert!(
                why.contains("recursion limit")
                    || why.contains("number out of range")
                    || why.contains("surrogate"),
                "the reader accepts {data:?}; serde_json refuses it: {why}"
            );
        }
        Err(_) => {}
    }
}

fn xml(text: &str) {
    let mut strict = Tokenizer::new(text);
    let mut lenient = Tokenizer::lenient(text);
    loop {
        let Ok(token) = strict.next_token() else {
            return;
        };
        if matches!(token, Some(Token::Pi(content)) if content.contains('>')) {
            return;
        }
        assert_eq!(
            Ok(token),
            lenient.next_token(),
            "the tokenizers cut {text:?} differently"
        );
        match token {
            None => return,
            Some(Token::Text(raw)) => {
                let mut decoded = String::new();
                assert!(unescape(raw, &mut decoded).is_ok());
                assert_eq!(
                    find_forbidden(&decoded),
                    None,
                    "{raw:?} decodes to a forbidden character"
                );
            }
            Some(_) => {}
        }
    }
}
