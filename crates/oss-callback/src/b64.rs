//! The base64 step: decoding into a caller's buffer, and a streaming encoder that writes
//! into one, so neither direction needs an allocator.

use core::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use oss_errors::{Entry, Error};

/// The checks both callback headers start with, in OSS's order: `value` is at most
/// `max_len` bytes (else `too_long`), is base64 (else `not_base64`), and decodes into `out`
/// as UTF-8 (else `not_utf8`). Returns the decoded length.
pub(crate) fn decode_utf8_into(
    value: &[u8],
    out: &mut [u8],
    max_len: usize,
    too_long: Entry,
    not_base64: Entry,
    not_utf8: Entry,
) -> Result<usize, Error> {
    if value.len() > max_len {
        return Err(too_long.into());
    }
    // Standard, padded base64; `value` is bounded above, so the decoded bytes always fit `out`.
    let len = STANDARD
        .decode_slice(value, out)
        .map_err(|_| Error::from(not_base64))?;
    if core::str::from_utf8(&out[..len]).is_err() {
        return Err(not_utf8.into());
    }
    Ok(len)
}

/// A `fmt::Write` sink that base64-encodes what it receives into a fixed buffer; writing
/// past the end fails with `fmt::Error`.
///
/// The `base64` crate does the encoding: whole 3-byte groups go straight from the written
/// text to `out`, and the at most 2 bytes of an unfinished group wait for the next write
/// (or for [`Base64Sink::finish`], which pads them).
pub(crate) struct Base64Sink<'o> {
    out: &'o mut [u8],
    len: usize,
    pending: [u8; 3],
    pending_len: usize,
}

impl<'o> Base64Sink<'o> {
    pub(crate) fn new(out: &'o mut [u8]) -> Self {
        Self {
            out,
            len: 0,
            pending: [0; 3],
            pending_len: 0,
        }
    }

    /// Encodes `bytes` after what is already in `out` (padded unless a multiple of 3).
    fn encode(&mut self, bytes: &[u8]) -> fmt::Result {
        let free = self.out.get_mut(self.len..).ok_or(fmt::Error)?;
        self.len += STANDARD.encode_slice(bytes, free).map_err(|_| fmt::Error)?;
        Ok(())
    }

    /// Flushes the last partial group with padding; returns the encoded text.
    pub(crate) fn finish(mut self) -> Result<&'o str, fmt::Error> {
        let pending = self.pending;
        self.encode(&pending[..self.pending_len])?;
        let out: &'o [u8] = self.out;
        core::str::from_utf8(&out[..self.len]).map_err(|_| fmt::Error)
    }
}

impl fmt::Write for Base64Sink<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let mut bytes = s.as_bytes();
        if self.pending_len > 0 {
            let take = bytes.len().min(3 - self.pending_len);
            let (head, tail) = bytes.split_at(take);
            self.pending[self.pending_len..self.pending_len + take].copy_from_slice(head);
            self.pending_len += take;
            bytes = tail;
            if self.pending_len < 3 {
                return Ok(());
            }
            self.pending_len = 0;
            let group = self.pending;
            self.encode(&group)?;
        }
        let (whole, rest) = bytes.split_at(bytes.len() / 3 * 3);
        self.encode(whole)?;
        self.pending[..rest.len()].copy_from_slice(rest);
        self.pending_len = rest.len();
        Ok(())
    }
}

/// Counts the bytes written through it.
#[derive(Default)]
pub(crate) struct Counter(pub(crate) usize);

impl fmt::Write for Counter {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0 += s.len();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::prelude::rust_2024::*;

    use core::fmt::Write as _;

    use super::*;

    #[test]
    fn sink_matches_the_base64_crate() {
        for text in [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "{\"callbackUrl\":\"x\"}",
            "\u{e9}\u{1f600}",
        ] {
            let mut out = [0u8; 64];
            let mut sink = Base64Sink::new(&mut out);
            // Split writes must not change the result.
            for piece in text.split_inclusive(|_| true) {
                sink.write_str(piece).unwrap();
            }
            let mut expected = [0u8; 64];
            let n = STANDARD.encode_slice(text, &mut expected).unwrap();
            assert_eq!(sink.finish().unwrap().as_bytes(), &expected[..n]);
        }
    }

    proptest::proptest! {
        #[test]
        fn any_split_matches_the_base64_crate(
            text in "\\PC{0,40}",
            cuts in proptest::collection::vec(0usize..64, 0..6),
        ) {
            let mut cuts: Vec<usize> = cuts
                .into_iter()
                .map(|c| c.min(text.len()))
                .filter(|&c| text.is_char_boundary(c))
                .collect();
            cuts.sort_unstable();
            let mut out = [0u8; 256];
            let mut sink = Base64Sink::new(&mut out);
            let mut from = 0;
            for cut in cuts.into_iter().chain([text.len()]) {
                sink.write_str(&text[from..cut]).unwrap();
                from = cut;
            }
            proptest::prop_assert_eq!(sink.finish().unwrap(), STANDARD.encode(&text));
        }
    }

    #[test]
    fn sink_reports_overflow() {
        let mut out = [0u8; 4];
        let mut sink = Base64Sink::new(&mut out);
        assert!(sink.write_str("abcd").is_err() || sink.finish().is_err());
    }
}
