//! `callback serve`: a callback server for debugging. It checks every callback's signature,
//! logs what it received and what was signed, and answers `{"Status":"OK"}` (with
//! Content-Length, as OSS requires) or 400 when the signature is bad, like OSS's demo server.

use alloc::collections::VecDeque;
use alloc::sync::Arc;
use core::convert::Infallible;
use core::net::SocketAddr;
use core::sync::atomic::{AtomicU64, Ordering};
use core::time::Duration;
use std::io::Write as _;
use std::sync::{Mutex, PoisonError};
use std::time::Instant;

use http_body_util::{BodyExt as _, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::header::{CONTENT_LENGTH, CONTENT_TYPE, HeaderValue};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use oss_core::callback::verify::{CallbackRequest, PublicKey};
use serde_json::{Value, json};
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tokio::task::AbortHandle;

use super::verify::{load_key, signed_text};
use crate::report::Outcome;

/// Bodies larger than this are refused (OSS sends small form or JSON bodies).
const MAX_REQUEST_BODY: usize = 1024 * 1024;
/// How long a request's header block, and then its body, may take: OSS itself gives up
/// on a callback after 5 seconds.
const READ_TIMEOUT: Duration = Duration::from_secs(5);
/// Connections served at once; further ones wait in the listen backlog.
const MAX_CONNECTIONS: usize = 256;
/// How much of a body (or of any text from the network) one log entry shows.
const MAX_LOGGED_BYTES: usize = 4096;

/// Arguments of `callback serve`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The address to listen on, e.g. `0.0.0.0:9000` (port 0 picks a free port).
    #[arg(long)]
    listen: String,
    /// The public key to verify with: a PEM file or PEM text; OSS's published key by default.
    #[arg(long)]
    public_key: Option<String>,
    /// Log the verdict but answer 200 even when the signature is bad (to test clients).
    #[arg(long)]
    no_verify: bool,
    /// Log one JSON object per line instead of text.
    #[arg(long)]
    json: bool,
    /// Also trust `x-oss-pub-key-url` values under this URL prefix (repeatable): for a
    /// test server that signs callbacks with its own key, such as `oss-doctor emulate`
    /// (`--trust-key-url http://127.0.0.1:PORT/`). OSS's own keys need nothing.
    #[arg(long, value_name = "PREFIX")]
    trust_key_url: Vec<String>,
}

/// How the server runs.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Mode {
    /// Answer 400 to a callback whose signature is bad.
    pub(crate) enforce: bool,
    /// Log JSON lines.
    pub(crate) json: bool,
    /// Key URL prefixes trusted besides OSS's.
    pub(crate) also_trusted: &'static [&'static str],
}

/// Runs `callback serve` until the process is stopped.
pub(crate) fn run(args: &Args) -> Outcome {
    let key = match load_key(args.public_key.as_deref()) {
        // The server runs until the process ends, so the key can live as long.
        Ok(key) => &*Box::leak(Box::new(key)),
        Err(message) => return Outcome::Usage(message),
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => return Outcome::Usage(format!("cannot start the runtime: {err}")),
    };
    // Like the key, the trusted prefixes live as long as the server.
    let also_trusted: Vec<&'static str> = args
        .trust_key_url
        .iter()
        .map(|prefix| &*Box::leak(prefix.clone().into_boxed_str()))
        .collect();
    match runtime.block_on(serve(
        &args.listen,
        key,
        Mode {
            enforce: !args.no_verify,
            json: args.json,
            also_trusted: Box::leak(also_trusted.into_boxed_slice()),
        },
    )) {
        Ok(()) => Outcome::Usage("the server stopped".into()),
        Err(message) => Outcome::Usage(message),
    }
}

fn log(line: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "{line}").and_then(|()| stdout.flush());
}

async fn serve(addr: &str, key: &'static PublicKey, mode: Mode) -> Result<(), String> {
    let listener = TcpListener::bind(addr)
        .await
        .map_err(|err| format!("cannot listen on {addr}: {err}"))?;
    let connections = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let waiting = Arc::new(Waiting::default());
    let mut accept_errors = ErrorLog::default();
    let local = listener.local_addr().map_err(|err| err.to_string())?;
    if mode.json {
        log(&json!({ "listening": format!("http://{local}") }).to_string());
    } else {
        log(&format!(
            "listening on http://{local} (verifying with {})",
            key_name(key)
        ));
    }
    loop {
        // At most MAX_CONNECTIONS at once: the next accept waits for a free slot.
        let Ok(slot) = Arc::clone(&connections).acquire_owned().await else {
            return Err("the connection limit closed".into());
        };
        let (stream, peer) = match listener.accept().await {
            Ok(accepted) => {
                accept_errors.reset();
                accepted
            }
            Err(err) => {
                // Out of descriptors: free some by closing the connections that have waited
                // longest without sending a whole request head (slow or idle clients), then
                // back off instead of spinning, logging a summary at most once a second.
                let shed = waiting.shed_oldest_half();
                accept_errors.note(&err.to_string(), shed);
                tokio::time::sleep(accept_errors.backoff()).await;
                continue;
            }
        };
        let id = waiting.next_id();
        let heads = Arc::clone(&waiting);
        let task = tokio::spawn(async move {
            let service = service_fn(move |request| {
                // A whole request head arrived: no longer a candidate for shedding.
                heads.remove(id);
                handle(request, key, peer, mode)
            });
            let served = http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(READ_TIMEOUT)
                .serve_connection(TokioIo::new(stream), service)
                .await;
            if let Err(err) = served {
                log(&format!(
                    "connection from {peer} failed: {}",
                    escaped(&err.to_string())
                ));
            }
            drop(slot);
        });
        waiting.add(id, task.abort_handle());
    }
}

/// Connections that have not sent a whole request head yet, oldest first: the ones to
/// close when descriptors run out. A finished task is dropped from the list lazily.
#[derive(Default)]
struct Waiting {
    next: AtomicU64,
    list: Mutex<VecDeque<(u64, AbortHandle)>>,
}

impl Waiting {
    fn next_id(&self) -> u64 {
        self.next.fetch_add(1, Ordering::Relaxed)
    }

    fn add(&self, id: u64, task: AbortHandle) {
        let mut list = self.list.lock().unwrap_or_else(PoisonError::into_inner);
        list.retain(|(_, task)| !task.is_finished());
        list.push_back((id, task));
    }

    fn remove(&self, id: u64) {
        let mut list = self.list.lock().unwrap_or_else(PoisonError::into_inner);
        list.retain(|(waiting, _)| *waiting != id);
    }

    /// Closes the older half of the waiting connections; returns how many.
    fn shed_oldest_half(&self) -> usize {
        let mut list = self.list.lock().unwrap_or_else(PoisonError::into_inner);
        list.retain(|(_, task)| !task.is_finished());
        let count = list.len().div_ceil(2);
        for (_, task) in list.drain(..count) {
            task.abort();
        }
        count
    }
}

/// Accept failures: how many since the last success, and when one was last logged.
#[derive(Default)]
struct ErrorLog {
    failures: u32,
    unlogged: u32,
    last_logged: Option<Instant>,
}

impl ErrorLog {
    fn note(&mut self, error: &str, shed: usize) {
        self.failures = self.failures.saturating_add(1);
        self.unlogged = self.unlogged.saturating_add(1);
        let due = self
            .last_logged
            .is_none_or(|at| at.elapsed() >= Duration::from_secs(1));
        if due {
            log(&format!(
                "accept failed ({} time(s) since the last log line): {}; closed {shed} connection(s) still waiting for a request head",
                self.unlogged,
                escaped(error)
            ));
            self.unlogged = 0;
            self.last_logged = Some(Instant::now());
        }
    }

    /// 10 ms after the first failure, doubling up to one second.
    fn backoff(&self) -> Duration {
        let doublings = self.failures.saturating_sub(1).min(7);
        Duration::from_millis(10 << doublings).min(Duration::from_secs(1))
    }

    fn reset(&mut self) {
        self.failures = 0;
    }
}

/// Text from the network, safe for one log line: control characters (CR, LF, ESC...)
/// shown escaped. (Bodies are cut to MAX_LOGGED_BYTES before, by `shown`.)
fn escaped(text: &str) -> String {
    let mut shown = String::new();
    for c in text.chars() {
        if c.is_control() {
            shown.extend(c.escape_default());
        } else {
            shown.push(c);
        }
    }
    shown
}

fn key_name(key: &PublicKey) -> &'static str {
    if *key == PublicKey::oss() {
        "OSS's published key"
    } else {
        "the given key"
    }
}

fn reply(status: StatusCode, body: &Value) -> Response<Full<Bytes>> {
    let bytes = Bytes::from(body.to_string());
    let mut response = Response::new(Full::new(bytes.clone()));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    headers.insert(CONTENT_LENGTH, HeaderValue::from(bytes.len()));
    response
}

/// A request as `callback serve` reads it: method, target (path and query), the headers it
/// looks at, and the body.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Received<'a> {
    pub(crate) method: &'a str,
    pub(crate) target: &'a str,
    pub(crate) authorization: &'a [u8],
    pub(crate) pub_key_url: &'a [u8],
    pub(crate) content_type: &'a [u8],
    pub(crate) body: &'a [u8],
}

/// What the server answers a request and what it logs of it (without time and peer):
/// the pure part of [`handle`], which adds the socket, the clock and the body reading.
pub(crate) fn judge(
    received: &Received<'_>,
    key: &PublicKey,
    mode: Mode,
) -> (StatusCode, Value, Value) {
    let target = received.target;
    if received.method != Method::POST.as_str() {
        return (
            StatusCode::NOT_IMPLEMENTED,
            json!({ "Status": "Unsupported method" }),
            json!({ "method": received.method, "target": target, "status": 501 }),
        );
    }
    let body = received.body;
    let callback = CallbackRequest::new(received.authorization, received.pub_key_url, target, body);
    let verdict = callback.verify_trusting(key, mode.also_trusted);
    let (signed, md5) = signed_text(callback.path, callback.query, body);
    let (status, answer) = match verdict {
        Err(err) if mode.enforce => (
            StatusCode::BAD_REQUEST,
            json!({ "Status": "Error", "Reason": err.to_string() }),
        ),
        _ => (StatusCode::OK, json!({ "Status": "OK" })),
    };
    let entry = json!({
        "method": "POST",
        "target": target,
        "content_type": String::from_utf8_lossy(received.content_type),
        "body": shown(body),
        "body_bytes": body.len(),
        "string_to_sign": shown(signed.as_bytes()),
        "string_to_sign_md5": md5,
        "verified": verdict.is_ok(),
        "reason": verdict.err().map(|e| e.to_string()),
        "status": status.as_u16(),
    });
    (status, answer, entry)
}

/// `entry` with the time and the peer's address added.
fn stamped(mut entry: Value, peer: SocketAddr) -> Value {
    entry["time"] = json!(crate::clock::unix_now());
    entry["peer"] = json!(peer.to_string());
    entry
}

async fn handle(
    request: Request<Incoming>,
    key: &'static PublicKey,
    peer: SocketAddr,
    mode: Mode,
) -> Result<Response<Full<Bytes>>, Infallible> {
    let json = mode.json;
    let method = request.method().clone();
    let target = request
        .uri()
        .path_and_query()
        .map_or_else(|| "/".to_owned(), |pq| pq.as_str().to_owned());
    let header = |name: &str| {
        request
            .headers()
            .get(name)
            .map(|v| v.as_bytes().to_vec())
            .unwrap_or_default()
    };
    let (authorization, pub_key_url) = (header("authorization"), header("x-oss-pub-key-url"));
    let content_type = header("content-type");
    let body = if method == Method::POST {
        let collected = tokio::time::timeout(
            READ_TIMEOUT,
            Limited::new(request.into_body(), MAX_REQUEST_BODY).collect(),
        )
        .await
        .unwrap_or_else(|_| Err("the body did not arrive within 5 seconds".into()));
        match collected {
            Ok(collected) => collected.to_bytes(),
            Err(err) => {
                log_request(
                    json,
                    &stamped(
                        json!({ "target": target, "status": 400, "error": err.to_string() }),
                        peer,
                    ),
                );
                return Ok(reply(
                    StatusCode::BAD_REQUEST,
                    &json!({ "Status": "Error", "Reason": "cannot read the body" }),
                ));
            }
        }
    } else {
        Bytes::new()
    };
    let received = Received {
        method: method.as_str(),
        target: &target,
        authorization: &authorization,
        pub_key_url: &pub_key_url,
        content_type: &content_type,
        body: &body,
    };
    let (status, answer, entry) = judge(&received, key, mode);
    log_request(json, &stamped(entry, peer));
    Ok(reply(status, &answer))
}

/// A body as a log entry shows it: UTF-8 (lossy), cut at MAX_LOGGED_BYTES.
fn shown(bytes: &[u8]) -> String {
    let cut = &bytes[..bytes.len().min(MAX_LOGGED_BYTES)];
    let mut text = String::from_utf8_lossy(cut).into_owned();
    if cut.len() < bytes.len() {
        text.push_str(&format!("... ({} bytes in all)", bytes.len()));
    }
    text
}

fn log_request(json: bool, entry: &Value) {
    log(&log_line(json, entry));
}

/// The log line (or lines) of one entry: JSON, or text with everything from the network
/// escaped.
pub(crate) fn log_line(json: bool, entry: &Value) -> String {
    if json {
        return entry.to_string();
    }
    // Everything here came from the network: one escaped line per field.
    let field = |name: &str| escaped(entry.get(name).and_then(Value::as_str).unwrap_or_default());
    let mut text = format!(
        "[{}] {} {} from {} -> {}\n",
        entry["time"],
        field("method"),
        field("target"),
        field("peer"),
        entry["status"]
    );
    if !field("content_type").is_empty() {
        text.push_str(&format!("  content-type: {}\n", field("content_type")));
    }
    if entry.get("body").is_some() {
        text.push_str(&format!("  body: {}\n", field("body")));
        text.push_str(&format!(
            "  string to sign: \"{}\" (md5 {})\n",
            field("string_to_sign"),
            field("string_to_sign_md5")
        ));
        match entry.get("reason").and_then(Value::as_str) {
            None => text.push_str("  signature: verified\n"),
            Some(reason) => {
                text.push_str(&format!("  signature: NOT verified: {}\n", escaped(reason)));
            }
        }
    }
    if let Some(error) = entry.get("error").and_then(Value::as_str) {
        text.push_str(&format!("  error: {}\n", escaped(error)));
    }
    text.trim_end().to_owned()
}
