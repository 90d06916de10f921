//! `oss-doctor multipart`: CompleteMultipartUpload bodies and part plans.

use oss_core::multipart::{CompleteMultipartUpload, MAX_PART_NUMBER, PartPlan};
use serde_json::json;

use crate::input;
use crate::report::{self, Outcome, Output};

/// Arguments of `multipart`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// Check a CompleteMultipartUpload XML body (`-` for standard input).
    CheckComplete {
        /// The XML body.
        file: String,
        /// Print one JSON document.
        #[arg(long)]
        json: bool,
    },
    /// Plan a multipart upload: a valid part size and count for an object size.
    Plan {
        /// The object's size: bytes, or with a unit (KiB, MiB, GiB, TiB).
        #[arg(long, value_parser = parse_size)]
        size: u64,
        /// The part size wished for (default 8 MiB); raised or lowered to stay valid.
        #[arg(long, value_parser = parse_size)]
        part_size: Option<u64>,
        /// Print one JSON document.
        #[arg(long)]
        json: bool,
    },
}

/// Runs `multipart`.
pub(crate) fn run(args: &Args) -> Outcome {
    match &args.command {
        Command::CheckComplete { file, json } => check_complete(file, *json),
        Command::Plan {
            size,
            part_size,
            json,
        } => plan(*size, *part_size, *json),
    }
}

fn check_complete(file: &str, json: bool) -> Outcome {
    let xml = match input::read_all(file) {
        Ok(xml) => xml,
        Err(message) => return Outcome::Usage(message),
    };
    let upload = match CompleteMultipartUpload::parse(&xml) {
        Ok(upload) => upload,
        Err(err) => return report::rejected(json, &err),
    };
    let parts: Vec<(u32, String)> = upload
        .parts()
        .map(|part| {
            (
                part.number(),
                String::from_utf8_lossy(part.etag()).into_owned(),
            )
        })
        .collect();
    Outcome::Ok(Output::choose(
        json,
        || {
            let list: Vec<_> = parts
                .iter()
                .map(|(number, etag)| json!({ "part_number": number, "etag": etag }))
                .collect();
            json!({ "valid": true, "count": parts.len(), "parts": list })
        },
        || {
            let mut text = format!("valid: {} parts, ascending\n", parts.len());
            for (number, etag) in &parts {
                text.push_str(&format!("  {number:>5}  {etag}\n"));
            }
            text
        },
    ))
}

fn plan(size: u64, part_size: Option<u64>, json: bool) -> Outcome {
    let plan = match PartPlan::new(size, part_size) {
        Ok(plan) => plan,
        Err(err) => {
            // The catalogue's advice (use multipart upload) is for simple uploads.
            let note = "no upload can build it: a multipart upload makes at most 10000 parts of 5 GiB (48.8 TB)";
            return Outcome::Rejected(Output::choose(
                json,
                || {
                    let mut doc = serde_json::Value::Object(report::rejection_json(&err));
                    doc["note"] = json!(note);
                    doc
                },
                || {
                    let mut text = report::rejection_text(&err);
                    text.push_str(&format!("  note: {note}\n"));
                    text
                },
            ));
        }
    };
    let adjusted = plan.adjusted(part_size);
    let note = (size == 0).then_some(
        "an empty object: a multipart upload still needs one (empty) part; PutObject uploads it in one request",
    );
    Outcome::Ok(Output::choose(
        json,
        || {
            let mut doc = json!(plan);
            doc["valid"] = json!(true);
            doc["adjusted"] = json!(adjusted);
            if let Some(note) = note {
                doc["note"] = json!(note);
            }
            doc
        },
        || {
            let mut text = format!(
                "{} parts of {} bytes (last part {} bytes), at most {MAX_PART_NUMBER} allowed\n",
                plan.part_count(),
                plan.part_size(),
                plan.last_part_size()
            );
            if adjusted {
                text.push_str(
                    "part size adjusted: parts must be 100 KiB to 5 GiB and at most 10000\n",
                );
            }
            if let Some(note) = note {
                text.push_str(&format!("note: {note}\n"));
            }
            text
        },
    ))
}

/// A size in bytes, optionally with a binary unit: `100KiB`, `5GiB`.
pub(crate) fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (digits, unit) = text.split_at(split);
    let number: u64 = digits
        .parse()
        .map_err(|_| format!("not a size: {text:?}"))?;
    let shift = match unit.trim() {
        "" | "B" => 0,
        "KiB" | "K" | "k" => 10,
        "MiB" | "M" => 20,
        "GiB" | "G" => 30,
        "TiB" | "T" => 40,
        other => return Err(format!("unknown unit {other:?} (use KiB, MiB, GiB or TiB)")),
    };
    number
        .checked_mul(1 << shift)
        .ok_or_else(|| format!("size too large: {text:?}"))
}
