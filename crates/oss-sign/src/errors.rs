//! The catalogue entries this crate answers with, in one place.

use oss_errors::{Entry, Error};

/// The signature the server computed differs from the one sent.
pub(crate) fn signature_does_not_match() -> Error {
    Error::from(Entry::SignatureDoesNotMatch)
}

pub(crate) fn access_key_id_characters() -> Error {
    Error::from(Entry::AccessKeyIdBadChars)
}

pub(crate) fn access_key_id_unknown() -> Error {
    Error::from(Entry::AccessKeyIdUnknown)
}

pub(crate) fn authorization_empty() -> Error {
    Error::from(Entry::AuthorizationEmpty)
}

pub(crate) fn authorization_item_count() -> Error {
    Error::from(Entry::AuthorizationBadItemCount)
}

pub(crate) fn authorization_missing_part() -> Error {
    Error::from(Entry::AuthorizationMissingKeyOrSignature)
}

pub(crate) fn authorization_unknown_parameter() -> Error {
    Error::from(Entry::AuthorizationUnknownParameter)
}

pub(crate) fn authorization_invalid() -> Error {
    Error::from(Entry::AuthorizationInvalid)
}

pub(crate) fn signed_twice() -> Error {
    Error::from(Entry::SignatureInQueryAndHeader)
}

pub(crate) fn query_auth_incomplete() -> Error {
    Error::from(Entry::QueryAuthIncomplete)
}

pub(crate) fn access_denied() -> Error {
    Error::from(Entry::AccessDenied)
}

pub(crate) fn date_invalid() -> Error {
    Error::from(Entry::DateInvalid)
}

pub(crate) fn time_too_skewed() -> Error {
    Error::from(Entry::RequestTimeTooSkewed)
}
