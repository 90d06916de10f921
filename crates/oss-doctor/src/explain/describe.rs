//! What `explain` found: the error as received (for an XML body, every value exactly as
//! sent) and, apart from it, the catalogue's match; printed as one JSON document.
//!
//! For `--xml` and `--x-oss-err`, the top-level `code`, `message`, `ec`, `request_id`,
//! `host_id` and the other element values are the body's, exactly as sent (unescaped,
//! with only the XML whitespace around them dropped); a value the body lacks is absent.
//! What the catalogue adds (its entry, message, hint, typical EC, source) sits in the
//! `catalogue` object, never in place of a received value; the contract's top-level
//! `status`, `messages`, `hint` (and `meaning`, `entry`) are the catalogue's too, as no
//! body carries them.

use oss_core::errors::xml::{ErrorXml, XmlText};
use oss_core::errors::{Code, Entry, Error};
use serde_json::{Map, Value, json};

use super::suggest::{closest_message, codes_like};

/// An XML error body's values, exactly as sent.
#[derive(Debug, Default)]
pub(super) struct Received {
    pub(super) message: Option<String>,
    pub(super) ec: Option<String>,
    pub(super) request_id: Option<String>,
    pub(super) host_id: Option<String>,
    pub(super) argument_name: Option<String>,
    pub(super) argument_value: Option<String>,
    pub(super) header: Option<String>,
    pub(super) recommend_doc: Option<String>,
    /// Every other element, in document order.
    pub(super) other: Vec<(String, String)>,
}

fn owned(text: Option<XmlText<'_>>) -> Option<String> {
    text.map(|text| text.to_cow().into_owned())
}

/// Everything `explain` has to say.
#[derive(Debug)]
pub(super) struct Explanation {
    /// The code as given or sent.
    pub(super) code_text: String,
    pub(super) code: Option<Code>,
    /// The message as given (unescaped, for XML).
    pub(super) message_text: Option<String>,
    /// The catalogue error the (code, message) pair is.
    pub(super) recognized: Option<Error>,
    /// The catalogue entry to explain: the recognized one, or the only entry of the code.
    pub(super) entry: Option<Entry>,
    /// The body, when one was explained.
    pub(super) received: Option<Received>,
    pub(super) suggested_codes: Vec<Code>,
    pub(super) closest: Option<Entry>,
}

impl Explanation {
    /// Explains a code and, optionally, a message.
    pub(super) fn new(code_text: &str, message_text: Option<&str>) -> Self {
        let code = Code::from_name(code_text.trim());
        let recognized = code
            .zip(message_text)
            .and_then(|(code, message)| Error::recognize(code, message));
        let entry = recognized
            .map(Error::entry)
            .or_else(|| match (code, message_text) {
                (Some(code), None) => match code.entries() {
                    [only] => Some(*only),
                    _ => None,
                },
                _ => None,
            });
        let closest = match (code, message_text, recognized) {
            (Some(code), Some(message), None) => closest_message(code, message),
            _ => None,
        };
        Self {
            code_text: code_text.to_owned(),
            code,
            message_text: message_text.map(str::to_owned),
            recognized,
            entry,
            received: None,
            suggested_codes: if code.is_none() {
                codes_like(code_text)
            } else {
                Vec::new()
            },
            closest,
        }
    }

    /// Explains a parsed error body.
    pub(super) fn from_xml(doc: &ErrorXml<'_>) -> Self {
        let message = owned(doc.message());
        let mut explanation = Self::new(&doc.code().to_cow(), message.as_deref());
        explanation.received = Some(Received {
            message,
            ec: owned(doc.ec()),
            request_id: owned(doc.request_id()),
            host_id: owned(doc.host_id()),
            argument_name: owned(doc.argument_name()),
            argument_value: owned(doc.argument_value()),
            header: owned(doc.header()),
            recommend_doc: owned(doc.recommend_doc()),
            other: doc
                .fields()
                .filter(|(name, _)| !ErrorXml::STANDARD_ELEMENTS.contains(name))
                .map(|(name, value)| (name.to_owned(), value.to_cow().into_owned()))
                .collect(),
        });
        explanation
    }

    /// Whether the code is in the catalogue, and the message too when one was given.
    pub(super) fn known(&self) -> bool {
        self.code.is_some() && (self.message_text.is_none() || self.recognized.is_some())
    }

    /// The catalogue's wording of the message: the recognized error (a template with its
    /// number), else the only message of the code.
    pub(super) fn catalogue_message(&self) -> Option<String> {
        self.recognized
            .map(|error| error.to_string())
            .or_else(|| self.entry.map(|entry| entry.message().to_owned()))
    }

    /// The message to show at the top level: a body's exactly as sent; otherwise the
    /// catalogue's wording, else the text given.
    fn message(&self) -> Option<String> {
        match &self.received {
            Some(received) => received.message.clone(),
            None => self
                .catalogue_message()
                .or_else(|| self.message_text.clone()),
        }
    }

    /// The HTTP status OSS sends with the entry (or the code).
    pub(super) fn status(&self) -> Option<u16> {
        self.entry
            .map(Entry::status)
            .or(self.code.map(Code::status))
    }

    /// The JSON document: `{"known","code","status","message","messages","hint"}`, the
    /// received values, and the `catalogue` match.
    pub(super) fn to_json(&self) -> Value {
        let mut doc = Map::new();
        doc.insert("known".into(), json!(self.known()));
        doc.insert("code".into(), json!(self.code_text));
        doc.insert("status".into(), json!(self.status()));
        doc.insert("message".into(), json!(self.message()));
        let messages: Vec<&str> = self
            .code
            .map(|code| code.entries().iter().map(|e| e.message()).collect())
            .unwrap_or_default();
        doc.insert("messages".into(), json!(messages));
        doc.insert("hint".into(), json!(self.entry.map(Entry::hint)));
        doc.insert("meaning".into(), json!(self.code.map(Code::meaning)));
        if let Some(code) = self.code {
            doc.insert("code_source".into(), json!(code.source().label()));
            doc.insert("code_origin".into(), json!(code.origin()));
        }
        doc.insert("entry".into(), json!(self.entry));
        if let Some(status) = self.recognized.and_then(Error::reported_status) {
            doc.insert("reported_status".into(), json!(status));
        }
        match &self.received {
            Some(received) => insert_received(&mut doc, received),
            None => {
                if let Some(name) = self.entry.and_then(Entry::argument_name) {
                    doc.insert("argument_name".into(), json!(name));
                }
            }
        }
        if let Some(catalogue) = self.catalogue_json() {
            doc.insert("catalogue".into(), catalogue);
        }
        if self.code.is_none() {
            let names: Vec<&str> = self.suggested_codes.iter().map(|c| c.as_str()).collect();
            doc.insert("suggestions".into(), json!(names));
        }
        if let Some(closest) = self.closest {
            doc.insert("closest_message".into(), json!(closest.message()));
        }
        Value::Object(doc)
    }

    /// The catalogue's match, labelled as such: `{"entry","message","status","hint",
    /// "typical_ec","argument_name","source","origin"}`.
    fn catalogue_json(&self) -> Option<Value> {
        let entry = self.entry?;
        Some(json!({
            "entry": entry.name(),
            "message": self.catalogue_message(),
            "status": entry.status(),
            "hint": entry.hint(),
            "typical_ec": entry.ec(),
            "argument_name": entry.argument_name(),
            "source": entry.source().label(),
            "origin": entry.origin(),
        }))
    }
}

/// The body's values, each under its own key, and `fields` for the others.
fn insert_received(doc: &mut Map<String, Value>, received: &Received) {
    let values = [
        ("ec", &received.ec),
        ("request_id", &received.request_id),
        ("host_id", &received.host_id),
        ("argument_name", &received.argument_name),
        ("argument_value", &received.argument_value),
        ("header", &received.header),
        ("recommend_doc", &received.recommend_doc),
    ];
    for (key, value) in values {
        if let Some(value) = value {
            doc.insert(key.into(), json!(value));
        }
    }
    if !received.other.is_empty() {
        let other: Map<String, Value> = received
            .other
            .iter()
            .map(|(k, v)| (k.clone(), json!(v)))
            .collect();
        doc.insert("fields".into(), Value::Object(other));
    }
}
