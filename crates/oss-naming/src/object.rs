//! Object names: 1 to 1023 bytes of UTF-8, not starting with `/` or `\`.

use oss_errors::{Entry, Error};

/// The longest object name OSS accepts, in bytes of UTF-8.
pub const MAX_OBJECT_NAME_LEN: usize = 1023;

/// Which optional object-name rules apply on top of the server's.
///
/// The default is the OSS server rule. [`ObjectNameOptions::STRICT_PRESIGN`] adds the check
/// the official SDKs make before presigning a V1 URL: a name must not start with `?`.
///
/// ```
/// use oss_naming::{ObjectNameOptions, check_object_name_with};
///
/// assert!(check_object_name_with("?a", ObjectNameOptions::SERVER).is_ok());
/// assert!(check_object_name_with("?a", ObjectNameOptions::STRICT_PRESIGN).is_err());
/// let custom = ObjectNameOptions::SERVER.reject_leading_question_mark(true);
/// assert_eq!(custom, ObjectNameOptions::STRICT_PRESIGN);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ObjectNameOptions {
    /// Reject a name that starts with `?` (the SDKs' "strict" V1 presign check).
    pub reject_leading_question_mark: bool,
}

impl ObjectNameOptions {
    /// The rule the OSS server applies.
    pub const SERVER: Self = Self {
        reject_leading_question_mark: false,
    };
    /// The server rule plus the SDKs' strict presign check (no leading `?`).
    pub const STRICT_PRESIGN: Self = Self {
        reject_leading_question_mark: true,
    };

    /// Sets whether a leading `?` is rejected.
    ///
    /// ```
    /// let options = oss_naming::ObjectNameOptions::SERVER.reject_leading_question_mark(true);
    /// assert!(options.reject_leading_question_mark);
    /// ```
    #[must_use]
    pub const fn reject_leading_question_mark(mut self, reject: bool) -> Self {
        self.reject_leading_question_mark = reject;
        self
    }
}

/// Checks an object name with the server rule: 1 to 1023 bytes, not starting with `/` or
/// `\`.
///
/// ```
/// use oss_errors::Entry;
/// use oss_naming::check_object_name;
///
/// assert!(check_object_name("photos/2024/cat.jpg").is_ok());
/// assert_eq!(check_object_name("").unwrap_err().entry(), Entry::ObjectNameEmpty);
/// assert_eq!(check_object_name("/abs").unwrap_err().entry(), Entry::ObjectNameInvalid);
/// ```
///
/// # Errors
/// `InvalidObjectName` with "The Object name can not be empty", "The Length of Object name
/// must be less than 1024" or "The specified object is not valid".
pub const fn check_object_name(name: &str) -> Result<(), Error> {
    check_object_name_with(name, ObjectNameOptions::SERVER)
}

/// [`check_object_name`] with optional extra rules.
///
/// ```
/// use oss_naming::{ObjectNameOptions, check_object_name_with};
/// assert!(check_object_name_with("?versioning", ObjectNameOptions::STRICT_PRESIGN).is_err());
/// ```
///
/// # Errors
/// As [`check_object_name`]; a leading `?` in strict mode is "The specified object is not
/// valid".
pub const fn check_object_name_with(name: &str, options: ObjectNameOptions) -> Result<(), Error> {
    match check_shape(name.as_bytes(), options) {
        Some(entry) => Err(Error::new(entry)),
        None => Ok(()),
    }
}

/// Checks an object name given as raw bytes (for instance a decoded request path) and
/// returns it as `&str`.
///
/// ```
/// use oss_errors::Entry;
/// use oss_naming::check_object_name_bytes;
///
/// assert_eq!(check_object_name_bytes(b"a/b.txt"), Ok("a/b.txt"));
/// assert_eq!(check_object_name_bytes(b"a\xff").unwrap_err().entry(), Entry::ObjectNameInvalid);
/// ```
///
/// # Errors
/// As [`check_object_name`]; bytes that are not UTF-8 are "The specified object is not
/// valid".
pub const fn check_object_name_bytes(name: &[u8]) -> Result<&str, Error> {
    check_object_name_bytes_with(name, ObjectNameOptions::SERVER)
}

/// [`check_object_name_bytes`] with optional extra rules.
///
/// ```
/// use oss_naming::{ObjectNameOptions, check_object_name_bytes_with};
/// assert!(check_object_name_bytes_with(b"?a", ObjectNameOptions::STRICT_PRESIGN).is_err());
/// ```
///
/// # Errors
/// As [`check_object_name_bytes`].
pub const fn check_object_name_bytes_with(
    name: &[u8],
    options: ObjectNameOptions,
) -> Result<&str, Error> {
    if let Some(entry) = check_shape(name, options) {
        return Err(Error::new(entry));
    }
    match core::str::from_utf8(name) {
        Ok(text) => Ok(text),
        Err(_) => Err(Error::new(Entry::ObjectNameInvalid)),
    }
}

/// Every rule except UTF-8 validity, which a `&str` already guarantees.
const fn check_shape(name: &[u8], options: ObjectNameOptions) -> Option<Entry> {
    match name {
        [] => Some(Entry::ObjectNameEmpty),
        _ if name.len() > MAX_OBJECT_NAME_LEN => Some(Entry::ObjectNameTooLong),
        [b'/' | b'\\', ..] => Some(Entry::ObjectNameInvalid),
        [b'?', ..] if options.reject_leading_question_mark => Some(Entry::ObjectNameInvalid),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::string::ToString;

    fn model(name: &[u8], strict: bool) -> Option<Entry> {
        if name.is_empty() {
            Some(Entry::ObjectNameEmpty)
        } else if name.len() >= 1024 {
            Some(Entry::ObjectNameTooLong)
        } else if name.starts_with(b"/")
            || name.starts_with(b"\\")
            || (strict && name.starts_with(b"?"))
            || std::str::from_utf8(name).is_err()
        {
            Some(Entry::ObjectNameInvalid)
        } else {
            None
        }
    }

    #[test]
    fn limits_and_messages() {
        assert!(check_object_name(&"a".repeat(1023)).is_ok());
        let err = check_object_name(&"a".repeat(1024)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "The Length of Object name must be less than 1024"
        );
        // 341 three-byte characters are 1023 bytes; one more is over the limit.
        assert!(check_object_name(&"中".repeat(341)).is_ok());
        assert!(check_object_name(&"中".repeat(342)).is_err());
        assert_eq!(
            check_object_name("\\a").unwrap_err().entry(),
            Entry::ObjectNameInvalid
        );
        assert!(check_object_name("a/").is_ok());
        assert!(check_object_name(" ").is_ok());
    }

    proptest! {
        #[test]
        fn bytes_agree_with_model(name in proptest::collection::vec(any::<u8>(), 0..1100), strict in any::<bool>()) {
            let options = ObjectNameOptions::SERVER.reject_leading_question_mark(strict);
            let got = check_object_name_bytes_with(&name, options).err().map(Error::entry);
            prop_assert_eq!(got, model(&name, strict));
        }

        #[test]
        fn str_agrees_with_model(name in "[/\\\\?]?[a-z/\\\\?中 ]{0,1030}", strict in any::<bool>()) {
            let options = ObjectNameOptions::SERVER.reject_leading_question_mark(strict);
            let got = check_object_name_with(&name, options).err().map(Error::entry);
            prop_assert_eq!(got, model(name.as_bytes(), strict));
        }
    }
}
