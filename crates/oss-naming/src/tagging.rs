//! Object tagging: the `x-oss-tagging` header, `k1=v1&k2=v2` in URL query form.

use heapless::Vec;
use oss_errors::{Entry, Error};

use crate::byte_class::{self, TAG_PLAIN};
use crate::percent::{BadEncoding, CheckedChars, Encoded, Plus};

/// The most tags an object can carry.
pub const MAX_OBJECT_TAGS: usize = 10;
/// The longest object-tag key, in characters.
pub const MAX_TAG_KEY_LEN: usize = 128;
/// The longest object-tag value, in characters.
pub const MAX_TAG_VALUE_LEN: usize = 256;

/// How strictly tag characters are read.
///
/// OSS documents tag keys and values as "letters, digits, spaces and `+ - = . _ : /`", and
/// asks for anything else to be URL-encoded; the default reads "letters" and "digits" as
/// Unicode letters and digits, so Chinese tags pass. `ascii_only` narrows them to ASCII,
/// as the `ali-oss` SDK does.
///
/// ```
/// use oss_naming::{TaggingOptions, parse_tagging_with};
///
/// assert!(parse_tagging_with("k=%E4%B8%AD", TaggingOptions::DEFAULT).is_ok());
/// assert!(parse_tagging_with("k=%E4%B8%AD", TaggingOptions::DEFAULT.ascii_only(true)).is_err());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct TaggingOptions {
    /// Accept only ASCII letters and digits.
    pub ascii_only: bool,
}

impl TaggingOptions {
    /// Unicode letters and digits are accepted.
    pub const DEFAULT: Self = Self { ascii_only: false };

    /// Sets whether only ASCII letters and digits are accepted.
    ///
    /// ```
    /// assert!(oss_naming::TaggingOptions::DEFAULT.ascii_only(true).ascii_only);
    /// ```
    #[must_use]
    pub const fn ascii_only(mut self, ascii_only: bool) -> Self {
        self.ascii_only = ascii_only;
        self
    }

    fn allows(self, c: char) -> bool {
        let alphanumeric = if self.ascii_only {
            c.is_ascii_alphanumeric()
        } else {
            c.is_alphanumeric()
        };
        alphanumeric || matches!(c, ' ' | '+' | '-' | '=' | '.' | '_' | ':' | '/')
    }
}

/// One tag of an `x-oss-tagging` header, borrowed and still encoded.
///
/// ```
/// let tagging = oss_naming::parse_tagging("owner=ops%20team")?;
/// let tag = tagging.iter().next().expect("one tag");
/// assert!(tag.key().decoded_eq("owner"));
/// assert!(tag.value().decoded_eq("ops team"));
/// # Ok::<(), oss_errors::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tag<'a> {
    key: Encoded<'a>,
    value: Encoded<'a>,
}

impl<'a> Tag<'a> {
    /// The tag key.
    ///
    /// ```
    /// let tagging = oss_naming::parse_tagging("a=1")?;
    /// assert_eq!(tagging.iter().next().map(|t| t.key().raw()), Some("a"));
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    #[must_use]
    pub const fn key(&self) -> Encoded<'a> {
        self.key
    }

    /// The tag value (possibly empty).
    ///
    /// ```
    /// let tagging = oss_naming::parse_tagging("a")?;
    /// assert_eq!(tagging.iter().next().map(|t| t.value().raw()), Some(""));
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    #[must_use]
    pub const fn value(&self) -> Encoded<'a> {
        self.value
    }
}

/// A checked `x-oss-tagging` header: at most 10 tags with unique keys, held in a
/// fixed-capacity vector of borrowed pairs (no allocation).
///
/// ```
/// let tagging = oss_naming::parse_tagging("project=apollo&stage=prod")?;
/// assert_eq!(tagging.len(), 2);
/// assert!(tagging.get("stage").is_some_and(|v| v.decoded_eq("prod")));
/// # Ok::<(), oss_errors::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tagging<'a> {
    tags: Vec<Tag<'a>, MAX_OBJECT_TAGS>,
}

impl<'a> Tagging<'a> {
    /// The tags in header order.
    ///
    /// ```
    /// let tagging = oss_naming::parse_tagging("a=1&b=2")?;
    /// assert_eq!(tagging.as_slice().len(), 2);
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    #[must_use]
    pub fn as_slice(&self) -> &[Tag<'a>] {
        &self.tags
    }

    /// Iterates over the tags in header order.
    ///
    /// ```
    /// let tagging = oss_naming::parse_tagging("a=1&b=2")?;
    /// let keys: Vec<String> = tagging.iter().map(|t| t.key().to_string()).collect();
    /// assert_eq!(keys, ["a", "b"]);
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    pub fn iter(&self) -> core::slice::Iter<'_, Tag<'a>> {
        self.tags.iter()
    }

    /// The number of tags.
    ///
    /// ```
    /// assert_eq!(oss_naming::parse_tagging("")?.len(), 0);
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.tags.len()
    }

    /// Whether there are no tags.
    ///
    /// ```
    /// assert!(oss_naming::parse_tagging("")?.is_empty());
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.tags.is_empty()
    }

    /// The value of the tag whose decoded key is `key`.
    ///
    /// ```
    /// let tagging = oss_naming::parse_tagging("a%20b=1")?;
    /// assert!(tagging.get("a b").is_some());
    /// assert!(tagging.get("a%20b").is_none());
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    #[must_use]
    pub fn get(&self, key: &str) -> Option<Encoded<'a>> {
        self.tags
            .iter()
            .find(|tag| tag.key.decoded_eq(key))
            .map(|tag| tag.value)
    }
}

impl<'t, 'a> IntoIterator for &'t Tagging<'a> {
    type Item = &'t Tag<'a>;
    type IntoIter = core::slice::Iter<'t, Tag<'a>>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// Parses and checks an `x-oss-tagging` header value.
///
/// The value is `key=value` pairs joined by `&`, percent-encoded UTF-8 (`+` reads as a
/// space, so a literal `+` is sent as `%2B`); a pair without `=` has an empty value and
/// empty pairs (`a=1&&b=2`) are skipped. At most 10 tags, unique keys, keys of 1 to 128
/// and values of 0 to 256 characters from letters, digits, space and `+ - = . _ : /`.
///
/// ```
/// use oss_errors::{Code, Entry};
/// use oss_naming::parse_tagging;
///
/// let tagging = parse_tagging("TagA=A&TagB=B%2FC")?;
/// assert!(tagging.get("TagB").is_some_and(|v| v.decoded_eq("B/C")));
///
/// assert_eq!(parse_tagging("a=1&a=2").unwrap_err().entry(), Entry::TaggingHeaderInvalid);
/// assert_eq!(parse_tagging("a%21=1").unwrap_err().code(), Code::InvalidTaggingKey);
/// # Ok::<(), oss_errors::Error>(())
/// ```
///
/// # Errors
/// - `InvalidArgument` "The header 'x-oss-tagging' shall be encoded as UTF-8 then
///   URLEncoded URL query parameters without tag name duplicates": a broken escape, a raw
///   byte that must be encoded, bytes that are not UTF-8 once decoded, a duplicate key, more
///   than 10 tags, or a bad value (OSS documents no separate message for the last two).
/// - `InvalidTaggingKey` "The tagging key you provided is invalid": an empty key, a key
///   over 128 characters, or a key with a character outside the alphabet.
pub fn parse_tagging(header: &str) -> Result<Tagging<'_>, Error> {
    parse_tagging_with(header, TaggingOptions::DEFAULT)
}

/// [`parse_tagging`] with [`TaggingOptions`].
///
/// ```
/// use oss_naming::{TaggingOptions, parse_tagging_with};
/// assert!(parse_tagging_with("k=v", TaggingOptions::DEFAULT.ascii_only(true)).is_ok());
/// ```
///
/// # Errors
/// As [`parse_tagging`].
pub fn parse_tagging_with(header: &str, options: TaggingOptions) -> Result<Tagging<'_>, Error> {
    let mut tagging = Tagging::default();
    // Keys that are their own decoding compare as raw text, without decoding.
    let mut literal_keys = [false; MAX_OBJECT_TAGS];
    for pair in header.split('&').filter(|pair| !pair.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = check_component(key, MAX_TAG_KEY_LEN, options)
            .map_err(|fault| fault.into_error(Entry::TaggingKeyInvalid))?;
        if key.chars == 0 {
            return Err(Error::new(Entry::TaggingKeyInvalid));
        }
        let value = check_component(value, MAX_TAG_VALUE_LEN, options)
            .map_err(|fault| fault.into_error(Entry::TaggingHeaderInvalid))?;
        let duplicate = tagging
            .tags
            .iter()
            .zip(literal_keys)
            .any(|(seen, seen_literal)| {
                if seen_literal && key.literal {
                    seen.key.raw() == key.text.raw()
                } else {
                    seen.key == key.text
                }
            });
        if duplicate {
            return Err(Error::new(Entry::TaggingHeaderInvalid));
        }
        if let Some(slot) = literal_keys.get_mut(tagging.len()) {
            *slot = key.literal;
        }
        let tag = Tag {
            key: key.text,
            value: value.text,
        };
        tagging
            .tags
            .push(tag)
            .map_err(|_| Error::new(Entry::TaggingHeaderInvalid))?;
    }
    Ok(tagging)
}

/// What is wrong with a key or value.
enum Fault {
    /// Not well-formed percent-encoded UTF-8: always the header message.
    Encoding,
    /// Too long or a character outside the alphabet: the component's own message.
    Content,
}

impl Fault {
    fn into_error(self, content: Entry) -> Error {
        Error::new(match self {
            Self::Encoding => Entry::TaggingHeaderInvalid,
            Self::Content => content,
        })
    }
}

impl From<BadEncoding> for Fault {
    fn from(BadEncoding: BadEncoding) -> Self {
        Self::Encoding
    }
}

/// A key or value that passed [`check_component`].
struct Checked<'a> {
    /// Its length in characters, decoded.
    chars: usize,
    /// The text, still encoded.
    text: Encoded<'a>,
    /// Whether the raw text is its own decoding.
    literal: bool,
}

/// Decodes `raw` once, checking encoding, alphabet and length.
fn check_component(
    raw: &str,
    max_len: usize,
    options: TaggingOptions,
) -> Result<Checked<'_>, Fault> {
    let text = Encoded::new_checked(raw, Plus::Space);
    // Fast path: nothing to decode and every byte allowed as it is.
    if raw.bytes().all(|b| byte_class::is(b, TAG_PLAIN)) {
        let literal = !raw.contains('+');
        return if raw.len() <= max_len {
            Ok(Checked {
                chars: raw.len(),
                text,
                literal,
            })
        } else {
            Err(Fault::Content)
        };
    }
    let mut chars = 0;
    let mut content_ok = true;
    for c in CheckedChars::new(raw.as_bytes(), Plus::Space) {
        let c = c?;
        chars += 1;
        content_ok &= chars <= max_len && options.allows(c);
    }
    // Encoding errors anywhere win over content errors, so keep reading to the end.
    if content_ok {
        Ok(Checked {
            chars,
            text,
            literal: false,
        })
    } else {
        Err(Fault::Content)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::string::String;
    use std::vec::Vec as StdVec;

    fn entry(header: &str) -> Option<Entry> {
        parse_tagging(header).err().map(Error::entry)
    }

    #[test]
    fn seed_rules() {
        assert_eq!(entry("a=1&b=&c"), None);
        assert_eq!(entry("a=1&a=2"), Some(Entry::TaggingHeaderInvalid));
        assert_eq!(
            entry("a=1&a+=2"),
            None,
            "`a+` decodes to `a `, a different key"
        );
        assert_eq!(entry("a%20=1&a+=2"), Some(Entry::TaggingHeaderInvalid));
        assert_eq!(entry("=1"), Some(Entry::TaggingKeyInvalid));
        assert_eq!(entry("a*=1"), Some(Entry::TaggingKeyInvalid));
        assert_eq!(entry("a=1*"), Some(Entry::TaggingHeaderInvalid));
        assert_eq!(entry("a=%zz"), Some(Entry::TaggingHeaderInvalid));
        assert_eq!(entry("a%zz=1"), Some(Entry::TaggingHeaderInvalid));
        assert_eq!(
            entry("a b=1"),
            Some(Entry::TaggingHeaderInvalid),
            "raw space must be encoded"
        );
        assert_eq!(entry("k=%FF"), Some(Entry::TaggingHeaderInvalid));
        assert_eq!(entry("k%2B-%3D._%3A%2F=v%2B-%3D._%3A%2F"), None);
        assert_eq!(entry("a=b=c"), None, "the value may contain `=`");
    }

    #[test]
    fn counts_and_lengths() {
        let ten: StdVec<String> = (0..10).map(|i| std::format!("k{i}=v")).collect();
        assert_eq!(entry(&ten.join("&")), None);
        assert_eq!(
            entry(&std::format!("{}&k10=v", ten.join("&"))),
            Some(Entry::TaggingHeaderInvalid)
        );
        assert_eq!(entry(&std::format!("{}=v", "k".repeat(128))), None);
        assert_eq!(
            entry(&std::format!("{}=v", "k".repeat(129))),
            Some(Entry::TaggingKeyInvalid)
        );
        assert_eq!(entry(&std::format!("k={}", "%E4%B8%AD".repeat(256))), None);
        assert_eq!(
            entry(&std::format!("k={}", "v".repeat(257))),
            Some(Entry::TaggingHeaderInvalid)
        );
    }

    /// The reference model: tags given as decoded text, checked with plain loops.
    fn model(tags: &[(String, String)]) -> Option<Entry> {
        let allowed = |c: char| c.is_alphanumeric() || " +-=._:/".contains(c);
        for (i, (key, value)) in tags.iter().enumerate() {
            if key.is_empty() || key.chars().count() > 128 || !key.chars().all(allowed) {
                return Some(Entry::TaggingKeyInvalid);
            }
            if value.chars().count() > 256 || !value.chars().all(allowed) {
                return Some(Entry::TaggingHeaderInvalid);
            }
            if tags[..i].iter().any(|(seen, _)| seen == key) || i >= 10 {
                return Some(Entry::TaggingHeaderInvalid);
            }
        }
        None
    }

    fn encode(text: &str) -> String {
        let mut out = String::new();
        for byte in text.bytes() {
            if byte.is_ascii_alphanumeric() {
                out.push(char::from(byte));
            } else if byte == b' ' {
                out.push('+');
            } else {
                out.push_str(&std::format!("%{byte:02X}"));
            }
        }
        out
    }

    proptest! {
        #[test]
        fn agrees_with_model(tags in proptest::collection::vec(("[a-c +*/中]{0,3}", "[a-c +*/]{0,3}"), 0..13)) {
            let header: StdVec<String> = tags.iter().map(|(k, v)| std::format!("{}={}", encode(k), encode(v))).collect();
            let header = header.join("&");
            let got = parse_tagging(&header);
            prop_assert_eq!(got.as_ref().err().map(|e| e.entry()), model(&tags));
            if let Ok(tagging) = got {
                for ((key, value), tag) in tags.iter().zip(tagging.iter()) {
                    prop_assert!(tag.key().decoded_eq(key));
                    prop_assert!(tag.value().decoded_eq(value));
                }
            }
        }

        #[test]
        fn never_panics(header in any::<String>()) {
            let _ = parse_tagging(&header);
        }
    }
}
