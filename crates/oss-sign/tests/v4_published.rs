//! The V4 vectors the official SDKs publish in their unit tests (Python v2
//! `tests/unit/signer/test_v4.py`, Go v2 `oss/signer/signer_test.go`), one folder per case
//! under `tests/vectors/sign_v4/`: `case.json` holds the inputs, `signature` the expected
//! signature, and `canonical_request` where the SDK test prints it.
#![allow(clippy::unwrap_used, clippy::std_instead_of_alloc)]

use std::path::PathBuf;

use oss_naming::Timestamp;
use oss_sign::v4::{self, Form, Product, Settings};
use oss_sign::{Credentials, Request, SigningKey};
use serde_json::Value;

fn cases() -> Vec<(String, Value, PathBuf)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/sign_v4");
    let mut cases: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir())
        .map(|dir| {
            let case: Value =
                serde_json::from_str(&std::fs::read_to_string(dir.join("case.json")).unwrap())
                    .unwrap();
            (
                dir.file_name().unwrap().to_string_lossy().into_owned(),
                case,
                dir,
            )
        })
        .collect();
    cases.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(cases.len() >= 8, "{}", root.display());
    cases
}

fn pairs(case: &Value, field: &str) -> Vec<(String, String)> {
    case[field]
        .as_array()
        .map(|items| {
            items
                .iter()
                .map(|pair| {
                    (
                        pair[0].as_str().unwrap().to_owned(),
                        pair[1].as_str().unwrap().to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn every_published_vector() {
    for (name, case, dir) in cases() {
        let key = SigningKey::new(case["access_key_secret"].as_str().unwrap());
        let mut creds = Credentials::new(case["access_key_id"].as_str().unwrap(), &key).unwrap();
        if let Some(token) = case["security_token"].as_str() {
            creds = creds.with_security_token(token);
        }
        let additional: Vec<&str> = case["additional_headers"]
            .as_array()
            .map(|names| names.iter().map(|n| n.as_str().unwrap()).collect())
            .unwrap_or_default();
        let product = Product::from_name(case["product"].as_str().unwrap_or("oss")).unwrap();
        let settings = Settings::new(case["region"].as_str().unwrap())
            .unwrap()
            .with_product(product)
            .with_additional_headers(&additional)
            .unwrap();
        let headers = pairs(&case, "headers");
        let query = pairs(&case, "query");
        let mut request = Request::new(case["method"].as_str().unwrap())
            .with_headers(&headers)
            .with_query(&query);
        if let Some(bucket) = case["bucket"].as_str() {
            request = request.with_bucket(bucket);
        }
        if let Some(object) = case["key"].as_str() {
            request = request.with_key(object);
        }
        let now = Timestamp::from_unix(case["time"].as_i64().unwrap()).unwrap();
        let expected = std::fs::read_to_string(dir.join("signature")).unwrap();
        let expected = expected.trim();
        match case["form"].as_str().unwrap() {
            "header" => {
                let signed = v4::sign(&creds, &request, &settings, now).unwrap();
                assert_eq!(signed.signature().as_str(), expected, "{name}");
                if let Ok(canonical) = std::fs::read_to_string(dir.join("canonical_request")) {
                    let mut ours = Vec::new();
                    let form = Form::Header {
                        settings,
                        creds,
                        now,
                    };
                    v4::canonical_request(&request, form, &mut ours).unwrap();
                    assert_eq!(String::from_utf8(ours).unwrap(), canonical, "{name}");
                }
                if let Some(authorization) = case["authorization"].as_str() {
                    assert_eq!(signed.authorization(), authorization, "{name}");
                }
            }
            "query" => {
                let expires = case["expires"].as_u64().unwrap();
                let presigned = v4::presign(&creds, &request, &settings, now, expires).unwrap();
                assert_eq!(presigned.signature().as_str(), expected, "{name}");
            }
            other => panic!("{name}: form {other}"),
        }
    }
}
