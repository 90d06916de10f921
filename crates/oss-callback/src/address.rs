//! Which addresses OSS refuses to call back: private, loopback, link-local, CGNAT,
//! unspecified and other non-public ranges, in every spelling an IP literal can take.

use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use oss_errors::{Entry, Error};

/// `true` when OSS would refuse to send a callback to `ip` ("Private address is forbidden
/// to callback"), including IPv4 addresses hidden in IPv6 (mapped, compatible, NAT64, 6to4).
///
/// The IPv4 ranges: 0/8 (this network), 10/8, 100.64/10 (CGNAT), 127/8, 169.254/16,
/// 172.16/12, 192.0.0/24, 192.0.2/24, 192.168/16, 198.18/15, 198.51.100/24, 203.0.113/24,
/// 224/4 (multicast) and 240/4 (reserved, broadcast). The IPv6 ranges: `::`, `::1`,
/// fc00::/7, fe80::/10, fec0::/10, ff00::/8, 2001:db8::/32 and 100::/64.
///
/// ```
/// use core::net::IpAddr;
/// use oss_callback::is_forbidden_ip;
/// assert!(is_forbidden_ip("10.1.2.3".parse::<IpAddr>()?));
/// assert!(is_forbidden_ip("::ffff:127.0.0.1".parse::<IpAddr>()?));
/// assert!(!is_forbidden_ip("8.8.8.8".parse::<IpAddr>()?));
/// # Ok::<(), core::net::AddrParseError>(())
/// ```
#[must_use]
pub fn is_forbidden_ip(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_forbidden_v4(v4),
        IpAddr::V6(v6) => is_forbidden_v6(v6),
    }
}

/// Checks the addresses the caller resolved `callbackUrl`'s host to, as OSS does after DNS.
///
/// # Errors
/// "Private address is forbidden to callback" when any address is non-public; "The
/// callback url configuration is invalid" for a public IPv6 address (OSS calls back over
/// IPv4 only) or when there is no address at all.
///
/// ```
/// use core::net::IpAddr;
/// use oss_callback::check_resolved;
/// let public: [IpAddr; 1] = ["203.119.1.1".parse().unwrap()];
/// assert!(check_resolved(public).is_ok());
/// let private: [IpAddr; 2] = ["203.119.1.1".parse().unwrap(), "192.168.0.9".parse().unwrap()];
/// assert_eq!(check_resolved(private).unwrap_err().to_string(), "Private address is forbidden to callback");
/// ```
pub fn check_resolved(addresses: impl IntoIterator<Item = IpAddr>) -> Result<(), Error> {
    let mut any = false;
    let mut ipv6_only = true;
    for ip in addresses {
        any = true;
        if is_forbidden_ip(ip) {
            return Err(Entry::CallbackPrivateAddress.into());
        }
        if let IpAddr::V6(v6) = ip
            && embedded_v4(v6).is_none()
        {
            continue;
        }
        ipv6_only = false;
    }
    if any && !ipv6_only {
        Ok(())
    } else {
        Err(Entry::CallbackUrlInvalid.into())
    }
}

fn is_forbidden_v4(ip: Ipv4Addr) -> bool {
    let bits = u32::from(ip);
    const RANGES: [(u32, u32); 14] = [
        (0x0000_0000, 8),  // 0.0.0.0/8 "this network", incl. unspecified
        (0x0A00_0000, 8),  // 10/8
        (0x6440_0000, 10), // 100.64/10 CGNAT
        (0x7F00_0000, 8),  // 127/8 loopback
        (0xA9FE_0000, 16), // 169.254/16 link-local
        (0xAC10_0000, 12), // 172.16/12
        (0xC000_0000, 24), // 192.0.0/24 IETF protocol assignments
        (0xC000_0200, 24), // 192.0.2/24 documentation
        (0xC0A8_0000, 16), // 192.168/16
        (0xC612_0000, 15), // 198.18/15 benchmarking
        (0xC633_6400, 24), // 198.51.100/24 documentation
        (0xCB00_7100, 24), // 203.0.113/24 documentation
        (0xE000_0000, 4),  // 224/4 multicast
        (0xF000_0000, 4),  // 240/4 reserved and broadcast
    ];
    RANGES
        .iter()
        .any(|&(net, len)| bits >> (32 - len) == net >> (32 - len))
}

/// The IPv4 address an IPv6 address carries: mapped, compatible, NAT64 or 6to4.
fn embedded_v4(ip: Ipv6Addr) -> Option<Ipv4Addr> {
    let s = ip.segments();
    let tail = Ipv4Addr::new(
        (s[6] >> 8) as u8,
        (s[6] & 0xff) as u8,
        (s[7] >> 8) as u8,
        (s[7] & 0xff) as u8,
    );
    match s {
        [0, 0, 0, 0, 0, 0xffff, _, _] => Some(tail),
        // IPv4-compatible (deprecated); `::` and `::1` are handled as IPv6.
        [0, 0, 0, 0, 0, 0, hi, _] if hi != 0 => Some(tail),
        [0x64, 0xff9b, 0, 0, 0, 0, _, _] => Some(tail),
        [0x2002, hi, lo, ..] => Some(Ipv4Addr::new(
            (hi >> 8) as u8,
            (hi & 0xff) as u8,
            (lo >> 8) as u8,
            (lo & 0xff) as u8,
        )),
        _ => None,
    }
}

fn is_forbidden_v6(ip: Ipv6Addr) -> bool {
    if let Some(v4) = embedded_v4(ip) {
        return is_forbidden_v4(v4);
    }
    let s = ip.segments();
    ip.is_unspecified()
        || ip.is_loopback()
        || s[0] & 0xfe00 == 0xfc00 // unique local
        || s[0] & 0xffc0 == 0xfe80 // link-local
        || s[0] & 0xffc0 == 0xfec0 // site-local (deprecated)
        || s[0] & 0xff00 == 0xff00 // multicast
        || (s[0] == 0x2001 && s[1] == 0x0db8) // documentation
        || (s[0] == 0x0100 && s[1] == 0 && s[2] == 0 && s[3] == 0) // discard-only
}

/// What a URL host turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum HostKind {
    /// A domain name (resolution is the caller's job).
    Name,
    /// An IPv4 literal in any of the spellings `inet_aton` accepts.
    Ipv4(Ipv4Addr),
}

/// Classifies a host the way resolvers would read it, so that `2130706433`,
/// `0x7f000001`, `0177.0.0.1` and `127.1` are all seen as 127.0.0.1.
///
/// Returns `None` when the host ends in a number but is not a valid IPv4 address.
pub(crate) fn classify_host(host: &str) -> Option<HostKind> {
    let host = host.strip_suffix('.').unwrap_or(host);
    let last = host.rsplit('.').next().unwrap_or(host);
    if !looks_numeric(last) {
        return Some(HostKind::Name);
    }
    let mut parts = [0u64; 4];
    let mut count = 0;
    for part in host.split('.') {
        if count == 4 {
            return None;
        }
        parts[count] = parse_ipv4_part(part)?;
        count += 1;
    }
    let (head, last) = (&parts[..count - 1], parts[count - 1]);
    if head.iter().any(|&p| p > 255) || last >= 1u64 << (8 * (5 - count)) {
        return None;
    }
    let mut bits = last;
    for (i, &p) in head.iter().enumerate() {
        bits |= p << (8 * (3 - i));
    }
    u32::try_from(bits)
        .ok()
        .map(|b| HostKind::Ipv4(Ipv4Addr::from(b)))
}

/// Decimal digits, or `0x` followed by hex digits (possibly none).
fn looks_numeric(part: &str) -> bool {
    match part.strip_prefix("0x").or_else(|| part.strip_prefix("0X")) {
        Some(hex) => hex.bytes().all(|b| b.is_ascii_hexdigit()),
        None => !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()),
    }
}

/// One dotted part: `0x..` hex, `0..` octal, otherwise decimal.
fn parse_ipv4_part(part: &str) -> Option<u64> {
    let (digits, radix) =
        if let Some(hex) = part.strip_prefix("0x").or_else(|| part.strip_prefix("0X")) {
            if hex.is_empty() {
                return Some(0);
            }
            (hex, 16)
        } else if part.len() > 1 && part.starts_with('0') {
            (&part[1..], 8)
        } else {
            (part, 10)
        };
    if digits.is_empty()
        || digits.len() > 12
        || !digits.bytes().all(|b| char::from(b).is_digit(radix))
    {
        return None;
    }
    u64::from_str_radix(digits, radix).ok()
}

/// `true` for `localhost` and its subdomains, in any case, with or without a final dot.
pub(crate) fn is_localhost(host: &str) -> bool {
    let host = host.strip_suffix('.').unwrap_or(host).as_bytes();
    let suffix = b"localhost";
    host.len() >= suffix.len()
        && host[host.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
        && (host.len() == suffix.len() || host[host.len() - suffix.len() - 1] == b'.')
}

/// Why an IPv6 literal in a URL (without brackets) is refused: OSS never calls back over
/// IPv6, but an internal address is reported as such.
pub(crate) fn ipv6_literal_error(literal: &str) -> Error {
    match literal.parse::<Ipv6Addr>() {
        Ok(ip) if is_forbidden_v6(ip) => Entry::CallbackPrivateAddress.into(),
        _ => Entry::CallbackUrlInvalid.into(),
    }
}

#[cfg(test)]
mod tests {
    use std::prelude::rust_2024::*;

    use super::*;

    fn v4(host: &str) -> Option<Ipv4Addr> {
        match classify_host(host)? {
            HostKind::Ipv4(ip) => Some(ip),
            HostKind::Name => None,
        }
    }

    #[test]
    fn reads_every_ipv4_spelling() {
        let loopback = Some(Ipv4Addr::LOCALHOST);
        for host in [
            "127.0.0.1",
            "2130706433",
            "0x7f000001",
            "0X7F000001",
            "0177.0.0.1",
            "127.1",
            "127.0.1",
            "0x7f.1",
            "127.0.0.1.",
        ] {
            assert_eq!(v4(host), loopback, "{host}");
        }
        assert_eq!(v4("8.8.8.8"), Some(Ipv4Addr::new(8, 8, 8, 8)));
        assert_eq!(classify_host("example.com"), Some(HostKind::Name));
        assert_eq!(classify_host("1.2.3.example"), Some(HostKind::Name));
        assert_eq!(classify_host("0x.example"), Some(HostKind::Name));
        for bad in [
            "1.2.3.256",
            "256.1.1.1",
            "1.2.3.4.5",
            "4294967296",
            "09.1.1.1",
            "1..1",
            "99999999999999999999",
        ] {
            assert_eq!(classify_host(bad), None, "{bad}");
        }
    }

    #[test]
    fn forbids_internal_ranges() {
        for ip in [
            "0.0.0.0",
            "10.0.0.1",
            "100.64.0.1",
            "100.127.255.255",
            "127.9.9.9",
            "169.254.169.254",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "192.0.0.8",
            "198.18.0.1",
            "224.0.0.1",
            "255.255.255.255",
        ] {
            assert!(is_forbidden_ip(ip.parse().unwrap()), "{ip}");
        }
        for ip in [
            "8.8.8.8",
            "100.128.0.1",
            "172.32.0.1",
            "172.15.255.255",
            "192.169.0.1",
            "47.96.0.1",
        ] {
            assert!(!is_forbidden_ip(ip.parse().unwrap()), "{ip}");
        }
        for ip in [
            "::",
            "::1",
            "::ffff:10.0.0.1",
            "::127.0.0.1",
            "64:ff9b::7f00:1",
            "2002:c0a8:0101::",
            "fd00::1",
            "fe80::1",
            "ff02::1",
            "2001:db8::1",
        ] {
            assert!(is_forbidden_ip(ip.parse().unwrap()), "{ip}");
        }
        for ip in ["2400:3200::1", "::ffff:8.8.8.8", "2002:0808:0808::"] {
            assert!(!is_forbidden_ip(ip.parse().unwrap()), "{ip}");
        }
    }

    #[test]
    fn knows_localhost() {
        for host in ["localhost", "LOCALHOST", "localhost.", "a.localhost"] {
            assert!(is_localhost(host), "{host}");
        }
        for host in ["notlocalhost", "localhost.com", "xlocalhost."] {
            assert!(!is_localhost(host), "{host}");
        }
    }
}
