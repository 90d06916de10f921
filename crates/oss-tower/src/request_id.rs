//! The id OSS gives every request: `x-oss-request-id` and `<RequestId>`.

use core::fmt;
use core::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// The header OSS puts the request id in.
pub const REQUEST_ID_HEADER: &str = "x-oss-request-id";

/// A request id in OSS's shape: 24 upper-case hex digits. The first 8 are the Unix time in
/// seconds, the next 4 the low bits of the process id, the last 12 a process-wide counter,
/// so ids are unique within a process and sort by time.
///
/// ```
/// use oss_tower::RequestId;
/// let (a, b) = (RequestId::next(), RequestId::next());
/// assert_ne!(a, b);
/// assert_eq!(a.as_str().len(), 24);
/// assert!(a.as_str().bytes().all(|b| b.is_ascii_digit() || b.is_ascii_uppercase()));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct RequestId([u8; 24]);

static COUNTER: AtomicU64 = AtomicU64::new(0);

impl RequestId {
    /// A fresh id.
    #[must_use]
    pub fn next() -> Self {
        let seconds = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |elapsed| elapsed.as_secs());
        let count = COUNTER.fetch_add(1, Ordering::Relaxed);
        let mut digits = [0; 24];
        write_hex(&mut digits[..8], seconds);
        write_hex(&mut digits[8..12], u64::from(std::process::id()));
        write_hex(&mut digits[12..], count);
        Self(digits)
    }

    /// The id's text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        // Only ASCII hex digits are ever written.
        core::str::from_utf8(&self.0).unwrap_or_default()
    }
}

/// Writes the low `out.len()` hex digits of `value`, most significant first.
fn write_hex(out: &mut [u8], mut value: u64) {
    for digit in out.iter_mut().rev() {
        let nibble = u8::try_from(value & 0xF).unwrap_or_default();
        *digit = b"0123456789ABCDEF"[usize::from(nibble)];
        value >>= 4;
    }
}

impl fmt::Display for RequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for RequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("RequestId").field(&self.as_str()).finish()
    }
}
