//! Alibaba Cloud OSS Signature V1: sign, presign, POST policy signature, verification.
//!
//! A client signs a request for its `Authorization` header with [`sign`], or presigns a
//! URL with [`presign`]; a server checks either with a [`Verifier`]. [`string_to_sign`]
//! shows what any of them signs. Nothing here allocates except the `String`
//! conveniences (feature `alloc`).
//!
//! ```
//! use oss_naming::Timestamp;
//! use oss_sign::{Credentials, Request, SigningKey, Verifier, sign};
//!
//! // Client: sign a PUT.
//! let key = SigningKey::new("AccessKeySecret");
//! let creds = Credentials::new("LTAI5tExampleId", &key)?;
//! let now = Timestamp::from_unix(1_672_223_261).unwrap(); // with std: Timestamp::now()
//! let date = now.rfc1123().to_string();
//! let mut headers = vec![("Date", date.as_str()), ("x-oss-meta-author", "alice")];
//! let request = Request::new("PUT").with_bucket("examplebucket").with_key("a.txt");
//! let auth = sign(&creds, &request.with_headers(&headers));
//!
//! // Server: the request arrives with its Authorization header.
//! headers.push(("Authorization", auth.as_str()));
//! let keys = [("LTAI5tExampleId", &key)];
//! let verified = Verifier::new().verify(&request.with_headers(&headers), now, keys.as_slice())?;
//! assert_eq!(verified.access_key_id(), Some("LTAI5tExampleId"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Cryptography is RustCrypto's (`hmac`, `sha1`, `md-5`) and base64 the `base64` crate's;
//! the percent codec, dates and the AccessKeyId rule are `oss-naming`'s.
//!
//! # Crate features
//! - `alloc`: `String` conveniences (`query`, `url`, transcripts into a `Vec<u8>`).
//! - `std` (default): implies `alloc`.
//! - `http`: sign an `http::Request`, verify `http::request::Parts` (implies `std`).
//! - `serde`: `Serialize` for what signing returns, with `snake_case` names, needing
//!   neither `alloc` nor `std`. [`Authorization`], [`Signature`] and
//!   [`v4::SignatureV4`] are their text; a [`Presigned`] is `{"expires","signature",
//!   "query"}` and a [`v4::Presigned`] `{"signature","query"}` (the query string as
//!   [`Presigned::write_query`] writes it); a [`v4::Signed`] is `{"authorization","date",
//!   "signature","headers"}` (the headers to add, an object); a [`v4::Scope`] is
//!   `{"day","region","product"}`, and [`v4::Product`] its name (`"oss"`), which also
//!   deserializes. None of the results deserializes: they are made by signing. Secrets
//!   ([`SigningKey`], [`v4::ScopedKey`], [`Credentials`]) never serialize. A transcript is
//!   the caller's own buffer (a `Vec<u8>` or `heapless::Vec`), serialized as such.
#![no_std]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(any(test, feature = "alloc"))]
extern crate alloc;
#[cfg(any(test, feature = "std"))]
extern crate std;

mod authorization;
mod canonical;
mod content_md5;
mod credentials;
mod hash_sink;
#[cfg(feature = "http")]
mod http;
pub mod input;
mod key;
mod name_prefix;
mod parse;
mod post;
mod presign;
mod request;
mod rtmp;
#[cfg(feature = "serde")]
mod serde_impls;
mod sign;
mod signature;
mod subresource;
mod text;
mod transcript;
pub mod v4;
mod verify;

pub use authorization::Authorization;
pub use content_md5::{ContentMd5, ContentMd5Hasher};
pub use credentials::{Credentials, CredentialsError};
#[cfg(feature = "http")]
pub use http::{
    Addressing, HttpSignError, http_request, sign_http_request, sign_http_request_v4,
    verify_http_parts,
};
pub use key::SigningKey;
pub use parse::ParsedAuthorization;
pub use post::{post_policy_signature, verify_post_policy_signature, write_post_policy_base64};
pub use presign::{Presigned, SECURITY_TOKEN_PARAM, presign};
pub use request::{Param, RawQuery, Request};
pub use rtmp::{RtmpPresigned, presign_rtmp};
pub use sign::{Form, SECURITY_TOKEN_HEADER, sign, string_to_sign};
pub use signature::{SIGNATURE_LEN, Signature};
pub use subresource::{SIGNED_SUBRESOURCES, SubResources, is_signed};
pub use transcript::Transcript;
pub use verify::{AuthMethod, KeyLookup, MAX_CLOCK_SKEW_SECS, SecurityToken, Verified, Verifier};
