//! The boundary of a `multipart/form-data` body, taken from the request's `Content-Type`.

use memchr::memmem::Finder;
use oss_errors::{Entry, Error};

use super::param::{next_param, split_first_item};

/// The longest boundary RFC 2046 allows: 70 characters.
pub const MAX_BOUNDARY_LEN: usize = 70;

/// `CRLF "--"`: what precedes the boundary in every delimiter line.
const DELIMITER_PREFIX: &[u8] = b"\r\n--";

/// The longest delimiter: `CRLF "--"` and the boundary.
const MAX_DELIMITER_LEN: usize = DELIMITER_PREFIX.len() + MAX_BOUNDARY_LEN;

/// A form boundary, stored as the delimiter `CRLF "--" boundary` the parser searches for.
///
/// It owns its bytes (no allocation), so it can outlive the `Content-Type` value it came
/// from; a [`FormParser`](crate::FormParser) borrows it.
///
/// ```
/// use oss_multipart::Boundary;
///
/// let boundary = Boundary::from_content_type(b"multipart/form-data; boundary=9431149156168")?;
/// assert_eq!(boundary.as_bytes(), b"9431149156168");
/// # Ok::<(), oss_errors::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Boundary {
    delimiter: heapless::Vec<u8, MAX_DELIMITER_LEN>,
}

impl Boundary {
    /// A boundary from its bare value (without the leading `--`).
    ///
    /// The value must be 1 to 70 bytes of visible ASCII or spaces, not ending in a space
    /// (RFC 2046 is stricter about the characters; clients are not).
    ///
    /// # Errors
    /// RequestIsNotMultiPartContent when the value is empty, too long or holds a control
    /// byte, a non-ASCII byte or a double quote.
    ///
    /// ```
    /// use oss_multipart::Boundary;
    /// assert!(Boundary::new(b"----WebKitFormBoundary7MA4YWxkTrZu0gW").is_ok());
    /// assert!(Boundary::new(b"").is_err());
    /// ```
    pub fn new(value: &[u8]) -> Result<Self, Error> {
        let fits = !value.is_empty() && value.len() <= MAX_BOUNDARY_LEN;
        let clean = value
            .iter()
            .all(|&b| (b' '..=b'~').contains(&b) && b != b'"');
        if !fits || !clean || value.ends_with(b" ") {
            return Err(not_multipart());
        }
        let mut delimiter = heapless::Vec::new();
        delimiter
            .extend_from_slice(DELIMITER_PREFIX)
            .and_then(|()| delimiter.extend_from_slice(value))
            .map_err(|_| not_multipart())?;
        Ok(Self { delimiter })
    }

    /// The boundary named by a `Content-Type` header value: `multipart/form-data` (any case)
    /// with exactly one `boundary` parameter, as a token or a quoted string.
    ///
    /// # Errors
    /// RequestIsNotMultiPartContent ("Bucket POST must be of the enclosure-type
    /// multipart/form-data.") for any other media type, a missing, empty, repeated or
    /// unusable boundary, or a malformed parameter list.
    ///
    /// ```
    /// use oss_multipart::Boundary;
    /// use oss_errors::Code;
    ///
    /// let quoted = Boundary::from_content_type(b"Multipart/Form-Data;boundary=\"a b\"")?;
    /// assert_eq!(quoted.as_bytes(), b"a b");
    /// let err = Boundary::from_content_type(b"application/json").unwrap_err();
    /// assert_eq!(err.code(), Code::RequestIsNotMultiPartContent);
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    pub fn from_content_type(value: &[u8]) -> Result<Self, Error> {
        let (media_type, mut params) = split_first_item(value);
        if !media_type.eq_ignore_ascii_case(b"multipart/form-data") {
            return Err(not_multipart());
        }
        let mut boundary = None;
        while !params.is_empty() {
            let (name, param_value, rest) = next_param(params).ok_or_else(not_multipart)?;
            params = rest;
            if name.eq_ignore_ascii_case(b"boundary") {
                if boundary.is_some() {
                    return Err(not_multipart());
                }
                boundary = Some(param_value);
            }
        }
        Self::new(boundary.ok_or_else(not_multipart)?)
    }

    /// The boundary value, without the leading `--`.
    ///
    /// ```
    /// use oss_multipart::Boundary;
    /// assert_eq!(Boundary::new(b"xyz")?.as_bytes(), b"xyz");
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    #[must_use]
    pub fn as_bytes(&self) -> &[u8] {
        &self.delimiter()[DELIMITER_PREFIX.len()..]
    }

    /// The delimiter the body is split on: `CRLF "--"` and the boundary.
    pub(crate) fn delimiter(&self) -> &[u8] {
        &self.delimiter
    }

    /// A searcher for the delimiter, built once per parser.
    pub(crate) fn finder(&self) -> Finder<'_> {
        Finder::new(self.delimiter())
    }
}

impl core::fmt::Debug for Boundary {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_tuple("Boundary")
            .field(&self.as_bytes().escape_ascii())
            .finish()
    }
}

fn not_multipart() -> Error {
    Entry::RequestIsNotMultiPartContent.into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use oss_errors::Code;
    use std::prelude::rust_2024::*;

    fn boundary(content_type: &str) -> Result<Vec<u8>, Code> {
        Boundary::from_content_type(content_type.as_bytes())
            .map(|b| b.as_bytes().to_vec())
            .map_err(|e| e.code())
    }

    #[test]
    fn accepts_the_forms_clients_send() {
        for (content_type, want) in [
            (
                "multipart/form-data; boundary=9431149156168",
                &b"9431149156168"[..],
            ),
            ("multipart/form-data;boundary=abc", b"abc"),
            ("MULTIPART/FORM-DATA; BOUNDARY=abc", b"abc"),
            (
                "multipart/form-data; charset=utf-8; boundary=\"x;y\"",
                b"x;y",
            ),
            ("multipart/form-data; boundary=abc ; charset=utf-8", b"abc"),
            (" multipart/form-data ; boundary = abc", b"abc"),
        ] {
            assert_eq!(boundary(content_type).unwrap(), want, "{content_type}");
        }
    }

    #[test]
    fn rejects_everything_else_with_request_is_not_multipart_content() {
        for bad in [
            "",
            "multipart/form-data",
            "multipart/form-data;",
            "multipart/form-data; boundary=",
            "multipart/form-data; boundary=\"\"",
            "multipart/form-data; boundary=\"abc",
            "multipart/form-data; boundary=\"abc\"x",
            "multipart/form-data; boundary=a; boundary=b",
            "multipart/mixed; boundary=abc",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary",
            "multipart/form-data; =abc",
            "multipart/form-data; boundary=abc\r\n",
        ] {
            assert_eq!(
                boundary(bad),
                Err(Code::RequestIsNotMultiPartContent),
                "{bad:?}"
            );
        }
        let long = format!("multipart/form-data; boundary={}", "a".repeat(71));
        assert_eq!(boundary(&long), Err(Code::RequestIsNotMultiPartContent));
        let longest = format!("multipart/form-data; boundary={}", "a".repeat(70));
        assert_eq!(boundary(&longest).unwrap().len(), 70);
    }

    #[test]
    fn the_delimiter_is_crlf_dashes_and_boundary() {
        assert_eq!(Boundary::new(b"b").unwrap().delimiter(), b"\r\n--b");
    }
}
