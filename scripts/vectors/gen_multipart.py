#!/usr/bin/env python3
"""Writes the multipart/PostObject vector files from real clients. Re-run from the
repository root:

    python3 scripts/vectors/gen_multipart.py

Files (one JSON object per line):

- tests/vectors/multipart_complete.jsonl: CompleteMultipartUpload bodies exactly as the
  official SDKs serialize them (oss2 `xml_utils.to_complete_upload_request`,
  alibabacloud-oss-v2 `serde.serialize_xml`), with the parts they hold:
  {"sdk","xml","parts":[[number, etag], ...]}. oss2 adds the quotes around ETags; v2
  sends them as given.
- tests/vectors/multipart_plan.jsonl: oss2 `determine_part_size(total, preferred)`:
  {"total","preferred","part_size"} (part_size is what oss2 uploads with). oss2 can pick
  parts over 5 GiB (it returns `total` when `total < preferred`, and doubles without a
  ceiling); the Rust test counts those as oss2 plans OSS would refuse.
- tests/vectors/multipart_forms.jsonl: multipart/form-data bodies encoded by urllib3
  (what `requests` sends, as browser-less PostObject clients do):
  {"content_type","body_b64","fields":[[name, value], ...],"file":{"filename","content_type","data_b64"}}.

Randomness is seeded, so the output is stable for a given SDK version.
"""

import base64
import json
import pathlib
import random

import alibabacloud_oss_v2 as oss
import oss2
import urllib3
from alibabacloud_oss_v2 import serde
from oss2 import xml_utils

ROOT = pathlib.Path(__file__).resolve().parents[2] / "tests" / "vectors"


class _Part:
    def __init__(self, part_number, etag):
        self.part_number = part_number
        self.etag = etag


def complete_vectors(rng):
    out = []
    for case in range(100):
        count = rng.choice([1, 2, 3, 10, 50]) if case % 25 else rng.randint(100, 200)
        numbers = sorted(rng.sample(range(1, 10001), count))
        etags = ["%032X" % rng.getrandbits(128) for _ in numbers]
        xml = xml_utils.to_complete_upload_request([_Part(n, e) for n, e in zip(numbers, etags)])
        out.append({"sdk": "oss2 " + oss2.__version__, "xml": xml.decode(), "parts": [[n, '"%s"' % e] for n, e in zip(numbers, etags)]})
        parts = [oss.UploadPart(part_number=n, etag='"%s"' % e) for n, e in zip(numbers, etags)]
        body = serde.serialize_xml(oss.CompleteMultipartUpload(parts=parts), root="CompleteMultipartUpload")
        out.append({"sdk": "alibabacloud-oss-v2", "xml": body.decode(), "parts": [[n, '"%s"' % e] for n, e in zip(numbers, etags)]})
    return out


def plan_vectors(rng):
    out = []
    sizes = [0, 1, 100 * 1024 - 1, 100 * 1024, 10 << 20, 1 << 30, 5 << 30, 1 << 40, 48 << 40]
    sizes += [rng.randint(0, 1 << 45) for _ in range(300)]
    for total in sizes:
        for preferred in [None, 1, 64 * 1024, 100 * 1024, 1 << 20, 8 << 20, rng.randint(1, 1 << 33)]:
            part_size = oss2.determine_part_size(total, preferred)
            out.append({"total": total, "preferred": preferred, "part_size": part_size})
    return out


def form_vectors(rng):
    out = []
    names = ["key", "policy", "OSSAccessKeyId", "Signature", "success_action_status", "x-oss-meta-a", "Content-Type", "x:var"]
    for _ in range(200):
        fields = []
        chosen = rng.sample(names[4:], rng.randint(0, len(names) - 4))
        if rng.random() < 0.5:  # a signed form carries all three signature fields
            chosen += ["policy", "OSSAccessKeyId", "Signature"]
            rng.shuffle(chosen)
        for name in ["key"] + chosen:
            value = "".join(rng.choice("abc/_-.=+ \u00e9\u4e2d") for _ in range(rng.randint(1, 40)))
            fields.append((name, value))
        data = bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 600)))
        filename = "".join(rng.choice("abc.-_") for _ in range(rng.randint(1, 12)))
        file_type = rng.choice(["text/plain", "image/png", "application/octet-stream"])
        encoded = fields + [("file", (filename, data, file_type))]
        body, content_type = urllib3.encode_multipart_formdata(encoded)
        out.append({
            "content_type": content_type,
            "body_b64": base64.b64encode(body).decode(),
            "fields": [[n, v] for n, v in fields],
            "file": {"filename": filename, "content_type": file_type, "data_b64": base64.b64encode(data).decode()},
        })
    return out


def write(name, records):
    path = ROOT / name
    with path.open("w") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{path}: {len(records)} records")


def main():
    rng = random.Random(20240607)
    write("multipart_complete.jsonl", complete_vectors(rng))
    write("multipart_plan.jsonl", plan_vectors(rng))
    write("multipart_forms.jsonl", form_vectors(rng))


if __name__ == "__main__":
    main()
