//! Encoding a typed configuration to the header value: JSON with every string escaped
//! (the SDKs paste strings into JSON as they are), then base64.

use core::fmt::{self, Write};

use oss_errors::{Entry, Error};

use crate::b64::{Base64Sink, Counter};
use crate::config::{CallbackConfig, EncodeBuffer};
use crate::limits::Limits;
use crate::pairs::Pairs;
use crate::vars::CallbackVars;

/// Writes `text` as a JSON string literal, quotes included.
pub(crate) fn write_json_string(out: &mut (impl Write + ?Sized), text: &str) -> fmt::Result {
    out.write_char('"')?;
    let mut rest = text;
    while let Some(at) = rest.find(|c: char| c == '"' || c == '\\' || c < ' ') {
        out.write_str(&rest[..at])?;
        let c = rest[at..].chars().next().unwrap_or_default();
        match c {
            '"' => out.write_str("\\\"")?,
            '\\' => out.write_str("\\\\")?,
            '\n' => out.write_str("\\n")?,
            '\r' => out.write_str("\\r")?,
            '\t' => out.write_str("\\t")?,
            '\u{8}' => out.write_str("\\b")?,
            '\u{c}' => out.write_str("\\f")?,
            _ => write!(out, "\\u{:04x}", u32::from(c))?,
        }
        rest = &rest[at + c.len_utf8()..];
    }
    out.write_str(rest)?;
    out.write_char('"')
}

fn write_member(out: &mut (impl Write + ?Sized), first: &mut bool, name: &str) -> fmt::Result {
    if !*first {
        out.write_char(',')?;
    }
    *first = false;
    write_json_string(out, name)?;
    out.write_char(':')
}

fn write_object(out: &mut (impl Write + ?Sized), pairs: Pairs<'_>) -> fmt::Result {
    out.write_char('{')?;
    let mut first = true;
    for (name, value) in pairs.iter() {
        write_member(out, &mut first, name)?;
        write_json_string(out, value)?;
    }
    out.write_char('}')
}

/// Base64-encodes what `write` produces into `out`, within `max_len` characters.
fn encode_with(
    out: &mut [u8],
    max_len: usize,
    too_long: Entry,
    write: impl Fn(&mut dyn Write) -> fmt::Result,
) -> Result<&str, Error> {
    let mut counter = Counter::default();
    write(&mut counter).map_err(|_| Error::from(too_long))?;
    let encoded_len = base64::encoded_len(counter.0, true).ok_or(too_long)?;
    if encoded_len > max_len || encoded_len > out.len() {
        return Err(too_long.into());
    }
    let mut sink = Base64Sink::new(&mut out[..encoded_len]);
    write(&mut sink).map_err(|_| Error::from(too_long))?;
    sink.finish().map_err(|_| too_long.into())
}

impl CallbackConfig<'_> {
    /// Writes the configuration as compact JSON, escaping every string.
    ///
    /// # Errors
    /// Only the errors of `out`.
    ///
    /// ```
    /// use oss_callback::CallbackConfig;
    /// let mut json = String::new();
    /// CallbackConfig::new("a.example/cb", r#"{"k":"v"}"#).write_json(&mut json)?;
    /// assert_eq!(json, r#"{"callbackUrl":"a.example/cb","callbackBody":"{\"k\":\"v\"}"}"#);
    /// # Ok::<(), core::fmt::Error>(())
    /// ```
    pub fn write_json(&self, out: &mut (impl Write + ?Sized)) -> fmt::Result {
        let mut out = out;
        self.write_json_dyn(&mut out)
    }

    fn write_json_dyn(&self, out: &mut dyn Write) -> fmt::Result {
        let mut first = true;
        out.write_char('{')?;
        if let Some(url) = self.sent_url() {
            write_member(out, &mut first, "callbackUrl")?;
            write_json_string(out, url)?;
        }
        if let Some(host) = self.host {
            write_member(out, &mut first, "callbackHost")?;
            write_json_string(out, host)?;
        }
        if let Some(body) = self.sent_body() {
            write_member(out, &mut first, "callbackBody")?;
            write_json_string(out, body)?;
        }
        if let Some(body_type) = self.body_type {
            write_member(out, &mut first, "callbackBodyType")?;
            write_json_string(out, body_type.as_str())?;
        }
        if let Some(sni) = self.sni {
            write_member(out, &mut first, "callbackSNI")?;
            out.write_str(if sni { "true" } else { "false" })?;
        }
        if let Some(policy) = self.policy {
            write_member(out, &mut first, "callbackPolicy")?;
            write_json_string(out, policy)?;
        }
        if let Some(headers) = self.additional_headers {
            write_member(out, &mut first, "additionalHeaders")?;
            write_object(out, headers)?;
        }
        out.write_char('}')
    }

    /// Checks the configuration and encodes it as an `x-oss-callback` value into `out`.
    ///
    /// # Errors
    /// Those of [`CallbackConfig::validate`], and "The length of callback exceed max
    /// value" when the value would be longer than 5120 characters.
    ///
    /// ```
    /// use oss_callback::{CallbackConfig, EncodeBuffer};
    /// let mut out = EncodeBuffer::new();
    /// let value = CallbackConfig::new("http://abc.com/test.php", "bucket=${bucket}").encode_into(&mut out)?;
    /// assert_eq!(value, "eyJjYWxsYmFja1VybCI6Imh0dHA6Ly9hYmMuY29tL3Rlc3QucGhwIiwiY2FsbGJhY2tCb2R5IjoiYnVja2V0PSR7YnVja2V0fSJ9");
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    pub fn encode_into<'o>(&self, out: &'o mut EncodeBuffer) -> Result<&'o str, Error> {
        self.encode_into_with(out, &Limits::DEFAULT)
    }

    /// [`CallbackConfig::encode_into`] with the given limits.
    ///
    /// # Errors
    /// As for [`CallbackConfig::encode_into`], with the limit from `limits`.
    ///
    /// ```
    /// use oss_callback::{CallbackConfig, EncodeBuffer, Limits};
    /// let body = "b".repeat(4000);
    /// let err = CallbackConfig::new("a.example", &body)
    ///     .encode_into_with(&mut EncodeBuffer::new(), &Limits::DEFAULT)
    ///     .unwrap_err();
    /// assert_eq!(err.to_string(), "The length of callback exceed max value");
    /// ```
    pub fn encode_into_with<'o>(
        &self,
        out: &'o mut EncodeBuffer,
        limits: &Limits,
    ) -> Result<&'o str, Error> {
        self.validate_with(limits)?;
        encode_with(
            &mut out.bytes,
            limits.max_callback_len(),
            Entry::CallbackTooLong,
            |w| self.write_json_dyn(w),
        )
    }

    /// Checks the configuration and encodes it as an `x-oss-callback` value.
    ///
    /// # Errors
    /// As for [`CallbackConfig::encode_into`].
    ///
    /// ```
    /// use oss_callback::CallbackConfig;
    /// let value = CallbackConfig::new("a.example", "k=${object}").encode()?;
    /// assert!(value.starts_with("eyJjYWxsYmFja1VybCI6"));
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    #[cfg(feature = "alloc")]
    pub fn encode(&self) -> Result<alloc::string::String, Error> {
        let mut out = alloc::boxed::Box::new(EncodeBuffer::new());
        self.encode_into(&mut out).map(alloc::string::String::from)
    }
}

impl CallbackVars<'_> {
    /// Writes the variables as a compact JSON object, escaping every string.
    ///
    /// # Errors
    /// Only the errors of `out`.
    ///
    /// ```
    /// use oss_callback::CallbackVars;
    /// let mut json = String::new();
    /// CallbackVars::from_slice(&[("x:a", "say \"hi\"")]).write_json(&mut json)?;
    /// assert_eq!(json, r#"{"x:a":"say \"hi\""}"#);
    /// # Ok::<(), core::fmt::Error>(())
    /// ```
    pub fn write_json(&self, out: &mut (impl Write + ?Sized)) -> fmt::Result {
        let mut out = out;
        write_object(&mut out, self.pairs())
    }

    /// Checks the names and encodes the variables as an `x-oss-callback-var` value.
    ///
    /// # Errors
    /// Those of [`CallbackVars::validate`], and "The length of callback var exceed max
    /// value" past 5120 characters.
    ///
    /// ```
    /// use oss_callback::{CallbackVars, EncodeBuffer};
    /// let mut out = EncodeBuffer::new();
    /// let value = CallbackVars::from_slice(&[("x:my_var1", "value1"), ("x:my_var2", "value2")]).encode_into(&mut out)?;
    /// assert_eq!(value, "eyJ4Om15X3ZhcjEiOiJ2YWx1ZTEiLCJ4Om15X3ZhcjIiOiJ2YWx1ZTIifQ==");
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    pub fn encode_into<'o>(&self, out: &'o mut EncodeBuffer) -> Result<&'o str, Error> {
        self.encode_into_with(out, &Limits::DEFAULT)
    }

    /// [`CallbackVars::encode_into`] with the given limits.
    ///
    /// # Errors
    /// As for [`CallbackVars::encode_into`], with the limit from `limits`.
    ///
    /// ```
    /// use oss_callback::{CallbackVars, EncodeBuffer, Limits};
    /// let tight = Limits::DEFAULT.with_max_callback_var_len(8);
    /// let err = CallbackVars::from_slice(&[("x:a", "1")]).encode_into_with(&mut EncodeBuffer::new(), &tight).unwrap_err();
    /// assert_eq!(err.to_string(), "The length of callback var exceed max value");
    /// ```
    pub fn encode_into_with<'o>(
        &self,
        out: &'o mut EncodeBuffer,
        limits: &Limits,
    ) -> Result<&'o str, Error> {
        self.validate()?;
        encode_with(
            &mut out.bytes,
            limits.max_callback_var_len(),
            Entry::CallbackVarTooLong,
            |w| write_object(w, self.pairs()),
        )
    }

    /// Checks the names and encodes the variables as an `x-oss-callback-var` value.
    ///
    /// # Errors
    /// As for [`CallbackVars::encode_into`].
    ///
    /// ```
    /// use oss_callback::CallbackVars;
    /// assert_eq!(CallbackVars::from_slice(&[("x:a", "1")]).encode()?, "eyJ4OmEiOiIxIn0=");
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    #[cfg(feature = "alloc")]
    pub fn encode(&self) -> Result<alloc::string::String, Error> {
        let mut out = alloc::boxed::Box::new(EncodeBuffer::new());
        self.encode_into(&mut out).map(alloc::string::String::from)
    }
}

#[cfg(test)]
mod tests {
    use std::prelude::rust_2024::*;

    use super::*;

    #[test]
    fn escapes_what_json_requires() {
        let mut out = String::new();
        write_json_string(&mut out, "a\"b\\c\nd\u{1}e/\u{e9}").unwrap();
        assert_eq!(out, r#""a\"b\\c\nd\u0001e/é""#);
    }
}
