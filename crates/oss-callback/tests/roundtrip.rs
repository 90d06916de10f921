//! Property tests: whatever a caller builds, encoding then decoding gives it back (and,
//! with `serde`, base64 of its serde JSON decodes to it too), and decoding arbitrary bytes
//! never panics.

use oss_callback::{BodyType, CallbackConfig, CallbackVars, DecodeBuffer, EncodeBuffer, Pairs};
use proptest::prelude::*;

fn url() -> impl Strategy<Value = String> {
    let one = (
        "(https?://)?",
        "[a-z]{1,10}(\\.[a-z]{2,5}){1,2}",
        "(:[1-9][0-9]{0,3})?",
        "(/[A-Za-z0-9._%?=&-]{0,12})?",
    )
        .prop_map(|(s, h, p, path)| format!("{s}{h}{p}{path}"));
    proptest::collection::vec(one, 1..=5).prop_map(|urls| urls.join(";"))
}

/// Standard base64, as OSS reads `x-oss-callback`.
#[cfg(feature = "serde")]
fn b64(json: &str) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(json)
}

proptest! {
    #[test]
    fn config_round_trips(
        url in url(),
        host in proptest::option::of("\\PC{0,20}"),
        // A `$` starts a placeholder, which has rules of its own (see `validate`).
        body in "[^\\p{C}$]{1,80}",
        json in proptest::option::of(any::<bool>()),
        sni in proptest::option::of(any::<bool>()),
        policy in proptest::option::of("[\\x00-\\x7f]{0,10}"),
        headers in proptest::option::of(proptest::collection::vec(("[a-z0-9-]{1,8}", "[^\r\n]{0,12}"), 0..3)),
    ) {
        let headers = headers.map(|h| h.into_iter().filter(|(k, _)| !k.starts_with("x-oss-")).collect::<Vec<_>>());
        let pairs: Option<Vec<(&str, &str)>> = headers.as_ref().map(|h| h.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect());
        let mut config = CallbackConfig::new(&url, &body);
        config.host = host.as_deref();
        config.body_type = json.map(|j| if j { BodyType::Json } else { BodyType::FormUrlEncoded });
        config.sni = sni;
        config.policy = policy.as_deref();
        config.additional_headers = pairs.as_deref().map(Pairs::from_slice);

        let mut out = EncodeBuffer::new();
        let value = config.encode_into(&mut out).unwrap();
        let mut buf = DecodeBuffer::new();
        let decoded = CallbackConfig::decode(value.as_bytes(), &mut buf).unwrap();
        prop_assert_eq!(decoded, config);

        // serde writes the same JSON, so base64 of it decodes to the same config.
        #[cfg(feature = "serde")]
        {
            let json = serde_json::to_string(&config).unwrap();
            let mut written = String::new();
            config.write_json(&mut written).unwrap();
            prop_assert_eq!(&json, &written);
            let mut buf = DecodeBuffer::new();
            prop_assert_eq!(CallbackConfig::decode(b64(&json).as_bytes(), &mut buf).unwrap(), config);
        }
    }

    #[test]
    fn vars_round_trip(vars in proptest::collection::vec(("x:[a-z0-9_]{1,8}", "\\PC{0,20}"), 0..6)) {
        let pairs: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let original = CallbackVars::from_slice(&pairs);
        let mut out = EncodeBuffer::new();
        let value = original.encode_into(&mut out).unwrap();
        let mut buf = DecodeBuffer::new();
        prop_assert_eq!(CallbackVars::decode(value.as_bytes(), &mut buf).unwrap(), original);

        #[cfg(feature = "serde")]
        {
            let json = serde_json::to_string(&original).unwrap();
            let mut buf = DecodeBuffer::new();
            prop_assert_eq!(CallbackVars::decode(b64(&json).as_bytes(), &mut buf).unwrap(), original);
        }
    }

    #[test]
    fn decoding_anything_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let mut buf = DecodeBuffer::new();
        let _ = CallbackConfig::decode(&bytes, &mut buf);
        let _ = CallbackVars::decode(&bytes, &mut buf);
    }

    #[test]
    fn decoding_any_base64_json_never_panics(text in "[{}\\[\\]\":,a-zA-Z0-9\\\\ ]{0,200}") {
        use base64::Engine as _;
        let value = base64::engine::general_purpose::STANDARD.encode(text);
        let mut buf = DecodeBuffer::new();
        let _ = CallbackConfig::decode(value.as_bytes(), &mut buf);
        let _ = CallbackVars::decode(value.as_bytes(), &mut buf);
    }
}
