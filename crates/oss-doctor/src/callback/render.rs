//! `callback render`: the body OSS would POST to the callback server.

use oss_core::callback::{BodyType, CallbackVars, DecodeBuffer, RenderedBody, UploadInfo, is_json};
use serde_json::{Value, json};

use super::decode::rejected_with_text;
use super::{decode_config, lints_json, lints_text, parse_body_type};
use crate::report::{self, Outcome, Output};

/// Arguments of `callback render`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// An x-oss-callback value to take callbackBody and callbackBodyType from.
    #[arg(long, conflicts_with = "body", required_unless_present = "body")]
    callback: Option<String>,
    /// The body template itself (instead of --callback).
    #[arg(long)]
    body: Option<String>,
    /// Accept the old `$(name)` placeholder syntax, which OSS refused in the SDKs' live
    /// tests; it is copied as is and reported as a lint.
    #[arg(long, requires = "callback")]
    accept_old_syntax: bool,
    /// The body type with --body: `form` (default), `json`, or the media type.
    #[arg(long, value_parser = parse_body_type, requires = "body")]
    body_type: Option<BodyType>,
    /// An x-oss-callback-var value with the custom variables.
    #[arg(long)]
    callback_var: Option<String>,
    /// A custom variable `x:name=value` (repeatable; after those of --callback-var).
    #[arg(long = "var", value_parser = parse_var)]
    vars: Vec<(String, String)>,
    /// ${bucket}
    #[arg(long)]
    bucket: Option<String>,
    /// ${object}
    #[arg(long)]
    object: Option<String>,
    /// ${etag}
    #[arg(long)]
    etag: Option<String>,
    /// ${size}
    #[arg(long)]
    size: Option<u64>,
    /// ${mimeType}
    #[arg(long)]
    mime_type: Option<String>,
    /// ${imageInfo.height}
    #[arg(long)]
    image_height: Option<u64>,
    /// ${imageInfo.width}
    #[arg(long)]
    image_width: Option<u64>,
    /// ${imageInfo.format}
    #[arg(long)]
    image_format: Option<String>,
    /// ${crc64} (decimal)
    #[arg(long)]
    crc64: Option<u64>,
    /// ${contentMd5}
    #[arg(long)]
    content_md5: Option<String>,
    /// ${vpcId}
    #[arg(long)]
    vpc_id: Option<String>,
    /// ${clientIp}
    #[arg(long)]
    client_ip: Option<String>,
    /// ${reqId}
    #[arg(long)]
    req_id: Option<String>,
    /// ${operation}
    #[arg(long)]
    operation: Option<String>,
    /// Print one JSON document.
    #[arg(long)]
    json: bool,
}

fn parse_var(value: &str) -> Result<(String, String), String> {
    let (name, value) = value.split_once('=').ok_or("expected `x:name=value`")?;
    Ok((name.to_owned(), value.to_owned()))
}

impl Args {
    fn upload_info(&self) -> UploadInfo<'_> {
        let mut info = UploadInfo::new();
        info.bucket = self.bucket.as_deref();
        info.object = self.object.as_deref();
        info.etag = self.etag.as_deref();
        info.size = self.size;
        info.mime_type = self.mime_type.as_deref();
        info.image_height = self.image_height;
        info.image_width = self.image_width;
        info.image_format = self.image_format.as_deref();
        info.crc64 = self.crc64;
        info.content_md5 = self.content_md5.as_deref();
        info.vpc_id = self.vpc_id.as_deref();
        info.client_ip = self.client_ip.as_deref();
        info.req_id = self.req_id.as_deref();
        info.operation = self.operation.as_deref();
        info
    }
}

/// Runs `callback render`.
pub(crate) fn run(args: &Args) -> Outcome {
    let mut buf = DecodeBuffer::new();
    let (template, body_type) = match (&args.callback, &args.body) {
        (Some(value), _) => match decode_config(value, &mut buf, args.accept_old_syntax) {
            Ok(config) => (config.body, config.effective_body_type()),
            Err(err) => return rejected_with_text(args.json, &err, value),
        },
        (None, Some(body)) => (body.as_str(), args.body_type.unwrap_or_default()),
        (None, None) => return Outcome::Usage("give --callback or --body".into()),
    };
    let mut var_buf = DecodeBuffer::new();
    let decoded_vars = match &args.callback_var {
        Some(value) => match CallbackVars::decode(value.trim().as_bytes(), &mut var_buf) {
            Ok(vars) => vars,
            Err(err) => return rejected_with_text(args.json, &err, value),
        },
        None => CallbackVars::EMPTY,
    };
    let mut pairs: Vec<(&str, &str)> = decoded_vars.iter().collect();
    pairs.extend(args.vars.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let vars = CallbackVars::from_slice(&pairs);
    if let Err(err) = vars.validate() {
        return report::rejected(args.json, &err);
    }
    let info = args.upload_info();
    let body = match RenderedBody::new(template, body_type, &info, vars) {
        Ok(body) => body,
        Err(err) => return report::rejected(args.json, &err),
    };
    let rendered = body.to_string();
    let mut lints = lints_json(body.lints());
    if body_type == BodyType::Json
        && !is_json(rendered.as_bytes())
        && let Value::Array(list) = &mut lints
    {
        list.push(json!({
                "kind": "invalid_json_body",
                "subject": "",
                "message": "the rendered body is not valid JSON; the callback server will likely fail to parse it",
            }));
    }
    if args.json {
        return Outcome::Ok(Output::Json(
            json!({ "valid": true, "content_type": body_type.as_str(), "body": rendered, "lints": lints }),
        ));
    }
    // The body alone on stdout (to pipe into a test request); the lints on stderr.
    let output = Output::Text(format!("Content-Type: {body_type}\n\n{rendered}\n"));
    let warnings = lints_text(&lints);
    if warnings.is_empty() {
        Outcome::Ok(output)
    } else {
        Outcome::Warned(output, warnings)
    }
}
