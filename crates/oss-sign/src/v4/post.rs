//! PostObject with Signature V4: the policy signature, and the checks of the form's V4
//! fields (`x-oss-signature-version`, `x-oss-credential`, `x-oss-date`, `x-oss-signature`).

use oss_errors::{Entry, Error};
use oss_naming::Timestamp;

use crate::v4::canonical::ALGORITHM;
use crate::v4::received::{Credential, signing_time};
use crate::v4::scope::{ScopedKey, SignatureV4};
use crate::verify::{AuthMethod, KeyLookup, MAX_CLOCK_SKEW_SECS, SignedBy, Verified};

/// How long a V4 PostObject form stays valid after its `x-oss-date`: 7 days.
pub const POST_MAX_AGE_SECS: u64 = 7 * 24 * 3600;

/// `hex(HMAC-SHA256(signing key, policy))`: the `x-oss-signature` of a V4 PostObject form,
/// over the base64 policy exactly as sent.
///
/// ```
/// use oss_naming::Timestamp;
/// use oss_sign::SigningKey;
/// use oss_sign::v4::{Product, Scope, ScopedKey, post_policy_signature};
/// let scope = Scope::new(Timestamp::from_unix(1_702_743_657).unwrap(), "cn-hangzhou", Product::Oss)?;
/// let key = ScopedKey::derive(&SigningKey::new("sk"), scope);
/// assert_eq!(post_policy_signature(&key, b"e30=").as_str().len(), 64);
/// # Ok::<(), oss_errors::Error>(())
/// ```
#[must_use]
pub fn post_policy_signature(key: &ScopedKey<'_>, policy_b64: &[u8]) -> SignatureV4 {
    key.sign(policy_b64)
}

/// The V4 fields of a PostObject form, as sent (trimmed).
#[derive(Clone, Copy, Debug, Default)]
pub struct PostFields<'a> {
    /// `x-oss-signature-version`.
    pub signature_version: Option<&'a [u8]>,
    /// `x-oss-credential`.
    pub credential: Option<&'a [u8]>,
    /// `x-oss-date`.
    pub date: Option<&'a [u8]>,
    /// `x-oss-signature`.
    pub signature: Option<&'a [u8]>,
}

impl PostFields<'_> {
    /// Whether the form uses V4 (any of the four fields is present).
    #[must_use]
    pub const fn is_v4(&self) -> bool {
        self.signature_version.is_some()
            || self.credential.is_some()
            || self.date.is_some()
            || self.signature.is_some()
    }
}

/// Checks a V4 PostObject form's fields and signature, in OSS's order: all four fields
/// present, the signature version, the credential (id, day, product, terminator, a
/// region in `regions`), `x-oss-date` (valid, at most 15 minutes ahead of `now`, at most
/// 7 days old, on the credential's day, and equal to the policy's `x-oss-date` when the
/// policy names one: `policy_date`), then the key lookup and the signature over
/// `policy_b64`.
///
/// # Errors
/// "Post request signature is empty" for a missing field or signature; `InvalidArgument`
/// "Invalid Argument. Parameter is invalid" for another signature version; "Invalid
/// credential in Authorization header." or "Invalid signing region in Authorization
/// header." for the credential; "OSS authentication requires a valid Date" for the date
/// or a policy date that differs; `RequestTimeTooSkewed`; AccessDenied past 7 days;
/// whatever `keys` returns; `SignatureDoesNotMatch`.
pub fn verify_post<'a, K: KeyLookup + ?Sized>(
    fields: &PostFields<'a>,
    policy_b64: &[u8],
    policy_date: Option<&[u8]>,
    regions: &[&str],
    now: Timestamp,
    keys: &K,
) -> Result<Verified<'a>, Error> {
    let (Some(version), Some(credential), Some(date), Some(signature)) = (
        fields.signature_version,
        fields.credential,
        fields.date,
        fields.signature,
    ) else {
        return Err(Entry::PostSignatureEmpty.into());
    };
    if signature.is_empty() {
        return Err(Entry::PostSignatureEmpty.into());
    }
    if version != ALGORITHM.as_bytes() {
        return Err(Entry::ArgumentInvalid.into());
    }
    let credential = Credential::parse(credential, Some(regions))?;
    let time = signing_time(date)?;
    let ahead = time.unix_seconds() - now.unix_seconds();
    if ahead > i64::try_from(MAX_CLOCK_SKEW_SECS).unwrap_or(i64::MAX) {
        return Err(Entry::RequestTimeTooSkewed.into());
    }
    if now.unix_seconds() - time.unix_seconds()
        > i64::try_from(POST_MAX_AGE_SECS).unwrap_or(i64::MAX)
    {
        return Err(Entry::AccessDenied.into());
    }
    if time.unix_seconds().div_euclid(86_400) != credential.day.unix_seconds().div_euclid(86_400) {
        return Err(Entry::CredentialInvalid.into());
    }
    if policy_date.is_some_and(|policy_date| policy_date != date) {
        return Err(Entry::DateInvalid.into());
    }
    let key = keys.scoped_key(credential.access_key_id, None, credential.scope)?;
    post_policy_signature(&key, policy_b64).verify(signature)?;
    Ok(Verified::new(
        AuthMethod::PostV4,
        SignedBy::Borrowed(credential.access_key_id),
        None,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SigningKey;
    use crate::v4::{Product, Scope};

    const NOW: i64 = 1_702_743_657;

    #[test]
    fn signed_forms_verify_and_each_rule_refuses() {
        let key = SigningKey::new("sk");
        let keys = [("ak", &key)];
        let now = Timestamp::from_unix(NOW).unwrap();
        let scope = Scope::new(now, "cn-hangzhou", Product::Oss).unwrap();
        let policy = b"eyJleHBpcmF0aW9uIjoiMjAzMC0wMS0wMVQwMDowMDowMFoiLCJjb25kaXRpb25zIjpbXX0=";
        let signature = post_policy_signature(&ScopedKey::derive(&key, scope), policy);
        let good = PostFields {
            signature_version: Some(b"OSS4-HMAC-SHA256"),
            credential: Some(b"ak/20231216/cn-hangzhou/oss/aliyun_v4_request"),
            date: Some(b"20231216T162057Z"),
            signature: Some(signature.as_str().as_bytes()),
        };
        let regions = ["cn-hangzhou"];
        let check = |fields: &PostFields<'_>, policy_date: Option<&[u8]>, now: i64| {
            let now = Timestamp::from_unix(now).unwrap();
            verify_post(fields, policy, policy_date, &regions, now, keys.as_slice())
                .map(|v| v.method())
                .map_err(|e| e.entry())
        };
        assert_eq!(check(&good, None, NOW), Ok(AuthMethod::PostV4));
        assert_eq!(
            check(&good, Some(b"20231216T162057Z"), NOW + 6 * 86_400),
            Ok(AuthMethod::PostV4)
        );
        assert_eq!(
            check(&good, None, NOW + 7 * 86_400 + 1),
            Err(Entry::AccessDenied)
        );
        assert_eq!(
            check(&good, None, NOW - 901),
            Err(Entry::RequestTimeTooSkewed)
        );
        assert_eq!(
            check(&good, Some(b"20231216T162058Z"), NOW),
            Err(Entry::DateInvalid)
        );
        let cases: [(PostFields<'_>, Entry); 6] = [
            (
                PostFields {
                    signature: None,
                    ..good
                },
                Entry::PostSignatureEmpty,
            ),
            (
                PostFields {
                    signature_version: Some(b"OSS2"),
                    ..good
                },
                Entry::ArgumentInvalid,
            ),
            (
                PostFields {
                    credential: Some(b"ak/20231216/cn-beijing/oss/aliyun_v4_request"),
                    ..good
                },
                Entry::SigningRegionInvalid,
            ),
            (
                PostFields {
                    credential: Some(b"ak/20231215/cn-hangzhou/oss/aliyun_v4_request"),
                    ..good
                },
                Entry::CredentialInvalid,
            ),
            (
                PostFields {
                    date: Some(b"2023-12-16"),
                    ..good
                },
                Entry::DateInvalid,
            ),
            (
                PostFields {
                    signature: Some(b"00"),
                    ..good
                },
                Entry::SignatureDoesNotMatch,
            ),
        ];
        for (fields, expected) in cases {
            assert_eq!(check(&fields, None, NOW), Err(expected), "{fields:?}");
        }
        assert!(!PostFields::default().is_v4());
    }
}
