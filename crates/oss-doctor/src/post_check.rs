//! `oss-doctor post-check`: judge a PostObject request as OSS would.
//!
//! Prints every form field, the file's name, type and size, and the first rule broken:
//! the `Content-Type`, the form rules, the signature (with `--access-key-secret`), then
//! the policy (expiration against `--now`, every condition, `content-length-range`).

use oss_core::errors::{Entry, Error};
use oss_core::multipart::{
    Boundary, Limits, Policy, PostCheck, PostForm, PostOptions, PostSignature,
};
use oss_core::naming::Timestamp;
use oss_core::sign::{KeyLookup, SecurityToken, SigningKey};
use serde_json::{Map, Value, json};

use crate::input;
use crate::report::{self, Outcome, Output};

/// Arguments of `post-check`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The request's Content-Type header, e.g. 'multipart/form-data; boundary=xyz'.
    #[arg(long, allow_hyphen_values = true)]
    content_type: String,
    /// The request body (`-` for standard input).
    #[arg(long)]
    body: String,
    /// The AccessKey secret: also check the signature (V1 `Signature` or V4
    /// `x-oss-signature`) against the policy.
    #[arg(long)]
    access_key_secret: Option<String>,
    /// A region the server answers for, for V4 forms (repeatable).
    #[arg(long = "region")]
    regions: Vec<String>,
    /// The current time in UNIX seconds, for the policy's expiration (default: the clock).
    #[arg(long, allow_hyphen_values = true)]
    now: Option<i64>,
    /// The bucket the form is posted to, for `bucket` policy conditions (skipped if absent).
    #[arg(long)]
    bucket: Option<String>,
    /// Use the live service's form limits (8 KB names, 2 MB values) instead of the 4 KB of
    /// the error-center pages.
    #[arg(long)]
    live_limits: bool,
    /// Match field names ignoring case (the 2021 API reference) instead of exactly.
    #[arg(long)]
    case_insensitive: bool,
    /// Print one JSON document.
    #[arg(long)]
    json: bool,
}

/// What was learnt about the form, whether or not it passed.
#[derive(Default)]
struct Findings {
    boundary: Option<String>,
    fields: Vec<(String, String)>,
    file: Option<FileInfo>,
    signature: Option<&'static str>,
    policy: Option<PolicyInfo>,
    /// The signature version verified, if one was.
    signature_version: Option<&'static str>,
    /// `bucket` conditions were not checked (no --bucket).
    bucket_skipped: bool,
}

/// The decoded policy: its expiration (UNIX seconds) and its conditions, as OSS quotes them.
struct PolicyInfo {
    expiration: i64,
    conditions: Vec<String>,
}

struct FileInfo {
    filename: Option<String>,
    content_type: Option<String>,
    size: usize,
}

/// Why the form fails: the OSS error, and the full message when OSS adds to it.
struct Failure {
    error: Error,
    message: Option<String>,
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        Self {
            error,
            message: None,
        }
    }
}

/// Runs `post-check`.
pub(crate) fn run(args: &Args) -> Outcome {
    let body = match input::read_all(&args.body) {
        Ok(body) => body,
        Err(message) => return Outcome::Usage(message),
    };
    let mut findings = Findings::default();
    match judge(args, &body, &mut findings) {
        Ok(()) => Outcome::Ok(Output::choose(
            args.json,
            || findings_json(&findings, None),
            || findings_text(&findings, None),
        )),
        Err(failure) => Outcome::Rejected(Output::choose(
            args.json,
            || findings_json(&findings, Some(&failure)),
            || findings_text(&findings, Some(&failure)),
        )),
    }
}

fn judge(args: &Args, body: &[u8], findings: &mut Findings) -> Result<(), Failure> {
    let boundary = Boundary::from_content_type(args.content_type.trim().as_bytes())?;
    findings.boundary = Some(lossy(boundary.as_bytes()));
    let limits = if args.live_limits {
        Limits::LIVE
    } else {
        Limits::DEFAULT
    };
    let options = PostOptions::DEFAULT
        .with_limits(limits)
        .with_case_insensitive_names(args.case_insensitive);
    let form = PostForm::parse_with(&boundary, body, options, |part| {
        if part.headers.name() == b"file"
            || (args.case_insensitive && part.headers.name().eq_ignore_ascii_case(b"file"))
        {
            findings.file = Some(FileInfo {
                filename: part.headers.filename().map(lossy),
                content_type: part.headers.content_type().map(lossy),
                size: part.data.len(),
            });
        } else if findings.file.is_none() {
            findings
                .fields
                .push((lossy(part.headers.name()), lossy(part.data)));
        }
    })?;

    let now = args.now.unwrap_or_else(crate::clock::unix_now_signed);
    let Some(now) = Timestamp::from_unix(now) else {
        return Err(Error::from(Entry::DateInvalid).into());
    };
    let mut buf = vec![0; body.len()];
    if let Some(json) = form.policy_json(&mut buf)? {
        let policy = Policy::parse(json)?;
        findings.policy = Some(PolicyInfo {
            expiration: policy.expiration().unix_seconds(),
            conditions: policy.conditions().map(|c| c.to_string()).collect(),
        });
    }
    let key = args.access_key_secret.as_deref().map(SigningKey::new);
    let keys = key.as_ref().map(AnyId);
    let regions: Vec<&str> = args.regions.iter().map(String::as_str).collect();
    let mut check = PostCheck::new(now).with_regions(&regions);
    if let Some(keys) = &keys {
        check = check.with_keys(keys);
    }
    if let Some(bucket) = &args.bucket {
        check = check.with_bucket(bucket.as_bytes());
    }
    let verdict = form.check(&check, &mut buf).map_err(|violation| Failure {
        error: violation.error(),
        message: violation.condition().map(|_| violation.to_string()),
    })?;
    findings.signature = Some(match verdict.signature {
        PostSignature::Anonymous => "none (anonymous form)",
        PostSignature::V1 | PostSignature::V4 => "verified",
        PostSignature::NotChecked => "not checked (no --access-key-secret)",
        _ => "not checked",
    });
    findings.signature_version = match verdict.signature {
        PostSignature::V1 => Some("v1"),
        PostSignature::V4 => Some("v4"),
        _ => None,
    };
    findings.bucket_skipped = verdict.bucket_conditions_skipped;
    Ok(())
}

/// The one secret given on the command line, for whatever AccessKeyId the form names.
struct AnyId<'k>(&'k SigningKey);

impl KeyLookup for AnyId<'_> {
    fn signing_key(
        &self,
        _id: &str,
        _token: Option<SecurityToken<'_>>,
    ) -> Result<&SigningKey, Error> {
        Ok(self.0)
    }
}

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn findings_json(findings: &Findings, failure: Option<&Failure>) -> Value {
    let mut doc = match failure {
        Some(failure) => {
            let mut map = report::rejection_json(&failure.error);
            if let Some(message) = &failure.message {
                map.insert("message".into(), json!(message));
            }
            map
        }
        None => {
            let mut map = Map::new();
            map.insert("valid".into(), json!(true));
            map
        }
    };
    doc.insert("boundary".into(), json!(findings.boundary));
    let fields: Vec<Value> = findings
        .fields
        .iter()
        .map(|(name, value)| json!({ "name": name, "value": value }))
        .collect();
    doc.insert("fields".into(), Value::Array(fields));
    doc.insert(
        "file".into(),
        findings.file.as_ref().map_or(Value::Null, |file| {
            json!({ "filename": file.filename, "content_type": file.content_type, "size": file.size })
        }),
    );
    doc.insert("signature".into(), json!(findings.signature));
    if let Some(version) = findings.signature_version {
        doc.insert("signature_version".into(), json!(version));
    }
    if findings.bucket_skipped {
        doc.insert(
            "bucket_conditions".into(),
            json!("not checked (no --bucket)"),
        );
    }
    doc.insert(
        "policy".into(),
        findings.policy.as_ref().map_or(
            Value::Null,
            |policy| json!({ "expiration": policy.expiration, "conditions": policy.conditions }),
        ),
    );
    Value::Object(doc)
}

fn findings_text(findings: &Findings, failure: Option<&Failure>) -> String {
    let mut text = String::new();
    if let Some(boundary) = &findings.boundary {
        text.push_str(&format!("boundary: {boundary}\n"));
    }
    if !findings.fields.is_empty() {
        text.push_str("fields:\n");
        for (name, value) in &findings.fields {
            text.push_str(&format!("  {name} = {value}\n"));
        }
    }
    if let Some(file) = &findings.file {
        let name = file.filename.as_deref().unwrap_or("(no filename)");
        let content_type = file.content_type.as_deref().unwrap_or("(no Content-Type)");
        text.push_str(&format!(
            "file: {name}, {content_type}, {} bytes\n",
            file.size
        ));
    }
    if let Some(signature) = findings.signature {
        match findings.signature_version {
            Some(version) => text.push_str(&format!("signature: {signature} ({version})\n")),
            None => text.push_str(&format!("signature: {signature}\n")),
        }
    }
    if findings.bucket_skipped {
        text.push_str("bucket conditions: not checked (no --bucket)\n");
    }
    let conditions = findings.policy.as_ref().map_or(&[][..], |p| &p.conditions);
    if !conditions.is_empty() {
        text.push_str("policy conditions:\n");
        for line in conditions {
            text.push_str(&format!("  {line}\n"));
        }
    }
    match failure {
        None => text.push_str("valid\n"),
        Some(failure) => {
            let mut rejection = report::rejection_text(&failure.error);
            if let Some(message) = &failure.message {
                rejection = rejection.replacen(
                    &format!("message: {}", failure.error),
                    &format!("message: {message}"),
                    1,
                );
            }
            text.push_str(&rejection);
        }
    }
    text
}
