//! `oss-doctor sign | presign | verify | post-sign`: Signature V1 by hand.

mod diagnose;
mod request;
mod visible;

use oss_core::errors::{Entry, Error};
use oss_core::naming::Timestamp;
use oss_core::sign::{
    AuthMethod, Credentials, CredentialsError, Form, KeyLookup, ParsedAuthorization,
    SECURITY_TOKEN_HEADER, SecurityToken, SigningKey, Verified, Verifier, post_policy_signature,
    presign, sign, string_to_sign, write_post_policy_base64,
};
use serde_json::{Map, Value, json};

use crate::input;
use crate::report::{self, Outcome, Output};
use request::{Described, RequestArgs};

/// The Signature V1 subcommands.
#[derive(Debug, clap::Subcommand)]
pub(crate) enum Command {
    /// Sign a request: print the string-to-sign, the signature and the Authorization header.
    Sign(SignArgs),
    /// Presign a request: print the string-to-sign, the signature, the query and the URL.
    Presign(PresignArgs),
    /// Verify a signed request (Authorization header or presigned query) as OSS would.
    Verify(VerifyArgs),
    /// Sign a PostObject policy: print the base64 policy and its Signature.
    PostSign(PostSignArgs),
}

/// Arguments of `sign`.
#[derive(Debug, clap::Args)]
pub(crate) struct SignArgs {
    #[command(flatten)]
    request: RequestArgs,
    #[command(flatten)]
    creds: CredentialArgs,
    /// Print one JSON document.
    #[arg(long)]
    json: bool,
}

/// Arguments of `presign`.
#[derive(Debug, clap::Args)]
pub(crate) struct PresignArgs {
    #[command(flatten)]
    request: RequestArgs,
    #[command(flatten)]
    creds: CredentialArgs,
    /// When the URL stops working, in UNIX seconds.
    #[arg(long)]
    expires: u64,
    /// The region endpoint, such as `oss-cn-hangzhou.aliyuncs.com` (a scheme may be given); prints the full URL.
    #[arg(long)]
    endpoint: Option<String>,
    /// Print one JSON document.
    #[arg(long)]
    json: bool,
}

/// Who signs.
#[derive(Debug, clap::Args)]
struct CredentialArgs {
    /// The AccessKeyId.
    #[arg(long)]
    access_key_id: String,
    /// The AccessKeySecret.
    #[arg(long)]
    access_key_secret: String,
    /// An STS security token.
    #[arg(long)]
    security_token: Option<String>,
}

/// Arguments of `verify`.
#[derive(Debug, clap::Args)]
pub(crate) struct VerifyArgs {
    #[command(flatten)]
    request: RequestArgs,
    /// The AccessKeySecret of the AccessKeyId the request names.
    #[arg(long)]
    access_key_secret: String,
    /// Only accept this AccessKeyId (others are unknown, as on OSS).
    #[arg(long)]
    access_key_id: Option<String>,
    /// The server clock, in UNIX seconds (default: this machine's clock).
    #[arg(long)]
    now: Option<u64>,
    /// Print one JSON document.
    #[arg(long)]
    json: bool,
}

/// Arguments of `post-sign`.
#[derive(Debug, clap::Args)]
pub(crate) struct PostSignArgs {
    /// The policy JSON (FILE or - for standard input); with --base64, the base64 text.
    #[arg(long)]
    policy: String,
    /// The policy file already holds the base64 `policy` form field.
    #[arg(long)]
    base64: bool,
    /// The AccessKeySecret.
    #[arg(long)]
    access_key_secret: String,
    /// Print one JSON document.
    #[arg(long)]
    json: bool,
}

/// Runs one of the signature subcommands.
pub(crate) fn run(command: &Command) -> Outcome {
    match command {
        Command::Sign(args) => run_sign(args),
        Command::Presign(args) => run_presign(args),
        Command::Verify(args) => run_verify(args),
        Command::PostSign(args) => run_post_sign(args),
    }
}

fn credentials<'a>(
    args: &'a CredentialArgs,
    key: &'a SigningKey,
) -> Result<Credentials<'a>, CredentialsError> {
    let creds = Credentials::new(&args.access_key_id, key)?;
    Ok(match &args.security_token {
        Some(token) => creds.with_security_token(token),
        None => creds,
    })
}

/// Reads the described request and the credentials, then runs `then` with them; a usage
/// error for a bad request or an AccessKeyId too long to sign with, the OSS rejection for
/// one OSS refuses.
fn with_request_and_credentials(
    request: &RequestArgs,
    creds: &CredentialArgs,
    json: bool,
    then: impl FnOnce(&Described, &Credentials<'_>) -> Outcome,
) -> Outcome {
    let described = match Described::parse(request) {
        Ok(described) => described,
        Err(message) => return Outcome::Usage(message),
    };
    let key = SigningKey::new(&creds.access_key_secret);
    match credentials(creds, &key) {
        Ok(creds) => then(&described, &creds),
        Err(CredentialsError::Invalid(err)) => report::rejected(json, &err),
        Err(err) => Outcome::Usage(format!("--access-key-id: {err}")),
    }
}

fn run_sign(args: &SignArgs) -> Outcome {
    with_request_and_credentials(&args.request, &args.creds, args.json, |described, creds| {
        sign_described(args, described, creds)
    })
}

fn sign_described(args: &SignArgs, described: &Described, creds: &Credentials<'_>) -> Outcome {
    let request = described.request();
    let auth = sign(creds, &request);
    let mut sts = Vec::new();
    string_to_sign(&request, Form::header(creds), &mut sts);
    // An empty token is no token: it is neither signed nor sent.
    let token_header = creds
        .security_token()
        .filter(|_| !described.has_header(SECURITY_TOKEN_HEADER));
    Outcome::Ok(Output::choose(
        args.json,
        || {
            let mut doc = json!({
                "string_to_sign": String::from_utf8_lossy(&sts),
                "signature": auth.signature().as_str(),
                "authorization": auth.as_str(),
            });
            if let Some(token) = token_header {
                doc["headers_to_send"] = json!({ "x-oss-security-token": token });
            }
            doc
        },
        || {
            let mut text = format!(
                "string to sign:\n{}\n\nsignature: {}\nAuthorization: {}\n",
                visible::render(&sts),
                auth.signature(),
                auth
            );
            if let Some(token) = token_header {
                text.push_str(&format!("also send: x-oss-security-token: {token}\n"));
            }
            text
        },
    ))
}

fn run_presign(args: &PresignArgs) -> Outcome {
    with_request_and_credentials(&args.request, &args.creds, args.json, |described, creds| {
        presign_described(args, described, creds)
    })
}

fn presign_described(
    args: &PresignArgs,
    described: &Described,
    creds: &Credentials<'_>,
) -> Outcome {
    let request = described.request();
    let presigned = presign(creds, &request, args.expires);
    let mut sts = Vec::new();
    string_to_sign(&request, Form::presigned(creds, args.expires), &mut sts);
    let query = presigned.query();
    let url = args
        .endpoint
        .as_deref()
        .map(|endpoint| presigned.url(endpoint));
    Outcome::Ok(Output::choose(
        args.json,
        || {
            let mut doc = json!({
                "string_to_sign": String::from_utf8_lossy(&sts),
                "signature": presigned.signature().as_str(),
                "query": query,
            });
            if let Some(url) = &url {
                doc["url"] = json!(url);
            }
            doc
        },
        || {
            let mut text = format!(
                "string to sign:\n{}\n\nsignature: {}\nquery: {query}\n",
                visible::render(&sts),
                presigned.signature()
            );
            if let Some(url) = &url {
                text.push_str(&format!("url: {url}\n"));
            }
            text
        },
    ))
}

/// The one key the person gave, for whatever AccessKeyId the request names (or only for
/// `--access-key-id`).
struct GivenKey<'a> {
    only: Option<&'a str>,
    key: &'a SigningKey,
}

impl KeyLookup for GivenKey<'_> {
    fn signing_key(
        &self,
        access_key_id: &str,
        _token: Option<SecurityToken<'_>>,
    ) -> Result<&SigningKey, Error> {
        match self.only {
            Some(only) if only != access_key_id => Err(Error::from(Entry::AccessKeyIdUnknown)),
            _ => Ok(self.key),
        }
    }
}

fn run_verify(args: &VerifyArgs) -> Outcome {
    let described = match Described::parse(&args.request) {
        Ok(described) => described,
        Err(message) => return Outcome::Usage(message),
    };
    let key = SigningKey::new(&args.access_key_secret);
    let keys = GivenKey {
        only: args.access_key_id.as_deref(),
        key: &key,
    };
    let now = args.now.unwrap_or_else(crate::clock::unix_now);
    let Some(now) = i64::try_from(now).ok().and_then(Timestamp::from_unix) else {
        return Outcome::Usage(format!(
            "--now {now}: past the last second oss-doctor can judge ({})",
            Timestamp::MAX.unix_seconds()
        ));
    };
    let request = described.request();
    let verdict = Verifier::new().verify(&request, now, &keys);
    let mut sts: Vec<u8> = Vec::new();
    if server_computed_string_to_sign(&described, &keys, &verdict) {
        string_to_sign(&request, Form::Received, &mut sts);
    }
    match verdict {
        Ok(verified) => {
            let method = match verified.method() {
                AuthMethod::Header => "header",
                AuthMethod::Query => "query",
                _ => "anonymous",
            };
            let sts = sts.as_slice();
            Outcome::Ok(Output::choose(
                args.json,
                || {
                    let mut doc = json!({ "valid": true, "method": method, "string_to_sign": String::from_utf8_lossy(sts) });
                    if let Some(id) = verified.access_key_id() {
                        doc["access_key_id"] = json!(id);
                    }
                    if let Some(expires) = verified.expires() {
                        doc["expires"] = json!(expires);
                    }
                    doc
                },
                || match verified.access_key_id() {
                    Some(id) => format!(
                        "valid: signed by {id} ({method})\nstring to sign:\n{}\n",
                        visible::render(sts)
                    ),
                    None => {
                        "valid: anonymous request (no signature); OSS applies the ACLs\n".to_owned()
                    }
                },
            ))
        }
        Err(err) => {
            let sts = sts.as_slice();
            let findings = diagnose::findings(&described, &key, &err, now);
            let mut doc: Map<String, Value> = report::rejection_json(&err);
            Outcome::Rejected(Output::choose(
                args.json,
                || {
                    if !sts.is_empty() {
                        doc.insert("string_to_sign".into(), json!(String::from_utf8_lossy(sts)));
                        doc.insert("string_to_sign_bytes".into(), json!(visible::hex(sts)));
                    }
                    findings.add_json(&mut doc);
                    Value::Object(doc)
                },
                || {
                    let mut text = report::rejection_text(&err);
                    if !sts.is_empty() {
                        text.push_str(&format!(
                            "string to sign (as the server computed it):\n{}\n",
                            visible::render(sts)
                        ));
                    }
                    text.push_str(&findings.text());
                    text
                },
            ))
        }
    }
}

/// Whether to show the string-to-sign the server computes: for a signed request that
/// verified or whose signature did not match, and for a header-signed one whose date is
/// missing, invalid or skewed but whose AccessKeyId has a key (as oss-doctor did when
/// oss-sign looked the key up before checking the date).
fn server_computed_string_to_sign(
    described: &Described,
    keys: &GivenKey<'_>,
    verdict: &Result<Verified<'_>, Error>,
) -> bool {
    match verdict {
        Ok(verified) => verified.method() != AuthMethod::Anonymous,
        Err(err) => match err.entry() {
            Entry::SignatureDoesNotMatch => true,
            Entry::DateInvalid | Entry::RequestTimeTooSkewed => header_key_found(described, keys),
            _ => false,
        },
    }
}

/// Whether the request's `Authorization` header names an AccessKeyId `keys` has a key for.
fn header_key_found(described: &Described, keys: &GivenKey<'_>) -> bool {
    described
        .headers
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("authorization"))
        .and_then(|(_, value)| ParsedAuthorization::parse(value.as_bytes()).ok())
        .is_some_and(|auth| keys.signing_key(auth.access_key_id(), None).is_ok())
}

fn run_post_sign(args: &PostSignArgs) -> Outcome {
    let bytes = match input::read_all(&args.policy) {
        Ok(bytes) => bytes,
        Err(message) => return Outcome::Usage(message),
    };
    let policy = if args.base64 {
        String::from_utf8_lossy(bytes.trim_ascii()).into_owned()
    } else {
        let mut policy = String::new();
        // Writing into a String cannot fail.
        let _ = write_post_policy_base64(&bytes, &mut policy);
        policy
    };
    let key = SigningKey::new(&args.access_key_secret);
    let signature = post_policy_signature(&key, policy.as_bytes());
    Outcome::Ok(Output::choose(
        args.json,
        || json!({ "policy": policy, "signature": signature.as_str() }),
        || format!("policy: {policy}\nSignature: {signature}\n"),
    ))
}
