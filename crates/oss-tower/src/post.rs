//! PostObject (browser uploads): the form judged as OSS judges it, V1 and V4 alike.

use bytes::Bytes;
use http::header::CONTENT_TYPE;
use http::request::Parts;
use http_body::Body;
use http_body_util::BodyExt as _;
use oss_errors::Error;
use oss_multipart::{
    Boundary, Event, FILE_FIELD, FormParser, PostCheck, PostForm, PostOptions, PostRules,
    PostVerdict,
};
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

/// Why a streamed PostObject failed: the form was refused, or the body broke off.
#[derive(Debug)]
#[non_exhaustive]
pub enum StreamRejection<E> {
    /// OSS's refusal (the file's bytes already given to the sink are to be discarded).
    Refused(PostRejection),
    /// The request body failed before it ended.
    Body(E),
}

impl<E> From<Error> for StreamRejection<E> {
    fn from(error: Error) -> Self {
        Self::Refused(error.into())
    }
}

/// A PostObject form read as it streamed: the fields before `file` held, the file's bytes
/// given to the caller's sink as they arrived and never held here.
#[derive(Debug)]
pub struct StreamedPost {
    head: Vec<u8>,
    boundary: Boundary,
    options: PostOptions,
    file_size: u64,
    verdict: PostVerdict,
}

impl StreamedPost {
    /// How its signature and policy came out.
    #[must_use]
    pub const fn verdict(&self) -> PostVerdict {
        self.verdict
    }

    /// The size of the file the form carried.
    #[must_use]
    pub const fn file_size(&self) -> u64 {
        self.file_size
    }

    /// The form without the file's bytes: its fields before `file`, and the file part's
    /// name and type (its `data` is empty).
    ///
    /// # Errors
    /// None in practice: the same bytes were parsed without error when the form was
    /// judged.
    pub fn form(&self) -> Result<PostForm<'_>, Error> {
        PostForm::parse(&self.boundary, &self.head, self.options)
    }
}

impl PostObject {
    /// Reads a PostObject body as it streams in and judges it as OSS does: the form rules
    /// on every byte as it arrives (OSS's limits on the fields before `file` included),
    /// the file's bytes handed to `sink` as they arrive, then the signature (V1 or V4) and
    /// the policy, `content-length-range` against the real size. Only the fields before
    /// the file are held; the file never is.
    ///
    /// # Errors
    /// [`StreamRejection::Refused`] with OSS's error (a `sink` error included), or
    /// [`StreamRejection::Body`] when the body fails.
    pub async fn check_streaming<B, K, F>(
        &self,
        mut body: B,
        check: &PostCheck<'_, K>,
        mut sink: F,
    ) -> Result<StreamedPost, StreamRejection<B::Error>>
    where
        B: Body<Data = Bytes> + Unpin,
        K: KeyLookup + ?Sized,
        F: FnMut(&[u8]) -> Result<(), Error>,
    {
        let mut parser = FormParser::new(&self.boundary, self.options.limits());
        let mut rules = PostRules::new(self.options);
        let (mut pending, mut head) = (Vec::new(), Vec::new());
        let (mut in_file, mut file_seen, mut file_size, mut ended) = (false, false, 0u64, false);
        while !ended {
            let more = match body.frame().await {
                Some(Ok(frame)) => frame.into_data().ok(),
                Some(Err(error)) => return Err(StreamRejection::Body(error)),
                None => None,
            };
            let at_end = more.is_none();
            if let Some(data) = more {
                pending.extend_from_slice(&data);
            }
            let mut offset = 0;
            loop {
                let step = parser.parse(&pending[offset..])?;
                rules.on_step(&step)?;
                // Everything up to the file's header block (included) is held.
                if !file_seen {
                    head.extend_from_slice(&pending[offset..offset + step.consumed]);
                }
                match step.event {
                    Some(Event::Part(headers)) if !file_seen => {
                        in_file = self.options.name_is(headers.name(), FILE_FIELD);
                        file_seen = in_file;
                    }
                    Some(Event::Data(data)) if in_file => {
                        sink(data)?;
                        file_size += data.len() as u64;
                    }
                    Some(Event::PartEnd) => in_file = false,
                    Some(Event::End) => ended = true,
                    _ => {}
                }
                offset += step.consumed;
                if step.event.is_none() || ended {
                    break;
                }
            }
            pending.drain(..offset);
            if at_end && !ended {
                parser.finish()?;
                break;
            }
        }
        rules.finish()?;
        // The held fields and the file's headers, closed with an empty file.
        head.extend_from_slice(b"\r\n--");
        head.extend_from_slice(self.boundary.as_bytes());
        head.extend_from_slice(b"--\r\n");
        let form = PostForm::parse(&self.boundary, &head, self.options)?;
        let policy_len = form.field(b"policy").map_or(0, <[u8]>::len);
        let mut buf = vec![0; policy_len];
        let verdict = form
            .check_with_file_size(check, &mut buf, file_size)
            .map_err(|violation| {
                StreamRejection::Refused(PostRejection {
                    error: violation.error(),
                    message: violation.condition().map(|_| violation.to_string()),
                })
            })?;
        Ok(StreamedPost {
            head,
            boundary: self.boundary.clone(),
            options: self.options,
            file_size,
            verdict,
        })
    }
}
