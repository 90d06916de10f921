//! Signature V1, peers side by side in one group: a typical PUT signed with `sign`, against
//! a bare RustCrypto HMAC-SHA1 + base64 of its exact string-to-sign (the baseline), the same
//! through `SigningKey::sign`, `Verifier::verify` of the signed request, and
//! `reqsign-aliyun-oss` signing the same request.
// criterion_group! generates an undocumented function.
#![allow(missing_docs)]

use core::hint::black_box;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use hmac::{KeyInit as _, Mac as _};
use oss_benches::ReqsignPeer;
use oss_core::naming::Timestamp;
use oss_core::sign::{Credentials, Form, Request, SigningKey, Verifier, sign, string_to_sign};

const DATE: &str = "Wed, 28 Dec 2022 10:27:41 GMT";
const NOW: i64 = 1_672_223_261;

/// A typical PUT: Content-MD5, Content-Type, Date and three `x-oss-` headers (209 bytes of
/// string-to-sign).
const HEADERS: [(&str, &str); 6] = [
    ("Content-MD5", "eB5eJF1ptWaXm4bijSPyxw=="),
    ("Content-Type", "application/octet-stream"),
    ("Date", DATE),
    ("x-oss-meta-author", "alice"),
    ("x-oss-storage-class", "Standard"),
    ("x-oss-object-acl", "private"),
];

fn bench_sign(c: &mut Criterion) {
    let secret = "OtxrzxIsfpFjA7SwPzILwy8Bw21TLhquhboDYROV";
    let key = SigningKey::new(secret);
    let creds = Credentials::new("LTAI5tExampleAccessKey01", &key).expect("valid id");
    let request = Request::new("PUT")
        .with_bucket("examplebucket")
        .with_key("photos/2024/holiday/IMG_0001.jpg")
        .with_headers(&HEADERS);
    let mut sts = Vec::new();
    string_to_sign(&request, Form::header(&creds), &mut sts);

    let mut group = c.benchmark_group("sign_v1_put");
    group.throughput(Throughput::Bytes(sts.len() as u64));

    // The baseline: a clone of a keyed RustCrypto HMAC-SHA1, fed the exact string-to-sign,
    // finalized and base64-encoded into a stack buffer: the least any signer must do.
    let bare = hmac::Hmac::<sha1::Sha1>::new_from_slice(secret.as_bytes()).expect("any key length");
    let bare_signature = |sts: &[u8]| {
        let mut mac = bare.clone();
        mac.update(sts);
        let mut text = [0u8; 28];
        let written = STANDARD.encode_slice(mac.finalize().into_bytes(), &mut text);
        debug_assert_eq!(written, Ok(28));
        text
    };
    assert_eq!(
        &bare_signature(&sts),
        sign(&creds, &request).signature().as_bytes()
    );
    group.bench_function("bare_hmac_sha1", |b| {
        b.iter(|| black_box(bare_signature(black_box(&sts))));
    });
    // The same through `SigningKey::sign`: what oss-sign adds around the MAC of given bytes.
    group.bench_function("oss_sign_key_sign_same_bytes", |b| {
        b.iter(|| black_box(key.sign(black_box(&sts))));
    });
    group.bench_function("oss_sign_sign", |b| {
        b.iter(|| black_box(sign(black_box(&creds), black_box(&request))));
    });

    // The server side: the same request as received, with its Authorization header.
    let auth = sign(&creds, &request);
    let mut received = HEADERS.to_vec();
    received.push(("Authorization", auth.as_str()));
    let received_request = request.with_headers(received.as_slice());
    let keys = [("LTAI5tExampleAccessKey01", &key)];
    let now = Timestamp::from_unix(NOW).expect("in range");
    let verifier = Verifier::new();
    assert!(
        verifier
            .verify(&received_request, now, keys.as_slice())
            .is_ok()
    );
    group.bench_function("oss_sign_verify", |b| {
        b.iter(|| {
            black_box(verifier.verify(
                black_box(&received_request),
                black_box(now),
                keys.as_slice(),
            ))
        });
    });

    // The peer: reqsign-aliyun-oss (async, std), driven by a minimal executor.
    let reqsign = ReqsignPeer::new(
        reqsign_aliyun_oss::RequestSigner::new("examplebucket"),
        "LTAI5tExampleAccessKey01",
        secret,
    );
    let parts = ReqsignPeer::put(&HEADERS);
    group.bench_function("reqsign_aliyun_oss", |b| {
        b.iter_batched(
            || parts.clone(),
            |parts| black_box(reqsign.sign(parts)),
            BatchSize::SmallInput,
        );
    });
    group.finish();
}

criterion_group!(benches, bench_sign);
criterion_main!(benches);
