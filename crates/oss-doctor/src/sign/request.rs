//! The request a person describes on the command line.

use core::iter::{Chain, Map};
use core::slice;

use oss_core::naming::percent::{self, Plus};
use oss_core::sign::input::RawParams;
use oss_core::sign::{Param, RawQuery, Request};

/// The request to sign or verify.
#[derive(Debug, clap::Args)]
pub(super) struct RequestArgs {
    /// The HTTP method (GET, PUT, POST, DELETE, HEAD ...).
    #[arg(long)]
    method: String,
    /// The bucket (omit for service-level requests).
    #[arg(long)]
    bucket: Option<String>,
    /// The object key, raw (not URL-encoded).
    #[arg(long)]
    key: Option<String>,
    /// A header, 'Name: value' (repeatable; the value is trimmed).
    #[arg(long = "header", value_name = "NAME: VALUE")]
    headers: Vec<String>,
    /// A query parameter, k=v or k, with a raw (decoded) value (repeatable).
    #[arg(long = "query", value_name = "K=V|K")]
    query: Vec<String>,
    /// A whole URL (path and query still percent-encoded, as sent); the bucket is the
    /// first host label of an `*.aliyuncs.com` host unless --bucket says otherwise, and
    /// the path is the key.
    #[arg(long)]
    url: Option<String>,
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
        let mut headers = Vec::new();
        for header in &args.headers {
            let (name, value) = header
                .split_once(':')
                .ok_or_else(|| format!("--header {header:?}: expected 'Name: value'"))?;
            if name.trim().is_empty() {
                return Err(format!("--header {header:?}: the name is empty"));
            }
            headers.push((name.trim().to_owned(), value.trim().to_owned()));
        }
        let query = args
            .query
            .iter()
            .map(|param| {
                let (name, value) = param.split_once('=').unwrap_or((param, ""));
                (name.to_owned(), value.to_owned())
            })
            .collect();
        let mut described = Self {
            method: args.method.clone(),
            bucket: args.bucket.clone(),
            key: args.key.clone().map(Key::Raw),
            headers,
            query,
            raw_query: None,
        };
        if let Some(url) = &args.url {
            described.apply_url(url)?;
        }
        Ok(described)
    }

    fn apply_url(&mut self, url: &str) -> Result<(), String> {
        let (_, rest) = url
            .split_once("://")
            .ok_or_else(|| format!("--url {url:?}: expected scheme://host/path"))?;
        let (authority, path_and_query) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        let (path, query) = path_and_query
            .split_once('?')
            .unwrap_or((path_and_query, ""));
        let host = authority.split(':').next().unwrap_or(authority);
        if self.bucket.is_none() && host.ends_with(".aliyuncs.com") && host.split('.').count() > 3 {
            self.bucket = host.split('.').next().map(str::to_owned);
        }
        let path = path.strip_prefix('/').unwrap_or(path);
        if self.key.is_none() && !path.is_empty() {
            self.key = Some(Key::Encoded(path.to_owned()));
        }
        self.raw_query = Some(query.to_owned());
        Ok(())
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
