//! The validation error value every oss-core crate returns.

use core::fmt;

use crate::{Code, Entry};

/// A rejection with its catalogue entry: `Copy`, and `Display` prints the OSS message.
///
/// ```
/// use oss_errors::{Entry, Error};
/// let err: Error = Entry::ObjectNameEmpty.into();
/// assert_eq!(err.entry(), Entry::ObjectNameEmpty);
/// assert_eq!(err.status(), 400);
/// assert_eq!(err.to_string(), "The Object name can not be empty");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Error {
    entry: Entry,
    reported_status: Option<i32>,
}

impl Error {
    /// An error for `entry`.
    ///
    /// ```
    /// use oss_errors::{Entry, Error};
    /// assert_eq!(Error::new(Entry::NoSuchKey).status(), 404);
    /// ```
    #[must_use]
    pub const fn new(entry: Entry) -> Self {
        Self {
            entry,
            reported_status: None,
        }
    }

    /// An error for a template entry that carries the HTTP status the application
    /// server answered with, such as `Error status : 301.` for
    /// [`Entry::CallbackErrorStatus`]. The number replaces `<N>` in the message; for
    /// entries without `<N>` it is kept but not printed.
    ///
    /// ```
    /// use oss_errors::{Entry, Error};
    /// let err = Error::with_status(Entry::CallbackErrorStatus, 301);
    /// assert_eq!(err.to_string(), "Error status : 301.");
    /// assert_eq!(err.status(), 203);
    /// assert_eq!(err.reported_status(), Some(301));
    /// ```
    #[must_use]
    pub const fn with_status(entry: Entry, status: i32) -> Self {
        Self {
            entry,
            reported_status: Some(status),
        }
    }

    /// The catalogue entry.
    ///
    /// ```
    /// use oss_errors::{Entry, Error};
    /// assert_eq!(Error::from(Entry::NoSuchKey).entry(), Entry::NoSuchKey);
    /// ```
    #[must_use]
    pub const fn entry(self) -> Entry {
        self.entry
    }

    /// The OSS error code.
    ///
    /// ```
    /// use oss_errors::{Code, Entry, Error};
    /// assert_eq!(Error::from(Entry::NoSuchKey).code(), Code::NoSuchKey);
    /// ```
    #[must_use]
    pub const fn code(self) -> Code {
        self.entry.code()
    }

    /// The HTTP status OSS answers with.
    ///
    /// ```
    /// use oss_errors::{Entry, Error};
    /// assert_eq!(Error::from(Entry::CallbackTimeout).status(), 203);
    /// ```
    #[must_use]
    pub const fn status(self) -> u16 {
        self.entry.status()
    }

    /// The status given to [`Error::with_status`], if any.
    ///
    /// ```
    /// use oss_errors::{Entry, Error};
    /// assert_eq!(Error::from(Entry::CallbackTimeout).reported_status(), None);
    /// ```
    #[must_use]
    pub const fn reported_status(self) -> Option<i32> {
        self.reported_status
    }

    /// The catalogue message (for templates, still with `<N>`).
    ///
    /// ```
    /// use oss_errors::{Entry, Error};
    /// assert_eq!(Error::from(Entry::NoSuchKey).message(), "The specified key does not exist.");
    /// ```
    #[must_use]
    pub const fn message(self) -> &'static str {
        self.entry.message()
    }
}

impl From<Entry> for Error {
    fn from(entry: Entry) -> Self {
        Self::new(entry)
    }
}

/// The placeholder a template message carries for a number.
pub(crate) const PLACEHOLDER: &str = "<N>";

impl Error {
    /// The message as printed: the text before the number, the number (for a template
    /// given a status), and the text after it.
    pub(crate) fn message_parts(self) -> (&'static str, Option<i32>, &'static str) {
        let message = self.entry.message();
        match (self.reported_status, message.split_once(PLACEHOLDER)) {
            (Some(status), Some((before, after))) => (before, Some(status), after),
            _ => (message, None, ""),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (before, status, after) = self.message_parts();
        f.write_str(before)?;
        if let Some(status) = status {
            write!(f, "{status}")?;
        }
        f.write_str(after)
    }
}

impl core::error::Error for Error {}

#[cfg(test)]
mod tests {
    use alloc::string::ToString;

    use super::*;

    #[test]
    fn template_without_status_prints_the_template() {
        assert_eq!(
            Error::from(Entry::CallbackErrorStatus).to_string(),
            "Error status : <N>."
        );
    }

    #[test]
    fn negative_status_renders() {
        assert_eq!(
            Error::with_status(Entry::CallbackErrorStatus, -1).to_string(),
            "Error status : -1."
        );
    }

    #[test]
    fn status_on_a_plain_entry_is_not_printed() {
        let err = Error::with_status(Entry::NoSuchKey, 7);
        assert_eq!(err.to_string(), Entry::NoSuchKey.message());
        assert_eq!(err.reported_status(), Some(7));
    }

    #[test]
    fn error_is_small_and_copy() {
        fn assert_copy<T: Copy>() {}
        assert_copy::<Error>();
        assert!(core::mem::size_of::<Error>() <= 12);
    }
}
