//! End-to-end tests of `oss-doctor explain`: JSON documents, text and exit statuses.

use serde_json::{Value, json};

mod common;
use common::{run_json, run_stdin, texts, with_subcommand};

/// Runs `oss-doctor explain <args>` with `stdin`; returns the exit status, stdout, stderr.
fn explain_with_stdin(args: &[&str], stdin: &str) -> (i32, String, String) {
    texts(&run_stdin(
        &with_subcommand("explain", args),
        stdin.as_bytes(),
    ))
}

fn explain(args: &[&str]) -> (i32, String) {
    let (status, stdout, _) = explain_with_stdin(args, "");
    (status, stdout)
}

/// Runs with `--json` and parses the one JSON document.
fn explain_json(args: &[&str]) -> (i32, Value) {
    run_json(&with_subcommand("explain", args), b"")
}

#[test]
fn a_known_code_with_one_message() {
    let (status, doc) = explain_json(&["NoSuchKey"]);
    assert_eq!(status, 0);
    assert_eq!(doc["known"], json!(true));
    assert_eq!(doc["code"], json!("NoSuchKey"));
    assert_eq!(doc["status"], json!(404));
    assert_eq!(doc["message"], json!("The specified key does not exist."));
    assert_eq!(
        doc["messages"],
        json!(["The specified key does not exist."])
    );
    assert!(
        doc["hint"]
            .as_str()
            .is_some_and(|hint| hint.contains("key"))
    );
    // The catalogue's EC is a guess, labelled as such, never a top-level fact.
    assert_eq!(doc.get("ec"), None);
    assert_eq!(doc["catalogue"]["typical_ec"], json!("0026-00000001"));
}

#[test]
fn a_known_code_with_many_messages() {
    let (status, doc) = explain_json(&["InvalidObjectName"]);
    assert_eq!(status, 0);
    assert_eq!(doc["message"], Value::Null);
    assert_eq!(doc["hint"], Value::Null);
    assert_eq!(doc["messages"].as_array().map(Vec::len), Some(3));
    let (_, text) = explain(&["InvalidObjectName"]);
    assert!(
        text.contains("The catalogue knows 3 messages with this code"),
        "{text}"
    );
    assert!(
        text.contains("The Length of Object name must be less than 1024"),
        "{text}"
    );
}

#[test]
fn a_known_message_tolerantly() {
    let (status, doc) = explain_json(&[
        "InvalidArgument",
        "--message",
        "  The callback configuration is not json format. ",
    ]);
    assert_eq!(status, 0, "{doc}");
    assert_eq!(doc["entry"], json!("CallbackNotJson"));
    assert_eq!(
        doc["message"],
        json!("The callback configuration is not json format")
    );
    assert_eq!(doc["argument_name"], json!("callback"));
    assert_eq!(doc["catalogue"]["typical_ec"], json!("0007-00000003"));
}

#[test]
fn the_status_template() {
    let (status, doc) = explain_json(&["CallbackFailed", "--message", "Error status : 301."]);
    assert_eq!(status, 0);
    assert_eq!(doc["status"], json!(203));
    assert_eq!(doc["message"], json!("Error status : 301."));
    assert_eq!(doc["reported_status"], json!(301));
}

#[test]
fn an_unknown_message_of_a_known_code() {
    let (status, doc) = explain_json(&[
        "InvalidArgument",
        "--message",
        "The callback configuration is not jsn",
    ]);
    assert_eq!(status, 1);
    assert_eq!(doc["known"], json!(false));
    assert_eq!(doc["status"], json!(400));
    assert_eq!(
        doc["closest_message"],
        json!("The callback configuration is not json format")
    );
    let (status, text) = explain(&[
        "InvalidArgument",
        "--message",
        "The callback configuration is not jsn",
    ]);
    assert_eq!(status, 1);
    assert!(text.contains("Closest known message"), "{text}");
}

#[test]
fn an_unknown_code_gets_suggestions() {
    let (status, doc) = explain_json(&["NoSuchKye"]);
    assert_eq!(status, 1);
    assert_eq!(doc["known"], json!(false));
    assert_eq!(doc["status"], Value::Null);
    assert_eq!(doc["messages"], json!([]));
    assert_eq!(doc["suggestions"][0], json!("NoSuchKey"));
    let (status, text) = explain(&["nosuchbucket"]);
    assert_eq!(status, 1);
    assert!(
        text.contains("Did you mean: NoSuchBucket (HTTP 404)"),
        "{text}"
    );
}

#[test]
fn an_xml_body_from_standard_input() {
    let body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>InvalidArgument</Code>\n  <Message>The callback configuration is not json format.</Message>\n  <RequestId>587C79A3DD373E2676F73ECE</RequestId>\n  <HostId>bucket.oss-cn-hangzhou.aliyuncs.com</HostId>\n  <ArgumentName>callback</ArgumentName>\n  <ArgumentValue>{&quot;callbackUrl&quot;:&quot;8.8.8.8:9090&quot;}</ArgumentValue>\n  <StringToSign>x</StringToSign>\n</Error>\n";
    let (status, stdout, _) = explain_with_stdin(&["--xml", "-", "--json"], body);
    assert_eq!(status, 0, "{stdout}");
    let doc: Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(doc["code"], json!("InvalidArgument"));
    assert_eq!(doc["entry"], json!("CallbackNotJson"));
    assert_eq!(doc["request_id"], json!("587C79A3DD373E2676F73ECE"));
    assert_eq!(doc["host_id"], json!("bucket.oss-cn-hangzhou.aliyuncs.com"));
    assert_eq!(doc["argument_name"], json!("callback"));
    assert_eq!(
        doc["argument_value"],
        json!("{\"callbackUrl\":\"8.8.8.8:9090\"}")
    );
    assert_eq!(doc["fields"], json!({ "StringToSign": "x" }));
    let (status, text, _) = explain_with_stdin(&["--xml", "-"], body);
    assert_eq!(status, 0);
    assert!(
        text.contains("RequestId     587C79A3DD373E2676F73ECE"),
        "{text}"
    );
}

#[test]
fn the_seed_example_file() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../oss-errors/seeds/003_dd87769f1b50447f.txt"
    );
    let page = std::fs::read_to_string(path).expect("seed page");
    let start = page.find("<? xml").expect("example");
    let end = page.find("</Error>").expect("example end") + "</Error>".len();
    let dir = std::env::temp_dir().join(format!("oss-doctor-explain-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("error.xml");
    std::fs::write(&file, &page[start..end]).expect("written");
    let (status, doc) = explain_json(&["--xml", file.to_str().expect("UTF-8 path")]);
    std::fs::remove_dir_all(&dir).expect("cleaned up");
    assert_eq!(status, 0, "{doc}");
    assert_eq!(doc["entry"], json!("QueryAuthIncomplete"));
    assert_eq!(doc["code"], json!("AccessDenied"));
    assert_eq!(doc["status"], json!(403));
    assert_eq!(doc["request_id"], json!("1D842BC54255****"));
}

#[test]
fn the_x_oss_err_header_form() {
    // base64 of <Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><EC>0026-00000001</EC></Error>
    let header = "PEVycm9yPjxDb2RlPk5vU3VjaEtleTwvQ29kZT48TWVzc2FnZT5UaGUgc3BlY2lmaWVkIGtleSBkb2VzIG5vdCBleGlzdC48L01lc3NhZ2U+PEVDPjAwMjYtMDAwMDAwMDE8L0VDPjwvRXJyb3I+";
    let (status, doc) = explain_json(&["--x-oss-err", header]);
    assert_eq!(status, 0, "{doc}");
    assert_eq!(doc["entry"], json!("NoSuchKey"));
    assert_eq!(doc["ec"], json!("0026-00000001"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(explain(&[]).0, 2);
    assert_eq!(explain(&["NoSuchKey", "--xml", "-"]).0, 2);
    let (status, _, stderr) = explain_with_stdin(&["--xml", "-"], "not xml");
    assert_eq!(status, 2);
    assert!(stderr.contains("not an OSS error document"), "{stderr}");
    assert_eq!(explain(&["--xml", "/nonexistent/error.xml"]).0, 2);
    assert_eq!(explain(&["--x-oss-err", "!!!"]).0, 2);
}

#[test]
fn an_xml_body_is_reported_as_sent_and_the_catalogue_apart() {
    // The body's message ends in a period the catalogue's does not; the body carries no EC.
    let body = "<Error><Code>InvalidArgument</Code><Message>The callback configuration is not json format.</Message><RequestId>R1</RequestId><HostId>h.example</HostId></Error>";
    let (status, stdout, _) = explain_with_stdin(&["--xml", "-", "--json"], body);
    assert_eq!(status, 0, "{stdout}");
    let doc: Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(
        doc["message"],
        json!("The callback configuration is not json format.")
    );
    assert_eq!(doc.get("ec"), None, "the body carries no EC");
    assert_eq!(doc["request_id"], json!("R1"));
    assert_eq!(doc["host_id"], json!("h.example"));
    assert_eq!(doc["catalogue"]["entry"], json!("CallbackNotJson"));
    assert_eq!(
        doc["catalogue"]["message"],
        json!("The callback configuration is not json format")
    );
    assert_eq!(doc["catalogue"]["typical_ec"], json!("0007-00000003"));
    assert_eq!(doc["catalogue"]["source"], json!("seed"));

    let (_, text, _) = explain_with_stdin(&["--xml", "-"], body);
    let (received, catalogue) = text.split_once("Catalogue match:").expect("two parts");
    assert!(received.contains("Received (exactly as sent):"), "{text}");
    assert!(
        received.contains("Message       The callback configuration is not json format.\n"),
        "{text}"
    );
    assert!(!received.contains("EC "), "{text}");
    assert!(catalogue.contains("Typical EC: 0007-00000003"), "{text}");
}

#[test]
fn an_xml_body_keeps_its_own_ec_and_message_without_a_period() {
    // One code carries several ECs by operation: the body's wins, the catalogue's is apart.
    let body = "<Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed</Message><EC>0042-00000311</EC></Error>";
    let (status, stdout, _) = explain_with_stdin(&["--xml", "-", "--json"], body);
    assert_eq!(status, 0, "{stdout}");
    let doc: Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(doc["ec"], json!("0042-00000311"));
    assert!(
        doc["message"]
            .as_str()
            .is_some_and(|m| m.ends_with("completed"))
    );
    assert_eq!(doc["catalogue"]["entry"], json!("NoSuchUpload"));
}

#[test]
fn live_texts_from_the_sdks_are_known() {
    for (code, message, entry) in [
        (
            "SignatureDoesNotMatch",
            "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
            "SignatureMismatchFull",
        ),
        (
            "BucketNotEmpty",
            "The bucket has objects. Please delete them first.",
            "BucketHasObjects",
        ),
        (
            "AccessDenied",
            "Access denied for requester pay bucket",
            "RequesterPaysDenied",
        ),
        (
            "OperationNotSupported",
            "SealAppendable is not supported.",
            "AppendSealNotSupported",
        ),
        (
            "MissingAccessKeyId",
            "AccessKeyId is mandatory for this action",
            "AccessKeyIdMissing",
        ),
    ] {
        let (status, doc) = explain_json(&[code, "--message", message]);
        assert_eq!(status, 0, "{doc}");
        assert_eq!(doc["entry"], json!(entry), "{message}");
    }
}

#[test]
fn a_code_known_only_from_an_sdk_table() {
    let (status, doc) = explain_json(&["ArchiveRestoreFileStale"]);
    assert_eq!(status, 0, "{doc}");
    assert_eq!(doc["status"], json!(409));
    assert_eq!(doc["messages"], json!([]));
    assert_eq!(doc["code_source"], json!("sdk-live-test"));
    let (_, text) = explain(&["ArchiveRestoreFileStale"]);
    assert!(
        text.contains("No source gives a message for this code yet"),
        "{text}"
    );
}
