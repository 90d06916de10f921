//! `crc64 --combine <CRC>:<LEN>`: never panics, and an accepted part reads back the same
//! written in decimal or in hex.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oss_doctor::fuzzing;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok((crc, len)) = fuzzing::combine(&text) else {
        return;
    };
    assert_eq!(fuzzing::combine(&format!("{crc}:{len}")), Ok((crc, len)));
    assert_eq!(
        fuzzing::combine(&format!("0x{crc:X}:{len}")),
        Ok((crc, len))
    );
});
