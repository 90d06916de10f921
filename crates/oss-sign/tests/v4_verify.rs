//! V4 verification: what the signer signs verifies, and every refusal is OSS's error.
#![allow(clippy::unwrap_used, clippy::std_instead_of_alloc)]

use oss_errors::Entry;
use oss_naming::Timestamp;
use oss_sign::v4::{self, Form, Settings};
use oss_sign::{AuthMethod, Credentials, RawQuery, Request, SigningKey, Verifier};
use proptest::prelude::*;

const NOW: i64 = 1_702_743_657; // 2023-12-16T16:20:57Z
const REGIONS: &[&str] = &["cn-hangzhou"];

fn at(secs: i64) -> Timestamp {
    Timestamp::from_unix(secs).unwrap()
}

/// Signs a PUT at NOW and returns the headers as received (signed ones added).
fn signed_headers(
    key: &SigningKey,
    token: Option<&str>,
    additional: &[&str],
) -> Vec<(String, String)> {
    let mut creds = Credentials::new("ak", key).unwrap();
    if let Some(token) = token {
        creds = creds.with_security_token(token);
    }
    let mut headers: Vec<(String, String)> = vec![
        ("Content-Type".into(), "text/plain".into()),
        ("x-oss-meta-a".into(), "1".into()),
        ("Content-Disposition".into(), "attachment".into()),
    ];
    let settings = Settings::new("cn-hangzhou")
        .unwrap()
        .with_additional_headers(additional)
        .unwrap();
    let request = Request::new("PUT")
        .with_bucket("b")
        .with_key("dir/a b+c.txt")
        .with_headers(&headers)
        .with_query([("acl", "")]);
    let signed = v4::sign(&creds, &request, &settings, at(NOW)).unwrap();
    headers.extend(signed.headers().map(|(n, v)| (n.to_owned(), v.to_owned())));
    headers
}

fn check(headers: &[(String, String)], query: &str, now: i64) -> Result<AuthMethod, Entry> {
    let key = SigningKey::new("sk");
    let keys = [("ak", &key)];
    let request = Request::new("PUT")
        .with_bucket("b")
        .with_key("dir/a b+c.txt")
        .with_headers(headers)
        .with_query(RawQuery::new(query));
    Verifier::new()
        .with_regions(REGIONS)
        .verify(&request, at(now), keys.as_slice())
        .map(|verified| verified.method())
        .map_err(|err| err.entry())
}

fn set(headers: &mut [(String, String)], name: &str, value: &str) {
    let field = headers
        .iter_mut()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .unwrap();
    field.1 = value.into();
}

#[test]
fn header_round_trips_and_refusals() {
    let key = SigningKey::new("sk");
    for (token, additional) in [(None, &[][..]), (Some("tok"), &["Content-Disposition"][..])] {
        let headers = signed_headers(&key, token, additional);
        assert_eq!(check(&headers, "acl", NOW), Ok(AuthMethod::HeaderV4));
        assert_eq!(check(&headers, "acl", NOW + 900), Ok(AuthMethod::HeaderV4));
        assert_eq!(
            check(&headers, "acl", NOW + 901),
            Err(Entry::RequestTimeTooSkewed)
        );
        assert_eq!(
            check(&headers, "acl&uploads", NOW),
            Err(Entry::SignatureDoesNotMatch)
        );
    }
    let headers = signed_headers(&key, None, &["Content-Disposition"]);
    let auth = headers
        .iter()
        .find(|(n, _)| n == "authorization")
        .unwrap()
        .1
        .clone();
    let cases: Vec<(String, Entry)> = vec![
        (
            auth.replace("cn-hangzhou", "cn-beijing"),
            Entry::SigningRegionInvalid,
        ),
        (auth.replace("/oss/", "/s3/"), Entry::CredentialInvalid),
        (
            auth.replace("aliyun_v4_request", "aws4_request"),
            Entry::CredentialInvalid,
        ),
        (
            auth.replace("20231216", "2023-12-16"),
            Entry::CredentialInvalid,
        ),
        (
            auth.replace("20231216", "20231215"),
            Entry::CredentialInvalid,
        ),
        (
            auth.replace("Credential=ak", "Credential=a-k"),
            Entry::AccessKeyIdBadChars,
        ),
        (
            auth.replace("Credential=ak", "Credential=zz"),
            Entry::AccessKeyIdUnknown,
        ),
        (
            auth.replace(
                "AdditionalHeaders=content-disposition",
                "AdditionalHeaders=",
            ),
            Entry::AuthorizationInvalid,
        ),
        (
            auth.replace("AdditionalHeaders", "Extra"),
            Entry::AuthorizationUnknownParameter,
        ),
        (
            auth.replace(",Signature=", ",Signature=0"),
            Entry::SignatureDoesNotMatch,
        ),
        (format!("{auth},Signature=x"), Entry::AuthorizationInvalid),
        (
            "OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request".into(),
            Entry::AuthorizationBadItemCount,
        ),
    ];
    for (value, expected) in &cases {
        let mut received = headers.clone();
        set(&mut received, "authorization", value);
        assert_eq!(check(&received, "acl", NOW), Err(*expected), "{value}");
    }
    // `, ` between items and any order verify.
    let reordered = {
        let items: Vec<&str> = auth["OSS4-HMAC-SHA256 ".len()..].split(',').collect();
        format!("OSS4-HMAC-SHA256 {}, {}, {}", items[2], items[0], items[1])
    };
    let mut received = headers.clone();
    set(&mut received, "authorization", &reordered);
    assert_eq!(check(&received, "acl", NOW), Ok(AuthMethod::HeaderV4));
    // The date header: missing, malformed, another day than the credential.
    let mut received = headers.clone();
    set(&mut received, "x-oss-date", "Sat, 16 Dec 2023 16:20:57 GMT");
    assert_eq!(check(&received, "acl", NOW), Err(Entry::DateInvalid));
    received.retain(|(n, _)| n != "x-oss-date");
    assert_eq!(check(&received, "acl", NOW), Err(Entry::DateInvalid));
    let mut received = headers.clone();
    set(
        &mut received,
        "x-oss-content-sha256",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
    assert_eq!(check(&received, "acl", NOW), Err(Entry::ArgumentInvalid));
    // Signed in the query too.
    assert_eq!(
        check(&headers, "acl&x-oss-signature=abc", NOW),
        Err(Entry::SignatureInQueryAndHeader)
    );
}

#[test]
fn presigned_round_trips_and_refusals() {
    let key = SigningKey::new("sk");
    let creds = Credentials::new("ak", &key)
        .unwrap()
        .with_security_token("tok");
    let settings = Settings::new("cn-hangzhou").unwrap();
    let request = Request::new("PUT")
        .with_bucket("b")
        .with_key("dir/a b+c.txt")
        .with_query([("acl", "")]);
    let query = v4::presign(&creds, &request, &settings, at(NOW), 600)
        .unwrap()
        .query();
    let none: [(String, String); 0] = [];
    assert_eq!(check(&none, &query, NOW), Ok(AuthMethod::QueryV4));
    assert_eq!(check(&none, &query, NOW + 600), Ok(AuthMethod::QueryV4));
    assert_eq!(check(&none, &query, NOW + 601), Err(Entry::RequestExpired));
    assert_eq!(
        check(&none, &query, NOW - 901),
        Err(Entry::RequestTimeTooSkewed)
    );
    for (from, to, expected) in [
        (
            "x-oss-expires=600",
            "x-oss-expires=604801",
            Entry::ArgumentInvalid,
        ),
        (
            "x-oss-expires=600",
            "x-oss-expires=0",
            Entry::ArgumentInvalid,
        ),
        ("cn-hangzhou", "cn-beijing", Entry::SigningRegionInvalid),
        (
            "x-oss-signature-version=OSS4-HMAC-SHA256",
            "x-oss-signature-version=OSS2",
            Entry::AuthorizationInvalid,
        ),
        (
            "x-oss-security-token=tok",
            "x-oss-security-token=tak",
            Entry::SignatureDoesNotMatch,
        ),
        ("acl", "uploads", Entry::SignatureDoesNotMatch),
    ] {
        let tampered = query.replacen(from, to, 1);
        assert_ne!(tampered, query, "{from}");
        assert_eq!(
            check(&none, &tampered, NOW),
            Err(expected),
            "{from} -> {to}"
        );
    }
    assert!(v4::presign(&creds, &request, &settings, at(NOW), 604_801).is_err());
    assert!(v4::presign(&creds, &request, &settings, at(NOW), 0).is_err());
}

#[test]
fn the_server_transcript_is_the_signers() {
    let key = SigningKey::new("sk");
    let creds = Credentials::new("ak", &key).unwrap();
    let settings = Settings::new("cn-hangzhou").unwrap();
    let headers = signed_headers(&key, None, &[]);
    let unsigned: Vec<(String, String)> = headers[..3].to_vec();
    let mut signer_side = Vec::new();
    let form = Form::Header {
        settings,
        creds,
        now: at(NOW),
    };
    let request = Request::new("PUT")
        .with_bucket("b")
        .with_key("dir/a b+c.txt")
        .with_query([("acl", "")]);
    v4::canonical_request(&request.with_headers(&unsigned), form, &mut signer_side).unwrap();
    let mut server_side = Vec::new();
    v4::canonical_request(
        &request.with_headers(&headers),
        Form::Received,
        &mut server_side,
    )
    .unwrap();
    assert_eq!(
        String::from_utf8(server_side).unwrap(),
        String::from_utf8(signer_side).unwrap()
    );
}

proptest! {
    /// Any one-byte change to the signed request's method, key, a signed header or the
    /// query is refused.
    #[test]
    fn tampering_is_refused(which in 0usize..4, at_byte in any::<prop::sample::Index>()) {
        let key = SigningKey::new("sk");
        let mut headers = signed_headers(&key, None, &["Content-Disposition"]);
        let flip = |text: &str| {
            let mut bytes = text.as_bytes().to_vec();
            let i = at_byte.index(bytes.len());
            bytes[i] = if bytes[i] == b'z' { b'y' } else { b'z' };
            String::from_utf8_lossy(&bytes).into_owned()
        };
        let keys = [("ak", &key)];
        let verdict = |method: &str, object: &str, headers: &[(String, String)], query: &str| {
            let request = Request::new(method).with_bucket("b").with_key(object).with_headers(headers).with_query(RawQuery::new(query));
            Verifier::new().with_regions(REGIONS).verify(&request, at(NOW), keys.as_slice()).map(|v| v.method()).map_err(|e| e.entry())
        };
        let result = match which {
            0 => verdict("POST", "dir/a b+c.txt", &headers, "acl"),
            1 => verdict("PUT", &flip("dir/a b+c.txt"), &headers, "acl"),
            2 => {
                let field = headers.iter_mut().find(|(n, _)| n == "Content-Disposition").unwrap();
                field.1 = flip(&field.1);
                verdict("PUT", "dir/a b+c.txt", &headers, "acl")
            }
            _ => verdict("PUT", "dir/a b+c.txt", &headers, &flip("acl")),
        };
        prop_assert_eq!(result, Err(Entry::SignatureDoesNotMatch));
    }
}

#[test]
fn a_presigned_url_with_an_empty_pair_verifies() {
    let key = SigningKey::new("sk");
    let creds = Credentials::new("ak", &key).unwrap();
    let settings = Settings::new("cn-hangzhou").unwrap();
    let request = Request::new("GET")
        .with_bucket("b")
        .with_key("k")
        .with_query([("", ""), ("a", "1")]);
    let query = v4::presign(&creds, &request, &settings, at(NOW), 900)
        .unwrap()
        .query();
    let none: [(String, String); 0] = [];
    let keys = [("ak", &key)];
    let received = Request::new("GET")
        .with_bucket("b")
        .with_key("k")
        .with_headers(&none)
        .with_query(RawQuery::new(&query));
    let verified =
        Verifier::new()
            .with_regions(REGIONS)
            .verify(&received, at(NOW), keys.as_slice());
    assert_eq!(
        verified.map(|v| v.method()).map_err(|e| e.entry()),
        Ok(AuthMethod::QueryV4)
    );
}

#[test]
fn the_longest_authorization_fits_and_verifies() {
    let key = SigningKey::new("sk");
    let id = "k".repeat(oss_naming::MAX_ACCESS_KEY_ID_LEN);
    let creds = Credentials::new(&id, &key).unwrap();
    let region = "r".repeat(v4::MAX_REGION_LEN);
    // Additional header names filling the list: 63 names of 7 bytes plus `;` = 504 bytes.
    let names: Vec<String> = (0..63).map(|i| format!("h-{i:05}")).collect();
    let name_refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let settings = Settings::new(&region)
        .unwrap()
        .with_product(v4::Product::OssCloudbox)
        .with_additional_headers(&name_refs)
        .unwrap();
    let mut headers: Vec<(String, String)> =
        names.iter().map(|n| (n.clone(), "v".into())).collect();
    let request = Request::new("GET").with_bucket("b");
    let signed = v4::sign(&creds, &request.with_headers(&headers), &settings, at(NOW)).unwrap();
    let expected = "OSS4-HMAC-SHA256 Credential=".len()
        + id.len()
        + "/20231216/".len()
        + region.len()
        + "/oss-cloudbox/aliyun_v4_request".len()
        + ",AdditionalHeaders=".len()
        + 63 * 8
        - 1
        + ",Signature=".len()
        + 64;
    assert_eq!(signed.authorization().len(), expected);
    headers.extend(signed.headers().map(|(n, v)| (n.to_owned(), v.to_owned())));
    let keys = [(id.as_str(), &key)];
    let regions = [region.as_str()];
    let verified = Verifier::new()
        .with_regions(&regions)
        .verify(&request.with_headers(&headers), at(NOW), keys.as_slice())
        .unwrap();
    assert_eq!(verified.access_key_id(), Some(id.as_str()));
}

#[test]
fn an_empty_additional_headers_item_is_refused_unless_accepted() {
    let key = SigningKey::new("sk");
    let mut headers = signed_headers(&key, None, &[]);
    let authorization = headers
        .iter()
        .find(|(name, _)| name == "authorization")
        .unwrap()
        .1
        .replace(",Signature=", ", AdditionalHeaders=, Signature=");
    set(&mut headers, "authorization", &authorization);
    assert_eq!(
        check(&headers, "acl", NOW),
        Err(Entry::AuthorizationInvalid)
    );

    let keys = [("ak", &key)];
    let request = Request::new("PUT")
        .with_bucket("b")
        .with_key("dir/a b+c.txt")
        .with_headers(&headers)
        .with_query(RawQuery::new("acl"));
    let lenient = Verifier::new()
        .with_regions(REGIONS)
        .with_empty_additional_headers(true);
    let verified = lenient.verify(&request, at(NOW), keys.as_slice()).unwrap();
    assert_eq!(verified.method(), AuthMethod::HeaderV4);
    // Leniency stops at the empty item: a wrong signature is still refused.
    let mut tampered = headers.clone();
    set(
        &mut tampered,
        "authorization",
        &authorization.replace("Signature=", "Signature=0"),
    );
    let request = request.with_headers(&tampered);
    assert_eq!(
        lenient
            .verify(&request, at(NOW), keys.as_slice())
            .map_err(|err| err.entry())
            .err(),
        Some(Entry::SignatureDoesNotMatch)
    );
}
