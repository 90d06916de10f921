//! `callback decode <B64>`: decode and check an x-oss-callback value.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use oss_core::callback::{BodyType, CallbackVars, DecodeBuffer, Lint, RenderedBody, UploadInfo};
use oss_core::errors::{Entry, Error};
use serde_json::{Value, json};

use super::{decode_config, lints_json, lints_text, url_json};
use crate::report::{self, Outcome, Output};

/// Arguments of `callback decode`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The x-oss-callback value (base64 of the callback JSON).
    value: String,
    /// Accept the old `$(name)` placeholder syntax, which OSS refused in the SDKs' live
    /// tests; it is copied as is and reported as a lint.
    #[arg(long)]
    accept_old_syntax: bool,
    /// Print one JSON document.
    #[arg(long)]
    json: bool,
}

/// A rejection that also shows the decoded text when there is one, as OSS's
/// `<ArgumentValue>` does, so unescaped quotes are easy to spot.
pub(super) fn rejected_with_text(json: bool, err: &Error, value: &str) -> Outcome {
    let decoded = STANDARD
        .decode(value.trim())
        .ok()
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned());
    let show = matches!(
        err.entry(),
        Entry::CallbackNotJson | Entry::CallbackVarNotJson
    ) && decoded.is_some();
    Outcome::Rejected(Output::choose(
        json,
        || {
            let mut map = report::rejection_json(err);
            if show {
                map.insert("decoded".into(), json!(decoded));
            }
            Value::Object(map)
        },
        || {
            let mut text = report::rejection_text(err);
            if let (true, Some(decoded)) = (show, &decoded) {
                text.push_str(&format!("  decoded: {decoded}\n"));
            }
            text
        },
    ))
}

/// Runs `callback decode`.
pub(crate) fn run(args: &Args) -> Outcome {
    let mut buf = DecodeBuffer::new();
    let config = match decode_config(&args.value, &mut buf, args.accept_old_syntax) {
        Ok(config) => config,
        Err(err) => return rejected_with_text(args.json, &err, &args.value),
    };
    // OSS refuses a malformed placeholder when it substitutes the body.
    let info = UploadInfo::new();
    let body = match RenderedBody::new(
        config.body,
        config.effective_body_type(),
        &info,
        CallbackVars::EMPTY,
    ) {
        Ok(body) => body,
        Err(err) => return report::rejected(args.json, &err),
    };
    // Without an upload every placeholder lacks a value; only the template's own mistakes count here.
    let lints = lints_json(
        body.lints()
            .filter(|lint| !matches!(lint, Lint::MissingValue(_))),
    );
    let urls: Vec<Value> = config.urls().map(url_json).collect();
    Outcome::Ok(Output::choose(
        args.json,
        || json!({ "valid": true, "config": config, "urls": urls, "lints": lints }),
        || {
            let mut text = String::from("valid callback\n");
            for url in config.urls() {
                text.push_str(&format!("  callbackUrl: {url}\n"));
            }
            if let Some(host) = config.host {
                text.push_str(&format!("  callbackHost: {host}\n"));
            }
            text.push_str(&format!("  callbackBody: {}\n", config.body));
            let body_type = config.effective_body_type();
            let default = if config.body_type.is_none() {
                " (default)"
            } else {
                ""
            };
            text.push_str(&format!("  callbackBodyType: {body_type}{default}\n"));
            if let Some(sni) = config.sni {
                text.push_str(&format!("  callbackSNI: {sni}\n"));
            }
            if let Some(policy) = config.policy {
                text.push_str(&format!("  callbackPolicy: {policy}\n"));
            }
            for (name, value) in config.additional_headers.iter().flat_map(|h| h.iter()) {
                text.push_str(&format!("  additionalHeaders: {name}: {value}\n"));
            }
            if body_type == BodyType::Json {
                text.push_str("  note: JSON bodies get JSON values; write placeholders unquoted, e.g. {\"size\":${size}}\n");
            }
            text.push_str(&lints_text(&lints));
            text
        },
    ))
}
