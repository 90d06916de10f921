//! oss-naming without std or alloc: names, tag and header-value parsing, dates.

use oss_naming::{
    Timestamp, check_access_key_id, check_bucket_name_bytes, check_channel_name_bytes, check_object_name_bytes,
    check_traffic_limit, parse_copy_source, parse_persistent_headers, parse_rfc1123, parse_tagging,
};

/// Fixed inputs, so every function runs on data the compiler cannot see through.
const NAMES: [&[u8]; 4] = [b"examplebucket", b"Example_Bucket", b"dir/object.txt", b"/leading"];

/// The HTTP status of checking name `index` as a bucket, object and channel name
/// (0 when valid), summed; `u16::MAX` when `index` is out of range.
#[unsafe(no_mangle)]
pub extern "C" fn oss_naming_check_names(index: usize) -> u16 {
    let Some(name) = NAMES.get(index) else { return u16::MAX };
    let status = |result: Result<(), oss_errors::Error>| result.err().map_or(0, |err| err.status());
    status(check_bucket_name_bytes(name))
        + status(check_object_name_bytes(name).map(drop))
        + status(check_channel_name_bytes(name).map(drop))
}

/// The number of tags in a fixed `x-oss-tagging` header plus the persistent headers of a
/// fixed value, with one value decoded into a stack buffer; 0 on any rejection.
#[unsafe(no_mangle)]
pub extern "C" fn oss_naming_parse_headers(decode_len: usize) -> usize {
    let Ok(tagging) = parse_tagging("project=apollo&owner=ops%20team&lang=%E4%B8%AD") else { return 0 };
    let Ok(headers) = parse_persistent_headers("myheader1:bXl2YWx1ZTE=,myheader2:bXl2YWx1ZTI=") else { return 0 };
    let mut buf = [0u8; 16];
    let decoded = headers
        .iter()
        .next()
        .and_then(|header| header.decode_value(&mut buf[..decode_len.min(16)]))
        .map_or(0, str::len);
    let copy = parse_copy_source("/examplebucket/a%20b?versionId=v1").map_or(0, |source| source.bucket().len());
    tagging.len() + headers.iter().count() + decoded + copy
}

/// Parses a fixed `Date`, shifts it by `offset` seconds and writes it back as RFC 1123;
/// returns the checksum of the written bytes (0 on any failure).
#[unsafe(no_mangle)]
pub extern "C" fn oss_naming_date_round_trip(offset: i64) -> u32 {
    let Ok(date) = parse_rfc1123("Sun, 06 Nov 1994 08:49:37 GMT") else { return 0 };
    let Some(shifted) = Timestamp::from_unix(date.unix_seconds().saturating_add(offset)) else { return 0 };
    let ok = check_access_key_id("LTAI5tExample").is_ok() && check_traffic_limit("819200").is_ok();
    shifted.rfc1123().to_bytes().iter().map(|&b| u32::from(b)).sum::<u32>() * u32::from(ok)
}
