//! `oss-tower`: the parts an OSS-compatible server needs in front of its handlers.
//!
//! - [`OssAuthLayer`] authenticates every request as OSS does (Signature V1 or V4, header
//!   or presigned URL) with the caller's [`KeyLookup`](oss_sign::KeyLookup), hands the
//!   handler the signer's [`Identity`] and the [`RequestId`] in the request's extensions,
//!   and answers failures exactly as OSS does.
//! - [`ErrorResponse`] turns any [`oss_errors::Error`] into OSS's response: status, XML
//!   document, `x-oss-request-id`, `x-oss-ec` (and `x-oss-err` for HEAD).
//! - [`PostObject`] judges a browser upload form (V1 and V4 signatures, policy).
//! - [`CallbackKeys`] verifies OSS's upload callbacks in an application server, with the
//!   public keys fetched by the caller and cached.
//!
//! ```
//! use http_body_util::Full;
//! use oss_tower::{AuthSettings, Identity, KeyStore, OssAuthLayer};
//! use tower::{ServiceBuilder, ServiceExt, service_fn};
//!
//! # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
//! let keys = KeyStore::new().with_key("AKID", "secret");
//! let service = ServiceBuilder::new()
//!     .layer(OssAuthLayer::new(AuthSettings::new(keys).with_regions(["cn-hangzhou"])))
//!     .service(service_fn(|request: http::Request<()>| async move {
//!         let who = request.extensions().get::<Identity>().and_then(Identity::access_key_id);
//!         Ok::<_, core::convert::Infallible>(http::Response::new(Full::from(format!("hello {who:?}"))))
//!     }));
//! // An unsigned request is refused with OSS's AccessDenied document.
//! let response = service.oneshot(http::Request::get("/bucket/key").body(()).unwrap()).await.unwrap();
//! assert_eq!(response.status(), 403);
//! assert!(response.headers().contains_key("x-oss-request-id"));
//! # });
//! ```

extern crate alloc;

mod addressing;
mod body;
mod callback;
mod close;
mod details;
mod error_response;
mod identity;
mod key_store;
mod layer;
mod post;
mod request_id;

pub use addressing::{BucketResolver, PathStyle, VirtualHosts, host_name};
pub use body::ResponseBody;
pub use callback::{CallbackKeys, CallbackRejection};
pub use close::close_unread;
pub use error_response::{EC_HEADER, ERR_HEADER, ErrorResponse};
pub use identity::Identity;
pub use key_store::KeyStore;
pub use layer::{AuthSettings, OssAuth, OssAuthLayer, ResponseFuture};
pub use post::{CheckedPost, PostObject, PostRejection, StreamRejection, StreamedPost};
pub use request_id::{REQUEST_ID_HEADER, RequestId};
