#!/usr/bin/env python3
"""Writes tests/vectors/errors.jsonl: OSS error bodies as the official Python SDKs read them.

Oracles: oss2 (`oss2.exceptions._parse_error_body`, and `make_exception` for the
`x-oss-err` header form) and alibabacloud-oss-v2 (`_client._to_service_error`). A body is
written only when both SDKs agree on every child element. Re-run from the repository root:

    python3 scripts/vectors/gen_errors.py

Bodies: one per catalogue entry (code and message read from
crates/oss-errors/src/table.rs, with request id, host id and sometimes EC, ArgumentName,
ArgumentValue and further elements), plus hand-made bodies that exercise whitespace,
entity and character references, CDATA, comments and empty elements. Record:

  {"body": <xml text>, "header": <base64 x-oss-err or null>,
   "fields": [[name, text], ...]}   # text as the SDKs give it (untrimmed; "" for empty)
"""

import base64
import importlib
import json
import pathlib
import random
import re
import subprocess
import sys
from xml.sax.saxutils import escape


def ensure_sdks():
    try:
        importlib.import_module("oss2")
        importlib.import_module("alibabacloud_oss_v2")
    except ImportError:
        subprocess.check_call([sys.executable, "-m", "pip", "install", "oss2", "alibabacloud-oss-v2"])


ensure_sdks()

import oss2.exceptions  # noqa: E402
from alibabacloud_oss_v2 import _client  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
TABLE = ROOT / "crates/oss-errors/src/table.rs"
OUT = ROOT / "tests/vectors/errors.jsonl"


def catalogue():
    """(code, message) of every entry, unescaped from the Rust string literals."""
    text = TABLE.read_text(encoding="utf-8")
    for m in re.finditer(r'^\s+\w+: (\w+), "((?:[^"\\]|\\.)*)"', text, re.M):
        code, literal = m.groups()
        yield code, literal.replace("\\\\", "\x00").replace('\\"', '"').replace("\x00", "\\")


class FakeRequest:
    method = "GET"
    url = "https://bucket.oss-cn-hangzhou.aliyuncs.com/key"


class FakeV2Response:
    def __init__(self, body, header):
        self.content = body
        self.headers = {"Date": "Mon, 14 Sep 2015 12:37:27 GMT"}
        if header is not None:
            self.headers["x-oss-err"] = header
        self.status_code = 400
        self.request = FakeRequest()

    def close(self):
        pass


class FakeV1Response:
    def __init__(self, body, header):
        self.status = 400
        self.headers = {} if header is None else {"x-oss-err": header}
        self._body = body

    def read(self, n):
        return self._body[:n]


def read_with_sdks(body, header):
    """The child elements both SDKs see, or None when they disagree or fail."""
    raw = b"" if header is not None else body.encode("utf-8")
    if header is None:
        v1 = oss2.exceptions._parse_error_body(raw)
    else:
        v1 = oss2.exceptions.make_exception(FakeV1Response(raw, header)).details
    v2 = _client._to_service_error(FakeV2Response(raw, header)).error_fileds
    if not v1 or v1 != v2:
        return None
    return [[name, text or ""] for name, text in v2.items()]


ARGUMENT_VALUE = '{"a":"<b>&c"}'


def entry_bodies(rng):
    for i, (code, message) in enumerate(catalogue()):
        parts = [
            f"<Code>{code}</Code>",
            f"<Message>{escape(message)}</Message>",
            f"<RequestId>{rng.getrandbits(96):024X}</RequestId>",
            "<HostId>bucket.oss-cn-hangzhou.aliyuncs.com</HostId>",
        ]
        if i % 3 == 0:
            parts.append(f"<ArgumentName>arg{i}</ArgumentName>")
            parts.append("<ArgumentValue>" + escape(ARGUMENT_VALUE) + "</ArgumentValue>")
        if i % 4 == 0:
            parts.append(f"<EC>{rng.randrange(1, 50):04d}-{rng.randrange(10**8):08d}</EC>")
        if i % 5 == 0:
            parts.append("<StringToSign>PUT\n\ntext/html\nWed, 28 Dec 2022 10:27:41 GMT\n/b/k</StringToSign>")
        sep = "\n  " if i % 2 else ""
        yield '<?xml version="1.0" encoding="UTF-8"?>\n<Error>' + sep + sep.join(parts) + ("\n" if sep else "") + "</Error>\n"


HAND_MADE = [
    "<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>",
    "<Error>\n  <Code>\n    AccessDenied\n  </Code>\n  <Message>  AccessDenied  </Message>\n</Error>",
    "<Error><Code>InvalidArgument</Code><Message>a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;</Message></Error>",
    "<Error><Code>InvalidArgument</Code><Message>&#65;&#x42;&#x4e2d;&#32;x</Message></Error>",
    "<Error><Code>InvalidArgument</Code><Message><![CDATA[<raw> & text]]></Message></Error>",
    "<Error><!-- c --><Code>NoSuchKey</Code><!-- d --><Message>m</Message></Error>",
    "<Error><Code>NoSuchKey</Code><EC></EC><Header/></Error>",
    "<?xml version='1.0'?><Error><Code>A</Code><Detail></Detail></Error>",
    "\ufeff<Error><Code>NoSuchKey</Code></Error>",
    "<Error><Code>\u4e2d\u6587</Code><Message>\u9519\u8bef</Message></Error>",
]


def main():
    rng = random.Random(20240425)
    records = []
    bodies = list(entry_bodies(rng)) + HAND_MADE
    for body in bodies:
        fields = read_with_sdks(body, None)
        if fields is not None:
            records.append({"body": body, "header": None, "fields": fields})
    for body in bodies[::7] + HAND_MADE[:3]:
        header = base64.b64encode(body.encode("utf-8")).decode("ascii")
        fields = read_with_sdks(body, header)
        if fields is not None:
            records.append({"body": body, "header": header, "fields": fields})
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    print(f"{len(records)} records ({len(bodies)} bodies) -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
