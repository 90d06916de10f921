//! Rendering `callbackBody` into the body OSS POSTs to the application server.

use core::fmt::{self, Write};

use oss_errors::{Entry, Error};

use crate::config::BodyType;
use crate::encode::write_json_string;
use crate::upload::{SystemVar, UploadInfo, Value};
use crate::vars::CallbackVars;

/// One piece of a body template.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Token<'t> {
    /// Text copied as is.
    Literal(&'t str),
    /// `${name}`; carries `name`.
    Var(&'t str),
    /// The old `$(name)` syntax, copied as is; carries the whole `$(name)`.
    OldSyntax(&'t str),
}

/// Splits a template into tokens; yields the error OSS gives for a malformed placeholder.
#[derive(Clone, Debug)]
struct Tokens<'t> {
    rest: &'t str,
}

impl<'t> Iterator for Tokens<'t> {
    type Item = Result<Token<'t>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.rest.is_empty() {
            return None;
        }
        let Some(after) = self.rest.strip_prefix('$') else {
            let end = self.rest.find('$').unwrap_or(self.rest.len());
            let (literal, rest) = self.rest.split_at(end);
            self.rest = rest;
            return Some(Ok(Token::Literal(literal)));
        };
        let token = if let Some(inner) = after.strip_prefix('{') {
            // An unclosed `${` cannot be parsed at all.
            let Some(end) = inner.find('}') else {
                return Some(self.fail(Entry::CallbackBodyInvalid));
            };
            self.rest = &inner[end + 1..];
            Token::Var(&inner[..end])
        } else if let Some(end) = after.strip_prefix('(').and_then(|inner| inner.find(')')) {
            let whole = &self.rest[..end + 3];
            self.rest = &self.rest[end + 3..];
            Token::OldSyntax(whole)
        } else {
            return Some(self.fail(Entry::CallbackVariableSyntax));
        };
        Some(Ok(token))
    }
}

impl Tokens<'_> {
    /// Stops the iteration with `entry`.
    fn fail<T>(&mut self, entry: Entry) -> Result<T, Error> {
        self.rest = "";
        Err(entry.into())
    }
}

/// A placeholder and what it resolves to.
fn resolve<'a>(name: &str, info: &UploadInfo<'a>, vars: &CallbackVars<'a>) -> Resolved<'a> {
    if name.starts_with("x:") {
        return vars
            .get(name)
            .map_or(Resolved::Missing, |v| Resolved::Value(Value::Text(v)));
    }
    match SystemVar::parse(name) {
        Some(var) => match info.value(var) {
            Value::Missing => Resolved::Missing,
            value => Resolved::Value(value),
        },
        None => Resolved::Unknown,
    }
}

enum Resolved<'a> {
    Value(Value<'a>),
    Missing,
    Unknown,
}

/// Something in a callback that OSS accepts but that is probably a mistake.
///
/// ```
/// use oss_callback::{BodyType, CallbackVars, Lint, RenderedBody, UploadInfo};
/// let info = UploadInfo::new();
/// let vars = CallbackVars::from_slice(&[("x:unused", "1")]);
/// let body = RenderedBody::new("k=$(object)", BodyType::FormUrlEncoded, &info, vars)?;
/// let lints: Vec<_> = body.lints().collect();
/// assert_eq!(lints, [Lint::OldSyntax("$(object)"), Lint::UnusedVariable("x:unused")]);
/// # Ok::<(), oss_errors::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Lint<'t> {
    /// A custom variable that `callbackBody` never uses (so it has no effect).
    UnusedVariable(&'t str),
    /// A placeholder with no value: rendered empty (form) or `null` (JSON).
    MissingValue(&'t str),
    /// A `${name}` that is neither a system variable nor `x:`-prefixed (rendered as missing).
    UnknownVariable(&'t str),
    /// The old `$(name)` syntax, which current OSS does not substitute (copied as is).
    OldSyntax(&'t str),
    /// A JSON-body placeholder inside quotes (`"${object}"`): OSS inserts JSON values with
    /// their own quotes, so the result is not valid JSON.
    QuotedPlaceholder(&'t str),
}

impl fmt::Display for Lint<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnusedVariable(name) => {
                write!(f, "custom variable {name} is never used in callbackBody")
            }
            Self::MissingValue(name) => write!(
                f,
                "${{{name}}} has no value; it renders empty (form) or null (JSON)"
            ),
            Self::UnknownVariable(name) => write!(
                f,
                "${{{name}}} is not a system variable and lacks the x: prefix"
            ),
            Self::OldSyntax(text) => write!(
                f,
                "{text} uses the old $(var) syntax; write ${{var}} instead"
            ),
            Self::QuotedPlaceholder(name) => {
                write!(
                    f,
                    "\"${{{name}}}\" is quoted; OSS inserts JSON values with their own quotes, so drop them"
                )
            }
        }
    }
}

/// A `callbackBody` template with the values to fill it: `Display` writes the body OSS
/// would POST (allocating nothing), [`RenderedBody::lints`] lists likely mistakes.
///
/// Form bodies (`application/x-www-form-urlencoded`) get each value percent-encoded
/// (everything except `A-Z a-z 0-9 - _ . ~`, as OSS sends `text%2Fplain`); missing values
/// are empty. JSON bodies get JSON values: text as escaped JSON strings, `size`, `crc64` and
/// the image dimensions as bare numbers, missing values as `null`. Template text itself is
/// never encoded.
///
/// ```
/// use oss_callback::{BodyType, CallbackVars, RenderedBody, UploadInfo};
/// let info = UploadInfo::new().with_bucket("callback-test").with_object("test.txt").with_size(5).with_mime_type("text/plain");
/// let vars = CallbackVars::from_slice(&[("x:var1", "for-callback-test")]);
///
/// let form = RenderedBody::new("bucket=${bucket}&mimeType=${mimeType}&x:var1=${x:var1}", BodyType::FormUrlEncoded, &info, vars)?;
/// assert_eq!(form.to_string(), "bucket=callback-test&mimeType=text%2Fplain&x:var1=for-callback-test");
///
/// let json = RenderedBody::new(r#"{"object":${object},"size":${size},"vpc":${vpcId}}"#, BodyType::Json, &info, vars)?;
/// assert_eq!(json.to_string(), r#"{"object":"test.txt","size":5,"vpc":null}"#);
/// # Ok::<(), oss_errors::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct RenderedBody<'t> {
    template: &'t str,
    body_type: BodyType,
    info: &'t UploadInfo<'t>,
    vars: CallbackVars<'t>,
}

impl<'t> RenderedBody<'t> {
    /// Checks the template's placeholders and keeps what is needed to render it.
    ///
    /// # Errors
    /// A `$` followed by neither `{` nor a complete `$(...)` → "Left brace must be adjacent
    /// to dollar sign." (InvalidArgument, EC 0007-00000105); a `${` with no closing `}` →
    /// "The callback body is invalid".
    ///
    /// ```
    /// use oss_callback::{BodyType, CallbackVars, RenderedBody, UploadInfo};
    /// let info = UploadInfo::new();
    /// let err = RenderedBody::new("size=${size}&my_var=$x:my_var}", BodyType::FormUrlEncoded, &info, CallbackVars::EMPTY).unwrap_err();
    /// assert_eq!(err.to_string(), "Left brace must be adjacent to dollar sign.");
    /// ```
    pub fn new(
        template: &'t str,
        body_type: BodyType,
        info: &'t UploadInfo<'t>,
        vars: CallbackVars<'t>,
    ) -> Result<Self, Error> {
        Tokens { rest: template }.try_for_each(|token| token.map(drop))?;
        Ok(Self {
            template,
            body_type,
            info,
            vars,
        })
    }

    fn tokens(&self) -> impl Iterator<Item = Token<'t>> + use<'t> {
        // `new` checked every token, so none is an error.
        Tokens {
            rest: self.template,
        }
        .filter_map(Result::ok)
    }

    /// The likely mistakes: placeholders first (in template order), then unused variables.
    ///
    /// ```
    /// use oss_callback::{BodyType, CallbackVars, Lint, RenderedBody, UploadInfo};
    /// let info = UploadInfo::new();
    /// let body = RenderedBody::new(r#"{"k":"${object}","u":${user}}"#, BodyType::Json, &info, CallbackVars::EMPTY)?;
    /// let lints: Vec<_> = body.lints().collect();
    /// assert_eq!(lints, [Lint::QuotedPlaceholder("object"), Lint::MissingValue("object"), Lint::UnknownVariable("user")]);
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    pub fn lints(&self) -> impl Iterator<Item = Lint<'t>> + use<'t> {
        let (info, vars, json) = (self.info, self.vars, self.body_type == BodyType::Json);
        let template = self.template;
        let placeholders = self.tokens_with_offsets().flat_map(move |(at, token)| {
            let (quoted, resolved) = match token {
                Token::Var(name) => {
                    let end = at + name.len() + 3;
                    let quoted =
                        json && template[..at].ends_with('"') && template[end..].starts_with('"');
                    (
                        quoted.then_some(Lint::QuotedPlaceholder(name)),
                        match resolve(name, info, &vars) {
                            Resolved::Value(_) => None,
                            Resolved::Missing => Some(Lint::MissingValue(name)),
                            Resolved::Unknown => Some(Lint::UnknownVariable(name)),
                        },
                    )
                }
                Token::OldSyntax(text) => (None, Some(Lint::OldSyntax(text))),
                Token::Literal(_) => (None, None),
            };
            quoted.into_iter().chain(resolved)
        });
        let used = UsedNames::new(template);
        let unused = vars
            .iter()
            .filter(move |(name, _)| !used.contains(name))
            .map(|(name, _)| Lint::UnusedVariable(name));
        placeholders.chain(unused)
    }

    fn tokens_with_offsets(&self) -> impl Iterator<Item = (usize, Token<'t>)> + use<'t> {
        let mut at = 0;
        self.tokens().map(move |token| {
            let start = at;
            at += match token {
                Token::Literal(text) | Token::OldSyntax(text) => text.len(),
                Token::Var(name) => name.len() + 3,
            };
            (start, token)
        })
    }

    fn write_value(&self, out: &mut fmt::Formatter<'_>, value: Value<'_>) -> fmt::Result {
        match (self.body_type, value) {
            (_, Value::Number(n)) => write!(out, "{n}"),
            (BodyType::Json, Value::Text(text)) => write_json_string(out, text),
            (BodyType::Json, Value::Missing) => out.write_str("null"),
            (BodyType::FormUrlEncoded, Value::Text(text)) => write_form_encoded(out, text),
            (BodyType::FormUrlEncoded, Value::Missing) => Ok(()),
        }
    }
}

impl fmt::Display for RenderedBody<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for token in self.tokens() {
            match token {
                Token::Literal(text) | Token::OldSyntax(text) => f.write_str(text)?,
                Token::Var(name) => {
                    let value = match resolve(name, self.info, &self.vars) {
                        Resolved::Value(value) => value,
                        Resolved::Missing | Resolved::Unknown => Value::Missing,
                    };
                    self.write_value(f, value)?;
                }
            }
        }
        Ok(())
    }
}

/// The `${name}` placeholders of a template, to ask which variables it uses.
///
/// With `alloc` the names are collected and sorted once, so checking every variable costs
/// one pass over the template plus a binary search each. Without an allocator each check
/// walks the template again; OSS's own size limits on `callbackBody` and
/// `x-oss-callback-var` keep that small for anything read from a request.
struct UsedNames<'t> {
    #[cfg(feature = "alloc")]
    sorted: alloc::vec::Vec<&'t str>,
    #[cfg(not(feature = "alloc"))]
    template: &'t str,
}

impl<'t> UsedNames<'t> {
    fn new(template: &'t str) -> Self {
        #[cfg(feature = "alloc")]
        {
            let mut sorted: alloc::vec::Vec<&'t str> = Tokens { rest: template }
                .filter_map(|token| match token {
                    Ok(Token::Var(name)) => Some(name),
                    _ => None,
                })
                .collect();
            sorted.sort_unstable();
            sorted.dedup();
            Self { sorted }
        }
        #[cfg(not(feature = "alloc"))]
        Self { template }
    }

    fn contains(&self, name: &str) -> bool {
        #[cfg(feature = "alloc")]
        {
            self.sorted.binary_search(&name).is_ok()
        }
        #[cfg(not(feature = "alloc"))]
        Tokens {
            rest: self.template,
        }
        .any(|token| token == Ok(Token::Var(name)))
    }
}

/// Percent-encodes everything but the RFC 3986 unreserved characters.
fn write_form_encoded(out: &mut impl Write, text: &str) -> fmt::Result {
    for &byte in text.as_bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.write_char(char::from(byte))?;
        } else {
            write!(out, "%{byte:02X}")?;
        }
    }
    Ok(())
}

/// Checks the placeholders of a `callbackBody` template without rendering it; the old
/// `$(name)` syntax passes (as in [`RenderedBody::new`]), while
/// [`CallbackConfig::validate`](crate::CallbackConfig::validate) refuses it by default.
///
/// # Errors
/// As for [`RenderedBody::new`].
///
/// ```
/// use oss_callback::check_body_template;
/// assert!(check_body_template("bucket=${bucket}&var=${x:var}").is_ok());
/// assert!(check_body_template("price=$5").is_err());
/// ```
pub fn check_body_template(template: &str) -> Result<(), Error> {
    check_template(template, true)
}

/// [`check_body_template`], refusing the old `$(name)` syntax unless `old_syntax`.
pub(crate) fn check_template(template: &str, old_syntax: bool) -> Result<(), Error> {
    Tokens { rest: template }.try_for_each(|token| match token? {
        Token::OldSyntax(_) if !old_syntax => Err(Entry::CallbackVariableSyntax.into()),
        _ => Ok(()),
    })
}

#[cfg(test)]
mod tests {
    use alloc::{format, vec};
    use std::prelude::rust_2024::*;

    use proptest::prelude::*;

    use super::*;

    #[test]
    fn renders_the_documented_form_body() {
        let info = UploadInfo::new()
            .with_bucket("callback-test")
            .with_object("test.txt")
            .with_etag("D8E8FCA2DC0F896FD7CB4CB0031BA249")
            .with_size(5)
            .with_mime_type("text/plain");
        let vars = CallbackVars::from_slice(&[("x:var1", "for-callback-test")]);
        let template = "bucket=${bucket}&object=${object}&etag=${etag}&size=${size}&mimeType=${mimeType}&imageInfo.height=${imageInfo.height}&imageInfo.width=${imageInfo.width}&imageInfo.format=${imageInfo.format}&x:var1=${x:var1}";
        let body = RenderedBody::new(template, BodyType::FormUrlEncoded, &info, vars).unwrap();
        assert_eq!(
            body.to_string(),
            "bucket=callback-test&object=test.txt&etag=D8E8FCA2DC0F896FD7CB4CB0031BA249&size=5&mimeType=text%2Fplain&imageInfo.height=&imageInfo.width=&imageInfo.format=&x:var1=for-callback-test"
        );
    }

    #[test]
    fn renders_json_values() {
        let info = UploadInfo::new()
            .with_object("a \"b\".jpg")
            .with_crc64(u64::MAX)
            .with_image_height(197);
        let vars = CallbackVars::from_slice(&[("x:n", "1\n2")]);
        let body = RenderedBody::new(
            r#"{"o":${object},"c":${crc64},"h":${imageInfo.height},"n":${x:n},"m":${x:none}}"#,
            BodyType::Json,
            &info,
            vars,
        )
        .unwrap();
        assert_eq!(
            body.to_string(),
            r#"{"o":"a \"b\".jpg","c":18446744073709551615,"h":197,"n":"1\n2","m":null}"#
        );
        assert!(crate::is_json(body.to_string().as_bytes()));
    }

    #[test]
    fn rejects_malformed_placeholders() {
        for (template, entry) in [
            (
                "size=${size}&my_var=$x:my_var}",
                Entry::CallbackVariableSyntax,
            ),
            ("a=$", Entry::CallbackVariableSyntax),
            ("a=$$", Entry::CallbackVariableSyntax),
            ("a=$(b", Entry::CallbackVariableSyntax),
            ("a=${b", Entry::CallbackBodyInvalid),
        ] {
            assert_eq!(
                check_body_template(template).map_err(|e| e.entry()),
                Err(entry),
                "{template}"
            );
        }
        assert!(check_body_template("a=$(b)&c={}&d=}").is_ok());
    }

    #[test]
    fn lints_unused_missing_and_old_syntax() {
        let info = UploadInfo::new().with_bucket("b");
        let vars = CallbackVars::from_slice(&[("x:used", "1"), ("x:unused", "2")]);
        let body = RenderedBody::new(
            "b=${bucket}&o=${object}&u=${x:used}&old=$(etag)&w=${what}",
            BodyType::FormUrlEncoded,
            &info,
            vars,
        )
        .unwrap();
        let lints: Vec<_> = body.lints().collect();
        assert_eq!(
            lints,
            vec![
                Lint::MissingValue("object"),
                Lint::OldSyntax("$(etag)"),
                Lint::UnknownVariable("what"),
                Lint::UnusedVariable("x:unused")
            ]
        );
        assert_eq!(body.to_string(), "b=b&o=&u=1&old=$(etag)&w=");
        assert!(lints.iter().all(|lint| !format!("{lint}").is_empty()));
    }

    /// The naive model: replace every `${name}` with its encoded value, one name at a time.
    fn naive(
        template: &str,
        body_type: BodyType,
        info: &UploadInfo<'_>,
        vars: &[(String, String)],
    ) -> String {
        let encode = |value: Value<'_>| {
            let mut out = String::new();
            match (body_type, value) {
                (_, Value::Number(n)) => out = n.to_string(),
                (BodyType::Json, Value::Text(t)) => write_json_string(&mut out, t).unwrap(),
                (BodyType::Json, Value::Missing) => out.push_str("null"),
                (BodyType::FormUrlEncoded, Value::Text(t)) => {
                    for b in t.bytes() {
                        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                            out.push(b as char)
                        } else {
                            out += &format!("%{b:02X}")
                        }
                    }
                }
                (BodyType::FormUrlEncoded, Value::Missing) => {}
            }
            out
        };
        let mut result = template.to_string();
        for var in SystemVar::ALL {
            result = result.replace(&format!("${{{}}}", var.name()), &encode(info.value(var)));
        }
        for name in ["x:a", "x:b", "x:c"] {
            let value = vars
                .iter()
                .find(|(n, _)| n == name)
                .map_or(Value::Missing, |(_, v)| Value::Text(v));
            result = result.replace(&format!("${{{name}}}"), &encode(value));
        }
        result
    }

    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-z=&{}\":, ]{0,6}",
            proptest::sample::select(SystemVar::ALL.to_vec())
                .prop_map(|v| format!("${{{}}}", v.name())),
            "x:[a-c]".prop_map(|n| format!("${{{n}}}")),
        ]
    }

    proptest! {
        #[test]
        fn matches_the_naive_model(
            pieces in proptest::collection::vec(piece(), 0..12),
            json in any::<bool>(),
            object in proptest::option::of("\\PC{0,8}"),
            size in proptest::option::of(any::<u64>()),
            vars in proptest::collection::vec(("x:[a-c]", "\\PC{0,6}"), 0..4),
        ) {
            let template = pieces.concat();
            let body_type = if json { BodyType::Json } else { BodyType::FormUrlEncoded };
            let mut info = UploadInfo::new().with_bucket("bkt").with_mime_type("image/png");
            info.object = object.as_deref();
            info.size = size;
            let pairs: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let rendered = RenderedBody::new(&template, body_type, &info, CallbackVars::from_slice(&pairs)).unwrap();
            // Later duplicates win in both: dedupe the model's list keeping the last.
            let mut last: Vec<(String, String)> = Vec::new();
            for (k, v) in &vars {
                last.retain(|(lk, _)| lk != k);
                last.push((k.clone(), v.clone()));
            }
            prop_assert_eq!(rendered.to_string(), naive(&template, body_type, &info, &last));
        }
    }
}
