//! Walks every (code, status, message) of the seed pages in `seeds/` and finds it in the
//! catalogue with the right HTTP status. The pages are parsed by their structure, so a
//! message added to a page but missing from the table fails here.

extern crate alloc;

use alloc::collections::BTreeSet;
use core::cell::RefCell;

use oss_errors::{Code, Entry, Error, Source};

const PAGE_203_EN: &str = include_str!("../seeds/000_e29d00d1667336ff.txt");
const PAGE_203_ZH: &str = include_str!("../seeds/001_6532da9ea41afeaa.txt");
const PAGE_CALLBACK: &str = include_str!("../seeds/002_e9a8570ea54d9575.txt");
const PAGE_STATUS_TABLES: &str = include_str!("../seeds/003_dd87769f1b50447f.txt");
const PAGE_400: &str = include_str!("../seeds/004_03b8e498c117eafe.txt");

/// Finds (code, message) and checks the status; returns the entry.
#[track_caller]
fn expect(code: &str, message: &str, status: u16) -> Entry {
    let found = Code::from_name(code).and_then(|code| Error::recognize(code, message));
    let Some(found) = found else {
        panic!("not in the catalogue: {code} / {message:?}")
    };
    assert_eq!(found.status(), status, "{code} / {message:?}");
    record(found.entry());
    found.entry()
}

/// A code heading: one CamelCase word with at least two capitals (`NoSuchKey`, `UserDisable`).
fn is_code_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && word.chars().all(|c| c.is_ascii_alphanumeric())
        && word.chars().any(|c| c.is_ascii_lowercase())
        && word.chars().skip(1).any(|c| c.is_ascii_uppercase())
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every message heading of the 400 page is one entry, verbatim: none split in two (a
/// heading that joins two cases with "or" stays whole), none merged with another heading.
#[test]
fn page_400_every_heading_is_one_entry_verbatim() {
    let mut code = None;
    let mut seen: Vec<(Entry, &str)> = Vec::new();
    let body = PAGE_400.split_once("Last Updated").expect("page header").1;
    for line in body.lines().skip(1) {
        if line.is_empty() || line.starts_with(char::is_whitespace) {
            continue;
        }
        if is_code_word(line) && !line.contains(' ') {
            code = Some(line);
            continue;
        }
        // The page's introduction comes before the first code heading.
        let Some(code) = code else { continue };
        let entry = expect(code, line, 400);
        let (ours, theirs) = (collapse(entry.message()), collapse(line));
        assert!(
            ours == theirs || ours.trim_end_matches('.') == theirs.trim_end_matches('.'),
            "{code} / {line:?} is matched by {entry:?}, whose message is not the heading"
        );
        // The page repeats a few headings word for word; a repeat is not a merge.
        if let Some((_, other)) = seen.iter().find(|(e, _)| *e == entry)
            && *other != line
        {
            panic!("{line:?} and {other:?} are merged into {entry:?}");
        }
        seen.push((entry, line));
    }
    assert_eq!(seen.len(), 138, "message headings parsed");
}

#[test]
fn the_kms_and_sm4_heading_stays_one_entry() {
    let heading = "KMSMasterKeyID is not applicable if user is not in white list or SM4 is not applicable if user is not in white list";
    assert!(PAGE_400.lines().any(|line| line == heading));
    let entry = expect("InvalidArgument", heading, 400);
    assert_eq!(entry.message(), heading);
    for half in [
        "KMSMasterKeyID is not applicable if user is not in white list",
        "SM4 is not applicable if user is not in white list",
    ] {
        assert!(
            Entry::find_by_name("InvalidArgument", half).is_none(),
            "{half}"
        );
    }
}

#[test]
fn missing_access_key_id_with_and_without_its_code_prefix() {
    let heading = "MissingAccessKeyId AccessKeyId is mandatory for this action";
    assert!(PAGE_400.lines().any(|line| line == heading));
    for message in [heading, "AccessKeyId is mandatory for this action"] {
        assert_eq!(
            expect("MissingAccessKeyId", message, 400),
            Entry::AccessKeyIdMissing
        );
    }
}

#[test]
fn page_status_tables_every_row() {
    let mut status = None;
    let mut rows = 0;
    for line in PAGE_STATUS_TABLES.lines() {
        if let Some(number) = line.strip_prefix("HTTP status code ") {
            status = number.trim().parse::<u16>().ok();
            continue;
        }
        if line.starts_with("Common errors") {
            status = None;
        }
        let Some(status) = status else { continue };
        let Some((code, rest)) = line.split_once(' ') else {
            continue;
        };
        if !is_code_word(code) || code == "Code" {
            continue;
        }
        let known = Code::from_name(code).unwrap_or_else(|| panic!("unknown code {code}"));
        assert_eq!(known.status(), status, "{code}");
        let rest = collapse(rest);
        let matching = known.entries().iter().find(|entry| {
            let message = collapse(entry.message());
            rest.starts_with(&message) || rest.starts_with(message.trim_end_matches('.'))
        });
        let Some(&entry) = matching else {
            panic!("no {code} message starts row {rest:?}")
        };
        record(entry);
        rows += 1;
    }
    assert_eq!(rows, 51);
}

#[test]
fn page_status_tables_rows_are_entries() {
    // The row messages, cut where the page's Cause column begins.
    for (code, message, status) in [
        (
            "CallbackFailed",
            "Callback to application server failed, please check your callbackUrl.",
            203,
        ),
        (
            "InvalidBucketName",
            "The specified bucket is not valid.",
            400,
        ),
        (
            "InvalidObjectName",
            "The Object name can not be empty.",
            400,
        ),
        (
            "InvalidArgument",
            "Invalid Argument Parameter is invalid.",
            400,
        ),
        (
            "RequestTimeout",
            "Your socket connection to the server was not read from or written to within the timeout period. Idle connections will be closed.",
            400,
        ),
        (
            "InvalidPolicyDocument",
            "Invalid policy document, please check.",
            400,
        ),
        (
            "EntityTooLarge",
            "Your proposed upload exceeds the maximum allowed size.",
            400,
        ),
        (
            "InvalidPartOrder",
            "Part number must be an integer between 1 and 10000, inclusive.",
            400,
        ),
        (
            "InvalidEncryptionAlgorithmError",
            "The encryption algorithm specified is not valid.",
            400,
        ),
        ("AccessDenied", "AccessDenied", 403),
        (
            "InvalidAccessKeyId",
            "The OSS Access Key Id you provided is disabled.",
            403,
        ),
        (
            "InvalidAccessKeyId",
            "The OSS Access Key Id contains non-acceptable characters, which accepts only alphanumeric characters[0-9a-zA-Z] and several special characters[. _=]",
            403,
        ),
        (
            "SignatureDoesNotMatch",
            "The request signature we calculated does not match the signature you provided.",
            403,
        ),
        ("UserDisable", "UserDisable", 403),
        (
            "AccessForbidden",
            "CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Requet-Headers are not whitelisted by the resource's CORS spec.",
            403,
        ),
        (
            "InvalidObjectState",
            "The operation is not valid for the object's state.",
            403,
        ),
        (
            "SymlinkTargetNotExist",
            "The symlink target object does not exist.",
            404,
        ),
        (
            "NoSuchUpload",
            "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.",
            404,
        ),
        (
            "MethodNotAllowed",
            "The specified method is not allowed against this resource.",
            405,
        ),
        (
            "PositionNotEqualToLength",
            "Position is not equal to file length.",
            409,
        ),
        (
            "MissingContentLength",
            "You must provide the Content-Length HTTP header.",
            411,
        ),
        (
            "PreconditionFailed",
            "At least one of the pre-conditions you specified did not hold.",
            412,
        ),
        (
            "DownloadTrafficRateLimitExceeded",
            "Please reduce your upload request traffic.",
            503,
        ),
        (
            "UploadTrafficRateLimitExceeded",
            "Please reduce your upload request traffic.",
            503,
        ),
        (
            "MetaOperationQpsLimitExceeded",
            "Qps limit for the meta operation is exceeded.",
            503,
        ),
        (
            "NotImplemented",
            "A header you provided implies functionality that is not implemented. ",
            400,
        ),
    ] {
        assert!(
            collapse(PAGE_STATUS_TABLES).contains(&collapse(message)),
            "{message:?} is not on the page"
        );
        expect(code, message, status);
    }
}

#[test]
fn pages_203_every_message() {
    let mut seen = 0;
    // English: "- Error message: <text>" up to the "Cause:" line (one message wraps).
    for block in PAGE_203_EN.split("- Error message: ").skip(1) {
        let message = block.split("\nCause:").next().expect("message");
        expect("CallbackFailed", &collapse(message), 203);
        seen += 1;
    }
    // Chinese: "错误信息：<text>" or "错误消息：<text>" on one line.
    for line in PAGE_203_ZH.lines() {
        let Some((_, message)) = line
            .split_once("错误信息：")
            .or_else(|| line.split_once("错误消息："))
        else {
            continue;
        };
        expect("CallbackFailed", message, 203);
        seen += 1;
    }
    assert_eq!(seen, 16);
}

#[test]
fn callback_page_every_example() {
    let mut seen = 0;
    for block in PAGE_CALLBACK.split("<Code>").skip(1) {
        let (code, rest) = block.split_once("</Code>").expect("closed code");
        let message = rest.split_once("<Message>").expect("message").1;
        // Example 3 closes the element as </message>.
        let message = message.split("</").next().expect("message text");
        let entry = expect(
            code,
            message,
            Code::from_name(code).expect("known").status(),
        );
        seen += 1;
        if code == "InvalidArgument" {
            assert_eq!(
                entry.argument_name(),
                Some("callback"),
                "the example sends ArgumentName callback"
            );
        }
    }
    assert_eq!(seen, 6);
}

#[test]
fn status_examples_keep_their_number() {
    for (message, status) in [("Error status : 400.", 400), ("Error status : 502.", 502)] {
        assert!(PAGE_CALLBACK.contains(message));
        let err = Error::recognize(Code::CallbackFailed, message).expect("template");
        record(err.entry());
        assert_eq!(err, Error::with_status(Entry::CallbackErrorStatus, status));
        assert_eq!(err.to_string(), message);
    }
}

#[test]
fn page_status_tables_examples() {
    use oss_errors::xml::ErrorXml;
    let mut seen = 0;
    for block in PAGE_STATUS_TABLES.split("<? xml").skip(1) {
        let end = block.find("</Error>").expect("closed example") + "</Error>".len();
        let xml = format!("<? xml{}", &block[..end]);
        let doc = ErrorXml::parse(&xml).unwrap_or_else(|err| panic!("{err}: {xml}"));
        let found = doc
            .recognize()
            .unwrap_or_else(|| panic!("not in the catalogue: {xml}"));
        record(found.entry());
        assert!(doc.code().eq_text(found.code().as_str()));
        seen += 1;
    }
    assert_eq!(seen, 2);
}

std::thread_local! {
    /// The entries the page walks of this thread have matched.
    static MATCHED: RefCell<Vec<Entry>> = const { RefCell::new(Vec::new()) };
}

fn record(entry: Entry) {
    MATCHED.with(|matched| matched.borrow_mut().push(entry));
}

/// Re-derives the source column: walking every seed page matches exactly the entries
/// marked `Seed`, and every other entry names a repository and file (or a reference note).
#[test]
fn the_source_column_is_what_the_seed_pages_give() {
    page_400_every_heading_is_one_entry_verbatim();
    page_status_tables_every_row();
    page_status_tables_rows_are_entries();
    pages_203_every_message();
    callback_page_every_example();
    status_examples_keep_their_number();
    page_status_tables_examples();
    let matched: BTreeSet<Entry> =
        MATCHED.with(|matched| matched.borrow().iter().copied().collect());
    for &entry in Entry::ALL {
        let from_seed = entry.source() == Source::Seed;
        assert_eq!(
            matched.contains(&entry),
            from_seed,
            "{entry:?}: the seed pages and the source column disagree"
        );
        if from_seed {
            assert_eq!(entry.origin(), "seeds/");
        } else {
            assert!(
                entry.origin().starts_with("shared/reference/") || entry.origin().contains(": "),
                "{entry:?} names no repository and file"
            );
        }
    }
    for &code in Code::ALL {
        let from_seed = matched.iter().any(|entry| entry.code() == code);
        assert_eq!(code.source() == Source::Seed, from_seed, "{code:?}");
    }
}
