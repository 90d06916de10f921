//! Streaming a request body to a file while computing its MD5 and CRC-64.

use std::fs::File;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use http_body_util::BodyExt as _;
use hyper::body::Incoming;
use md5::{Digest as _, Md5};
use oss_core::crc64::Crc64;
use oss_core::errors::{Entry, Error};

/// A body written to a file.
#[derive(Debug)]
pub(crate) struct Received {
    pub(crate) path: PathBuf,
    pub(crate) size: u64,
    pub(crate) md5: [u8; 16],
    pub(crate) crc64: u64,
}

impl Received {
    /// The MD5 as OSS writes ETags: upper-case hex.
    pub(crate) fn etag(&self) -> String {
        hex_upper(&self.md5)
    }
}

/// Upper-case hex of `bytes`.
pub(crate) fn hex_upper(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02X}")).collect()
}

/// Writes `body` to `path`, refusing more than `limit` bytes with EntityTooLarge.
///
/// # Errors
/// `Some(EntityTooLarge)` past `limit`; `None` when the body broke off or the file could
/// not be written (no OSS error describes either).
pub(crate) async fn receive(
    mut body: Incoming,
    path: &Path,
    limit: u64,
) -> Result<Received, Option<Error>> {
    let mut file = File::create(path).map_err(|_| None)?;
    let (mut md5, mut crc, mut size) = (Md5::new(), Crc64::new(), 0u64);
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|_| None)?;
        let Ok(data) = frame.into_data() else {
            continue;
        };
        size += data.len() as u64;
        if size > limit {
            return Err(Some(Entry::UploadTooLarge.into()));
        }
        md5.update(&data);
        crc.update(&data);
        file.write_all(&data).map_err(|_| None)?;
    }
    Ok(Received {
        path: path.to_path_buf(),
        size,
        md5: md5.finalize().into(),
        crc64: crc.finish(),
    })
}
