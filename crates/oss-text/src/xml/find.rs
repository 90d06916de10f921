//! Byte searches the tokenizer makes many of, over mostly short spans.

/// Spans up to this long are searched with a plain loop, which beats setting up a
/// vectorised search.
const SHORT: usize = 16;

/// The offset of the first `byte` in `haystack`.
pub(crate) fn find_byte(haystack: &[u8], byte: u8) -> Option<usize> {
    if haystack.len() <= SHORT {
        haystack.iter().position(|&b| b == byte)
    } else {
        memchr::memchr(byte, haystack)
    }
}

/// The offset of the first `closer` in `haystack`; every closer of XML markup (`>`,
/// `?>`, `-->`, `]]>`) ends with `>`, so the search runs from one `>` to the next.
pub(crate) fn find_closer(haystack: &[u8], closer: &[u8]) -> Option<usize> {
    debug_assert_eq!(closer.last(), Some(&b'>'));
    let mut from = 0;
    loop {
        let gt = from + find_byte(&haystack[from..], b'>')?;
        if let Some(start) = (gt + 1).checked_sub(closer.len())
            && haystack[start..=gt] == *closer
        {
            return Some(start);
        }
        from = gt + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The searches agree with a naive scan.
        #[test]
        fn agree_with_a_naive_scan(haystack in "[-?>\\]a]{0,40}", closer in prop::sample::select(&[">", "?>", "-->", "]]>"][..])) {
            let bytes = haystack.as_bytes();
            let naive = bytes.windows(closer.len()).position(|w| w == closer.as_bytes());
            prop_assert_eq!(find_closer(bytes, closer.as_bytes()), naive);
            prop_assert_eq!(find_byte(bytes, b'>'), bytes.iter().position(|&b| b == b'>'));
        }
    }
}
