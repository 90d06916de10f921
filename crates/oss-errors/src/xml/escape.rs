//! Escaping text for an XML element, written straight into a `fmt::Write`.

use core::fmt::{self, Write};

use oss_text::xml::is_xml_char;

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
    let lead = if starts_value {
        text.len() - text.trim_ascii_start().len()
    } else {
        0
    };
    let (leading, rest) = text.split_at(lead);
    let trail = if ends_value {
        rest.len() - rest.trim_ascii_end().len()
    } else {
        0
    };
    let (middle, trailing) = rest.split_at(rest.len() - trail);
    edge_whitespace(leading, out)?;
    escape_middle(middle, out)?;
    edge_whitespace(trailing, out)
}

/// Writes ASCII whitespace as character references.
fn edge_whitespace<W: Write + ?Sized>(text: &str, out: &mut W) -> fmt::Result {
    for byte in text.bytes() {
        out.write_str(match byte {
            b' ' => "&#32;",
            b'\t' => "&#9;",
            b'\n' => "&#10;",
            b'\r' => "&#13;",
            _ => "\u{fffd}",
        })?;
    }
    Ok(())
}

/// Bytes that may need replacing: markup, carriage return, the ASCII characters XML 1.0
/// forbids ([`is_xml_char`], the one statement of that rule), and `0xEF`, the lead byte
/// of the forbidden U+FFFE / U+FFFF.
static ATTENTION: [bool; 256] = {
    let mut table = [false; 256];
    let mut b: u8 = 0;
    while b < 0x80 {
        table[b as usize] = !is_xml_char(b as char);
        b += 1;
    }
    table[b'&' as usize] = true;
    table[b'<' as usize] = true;
    table[b'>' as usize] = true;
    table[b'\r' as usize] = true;
    table[0xef] = true;
    table
};

/// Escapes text whose edges need no protection.
fn escape_middle<W: Write + ?Sized>(text: &str, out: &mut W) -> fmt::Result {
    let bytes = text.as_bytes();
    let mut plain_from = 0;
    let mut at = 0;
    while let Some(offset) = bytes[at..].iter().position(|&b| ATTENTION[usize::from(b)]) {
        at += offset;
        let (replacement, len) = match bytes[at] {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'\r' => ("&#13;", 1),
            0xef if text[at..].chars().next().is_some_and(|c| !is_xml_char(c)) => ("\u{fffd}", 3),
            0xef => {
                at += 1;
                continue;
            }
            _ => ("\u{fffd}", 1),
        };
        out.write_str(&text[plain_from..at])?;
        out.write_str(replacement)?;
        at += len;
        plain_from = at;
    }
    out.write_str(&text[plain_from..])
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
        assert_eq!(
            escaped("a\u{fffe}b\u{ffff}c\u{f000}\u{fffd}"),
            "a\u{fffd}b\u{fffd}c\u{f000}\u{fffd}"
        );
        assert_eq!(escaped("\u{c}x\u{c}"), "\u{fffd}x\u{fffd}");
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
