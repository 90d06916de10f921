//! LiveChannel names and their HLS playlist names.

use oss_errors::{Entry, Error};

/// The longest LiveChannel name OSS accepts, in characters.
pub const MAX_CHANNEL_NAME_LEN: usize = 64;
/// The shortest playlist name OSS accepts, in characters (`a.m3u8`).
pub const MIN_PLAYLIST_NAME_LEN: usize = 6;
/// The longest playlist name OSS accepts, in characters.
pub const MAX_PLAYLIST_NAME_LEN: usize = 128;
/// The suffix every playlist name ends with.
pub const PLAYLIST_SUFFIX: &str = ".m3u8";

/// Checks a LiveChannel name: 1 to 64 characters of UTF-8 with no `/` or `\`.
///
/// ```
/// use oss_errors::Entry;
/// use oss_naming::check_channel_name;
///
/// assert!(check_channel_name("live-直播").is_ok());
/// assert_eq!(check_channel_name("a/b").unwrap_err().entry(), Entry::ChannelNameHasSlash);
/// assert_eq!(check_channel_name("").unwrap_err().entry(), Entry::ChannelNameEmpty);
/// ```
///
/// # Errors
/// `InvalidChannelName`: "ChannelName must not be empty", "ChannelName must not contain a
/// slash" or "The Length of channel name must be less than 64".
pub const fn check_channel_name(name: &str) -> Result<(), Error> {
    match check_channel_bytes(name.as_bytes()) {
        Some(entry) => Err(Error::new(entry)),
        None => Ok(()),
    }
}

/// [`check_channel_name`] on raw bytes, returning the name as `&str`.
///
/// ```
/// use oss_errors::Entry;
/// use oss_naming::check_channel_name_bytes;
///
/// assert_eq!(check_channel_name_bytes(b"cam1"), Ok("cam1"));
/// assert_eq!(check_channel_name_bytes(b"cam\xff").unwrap_err().entry(), Entry::ChannelNameNotUtf8);
/// ```
///
/// # Errors
/// As [`check_channel_name`], plus "The characters encoding must be utf-8".
pub const fn check_channel_name_bytes(name: &[u8]) -> Result<&str, Error> {
    let Ok(text) = core::str::from_utf8(name) else {
        return Err(Error::new(if name.is_empty() {
            Entry::ChannelNameEmpty
        } else {
            Entry::ChannelNameNotUtf8
        }));
    };
    match check_channel_bytes(name) {
        Some(entry) => Err(Error::new(entry)),
        None => Ok(text),
    }
}

/// The rules on UTF-8 bytes, in the order OSS documents them.
const fn check_channel_bytes(name: &[u8]) -> Option<Entry> {
    if name.is_empty() {
        return Some(Entry::ChannelNameEmpty);
    }
    let mut i = 0;
    while i < name.len() {
        if name[i] == b'/' || name[i] == b'\\' {
            return Some(Entry::ChannelNameHasSlash);
        }
        i += 1;
    }
    if char_count(name) > MAX_CHANNEL_NAME_LEN {
        return Some(Entry::ChannelNameTooLong);
    }
    None
}

/// Checks an HLS playlist name: 6 to 128 characters ending with `.m3u8`.
///
/// ```
/// use oss_naming::check_playlist_name;
///
/// assert!(check_playlist_name("playlist.m3u8").is_ok());
/// let err = check_playlist_name("playlist.m3u").unwrap_err();
/// assert_eq!(err.entry(), oss_errors::Entry::PlaylistNameInvalid);
/// ```
///
/// # Errors
/// `InvalidRequest` "Playlist name must ends with ".m3u8"" for a wrong suffix and, as OSS
/// has no other message for it, for a length outside 6 to 128 characters.
pub const fn check_playlist_name(name: &str) -> Result<(), Error> {
    let bytes = name.as_bytes();
    let suffix = PLAYLIST_SUFFIX.as_bytes();
    let count = char_count(bytes);
    if count < MIN_PLAYLIST_NAME_LEN || count > MAX_PLAYLIST_NAME_LEN || !ends_with(bytes, suffix) {
        return Err(Error::new(Entry::PlaylistNameInvalid));
    }
    Ok(())
}

const fn ends_with(text: &[u8], suffix: &[u8]) -> bool {
    if text.len() < suffix.len() {
        return false;
    }
    let start = text.len() - suffix.len();
    let mut i = 0;
    while i < suffix.len() {
        if text[start + i] != suffix[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The number of characters in UTF-8 `text`: the bytes that are not continuation bytes.
pub(crate) const fn char_count(text: &[u8]) -> usize {
    let mut count = 0;
    let mut i = 0;
    while i < text.len() {
        if text[i] & 0xc0 != 0x80 {
            count += 1;
        }
        i += 1;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::string::ToString;

    #[test]
    fn channel_length_counts_characters() {
        assert!(check_channel_name(&"中".repeat(64)).is_ok());
        let err = check_channel_name(&"a".repeat(65)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "The Length of channel name must be less than 64"
        );
        assert_eq!(
            check_channel_name("a\\b").unwrap_err().entry(),
            Entry::ChannelNameHasSlash
        );
        assert_eq!(
            check_channel_name_bytes(b"").unwrap_err().entry(),
            Entry::ChannelNameEmpty
        );
    }

    #[test]
    fn playlist_bounds() {
        assert!(check_playlist_name("a.m3u8").is_ok());
        assert!(check_playlist_name(".m3u8").is_err());
        assert!(check_playlist_name(&std::format!("{}.m3u8", "a".repeat(123))).is_ok());
        assert!(check_playlist_name(&std::format!("{}.m3u8", "a".repeat(124))).is_err());
        assert!(check_playlist_name("a.M3U8").is_err());
    }

    #[test]
    fn char_count_matches_std() {
        for text in ["", "abc", "中文", "a😀b", "é"] {
            assert_eq!(char_count(text.as_bytes()), text.chars().count());
        }
    }
}
