//! V4 presigned URLs: the `x-oss-*` query parameters and the signature over them.

use core::fmt;

use oss_errors::{Entry, Error};
use oss_naming::{Compact, Timestamp};

use crate::canonical::FmtSink;
use crate::credentials::Credentials;
use crate::input::{Headers, Query};
use crate::presign::decimal;
use crate::request::{Param, Request};
use crate::v4::canonical::{ALGORITHM, Additional, Parts};
use crate::v4::canonical::{put_additional, signature};
use crate::v4::received::{
    ADDITIONAL_HEADERS_PARAM, CREDENTIAL_PARAM, DATE_PARAM, EXPIRES_PARAM, SIGNATURE_PARAM,
    SIGNATURE_VERSION_PARAM, TOKEN_PARAM,
};
use crate::v4::scope::{Scope, SignatureV4};
use crate::v4::sign::{
    AdditionalText, CredentialText, MAX_EXPIRES_SECS, Settings, Signer, TextSink, UNSIGNED_PAYLOAD,
    into_text, put_credential,
};

impl<'a> Signer<'a> {
    /// Presigns `request` at `now` for `expires_in` seconds.
    ///
    /// # Errors
    /// `InvalidArgument` "Invalid Argument. Parameter is invalid" for an `expires_in`
    /// outside 1..=[`MAX_EXPIRES_SECS`] (the v2 SDKs refuse more, and so does OSS).
    pub fn presign<H: Headers<'a>, Q: Query<'a>>(
        &mut self,
        request: &Request<'a, H, Q>,
        now: Timestamp,
        expires_in: u64,
    ) -> Result<Presigned<'a, H, Q>, Error> {
        if !(1..=MAX_EXPIRES_SECS).contains(&expires_in) {
            return Err(Entry::ArgumentInvalid.into());
        }
        let creds = self.creds;
        let names = Additional::List(self.settings.additional_headers);
        let key = self.key(now)?;
        let date = now.compact_iso8601();
        let mut credential = heapless::Vec::new();
        put_credential(
            &mut TextSink(&mut credential),
            creds.access_key_id,
            key.scope(),
        );
        let credential: CredentialText = into_text(credential);
        let expires = decimal(expires_in);
        let mut additional = heapless::Vec::new();
        put_additional(
            &mut TextSink(&mut additional),
            names,
            true,
            &request.headers,
        );
        let additional: AdditionalText = into_text(additional);
        let token = creds.security_token;
        let params = auth_params(&date, &credential, &expires, token, &additional);
        let parts = query_parts(&date, *key.scope(), params, &additional);
        let signature = signature(key, request, &parts);
        let presigned = Presigned {
            request: request.clone(),
            date,
            credential,
            expires,
            security_token: token,
            additional,
            signature,
        };
        Ok(presigned)
    }
}

/// Presigns `request` with V4 at `now` for `expires_in` seconds: [`Signer::presign`] with
/// a key derived for this call.
///
/// # Errors
/// As [`Signer::presign`].
pub fn presign<'a, H: Headers<'a>, Q: Query<'a>>(
    creds: &Credentials<'a>,
    request: &Request<'a, H, Q>,
    settings: &Settings<'a>,
    now: Timestamp,
    expires_in: u64,
) -> Result<Presigned<'a, H, Q>, Error> {
    Signer::new(*creds, *settings).presign(request, now, expires_in)
}

/// A V4 presigned request: its query string or URL.
#[derive(Clone, Debug)]
pub struct Presigned<'a, H, Q> {
    request: Request<'a, H, Q>,
    date: Compact,
    credential: CredentialText,
    expires: heapless::String<20>,
    security_token: Option<&'a str>,
    additional: AdditionalText,
    signature: SignatureV4,
}

/// The V4 query parameters of a presigned URL, signed with the rest of the query (the
/// signature itself excepted).
fn auth_params<'p>(
    date: &'p Compact,
    credential: &'p str,
    expires: &'p str,
    security_token: Option<&'p str>,
    additional: &'p str,
) -> [Option<Param<'p>>; 6] {
    [
        Some(Param::new(SIGNATURE_VERSION_PARAM, ALGORITHM)),
        Some(Param::new(CREDENTIAL_PARAM, credential)),
        Some(Param::new(DATE_PARAM, date.as_str())),
        Some(Param::new(EXPIRES_PARAM, expires)),
        security_token.map(|token| Param::new(TOKEN_PARAM, token)),
        (!additional.is_empty()).then(|| Param::new(ADDITIONAL_HEADERS_PARAM, additional)),
    ]
}

/// The parts of a presigned signature.
fn query_parts<'p>(
    date: &'p Compact,
    scope: Scope<'p>,
    params: [Option<Param<'p>>; 6],
    additional: &'p str,
) -> Parts<'p> {
    Parts {
        date: date.as_str().as_bytes(),
        scope,
        extra_headers: [None; 3],
        extra_query: params,
        additional: Additional::Raw(additional.as_bytes()),
        drop_absent: true,
        payload: UNSIGNED_PAYLOAD.as_bytes(),
        skip_signature_param: false,
    }
}

impl<'a, H: Headers<'a>, Q: Query<'a>> Presigned<'a, H, Q> {
    /// The signature.
    #[must_use]
    pub const fn signature(&self) -> &SignatureV4 {
        &self.signature
    }

    /// Writes the query string (no leading `?`): every parameter of the canonical query,
    /// in its order, then `x-oss-signature`.
    ///
    /// # Errors
    /// Whatever `out` returns.
    pub fn write_query(&self, out: &mut impl fmt::Write) -> fmt::Result {
        let mut sink = FmtSink {
            out: &mut *out,
            result: Ok(()),
        };
        let auth = auth_params(
            &self.date,
            &self.credential,
            &self.expires,
            self.security_token,
            &self.additional,
        );
        let params = self
            .request
            .query
            .params()
            .map(Param::shorter)
            .chain(auth.into_iter().flatten());
        crate::v4::canonical::write_query(&mut sink, params);
        sink.result?;
        write!(out, "&{SIGNATURE_PARAM}={}", self.signature)
    }

    /// Writes the whole URL, virtual-hosted style: `<scheme>://<bucket>.<host>/<key>?<query>`.
    ///
    /// # Errors
    /// Whatever `out` returns.
    pub fn write_url(&self, endpoint: &str, out: &mut impl fmt::Write) -> fmt::Result {
        crate::presign::write_url_base(&self.request, endpoint, out)?;
        self.write_query(out)
    }

    /// The query string ([`Presigned::write_query`]).
    #[cfg(feature = "alloc")]
    #[must_use]
    pub fn query(&self) -> alloc::string::String {
        let mut out = alloc::string::String::new();
        let _ = self.write_query(&mut out);
        out
    }

    /// The URL ([`Presigned::write_url`]).
    #[cfg(feature = "alloc")]
    #[must_use]
    pub fn url(&self, endpoint: &str) -> alloc::string::String {
        let mut out = alloc::string::String::new();
        let _ = self.write_url(endpoint, &mut out);
        out
    }
}
