//! The hot paths allocate nothing: form scanning, PostObject rules, policy evaluation,
//! CompleteMultipartUpload parsing, part rules and the planner.
#![allow(missing_docs)]

use oss_multipart::{
    Boundary, CompleteMultipartUpload, EncryptedUpload, FormParser, Limits, PartPlan, Parts,
    Policy, PostForm, PostOptions, check_append, check_part_number, check_parts, parse_part_number,
};
use oss_test_support::assert_no_alloc;

#[global_allocator]
static ALLOC: oss_test_support::CountingAllocator = oss_test_support::CountingAllocator;

const BODY: &[u8] = b"--B\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nuser/eric/a.txt\r\n\
--B\r\nContent-Disposition: form-data; name=\"policy\"\r\n\r\neyJleHBpcmF0aW9uIjoiMjAzMC0wMS0wMVQwMDowMDowMFoiLCJjb25kaXRpb25zIjpbWyJzdGFydHMtd2l0aCIsIiRrZXkiLCJ1c2VyL2VyaWMvIl0sWyJpbiIsIiRjb250ZW50LXR5cGUiLFsidGV4dC9wbGFpbiJdXSxbImNvbnRlbnQtbGVuZ3RoLXJhbmdlIiwxLDEwXV19\r\n\
--B\r\nContent-Disposition: form-data; name=\"Content-Type\"\r\n\r\ntext/plain\r\n\
--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--B--\r\n";

#[test]
fn form_scanning_whole() {
    let boundary = Boundary::from_content_type(b"multipart/form-data; boundary=B").unwrap();
    assert_no_alloc(|| {
        let mut parser = FormParser::new(&boundary, Limits::DEFAULT);
        let mut input = BODY;
        let mut events = 0;
        loop {
            let step = parser.parse(input).unwrap();
            input = &input[step.consumed..];
            if step.event.is_none() {
                break;
            }
            events += 1;
        }
        parser.finish().unwrap();
        assert_eq!(events, 4 * 3 + 1); // Part, Data, PartEnd per part, then End
        assert_eq!(Parts::new(&boundary, BODY, Limits::DEFAULT).count(), 4);
    });
}

#[test]
fn streaming_in_small_chunks() {
    let boundary = Boundary::new(b"B").unwrap();
    assert_no_alloc(|| {
        let mut parser = FormParser::new(&boundary, Limits::DEFAULT);
        let mut buf = [0u8; 256];
        let (mut held, mut fed, mut parts) = (0, 0, 0);
        while !parser.is_done() {
            let take = 7.min(BODY.len() - fed).min(buf.len() - held);
            buf[held..held + take].copy_from_slice(&BODY[fed..fed + take]);
            held += take;
            fed += take;
            let mut start = 0;
            loop {
                let step = parser.parse(&buf[start..held]).unwrap();
                start += step.consumed;
                match step.event {
                    Some(oss_multipart::Event::Part(_)) => parts += 1,
                    Some(_) => {}
                    None => break,
                }
            }
            buf.copy_within(start..held, 0);
            held -= start;
        }
        parser.finish().unwrap();
        assert_eq!(parts, 4);
    });
}

#[test]
fn post_form_policy_and_signature_rules() {
    let key = oss_sign::SigningKey::new("secret");
    let policy = b"eyJleHBpcmF0aW9uIjoiMjAzMC0wMS0wMVQwMDowMDowMFoiLCJjb25kaXRpb25zIjpbWyJzdGFydHMtd2l0aCIsIiRrZXkiLCJ1c2VyL2VyaWMvIl0sWyJpbiIsIiRjb250ZW50LXR5cGUiLFsidGV4dC9wbGFpbiJdXSxbImNvbnRlbnQtbGVuZ3RoLXJhbmdlIiwxLDEwXV19";
    let signature = oss_sign::post_policy_signature(&key, policy);
    let file_start: &[u8] = b"--B\r\nContent-Disposition: form-data; name=\"file\"";
    let file_at = BODY
        .windows(file_start.len())
        .position(|w| w == file_start)
        .unwrap();
    let signed = [
        &BODY[..file_at],
        b"--B\r\nContent-Disposition: form-data; name=\"OSSAccessKeyId\"\r\n\r\nAK\r\n",
        b"--B\r\nContent-Disposition: form-data; name=\"Signature\"\r\n\r\n",
        signature.as_bytes(),
        b"\r\n",
        &BODY[file_at..],
    ]
    .concat();
    let boundary = Boundary::new(b"B").unwrap();
    assert_no_alloc(|| {
        let form = PostForm::parse(&boundary, &signed, PostOptions::DEFAULT).unwrap();
        assert!(form.is_signed());
        assert!(form.fields().count() >= 3);
        form.check_signature(&key).unwrap();
        let mut buf = [0u8; 512];
        let json = form.policy_json(&mut buf).unwrap().unwrap();
        let policy = Policy::parse(json).unwrap();
        form.check_policy(&policy, Some(b"bucket"), 0).unwrap();
        assert!(
            form.check_policy(&policy, Some(b"bucket"), i64::MAX)
                .is_err()
        );
        assert!(
            form.check_signature(&oss_sign::SigningKey::new("other"))
                .is_err()
        );
    });
}

#[test]
fn multipart_rules() {
    let xml = b"<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>\"A\"</ETag></Part>\
<Part><PartNumber>3</PartNumber><ETag>\"B\"</ETag></Part></CompleteMultipartUpload>";
    let escaped =
        b"<?xml version=\"1.0\"?><CompleteMultipartUpload><Part><PartNumber>&#49;</PartNumber>\
<ETag>&#x22;A&#x22;</ETag></Part></CompleteMultipartUpload>";
    assert_no_alloc(|| {
        let upload = CompleteMultipartUpload::parse(xml).unwrap();
        assert_eq!(upload.parts().count(), 2);
        let upload = CompleteMultipartUpload::parse(escaped).unwrap();
        let part = upload.parts().next().unwrap();
        assert_eq!((part.number(), part.etag_value()), (1, &b"A"[..]));
        assert!(check_part_number(10_001).is_err());
        assert_eq!(parse_part_number(b"7").unwrap(), 7);
        assert!(check_parts([(1, 200 * 1024), (2, 1)]).is_ok());
        assert_eq!(
            PartPlan::new(1 << 40, None).unwrap().parts().count(),
            10_000
        );
        assert_eq!(check_append(0, None, 5).unwrap(), 5);
        let cse = EncryptedUpload::from_headers(Some(b"100"), Some(b"32")).unwrap();
        assert!(
            cse.check_complete([(1, 32), (2, 32), (3, 32), (4, 4)])
                .is_ok()
        );
    });
}
