//! The string-to-sign for people: invisible characters made visible.

use core::fmt::Write as _;

/// Renders `bytes` with `\n` shown as `\n` followed by a real line break, tabs as `\t`,
/// carriage returns as `\r`, other control characters and bytes that are not UTF-8 as
/// `\xNN`, and a space at the end of a line as `\x20`.
pub(super) fn render(bytes: &[u8]) -> String {
    let mut out = String::new();
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        let mut chars = valid.chars().peekable();
        while let Some(c) = chars.next() {
            // A space is invisible at the end of a line (or of the text).
            let ends_line = chars
                .peek()
                .map_or(chunk.invalid().is_empty(), |next| *next == '\n');
            match c {
                '\n' => out.push_str("\\n\n"),
                '\t' => out.push_str("\\t"),
                '\r' => out.push_str("\\r"),
                ' ' if ends_line => out.push_str("\\x20"),
                c if c.is_control() => {
                    let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
                }
                c => out.push(c),
            }
        }
        for byte in chunk.invalid() {
            let _ = write!(out, "\\x{byte:02X}");
        }
    }
    out
}

/// The bytes as OSS's `StringToSignBytes`: two hex digits per byte, separated by spaces.
pub(super) fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 3);
    for (i, byte) in bytes.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let _ = write!(out, "{byte:02x}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn makes_invisible_characters_visible() {
        assert_eq!(
            render(b"GET\n\tx \nend\r\x01\xff"),
            "GET\\n\n\\tx\\x20\\n\nend\\r\\u{1}\\xFF"
        );
        assert_eq!(hex(b"GE\n"), "47 45 0a");
    }
}
