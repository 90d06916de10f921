//! "Did you mean": the catalogue codes and messages closest to what was typed.

use oss_core::errors::{Code, Entry};

/// Levenshtein distance over the characters of `a` and `b`, compared without ASCII case.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().map(|c| c.to_ascii_lowercase()).collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.chars().map(|c| c.to_ascii_lowercase()).enumerate() {
        current[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        core::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// Up to three known codes close to `typed`: a different case, a few typos, or a code
/// that contains what was typed (`Callback` finds `CallbackFailed`).
pub(super) fn codes_like(typed: &str) -> Vec<Code> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Vec::new();
    }
    let typed_len = typed.chars().count();
    let limit = (typed_len / 3).max(2);
    let lowered = typed.to_ascii_lowercase();
    // A code that contains what was typed ranks first (shorter extra first), then codes
    // within a few edits.
    let mut scored: Vec<((bool, usize), Code)> = Code::ALL
        .iter()
        .filter_map(|&code| {
            let name = code.as_str();
            if typed.len() >= 4 && name.to_ascii_lowercase().contains(&lowered) {
                return Some(((false, name.len() - typed.len()), code));
            }
            // The distance is at least the difference in length: skip the table when
            // that alone is over the limit, so a long input costs its length, not more.
            if typed_len.abs_diff(name.chars().count()) > limit {
                return None;
            }
            let edits = distance(typed, name);
            (edits <= limit).then_some(((true, edits), code))
        })
        .collect();
    scored.sort_by_key(|&(score, code)| (score, code.as_str()));
    scored.into_iter().take(3).map(|(_, code)| code).collect()
}

/// The entry of `code` whose message is closest to `typed`, when it is close enough to
/// be worth showing (within 40% of the message's length).
pub(super) fn closest_message(code: Code, typed: &str) -> Option<Entry> {
    let typed = typed.trim();
    let typed_len = typed.chars().count();
    code.entries()
        .iter()
        .filter_map(|&entry| {
            let len = entry.message().chars().count();
            // Lengths further apart than the allowance cannot be within it.
            (typed_len.abs_diff(len) * 5 <= len * 2)
                .then(|| (distance(typed, entry.message()), entry))
        })
        .filter(|&(score, entry)| score * 5 <= entry.message().chars().count() * 2)
        .min_by_key(|&(score, _)| score)
        .map(|(_, entry)| entry)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("NoSuchKey", "nosuchkey"), 0);
        assert_eq!(distance("", "abc"), 3);
    }

    #[test]
    fn code_suggestions() {
        assert_eq!(codes_like("NoSuchKye")[0], Code::NoSuchKey);
        assert_eq!(codes_like("nosuchbucket")[0], Code::NoSuchBucket);
        assert_eq!(codes_like("Callback")[0], Code::CallbackFailed);
        assert!(codes_like("Zzzzzzzzzzzzzz").is_empty());
        assert!(codes_like("").is_empty());
    }

    #[test]
    fn a_long_unknown_input_is_skipped_on_its_length() {
        // A megabyte against every code and message: each is skipped on length alone
        // (before the change, this built a 1 M x message-length table per entry).
        let long = "x".repeat(1 << 20);
        assert!(codes_like(&long).is_empty());
        assert_eq!(closest_message(Code::InvalidArgument, &long), None);
    }

    #[test]
    fn message_suggestions() {
        assert_eq!(
            closest_message(
                Code::InvalidArgument,
                "The callback configuration is not json"
            ),
            Some(Entry::CallbackNotJson)
        );
        assert_eq!(
            closest_message(Code::NoSuchKey, "something else entirely"),
            None
        );
    }
}
