//! PostObject read as it streams: the same verdict as the buffered check, the file's bytes
//! given to the sink and never held, `content-length-range` judged on the real size.

extern crate alloc;

use alloc::collections::VecDeque;
use core::pin::Pin;
use core::task::{Context, Poll};

use bytes::Bytes;
use http_body::{Body, Frame};
use oss_multipart::{PostCheck, PostSignature};
use oss_naming::Timestamp;
use oss_sign::{SigningKey, post_policy_signature, write_post_policy_base64};
use oss_tower::{KeyStore, PostObject, StreamRejection};

/// A body that arrives in small frames.
struct Chunks(VecDeque<Bytes>);

impl Body for Chunks {
    type Data = Bytes;
    type Error = core::convert::Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        Poll::Ready(self.0.pop_front().map(|chunk| Ok(Frame::data(chunk))))
    }
}

fn chunks(body: &[u8], size: usize) -> Chunks {
    Chunks(body.chunks(size).map(Bytes::copy_from_slice).collect())
}

/// A V1-signed form whose policy allows files of `min..=max` bytes.
fn form(file: &[u8], min: u64, max: u64) -> Vec<u8> {
    let policy = format!(
        r#"{{"expiration":"2030-01-01T00:00:00.000Z","conditions":[["content-length-range",{min},{max}],["starts-with","$key","up/"]]}}"#
    );
    let mut encoded = String::new();
    write_post_policy_base64(policy.as_bytes(), &mut encoded).expect("base64");
    let signature = post_policy_signature(&SigningKey::new("secret"), encoded.as_bytes());
    let mut body = Vec::new();
    for (name, value) in [
        ("key", "up/a.bin"),
        ("OSSAccessKeyId", "AKID"),
        ("policy", encoded.as_str()),
        ("Signature", signature.as_str()),
    ] {
        body.extend_from_slice(
            format!("--xb\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                .as_bytes(),
        );
    }
    body.extend_from_slice(b"--xb\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    body.extend_from_slice(file);
    body.extend_from_slice(b"\r\n--xb--\r\n");
    body
}

fn post_object() -> PostObject {
    let (parts, ()) = http::Request::post("/bucket")
        .header("content-type", "multipart/form-data; boundary=xb")
        .body(())
        .expect("request")
        .into_parts();
    PostObject::from_parts(&parts).expect("multipart")
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime")
}

#[test]
fn a_streamed_form_gets_the_buffered_verdict_and_its_file_goes_to_the_sink() {
    let file: Vec<u8> = (0..5000u32).map(|i| (i % 253) as u8).collect();
    let body = form(&file, 1, 10_000);
    let keys = KeyStore::new().with_key("AKID", "secret");
    let now = Timestamp::from_unix(1_700_000_000).expect("in range");
    let check = PostCheck::new(now).with_keys(&keys).with_bucket(b"bucket");
    let post = post_object();
    let buffered = post.check(&body, &check).expect("accepted").verdict;
    for size in [1, 7, 64, 4096, body.len()] {
        let mut received = Vec::new();
        let streamed = runtime()
            .block_on(post.check_streaming(chunks(&body, size), &check, |data| {
                received.extend_from_slice(data);
                Ok(())
            }))
            .expect("accepted");
        assert_eq!(streamed.verdict(), buffered, "chunks of {size}");
        assert_eq!(streamed.verdict().signature, PostSignature::V1);
        assert_eq!(streamed.file_size(), 5000);
        assert_eq!(received, file, "chunks of {size}");
        let form = streamed.form().expect("held fields parse");
        assert_eq!(form.field(b"key"), Some(&b"up/a.bin"[..]));
        assert_eq!(form.file().filename, Some(&b"a.bin"[..]));
    }
}

#[test]
fn content_length_range_is_judged_on_the_streamed_size() {
    let body = form(&[7; 300], 1, 100);
    let keys = KeyStore::new().with_key("AKID", "secret");
    let now = Timestamp::from_unix(1_700_000_000).expect("in range");
    let check = PostCheck::new(now).with_keys(&keys).with_bucket(b"bucket");
    let post = post_object();
    let buffered = post.check(&body, &check).expect_err("too large").error;
    let streamed = runtime().block_on(post.check_streaming(chunks(&body, 50), &check, |_| Ok(())));
    match streamed {
        Err(StreamRejection::Refused(rejection)) => assert_eq!(rejection.error, buffered),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_wrong_signature_is_refused_after_the_stream() {
    let body = form(b"data", 1, 100);
    let keys = KeyStore::new().with_key("AKID", "other-secret");
    let now = Timestamp::from_unix(1_700_000_000).expect("in range");
    let check = PostCheck::new(now).with_keys(&keys).with_bucket(b"bucket");
    let buffered = post_object()
        .check(&body, &check)
        .expect_err("wrong key")
        .error;
    assert_eq!(buffered.code().as_str(), "SignatureDoesNotMatch");
    let streamed =
        runtime().block_on(post_object().check_streaming(chunks(&body, 9), &check, |_| Ok(())));
    match streamed {
        Err(StreamRejection::Refused(rejection)) => assert_eq!(rejection.error, buffered),
        other => panic!("expected a refusal, got {other:?}"),
    }
}
