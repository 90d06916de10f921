//! Percent-encoding and -decoding, streaming and allocation-free.

use core::fmt;

/// Whether `byte` is an RFC 3986 unreserved character (never percent-encoded).
const fn is_unreserved(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~')
}

const HEX_UPPER: &[u8; 16] = b"0123456789ABCDEF";

/// Writes `bytes` percent-encoded for a URL query component: everything but the RFC 3986
/// unreserved characters becomes `%XX` (upper-case hex), so `+` → `%2B`, `/` → `%2F`,
/// `=` → `%3D` and a space → `%20`.
///
/// # Errors
/// Whatever `out` returns.
///
/// ```
/// let mut out = String::new();
/// oss_sign::percent_encode_component(b"a+b/c= d", &mut out).unwrap();
/// assert_eq!(out, "a%2Bb%2Fc%3D%20d");
/// ```
pub fn percent_encode_component(bytes: &[u8], out: &mut impl fmt::Write) -> fmt::Result {
    encode(bytes, out, false)
}

/// Writes an object key percent-encoded for a URL path: like
/// [`percent_encode_component`] but `/` is kept.
///
/// # Errors
/// Whatever `out` returns.
///
/// ```
/// let mut out = String::new();
/// oss_sign::percent_encode_path(b"dir/key+123 x.txt", &mut out).unwrap();
/// assert_eq!(out, "dir/key%2B123%20x.txt");
/// ```
pub fn percent_encode_path(bytes: &[u8], out: &mut impl fmt::Write) -> fmt::Result {
    encode(bytes, out, true)
}

fn encode(bytes: &[u8], out: &mut impl fmt::Write, keep_slash: bool) -> fmt::Result {
    let mut rest = bytes;
    while !rest.is_empty() {
        let plain = rest
            .iter()
            .position(|&b| !(is_unreserved(b) || (keep_slash && b == b'/')))
            .unwrap_or(rest.len());
        let (run, tail) = rest.split_at(plain);
        // The run is ASCII, hence UTF-8.
        out.write_str(core::str::from_utf8(run).map_err(|_| fmt::Error)?)?;
        if let Some((&byte, tail)) = tail.split_first() {
            let escaped = [
                b'%',
                HEX_UPPER[usize::from(byte >> 4)],
                HEX_UPPER[usize::from(byte & 0xF)],
            ];
            out.write_str(core::str::from_utf8(&escaped).map_err(|_| fmt::Error)?)?;
            rest = tail;
        } else {
            rest = tail;
        }
    }
    Ok(())
}

const fn hex_value(byte: u8) -> Option<u8> {
    match byte {
        b'0'..=b'9' => Some(byte - b'0'),
        b'a'..=b'f' => Some(byte - b'a' + 10),
        b'A'..=b'F' => Some(byte - b'A' + 10),
        _ => None,
    }
}

/// How `+` is read when decoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Plus {
    /// `+` stays `+` (RFC 3986 decoding, for paths).
    Literal,
    /// `+` is a space (HTML-form decoding, which OSS applies to query strings).
    Space,
}

/// The bytes of a percent-encoded text, decoded one at a time: `%XX` becomes the byte,
/// `+` follows [`Plus`], and a `%` not followed by two hex digits stays as it is.
///
/// ```
/// use oss_sign::{PercentDecode, Plus};
/// let decoded: Vec<u8> = PercentDecode::new(b"a%2Bb+c%zz", Plus::Space).collect();
/// assert_eq!(decoded, b"a+b c%zz");
/// ```
#[derive(Clone, Debug)]
pub struct PercentDecode<'a> {
    rest: &'a [u8],
    plus: Plus,
}

impl<'a> PercentDecode<'a> {
    /// Decodes `encoded`.
    #[must_use]
    pub const fn new(encoded: &'a [u8], plus: Plus) -> Self {
        Self {
            rest: encoded,
            plus,
        }
    }

    /// The longest prefix of what is left that decodes to itself (no `%`, and no `+`
    /// when `+` means a space); it is consumed.
    pub(crate) fn take_plain_run(&mut self) -> &'a [u8] {
        let plus_is_special = self.plus == Plus::Space;
        let len = self
            .rest
            .iter()
            .position(|&b| b == b'%' || (plus_is_special && b == b'+'))
            .unwrap_or(self.rest.len());
        let (run, rest) = self.rest.split_at(len);
        self.rest = rest;
        run
    }
}

impl Iterator for PercentDecode<'_> {
    type Item = u8;

    fn next(&mut self) -> Option<u8> {
        let (&first, rest) = self.rest.split_first()?;
        match first {
            b'%' => {
                if let [hi, lo, tail @ ..] = rest
                    && let (Some(hi), Some(lo)) = (hex_value(*hi), hex_value(*lo))
                {
                    self.rest = tail;
                    return Some(hi << 4 | lo);
                }
                self.rest = rest;
                Some(b'%')
            }
            b'+' if self.plus == Plus::Space => {
                self.rest = rest;
                Some(b' ')
            }
            _ => {
                self.rest = rest;
                Some(first)
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.rest.len().div_ceil(3), Some(self.rest.len()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::String;
    use alloc::vec::Vec;

    #[test]
    fn encode_every_byte_then_decode_back() {
        let all: Vec<u8> = (0..=255u8).collect();
        let mut encoded = String::new();
        percent_encode_component(&all, &mut encoded).unwrap();
        let decoded: Vec<u8> = PercentDecode::new(encoded.as_bytes(), Plus::Space).collect();
        assert_eq!(decoded, all);
    }

    #[test]
    fn truncated_escapes_stay_literal() {
        let decoded: Vec<u8> = PercentDecode::new(b"%4", Plus::Literal).collect();
        assert_eq!(decoded, b"%4");
        let decoded: Vec<u8> = PercentDecode::new(b"a+%", Plus::Literal).collect();
        assert_eq!(decoded, b"a+%");
    }
}
