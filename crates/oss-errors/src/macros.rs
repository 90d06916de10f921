//! The macros that turn the declarative table in `table.rs` into `Code` and `Entry`.

/// `Some(x)` when the optional table column is present, `None` otherwise.
macro_rules! optional {
    () => {
        None
    };
    ($value:literal) => {
        Some($value)
    };
}

/// `true` when the optional flag column is present and true.
macro_rules! flag {
    () => {
        false
    };
    ($value:literal) => {
        $value
    };
}

/// The source column: `Source::Seed` unless the table names another.
macro_rules! source_or_seed {
    () => {
        $crate::Source::Seed
    };
    ($source:ident) => {
        $crate::Source::$source
    };
}

/// The origin column: the seed pages unless the table names a repository and file.
macro_rules! origin_or_seeds {
    () => {
        "seeds/"
    };
    ($from:literal) => {
        $from
    };
}

/// The entry's own HTTP status when the table overrides it, else the code's status.
macro_rules! status_or_code {
    ($code:ident) => {
        Code::$code.status()
    };
    ($code:ident, $status:literal) => {
        $status
    };
}

/// Declares the `Code` enum: every OSS error code with the HTTP status OSS sends with it.
macro_rules! codes {
    ($(
        $name:ident = $status:literal, $meaning:literal
            $(, source = $source:ident, from = $from:literal)?;
    )*) => {
        /// An OSS error code, as sent in `<Code>`.
        ///
        /// ```
        /// use oss_errors::Code;
        /// assert_eq!(Code::NoSuchKey.as_str(), "NoSuchKey");
        /// assert_eq!(Code::NoSuchKey.status(), 404);
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[non_exhaustive]
        pub enum Code {
            $(
                #[doc = concat!("`", stringify!($name), "` (HTTP ", stringify!($status), "): ", $meaning)]
                $name,
            )*
        }

        impl Code {
            /// Every code in the catalogue, in table order.
            ///
            /// ```
            /// use oss_errors::Code;
            /// assert!(Code::ALL.contains(&Code::AccessDenied));
            /// ```
            pub const ALL: &'static [Code] = &[ $(Code::$name,)* ];

            /// The code as OSS spells it.
            ///
            /// ```
            /// use oss_errors::Code;
            /// assert_eq!(Code::InvalidArgument.as_str(), "InvalidArgument");
            /// ```
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self { $(Code::$name => stringify!($name),)* }
            }

            /// The HTTP status OSS answers with for this code.
            ///
            /// ```
            /// use oss_errors::Code;
            /// assert_eq!(Code::CallbackFailed.status(), 203);
            /// ```
            #[must_use]
            pub const fn status(self) -> u16 {
                match self { $(Code::$name => $status,)* }
            }

            /// What the code means, in one sentence of our own words.
            ///
            /// ```
            /// use oss_errors::Code;
            /// assert!(!Code::NoSuchKey.meaning().is_empty());
            /// ```
            #[must_use]
            pub const fn meaning(self) -> &'static str {
                match self { $(Code::$name => $meaning,)* }
            }

            /// Where the code was first found: the seeds, or the SDK source named by
            /// [`Code::origin`].
            ///
            /// ```
            /// use oss_errors::{Code, Source};
            /// assert_eq!(Code::NoSuchKey.source(), Source::Seed);
            /// assert_eq!(Code::RestoreAlreadyInProgress.source(), Source::SdkLiveTest);
            /// ```
            #[must_use]
            pub const fn source(self) -> $crate::Source {
                match self { $(Code::$name => source_or_seed!($($source)?),)* }
            }

            /// The repository and file the code was copied from (`"seeds/"` for the seeds).
            ///
            /// ```
            /// use oss_errors::Code;
            /// assert!(Code::WORMConfigurationLocked.origin().contains("oss2/exceptions.py"));
            /// ```
            #[must_use]
            pub const fn origin(self) -> &'static str {
                match self { $(Code::$name => origin_or_seeds!($($from)?),)* }
            }
        }
    };
}

/// Declares the `Entry` enum: one (code, message) pair each, with hint, ArgumentName and EC.
macro_rules! entries {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident: $code:ident, $message:literal
            $(, status = $status:literal)?
            $(, argument = $argument:literal)?
            $(, ec = $ec:literal)?
            $(, open_ended = $open:literal)?
            $(, source = $source:ident, from = $from:literal)?
            => $hint:literal;
    )*) => {
        /// One message OSS sends with a [`Code`]: the unit every validation error points at.
        ///
        /// ```
        /// use oss_errors::{Code, Entry};
        /// let entry = Entry::ObjectNameEmpty;
        /// assert_eq!(entry.code(), Code::InvalidObjectName);
        /// assert_eq!(entry.message(), "The Object name can not be empty");
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[non_exhaustive]
        pub enum Entry {
            $(
                #[doc = concat!("`", stringify!($code), "`: `", $message, "`")]
                $(#[doc = ""] #[doc = $doc])*
                $name,
            )*
        }

        impl Entry {
            /// Every entry in the catalogue, in table order.
            ///
            /// ```
            /// use oss_errors::Entry;
            /// assert!(Entry::ALL.contains(&Entry::NoSuchKey));
            /// ```
            pub const ALL: &'static [Entry] = &[ $(Entry::$name,)* ];

            /// The Rust name of the entry, such as `"ObjectNameEmpty"`.
            ///
            /// ```
            /// use oss_errors::Entry;
            /// assert_eq!(Entry::ObjectNameEmpty.name(), "ObjectNameEmpty");
            /// ```
            #[must_use]
            pub const fn name(self) -> &'static str {
                match self { $(Entry::$name => stringify!($name),)* }
            }

            /// The OSS error code.
            ///
            /// ```
            /// use oss_errors::{Code, Entry};
            /// assert_eq!(Entry::CallbackNotBase64.code(), Code::InvalidArgument);
            /// ```
            #[must_use]
            pub const fn code(self) -> Code {
                match self { $(Entry::$name => Code::$code,)* }
            }

            /// The HTTP status OSS answers with: the code's status unless the table
            /// overrides it for this entry.
            ///
            /// ```
            /// use oss_errors::Entry;
            /// assert_eq!(Entry::NoSuchKey.status(), 404);
            /// ```
            #[must_use]
            pub const fn status(self) -> u16 {
                match self { $(Entry::$name => status_or_code!($code $(, $status)?),)* }
            }

            /// The message, verbatim as OSS sends it (typos included).
            ///
            /// ```
            /// use oss_errors::Entry;
            /// assert_eq!(Entry::CallbackVarNotJson.message(), "The callback var is not expecten json");
            /// ```
            #[must_use]
            pub const fn message(self) -> &'static str {
                match self { $(Entry::$name => $message,)* }
            }

            /// What usually causes this error and how to fix it, in a sentence or two.
            ///
            /// ```
            /// use oss_errors::Entry;
            /// assert!(Entry::NoSuchKey.hint().contains("key"));
            /// ```
            #[must_use]
            pub const fn hint(self) -> &'static str {
                match self { $(Entry::$name => $hint,)* }
            }

            /// The `<ArgumentName>` OSS sends with this error, where known.
            ///
            /// ```
            /// use oss_errors::Entry;
            /// assert_eq!(Entry::CallbackNotJson.argument_name(), Some("callback"));
            /// ```
            #[must_use]
            pub const fn argument_name(self) -> Option<&'static str> {
                match self { $(Entry::$name => optional!($($argument)?),)* }
            }

            /// The typical `<EC>` id OSS sends with this error, where a source shows one.
            /// One code can carry several ECs (the EC names the operation too), so a
            /// received body's own `<EC>` is the fact and this is a guess.
            ///
            /// ```
            /// use oss_errors::Entry;
            /// assert_eq!(Entry::CallbackNotBase64.ec(), Some("0007-00000002"));
            /// ```
            #[must_use]
            pub const fn ec(self) -> Option<&'static str> {
                match self { $(Entry::$name => optional!($($ec)?),)* }
            }

            /// Whether OSS completes this message with details of its own (a number, the
            /// failing condition ...), so that a received message only starts with it.
            ///
            /// ```
            /// use oss_errors::Entry;
            /// assert!(Entry::PolicyConditionFailed.is_open_ended());
            /// assert!(!Entry::NoSuchKey.is_open_ended());
            /// ```
            #[must_use]
            pub const fn is_open_ended(self) -> bool {
                match self { $(Entry::$name => flag!($($open)?),)* }
            }

            /// Where the message was copied from: the seeds, a reference note, or an
            /// official SDK (see [`Entry::origin`]).
            ///
            /// ```
            /// use oss_errors::{Entry, Source};
            /// assert_eq!(Entry::ObjectNameEmpty.source(), Source::Seed);
            /// assert_eq!(Entry::AppendSealNotSupported.source(), Source::SdkLiveTest);
            /// ```
            #[must_use]
            pub const fn source(self) -> $crate::Source {
                match self { $(Entry::$name => source_or_seed!($($source)?),)* }
            }

            /// The repository and file the message was copied from (`"seeds/"` for the
            /// seeds).
            ///
            /// ```
            /// use oss_errors::Entry;
            /// assert_eq!(
            ///     Entry::AppendSealNotSupported.origin(),
            ///     "aliyun/alibabacloud-oss-go-sdk-v2: oss/client_integration_test.go"
            /// );
            /// ```
            #[must_use]
            pub const fn origin(self) -> &'static str {
                match self { $(Entry::$name => origin_or_seeds!($($from)?),)* }
            }
        }
    };
}
