//! The (code, message, status) triples the official SDKs record, as they stand in the SDK
//! sources (live-test assertions and unit-test fixtures), are all recognised.

use oss_errors::{Code, Entry, Error, Source};

#[test]
fn live_and_fixture_messages_are_recognised() {
    for (code, message, status, entry) in [
        (
            "SignatureDoesNotMatch",
            "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
            403,
            Entry::SignatureMismatchFull,
        ),
        (
            "BucketAlreadyExists",
            "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.",
            409,
            Entry::BucketNameTaken,
        ),
        (
            "BucketNotEmpty",
            "The bucket has objects. Please delete them first.",
            409,
            Entry::BucketHasObjects,
        ),
        (
            "AccessDenied",
            "Access denied for requester pay bucket",
            403,
            Entry::RequesterPaysDenied,
        ),
        (
            "AccessDenied",
            "The bucket you visit is not belong to you.",
            403,
            Entry::BucketNotOwned,
        ),
        (
            "AccessDenied",
            "The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.",
            403,
            Entry::WrongEndpoint,
        ),
        (
            "OperationNotSupported",
            "SealAppendable is not supported.",
            400,
            Entry::AppendSealNotSupported,
        ),
        (
            "RestoreAlreadyInProgress",
            "The restore operation is in progress.",
            409,
            Entry::RestoreInProgress,
        ),
        (
            "ArchiveRestoreNotFinished",
            "The archive file's restore is not finished.",
            409,
            Entry::ArchiveRestoreNotFinished,
        ),
        (
            "ResourceGroupIdPreCheckError",
            "The resource group id precheck error",
            400,
            Entry::ResourceGroupPreCheck,
        ),
        (
            "TooManyCnameToken",
            "You have attempted to create more cname token than allowed.",
            400,
            Entry::CnameTokenLimit,
        ),
        (
            "InvalidInputRecordDelimiter",
            "Invalid RecordDelimiter parameter:CnNhZGFzZA==",
            400,
            Entry::SelectRecordDelimiterInvalid,
        ),
        (
            "InvalidJsonData",
            "Invalid value.The current offset is:0.The incorrect json data:'Year,StateA'.",
            400,
            Entry::SelectJsonInvalid,
        ),
        (
            "InvalidRange",
            "The split range is invalid. The non-negative value should be from 0 to total_splits - 1. Its semantics is same as the value in Http Range header.Actual split range is 90-109.",
            400,
            Entry::SelectSplitRangeInvalid,
        ),
        (
            "NoSuchLifecycle",
            "No Row found in Lifecycle Table.",
            404,
            Entry::NoSuchLifecycle,
        ),
        (
            "InvalidArgument",
            "Invalid signing product in Authorization header.",
            400,
            Entry::SigningProductInvalid,
        ),
        (
            "InvalidTag",
            "The TagKey you have provided is invalid",
            400,
            Entry::ObjectTagKeyInvalid,
        ),
        (
            "BadRequest",
            "Object tags cannot be greater than 10",
            400,
            Entry::ObjectTagLimit,
        ),
        (
            "AccessDenied",
            "Select API does not support requester pay now.",
            403,
            Entry::SelectRequesterPays,
        ),
        (
            "InvalidPolicyDocument",
            "unknown char p",
            400,
            Entry::BucketPolicyUnknownChar,
        ),
        (
            "NoSuchCORSConfiguration",
            "The CORS Configuration does not exist.",
            404,
            Entry::NoSuchCorsConfiguration,
        ),
    ] {
        let found = Code::from_name(code)
            .and_then(|code| Error::recognize(code, message))
            .unwrap_or_else(|| panic!("not recognised: {code} / {message}"));
        assert_eq!(found.entry(), entry, "{message}");
        assert_eq!(found.status(), status, "{message}");
        assert_ne!(entry.source(), Source::Seed);
    }
}

#[test]
fn codes_from_sdk_tables_carry_their_status_without_a_message() {
    for (name, status) in [
        ("ArchiveRestoreFileStale", 409),
        ("AppendSealedObjectNotAllowed", 400),
        ("NeedVerifyDomainOwnership", 403),
        ("WORMConfigurationLocked", 403),
        ("NoSuchWORMConfiguration", 404),
        ("ChannelStillLive", 409),
    ] {
        let code = Code::from_name(name).expect(name);
        assert_eq!(code.status(), status, "{name}");
        assert!(code.entries().is_empty(), "{name}");
        assert_ne!(code.source(), Source::Seed);
    }
}
