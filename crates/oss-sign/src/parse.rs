//! Reading an `Authorization` header value.

use oss_errors::{Entry, Error};

/// The parts of a V1 `Authorization: OSS <AccessKeyId>:<Signature>` value, borrowed.
///
/// ```
/// use oss_sign::ParsedAuthorization;
/// let auth = ParsedAuthorization::parse(b"OSS ak:kSHKmLxlyEAKtZPkJhG9bZb5k7M=")?;
/// assert_eq!(auth.access_key_id(), "ak");
/// assert_eq!(auth.signature(), b"kSHKmLxlyEAKtZPkJhG9bZb5k7M=");
/// # Ok::<(), oss_errors::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParsedAuthorization<'a> {
    access_key_id: &'a str,
    signature: &'a [u8],
}

/// The parameter names of the newer schemes (`OSS2`, `OSS4-HMAC-SHA256`), so a value of
/// those shapes is told apart from garbage.
const NEWER_SCHEME_PARAMETERS: &[&[u8]] = &[
    b"AccessKeyId",
    b"AdditionalHeaders",
    b"Credential",
    b"Signature",
];

impl<'a> ParsedAuthorization<'a> {
    /// Parses an `Authorization` header value the way OSS reports problems with it.
    ///
    /// - empty (or only spaces) → "Authorization header value is empty";
    /// - `OSS` followed by anything but exactly one `AccessKeyId:Signature` item →
    ///   "Authorization header is invalid, bad num of Items in Authorization header";
    /// - an empty AccessKeyId or Signature, or no `:` → "AccessKeyId or Signature is
    ///   missing in Authorization header value";
    /// - a newer scheme (`OSS2`, `OSS4-HMAC-SHA256`) with a parameter it does not have →
    ///   "Unknown parameter in Authorization header";
    /// - anything else, including well-formed newer schemes, which this crate does not
    ///   verify → "Authorization header is invalid".
    ///
    /// The AccessKeyId's characters are checked later, by verification.
    ///
    /// # Errors
    /// The `InvalidArgument` entries above.
    ///
    /// ```
    /// use oss_sign::ParsedAuthorization;
    /// let err = ParsedAuthorization::parse(b"OSS ak:").unwrap_err();
    /// assert_eq!(err.to_string(), "AccessKeyId or Signature is missing in Authorization header value");
    /// let err = ParsedAuthorization::parse(b"OSS ak: sig").unwrap_err();
    /// assert_eq!(err.to_string(), "Authorization header is invalid, bad num of Items in Authorization header");
    /// ```
    pub fn parse(value: &'a [u8]) -> Result<Self, Error> {
        let value = value.trim_ascii();
        if value.is_empty() {
            return Err(Entry::AuthorizationEmpty.into());
        }
        let mut items = value.split(|b| *b == b' ').filter(|item| !item.is_empty());
        let scheme = items.next().unwrap_or_default();
        match scheme {
            b"OSS" => {
                let (Some(credential), None) = (items.next(), items.next()) else {
                    return Err(Entry::AuthorizationBadItemCount.into());
                };
                Self::parse_credential(credential)
            }
            b"OSS2" | b"OSS4-HMAC-SHA256" => {
                let rest = value[scheme.len()..].trim_ascii();
                Err(check_newer_parameters(rest))
            }
            _ => Err(Entry::AuthorizationInvalid.into()),
        }
    }

    fn parse_credential(credential: &'a [u8]) -> Result<Self, Error> {
        // Neither part may contain `:`. Splitting at the last one leaves any other in the
        // id, whose character check then reports it.
        let Some(colon) = credential.iter().rposition(|b| *b == b':') else {
            return Err(Entry::AuthorizationMissingKeyOrSignature.into());
        };
        let (id, signature) = (&credential[..colon], &credential[colon + 1..]);
        if id.is_empty() || signature.is_empty() {
            return Err(Entry::AuthorizationMissingKeyOrSignature.into());
        }
        let access_key_id =
            core::str::from_utf8(id).map_err(|_| Error::from(Entry::AccessKeyIdBadChars))?;
        Ok(Self {
            access_key_id,
            signature,
        })
    }

    /// The AccessKeyId (its characters are not checked yet).
    #[must_use]
    pub const fn access_key_id(&self) -> &'a str {
        self.access_key_id
    }

    /// The signature as sent.
    #[must_use]
    pub const fn signature(&self) -> &'a [u8] {
        self.signature
    }
}

/// The error for a newer-scheme value: an unknown or missing parameter, else "invalid"
/// (this crate verifies V1 only).
fn check_newer_parameters(rest: &[u8]) -> Error {
    if rest.is_empty() {
        return Entry::AuthorizationBadItemCount.into();
    }
    for parameter in rest.split(|b| *b == b',') {
        let parameter = parameter.trim_ascii();
        let name = parameter
            .split(|b| *b == b'=' || *b == b':')
            .next()
            .unwrap_or_default();
        if !NEWER_SCHEME_PARAMETERS.contains(&name) {
            return Entry::AuthorizationUnknownParameter.into();
        }
    }
    Entry::AuthorizationInvalid.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(value: &[u8]) -> Entry {
        ParsedAuthorization::parse(value).unwrap_err().entry()
    }

    #[test]
    fn every_seed_message_is_reachable() {
        assert_eq!(entry(b""), Entry::AuthorizationEmpty);
        assert_eq!(entry(b"   "), Entry::AuthorizationEmpty);
        assert_eq!(entry(b"OSS"), Entry::AuthorizationBadItemCount);
        assert_eq!(entry(b"OSS a:b c"), Entry::AuthorizationBadItemCount);
        assert_eq!(entry(b"OSS ak"), Entry::AuthorizationMissingKeyOrSignature);
        assert_eq!(
            entry(b"OSS :sig"),
            Entry::AuthorizationMissingKeyOrSignature
        );
        assert_eq!(entry(b"Bearer xyz"), Entry::AuthorizationInvalid);
        assert_eq!(
            entry(b"OSS4-HMAC-SHA256 Credential=a/b, Foo=1, Signature=x"),
            Entry::AuthorizationUnknownParameter
        );
        assert_eq!(
            entry(b"OSS4-HMAC-SHA256 Credential=a/b, Signature=x"),
            Entry::AuthorizationInvalid
        );
        assert_eq!(entry(b"OSS2"), Entry::AuthorizationBadItemCount);
    }

    #[test]
    fn surrounding_and_repeated_spaces_are_tolerated() {
        let auth = ParsedAuthorization::parse(b"  OSS   ak:sig= ").unwrap();
        assert_eq!(
            (auth.access_key_id(), auth.signature()),
            ("ak", &b"sig="[..])
        );
    }
}
