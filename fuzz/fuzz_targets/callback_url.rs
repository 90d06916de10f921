//! `callbackUrl` checking and address classification (oss-callback `url.rs`, `address.rs`).
//!
//! - `CallbackUrl::parse` never panics; an accepted URL is printable ASCII, its parts put
//!   back together parse to the same parts, its port is 1..=65535 and an IPv4 host is public.
//! - `check_callback_urls` agrees with parsing each `;`-separated URL (more than five
//!   refused first).
//! - The first 4 and 16 bytes, read as IPv4 and IPv6 addresses: an IPv4 address in any
//!   spelling (dotted, one decimal number, hex, octal, `a.b.c` and `a.b` forms) is refused
//!   as private exactly when `is_forbidden_ip` says so, and accepted as that address
//!   otherwise; IPv6 forms that embed it (mapped, compatible, NAT64, 6to4) are classified
//!   the same; `check_resolved` refuses a list exactly when one address is forbidden or
//!   none is reachable over IPv4.
#![no_main]

use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use libfuzzer_sys::fuzz_target;
use oss_core::callback::{
    CallbackUrl, Host, Scheme, check_callback_urls, check_resolved, is_forbidden_ip,
};
use oss_core::errors::Entry;

fn rebuild(url: &CallbackUrl<'_>) -> String {
    let scheme = match url.scheme {
        Some(Scheme::Http) => "http://",
        Some(Scheme::Https) => "https://",
        None => "",
        Some(_) => unreachable!("a new scheme"),
    };
    let host = match url.host {
        Host::Name(name) => name.to_owned(),
        Host::Ipv4(ip) => ip.to_string(),
        _ => unreachable!("a new host kind"),
    };
    let port = url.port.map(|p| format!(":{p}")).unwrap_or_default();
    format!("{scheme}{host}{port}{}", url.path_and_query)
}

fn check_text(text: &str) {
    let parsed = CallbackUrl::parse(text);
    if let Ok(url) = parsed {
        assert!(text.bytes().all(|b| b.is_ascii_graphic()));
        assert!(url.port != Some(0));
        if let Host::Ipv4(ip) = url.host {
            assert!(!is_forbidden_ip(IpAddr::V4(ip)), "{text:?}");
        }
        if let Host::Name(name) = url.host {
            assert!(!name.is_empty() && text.contains(name));
        }
        let again = rebuild(&url);
        assert_eq!(
            CallbackUrl::parse(&again),
            Ok(url),
            "{text:?} rebuilt as {again:?}"
        );
        assert!(text.ends_with(url.path_and_query));
    } else if let Err(err) = parsed {
        let entry = err.entry();
        assert!(
            entry == Entry::CallbackUrlInvalid || entry == Entry::CallbackPrivateAddress,
            "{text:?}: {entry:?}"
        );
    }

    let pieces: Vec<&str> = text.split(';').collect();
    let all = check_callback_urls(text);
    if pieces.len() > 5 {
        assert_eq!(all.map_err(|e| e.entry()), Err(Entry::CallbackUrlTooMany));
    } else {
        let first_error = pieces.iter().find_map(|url| CallbackUrl::parse(url).err());
        assert_eq!(all.err(), first_error, "{text:?}");
    }
}

/// Every spelling of `ip` that `inet_aton` reads.
fn spellings(ip: Ipv4Addr) -> Vec<String> {
    let [a, b, c, d] = ip.octets();
    let n = u32::from(ip);
    let low16 = u32::from(c) << 8 | u32::from(d);
    let low24 = u32::from(b) << 16 | low16;
    vec![
        format!("{a}.{b}.{c}.{d}"),
        format!("{n}"),
        format!("0x{n:x}"),
        format!("0X{n:08X}"),
        format!("0{n:o}"),
        format!("{a}.{b}.{low16}"),
        format!("{a}.{low24}"),
        format!("0x{a:x}.0{b:o}.{c}.0x{d:02x}"),
        format!("{a}.{b}.{c}.{d}."),
    ]
}

fn check_addresses(bytes: &[u8]) {
    let mut v4 = [0u8; 4];
    let mut v6 = [0u8; 16];
    for (slot, byte) in v4.iter_mut().chain(v6.iter_mut()).zip(bytes) {
        *slot = *byte;
    }
    let ip = Ipv4Addr::from(v4);
    let forbidden = is_forbidden_ip(IpAddr::V4(ip));
    for spelling in spellings(ip) {
        for url in [spelling.clone(), format!("http://{spelling}:8080/cb")] {
            match CallbackUrl::parse(&url) {
                Ok(parsed) => {
                    assert!(!forbidden, "{url:?}");
                    assert_eq!(parsed.host, Host::Ipv4(ip), "{url:?}");
                }
                Err(err) => {
                    assert!(forbidden, "{url:?}: {err:?}");
                    assert_eq!(err.entry(), Entry::CallbackPrivateAddress, "{url:?}");
                }
            }
        }
    }
    let mapped = ip.to_ipv6_mapped();
    assert_eq!(is_forbidden_ip(IpAddr::V6(mapped)), forbidden);
    let [a, b, c, d] = v4;
    let nat64 = Ipv6Addr::new(
        0x64,
        0xff9b,
        0,
        0,
        0,
        0,
        u16::from_be_bytes([a, b]),
        u16::from_be_bytes([c, d]),
    );
    assert_eq!(is_forbidden_ip(IpAddr::V6(nat64)), forbidden);
    let six_to_four = Ipv6Addr::new(
        0x2002,
        u16::from_be_bytes([a, b]),
        u16::from_be_bytes([c, d]),
        0,
        0,
        0,
        0,
        1,
    );
    assert_eq!(is_forbidden_ip(IpAddr::V6(six_to_four)), forbidden);
    if u16::from_be_bytes([a, b]) != 0 {
        #[allow(deprecated)]
        let compatible = ip.to_ipv6_compatible();
        assert_eq!(is_forbidden_ip(IpAddr::V6(compatible)), forbidden);
    }
    let url = format!("http://[{mapped}]/");
    let entry = CallbackUrl::parse(&url).map_err(|e| e.entry());
    let expected = if forbidden {
        Entry::CallbackPrivateAddress
    } else {
        Entry::CallbackUrlInvalid
    };
    assert_eq!(entry, Err(expected), "{url:?}");

    let other = IpAddr::V6(Ipv6Addr::from(v6));
    let list = [IpAddr::V4(ip), other];
    let verdict = check_resolved(list).map_err(|e| e.entry());
    if forbidden || is_forbidden_ip(other) {
        assert_eq!(verdict, Err(Entry::CallbackPrivateAddress));
    } else {
        assert_eq!(verdict, Ok(()));
    }
    assert_eq!(
        check_resolved([]).map_err(|e| e.entry()),
        Err(Entry::CallbackUrlInvalid)
    );
    if !is_forbidden_ip(other) {
        // A public IPv6 address that carries no IPv4 address cannot be called back.
        let alone = check_resolved([other]);
        let embeds = match Ipv6Addr::from(v6).segments() {
            [0, 0, 0, 0, 0, 0xffff, ..] | [0x64, 0xff9b, 0, 0, 0, 0, ..] | [0x2002, ..] => true,
            [0, 0, 0, 0, 0, 0, hi, _] => hi != 0,
            _ => false,
        };
        assert_eq!(alone.is_ok(), embeds, "{other}");
    }
}

fuzz_target!(|data: &[u8]| {
    check_addresses(data);
    if let Ok(text) = core::str::from_utf8(data) {
        check_text(text);
    }
});
