//! `x-oss-hash-crc64ecma` parsing: never panics, accepts exactly the decimal `u64`s
//! (with surrounding spaces or tabs), and formatting round-trips.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oss_core::crc64::{HeaderValue, parse_header, verify};

fuzz_target!(|input: &[u8]| {
    let parsed = parse_header(input);
    let trimmed = input.trim_ascii_start().trim_ascii_end();
    let plain = std::str::from_utf8(trimmed)
        .ok()
        .filter(|text| text.bytes().all(|b| b.is_ascii_digit()))
        .filter(|_| {
            !input
                .iter()
                .any(|b| b.is_ascii_whitespace() && *b != b' ' && *b != b'\t')
        })
        .and_then(|text| text.parse::<u64>().ok());
    assert_eq!(parsed.ok(), plain);
    if let Ok(crc) = parsed {
        let value = HeaderValue::new(crc);
        assert_eq!(parse_header(value), Ok(crc));
        assert!(verify(input, crc).is_ok());
        assert!(verify(input, crc ^ 1).is_err());
    }
});
