//! Reading an `Authorization` header value.

use oss_errors::Error;

use crate::errors;
use crate::signature::SIGNATURE_LEN;

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
        // The usual shape, `OSS id:signature` with single spaces, skips the item split.
        if let Some(credential) = value.strip_prefix(b"OSS ")
            && credential.first().is_some_and(|byte| *byte != b' ')
            && !has_byte(credential, b' ')
        {
            return Self::parse_credential(credential);
        }
        if value.is_empty() {
            return Err(errors::authorization_empty());
        }
        let mut items = value.split(|b| *b == b' ').filter(|item| !item.is_empty());
        let scheme = items.next().unwrap_or_default();
        match scheme {
            b"OSS" => {
                let (Some(credential), None) = (items.next(), items.next()) else {
                    return Err(errors::authorization_item_count());
                };
                Self::parse_credential(credential)
            }
            b"OSS2" | b"OSS4-HMAC-SHA256" => {
                let rest = value[scheme.len()..].trim_ascii();
                Err(check_newer_parameters(rest))
            }
            _ => Err(errors::authorization_invalid()),
        }
    }

    fn parse_credential(credential: &'a [u8]) -> Result<Self, Error> {
        // A V1 signature is 28 base64 bytes (no `:`): look for the colon before them first.
        let usual = credential
            .len()
            .checked_sub(SIGNATURE_LEN + 1)
            .filter(|&at| credential[at] == b':' && !has_byte(&credential[at + 1..], b':'));
        let Some(colon) = usual.or_else(|| credential.iter().rposition(|b| *b == b':')) else {
            return Err(errors::authorization_missing_part());
        };
        let (id, signature) = (&credential[..colon], &credential[colon + 1..]);
        if id.is_empty() || signature.is_empty() {
            return Err(errors::authorization_missing_part());
        }
        let access_key_id =
            core::str::from_utf8(id).map_err(|_| errors::access_key_id_characters())?;
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

/// Whether `bytes` contains `needle`, looked for without an early exit: for the short
/// pieces of an `Authorization` value the whole-slice loop is vectorised and beats a
/// `memchr` call.
fn has_byte(bytes: &[u8], needle: u8) -> bool {
    bytes
        .iter()
        .fold(false, |found, byte| found | (*byte == needle))
}

/// The error for a newer-scheme value: an unknown or missing parameter, else "invalid"
/// (this crate verifies V1 only).
fn check_newer_parameters(rest: &[u8]) -> Error {
    if rest.is_empty() {
        return errors::authorization_item_count();
    }
    for parameter in rest.split(|b| *b == b',') {
        let parameter = parameter.trim_ascii();
        let name = parameter
            .split(|b| *b == b'=' || *b == b':')
            .next()
            .unwrap_or_default();
        if !NEWER_SCHEME_PARAMETERS.contains(&name) {
            return errors::authorization_unknown_parameter();
        }
    }
    errors::authorization_invalid()
}

#[cfg(test)]
mod tests {
    use super::*;
    use oss_errors::Entry;

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
