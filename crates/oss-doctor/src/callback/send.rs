//! Sending a callback as OSS does: one POST with Content-Length and the signature
//! headers, a time limit, and the reply read the way OSS reads it. `callback probe` and
//! `emulate` send with it. Only `http://` is spoken.

use core::net::SocketAddr;
use core::time::Duration;
use std::io::{ErrorKind, Read as _, Write as _};
use std::net::{TcpStream, ToSocketAddrs as _};
use std::time::Instant;

use oss_core::callback::{CallbackReply, Limits, connect_failed};
use oss_core::errors::{Entry, Error};

use super::check_response::content_length;

/// Header bytes accepted before giving up on a reply.
const MAX_HEADER_BYTES: usize = 64 * 1024;

/// Where a callback goes.
#[derive(Debug)]
pub(crate) struct Target {
    pub(crate) host: String,
    pub(crate) port: u16,
    pub(crate) path: String,
}

/// Splits a callback URL (`http://` or none) into host, port and request target.
///
/// # Errors
/// A message for a URL this sender cannot use (HTTPS, another scheme, a bad port).
pub(crate) fn parse_target(url: &str) -> Result<Target, String> {
    let rest = match url.split_once("://") {
        Some((scheme, rest)) if scheme.eq_ignore_ascii_case("http") => rest,
        Some((scheme, _)) if scheme.eq_ignore_ascii_case("https") => {
            return Err("only plain http:// is spoken here; test the TLS side with curl".into());
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
#[derive(Debug)]
pub(crate) enum Failure {
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

/// A reply as OSS reads it.
#[derive(Debug)]
pub(crate) struct Exchange {
    pub(crate) status: u16,
    pub(crate) content_length: Option<String>,
    pub(crate) body: Vec<u8>,
    pub(crate) elapsed: Duration,
}

impl Exchange {
    /// The reply as OSS's response rules see it.
    pub(crate) fn reply(&self) -> CallbackReply<'_> {
        let reply = CallbackReply::new(self.status, &self.body).with_elapsed(self.elapsed);
        match &self.content_length {
            Some(length) => reply.with_content_length(length.as_bytes()),
            None => reply,
        }
    }
}

/// What is sent: the body, its type, and the signature headers.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Outgoing<'a> {
    /// `callbackHost`, when the configuration names one (else the URL's host).
    pub(crate) host: Option<&'a str>,
    pub(crate) content_type: &'a str,
    pub(crate) body: &'a str,
    /// `authorization`: the base64 RSA signature.
    pub(crate) authorization: &'a str,
    /// `x-oss-pub-key-url`: the base64 key URL.
    pub(crate) pub_key_url: &'a str,
    pub(crate) user_agent: &'a str,
}

/// Sends `outgoing` to `target` as OSS sends callbacks (a POST with Content-Length, within
/// the time limit) and reads the reply as OSS does (the body only for a 200 whose
/// Content-Length is usable).
///
/// # Errors
/// [`Failure`]: OSS's connection errors, or the time limit.
pub(crate) fn exchange(
    target: &Target,
    outgoing: &Outgoing<'_>,
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
    let host = match outgoing.host {
        Some(host) => host.to_owned(),
        None if target.port == 80 => target.host.clone(),
        None => format!("{}:{}", target.host, target.port),
    };
    let request = format!(
        "POST {} HTTP/1.1\r\nHost: {host}\r\nContent-Type: {}\r\nContent-Length: {}\r\nauthorization: {}\r\nx-oss-pub-key-url: {}\r\nUser-Agent: {}\r\nConnection: close\r\n\r\n{}",
        target.path,
        outgoing.content_type,
        outgoing.body.len(),
        outgoing.authorization,
        outgoing.pub_key_url,
        outgoing.user_agent,
        outgoing.body,
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
