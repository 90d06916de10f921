//! The rules for `callbackUrl`: 1 to 5 URLs joined by `;`, each `http`, `https` or
//! scheme-less, with a host, a numeric port, no IPv6 and no internal address.

use core::net::Ipv4Addr;

use oss_errors::{Entry, Error};

use crate::address::{HostKind, classify_host, ipv6_literal_error, is_forbidden_ip, is_localhost};
use crate::limits::MAX_CALLBACK_URLS;

/// The scheme a callback URL names.
///
/// ```
/// use oss_callback::{CallbackUrl, Scheme};
/// assert_eq!(CallbackUrl::parse("https://example.com/cb")?.scheme, Some(Scheme::Https));
/// # Ok::<(), oss_errors::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Scheme {
    /// `http://`
    Http,
    /// `https://`
    Https,
}

/// The host of a callback URL.
///
/// ```
/// use oss_callback::{CallbackUrl, Host};
/// assert_eq!(CallbackUrl::parse("example.com")?.host, Host::Name("example.com"));
/// # Ok::<(), oss_errors::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Host<'a> {
    /// A domain name, as written; the caller resolves it (see [`check_resolved`](crate::check_resolved)).
    Name(&'a str),
    /// A public IPv4 literal (normalised from whatever spelling was used).
    Ipv4(Ipv4Addr),
}

/// One URL of `callbackUrl`, checked and split into its parts.
///
/// ```
/// use oss_callback::{CallbackUrl, Host, Scheme};
/// let url = CallbackUrl::parse("http://47.96.1.2:8080/cb?x=1")?;
/// assert_eq!(url.scheme, Some(Scheme::Http));
/// assert_eq!(url.host, Host::Ipv4([47, 96, 1, 2].into()));
/// assert_eq!(url.port, Some(8080));
/// assert_eq!(url.path_and_query, "/cb?x=1");
/// # Ok::<(), oss_errors::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct CallbackUrl<'a> {
    /// The scheme, or `None` when the URL has none (OSS then uses HTTP).
    pub scheme: Option<Scheme>,
    /// The host.
    pub host: Host<'a>,
    /// The port, when given.
    pub port: Option<u16>,
    /// Everything after the host and port (may be empty).
    pub path_and_query: &'a str,
}

impl<'a> CallbackUrl<'a> {
    /// Parses and checks one callback URL.
    ///
    /// The URL must be printable ASCII (OSS wants non-ASCII percent-encoded), have the
    /// scheme `http`, `https` or none, a host of letters, digits, `-`, `_` and `.`, an
    /// optional decimal port 1 to 65535, and no user information. IPv6 literals are not
    /// supported. IP literals in any spelling (`2130706433`, `0x7f000001`, `0177.0.0.1`,
    /// `127.1`, `[::ffff:127.0.0.1]`) and `localhost` are checked against the internal ranges.
    ///
    /// # Errors
    /// "Private address is forbidden to callback" for internal hosts; "The callback url
    /// configuration is invalid" for everything else.
    ///
    /// ```
    /// use oss_callback::CallbackUrl;
    /// assert!(CallbackUrl::parse("oss-demo.aliyuncs.com:23450").is_ok());
    /// let err = CallbackUrl::parse("http://0x7f000001/").unwrap_err();
    /// assert_eq!(err.to_string(), "Private address is forbidden to callback");
    /// let err = CallbackUrl::parse("www.callback-example.com:test").unwrap_err();
    /// assert_eq!(err.to_string(), "The callback url configuration is invalid");
    /// ```
    pub fn parse(url: &'a str) -> Result<Self, Error> {
        let invalid = || Error::from(Entry::CallbackUrlInvalid);
        if url.is_empty() || !url.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(invalid());
        }
        // A `://` after the first `/`, `?` or `#` is part of the path or query of a
        // scheme-less URL, not a scheme.
        let scheme_end = url
            .find("://")
            .filter(|&at| !url[..at].contains(['/', '?', '#']));
        let (scheme, rest) = match scheme_end {
            Some(at) => {
                let scheme = match &url[..at] {
                    s if s.eq_ignore_ascii_case("http") => Scheme::Http,
                    s if s.eq_ignore_ascii_case("https") => Scheme::Https,
                    _ => return Err(invalid()),
                };
                (Some(scheme), &url[at + 3..])
            }
            None => (None, url),
        };
        let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (authority, path_and_query) = rest.split_at(authority_end);
        if authority.contains('@') {
            return Err(invalid());
        }
        if let Some(bracketed) = authority.strip_prefix('[') {
            let literal = bracketed.split(']').next().unwrap_or(bracketed);
            return Err(ipv6_literal_error(literal));
        }
        let (host, port) = match authority.rsplit_once(':') {
            Some((host, port)) => (host, Some(parse_port(port).ok_or_else(invalid)?)),
            None => (authority, None),
        };
        let host = check_host(host)?;
        Ok(Self {
            scheme,
            host,
            port,
            path_and_query,
        })
    }
}

fn parse_port(port: &str) -> Option<u16> {
    if port.is_empty() || port.len() > 5 || !port.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    port.parse::<u16>().ok().filter(|&p| p != 0)
}

fn check_host(host: &str) -> Result<Host<'_>, Error> {
    let valid_chars = host
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    let trimmed = host.strip_suffix('.').unwrap_or(host);
    if !valid_chars || trimmed.is_empty() || trimmed.split('.').any(str::is_empty) {
        return Err(Entry::CallbackUrlInvalid.into());
    }
    if is_localhost(host) {
        return Err(Entry::CallbackPrivateAddress.into());
    }
    match classify_host(host) {
        None => Err(Entry::CallbackUrlInvalid.into()),
        Some(HostKind::Name) => Ok(Host::Name(host)),
        Some(HostKind::Ipv4(ip)) if is_forbidden_ip(ip.into()) => {
            Err(Entry::CallbackPrivateAddress.into())
        }
        Some(HostKind::Ipv4(ip)) => Ok(Host::Ipv4(ip)),
    }
}

/// Checks a whole `callbackUrl` value: 1 to 5 URLs separated by `;`, each valid.
///
/// # Errors
/// "The number of callback url exceed max value" for more than five URLs (checked first),
/// then the first error of [`CallbackUrl::parse`]; an empty value, or an empty entry
/// between semicolons, is "The callback url configuration is invalid".
///
/// ```
/// use oss_callback::check_callback_urls;
/// assert!(check_callback_urls("http://a.example/cb;https://b.example/cb").is_ok());
/// let err = check_callback_urls("a.cn;b.cn;c.cn;d.cn;e.cn;f.cn").unwrap_err();
/// assert_eq!(err.to_string(), "The number of callback url exceed max value");
/// ```
pub fn check_callback_urls(value: &str) -> Result<(), Error> {
    if value.split(';').count() > MAX_CALLBACK_URLS {
        return Err(Entry::CallbackUrlTooMany.into());
    }
    value
        .split(';')
        .try_for_each(|url| CallbackUrl::parse(url).map(drop))
}

#[cfg(test)]
mod tests {
    use std::prelude::rust_2024::*;

    use super::*;

    fn message(url: &str) -> &'static str {
        match CallbackUrl::parse(url) {
            Ok(_) => "ok",
            Err(err) => err.entry().message(),
        }
    }

    const PRIVATE: &str = "Private address is forbidden to callback";
    const INVALID: &str = "The callback url configuration is invalid";

    #[test]
    fn accepts_public_urls() {
        for url in [
            "http://abc.com/test.php",
            "https://abc.com",
            "HTTP://abc.com:80/",
            "121.101.1.1/test.php",
            "oss-demo.aliyuncs.com:23450",
            "example.com/%E4%B8%AD.php?a=1&b=2#frag",
            "example.com.",
            "my_host.example",
        ] {
            assert_eq!(message(url), "ok", "{url}");
        }
    }

    #[test]
    fn refuses_private_addresses_in_any_spelling() {
        for url in [
            "127.0.0.1:8088/test.php",
            "http://2130706433/",
            "http://0x7f000001/",
            "http://0177.0.0.1/",
            "http://127.1/",
            "http://[::ffff:127.0.0.1]/",
            "http://[::1]:80/",
            "http://localhost/",
            "http://LocalHost./",
            "10.101.166.30:8083",
            "http://169.254.169.254/latest/meta-data",
            "http://100.64.1.1",
            "http://0.0.0.0",
        ] {
            assert_eq!(message(url), PRIVATE, "{url}");
        }
    }

    #[test]
    fn refuses_malformed_urls() {
        for url in [
            "",
            "ftp://abc.com/",
            "http://",
            "http:///path",
            ":8080/path",
            "www.callback-example.com:test",
            "abc.com:",
            "abc.com:0",
            "abc.com:65536",
            "http://[2400:3200::1]/",
            "http://[nonsense]/",
            "http://user@abc.com/",
            "http://evil.com@127.0.0.1/",
            "abc.com/a b",
            "http://例子.com/",
            "http://1.2.3.256/",
            "http://a..b/",
            "http://%31%32%37.0.0.1/",
        ] {
            assert_eq!(message(url), INVALID, "{url:?}");
        }
    }

    #[test]
    fn counts_urls_first() {
        assert!(check_callback_urls("a.cn;b.cn;c.cn;d.cn;e.cn").is_ok());
        let err = check_callback_urls("127.0.0.1;b.cn;c.cn;d.cn;e.cn;f.cn").unwrap_err();
        assert_eq!(err.entry(), Entry::CallbackUrlTooMany);
        assert_eq!(
            check_callback_urls("a.cn;").unwrap_err().entry(),
            Entry::CallbackUrlInvalid
        );
        assert_eq!(
            check_callback_urls("a.cn;127.0.0.1").unwrap_err().entry(),
            Entry::CallbackPrivateAddress
        );
    }
}
