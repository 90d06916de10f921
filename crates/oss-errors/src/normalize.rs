//! Tolerant message comparison: the differences OSS's own pages show between spellings of
//! one message do not count.
//!
//! Two messages are equal when they agree after: trimming surrounding whitespace, dropping
//! one trailing period, collapsing every run of whitespace to one space, and reading `\"`
//! as `"`. Nothing is allocated: both sides are normalised lazily, byte by byte.

/// The bytes of `text` after normalisation.
#[derive(Clone, Debug)]
struct Normalized<'a> {
    rest: &'a [u8],
}

impl<'a> Normalized<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            rest: core(text).as_bytes(),
        }
    }
}

/// `text` without surrounding whitespace and without one trailing period.
pub(crate) fn core(text: &str) -> &str {
    let (start, end) = core_bounds(text.as_bytes());
    // Both bounds sit next to ASCII bytes, so they are character boundaries.
    &text[start..end]
}

/// Where [`core`] starts and ends in `text`.
pub(crate) const fn core_bounds(text: &[u8]) -> (usize, usize) {
    let mut start = 0;
    while start < text.len() && text[start].is_ascii_whitespace() {
        start += 1;
    }
    let mut end = text.len();
    while end > start && text[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    if end > start && text[end - 1] == b'.' {
        end -= 1;
        while end > start && text[end - 1].is_ascii_whitespace() {
            end -= 1;
        }
    }
    (start, end)
}

impl Iterator for Normalized<'_> {
    type Item = u8;

    fn next(&mut self) -> Option<u8> {
        let (&first, tail) = self.rest.split_first()?;
        if first.is_ascii_whitespace() {
            // The text is trimmed, so a whitespace run is always followed by a non-space byte.
            let skip = tail.iter().take_while(|b| b.is_ascii_whitespace()).count();
            self.rest = &tail[skip..];
            return Some(b' ');
        }
        if first == b'\\' && tail.first() == Some(&b'"') {
            self.rest = &tail[1..];
            return Some(b'"');
        }
        self.rest = tail;
        Some(first)
    }
}

/// Whether `a` and `b` are the same message up to the tolerated differences.
pub(crate) fn loose_eq(a: &str, b: &str) -> bool {
    Normalized::new(a).eq(Normalized::new(b))
}

/// Whether `text` begins with `prefix` up to the tolerated differences.
pub(crate) fn loose_starts_with(text: &str, prefix: &str) -> bool {
    let mut text = Normalized::new(text);
    Normalized::new(prefix).all(|byte| text.next() == Some(byte))
}

#[cfg(test)]
mod tests {
    use alloc::string::String;
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn tolerated_differences() {
        assert!(loose_eq("The bucket is empty.", "The bucket is empty"));
        assert!(loose_eq("  The bucket is empty. \n", "The bucket is empty"));
        assert!(loose_eq("please check\nit.", "please   check it"));
        assert!(loose_eq(r#"ends with \".m3u8\""#, r#"ends with ".m3u8""#));
        assert!(loose_eq("", " . "));
    }

    #[test]
    fn real_differences() {
        assert!(!loose_eq("Error status : 400.", "Error Status : 400."));
        assert!(!loose_eq(
            "Invalid Argument. Parameter",
            "Invalid Argument Parameter"
        ));
        assert!(!loose_eq("abc..", "abc"));
        assert!(!loose_eq("abc", "abcd"));
        assert!(!loose_eq("a b", "ab"));
    }

    #[test]
    fn cores() {
        assert_eq!(
            core(
                "  a b. 
"
            ),
            "a b"
        );
        assert_eq!(core("a.."), "a.");
        assert_eq!(core(" . "), "");
    }

    #[test]
    fn prefixes() {
        assert!(loose_starts_with(
            "Maximal size of image supported is 20MB.",
            "Maximal size of image supported is"
        ));
        assert!(loose_starts_with(
            "Policy Condition failed:  [\"eq\"]",
            "Policy Condition failed:"
        ));
        assert!(!loose_starts_with("Maximal", "Maximal size"));
    }

    /// A naive model: build the normalised strings with allocation and compare.
    fn model(text: &str) -> String {
        let mut t = text.trim_ascii();
        if let Some(x) = t.strip_suffix('.') {
            t = x.trim_ascii_end();
        }
        let t = t.replace("\\\"", "\"");
        let mut out = String::new();
        for word in t
            .split(|c: char| c.is_ascii_whitespace())
            .filter(|w| !w.is_empty())
        {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
        out
    }

    proptest! {
        #[test]
        fn agrees_with_model(a in "[ab .\\\\\"\t\n]{0,12}", b in "[ab .\\\\\"\t\n]{0,12}") {
            // The model splits `\"` before collapsing spaces; the streaming version reads
            // `\` then `"` in order, which gives the same result.
            prop_assert_eq!(loose_eq(&a, &b), model(&a) == model(&b));
        }

        #[test]
        fn reflexive(a in ".{0,40}") {
            prop_assert!(loose_eq(&a, &a));
            prop_assert!(loose_starts_with(&a, &a));
        }
    }
}
