//! `oss-doctor`: troubleshoot Alibaba Cloud OSS integrations from the command line.

use std::process::ExitCode;

use clap::Parser;

/// Explain OSS errors and check names, signatures, callbacks, multipart uploads and CRC-64.
#[derive(Debug, Parser)]
#[command(name = "oss-doctor", version, about)]
enum Cli {}

fn main() -> ExitCode {
    match Cli::try_parse() {
        Ok(cli) => match cli {},
        Err(err) => {
            let _ = err.print();
            ExitCode::from(if err.use_stderr() { 2 } else { 0 })
        }
    }
}
