//! Every kernel against the bit-at-a-time reference, on random lengths, alignments,
//! registers and split points.

use alloc::vec::Vec;
use proptest::prelude::*;

use super::Kernel;
use crate::reference;

/// Random bytes with a few extra in front, so a test can start at any alignment.
fn data_and_offset(max_len: usize) -> impl Strategy<Value = (Vec<u8>, usize)> {
    (0..=max_len, 0usize..64).prop_flat_map(|(len, offset)| {
        (
            proptest::collection::vec(any::<u8>(), len + offset),
            Just(offset),
        )
    })
}

fn check_all(crc: u64, data: &[u8]) {
    let expected = reference::bitwise(crc, data);
    for kernel in Kernel::all() {
        assert_eq!(
            !kernel.update(!crc, data),
            expected,
            "{kernel:?}, {} bytes",
            data.len()
        );
    }
}

#[test]
fn every_length_up_to_two_bulk_blocks_of_the_widest_kernel() {
    let data: Vec<u8> = (0..1100u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13).to_le_bytes()[0])
        .collect();
    for len in 0..=data.len() {
        check_all(0, &data[..len]);
        check_all(0x0123_4567_89AB_CDEF, &data[data.len() - len..]);
    }
}

#[test]
fn all_ones_and_all_zeros_around_the_loop_boundaries() {
    for len in [
        127,
        128,
        129,
        255,
        256,
        257,
        511,
        512,
        513,
        1023,
        1024,
        1025,
        4096,
        65_536 + 15,
    ] {
        check_all(0, &std::vec![0u8; len]);
        check_all(0, &std::vec![0xFFu8; len]);
        check_all(u64::MAX, &std::vec![0xFFu8; len]);
    }
}

#[test]
fn published_vectors_on_every_kernel() {
    let vectors: [(&[u8], u64); 5] = [
        (b"", 0),
        (b"123456789", 0x995D_C9BB_DF19_39FA),
        (b"This is a test of the emergency broadcast system.", 0x27DB_187F_C15B_BC72),
        (b"Even if I could be Shakespeare, I think I should still choose to be Faraday. - A. Huxley", 0x7AD2_5FAF_A171_0407),
        (b"hi oss", 0x78D6_1E7C_4C11_1A90),
    ];
    for (input, expected) in vectors {
        for kernel in Kernel::all() {
            assert_eq!(!kernel.update(!0, input), expected, "{kernel:?}");
        }
    }
}

/// The run-time detection (CPUID through `cpufeatures`, without std) finds the same
/// tiers as std's detection, so the tests above did exercise every kernel this CPU has.
#[cfg(target_arch = "x86_64")]
#[test]
fn detection_without_std_matches_std() {
    use std::is_x86_feature_detected as has;
    let tiers: Vec<_> = Kernel::all()
        .map(|kernel| std::format!("{kernel:?}"))
        .collect();
    std::eprintln!("kernels under test: {tiers:?}");
    let found = |name: &str| tiers.iter().any(|tier| tier.contains(name));
    assert_eq!(found("Pclmul("), has!("pclmulqdq"));
    assert_eq!(
        found("Vpclmul256"),
        has!("pclmulqdq") && has!("avx2") && has!("vpclmulqdq")
    );
    assert_eq!(
        found("Vpclmul512"),
        has!("pclmulqdq") && has!("avx2") && has!("avx512f") && has!("vpclmulqdq")
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn kernels_equal_the_bitwise_reference((data, offset) in data_and_offset(3000), crc in any::<u64>()) {
        check_all(crc, &data[offset..]);
    }

    #[test]
    fn kernels_split_anywhere_equal_one_shot((data, offset) in data_and_offset(2500), cut in any::<prop::sample::Index>()) {
        let data = &data[offset..];
        let (a, b) = data.split_at(cut.index(data.len() + 1));
        let whole = reference::bitwise(0, data);
        for kernel in Kernel::all() {
            prop_assert_eq!(!kernel.update(kernel.update(!0, a), b), whole);
        }
    }

    #[test]
    fn shifts_agree_across_kernels(value in any::<u64>(), len in any::<u64>()) {
        let mut kernels = Kernel::all();
        let first = kernels.next().map(|kernel| kernel.shift(value, len));
        for kernel in kernels {
            prop_assert_eq!(Some(kernel.shift(value, len)), first);
        }
    }
}
