//! The character classes of XML 1.0 (fifth edition): `Char`, `S`, `NameStartChar`,
//! `NameChar`.

/// Whether XML 1.0 allows `c` in a document, raw or as a character reference
/// (production `Char`: tab, line feed, carriage return, and everything from U+0020 but
/// surrogates, U+FFFE and U+FFFF).
///
/// ```
/// use oss_text::xml::is_xml_char;
/// assert!(is_xml_char('\n') && is_xml_char('中'));
/// assert!(!is_xml_char('\0') && !is_xml_char('\u{1b}') && !is_xml_char('\u{fffe}'));
/// ```
#[must_use]
pub const fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Whether `b` is XML whitespace (production `S`: space, tab, line feed, carriage return).
///
/// ```
/// assert!(oss_text::xml::is_space(b'\r'));
/// assert!(!oss_text::xml::is_space(0x0c));
/// ```
#[must_use]
pub const fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// `text` without the XML whitespace around it.
///
/// ```
/// assert_eq!(oss_text::xml::trim_space("\r\n a b \t"), "a b");
/// ```
#[must_use]
pub fn trim_space(text: &str) -> &str {
    let start = text
        .bytes()
        .position(|b| !is_space(b))
        .unwrap_or(text.len());
    // Both ends sit next to ASCII bytes, so they are character boundaries.
    trim_space_end(&text[start..])
}

/// `text` without the XML whitespace after it.
pub(crate) fn trim_space_end(text: &str) -> &str {
    let end = text
        .bytes()
        .rposition(|b| !is_space(b))
        .map_or(0, |last| last + 1);
    &text[..end]
}

const fn is_name_start_char(c: char) -> bool {
    matches!(c,
        ':' | 'A'..='Z' | '_' | 'a'..='z'
        | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{2FF}'
        | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}'
        | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}' | '\u{10000}'..='\u{EFFFF}')
}

const fn is_name_char(c: char) -> bool {
    is_name_start_char(c)
        || matches!(c, '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

/// The length in bytes of the XML `Name` that starts `text` (0 when none does).
pub(crate) fn name_len(text: &str) -> usize {
    let mut chars = text.char_indices();
    match chars.next() {
        Some((_, c)) if is_name_start_char(c) => {}
        _ => return 0,
    }
    chars
        .find(|&(_, c)| !is_name_char(c))
        .map_or(text.len(), |(at, _)| at)
}

/// Whether `text` is one XML `Name` (`Part`, `x:id`, `_a-1.b`).
///
/// ```
/// use oss_text::xml::is_name;
/// assert!(is_name("PartNumber") && is_name("x:é-1"));
/// assert!(!is_name("1st") && !is_name("a b") && !is_name(""));
/// ```
#[must_use]
pub fn is_name(text: &str) -> bool {
    !text.is_empty() && name_len(text) == text.len()
}

/// The offset of the first character in `text` that XML forbids, if any.
///
/// In a `&str` only three kinds can be: ASCII controls other than tab, line feed and
/// carriage return, and U+FFFE and U+FFFF (surrogates cannot occur).
///
/// ```
/// use oss_text::xml::find_forbidden;
/// assert_eq!(find_forbidden("ok\tfine\r\n"), None);
/// assert_eq!(find_forbidden("a\u{1}b"), Some(1));
/// assert_eq!(find_forbidden("ab\u{ffff}"), Some(2));
/// ```
#[must_use]
pub fn find_forbidden(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().position(|(at, &b)| {
        (b < 0x20 && !is_space(b))
            || (b == 0xEF
                && bytes.get(at + 1) == Some(&0xBF)
                && matches!(bytes.get(at + 2), Some(0xBE | 0xBF)))
    })
}

#[cfg(test)]
mod tests {
    use std::prelude::rust_2024::*;

    use super::*;
    use proptest::prelude::*;

    #[test]
    fn names() {
        assert_eq!(name_len("Part>"), 4);
        assert_eq!(name_len("a.b-c_d:e f"), 9);
        assert_eq!(name_len("-a"), 0);
        assert!(is_name("\u{4e2d}\u{b7}"));
        assert!(!is_name("a\u{d7}"));
    }

    proptest! {
        /// The byte scan finds exactly the first character the `Char` production refuses.
        #[test]
        fn forbidden_matches_the_char_production(
            text in "[\\x00-\\x21a\u{e9}\u{fffd}-\u{ffff}\u{10000}]{0,12}|\\PC*",
        ) {
            let naive = text.char_indices().find(|&(_, c)| !is_xml_char(c)).map(|(at, _)| at);
            prop_assert_eq!(find_forbidden(&text), naive);
        }
    }
}
