//! `oss-doctor crc64`: the CRC-64 OSS reports in `x-oss-hash-crc64ecma`, of files or of
//! a multipart object's parts.
//!
//! ```text
//! oss-doctor crc64 [FILE|-]... [--expect <CRC>] [--hex] [--json]
//! oss-doctor crc64 --combine <CRC>:<LEN>... [--expect <CRC>] [--hex] [--json]
//! ```
//! Text output is `<crc64>  <path>` per input (decimal, as the header carries it, or 16
//! hex digits with `--hex`); JSON is `[{"path","crc64","bytes"}]` with `crc64` a decimal
//! string. `--combine` joins part CRCs in order (what an SDK checks after
//! CompleteMultipartUpload) and prints `{"crc64","bytes"}`. With `--expect` the result is
//! compared to a received header value: exit 1 with OSS's `InvalidCRC64` on a mismatch.
//! Unreadable input and malformed values exit 2.

mod progress;
mod read;

use oss_core::crc64::{HeaderValue, combine_parts, parse_header};
use oss_core::errors::{Entry, Error};
use serde_json::{Map, Value, json};

use crate::report::{self, Outcome, Output};

/// Arguments of `crc64`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Files to checksum; `-` (or nothing) reads standard input.
    #[arg(value_name = "FILE|-", conflicts_with = "combine")]
    files: Vec<String>,
    /// Combine part CRCs instead, in part order: `<CRC>:<LEN>` with CRC decimal (as in
    /// `x-oss-hash-crc64ecma`) or `0x` hex, and LEN in bytes.
    #[arg(long, value_name = "CRC:LEN", num_args = 1.., value_parser = parse_part)]
    combine: Vec<(u64, u64)>,
    /// The `x-oss-hash-crc64ecma` value received (decimal): exit 1 with `InvalidCRC64`
    /// when the computed CRC differs. Needs a single input.
    #[arg(long, value_name = "CRC")]
    expect: Option<String>,
    /// Print CRCs as 16 hex digits (JSON adds a `crc64_hex` field).
    #[arg(long)]
    hex: bool,
    /// Print one JSON document.
    #[arg(long)]
    json: bool,
}

/// One computed CRC: what it covers and how long that is.
struct Sum {
    path: Option<String>,
    crc: u64,
    bytes: u64,
}

impl Sum {
    fn crc_text(&self, hex: bool) -> String {
        if hex {
            format!("{:016x}", self.crc)
        } else {
            HeaderValue::new(self.crc).to_string()
        }
    }

    fn to_json(&self, hex: bool) -> Value {
        let mut map = Map::new();
        if let Some(path) = &self.path {
            map.insert("path".into(), json!(path));
        }
        map.insert("crc64".into(), json!(HeaderValue::new(self.crc)));
        if hex {
            map.insert("crc64_hex".into(), json!(format!("{:016x}", self.crc)));
        }
        map.insert("bytes".into(), json!(self.bytes));
        Value::Object(map)
    }

    fn to_text(&self, hex: bool) -> String {
        match &self.path {
            Some(path) => format!("{}  {path}\n", self.crc_text(hex)),
            None => format!("{}\n", self.crc_text(hex)),
        }
    }
}

/// Reads `<CRC>:<LEN>`.
pub(crate) fn parse_part(text: &str) -> Result<(u64, u64), String> {
    let (crc, len) = text.split_once(':').ok_or("expected <CRC>:<LEN>")?;
    let crc = match crc.strip_prefix("0x").or_else(|| crc.strip_prefix("0X")) {
        Some(hex) if !hex.is_empty() && hex.len() <= 16 => {
            u64::from_str_radix(hex, 16).map_err(|_| format!("{crc:?} is not a 64-bit hex CRC"))?
        }
        Some(_) => return Err(format!("{crc:?} is not a 64-bit hex CRC")),
        None => parse_header(crc).map_err(|_| format!("{crc:?} is not a decimal 64-bit CRC"))?,
    };
    let len = len
        .parse::<u64>()
        .map_err(|_| format!("{len:?} is not a length in bytes"))?;
    Ok((crc, len))
}

/// Runs `crc64`.
pub(crate) fn run(args: &Args) -> Outcome {
    let expected = match args.expect.as_deref().map(parse_header) {
        None => None,
        Some(Ok(crc)) => Some(crc),
        Some(Err(_)) => {
            return Outcome::Usage(format!(
                "--expect {:?} is not a decimal x-oss-hash-crc64ecma value",
                args.expect.as_deref().unwrap_or_default()
            ));
        }
    };
    if args.combine.is_empty() {
        run_files(args, expected)
    } else {
        run_combine(args, expected)
    }
}

fn run_files(args: &Args, expected: Option<u64>) -> Outcome {
    let stdin = ["-".to_owned()];
    let paths = if args.files.is_empty() {
        &stdin[..]
    } else {
        &args.files[..]
    };
    if expected.is_some() && paths.len() != 1 {
        return Outcome::Usage("--expect needs exactly one FILE".into());
    }
    let mut sums = Vec::with_capacity(paths.len());
    let mut failures = Vec::new();
    for path in paths {
        match read::checksum_path(path) {
            Ok((crc, bytes)) => sums.push(Sum {
                path: Some(path.clone()),
                crc,
                bytes,
            }),
            // Report the others anyway, as checksum tools do; the status says one failed.
            Err(message) => failures.push(message),
        }
    }
    if sums.is_empty() {
        return Outcome::Usage(failures.join("\n"));
    }
    if let (Some(expected), [sum]) = (expected, &sums[..])
        && sum.crc != expected
    {
        return mismatch(args, sum, expected);
    }
    let output = Output::choose(
        args.json,
        || Value::Array(sums.iter().map(|sum| sum.to_json(args.hex)).collect()),
        || sums.iter().map(|sum| sum.to_text(args.hex)).collect(),
    );
    if failures.is_empty() {
        Outcome::Ok(output)
    } else {
        Outcome::Partial(output, failures.join("\noss-doctor: "))
    }
}

fn run_combine(args: &Args, expected: Option<u64>) -> Outcome {
    let Some(bytes) = args
        .combine
        .iter()
        .try_fold(0u64, |total, &(_, len)| total.checked_add(len))
    else {
        return Outcome::Usage("the parts add up to more than 2^64 - 1 bytes".into());
    };
    let crc = combine_parts(args.combine.iter().copied());
    let sum = Sum {
        path: None,
        crc,
        bytes,
    };
    if let Some(expected) = expected
        && crc != expected
    {
        return mismatch(args, &sum, expected);
    }
    Outcome::Ok(Output::choose(
        args.json,
        || sum.to_json(args.hex),
        || sum.to_text(args.hex),
    ))
}

/// The `InvalidCRC64` rejection, with what was computed and what was expected.
fn mismatch(args: &Args, sum: &Sum, expected: u64) -> Outcome {
    let err = Error::new(Entry::Crc64Mismatch);
    Outcome::Rejected(Output::choose(
        args.json,
        || {
            let mut map = report::rejection_json(&err);
            if let Value::Object(fields) = sum.to_json(args.hex) {
                map.extend(fields);
            }
            map.insert("expected".into(), json!(HeaderValue::new(expected)));
            Value::Object(map)
        },
        || {
            let expected = Sum {
                path: None,
                crc: expected,
                bytes: 0,
            };
            format!(
                "{}  computed: {}  expected: {}",
                report::rejection_text(&err),
                sum.to_text(args.hex),
                expected.to_text(args.hex)
            )
        },
    ))
}
