//! Property tests: the streamed string-to-sign against a naive `String`-building model,
//! sign/verify round trips, and tampering detection.
#![allow(clippy::unwrap_used, clippy::std_instead_of_alloc)]

use oss_naming::{Timestamp, percent};
use oss_sign::{
    Credentials, Form, RawQuery, Request, SigningKey, Verifier, is_signed, sign, string_to_sign,
};
use proptest::prelude::*;

/// The naive model: collect, sort and join with `String`s.
fn model(
    method: &str,
    bucket: Option<&str>,
    key: &str,
    headers: &[(String, String)],
    query: &[(String, String)],
) -> String {
    let first = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim_ascii().to_owned())
            .unwrap_or_default()
    };
    let oss_date = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("x-oss-date"))
        .map(|(_, v)| v.trim_ascii().to_owned());
    let mut out = format!(
        "{}\n{}\n{}\n{}\n",
        method.to_ascii_uppercase(),
        first("content-md5"),
        first("content-type"),
        oss_date.unwrap_or_else(|| first("date"))
    );
    let mut oss: Vec<(String, Vec<String>)> = Vec::new();
    for (name, value) in headers {
        let lower = name.to_ascii_lowercase();
        if !lower.starts_with("x-oss-") {
            continue;
        }
        match oss.iter_mut().find(|(n, _)| *n == lower) {
            Some((_, values)) => values.push(value.trim_ascii().to_owned()),
            None => oss.push((lower, vec![value.trim_ascii().to_owned()])),
        }
    }
    oss.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    for (name, values) in oss {
        out.push_str(&format!("{name}:{}\n", values.join(",")));
    }
    out.push('/');
    if let Some(bucket) = bucket {
        out.push_str(bucket);
        out.push('/');
        out.push_str(key);
    }
    let mut signed: Vec<(String, String)> = Vec::new();
    for (name, value) in query {
        if is_signed(name.as_bytes()) && !signed.iter().any(|(n, _)| n == name) {
            signed.push((name.clone(), value.clone()));
        }
    }
    signed.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    for (i, (name, value)) in signed.iter().enumerate() {
        out.push(if i == 0 { '?' } else { '&' });
        out.push_str(name);
        if !value.is_empty() {
            out.push('=');
            out.push_str(value);
        }
    }
    out
}

fn header_name() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "Content-MD5",
            "content-type",
            "Content-Type",
            "Date",
            "x-oss-date",
            "Host",
            "User-Agent",
            "X-OSS-Meta-A",
            "x-oss-meta-a"
        ])
        .prop_map(str::to_owned),
        "[xX]-[oO][sS][sS]-[a-zA-Z-]{1,6}",
        "[a-zA-Z-]{1,8}",
    ]
}

fn query_name() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "acl",
            "uploadId",
            "partNumber",
            "versionId",
            "prefix",
            "max-keys",
            "response-content-type",
            "security-token",
            "tagging"
        ])
        .prop_map(str::to_owned),
        "x-oss-[a-z]{1,5}",
        "[a-zA-Z-]{1,6}",
    ]
}

/// Method, bucket, key, headers, query.
type Parts = (
    String,
    Option<String>,
    String,
    Vec<(String, String)>,
    Vec<(String, String)>,
);

fn request_parts() -> impl Strategy<Value = Parts> {
    (
        prop::sample::select(vec!["GET", "put", "Post", "DELETE", "HEAD"]).prop_map(str::to_owned),
        prop::option::of("[a-z0-9-]{3,10}"),
        "\\PC{0,12}",
        prop::collection::vec((header_name(), "[ \\t]?[ -~]{0,10}[ \\t]?"), 0..24),
        prop::collection::vec((query_name(), "\\PC{0,8}"), 0..22),
    )
}

fn encode_query(query: &[(String, String)]) -> String {
    let mut raw = String::new();
    for (name, value) in query {
        if !raw.is_empty() {
            raw.push('&');
        }
        percent::encode(name.as_bytes(), &mut raw).unwrap();
        raw.push('=');
        percent::encode(value.as_bytes(), &mut raw).unwrap();
    }
    raw
}

proptest! {
    /// `sign` signs exactly what `string_to_sign` shows for its form, STS token or not.
    #[test]
    fn sign_signs_its_string_to_sign((method, bucket, key, headers, query) in request_parts(), token in prop::option::of("[a-zA-Z0-9]{1,40}")) {
        let secret = SigningKey::new("secret");
        let mut creds = Credentials::new("LTAI5tExampleAccessKey01", &secret).unwrap();
        if let Some(token) = &token {
            creds = creds.with_security_token(token);
        }
        let mut request = Request::new(&method).with_key(&key).with_headers(headers.as_slice()).with_query(query.as_slice());
        if let Some(bucket) = &bucket {
            request = request.with_bucket(bucket);
        }
        let mut text = Vec::new();
        string_to_sign(&request, Form::header(&creds), &mut text);
        let auth = sign(&creds, &request);
        let expected = secret.sign(&text);
        prop_assert_eq!(auth.signature().as_str(), expected.as_str());
        prop_assert_eq!(auth.as_str(), format!("OSS LTAI5tExampleAccessKey01:{}", auth.signature()));
    }

    #[test]
    fn streamed_string_to_sign_matches_the_model((method, bucket, key, headers, query) in request_parts()) {
        let mut request = Request::new(&method).with_key(&key).with_headers(headers.as_slice()).with_query(query.as_slice());
        if let Some(bucket) = &bucket {
            request = request.with_bucket(bucket);
        }
        let mut ours = Vec::new();
        string_to_sign(&request, Form::Header { security_token: None }, &mut ours);
        let expected = model(&method, bucket.as_deref(), &key, &headers, &query);
        prop_assert_eq!(String::from_utf8(ours).unwrap(), expected.clone());

        // The same query, read back from its percent-encoded form.
        let raw = encode_query(&query);
        let mut from_raw = Vec::new();
        string_to_sign(&request.with_query(RawQuery::new(&raw)), Form::Header { security_token: None }, &mut from_raw);
        prop_assert_eq!(String::from_utf8(from_raw).unwrap(), expected);
    }

    #[test]
    fn sign_then_verify_and_tampering((method, bucket, key, headers, query) in request_parts(), now in 0i64..4_000_000_000, which in 0usize..5, at in any::<prop::sample::Index>()) {
        let secret = SigningKey::new("secret");
        let creds = Credentials::new("ak", &secret).unwrap();
        let now = Timestamp::from_unix(now).unwrap();
        let date = now.rfc1123().to_string();
        let mut headers: Vec<(String, String)> = headers.into_iter().filter(|(n, _)| !n.eq_ignore_ascii_case("date") && !n.eq_ignore_ascii_case("x-oss-date") && !n.eq_ignore_ascii_case("authorization")).collect();
        headers.push(("Date".into(), date));
        headers.push(("x-oss-meta-probe".into(), "value".into()));
        let bucket = bucket.unwrap_or_else(|| "bucket".into());
        let key = if key.is_empty() { "k".to_owned() } else { key };
        let mut query = query;
        // First, so it is the value that counts for its name.
        query.insert(0, ("x-oss-probe".into(), "v1".into()));
        let build = |m: &str, b: &str, k: &str, h: &[(String, String)], q: &str| {
            let mut h = h.to_vec();
            let auth = sign(&creds, &Request::new(m).with_bucket(b).with_key(k).with_headers(h.as_slice()).with_query(RawQuery::new(q))).to_string();
            h.push(("Authorization".into(), auth));
            h
        };
        let raw = encode_query(&query);
        let signed = build(&method, &bucket, &key, &headers, &raw);
        let keys = [("ak", &secret)];
        let verify = |m: &str, b: &str, k: &str, h: &[(String, String)], q: &str| {
            Verifier::new().verify(&Request::new(m).with_bucket(b).with_key(k).with_headers(h).with_query(RawQuery::new(q)), now, keys.as_slice()).map(|verified| verified.method())
        };
        prop_assert!(verify(&method, &bucket, &key, &signed, &raw).is_ok());

        // Change one byte of one signed part: the signature no longer matches.
        let flip = |text: &str| {
            let mut bytes = text.as_bytes().to_vec();
            let i = at.index(bytes.len());
            bytes[i] = if bytes[i] == b'Z' { b'Y' } else if bytes[i].is_ascii_alphanumeric() { b'Z' } else { b'0' };
            String::from_utf8_lossy(&bytes).into_owned()
        };
        let (m, b, k, mut h, q) = (method.clone(), bucket.clone(), key.clone(), signed.clone(), raw.clone());
        let tampered = match which {
            0 => verify(if m.eq_ignore_ascii_case("GET") { "PUT" } else { "GET" }, &b, &k, &h, &q),
            1 => verify(&m, &flip(&b), &k, &h, &q),
            2 if k.is_ascii() => verify(&m, &b, &flip(&k), &h, &q),
            2 => verify(&m, &b, &format!("{k}x"), &h, &q),
            3 => {
                let probe = h.iter_mut().find(|(n, _)| n == "x-oss-meta-probe").unwrap();
                probe.1 = flip(&probe.1);
                verify(&m, &b, &k, &h, &q)
            }
            _ => verify(&m, &b, &k, &h, &q.replacen("x-oss-probe=v1", "x-oss-probe=v2", 1)),
        };
        prop_assert_eq!(tampered.unwrap_err().code().as_str(), "SignatureDoesNotMatch");
    }
}

/// What `verify` makes of a `Date` value: accepted, or refused as an invalid date.
fn verify_accepts_date(date: &str, now: Timestamp) -> bool {
    let key = SigningKey::new("secret");
    let creds = Credentials::new("ak", &key).unwrap();
    let mut headers = vec![("Date", date)];
    let auth = sign(
        &creds,
        &Request::new("GET").with_bucket("b").with_headers(&headers),
    );
    headers.push(("Authorization", auth.as_str()));
    let keys = [("ak", &key)];
    let request = Request::new("GET").with_bucket("b").with_headers(&headers);
    match Verifier::new()
        .with_max_skew(u64::MAX)
        .verify(&request, now, keys.as_slice())
    {
        Ok(_) => true,
        Err(err) => {
            assert_eq!(err.to_string(), "OSS authentication requires a valid Date");
            false
        }
    }
}

proptest! {
    /// `verify` and `oss_naming::parse_rfc1123` (what `oss-doctor check date` uses) agree on
    /// every date: well-formed ones, ones with a wrong weekday or an impossible day, and
    /// arbitrary text.
    #[test]
    fn verify_and_check_date_agree(secs in -62_135_596_800i64..=253_402_300_799, weekday in 0usize..7, day in 0u8..40, noise in "[ -~]{0,32}") {
        let now = Timestamp::from_unix(0).unwrap();
        let good = Timestamp::from_unix(secs).unwrap().rfc1123().to_string();
        let names = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
        let other_weekday = format!("{}{}", names[weekday], &good[3..]);
        let other_day = format!("{}{day:02}{}", &good[..5], &good[7..]);
        for date in [good.as_str(), &other_weekday, &other_day, &noise] {
            prop_assert_eq!(verify_accepts_date(date, now), oss_naming::parse_rfc1123(date).is_ok(), "{}", date);
        }
    }
}
