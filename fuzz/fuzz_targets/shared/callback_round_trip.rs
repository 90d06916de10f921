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

/// Standard base64 (with padding) of as much of `data` as fits `out`; returns its length.
pub fn encode_base64(data: &[u8], out: &mut [u8]) -> usize {
    use base64::Engine as _;
    let data = &data[..data.len().min(out.len() / 4 * 3)];
    base64::engine::general_purpose::STANDARD
        .encode_slice(data, out)
        .expect("3 bytes in for every 4 out")
}
