//! Presigned URLs (V1 and V4) and PostObject signatures (V1 and V4), signed from fuzzed
//! parts and verified, plus fuzzed V4 PostObject fields.
//!
//! Input: the first byte picks the expiry; then lines: the method, the object key, the
//! raw query, a header value, the base64 policy, and four V4 form fields.
//!
//! - V4 `presign` refuses an expiry outside 1..=604800 s; otherwise its query verifies
//!   until the expiry, and is refused as expired one second later.
//! - V1 `presign`'s query verifies before `Expires` and is refused after it.
//! - Both only when the fuzzed query names none of the parameters the presigners add (a
//!   second copy can make the verifier read the wrong one).
//! - PostObject: the V1 and V4 policy signatures verify over the policy they signed and
//!   not over another; fuzzed V4 fields never panic, and verify only when they are the
//!   signed ones.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oss_core::naming::Timestamp;
use oss_core::naming::percent::{self, Plus};
use oss_core::sign::v4::{self, PostFields, Product, Scope, ScopedKey, Settings};
use oss_core::sign::{
    Credentials, RawQuery, Request, SigningKey, Verifier, post_policy_signature, presign,
    verify_post_policy_signature,
};

const NOW: i64 = 1_702_743_657;

fn at(secs: i64) -> Timestamp {
    Timestamp::from_unix(secs).expect("in range")
}

/// Whether the query names a parameter that the V1 or V4 presigner adds: a second copy
/// can make the verifier read the wrong one.
fn query_signs(query: &str) -> bool {
    const ADDED: [&[u8]; 11] = [
        b"OSSAccessKeyId",
        b"Expires",
        b"Signature",
        b"security-token",
        b"x-oss-signature-version",
        b"x-oss-credential",
        b"x-oss-date",
        b"x-oss-expires",
        b"x-oss-signature",
        b"x-oss-additional-headers",
        b"x-oss-security-token",
    ];
    query.split('&').any(|param| {
        let name = param.split('=').next().unwrap_or_default();
        let decoded: Vec<u8> = percent::decode(name.as_bytes(), Plus::Space).collect();
        ADDED.contains(&decoded.as_slice())
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&expiry, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let mut lines = text.split('\n');
    let mut next = || lines.next().unwrap_or_default();
    let (method, key, query, meta, policy) = (next(), next(), next(), next(), next());
    let fields = [next(), next(), next(), next()];

    let secret = SigningKey::new("sk");
    let keys = [("ak", &secret)];
    let regions = ["cn-hangzhou"];
    let verifier = Verifier::new().with_regions(&regions);
    let creds = Credentials::new("ak", &secret).expect("valid id");
    let settings = Settings::new("cn-hangzhou").expect("valid region");
    let headers = [("x-oss-meta-m", meta.trim())];
    let request = Request::new(method)
        .with_bucket("b")
        .with_key(key)
        .with_headers(&headers)
        .with_query(RawQuery::new(query));
    let double = query_signs(query);
    macro_rules! received {
        ($query:expr) => {
            Request::new(method)
                .with_bucket("b")
                .with_key(key)
                .with_headers(&headers)
                .with_query(RawQuery::new($query))
        };
    }

    // V4 presigned.
    let expires_in = match expiry % 4 {
        0 => 0,
        1 => 604_801,
        _ => u64::from(expiry) * 2371,
    };
    match v4::presign(&creds, &request, &settings, at(NOW), expires_in) {
        Err(_) => assert!(!(1..=604_800).contains(&expires_in)),
        Ok(presigned) => {
            assert!((1..=604_800).contains(&expires_in));
            let signed = presigned.query();
            let end = NOW + i64::try_from(expires_in).expect("small");
            let verdict = verifier.verify(&received!(&signed), at(end), keys.as_slice());
            assert!(
                verdict.is_ok() || double,
                "{text:?} {signed:?}: {verdict:?}"
            );
            let late = verifier.verify(&received!(&signed), at(end + 1), keys.as_slice());
            assert!(late.is_err(), "{signed:?}");
        }
    }

    // V1 presigned.
    let expires = u64::try_from(NOW).expect("positive") + u64::from(expiry);
    let signed = presign(&creds, &request, expires).query();
    let verdict = verifier.verify(&received!(&signed), at(NOW), keys.as_slice());
    assert!(
        verdict.is_ok() || double,
        "{text:?} {signed:?}: {verdict:?}"
    );
    let late = verifier.verify(
        &received!(&signed),
        at(NOW + i64::from(expiry) + 1),
        keys.as_slice(),
    );
    assert!(late.is_err(), "{signed:?}");

    // PostObject, V1.
    let signature = post_policy_signature(&secret, policy.as_bytes());
    assert!(
        verify_post_policy_signature(&secret, policy.as_bytes(), signature.as_str().as_bytes())
            .is_ok()
    );
    let other = format!("{policy}=");
    assert!(
        verify_post_policy_signature(&secret, other.as_bytes(), signature.as_str().as_bytes())
            .is_err()
    );

    // PostObject, V4: the fuzzed fields, then the signed ones.
    let now = at(NOW);
    let fuzzed = PostFields {
        signature_version: Some(fields[0].as_bytes()).filter(|f| !f.is_empty()),
        credential: Some(fields[1].as_bytes()).filter(|f| !f.is_empty()),
        date: Some(fields[2].as_bytes()).filter(|f| !f.is_empty()),
        signature: Some(fields[3].as_bytes()).filter(|f| !f.is_empty()),
    };
    let _ = v4::verify_post(
        &fuzzed,
        policy.as_bytes(),
        Some(fields[2].as_bytes()),
        &regions,
        now,
        keys.as_slice(),
    );
    let _ = v4::verify_post(
        &fuzzed,
        policy.as_bytes(),
        None,
        &regions,
        now,
        keys.as_slice(),
    );

    let scope = Scope::new(now, "cn-hangzhou", Product::Oss).expect("valid scope");
    let scoped = ScopedKey::derive(&secret, scope);
    let signature = v4::post_policy_signature(&scoped, policy.as_bytes());
    let credential = format!("ak/{}/cn-hangzhou/oss/aliyun_v4_request", scope.day());
    let date = now.compact_iso8601();
    let signed = PostFields {
        signature_version: Some(b"OSS4-HMAC-SHA256"),
        credential: Some(credential.as_bytes()),
        date: Some(date.as_str().as_bytes()),
        signature: Some(signature.as_str().as_bytes()),
    };
    let verdict = v4::verify_post(
        &signed,
        policy.as_bytes(),
        None,
        &regions,
        now,
        keys.as_slice(),
    );
    assert!(verdict.is_ok(), "{policy:?}: {verdict:?}");
    assert!(
        v4::verify_post(
            &signed,
            other.as_bytes(),
            None,
            &regions,
            now,
            keys.as_slice()
        )
        .is_err()
    );
    let fuzzed_verdict = v4::verify_post(
        &fuzzed,
        policy.as_bytes(),
        None,
        &regions,
        now,
        keys.as_slice(),
    );
    if fuzzed_verdict.is_ok() {
        assert_eq!(
            fuzzed.signature.map(<[u8]>::to_ascii_lowercase),
            signed.signature.map(<[u8]>::to_ascii_lowercase)
        );
    }
});
