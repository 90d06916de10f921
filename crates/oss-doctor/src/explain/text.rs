//! `explain` for a person: the error as received, then the catalogue's match, each under
//! its own heading so a catalogue guess is never read as something OSS sent.

use core::fmt::Write as _;

use oss_core::errors::xml::TROUBLESHOOT_URL;
use oss_core::errors::{Code, Entry};

use super::describe::{Explanation, Received};

impl Explanation {
    /// The text for a person debugging a failed request.
    pub(super) fn to_text(&self) -> String {
        let mut text = String::new();
        if let Some(received) = &self.received {
            write_received(&mut text, &self.code_text, received);
            text.push('\n');
        }
        let Some(code) = self.code else {
            self.write_unknown_code(&mut text);
            return text;
        };
        if self.received.is_some() {
            self.write_match(&mut text, code);
        } else {
            self.write_code(&mut text, code);
        }
        text
    }

    fn write_unknown_code(&self, text: &mut String) {
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
        if let (None, Some(message)) = (&self.received, &self.message_text) {
            let _ = writeln!(text, "Message given: {message}");
        }
    }

    /// `explain CODE [--message TEXT]`: everything here is the catalogue's.
    fn write_code(&self, text: &mut String, code: Code) {
        let _ = writeln!(
            text,
            "{} (HTTP {})",
            code.as_str(),
            self.status().unwrap_or(0)
        );
        let _ = writeln!(text, "Meaning:    {}", code.meaning());
        if let Some(message) = self
            .catalogue_message()
            .or_else(|| self.message_text.clone())
        {
            let _ = writeln!(text, "Message:    {message}");
        }
        self.write_advice(text, code);
        if let Some(entry) = self.entry {
            write_entry_facts(text, entry);
        }
    }

    /// `explain --xml`: the catalogue's match, labelled as such.
    fn write_match(&self, text: &mut String, code: Code) {
        match self.entry {
            Some(entry) => {
                let _ = writeln!(
                    text,
                    "Catalogue match: {} ({}, HTTP {})",
                    entry.name(),
                    code.as_str(),
                    entry.status()
                );
            }
            None => {
                let _ = writeln!(
                    text,
                    "Catalogue: {} (HTTP {}), no entry for this message",
                    code.as_str(),
                    code.status()
                );
            }
        }
        let _ = writeln!(text, "Meaning:    {}", code.meaning());
        if let Some(message) = self.catalogue_message() {
            let _ = writeln!(text, "Catalogue message: {message}");
        }
        self.write_advice(text, code);
        if let Some(entry) = self.entry {
            write_entry_facts(text, entry);
        }
    }

    /// The hint, or what the catalogue knows instead.
    fn write_advice(&self, text: &mut String, code: Code) {
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
            (None, None) if code.entries().is_empty() => {
                let _ = writeln!(
                    text,
                    "No source gives a message for this code yet ({}: {}).",
                    code.source().label(),
                    code.origin()
                );
            }
            (None, None) => {
                let _ = writeln!(
                    text,
                    "The catalogue knows {} messages with this code:",
                    code.entries().len()
                );
                for entry in code.entries() {
                    let _ = writeln!(text, "  - {}\n      {}", entry.message(), entry.hint());
                }
            }
        }
    }
}

/// The catalogue's ArgumentName, typical EC and source for `entry`.
fn write_entry_facts(text: &mut String, entry: Entry) {
    if let Some(name) = entry.argument_name() {
        let _ = writeln!(text, "Argument:   {name}");
    }
    if let Some(ec) = entry.ec() {
        let _ = writeln!(
            text,
            "Typical EC: {ec} (the catalogue's; OSS's EC also depends on the operation)"
        );
    }
    let _ = writeln!(
        text,
        "Source:     {} ({})",
        entry.source().label(),
        entry.origin()
    );
}

/// The body's values, exactly as sent.
fn write_received(text: &mut String, code: &str, received: &Received) {
    let _ = writeln!(text, "Received (exactly as sent):");
    let lines = [
        ("Code", Some(code)),
        ("Message", received.message.as_deref()),
        ("EC", received.ec.as_deref()),
        ("RequestId", received.request_id.as_deref()),
        ("HostId", received.host_id.as_deref()),
        ("ArgumentName", received.argument_name.as_deref()),
        ("ArgumentValue", received.argument_value.as_deref()),
        ("Header", received.header.as_deref()),
        ("RecommendDoc", received.recommend_doc.as_deref()),
    ];
    for (label, value) in lines {
        if let Some(value) = value {
            let _ = writeln!(text, "  {label:<14}{value}");
        }
    }
    for (name, value) in &received.other {
        let _ = writeln!(text, "  {name}: {value}");
    }
    if let Some(ec) = &received.ec {
        let _ = writeln!(text, "  (EC page: {TROUBLESHOOT_URL}{ec})");
    }
    if received.request_id.is_some() {
        let _ = writeln!(
            text,
            "  (Quote the RequestId when you ask Alibaba Cloud support about this request.)"
        );
    }
}
