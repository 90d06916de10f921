//! The V4 canonical request and string-to-sign, streamed into a sink with no allocation:
//!
//! ```text
//! METHOD \n CanonicalURI \n CanonicalQuery \n CanonicalHeaders \n AdditionalHeaders \n HashedPayload
//! OSS4-HMAC-SHA256 \n x-oss-date \n scope \n hex(SHA-256(canonical request))
//! ```

use core::cmp::Ordering;

use oss_naming::percent;
use sha2::{Digest as _, Sha256};

use crate::canonical::{Field, Sink, SortedFields, cmp_lower, put_upper};
use crate::hash_sink::HashSink;
use crate::input::{Headers, Query};
use crate::name_prefix::LowerPrefix;
use crate::request::{Param, Request};
use crate::text::Text;
use crate::v4::scope::{Scope, ScopedKey, SignatureV4};

/// The algorithm name, first in the Authorization value and the string-to-sign.
pub const ALGORITHM: &str = "OSS4-HMAC-SHA256";

/// The string-to-sign's first line, with its line feed.
const ALGORITHM_LINE: [u8; ALGORITHM.len() + 1] = joined(&[ALGORITHM, "\n"]);

/// `parts` one after another, as an array of exactly their length (for constants that
/// are written in one piece).
pub(crate) const fn joined<const N: usize>(parts: &[&str]) -> [u8; N] {
    let mut out = [0u8; N];
    let mut at = 0;
    let mut part = 0;
    while part < parts.len() {
        let bytes = parts[part].as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            out[at] = bytes[i];
            at += 1;
            i += 1;
        }
        part += 1;
    }
    assert!(at == N, "the parts fill the array exactly");
    out
}

/// How many query parameters are sorted on the stack; more are written by a selection
/// pass (same output, quadratic time).
const SORTED_ON_STACK: usize = 24;

/// Whether V4 signs a header without being asked: `x-oss-*`, `content-type`, `content-md5`.
pub(crate) fn is_default_signed(name: &[u8]) -> bool {
    is_default_prefixed(LowerPrefix::of(name), name.len())
}

/// [`is_default_signed`] for a name of `len` bytes whose prefix is known.
fn is_default_prefixed(prefix: LowerPrefix, len: usize) -> bool {
    const CONTENT_MD5: (LowerPrefix, usize) = LowerPrefix::of_name("content-md5");
    const CONTENT_TYPE: (LowerPrefix, usize) = LowerPrefix::of_name("content-type");
    prefix.is_oss() || prefix.is(len, CONTENT_MD5) || prefix.is(len, CONTENT_TYPE)
}

/// The additional headers: a signer's list of names, or the `a;b` list a request carries.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Additional<'a> {
    List(&'a [&'a str]),
    Raw(&'a [u8]),
}

impl<'a> Additional<'a> {
    /// The names, as given.
    fn names(self) -> impl Iterator<Item = &'a [u8]> + Clone {
        let (list, raw): (&[&str], &[u8]) = match self {
            Self::List(list) => (list, &[]),
            Self::Raw(raw) => (&[], raw),
        };
        list.iter()
            .map(|name| name.as_bytes())
            .chain(raw.split(|&b| b == b';'))
            .filter(|name| !name.is_empty())
    }

    fn contains(self, name: &[u8]) -> bool {
        self.names().any(|other| other.eq_ignore_ascii_case(name))
    }
}

/// Everything a V4 canonical request and string-to-sign take besides the request.
#[derive(Clone, Debug)]
pub(crate) struct Parts<'a> {
    /// The `x-oss-date` value, `YYYYMMDDTHHMMSSZ`.
    pub(crate) date: &'a [u8],
    pub(crate) scope: Scope<'a>,
    /// Headers signed although the request does not carry them (yet).
    pub(crate) extra_headers: [Option<Field<'a>>; 3],
    /// Query parameters signed although the request does not carry them (presigning).
    pub(crate) extra_query: [Option<Param<'a>>; 6],
    pub(crate) additional: Additional<'a>,
    /// A signer drops additional names the request lacks; a server keeps what it was sent.
    pub(crate) drop_absent: bool,
    /// The HashedPayload line.
    pub(crate) payload: &'a [u8],
    /// A received presigned URL: its `x-oss-signature` parameter is not signed.
    pub(crate) skip_signature_param: bool,
}

impl<'a> Parts<'a> {
    /// Writes the `AdditionalHeaders` list.
    pub(crate) fn put_additional<'h, H: Headers<'h>>(&self, sink: &mut impl Sink, headers: &H) {
        put_additional(sink, self.additional, self.drop_absent, headers);
    }

    /// Whether the canonical headers include this field: a default-signed one, or an
    /// additional one (for a signer, only with a value: see [`put_additional`]).
    fn signs(&self, name: &[u8], value: &[u8]) -> bool {
        self.signs_prefixed(LowerPrefix::of(name), name, value)
    }

    /// [`Parts::signs`] for a name whose prefix is known.
    fn signs_prefixed(&self, prefix: LowerPrefix, name: &[u8], value: &[u8]) -> bool {
        is_default_prefixed(prefix, name.len())
            || (self.additional.contains(name)
                && !(self.drop_absent && value.trim_ascii().is_empty()))
    }
}

/// Writes an `AdditionalHeaders` list: the names lower-cased, sorted, once each, joined by
/// `;`, without those signed anyway and (when `drop_absent`, as signers do) those the
/// request lacks.
pub(crate) fn put_additional<'a, H: Headers<'a>>(
    sink: &mut impl Sink,
    additional: Additional<'_>,
    drop_absent: bool,
    headers: &H,
) {
    // A signer drops names the request lacks, or carries with an empty value (as the v2
    // SDKs do); a server keeps the list it was sent.
    let keeps = |name: &[u8]| {
        !is_default_signed(name)
            && (!drop_absent
                || headers.fields().any(|(other, value)| {
                    other.eq_ignore_ascii_case(name) && !value.trim_ascii().is_empty()
                }))
    };
    let names = additional.names();
    if names.clone().next().is_none() {
        return;
    }
    let mut last: Option<&[u8]> = None;
    loop {
        let mut next: Option<&[u8]> = None;
        for name in names.clone() {
            let above = last.is_none_or(|last| cmp_lower(name, last) == Ordering::Greater);
            if above
                && next.is_none_or(|next| cmp_lower(name, next) == Ordering::Less)
                && keeps(name)
            {
                next = Some(name);
            }
        }
        let Some(name) = next else { return };
        if last.is_some() {
            sink.put(b";");
        }
        sink.put_lower(name);
        last = Some(name);
    }
}

/// Percent-encodes (RFC 3986) whatever is put, into another sink.
struct Encoding<'s, S> {
    sink: &'s mut S,
    keep_slash: bool,
}

impl<S: Sink> Sink for Encoding<'_, S> {
    fn put(&mut self, bytes: &[u8]) {
        percent::encode_pieces(bytes, self.keep_slash, |piece| self.sink.put(piece));
    }
}

/// A header borrowed for less long (to chain it with shorter-lived ones).
const fn field<'long: 'short, 'short>(field: Field<'long>) -> Field<'short> {
    field
}

/// Streams the canonical request into `sink`.
pub(crate) fn write_canonical_request<'a: 'p, 'p, H: Headers<'a>, Q: Query<'a>>(
    sink: &mut impl Sink,
    request: &Request<'a, H, Q>,
    parts: &Parts<'p>,
) {
    put_upper(sink, request.method.as_bytes());
    sink.put(b"\n");
    write_uri(sink, request);
    sink.put(b"\n");
    let extra_query = parts.extra_query.iter().flatten().copied();
    let skip = parts.skip_signature_param;
    // A pair with neither name nor value is no parameter (a URL reader skips the empty
    // piece between two `&`, so a server never sees it).
    let own = request
        .query
        .params()
        .map(Param::shorter)
        .filter(|p| !(p.name.is_empty() && p.value.is_empty()))
        .filter(move |p| !(skip && crate::v4::received::is_signature_param(p)));
    write_query(sink, own.chain(extra_query));
    sink.put(b"\n");
    let all = request
        .headers
        .fields()
        .map(field)
        .chain(parts.extra_headers.iter().flatten().copied());
    let mut sorted = SortedFields::default();
    for (name, value) in all.clone() {
        let prefix = LowerPrefix::of(name);
        if parts.signs_prefixed(prefix, name, value) {
            sorted.push_prefixed(prefix, name, value.trim_ascii());
        }
    }
    sorted.write(sink, all, |name, value| parts.signs(name, value));
    sink.put(b"\n");
    parts.put_additional(sink, &request.headers);
    sink.put(b"\n");
    sink.put(parts.payload);
}

/// The signature of `request` with `parts` and `key`: hex(HMAC-SHA256(key, string-to-sign)).
pub(crate) fn signature<'a: 'p, 'p, H: Headers<'a>, Q: Query<'a>>(
    key: &ScopedKey<'_>,
    request: &Request<'a, H, Q>,
    parts: &Parts<'p>,
) -> SignatureV4 {
    key.signature(|sts| write_string_to_sign(sts, request, parts))
}

/// Streams the string-to-sign into `sink`, hashing the canonical request on the way.
pub(crate) fn write_string_to_sign<'a: 'p, 'p, H: Headers<'a>, Q: Query<'a>>(
    sink: &mut impl Sink,
    request: &Request<'a, H, Q>,
    parts: &Parts<'p>,
) {
    let mut sha = Sha256::new();
    // Most canonical requests fit in 512 bytes; longer ones are fed in runs.
    HashSink::<_, 512>::feed(&mut sha, |hash| {
        write_canonical_request(hash, request, parts);
    });
    let mut hex = [0u8; 64];
    let hex = base16ct::lower::encode(&sha.finalize(), &mut hex).unwrap_or_default();
    sink.put(&ALGORITHM_LINE);
    sink.put(parts.date);
    sink.put(b"\n");
    parts.scope.put(sink);
    sink.put(b"\n");
    sink.put(hex);
}

/// CanonicalURI: `/`, `/bucket/` or `/bucket/key`, encoded with `/` kept.
fn write_uri<'a, H, Q>(sink: &mut impl Sink, request: &Request<'a, H, Q>) {
    sink.put(b"/");
    if let Some(bucket) = request.bucket {
        let mut encoding = Encoding {
            sink: &mut *sink,
            keep_slash: true,
        };
        encoding.put(bucket.as_bytes());
        encoding.put(b"/");
        if let Some(key) = &request.key {
            key.feed(&mut encoding);
        }
    }
}

/// The order of the canonical query: encoded name, then encoded value.
fn cmp_encoded(a: &Param<'_>, b: &Param<'_>) -> Ordering {
    fn encoded<'t>(text: &Text<'t>) -> percent::EncodeBytes<crate::text::Decoded<'t>> {
        percent::encode_bytes(text.decoded(), false)
    }
    encoded(&a.name)
        .cmp(encoded(&b.name))
        .then_with(|| encoded(&a.value).cmp(encoded(&b.value)))
}

/// CanonicalQuery: every parameter, encoded, sorted; `name` alone when the value is empty.
pub(crate) fn write_query<'a>(
    sink: &mut impl Sink,
    params: impl Iterator<Item = Param<'a>> + Clone,
) {
    let mut sorted: heapless::Vec<Param<'a>, SORTED_ON_STACK> = heapless::Vec::new();
    for param in params.clone() {
        let at = sorted
            .iter()
            .rposition(|other| cmp_encoded(other, &param) != Ordering::Greater)
            .map_or(0, |before| before + 1);
        if sorted.insert(at, param).is_err() {
            return write_query_unbounded(sink, params);
        }
    }
    for (at, param) in sorted.iter().enumerate() {
        if at > 0 {
            sink.put(b"&");
        }
        write_param(sink, param);
    }
}

fn write_param(sink: &mut impl Sink, param: &Param<'_>) {
    let mut encoding = Encoding {
        sink,
        keep_slash: false,
    };
    param.name.feed(&mut encoding);
    if !param.value.is_empty() {
        encoding.sink.put(b"=");
        param.value.feed(&mut encoding);
    }
}

/// The same output as the sorted path of [`write_query`] for any number of parameters:
/// picks the smallest (order, position) above the last one written.
fn write_query_unbounded<'a>(
    sink: &mut impl Sink,
    params: impl Iterator<Item = Param<'a>> + Clone,
) {
    let order =
        |a: (usize, &Param<'_>), b: (usize, &Param<'_>)| cmp_encoded(a.1, b.1).then(a.0.cmp(&b.0));
    let mut last: Option<(usize, Param<'a>)> = None;
    loop {
        let mut next: Option<(usize, Param<'a>)> = None;
        for (at, param) in params.clone().enumerate() {
            let above = last
                .as_ref()
                .is_none_or(|(l, lp)| order((at, &param), (*l, lp)).is_gt());
            let below = next
                .as_ref()
                .is_none_or(|(n, np)| order((at, &param), (*n, np)).is_lt());
            if above && below {
                next = Some((at, param));
            }
        }
        let Some((at, param)) = next else { return };
        if last.is_some() {
            sink.put(b"&");
        }
        write_param(sink, &param);
        last = Some((at, param));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::String;
    use alloc::vec::Vec;
    use oss_naming::Timestamp;

    use crate::v4::scope::Product;

    #[test]
    fn many_parameters_take_the_unbounded_path_with_the_same_result() {
        let names: Vec<String> = (0..40).rev().map(|i| alloc::format!("p{i:02}")).collect();
        let mut params: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "v")).collect();
        params.push(("p03", "a"));
        let mut few: Vec<u8> = Vec::new();
        write_query(&mut few, params[..10].iter().map(|(n, v)| Param::new(n, v)));
        let mut small: Vec<u8> = Vec::new();
        write_query_unbounded(
            &mut small,
            params[..10].iter().map(|(n, v)| Param::new(n, v)),
        );
        assert_eq!(few, small);
        let mut all: Vec<u8> = Vec::new();
        write_query(&mut all, params.iter().map(|(n, v)| Param::new(n, v)));
        let text = String::from_utf8(all).unwrap();
        assert!(
            text.starts_with("p00=v&p01=v&p02=v&p03=a&p03=v&p04=v"),
            "{text}"
        );
    }

    #[test]
    fn the_published_canonical_request() {
        let headers = [
            ("x-oss-head1", "value"),
            ("abc", "value"),
            ("ZAbc", "value"),
            ("XYZ", "value"),
            ("Content-Type", "text/plain"),
            ("x-oss-content-sha256", "UNSIGNED-PAYLOAD"),
        ];
        let query = [
            ("param1", "value1"),
            ("+param1", "value3"),
            ("|param1", "value4"),
            ("+param2", ""),
            ("|param2", ""),
            ("param2", ""),
        ];
        let request = Request::new("PUT")
            .with_bucket("bucket")
            .with_key("1234+-/123/1.txt")
            .with_headers(&headers)
            .with_query(&query);
        let now = Timestamp::from_unix(1_702_743_657).unwrap();
        let date = now.compact_iso8601();
        let parts = Parts {
            date: date.as_str().as_bytes(),
            scope: Scope::new(now, "cn-hangzhou", Product::Oss).unwrap(),
            extra_headers: [Some((b"x-oss-date", date.as_str().as_bytes())), None, None],
            extra_query: [None; 6],
            additional: Additional::List(&[]),
            drop_absent: true,
            payload: b"UNSIGNED-PAYLOAD",
            skip_signature_param: false,
        };
        let mut canonical: Vec<u8> = Vec::new();
        write_canonical_request(&mut canonical, &request, &parts);
        assert_eq!(
            String::from_utf8(canonical).unwrap(),
            "PUT\n/bucket/1234%2B-/123/1.txt\n%2Bparam1=value3&%2Bparam2&%7Cparam1=value4&%7Cparam2&param1=value1&param2\ncontent-type:text/plain\nx-oss-content-sha256:UNSIGNED-PAYLOAD\nx-oss-date:20231216T162057Z\nx-oss-head1:value\n\n\nUNSIGNED-PAYLOAD"
        );
        let mut sts: Vec<u8> = Vec::new();
        write_string_to_sign(&mut sts, &request, &parts);
        assert!(sts.ends_with(b"f4613657f1b108998e8dbd10a1aa5da621dc2c6e02c9ddec0f163664848704c4"));
    }
}
