//! The response rules and the JSON check: never panic, and a reply with a BOM is never
//! accepted.
#![no_main]

use core::time::Duration;

use libfuzzer_sys::fuzz_target;
use oss_core::callback::{CallbackReply, UTF8_BOM, is_json};

fuzz_target!(|data: &[u8]| {
    let Some((&[status_hi, status_lo, millis, split], rest)) = data.split_first_chunk::<4>() else {
        return;
    };
    let split = usize::from(split).min(rest.len());
    let (length, body) = rest.split_at(split);
    let status = u16::from_be_bytes([status_hi, status_lo]);
    let reply = CallbackReply::new(status, body)
        .with_content_length(length)
        .with_elapsed(Duration::from_millis(u64::from(millis) * 30));
    let verdict = reply.check();
    if body.starts_with(UTF8_BOM) {
        assert!(verdict.is_err());
    }
    let _ = is_json(data);
});
