//! The borrowed request parts a signature covers: method, bucket, key, headers, query.

use core::fmt;

use oss_naming::percent::Plus;

use crate::input::{Headers, Query};
use crate::subresource::SubResources;
use crate::text::Text;

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
    ///
    /// ```
    /// assert!(oss_sign::Param::encoded("version%49d", "").name_is("versionId"));
    /// ```
    #[must_use]
    pub fn name_is(&self, name: &str) -> bool {
        self.name.eq_bytes(name.as_bytes())
    }

    /// The decoded value, written into `out`; `None` when it does not fit.
    ///
    /// ```
    /// use oss_sign::Param;
    /// let mut buf = [0u8; 8];
    /// assert_eq!(Param::encoded("Signature", "a%2Bb").decode_value(&mut buf), Some(&b"a+b"[..]));
    /// ```
    #[must_use]
    pub fn decode_value<'b>(&self, out: &'b mut [u8]) -> Option<&'b [u8]> {
        self.value.decode_into(out)
    }

    /// The decoded name, written into `out`; `None` when it does not fit.
    ///
    /// ```
    /// use oss_sign::Param;
    /// let mut buf = [0u8; 8];
    /// assert_eq!(Param::encoded("x%2Doss", "").decode_name(&mut buf), Some(&b"x-oss"[..]));
    /// ```
    #[must_use]
    pub fn decode_name<'b>(&self, out: &'b mut [u8]) -> Option<&'b [u8]> {
        self.name.decode_into(out)
    }

    /// The same parameter, borrowed for less long (to chain it with shorter-lived ones).
    pub(crate) const fn shorter<'s>(self) -> Param<'s>
    where
        'a: 's,
    {
        self
    }

    /// Whether the value is empty.
    #[must_use]
    pub const fn value_is_empty(&self) -> bool {
        self.value.is_empty()
    }
}

impl fmt::Debug for Param<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Param(")?;
        self.name.write_escaped(f)?;
        f.write_str(", ")?;
        self.value.write_escaped(f)?;
        f.write_str(")")
    }
}

/// A URL query string as received (`a=1&acl&b=x%20y`), without the leading `?`.
/// Parameters are split on `&`, names from values at the first `=`; empty pieces are
/// skipped; names and values are percent-decoded with `+` as a space.
///
/// ```
/// use oss_sign::RawQuery;
/// let query = RawQuery::new("versionId=v1&&acl");
/// let names: Vec<bool> = query.into_iter().map(|p| p.name_is("acl")).collect();
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

impl<'a> IntoIterator for RawQuery<'a> {
    type Item = Param<'a>;
    type IntoIter = RawParams<'a>;

    fn into_iter(self) -> RawParams<'a> {
        RawParams { rest: self.raw }
    }
}

/// The parameters of a [`RawQuery`].
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

/// No headers or no query: the default of a new [`Request`].
pub type Nothing = [(&'static str, &'static str); 0];

/// The request a signature covers, borrowed from the caller: method, bucket, object key,
/// headers and query. Build it with [`Request::new`] and the `with_*` methods; see
/// [`input`](crate::input) for what headers and queries can be.
///
/// ```
/// use oss_sign::Request;
/// let headers = [("Date", "Wed, 28 Dec 2022 10:27:41 GMT")];
/// let request = Request::new("PUT")
///     .with_bucket("examplebucket")
///     .with_key("nelson")
///     .with_headers(&headers)
///     .with_query([("acl", "")]);
/// assert_eq!(request.method(), "PUT");
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Request<'a, H = Nothing, Q = Nothing> {
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
            headers: [],
            query: [],
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

    /// The bucket, if any.
    #[must_use]
    pub const fn bucket(&self) -> Option<&'a str> {
        self.bucket
    }

    /// Sets the bucket.
    #[must_use]
    pub const fn with_bucket(mut self, bucket: &'a str) -> Self {
        self.bucket = Some(bucket);
        self
    }

    /// Sets the object key, decoded (the raw UTF-8 key, as the application names it).
    /// A key is signed only when a bucket is set.
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

    /// Sets the headers (see [`input`](crate::input) for the shapes accepted).
    #[must_use]
    pub fn with_headers<H2: Headers<'a>>(self, headers: H2) -> Request<'a, H2, Q> {
        Request {
            method: self.method,
            bucket: self.bucket,
            key: self.key,
            headers,
            query: self.query,
            subresources: self.subresources,
        }
    }

    /// Sets the query parameters (see [`input`](crate::input) for the shapes accepted).
    #[must_use]
    pub fn with_query<Q2: Query<'a>>(self, query: Q2) -> Request<'a, H, Q2> {
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
