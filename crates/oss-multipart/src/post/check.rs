//! The whole PostObject judgement in one call: the signature (V1 or V4), then the policy.

use oss_errors::{Entry, Error};
use oss_naming::Timestamp;
use oss_sign::KeyLookup;
use oss_sign::v4::PostFields;

use super::PostForm;
use super::rules::{ACCESS_KEY_ID_FIELD, POLICY_FIELD, SIGNATURE_FIELD};
use crate::policy::{Policy, PolicyViolation};

/// What a PostObject form is judged against besides its body: the server's key store, the
/// regions it serves (V4), the bucket (OSS takes it from the host) and the clock.
///
/// ```
/// use oss_multipart::PostCheck;
/// use oss_naming::Timestamp;
/// use oss_sign::SigningKey;
/// let key = SigningKey::new("secret");
/// let keys = [("AK", &key)];
/// let check = PostCheck::new(Timestamp::from_unix(1_700_000_000).unwrap())
///     .with_keys(keys.as_slice())
///     .with_regions(&["cn-hangzhou"])
///     .with_bucket(b"examplebucket");
/// # let _ = check;
/// ```
#[derive(Clone, Copy, Debug)]
pub struct PostCheck<'a, K: ?Sized> {
    keys: Option<&'a K>,
    regions: &'a [&'a str],
    bucket: Option<&'a [u8]>,
    now: Timestamp,
}

impl<'a, K: KeyLookup + ?Sized> PostCheck<'a, K> {
    /// A check at `now` with no key store (the signature is reported as not checked), no
    /// V4 region, and no bucket (`bucket` conditions are reported as not checked).
    #[must_use]
    pub const fn new(now: Timestamp) -> Self {
        Self {
            keys: None,
            regions: &[],
            bucket: None,
            now,
        }
    }

    /// Checks signatures with `keys`.
    #[must_use]
    pub const fn with_keys(mut self, keys: &'a K) -> Self {
        self.keys = Some(keys);
        self
    }

    /// The regions a V4 form may be signed for.
    #[must_use]
    pub const fn with_regions(mut self, regions: &'a [&'a str]) -> Self {
        self.regions = regions;
        self
    }

    /// The bucket the form was posted to, for `bucket` policy conditions.
    #[must_use]
    pub const fn with_bucket(mut self, bucket: &'a [u8]) -> Self {
        self.bucket = Some(bucket);
        self
    }
}

/// How a form's signature came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum PostSignature {
    /// No signature fields: an anonymous upload (the bucket's ACL decides).
    Anonymous,
    /// `OSSAccessKeyId` + `Signature` over the policy, verified.
    V1,
    /// `x-oss-signature-version`, `x-oss-credential`, `x-oss-date`, `x-oss-signature`,
    /// verified.
    V4,
    /// Signed, but no key store was given.
    NotChecked,
}

/// What [`PostForm::check`] found in a form it accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct PostVerdict {
    /// The signature.
    pub signature: PostSignature,
    /// Whether the form carries a policy (checked: expiration and every condition).
    pub has_policy: bool,
    /// Whether `bucket` conditions were skipped for want of a bucket.
    pub bucket_conditions_skipped: bool,
}

impl<'a> PostForm<'a> {
    /// Judges the form as OSS does once it has parsed it: the signature (V4 when any V4
    /// field is present, else V1 when `OSSAccessKeyId` is, else anonymous), then the
    /// policy (expiration, every condition against the fields and the bucket,
    /// `content-length-range` against the file). `buf` receives the decoded policy (the
    /// policy field's length is enough).
    ///
    /// # Errors
    /// The signature's errors (see [`oss_sign::v4::verify_post`] and
    /// [`oss_sign::verify_post_policy_signature`]; a signed form without a policy is
    /// "The bucket POST must contain the specified field name"), then the policy's (see
    /// [`Policy::check`]).
    pub fn check<'p, K: KeyLookup + ?Sized>(
        &self,
        check: &PostCheck<'_, K>,
        buf: &'p mut [u8],
    ) -> Result<PostVerdict, PolicyViolation<'p>> {
        self.check_with_file_size(check, buf, self.summary().size)
    }

    /// [`PostForm::check`] with the file's size given: for a form parsed from its fields
    /// while the file itself was streamed elsewhere (a server that does not hold uploads
    /// in memory), so `content-length-range` is judged against the real size.
    ///
    /// # Errors
    /// As [`PostForm::check`].
    pub fn check_with_file_size<'p, K: KeyLookup + ?Sized>(
        &self,
        check: &PostCheck<'_, K>,
        buf: &'p mut [u8],
        file_size: u64,
    ) -> Result<PostVerdict, PolicyViolation<'p>> {
        let signature = self.check_any_signature(check)?;
        let mut verdict = PostVerdict {
            signature,
            has_policy: false,
            bucket_conditions_skipped: false,
        };
        let Some(json) = self.policy_json(buf)? else {
            return Ok(verdict);
        };
        verdict.has_policy = true;
        let policy = Policy::parse(json)?;
        policy.check_expiration(check.now.unix_seconds())?;
        let bucket = check.bucket.map(|bucket| (&b"bucket"[..], bucket));
        for condition in policy.conditions() {
            let about_bucket = condition
                .field()
                .is_some_and(|field| field.matches_name(b"bucket"));
            if about_bucket && bucket.is_none() {
                verdict.bucket_conditions_skipped = true;
                continue;
            }
            condition.check(self.fields().chain(bucket), file_size)?;
        }
        Ok(verdict)
    }

    /// The V4 fields of the form.
    fn v4_fields(&self) -> PostFields<'a> {
        let field = |name: &[u8]| self.field(name).map(<[u8]>::trim_ascii);
        PostFields {
            signature_version: field(b"x-oss-signature-version"),
            credential: field(b"x-oss-credential"),
            date: field(b"x-oss-date"),
            signature: field(b"x-oss-signature"),
        }
    }

    fn check_any_signature<K: KeyLookup + ?Sized>(
        &self,
        check: &PostCheck<'_, K>,
    ) -> Result<PostSignature, Error> {
        let v4 = self.v4_fields();
        if !v4.is_v4() && !self.is_signed() {
            return Ok(PostSignature::Anonymous);
        }
        let Some(keys) = check.keys else {
            return Ok(PostSignature::NotChecked);
        };
        let policy = self
            .field(POLICY_FIELD)
            .ok_or(Entry::PostMissingField)?
            .trim_ascii();
        if v4.is_v4() {
            oss_sign::v4::verify_post(&v4, policy, None, check.regions, check.now, keys)?;
            return Ok(PostSignature::V4);
        }
        let id = self
            .field(ACCESS_KEY_ID_FIELD)
            .unwrap_or_default()
            .trim_ascii();
        let id = core::str::from_utf8(id).map_err(|_| Error::from(Entry::AccessKeyIdBadChars))?;
        oss_naming::check_access_key_id(id)?;
        let token = self
            .field(b"x-oss-security-token")
            .map(oss_sign::SecurityToken::from_header);
        let key = keys.signing_key(id, token)?;
        let signature = self.field(SIGNATURE_FIELD).unwrap_or_default().trim_ascii();
        oss_sign::verify_post_policy_signature(key, policy, signature)?;
        Ok(PostSignature::V1)
    }
}
