//! Alibaba Cloud OSS naming and header-value rules, with the exact OSS errors.
//!
//! Each rule is a function that borrows its input, allocates nothing, never panics, and
//! returns `Result<_, oss_errors::Error>`, where the error is the catalogue entry OSS
//! answers with (code, HTTP status, message). Most are `const fn`.
//!
//! | rule | function | OSS code on rejection |
//! |---|---|---|
//! | bucket name | [`check_bucket_name`] | `InvalidBucketName` |
//! | object name | [`check_object_name`], [`check_object_name_bytes`] | `InvalidObjectName` |
//! | LiveChannel / playlist | [`check_channel_name`], [`check_playlist_name`] | `InvalidChannelName`, `InvalidRequest` |
//! | `x-oss-tagging` | [`parse_tagging`] | `InvalidArgument`, `InvalidTaggingKey` |
//! | bucket tags | [`check_bucket_tag`], [`check_bucket_tags`] | `InvalidTag`, `RepeatedTags`, `TooManyTags` |
//! | AccessKeyId | [`check_access_key_id`] | `InvalidAccessKeyId`, `MissingAccessKeyId` |
//! | `x-oss-persistent-headers` | [`parse_persistent_headers`] | `InvalidArgument` |
//! | `x-oss-traffic-limit` | [`check_traffic_limit`], [`traffic_limit_of_request`] | `InvalidArgument` |
//! | storage class, SSE | [`StorageClass`], [`ServerSideEncryption`], [`KmsDataEncryption`], [`check_encryption_settings`] | `InvalidArgument`, `InvalidEncryptionAlgorithmError`, `InvalidDataEncryptionAlgorithmError` |
//! | `x-oss-copy-source` | [`parse_copy_source`] | `InvalidArgument` |
//! | `versionId` | [`check_version_id`] | `InvalidArgument` |
//! | dates | [`parse_rfc1123`], [`parse_iso8601`], [`check_unix_date`] | `InvalidArgument` |
//! | quotas | [`limits`] | `TooManyBuckets`, `CORSRuleBeyondLimit`, ... |
//!
//! ```
//! use oss_errors::Code;
//!
//! assert!(oss_naming::check_bucket_name("examplebucket").is_ok());
//! let err = oss_naming::check_object_name("/leading-slash").unwrap_err();
//! assert_eq!(err.code(), Code::InvalidObjectName);
//! assert_eq!(err.status(), 400);
//! assert_eq!(err.to_string(), "The specified object is not valid");
//!
//! let tags = oss_naming::parse_tagging("project=apollo&owner=ops%20team")?;
//! assert!(tags.get("owner").is_some_and(|v| v.decoded_eq("ops team")));
//! # Ok::<(), oss_errors::Error>(())
//! ```
//!
//! Lengths follow OSS: bucket and object names in bytes (a valid bucket name is ASCII),
//! channel, playlist and tag lengths in characters (Unicode scalar values).
//!
//! # Crate features
//! - `alloc`, `std` (default): nothing extra yet beyond `oss-errors`' own; every rule
//!   works with no features at all.
//! - `serde`: `Serialize` and `Deserialize` for [`StorageClass`], [`ServerSideEncryption`]
//!   and [`KmsDataEncryption`], as the strings OSS sends (`"IA"`, `"AES256"`, `"SM4"`),
//!   and (through `oss-errors/serde`) for the errors. Needs neither `alloc` nor `std`.
#![no_std]
#![cfg_attr(docsrs, feature(doc_cfg))]
// Tests use std's collections and formatting freely; the library itself stays on `core`.
#![cfg_attr(test, allow(clippy::std_instead_of_alloc, clippy::std_instead_of_core))]

#[cfg(any(test, feature = "std"))]
extern crate std;

mod access_key;
mod bucket;
mod bucket_tag;
mod byte_class;
mod channel;
mod copy_source;
mod date;
mod enums;
pub mod limits;
mod object;
pub mod percent;
mod persistent_headers;
mod tagging;
mod traffic_limit;
mod version_id;

pub use access_key::{MAX_ACCESS_KEY_ID_LEN, check_access_key_id};
pub use bucket::{
    MAX_BUCKET_NAME_LEN, MIN_BUCKET_NAME_LEN, check_bucket_name, check_bucket_name_bytes,
};
pub use bucket_tag::{
    MAX_BUCKET_TAG_KEY_LEN, MAX_BUCKET_TAG_VALUE_LEN, MAX_BUCKET_TAGS,
    RESERVED_BUCKET_TAG_KEY_PREFIXES, check_bucket_tag, check_bucket_tags,
};
pub use byte_class::is_token_byte;
pub use channel::{
    MAX_CHANNEL_NAME_LEN, MAX_PLAYLIST_NAME_LEN, MIN_PLAYLIST_NAME_LEN, PLAYLIST_SUFFIX,
    check_channel_name, check_channel_name_bytes, check_playlist_name,
};
pub use copy_source::{CopySource, parse_copy_source};
pub use date::calendar;
pub use date::{
    Compact, Iso8601, Rfc1123, Timestamp, check_unix_date, parse_compact_day,
    parse_compact_iso8601, parse_iso8601, parse_rfc1123, parse_unix_date,
};
pub use enums::{KmsDataEncryption, ServerSideEncryption, StorageClass, check_encryption_settings};
pub use object::{
    MAX_OBJECT_NAME_LEN, ObjectNameOptions, check_object_name, check_object_name_bytes,
    check_object_name_bytes_with, check_object_name_with,
};
pub use oss_text::decimal::parse_decimal;
pub use percent::Encoded;
pub use persistent_headers::{
    PersistentHeader, PersistentHeaders, RESERVED_PERSISTENT_HEADERS, parse_persistent_headers,
    parse_persistent_headers_with,
};
pub use tagging::{
    MAX_OBJECT_TAGS, MAX_TAG_KEY_LEN, MAX_TAG_VALUE_LEN, Tag, Tagging, TaggingOptions,
    parse_tagging, parse_tagging_with,
};
pub use traffic_limit::{
    TrafficLimitRange, check_traffic_limit, check_traffic_limit_in, traffic_limit_of_request,
};
pub use version_id::check_version_id;
