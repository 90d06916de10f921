//! Which query parameters are part of the CanonicalizedResource.

/// Every sub-resource name some official SDK signs (the union of their lists), sorted
/// bytewise so lookups can binary-search. Query names starting with `x-oss-` are signed
/// too (see [`is_signed`]); the `x-oss-` names here are listed for documentation only.
///
/// Parameters such as `prefix`, `marker`, `max-keys`, `delimiter`, `encoding-type`,
/// `OSSAccessKeyId`, `Expires` and `Signature` are not signed.
///
/// ```
/// use oss_sign::SIGNED_SUBRESOURCES;
/// assert!(SIGNED_SUBRESOURCES.binary_search(&"uploadId").is_ok());
/// assert!(SIGNED_SUBRESOURCES.binary_search(&"max-keys").is_err());
/// ```
pub const SIGNED_SUBRESOURCES: &[&str] = &[
    "MetaQuery",
    "accessPoint",
    "accessPointConfigForObjectProcess",
    "accessPointForObjectProcess",
    "accessPointPolicy",
    "accessPointPolicyForObjectProcess",
    "acl",
    "append",
    "asyncFetch",
    "bucketArchiveDirectRead",
    "bucketInfo",
    "callback",
    "callback-var",
    "cleanRestoredObject",
    "cloudboxes",
    "cname",
    "comp",
    "continuation-token",
    "cors",
    "dataPipeline",
    "delete",
    "encryption",
    "endTime",
    "group",
    "httpsConfig",
    "img",
    "inventory",
    "inventoryId",
    "legalHold",
    "lifecycle",
    "link",
    "live",
    "location",
    "logging",
    "metaQuery",
    "objectInfo",
    "objectMeta",
    "objectWorm",
    "overwriteConfig",
    "partNumber",
    "policy",
    "policyStatus",
    "position",
    "processConfiguration",
    "publicAccessBlock",
    "qos",
    "qosInfo",
    "qosRequester",
    "redundancyTransition",
    "referer",
    "regionList",
    "regions",
    "replication",
    "replicationLocation",
    "replicationProgress",
    "requestPayment",
    "requesterQosInfo",
    "resourceGroup",
    "resourcePool",
    "resourcePoolBuckets",
    "resourcePoolInfo",
    "response-cache-control",
    "response-content-disposition",
    "response-content-encoding",
    "response-content-language",
    "response-content-type",
    "response-expires",
    "responseHeader",
    "restore",
    "retention",
    "rtc",
    "seal",
    "security-token",
    "sequential",
    "startTime",
    "stat",
    "status",
    "style",
    "styleName",
    "symlink",
    "tagging",
    "transferAcceleration",
    "udf",
    "udfApplication",
    "udfApplicationLog",
    "udfId",
    "udfImage",
    "udfImageDesc",
    "udfName",
    "uploadId",
    "uploads",
    "userDefinedLogFieldsConfig",
    "versionId",
    "versioning",
    "versions",
    "vip",
    "vod",
    "vpcip",
    "website",
    "withHashContext",
    "worm",
    "wormExtend",
    "wormId",
    "x-oss-ac-forward-allow",
    "x-oss-ac-source-ip",
    "x-oss-ac-subnet-mask",
    "x-oss-ac-vpc-id",
    "x-oss-access-point-name",
    "x-oss-async-process",
    "x-oss-delete",
    "x-oss-dir",
    "x-oss-enable-md5",
    "x-oss-enable-sha1",
    "x-oss-enable-sha256",
    "x-oss-hash-ctx",
    "x-oss-md5-ctx",
    "x-oss-process",
    "x-oss-redundancy-transition-taskid",
    "x-oss-rename",
    "x-oss-request-payer",
    "x-oss-target-redundancy-type",
    "x-oss-traffic-limit",
    "x-oss-write-get-object-response",
];

/// The prefix that makes any query parameter signed.
pub(crate) const OSS_PREFIX: &[u8] = b"x-oss-";

/// The set of signed sub-resources: [`SIGNED_SUBRESOURCES`], any name starting with
/// `x-oss-`, plus names a caller adds (in any order).
///
/// ```
/// use oss_sign::SubResources;
/// let extra = SubResources::DEFAULT.with_extra(&["myFeature"]);
/// assert!(extra.is_signed(b"myFeature"));
/// assert!(extra.is_signed(b"x-oss-anything"));
/// assert!(!SubResources::DEFAULT.is_signed(b"myFeature"));
/// ```
#[derive(Clone, Copy, Debug)]
pub struct SubResources<'a> {
    extra: &'a [&'a str],
}

impl<'a> SubResources<'a> {
    /// The built-in list plus the `x-oss-` prefix rule.
    pub const DEFAULT: SubResources<'static> = SubResources { extra: &[] };

    /// Adds names to sign beyond the built-in list (for example a new API's sub-resource).
    #[must_use]
    pub const fn with_extra(self, extra: &'a [&'a str]) -> Self {
        Self { extra }
    }

    /// Whether a query parameter with this (decoded) name is signed.
    #[must_use]
    pub fn is_signed(&self, name: &[u8]) -> bool {
        is_signed(name) || self.is_extra(|extra| extra == name)
    }

    /// Whether one of the caller's extra names satisfies `matches`.
    pub(crate) fn is_extra(&self, mut matches: impl FnMut(&[u8]) -> bool) -> bool {
        self.extra.iter().any(|extra| matches(extra.as_bytes()))
    }
}

impl Default for SubResources<'_> {
    fn default() -> Self {
        SubResources::DEFAULT
    }
}

/// Whether the built-in rules sign a query parameter with this (decoded) name.
///
/// ```
/// assert!(oss_sign::is_signed(b"acl"));
/// assert!(oss_sign::is_signed(b"x-oss-process"));
/// assert!(!oss_sign::is_signed(b"prefix"));
/// ```
#[must_use]
pub fn is_signed(name: &[u8]) -> bool {
    name.starts_with(OSS_PREFIX)
        || SIGNED_SUBRESOURCES
            .binary_search_by(|probe| probe.as_bytes().cmp(name))
            .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_unique() {
        for pair in SIGNED_SUBRESOURCES.windows(2) {
            assert!(pair[0].as_bytes() < pair[1].as_bytes(), "{pair:?}");
        }
    }

    #[test]
    fn the_29_common_names_are_signed() {
        for name in [
            "acl",
            "append",
            "bucketInfo",
            "callback",
            "callback-var",
            "continuation-token",
            "delete",
            "location",
            "objectMeta",
            "partNumber",
            "position",
            "regionList",
            "response-cache-control",
            "response-content-disposition",
            "response-content-encoding",
            "response-content-language",
            "response-content-type",
            "response-expires",
            "restore",
            "security-token",
            "sequential",
            "stat",
            "symlink",
            "tagging",
            "uploadId",
            "uploads",
            "versionId",
            "versioning",
            "versions",
        ] {
            assert!(is_signed(name.as_bytes()), "{name}");
        }
    }

    #[test]
    fn listing_and_auth_parameters_are_not_signed() {
        for name in [
            "prefix",
            "marker",
            "max-keys",
            "delimiter",
            "encoding-type",
            "key-marker",
            "upload-id-marker",
            "max-uploads",
            "max-parts",
            "part-number-marker",
            "list-type",
            "start-after",
            "fetch-owner",
            "version-id-marker",
            "OSSAccessKeyId",
            "Expires",
            "Signature",
        ] {
            assert!(!is_signed(name.as_bytes()), "{name}");
        }
    }
}
