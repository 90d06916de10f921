//! The vectors in `tests/vectors/crc64.jsonl`, computed by the official Python SDKs
//! (`oss2` and `alibabacloud-oss-v2`; see `scripts/vectors/gen_crc64.py`).

use oss_crc64::{
    Combiner, Crc64, HeaderValue, checksum, combine, combine_parts, parse_header, update,
};
use serde_json::Value;

const VECTORS: &str = include_str!("../../../tests/vectors/crc64.jsonl");

/// SplitMix64 output as little-endian bytes, cut to `len` (the generator's data).
fn splitmix64_bytes(seed: u64, len: usize) -> Vec<u8> {
    let mut state = seed;
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        out.extend_from_slice(&z.to_le_bytes());
    }
    out.truncate(len);
    out
}

fn number(record: &Value, field: &str) -> u64 {
    let text = record[field]
        .as_str()
        .unwrap_or_else(|| panic!("{field} in {record}"));
    text.parse()
        .unwrap_or_else(|_| panic!("{field} in {record}"))
}

fn data(record: &Value) -> Vec<u8> {
    let len = usize::try_from(record["len"].as_u64().expect("len")).expect("len fits");
    let bytes = splitmix64_bytes(number(record, "seed"), len);
    if let Some(hex) = record["data_hex"].as_str() {
        let expected: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(
            expected, hex,
            "the test's generator differs from the script's"
        );
    }
    bytes
}

fn records(kind: &str) -> impl Iterator<Item = Value> + '_ {
    VECTORS
        .lines()
        .map(|line| serde_json::from_str::<Value>(line).expect("valid JSON line"))
        .filter(move |record| record["kind"] == kind)
}

/// The header string of the expected value, checked through the codec too.
fn expected(record: &Value) -> u64 {
    let text = record["crc64"].as_str().expect("crc64");
    let crc = parse_header(text).expect("a valid header value");
    assert_eq!(HeaderValue::new(crc).as_str(), text);
    crc
}

#[test]
fn published_vectors() {
    let mut count = 0;
    for record in records("published") {
        let text = record["text"].as_str().expect("text");
        assert_eq!(checksum(text.as_bytes()), expected(&record), "{record}");
        count += 1;
    }
    assert_eq!(count, 6);
}

#[test]
fn sdk_checksums_one_shot_and_streamed() {
    let mut count = 0;
    for record in records("checksum") {
        let bytes = data(&record);
        let crc = expected(&record);
        assert_eq!(checksum(&bytes), crc, "{record}");
        let mut stream = Crc64::new();
        for piece in bytes.chunks(777) {
            stream.update(piece);
        }
        assert_eq!(stream.finish(), crc, "{record}");
        count += 1;
    }
    assert!(count > 300);
}

#[test]
fn sdk_continuations() {
    let mut count = 0;
    for record in records("update") {
        let bytes = data(&record);
        let init = number(&record, "init");
        assert_eq!(update(init, &bytes), expected(&record), "{record}");
        let mut resumed = Crc64::resume(init);
        resumed.update(&bytes);
        assert_eq!(resumed.finish(), expected(&record), "{record}");
        count += 1;
    }
    assert_eq!(count, 10);
}

#[test]
fn sdk_combines() {
    let mut count = 0;
    for record in records("combine") {
        let (crc1, crc2, len2) = (
            number(&record, "crc1"),
            number(&record, "crc2"),
            number(&record, "len2"),
        );
        assert_eq!(combine(crc1, crc2, len2), expected(&record), "{record}");
        assert_eq!(
            Combiner::new(len2).combine(crc1, crc2),
            expected(&record),
            "{record}"
        );
        count += 1;
    }
    assert!(count > 50);
}

#[test]
fn sdk_whole_object_crcs_from_parts() {
    let mut count = 0;
    for record in records("combine_parts") {
        let parts = record["parts"]
            .as_array()
            .expect("parts")
            .iter()
            .map(|pair| {
                let text = |i: usize| {
                    pair[i]
                        .as_str()
                        .expect("decimal")
                        .parse::<u64>()
                        .expect("u64")
                };
                (text(0), text(1))
            });
        assert_eq!(combine_parts(parts), expected(&record));
        count += 1;
    }
    assert_eq!(count, 4);
}
