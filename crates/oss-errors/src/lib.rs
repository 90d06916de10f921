//! The Alibaba Cloud OSS error catalogue.
//!
//! Every error OSS documents is here once: its [`Code`] (with the HTTP status OSS sends),
//! and each message OSS pairs with that code as an [`Entry`] with a Rust name, so other
//! crates return `Entry::ObjectNameEmpty` instead of strings. An [`Error`] is the small
//! `Copy` value validation functions return; its `Display` is the exact OSS message.
//!
//! ```
//! use oss_errors::{Code, Entry, Error};
//!
//! let err = Error::from(Entry::ObjectNameEmpty);
//! assert_eq!(err.code(), Code::InvalidObjectName);
//! assert_eq!(err.status(), 400);
//! assert_eq!(err.to_string(), "The Object name can not be empty");
//! ```
//!
//! # The catalogue
//! 115 codes and 215 entries. Each names its [`Source`] (and, unless it is a seed fact,
//! the repository and file it was copied from), so a seed fact can be told from a live
//! observation. A code known only from an SDK code table has no entry yet: no source
//! gives its message. A test recounts this table from the data.
//!
//! | source | codes | entries |
//! |---|---|---|
//! | seed | 87 | 178 |
//! | reference-note | 0 | 8 |
//! | sdk-table | 16 | 0 |
//! | sdk-live-test | 8 | 14 |
//! | sdk-fixture | 4 | 14 |
//! | published-response | 0 | 1 |
//!
//! # Crate features
//! - `alloc`: helpers that return owned values.
//! - `std` (default): implies `alloc`.
//! - `serde`: `Serialize` and `Deserialize` for [`Code`] (as OSS spells it), [`Entry`] (its
//!   Rust name) and [`Error`]; `Serialize` for [`xml::ErrorXml`]. Needs neither `alloc` nor
//!   `std`.
//!
//! With no features the crate is `#![no_std]` and allocates nothing.
//!
//! # Serde
//! An [`Error`] is the JSON a gateway logs and `oss-doctor` prints: `code`, `status`,
//! `message` (as printed, the number of a template filled in), and `argument_name` and `ec`
//! when the catalogue knows them. It reads back from `code` and `message` (other fields
//! are ignored) through [`Error::recognize`], so any OSS-shaped JSON rejection does; a
//! message the catalogue does not know for that code is an error. A parsed
//! [`xml::ErrorXml`] serializes its elements under the same `snake_case` names, unescaped,
//! leaving out those the body lacks; it borrows from the body, so it does not deserialize.
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! use oss_errors::{Entry, Error};
//! let json = serde_json::to_string(&Error::from(Entry::NoSuchKey)).unwrap();
//! assert_eq!(
//!     json,
//!     r#"{"code":"NoSuchKey","status":404,"message":"The specified key does not exist.","ec":"0026-00000001"}"#
//! );
//! assert_eq!(serde_json::from_str::<Error>(&json).unwrap(), Entry::NoSuchKey.into());
//! # }
//! ```
#![no_std]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(any(test, feature = "alloc"))]
extern crate alloc;
#[cfg(any(test, feature = "std"))]
extern crate std;

#[macro_use]
mod macros;
mod code_hash;
mod error;
mod lookup;
mod normalize;
#[cfg(feature = "serde")]
mod serde_impls;
mod source;
mod table;
mod template;
pub mod xml;

pub use error::Error;
pub use lookup::{UnknownCode, status_of};
pub use source::Source;
pub use table::{Code, Entry};
