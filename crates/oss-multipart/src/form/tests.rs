use std::prelude::rust_2024::*;

use oss_errors::Entry;
use proptest::prelude::*;

use super::*;

/// A part as the tests see it: name, filename, content type, body.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Model {
    name: Vec<u8>,
    filename: Option<Vec<u8>>,
    content_type: Option<Vec<u8>>,
    data: Vec<u8>,
}

fn encode(boundary: &[u8], parts: &[Model], preamble: &[u8], epilogue: &[u8]) -> Vec<u8> {
    let mut body = preamble.to_vec();
    if !preamble.is_empty() {
        body.extend_from_slice(b"\r\n");
    }
    for part in parts {
        body.extend_from_slice(b"--");
        body.extend_from_slice(boundary);
        body.extend_from_slice(b"\r\nContent-Disposition: form-data; name=\"");
        body.extend_from_slice(&part.name);
        body.push(b'"');
        if let Some(filename) = &part.filename {
            body.extend_from_slice(b"; filename=\"");
            body.extend_from_slice(filename);
            body.push(b'"');
        }
        if let Some(ct) = &part.content_type {
            body.extend_from_slice(b"\r\nContent-Type: ");
            body.extend_from_slice(ct);
        }
        body.extend_from_slice(b"\r\n\r\n");
        body.extend_from_slice(&part.data);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(b"--");
    body.extend_from_slice(boundary);
    body.extend_from_slice(b"--");
    body.extend_from_slice(epilogue);
    body
}

/// Feeds `body` in the given chunk sizes, keeping unconsumed bytes as a real caller
/// would, and rebuilds the parts from the events.
fn parse_chunked(boundary: &Boundary, body: &[u8], chunks: &[usize]) -> Result<Vec<Model>, Error> {
    let mut parser = FormParser::new(boundary, Limits::DEFAULT);
    let mut parts: Vec<Model> = Vec::new();
    let mut held: Vec<u8> = Vec::new();
    let mut fed = 0;
    let mut sizes = chunks.iter().copied().cycle();
    let mut ended = false;
    while !ended {
        let size = sizes.next().unwrap_or(body.len()).max(1);
        let next = (fed + size).min(body.len());
        held.extend_from_slice(&body[fed..next]);
        fed = next;
        let mut start = 0;
        loop {
            let step = parser.parse(&held[start..])?;
            start += step.consumed;
            match step.event {
                Some(Event::Part(h)) => parts.push(Model {
                    name: h.name().to_vec(),
                    filename: h.filename().map(<[u8]>::to_vec),
                    content_type: h.content_type().map(<[u8]>::to_vec),
                    data: Vec::new(),
                }),
                Some(Event::Data(d)) => parts
                    .last_mut()
                    .expect("data inside a part")
                    .data
                    .extend_from_slice(d),
                Some(Event::PartEnd) => {}
                Some(Event::End) => ended = true,
                None => break,
            }
        }
        held.drain(..start);
        if fed == body.len() && !ended {
            // All input given: one more call must not find anything new.
            let step = parser.parse(&held)?;
            assert_eq!(step.event, None);
            parser.finish()?;
            unreachable!("finish succeeds only after End");
        }
    }
    parser.finish()?;
    Ok(parts)
}

fn whole(boundary: &Boundary, body: &[u8]) -> Result<Vec<Model>, Error> {
    Parts::new(boundary, body, Limits::DEFAULT)
        .map(|part| {
            part.map(|p| Model {
                name: p.headers.name().to_vec(),
                filename: p.headers.filename().map(<[u8]>::to_vec),
                content_type: p.headers.content_type().map(<[u8]>::to_vec),
                data: p.data.to_vec(),
            })
        })
        .collect()
}

fn model(name: &str, data: &[u8]) -> Model {
    Model {
        name: name.into(),
        filename: None,
        content_type: None,
        data: data.to_vec(),
    }
}

#[test]
fn parses_the_seed_example() {
    let body = b"--9431149156168\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\ntest-key\r\n\
--9431149156168\r\nContent-Disposition: form-data; name=\"Content-Disposition\"\r\n\r\nattachment;filename=D:\\img\\example.png\r\n\
--9431149156168\r\nContent-Disposition: form-data; name=\"file\"; filename=\"example.png\"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n--9431149156168--\r\n";
    let boundary = Boundary::new(b"9431149156168").unwrap();
    let parts = whole(&boundary, body).unwrap();
    assert_eq!(parts.len(), 3);
    assert_eq!(parts[0], model("key", b"test-key"));
    assert_eq!(parts[1].data, b"attachment;filename=D:\\img\\example.png");
    assert_eq!(parts[2].filename.as_deref(), Some(&b"example.png"[..]));
    assert_eq!(parts[2].data, b"\x89PNG");
    for size in 1..body.len() {
        assert_eq!(
            parse_chunked(&boundary, body, &[size]).unwrap(),
            parts,
            "chunks of {size}"
        );
    }
}

#[test]
fn preamble_padding_epilogue_and_empty_parts() {
    let boundary = Boundary::new(b"b").unwrap();
    let body = b"ignored preamble\r\n--b \t\r\nContent-Disposition: form-data; name=a\r\n\r\n\r\n--b\r\nContent-Disposition: form-data; name=c\r\n\r\n\r\n\r\n--b--\r\nepilogue --b";
    let parts = whole(&boundary, body).unwrap();
    assert_eq!(parts, [model("a", b""), model("c", b"\r\n")]);
    assert_eq!(parse_chunked(&boundary, body, &[1]).unwrap(), parts);
    assert_eq!(whole(&boundary, b"--b--").unwrap(), []);
}

#[test]
fn body_bytes_that_look_like_delimiters() {
    let boundary = Boundary::new(b"bound").unwrap();
    let tricky = b"a\r\n--boun\rb\r\n-c\r\n\r\n--bou";
    let body = encode(b"bound", &[model("x", tricky)], b"", b"");
    assert_eq!(whole(&boundary, &body).unwrap(), [model("x", tricky)]);
    for size in 1..8 {
        assert_eq!(
            parse_chunked(&boundary, &body, &[size]).unwrap(),
            [model("x", tricky)]
        );
    }
}

#[test]
fn malformed_bodies() {
    let boundary = Boundary::new(b"b").unwrap();
    let cases: [&[u8]; 10] = [
        b"",
        b"--b",
        b"--b\r\n",
        b"--b\r\nContent-Disposition: form-data; name=a\r\n\r\nvalue",
        b"--b\r\nContent-Disposition: form-data; name=a\r\n\r\nvalue\r\n--b",
        b"--bX\r\n",
        b"--b-\r\n",
        b"--b\r\nContent-Disposition: form-data; name=a\n\r\n",
        b"--b\rx",
        b"--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--",
    ];
    for body in cases {
        let err = whole(&boundary, body).unwrap_err();
        assert_eq!(
            err.entry(),
            Entry::PostBodyMalformed,
            "{}",
            body.escape_ascii()
        );
        assert_eq!(
            err.to_string(),
            "The body of your POST request is not well-formed multipart/form-data"
        );
    }
}

#[test]
fn header_block_limit() {
    let boundary = Boundary::new(b"b").unwrap();
    let limits = Limits::DEFAULT.with_part_headers(60);
    let fits = b"--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--b--";
    assert_eq!(Parts::new(&boundary, fits, limits).count(), 1);
    let long = b"--b\r\nContent-Disposition: form-data; name=\"a-very-long-name-indeed-yes\"\r\n\r\nv\r\n--b--";
    let err = Parts::new(&boundary, long, limits)
        .next()
        .unwrap()
        .unwrap_err();
    assert_eq!(err.entry(), Entry::FormFieldTooLong);
    // Streaming: the limit applies before the block is complete.
    let mut parser = FormParser::new(&boundary, limits);
    let open = b"--b\r\nContent-Disposition: form-data; name=\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    let step = parser.parse(&open[..5]).unwrap();
    assert_eq!(step.consumed, 5);
    assert_eq!(
        parser.parse(&open[5..]).unwrap_err().entry(),
        Entry::FormFieldTooLong
    );
}

#[test]
fn header_search_resumes_where_it_stopped() {
    let boundary = Boundary::new(b"b").unwrap();
    let mut parser = FormParser::new(&boundary, Limits::DEFAULT);
    assert_eq!(parser.parse(b"--b\r\n").unwrap().consumed, 5);
    let block = b"Content-Disposition: form-data; name=a\r\n\r\nv";
    for end in 1..block.len() - 2 {
        let step = parser.parse(&block[..end]).unwrap();
        assert_eq!((step.consumed, step.event), (0, None));
    }
    let step = parser.parse(block).unwrap();
    assert!(matches!(step.event, Some(Event::Part(h)) if h.name() == b"a"));
    assert_eq!(step.consumed, block.len() - 1);
}

#[test]
fn events_after_the_end_are_ignored() {
    let boundary = Boundary::new(b"b").unwrap();
    let mut parser = FormParser::new(&boundary, Limits::DEFAULT);
    let step = parser.parse(b"--b--").unwrap();
    assert_eq!(step.event, Some(Event::End));
    assert!(parser.is_done());
    let step = parser.parse(b"\r\n--b\r\nanything").unwrap();
    assert_eq!((step.consumed, step.event), (15, None));
    assert!(parser.finish().is_ok());
}

fn boundary_text() -> impl Strategy<Value = Vec<u8>> {
    "[a-zA-Z0-9'()+_,./:=?-]{1,20}".prop_map(String::into_bytes)
}

fn data_for(boundary: Vec<u8>) -> impl Strategy<Value = Vec<u8>> {
    // Data made of pieces that come close to the delimiter without forming it.
    let mut near = b"\r\n--".to_vec();
    near.extend_from_slice(&boundary[..boundary.len() - 1]);
    let pieces = prop_oneof![
        Just(b"\r".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"\r\n--".to_vec()),
        Just(b"-".to_vec()),
        Just(near),
        prop::collection::vec(any::<u8>(), 0..8),
    ];
    prop::collection::vec(pieces, 0..8).prop_map(|pieces| pieces.concat())
}

fn parts_for(boundary: Vec<u8>) -> impl Strategy<Value = (Vec<u8>, Vec<Model>)> {
    let part = (
        "[a-zA-Z0-9_-]{0,10}",
        proptest::option::of("[a-zA-Z0-9 ._-]{0,10}"),
        proptest::option::of("[a-z]{1,5}/[a-z]{1,5}"),
        data_for(boundary.clone()),
    )
        .prop_map(|(name, filename, content_type, data)| Model {
            name: name.into_bytes(),
            filename: filename.map(String::into_bytes),
            content_type: content_type.map(String::into_bytes),
            data,
        });
    (Just(boundary), prop::collection::vec(part, 0..5))
}

/// Whether the delimiter occurs in `data` followed by the real delimiter (random bytes
/// can form it by chance).
fn contains_delimiter(boundary: &[u8], data: &[u8]) -> bool {
    let mut delimiter = b"\r\n--".to_vec();
    delimiter.extend_from_slice(boundary);
    let mut framed = data.to_vec();
    framed.extend_from_slice(&delimiter);
    memchr::memmem::find(&framed, &delimiter) != Some(data.len())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn chunked_parsing_equals_whole_parsing(
        (boundary, parts) in boundary_text().prop_flat_map(parts_for),
        chunks in prop::collection::vec(1usize..40, 1..6),
        epilogue in prop::collection::vec(any::<u8>(), 0..10),
    ) {
        prop_assume!(parts.iter().all(|p| !contains_delimiter(&boundary, &p.data)));
        let body = encode(&boundary, &parts, b"", &epilogue);
        let b = Boundary::new(&boundary).unwrap();
        prop_assert_eq!(whole(&b, &body).unwrap(), parts.clone());
        prop_assert_eq!(parse_chunked(&b, &body, &chunks).unwrap(), parts);
    }

    #[test]
    fn random_bytes_never_panic_and_agree_across_chunkings(
        body in prop::collection::vec(prop_oneof![Just(b'\r'), Just(b'\n'), Just(b'-'), Just(b'b'), any::<u8>()], 0..120),
        chunks in prop::collection::vec(1usize..10, 1..4),
    ) {
        let b = Boundary::new(b"b").unwrap();
        let mut with_start = b"--b\r\nContent-Disposition: form-data; name=x\r\n\r\n".to_vec();
        with_start.extend_from_slice(&body);
        for input in [&body[..], &with_start[..]] {
            let one = whole(&b, input);
            let chunked = parse_chunked(&b, input, &chunks);
            prop_assert_eq!(one.is_ok(), chunked.is_ok());
            if let (Ok(one), Ok(chunked)) = (one, chunked) {
                prop_assert_eq!(one, chunked);
            }
        }
    }
}
