//! `emulate`: a local OSS for tests. Objects live in a directory (data files with JSON
//! metadata beside them), buckets are named on the command line, every request is
//! authenticated by the `oss-tower` layer (V1 and V4, header and presigned), and every
//! refusal is the OSS error an SDK would get from the real service.

mod callback;
mod handler;
mod list;
mod multipart;
mod object;
mod post;
mod receive;
mod respond;
mod store;
mod target;
mod xml;

use alloc::sync::Arc;
use core::net::SocketAddr;
use std::collections::HashSet;
use std::io::Write as _;
use std::path::PathBuf;
use std::sync::Mutex;

use base64::Engine as _;
use hyper::server::conn::http1;
use hyper_util::rt::TokioIo;
use hyper_util::service::TowerToHyperService;
use oss_tower::{AuthSettings, KeyStore, OssAuthLayer};
use rsa::PrivateKey;
use serde_json::json;
use spki::EncodePublicKey as _;
use tokio::net::TcpListener;
use tower::{Layer as _, service_fn};

use crate::report::Outcome;
use store::{Store, Upload};
use target::ServedBuckets;

/// Where the emulator serves the public key its callbacks are signed with.
const PUBLIC_KEY_PATH: &str = "/.emulate/callback_pub_key.pem";

/// Arguments of `emulate`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The address to listen on (port 0 picks a free port). Bind to 127.0.0.1 for tests.
    #[arg(long, default_value = "127.0.0.1:9000")]
    listen: String,
    /// The directory objects are stored in (created if missing; objects already there
    /// are served again).
    #[arg(long)]
    root: PathBuf,
    /// A bucket to serve (repeatable).
    #[arg(long = "bucket", value_name = "NAME", required = true)]
    buckets: Vec<String>,
    /// An AccessKeyId and its secret, `ID:SECRET` (repeatable).
    #[arg(long = "access-key", value_name = "ID:SECRET", required = true)]
    access_keys: Vec<String>,
    /// The region V4 signatures must name.
    #[arg(long, default_value = "cn-hangzhou")]
    region: String,
    /// Accept a V4 `Authorization` with an empty `AdditionalHeaders=` item, as
    /// reqsign-aliyun-oss (OpenDAL) sends it; OSS refuses one (EC 0002-00000209), and so
    /// does `emulate` without this option.
    #[arg(long)]
    accept_empty_additional_headers: bool,
}

/// The state every request shares.
#[derive(Debug)]
pub(crate) struct Emulator {
    store: Store,
    keys: KeyStore,
    regions: Vec<String>,
    host_id: String,
    resolver: ServedBuckets,
    public_key_pem: String,
    callback: callback::CallbackSigner,
    /// Held while an append checks its position and commits.
    append_lock: Mutex<()>,
}

/// Reads `--access-key` values into a key store.
fn key_store(values: &[String]) -> Result<KeyStore, String> {
    let mut keys = KeyStore::new();
    for value in values {
        let (id, secret) = value
            .split_once(':')
            .filter(|(id, secret)| !id.is_empty() && !secret.is_empty())
            .ok_or_else(|| format!("--access-key {value}: expected ID:SECRET"))?;
        keys.insert(id, secret);
    }
    Ok(keys)
}

/// Runs `emulate` until the process is stopped.
pub(crate) fn run(args: &Args) -> Outcome {
    match start(args) {
        Ok(()) => Outcome::Usage("the emulator stopped".into()),
        Err(message) => Outcome::Usage(message),
    }
}

fn start(args: &Args) -> Result<(), String> {
    let addr: SocketAddr = args
        .listen
        .parse()
        .map_err(|err| format!("--listen {}: {err}", args.listen))?;
    for bucket in &args.buckets {
        oss_core::naming::check_bucket_name(bucket)
            .map_err(|err| format!("--bucket {bucket}: {err}"))?;
    }
    oss_core::sign::v4::check_region(&args.region)
        .map_err(|err| format!("--region {}: {err}", args.region))?;
    let store = Store::open(&args.root, &args.buckets)
        .map_err(|err| format!("--root {}: {err}", args.root.display()))?;
    let private_key = PrivateKey::new(&mut getrandom::SysRng, 1024)
        .map_err(|err| format!("cannot generate the callback key: {err}"))?;
    let public_key_pem = private_key
        .to_public_key()
        .to_public_key_pem(spki::der::pem::LineEnding::LF)
        .map_err(|err| format!("cannot encode the callback key: {err}"))?;
    let key_file = args.root.join(".emulate-callback-pub-key.pem");
    std::fs::write(&key_file, &public_key_pem)
        .map_err(|err| format!("cannot write {}: {err}", key_file.display()))?;
    let key_file = std::fs::canonicalize(&key_file).unwrap_or(key_file);
    let buckets: HashSet<String> = args.buckets.iter().cloned().collect();
    let resolver = ServedBuckets(Arc::new(buckets));
    let keys = key_store(&args.access_keys)?;
    let layer_keys = key_store(&args.access_keys)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|err| format!("cannot start the runtime: {err}"))?;
    runtime.block_on(async move {
        let listener = TcpListener::bind(addr)
            .await
            .map_err(|err| format!("cannot listen on {addr}: {err}"))?;
        let local = listener.local_addr().map_err(|err| err.to_string())?;
        let host_id = local.to_string();
        let settings = AuthSettings::new(layer_keys)
            .with_resolver(resolver.clone())
            .with_regions([args.region.clone()])
            .with_empty_additional_headers(args.accept_empty_additional_headers)
            .with_host_id(host_id.clone())
            .allow_anonymous(true);
        let emulator = Arc::new(Emulator {
            store,
            keys,
            regions: vec![args.region.clone()],
            host_id,
            resolver,
            public_key_pem,
            callback: callback::CallbackSigner {
                key: rsa::pkcs1v15::SigningKey::new(private_key),
                pub_key_url: base64::engine::general_purpose::STANDARD
                    .encode(format!("http://{local}{PUBLIC_KEY_PATH}")),
            },
            append_lock: Mutex::new(()),
        });
        let announce = json!({
            "endpoint": format!("http://{local}"),
            "region": args.region,
            "callback_public_key": key_file.display().to_string(),
        });
        {
            let mut stdout = std::io::stdout().lock();
            let _ = writeln!(stdout, "{announce}").and_then(|()| stdout.flush());
        }
        serve(listener, emulator, OssAuthLayer::new(settings)).await
    })
}

async fn serve(
    listener: TcpListener,
    emulator: Arc<Emulator>,
    layer: OssAuthLayer<KeyStore, ServedBuckets>,
) -> Result<(), String> {
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            // Out of descriptors or a reset connection: give the system a moment.
            tokio::time::sleep(core::time::Duration::from_millis(50)).await;
            continue;
        };
        let emulator = Arc::clone(&emulator);
        let service = layer.layer(service_fn(move |request| {
            let emulator = Arc::clone(&emulator);
            async move { handler::handle(&emulator, request).await }
        }));
        tokio::spawn(async move {
            let _ = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), TowerToHyperService::new(service))
                .await;
        });
    }
}
