//! oss-text without std or alloc: the XML tokenizer and the JSON reader, on the stack.

use oss_text::json::Grammar;
use oss_text::xml::{Token, Tokenizer};

/// How many tokens the strict XML tokenizer cuts the first `len` bytes of `xml` into, or
/// -1 when they are not well-formed (or not UTF-8).
#[unsafe(no_mangle)]
pub extern "C" fn oss_xml_token_count(xml: &[u8; 1024], len: usize) -> i32 {
    let Some(text) = xml.get(..len).and_then(|b| core::str::from_utf8(b).ok()) else {
        return -1;
    };
    let mut tokens = Tokenizer::new(text);
    let mut count = 0;
    loop {
        match tokens.next_token() {
            Ok(Some(Token::Text(_) | Token::Start(_) | Token::End(_))) => count += 1,
            Ok(Some(_)) => {}
            Ok(None) => return count,
            Err(_) => return -1,
        }
    }
}

/// Whether the first `len` bytes of `json` are one JSON text (RFC 8259).
#[unsafe(no_mangle)]
pub extern "C" fn oss_is_json(json: &[u8; 1024], len: usize) -> bool {
    json.get(..len).is_some_and(|text| Grammar::RFC_8259.is_json(text))
}
