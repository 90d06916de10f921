//! Error-catalogue benchmarks: code lookup, message lookup, XML render and parse.
#![allow(missing_docs)]

use criterion::{Criterion, criterion_group, criterion_main};
use oss_core::errors::Entry;
use std::hint::black_box;

fn entry_fields(c: &mut Criterion) {
    c.bench_function("entry/message", |b| {
        b.iter(|| black_box(Entry::ObjectNameEmpty).message());
    });
}

criterion_group!(benches, entry_fields);
criterion_main!(benches);
