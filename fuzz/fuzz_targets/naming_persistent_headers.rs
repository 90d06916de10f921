//! `x-oss-persistent-headers` parsing: never panics, and accepted values decode to UTF-8
//! without CR or LF that matches itself as a request header.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oss_core::naming::parse_persistent_headers;

fuzz_target!(|data: &[u8]| {
    let Ok(value) = core::str::from_utf8(data) else {
        return;
    };
    let Ok(headers) = parse_persistent_headers(value) else {
        return;
    };
    for header in headers.iter() {
        assert!(!header.name().is_empty());
        let mut buf = vec![0u8; header.decoded_len()];
        let decoded = header
            .decode_value(&mut buf)
            .expect("accepted values decode");
        assert!(!decoded.contains(['\r', '\n']));
        let decoded = decoded.to_owned();
        assert!(header.check_request_value(&decoded).is_ok());
    }
});
