//! PutObject, GetObject (with Range), HeadObject, DeleteObject and AppendObject.

use alloc::sync::Arc;
use std::fs::{self, File};
use std::io::{Read as _, Seek as _, SeekFrom};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use http::StatusCode;
use http::request::Parts;
use hyper::body::Incoming;
use oss_core::crc64::combine;
use oss_core::errors::{Entry, Error};
use oss_core::multipart::{MAX_APPEND_OBJECT_SIZE, MAX_PUT_OBJECT_SIZE, check_append};
use oss_core::naming::{Timestamp, parse_decimal};

use super::callback;
use super::receive::{Received, hex_upper, receive};
use super::respond::{self, Ctx, Reply, set, set_object_digests};
use super::store::Meta;
use super::target::Target;
use super::{Emulator, Upload};

/// Where an object is going: its bucket and key.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Object<'a> {
    pub(crate) bucket: &'a str,
    pub(crate) key: &'a str,
}

/// The standard headers an object keeps and returns on GET and HEAD.
pub(crate) const KEPT_HEADERS: [&str; 5] = [
    "cache-control",
    "content-disposition",
    "content-encoding",
    "content-language",
    "expires",
];

/// The `Content-Type` and `x-oss-meta-*` headers of a request, as an object keeps them
/// (with the standard headers it keeps among the metadata).
pub(crate) fn described_by(parts: &Parts) -> (String, Vec<(String, String)>) {
    let content_type = parts
        .headers
        .get(http::header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("application/octet-stream")
        .to_owned();
    let user_meta = parts
        .headers
        .iter()
        .filter(|(name, _)| {
            name.as_str().starts_with("x-oss-meta-") || KEPT_HEADERS.contains(&name.as_str())
        })
        .filter_map(|(name, value)| {
            Some((name.as_str().to_owned(), value.to_str().ok()?.to_owned()))
        })
        .collect();
    (content_type, user_meta)
}

/// The metadata of a new object, before the store names its file.
pub(crate) fn new_meta(
    key: &str,
    upload: &Upload,
    size: u64,
    etag: String,
    crc64: u64,
    object_type: &str,
) -> Meta {
    Meta {
        key: key.to_owned(),
        file: String::new(),
        size,
        etag,
        crc64,
        content_type: upload.content_type.clone(),
        last_modified: Timestamp::now().map_or(0, Timestamp::unix_seconds),
        object_type: object_type.to_owned(),
        user_meta: upload.user_meta.clone(),
    }
}

/// Checks `Content-MD5` against the body received.
fn check_content_md5(parts: &Parts, received: &Received) -> Result<(), Error> {
    match parts.headers.get("content-md5") {
        Some(value) if value.as_bytes() != STANDARD.encode(received.md5).as_bytes() => {
            Err(Entry::ContentMd5Invalid.into())
        }
        _ => Ok(()),
    }
}

/// PutObject.
pub(crate) async fn put(
    emu: &Arc<Emulator>,
    ctx: &Ctx<'_>,
    parts: &Parts,
    body: Incoming,
    object: Object<'_>,
    target: &Target,
) -> Reply {
    let callback = match callback::from_request(parts, target) {
        Ok(callback) => callback,
        Err(error) => return ctx.error(error),
    };
    let temp = emu.store.temp_path();
    let received = match receive(body, &temp, MAX_PUT_OBJECT_SIZE).await {
        Ok(received) => received,
        Err(error) => {
            let _ = fs::remove_file(&temp);
            return error.map_or_else(|| respond::internal(ctx), |error| ctx.error(error));
        }
    };
    if let Err(error) = check_content_md5(parts, &received) {
        let _ = fs::remove_file(&temp);
        return ctx.error(error);
    }
    let (content_type, user_meta) = described_by(parts);
    let description = Upload::describing(object, content_type, user_meta);
    let meta = new_meta(
        object.key,
        &description,
        received.size,
        received.etag(),
        received.crc64,
        "Normal",
    );
    let Ok(meta) = emu.store.commit(object.bucket, meta, &temp) else {
        return respond::internal(ctx);
    };
    if let Some(callback) = callback {
        return callback::answer(emu, ctx, callback, object.bucket, &meta, "PutObject").await;
    }
    let mut reply = respond::empty(StatusCode::OK);
    set_object_digests(&mut reply, &meta.etag, meta.crc64);
    set(&mut reply, "content-md5", &STANDARD.encode(received.md5));
    reply
}

/// The headers an object's GET and HEAD carry.
fn object_headers(reply: &mut Reply, meta: &Meta) {
    set_object_digests(reply, &meta.etag, meta.crc64);
    set(reply, "content-type", &meta.content_type);
    if let Some(modified) = Timestamp::from_unix(meta.last_modified) {
        set(reply, "last-modified", &modified.rfc1123().to_string());
    }
    set(reply, "x-oss-object-type", &meta.object_type);
    set(reply, "x-oss-storage-class", "Standard");
    set(reply, "accept-ranges", "bytes");
    if meta.object_type == "Appendable" {
        set(reply, "x-oss-next-append-position", &meta.size.to_string());
    }
    for (name, value) in &meta.user_meta {
        if let (Ok(name), Ok(value)) = (
            http::HeaderName::from_bytes(name.as_bytes()),
            http::HeaderValue::from_str(value),
        ) {
            reply.headers_mut().insert(name, value);
        }
    }
}

/// The byte range a `Range: bytes=...` header asks for, or `None` for the whole object,
/// as OSS reads it: a malformed or multi-range header is ignored, and so (by default) is a
/// range the object cannot satisfy in full. With `standard` behaviour
/// (`x-oss-range-behavior: standard`) the end is clamped to the object, and `Err` means
/// 416 InvalidRange (the range starts past the end).
fn range(
    header: Option<&http::HeaderValue>,
    size: u64,
    standard: bool,
) -> Result<Option<(u64, u64)>, ()> {
    let Some(spec) = header
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim().strip_prefix("bytes="))
        .filter(|spec| !spec.contains(','))
    else {
        return Ok(None);
    };
    let Some((first, last)) = spec.split_once('-') else {
        return Ok(None);
    };
    let number = |text: &str| parse_decimal(text.trim().as_bytes());
    let end = size.checked_sub(1);
    let (first, last) = match (number(first), number(last), first.trim().is_empty()) {
        // `bytes=-N`: the last N bytes.
        (None, Some(suffix), true) if suffix > 0 => {
            if suffix > size && !standard {
                return Ok(None);
            }
            (size.saturating_sub(suffix), end.ok_or(())?)
        }
        // `bytes=N-`: from N to the end.
        (Some(first), None, _) if last.trim().is_empty() => (first, end.unwrap_or(0)),
        (Some(first), Some(last), _) if first <= last => match end {
            Some(end) if last <= end => (first, last),
            Some(end) if standard => (first, end),
            _ if standard => (first, last),
            _ => return Ok(None),
        },
        _ => return Ok(None),
    };
    if first >= size {
        return if standard { Err(()) } else { Ok(None) };
    }
    Ok(Some((first, last)))
}

/// Reads `len` bytes at `offset` of `file`.
fn read_at(mut file: File, offset: u64, len: u64) -> std::io::Result<Vec<u8>> {
    file.seek(SeekFrom::Start(offset))?;
    let mut data = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    file.take(len).read_to_end(&mut data)?;
    Ok(data)
}

/// GetObject and HeadObject.
pub(crate) fn get(
    emu: &Emulator,
    ctx: &Ctx<'_>,
    parts: &Parts,
    object: Object<'_>,
    target: &Target,
    with_body: bool,
) -> Reply {
    let Some((meta, file)) = emu.store.open_object(object.bucket, object.key) else {
        return ctx.error(Entry::NoSuchKey);
    };
    let standard = parts
        .headers
        .get("x-oss-range-behavior")
        .is_some_and(|value| value.as_bytes().eq_ignore_ascii_case(b"standard"));
    let asked = range(parts.headers.get(http::header::RANGE), meta.size, standard);
    let (status, first, len, range) = match asked {
        Ok(None) => (StatusCode::OK, 0, meta.size, None),
        Ok(Some((first, last))) => (
            StatusCode::PARTIAL_CONTENT,
            first,
            last - first + 1,
            Some((first, last)),
        ),
        Err(()) => return respond::range_not_satisfiable(ctx),
    };
    let data = if with_body {
        match read_at(file, first, len) {
            Ok(data) => data,
            Err(_) => return respond::internal(ctx),
        }
    } else {
        Vec::new()
    };
    let mut reply = respond::body(status, "application/octet-stream", data);
    object_headers(&mut reply, &meta);
    set(&mut reply, "content-length", &len.to_string());
    // `response-content-type=...` and its kin override the stored headers.
    for header in [
        "content-type",
        "content-language",
        "expires",
        "cache-control",
        "content-disposition",
        "content-encoding",
    ] {
        if let Some(value) = target.param(&format!("response-{header}")) {
            set(&mut reply, header, value);
        }
    }
    if let Some((first, last)) = range {
        set(
            &mut reply,
            "content-range",
            &format!("bytes {first}-{last}/{}", meta.size),
        );
    }
    reply
}

/// DeleteObject: 204 whether or not the object existed, as OSS answers.
pub(crate) fn delete(emu: &Emulator, object: Object<'_>) -> Reply {
    emu.store.delete(object.bucket, object.key);
    respond::empty(StatusCode::NO_CONTENT)
}

/// AppendObject (`POST ?append&position=N`).
pub(crate) async fn append(
    emu: &Emulator,
    ctx: &Ctx<'_>,
    parts: &Parts,
    body: Incoming,
    object: Object<'_>,
    position: Option<&str>,
) -> Reply {
    let Some(position) = position.and_then(|text| parse_decimal(text.as_bytes())) else {
        return ctx.error(Entry::ArgumentInvalid);
    };
    let temp = emu.store.temp_path();
    let received = match receive(body, &temp, MAX_APPEND_OBJECT_SIZE).await {
        Ok(received) => received,
        Err(error) => {
            let _ = fs::remove_file(&temp);
            return error.map_or_else(|| respond::internal(ctx), |error| ctx.error(error));
        }
    };
    let reply = append_received(emu, ctx, parts, object, position, &received);
    let _ = fs::remove_file(&temp);
    reply
}

fn append_received(
    emu: &Emulator,
    ctx: &Ctx<'_>,
    parts: &Parts,
    object: Object<'_>,
    position: u64,
    received: &Received,
) -> Reply {
    if let Err(error) = check_content_md5(parts, received) {
        return ctx.error(error);
    }
    // One append at a time, so two appends at the same position cannot both win.
    let _turn = emu
        .append_lock
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let current = emu.store.open_object(object.bucket, object.key);
    if let Some((meta, _)) = &current
        && meta.object_type != "Appendable"
    {
        return ctx.error(Entry::ObjectNotAppendable);
    }
    let length = current.as_ref().map(|(meta, _)| meta.size);
    let next = match check_append(position, length, received.size) {
        Ok(next) => next,
        Err(error) => {
            let mut reply = ctx.error(error);
            set(
                &mut reply,
                "x-oss-next-append-position",
                &length.unwrap_or(0).to_string(),
            );
            return reply;
        }
    };
    let whole = emu.store.temp_path();
    let written = (|| -> std::io::Result<()> {
        let mut out = File::create(&whole)?;
        if let Some((_, file)) = &current {
            std::io::copy(&mut &*file, &mut out)?;
        }
        std::io::copy(&mut File::open(&received.path)?, &mut out)?;
        Ok(())
    })();
    if written.is_err() {
        let _ = fs::remove_file(&whole);
        return respond::internal(ctx);
    }
    let (crc64, description) = match &current {
        Some((meta, _)) => (
            combine(meta.crc64, received.crc64, received.size),
            Upload::describing(object, meta.content_type.clone(), meta.user_meta.clone()),
        ),
        None => {
            let (content_type, user_meta) = described_by(parts);
            (
                received.crc64,
                Upload::describing(object, content_type, user_meta),
            )
        }
    };
    let etag = match md5_of_file(&whole) {
        Ok(md5) => hex_upper(&md5),
        Err(_) => return respond::internal(ctx),
    };
    let meta = new_meta(object.key, &description, next, etag, crc64, "Appendable");
    match emu.store.commit(object.bucket, meta, &whole) {
        Ok(meta) => {
            let mut reply = respond::empty(StatusCode::OK);
            set_object_digests(&mut reply, &meta.etag, meta.crc64);
            set(&mut reply, "x-oss-next-append-position", &next.to_string());
            reply
        }
        Err(_) => respond::internal(ctx),
    }
}

/// The MD5 of a file's contents.
pub(crate) fn md5_of_file(path: &std::path::Path) -> std::io::Result<[u8; 16]> {
    use md5::{Digest as _, Md5};
    let (mut md5, mut file) = (Md5::new(), File::open(path)?);
    let mut chunk = vec![0; 64 * 1024];
    loop {
        match file.read(&mut chunk)? {
            0 => return Ok(md5.finalize().into()),
            read => md5.update(&chunk[..read]),
        }
    }
}
