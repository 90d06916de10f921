//! The request oss-doctor reconstructed from the command line, shown beside every verdict
//! so that "valid" is never said of a request the person did not mean.

use oss_core::naming::Timestamp;
use oss_core::sign::{Credentials, Form, SigningKey, string_to_sign, v4};
use serde_json::{Value, json};

use super::address::decode_path;
use super::request::{Described, Key, decoded};
use crate::report::{Outcome, Output};

/// The request as signed or verified: method, addressing, bucket, key, the resource (V1)
/// or canonical URI (V4), the decoded query and the headers.
#[derive(Debug)]
pub(super) struct Reconstructed {
    method: String,
    addressing: Option<&'static str>,
    why: Option<&'static str>,
    bucket: Option<String>,
    key: Option<String>,
    /// `("resource", ...)` for V1, `("canonical_uri", ...)` for V4.
    path: (&'static str, String),
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    notes: Vec<String>,
}

impl Reconstructed {
    /// The request `described` stands for, as signature version `v4` or V1 signs it.
    pub(super) fn of(described: &Described, v4: bool) -> Self {
        let key = described.key.as_ref().map(|key| match key {
            Key::Raw(raw) => raw.clone(),
            Key::Encoded(path) => String::from_utf8_lossy(&decode_path(path)).into_owned(),
        });
        let address = described.address.as_ref();
        Self {
            method: described.method.clone(),
            addressing: address.map(|address| address.addressing.name()),
            why: address.map(|address| address.addressing.why()),
            bucket: described.bucket.clone(),
            key,
            path: if v4 {
                ("canonical_uri", canonical_uri(described))
            } else {
                ("resource", resource(described))
            },
            query: decoded(described.params()),
            headers: described.headers.clone(),
            notes: address
                .map(|address| address.notes.clone())
                .unwrap_or_default(),
        }
    }

    /// The `reconstructed_request` JSON object.
    fn json(&self) -> Value {
        let pairs = |list: &[(String, String)]| -> Vec<Value> {
            list.iter()
                .map(|(name, value)| json!([name, value]))
                .collect()
        };
        let mut doc = json!({
            "method": self.method,
            "bucket": self.bucket,
            "key": self.key,
            "query": pairs(&self.query),
            "headers": pairs(&self.headers),
        });
        doc[self.path.0] = json!(self.path.1);
        if let (Some(addressing), Some(why)) = (self.addressing, self.why) {
            doc["addressing"] = json!(addressing);
            doc["addressing_reason"] = json!(why);
        }
        if !self.notes.is_empty() {
            doc["notes"] = json!(self.notes);
        }
        doc
    }

    /// The text block for people.
    fn text(&self) -> String {
        let label = if self.path.0 == "resource" {
            "resource"
        } else {
            "canonical URI"
        };
        let mut text = format!(
            "\nrequest reconstructed:\n  method: {}\n  {label}: {}\n",
            self.method, self.path.1
        );
        if let (Some(addressing), Some(why)) = (self.addressing, self.why) {
            text.push_str(&format!("  addressing: {addressing} ({why})\n"));
        }
        let none = || "(none)".to_owned();
        text.push_str(&format!(
            "  bucket: {}\n  key: {}\n",
            self.bucket.clone().unwrap_or_else(none),
            self.key
                .as_ref()
                .map_or_else(none, |key| format!("{key:?}"))
        ));
        for (name, value) in &self.query {
            text.push_str(&format!("  query: {name}={value}\n"));
        }
        for (name, value) in &self.headers {
            text.push_str(&format!("  header: {name}: {value}\n"));
        }
        for note in &self.notes {
            text.push_str(&format!("  note: {note}\n"));
        }
        text
    }

    /// `outcome` with this request added: a `reconstructed_request` field in JSON, a block
    /// after the text. Usage errors stay as they are.
    pub(super) fn attach(&self, outcome: Outcome) -> Outcome {
        let add = |output: Output| match output {
            Output::Json(Value::Object(mut map)) => {
                map.insert("reconstructed_request".into(), self.json());
                Output::Json(Value::Object(map))
            }
            Output::Text(text) => Output::Text(text + &self.text()),
            other @ Output::Json(_) => other,
        };
        match outcome {
            Outcome::Ok(output) => Outcome::Ok(add(output)),
            Outcome::Rejected(output) => Outcome::Rejected(add(output)),
            Outcome::Warned(output, warnings) => Outcome::Warned(add(output), warnings),
            Outcome::Partial(output, message) => Outcome::Partial(add(output), message),
            usage @ Outcome::Usage(_) => usage,
        }
    }
}

/// The V1 canonical resource of `described`: the end of the string-to-sign of the same
/// request without headers, whose first four lines are then `GET` and three empty ones.
fn resource(described: &Described) -> String {
    let mut bare = described.clone();
    "GET".clone_into(&mut bare.method);
    bare.headers.clear();
    let key = SigningKey::new("");
    let Ok(creds) = Credentials::new("id", &key) else {
        return String::new();
    };
    let mut sts = Vec::new();
    string_to_sign(&bare.request(), Form::header(&creds), &mut sts);
    let resource = sts.get(b"GET\n\n\n\n".len()..).unwrap_or_default();
    String::from_utf8_lossy(resource).into_owned()
}

/// The V4 canonical URI of `described`: the second line of the canonical request of the
/// same request without headers.
fn canonical_uri(described: &Described) -> String {
    let mut bare = described.clone();
    "GET".clone_into(&mut bare.method);
    bare.headers.clear();
    let key = SigningKey::new("");
    let (Ok(creds), Ok(settings), Some(now)) = (
        Credentials::new("id", &key),
        v4::Settings::new("cn-hangzhou"),
        Timestamp::from_unix(0),
    ) else {
        return String::new();
    };
    let form = v4::Form::Header {
        settings,
        creds,
        now,
    };
    let mut canonical = Vec::new();
    if v4::canonical_request(&bare.request(), form, &mut canonical).is_err() {
        return String::new();
    }
    let text = String::from_utf8_lossy(&canonical).into_owned();
    text.lines().nth(1).unwrap_or_default().to_owned()
}
