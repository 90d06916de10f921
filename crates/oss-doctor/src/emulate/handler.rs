//! Routing a request to the operation it asks for.

use alloc::sync::Arc;
use core::convert::Infallible;

use http::request::Parts;
use http::{Method, Request, StatusCode};
use hyper::body::Incoming;
use oss_core::errors::Entry;
use oss_core::naming::{check_bucket_name, check_object_name};
use oss_core::sign::v4::PRESIGN_PARAMS;
use oss_core::sign::{SECURITY_TOKEN_PARAM, is_signed};
use oss_tower::{Identity, RequestId, close_unread};

use super::object::{self, Object};
use super::respond::{self, Ctx, Reply};
use super::target::Target;
use super::{Emulator, PUBLIC_KEY_PATH, list, multipart, post};

/// Query parameters that the emulated operations read (or that only shape the response).
const UNDERSTOOD: &[&str] = &[
    "list-type",
    "continuation-token",
    "start-after",
    "fetch-owner",
    "encoding-type",
    "objectMeta",
    "uploads",
    "uploadId",
    "partNumber",
    "append",
    "position",
    "response-content-type",
    "response-content-language",
    "response-expires",
    "response-cache-control",
    "response-content-disposition",
    "response-content-encoding",
];

/// Answers one request the authentication layer let through.
pub(crate) async fn handle(
    emu: &Arc<Emulator>,
    request: Request<Incoming>,
) -> Result<Reply, Infallible> {
    let (parts, body) = request.into_parts();
    let mut reply = route(emu, &parts, body).await;
    // A refusal may come before the body was read (or with part of it unread).
    if reply.status().as_u16() >= 300 {
        close_unread(&parts, reply.headers_mut());
    }
    Ok(reply)
}

/// The operation `parts` asks for, and its answer.
async fn route(emu: &Arc<Emulator>, parts: &Parts, body: Incoming) -> Reply {
    let request_id = parts
        .extensions
        .get::<RequestId>()
        .copied()
        .unwrap_or_else(RequestId::next);
    let ctx = Ctx {
        request_id,
        method: &parts.method,
        host_id: &emu.host_id,
    };
    if parts.method == Method::GET && parts.uri.path() == PUBLIC_KEY_PATH {
        return respond::body(
            StatusCode::OK,
            "application/x-pem-file",
            emu.public_key_pem.clone(),
        );
    }
    let target = match Target::of(parts, &emu.resolver) {
        Ok(target) => target,
        Err(error) => return ctx.error(error),
    };
    let Some(bucket) = target.bucket.as_deref() else {
        return ctx.error(Entry::NotImplemented);
    };
    if let Err(error) = check_bucket_name(bucket) {
        return ctx.error(error);
    }
    if !emu.store.has_bucket(bucket) {
        return ctx.error(Entry::NoSuchBucket);
    }
    // A subresource the emulator does not implement is refused, never half-served.
    let unknown = target
        .names()
        .filter(|name| !UNDERSTOOD.contains(name) && !PRESIGN_PARAMS.contains(name))
        .any(|name| name != SECURITY_TOKEN_PARAM && is_signed(name.as_bytes()));
    if unknown || parts.headers.contains_key("x-oss-copy-source") {
        return ctx.error(Entry::NotImplemented);
    }
    let anonymous = parts
        .extensions
        .get::<Identity>()
        .is_none_or(Identity::is_anonymous);
    let is_post_object = parts.method == Method::POST && target.key.is_empty();
    if anonymous && !is_post_object {
        // The emulator's buckets are private.
        return ctx.error(Entry::AccessDenied);
    }
    if target.key.is_empty() {
        return match parts.method {
            Method::GET if target.param("list-type") == Some("2") => {
                list::list(emu, &ctx, bucket, &target)
            }
            Method::POST => post::post(emu, &ctx, parts, body, bucket).await,
            _ => ctx.error(Entry::NotImplemented),
        };
    }
    if let Err(error) = check_object_name(&target.key) {
        return ctx.error(error);
    }
    let object = Object {
        bucket,
        key: &target.key,
    };
    let has = |name| target.param(name).is_some();
    // The multipart and append parameters name an operation only with their own method
    // (`GET ?uploadId=` is ListParts, which the emulator does not implement).
    let operation_params = ["uploadId", "uploads", "partNumber", "append", "position"];
    let meta = has("objectMeta");
    let plain = !meta && !operation_params.into_iter().any(has);
    match parts.method {
        Method::PUT if has("uploadId") && has("partNumber") => {
            multipart::upload_part(emu, &ctx, body, object, &target).await
        }
        Method::PUT if plain => object::put(emu, &ctx, parts, body, object, &target).await,
        Method::GET if plain => object::get(emu, &ctx, parts, object, &target, true),
        Method::HEAD if plain => object::get(emu, &ctx, parts, object, &target, false),
        // GetObjectMeta (what the SDKs' "does it exist" helpers send): HeadObject's answer.
        Method::HEAD if meta && !operation_params.into_iter().any(has) => {
            object::get(emu, &ctx, parts, object, &target, false)
        }
        Method::DELETE if has("uploadId") => multipart::abort(emu, &ctx, object, &target),
        Method::DELETE if plain => object::delete(emu, object),
        Method::POST if has("uploads") => multipart::initiate(emu, &ctx, parts, object, &target),
        Method::POST if has("uploadId") => {
            multipart::complete(emu, &ctx, parts, body, object, &target).await
        }
        Method::POST if has("append") => {
            object::append(emu, &ctx, parts, body, object, target.param("position")).await
        }
        _ => ctx.error(Entry::NotImplemented),
    }
}
