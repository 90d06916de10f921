//! What a request's headers and query can be made of.
//!
//! [`Request::with_headers`](crate::Request::with_headers) takes anything that can be
//! walked more than once and yields header pairs: a slice, an array or a `Vec` (by
//! reference) of `(&str, &str)` or `(String, String)`, a cloneable iterator of pairs, or
//! (feature `http`) an `&http::HeaderMap`. [`Request::with_query`](crate::Request::with_query)
//! takes the same shapes of query pairs, [`Param`]s, or a [`RawQuery`](crate::RawQuery).
//!
//! ```
//! use oss_sign::Request;
//! let owned = vec![("Date".to_string(), "Wed, 28 Dec 2022 10:27:41 GMT".to_string())];
//! let from_vec = Request::new("GET").with_headers(&owned);
//! let from_iter = Request::new("GET").with_headers(owned.iter().map(|(n, v)| (n.as_str(), v.as_str())));
//! # let _ = (from_vec, from_iter);
//! ```

use crate::Param;

#[cfg(feature = "http")]
pub use crate::http::{HttpHeaderFields, HttpHeaders};
pub use crate::request::{Nothing, RawParams};

/// One header: something that gives a name and a value as bytes.
pub trait HeaderItem<'a> {
    /// The header's name and value.
    fn name_value(self) -> (&'a [u8], &'a [u8]);
}

impl<'a, 'b: 'a> HeaderItem<'a> for (&'b str, &'b str) {
    fn name_value(self) -> (&'a [u8], &'a [u8]) {
        (self.0.as_bytes(), self.1.as_bytes())
    }
}

impl<'a, 'b: 'a> HeaderItem<'a> for (&'b [u8], &'b [u8]) {
    fn name_value(self) -> (&'a [u8], &'a [u8]) {
        self
    }
}

impl<'a, 'r: 'a, 'b: 'a> HeaderItem<'a> for &'r (&'b str, &'b str) {
    fn name_value(self) -> (&'a [u8], &'a [u8]) {
        (self.0.as_bytes(), self.1.as_bytes())
    }
}

impl<'a, 'r: 'a, 'b: 'a> HeaderItem<'a> for &'r (&'b [u8], &'b [u8]) {
    fn name_value(self) -> (&'a [u8], &'a [u8]) {
        (self.0, self.1)
    }
}

#[cfg(feature = "alloc")]
impl<'a, 'r: 'a> HeaderItem<'a> for &'r (alloc::string::String, alloc::string::String) {
    fn name_value(self) -> (&'a [u8], &'a [u8]) {
        (self.0.as_bytes(), self.1.as_bytes())
    }
}

/// Headers that can be walked more than once (every `IntoIterator + Clone` of
/// [`HeaderItem`]s).
pub trait Headers<'a>: Clone {
    /// The headers as `(name, value)` byte pairs, in the order given.
    fn fields(&self) -> impl Iterator<Item = (&'a [u8], &'a [u8])> + Clone;
}

impl<'a, I> Headers<'a> for I
where
    I: IntoIterator + Clone,
    I::Item: HeaderItem<'a>,
    I::IntoIter: Clone,
{
    fn fields(&self) -> impl Iterator<Item = (&'a [u8], &'a [u8])> + Clone {
        self.clone().into_iter().map(HeaderItem::name_value)
    }
}

/// One query parameter.
pub trait QueryItem<'a> {
    /// The parameter.
    fn param(self) -> Param<'a>;
}

impl<'a, 'b: 'a> QueryItem<'a> for Param<'b> {
    fn param(self) -> Param<'a> {
        self
    }
}

impl<'a, 'r: 'a, 'b: 'a> QueryItem<'a> for &'r Param<'b> {
    fn param(self) -> Param<'a> {
        *self
    }
}

impl<'a, 'b: 'a> QueryItem<'a> for (&'b str, &'b str) {
    fn param(self) -> Param<'a> {
        Param::new(self.0, self.1)
    }
}

impl<'a, 'r: 'a, 'b: 'a> QueryItem<'a> for &'r (&'b str, &'b str) {
    fn param(self) -> Param<'a> {
        Param::new(self.0, self.1)
    }
}

impl<'a, 'r: 'a, 'b: 'a> QueryItem<'a> for &'r (&'b str, Option<&'b str>) {
    fn param(self) -> Param<'a> {
        Param::new(self.0, self.1.unwrap_or(""))
    }
}

#[cfg(feature = "alloc")]
impl<'a, 'r: 'a> QueryItem<'a> for &'r (alloc::string::String, alloc::string::String) {
    fn param(self) -> Param<'a> {
        Param::new(&self.0, &self.1)
    }
}

/// A query that can be walked more than once (every `IntoIterator + Clone` of
/// [`QueryItem`]s, and [`RawQuery`](crate::RawQuery)).
pub trait Query<'a>: Clone {
    /// The parameters, in the order given.
    fn params(&self) -> impl Iterator<Item = Param<'a>> + Clone;
}

impl<'a, I> Query<'a> for I
where
    I: IntoIterator + Clone,
    I::Item: QueryItem<'a>,
    I::IntoIter: Clone,
{
    fn params(&self) -> impl Iterator<Item = Param<'a>> + Clone {
        self.clone().into_iter().map(QueryItem::param)
    }
}
