//! Cross-crate conformance: every rejection any oss-core crate returns can be sent as the
//! XML body OSS would send, and a client reading that body recognises the same error.
#![allow(clippy::unwrap_used)] // test helpers: a panic is the failure report

use oss_core::callback::{CallbackConfig, CallbackVars, DecodeBuffer};
use oss_core::errors::xml::{ErrorDocument, ErrorXml};
use oss_core::errors::{Code, Entry, Error, Source};
use oss_core::{crc64, multipart, naming, sign};

/// Renders `error` as OSS's XML body, parses it back and recognises it.
fn round_trip(error: Error) -> Option<Error> {
    let body = ErrorDocument::for_error(
        error,
        "5C3D9B8F2A1E0D4C3B2A1908",
        "examplebucket.oss-cn-hangzhou.aliyuncs.com",
    )
    .to_string();
    let parsed = ErrorXml::parse(&body).expect("a rendered document parses");
    assert_eq!(parsed.code().raw(), error.code().as_str());
    parsed.recognize()
}

#[test]
fn every_catalogue_entry_survives_render_and_parse() {
    for &entry in Entry::ALL {
        let error = if entry == Entry::CallbackErrorStatus {
            Error::with_status(entry, 502)
        } else {
            Error::from(entry)
        };
        let back = round_trip(error).unwrap_or_else(|| panic!("{} not recognised", entry.name()));
        // Entries that share a code and message (the seeds list some twice) may come back
        // as their twin; what a client sees must still be identical.
        assert_eq!(back.code(), error.code(), "{}", entry.name());
        assert_eq!(back.status(), error.status(), "{}", entry.name());
        assert_eq!(back.to_string(), error.to_string(), "{}", entry.name());
    }
}

#[test]
fn every_seed_code_has_at_least_one_entry_and_every_code_a_plausible_status() {
    for &code in Code::ALL {
        // A code known only from an SDK code table may have no message yet.
        assert!(
            code.source() != Source::Seed || Entry::ALL.iter().any(|entry| entry.code() == code),
            "{} has no message",
            code.as_str()
        );
        assert!(matches!(code.status(), 200..=599), "{}", code.as_str());
    }
}

/// One bad input per crate, with the exact error OSS gives for it.
fn rejections() -> Vec<(&'static str, Error, Code, u16, &'static str)> {
    let mut buf = DecodeBuffer::new();
    let callback = CallbackConfig::decode(b"not base64!", &mut buf).unwrap_err();
    let mut buf = DecodeBuffer::new();
    let callback_var = CallbackVars::decode(b"bm90IGpzb24=", &mut buf).unwrap_err();
    vec![
        (
            "bucket name",
            naming::check_bucket_name("My_Bucket").unwrap_err(),
            Code::InvalidBucketName,
            400,
            "The specified bucket is not valid",
        ),
        (
            "object name",
            naming::check_object_name("").unwrap_err(),
            Code::InvalidObjectName,
            400,
            "The Object name can not be empty",
        ),
        (
            "part number",
            multipart::check_part_number(10_001).unwrap_err(),
            Code::InvalidArgument,
            400,
            "Part number must be an integer between 1 and 10000, inclusive.",
        ),
        (
            "crc64 header",
            crc64::verify("11051210869376104954", 1).unwrap_err(),
            Code::InvalidCRC64,
            400,
            "",
        ),
        (
            "authorization",
            sign::ParsedAuthorization::parse(b"").unwrap_err(),
            Code::InvalidArgument,
            400,
            "Authorization header value is empty",
        ),
        (
            "callback",
            callback,
            Code::InvalidArgument,
            400,
            "The callback configuration is not base64 encoded",
        ),
        (
            "callback var",
            callback_var,
            Code::InvalidArgument,
            400,
            "The callback var is not expecten json",
        ),
    ]
}

#[test]
fn rejections_from_every_crate_carry_exact_oss_errors_and_round_trip() {
    for (what, error, code, status, message) in rejections() {
        assert_eq!(error.code(), code, "{what}");
        assert_eq!(error.status(), status, "{what}");
        if !message.is_empty() {
            assert_eq!(error.to_string(), message, "{what}");
        }
        let back = round_trip(error).unwrap_or_else(|| panic!("{what}: not recognised"));
        assert_eq!(back.to_string(), error.to_string(), "{what}");
    }
}
