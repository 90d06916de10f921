//! One condition of a POST policy's `conditions` array.

use core::fmt;

use oss_errors::{Entry, Error};
use oss_naming::parse_decimal;

use oss_text::json::{JsonStr, Value};

/// A string of the policy document, borrowed with its JSON escapes still in place.
///
/// Comparisons decode the escapes on the fly (`\/`, `\$`, `\u00e9` ...).
///
/// ```
/// use oss_multipart::Policy;
///
/// let policy = Policy::parse(br#"{"expiration":"2030-01-01T00:00:00Z","conditions":[["eq","$key","a\/b"]]}"#)?;
/// let condition = policy.conditions().next().unwrap();
/// let field = condition.field().unwrap();
/// assert!(field.matches_name(b"KEY"));
/// assert_eq!(field.raw(), b"key");
/// # Ok::<(), oss_errors::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PolicyStr<'a>(JsonStr<'a>);

impl<'a> PolicyStr<'a> {
    /// The string as written in the policy, escapes included.
    #[must_use]
    pub const fn raw(self) -> &'a [u8] {
        self.0.raw()
    }

    /// The decoded bytes, one at a time.
    ///
    /// ```
    /// use oss_multipart::Policy;
    /// let policy = Policy::parse(br#"{"expiration":"2030-01-01T00:00:00Z","conditions":[{"key":"a\/b"}]}"#)?;
    /// let Some(oss_multipart::Condition::Eq { value, .. }) = policy.conditions().next() else { panic!() };
    /// assert_eq!(value.decoded().collect::<Vec<u8>>(), b"a/b");
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    pub fn decoded(self) -> impl Iterator<Item = u8> + 'a {
        self.0.bytes()
    }

    /// Whether a form field named `name` is the field this string names (ASCII case is
    /// ignored: policies write `$content-type` for the `Content-Type` field).
    #[must_use]
    pub fn matches_name(self, name: &[u8]) -> bool {
        self.0.eq_ignore_ascii_case(name)
    }

    /// Whether the decoded string equals `value`.
    #[must_use]
    pub fn equals(self, value: &[u8]) -> bool {
        self.0.eq_bytes(value)
    }

    /// Whether `value` starts with the decoded string.
    #[must_use]
    pub fn is_prefix_of(self, value: &[u8]) -> bool {
        self.0.is_prefix_of(value)
    }
}

impl fmt::Display for PolicyStr<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.raw().escape_ascii())
    }
}

/// The strings of an `in` / `not-in` condition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PolicyStrList<'a>(Value<'a>);

impl<'a> PolicyStrList<'a> {
    /// The strings, in order.
    ///
    /// ```
    /// use oss_multipart::{Condition, Policy};
    /// let policy = Policy::parse(br#"{"expiration":"2030-01-01T00:00:00Z","conditions":[["in","$content-type",["image/jpg","image/png"]]]}"#)?;
    /// let Some(Condition::In { values, .. }) = policy.conditions().next() else { panic!() };
    /// assert_eq!(values.iter().count(), 2);
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    pub fn iter(self) -> impl Iterator<Item = PolicyStr<'a>> + 'a {
        self.0
            .elements()
            .into_iter()
            .flatten()
            .filter_map(|value| match value {
                Value::String(s) => Some(PolicyStr(s)),
                _ => None,
            })
    }

    /// Whether one of the strings equals `value`.
    #[must_use]
    pub fn contains(self, value: &[u8]) -> bool {
        self.iter().any(|s| s.equals(value))
    }
}

/// One condition of a POST policy.
///
/// ```
/// use oss_multipart::{Condition, Policy};
/// let policy = Policy::parse(br#"{"expiration":"2030-01-01T00:00:00Z","conditions":[["content-length-range",1,1024]]}"#)?;
/// assert_eq!(policy.conditions().next(), Some(Condition::ContentLengthRange { min: 1, max: 1024 }));
/// # Ok::<(), oss_errors::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Condition<'a> {
    /// `{"field": "value"}` (an exact-match object) or `["eq", "$field", "value"]`.
    Eq {
        /// The field name (without `$`).
        field: PolicyStr<'a>,
        /// The value the field must have.
        value: PolicyStr<'a>,
    },
    /// `["starts-with", "$field", "prefix"]`.
    StartsWith {
        /// The field name (without `$`).
        field: PolicyStr<'a>,
        /// The prefix the field's value must have.
        prefix: PolicyStr<'a>,
    },
    /// `["in", "$field", ["a", "b"]]`.
    In {
        /// The field name (without `$`).
        field: PolicyStr<'a>,
        /// The values allowed.
        values: PolicyStrList<'a>,
    },
    /// `["not-in", "$field", ["a", "b"]]`.
    NotIn {
        /// The field name (without `$`).
        field: PolicyStr<'a>,
        /// The values refused.
        values: PolicyStrList<'a>,
    },
    /// `["content-length-range", min, max]`: the file's size in bytes, both ends included.
    ContentLengthRange {
        /// The smallest size allowed.
        min: u64,
        /// The largest size allowed.
        max: u64,
    },
}

impl<'a> Condition<'a> {
    /// The form field the condition is about (`None` for `content-length-range`).
    #[must_use]
    pub const fn field(&self) -> Option<PolicyStr<'a>> {
        match *self {
            Self::Eq { field, .. }
            | Self::StartsWith { field, .. }
            | Self::In { field, .. }
            | Self::NotIn { field, .. } => Some(field),
            Self::ContentLengthRange { .. } => None,
        }
    }

    /// Whether a field value satisfies the condition (`content-length-range` is always
    /// satisfied here; see [`Condition::allows_length`]).
    ///
    /// ```
    /// use oss_multipart::Policy;
    /// let policy = Policy::parse(br#"{"expiration":"2030-01-01T00:00:00Z","conditions":[["not-in","$cache-control",["no-cache"]]]}"#)?;
    /// let condition = policy.conditions().next().unwrap();
    /// assert!(condition.allows_value(b"max-age=60"));
    /// assert!(!condition.allows_value(b"no-cache"));
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    #[must_use]
    pub fn allows_value(&self, value: &[u8]) -> bool {
        match *self {
            Self::Eq { value: wanted, .. } => wanted.equals(value),
            Self::StartsWith { prefix, .. } => prefix.is_prefix_of(value),
            Self::In { values, .. } => values.contains(value),
            Self::NotIn { values, .. } => !values.contains(value),
            Self::ContentLengthRange { .. } => true,
        }
    }

    /// Whether a file of `size` bytes satisfies the condition.
    ///
    /// # Errors
    /// EntityTooSmall or EntityTooLarge when `size` is outside a `content-length-range`.
    ///
    /// ```
    /// use oss_multipart::Condition;
    /// let range = Condition::ContentLengthRange { min: 1, max: 10 };
    /// assert!(range.allows_length(5).is_ok());
    /// assert_eq!(range.allows_length(0).unwrap_err().code().as_str(), "EntityTooSmall");
    /// assert_eq!(range.allows_length(11).unwrap_err().code().as_str(), "EntityTooLarge");
    /// ```
    pub fn allows_length(&self, size: u64) -> Result<(), Error> {
        match *self {
            Self::ContentLengthRange { min, .. } if size < min => Err(Entry::UploadTooSmall.into()),
            Self::ContentLengthRange { max, .. } if size > max => Err(Entry::UploadTooLarge.into()),
            _ => Ok(()),
        }
    }

    /// Reads one element of `conditions`.
    pub(crate) fn from_value(value: Value<'a>) -> Result<Self, Error> {
        match value {
            Value::Object(_) => Self::exact_match(value),
            Value::Array(_) => Self::from_list(value),
            _ => Err(invalid()),
        }
    }

    fn exact_match(object: Value<'a>) -> Result<Self, Error> {
        let mut members = object.members().into_iter().flatten();
        let (Some((field, value)), None) = (members.next(), members.next()) else {
            return Err(Entry::PolicySimpleConditionInvalid.into());
        };
        match value {
            Value::String(value) => Ok(Self::Eq {
                field: PolicyStr(field),
                value: PolicyStr(value),
            }),
            _ => Err(invalid()),
        }
    }

    fn from_list(list: Value<'a>) -> Result<Self, Error> {
        let mut items = list.elements().into_iter().flatten();
        let (Some(Value::String(op)), Some(first), Some(second), None) =
            (items.next(), items.next(), items.next(), items.next())
        else {
            return Err(invalid());
        };
        if op.eq_ignore_ascii_case(b"content-length-range") {
            let (min, max) = (length(first)?, length(second)?);
            return if max >= min {
                Ok(Self::ContentLengthRange { min, max })
            } else {
                Err(invalid())
            };
        }
        let Value::String(field) = first else {
            return Err(invalid());
        };
        let field = PolicyStr(field.strip_prefix(b'$').ok_or_else(invalid)?);
        if op.eq_ignore_ascii_case(b"eq") || op.eq_ignore_ascii_case(b"starts-with") {
            let Value::String(text) = second else {
                return Err(invalid());
            };
            let text = PolicyStr(text);
            return Ok(if op.eq_ignore_ascii_case(b"eq") {
                Self::Eq { field, value: text }
            } else {
                Self::StartsWith {
                    field,
                    prefix: text,
                }
            });
        }
        let in_list = op.eq_ignore_ascii_case(b"in");
        if !in_list && !op.eq_ignore_ascii_case(b"not-in") {
            return Err(invalid());
        }
        let all_strings = second
            .elements()
            .is_some_and(|mut values| values.all(|v| matches!(v, Value::String(_))));
        if !all_strings {
            return Err(invalid());
        }
        let values = PolicyStrList(second);
        Ok(if in_list {
            Self::In { field, values }
        } else {
            Self::NotIn { field, values }
        })
    }
}

/// A `content-length-range` bound: a non-negative integer (or a string of digits).
fn length(value: Value<'_>) -> Result<u64, Error> {
    let digits = match value {
        Value::Number(digits) => digits,
        Value::String(text) => text.raw(),
        _ => return Err(invalid()),
    };
    parse_decimal(digits).ok_or_else(invalid)
}

impl fmt::Display for Condition<'_> {
    /// The condition as OSS quotes it in "Policy Condition failed: [...]".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::Eq { field, value } => write!(f, "[\"eq\", \"${field}\", \"{value}\"]"),
            Self::StartsWith { field, prefix } => {
                write!(f, "[\"starts-with\", \"${field}\", \"{prefix}\"]")
            }
            Self::In { field, values } => write_list(f, "in", field, values),
            Self::NotIn { field, values } => write_list(f, "not-in", field, values),
            Self::ContentLengthRange { min, max } => {
                write!(f, "[\"content-length-range\", {min}, {max}]")
            }
        }
    }
}

fn write_list(
    f: &mut fmt::Formatter<'_>,
    op: &str,
    field: PolicyStr<'_>,
    values: PolicyStrList<'_>,
) -> fmt::Result {
    write!(f, "[\"{op}\", \"${field}\", [")?;
    for (i, value) in values.iter().enumerate() {
        let sep = if i == 0 { "" } else { ", " };
        write!(f, "{sep}\"{value}\"")?;
    }
    f.write_str("]]")
}

fn invalid() -> Error {
    Entry::PolicyDocumentInvalid.into()
}
