"""Upload callbacks: the emulator POSTs the callback, signed with its own RSA key, to
`oss-doctor callback serve --public-key <the emulator's key>`; the SDK sees the callback
server's reply as the upload's response body, and the server's log shows the signature
verified.
"""

import base64
import datetime
import hashlib
import hmac
import http.server
import json
import os
import shutil
import socket
import tempfile
import threading
import unittest
import urllib.parse
import urllib.request

import alibabacloud_oss_v2 as oss
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from oss2.models import PartInfo

import harness
from clients import oss2_v1, oss2_v4, v2_client
from harness import BUCKET, b64json, crc64, md5_etag, multipart_etag, parse_error, payload, unique

EMU = None
CB = None
WRONG_CB = None
_TMP = None

# callback serve's reply body for a verified callback
SERVE_OK = {"Status": "OK"}


def setUpModule():
    global EMU, CB, WRONG_CB, _TMP
    EMU = harness.Emulator()
    CB = harness.CallbackServer(EMU.callback_public_key, trust_key_url=EMU.endpoint + "/")
    # a callback server that verifies with some other key: every callback fails there
    _TMP = tempfile.mkdtemp(prefix="oss-callback-key-")
    other = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    path = os.path.join(_TMP, "other.pem")
    with open(path, "wb") as f:
        f.write(other.public_key().public_bytes(serialization.Encoding.PEM,
                                                serialization.PublicFormat.SubjectPublicKeyInfo))
    WRONG_CB = harness.CallbackServer(path, trust_key_url=EMU.endpoint + "/")


def tearDownModule():
    for s in (WRONG_CB, CB, EMU):
        if s:
            s.cleanup()
    if _TMP:
        shutil.rmtree(_TMP, ignore_errors=True)


def serve_reply(test, text):
    """The upload's response body must be callback serve's JSON reply."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    try:
        reply = json.loads(text)
    except ValueError:
        test.fail("the upload's response body is not the callback server's JSON reply: %r" % text[:500])
    test.assertEqual(reply, SERVE_OK)


def form_body(entry):
    return dict(urllib.parse.parse_qsl(entry["body"], keep_blank_values=True))


class Callbacks(unittest.TestCase):

    def assert_verified(self, entry):
        self.assertIs(entry.get("verified"), True, "callback serve did not verify: %r" % entry)
        self.assertEqual(entry.get("status"), 200, entry)
        self.assertEqual(entry.get("method"), "POST", entry)

    def test_v2_put_object_form_body(self):
        key = unique("cb/") + "/v2 \u00e9.txt"
        data = payload(1234, 1)
        path = "/cb/v2-put?src=v2&n=1"
        cb = {"callbackUrl": CB.url + path,
              "callbackBody": "bucket=${bucket}&object=${object}&size=${size}&etag=${etag}"
                              "&mimeType=${mimeType}&crc=${crc64}&var1=${x:var1}",
              "callbackBodyType": "application/x-www-form-urlencoded"}
        r = v2_client(EMU).put_object(oss.PutObjectRequest(
            bucket=BUCKET, key=key, body=data, content_type="text/plain",
            callback=b64json(cb), callback_var=b64json({"x:var1": "value one"})))
        self.assertEqual(r.status_code, 200)
        serve_reply(self, r.callback_result)  # the SDK sees the callback server's body
        self.assertEqual(r.hash_crc64, str(crc64(data)))
        entry = CB.wait_for(path)
        self.assert_verified(entry)
        self.assertEqual(entry.get("content_type"), "application/x-www-form-urlencoded")
        self.assertEqual(form_body(entry), {
            "bucket": BUCKET, "object": key, "size": str(len(data)),
            "etag": md5_etag(data).strip('"'), "mimeType": "text/plain",
            "crc": str(crc64(data)), "var1": "value one"})
        self.assertTrue(entry["string_to_sign"].startswith(urllib.parse.unquote(path.split("?")[0]) + "?src=v2&n=1\n"))
        self.assertEqual(oss2_v1(EMU).get_object(key).read(), data)

    def test_oss2_v1_put_object_json_body(self):
        key = unique("cb/") + "/oss2.json.txt"
        data = b"json callback"
        path = "/cb/oss2-json"
        cb = {"callbackUrl": CB.url + path,
              "callbackBody": '{"bucket":${bucket},"object":${object},"size":${size},"v":${x:v}}',
              "callbackBodyType": "application/json"}
        r = oss2_v1(EMU).put_object(key, data, headers={
            "x-oss-callback": b64json(cb), "x-oss-callback-var": b64json({"x:v": "w"})})
        self.assertEqual(r.status, 200)
        serve_reply(self, r.resp.read())
        entry = CB.wait_for(path)
        self.assert_verified(entry)
        self.assertEqual(entry.get("content_type"), "application/json")
        self.assertEqual(json.loads(entry["body"]), {"bucket": BUCKET, "object": key, "size": len(data), "v": "w"})

    def test_oss2_v4_multipart_complete(self):
        key = unique("cb/") + "/multi.bin"
        parts = [payload(100 * 1024, 4), payload(10, 5)]
        b = oss2_v4(EMU)
        uid = b.init_multipart_upload(key).upload_id
        infos = []
        for n, p in enumerate(parts, 1):
            r = b.upload_part(key, uid, n, p)
            infos.append(PartInfo(n, r.etag, size=len(p), part_crc=r.crc))
        path = "/cb/complete"
        cb = {"callbackUrl": CB.url + path, "callbackBody": "object=${object}&size=${size}&etag=${etag}"}
        r = b.complete_multipart_upload(key, uid, infos, headers={"x-oss-callback": b64json(cb)})
        self.assertEqual(r.status, 200)
        serve_reply(self, r.resp.read())  # Complete's XML body is replaced by the callback reply
        whole = b"".join(parts)
        self.assertEqual(r.crc, crc64(whole))
        entry = CB.wait_for(path)
        self.assert_verified(entry)
        self.assertEqual(form_body(entry), {"object": key, "size": str(len(whole)),
                                            "etag": multipart_etag(parts).strip('"')})

    def test_post_object_callback(self):
        key = unique("cb/") + "/posted.txt"
        path = "/cb/post"
        cb = {"callbackUrl": CB.url + path, "callbackBody": "object=${object}&size=${size}&my=${x:my}"}
        exp = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(minutes=10))
        policy = base64.b64encode(json.dumps({"expiration": exp.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                                           "conditions": [{"bucket": BUCKET}]}).encode()).decode()
        sig = base64.b64encode(hmac.new(harness.SK.encode(), policy.encode(), hashlib.sha1).digest()).decode()
        fields = [("key", key), ("OSSAccessKeyId", harness.AK), ("policy", policy), ("Signature", sig),
                  ("callback", b64json(cb)), ("x:my", "field var")]
        body, ctype = harness.multipart_form(fields, "f.txt", b"post body")
        status, headers, reply = harness.urlopen(urllib.request.Request(
            EMU.endpoint + "/" + BUCKET, data=body, method="POST", headers={"Content-Type": ctype}))
        self.assertEqual(status, 200, reply)
        serve_reply(self, reply)
        entry = CB.wait_for(path)
        self.assert_verified(entry)
        self.assertEqual(form_body(entry), {"object": key, "size": "9", "my": "field var"})

    def test_failed_callback_is_203_callback_failed(self):
        """The callback server rejects the signature (it has another key): OSS answers 203
        CallbackFailed and keeps the object."""
        key = unique("cb/") + "/fails.txt"
        path = "/cb/wrong-key"
        cb = {"callbackUrl": WRONG_CB.url + path, "callbackBody": "object=${object}"}
        r = v2_client(EMU).put_object(oss.PutObjectRequest(bucket=BUCKET, key=key, body=b"kept",
                                                           callback=b64json(cb)))
        self.assertEqual(r.status_code, 203)
        err = parse_error(r.callback_result.encode())
        self.assertEqual(err["Code"], "CallbackFailed")
        self.assertEqual(err["RequestId"], r.request_id)
        # an error status from the callback server: EC 0007-00000203 ("Error status : 400.")
        self.assertEqual(err.get("EC"), "0007-00000203")
        self.assertEqual(r.headers.get("x-oss-ec"), "0007-00000203")
        entry = WRONG_CB.wait_for(path)
        self.assertIs(entry.get("verified"), False)
        self.assertEqual(oss2_v1(EMU).get_object(key).read(), b"kept")


class _PlainReply(http.server.BaseHTTPRequestHandler):
    """A callback server that answers 200 with a body that is not JSON."""

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = b"thanks, not json"
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class CallbackReplyRules(unittest.TestCase):
    """OSS judges the callback server's reply; a bad one is 203 CallbackFailed, object kept."""

    def put_with_callback(self, url):
        key = unique("cb/") + "/judged.txt"
        cb = {"callbackUrl": url, "callbackBody": "object=${object}"}
        r = v2_client(EMU).put_object(oss.PutObjectRequest(bucket=BUCKET, key=key, body=b"kept",
                                                           callback=b64json(cb)))
        self.assertEqual(r.status_code, 203, r.callback_result)
        err = parse_error(r.callback_result.encode())
        self.assertEqual(err["Code"], "CallbackFailed")
        self.assertEqual(err["RequestId"], r.request_id)
        self.assertEqual(oss2_v1(EMU).get_object(key).read(), b"kept")
        return err

    def test_reply_not_json(self):
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _PlainReply)
        server.timeout = 5
        t = threading.Thread(target=server.serve_forever, daemon=True)
        t.start()
        try:
            err = self.put_with_callback("http://127.0.0.1:%d/plain" % server.server_address[1])
        finally:
            server.shutdown()
            server.server_close()
        self.assertEqual(err["Message"], "Response body is not valid json format.")
        self.assertEqual(err.get("EC"), "0007-00000205")

    def test_unreachable(self):
        # a port nobody listens on: bind one, note it, close it
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        s.close()
        err = self.put_with_callback("http://127.0.0.1:%d/nobody" % port)
        self.assertIn("-1", err["Message"])  # "Error status : -1. ... cannot connect ..."


if __name__ == "__main__":
    unittest.main()
