//! Writing the XML documents OSS answers with.

use oss_core::errors::xml::escape;

/// An XML document written element by element, values escaped.
#[derive(Debug)]
pub(crate) struct XmlWriter {
    text: String,
}

impl XmlWriter {
    /// A document whose root element is `root`.
    pub(crate) fn new(root: &str) -> Self {
        let mut writer = Self {
            text: String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"),
        };
        writer.open(root);
        writer
    }

    /// Opens `<name>`.
    pub(crate) fn open(&mut self, name: &str) {
        self.text.push('<');
        self.text.push_str(name);
        self.text.push('>');
    }

    /// Closes `</name>`.
    pub(crate) fn close(&mut self, name: &str) {
        self.text.push_str("</");
        self.text.push_str(name);
        self.text.push('>');
    }

    /// `<name>value</name>`.
    pub(crate) fn element(&mut self, name: &str, value: &str) {
        self.open(name);
        // Writing into a String cannot fail.
        let _ = escape(value, &mut self.text);
        self.close(name);
    }

    /// Closes the root element `root` and returns the text.
    pub(crate) fn finish(mut self, root: &str) -> String {
        self.close(root);
        self.text
    }
}
