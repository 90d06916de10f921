//! `oss-doctor explain`: what an OSS error means and what to do about it.
//!
//! ```text
//! oss-doctor explain <CODE> [--message <TEXT>] [--json]
//! oss-doctor explain --xml <FILE|-> [--json]
//! oss-doctor explain --x-oss-err <BASE64> [--json]
//! ```
//! Exit 0 when the code (and the message, when there is one) is in the catalogue, 1 when
//! not, 2 on usage errors and on input that is not an OSS error document.

mod describe;
mod suggest;
mod text;

use oss_core::errors::xml::{ErrorXml, decode_err_header};

use crate::input::read_all;
use crate::report::{Outcome, Output};
use describe::Explanation;

/// Arguments of `explain`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The error code, such as `SignatureDoesNotMatch`.
    #[arg(required_unless_present_any = ["xml", "x_oss_err"], conflicts_with_all = ["xml", "x_oss_err"])]
    code: Option<String>,
    /// The message OSS sent with the code.
    #[arg(long, value_name = "TEXT")]
    message: Option<String>,
    /// An OSS XML error body to explain: a file, or `-` for standard input.
    #[arg(long, value_name = "FILE|-", conflicts_with_all = ["message", "x_oss_err"])]
    xml: Option<String>,
    /// The value of an `x-oss-err` response header (the base64 error body OSS sends when
    /// a response, such as HEAD's, has no body).
    #[arg(long, value_name = "BASE64", conflicts_with = "message")]
    x_oss_err: Option<String>,
    /// Print one JSON document.
    #[arg(long)]
    json: bool,
}

/// Runs `explain`.
pub(crate) fn run(args: &Args) -> Outcome {
    let explanation = match (&args.code, &args.xml, &args.x_oss_err) {
        (Some(code), _, _) => Explanation::new(code, args.message.as_deref()),
        (None, Some(path), _) => match read_xml(path) {
            Ok(explanation) => explanation,
            Err(message) => return Outcome::Usage(message),
        },
        (None, None, Some(header)) => match decode_err_header(header) {
            Ok(xml) => match ErrorXml::parse(&xml) {
                Ok(doc) => Explanation::from_xml(&doc),
                Err(err) => {
                    return Outcome::Usage(format!(
                        "the decoded x-oss-err is not an OSS error document: {err}"
                    ));
                }
            },
            Err(err) => return Outcome::Usage(format!("cannot decode the x-oss-err value: {err}")),
        },
        (None, None, None) => {
            return Outcome::Usage("give a CODE, --xml <FILE|-> or --x-oss-err <BASE64>".into());
        }
    };
    let output = Output::choose(
        args.json,
        || explanation.to_json(),
        || explanation.to_text(),
    );
    if explanation.known() {
        Outcome::Ok(output)
    } else {
        Outcome::Rejected(output)
    }
}

/// Reads and parses an XML error body.
fn read_xml(path: &str) -> Result<Explanation, String> {
    let bytes = read_all(path)?;
    let text = core::str::from_utf8(&bytes).map_err(|err| format!("{path} is not UTF-8: {err}"))?;
    let doc = ErrorXml::parse(text)
        .map_err(|err| format!("{path} is not an OSS error document: {err}"))?;
    Ok(Explanation::from_xml(&doc))
}
