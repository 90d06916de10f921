//! Naming-rule benchmarks: oss-naming beside the same rule written with the `regex` crate.
//!
//! `cargo bench -p oss-benches --bench naming -- --warm-up-time 1 --measurement-time 3`
#![allow(missing_docs)]

use core::hint::black_box;
use std::collections::HashSet;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use oss_core::naming;
use regex::Regex;

/// The SDKs' bucket-name expression.
const BUCKET_RE: &str = "^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$";

fn bucket_name(c: &mut Criterion) {
    let re = Regex::new(BUCKET_RE).expect("valid regex");
    let mut group = c.benchmark_group("naming/bucket");
    let long = format!("a{}z", "0-".repeat(30));
    for (label, name) in [
        ("typical-16", "examplebucket-01"),
        ("max-63", long.as_str()),
        ("invalid-upper", "Examplebucket-01"),
    ] {
        group.throughput(Throughput::Bytes(name.len() as u64));
        group.bench_with_input(BenchmarkId::new("oss-naming", label), name, |b, name| {
            b.iter(|| naming::check_bucket_name(black_box(name)).is_ok());
        });
        group.bench_with_input(BenchmarkId::new("regex", label), name, |b, name| {
            b.iter(|| re.is_match(black_box(name)));
        });
    }
    group.finish();
}

fn object_name(c: &mut Criterion) {
    // Bytes: 1 to 1023 of anything, first not `/` or `\`; UTF-8 is checked separately.
    let re = regex::bytes::Regex::new(r"(?s-u)^[^/\\][\x00-\xff]{0,1022}$").expect("valid regex");
    let mut group = c.benchmark_group("naming/object-1KiB");
    let name: String = "photos/2024/中文-é/"
        .repeat(64)
        .chars()
        .take(1000)
        .collect::<String>();
    let name = &name[..name
        .char_indices()
        .map(|(i, _)| i)
        .take_while(|&i| i <= 1023)
        .last()
        .unwrap_or(0)];
    group.throughput(Throughput::Bytes(name.len() as u64));
    group.bench_function("oss-naming/bytes", |b| {
        b.iter(|| naming::check_object_name_bytes(black_box(name.as_bytes())).is_ok());
    });
    group.bench_function("oss-naming/str", |b| {
        b.iter(|| naming::check_object_name(black_box(name)).is_ok());
    });
    group.bench_function("regex+from_utf8", |b| {
        b.iter(|| {
            let bytes = black_box(name.as_bytes());
            core::str::from_utf8(bytes).is_ok() && re.is_match(bytes)
        });
    });
    group.finish();
}

/// Percent-decodes form-encoded text the plain way, into a `String`.
fn naive_decode(raw: &str) -> Option<String> {
    let mut out = Vec::with_capacity(raw.len());
    let mut bytes = raw.bytes();
    while let Some(byte) = bytes.next() {
        out.push(match byte {
            b'%' => {
                let high = char::from(bytes.next()?).to_digit(16)?;
                let low = char::from(bytes.next()?).to_digit(16)?;
                u8::try_from(high * 16 + low).ok()?
            }
            b'+' => b' ',
            byte if byte.is_ascii_graphic() => byte,
            _ => return None,
        });
    }
    String::from_utf8(out).ok()
}

/// The tagging rule with `regex`: split, decode into owned strings, match, dedupe.
fn regex_tagging(header: &str, key_re: &Regex, value_re: &Regex) -> bool {
    let mut keys = HashSet::new();
    for pair in header.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let (Some(key), Some(value)) = (naive_decode(key), naive_decode(value)) else {
            return false;
        };
        let lengths_ok = key.chars().count() <= 128 && value.chars().count() <= 256;
        if !lengths_ok
            || !key_re.is_match(&key)
            || !value_re.is_match(&value)
            || !keys.insert(key)
            || keys.len() > 10
        {
            return false;
        }
    }
    true
}

fn tagging(c: &mut Criterion) {
    // Counted repetition of a Unicode class ({1,128}) is over the regex size limit, so the
    // expression checks the alphabet and `chars().count()` the length.
    let key_re = Regex::new(r"^[\p{L}\p{N} +\-=._:/]+$").expect("valid regex");
    let value_re = Regex::new(r"^[\p{L}\p{N} +\-=._:/]*$").expect("valid regex");
    let header = "project=apollo&stage=prod&owner=ops%20team&cost-center=cc%2F1024&region=cn-hangzhou\
                  &app=web.frontend&tier=gold&lang=%E4%B8%AD%E6%96%87&backup=daily&ttl=30d";
    assert_eq!(naming::parse_tagging(header).map(|t| t.len()), Ok(10));
    assert!(regex_tagging(header, &key_re, &value_re));
    let mut group = c.benchmark_group("naming/tagging-10");
    group.throughput(Throughput::Bytes(header.len() as u64));
    group.bench_function("oss-naming", |b| {
        b.iter(|| naming::parse_tagging(black_box(header)).is_ok());
    });
    group.bench_function("regex", |b| {
        b.iter(|| regex_tagging(black_box(header), &key_re, &value_re));
    });
    group.finish();
}

criterion_group!(benches, bucket_name, object_name, tagging);
criterion_main!(benches);
