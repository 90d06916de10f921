//! oss-multipart without std or alloc: the streaming form parser, the PostObject rules,
//! the POST policy, CompleteMultipartUpload and the part rules.

use oss_multipart::{
    Boundary, CompleteMultipartUpload, EncryptedUpload, Event, FormParser, Limits, PartPlan, Policy, PostForm,
    PostOptions, check_append, check_part_number,
};

/// A PostObject form with a policy (`starts-with $key user/`, 1 to 10 bytes, until 2030).
const FORM: &[u8] = b"--B\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nuser/a.txt\r\n\
--B\r\nContent-Disposition: form-data; name=\"OSSAccessKeyId\"\r\n\r\nAK\r\n\
--B\r\nContent-Disposition: form-data; name=\"policy\"\r\n\r\n\
eyJleHBpcmF0aW9uIjoiMjAzMC0wMS0wMVQwMDowMDowMFoiLCJjb25kaXRpb25zIjpbWyJzdGFydHMtd2l0aCIsIiRrZXkiLCJ1c2VyLyJdLFsiY29udGVudC1sZW5ndGgtcmFuZ2UiLDEsMTBdXX0=\r\n\
--B\r\nContent-Disposition: form-data; name=\"Signature\"\r\n\r\nsig\r\n\
--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--B--\r\n";

/// Counts the parts of the sample form, streaming it in `chunk`-byte pieces through a
/// fixed buffer; -1 if parsing fails.
#[unsafe(no_mangle)]
pub extern "C" fn oss_multipart_count_parts(chunk: usize) -> i32 {
    let body = FORM;
    let Ok(boundary) = Boundary::new(b"B") else { return -1 };
    let mut parser = FormParser::new(&boundary, Limits::DEFAULT.with_part_headers(512));
    let mut buf = [0u8; 1024];
    let (mut held, mut parts) = (0, 0);
    for chunk in body.chunks(chunk.clamp(1, 512)) {
        let Some(room) = buf.get_mut(held..held + chunk.len()) else { return -1 };
        room.copy_from_slice(chunk);
        held += chunk.len();
        let mut start = 0;
        loop {
            let Ok(step) = parser.parse(&buf[start..held]) else { return -1 };
            start += step.consumed;
            match step.event {
                Some(Event::Part(_)) => parts += 1,
                Some(_) => {}
                None => break,
            }
        }
        buf.copy_within(start..held, 0);
        held -= start;
    }
    if parser.finish().is_ok() { parts } else { -1 }
}

/// Judges the sample form and its policy at `now`: the HTTP status of the first rule
/// broken, or 200.
#[unsafe(no_mangle)]
pub extern "C" fn oss_multipart_post_status(now: i64) -> u16 {
    let (content_type, body) = (&b"multipart/form-data; boundary=B"[..], FORM);
    let judge = || -> Result<(), u16> {
        let boundary = Boundary::from_content_type(content_type).map_err(|e| e.status())?;
        let form = PostForm::parse(&boundary, body, PostOptions::DEFAULT).map_err(|e| e.status())?;
        let mut buf = [0u8; 3072];
        if let Some(json) = form.policy_json(&mut buf).map_err(|e| e.status())? {
            let policy = Policy::parse(json).map_err(|e| e.status())?;
            form.check_policy(&policy, None, now).map_err(|v| v.error().status())?;
        }
        Ok(())
    };
    judge().err().unwrap_or(200)
}

/// The number of parts of a CompleteMultipartUpload body whose second part is number
/// `second` (0 when OSS would reject it: out of range, or not ascending).
#[unsafe(no_mangle)]
pub extern "C" fn oss_multipart_complete_parts(second: u32) -> u32 {
    let mut xml = [0u8; 160];
    let mut writer = Writer { buf: &mut xml, len: 0 };
    let written = core::fmt::write(
        &mut writer,
        format_args!(
            "<CompleteMultipartUpload><Part><PartNumber>2</PartNumber><ETag>\"A\"</ETag></Part>\
             <Part><PartNumber>{second}</PartNumber><ETag>\"B\"</ETag></Part></CompleteMultipartUpload>"
        ),
    );
    let len = writer.len;
    if written.is_err() {
        return 0;
    }
    CompleteMultipartUpload::parse(&xml[..len]).map_or(0, |upload| upload.len())
}

/// A `fmt::Write` into a fixed buffer.
struct Writer<'a> {
    buf: &'a mut [u8],
    len: usize,
}

impl core::fmt::Write for Writer<'_> {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        let room = self.buf.get_mut(self.len..self.len + s.len()).ok_or(core::fmt::Error)?;
        room.copy_from_slice(s.as_bytes());
        self.len += s.len();
        Ok(())
    }
}

/// The part count a planner picks for `size` bytes with parts of `part_size` (0: default),
/// or 0 when the object is too large; combined with the part-number, append and CSE rules.
#[unsafe(no_mangle)]
pub extern "C" fn oss_multipart_plan(size: u64, part_size: u64) -> u32 {
    let wished = (part_size != 0).then_some(part_size);
    let Ok(plan) = PartPlan::new(size, wished) else { return 0 };
    let rules_hold = check_part_number(plan.part_count()).is_ok()
        && check_append(0, None, size.min(1 << 20)).is_ok()
        && EncryptedUpload::new(size, plan.part_size().next_multiple_of(16)).is_ok();
    if rules_hold { plan.part_count() } else { 0 }
}
