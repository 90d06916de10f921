//! The credential scope, `YYYYMMDD/region/product/aliyun_v4_request`, and the signing key
//! derived for it.

use core::fmt;

use hmac::Mac as _;
use oss_errors::{Entry, Error};
use oss_naming::Timestamp;
use subtle::ConstantTimeEq as _;
use zeroize::Zeroize as _;

use crate::canonical::Sink;
use crate::hash_sink::HashSink;
use crate::key::{HmacSha256, SigningKey, hmac_with_key};
use crate::v4::canonical::joined;

/// The last element of every V4 credential scope.
pub const TERMINATOR: &str = "aliyun_v4_request";

/// [`Product::scope_tail`] of `oss`.
const OSS_SCOPE_TAIL: [u8; Product::Oss.as_str().len() + TERMINATOR.len() + 2] =
    joined(&["/", Product::Oss.as_str(), "/", TERMINATOR]);
/// [`Product::scope_tail`] of `oss-cloudbox`.
const CLOUDBOX_SCOPE_TAIL: [u8; Product::OssCloudbox.as_str().len() + TERMINATOR.len() + 2] =
    joined(&["/", Product::OssCloudbox.as_str(), "/", TERMINATOR]);

/// The longest region id accepted (region ids such as `cn-hangzhou` and cloud-box ids such
/// as `cb-123` are far shorter; the bound keeps a credential on the stack).
pub const MAX_REGION_LEN: usize = 64;

/// The service a V4 signature is scoped to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "kebab-case")
)]
#[non_exhaustive]
pub enum Product {
    /// Object Storage Service: `oss`.
    Oss,
    /// OSS on CloudBox: `oss-cloudbox` (the region is the cloud box id).
    OssCloudbox,
}

impl Product {
    /// The name as it appears in the scope.
    ///
    /// ```
    /// assert_eq!(oss_sign::v4::Product::OssCloudbox.as_str(), "oss-cloudbox");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Oss => "oss",
            Self::OssCloudbox => "oss-cloudbox",
        }
    }

    /// What follows the region in a scope: `/<product>/aliyun_v4_request`.
    const fn scope_tail(self) -> &'static [u8] {
        match self {
            Self::Oss => &OSS_SCOPE_TAIL,
            Self::OssCloudbox => &CLOUDBOX_SCOPE_TAIL,
        }
    }

    /// The product a scope names, if it is one OSS knows.
    ///
    /// ```
    /// use oss_sign::v4::Product;
    /// assert_eq!(Product::from_name("oss"), Some(Product::Oss));
    /// assert_eq!(Product::from_name("s3"), None);
    /// ```
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "oss" => Some(Self::Oss),
            "oss-cloudbox" => Some(Self::OssCloudbox),
            _ => None,
        }
    }
}

/// Checks a region id: 1 to [`MAX_REGION_LEN`] lower-case letters, digits and `-`.
///
/// # Errors
/// `InvalidArgument` "Invalid signing region in Authorization header." for anything else.
///
/// ```
/// assert!(oss_sign::v4::check_region("cn-hangzhou").is_ok());
/// assert!(oss_sign::v4::check_region("cn/hangzhou").is_err());
/// ```
pub fn check_region(region: &str) -> Result<(), Error> {
    let ok = !region.is_empty()
        && region.len() <= MAX_REGION_LEN
        && region
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(Entry::SigningRegionInvalid.into())
    }
}

/// A credential scope: the day, region and product a V4 signature is valid for.
///
/// ```
/// use oss_naming::Timestamp;
/// use oss_sign::v4::{Product, Scope};
/// let scope = Scope::new(Timestamp::from_unix(1_702_743_657).unwrap(), "cn-hangzhou", Product::Oss)?;
/// assert_eq!(scope.to_string(), "20231216/cn-hangzhou/oss/aliyun_v4_request");
/// # Ok::<(), oss_errors::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Scope<'a> {
    pub(crate) day: [u8; 8],
    region: &'a str,
    product: Product,
}

impl<'a> Scope<'a> {
    /// The scope of `time`'s UTC day.
    ///
    /// # Errors
    /// The error of [`check_region`].
    pub fn new(time: Timestamp, region: &'a str, product: Product) -> Result<Self, Error> {
        check_region(region)?;
        let mut day = [0u8; 8];
        day.copy_from_slice(time.compact_iso8601().day().as_bytes());
        Ok(Self {
            day,
            region,
            product,
        })
    }

    /// The scope of a credential's `YYYYMMDD`, which the caller has read as a valid day
    /// (so it is the text [`Scope::new`] would write for that day).
    pub(crate) fn of_day_text(
        day: [u8; 8],
        region: &'a str,
        product: Product,
    ) -> Result<Self, Error> {
        check_region(region)?;
        Ok(Self {
            day,
            region,
            product,
        })
    }

    /// The day, `YYYYMMDD`.
    #[must_use]
    pub fn day(&self) -> &str {
        core::str::from_utf8(&self.day).unwrap_or_default()
    }

    /// The region id.
    #[must_use]
    pub const fn region(&self) -> &'a str {
        self.region
    }

    /// The product.
    #[must_use]
    pub const fn product(&self) -> Product {
        self.product
    }

    /// Puts the scope's text into `sink`.
    pub(crate) fn put(&self, sink: &mut impl Sink) {
        sink.put(&self.day);
        sink.put(b"/");
        sink.put(self.region.as_bytes());
        sink.put(self.product.scope_tail());
    }
}

impl fmt::Display for Scope<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}/{}/{}/{TERMINATOR}",
            self.day(),
            self.region,
            self.product.as_str()
        )
    }
}

/// A V4 signing key: the HMAC-SHA256 chain `"aliyun_v4" + secret → day → region → product
/// → "aliyun_v4_request"`, derived once for a [`Scope`] and reused for every request of
/// that scope. Its hash states are zeroized on drop and `Debug` shows only the scope.
///
/// ```
/// use oss_naming::Timestamp;
/// use oss_sign::SigningKey;
/// use oss_sign::v4::{Product, Scope, ScopedKey};
/// let scope = Scope::new(Timestamp::from_unix(1_702_743_657).unwrap(), "cn-hangzhou", Product::Oss)?;
/// let key = ScopedKey::derive(&SigningKey::new("sk"), scope);
/// assert_eq!(key.scope().day(), "20231216");
/// # Ok::<(), oss_errors::Error>(())
/// ```
#[derive(Clone)]
pub struct ScopedKey<'a> {
    scope: Scope<'a>,
    /// The scope's day as days since 1970-01-01, to tell a key still fresh cheaply.
    day_number: i64,
    mac: HmacSha256,
}

impl<'a> ScopedKey<'a> {
    /// Derives the key of `scope` from `key` (four HMAC-SHA256 computations).
    #[must_use]
    pub fn derive(key: &SigningKey, scope: Scope<'a>) -> Self {
        let mut link = key.v4_root();
        link.update(&scope.day);
        let mut digest: [u8; 32] = link.finalize().into_bytes().into();
        for next in [
            scope.region.as_bytes(),
            scope.product.as_str().as_bytes(),
            TERMINATOR.as_bytes(),
        ] {
            let mut link: HmacSha256 = hmac_with_key(&digest);
            link.update(next);
            digest.zeroize();
            digest = link.finalize().into_bytes().into();
        }
        let mac = hmac_with_key(&digest);
        digest.zeroize();
        let day_number = core::str::from_utf8(&scope.day)
            .ok()
            .and_then(oss_naming::parse_compact_day)
            .map_or(i64::MIN, |day| day.unix_seconds().div_euclid(86_400));
        Self {
            scope,
            day_number,
            mac,
        }
    }

    /// A key from its parts (a cached key handed out for an equal scope).
    pub(crate) const fn from_parts(scope: Scope<'a>, day_number: i64, mac: HmacSha256) -> Self {
        Self {
            scope,
            day_number,
            mac,
        }
    }

    /// The keyed MAC state.
    pub(crate) const fn mac_state(&self) -> &HmacSha256 {
        &self.mac
    }

    /// The scope's day, as days since 1970-01-01.
    pub(crate) const fn day_number(&self) -> i64 {
        self.day_number
    }

    /// The scope it signs for.
    #[must_use]
    pub const fn scope(&self) -> &Scope<'a> {
        &self.scope
    }

    /// `hex(HMAC-SHA256(key, data))`.
    #[must_use]
    pub fn sign(&self, data: &[u8]) -> SignatureV4 {
        // Already one piece: fed straight to the MAC, not staged.
        let mut mac = self.mac.clone();
        mac.update(data);
        SignatureV4::of_mac(mac)
    }

    /// The signature of the text `write` puts into the sink it is given (a string-to-sign
    /// is shorter than the 256 bytes staged unless its region is very long).
    pub(crate) fn signature(
        &self,
        write: impl FnOnce(&mut HashSink<'_, HmacSha256, 256>),
    ) -> SignatureV4 {
        let mut mac = self.mac.clone();
        HashSink::feed(&mut mac, write);
        SignatureV4::of_mac(mac)
    }
}

impl fmt::Debug for ScopedKey<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ScopedKey")
            .field("scope", &self.scope)
            .finish_non_exhaustive()
    }
}

/// The length of a V4 signature: lower-case hex of a 32-byte HMAC-SHA256.
pub const SIGNATURE_V4_LEN: usize = 64;

/// A V4 signature, lower-case hex. No `PartialEq`: compare a signature a client sent with
/// [`SignatureV4::verify`], which runs in constant time.
#[derive(Clone, Copy)]
pub struct SignatureV4 {
    pub(crate) hex: [u8; SIGNATURE_V4_LEN],
}

impl SignatureV4 {
    pub(crate) fn of_mac(mac: HmacSha256) -> Self {
        let digest = mac.finalize().into_bytes();
        let mut hex = [0u8; SIGNATURE_V4_LEN];
        let written = base16ct::lower::encode(&digest, &mut hex).map(<[u8]>::len);
        debug_assert_eq!(written, Ok(SIGNATURE_V4_LEN));
        Self { hex }
    }

    /// The signature, 64 lower-case hex digits.
    #[must_use]
    pub fn as_str(&self) -> &str {
        core::str::from_utf8(&self.hex).unwrap_or_default()
    }

    /// Checks a signature a client sent against this one, in constant time.
    ///
    /// # Errors
    /// `SignatureDoesNotMatch` when `provided` differs in any byte or in length.
    pub fn verify(&self, provided: &[u8]) -> Result<(), Error> {
        // Compared as eight words rather than 64 bytes: `subtle` guards each element.
        let words = |hex: &[u8; SIGNATURE_V4_LEN]| -> [u64; SIGNATURE_V4_LEN / 8] {
            let (chunks, _) = hex.as_chunks::<8>();
            core::array::from_fn(|at| u64::from_le_bytes(chunks[at]))
        };
        let same = <&[u8; SIGNATURE_V4_LEN]>::try_from(provided)
            .is_ok_and(|provided| bool::from(words(&self.hex).ct_eq(&words(provided))));
        if same {
            Ok(())
        } else {
            Err(Entry::SignatureDoesNotMatch.into())
        }
    }
}

impl fmt::Debug for SignatureV4 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("SignatureV4").field(&self.as_str()).finish()
    }
}

impl fmt::Display for SignatureV4 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
