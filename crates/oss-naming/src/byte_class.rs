//! Byte-class tables built at compile time: one lookup per byte instead of range tests.
//! (Bucket names are checked eight bytes at a time instead; see `bucket.rs`.)

/// `0-9`, `a-z`, `A-Z`, `.`, `_` and `=`: what an AccessKeyId may contain.
pub(crate) const ACCESS_KEY: u8 = 1 << 0;
/// RFC 7230 `tchar`: what an HTTP header name (a token) may contain.
pub(crate) const TOKEN: u8 = 1 << 1;
/// Visible ASCII (`!` to `~`): what may appear unencoded in a query component.
pub(crate) const VISIBLE: u8 = 1 << 2;
/// Bytes that stand for an allowed tag character without any decoding: ASCII letters and
/// digits and `+ - = . _ : /` (`+` being a space).
pub(crate) const TAG_PLAIN: u8 = 1 << 3;

const fn class_of(byte: u8) -> u8 {
    let mut class = 0;
    let alnum = byte.is_ascii_alphanumeric();
    if alnum || matches!(byte, b'.' | b'_' | b'=') {
        class |= ACCESS_KEY;
    }
    if alnum
        || matches!(
            byte,
            b'!' | b'#'
                | b'$'
                | b'%'
                | b'&'
                | b'\''
                | b'*'
                | b'+'
                | b'-'
                | b'.'
                | b'^'
                | b'_'
                | b'`'
                | b'|'
                | b'~'
        )
    {
        class |= TOKEN;
    }
    if alnum || matches!(byte, b'+' | b'-' | b'=' | b'.' | b'_' | b':' | b'/') {
        class |= TAG_PLAIN;
    }
    if byte.is_ascii_graphic() {
        class |= VISIBLE;
    }
    class
}

const fn build() -> [u8; 256] {
    let mut table = [0; 256];
    let mut i = 0;
    while i < 256 {
        // `i` < 256, so the cast is exact.
        #[allow(clippy::cast_possible_truncation)]
        let byte = i as u8;
        table[i] = class_of(byte);
        i += 1;
    }
    table
}

const TABLE: [u8; 256] = build();

/// Whether `byte` belongs to `class` (one of the constants above).
#[inline(always)]
pub(crate) const fn is(byte: u8, class: u8) -> bool {
    TABLE[byte as usize] & class != 0
}

/// Whether `byte` is an RFC 7230 `tchar`, a byte an HTTP header name (a token) may contain:
/// an ASCII letter or digit, or one of ``!#$%&'*+-.^_`|~``.
///
/// ```
/// use oss_naming::is_token_byte;
///
/// assert!(b"x-oss-meta-a".iter().all(|&b| is_token_byte(b)));
/// assert!(!is_token_byte(b':') && !is_token_byte(b' '));
/// ```
#[must_use]
#[inline]
pub const fn is_token_byte(byte: u8) -> bool {
    is(byte, TOKEN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_match_their_definitions() {
        for byte in 0..=255u8 {
            assert_eq!(
                is(byte, ACCESS_KEY),
                byte.is_ascii_alphanumeric() || b"._=".contains(&byte),
                "{byte}"
            );
            assert_eq!(
                is(byte, TOKEN),
                byte.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&byte),
                "{byte}"
            );
            assert_eq!(is(byte, VISIBLE), (0x21..=0x7e).contains(&byte), "{byte}");
            assert_eq!(
                is(byte, TAG_PLAIN),
                byte.is_ascii_alphanumeric() || b"+-=._:/".contains(&byte),
                "{byte}"
            );
        }
    }
}
