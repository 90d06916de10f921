//! Verifying OSS upload callbacks in an application server.

use alloc::sync::Arc;
use core::fmt;
use core::future::Future;
use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use http::request::Parts;
use oss_callback::verify::{CallbackRequest, PublicKey, VerifyError, check_pub_key_url_trusting};

/// Why a callback request was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CallbackRejection {
    /// A header OSS always sends is missing (`authorization` or `x-oss-pub-key-url`).
    MissingHeader(&'static str),
    /// The key URL, the key or the signature did not check out.
    Verify(VerifyError),
    /// The caller's fetcher could not get the key.
    Fetch(String),
}

impl fmt::Display for CallbackRejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::MissingHeader(name) => write!(f, "the callback request has no {name} header"),
            Self::Verify(error) => error.fmt(f),
            Self::Fetch(reason) => write!(f, "the public key could not be fetched: {reason}"),
        }
    }
}

impl core::error::Error for CallbackRejection {}

/// The public keys OSS signs callbacks with, fetched on first use from the URL a
/// callback names (only `gosspublic.alicdn.com`, unless more prefixes are trusted) with
/// the caller's function, then cached by URL.
///
/// ```
/// use oss_tower::CallbackKeys;
/// // In an axum handler: `keys.verify(&parts, &body).await?` before trusting the body.
/// let keys = CallbackKeys::new(|url: String| async move {
///     // Fetch `url` with the server's HTTP client here.
///     Err::<String, String>(format!("no client in this example for {url}"))
/// });
/// # let _ = keys;
/// ```
#[derive(Debug)]
pub struct CallbackKeys<F> {
    fetch: F,
    also_trusted: Vec<String>,
    cache: Mutex<HashMap<String, Arc<PublicKey>>>,
}

impl<F> CallbackKeys<F> {
    /// Keys fetched with `fetch` (URL in, PEM text out).
    pub fn new(fetch: F) -> Self {
        Self {
            fetch,
            also_trusted: Vec::new(),
            cache: Mutex::new(HashMap::new()),
        }
    }

    /// Trusts key URLs under `prefix` too: for a test server such as `oss-doctor emulate`
    /// that signs callbacks with its own key.
    #[must_use]
    pub fn with_trusted_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.also_trusted.push(prefix.into());
        self
    }

    /// Puts `key` in the cache for `url`, so it is never fetched.
    #[must_use]
    pub fn with_key(self, url: impl Into<String>, key: PublicKey) -> Self {
        self.cache
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(url.into(), Arc::new(key));
        self
    }

    /// Verifies a callback request: its head `parts` (the `authorization` and
    /// `x-oss-pub-key-url` headers, the path and query) and its `body`.
    ///
    /// # Errors
    /// [`CallbackRejection`]: a missing header, an untrusted key URL, a key that cannot be
    /// fetched or read, or a signature that does not match.
    pub async fn verify<Fut, E>(&self, parts: &Parts, body: &[u8]) -> Result<(), CallbackRejection>
    where
        F: Fn(String) -> Fut,
        Fut: Future<Output = Result<String, E>>,
        E: fmt::Display,
    {
        let header = |name: &'static str| {
            parts
                .headers
                .get(name)
                .map(http::HeaderValue::as_bytes)
                .ok_or(CallbackRejection::MissingHeader(name))
        };
        let (authorization, pub_key_url) = (header("authorization")?, header("x-oss-pub-key-url")?);
        let also_trusted: Vec<&str> = self.also_trusted.iter().map(String::as_str).collect();
        let url = check_pub_key_url_trusting(pub_key_url, &also_trusted)
            .map_err(CallbackRejection::Verify)?;
        let key = self.key(&url).await?;
        let target = parts
            .uri
            .path_and_query()
            .map_or_else(|| parts.uri.path(), http::uri::PathAndQuery::as_str);
        CallbackRequest::new(authorization, pub_key_url, target, body)
            .verify_trusting(&key, &also_trusted)
            .map_err(CallbackRejection::Verify)
    }

    async fn key<Fut, E>(&self, url: &str) -> Result<Arc<PublicKey>, CallbackRejection>
    where
        F: Fn(String) -> Fut,
        Fut: Future<Output = Result<String, E>>,
        E: fmt::Display,
    {
        let cached = self
            .cache
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(url)
            .cloned();
        if let Some(key) = cached {
            return Ok(key);
        }
        let pem = (self.fetch)(url.to_owned())
            .await
            .map_err(|error| CallbackRejection::Fetch(error.to_string()))?;
        let key = Arc::new(PublicKey::from_pem(&pem).map_err(CallbackRejection::Verify)?);
        self.cache
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(url.to_owned(), Arc::clone(&key));
        Ok(key)
    }
}
