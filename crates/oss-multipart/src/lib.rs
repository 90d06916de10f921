//! Alibaba Cloud OSS multipart upload rules and PostObject form + policy validation.
//!
//! Work in progress: this crate is being built; see the workspace README.
#![no_std]
