//! The attribute list of a start tag: `name="value"` pairs, each name once.

use super::ErrorKind;
use super::chars::{find_forbidden, is_space, name_len};
use super::tokens::check_references;

/// Skips XML whitespace from `at`; the new offset.
fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(|&b| is_space(b)) {
        at += 1;
    }
    at
}

/// Reads one `name S? = S? "value"` at `at` (a name start), checked or not; returns the
/// name and the offset after the closing quote.
fn attribute(rest: &str, at: usize, check: bool) -> Result<(&str, usize), (ErrorKind, usize)> {
    let bytes = rest.as_bytes();
    let name = &rest[at..at + name_len(&rest[at..])];
    if name.is_empty() {
        return Err((ErrorKind::MalformedTag, at));
    }
    let eq = skip_space(bytes, at + name.len());
    let quote_at = match bytes.get(eq) {
        Some(b'=') => skip_space(bytes, eq + 1),
        Some(_) => return Err((ErrorKind::MalformedTag, eq)),
        None => return Err((ErrorKind::UnexpectedEnd, eq)),
    };
    let quote = match bytes.get(quote_at) {
        Some(&quote @ (b'"' | b'\'')) => quote,
        Some(_) => return Err((ErrorKind::MalformedTag, quote_at)),
        None => return Err((ErrorKind::UnexpectedEnd, quote_at)),
    };
    let start = quote_at + 1;
    let len = memchr::memchr(quote, &bytes[start..]).ok_or((ErrorKind::UnexpectedEnd, start))?;
    if check {
        let value = &rest[start..start + len];
        if let Some(lt) = memchr::memchr(b'<', value.as_bytes()) {
            return Err((ErrorKind::MalformedTag, start + lt));
        }
        if let Some(bad) = find_forbidden(value) {
            return Err((ErrorKind::ForbiddenChar, start + bad));
        }
        check_references(value).map_err(|bad| (ErrorKind::BadReference, start + bad))?;
    }
    Ok((name, start + len + 1))
}

/// Checks the attribute list that follows a start tag's name, up to and including the
/// tag's end; returns the offset of its closing `>`. Errors carry an offset into `rest`.
pub(crate) fn check_attributes(rest: &str) -> Result<usize, (ErrorKind, usize)> {
    let bytes = rest.as_bytes();
    let mut at = 0;
    loop {
        let spaced = skip_space(bytes, at);
        let separated = spaced > at;
        at = spaced;
        match bytes.get(at) {
            None => return Err((ErrorKind::UnexpectedEnd, at)),
            Some(b'>') => return Ok(at),
            Some(b'/') => {
                return match bytes.get(at + 1) {
                    Some(b'>') => Ok(at + 1),
                    Some(_) => Err((ErrorKind::MalformedTag, at)),
                    None => Err((ErrorKind::UnexpectedEnd, at + 1)),
                };
            }
            Some(_) if !separated => return Err((ErrorKind::MalformedTag, at)),
            Some(_) => {}
        }
        let (name, end) = attribute(rest, at, true)?;
        if names(&rest[..at]).any(|earlier| earlier == name) {
            return Err((ErrorKind::DuplicateAttribute, at));
        }
        at = end;
    }
}

/// The names of an attribute list already checked.
fn names(list: &str) -> impl Iterator<Item = &str> {
    let mut at = 0;
    core::iter::from_fn(move || {
        at = skip_space(list.as_bytes(), at);
        let (name, end) = attribute(list, at, false).ok()?;
        at = end;
        Some(name)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists() {
        assert_eq!(check_attributes(">"), Ok(0));
        assert_eq!(check_attributes(" a='1' b = \"&lt;\" />"), Ok(19));
        for (list, expected) in [
            ("a='1'>", (ErrorKind::MalformedTag, 0)),
            (" a='1'b='2'>", (ErrorKind::MalformedTag, 6)),
            (" a=1>", (ErrorKind::MalformedTag, 3)),
            (" a>", (ErrorKind::MalformedTag, 2)),
            (" a='<'>", (ErrorKind::MalformedTag, 4)),
            (" a='&#0;'>", (ErrorKind::BadReference, 4)),
            (" a='&x;'>", (ErrorKind::BadReference, 4)),
            (" a='\u{1}'>", (ErrorKind::ForbiddenChar, 4)),
            (" a='1' b='2' a='3'>", (ErrorKind::DuplicateAttribute, 13)),
            (" a='1' / >", (ErrorKind::MalformedTag, 7)),
            (" a='1", (ErrorKind::UnexpectedEnd, 4)),
            (" a", (ErrorKind::UnexpectedEnd, 2)),
            (" /", (ErrorKind::UnexpectedEnd, 2)),
        ] {
            assert_eq!(check_attributes(list), Err(expected), "{list}");
        }
    }

    #[test]
    fn same_name_in_other_spellings_is_not_a_duplicate() {
        assert!(check_attributes(" a='1' A='2' x:a='3' a.b='4'>").is_ok());
    }
}
