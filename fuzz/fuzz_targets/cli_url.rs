//! `oss-doctor sign|presign|verify --url`: never panics; what it reads agrees with
//! `--bucket`/`--key` when they are given, and the URL it keeps (base and query) reads
//! back as the same request.
//!
//! Input: a flags byte (1: --path-style, 2: --bucket, 4: --key), then lines: the URL,
//! the bucket, the key.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oss_doctor::fuzzing;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let mut lines = text.split('\n');
    let url = lines.next().unwrap_or("");
    let bucket = lines.next().filter(|_| flags & 2 != 0);
    let key = lines.next().filter(|_| flags & 4 != 0);
    let path_style = flags & 1 != 0;
    let Ok(read) = fuzzing::url(url, path_style, bucket, key) else {
        return;
    };
    if let Some(bucket) = bucket {
        assert_eq!(read.bucket.as_deref(), Some(bucket));
    }
    if let Some(key) = key {
        assert_eq!(read.key.as_deref(), Some(key.as_bytes()));
    }
    if read.bucket.is_none() {
        assert_eq!(read.key, None, "a key is never read without its bucket");
    }
    let again = format!("{}?{}", read.base, read.query);
    let reread = fuzzing::url(&again, path_style, bucket, None)
        .unwrap_or_else(|err| panic!("{again:?} from {url:?}: {err}"));
    assert_eq!(reread, read, "{again:?} from {url:?}");
});
