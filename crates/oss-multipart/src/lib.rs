//! Alibaba Cloud OSS multipart-upload rules, and PostObject form and policy validation.
//!
//! Every rejection is an [`oss_errors::Error`]: the exact code, HTTP status and message
//! OSS answers with, so a server can reply as OSS would.
//!
//! | area | items |
//! |---|---|
//! | multipart upload | [`check_part_number`], [`parse_part_number`], [`check_part_size`], [`check_parts`], [`PartPlan`] |
//! | CompleteMultipartUpload | [`CompleteMultipartUpload`] (borrowed XML), [`object_crc64`] |
//! | AppendObject | [`check_append`] |
//! | client-side encryption | [`EncryptedUpload`] |
//! | `multipart/form-data` | [`Boundary`], [`FormParser`] (streaming, sans-IO), [`Parts`] (whole body) |
//! | PostObject form | [`PostRules`] (streaming), [`PostForm`] (whole body), [`PostOptions`], [`Limits`] |
//! | POST policy | [`Policy`], [`Condition`], [`PolicyViolation`] |
//!
//! ```
//! use oss_multipart::{Boundary, Policy, PostForm, PostOptions};
//!
//! let body = b"--b\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nuser/eric/a.txt\r\n\
//! --b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhello\r\n--b--\r\n";
//! let boundary = Boundary::from_content_type(b"multipart/form-data; boundary=b")?;
//! let form = PostForm::parse(&boundary, body, PostOptions::DEFAULT)?;
//!
//! let policy = Policy::parse(br#"{"expiration":"2030-01-01T00:00:00Z",
//!     "conditions":[["starts-with","$key","user/eric/"],["content-length-range",1,10]]}"#)?;
//! assert!(form.check_policy(&policy, Some(b"bucket"), 1_700_000_000).is_ok());
//! # Ok::<(), oss_errors::Error>(())
//! ```
//!
//! # Allocation
//! Nothing here allocates: parsers borrow from their input and keep fixed-size state.
//! The crate is `#![no_std]` and works with no features at all.
//!
//! The form parser's delimiter search is `memchr::memmem`. Without `std`, memchr cannot
//! detect AVX2 at run time on x86_64 and uses SSE2 unless the build enables the
//! `avx2` target feature; with `std` (the default) it picks the best kernel itself.
//!
//! # Where the sources disagree
//! The error-center pages (the default) and the live service's documents differ on form
//! limits and on a few behaviours; [`Limits::LIVE`] and [`PostOptions`] select the other
//! reading.
//!
//! # Crate features
//! - `alloc`, `std` (default): passed on to the dependencies; this crate adds nothing.
//! - `serde`: `Serialize` and `Deserialize` for [`PartPlan`], [`Limits`] and
//!   [`PostOptions`], with `snake_case` names (the accessors' names). Needs neither
//!   `alloc` nor `std`.
//!
//! # Serde
//! A [`PartPlan`] is `{"object_size","part_size","part_count","last_part_size"}`; it reads
//! back only if planning `object_size` with `part_size` gives the same plan, so no
//! inconsistent plan can be built from data. [`Limits`] and [`PostOptions`] are their
//! accessors' values, and fields missing from the data take the defaults, so a config
//! file names only what it changes. Sizes are JSON numbers: the largest, 48.8 TB, is far
//! below 2^53.
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! use oss_multipart::{Limits, PartPlan, PostOptions};
//!
//! let plan = PartPlan::new(250 * 1024, Some(100 * 1024))?;
//! let json = serde_json::to_string(&plan).unwrap();
//! assert_eq!(json, r#"{"object_size":256000,"part_size":102400,"part_count":3,"last_part_size":51200}"#);
//! assert_eq!(serde_json::from_str::<PartPlan>(&json).unwrap(), plan);
//!
//! let options: PostOptions = serde_json::from_str(r#"{"case_insensitive_names":true}"#).unwrap();
//! assert_eq!(options, PostOptions::DEFAULT.with_case_insensitive_names(true));
//! assert_eq!(options.limits(), Limits::DEFAULT);
//! # }
//! # Ok::<(), oss_errors::Error>(())
//! ```
#![no_std]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(test)]
#[macro_use]
extern crate std;

mod append;
mod complete;
mod encryption;
mod form;
mod limits;
mod part;
mod plan;
mod policy;
mod post;

pub use append::check_append;
pub use complete::{
    CompleteMultipartUpload, CompletedObject, CompletedPart, StoredPart, object_crc64,
};
pub use encryption::{DATA_SIZE_HEADER, EncryptedUpload, PART_SIZE_HEADER};
pub use form::{Boundary, Event, FormParser, MAX_BOUNDARY_LEN, Part, PartHeaders, Parts, Step};
pub use limits::{
    ENCRYPTION_PART_ALIGNMENT, Limits, MAX_APPEND_OBJECT_SIZE, MAX_MULTIPART_OBJECT_SIZE,
    MAX_PART_NUMBER, MAX_PART_SIZE, MAX_POST_BODY_SIZE, MAX_PUT_OBJECT_SIZE, MIN_PART_NUMBER,
    MIN_PART_SIZE,
};
pub use part::{check_part_number, check_part_size, check_parts, parse_part_number};
pub use plan::{DEFAULT_PART_SIZE, PartPlan};
pub use policy::{Condition, Policy, PolicyStr, PolicyStrList, PolicyViolation};
pub use post::{
    ACCESS_KEY_ID_FIELD, Credentials, FILE_FIELD, FilePart, FileSummary, KEY_FIELD, POLICY_FIELD,
    PostCheck, PostForm, PostOptions, PostRules, PostSignature, PostVerdict, SIGNATURE_FIELD,
};
