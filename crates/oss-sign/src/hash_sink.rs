//! A hash or MAC fed through a stack buffer, so that the many short pieces of a canonical
//! text reach it in a few long runs.

use crate::canonical::Sink;
use crate::name_prefix::LowerPrefix;

/// A hash or MAC as a sink. Pieces are gathered in a stack buffer of `STAGE` bytes and
/// the hash is fed whole runs of them (most texts in one call); a longer text is fed in
/// several. The hash stays where its owner keeps it.
pub(crate) struct HashSink<'h, U, const STAGE: usize> {
    inner: &'h mut U,
    staged: [u8; STAGE],
    len: usize,
}

impl<'h, U: hmac::digest::Update, const STAGE: usize> HashSink<'h, U, STAGE> {
    /// Feeds `inner` everything `write` puts into the sink it is given. The sink stays in
    /// this frame: it is never moved, and neither is its buffer.
    #[inline]
    pub(crate) fn feed(inner: &'h mut U, write: impl FnOnce(&mut Self)) {
        let mut sink = Self {
            inner,
            staged: [0; STAGE],
            len: 0,
        };
        write(&mut sink);
        sink.inner.update(&sink.staged[..sink.len]);
    }

    /// Feeds what is staged and then `bytes`, which do not fit beside it.
    #[cold]
    fn spill(&mut self, bytes: &[u8]) {
        self.inner.update(&self.staged[..self.len]);
        self.inner.update(bytes);
        self.len = 0;
    }
}

impl<U: hmac::digest::Update, const STAGE: usize> Sink for HashSink<'_, U, STAGE> {
    #[inline]
    fn put(&mut self, bytes: &[u8]) {
        if let Some(room) = self.staged.get_mut(self.len..self.len + bytes.len()) {
            copy_short(room, bytes);
            self.len += bytes.len();
        } else {
            self.spill(bytes);
        }
    }

    fn put_prefixed_lower(&mut self, prefix: LowerPrefix, name: &[u8]) {
        let mut next = Some(prefix);
        for chunk in name.chunks(16) {
            let [high, low] = next
                .take()
                .unwrap_or_else(|| LowerPrefix::of(chunk))
                .halves();
            // Stores all 16 bytes when there is room (those past the chunk are overwritten
            // by what comes next), as two words straight from registers.
            if let Some(room) = self.staged.get_mut(self.len..self.len + 16) {
                room[..8].copy_from_slice(&high);
                room[8..].copy_from_slice(&low);
                self.len += chunk.len();
            } else {
                let mut lowered = [0u8; 16];
                lowered[..8].copy_from_slice(&high);
                lowered[8..].copy_from_slice(&low);
                self.put(&lowered[..chunk.len()]);
            }
        }
    }
}

/// `dst.copy_from_slice(src)` (equal lengths), with a piece of 4 to 32 bytes copied as
/// two overlapping fixed-size words: most pieces of a canonical text are that short, and
/// this spares them a call to `memcpy`.
#[inline]
fn copy_short(dst: &mut [u8], src: &[u8]) {
    fn overlapping<const W: usize>(dst: &mut [u8], src: &[u8]) {
        let n = src.len();
        dst[..W].copy_from_slice(&src[..W]);
        dst[n - W..].copy_from_slice(&src[n - W..]);
    }
    match src.len() {
        16..=32 => overlapping::<16>(dst, src),
        8..16 => overlapping::<8>(dst, src),
        4..8 => overlapping::<4>(dst, src),
        _ => dst.copy_from_slice(src),
    }
}
