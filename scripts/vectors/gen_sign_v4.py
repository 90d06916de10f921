#!/usr/bin/env python3
"""Differential Signature V4 (OSS4-HMAC-SHA256) vectors from the official Python SDKs.

Random requests (methods, Unicode keys, every printable ASCII character in keys and in query
names and values, empty query values, mixed-case headers, additional headers present in and
absent from the request, STS tokens, products `oss` and `oss-cloudbox`, signing times from
1970 to 9999) are signed by BOTH oracles, driven directly with a fixed signing time (no
network):

  alibabacloud-oss-v2   `alibabacloud_oss_v2.signer.v4.SignerV4` on an `HttpRequest` whose
                        URL is built the way its client builds it (`urlencode(params,
                        quote_via=quote)`), canonical request captured from
                        `_calc_canonical_request`
  oss2                  `oss2.auth.ProviderAuthV4._sign_request` / `._sign_url` on an
                        `oss2.http.Request` (decoded params), `datetime.utcnow` pinned,
                        canonical request captured from `__get_canonical_request_bytes`

A row is written when both SDKs produce the same canonical request, string-to-sign and
signature (and, presigned, the same decoded URL query; header form, the same Authorization
items: oss2 writes `, ` and puts AdditionalHeaders last, which is documented and not counted
as a disagreement).

Outputs (under tests/vectors/):
  sign_v4.jsonl                header form: access_key_id, access_key_secret,
                               security_token (optional), region, product, method, bucket,
                               key, headers [[n, v]...], query [[n, v]...],
                               additional_headers [...], time (unix seconds), signature,
                               canonical_request, authorization (alibabacloud-oss-v2's form)
  sign_v4_presign.jsonl        query form: the same inputs plus expires (seconds), and
                               url_query (alibabacloud-oss-v2's presigned URL query, with
                               x-oss-signature) instead of authorization
  sign_v4_disagreements.json   every case where the SDKs disagree with each other (or, for
                               header-value whitespace, where both disagree with oss-sign's
                               documented trimming), with the reason, both SDKs' canonical
                               requests and signatures, and `ours`: which result oss-sign is
                               expected to reproduce (`v2`, `oss2`, `expected`: an SDK's
                               signature of the normalised input, or null: no SDK does what
                               oss-sign does)

Header values in the main files never start or end with whitespace (neither Python SDK trims;
oss-sign, Go, Java and ali-oss do). Query names are unique within a request (oss2 keeps one
value per name). A request with a parameter whose name and value are both empty goes to the
disagreements file even when the SDKs agree: on the wire it is an empty piece, which Go v2
and oss-sign's RawQuery skip.

Run from anywhere:  python3 scripts/vectors/gen_sign_v4.py
The script makes scripts/vectors/.venv (git-ignored) if needed, installs the pinned SDKs
from PyPI into it and re-runs itself there. The seed is fixed: re-running reproduces the
same files.
"""

import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
VENV = os.path.join(HERE, ".venv")
SDKS = ["alibabacloud-oss-v2==1.4.1", "oss2==2.19.1"]


def ensure_venv():
    """Re-executes this script inside scripts/vectors/.venv with the SDKs installed."""
    if os.path.realpath(sys.prefix) == os.path.realpath(VENV):
        return
    python = os.path.join(VENV, "bin", "python")
    if not os.path.exists(python):
        subprocess.check_call([sys.executable, "-m", "venv", VENV])
    subprocess.check_call([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"] + SDKS)
    os.execv(python, [python, os.path.abspath(__file__)] + sys.argv[1:])


ensure_venv()

import base64  # noqa: E402
import datetime  # noqa: E402
import hashlib  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import string  # noqa: E402
from urllib.parse import quote, quote_plus, unquote, urlencode, urlsplit  # noqa: E402

import oss2  # noqa: E402
import oss2.auth  # noqa: E402
import oss2.credentials  # noqa: E402
from oss2.http import Request as Oss2Request  # noqa: E402

import alibabacloud_oss_v2 as oss_v2  # noqa: E402
from alibabacloud_oss_v2.signer.v4 import SignerV4  # noqa: E402
from alibabacloud_oss_v2.types import HttpRequest, SigningContext  # noqa: E402

OUT = os.path.join(ROOT, "tests", "vectors")
HEADER_COUNT = 1100
PRESIGN_COUNT = 550
rng = random.Random(20260415)

# --------------------------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------------------------

METHODS = ["GET", "PUT", "POST", "DELETE", "HEAD", "OPTIONS"]
REGIONS = ["cn-hangzhou", "cn-shanghai", "us-west-1", "ap-southeast-1", "eu-central-1",
           "cn-shanghai-finance-1", "me-east-1", "cn-hongkong", "ap-northeast-1", "rg-china-mainland"]
PUNCT = string.punctuation  # !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~  (every reserved character)
KEY_PIECES = ["nelson", "photos/2024/", "中文/对象.txt", "a b+c.txt", "emoji-😀", "%41literal", "%2F",
              "dir//double", "key+123", "~tilde_", "x=y&z", "Ünïcödé", "trailing ", " leading",
              "semi;colon", "quote'\"", "tab\tin", "コンテンツ", "e\u0301", "عربي", "a?b#c", "[v]@{w}",
              "100%", "/lead", "end/", "\\back", "^caret`", "long-" + "k" * 40, "."] + list(PUNCT)
QUERY_NAMES = ["acl", "uploads", "versionId", "partNumber", "uploadId", "prefix", "marker",
               "max-keys", "delimiter", "encoding-type", "continuation-token", "list-type",
               "response-content-disposition", "response-content-type", "x-oss-process",
               "x-oss-traffic-limit", "tagging", "comp", "position", "ACL", "Acl", "+param",
               "|param", "param", "中文名", "a b", "a+b", "a/b", "a=b", "a&b", "%20", "~", ".", "-", "_"]
VALUE_PIECES = ["v1", "a b", "x+y", "a/b", "=", "&", "attachment; filename=\"x y.txt\"", "中文", "100",
                "text/plain", "%2F", "%20", "~", "😀", "CAE", "0004B9894A22E5B1888A1E29F823****",
                "image/resize,w_100", "a=1&b=2", "?", "#frag"] + list(PUNCT)
META_NAMES = ["X-Oss-Meta-Author", "x-oss-meta-magic", "X-OSS-META-Colour", "x-oss-Meta-z",
              "x-oss-storage-class", "X-Oss-Object-Acl", "x-oss-server-side-encryption",
              "x-oss-meta-a", "x-oss-meta-ab", "x-oss-meta-a-b", "X-Oss-Tagging", "x-oss-forbid-overwrite",
              "x-oss-head1", "X-OSS-CALLBACK-VAR", "x-oss-meta-zh"]
META_VALUES = ["alice", "abracadabra", "Standard", "private", "AES256", "a=1&b=2", "mixed Case Value",
               "中文值", "comma,separated", "true", "k1=v1", "inner  spaces", "tab\tinside", "", "😀",
               "quote\"d", "semi;colon", "a:b:c", "non-ascii-end\u00a0x", "%2F"]
CONTENT_TYPES = ["text/html", "application/octet-stream", "image/png", "application/json; charset=utf-8",
                 "text/plain", "multipart/form-data; boundary=x"]
# Headers not signed by default; some of them are asked for as additional headers.
OTHER_HEADERS = [("Content-Disposition", ["attachment", "inline; filename=\"a b.txt\"", "attachment; filename*=UTF-8''%E4%B8%AD"]),
                 ("Cache-Control", ["no-cache", "max-age=3600, public"]),
                 ("Content-Encoding", ["gzip", "identity"]),
                 ("Content-Language", ["zh-CN", "en"]),
                 ("Content-Length", ["0", "3", "1024"]),
                 ("Expires", ["Wed, 21 Oct 2015 07:28:00 GMT"]),
                 ("Range", ["bytes=0-9", "bytes=100-"]),
                 ("If-Match", ["\"5B3C1A2E053D763E1B002CC607C5A0FE\""]),
                 ("If-None-Match", ["*"]),
                 ("If-Modified-Since", ["Fri, 13 Nov 2015 14:47:53 GMT"]),
                 ("Host", ["bucket.oss-cn-hangzhou.aliyuncs.com", "oss-cn-hangzhou.aliyuncs.com"]),
                 ("Origin", ["https://example.com"]),
                 ("X-Custom-Header", ["custom", "中文", "a;b"]),
                 ("ZAbc", ["value"]),
                 ("abc", ["value"])]
DEFAULT_SIGNED_ADDITIONAL = ["Content-Type", "content-md5", "x-oss-meta-a", "X-Oss-Meta-Author"]
RESERVED_QUERY = {"x-oss-signature-version", "x-oss-credential", "x-oss-date", "x-oss-expires",
                  "x-oss-security-token", "x-oss-additional-headers", "x-oss-signature"}
ALNUM = string.ascii_letters + string.digits


def mixed_case(name):
    return "".join(c.upper() if rng.random() < 0.5 else c.lower() for c in name)


def rand_id():
    if rng.random() < 0.2:
        return "STS." + "".join(rng.choice(ALNUM) for _ in range(rng.randint(10, 24)))
    return "LTAI" + "".join(rng.choice(ALNUM) for _ in range(rng.randint(8, 20)))


def rand_secret():
    alphabet = ALNUM + "+/=_-"
    return "".join(rng.choice(alphabet) for _ in range(rng.choice([1, 2, 16, 30, 40, 70])))


def rand_token():
    if rng.random() < 0.6:
        return None
    alphabet = ALNUM + "+/="
    return "CAIS" + "".join(rng.choice(alphabet) for _ in range(rng.randint(8, 100)))


def rand_region_product():
    if rng.random() < 0.2:
        region = "cb-" + "".join(rng.choice(string.ascii_lowercase + string.digits)
                                 for _ in range(rng.choice([3, 8, 16])))
        return region, "oss-cloudbox"
    return rng.choice(REGIONS), "oss"


def rand_time():
    r = rng.random()
    if r < 0.1:
        # A day boundary: the last second of a day or the first of the next.
        day = rng.randint(0, 50_000)
        return day * 86_400 - rng.choice([0, 1]) if day else 0
    if r < 0.13:
        return rng.choice([0, 1, 951_782_400, 1_709_164_800, 1_709_251_199, 4_107_542_399,
                           253_402_300_799, 32_503_680_000])  # 2000-02-29, 2024-02-29, 2100-02-28, 9999-12-31, 3000-01-01
    if r < 0.2:
        return rng.randint(0, 253_402_300_799)
    return rng.randint(1_400_000_000, 2_100_000_000)


def rand_text(pool, low, high):
    return "".join(rng.choice(pool) for _ in range(rng.randint(low, high)))


def rand_key():
    return "".join(rng.choice(KEY_PIECES) for _ in range(rng.randint(1, 3)))


def rand_bucket_key():
    shape = rng.random()
    if shape < 0.06:
        return None, None
    bucket = rng.choice(["examplebucket", "bucket", "oss-example", "b-123", "a1b"])
    if shape < 0.15:
        return bucket, None
    if shape < 0.17:
        return bucket, ""
    return bucket, rand_key()


def rand_query_name():
    r = rng.random()
    if r < 0.01:
        return ""
    if r < 0.6:
        return rng.choice(QUERY_NAMES)
    if r < 0.8:
        return rand_text(PUNCT + ALNUM, 1, 6)
    return rand_text(PUNCT + ALNUM + "中é😀 ", 1, 8)


def rand_query_value():
    r = rng.random()
    if r < 0.35:
        return ""
    if r < 0.75:
        return rng.choice(VALUE_PIECES)
    return rand_text(PUNCT + ALNUM + "中é😀 ", 1, 12)


def rand_query(many=False):
    count = rng.randint(26, 34) if many else rng.choice([0, 0, 1, 1, 2, 3, 4, 6])
    names = []
    while len(names) < count:
        name = rand_query_name()
        if many and rng.random() < 0.7:
            name = "p%02d%s" % (rng.randint(0, 60), rng.choice(["", "+", "~", "%"]))
        if name not in names and name not in RESERVED_QUERY:
            names.append(name)
    return [(name, rand_query_value()) for name in names]


def rand_headers(many=False):
    """Request headers: unique names (case-insensitively), values without surrounding space."""
    headers = []
    seen = set()

    def add(name, value):
        if name.lower() not in seen:
            seen.add(name.lower())
            headers.append((name, value))

    if many:
        for i in rng.sample(range(60), rng.randint(26, 32)):
            add(mixed_case("x-oss-meta-h%02d" % i), rng.choice(META_VALUES))
    for name in rng.sample(META_NAMES, rng.randint(0, 4)):
        add(name, rng.choice(META_VALUES))
    if rng.random() < 0.4:
        digest = hashlib.md5(rng.randbytes(16)).digest()
        add(rng.choice(["Content-MD5", "content-md5", "Content-Md5"]), base64.b64encode(digest).decode())
    if rng.random() < 0.5:
        add(rng.choice(["Content-Type", "content-type", "CONTENT-TYPE"]), rng.choice(CONTENT_TYPES))
    for name, values in rng.sample(OTHER_HEADERS, rng.randint(0, 4)):
        add(rng.choice([name, name.lower(), mixed_case(name)]), rng.choice(values))
    rng.shuffle(headers)
    return headers


def rand_additional(headers, absent_rate):
    """Additional header names: mostly ones the request carries, some it lacks, some signed anyway."""
    present = [name for name, value in headers if not is_default_signed(name.lower()) and value]
    names = []
    for name in rng.sample(present, rng.randint(0, len(present))) if present and rng.random() < 0.6 else []:
        names.append(rng.choice([name, name.lower(), name.upper(), mixed_case(name)]))
    if rng.random() < absent_rate:
        carried = {name.lower() for name, _ in headers}
        candidates = [name for name, _ in OTHER_HEADERS if name.lower() not in carried]
        if candidates:
            names.append(rng.choice(candidates))
    if rng.random() < 0.1:
        names.append(rng.choice(DEFAULT_SIGNED_ADDITIONAL))
    rng.shuffle(names)
    return names


def is_default_signed(lower):
    return lower.startswith("x-oss-") or lower in ("content-type", "content-md5")


# --------------------------------------------------------------------------------------------
# The two oracles
# --------------------------------------------------------------------------------------------


class FixedDatetime(datetime.datetime):
    """Stands in for `datetime` inside oss2.auth, so that `utcnow()` is the signing time."""
    pinned = None

    @classmethod
    def utcnow(cls):
        return cls.pinned


oss2.auth.datetime = FixedDatetime


class CapturingSignerV4(SignerV4):
    def _calc_canonical_request(self, signing_ctx, additional_headers=None):
        self.canonical = super()._calc_canonical_request(signing_ctx, additional_headers)
        return self.canonical


class CapturingAuthV4(oss2.auth.ProviderAuthV4):
    def _ProviderAuthV4__get_canonical_request_bytes(self, *args):
        self.canonical = oss2.auth.ProviderAuthV4._ProviderAuthV4__get_canonical_request_bytes(self, *args)
        return self.canonical

    def _ProviderAuthV4__get_string_to_sign_bytes(self, *args):
        self.string_to_sign = oss2.auth.ProviderAuthV4._ProviderAuthV4__get_string_to_sign_bytes(self, *args)
        return self.string_to_sign


def host_of(case):
    region = case["region"]
    endpoint = f"{region}.oss-cloudbox.aliyuncs.com" if case["product"] == "oss-cloudbox" else f"oss-{region}.aliyuncs.com"
    return f"{case['bucket']}.{endpoint}" if case.get("bucket") else endpoint


def v2_url(case):
    """The URL as alibabacloud-oss-v2's client builds it (`_build_url`, then `urlencode`)."""
    url = f"https://{host_of(case)}/"
    if case.get("key") is not None:
        url += quote(case["key"])
    if "raw_query" in case:
        query = case["raw_query"]
    else:
        query = urlencode(case["query"], quote_via=quote)
    return url + ("?" + query if query else "")


def when_of(case):
    return datetime.datetime.fromtimestamp(case["time"], datetime.timezone.utc)


def v2_sign(case, presign):
    creds = oss_v2.credentials.StaticCredentialsProvider(
        case["access_key_id"], case["access_key_secret"], case.get("security_token")).get_credentials()
    request = HttpRequest(case["method"], v2_url(case), headers=dict(case["headers"]))
    ctx = SigningContext(product=case["product"], region=case["region"], bucket=case.get("bucket"),
                         key=case.get("key"), request=request, credentials=creds,
                         signing_time=when_of(case),
                         additional_headers=set(case["additional_headers"]) or None)
    if presign:
        ctx.auth_method_query = True
        ctx.expiration_time = when_of(case) + datetime.timedelta(seconds=case["expires"])
    signer = CapturingSignerV4()
    signer.sign(ctx)
    out = {"canonical_request": signer.canonical, "string_to_sign": ctx.string_to_sign}
    if presign:
        query = urlsplit(request.url).query
        out["url_query"] = query
        out["signature"] = dict(p.partition("=")[::2] for p in query.split("&"))["x-oss-signature"]
    else:
        auth = request.headers["Authorization"]
        out["authorization"] = auth
        out["signature"] = auth.rsplit("Signature=", 1)[1]
    return out


def oss2_sign(case, presign):
    provider = oss2.credentials.StaticCredentialsProvider(
        case["access_key_id"], case["access_key_secret"], case.get("security_token") or "")
    auth = CapturingAuthV4(provider)
    # oss2 takes decoded parameters (one value per name), also for the raw-query cases.
    params = dict(case["query"])
    base = f"https://{host_of(case)}/" + quote(case.get("key") or "")
    request = Oss2Request(case["method"], base, params=params, headers=dict(case["headers"]),
                          region=case["region"], product=case["product"])
    FixedDatetime.pinned = when_of(case).replace(tzinfo=None)
    bucket, key = case.get("bucket"), case.get("key") or ""
    additional = list(case["additional_headers"])
    if presign:
        url = auth._sign_url(request, bucket, key, case["expires"], in_additional_headers=set(additional))
        query = urlsplit(url).query
        out = {"url_query": query, "signature": request.params["x-oss-signature"]}
    else:
        auth._sign_request(request, bucket, key, in_additional_headers=additional or None)
        out = {"authorization": request.headers["authorization"]}
        out["signature"] = out["authorization"].split("Signature=", 1)[1].split(",", 1)[0]
    out["canonical_request"] = auth.canonical.decode("utf-8")
    out["string_to_sign"] = auth.string_to_sign
    return out


def auth_items(value):
    """The items of a V4 Authorization value, as a dict (`,` or `, ` between them)."""
    algorithm, _, rest = value.partition(" ")
    items = dict(item.strip().split("=", 1) for item in rest.split(","))
    items["algorithm"] = algorithm
    if "AdditionalHeaders" in items:
        # oss2 orders this item by first character only: compare the names, not their order.
        items["AdditionalHeaders"] = sorted(items["AdditionalHeaders"].split(";"))
    return items


def additional_item(value):
    """The AdditionalHeaders item of an Authorization value, as written."""
    for item in value.partition(" ")[2].split(","):
        name, _, text = item.strip().partition("=")
        if name == "AdditionalHeaders":
            return text
    return None


def decoded_query(raw):
    pairs = []
    for piece in raw.split("&"):
        if piece:
            name, _, value = piece.partition("=")
            pairs.append((unquote(name), unquote(value)))
    return sorted(pairs)


def compare(case, presign):
    """(v2 result, oss2 result, list of differences)."""
    a, b = v2_sign(case, presign), oss2_sign(case, presign)
    diffs = []
    if a["canonical_request"] != b["canonical_request"]:
        diffs.append("canonical request")
    if a["string_to_sign"] != b["string_to_sign"]:
        diffs.append("string to sign")
    if a["signature"] != b["signature"]:
        diffs.append("signature")
    if presign:
        if decoded_query(a["url_query"]) != decoded_query(b["url_query"]):
            diffs.append("url query")
    else:
        ia, ib = auth_items(a["authorization"]), auth_items(b["authorization"])
        if ia != ib:
            diffs.append("authorization items")
    return a, b, diffs


def line_diff(a, b):
    la, lb = a.split("\n"), b.split("\n")
    names = ["method", "uri", "query", "headers"]
    out = []
    # The headers block spans several lines: compare the fixed parts from both ends.
    for i, name in enumerate(names[:3]):
        if la[i] != lb[i]:
            out.append(f"{name}: v2 {la[i]!r} / oss2 {lb[i]!r}")
    for i, name in [(-1, "payload"), (-2, "additional headers")]:
        if la[i] != lb[i]:
            out.append(f"{name}: v2 {la[i]!r} / oss2 {lb[i]!r}")
    if la[3:-3] != lb[3:-3]:
        out.append(f"headers: v2 {la[3:-3]!r} / oss2 {lb[3:-3]!r}")
    return out


# --------------------------------------------------------------------------------------------
# Rows
# --------------------------------------------------------------------------------------------

disagreements = []
natural = {"header": 0, "presign": 0}
authorization_order = []


def base_case(presign):
    region, product = rand_region_product()
    bucket, key = rand_bucket_key()
    if presign and bucket is None:
        bucket, key = "examplebucket", rand_key()
    many = rng.random() < 0.03
    headers = rand_headers(many=many)
    case = {
        "access_key_id": rand_id(), "access_key_secret": rand_secret(),
        "region": region, "product": product, "method": rng.choice(METHODS),
        "bucket": bucket, "key": key, "headers": headers,
        "query": rand_query(many=many or rng.random() < 0.02),
        "time": rand_time(),
    }
    token = rand_token()
    if token:
        case["security_token"] = token
    case["additional_headers"] = rand_additional(headers, absent_rate=0.3 if presign else 0.03)
    if presign:
        case["expires"] = rng.choice([1, 60, 599, 900, 3600, 86_400, 604_800, rng.randint(1, 604_800)])
        # Python's datetime ends with year 9999: keep the expiry inside it.
        case["time"] = min(case["time"], 253_402_300_799 - case["expires"])
    # The V4 headers themselves, when the request already carries them with the signing values.
    if not presign and rng.random() < 0.08:
        headers.append((rng.choice(["x-oss-date", "X-Oss-Date"]), when_of(case).strftime("%Y%m%dT%H%M%SZ")))
    if rng.random() < 0.06:
        headers.append((rng.choice(["x-oss-content-sha256", "X-Oss-Content-Sha256"]), "UNSIGNED-PAYLOAD"))
    if presign and rng.random() < 0.05:
        headers.append(("x-oss-date", rng.choice(["Fri, 11 Aug 2017 07:22:14 GMT", "20170811T072214Z"])))
    if not presign and token and rng.random() < 0.1:
        headers.append(("X-Oss-Security-Token", token))
    return case


def row_of(case, result, presign):
    row = {k: case[k] for k in ["access_key_id", "access_key_secret", "region", "product", "method",
                                "bucket", "key", "additional_headers", "time"]}
    if case.get("security_token"):
        row["security_token"] = case["security_token"]
    row["headers"] = [list(h) for h in case["headers"]]
    row["query"] = [list(q) for q in case["query"]]
    row["signature"] = result["signature"]
    row["canonical_request"] = result["canonical_request"]
    if presign:
        row["expires"] = case["expires"]
        row["url_query"] = result["url_query"]
    else:
        row["authorization"] = result["authorization"]
    return row


def record(category, reason, case, presign, a, b, diffs, ours, expected=None):
    entry = {
        "category": category,
        "form": "query" if presign else "header",
        "reason": reason,
        "case": {k: v for k, v in case.items() if v is not None or k in ("bucket", "key")},
        "differs": diffs,
        "detail": line_diff(a["canonical_request"], b["canonical_request"]),
        "v2": {k: a[k] for k in ("signature", "canonical_request", "authorization", "url_query") if k in a},
        "oss2": {k: b[k] for k in ("signature", "canonical_request", "authorization", "url_query") if k in b},
        "ours": ours,
    }
    if expected is not None:
        entry["expected"] = {k: expected[k] for k in ("signature", "canonical_request", "authorization") if k in expected}
    disagreements.append(entry)


def classify(case, presign, a, b, diffs):
    """Names a natural disagreement of the random generator by what differs."""
    detail = line_diff(a["canonical_request"], b["canonical_request"])
    if not presign and any(d.startswith("additional headers") for d in detail):
        names = [n.lower() for n in case["additional_headers"]]
        carried = {n.lower() for n, _ in case["headers"]}
        if len(set(names)) != len(names):
            return ("additional_header_repeated",
                    "oss2 (header form) lists a repeated additional header name twice in AdditionalHeaders; "
                    "alibabacloud-oss-v2 and oss-sign list it once", "v2")
        if any(n not in carried and not is_default_signed(n) for n in names):
            return ("additional_header_absent",
                    "oss2 (header form) puts additional header names the request lacks into AdditionalHeaders; "
                    "alibabacloud-oss-v2, Go v2 and oss-sign drop them", "v2")
        return ("additional_header_empty_value",
                "alibabacloud-oss-v2 (and Go v2) drop an additional header whose value is empty from "
                "AdditionalHeaders; oss2 keeps it, and so does oss-sign (it drops only absent names)", "oss2")
    if presign and any(d.startswith("additional headers") for d in detail):
        return ("additional_header_empty_value",
                "alibabacloud-oss-v2 (and Go v2) drop an additional header whose value is empty from "
                "x-oss-additional-headers; oss2 keeps it, and so does oss-sign (it drops only absent names)", "oss2")
    return ("unclassified", "; ".join(detail) or ", ".join(diffs), None)


def gen(presign, count):
    rows = []
    while len(rows) < count:
        case = base_case(presign)
        a, b, diffs = compare(case, presign)
        if diffs:
            natural["presign" if presign else "header"] += 1
            category, reason, ours = classify(case, presign, a, b, diffs)
            record(category, reason, case, presign, a, b, diffs, ours)
            continue
        if any(name == "" and value == "" for name, value in case["query"]):
            # Both Python SDKs sign a parameter with an empty name and value, which is an empty
            # piece on the wire (`?&a=1`); Go v2 skips empty pieces, and so does oss-sign reading
            # a received query. oss-sign's signer signs it, as the Python SDKs do.
            record("empty_query_parameter",
                   "both Python SDKs sign a parameter with an empty name and an empty value (a bare `&` in the "
                   "canonical query; the URL carries an empty piece); Go v2 skips empty pieces, and so does "
                   "oss-sign's RawQuery (so such a URL, from the SDKs or from oss-sign's presign, does not verify "
                   "in oss-sign's Verifier); oss-sign's signer signs the pair as the Python SDKs do",
                   case, presign, a, b, diffs, "v2")
            continue
        if not presign:
            order_a = additional_item(a["authorization"])
            order_b = additional_item(b["authorization"])
            if order_a != order_b and len(authorization_order) < 5:
                authorization_order.append({"v2": a["authorization"], "oss2": b["authorization"]})
        rows.append(row_of(case, a, presign))
    return rows


# --------------------------------------------------------------------------------------------
# Targeted disagreements
# --------------------------------------------------------------------------------------------


def simple_case(presign, **over):
    case = {
        "access_key_id": "LTAI5tExample", "access_key_secret": "secretExample",
        "region": "cn-hangzhou", "product": "oss", "method": "PUT",
        "bucket": "examplebucket", "key": "dir/a b.txt",
        "headers": [("Content-Type", "text/plain"), ("x-oss-meta-a", "1")],
        "query": [], "additional_headers": [], "time": 1_702_743_657,
    }
    if presign:
        case["expires"] = 900
    case.update(over)
    return case


def targeted():
    # Header values with surrounding whitespace: neither Python SDK trims; oss-sign trims (as
    # Go v2, Java, ali-oss and reqsign do). Expected: the SDKs' signature of the trimmed values.
    for presign in (False, True):
        for headers, additional in [
            ([("x-oss-meta-a", " padded ")], []),
            ([("Content-Type", "text/plain  "), ("x-oss-meta-a", "\tx")], []),
            ([("Content-Type", "text/plain"), ("X-Oss-Meta-Note", "  two words  ")], []),
            ([("Content-Disposition", " attachment"), ("x-oss-meta-a", "1")], ["Content-Disposition"]),
            ([("x-oss-meta-a", " ")], []),
        ]:
            case = simple_case(presign, headers=headers, additional_headers=additional)
            a, b, diffs = compare(case, presign)
            trimmed = dict(case, headers=[(n, v.strip(" \t")) for n, v in headers])
            expected = v2_sign(trimmed, presign)
            record("header_value_whitespace",
                   "neither alibabacloud-oss-v2 nor oss2 trims header values (they agree with each other); "
                   "oss-sign trims leading and trailing ASCII whitespace, as Go v2, Java, ali-oss and reqsign do; "
                   "expected: the SDKs' result for the trimmed values",
                   case, presign, a, b, diffs, "expected", expected)
    # An additional header with an empty value.
    for presign in (False, True):
        case = simple_case(presign, headers=[("Content-Disposition", ""), ("Range", "bytes=0-1")],
                           additional_headers=["content-disposition", "range"])
        a, b, diffs = compare(case, presign)
        category, reason, ours = classify(case, presign, a, b, diffs)
        record(category, reason, case, presign, a, b, diffs, ours)
    # Header form: an additional header the request lacks.
    case = simple_case(False, headers=[("Range", "bytes=0-1")], additional_headers=["Range", "Host"])
    a, b, diffs = compare(case, False)
    record(*classify(case, False, a, b, diffs)[:2], case, False, a, b, diffs, "v2")
    # Header form: the same additional name twice (different case).
    case = simple_case(False, headers=[("Range", "bytes=0-1")], additional_headers=["Range", "range"])
    a, b, diffs = compare(case, False)
    record(*classify(case, False, a, b, diffs)[:2], case, False, a, b, diffs, "v2")
    # A raw query with `+` for a space (as quote_plus / HTML forms write it): alibabacloud-oss-v2
    # signs the raw text; oss2 (given decoded parameters) and oss-sign (RawQuery: `+` is a
    # space, as OSS reads it) sign %20. Go v2 turns `+` into %20 as well.
    for presign in (False, True):
        pairs = [("response-content-disposition", "attachment; filename=a b.txt"), ("q", "x+y z")]
        raw = urlencode(pairs, quote_via=quote_plus)
        case = simple_case(presign, raw_query=raw, query=pairs)
        a, b, diffs = compare(case, presign)
        record("raw_query_plus",
               "alibabacloud-oss-v2 signs the query exactly as its URL carries it, so a `+` for a space "
               "stays `+` (and `%2B` stays `%2B`); oss2 signs decoded parameters (%20), as does oss-sign "
               "reading the raw query with `+` as a space; Go v2 replaces `+` with %20",
               case, presign, a, b, diffs, "oss2")
    # A raw query that is encoded differently from RFC 3986 upper-case: lower-case hex,
    # unreserved characters encoded, `/` left unencoded.
    for presign in (False, True):
        raw = "a=%7etilde&b=%41%42&c=x/y&d=%2f"
        pairs = [(unquote(k), unquote(v)) for k, _, v in (p.partition("=") for p in raw.split("&"))]
        case = simple_case(presign, raw_query=raw, query=pairs)
        a, b, diffs = compare(case, presign)
        record("raw_query_not_normalised",
               "alibabacloud-oss-v2 (and Go v2) reuse the already-encoded query text (lower-case hex, "
               "encoded unreserved characters and a raw `/` are signed as sent); oss2 signs decoded "
               "parameters re-encoded per RFC 3986, and so does oss-sign",
               case, presign, a, b, diffs, "oss2")
    # Repeated query names.
    for presign in (False, True):
        raw = "tag=b&tag=a&acl"
        case = simple_case(presign, raw_query=raw, query=[("tag", "b"), ("tag", "a"), ("acl", "")])
        a, b, diffs = compare(case, presign)
        if presign:
            reason = ("both SDKs keep one value per name when presigning (alibabacloud-oss-v2: the last, and "
                      "it drops the others from the URL; oss2: a dict); oss-sign signs and writes every pair")
            ours = None
        else:
            reason = ("oss2 keeps one value per name (a dict: the last); alibabacloud-oss-v2 signs every pair, "
                      "sorted by name then value, and so does oss-sign")
            ours = "v2"
        record("repeated_query_name", reason, case, presign, a, b, diffs, ours)
    # The request's own x-oss-date differs from the signing time (header form).
    case = simple_case(False, headers=[("Content-Type", "text/plain"), ("X-Oss-Date", "20240229T235959Z")])
    a, b, diffs = compare(case, False)
    own = dict(case, time=1_709_251_199)
    expected = v2_sign(own, False)
    record("request_x_oss_date",
           "both SDKs overwrite x-oss-date with the signing time (they agree); oss-sign signs the request's own "
           "x-oss-date (and derives the scope from it); expected: the SDKs' result when signing at that date",
           case, False, a, b, diffs, "expected", expected)
    # The request's own x-oss-content-sha256 is not UNSIGNED-PAYLOAD.
    for presign in (False, True):
        digest = hashlib.sha256(b"abc").hexdigest()
        case = simple_case(presign, headers=[("Content-Type", "text/plain"), ("x-oss-content-sha256", digest)])
        a, b, diffs = compare(case, presign)
        # OSS accepts only UNSIGNED-PAYLOAD (EC 0002-00000214), so neither request would be accepted.
        if presign:
            reason = ("both SDKs sign the request's x-oss-content-sha256 as a header and use its value as the "
                      "hashed payload (Go v2 too); oss-sign signs the header but hashes UNSIGNED-PAYLOAD, as its "
                      "verifier does for presigned URLs; OSS accepts only UNSIGNED-PAYLOAD (EC 0002-00000214)")
        else:
            reason = ("both SDKs overwrite x-oss-content-sha256 with UNSIGNED-PAYLOAD; oss-sign signs the request's "
                      "own value (header and hashed payload); OSS accepts only UNSIGNED-PAYLOAD (EC 0002-00000214)")
        record("request_content_sha256", reason, case, presign, a, b, diffs, None)
    # The request's own x-oss-security-token differs from the credentials' token (header form).
    case = simple_case(False, security_token="CAIStokenFromCredentials",
                       headers=[("Content-Type", "text/plain"), ("x-oss-security-token", "CAIStokenInTheRequest")])
    a, b, diffs = compare(case, False)
    expected = v2_sign(dict(case, security_token="CAIStokenInTheRequest"), False)
    record("request_security_token",
           "both SDKs overwrite x-oss-security-token with the credentials' token (they agree); oss-sign signs the "
           "request's own header; expected: the SDKs' result with the request's token as the credentials' token",
           case, False, a, b, diffs, "expected", expected)
    # A key without a bucket.
    case = simple_case(False, bucket=None, key="a.txt")
    a, b, diffs = compare(case, False)
    record("key_without_bucket",
           "alibabacloud-oss-v2 signs /a.txt; oss2 signs / (the key is ignored without a bucket), and so does oss-sign",
           case, False, a, b, diffs, "oss2")
    # A lower-case method.
    case = simple_case(False, method="get")
    a, b, diffs = compare(case, False)
    expected = v2_sign(dict(case, method="GET"), False)
    record("lower_case_method",
           "both SDKs sign the method as given; oss-sign upper-cases it; expected: the SDKs' result for GET",
           case, False, a, b, diffs, "expected", expected)
    # A header name repeated in another case.
    case = simple_case(False, headers=[("x-oss-meta-a", "1"), ("X-Oss-Meta-A", "2")])
    a, b, diffs = compare(case, False)
    expected = v2_sign(dict(case, headers=[("x-oss-meta-a", "1,2")]), False)
    record("repeated_header_name",
           "both SDKs keep one value (a case-insensitive dict: the last); oss-sign signs every value, "
           "joined with `,` in the order given (as Go v2 does); expected: the SDKs' result for `1,2`",
           case, False, a, b, diffs, "expected", expected)


def write_jsonl(name, rows):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{name}: {len(rows)}", file=sys.stderr)


def main():
    os.makedirs(OUT, exist_ok=True)
    header_rows = gen(False, HEADER_COUNT)
    presign_rows = gen(True, PRESIGN_COUNT)
    write_jsonl("sign_v4.jsonl", header_rows)
    write_jsonl("sign_v4_presign.jsonl", presign_rows)
    targeted()
    categories = {}
    for entry in disagreements:
        key = f"{entry['category']} ({entry['form']})"
        categories[key] = categories.get(key, 0) + 1
    summary = {
        "alibabacloud_oss_v2_version": oss_v2.__version__ if hasattr(oss_v2, "__version__") else SDKS[0],
        "oss2_version": oss2.__version__,
        "seed": 20260415,
        "rows": {"header": len(header_rows), "query": len(presign_rows)},
        "natural_disagreements": natural,
        "categories": categories,
        "authorization_format": {
            "reason": "not a signature disagreement, rows kept: oss2 writes `, ` between items and puts "
                      "AdditionalHeaders last, and orders its AdditionalHeaders item by the first character "
                      "only (the canonical request is fully sorted); the rows carry alibabacloud-oss-v2's form, "
                      "which oss-sign writes",
            "examples": authorization_order,
        },
        "disagreements": disagreements,
    }
    with open(os.path.join(OUT, "sign_v4_disagreements.json"), "w", encoding="utf-8") as f:
        json.dump(summary, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
    print(f"disagreements: {len(disagreements)} {categories}", file=sys.stderr)


if __name__ == "__main__":
    main()
