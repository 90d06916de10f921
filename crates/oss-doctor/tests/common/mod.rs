//! Helpers shared by the end-to-end tests: run the built `oss-doctor` and read what it
//! printed. Each test binary uses a subset of them.
#![allow(dead_code)]

use std::io::Write as _;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// The `oss-doctor` binary cargo built for these tests.
pub(crate) const BIN: &str = env!("CARGO_BIN_EXE_oss-doctor");

/// Runs `oss-doctor <args>` with empty standard input; stdout and stderr are captured.
pub(crate) fn run(args: &[&str]) -> Output {
    run_stdin(args, b"")
}

/// Runs `oss-doctor <args>` with `stdin` on standard input; stdout and stderr are captured.
pub(crate) fn run_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn oss-doctor");
    // A usage error exits before reading standard input; a broken pipe is fine then.
    let _ = child.stdin.take().expect("stdin").write_all(stdin);
    child.wait_with_output().expect("wait")
}

/// `<subcommand> <args>...` as one argument list.
pub(crate) fn with_subcommand<'a>(subcommand: &'a str, args: &[&'a str]) -> Vec<&'a str> {
    [&[subcommand][..], args].concat()
}

/// Exit status, stdout and stderr (both UTF-8).
pub(crate) fn texts(output: &Output) -> (i32, String, String) {
    (
        output.status.code().expect("exit code"),
        String::from_utf8(output.stdout.clone()).expect("UTF-8 stdout"),
        String::from_utf8(output.stderr.clone()).expect("UTF-8 stderr"),
    )
}

/// Exit status and the one JSON document printed on stdout.
pub(crate) fn json_of(output: &Output) -> (i32, Value) {
    let code = output.status.code().expect("exit code");
    let value = serde_json::from_slice(&output.stdout).unwrap_or_else(|err| {
        panic!(
            "not JSON ({err}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    });
    (code, value)
}

/// Runs `oss-doctor <args> --json` with `stdin`; returns the exit status and the document.
pub(crate) fn run_json(args: &[&str], stdin: &[u8]) -> (i32, Value) {
    let mut all = args.to_vec();
    all.push("--json");
    json_of(&run_stdin(&all, stdin))
}
