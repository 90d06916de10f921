//! Every vector of `reference/sdk_signing.md` §2 (SDK tests and docs), plus the note's
//! derived vectors.

use oss_sign::{
    Credentials, Form, RawQuery, Request, SigningKey, post_policy_signature, presign, sign,
    string_to_sign,
};

use std::sync::LazyLock;

const DATE: &str = "Wed, 28 Dec 2022 10:27:41 GMT";

/// Credentials `ak` / `sk`, the pair of the SDK test vectors.
fn ak_sk() -> Credentials<'static> {
    static KEY: LazyLock<SigningKey> = LazyLock::new(|| SigningKey::new("sk"));
    Credentials::new("ak", &KEY).expect("ak is a valid AccessKeyId")
}

fn v1_headers() -> [(&'static str, &'static str); 6] {
    [
        ("Content-MD5", "eB5eJF1ptWaXm4bijSPyxw=="),
        ("Content-Type", "text/html"),
        ("x-oss-meta-author", "alice"),
        ("x-oss-meta-magic", "abracadabra"),
        ("x-oss-date", DATE),
        ("Date", DATE),
    ]
}

#[test]
fn v1_put_with_headers() {
    let creds = ak_sk();
    let headers = v1_headers();
    let request = Request::new("PUT")
        .with_bucket("examplebucket")
        .with_key("nelson")
        .with_headers(&headers);
    let mut sts = Vec::new();
    string_to_sign(&request, Form::header(&creds), &mut sts);
    let auth = sign(&creds, &request);
    assert_eq!(
        sts,
        "PUT\neB5eJF1ptWaXm4bijSPyxw==\ntext/html\nWed, 28 Dec 2022 10:27:41 GMT\nx-oss-date:Wed, 28 Dec 2022 10:27:41 GMT\nx-oss-meta-author:alice\nx-oss-meta-magic:abracadabra\n/examplebucket/nelson"
            .as_bytes()
    );
    assert_eq!(auth.as_str(), "OSS ak:kSHKmLxlyEAKtZPkJhG9bZb5k7M=");
}

#[test]
fn v2_with_acl() {
    let creds = ak_sk();
    let headers = v1_headers();
    let request = Request::new("PUT")
        .with_bucket("examplebucket")
        .with_key("nelson")
        .with_headers(&headers)
        .with_query(RawQuery::new("acl"));
    assert_eq!(
        sign(&creds, &request).as_str(),
        "OSS ak:/afkugFbmWDQ967j1vr6zygBLQk="
    );
}

#[test]
fn v3_v4_bucket_subresources_unsigned_parameter() {
    let creds = ak_sk();
    let headers = [("x-oss-date", DATE)];
    let v3 = Request::new("GET")
        .with_bucket("examplebucket")
        .with_headers(&headers)
        .with_query(RawQuery::new("resourceGroup&non-resousce=null"));
    let mut sts = Vec::new();
    string_to_sign(&v3, Form::header(&creds), &mut sts);
    assert_eq!(
        sign(&creds, &v3).as_str(),
        "OSS ak:vkQmfuUDyi1uDi3bKt67oemssIs="
    );
    assert_eq!(sts, b"GET\n\n\nWed, 28 Dec 2022 10:27:41 GMT\nx-oss-date:Wed, 28 Dec 2022 10:27:41 GMT\n/examplebucket/?resourceGroup");
    let v4 = v3.with_query(RawQuery::new("resourceGroup&acl"));
    assert_eq!(
        sign(&creds, &v4).as_str(),
        "OSS ak:x3E5TgOvl/i7PN618s5mEvpJDYk="
    );
}

#[test]
fn q1_q2_presigned_urls() {
    let creds = ak_sk();
    let query = [("versionId", "versionId")];
    let q1 = Request::new("GET")
        .with_bucket("bucket")
        .with_key("key")
        .with_query(&query);
    assert_eq!(
        presign(&creds, &q1, 1_699_807_420).url("http://oss-cn-hangzhou.aliyuncs.com"),
        "http://bucket.oss-cn-hangzhou.aliyuncs.com/key?Expires=1699807420&OSSAccessKeyId=ak&Signature=dcLTea%2BYh9ApirQ8o8dOPqtvJXQ%3D&versionId=versionId"
    );
    let sts_creds = creds.with_security_token("token");
    let q2 = Request::new("GET")
        .with_bucket("bucket")
        .with_key("key+123")
        .with_query(&query);
    let mut sts = Vec::new();
    string_to_sign(&q2, Form::presigned(&sts_creds, 1_699_808_204), &mut sts);
    let presigned = presign(&sts_creds, &q2, 1_699_808_204);
    assert_eq!(
        sts,
        b"GET\n\n\n1699808204\n/bucket/key+123?security-token=token&versionId=versionId"
    );
    assert_eq!(
        presigned.url("http://oss-cn-hangzhou.aliyuncs.com"),
        "http://bucket.oss-cn-hangzhou.aliyuncs.com/key%2B123?Expires=1699808204&OSSAccessKeyId=ak&Signature=jzKYRrM5y6Br0dRFPaTGOsbrDhY%3D&security-token=token&versionId=versionId"
    );
}

#[test]
fn q3_decoded_values_and_signed_headers() {
    let creds = ak_sk().with_security_token("token");
    let headers = [
        ("x-oss-head1", "value"),
        ("abc", "value"),
        ("ZAbc", "value"),
        ("XYZ", "value"),
        ("content-type", "application/octet-stream"),
    ];
    let query = RawQuery::new(
        "versionId=versionId?param1=value1&%2Bparam1=value3&response-content-disposition=attachment%3B%20filename%3Dexample.txt",
    );
    let request = Request::new("GET")
        .with_bucket("bucket")
        .with_key("key")
        .with_headers(&headers)
        .with_query(query);
    let mut sts = Vec::new();
    string_to_sign(&request, Form::presigned(&creds, 1_699_808_204), &mut sts);
    let presigned = presign(&creds, &request, 1_699_808_204);
    assert_eq!(
        String::from_utf8(sts).unwrap(),
        "GET\n\napplication/octet-stream\n1699808204\nx-oss-head1:value\n/bucket/key?response-content-disposition=attachment; filename=example.txt&security-token=token&versionId=versionId?param1=value1"
    );
    assert_eq!(
        presigned.signature().as_str(),
        "3GJoEOv5LX2ASp0HJk/hAk+qLJc="
    );
    assert!(
        presigned
            .query()
            .contains("Signature=3GJoEOv5LX2ASp0HJk%2FhAk%2BqLJc%3D")
    );
}

#[test]
fn j1_java_presign_with_content_headers() {
    let key = SigningKey::new("key");
    let creds = Credentials::new("id", &key).unwrap();
    let headers = [("Content-MD5", "md5"), ("Content-Type", "type")];
    let request = Request::new("GET")
        .with_bucket("bucket")
        .with_key("key")
        .with_headers(&headers);
    assert_eq!(
        presign(&creds, &request, 1_422_720_000).query(),
        "Expires=1422720000&OSSAccessKeyId=id&Signature=XA8ThdVKdJQ4vlkoggdzCs5s1RY%3D"
    );
}

#[test]
fn d1_d2_docs_examples() {
    let key = SigningKey::new("OtxrzxIsfpFjA7SwPzILwy8Bw21TLhquhboDYROV");
    let creds = Credentials::new("44CF9590006BF252F707", &key).unwrap();
    let headers = [
        (
            "Content-MD5",
            "ODBGOERFMDMzQTczRUY3NUE3NzA5QzdFNUYzMDQxNEM=",
        ),
        ("Content-Type", "text/html"),
        ("Date", "Thu, 17 Nov 2005 18:49:58 GMT"),
        ("X-OSS-Meta-Author", "foo@bar.com"),
        ("X-OSS-Magic", "abracadabra"),
    ];
    let d1 = Request::new("PUT")
        .with_bucket("oss-example")
        .with_key("nelson")
        .with_headers(&headers);
    assert_eq!(
        sign(&creds, &d1).as_str(),
        "OSS 44CF9590006BF252F707:26NBxoKdsyly4EDv6inkoDft/yA="
    );
    // The docs print vjbyPxybdZaNmGa%2ByT272YEAiv4%3D here, which is wrong (see the note).
    let d2 = Request::new("GET")
        .with_bucket("oss-example")
        .with_key("oss-api.pdf");
    assert_eq!(
        presign(&creds, &d2, 1_141_889_120).signature().as_str(),
        "EwaNTn1erJGkimiJ9WmXgwnANLc="
    );
}

#[test]
fn p1_p2_post_policies() {
    let key = SigningKey::new("BBBBBBBBBBBBBBBBBBBBBBBBBBBBBB");
    let p1 = "eyJleHBpcmF0aW9uIjoiMjAyMC0wMy0xOVQwMzo0NDowNi40NzZaIiwiY29uZGl0aW9ucyI6W3siYnVja2V0IjoiZ2VuLXBvc3QtcG9saWN5In0sWyJlcSIsIiRrZXkiLCJ1c2VyXC9lcmljXC9cXCR7ZmlsZW5hbWV9Il0sWyJzdGFydHMtd2l0aCIsIiRrZXkiLCJ1c2VyXC9lcmljIl0sWyJzdGFydHMtd2l0aCIsIiR4LW9zcy1tZXRhLXRhZyIsImR1bW15X2V0YWciXSxbImNvbnRlbnQtbGVuZ3RoLXJhbmdlIiwxLDEwMjRdXX0=";
    let p2 = "eyJleHBpcmF0aW9uIjoiMjAyMC0wMy0xOVQwMzo0NDowNi40NzZaIiwiY29uZGl0aW9ucyI6W3siYnVja2V0IjoiZ2VuLXBvc3QtcG9saWN5In0sWyJzdGFydHMtd2l0aCIsIiRrZXkiLCJ1c2VyXC9lcmljIl0sWyJzdGFydHMtd2l0aCIsIiR4LW9zcy1tZXRhLXRhZyIsImR1bW15X2V0YWciXSxbImNvbnRlbnQtbGVuZ3RoLXJhbmdlIiwxLDEwMjRdLFsiaW4iLCIkY29udGVudC10eXBlIixbImltYWdlXC9qcGciLCJpbWFnZVwvcG5nIl1dLFsibm90LWluIiwiJGNhY2hlLWNvbnRyb2wiLFsibm8tY2FjaGUiXV1dfQ==";
    assert_eq!(
        post_policy_signature(&key, p1.as_bytes()).as_str(),
        "9fs2TRS2W2k5hV8mLsvqZBnlC2M="
    );
    assert_eq!(
        post_policy_signature(&key, p2.as_bytes()).as_str(),
        "/yrk/7alTmdIh9a3YOkkIcKYlbA="
    );
}

#[test]
fn h1_raw_hmac() {
    let data = "/ListTable\nDate=Mon%2C%2028%20Nov%202011%2014%3A02%3A46%20GMT&OTSAccessKeyId=csdev&APIVersion=1&SignatureMethod=HmacSHA1&SignatureVersion=1";
    assert_eq!(
        SigningKey::new("csdev").sign(data.as_bytes()).as_str(),
        "3mAoxRc8hd7WdaFB5Ii7dGNcwx0="
    );
}

#[test]
fn derived_sts_header_form() {
    let creds = ak_sk().with_security_token("token");
    let headers = v1_headers();
    let request = Request::new("PUT")
        .with_bucket("examplebucket")
        .with_key("nelson")
        .with_headers(&headers);
    let mut sts = Vec::new();
    string_to_sign(&request, Form::header(&creds), &mut sts);
    let auth = sign(&creds, &request);
    assert!(String::from_utf8(sts).unwrap().contains(
        "x-oss-meta-magic:abracadabra\nx-oss-security-token:token\n/examplebucket/nelson"
    ));
    assert_eq!(auth.signature().as_str(), "H3PAlN3Vucn74tPVEqaQC4AnLwQ=");
}

#[test]
fn derived_utf8_key_and_decoded_values() {
    let creds = ak_sk();
    let headers = [("Date", DATE)];
    let query = [
        ("partNumber", "1"),
        ("uploadId", "0004B9894A22E5B1888A1E29F823****"),
    ];
    let utf8 = Request::new("GET")
        .with_bucket("examplebucket")
        .with_key("中文/对象.txt")
        .with_headers(&headers)
        .with_query(&query);
    assert_eq!(
        sign(&creds, &utf8).signature().as_str(),
        "JOBHj67/wSKFbQnb0FC91JdByqU="
    );
    // The same key read from a URL path, percent-encoded.
    let encoded = Request::new("GET")
        .with_bucket("examplebucket")
        .with_encoded_key("%E4%B8%AD%E6%96%87/%E5%AF%B9%E8%B1%A1.txt")
        .with_headers(&headers)
        .with_query(&query);
    assert_eq!(
        sign(&creds, &encoded).signature().as_str(),
        "JOBHj67/wSKFbQnb0FC91JdByqU="
    );

    let query = RawQuery::new(
        "response-content-disposition=attachment%3B%20filename%3D%22x%20y.txt%22&x-oss-process=image%2Fresize%2Cw_100",
    );
    let dec = Request::new("GET")
        .with_bucket("bucket")
        .with_key("a b+c.txt")
        .with_query(query);
    assert_eq!(
        presign(&creds, &dec, 1_699_807_420).signature().as_str(),
        "TlkX0xTJ0yVgVQptVs7aW9l70R0="
    );
}
