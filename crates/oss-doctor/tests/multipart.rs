//! End-to-end tests of `oss-doctor multipart`: JSON documents and exit statuses.

use serde_json::Value;

mod common;
use common::{run_stdin, texts, with_subcommand};

/// Runs `oss-doctor multipart <args>` with `stdin`; returns the exit status and stdout.
fn run(args: &[&str], stdin: &[u8]) -> (i32, String) {
    let (status, stdout, _) = texts(&run_stdin(&with_subcommand("multipart", args), stdin));
    (status, stdout)
}

fn run_json(args: &[&str], stdin: &[u8]) -> (i32, Value) {
    common::run_json(&with_subcommand("multipart", args), stdin)
}

const COMPLETE: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?>
<CompleteMultipartUpload>
  <Part><PartNumber>1</PartNumber><ETag>"3349DC700140D7F86A0784842780****"</ETag></Part>
  <Part><PartNumber>5</PartNumber><ETag>"8EFDA8BE206636A695359836FE0A****"</ETag></Part>
</CompleteMultipartUpload>"#;

#[test]
fn check_complete_accepts_ascending_parts() {
    let (status, doc) = run_json(&["check-complete", "-"], COMPLETE);
    assert_eq!(status, 0);
    assert_eq!(doc["valid"], true);
    assert_eq!(doc["count"], 2);
    assert_eq!(doc["parts"][1]["part_number"], 5);
    assert_eq!(
        doc["parts"][0]["etag"],
        "\"3349DC700140D7F86A0784842780****\""
    );
    let (status, text) = run(&["check-complete", "-"], COMPLETE);
    assert_eq!(status, 0);
    assert!(text.starts_with("valid: 2 parts"), "{text}");
}

#[test]
fn check_complete_rejects_with_the_oss_error() {
    let swapped = String::from_utf8(COMPLETE.to_vec())
        .unwrap()
        .replace(">1<", ">9<");
    let (status, doc) = run_json(&["check-complete", "-"], swapped.as_bytes());
    assert_eq!(status, 1);
    assert_eq!(doc["code"], "InvalidPartOrder");
    assert_eq!(
        doc["message"],
        "The list of parts was not in ascending order"
    );
    let (status, doc) = run_json(&["check-complete", "-"], b"<CompleteMultipartUpload>");
    assert_eq!((status, doc["code"].as_str()), (1, Some("MalformedXML")));
    let (status, doc) = run_json(
        &["check-complete", "-"],
        String::from_utf8(COMPLETE.to_vec())
            .unwrap()
            .replace(">5<", ">10001<")
            .as_bytes(),
    );
    assert_eq!(
        (status, doc["message"].as_str()),
        (
            1,
            Some("Part number must be an integer between 1 and 10000, inclusive")
        )
    );
    let (status, _) = run(&["check-complete", "/nonexistent/file.xml"], b"");
    assert_eq!(status, 2);
}

#[test]
fn plan_keeps_a_valid_wish_and_fixes_others() {
    let (status, doc) = run_json(&["plan", "--size", "250KiB", "--part-size", "100KiB"], b"");
    assert_eq!(status, 0);
    assert_eq!(
        (
            doc["part_count"].as_u64(),
            doc["part_size"].as_u64(),
            doc["last_part_size"].as_u64()
        ),
        (Some(3), Some(102_400), Some(51_200))
    );
    assert_eq!(doc["adjusted"], false);
    let (status, doc) = run_json(&["plan", "--size", "1TiB", "--part-size", "1MiB"], b"");
    assert_eq!(status, 0);
    assert!(doc["part_count"].as_u64().unwrap() <= 10_000);
    assert_eq!(doc["adjusted"], true);
    let (status, doc) = run_json(&["plan", "--size", "60000000000000"], b"");
    assert_eq!(
        (status, doc["code"].as_str()),
        (1, Some("InlineDataTooLarge"))
    );
    let (status, _) = run(&["plan", "--size", "12XB"], b"");
    assert_eq!(status, 2);
}

#[test]
fn plan_notes_an_empty_object_and_an_impossible_size() {
    let (status, doc) = common::run_json(&["multipart", "plan", "--size", "0"], b"");
    assert_eq!(status, 0, "{doc}");
    assert!(
        doc["note"]
            .as_str()
            .is_some_and(|note| note.contains("PutObject")),
        "{doc}"
    );
    let (status, doc) = common::run_json(&["multipart", "plan", "--size", "60000000000000"], b"");
    assert_eq!(status, 1, "{doc}");
    assert!(
        doc["note"]
            .as_str()
            .is_some_and(|note| note.contains("48.8 TB")),
        "{doc}"
    );
}
