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

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// A `fmt::Write` sink that base64-encodes what it receives into a fixed buffer; writing
/// past the end fails with `fmt::Error`.
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

    fn emit(&mut self, quad: [u8; 4]) -> fmt::Result {
        let slot = self.out.get_mut(self.len..self.len + 4).ok_or(fmt::Error)?;
        slot.copy_from_slice(&quad);
        self.len += 4;
        Ok(())
    }

    fn encode_group(&mut self, group: [u8; 3], used: usize) -> fmt::Result {
        let bits = u32::from(group[0]) << 16 | u32::from(group[1]) << 8 | u32::from(group[2]);
        let mut quad = [b'='; 4];
        for (i, slot) in quad.iter_mut().enumerate().take(used + 1) {
            *slot = ALPHABET[(bits >> (18 - 6 * i) & 0x3f) as usize];
        }
        self.emit(quad)
    }

    /// Flushes the last partial group with padding; returns the encoded text.
    pub(crate) fn finish(mut self) -> Result<&'o str, fmt::Error> {
        if self.pending_len > 0 {
            let mut group = [0; 3];
            group[..self.pending_len].copy_from_slice(&self.pending[..self.pending_len]);
            self.encode_group(group, self.pending_len)?;
        }
        let out: &'o [u8] = self.out;
        core::str::from_utf8(&out[..self.len]).map_err(|_| fmt::Error)
    }
}

impl fmt::Write for Base64Sink<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for &byte in s.as_bytes() {
            self.pending[self.pending_len] = byte;
            self.pending_len += 1;
            if self.pending_len == 3 {
                self.pending_len = 0;
                self.encode_group(self.pending, 3)?;
            }
        }
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

    #[test]
    fn sink_reports_overflow() {
        let mut out = [0u8; 4];
        let mut sink = Base64Sink::new(&mut out);
        assert!(sink.write_str("abcd").is_err() || sink.finish().is_err());
    }
}
