//! CRC-64/XZ as OSS uses it in `x-oss-hash-crc64ecma`.
//!
//! Work in progress: this crate is being built; see the workspace README.
#![no_std]
