//! The request a person describes on the command line.

use core::iter::{Chain, Map};
use core::slice;

use oss_core::naming::percent::{self, Plus};
use oss_core::sign::input::RawParams;
use oss_core::sign::{Param, RawQuery, Request};

use super::address::{self, Address, UrlOptions};

/// The request to sign or verify.
#[derive(Debug, clap::Args)]
pub(super) struct RequestArgs {
    /// The HTTP method (GET, PUT, POST, DELETE, HEAD ...).
    #[arg(long)]
    method: String,
    /// The bucket (omit for service-level requests). With --url: required for a host that
    /// cannot tell the bucket (a custom domain), and otherwise must agree with the URL.
    #[arg(long)]
    bucket: Option<String>,
    /// The object key, raw (not URL-encoded); needs --bucket. With --url, it must agree
    /// with the key the URL's path names.
    #[arg(long)]
    key: Option<String>,
    /// A header, 'Name: value' (repeatable; the value is trimmed).
    #[arg(long = "header", value_name = "NAME: VALUE")]
    headers: Vec<String>,
    /// A query parameter, k=v or k, with a raw (decoded) value (repeatable).
    #[arg(long = "query", value_name = "K=V|K")]
    query: Vec<String>,
    /// A whole URL (path and query percent-encoded, as sent). The bucket comes from a
    /// virtual-hosted OSS host (`<bucket>.oss-<region>.aliyuncs.com`), from the first path
    /// segment with --path-style (automatic for an IP address or localhost), or from
    /// --bucket for any other host (a custom domain); the rest of the path is the key.
    /// Userinfo and fragment are dropped. A URL that cannot say the bucket, or --bucket /
    /// --key contradicting it, is a usage error.
    #[arg(long)]
    url: Option<String>,
    /// With --url: the first path segment is the bucket (path-style addressing).
    #[arg(long, requires = "url")]
    path_style: bool,
}

impl RequestArgs {
    /// Whether `--url` was given.
    pub(super) const fn has_url(&self) -> bool {
        self.url.is_some()
    }
}

/// The parsed request, owning its text.
#[derive(Debug, Clone)]
pub(super) struct Described {
    pub(super) method: String,
    pub(super) bucket: Option<String>,
    pub(super) key: Option<Key>,
    pub(super) headers: Vec<(String, String)>,
    pub(super) query: Vec<(String, String)>,
    pub(super) raw_query: Option<String>,
    /// What `--url` said, when given.
    pub(super) address: Option<Address>,
}

/// The object key, as typed or as found in a URL path.
#[derive(Debug, Clone)]
pub(super) enum Key {
    Raw(String),
    Encoded(String),
}

impl Described {
    /// Parses the arguments; the error is a usage message.
    pub(super) fn parse(args: &RequestArgs) -> Result<Self, String> {
        let headers = args
            .headers
            .iter()
            .map(|header| parse_header(header))
            .collect::<Result<_, _>>()?;
        let query = args.query.iter().map(|param| parse_query(param)).collect();
        let mut described = Self {
            method: args.method.clone(),
            bucket: args.bucket.clone(),
            key: args.key.clone().map(Key::Raw),
            headers,
            query,
            raw_query: None,
            address: None,
        };
        match &args.url {
            Some(url) => described.apply_url(url, args)?,
            // Without a bucket, OSS signs `/` whatever the key: never sign that silently.
            None if args.key.is_some() && args.bucket.is_none() => {
                return Err("--key needs --bucket: a key is signed only with its bucket (without one the request is service-level and its resource is /)".into());
            }
            None => {}
        }
        Ok(described)
    }

    /// Takes bucket, key and query from `url` (see [`address`](super::address)).
    fn apply_url(&mut self, url: &str, args: &RequestArgs) -> Result<(), String> {
        let options = UrlOptions {
            path_style: args.path_style,
            bucket: args.bucket.as_deref(),
            key: args.key.as_deref(),
        };
        let address = address::parse(url, options)?;
        self.bucket.clone_from(&address.bucket);
        self.key = address.encoded_key.clone().map(Key::Encoded);
        self.raw_query = Some(address.raw_query.clone());
        self.address = Some(address);
        Ok(())
    }

    /// The presigned URL on `--url`'s base (its query replaced by `query`), when a URL was
    /// given.
    pub(super) fn presigned_url(&self, query: &str) -> Option<String> {
        self.address
            .as_ref()
            .map(|address| format!("{}?{query}", address.base))
    }

    /// Whether a header with this name (any case) was given.
    pub(super) fn has_header(&self, name: &str) -> bool {
        self.headers
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case(name))
    }

    /// The request for oss-sign: `--query` parameters plus those of `--url`.
    pub(super) fn request(&self) -> Request<'_, &[(String, String)], Params<'_>> {
        let mut request = Request::new(&self.method)
            .with_headers(self.headers.as_slice())
            .with_query(self.params());
        if let Some(bucket) = &self.bucket {
            request = request.with_bucket(bucket);
        }
        match &self.key {
            Some(Key::Raw(key)) => request.with_key(key),
            Some(Key::Encoded(path)) => request.with_encoded_key(path),
            None => request,
        }
    }

    /// The request without the query parameters whose decoded name is `name` (given with
    /// `--query` or found in the URL).
    pub(super) fn without_param(&self, name: &str) -> Self {
        let mut variant = self.clone();
        variant.query.retain(|(n, _)| n != name);
        if let Some(raw) = &self.raw_query {
            let kept: Vec<&str> = raw
                .split('&')
                .filter(|piece| raw_name(piece) != name)
                .collect();
            variant.raw_query = Some(kept.join("&"));
        }
        variant
    }

    /// The request with each piece of the URL's query rewritten by `rewrite` (given its
    /// decoded name); `None` when there is no URL query or nothing changes.
    pub(super) fn with_raw_query_rewritten(
        &self,
        rewrite: impl Fn(&str, &str) -> String,
    ) -> Option<Self> {
        let raw = self.raw_query.as_deref()?;
        let rewritten: Vec<String> = raw
            .split('&')
            .map(|piece| rewrite(&raw_name(piece), piece))
            .collect();
        let rewritten = rewritten.join("&");
        (rewritten != raw).then(|| {
            let mut variant = self.clone();
            variant.raw_query = Some(rewritten);
            variant
        })
    }

    /// Every query parameter.
    pub(super) fn params(&self) -> Params<'_> {
        Params {
            given: &self.query,
            raw: RawQuery::new(self.raw_query.as_deref().unwrap_or("")),
        }
    }
}

/// Reads one `--header 'Name: value'`: name and value trimmed.
///
/// # Errors
/// A usage message for text without `:` or with an empty name.
pub(crate) fn parse_header(header: &str) -> Result<(String, String), String> {
    let (name, value) = header
        .split_once(':')
        .ok_or_else(|| format!("--header {header:?}: expected 'Name: value'"))?;
    if name.trim().is_empty() {
        return Err(format!("--header {header:?}: the name is empty"));
    }
    Ok((name.trim().to_owned(), value.trim().to_owned()))
}

/// Reads one `--query k=v` or `--query k` (raw, decoded text: nothing is decoded).
pub(crate) fn parse_query(param: &str) -> (String, String) {
    let (name, value) = param.split_once('=').unwrap_or((param, ""));
    (name.to_owned(), value.to_owned())
}

/// `--query` parameters followed by those of the URL.
#[derive(Debug, Clone, Copy)]
pub(super) struct Params<'a> {
    given: &'a [(String, String)],
    raw: RawQuery<'a>,
}

/// A `--query` parameter as oss-sign reads it.
type GivenParam<'a> = fn(&'a (String, String)) -> Param<'a>;

impl<'a> IntoIterator for Params<'a> {
    type Item = Param<'a>;
    type IntoIter = Chain<Map<slice::Iter<'a, (String, String)>, GivenParam<'a>>, RawParams<'a>>;

    fn into_iter(self) -> Self::IntoIter {
        let given: GivenParam<'a> = |(name, value)| Param::new(name, value);
        self.given.iter().map(given).chain(self.raw)
    }
}

/// The decoded name of one `name=value` piece of a raw query.
pub(super) fn raw_name(piece: &str) -> String {
    let name = piece.split_once('=').map_or(piece, |(name, _)| name);
    String::from_utf8_lossy(&percent::decode(name.as_bytes(), Plus::Space).collect::<Vec<u8>>())
        .into_owned()
}

/// Decoded names and values of every parameter, for diagnostics.
pub(super) fn decoded(params: Params<'_>) -> Vec<(String, String)> {
    // Decoding never grows a value, so doubling the buffer ends once it holds the raw text.
    let text = |decode: &dyn for<'b> Fn(&'b mut [u8]) -> Option<&'b [u8]>| {
        let mut buf = vec![0u8; 256];
        loop {
            if let Some(bytes) = decode(&mut buf) {
                return String::from_utf8_lossy(bytes).into_owned();
            }
            let doubled = buf.len() * 2;
            buf.resize(doubled, 0);
        }
    };
    params
        .into_iter()
        .map(|param| {
            (
                text(&|out| param.decode_name(out)),
                text(&|out| param.decode_value(out)),
            )
        })
        .collect()
}
