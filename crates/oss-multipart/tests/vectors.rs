//! Vectors from real clients (`tests/vectors/multipart_*.jsonl`, written by
//! `scripts/vectors/gen_multipart.py`) and the Signature V1 POST policy vectors.
#![allow(missing_docs)]

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use oss_errors::Entry;
use oss_multipart::{
    Boundary, CompleteMultipartUpload, MAX_PART_NUMBER, MAX_PART_SIZE, PartPlan, Policy, PostForm,
    PostOptions, check_parts,
};
use serde_json::Value;

fn records(name: &str) -> Vec<Value> {
    let path = format!("{}/../../tests/vectors/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{path}: {err}"));
    text.lines()
        .map(|line| serde_json::from_str(line).expect("JSON line"))
        .collect()
}

#[test]
fn complete_bodies_serialized_by_the_sdks() {
    let records = records("multipart_complete.jsonl");
    assert_eq!(records.len(), 200);
    for record in records {
        let xml = record["xml"].as_str().unwrap();
        let upload = CompleteMultipartUpload::parse(xml.as_bytes())
            .unwrap_or_else(|err| panic!("{err}: {xml}"));
        let got: Vec<(u64, String)> = upload
            .parts()
            .map(|p| {
                (
                    u64::from(p.number()),
                    String::from_utf8(p.etag().to_vec()).unwrap(),
                )
            })
            .collect();
        let want: Vec<(u64, String)> = record["parts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (p[0].as_u64().unwrap(), p[1].as_str().unwrap().to_owned()))
            .collect();
        assert_eq!(got, want, "{}", record["sdk"]);
    }
}

#[test]
fn oss2_part_sizes_are_valid_plans() {
    let mut oversized = 0;
    for record in records("multipart_plan.jsonl") {
        let total = record["total"].as_u64().unwrap();
        let part_size = record["part_size"].as_u64().unwrap();
        if total == 0 {
            // oss2 uploads an empty object as one empty part.
            assert_eq!(part_size, 0);
            continue;
        }
        let count = total.div_ceil(part_size);
        assert!(count <= u64::from(MAX_PART_NUMBER), "{record}");
        // Our rules accept oss2's plan...
        let last = total - (count - 1) * part_size;
        let parts = (1..=count).map(|n| {
            (
                u32::try_from(n).unwrap(),
                if n == count { last } else { part_size },
            )
        });
        if part_size > MAX_PART_SIZE {
            // oss2 does not cap the part size at 5 GiB; OSS refuses such parts.
            assert_eq!(
                check_parts(parts).unwrap_err().entry(),
                Entry::UploadTooLarge,
                "{record}"
            );
            assert!(PartPlan::new(total, Some(part_size)).unwrap().part_size() <= MAX_PART_SIZE);
            oversized += 1;
            continue;
        }
        assert_eq!(check_parts(parts).unwrap(), total, "{record}");
        // ...and our planner, asked for oss2's part size, cuts the object the same way.
        let plan = PartPlan::new(total, Some(part_size)).unwrap();
        assert_eq!(u64::from(plan.part_count()), count, "{record}");
    }
    assert!(oversized > 0, "the vectors include oss2's oversized plans");
}

#[test]
fn forms_encoded_by_urllib3() {
    for record in records("multipart_forms.jsonl") {
        let body = STANDARD
            .decode(record["body_b64"].as_str().unwrap())
            .unwrap();
        let boundary =
            Boundary::from_content_type(record["content_type"].as_str().unwrap().as_bytes())
                .unwrap();
        let form = PostForm::parse(&boundary, &body, PostOptions::DEFAULT).unwrap();
        let fields: Vec<(String, String)> = form
            .fields()
            .map(|(n, v)| {
                (
                    String::from_utf8(n.to_vec()).unwrap(),
                    String::from_utf8(v.to_vec()).unwrap(),
                )
            })
            .collect();
        let want: Vec<(String, String)> = record["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f[0].as_str().unwrap().to_owned(),
                    f[1].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        assert_eq!(fields, want);
        let file = form.file();
        assert_eq!(
            file.filename,
            Some(record["file"]["filename"].as_str().unwrap().as_bytes())
        );
        assert_eq!(
            file.content_type,
            Some(record["file"]["content_type"].as_str().unwrap().as_bytes())
        );
        assert_eq!(
            file.data,
            STANDARD
                .decode(record["file"]["data_b64"].as_str().unwrap())
                .unwrap()
        );
        assert_eq!(form.summary().size, file.data.len() as u64);
    }
}

#[test]
fn post_policies_from_the_signature_vectors() {
    let records = records("sign_post_policy.jsonl");
    assert!(records.len() >= 100);
    for record in records {
        let mut buf = vec![0; 8192];
        let json = Policy::decode(record["policy"].as_str().unwrap().as_bytes(), &mut buf).unwrap();
        assert_eq!(json, record["policy_json"].as_str().unwrap().as_bytes());
        let policy = Policy::parse(json).unwrap_or_else(|err| panic!("{err}: {record}"));
        // Every condition survives rendering, and the policy's own fields satisfy the
        // exact-match conditions.
        let parsed: Value = serde_json::from_slice(json).unwrap();
        assert_eq!(
            policy.conditions().count(),
            parsed["conditions"].as_array().unwrap().len()
        );
        for condition in policy.conditions() {
            assert!(condition.to_string().starts_with('['));
        }
    }
}
