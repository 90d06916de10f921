//! What a received request says about its own signature: the scheme (V1 or V4, header or
//! query) and, for V4, the credential and the signature it carries. oss-sign reads the same
//! things while verifying; these readings serve the messages and the diagnosis.

use oss_core::sign::v4::ALGORITHM;

use super::request::{Described, decoded};
use super::v4::Version;

/// How a request is signed, as a server tells from the request itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Scheme {
    /// Neither an `Authorization` header nor presigning parameters.
    Anonymous,
    /// `Authorization: OSS id:signature`.
    V1Header,
    /// `OSSAccessKeyId`, `Expires`, `Signature`.
    V1Query,
    /// `Authorization: OSS4-HMAC-SHA256 ...`.
    V4Header,
    /// `x-oss-signature-version`, `x-oss-credential`, `x-oss-signature`, ...
    V4Query,
}

/// The presigning parameters of a V4 URL, in the order the SDKs write them.
pub(super) const V4_QUERY_PARAMS: [&str; 7] = [
    "x-oss-signature-version",
    "x-oss-credential",
    "x-oss-date",
    "x-oss-expires",
    "x-oss-security-token",
    "x-oss-additional-headers",
    "x-oss-signature",
];

impl Scheme {
    /// Reads the scheme off the request (the header wins over the query, as on OSS).
    pub(super) fn of(described: &Described) -> Self {
        if let Some(value) = authorization(described) {
            return if is_v4_authorization(value) {
                Self::V4Header
            } else {
                Self::V1Header
            };
        }
        let params = decoded(described.params());
        let has = |names: &[&str]| {
            params
                .iter()
                .any(|(name, _)| names.contains(&name.as_str()))
        };
        if has(&[
            "x-oss-signature-version",
            "x-oss-signature",
            "x-oss-credential",
        ]) {
            Self::V4Query
        } else if has(&["OSSAccessKeyId", "Expires", "Signature"]) {
            Self::V1Query
        } else {
            Self::Anonymous
        }
    }

    /// The signature version, unless anonymous.
    pub(super) const fn version(self) -> Option<Version> {
        match self {
            Self::Anonymous => None,
            Self::V1Header | Self::V1Query => Some(Version::V1),
            Self::V4Header | Self::V4Query => Some(Version::V4),
        }
    }

    /// What a person calls it.
    pub(super) const fn describe(self) -> &'static str {
        match self {
            Self::Anonymous => "not signed",
            Self::V1Header => "signed with V1 in the Authorization header",
            Self::V1Query => "presigned with V1 (OSSAccessKeyId, Expires, Signature)",
            Self::V4Header => "signed with V4 in the Authorization header",
            Self::V4Query => "presigned with V4 (x-oss-signature-version, x-oss-credential, ...)",
        }
    }
}

/// The request's `Authorization` value (the first).
pub(super) fn authorization(described: &Described) -> Option<&str> {
    described
        .headers
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("authorization"))
        .map(|(_, value)| value.as_str())
}

/// Whether an `Authorization` value is a V4 one: the algorithm, then a space or nothing.
fn is_v4_authorization(value: &str) -> bool {
    value
        .trim_start()
        .strip_prefix(ALGORITHM)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}

/// An item (`Credential`, `AdditionalHeaders`, `Signature`) of a V4 `Authorization` value.
fn header_item<'d>(described: &'d Described, item: &str) -> Option<&'d str> {
    let value = authorization(described).filter(|value| is_v4_authorization(value))?;
    let rest = value.trim().strip_prefix(ALGORITHM)?;
    rest.split(',').find_map(|piece| {
        let (name, value) = piece.trim().split_once('=')?;
        (name == item).then_some(value)
    })
}

/// The decoded value of a query parameter (the first).
fn query_value(described: &Described, name: &str) -> Option<String> {
    decoded(described.params())
        .into_iter()
        .find(|(n, _)| n == name)
        .map(|(_, value)| value)
}

/// The pieces of a V4 credential, `id/YYYYMMDD/region/product/aliyun_v4_request`.
#[derive(Clone, Debug)]
pub(super) struct V4Credential {
    pub(super) text: String,
    pub(super) day: Option<String>,
    pub(super) region: Option<String>,
    pub(super) product: Option<String>,
    pub(super) terminator: Option<String>,
    /// More than five pieces.
    pub(super) extra: bool,
}

impl V4Credential {
    fn parse(text: &str) -> Self {
        let mut pieces = text.split('/').skip(1).map(str::to_owned);
        Self {
            text: text.to_owned(),
            day: pieces.next(),
            region: pieces.next(),
            product: pieces.next(),
            terminator: pieces.next(),
            extra: pieces.next().is_some(),
        }
    }
}

/// The V4 credential the request carries (header item or query parameter).
pub(super) fn v4_credential(described: &Described) -> Option<V4Credential> {
    match Scheme::of(described) {
        Scheme::V4Header => header_item(described, "Credential").map(V4Credential::parse),
        Scheme::V4Query => {
            query_value(described, "x-oss-credential").map(|text| V4Credential::parse(&text))
        }
        _ => None,
    }
}

/// The V4 signature the request carries.
pub(super) fn v4_signature(described: &Described) -> Option<String> {
    match Scheme::of(described) {
        Scheme::V4Header => header_item(described, "Signature").map(str::to_owned),
        Scheme::V4Query => query_value(described, "x-oss-signature"),
        _ => None,
    }
}

/// The additional headers the request names (`AdditionalHeaders` item or
/// `x-oss-additional-headers`).
pub(super) fn v4_additional_headers(described: &Described) -> Vec<String> {
    let list = match Scheme::of(described) {
        Scheme::V4Header => header_item(described, "AdditionalHeaders").map(str::to_owned),
        Scheme::V4Query => query_value(described, "x-oss-additional-headers"),
        _ => None,
    };
    list.map(|list| {
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
    match Scheme::of(described) {
        Scheme::V4Query => query_value(described, "x-oss-date"),
        _ => described
            .headers
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case("x-oss-date"))
            .map(|(_, value)| value.clone()),
    }
}

/// `x-oss-expires` of a presigned V4 URL.
pub(super) fn v4_expires(described: &Described) -> Option<String> {
    query_value(described, "x-oss-expires")
}
