//! Who signs: an AccessKeyId, its key and, for STS credentials, the security token.

use core::fmt;

use oss_naming::{MAX_ACCESS_KEY_ID_LEN, check_access_key_id};

use crate::key::SigningKey;

/// Who signs: an AccessKeyId, its [`SigningKey`] and, for STS credentials, the
/// security token.
///
/// ```
/// use oss_sign::{Credentials, SigningKey};
/// let key = SigningKey::new("sk");
/// let creds = Credentials::new("ak", &key)?.with_security_token("token");
/// assert_eq!(creds.access_key_id(), "ak");
/// # Ok::<(), oss_sign::CredentialsError>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Credentials<'a> {
    pub(crate) access_key_id: &'a str,
    pub(crate) key: &'a SigningKey,
    pub(crate) security_token: Option<&'a str>,
}

impl<'a> Credentials<'a> {
    /// Credentials for `access_key_id`, checked with OSS's AccessKeyId rule
    /// (`oss_naming::check_access_key_id`) and this library's length bound
    /// (`oss_naming::MAX_ACCESS_KEY_ID_LEN`).
    ///
    /// # Errors
    /// [`CredentialsError::Invalid`] with OSS's error for an empty id or one with other
    /// characters than `[0-9a-zA-Z._=]`; [`CredentialsError::TooLong`] past the bound.
    ///
    /// ```
    /// use oss_sign::{Credentials, CredentialsError, SigningKey};
    /// let key = SigningKey::new("sk");
    /// assert!(Credentials::new(&"k".repeat(64), &key).is_ok());
    /// let long = "k".repeat(129);
    /// assert_eq!(Credentials::new(&long, &key).unwrap_err(), CredentialsError::TooLong { len: 129 });
    /// ```
    pub fn new(access_key_id: &'a str, key: &'a SigningKey) -> Result<Self, CredentialsError> {
        check_access_key_id(access_key_id).map_err(CredentialsError::Invalid)?;
        if access_key_id.len() > MAX_ACCESS_KEY_ID_LEN {
            return Err(CredentialsError::TooLong {
                len: access_key_id.len(),
            });
        }
        Ok(Self {
            access_key_id,
            key,
            security_token: None,
        })
    }

    /// Adds an STS security token: signed as the `x-oss-security-token` header (header
    /// form) or the `security-token` query parameter (presigned URLs). An empty token is
    /// no token, as the official SDKs treat it.
    #[must_use]
    pub const fn with_security_token(mut self, token: &'a str) -> Self {
        self.security_token = if token.is_empty() { None } else { Some(token) };
        self
    }

    /// The AccessKeyId.
    #[must_use]
    pub const fn access_key_id(&self) -> &'a str {
        self.access_key_id
    }

    /// The STS security token, if any.
    #[must_use]
    pub const fn security_token(&self) -> Option<&'a str> {
        self.security_token
    }
}

/// Why [`Credentials::new`] refused an AccessKeyId.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CredentialsError {
    /// OSS's own rule refuses it (empty, or characters other than `[0-9a-zA-Z._=]`):
    /// the error OSS would answer with.
    Invalid(oss_errors::Error),
    /// Longer than `oss_naming::MAX_ACCESS_KEY_ID_LEN`, the most this library signs with
    /// (a local bound, not an OSS rule).
    TooLong {
        /// The id's length in bytes.
        len: usize,
    },
}

impl fmt::Display for CredentialsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Invalid(err) => fmt::Display::fmt(err, f),
            Self::TooLong { len } => write!(
                f,
                "the AccessKeyId is {len} bytes long; oss-sign signs with ids of at most \
                 {MAX_ACCESS_KEY_ID_LEN} bytes"
            ),
        }
    }
}

impl core::error::Error for CredentialsError {}

impl From<oss_errors::Error> for CredentialsError {
    fn from(err: oss_errors::Error) -> Self {
        Self::Invalid(err)
    }
}
