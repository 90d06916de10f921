//! `callback decode-var <B64>`: decode and check an x-oss-callback-var value.

use oss_core::callback::{CallbackVars, DecodeBuffer};
use serde_json::json;

use super::decode::rejected_with_text;
use crate::report::{Outcome, Output};

/// Arguments of `callback decode-var`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The x-oss-callback-var value (base64 of a JSON object of `x:` variables).
    value: String,
    /// Print one JSON document.
    #[arg(long)]
    json: bool,
}

/// Runs `callback decode-var`.
pub(crate) fn run(args: &Args) -> Outcome {
    let mut buf = DecodeBuffer::new();
    let vars = match CallbackVars::decode(args.value.trim().as_bytes(), &mut buf) {
        Ok(vars) => vars,
        Err(err) => return rejected_with_text(args.json, &err, &args.value),
    };
    Outcome::Ok(Output::choose(
        args.json,
        || json!({ "valid": true, "vars": vars }),
        || {
            let mut text = String::from("valid callback-var\n");
            for (name, value) in vars.iter() {
                text.push_str(&format!("  {name} = {value}\n"));
            }
            text
        },
    ))
}
