//! `emulate-load`: a bounded load generator for `oss-doctor emulate`. It puts one object,
//! then keeps `--connections` HTTP/1 keep-alive connections busy with V4-signed GETs of it
//! for `--seconds` (or until `--max-requests`), and prints the rate and latency percentiles
//! as one JSON line. Any answer other than 200 with the object's bytes counts as an error.
//!
//! `scripts/bench/emulate_load.sh` starts the emulator and runs this against it.

use core::time::Duration;
use std::time::Instant;

use http_body_util::{BodyExt as _, Full};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use oss_core::naming::Timestamp;
use oss_core::sign::v4::Settings;
use oss_core::sign::{Addressing, Credentials, SigningKey, sign_http_request_v4};
use tokio::net::TcpStream;

/// The run's settings, from `--name value` pairs.
#[derive(Clone, Debug)]
struct Load {
    address: String,
    bucket: String,
    id: String,
    secret: String,
    region: String,
    connections: usize,
    seconds: u64,
    max_requests: u64,
    size: usize,
}

fn parse_args() -> Result<Load, String> {
    let mut load = Load {
        address: String::new(),
        bucket: "bench".into(),
        id: "AK".into(),
        secret: "SK".into(),
        region: "cn-hangzhou".into(),
        connections: 32,
        seconds: 10,
        max_requests: 1_000_000,
        size: 1024,
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    for pair in args.chunks(2) {
        let [name, value] = pair else {
            return Err(format!("{} needs a value", pair[0]));
        };
        let number = || {
            value
                .parse::<u64>()
                .map_err(|_| format!("{name}: not a number"))
        };
        match name.as_str() {
            "--address" => load.address.clone_from(value),
            "--bucket" => load.bucket.clone_from(value),
            "--access-key" => {
                let (id, secret) = value.split_once(':').ok_or("--access-key ID:SECRET")?;
                (load.id, load.secret) = (id.into(), secret.into());
            }
            "--region" => load.region.clone_from(value),
            "--connections" => {
                load.connections = usize::try_from(number()?).map_err(|e| e.to_string())?
            }
            "--seconds" => load.seconds = number()?.min(300),
            "--max-requests" => load.max_requests = number()?,
            "--size" => load.size = usize::try_from(number()?).map_err(|e| e.to_string())?,
            other => return Err(format!("unknown option {other}")),
        }
    }
    if load.address.is_empty() {
        return Err("--address HOST:PORT is required".into());
    }
    Ok(load)
}

/// A V4-signed request for the bench object.
fn signed(load: &Load, method: &str, body: Bytes) -> http::Request<Full<Bytes>> {
    let key = SigningKey::new(&load.secret);
    let creds = Credentials::new(&load.id, &key).expect("a valid AccessKeyId");
    let settings = Settings::new(&load.region).expect("a valid region");
    let mut request = http::Request::builder()
        .method(method)
        .uri(format!(
            "http://{}/{}/load/object.bin",
            load.address, load.bucket
        ))
        .header("host", &load.address)
        .body(Full::new(body))
        .expect("a valid request");
    let now = Timestamp::now().expect("a sane clock");
    sign_http_request_v4(&creds, &mut request, Addressing::PathStyle, &settings, now)
        .expect("signed");
    request
}

type Sender = hyper::client::conn::http1::SendRequest<Full<Bytes>>;

async fn connect(address: &str) -> Sender {
    let stream = TcpStream::connect(address)
        .await
        .expect("the emulator is listening");
    stream.set_nodelay(true).expect("nodelay");
    let (sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .expect("handshake");
    tokio::spawn(connection);
    sender
}

/// One connection's loop: latencies in microseconds, and the count of wrong answers.
async fn worker(load: Load, deadline: Instant, budget: u64, expected: Bytes) -> (Vec<u32>, u64) {
    let mut sender = connect(&load.address).await;
    let (mut latencies, mut errors) = (Vec::new(), 0);
    while Instant::now() < deadline && (latencies.len() as u64) < budget {
        let request = signed(&load, "GET", Bytes::new());
        let started = Instant::now();
        let ok = match sender.send_request(request).await {
            Ok(response) => {
                let status = response.status();
                let body = response
                    .into_body()
                    .collect()
                    .await
                    .map(|body| body.to_bytes());
                status == 200 && body.is_ok_and(|body| body == expected)
            }
            Err(_) => {
                sender = connect(&load.address).await;
                false
            }
        };
        latencies.push(u32::try_from(started.elapsed().as_micros()).unwrap_or(u32::MAX));
        errors += u64::from(!ok);
    }
    (latencies, errors)
}

fn percentile(sorted: &[u32], per_mille: usize) -> u32 {
    sorted
        .get((sorted.len() * per_mille / 1000).min(sorted.len().saturating_sub(1)))
        .copied()
        .unwrap_or(0)
}

#[tokio::main]
async fn main() {
    let load = match parse_args() {
        Ok(load) => load,
        Err(message) => {
            eprintln!("emulate-load: {message}");
            std::process::exit(2);
        }
    };
    let object = Bytes::from(
        (0..load.size)
            .map(|i| u8::try_from(i % 251).unwrap_or_default())
            .collect::<Vec<u8>>(),
    );
    let mut sender = connect(&load.address).await;
    let put = sender
        .send_request(signed(&load, "PUT", object.clone()))
        .await
        .expect("PUT sent");
    assert_eq!(put.status(), 200, "the emulator refused the PUT");
    let started = Instant::now();
    let deadline = started + Duration::from_secs(load.seconds);
    let budget = load.max_requests.div_ceil(load.connections as u64);
    let workers: Vec<_> = (0..load.connections)
        .map(|_| tokio::spawn(worker(load.clone(), deadline, budget, object.clone())))
        .collect();
    let (mut latencies, mut errors) = (Vec::new(), 0);
    for worker in workers {
        let (mine, wrong) = worker.await.expect("worker");
        latencies.extend(mine);
        errors += wrong;
    }
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort_unstable();
    // The result line is this tool's output.
    #[allow(clippy::print_stdout)]
    {
        println!(
            "{{\"requests\":{},\"errors\":{errors},\"seconds\":{elapsed:.2},\"per_second\":{:.0},\"p50_us\":{},\"p99_us\":{},\"max_us\":{},\"connections\":{},\"object_bytes\":{}}}",
            latencies.len(),
            latencies.len() as f64 / elapsed,
            percentile(&latencies, 500),
            percentile(&latencies, 990),
            latencies.last().copied().unwrap_or(0),
            load.connections,
            load.size,
        );
    }
}
