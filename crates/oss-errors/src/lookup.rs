//! Lookups without allocation: code text to [`Code`], a code's entries, and (code,
//! message) to [`Entry`].
//!
//! The indexes are built at compile time: codes sorted by (length, bytes) for a binary
//! search that mostly compares lengths, and entries grouped by code.

use core::cmp::Ordering;
use core::fmt;
use core::str::FromStr;

use crate::normalize::{loose_eq, loose_starts_with};
use crate::template;
use crate::{Code, Entry, Error};

const CODES: usize = Code::ALL.len();
const ENTRIES: usize = Entry::ALL.len();

/// Orders code names by length first, then bytewise: cheap to compare, and the same
/// order in `const` and at run time.
const fn order(a: &[u8], b: &[u8]) -> Ordering {
    if a.len() != b.len() {
        return if a.len() < b.len() {
            Ordering::Less
        } else {
            Ordering::Greater
        };
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return if a[i] < b[i] {
                Ordering::Less
            } else {
                Ordering::Greater
            };
        }
        i += 1;
    }
    Ordering::Equal
}

/// Every code, sorted by [`order`] of its name.
static CODES_BY_NAME: [Code; CODES] = {
    let mut sorted = [Code::ALL[0]; CODES];
    let mut i = 0;
    while i < CODES {
        sorted[i] = Code::ALL[i];
        let mut j = i;
        while j > 0
            && matches!(
                order(
                    sorted[j].as_str().as_bytes(),
                    sorted[j - 1].as_str().as_bytes()
                ),
                Ordering::Less
            )
        {
            let swap = sorted[j];
            sorted[j] = sorted[j - 1];
            sorted[j - 1] = swap;
            j -= 1;
        }
        i += 1;
    }
    sorted
};

/// Every entry, grouped by code in code order (table order within a code).
static ENTRIES_BY_CODE: [Entry; ENTRIES] = {
    let mut grouped = [Entry::ALL[0]; ENTRIES];
    let mut next = 0;
    let mut code = 0;
    while code < CODES {
        let mut e = 0;
        while e < ENTRIES {
            if Entry::ALL[e].code() as usize == code {
                grouped[next] = Entry::ALL[e];
                next += 1;
            }
            e += 1;
        }
        code += 1;
    }
    grouped
};

/// `ENTRIES_BY_CODE[FIRST_ENTRY[c]..FIRST_ENTRY[c + 1]]` are the entries of code `c`.
static FIRST_ENTRY: [usize; CODES + 1] = {
    let mut first = [0; CODES + 1];
    let mut e = 0;
    while e < ENTRIES {
        first[Entry::ALL[e].code() as usize + 1] += 1;
        e += 1;
    }
    let mut c = 0;
    while c < CODES {
        first[c + 1] += first[c];
        c += 1;
    }
    first
};

impl Code {
    /// The code OSS spells `name`, exactly (case matters, as on the wire).
    ///
    /// ```
    /// use oss_errors::Code;
    /// assert_eq!(Code::from_name("NoSuchKey"), Some(Code::NoSuchKey));
    /// assert_eq!(Code::from_name("nosuchkey"), None);
    /// ```
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::from_bytes(name.as_bytes())
    }

    /// [`Code::from_name`] for raw bytes, such as a slice of a response body.
    ///
    /// ```
    /// use oss_errors::Code;
    /// assert_eq!(Code::from_bytes(b"AccessDenied"), Some(Code::AccessDenied));
    /// ```
    #[must_use]
    pub fn from_bytes(name: &[u8]) -> Option<Self> {
        CODES_BY_NAME
            .binary_search_by(|code| order(code.as_str().as_bytes(), name))
            .ok()
            .map(|index| CODES_BY_NAME[index])
    }

    /// The entries (messages) of this code, in table order.
    ///
    /// ```
    /// use oss_errors::{Code, Entry};
    /// assert!(Code::InvalidObjectName.entries().contains(&Entry::ObjectNameTooLong));
    /// ```
    #[must_use]
    pub fn entries(self) -> &'static [Entry] {
        let index = self as usize;
        &ENTRIES_BY_CODE[FIRST_ENTRY[index]..FIRST_ENTRY[index + 1]]
    }
}

/// The HTTP status OSS sends with the code spelled `name`, if the catalogue knows it.
///
/// ```
/// assert_eq!(oss_errors::status_of("NoSuchBucket"), Some(404));
/// assert_eq!(oss_errors::status_of("Nope"), None);
/// ```
#[must_use]
pub fn status_of(name: &str) -> Option<u16> {
    Code::from_name(name).map(Code::status)
}

/// The text given is not a code of the catalogue.
///
/// ```
/// use oss_errors::Code;
/// assert!("Nope".parse::<Code>().is_err());
/// assert_eq!("NoSuchKey".parse::<Code>(), Ok(Code::NoSuchKey));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct UnknownCode;

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not an OSS error code of the catalogue")
    }
}

impl core::error::Error for UnknownCode {}

impl FromStr for Code {
    type Err = UnknownCode;

    fn from_str(name: &str) -> Result<Self, UnknownCode> {
        Self::from_name(name).ok_or(UnknownCode)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Entry {
    /// The entry of `code` whose message matches `message`, tolerantly: surrounding
    /// whitespace, a trailing period, runs of whitespace and `\"` against `"` do not
    /// count. Messages OSS completes with details (see [`Entry::is_open_ended`]) and the
    /// `Error status : <N>.` template match too.
    ///
    /// ```
    /// use oss_errors::{Code, Entry};
    /// let found = Entry::find(Code::InvalidObjectName, " The Object name can not be empty. ");
    /// assert_eq!(found, Some(Entry::ObjectNameEmpty));
    /// assert_eq!(Entry::find(Code::CallbackFailed, "Error status : 502."), Some(Entry::CallbackErrorStatus));
    /// ```
    #[must_use]
    pub fn find(code: Code, message: &str) -> Option<Self> {
        Error::recognize(code, message).map(Error::entry)
    }

    /// [`Entry::find`] with the code given as text.
    ///
    /// ```
    /// use oss_errors::Entry;
    /// let found = Entry::find_by_name("InvalidArgument", "The callback configuration is not json format.");
    /// assert_eq!(found, Some(Entry::CallbackNotJson));
    /// ```
    #[must_use]
    pub fn find_by_name(code: &str, message: &str) -> Option<Self> {
        Self::find(Code::from_name(code)?, message)
    }
}

impl Error {
    /// The error OSS means by `code` and `message`: like [`Entry::find`], and for a
    /// template such as `Error status : 301.` the number is kept (see
    /// [`Error::with_status`]).
    ///
    /// ```
    /// use oss_errors::{Code, Entry, Error};
    /// let err = Error::recognize(Code::CallbackFailed, "Error status : 301.").unwrap();
    /// assert_eq!(err, Error::with_status(Entry::CallbackErrorStatus, 301));
    /// assert_eq!(err.to_string(), "Error status : 301.");
    /// ```
    #[must_use]
    pub fn recognize(code: Code, message: &str) -> Option<Self> {
        let entries = code.entries();
        if let Some(&entry) = entries
            .iter()
            .find(|entry| loose_eq(entry.message(), message))
        {
            return Some(Self::new(entry));
        }
        if let Some(found) = template::recognize(entries, message) {
            return Some(found);
        }
        entries
            .iter()
            .find(|entry| entry.is_open_ended() && loose_starts_with(message, entry.message()))
            .map(|&entry| Self::new(entry))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_name_finds_its_code() {
        for &code in Code::ALL {
            assert_eq!(Code::from_name(code.as_str()), Some(code));
            assert_eq!(status_of(code.as_str()), Some(code.status()));
        }
    }

    #[test]
    fn near_misses_find_nothing() {
        for name in [
            "",
            "A",
            "NoSuchKeyy",
            "oSuchKey",
            "nosuchkey",
            "NoSuchKe\u{e9}",
        ] {
            assert_eq!(Code::from_name(name), None, "{name}");
        }
    }

    #[test]
    fn codes_by_name_is_sorted() {
        for pair in CODES_BY_NAME.windows(2) {
            assert_eq!(
                order(pair[0].as_str().as_bytes(), pair[1].as_str().as_bytes()),
                Ordering::Less
            );
        }
    }

    #[test]
    fn entries_partition_the_table() {
        let total: usize = Code::ALL.iter().map(|code| code.entries().len()).sum();
        assert_eq!(total, Entry::ALL.len());
        for &entry in Entry::ALL {
            assert!(entry.code().entries().contains(&entry));
        }
    }

    #[test]
    fn every_entry_finds_itself() {
        for &entry in Entry::ALL {
            assert_eq!(
                Entry::find(entry.code(), entry.message()),
                Some(entry),
                "{entry:?}"
            );
        }
    }

    #[test]
    fn open_ended_messages_match_with_details() {
        assert_eq!(
            Entry::find(
                Code::AccessDenied,
                "Invalid according to Policy: Policy Condition failed: [\"eq\", \"$key\", \"a\"]"
            ),
            Some(Entry::PolicyConditionFailed)
        );
        assert_eq!(
            Entry::find(
                Code::TooManyPipes,
                "Maximal number of pipes supported is 10."
            ),
            Some(Entry::PipesLimitExceeded)
        );
        assert_eq!(Entry::find(Code::AccessDenied, "Something else"), None);
    }

    #[test]
    fn the_wrong_code_finds_nothing() {
        assert_eq!(
            Entry::find(Code::NoSuchBucket, Entry::NoSuchKey.message()),
            None
        );
        assert_eq!(Entry::find_by_name("NoSuchThing", "x"), None);
    }
}
