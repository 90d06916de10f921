//! The `oss-naming` checkers other than tagging and persistent headers. The first byte
//! picks a checker; the rest is its input. Each is compared with a plain model of the
//! documented rule, and what is accepted is accepted again through another entry point:
//!
//! - bucket names (a word-at-a-time checker) against the rule: 3 to 63 bytes of `a-z`,
//!   `0-9`, `-`, not starting or ending with `-`; a valid name is a valid copy source's bucket;
//! - object names (`str` and bytes forms agree, the strict presign option only adds a
//!   leading `?`); an accepted name, percent-encoded, is an accepted copy source key that
//!   decodes to it;
//! - LiveChannel and playlist names, bucket tags (one and a set), AccessKeyId, versionId;
//! - `x-oss-copy-source`: accepted sources keep a valid bucket and a key that decodes;
//! - `x-oss-traffic-limit` (alone and header versus query), storage class and encryption
//!   enums (parse then `as_str` round trip, case-exact);
//! - the percent codec: encode then decode (lenient, both `+` readings) gives the bytes
//!   back, the three encoders agree, and lenient decoding never grows the input;
//! - `parse_decimal` against `u64::from_str` on digit strings.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oss_core::errors::Entry;
use oss_core::naming::percent::{self, Plus};
use oss_core::naming::{
    KmsDataEncryption, ObjectNameOptions, ServerSideEncryption, StorageClass, check_access_key_id,
    check_bucket_name, check_bucket_name_bytes, check_bucket_tag, check_bucket_tags,
    check_channel_name, check_channel_name_bytes, check_encryption_settings, check_object_name,
    check_object_name_bytes, check_object_name_bytes_with, check_object_name_with,
    check_playlist_name, check_traffic_limit, check_version_id, parse_copy_source, parse_decimal,
    traffic_limit_of_request,
};

fn bucket(bytes: &[u8]) {
    let model = (3..=63).contains(&bytes.len())
        && bytes
            .iter()
            .all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && bytes.first() != Some(&b'-')
        && bytes.last() != Some(&b'-');
    let verdict = check_bucket_name_bytes(bytes);
    assert_eq!(verdict.is_ok(), model, "{bytes:?}");
    if let Err(err) = verdict {
        assert_eq!(err.entry(), Entry::BucketNameInvalid);
    }
    if let Ok(text) = core::str::from_utf8(bytes) {
        assert_eq!(check_bucket_name(text), verdict);
        if model {
            let source = format!("/{text}/k");
            assert_eq!(parse_copy_source(&source).map(|s| s.bucket()), Ok(text));
        }
    }
}

fn object(bytes: &[u8]) {
    let verdict = check_object_name_bytes(bytes);
    let strict = check_object_name_bytes_with(bytes, ObjectNameOptions::STRICT_PRESIGN);
    if bytes.first() == Some(&b'?') && verdict.is_ok() {
        assert_eq!(strict.map_err(|e| e.entry()), Err(Entry::ObjectNameInvalid));
    } else {
        assert_eq!(strict, verdict);
    }
    let Ok(text) = core::str::from_utf8(bytes) else {
        assert!(verdict.is_err());
        return;
    };
    assert_eq!(check_object_name(text), verdict.map(drop));
    assert_eq!(
        check_object_name_with(text, ObjectNameOptions::SERVER),
        verdict.map(drop)
    );
    if verdict.is_ok() {
        assert!((1..=1023).contains(&text.len()));
        let mut encoded = String::new();
        percent::encode_path(bytes, &mut encoded).unwrap();
        let source = format!("/bucket-1/{encoded}");
        let parsed = parse_copy_source(&source).unwrap_or_else(|e| panic!("{source:?}: {e:?}"));
        assert!(parsed.key().decoded_eq(text));
        assert_eq!(parsed.key().to_string(), text);
    }
}

fn channel(bytes: &[u8]) {
    let verdict = check_channel_name_bytes(bytes);
    if let Ok(text) = core::str::from_utf8(bytes) {
        let model = !text.is_empty() && !text.contains(['/', '\\']) && text.chars().count() <= 64;
        assert_eq!(verdict.is_ok(), model, "{text:?}");
        assert_eq!(check_channel_name(text), verdict.map(drop));
        let playlist = (6..=128).contains(&text.chars().count()) && text.ends_with(".m3u8");
        assert_eq!(check_playlist_name(text).is_ok(), playlist, "{text:?}");
    } else {
        assert!(verdict.is_err());
    }
}

fn bucket_tags(text: &str) {
    let tags: Vec<(&str, &str)> = text
        .split('&')
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
        .collect();
    let one_by_one = tags.iter().all(|(k, v)| {
        let ok = check_bucket_tag(k, v).is_ok();
        let model = (1..=64).contains(&k.chars().count())
            && !["http://", "https://", "Aliyun."]
                .iter()
                .any(|p| k.starts_with(p))
            && v.chars().count() <= 128;
        assert_eq!(ok, model, "{k:?}={v:?}");
        ok
    });
    let unique = tags
        .iter()
        .enumerate()
        .all(|(i, (k, _))| tags[..i].iter().all(|(seen, _)| seen != k));
    assert_eq!(
        check_bucket_tags(&tags).is_ok(),
        tags.len() <= 20 && one_by_one && unique,
        "{text:?}"
    );
}

fn ids(text: &str) {
    let model = !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._=".contains(&b));
    assert_eq!(check_access_key_id(text).is_ok(), model, "{text:?}");
    let model = !text.is_empty() && text.bytes().all(|b| b.is_ascii_graphic());
    assert_eq!(check_version_id(text).is_ok(), model, "{text:?}");
}

fn copy_source(text: &str) {
    let Ok(source) = parse_copy_source(text) else {
        return;
    };
    assert!(check_bucket_name(source.bucket()).is_ok());
    let mut buf = vec![0u8; source.key().decoded_len()];
    let key = source
        .key()
        .decode_into(&mut buf)
        .expect("an accepted key decodes");
    assert!(check_object_name(key).is_ok(), "{text:?}");
    if let Some(version) = source.version_id() {
        let mut buf = vec![0u8; version.decoded_len()];
        let version = version
            .decode_into(&mut buf)
            .expect("an accepted version id decodes");
        assert!(check_version_id(version).is_ok(), "{text:?}");
    }
}

fn numbers(text: &str) {
    let plain = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    let std = text.parse::<u64>().ok().filter(|_| plain);
    assert_eq!(parse_decimal(text.as_bytes()), std, "{text:?}");
    let limit = check_traffic_limit(text);
    assert_eq!(
        limit.ok(),
        std.filter(|v| (819_200..=838_860_800).contains(v)),
        "{text:?}"
    );
    assert_eq!(traffic_limit_of_request(Some(text), None), limit.map(Some));
    assert_eq!(traffic_limit_of_request(None, Some(text)), limit.map(Some));
    assert!(traffic_limit_of_request(Some(text), Some(text)).is_err());
}

fn enums(text: &str) {
    if let Ok(class) = StorageClass::parse(text) {
        assert_eq!(class.as_str(), text);
        assert_eq!(class.to_string(), text);
    }
    let sse = ServerSideEncryption::parse(text);
    if let Ok(sse) = sse {
        assert_eq!(sse.as_str(), text);
    }
    let kms = KmsDataEncryption::parse(text);
    if let Ok(kms) = kms {
        assert_eq!(kms.as_str(), text);
    }
    for algorithm in ServerSideEncryption::ALL {
        let verdict = check_encryption_settings(algorithm, Some(text), kms.ok());
        assert_eq!(verdict.is_ok(), algorithm == ServerSideEncryption::Kms);
        let verdict = check_encryption_settings(algorithm, None, kms.ok());
        assert_eq!(
            verdict.is_ok(),
            algorithm == ServerSideEncryption::Kms || kms.is_err()
        );
    }
}

fn percent_codec(bytes: &[u8]) {
    let mut query = String::new();
    percent::encode(bytes, &mut query).unwrap();
    let mut path = String::new();
    percent::encode_path(bytes, &mut path).unwrap();
    let mut pieces = Vec::new();
    percent::encode_pieces(bytes, true, |piece| pieces.extend_from_slice(piece));
    assert_eq!(pieces, path.as_bytes());
    let iterated: Vec<u8> = percent::encode_bytes(bytes.iter().copied(), false).collect();
    assert_eq!(iterated, query.as_bytes());
    assert!(
        query
            .bytes()
            .all(|b| percent::is_unreserved(b) || b == b'%')
    );
    for plus in [Plus::Space, Plus::Literal] {
        assert_eq!(
            percent::decode(query.as_bytes(), plus).collect::<Vec<u8>>(),
            bytes
        );
        assert_eq!(
            percent::decode(path.as_bytes(), plus).collect::<Vec<u8>>(),
            bytes
        );
        let lenient: Vec<u8> = percent::decode(bytes, plus).collect();
        assert!(lenient.len() <= bytes.len());
        if !bytes.contains(&b'%') && plus == Plus::Literal {
            assert_eq!(lenient, bytes);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let text = core::str::from_utf8(rest);
    match which % 10 {
        0 => bucket(rest),
        1 => object(rest),
        2 => channel(rest),
        3 => percent_codec(rest),
        _ => {}
    }
    let Ok(text) = text else { return };
    match which % 10 {
        4 => bucket_tags(text),
        5 => ids(text),
        6 => copy_source(text),
        7 => numbers(text),
        8 => enums(text),
        9 => {
            // Every text checker on the same input.
            ids(text);
            copy_source(text);
            numbers(text);
            enums(text);
        }
        _ => {}
    }
});
