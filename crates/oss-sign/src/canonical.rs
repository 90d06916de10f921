//! The V1 string-to-sign, streamed into a sink piece by piece with no allocation:
//!
//! ```text
//! VERB \n Content-MD5 \n Content-Type \n DATE \n CanonicalizedOSSHeaders CanonicalizedResource
//! ```

use core::cmp::Ordering;

use heapless::Vec;

use crate::input::{Headers, Query};
use crate::name_prefix::LowerPrefix;
use crate::request::{Param, Request};
use crate::text::Text;

/// How many `x-oss-` headers (or signed parameters) are sorted on the stack. More are
/// written by a selection pass that needs no storage: same output, quadratic time.
const SORTED_ON_STACK: usize = 16;

/// Receives the string-to-sign piece by piece.
pub(crate) trait Sink {
    fn put(&mut self, bytes: &[u8]);

    /// Puts a header name, lower-cased (16 bytes at a time).
    fn put_lower(&mut self, name: &[u8]) {
        self.put_prefixed_lower(LowerPrefix::of(name), name);
    }

    /// Puts a header name whose [`LowerPrefix`] is known, lower-cased.
    fn put_prefixed_lower(&mut self, prefix: LowerPrefix, name: &[u8]) {
        let mut next = Some(prefix);
        for chunk in name.chunks(16) {
            let lowered = next
                .take()
                .unwrap_or_else(|| LowerPrefix::of(chunk))
                .to_bytes();
            self.put(&lowered[..chunk.len()]);
        }
    }
}

impl<S: Sink + ?Sized> Sink for &mut S {
    fn put(&mut self, bytes: &[u8]) {
        (**self).put(bytes);
    }

    fn put_prefixed_lower(&mut self, prefix: LowerPrefix, name: &[u8]) {
        (**self).put_prefixed_lower(prefix, name);
    }
}

/// Bytes put into a `fmt::Write` (for canonical text, which is ASCII after encoding, or
/// UTF-8 otherwise); the first error is kept.
pub(crate) struct FmtSink<'w, W> {
    pub(crate) out: &'w mut W,
    pub(crate) result: core::fmt::Result,
}

impl<W: core::fmt::Write> Sink for FmtSink<'_, W> {
    fn put(&mut self, bytes: &[u8]) {
        if self.result.is_ok() {
            self.result = core::str::from_utf8(bytes)
                .map_err(|_| core::fmt::Error)
                .and_then(|text| self.out.write_str(text));
        }
    }
}

/// What fills the DATE line.
#[derive(Clone, Copy, Debug)]
pub(crate) enum DateLine<'a> {
    /// Header authentication: `x-oss-date` when present, else `Date`.
    FromHeaders,
    /// A presigned URL: the `Expires` value (decimal seconds), as sent.
    Expires(Text<'a>),
}

/// A header: name and (trimmed) value.
pub(crate) type Field<'a> = (&'a [u8], &'a [u8]);

/// Signed headers sorted by lower-cased name on the stack (stable, so repeated names keep
/// their order), or a note that there were too many to hold.
#[derive(Clone, Debug, Default)]
pub(crate) struct SortedFields<'a> {
    /// The fields in the order pushed, each with its name's [`LowerPrefix`].
    fields: Vec<(LowerPrefix, Field<'a>), SORTED_ON_STACK>,
    overflow: bool,
}

impl<'a> SortedFields<'a> {
    /// Adds a field; they are sorted when written.
    pub(crate) fn push(&mut self, name: &'a [u8], value: &'a [u8]) {
        self.push_prefixed(LowerPrefix::of(name), name, value);
    }

    /// Adds a field whose name's prefix the caller has computed.
    pub(crate) fn push_prefixed(&mut self, prefix: LowerPrefix, name: &'a [u8], value: &'a [u8]) {
        if !self.overflow && self.fields.push((prefix, (name, value))).is_err() {
            self.overflow = true;
        }
    }

    /// Writes `name:value\n` per distinct lower-cased name, the values of a repeated name
    /// joined with `,` in the order pushed. When more fields came than the stack holds,
    /// `all` (every header, walked again) and `signed` (which of them are signed) give the
    /// same output by a selection pass.
    pub(crate) fn write(
        &self,
        sink: &mut impl Sink,
        all: impl Iterator<Item = Field<'a>> + Clone,
        signed: impl Fn(&[u8], &[u8]) -> bool,
    ) {
        if self.overflow {
            return write_fields_unbounded(sink, all, signed);
        }
        // An insertion sort of (prefix, position): a comparison is one integer comparison
        // unless two prefixes are equal.
        let fields = self.fields.as_slice();
        let mut order = [(LowerPrefix::default(), 0usize); SORTED_ON_STACK];
        for (at, &(prefix, (name, _))) in fields.iter().enumerate() {
            let mut place = at;
            while place > 0 {
                let (before, before_at) = order[place - 1];
                let after = before > prefix
                    || (before == prefix && cmp_lower(fields[before_at].1.0, name).is_gt());
                if !after {
                    break;
                }
                order[place] = order[place - 1];
                place -= 1;
            }
            order[place] = (prefix, at);
        }
        let mut previous: Option<&(LowerPrefix, Field<'_>)> = None;
        for field in order[..fields.len()].iter().map(|&(_, at)| &fields[at]) {
            let (prefix, (name, value)) = field;
            let repeated = previous.is_some_and(|(previous_prefix, (previous_name, _))| {
                previous_prefix == prefix && previous_name.eq_ignore_ascii_case(name)
            });
            if repeated {
                sink.put(b",");
            } else {
                if previous.is_some() {
                    sink.put(b"\n");
                }
                sink.put_prefixed_lower(*prefix, name);
                sink.put(b":");
            }
            sink.put(value);
            previous = Some(field);
        }
        if previous.is_some() {
            sink.put(b"\n");
        }
    }
}

/// Everything signing and verification need from the headers, found in one pass.
#[derive(Clone, Debug)]
pub(crate) struct HeaderScan<'a> {
    pub(crate) content_md5: Option<&'a [u8]>,
    pub(crate) content_type: Option<&'a [u8]>,
    pub(crate) date: Option<&'a [u8]>,
    pub(crate) oss_date: Option<&'a [u8]>,
    pub(crate) authorization: Option<&'a [u8]>,
    pub(crate) security_token: Option<&'a [u8]>,
    /// The `x-oss-` headers, sorted.
    oss: SortedFields<'a>,
    /// A header the signer adds although the request does not carry it (the STS token).
    extra: Option<Field<'a>>,
}

impl<'a> HeaderScan<'a> {
    /// Scans `headers` (the first value of a standard header wins), plus `extra`.
    pub(crate) fn new(headers: impl Iterator<Item = Field<'a>>, extra: Option<Field<'a>>) -> Self {
        let mut scan = Self {
            content_md5: None,
            content_type: None,
            date: None,
            oss_date: None,
            authorization: None,
            security_token: None,
            oss: SortedFields::default(),
            extra,
        };
        for (name, value) in headers.chain(extra) {
            scan.classify(name, value.trim_ascii());
        }
        scan
    }

    fn classify(&mut self, name: &'a [u8], value: &'a [u8]) {
        let oss = is_oss_header(name);
        if oss {
            self.oss.push(name, value);
        }
        // The length first: most names are none of these, and are told so by it.
        let slot = match (name.len(), oss) {
            (10, true) if name.eq_ignore_ascii_case(b"x-oss-date") => &mut self.oss_date,
            (20, true) if name.eq_ignore_ascii_case(b"x-oss-security-token") => {
                &mut self.security_token
            }
            (4, false) if name.eq_ignore_ascii_case(b"date") => &mut self.date,
            (11, false) if name.eq_ignore_ascii_case(b"content-md5") => &mut self.content_md5,
            (12, false) if name.eq_ignore_ascii_case(b"content-type") => &mut self.content_type,
            (13, false) if name.eq_ignore_ascii_case(b"authorization") => &mut self.authorization,
            _ => return,
        };
        if slot.is_none() {
            *slot = Some(value);
        }
    }

    /// The value the DATE line takes in header form.
    pub(crate) fn date_line(&self) -> Option<&'a [u8]> {
        self.oss_date.or(self.date)
    }
}

/// Whether a header name starts with `x-oss-`, in any case.
pub(crate) const fn is_oss_header(name: &[u8]) -> bool {
    // Setting the case bit maps exactly the two cases of a letter onto its lower case, so
    // the four letters are compared with one OR each and the dashes exactly.
    matches!(name, [x, b'-', o, s1, s2, b'-', ..]
        if *x | 0x20 == b'x' && *o | 0x20 == b'o' && *s1 | 0x20 == b's' && *s2 | 0x20 == b's')
}

/// Bytewise order of the lower-cased names.
pub(crate) fn cmp_lower(a: &[u8], b: &[u8]) -> Ordering {
    for (x, y) in a.iter().zip(b) {
        if x != y {
            let (x, y) = (x.to_ascii_lowercase(), y.to_ascii_lowercase());
            if x != y {
                return x.cmp(&y);
            }
        }
    }
    a.len().cmp(&b.len())
}

/// Streams the whole string-to-sign of `request` into `sink`; `extra` is a query
/// parameter the signer adds (the STS token of a presigned URL).
pub(crate) fn write_string_to_sign<'a, H, Q>(
    sink: &mut impl Sink,
    request: &Request<'a, H, Q>,
    scan: &HeaderScan<'a>,
    date: DateLine<'_>,
    extra: Option<Param<'a>>,
) where
    H: Headers<'a>,
    Q: Query<'a>,
{
    put_upper(sink, request.method.as_bytes());
    sink.put(b"\n");
    sink.put(scan.content_md5.unwrap_or_default());
    sink.put(b"\n");
    sink.put(scan.content_type.unwrap_or_default());
    sink.put(b"\n");
    match date {
        DateLine::FromHeaders => sink.put(scan.date_line().unwrap_or_default()),
        DateLine::Expires(expires) => expires.feed(sink),
    }
    sink.put(b"\n");
    let all = request.headers.fields().chain(scan.extra);
    scan.oss.write(sink, all, |name, _| is_oss_header(name));
    write_resource(sink, request, extra);
}

/// The same output as [`SortedFields::write`] for any number of headers: repeatedly picks the
/// smallest signed name above the last one written.
fn write_fields_unbounded<'a>(
    sink: &mut impl Sink,
    all: impl Iterator<Item = Field<'a>> + Clone,
    signed: impl Fn(&[u8], &[u8]) -> bool,
) {
    let mut last: Option<&[u8]> = None;
    loop {
        let mut next: Option<&[u8]> = None;
        for (name, value) in all.clone() {
            let above_last = last.is_none_or(|last| cmp_lower(name, last) == Ordering::Greater);
            if signed(name, value)
                && above_last
                && next.is_none_or(|next| cmp_lower(name, next) == Ordering::Less)
            {
                next = Some(name);
            }
        }
        let Some(name) = next else { return };
        sink.put_lower(name);
        sink.put(b":");
        let mut first = true;
        for (other, value) in all.clone() {
            if other.eq_ignore_ascii_case(name) && signed(other, value) {
                if !first {
                    sink.put(b",");
                }
                sink.put(value.trim_ascii());
                first = false;
            }
        }
        sink.put(b"\n");
        last = Some(name);
    }
}

/// CanonicalizedResource: `/`, `/bucket/` or `/bucket/key`, then `?` and the signed
/// sub-resources sorted by name (`k=v`, or `k` when the value is empty).
fn write_resource<'a, H, Q>(
    sink: &mut impl Sink,
    request: &Request<'a, H, Q>,
    extra: Option<Param<'a>>,
) where
    Q: Query<'a>,
{
    sink.put(b"/");
    if let Some(bucket) = request.bucket {
        sink.put(bucket.as_bytes());
        sink.put(b"/");
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
    let mut sorted: Vec<Param<'a>, SORTED_ON_STACK> = Vec::new();
    for param in signed.clone() {
        let at = sorted
            .iter()
            .rposition(|other| other.name.cmp(&param.name) != Ordering::Greater)
            .map_or(0, |before| before + 1);
        if sorted.insert(at, param).is_err() {
            return write_subresources_unbounded(sink, signed);
        }
    }
    let mut previous: Option<&Text<'_>> = None;
    for param in &sorted {
        // A repeated name keeps its first value.
        if previous.is_some_and(|previous| previous.cmp(&param.name) == Ordering::Equal) {
            continue;
        }
        sink.put(if previous.is_none() { b"?" } else { b"&" });
        write_param(sink, param);
        previous = Some(&param.name);
    }
}

fn write_param(sink: &mut impl Sink, param: &Param<'_>) {
    param.name.feed(sink);
    if !param.value.is_empty() {
        sink.put(b"=");
        param.value.feed(sink);
    }
}

/// The same output as the sorted path of [`write_resource`] for any number of
/// parameters.
fn write_subresources_unbounded<'a>(
    sink: &mut impl Sink,
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
        sink.put(if last.is_none() { b"?" } else { b"&" });
        write_param(sink, &param);
        last = Some(param.name);
    }
}

/// Puts `bytes` with ASCII letters changed by `change`, through a small stack buffer.
fn put_cased(sink: &mut impl Sink, bytes: &[u8], needs: fn(&u8) -> bool, change: fn(&mut [u8])) {
    if !bytes.iter().any(needs) {
        sink.put(bytes);
        return;
    }
    let mut buf = [0u8; 32];
    for chunk in bytes.chunks(buf.len()) {
        let buf = &mut buf[..chunk.len()];
        buf.copy_from_slice(chunk);
        change(buf);
        sink.put(buf);
    }
}

/// The method, upper-cased.
pub(crate) fn put_upper(sink: &mut impl Sink, method: &[u8]) {
    put_cased(
        sink,
        method,
        u8::is_ascii_lowercase,
        <[u8]>::make_ascii_uppercase,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::RawQuery;
    use alloc::vec::Vec;

    impl Sink for Vec<u8> {
        fn put(&mut self, bytes: &[u8]) {
            self.extend_from_slice(bytes);
        }
    }

    fn sts<'a, H: Headers<'a>, Q: Query<'a>>(request: &Request<'a, H, Q>) -> alloc::string::String {
        let mut out = Vec::new();
        let scan = HeaderScan::new(request.headers.fields(), None);
        write_string_to_sign(&mut out, request, &scan, DateLine::FromHeaders, None);
        alloc::string::String::from_utf8(out).unwrap()
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
    fn oss_header_names_match_in_any_case_and_nothing_else() {
        for byte in 0..=255u8 {
            for at in 0..7 {
                let mut name = *b"x-oss-a";
                name[at] = byte;
                let expected = name[..6].eq_ignore_ascii_case(b"x-oss-");
                assert_eq!(is_oss_header(&name), expected, "{name:?}");
            }
        }
        assert!(!is_oss_header(b"x-oss"));
        assert!(is_oss_header(b"X-OSS-"));
    }

    #[test]
    fn lower_cased_order_is_bytewise() {
        assert_eq!(cmp_lower(b"X-OSS-B", b"x-oss-a"), Ordering::Greater);
        assert_eq!(cmp_lower(b"x-oss-a", b"X-Oss-A"), Ordering::Equal);
        assert_eq!(cmp_lower(b"x-oss-a", b"x-oss-a-b"), Ordering::Less);
        // `_` (0x5F) sorts after `-` and the digits, before the lower-case letters.
        assert_eq!(cmp_lower(b"x-oss-_", b"x-oss-a"), Ordering::Less);
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

    proptest::proptest! {
        #[test]
        fn names_are_put_lower_cased(name in proptest::collection::vec(proptest::num::u8::ANY, 0..40)) {
            let mut lowered = Vec::new();
            lowered.put_lower(&name);
            proptest::prop_assert_eq!(lowered, name.to_ascii_lowercase());
        }

        #[test]
        fn sorted_fields_write_what_the_selection_pass_writes(
            fields in proptest::collection::vec(
                (proptest::sample::select(&["x-oss-a", "X-Oss-A", "x-oss-meta-author-long-name", "X-OSS-META-AUTHOR-LONG-NAMF", "content-type", "Content-Type", "x-oss-", "x-oss-meta-a\u{0}", "x-oss-meta-a", "x-oss-\u{e9}", "a"][..]),
                 proptest::sample::select(&["1", "2", " v ", ""][..])),
                0..SORTED_ON_STACK,
            )
        ) {
            let mut sorted = SortedFields::default();
            for (name, value) in &fields {
                sorted.push(name.as_bytes(), value.as_bytes().trim_ascii());
            }
            let all = fields.iter().map(|(n, v)| (n.as_bytes(), v.as_bytes()));
            let mut fast = Vec::new();
            sorted.write(&mut fast, all.clone(), |_, _| true);
            let mut slow = Vec::new();
            write_fields_unbounded(&mut slow, all, |_, _| true);
            proptest::prop_assert_eq!(fast, slow);
        }
    }
}
