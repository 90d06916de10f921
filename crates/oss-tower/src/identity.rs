//! Who signed a request the layer let through.

use oss_naming::MAX_ACCESS_KEY_ID_LEN;
use oss_sign::{AuthMethod, Verified};

/// The verified signer of a request, put into its extensions by
/// [`OssAuthLayer`](crate::OssAuthLayer) for the handler to read.
///
/// ```
/// use oss_sign::AuthMethod;
/// use oss_tower::Identity;
/// let anonymous = Identity::anonymous();
/// assert_eq!(anonymous.method(), AuthMethod::Anonymous);
/// assert_eq!(anonymous.access_key_id(), None);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    method: AuthMethod,
    access_key_id: Option<heapless::String<MAX_ACCESS_KEY_ID_LEN>>,
    expires: Option<u64>,
}

impl Identity {
    /// A request that carried no signature.
    #[must_use]
    pub const fn anonymous() -> Self {
        Self {
            method: AuthMethod::Anonymous,
            access_key_id: None,
            expires: None,
        }
    }

    /// How the request was authenticated.
    #[must_use]
    pub const fn method(&self) -> AuthMethod {
        self.method
    }

    /// The AccessKeyId that signed, unless anonymous.
    #[must_use]
    pub fn access_key_id(&self) -> Option<&str> {
        self.access_key_id.as_deref()
    }

    /// When a presigned URL expires (Unix seconds).
    #[must_use]
    pub const fn expires(&self) -> Option<u64> {
        self.expires
    }

    /// Whether the request carried no signature.
    #[must_use]
    pub fn is_anonymous(&self) -> bool {
        self.method == AuthMethod::Anonymous
    }
}

impl From<&Verified<'_>> for Identity {
    fn from(verified: &Verified<'_>) -> Self {
        Self {
            method: verified.method(),
            // The verifier refuses ids over MAX_ACCESS_KEY_ID_LEN, so this always fits.
            access_key_id: verified
                .access_key_id()
                .and_then(|id| heapless::String::try_from(id).ok()),
            expires: verified.expires(),
        }
    }
}
