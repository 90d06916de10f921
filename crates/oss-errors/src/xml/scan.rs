//! The few XML scanning steps an error document needs, over byte offsets of a `&str`.
//!
//! Nesting is tracked with a counter, not recursion, so hostile input cannot exhaust the
//! stack.

use super::{XmlError, XmlErrorKind};

/// A start tag: `<Name attr="...">` or `<Name/>`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct StartTag<'a> {
    pub(crate) name: &'a str,
    /// The offset just past the closing `>`.
    pub(crate) end: usize,
    pub(crate) self_closing: bool,
}

fn find_byte(text: &str, from: usize, byte: u8) -> Option<usize> {
    text.as_bytes()
        .get(from..)?
        .iter()
        .position(|&b| b == byte)
        .map(|at| from + at)
}

fn find_str(text: &str, from: usize, needle: &str) -> Option<usize> {
    text.get(from..)?.find(needle).map(|at| from + at)
}

fn end_of_input(text: &str) -> XmlError {
    XmlError::new(XmlErrorKind::UnexpectedEnd, text.len())
}

/// If a comment, CDATA section, declaration or processing instruction starts at `at`,
/// the offset just past it.
///
/// Declarations are matched loosely: `<? xml version="1.0" ? >` ends at its `>`.
fn skip_markup(text: &str, at: usize) -> Result<Option<usize>, XmlError> {
    if !matches!(text.as_bytes().get(at + 1), Some(b'!' | b'?')) {
        return Ok(None);
    }
    let rest = &text[at..];
    let end = if rest.starts_with("<!--") {
        find_str(text, at + 4, "-->").map(|end| end + 3)
    } else if rest.starts_with("<![CDATA[") {
        find_str(text, at + 9, "]]>").map(|end| end + 3)
    } else if rest.starts_with("<?") || rest.starts_with("<!") {
        find_byte(text, at + 2, b'>').map(|end| end + 1)
    } else {
        return Ok(None);
    };
    end.map(Some).ok_or_else(|| end_of_input(text))
}

/// Skips whitespace and markup that is not an element, from `at`; returns where the next
/// element (or other content) starts.
pub(crate) fn skip_misc(text: &str, mut at: usize) -> Result<usize, XmlError> {
    loop {
        at += text[at..].len() - text[at..].trim_ascii_start().len();
        if at >= text.len() || !text[at..].starts_with('<') {
            return Ok(at);
        }
        match skip_markup(text, at)? {
            Some(end) => at = end,
            None => return Ok(at),
        }
    }
}

/// Reads the start tag at `at` (which holds `<`).
pub(crate) fn start_tag(text: &str, at: usize) -> Result<StartTag<'_>, XmlError> {
    let bytes = text.as_bytes();
    let name_start = at + 1;
    let name_len = bytes[name_start..]
        .iter()
        .position(|&b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>' | b'<'))
        .ok_or_else(|| end_of_input(text))?;
    if name_len == 0 {
        return Err(XmlError::new(XmlErrorKind::MalformedTag, at));
    }
    let name = &text[name_start..name_start + name_len];
    let mut quote = None;
    let mut last_significant = b'<';
    for (offset, &b) in bytes[name_start + name_len..].iter().enumerate() {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => {
                return Ok(StartTag {
                    name,
                    end: name_start + name_len + offset + 1,
                    self_closing: last_significant == b'/',
                });
            }
            (None, b'<') => return Err(XmlError::new(XmlErrorKind::MalformedTag, at)),
            (None, _) => {}
        }
        if !b.is_ascii_whitespace() {
            last_significant = b;
        }
    }
    Err(end_of_input(text))
}

/// How many open element names [`element_end`] remembers to check end tags against.
const NAMES_CHECKED: usize = 8;

/// Finds the end tag that closes the element `name` whose content starts at `from`.
/// Returns the offset where the content ends (the `<` of the end tag) and the offset just
/// past the end tag. End tags match names without regard to ASCII case; names are checked
/// for the first [`NAMES_CHECKED`] levels of nesting.
pub(crate) fn element_end(
    text: &str,
    mut from: usize,
    name: &str,
) -> Result<(usize, usize), XmlError> {
    let mut open = [""; NAMES_CHECKED];
    open[0] = name;
    let mut depth = 1usize;
    loop {
        let lt = find_byte(text, from, b'<').ok_or_else(|| end_of_input(text))?;
        if let Some(end) = skip_markup(text, lt)? {
            from = end;
            continue;
        }
        if text[lt..].starts_with("</") {
            let gt = find_byte(text, lt + 2, b'>').ok_or_else(|| end_of_input(text))?;
            depth -= 1;
            let closing = text[lt + 2..gt].trim_ascii_end();
            if open
                .get(depth)
                .is_some_and(|opened| !closing.eq_ignore_ascii_case(opened))
            {
                return Err(XmlError::new(XmlErrorKind::MismatchedEndTag, lt));
            }
            if depth == 0 {
                return Ok((lt, gt + 1));
            }
            from = gt + 1;
            continue;
        }
        let tag = start_tag(text, lt)?;
        if !tag.self_closing {
            if let Some(slot) = open.get_mut(depth) {
                *slot = tag.name;
            }
            depth += 1;
        }
        from = tag.end;
    }
}

/// What comes next inside an element's content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Item<'a> {
    /// A child element: its name, its raw content (untrimmed), and the offset after it.
    Child {
        name: &'a str,
        content: &'a str,
        after: usize,
    },
    /// An end tag: its name, where it starts, and the offset after it.
    End {
        name: &'a str,
        at: usize,
        after: usize,
    },
    /// The input ends.
    Eof,
}

/// The next child element or end tag from `at`; text between elements is skipped.
pub(crate) fn next_item(text: &str, mut at: usize) -> Result<Item<'_>, XmlError> {
    loop {
        let Some(lt) = find_byte(text, at, b'<') else {
            return Ok(Item::Eof);
        };
        if let Some(end) = skip_markup(text, lt)? {
            at = end;
            continue;
        }
        if text[lt..].starts_with("</") {
            let gt = find_byte(text, lt + 2, b'>').ok_or_else(|| end_of_input(text))?;
            return Ok(Item::End {
                name: text[lt + 2..gt].trim_ascii_end(),
                at: lt,
                after: gt + 1,
            });
        }
        let tag = start_tag(text, lt)?;
        if tag.self_closing {
            return Ok(Item::Child {
                name: tag.name,
                content: "",
                after: tag.end,
            });
        }
        let (content_end, after) = element_end(text, tag.end, tag.name)?;
        return Ok(Item::Child {
            name: tag.name,
            content: &text[tag.end..content_end],
            after,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declarations_and_comments_are_skipped() {
        let text = "\n<? xml version=\"1.0\" ? >\n<!-- c -->  <Error>";
        let at = skip_misc(text, 0).unwrap();
        assert_eq!(&text[at..], "<Error>");
    }

    #[test]
    fn start_tags() {
        let tag = start_tag("<Error xmlns=\"a>b\">", 0).unwrap();
        assert_eq!((tag.name, tag.end, tag.self_closing), ("Error", 19, false));
        let tag = start_tag("<EC />", 0).unwrap();
        assert_eq!((tag.name, tag.self_closing), ("EC", true));
        assert_eq!(
            start_tag("<>", 0).unwrap_err().kind(),
            XmlErrorKind::MalformedTag
        );
        assert_eq!(
            start_tag("<a b='", 0).unwrap_err().kind(),
            XmlErrorKind::UnexpectedEnd
        );
    }

    #[test]
    fn nested_elements_and_case_of_end_tags() {
        let text = "<a><a>x</a><b/></A>rest";
        assert_eq!(element_end(text, 3, "a").unwrap(), (15, 19));
        let err = element_end("<a>x</b>", 3, "a").unwrap_err();
        assert_eq!(err.kind(), XmlErrorKind::MismatchedEndTag);
        let err = element_end("<a><b>x</a>", 3, "a").unwrap_err();
        assert_eq!(
            (err.kind(), err.offset()),
            (XmlErrorKind::MismatchedEndTag, 7)
        );
    }

    /// The name, content and end of the child element that `next_item` finds from `at`.
    fn child(body: &str, at: usize) -> (&str, &str, usize) {
        match next_item(body, at).unwrap() {
            Item::Child {
                name,
                content,
                after,
            } => (name, content, after),
            other => panic!("expected a child element, got {other:?}"),
        }
    }

    #[test]
    fn items() {
        let body = " <Code>X</Code>text<!-- <No> --><Empty/><D><E>1</E></D></Error>";
        let (name, content, after) = child(body, 0);
        assert_eq!((name, content), ("Code", "X"));
        let (name, content, after) = child(body, after);
        assert_eq!((name, content), ("Empty", ""));
        let (name, content, after) = child(body, after);
        assert_eq!((name, content), ("D", "<E>1</E>"));
        let end = next_item(body, after).unwrap();
        assert_eq!(
            end,
            Item::End {
                name: "Error",
                at: after,
                after: body.len()
            }
        );
        assert_eq!(next_item(body, body.len()).unwrap(), Item::Eof);
    }
}
