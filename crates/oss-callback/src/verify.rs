//! Checking that a callback request really comes from OSS (feature `verify`).
//!
//! OSS signs `url_decode(path) [+ "?" + raw query] + "\n" + raw body` with RSA PKCS#1 v1.5
//! over MD5, sends the base64 signature in `authorization`, and the base64 URL of its
//! public key in `x-oss-pub-key-url`. A verifier must only trust key URLs on
//! `gosspublic.alicdn.com`: one that fetches whatever URL the request names lets anyone
//! sign their own callbacks. This module never fetches anything; OSS's published key is
//! [`PublicKey::oss`], and callers that fetch and cache keys themselves pass them in.
//!
//! ```
//! use oss_callback::verify::{CallbackRequest, PublicKey};
//!
//! // The example callback of the OSS documentation.
//! let request = CallbackRequest::new(
//!     b"kKQeGTRccDKyHB3H9vF+xYMSrmhMZjzzl2/kdD1ktNVgbWEfYTQG0G2SU/RaHBovRCE8OkQDjC3uG33esH2txA==",
//!     b"aHR0cDovL2dvc3NwdWJsaWMuYWxpY2RuLmNvbS9jYWxsYmFja19wdWJfa2V5X3YxLnBlbQ==",
//!     "/index.php?id=1&index=2",
//!     b"bucket=yonghu-test",
//! );
//! request.verify(&PublicKey::oss())?;
//! # Ok::<(), oss_callback::verify::VerifyError>(())
//! ```

use alloc::string::String;
use core::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use md5::{Digest as _, Md5};
use oss_naming::percent::{self, Plus};
use rsa::{BoxedUint, Pkcs1v15Sign, PublicKey as RsaPublicKey};

/// The URL of OSS's callback public key (what `x-oss-pub-key-url` decodes to).
pub const OSS_PUBLIC_KEY_URL: &str = "http://gosspublic.alicdn.com/callback_pub_key_v1.pem";

/// The only prefixes a trusted `x-oss-pub-key-url` may start with.
pub const TRUSTED_KEY_URL_PREFIXES: [&str; 2] = [
    "http://gosspublic.alicdn.com/",
    "https://gosspublic.alicdn.com/",
];

/// OSS's published callback public key (512-bit RSA), as served at [`OSS_PUBLIC_KEY_URL`].
pub const OSS_PUBLIC_KEY_PEM: &str = "-----BEGIN PUBLIC KEY-----
MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAKs/JBGzwUB2aVht4crBx3oIPBLNsjGs
C0fTXv+nvlmklvkcolvpvXLTjaxUHR3W9LXxQ2EHXAJfCB+6H2YF1k8CAwEAAQ==
-----END PUBLIC KEY-----
";

/// The modulus of [`OSS_PUBLIC_KEY_PEM`] (big-endian); its exponent is 65537.
const OSS_MODULUS: [u8; 64] = [
    0xab, 0x3f, 0x24, 0x11, 0xb3, 0xc1, 0x40, 0x76, 0x69, 0x58, 0x6d, 0xe1, 0xca, 0xc1, 0xc7, 0x7a,
    0x08, 0x3c, 0x12, 0xcd, 0xb2, 0x31, 0xac, 0x0b, 0x47, 0xd3, 0x5e, 0xff, 0xa7, 0xbe, 0x59, 0xa4,
    0x96, 0xf9, 0x1c, 0xa2, 0x5b, 0xe9, 0xbd, 0x72, 0xd3, 0x8d, 0xac, 0x54, 0x1d, 0x1d, 0xd6, 0xf4,
    0xb5, 0xf1, 0x43, 0x61, 0x07, 0x5c, 0x02, 0x5f, 0x08, 0x1f, 0xba, 0x1f, 0x66, 0x05, 0xd6, 0x4f,
];

/// Why a callback request did not verify.
///
/// ```
/// use oss_callback::verify::{check_pub_key_url, VerifyError};
/// // base64 of "http://evil.example/key.pem"
/// let err = check_pub_key_url(b"aHR0cDovL2V2aWwuZXhhbXBsZS9rZXkucGVt").unwrap_err();
/// assert_eq!(err, VerifyError::UntrustedPubKeyUrl);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum VerifyError {
    /// `x-oss-pub-key-url` is not base64 of a UTF-8 URL.
    PubKeyUrlNotBase64,
    /// `x-oss-pub-key-url` points outside `gosspublic.alicdn.com`.
    UntrustedPubKeyUrl,
    /// `authorization` is not base64.
    AuthorizationNotBase64,
    /// The signature does not match the request (path, query or body changed, wrong key).
    BadSignature,
    /// The PEM text is not an RSA public key.
    InvalidPublicKey,
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::PubKeyUrlNotBase64 => "x-oss-pub-key-url is not base64 of a URL",
            Self::UntrustedPubKeyUrl => {
                "x-oss-pub-key-url does not start with http://gosspublic.alicdn.com/ or https://gosspublic.alicdn.com/"
            }
            Self::AuthorizationNotBase64 => "the authorization header is not base64",
            Self::BadSignature => "the signature does not match url_decode(path) + query + \"\\n\" + body",
            Self::InvalidPublicKey => "the public key is not an RSA public key in PEM form",
        })
    }
}

impl core::error::Error for VerifyError {}

/// An RSA public key that callback signatures are checked against.
///
/// ```
/// use oss_callback::verify::{OSS_PUBLIC_KEY_PEM, PublicKey};
/// assert_eq!(PublicKey::from_pem(OSS_PUBLIC_KEY_PEM)?, PublicKey::oss());
/// # Ok::<(), oss_callback::verify::VerifyError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicKey(RsaPublicKey);

impl PublicKey {
    /// OSS's published key ([`OSS_PUBLIC_KEY_PEM`]), built without parsing.
    ///
    /// ```
    /// let _key = oss_callback::verify::PublicKey::oss();
    /// ```
    #[must_use]
    pub fn oss() -> Self {
        Self(RsaPublicKey::new_unchecked(
            // At the precisions the PEM decoder gives them, so the two keys compare equal.
            BoxedUint::from_be_slice_truncated(&OSS_MODULUS, OSS_MODULUS_BITS),
            BoxedUint::from_be_slice_truncated(&[1, 0, 1], 24),
        ))
    }

    /// Parses a PEM public key: `BEGIN PUBLIC KEY` (SubjectPublicKeyInfo, what OSS serves)
    /// or `BEGIN RSA PUBLIC KEY` (PKCS#1).
    ///
    /// # Errors
    /// [`VerifyError::InvalidPublicKey`] when the text is neither.
    ///
    /// ```
    /// use oss_callback::verify::{PublicKey, VerifyError};
    /// assert_eq!(PublicKey::from_pem("nope"), Err(VerifyError::InvalidPublicKey));
    /// ```
    pub fn from_pem(pem: &str) -> Result<Self, VerifyError> {
        Self::decode_pem(pem.trim()).ok_or(VerifyError::InvalidPublicKey)
    }

    /// `rsa`'s own decoders refuse moduli under 1024 bits, and OSS's callback key has
    /// 512: the DER is read with the `pkcs1`/`spki` types and the key built with explicit
    /// size limits.
    fn decode_pem(pem: &str) -> Option<Self> {
        use rsa::pkcs1::der::{Decode as _, Document};
        use rsa::pkcs1::{ALGORITHM_OID, RsaPublicKeyRef};
        use rsa::pkcs8::SubjectPublicKeyInfoRef;

        let (label, document) = Document::from_pem(pem).ok()?;
        let spki;
        let pkcs1 = match label {
            "PUBLIC KEY" => {
                spki = SubjectPublicKeyInfoRef::from_der(document.as_bytes()).ok()?;
                if spki.algorithm.oid != ALGORITHM_OID {
                    return None;
                }
                spki.subject_public_key.as_bytes()?
            }
            "RSA PUBLIC KEY" => document.as_bytes(),
            _ => return None,
        };
        let key = RsaPublicKeyRef::from_der(pkcs1).ok()?;
        let uint = |bytes: &[u8]| {
            let bits = u32::try_from(bytes.len()).ok()?.checked_mul(8)?;
            BoxedUint::from_be_slice(bytes, bits).ok()
        };
        let n = uint(key.modulus.as_bytes())?;
        let e = uint(key.public_exponent.as_bytes())?;
        RsaPublicKey::new_with_size_limits(n, e, MIN_KEY_BITS..=RsaPublicKey::MAX_SIZE)
            .ok()
            .map(Self)
    }
}

/// The smallest RSA key accepted: OSS's own callback key is 512 bits.
const MIN_KEY_BITS: usize = 512;

/// The bits of [`OSS_MODULUS`], as the key's precision.
#[allow(clippy::cast_possible_truncation)] // 1024.
const OSS_MODULUS_BITS: u32 = (OSS_MODULUS.len() * 8) as u32;

/// Decodes `x-oss-pub-key-url` and checks that it names a key on `gosspublic.alicdn.com`.
///
/// # Errors
/// [`VerifyError::PubKeyUrlNotBase64`] or [`VerifyError::UntrustedPubKeyUrl`].
///
/// ```
/// use oss_callback::verify::check_pub_key_url;
/// let url = check_pub_key_url(b"aHR0cDovL2dvc3NwdWJsaWMuYWxpY2RuLmNvbS9jYWxsYmFja19wdWJfa2V5X3YxLnBlbQ==")?;
/// assert_eq!(url, "http://gosspublic.alicdn.com/callback_pub_key_v1.pem");
/// # Ok::<(), oss_callback::verify::VerifyError>(())
/// ```
pub fn check_pub_key_url(header: &[u8]) -> Result<String, VerifyError> {
    check_pub_key_url_trusting(header, &[])
}

/// [`check_pub_key_url`], trusting keys under `also_trusted` URL prefixes too: for a
/// test server that signs callbacks with its own key (an OSS emulator), never for
/// callbacks from OSS itself. Each prefix should end with `/`, so that a prefix
/// `http://127.0.0.1:9000/` does not trust `http://127.0.0.1:9000.evil.example/`.
///
/// # Errors
/// As [`check_pub_key_url`].
///
/// ```
/// use oss_callback::verify::{VerifyError, check_pub_key_url_trusting};
/// // base64 of "http://127.0.0.1:9000/key.pem"
/// let header = b"aHR0cDovLzEyNy4wLjAuMTo5MDAwL2tleS5wZW0=";
/// assert_eq!(check_pub_key_url_trusting(header, &["http://127.0.0.1:9000/"])?, "http://127.0.0.1:9000/key.pem");
/// assert_eq!(check_pub_key_url_trusting(header, &[]), Err(VerifyError::UntrustedPubKeyUrl));
/// # Ok::<(), VerifyError>(())
/// ```
pub fn check_pub_key_url_trusting(
    header: &[u8],
    also_trusted: &[&str],
) -> Result<String, VerifyError> {
    let bytes = STANDARD
        .decode(header.trim_ascii())
        .map_err(|_| VerifyError::PubKeyUrlNotBase64)?;
    let url = String::from_utf8(bytes).map_err(|_| VerifyError::PubKeyUrlNotBase64)?;
    let trusted = TRUSTED_KEY_URL_PREFIXES
        .iter()
        .chain(also_trusted)
        .any(|prefix| url.starts_with(prefix))
        && url.bytes().all(|b| b.is_ascii_graphic());
    if trusted {
        Ok(url)
    } else {
        Err(VerifyError::UntrustedPubKeyUrl)
    }
}

/// Splits a request target (`/path?query`) into the path and the raw query (without `?`).
///
/// ```
/// use oss_callback::verify::split_target;
/// assert_eq!(split_target("/index.php?id=1&index=2"), ("/index.php", Some("id=1&index=2")));
/// assert_eq!(split_target("/cb"), ("/cb", None));
/// ```
#[must_use]
pub fn split_target(target: &str) -> (&str, Option<&str>) {
    match target.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (target, None),
    }
}

/// Feeds `path` to `sink` with `%XX` escapes decoded (the one percent codec,
/// [`oss_naming::percent`]); malformed escapes and `+` stay as they are.
fn url_decode_into(path: &str, sink: &mut impl FnMut(&[u8])) {
    let mut decode = percent::decode(path.as_bytes(), Plus::Literal);
    loop {
        let run = decode.take_literal_run();
        if !run.is_empty() {
            sink(run);
        }
        match decode.next() {
            Some(byte) => sink(&[byte]),
            None => break,
        }
    }
}

/// Feeds the signed bytes to `sink`: `url_decode(path)`, then `?` and the raw query when
/// there is one, then `\n`, then the raw body.
fn signed_bytes(path: &str, query: Option<&str>, body: &[u8], mut sink: impl FnMut(&[u8])) {
    url_decode_into(path, &mut sink);
    if let Some(query) = query {
        sink(b"?");
        sink(query.as_bytes());
    }
    sink(b"\n");
    sink(body);
}

/// The bytes OSS signs for a request, for showing to a person debugging a mismatch.
///
/// ```
/// use oss_callback::verify::string_to_sign;
/// let signed = string_to_sign("/a%20b", Some("x=1"), b"k=v");
/// assert_eq!(signed, b"/a b?x=1\nk=v");
/// ```
#[must_use]
pub fn string_to_sign(path: &str, query: Option<&str>, body: &[u8]) -> alloc::vec::Vec<u8> {
    let mut out = alloc::vec::Vec::with_capacity(path.len() + body.len() + 2);
    signed_bytes(path, query, body, |piece| out.extend_from_slice(piece));
    out
}

/// The MD5 digest of the signed bytes (streamed, nothing is copied).
///
/// ```
/// use oss_callback::verify::string_to_sign_md5;
/// let md5 = string_to_sign_md5("/index.php", Some("id=1&index=2"), b"bucket=yonghu-test");
/// assert_eq!(md5[..4], [0x5b, 0x74, 0xfc, 0x97]);
/// ```
#[must_use]
pub fn string_to_sign_md5(path: &str, query: Option<&str>, body: &[u8]) -> [u8; 16] {
    let mut hasher = Md5::new();
    signed_bytes(path, query, body, |piece| hasher.update(piece));
    hasher.finalize().into()
}

/// Checks a base64 `authorization` signature over a request with `key`. This does not
/// look at `x-oss-pub-key-url`; [`CallbackRequest::verify`] does both.
///
/// # Errors
/// [`VerifyError::AuthorizationNotBase64`] or [`VerifyError::BadSignature`].
///
/// ```
/// use oss_callback::verify::{verify_signature, PublicKey, VerifyError};
/// let auth = b"kKQeGTRccDKyHB3H9vF+xYMSrmhMZjzzl2/kdD1ktNVgbWEfYTQG0G2SU/RaHBovRCE8OkQDjC3uG33esH2txA==";
/// let key = PublicKey::oss();
/// assert!(verify_signature(&key, auth, "/index.php", Some("id=1&index=2"), b"bucket=yonghu-test").is_ok());
/// // Leaving out the query breaks it.
/// assert_eq!(verify_signature(&key, auth, "/index.php", None, b"bucket=yonghu-test"), Err(VerifyError::BadSignature));
/// ```
pub fn verify_signature(
    key: &PublicKey,
    authorization: &[u8],
    path: &str,
    query: Option<&str>,
    body: &[u8],
) -> Result<(), VerifyError> {
    let signature = STANDARD
        .decode(authorization.trim_ascii())
        .map_err(|_| VerifyError::AuthorizationNotBase64)?;
    let digest = string_to_sign_md5(path, query, body);
    key.0
        .verify(Pkcs1v15Sign::new::<Md5>(), &digest, &signature)
        .map_err(|_| VerifyError::BadSignature)
}

/// A callback request as the application server received it.
///
/// ```
/// use oss_callback::verify::{CallbackRequest, PublicKey, VerifyError};
/// let forged = CallbackRequest::new(b"AAAA", b"aHR0cDovL2V2aWwuZXhhbXBsZS9rZXkucGVt", "/cb", b"x=1");
/// assert_eq!(forged.verify(&PublicKey::oss()), Err(VerifyError::UntrustedPubKeyUrl));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct CallbackRequest<'a> {
    /// The `authorization` header value (base64 signature).
    pub authorization: &'a [u8],
    /// The `x-oss-pub-key-url` header value (base64 URL).
    pub pub_key_url: &'a [u8],
    /// The request path, still percent-encoded as received.
    pub path: &'a str,
    /// The raw query after `?`, if the request target had a `?`.
    pub query: Option<&'a str>,
    /// The raw body.
    pub body: &'a [u8],
}

impl<'a> CallbackRequest<'a> {
    /// A request from its headers, its request target (`/path?query`) and its body.
    ///
    /// ```
    /// use oss_callback::verify::CallbackRequest;
    /// let request = CallbackRequest::new(b"sig", b"url", "/cb?a=1", b"");
    /// assert_eq!((request.path, request.query), ("/cb", Some("a=1")));
    /// ```
    #[must_use]
    pub fn new(
        authorization: &'a [u8],
        pub_key_url: &'a [u8],
        target: &'a str,
        body: &'a [u8],
    ) -> Self {
        let (path, query) = split_target(target);
        Self {
            authorization,
            pub_key_url,
            path,
            query,
            body,
        }
    }

    /// Checks the key URL, then the signature with `key` (the key that URL serves, fetched
    /// and cached by the caller, or [`PublicKey::oss`]).
    ///
    /// # Errors
    /// Those of [`check_pub_key_url`], then those of [`verify_signature`].
    ///
    /// ```
    /// use oss_callback::verify::{CallbackRequest, PublicKey, VerifyError};
    /// let request = CallbackRequest::new(
    ///     b"aMYUW1arI/qpU7cp/DCGXS56iFJPxwe7K3QIFVvbtSgiE6vwuu4/HuBxyDDX5IKU8vSJg/BI956SzVsRQt969g==",
    ///     b"aHR0cDovL2dvc3NwdWJsaWMuYWxpY2RuLmNvbS9jYWxsYmFja19wdWJfa2V5X3YxLnBlbQ==",
    ///     "/api/File/15/upload_notify/",
    ///     b"filename=zmaplex%2F20210407_14%3A31%3A41_286180%2F20200130021612_pnfqp.jpg&size=112595",
    /// );
    /// assert_eq!(request.verify(&PublicKey::oss()), Ok(()));
    /// ```
    pub fn verify(&self, key: &PublicKey) -> Result<(), VerifyError> {
        self.verify_trusting(key, &[])
    }

    /// [`CallbackRequest::verify`], trusting key URLs under `also_trusted` too (see
    /// [`check_pub_key_url_trusting`]).
    ///
    /// # Errors
    /// As [`CallbackRequest::verify`].
    pub fn verify_trusting(
        &self,
        key: &PublicKey,
        also_trusted: &[&str],
    ) -> Result<(), VerifyError> {
        check_pub_key_url_trusting(self.pub_key_url, also_trusted)?;
        verify_signature(key, self.authorization, self.path, self.query, self.body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_modulus_is_the_pem_key() {
        assert_eq!(
            PublicKey::from_pem(OSS_PUBLIC_KEY_PEM),
            Ok(PublicKey::oss())
        );
    }

    #[test]
    fn key_urls_must_be_on_gosspublic() {
        for url in [
            "http://gosspublic.alicdn.com.evil.example/k.pem",
            "http://gosspublic.alicdn.com@evil.example/k.pem",
            "https://evil.example/http://gosspublic.alicdn.com/",
            "http://gosspublic.alicdn.com",
            "ftp://gosspublic.alicdn.com/k.pem",
            "http://gosspublic.alicdn.com/k.pem x",
        ] {
            let header = STANDARD.encode(url);
            assert_eq!(
                check_pub_key_url(header.as_bytes()),
                Err(VerifyError::UntrustedPubKeyUrl),
                "{url}"
            );
        }
        let https = STANDARD.encode("https://gosspublic.alicdn.com/callback_pub_key_v1.pem");
        assert!(check_pub_key_url(https.as_bytes()).is_ok());
        assert_eq!(
            check_pub_key_url(b"%%%"),
            Err(VerifyError::PubKeyUrlNotBase64)
        );
    }

    #[test]
    fn url_decodes_only_the_path() {
        assert_eq!(
            string_to_sign("/a%2Fb%zz%4", Some("q=%20"), b"%20"),
            b"/a/b%zz%4?q=%20\n%20"
        );
        assert_eq!(string_to_sign("/", Some(""), b""), b"/?\n");
    }
}
