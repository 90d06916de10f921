//! Enumerated header values: storage class and server-side encryption.

use core::fmt;

use oss_errors::{Entry, Error};

/// A bucket or object storage class (`x-oss-storage-class`, `<StorageClass>`).
///
/// ```
/// use oss_naming::StorageClass;
/// assert_eq!(StorageClass::parse("ColdArchive"), Ok(StorageClass::ColdArchive));
/// assert_eq!(StorageClass::IA.as_str(), "IA");
/// assert!(StorageClass::parse("standard").is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum StorageClass {
    /// `Standard`.
    Standard,
    /// `IA`: Infrequent Access.
    IA,
    /// `Archive`.
    Archive,
    /// `ColdArchive`.
    ColdArchive,
    /// `DeepColdArchive`.
    DeepColdArchive,
}

impl StorageClass {
    /// Every storage class, in the order OSS lists them.
    pub const ALL: [Self; 5] = [
        Self::Standard,
        Self::IA,
        Self::Archive,
        Self::ColdArchive,
        Self::DeepColdArchive,
    ];

    /// Parses the exact (case-sensitive) OSS spelling.
    ///
    /// ```
    /// assert!(oss_naming::StorageClass::parse("DeepColdArchive").is_ok());
    /// ```
    ///
    /// # Errors
    /// `InvalidArgument` "No such bucket storage class exists" for any other value.
    pub const fn parse(value: &str) -> Result<Self, Error> {
        match value.as_bytes() {
            b"Standard" => Ok(Self::Standard),
            b"IA" => Ok(Self::IA),
            b"Archive" => Ok(Self::Archive),
            b"ColdArchive" => Ok(Self::ColdArchive),
            b"DeepColdArchive" => Ok(Self::DeepColdArchive),
            _ => Err(Error::new(Entry::StorageClassInvalid)),
        }
    }

    /// The OSS spelling.
    ///
    /// ```
    /// assert_eq!(oss_naming::StorageClass::Archive.as_str(), "Archive");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Standard => "Standard",
            Self::IA => "IA",
            Self::Archive => "Archive",
            Self::ColdArchive => "ColdArchive",
            Self::DeepColdArchive => "DeepColdArchive",
        }
    }
}

impl fmt::Display for StorageClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A server-side encryption algorithm (`x-oss-server-side-encryption`, `<SSEAlgorithm>`).
///
/// ```
/// use oss_naming::ServerSideEncryption;
/// assert_eq!(ServerSideEncryption::parse("KMS"), Ok(ServerSideEncryption::Kms));
/// assert!(ServerSideEncryption::parse("aes256").is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum ServerSideEncryption {
    /// `AES256`: keys managed by OSS.
    #[cfg_attr(feature = "serde", serde(rename = "AES256"))]
    Aes256,
    /// `KMS`: keys managed by Key Management Service.
    #[cfg_attr(feature = "serde", serde(rename = "KMS"))]
    Kms,
    /// `SM4`: the SM4 block cipher, keys managed by OSS.
    #[cfg_attr(feature = "serde", serde(rename = "SM4"))]
    Sm4,
}

impl ServerSideEncryption {
    /// Every algorithm.
    pub const ALL: [Self; 3] = [Self::Aes256, Self::Kms, Self::Sm4];

    /// Parses the exact OSS spelling.
    ///
    /// ```
    /// assert!(oss_naming::ServerSideEncryption::parse("SM4").is_ok());
    /// ```
    ///
    /// # Errors
    /// `InvalidEncryptionAlgorithmError` "The encryption algorithm specified is not valid or
    /// The Encryption request you specified is not valid. Supported value: AES256/SM4/KMS."
    /// (one seed message) for any other value.
    pub const fn parse(value: &str) -> Result<Self, Error> {
        match value.as_bytes() {
            b"AES256" => Ok(Self::Aes256),
            b"KMS" => Ok(Self::Kms),
            b"SM4" => Ok(Self::Sm4),
            _ => Err(Error::new(Entry::EncryptionAlgorithmOrRequestInvalid)),
        }
    }

    /// The OSS spelling.
    ///
    /// ```
    /// assert_eq!(oss_naming::ServerSideEncryption::Aes256.as_str(), "AES256");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Aes256 => "AES256",
            Self::Kms => "KMS",
            Self::Sm4 => "SM4",
        }
    }
}

impl fmt::Display for ServerSideEncryption {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The data encryption algorithm used with KMS (`x-oss-server-side-data-encryption`,
/// `<KMSDataEncryption>`).
///
/// ```
/// use oss_naming::KmsDataEncryption;
/// assert_eq!(KmsDataEncryption::parse("SM4"), Ok(KmsDataEncryption::Sm4));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum KmsDataEncryption {
    /// `SM4`.
    #[cfg_attr(feature = "serde", serde(rename = "SM4"))]
    Sm4,
}

impl KmsDataEncryption {
    /// Parses the exact OSS spelling.
    ///
    /// ```
    /// assert!(oss_naming::KmsDataEncryption::parse("AES256").is_err());
    /// ```
    ///
    /// # Errors
    /// `InvalidDataEncryptionAlgorithmError` "The KMS Data Encryption request you specified
    /// is not valid. Supported value:SM4" for any other value.
    pub const fn parse(value: &str) -> Result<Self, Error> {
        match value.as_bytes() {
            b"SM4" => Ok(Self::Sm4),
            _ => Err(Error::new(Entry::DataEncryptionAlgorithmInvalid)),
        }
    }

    /// The OSS spelling.
    ///
    /// ```
    /// assert_eq!(oss_naming::KmsDataEncryption::Sm4.as_str(), "SM4");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Sm4 => "SM4",
        }
    }
}

impl fmt::Display for KmsDataEncryption {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Checks a server-side encryption setting as a whole: a KMS master key id and a KMS data
/// encryption algorithm only make sense with `KMS`.
///
/// ```
/// use oss_errors::Entry;
/// use oss_naming::{KmsDataEncryption, ServerSideEncryption, check_encryption_settings};
///
/// assert!(check_encryption_settings(ServerSideEncryption::Kms, Some("key-1"), Some(KmsDataEncryption::Sm4)).is_ok());
/// let err = check_encryption_settings(ServerSideEncryption::Aes256, Some("key-1"), None).unwrap_err();
/// assert_eq!(err.entry(), Entry::KmsKeyIdWithoutKms);
/// ```
///
/// # Errors
/// `InvalidArgument` "KMSMasterKeyID is not applicable if the default sse algorithm is not
/// KMS" for a key id without KMS; `InvalidDataEncryptionAlgorithmError` for a data
/// encryption algorithm without KMS (OSS supports it with KMS only).
pub const fn check_encryption_settings(
    algorithm: ServerSideEncryption,
    kms_master_key_id: Option<&str>,
    data_encryption: Option<KmsDataEncryption>,
) -> Result<(), Error> {
    let kms = matches!(algorithm, ServerSideEncryption::Kms);
    if !kms && kms_master_key_id.is_some() {
        return Err(Error::new(Entry::KmsKeyIdWithoutKms));
    }
    if !kms && data_encryption.is_some() {
        return Err(Error::new(Entry::DataEncryptionAlgorithmInvalid));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::string::ToString;

    #[test]
    fn round_trips() {
        for class in StorageClass::ALL {
            assert_eq!(StorageClass::parse(class.as_str()), Ok(class));
        }
        for algorithm in ServerSideEncryption::ALL {
            assert_eq!(
                ServerSideEncryption::parse(&std::format!("{algorithm}")),
                Ok(algorithm)
            );
        }
        assert_eq!(
            KmsDataEncryption::parse(KmsDataEncryption::Sm4.as_str()),
            Ok(KmsDataEncryption::Sm4)
        );
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_uses_the_oss_spelling_both_ways() {
        fn round_trip<T>(value: T, json: &str)
        where
            T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + fmt::Debug,
        {
            assert_eq!(serde_json::to_string(&value).unwrap_or_default(), json);
            assert_eq!(serde_json::from_str::<T>(json).ok(), Some(value));
        }
        for class in StorageClass::ALL {
            round_trip(class, &std::format!("\"{class}\""));
        }
        for algorithm in ServerSideEncryption::ALL {
            round_trip(algorithm, &std::format!("\"{algorithm}\""));
        }
        round_trip(KmsDataEncryption::Sm4, "\"SM4\"");
        assert!(serde_json::from_str::<StorageClass>("\"standard\"").is_err());
    }

    #[test]
    fn rejections() {
        assert_eq!(
            StorageClass::parse("").unwrap_err().to_string(),
            "No such bucket storage class exists"
        );
        assert_eq!(
            ServerSideEncryption::parse("AES-256").unwrap_err().entry(),
            Entry::EncryptionAlgorithmOrRequestInvalid
        );
        assert!(
            check_encryption_settings(
                ServerSideEncryption::Sm4,
                None,
                Some(KmsDataEncryption::Sm4)
            )
            .is_err()
        );
        assert!(check_encryption_settings(ServerSideEncryption::Sm4, None, None).is_ok());
    }
}
