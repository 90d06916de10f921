//! An OSS-compatible endpoint in axum: every request is authenticated as OSS does (V1 or
//! V4, header or presigned URL) before the handler runs; refusals are OSS's XML errors.
//!
//! `cargo run -p oss-tower --example axum_server`, then point an SDK at
//! `http://127.0.0.1:9000` with AccessKeyId `AKID`, secret `secret`, region `cn-hangzhou`.

use axum::Router;
use axum::extract::Extension;
use axum::routing::any;
use oss_tower::{AuthSettings, Identity, KeyStore, OssAuthLayer};

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let keys = KeyStore::new().with_key("AKID", "secret");
    let auth = OssAuthLayer::new(AuthSettings::new(keys).with_regions(["cn-hangzhou"]));
    let app = Router::new()
        .route(
            "/{*path}",
            any(|Extension(who): Extension<Identity>| async move {
                format!("signed by {:?}\n", who.access_key_id())
            }),
        )
        .layer(auth);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:9000").await?;
    axum::serve(listener, app).await
}
