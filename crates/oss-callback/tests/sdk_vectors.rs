//! Callbacks encoded by the official SDKs (ali-oss `encodeCallback`, and the json.dumps +
//! base64 recipe of the Python SDK samples) decode to what they meant, or fail with the
//! message OSS gives. Regenerate with `python3 scripts/vectors/gen_callback.py`.

use oss_callback::{BodyType, CallbackConfig, CallbackVars, DecodeBuffer};
use serde_json::Value;

const VECTORS: &str = include_str!("../../../tests/vectors/callback_configs.jsonl");

fn decode_line(line: &Value) -> Result<Value, String> {
    let mut buf = DecodeBuffer::new();
    let callback = line["callback"].as_str().expect("callback is a string");
    let config =
        CallbackConfig::decode(callback.as_bytes(), &mut buf).map_err(|e| e.to_string())?;
    let mut var_buf = DecodeBuffer::new();
    let vars = match line["callback_var"].as_str() {
        Some(value) => {
            CallbackVars::decode(value.as_bytes(), &mut var_buf).map_err(|e| e.to_string())?
        }
        None => CallbackVars::EMPTY,
    };
    Ok(serde_json::json!({
        "url": config.url,
        "host": config.host,
        "body": config.body,
        "body_type": config.body_type.map(BodyType::as_str),
        "sni": config.sni,
        "vars": vars.iter().map(|(k, v)| (k.to_owned(), Value::from(v))).collect::<serde_json::Map<_, _>>(),
    }))
}

#[test]
fn sdk_encoded_callbacks_decode_as_meant() {
    let mut count = 0;
    for text in VECTORS.lines() {
        let line: Value = serde_json::from_str(text).unwrap();
        let got = decode_line(&line);
        match line.get("error") {
            Some(message) => assert_eq!(got, Err(message.as_str().unwrap().to_owned()), "{text}"),
            None => assert_eq!(got, Ok(line["expect"].clone()), "{text}"),
        }
        count += 1;
    }
    assert!(count >= 30, "only {count} vectors");
}
