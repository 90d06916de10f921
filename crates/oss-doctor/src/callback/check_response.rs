//! `callback check-response`: judge a callback server's reply as OSS does.

use core::time::Duration;

use oss_core::callback::{CallbackReply, Limits};
use serde_json::json;

use crate::input;
use crate::report::{self, Outcome, Output};

/// Arguments of `callback check-response`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The HTTP status of the reply.
    #[arg(long)]
    status: u16,
    /// A reply header `Name: value` (repeatable); Content-Length is read from here.
    #[arg(long = "header")]
    headers: Vec<String>,
    /// The reply body: a file, or `-` for standard input.
    #[arg(long)]
    body: String,
    /// How long the reply took, in milliseconds.
    #[arg(long)]
    elapsed_ms: Option<u64>,
    /// The largest body accepted, in bytes (the seeds say 1 MB; an older page says 3 MB).
    #[arg(long)]
    max_body: Option<u64>,
    /// Print one JSON document.
    #[arg(long)]
    json: bool,
}

/// The value of the first `Content-Length` among `Name: value` headers.
pub(super) fn content_length<'h>(
    headers: impl IntoIterator<Item = (&'h str, &'h str)>,
) -> Option<&'h str> {
    headers
        .into_iter()
        .find(|(name, _)| name.trim().eq_ignore_ascii_case("content-length"))
        .map(|(_, v)| v.trim())
}

/// Runs `callback check-response`.
pub(crate) fn run(args: &Args) -> Outcome {
    let body = match input::read_all(&args.body) {
        Ok(body) => body,
        Err(message) => return Outcome::Usage(message),
    };
    let mut headers = Vec::new();
    for header in &args.headers {
        match header.split_once(':') {
            Some(pair) => headers.push(pair),
            None => return Outcome::Usage(format!("header {header:?} is not `Name: value`")),
        }
    }
    let mut reply = CallbackReply::new(args.status, &body);
    if let Some(length) = content_length(headers.iter().copied()) {
        reply = reply.with_content_length(length.as_bytes());
    }
    if let Some(ms) = args.elapsed_ms {
        reply = reply.with_elapsed(Duration::from_millis(ms));
    }
    let mut limits = Limits::DEFAULT;
    if let Some(max) = args.max_body {
        limits = limits.with_max_response_body(max);
    }
    let read = reply.read_body().len();
    let declared = content_length(headers.iter().copied()).and_then(|v| v.parse::<u64>().ok());
    let cut = if read < body.len() {
        Some(format!(
            "Content-Length is {read} but the body has {} bytes: OSS reads {read} bytes and judges those",
            body.len()
        ))
    } else {
        declared.filter(|&n| n > body.len() as u64).map(|n| {
            format!(
                "Content-Length is {n} but the body has {} bytes: OSS would wait for the rest and may time out; the body given is judged whole",
                body.len()
            )
        })
    };
    let outcome = match reply.check_with(&limits) {
        Ok(()) => Outcome::Ok(Output::choose(
            args.json,
            || json!({ "valid": true }),
            || "valid: OSS would accept this reply and pass its body to the uploader\n".into(),
        )),
        Err(err) => report::rejected(args.json, &err),
    };
    match cut {
        Some(note) => with_read_note(outcome, read, body.len(), &note),
        None => outcome,
    }
}

/// Adds what OSS read of a body longer than its Content-Length to the output.
fn with_read_note(outcome: Outcome, read: usize, sent: usize, note: &str) -> Outcome {
    let annotate = |output: Output| match output {
        Output::Json(mut doc) => {
            doc["read_bytes"] = json!(read);
            doc["body_bytes"] = json!(sent);
            doc["note"] = json!(note);
            Output::Json(doc)
        }
        Output::Text(text) => Output::Text(format!("{text}note: {note}\n")),
    };
    match outcome {
        Outcome::Ok(output) => Outcome::Ok(annotate(output)),
        Outcome::Rejected(output) => Outcome::Rejected(annotate(output)),
        other => other,
    }
}
