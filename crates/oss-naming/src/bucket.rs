//! Bucket names: 3 to 63 of `a-z`, `0-9` and `-`, starting and ending with a letter or digit.

use oss_errors::{Entry, Error};

/// The shortest bucket name OSS accepts, in characters.
pub const MIN_BUCKET_NAME_LEN: usize = 3;
/// The longest bucket name OSS accepts, in characters.
pub const MAX_BUCKET_NAME_LEN: usize = 63;

/// Checks a bucket name: 3 to 63 characters from lowercase letters, digits and `-`,
/// starting and ending with a lowercase letter or digit.
///
/// This is the rule of every official SDK (`^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$`) and of the
/// OSS documentation. It runs in `const` contexts too.
///
/// ```
/// use oss_errors::Entry;
/// use oss_naming::check_bucket_name;
///
/// assert!(check_bucket_name("examplebucket-01").is_ok());
/// let err = check_bucket_name("Example_Bucket").unwrap_err();
/// assert_eq!(err.entry(), Entry::BucketNameInvalid);
/// assert_eq!(err.to_string(), "The specified bucket is not valid");
/// const OK: bool = check_bucket_name("abc").is_ok();
/// assert!(OK);
/// ```
///
/// # Errors
/// `InvalidBucketName` ("The specified bucket is not valid") when the rule is broken.
pub const fn check_bucket_name(name: &str) -> Result<(), Error> {
    check_bucket_name_bytes(name.as_bytes())
}

/// [`check_bucket_name`] on raw bytes, such as a `Host` label or a path segment before
/// decoding (a valid bucket name is ASCII, so no decoding is ever needed).
///
/// ```
/// assert!(oss_naming::check_bucket_name_bytes(b"logs-2024").is_ok());
/// assert!(oss_naming::check_bucket_name_bytes(b"logs\xff").is_err());
/// ```
///
/// # Errors
/// `InvalidBucketName` when the rule is broken.
pub const fn check_bucket_name_bytes(name: &[u8]) -> Result<(), Error> {
    if is_valid_bucket_name(name) {
        Ok(())
    } else {
        Err(Error::new(Entry::BucketNameInvalid))
    }
}

const fn is_valid_bucket_name(name: &[u8]) -> bool {
    let len = name.len();
    if len < MIN_BUCKET_NAME_LEN || len > MAX_BUCKET_NAME_LEN {
        return false;
    }
    // The ends are letters or digits; with the whole name in the bucket alphabet (checked
    // below), that is: not `-`. The first byte is tested fully to reject early.
    let first = name[0];
    if !(first.is_ascii_lowercase() || first.is_ascii_digit()) || name[len - 1] == b'-' {
        return false;
    }
    // The whole name is checked eight bytes at a time: the first and the last word (which
    // overlap for names under 16 bytes), then the words in between, two per step. A name
    // shorter than a word is padded with `a`. Verdicts are combined without branching, so
    // the words are judged in parallel.
    let (Some(head), Some(last)) = (name.first_chunk::<8>(), name.last_chunk::<8>()) else {
        let mut padded = *b"aaaaaaaa";
        let mut i = 0;
        while i < len {
            padded[i] = name[i];
            i += 1;
        }
        return bucket_flags(u64::from_le_bytes(padded)) == HIGH;
    };
    let mut all = bucket_flags(u64::from_le_bytes(*head)) & bucket_flags(u64::from_le_bytes(*last));
    if len > 16 {
        let mut rest = match name.split_first_chunk::<8>() {
            Some((_, after_head)) => after_head,
            None => &[],
        };
        // Two words per step: the verdicts of a pair are independent, so they overlap.
        while let Some((pair, tail)) = rest.split_first_chunk::<16>() {
            if let (Some(low), Some(high)) = (pair.first_chunk::<8>(), pair.last_chunk::<8>()) {
                all &= bucket_flags(u64::from_le_bytes(*low))
                    & bucket_flags(u64::from_le_bytes(*high));
            }
            rest = tail;
        }
        if let Some(word) = rest.first_chunk::<8>() {
            all &= bucket_flags(u64::from_le_bytes(*word));
        }
    }
    all == HIGH
}

/// `0x01` in every byte.
const ONES: u64 = u64::from_le_bytes([0x01; 8]);
/// `0x80` in every byte: the per-byte flag bit.
const HIGH: u64 = u64::from_le_bytes([0x80; 8]);

/// Per byte of `low7` (bytes below 0x80), the flag bit set when `lo <= byte <= hi`.
///
/// `(byte | 0x80) - lo` keeps its high bit exactly when `byte >= lo`, and
/// `(0x80 + hi) - byte` keeps it exactly when `byte <= hi`; neither can borrow from the
/// next byte, so eight bytes are judged by one subtraction each.
const fn in_range(low7: u64, lo: u8, hi: u8) -> u64 {
    let at_least = (low7 | HIGH) - ONES * lo as u64;
    let at_most = ONES * (0x80 + hi as u64) - low7;
    at_least & at_most
}

/// Per byte of `word`, the flag bit set when the byte is `a-z`, `0-9` or `-`.
const fn bucket_flags(word: u64) -> u64 {
    // Judge the low seven bits of each byte, then drop the bytes that had the high bit.
    let low7 = word & !HIGH;
    let flags =
        in_range(low7, b'a', b'z') | in_range(low7, b'0', b'9') | in_range(low7, b'-', b'-');
    flags & !word & HIGH
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The reference model: the SDKs' rule written as a plain loop over characters.
    fn model(name: &str) -> bool {
        let chars: std::vec::Vec<char> = name.chars().collect();
        let edge = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit();
        (3..=63).contains(&chars.len())
            && chars.first().is_some_and(|&c| edge(c))
            && chars.last().is_some_and(|&c| edge(c))
            && chars.iter().all(|&c| edge(c) || c == '-')
    }

    #[test]
    fn sdk_validation_vectors() {
        // alibabacloud-oss-python-sdk-v2 tests/unit/test_validation.py
        for good in ["123", "test", "test-123", "123-test", "123test"] {
            assert_eq!(check_bucket_name(good), Ok(()), "{good}");
        }
        let too_long = "abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefghij";
        for bad in [
            "12", too_long, "-test", "test-", "test_123", "TEst", "#?123", "",
        ] {
            assert_eq!(
                check_bucket_name(bad),
                Err(Error::new(Entry::BucketNameInvalid)),
                "{bad}"
            );
        }
    }

    #[test]
    fn length_bounds() {
        assert!(check_bucket_name(&"a".repeat(63)).is_ok());
        assert!(check_bucket_name(&"a".repeat(64)).is_err());
        assert!(check_bucket_name("a-b").is_ok());
        assert!(check_bucket_name("a--").is_err());
        assert!(check_bucket_name("a.b").is_err());
    }

    #[test]
    fn word_check_matches_the_table_for_every_byte_in_every_lane() {
        for lane in 0..8 {
            for byte in 0..=255u8 {
                let mut bytes = [b'a'; 8];
                bytes[lane] = byte;
                let expected = matches!(byte, b'a'..=b'z' | b'0'..=b'9' | b'-');
                assert_eq!(
                    bucket_flags(u64::from_le_bytes(bytes)) == HIGH,
                    expected,
                    "lane {lane} byte {byte}"
                );
            }
        }
    }

    proptest! {
        #[test]
        fn agrees_with_model(name in "[a-z0-9\\-_.A-Zé]{0,70}") {
            prop_assert_eq!(check_bucket_name(&name).is_ok(), model(&name));
        }

        #[test]
        fn agrees_with_model_on_any_string(name in any::<std::string::String>()) {
            prop_assert_eq!(check_bucket_name(&name).is_ok(), model(&name));
        }
    }
}
