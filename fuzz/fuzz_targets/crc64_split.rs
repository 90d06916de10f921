//! Random data split at random points: the one-shot checksum, the streaming digest, the
//! continuation, combine, the precomputed combiner and combine_parts must all agree with
//! a bit-at-a-time CRC-64/XZ.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oss_core::crc64::{Combiner, Crc64, checksum, combine, combine_parts, update};

fn bitwise(data: &[u8]) -> u64 {
    let mut reg = !0u64;
    for &byte in data {
        reg ^= u64::from(byte);
        for _ in 0..8 {
            reg = (reg >> 1) ^ (0xC96C_5795_D787_0F42 & (reg & 1).wrapping_neg());
        }
    }
    !reg
}

fuzz_target!(|input: &[u8]| {
    // The first bytes choose up to four cut points; the rest is the data.
    let (cuts, data) = input.split_at(input.len().min(8));
    let mut points: Vec<usize> = cuts
        .chunks(2)
        .map(|pair| {
            usize::from(u16::from_le_bytes([pair[0], *pair.get(1).unwrap_or(&0)]))
                % (data.len() + 1)
        })
        .collect();
    points.push(0);
    points.push(data.len());
    points.sort_unstable();
    let pieces: Vec<&[u8]> = points.windows(2).map(|w| &data[w[0]..w[1]]).collect();

    let whole = bitwise(data);
    assert_eq!(checksum(data), whole);

    let mut stream = Crc64::new();
    let mut continued = 0;
    let mut combined = 0;
    let mut by_operator = 0;
    for piece in &pieces {
        stream.update(piece);
        continued = update(continued, piece);
        combined = combine(combined, checksum(piece), piece.len() as u64);
        by_operator = Combiner::new(piece.len() as u64).combine(by_operator, checksum(piece));
    }
    assert_eq!(stream.finish(), whole);
    assert_eq!(continued, whole);
    assert_eq!(combined, whole);
    assert_eq!(by_operator, whole);
    assert_eq!(
        combine_parts(
            pieces
                .iter()
                .map(|piece| (checksum(piece), piece.len() as u64))
        ),
        whole
    );
});
