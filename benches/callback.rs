//! Upload-callback benchmarks: decode + validate a 300-byte `x-oss-callback`, check a
//! callback signature, and render a body.
//!
//! Peers in the same groups: base64 + `serde_json` (borrowed struct, and `Value`) for the
//! decode, which only parse and check nothing (no URL, address or body-type rules); the
//! `rsa` crate's own `VerifyingKey<Md5>` over a concatenated message for the signature
//! (what a hand-written verifier does; ours streams the signed bytes into MD5); chained
//! `str::replace` for rendering.
#![allow(missing_docs)]

extern crate alloc;

use alloc::borrow::Cow;
use core::fmt::Write as _;
use core::hint::black_box;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use oss_core::callback::verify::{PublicKey, verify_signature};
use oss_core::callback::{
    BodyType, CallbackConfig, CallbackVars, DecodeBuffer, RenderedBody, UploadInfo,
};
use rsa::pkcs1v15::{Signature, VerifyingKey};
use rsa::pkcs8::DecodePublicKey as _;
use rsa::signature::Verifier as _;

/// A realistic 300-byte callback JSON: two URLs, host, a JSON body with escapes, SNI.
const CONFIG_JSON: &str = r#"{"callbackUrl":"https://app.example.com/oss/callback;https://backup.example.com/oss/callback","callbackHost":"app.example.com","callbackBody":"{\"bucket\":${bucket},\"object\":${object},\"size\":${size},\"mimeType\":${mimeType},\"uid\":${x:uid}}","callbackBodyType":"application/json","callbackSNI":true}"#;

const AUTH: &[u8] =
    b"kKQeGTRccDKyHB3H9vF+xYMSrmhMZjzzl2/kdD1ktNVgbWEfYTQG0G2SU/RaHBovRCE8OkQDjC3uG33esH2txA==";

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct PeerConfig<'a> {
    callback_url: Cow<'a, str>,
    callback_host: Option<Cow<'a, str>>,
    callback_body: Cow<'a, str>,
    callback_body_type: Option<Cow<'a, str>>,
    #[serde(rename = "callbackSNI")]
    callback_sni: Option<bool>,
}

fn decode(c: &mut Criterion) {
    let header = STANDARD.encode(CONFIG_JSON);
    assert!(
        CONFIG_JSON.len() >= 290 && CONFIG_JSON.len() <= 310,
        "{}",
        CONFIG_JSON.len()
    );
    let mut group = c.benchmark_group("callback/decode_validate");
    group.throughput(Throughput::Bytes(header.len() as u64));
    group.bench_function(
        "oss-callback CallbackConfig::decode (stack buffer, validates)",
        |b| {
            let mut buf = DecodeBuffer::new();
            b.iter(|| {
                CallbackConfig::decode(black_box(header.as_bytes()), &mut buf).map(|c| c.url.len())
            });
        },
    );
    group.bench_function(
        "base64 Vec + serde_json borrowed struct (parse only)",
        |b| {
            b.iter(|| {
                let bytes = STANDARD
                    .decode(black_box(&header))
                    .expect("bench input is valid");
                let config: PeerConfig<'_> =
                    serde_json::from_slice(&bytes).expect("bench input is valid");
                config.callback_url.len()
            });
        },
    );
    group.bench_function("base64 Vec + serde_json::Value (parse only)", |b| {
        b.iter(|| {
            let bytes = STANDARD
                .decode(black_box(&header))
                .expect("bench input is valid");
            let value: serde_json::Value =
                serde_json::from_slice(&bytes).expect("bench input is valid");
            value["callbackUrl"].as_str().map(str::len)
        });
    });
    group.finish();
}

fn signature(c: &mut Criterion) {
    let key = PublicKey::oss();
    let rsa_key =
        rsa::PublicKey::from_public_key_pem(oss_core::callback::verify::OSS_PUBLIC_KEY_PEM)
            .expect("bench input is valid");
    let peer = VerifyingKey::<md5::Md5>::new(rsa_key);
    let (path, query, body) = (
        "/index.php",
        Some("id=1&index=2"),
        b"bucket=yonghu-test".as_slice(),
    );
    let mut group = c.benchmark_group("callback/verify_signature");
    group.throughput(Throughput::Elements(1));
    group.bench_function("oss-callback verify_signature (streams into MD5)", |b| {
        b.iter(|| verify_signature(&key, black_box(AUTH), path, query, body).is_ok());
    });
    group.bench_function("rsa VerifyingKey<Md5> over a concatenated message", |b| {
        b.iter(|| {
            let signature = Signature::try_from(
                STANDARD
                    .decode(black_box(AUTH))
                    .expect("bench input is valid")
                    .as_slice(),
            )
            .expect("bench input is valid");
            let mut message = String::from(path);
            message.push('?');
            message.push_str(query.unwrap_or_default());
            message.push('\n');
            let mut bytes = message.into_bytes();
            bytes.extend_from_slice(body);
            peer.verify(&bytes, &signature).is_ok()
        });
    });
    group.finish();
}

fn render(c: &mut Criterion) {
    let template = "bucket=${bucket}&object=${object}&etag=${etag}&size=${size}&mimeType=${mimeType}&uid=${x:uid}";
    let info = UploadInfo::new()
        .with_bucket("examplebucket")
        .with_object("exampledir/exampleobject.txt")
        .with_etag("D8E8FCA2DC0F896FD7CB4CB0031BA249")
        .with_size(5)
        .with_mime_type("text/plain");
    let vars = CallbackVars::from_slice(&[("x:uid", "42")]);
    let mut group = c.benchmark_group("callback/render_form");
    group.throughput(Throughput::Bytes(template.len() as u64));
    group.bench_function("oss-callback RenderedBody into a reused String", |b| {
        let mut out = String::with_capacity(256);
        b.iter(|| {
            out.clear();
            let body =
                RenderedBody::new(black_box(template), BodyType::FormUrlEncoded, &info, vars)
                    .expect("bench input is valid");
            write!(out, "{body}").expect("bench input is valid");
            out.len()
        });
    });
    group.bench_function("chained str::replace (no URL-encoding, no checks)", |b| {
        b.iter(|| {
            black_box(template)
                .replace("${bucket}", "examplebucket")
                .replace("${object}", "exampledir%2Fexampleobject.txt")
                .replace("${etag}", "D8E8FCA2DC0F896FD7CB4CB0031BA249")
                .replace("${size}", "5")
                .replace("${mimeType}", "text%2Fplain")
                .replace("${x:uid}", "42")
                .len()
        });
    });
    group.finish();
}

criterion_group!(benches, decode, signature, render);
criterion_main!(benches);
