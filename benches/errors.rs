//! Error-catalogue benchmarks: code lookup, message lookup, XML render and parse.
//!
//! Peers in the same groups: a `HashMap` and a linear scan for the lookups (what an
//! application would write by hand), `quick-xml` for rendering and parsing the error body.
#![allow(missing_docs)]

use core::fmt::Write as _;
use core::hint::black_box;
use std::collections::HashMap;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use oss_core::errors::xml::{ErrorDocument, ErrorXml};
use oss_core::errors::{Code, Entry, Error};
use quick_xml::Reader;
use quick_xml::events::{BytesText, Event};

const BODY: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>InvalidArgument</Code>\n  <Message>The callback configuration is not json format.</Message>\n  <RequestId>587C79A3DD373E2676F73ECE</RequestId>\n  <HostId>bucket.oss-cn-hangzhou.aliyuncs.com</HostId>\n  <ArgumentName>callback</ArgumentName>\n  <ArgumentValue>{&quot;callbackUrl&quot;:&quot;8.8.8.8:9090&quot;,&quot;callbackBody&quot;:&quot;{&quot;bucket&quot;:${bucket}}&quot;}</ArgumentValue>\n  <EC>0007-00000003</EC>\n  <RecommendDoc>https://api.aliyun.com/troubleshoot?q=0007-00000003</RecommendDoc>\n</Error>\n";

const ARGUMENT_VALUE: &str =
    "{\"callbackUrl\":\"8.8.8.8:9090\",\"callbackBody\":\"{\"bucket\":${bucket}}\"}";

fn code_lookup(c: &mut Criterion) {
    let names: Vec<&str> = Code::ALL.iter().map(|code| code.as_str()).collect();
    let map: HashMap<&str, Code> = Code::ALL
        .iter()
        .map(|&code| (code.as_str(), code))
        .collect();
    let mut group = c.benchmark_group("errors/code_lookup");
    group.throughput(Throughput::Elements(names.len() as u64));
    group.bench_function("oss-errors Code::from_name", |b| {
        b.iter(|| {
            names
                .iter()
                .filter_map(|name| Code::from_name(black_box(name)))
                .count()
        });
    });
    group.bench_function("std HashMap<&str, Code>", |b| {
        b.iter(|| {
            names
                .iter()
                .filter_map(|name| map.get(black_box(name)))
                .count()
        });
    });
    group.bench_function("linear scan", |b| {
        b.iter(|| {
            names
                .iter()
                .filter_map(|name| {
                    Code::ALL
                        .iter()
                        .find(|code| code.as_str() == *black_box(name))
                })
                .count()
        });
    });
    group.finish();
}

fn message_lookup(c: &mut Criterion) {
    let pairs: Vec<(&str, &str)> = Entry::ALL
        .iter()
        .map(|e| (e.code().as_str(), e.message()))
        .collect();
    let sloppy: Vec<(&str, String)> = Entry::ALL
        .iter()
        .map(|e| {
            (
                e.code().as_str(),
                format!("  {}. ", e.message().trim_end_matches('.')),
            )
        })
        .collect();
    let map: HashMap<(&str, &str), Entry> = Entry::ALL
        .iter()
        .map(|&e| ((e.code().as_str(), e.message()), e))
        .collect();
    let mut group = c.benchmark_group("errors/message_lookup");
    group.throughput(Throughput::Elements(pairs.len() as u64));
    group.bench_function("oss-errors Entry::find_by_name (tolerant)", |b| {
        b.iter(|| {
            pairs
                .iter()
                .filter_map(|(code, message)| {
                    Entry::find_by_name(black_box(code), black_box(message))
                })
                .count()
        });
    });
    group.bench_function("oss-errors Entry::find_by_name, sloppy input", |b| {
        b.iter(|| {
            sloppy
                .iter()
                .filter_map(|(code, message)| {
                    Entry::find_by_name(black_box(code), black_box(message))
                })
                .count()
        });
    });
    group.bench_function("std HashMap<(code, message)> (exact)", |b| {
        b.iter(|| {
            pairs
                .iter()
                .filter_map(|pair| map.get(black_box(pair)))
                .count()
        });
    });
    group.bench_function("linear scan (exact)", |b| {
        b.iter(|| {
            pairs
                .iter()
                .filter_map(|(code, message)| {
                    Entry::ALL.iter().find(|e| {
                        e.code().as_str() == *black_box(code) && e.message() == *black_box(message)
                    })
                })
                .count()
        });
    });
    group.finish();
}

fn document() -> ErrorDocument<'static> {
    ErrorDocument::for_error(
        Error::from(Entry::CallbackNotJson),
        "587C79A3DD373E2676F73ECE",
        "bucket.oss-cn-hangzhou.aliyuncs.com",
    )
    .with_argument_value(ARGUMENT_VALUE)
    .with_troubleshoot_link()
}

fn quick_xml_render(out: &mut Vec<u8>) {
    let mut writer = quick_xml::Writer::new_with_indent(out, b' ', 2);
    let entry = Entry::CallbackNotJson;
    let ec = entry.ec().unwrap_or_default();
    let url = format!("https://api.aliyun.com/troubleshoot?q={ec}");
    let elements = [
        ("Code", entry.code().as_str()),
        ("Message", entry.message()),
        ("RequestId", "587C79A3DD373E2676F73ECE"),
        ("HostId", "bucket.oss-cn-hangzhou.aliyuncs.com"),
        ("ArgumentName", entry.argument_name().unwrap_or_default()),
        ("ArgumentValue", ARGUMENT_VALUE),
        ("EC", ec),
        ("RecommendDoc", url.as_str()),
    ];
    let result = writer
        .write_event(Event::Decl(quick_xml::events::BytesDecl::new(
            "1.0",
            Some("UTF-8"),
            None,
        )))
        .and_then(|()| {
            writer.create_element("Error").write_inner_content(|w| {
                for (name, value) in elements {
                    w.create_element(name)
                        .write_text_content(BytesText::new(value))?;
                }
                Ok(())
            })?;
            Ok(())
        });
    result.expect("writing into a Vec");
}

fn render(c: &mut Criterion) {
    let doc = document();
    let size = doc.to_string().len();
    let mut group = c.benchmark_group("errors/render");
    group.throughput(Throughput::Bytes(size as u64));
    let mut out = String::with_capacity(1024);
    group.bench_function("oss-errors ErrorDocument::render", |b| {
        b.iter(|| {
            out.clear();
            black_box(document()).render(&mut out).expect("String");
            out.len()
        });
    });
    let mut bytes = Vec::with_capacity(1024);
    group.bench_function("quick-xml Writer", |b| {
        b.iter(|| {
            bytes.clear();
            quick_xml_render(&mut bytes);
            bytes.len()
        });
    });
    let mut out = String::with_capacity(1024);
    group.bench_function("format! + replace (naive)", |b| {
        b.iter(|| {
            out.clear();
            let escape = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
            let entry = black_box(Entry::CallbackNotJson);
            let (request_id, host_id) = black_box(("587C79A3DD373E2676F73ECE", "bucket.oss-cn-hangzhou.aliyuncs.com"));
            let _ = write!(
                out,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>{}</Code>\n  <Message>{}</Message>\n  <RequestId>{}</RequestId>\n  <HostId>{}</HostId>\n  <ArgumentName>{}</ArgumentName>\n  <ArgumentValue>{}</ArgumentValue>\n  <EC>{}</EC>\n  <RecommendDoc>https://api.aliyun.com/troubleshoot?q={}</RecommendDoc>\n</Error>\n",
                entry.code().as_str(),
                escape(entry.message()),
                request_id,
                host_id,
                entry.argument_name().unwrap_or_default(),
                escape(ARGUMENT_VALUE),
                entry.ec().unwrap_or_default(),
                entry.ec().unwrap_or_default(),
            );
            out.len()
        });
    });
    group.finish();
}

/// quick-xml: reads every element's text, borrowed (no unescaping), like ours does.
fn quick_xml_parse(body: &str) -> usize {
    let mut reader = Reader::from_str(body);
    reader.config_mut().trim_text(true);
    let mut total = 0;
    loop {
        match reader.read_event() {
            Ok(Event::Text(text)) => total += text.len(),
            Ok(Event::Eof) => return total,
            Ok(_) => {}
            Err(err) => panic!("{err}"),
        }
    }
}

fn parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("errors/parse");
    group.throughput(Throughput::Bytes(BODY.len() as u64));
    group.bench_function("oss-errors ErrorXml::parse + fields", |b| {
        b.iter(|| {
            let doc = ErrorXml::parse(black_box(BODY)).expect("parses");
            doc.fields()
                .map(|(_, value)| value.raw().len())
                .sum::<usize>()
        });
    });
    group.bench_function("oss-errors ErrorXml::parse + recognize", |b| {
        b.iter(|| {
            ErrorXml::parse(black_box(BODY))
                .expect("parses")
                .recognize()
        });
    });
    group.bench_function("quick-xml Reader (events, borrowed text)", |b| {
        b.iter(|| quick_xml_parse(black_box(BODY)));
    });
    group.finish();
}

criterion_group!(benches, code_lookup, message_lookup, render, parse);
criterion_main!(benches);
