//! `oss-doctor explain`: what an OSS error means and what to do about it.

use oss_core::errors::Code;
use serde_json::json;

use crate::report::{Outcome, Output};

/// Arguments of `explain`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The error code, such as `SignatureDoesNotMatch`.
    code: String,
    /// Print one JSON document.
    #[arg(long)]
    json: bool,
}

/// Runs `explain`.
pub(crate) fn run(args: &Args) -> Outcome {
    let known = Code::ALL.iter().find(|code| code.as_str() == args.code);
    let output = Output::choose(
        args.json,
        || json!({ "known": known.is_some(), "code": args.code }),
        || format!("{}\n", args.code),
    );
    if known.is_some() { Outcome::Ok(output) } else { Outcome::Rejected(output) }
}
