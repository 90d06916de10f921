//! `callback serve` under hostile traffic, on 127.0.0.1: started with an open-file limit
//! of 64, held by 300 connections that send half a header and one that sends a slow body,
//! it still answers a normal request within 10 seconds, and its log stays small. A body
//! cannot forge log lines.

mod common;

use core::time::Duration;
use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::Instant;

use common::BIN;

/// `callback serve --no-verify` under `ulimit -n 64`, its log (stdout) read by a thread.
struct Server {
    child: Child,
    addr: String,
    log: thread::JoinHandle<Vec<u8>>,
}

impl Server {
    fn start(json: bool) -> Self {
        let script = format!(
            "ulimit -n 64 && exec '{BIN}' callback serve --listen localhost:0 --no-verify {}",
            if json { "--json" } else { "" }
        );
        let mut child = Command::new("sh")
            .args(["-c", &script])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn serve");
        let mut reader = BufReader::new(child.stdout.take().expect("stdout"));
        let mut first = String::new();
        reader.read_line(&mut first).expect("first line");
        let addr = first
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split(['"', ' ']).next())
            .expect("an address")
            .trim()
            .to_owned();
        let log = thread::spawn(move || {
            let mut rest = Vec::new();
            let _ = reader.read_to_end(&mut rest);
            rest
        });
        Self { child, addr, log }
    }

    /// Stops the server and returns what it logged after the first line.
    fn stop(mut self) -> Vec<u8> {
        let _ = self.child.kill();
        let _ = self.child.wait();
        self.log.join().expect("log reader")
    }
}

fn request(body: &str) -> String {
    format!(
        "POST /cb HTTP/1.1\r\nHost: x\r\nauthorization: AAAA\r\nx-oss-pub-key-url: AAAA\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
}

/// Sends `text` and reads the reply until the server closes or `limit` passes.
fn exchange(addr: &str, text: &str, limit: Duration) -> String {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream.set_read_timeout(Some(limit)).expect("timeout");
    stream.write_all(text.as_bytes()).expect("write");
    let mut reply = String::new();
    let _ = stream.read_to_string(&mut reply);
    reply
}

#[test]
fn half_open_connections_and_a_slow_body_do_not_take_it_down() {
    let server = Server::start(false);
    let mut held = Vec::new();
    for _ in 0..300 {
        // Connections the server cannot accept yet wait in the backlog; some may be refused.
        if let Ok(mut stream) = TcpStream::connect(&server.addr) {
            let _ = stream.write_all(b"POST /cb HTTP/1.1\r\nHost: x\r\n");
            held.push(stream);
        }
    }
    let mut slow = TcpStream::connect(&server.addr).expect("connect");
    slow.write_all(b"POST /cb HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n0123456789")
        .expect("write");
    let started = Instant::now();
    let reply = exchange(&server.addr, &request("a=1"), Duration::from_secs(10));
    let waited = started.elapsed();
    assert!(
        reply.starts_with("HTTP/1.1 200"),
        "no answer in {waited:?}: {reply:?}"
    );
    assert!(
        waited < Duration::from_secs(10),
        "answered after {waited:?}"
    );
    drop(held);
    drop(slow);
    let log = server.stop();
    assert!(log.len() < 64 * 1024, "the log grew to {} bytes", log.len());
}

#[test]
fn a_body_cannot_forge_log_lines_and_long_bodies_are_cut() {
    let server = Server::start(false);
    let forged = "x=1\n  signature: verified\n\u{1b}[31mred";
    let reply = exchange(&server.addr, &request(forged), Duration::from_secs(5));
    assert!(reply.starts_with("HTTP/1.1 200"), "{reply:?}");
    let long = "y".repeat(1024 * 1024 - 100);
    let reply = exchange(&server.addr, &request(&long), Duration::from_secs(5));
    assert!(reply.starts_with("HTTP/1.1 200"), "{reply:?}");
    let log = String::from_utf8(server.stop()).expect("utf-8 log");
    assert!(!log.contains('\u{1b}'), "a raw escape reached the log");
    assert_eq!(
        log.lines()
            .filter(|line| line.trim() == "signature: verified")
            .count(),
        0,
        "a body forged a verdict line:\n{log}"
    );
    assert!(
        log.contains("x=1\\n  signature: verified\\n\\u{1b}[31mred"),
        "{log}"
    );
    assert!(
        log.contains("... (1048476 bytes in all)"),
        "the long body was not cut"
    );
    assert!(log.len() < 64 * 1024, "the log grew to {} bytes", log.len());
}
