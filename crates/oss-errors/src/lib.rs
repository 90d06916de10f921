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
//! # Crate features
//! - `alloc`: helpers that return owned values.
//! - `std` (default): implies `alloc`.
//!
//! With no features the crate is `#![no_std]` and allocates nothing.
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
mod table;
mod template;
pub mod xml;

pub use error::Error;
pub use lookup::{UnknownCode, status_of};
pub use table::{Code, Entry};
