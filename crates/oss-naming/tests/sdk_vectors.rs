//! Differential tests against the official Python SDKs' own checks, recorded by
//! `scripts/vectors/gen_naming.py` into `tests/vectors/naming_*.jsonl`.

use oss_errors::Entry;
use oss_naming::{check_bucket_name, check_object_name};
use serde_json::Value;

fn records(file: &str) -> Vec<Value> {
    let path = format!("{}/../../tests/vectors/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{path}: {err}"));
    text.lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object per line"))
        .collect()
}

fn field<'a>(record: &'a Value, name: &str) -> &'a Value {
    record
        .get(name)
        .unwrap_or_else(|| panic!("no {name} in {record}"))
}

#[test]
fn bucket_names_agree_with_both_python_sdks() {
    let records = records("naming_bucket.jsonl");
    assert!(records.len() > 5000, "expected thousands of vectors");
    let mut valid = 0;
    for record in &records {
        let name = field(record, "name").as_str().expect("string");
        let ours = check_bucket_name(name).is_ok();
        assert_eq!(
            Some(ours),
            field(record, "oss2").as_bool(),
            "oss2 disagrees on {name:?}"
        );
        assert_eq!(
            Some(ours),
            field(record, "v2").as_bool(),
            "python v2 disagrees on {name:?}"
        );
        valid += usize::from(ours);
    }
    assert!(
        valid > records.len() / 5,
        "the vectors exercise both verdicts"
    );
}

/// Python v2 checks only `1 <= len(name) <= 1024` in code points. OSS is stricter (1023
/// bytes, no leading `/` or `\`), so every name we accept must pass the SDK, and every
/// disagreement must be one of those two documented differences.
#[test]
fn object_names_differ_from_python_v2_only_where_oss_is_stricter() {
    let records = records("naming_object.jsonl");
    let mut stricter = 0;
    for record in &records {
        let name = field(record, "name").as_str().expect("string");
        let sdk = field(record, "v2").as_bool().expect("bool");
        match check_object_name(name) {
            Ok(()) => assert!(sdk, "we accept {name:?} but the SDK rejects it"),
            Err(err) if sdk => {
                stricter += 1;
                // Length is checked before the leading character.
                if name.len() > 1023 {
                    assert_eq!(err.entry(), Entry::ObjectNameTooLong, "{name:?}");
                    assert!(name.chars().count() <= 1024, "{name:?}");
                } else {
                    assert_eq!(err.entry(), Entry::ObjectNameInvalid, "{name:?}");
                    assert!(name.starts_with(['/', '\\']), "{name:?}");
                }
            }
            Err(_) => {}
        }
    }
    assert!(
        stricter > 0,
        "the vectors include the names where OSS is stricter"
    );
}
