//! Property tests: a rendered document parses back to the same values, and the parser
//! never panics.

use oss_errors::xml::{ErrorDocument, ErrorXml, XmlText};
use proptest::prelude::*;

/// Text of any printable characters and XML whitespace (controls XML cannot carry are
/// replaced when rendering, so they are left out here).
fn text() -> impl Strategy<Value = String> {
    "[\\PC\t\n\r ]{0,24}"
}

/// Names for further elements, avoiding the standard ones.
fn extra_name() -> impl Strategy<Value = String> {
    "[A-Za-z_][A-Za-z0-9_.-]{0,12}".prop_filter("not a standard element or xml*", |name| {
        !ErrorXml::STANDARD_ELEMENTS.contains(&name.as_str())
            && !name.to_ascii_lowercase().starts_with("xml")
    })
}

fn same(parsed: Option<XmlText<'_>>, expected: Option<&str>) -> bool {
    match (parsed, expected) {
        (Some(parsed), Some(expected)) => parsed.eq_text(expected),
        (None, None) => true,
        _ => false,
    }
}

proptest! {
    #[test]
    fn render_then_parse(
        code in text(), message in text(), request_id in text(), host_id in text(),
        argument in proptest::option::of((text(), text())),
        header in proptest::option::of(text()),
        ec in proptest::option::of(text()),
        recommend_doc in proptest::option::of(text()),
        extra in proptest::collection::vec((extra_name(), text()), 0..4),
    ) {
        let extra: Vec<(&str, &str)> = extra.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        let mut doc = ErrorDocument::new(&code, &message, &request_id, &host_id).with_extra(&extra);
        if let Some((name, value)) = &argument {
            doc = doc.with_argument(name, value);
        }
        if let Some(header) = &header {
            doc = doc.with_header(header);
        }
        if let Some(ec) = &ec {
            doc = doc.with_ec(ec);
        }
        if let Some(url) = &recommend_doc {
            doc = doc.with_recommend_doc(url);
        }
        let rendered = doc.to_string();
        let parsed = ErrorXml::parse(&rendered).map_err(|e| TestCaseError::fail(format!("{e}: {rendered}")))?;
        prop_assert!(parsed.code().eq_text(&code), "{}", rendered);
        prop_assert!(same(parsed.message(), Some(&message)));
        prop_assert!(same(parsed.request_id(), Some(&request_id)));
        prop_assert!(same(parsed.host_id(), Some(&host_id)));
        prop_assert!(same(parsed.argument_name(), argument.as_ref().map(|(n, _)| n.as_str())));
        prop_assert!(same(parsed.argument_value(), argument.as_ref().map(|(_, v)| v.as_str())));
        prop_assert!(same(parsed.header(), header.as_deref()));
        prop_assert!(same(parsed.ec(), ec.as_deref()));
        prop_assert!(same(parsed.recommend_doc(), recommend_doc.as_deref()));
        let fields: Vec<_> = parsed.fields().collect();
        let further: Vec<_> = fields.iter().filter(|(name, _)| extra.iter().any(|(n, _)| n == name)).collect();
        prop_assert_eq!(further.len(), extra.len());
        for ((name, value), (want_name, want_value)) in further.into_iter().zip(&extra) {
            prop_assert_eq!(name, want_name);
            prop_assert!(value.eq_text(want_value));
            prop_assert_eq!(value.to_string(), *want_value);
        }
    }

    #[test]
    fn parse_never_panics(input in "[<>/!?\\[\\]&;#x \n\"'=a-zA-Z0-9\u{e9}\u{4e2d}\u{1f600}-]{0,80}") {
        if let Ok(doc) = ErrorXml::parse(&input) {
            let _ = doc.recognize();
            for (_, value) in doc.fields() {
                let _ = value.to_string();
            }
        }
    }

    #[test]
    fn parse_never_panics_near_documents(cut in 0usize..200, byte in any::<u8>()) {
        let body = "<?xml version=\"1.0\"?><Error><Code>NoSuchKey</Code><Message>a &amp; b</Message><D><E/></D><![CDATA[x]]><!-- c --></Error>";
        let mut bytes = body.as_bytes().to_vec();
        let at = cut % bytes.len();
        bytes[at] = byte;
        if let Ok(text) = core::str::from_utf8(&bytes[..]) {
            let _ = ErrorXml::parse(text);
            let _ = ErrorXml::parse(&text[..at]);
        }
    }
}
