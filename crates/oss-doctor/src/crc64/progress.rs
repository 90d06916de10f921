//! A one-line progress display on standard error, only when it is a terminal and the
//! input is large.

use core::time::Duration;
use std::io::{IsTerminal, Write};
use std::time::Instant;

/// Inputs below this size finish too quickly to need a progress line.
const LARGE: u64 = 256 << 20;

/// Time between redraws.
const EVERY: Duration = Duration::from_millis(200);

/// Progress of one input; inert when standard error is not a terminal.
pub(super) struct Progress<'a> {
    name: &'a str,
    size: Option<u64>,
    start: Instant,
    last: Option<Instant>,
    enabled: bool,
    drawn: bool,
}

impl<'a> Progress<'a> {
    pub(super) fn new(name: &'a str, size: Option<u64>) -> Self {
        let enabled = std::io::stderr().is_terminal() && size.is_none_or(|size| size >= LARGE);
        Self {
            name,
            size,
            start: Instant::now(),
            last: None,
            enabled,
            drawn: false,
        }
    }

    /// Redraws the line if enough time has passed (and, for standard input, once enough
    /// has been read to call it large).
    pub(super) fn show(&mut self, done: u64) {
        if !self.enabled || (self.size.is_none() && done < LARGE) {
            return;
        }
        let now = Instant::now();
        if self
            .last
            .is_some_and(|last| now.duration_since(last) < EVERY)
        {
            return;
        }
        self.last = Some(now);
        let seconds = now.duration_since(self.start).as_secs_f64().max(1e-9);
        let rate = gib(done) / seconds;
        let line = match self.size {
            Some(size) if size > 0 => {
                let percent = done.saturating_mul(100) / size;
                format!(
                    "{}: {percent:3}%  {:.2} / {:.2} GiB  {rate:.2} GiB/s",
                    self.name,
                    gib(done),
                    gib(size)
                )
            }
            _ => format!("{}: {:.2} GiB  {rate:.2} GiB/s", self.name, gib(done)),
        };
        // Progress is best effort: a failing stderr must not fail the checksum.
        let _ = write!(std::io::stderr().lock(), "\r\x1b[2K{line}");
        self.drawn = true;
    }

    /// Erases the line, so only results remain on the terminal.
    pub(super) fn clear(&mut self) {
        if self.drawn {
            let _ = write!(std::io::stderr().lock(), "\r\x1b[2K");
            self.drawn = false;
        }
    }
}

#[expect(clippy::cast_precision_loss, reason = "a display value")]
fn gib(bytes: u64) -> f64 {
    bytes as f64 / f64::from(1u32 << 30)
}
