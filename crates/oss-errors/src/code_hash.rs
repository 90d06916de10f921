//! Code name to [`Code`] in constant time: a perfect hash found at compile time.
//!
//! The hash mixes every byte of the name (codes are short, and several differ in one
//! byte only); the build searches for a seed that gives every code its own slot, so a
//! lookup is one hash, one table read and one comparison.

use crate::Code;

const CODES: usize = Code::ALL.len();
const SLOTS: usize = 2048;
const EMPTY: u8 = u8::MAX;

const fn hash(name: &[u8], seed: usize) -> usize {
    let mut h = seed ^ name.len().wrapping_mul(0x9e37_79b9);
    let mut i = 0;
    while i < name.len() {
        h = (h ^ name[i] as usize).wrapping_mul(0x0100_0193);
        i += 1;
    }
    (h ^ (h >> 17)) % SLOTS
}

/// The seed and the slots (each an index into `Code::ALL`, or `EMPTY`).
#[expect(
    clippy::cast_possible_truncation,
    reason = "fewer than 255 codes, asserted"
)]
const TABLE: (usize, [u8; SLOTS]) = {
    assert!(CODES < EMPTY as usize);
    let mut seed = 0;
    loop {
        let mut slots = [EMPTY; SLOTS];
        let mut i = 0;
        while i < CODES {
            let slot = hash(Code::ALL[i].as_str().as_bytes(), seed);
            if slots[slot] != EMPTY {
                break;
            }
            slots[slot] = i as u8;
            i += 1;
        }
        if i == CODES {
            break (seed, slots);
        }
        seed += 1;
        assert!(
            seed < 100_000,
            "no perfect hash seed found: widen the table"
        );
    }
};

static SLOT_TABLE: [u8; SLOTS] = TABLE.1;

/// The code spelled exactly `name`.
pub(crate) fn code_named(name: &[u8]) -> Option<Code> {
    let index = SLOT_TABLE[hash(name, TABLE.0)];
    let code = *Code::ALL.get(usize::from(index))?;
    (code.as_str().as_bytes() == name).then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_its_own_slot() {
        for &code in Code::ALL {
            assert_eq!(code_named(code.as_str().as_bytes()), Some(code));
        }
        let used = SLOT_TABLE.iter().filter(|&&slot| slot != EMPTY).count();
        assert_eq!(used, CODES);
    }

    #[test]
    fn other_names_miss() {
        for name in [
            "",
            "a",
            "NoSuchKeX",
            "TooManyIncomingReplicatioN",
            "\u{e9}\u{e9}\u{e9}",
        ] {
            assert_eq!(code_named(name.as_bytes()), None, "{name}");
        }
    }
}
