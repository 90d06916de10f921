//! Sizes such as `5GiB` (`multipart plan --size`, `--part-size`): never panics, and
//! agrees with a plain model (digits times a power of 1024, without overflow).
#![no_main]

use libfuzzer_sys::fuzz_target;
use oss_doctor::fuzzing;

/// The model: digits, then an optional unit; `None` for anything else or an overflow.
fn model(text: &str) -> Option<u64> {
    let text = text.trim();
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let (number, unit) = text.split_at(digits);
    let shift = match unit.trim() {
        "" | "B" => 0,
        "KiB" | "K" | "k" => 10,
        "MiB" | "M" => 20,
        "GiB" | "G" => 30,
        "TiB" | "T" => 40,
        _ => return None,
    };
    let number: u128 = number.parse().ok()?;
    u64::try_from(number.checked_mul(1u128 << shift)?).ok()
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parsed = fuzzing::size(&text);
    assert_eq!(parsed.clone().ok(), model(&text), "{text:?}: {parsed:?}");
    if let Ok(size) = parsed {
        assert_eq!(fuzzing::size(&size.to_string()), Ok(size));
    }
});
