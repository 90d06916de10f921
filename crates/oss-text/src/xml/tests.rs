use std::prelude::rust_2024::*;

use super::*;
use proptest::prelude::*;

fn tokens(doc: &str, strict: bool) -> Result<Vec<Token<'_>>, SyntaxError> {
    let mut tokens = if strict {
        Tokenizer::new(doc)
    } else {
        Tokenizer::lenient(doc)
    };
    let mut out = Vec::new();
    while let Some(token) = tokens.next_token()? {
        out.push(token);
    }
    Ok(out)
}

fn start(name: &str, attributes: &str) -> Token<'static> {
    let doc: &'static str = format!("<{name}{attributes}>").leak();
    match Tokenizer::lenient(doc).next_token() {
        Ok(Some(token)) => token,
        other => unreachable!("{other:?}"),
    }
}

#[test]
fn cuts_a_document() {
    let doc = "\u{feff}<?xml version=\"1.0\"?><!-- c --><a x=\"1\" y='2'><b/>t&amp;&#x41;<![CDATA[<]]></a >";
    let expected = [
        Token::Pi("xml version=\"1.0\""),
        Token::Comment(" c "),
        start("a", " x=\"1\" y='2'"),
        start("b/", ""),
        Token::Text("t&amp;&#x41;"),
        Token::CData("<"),
        Token::End("a"),
    ];
    assert_eq!(tokens(doc, true).unwrap(), expected);
    assert_eq!(tokens(doc, false).unwrap(), expected);
}

#[test]
fn strict_refusals() {
    for (doc, kind, offset) in [
        ("<a>&#0;</a>", ErrorKind::BadReference, 3),
        ("<a>&#x0;</a>", ErrorKind::BadReference, 3),
        ("<a>&#xFFFF;</a>", ErrorKind::BadReference, 3),
        ("<a>&nbsp;</a>", ErrorKind::BadReference, 3),
        ("<a>&amp</a>", ErrorKind::BadReference, 3),
        ("<a>a\u{0}</a>", ErrorKind::ForbiddenChar, 4),
        ("<a>\u{1b}</a>", ErrorKind::ForbiddenChar, 3),
        ("<a>\u{c}</a>", ErrorKind::ForbiddenChar, 3),
        ("<!-- \u{7} -->", ErrorKind::ForbiddenChar, 5),
        ("<a x='1' x='2'/>", ErrorKind::DuplicateAttribute, 9),
        ("<a x=1/>", ErrorKind::MalformedTag, 5),
        ("<1a/>", ErrorKind::MalformedTag, 0),
        ("< a/>", ErrorKind::MalformedTag, 0),
        ("</1a>", ErrorKind::MalformedTag, 0),
        ("</a b>", ErrorKind::MalformedTag, 0),
        ("<a>]]></a>", ErrorKind::MalformedMarkup, 3),
        ("<!-- a -- b -->", ErrorKind::MalformedMarkup, 0),
        ("<!-- a --->", ErrorKind::MalformedMarkup, 0),
        ("<? x?>", ErrorKind::MalformedMarkup, 0),
        ("<?xml-?x?>", ErrorKind::MalformedMarkup, 0),
        ("<a", ErrorKind::UnexpectedEnd, 2),
        ("<", ErrorKind::UnexpectedEnd, 1),
        ("<!-- x", ErrorKind::UnexpectedEnd, 6),
        ("<?xml", ErrorKind::UnexpectedEnd, 5),
        ("<a x='1", ErrorKind::UnexpectedEnd, 7),
    ] {
        let err = tokens(doc, true).unwrap_err();
        assert_eq!((err.kind(), err.offset()), (kind, offset), "{doc:?}");
    }
}

#[test]
fn lenient_reads_oss_s_loose_examples() {
    let doc = "<? xml version=\"1.0\" ? >\n<Error xmlns=\u{201d}http://doc\u{201d}><C>&nbsp;&#0;\u{1}</c></Error>";
    let got = tokens(doc, false).unwrap();
    assert_eq!(got[0], Token::Pi(" xml version=\"1.0\" ? "));
    assert_eq!(
        got[3],
        Token::Start(match start("C", "") {
            Token::Start(tag) => tag,
            _ => unreachable!(),
        })
    );
    assert_eq!(got[4], Token::Text("&nbsp;&#0;\u{1}"));
    assert_eq!(got[5], Token::End("c"));
    assert!(tokens(doc, true).is_err());
}

#[test]
fn lenient_still_finds_broken_tags() {
    for (doc, kind) in [
        ("<>", ErrorKind::MalformedTag),
        ("<a <b>", ErrorKind::MalformedTag),
        ("<a b='>", ErrorKind::UnexpectedEnd),
        ("</a", ErrorKind::UnexpectedEnd),
        ("<![CDATA[x", ErrorKind::UnexpectedEnd),
    ] {
        assert_eq!(tokens(doc, false).unwrap_err().kind(), kind, "{doc}");
    }
    let tag = start("EC", " / ");
    assert!(matches!(tag, Token::Start(tag) if tag.is_empty() && tag.name() == "EC"));
}

#[test]
fn offsets() {
    let mut tokens = Tokenizer::new("<a>text</a>");
    assert!(tokens.next_token().unwrap().is_some());
    assert_eq!((tokens.token_start(), tokens.offset()), (0, 3));
    assert_eq!(tokens.next_token(), Ok(Some(Token::Text("text"))));
    assert_eq!((tokens.token_start(), tokens.offset()), (3, 7));
}

proptest! {
    /// Any text the strict tokenizer accepts, the lenient one cuts into the same tokens.
    #[test]
    fn lenient_agrees_with_strict_on_well_formed_text(doc in "(<[ab]( x='[1&<]')?/?>|</[ab]>|[a&;#x1]|<!--[-a]-->|<\\?a ?\\?>)*") {
        if let Ok(strict) = tokens(&doc, true) {
            prop_assert_eq!(tokens(&doc, false), Ok(strict));
        }
    }

    /// Neither tokenizer panics, and errors point into the input.
    #[test]
    fn never_panics(doc in "\\PC*|[<>/!?'\"=a&#;x\\-\\[\\] \u{1}]*") {
        for strict in [true, false] {
            if let Err(err) = tokens(&doc, strict) {
                prop_assert!(err.offset() <= doc.len());
            }
        }
    }

    /// Text without markup or references is one token, checked against the `Char`
    /// production.
    #[test]
    fn text_tokens_follow_the_char_production(text in "[^<&\\]]{1,16}") {
        prop_assume!(!text.starts_with('\u{feff}'));
        let strict = tokens(&text, true);
        let allowed = text.chars().all(is_xml_char);
        prop_assert_eq!(strict.is_ok(), allowed);
        if allowed {
            prop_assert_eq!(strict.unwrap(), [Token::Text(&text)]);
        }
    }
}
