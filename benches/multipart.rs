//! multipart/form-data scanning: a PostObject form with a 64 MiB file part.
//!
//! Peers in one group, over the same bytes fed in the same 64 KiB chunks:
//! - `oss-multipart`: `FormParser`, streaming (every event handled);
//! - `oss-multipart/whole`: `FormParser` over the body in one slice;
//! - `multer`: `Multipart::next_field` + `Field::chunk`, driven by `futures::executor`;
//! - `memmem-floor`: a bare `memchr::memmem::Finder` pass for the delimiter over the same
//!   bytes (the lower bound of any boundary search).
#![allow(missing_docs)]

use core::convert::Infallible;
use core::hint::black_box;

use bytes::Bytes;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use oss_core::multipart::{Boundary, Event, FormParser, Limits};

const BOUNDARY: &str = "----WebKitFormBoundary7MA4YWxkTrZu0gW";
const FILE_SIZE: usize = 64 << 20;
const CHUNK: usize = 64 << 10;

/// A PostObject form: a few fields, then a 64 MiB file of pseudo-random bytes.
fn form() -> Vec<u8> {
    let mut body = Vec::with_capacity(FILE_SIZE + 4096);
    for (name, value) in [
        ("key", "user/eric/${filename}"),
        ("OSSAccessKeyId", "LTAI5tExample"),
        ("policy", "eyJleHBpcmF0aW9uIjoi"),
        ("Signature", "9fs2TRS2W2k5hV8mLsvqZBnlC2M="),
        ("success_action_status", "201"),
    ] {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    body.extend_from_slice(format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes());
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    body.extend((0..FILE_SIZE).map(|_| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 24).to_le_bytes()[0]
    }));
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    body
}

/// Streams `body` in `CHUNK`s the way a server would, keeping unconsumed bytes.
fn ours_streaming(boundary: &Boundary, body: &[u8]) -> u64 {
    let mut parser = FormParser::new(boundary, Limits::DEFAULT);
    let mut held: Vec<u8> = Vec::with_capacity(2 * CHUNK);
    let mut data = 0u64;
    for chunk in body.chunks(CHUNK) {
        // Nothing held back (the usual case inside a part): parse the chunk in place.
        let input: &[u8] = if held.is_empty() {
            chunk
        } else {
            held.extend_from_slice(chunk);
            &held
        };
        let mut start = 0;
        loop {
            let step = parser.parse(&input[start..]).expect("valid form");
            start += step.consumed;
            match step.event {
                Some(Event::Data(bytes)) => data += bytes.len() as u64,
                Some(_) => {}
                None => break,
            }
        }
        let rest = input[start..].to_vec();
        held.clear();
        held.extend_from_slice(&rest);
    }
    parser.finish().expect("complete");
    data
}

fn ours_whole(boundary: &Boundary, body: &[u8]) -> u64 {
    let mut parser = FormParser::new(boundary, Limits::DEFAULT);
    let (mut input, mut data) = (body, 0u64);
    while let Some(event) = {
        let step = parser.parse(input).expect("valid form");
        input = &input[step.consumed..];
        step.event
    } {
        if let Event::Data(bytes) = event {
            data += bytes.len() as u64;
        }
    }
    data
}

fn multer(body: &Bytes) -> u64 {
    let chunks: Vec<Bytes> = (0..body.len())
        .step_by(CHUNK)
        .map(|at| body.slice(at..(at + CHUNK).min(body.len())))
        .collect();
    let stream = futures::stream::iter(chunks.into_iter().map(Ok::<_, Infallible>));
    let mut multipart = multer::Multipart::new(stream, BOUNDARY);
    futures::executor::block_on(async {
        let mut data = 0u64;
        while let Some(mut field) = multipart.next_field().await.expect("valid form") {
            while let Some(chunk) = field.chunk().await.expect("valid field") {
                data += chunk.len() as u64;
            }
        }
        data
    })
}

fn memmem_floor(finder: &memchr::memmem::Finder<'_>, body: &[u8]) -> usize {
    finder.find_iter(body).count()
}

fn scan(c: &mut Criterion) {
    let body = form();
    let shared = Bytes::from(body.clone());
    let boundary = Boundary::new(BOUNDARY.as_bytes()).expect("boundary");
    let delimiter = format!("\r\n--{BOUNDARY}");
    let finder = memchr::memmem::Finder::new(delimiter.as_bytes());

    let expected = ours_whole(&boundary, &body);
    assert_eq!(ours_streaming(&boundary, &body), expected);
    assert_eq!(multer(&shared), expected);

    let mut group = c.benchmark_group("form_scan_64MiB");
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.sample_size(10);
    group.bench_function(BenchmarkId::new("oss-multipart", "streaming-64KiB"), |b| {
        b.iter(|| ours_streaming(&boundary, black_box(&body)))
    });
    group.bench_function(BenchmarkId::new("oss-multipart", "whole"), |b| {
        b.iter(|| ours_whole(&boundary, black_box(&body)))
    });
    group.bench_function(BenchmarkId::new("multer", "streaming-64KiB"), |b| {
        b.iter(|| multer(black_box(&shared)))
    });
    group.bench_function(BenchmarkId::new("memmem-floor", "whole"), |b| {
        b.iter(|| memmem_floor(&finder, black_box(&body)))
    });
    group.finish();
}

criterion_group!(benches, scan);
criterion_main!(benches);
