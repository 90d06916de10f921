//! `Serialize` for the callback JSON (feature `serde`), written by hand where OSS's JSON
//! is not the fields one for one: `callbackUrl` and `callbackBody` are left out when a
//! `callbackPolicy` supplies them, and [`Pairs`] is a JSON object in its own order.

use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};

use crate::config::CallbackConfig;
use crate::pairs::Pairs;

impl Serialize for Pairs<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (name, value) in self {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

impl Serialize for CallbackConfig<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("CallbackConfig", 7)?;
        field(&mut out, "callbackUrl", self.sent_url())?;
        field(&mut out, "callbackHost", self.host)?;
        field(&mut out, "callbackBody", self.sent_body())?;
        field(&mut out, "callbackBodyType", self.body_type)?;
        field(&mut out, "callbackSNI", self.sni)?;
        field(&mut out, "callbackPolicy", self.policy)?;
        field(&mut out, "additionalHeaders", self.additional_headers)?;
        out.end()
    }
}

/// Writes `value` under `name`, or skips the field when there is none.
fn field<S: SerializeStruct, T: Serialize>(
    out: &mut S,
    name: &'static str,
    value: Option<T>,
) -> Result<(), S::Error> {
    match value {
        Some(value) => out.serialize_field(name, &value),
        None => out.skip_field(name),
    }
}

#[cfg(test)]
mod tests {
    use alloc::string::String;
    use alloc::vec::Vec;

    use base64::Engine as _;
    use base64::engine::general_purpose::STANDARD;
    use proptest::prelude::*;

    use crate::{BodyType, CallbackConfig, CallbackVars, DecodeBuffer, Limits, Pairs};

    fn to_json(value: &impl serde::Serialize) -> String {
        serde_json::to_string(value).unwrap_or_default()
    }

    #[test]
    fn a_policy_supplies_what_is_left_out() {
        let config = CallbackConfig::from_policy("test_2");
        assert_eq!(to_json(&config), r#"{"callbackPolicy":"test_2"}"#);
    }

    #[test]
    fn every_field_has_oss_name() {
        let headers = [("x-a", "1")];
        let config = CallbackConfig::new("https://a.example/cb", "k=${object}")
            .with_host("h.example")
            .with_body_type(BodyType::Json)
            .with_sni(true)
            .with_policy("p")
            .with_additional_headers(Pairs::from_slice(&headers));
        assert_eq!(
            to_json(&config),
            concat!(
                r#"{"callbackUrl":"https://a.example/cb","callbackHost":"h.example","#,
                r#""callbackBody":"k=${object}","callbackBodyType":"application/json","#,
                r#""callbackSNI":true,"callbackPolicy":"p","additionalHeaders":{"x-a":"1"}}"#
            )
        );
    }

    #[test]
    fn vars_are_a_flat_object_in_order() {
        let vars = CallbackVars::from_slice(&[("x:b", "2"), ("x:a", "\"1\"")]);
        assert_eq!(to_json(&vars), r#"{"x:b":"2","x:a":"\"1\""}"#);
    }

    #[test]
    fn limits_read_missing_fields_from_the_defaults_and_cap_lengths() {
        let limits: Limits =
            serde_json::from_str(r#"{"max_callback_len":9999,"old_syntax_accepted":true}"#)
                .unwrap_or_default();
        assert_eq!(limits, Limits::DEFAULT.with_old_syntax_accepted(true));
        assert_eq!(
            to_json(&Limits::DEFAULT),
            concat!(
                r#"{"max_callback_len":5120,"max_callback_var_len":5120,"max_response_body":1048576,"#,
                r#""response_timeout":{"secs":5,"nanos":0},"old_syntax_accepted":false}"#
            )
        );
    }

    /// Text a callback field can hold, quotes, backslashes and non-ASCII included (no
    /// `$`, which starts a placeholder, and no line breaks, which some fields refuse).
    fn text() -> impl Strategy<Value = String> {
        "[ -#%-~é中]{1,24}"
    }

    proptest! {
        #[test]
        fn serialized_config_decodes_to_the_same_config(
            url in "https?://[a-z]{1,12}\\.example(/[a-z0-9]{0,8})?",
            body in text(),
            host in proptest::option::of("[a-z]{1,12}\\.example"),
            json in any::<Option<bool>>(),
            sni in any::<Option<bool>>(),
            policy in proptest::option::of(text()),
            headers in proptest::option::of(proptest::collection::vec(("[a-z0-9-]{1,8}", text()), 0..3)),
        ) {
            let headers: Option<Vec<(&str, &str)>> = headers
                .as_ref()
                .map(|h| h.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect());
            let mut config = CallbackConfig::new(&url, &body);
            config.host = host.as_deref();
            config.body_type = json.map(|json| if json { BodyType::Json } else { BodyType::FormUrlEncoded });
            config.sni = sni;
            config.policy = policy.as_deref();
            config.additional_headers = headers.as_deref().map(Pairs::from_slice);

            let json = to_json(&config);
            let mut written = String::new();
            prop_assert!(config.write_json(&mut written).is_ok());
            prop_assert_eq!(&json, &written);

            let header = STANDARD.encode(&json);
            let mut buf = DecodeBuffer::new();
            prop_assert_eq!(CallbackConfig::decode(header.as_bytes(), &mut buf), Ok(config));
        }

        #[test]
        fn serialized_vars_decode_to_the_same_vars(
            pairs in proptest::collection::vec(("x:[a-z0-9_]{1,8}", text()), 0..4),
        ) {
            let pairs: Vec<(&str, &str)> = pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
            let vars = CallbackVars::from_slice(&pairs);
            let header = STANDARD.encode(to_json(&vars));
            let mut buf = DecodeBuffer::new();
            prop_assert_eq!(CallbackVars::decode(header.as_bytes(), &mut buf), Ok(vars));
        }

        #[test]
        fn body_types_round_trip(json in any::<bool>()) {
            let body_type = if json { BodyType::Json } else { BodyType::FormUrlEncoded };
            prop_assert_eq!(serde_json::from_str::<BodyType>(&to_json(&body_type)).ok(), Some(body_type));
        }

        #[test]
        fn limits_round_trip(
            len in 0..=5120usize,
            var_len in 0..=5120usize,
            body in any::<u64>(),
            millis in any::<u32>(),
            old in any::<bool>(),
        ) {
            let limits = Limits::DEFAULT
                .with_max_callback_len(len)
                .with_max_callback_var_len(var_len)
                .with_max_response_body(body)
                .with_response_timeout(core::time::Duration::from_millis(millis.into()))
                .with_old_syntax_accepted(old);
            prop_assert_eq!(serde_json::from_str::<Limits>(&to_json(&limits)).ok(), Some(limits));
        }
    }
}
