//! Shared inputs for the criterion benchmarks in this folder (`cargo bench -p oss-benches`).
