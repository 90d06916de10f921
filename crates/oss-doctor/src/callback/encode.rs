//! `callback encode`: build x-oss-callback (and x-oss-callback-var) values.

use oss_core::callback::{CallbackConfig, CallbackVars, Pairs, check_additional_header};
use serde_json::json;

use super::parse_body_type;
use crate::report::{self, Outcome, Output};

/// Arguments of `callback encode`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// callbackUrl: one to five URLs separated by `;`.
    #[arg(long)]
    url: String,
    /// callbackBody: the body template, e.g. `bucket=${bucket}&object=${object}`.
    #[arg(long)]
    body: String,
    /// callbackHost: the Host header OSS sends.
    #[arg(long)]
    host: Option<String>,
    /// callbackBodyType: `form`, `json`, or the media type.
    #[arg(long, value_parser = parse_body_type)]
    body_type: Option<oss_core::callback::BodyType>,
    /// callbackSNI.
    #[arg(long)]
    sni: Option<bool>,
    /// callbackPolicy: a bucket callback policy name.
    #[arg(long)]
    policy: Option<String>,
    /// An additionalHeaders entry, `name: value` (repeatable).
    #[arg(long = "header", value_parser = parse_header)]
    headers: Vec<(String, String)>,
    /// A custom variable, `x:name=value` (repeatable); also builds x-oss-callback-var.
    #[arg(long = "var", value_parser = parse_var)]
    vars: Vec<(String, String)>,
    /// Print one JSON document.
    #[arg(long)]
    json: bool,
}

fn parse_header(value: &str) -> Result<(String, String), String> {
    let (name, value) = value.split_once(':').ok_or("expected `name: value`")?;
    Ok((name.trim().to_owned(), value.trim().to_owned()))
}

fn parse_var(value: &str) -> Result<(String, String), String> {
    let (name, value) = value.split_once('=').ok_or("expected `x:name=value`")?;
    Ok((name.to_owned(), value.to_owned()))
}

/// Runs `callback encode`.
pub(crate) fn run(args: &Args) -> Outcome {
    let headers: Vec<(&str, &str)> = args
        .headers
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let mut config = CallbackConfig::new(&args.url, &args.body);
    config.host = args.host.as_deref();
    config.body_type = args.body_type;
    config.sni = args.sni;
    config.policy = args.policy.as_deref();
    if let Some((name, value, err)) = headers.iter().find_map(|&(name, value)| {
        check_additional_header(name, value)
            .err()
            .map(|err| (name, value, err))
    }) {
        return report::rejected_value(
            args.json,
            &err,
            &format!("--header {name:?}: {value:?}"),
            "an additionalHeaders name is lowercase letters, digits and '-' only and does not \
             start with x-oss-; its value has no CR or LF",
        );
    }
    config.additional_headers = (!headers.is_empty()).then(|| Pairs::from_slice(&headers));
    let callback = match config.encode() {
        Ok(value) => value,
        Err(err) => return report::rejected(args.json, &err),
    };
    let pairs: Vec<(&str, &str)> = args
        .vars
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let callback_var = match (!pairs.is_empty())
        .then(|| CallbackVars::from_slice(&pairs).encode())
        .transpose()
    {
        Ok(value) => value,
        Err(err) => return report::rejected(args.json, &err),
    };
    let mut config_text = String::new();
    // Writing into a String cannot fail.
    let _ = config.write_json(&mut config_text);
    Outcome::Ok(Output::choose(
        args.json,
        || json!({ "callback": callback, "callback_var": callback_var, "callback_json": config_text }),
        || {
            let mut text = format!("x-oss-callback: {callback}\n");
            if let Some(var) = &callback_var {
                text.push_str(&format!("x-oss-callback-var: {var}\n"));
            }
            text.push_str(&format!("# JSON: {config_text}\n"));
            text
        },
    ))
}
