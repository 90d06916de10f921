//! `oss-doctor`: troubleshoot Alibaba Cloud OSS integrations from the command line.
//!
//! Exit status: 0 ok / valid / verified; 1 the input was checked and rejected; 2 usage
//! error or unreadable input. Every subcommand takes `--json`.
//!
//! This library is the tool itself: `main.rs` only calls [`run`]. Its one other public
//! module, `fuzzing`, is hidden: entry points for the fuzz targets, not an interface.

extern crate alloc;

use std::process::ExitCode;

use clap::{Command, CommandFactory as _, FromArgMatches as _, Parser};

mod callback;
mod check;
mod clock;
mod crc64;
mod emulate;
mod explain;
#[doc(hidden)]
pub mod fuzzing;
mod input;
mod multipart;
mod post_check;
mod report;
mod sign;

/// Explain OSS errors and check names, signatures, callbacks, multipart uploads and CRC-64.
#[derive(Debug, Parser)]
#[command(name = "oss-doctor", version, about, propagate_version = true)]
enum Cli {
    /// Explain an OSS error code (and message), or an OSS XML error body.
    Explain(explain::Args),
    /// Check a name or header value against the OSS rules: `check <KIND> <VALUE>`.
    Check(check::Args),
    /// Judge a PostObject request: form rules, signature and policy.
    PostCheck(post_check::Args),
    /// Check CompleteMultipartUpload bodies and plan part sizes.
    Multipart(multipart::Args),
    #[command(flatten)]
    Sign(Box<sign::Command>),
    /// Upload callbacks: decode, encode, render, check replies, verify, serve, probe.
    Callback(callback::Args),
    /// CRC-64 (`x-oss-hash-crc64ecma`) of files, or combined from part CRCs.
    Crc64(crc64::Args),
    /// A local OSS for tests: objects in a directory, V1 and V4 signatures checked.
    Emulate(emulate::Args),
}

/// Lets every single-value option's value start with `-` (`--key -rf`, `--public-key
/// "$(cat pub.pem)"`), in every subcommand. Options taking several values (`--combine A B`)
/// and positional arguments keep clap's rules, so a following option still ends them.
fn hyphen_values(command: Command) -> Command {
    command
        .mut_args(|arg| {
            let is_option = arg.get_long().is_some() || arg.get_short().is_some();
            let single = arg
                .get_num_args()
                .is_none_or(|range| range.max_values() == 1);
            if is_option && single && arg.get_action().takes_values() {
                arg.allow_hyphen_values(true)
            } else {
                arg
            }
        })
        .mut_subcommands(hyphen_values)
}

/// Runs `oss-doctor` with the process's arguments: prints the outcome and returns the
/// exit status (0 ok, 1 rejected, 2 usage error).
#[must_use]
pub fn run() -> ExitCode {
    let parsed = hyphen_values(Cli::command())
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(err) => {
            // --help and --version are not usage errors.
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { 2 } else { 0 });
        }
    };
    let outcome = match cli {
        Cli::Explain(args) => explain::run(&args),
        Cli::Check(args) => check::run(&args),
        Cli::PostCheck(args) => post_check::run(&args),
        Cli::Multipart(args) => multipart::run(&args),
        Cli::Sign(command) => sign::run(&command),
        Cli::Callback(args) => callback::run(&args),
        Cli::Crc64(args) => crc64::run(&args),
        Cli::Emulate(args) => emulate::run(&args),
    };
    report::finish(outcome)
}
