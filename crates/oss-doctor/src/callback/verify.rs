//! `callback verify`: check a callback request's signature.

use oss_core::callback::verify::{
    PublicKey, check_pub_key_url, split_target, string_to_sign, string_to_sign_md5,
    verify_signature,
};
use serde_json::json;

use crate::input;
use crate::report::{Outcome, Output};

/// Arguments of `callback verify`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The public key: a PEM file, or the PEM text itself; OSS's published key by default.
    #[arg(long)]
    public_key: Option<String>,
    /// The `authorization` header (base64 signature).
    #[arg(long)]
    authorization: String,
    /// The `x-oss-pub-key-url` header (base64 URL).
    #[arg(long)]
    pub_key_url: String,
    /// The request path as received (percent-encoded); may include `?query`.
    #[arg(long)]
    path: String,
    /// The raw query string, without `?` (empty when the target ends in `?`).
    #[arg(long)]
    query: Option<String>,
    /// The raw request body: a file, or `-` for standard input.
    #[arg(long)]
    body: String,
    /// Print one JSON document.
    #[arg(long)]
    json: bool,
}

/// Reads `--public-key`: PEM text, a PEM file, or OSS's key when absent.
pub(super) fn load_key(arg: Option<&str>) -> Result<PublicKey, String> {
    let Some(arg) = arg else {
        return Ok(PublicKey::oss());
    };
    let pem = if arg.contains("-----BEGIN") {
        arg.to_owned()
    } else {
        std::fs::read_to_string(arg).map_err(|err| format!("cannot read {arg}: {err}"))?
    };
    PublicKey::from_pem(&pem).map_err(|err| format!("{arg}: {err}"))
}

/// What the server signs, as shown to people: the string to sign (lossy UTF-8) and its MD5
/// in lowercase hex.
pub(super) fn signed_text(path: &str, query: Option<&str>, body: &[u8]) -> (String, String) {
    let signed = String::from_utf8_lossy(&string_to_sign(path, query, body)).into_owned();
    let md5 = string_to_sign_md5(path, query, body)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    (signed, md5)
}

/// Runs `callback verify`.
pub(crate) fn run(args: &Args) -> Outcome {
    let key = match load_key(args.public_key.as_deref()) {
        Ok(key) => key,
        Err(message) => return Outcome::Usage(message),
    };
    let body = match input::read_all(&args.body) {
        Ok(body) => body,
        Err(message) => return Outcome::Usage(message),
    };
    let (path, query) = match &args.query {
        Some(query) => (args.path.as_str(), Some(query.as_str())),
        None => split_target(&args.path),
    };
    let (signed, md5) = signed_text(path, query, &body);
    let verdict = check_pub_key_url(args.pub_key_url.as_bytes()).and_then(|url| {
        verify_signature(&key, args.authorization.as_bytes(), path, query, &body).map(|()| url)
    });
    let output = |reason: Option<String>| {
        Output::choose(
            args.json,
            || json!({ "valid": reason.is_none(), "reason": reason, "string_to_sign": signed, "string_to_sign_md5": md5 }),
            || {
                let verdict = reason
                    .as_ref()
                    .map_or_else(|| "verified".to_owned(), |r| format!("not verified: {r}"));
                format!("{verdict}\n  string to sign: {signed:?}\n  md5: {md5}\n")
            },
        )
    };
    match verdict {
        Ok(_) => Outcome::Ok(output(None)),
        Err(err) => Outcome::Rejected(output(Some(err.to_string()))),
    }
}
