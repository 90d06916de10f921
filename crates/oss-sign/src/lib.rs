//! Alibaba Cloud OSS Signature V1: sign, presign, POST policy signature, verification.
//!
//! Work in progress: this crate is being built; see the workspace README.
#![no_std]
