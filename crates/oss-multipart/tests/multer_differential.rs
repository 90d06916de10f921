//! Differential test: our form parser against `multer` on generated bodies.
//!
//! Both parse the same bytes, fed in the same random chunks; they must agree on every
//! part (name, filename, content type, body) or both reject the body.
#![allow(missing_docs)]

use core::convert::Infallible;

use bytes::Bytes;
use oss_multipart::{Boundary, Event, FormParser, Limits};
use proptest::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq)]
struct Field {
    name: Vec<u8>,
    filename: Option<Vec<u8>>,
    content_type: Option<Vec<u8>>,
    data: Vec<u8>,
}

fn ours(boundary: &str, chunks: &[Vec<u8>]) -> Option<Vec<Field>> {
    let boundary = Boundary::new(boundary.as_bytes()).ok()?;
    let mut parser = FormParser::new(&boundary, Limits::DEFAULT.with_part_headers(1 << 20));
    let mut fields: Vec<Field> = Vec::new();
    let mut held = Vec::new();
    for chunk in chunks {
        held.extend_from_slice(chunk);
        let mut start = 0;
        loop {
            let step = parser.parse(&held[start..]).ok()?;
            start += step.consumed;
            match step.event {
                Some(Event::Part(h)) => fields.push(Field {
                    name: h.name().to_vec(),
                    filename: h.filename().map(<[u8]>::to_vec),
                    content_type: h.content_type().map(<[u8]>::to_vec),
                    data: Vec::new(),
                }),
                Some(Event::Data(d)) => fields.last_mut()?.data.extend_from_slice(d),
                Some(Event::End) => return Some(fields),
                Some(_) => {}
                None => break,
            }
        }
        held.drain(..start);
    }
    parser.finish().ok()?;
    Some(fields)
}

fn theirs(boundary: &str, chunks: &[Vec<u8>]) -> Option<Vec<Field>> {
    let stream = futures::stream::iter(
        chunks
            .iter()
            .map(|c| Ok::<_, Infallible>(Bytes::from(c.clone()))),
    );
    let mut multipart = multer::Multipart::new(stream, boundary);
    futures::executor::block_on(async {
        let mut fields = Vec::new();
        while let Some(field) = multipart.next_field().await.ok()? {
            let name = field.name().unwrap_or_default().as_bytes().to_vec();
            let filename = field.file_name().map(|f| f.as_bytes().to_vec());
            let content_type = field
                .headers()
                .get("content-type")
                .map(|v| v.as_bytes().to_vec());
            let data = field.bytes().await.ok()?.to_vec();
            fields.push(Field {
                name,
                filename,
                content_type,
                data,
            });
        }
        Some(fields)
    })
}

fn body(boundary: &str, fields: &[Field]) -> Vec<u8> {
    let mut out = Vec::new();
    for field in fields {
        out.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"").as_bytes(),
        );
        out.extend_from_slice(&field.name);
        out.push(b'"');
        if let Some(filename) = &field.filename {
            out.extend_from_slice(b"; filename=\"");
            out.extend_from_slice(filename);
            out.push(b'"');
        }
        out.extend_from_slice(b"\r\n");
        if let Some(ct) = &field.content_type {
            out.extend_from_slice(b"Content-Type: ");
            out.extend_from_slice(ct);
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(b"\r\n");
        out.extend_from_slice(&field.data);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    out
}

fn split(body: &[u8], sizes: &[usize]) -> Vec<Vec<u8>> {
    let mut chunks = Vec::new();
    let mut rest = body;
    for &size in sizes.iter().cycle() {
        if rest.is_empty() {
            break;
        }
        let (chunk, tail) = rest.split_at(size.min(rest.len()));
        chunks.push(chunk.to_vec());
        rest = tail;
    }
    chunks
}

fn field(boundary: String) -> impl Strategy<Value = Field> {
    let near = format!("\r\n--{}", &boundary[..boundary.len() - 1]).into_bytes();
    let piece = prop_oneof![
        Just(b"\r\n".to_vec()),
        Just(b"\r\n--".to_vec()),
        Just(b"\r".to_vec()),
        Just(near),
        prop::collection::vec(any::<u8>(), 0..16),
    ];
    (
        "[a-zA-Z0-9_-]{1,12}",
        proptest::option::of("[a-zA-Z0-9._-]{1,12}"),
        proptest::option::of("(text/plain|image/png|application/octet-stream)"),
        prop::collection::vec(piece, 0..6),
    )
        .prop_map(|(name, filename, content_type, pieces)| Field {
            name: name.into_bytes(),
            filename: filename.map(String::into_bytes),
            content_type: content_type.map(String::into_bytes),
            data: pieces.concat(),
        })
}

fn form() -> impl Strategy<Value = (String, Vec<Field>)> {
    "[a-zA-Z0-9]{1,30}".prop_flat_map(|boundary| {
        let fields = prop::collection::vec(field(boundary.clone()), 0..5);
        (Just(boundary), fields)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn agrees_with_multer_on_generated_forms(
        (boundary, fields) in form(),
        sizes in prop::collection::vec(1usize..64, 1..5),
    ) {
        let body = body(&boundary, &fields);
        let chunks = split(&body, &sizes);
        let ours = ours(&boundary, &chunks);
        let theirs = theirs(&boundary, &chunks);
        prop_assert_eq!(&ours, &theirs);
        // A body whose data never forms the delimiter parses to the fields it was built from.
        let delimiter = format!("\r\n--{boundary}").into_bytes();
        let clean = fields.iter().all(|f| {
            let mut framed = f.data.clone();
            framed.extend_from_slice(&delimiter);
            memchr::memmem::find(&framed, &delimiter) == Some(f.data.len())
        });
        if clean {
            prop_assert_eq!(ours, Some(fields));
        }
    }

    #[test]
    fn agrees_with_multer_on_truncated_forms(
        (boundary, fields) in form(),
        cut in any::<prop::sample::Index>(),
    ) {
        let body = body(&boundary, &fields);
        let cut = cut.index(body.len());
        let chunks = vec![body[..cut].to_vec()];
        // Both must reject a body cut before its closing delimiter.
        let closing = body.len() - 2 - (boundary.len() + 4);
        if cut < closing + boundary.len() + 4 {
            prop_assert_eq!(ours(&boundary, &chunks), None);
            prop_assert_eq!(theirs(&boundary, &chunks), None);
        }
    }
}

#[test]
fn agrees_on_the_seed_example() {
    let boundary = "9431149156168";
    let body = b"--9431149156168\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\ntest-key\r\n\
--9431149156168\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n--9431149156168--\r\n";
    let chunks = vec![body.to_vec()];
    let ours = ours(boundary, &chunks).unwrap();
    assert_eq!(ours.len(), 2);
    assert_eq!(Some(ours), theirs(boundary, &chunks));
}
