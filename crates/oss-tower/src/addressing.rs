//! Which bucket a request addresses: from its host (virtual-hosted) or its path.

use http::request::Parts;
use oss_sign::Addressing;

/// Tells the layer where a request's bucket is, which V1 signatures cover (the V4
/// canonical URI names it too). Implement it for custom domains (CNAME) or other layouts.
pub trait BucketResolver: Send + Sync + 'static {
    /// The addressing of the request `parts` describe.
    fn addressing<'a>(&self, parts: &'a Parts) -> Addressing<'a>;
}

/// Every request is path-style: `/<bucket>/<key>` (`/` alone is a service request).
///
/// ```
/// use oss_sign::Addressing;
/// use oss_tower::{BucketResolver, PathStyle};
/// let (parts, ()) = http::Request::get("http://127.0.0.1:9000/b/k").body(())?.into_parts();
/// assert_eq!(PathStyle.addressing(&parts), Addressing::PathStyle);
/// # Ok::<(), http::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct PathStyle;

impl BucketResolver for PathStyle {
    fn addressing<'a>(&self, _parts: &'a Parts) -> Addressing<'a> {
        Addressing::PathStyle
    }
}

/// Virtual-hosted under the given endpoint domains: a host `<bucket>.<domain>` addresses
/// `<bucket>`; any other host (the bare domain, an IP address) is path-style.
///
/// ```
/// use oss_sign::Addressing;
/// use oss_tower::{BucketResolver, VirtualHosts};
/// let hosts = VirtualHosts::new(["oss-cn-hangzhou.aliyuncs.com"]);
/// let (parts, ()) = http::Request::get("/k")
///     .header("host", "examplebucket.OSS-cn-hangzhou.aliyuncs.com:443")
///     .body(())?
///     .into_parts();
/// assert_eq!(hosts.addressing(&parts), Addressing::VirtualHosted("examplebucket"));
/// # Ok::<(), http::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct VirtualHosts {
    domains: Vec<String>,
}

impl VirtualHosts {
    /// Serves virtual-hosted requests under each of `domains` (compared case-insensitively).
    pub fn new<I>(domains: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        Self {
            domains: domains.into_iter().map(Into::into).collect(),
        }
    }
}

impl BucketResolver for VirtualHosts {
    fn addressing<'a>(&self, parts: &'a Parts) -> Addressing<'a> {
        let Some(host) = host_name(parts) else {
            return Addressing::PathStyle;
        };
        for domain in &self.domains {
            let Some(split) = host.len().checked_sub(domain.len() + 1) else {
                continue;
            };
            if !host.is_char_boundary(split) {
                continue;
            }
            let (bucket, rest) = host.split_at(split);
            let under_domain = rest.as_bytes()[0] == b'.' && rest[1..].eq_ignore_ascii_case(domain);
            if under_domain && !bucket.is_empty() && !bucket.contains('.') {
                return Addressing::VirtualHosted(bucket);
            }
        }
        Addressing::PathStyle
    }
}

/// The request's host name without its port: the `Host` header, else the URI's authority.
///
/// ```
/// let (parts, ()) = http::Request::get("/").header("host", "b.example.com:8080").body(())?.into_parts();
/// assert_eq!(oss_tower::host_name(&parts), Some("b.example.com"));
/// # Ok::<(), http::Error>(())
/// ```
#[must_use]
pub fn host_name(parts: &Parts) -> Option<&str> {
    let host = match parts.headers.get(http::header::HOST) {
        Some(value) => value.to_str().ok()?,
        None => parts.uri.host()?,
    };
    if host.starts_with('[') {
        // An IPv6 literal: never a virtual host.
        return host
            .split_once(']')
            .map(|(literal, _)| &host[..=literal.len()]);
    }
    Some(host.split_once(':').map_or(host, |(name, _)| name))
}
