//! The body shared by the `x-oss-callback` and `x-oss-callback-var` decoding targets.

/// Defines the fuzz target for a callback value type with `decode(&[u8], &mut DecodeBuffer)`
/// and `encode_into(&mut EncodeBuffer)`: decoding never panics, and whatever decodes
/// re-encodes (unless escaping made it too long) and decodes to the same value. Feeds both
/// the raw bytes and their base64, to get past the base64 gate.
macro_rules! callback_round_trip_target {
    ($value:ident) => {
        fn check(value: &[u8]) {
            let mut buf = oss_core::callback::DecodeBuffer::new();
            let Ok(decoded) = $value::decode(value, &mut buf) else {
                return;
            };
            let mut out = oss_core::callback::EncodeBuffer::new();
            // A decoded value passed validation, so it encodes unless escaping made it too long.
            if let Ok(encoded) = decoded.encode_into(&mut out) {
                let mut again = oss_core::callback::DecodeBuffer::new();
                assert_eq!($value::decode(encoded.as_bytes(), &mut again), Ok(decoded));
            }
        }

        libfuzzer_sys::fuzz_target!(|data: &[u8]| {
            check(data);
            let mut encoded = [0u8; 8192];
            let len = shared::encode_base64(data, &mut encoded);
            check(&encoded[..len]);
        });
    };
}

/// Minimal standard base64 (with padding) so the targets need no extra dependency.
pub fn encode_base64(data: &[u8], out: &mut [u8]) -> usize {
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
