//! `x-oss-callback-var` decoding: never panics; decoded variables re-encode and decode the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oss_core::callback::{CallbackVars, DecodeBuffer, EncodeBuffer};

fn check(value: &[u8]) {
    let mut buf = DecodeBuffer::new();
    let Ok(vars) = CallbackVars::decode(value, &mut buf) else {
        return;
    };
    let mut out = EncodeBuffer::new();
    if let Ok(encoded) = vars.encode_into(&mut out) {
        let mut again = DecodeBuffer::new();
        assert_eq!(
            CallbackVars::decode(encoded.as_bytes(), &mut again),
            Ok(vars)
        );
    }
}

fuzz_target!(|data: &[u8]| {
    check(data);
    let mut encoded = [0u8; 8192];
    let len = encode_base64(data, &mut encoded);
    check(&encoded[..len]);
});

/// Minimal standard base64 (with padding) so the target needs no extra dependency.
fn encode_base64(data: &[u8], out: &mut [u8]) -> usize {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut len = 0;
    for chunk in data.chunks(3) {
        if len + 4 > out.len() {
            break;
        }
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, &b)| acc | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            out[len + i] = if i <= chunk.len() {
                TABLE[(n >> (18 - 6 * i) & 63) as usize]
            } else {
                b'='
            };
        }
        len += 4;
    }
    len
}
