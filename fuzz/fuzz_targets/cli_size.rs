//! Sizes such as `5GiB` (`multipart plan --size`, `--part-size`): never panics, and
//! agrees with a plain model (digits times a power of 1024, without overflow).
#![no_main]

use libfuzzer_sys::fuzz_target;
use oss_doctor::fuzzing;

/// Each unit the CLI takes, and the power of 1024 it multiplies by.
const UNITS: [(&str, u32); 11] = [
    ("", 0),
    ("B", 0),
    ("k", 1),
    ("K", 1),
    ("KiB", 1),
    ("M", 2),
    ("MiB", 2),
    ("G", 3),
    ("GiB", 3),
    ("T", 4),
    ("TiB", 4),
];

/// The model: digits, then an optional unit; `None` for anything else or an overflow.
fn model(text: &str) -> Option<u64> {
    let text = text.trim();
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let (number, unit) = text.split_at(digits);
    let (_, power) = UNITS.iter().find(|(name, _)| *name == unit.trim())?;
    let number: u128 = number.parse().ok()?;
    u64::try_from(number.checked_mul(1024u128.pow(*power))?).ok()
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parsed = fuzzing::size(&text);
    assert_eq!(parsed.clone().ok(), model(&text), "{text:?}: {parsed:?}");
    if let Ok(size) = parsed {
        assert_eq!(fuzzing::size(&size.to_string()), Ok(size));
    }
});
