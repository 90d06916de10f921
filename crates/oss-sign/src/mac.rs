//! HMAC-SHA1 (RFC 2104) driven straight through SHA-1's compression function: the two
//! key blocks are absorbed once per key, and the message is gathered into a few blocks
//! on the stack that are compressed as the writing moves past them (the only state copied
//! per message is the 32-byte inner key state).

use sha1::Digest as _;
use zeroize::Zeroize as _;

pub(crate) use crate::compression::BLOCK_LEN;
use crate::compression::{DIGEST_LEN, State};
use crate::signature::Encoded;
use crate::sink::Sink;
use crate::words::{LOWER_WORDS_MAX, copy_lower, copy_small};

/// Where the 64-bit message length goes in the last block.
const LENGTH_AT: usize = BLOCK_LEN - 8;

/// The HMAC key as SHA-1 states: after the `key ^ ipad` block (inner) and after the
/// `key ^ opad` block (outer).
#[derive(Clone)]
pub(crate) struct KeyStates {
    inner: State,
    outer: State,
}

impl KeyStates {
    /// RFC 2104 key preparation: a key longer than a block is hashed first, then it is
    /// zero-padded to the block length and xored with the pads.
    pub(crate) fn new(secret: &[u8]) -> Self {
        let mut key = [0u8; BLOCK_LEN];
        if secret.len() > BLOCK_LEN {
            let digest = sha1::Sha1::digest(secret);
            key[..DIGEST_LEN].copy_from_slice(&digest);
        } else {
            key[..secret.len()].copy_from_slice(secret);
        }
        let mut states = Self {
            inner: State::IV,
            outer: State::IV,
        };
        let mut pad = [0u8; BLOCK_LEN];
        for (state, mask) in [(&mut states.inner, 0x36), (&mut states.outer, 0x5C)] {
            for (padded, byte) in pad.iter_mut().zip(&key) {
                *padded = byte ^ mask;
            }
            state.compress(core::slice::from_ref(&pad));
        }
        key.zeroize();
        pad.zeroize();
        states
    }

    /// Overwrites both states with zeros (volatile writes, not optimised away).
    pub(crate) fn zeroize(&mut self) {
        self.inner.zeroize();
        self.outer.zeroize();
    }
}

/// Blocks in the gather buffer: a typical string-to-sign (up to 319 bytes) is written
/// once and never moved.
const BLOCKS: usize = 6;

/// Every piece of up to this many bytes (separator included) is written through one
/// fixed-size window at the cursor, so short pieces need no length-dependent bounds
/// arithmetic.
const WINDOW: usize = BLOCK_LEN;

/// The cursor never passes this between writes: a whole window fits after it, and so
/// does the padding of [`Mac::finish`].
const LIMIT: usize = BLOCKS * BLOCK_LEN - WINDOW - 1;

/// An HMAC-SHA1 computation in progress: the inner hash state plus a gather buffer of
/// pending message bytes.
///
/// A block is compressed only once the block after it is complete too. The lag matters
/// for speed: the compression reads its block in 16-byte loads, and bytes just written
/// by several smaller stores cannot be forwarded to such a load until those stores have
/// retired. One block later they have, and the compression of the previous block hides
/// the cost of writing the next one (measured: sign/bare 1.17 with the lag, 1.30 without).
pub(crate) struct Mac<'k> {
    blocks: Blocks,
    state: State,
    key: &'k KeyStates,
    /// The write cursor in the flattened `blocks`, at most [`LIMIT`] between writes.
    at: usize,
    /// `blocks[..hashed]` are compressed.
    hashed: usize,
    /// When the cursor reaches this, [`Mac::catch_up`] runs.
    due: usize,
    /// Message bytes compressed before the buffer was last rewound.
    done: u64,
}

/// Where the cursor triggers [`Mac::catch_up`] once `hashed` blocks are compressed: when
/// the block after the next one starts (the one-block lag), or past [`LIMIT`].
const fn due_after(hashed: usize) -> usize {
    let lagged = (hashed + 2) * BLOCK_LEN;
    if lagged < LIMIT + 1 {
        lagged
    } else {
        LIMIT + 1
    }
}

/// The gather buffer, cache-line aligned so that no 16-byte load of the compression
/// straddles two lines.
#[repr(align(64))]
struct Blocks([[u8; BLOCK_LEN]; BLOCKS]);

impl<'k> Mac<'k> {
    /// A MAC in the keyed state.
    #[inline(always)]
    pub(crate) const fn new(key: &'k KeyStates) -> Self {
        Self {
            state: key.inner,
            key,
            blocks: Blocks([[0; BLOCK_LEN]; BLOCKS]),
            at: 0,
            hashed: 0,
            due: due_after(0),
            done: 0,
        }
    }

    /// Back to the keyed state, for the next message. The buffer keeps the old bytes: no
    /// byte is hashed before this message has written it.
    #[inline(always)]
    pub(crate) fn reset(&mut self) {
        self.state = self.key.inner;
        self.at = 0;
        self.hashed = 0;
        self.due = due_after(0);
        self.done = 0;
    }

    /// Overwrites the hash state, which holds key material until the first block,
    /// with zeros.
    pub(crate) fn zeroize(&mut self) {
        self.state.zeroize();
    }

    /// The fixed window at the cursor.
    #[inline(always)]
    fn window(&mut self) -> &mut [u8; WINDOW] {
        // The clamp is a no-op (the cursor is at most LIMIT between writes) that lets the
        // compiler drop the bounds check.
        let at = self.at.min(LIMIT);
        let bytes = self.blocks.0.as_flattened_mut();
        (&mut bytes[at..at + WINDOW])
            .try_into()
            .unwrap_or_else(|_| unreachable!())
    }

    /// Counts `len` more written bytes.
    #[inline(always)]
    fn advance(&mut self, len: usize) {
        self.at += len;
        if self.at >= self.due {
            self.catch_up();
        }
    }

    /// Compresses every complete block that has a complete block after it and, when the
    /// cursor passed [`LIMIT`], compresses the rest of the complete blocks and moves the
    /// partial one to the front.
    #[inline(never)]
    fn catch_up(&mut self) {
        let complete = self.at / BLOCK_LEN;
        let rewind = self.at > LIMIT;
        let upto = if rewind { complete } else { complete - 1 };
        self.state.compress(&self.blocks.0[self.hashed..upto]);
        self.hashed = upto;
        if rewind {
            let start = self.hashed * BLOCK_LEN;
            self.blocks
                .0
                .as_flattened_mut()
                .copy_within(start..self.at, 0);
            self.done += start as u64;
            self.at -= start;
            self.hashed = 0;
        }
        self.due = due_after(self.hashed);
    }

    /// The part of [`Sink::put`] for pieces longer than a window. With nothing pending,
    /// whole blocks are compressed straight from `bytes`, without a copy.
    #[inline(never)]
    fn put_long(&mut self, mut bytes: &[u8]) {
        if self.at == self.hashed * BLOCK_LEN {
            let (blocks, rest) = bytes.as_chunks::<BLOCK_LEN>();
            self.state.compress(blocks);
            self.done += (blocks.len() * BLOCK_LEN) as u64;
            bytes = rest;
        }
        for chunk in bytes.chunks(WINDOW) {
            copy_small(&mut self.window()[..chunk.len()], chunk);
            self.advance(chunk.len());
        }
    }

    /// [`Sink::put_oss_field`] for fields longer than a window, piece by piece.
    #[inline(never)]
    fn put_oss_field_long(&mut self, name: &[u8], value: &[u8], end: u8) {
        self.put_lower(name);
        self.put_byte(b':');
        self.put_then(value, end);
    }

    #[inline(never)]
    fn put_lower_long(&mut self, name: &[u8]) {
        for chunk in name.chunks(WINDOW) {
            copy_lower(&mut self.window()[..chunk.len()], chunk);
            self.advance(chunk.len());
        }
    }

    /// The MAC of everything written, base64-encoded.
    #[inline(always)]
    pub(crate) fn finish(&mut self) -> Encoded {
        let at = self.at.min(LIMIT);
        // The inner hash covers the key block too.
        let bits = (BLOCK_LEN as u64 + self.done + at as u64) * 8;
        // The marker, zeros, and the length in the last 8 bytes of the block that has
        // room for it (at most a window past the cursor, so a fixed fill clears it).
        let end = (at + 8) / BLOCK_LEN + 1;
        let bytes = self.blocks.0.as_flattened_mut();
        bytes[at] = 0x80;
        bytes[at + 1..at + WINDOW].fill(0);
        self.blocks.0[end - 1][LENGTH_AT..].copy_from_slice(&bits.to_be_bytes());
        self.state
            .finish_hmac(&self.blocks.0[self.hashed..end], &self.key.outer)
    }
}

impl Sink for Mac<'_> {
    #[inline(always)]
    fn put(&mut self, bytes: &[u8]) {
        if bytes.len() > WINDOW {
            self.put_long(bytes);
            return;
        }
        copy_small(&mut self.window()[..bytes.len()], bytes);
        self.advance(bytes.len());
    }

    #[inline(always)]
    fn put_byte(&mut self, byte: u8) {
        self.window()[0] = byte;
        self.advance(1);
    }

    #[inline(always)]
    fn put_lower(&mut self, name: &[u8]) {
        if name.len() > LOWER_WORDS_MAX {
            self.put_lower_long(name);
            return;
        }
        copy_lower(&mut self.window()[..name.len()], name);
        self.advance(name.len());
    }

    /// One copy, one separator store and one block check for both.
    #[inline(always)]
    fn put_then(&mut self, bytes: &[u8], separator: u8) {
        if bytes.len() >= WINDOW {
            self.put_long(bytes);
            self.put_byte(separator);
            return;
        }
        let window = self.window();
        copy_small(&mut window[..bytes.len()], bytes);
        window[bytes.len()] = separator;
        self.advance(bytes.len() + 1);
    }

    /// The whole field through one window when it fits: the `x-oss-` prefix is stored as
    /// a constant, so only the rest of the name is lower-cased.
    #[inline(always)]
    fn put_oss_field(&mut self, name: &[u8], value: &[u8], end: u8) {
        const PREFIX: &[u8; 8] = b"x-oss-\0\0";
        let len = name.len() + value.len() + 2;
        let Some(rest) = name.get(6..) else {
            return self.put_oss_field_long(name, value, end);
        };
        if rest.len() > LOWER_WORDS_MAX || len > WINDOW {
            return self.put_oss_field_long(name, value, end);
        }
        let window = self.window();
        // The prefix's last two bytes are overwritten by whatever follows it.
        window[..8].copy_from_slice(PREFIX);
        copy_lower(&mut window[6..name.len()], rest);
        window[name.len()] = b':';
        let field = &mut window[name.len() + 1..];
        copy_small(&mut field[..value.len()], value);
        field[value.len()] = end;
        self.advance(len);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signature::SIGNATURE_LEN;
    use base64::Engine as _;
    use base64::engine::general_purpose::STANDARD;
    use hmac::Mac as _;

    /// The HMAC crate's MAC, base64-encoded by the base64 crate, as an [`Encoded`] starts.
    fn reference(key: &[u8], message: &[u8]) -> [u8; SIGNATURE_LEN] {
        let mut mac = <hmac::Hmac<sha1_reference::Sha1> as hmac::Mac>::new_from_slice(key).unwrap();
        mac.update(message);
        let mut text = [0u8; SIGNATURE_LEN];
        STANDARD
            .encode_slice(mac.finalize().into_bytes(), &mut text)
            .unwrap();
        text
    }

    fn text(encoded: &Encoded) -> &[u8] {
        &encoded[..SIGNATURE_LEN]
    }

    #[test]
    fn oss_fields_hash_as_their_canonical_bytes_at_every_offset() {
        let long_name = alloc::format!("X-OSS-Meta-{}", "Ab".repeat(20));
        let long_value = "v".repeat(70);
        let fields: [(&str, &str); 6] = [
            ("x-oss-", "1"),
            ("X-OSS-A", ""),
            ("X-Oss-Meta-Author", "alice"),
            ("x-oss-storage-class", "Standard"),
            (&long_name, "x"),
            ("x-oss-meta-long", &long_value),
        ];
        let states = KeyStates::new(b"sk");
        for offset in 0..400 {
            let prefix: alloc::vec::Vec<u8> = (0..offset).map(|i| b'a' + (i % 26) as u8).collect();
            for (name, value) in fields {
                for end in [b'\n', b','] {
                    let mut expected = prefix.clone();
                    expected.extend_from_slice(name.to_ascii_lowercase().as_bytes());
                    expected.push(b':');
                    expected.extend_from_slice(value.as_bytes());
                    expected.push(end);
                    let mut mac = Mac::new(&states);
                    mac.put(&prefix);
                    mac.put_oss_field(name.as_bytes(), value.as_bytes(), end);
                    assert_eq!(
                        text(&mac.finish()),
                        reference(b"sk", &expected),
                        "{offset} {name}"
                    );
                }
            }
        }
    }

    #[test]
    fn agrees_with_the_hmac_crate_for_every_length_and_split() {
        let message: alloc::vec::Vec<u8> =
            (0..700u32).map(|i| (i * 7 + 3).to_le_bytes()[0]).collect();
        for key in [&b""[..], b"sk", &[0xAA; 64], &[0x5C; 65], &[1; 200]] {
            let states = KeyStates::new(key);
            for len in 0..message.len() {
                let message = &message[..len];
                let expected = reference(key, message);
                let mut whole = Mac::new(&states);
                whole.put(message);
                assert_eq!(text(&whole.finish()), expected, "len {len}");
                // Uneven pieces, single bytes among them, cross every block boundary.
                let mut pieces = Mac::new(&states);
                let mut rest = message;
                let mut step = 0;
                while !rest.is_empty() {
                    step = step % 70 + 1;
                    let (piece, tail) = rest.split_at(step.min(rest.len()));
                    if piece.len() == 1 {
                        pieces.put_byte(piece[0]);
                    } else {
                        pieces.put(piece);
                    }
                    rest = tail;
                }
                assert_eq!(text(&pieces.finish()), expected, "len {len} in pieces");
            }
        }
    }
}
