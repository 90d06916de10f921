//! The `callback serve` handler, without a socket: never panics, answers 200, 400 or 501
//! with a JSON body, and its text log escapes every control character from the network.
//!
//! Input: lines for the method, the target, `Authorization`, `x-oss-pub-key-url` and
//! `Content-Type`; the rest is the body.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oss_doctor::fuzzing;

fuzz_target!(|data: &[u8]| {
    let mut fields = data.splitn(6, |&b| b == b'\n');
    let mut next = || fields.next().unwrap_or_default();
    let method = String::from_utf8_lossy(next()).into_owned();
    let target = String::from_utf8_lossy(next()).into_owned();
    let (authorization, pub_key_url, content_type, body) = (next(), next(), next(), next());
    let served = fuzzing::serve(
        &method,
        &target,
        authorization,
        pub_key_url,
        content_type,
        body,
    );
    assert!(
        matches!(served.status, 200 | 400 | 501),
        "{}",
        served.status
    );
    assert!(served.body.starts_with('{') && served.body.ends_with('}'));
    assert!(
        served
            .log_text
            .chars()
            .all(|c| c == '\n' || !c.is_control()),
        "{:?}",
        served.log_text
    );
    assert!(!served.log_json.contains('\n'));
});
