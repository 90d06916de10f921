//! `x-oss-tagging` parsing: never panics, and what it accepts keeps the documented limits.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oss_core::naming::{TaggingOptions, parse_tagging_with};

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let Ok(header) = core::str::from_utf8(rest) else {
        return;
    };
    let options = TaggingOptions::DEFAULT.ascii_only(flags & 1 == 1);
    let Ok(tagging) = parse_tagging_with(header, options) else {
        return;
    };
    assert!(tagging.len() <= 10);
    for (i, tag) in tagging.iter().enumerate() {
        let key_chars = tag.key().chars().count();
        assert!((1..=128).contains(&key_chars));
        assert!(tag.value().chars().count() <= 256);
        assert!(
            tagging.iter().take(i).all(|seen| seen.key() != tag.key()),
            "duplicate key accepted"
        );
        // Decoding into an exactly sized buffer always succeeds.
        let mut buf = vec![0u8; tag.value().decoded_len()];
        assert!(tag.value().decode_into(&mut buf).is_some());
    }
});
