//! A derived V4 key that owns its scope, for stores that keep keys between requests.

use core::fmt;

use crate::key::{HmacSha256, SigningKey};
use crate::v4::scope::{MAX_REGION_LEN, Product, Scope, ScopedKey};

/// A [`ScopedKey`] that owns its scope (the region is copied), so that a key store can keep
/// it between requests and hand out a [`ScopedKey`] for any request whose credential names
/// the same scope, without deriving again. The key depends only on the secret, the day,
/// the region and the product. Its hash states are zeroized on drop and `Debug` shows only
/// the scope.
///
/// ```
/// use oss_naming::Timestamp;
/// use oss_sign::SigningKey;
/// use oss_sign::v4::{OwnedScopedKey, Product, Scope, ScopedKey};
/// let key = SigningKey::new("sk");
/// let now = Timestamp::from_unix(1_702_743_657).unwrap();
/// let cached = OwnedScopedKey::derive(&key, Scope::new(now, "cn-hangzhou", Product::Oss)?);
/// // Later, for a request whose credential names the same scope:
/// let region = String::from("cn-hangzhou");
/// let scope = Scope::new(now, &region, Product::Oss)?;
/// let scoped = cached.scoped(scope).expect("the same scope");
/// assert_eq!(scoped.sign(b"text").as_str(), ScopedKey::derive(&key, scope).sign(b"text").as_str());
/// assert!(cached.scoped(Scope::new(now, "cn-beijing", Product::Oss)?).is_none());
/// # Ok::<(), oss_errors::Error>(())
/// ```
#[derive(Clone)]
pub struct OwnedScopedKey {
    day: [u8; 8],
    region: heapless::String<MAX_REGION_LEN>,
    product: Product,
    day_number: i64,
    mac: HmacSha256,
}

impl OwnedScopedKey {
    /// Derives the key of `scope` from `key` (as [`ScopedKey::derive`]).
    #[must_use]
    pub fn derive(key: &SigningKey, scope: Scope<'_>) -> Self {
        Self::from(&ScopedKey::derive(key, scope))
    }

    /// The key for `scope`, when it is this key's scope (same day, region and product);
    /// `None` otherwise.
    #[must_use]
    pub fn scoped<'s>(&self, scope: Scope<'s>) -> Option<ScopedKey<'s>> {
        let same = scope.day.as_slice() == self.day.as_slice()
            && scope.region() == self.region.as_str()
            && scope.product() == self.product;
        same.then(|| ScopedKey::from_parts(scope, self.day_number, self.mac.clone()))
    }

    /// The day, `YYYYMMDD`.
    #[must_use]
    pub fn day(&self) -> &str {
        core::str::from_utf8(&self.day).unwrap_or_default()
    }

    /// The region id.
    #[must_use]
    pub fn region(&self) -> &str {
        &self.region
    }

    /// The product.
    #[must_use]
    pub const fn product(&self) -> Product {
        self.product
    }
}

impl From<&ScopedKey<'_>> for OwnedScopedKey {
    fn from(key: &ScopedKey<'_>) -> Self {
        let scope = key.scope();
        // A scope's region passed `check_region`, which bounds it by MAX_REGION_LEN.
        let mut region = heapless::String::new();
        let copied = region.push_str(scope.region());
        debug_assert!(copied.is_ok());
        Self {
            day: scope.day,
            region,
            product: scope.product(),
            day_number: key.day_number(),
            mac: key.mac_state().clone(),
        }
    }
}

impl fmt::Debug for OwnedScopedKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OwnedScopedKey")
            .field("day", &self.day())
            .field("region", &self.region())
            .field("product", &self.product)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use oss_naming::Timestamp;

    use super::*;

    #[test]
    fn only_the_same_day_region_and_product_get_the_key() {
        let key = SigningKey::new("sk");
        let now = Timestamp::from_unix(1_702_743_657).unwrap();
        let next_day = Timestamp::from_unix(1_702_743_657 + 86_400).unwrap();
        let scope = Scope::new(now, "cb-1", Product::OssCloudbox).unwrap();
        let owned = OwnedScopedKey::derive(&key, scope);
        assert_eq!((owned.day(), owned.region()), ("20231216", "cb-1"));
        let scoped = owned.scoped(scope).unwrap();
        assert_eq!(
            scoped.sign(b"x").as_str(),
            ScopedKey::derive(&key, scope).sign(b"x").as_str()
        );
        for other in [
            Scope::new(next_day, "cb-1", Product::OssCloudbox).unwrap(),
            Scope::new(now, "cb-2", Product::OssCloudbox).unwrap(),
            Scope::new(now, "cb-1", Product::Oss).unwrap(),
        ] {
            assert!(owned.scoped(other).is_none(), "{other}");
        }
        let debug = alloc::format!("{owned:?}");
        assert!(debug.contains("cb-1") && !debug.contains("mac"), "{debug}");
    }
}
