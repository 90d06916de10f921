//! Borrowed text that is either already decoded or still percent-encoded.

use core::cmp::Ordering;
use core::iter::Copied;
use core::slice;

use oss_naming::percent::{self, Decode, Plus};

use crate::canonical::Sink;
use crate::subresource::{OSS_PREFIX, SubResources};

/// Bytes as they go into the string-to-sign: `Plain` bytes are used as they are,
/// `Encoded` bytes are percent-decoded on the fly (with `+` read as given).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Text<'a> {
    Plain(&'a [u8]),
    Encoded(&'a [u8], Plus),
}

/// The decoded bytes of a [`Text`].
#[derive(Clone, Debug)]
pub(crate) enum Decoded<'a> {
    Plain(Copied<slice::Iter<'a, u8>>),
    Encoded(Decode<'a>),
}

impl Iterator for Decoded<'_> {
    type Item = u8;

    fn next(&mut self) -> Option<u8> {
        match self {
            Decoded::Plain(bytes) => bytes.next(),
            Decoded::Encoded(bytes) => bytes.next(),
        }
    }
}

/// The longest name in the sub-resource table is shorter than this.
const NAME_BUF: usize = 64;

impl<'a> Text<'a> {
    /// Whether the decoded text is empty (an encoded text decodes to at least one byte
    /// per three).
    pub(crate) const fn is_empty(&self) -> bool {
        match self {
            Text::Plain(bytes) | Text::Encoded(bytes, _) => bytes.is_empty(),
        }
    }

    /// The plain bytes, when no decoding is needed.
    fn as_plain(&self) -> Option<&'a [u8]> {
        match *self {
            Text::Plain(bytes) => Some(bytes),
            Text::Encoded(bytes, plus) => {
                let special = |b: &u8| *b == b'%' || (plus == Plus::Space && *b == b'+');
                if bytes.iter().any(special) {
                    None
                } else {
                    Some(bytes)
                }
            }
        }
    }

    pub(crate) fn decoded(&self) -> Decoded<'a> {
        match *self {
            Text::Plain(bytes) => Decoded::Plain(bytes.iter().copied()),
            Text::Encoded(bytes, plus) => Decoded::Encoded(percent::decode(bytes, plus)),
        }
    }

    /// Bytewise order of the decoded texts.
    pub(crate) fn cmp(&self, other: &Text<'_>) -> Ordering {
        match (self.as_plain(), other.as_plain()) {
            (Some(a), Some(b)) => a.cmp(b),
            _ => self.decoded().cmp(other.decoded()),
        }
    }

    /// Whether the decoded text equals `bytes`.
    pub(crate) fn eq_bytes(&self, bytes: &[u8]) -> bool {
        match self.as_plain() {
            Some(plain) => plain == bytes,
            None => self.decoded().eq(bytes.iter().copied()),
        }
    }

    /// Whether a query parameter with this decoded name is signed.
    pub(crate) fn is_signed(&self, rules: &SubResources<'_>) -> bool {
        if let Some(plain) = self.as_plain() {
            return rules.is_signed(plain);
        }
        let mut buf = [0u8; NAME_BUF];
        let mut len = 0;
        for byte in self.decoded() {
            if len == NAME_BUF {
                // Too long for the table: only the prefix rule or an extra name can match.
                return buf.starts_with(OSS_PREFIX) || rules.is_extra(|extra| self.eq_bytes(extra));
            }
            buf[len] = byte;
            len += 1;
        }
        rules.is_signed(&buf[..len])
    }

    /// Decodes into `out`; `None` when it does not fit.
    pub(crate) fn decode_into<'b>(&self, out: &'b mut [u8]) -> Option<&'b [u8]> {
        let mut len = 0;
        for byte in self.decoded() {
            *out.get_mut(len)? = byte;
            len += 1;
        }
        out.get(..len)
    }

    /// Writes the decoded text with non-printable bytes escaped (for `Debug`).
    pub(crate) fn write_escaped(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("\"")?;
        for byte in self.decoded() {
            core::fmt::Display::fmt(&core::ascii::escape_default(byte), f)?;
        }
        f.write_str("\"")
    }

    /// Feeds the decoded text to `sink`, in runs where possible.
    pub(crate) fn feed(&self, sink: &mut impl Sink) {
        match *self {
            Text::Plain(bytes) => sink.put(bytes),
            Text::Encoded(bytes, plus) => {
                let mut decode = percent::decode(bytes, plus);
                loop {
                    let run = decode.take_literal_run();
                    if !run.is_empty() {
                        sink.put(run);
                    }
                    match decode.next() {
                        Some(byte) => sink.put(&[byte]),
                        None => break,
                    }
                }
            }
        }
    }
}
