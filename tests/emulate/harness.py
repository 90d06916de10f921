"""Shared fixture for the emulator integration tests.

`Emulator` starts `oss-doctor emulate` on 127.0.0.1:0 with a temporary root, reads the one
JSON line it prints on start, and stops it (SIGTERM, then SIGKILL) at the end.
`CallbackServer` does the same for `oss-doctor callback serve --json` and collects its log.

The binary is `$OSS_DOCTOR` (run.sh sets it), else `target/debug/oss-doctor` under the
repository root. Every wait below has a deadline; nothing here can hang a run.
"""

import base64
import hashlib
import http.client
import json
import os
import random
import select
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

import crcmod

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
OSS_DOCTOR = os.environ.get("OSS_DOCTOR") or os.path.join(ROOT, "target", "debug", "oss-doctor")

REGION = "cn-hangzhou"
BUCKET = "emu-test"
BUCKET2 = "emu-other"
AK, SK = "LTAI5tEmulateTest01", "emulate-secret-one"
AK2, SK2 = "LTAI5tEmulateTest02", "emulate-secret-two"
WRONG_SK = "not-the-secret"
UNKNOWN_AK = "LTAI5tNobodyHasThis"

HTTP_TIMEOUT = 15  # seconds, every HTTP call
START_TIMEOUT = 20  # seconds, for a server's first line
STOP_TIMEOUT = 5

# CRC-64/XZ (ECMA-182), as x-oss-hash-crc64ecma: computed here independently of the SDKs.
_crc64 = crcmod.mkCrcFun(0x142F0E1EBA9EA3693, initCrc=0, xorOut=0xFFFFFFFFFFFFFFFF, rev=True)
assert _crc64(b"123456789") == 11051210869376104954


def crc64(data: bytes) -> int:
    return _crc64(data)


def md5_etag(data: bytes) -> str:
    """The quoted ETag OSS gives a simple upload: the upper-case hex MD5 in quotes."""
    return '"' + hashlib.md5(data).hexdigest().upper() + '"'


def multipart_etag(parts) -> str:
    """OSS's multipart ETag: upper hex MD5 of the concatenated upper-hex part ETags, "-N"
    (reference/callback_post_multipart.md 4.3, verified there on two recorded vectors)."""
    joined = "".join(hashlib.md5(p).hexdigest().upper() for p in parts).encode()
    return '"' + hashlib.md5(joined).hexdigest().upper() + "-" + str(len(parts)) + '"'


def payload(n: int, seed=None) -> bytes:
    rnd = random.Random(seed)
    return bytes(rnd.getrandbits(8) for _ in range(n))


def unique(prefix: str) -> str:
    return "%s%d-%06d" % (prefix, int(time.time() * 1000), random.randrange(10**6))


def _read_line(proc, what, log_path):
    """The first stdout line of `proc`, within START_TIMEOUT."""
    deadline = time.monotonic() + START_TIMEOUT
    buf = b""
    fd = proc.stdout.fileno()
    while b"\n" not in buf:
        left = deadline - time.monotonic()
        if left <= 0 or proc.poll() is not None:
            err = open(log_path, "rb").read().decode("utf-8", "replace") if log_path else ""
            raise RuntimeError("%s printed no start line within %ss (exit %s); stderr:\n%s"
                               % (what, START_TIMEOUT, proc.poll(), err[-4000:]))
        ready, _, _ = select.select([fd], [], [], min(left, 0.5))
        if ready:
            chunk = os.read(fd, 65536)
            if not chunk:
                continue
            buf += chunk
    line, rest = buf.split(b"\n", 1)
    return line.decode("utf-8"), rest


def _stop(proc):
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(STOP_TIMEOUT)


class Emulator:
    """`oss-doctor emulate` on 127.0.0.1:0 for the duration of a test module."""

    def __init__(self, buckets=(BUCKET, BUCKET2), keys=((AK, SK), (AK2, SK2)), extra_args=()):
        self.tmp = tempfile.mkdtemp(prefix="oss-emulate-")
        self.root = os.path.join(self.tmp, "root")
        os.mkdir(self.root)
        self.log_path = os.path.join(self.tmp, "emulate.stderr")
        args = [OSS_DOCTOR, "emulate", "--listen", "127.0.0.1:0", "--root", self.root,
                "--region", REGION]
        for b in buckets:
            args += ["--bucket", b]
        for k, s in keys:
            args += ["--access-key", "%s:%s" % (k, s)]
        args += list(extra_args)
        self.args = args
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=self.log,
                                     stdin=subprocess.DEVNULL)
        try:
            line, _ = _read_line(self.proc, "oss-doctor emulate", self.log_path)
            try:
                info = json.loads(line)
            except ValueError:
                raise RuntimeError("emulate's first line is not JSON: %r" % line)
            self.info = info
            self.endpoint = info["endpoint"]
            self.region = info["region"]
            self.callback_public_key = info["callback_public_key"]
            u = urllib.parse.urlsplit(self.endpoint)
            self.host, self.port = u.hostname, u.port
        except BaseException:
            self.stop()
            raise

    def stop(self):
        _stop(self.proc)
        if self.proc.stdout:
            self.proc.stdout.close()
        self.log.close()

    def cleanup(self):
        self.stop()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def stderr(self):
        try:
            return open(self.log_path, "rb").read().decode("utf-8", "replace")
        except OSError:
            return ""

    def url(self, bucket, key=""):
        return "%s/%s/%s" % (self.endpoint, bucket, urllib.parse.quote(key, safe="/"))

    def conn(self):
        return http.client.HTTPConnection(self.host, self.port, timeout=HTTP_TIMEOUT)


class CallbackServer:
    """`oss-doctor callback serve --json --public-key PEM` on 127.0.0.1:0; `entries` is its
    log (one JSON object per callback). `trust_key_url`: an extra x-oss-pub-key-url prefix to
    accept (the emulator's own key URL, `<endpoint>/`); OSS's gosspublic URLs need nothing."""

    def __init__(self, public_key, trust_key_url=None):
        self.tmp = tempfile.mkdtemp(prefix="oss-callback-")
        self.log_path = os.path.join(self.tmp, "serve.stderr")
        self.err = open(self.log_path, "wb")
        args = [OSS_DOCTOR, "callback", "serve", "--listen", "127.0.0.1:0", "--public-key",
                public_key, "--json"]
        if trust_key_url:
            args += ["--trust-key-url", trust_key_url]
        self.proc = subprocess.Popen(
            args,
            stdout=subprocess.PIPE, stderr=self.err, stdin=subprocess.DEVNULL)
        self.entries = []
        self.raw = []
        self._lock = threading.Lock()
        try:
            line, rest = _read_line(self.proc, "oss-doctor callback serve", self.log_path)
            self.url = json.loads(line)["listening"]
        except BaseException:
            self.stop()
            raise
        self._pending = rest
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self):
        buf = self._pending
        fd = self.proc.stdout.fileno()
        while True:
            while b"\n" in buf:
                line, buf = buf.split(b"\n", 1)
                self._add(line)
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return
            if not chunk:
                if buf:
                    self._add(buf)
                return
            buf += chunk

    def _add(self, line):
        text = line.decode("utf-8", "replace").strip()
        if not text:
            return
        with self._lock:
            self.raw.append(text)
            try:
                self.entries.append(json.loads(text))
            except ValueError:
                pass

    def wait_for(self, target, timeout=10):
        """The log entry of the callback whose request target is `target`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                for e in self.entries:
                    if e.get("target") == target:
                        return e
            time.sleep(0.05)
        with self._lock:
            raise AssertionError("no callback to %s in the callback server's log within %ss; log:\n%s"
                                 % (target, timeout, "\n".join(self.raw)))

    def stop(self):
        _stop(self.proc)
        self.err.close()

    def cleanup(self):
        self.stop()
        shutil.rmtree(self.tmp, ignore_errors=True)


def b64json(obj) -> str:
    return base64.b64encode(json.dumps(obj).encode()).decode()


def parse_error(body: bytes) -> dict:
    """The child elements of an OSS <Error> document."""
    root = ET.fromstring(body)
    if root.tag != "Error":
        raise AssertionError("error body root is <%s>, not <Error>: %r" % (root.tag, body[:500]))
    return {c.tag: (c.text or "") for c in root}


def urlopen(req_or_url, data=None):
    """urllib with a timeout; returns (status, headers, body), HTTP errors included."""
    try:
        with urllib.request.urlopen(req_or_url, data=data, timeout=HTTP_TIMEOUT) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        try:
            body = e.read()
        finally:
            e.close()
        return e.code, e.headers, body


def multipart_form(fields, file_name, file_bytes, file_type="text/plain"):
    """multipart/form-data body: `fields` in order, then the `file` part last."""
    boundary = "----oss-emulate-%016x" % random.getrandbits(64)
    out = []
    for name, value in fields:
        out.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n" % (boundary, name)).encode())
        out.append(value.encode() if isinstance(value, str) else value)
        out.append(b"\r\n")
    out.append(("--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"%s\"\r\n"
                "Content-Type: %s\r\n\r\n" % (boundary, file_name, file_type)).encode())
    out.append(file_bytes)
    out.append(("\r\n--%s--\r\n" % boundary).encode())
    return b"".join(out), "multipart/form-data; boundary=%s" % boundary


def oss2_signed(auth, method, bucket, key, data=None, headers=None, params=None, additional_headers=None):
    """Sign a request with one of oss2's signers (oss2.Auth, AuthV4, ...) without sending it.

    Returns (path, headers) for http.client: path-style `/<bucket>/<key>[?query]`, and the
    headers oss2 would send (its `Accept-Encoding: None` placeholder dropped)."""
    import oss2  # only the tests that sign by hand need it here

    path = "/%s/%s" % (bucket, urllib.parse.quote(key, safe="/"))
    req = oss2.http.Request(method, "http://127.0.0.1" + path, data=data, headers=headers,
                            params=dict(params or {}), region=REGION, product="oss")
    if additional_headers:
        auth._sign_request(req, bucket, key, in_additional_headers=set(additional_headers))
    else:
        auth._sign_request(req, bucket, key)
    if req.params:
        path += "?" + "&".join(
            urllib.parse.quote(k, safe="") + ("=" + urllib.parse.quote(str(v), safe="") if v not in (None, "") else "")
            for k, v in req.params.items())
    return path, {k: v for k, v in req.headers.items() if v is not None}


def send(emu, method, path, headers, body=None, host=None):
    """One request on a fresh connection; (status, headers, body)."""
    c = emu.conn()
    try:
        headers = dict(headers)
        if host:
            headers["Host"] = host
        c.request(method, path, body=body, headers=headers)
        r = c.getresponse()
        return r.status, r.headers, r.read()
    finally:
        c.close()
