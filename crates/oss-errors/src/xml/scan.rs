//! Walking an error document's elements over the lenient tokenizer of `oss-text`.
//!
//! Nesting is tracked with a counter, not recursion, so hostile input cannot exhaust the
//! stack.

use oss_text::xml::{ErrorKind, StartTag, SyntaxError, Token, Tokenizer};

use super::{XmlError, XmlErrorKind};

/// The tokenizer's error as this parser reports it: lenient tokenizing finds only
/// unfinished markup and broken tags.
fn from_syntax(err: SyntaxError) -> XmlError {
    let kind = match err.kind() {
        ErrorKind::UnexpectedEnd => XmlErrorKind::UnexpectedEnd,
        _ => XmlErrorKind::MalformedTag,
    };
    XmlError::new(kind, err.offset())
}

fn next_token<'a>(tokens: &mut Tokenizer<'a>) -> Result<Option<Token<'a>>, XmlError> {
    tokens.next_token().map_err(from_syntax)
}

/// What follows whitespace and markup that is not an element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Misc<'a> {
    /// A start tag, which starts at the tokenizer's `token_start`.
    Start(StartTag<'a>),
    /// Something else (text or an end tag), starting at this offset.
    Other(usize),
    /// The end of the input.
    End,
}

/// Skips whitespace, comments, CDATA, declarations and processing instructions.
pub(crate) fn skip_misc<'a>(tokens: &mut Tokenizer<'a>) -> Result<Misc<'a>, XmlError> {
    loop {
        match next_token(tokens)? {
            None => return Ok(Misc::End),
            Some(Token::Start(tag)) => return Ok(Misc::Start(tag)),
            Some(Token::Text(text)) => {
                let blank = text.trim_ascii_start();
                if !blank.is_empty() {
                    return Ok(Misc::Other(tokens.token_start() + text.len() - blank.len()));
                }
            }
            Some(Token::End(_)) => return Ok(Misc::Other(tokens.token_start())),
            Some(_) => {}
        }
    }
}

/// How many open element names [`element_end`] remembers to check end tags against.
const NAMES_CHECKED: usize = 8;

/// Reads on to the end tag that closes the element `name` whose content comes next;
/// returns the offset where the content ends (the end tag's `<`). End tags match names
/// without regard to ASCII case; names are checked for the first [`NAMES_CHECKED`]
/// levels of nesting.
fn element_end(text: &str, tokens: &mut Tokenizer<'_>, name: &str) -> Result<usize, XmlError> {
    let mut open = [""; NAMES_CHECKED];
    open[0] = name;
    let mut depth = 1usize;
    loop {
        match next_token(tokens)? {
            None => return Err(XmlError::new(XmlErrorKind::UnexpectedEnd, text.len())),
            Some(Token::End(closing)) => {
                depth -= 1;
                let at = tokens.token_start();
                if open
                    .get(depth)
                    .is_some_and(|opened| !closing.eq_ignore_ascii_case(opened))
                {
                    return Err(XmlError::new(XmlErrorKind::MismatchedEndTag, at));
                }
                if depth == 0 {
                    return Ok(at);
                }
            }
            Some(Token::Start(tag)) if !tag.is_empty() => {
                if let Some(slot) = open.get_mut(depth) {
                    *slot = tag.name();
                }
                depth += 1;
            }
            Some(_) => {}
        }
    }
}

/// What comes next inside an element's content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Item<'a> {
    /// A child element: its name and its raw content (untrimmed).
    Child { name: &'a str, content: &'a str },
    /// An end tag: its name and where it starts.
    End { name: &'a str, at: usize },
    /// The input ends.
    Eof,
}

/// The next child element or end tag of the content `tokens` reads from `text`; text
/// and other markup between elements is skipped.
pub(crate) fn next_item<'a>(
    text: &'a str,
    tokens: &mut Tokenizer<'a>,
) -> Result<Item<'a>, XmlError> {
    loop {
        match next_token(tokens)? {
            None => return Ok(Item::Eof),
            Some(Token::End(name)) => {
                return Ok(Item::End {
                    name,
                    at: tokens.token_start(),
                });
            }
            Some(Token::Start(tag)) if tag.is_empty() => {
                return Ok(Item::Child {
                    name: tag.name(),
                    content: "",
                });
            }
            Some(Token::Start(tag)) => {
                let start = tokens.offset();
                let end = element_end(text, tokens, tag.name())?;
                return Ok(Item::Child {
                    name: tag.name(),
                    content: &text[start..end],
                });
            }
            Some(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declarations_and_comments_are_skipped() {
        let text = "\n<? xml version=\"1.0\" ? >\n<!-- c -->  <Error>";
        let mut tokens = Tokenizer::lenient(text);
        assert!(matches!(skip_misc(&mut tokens), Ok(Misc::Start(tag)) if tag.name() == "Error"));
        assert_eq!(tokens.token_start(), text.len() - 7);
        let mut tokens = Tokenizer::lenient("<!-- c --> x");
        assert_eq!(skip_misc(&mut tokens), Ok(Misc::Other(11)));
        let mut tokens = Tokenizer::lenient(" ");
        assert_eq!(skip_misc(&mut tokens), Ok(Misc::End));
    }

    #[test]
    fn nested_elements_and_case_of_end_tags() {
        let text = "<a><a>x</a><b/></A>rest";
        let mut tokens = Tokenizer::lenient(text);
        let _ = tokens.next_token();
        assert_eq!(element_end(text, &mut tokens, "a"), Ok(15));
        let text = "<a>x</b>";
        let mut tokens = Tokenizer::lenient(text);
        let _ = tokens.next_token();
        let err = element_end(text, &mut tokens, "a").unwrap_err();
        assert_eq!(err.kind(), XmlErrorKind::MismatchedEndTag);
        let text = "<a><b>x</a>";
        let mut tokens = Tokenizer::lenient(text);
        let _ = tokens.next_token();
        let err = element_end(text, &mut tokens, "a").unwrap_err();
        assert_eq!(
            (err.kind(), err.offset()),
            (XmlErrorKind::MismatchedEndTag, 7)
        );
    }

    #[test]
    fn items() {
        let body = " <Code>X</Code>text<!-- <No> --><Empty/><D><E>1</E></D></Error>";
        let mut tokens = Tokenizer::lenient(body);
        let mut next = || next_item(body, &mut tokens).unwrap();
        assert_eq!(
            next(),
            Item::Child {
                name: "Code",
                content: "X"
            }
        );
        assert_eq!(
            next(),
            Item::Child {
                name: "Empty",
                content: ""
            }
        );
        assert_eq!(
            next(),
            Item::Child {
                name: "D",
                content: "<E>1</E>"
            }
        );
        assert_eq!(
            next(),
            Item::End {
                name: "Error",
                at: body.len() - 8
            }
        );
        assert_eq!(next(), Item::Eof);
    }

    #[test]
    fn broken_tags() {
        for (text, kind) in [
            ("<>", XmlErrorKind::MalformedTag),
            ("<a b='", XmlErrorKind::UnexpectedEnd),
            ("<a><b", XmlErrorKind::UnexpectedEnd),
        ] {
            let mut tokens = Tokenizer::lenient(text);
            assert_eq!(
                next_item(text, &mut tokens).unwrap_err().kind(),
                kind,
                "{text}"
            );
        }
    }
}
