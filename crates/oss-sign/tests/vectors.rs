//! Differential vectors generated with the official Python SDKs (`oss2` and
//! `alibabacloud-oss-v2`, kept where both agree) by `scripts/vectors/gen_sign.py`.
#![allow(clippy::unwrap_used, clippy::std_instead_of_alloc)]

use std::collections::BTreeMap;
use std::path::PathBuf;

use oss_naming::percent::{self, Plus};
use oss_naming::{Timestamp, parse_rfc1123};
use oss_sign::{
    Credentials, Form, RawQuery, Request, SigningKey, Verifier, post_policy_signature, presign,
    presign_rtmp, sign, string_to_sign, verify_post_policy_signature,
};
use serde_json::Value;

fn rows(name: &str) -> Vec<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/vectors")
        .join(name);
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    text.lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

fn str_of<'a>(row: &'a Value, field: &str) -> &'a str {
    row[field]
        .as_str()
        .unwrap_or_else(|| panic!("{field} in {row}"))
}

fn pairs(row: &Value, field: &str) -> Vec<(String, String)> {
    row[field]
        .as_array()
        .unwrap()
        .iter()
        .map(|pair| {
            (
                pair[0].as_str().unwrap().to_owned(),
                pair[1].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

type Pairs = [(String, String)];

fn describe<'a>(
    row: &'a Value,
    headers: &'a Pairs,
    query: &'a Pairs,
) -> Request<'a, &'a Pairs, &'a Pairs> {
    let mut request = Request::new(str_of(row, "method"))
        .with_headers(headers)
        .with_query(query);
    if let Some(bucket) = row["bucket"].as_str() {
        request = request.with_bucket(bucket);
    }
    if let Some(key) = row["key"].as_str() {
        request = request.with_key(key);
    }
    request
}

/// The decoded (name, value) pairs of a URL query, as a sorted multiset.
fn decoded_query(raw: &str) -> BTreeMap<(Vec<u8>, Vec<u8>), usize> {
    let mut set = BTreeMap::new();
    for piece in raw.split('&').filter(|piece| !piece.is_empty()) {
        let (name, value) = piece.split_once('=').unwrap_or((piece, ""));
        let decode =
            |text: &str| percent::decode(text.as_bytes(), Plus::Space).collect::<Vec<u8>>();
        *set.entry((decode(name), decode(value))).or_default() += 1;
    }
    set
}

#[test]
fn header_form_matches_both_sdks_and_verifies() {
    let rows = rows("sign.jsonl");
    assert!(rows.len() >= 1000);
    for row in &rows {
        let key = SigningKey::new(str_of(row, "access_key_secret"));
        let creds = Credentials::new(str_of(row, "access_key_id"), &key).unwrap();
        let headers = pairs(row, "headers");
        let query = pairs(row, "query");
        let request = describe(row, &headers, &query);
        let mut sts = Vec::new();
        string_to_sign(&request, Form::header(&creds), &mut sts);
        let auth = sign(&creds, &request);
        assert_eq!(
            String::from_utf8_lossy(&sts),
            str_of(row, "string_to_sign"),
            "{row}"
        );
        assert_eq!(auth.as_str(), str_of(row, "authorization"), "{row}");

        // The same request, received by a server at the time it was signed.
        let date = headers
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case("x-oss-date"))
            .or_else(|| {
                headers
                    .iter()
                    .find(|(name, _)| name.eq_ignore_ascii_case("date"))
            })
            .map(|(_, value)| parse_rfc1123(value).unwrap())
            .unwrap();
        let mut received = headers.clone();
        received.push(("Authorization".into(), auth.to_string()));
        let keys = [(creds.access_key_id(), &key)];
        let verified =
            Verifier::new().verify(&describe(row, &received, &query), date, keys.as_slice());
        assert!(verified.is_ok(), "{row}: {verified:?}");
    }
}

#[test]
fn presigned_urls_match_both_sdks_and_verify() {
    let rows = rows("sign_presign.jsonl");
    assert!(rows.len() >= 1000);
    for row in &rows {
        let key = SigningKey::new(str_of(row, "access_key_secret"));
        let mut creds = Credentials::new(str_of(row, "access_key_id"), &key).unwrap();
        if let Some(token) = row["security_token"].as_str() {
            creds = creds.with_security_token(token);
        }
        let headers = pairs(row, "headers");
        let query = pairs(row, "query");
        let expires = row["expires"].as_u64().unwrap();
        let request = describe(row, &headers, &query);
        let mut sts = Vec::new();
        string_to_sign(&request, Form::presigned(&creds, expires), &mut sts);
        let presigned = presign(&creds, &request, expires);
        assert_eq!(
            String::from_utf8_lossy(&sts),
            str_of(row, "string_to_sign"),
            "{row}"
        );
        assert_eq!(
            presigned.signature().as_str(),
            str_of(row, "signature"),
            "{row}"
        );
        let ours = presigned.query();
        let theirs = str_of(row, "oss2_url_query");
        assert_eq!(decoded_query(&ours), decoded_query(theirs), "{row}");

        // Both URLs verify on the server side, until they expire.
        let keys = [(creds.access_key_id(), &key)];
        for raw in [ours.as_str(), theirs] {
            let mut request = Request::new(str_of(row, "method"))
                .with_headers(headers.as_slice())
                .with_query(RawQuery::new(raw))
                .with_bucket(str_of(row, "bucket"));
            request = request.with_key(str_of(row, "key"));
            let at = |secs: u64| Timestamp::from_unix(i64::try_from(secs).unwrap()).unwrap();
            assert!(
                Verifier::new()
                    .verify(&request, at(expires), keys.as_slice())
                    .is_ok(),
                "{raw}"
            );
            let late = Verifier::new().verify(&request, at(expires + 1), keys.as_slice());
            assert_eq!(late.unwrap_err().code().as_str(), "AccessDenied");
        }
    }
}

#[test]
fn post_policy_signatures() {
    for row in rows("sign_post_policy.jsonl") {
        let key = SigningKey::new(str_of(&row, "access_key_secret"));
        let policy = str_of(&row, "policy");
        assert_eq!(
            post_policy_signature(&key, policy.as_bytes()).as_str(),
            str_of(&row, "signature")
        );
        assert!(
            verify_post_policy_signature(
                &key,
                policy.as_bytes(),
                str_of(&row, "signature").as_bytes()
            )
            .is_ok()
        );
    }
}

#[test]
fn rtmp_urls_match_oss2() {
    for row in rows("sign_rtmp.jsonl") {
        let key = SigningKey::new(str_of(&row, "access_key_secret"));
        let creds = Credentials::new(str_of(&row, "access_key_id"), &key).unwrap();
        let params = pairs(&row, "params");
        let signed = presign_rtmp(
            &creds,
            str_of(&row, "bucket"),
            str_of(&row, "channel"),
            params.as_slice(),
            row["expires"].as_u64().unwrap(),
        );
        assert_eq!(signed.signature().as_str(), str_of(&row, "signature"));
        let mut url = String::new();
        signed
            .write_url("oss-cn-hangzhou.aliyuncs.com", &mut url)
            .unwrap();
        assert_eq!(url, str_of(&row, "url"));
    }
}
