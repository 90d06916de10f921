//! Reads the `<Part>` elements of a CompleteMultipartUpload body, one at a time, over the
//! strict XML tokenizer of `oss-text`: the body must be well-formed XML 1.0, and only
//! the elements OSS expects may appear. Comments are skipped; the XML declaration may
//! only open the document; CDATA, DOCTYPE and other processing instructions are refused.

use oss_errors::{Entry, Error};
use oss_naming::parse_decimal;
use oss_text::xml::{Token, Tokenizer, trim_space, unescape_in};

use super::CompletedPart;

const ROOT: &str = "CompleteMultipartUpload";

/// The longest unescaped part number read; a longer one written with references is
/// malformed, as any part number with a reference was before issue 16.
const NUMBER_BUFFER: usize = 64;

pub(super) fn malformed() -> Error {
    Entry::XmlMalformed.into()
}

fn is_blank(text: &str) -> bool {
    trim_space(text).is_empty()
}

/// Whether a processing instruction is the XML declaration (`<?xml ...?>`).
fn is_declaration(pi: &str) -> bool {
    pi.strip_prefix("xml")
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t', '\r', '\n']))
}

/// Reads `<Part>` elements one at a time, checking the structure as it goes.
pub(super) struct PartsReader<'a> {
    tokens: Tokenizer<'a>,
    done: bool,
}

impl<'a> PartsReader<'a> {
    /// Reads up to the root element's start tag.
    pub(super) fn new(xml: &'a str) -> Result<Self, Error> {
        let mut tokens = Tokenizer::new(xml);
        let mut first = true;
        loop {
            match tokens.next_token().map_err(|_| malformed())? {
                Some(Token::Text(text)) if is_blank(text) => continue,
                Some(Token::Pi(pi)) if first && is_declaration(pi) => {}
                Some(Token::Comment(_)) => {}
                Some(Token::Start(root)) if root.name() == ROOT => {
                    return Ok(Self {
                        tokens,
                        done: root.is_empty(),
                    });
                }
                _ => return Err(malformed()),
            }
            first = false;
        }
    }

    /// The next token that is not a comment.
    fn next(&mut self) -> Result<Option<Token<'a>>, Error> {
        loop {
            match self.tokens.next_token().map_err(|_| malformed())? {
                Some(Token::Comment(_)) => {}
                token => return Ok(token),
            }
        }
    }

    fn next_part(&mut self) -> Result<Option<CompletedPart<'a>>, Error> {
        loop {
            match self.next()? {
                Some(Token::Text(text)) if is_blank(text) => {}
                Some(Token::Start(tag)) if tag.name() == "Part" && !tag.is_empty() => {
                    return self.part().map(Some);
                }
                Some(Token::End(ROOT)) => {
                    self.done = true;
                    return self.finish().map(|()| None);
                }
                _ => return Err(malformed()),
            }
        }
    }

    /// Checks that only whitespace and comments follow the root element.
    fn finish(&mut self) -> Result<(), Error> {
        loop {
            match self.next()? {
                None => return Ok(()),
                Some(Token::Text(text)) if is_blank(text) => {}
                Some(_) => return Err(malformed()),
            }
        }
    }

    /// The inside of `<Part>`: one `<PartNumber>` and one `<ETag>`, in any order.
    fn part(&mut self) -> Result<CompletedPart<'a>, Error> {
        let (mut number, mut etag) = (None, None);
        loop {
            let (slot, text) = match self.next()? {
                Some(Token::Text(text)) if is_blank(text) => continue,
                Some(Token::Start(tag)) if tag.name() == "ETag" && tag.is_empty() => {
                    (&mut etag, "")
                }
                Some(Token::Start(tag)) if !tag.is_empty() && tag.name() == "ETag" => {
                    (&mut etag, self.element_text("ETag")?)
                }
                Some(Token::Start(tag)) if !tag.is_empty() && tag.name() == "PartNumber" => {
                    (&mut number, self.element_text("PartNumber")?)
                }
                Some(Token::End("Part")) => break,
                _ => return Err(malformed()),
            };
            if slot.replace(text).is_some() {
                return Err(malformed());
            }
        }
        let number = number.and_then(parse_number).ok_or_else(malformed)?;
        let etag = etag.ok_or_else(malformed)?;
        Ok(CompletedPart { number, etag })
    }

    /// The raw text of a simple element, trimmed, up to its end tag.
    fn element_text(&mut self, name: &str) -> Result<&'a str, Error> {
        match self.next()? {
            Some(Token::End(end)) if end == name => Ok(""),
            Some(Token::Text(text)) => match self.next()? {
                Some(Token::End(end)) if end == name => Ok(trim_space(text)),
                _ => Err(malformed()),
            },
            _ => Err(malformed()),
        }
    }
}

impl<'a> Iterator for PartsReader<'a> {
    type Item = Result<CompletedPart<'a>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let next = self.next_part();
        if !matches!(next, Ok(Some(_))) {
            self.done = true;
        }
        next.transpose()
    }
}

/// A part number: decimal digits once references are resolved; out-of-range values are
/// kept for the range check.
fn parse_number(raw: &str) -> Option<u32> {
    let mut buf = [0u8; NUMBER_BUFFER];
    let text = unescape_in(raw, &mut buf).ok()?;
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(
        parse_decimal(text.as_bytes())
            .and_then(|n| u32::try_from(n).ok())
            .unwrap_or(u32::MAX),
    )
}

#[cfg(test)]
mod tests {
    use std::prelude::rust_2024::*;

    use super::*;

    fn parts(doc: &str) -> Result<Vec<(u32, &str)>, Error> {
        PartsReader::new(doc)?
            .map(|part| part.map(|part| (part.number, part.etag)))
            .collect()
    }

    #[test]
    fn reads_parts_and_skips_the_prolog() {
        let doc = "\u{feff} <?xml version=\"1.0\"?><!-- c --><CompleteMultipartUpload x=\"1\" y='2'><Part><ETag/><PartNumber>&#x31;</PartNumber><!--x--></Part></CompleteMultipartUpload><!-- end -->";
        assert_eq!(parts(doc).unwrap(), [(1, "")]);
    }

    #[test]
    fn refuses_what_it_does_not_know() {
        for bad in [
            "<!-- c --><?xml version=\"1.0\"?><CompleteMultipartUpload/>",
            "<?xml-stylesheet href=\"a\"?><CompleteMultipartUpload/>",
            "<!DOCTYPE a><CompleteMultipartUpload/>",
            "<CompleteMultipartUpload><![CDATA[x]]></CompleteMultipartUpload>",
            "<CompleteMultipartUpload><?pi?></CompleteMultipartUpload>",
            "<CompleteMultipartUpload><Part><ETag><![CDATA[a]]></ETag></Part></CompleteMultipartUpload>",
            "<CompleteMultipartUpload><Part><PartNumber/></Part></CompleteMultipartUpload>",
            "<CompleteMultipartUpload><Part/></CompleteMultipartUpload>",
            "<CompleteMultipartUpload></CompleteMultipartUpload><?pi?>",
        ] {
            assert_eq!(
                parts(bad).map_err(|e| e.entry()),
                Err(Entry::XmlMalformed),
                "{bad}"
            );
        }
    }
}
