//! `x-oss-persistent-headers`: `name:Base64Encode(value),name:Base64Encode(value)...`.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use oss_errors::{Entry, Error};

use crate::byte_class::{self, TOKEN};

/// Header names that cannot be set as persistent headers (compared case-insensitively).
///
/// OSS names Host, Content-MD5, Origin and Range; the rest are the headers that frame,
/// route or authenticate a request, which a stored header must not replace either. Use
/// [`parse_persistent_headers_with`] for another list.
pub const RESERVED_PERSISTENT_HEADERS: [&str; 17] = [
    "host",
    "content-md5",
    "origin",
    "range",
    "content-length",
    "transfer-encoding",
    "authorization",
    "date",
    "connection",
    "keep-alive",
    "te",
    "trailer",
    "upgrade",
    "expect",
    "proxy-authorization",
    "proxy-connection",
    "cookie",
];

/// Base64 characters decoded per step; a multiple of 4, so every step but the last is
/// whole groups.
const CHUNK: usize = 256;
/// Bytes one step decodes to.
const DECODED_CHUNK: usize = CHUNK / 4 * 3;

/// A checked `x-oss-persistent-headers` value, borrowed; iterate to read the headers.
///
/// ```
/// let headers = oss_naming::parse_persistent_headers("myheader1:bXl2YWx1ZTE=,myheader2:bXl2YWx1ZTI=")?;
/// let mut buf = [0u8; 16];
/// let first = headers.iter().next().expect("two headers");
/// assert_eq!(first.name(), "myheader1");
/// assert_eq!(first.decode_value(&mut buf), Some("myvalue1"));
/// assert_eq!(headers.iter().count(), 2);
/// # Ok::<(), oss_errors::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PersistentHeaders<'a> {
    raw: &'a str,
}

impl<'a> PersistentHeaders<'a> {
    /// The headers in order.
    ///
    /// ```
    /// let headers = oss_naming::parse_persistent_headers("a:,b:Yg==")?;
    /// let names: Vec<&str> = headers.iter().map(|h| h.name()).collect();
    /// assert_eq!(names, ["a", "b"]);
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = PersistentHeader<'a>> + 'a {
        // Checked at parse time: every item has a `:`.
        self.raw
            .split(',')
            .filter_map(|item| item.split_once(':'))
            .map(|(name, encoded_value)| PersistentHeader {
                name,
                encoded_value,
            })
    }
}

/// One persistent header: a valid token name and a base64 value whose decoded bytes are
/// UTF-8 without CR or LF.
///
/// ```
/// let headers = oss_naming::parse_persistent_headers("x-note:aGk=")?;
/// let header = headers.iter().next().expect("one header");
/// assert_eq!(header.encoded_value(), "aGk=");
/// assert_eq!(header.decoded_len(), 2);
/// # Ok::<(), oss_errors::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PersistentHeader<'a> {
    name: &'a str,
    encoded_value: &'a str,
}

impl<'a> PersistentHeader<'a> {
    /// The header name, as written.
    ///
    /// ```
    /// let headers = oss_naming::parse_persistent_headers("X-Mine:")?;
    /// assert_eq!(headers.iter().next().map(|h| h.name()), Some("X-Mine"));
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    #[must_use]
    pub const fn name(&self) -> &'a str {
        self.name
    }

    /// The value, still base64-encoded.
    ///
    /// ```
    /// let headers = oss_naming::parse_persistent_headers("a:YQ==")?;
    /// assert_eq!(headers.iter().next().map(|h| h.encoded_value()), Some("YQ=="));
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    #[must_use]
    pub const fn encoded_value(&self) -> &'a str {
        self.encoded_value
    }

    /// The length of the decoded value in bytes.
    ///
    /// ```
    /// let headers = oss_naming::parse_persistent_headers("a:YWJj")?;
    /// assert_eq!(headers.iter().next().map(|h| h.decoded_len()), Some(3));
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    #[must_use]
    pub fn decoded_len(&self) -> usize {
        let padding = self
            .encoded_value
            .bytes()
            .rev()
            .take_while(|&b| b == b'=')
            .count();
        self.encoded_value.len() / 4 * 3 - padding
    }

    /// Decodes the value into `buf` and returns it, or `None` when `buf` is too small
    /// (see [`PersistentHeader::decoded_len`]).
    ///
    /// ```
    /// let headers = oss_naming::parse_persistent_headers("a:5Lit5paH")?;
    /// let header = headers.iter().next().expect("one header");
    /// assert_eq!(header.decode_value(&mut [0u8; 6]), Some("中文"));
    /// assert_eq!(header.decode_value(&mut [0u8; 5]), None);
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    #[must_use]
    pub fn decode_value<'b>(&self, buf: &'b mut [u8]) -> Option<&'b str> {
        let out = buf.get_mut(..self.decoded_len())?;
        let len = STANDARD
            .decode_slice_unchecked(self.encoded_value, out)
            .ok()?;
        core::str::from_utf8(out.get(..len)?).ok()
    }

    /// Checks that a standard request header sent with the same name carries the same
    /// value.
    ///
    /// ```
    /// let headers = oss_naming::parse_persistent_headers("Content-Type:dGV4dC9wbGFpbg==")?;
    /// let header = headers.iter().next().expect("one header");
    /// assert!(header.check_request_value("text/plain").is_ok());
    /// assert!(header.check_request_value("text/html").is_err());
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    ///
    /// # Errors
    /// `InvalidArgument` "The header value specified by persistent header is not equal to
    /// reqeust header value" when the values differ.
    pub fn check_request_value(&self, request_value: &str) -> Result<(), Error> {
        let mut rest = request_value.as_bytes();
        let mismatch = Error::new(Entry::PersistentHeaderValueMismatch);
        for_each_decoded_chunk(self.encoded_value.as_bytes(), |chunk| {
            match rest.split_at_checked(chunk.len()) {
                Some((head, tail)) if head == chunk => {
                    rest = tail;
                    Ok(())
                }
                _ => Err(mismatch),
            }
        })?;
        if rest.is_empty() {
            Ok(())
        } else {
            Err(mismatch)
        }
    }
}

/// Parses and checks an `x-oss-persistent-headers` value against the reserved names in
/// [`RESERVED_PERSISTENT_HEADERS`].
///
/// ```
/// use oss_errors::Entry;
/// use oss_naming::parse_persistent_headers;
///
/// assert!(parse_persistent_headers("myheader1:bXl2YWx1ZTE=").is_ok());
/// assert_eq!(parse_persistent_headers("myheader1").unwrap_err().entry(), Entry::PersistentHeaderInvalid);
/// assert_eq!(parse_persistent_headers("Host:YQ==").unwrap_err().entry(), Entry::PersistentHeaderReserved);
/// assert_eq!(parse_persistent_headers("a b:YQ==").unwrap_err().entry(), Entry::PersistentHeaderNameInvalid);
/// assert_eq!(parse_persistent_headers("a:YQ").unwrap_err().entry(), Entry::PersistentHeaderInvalid);
/// assert_eq!(parse_persistent_headers("a:/w==").unwrap_err().entry(), Entry::PersistentHeaderValueNotUtf8);
/// assert_eq!(parse_persistent_headers("a:YQ0K").unwrap_err().entry(), Entry::PersistentHeaderValueHasCrLf);
/// ```
///
/// # Errors
/// `InvalidArgument` with one of the persistent-header messages: the format (an empty
/// value, an empty item, an item without `:` or with an empty name), a name that is not an
/// RFC 7230 token, a reserved name, a value that is not padded standard base64, a decoded
/// value that is not UTF-8, or one that contains CR or LF.
pub fn parse_persistent_headers(value: &str) -> Result<PersistentHeaders<'_>, Error> {
    parse_persistent_headers_with(value, &RESERVED_PERSISTENT_HEADERS)
}

/// [`parse_persistent_headers`] with your own list of reserved names.
///
/// ```
/// use oss_naming::parse_persistent_headers_with;
/// assert!(parse_persistent_headers_with("Host:YQ==", &[]).is_ok());
/// assert!(parse_persistent_headers_with("X-Mine:YQ==", &["x-mine"]).is_err());
/// ```
///
/// # Errors
/// As [`parse_persistent_headers`].
pub fn parse_persistent_headers_with<'a>(
    value: &'a str,
    reserved: &[&str],
) -> Result<PersistentHeaders<'a>, Error> {
    if value.is_empty() {
        return Err(Error::new(Entry::PersistentHeaderInvalid));
    }
    for item in value.split(',') {
        let Some((name, encoded)) = item.split_once(':') else {
            return Err(Error::new(Entry::PersistentHeaderInvalid));
        };
        if name.is_empty() {
            return Err(Error::new(Entry::PersistentHeaderInvalid));
        }
        if !name.bytes().all(|b| byte_class::is(b, TOKEN)) {
            return Err(Error::new(Entry::PersistentHeaderNameInvalid));
        }
        if reserved.iter().any(|r| r.eq_ignore_ascii_case(name)) {
            return Err(Error::new(Entry::PersistentHeaderReserved));
        }
        check_value(encoded.as_bytes())?;
    }
    Ok(PersistentHeaders { raw: value })
}

/// Decodes `encoded` a chunk at a time into a stack buffer and hands each chunk to `each`.
fn for_each_decoded_chunk(
    encoded: &[u8],
    mut each: impl FnMut(&[u8]) -> Result<(), Error>,
) -> Result<(), Error> {
    // Chunks are decoded separately, so padding that ends a middle chunk would pass
    // unnoticed: padding belongs in the last two characters only.
    let body = &encoded[..encoded.len().saturating_sub(2)];
    if !encoded.len().is_multiple_of(4) || body.contains(&b'=') {
        return Err(Error::new(Entry::PersistentHeaderInvalid));
    }
    let mut buf = [0u8; DECODED_CHUNK];
    for chunk in encoded.chunks(CHUNK) {
        let len = STANDARD
            .decode_slice_unchecked(chunk, &mut buf)
            .map_err(|_| Error::new(Entry::PersistentHeaderInvalid))?;
        each(&buf[..len])?;
    }
    Ok(())
}

/// Checks that `encoded` is base64 of UTF-8 text without CR or LF.
fn check_value(encoded: &[u8]) -> Result<(), Error> {
    // Up to 3 bytes of a character split across chunks, carried into the next chunk.
    let mut carry = [0u8; 3];
    let mut carried = 0;
    let mut work = [0u8; 3 + DECODED_CHUNK];
    for_each_decoded_chunk(encoded, |chunk| {
        if chunk.contains(&b'\r') || chunk.contains(&b'\n') {
            return Err(Error::new(Entry::PersistentHeaderValueHasCrLf));
        }
        work[..carried].copy_from_slice(&carry[..carried]);
        let len = carried + chunk.len();
        work[carried..len].copy_from_slice(chunk);
        carried = match core::str::from_utf8(&work[..len]) {
            Ok(_) => 0,
            Err(err) if err.error_len().is_none() => {
                let tail = &work[err.valid_up_to()..len];
                carry[..tail.len()].copy_from_slice(tail);
                tail.len()
            }
            Err(_) => return Err(Error::new(Entry::PersistentHeaderValueNotUtf8)),
        };
        Ok(())
    })?;
    if carried == 0 {
        Ok(())
    } else {
        Err(Error::new(Entry::PersistentHeaderValueNotUtf8))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::string::String;

    fn entry(value: &str) -> Option<Entry> {
        parse_persistent_headers(value).err().map(Error::entry)
    }

    #[test]
    fn format_rules() {
        assert_eq!(entry(""), Some(Entry::PersistentHeaderInvalid));
        assert_eq!(entry("a:YQ==,"), Some(Entry::PersistentHeaderInvalid));
        assert_eq!(entry(":YQ=="), Some(Entry::PersistentHeaderInvalid));
        assert_eq!(entry("a:"), None, "an empty value is base64 of nothing");
        assert_eq!(entry("a(b):YQ=="), Some(Entry::PersistentHeaderNameInvalid));
        assert_eq!(entry("RANGE:YQ=="), Some(Entry::PersistentHeaderReserved));
        assert_eq!(entry("a:YQ=:"), Some(Entry::PersistentHeaderInvalid));
        assert_eq!(entry("a:Y==="), Some(Entry::PersistentHeaderInvalid));
        let padded_mid_chunk = std::format!("a:{}YQ=={}", "A".repeat(252), "YQ==");
        assert_eq!(
            entry(&padded_mid_chunk),
            Some(Entry::PersistentHeaderInvalid)
        );
    }

    #[test]
    fn long_values_split_characters_across_chunks() {
        // 193 bytes: the last `中` straddles the first 192-byte chunk boundary.
        let text: String = std::iter::once('a')
            .chain(std::iter::repeat_n('中', 64))
            .collect();
        let value = std::format!("k:{}", STANDARD.encode(&text));
        let headers = parse_persistent_headers(&value).expect("valid");
        let header = headers.iter().next().expect("one");
        assert!(header.check_request_value(&text).is_ok());
        assert!(header.check_request_value(&text[..text.len() - 3]).is_err());
        let mut buf = [0u8; 300];
        assert_eq!(header.decode_value(&mut buf), Some(text.as_str()));
        let cut = std::format!("k:{}", STANDARD.encode(&text.as_bytes()[..text.len() - 1]));
        assert_eq!(entry(&cut), Some(Entry::PersistentHeaderValueNotUtf8));
    }

    proptest! {
        #[test]
        fn round_trips_any_text_without_newlines(text in "[^\r\n]{0,400}") {
            let value = std::format!("x-a:{}", STANDARD.encode(&text));
            let headers = parse_persistent_headers(&value).expect("valid");
            let header = headers.iter().next().expect("one");
            let mut buf = [0u8; 2048];
            prop_assert_eq!(header.decode_value(&mut buf), Some(text.as_str()));
            prop_assert!(header.check_request_value(&text).is_ok());
        }

        #[test]
        fn bytes_agree_with_model(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            let value = std::format!("x-a:{}", STANDARD.encode(&bytes));
            let expected = match std::str::from_utf8(&bytes) {
                Err(_) => Some(Entry::PersistentHeaderValueNotUtf8),
                Ok(text) if text.contains(['\r', '\n']) => Some(Entry::PersistentHeaderValueHasCrLf),
                Ok(_) => None,
            };
            let got = entry(&value);
            // A chunk with CR or LF can be seen before invalid UTF-8 in a later chunk.
            if expected == Some(Entry::PersistentHeaderValueNotUtf8) && got == Some(Entry::PersistentHeaderValueHasCrLf) {
                prop_assert!(bytes.contains(&b'\r') || bytes.contains(&b'\n'));
            } else {
                prop_assert_eq!(got, expected);
            }
        }

        #[test]
        fn never_panics(value in any::<String>()) {
            let _ = parse_persistent_headers(&value);
        }
    }
}
