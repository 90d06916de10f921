//! The `x-oss-err` response header: the error document, base64-encoded, sent when the
//! response has no body (HEAD requests, for example).

use base64::Engine as _;
use base64::alphabet::STANDARD;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};

use super::{XmlError, XmlErrorKind};

/// Standard base64, with or without padding.
const ENGINE: GeneralPurpose = GeneralPurpose::new(
    &STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

fn decoding_error(err: base64::DecodeSliceError) -> XmlError {
    match err {
        base64::DecodeSliceError::OutputSliceTooSmall => {
            XmlError::new(XmlErrorKind::BufferTooSmall, 0)
        }
        base64::DecodeSliceError::DecodeError(err) => {
            let offset = match err {
                base64::DecodeError::InvalidByte(at, _)
                | base64::DecodeError::InvalidLastSymbol(at, _) => at,
                base64::DecodeError::InvalidLength(_) | base64::DecodeError::InvalidPadding => 0,
            };
            XmlError::new(XmlErrorKind::NotBase64, offset)
        }
    }
}

/// Decodes an `x-oss-err` header value into `buf` and returns the XML text, ready for
/// [`ErrorXml::parse`](super::ErrorXml::parse). Nothing is allocated; a buffer of
/// `value.len() * 3 / 4 + 3` bytes is always enough.
///
/// ```
/// use oss_errors::xml::{ErrorXml, decode_err_header_into};
/// let header = "PEVycm9yPjxDb2RlPk5vU3VjaEtleTwvQ29kZT48L0Vycm9yPg==";
/// let mut buf = [0u8; 64];
/// let xml = decode_err_header_into(header, &mut buf)?;
/// assert_eq!(ErrorXml::parse(xml)?.code().raw(), "NoSuchKey");
/// # Ok::<(), oss_errors::xml::XmlError>(())
/// ```
///
/// # Errors
/// [`XmlErrorKind::NotBase64`], [`XmlErrorKind::NotUtf8`], or
/// [`XmlErrorKind::BufferTooSmall`].
pub fn decode_err_header_into<'b>(value: &str, buf: &'b mut [u8]) -> Result<&'b str, XmlError> {
    let len = ENGINE
        .decode_slice(value.trim_ascii(), buf)
        .map_err(decoding_error)?;
    core::str::from_utf8(&buf[..len])
        .map_err(|err| XmlError::new(XmlErrorKind::NotUtf8, err.valid_up_to()))
}

/// Decodes an `x-oss-err` header value into an owned XML string.
///
/// ```
/// use oss_errors::xml::{ErrorXml, decode_err_header};
/// let xml = decode_err_header("PEVycm9yPjxDb2RlPk5vU3VjaEtleTwvQ29kZT48L0Vycm9yPg")?;
/// assert_eq!(ErrorXml::parse(&xml)?.code().raw(), "NoSuchKey");
/// # Ok::<(), oss_errors::xml::XmlError>(())
/// ```
///
/// # Errors
/// [`XmlErrorKind::NotBase64`] or [`XmlErrorKind::NotUtf8`].
#[cfg(feature = "alloc")]
pub fn decode_err_header(value: &str) -> Result<alloc::string::String, XmlError> {
    let bytes = ENGINE
        .decode(value.trim_ascii())
        .map_err(|err| decoding_error(err.into()))?;
    alloc::string::String::from_utf8(bytes)
        .map_err(|err| XmlError::new(XmlErrorKind::NotUtf8, err.utf8_error().valid_up_to()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejections() {
        let mut buf = [0u8; 16];
        assert_eq!(
            decode_err_header_into("!!!!", &mut buf).unwrap_err().kind(),
            XmlErrorKind::NotBase64
        );
        assert_eq!(
            decode_err_header_into("/w==", &mut buf).unwrap_err().kind(),
            XmlErrorKind::NotUtf8
        );
        let mut tiny = [0u8; 1];
        assert_eq!(
            decode_err_header_into("QUJD", &mut tiny)
                .unwrap_err()
                .kind(),
            XmlErrorKind::BufferTooSmall
        );
    }

    #[cfg(feature = "alloc")]
    #[test]
    fn owned_decoding() {
        assert_eq!(decode_err_header(" QUJD ").unwrap(), "ABC");
        assert_eq!(decode_err_header("QQ").unwrap(), "A");
        assert_eq!(
            decode_err_header("Q").unwrap_err().kind(),
            XmlErrorKind::NotBase64
        );
    }
}
