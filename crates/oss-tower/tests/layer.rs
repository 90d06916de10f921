//! The layer in front of a handler, driven with `tower::ServiceExt::oneshot`.

use core::convert::Infallible;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use bytes::Bytes;
use http::{Method, Request, Response};
use http_body_util::{BodyExt, Full};
use oss_errors::xml::ErrorXml;
use oss_naming::Timestamp;
use oss_sign::v4::{self, Settings};
use oss_sign::{
    Addressing, AuthMethod, Credentials, Form, RawQuery, SigningKey, sign_http_request,
    sign_http_request_v4, string_to_sign,
};
use oss_tower::{AuthSettings, Identity, KeyStore, OssAuthLayer, RequestId, VirtualHosts};
use tower::{Layer, ServiceExt, service_fn};

const NOW: i64 = 1_700_000_000;

fn now() -> Timestamp {
    Timestamp::from_unix(NOW).expect("in range")
}

fn settings() -> AuthSettings<KeyStore> {
    AuthSettings::new(KeyStore::new().with_key("AKID", "secret"))
        .with_regions(["cn-hangzhou"])
        .with_host_id("oss-cn-hangzhou.aliyuncs.com")
        .with_clock(|| Timestamp::from_unix(NOW))
}

/// Answers with who signed, as the handler saw it.
async fn handler(request: Request<()>) -> Result<Response<Full<Bytes>>, Infallible> {
    let identity = request.extensions().get::<Identity>().expect("identity");
    assert!(request.extensions().get::<RequestId>().is_some());
    let text = format!(
        "{:?} {}",
        identity.method(),
        identity.access_key_id().unwrap_or("-")
    );
    Ok(Response::new(Full::from(text)))
}

struct Answer {
    status: u16,
    headers: http::HeaderMap,
    body: String,
}

impl Answer {
    /// An element of the XML error document in `xml` (the body, or `x-oss-err` decoded).
    fn element(xml: &str, name: &str) -> Option<String> {
        ErrorXml::parse(xml)
            .expect("an OSS error document")
            .fields()
            .find(|(field, _)| *field == name)
            .map(|(_, value)| value.to_cow().into_owned())
    }

    fn field(&self, name: &str) -> Option<String> {
        Self::element(&self.body, name)
    }
}

async fn send(
    settings: AuthSettings<KeyStore, impl oss_tower::BucketResolver>,
    request: Request<()>,
) -> Answer {
    let service = OssAuthLayer::new(settings).layer(service_fn(handler));
    let response = service.oneshot(request).await.expect("infallible");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    Answer {
        status,
        headers,
        body: String::from_utf8(body.to_vec()).expect("utf-8"),
    }
}

fn signed_v1(secret: &str) -> Request<()> {
    let key = SigningKey::new(secret);
    let creds = Credentials::new("AKID", &key).expect("id");
    let mut request = Request::put("http://127.0.0.1:9000/bucket/dir/a%20b.txt?acl")
        .header("date", now().rfc1123().to_string())
        .header("content-type", "text/plain")
        .body(())
        .expect("request");
    sign_http_request(&creds, &mut request, Addressing::PathStyle).expect("signed");
    request
}

fn signed_v4(secret: &str) -> Request<()> {
    let key = SigningKey::new(secret);
    let creds = Credentials::new("AKID", &key).expect("id");
    let settings = Settings::new("cn-hangzhou").expect("region");
    let mut request = Request::get("http://127.0.0.1:9000/bucket/key?list-type=2")
        .body(())
        .expect("request");
    sign_http_request_v4(
        &creds,
        &mut request,
        Addressing::PathStyle,
        &settings,
        now(),
    )
    .expect("signed");
    request
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime")
}

#[test]
fn v1_and_v4_signed_requests_reach_the_handler_with_their_signer() {
    runtime().block_on(async {
        let answer = send(settings(), signed_v1("secret")).await;
        assert_eq!((answer.status, answer.body.as_str()), (200, "Header AKID"));
        assert_eq!(answer.headers["x-oss-request-id"].len(), 24);
        let answer = send(settings(), signed_v4("secret")).await;
        assert_eq!(
            (answer.status, answer.body.as_str()),
            (200, "HeaderV4 AKID")
        );
    });
}

#[test]
fn anonymous_requests_are_refused_unless_allowed() {
    runtime().block_on(async {
        let request = || Request::get("/bucket/key").body(()).expect("request");
        let answer = send(settings(), request()).await;
        assert_eq!(answer.status, 403);
        assert_eq!(answer.field("Code").as_deref(), Some("AccessDenied"));
        assert_eq!(
            answer.field("RequestId").as_deref(),
            answer.headers["x-oss-request-id"].to_str().ok()
        );
        assert_eq!(answer.headers["content-type"], "application/xml");
        let answer = send(settings().allow_anonymous(true), request()).await;
        assert_eq!((answer.status, answer.body.as_str()), (200, "Anonymous -"));
    });
}

#[test]
fn a_v1_mismatch_reports_the_string_to_sign_the_server_computed() {
    runtime().block_on(async {
        let request = signed_v1("wrong");
        let (parts, ()) = request.into_parts();
        let mut expected = Vec::new();
        let described = oss_sign::http_request(
            &parts.method,
            &parts.uri,
            &parts.headers,
            Addressing::PathStyle,
        );
        string_to_sign(&described, Form::Received, &mut expected);
        let answer = send(settings(), Request::from_parts(parts, ())).await;
        assert_eq!(answer.status, 403);
        assert_eq!(
            answer.field("Code").as_deref(),
            Some("SignatureDoesNotMatch")
        );
        let field = |name: &str| answer.field(name);
        let expected = String::from_utf8(expected).expect("utf-8");
        assert_eq!(field("StringToSign").as_deref(), Some(expected.as_str()));
        assert!(expected.ends_with("/bucket/dir/a b.txt?acl"));
        assert_eq!(field("OSSAccessKeyId").as_deref(), Some("AKID"));
        assert!(field("SignatureProvided").is_some_and(|signature| signature.len() == 28));
        let bytes = field("StringToSignBytes").expect("bytes");
        assert!(bytes.starts_with("50 55 54 0A"), "{bytes}"); // "PUT\n"
    });
}

#[test]
fn a_v4_mismatch_reports_the_canonical_request() {
    runtime().block_on(async {
        let answer = send(settings(), signed_v4("wrong")).await;
        assert_eq!(answer.status, 403);
        assert_eq!(
            answer.field("Code").as_deref(),
            Some("SignatureDoesNotMatch")
        );
        let canonical = answer.field("CanonicalRequest").expect("CanonicalRequest");
        assert!(
            canonical.starts_with("GET\n/bucket/key\nlist-type=2\n"),
            "{canonical}"
        );
        assert!(answer.body.contains("<StringToSign>OSS4-HMAC-SHA256\n"));
    });
}

#[test]
fn a_region_not_served_is_refused_with_its_ec() {
    runtime().block_on(async {
        let answer = send(settings().with_regions(["cn-beijing"]), signed_v4("secret")).await;
        assert_eq!(answer.status, 400);
        assert!(
            answer
                .body
                .contains("Invalid signing region in Authorization header.")
        );
    });
}

#[test]
fn head_errors_travel_in_x_oss_err() {
    runtime().block_on(async {
        let request = Request::head("/bucket/key").body(()).expect("request");
        let answer = send(settings(), request).await;
        assert_eq!(answer.status, 403);
        assert!(answer.body.is_empty());
        let xml = STANDARD
            .decode(answer.headers["x-oss-err"].as_bytes())
            .expect("base64");
        let xml = String::from_utf8(xml).expect("utf-8");
        assert_eq!(
            Answer::element(&xml, "Code").as_deref(),
            Some("AccessDenied")
        );
    });
}

#[test]
fn presigned_v4_urls_pass_until_they_expire() {
    runtime().block_on(async {
        let key = SigningKey::new("secret");
        let creds = Credentials::new("AKID", &key).expect("id");
        let settings_v4 = Settings::new("cn-hangzhou").expect("region");
        let unsigned = oss_sign::Request::new("GET")
            .with_bucket("bucket")
            .with_key("k")
            .with_query(RawQuery::new(""));
        let presigned = v4::presign(&creds, &unsigned, &settings_v4, now(), 60).expect("presigned");
        let url = format!("http://127.0.0.1:9000/bucket/k?{}", presigned.query());
        let request = || Request::get(url.as_str()).body(()).expect("request");
        let answer = send(settings(), request()).await;
        assert_eq!((answer.status, answer.body.as_str()), (200, "QueryV4 AKID"));
        let later = settings().with_clock(|| Timestamp::from_unix(NOW + 61));
        let answer = send(later, request()).await;
        assert_eq!(answer.status, 403);
        assert!(
            answer.body.contains("<Code>AccessDenied</Code>"),
            "{}",
            answer.body
        );
    });
}

#[test]
fn virtual_hosted_requests_sign_their_bucket_from_the_host() {
    runtime().block_on(async {
        let key = SigningKey::new("secret");
        let creds = Credentials::new("AKID", &key).expect("id");
        let mut request = Request::get("http://bucket.oss-cn-hangzhou.aliyuncs.com/key")
            .header("host", "bucket.oss-cn-hangzhou.aliyuncs.com")
            .header("date", now().rfc1123().to_string())
            .body(())
            .expect("request");
        sign_http_request(&creds, &mut request, Addressing::VirtualHosted("bucket"))
            .expect("signed");
        let hosts = VirtualHosts::new(["oss-cn-hangzhou.aliyuncs.com"]);
        let answer = send(settings().with_resolver(hosts), request).await;
        assert_eq!((answer.status, answer.body.as_str()), (200, "Header AKID"));
    });
}

#[test]
fn a_request_id_the_handler_set_is_kept() {
    runtime().block_on(async {
        let service = OssAuthLayer::new(settings().allow_anonymous(true)).layer(service_fn(
            |_: Request<()>| async {
                let mut response = Response::new(Full::<Bytes>::default());
                response
                    .headers_mut()
                    .insert("x-oss-request-id", http::HeaderValue::from_static("MINE"));
                Ok::<_, Infallible>(response)
            },
        ));
        let request = Request::builder()
            .method(Method::GET)
            .uri("/")
            .body(())
            .expect("request");
        let response = service.oneshot(request).await.expect("infallible");
        assert_eq!(response.headers()["x-oss-request-id"], "MINE");
        assert_eq!(AuthMethod::Anonymous, Identity::anonymous().method());
    });
}

#[test]
fn a_skewed_request_gets_both_clocks() {
    runtime().block_on(async {
        let late = settings().with_clock(|| Timestamp::from_unix(NOW + 16 * 60));
        let answer = send(late, signed_v1("secret")).await;
        assert_eq!(answer.status, 403);
        assert_eq!(
            answer.field("Code").as_deref(),
            Some("RequestTimeTooSkewed")
        );
        assert_eq!(
            answer.field("MaxAllowedSkewMilliseconds").as_deref(),
            Some("900000")
        );
        assert_eq!(
            answer.field("RequestTime").as_deref(),
            Some("2023-11-14T22:13:20.000Z")
        );
        assert_eq!(
            answer.field("ServerTime").as_deref(),
            Some("2023-11-14T22:29:20.000Z")
        );
        assert_eq!(
            answer.field("HostId").as_deref(),
            Some("oss-cn-hangzhou.aliyuncs.com")
        );
    });
}
