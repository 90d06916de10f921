//! Signature V4 (`OSS4-HMAC-SHA256`), which OSS requires of new accounts and buckets:
//! header signing, presigned URLs, and the signing key.
//!
//! ```
//! use oss_naming::Timestamp;
//! use oss_sign::{Credentials, Request, SigningKey};
//! use oss_sign::v4::{Settings, sign};
//!
//! let key = SigningKey::new("sk");
//! let creds = Credentials::new("ak", &key)?;
//! let headers = [("x-oss-head1", "value"), ("Content-Type", "text/plain")];
//! let request = Request::new("PUT").with_bucket("bucket").with_key("1234+-/123/1.txt").with_headers(&headers);
//! let signed = sign(&creds, &request, &Settings::new("cn-hangzhou")?, Timestamp::from_unix(1_702_743_657).unwrap())?;
//! assert_eq!(signed.date(), "20231216T162057Z");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The signing key depends only on the secret, the day, the region and the product: a
//! [`Signer`] derives it once a day; [`ScopedKey`] holds it, and [`OwnedScopedKey`] keeps it
//! in a server's key store between requests.

mod canonical;
mod owned_key;
mod post;
mod presign;
pub(crate) mod received;
mod scope;
mod sign;
mod transcript;
pub(crate) mod verify;

pub use canonical::ALGORITHM;
pub use owned_key::OwnedScopedKey;
pub use post::{POST_MAX_AGE_SECS, PostFields, post_policy_signature, verify_post};
pub use presign::{Presigned, presign};
pub use received::{
    ADDITIONAL_HEADERS_PARAM, AuthorizationItems, CREDENTIAL_PARAM, Credential, EXPIRES_PARAM,
    PRESIGN_PARAMS, SIGNATURE_PARAM, SIGNATURE_VERSION_PARAM,
};
pub use scope::{
    MAX_REGION_LEN, Product, SIGNATURE_V4_LEN, Scope, ScopedKey, SignatureV4, TERMINATOR,
    check_region,
};
pub use sign::{
    CONTENT_SHA256_HEADER, DATE_HEADER, MAX_ADDITIONAL_HEADERS_LEN, MAX_EXPIRES_SECS, Settings,
    Signed, Signer, UNSIGNED_PAYLOAD, sign,
};
pub use transcript::{Form, canonical_request, string_to_sign};
