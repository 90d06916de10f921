//! Fuzz `ParsedAuthorization::parse`: never panics; what it accepts has both parts.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oss_core::sign::ParsedAuthorization;

fuzz_target!(|data: &[u8]| {
    if let Ok(auth) = ParsedAuthorization::parse(data) {
        assert!(!auth.access_key_id().is_empty());
        assert!(!auth.signature().is_empty());
    }
});
