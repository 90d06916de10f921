//! Reads the decoded JSON of `x-oss-callback` and `x-oss-callback-var` in place: strings
//! are unescaped over their own bytes and maps are packed behind the read cursor, so the
//! results borrow from the buffer and nothing is allocated.

use oss_text::json::{Grammar, Kind, SyntaxError, expect, expect_end, peek, skip_ws};

use crate::pairs::Packer;

/// Callback JSON is RFC 8259 exactly.
const JSON: Grammar = Grammar::RFC_8259;

/// What one configuration field held.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Field {
    /// Not present.
    #[default]
    Absent,
    /// A string: its unescaped bytes are `buf[start..start + len]`.
    Str { start: usize, len: usize },
    /// A boolean.
    Bool(bool),
    /// A flat object of strings, packed into `buf[start..end]`.
    Packed { start: usize, end: usize },
    /// Present with a JSON type the field does not take.
    WrongType,
}

/// The fields of the callback JSON that OSS reads; other keys are ignored.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct RawConfig {
    pub(crate) url: Field,
    pub(crate) host: Field,
    pub(crate) body: Field,
    pub(crate) body_type: Field,
    pub(crate) sni: Field,
    pub(crate) policy: Field,
    pub(crate) headers: Field,
}

#[derive(Clone, Copy)]
enum Key {
    Url,
    Host,
    Body,
    BodyType,
    Sni,
    Policy,
    Headers,
    Other,
}

impl Key {
    fn of(name: &[u8]) -> Self {
        match name {
            b"callbackUrl" => Self::Url,
            b"callbackHost" => Self::Host,
            b"callbackBody" => Self::Body,
            b"callbackBodyType" => Self::BodyType,
            b"callbackSNI" => Self::Sni,
            b"callbackPolicy" => Self::Policy,
            b"additionalHeaders" => Self::Headers,
            _ => Self::Other,
        }
    }
}

/// Calls `member` for each key of the object at `*pos` (its key unescaped at
/// `buf[start..start + len]`, the cursor on the value), which must consume the value.
fn each_member(
    buf: &mut [u8],
    pos: &mut usize,
    mut member: impl FnMut(&mut [u8], &mut usize, usize, usize) -> Result<(), SyntaxError>,
) -> Result<(), SyntaxError> {
    expect(buf, pos, b'{')?;
    let after = skip_ws(buf, *pos);
    if buf.get(after) == Some(&b'}') {
        *pos = after + 1;
        return Ok(());
    }
    loop {
        let start = skip_ws(buf, *pos);
        let len = JSON.unescape_in_place(buf, pos, start)?;
        expect(buf, pos, b':')?;
        member(buf, pos, start, len)?;
        if expect(buf, pos, b',').is_err() {
            return expect(buf, pos, b'}');
        }
    }
}

/// Unescapes the string value at `*pos` over itself.
fn string_field(buf: &mut [u8], pos: &mut usize) -> Result<Field, SyntaxError> {
    let start = skip_ws(buf, *pos);
    let len = JSON.unescape_in_place(buf, pos, start)?;
    Ok(Field::Str { start, len })
}

/// Reads the whole callback JSON text in `buf`.
pub(crate) fn parse_config(buf: &mut [u8]) -> Result<RawConfig, SyntaxError> {
    let mut raw = RawConfig::default();
    let mut pos = 0;
    // The members' values are one level deep.
    each_member(buf, &mut pos, |buf, pos, start, len| {
        let key = Key::of(&buf[start..start + len]);
        let kind = peek(buf, pos);
        let field = match (key, kind) {
            (Key::Other, _) => return JSON.skip_value(buf, pos, 1),
            (
                Key::Url | Key::Host | Key::Body | Key::BodyType | Key::Policy,
                Some(Kind::String),
            ) => string_field(buf, pos)?,
            (Key::Sni, Some(Kind::Bool(value))) => {
                JSON.skip_value(buf, pos, 1)?;
                Field::Bool(value)
            }
            (Key::Headers, Some(Kind::Object)) => {
                pack_object(buf, pos, 1)?.unwrap_or(Field::WrongType)
            }
            _ => {
                JSON.skip_value(buf, pos, 1)?;
                Field::WrongType
            }
        };
        // A repeated key keeps its last value, as most JSON parsers do.
        *match key {
            Key::Url => &mut raw.url,
            Key::Host => &mut raw.host,
            Key::Body => &mut raw.body,
            Key::BodyType => &mut raw.body_type,
            Key::Sni => &mut raw.sni,
            Key::Policy => &mut raw.policy,
            Key::Headers | Key::Other => &mut raw.headers,
        } = field;
        Ok(())
    })?;
    expect_end(buf, pos)?;
    Ok(raw)
}

/// Reads a JSON text that must be one flat object of strings: `Some(Field::Packed)`, or
/// `None` when it is JSON but some value is not a string.
pub(crate) fn parse_flat_object(buf: &mut [u8]) -> Result<Option<Field>, SyntaxError> {
    let mut pos = 0;
    let field = pack_object(buf, &mut pos, 0)?;
    expect_end(buf, pos)?;
    Ok(field)
}

/// Packs the object at `*pos`, `depth` levels deep, into length-prefixed pairs written
/// over its own bytes. `None` when a value is not a string (the rest is still checked
/// for JSON grammar).
fn pack_object(
    buf: &mut [u8],
    pos: &mut usize,
    depth: usize,
) -> Result<Option<Field>, SyntaxError> {
    *pos = skip_ws(buf, *pos);
    let mut packer = Packer {
        start: *pos,
        end: *pos,
    };
    let mut flat = true;
    each_member(buf, pos, |buf, pos, start, len| {
        if !flat {
            return JSON.skip_value(buf, pos, depth + 1);
        }
        // The key was unescaped at `start`; move it behind the write cursor.
        let key_at = packer.string_start();
        buf.copy_within(start..start + len, key_at);
        packer.commit(buf, len);
        if peek(buf, pos) == Some(Kind::String) {
            let len = JSON.unescape_in_place(buf, pos, packer.string_start())?;
            packer.commit(buf, len);
            Ok(())
        } else {
            flat = false;
            JSON.skip_value(buf, pos, depth + 1)
        }
    })?;
    Ok(flat.then_some(Field::Packed {
        start: packer.start,
        end: packer.end,
    }))
}

#[cfg(test)]
mod tests {
    use std::prelude::rust_2024::*;

    use super::*;
    use crate::pairs::Pairs;

    fn packed(text: &str) -> Option<Vec<(String, String)>> {
        let mut buf = text.as_bytes().to_vec();
        match parse_flat_object(&mut buf).ok()?? {
            Field::Packed { start, end } => Some(
                Pairs::packed(&buf[start..end])
                    .iter()
                    .map(|(k, v)| (k.into(), v.into()))
                    .collect(),
            ),
            _ => None,
        }
    }

    #[test]
    fn packs_flat_objects_over_themselves() {
        let pairs = packed(r#" { "x:a" : "1", "x:\u0062" : "t\"wo" ,"x:c":""} "#).unwrap();
        assert_eq!(
            pairs,
            [
                ("x:a".into(), "1".into()),
                ("x:b".into(), "t\"wo".into()),
                ("x:c".into(), String::new())
            ]
        );
        assert_eq!(packed("{}").unwrap(), []);
        assert_eq!(packed(r#"{"a":{"b":"c"}}"#), None);
        assert_eq!(packed(r#"{"a":"b",}"#), None);
        assert_eq!(packed(r#"["a"]"#), None);
    }

    #[test]
    fn reads_config_fields() {
        let mut buf = br#"{"callbackUrl":"http:\/\/a.cn","callbackSNI":true,"x":[1,{"y":null}],"callbackBody":1}"#.to_vec();
        let raw = parse_config(&mut buf).unwrap();
        let Field::Str { start, len } = raw.url else {
            unreachable!("{raw:?}")
        };
        assert_eq!(&buf[start..start + len], b"http://a.cn");
        assert_eq!(raw.sni, Field::Bool(true));
        assert_eq!(raw.body, Field::WrongType);
        assert_eq!(raw.host, Field::Absent);
    }
}
