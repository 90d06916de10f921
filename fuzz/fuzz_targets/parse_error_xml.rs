//! Parses arbitrary input as an OSS error document. When it parses, renders the values
//! again and checks that the second parse gives the same values.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oss_core::errors::xml::{ErrorDocument, ErrorXml};

/// Whether rendering keeps `text` as it is (it replaces controls XML cannot carry).
fn renders_verbatim(text: &str) -> bool {
    !text.chars().any(|c| {
        matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(input) = core::str::from_utf8(data) else {
        return;
    };
    let Ok(doc) = ErrorXml::parse(input) else {
        return;
    };
    let _ = doc.recognize();

    let text =
        |value: Option<oss_core::errors::xml::XmlText<'_>>| value.map(|v| v.to_cow().into_owned());
    let code = doc.code().to_cow().into_owned();
    let message = text(doc.message()).unwrap_or_default();
    let request_id = text(doc.request_id()).unwrap_or_default();
    let host_id = text(doc.host_id()).unwrap_or_default();
    let argument_name = text(doc.argument_name());
    let argument_value = text(doc.argument_value());
    let header = text(doc.header());
    let ec = text(doc.ec());
    let recommend_doc = text(doc.recommend_doc());
    let extra_owned: Vec<(&str, String)> = doc
        .fields()
        .filter(|(name, _)| !ErrorXml::STANDARD_ELEMENTS.contains(name))
        .map(|(name, value)| (name, value.to_cow().into_owned()))
        .collect();
    let extra: Vec<(&str, &str)> = extra_owned.iter().map(|(n, v)| (*n, v.as_str())).collect();

    let mut rendered =
        ErrorDocument::new(&code, &message, &request_id, &host_id).with_extra(&extra);
    if let Some(name) = &argument_name {
        rendered = rendered.with_argument(name, argument_value.as_deref().unwrap_or_default());
    } else if let Some(value) = &argument_value {
        rendered = rendered.with_argument_value(value);
    }
    if let Some(header) = &header {
        rendered = rendered.with_header(header);
    }
    if let Some(ec) = &ec {
        rendered = rendered.with_ec(ec);
    }
    if let Some(url) = &recommend_doc {
        rendered = rendered.with_recommend_doc(url);
    }
    let mut out = String::new();
    if rendered.render(&mut out).is_err() {
        return; // a further element's name is not one the renderer writes
    }
    let again = ErrorXml::parse(&out).expect("a rendered document parses");
    let all = [&code, &message, &request_id, &host_id];
    if all.iter().all(|v| renders_verbatim(v)) && extra.iter().all(|(_, v)| renders_verbatim(v)) {
        assert!(again.code().eq_text(&code));
        assert!(again.message().is_some_and(|m| m.eq_text(&message)));
        assert!(again.request_id().is_some_and(|m| m.eq_text(&request_id)));
        assert!(again.host_id().is_some_and(|m| m.eq_text(&host_id)));
    }
});
