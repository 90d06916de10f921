//! `check date`: tell which form a date is in and judge it by that form's rules.

use oss_core::errors::{Entry, Error};
use oss_core::naming::{self, Timestamp};
use serde_json::{Map, json};

use super::{Rejection, Verdict};

/// Judges `value` as the form it looks like.
pub(super) fn judge(value: &str, now: i64) -> Result<Verdict, Rejection> {
    if value
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_digit() || b == b'-')
        && value.bytes().skip(1).all(|b| b.is_ascii_digit())
    {
        return unix(value, now);
    }
    if let Ok(t) = naming::parse_rfc1123(value) {
        return Ok(describe(Verdict::plain(), "rfc1123", t));
    }
    if let Ok(t) = naming::parse_iso8601(value) {
        let verdict = describe(Verdict::plain(), "iso8601", t);
        let note = "ISO 8601 is the form of a PostObject policy's expiration; a Date header needs RFC 1123";
        return Ok(verdict.with("note", json!(note), format!("note: {note}")));
    }
    let (form, note) = guess_form(value);
    let mut fields = Map::new();
    fields.insert("form".into(), json!(form));
    Err(Rejection {
        error: Error::from(Entry::DateFormatInvalid),
        note: Some(note),
        fields,
    })
}

fn unix(value: &str, now: i64) -> Result<Verdict, Rejection> {
    let secs = naming::parse_unix_date(value, now)?;
    let verdict = Verdict::plain().with("now", json!(now), format!("checked against now = {now}"));
    Ok(match Timestamp::from_unix(secs) {
        Some(t) => describe(verdict, "unix", t),
        None => verdict.with("form", json!("unix"), "form: UNIX seconds".to_owned()),
    })
}

fn describe(verdict: Verdict, form: &str, t: Timestamp) -> Verdict {
    let form_line = match form {
        "rfc1123" => "form: RFC 1123 (the HTTP Date header form OSS requires)",
        "unix" => "form: UNIX seconds",
        _ => "form: ISO 8601 (UTC)",
    };
    verdict
        .with("form", json!(form), form_line.to_owned())
        .with(
            "unix_seconds",
            json!(t.unix_seconds()),
            format!("unix seconds: {}", t.unix_seconds()),
        )
        .with(
            "rfc1123",
            json!(t.rfc1123().to_string()),
            format!("RFC 1123: {}", t.rfc1123()),
        )
        .with(
            "iso8601",
            json!(t.iso8601().to_string()),
            format!("ISO 8601: {}", t.iso8601()),
        )
}

/// Names the date form a rejected value resembles, with advice.
fn guess_form(value: &str) -> (&'static str, String) {
    let example = "Sun, 06 Nov 1994 08:49:37 GMT";
    if value.contains('-') && value.contains(", ") && value.ends_with(" GMT") {
        (
            "rfc850",
            format!(
                "this looks like the obsolete RFC 850 form; OSS needs RFC 1123, e.g. {example:?}"
            ),
        )
    } else if !value.contains(',') && value.split_whitespace().count() == 5 {
        (
            "asctime",
            format!("this looks like the C asctime() form; OSS needs RFC 1123, e.g. {example:?}"),
        )
    } else if value.contains(',') && value.contains(':') {
        (
            "rfc1123",
            format!(
                "RFC 1123 is exact: English names, two-digit day, a real date, GMT, and the right weekday, e.g. {example:?}"
            ),
        )
    } else if value.bytes().take(4).all(|b| b.is_ascii_digit()) && value.contains('T') {
        (
            "iso8601",
            "ISO 8601 needs YYYY-MM-DDTHH:MM:SS[.fff]Z in UTC (a trailing Z, no offset)".to_owned(),
        )
    } else {
        (
            "unknown",
            format!("dates are RFC 1123 (e.g. {example:?}), UNIX seconds, or ISO 8601 in policies"),
        )
    }
}
