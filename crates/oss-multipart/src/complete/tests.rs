use std::prelude::rust_2024::*;

use oss_errors::Entry;
use proptest::prelude::*;

use super::*;
use crate::limits::{MAX_PART_SIZE, MIN_PART_SIZE};

fn xml(parts: &[(&str, &str)]) -> String {
    let mut body =
        String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CompleteMultipartUpload>\n");
    for (number, etag) in parts {
        body.push_str(&format!(
            "  <Part>\n    <PartNumber>{number}</PartNumber>\n    <ETag>{etag}</ETag>\n  </Part>\n"
        ));
    }
    body.push_str("</CompleteMultipartUpload>\n");
    body
}

fn err(text: &str) -> Entry {
    CompleteMultipartUpload::parse(text.as_bytes())
        .unwrap_err()
        .entry()
}

#[test]
fn parses_what_sdks_send() {
    let text = xml(&[
        ("1", "\"3349DC700140D7F86A0784842780****\""),
        ("5", "&quot;8EFDA8BE206636A695359836FE0A****&quot;"),
    ]);
    let upload = CompleteMultipartUpload::parse(text.as_bytes()).unwrap();
    let parts: Vec<_> = upload
        .parts()
        .map(|p| (p.number(), p.etag_value()))
        .collect();
    assert_eq!(
        parts,
        [
            (1, &b"3349DC700140D7F86A0784842780****"[..]),
            (5, b"8EFDA8BE206636A695359836FE0A****")
        ]
    );
    assert_eq!(upload.len(), 2);
    assert!(!upload.is_empty());
    // ETag before PartNumber, attributes, comments, no declaration.
    let other = r#"<CompleteMultipartUpload xmlns="http://doc.oss-cn-hangzhou.aliyuncs.com"><!-- x --><Part><ETag>"a"</ETag><PartNumber> 0010 </PartNumber></Part></CompleteMultipartUpload>"#;
    let upload = CompleteMultipartUpload::parse(other.as_bytes()).unwrap();
    assert_eq!(upload.parts().next().unwrap().number(), 10);
}

#[test]
fn order_and_range() {
    assert_eq!(
        err(&xml(&[("2", "a"), ("1", "b")])),
        Entry::PartsNotAscending
    );
    assert_eq!(
        err(&xml(&[("2", "a"), ("2", "b")])),
        Entry::PartsNotAscending
    );
    assert_eq!(
        err(&xml(&[("0", "a")])),
        Entry::CompletePartNumberOutOfRange
    );
    assert_eq!(
        err(&xml(&[("10001", "a")])),
        Entry::CompletePartNumberOutOfRange
    );
    assert_eq!(
        err(&xml(&[("99999999999999999999", "a")])),
        Entry::CompletePartNumberOutOfRange
    );
    assert_eq!(err(&xml(&[("1", "\"\"")])), Entry::PartNotFound);
    assert!(CompleteMultipartUpload::parse(xml(&[("1", "a"), ("10000", "b")]).as_bytes()).is_ok());
    assert_eq!(
        CompleteMultipartUpload::parse(xml(&[("0", "a")]).as_bytes())
            .unwrap_err()
            .to_string(),
        "Part number must be an integer between 1 and 10000, inclusive"
    );
}

#[test]
fn malformed_documents() {
    for text in [
        String::new(),
        "<CompleteMultipartUpload/>".into(),
        "<CompleteMultipartUpload></CompleteMultipartUpload>".into(),
        "<Other><Part><PartNumber>1</PartNumber><ETag>a</ETag></Part></Other>".into(),
        xml(&[("x", "a")]),
        xml(&[("-1", "a")]),
        xml(&[("", "a")]),
        "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber></Part></CompleteMultipartUpload>".into(),
        "<CompleteMultipartUpload><Part><ETag>a</ETag></Part></CompleteMultipartUpload>".into(),
        "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><PartNumber>2</PartNumber><ETag>a</ETag></Part></CompleteMultipartUpload>".into(),
        "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>a</ETag><Size>1</Size></Part></CompleteMultipartUpload>".into(),
        "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>a</ETag></Part>text</CompleteMultipartUpload>".into(),
        "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>a</ETag></Part></CompleteMultipartUpload><x/>".into(),
        "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>a</ETag></Part>".into(),
        "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>a</Part></ETag></CompleteMultipartUpload>".into(),
        "<CompleteMultipartUpload><Part><PartNumber>1<b/></PartNumber><ETag>a</ETag></Part></CompleteMultipartUpload>".into(),
        xml(&[("1", "a&b")]),
    ] {
        assert_eq!(err(&text), Entry::XmlMalformed, "{text}");
    }
    assert_eq!(
        CompleteMultipartUpload::parse(b"").unwrap_err().to_string(),
        "The XML you provided was not well-formed or did not validate against our published schema"
    );
}

/// Issue 16: what XML 1.0 forbids is malformed, raw or as a character reference, and so
/// is an attribute given twice.
#[test]
fn forbidden_characters_and_duplicate_attributes_are_malformed() {
    for text in [
        xml(&[("1", "&#0;a")]),
        xml(&[("1", "a&#x0;")]),
        xml(&[("1", "&#27;a")]),
        xml(&[("1", "&#xFFFE;")]),
        xml(&[("1", "a\u{0}")]),
        xml(&[("1", "a\u{1b}b")]),
        xml(&[("1\u{7}", "a")]),
        xml(&[("1", "a\u{ffff}")]),
        "<CompleteMultipartUpload a=\"1\" a=\"2\"><Part><PartNumber>1</PartNumber><ETag>a</ETag></Part></CompleteMultipartUpload>".into(),
        "<CompleteMultipartUpload><Part x='1' y='2' x='3'><PartNumber>1</PartNumber><ETag>a</ETag></Part></CompleteMultipartUpload>".into(),
        "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag v='&#0;'>a</ETag></Part></CompleteMultipartUpload>".into(),
        "<CompleteMultipartUpload><!-- \u{1} --><Part><PartNumber>1</PartNumber><ETag>a</ETag></Part></CompleteMultipartUpload>".into(),
    ] {
        assert_eq!(err(&text), Entry::XmlMalformed, "{text:?}");
    }
}

/// Issue 16: a character reference is as good as the character it stands for.
#[test]
fn part_numbers_may_be_written_with_references() {
    for (number, expected) in [
        ("&#49;", 1),
        ("&#x31;&#x30;", 10),
        ("1&#48;0", 100),
        (" &#50; ", 2),
    ] {
        let text = xml(&[(number, "a")]);
        let upload = CompleteMultipartUpload::parse(text.as_bytes()).unwrap();
        assert_eq!(
            upload.parts().next().unwrap().number(),
            expected,
            "{number}"
        );
    }
    assert_eq!(err(&xml(&[("&#32;1", "a")])), Entry::XmlMalformed);
    assert_eq!(err(&xml(&[("&#65;", "a")])), Entry::XmlMalformed);
    assert_eq!(
        err(&xml(&[("&#49;&#48;&#48;&#48;&#49;", "a")])),
        Entry::CompletePartNumberOutOfRange
    );
}

/// Issue 16: every spelling of the quote is stripped from an ETag alike.
#[test]
fn etag_quotes_in_every_spelling_are_stripped() {
    for etag in [
        "\"AB\"",
        "&quot;AB&quot;",
        "&#34;AB&#34;",
        "&#x22;AB&#x22;",
        "&#x22;AB&quot;",
        "\"AB&#034;",
    ] {
        let text = xml(&[("1", etag)]);
        let upload = CompleteMultipartUpload::parse(text.as_bytes()).unwrap();
        let part = upload.parts().next().unwrap();
        assert_eq!(part.etag_value(), b"AB", "{etag}");
        let object = upload.complete(|_| Some(StoredPart::new(b"ab", 5, 0)));
        assert_eq!(object.map(|o| o.size), Ok(5), "{etag}");
    }
    assert_eq!(err(&xml(&[("1", "&#x22;&#x22;")])), Entry::PartNotFound);
    let text = xml(&[("1", "&#x22;")]);
    let upload = CompleteMultipartUpload::parse(text.as_bytes()).unwrap();
    assert_eq!(upload.parts().next().unwrap().etag_value(), b"&#x22;");
}

#[test]
fn complete_against_stored_parts() {
    let text = xml(&[("1", "\"E1\""), ("3", "\"E3\"")]);
    let upload = CompleteMultipartUpload::parse(text.as_bytes()).unwrap();
    let min = usize::try_from(MIN_PART_SIZE).unwrap();
    let data = vec![7u8; min + 10];
    let (a, b) = data.split_at(min);
    let stored = |n: u32| match n {
        1 => Some(StoredPart::new(
            b"e1",
            a.len() as u64,
            oss_crc64::checksum(a),
        )),
        3 => Some(StoredPart::new(
            b"E3",
            b.len() as u64,
            oss_crc64::checksum(b),
        )),
        _ => None,
    };
    let object = upload.complete(stored).unwrap();
    assert_eq!(
        (object.size, object.crc64, object.parts),
        (data.len() as u64, oss_crc64::checksum(&data), 2)
    );

    let missing = |n: u32| (n == 1).then(|| StoredPart::new(b"E1", MIN_PART_SIZE, 0));
    assert_eq!(
        upload.complete(missing).unwrap_err().entry(),
        Entry::PartNotFound
    );
    let wrong_etag = |n: u32| {
        Some(StoredPart::new(
            if n == 1 { b"E9" } else { b"E3" },
            MIN_PART_SIZE,
            0,
        ))
    };
    assert_eq!(
        upload.complete(wrong_etag).unwrap_err().entry(),
        Entry::PartNotFound
    );
    let small_first = |n: u32| Some(StoredPart::new(if n == 1 { b"E1" } else { b"E3" }, 10, 0));
    assert_eq!(
        upload.complete(small_first).unwrap_err().entry(),
        Entry::UploadTooSmall
    );
    let huge_last = |n: u32| {
        Some(StoredPart::new(
            if n == 1 { b"E1" } else { b"E3" },
            MAX_PART_SIZE + 1,
            0,
        ))
    };
    assert_eq!(
        upload.complete(huge_last).unwrap_err().entry(),
        Entry::UploadTooLarge
    );
}

#[test]
fn vector_a_object_crc() {
    // Reference notes §4.4: the 5 part CRCs of vector A combine to the file's CRC.
    let crcs = [
        8_763_152_386_744_783_419,
        6_614_430_229_846_010_432,
        16_516_841_772_958_390_055,
        3_383_540_858_311_989_068,
        12_089_466_050_497_086_081,
    ];
    let lens = [102_400, 102_400, 102_400, 102_400, 72_448];
    assert_eq!(
        object_crc64(crcs.into_iter().zip(lens)),
        3_125_829_253_308_236_322
    );
}

proptest! {
    #[test]
    fn ascending_lists_parse_and_round_trip(numbers in prop::collection::btree_set(1u32..=10_000, 1..30)) {
        let etags: Vec<String> = numbers.iter().map(|n| format!("\"{n:032X}\"")).collect();
        let pairs: Vec<(String, &str)> = numbers.iter().map(u32::to_string).zip(etags.iter().map(String::as_str)).collect();
        let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(n, e)| (n.as_str(), *e)).collect();
        let text = xml(&borrowed);
        let upload = CompleteMultipartUpload::parse(text.as_bytes()).unwrap();
        let got: Vec<u32> = upload.parts().map(|p| p.number()).collect();
        prop_assert_eq!(got, numbers.into_iter().collect::<Vec<_>>());
    }

    #[test]
    fn parse_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let _ = CompleteMultipartUpload::parse(&bytes);
    }
}
