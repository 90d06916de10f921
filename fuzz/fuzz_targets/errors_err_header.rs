//! `x-oss-err` header decoding (the error document, base64-encoded, on bodiless replies).
//!
//! Arbitrary header values never panic; the borrowed and the owned decoders agree; a
//! buffer of the documented size (`len * 3 / 4 + 3`) is always enough. Any UTF-8 text,
//! base64-encoded with or without padding and with surrounding spaces, decodes back to
//! itself. Whatever decodes is handed to the error-document reader, which must not panic.
#![no_main]

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD};
use libfuzzer_sys::fuzz_target;
use oss_core::errors::xml::{ErrorXml, XmlErrorKind, decode_err_header, decode_err_header_into};

/// Decodes `value` both ways and checks that they agree; returns the text.
fn decode(value: &str) -> Option<String> {
    let mut buf = vec![0u8; value.len() * 3 / 4 + 3];
    let borrowed = decode_err_header_into(value, &mut buf);
    let owned = decode_err_header(value);
    match (&borrowed, &owned) {
        (Ok(a), Ok(b)) => assert_eq!(a, b),
        (Err(a), Err(b)) => assert_eq!(a.kind(), b.kind(), "{value:?}"),
        _ => panic!("decoders disagree on {value:?}: {borrowed:?} / {owned:?}"),
    }
    if let Err(err) = &borrowed {
        assert_ne!(err.kind(), XmlErrorKind::BufferTooSmall, "{value:?}");
    }
    owned.ok()
}

fuzz_target!(|data: &[u8]| {
    // The input as a header value.
    if let Ok(value) = core::str::from_utf8(data)
        && let Some(xml) = decode(value)
    {
        let _ = ErrorXml::parse(&xml).map(|doc| doc.recognize());
    }

    // The input as the document: encoded, it always decodes back.
    let text = String::from_utf8_lossy(data);
    for value in [
        STANDARD.encode(text.as_bytes()),
        STANDARD_NO_PAD.encode(text.as_bytes()),
        format!(" \t{}  ", STANDARD.encode(text.as_bytes())),
    ] {
        assert_eq!(decode(&value).as_deref(), Some(&*text), "{value:?}");
    }
});
