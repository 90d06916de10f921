//! Bucket tags (PutBucketTags): at most 20, unique keys, key and value length rules.

use oss_errors::{Entry, Error};

/// The most tags a bucket can carry.
pub const MAX_BUCKET_TAGS: usize = 20;
/// The longest bucket-tag key, in characters.
pub const MAX_BUCKET_TAG_KEY_LEN: usize = 64;
/// The longest bucket-tag value, in characters.
pub const MAX_BUCKET_TAG_VALUE_LEN: usize = 128;
/// Prefixes a bucket-tag key must not start with (case-sensitive, as documented).
pub const RESERVED_BUCKET_TAG_KEY_PREFIXES: [&str; 3] = ["http://", "https://", "Aliyun."];

/// Checks one bucket tag: the key is 1 to 64 characters and does not start with
/// `http://`, `https://` or `Aliyun.`; the value is at most 128 characters.
///
/// ```
/// use oss_errors::Entry;
/// use oss_naming::check_bucket_tag;
///
/// assert!(check_bucket_tag("owner", "").is_ok());
/// assert_eq!(check_bucket_tag("Aliyun.x", "1").unwrap_err().entry(), Entry::TagKeyOrValueInvalid);
/// assert_eq!(check_bucket_tag("k", &"v".repeat(129)).unwrap_err().entry(), Entry::TagKeyOrValueInvalid);
/// ```
///
/// # Errors
/// `InvalidTag` "The TagKey you have provided is invalid, or The TagValue you have
/// provided is invalid" (one seed message for a bad key or a bad value).
pub fn check_bucket_tag(key: &str, value: &str) -> Result<(), Error> {
    let key_len = key.chars().count();
    if key_len == 0
        || key_len > MAX_BUCKET_TAG_KEY_LEN
        || RESERVED_BUCKET_TAG_KEY_PREFIXES
            .iter()
            .any(|prefix| key.starts_with(prefix))
    {
        return Err(Error::new(Entry::TagKeyOrValueInvalid));
    }
    if value.chars().count() > MAX_BUCKET_TAG_VALUE_LEN {
        return Err(Error::new(Entry::TagKeyOrValueInvalid));
    }
    Ok(())
}

/// Checks a whole bucket tag set: at most 20 tags, each valid, with unique keys.
///
/// ```
/// use oss_errors::Entry;
/// use oss_naming::check_bucket_tags;
///
/// assert!(check_bucket_tags(&[("a", "1"), ("b", "2")]).is_ok());
/// assert_eq!(check_bucket_tags(&[("a", "1"), ("a", "2")]).unwrap_err().entry(), Entry::TagKeysRepeated);
/// ```
///
/// # Errors
/// `TooManyTags` for more than 20 tags, then the first error of [`check_bucket_tag`], or
/// `RepeatedTags` "Tag keys must be unique".
pub fn check_bucket_tags(tags: &[(&str, &str)]) -> Result<(), Error> {
    if tags.len() > MAX_BUCKET_TAGS {
        return Err(Error::new(Entry::BucketTagLimit));
    }
    for (i, (key, value)) in tags.iter().enumerate() {
        check_bucket_tag(key, value)?;
        if tags[..i].iter().any(|(seen, _)| seen == key) {
            return Err(Error::new(Entry::TagKeysRepeated));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_rules() {
        assert_eq!(
            check_bucket_tag("", "v").unwrap_err().entry(),
            Entry::TagKeyOrValueInvalid
        );
        assert!(check_bucket_tag(&"中".repeat(64), &"中".repeat(128)).is_ok());
        assert!(check_bucket_tag(&"k".repeat(65), "").is_err());
        for key in ["http://a", "https://a", "Aliyun.a"] {
            assert!(check_bucket_tag(key, "").is_err(), "{key}");
        }
        assert!(check_bucket_tag("aliyun.a", "").is_ok());
        assert!(check_bucket_tag("Aliyun", "").is_ok());
    }

    #[test]
    fn set_rules() {
        let keys: std::vec::Vec<std::string::String> =
            (0..21).map(|i| std::format!("k{i}")).collect();
        let tags: std::vec::Vec<(&str, &str)> = keys.iter().map(|k| (k.as_str(), "v")).collect();
        assert!(check_bucket_tags(&tags[..20]).is_ok());
        assert_eq!(
            check_bucket_tags(&tags).unwrap_err().entry(),
            Entry::BucketTagLimit
        );
        assert_eq!(check_bucket_tags(&[]), Ok(()));
    }
}
