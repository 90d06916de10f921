//! Lookups without allocation: code text to [`Code`], a code's entries, and (code,
//! message) to [`Entry`].
//!
//! The indexes are built at compile time: a perfect hash of code names (see
//! `code_hash.rs`), and entries grouped by code with the length of each message's core,
//! so that most candidates are ruled out by one integer comparison.

use core::fmt;
use core::ops::Range;
use core::str::FromStr;

use crate::code_hash::code_named;
use crate::normalize::{core, core_bounds, loose_eq, loose_starts_with};
use crate::template;
use crate::{Code, Entry, Error};

const CODES: usize = Code::ALL.len();
const ENTRIES: usize = Entry::ALL.len();

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

/// For each entry of [`ENTRIES_BY_CODE`], the length of its message's core: most
/// candidates are ruled out by comparing it with the input's.
static CORE_LENGTHS: [usize; ENTRIES] = {
    let mut lengths = [0; ENTRIES];
    let mut i = 0;
    while i < ENTRIES {
        let (start, end) = core_bounds(ENTRIES_BY_CODE[i].message().as_bytes());
        lengths[i] = end - start;
        i += 1;
    }
    lengths
};

/// Where the entries of `code` sit in [`ENTRIES_BY_CODE`] (and [`CORE_LENGTHS`]).
fn entry_range(code: Code) -> Range<usize> {
    FIRST_ENTRY[code as usize]..FIRST_ENTRY[code as usize + 1]
}

/// The message of an entry that starts with its own code name (`MissingAccessKeyId
/// AccessKeyId is mandatory ...`), without that name: OSS sends it both ways.
fn without_code_prefix(entry: Entry) -> Option<&'static str> {
    entry
        .message()
        .strip_prefix(entry.code().as_str())?
        .strip_prefix(' ')
}

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
        code_named(name)
    }

    /// The entries (messages) of this code, in table order.
    ///
    /// ```
    /// use oss_errors::{Code, Entry};
    /// assert!(Code::InvalidObjectName.entries().contains(&Entry::ObjectNameTooLong));
    /// ```
    #[must_use]
    pub fn entries(self) -> &'static [Entry] {
        &ENTRIES_BY_CODE[entry_range(self)]
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
    /// count. Messages OSS completes with details (see [`Entry::is_open_ended`]), the
    /// `Error status : <N>.` template, and a message that begins with its own code name
    /// sent without that name match too.
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
        let range = entry_range(code);
        let entries = &ENTRIES_BY_CODE[range.clone()];
        // First the cores byte for byte (one length comparison rules most entries out),
        // then the tolerant comparison. No two entries of a code are loosely equal (a
        // table test checks), so both passes find the same entry.
        let wanted = core(message);
        let exact = entries
            .iter()
            .zip(&CORE_LENGTHS[range])
            .find(|&(entry, &len)| len == wanted.len() && core(entry.message()) == wanted)
            .map(|(&entry, _)| entry);
        if let Some(entry) = exact
            .or_else(|| {
                entries
                    .iter()
                    .copied()
                    .find(|entry| loose_eq(entry.message(), message))
            })
            .or_else(|| {
                entries.iter().copied().find(|entry| {
                    without_code_prefix(*entry).is_some_and(|rest| loose_eq(rest, message))
                })
            })
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
    use alloc::format;
    use alloc::string::String;
    use proptest::prelude::*;

    use super::*;

    /// The model: the first entry of the code whose message is loosely equal, by a plain scan.
    fn model(code: Code, message: &str) -> Option<Entry> {
        Entry::ALL
            .iter()
            .copied()
            .find(|e| e.code() == code && loose_eq(e.message(), message))
    }

    proptest! {
        #[test]
        fn fast_matching_agrees_with_the_model(
            index in 0..Entry::ALL.len(),
            lead in "[ \t\n]{0,2}",
            trail in "[ \t\n]{0,2}",
            period in any::<bool>(),
            doubled in any::<bool>(),
            escaped in any::<bool>(),
            cut in 0usize..4,
        ) {
            let entry = Entry::ALL[index];
            let mut body = String::from(entry.message());
            if doubled {
                body = body.replace(' ', "  ");
            }
            if escaped && !body.contains('\\') {
                body = body.replace('"', "\\\"");
            }
            body.truncate(body.len().saturating_sub(cut * usize::from(body.is_ascii())));
            if period && !body.ends_with('.') {
                body.push('.');
            }
            let message = format!("{lead}{body}{trail}");
            let found = Error::recognize(entry.code(), &message).map(Error::entry);
            let expected = model(entry.code(), &message);
            if expected.is_some() {
                prop_assert_eq!(found, expected);
            }
            if cut == 0 {
                prop_assert!(found.is_some(), "{:?}", message);
            }
        }
    }

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
    fn no_two_entries_of_a_code_are_loosely_equal() {
        for &code in Code::ALL {
            let entries = code.entries();
            for (i, a) in entries.iter().enumerate() {
                for b in &entries[i + 1..] {
                    assert!(!loose_eq(a.message(), b.message()), "{a:?} and {b:?}");
                }
            }
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
    fn a_message_that_starts_with_its_code_matches_without_it() {
        for message in [
            "MissingAccessKeyId AccessKeyId is mandatory for this action",
            "AccessKeyId is mandatory for this action",
            "AccessKeyId is mandatory for this action.",
        ] {
            assert_eq!(
                Entry::find(Code::MissingAccessKeyId, message),
                Some(Entry::AccessKeyIdMissing),
                "{message}"
            );
        }
        assert_eq!(Entry::find(Code::MissingAccessKeyId, "is mandatory"), None);
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
