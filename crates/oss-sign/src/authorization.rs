//! The `Authorization: OSS <AccessKeyId>:<Signature>` value `sign` returns.

use core::fmt;

use oss_naming::MAX_ACCESS_KEY_ID_LEN;

use crate::credentials::Credentials;
use crate::signature::{SIGNATURE_LEN, Signature};

/// The longest value: `OSS `, the longest AccessKeyId, `:` and the signature.
const CAPACITY: usize = 4 + MAX_ACCESS_KEY_ID_LEN + 1 + SIGNATURE_LEN;

/// A signed `Authorization` header value, `OSS <AccessKeyId>:<Signature>`, held without
/// allocating.
///
/// ```
/// use oss_sign::{Credentials, Request, SigningKey, sign};
/// let key = SigningKey::new("sk");
/// let creds = Credentials::new("ak", &key)?;
/// let headers = [("x-oss-date", "Wed, 28 Dec 2022 10:27:41 GMT")];
/// let query = [("resourceGroup", ""), ("non-resousce", "null")];
/// let request = Request::new("GET").with_bucket("examplebucket").with_headers(&headers).with_query(&query);
/// assert_eq!(sign(&creds, &request).as_str(), "OSS ak:vkQmfuUDyi1uDi3bKt67oemssIs=");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Authorization {
    value: heapless::String<CAPACITY>,
    signature: Signature,
}

impl Authorization {
    /// `OSS <id>:<signature>` for `creds` (whose id [`Credentials::new`] bounded).
    pub(crate) fn new(creds: &Credentials<'_>, signature: Signature) -> Self {
        let mut value = heapless::String::new();
        for piece in ["OSS ", creds.access_key_id, ":", signature.as_str()] {
            // Fits: the id is at most MAX_ACCESS_KEY_ID_LEN bytes (checked by Credentials).
            let pushed = value.push_str(piece);
            debug_assert!(pushed.is_ok());
        }
        Self { value, signature }
    }

    /// The header value.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.value
    }

    /// The signature alone.
    ///
    /// ```
    /// # use oss_sign::{Credentials, Request, SigningKey, sign};
    /// # let key = SigningKey::new("sk");
    /// # let creds = Credentials::new("ak", &key)?;
    /// let auth = sign(&creds, &Request::new("GET"));
    /// assert!(auth.as_str().ends_with(auth.signature().as_str()));
    /// # Ok::<(), oss_sign::CredentialsError>(())
    /// ```
    #[must_use]
    pub const fn signature(&self) -> &Signature {
        &self.signature
    }
}

impl fmt::Debug for Authorization {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Authorization")
            .field(&self.as_str())
            .finish()
    }
}

impl fmt::Display for Authorization {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl AsRef<str> for Authorization {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}
