//! Where a catalogue fact comes from, so a reader can tell a seed fact from a live
//! observation.

/// The kind of source a code or message of the catalogue was copied from.
///
/// ```
/// use oss_errors::{Entry, Source};
/// assert_eq!(Entry::NoSuchKey.source(), Source::Seed);
/// assert_eq!(Entry::SignatureMismatchFull.source(), Source::SdkFixture);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Source {
    /// The OSS error-center pages the project was created from (`seeds/`).
    Seed,
    /// The project's sourced notes on the live service and the SDKs (`shared/reference/`).
    ReferenceNote,
    /// A code table of an official SDK (Java `OSSErrorCode`, oss2 `exceptions.py`).
    SdkTable,
    /// An official SDK's integration test, which asserts what the live service answered.
    SdkLiveTest,
    /// An error body in an official SDK's unit-test fixtures.
    SdkFixture,
    /// An error body from the live service that a user posted in a public issue thread
    /// (named by its repository and issue number).
    PublishedResponse,
}

impl Source {
    /// Every kind of source, most authoritative first.
    ///
    /// ```
    /// assert_eq!(oss_errors::Source::ALL.len(), 6);
    /// ```
    pub const ALL: [Source; 6] = [
        Source::Seed,
        Source::ReferenceNote,
        Source::SdkTable,
        Source::SdkLiveTest,
        Source::SdkFixture,
        Source::PublishedResponse,
    ];

    /// A short label, as the CLI prints it.
    ///
    /// ```
    /// assert_eq!(oss_errors::Source::SdkLiveTest.label(), "sdk-live-test");
    /// ```
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Source::Seed => "seed",
            Source::ReferenceNote => "reference-note",
            Source::SdkTable => "sdk-table",
            Source::SdkLiveTest => "sdk-live-test",
            Source::SdkFixture => "sdk-fixture",
            Source::PublishedResponse => "published-response",
        }
    }
}
