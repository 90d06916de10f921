//! `oss-doctor check <KIND> <VALUE>`: judge one name or header value as OSS would.

mod date;

use oss_core::errors::Error;
use oss_core::naming::{
    self, KmsDataEncryption, ObjectNameOptions, ServerSideEncryption, StorageClass, TaggingOptions,
};
use serde_json::{Map, Value, json};

use crate::report::{self, Outcome, Output};

/// Arguments of `check`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// What the value is.
    kind: Kind,
    /// The value to check, exactly as it would be sent (quote it in the shell).
    #[arg(allow_hyphen_values = true)]
    value: String,
    /// Print one JSON document.
    #[arg(long)]
    json: bool,
    /// `object`: also apply the SDKs' strict V1 presign check (no leading `?`).
    #[arg(long)]
    strict: bool,
    /// `tagging`: accept ASCII letters and digits only (as the ali-oss SDK does).
    #[arg(long)]
    ascii_only: bool,
    /// `date`: the current UNIX time for the UNIX-timestamp rules (default: the clock).
    #[arg(long, allow_hyphen_values = true)]
    now: Option<i64>,
}

/// The kinds of value `check` knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Kind {
    /// A bucket name: 3-63 of a-z, 0-9 and '-', letter or digit at both ends.
    Bucket,
    /// An object name (key): 1-1023 bytes of UTF-8, not starting with '/' or '\'.
    Object,
    /// A LiveChannel name: 1-64 characters, no '/' or '\'.
    Channel,
    /// An HLS playlist name: 6-128 characters ending with ".m3u8".
    Playlist,
    /// An x-oss-tagging header: URL-encoded k1=v1&k2=v2, at most 10 tags.
    Tagging,
    /// One bucket tag, given as KEY=VALUE.
    BucketTag,
    /// An AccessKeyId: 0-9, a-z, A-Z, '.', '_' and '='.
    AccessKeyId,
    /// An x-oss-traffic-limit value in bit/s: 819200 to 838860800.
    TrafficLimit,
    /// An x-oss-persistent-headers value: name:Base64(value),...
    PersistentHeaders,
    /// A storage class: Standard, IA, Archive, ColdArchive or DeepColdArchive.
    StorageClass,
    /// An x-oss-server-side-encryption value: AES256, KMS or SM4.
    Sse,
    /// An x-oss-server-side-data-encryption value (with KMS): SM4.
    KmsDataEncryption,
    /// An x-oss-copy-source value: /bucket/url-encoded-key[?versionId=...].
    CopySource,
    /// A versionId value.
    VersionId,
    /// A date: RFC 1123 (Date header), UNIX seconds, or ISO 8601 (policy expiration).
    Date,
}

/// What a successful check found, for both output forms.
struct Verdict {
    /// Extra JSON fields beside `"valid": true`.
    fields: Map<String, Value>,
    /// Extra lines for people.
    lines: Vec<String>,
}

impl Verdict {
    fn plain() -> Self {
        Self {
            fields: Map::new(),
            lines: Vec::new(),
        }
    }

    fn with(mut self, name: &str, value: Value, line: String) -> Self {
        self.fields.insert(name.into(), value);
        self.lines.push(line);
        self
    }
}

/// A rejection with an optional note that says more than the OSS message.
struct Rejection {
    error: Error,
    note: Option<String>,
    fields: Map<String, Value>,
}

impl From<Error> for Rejection {
    fn from(error: Error) -> Self {
        Self {
            error,
            note: None,
            fields: Map::new(),
        }
    }
}

/// Runs `check`.
pub(crate) fn run(args: &Args) -> Outcome {
    let kind = kind_name(args.kind);
    match judge(args) {
        Ok(Ok(verdict)) => {
            let Verdict { mut fields, lines } = verdict;
            Outcome::Ok(Output::choose(
                args.json,
                || {
                    fields.insert("valid".into(), json!(true));
                    fields.insert("kind".into(), json!(kind));
                    Value::Object(fields)
                },
                || {
                    let mut text = format!("valid {kind}\n");
                    lines
                        .iter()
                        .for_each(|line| text.push_str(&format!("  {line}\n")));
                    text
                },
            ))
        }
        Ok(Err(Rejection {
            error,
            note,
            mut fields,
        })) => Outcome::Rejected(Output::choose(
            args.json,
            || {
                fields.extend(report::rejection_json(&error));
                if let Some(note) = note.as_deref() {
                    fields.insert("note".into(), json!(note));
                }
                Value::Object(fields)
            },
            || {
                let mut text = report::rejection_text(&error);
                if let Some(note) = &note {
                    text.push_str(&format!("  note: {note}\n"));
                }
                text
            },
        )),
        Err(usage) => Outcome::Usage(usage),
    }
}

/// The kind as typed on the command line.
fn kind_name(kind: Kind) -> String {
    clap::ValueEnum::to_possible_value(&kind)
        .map_or_else(String::new, |value| value.get_name().to_owned())
}

/// The verdict, or a usage error (exit 2) for a value that cannot be read at all.
fn judge(args: &Args) -> Result<Result<Verdict, Rejection>, String> {
    let value = args.value.as_str();
    let ok =
        |result: Result<(), Error>| Ok(result.map(|()| Verdict::plain()).map_err(Rejection::from));
    match args.kind {
        Kind::Bucket => ok(naming::check_bucket_name(value)),
        Kind::Object => {
            let options = ObjectNameOptions::SERVER.reject_leading_question_mark(args.strict);
            let bytes = value.len();
            Ok(naming::check_object_name_with(value, options)
                .map(|()| {
                    Verdict::plain().with("bytes", json!(bytes), format!("{bytes} bytes of UTF-8"))
                })
                .map_err(Rejection::from))
        }
        Kind::Channel => ok(naming::check_channel_name(value)),
        Kind::Playlist => ok(naming::check_playlist_name(value)),
        Kind::Tagging => Ok(tagging(value, args.ascii_only)),
        Kind::BucketTag => {
            let (key, tag_value) = value
                .split_once('=')
                .ok_or("bucket-tag expects KEY=VALUE")?;
            Ok(naming::check_bucket_tag(key, tag_value)
                .map(|()| {
                    Verdict::plain()
                        .with("key", json!(key), format!("key: {key}"))
                        .with("value", json!(tag_value), format!("value: {tag_value}"))
                })
                .map_err(Rejection::from))
        }
        Kind::AccessKeyId => ok(naming::check_access_key_id(value)),
        Kind::TrafficLimit => Ok(naming::check_traffic_limit(value)
            .map(|bits| {
                let line = format!("{bits} bit/s = {} KB/s", bits / 8 / 1024);
                Verdict::plain().with("bits_per_second", json!(bits), line)
            })
            .map_err(Rejection::from)),
        Kind::PersistentHeaders => Ok(persistent_headers(value)),
        Kind::StorageClass => ok(StorageClass::parse(value).map(drop)),
        Kind::Sse => ok(ServerSideEncryption::parse(value).map(drop)),
        Kind::KmsDataEncryption => ok(KmsDataEncryption::parse(value).map(drop)),
        Kind::CopySource => Ok(copy_source(value)),
        Kind::VersionId => ok(naming::check_version_id(value)),
        Kind::Date => Ok(date::judge(
            value,
            args.now.unwrap_or_else(crate::clock::unix_now_signed),
        )),
    }
}

fn tagging(value: &str, ascii_only: bool) -> Result<Verdict, Rejection> {
    let tagging =
        naming::parse_tagging_with(value, TaggingOptions::DEFAULT.ascii_only(ascii_only))?;
    let tags: Vec<Value> = tagging
        .iter()
        .map(|tag| json!({ "key": tag.key().to_string(), "value": tag.value().to_string() }))
        .collect();
    let mut verdict = Verdict::plain();
    verdict.fields.insert("tags".into(), Value::Array(tags));
    verdict
        .lines
        .push(format!("{} tag(s), decoded:", tagging.len()));
    for tag in &tagging {
        verdict.lines.push(format!(
            "  {:?} = {:?}",
            tag.key().to_string(),
            tag.value().to_string()
        ));
    }
    Ok(verdict)
}

fn persistent_headers(value: &str) -> Result<Verdict, Rejection> {
    let headers = naming::parse_persistent_headers(value)?;
    let mut verdict = Verdict::plain();
    let mut list = Vec::new();
    for header in headers.iter() {
        let mut buf = vec![0u8; header.decoded_len()];
        // The value was checked to be base64 of UTF-8, and `buf` has its exact length.
        let decoded = header.decode_value(&mut buf).unwrap_or_default();
        list.push(json!({ "name": header.name(), "value": decoded }));
        verdict
            .lines
            .push(format!("{}: {decoded:?}", header.name()));
    }
    verdict.fields.insert("headers".into(), Value::Array(list));
    Ok(verdict)
}

fn copy_source(value: &str) -> Result<Verdict, Rejection> {
    let source = naming::parse_copy_source(value)?;
    let key = source.key().to_string();
    let version = source.version_id().map(|v| v.to_string());
    let verdict = Verdict::plain()
        .with(
            "bucket",
            json!(source.bucket()),
            format!("bucket: {}", source.bucket()),
        )
        .with("key", json!(key), format!("key (decoded): {key}"));
    Ok(match version {
        Some(version) => verdict.with(
            "version_id",
            json!(version),
            format!("versionId: {version}"),
        ),
        None => verdict,
    })
}
