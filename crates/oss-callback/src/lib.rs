//! Alibaba Cloud OSS upload callbacks: the `x-oss-callback` and `x-oss-callback-var`
//! codec, the callback URL rules, the body OSS renders, the rules OSS applies to the
//! application server's reply, and (feature `verify`) the callback signature check.
//!
//! Every rejection is an [`oss_errors::Error`] carrying the exact OSS code, HTTP status,
//! message and ArgumentName, so a gateway or emulator can answer as OSS would.
//!
//! ```
//! use oss_callback::{CallbackConfig, CallbackVars, DecodeBuffer};
//!
//! // {"callbackUrl":"http://abc.com/test.php","callbackBody":"bucket=${bucket}"}
//! let header = "eyJjYWxsYmFja1VybCI6Imh0dHA6Ly9hYmMuY29tL3Rlc3QucGhwIiwiY2FsbGJhY2tCb2R5IjoiYnVja2V0PSR7YnVja2V0fSJ9";
//! let mut buf = DecodeBuffer::new();
//! let config = CallbackConfig::decode(header.as_bytes(), &mut buf)?;
//! assert_eq!(config.urls().next(), Some("http://abc.com/test.php"));
//!
//! let mut buf = DecodeBuffer::new();
//! let err = CallbackVars::decode(b"bm90IGpzb24=", &mut buf).unwrap_err(); // "not json"
//! assert_eq!(err.to_string(), "The callback var is not expecten json");
//! # Ok::<(), oss_errors::Error>(())
//! ```
//!
//! # Allocation
//! Decoding, validation, encoding into an [`EncodeBuffer`], rendering into a
//! `core::fmt::Write`, and the response rules allocate nothing. The 5 KB bound on the
//! header lets the base64 step decode into a 3840-byte [`DecodeBuffer`] on the stack;
//! strings are then unescaped *in place* (an escape is never shorter than what it stands
//! for), so decoded fields borrow from that buffer whether or not the JSON had escapes.
//! With `alloc`, `encode` and `render_to_string` return owned strings. The signature
//! check needs `alloc` (big-integer arithmetic).
//!
//! # Crate features
//! - `alloc`: owned-string conveniences.
//! - `std` (default): implies `alloc`.
//! - `verify`: [`verify`] module, RSA/MD5 callback signature check (implies `alloc`).
//! - `serde`: `Serialize` for [`CallbackConfig`], [`CallbackVars`] and [`Pairs`];
//!   `Serialize` and `Deserialize` for [`BodyType`] and [`Limits`]. Needs neither
//!   `alloc` nor `std`.
//!
//! # Serde
//! A [`CallbackConfig`] serializes as the JSON OSS reads, under OSS's names
//! (`callbackUrl`, `callbackHost`, `callbackBody`, `callbackBodyType`, `callbackSNI`,
//! `callbackPolicy`, `additionalHeaders`), absent fields left out, exactly what
//! [`CallbackConfig::write_json`] writes: base64 of it is an `x-oss-callback` value.
//! [`CallbackVars`] is the flat `{"x:name":"value"}` object of `x-oss-callback-var`, in
//! order. Both borrow their strings, and JSON strings with escapes cannot be borrowed, so
//! they do not implement `Deserialize`: the way back is [`CallbackConfig::decode`] and
//! [`CallbackVars::decode`], which unescape in place into a [`DecodeBuffer`] and check
//! OSS's rules too. [`BodyType`] is its media type; [`Limits`] uses `snake_case` names
//! (the timeout as serde writes a `Duration`), fields missing from the data take the
//! defaults, and lengths are capped as the builders cap them.
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! use base64::Engine as _;
//! use oss_callback::{BodyType, CallbackConfig, DecodeBuffer};
//!
//! let config = CallbackConfig::new("https://app.example/cb", r#"{"key":${object}}"#)
//!     .with_body_type(BodyType::Json);
//! let json = serde_json::to_string(&config).unwrap();
//! assert_eq!(
//!     json,
//!     r#"{"callbackUrl":"https://app.example/cb","callbackBody":"{\"key\":${object}}","callbackBodyType":"application/json"}"#
//! );
//! let header = base64::engine::general_purpose::STANDARD.encode(json);
//! let mut buf = DecodeBuffer::new();
//! assert_eq!(CallbackConfig::decode(header.as_bytes(), &mut buf)?, config);
//! # }
//! # Ok::<(), oss_errors::Error>(())
//! ```
#![no_std]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(any(test, feature = "alloc"))]
extern crate alloc;
#[cfg(any(test, feature = "std"))]
extern crate std;

mod address;
mod b64;
mod config;
mod decode;
mod encode;
mod limits;
mod pairs;
mod parse;
mod render;
mod response;
#[cfg(feature = "serde")]
mod serde_impls;
mod source;
mod upload;
mod url;
mod vars;
#[cfg(feature = "verify")]
pub mod verify;

pub use address::{check_resolved, is_forbidden_ip};
pub use config::{BodyType, CallbackConfig, DecodeBuffer, EncodeBuffer, check_additional_header};
pub use limits::{
    Limits, MAX_CALLBACK_LEN, MAX_CALLBACK_URLS, MAX_CALLBACK_VAR_LEN, MAX_DECODED_LEN,
    MAX_RESPONSE_BODY, RESPONSE_TIMEOUT,
};
pub use pairs::{Pairs, PairsIter};
pub use render::{Lint, RenderedBody, check_body_template};
pub use response::{CallbackReply, UTF8_BOM, connect_failed, is_json};
pub use source::{pick_callback, pick_callback_var};
pub use upload::{SystemVar, UploadInfo};
pub use url::{CallbackUrl, Host, Scheme, check_callback_urls};
pub use vars::CallbackVars;
