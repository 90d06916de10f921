//! Alibaba Cloud OSS naming and header-value rules, with the exact OSS errors.
//!
//! Work in progress: this crate is being built; see the workspace README.
#![no_std]
