//! `x-oss-copy-source`: `/sourcebucket/sourcekey[?versionId=...]`, the key URL-encoded.

use oss_errors::{Entry, Error};

use crate::bucket::check_bucket_name;
use crate::object::MAX_OBJECT_NAME_LEN;
use crate::percent::{CheckedChars, Encoded, Plus};

/// A checked `x-oss-copy-source` value, borrowed from the header.
///
/// ```
/// let source = oss_naming::parse_copy_source("/examplebucket/dir/my%20file.txt?versionId=CAEQ")?;
/// assert_eq!(source.bucket(), "examplebucket");
/// assert!(source.key().decoded_eq("dir/my file.txt"));
/// assert!(source.version_id().is_some_and(|v| v.decoded_eq("CAEQ")));
/// # Ok::<(), oss_errors::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CopySource<'a> {
    bucket: &'a str,
    key: Encoded<'a>,
    version_id: Option<Encoded<'a>>,
}

impl<'a> CopySource<'a> {
    /// The source bucket.
    ///
    /// ```
    /// let source = oss_naming::parse_copy_source("/b-1/k")?;
    /// assert_eq!(source.bucket(), "b-1");
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    #[must_use]
    pub const fn bucket(&self) -> &'a str {
        self.bucket
    }

    /// The source key, still URL-encoded (`+` is a literal plus in a path).
    ///
    /// ```
    /// let source = oss_naming::parse_copy_source("/b-1/a+b%2Bc")?;
    /// assert!(source.key().decoded_eq("a+b+c"));
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    #[must_use]
    pub const fn key(&self) -> Encoded<'a> {
        self.key
    }

    /// The source version, when `?versionId=` is given.
    ///
    /// ```
    /// assert!(oss_naming::parse_copy_source("/b-1/k")?.version_id().is_none());
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    #[must_use]
    pub const fn version_id(&self) -> Option<Encoded<'a>> {
        self.version_id
    }
}

/// Parses and checks an `x-oss-copy-source` header: `/`, a valid bucket name, `/`, a
/// URL-encoded key that is a valid object name once decoded, and optionally
/// `?versionId=<id>`.
///
/// ```
/// use oss_errors::Entry;
/// use oss_naming::parse_copy_source;
///
/// assert!(parse_copy_source("/examplebucket/exampleobject").is_ok());
/// for bad in ["examplebucket/exampleobject", "/examplebucket", "/examplebucket/", "/Bad_Bucket/k"] {
///     assert_eq!(parse_copy_source(bad).unwrap_err().entry(), Entry::CopySourceInvalid);
/// }
/// assert_eq!(parse_copy_source("/b-1/k?versionId=").unwrap_err().entry(), Entry::VersionIdEmpty);
/// ```
///
/// # Errors
/// `InvalidArgument` "Copy Source must mention the source bucket and key:
/// /sourcebucket/sourcekey" when the shape, bucket, key or encoding is wrong; the errors
/// of [`check_version_id`](crate::check_version_id) for the version id.
pub fn parse_copy_source(value: &str) -> Result<CopySource<'_>, Error> {
    let invalid = Error::new(Entry::CopySourceInvalid);
    let (path, query) = match value.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (value, None),
    };
    let (bucket, key) = path
        .strip_prefix('/')
        .and_then(|rest| rest.split_once('/'))
        .ok_or(invalid)?;
    check_bucket_name(bucket).map_err(|_| invalid)?;
    check_encoded_key(key).ok_or(invalid)?;
    let version_id = match query {
        None => None,
        Some(query) => {
            let raw = query.strip_prefix("versionId=").ok_or(invalid)?;
            Some(check_encoded_version_id(raw)?)
        }
    };
    Ok(CopySource {
        bucket,
        key: Encoded::new_checked(key, Plus::Literal),
        version_id,
    })
}

/// Whether the decoded key is a valid object name.
fn check_encoded_key(raw: &str) -> Option<()> {
    let mut len = 0;
    for c in CheckedChars::new(raw.as_bytes(), Plus::Literal) {
        let c = c.ok()?;
        if len == 0 && matches!(c, '/' | '\\') {
            return None;
        }
        len += c.len_utf8();
    }
    (1..=MAX_OBJECT_NAME_LEN).contains(&len).then_some(())
}

fn check_encoded_version_id(raw: &str) -> Result<Encoded<'_>, Error> {
    if raw.is_empty() {
        return Err(Error::new(Entry::VersionIdEmpty));
    }
    for c in CheckedChars::new(raw.as_bytes(), Plus::Space) {
        match c {
            Ok(c) if c.is_ascii_graphic() => {}
            Ok(_) => return Err(Error::new(Entry::VersionIdInvalid)),
            Err(_) => return Err(Error::new(Entry::CopySourceInvalid)),
        }
    }
    Ok(Encoded::new_checked(raw, Plus::Space))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(value: &str) -> Option<Entry> {
        parse_copy_source(value).err().map(Error::entry)
    }

    #[test]
    fn shapes() {
        assert_eq!(entry("/b-1/a/b/c"), None);
        assert_eq!(entry("/b-1/%E4%B8%AD"), None);
        assert_eq!(
            entry("/b-1/%2Fa"),
            Some(Entry::CopySourceInvalid),
            "decoded key starts with /"
        );
        assert_eq!(entry("/b-1//a"), Some(Entry::CopySourceInvalid));
        assert_eq!(entry("/b-1/%FF"), Some(Entry::CopySourceInvalid));
        assert_eq!(entry("/b-1/a%2"), Some(Entry::CopySourceInvalid));
        assert_eq!(entry("/b-1/k?uploadId=1"), Some(Entry::CopySourceInvalid));
        assert_eq!(
            entry("/b-1/k?versionId=a%20b"),
            Some(Entry::VersionIdInvalid)
        );
        assert_eq!(
            entry("/b-1/k?versionId=a%2"),
            Some(Entry::CopySourceInvalid)
        );
        assert_eq!(entry(""), Some(Entry::CopySourceInvalid));
        let long = std::format!("/b-1/{}", "a".repeat(1023));
        assert_eq!(entry(&long), None);
        assert_eq!(
            entry(&std::format!("{long}a")),
            Some(Entry::CopySourceInvalid)
        );
        assert_eq!(
            entry(&std::format!("/b-1/{}", "%61".repeat(1023))),
            None,
            "length is counted decoded"
        );
    }

    #[test]
    fn key_decodes_lazily() {
        let source = parse_copy_source("/b-1/dir%2Fa%20b").expect("valid");
        assert_eq!(source.key().raw(), "dir%2Fa%20b");
        assert_eq!(std::format!("{}", source.key()), "dir/a b");
    }
}
