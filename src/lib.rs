//! oss-core: the rules of Alibaba Cloud Object Storage Service (OSS) in one dependency.
//!
//! This facade re-exports the workspace's crates under short names:
//!
//! | module | crate | what it holds |
//! |---|---|---|
//! | [`errors`] | `oss-errors` | every OSS code, status and message; the XML error body |
//! | [`naming`] | `oss-naming` | names, header values, dates, the percent codec |
//! | [`crc64`] | `oss-crc64` | CRC-64/XZ (`x-oss-hash-crc64ecma`) and combine |
//! | [`sign`] | `oss-sign` | Signatures V4 and V1: sign, presign, PostObject, verify |
//! | [`callback`] | `oss-callback` | the upload-callback codec and rules |
//! | [`multipart`] | `oss-multipart` | multipart upload and PostObject rules |
//! | [`text`] | `oss-text` | the XML and JSON readers the formats above share |
//!
//! A client signs a request; a server verifies it and answers a rejection with the exact
//! error OSS would send:
//!
//! ```
//! use oss_core::naming::Timestamp;
//! use oss_core::sign::{Credentials, Request, SigningKey, Verifier, sign};
//!
//! let key = SigningKey::new("AccessKeySecret");
//! let creds = Credentials::new("LTAI5tExampleId", &key)?;
//! let now = Timestamp::from_unix(1_672_223_261).unwrap(); // with std: Timestamp::now()
//! let date = now.rfc1123().to_string();
//! let mut headers = vec![("Date", date.as_str()), ("Content-Type", "text/plain")];
//! let request = Request::new("PUT").with_bucket("examplebucket").with_key("notes/a.txt");
//! let auth = sign(&creds, &request.with_headers(&headers));
//! assert!(auth.as_str().starts_with("OSS LTAI5tExampleId:"));
//!
//! // The server receives the same request with its Authorization header.
//! headers.push(("Authorization", auth.as_str()));
//! let keys = [("LTAI5tExampleId", &key)];
//! let verifier = Verifier::new();
//! let verified = verifier.verify(&request.with_headers(&headers), now, keys.as_slice())?;
//! assert_eq!(verified.access_key_id(), Some("LTAI5tExampleId"));
//!
//! // Twenty minutes later the same request is refused, as OSS refuses it.
//! let later = Timestamp::from_unix(1_672_223_261 + 1200).unwrap();
//! let err = verifier.verify(&request.with_headers(&headers), later, keys.as_slice()).unwrap_err();
//! assert_eq!((err.code().as_str(), err.status()), ("RequestTimeTooSkewed", 403));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Every crate is `#![no_std]`; the `alloc` and `std` features (default `std`) only add
//! conveniences that return owned values.
//!
//! The `serde` feature turns on each crate's `serde` feature: `Serialize` (and
//! `Deserialize` where a value can be built from data) for the types users hold, with
//! neither `std` nor `alloc` needed. Each crate's documentation has a "Crate features"
//! section saying what its types look like in JSON.
#![no_std]

// Each crate is re-exported through a module of this crate, so the table's links point at
// pages of this crate and resolve in any doc build (a link into another crate renders
// only if that crate's pages were built first).

/// The upload-callback codec and rules (`oss-callback`).
pub mod callback {
    pub use oss_callback::*;
}

/// CRC-64/XZ, `x-oss-hash-crc64ecma` (`oss-crc64`).
pub mod crc64 {
    pub use oss_crc64::*;
}

/// The error catalogue and the XML error body (`oss-errors`).
pub mod errors {
    pub use oss_errors::*;
}

/// Multipart upload and PostObject rules (`oss-multipart`).
pub mod multipart {
    pub use oss_multipart::*;
}

/// Names, header values, dates and the percent codec (`oss-naming`).
pub mod naming {
    pub use oss_naming::*;
}

/// Signatures V4 and V1 (`oss-sign`).
pub mod sign {
    pub use oss_sign::*;
}

/// The XML tokenizer and the JSON reader every format shares (`oss-text`).
pub mod text {
    pub use oss_text::*;
}

/// The README's examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
