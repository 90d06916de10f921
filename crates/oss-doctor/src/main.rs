//! `oss-doctor`: troubleshoot Alibaba Cloud OSS integrations from the command line (the
//! code is the library's; see its docs).

use std::process::ExitCode;

fn main() -> ExitCode {
    oss_doctor::run()
}
