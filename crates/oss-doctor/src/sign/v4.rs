//! Signature V4 (`OSS4-HMAC-SHA256`) for `sign`, `presign` and `post-sign`: the options,
//! what is signed, and how it is shown.

use oss_core::naming::{Timestamp, parse_compact_iso8601};
use oss_core::sign::v4::{
    self, ALGORITHM, Form, MAX_EXPIRES_SECS, Product, Scope, ScopedKey, Settings,
};
use oss_core::sign::{Credentials, SigningKey};
use serde_json::{Map, Value, json};

use super::request::Described;
use super::visible;
use crate::report::{self, Outcome, Output};

/// The signature algorithm.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub(super) enum Version {
    /// Signature V1: `OSS AccessKeyId:Signature` (HMAC-SHA1).
    #[default]
    V1,
    /// Signature V4: `OSS4-HMAC-SHA256 Credential=...` (HMAC-SHA256, scoped to a day,
    /// region and product).
    V4,
}

impl Version {
    /// `v1` or `v4`.
    pub(super) const fn as_str(self) -> &'static str {
        match self {
            Self::V1 => "v1",
            Self::V4 => "v4",
        }
    }
}

/// The product a V4 credential is scoped to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(super) enum ProductArg {
    /// Object Storage Service.
    Oss,
    /// OSS on CloudBox (the region is then the cloud box id, such as cb-123).
    OssCloudbox,
}

impl From<ProductArg> for Product {
    fn from(product: ProductArg) -> Self {
        match product {
            ProductArg::Oss => Self::Oss,
            ProductArg::OssCloudbox => Self::OssCloudbox,
        }
    }
}

/// The Signature V4 options of `sign`, `presign` and `post-sign`.
#[derive(Debug, clap::Args)]
pub(super) struct V4Args {
    /// The signature version: v1 (`OSS id:signature`) or v4 (`OSS4-HMAC-SHA256`).
    #[arg(long, value_enum, default_value_t = Version::V1)]
    pub(super) signature_version: Version,
    /// V4: the region id to sign for, such as cn-hangzhou (not the endpoint name
    /// oss-cn-hangzhou); the cloud box id with --product oss-cloudbox.
    #[arg(long)]
    region: Option<String>,
    /// V4: the product of the credential scope (default: oss).
    #[arg(long, value_enum)]
    product: Option<ProductArg>,
    /// V4: also sign this header (repeatable); x-oss-*, Content-Type and Content-MD5 are
    /// signed anyway, and a name the request lacks is left out, as the SDKs do.
    #[arg(long = "additional-header", value_name = "NAME")]
    additional_headers: Vec<String>,
    /// V4: the signing time, in UNIX seconds (default: this machine's clock).
    #[arg(long, value_name = "UNIX_SECONDS", value_parser = parse_now, allow_hyphen_values = true)]
    now: Option<Timestamp>,
}

/// `--now`: UNIX seconds, within the years 1 to 9999.
pub(super) fn parse_now(text: &str) -> Result<Timestamp, String> {
    let secs: i64 = text
        .trim()
        .parse()
        .map_err(|_| "expected UNIX seconds, such as 1702743657".to_owned())?;
    Timestamp::from_unix(secs).ok_or_else(|| {
        format!(
            "{secs} is outside the years 1 to 9999 ({}..={})",
            Timestamp::MIN.unix_seconds(),
            Timestamp::MAX.unix_seconds()
        )
    })
}

/// The value given, or this machine's clock.
pub(super) fn now_or_clock(given: Option<Timestamp>) -> Result<Timestamp, String> {
    given
        .or_else(Timestamp::now)
        .ok_or_else(|| "this machine's clock is outside the years 1 to 9999: pass --now".to_owned())
}

/// The usage message for a region id OSS would refuse.
pub(super) fn region_usage(flag: &str, region: &str) -> String {
    let mut message = format!(
        "{flag} {region:?}: a region id is 1 to {} lower-case letters, digits and '-', such as cn-hangzhou",
        v4::MAX_REGION_LEN
    );
    if let Some(id) = region.strip_prefix("oss-") {
        message.push_str(&format!(
            " (the endpoint name's oss- is not part of it: {flag} {id})"
        ));
    }
    message
}

impl V4Args {
    /// Whether to sign with V4; with V1, a usage error for an option only V4 uses.
    pub(super) fn is_v4(&self) -> Result<bool, String> {
        if self.signature_version == Version::V4 {
            return Ok(true);
        }
        let given = [
            ("--region", self.region.is_some()),
            ("--product", self.product.is_some()),
            ("--additional-header", !self.additional_headers.is_empty()),
            ("--now", self.now.is_some()),
        ];
        match given.iter().find(|(_, given)| *given) {
            Some((flag, _)) => Err(format!(
                "{flag} is a Signature V4 option: add --signature-version v4 (V1 signs no region, product or signing time; it signs the Date header you give)"
            )),
            None => Ok(false),
        }
    }

    /// The names of `--additional-header`.
    pub(super) fn additional_names(&self) -> Vec<&str> {
        self.additional_headers.iter().map(String::as_str).collect()
    }

    /// The product (default `oss`).
    fn product(&self) -> Product {
        self.product.map_or(Product::Oss, Product::from)
    }

    /// The region, required.
    fn region(&self) -> Result<&str, String> {
        let region = self.region.as_deref().ok_or_else(|| {
            "--signature-version v4 needs --region: the region id, such as cn-hangzhou (the cloud box id with --product oss-cloudbox)".to_owned()
        })?;
        v4::check_region(region).map_err(|_| region_usage("--region", region))?;
        Ok(region)
    }

    /// The checked settings; a usage message otherwise.
    pub(super) fn settings<'a>(&'a self, names: &'a [&'a str]) -> Result<Settings<'a>, String> {
        let region = self.region()?;
        let settings = Settings::new(region)
            .map_err(|_| region_usage("--region", region))?
            .with_product(self.product());
        settings.with_additional_headers(names).map_err(|_| {
            format!(
                "--additional-header {names:?}: each name must be an HTTP token (letters, digits and !#$%&'*+-.^_`|~), {} bytes in all at most",
                v4::MAX_ADDITIONAL_HEADERS_LEN
            )
        })
    }

    /// The signing time.
    pub(super) fn now(&self) -> Result<Timestamp, String> {
        now_or_clock(self.now)
    }

    /// Things worth saying about options that are valid but likely wrong.
    fn warnings(&self) -> Vec<String> {
        let mut warnings = Vec::new();
        if let Some(id) = self.region.as_deref().and_then(|r| r.strip_prefix("oss-")) {
            warnings.push(format!(
                "--region oss-{id} looks like an endpoint name: the region id is {id}, and OSS refuses a credential for another region"
            ));
        }
        warnings
    }
}

/// Adds `warnings` to a JSON document.
fn add_warnings(doc: &mut Value, warnings: &[String]) {
    if !warnings.is_empty() {
        doc["warnings"] = json!(warnings);
    }
}

/// The warnings as text lines.
fn warnings_text(warnings: &[String]) -> String {
    warnings
        .iter()
        .map(|warning| format!("warning: {warning}\n"))
        .collect()
}

/// Runs `f` and keeps what it wrote.
fn transcript(
    f: impl FnOnce(&mut Vec<u8>) -> Result<(), oss_core::errors::Error>,
) -> Result<Vec<u8>, oss_core::errors::Error> {
    let mut out = Vec::new();
    f(&mut out)?;
    Ok(out)
}

/// `sign --signature-version v4`.
pub(super) fn sign(
    json: bool,
    args: &V4Args,
    described: &Described,
    creds: &Credentials<'_>,
) -> Outcome {
    let names = args.additional_names();
    let (settings, now) = match args.settings(&names).and_then(|s| Ok((s, args.now()?))) {
        Ok(both) => both,
        Err(message) => return Outcome::Usage(message),
    };
    let request = described.request();
    let signed = match v4::sign(creds, &request, &settings, now) {
        Ok(signed) => signed,
        Err(err) => return report::rejected(json, &err),
    };
    let form = Form::Header {
        settings,
        creds: *creds,
        now,
    };
    let transcripts =
        transcript(|out| v4::canonical_request(&request, form, out)).and_then(|canonical| {
            transcript(|out| v4::string_to_sign(&request, form, out)).map(|sts| (canonical, sts))
        });
    let (canonical, sts) = match transcripts {
        Ok(both) => both,
        Err(err) => return report::rejected(json, &err),
    };
    let headers: Vec<(&str, &str)> = signed.headers().collect();
    let signed_at = signed.date();
    let mut warnings = args.warnings();
    if let Some(given) = args.now
        && given.compact_iso8601().as_str() != signed_at
    {
        warnings.push(format!(
            "the request's own x-oss-date {signed_at} is what is signed, not --now {}",
            given.unix_seconds()
        ));
    }
    Outcome::Ok(Output::choose(
        json,
        || {
            let mut to_send = Map::new();
            for (name, value) in &headers {
                to_send.insert((*name).to_owned(), json!(value));
            }
            let mut doc = json!({
                "signature_version": "v4",
                "canonical_request": String::from_utf8_lossy(&canonical),
                "string_to_sign": String::from_utf8_lossy(&sts),
                "signature": signed.signature(),
                "authorization": signed.authorization(),
                "date": signed_at,
                "headers_to_send": to_send,
            });
            add_warnings(&mut doc, &warnings);
            doc
        },
        || {
            let mut text = format!(
                "canonical request:\n{}\n\nstring to sign:\n{}\n\nsignature: {}\nAuthorization: {}\nsend these headers:\n",
                visible::render(&canonical),
                visible::render(&sts),
                signed.signature(),
                signed.authorization()
            );
            for (name, value) in &headers {
                text.push_str(&format!("  {name}: {value}\n"));
            }
            text.push_str(&warnings_text(&warnings));
            text
        },
    ))
}

/// `presign --signature-version v4 --expires-in SECONDS`.
pub(super) fn presign(
    json: bool,
    args: &V4Args,
    expires_in: u64,
    endpoint: Option<&str>,
    described: &Described,
    creds: &Credentials<'_>,
    key: &SigningKey,
) -> Outcome {
    let names = args.additional_names();
    let (settings, now) = match args.settings(&names).and_then(|s| Ok((s, args.now()?))) {
        Ok(both) => both,
        Err(message) => return Outcome::Usage(message),
    };
    let request = described.request();
    let presigned = match v4::presign(creds, &request, &settings, now, expires_in) {
        Ok(presigned) => presigned,
        Err(err) => return report::rejected(json, &err),
    };
    let query = presigned.query();
    let url = described
        .presigned_url(&query)
        .or_else(|| endpoint.map(|endpoint| presigned.url(endpoint)));
    // What was signed is what a server computes for the presigned request: shown only
    // when it reproduces the signature.
    let mut received = described.clone();
    received.query.clear();
    received.raw_query = Some(query.clone());
    let received_request = received.request();
    let transcripts =
        transcript(|out| v4::canonical_request(&received_request, Form::Received, out))
            .and_then(|canonical| {
                transcript(|out| v4::string_to_sign(&received_request, Form::Received, out))
                    .map(|sts| (canonical, sts))
            })
            .ok()
            .filter(|(_, sts)| {
                Scope::new(now, settings.region(), settings.product()).is_ok_and(|scope| {
                    ScopedKey::derive(key, scope).sign(sts).as_str()
                        == presigned.signature().as_str()
                })
            });
    let expires_at = now.unix_seconds().saturating_add_unsigned(expires_in);
    let signed_at = now.compact_iso8601();
    let warnings = args.warnings();
    Outcome::Ok(Output::choose(
        json,
        || {
            let mut doc = json!({
                "signature_version": "v4",
                "signature": presigned.signature(),
                "query": query,
                "date": signed_at.as_str(),
                "expires_in": expires_in,
                "expires_at": expires_at,
            });
            if let Some((canonical, sts)) = &transcripts {
                doc["canonical_request"] = json!(String::from_utf8_lossy(canonical));
                doc["string_to_sign"] = json!(String::from_utf8_lossy(sts));
            }
            if let Some(url) = &url {
                doc["url"] = json!(url);
            }
            add_warnings(&mut doc, &warnings);
            doc
        },
        || {
            let mut text = String::new();
            if let Some((canonical, sts)) = &transcripts {
                text.push_str(&format!(
                    "canonical request:\n{}\n\nstring to sign:\n{}\n\n",
                    visible::render(canonical),
                    visible::render(sts)
                ));
            }
            text.push_str(&format!(
                "signature: {}\nsigned at: {} (expires {expires_in} s later, at UNIX {expires_at})\nquery: {query}\n",
                presigned.signature(),
                signed_at.as_str()
            ));
            if let Some(url) = &url {
                text.push_str(&format!("url: {url}\n"));
            }
            text.push_str(&warnings_text(&warnings));
            text
        },
    ))
}

/// Checks `--expires-in`: 1..=604800 seconds.
pub(super) fn check_expires_in(expires_in: u64) -> Result<u64, String> {
    if (1..=MAX_EXPIRES_SECS).contains(&expires_in) {
        Ok(expires_in)
    } else {
        Err(format!(
            "--expires-in {expires_in}: a V4 presigned URL lives 1 to {MAX_EXPIRES_SECS} seconds (7 days); the v2 SDKs refuse more, and OSS answers InvalidArgument"
        ))
    }
}

/// The V4 form fields the policy conditions name exactly (`{"x-oss-date": "..."}` or
/// `["eq", "$x-oss-date", "..."]`).
#[derive(Debug, Default)]
struct PolicyFields {
    date: Option<String>,
    credential: Option<String>,
    signature_version: Option<String>,
}

impl PolicyFields {
    /// Reads the conditions of a policy document (nothing when it is not JSON).
    fn read(policy_json: &[u8]) -> Self {
        let mut fields = Self::default();
        let Ok(doc) = serde_json::from_slice::<Value>(policy_json) else {
            return fields;
        };
        let Some(conditions) = doc.get("conditions").and_then(Value::as_array) else {
            return fields;
        };
        for condition in conditions {
            let pairs: Vec<(String, String)> = match condition {
                Value::Object(map) => map
                    .iter()
                    .filter_map(|(k, v)| Some((k.to_ascii_lowercase(), v.as_str()?.to_owned())))
                    .collect(),
                Value::Array(items) if items.len() == 3 => {
                    let op = items[0].as_str().unwrap_or_default();
                    let (Some(name), Some(value)) = (items[1].as_str(), items[2].as_str()) else {
                        continue;
                    };
                    if !op.eq_ignore_ascii_case("eq") {
                        continue;
                    }
                    let name = name.strip_prefix('$').unwrap_or(name);
                    vec![(name.to_ascii_lowercase(), value.to_owned())]
                }
                _ => continue,
            };
            for (name, value) in pairs {
                let slot = match name.as_str() {
                    "x-oss-date" => &mut fields.date,
                    "x-oss-credential" => &mut fields.credential,
                    "x-oss-signature-version" => &mut fields.signature_version,
                    _ => continue,
                };
                slot.get_or_insert(value);
            }
        }
        fields
    }
}

/// `post-sign --signature-version v4`: `policy_json` is the policy document (decoded),
/// `policy` the base64 form field.
pub(super) fn post_sign(
    json: bool,
    args: &V4Args,
    access_key_id: Option<&str>,
    key: &SigningKey,
    policy_json: &[u8],
    policy: &str,
) -> Outcome {
    if !args.additional_headers.is_empty() {
        return Outcome::Usage(
            "--additional-header does not apply to post-sign: a PostObject V4 signature covers the policy only".into(),
        );
    }
    let Some(access_key_id) = access_key_id else {
        return Outcome::Usage(
            "post-sign --signature-version v4 needs --access-key-id (it is part of x-oss-credential)".into(),
        );
    };
    if let Err(err) = Credentials::new(access_key_id, key) {
        return match err {
            oss_core::sign::CredentialsError::Invalid(err) => report::rejected(json, &err),
            err => Outcome::Usage(format!("--access-key-id: {err}")),
        };
    }
    let region = match args.region() {
        Ok(region) => region,
        Err(message) => return Outcome::Usage(message),
    };
    let fields = PolicyFields::read(policy_json);
    // The form's x-oss-date must equal the policy's: sign at the policy's date unless
    // --now says otherwise.
    let policy_date = match fields.date.as_deref() {
        Some(date) => match parse_compact_iso8601(date) {
            Some(time) => Some(time),
            None => {
                return Outcome::Usage(format!(
                    "the policy's x-oss-date condition {date:?} is not YYYYMMDDTHHMMSSZ (UTC), such as 20231216T162057Z"
                ));
            }
        },
        None => None,
    };
    let now = match (args.now, policy_date) {
        (Some(now), Some(date)) if now.unix_seconds() != date.unix_seconds() => {
            return Outcome::Usage(format!(
                "--now {} is {}, but the policy's x-oss-date condition is {}: OSS requires the form's x-oss-date to equal the policy's (drop --now to sign at the policy's date)",
                now.unix_seconds(),
                now.compact_iso8601().as_str(),
                date.compact_iso8601().as_str()
            ));
        }
        (Some(now), _) => now,
        (None, Some(date)) => date,
        (None, None) => match now_or_clock(None) {
            Ok(now) => now,
            Err(message) => return Outcome::Usage(message),
        },
    };
    let scope = match Scope::new(now, region, args.product()) {
        Ok(scope) => scope,
        Err(_) => return Outcome::Usage(region_usage("--region", region)),
    };
    let signature = v4::post_policy_signature(&ScopedKey::derive(key, scope), policy.as_bytes());
    let credential = format!("{access_key_id}/{scope}");
    let date = now.compact_iso8601();
    let mut warnings = args.warnings();
    if let Some(named) = &fields.credential
        && *named != credential
    {
        warnings.push(format!(
            "the policy's x-oss-credential condition is {named:?}, but the form's x-oss-credential is {credential:?}: OSS would refuse the upload"
        ));
    }
    if let Some(named) = &fields.signature_version
        && named != ALGORITHM
    {
        warnings.push(format!(
            "the policy's x-oss-signature-version condition is {named:?}, but V4 forms send {ALGORITHM}"
        ));
    }
    Outcome::Ok(Output::choose(
        json,
        || {
            let mut doc = json!({
                "signature_version": "v4",
                "policy": policy,
                "signature": signature,
                "credential": credential,
                "date": date.as_str(),
                "form_fields": {
                    "policy": policy,
                    "x-oss-signature-version": ALGORITHM,
                    "x-oss-credential": credential,
                    "x-oss-date": date.as_str(),
                    "x-oss-signature": signature,
                },
            });
            add_warnings(&mut doc, &warnings);
            doc
        },
        || {
            let mut text = format!(
                "form fields:\n  policy: {policy}\n  x-oss-signature-version: {ALGORITHM}\n  x-oss-credential: {credential}\n  x-oss-date: {}\n  x-oss-signature: {signature}\n",
                date.as_str()
            );
            text.push_str(&warnings_text(&warnings));
            text
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_v4_fields_a_policy_names() {
        let fields = PolicyFields::read(
            br#"{"conditions":[{"x-oss-date":"20231216T162057Z"},["eq","$x-oss-credential","ak/x"],["starts-with","$key","a"],{"X-OSS-Signature-Version":"OSS4-HMAC-SHA256"}]}"#,
        );
        assert_eq!(fields.date.as_deref(), Some("20231216T162057Z"));
        assert_eq!(fields.credential.as_deref(), Some("ak/x"));
        assert_eq!(fields.signature_version.as_deref(), Some(ALGORITHM));
        assert!(PolicyFields::read(b"not json").date.is_none());
    }

    #[test]
    fn now_and_expires_in_are_checked() {
        assert_eq!(
            parse_now("1702743657").map(Timestamp::unix_seconds),
            Ok(1_702_743_657)
        );
        assert!(parse_now("soon").is_err());
        assert!(parse_now("99999999999999").is_err());
        assert!(check_expires_in(0).is_err());
        assert!(check_expires_in(604_801).is_err());
        assert_eq!(check_expires_in(604_800), Ok(604_800));
        assert!(region_usage("--region", "oss-cn-hangzhou").contains("--region cn-hangzhou"));
    }
}
