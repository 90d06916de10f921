//! Escaping text for an XML element, written straight into a `fmt::Write`.

use core::fmt::{self, Write};

/// Writes `text` as XML character data: `&`, `<` and `>` become entity references, a
/// carriage return and whitespace at either end become character references (so a parser
/// that trims values still gets them back), and control characters XML 1.0 cannot carry
/// become U+FFFD.
///
/// ```
/// let mut out = String::new();
/// oss_errors::xml::escape("a < b & \"c\"", &mut out).unwrap();
/// assert_eq!(out, "a &lt; b &amp; \"c\"");
/// ```
///
/// # Errors
/// Only the errors of `out`.
pub fn escape<W: Write + ?Sized>(text: &str, out: &mut W) -> fmt::Result {
    escape_part(text, out, true, true)
}

/// [`escape`] for a piece of a value: whitespace is protected only at the ends of the
/// piece that are also ends of the value (`starts_value`, `ends_value`).
pub(crate) fn escape_part<W: Write + ?Sized>(
    text: &str,
    out: &mut W,
    starts_value: bool,
    ends_value: bool,
) -> fmt::Result {
    let inner_start = if starts_value {
        text.len() - text.trim_ascii_start().len()
    } else {
        0
    };
    let inner_end = if ends_value {
        text.trim_ascii_end().len().max(inner_start)
    } else {
        text.len()
    };
    let mut plain_from = 0;
    for (at, c) in text.char_indices() {
        let at_edge = at < inner_start || at >= inner_end;
        let replacement = match c {
            '&' => Replacement::Str("&amp;"),
            '<' => Replacement::Str("&lt;"),
            '>' => Replacement::Str("&gt;"),
            '\r' => Replacement::Str("&#13;"),
            ' ' | '\t' | '\n' if at_edge => Replacement::Reference(c),
            '\u{0}'..='\u{8}'
            | '\u{b}'
            | '\u{c}'
            | '\u{e}'..='\u{1f}'
            | '\u{fffe}'
            | '\u{ffff}' => Replacement::Str("\u{fffd}"),
            _ => continue,
        };
        out.write_str(&text[plain_from..at])?;
        match replacement {
            Replacement::Str(s) => out.write_str(s)?,
            Replacement::Reference(c) => write!(out, "&#{};", u32::from(c))?,
        }
        plain_from = at + c.len_utf8();
    }
    out.write_str(&text[plain_from..])
}

/// What a character is written as.
enum Replacement {
    Str(&'static str),
    Reference(char),
}

/// Whether `name` can be written as an element name: an ASCII XML name, with no colon
/// and not starting with `xml`.
pub(crate) fn is_element_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    let Some((&first, rest)) = bytes.split_first() else {
        return false;
    };
    (first.is_ascii_alphabetic() || first == b'_')
        && rest
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
        && !bytes
            .get(..3)
            .is_some_and(|p| p.eq_ignore_ascii_case(b"xml"))
}

#[cfg(test)]
mod tests {
    use alloc::string::String;

    use super::*;

    fn escaped(text: &str) -> String {
        let mut out = String::new();
        escape(text, &mut out).unwrap();
        out
    }

    #[test]
    fn markup_characters() {
        assert_eq!(escaped("<a>&</a>"), "&lt;a&gt;&amp;&lt;/a&gt;");
        assert_eq!(escaped("it's \"quoted\""), "it's \"quoted\"");
    }

    #[test]
    fn edge_whitespace_survives_trimming() {
        assert_eq!(escaped(" implemented. "), "&#32;implemented.&#32;");
        assert_eq!(escaped("a b\tc"), "a b\tc");
        assert_eq!(escaped("\n"), "&#10;");
        assert_eq!(escaped("x\r\ny"), "x&#13;\ny");
    }

    #[test]
    fn controls_are_replaced() {
        assert_eq!(escaped("a\u{1}b"), "a\u{fffd}b");
        assert_eq!(escaped("\u{e9}\u{4e2d}"), "\u{e9}\u{4e2d}");
    }

    #[test]
    fn element_names() {
        for good in ["Code", "StringToSignBytes", "a-b.c_d", "_x"] {
            assert!(is_element_name(good), "{good}");
        }
        for bad in ["", "1a", "a b", "a:b", "xmlns", "XMLThing", "a>", "é"] {
            assert!(!is_element_name(bad), "{bad}");
        }
    }
}
