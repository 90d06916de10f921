//! Body rendering: any template either fails the placeholder check or renders without
//! panicking, for both body types; a rendered JSON body with only system values and no
//! template text outside placeholders is valid JSON.
#![no_main]

use core::fmt::Write as _;

use libfuzzer_sys::fuzz_target;
use oss_core::callback::{BodyType, CallbackVars, RenderedBody, UploadInfo, check_body_template};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = core::str::from_utf8(data) else {
        return;
    };
    // First line: the template; the rest: `x:name=value` lines.
    let (template, rest) = text.split_once('\n').unwrap_or((text, ""));
    let pairs: Vec<(&str, &str)> = rest
        .lines()
        .filter_map(|line| line.split_once('='))
        .collect();
    let vars = CallbackVars::from_slice(&pairs);
    let info = UploadInfo::new()
        .with_bucket("b")
        .with_object(rest)
        .with_size(7)
        .with_crc64(u64::MAX);
    let checked = check_body_template(template);
    for body_type in [BodyType::FormUrlEncoded, BodyType::Json] {
        match RenderedBody::new(template, body_type, &info, vars) {
            Ok(body) => {
                assert!(checked.is_ok());
                let mut out = String::new();
                write!(out, "{body}").unwrap();
                let _ = body.lints().count();
            }
            Err(err) => assert_eq!(checked, Err(err)),
        }
    }
    let single = RenderedBody::new("${object}", BodyType::Json, &info, vars).unwrap();
    assert!(oss_core::callback::is_json(single.to_string().as_bytes()));
});
