//! Differential test against the official Python SDKs: every error body in
//! `tests/vectors/errors.jsonl` (written by `scripts/vectors/gen_errors.py`) parses to the
//! child elements both `oss2` and `alibabacloud-oss-v2` read from it.

use oss_errors::xml::{ErrorXml, decode_err_header};
use oss_errors::{Code, Error};
use serde_json::Value;

const VECTORS: &str = include_str!("../../../tests/vectors/errors.jsonl");

/// XML whitespace, which our parser trims from values and the SDKs keep.
fn trim_xml(text: &str) -> &str {
    text.trim_matches([' ', '\t', '\n', '\r'])
}

#[test]
fn every_body_reads_as_the_sdks_read_it() {
    let mut checked = 0;
    let mut recognized = 0;
    for line in VECTORS.lines() {
        let record: Value = serde_json::from_str(line).expect("JSON line");
        let decoded;
        let body = match record["header"].as_str() {
            Some(header) => {
                decoded = decode_err_header(header).expect("base64 header");
                assert_eq!(decoded, record["body"].as_str().expect("body"));
                decoded.as_str()
            }
            None => record["body"].as_str().expect("body"),
        };
        let doc = ErrorXml::parse(body).unwrap_or_else(|err| panic!("{err}: {body}"));
        let ours: Vec<(String, String)> = doc
            .fields()
            .map(|(name, value)| (name.to_owned(), value.to_string()))
            .collect();
        let theirs: Vec<(String, String)> = record["fields"]
            .as_array()
            .expect("fields")
            .iter()
            .map(|pair| {
                let name = pair[0].as_str().expect("name").to_owned();
                (name, trim_xml(pair[1].as_str().expect("text")).to_owned())
            })
            .collect();
        assert_eq!(ours, theirs, "{body}");

        let code = theirs
            .iter()
            .find(|(name, _)| name == "Code")
            .map(|(_, v)| v.as_str());
        let message = theirs
            .iter()
            .find(|(name, _)| name == "Message")
            .map(|(_, v)| v.as_str());
        if let (Some(code), Some(message)) = (code.and_then(Code::from_name), message)
            && code
                .entries()
                .iter()
                .any(|entry| entry.message() == message)
        {
            let found = doc
                .recognize()
                .unwrap_or_else(|| panic!("not recognized: {body}"));
            assert_eq!(found, Error::recognize(code, message).expect("catalogue"));
            recognized += 1;
        }
        checked += 1;
    }
    assert!(checked >= 200, "only {checked} vectors");
    assert!(recognized >= 180, "only {recognized} recognized");
}
