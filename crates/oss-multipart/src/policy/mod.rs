//! The PostObject policy: decode, validate, evaluate.

mod condition;
mod json;

use core::fmt;

use base64::Engine as _;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use oss_errors::{Entry, Error};
use oss_naming::Timestamp;

pub use condition::{Condition, PolicyStr, PolicyStrList};
use oss_text::json::Value;

/// Standard base64, padding optional (clients differ).
const BASE64: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// A parsed POST policy: `{"expiration": "<ISO 8601 GMT>", "conditions": [...]}`, borrowed
/// from the JSON text.
///
/// Parsing checks the whole document, so evaluation cannot meet a malformed condition.
///
/// The JSON is read by the workspace's borrowed reader (`oss-text`), not a JSON crate: a
/// policy's `conditions` mixes objects, arrays, strings and integers, which needs a
/// dynamically typed value; `serde-json-core` (the no-alloc choice) cannot deserialize
/// those (`deserialize_any`), and `serde_json` needs `alloc` to hold them. The reader
/// checks the document once and hands out views whose escapes are decoded while
/// comparing, so nothing is copied or allocated.
///
/// ```
/// use oss_multipart::Policy;
///
/// let json = br#"{"expiration":"2013-12-01T12:00:00Z","conditions":[["content-length-range", 0, 10485760],{"bucket":"ahaha"},{"A":"a"},{"key":"ABC"}]}"#;
/// let policy = Policy::parse(json)?;
/// assert_eq!(policy.expiration().unix_seconds(), 1_385_899_200);
/// assert_eq!(policy.conditions().count(), 4);
/// let fields: [(&[u8], &[u8]); 3] = [(b"bucket", b"ahaha"), (b"A", b"a"), (b"key", b"ABC")];
/// assert!(policy.check(1_385_899_000, fields, 100).is_ok());
/// assert!(policy.check(1_385_899_201, fields, 100).is_err()); // expired
/// # Ok::<(), oss_errors::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Policy<'a> {
    expiration: Timestamp,
    conditions: Value<'a>,
}

impl<'a> Policy<'a> {
    /// Decodes the `policy` form field (base64) into `buf` and returns the JSON text.
    ///
    /// `buf` needs `policy_b64.len() / 4 * 3 + 3` bytes at most.
    ///
    /// # Errors
    /// InvalidPolicyDocument ("Invalid policy document, please check.") when the field is
    /// empty, not base64, or larger than `buf`.
    ///
    /// ```
    /// use oss_multipart::Policy;
    /// let mut buf = [0; 64];
    /// assert_eq!(Policy::decode(b"eyJhIjoxfQ==", &mut buf)?, br#"{"a":1}"#);
    /// assert!(Policy::decode(b"not base64!", &mut buf).is_err());
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    pub fn decode<'b>(policy_b64: &[u8], buf: &'b mut [u8]) -> Result<&'b [u8], Error> {
        let policy_b64 = policy_b64.trim_ascii();
        if policy_b64.is_empty() {
            return Err(invalid());
        }
        let len = BASE64
            .decode_slice(policy_b64, buf)
            .map_err(|_| invalid())?;
        Ok(&buf[..len])
    }

    /// Parses and checks a policy's JSON text.
    ///
    /// # Errors
    /// InvalidPolicyDocument: the seeds' JSON messages (", or ] expected", "unknown char
    /// e") for text that is not JSON; "Invalid Policy: Invalid Simple-Condition: ..." for
    /// an exact-match object without exactly one property; "Invalid policy document,
    /// please check." for anything else: arrays and objects nested deeper than 1000
    /// levels (the limit of every JSON reader here), not an object, `expiration` missing, not a
    /// string, empty or not ISO 8601 GMT, `conditions` missing, not an array or empty, a
    /// condition that is neither an object nor an array, an unknown operator, a field
    /// name without `$`, the wrong number of items, a non-string value, an `in`/`not-in`
    /// operand that is not a list of strings, a `content-length-range` bound that is not
    /// a non-negative integer, or a maximum below the minimum; a key given twice.
    ///
    /// ```
    /// use oss_multipart::Policy;
    /// use oss_errors::Entry;
    /// let err = Policy::parse(br#"{"expiration":"2030-01-01T00:00:00Z","conditions":[{"a":"1","b":"2"}]}"#).unwrap_err();
    /// assert_eq!(err.entry(), Entry::PolicySimpleConditionInvalid);
    /// ```
    pub fn parse(json: &'a [u8]) -> Result<Self, Error> {
        let document = json::parse(json)?;
        let members = document.members().ok_or_else(invalid)?;
        let (mut expiration, mut conditions) = (None, None);
        for (key, value) in members {
            let slot = if key.eq_bytes(b"expiration") {
                &mut expiration
            } else if key.eq_bytes(b"conditions") {
                &mut conditions
            } else {
                continue;
            };
            if slot.replace(value).is_some() {
                return Err(invalid());
            }
        }
        let expiration = match expiration {
            Some(Value::String(text)) => core::str::from_utf8(text.raw())
                .ok()
                .and_then(|text| oss_naming::parse_iso8601(text).ok())
                .ok_or_else(invalid)?,
            _ => return Err(invalid()),
        };
        let conditions = conditions.ok_or_else(invalid)?;
        let mut count = 0;
        for condition in conditions.elements().ok_or_else(invalid)? {
            Condition::from_value(condition)?;
            count += 1;
        }
        if count == 0 {
            return Err(invalid());
        }
        Ok(Self {
            expiration,
            conditions,
        })
    }

    /// The expiration time.
    ///
    /// ```
    /// use oss_multipart::Policy;
    /// let policy = Policy::parse(br#"{"expiration":"2030-01-01T00:00:00.250Z","conditions":[{"a":"b"}]}"#)?;
    /// assert_eq!(policy.expiration().unix_seconds(), 1_893_456_000);
    /// assert_eq!(policy.expiration().subsec_nanos(), 250_000_000);
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    #[must_use]
    pub const fn expiration(&self) -> Timestamp {
        self.expiration
    }

    /// The conditions, in document order.
    ///
    /// ```
    /// use oss_multipart::{Condition, Policy};
    /// let policy = Policy::parse(br#"{"expiration":"2030-01-01T00:00:00Z","conditions":[["starts-with","$key","user/"]]}"#)?;
    /// assert!(matches!(policy.conditions().next(), Some(Condition::StartsWith { .. })));
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    pub fn conditions(&self) -> impl Iterator<Item = Condition<'a>> + 'a {
        // Every element was checked by `parse`, so none is dropped here.
        self.conditions
            .elements()
            .into_iter()
            .flatten()
            .filter_map(|value| Condition::from_value(value).ok())
    }

    /// Checks the expiration against `now` (seconds since the Unix epoch).
    ///
    /// # Errors
    /// AccessDenied "Invalid according to Policy: Policy expired." once `now` is past the
    /// expiration.
    ///
    /// ```
    /// use oss_multipart::Policy;
    /// let policy = Policy::parse(br#"{"expiration":"1970-01-01T00:01:00Z","conditions":[{"a":"b"}]}"#)?;
    /// assert!(policy.check_expiration(60).is_ok());
    /// assert!(policy.check_expiration(61).is_err());
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    pub fn check_expiration(&self, now: i64) -> Result<(), Error> {
        if now > self.expiration.unix_seconds() {
            Err(Entry::PolicyExpired.into())
        } else {
            Ok(())
        }
    }

    /// Checks every field condition against the form fields (`content-length-range` is
    /// left to [`Policy::check_content_length`]).
    ///
    /// `fields` yields `(name, value)` pairs: the form fields before `file`, plus `bucket`
    /// (which OSS takes from the request's host). Names are matched ignoring ASCII case;
    /// the first field of a name counts; a missing field counts as an empty value.
    ///
    /// # Errors
    /// The first condition that fails, as AccessDenied "Invalid according to Policy:
    /// Policy Condition failed:" followed by the condition.
    ///
    /// ```
    /// use oss_multipart::Policy;
    /// let policy = Policy::parse(br#"{"expiration":"2030-01-01T00:00:00Z","conditions":[["starts-with","$key","user/eric/"]]}"#)?;
    /// let fields: [(&[u8], &[u8]); 1] = [(b"key", b"user/bob/a.txt")];
    /// let violation = policy.check_fields(fields).unwrap_err();
    /// assert_eq!(
    ///     violation.to_string(),
    ///     r#"Invalid according to Policy: Policy Condition failed: ["starts-with", "$key", "user/eric/"]"#
    /// );
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    pub fn check_fields<'f, I>(&self, fields: I) -> Result<(), PolicyViolation<'a>>
    where
        I: IntoIterator<Item = (&'f [u8], &'f [u8])> + Clone,
    {
        self.conditions()
            .try_for_each(|condition| condition.check_field(fields.clone()))
    }

    /// Checks the file's size against every `content-length-range`.
    ///
    /// # Errors
    /// EntityTooSmall or EntityTooLarge.
    ///
    /// ```
    /// use oss_multipart::Policy;
    /// let policy = Policy::parse(br#"{"expiration":"2030-01-01T00:00:00Z","conditions":[["content-length-range",1,3]]}"#)?;
    /// assert!(policy.check_content_length(3).is_ok());
    /// assert!(policy.check_content_length(4).is_err());
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    pub fn check_content_length(&self, size: u64) -> Result<(), Error> {
        self.conditions()
            .try_for_each(|condition| condition.allows_length(size))
    }

    /// Checks the expiration, then every condition in document order.
    ///
    /// # Errors
    /// The first rule broken: see [`Policy::check_expiration`], [`Policy::check_fields`]
    /// and [`Policy::check_content_length`].
    ///
    /// ```
    /// use oss_multipart::Policy;
    /// let policy = Policy::parse(br#"{"expiration":"2030-01-01T00:00:00Z","conditions":[["in","$content-type",["image/png"]]]}"#)?;
    /// let fields: [(&[u8], &[u8]); 1] = [(b"Content-Type", b"image/png")];
    /// assert!(policy.check(0, fields, 10).is_ok());
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    pub fn check<'f, I>(
        &self,
        now: i64,
        fields: I,
        file_size: u64,
    ) -> Result<(), PolicyViolation<'a>>
    where
        I: IntoIterator<Item = (&'f [u8], &'f [u8])> + Clone,
    {
        self.check_expiration(now)?;
        self.conditions()
            .try_for_each(|condition| condition.check(fields.clone(), file_size))
    }
}

impl<'a> Condition<'a> {
    /// Checks this one condition against a form: the file's size, then the field it
    /// names (the first field of that name; a missing field counts as an empty value).
    /// [`Policy::check`] runs this for every condition, after the expiration.
    ///
    /// # Errors
    /// EntityTooSmall or EntityTooLarge for a `content-length-range`, else the
    /// AccessDenied policy violation quoting this condition.
    ///
    /// ```
    /// use oss_multipart::Policy;
    /// let policy = Policy::parse(br#"{"expiration":"2030-01-01T00:00:00Z","conditions":[["eq","$key","a"]]}"#)?;
    /// let condition = policy.conditions().next().unwrap();
    /// let fields: [(&[u8], &[u8]); 1] = [(b"key", b"b")];
    /// assert!(condition.check(fields, 0).is_err());
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    pub fn check<'f, I>(&self, fields: I, file_size: u64) -> Result<(), PolicyViolation<'a>>
    where
        I: IntoIterator<Item = (&'f [u8], &'f [u8])>,
    {
        self.allows_length(file_size)?;
        self.check_field(fields)
    }

    fn check_field<'f>(
        &self,
        fields: impl IntoIterator<Item = (&'f [u8], &'f [u8])>,
    ) -> Result<(), PolicyViolation<'a>> {
        let Some(field) = self.field() else {
            return Ok(());
        };
        let value = fields
            .into_iter()
            .find(|(name, _)| field.matches_name(name))
            .map_or(&[][..], |(_, value)| value);
        if self.allows_value(value) {
            Ok(())
        } else {
            Err(PolicyViolation {
                error: Entry::PolicyConditionFailed.into(),
                condition: Some(*self),
            })
        }
    }
}

/// Why a form does not satisfy a policy: the OSS error, and the failing condition when
/// OSS quotes one in the message.
///
/// `Display` prints the full message OSS sends, condition included.
///
/// ```
/// use oss_multipart::Policy;
/// let policy = Policy::parse(br#"{"expiration":"2030-01-01T00:00:00Z","conditions":[{"bucket":"johnsmith"}]}"#)?;
/// let fields: [(&[u8], &[u8]); 1] = [(b"bucket", b"other")];
/// let violation = policy.check_fields(fields).unwrap_err();
/// assert_eq!(violation.error().status(), 403);
/// assert!(violation.to_string().ends_with(r#"failed: ["eq", "$bucket", "johnsmith"]"#));
/// # Ok::<(), oss_errors::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PolicyViolation<'a> {
    error: Error,
    condition: Option<Condition<'a>>,
}

impl<'a> PolicyViolation<'a> {
    /// The OSS error (code, status, catalogue message).
    #[must_use]
    pub const fn error(&self) -> Error {
        self.error
    }

    /// The condition OSS quotes after the message, if any.
    #[must_use]
    pub const fn condition(&self) -> Option<Condition<'a>> {
        self.condition
    }
}

impl From<Error> for PolicyViolation<'_> {
    fn from(error: Error) -> Self {
        Self {
            error,
            condition: None,
        }
    }
}

impl fmt::Display for PolicyViolation<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.error, f)?;
        match &self.condition {
            Some(condition) => write!(f, " {condition}"),
            None => Ok(()),
        }
    }
}

impl core::error::Error for PolicyViolation<'_> {}

fn invalid() -> Error {
    Entry::PolicyDocumentInvalid.into()
}

#[cfg(test)]
mod tests;
