//! `oss-doctor sign | presign | verify | post-sign`: Signature V1 and V4 by hand.

pub(crate) mod address;
mod diagnose;
mod diagnose_resource;
mod diagnose_v4;
mod oss_host;
mod received;
mod reconstructed;
pub(crate) mod request;
mod v4;
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
use reconstructed::Reconstructed;
use request::{Described, RequestArgs};
use v4::{V4Args, Version};

/// The signature subcommands (Signature V1, and V4 with `--signature-version v4`).
#[derive(Debug, clap::Subcommand)]
pub(crate) enum Command {
    /// Sign a request: print what is signed, the signature and the Authorization header
    /// (V4: the canonical request too, and the headers to send).
    Sign(SignArgs),
    /// Presign a request: print what is signed, the signature, the query and the URL.
    Presign(PresignArgs),
    /// Verify a signed request (V1 or V4, Authorization header or presigned query, as the
    /// request says) as OSS would.
    Verify(VerifyArgs),
    /// Sign a PostObject policy: print the base64 policy and its signature (V4: the form
    /// fields).
    PostSign(PostSignArgs),
}

/// Arguments of `sign`.
#[derive(Debug, clap::Args)]
pub(crate) struct SignArgs {
    #[command(flatten)]
    request: RequestArgs,
    #[command(flatten)]
    creds: CredentialArgs,
    #[command(flatten)]
    v4: V4Args,
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
    #[command(flatten)]
    v4: V4Args,
    /// V1: when the URL stops working, in UNIX seconds.
    #[arg(long)]
    expires: Option<u64>,
    /// V4: how long the URL works after the signing time, in seconds (1 to 604800).
    #[arg(long, value_name = "SECONDS")]
    expires_in: Option<u64>,
    /// The region endpoint, such as `oss-cn-hangzhou.aliyuncs.com` (a scheme may be given); prints the full URL.
    /// Not with --url, whose host and path the URL is built on.
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
    #[arg(long, allow_hyphen_values = true)]
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
    #[arg(long, allow_hyphen_values = true)]
    access_key_secret: String,
    /// Only accept this AccessKeyId (others are unknown, as on OSS).
    #[arg(long)]
    access_key_id: Option<String>,
    /// Require this signature version (the request itself says which it uses).
    #[arg(long, value_enum)]
    signature_version: Option<Version>,
    /// V4: a region (or cloud box id) the server serves, such as cn-hangzhou (repeatable);
    /// required to verify a V4 request.
    #[arg(long = "region", value_name = "REGION")]
    regions: Vec<String>,
    /// The server clock, in UNIX seconds (default: this machine's clock).
    #[arg(long, value_name = "UNIX_SECONDS", value_parser = v4::parse_now, allow_hyphen_values = true)]
    now: Option<Timestamp>,
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
    #[arg(long, allow_hyphen_values = true)]
    access_key_secret: String,
    /// The AccessKeyId (V4: required, it is part of x-oss-credential; V1: the
    /// OSSAccessKeyId form field).
    #[arg(long)]
    access_key_id: Option<String>,
    #[command(flatten)]
    v4: V4Args,
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
    then: impl FnOnce(&Described, &Credentials<'_>, &SigningKey) -> Outcome,
) -> Outcome {
    let described = match Described::parse(request) {
        Ok(described) => described,
        Err(message) => return Outcome::Usage(message),
    };
    let key = SigningKey::new(&creds.access_key_secret);
    match credentials(creds, &key) {
        Ok(creds) => then(&described, &creds, &key),
        Err(CredentialsError::Invalid(err)) => report::rejected(json, &err),
        Err(err) => Outcome::Usage(format!("--access-key-id: {err}")),
    }
}

/// Whether `args` ask for V4, with the V4 settings checked before anything else is read.
fn wants_v4(args: &V4Args) -> Result<bool, String> {
    let v4 = args.is_v4()?;
    if v4 {
        let names = args.additional_names();
        args.settings(&names)?;
    }
    Ok(v4)
}

fn run_sign(args: &SignArgs) -> Outcome {
    let v4 = match wants_v4(&args.v4) {
        Ok(v4) => v4,
        Err(message) => return Outcome::Usage(message),
    };
    with_request_and_credentials(
        &args.request,
        &args.creds,
        args.json,
        |described, creds, _| {
            let outcome = if v4 {
                v4::sign(args.json, &args.v4, described, creds)
            } else {
                sign_described(args, described, creds)
            };
            with_url_request(described, v4, outcome)
        },
    )
}

fn sign_described(args: &SignArgs, described: &Described, creds: &Credentials<'_>) -> Outcome {
    // V1 signs the Date (or x-oss-date) header: without one, sign with the current time
    // and say so, rather than sign an empty date line OSS would refuse.
    let mut dated;
    let mut date_added = None;
    let described = if described.has_header("date") || described.has_header("x-oss-date") {
        described
    } else {
        let Some(now) = Timestamp::now() else {
            return Outcome::Usage(
                "no Date header given and this machine's clock is unusable: pass --header 'Date: ...'".into(),
            );
        };
        let date = now.rfc1123().to_string();
        dated = described.clone();
        dated.headers.push(("Date".to_owned(), date.clone()));
        date_added = Some(date);
        &dated
    };
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
                "signature": auth.signature(),
                "authorization": auth,
            });
            let mut send = Map::new();
            if let Some(date) = &date_added {
                send.insert("Date".into(), json!(date));
            }
            if let Some(token) = token_header {
                send.insert(SECURITY_TOKEN_HEADER.into(), json!(token));
            }
            if !send.is_empty() {
                doc["headers_to_send"] = send.into();
            }
            if date_added.is_some() {
                doc["note"] = json!(
                    "no Date or x-oss-date header was given: signed with the current time as Date, which must be sent with the request"
                );
            }
            doc
        },
        || {
            let mut text = String::new();
            if let Some(date) = &date_added {
                text.push_str(&format!(
                    "note: no Date or x-oss-date header was given: signed with Date: {date} (send it)\n\n"
                ));
            }
            text.push_str(&format!(
                "string to sign:\n{}\n\nsignature: {}\nAuthorization: {}\n",
                visible::render(&sts),
                auth.signature(),
                auth
            ));
            if let Some(date) = &date_added {
                text.push_str(&format!("also send: Date: {date}\n"));
            }
            if let Some(token) = token_header {
                text.push_str(&format!("also send: {SECURITY_TOKEN_HEADER}: {token}\n"));
            }
            text
        },
    ))
}

/// How long a presigned URL works: V1's `--expires` or V4's `--expires-in`.
#[derive(Clone, Copy, Debug)]
enum Expiry {
    /// V1: the UNIX time it stops.
    At(u64),
    /// V4: seconds after the signing time.
    In(u64),
}

fn expiry(args: &PresignArgs) -> Result<Expiry, String> {
    if wants_v4(&args.v4)? {
        if args.expires.is_some() {
            return Err("--expires is V1's (the UNIX time the URL stops working); with --signature-version v4 give --expires-in SECONDS".into());
        }
        let expires_in = args.expires_in.ok_or_else(|| {
            "presign --signature-version v4 needs --expires-in SECONDS (1 to 604800)".to_owned()
        })?;
        v4::check_expires_in(expires_in).map(Expiry::In)
    } else {
        if args.expires_in.is_some() {
            return Err("--expires-in is a Signature V4 option: add --signature-version v4 (V1 takes --expires UNIX_SECONDS)".into());
        }
        args.expires.map(Expiry::At).ok_or_else(|| {
            "presign needs --expires UNIX_SECONDS (V1), or --signature-version v4 --expires-in SECONDS".to_owned()
        })
    }
}

/// Shows the reconstructed request after what `sign` or `presign` printed, when it came
/// from `--url` (which has rules of its own to read).
fn with_url_request(described: &Described, v4: bool, outcome: Outcome) -> Outcome {
    if described.address.is_some() {
        Reconstructed::of(described, v4).attach(outcome)
    } else {
        outcome
    }
}

fn run_presign(args: &PresignArgs) -> Outcome {
    let expiry = match expiry(args) {
        Ok(expiry) => expiry,
        Err(message) => return Outcome::Usage(message),
    };
    if args.endpoint.is_some() && args.request.has_url() {
        return Outcome::Usage(
            "--endpoint and --url both name the host: drop --endpoint (the presigned URL is built on --url)".into(),
        );
    }
    with_request_and_credentials(
        &args.request,
        &args.creds,
        args.json,
        |described, creds, key| {
            let outcome = match expiry {
                Expiry::At(expires) => presign_described(args, expires, described, creds),
                Expiry::In(expires_in) => v4::presign(
                    args.json,
                    &args.v4,
                    expires_in,
                    args.endpoint.as_deref(),
                    described,
                    creds,
                    key,
                ),
            };
            with_url_request(described, matches!(expiry, Expiry::In(_)), outcome)
        },
    )
}

fn presign_described(
    args: &PresignArgs,
    expires: u64,
    described: &Described,
    creds: &Credentials<'_>,
) -> Outcome {
    let request = described.request();
    let presigned = presign(creds, &request, expires);
    let mut sts = Vec::new();
    string_to_sign(&request, Form::presigned(creds, expires), &mut sts);
    let query = presigned.query();
    let url = described.presigned_url(&query).or_else(|| {
        args.endpoint
            .as_deref()
            .map(|endpoint| presigned.url(endpoint))
    });
    // A past Expires is allowed (published vectors use them) but never silently: the URL
    // is already dead, and a duration given as --expires (3600) is the usual mistake.
    let now = crate::clock::unix_now();
    let warning = (expires <= now).then(|| {
        format!(
            "--expires {expires} has passed (it is now {now}): OSS refuses this URL with AccessDenied \"Request has expired.\"; --expires is the UNIX time the URL stops working (one hour from now: {})",
            now + 3600
        )
    });
    Outcome::Ok(Output::choose(
        args.json,
        || {
            let mut doc = json!({
                "string_to_sign": String::from_utf8_lossy(&sts),
                "signature": presigned.signature(),
                "query": query,
            });
            if let Some(url) = &url {
                doc["url"] = json!(url);
            }
            if let Some(warning) = &warning {
                doc["warning"] = json!(warning);
            }
            doc
        },
        || {
            let mut text = warning
                .as_ref()
                .map_or_else(String::new, |warning| format!("warning: {warning}\n\n"));
            text += &format!(
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

/// The checked `--region` values and how the request is signed; a usage message when the
/// request cannot be judged as asked.
fn verify_plan<'a>(
    args: &'a VerifyArgs,
    described: &Described,
) -> Result<(Vec<&'a str>, AuthMethod), String> {
    let mut regions = Vec::new();
    for region in &args.regions {
        oss_core::sign::v4::check_region(region)
            .map_err(|_| v4::region_usage("--region", region))?;
        regions.push(region.as_str());
    }
    let method = received::method(described);
    let version = received::version(method);
    if let Some(expected) = args.signature_version
        && version != Some(expected)
    {
        return Err(format!(
            "--signature-version {}: the request is {}; drop --signature-version to verify it as it is",
            expected.as_str(),
            received::describe(method)
        ));
    }
    if version == Some(Version::V4) && regions.is_empty() {
        let credential = received::v4_credential(described);
        let named = credential
            .as_deref()
            .and_then(received::credential_region)
            .map(|region| format!(" (the request's credential names {region})"))
            .unwrap_or_default();
        return Err(format!(
            "the request is {}: pass --region, the region (or cloud box id) the server serves{named}",
            received::describe(method)
        ));
    }
    Ok((regions, method))
}

/// The method and signature version of a verified request.
fn method_names(method: AuthMethod) -> (&'static str, Option<&'static str>) {
    let name = match method {
        AuthMethod::Header | AuthMethod::HeaderV4 => "header",
        AuthMethod::Query | AuthMethod::QueryV4 => "query",
        _ => return ("anonymous", None),
    };
    (name, received::version(method).map(Version::as_str))
}

/// What the server computed for the request: the V4 canonical request (empty for V1) and
/// the string-to-sign.
#[derive(Debug, Default)]
struct ServerTranscripts {
    canonical_request: Vec<u8>,
    string_to_sign: Vec<u8>,
}

impl ServerTranscripts {
    fn of(
        described: &Described,
        version: Option<Version>,
        keys: &GivenKey<'_>,
        verdict: &Result<Verified<'_>, Error>,
    ) -> Self {
        let mut out = Self::default();
        let request = described.request();
        if version == Some(Version::V4) {
            let show = match verdict {
                Ok(_) => true,
                Err(err) => err.entry() == Entry::SignatureDoesNotMatch,
            };
            let written = show
                && oss_core::sign::v4::canonical_request(
                    &request,
                    oss_core::sign::v4::Form::Received,
                    &mut out.canonical_request,
                )
                .and_then(|()| {
                    oss_core::sign::v4::string_to_sign(
                        &request,
                        oss_core::sign::v4::Form::Received,
                        &mut out.string_to_sign,
                    )
                })
                .is_ok();
            if !written {
                return Self::default();
            }
        } else if server_computed_string_to_sign(described, keys, verdict) {
            string_to_sign(&request, Form::Received, &mut out.string_to_sign);
        }
        out
    }

    fn add_json(&self, doc: &mut Map<String, Value>) {
        if !self.canonical_request.is_empty() {
            doc.insert(
                "canonical_request".into(),
                json!(String::from_utf8_lossy(&self.canonical_request)),
            );
            doc.insert(
                "canonical_request_bytes".into(),
                json!(visible::hex(&self.canonical_request)),
            );
        }
        if !self.string_to_sign.is_empty() {
            doc.insert(
                "string_to_sign".into(),
                json!(String::from_utf8_lossy(&self.string_to_sign)),
            );
            doc.insert(
                "string_to_sign_bytes".into(),
                json!(visible::hex(&self.string_to_sign)),
            );
        }
    }

    /// The transcripts for people; `whose` says whose they are.
    fn text(&self, whose: &str) -> String {
        let mut text = String::new();
        if !self.canonical_request.is_empty() {
            text.push_str(&format!(
                "canonical request{whose}:\n{}\n\n",
                visible::render(&self.canonical_request)
            ));
        }
        if !self.string_to_sign.is_empty() {
            text.push_str(&format!(
                "string to sign{whose}:\n{}\n",
                visible::render(&self.string_to_sign)
            ));
        }
        text
    }
}

fn run_verify(args: &VerifyArgs) -> Outcome {
    let described = match Described::parse(&args.request) {
        Ok(described) => described,
        Err(message) => return Outcome::Usage(message),
    };
    let (regions, method) = match verify_plan(args, &described) {
        Ok(plan) => plan,
        Err(message) => return Outcome::Usage(message),
    };
    let version = received::version(method);
    let now = match v4::now_or_clock(args.now) {
        Ok(now) => now,
        Err(message) => return Outcome::Usage(message),
    };
    let key = SigningKey::new(&args.access_key_secret);
    let keys = GivenKey {
        only: args.access_key_id.as_deref(),
        key: &key,
    };
    let request = described.request();
    let verdict = Verifier::new()
        .with_regions(&regions)
        .verify(&request, now, &keys);
    let transcripts = ServerTranscripts::of(&described, version, &keys, &verdict);
    let reconstructed = Reconstructed::of(&described, version == Some(Version::V4));
    let outcome = match verdict {
        Ok(verified) => {
            let (method, version) = method_names(verified.method());
            Outcome::Ok(Output::choose(
                args.json,
                || {
                    let mut map = Map::new();
                    map.insert("valid".into(), json!(true));
                    map.insert("method".into(), json!(method));
                    if let Some(version) = version {
                        map.insert("signature_version".into(), json!(version));
                    }
                    if let Some(id) = verified.access_key_id() {
                        map.insert("access_key_id".into(), json!(id));
                    }
                    if let Some(expires) = verified.expires() {
                        map.insert("expires".into(), json!(expires));
                    }
                    if verified.method() != AuthMethod::Anonymous {
                        map.insert(
                            "string_to_sign".into(),
                            json!(String::from_utf8_lossy(&transcripts.string_to_sign)),
                        );
                        if !transcripts.canonical_request.is_empty() {
                            map.insert(
                                "canonical_request".into(),
                                json!(String::from_utf8_lossy(&transcripts.canonical_request)),
                            );
                        }
                    }
                    Value::Object(map)
                },
                || match (verified.access_key_id(), version) {
                    (Some(id), Some(version)) => format!(
                        "valid: signed by {id} ({method}, {})\n{}",
                        version.to_ascii_uppercase(),
                        transcripts.text("")
                    ),
                    _ => {
                        "valid: anonymous request (no signature); OSS applies the ACLs\n".to_owned()
                    }
                },
            ))
        }
        Err(err) => {
            let findings = if version == Some(Version::V4) {
                diagnose_v4::findings(&described, &keys, &regions, &err, now)
            } else {
                diagnose::findings(&described, &key, &err, now)
            };
            let mut doc: Map<String, Value> = report::rejection_json(&err);
            Outcome::Rejected(Output::choose(
                args.json,
                || {
                    if let Some(version) = version {
                        doc.insert("signature_version".into(), json!(version.as_str()));
                    }
                    transcripts.add_json(&mut doc);
                    findings.add_json(&mut doc);
                    Value::Object(doc)
                },
                || {
                    let mut text = report::rejection_text(&err);
                    text.push_str(&transcripts.text(" (as the server computed it)"));
                    text.push_str(&findings.text());
                    text
                },
            ))
        }
    };
    reconstructed.attach(outcome)
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
    let v4 = match args.v4.is_v4() {
        Ok(v4) => v4,
        Err(message) => return Outcome::Usage(message),
    };
    let bytes = match input::read_all(&args.policy) {
        Ok(bytes) => bytes,
        Err(message) => return Outcome::Usage(message),
    };
    let (policy, policy_json) = if args.base64 {
        let policy = String::from_utf8_lossy(bytes.trim_ascii()).into_owned();
        let json = base64::Engine::decode(&base64::engine::general_purpose::STANDARD, &policy)
            .unwrap_or_default();
        (policy, json)
    } else {
        let mut policy = String::new();
        // Writing into a String cannot fail.
        let _ = write_post_policy_base64(&bytes, &mut policy);
        (policy, bytes)
    };
    // Sign only what OSS could read as a policy.
    if let Err(error) = oss_core::multipart::Policy::parse(&policy_json) {
        return report::rejected(args.json, &error);
    }
    let key = SigningKey::new(&args.access_key_secret);
    if v4 {
        return v4::post_sign(
            args.json,
            &args.v4,
            args.access_key_id.as_deref(),
            &key,
            &policy_json,
            &policy,
        );
    }
    let signature = post_policy_signature(&key, policy.as_bytes());
    let id = args.access_key_id.as_deref();
    Outcome::Ok(Output::choose(
        args.json,
        || {
            let mut doc = json!({ "policy": policy, "signature": signature });
            if let Some(id) = id {
                doc["access_key_id"] = json!(id);
            }
            doc
        },
        || {
            let mut text = format!("policy: {policy}\nSignature: {signature}\n");
            if let Some(id) = id {
                text.push_str(&format!("OSSAccessKeyId: {id}\n"));
            }
            text
        },
    ))
}
