//! What an OSS host name says about the bucket.

/// What a (lower-case) host name says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum HostSays<'a> {
    /// An OSS endpoint with the bucket as its first label, virtual-hosted style:
    /// `<bucket>.oss-cn-hangzhou.aliyuncs.com`, `<bucket>.oss-cn-hangzhou-internal...`,
    /// `<bucket>.oss-accelerate.aliyuncs.com`, `<bucket>.<region>.oss.aliyuncs.com`
    /// (dual-stack), `<bucket>.<box>.<region>.oss-cloudbox.aliyuncs.com`.
    Bucket(&'a str),
    /// An OSS endpoint without a bucket label: `oss-cn-hangzhou.aliyuncs.com`.
    Endpoint,
    /// An IP address or `localhost`: OSS never serves these, emulators do, path-style.
    Local,
    /// Any other host (a custom domain bound to a bucket, a gateway, an ambiguous
    /// `*.aliyuncs.com` name): it cannot tell the bucket.
    Unknown,
}

/// Reads `host`, already lower-cased and without a trailing dot; `ip` says whether the
/// URL parser found an IP address.
pub(crate) fn classify(host: &str, ip: bool) -> HostSays<'_> {
    if ip || host == "localhost" {
        return HostSays::Local;
    }
    let Some(inner) = host.strip_suffix(".aliyuncs.com") else {
        return HostSays::Unknown;
    };
    let labels: Vec<&str> = inner.split('.').collect();
    let Some((&service, _)) = labels.split_last() else {
        return HostSays::Unknown;
    };
    // How many labels an endpoint without a bucket has, for each kind of endpoint.
    let endpoint_labels = match service {
        "oss-cloudbox" | "oss-cloudbox-control" => 3,
        // `oss.aliyuncs.com`; `<x>.oss.aliyuncs.com` is either a dual-stack endpoint or a
        // bucket on the old global endpoint, so only the five-label form names a bucket.
        "oss" if labels.len() == 1 => 1,
        "oss" if labels.len() == 2 => return HostSays::Unknown,
        "oss" => 2,
        _ if service.starts_with("oss-") => 1,
        _ => return HostSays::Unknown,
    };
    match labels.len() {
        n if n == endpoint_labels => HostSays::Endpoint,
        n if n == endpoint_labels + 1 && !labels[0].is_empty() => HostSays::Bucket(labels[0]),
        _ => HostSays::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::{HostSays, classify};

    #[test]
    fn reads_the_endpoint_kinds() {
        let cases = [
            ("b.oss-cn-hangzhou.aliyuncs.com", HostSays::Bucket("b")),
            (
                "b.oss-cn-hangzhou-internal.aliyuncs.com",
                HostSays::Bucket("b"),
            ),
            ("b.oss-accelerate.aliyuncs.com", HostSays::Bucket("b")),
            ("oss-cn-hangzhou.aliyuncs.com", HostSays::Endpoint),
            ("oss-accelerate-overseas.aliyuncs.com", HostSays::Endpoint),
            ("oss.aliyuncs.com", HostSays::Endpoint),
            ("cn-hangzhou.oss.aliyuncs.com", HostSays::Unknown),
            ("b.cn-hangzhou.oss.aliyuncs.com", HostSays::Bucket("b")),
            (
                "cb-1.cn-hangzhou.oss-cloudbox.aliyuncs.com",
                HostSays::Endpoint,
            ),
            (
                "b.cb-1.cn-hangzhou.oss-cloudbox.aliyuncs.com",
                HostSays::Bucket("b"),
            ),
            ("a.b.oss-cn-hangzhou.aliyuncs.com", HostSays::Unknown),
            ("ecs.aliyuncs.com", HostSays::Unknown),
            ("aliyuncs.com", HostSays::Unknown),
            ("static.example.com", HostSays::Unknown),
            ("localhost", HostSays::Local),
        ];
        for (host, says) in cases {
            assert_eq!(classify(host, false), says, "{host}");
        }
        assert_eq!(classify("127.0.0.1", true), HostSays::Local);
    }
}
