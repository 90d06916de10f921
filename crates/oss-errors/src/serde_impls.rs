//! `Serialize` and `Deserialize` for [`Error`] (feature `serde`), written by hand because
//! the JSON carries what the value computes (code, status, message ...), not its fields.
//!
//! [`Code`](crate::Code) and [`Entry`](crate::Entry) derive theirs (a code as OSS spells
//! it, an entry by its Rust name); [`ErrorXml`](crate::xml::ErrorXml) derives
//! `Serialize` with [`XmlText`](crate::xml::XmlText) written unescaped.

use core::fmt;

use serde::de::{self, IgnoredAny, MapAccess, Visitor};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{Code, Error};

/// The fields of an [`Error`] that its `Deserialize` reads; every other field is ignored.
#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum Field {
    Code,
    Message,
    #[serde(other)]
    Other,
}

/// The longest message an [`Error`] is read back from: longer ones are no catalogue message.
const MESSAGE_CAPACITY: usize = 1024;

/// A message copied out of the input (unescaped), so no allocator is needed.
struct Message {
    buf: [u8; MESSAGE_CAPACITY],
    len: usize,
}

impl Message {
    fn as_str(&self) -> &str {
        // Only whole `&str`s are copied in, so the bytes are UTF-8.
        core::str::from_utf8(&self.buf[..self.len]).unwrap_or_default()
    }
}

impl<'de> Deserialize<'de> for Message {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MessageVisitor;

        impl Visitor<'_> for MessageVisitor {
            type Value = Message;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an OSS error message")
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Message, E> {
                let mut message = Message {
                    buf: [0; MESSAGE_CAPACITY],
                    len: text.len(),
                };
                message
                    .buf
                    .get_mut(..text.len())
                    .ok_or_else(|| E::invalid_length(text.len(), &self))?
                    .copy_from_slice(text.as_bytes());
                Ok(message)
            }
        }

        deserializer.deserialize_str(MessageVisitor)
    }
}

impl Serialize for Error {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let entry = self.entry();
        let known =
            usize::from(entry.argument_name().is_some()) + usize::from(entry.ec().is_some());
        let mut out = serializer.serialize_struct("Error", 3 + known)?;
        out.serialize_field("code", &self.code())?;
        out.serialize_field("status", &self.status())?;
        out.serialize_field("message", &Displayed(self))?;
        match entry.argument_name() {
            Some(name) => out.serialize_field("argument_name", name)?,
            None => out.skip_field("argument_name")?,
        }
        match entry.ec() {
            Some(ec) => out.serialize_field("ec", ec)?,
            None => out.skip_field("ec")?,
        }
        out.end()
    }
}

impl<'de> Deserialize<'de> for Error {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ErrorVisitor;

        impl<'de> Visitor<'de> for ErrorVisitor {
            type Value = Error;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an OSS error with a code and a message of the catalogue")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Error, A::Error> {
                let mut code: Option<Code> = None;
                let mut message: Option<Message> = None;
                while let Some(field) = map.next_key()? {
                    match field {
                        Field::Code => code = Some(map.next_value()?),
                        Field::Message => message = Some(map.next_value()?),
                        Field::Other => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                let code = code.ok_or_else(|| de::Error::missing_field("code"))?;
                let message = message.ok_or_else(|| de::Error::missing_field("message"))?;
                Error::recognize(code, message.as_str()).ok_or_else(|| {
                    de::Error::invalid_value(de::Unexpected::Str(message.as_str()), &self)
                })
            }
        }

        deserializer.deserialize_struct("Error", &["code", "message"], ErrorVisitor)
    }
}

/// Serializes a value as the text its `Display` writes, without an allocator.
struct Displayed<T>(T);

impl<T: fmt::Display> Serialize for Displayed<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use alloc::string::String;

    use proptest::prelude::*;

    use super::*;
    use crate::Entry;
    use crate::xml::ErrorXml;

    fn to_json(value: &impl Serialize) -> String {
        serde_json::to_string(value).unwrap_or_default()
    }

    #[test]
    fn error_is_the_oss_shape() {
        let err = Error::from(Entry::CallbackNotBase64);
        assert_eq!(
            to_json(&err),
            r#"{"code":"InvalidArgument","status":400,"message":"The callback configuration is not base64 encoded","argument_name":"callback","ec":"0007-00000002"}"#
        );
    }

    #[test]
    fn error_reads_back_from_an_oss_shaped_document() {
        let json = r#"{"valid":false,"message":"Error status : 301.","code":"CallbackFailed","status":203}"#;
        let err: Error = serde_json::from_str(json).unwrap_or(Error::from(Entry::NoSuchKey));
        assert_eq!(err, Error::with_status(Entry::CallbackErrorStatus, 301));
    }

    #[test]
    fn error_with_an_unknown_message_is_refused() {
        let json = r#"{"code":"NoSuchKey","message":"something else"}"#;
        assert!(serde_json::from_str::<Error>(json).is_err());
        assert!(serde_json::from_str::<Error>(r#"{"code":"NoSuchKey"}"#).is_err());
        assert!(serde_json::from_str::<Error>(r#"{"code":"Nope","message":"x"}"#).is_err());
    }

    #[test]
    fn codes_and_entries_are_names() {
        assert_eq!(to_json(&Code::NoSuchKey), r#""NoSuchKey""#);
        assert_eq!(to_json(&Entry::ObjectNameEmpty), r#""ObjectNameEmpty""#);
        assert!(serde_json::from_str::<Code>(r#""nosuchkey""#).is_err());
    }

    #[test]
    fn error_document_serializes_unescaped_and_skips_what_is_missing() {
        let body = "<Error><Code>A</Code><Message>a &amp; b</Message><EC>0002</EC></Error>";
        let doc = ErrorXml::parse(body).unwrap_or_else(|_| unreachable!());
        assert_eq!(
            to_json(&doc),
            r#"{"code":"A","message":"a & b","ec":"0002"}"#
        );
    }

    proptest! {
        #[test]
        fn codes_round_trip(i in 0..Code::ALL.len()) {
            let code = Code::ALL[i];
            prop_assert_eq!(serde_json::from_str::<Code>(&to_json(&code)).ok(), Some(code));
        }

        #[test]
        fn entries_round_trip(i in 0..Entry::ALL.len()) {
            let entry = Entry::ALL[i];
            prop_assert_eq!(serde_json::from_str::<Entry>(&to_json(&entry)).ok(), Some(entry));
        }

        // A number given to an entry without `<N>` is not printed, so not in the JSON:
        // the round trip holds for plain errors and for templates with their number.
        #[test]
        fn errors_round_trip(i in 0..Entry::ALL.len(), status in any::<i32>()) {
            let entry = Entry::ALL[i];
            let err = if entry.message().contains("<N>") {
                Error::with_status(entry, status)
            } else {
                Error::new(entry)
            };
            prop_assert_eq!(serde_json::from_str::<Error>(&to_json(&err)).ok(), Some(err));
        }
    }
}
