//! oss-crc64 without std or alloc: the SIMD-dispatched checksum, continuation, combine,
//! the precomputed combiner, the header codec and its serde impl.

use oss_crc64::{Combiner, HeaderValue, checksum, combine, combine_parts, parse_header, update};
use serde::Deserialize as _;
use serde::de::value::{BorrowedStrDeserializer, Error as ValueError};

/// CRC-64/XZ of `len` bytes of a fixed 4 KiB pattern (all of it when `len` is larger):
/// large enough to run the SIMD kernels.
#[unsafe(no_mangle)]
pub extern "C" fn oss_crc64_pattern(len: usize) -> u64 {
    static PATTERN: [u8; 4096] = {
        let mut bytes = [0u8; 4096];
        let mut i = 0;
        while i < bytes.len() {
            bytes[i] = (i % 251) as u8;
            i += 1;
        }
        bytes
    };
    checksum(&PATTERN[..len.min(PATTERN.len())])
}

/// Continues `crc` over a fixed piece, then appends `crc2` (of `len2` bytes) three ways.
#[unsafe(no_mangle)]
pub extern "C" fn oss_crc64_continue_and_combine(crc: u64, crc2: u64, len2: u64) -> u64 {
    let continued = update(crc, b"appended by AppendObject");
    let twice = Combiner::new(len2).combine(combine(continued, crc2, len2), crc2);
    combine_parts([(twice, 1), (crc2, len2)])
}

/// Round-trips `crc` through the `x-oss-hash-crc64ecma` codec (`u64::MAX` if it failed).
#[unsafe(no_mangle)]
pub extern "C" fn oss_crc64_header_round_trip(crc: u64) -> u64 {
    parse_header(HeaderValue::new(crc)).unwrap_or(u64::MAX)
}

/// Reads the CRC-64/XZ check value from its decimal string through `HeaderValue`'s
/// `Deserialize` (feature `serde`, no allocator); `u64::MAX` if that failed.
#[unsafe(no_mangle)]
pub extern "C" fn oss_crc64_check_value_from_serde() -> u64 {
    let digits = BorrowedStrDeserializer::<ValueError>::new("11051210869376104954");
    HeaderValue::deserialize(digits)
        .ok()
        .and_then(|value| parse_header(value).ok())
        .unwrap_or(u64::MAX)
}
