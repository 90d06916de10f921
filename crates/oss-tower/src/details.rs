//! The elements OSS adds to some error documents: the server's transcript with
//! `SignatureDoesNotMatch`, the clocks with `RequestTimeTooSkewed` and
//! `RequestExpired`.

use core::fmt::Write as _;

use http::request::Parts;
use oss_errors::Entry;
use oss_naming::percent::{self, Plus};
use oss_naming::{Timestamp, parse_compact_iso8601, parse_rfc1123};
use oss_sign::input::{Headers, Query};
use oss_sign::{AuthMethod, Form, ParsedAuthorization, Request, string_to_sign, v4};

/// The further elements of the document for `entry`, in the order OSS writes them.
pub(crate) fn details<'a, H: Headers<'a>, Q: Query<'a>>(
    entry: Entry,
    parts: &Parts,
    request: &Request<'a, H, Q>,
    now: Option<Timestamp>,
    max_skew: u64,
) -> Vec<(&'static str, String)> {
    match entry {
        Entry::SignatureDoesNotMatch => mismatch(parts, request),
        Entry::RequestTimeTooSkewed => {
            let mut elements = vec![("MaxAllowedSkewMilliseconds", (max_skew * 1000).to_string())];
            if let Some(sent) = request_time(parts) {
                elements.push(("RequestTime", sent.iso8601().to_string()));
            }
            // OSS writes whole seconds.
            if let Some(now) = now.and_then(|now| Timestamp::from_unix(now.unix_seconds())) {
                elements.push(("ServerTime", now.iso8601().to_string()));
            }
            elements
        }
        Entry::RequestExpired => {
            let mut elements = Vec::new();
            if let Some(expires) = expiry(parts) {
                elements.push(("Expires", expires.iso8601().to_string()));
            }
            if let Some(now) = now.and_then(|now| Timestamp::from_unix(now.unix_seconds())) {
                elements.push(("ServerTime", now.iso8601().to_string()));
            }
            elements
        }
        _ => Vec::new(),
    }
}

/// When a presigned URL expires: V1's `Expires`, or V4's `x-oss-date` plus
/// `x-oss-expires`.
fn expiry(parts: &Parts) -> Option<Timestamp> {
    let number = |name| query_param(parts, name)?.parse::<i64>().ok();
    if let Some(expires) = number("Expires") {
        return Timestamp::from_unix(expires);
    }
    let signed = parse_compact_iso8601(&query_param(parts, "x-oss-date")?)?;
    Timestamp::from_unix(
        signed
            .unix_seconds()
            .checked_add(number("x-oss-expires")?)?,
    )
}

/// The time a request says it was signed: `x-oss-date` (V4's compact form or RFC 1123),
/// else `Date`.
fn request_time(parts: &Parts) -> Option<Timestamp> {
    let header = |name| {
        parts
            .headers
            .get(name)
            .and_then(|value| value.to_str().ok())
    };
    let text = header("x-oss-date").or_else(|| header("date"))?;
    parse_compact_iso8601(text).or_else(|| parse_rfc1123(text).ok())
}

/// A presigned query's parameter, decoded.
fn query_param(parts: &Parts, name: &str) -> Option<String> {
    parts.uri.query()?.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (key == name).then(|| {
            let bytes: Vec<u8> = percent::decode(value.as_bytes(), Plus::Literal).collect();
            String::from_utf8_lossy(&bytes).into_owned()
        })
    })
}

fn mismatch<'a, H: Headers<'a>, Q: Query<'a>>(
    parts: &Parts,
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
        method @ (AuthMethod::Header | AuthMethod::Query) => {
            let (id, provided) = if method == AuthMethod::Header {
                let parsed = parts
                    .headers
                    .get(http::header::AUTHORIZATION)
                    .and_then(|value| ParsedAuthorization::parse(value.as_bytes()).ok());
                (
                    parsed.map(|auth| auth.access_key_id().to_owned()),
                    parsed.map(|auth| String::from_utf8_lossy(auth.signature()).into_owned()),
                )
            } else {
                (
                    query_param(parts, "OSSAccessKeyId"),
                    query_param(parts, "Signature"),
                )
            };
            let mut signed = Vec::new();
            string_to_sign(request, Form::Received, &mut signed);
            let mut bytes = String::with_capacity(signed.len() * 3);
            for (i, byte) in signed.iter().enumerate() {
                let separator = if i == 0 { "" } else { " " };
                let _ = write!(bytes, "{separator}{byte:02X}");
            }
            let mut elements = Vec::new();
            if let Some(id) = id {
                elements.push(("OSSAccessKeyId", id));
            }
            if let Some(provided) = provided {
                elements.push(("SignatureProvided", provided));
            }
            elements.push(("StringToSign", lossy(signed)));
            elements.push(("StringToSignBytes", bytes));
            elements
        }
        _ => Vec::new(),
    }
}

fn lossy(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}
