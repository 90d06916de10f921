//! The header block of one form part: `Content-Disposition`, `Content-Type` and the rest.

use oss_errors::{Entry, Error};
use oss_naming::is_token_byte;

use super::param::{self, Param, trim};

/// The headers of one part, borrowed from the body.
///
/// `Content-Disposition` must be `form-data` with a `name`; quoted values are taken
/// literally up to the next double quote (browsers send Windows paths with raw
/// backslashes, so backslash is not an escape).
///
/// ```
/// use oss_multipart::PartHeaders;
///
/// let headers = PartHeaders::parse(
///     b"Content-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain",
/// )?;
/// assert_eq!(headers.name(), b"file");
/// assert_eq!(headers.filename(), Some(&b"a.txt"[..]));
/// assert_eq!(headers.content_type(), Some(&b"text/plain"[..]));
/// # Ok::<(), oss_errors::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartHeaders<'a> {
    name: &'a [u8],
    filename: Option<&'a [u8]>,
    content_type: Option<&'a [u8]>,
    block: &'a [u8],
}

impl<'a> PartHeaders<'a> {
    /// Parses a header block: `CRLF`-separated `Name: value` lines, without the blank line
    /// that ends the block.
    ///
    /// # Errors
    /// MalformedPOSTRequest for a line without a colon, an empty or non-token header name,
    /// a control byte (other than tab) in a value, a folded line, a repeated
    /// `Content-Disposition` or `Content-Type`, a disposition other than `form-data`, or no
    /// `name` parameter.
    ///
    /// ```
    /// use oss_multipart::PartHeaders;
    /// assert!(PartHeaders::parse(b"Content-Type: text/plain").is_err()); // no disposition
    /// ```
    pub fn parse(block: &'a [u8]) -> Result<Self, Error> {
        let mut disposition = None;
        let mut content_type = None;
        for line in HeaderLines::new(block) {
            let (name, value) = line?;
            let slot = if name.eq_ignore_ascii_case(b"content-disposition") {
                &mut disposition
            } else if name.eq_ignore_ascii_case(b"content-type") {
                &mut content_type
            } else {
                continue;
            };
            if slot.replace(value).is_some() {
                return Err(malformed());
            }
        }
        let (name, filename) = parse_disposition(disposition.ok_or_else(malformed)?)?;
        Ok(Self {
            name,
            filename,
            content_type,
            block,
        })
    }

    /// The field name (`name=` of `Content-Disposition`).
    #[must_use]
    pub const fn name(&self) -> &'a [u8] {
        self.name
    }

    /// The `filename=` of `Content-Disposition`, if any.
    #[must_use]
    pub const fn filename(&self) -> Option<&'a [u8]> {
        self.filename
    }

    /// The part's `Content-Type` value, if any.
    #[must_use]
    pub const fn content_type(&self) -> Option<&'a [u8]> {
        self.content_type
    }

    /// Every header line as `(name, value)`, in order, values trimmed.
    ///
    /// ```
    /// use oss_multipart::PartHeaders;
    /// let headers = PartHeaders::parse(b"Content-Disposition: form-data; name=a\r\nX-Extra:  1")?;
    /// let names: Vec<&[u8]> = headers.lines().map(|(name, _)| name).collect();
    /// assert_eq!(names, [&b"Content-Disposition"[..], b"X-Extra"]);
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    pub fn lines(&self) -> impl Iterator<Item = (&'a [u8], &'a [u8])> + 'a {
        // `parse` already checked every line, so none of them is an error here.
        HeaderLines::new(self.block).flatten()
    }
}

/// Splits a header block into checked `(name, value)` lines.
struct HeaderLines<'a> {
    rest: Option<&'a [u8]>,
}

impl<'a> HeaderLines<'a> {
    fn new(block: &'a [u8]) -> Self {
        Self {
            rest: (!block.is_empty()).then_some(block),
        }
    }
}

impl<'a> Iterator for HeaderLines<'a> {
    type Item = Result<(&'a [u8], &'a [u8]), Error>;

    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.rest?;
        let (line, next) = match memchr::memmem::find(rest, b"\r\n") {
            Some(at) => (&rest[..at], Some(&rest[at + 2..])),
            None => (rest, None),
        };
        self.rest = next;
        Some(split_line(line))
    }
}

fn split_line(line: &[u8]) -> Result<(&[u8], &[u8]), Error> {
    let colon = memchr::memchr(b':', line).ok_or_else(malformed)?;
    let name = &line[..colon];
    let value = &line[colon + 1..];
    if name.is_empty() || !name.iter().all(|&b| is_token_byte(b)) {
        return Err(malformed());
    }
    if value.iter().any(|&b| (b < b' ' && b != b'\t') || b == 0x7f) {
        return Err(malformed());
    }
    Ok((name, trim(value)))
}

/// `form-data; name="..."; filename="..."` → (name, filename).
fn parse_disposition(value: &[u8]) -> Result<(&[u8], Option<&[u8]>), Error> {
    let (kind, mut params) = param::split_first_item(value);
    if !kind.eq_ignore_ascii_case(b"form-data") {
        return Err(malformed());
    }
    let mut name = None;
    let mut filename = None;
    while !trim(params).is_empty() {
        let (key, param_value, rest) = next_param(params)?;
        params = rest;
        let slot = if key.eq_ignore_ascii_case(b"name") {
            &mut name
        } else if key.eq_ignore_ascii_case(b"filename") {
            &mut filename
        } else {
            continue;
        };
        if slot.replace(param_value).is_some() {
            return Err(malformed());
        }
    }
    Ok((name.ok_or_else(malformed)?, filename))
}

/// `key=value` off a `;`-separated list, the key a header token.
fn next_param(params: &[u8]) -> Result<Param<'_>, Error> {
    let (key, value, rest) = param::next_param(params).ok_or_else(malformed)?;
    if !key.iter().all(|&b| is_token_byte(b)) {
        return Err(malformed());
    }
    Ok((key, value, rest))
}

fn malformed() -> Error {
    Entry::PostBodyMalformed.into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::prelude::rust_2024::*;

    fn parse(block: &str) -> Result<(String, Option<String>, Option<String>), Error> {
        let text = |b: &[u8]| String::from_utf8(b.to_vec()).unwrap();
        PartHeaders::parse(block.as_bytes()).map(|h| {
            (
                text(h.name()),
                h.filename().map(text),
                h.content_type().map(text),
            )
        })
    }

    #[test]
    fn reads_name_filename_and_content_type() {
        let (name, filename, ct) =
            parse("Content-Disposition: form-data; name=\"file\"; filename=\"C:\\img\\a.png\"\r\nContent-Type: image/png").unwrap();
        assert_eq!(
            (name.as_str(), filename.as_deref(), ct.as_deref()),
            ("file", Some("C:\\img\\a.png"), Some("image/png"))
        );
        let (name, filename, ct) = parse("content-disposition:form-data;name=key").unwrap();
        assert_eq!((name.as_str(), filename, ct), ("key", None, None));
        let (name, ..) =
            parse("Content-Disposition: form-data; name=\"\"; filename*=UTF-8''x").unwrap();
        assert_eq!(name, "");
    }

    #[test]
    fn rejects_malformed_blocks() {
        for bad in [
            "",
            "Content-Type: text/plain",
            "Content-Disposition: attachment; name=\"a\"",
            "Content-Disposition: form-data",
            "Content-Disposition: form-data; filename=\"a\"",
            "Content-Disposition: form-data; name=\"a\"; name=\"b\"",
            "Content-Disposition: form-data; name=\"a",
            "Content-Disposition: form-data; name=\"a\"x",
            "Content-Disposition: form-data; name=\"a\"\r\nContent-Disposition: form-data; name=\"a\"",
            "Content-Disposition: form-data; name=\"a\"\r\nContent-Type: a\r\nContent-Type: b",
            "Content-Disposition: form-data; name=\"a\"\r\n continued",
            "Content-Disposition: form-data; name=\"a\"\r\nNo colon",
            "Content-Disposition: form-data; name=\"a\"\r\n: empty name",
            "Content-Disposition: form-data; name=\"a\"\r\nX: bell\x07",
            "Content-Disposition: form-data; name=\"a\"\r\n",
            "Content-Disposition: form-data; =a",
        ] {
            assert_eq!(
                parse(bad).map_err(|e| e.entry()),
                Err(Entry::PostBodyMalformed),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn lines_lists_every_header() {
        let headers =
            PartHeaders::parse(b"Content-Disposition: form-data; name=a\r\nX-A: 1\r\nX-B:2 ")
                .unwrap();
        let lines: Vec<_> = headers.lines().collect();
        assert_eq!(
            lines,
            [
                (&b"Content-Disposition"[..], &b"form-data; name=a"[..]),
                (b"X-A", b"1"),
                (b"X-B", b"2")
            ]
        );
    }
}
