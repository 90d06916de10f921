//! Upload callbacks: after storing an object, OSS POSTs the callback to the application
//! server, signed with its RSA key, and answers the uploader with that server's reply, or
//! with 203 CallbackFailed when the callback fails (the object stays stored).
//!
//! One deliberate difference from OSS: callback URLs on private addresses (127.0.0.1,
//! where a test's callback server listens) are allowed.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use http::StatusCode;
use http::request::Parts;
use md5::Md5;
use oss_core::callback::verify::{split_target, string_to_sign};
use oss_core::callback::{
    CallbackConfig, CallbackVars, DecodeBuffer, Limits, RenderedBody, UploadInfo, connect_failed,
    pick_callback, pick_callback_var,
};
use oss_core::errors::{Entry, Error};
use rsa::pkcs1v15::SigningKey;
use rsa::signature::{SignatureEncoding as _, Signer as _};

use super::Emulator;
use super::respond::{self, Ctx, Reply, set_object_digests};
use super::store::Meta;
use super::target::Target;
use crate::callback::send::{Failure, Outgoing, exchange, parse_target};

/// The callback variables: the base64 `x-oss-callback-var` (or `callback-var`), or the
/// `x:` fields of a PostObject form.
#[derive(Debug)]
pub(crate) enum Vars {
    None,
    Encoded(String),
    Fields(Vec<(String, String)>),
}

/// A callback an upload asked for, checked before the upload is stored.
#[derive(Debug)]
pub(crate) struct Requested {
    config: String,
    vars: Vars,
}

/// The signing side: the key, and the key's URL as `x-oss-pub-key-url` carries it.
#[derive(Debug)]
pub(crate) struct CallbackSigner {
    pub(crate) key: SigningKey<Md5>,
    pub(crate) pub_key_url: String,
}

/// Checks a configuration and its variables as OSS does before storing anything.
fn check(config: &str, vars: &Vars) -> Result<(), Error> {
    let mut buf = DecodeBuffer::new();
    let decoded =
        CallbackConfig::decode_unvalidated(config.as_bytes(), &mut buf, &Limits::DEFAULT)?;
    match decoded.validate() {
        Err(error) if error.entry() != Entry::CallbackPrivateAddress => return Err(error),
        _ => {}
    }
    if let Vars::Encoded(value) = vars {
        CallbackVars::decode(value.as_bytes(), &mut DecodeBuffer::new())?;
    }
    Ok(())
}

/// The callback of a PutObject or CompleteMultipartUpload request, if it has one.
///
/// # Errors
/// OSS's InvalidArgument errors for the configuration or the variables.
pub(crate) fn from_request(parts: &Parts, target: &Target) -> Result<Option<Requested>, Error> {
    let header = |name| {
        parts
            .headers
            .get(name)
            .and_then(|value| value.to_str().ok())
    };
    let Some(config) = pick_callback(header("x-oss-callback"), target.param("callback"))? else {
        return Ok(None);
    };
    let vars = pick_callback_var(header("x-oss-callback-var"), target.param("callback-var"))?
        .map_or(Vars::None, |value| Vars::Encoded(value.to_owned()));
    check(config, &vars)?;
    Ok(Some(Requested {
        config: config.to_owned(),
        vars,
    }))
}

/// The callback of a PostObject form (`callback` field, `x:` fields as variables).
///
/// # Errors
/// As [`from_request`].
pub(crate) fn from_form<'f>(
    mut fields: impl Iterator<Item = (&'f [u8], &'f [u8])>,
) -> Result<Option<Requested>, Error> {
    let mut config = None;
    let mut vars = Vec::new();
    for (name, value) in fields.by_ref() {
        let (name, value) = (
            String::from_utf8_lossy(name),
            String::from_utf8_lossy(value),
        );
        if name.eq_ignore_ascii_case("callback") {
            config = Some(value.into_owned());
        } else if name.starts_with("x:") {
            vars.push((name.into_owned(), value.into_owned()));
        }
    }
    let Some(config) = config else {
        return Ok(None);
    };
    let vars = Vars::Fields(vars);
    check(&config, &vars)?;
    Ok(Some(Requested { config, vars }))
}

/// Sends `requested` for the stored object `meta` and answers the uploader.
pub(crate) async fn answer(
    emu: &alloc::sync::Arc<Emulator>,
    ctx: &Ctx<'_>,
    requested: Requested,
    bucket: &str,
    meta: &Meta,
    operation: &'static str,
) -> Reply {
    let (emulator, bucket, meta_owned) = (
        alloc::sync::Arc::clone(emu),
        bucket.to_owned(),
        meta.clone(),
    );
    let request_id = ctx.request_id.as_str().to_owned();
    let sent = tokio::task::spawn_blocking(move || {
        send(
            &emulator,
            &requested,
            &bucket,
            &meta_owned,
            operation,
            &request_id,
        )
    })
    .await
    .unwrap_or_else(|_| Err(connect_failed()));
    let mut reply = match sent {
        Ok(body) => respond::body(StatusCode::OK, "application/json", body),
        Err(error) => ctx.error(error),
    };
    set_object_digests(&mut reply, &meta.etag, meta.crc64);
    reply
}

/// Renders, signs and sends the callback; the reply's body when OSS would accept it.
fn send(
    emu: &Emulator,
    requested: &Requested,
    bucket: &str,
    meta: &Meta,
    operation: &str,
    request_id: &str,
) -> Result<Vec<u8>, Error> {
    let limits = Limits::DEFAULT;
    let mut buf = DecodeBuffer::new();
    let config =
        CallbackConfig::decode_unvalidated(requested.config.as_bytes(), &mut buf, &limits)?;
    let mut var_buf = DecodeBuffer::new();
    let pairs: Vec<(&str, &str)>;
    let vars = match &requested.vars {
        Vars::None => CallbackVars::EMPTY,
        Vars::Encoded(value) => CallbackVars::decode(value.as_bytes(), &mut var_buf)?,
        Vars::Fields(fields) => {
            pairs = fields
                .iter()
                .map(|(name, value)| (name.as_str(), value.as_str()))
                .collect();
            CallbackVars::from_slice(&pairs)
        }
    };
    let mut info = UploadInfo::new();
    info.bucket = Some(bucket);
    info.object = Some(&meta.key);
    info.etag = Some(&meta.etag);
    info.size = Some(meta.size);
    info.mime_type = Some(&meta.content_type);
    info.crc64 = Some(meta.crc64);
    info.req_id = Some(request_id);
    info.operation = Some(operation);
    let body_type = config.effective_body_type();
    let body = RenderedBody::new(config.body, body_type, &info, vars)?.to_string();
    let mut failure = connect_failed();
    for url in config.urls() {
        let Ok(target) = parse_target(url) else {
            continue;
        };
        let (path, query) = split_target(&target.path);
        let signature = emu
            .callback
            .key
            .sign(&string_to_sign(path, query, body.as_bytes()));
        let authorization = STANDARD.encode(signature.to_bytes());
        let outgoing = Outgoing {
            host: config.host,
            content_type: body_type.as_str(),
            body: &body,
            authorization: &authorization,
            pub_key_url: &emu.callback.pub_key_url,
            user_agent: "oss-doctor-emulate",
        };
        match exchange(&target, &outgoing, &limits) {
            Ok(exchange) => {
                exchange.reply().check_with(&limits)?;
                return Ok(exchange.body);
            }
            // The next URL is tried only when this one could not be reached.
            Err(Failure::Timeout) => failure = Entry::CallbackTimeout.into(),
            Err(Failure::Oss(error)) => failure = error,
        }
    }
    Err(failure)
}
