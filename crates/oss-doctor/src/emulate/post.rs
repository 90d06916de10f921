//! PostObject: a browser upload form posted to the bucket.

use std::fs::{self, File};
use std::io::Write as _;

use http::StatusCode;
use http::request::Parts;
use http_body_util::{LengthLimitError, Limited};
use hyper::body::Incoming;
use md5::{Digest as _, Md5};
use oss_core::crc64::Crc64;
use oss_core::errors::Entry;
use oss_core::multipart::{MAX_POST_BODY_SIZE, PostCheck, PostSignature};
use oss_core::naming::{Timestamp, check_object_name};
use oss_tower::{PostObject, StreamRejection, StreamedPost};

use super::callback;
use super::object::{KEPT_HEADERS, Object, new_meta};
use super::receive::hex_upper;
use super::respond::{self, Ctx, Reply, set, set_object_digests};
use super::xml::XmlWriter;
use super::{Emulator, Upload};

/// PostObject on `bucket`.
pub(crate) async fn post(
    emu: &alloc::sync::Arc<Emulator>,
    ctx: &Ctx<'_>,
    parts: &Parts,
    body: Incoming,
    bucket: &str,
) -> Reply {
    let form = match PostObject::from_parts(parts) {
        Ok(form) => form,
        Err(error) => return ctx.error(error),
    };
    let Some(now) = Timestamp::now() else {
        return respond::internal(ctx);
    };
    let regions: Vec<&str> = emu.regions.iter().map(String::as_str).collect();
    let check = PostCheck::new(now)
        .with_keys(&emu.keys)
        .with_regions(&regions)
        .with_bucket(bucket.as_bytes());
    // The file goes to a temporary file as it arrives; only the fields are held.
    let limit = usize::try_from(MAX_POST_BODY_SIZE).unwrap_or(usize::MAX);
    let temp = emu.store.temp_path();
    let Ok(mut out) = File::create(&temp) else {
        return respond::internal(ctx);
    };
    let (mut md5, mut crc, mut written) = (Md5::new(), Crc64::new(), true);
    let streamed = form
        .check_streaming(Limited::new(body, limit), &check, |data| {
            md5.update(data);
            crc.update(data);
            written &= out.write_all(data).is_ok();
            Ok(())
        })
        .await;
    drop(out);
    let streamed = match streamed {
        Ok(streamed) if written => streamed,
        Err(StreamRejection::Body(error)) if error.is::<LengthLimitError>() => {
            let _ = fs::remove_file(&temp);
            return ctx.error(Entry::UploadTooLarge);
        }
        Err(StreamRejection::Refused(rejection)) => {
            let _ = fs::remove_file(&temp);
            let message = rejection.message.unwrap_or_default();
            return if message.is_empty() {
                ctx.error(rejection.error)
            } else {
                oss_tower::ErrorResponse::new(rejection.error, ctx.request_id.as_str(), ctx.host_id)
                    .with_message(&message)
                    .into_response(ctx.method)
            };
        }
        Ok(_) | Err(_) => {
            let _ = fs::remove_file(&temp);
            return respond::internal(ctx);
        }
    };
    let reply = store_posted(
        emu,
        ctx,
        bucket,
        &streamed,
        &temp,
        hex_upper(&md5.finalize()),
        crc.finish(),
    )
    .await;
    let _ = fs::remove_file(&temp);
    reply
}

/// Stores a form that passed, its file already in `temp`, and answers as OSS does.
async fn store_posted(
    emu: &alloc::sync::Arc<Emulator>,
    ctx: &Ctx<'_>,
    bucket: &str,
    streamed: &StreamedPost,
    temp: &std::path::Path,
    etag: String,
    crc64: u64,
) -> Reply {
    let Ok(form) = streamed.form() else {
        return respond::internal(ctx);
    };
    if streamed.verdict().signature == PostSignature::Anonymous {
        // The emulator's buckets are private.
        return ctx.error(Entry::AccessDenied);
    }
    let file = form.file();
    let key_template = String::from_utf8_lossy(form.field(b"key").unwrap_or_default());
    let filename = file
        .filename
        .map(|name| String::from_utf8_lossy(name).into_owned())
        .unwrap_or_default();
    let key = key_template.replace("${filename}", &filename);
    if let Err(error) = check_object_name(&key) {
        return ctx.error(error);
    }
    let callback = match callback::from_form(form.fields()) {
        Ok(callback) => callback,
        Err(error) => return ctx.error(error),
    };
    let object = Object { bucket, key: &key };
    let content_type = form
        .field(b"Content-Type")
        .or(file.content_type)
        .map_or_else(
            || "application/octet-stream".to_owned(),
            |text| String::from_utf8_lossy(text).into_owned(),
        );
    let user_meta = form
        .fields()
        .filter(|(name, _)| {
            let name = String::from_utf8_lossy(name).to_ascii_lowercase();
            name.starts_with("x-oss-meta-") || KEPT_HEADERS.contains(&name.as_str())
        })
        .map(|(name, value)| {
            (
                String::from_utf8_lossy(name).to_ascii_lowercase(),
                String::from_utf8_lossy(value).into_owned(),
            )
        })
        .collect();
    let description = Upload::describing(object, content_type, user_meta);
    let meta = new_meta(
        &key,
        &description,
        streamed.file_size(),
        etag,
        crc64,
        "Normal",
    );
    let Ok(meta) = emu.store.commit(bucket, meta, temp) else {
        return respond::internal(ctx);
    };
    if let Some(callback) = callback {
        return callback::answer(emu, ctx, callback, bucket, &meta, "PostObject").await;
    }
    let status = form.field(b"success_action_status");
    let mut reply = match status {
        Some(b"200") => respond::empty(StatusCode::OK),
        Some(b"201") => {
            let mut xml = XmlWriter::new("PostResponse");
            xml.element("Bucket", bucket);
            xml.element("Location", &format!("http://{}/{}", ctx.host_id, key));
            xml.element("Key", &key);
            xml.element("ETag", &format!("\"{}\"", meta.etag));
            let mut reply = respond::xml(xml.finish("PostResponse"));
            *reply.status_mut() = StatusCode::CREATED;
            reply
        }
        _ => respond::empty(StatusCode::NO_CONTENT),
    };
    set_object_digests(&mut reply, &meta.etag, meta.crc64);
    set(
        &mut reply,
        "location",
        &format!("http://{}/{}", ctx.host_id, key),
    );
    reply
}
