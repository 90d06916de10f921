//! The string-to-sign, streamed into a sink piece by piece with no allocation:
//!
//! ```text
//! VERB \n Content-MD5 \n Content-Type \n DATE \n CanonicalizedOSSHeaders CanonicalizedResource
//! ```

use core::cmp::Ordering;

use crate::input::{Headers, Param, Query, Request};
use crate::sink::Sink;
use crate::text::Text;
use crate::words::lower_word;

/// How many `x-oss-` headers (or signed parameters) are sorted on the stack; requests
/// with more are handled by a slower selection pass that needs no storage at all.
const STACK_ITEMS: usize = 12;

/// What fills the DATE line.
#[derive(Clone, Copy, Debug)]
pub(crate) enum DateSlot<'a> {
    /// Header authentication: `x-oss-date` when present, else `Date`.
    FromHeaders,
    /// Presigned URL: the `Expires` value (decimal seconds).
    Expires(&'a [u8]),
}

/// The standard headers the string-to-sign uses.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Standard<'a> {
    pub(crate) content_md5: Option<&'a [u8]>,
    pub(crate) content_type: Option<&'a [u8]>,
    pub(crate) date: Option<&'a [u8]>,
    pub(crate) oss_date: Option<&'a [u8]>,
}

impl<'a> Standard<'a> {
    /// The value the DATE line takes in header mode.
    pub(crate) fn date_line(&self) -> Option<&'a [u8]> {
        self.oss_date.or(self.date)
    }
}

/// A lower-case 8-byte constant with the mask of its letters: `word | letters == lower`
/// compares a word of [`word`] with it ignoring ASCII case, in two instructions and
/// exactly (only a letter's case bit is ignored, so `\r` never passes for `-`).
#[derive(Clone, Copy)]
struct Folded {
    lower: u64,
    letters: u64,
}

impl Folded {
    const fn new(lower: &[u8; 8]) -> Self {
        let mut letters = [0u8; 8];
        let mut at = 0;
        while at < 8 {
            if lower[at].is_ascii_lowercase() {
                letters[at] = 0x20;
            }
            at += 1;
        }
        Self {
            lower: u64::from_le_bytes(*lower),
            letters: u64::from_le_bytes(letters),
        }
    }

    #[inline(always)]
    const fn matches(self, word: u64) -> bool {
        word | self.letters == self.lower
    }
}

/// `x-oss-` in the first six bytes (compare a word masked with [`FIRST_SIX`]).
const X_OSS: Folded = Folded::new(b"x-oss-\0\0");
/// The first six bytes of a word of [`word`].
const FIRST_SIX: u64 = 0x0000_FFFF_FFFF_FFFF;
const CONTENT: Folded = Folded::new(b"content-");
const TENT_MD5: Folded = Folded::new(b"tent-md5");
const ENT_TYPE: Folded = Folded::new(b"ent-type");
const AUTHORIZ: Folded = Folded::new(b"authoriz");
const RIZATION: Folded = Folded::new(b"rization");
const OSS_DATE: Folded = Folded::new(b"oss-date");

/// Keeps the first value of a standard header, trimmed.
#[inline(always)]
fn first_value<'a>(slot: &mut Option<&'a [u8]>, value: &'a [u8]) {
    if slot.is_none() {
        *slot = Some(trim(value));
    }
}

/// `value` without leading and trailing ASCII whitespace. The usual case, nothing to
/// trim, costs two byte comparisons (every ASCII whitespace byte is at most `' '`).
#[inline(always)]
fn trim(value: &[u8]) -> &[u8] {
    match (value.first(), value.last()) {
        (Some(&first), Some(&last)) if first > b' ' && last > b' ' => value,
        _ => value.trim_ascii(),
    }
}

/// Whether a header name starts with `x-oss-`, in any case.
#[inline]
pub(crate) fn is_oss_header(name: &[u8]) -> bool {
    match word(name, 0) {
        Some(first) => X_OSS.matches(first & FIRST_SIX),
        None => name.len() >= 6 && name[..6].eq_ignore_ascii_case(b"x-oss-"),
    }
}

/// The 8 bytes at `at` as a little-endian word, if there are 8: for matching, where a
/// byte swap would be wasted.
#[inline(always)]
fn word(bytes: &[u8], at: usize) -> Option<u64> {
    let chunk: [u8; 8] = bytes.get(at..at + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(chunk))
}

/// The 8 bytes at `at` as a big-endian word (so word order is byte order), if there
/// are 8: for sorting.
#[inline(always)]
fn ordered_word(bytes: &[u8], at: usize) -> Option<u64> {
    word(bytes, at).map(u64::swap_bytes)
}

/// The last 8 bytes of `bytes` (at least 8 long), as a word of [`word`].
#[inline(always)]
fn last_word(bytes: &[u8]) -> u64 {
    bytes
        .last_chunk::<8>()
        .map_or(0, |chunk| u64::from_le_bytes(*chunk))
}

/// Whether `name` equals `lower` (an all-lower-case constant) ignoring ASCII case.
#[inline]
fn eq_lower(name: &[u8], lower: &[u8]) -> bool {
    if name.len() != lower.len() {
        return false;
    }
    if name.len() < 8 {
        return name.eq_ignore_ascii_case(lower);
    }
    let last = name.len() - 8;
    let mut at = 0;
    loop {
        let at_word = at.min(last);
        match (word(name, at_word), word(lower, at_word)) {
            (Some(a), Some(b)) if lower_word(a) == b => {}
            _ => return false,
        }
        if at_word == last {
            return true;
        }
        at += 8;
    }
}

/// Bytewise order of the lower-cased names.
#[inline]
fn cmp_lower(a: &[u8], b: &[u8]) -> Ordering {
    let mut at = 0;
    while let (Some(x), Some(y)) = (ordered_word(a, at), ordered_word(b, at)) {
        let (x, y) = (lower_word(x), lower_word(y));
        if x != y {
            return x.cmp(&y);
        }
        at += 8;
    }
    for (x, y) in a[at..].iter().zip(&b[at..]) {
        let (x, y) = (x.to_ascii_lowercase(), y.to_ascii_lowercase());
        if x != y {
            return x.cmp(&y);
        }
    }
    a.len().cmp(&b.len())
}

/// Everything the string-to-sign (and verification) needs from the headers, found in one
/// pass: the standard headers, `Authorization`, the STS token, and the `x-oss-` headers
/// sorted on the stack.
#[derive(Clone, Copy, Debug)]
pub(crate) struct HeaderScan<'a> {
    pub(crate) standard: Standard<'a>,
    pub(crate) authorization: Option<&'a [u8]>,
    pub(crate) security_token: Option<&'a [u8]>,
    /// Sorted `x-oss-` headers in `oss[..oss_len]` (`None` is all-zero, so the array
    /// starts as a cheap memset rather than a copied pattern).
    oss: [Option<(&'a [u8], &'a [u8])>; STACK_ITEMS],
    oss_len: usize,
    /// Two of the sorted `x-oss-` headers have the same name (ignoring case).
    repeated: bool,
    /// More `x-oss-` headers than the stack holds: write them with the unbounded pass.
    overflow: bool,
    /// A header the signer adds (the STS token), kept for the unbounded pass.
    extra: Option<(&'a [u8], &'a [u8])>,
}

impl<'a> HeaderScan<'a> {
    /// Nothing scanned yet. Build it where it stays, then [`HeaderScan::scan`]: returning
    /// a filled scan by value costs a 500-byte copy.
    #[inline(always)]
    pub(crate) const fn empty() -> Self {
        Self {
            standard: Standard {
                content_md5: None,
                content_type: None,
                date: None,
                oss_date: None,
            },
            authorization: None,
            security_token: None,
            oss: [None; STACK_ITEMS],
            oss_len: 0,
            repeated: false,
            overflow: false,
            extra: None,
        }
    }

    /// Scans `headers` once (first value wins for the standard headers).
    #[inline(always)]
    pub(crate) fn scan(&mut self, headers: impl Iterator<Item = (&'a [u8], &'a [u8])>) {
        for (name, value) in headers {
            self.classify(name, value);
        }
    }

    /// Files one header. Names are told apart by their length and their first (and last)
    /// eight bytes, compared ignoring case a word at a time.
    #[inline(always)]
    fn classify(&mut self, name: &'a [u8], value: &'a [u8]) {
        let Some(head) = word(name, 0) else {
            if let Ok(short) = <[u8; 4]>::try_from(name) {
                // All four are letters: setting their case bits compares exactly.
                if u32::from_be_bytes(short) | 0x2020_2020 == u32::from_be_bytes(*b"date") {
                    first_value(&mut self.standard.date, value);
                }
            } else if is_oss_header(name) {
                self.push_oss(name, value);
            }
            return;
        };
        let tail = last_word(name);
        let slot = if X_OSS.matches(head & FIRST_SIX) {
            self.push_oss(name, value);
            match name.len() {
                10 if OSS_DATE.matches(tail) => &mut self.standard.oss_date,
                20 if eq_lower(name, b"x-oss-security-token") => &mut self.security_token,
                _ => return,
            }
        } else {
            match name.len() {
                11 if CONTENT.matches(head) && TENT_MD5.matches(tail) => {
                    &mut self.standard.content_md5
                }
                12 if CONTENT.matches(head) && ENT_TYPE.matches(tail) => {
                    &mut self.standard.content_type
                }
                13 if AUTHORIZ.matches(head) && RIZATION.matches(tail) => &mut self.authorization,
                _ => return,
            }
        };
        first_value(slot, value);
    }

    /// Adds a header the signer signs although the request does not carry it yet.
    pub(crate) fn add(&mut self, name: &'a [u8], value: &'a [u8]) {
        self.extra = Some((name, value));
        self.push_oss(name, value);
    }

    /// Insertion sort into the stack array (values trimmed); stable, so repeated names
    /// keep their order.
    #[inline(always)]
    fn push_oss(&mut self, name: &'a [u8], value: &'a [u8]) {
        if self.oss_len == STACK_ITEMS {
            self.overflow = true;
            return;
        }
        let mut at = self.oss_len;
        while let Some((before, _)) = at.checked_sub(1).and_then(|before| self.oss[before]) {
            match cmp_lower(before, name) {
                Ordering::Less => break,
                Ordering::Equal => {
                    self.repeated = true;
                    break;
                }
                Ordering::Greater => {}
            }
            self.oss[at] = self.oss[at - 1];
            at -= 1;
        }
        self.oss[at] = Some((name, trim(value)));
        self.oss_len += 1;
    }
}

/// Streams the whole string-to-sign of `request` into `sink`.
pub(crate) fn write_string_to_sign<'a, H, Q, S>(
    sink: &mut S,
    request: &Request<'a, H, Q>,
    scan: &HeaderScan<'a>,
    date: DateSlot<'_>,
    param: Option<Param<'a>>,
) where
    H: Headers<'a>,
    Q: Query<'a>,
    S: Sink,
{
    let standard = &scan.standard;
    write_method(sink, request.method);
    sink.put_then(standard.content_md5.unwrap_or_default(), b'\n');
    sink.put_then(standard.content_type.unwrap_or_default(), b'\n');
    let date = match date {
        DateSlot::FromHeaders => standard.date_line().unwrap_or_default(),
        DateSlot::Expires(expires) => expires,
    };
    sink.put_then(date, b'\n');
    if scan.overflow {
        write_oss_headers_unbounded(sink, request.headers.fields().chain(scan.extra));
    } else if scan.repeated {
        write_oss_headers(sink, &scan.oss[..scan.oss_len]);
    } else {
        for &(name, value) in scan.oss[..scan.oss_len].iter().flatten() {
            sink.put_oss_field(name, value, b'\n');
        }
    }
    write_resource(sink, request, param);
}

/// The method, upper-cased.
#[inline(always)]
fn write_method(sink: &mut impl Sink, method: &str) {
    let bytes = method.as_bytes();
    if let b"GET" | b"PUT" | b"POST" | b"HEAD" | b"DELETE" | b"OPTIONS" = bytes {
        sink.put_then(bytes, b'\n');
        return;
    }
    let mut upper = [0u8; 16];
    if bytes.len() <= upper.len() && bytes.iter().any(u8::is_ascii_lowercase) {
        let upper = &mut upper[..bytes.len()];
        upper.copy_from_slice(bytes);
        upper.make_ascii_uppercase();
        sink.put_then(upper, b'\n');
    } else {
        sink.put_then(bytes, b'\n');
    }
}

/// CanonicalizedOSSHeaders from sorted `x-oss-` headers (values already trimmed):
/// `name:value\n` per distinct lower-cased name, repeated names joined with `,` in the
/// order given.
fn write_oss_headers(sink: &mut impl Sink, sorted: &[Option<(&[u8], &[u8])>]) {
    let mut continued = false;
    for (at, &(name, value)) in sorted.iter().flatten().enumerate() {
        let continues = sorted
            .get(at + 1)
            .is_some_and(|next| next.is_some_and(|next| next.0.eq_ignore_ascii_case(name)));
        let end = if continues { b',' } else { b'\n' };
        if continued {
            sink.put_then(value, end);
        } else {
            sink.put_oss_field(name, value, end);
        }
        continued = continues;
    }
}

/// The same output as [`write_oss_headers`] for any number of headers: repeatedly picks
/// the smallest name above the last one written.
fn write_oss_headers_unbounded<'a, I>(sink: &mut impl Sink, all: I)
where
    I: Iterator<Item = (&'a [u8], &'a [u8])> + Clone,
{
    let mut last: Option<&[u8]> = None;
    loop {
        let mut next: Option<&[u8]> = None;
        for (name, _) in all.clone() {
            let above_last = last.is_none_or(|last| cmp_lower(name, last) == Ordering::Greater);
            if is_oss_header(name)
                && above_last
                && next.is_none_or(|next| cmp_lower(name, next) == Ordering::Less)
            {
                next = Some(name);
            }
        }
        let Some(name) = next else { return };
        sink.put_lower(name);
        sink.put_byte(b':');
        let mut first = true;
        for (other, value) in all.clone() {
            if other.eq_ignore_ascii_case(name) {
                if !first {
                    sink.put_byte(b',');
                }
                sink.put(trim(value));
                first = false;
            }
        }
        sink.put_byte(b'\n');
        last = Some(name);
    }
}

/// CanonicalizedResource: `/`, `/bucket/` or `/bucket/key`, then `?` and the signed
/// sub-resources sorted by name (`k=v`, or `k` when the value is empty).
fn write_resource<'a, H, Q, S>(sink: &mut S, request: &Request<'a, H, Q>, extra: Option<Param<'a>>)
where
    Q: Query<'a>,
    S: Sink,
{
    sink.put_byte(b'/');
    if let Some(bucket) = request.bucket {
        sink.put(bucket.as_bytes());
        sink.put_byte(b'/');
        if let Some(key) = &request.key {
            key.feed(sink);
        }
    }
    let rules = request.subresources;
    let signed = request
        .query
        .params()
        .chain(extra)
        .filter(move |param| param.name.is_signed(&rules));
    write_subresources(sink, signed);
}

/// Sorted sub-resources; a repeated name keeps its first value.
fn write_subresources<'a, S: Sink>(sink: &mut S, signed: impl Iterator<Item = Param<'a>> + Clone) {
    if signed.clone().next().is_none() {
        return;
    }
    let empty = Param::from_bytes(&[], &[]);
    let mut stack = [empty; STACK_ITEMS];
    let mut len = 0;
    for param in signed.clone() {
        if len == STACK_ITEMS {
            return write_subresources_unbounded(sink, signed);
        }
        let mut at = len;
        while at > 0 && stack[at - 1].name.cmp(&param.name) == Ordering::Greater {
            stack[at] = stack[at - 1];
            at -= 1;
        }
        stack[at] = param;
        len += 1;
    }
    let mut previous: Option<&Text<'_>> = None;
    for param in &stack[..len] {
        if previous.is_some_and(|previous| previous.cmp(&param.name) == Ordering::Equal) {
            continue;
        }
        sink.put_byte(if previous.is_none() { b'?' } else { b'&' });
        write_param(sink, param);
        previous = Some(&param.name);
    }
}

fn write_param(sink: &mut impl Sink, param: &Param<'_>) {
    param.name.feed(sink);
    if !param.value.is_empty() {
        sink.put_byte(b'=');
        param.value.feed(sink);
    }
}

/// The same output as [`write_subresources`] for any number of parameters.
fn write_subresources_unbounded<'a, S: Sink>(
    sink: &mut S,
    signed: impl Iterator<Item = Param<'a>> + Clone,
) {
    let mut last: Option<Text<'a>> = None;
    loop {
        let mut next: Option<Param<'a>> = None;
        for param in signed.clone() {
            let above_last = last.is_none_or(|last| param.name.cmp(&last) == Ordering::Greater);
            // Strictly smaller keeps the first of equal names.
            if above_last && next.is_none_or(|next| param.name.cmp(&next.name) == Ordering::Less) {
                next = Some(param);
            }
        }
        let Some(param) = next else { return };
        sink.put_byte(if last.is_none() { b'?' } else { b'&' });
        write_param(sink, &param);
        last = Some(param.name);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::RawQuery;
    use alloc::vec::Vec;

    impl Sink for Vec<u8> {
        fn put(&mut self, bytes: &[u8]) {
            self.extend_from_slice(bytes);
        }
    }

    fn sts<'a, H: Headers<'a>, Q: Query<'a>>(request: &Request<'a, H, Q>) -> alloc::string::String {
        let mut out = Vec::new();
        let mut scan = HeaderScan::empty();
        scan.scan(request.headers.fields());
        write_string_to_sign(&mut out, request, &scan, DateSlot::FromHeaders, None);
        alloc::string::String::from_utf8(out).unwrap()
    }

    #[test]
    fn word_helpers_agree_with_the_byte_versions() {
        let names: [&[u8]; 12] = [
            b"",
            b"x",
            b"X-OSS-",
            b"x-oss-a",
            b"X-Oss-Meta-Author",
            b"x-oss-meta-author",
            b"x-oss-meta-a",
            b"x-oss-meta-b",
            b"Content-Type",
            b"content-type",
            b"x-oss-\xC3\xA9\x80[`@{",
            b"AUTHORIZATION",
        ];
        for a in names {
            let expected = a.len() >= 6 && a[..6].eq_ignore_ascii_case(b"x-oss-");
            assert_eq!(is_oss_header(a), expected, "{a:?}");
            for b in names {
                let naive = a.to_ascii_lowercase().cmp(&b.to_ascii_lowercase());
                assert_eq!(cmp_lower(a, b), naive, "{a:?} {b:?}");
                let lower = b.to_ascii_lowercase();
                assert_eq!(
                    eq_lower(a, &lower),
                    a.eq_ignore_ascii_case(&lower),
                    "{a:?} {b:?}"
                );
            }
        }
        for byte in 0..=255u8 {
            let word = u64::from_be_bytes([byte; 8]);
            assert_eq!(
                lower_word(word),
                u64::from_be_bytes([byte.to_ascii_lowercase(); 8]),
                "{byte}"
            );
        }
    }

    #[test]
    fn folded_words_match_exactly_the_case_insensitive_equals() {
        for constant in [b"x-oss-\0\0", b"content-", b"tent-md5", b"oss-date"] {
            let folded = Folded::new(constant);
            for at in 0..8 {
                for byte in 0..=255u8 {
                    let mut bytes = *constant;
                    bytes[at] = byte;
                    let expected = bytes.eq_ignore_ascii_case(constant);
                    let word = u64::from_le_bytes(bytes);
                    assert_eq!(folded.matches(word), expected, "{constant:?} {at} {byte}");
                }
            }
        }
    }

    #[test]
    fn trim_agrees_with_trim_ascii() {
        let bytes: Vec<u8> = (0..=0x21).chain([b'a', 0x7F, 0x80, 0xFF]).collect();
        for &a in &bytes {
            for &b in &bytes {
                for value in [&[a][..], &[a, b], &[a, b'x', b], &[]] {
                    assert_eq!(trim(value), value.trim_ascii(), "{value:?}");
                }
            }
        }
    }

    #[test]
    fn docs_example_with_mixed_case_headers() {
        let headers = [
            (
                "Content-MD5",
                "ODBGOERFMDMzQTczRUY3NUE3NzA5QzdFNUYzMDQxNEM=",
            ),
            ("Content-Type", "text/html"),
            ("Date", "Thu, 17 Nov 2005 18:49:58 GMT"),
            ("X-OSS-Meta-Author", "foo@bar.com"),
            ("X-OSS-Magic", "abracadabra"),
        ];
        let request = Request::new("PUT")
            .with_bucket("oss-example")
            .with_key("nelson")
            .with_headers(&headers);
        assert_eq!(
            sts(&request),
            "PUT\nODBGOERFMDMzQTczRUY3NUE3NzA5QzdFNUYzMDQxNEM=\ntext/html\nThu, 17 Nov 2005 18:49:58 GMT\n\
             x-oss-magic:abracadabra\nx-oss-meta-author:foo@bar.com\n/oss-example/nelson"
        );
    }

    #[test]
    fn duplicates_are_joined_and_values_trimmed() {
        let headers = [
            ("x-oss-meta-a", " 1 "),
            ("X-Oss-Meta-B", "b"),
            ("x-oss-meta-A", "2\t"),
        ];
        let request = Request::new("get").with_headers(&headers);
        assert_eq!(
            sts(&request),
            "GET\n\n\n\nx-oss-meta-a:1,2\nx-oss-meta-b:b\n/"
        );
    }

    #[test]
    fn many_headers_take_the_unbounded_path_with_the_same_result() {
        let names: Vec<alloc::string::String> = (0..40)
            .rev()
            .map(|i| alloc::format!("X-Oss-Meta-{i:02}"))
            .collect();
        let mut headers: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), " v ")).collect();
        headers.push(("x-oss-meta-05", "again"));
        let request = Request::new("GET").with_headers(headers.as_slice());
        let text = sts(&request);
        let mut expected = alloc::string::String::from("GET\n\n\n\n");
        for i in 0..40 {
            let extra = if i == 5 { ",again" } else { "" };
            expected.push_str(&alloc::format!("x-oss-meta-{i:02}:v{extra}\n"));
        }
        expected.push('/');
        assert_eq!(text, expected);
    }

    #[test]
    fn subresources_sorted_first_value_wins_unsigned_skipped() {
        let query = RawQuery::new(
            "versionId=b&prefix=x&acl&versionId=a&x-oss-process=image%2Fresize%2Cw_100&response-content-type=text%2Fplain+x",
        );
        let request = Request::new("GET")
            .with_bucket("b")
            .with_key("k")
            .with_query(query);
        assert_eq!(
            sts(&request),
            "GET\n\n\n\n/b/k?acl&response-content-type=text/plain x&versionId=b&x-oss-process=image/resize,w_100"
        );
    }

    #[test]
    fn many_subresources_take_the_unbounded_path_with_the_same_result() {
        let names: Vec<alloc::string::String> = (0..30)
            .rev()
            .map(|i| alloc::format!("x-oss-p{i:02}"))
            .collect();
        let mut params: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "1")).collect();
        params.push(("x-oss-p03", "second"));
        let request = Request::new("GET")
            .with_bucket("b")
            .with_query(params.as_slice());
        let mut expected = alloc::string::String::from("GET\n\n\n\n/b/?");
        let parts: Vec<alloc::string::String> =
            (0..30).map(|i| alloc::format!("x-oss-p{i:02}=1")).collect();
        expected.push_str(&parts.join("&"));
        assert_eq!(sts(&request), expected);
    }

    #[test]
    fn resource_shapes() {
        assert!(sts(&Request::new("GET")).ends_with("\n/"));
        assert!(sts(&Request::new("GET").with_key("ignored")).ends_with("\n/"));
        assert!(sts(&Request::new("GET").with_bucket("b")).ends_with("\n/b/"));
        assert!(
            sts(&Request::new("GET")
                .with_bucket("b")
                .with_encoded_key("a%20b+c"))
            .ends_with("\n/b/a b+c")
        );
    }

    #[test]
    fn date_is_found_in_any_case_and_only_date() {
        for (name, line) in [("DATE", "d"), ("dAtE", "d"), ("Data", ""), ("D\u{4}TE", "")] {
            let headers = [(name, "d")];
            let text = sts(&Request::new("GET").with_headers(&headers));
            assert_eq!(text, alloc::format!("GET\n\n\n{line}\n/"), "{name}");
        }
    }

    #[test]
    fn x_oss_date_fills_the_date_line() {
        let headers = [("Date", "d1"), ("x-oss-date", "d2")];
        assert_eq!(
            sts(&Request::new("GET").with_headers(&headers)),
            "GET\n\n\nd2\nx-oss-date:d2\n/"
        );
    }
}
