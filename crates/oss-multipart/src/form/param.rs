//! `;`-separated `name=value` parameter lists, as `Content-Type` and `Content-Disposition`
//! write them.

/// A parameter's name and value, and the rest of the list.
pub(super) type Param<'a> = (&'a [u8], &'a [u8], &'a [u8]);

/// Splits a header value at its first `;`: the leading item (a media type or a
/// disposition), trimmed, and the parameter list after it.
pub(super) fn split_first_item(value: &[u8]) -> (&[u8], &[u8]) {
    match memchr::memchr(b';', value) {
        Some(at) => (trim(&value[..at]), &value[at + 1..]),
        None => (trim(value), &[][..]),
    }
}

/// Splits `name=value` (value a token or a quoted string, taken literally up to the next
/// double quote) off a `;`-separated list; `None` when there is no `=`, the name is
/// empty, a quote is not closed, or something other than `;` follows a closing quote.
pub(super) fn next_param(params: &[u8]) -> Option<Param<'_>> {
    let params = trim_start(params);
    let eq = memchr::memchr(b'=', params)?;
    let name = trim(&params[..eq]);
    let after = trim_start(&params[eq + 1..]);
    let (value, rest) = if let Some(quoted) = after.strip_prefix(b"\"") {
        let close = memchr::memchr(b'"', quoted)?;
        let rest = trim_start(&quoted[close + 1..]);
        match rest.split_first() {
            None => (&quoted[..close], rest),
            Some((b';', rest)) => (&quoted[..close], rest),
            Some(_) => return None,
        }
    } else {
        match memchr::memchr(b';', after) {
            Some(at) => (trim(&after[..at]), &after[at + 1..]),
            None => (trim(after), &[][..]),
        }
    };
    (!name.is_empty()).then_some((name, value, rest))
}

/// Without leading and trailing spaces and tabs.
pub(super) fn trim(bytes: &[u8]) -> &[u8] {
    let bytes = trim_start(bytes);
    let end = bytes
        .iter()
        .rposition(|b| !matches!(b, b' ' | b'\t'))
        .map_or(0, |at| at + 1);
    &bytes[..end]
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t'))
        .unwrap_or(bytes.len());
    &bytes[start..]
}
