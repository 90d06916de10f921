//! `Serialize` for signing results and the V4 scope (feature `serde`), written by hand
//! because each is text the value computes (a header value, a query string) rather than
//! its fields. None of them deserializes: a signature is made by signing, not read from
//! data. Secrets ([`SigningKey`](crate::SigningKey), [`ScopedKey`](crate::v4::ScopedKey), and the key inside
//! [`Credentials`](crate::Credentials)) implement neither trait.

use core::fmt;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::authorization::Authorization;
use crate::input::{Headers, Query};
use crate::signature::Signature;
use crate::v4::{Scope, SignatureV4, Signed};

impl Serialize for Signature {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl Serialize for SignatureV4 {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl Serialize for Authorization {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl Serialize for Scope<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("Scope", 3)?;
        out.serialize_field("day", self.day())?;
        out.serialize_field("region", self.region())?;
        out.serialize_field("product", &self.product())?;
        out.end()
    }
}

impl Serialize for Signed<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("Signed", 4)?;
        out.serialize_field("authorization", self.authorization())?;
        out.serialize_field("date", self.date())?;
        out.serialize_field("signature", self.signature())?;
        out.serialize_field("headers", &HeaderMap(self))?;
        out.end()
    }
}

/// The headers of a [`Signed`] as a JSON object, in order.
struct HeaderMap<'s, 'a>(&'s Signed<'a>);

impl Serialize for HeaderMap<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.headers())
    }
}

impl<'a, H: Headers<'a>, Q: Query<'a>> Serialize for crate::Presigned<'a, H, Q> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("Presigned", 3)?;
        out.serialize_field("expires", &self.expires())?;
        out.serialize_field("signature", self.signature())?;
        out.serialize_field("query", &written(|f| self.write_query(f)))?;
        out.end()
    }
}

impl<'a, H: Headers<'a>, Q: Query<'a>> Serialize for crate::v4::Presigned<'a, H, Q> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("Presigned", 2)?;
        out.serialize_field("signature", self.signature())?;
        out.serialize_field("query", &written(|f| self.write_query(f)))?;
        out.end()
    }
}

/// Serializes what a writer function writes, as one string, without an allocator.
struct Written<F>(F);

/// [`Written`], with the closure's argument typed for every formatter lifetime.
fn written<F: Fn(&mut fmt::Formatter<'_>) -> fmt::Result>(write: F) -> Written<F> {
    Written(write)
}

impl<F: Fn(&mut fmt::Formatter<'_>) -> fmt::Result> fmt::Display for Written<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (self.0)(f)
    }
}

impl<F: Fn(&mut fmt::Formatter<'_>) -> fmt::Result> Serialize for Written<F> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use alloc::string::String;

    use oss_naming::Timestamp;

    use crate::v4::{Product, Scope, Settings};
    use crate::{Credentials, Request, SigningKey, presign, sign};

    fn to_json(value: &impl serde::Serialize) -> String {
        serde_json::to_string(value).unwrap_or_default()
    }

    #[test]
    fn authorization_and_signature_are_their_text() -> Result<(), crate::CredentialsError> {
        let key = SigningKey::new("sk");
        let creds = Credentials::new("ak", &key)?;
        let auth = sign(&creds, &Request::new("GET"));
        assert_eq!(to_json(&auth), std::format!("\"{}\"", auth.as_str()));
        assert_eq!(
            to_json(auth.signature()),
            std::format!("\"{}\"", auth.signature().as_str())
        );
        Ok(())
    }

    #[test]
    fn presigned_carries_the_query() -> Result<(), crate::CredentialsError> {
        let key = SigningKey::new("id-secret");
        let creds = Credentials::new("id", &key)?;
        let presigned = presign(
            &creds,
            &Request::new("GET").with_bucket("b").with_key("k"),
            1_422_720_000,
        );
        let json = to_json(&presigned);
        let expected = std::format!(
            r#"{{"expires":1422720000,"signature":"{}","query":"{}"}}"#,
            presigned.signature().as_str(),
            presigned.query()
        );
        assert_eq!(json, expected);
        assert!(!json.contains("id-secret"));
        Ok(())
    }

    #[test]
    fn scope_and_v4_results() -> Result<(), oss_errors::Error> {
        let now =
            Timestamp::from_unix(1_702_743_657).ok_or(oss_errors::Entry::SigningRegionInvalid)?;
        let scope = Scope::new(now, "cn-hangzhou", Product::OssCloudbox)?;
        assert_eq!(
            to_json(&scope),
            r#"{"day":"20231216","region":"cn-hangzhou","product":"oss-cloudbox"}"#
        );
        for product in [Product::Oss, Product::OssCloudbox] {
            let json = to_json(&product);
            assert_eq!(json, std::format!("\"{}\"", product.as_str()));
            assert_eq!(serde_json::from_str::<Product>(&json).ok(), Some(product));
        }

        let key = SigningKey::new("v4-secret");
        let creds =
            Credentials::new("ak", &key).map_err(|_| oss_errors::Entry::SigningRegionInvalid)?;
        let signed = crate::v4::sign(
            &creds,
            &Request::new("GET").with_bucket("b"),
            &Settings::new("cn-hangzhou")?,
            now,
        )?;
        let json = to_json(&signed);
        assert!(json.starts_with(&std::format!(
            r#"{{"authorization":"{}","date":"20231216T"#,
            signed.authorization()
        )));
        assert!(json.contains(r#""headers":{"x-oss-date":"20231216T"#));
        assert!(!json.contains("v4-secret"));
        let presigned = crate::v4::presign(
            &creds,
            &Request::new("GET").with_bucket("b"),
            &Settings::new("cn-hangzhou")?,
            now,
            60,
        )?;
        assert_eq!(
            to_json(&presigned),
            std::format!(
                r#"{{"signature":"{}","query":"{}"}}"#,
                presigned.signature().as_str(),
                presigned.query()
            )
        );
        Ok(())
    }
}
