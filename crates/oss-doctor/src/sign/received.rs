//! What a received request says about its own signature, for the messages and the
//! diagnosis, read by oss-sign: how it is signed ([`AuthMethod::of`], as the Verifier
//! tells) and, for V4, the items of its `Authorization` header
//! ([`AuthorizationItems::parse`]) or its presigning parameters.

use oss_core::sign::AuthMethod;
use oss_core::sign::v4::{self, AuthorizationItems, DATE_HEADER};

use super::request::{Described, decoded};
use super::v4::Version;

/// The presigning parameters of a V4 URL, in the order the SDKs write them.
pub(super) const V4_QUERY_PARAMS: [&str; 7] = v4::PRESIGN_PARAMS;

/// How the request is signed, as a server tells from the request itself.
pub(super) fn method(described: &Described) -> AuthMethod {
    AuthMethod::of(&described.request())
}

/// The signature version of a way of signing, unless anonymous.
pub(super) const fn version(method: AuthMethod) -> Option<Version> {
    match method {
        AuthMethod::Header | AuthMethod::Query => Some(Version::V1),
        AuthMethod::HeaderV4 | AuthMethod::QueryV4 | AuthMethod::PostV4 => Some(Version::V4),
        _ => None,
    }
}

/// What a person calls a way of signing.
pub(super) const fn describe(method: AuthMethod) -> &'static str {
    match method {
        AuthMethod::Header => "signed with V1 in the Authorization header",
        AuthMethod::Query => "presigned with V1 (OSSAccessKeyId, Expires, Signature)",
        AuthMethod::HeaderV4 => "signed with V4 in the Authorization header",
        AuthMethod::QueryV4 => "presigned with V4 (x-oss-signature-version, x-oss-credential, ...)",
        AuthMethod::PostV4 => "signed with V4 in a PostObject form",
        _ => "not signed",
    }
}

/// The request's `Authorization` value (the first).
fn authorization(described: &Described) -> Option<&str> {
    described
        .headers
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("authorization"))
        .map(|(_, value)| value.as_str())
}

/// The decoded value of a query parameter (the first).
fn query_value(described: &Described, name: &str) -> Option<String> {
    decoded(described.params())
        .into_iter()
        .find(|(n, _)| n == name)
        .map(|(_, value)| value)
}

/// A V4 field the request carries: the `Authorization` item `item` picks (none when
/// oss-sign refuses the items), or the query parameter `param`.
fn v4_field<'d>(
    described: &'d Described,
    item: impl FnOnce(&AuthorizationItems<'d>) -> Option<&'d [u8]>,
    param: &str,
) -> Option<String> {
    match method(described) {
        AuthMethod::HeaderV4 => authorization(described)
            .and_then(|value| AuthorizationItems::parse(value.as_bytes()).ok())
            .as_ref()
            .and_then(item)
            .map(|bytes| String::from_utf8_lossy(bytes).into_owned()),
        AuthMethod::QueryV4 => query_value(described, param),
        _ => None,
    }
}

/// The V4 credential the request carries, as sent.
pub(super) fn v4_credential(described: &Described) -> Option<String> {
    v4_field(
        described,
        |items| Some(items.credential()),
        v4::CREDENTIAL_PARAM,
    )
}

/// The region a V4 credential names, to quote: oss-sign's reading or, for a credential it
/// refuses (it does not say which piece is at fault), the third '/'-separated piece.
pub(super) fn credential_region(text: &str) -> Option<&str> {
    match v4::Credential::parse(text.as_bytes(), None) {
        Ok(credential) => Some(credential.scope().region()),
        Err(_) => text.split('/').nth(2),
    }
}

/// The V4 signature the request carries.
pub(super) fn v4_signature(described: &Described) -> Option<String> {
    v4_field(
        described,
        |items| Some(items.signature()),
        v4::SIGNATURE_PARAM,
    )
}

/// The additional headers the request names (`AdditionalHeaders` item or
/// `x-oss-additional-headers`).
pub(super) fn v4_additional_headers(described: &Described) -> Vec<String> {
    v4_field(
        described,
        AuthorizationItems::additional_headers,
        v4::ADDITIONAL_HEADERS_PARAM,
    )
    .map(|list| {
        list.split(';')
            .filter(|name| !name.is_empty())
            .map(str::to_owned)
            .collect()
    })
    .unwrap_or_default()
}

/// The V4 signing time the request carries: `x-oss-date` (header, or query parameter for
/// a presigned URL).
pub(super) fn v4_date(described: &Described) -> Option<String> {
    match method(described) {
        AuthMethod::QueryV4 => query_value(described, DATE_HEADER),
        _ => described
            .headers
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(DATE_HEADER))
            .map(|(_, value)| value.clone()),
    }
}

/// `x-oss-expires` of a presigned V4 URL.
pub(super) fn v4_expires(described: &Described) -> Option<String> {
    query_value(described, v4::EXPIRES_PARAM)
}

#[cfg(test)]
mod tests {
    use oss_core::naming::Timestamp;
    use oss_core::sign::v4::{ALGORITHM, Settings};
    use oss_core::sign::{Credentials, RawQuery, Request, SigningKey};

    use super::*;

    #[test]
    fn the_v4_query_parameters_are_those_oss_sign_presigns() {
        let key = SigningKey::new("sk");
        let creds = Credentials::new("ak", &key)
            .unwrap()
            .with_security_token("token");
        let headers = [("h", "v")];
        let names = ["h"];
        let settings = Settings::new("cn-hangzhou")
            .unwrap()
            .with_additional_headers(&names)
            .unwrap();
        let request = Request::new("GET").with_headers(&headers);
        let now = Timestamp::from_unix(1_702_743_657).unwrap();
        let presigned = v4::presign(&creds, &request, &settings, now, 600).unwrap();
        let query = presigned.query();
        let mut buf = [0u8; 128];
        let written: Vec<(String, String)> = RawQuery::new(&query)
            .into_iter()
            .map(|param| {
                let mut name = [0u8; 64];
                let name = String::from_utf8_lossy(param.decode_name(&mut name).unwrap());
                let value = String::from_utf8_lossy(param.decode_value(&mut buf).unwrap());
                (name.into_owned(), value.into_owned())
            })
            .collect();
        let value = |name: &str| {
            written
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, value)| value.as_str())
        };
        let mut sorted: Vec<&str> = written.iter().map(|(name, _)| name.as_str()).collect();
        sorted.sort_unstable();
        let mut expected = V4_QUERY_PARAMS;
        expected.sort_unstable();
        assert_eq!(sorted, expected);
        assert_eq!(value(v4::SIGNATURE_VERSION_PARAM), Some(ALGORITHM));
        assert_eq!(
            value(v4::CREDENTIAL_PARAM),
            Some("ak/20231216/cn-hangzhou/oss/aliyun_v4_request")
        );
        assert_eq!(value(v4::EXPIRES_PARAM), Some("600"));
        assert_eq!(value(v4::ADDITIONAL_HEADERS_PARAM), Some("h"));
        assert_eq!(
            value(v4::SIGNATURE_PARAM),
            Some(presigned.signature().as_str())
        );
    }
}
