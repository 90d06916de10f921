//! CompleteMultipartUpload: the request body's part list, and the object it builds.

mod reader;

use oss_errors::{Entry, Error};
use oss_text::xml::decode_reference;

use crate::limits::{MAX_MULTIPART_OBJECT_SIZE, MAX_PART_NUMBER, MIN_PART_NUMBER};
use crate::part::check_part_size;
use reader::{PartsReader, malformed};

/// One `<Part>` of a CompleteMultipartUpload body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CompletedPart<'a> {
    number: u32,
    etag: &'a str,
}

impl<'a> CompletedPart<'a> {
    /// The `<PartNumber>`.
    #[must_use]
    pub const fn number(&self) -> u32 {
        self.number
    }

    /// The `<ETag>` text as sent (trimmed; XML entities not expanded).
    #[must_use]
    pub const fn etag(&self) -> &'a [u8] {
        self.etag.as_bytes()
    }

    /// The ETag without its surrounding quotes, as OSS returned it in UploadPart's `ETag`
    /// header minus the quotes. A quote may be written in any XML spelling (`"`,
    /// `&quot;`, `&#34;`, `&#x22;` ...); the rest stays as sent.
    ///
    /// ```
    /// use oss_multipart::CompleteMultipartUpload;
    /// let xml = br#"<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>&quot;AB&quot;</ETag></Part></CompleteMultipartUpload>"#;
    /// let upload = CompleteMultipartUpload::parse(xml)?;
    /// assert_eq!(upload.parts().next().unwrap().etag_value(), b"AB");
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    #[must_use]
    pub fn etag_value(&self) -> &'a [u8] {
        let etag = self.etag;
        match (leading_quote(etag), trailing_quote(etag)) {
            (Some(open), Some(close)) if open + close <= etag.len() => {
                &etag.as_bytes()[open..etag.len() - close]
            }
            _ => etag.as_bytes(),
        }
    }
}

/// The length of the quote (`"` or a reference to it) that starts `text`.
fn leading_quote(text: &str) -> Option<usize> {
    if text.starts_with('"') {
        return Some(1);
    }
    match decode_reference(text)? {
        ('"', len) => Some(len),
        _ => None,
    }
}

/// The length of the quote (`"` or a reference to it) that ends `text`.
fn trailing_quote(text: &str) -> Option<usize> {
    if text.ends_with('"') {
        return Some(1);
    }
    let amp = text.rfind('&')?;
    match decode_reference(&text[amp..])? {
        ('"', len) if amp + len == text.len() => Some(len),
        _ => None,
    }
}

/// A part as the server stored it, for [`CompleteMultipartUpload::complete`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct StoredPart<'a> {
    /// The part's ETag, without quotes.
    pub etag: &'a [u8],
    /// The part's size in bytes.
    pub size: u64,
    /// The part's CRC-64 (`x-oss-hash-crc64ecma`).
    pub crc64: u64,
}

impl<'a> StoredPart<'a> {
    /// A stored part.
    ///
    /// ```
    /// use oss_multipart::StoredPart;
    /// let part = StoredPart::new(b"AB", 10, 0);
    /// assert_eq!(part.size, 10);
    /// ```
    #[must_use]
    pub const fn new(etag: &'a [u8], size: u64, crc64: u64) -> Self {
        Self { etag, size, crc64 }
    }
}

/// What a completed upload builds: the object's size and CRC-64.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct CompletedObject {
    /// The object's size in bytes.
    pub size: u64,
    /// The object's CRC-64, combined from the parts' (`x-oss-hash-crc64ecma`).
    pub crc64: u64,
    /// How many parts.
    pub parts: u32,
}

/// A checked CompleteMultipartUpload request body, borrowed.
///
/// ```xml
/// <CompleteMultipartUpload>
///   <Part><PartNumber>1</PartNumber><ETag>"3349DC700140D7F86A0784842780****"</ETag></Part>
///   <Part><PartNumber>5</PartNumber><ETag>"8EFDA8BE206636A695359836FE0A****"</ETag></Part>
/// </CompleteMultipartUpload>
/// ```
///
/// ```
/// use oss_multipart::CompleteMultipartUpload;
///
/// let xml = br#"<?xml version="1.0" encoding="UTF-8"?>
/// <CompleteMultipartUpload>
///   <Part><PartNumber>1</PartNumber><ETag>"A1"</ETag></Part>
///   <Part><PartNumber>5</PartNumber><ETag>"B2"</ETag></Part>
/// </CompleteMultipartUpload>"#;
/// let upload = CompleteMultipartUpload::parse(xml)?;
/// let numbers: Vec<u32> = upload.parts().map(|p| p.number()).collect();
/// assert_eq!(numbers, [1, 5]);
/// # Ok::<(), oss_errors::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CompleteMultipartUpload<'a> {
    xml: &'a str,
    count: u32,
}

impl<'a> CompleteMultipartUpload<'a> {
    /// Parses and checks the body.
    ///
    /// # Errors
    /// MalformedXML when the body is not well-formed XML 1.0 (a character XML forbids,
    /// raw or as a reference such as `&#0;`; an attribute given twice ...), the root is not
    /// `<CompleteMultipartUpload>`, it holds anything but `<Part>` elements, a part lacks
    /// or repeats `<PartNumber>` or `<ETag>` or holds anything else, a part number is not
    /// a decimal integer (references resolved: `&#49;` is 1), or there are no parts; InvalidPartOrder "Part number must be an
    /// integer between 1 and 10000, inclusive" and "The list of parts was not in ascending
    /// order." (gaps are allowed, repeats are not); InvalidPart when an ETag is empty.
    ///
    /// ```
    /// use oss_multipart::CompleteMultipartUpload;
    /// let xml = br#"<CompleteMultipartUpload><Part><PartNumber>2</PartNumber><ETag>"a"</ETag></Part><Part><PartNumber>1</PartNumber><ETag>"b"</ETag></Part></CompleteMultipartUpload>"#;
    /// let err = CompleteMultipartUpload::parse(xml).unwrap_err();
    /// assert_eq!(err.to_string(), "The list of parts was not in ascending order");
    /// ```
    pub fn parse(xml: &'a [u8]) -> Result<Self, Error> {
        let xml = core::str::from_utf8(xml).map_err(|_| malformed())?;
        let mut count = 0u32;
        let mut previous = 0;
        for part in PartsReader::new(xml)? {
            let part = part?;
            if !(MIN_PART_NUMBER..=MAX_PART_NUMBER).contains(&part.number) {
                return Err(Entry::CompletePartNumberOutOfRange.into());
            }
            if part.number <= previous {
                return Err(Entry::PartsNotAscending.into());
            }
            if part.etag_value().is_empty() {
                return Err(Entry::PartNotFound.into());
            }
            previous = part.number;
            count += 1;
        }
        if count == 0 {
            return Err(malformed());
        }
        Ok(Self { xml, count })
    }

    /// How many parts are listed.
    #[must_use]
    pub const fn len(&self) -> u32 {
        self.count
    }

    /// Whether no parts are listed (never, once parsed).
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The parts, in the order listed (ascending part numbers).
    pub fn parts(&self) -> impl Iterator<Item = CompletedPart<'a>> + 'a {
        // `parse` checked the whole body, so the reader meets no error here.
        PartsReader::new(self.xml).into_iter().flatten().flatten()
    }

    /// Completes the upload against the parts the server stored: each listed part must
    /// exist with the listed ETag, every part but the last be at least 100 KiB, each at
    /// most 5 GiB, and the object at most 48.8 TB. Returns the object's size and CRC-64
    /// (the parts' CRCs combined in order).
    ///
    /// `stored(number)` returns the stored part, or `None` when there is none.
    ///
    /// # Errors
    /// InvalidPart when a part is missing or its ETag differs (compared without quotes,
    /// ignoring ASCII case); EntityTooSmall or EntityTooLarge for part sizes;
    /// InlineDataTooLarge for the object.
    ///
    /// ```
    /// use oss_multipart::{CompleteMultipartUpload, StoredPart};
    ///
    /// let xml = br#"<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>"aa"</ETag></Part></CompleteMultipartUpload>"#;
    /// let upload = CompleteMultipartUpload::parse(xml)?;
    /// let crc = oss_crc64::checksum(b"hello");
    /// let object = upload.complete(|n| (n == 1).then(|| StoredPart::new(b"AA", 5, crc)))?;
    /// assert_eq!((object.size, object.crc64), (5, crc));
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    pub fn complete<'s, F>(&self, mut stored: F) -> Result<CompletedObject, Error>
    where
        F: FnMut(u32) -> Option<StoredPart<'s>>,
    {
        let mut size: u64 = 0;
        let mut crc64 = 0;
        let mut combiner = oss_crc64::Combiner::new(0);
        let mut previous_size = None;
        for part in self.parts() {
            let found = stored(part.number()).ok_or(Entry::PartNotFound)?;
            if !found.etag.eq_ignore_ascii_case(part.etag_value()) {
                return Err(Entry::PartNotFound.into());
            }
            if let Some(previous) = previous_size {
                check_part_size(previous, false)?;
            }
            previous_size = Some(found.size);
            if combiner.appended_len() != found.size {
                combiner = oss_crc64::Combiner::new(found.size);
            }
            crc64 = combiner.combine(crc64, found.crc64);
            size = size.saturating_add(found.size);
        }
        check_part_size(previous_size.unwrap_or(0), true)?;
        if size > MAX_MULTIPART_OBJECT_SIZE {
            return Err(Entry::InlineDataTooLarge.into());
        }
        Ok(CompletedObject {
            size,
            crc64,
            parts: self.count,
        })
    }
}

/// The CRC-64 of an object built from parts, given each part's `(crc64, size)` in part
/// number order (what SDKs compare with `x-oss-hash-crc64ecma` after completing).
///
/// ```
/// use oss_multipart::object_crc64;
/// let data = b"123456789";
/// let parts = [(oss_crc64::checksum(&data[..4]), 4), (oss_crc64::checksum(&data[4..]), 5)];
/// assert_eq!(object_crc64(parts), 0x995D_C9BB_DF19_39FA);
/// ```
#[must_use]
pub fn object_crc64<I>(parts: I) -> u64
where
    I: IntoIterator<Item = (u64, u64)>,
{
    oss_crc64::combine_parts(parts)
}

#[cfg(test)]
mod tests;
