//! Reading inputs at page-cache speed: large reads into one reused buffer, straight into
//! the streaming CRC, with a progress line on a terminal.

use std::fs::File;
use std::io::{ErrorKind, Read};

use oss_core::crc64::Crc64;

use super::progress::Progress;

/// Bytes per read: large enough that system-call overhead is noise next to the copy.
const READ_SIZE: usize = 4 << 20;

/// Page size the read buffer is aligned to.
const PAGE: usize = 4096;

/// CRC-64 and length of a file, or of standard input for `-`. The error is a usage
/// message (exit 2).
pub(super) fn checksum_path(path: &str) -> Result<(u64, u64), String> {
    if path == "-" {
        return checksum_reader(std::io::stdin().lock(), "standard input", None);
    }
    let file = File::open(path).map_err(|err| format!("cannot read {path}: {err}"))?;
    let size = file
        .metadata()
        .ok()
        .filter(|meta| meta.is_file())
        .map(|meta| meta.len());
    checksum_reader(file, path, size)
}

fn checksum_reader(
    mut reader: impl Read,
    name: &str,
    size: Option<u64>,
) -> Result<(u64, u64), String> {
    // Page-aligned: the kernel copies from the page cache markedly faster (here, about
    // three times) into an aligned destination than into malloc's 16-byte offset.
    let mut storage = vec![0u8; READ_SIZE + PAGE];
    let start = storage.as_ptr().align_offset(PAGE).min(PAGE);
    let buf = &mut storage[start..start + READ_SIZE];
    let mut crc = Crc64::new();
    let mut total = 0u64;
    let mut progress = Progress::new(name, size);
    loop {
        let read = match reader.read(buf) {
            Ok(0) => break,
            Ok(read) => read,
            Err(err) if err.kind() == ErrorKind::Interrupted => continue,
            Err(err) => return Err(format!("cannot read {name}: {err}")),
        };
        crc.update(&buf[..read]);
        total += read as u64;
        progress.show(total);
    }
    progress.clear();
    Ok((crc.finish(), total))
}
