//! CRC-64/XZ as Alibaba Cloud OSS uses it in `x-oss-hash-crc64ecma`.
//!
//! OSS's CRC-64 is the ECMA-182 polynomial `0x42F0E1EBA9EA3693`, reflected, with the
//! initial value and the final XOR all ones: `checksum(b"123456789")` is
//! `0x995DC9BBDF1939FA`. (Two look-alikes are not it: CRC-64/Jones, which the `crc64`
//! crate computes, and the non-reflected `CRC_64_ECMA_182` of the `crc` crate.)
//!
//! - [`checksum`], [`update`] and the streaming [`Crc64`] pick the fastest kernel at run
//!   time, with or without `std`: VPCLMULQDQ on AVX-512 or AVX2 registers, PCLMULQDQ, or
//!   a portable slicing-by-16 table kernel.
//! - [`combine`], [`Combiner`] and [`combine_parts`] join CRCs of consecutive pieces in a
//!   few carry-less multiplications, whatever the length.
//! - [`parse_header`], [`HeaderValue`] and [`verify`] read and write the decimal
//!   `x-oss-hash-crc64ecma` value without allocating, and map a mismatch to OSS's
//!   `InvalidCRC64` error.
//!
//! ```
//! use oss_crc64::{checksum, combine, Crc64};
//!
//! let crc = checksum(b"123456789");
//! assert_eq!(crc, 11051210869376104954);
//!
//! let mut stream = Crc64::new();
//! stream.update(b"12345");
//! stream.update(b"6789");
//! assert_eq!(stream.finish(), crc);
//!
//! assert_eq!(combine(checksum(b"12345"), checksum(b"6789"), 4), crc);
//! ```
//!
//! # Crate features
//! - `alloc`, `std` (default): forwarded to `oss-errors`; this crate never allocates.
//! - `serde`: `Serialize` and `Deserialize` for [`HeaderValue`], as a JSON *string* of
//!   decimal digits (`"11051210869376104954"`): a CRC-64 is above 2^53, where JavaScript
//!   numbers lose digits. It reads back from such a string by [`parse_header`]'s rules
//!   (a JSON number is refused). Needs neither `alloc` nor `std`.
#![no_std]

#[cfg(test)]
extern crate alloc;
#[cfg(any(test, feature = "std"))]
extern crate std;

mod combine;
mod digest;
mod header;
mod kernel;
mod poly;
#[cfg(test)]
mod reference;
mod table;

pub use combine::{Combiner, combine, combine_parts};
pub use digest::{Crc64, checksum, update};
pub use header::{HEADER_NAME, HeaderValue, MAX_HEADER_LEN, parse_header, verify};
