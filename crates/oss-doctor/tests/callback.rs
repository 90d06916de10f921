//! End-to-end tests of `oss-doctor callback ...`: JSON output and exit codes, the callback
//! server, and the probe against misbehaving servers on 127.0.0.1.

use core::time::Duration;
use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::Instant;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde_json::Value;

mod common;
use common::{BIN, json_of, run, run_stdin};

/// The documentation's signed callback (vector 1).
const AUTH: &str =
    "kKQeGTRccDKyHB3H9vF+xYMSrmhMZjzzl2/kdD1ktNVgbWEfYTQG0G2SU/RaHBovRCE8OkQDjC3uG33esH2txA==";
const KEY_URL: &str = "aHR0cDovL2dvc3NwdWJsaWMuYWxpY2RuLmNvbS9jYWxsYmFja19wdWJfa2V5X3YxLnBlbQ==";

/// Standard base64 (the CLI takes encoded values; the test builds broken ones too).
fn b64(text: &str) -> String {
    STANDARD.encode(text)
}

#[test]
fn decode_reports_fields_and_oss_errors() {
    let value = b64(
        r#"{"callbackUrl":"http://abc.com/test.php;b.example:8080/cb","callbackBody":"o=$(object)","callbackSNI":true}"#,
    );
    // OSS refused the old `$(name)` syntax in the Java SDK's live test; the flag lets it
    // through as a lint.
    let (code, json) = json_of(&run(&["callback", "decode", &value, "--json"]));
    assert_eq!(
        (code, json["message"].as_str()),
        (1, Some("Left brace must be adjacent to dollar sign."))
    );
    let (code, json) = json_of(&run(&[
        "callback",
        "decode",
        &value,
        "--accept-old-syntax",
        "--json",
    ]));
    assert_eq!(code, 0);
    assert_eq!(json["valid"], true);
    assert_eq!(json["config"]["callbackSNI"], true);
    assert_eq!(json["urls"][1]["port"], 8080);
    assert_eq!(json["lints"][0]["kind"], "old_syntax");

    let broken = b64(r#"{"callbackUrl":"8.8.8.8:9090","callbackBody":"{"bucket":${bucket}}"}"#);
    let (code, json) = json_of(&run(&["callback", "decode", &broken, "--json"]));
    assert_eq!(code, 1);
    assert_eq!(
        json["message"],
        "The callback configuration is not json format"
    );
    assert_eq!(json["argument_name"], "callback");
    assert!(json["decoded"].as_str().unwrap().contains(r#""{"bucket""#));

    let private = b64(r#"{"callbackUrl":"http://0x7f000001/cb","callbackBody":"a"}"#);
    let (code, json) = json_of(&run(&["callback", "decode", &private, "--json"]));
    assert_eq!(
        (code, json["message"].as_str()),
        (1, Some("Private address is forbidden to callback"))
    );
    assert_eq!(json["argument_name"], "callbackUrl");

    let dollar =
        b64(r#"{"callbackUrl":"a.example","callbackBody":"size=${size}&my_var=$x:my_var}"}"#);
    let (code, json) = json_of(&run(&["callback", "decode", &dollar, "--json"]));
    assert_eq!(
        (code, json["message"].as_str()),
        (1, Some("Left brace must be adjacent to dollar sign."))
    );

    let out = run(&["callback", "decode", "!!!"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .contains("The callback configuration is not base64 encoded")
    );
}

#[test]
fn decode_var_and_encode_round_trip() {
    let out = run(&[
        "callback",
        "encode",
        "--url",
        "https://a.example/cb",
        "--body",
        r#"{"k":${x:k}}"#,
        "--body-type",
        "json",
        "--var",
        "x:k=say \"hi\"",
        "--json",
    ]);
    let (code, json) = json_of(&out);
    assert_eq!(code, 0);
    let (callback, var) = (
        json["callback"].as_str().unwrap(),
        json["callback_var"].as_str().unwrap(),
    );
    let (_, decoded) = json_of(&run(&["callback", "decode", callback, "--json"]));
    assert_eq!(decoded["config"]["callbackBody"], r#"{"k":${x:k}}"#);
    let (code, vars) = json_of(&run(&["callback", "decode-var", var, "--json"]));
    assert_eq!(
        (code, vars["vars"]["x:k"].as_str()),
        (0, Some("say \"hi\""))
    );

    let (code, json) = json_of(&run(&[
        "callback",
        "decode-var",
        &b64(r#"{"x:Upper":"1"}"#),
        "--json",
    ]));
    assert_eq!(
        (code, json["message"].as_str()),
        (1, Some("The callback var is not expecten json"))
    );
    assert_eq!(json["argument_name"], "callback-var");

    let (code, json) = json_of(&run(&[
        "callback",
        "encode",
        "--url",
        "a.cn;b.cn;c.cn;d.cn;e.cn;f.cn",
        "--body",
        "b",
        "--json",
    ]));
    assert_eq!(
        (code, json["message"].as_str()),
        (1, Some("The number of callback url exceed max value"))
    );
    assert_eq!(
        run(&[
            "callback",
            "encode",
            "--url",
            "a.cn",
            "--body",
            "b",
            "--body-type",
            "text/plain"
        ])
        .status
        .code(),
        Some(2)
    );
}

#[test]
fn render_substitutes_and_lints() {
    let out = run(&[
        "callback",
        "render",
        "--body",
        "b=${bucket}&m=${mimeType}&v=${x:v}",
        "--bucket",
        "bk",
        "--mime-type",
        "text/plain",
        "--var",
        "x:v=1 2",
        "--var",
        "x:unused=0",
        "--json",
    ]);
    let (code, json) = json_of(&out);
    assert_eq!(code, 0);
    assert_eq!(json["body"], "b=bk&m=text%2Fplain&v=1%202");
    assert_eq!(json["lints"][0]["kind"], "unused_variable");

    let (code, json) = json_of(&run(&[
        "callback",
        "render",
        "--body",
        r#"{"o":"${object}"}"#,
        "--body-type",
        "json",
        "--object",
        "k",
        "--json",
    ]));
    assert_eq!(code, 0);
    assert_eq!(json["body"], r#"{"o":""k""}"#);
    let kinds: Vec<&str> = json["lints"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["quoted_placeholder", "invalid_json_body"]);

    let (code, json) = json_of(&run(&["callback", "render", "--body", "a=$b", "--json"]));
    assert_eq!(
        (code, json["message"].as_str()),
        (1, Some("Left brace must be adjacent to dollar sign."))
    );
    assert_eq!(json["ec"], "0007-00000105");
}

#[test]
fn render_text_keeps_warnings_off_stdout() {
    let out = run(&[
        "callback",
        "render",
        "--body",
        "b=${bucket}",
        "--bucket",
        "bk",
        "--var",
        "x:unused=0",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stdout,
        "Content-Type: application/x-www-form-urlencoded\n\nb=bk\n"
    );
    assert!(stderr.starts_with("warning: "), "{stderr}");
    assert!(stderr.contains("x:unused"), "{stderr}");
}

/// Extra arguments, the reply body, the expected exit code and message.
type ResponseCase<'a> = (&'a [&'a str], &'a [u8], i32, Option<&'a str>);

#[test]
fn check_response_applies_the_oss_rules() {
    let cases: [ResponseCase<'_>; 7] = [
        (
            &["--status", "200", "--header", "Content-Length: 15"],
            br#"{"Status":"OK"}"#,
            0,
            None,
        ),
        (&["--status", "502"], b"", 1, Some("Error status : 502.")),
        (
            &["--status", "200"],
            b"{}",
            1,
            Some("Error Status : 400.User server missing content-length."),
        ),
        (
            &["--status", "200", "--header", "content-length: 0"],
            b"",
            1,
            Some("Error Status : 400.User server return invalid conent-length value."),
        ),
        (
            &["--status", "200", "--header", "Content-Length: 2097152"],
            b"{}",
            1,
            Some("Error Status : 400.User server return too long content-length value."),
        ),
        (
            &["--status", "200", "--header", "Content-Length: 18"],
            b"\xEF\xBB\xBF{\"Status\":\"OK\"}",
            1,
            Some("Response body is not valid json format."),
        ),
        (
            &[
                "--status",
                "200",
                "--header",
                "Content-Length: 2",
                "--elapsed-ms",
                "5001",
            ],
            b"{}",
            1,
            Some("Cost too long time."),
        ),
    ];
    for (args, body, expected_code, message) in cases {
        let mut full = vec!["callback", "check-response", "--body", "-", "--json"];
        full.extend_from_slice(args);
        let (code, json) = json_of(&run_stdin(&full, body));
        assert_eq!(code, expected_code, "{args:?}");
        assert_eq!(json["message"].as_str(), message, "{args:?}");
        if message.is_some() {
            assert_eq!(
                (json["code"].as_str(), json["status"].as_u64()),
                (Some("CallbackFailed"), Some(203))
            );
        }
    }
    assert_eq!(
        run(&[
            "callback",
            "check-response",
            "--status",
            "200",
            "--body",
            "/nonexistent/file"
        ])
        .status
        .code(),
        Some(2)
    );
}

#[test]
fn check_response_judges_the_content_length_bytes_oss_reads() {
    let mut big = b"{}".to_vec();
    big.resize(5 * 1024 * 1024, b'x');
    let cases: [(&str, &[u8], i32, Option<&str>); 3] = [
        ("2", b"{}, and more", 0, None),
        (
            "3",
            b"{}, and more",
            1,
            Some("Response body is not valid json format."),
        ),
        ("2", &big, 0, None),
    ];
    for (length, body, expected, message) in cases {
        let header = format!("Content-Length: {length}");
        let args = [
            "callback",
            "check-response",
            "--status",
            "200",
            "--header",
            &header,
            "--body",
            "-",
            "--json",
        ];
        let (code, json) = json_of(&run_stdin(&args, body));
        assert_eq!(code, expected, "{length} {json}");
        assert_eq!(json["message"].as_str(), message);
        assert_eq!(json["read_bytes"].as_u64(), length.parse().ok());
        assert_eq!(json["body_bytes"].as_u64(), Some(body.len() as u64));
    }
    // A Content-Length longer than the body: judged whole, with a note on the wait.
    let (code, json) = json_of(&run_stdin(
        &[
            "callback",
            "check-response",
            "--status",
            "200",
            "--header",
            "Content-Length: 50",
            "--body",
            "-",
            "--json",
        ],
        b"{}",
    ));
    assert_eq!(code, 0);
    assert!(
        json["note"]
            .as_str()
            .is_some_and(|note| note.contains("OSS would wait for the rest"))
    );
    let out = run_stdin(
        &[
            "callback",
            "check-response",
            "--status",
            "200",
            "--header",
            "Content-Length: 2",
            "--body",
            "-",
        ],
        b"{}, and more",
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("OSS reads 2 bytes and judges those"));
}

#[test]
fn verify_checks_the_real_vector_and_shows_the_signed_string() {
    let args = [
        "callback",
        "verify",
        "--authorization",
        AUTH,
        "--pub-key-url",
        KEY_URL,
        "--path",
        "/index.php?id=1&index=2",
        "--body",
        "-",
        "--json",
    ];
    let (code, json) = json_of(&run_stdin(&args, b"bucket=yonghu-test"));
    assert_eq!((code, json["valid"].as_bool()), (0, Some(true)));
    assert_eq!(
        json["string_to_sign_md5"],
        "5b74fc97cc385b45c6c8b7782d5a2140"
    );

    let (code, json) = json_of(&run_stdin(&args, b"bucket=yonghu-test2"));
    assert_eq!((code, json["valid"].as_bool()), (1, Some(false)));

    // A key URL outside gosspublic.alicdn.com is refused before any signature math.
    let evil = b64("http://evil.example/key.pem");
    let mut evil_args = args;
    evil_args[5] = &evil;
    let (code, json) = json_of(&run_stdin(&evil_args, b"bucket=yonghu-test"));
    assert_eq!(code, 1);
    assert!(
        json["reason"]
            .as_str()
            .unwrap()
            .contains("gosspublic.alicdn.com")
    );

    let pem = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/vectors/callback/pub.pem"
    );
    let mut with_key = args.to_vec();
    with_key.extend_from_slice(&["--public-key", pem]);
    assert_eq!(
        run_stdin(&with_key, b"bucket=yonghu-test").status.code(),
        Some(0)
    );
    with_key.pop();
    with_key.push("/nonexistent.pem");
    assert_eq!(
        run_stdin(&with_key, b"bucket=yonghu-test").status.code(),
        Some(2)
    );
}

/// A running `callback serve`; killed on drop.
struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start(extra: &[&str]) -> Self {
        let mut child = Command::new(BIN)
            .args(["callback", "serve", "--listen", "127.0.0.1:0", "--json"])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn serve");
        let mut line = String::new();
        BufReader::new(child.stdout.as_mut().expect("stdout"))
            .read_line(&mut line)
            .expect("first line");
        let first: Value = serde_json::from_str(&line).expect("listening line");
        let addr = first["listening"]
            .as_str()
            .expect("address")
            .trim_start_matches("http://")
            .to_owned();
        Self { child, addr }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Sends a raw request and returns the whole reply text.
fn send(addr: &str, request: &str) -> String {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .expect("timeout");
    stream.write_all(request.as_bytes()).expect("write");
    let mut reply = String::new();
    let _ = stream.read_to_string(&mut reply);
    reply
}

fn signed_request(body: &str) -> String {
    format!(
        "POST /index.php?id=1&index=2 HTTP/1.1\r\nHost: x\r\nauthorization: {AUTH}\r\nx-oss-pub-key-url: {KEY_URL}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
}

#[test]
fn serve_verifies_logs_and_answers_like_oss_expects() {
    let server = Server::start(&[]);
    let ok = send(&server.addr, &signed_request("bucket=yonghu-test"));
    assert!(ok.starts_with("HTTP/1.1 200"), "{ok}");
    assert!(
        ok.to_ascii_lowercase().contains("content-length: 15"),
        "{ok}"
    );
    assert!(ok.ends_with(r#"{"Status":"OK"}"#), "{ok}");

    let bad = send(&server.addr, &signed_request("bucket=forged"));
    assert!(bad.starts_with("HTTP/1.1 400"), "{bad}");
    let get = send(
        &server.addr,
        "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    assert!(get.starts_with("HTTP/1.1 501"), "{get}");

    // The probe is unsigned, so a verifying server refuses it, and OSS would report the status.
    let (code, json) = json_of(&run(&[
        "callback",
        "probe",
        &format!("http://{}/cb", server.addr),
        "--json",
    ]));
    assert_eq!(
        (code, json["message"].as_str()),
        (1, Some("Error status : 400."))
    );
    assert!(
        json["warnings"][0]
            .as_str()
            .unwrap()
            .contains("Private address is forbidden to callback")
    );

    let lenient = Server::start(&["--no-verify"]);
    let (code, json) = json_of(&run(&[
        "callback",
        "probe",
        &format!("{}/cb?x=1", lenient.addr),
        "--body-type",
        "json",
        "--json",
    ]));
    assert_eq!((code, json["valid"].as_bool()), (0, Some(true)));
    assert_eq!(json["reply"]["body"], r#"{"Status":"OK"}"#);
}

/// A one-shot server that reads the request, waits `delay`, and sends `reply` raw.
fn misbehaving(reply: Vec<u8>, delay: Duration) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr").to_string();
    std::thread::spawn(move || {
        let Ok((mut stream, _)) = listener.accept() else {
            return;
        };
        let mut request = Vec::new();
        let mut chunk = [0u8; 4096];
        // Read the head and the Content-Length body so closing does not reset the connection.
        while let Ok(n @ 1..) = stream.read(&mut chunk) {
            request.extend_from_slice(&chunk[..n]);
            let text = String::from_utf8_lossy(&request);
            if let Some((head, body)) = text.split_once("\r\n\r\n") {
                let length = head
                    .lines()
                    .find_map(|l| {
                        l.to_ascii_lowercase()
                            .strip_prefix("content-length:")
                            .map(|v| v.trim().parse::<usize>().unwrap_or(0))
                    })
                    .unwrap_or(0);
                if body.len() >= length {
                    break;
                }
            }
        }
        std::thread::sleep(delay);
        let _ = stream.write_all(&reply);
        let _ = stream.shutdown(std::net::Shutdown::Write);
    });
    addr
}

fn probe(addr: &str) -> (i32, Value) {
    json_of(&run(&[
        "callback",
        "probe",
        &format!("http://{addr}/callback"),
        "--json",
    ]))
}

#[test]
fn probe_judges_misbehaving_servers() {
    let ok_body = r#"{"Status":"OK"}"#;
    let cases: Vec<(Vec<u8>, Option<&str>)> = vec![
        (format!("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n{ok_body}").into_bytes(), None),
        (
            [b"HTTP/1.1 200 OK\r\nContent-Length: 18\r\n\r\n\xEF\xBB\xBF".as_slice(), ok_body.as_bytes()].concat(),
            Some("Response body is not valid json format."),
        ),
        (
            format!("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n{ok_body}").into_bytes(),
            Some("Error Status : 400.User server missing content-length."),
        ),
        (b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK".to_vec(), Some("Response body is not valid json format.")),
        (
            [b"HTTP/1.1 200 OK\r\nContent-Length: 2097152\r\n\r\n".as_slice(), &vec![b' '; 2 * 1024 * 1024]].concat(),
            Some("Error Status : 400.User server return too long content-length value."),
        ),
        (
            b"HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\n{}".to_vec(),
            Some("Error Status : 400.User server return invalid conent-length value."),
        ),
        (b"HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n".to_vec(), Some("Error status : 500.")),
        (b"garbage".to_vec(), Some("Error Status : -1.OSS can not connect to your callbackUrl, please check it.")),
    ];
    for (reply, message) in cases {
        let addr = misbehaving(reply, Duration::ZERO);
        let (code, json) = probe(&addr);
        assert_eq!(json["message"].as_str(), message, "{json}");
        assert_eq!(code, if message.is_some() { 1 } else { 0 }, "{json}");
    }
}

#[test]
fn probe_gives_up_after_five_seconds() {
    let addr = misbehaving(
        b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}".to_vec(),
        Duration::from_secs(6),
    );
    let start = Instant::now();
    let (code, json) = probe(&addr);
    let took = start.elapsed();
    assert_eq!(
        (code, json["message"].as_str()),
        (1, Some("Cost too long time."))
    );
    assert!(
        took >= Duration::from_millis(4900) && took < Duration::from_secs(6),
        "{took:?}"
    );
}

#[test]
fn probe_reports_a_closed_port_and_refuses_https() {
    let port = TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port();
    // The listener is dropped: nothing accepts on that port any more.
    let (code, json) = probe(&format!("127.0.0.1:{port}"));
    assert_eq!(code, 1);
    assert_eq!(
        json["message"],
        "Error Status : -1.OSS can not connect to your callbackUrl, please check it."
    );
    assert_eq!(json["status"], 203);
    assert_eq!(
        run(&["callback", "probe", "https://127.0.0.1:1/"])
            .status
            .code(),
        Some(2)
    );
}
