//! ListObjectsV2 (`GET /?list-type=2`).

use oss_core::errors::Entry;
use oss_core::naming::{Timestamp, parse_decimal, percent};

use super::Emulator;
use super::receive::hex_upper;
use super::respond::{self, Ctx, Reply};
use super::target::Target;
use super::xml::XmlWriter;

/// The most keys one page may hold, and the default.
const MAX_KEYS: u64 = 1000;
const DEFAULT_MAX_KEYS: u64 = 100;

/// One entry of a page: an object, or a common prefix.
enum Listed {
    Object(alloc::sync::Arc<super::store::Meta>),
    Prefix(String),
}

/// The continuation token: the last entry of the previous page, in hex (opaque to
/// clients, as OSS's are, and free of characters that need encoding).
fn token_of(text: &str) -> String {
    hex_upper(text.as_bytes())
}

fn text_of_token(token: &str) -> Option<String> {
    if !token.len().is_multiple_of(2) {
        return None;
    }
    let bytes = (0..token.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(token.get(i..i + 2)?, 16).ok())
        .collect::<Option<Vec<u8>>>()?;
    String::from_utf8(bytes).ok()
}

/// ListObjectsV2.
pub(crate) fn list(emu: &Emulator, ctx: &Ctx<'_>, bucket: &str, target: &Target) -> Reply {
    let prefix = target.param("prefix").unwrap_or("");
    let delimiter = target.param("delimiter").unwrap_or("");
    let max_keys = match target
        .non_empty("max-keys")
        .map(|text| parse_decimal(text.as_bytes()))
    {
        None => DEFAULT_MAX_KEYS,
        Some(Some(keys)) if keys <= MAX_KEYS => keys,
        Some(_) => return ctx.error(Entry::ArgumentInvalid),
    };
    let url_encoded = match target.non_empty("encoding-type") {
        None => false,
        Some("url") => true,
        Some(_) => return ctx.error(Entry::ArgumentInvalid),
    };
    let start_after = target.param("start-after").unwrap_or("");
    let resume = match target.non_empty("continuation-token") {
        None => None,
        Some(token) => match text_of_token(token) {
            Some(text) => Some(text),
            None => return ctx.error(Entry::ArgumentInvalid),
        },
    };
    let start = match &resume {
        Some(resume) if resume.as_str() > start_after => resume.as_str(),
        _ => start_after,
    };
    // Resuming after a common prefix skips the keys it rolled up.
    let skip_under = resume
        .as_deref()
        .filter(|resume| !delimiter.is_empty() && resume.ends_with(delimiter));
    let mut entries = Vec::new();
    let mut truncated = false;
    emu.store.scan(bucket, start, |meta| {
        if skip_under.is_some_and(|rolled| meta.key.starts_with(rolled)) {
            return true;
        }
        let Some(rest) = meta.key.strip_prefix(prefix) else {
            // Keys are sorted: once past the prefix, nothing more matches.
            return meta.key.as_str() < prefix;
        };
        let entry = match rest.find(delimiter).filter(|_| !delimiter.is_empty()) {
            Some(at) => {
                let common = &meta.key[..prefix.len() + at + delimiter.len()];
                if matches!(entries.last(), Some(Listed::Prefix(last)) if last == common) {
                    return true;
                }
                Listed::Prefix(common.to_owned())
            }
            None => Listed::Object(alloc::sync::Arc::new((*meta).clone())),
        };
        if entries.len() as u64 == max_keys {
            truncated = true;
            return false;
        }
        entries.push(entry);
        true
    });
    let encode = |text: &str| -> String {
        if url_encoded {
            let mut out = String::new();
            let _ = percent::encode_path(text.as_bytes(), &mut out);
            out
        } else {
            text.to_owned()
        }
    };
    let mut xml = XmlWriter::new("ListBucketResult");
    xml.element("Name", bucket);
    xml.element("Prefix", &encode(prefix));
    if let Some(token) = target.non_empty("continuation-token") {
        xml.element("ContinuationToken", token);
    }
    if !start_after.is_empty() {
        xml.element("StartAfter", &encode(start_after));
    }
    xml.element("MaxKeys", &max_keys.to_string());
    xml.element("Delimiter", &encode(delimiter));
    if url_encoded {
        xml.element("EncodingType", "url");
    }
    xml.element("IsTruncated", if truncated { "true" } else { "false" });
    if truncated {
        let last = match entries.last() {
            Some(Listed::Object(meta)) => meta.key.as_str(),
            Some(Listed::Prefix(common)) => common.as_str(),
            None => "",
        };
        xml.element("NextContinuationToken", &token_of(last));
    }
    xml.element("KeyCount", &entries.len().to_string());
    for entry in &entries {
        match entry {
            Listed::Object(meta) => {
                xml.open("Contents");
                xml.element("Key", &encode(&meta.key));
                let modified = Timestamp::from_unix(meta.last_modified)
                    .map(|time| time.iso8601().to_string())
                    .unwrap_or_default();
                xml.element("LastModified", &modified);
                xml.element("ETag", &format!("\"{}\"", meta.etag));
                xml.element("Type", &meta.object_type);
                xml.element("Size", &meta.size.to_string());
                xml.element("StorageClass", "Standard");
                xml.close("Contents");
            }
            Listed::Prefix(common) => {
                xml.open("CommonPrefixes");
                xml.element("Prefix", &encode(common));
                xml.close("CommonPrefixes");
            }
        }
    }
    respond::xml(xml.finish("ListBucketResult"))
}
