//! oss-errors without std or alloc: code and message lookups, XML render and parse, all
//! on the stack.

use oss_errors::xml::{ErrorDocument, ErrorXml};
use oss_errors::{Code, Entry, Error};

/// The HTTP status of the catalogue entry at `index`, or 0 when out of range.
#[unsafe(no_mangle)]
pub extern "C" fn oss_entry_status(index: usize) -> u16 {
    Entry::ALL.get(index).map_or(0, |entry| entry.status())
}

/// The HTTP status of the code spelled by the first `len` bytes of `name`, or 0.
#[unsafe(no_mangle)]
pub extern "C" fn oss_code_status(name: &[u8; 64], len: usize) -> u16 {
    Code::from_bytes(name.get(..len).unwrap_or(&[])).map_or(0, Code::status)
}

/// The index in `Entry::ALL` of the entry for (code, message), matched tolerantly, or -1.
#[unsafe(no_mangle)]
pub extern "C" fn oss_entry_index(
    code: &[u8; 64],
    code_len: usize,
    message: &[u8; 256],
    message_len: usize,
) -> i32 {
    text(code, code_len)
        .zip(text(message, message_len))
        .and_then(|(code, message)| Entry::find_by_name(code, message))
        .and_then(|entry| Entry::ALL.iter().position(|&e| e == entry))
        .and_then(|index| i32::try_from(index).ok())
        .unwrap_or(-1)
}

/// Renders the error document of the entry at `index` into `out`; returns the length
/// written, or 0 when the index is out of range or the document does not fit.
#[unsafe(no_mangle)]
pub extern "C" fn oss_render_error(index: usize, out: &mut [u8; 1024]) -> usize {
    let Some(&entry) = Entry::ALL.get(index) else {
        return 0;
    };
    let mut rendered = heapless::String::<1024>::new();
    let doc = ErrorDocument::for_error(
        Error::from(entry),
        "5C3D9175B6FC201293AD4890",
        "bucket.oss-cn-hangzhou.aliyuncs.com",
    )
    .with_troubleshoot_link();
    if doc.render(&mut rendered).is_err() {
        return 0;
    }
    // Both buffers hold 1024 bytes, so what was rendered always fits in `out`.
    let written = rendered.as_bytes();
    out[..written.len()].copy_from_slice(written);
    written.len()
}

/// Parses the first `len` bytes of `input` as an error document: the HTTP status of the
/// error it reports, 0 when the catalogue does not know it, -1 when it is not a document.
#[unsafe(no_mangle)]
pub extern "C" fn oss_parse_error(input: &[u8; 1024], len: usize) -> i32 {
    let Some(text) = input
        .get(..len)
        .and_then(|bytes| core::str::from_utf8(bytes).ok())
    else {
        return -1;
    };
    match ErrorXml::parse(text) {
        Ok(doc) => doc.recognize().map_or(0, |error| i32::from(error.status())),
        Err(_) => -1,
    }
}

/// The first `len` bytes of `bytes` as text.
fn text(bytes: &[u8], len: usize) -> Option<&str> {
    core::str::from_utf8(bytes.get(..len)?).ok()
}
