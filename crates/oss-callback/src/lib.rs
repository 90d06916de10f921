//! Alibaba Cloud OSS upload callback: codec, rendering, response rules, signature check.
//!
//! Work in progress: this crate is being built; see the workspace README.
#![no_std]
