//! The POST policy reader on arbitrary JSON text and base64 fields.
//!
//! Parsing must never panic; an accepted policy must evaluate without panicking and
//! render every condition.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oss_core::multipart::Policy;

fuzz_target!(|data: &[u8]| {
    let mut buf = [0u8; 4096];
    if let Ok(json) = Policy::decode(data, &mut buf) {
        let _ = Policy::parse(json);
    }
    let Ok(policy) = Policy::parse(data) else {
        return;
    };
    assert!(policy.conditions().count() > 0);
    for condition in policy.conditions() {
        let _ = condition.to_string();
        let _ = condition.allows_value(data);
    }
    let fields: [(&[u8], &[u8]); 3] = [
        (b"key", data),
        (b"bucket", b"b"),
        (b"Content-Type", b"text/plain"),
    ];
    let _ = policy
        .check(0, fields, data.len() as u64)
        .map_err(|violation| violation.to_string());
});
