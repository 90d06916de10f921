//! An owned form of the unescaped text, for callers with an allocator. Unescaping itself
//! is `oss-text`'s, shared with every XML reader of the workspace.

use alloc::borrow::Cow;
use alloc::string::String;

use oss_text::xml::{needs_unescape, unescape};

/// The text `raw` stands for, borrowed when `raw` has nothing to unescape.
///
/// ```
/// use std::borrow::Cow;
/// assert!(matches!(oss_errors::xml::unescape_to_cow("plain"), Cow::Borrowed("plain")));
/// assert_eq!(oss_errors::xml::unescape_to_cow("a&amp;b"), "a&b");
/// ```
#[must_use]
pub fn unescape_to_cow(raw: &str) -> Cow<'_, str> {
    if !needs_unescape(raw) {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    // Writing into a String cannot fail.
    let _ = unescape(raw, &mut out);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn borrows_when_it_can() {
        assert!(matches!(unescape_to_cow("no refs here"), Cow::Borrowed(_)));
        assert!(matches!(unescape_to_cow("&lt;"), Cow::Owned(ref s) if s == "<"));
        assert_eq!(unescape_to_cow("&#X43;&#0;"), "&#X43;&#0;");
    }
}
