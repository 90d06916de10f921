//! `callback probe URL`: send a sample callback the way OSS does (POST, Content-Type,
//! Content-Length, the signature headers, a 5-second limit) and judge the reply with OSS's
//! rules, printing the CallbackFailed message OSS would return.
//!
//! OSS itself refuses private and loopback addresses; the probe warns about them but sends
//! anyway, so a server on this machine can be tested. Only `http://` is spoken.

use core::net::SocketAddr;
use core::time::Duration;
use std::io::{ErrorKind, Read as _, Write as _};
use std::net::{TcpStream, ToSocketAddrs as _};
use std::time::Instant;

use oss_core::callback::{
    BodyType, CallbackConfig, CallbackReply, CallbackUrl, CallbackVars, DecodeBuffer, Limits,
    RenderedBody, UploadInfo, connect_failed,
};
use oss_core::errors::{Entry, Error};
use serde_json::{Value, json};

use super::check_response::content_length;
use super::decode::rejected_with_text;
use super::parse_body_type;
use crate::report::{self, Outcome, Output};

/// Header bytes accepted before giving up on a reply.
const MAX_HEADER_BYTES: usize = 64 * 1024;
/// `x-oss-pub-key-url` as OSS sends it (base64 of its key URL).
const PUB_KEY_URL: &str =
    "aHR0cDovL2dvc3NwdWJsaWMuYWxpY2RuLmNvbS9jYWxsYmFja19wdWJfa2V5X3YxLnBlbQ==";
/// A well-formed signature that cannot verify: only OSS holds the private key.
const UNSIGNED: &str = "cHJvYmUgZnJvbSBvc3MtZG9jdG9yOyBub3Qgc2lnbmVkIGJ5IE9TUw==";

/// Arguments of `callback probe`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The callback URL to probe (`http://host[:port]/path`; the scheme may be left out).
    url: String,
    /// Take callbackBody and callbackBodyType from this x-oss-callback value.
    #[arg(long, conflicts_with = "body_type")]
    callback: Option<String>,
    /// Custom variables for --callback (an x-oss-callback-var value).
    #[arg(long, requires = "callback")]
    callback_var: Option<String>,
    /// The sample body's type: `form` (default) or `json`.
    #[arg(long, value_parser = parse_body_type)]
    body_type: Option<BodyType>,
    /// Print one JSON document.
    #[arg(long)]
    json: bool,
}

/// The sample upload the probe reports.
const SAMPLE: UploadInfo<'static> = UploadInfo::new()
    .with_bucket("examplebucket")
    .with_object("exampledir/exampleobject.txt")
    .with_etag("D8E8FCA2DC0F896FD7CB4CB0031BA249")
    .with_size(5)
    .with_mime_type("text/plain")
    .with_crc64(3_457_021_339_082_460_104)
    .with_client_ip("203.0.113.10")
    .with_req_id("5F1A2B3C4D5E6F708192A3B4")
    .with_operation("PutObject");

const FORM_TEMPLATE: &str =
    "bucket=${bucket}&object=${object}&etag=${etag}&size=${size}&mimeType=${mimeType}";
const JSON_TEMPLATE: &str = r#"{"bucket":${bucket},"object":${object},"etag":${etag},"size":${size},"mimeType":${mimeType}}"#;

/// Where to send the probe.
struct Target {
    host: String,
    port: u16,
    path: String,
}

fn parse_target(url: &str) -> Result<Target, String> {
    let rest = match url.split_once("://") {
        Some((scheme, rest)) if scheme.eq_ignore_ascii_case("http") => rest,
        Some((scheme, _)) if scheme.eq_ignore_ascii_case("https") => {
            return Err("probe speaks plain http:// only; test the TLS side with curl".into());
        }
        Some((scheme, _)) => {
            return Err(format!(
                "unsupported scheme {scheme:?}: OSS calls back over http or https"
            ));
        }
        None => url,
    };
    let split = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(split);
    let path = if path.starts_with('?') {
        format!("/{path}")
    } else if path.is_empty() {
        "/".into()
    } else {
        path.into()
    };
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port)) if !host.ends_with(']') || host.starts_with('[') => (
            host,
            port.parse()
                .map_err(|_| format!("{port:?} is not a port"))?,
        ),
        _ => (authority, 80),
    };
    if host.is_empty() {
        return Err(format!("{url:?} has no host"));
    }
    Ok(Target {
        host: host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_owned(),
        port,
        path,
    })
}

/// How the exchange ended before a reply could be judged.
enum Failure {
    /// OSS's "Error Status : -1" family, or a host that does not resolve.
    Oss(Error),
    /// Past the 5-second limit.
    Timeout,
}

/// Reads into `buf` until `done(buf)` says stop, EOF, or the deadline.
fn read_until(
    stream: &mut TcpStream,
    buf: &mut Vec<u8>,
    deadline: Instant,
    mut done: impl FnMut(&[u8]) -> bool,
) -> Result<(), Failure> {
    let mut chunk = [0u8; 16 * 1024];
    while !done(buf) {
        let remaining = deadline.saturating_duration_since(Instant::now());
        if remaining.is_zero() {
            return Err(Failure::Timeout);
        }
        stream
            .set_read_timeout(Some(remaining))
            .map_err(|_| Failure::Oss(connect_failed()))?;
        match stream.read(&mut chunk) {
            Ok(0) => return Ok(()),
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(err) if matches!(err.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                return Err(Failure::Timeout);
            }
            Err(err) if err.kind() == ErrorKind::Interrupted => {}
            Err(_) => return Err(Failure::Oss(connect_failed())),
        }
    }
    Ok(())
}

/// A parsed reply: status, headers, and the body bytes received with the head.
struct Head {
    status: u16,
    headers: Vec<(String, String)>,
    body_start: usize,
}

fn parse_head(buf: &[u8]) -> Option<Head> {
    let end = buf.windows(4).position(|w| w == b"\r\n\r\n")?;
    let text = core::str::from_utf8(&buf[..end]).ok()?;
    let mut lines = text.split("\r\n");
    let mut status_line = lines.next()?.split(' ');
    if !status_line.next()?.starts_with("HTTP/") {
        return None;
    }
    let status = status_line.next()?.parse().ok()?;
    let headers = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
        .collect();
    Some(Head {
        status,
        headers,
        body_start: end + 4,
    })
}

struct Exchange {
    status: u16,
    content_length: Option<String>,
    body: Vec<u8>,
    elapsed: Duration,
}

fn exchange(
    target: &Target,
    content_type: &str,
    body: &str,
    limits: &Limits,
) -> Result<Exchange, Failure> {
    let start = Instant::now();
    let deadline = start + limits.response_timeout();
    let addrs: Vec<SocketAddr> = (target.host.as_str(), target.port)
        .to_socket_addrs()
        .map_err(|_| Failure::Oss(Entry::CallbackHostNotResolved.into()))?
        .collect();
    let mut stream = addrs
        .iter()
        .find_map(|addr| {
            let remaining = deadline
                .saturating_duration_since(Instant::now())
                .max(Duration::from_millis(1));
            TcpStream::connect_timeout(addr, remaining).ok()
        })
        .ok_or(Failure::Oss(connect_failed()))?;
    let host = if target.port == 80 {
        target.host.clone()
    } else {
        format!("{}:{}", target.host, target.port)
    };
    let request = format!(
        "POST {} HTTP/1.1\r\nHost: {host}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nauthorization: {UNSIGNED}\r\nx-oss-pub-key-url: {PUB_KEY_URL}\r\nUser-Agent: oss-doctor-callback-probe\r\nConnection: close\r\n\r\n{body}",
        target.path,
        body.len(),
    );
    let _ = stream.set_write_timeout(Some(limits.response_timeout()));
    stream
        .write_all(request.as_bytes())
        .map_err(|_| Failure::Oss(connect_failed()))?;

    let mut buf = Vec::new();
    read_until(&mut stream, &mut buf, deadline, |b| {
        b.windows(4).any(|w| w == b"\r\n\r\n") || b.len() > MAX_HEADER_BYTES
    })?;
    // A server that closes or babbles without an HTTP head is as good as unreachable.
    let head = parse_head(&buf).ok_or(Failure::Oss(connect_failed()))?;
    let content_length = content_length(head.headers.iter().map(|(n, v)| (n.as_str(), v.as_str())))
        .map(str::to_owned);
    let mut body = buf.split_off(head.body_start);
    // Read the body only when OSS would: a 200 with a usable, small enough Content-Length.
    // (`content_length` is already trimmed.)
    let wanted = content_length
        .as_deref()
        .and_then(|v| v.parse::<u64>().ok())
        .filter(|&n| n > 0 && n <= limits.max_response_body());
    if let (200, Some(wanted)) = (head.status, wanted) {
        let wanted = usize::try_from(wanted).unwrap_or(usize::MAX);
        read_until(&mut stream, &mut body, deadline, |b| b.len() >= wanted)?;
        body.truncate(wanted);
    }
    Ok(Exchange {
        status: head.status,
        content_length,
        body,
        elapsed: start.elapsed(),
    })
}

fn sample_body(args: &Args) -> Result<(String, BodyType), Outcome> {
    let mut buf = DecodeBuffer::new();
    let mut var_buf = DecodeBuffer::new();
    let (template, body_type, vars) = match &args.callback {
        Some(value) => {
            let config = CallbackConfig::decode(value.trim().as_bytes(), &mut buf)
                .map_err(|err| rejected_with_text(args.json, &err, value))?;
            let vars = match &args.callback_var {
                Some(var) => CallbackVars::decode(var.trim().as_bytes(), &mut var_buf)
                    .map_err(|err| rejected_with_text(args.json, &err, var))?,
                None => CallbackVars::EMPTY,
            };
            (config.body, config.effective_body_type(), vars)
        }
        None => {
            let body_type = args.body_type.unwrap_or_default();
            let template = if body_type == BodyType::Json {
                JSON_TEMPLATE
            } else {
                FORM_TEMPLATE
            };
            (template, body_type, CallbackVars::EMPTY)
        }
    };
    let rendered = RenderedBody::new(template, body_type, &SAMPLE, vars)
        .map_err(|err| report::rejected(args.json, &err))?;
    Ok((rendered.to_string(), body_type))
}

/// Runs `callback probe`.
pub(crate) fn run(args: &Args) -> Outcome {
    let target = match parse_target(&args.url) {
        Ok(target) => target,
        Err(message) => return Outcome::Usage(message),
    };
    let (body, body_type) = match sample_body(args) {
        Ok(sample) => sample,
        Err(outcome) => return outcome,
    };
    let mut warnings = Vec::new();
    if let Err(err) = CallbackUrl::parse(&args.url) {
        warnings.push(format!(
            "OSS itself would refuse this callbackUrl ({err}); probing anyway"
        ));
    }
    warnings.push("the probe is not signed by OSS (only OSS has the private key): a server that verifies signatures answers 400".to_owned());

    let limits = Limits::DEFAULT;
    let result = exchange(&target, body_type.as_str(), &body, &limits);
    let request = json!({ "url": args.url, "content_type": body_type.as_str(), "body": body });
    let (verdict, reply) = match &result {
        Ok(exchange) => {
            let mut reply =
                CallbackReply::new(exchange.status, &exchange.body).with_elapsed(exchange.elapsed);
            if let Some(length) = &exchange.content_length {
                reply = reply.with_content_length(length.as_bytes());
            }
            let shown: String = String::from_utf8_lossy(&exchange.body)
                .chars()
                .take(2000)
                .collect();
            let details = json!({
                "status": exchange.status,
                "content_length": exchange.content_length,
                "body": shown,
                "elapsed_ms": u64::try_from(exchange.elapsed.as_millis()).unwrap_or(u64::MAX),
            });
            (reply.check_with(&limits), Some(details))
        }
        Err(Failure::Timeout) => (Err(Entry::CallbackTimeout.into()), None),
        Err(Failure::Oss(err)) => (Err(*err), None),
    };
    let as_json = |valid_fields: serde_json::Map<String, Value>| {
        let mut map = valid_fields;
        map.insert("request".into(), request.clone());
        map.insert("reply".into(), reply.clone().unwrap_or(Value::Null));
        map.insert("warnings".into(), json!(warnings));
        Value::Object(map)
    };
    let text_tail = || {
        let mut text = String::new();
        if let Some(reply) = &reply {
            let length = reply["content_length"].as_str().unwrap_or("(none)");
            text.push_str(&format!(
                "  reply: HTTP {} in {} ms, Content-Length {length}\n  reply body: {}\n",
                reply["status"],
                reply["elapsed_ms"],
                reply["body"].as_str().unwrap_or_default()
            ));
        }
        for warning in &warnings {
            text.push_str(&format!("warning: {warning}\n"));
        }
        text
    };
    match verdict {
        Ok(()) => Outcome::Ok(Output::choose(
            args.json,
            || {
                as_json(serde_json::Map::from_iter([(
                    "valid".to_owned(),
                    json!(true),
                )]))
            },
            || format!("ok: OSS would accept this reply\n{}", text_tail()),
        )),
        Err(err) => Outcome::Rejected(Output::choose(
            args.json,
            || as_json(report::rejection_json(&err)),
            || {
                format!(
                    "OSS would answer HTTP {} {}: {err}\n{}",
                    err.status(),
                    err.code().as_str(),
                    text_tail()
                )
            },
        )),
    }
}
