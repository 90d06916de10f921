//! Multipart upload: InitiateMultipartUpload, UploadPart, CompleteMultipartUpload and
//! AbortMultipartUpload.

use alloc::sync::Arc;
use std::fs::{self, File};

use http::StatusCode;
use http::request::Parts;
use http_body_util::{BodyExt as _, Limited};
use hyper::body::Incoming;
use md5::{Digest as _, Md5};
use oss_core::errors::Entry;
use oss_core::multipart::{CompleteMultipartUpload, MAX_PART_SIZE, StoredPart, parse_part_number};
use oss_core::naming::percent;

use super::callback;
use super::object::{Object, described_by, new_meta};
use super::receive::{hex_upper, receive};
use super::respond::{self, Ctx, Reply, set_object_digests};
use super::store;
use super::target::Target;
use super::xml::XmlWriter;
use super::{Emulator, Upload};

/// The largest CompleteMultipartUpload body read (10000 parts of about 100 bytes each).
const MAX_COMPLETE_BODY: usize = 2 * 1024 * 1024;

/// The key as a result document writes it (`encoding-type=url` asks for it encoded).
fn key_text(key: &str, target: &Target) -> String {
    if target.param("encoding-type") == Some("url") {
        let mut out = String::new();
        let _ = percent::encode_path(key.as_bytes(), &mut out);
        out
    } else {
        key.to_owned()
    }
}

/// InitiateMultipartUpload (`POST ?uploads`).
pub(crate) fn initiate(
    emu: &Emulator,
    ctx: &Ctx<'_>,
    parts: &Parts,
    object: Object<'_>,
    target: &Target,
) -> Reply {
    let (content_type, user_meta) = described_by(parts);
    let Ok(id) = emu
        .store
        .start_upload(Upload::describing(object, content_type, user_meta))
    else {
        return respond::internal(ctx);
    };
    let mut xml = XmlWriter::new("InitiateMultipartUploadResult");
    xml.element("Bucket", object.bucket);
    xml.element("Key", &key_text(object.key, target));
    xml.element("UploadId", &id);
    if target.param("encoding-type") == Some("url") {
        xml.element("EncodingType", "url");
    }
    respond::xml(xml.finish("InitiateMultipartUploadResult"))
}

/// UploadPart (`PUT ?partNumber=N&uploadId=ID`).
pub(crate) async fn upload_part(
    emu: &Emulator,
    ctx: &Ctx<'_>,
    body: Incoming,
    object: Object<'_>,
    target: &Target,
) -> Reply {
    let id = target.param("uploadId").unwrap_or("");
    let number = match parse_part_number(target.param("partNumber").unwrap_or("").as_bytes()) {
        Ok(number) => number,
        Err(error) => return ctx.error(error),
    };
    if emu
        .store
        .with_upload(id, object.bucket, object.key, |_| ())
        .is_none()
    {
        return ctx.error(Entry::NoSuchUpload);
    }
    let path = emu.store.part_path(id);
    let received = match receive(body, &path, MAX_PART_SIZE).await {
        Ok(received) => received,
        Err(error) => {
            let _ = fs::remove_file(&path);
            return error.map_or_else(|| respond::internal(ctx), |error| ctx.error(error));
        }
    };
    let part = store::StoredPart {
        path,
        size: received.size,
        etag: received.etag(),
        crc64: received.crc64,
    };
    let (etag, crc64) = (part.etag.clone(), part.crc64);
    let replaced = emu
        .store
        .with_upload(id, object.bucket, object.key, |upload| {
            upload.parts.insert(number, part)
        });
    match replaced {
        // The upload was completed or aborted meanwhile.
        None => {
            let _ = fs::remove_file(&received.path);
            ctx.error(Entry::NoSuchUpload)
        }
        Some(old) => {
            if let Some(old) = old {
                let _ = fs::remove_file(old.path);
            }
            let mut reply = respond::empty(StatusCode::OK);
            set_object_digests(&mut reply, &etag, crc64);
            reply
        }
    }
}

/// CompleteMultipartUpload (`POST ?uploadId=ID`).
pub(crate) async fn complete(
    emu: &Arc<Emulator>,
    ctx: &Ctx<'_>,
    head: &Parts,
    body: Incoming,
    object: Object<'_>,
    target: &Target,
) -> Reply {
    let callback = match callback::from_request(head, target) {
        Ok(callback) => callback,
        Err(error) => return ctx.error(error),
    };
    let id = target.param("uploadId").unwrap_or("");
    let Some(parts) = emu
        .store
        .with_upload(id, object.bucket, object.key, |upload| upload.parts.clone())
    else {
        return ctx.error(Entry::NoSuchUpload);
    };
    let Ok(collected) = Limited::new(body, MAX_COMPLETE_BODY).collect().await else {
        return ctx.error(Entry::XmlMalformed);
    };
    let xml = collected.to_bytes();
    let listed = match CompleteMultipartUpload::parse(&xml) {
        Ok(listed) => listed,
        Err(error) => return ctx.error(error),
    };
    let completed = match listed.complete(|number| {
        parts
            .get(&number)
            .map(|part| StoredPart::new(part.etag.as_bytes(), part.size, part.crc64))
    }) {
        Ok(completed) => completed,
        Err(error) => return ctx.error(error),
    };
    let chosen: Vec<&store::StoredPart> = listed
        .parts()
        .filter_map(|part| parts.get(&part.number()))
        .collect();
    let temp = emu.store.temp_path();
    let Ok(etag) = concatenate(&chosen, &temp) else {
        let _ = fs::remove_file(&temp);
        return respond::internal(ctx);
    };
    let Some(upload) = emu.store.end_upload(id) else {
        let _ = fs::remove_file(&temp);
        return ctx.error(Entry::NoSuchUpload);
    };
    let meta = new_meta(
        object.key,
        &upload,
        completed.size,
        etag,
        completed.crc64,
        "Multipart",
    );
    let Ok(meta) = emu.store.commit(object.bucket, meta, &temp) else {
        return respond::internal(ctx);
    };
    emu.store.remove_upload_files(id);
    if let Some(callback) = callback {
        return callback::answer(
            emu,
            ctx,
            callback,
            object.bucket,
            &meta,
            "CompleteMultipartUpload",
        )
        .await;
    }
    let mut xml = XmlWriter::new("CompleteMultipartUploadResult");
    if target.param("encoding-type") == Some("url") {
        xml.element("EncodingType", "url");
    }
    xml.element(
        "Location",
        &format!("http://{}/{}", ctx.host_id, object.key),
    );
    xml.element("Bucket", object.bucket);
    xml.element("Key", &key_text(object.key, target));
    xml.element("ETag", &format!("\"{}\"", meta.etag));
    let mut reply = respond::xml(xml.finish("CompleteMultipartUploadResult"));
    set_object_digests(&mut reply, &meta.etag, meta.crc64);
    reply
}

/// Writes the parts one after another into `out` and returns the multipart ETag as OSS
/// computes it: the MD5 of the parts' ETags (upper-case hex text, concatenated), then `-`
/// and the number of parts. (S3 hashes the binary digests instead.)
fn concatenate(parts: &[&store::StoredPart], out: &std::path::Path) -> std::io::Result<String> {
    let mut file = File::create(out)?;
    let mut md5s = Md5::new();
    for part in parts {
        std::io::copy(&mut File::open(&part.path)?, &mut file)?;
        md5s.update(part.etag.as_bytes());
    }
    Ok(format!("{}-{}", hex_upper(&md5s.finalize()), parts.len()))
}

/// AbortMultipartUpload (`DELETE ?uploadId=ID`).
pub(crate) fn abort(emu: &Emulator, ctx: &Ctx<'_>, object: Object<'_>, target: &Target) -> Reply {
    let id = target.param("uploadId").unwrap_or("");
    if emu
        .store
        .with_upload(id, object.bucket, object.key, |_| ())
        .is_none()
    {
        return ctx.error(Entry::NoSuchUpload);
    }
    emu.store.end_upload(id);
    emu.store.remove_upload_files(id);
    respond::empty(StatusCode::NO_CONTENT)
}
