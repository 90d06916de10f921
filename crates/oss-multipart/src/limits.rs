//! The numbers OSS documents for multipart uploads, appends and PostObject forms.
//!
//! The constants are fixed protocol limits. [`Limits`] holds the PostObject form limits that
//! differ between the error-center pages this crate follows (the defaults) and the limits the
//! live service documents today ([`Limits::LIVE`]).

/// The smallest part number OSS accepts.
pub const MIN_PART_NUMBER: u32 = 1;

/// The largest part number OSS accepts, and the most parts an upload can have.
pub const MAX_PART_NUMBER: u32 = 10_000;

/// The smallest size of every part but the last: 100 KiB.
pub const MIN_PART_SIZE: u64 = 100 * 1024;

/// The largest size of a part: 5 GiB.
pub const MAX_PART_SIZE: u64 = 5 * 1024 * 1024 * 1024;

/// The largest object a multipart upload can build: 10000 parts of 5 GiB (OSS says "48.8 TB").
pub const MAX_MULTIPART_OBJECT_SIZE: u64 = MAX_PART_NUMBER as u64 * MAX_PART_SIZE;

/// The largest object a single PutObject can upload: 5 GiB.
pub const MAX_PUT_OBJECT_SIZE: u64 = 5 * 1024 * 1024 * 1024;

/// The largest appendable object: 5 GiB.
pub const MAX_APPEND_OBJECT_SIZE: u64 = 5 * 1024 * 1024 * 1024;

/// The largest PostObject request body: 5 GiB.
pub const MAX_POST_BODY_SIZE: u64 = 5 * 1024 * 1024 * 1024;

/// Client-side encryption part sizes must be a multiple of the AES block size: 16 bytes.
pub const ENCRYPTION_PART_ALIGNMENT: u64 = 16;

/// The size limits of a PostObject form: a `Copy` value with `const` builders.
///
/// The defaults follow the OSS error-center pages: every field but `file` at most 4 KB
/// (FieldItemTooLong), the body at most 5 GB. Those pages give no figure for the bytes
/// before the file; the default uses the 8 MB the live service documents for
/// MaxPOSTPreDataLengthExceededError. [`Limits::LIVE`] holds the limits the live service
/// documents today: field names up to 8 KB, each value up to 2 MB, 8 MB before the file.
///
/// ```
/// use oss_multipart::Limits;
///
/// const MINE: Limits = Limits::DEFAULT.with_field_value(64 * 1024);
/// assert_eq!(MINE.field_value(), 64 * 1024);
/// assert_eq!(Limits::default(), Limits::DEFAULT);
/// assert_eq!(Limits::LIVE.field_value(), 2 * 1024 * 1024);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(default)
)]
#[non_exhaustive]
pub struct Limits {
    field_name: usize,
    field_value: usize,
    part_headers: usize,
    pre_file: u64,
    body: u64,
}

impl Limits {
    /// The limits of the OSS error-center pages (the default).
    pub const DEFAULT: Self = Self {
        field_name: 4 * 1024,
        field_value: 4 * 1024,
        part_headers: 8 * 1024,
        pre_file: 8 * 1024 * 1024,
        body: MAX_POST_BODY_SIZE,
    };

    /// The limits the live service documents: names 8 KB, values 2 MB, 8 MB before the file.
    pub const LIVE: Self = Self {
        field_name: 8 * 1024,
        field_value: 2 * 1024 * 1024,
        part_headers: 16 * 1024,
        pre_file: 8 * 1024 * 1024,
        body: MAX_POST_BODY_SIZE,
    };

    /// The longest field name, in bytes (FieldItemTooLong beyond).
    #[must_use]
    pub const fn field_name(&self) -> usize {
        self.field_name
    }

    /// The longest value of a field other than `file`, in bytes (FieldItemTooLong beyond).
    #[must_use]
    pub const fn field_value(&self) -> usize {
        self.field_value
    }

    /// The longest header block of one part, in bytes (FieldItemTooLong beyond).
    #[must_use]
    pub const fn part_headers(&self) -> usize {
        self.part_headers
    }

    /// The most body bytes before the `file` part (MaxPOSTPreDataLengthExceededError beyond).
    #[must_use]
    pub const fn pre_file(&self) -> u64 {
        self.pre_file
    }

    /// The largest body, in bytes ("Post body size must be less than 5G" beyond).
    #[must_use]
    pub const fn body(&self) -> u64 {
        self.body
    }

    /// Sets the longest field name.
    #[must_use]
    pub const fn with_field_name(self, bytes: usize) -> Self {
        Self {
            field_name: bytes,
            ..self
        }
    }

    /// Sets the longest value of a field other than `file`.
    #[must_use]
    pub const fn with_field_value(self, bytes: usize) -> Self {
        Self {
            field_value: bytes,
            ..self
        }
    }

    /// Sets the longest header block of one part.
    #[must_use]
    pub const fn with_part_headers(self, bytes: usize) -> Self {
        Self {
            part_headers: bytes,
            ..self
        }
    }

    /// Sets the most body bytes before the `file` part.
    #[must_use]
    pub const fn with_pre_file(self, bytes: u64) -> Self {
        Self {
            pre_file: bytes,
            ..self
        }
    }

    /// Sets the largest body.
    #[must_use]
    pub const fn with_body(self, bytes: u64) -> Self {
        Self {
            body: bytes,
            ..self
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Self::DEFAULT
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::prelude::rust_2024::*;

    #[test]
    fn multipart_object_limit_is_the_documented_48_8_tb() {
        // 10000 x 5 GiB = 53_687_091_200_000 bytes, which OSS rounds to "48.8 TB" (TiB).
        assert_eq!(MAX_MULTIPART_OBJECT_SIZE, 53_687_091_200_000);
        let tib = MAX_MULTIPART_OBJECT_SIZE as f64 / (1u64 << 40) as f64;
        assert!((tib - 48.8).abs() < 0.05);
    }

    #[cfg(feature = "serde")]
    proptest::proptest! {
        #[test]
        fn limits_round_trip_through_json(
            name in 0..usize::MAX, value in 0..usize::MAX, headers in 0..usize::MAX,
            pre_file in 0..u64::MAX, body in 0..u64::MAX,
        ) {
            let limits = Limits::DEFAULT
                .with_field_name(name)
                .with_field_value(value)
                .with_part_headers(headers)
                .with_pre_file(pre_file)
                .with_body(body);
            let json = serde_json::to_string(&limits).unwrap_or_default();
            proptest::prop_assert_eq!(serde_json::from_str::<Limits>(&json).ok(), Some(limits));
        }
    }

    #[test]
    fn builders_change_one_limit_each() {
        let limits = Limits::DEFAULT
            .with_body(10)
            .with_pre_file(5)
            .with_part_headers(7)
            .with_field_name(3);
        assert_eq!(
            (
                limits.body(),
                limits.pre_file(),
                limits.part_headers(),
                limits.field_name()
            ),
            (10, 5, 7, 3)
        );
        assert_eq!(limits.field_value(), Limits::DEFAULT.field_value());
    }
}
