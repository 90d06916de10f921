//! HMAC-SHA1 (RFC 2104) driven straight through SHA-1's compression function: the two
//! key blocks are absorbed once per key, and the message streams through one 64-byte
//! block that is compressed as soon as it fills (no second buffer, no state clone beyond
//! five words).

use sha1::Digest as _;
use sha1::digest::generic_array::GenericArray;
use zeroize::Zeroize as _;

use crate::sink::{Sink, copy_small};

/// SHA-1's block length.
pub(crate) const BLOCK_LEN: usize = 64;

/// SHA-1's output length.
pub(crate) const DIGEST_LEN: usize = 20;

/// Where the 64-bit message length goes in the last block.
const LENGTH_AT: usize = BLOCK_LEN - 8;

/// SHA-1's initial state (FIPS 180-4, 5.3.1).
const IV: [u32; 5] = [
    0x6745_2301,
    0xEFCD_AB89,
    0x98BA_DCFE,
    0x1032_5476,
    0xC3D2_E1F0,
];

/// One compression of `block` into `state`.
#[inline(always)]
fn compress(state: &mut [u32; 5], block: &[u8; BLOCK_LEN]) {
    sha1::compress(
        state,
        core::slice::from_ref(GenericArray::from_slice(block)),
    );
}

/// The HMAC key as SHA-1 states: after the `key ^ ipad` block (inner) and after the
/// `key ^ opad` block (outer).
#[derive(Clone)]
pub(crate) struct KeyStates {
    inner: [u32; 5],
    outer: [u32; 5],
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
            inner: IV,
            outer: IV,
        };
        let mut pad = [0u8; BLOCK_LEN];
        for (state, mask) in [(&mut states.inner, 0x36), (&mut states.outer, 0x5C)] {
            for (padded, byte) in pad.iter_mut().zip(&key) {
                *padded = byte ^ mask;
            }
            compress(state, &pad);
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

/// An HMAC-SHA1 computation in progress: the inner hash state plus the pending message
/// bytes.
///
/// The buffer is two blocks long and fewer than [`BLOCK_LEN`] bytes are pending between
/// writes, so any write of up to a block lands in one copy, and short pieces can be
/// written (or lower-cased) a whole word at a time past their end: the bytes beyond
/// `filled` are never hashed before they are overwritten.
pub(crate) struct Mac<'k> {
    state: [u32; 5],
    key: &'k KeyStates,
    buf: [u8; 2 * BLOCK_LEN],
    /// Pending bytes at the start of `buf`, always below [`BLOCK_LEN`] between writes.
    filled: usize,
    /// Message bytes already compressed.
    done: u64,
}

impl<'k> Mac<'k> {
    /// A MAC in the keyed state.
    #[inline(always)]
    pub(crate) const fn new(key: &'k KeyStates) -> Self {
        Self {
            state: key.inner,
            key,
            buf: [0; 2 * BLOCK_LEN],
            filled: 0,
            done: 0,
        }
    }

    /// Where the next byte goes (masked, so the compiler sees it is below a block).
    #[inline(always)]
    const fn at(&self) -> usize {
        debug_assert!(self.filled < BLOCK_LEN);
        self.filled & (BLOCK_LEN - 1)
    }

    /// Counts `len` more pending bytes, compressing a block when one is full.
    #[inline(always)]
    fn advance(&mut self, len: usize) {
        self.filled += len;
        if self.filled >= BLOCK_LEN {
            self.roll();
        }
    }

    /// Compresses the first block and moves what follows it to the front.
    #[inline(never)]
    fn roll(&mut self) {
        let (first, second) = self.buf.split_at_mut(BLOCK_LEN);
        let first: &mut [u8; BLOCK_LEN] = first.try_into().unwrap_or_else(|_| unreachable!());
        compress(&mut self.state, first);
        first.copy_from_slice(second);
        self.filled -= BLOCK_LEN;
        self.done += BLOCK_LEN as u64;
    }

    #[inline(never)]
    fn put_lower_long(&mut self, name: &[u8]) {
        for &byte in name {
            self.put_byte(byte.to_ascii_lowercase());
        }
    }

    /// The part of [`Sink::put`] for pieces longer than a block.
    #[inline(never)]
    fn put_long(&mut self, mut bytes: &[u8]) {
        if self.filled == 0 {
            // Nothing pending: whole blocks are compressed straight from the input.
            while let Some((block, rest)) = bytes.split_first_chunk::<BLOCK_LEN>() {
                if rest.is_empty() {
                    break;
                }
                compress(&mut self.state, block);
                self.done += BLOCK_LEN as u64;
                bytes = rest;
            }
        }
        for chunk in bytes.chunks(BLOCK_LEN) {
            let at = self.at();
            self.buf[at..at + chunk.len()].copy_from_slice(chunk);
            self.advance(chunk.len());
        }
    }

    /// The MAC of everything written.
    #[inline(always)]
    pub(crate) fn finish(&mut self) -> [u8; DIGEST_LEN] {
        let at = self.at();
        // The inner hash covers the key block too.
        let bits = (BLOCK_LEN as u64 + self.done + at as u64) * 8;
        // Padding in place: the buffer's second block is slack, so a fixed-size fill
        // clears everything after the marker.
        self.buf[at] = 0x80;
        self.buf[at + 1..at + 1 + BLOCK_LEN].fill(0);
        let (block, _) = self.buf.split_at_mut(BLOCK_LEN);
        let block: &mut [u8; BLOCK_LEN] = block.try_into().unwrap_or_else(|_| unreachable!());
        if at >= LENGTH_AT {
            compress(&mut self.state, block);
            *block = [0; BLOCK_LEN];
        }
        block[LENGTH_AT..].copy_from_slice(&bits.to_be_bytes());
        compress(&mut self.state, block);

        // Outer hash: key block (precomputed) + the 20-byte inner digest, padded.
        let mut outer = [0u8; BLOCK_LEN];
        write_words(&mut outer, &self.state);
        outer[DIGEST_LEN] = 0x80;
        let outer_bits = (BLOCK_LEN + DIGEST_LEN) as u64 * 8;
        outer[LENGTH_AT..].copy_from_slice(&outer_bits.to_be_bytes());
        let mut state = self.key.outer;
        compress(&mut state, &outer);
        let mut digest = [0u8; DIGEST_LEN];
        write_words(&mut digest, &state);
        digest
    }
}

/// The state words, big-endian, at the start of `out`.
#[inline(always)]
fn write_words(out: &mut [u8], state: &[u32; 5]) {
    for (chunk, word) in out.chunks_exact_mut(4).zip(state) {
        chunk.copy_from_slice(&word.to_be_bytes());
    }
}

impl Sink for Mac<'_> {
    #[inline(always)]
    fn put(&mut self, bytes: &[u8]) {
        if bytes.len() > BLOCK_LEN {
            self.put_long(bytes);
            return;
        }
        let at = self.at();
        copy_small(&mut self.buf[at..at + bytes.len()], bytes);
        self.advance(bytes.len());
    }

    #[inline(always)]
    fn put_byte(&mut self, byte: u8) {
        let at = self.at();
        self.buf[at] = byte;
        self.advance(1);
    }

    /// For names of up to 32 bytes the case folding runs over a fixed 32-byte window
    /// (vector code, no per-byte loop).
    #[inline(always)]
    fn put_lower(&mut self, name: &[u8]) {
        if name.len() > LOWER_WINDOW {
            self.put_lower_long(name);
            return;
        }
        self.lower_in_place(name);
        self.advance(name.len());
    }

    /// One copy, one separator store and one block check for both.
    #[inline(always)]
    fn put_then(&mut self, bytes: &[u8], separator: u8) {
        if bytes.len() >= BLOCK_LEN {
            self.put_long(bytes);
            self.put_byte(separator);
            return;
        }
        let at = self.at();
        copy_small(&mut self.buf[at..at + bytes.len()], bytes);
        self.buf[at + bytes.len()] = separator;
        self.advance(bytes.len() + 1);
    }

    #[inline(always)]
    fn put_lower_then(&mut self, name: &[u8], separator: u8) {
        if name.len() > LOWER_WINDOW {
            self.put_lower_long(name);
            self.put_byte(separator);
            return;
        }
        self.lower_in_place(name);
        self.buf[self.at() + name.len()] = separator;
        self.advance(name.len() + 1);
    }
}

/// Names up to this long are lower-cased over a fixed window.
const LOWER_WINDOW: usize = 32;

impl Mac<'_> {
    /// Copies `name` (at most [`LOWER_WINDOW`] bytes) to the pending end, lower-cased,
    /// without counting it yet.
    #[inline(always)]
    fn lower_in_place(&mut self, name: &[u8]) {
        let at = self.at();
        copy_small(&mut self.buf[at..at + name.len()], name);
        for byte in &mut self.buf[at..at + LOWER_WINDOW] {
            *byte = byte.to_ascii_lowercase();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hmac::Mac as _;

    fn reference(key: &[u8], message: &[u8]) -> [u8; DIGEST_LEN] {
        let mut mac = <hmac::Hmac<sha1::Sha1> as hmac::Mac>::new_from_slice(key).unwrap();
        mac.update(message);
        mac.finalize().into_bytes().into()
    }

    #[test]
    fn agrees_with_the_hmac_crate_for_every_length_and_split() {
        let message: alloc::vec::Vec<u8> =
            (0..300u32).map(|i| (i * 7 + 3).to_le_bytes()[0]).collect();
        for key in [&b""[..], b"sk", &[0xAA; 64], &[0x5C; 65], &[1; 200]] {
            let states = KeyStates::new(key);
            for len in 0..message.len() {
                let message = &message[..len];
                let expected = reference(key, message);
                let mut whole = Mac::new(&states);
                whole.put(message);
                assert_eq!(whole.finish(), expected, "len {len}");
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
                assert_eq!(pieces.finish(), expected, "len {len} in pieces");
            }
        }
    }
}
