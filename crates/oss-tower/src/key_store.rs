//! An owned key store for servers.

use std::collections::HashMap;

use oss_errors::{Entry, Error};
use oss_sign::{KeyLookup, SecurityToken, SigningKey};

/// AccessKeyIds and their secrets, held by the server (secrets are wiped on drop by
/// [`SigningKey`]). STS tokens are not checked; implement [`KeyLookup`] for a store that
/// issues them.
///
/// ```
/// use oss_sign::KeyLookup;
/// use oss_tower::KeyStore;
/// let keys = KeyStore::new().with_key("AKID", "secret");
/// assert!(keys.signing_key("AKID", None).is_ok());
/// assert_eq!(keys.signing_key("other", None).unwrap_err().code().as_str(), "InvalidAccessKeyId");
/// ```
#[derive(Debug, Default)]
pub struct KeyStore {
    keys: HashMap<String, SigningKey>,
}

impl KeyStore {
    /// An empty store.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds (or replaces) the secret of `access_key_id`.
    #[must_use]
    pub fn with_key(mut self, access_key_id: impl Into<String>, secret: &str) -> Self {
        self.insert(access_key_id, secret);
        self
    }

    /// Adds (or replaces) the secret of `access_key_id`.
    pub fn insert(&mut self, access_key_id: impl Into<String>, secret: &str) {
        self.keys
            .insert(access_key_id.into(), SigningKey::new(secret));
    }
}

impl KeyLookup for KeyStore {
    fn signing_key(
        &self,
        access_key_id: &str,
        _token: Option<SecurityToken<'_>>,
    ) -> Result<&SigningKey, Error> {
        self.keys
            .get(access_key_id)
            .ok_or_else(|| Entry::AccessKeyIdUnknown.into())
    }
}
