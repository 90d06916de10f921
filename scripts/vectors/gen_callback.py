#!/usr/bin/env python3
"""Differential vectors for oss-callback from the official SDKs' callback encoders.

Writes, next to the repository root:
  tests/vectors/callback_configs.jsonl  one line per encoded callback:
      {"source", "callback", "callback_var"?, "expect": {...} | "error": "<OSS message>"}
      where "callback" is the x-oss-callback value an SDK produced, "expect" the fields a
      decoder must read back (url, host, body, body_type, sni, vars) and "error" the
      message OSS gives when the SDK produced something OSS rejects.
  tests/vectors/callback_signature.jsonl  the two real signature vectors of
      tests/vectors/callback/ (official doc example and aliyun-oss-python-sdk#272) as
      {"authorization", "pub_key_url", "target", "body", "string_to_sign_md5"}.

Sources:
  - ali-oss (npm) lib/common/callback.js encodeCallback: JSON.stringify + base64, with
    encodeURI on the URL, `x:` added to custom keys without lowercasing, and callbackSNI
    copied as given;
  - the way the oss2 / alibabacloud-oss-v2 samples build callbacks (they have no encoder:
    json.dumps, with and without ensure_ascii, then base64).

Re-run with (installs ali-oss into a temporary directory when node and npm are present):

    pip install oss2 alibabacloud-oss-v2
    python3 scripts/vectors/gen_callback.py
"""

import base64
import hashlib
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "vectors"
SIG = OUT / "callback"

FORM = "application/x-www-form-urlencoded"
JSON_TYPE = "application/json"

# (url, host, body, body type, sni, custom values), in the shape of ali-oss `options.callback`.
CASES = [
    ("http://oss-demo.aliyuncs.com:23450", None, "bucket=${bucket}&object=${object}", None, None, None),
    ("https://abc.com/test.php", "oss-cn-hangzhou.aliyuncs.com",
     '{"bucket":${bucket},"object":${object},"size":${size},"my_var":${x:my_var}}', JSON_TYPE, None, {"my_var": "v"}),
    ("abc.com/中文.php?a=1", None, "k=${object}&e=${etag}", FORM, None, {"uid": "42", "name": "张三 \"q\""}),
    ("http://a.example/cb;https://b.example/cb", None, "line1\nline2\t\\ ${size}", None, True, None),
    ("http://a.example/cb", None, "${x:Upper}", None, None, {"Upper": "x"}),
    ("http://a.example/cb", None, "s=${size}", None, "true", None),
    ("http://127.0.0.1:8080/cb", None, "s=${size}", None, None, None),
    ("a.cn;b.cn;c.cn;d.cn;e.cn;f.cn", None, "s=${size}", None, None, None),
    ("http://a.example/cb", None, "", None, None, None),
    ("http://a.example/cb", None, "s=${size}", "text/plain", None, None),
    ("http://a.example/cb", None, "emoji 😀 \u2028 \u0001", JSON_TYPE, False, {"e": "😀"}),
]

ALI_OSS_RUNNER = r"""
const { encodeCallback } = require('ali-oss/lib/common/callback');
const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = cases.map(c => {
  const callback = { url: c.url, body: c.body };
  if (c.host) callback.host = c.host;
  if (c.body_type) callback.contentType = c.body_type;
  if (c.sni !== null) callback.callbackSNI = c.sni;
  if (c.vars) callback.customValue = c.vars;
  const req = {};
  encodeCallback(req, { callback });
  return { callback: req.headers['x-oss-callback'], callback_var: req.headers['x-oss-callback-var'] || null };
});
process.stdout.write(JSON.stringify(out));
"""


def expected(url, host, body, body_type, sni, var_keys, encoded_url):
    """What OSS makes of a case: the fields read back, or its error message."""
    urls = encoded_url.split(";")
    if len(urls) > 5:
        return {"error": "The number of callback url exceed max value"}
    if any(not u.isascii() for u in urls):
        return {"error": "The callback url configuration is invalid"}
    if any("127.0.0.1" in u for u in urls):
        return {"error": "Private address is forbidden to callback"}
    if body == "":
        return {"error": "The callback body is empty"}
    if body_type not in (None, FORM, JSON_TYPE):
        return {"error": "The callback body type configuration is invalid, or The body type of callback is not supported"}
    if sni is not None and not isinstance(sni, bool):
        return {"error": "The callback sni is invalid."}
    if any(k != k.lower() for k in var_keys):
        return {"error": "The callback var is not expecten json"}
    return {"expect": {"url": encoded_url, "host": host, "body": body, "body_type": body_type, "sni": sni}}


def ali_oss_vectors():
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        print("node/npm not found: skipping ali-oss vectors", file=sys.stderr)
        return []
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([npm, "install", "--silent", "--no-audit", "--no-fund", "ali-oss@6"], cwd=tmp, check=True,
                       stdout=subprocess.DEVNULL)
        cases = [{"url": u, "host": h, "body": b, "body_type": t, "sni": s, "vars": v} for u, h, b, t, s, v in CASES]
        run = subprocess.run([node, "-e", ALI_OSS_RUNNER], cwd=tmp, input=json.dumps(cases), check=True,
                             capture_output=True, text=True)
        encoded = json.loads(run.stdout)
    lines = []
    for (url, host, body, body_type, sni, values), enc in zip(CASES, encoded):
        # ali-oss drops a falsy callbackSNI and applies encodeURI to the URL.
        sent_sni = sni if sni else None
        decoded = json.loads(base64.b64decode(enc["callback"]))
        keys = ["x:" + k for k in (values or {})]
        line = {"source": "ali-oss", "callback": enc["callback"], "callback_var": enc["callback_var"]}
        line.update(expected(url, host, body, body_type, sent_sni, keys, decoded["callbackUrl"]))
        if "expect" in line:
            line["expect"]["vars"] = {k: str(v) for k, v in zip(keys, (values or {}).values())}
        lines.append(line)
    return lines


def python_vectors():
    lines = []
    for ensure_ascii in (True, False):
        for url, host, body, body_type, sni, values in CASES:
            doc = {"callbackUrl": url, "callbackBody": body}
            if host:
                doc["callbackHost"] = host
            if body_type:
                doc["callbackBodyType"] = body_type
            if sni is not None:
                doc["callbackSNI"] = sni
            text = json.dumps(doc, ensure_ascii=ensure_ascii)
            line = {"source": f"python-json-ensure_ascii-{str(ensure_ascii).lower()}",
                    "callback": base64.b64encode(text.encode()).decode(), "callback_var": None}
            keys = ["x:" + k for k in (values or {})]
            if values:
                var_doc = {"x:" + k: v for k, v in values.items()}
                line["callback_var"] = base64.b64encode(json.dumps(var_doc, ensure_ascii=ensure_ascii).encode()).decode()
            line.update(expected(url, host, body, body_type, sni, keys, url))
            if "expect" in line:
                line["expect"]["vars"] = {"x:" + k: v for k, v in (values or {}).items()}
            lines.append(line)
    return lines


def signature_vectors():
    pub_key_url = base64.b64encode(b"http://gosspublic.alicdn.com/callback_pub_key_v1.pem").decode()
    out = []
    for msg, sig in (("msg.txt", "sig.bin"), ("msg2.txt", "sig2.bin")):
        signed = (SIG / msg).read_bytes()
        head, body = signed.split(b"\n", 1)
        target = head.decode()
        # The path in these vectors has no %-escapes, so the signed path is the target itself.
        assert urllib.parse.unquote(target.split("?")[0]) == target.split("?")[0]
        out.append({
            "authorization": base64.b64encode((SIG / sig).read_bytes()).decode(),
            "pub_key_url": pub_key_url,
            "target": target,
            "body": body.decode(),
            "string_to_sign_md5": hashlib.md5(signed).hexdigest(),
        })
    return out


def write(name, lines):
    with open(OUT / name, "w", encoding="utf-8") as f:
        for line in lines:
            f.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"wrote {len(lines)} lines to tests/vectors/{name}")


def main():
    write("callback_configs.jsonl", ali_oss_vectors() + python_vectors())
    write("callback_signature.jsonl", signature_vectors())


if __name__ == "__main__":
    main()
