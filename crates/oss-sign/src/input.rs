//! The borrowed request parts a signature covers: method, bucket, key, headers, query.

use core::slice;

use crate::percent::Plus;
use crate::subresource::SubResources;
use crate::text::Text;

/// Something that is one HTTP header: a name and a value, as bytes.
///
/// ```
/// use oss_sign::AsHeader;
/// assert_eq!(("Content-Type", "text/html").as_header(), (&b"Content-Type"[..], &b"text/html"[..]));
/// ```
pub trait AsHeader {
    /// The header's name and value.
    fn as_header(&self) -> (&[u8], &[u8]);
}

impl AsHeader for (&str, &str) {
    fn as_header(&self) -> (&[u8], &[u8]) {
        (self.0.as_bytes(), self.1.as_bytes())
    }
}

impl AsHeader for (&[u8], &[u8]) {
    fn as_header(&self) -> (&[u8], &[u8]) {
        (self.0, self.1)
    }
}

#[cfg(feature = "alloc")]
impl AsHeader for (alloc::string::String, alloc::string::String) {
    fn as_header(&self) -> (&[u8], &[u8]) {
        (self.0.as_bytes(), self.1.as_bytes())
    }
}

/// A collection of headers that can be walked more than once.
///
/// Implemented for slices and arrays of [`AsHeader`] items, for `()` (no headers) and,
/// with the `http` feature, for `&http::HeaderMap`.
///
/// ```
/// use oss_sign::Headers;
/// let headers = [("Date", "Wed, 28 Dec 2022 10:27:41 GMT")];
/// assert_eq!((&headers).fields().count(), 1);
/// ```
pub trait Headers<'a> {
    /// Walks the headers as `(name, value)` pairs.
    type Iter: Iterator<Item = (&'a [u8], &'a [u8])> + Clone;

    /// The headers, in the order they were given.
    fn fields(&self) -> Self::Iter;
}

/// The iterator of [`Headers`] over a slice.
#[derive(Debug)]
pub struct HeaderSlice<'a, H> {
    items: slice::Iter<'a, H>,
}

impl<H> Clone for HeaderSlice<'_, H> {
    fn clone(&self) -> Self {
        Self {
            items: self.items.clone(),
        }
    }
}

impl<'a, H: AsHeader> Iterator for HeaderSlice<'a, H> {
    type Item = (&'a [u8], &'a [u8]);

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        self.items.next().map(AsHeader::as_header)
    }
}

impl<'a, H: AsHeader> Headers<'a> for &'a [H] {
    type Iter = HeaderSlice<'a, H>;

    fn fields(&self) -> Self::Iter {
        HeaderSlice { items: self.iter() }
    }
}

impl<'a, H: AsHeader, const N: usize> Headers<'a> for &'a [H; N] {
    type Iter = HeaderSlice<'a, H>;

    fn fields(&self) -> Self::Iter {
        HeaderSlice { items: self.iter() }
    }
}

impl<'a> Headers<'a> for () {
    type Iter = core::iter::Empty<(&'a [u8], &'a [u8])>;

    fn fields(&self) -> Self::Iter {
        core::iter::empty()
    }
}

/// One query parameter: a name and an optional value, either decoded (what an SDK
/// passes around) or still percent-encoded (what a server reads from the URL).
///
/// An empty value and no value sign the same way (`name` alone).
///
/// ```
/// use oss_sign::Param;
/// let decoded = Param::new("response-content-disposition", "attachment; filename=a.txt");
/// let encoded = Param::encoded("response-content-disposition", "attachment%3B+filename%3Da.txt");
/// assert_eq!(format!("{decoded:?}"), format!("{encoded:?}"));
/// ```
#[derive(Clone, Copy)]
pub struct Param<'a> {
    pub(crate) name: Text<'a>,
    pub(crate) value: Text<'a>,
}

impl<'a> Param<'a> {
    /// A parameter with a decoded name and value (use `""` for a bare `name`).
    #[must_use]
    pub const fn new(name: &'a str, value: &'a str) -> Self {
        Self::from_bytes(name.as_bytes(), value.as_bytes())
    }

    /// Like [`Param::new`], for values that are not UTF-8.
    #[must_use]
    pub const fn from_bytes(name: &'a [u8], value: &'a [u8]) -> Self {
        Self {
            name: Text::Plain(name),
            value: Text::Plain(value),
        }
    }

    /// A parameter exactly as it appears in a URL query: percent-encoded, with `+`
    /// meaning a space (HTML-form decoding, as OSS reads query strings).
    #[must_use]
    pub const fn encoded(raw_name: &'a str, raw_value: &'a str) -> Self {
        Self {
            name: Text::Encoded(raw_name.as_bytes(), Plus::Space),
            value: Text::Encoded(raw_value.as_bytes(), Plus::Space),
        }
    }

    /// Whether the decoded name is `name`.
    #[must_use]
    pub fn name_is(&self, name: &str) -> bool {
        self.name.eq_bytes(name.as_bytes())
    }

    /// The decoded value, written into `out` (at most `out.len()` bytes); returns the
    /// number of bytes written, or `None` when the value does not fit.
    ///
    /// ```
    /// use oss_sign::Param;
    /// let mut buf = [0u8; 8];
    /// let n = Param::encoded("Signature", "a%2Bb").decode_value(&mut buf).unwrap();
    /// assert_eq!(&buf[..n], b"a+b");
    /// ```
    #[must_use]
    pub fn decode_value(&self, out: &mut [u8]) -> Option<usize> {
        decode_into(&self.value, out)
    }

    /// The decoded name, written into `out`; returns its length, or `None` when it does
    /// not fit.
    ///
    /// ```
    /// use oss_sign::Param;
    /// let mut buf = [0u8; 8];
    /// let n = Param::encoded("x%2Doss", "").decode_name(&mut buf).unwrap();
    /// assert_eq!(&buf[..n], b"x-oss");
    /// ```
    #[must_use]
    pub fn decode_name(&self, out: &mut [u8]) -> Option<usize> {
        decode_into(&self.name, out)
    }

    /// Whether the value is empty.
    #[must_use]
    pub const fn value_is_empty(&self) -> bool {
        self.value.is_empty()
    }
}

fn decode_into(text: &Text<'_>, out: &mut [u8]) -> Option<usize> {
    let mut len = 0;
    for byte in text.decoded() {
        *out.get_mut(len)? = byte;
        len += 1;
    }
    Some(len)
}

impl core::fmt::Debug for Param<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let write = |text: &Text<'_>, f: &mut core::fmt::Formatter<'_>| {
            f.write_str("\"")?;
            for byte in text.decoded() {
                core::fmt::Display::fmt(&core::ascii::escape_default(byte), f)?;
            }
            f.write_str("\"")
        };
        f.write_str("Param(")?;
        write(&self.name, f)?;
        f.write_str(", ")?;
        write(&self.value, f)?;
        f.write_str(")")
    }
}

/// Something that is one query parameter.
///
/// ```
/// use oss_sign::AsParam;
/// assert!(("acl", "").as_param().name_is("acl"));
/// ```
pub trait AsParam {
    /// The parameter.
    fn as_param(&self) -> Param<'_>;
}

impl AsParam for Param<'_> {
    fn as_param(&self) -> Param<'_> {
        *self
    }
}

impl AsParam for (&str, &str) {
    fn as_param(&self) -> Param<'_> {
        Param::new(self.0, self.1)
    }
}

impl AsParam for (&str, Option<&str>) {
    fn as_param(&self) -> Param<'_> {
        Param::new(self.0, self.1.unwrap_or(""))
    }
}

#[cfg(feature = "alloc")]
impl AsParam for (alloc::string::String, alloc::string::String) {
    fn as_param(&self) -> Param<'_> {
        Param::new(&self.0, &self.1)
    }
}

/// A query that can be walked more than once.
///
/// Implemented for slices and arrays of [`AsParam`] items, for `()` (no query) and for
/// [`RawQuery`] (a URL's query string).
///
/// ```
/// use oss_sign::{Query, RawQuery};
/// assert_eq!(RawQuery::new("acl&prefix=a%2Fb").params().count(), 2);
/// ```
pub trait Query<'a> {
    /// Walks the parameters.
    type Iter: Iterator<Item = Param<'a>> + Clone;

    /// The parameters, in the order they were given.
    fn params(&self) -> Self::Iter;
}

/// The iterator of [`Query`] over a slice.
#[derive(Debug)]
pub struct ParamSlice<'a, P> {
    items: slice::Iter<'a, P>,
}

impl<P> Clone for ParamSlice<'_, P> {
    fn clone(&self) -> Self {
        Self {
            items: self.items.clone(),
        }
    }
}

impl<'a, P: AsParam> Iterator for ParamSlice<'a, P> {
    type Item = Param<'a>;

    #[inline]
    fn next(&mut self) -> Option<Param<'a>> {
        self.items.next().map(AsParam::as_param)
    }
}

impl<'a, P: AsParam> Query<'a> for &'a [P] {
    type Iter = ParamSlice<'a, P>;

    fn params(&self) -> Self::Iter {
        ParamSlice { items: self.iter() }
    }
}

impl<'a, P: AsParam, const N: usize> Query<'a> for &'a [P; N] {
    type Iter = ParamSlice<'a, P>;

    fn params(&self) -> Self::Iter {
        ParamSlice { items: self.iter() }
    }
}

impl<'a> Query<'a> for () {
    type Iter = core::iter::Empty<Param<'a>>;

    fn params(&self) -> Self::Iter {
        core::iter::empty()
    }
}

/// A URL query string as received (`a=1&acl&b=x%20y`), without the leading `?`.
/// Parameters are split on `&`, names from values at the first `=`; empty pieces are
/// skipped; names and values are percent-decoded with `+` as a space.
///
/// ```
/// use oss_sign::{Query, RawQuery};
/// let query = RawQuery::new("versionId=v1&&acl");
/// let names: Vec<bool> = query.params().map(|p| p.name_is("acl")).collect();
/// assert_eq!(names, [false, true]);
/// ```
#[derive(Clone, Copy, Debug)]
pub struct RawQuery<'a> {
    raw: &'a str,
}

impl<'a> RawQuery<'a> {
    /// Wraps a query string (a leading `?` is ignored).
    #[must_use]
    pub fn new(raw: &'a str) -> Self {
        Self {
            raw: raw.strip_prefix('?').unwrap_or(raw),
        }
    }
}

/// The iterator of [`Query`] over a [`RawQuery`].
#[derive(Clone, Debug)]
pub struct RawParams<'a> {
    rest: &'a str,
}

impl<'a> Iterator for RawParams<'a> {
    type Item = Param<'a>;

    fn next(&mut self) -> Option<Param<'a>> {
        loop {
            if self.rest.is_empty() {
                return None;
            }
            let (piece, rest) = self.rest.split_once('&').unwrap_or((self.rest, ""));
            self.rest = rest;
            if piece.is_empty() {
                continue;
            }
            let (name, value) = piece.split_once('=').unwrap_or((piece, ""));
            return Some(Param::encoded(name, value));
        }
    }
}

impl<'a> Query<'a> for RawQuery<'a> {
    type Iter = RawParams<'a>;

    fn params(&self) -> Self::Iter {
        RawParams { rest: self.raw }
    }
}

/// The request a signature covers, borrowed from the caller: method, bucket, object key,
/// headers and query. Build it with [`Request::new`] and the `with_*` methods.
///
/// ```
/// use oss_sign::Request;
/// let headers = [("Date", "Wed, 28 Dec 2022 10:27:41 GMT")];
/// let query = [("acl", "")];
/// let request = Request::new("PUT")
///     .with_bucket("examplebucket")
///     .with_key("nelson")
///     .with_headers(&headers)
///     .with_query(&query);
/// assert_eq!(request.method(), "PUT");
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Request<'a, H = (), Q = ()> {
    pub(crate) method: &'a str,
    pub(crate) bucket: Option<&'a str>,
    pub(crate) key: Option<Text<'a>>,
    pub(crate) headers: H,
    pub(crate) query: Q,
    pub(crate) subresources: SubResources<'a>,
}

impl<'a> Request<'a> {
    /// A request with `method` (signed upper-cased), no bucket, key, headers or query.
    #[must_use]
    pub const fn new(method: &'a str) -> Self {
        Self {
            method,
            bucket: None,
            key: None,
            headers: (),
            query: (),
            subresources: SubResources::DEFAULT,
        }
    }
}

impl<'a, H, Q> Request<'a, H, Q> {
    /// The HTTP method as given.
    #[must_use]
    pub const fn method(&self) -> &'a str {
        self.method
    }

    /// Sets the bucket.
    #[must_use]
    pub const fn with_bucket(mut self, bucket: &'a str) -> Self {
        self.bucket = Some(bucket);
        self
    }

    /// Sets the object key, decoded (the raw UTF-8 key, as the application names it).
    #[must_use]
    pub const fn with_key(self, key: &'a str) -> Self {
        self.with_key_bytes(key.as_bytes())
    }

    /// Sets the object key from bytes.
    #[must_use]
    pub const fn with_key_bytes(mut self, key: &'a [u8]) -> Self {
        self.key = Some(Text::Plain(key));
        self
    }

    /// Sets the object key from a URL path segment, still percent-encoded (`%2B` → `+`;
    /// a literal `+` stays `+`). Give the part after `/` (virtual-hosted style) or after
    /// `/bucket/` (path style).
    #[must_use]
    pub const fn with_encoded_key(mut self, raw_path: &'a str) -> Self {
        self.key = Some(Text::Encoded(raw_path.as_bytes(), Plus::Literal));
        self
    }

    /// Sets the headers.
    #[must_use]
    pub fn with_headers<H2>(self, headers: H2) -> Request<'a, H2, Q> {
        Request {
            method: self.method,
            bucket: self.bucket,
            key: self.key,
            headers,
            query: self.query,
            subresources: self.subresources,
        }
    }

    /// Sets the query parameters.
    #[must_use]
    pub fn with_query<Q2>(self, query: Q2) -> Request<'a, H, Q2> {
        Request {
            method: self.method,
            bucket: self.bucket,
            key: self.key,
            headers: self.headers,
            query,
            subresources: self.subresources,
        }
    }

    /// Sets which query parameters are signed (default: [`SubResources::DEFAULT`]).
    #[must_use]
    pub const fn with_subresources(mut self, subresources: SubResources<'a>) -> Self {
        self.subresources = subresources;
        self
    }
}
