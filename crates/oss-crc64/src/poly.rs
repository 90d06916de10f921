//! The CRC-64/XZ polynomial and the compile-time arithmetic built on it.
//!
//! Two bit orders appear in this crate:
//! - *reflected* (the CRC register's order): bit `i` of a `u64` is the coefficient of
//!   `x^(63-i)`, so the polynomial `1` is `1 << 63`. Checksums and fold constants use it.
//! - *normal*: bit `i` is the coefficient of `x^i`. The combine arithmetic uses it, since
//!   carry-less multiplication and Barrett reduction read most naturally that way.
//!
//! Everything here is `const fn`, evaluated at compile time into tables and constants.

/// The ECMA-182 polynomial without its `x^64` term, in normal bit order.
pub(crate) const POLY: u64 = 0x42F0_E1EB_A9EA_3693;

/// [`POLY`] in reflected bit order (the form table-driven CRC code uses).
pub(crate) const POLY_REFLECTED: u64 = POLY.reverse_bits();

/// Multiplies a reflected residue by `x` (one zero bit through the CRC register).
const fn times_x_reflected(value: u64) -> u64 {
    let carry = value & 1;
    (value >> 1) ^ (POLY_REFLECTED & carry.wrapping_neg())
}

/// `x^n mod P` in reflected bit order.
pub(crate) const fn x_pow_reflected(n: u32) -> u64 {
    let mut value = 1u64 << 63;
    let mut i = 0;
    while i < n {
        value = times_x_reflected(value);
        i += 1;
    }
    value
}

/// `a · b mod P` in normal bit order, one bit at a time (Horner's rule).
///
/// This is the portable multiplier; the kernels use carry-less multiplication instead.
pub(crate) const fn mul_mod_normal(a: u64, b: u64) -> u64 {
    let mut product = 0u64;
    let mut bit = 64;
    while bit > 0 {
        bit -= 1;
        let overflow = product >> 63;
        product = (product << 1) ^ (POLY & overflow.wrapping_neg());
        product ^= a & ((b >> bit) & 1).wrapping_neg();
    }
    product
}

/// The low 64 bits of `floor(x^128 / P)` in normal bit order (the quotient has degree
/// 64, and its `x^64` term is implied): the Barrett constant of the combine multiplier.
pub(crate) const BARRETT_MU: u64 = {
    // Long division of x^128 by P, one quotient bit per step, with `rem` a 64-bit
    // window on the running remainder that slides down one degree per step.
    // The leading step, x^128 - x^64·P, leaves POLY·x^64: the quotient's implied x^64
    // bit, and a window holding the coefficients of x^127..x^64.
    let mut quotient = 0u64;
    let mut rem = POLY;
    let mut step = 0;
    // Each further power: multiply the remainder by x; if it reaches degree 64, subtract P
    // and set the matching quotient bit (x^(63-step)).
    while step < 64 {
        let top = rem >> 63;
        rem = (rem << 1) ^ (POLY & top.wrapping_neg());
        quotient |= top << (63 - step);
        step += 1;
    }
    quotient
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reflected_polynomial_is_the_xz_one() {
        assert_eq!(POLY_REFLECTED, 0xC96C_5795_D787_0F42);
    }

    #[test]
    fn x_pow_agrees_with_normal_multiplication() {
        // x^k in normal order for k < 64 is 1 << k; reflecting must agree.
        for k in 0..64 {
            assert_eq!(x_pow_reflected(k), (1u64 << k).reverse_bits());
        }
        // x^64 ≡ POLY.
        assert_eq!(x_pow_reflected(64), POLY.reverse_bits());
        // x^100 = x^60 · x^40.
        let product = mul_mod_normal(1 << 60, 1 << 40);
        assert_eq!(x_pow_reflected(100), product.reverse_bits());
    }

    #[test]
    fn barrett_mu_times_p_is_x128_minus_a_small_remainder() {
        // (x^64 + MU) · (x^64 + POLY) = x^128 + R with deg R < 64. Expand over GF(2):
        // x^128 + x^64·(MU ^ POLY) + MU·POLY; so x^64·(MU ^ POLY) + hi(MU·POLY)·x^64 must
        // vanish: MU ^ POLY == hi64(MU·POLY).
        let mut hi = 0u64;
        for i in 0..64 {
            if (BARRETT_MU >> i) & 1 == 1 && i > 0 {
                hi ^= POLY >> (64 - i);
            }
        }
        assert_eq!(BARRETT_MU ^ POLY, hi);
    }
}
