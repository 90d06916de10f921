//! The V4 canonical request and string-to-sign, shown for people and error bodies.

use oss_errors::Error;
use oss_naming::Timestamp;

use crate::credentials::Credentials;
use crate::input::{Headers, Query};
use crate::request::Request;
use crate::transcript::{Transcript, TranscriptSink};
use crate::v4::canonical::{write_canonical_request, write_string_to_sign};
use crate::v4::scope::Scope;
use crate::v4::sign::{Found, Settings, header_parts, parse_date};

/// Which V4 transcript [`canonical_request`] and [`string_to_sign`] write.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub enum Form<'a> {
    /// What [`sign`](crate::v4::sign) signs with these settings and credentials at this time.
    Header {
        /// The settings.
        settings: Settings<'a>,
        /// The credentials.
        creds: Credentials<'a>,
        /// The signing time.
        now: Timestamp,
    },
    /// What a server computes for a V4 request as received (its `Authorization` header or
    /// presigned query), as [`Verifier`](crate::Verifier) does; the region is the one the
    /// request names.
    Received,
}

/// Writes the canonical request of `request` in `form`: what [`sign`](crate::v4::sign) hashes, or what a
/// server computed for a request it received (OSS reports it as `CanonicalRequest` with
/// `SignatureDoesNotMatch`).
///
/// # Errors
/// As [`Signer::sign`](crate::v4::Signer::sign); for [`Form::Received`], the errors of a malformed V4
/// `Authorization` header or presigned query (see [`Verifier`](crate::Verifier)).
pub fn canonical_request<'a, H: Headers<'a>, Q: Query<'a>>(
    request: &Request<'a, H, Q>,
    form: Form<'a>,
    out: &mut (impl Transcript + ?Sized),
) -> Result<(), Error> {
    transcript(request, form, out, false)
}

/// Writes the string-to-sign of `request` in `form` (see [`canonical_request`]).
///
/// # Errors
/// As [`canonical_request`].
pub fn string_to_sign<'a, H: Headers<'a>, Q: Query<'a>>(
    request: &Request<'a, H, Q>,
    form: Form<'a>,
    out: &mut (impl Transcript + ?Sized),
) -> Result<(), Error> {
    transcript(request, form, out, true)
}

fn transcript<'a, H: Headers<'a>, Q: Query<'a>>(
    request: &Request<'a, H, Q>,
    form: Form<'a>,
    out: &mut (impl Transcript + ?Sized),
    string_to_sign: bool,
) -> Result<(), Error> {
    let Form::Header {
        settings,
        creds,
        now,
    } = form
    else {
        let authorization = request
            .headers
            .fields()
            .find(|(name, _)| name.eq_ignore_ascii_case(b"authorization"))
            .map(|(_, value)| value);
        let sink = &mut TranscriptSink(out);
        return crate::v4::verify::received_transcript(
            request,
            authorization,
            sink,
            string_to_sign,
        );
    };
    let found = Found::scan(request);
    let time = match found.date {
        Some(date) => parse_date(date)?,
        None => now,
    };
    let date = time.compact_iso8601();
    let scope = Scope::new(time, settings.region(), settings.product())?;
    let parts = header_parts(&found, &date, scope, &settings, creds.security_token);
    if string_to_sign {
        write_string_to_sign(&mut TranscriptSink(out), request, &parts);
    } else {
        write_canonical_request(&mut TranscriptSink(out), request, &parts);
    }
    Ok(())
}
