//! PostObject (browser uploads): the form judged as OSS judges it, V1 and V4 alike.

use http::header::CONTENT_TYPE;
use http::request::Parts;
use oss_errors::Error;
use oss_multipart::{Boundary, PostCheck, PostForm, PostOptions, PostVerdict};
use oss_sign::KeyLookup;

/// A PostObject request whose head was accepted: `multipart/form-data` with a boundary.
///
/// ```
/// use oss_tower::PostObject;
/// let (parts, ()) = http::Request::post("/")
///     .header("content-type", "multipart/form-data; boundary=9431149156168")
///     .body(())?
///     .into_parts();
/// assert!(PostObject::from_parts(&parts).is_ok());
/// # Ok::<(), http::Error>(())
/// ```
#[derive(Debug)]
pub struct PostObject {
    boundary: Boundary,
    options: PostOptions,
}

/// Why a PostObject form was refused: the OSS error, and the message OSS sends when it
/// completes the catalogue's (a policy condition quoted after it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PostRejection {
    /// The OSS error.
    pub error: Error,
    /// The full message, when it is more than the catalogue's.
    pub message: Option<String>,
}

impl From<Error> for PostRejection {
    fn from(error: Error) -> Self {
        Self {
            error,
            message: None,
        }
    }
}

/// A form that passed: its fields and file, and how it was signed.
#[derive(Debug)]
pub struct CheckedPost<'b> {
    /// The parsed form.
    pub form: PostForm<'b>,
    /// How its signature and policy came out.
    pub verdict: PostVerdict,
}

impl PostObject {
    /// Reads the boundary from the request's `Content-Type`.
    ///
    /// # Errors
    /// OSS's error for a body that is not `multipart/form-data`.
    pub fn from_parts(parts: &Parts) -> Result<Self, Error> {
        let content_type = parts
            .headers
            .get(CONTENT_TYPE)
            .map_or(&b""[..], |value| value.as_bytes());
        Ok(Self {
            boundary: Boundary::from_content_type(content_type)?,
            options: PostOptions::DEFAULT,
        })
    }

    /// Uses `options` (limits, name matching) instead of OSS's defaults.
    #[must_use]
    pub const fn with_options(mut self, options: PostOptions) -> Self {
        self.options = options;
        self
    }

    /// Parses `body` and judges the form: form rules, then the signature (V1 or V4,
    /// against `check`'s keys and regions), then the policy.
    ///
    /// # Errors
    /// The first rule the form breaks, as OSS reports it.
    pub fn check<'b, K: KeyLookup + ?Sized>(
        &'b self,
        body: &'b [u8],
        check: &PostCheck<'_, K>,
    ) -> Result<CheckedPost<'b>, PostRejection> {
        let form = PostForm::parse(&self.boundary, body, self.options)?;
        let policy_len = form.field(b"policy").map_or(0, <[u8]>::len);
        let mut buf = vec![0; policy_len];
        let verdict = form
            .check(check, &mut buf)
            .map_err(|violation| PostRejection {
                error: violation.error(),
                message: violation.condition().map(|_| violation.to_string()),
            })?;
        Ok(CheckedPost { form, verdict })
    }
}
