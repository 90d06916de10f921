//! `CallbackUrl::parse` against the WHATWG URL parser (the `url` crate).
//!
//! Only URLs both accept are compared, and only what must agree is asserted: scheme, host
//! (the IPv4 address, or the domain up to ASCII case), port (with the scheme's default
//! when none is written) and where the path begins. The allowed differences:
//!
//! - OSS accepts scheme-less URLs (`example.com:8080/cb`) and calls them over HTTP; WHATWG
//!   needs a scheme (and would read `example.com:` as one), so a scheme-less URL is
//!   compared as `http://` followed by it.
//! - Otherwise OSS is the stricter: it refuses non-ASCII, user information, IPv6, an
//!   empty or zero port, ports written with more than five digits, IPv4 parts of more
//!   than twelve digits, and private addresses, all of which WHATWG may accept. Those
//!   inputs are not compared.
//! - The one place WHATWG is the stricter: it runs IDNA on the host and refuses an
//!   `xn--` label that is not valid Punycode (`XN--`, `xn--0t`); OSS takes it as a plain
//!   DNS label, which simply does not resolve. Not compared either (in a 2-minute run's
//!   corpus, about 1,500 of 3,300 URLs OSS accepts; every one was an IDNA refusal).
//! - WHATWG lower-cases a domain; OSS keeps it as written (DNS ignores case).
//! - WHATWG drops a port equal to the scheme's default; OSS keeps what was written.
//! - WHATWG normalises the path, query and fragment (`\` read as `/`, `.` and `..`
//!   segments removed, some characters percent-encoded, `/` added before an empty path);
//!   OSS keeps them verbatim and sends them as written. So the path is compared two ways:
//!   OSS's host, port and `path_and_query` put back together must make the same WHATWG
//!   URL (the split between authority and path agrees), and when the text holds only
//!   characters WHATWG leaves alone and no dot segment, it must equal WHATWG's exactly.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oss_core::callback::{CallbackUrl, Host, Scheme};
use url::{Position, Url};

/// Whether WHATWG serialises `path_and_query` unchanged (once a leading `/` is added).
fn kept_verbatim(path_and_query: &str) -> bool {
    let verbatim = path_and_query
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-._~!$&()*+,;=:@/?#%[]|".contains(&b));
    let path = path_and_query.split(['?', '#']).next().unwrap_or_default();
    let dot_segment = path.split('/').any(|segment| {
        let segment = segment.to_ascii_lowercase().replace("%2e", ".");
        segment == "." || segment == ".."
    });
    verbatim && !dot_segment
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = core::str::from_utf8(data) else {
        return;
    };
    let Ok(ours) = CallbackUrl::parse(text) else {
        return;
    };
    let absolute = match ours.scheme {
        None => format!("http://{text}"),
        Some(_) => text.to_owned(),
    };
    let Ok(theirs) = Url::parse(&absolute) else {
        return;
    };

    let scheme = match ours.scheme {
        None | Some(Scheme::Http) => "http",
        Some(Scheme::Https) => "https",
        Some(_) => unreachable!("a new scheme"),
    };
    assert_eq!(theirs.scheme(), scheme, "{text:?}");
    match (ours.host, theirs.host()) {
        (Host::Ipv4(a), Some(url::Host::Ipv4(b))) => assert_eq!(a, b, "{text:?}"),
        (Host::Name(a), Some(url::Host::Domain(b))) => {
            assert!(a.eq_ignore_ascii_case(b), "{text:?}: {a:?} / {b:?}")
        }
        (a, b) => panic!("{text:?}: hosts differ: {a:?} / {b:?}"),
    }
    let default = if scheme == "https" { 443 } else { 80 };
    assert_eq!(
        Some(ours.port.unwrap_or(default)),
        theirs.port_or_known_default(),
        "{text:?}"
    );

    let host = match ours.host {
        Host::Name(name) => name.to_owned(),
        Host::Ipv4(ip) => ip.to_string(),
        _ => unreachable!("a new host kind"),
    };
    let port = ours.port.map(|p| format!(":{p}")).unwrap_or_default();
    let rebuilt = format!("{scheme}://{host}{port}{}", ours.path_and_query);
    assert_eq!(
        Url::parse(&rebuilt).as_ref(),
        Ok(&theirs),
        "{text:?} rebuilt as {rebuilt:?}"
    );

    if kept_verbatim(ours.path_and_query) {
        let expected = match ours.path_and_query.strip_prefix('/') {
            Some(_) => ours.path_and_query.to_owned(),
            None => format!("/{}", ours.path_and_query),
        };
        assert_eq!(&theirs[Position::BeforePath..], expected, "{text:?}");
    }
});
