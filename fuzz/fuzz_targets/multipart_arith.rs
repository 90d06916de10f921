//! Part planning, append, client-side-encryption and part-rule arithmetic (oss-multipart
//! `plan.rs`, `append.rs`, `encryption.rs`, `part.rs`) on arbitrary `u64` sizes.
//!
//! - `PartPlan::new`: never panics or overflows; a plan has 1..=10000 parts of
//!   100 KiB..=5 GiB (the last may be smaller), which cover the object exactly, in order,
//!   without gaps, and pass `check_parts`; the wished size is kept when it is allowed and
//!   enough; a refused plan is an object over the multipart limit.
//! - `check_append`: the next position is `position + len` exactly when the position is
//!   the current length and the result stays within 5 GiB.
//! - `EncryptedUpload`: accepted exactly for a part size that is a positive multiple of
//!   16 and at most 10000 parts; the expected part sizes sum to the data size and
//!   `check_complete` accepts exactly that list; decimal headers agree with the numbers.
//! - `check_part_number`, `parse_part_number`, `check_part_size` and `check_parts` against
//!   the documented limits, on fuzzed part lists.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oss_core::errors::Entry;
use oss_core::multipart::{
    EncryptedUpload, MAX_MULTIPART_OBJECT_SIZE, MAX_PART_NUMBER, MAX_PART_SIZE, MIN_PART_SIZE,
    PartPlan, check_append, check_part_number, check_part_size, check_parts, parse_part_number,
};

const MAX_APPEND: u64 = 5 * 1024 * 1024 * 1024;

fn plan(size: u64, wished: Option<u64>) {
    let Ok(plan) = PartPlan::new(size, wished) else {
        assert!(size > MAX_MULTIPART_OBJECT_SIZE, "{size} {wished:?}");
        return;
    };
    assert!(size <= MAX_MULTIPART_OBJECT_SIZE);
    assert_eq!(plan.object_size(), size);
    let count = plan.part_count();
    assert!((1..=MAX_PART_NUMBER).contains(&count));
    assert!((MIN_PART_SIZE..=MAX_PART_SIZE).contains(&plan.part_size()));
    assert!(plan.last_part_size() <= plan.part_size());
    assert!(plan.last_part_size() > 0 || size == 0);
    if let Some(wished) = wished
        && (MIN_PART_SIZE..=MAX_PART_SIZE).contains(&wished)
        && size.div_ceil(wished) <= u64::from(MAX_PART_NUMBER)
    {
        assert_eq!(plan.part_size(), wished);
        assert!(!plan.adjusted(Some(wished)));
    }
    assert_eq!(plan.part(0), None);
    assert_eq!(plan.part(count + 1), None);
    let mut next = 0u64;
    let mut parts = Vec::with_capacity(count as usize);
    for (number, offset, len) in plan.parts() {
        assert_eq!(offset, next);
        assert_eq!(plan.part(number), Some((offset, len)));
        next = offset.checked_add(len).expect("no overflow");
        parts.push((number, len));
    }
    assert_eq!(parts.len(), count as usize);
    assert_eq!(next, size);
    assert_eq!(check_parts(parts.iter().copied()), Ok(size));
}

fn append(position: u64, current: Option<u64>, len: u64) {
    let verdict = check_append(position, current, len);
    if position != current.unwrap_or(0) {
        assert_eq!(
            verdict.map_err(|e| e.entry()),
            Err(Entry::PositionNotEqualToLength)
        );
    } else {
        match position.checked_add(len).filter(|&n| n <= MAX_APPEND) {
            Some(next) => assert_eq!(verdict, Ok(next)),
            None => assert_eq!(
                verdict.map_err(|e| e.entry()),
                Err(Entry::InlineDataTooLarge)
            ),
        }
    }
}

fn encrypted(data_size: u64, part_size: u64, sizes: &[(u32, u64)]) {
    let upload = EncryptedUpload::new(data_size, part_size);
    let from_headers = EncryptedUpload::from_headers(
        Some(data_size.to_string().as_bytes()),
        Some(format!(" {part_size}\t").as_bytes()),
    );
    assert_eq!(upload, from_headers);
    let aligned = part_size != 0 && part_size.is_multiple_of(16);
    let Ok(upload) = upload else {
        assert!(!aligned || data_size.div_ceil(part_size) > u64::from(MAX_PART_NUMBER));
        return;
    };
    assert!(aligned);
    let count = upload.part_count();
    assert_eq!(u64::from(count), data_size.div_ceil(part_size));
    let expected: Vec<(u32, u64)> = (1..=count)
        .map(|n| (n, upload.expected_size(n).expect("in range")))
        .collect();
    assert_eq!(
        expected.iter().map(|&(_, s)| u128::from(s)).sum::<u128>(),
        u128::from(data_size)
    );
    assert!(expected.iter().all(|&(_, s)| s > 0 && s <= part_size));
    assert_eq!(upload.expected_size(0), None);
    assert_eq!(upload.expected_size(count + 1), None);
    assert_eq!(upload.check_complete(expected.iter().copied()), Ok(()));
    let verdict = upload.check_complete(sizes.iter().copied());
    assert_eq!(verdict.is_ok(), sizes == expected.as_slice());
    for &(number, size) in sizes {
        let ok = upload.expected_size(number) == Some(size);
        assert_eq!(upload.check_part(number, size).is_ok(), ok);
    }
}

fn part_rules(sizes: &[(u32, u64)]) {
    for &(number, size) in sizes {
        let valid = (1..=MAX_PART_NUMBER).contains(&number);
        assert_eq!(check_part_number(number).is_ok(), valid);
        assert_eq!(
            parse_part_number(number.to_string().as_bytes()).ok(),
            valid.then_some(number)
        );
        assert_eq!(check_part_size(size, true).is_ok(), size <= MAX_PART_SIZE);
        assert_eq!(
            check_part_size(size, false).is_ok(),
            (MIN_PART_SIZE..=MAX_PART_SIZE).contains(&size)
        );
    }
    let total = sizes.iter().map(|&(_, s)| u128::from(s)).sum::<u128>();
    let model = !sizes.is_empty()
        && sizes
            .iter()
            .all(|&(n, _)| (1..=MAX_PART_NUMBER).contains(&n))
        && sizes.windows(2).all(|w| w[0].0 < w[1].0)
        && sizes[..sizes.len().saturating_sub(1)]
            .iter()
            .all(|&(_, s)| (MIN_PART_SIZE..=MAX_PART_SIZE).contains(&s))
        && sizes.last().is_some_and(|&(_, s)| s <= MAX_PART_SIZE)
        && total <= u128::from(MAX_MULTIPART_OBJECT_SIZE);
    let verdict = check_parts(sizes.iter().copied());
    assert_eq!(verdict.is_ok(), model, "{sizes:?}: {verdict:?}");
    if let Ok(sum) = verdict {
        assert_eq!(u128::from(sum), total);
    }
}

/// Spreads a fuzzed `u64` over the interesting scales (bytes, KiB, MiB, GiB, TiB, any).
fn scaled(raw: u64, scale: u8) -> u64 {
    match scale % 6 {
        0 => raw % 4096,
        1 => raw % (1 << 30),
        2 => raw % (1 << 40),
        3 => raw % (MAX_MULTIPART_OBJECT_SIZE + 2),
        4 => (raw % 20_000) * 16,
        _ => raw,
    }
}

/// Object size, part size, their scales, the current length and the appended length of
/// an append, and a part list.
type Input = (u64, u64, u8, u8, Option<u64>, u64, Vec<(u32, u64)>);

fuzz_target!(|input: Input| {
    let (a, b, scale_a, scale_b, current, len, sizes) = input;
    let size = scaled(a, scale_a);
    let part = scaled(b, scale_b);
    plan(size, Some(part));
    plan(size, None);
    plan(a, Some(b));
    append(size, current, len);
    append(size, Some(size), part);
    encrypted(size, part, &sizes);
    encrypted(size, part - part % 16, &sizes);
    part_rules(&sizes);
    let scaled_sizes: Vec<(u32, u64)> = sizes
        .iter()
        .map(|&(n, s)| (n % 10_002, scaled(s, scale_b)))
        .collect();
    part_rules(&scaled_sizes);
});
