//! PostObject: the form rules, streaming or over a whole body.

mod check;
mod form;
mod options;
mod rules;

pub use check::{PostCheck, PostSignature, PostVerdict};
pub use form::{FilePart, PostForm};
pub use options::PostOptions;
pub use rules::{
    ACCESS_KEY_ID_FIELD, Credentials, FILE_FIELD, FileSummary, KEY_FIELD, POLICY_FIELD, PostRules,
    SIGNATURE_FIELD,
};

#[cfg(test)]
mod tests;
