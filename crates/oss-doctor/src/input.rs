//! Reading `FILE|-` arguments.

use std::io::Read as _;

/// Reads a whole file, or standard input for `-`. The error is a usage message (exit 2).
pub(crate) fn read_all(path: &str) -> Result<Vec<u8>, String> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut buf)
            .map_err(|err| format!("cannot read standard input: {err}"))?;
        Ok(buf)
    } else {
        std::fs::read(path).map_err(|err| format!("cannot read {path}: {err}"))
    }
}
