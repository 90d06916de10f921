//! Alibaba Cloud OSS Signature V1: sign, presign, POST policy signature, verification.
//!
//! ```
//! use oss_sign::{SigningKey, post_policy_signature};
//!
//! let key = SigningKey::new("sk");
//! let sig = post_policy_signature(&key, b"e30=");
//! assert!(sig.verify(sig.as_bytes()).is_ok());
//! ```
//!
//! [`sign`] signs one request for the `Authorization` header; a [`Signer`] signs many with
//! the same credentials, keeping its buffers. Neither allocates. On x86_64 CPUs with the
//! SHA extensions the HMAC runs on them (chosen at run time, without std).
#![no_std]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(any(test, feature = "alloc"))]
extern crate alloc;
#[cfg(any(test, feature = "std"))]
extern crate std;

mod access_key_id;
mod authorization;
mod canonical;
mod compression;
mod content_md5;
mod date;
mod errors;
#[cfg(feature = "http")]
mod http;
mod input;
mod key;
mod mac;
mod percent;
mod post;
mod presign;
mod rtmp;
#[cfg(target_arch = "x86_64")]
#[allow(unsafe_code)]
mod sha1_ni;
mod sign;
mod signature;
mod sink;
mod subresource;
mod text;
mod verify;
mod words;

pub use access_key_id::{MAX_ACCESS_KEY_ID_LEN, check_access_key_id};
pub use authorization::ParsedAuthorization;
pub use content_md5::{ContentMd5, ContentMd5Hasher};
pub use date::{HttpDate, parse_http_date};
#[cfg(feature = "http")]
pub use http::{
    Addressing, HeaderMapFields, sign_http_request, verify_http_parts,
    verify_http_parts_with_transcript,
};
pub use input::{
    AsHeader, AsParam, HeaderSlice, Headers, Param, ParamSlice, Query, RawParams, RawQuery, Request,
};
pub use key::SigningKey;
pub use percent::{PercentDecode, Plus, percent_encode_component, percent_encode_path};
pub use post::{post_policy_signature, verify_post_policy_signature, write_post_policy_base64};
pub use presign::{Presigned, SECURITY_TOKEN_PARAM, presign, presign_with_transcript};
pub use rtmp::{RtmpPresigned, presign_rtmp};
pub use sign::{
    Authorization, Credentials, SECURITY_TOKEN_HEADER, Signer, sign, sign_with_transcript,
    string_to_sign,
};
pub use signature::{SIGNATURE_LEN, Signature};
pub use sink::{FixedBuf, Transcript, Utf8Writer};
pub use subresource::{SIGNED_SUBRESOURCES, SubResources, is_signed};
pub use verify::{AuthMethod, KeyLookup, MAX_CLOCK_SKEW_SECS, SecurityToken, Verified, Verifier};
