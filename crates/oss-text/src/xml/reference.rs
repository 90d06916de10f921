//! Entity and character references: `&lt;` `&gt;` `&amp;` `&quot;` `&apos;`, `&#NN;`
//! and `&#xHH;`.

use super::chars::is_xml_char;

/// The five entities XML predefines, and the characters they stand for.
const ENTITIES: [(&str, char); 5] = [
    ("lt;", '<'),
    ("gt;", '>'),
    ("amp;", '&'),
    ("quot;", '"'),
    ("apos;", '\''),
];

/// Reads the reference that starts `text` (at its `&`): the character it stands for and
/// the reference's length in bytes.
///
/// `None` when `text` does not start with a well-formed reference to a character XML
/// allows: an unknown entity (`&nbsp;`), no `;`, no digits, an uppercase `&#X`, or a
/// code point outside `Char` (`&#0;`, `&#x1B;`, `&#xD800;`, `&#x110000;`).
///
/// ```
/// use oss_text::xml::decode_reference;
/// assert_eq!(decode_reference("&quot;AB"), Some(('"', 6)));
/// assert_eq!(decode_reference("&#34;"), Some(('"', 5)));
/// assert_eq!(decode_reference("&#x22;"), Some(('"', 6)));
/// assert_eq!(decode_reference("&#0;"), None);
/// assert_eq!(decode_reference("&nbsp;"), None);
/// ```
#[must_use]
pub fn decode_reference(text: &str) -> Option<(char, usize)> {
    let rest = text.strip_prefix('&')?;
    let Some(number) = rest.strip_prefix('#') else {
        return ENTITIES
            .iter()
            .find(|(name, _)| rest.starts_with(name))
            .map(|&(name, c)| (c, 1 + name.len()));
    };
    let (digits, radix, prefix) = match number.strip_prefix('x') {
        Some(hex) => (hex, 16, 3),
        None => (number, 10, 2),
    };
    let len = digits
        .bytes()
        .position(|b| !char::from(b).is_digit(radix))
        .unwrap_or(digits.len());
    if len == 0 || digits.as_bytes().get(len) != Some(&b';') {
        return None;
    }
    let value = digits[..len].bytes().try_fold(0u32, |value, b| {
        value
            .checked_mul(radix)?
            .checked_add(char::from(b).to_digit(radix)?)
    })?;
    let c = char::from_u32(value).filter(|&c| is_xml_char(c))?;
    Some((c, prefix + len + 1))
}

#[cfg(test)]
mod tests {
    use std::format;

    use super::*;
    use proptest::prelude::*;

    #[test]
    fn references() {
        for (text, expected) in [
            ("&lt;", Some(('<', 4))),
            ("&gt;x", Some(('>', 4))),
            ("&amp;&amp;", Some(('&', 5))),
            ("&apos;", Some(('\'', 6))),
            ("&#65;", Some(('A', 5))),
            ("&#0065;", Some(('A', 7))),
            ("&#x4e2D;", Some(('\u{4e2d}', 8))),
            ("&#x10FFFF;", Some(('\u{10ffff}', 10))),
            ("&#9;", Some(('\t', 4))),
            ("&#0;", None),
            ("&#x0;", None),
            ("&#31;", None),
            ("&#xFFFE;", None),
            ("&#xD800;", None),
            ("&#x110000;", None),
            ("&#99999999999999999999;", None),
            ("&#X41;", None),
            ("&#x;", None),
            ("&#;", None),
            ("&#-1;", None),
            ("&#x+1;", None),
            ("&#65", None),
            ("&lt", None),
            ("&LT;", None),
            ("&nbsp;", None),
            ("&", None),
            ("x&lt;", None),
        ] {
            assert_eq!(decode_reference(text), expected, "{text}");
        }
    }

    proptest! {
        /// Decimal and hexadecimal references read every code point the same way.
        #[test]
        fn decimal_and_hex_agree(value in 0u32..0x11_0000) {
            let decimal = format!("&#{value};");
            let hex = format!("&#x{value:X};");
            let expected = char::from_u32(value).filter(|&c| is_xml_char(c));
            prop_assert_eq!(decode_reference(&decimal), expected.map(|c| (c, decimal.len())));
            prop_assert_eq!(decode_reference(&hex), expected.map(|c| (c, hex.len())));
        }
    }
}
