//! Lookups, rendering and parsing allocate nothing.

use core::fmt::Write;

use oss_errors::xml::{ErrorDocument, ErrorXml, decode_err_header_into, unescape_into};
use oss_errors::{Code, Entry, Error, status_of};
use oss_test_support::assert_no_alloc;

#[global_allocator]
static ALLOC: oss_test_support::CountingAllocator = oss_test_support::CountingAllocator;

/// A `fmt::Write` into a fixed buffer.
type Buffer = heapless::String<2048>;

const BODY: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>InvalidArgument</Code>\n  <Message>The callback configuration is not json format.</Message>\n  <RequestId>587C79A3DD373E2676F73ECE</RequestId>\n  <HostId>bucket.oss-cn-hangzhou.aliyuncs.com</HostId>\n  <ArgumentName>callback</ArgumentName>\n  <ArgumentValue>{&quot;callbackUrl&quot;:&quot;8.8.8.8:9090&quot;}</ArgumentValue>\n  <EC>0007-00000003</EC>\n</Error>\n";

#[test]
fn lookups() {
    assert_no_alloc(|| {
        for &code in Code::ALL {
            assert_eq!(Code::from_name(code.as_str()), Some(code));
            assert_eq!(status_of(code.as_str()), Some(code.status()));
            let _ = code.entries();
        }
        for &entry in Entry::ALL {
            assert_eq!(Entry::find(entry.code(), entry.message()), Some(entry));
        }
        assert_eq!(
            Entry::find_by_name("InvalidObjectName", " The Object name can not be empty. "),
            Some(Entry::ObjectNameEmpty)
        );
        assert_eq!(
            Error::recognize(Code::CallbackFailed, "Error status : 502."),
            Some(Error::with_status(Entry::CallbackErrorStatus, 502))
        );
        assert_eq!(Code::from_name("Unknown"), None);
    });
}

#[test]
fn error_display() {
    let mut out = Buffer::new();
    assert_no_alloc(|| {
        write!(
            out,
            "{}",
            Error::with_status(Entry::CallbackErrorStatus, 301)
        )
    })
    .unwrap();
    assert_eq!(out.as_str(), "Error status : 301.");
}

#[test]
fn render() {
    let mut out = Buffer::new();
    let extra = [("StringToSign", "PUT\n\ntext/html\n<&>")];
    assert_no_alloc(|| {
        ErrorDocument::for_error(
            Error::from(Entry::CallbackNotJson),
            "587C79A3DD373E2676F73ECE",
            "bucket.oss-cn-hangzhou.aliyuncs.com",
        )
        .with_argument_value("{\"callbackUrl\":\"8.8.8.8:9090\"}")
        .with_extra(&extra)
        .with_troubleshoot_link()
        .render(&mut out)
    })
    .unwrap();
    assert!(
        out.as_str()
            .contains("<StringToSign>PUT\n\ntext/html\n&lt;&amp;&gt;</StringToSign>")
    );
}

#[test]
fn parse() {
    let doc = assert_no_alloc(|| ErrorXml::parse(BODY)).unwrap();
    assert_no_alloc(|| {
        assert_eq!(doc.recognize(), Some(Error::from(Entry::CallbackNotJson)));
        assert!(
            doc.argument_value()
                .unwrap()
                .eq_text("{\"callbackUrl\":\"8.8.8.8:9090\"}")
        );
        assert_eq!(doc.fields().count(), 7);
        let mut buf = [0u8; 64];
        assert_eq!(
            doc.argument_value().unwrap().text_in(&mut buf),
            Ok("{\"callbackUrl\":\"8.8.8.8:9090\"}")
        );
        let mut buf = [0u8; 8];
        assert_eq!(unescape_into("&lt;&#x41;", &mut buf), Ok("<A"));
    });
}

#[test]
fn header_form() {
    let mut buf = [0u8; 64];
    let xml = assert_no_alloc(|| {
        decode_err_header_into(
            "PEVycm9yPjxDb2RlPk5vU3VjaEtleTwvQ29kZT48L0Vycm9yPg==",
            &mut buf,
        )
    })
    .unwrap();
    assert_eq!(xml, "<Error><Code>NoSuchKey</Code></Error>");
}
