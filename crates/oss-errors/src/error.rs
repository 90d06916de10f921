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
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Error {
    entry: Entry,
}

impl Error {
    /// An error for `entry`.
    #[must_use]
    pub const fn new(entry: Entry) -> Self {
        Self { entry }
    }

    /// The catalogue entry.
    #[must_use]
    pub const fn entry(self) -> Entry {
        self.entry
    }

    /// The OSS error code.
    #[must_use]
    pub const fn code(self) -> Code {
        self.entry.code()
    }

    /// The HTTP status OSS answers with.
    #[must_use]
    pub const fn status(self) -> u16 {
        self.entry.status()
    }
}

impl From<Entry> for Error {
    fn from(entry: Entry) -> Self {
        Self::new(entry)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.entry.message())
    }
}

impl core::error::Error for Error {}
