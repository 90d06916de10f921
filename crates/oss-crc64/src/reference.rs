//! Naive models the tests compare the fast paths against.

use crate::poly::POLY_REFLECTED;

/// CRC-64/XZ one bit at a time, continuing from `crc` (a final CRC, 0 to start).
pub(crate) fn bitwise(crc: u64, data: &[u8]) -> u64 {
    let mut reg = !crc;
    for &byte in data {
        reg ^= u64::from(byte);
        for _ in 0..8 {
            reg = if reg & 1 == 1 {
                (reg >> 1) ^ POLY_REFLECTED
            } else {
                reg >> 1
            };
        }
    }
    !reg
}

/// The combine every OSS SDK uses (zlib 1.2's GF(2) matrix squaring, widened to 64 bits):
/// operators for 1, 2, 4, ... zero bits, applied for each set bit of `8·len2`.
pub(crate) fn matrix_combine(mut crc1: u64, crc2: u64, mut len2: u64) -> u64 {
    fn times(matrix: &[u64; 64], mut vector: u64) -> u64 {
        let mut sum = 0;
        let mut row = 0;
        while vector != 0 {
            if vector & 1 == 1 {
                sum ^= matrix[row];
            }
            vector >>= 1;
            row += 1;
        }
        sum
    }
    fn square(matrix: &[u64; 64]) -> [u64; 64] {
        core::array::from_fn(|n| times(matrix, matrix[n]))
    }
    if len2 == 0 {
        return crc1;
    }
    // The operator for one zero bit: row 0 feeds the polynomial back, row n shifts.
    let mut odd = [0u64; 64];
    odd[0] = POLY_REFLECTED;
    for (n, row) in odd.iter_mut().enumerate().skip(1) {
        *row = 1 << (n - 1);
    }
    let mut even = square(&odd); // 2 zero bits
    odd = square(&even); // 4 zero bits
    loop {
        even = square(&odd); // first pass: 8 zero bits, one byte
        if len2 & 1 == 1 {
            crc1 = times(&even, crc1);
        }
        len2 >>= 1;
        if len2 == 0 {
            break;
        }
        odd = square(&even);
        if len2 & 1 == 1 {
            crc1 = times(&odd, crc1);
        }
        len2 >>= 1;
        if len2 == 0 {
            break;
        }
    }
    crc1 ^ crc2
}

#[test]
fn references_agree_on_published_vectors() {
    assert_eq!(bitwise(0, b"123456789"), 0x995D_C9BB_DF19_39FA);
    assert_eq!(bitwise(0, b"IHATEMATH"), 0x3920_E0F6_6B6E_E0C8);
    assert_eq!(
        matrix_combine(0x5DA7_46FF_A504_5CE9, 0x8EA5_EB02_AD6E_7911, 4),
        0x995D_C9BB_DF19_39FA
    );
    assert_eq!(
        matrix_combine(0x995D_C9BB_DF19_39FA, 0x27DB_187F_C15B_BC72, 49),
        0x6A7A_A19F_CBF4_8688
    );
}
