//! What `explain` found, and how it is printed: one JSON document, or text for a person.

use core::fmt::Write as _;

use oss_core::errors::xml::{ErrorXml, TROUBLESHOOT_URL, XmlText};
use oss_core::errors::{Code, Entry, Error};
use serde_json::{Map, Value, json};

use super::suggest::{closest_message, codes_like};

/// The values an XML error body carried besides the code and message.
#[derive(Debug, Default)]
pub(super) struct FromXml {
    request_id: Option<String>,
    host_id: Option<String>,
    argument_name: Option<String>,
    argument_value: Option<String>,
    header: Option<String>,
    ec: Option<String>,
    recommend_doc: Option<String>,
    /// Every other element, in document order.
    other: Vec<(String, String)>,
}

fn owned(text: Option<XmlText<'_>>) -> Option<String> {
    text.map(|text| text.to_cow().into_owned())
}

/// Everything `explain` has to say.
#[derive(Debug)]
pub(super) struct Explanation {
    /// The code as given.
    code_text: String,
    code: Option<Code>,
    /// The message as given (unescaped, for XML).
    message_text: Option<String>,
    /// The catalogue error the (code, message) pair is.
    recognized: Option<Error>,
    /// The entry to explain: the recognized one, or the only entry of the code.
    entry: Option<Entry>,
    xml: Option<FromXml>,
    suggested_codes: Vec<Code>,
    closest: Option<Entry>,
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
            xml: None,
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
        let code = doc.code().to_cow();
        let message = owned(doc.message());
        let mut explanation = Self::new(&code, message.as_deref());
        explanation.xml = Some(FromXml {
            request_id: owned(doc.request_id()),
            host_id: owned(doc.host_id()),
            argument_name: owned(doc.argument_name()),
            argument_value: owned(doc.argument_value()),
            header: owned(doc.header()),
            ec: owned(doc.ec()),
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

    /// The message to show: as OSS sends it for a recognized error, else as given, else
    /// the only message of the code.
    fn message(&self) -> Option<String> {
        match (self.recognized, &self.message_text, self.entry) {
            (Some(error), _, _) => Some(error.to_string()),
            (None, Some(given), _) => Some(given.clone()),
            (None, None, Some(entry)) => Some(entry.message().to_owned()),
            (None, None, None) => None,
        }
    }

    fn argument_name(&self) -> Option<&str> {
        let from_xml = self
            .xml
            .as_ref()
            .and_then(|xml| xml.argument_name.as_deref());
        from_xml.or_else(|| self.entry.and_then(Entry::argument_name))
    }

    fn ec(&self) -> Option<&str> {
        let from_xml = self.xml.as_ref().and_then(|xml| xml.ec.as_deref());
        from_xml.or_else(|| self.entry.and_then(Entry::ec))
    }

    /// The JSON document: `{"known","code","status","message","messages","hint"}` and
    /// whatever else is known.
    pub(super) fn to_json(&self) -> Value {
        let mut doc = Map::new();
        doc.insert("known".into(), json!(self.known()));
        doc.insert("code".into(), json!(self.code_text));
        let status = self
            .entry
            .map(Entry::status)
            .or(self.code.map(Code::status));
        doc.insert("status".into(), json!(status));
        doc.insert("message".into(), json!(self.message()));
        let messages: Vec<&str> = self
            .code
            .map(|code| code.entries().iter().map(|e| e.message()).collect())
            .unwrap_or_default();
        doc.insert("messages".into(), json!(messages));
        doc.insert("hint".into(), json!(self.entry.map(Entry::hint)));
        doc.insert("meaning".into(), json!(self.code.map(Code::meaning)));
        doc.insert("entry".into(), json!(self.entry.map(Entry::name)));
        if let Some(status) = self.recognized.and_then(Error::reported_status) {
            doc.insert("reported_status".into(), json!(status));
        }
        if let Some(name) = self.argument_name() {
            doc.insert("argument_name".into(), json!(name));
        }
        if let Some(ec) = self.ec() {
            doc.insert("ec".into(), json!(ec));
        }
        if let Some(xml) = &self.xml {
            let optional = [
                ("request_id", &xml.request_id),
                ("host_id", &xml.host_id),
                ("argument_value", &xml.argument_value),
                ("header", &xml.header),
                ("recommend_doc", &xml.recommend_doc),
            ];
            for (key, value) in optional {
                if let Some(value) = value {
                    doc.insert(key.into(), json!(value));
                }
            }
            if !xml.other.is_empty() {
                let other: Map<String, Value> = xml
                    .other
                    .iter()
                    .map(|(k, v)| (k.clone(), json!(v)))
                    .collect();
                doc.insert("fields".into(), Value::Object(other));
            }
        }
        if self.code.is_none() {
            let names: Vec<&str> = self
                .suggested_codes
                .iter()
                .map(|code| code.as_str())
                .collect();
            doc.insert("suggestions".into(), json!(names));
        }
        if let Some(closest) = self.closest {
            doc.insert("closest_message".into(), json!(closest.message()));
        }
        Value::Object(doc)
    }

    /// The text for a person debugging a failed request.
    pub(super) fn to_text(&self) -> String {
        let mut text = String::new();
        let Some(code) = self.code else {
            let _ = writeln!(
                text,
                "{:?} is not an OSS error code this catalogue knows.",
                self.code_text
            );
            if !self.suggested_codes.is_empty() {
                let names: Vec<String> = self
                    .suggested_codes
                    .iter()
                    .map(|c| format!("{} (HTTP {})", c.as_str(), c.status()))
                    .collect();
                let _ = writeln!(text, "Did you mean: {}?", names.join(", "));
            }
            if let Some(message) = &self.message_text {
                let _ = writeln!(text, "Message given: {message}");
            }
            self.write_xml_details(&mut text);
            return text;
        };
        let status = self.entry.map_or(code.status(), Entry::status);
        let _ = writeln!(text, "{} (HTTP {status})", code.as_str());
        let _ = writeln!(text, "Meaning:    {}", code.meaning());
        if let Some(message) = self.message() {
            let _ = writeln!(text, "Message:    {message}");
        }
        match (self.entry, &self.message_text) {
            (Some(entry), _) => {
                let _ = writeln!(text, "What to do: {}", entry.hint());
            }
            (None, Some(_)) => {
                let _ = writeln!(
                    text,
                    "This message is not one the catalogue knows for {}.",
                    code.as_str()
                );
                if let Some(closest) = self.closest {
                    let _ = writeln!(text, "Closest known message: {}", closest.message());
                    let _ = writeln!(text, "What to do: {}", closest.hint());
                }
            }
            (None, None) => {
                let _ = writeln!(
                    text,
                    "OSS sends {} messages with this code:",
                    code.entries().len()
                );
                for entry in code.entries() {
                    let _ = writeln!(text, "  - {}\n      {}", entry.message(), entry.hint());
                }
            }
        }
        if let Some(name) = self.argument_name() {
            let _ = writeln!(text, "Argument:   {name}");
        }
        if let Some(ec) = self.ec() {
            let _ = writeln!(text, "EC:         {ec} (see {TROUBLESHOOT_URL}{ec})");
        }
        self.write_xml_details(&mut text);
        text
    }

    fn write_xml_details(&self, text: &mut String) {
        let Some(xml) = &self.xml else { return };
        let lines = [
            ("ArgumentValue", &xml.argument_value),
            ("Header", &xml.header),
            ("RequestId", &xml.request_id),
            ("HostId", &xml.host_id),
            ("RecommendDoc", &xml.recommend_doc),
        ];
        for (label, value) in lines {
            if let Some(value) = value {
                let _ = writeln!(text, "{label:<11} {value}");
            }
        }
        for (name, value) in &xml.other {
            let _ = writeln!(text, "{name}: {value}");
        }
        if xml.request_id.is_some() {
            let _ = writeln!(
                text,
                "(Quote the RequestId when you ask Alibaba Cloud support about this request.)"
            );
        }
    }
}
