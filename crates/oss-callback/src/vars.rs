//! [`CallbackVars`]: the custom variables of `x-oss-callback-var`.

use oss_errors::{Entry, Error};

use crate::b64;
use crate::config::DecodeBuffer;
use crate::limits::Limits;
use crate::pairs::{Pairs, PairsIter};
use crate::parse::{Field, parse_flat_object};

/// Custom callback variables: a flat map from `x:`-prefixed lowercase names to strings,
/// carried (base64 JSON) in `x-oss-callback-var` or the `callback-var` query parameter.
///
/// ```
/// use oss_callback::{CallbackVars, DecodeBuffer};
/// // {"x:my_var1":"value1","x:my_var2":"value2"}
/// let value = "eyJ4Om15X3ZhcjEiOiJ2YWx1ZTEiLCJ4Om15X3ZhcjIiOiJ2YWx1ZTIifQ==";
/// let mut buf = DecodeBuffer::new();
/// let vars = CallbackVars::decode(value.as_bytes(), &mut buf)?;
/// assert_eq!(vars.get("x:my_var2"), Some("value2"));
/// # Ok::<(), oss_errors::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(transparent))]
pub struct CallbackVars<'a> {
    pairs: Pairs<'a>,
}

impl<'a> CallbackVars<'a> {
    /// No variables.
    ///
    /// ```
    /// # use oss_callback::CallbackVars;
    /// assert!(CallbackVars::EMPTY.is_empty());
    /// ```
    pub const EMPTY: CallbackVars<'static> = CallbackVars {
        pairs: Pairs::EMPTY,
    };

    /// Variables from `(name, value)` pairs, names with their `x:` prefix.
    ///
    /// ```
    /// # use oss_callback::CallbackVars;
    /// let vars = CallbackVars::from_slice(&[("x:uid", "42")]);
    /// assert_eq!(vars.get("x:uid"), Some("42"));
    /// ```
    #[must_use]
    pub const fn from_slice(pairs: &'a [(&'a str, &'a str)]) -> Self {
        Self {
            pairs: Pairs::from_slice(pairs),
        }
    }

    /// The value of `name` (with its `x:` prefix).
    ///
    /// ```
    /// # use oss_callback::CallbackVars;
    /// assert_eq!(CallbackVars::from_slice(&[("x:a", "1")]).get("x:b"), None);
    /// ```
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&'a str> {
        self.pairs.get(name)
    }

    /// The variables in order.
    ///
    /// ```
    /// # use oss_callback::CallbackVars;
    /// assert_eq!(CallbackVars::from_slice(&[("x:a", "1")]).iter().count(), 1);
    /// ```
    #[must_use]
    pub fn iter(&self) -> PairsIter<'a> {
        self.pairs.iter()
    }

    /// The variables as [`Pairs`].
    ///
    /// ```
    /// # use oss_callback::CallbackVars;
    /// assert_eq!(CallbackVars::EMPTY.pairs().len(), 0);
    /// ```
    #[must_use]
    pub const fn pairs(&self) -> Pairs<'a> {
        self.pairs
    }

    /// `true` when there are no variables.
    ///
    /// ```
    /// # use oss_callback::CallbackVars;
    /// assert!(!CallbackVars::from_slice(&[("x:a", "1")]).is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// Decodes and checks an `x-oss-callback-var` value with the seeds' limits; the result
    /// borrows from `buf`.
    ///
    /// # Errors
    /// See [`CallbackVars::decode_with`].
    ///
    /// ```
    /// use oss_callback::{CallbackVars, DecodeBuffer};
    /// let mut buf = DecodeBuffer::new();
    /// // {"X:Var":"v"}: keys must be lowercase.
    /// let err = CallbackVars::decode(b"eyJYOlZhciI6InYifQ==", &mut buf).unwrap_err();
    /// assert_eq!(err.to_string(), "The callback var is not expecten json");
    /// ```
    pub fn decode(value: &[u8], buf: &'a mut DecodeBuffer) -> Result<Self, Error> {
        Self::decode_with(value, buf, &Limits::DEFAULT)
    }

    /// Decodes and checks an `x-oss-callback-var` value with the given limits.
    ///
    /// # Errors
    /// Longer than the limit → "The length of callback var exceed max value"; not base64,
    /// not UTF-8 JSON, not a flat object of strings, or a name that does not start with `x:`
    /// or is not lowercase → "The callback var is not expecten json" (InvalidArgument, 400,
    /// ArgumentName `callback-var`).
    ///
    /// ```
    /// use oss_callback::{CallbackVars, DecodeBuffer, Limits};
    /// let mut buf = DecodeBuffer::new();
    /// let vars = CallbackVars::decode_with(b"e30=", &mut buf, &Limits::DEFAULT)?; // {}
    /// assert!(vars.is_empty());
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    pub fn decode_with(
        value: &[u8],
        buf: &'a mut DecodeBuffer,
        limits: &Limits,
    ) -> Result<Self, Error> {
        let len = b64::decode_utf8_into(
            value,
            &mut buf.bytes,
            limits.max_callback_var_len(),
            Entry::CallbackVarTooLong,
            Entry::CallbackVarNotJson,
            Entry::CallbackVarNotJson,
        )?;
        let Ok(Some(Field::Packed { start, end })) = parse_flat_object(&mut buf.bytes[..len])
        else {
            return Err(Entry::CallbackVarNotJson.into());
        };
        let text: &'a [u8] = &buf.bytes[start..end];
        let vars = Self {
            pairs: Pairs::packed(text),
        };
        vars.validate()?;
        Ok(vars)
    }

    /// Checks the names: each starts with `x:` and has no uppercase letter.
    ///
    /// # Errors
    /// "The callback var is not expecten json" for the first bad name.
    ///
    /// ```
    /// # use oss_callback::CallbackVars;
    /// assert!(CallbackVars::from_slice(&[("x:my_var", "1")]).validate().is_ok());
    /// assert!(CallbackVars::from_slice(&[("my_var", "1")]).validate().is_err());
    /// ```
    pub fn validate(&self) -> Result<(), Error> {
        let bad = |name: &str| !name.starts_with("x:") || name.chars().any(char::is_uppercase);
        if self.iter().any(|(name, _)| bad(name)) {
            Err(Entry::CallbackVarNotJson.into())
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use std::prelude::rust_2024::*;

    use base64::Engine as _;
    use base64::engine::general_purpose::STANDARD;

    use super::*;

    fn decode(json: &str) -> Result<Vec<(String, String)>, Entry> {
        let value = STANDARD.encode(json);
        let mut buf = DecodeBuffer::new();
        CallbackVars::decode(value.as_bytes(), &mut buf)
            .map(|v| v.iter().map(|(k, v)| (k.into(), v.into())).collect())
            .map_err(|e| e.entry())
    }

    #[test]
    fn decodes_flat_maps() {
        assert_eq!(
            decode(r#"{"x:var1":"value1","x:var_2":"v\u00e9"}"#)
                .unwrap()
                .len(),
            2
        );
        assert_eq!(decode("{}").unwrap(), []);
    }

    #[test]
    fn rejects_everything_else_with_one_message() {
        for json in [
            "",
            "[]",
            "\"x\"",
            r#"{"x:a":1}"#,
            r#"{"x:a":{"b":"c"}}"#,
            r#"{"x:a":"1",}"#,
            r#"{"a":"1"}"#,
            r#"{"x:A":"1"}"#,
            r#"{"X:a":"1"}"#,
            r#"{"x:a":"1"} x"#,
        ] {
            assert_eq!(decode(json), Err(Entry::CallbackVarNotJson), "{json}");
        }
        let mut buf = DecodeBuffer::new();
        assert_eq!(
            CallbackVars::decode(b"%%%", &mut buf).unwrap_err().entry(),
            Entry::CallbackVarNotJson
        );
        let long = "A".repeat(5121);
        assert_eq!(
            CallbackVars::decode(long.as_bytes(), &mut buf)
                .unwrap_err()
                .entry(),
            Entry::CallbackVarTooLong
        );
    }
}
