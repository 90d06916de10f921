//! An owned key store for servers.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use oss_errors::{Entry, Error};
use oss_sign::v4::{OwnedScopedKey, Scope, ScopedKey};
use oss_sign::{KeyLookup, SecurityToken, SigningKey};

/// How many derived V4 keys are kept per AccessKeyId (a day's regions and products, and
/// the day before around midnight); the oldest goes first.
const DERIVED_PER_ID: usize = 8;

/// AccessKeyIds and their secrets, held by the server (secrets are wiped on drop by
/// [`SigningKey`]). The V4 signing key of each (id, day, region, product) is derived once
/// and kept, so a V4 request costs no key derivation after the first of its scope. STS
/// tokens are not checked; implement [`KeyLookup`] for a store that issues them.
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
    /// V4 keys derived for requests, by AccessKeyId, oldest first.
    derived: Mutex<HashMap<String, Vec<OwnedScopedKey>>>,
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

    /// Adds (or replaces) the secret of `access_key_id`, forgetting the keys derived from
    /// the one it replaces.
    pub fn insert(&mut self, access_key_id: impl Into<String>, secret: &str) {
        let access_key_id = access_key_id.into();
        self.derived
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(&access_key_id);
        self.keys.insert(access_key_id, SigningKey::new(secret));
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

    fn scoped_key<'s>(
        &self,
        access_key_id: &str,
        token: Option<SecurityToken<'_>>,
        scope: Scope<'s>,
    ) -> Result<ScopedKey<'s>, Error> {
        let key = self.signing_key(access_key_id, token)?;
        // A poisoned lock still holds whole keys: each is replaced in one assignment.
        let cached = self
            .derived
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(access_key_id)
            .and_then(|keys| keys.iter().rev().find_map(|cached| cached.scoped(scope)));
        if let Some(cached) = cached {
            return Ok(cached);
        }
        // Derived outside the lock: four HMAC computations.
        let fresh = ScopedKey::derive(key, scope);
        let mut derived = self.derived.lock().unwrap_or_else(PoisonError::into_inner);
        let keys = derived.entry(access_key_id.to_owned()).or_default();
        if keys.len() >= DERIVED_PER_ID {
            keys.remove(0);
        }
        keys.push(OwnedScopedKey::from(&fresh));
        Ok(fresh)
    }
}

#[cfg(test)]
mod tests {
    use oss_naming::Timestamp;
    use oss_sign::v4::Product;

    use super::*;

    fn scope(day: i64, region: &str) -> Scope<'_> {
        let at = Timestamp::from_unix(1_702_743_657 + day * 86_400).expect("in range");
        Scope::new(at, region, Product::Oss).expect("valid region")
    }

    fn signature(keys: &KeyStore, id: &str, scope: Scope<'_>) -> String {
        let key = keys.scoped_key(id, None, scope).expect("known id");
        key.sign(b"string to sign").to_string()
    }

    #[test]
    fn kept_keys_sign_as_freshly_derived_ones() {
        let keys = KeyStore::new().with_key("AKID", "secret");
        let secret = SigningKey::new("secret");
        let regions = ["cn-hangzhou", "cn-beijing", "cb-1"];
        // More scopes than are kept, twice over, so that some are dropped and derived again.
        for _ in 0..2 {
            for day in 0..4 {
                for region in regions {
                    let scope = scope(day, region);
                    let expected = ScopedKey::derive(&secret, scope).sign(b"string to sign");
                    assert_eq!(signature(&keys, "AKID", scope), expected.to_string());
                }
            }
        }
        let kept = keys.derived.lock().expect("not poisoned");
        assert_eq!(kept.get("AKID").map(Vec::len), Some(DERIVED_PER_ID));
    }

    #[test]
    fn a_replaced_secret_is_not_served_from_kept_keys() {
        let mut keys = KeyStore::new().with_key("AKID", "old");
        let before = signature(&keys, "AKID", scope(0, "cn-hangzhou"));
        keys.insert("AKID", "new");
        let after = signature(&keys, "AKID", scope(0, "cn-hangzhou"));
        let expected = ScopedKey::derive(&SigningKey::new("new"), scope(0, "cn-hangzhou"));
        assert_ne!(before, after);
        assert_eq!(after, expected.sign(b"string to sign").to_string());
    }

    #[test]
    fn unknown_ids_are_refused_and_not_kept() {
        let keys = KeyStore::new().with_key("AKID", "secret");
        let err = keys
            .scoped_key("other", None, scope(0, "cn-hangzhou"))
            .unwrap_err();
        assert_eq!(err.code().as_str(), "InvalidAccessKeyId");
        assert!(keys.derived.lock().expect("not poisoned").is_empty());
    }
}
