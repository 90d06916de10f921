//! oss-core: the rules of Alibaba Cloud Object Storage Service (OSS) in one dependency.
//!
//! This facade re-exports the workspace's crates under short names:
//!
//! | module | crate | what it holds |
//! |---|---|---|
//! | [`errors`] | `oss-errors` | every OSS code, status and message; the XML error body |
//! | [`naming`] | `oss-naming` | bucket, object, channel and tag names; header values |
//! | [`crc64`] | `oss-crc64` | CRC-64/XZ (`x-oss-hash-crc64ecma`) and combine |
//! | [`sign`] | `oss-sign` | Signature V1: sign, presign, POST policy, verify |
//! | [`callback`] | `oss-callback` | the upload-callback codec and rules |
//! | [`multipart`] | `oss-multipart` | multipart upload and PostObject rules |
//!
//! ```
//! use oss_core::errors::{Code, Entry};
//! assert_eq!(Entry::ObjectNameEmpty.code(), Code::InvalidObjectName);
//! ```
//!
//! Every crate is `#![no_std]`; the `alloc` and `std` features (default `std`) only add
//! conveniences that return owned values.
#![no_std]

pub use oss_callback as callback;
pub use oss_crc64 as crc64;
pub use oss_errors as errors;
pub use oss_multipart as multipart;
pub use oss_naming as naming;
pub use oss_sign as sign;
