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

/// Declares the `Code` enum: every OSS error code with the HTTP status OSS sends with it.
macro_rules! codes {
    ($( $(#[doc = $doc:literal])* $name:ident = $status:literal, )*) => {
        /// An OSS error code, as sent in `<Code>`.
        ///
        /// ```
        /// use oss_errors::Code;
        /// assert_eq!(Code::NoSuchKey.as_str(), "NoSuchKey");
        /// assert_eq!(Code::NoSuchKey.status(), 404);
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Code {
            $( $(#[doc = $doc])* $name, )*
        }

        impl Code {
            /// Every code in the catalogue, in table order.
            pub const ALL: &'static [Code] = &[ $(Code::$name,)* ];

            /// The code as OSS spells it.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self { $(Code::$name => stringify!($name),)* }
            }

            /// The HTTP status OSS answers with for this code.
            #[must_use]
            pub const fn status(self) -> u16 {
                match self { $(Code::$name => $status,)* }
            }
        }
    };
}

/// Declares the `Entry` enum: one (code, message) pair each, with hint, ArgumentName and EC.
macro_rules! entries {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident: $code:ident, $message:literal
            $(, argument = $argument:literal)?
            $(, ec = $ec:literal)?
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
        #[non_exhaustive]
        pub enum Entry {
            $( $(#[doc = $doc])* $name, )*
        }

        impl Entry {
            /// Every entry in the catalogue, in table order.
            pub const ALL: &'static [Entry] = &[ $(Entry::$name,)* ];

            /// The Rust name of the entry, such as `"ObjectNameEmpty"`.
            #[must_use]
            pub const fn name(self) -> &'static str {
                match self { $(Entry::$name => stringify!($name),)* }
            }

            /// The OSS error code.
            #[must_use]
            pub const fn code(self) -> Code {
                match self { $(Entry::$name => Code::$code,)* }
            }

            /// The HTTP status OSS answers with.
            #[must_use]
            pub const fn status(self) -> u16 {
                self.code().status()
            }

            /// The message, verbatim as OSS sends it (typos included).
            #[must_use]
            pub const fn message(self) -> &'static str {
                match self { $(Entry::$name => $message,)* }
            }

            /// What usually causes this error and how to fix it, in a sentence or two.
            #[must_use]
            pub const fn hint(self) -> &'static str {
                match self { $(Entry::$name => $hint,)* }
            }

            /// The `<ArgumentName>` OSS sends with this error, where known.
            #[must_use]
            pub const fn argument_name(self) -> Option<&'static str> {
                match self { $(Entry::$name => optional!($($argument)?),)* }
            }

            /// The `<EC>` id OSS sends with this error, where known.
            #[must_use]
            pub const fn ec(self) -> Option<&'static str> {
                match self { $(Entry::$name => optional!($($ec)?),)* }
            }
        }
    };
}
