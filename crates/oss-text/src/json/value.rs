//! A checked document as borrowed values.

use super::scan::{expect, expect_end, skip_ws};
use super::string::JsonStr;
use super::{Grammar, SyntaxError};

/// A JSON value borrowed from a checked document.
///
/// ```
/// use oss_text::json::{Grammar, Value};
/// assert_eq!(Grammar::RFC_8259.parse(b" -1.5e3 ")?, Value::Number(b"-1.5e3"));
/// assert_eq!(Grammar::RFC_8259.parse(b"null")?, Value::Null);
/// # Ok::<(), oss_text::json::SyntaxError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Value<'a> {
    /// A string (escapes still in place).
    String(JsonStr<'a>),
    /// A number, as written.
    Number(&'a [u8]),
    /// An array.
    Array(Container<'a>),
    /// An object.
    Object(Container<'a>),
    /// `true` or `false`.
    Bool(bool),
    /// `null`.
    Null,
}

/// An array or object of a checked document, brackets or braces included.
///
/// ```
/// use oss_text::json::{Grammar, Value};
/// let Value::Array(array) = Grammar::RFC_8259.parse(b"[1, 2]")? else { panic!() };
/// assert_eq!(array.raw(), b"[1, 2]");
/// # Ok::<(), oss_text::json::SyntaxError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Container<'a> {
    raw: &'a [u8],
    grammar: Grammar,
}

impl<'a> Container<'a> {
    /// The text of the array or object.
    ///
    /// ```
    /// # use oss_text::json::{Grammar, Value};
    /// let Value::Object(object) = Grammar::RFC_8259.parse(b" {} ")? else { panic!() };
    /// assert_eq!(object.raw(), b"{}");
    /// # Ok::<(), oss_text::json::SyntaxError>(())
    /// ```
    #[must_use]
    pub const fn raw(self) -> &'a [u8] {
        self.raw
    }

    /// A reader of what lies between the brackets or braces.
    fn inside(self) -> Inside<'a> {
        Inside {
            text: &self.raw[1..self.raw.len() - 1],
            pos: 0,
            first: true,
            grammar: self.grammar,
        }
    }
}

impl<'a> Value<'a> {
    /// The elements of an array (`None` for another value).
    ///
    /// ```
    /// use oss_text::json::{Grammar, Value};
    /// let doc = Grammar::RFC_8259.parse(br#"[1, "a"]"#)?;
    /// assert_eq!(doc.elements().unwrap().count(), 2);
    /// # Ok::<(), oss_text::json::SyntaxError>(())
    /// ```
    #[must_use]
    pub fn elements(self) -> Option<Elements<'a>> {
        match self {
            Value::Array(array) => Some(Elements(array.inside())),
            _ => None,
        }
    }

    /// The `(key, value)` members of an object, in document order, repeats included
    /// (`None` for another value).
    ///
    /// ```
    /// use oss_text::json::{Grammar, Value};
    /// let doc = Grammar::RFC_8259.parse(br#"{"a": true}"#)?;
    /// let (key, value) = doc.members().unwrap().next().unwrap();
    /// assert!(key.eq_bytes(b"a") && value == Value::Bool(true));
    /// # Ok::<(), oss_text::json::SyntaxError>(())
    /// ```
    #[must_use]
    pub fn members(self) -> Option<Members<'a>> {
        match self {
            Value::Object(object) => Some(Members(object.inside())),
            _ => None,
        }
    }
}

/// A cursor inside a checked array or object.
#[derive(Clone, Debug)]
struct Inside<'a> {
    text: &'a [u8],
    pos: usize,
    first: bool,
    grammar: Grammar,
}

impl<'a> Inside<'a> {
    /// Steps over the `,` before every item but the first; `None` at the end.
    fn next_item(&mut self) -> Option<()> {
        self.pos = skip_ws(self.text, self.pos);
        if self.pos >= self.text.len() {
            return None;
        }
        if !core::mem::take(&mut self.first) {
            expect(self.text, &mut self.pos, b',').ok()?;
        }
        Some(())
    }
}

/// The elements of an array, from [`Value::elements`].
///
/// ```
/// use oss_text::json::{Grammar, Value};
/// let doc = Grammar::RFC_8259.parse(b"[[], {}]")?;
/// let mut elements = doc.elements().unwrap();
/// assert!(matches!(elements.next(), Some(Value::Array(_))));
/// assert!(matches!(elements.next(), Some(Value::Object(_))));
/// assert_eq!(elements.next(), None);
/// # Ok::<(), oss_text::json::SyntaxError>(())
/// ```
#[derive(Clone, Debug)]
pub struct Elements<'a>(Inside<'a>);

impl<'a> Iterator for Elements<'a> {
    type Item = Value<'a>;

    fn next(&mut self) -> Option<Value<'a>> {
        let inside = &mut self.0;
        inside.next_item()?;
        inside.grammar.value(inside.text, &mut inside.pos).ok()
    }
}

/// The members of an object, from [`Value::members`].
///
/// ```
/// use oss_text::json::Grammar;
/// let doc = Grammar::RFC_8259.parse(br#"{"a": 1, "a": 2}"#)?;
/// assert_eq!(doc.members().unwrap().count(), 2);
/// # Ok::<(), oss_text::json::SyntaxError>(())
/// ```
#[derive(Clone, Debug)]
pub struct Members<'a>(Inside<'a>);

impl<'a> Iterator for Members<'a> {
    type Item = (JsonStr<'a>, Value<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        let inside = &mut self.0;
        inside.next_item()?;
        let key = inside.grammar.string(inside.text, &mut inside.pos).ok()?;
        expect(inside.text, &mut inside.pos, b':').ok()?;
        let value = inside.grammar.value(inside.text, &mut inside.pos).ok()?;
        Some((key, value))
    }
}

impl Grammar {
    /// Checks a whole document (one value, whitespace around it) and returns its value.
    ///
    /// ```
    /// use oss_text::json::{ErrorKind, Grammar};
    /// assert!(Grammar::RFC_8259.parse(br#"{"a": [1, 2]}"#).is_ok());
    /// assert_eq!(Grammar::RFC_8259.parse(b"[1,]").unwrap_err().kind(), ErrorKind::UnexpectedByte);
    /// ```
    ///
    /// # Errors
    /// [`SyntaxError`] at the first byte that breaks the grammar, or
    /// [`ErrorKind::TrailingContent`](super::ErrorKind::TrailingContent) after the value.
    pub fn parse(self, doc: &[u8]) -> Result<Value<'_>, SyntaxError> {
        let mut pos = 0;
        let value = self.value(doc, &mut pos)?;
        expect_end(doc, pos)?;
        Ok(value)
    }

    /// Checks the value after whitespace at `*pos`, moves past it and returns it.
    fn value<'t>(self, text: &'t [u8], pos: &mut usize) -> Result<Value<'t>, SyntaxError> {
        let start = skip_ws(text, *pos);
        *pos = start;
        self.skip_value(text, pos, 0)?;
        let raw = &text[start..*pos];
        let container = Container { raw, grammar: self };
        Ok(match raw.first() {
            Some(b'"') => Value::String(JsonStr::checked(&raw[1..raw.len() - 1])),
            Some(b'[') => Value::Array(container),
            Some(b'{') => Value::Object(container),
            Some(b't') => Value::Bool(true),
            Some(b'f') => Value::Bool(false),
            Some(b'n') => Value::Null,
            _ => Value::Number(raw),
        })
    }
}
