//! `--query k=v|k` of `sign|presign|verify`: never panics, splits at the first `=` and
//! decodes nothing, so `name=value` reads back the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oss_doctor::fuzzing;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (name, value) = fuzzing::query(&text);
    assert!(!name.contains('='));
    assert_eq!(
        name.len() + value.len() + usize::from(text.contains('=')),
        text.len()
    );
    assert_eq!(fuzzing::query(&format!("{name}={value}")), (name, value));
});
