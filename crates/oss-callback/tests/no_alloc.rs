//! The paths that need no `alloc` really allocate nothing.

use core::fmt::Write as _;
use core::time::Duration;

use oss_callback::{
    BodyType, CallbackConfig, CallbackReply, CallbackVars, DecodeBuffer, EncodeBuffer,
    RenderedBody, UploadInfo, check_callback_urls, is_json,
};

#[global_allocator]
static ALLOC: oss_test_support::CountingAllocator = oss_test_support::CountingAllocator;

#[test]
fn decode_validate_encode_render_and_judge_without_allocating() {
    // {"callbackUrl":"http:\/\/abc.com\/test.php","callbackBody":"{\"o\":${object},\"v\":${x:v}}",
    //  "callbackBodyType":"application/json","additionalHeaders":{"x-a":"1"}}
    let json = r#"{"callbackUrl":"http:\/\/abc.com\/test.php","callbackBody":"{\"o\":${object},\"v\":${x:v}}","callbackBodyType":"application/json","additionalHeaders":{"x-a":"1"}}"#;
    let header = base64_of(json);
    let var_header = base64_of(r#"{"x:v":"va\"l"}"#);
    let mut buf = DecodeBuffer::new();
    let mut var_buf = DecodeBuffer::new();
    let mut out = EncodeBuffer::new();
    let mut rendered = heapless::String::<512>::new();
    let info = UploadInfo::new().with_object("a.jpg");

    oss_test_support::assert_no_alloc(|| {
        let config = CallbackConfig::decode(header.as_bytes(), &mut buf).unwrap();
        let vars = CallbackVars::decode(var_header.as_bytes(), &mut var_buf).unwrap();
        check_callback_urls(config.url).unwrap();
        config.encode_into(&mut out).unwrap();
        let body = RenderedBody::new(config.body, BodyType::Json, &info, vars).unwrap();
        write!(rendered, "{body}").unwrap();
        let reply = CallbackReply::new(200, br#"{"Status":"OK"}"#)
            .with_content_length(b"15")
            .with_elapsed(Duration::from_millis(3));
        reply.check().unwrap();
        assert!(is_json(rendered.as_bytes()));
        // Rejections allocate nothing either.
        assert!(CallbackConfig::decode(b"!!!!", &mut buf).is_err());
        assert!(CallbackReply::new(500, b"").check().is_err());
    });
    assert_eq!(rendered.as_bytes(), br#"{"o":"a.jpg","v":"va\"l"}"#);
}

fn base64_of(text: &str) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(text)
}
