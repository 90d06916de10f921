//! [`CallbackConfig`]: the typed `x-oss-callback` JSON, its rules, and its buffers.

use core::fmt;

use oss_errors::{Entry, Error};

use crate::limits::{Limits, MAX_CALLBACK_LEN, MAX_DECODED_LEN};
use crate::pairs::Pairs;
use crate::render::check_template;
use crate::url::check_callback_urls;

/// The `Content-Type` OSS sends the callback body with (`callbackBodyType`).
///
/// ```
/// use oss_callback::BodyType;
/// assert_eq!(BodyType::parse("application/json"), Some(BodyType::Json));
/// assert_eq!(BodyType::default().as_str(), "application/x-www-form-urlencoded");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum BodyType {
    /// `application/x-www-form-urlencoded`, the default: values are URL-encoded.
    #[default]
    #[cfg_attr(feature = "serde", serde(rename = "application/x-www-form-urlencoded"))]
    FormUrlEncoded,
    /// `application/json`: values are inserted as JSON literals.
    #[cfg_attr(feature = "serde", serde(rename = "application/json"))]
    Json,
}

impl BodyType {
    /// The media type as OSS spells it.
    ///
    /// ```
    /// # use oss_callback::BodyType;
    /// assert_eq!(BodyType::Json.as_str(), "application/json");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::FormUrlEncoded => "application/x-www-form-urlencoded",
            Self::Json => "application/json",
        }
    }

    /// One of the two values OSS accepts, compared exactly (no parameters, no case folding).
    ///
    /// ```
    /// # use oss_callback::BodyType;
    /// assert_eq!(BodyType::parse("application/x-www-form-urlencoded"), Some(BodyType::FormUrlEncoded));
    /// assert_eq!(BodyType::parse("image/jpg"), None);
    /// ```
    #[must_use]
    pub fn parse(value: &str) -> Option<Self> {
        [Self::FormUrlEncoded, Self::Json]
            .into_iter()
            .find(|t| t.as_str() == value)
    }
}

impl fmt::Display for BodyType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The upload-callback configuration carried (base64 JSON) in `x-oss-callback`, the
/// `callback` query parameter or the `callback` form field.
///
/// Decode one with [`CallbackConfig::decode`] (it borrows from a [`DecodeBuffer`]), or
/// build one with [`CallbackConfig::new`] and the `with_*` methods and encode it with
/// [`CallbackConfig::encode_into`] (or `encode` with `alloc`).
///
/// ```
/// use oss_callback::{BodyType, CallbackConfig, DecodeBuffer, EncodeBuffer};
///
/// let config = CallbackConfig::new("https://app.example.com/cb", r#"{"key":${object},"size":${size}}"#)
///     .with_body_type(BodyType::Json);
/// let mut out = EncodeBuffer::new();
/// let header = config.encode_into(&mut out)?;
///
/// let mut buf = DecodeBuffer::new();
/// let decoded = CallbackConfig::decode(header.as_bytes(), &mut buf)?;
/// assert_eq!(decoded, config);
/// assert_eq!(decoded.effective_body_type(), BodyType::Json);
/// # Ok::<(), oss_errors::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct CallbackConfig<'a> {
    /// `callbackUrl`: one to five URLs separated by `;` (see [`CallbackConfig::urls`]).
    /// Empty when a [`policy`](CallbackConfig::policy) supplies it.
    pub url: &'a str,
    /// `callbackHost`: the `Host` header OSS sends; by default the host of the URL.
    pub host: Option<&'a str>,
    /// `callbackBody`: the body template with `${...}` variables. Empty when a
    /// [`policy`](CallbackConfig::policy) supplies it.
    pub body: &'a str,
    /// `callbackBodyType`, when given (see [`CallbackConfig::effective_body_type`]).
    pub body_type: Option<BodyType>,
    /// `callbackSNI`: whether OSS sends TLS SNI to the callback server.
    pub sni: Option<bool>,
    /// `callbackPolicy`: the name of a bucket-level callback policy, which supplies
    /// whatever of `callbackUrl` and `callbackBody` the configuration leaves out.
    pub policy: Option<&'a str>,
    /// `additionalHeaders`: extra request headers OSS adds to the callback.
    pub additional_headers: Option<Pairs<'a>>,
}

impl<'a> CallbackConfig<'a> {
    /// A configuration with the two required fields.
    ///
    /// ```
    /// # use oss_callback::CallbackConfig;
    /// let config = CallbackConfig::new("http://a.example/cb", "bucket=${bucket}");
    /// assert_eq!(config.host, None);
    /// ```
    #[must_use]
    pub const fn new(url: &'a str, body: &'a str) -> Self {
        Self {
            url,
            host: None,
            body,
            body_type: None,
            sni: None,
            policy: None,
            additional_headers: None,
        }
    }

    /// A configuration that only names a bucket-level callback policy, as
    /// `{"callbackPolicy":"test_2"}` (the SDKs' live tests upload with exactly this).
    ///
    /// ```
    /// # use oss_callback::CallbackConfig;
    /// let config = CallbackConfig::from_policy("test_2");
    /// assert_eq!((config.url, config.body, config.policy), ("", "", Some("test_2")));
    /// assert!(config.validate().is_ok());
    /// ```
    #[must_use]
    pub const fn from_policy(policy: &'a str) -> Self {
        Self::new("", "").with_policy(policy)
    }

    /// Sets `callbackHost`.
    ///
    /// ```
    /// # use oss_callback::CallbackConfig;
    /// let config = CallbackConfig::new("http://a.example/cb", "b").with_host("cb.example");
    /// assert_eq!(config.host, Some("cb.example"));
    /// ```
    #[must_use]
    pub const fn with_host(mut self, host: &'a str) -> Self {
        self.host = Some(host);
        self
    }

    /// Sets `callbackBodyType`.
    ///
    /// ```
    /// # use oss_callback::{BodyType, CallbackConfig};
    /// let config = CallbackConfig::new("http://a.example/cb", "{}").with_body_type(BodyType::Json);
    /// assert_eq!(config.body_type, Some(BodyType::Json));
    /// ```
    #[must_use]
    pub const fn with_body_type(mut self, body_type: BodyType) -> Self {
        self.body_type = Some(body_type);
        self
    }

    /// Sets `callbackSNI`.
    ///
    /// ```
    /// # use oss_callback::CallbackConfig;
    /// assert_eq!(CallbackConfig::new("https://a.example", "b").with_sni(true).sni, Some(true));
    /// ```
    #[must_use]
    pub const fn with_sni(mut self, sni: bool) -> Self {
        self.sni = Some(sni);
        self
    }

    /// Sets `callbackPolicy`.
    ///
    /// ```
    /// # use oss_callback::CallbackConfig;
    /// assert_eq!(CallbackConfig::new("a.example", "b").with_policy("p1").policy, Some("p1"));
    /// ```
    #[must_use]
    pub const fn with_policy(mut self, policy: &'a str) -> Self {
        self.policy = Some(policy);
        self
    }

    /// Sets `additionalHeaders`.
    ///
    /// ```
    /// # use oss_callback::{CallbackConfig, Pairs};
    /// let config = CallbackConfig::new("a.example", "b")
    ///     .with_additional_headers(Pairs::from_slice(&[("x-trace", "1")]));
    /// assert_eq!(config.additional_headers.unwrap().get("x-trace"), Some("1"));
    /// ```
    #[must_use]
    pub const fn with_additional_headers(mut self, headers: Pairs<'a>) -> Self {
        self.additional_headers = Some(headers);
        self
    }

    /// `callbackUrl` as written into the JSON: left out when empty and a
    /// [`policy`](CallbackConfig::policy) supplies it.
    pub(crate) fn sent_url(&self) -> Option<&'a str> {
        self.sent(self.url)
    }

    /// `callbackBody` as written into the JSON: left out when empty and a
    /// [`policy`](CallbackConfig::policy) supplies it.
    pub(crate) fn sent_body(&self) -> Option<&'a str> {
        self.sent(self.body)
    }

    /// `value`, unless it is empty and the policy supplies it.
    fn sent(&self, value: &'a str) -> Option<&'a str> {
        (!(value.is_empty() && self.policy.is_some())).then_some(value)
    }

    /// The URLs of `callbackUrl`, in the order OSS tries them.
    ///
    /// ```
    /// # use oss_callback::CallbackConfig;
    /// let config = CallbackConfig::new("a.example/cb;b.example/cb", "b");
    /// assert_eq!(config.urls().collect::<Vec<_>>(), ["a.example/cb", "b.example/cb"]);
    /// ```
    pub fn urls(&self) -> impl Iterator<Item = &'a str> + use<'a> {
        self.url.split(';')
    }

    /// `callbackBodyType`, or the default (form) when it was not given.
    ///
    /// ```
    /// # use oss_callback::{BodyType, CallbackConfig};
    /// assert_eq!(CallbackConfig::new("a.example", "b").effective_body_type(), BodyType::FormUrlEncoded);
    /// ```
    #[must_use]
    pub fn effective_body_type(&self) -> BodyType {
        self.body_type.unwrap_or_default()
    }

    /// Checks the values against OSS's rules (the JSON shape is checked by decoding).
    /// With a `callbackPolicy`, an empty `callbackUrl` or `callbackBody` is left to the
    /// policy and not checked.
    ///
    /// # Errors
    /// In this order: the `callbackUrl` rules of [`check_callback_urls`]; "The callback
    /// host configuration is invalid" for a `callbackHost` with CR or LF (it would split
    /// the callback's `Host` header); "The callback body is empty"; the placeholders of
    /// `callbackBody` ("Left brace must be adjacent to dollar sign." for a stray `$` or,
    /// unless [`Limits::with_old_syntax_accepted`], the old `$(name)` syntax; "The callback
    /// body is invalid" for an unclosed `${`); for `additionalHeaders`, a name that is empty, has characters other
    /// than `0-9`, `a-z` and `-`, or starts with `x-oss-`, or a value with CR or LF:
    /// "Invalid Argument. Parameter is invalid" (OSS documents the rule, not its message).
    ///
    /// ```
    /// # use oss_callback::CallbackConfig;
    /// assert!(CallbackConfig::new("a.example", "b").validate().is_ok());
    /// let err = CallbackConfig::new("a.example", "").validate().unwrap_err();
    /// assert_eq!(err.to_string(), "The callback body is empty");
    /// ```
    pub fn validate(&self) -> Result<(), Error> {
        self.validate_with(&Limits::DEFAULT)
    }

    /// [`CallbackConfig::validate`] with the given limits.
    ///
    /// # Errors
    /// As [`CallbackConfig::validate`].
    ///
    /// ```
    /// # use oss_callback::{CallbackConfig, Limits};
    /// let old = CallbackConfig::new("a.example", "k=$(object)");
    /// assert!(old.validate().is_err());
    /// assert!(old.validate_with(&Limits::DEFAULT.with_old_syntax_accepted(true)).is_ok());
    /// ```
    pub fn validate_with(&self, limits: &Limits) -> Result<(), Error> {
        let policy_given = self.policy.is_some();
        if !(self.url.is_empty() && policy_given) {
            check_callback_urls(self.url)?;
        }
        if self.host.is_some_and(|host| host.contains(['\r', '\n'])) {
            return Err(Entry::CallbackHostInvalid.into());
        }
        if self.body.is_empty() && !policy_given {
            return Err(Entry::CallbackBodyEmpty.into());
        }
        check_template(self.body, limits.old_syntax_accepted())?;
        if let Some(headers) = self.additional_headers {
            headers
                .iter()
                .try_for_each(|(name, value)| check_additional_header(name, value))?;
        }
        Ok(())
    }
}

/// Checks one `additionalHeaders` entry: a lowercase name of `0-9`, `a-z`, `-` that does
/// not start with `x-oss-`, and a value without line breaks. [`CallbackConfig::validate`]
/// applies it to every entry; call it yourself to find which entry a rejection is about.
///
/// # Errors
/// "Invalid Argument. Parameter is invalid" (InvalidArgument); OSS documents the rule, not
/// its message.
///
/// ```
/// use oss_callback::check_additional_header;
/// assert!(check_additional_header("x-trace", "1").is_ok());
/// assert!(check_additional_header("X-Trace", "1").is_err());
/// assert!(check_additional_header("x-oss-meta-a", "1").is_err());
/// assert!(check_additional_header("x-trace", "1\r\nHost: evil").is_err());
/// ```
pub fn check_additional_header(name: &str, value: &str) -> Result<(), Error> {
    let name_ok = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !name.starts_with("x-oss-");
    if name_ok && !value.contains(['\r', '\n']) {
        Ok(())
    } else {
        Err(Entry::ArgumentInvalid.into())
    }
}

/// Stack storage for decoding: holds the base64-decoded JSON of a value of up to
/// [`MAX_CALLBACK_LEN`] characters, which the decoded fields then borrow.
///
/// ```
/// use oss_callback::DecodeBuffer;
/// let mut buf = DecodeBuffer::new();
/// # let _ = &mut buf;
/// ```
pub struct DecodeBuffer {
    pub(crate) bytes: [u8; MAX_DECODED_LEN],
}

impl DecodeBuffer {
    /// An empty buffer (3840 bytes).
    ///
    /// ```
    /// # use oss_callback::DecodeBuffer;
    /// let _buf = DecodeBuffer::new();
    /// ```
    #[must_use]
    pub const fn new() -> Self {
        Self {
            bytes: [0; MAX_DECODED_LEN],
        }
    }
}

impl Default for DecodeBuffer {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Debug for DecodeBuffer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DecodeBuffer { .. }")
    }
}

/// Stack storage for encoding: room for a header value of [`MAX_CALLBACK_LEN`] characters.
///
/// ```
/// use oss_callback::{CallbackConfig, EncodeBuffer};
/// let mut out = EncodeBuffer::new();
/// let value = CallbackConfig::new("a.example", "b").encode_into(&mut out)?;
/// assert!(value.starts_with("eyJ"));
/// # Ok::<(), oss_errors::Error>(())
/// ```
pub struct EncodeBuffer {
    pub(crate) bytes: [u8; MAX_CALLBACK_LEN],
}

impl EncodeBuffer {
    /// An empty buffer (5120 bytes).
    ///
    /// ```
    /// # use oss_callback::EncodeBuffer;
    /// let _out = EncodeBuffer::new();
    /// ```
    #[must_use]
    pub const fn new() -> Self {
        Self {
            bytes: [0; MAX_CALLBACK_LEN],
        }
    }
}

impl Default for EncodeBuffer {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Debug for EncodeBuffer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("EncodeBuffer { .. }")
    }
}
