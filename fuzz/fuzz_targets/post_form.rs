//! The multipart/form-data parser and the PostObject form rules on arbitrary bodies.
//!
//! The first byte picks a chunk size; the body is parsed whole and in chunks, which must
//! agree (same parts, or both rejected). The form rules, and the one-call judgement of a
//! parsed form (V1 or V4 signature fields, policy), must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oss_core::multipart::{
    Boundary, Event, FormParser, Limits, Parts, PostCheck, PostForm, PostOptions,
};
use oss_core::naming::Timestamp;
use oss_core::sign::SigningKey;

fn chunked(boundary: &Boundary, body: &[u8], size: usize) -> Option<Vec<(Vec<u8>, Vec<u8>)>> {
    let mut parser = FormParser::new(boundary, Limits::DEFAULT);
    let mut parts: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
    let mut held = Vec::new();
    for chunk in body.chunks(size) {
        held.extend_from_slice(chunk);
        let mut start = 0;
        loop {
            let step = parser.parse(&held[start..]).ok()?;
            assert!(step.consumed <= held.len() - start);
            start += step.consumed;
            match step.event {
                Some(Event::Part(h)) => parts.push((h.name().to_vec(), Vec::new())),
                Some(Event::Data(d)) => parts
                    .last_mut()
                    .expect("data in a part")
                    .1
                    .extend_from_slice(d),
                Some(Event::End) => return Some(parts),
                Some(_) => {}
                None => break,
            }
        }
        held.drain(..start);
    }
    parser.finish().ok()?;
    Some(parts)
}

fuzz_target!(|data: &[u8]| {
    let Some((&size, body)) = data.split_first() else {
        return;
    };
    let boundary = Boundary::new(b"B").expect("valid boundary");
    let whole: Option<Vec<(Vec<u8>, Vec<u8>)>> = Parts::new(&boundary, body, Limits::DEFAULT)
        .map(|part| part.map(|p| (p.headers.name().to_vec(), p.data.to_vec())))
        .collect::<Result<_, _>>()
        .ok();
    let streamed = chunked(&boundary, body, usize::from(size).max(1));
    assert_eq!(whole, streamed);
    if let Ok(form) = PostForm::parse(&boundary, body, PostOptions::DEFAULT) {
        let key = SigningKey::new("secret");
        let keys = [("AK", &key)];
        let check = PostCheck::new(Timestamp::from_unix(1_702_743_657).expect("in range"))
            .with_keys(keys.as_slice())
            .with_regions(&["cn-hangzhou"])
            .with_bucket(b"b");
        let mut buf = vec![0; body.len()];
        let _ = form.check(&check, &mut buf);
    }
    let _ = Boundary::from_content_type(body);
});
