//! The limits OSS documents for upload callbacks, and a [`Limits`] value for where the
//! live service is unclear.

use core::time::Duration;

/// Longest `x-oss-callback` value (base64 characters) the seeds allow: "5 KB", read as 5120.
pub const MAX_CALLBACK_LEN: usize = 5 * 1024;
/// Longest `x-oss-callback-var` value (base64 characters): "5 KB", read as 5120.
pub const MAX_CALLBACK_VAR_LEN: usize = 5 * 1024;
/// Most URLs `callbackUrl` may list, separated by `;`.
pub const MAX_CALLBACK_URLS: usize = 5;
/// Largest callback response body OSS accepts from the application server (1 MB).
pub const MAX_RESPONSE_BODY: u64 = 1024 * 1024;
/// How long OSS waits for the application server's reply.
pub const RESPONSE_TIMEOUT: Duration = Duration::from_secs(5);

/// Bytes the base64 step can produce from a value of [`MAX_CALLBACK_LEN`] characters.
pub const MAX_DECODED_LEN: usize = MAX_CALLBACK_LEN / 4 * 3;

/// Tunable limits for the points the documentation leaves open.
///
/// The seeds say "5 KB" without saying whether that is 5000 or 5120 bytes; the default is
/// 5120, and [`Limits::with_max_callback_len`] can tighten it (never loosen it past 5120,
/// which is what the stack buffer holds). The 2021 callback guide also says the response
/// body may be up to 3 MB in one place and 1 MB in another; the seeds say 1 MB (the
/// default), and [`Limits::with_max_response_body`] selects the other reading.
///
/// ```
/// use oss_callback::Limits;
/// let strict = Limits::DEFAULT.with_max_callback_len(5000);
/// assert_eq!(strict.max_callback_len(), 5000);
/// assert_eq!(Limits::DEFAULT.with_max_callback_len(9999).max_callback_len(), 5120);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(default)
)]
#[non_exhaustive]
pub struct Limits {
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "capped::<MAX_CALLBACK_LEN, _>")
    )]
    max_callback_len: usize,
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "capped::<MAX_CALLBACK_VAR_LEN, _>")
    )]
    max_callback_var_len: usize,
    max_response_body: u64,
    response_timeout: Duration,
    old_syntax_accepted: bool,
}

impl Limits {
    /// The seeds' limits: 5120-character callback and callback-var, 1 MB reply, 5 s.
    pub const DEFAULT: Self = Self {
        max_callback_len: MAX_CALLBACK_LEN,
        max_callback_var_len: MAX_CALLBACK_VAR_LEN,
        max_response_body: MAX_RESPONSE_BODY,
        response_timeout: RESPONSE_TIMEOUT,
        old_syntax_accepted: false,
    };

    /// Sets the longest accepted `x-oss-callback` value, capped at [`MAX_CALLBACK_LEN`].
    ///
    /// ```
    /// # use oss_callback::Limits;
    /// assert_eq!(Limits::DEFAULT.with_max_callback_len(5000).max_callback_len(), 5000);
    /// ```
    #[must_use]
    pub const fn with_max_callback_len(mut self, len: usize) -> Self {
        self.max_callback_len = if len < MAX_CALLBACK_LEN {
            len
        } else {
            MAX_CALLBACK_LEN
        };
        self
    }

    /// Sets the longest accepted `x-oss-callback-var` value, capped at [`MAX_CALLBACK_VAR_LEN`].
    ///
    /// ```
    /// # use oss_callback::Limits;
    /// assert_eq!(Limits::DEFAULT.with_max_callback_var_len(5000).max_callback_var_len(), 5000);
    /// ```
    #[must_use]
    pub const fn with_max_callback_var_len(mut self, len: usize) -> Self {
        self.max_callback_var_len = if len < MAX_CALLBACK_VAR_LEN {
            len
        } else {
            MAX_CALLBACK_VAR_LEN
        };
        self
    }

    /// Sets the largest accepted reply body (e.g. 3 MB, the other documented value).
    ///
    /// ```
    /// # use oss_callback::Limits;
    /// let lax = Limits::DEFAULT.with_max_response_body(3 * 1024 * 1024);
    /// assert_eq!(lax.max_response_body(), 3 * 1024 * 1024);
    /// ```
    #[must_use]
    pub const fn with_max_response_body(mut self, bytes: u64) -> Self {
        self.max_response_body = bytes;
        self
    }

    /// Sets how long a reply may take before "Cost too long time.".
    ///
    /// ```
    /// # use oss_callback::Limits;
    /// # use core::time::Duration;
    /// let quick = Limits::DEFAULT.with_response_timeout(Duration::from_secs(1));
    /// assert_eq!(quick.response_timeout(), Duration::from_secs(1));
    /// ```
    #[must_use]
    pub const fn with_response_timeout(mut self, timeout: Duration) -> Self {
        self.response_timeout = timeout;
        self
    }

    /// Whether a `callbackBody` may use the old `$(name)` placeholder syntax. By default it
    /// is refused with "Left brace must be adjacent to dollar sign.", as OSS refused
    /// `bucket=${bucket}&object=$(object)` with InvalidArgument in the Java SDK's live
    /// test (`CallbackTest.testPutObjectCallbackParamInvalid`); older documentation shows
    /// the syntax, so accepting it (copied as is, see [`Lint::OldSyntax`](crate::Lint))
    /// is this option.
    ///
    /// ```
    /// # use oss_callback::Limits;
    /// assert!(Limits::DEFAULT.with_old_syntax_accepted(true).old_syntax_accepted());
    /// ```
    #[must_use]
    pub const fn with_old_syntax_accepted(mut self, accepted: bool) -> Self {
        self.old_syntax_accepted = accepted;
        self
    }

    /// Whether the old `$(name)` placeholder syntax is accepted.
    ///
    /// ```
    /// # use oss_callback::Limits;
    /// assert!(!Limits::DEFAULT.old_syntax_accepted());
    /// ```
    #[must_use]
    pub const fn old_syntax_accepted(&self) -> bool {
        self.old_syntax_accepted
    }

    /// Longest accepted `x-oss-callback` value.
    ///
    /// ```
    /// # use oss_callback::Limits;
    /// assert_eq!(Limits::DEFAULT.max_callback_len(), 5120);
    /// ```
    #[must_use]
    pub const fn max_callback_len(&self) -> usize {
        self.max_callback_len
    }

    /// Longest accepted `x-oss-callback-var` value.
    ///
    /// ```
    /// # use oss_callback::Limits;
    /// assert_eq!(Limits::DEFAULT.max_callback_var_len(), 5120);
    /// ```
    #[must_use]
    pub const fn max_callback_var_len(&self) -> usize {
        self.max_callback_var_len
    }

    /// Largest accepted reply body.
    ///
    /// ```
    /// # use oss_callback::Limits;
    /// assert_eq!(Limits::DEFAULT.max_response_body(), 1024 * 1024);
    /// ```
    #[must_use]
    pub const fn max_response_body(&self) -> u64 {
        self.max_response_body
    }

    /// How long OSS waits for the reply.
    ///
    /// ```
    /// # use oss_callback::Limits;
    /// assert_eq!(Limits::DEFAULT.response_timeout().as_secs(), 5);
    /// ```
    #[must_use]
    pub const fn response_timeout(&self) -> Duration {
        self.response_timeout
    }
}

/// A length read from data, capped at `MAX` as the `with_*` builders cap it.
#[cfg(feature = "serde")]
fn capped<'de, const MAX: usize, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<usize, D::Error> {
    <usize as serde::Deserialize>::deserialize(deserializer).map(|len| len.min(MAX))
}

impl Default for Limits {
    fn default() -> Self {
        Self::DEFAULT
    }
}
