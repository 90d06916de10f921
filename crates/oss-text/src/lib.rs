//! The lexical readers OSS's text formats share.
//!
//! OSS speaks XML (error documents, CompleteMultipartUpload bodies) and JSON (upload
//! callbacks, POST policies). Each format is read by one reader here, so every crate
//! draws the same line between text that is well-formed and text that is not:
//!
//! - [`xml`]: a tokenizer and a reference unescaper following the XML 1.0 character
//!   rules (forbidden characters refused, raw or as `&#..;`; duplicate attributes
//!   refused), with a lenient mode for reading documents as loose as OSS's own pages;
//! - [`decimal`]: unsigned decimal numbers, as headers, queries and XML write them;
//! - [`json`]: an RFC 8259 reader that borrows from its input, nests without recursion
//!   up to [`json::MAX_DEPTH`] levels, and unescapes strings lazily or in place.
//!
//! ```
//! use oss_text::json::Grammar;
//! use oss_text::xml::{Token, Tokenizer};
//!
//! let mut tokens = Tokenizer::new("<a>&#49;</a>");
//! assert!(matches!(tokens.next_token(), Ok(Some(Token::Start(tag))) if tag.name() == "a"));
//! assert_eq!(tokens.next_token(), Ok(Some(Token::Text("&#49;"))));
//! assert!(Grammar::RFC_8259.is_json(br#"{"a":[1,2]}"#));
//! ```
//!
//! Nothing here allocates, and the crate has no features: it is `#![no_std]` and needs
//! neither `alloc` nor `std`. Errors are one small `Copy` type, [`SyntaxError`], with the
//! format's kind of error and a byte offset; the crates above map them to the OSS error
//! they answer with, and may be stricter than the reader (which elements they expect).
//!
//! | format | read by |
//! |---|---|
//! | OSS error document | `oss-errors` (`ErrorXml`), lenient tokenizer |
//! | CompleteMultipartUpload body | `oss-multipart`, strict tokenizer |
//! | `x-oss-callback`, `x-oss-callback-var`, callback responses | `oss-callback`, [`json::Grammar::RFC_8259`] |
//! | PostObject policy | `oss-multipart`, RFC 8259 with `\$` |
#![no_std]
#![forbid(unsafe_code)]

#[cfg(test)]
extern crate std;

pub mod decimal;
mod error;
pub mod json;
pub mod xml;

pub use error::SyntaxError;
