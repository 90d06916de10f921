//! Messages with a number in them: `Error status : <N>.` and the reply-timeout report,
//! whose address and timings change with every request.

use crate::error::PLACEHOLDER;
use crate::normalize::loose_eq;
use crate::{Entry, Error};
use oss_text::decimal::parse_decimal;

/// The words that mark a callback timeout report such as
/// `error status:-1 8.8.8.8: 9090 reply timeout, cost: 5000 MS, ...`.
const REPLY_TIMEOUT: &[u8] = b"reply timeout";

/// Matches `message` against the template entries among `entries`.
pub(crate) fn recognize(entries: &[Entry], message: &str) -> Option<Error> {
    for &entry in entries {
        let Some((before, after)) = entry.message().split_once(PLACEHOLDER) else {
            continue;
        };
        let Some(rest) = strip_prefix_loosely(message.as_bytes(), before.as_bytes()) else {
            continue;
        };
        let Some((status, rest)) = leading_integer(rest.trim_ascii_start()) else {
            continue;
        };
        let rest = core::str::from_utf8(rest).ok()?;
        if loose_eq(rest, after) {
            return Some(Error::with_status(entry, status));
        }
        if entries.contains(&Entry::CallbackReplyTimeout)
            && rest
                .as_bytes()
                .windows(REPLY_TIMEOUT.len())
                .any(|w| w.eq_ignore_ascii_case(REPLY_TIMEOUT))
        {
            return Some(Error::with_status(Entry::CallbackReplyTimeout, status));
        }
    }
    None
}

/// `text` after `prefix`, ignoring ASCII case and all whitespace (OSS writes both
/// `Error status : 400.` and `error status:-1`).
fn strip_prefix_loosely<'t>(text: &'t [u8], prefix: &[u8]) -> Option<&'t [u8]> {
    let mut rest = text;
    for &want in prefix.iter().filter(|b| !b.is_ascii_whitespace()) {
        rest = rest.trim_ascii_start();
        let (&got, tail) = rest.split_first()?;
        if !got.eq_ignore_ascii_case(&want) {
            return None;
        }
        rest = tail;
    }
    Some(rest)
}

/// An optionally negative decimal `i32` at the start of `text`, and what follows it.
fn leading_integer(text: &[u8]) -> Option<(i32, &[u8])> {
    let (negative, digits) = match text.split_first() {
        Some((b'-', tail)) => (true, tail),
        _ => (false, text),
    };
    let count = digits.iter().take_while(|b| b.is_ascii_digit()).count();
    let (number, rest) = digits.split_at(count);
    let value = i32::try_from(parse_decimal(number)?).ok()?;
    Some((if negative { -value } else { value }, rest))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Code;

    fn callback(message: &str) -> Option<Error> {
        recognize(Code::CallbackFailed.entries(), message)
    }

    #[test]
    fn status_template_spellings() {
        for (message, status) in [
            ("Error status : 400.", 400),
            ("Error status : 502.", 502),
            ("Error Status : 401.", 401),
            ("  error status:-1 ", -1),
            ("Error status : 301", 301),
        ] {
            assert_eq!(
                callback(message),
                Some(Error::with_status(Entry::CallbackErrorStatus, status)),
                "{message}"
            );
        }
    }

    #[test]
    fn reply_timeout_reports() {
        let found = callback(
            "error status:-1 10.0.0.1: 80 reply timeout, cost: 5001 MS, timeout: 5000 MS (x, errno110)",
        );
        assert_eq!(
            found,
            Some(Error::with_status(Entry::CallbackReplyTimeout, -1))
        );
    }

    #[test]
    fn other_texts_do_not_match() {
        for message in [
            "Error status : .",
            "Error status : 400.User server x",
            "Error status",
            "Error status : 99999999999.",
        ] {
            assert_eq!(callback(message), None, "{message}");
        }
        assert_eq!(
            recognize(Code::NoSuchKey.entries(), "Error status : 400."),
            None
        );
    }
}
