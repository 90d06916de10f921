//! `oss-doctor callback ...`: decode, build, render and check upload callbacks, verify their
//! signatures, and run or probe a callback server.

use oss_core::callback::{
    BodyType, CallbackConfig, CallbackUrl, DecodeBuffer, Host, Limits, Lint, Scheme,
};
use oss_core::errors::Error;
use serde_json::{Value, json};

use crate::report::Outcome;

mod check_response;
mod decode;
mod decode_var;
mod encode;
mod probe;
mod render;
pub(crate) mod send;
pub(crate) mod serve;
mod verify;

/// Arguments of `callback`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// Decode and check an x-oss-callback value (also the `callback` query parameter or form field).
    Decode(decode::Args),
    /// Decode and check an x-oss-callback-var value.
    DecodeVar(decode_var::Args),
    /// Build x-oss-callback (and x-oss-callback-var) values with correct JSON escaping.
    Encode(encode::Args),
    /// Render the body OSS would POST to the callback server.
    Render(Box<render::Args>),
    /// Judge a callback server's reply the way OSS does.
    CheckResponse(check_response::Args),
    /// Verify a callback request's signature (authorization + x-oss-pub-key-url).
    Verify(verify::Args),
    /// Run a callback server that verifies and logs every callback it receives.
    Serve(serve::Args),
    /// Send a sample callback to a server as OSS does and judge the reply.
    Probe(probe::Args),
}

/// Runs `callback`.
pub(crate) fn run(args: &Args) -> Outcome {
    match &args.command {
        Command::Decode(args) => decode::run(args),
        Command::DecodeVar(args) => decode_var::run(args),
        Command::Encode(args) => encode::run(args),
        Command::Render(args) => render::run(args),
        Command::CheckResponse(args) => check_response::run(args),
        Command::Verify(args) => verify::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Probe(args) => probe::run(args),
    }
}

/// The `callbackBodyType` names the CLI accepts: the two media types, or `form` / `json`.
fn parse_body_type(value: &str) -> Result<BodyType, String> {
    match value {
        "form" => Ok(BodyType::FormUrlEncoded),
        "json" => Ok(BodyType::Json),
        other => BodyType::parse(other).ok_or_else(|| {
            format!("unknown body type {other:?}: use form, json, or one of the two media types")
        }),
    }
}

/// A decoded configuration as JSON, with the callback's own field names.
/// Decodes an x-oss-callback value as OSS would; `accept_old_syntax` lets `$(name)`
/// placeholders through (see `Limits::with_old_syntax_accepted`).
fn decode_config<'a>(
    value: &str,
    buf: &'a mut DecodeBuffer,
    accept_old_syntax: bool,
) -> Result<CallbackConfig<'a>, Error> {
    let limits = Limits::DEFAULT.with_old_syntax_accepted(accept_old_syntax);
    CallbackConfig::decode_with(value.trim().as_bytes(), buf, &limits)
}

/// One callback URL, split into parts, as JSON.
fn url_json(url: &str) -> Value {
    match CallbackUrl::parse(url) {
        Ok(parsed) => json!({
            "url": url,
            "scheme": match parsed.scheme {
                Some(Scheme::Https) => "https",
                Some(Scheme::Http) | None => "http",
                Some(_) => "other",
            },
            "host": match parsed.host {
                Host::Name(name) => name.to_owned(),
                Host::Ipv4(ip) => ip.to_string(),
                _ => String::new(),
            },
            "port": parsed.port,
            "path": parsed.path_and_query,
        }),
        Err(err) => json!({ "url": url, "error": err.to_string() }),
    }
}

/// Lints as JSON objects: `{"kind", "subject", "message"}`.
fn lints_json<'a>(lints: impl Iterator<Item = Lint<'a>>) -> Value {
    Value::Array(
        lints
            .map(|lint| {
                let (kind, subject) = match lint {
                    Lint::UnusedVariable(s) => ("unused_variable", s),
                    Lint::MissingValue(s) => ("missing_value", s),
                    Lint::UnknownVariable(s) => ("unknown_variable", s),
                    Lint::OldSyntax(s) => ("old_syntax", s),
                    Lint::QuotedPlaceholder(s) => ("quoted_placeholder", s),
                    _ => ("other", ""),
                };
                json!({ "kind": kind, "subject": subject, "message": lint.to_string() })
            })
            .collect(),
    )
}

/// The text form of lints: one `warning:` line each.
fn lints_text(lints: &Value) -> String {
    lints
        .as_array()
        .into_iter()
        .flatten()
        .map(|lint| {
            format!(
                "warning: {}\n",
                lint["message"].as_str().unwrap_or_default()
            )
        })
        .collect()
}
