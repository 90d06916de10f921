//! The PostObject form rules, checked while the form streams by.

use oss_errors::{Entry, Error};

use super::PostOptions;
use crate::form::{Event, PartHeaders, Step};

/// The form field holding the object key.
pub const KEY_FIELD: &[u8] = b"key";
/// The form field holding the upload.
pub const FILE_FIELD: &[u8] = b"file";
/// The form field with the AccessKey ID of a signed form.
pub const ACCESS_KEY_ID_FIELD: &[u8] = b"OSSAccessKeyId";
/// The form field with the base64 policy of a signed form.
pub const POLICY_FIELD: &[u8] = b"policy";
/// The form field with the policy's signature.
pub const SIGNATURE_FIELD: &[u8] = b"Signature";

/// Headers a `file` part may carry.
/// The fields whose presence the signing rules look at: V1's three, then V4's four.
const SIGNING_FIELDS: [&[u8]; 7] = [
    ACCESS_KEY_ID_FIELD,
    POLICY_FIELD,
    SIGNATURE_FIELD,
    b"x-oss-signature-version",
    b"x-oss-credential",
    b"x-oss-date",
    b"x-oss-signature",
];

const FILE_PART_HEADERS: [&[u8]; 3] = [
    b"Content-Disposition",
    b"Content-Type",
    b"Content-Transfer-Encoding",
];

/// Which of the signed-form fields hold a value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Credentials {
    /// `OSSAccessKeyId` is present and not empty.
    pub access_key_id: bool,
    /// `policy` is present and not empty.
    pub policy: bool,
    /// `Signature` is present and not empty.
    pub signature: bool,
    /// The Signature V4 fields present and not empty: `x-oss-signature-version`,
    /// `x-oss-credential`, `x-oss-date`, `x-oss-signature`.
    pub v4: [bool; 4],
}

impl Credentials {
    /// Whether the form is signed (any of the V1 or V4 fields given).
    #[must_use]
    pub const fn any(&self) -> bool {
        self.access_key_id || self.policy || self.signature || self.is_v4()
    }

    /// Whether any Signature V4 field is given.
    #[must_use]
    pub const fn is_v4(&self) -> bool {
        self.v4[0] || self.v4[1] || self.v4[2] || self.v4[3]
    }

    /// The all-or-none rule: if one of `OSSAccessKeyId`, `policy`, `Signature` is given,
    /// all three must be.
    ///
    /// # Errors
    /// InvalidArgument "Post request accessKeyId is empty" or "Post request signature is
    /// empty"; InvalidPolicyDocument "Invalid policy document, please check." when only
    /// the policy is missing.
    ///
    /// ```
    /// use oss_multipart::Credentials;
    /// let mut given = Credentials::default();
    /// assert!(given.check().is_ok()); // an anonymous form
    /// given.policy = true;
    /// assert_eq!(given.check().unwrap_err().to_string(), "Post request accessKeyId is empty");
    /// ```
    /// A V4 form needs all four V4 fields and the policy: a missing `x-oss-signature` is
    /// "Post request signature is empty", a missing version "Invalid Argument. Parameter
    /// is invalid", a missing credential "Invalid credential in Authorization header.", a
    /// missing date "OSS authentication requires a valid Date".
    pub const fn check(&self) -> Result<(), Error> {
        if self.is_v4() {
            let [version, credential, date, signature] = self.v4;
            return if !signature {
                Err(Error::new(Entry::PostSignatureEmpty))
            } else if !version {
                Err(Error::new(Entry::ArgumentInvalid))
            } else if !credential {
                Err(Error::new(Entry::CredentialInvalid))
            } else if !date {
                Err(Error::new(Entry::DateInvalid))
            } else if !self.policy {
                Err(Error::new(Entry::PolicyDocumentInvalid))
            } else {
                Ok(())
            };
        }
        if !self.any() {
            Ok(())
        } else if !self.access_key_id {
            Err(Error::new(Entry::PostAccessKeyIdEmpty))
        } else if !self.signature {
            Err(Error::new(Entry::PostSignatureEmpty))
        } else if !self.policy {
            Err(Error::new(Entry::PolicyDocumentInvalid))
        } else {
            Ok(())
        }
    }
}

/// What the rules learnt about the `file` part.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct FileSummary {
    /// The file's size in bytes.
    pub size: u64,
    /// Body bytes before the `file` part.
    pub pre_file_bytes: u64,
    /// The whole body's size.
    pub body_bytes: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Current {
    /// Between parts.
    None,
    /// A field before `file`; `credential` says which signed-form field it is, if any.
    Field {
        len: usize,
        credential: Option<usize>,
    },
    /// The `file` part.
    File,
    /// A part after `file`, ignored.
    Ignored,
}

/// The PostObject form rules as a state machine over [`FormParser`](crate::FormParser)
/// steps, so a server can judge a form while streaming it (no buffering, no allocation).
///
/// Rules, with the error for each:
/// - the body at most [`Limits::body`](crate::Limits::body) → InvalidArgument "Post body
///   size must be less than 5G";
/// - the bytes before `file` at most [`Limits::pre_file`](crate::Limits::pre_file) →
///   MaxPOSTPreDataLengthExceededError;
/// - field names and values (except `file`'s) within the limits → FieldItemTooLong;
/// - `key` before `file` → InvalidArgument "The bucket POST must contain the specified
///   'key'. If it is specified, please check the order of the fields";
/// - `OSSAccessKeyId`, `policy`, `Signature` all or none ([`Credentials::check`]);
/// - the `file` part carries only `Content-Disposition`, `Content-Type` and
///   `Content-Transfer-Encoding` → InvalidArgument "The bucket POST contains
///   unrecognized field name";
/// - exactly one `file`, the last part → IncorrectNumberOfFilesInPOSTRequest.
///
/// ```
/// use oss_multipart::{Boundary, FormParser, PostOptions, PostRules};
///
/// let body = b"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\nhi\r\n--b--";
/// let boundary = Boundary::new(b"b")?;
/// let options = PostOptions::DEFAULT;
/// let mut parser = FormParser::new(&boundary, options.limits());
/// let mut rules = PostRules::new(options);
/// let err = loop {
///     let step = parser.parse(body)?; // the whole body at once, for brevity
///     if let Err(err) = rules.on_step(&step) { break err; }
/// };
/// assert_eq!(err.code().as_str(), "InvalidArgument"); // no key before file
/// # Ok::<(), oss_errors::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct PostRules {
    options: PostOptions,
    current: Current,
    key_seen: bool,
    file_seen: bool,
    credentials: [bool; 7],
    file: FileSummary,
}

impl PostRules {
    /// Rules with `options`.
    ///
    /// ```
    /// use oss_multipart::{PostOptions, PostRules};
    /// let rules = PostRules::new(PostOptions::DEFAULT);
    /// assert!(rules.finish().is_err()); // no file yet
    /// ```
    #[must_use]
    pub const fn new(options: PostOptions) -> Self {
        Self {
            options,
            current: Current::None,
            key_seen: false,
            file_seen: false,
            credentials: [false; 7],
            file: FileSummary {
                size: 0,
                pre_file_bytes: 0,
                body_bytes: 0,
            },
        }
    }

    /// Judges one parser step (its consumed bytes and its event).
    ///
    /// # Errors
    /// The first rule broken (see the type's documentation).
    pub fn on_step(&mut self, step: &Step<'_>) -> Result<(), Error> {
        let limits = self.options.limits();
        let consumed = step.consumed as u64;
        self.file.body_bytes = self.file.body_bytes.saturating_add(consumed);
        if self.file.body_bytes > limits.body() {
            return Err(Entry::PostBodyTooLarge.into());
        }
        let starts_file = matches!(step.event, Some(Event::Part(h)) if self.is_file(&h));
        if !self.file_seen && !starts_file {
            self.file.pre_file_bytes = self.file.pre_file_bytes.saturating_add(consumed);
            if self.file.pre_file_bytes > limits.pre_file() {
                return Err(Entry::PostPreDataTooLarge.into());
            }
        }
        match step.event {
            Some(Event::Part(headers)) => self.on_part(&headers),
            Some(Event::Data(data)) => self.on_data(data),
            Some(Event::PartEnd) => {
                if let Current::Field {
                    len,
                    credential: Some(which),
                } = self.current
                {
                    self.credentials[which] |= len > 0;
                }
                self.current = Current::None;
                Ok(())
            }
            Some(Event::End) | None => Ok(()),
        }
    }

    fn is_file(&self, headers: &PartHeaders<'_>) -> bool {
        self.options.name_is(headers.name(), FILE_FIELD)
    }

    fn on_part(&mut self, headers: &PartHeaders<'_>) -> Result<(), Error> {
        let limits = self.options.limits();
        if self.file_seen {
            if self.options.fields_after_file_ignored() && !self.is_file(headers) {
                self.current = Current::Ignored;
                return Ok(());
            }
            return Err(Entry::PostFileCount.into());
        }
        if headers.name().len() > limits.field_name() {
            return Err(Entry::FormFieldTooLong.into());
        }
        if self.is_file(headers) {
            if !self.key_seen {
                return Err(Entry::PostMissingKey.into());
            }
            self.credentials().check()?;
            let recognised = |name: &[u8]| {
                FILE_PART_HEADERS
                    .iter()
                    .any(|known| name.eq_ignore_ascii_case(known))
            };
            if !headers.lines().all(|(name, _)| recognised(name)) {
                return Err(Entry::PostUnrecognizedField.into());
            }
            self.file_seen = true;
            self.current = Current::File;
            return Ok(());
        }
        let name = headers.name();
        self.key_seen |= self.options.name_is(name, KEY_FIELD);
        let credential = SIGNING_FIELDS
            .iter()
            .position(|wanted| self.options.name_is(name, wanted));
        self.current = Current::Field { len: 0, credential };
        Ok(())
    }

    fn on_data(&mut self, data: &[u8]) -> Result<(), Error> {
        match &mut self.current {
            Current::Field { len, .. } => {
                *len = len.saturating_add(data.len());
                if *len > self.options.limits().field_value() {
                    return Err(Entry::FormFieldTooLong.into());
                }
            }
            Current::File => self.file.size = self.file.size.saturating_add(data.len() as u64),
            Current::None | Current::Ignored => {}
        }
        Ok(())
    }

    /// Which signed-form fields have been seen with a value.
    #[must_use]
    pub const fn credentials(&self) -> Credentials {
        let [
            access_key_id,
            policy,
            signature,
            version,
            credential,
            date,
            v4_signature,
        ] = self.credentials;
        Credentials {
            access_key_id,
            policy,
            signature,
            v4: [version, credential, date, v4_signature],
        }
    }

    /// Whether `key` has been seen.
    #[must_use]
    pub const fn key_seen(&self) -> bool {
        self.key_seen
    }

    /// Concludes once the body is fully read (after [`FormParser::finish`](crate::FormParser::finish)).
    ///
    /// # Errors
    /// The `key` error when neither `key` nor `file` came; IncorrectNumberOfFilesInPOSTRequest
    /// when no `file` came.
    pub fn finish(&self) -> Result<FileSummary, Error> {
        if self.file_seen {
            Ok(self.file)
        } else if !self.key_seen {
            Err(Entry::PostMissingKey.into())
        } else {
            Err(Entry::PostFileCount.into())
        }
    }
}
