//! A policy's JSON: read by `oss-text`'s JSON reader, which borrows from the text and
//! decodes strings lazily while comparing, so nothing is copied or allocated. Policies
//! may write `\$` for `$`; text that is not JSON gets the seeds' messages.

use oss_errors::{Entry, Error};
use oss_text::json::{ErrorKind, Grammar, Value};

/// RFC 8259 with the `\$` escape.
const POLICY_JSON: Grammar = Grammar::RFC_8259.with_dollar_escape();

/// Parses a whole document: one value, then only whitespace.
///
/// # Errors
/// InvalidPolicyDocument with the seeds' JSON messages: ", or ] expected" after an array
/// element, "unknown char e" for anything else that is not JSON; the generic "Invalid
/// policy document, please check." for nesting deeper than the reader allows.
pub(crate) fn parse(doc: &[u8]) -> Result<Value<'_>, Error> {
    POLICY_JSON.parse(doc).map_err(|err| {
        match err.kind() {
            ErrorKind::ExpectedCommaOrBracket => Entry::PolicyJsonListExpected,
            ErrorKind::TooDeep => Entry::PolicyDocumentInvalid,
            _ => Entry::PolicyJsonUnknownChar,
        }
        .into()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::prelude::rust_2024::*;

    #[test]
    fn reports_the_seed_messages() {
        let code = |doc: &[u8]| parse(doc).unwrap_err().entry();
        assert_eq!(code(b"[1 2]"), Entry::PolicyJsonListExpected);
        assert_eq!(code(b"[1,"), Entry::PolicyJsonUnknownChar);
        assert_eq!(code(b"[1"), Entry::PolicyJsonListExpected);
        assert_eq!(code(b"{expiration: 1}"), Entry::PolicyJsonUnknownChar);
        assert_eq!(code(b"{\"a\" 1}"), Entry::PolicyJsonUnknownChar);
        assert_eq!(code(b"{\"a\":1 \"b\":2}"), Entry::PolicyJsonUnknownChar);
        assert_eq!(code(b"\"\\x\""), Entry::PolicyJsonUnknownChar);
        assert_eq!(code(b"\"\\ud800\""), Entry::PolicyJsonUnknownChar);
        assert_eq!(code(b"\"a\nb\""), Entry::PolicyJsonUnknownChar);
        assert_eq!(code(b"\"\xff\""), Entry::PolicyJsonUnknownChar);
        assert_eq!(code(b"01"), Entry::PolicyJsonUnknownChar);
        assert_eq!(code(b"1."), Entry::PolicyJsonUnknownChar);
        assert_eq!(code(b"tru"), Entry::PolicyJsonUnknownChar);
        assert_eq!(code(b"{} x"), Entry::PolicyJsonUnknownChar);
        assert_eq!(code(b""), Entry::PolicyJsonUnknownChar);
        let deep = "[".repeat(1001) + &"]".repeat(1001);
        assert_eq!(code(deep.as_bytes()), Entry::PolicyDocumentInvalid);
    }

    #[test]
    fn dollar_escapes() {
        let Ok(Value::String(s)) = parse(br#""a\/b\\c\"d\$e\u00e9""#) else {
            unreachable!()
        };
        assert!(s.eq_bytes("a/b\\c\"d$e\u{e9}".as_bytes()));
    }
}
