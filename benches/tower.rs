//! The cost of `OssAuthLayer` in front of a handler: one V4-signed GET through a trivial
//! handler with the layer and without it, and the verifier alone on the same request. The
//! layer's own cost is (with layer) - (handler alone) - (verifier alone). The handler and
//! the layer are polled with `futures`' minimal executor; each request is built fresh
//! outside the timed part (`iter_batched`).
// criterion_group! generates an undocumented function.
#![allow(missing_docs)]

use core::convert::Infallible;
use core::hint::black_box;
use core::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use futures::executor::block_on;
use http_body_util::Full;
use oss_core::naming::Timestamp;
use oss_core::sign::v4::Settings;
use oss_core::sign::{
    Addressing, Credentials, SigningKey, Verifier, http_request, sign_http_request_v4,
};
use oss_tower::{AuthSettings, KeyStore, OssAuthLayer};
use tower::{Layer as _, Service as _, service_fn};

const NOW: i64 = 1_672_223_261;
const ACCESS_KEY_ID: &str = "LTAI5tExampleAccessKey01";
const SECRET: &str = "OtxrzxIsfpFjA7SwPzILwy8Bw21TLhquhboDYROV";
const REGION: &str = "cn-hangzhou";

fn now() -> Option<Timestamp> {
    Timestamp::from_unix(NOW)
}

/// A V4-signed GET of a 1 KiB object, as an SDK sends it.
fn signed_get() -> http::Request<()> {
    let key = SigningKey::new(SECRET);
    let creds = Credentials::new(ACCESS_KEY_ID, &key).expect("valid id");
    let settings = Settings::new(REGION).expect("region");
    let mut request = http::Request::get("http://127.0.0.1:9000/examplebucket/dir/object-1k.bin")
        .header("host", "127.0.0.1:9000")
        .header("user-agent", "aliyun-sdk-python/2.19.1")
        .header("accept-encoding", "identity")
        .body(())
        .expect("request");
    let at = now().expect("in range");
    sign_http_request_v4(&creds, &mut request, Addressing::PathStyle, &settings, at)
        .expect("signed");
    request
}

async fn handler(_: http::Request<()>) -> Result<http::Response<Full<bytes::Bytes>>, Infallible> {
    Ok(http::Response::new(Full::new(bytes::Bytes::from_static(
        b"ok",
    ))))
}

fn bench_layer(c: &mut Criterion) {
    let mut group = c.benchmark_group("tower_auth_v4_get");
    let mut bare = service_fn(handler);
    group.bench_function("handler_alone", |b| {
        b.iter_batched(
            signed_get,
            |request| block_on(bare.call(request)),
            BatchSize::SmallInput,
        );
    });
    let settings = AuthSettings::new(KeyStore::new().with_key(ACCESS_KEY_ID, SECRET))
        .with_regions([REGION])
        .with_clock(now);
    let mut layered = OssAuthLayer::new(settings).layer(service_fn(handler));
    let response = block_on(layered.call(signed_get())).expect("infallible");
    assert_eq!(
        response.status(),
        200,
        "the layer refused the benchmark request"
    );
    group.bench_function("with_layer", |b| {
        b.iter_batched(
            signed_get,
            |request| block_on(layered.call(request)),
            BatchSize::SmallInput,
        );
    });
    let keys = KeyStore::new().with_key(ACCESS_KEY_ID, SECRET);
    let regions = [REGION];
    let verifier = Verifier::new().with_regions(&regions);
    let at = now().expect("in range");
    group.bench_function("verifier_alone", |b| {
        b.iter_batched(
            || signed_get().into_parts().0,
            |parts| {
                let request = http_request(
                    &parts.method,
                    &parts.uri,
                    &parts.headers,
                    Addressing::PathStyle,
                );
                black_box(verifier.verify(&request, at, &keys).is_ok())
            },
            BatchSize::SmallInput,
        );
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    targets = bench_layer
}
criterion_main!(benches);
