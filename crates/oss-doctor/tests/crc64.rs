//! End-to-end tests of `oss-doctor crc64`: text, JSON and exit statuses.

use serde_json::{Value, json};

mod common;
use common::{run_json, run_stdin, texts, with_subcommand};

/// Runs `oss-doctor crc64 <args>` with `stdin` on standard input; returns the exit
/// status, stdout and stderr.
fn crc64(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    texts(&run_stdin(&with_subcommand("crc64", args), stdin))
}

fn crc64_json(args: &[&str], stdin: &[u8]) -> (i32, Value) {
    run_json(&with_subcommand("crc64", args), stdin)
}

/// A file under the target directory with `contents`.
fn file(name: &str, contents: &[u8]) -> String {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("crc64-cli");
    std::fs::create_dir_all(&dir).expect("creates the directory");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("writes the file");
    path.to_str().expect("UTF-8 path").to_owned()
}

#[test]
fn standard_input_by_default_and_with_a_dash() {
    assert_eq!(
        crc64(&[], b"hi oss"),
        (0, "8707180448768400016  -\n".into(), String::new())
    );
    assert_eq!(crc64(&["-"], b"123456789").1, "11051210869376104954  -\n");
    assert_eq!(crc64(&["--hex"], b"123456789").1, "995dc9bbdf1939fa  -\n");
}

#[test]
fn files_in_text_and_json() {
    let a = file("a.txt", b"123456789");
    let big: Vec<u8> = (0..10_000_000u32)
        .map(|i| i.to_le_bytes()[0] ^ i.to_le_bytes()[2])
        .collect();
    let b = file("b.bin", &big);
    let expected_big = oss_core::crc64::checksum(&big);

    let (status, stdout, _) = crc64(&[&a, &b], b"");
    assert_eq!(status, 0);
    assert_eq!(
        stdout,
        format!("11051210869376104954  {a}\n{expected_big}  {b}\n")
    );

    let (status, doc) = crc64_json(&[&a, "-", "--hex"], b"hi oss");
    assert_eq!(status, 0);
    assert_eq!(
        doc,
        json!([
            {"path": a, "crc64": "11051210869376104954", "crc64_hex": "995dc9bbdf1939fa", "bytes": 9},
            {"path": "-", "crc64": "8707180448768400016", "crc64_hex": "78d61e7c4c111a90", "bytes": 6},
        ])
    );
}

#[test]
fn empty_input_is_zero() {
    let (status, doc) = crc64_json(&[], b"");
    assert_eq!(
        (status, doc),
        (0, json!([{"path": "-", "crc64": "0", "bytes": 0}]))
    );
}

#[test]
fn combine_parts_as_after_complete_multipart_upload() {
    // crc("12345") and crc("67890") give crc("1234567890") (oss2's test_crc64_combine).
    let (status, doc) = crc64_json(
        &[
            "--combine",
            "6748440630437108969:5",
            "6285347597771850461:5",
        ],
        b"",
    );
    assert_eq!(
        (status, doc),
        (0, json!({"crc64": "12811388247244714686", "bytes": 10}))
    );
    // Hex CRCs are accepted too; text prints the decimal header form.
    let (status, stdout, _) = crc64(
        &["--combine", "0x5DA746FFA5045CE9:5", "0x8EA5EB02AD6E7911:4"],
        b"",
    );
    assert_eq!((status, stdout.as_str()), (0, "11051210869376104954\n"));
}

#[test]
fn expect_accepts_a_match_and_rejects_a_mismatch_with_invalid_crc64() {
    let (status, doc) = crc64_json(&["--expect", "8707180448768400016"], b"hi oss");
    assert_eq!(status, 0);
    assert_eq!(doc[0]["crc64"], "8707180448768400016");

    let (status, doc) = crc64_json(&["--expect", "8707180448768400017"], b"hi oss");
    assert_eq!(status, 1);
    assert_eq!(
        doc,
        json!({
            "valid": false,
            "code": "InvalidCRC64",
            "status": 400,
            "message": "The x-oss-hash-crc64ecma you specified does not match what we calculated",
            "path": "-",
            "crc64": "8707180448768400016",
            "bytes": 6,
            "expected": "8707180448768400017",
        })
    );

    let parts = [
        "--combine",
        "6748440630437108969:5",
        "6285347597771850461:5",
        "--expect",
        "1",
    ];
    let (status, stdout, _) = crc64(&parts, b"");
    assert_eq!(status, 1);
    assert!(
        stdout.starts_with("invalid: InvalidCRC64 (HTTP 400)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("computed: 12811388247244714686"),
        "{stdout}"
    );
}

#[test]
fn usage_errors_exit_2() {
    let missing = file("present.txt", b"x").replace("present.txt", "absent.txt");
    let cases: [&[&str]; 7] = [
        &[&missing],
        &["--combine", "12"],
        &["--combine", "12:x"],
        &["--combine", "x:12"],
        &["--combine", "18446744073709551616:1"],
        &["a", "--combine", "1:1"],
        &["--expect", "0x10"],
    ];
    for args in cases {
        let (status, stdout, stderr) = crc64(args, b"");
        assert_eq!(status, 2, "{args:?}: {stdout} {stderr}");
        assert!(!stderr.is_empty(), "{args:?}");
    }
    let (status, _, stderr) = crc64(&["-", "-", "--expect", "1"], b"");
    assert_eq!(status, 2);
    assert!(
        stderr.contains("--expect needs exactly one FILE"),
        "{stderr}"
    );
    let too_long = ["--combine", "1:18446744073709551615", "2:1"];
    assert_eq!(crc64(&too_long, b"").0, 2);
}

#[test]
fn no_progress_line_when_stderr_is_not_a_terminal() {
    let big = file("progress.bin", &vec![7u8; 256 << 20]);
    let (status, _, stderr) = crc64(&[&big], b"");
    assert_eq!((status, stderr.as_str()), (0, ""));
}

#[test]
fn an_unreadable_file_does_not_hide_the_others() {
    let dir = std::env::temp_dir().join(format!("oss-doctor-crc64-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let readable = dir.join("a.txt");
    std::fs::write(&readable, b"123456789").expect("write");
    let missing = dir.join("missing.txt");
    let output = common::run(&[
        "crc64",
        readable.to_str().expect("utf-8 path"),
        missing.to_str().expect("utf-8 path"),
    ]);
    let (status, stdout, stderr) = common::texts(&output);
    assert_eq!(status, 2);
    assert!(stdout.starts_with("11051210869376104954  "), "{stdout}");
    assert!(stderr.contains("missing.txt"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}
