//! How every subcommand ends: what it prints and which exit status it returns.

use std::io::Write as _;
use std::process::ExitCode;

use oss_core::errors::Error;
use serde_json::{Map, Value, json};

/// What a subcommand concluded.
#[derive(Debug)]
pub(crate) enum Outcome {
    /// The input was checked and is fine (exit 0). Carries what to print.
    Ok(Output),
    /// The input was checked and rejected (exit 1). Carries what to print.
    Rejected(Output),
    /// Usage error or unreadable input (exit 2): a message for stderr.
    Usage(String),
    /// Some inputs were read and are reported, others could not be (exit 2): what was
    /// read for stdout, the failures for stderr.
    Partial(Output, String),
    /// Fine, with warnings (exit 0): the output for stdout, the warnings (lines, each
    /// already starting with `warning:`) for stderr, so the output stays clean to pipe.
    Warned(Output, String),
}

/// What to print: the JSON document (for `--json`) or the text for people.
#[derive(Debug)]
pub(crate) enum Output {
    Json(Value),
    Text(String),
}

impl Output {
    /// Picks JSON or text; builds only the one asked for.
    pub(crate) fn choose(
        json: bool,
        as_json: impl FnOnce() -> Value,
        as_text: impl FnOnce() -> String,
    ) -> Self {
        if json {
            Self::Json(as_json())
        } else {
            Self::Text(as_text())
        }
    }
}

/// The JSON fields of a rejection: `"valid": false` plus the error's own JSON (code,
/// status and message, and `argument_name` / `ec` when the catalogue knows them).
pub(crate) fn rejection_json(err: &Error) -> Map<String, Value> {
    let mut map = Map::new();
    map.insert("valid".into(), json!(false));
    if let Value::Object(fields) = json!(err) {
        map.extend(fields);
    }
    map
}

/// The text a person reads for a rejection: code, status, message and what to do.
pub(crate) fn rejection_text(err: &Error) -> String {
    let entry = err.entry();
    let mut text = format!(
        "invalid: {} (HTTP {})\n  message: {err}\n",
        err.code().as_str(),
        err.status()
    );
    if let Some(name) = entry.argument_name() {
        text.push_str(&format!("  argument: {name}\n"));
    }
    text.push_str(&format!("  fix: {}\n", entry.hint()));
    text
}

/// A rejection as an [`Outcome`], in the form `--json` asks for.
pub(crate) fn rejected(json: bool, err: &Error) -> Outcome {
    Outcome::Rejected(Output::choose(
        json,
        || Value::Object(rejection_json(err)),
        || rejection_text(err),
    ))
}

/// A rejection about one value the user gave: the error, then which value (`argument`)
/// and what is wrong with it (`fix`, replacing the catalogue's general hint).
pub(crate) fn rejected_value(json: bool, err: &Error, argument: &str, fix: &str) -> Outcome {
    Outcome::Rejected(Output::choose(
        json,
        || {
            let mut map = rejection_json(err);
            map.insert("argument_value".into(), json!(argument));
            map.insert("fix".into(), json!(fix));
            Value::Object(map)
        },
        || {
            format!(
                "invalid: {} (HTTP {})\n  message: {err}\n  value: {argument}\n  fix: {fix}\n",
                err.code().as_str(),
                err.status()
            )
        },
    ))
}

/// Prints the outcome and turns it into the process exit status.
pub(crate) fn finish(outcome: Outcome) -> ExitCode {
    let (output, status) = match outcome {
        Outcome::Ok(output) => (output, 0),
        Outcome::Rejected(output) => (output, 1),
        Outcome::Usage(message) => {
            eprintln!("oss-doctor: {message}");
            return ExitCode::from(2);
        }
        Outcome::Partial(output, message) => {
            eprintln!("oss-doctor: {message}");
            (output, 2)
        }
        Outcome::Warned(output, warnings) => {
            eprint!("{warnings}");
            (output, 0)
        }
    };
    let mut stdout = std::io::stdout().lock();
    let written = match output {
        Output::Json(value) => writeln!(stdout, "{value}"),
        Output::Text(text) => write!(stdout, "{text}"),
    };
    // A closed pipe (`oss-doctor ... | head`) is not worth a panic or a different status.
    let _ = written.and_then(|()| stdout.flush());
    ExitCode::from(status)
}
