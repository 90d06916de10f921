//! `callback probe URL`: send a sample callback the way OSS does (POST, Content-Type,
//! Content-Length, the signature headers, a 5-second limit) and judge the reply with OSS's
//! rules, printing the CallbackFailed message OSS would return.
//!
//! OSS itself refuses private and loopback addresses; the probe warns about them but sends
//! anyway, so a server on this machine can be tested. Only `http://` is spoken.

use oss_core::callback::{
    BodyType, CallbackConfig, CallbackUrl, CallbackVars, DecodeBuffer, Limits, RenderedBody,
    UploadInfo,
};
use oss_core::errors::Entry;
use serde_json::{Value, json};

use super::decode::rejected_with_text;
use super::parse_body_type;
use super::send::{Failure, Outgoing, exchange, parse_target};
use crate::report::{self, Outcome, Output};

/// `x-oss-pub-key-url` as OSS sends it (base64 of its key URL).
const PUB_KEY_URL: &str =
    "aHR0cDovL2dvc3NwdWJsaWMuYWxpY2RuLmNvbS9jYWxsYmFja19wdWJfa2V5X3YxLnBlbQ==";
/// A well-formed signature that cannot verify: only OSS holds the private key.
const UNSIGNED: &str = "cHJvYmUgZnJvbSBvc3MtZG9jdG9yOyBub3Qgc2lnbmVkIGJ5IE9TUw==";

/// Arguments of `callback probe`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The callback URL to probe (`http://host[:port]/path`; the scheme may be left out).
    url: String,
    /// Take callbackBody and callbackBodyType from this x-oss-callback value.
    #[arg(long, conflicts_with = "body_type")]
    callback: Option<String>,
    /// Custom variables for --callback (an x-oss-callback-var value).
    #[arg(long, requires = "callback")]
    callback_var: Option<String>,
    /// The sample body's type: `form` (default) or `json`.
    #[arg(long, value_parser = parse_body_type)]
    body_type: Option<BodyType>,
    /// Print one JSON document.
    #[arg(long)]
    json: bool,
}

/// The sample upload the probe reports.
const SAMPLE: UploadInfo<'static> = UploadInfo::new()
    .with_bucket("examplebucket")
    .with_object("exampledir/exampleobject.txt")
    .with_etag("D8E8FCA2DC0F896FD7CB4CB0031BA249")
    .with_size(5)
    .with_mime_type("text/plain")
    .with_crc64(3_457_021_339_082_460_104)
    .with_client_ip("203.0.113.10")
    .with_req_id("5F1A2B3C4D5E6F708192A3B4")
    .with_operation("PutObject");

const FORM_TEMPLATE: &str =
    "bucket=${bucket}&object=${object}&etag=${etag}&size=${size}&mimeType=${mimeType}";
const JSON_TEMPLATE: &str = r#"{"bucket":${bucket},"object":${object},"etag":${etag},"size":${size},"mimeType":${mimeType}}"#;

fn sample_body(args: &Args) -> Result<(String, BodyType), Outcome> {
    let mut buf = DecodeBuffer::new();
    let mut var_buf = DecodeBuffer::new();
    let (template, body_type, vars) = match &args.callback {
        Some(value) => {
            let config = CallbackConfig::decode(value.trim().as_bytes(), &mut buf)
                .map_err(|err| rejected_with_text(args.json, &err, value))?;
            let vars = match &args.callback_var {
                Some(var) => CallbackVars::decode(var.trim().as_bytes(), &mut var_buf)
                    .map_err(|err| rejected_with_text(args.json, &err, var))?,
                None => CallbackVars::EMPTY,
            };
            (config.body, config.effective_body_type(), vars)
        }
        None => {
            let body_type = args.body_type.unwrap_or_default();
            let template = if body_type == BodyType::Json {
                JSON_TEMPLATE
            } else {
                FORM_TEMPLATE
            };
            (template, body_type, CallbackVars::EMPTY)
        }
    };
    let rendered = RenderedBody::new(template, body_type, &SAMPLE, vars)
        .map_err(|err| report::rejected(args.json, &err))?;
    Ok((rendered.to_string(), body_type))
}

/// Runs `callback probe`.
pub(crate) fn run(args: &Args) -> Outcome {
    let target = match parse_target(&args.url) {
        Ok(target) => target,
        Err(message) => return Outcome::Usage(message),
    };
    let (body, body_type) = match sample_body(args) {
        Ok(sample) => sample,
        Err(outcome) => return outcome,
    };
    let mut warnings = Vec::new();
    if let Err(err) = CallbackUrl::parse(&args.url) {
        warnings.push(format!(
            "OSS itself would refuse this callbackUrl ({err}); probing anyway"
        ));
    }
    warnings.push("the probe is not signed by OSS (only OSS has the private key): a server that verifies signatures answers 400".to_owned());

    let limits = Limits::DEFAULT;
    let outgoing = Outgoing {
        host: None,
        content_type: body_type.as_str(),
        body: &body,
        authorization: UNSIGNED,
        pub_key_url: PUB_KEY_URL,
        user_agent: "oss-doctor-callback-probe",
    };
    let result = exchange(&target, &outgoing, &limits);
    let request = json!({ "url": args.url, "content_type": body_type.as_str(), "body": body });
    let (verdict, reply) = match &result {
        Ok(exchange) => {
            let reply = exchange.reply();
            let shown: String = String::from_utf8_lossy(&exchange.body)
                .chars()
                .take(2000)
                .collect();
            let details = json!({
                "status": exchange.status,
                "content_length": exchange.content_length,
                "body": shown,
                "elapsed_ms": u64::try_from(exchange.elapsed.as_millis()).unwrap_or(u64::MAX),
            });
            (reply.check_with(&limits), Some(details))
        }
        Err(Failure::Timeout) => (Err(Entry::CallbackTimeout.into()), None),
        Err(Failure::Oss(err)) => (Err(*err), None),
    };
    let as_json = |valid_fields: serde_json::Map<String, Value>| {
        let mut map = valid_fields;
        map.insert("request".into(), request.clone());
        map.insert("reply".into(), reply.clone().unwrap_or(Value::Null));
        map.insert("warnings".into(), json!(warnings));
        Value::Object(map)
    };
    let text_tail = || {
        let mut text = String::new();
        if let Some(reply) = &reply {
            let length = reply["content_length"].as_str().unwrap_or("(none)");
            text.push_str(&format!(
                "  reply: HTTP {} in {} ms, Content-Length {length}\n  reply body: {}\n",
                reply["status"],
                reply["elapsed_ms"],
                reply["body"].as_str().unwrap_or_default()
            ));
        }
        for warning in &warnings {
            text.push_str(&format!("warning: {warning}\n"));
        }
        text
    };
    match verdict {
        Ok(()) => Outcome::Ok(Output::choose(
            args.json,
            || {
                as_json(serde_json::Map::from_iter([(
                    "valid".to_owned(),
                    json!(true),
                )]))
            },
            || format!("ok: OSS would accept this reply\n{}", text_tail()),
        )),
        Err(err) => Outcome::Rejected(Output::choose(
            args.json,
            || as_json(report::rejection_json(&err)),
            || {
                format!(
                    "OSS would answer HTTP {} {}: {err}\n{}",
                    err.status(),
                    err.code().as_str(),
                    text_tail()
                )
            },
        )),
    }
}
