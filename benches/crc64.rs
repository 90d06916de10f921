//! CRC-64/XZ benchmarks: oss-crc64 beside crc-fast (`Crc64Xz`), crc64fast and `crc`
//! (`CRC_64_XZ`, default table) in the same groups, plus `crc64` (CRC-64/Jones, a
//! different CRC, shown only as a reference point). Combine: oss-crc64 against
//! crc-fast's `checksum_combine`.
#![allow(missing_docs)]

use core::hint::black_box;

use crc_fast::CrcAlgorithm;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use oss_core::crc64 as ours;

const SIZES: [(usize, &str); 4] = [
    (64, "64B"),
    (4096, "4KiB"),
    (1 << 20, "1MiB"),
    (64 << 20, "64MiB"),
];

fn crc_xz_table() -> crc::Crc<u64> {
    crc::Crc::<u64>::new(&crc::CRC_64_XZ)
}

fn crc64fast_checksum(data: &[u8]) -> u64 {
    let mut digest = crc64fast::Digest::new();
    digest.write(data);
    digest.sum64()
}

/// Deterministic filler (xorshift), so every run hashes the same bytes.
fn input(len: usize) -> Vec<u8> {
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state.to_le_bytes()[0]
        })
        .collect()
}

/// The XZ peers must agree with us before their timings mean anything.
fn identity_check() {
    let table = crc_xz_table();
    for data in [b"123456789".to_vec(), input(100_003)] {
        let expected = ours::checksum(&data);
        assert_eq!(crc_fast::checksum(CrcAlgorithm::Crc64Xz, &data), expected);
        assert_eq!(crc64fast_checksum(&data), expected);
        assert_eq!(table.checksum(&data), expected);
    }
    assert_eq!(ours::checksum(b"123456789"), 0x995D_C9BB_DF19_39FA);
    assert_ne!(
        crc64::crc64(0, b"123456789"),
        0x995D_C9BB_DF19_39FA,
        "crc64 is Jones, not XZ"
    );
    for len in [1, 1024, 1 << 20, 5 << 30] {
        let (a, b) = (0x0123_4567_89AB_CDEF, 0xFEDC_BA98_7654_3210);
        assert_eq!(
            crc_fast::checksum_combine(CrcAlgorithm::Crc64Xz, a, b, len),
            ours::combine(a, b, len)
        );
    }
}

fn checksum(c: &mut Criterion) {
    identity_check();
    let table = crc_xz_table();
    let mut group = c.benchmark_group("crc64/checksum");
    for (size, label) in SIZES {
        let data = input(size);
        group.throughput(Throughput::Bytes(size as u64));
        group.bench_with_input(BenchmarkId::new("oss-crc64", label), &data, |b, data| {
            b.iter(|| ours::checksum(black_box(data)));
        });
        group.bench_with_input(BenchmarkId::new("crc-fast", label), &data, |b, data| {
            b.iter(|| crc_fast::checksum(CrcAlgorithm::Crc64Xz, black_box(data)));
        });
        group.bench_with_input(BenchmarkId::new("crc64fast", label), &data, |b, data| {
            b.iter(|| crc64fast_checksum(black_box(data)));
        });
        group.bench_with_input(BenchmarkId::new("crc", label), &data, |b, data| {
            b.iter(|| table.checksum(black_box(data)));
        });
        group.bench_with_input(BenchmarkId::new("crc64-jones", label), &data, |b, data| {
            b.iter(|| crc64::crc64(0, black_box(data)));
        });
    }
    group.finish();
}

fn combine(c: &mut Criterion) {
    let lengths: [(u64, &str); 5] = [
        (1, "1B"),
        (1 << 10, "1KiB"),
        (1 << 20, "1MiB"),
        ((5 << 30) - 1, "5GiB-1"),
        (5 << 30, "5GiB"),
    ];
    let (a, b) = (0x0123_4567_89AB_CDEFu64, 0xFEDC_BA98_7654_3210u64);
    let mut group = c.benchmark_group("crc64/combine");
    for (len, label) in lengths {
        group.bench_with_input(BenchmarkId::new("oss-crc64", label), &len, |bench, &len| {
            bench.iter(|| ours::combine(black_box(a), black_box(b), black_box(len)));
        });
        let combiner = ours::Combiner::new(len);
        group.bench_with_input(
            BenchmarkId::new("oss-crc64-precomputed", label),
            &len,
            |bench, _| {
                bench.iter(|| black_box(combiner).combine(black_box(a), black_box(b)));
            },
        );
        group.bench_with_input(BenchmarkId::new("crc-fast", label), &len, |bench, &len| {
            bench.iter(|| {
                crc_fast::checksum_combine(
                    CrcAlgorithm::Crc64Xz,
                    black_box(a),
                    black_box(b),
                    black_box(len),
                )
            });
        });
    }
    group.finish();

    // A 5 TB object in 1000 parts of 5 GiB: the whole-object CRC from the part CRCs.
    let parts: Vec<(u64, u64)> = (0..1000u64)
        .map(|i| (i.wrapping_mul(0x9E37_79B9_7F4A_7C15), 5 << 30))
        .collect();
    let mut group = c.benchmark_group("crc64/combine_parts");
    group.sample_size(10);
    group.throughput(Throughput::Elements(parts.len() as u64));
    group.bench_function(BenchmarkId::new("oss-crc64", "1000x5GiB"), |bench| {
        bench.iter(|| ours::combine_parts(black_box(&parts).iter().copied()));
    });
    group.bench_function(BenchmarkId::new("crc-fast", "1000x5GiB"), |bench| {
        bench.iter(|| {
            black_box(&parts).iter().fold(0, |crc, &(part, len)| {
                crc_fast::checksum_combine(CrcAlgorithm::Crc64Xz, crc, part, len)
            })
        });
    });
    group.finish();
}

criterion_group!(benches, checksum, combine);
criterion_main!(benches);
