//! Kernel selection: the fastest implementation this CPU supports, chosen at run time
//! without `std` (CPUID through `cpufeatures`), and the portable table kernel otherwise.
//!
//! All of the crate's `unsafe` code lives in the architecture submodules, each block with
//! its safety argument; the table kernel ([`crate::table`]) is their safe scalar twin,
//! which the property tests compare every kernel against.

#[cfg(target_arch = "x86_64")]
#[allow(unsafe_code)]
mod x86;

use crate::combine::shift_with;
use crate::poly::mul_mod_normal;
use crate::table;

/// Advances the CRC register over `data` with the best kernel.
#[inline]
pub(crate) fn update(reg: u64, data: &[u8]) -> u64 {
    #[cfg(target_arch = "x86_64")]
    if let Some(simd) = x86::detect() {
        return simd.update(reg, data);
    }
    table::update(reg, data)
}

/// `value · x^(8·len) mod P` in normal bit order, with the best multiplier.
#[inline]
pub(crate) fn shift(value: u64, len: u64) -> u64 {
    #[cfg(target_arch = "x86_64")]
    if let Some(simd) = x86::detect() {
        return simd.shift(value, len);
    }
    shift_with(value, len, mul_mod_normal)
}

/// `a · b mod P` in normal bit order, with the best multiplier.
#[inline]
pub(crate) fn mul_mod(a: u64, b: u64) -> u64 {
    #[cfg(target_arch = "x86_64")]
    if let Some(simd) = x86::detect() {
        return simd.mul_mod(a, b);
    }
    mul_mod_normal(a, b)
}

/// One kernel, named, for tests that run every kernel this CPU supports.
#[cfg(test)]
#[derive(Clone, Copy, Debug)]
pub(crate) enum Kernel {
    /// The portable slicing-by-16 kernel.
    Table,
    /// A SIMD tier.
    #[cfg(target_arch = "x86_64")]
    Simd(x86::Simd),
}

#[cfg(test)]
impl Kernel {
    /// The table kernel and every SIMD tier this CPU supports.
    pub(crate) fn all() -> impl Iterator<Item = Self> {
        let simd = {
            #[cfg(target_arch = "x86_64")]
            {
                x86::all_supported().map(Self::Simd)
            }
            #[cfg(not(target_arch = "x86_64"))]
            {
                core::iter::empty()
            }
        };
        core::iter::once(Self::Table).chain(simd)
    }

    /// Advances the register with this kernel.
    pub(crate) fn update(self, reg: u64, data: &[u8]) -> u64 {
        match self {
            Self::Table => table::update(reg, data),
            #[cfg(target_arch = "x86_64")]
            Self::Simd(simd) => simd.update(reg, data),
        }
    }

    /// `value · x^(8·len) mod P` with this kernel's multiplier.
    pub(crate) fn shift(self, value: u64, len: u64) -> u64 {
        match self {
            Self::Table => shift_with(value, len, mul_mod_normal),
            #[cfg(target_arch = "x86_64")]
            Self::Simd(simd) => simd.shift(value, len),
        }
    }
}

#[cfg(test)]
mod tests;
