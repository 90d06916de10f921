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

    use proptest::prelude::*;

    use crate::{BodyType, CallbackConfig, CallbackVars, Limits, Pairs};

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

    proptest! {
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
