//! The CompleteMultipartUpload reader on arbitrary bodies.
//!
//! Parsing must never panic; an accepted body lists at least one part, in strictly
//! ascending order within 1..=10000, each with a non-empty ETag.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oss_core::multipart::CompleteMultipartUpload;

fuzz_target!(|data: &[u8]| {
    let Ok(upload) = CompleteMultipartUpload::parse(data) else {
        return;
    };
    let numbers: Vec<u32> = upload.parts().map(|part| part.number()).collect();
    assert_eq!(numbers.len(), upload.len() as usize);
    assert!(!numbers.is_empty());
    assert!(numbers.windows(2).all(|w| w[0] < w[1]));
    assert!(numbers.iter().all(|n| (1..=10_000).contains(n)));
    assert!(upload.parts().all(|part| !part.etag_value().is_empty()));
});
