//! `--header 'Name: value'` of `sign|presign|verify`: never panics; a name and a value it
//! accepts are trimmed, the name is not empty, and `name: value` reads back the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oss_doctor::fuzzing;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok((name, value)) = fuzzing::header(&text) else {
        assert!(!text.contains(':') || text.split(':').next().is_some_and(|n| n.trim().is_empty()));
        return;
    };
    assert!(!name.is_empty());
    assert_eq!(name.trim(), name);
    assert_eq!(value.trim(), value);
    assert!(!name.contains(':'));
    assert_eq!(
        fuzzing::header(&format!("{name}: {value}")),
        Ok((name, value))
    );
});
