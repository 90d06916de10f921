//! How strictly a PostObject form is judged.

use crate::Limits;

/// The PostObject form rules to apply: the size [`Limits`] and two behaviours on which
/// OSS's documents disagree. A `Copy` value with `const` builders.
///
/// - Field names are case-sensitive by default, as the error-center pages say
///   ("The names of form fields are case-sensitive"); the 2021 PostObject reference says
///   they are not ([`PostOptions::with_case_insensitive_names`]).
/// - Any part after `file` is rejected by default (IncorrectNumberOfFilesInPOSTRequest:
///   `file` must be the last field); the live service has been seen ignoring them
///   ([`PostOptions::with_fields_after_file_ignored`]).
///
/// ```
/// use oss_multipart::{Limits, PostOptions};
///
/// const LENIENT: PostOptions = PostOptions::DEFAULT
///     .with_limits(Limits::LIVE)
///     .with_case_insensitive_names(true)
///     .with_fields_after_file_ignored(true);
/// assert!(LENIENT.case_insensitive_names());
/// assert_eq!(PostOptions::default().limits(), Limits::DEFAULT);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(default)
)]
#[non_exhaustive]
pub struct PostOptions {
    limits: Limits,
    case_insensitive_names: bool,
    #[cfg_attr(feature = "serde", serde(rename = "fields_after_file_ignored"))]
    ignore_fields_after_file: bool,
}

impl PostOptions {
    /// The rules of the OSS error-center pages (the default).
    pub const DEFAULT: Self = Self {
        limits: Limits::DEFAULT,
        case_insensitive_names: false,
        ignore_fields_after_file: false,
    };

    /// The size limits.
    #[must_use]
    pub const fn limits(&self) -> Limits {
        self.limits
    }

    /// Whether field names are matched ignoring ASCII case.
    #[must_use]
    pub const fn case_insensitive_names(&self) -> bool {
        self.case_insensitive_names
    }

    /// Whether parts after `file` are ignored instead of rejected.
    #[must_use]
    pub const fn fields_after_file_ignored(&self) -> bool {
        self.ignore_fields_after_file
    }

    /// Sets the size limits.
    #[must_use]
    pub const fn with_limits(self, limits: Limits) -> Self {
        Self { limits, ..self }
    }

    /// Matches field names ignoring ASCII case (`true`) or exactly (`false`).
    #[must_use]
    pub const fn with_case_insensitive_names(self, yes: bool) -> Self {
        Self {
            case_insensitive_names: yes,
            ..self
        }
    }

    /// Ignores parts after `file` (`true`) or rejects them (`false`).
    #[must_use]
    pub const fn with_fields_after_file_ignored(self, yes: bool) -> Self {
        Self {
            ignore_fields_after_file: yes,
            ..self
        }
    }

    /// Whether a form field's name is `wanted` under these options.
    ///
    /// ```
    /// use oss_multipart::PostOptions;
    /// assert!(!PostOptions::DEFAULT.name_is(b"File", b"file"));
    /// assert!(PostOptions::DEFAULT.with_case_insensitive_names(true).name_is(b"File", b"file"));
    /// ```
    #[must_use]
    pub fn name_is(&self, name: &[u8], wanted: &[u8]) -> bool {
        if self.case_insensitive_names {
            name.eq_ignore_ascii_case(wanted)
        } else {
            name == wanted
        }
    }
}

impl Default for PostOptions {
    fn default() -> Self {
        Self::DEFAULT
    }
}

#[cfg(all(test, feature = "serde"))]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn options_round_trip_through_json(
            live in any::<bool>(), insensitive in any::<bool>(), ignored in any::<bool>(),
        ) {
            let options = PostOptions::DEFAULT
                .with_limits(if live { Limits::LIVE } else { Limits::DEFAULT })
                .with_case_insensitive_names(insensitive)
                .with_fields_after_file_ignored(ignored);
            let json = serde_json::to_string(&options).unwrap_or_default();
            prop_assert_eq!(serde_json::from_str::<PostOptions>(&json).ok(), Some(options));
        }
    }
}
