//! Signature V4, peers side by side in one group: a typical PUT signed with a reused
//! `v4::Signer` (signing key cached), against a bare RustCrypto floor over its exact bytes
//! (SHA-256 of the canonical request, hex, HMAC-SHA256 of the string-to-sign with a pre-keyed
//! state, hex), `Verifier::verify` of the signed request with a cached scoped key, the
//! signing-key derivation alone, and `aws-sigv4` signing a comparable S3 PUT.
//!
//! `reqsign-aliyun-oss` 3.2 signs V4 (`SigningVersion::V4`) only at the real clock
//! (`with_time` is `#[cfg(test)]`), so its signatures cannot be compared with a fixed
//! vector; the work does not depend on the time, so it is timed at the real clock, and
//! one of its signed requests is checked with our `Verifier` at that time first. It
//! derives the signing key on every call (it has no cache); ours is timed with the key
//! cached, as the target says.
// criterion_group! generates an undocumented function.
#![allow(missing_docs)]

use core::hint::black_box;
use core::time::Duration;
use std::time::SystemTime;

use aws_sigv4::http_request::{
    PayloadChecksumKind, PercentEncodingMode, SignableBody, SignableRequest, SigningSettings,
    UriPathNormalizationMode,
};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use hmac::{KeyInit as _, Mac as _};
use oss_benches::ReqsignPeer;
use oss_core::errors::Error;
use oss_core::naming::Timestamp;
use oss_core::sign::v4::{self, OwnedScopedKey, Scope, ScopedKey, Settings, Signer};
use oss_core::sign::{Credentials, KeyLookup, Request, SecurityToken, SigningKey, Verifier};
use sha2::Digest as _;

const NOW: i64 = 1_672_223_261;
const DAY: &str = "20221228";
const ACCESS_KEY_ID: &str = "LTAI5tExampleAccessKey01";
const SECRET: &str = "OtxrzxIsfpFjA7SwPzILwy8Bw21TLhquhboDYROV";
const REGION: &str = "cn-hangzhou";

/// A typical PUT: Content-MD5, Content-Type and three `x-oss-` headers, given unsorted;
/// the signer adds `x-oss-date` and `x-oss-content-sha256`.
const HEADERS: [(&str, &str); 5] = [
    ("Content-MD5", "eB5eJF1ptWaXm4bijSPyxw=="),
    ("Content-Type", "application/octet-stream"),
    ("x-oss-meta-author", "alice"),
    ("x-oss-storage-class", "Standard"),
    ("x-oss-object-acl", "private"),
];

/// The same PUT to S3: the `x-amz-` counterparts of the same headers.
const S3_HEADERS: [(&str, &str); 5] = [
    ("content-md5", "eB5eJF1ptWaXm4bijSPyxw=="),
    ("content-type", "application/octet-stream"),
    ("x-amz-meta-author", "alice"),
    ("x-amz-storage-class", "STANDARD"),
    ("x-amz-acl", "private"),
];

type HmacSha256 = hmac::Hmac<sha2::Sha256>;

/// `HMAC-SHA256(key, data)`.
fn hmac_sha256(key: &[u8], data: &[u8]) -> [u8; 32] {
    let mut mac = HmacSha256::new_from_slice(key).expect("any key length");
    mac.update(data);
    mac.finalize().into_bytes().into()
}

/// A key store that hands out one pre-derived scoped key, so that verification does not
/// measure the derivation.
struct CachedKeys {
    key: SigningKey,
    scoped: OwnedScopedKey,
}

impl KeyLookup for CachedKeys {
    fn signing_key(
        &self,
        access_key_id: &str,
        _token: Option<SecurityToken<'_>>,
    ) -> Result<&SigningKey, Error> {
        if access_key_id == ACCESS_KEY_ID {
            Ok(&self.key)
        } else {
            Err(oss_core::errors::Entry::AccessKeyIdUnknown.into())
        }
    }

    fn scoped_key<'s>(
        &self,
        access_key_id: &str,
        token: Option<SecurityToken<'_>>,
        scope: Scope<'s>,
    ) -> Result<ScopedKey<'s>, Error> {
        let key = self.signing_key(access_key_id, token)?;
        Ok(self
            .scoped
            .scoped(scope)
            .unwrap_or_else(|| ScopedKey::derive(key, scope)))
    }
}

fn bench_sign_v4(c: &mut Criterion) {
    let key = SigningKey::new(SECRET);
    let creds = Credentials::new(ACCESS_KEY_ID, &key).expect("valid id");
    let settings = Settings::new(REGION).expect("valid region");
    let now = Timestamp::from_unix(NOW).expect("in range");
    let request = Request::new("PUT")
        .with_bucket("examplebucket")
        .with_key("photos/2024/holiday/IMG_0001.jpg")
        .with_headers(&HEADERS);
    let form = v4::Form::Header {
        settings,
        creds,
        now,
    };
    let mut canonical = Vec::new();
    v4::canonical_request(&request, form, &mut canonical).expect("canonical request");
    let mut sts = Vec::new();
    v4::string_to_sign(&request, form, &mut sts).expect("string to sign");
    let mut signer = Signer::new(creds, settings);
    let signed = signer.sign(&request, now).expect("signs");

    let mut group = c.benchmark_group("sign_v4_put");
    group.throughput(Throughput::Bytes((canonical.len() + sts.len()) as u64));

    // The floor: SHA-256 of the canonical request, hex, then a clone of a HMAC-SHA256 state
    // keyed with the derived signing key fed the string-to-sign (its prebuilt head, then the
    // hex just computed, which is its tail), finalized and hex-encoded on the stack.
    let mut link = hmac_sha256(format!("aliyun_v4{SECRET}").as_bytes(), DAY.as_bytes());
    for next in [REGION, "oss", "aliyun_v4_request"] {
        link = hmac_sha256(&link, next.as_bytes());
    }
    let keyed = HmacSha256::new_from_slice(&link).expect("any key length");
    let (sts_head, sts_tail) = sts.split_at(sts.len() - 64);
    let floor = |canonical: &[u8], sts_head: &[u8]| {
        let mut hash_hex = [0u8; 64];
        base16ct::lower::encode(&sha2::Sha256::digest(canonical), &mut hash_hex).expect("fits");
        let mut mac = keyed.clone();
        mac.update(sts_head);
        mac.update(&hash_hex);
        let mut text = [0u8; 64];
        base16ct::lower::encode(&mac.finalize().into_bytes(), &mut text).expect("fits");
        (hash_hex, text)
    };
    let (hash_hex, floor_signature) = floor(&canonical, sts_head);
    assert_eq!(hash_hex.as_slice(), sts_tail);
    assert_eq!(
        floor_signature.as_slice(),
        signed.signature().as_str().as_bytes()
    );
    group.bench_function("floor", |b| {
        b.iter(|| black_box(floor(black_box(&canonical), black_box(sts_head))));
    });

    // A reused signer: the key was derived by the first call above.
    group.bench_function("oss_sign_v4_sign", |b| {
        b.iter(|| black_box(signer.sign(black_box(&request), black_box(now))));
    });

    // The server side: the same request as received, with the headers the signer added.
    let mut received = HEADERS.to_vec();
    received.extend(signed.headers());
    let received_request = request.with_headers(received.as_slice());
    let scope = Scope::new(now, settings.region(), settings.product()).expect("valid scope");
    let keys = CachedKeys {
        key: key.clone(),
        scoped: OwnedScopedKey::derive(&key, scope),
    };
    let regions = [REGION];
    let verifier = Verifier::new().with_regions(&regions);
    assert!(verifier.verify(&received_request, now, &keys).is_ok());
    group.bench_function("oss_sign_v4_verify", |b| {
        b.iter(|| black_box(verifier.verify(black_box(&received_request), black_box(now), &keys)));
    });

    // The signing key alone: four HMAC-SHA256 computations and the keyed state.
    group.bench_function("oss_sign_v4_derive_key", |b| {
        b.iter(|| black_box(ScopedKey::derive(black_box(&key), black_box(scope))));
    });

    // The peer: aws-sigv4 signing the same PUT for S3 (its key is derived on every call).
    let identity = aws_credential_types::Credentials::new(
        "AKIDEXAMPLE",
        SECRET,
        None,
        None,
        "hardcoded-credentials",
    )
    .into();
    let mut aws_settings = SigningSettings::default();
    aws_settings.payload_checksum_kind = PayloadChecksumKind::XAmzSha256;
    aws_settings.percent_encoding_mode = PercentEncodingMode::Single;
    aws_settings.uri_path_normalization_mode = UriPathNormalizationMode::Disabled;
    let aws_time = SystemTime::UNIX_EPOCH + Duration::from_secs(NOW.unsigned_abs());
    let aws_params = aws_sigv4::sign::v4::SigningParams::builder()
        .identity(&identity)
        .region("us-east-1")
        .name("s3")
        .time(aws_time)
        .settings(aws_settings)
        .build()
        .expect("valid params")
        .into();
    let aws_uri =
        "https://examplebucket.s3.us-east-1.amazonaws.com/photos/2024/holiday/IMG_0001.jpg";
    let aws_sign = || {
        let request = SignableRequest::new(
            "PUT",
            black_box(aws_uri),
            black_box(S3_HEADERS).into_iter(),
            SignableBody::UnsignedPayload,
        )
        .expect("signable");
        aws_sigv4::http_request::sign(request, &aws_params).expect("signs")
    };
    let aws_out = aws_sign();
    assert_eq!(aws_out.signature().len(), 64);
    group.bench_function("aws_sigv4", |b| {
        b.iter(|| black_box(aws_sign()));
    });

    // The peer at the real clock: reqsign-aliyun-oss V4, on a minimal executor.
    let reqsign = ReqsignPeer::new(
        reqsign_aliyun_oss::RequestSigner::new("examplebucket")
            .with_signing_version(reqsign_aliyun_oss::SigningVersion::V4)
            .with_region(REGION),
        ACCESS_KEY_ID,
        SECRET,
    );
    let parts = ReqsignPeer::put(&HEADERS);
    // reqsign always writes an `AdditionalHeaders` item, empty here; OSS refuses an empty
    // one (EC 0002-00000209), so the check accepts it explicitly.
    let checked = reqsign.sign(parts.clone());
    let described = oss_core::sign::http_request(
        &checked.method,
        &checked.uri,
        &checked.headers,
        oss_core::sign::Addressing::VirtualHosted("examplebucket"),
    );
    let regions = [REGION];
    let at = Timestamp::now().expect("a sane clock");
    let reqsign_keys = [(ACCESS_KEY_ID, &key)];
    if let Err(err) = Verifier::new()
        .with_regions(&regions)
        .with_empty_additional_headers(true)
        .verify(&described, at, reqsign_keys.as_slice())
    {
        panic!("reqsign's V4 signature does not verify: {err:?}");
    }
    group.bench_function("reqsign_aliyun_oss_v4", |b| {
        b.iter_batched(
            || parts.clone(),
            |parts| black_box(reqsign.sign(parts)),
            criterion::BatchSize::SmallInput,
        );
    });
    group.finish();
}

criterion_group!(benches, bench_sign_v4);
criterion_main!(benches);
