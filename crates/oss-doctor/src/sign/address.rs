//! What a `--url` addresses: bucket, key and query, read the way OSS reads the request a
//! client sends to that URL; a usage message when the URL cannot say.
//!
//! The rules, in order:
//! 1. `--path-style`: the first path segment is the bucket, the rest is the key.
//! 2. A virtual-hosted OSS host (`<bucket>.oss-<region>[-internal].aliyuncs.com`,
//!    `<bucket>.oss-accelerate.aliyuncs.com` ...): the host names the bucket, the whole
//!    path is the key.
//! 3. An OSS endpoint without a bucket (`oss-cn-hangzhou.aliyuncs.com`): a service-level
//!    request when the path is empty; otherwise refused (`--path-style` says how to read it).
//! 4. An IP address or `localhost`: path-style, chosen automatically (OSS never serves such
//!    a host; local emulators do), and said so.
//! 5. Any other host (a custom domain, a gateway): the host cannot tell the bucket, so
//!    `--bucket` names it and the whole path is the key; refused without `--bucket`.
//!
//! `--bucket` and `--key` given with `--url` must agree with what the URL says.

use oss_core::naming::percent::{self, Plus};
use url::{Host, Url};

use super::oss_host::{self, HostSays};

/// How the URL's request names its bucket.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Addressing {
    /// The host names the bucket.
    VirtualHosted,
    /// `--path-style`: the first path segment is the bucket.
    PathStyle,
    /// Path-style because the host is an IP address or `localhost`.
    PathStyleLocal,
    /// A host that cannot tell the bucket; `--bucket` names it.
    CustomDomain,
    /// An OSS endpoint and an empty path: no bucket.
    Service,
}

impl Addressing {
    /// The name in JSON output.
    pub(crate) const fn name(self) -> &'static str {
        match self {
            Self::VirtualHosted => "virtual-hosted",
            Self::PathStyle | Self::PathStyleLocal => "path-style",
            Self::CustomDomain => "custom-domain",
            Self::Service => "service",
        }
    }

    /// Why the URL was read this way, for people.
    pub(crate) const fn why(self) -> &'static str {
        match self {
            Self::VirtualHosted => "the host names the bucket; the whole path is the key",
            Self::PathStyle => {
                "--path-style: the first path segment is the bucket, the rest the key"
            }
            Self::PathStyleLocal => {
                "chosen because the host is an IP address or localhost (OSS never serves one, emulators do): the first path segment is the bucket, the rest the key"
            }
            Self::CustomDomain => {
                "the host cannot tell the bucket, --bucket names it; the whole path is the key"
            }
            Self::Service => "an OSS endpoint with an empty path: a service-level request",
        }
    }
}

/// What `--bucket`, `--key` and `--path-style` say beside the URL.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct UrlOptions<'a> {
    /// `--path-style`.
    pub(crate) path_style: bool,
    /// `--bucket`.
    pub(crate) bucket: Option<&'a str>,
    /// `--key` (raw, not encoded).
    pub(crate) key: Option<&'a str>,
}

/// A URL read as OSS reads the request sent to it.
#[derive(Clone, Debug)]
pub(crate) struct Address {
    pub(crate) addressing: Addressing,
    /// The bucket; `None` for a service-level request.
    pub(crate) bucket: Option<String>,
    /// The object key as it is in the path (percent-encoded); `None` when the request is
    /// for the bucket (or the service).
    pub(crate) encoded_key: Option<String>,
    /// The query as sent (percent-encoded), without the `?`.
    pub(crate) raw_query: String,
    /// `scheme://host[:port]/path`: what a client connects to and asks for.
    pub(crate) base: String,
    /// What was dropped or chosen, for people.
    pub(crate) notes: Vec<String>,
}

impl Address {
    /// The key, decoded once (a `+` in a path is a `+`).
    pub(crate) fn key_bytes(&self) -> Option<Vec<u8>> {
        self.encoded_key.as_deref().map(decode_path)
    }
}

/// `encoded` decoded once with the project's percent codec, `+` kept literal.
pub(crate) fn decode_path(encoded: &str) -> Vec<u8> {
    percent::decode(encoded.as_bytes(), Plus::Literal).collect()
}

/// Reads `text` as a request URL.
///
/// # Errors
/// A usage message: a URL that is not `http(s)://host/...`, one whose path a client would
/// rewrite before sending, one that cannot tell the bucket, or `--bucket` / `--key` /
/// `--path-style` contradicting it.
pub(crate) fn parse(text: &str, given: UrlOptions<'_>) -> Result<Address, String> {
    let raw_path = check_sent_as_written(text)?;
    let url = Url::parse(text).map_err(|err| format!("--url {text:?}: {err}"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!(
            "--url {text:?}: expected an http:// or https:// URL, not {}:",
            url.scheme()
        ));
    }
    let mut notes = Vec::new();
    if !url.username().is_empty() || url.password().is_some() {
        notes.push(
            "the URL's user:password@ was dropped: it is not part of the request OSS receives"
                .to_owned(),
        );
    }
    if let Some(fragment) = url.fragment() {
        notes.push(format!(
            "the URL's fragment #{fragment} was dropped: clients never send it"
        ));
    }
    let (host, ip) = match url.host() {
        Some(Host::Domain(name)) => (name.trim_end_matches('.').to_ascii_lowercase(), false),
        Some(Host::Ipv4(_) | Host::Ipv6(_)) => (url.host_str().unwrap_or("").to_owned(), true),
        None => return Err(format!("--url {text:?}: the URL has no host")),
    };
    let path = url.path().strip_prefix('/').unwrap_or(url.path());
    let (addressing, bucket, key) = addressing(&host, ip, path, given)?;
    let address = Address {
        addressing,
        bucket,
        encoded_key: key.filter(|key| !key.is_empty()).map(str::to_owned),
        raw_query: url.query().unwrap_or("").to_owned(),
        base: base_of(&url),
        notes,
    };
    agree(&address, given, raw_path)?;
    Ok(address)
}

/// The raw path of `text`; a message when a URL parser would not send it as written.
fn check_sent_as_written(text: &str) -> Result<&str, String> {
    // URL parsers remove tabs and line breaks anywhere, and trim controls and spaces at
    // the ends: the request sent would not be the one written.
    let trimmed = text.trim_matches(|c: char| c <= ' ');
    if text.contains(['\t', '\n', '\r']) || trimmed != text {
        return Err(format!(
            "--url {text:?}: URL parsers drop tabs, line breaks and leading or trailing spaces or control characters, so the request sent would not be the one written; percent-encode them"
        ));
    }
    let Some((_, rest)) = text.split_once("://") else {
        return Err(format!(
            "--url {text:?}: expected http://host/path or https://host/path"
        ));
    };
    let rest = rest.split(['?', '#']).next().unwrap_or("");
    let path = rest.find(['/', '\\']).map_or("", |at| &rest[at..]);
    let dot = |segment: &str| {
        let segment = segment.to_ascii_lowercase().replace("%2e", ".");
        segment == "." || segment == ".."
    };
    if path.contains('\\') || path.split('/').any(dot) {
        return Err(format!(
            "--url {text:?}: the path has a '.' or '..' segment or a backslash, which URL parsers and HTTP clients rewrite before sending; to sign such a key exactly, drop --url and give --bucket, --key and --query"
        ));
    }
    Ok(path)
}

/// The addressing, bucket and still-encoded key the URL names.
fn addressing<'p>(
    host: &str,
    ip: bool,
    path: &'p str,
    given: UrlOptions<'_>,
) -> Result<(Addressing, Option<String>, Option<&'p str>), String> {
    let says = oss_host::classify(host, ip);
    Ok(match (given.path_style, says) {
        (true, HostSays::Bucket(bucket)) => {
            return Err(format!(
                "--path-style: the host {host} names the bucket {bucket} (virtual-hosted style); drop --path-style"
            ));
        }
        (true, _) => path_style(path, Addressing::PathStyle),
        (false, HostSays::Local) => path_style(path, Addressing::PathStyleLocal),
        (false, HostSays::Bucket(bucket)) => (
            Addressing::VirtualHosted,
            Some(bucket.to_owned()),
            Some(path),
        ),
        (false, HostSays::Endpoint) if path.is_empty() => (Addressing::Service, None, None),
        (false, HostSays::Endpoint) => {
            return Err(format!(
                "--url: the host {host} is an OSS endpoint without a bucket, but the path /{path} is not empty: put the bucket in the host (<bucket>.{host}), or add --path-style if the first path segment is the bucket"
            ));
        }
        (false, HostSays::Unknown) => match given.bucket {
            Some(bucket) => (
                Addressing::CustomDomain,
                Some(bucket.to_owned()),
                Some(path),
            ),
            None => {
                return Err(format!(
                    "--url: the host {host} does not say which bucket it serves (a custom domain, a gateway, or a host oss-doctor does not know): pass --bucket with the bucket behind it, or --path-style if the first path segment is the bucket"
                ));
            }
        },
    })
}

/// Path-style: the first segment (decoded once) is the bucket, the rest the key.
fn path_style(path: &str, addressing: Addressing) -> (Addressing, Option<String>, Option<&str>) {
    if path.is_empty() {
        return (addressing, None, None);
    }
    let (bucket, key) = path.split_once('/').unwrap_or((path, ""));
    let bucket = String::from_utf8_lossy(&decode_path(bucket)).into_owned();
    (addressing, Some(bucket), Some(key))
}

/// `--bucket` and `--key` must say what the URL says.
fn agree(address: &Address, given: UrlOptions<'_>, raw_path: &str) -> Result<(), String> {
    let raw_path = if raw_path.is_empty() { "/" } else { raw_path };
    if let Some(bucket) = given.bucket {
        match &address.bucket {
            Some(named) if named == bucket => {}
            Some(named) => {
                return Err(format!(
                    "--bucket {bucket} contradicts --url, which names the bucket {named} ({} addressing): drop --bucket, or fix one of them",
                    address.addressing.name()
                ));
            }
            None => {
                return Err(format!(
                    "--bucket {bucket}: --url names no bucket (its path {raw_path:?} makes a service-level request): drop --bucket, or put the bucket in the URL"
                ));
            }
        }
    }
    if let Some(key) = given.key {
        match address.key_bytes() {
            Some(named) if named == key.as_bytes() => {}
            Some(named) => {
                return Err(format!(
                    "--key {key:?} contradicts --url, whose path names the key {:?}: drop --key (the URL says the key), or fix one of them",
                    String::from_utf8_lossy(&named)
                ));
            }
            None => {
                return Err(format!(
                    "--key {key:?}: --url names no object (its path is {raw_path:?}): put the key in the URL's path (percent-encoded), or drop --url and give --bucket, --key and --query"
                ));
            }
        }
    }
    Ok(())
}

/// `scheme://host[:port]/path` of `url`: no user info, query or fragment.
fn base_of(url: &Url) -> String {
    let mut base = url.clone();
    // Clearing user info fails only for URLs that cannot have it, which keep none.
    let _ = base.set_username("");
    let _ = base.set_password(None);
    base.set_query(None);
    base.set_fragment(None);
    base.into()
}
