//! A whole PostObject form in memory: parsed, judged, and ready for its policy.

use oss_errors::Error;
use oss_sign::SigningKey;

use super::rules::{ACCESS_KEY_ID_FIELD, FILE_FIELD, POLICY_FIELD, SIGNATURE_FIELD};
use super::{FileSummary, PostOptions, PostRules};
use crate::form::{Boundary, Event, FormParser, PartHeaders, Parts};
use crate::policy::{Policy, PolicyViolation};

/// The `file` part of a form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct FilePart<'a> {
    /// The `filename=` of its `Content-Disposition`, if any.
    pub filename: Option<&'a [u8]>,
    /// Its `Content-Type`, if any.
    pub content_type: Option<&'a [u8]>,
    /// Its body.
    pub data: &'a [u8],
}

/// A PostObject form held in memory, checked against the form rules ([`PostRules`]),
/// with its fields borrowed from the body and no allocation.
///
/// The form holds no copy of its fields, so it has no field count of its own: only
/// OSS's byte limits (the bytes before `file`, each field, the body) refuse a form.
/// [`PostForm::fields`] reads them again from the body.
///
/// ```
/// use oss_multipart::{Boundary, PostForm, PostOptions};
///
/// let body = b"--b\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nphotos/a.jpg\r\n\
/// --b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\nJPEG\r\n--b--\r\n";
/// let boundary = Boundary::from_content_type(b"multipart/form-data; boundary=b")?;
/// let form = PostForm::parse(&boundary, body, PostOptions::DEFAULT)?;
/// assert_eq!(form.field(b"key"), Some(&b"photos/a.jpg"[..]));
/// assert_eq!(form.file().filename, Some(&b"a.jpg"[..]));
/// assert_eq!(form.file().data, b"JPEG");
/// # Ok::<(), oss_errors::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct PostForm<'a> {
    boundary: &'a Boundary,
    body: &'a [u8],
    file: FilePart<'a>,
    summary: FileSummary,
    options: PostOptions,
}

impl<'a> PostForm<'a> {
    /// Parses `body` and checks the form rules.
    ///
    /// # Errors
    /// MalformedPOSTRequest for a body that is not `multipart/form-data`; the first form
    /// rule broken (see [`PostRules`]).
    pub fn parse(
        boundary: &'a Boundary,
        body: &'a [u8],
        options: PostOptions,
    ) -> Result<Self, Error> {
        Self::parse_with(boundary, body, options, |_| {})
    }

    /// [`PostForm::parse`], calling `seen` with each part's headers and body as it is
    /// read, also when a later rule fails (a debugging tool can show what came before).
    ///
    /// # Errors
    /// As [`PostForm::parse`].
    ///
    /// ```
    /// use oss_multipart::{Boundary, PostForm, PostOptions};
    /// let body = b"--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--b--";
    /// let boundary = Boundary::new(b"b")?;
    /// let mut names = Vec::new();
    /// let result = PostForm::parse_with(&boundary, body, PostOptions::DEFAULT, |part| names.push(part.headers.name()));
    /// assert!(result.is_err()); // no key, no file
    /// assert_eq!(names, [b"x"]);
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    pub fn parse_with<F>(
        boundary: &'a Boundary,
        body: &'a [u8],
        options: PostOptions,
        mut seen: F,
    ) -> Result<Self, Error>
    where
        F: FnMut(crate::Part<'a>),
    {
        let mut parser = FormParser::new(boundary, options.limits());
        let mut rules = PostRules::new(options);
        let mut form = Self {
            boundary,
            body,
            file: FilePart {
                filename: None,
                content_type: None,
                data: &[],
            },
            summary: FileSummary::default(),
            options,
        };
        let delimiter_len = boundary.as_bytes().len() + 4;
        let mut offset = 0;
        let mut current: Option<(PartHeaders<'a>, usize)> = None;
        let mut file_done = false;
        loop {
            let step = parser.parse(&body[offset..])?;
            offset += step.consumed;
            let ended = match step.event {
                Some(Event::Part(headers)) => {
                    current = Some((headers, offset));
                    None
                }
                Some(Event::PartEnd) => current.take().map(|(headers, from)| {
                    let to = offset.saturating_sub(delimiter_len).max(from);
                    crate::Part {
                        headers,
                        data: &body[from..to],
                    }
                }),
                _ => None,
            };
            if let Some(part) = ended {
                seen(part);
            }
            rules.on_step(&step)?;
            if let Some(part) = ended {
                form.keep(part, &mut file_done);
            }
            match step.event {
                Some(Event::End) => break,
                None => {
                    parser.finish()?;
                    break;
                }
                _ => {}
            }
        }
        form.summary = rules.finish()?;
        Ok(form)
    }

    /// Keeps the first `file` part; the fields stay in the body (see [`PostForm::fields`]).
    fn keep(&mut self, part: crate::Part<'a>, file_done: &mut bool) {
        if !*file_done && self.options.name_is(part.headers.name(), FILE_FIELD) {
            self.file = FilePart {
                filename: part.headers.filename(),
                content_type: part.headers.content_type(),
                data: part.data,
            };
            *file_done = true;
        }
    }

    /// The fields before `file`, as `(name, value)` in order, read again from the body
    /// (without allocating).
    ///
    /// ```
    /// use oss_multipart::{Boundary, PostForm, PostOptions};
    /// let body = b"--b\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nk\r\n\
    /// --b\r\nContent-Disposition: form-data; name=\"x-oss-meta-a\"\r\n\r\n1\r\n\
    /// --b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\ndata\r\n--b--";
    /// let boundary = Boundary::new(b"b")?;
    /// let form = PostForm::parse(&boundary, body, PostOptions::DEFAULT)?;
    /// let names: Vec<&[u8]> = form.fields().map(|(name, _)| name).collect();
    /// assert_eq!(names, [&b"key"[..], b"x-oss-meta-a"]);
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    pub fn fields(&self) -> impl Iterator<Item = (&'a [u8], &'a [u8])> + Clone + '_ {
        // `parse_with` read this body whole without error, so reading it again meets none.
        Parts::new(self.boundary, self.body, self.options.limits())
            .map_while(Result::ok)
            .take_while(|part| !self.options.name_is(part.headers.name(), FILE_FIELD))
            .map(|part| (part.headers.name(), part.data))
    }

    /// The first field named `name` (matched as the options say).
    #[must_use]
    pub fn field(&self, name: &[u8]) -> Option<&'a [u8]> {
        self.fields()
            .find(|(field, _)| self.options.name_is(field, name))
            .map(|(_, value)| value)
    }

    /// The `file` part.
    #[must_use]
    pub const fn file(&self) -> FilePart<'a> {
        self.file
    }

    /// Sizes: the file, the bytes before it, the body.
    #[must_use]
    pub const fn summary(&self) -> FileSummary {
        self.summary
    }

    /// Whether the form is signed (it carries `OSSAccessKeyId`, `policy` and `Signature`).
    #[must_use]
    pub fn is_signed(&self) -> bool {
        self.field(ACCESS_KEY_ID_FIELD)
            .is_some_and(|v| !v.is_empty())
    }

    /// Checks `Signature` against `policy` with the AccessKey secret, in constant time.
    /// An unsigned form passes.
    ///
    /// # Errors
    /// SignatureDoesNotMatch.
    ///
    /// ```
    /// use oss_multipart::{Boundary, PostForm, PostOptions};
    /// use oss_sign::{SigningKey, post_policy_signature};
    ///
    /// let key = SigningKey::new("secret");
    /// let policy = "eyJleHBpcmF0aW9uIjoiMjAzMC0wMS0wMVQwMDowMDowMFoiLCJjb25kaXRpb25zIjpbWyJzdGFydHMtd2l0aCIsIiRrZXkiLCIiXV19";
    /// let signature = post_policy_signature(&key, policy.as_bytes());
    /// let body = format!(
    ///     "--b\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nk\r\n\
    ///      --b\r\nContent-Disposition: form-data; name=\"OSSAccessKeyId\"\r\n\r\nAK\r\n\
    ///      --b\r\nContent-Disposition: form-data; name=\"policy\"\r\n\r\n{policy}\r\n\
    ///      --b\r\nContent-Disposition: form-data; name=\"Signature\"\r\n\r\n{signature}\r\n\
    ///      --b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nx\r\n--b--"
    /// );
    /// let boundary = Boundary::new(b"b")?;
    /// let form = PostForm::parse(&boundary, body.as_bytes(), PostOptions::DEFAULT)?;
    /// assert!(form.check_signature(&key).is_ok());
    /// assert!(form.check_signature(&SigningKey::new("other")).is_err());
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    pub fn check_signature(&self, key: &SigningKey) -> Result<(), Error> {
        match (self.field(POLICY_FIELD), self.field(SIGNATURE_FIELD)) {
            (Some(policy), Some(signature)) if self.is_signed() => {
                oss_sign::verify_post_policy_signature(key, policy, signature.trim_ascii())
            }
            _ => Ok(()),
        }
    }

    /// Decodes the `policy` field into `buf` (see [`Policy::decode`]); `None` when the
    /// form has no policy.
    ///
    /// # Errors
    /// InvalidPolicyDocument.
    pub fn policy_json<'b>(&self, buf: &'b mut [u8]) -> Result<Option<&'b [u8]>, Error> {
        self.field(POLICY_FIELD)
            .map(|policy| Policy::decode(policy, buf))
            .transpose()
    }

    /// Checks a parsed policy against the form: expiration against `now` (seconds since
    /// the Unix epoch), every condition against the fields (plus `bucket`, which OSS
    /// takes from the host), `content-length-range` against the file's size.
    ///
    /// # Errors
    /// See [`Policy::check`].
    pub fn check_policy<'p>(
        &self,
        policy: &Policy<'p>,
        bucket: Option<&[u8]>,
        now: i64,
    ) -> Result<(), PolicyViolation<'p>> {
        let bucket = bucket.map(|bucket| (&b"bucket"[..], bucket));
        policy.check(now, self.fields().chain(bucket), self.summary.size)
    }
}
