"""Presigned URLs made by the SDKs and PostObject forms, sent with plain urllib; and
virtual-hosted addressing.

Presigned GET (and one PUT): alibabacloud-oss-v2 (V4 and V1 signers) and oss2 (V1, V4).
PostObject: V1 (policy + HMAC-SHA1 `Signature`) and V4 (`x-oss-signature` with the V4
signing key, computed by alibabacloud-oss-v2's SignerV4), the fields and order as the SDK
samples document, the multipart/form-data body built here.
"""

import base64
import datetime
import hashlib
import hmac
import json
import unittest
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

import alibabacloud_oss_v2 as oss
import oss2

import harness
from clients import oss2_v1, oss2_v4, v2_client
from harness import AK, BUCKET, SK, crc64, md5_etag, multipart_form, parse_error, payload, unique, urlopen

EMU = None


def setUpModule():
    global EMU
    EMU = harness.Emulator()


def tearDownModule():
    if EMU:
        EMU.cleanup()


class PresignedGet(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.key = unique("presign/") + "/dir/file \u00fc+=.bin"
        cls.data = payload(4096, 99)
        oss2_v1(EMU).put_object(cls.key, cls.data)

    def fetch_ok(self, url, note):
        status, headers, body = urlopen(url)
        if status != 200:
            self.fail("%s: GET %s -> %s %r" % (note, url, status, body[:1000]))
        self.assertEqual(body, self.data, note)
        self.assertEqual(headers.get("x-oss-hash-crc64ecma"), str(crc64(self.data)), note)
        self.assertEqual(headers.get("ETag"), md5_etag(self.data), note)
        self.assertTrue(headers.get("x-oss-request-id"), note)

    def test_v2_v4_presign(self):
        r = v2_client(EMU).presign(oss.GetObjectRequest(bucket=BUCKET, key=self.key),
                                   expires=datetime.timedelta(minutes=5))
        q = urllib.parse.parse_qs(urllib.parse.urlsplit(r.url).query)
        self.assertEqual(q["x-oss-signature-version"], ["OSS4-HMAC-SHA256"])
        self.assertEqual(r.method, "GET")
        self.fetch_ok(r.url, "alibabacloud-oss-v2 V4 presign")

    def test_v2_v1_presign(self):
        r = v2_client(EMU, signature_version="v1").presign(
            oss.GetObjectRequest(bucket=BUCKET, key=self.key), expires=datetime.timedelta(minutes=5))
        q = urllib.parse.parse_qs(urllib.parse.urlsplit(r.url).query)
        self.assertEqual(q["OSSAccessKeyId"], [AK])
        self.fetch_ok(r.url, "alibabacloud-oss-v2 V1 presign")

    def test_oss2_v1_sign_url(self):
        url = oss2_v1(EMU).sign_url("GET", self.key, 300)
        self.assertIn("OSSAccessKeyId=", url)
        self.fetch_ok(url, "oss2 V1 sign_url (slash as %2F)")
        url = oss2_v1(EMU).sign_url("GET", self.key, 300, slash_safe=True)
        self.fetch_ok(url, "oss2 V1 sign_url slash_safe")

    def test_oss2_v4_sign_url(self):
        url = oss2_v4(EMU).sign_url("GET", self.key, 300)
        self.assertIn("x-oss-signature=", url)
        self.fetch_ok(url, "oss2 V4 sign_url")

    def test_v2_v4_presigned_put(self):
        """A presigned PUT: the SDK returns the headers it signed; the client must send them."""
        key = unique("presign/") + "/v4 put.txt"
        r = v2_client(EMU).presign(oss.PutObjectRequest(bucket=BUCKET, key=key, content_type="text/plain"),
                                   expires=datetime.timedelta(minutes=5))
        self.assertEqual(r.method, "PUT")
        self.assertEqual(r.signed_headers.get("Content-Type"), "text/plain")
        req = urllib.request.Request(r.url, data=b"put through a V4 URL", method="PUT",
                                     headers=dict(r.signed_headers))
        status, headers, body = urlopen(req)
        self.assertEqual(status, 200, body)
        g = oss2_v4(EMU).get_object(key)
        self.assertEqual(g.read(), b"put through a V4 URL")
        self.assertEqual(g.content_type, "text/plain")

    def test_oss2_v1_presigned_put(self):
        key = unique("presign/") + "/put.txt"
        b = oss2_v1(EMU)
        url = b.sign_url("PUT", key, 300, headers={"Content-Type": "text/plain"})
        req = urllib.request.Request(url, data=b"uploaded by url", method="PUT",
                                     headers={"Content-Type": "text/plain"})
        status, headers, body = urlopen(req)
        self.assertEqual(status, 200, body)
        self.assertEqual(headers.get("x-oss-hash-crc64ecma"), str(crc64(b"uploaded by url")))
        g = b.get_object(key)
        self.assertEqual(g.read(), b"uploaded by url")
        self.assertEqual(g.content_type, "text/plain")


def policy_b64(conditions, minutes=10):
    exp = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(minutes=minutes))
    doc = {"expiration": exp.strftime("%Y-%m-%dT%H:%M:%S.000Z"), "conditions": conditions}
    return base64.b64encode(json.dumps(doc).encode()).decode()


def v1_form(key, policy, secret=SK, extra=()):
    sig = base64.b64encode(hmac.new(secret.encode(), policy.encode(), hashlib.sha1).digest()).decode()
    return [("key", key), ("OSSAccessKeyId", AK), ("policy", policy), ("Signature", sig)] + list(extra)


def v4_fields(now):
    date = now.strftime("%Y%m%d")
    return {
        "x-oss-signature-version": "OSS4-HMAC-SHA256",
        "x-oss-credential": "%s/%s/%s/oss/aliyun_v4_request" % (AK, date, harness.REGION),
        "x-oss-date": now.strftime("%Y%m%dT%H%M%SZ"),
    }


def v4_signature(policy, now, secret=SK):
    """hex HMAC-SHA256 of the base64 policy with the V4 signing key, by the SDK's signer."""
    return oss.signer.SignerV4()._calc_signature(
        access_key_secrect=secret, date=now.strftime("%Y%m%d"), region=harness.REGION,
        product="oss", string_to_sign=policy)


class PostObject(unittest.TestCase):

    def post(self, path, fields, data, host=None, file_type="text/plain"):
        body, ctype = multipart_form(fields, "local-name.txt", data, file_type)
        headers = {"Content-Type": ctype}
        if host:
            headers["Host"] = host
        req = urllib.request.Request(EMU.endpoint + path, data=body, method="POST", headers=headers)
        return urlopen(req)

    def test_v1_path_style_201(self):
        key = unique("post/") + "/v1 \u00e9.txt"
        data = b"posted with a V1 policy\n" * 20
        policy = policy_b64([{"bucket": BUCKET}, ["starts-with", "$key", "post/"],
                             ["content-length-range", 1, 1 << 20]])
        status, headers, body = self.post("/" + BUCKET, v1_form(key, policy, extra=[("success_action_status", "201")]), data)
        self.assertEqual(status, 201, body)
        self.assertTrue(headers.get("x-oss-request-id"))
        self.assertEqual(headers.get("ETag"), md5_etag(data))
        self.assertEqual(headers.get("x-oss-hash-crc64ecma"), str(crc64(data)))
        root = ET.fromstring(body)
        self.assertEqual(root.tag, "PostResponse")
        self.assertEqual(root.findtext("Bucket"), BUCKET)
        self.assertEqual(root.findtext("Key"), key)
        self.assertEqual(root.findtext("ETag"), md5_etag(data))
        g = oss2_v1(EMU).get_object(key)
        self.assertEqual(g.read(), data)
        self.assertEqual(g.content_type, "text/plain")  # from the file part's Content-Type

    def test_v4_virtual_host_204(self):
        key = unique("post/") + "/v4.txt"
        data = b"posted with a V4 policy"
        now = datetime.datetime.now(datetime.timezone.utc)
        f = v4_fields(now)
        policy = policy_b64([{"bucket": BUCKET}, ["eq", "$key", key]] + [{k: v} for k, v in f.items()])
        fields = [("key", key), ("policy", policy)] + list(f.items()) + [
            ("x-oss-signature", v4_signature(policy, now))]
        status, headers, body = self.post("/", fields, data, host="%s.localhost:%d" % (BUCKET, EMU.port))
        self.assertEqual(status, 204, body)
        self.assertEqual(body, b"")
        self.assertEqual(headers.get("ETag"), md5_etag(data))
        g = v2_client(EMU).get_object(oss.GetObjectRequest(bucket=BUCKET, key=key))
        self.assertEqual(g.body.read(), data)

    def test_policy_condition_failed(self):
        key = unique("elsewhere/") + ".txt"  # outside the policy's starts-with
        policy = policy_b64([{"bucket": BUCKET}, ["starts-with", "$key", "post/"]])
        status, headers, body = self.post("/" + BUCKET, v1_form(key, policy), b"x")
        self.assertEqual(status, 403, body)
        err = parse_error(body)
        self.assertEqual(err["Code"], "AccessDenied")
        self.assertIn("Invalid according to Policy: Policy Condition failed", err["Message"])
        self.assertEqual(err["RequestId"], headers.get("x-oss-request-id"))
        with self.assertRaises(oss2.exceptions.NoSuchKey):
            oss2_v1(EMU).get_object(key)

    def test_wrong_signature(self):
        key = unique("post/") + "/bad.txt"
        policy = policy_b64([{"bucket": BUCKET}])
        status, headers, body = self.post("/" + BUCKET, v1_form(key, policy, secret=harness.WRONG_SK), b"x")
        self.assertEqual(status, 403, body)
        err = parse_error(body)
        self.assertEqual(err["Code"], "SignatureDoesNotMatch")
        self.assertTrue(err["RequestId"])

        now = datetime.datetime.now(datetime.timezone.utc)
        f = v4_fields(now)
        policy = policy_b64([{"bucket": BUCKET}] + [{k: v} for k, v in f.items()])
        fields = [("key", key), ("policy", policy)] + list(f.items()) + [
            ("x-oss-signature", v4_signature(policy, now, secret=harness.WRONG_SK))]
        status, headers, body = self.post("/" + BUCKET, fields, b"x")
        self.assertEqual(status, 403, body)
        self.assertEqual(parse_error(body)["Code"], "SignatureDoesNotMatch")

    def test_expired_policy(self):
        key = unique("post/") + "/late.txt"
        policy = policy_b64([{"bucket": BUCKET}], minutes=-5)
        status, headers, body = self.post("/" + BUCKET, v1_form(key, policy), b"x")
        self.assertEqual(status, 403, body)
        err = parse_error(body)
        self.assertEqual(err["Code"], "AccessDenied")
        self.assertIn("Policy expired", err["Message"])


class VirtualHosted(unittest.TestCase):
    """Host: <bucket>.<anything> selects the bucket; the SDK's V1 signer signs the request."""

    def test_v1_signed_put_get(self):
        key = unique("vhost/") + "/a b.txt"
        host = "%s.oss-cn-hangzhou.aliyuncs.com:%d" % (BUCKET, EMU.port)
        for method, data in (("PUT", b"virtually hosted"), ("GET", None)):
            path, headers = harness.oss2_signed(oss2.Auth(AK, SK), method, BUCKET, key, data=data)
            vpath = path[len("/" + BUCKET):]  # the bucket is in the Host, not in the path
            status, _, body = harness.send(EMU, method, vpath, headers, body=data, host=host)
            self.assertEqual(status, 200, body)
            if method == "GET":
                self.assertEqual(body, b"virtually hosted")
        self.assertEqual(oss2_v1(EMU).get_object(key).read(), b"virtually hosted")

    def test_v4_signed_get(self):
        key = unique("vhost/") + "/v4.txt"
        oss2_v1(EMU).put_object(key, b"v4 via vhost")
        path, headers = harness.oss2_signed(oss2.AuthV4(AK, SK), "GET", BUCKET, key)
        status, _, body = harness.send(EMU, "GET", path[len("/" + BUCKET):], headers,
                                       host="%s.localhost:%d" % (BUCKET, EMU.port))
        self.assertEqual((status, body), (200, b"v4 via vhost"))


class PublicKeyServed(unittest.TestCase):

    def test_callback_public_key_file_and_url(self):
        with open(EMU.callback_public_key, "rb") as f:
            pem = f.read()
        self.assertIn(b"-----BEGIN PUBLIC KEY-----", pem)
        status, headers, body = urlopen(EMU.endpoint + "/.emulate/callback_pub_key.pem")
        self.assertEqual(status, 200)
        self.assertEqual(body.strip(), pem.strip())


if __name__ == "__main__":
    unittest.main()
