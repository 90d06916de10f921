//! The transcript OSS reports with `SignatureDoesNotMatch`: what the server computed.

use core::fmt::Write as _;

use oss_sign::input::{Headers, Query};
use oss_sign::{AuthMethod, Form, Request, string_to_sign, v4};

/// The elements OSS adds to a `SignatureDoesNotMatch` document: `StringToSign` and
/// `StringToSignBytes` (hex) for V1, `CanonicalRequest` and `StringToSign` for V4.
pub(crate) fn mismatch_elements<'a, H: Headers<'a>, Q: Query<'a>>(
    request: &Request<'a, H, Q>,
) -> Vec<(&'static str, String)> {
    match AuthMethod::of(request) {
        AuthMethod::HeaderV4 | AuthMethod::QueryV4 => {
            let (mut canonical, mut signed) = (Vec::new(), Vec::new());
            let written = v4::canonical_request(request, v4::Form::Received, &mut canonical)
                .and_then(|()| v4::string_to_sign(request, v4::Form::Received, &mut signed));
            if written.is_err() {
                return Vec::new();
            }
            vec![
                ("CanonicalRequest", lossy(canonical)),
                ("StringToSign", lossy(signed)),
            ]
        }
        AuthMethod::Header | AuthMethod::Query => {
            let mut signed = Vec::new();
            string_to_sign(request, Form::Received, &mut signed);
            let mut bytes = String::with_capacity(signed.len() * 3);
            for (i, byte) in signed.iter().enumerate() {
                let separator = if i == 0 { "" } else { " " };
                let _ = write!(bytes, "{separator}{byte:02X}");
            }
            vec![
                ("StringToSign", lossy(signed)),
                ("StringToSignBytes", bytes),
            ]
        }
        _ => Vec::new(),
    }
}

fn lossy(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}
