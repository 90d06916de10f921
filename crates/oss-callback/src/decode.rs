//! Decoding `x-oss-callback`: length, base64, JSON, then the fields, as OSS checks them.

use oss_errors::{Entry, Error};

use crate::b64;
use crate::config::{BodyType, CallbackConfig, DecodeBuffer};
use crate::limits::Limits;
use crate::pairs::Pairs;
use crate::parse::{Field, parse_config};

/// The string a field holds, borrowed from the frozen buffer.
fn text_of(text: &[u8], start: usize, len: usize) -> Result<&str, Error> {
    // The parser only produced whole UTF-8 strings; a failure here would be a bug, reported
    // as the JSON error rather than a panic.
    core::str::from_utf8(&text[start..start + len]).map_err(|_| Entry::CallbackNotJson.into())
}

/// A string field: `Ok(None)` when absent, `wrong` when present with another JSON type.
fn optional_str(text: &[u8], field: Field, wrong: Entry) -> Result<Option<&str>, Error> {
    match field {
        Field::Absent => Ok(None),
        Field::Str { start, len } => text_of(text, start, len).map(Some),
        _ => Err(wrong.into()),
    }
}

impl<'a> CallbackConfig<'a> {
    /// Decodes and checks an `x-oss-callback` value (also the `callback` query parameter and
    /// form field) with the seeds' limits; the result borrows from `buf`.
    ///
    /// # Errors
    /// See [`CallbackConfig::decode_with`].
    ///
    /// ```
    /// use oss_callback::{CallbackConfig, DecodeBuffer};
    /// // {"callbackUrl":"http://abc.com/test.php","callbackBody":"bucket=${bucket}"}
    /// let value = "eyJjYWxsYmFja1VybCI6Imh0dHA6Ly9hYmMuY29tL3Rlc3QucGhwIiwiY2FsbGJhY2tCb2R5IjoiYnVja2V0PSR7YnVja2V0fSJ9";
    /// let mut buf = DecodeBuffer::new();
    /// let config = CallbackConfig::decode(value.as_bytes(), &mut buf)?;
    /// assert_eq!(config.url, "http://abc.com/test.php");
    /// assert_eq!(config.body, "bucket=${bucket}");
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    pub fn decode(value: &[u8], buf: &'a mut DecodeBuffer) -> Result<Self, Error> {
        Self::decode_with(value, buf, &Limits::DEFAULT)
    }

    /// Decodes and checks an `x-oss-callback` value with the given limits.
    ///
    /// Strings are unescaped in place inside `buf`, so no field allocates: text without
    /// escapes is borrowed as decoded, and escaped text is rewritten over its own bytes.
    /// Unknown keys are ignored; a repeated key keeps its last value.
    ///
    /// # Errors
    /// The first failing check, in this order (all `InvalidArgument`, 400, ArgumentName
    /// `callback` unless noted):
    /// 1. longer than the limit (5120 by default) → "The length of callback exceed max value";
    /// 2. not standard padded base64 → "The callback configuration is not base64 encoded";
    /// 3. not one JSON object in UTF-8 → "The callback configuration is not json format";
    /// 4. `callbackUrl` missing (without a `callbackPolicy`) or not a string → "The
    ///    callback url configuration is invalid"; `callbackHost` not a string → "The callback host configuration is
    ///    invalid"; `callbackBody` missing (without a `callbackPolicy`) → "The callback
    ///    body is empty", not a string →
    ///    "The callback body is invalid"; `callbackBodyType` not a string, or a type OSS
    ///    cannot send → "The callback body type configuration is invalid, or The body type
    ///    of callback is not supported" (one message for both); `callbackSNI` not a boolean → "The callback sni is invalid.";
    ///    `callbackPolicy` not a string, `additionalHeaders` not an object of strings →
    ///    "Invalid Argument. Parameter is invalid";
    /// 5. the value rules of [`CallbackConfig::validate`] (URLs, including "Private address
    ///    is forbidden to callback" with ArgumentName `callbackUrl`).
    ///
    /// ```
    /// use oss_callback::{CallbackConfig, DecodeBuffer, Limits};
    /// let mut buf = DecodeBuffer::new();
    /// let err = CallbackConfig::decode_with(b"not base64!", &mut buf, &Limits::DEFAULT).unwrap_err();
    /// assert_eq!(err.to_string(), "The callback configuration is not base64 encoded");
    /// assert_eq!(err.entry().argument_name(), Some("callback"));
    /// ```
    pub fn decode_with(
        value: &[u8],
        buf: &'a mut DecodeBuffer,
        limits: &Limits,
    ) -> Result<Self, Error> {
        let config = Self::decode_unvalidated(value, buf, limits)?;
        config.validate_with(limits)?;
        Ok(config)
    }

    /// [`CallbackConfig::decode_with`] without its last step, the value rules of
    /// [`CallbackConfig::validate_with`]: for a caller that applies them itself, such as an
    /// OSS emulator that must call back to a test server on 127.0.0.1, which OSS refuses
    /// as a private address.
    ///
    /// # Errors
    /// Steps 1 to 4 of [`CallbackConfig::decode_with`].
    ///
    /// ```
    /// use oss_callback::{CallbackConfig, DecodeBuffer, Limits};
    /// // {"callbackUrl":"http://127.0.0.1:9000/cb","callbackBody":"x"}
    /// let value = b"eyJjYWxsYmFja1VybCI6Imh0dHA6Ly8xMjcuMC4wLjE6OTAwMC9jYiIsImNhbGxiYWNrQm9keSI6IngifQ==";
    /// let mut buf = DecodeBuffer::new();
    /// let config = CallbackConfig::decode_unvalidated(value, &mut buf, &Limits::DEFAULT)?;
    /// assert_eq!(config.url, "http://127.0.0.1:9000/cb");
    /// assert_eq!(config.validate().unwrap_err().to_string(), "Private address is forbidden to callback");
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    pub fn decode_unvalidated(
        value: &[u8],
        buf: &'a mut DecodeBuffer,
        limits: &Limits,
    ) -> Result<Self, Error> {
        let len = b64::decode_utf8_into(
            value,
            &mut buf.bytes,
            limits.max_callback_len(),
            Entry::CallbackTooLong,
            Entry::CallbackNotBase64,
            Entry::CallbackNotJson,
        )?;
        let json = &mut buf.bytes[..len];
        let raw = parse_config(json).map_err(|_| Entry::CallbackNotJson)?;
        let text: &'a [u8] = &buf.bytes[..len];

        // A bucket-level callback policy supplies what the configuration leaves out.
        let policy = optional_str(text, raw.policy, Entry::ArgumentInvalid)?;
        let url = match optional_str(text, raw.url, Entry::CallbackUrlInvalid)? {
            Some(url) => url,
            None if policy.is_some() => "",
            None => return Err(Entry::CallbackUrlInvalid.into()),
        };
        let host = optional_str(text, raw.host, Entry::CallbackHostInvalid)?;
        let body = match optional_str(text, raw.body, Entry::CallbackBodyInvalid)? {
            Some(body) => body,
            None if policy.is_some() => "",
            None => return Err(Entry::CallbackBodyEmpty.into()),
        };
        let body_type = match optional_str(text, raw.body_type, Entry::CallbackBodyTypeInvalid)? {
            None => None,
            Some(name) => Some(BodyType::parse(name).ok_or(Entry::CallbackBodyTypeInvalid)?),
        };
        let sni = match raw.sni {
            Field::Absent => None,
            Field::Bool(value) => Some(value),
            _ => return Err(Entry::CallbackSniInvalid.into()),
        };
        let additional_headers = match raw.headers {
            Field::Absent => None,
            Field::Packed { start, end } => Some(Pairs::packed(&text[start..end])),
            _ => return Err(Entry::ArgumentInvalid.into()),
        };
        Ok(Self {
            url,
            host,
            body,
            body_type,
            sni,
            policy,
            additional_headers,
        })
    }
}

#[cfg(test)]
mod tests {
    use alloc::format;
    use std::prelude::rust_2024::*;

    use base64::Engine as _;
    use base64::engine::general_purpose::STANDARD;

    use super::*;

    fn decode(json: &str) -> Result<String, &'static str> {
        let value = STANDARD.encode(json);
        let mut buf = DecodeBuffer::new();
        CallbackConfig::decode(value.as_bytes(), &mut buf)
            .map(|c| format!("{c:?}"))
            .map_err(|e| e.entry().message())
    }

    #[test]
    fn decodes_the_seed_examples() {
        let json = r#"{
            "callbackUrl" : "http://abc.com/test.php",
            "callbackHost" : "oss-cn-hangzhou.aliyuncs.com",
            "callbackBody" : "{\"bucket\":${bucket}, \"object\":${object},\"size\":${size},\"mimeType\":${mimeType},\"my_var\":${x:my_var}}",
            "callbackBodyType" : "application/json"
        }"#;
        let value = STANDARD.encode(json);
        let mut buf = DecodeBuffer::new();
        let config = CallbackConfig::decode(value.as_bytes(), &mut buf).unwrap();
        assert_eq!(config.host, Some("oss-cn-hangzhou.aliyuncs.com"));
        assert!(config.body.starts_with("{\"bucket\":${bucket}, \"object\""));
        assert_eq!(config.body_type, Some(BodyType::Json));

        let json = r#"{"callbackUrl" : "http://abc.com/test.php",
            "callbackBody" : "bucket=${bucket}&object=${object}&etag=${etag}&size=${size}&mimeType=${mimeType}&my_var=${x:my_var}"}"#;
        assert!(decode(json).is_ok());
    }

    #[test]
    fn reports_each_rule_with_the_oss_message() {
        let cases = [
            // The troubleshooting page's classic: unescaped quotes inside callbackBody.
            (
                r#"{"callbackUrl":"8.8.8.8:9090","callbackBody":"{"bucket":${bucket},"object":${object}}","callbackBodyType":"application/json"}"#,
                "The callback configuration is not json format",
            ),
            ("[]", "The callback configuration is not json format"),
            (
                r#"{"callbackBody":"a"}"#,
                "The callback url configuration is invalid",
            ),
            (
                r#"{"callbackUrl":["a.cn"],"callbackBody":"a"}"#,
                "The callback url configuration is invalid",
            ),
            (
                r#"{"callbackUrl":"","callbackBody":"a"}"#,
                "The callback url configuration is invalid",
            ),
            (
                r#"{"callbackUrl":"a.cn;b.cn;c.cn;d.cn;e.cn;f.cn","callbackBody":"a"}"#,
                "The number of callback url exceed max value",
            ),
            (
                r#"{"callbackUrl":"127.0.0.1:8088/test.php","callbackBody":"a"}"#,
                "Private address is forbidden to callback",
            ),
            (
                r#"{"callbackUrl":"a.cn","callbackHost":[1,2,3],"callbackBody":"a"}"#,
                "The callback host configuration is invalid",
            ),
            (r#"{"callbackUrl":"a.cn"}"#, "The callback body is empty"),
            (
                r#"{"callbackUrl":"a.cn","callbackBody":""}"#,
                "The callback body is empty",
            ),
            (
                r#"{"callbackUrl":"a.cn","callbackBody":["a"]}"#,
                "The callback body is invalid",
            ),
            (
                r#"{"callbackUrl":"a.cn","callbackBody":"a","callbackBodyType":1}"#,
                "The callback body type configuration is invalid, or The body type of callback is not supported",
            ),
            (
                r#"{"callbackUrl":"a.cn","callbackBody":"a","callbackBodyType":"image/jpg"}"#,
                "The callback body type configuration is invalid, or The body type of callback is not supported",
            ),
            (
                r#"{"callbackUrl":"a.cn","callbackBody":"a","callbackSNI":"true"}"#,
                "The callback sni is invalid.",
            ),
            (
                r#"{"callbackUrl":"a.cn","callbackBody":"a","callbackSNI":123}"#,
                "The callback sni is invalid.",
            ),
            (
                r#"{"callbackUrl":"a.cn","callbackBody":"a","callbackPolicy":1}"#,
                "Invalid Argument. Parameter is invalid",
            ),
            (
                r#"{"callbackUrl":"a.cn","callbackBody":"a","additionalHeaders":{"x-oss-a":"1"}}"#,
                "Invalid Argument. Parameter is invalid",
            ),
            (
                r#"{"callbackUrl":"a.cn","callbackBody":"a","additionalHeaders":{"Upper":"1"}}"#,
                "Invalid Argument. Parameter is invalid",
            ),
            (
                r#"{"callbackUrl":"a.cn","callbackBody":"a","additionalHeaders":{"a":1}}"#,
                "Invalid Argument. Parameter is invalid",
            ),
            (
                r#"{"callbackUrl":"a.cn","callbackBody":"a","additionalHeaders":"a:1"}"#,
                "Invalid Argument. Parameter is invalid",
            ),
        ];
        for (json, message) in cases {
            assert_eq!(decode(json), Err(message), "{json}");
        }
    }

    #[test]
    fn checks_length_then_base64() {
        let mut buf = DecodeBuffer::new();
        let long = "A".repeat(5121);
        let err = CallbackConfig::decode(long.as_bytes(), &mut buf).unwrap_err();
        assert_eq!(err.entry(), Entry::CallbackTooLong);
        let strict = Limits::DEFAULT.with_max_callback_len(5000);
        let err = CallbackConfig::decode_with("A".repeat(5004).as_bytes(), &mut buf, &strict)
            .unwrap_err();
        assert_eq!(err.entry(), Entry::CallbackTooLong);
        for bad in ["eyJ", "eyJhIjoxfQ", "eyJh IjoxfQ==", "eyJhIjoxfQ=="] {
            let err = CallbackConfig::decode(bad.as_bytes(), &mut buf).unwrap_err();
            let expected = if bad == "eyJhIjoxfQ==" {
                Entry::CallbackUrlInvalid
            } else {
                Entry::CallbackNotBase64
            };
            assert_eq!(err.entry(), expected, "{bad}");
        }
        let not_utf8 = STANDARD.encode(b"{\"callbackUrl\":\"\xff\"}");
        assert_eq!(
            CallbackConfig::decode(not_utf8.as_bytes(), &mut buf)
                .unwrap_err()
                .entry(),
            Entry::CallbackNotJson
        );
    }

    #[test]
    fn unescapes_and_reads_optional_fields() {
        let json = r#"{"callbackUrl":"https:\/\/a.cn\/cb","callbackBody":"k=${object}\u0026t=1","callbackSNI":false,
            "callbackPolicy":"p","additionalHeaders":{"x-b\u0061r":"v\"1"},"unknown":{"deep":[1,2]},"callbackUrl":"b.cn"}"#;
        let value = STANDARD.encode(json);
        let mut buf = DecodeBuffer::new();
        let config = CallbackConfig::decode(value.as_bytes(), &mut buf).unwrap();
        assert_eq!(config.url, "b.cn");
        assert_eq!(config.body, "k=${object}&t=1");
        assert_eq!(config.sni, Some(false));
        assert_eq!(config.policy, Some("p"));
        assert_eq!(
            config.additional_headers.unwrap().get("x-bar"),
            Some("v\"1")
        );
    }
}
