//! What a request addresses: bucket, key and query parameters.

use alloc::sync::Arc;
use std::collections::HashSet;

use http::request::Parts;
use oss_core::errors::{Entry, Error};
use oss_core::naming::percent::{self, Plus};
use oss_core::sign::Addressing;
use oss_tower::{BucketResolver, host_name};

/// Virtual-hosted when the host's first label is a served bucket
/// (`<bucket>.localhost:9000`), path-style otherwise.
#[derive(Clone, Debug)]
pub(crate) struct ServedBuckets(pub(crate) Arc<HashSet<String>>);

impl BucketResolver for ServedBuckets {
    fn addressing<'a>(&self, parts: &'a Parts) -> Addressing<'a> {
        match host_name(parts).and_then(|host| host.split_once('.')) {
            Some((label, _)) if self.0.contains(label) => Addressing::VirtualHosted(label),
            _ => Addressing::PathStyle,
        }
    }
}

/// The decoded bucket and key of a request, and its query parameters.
#[derive(Debug)]
pub(crate) struct Target {
    pub(crate) bucket: Option<String>,
    pub(crate) key: String,
    params: Vec<(String, String)>,
}

impl Target {
    /// Reads the target of `parts`.
    ///
    /// # Errors
    /// InvalidObjectName for a key that is not UTF-8 once decoded.
    pub(crate) fn of(parts: &Parts, resolver: &ServedBuckets) -> Result<Self, Error> {
        let path = parts
            .uri
            .path()
            .strip_prefix('/')
            .unwrap_or(parts.uri.path());
        let (bucket, key) = match resolver.addressing(parts) {
            Addressing::VirtualHosted(bucket) => (Some(bucket.to_owned()), path),
            _ => {
                let (bucket, key) = path.split_once('/').unwrap_or((path, ""));
                (
                    Some(decode(bucket)?).filter(|bucket| !bucket.is_empty()),
                    key,
                )
            }
        };
        let params = parts
            .uri
            .query()
            .unwrap_or("")
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                (lossy(name), lossy(value))
            })
            .collect();
        Ok(Self {
            bucket,
            key: decode(key)?,
            params,
        })
    }

    /// The first value of query parameter `name` (empty when given without `=`).
    pub(crate) fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(param, _)| param == name)
            .map(|(_, value)| value.as_str())
    }

    /// A non-empty parameter (the SDKs send empty ones for "not set").
    pub(crate) fn non_empty(&self, name: &str) -> Option<&str> {
        self.param(name).filter(|value| !value.is_empty())
    }

    /// The parameters' names.
    pub(crate) fn names(&self) -> impl Iterator<Item = &str> {
        self.params.iter().map(|(name, _)| name.as_str())
    }
}

fn decode(text: &str) -> Result<String, Error> {
    let bytes: Vec<u8> = percent::decode(text.as_bytes(), Plus::Literal).collect();
    String::from_utf8(bytes).map_err(|_| Entry::ObjectNameInvalid.into())
}

fn lossy(text: &str) -> String {
    let bytes: Vec<u8> = percent::decode(text.as_bytes(), Plus::Literal).collect();
    String::from_utf8_lossy(&bytes).into_owned()
}
