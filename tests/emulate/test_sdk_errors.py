"""Failures as the SDKs see them: each one surfaces as the SDK's own exception with OSS's
status, code and request id (and the error body agrees with the x-oss-request-id header).

  wrong secret           SignatureDoesNotMatch 403 (GET with a body, HEAD through x-oss-err)
  unknown key id         InvalidAccessKeyId 403
  anonymous              AccessDenied 403
  expired presigned URL  AccessDenied 403 (urllib HTTPError, XML parsed here), V1 and V4
  skewed clock           RequestTimeTooSkewed 403: each SDK signs with a time 20 minutes off
  bad bucket name        the SDKs refuse it client-side; sent anyway: InvalidBucketName 400
  unknown bucket         NoSuchBucket 404
  missing object         NoSuchKey 404 (GET: body; HEAD: x-oss-err), EC 0026-00000001
  parts out of order     InvalidPartOrder 400 on CompleteMultipartUpload
  unimplemented          NotImplemented
"""

import base64
import datetime
import email.utils
import hashlib
import http.client
import re
import time
import unittest
import urllib.parse
from unittest import mock

import alibabacloud_oss_v2 as oss
import oss2
from alibabacloud_oss_v2.credentials import Credentials
from alibabacloud_oss_v2.types import HttpRequest, SigningContext

import harness
from clients import oss2_v1, oss2_v4, service_error, v2_client
from harness import AK, BUCKET, SK, WRONG_SK, md5_etag, parse_error, payload, unique, urlopen

EMU = None
KEY = None
DATA = b"an object that exists"
EC_RE = re.compile(r"^\d{4}-\d{8}$")
SKEW = datetime.timedelta(minutes=20)


def setUpModule():
    global EMU, KEY
    EMU = harness.Emulator()
    KEY = unique("errors/") + "/exists \u00e9.txt"
    oss2_v1(EMU).put_object(KEY, DATA)


def tearDownModule():
    if EMU:
        EMU.cleanup()


class Checks(unittest.TestCase):

    def v2_error(self, call, status, code):
        """Run a v2 call that must fail; check the ServiceError as the SDK exposes it."""
        with self.assertRaises(oss.exceptions.OperationError) as cm:
            call()
        err = service_error(self, cm.exception)
        self.assertEqual((err.status_code, err.code), (status, code), "%s: %s" % (err.code, err.message))
        self.assertTrue(err.request_id, "no request id in the SDK's error")
        self.assertEqual(err.request_id, err.headers.get("x-oss-request-id"))
        self.assertTrue((err.error_fileds or {}).get("HostId"), "no HostId in the error body")
        if err.ec:
            self.assertRegex(err.ec, EC_RE)
            self.assertEqual(err.headers.get("x-oss-ec"), err.ec)
        return err

    def oss2_error(self, call, klass, status, code):
        with self.assertRaises(oss2.exceptions.OssError) as cm:
            call()
        e = cm.exception
        self.assertIsInstance(e, klass, "oss2 raised %s: %s" % (type(e).__name__, e))
        self.assertEqual((e.status, e.code), (status, code), str(e))
        self.assertTrue(e.request_id, "no x-oss-request-id")
        self.assertEqual(e.details.get("RequestId"), e.request_id)
        self.assertTrue(e.details.get("HostId"), "no HostId in the error body")
        return e

    def raw_error(self, status_headers_body, status, code):
        st, headers, body = status_headers_body
        self.assertEqual(st, status, body[:1000])
        err = parse_error(body)
        self.assertEqual(err["Code"], code, err)
        self.assertTrue(err.get("RequestId"))
        self.assertEqual(err["RequestId"], headers.get("x-oss-request-id"))
        self.assertTrue(err.get("HostId"), "no HostId in the error body")
        self.assertIn("application/xml", headers.get("Content-Type", ""))
        return err


class WrongSecret(Checks):

    def test_v2_v4(self):
        c = v2_client(EMU, sk=WRONG_SK)
        err = self.v2_error(lambda: c.get_object(oss.GetObjectRequest(bucket=BUCKET, key=KEY)),
                            403, "SignatureDoesNotMatch")
        # V4: OSS returns the canonical request it computed
        canon = err.error_fileds.get("CanonicalRequest", "")
        self.assertTrue(canon.startswith("GET\n/%s/%s\n" % (BUCKET, urllib.parse.quote(KEY, safe="/"))),
                        "CanonicalRequest field: %r" % canon)
        self.assertIn("StringToSign", err.error_fileds)
        # HEAD has no body: the SDK reads the error from x-oss-err
        err = self.v2_error(lambda: c.head_object(oss.HeadObjectRequest(bucket=BUCKET, key=KEY)),
                            403, "SignatureDoesNotMatch")
        self.assertEqual(err.snapshot, b"")

    def test_oss2_v1(self):
        b = oss2_v1(EMU, sk=WRONG_SK)
        e = self.oss2_error(lambda: b.get_object(KEY), oss2.exceptions.SignatureDoesNotMatch,
                            403, "SignatureDoesNotMatch")
        # V1: OSS returns the string it signed; its resource is /bucket/key
        self.assertIn("\n/%s/%s" % (BUCKET, KEY), e.details.get("StringToSign", ""))
        self.assertEqual(e.details.get("OSSAccessKeyId"), AK)
        e = self.oss2_error(lambda: b.head_object(KEY), oss2.exceptions.SignatureDoesNotMatch,
                            403, "SignatureDoesNotMatch")
        self.assertEqual(e.body, b"")

    def test_oss2_v4(self):
        b = oss2_v4(EMU, sk=WRONG_SK)
        self.oss2_error(lambda: b.put_object(unique("errors/") + "/x", b"x"),
                        oss2.exceptions.SignatureDoesNotMatch, 403, "SignatureDoesNotMatch")

    def test_v2_v1_signer(self):
        c = v2_client(EMU, sk=WRONG_SK, signature_version="v1")
        self.v2_error(lambda: c.get_object(oss.GetObjectRequest(bucket=BUCKET, key=KEY)),
                      403, "SignatureDoesNotMatch")


class Identity(Checks):

    def test_unknown_access_key_id(self):
        c = v2_client(EMU, ak=harness.UNKNOWN_AK)
        self.v2_error(lambda: c.get_object(oss.GetObjectRequest(bucket=BUCKET, key=KEY)),
                      403, "InvalidAccessKeyId")
        b = oss2_v1(EMU, ak=harness.UNKNOWN_AK)
        self.oss2_error(lambda: b.get_object(KEY), oss2.exceptions.ServerError, 403, "InvalidAccessKeyId")

    def test_anonymous(self):
        self.raw_error(urlopen(EMU.url(BUCKET, KEY)), 403, "AccessDenied")

    def test_every_response_has_request_id_and_date(self):
        st, headers, body = urlopen(EMU.url(BUCKET, KEY))
        self.assertTrue(headers.get("x-oss-request-id"))
        self.assertIsNotNone(email.utils.parsedate_to_datetime(headers.get("Date")),
                             "alibabacloud-oss-v2 parses Date on every error")


class ExpiredUrl(Checks):

    def test_v1_expired(self):
        url = oss2_v1(EMU).sign_url("GET", KEY, -60)  # expired a minute ago
        err = self.raw_error(urlopen(url), 403, "AccessDenied")
        # OSS's body for an expired V1 URL (johnlui/AliyunOSS#20): this message, then
        # <Expires> and <ServerTime>
        self.assertEqual(err["Message"], "Request has expired.")

    def test_v4_expired(self):
        """Signed by alibabacloud-oss-v2's SignerV4 two hours ago, valid for one hour."""
        now = datetime.datetime.now(datetime.timezone.utc)
        req = HttpRequest("GET", EMU.url(BUCKET, KEY))
        ctx = SigningContext(product="oss", region=harness.REGION, bucket=BUCKET, key=KEY, request=req,
                             credentials=Credentials(AK, SK), signing_time=now - datetime.timedelta(hours=2))
        ctx.auth_method_query = True
        ctx.expiration_time = now - datetime.timedelta(hours=1)
        oss.signer.SignerV4().sign(ctx)
        self.assertIn("x-oss-expires=3600", req.url)
        err = self.raw_error(urlopen(req.url), 403, "AccessDenied")
        self.assertIn("expired", err["Message"].lower())

    def test_v4_presign_control(self):
        """The same construction, signed now: 200 (so the expired case fails for expiry only)."""
        now = datetime.datetime.now(datetime.timezone.utc)
        req = HttpRequest("GET", EMU.url(BUCKET, KEY))
        ctx = SigningContext(product="oss", region=harness.REGION, bucket=BUCKET, key=KEY, request=req,
                             credentials=Credentials(AK, SK), signing_time=now)
        ctx.auth_method_query = True
        ctx.expiration_time = now + datetime.timedelta(hours=1)
        oss.signer.SignerV4().sign(ctx)
        st, _, body = urlopen(req.url)
        self.assertEqual((st, body), (200, DATA))


class _SkewedDatetime(datetime.datetime):
    """oss2's V4 signer reads datetime.utcnow() (oss2/auth.py); this one is 20 minutes slow."""

    @classmethod
    def utcnow(cls):
        return datetime.datetime.utcnow() - SKEW


class SkewedClock(Checks):

    def test_v2_v4(self):
        """alibabacloud-oss-v2 signs at the time of an x-oss-date request header
        (_client.py build_request_context): 20 minutes ago."""
        when = email.utils.format_datetime(datetime.datetime.now(datetime.timezone.utc) - SKEW, usegmt=True)
        c = v2_client(EMU)
        err = self.v2_error(lambda: c.get_object(oss.GetObjectRequest(
            bucket=BUCKET, key=KEY, headers={"x-oss-date": when})), 403, "RequestTimeTooSkewed")
        self.assertIn("too large", err.message)

    def test_v2_v4_future(self):
        when = email.utils.format_datetime(datetime.datetime.now(datetime.timezone.utc) + SKEW, usegmt=True)
        c = v2_client(EMU)
        self.v2_error(lambda: c.put_object(oss.PutObjectRequest(
            bucket=BUCKET, key=unique("errors/") + "/f", body=b"x", headers={"x-oss-date": when})),
            403, "RequestTimeTooSkewed")

    def test_oss2_v1_date(self):
        """oss2.Auth stamps Date with utils.http_date(): a clock 20 minutes slow."""
        slow = lambda timeval=None: email.utils.formatdate(time.time() - SKEW.total_seconds(), usegmt=True)
        b = oss2_v1(EMU)
        with mock.patch.object(oss2.utils, "http_date", slow):
            self.oss2_error(lambda: b.get_object(KEY), oss2.exceptions.ServerError, 403, "RequestTimeTooSkewed")

    def test_oss2_v1_x_oss_date(self):
        """With an x-oss-date header, V1 signs it instead of Date, and OSS checks the skew on it
        (reference/sdk_signing.md 1.3): a current Date does not save the request."""
        when = email.utils.formatdate(time.time() - SKEW.total_seconds(), usegmt=True)
        b = oss2_v1(EMU)
        self.oss2_error(lambda: b.get_object(KEY, headers={"x-oss-date": when}),
                        oss2.exceptions.ServerError, 403, "RequestTimeTooSkewed")

    def test_oss2_v4(self):
        b = oss2_v4(EMU)
        with mock.patch("oss2.auth.datetime", _SkewedDatetime):
            self.oss2_error(lambda: b.get_object(KEY), oss2.exceptions.ServerError, 403, "RequestTimeTooSkewed")

    def test_body_fields(self):
        """OSS's body names the times; ali-oss amends its clock from <ServerTime>."""
        when = email.utils.format_datetime(datetime.datetime.now(datetime.timezone.utc) - SKEW, usegmt=True)
        c = v2_client(EMU)
        err = self.v2_error(lambda: c.get_object(oss.GetObjectRequest(
            bucket=BUCKET, key=KEY, headers={"x-oss-date": when})), 403, "RequestTimeTooSkewed")
        # as OSS sends it (huhx/flutter_oss_aliyun#63, Molunerfinn/PicGo#759)
        self.assertEqual(err.error_fileds.get("MaxAllowedSkewMilliseconds"), "900000")
        self.assertRegex(err.error_fileds.get("RequestTime") or "", r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$")
        self.assertRegex(err.error_fileds.get("ServerTime") or "", r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$")
        self.assertEqual(err.ec, "0002-00000504")


class BucketNames(Checks):

    def test_sdks_refuse_bad_name(self):
        with self.assertRaises(oss2.exceptions.ClientError):
            oss2_v1(EMU, bucket="Bad_Bucket")
        with self.assertRaises(oss.exceptions.OperationError) as cm:
            v2_client(EMU).get_object(oss.GetObjectRequest(bucket="Bad_Bucket", key=KEY))
        self.assertIsInstance(cm.exception.unwrap(), oss.exceptions.BucketNameInvalidError)

    def test_bad_name_sent_anyway(self):
        """Signed by oss2's V1 signer and sent path-style: InvalidBucketName."""
        path, headers = harness.oss2_signed(oss2.Auth(AK, SK), "GET", "Bad_Bucket", "k")
        self.raw_error(harness.send(EMU, "GET", path, headers), 400, "InvalidBucketName")

    def test_unknown_bucket(self):
        b = oss2_v1(EMU, bucket="no-such-bucket-here")
        self.oss2_error(lambda: b.get_object(KEY), oss2.exceptions.NoSuchBucket, 404, "NoSuchBucket")
        c = v2_client(EMU)
        self.v2_error(lambda: c.put_object(oss.PutObjectRequest(bucket="no-such-bucket-here", key="k", body=b"x")),
                      404, "NoSuchBucket")


class MissingObject(Checks):

    def test_v2(self):
        c = v2_client(EMU)
        missing = unique("errors/") + "/missing"
        err = self.v2_error(lambda: c.get_object(oss.GetObjectRequest(bucket=BUCKET, key=missing)), 404, "NoSuchKey")
        self.assertEqual(err.ec, "0026-00000001")
        err = self.v2_error(lambda: c.head_object(oss.HeadObjectRequest(bucket=BUCKET, key=missing)), 404, "NoSuchKey")
        self.assertEqual(err.ec, "0026-00000001")
        self.assertEqual(err.snapshot, b"", "HEAD has no body; the error came from x-oss-err")
        xml = base64.b64decode(err.headers.get("x-oss-err"))
        self.assertEqual(parse_error(xml)["Code"], "NoSuchKey")

    def test_oss2(self):
        missing = unique("errors/") + "/missing"
        for b in (oss2_v1(EMU), oss2_v4(EMU)):
            e = self.oss2_error(lambda: b.get_object(missing), oss2.exceptions.NoSuchKey, 404, "NoSuchKey")
            self.assertEqual(e.ec, "0026-00000001")
            # HEAD: without x-oss-err oss2 could only raise NotFound with an empty code
            e = self.oss2_error(lambda: b.head_object(missing), oss2.exceptions.NoSuchKey, 404, "NoSuchKey")
            self.assertEqual(e.ec, "0026-00000001")


class PartOrder(Checks):

    def test_v2(self):
        c = v2_client(EMU)
        key = unique("errors/") + "/order-v2"
        init = c.initiate_multipart_upload(oss.InitiateMultipartUploadRequest(bucket=BUCKET, key=key))
        parts = []
        for n in (1, 2):
            r = c.upload_part(oss.UploadPartRequest(bucket=BUCKET, key=key, upload_id=init.upload_id,
                                                    part_number=n, body=payload(100 * 1024, n)))
            parts.append(oss.UploadPart(part_number=n, etag=r.etag))
        # alibabacloud-oss-v2 sends the parts in the order given
        self.v2_error(lambda: c.complete_multipart_upload(oss.CompleteMultipartUploadRequest(
            bucket=BUCKET, key=key, upload_id=init.upload_id,
            complete_multipart_upload=oss.CompleteMultipartUpload(parts=list(reversed(parts))))),
            400, "InvalidPartOrder")
        # the upload is still there: completing in order works
        r = c.complete_multipart_upload(oss.CompleteMultipartUploadRequest(
            bucket=BUCKET, key=key, upload_id=init.upload_id,
            complete_multipart_upload=oss.CompleteMultipartUpload(parts=parts)))
        self.assertEqual(r.status_code, 200)

    def test_oss2(self):
        """oss2 sorts parts itself, so the body goes through its signer via Bucket._do."""
        b = oss2_v1(EMU)
        key = unique("errors/") + "/order-oss2"
        uid = b.init_multipart_upload(key).upload_id
        etags = [b.upload_part(key, uid, n, payload(100 * 1024, 10 + n)).etag for n in (1, 2)]
        xml = ("<CompleteMultipartUpload>"
               "<Part><PartNumber>2</PartNumber><ETag>\"%s\"</ETag></Part>"
               "<Part><PartNumber>1</PartNumber><ETag>\"%s\"</ETag></Part>"
               "</CompleteMultipartUpload>" % (etags[1], etags[0])).encode()
        self.oss2_error(lambda: b._do("POST", BUCKET, key, params={"uploadId": uid}, data=xml),
                        oss2.exceptions.ServerError, 400, "InvalidPartOrder")


class MultipartRules(Checks):
    """The part rules OSS applies, as alibabacloud-oss-v2 reports them."""

    def setUp(self):
        self.c = v2_client(EMU)
        self.key = unique("errors/") + "/rules"
        self.uid = self.c.initiate_multipart_upload(
            oss.InitiateMultipartUploadRequest(bucket=BUCKET, key=self.key)).upload_id

    def upload(self, n, data):
        r = self.c.upload_part(oss.UploadPartRequest(bucket=BUCKET, key=self.key, upload_id=self.uid,
                                                     part_number=n, body=data))
        return oss.UploadPart(part_number=n, etag=r.etag)

    def complete(self, parts, upload_id=None):
        return self.c.complete_multipart_upload(oss.CompleteMultipartUploadRequest(
            bucket=BUCKET, key=self.key, upload_id=upload_id or self.uid,
            complete_multipart_upload=oss.CompleteMultipartUpload(parts=parts)))

    def test_part_number_out_of_range(self):
        err = self.v2_error(lambda: self.upload(10001, b"x"), 400, "InvalidArgument")
        self.assertEqual(err.message, "Part number must be an integer between 1 and 10000, inclusive.")
        self.v2_error(lambda: self.upload(0, b"x"), 400, "InvalidArgument")

    def test_small_part_before_the_last(self):
        parts = [self.upload(1, b"too small"), self.upload(2, b"last")]
        self.v2_error(lambda: self.complete(parts), 400, "EntityTooSmall")

    def test_wrong_etag(self):
        parts = [self.upload(1, b"only part")]
        parts[0].etag = '"0123456789ABCDEF0123456789ABCDEF"'
        self.v2_error(lambda: self.complete(parts), 400, "InvalidPart")

    def test_missing_part(self):
        parts = [self.upload(1, payload(100 * 1024, 1)), oss.UploadPart(part_number=2, etag=md5_etag(b"never sent"))]
        self.v2_error(lambda: self.complete(parts), 400, "InvalidPart")

    def test_no_such_upload(self):
        self.v2_error(lambda: self.complete([oss.UploadPart(part_number=1, etag=md5_etag(b"x"))],
                                            upload_id="0004B9894A22E5B1888A1E29F823XXXX"),
                      404, "NoSuchUpload")

    def test_bad_content_md5(self):
        """PutObject with a Content-MD5 that is not the body's: InvalidDigest (oss2's class)."""
        b = oss2_v1(EMU)
        wrong = base64.b64encode(hashlib.md5(b"something else").digest()).decode()
        self.oss2_error(lambda: b.put_object(self.key + "-md5", b"the body", headers={"Content-MD5": wrong}),
                        oss2.exceptions.InvalidDigest, 400, "InvalidDigest")


class KeepAlive(Checks):
    """An error answer to a request with a body must leave the keep-alive connection usable,
    or say `Connection: close` (a server that answers without reading the whole body is
    expected to close the connection and to announce it). A server that answers before reading the body and then drops
    the connection silently makes the client's *next* request fail (BrokenPipe or "Remote
    end closed connection without response"): alibabacloud-oss-v2 with retries off raises it
    as a RequestError, requests/urllib3 retry only idempotent calls."""

    def test_connection_survives_rejected_uploads(self):
        auth = oss2.Auth(AK, SK)
        cases = [
            ("wrong secret", oss2.Auth(AK, WRONG_SK), BUCKET, {}, 64),
            ("NoSuchUpload", auth, BUCKET, {"partNumber": "1", "uploadId": "no-such-upload"}, 64),
            ("NoSuchBucket", auth, "no-such-bucket-here", {}, 64),
            ("wrong secret, 64 KiB body", oss2.Auth(AK, WRONG_SK), BUCKET, {}, 64 * 1024),
        ]
        broken = []
        for name, signer, bucket, params, size in cases:
            body = b"y" * size
            for attempt in range(10):
                c = EMU.conn()
                try:
                    path, headers = harness.oss2_signed(signer, "PUT", bucket, "keepalive", data=body, params=params)
                    c.request("PUT", path, body=body, headers=headers)
                    r = c.getresponse()
                    r.read()
                    self.assertGreaterEqual(r.status, 400, name)
                    if (r.getheader("Connection") or "").lower() == "close":
                        continue  # announced: the client opens a new connection
                    path, headers = harness.oss2_signed(auth, "HEAD", BUCKET, KEY)
                    try:
                        c.request("HEAD", path, headers=headers)
                        r2 = c.getresponse()
                        r2.read()
                    except (ConnectionError, http.client.HTTPException) as e:
                        broken.append("%s #%d: %r" % (name, attempt, e))
                finally:
                    c.close()
        self.assertFalse(broken, "%d of %d connections dropped without Connection: close:\n  %s"
                         % (len(broken), 10 * len(cases), "\n  ".join(broken)))


class Unimplemented(Checks):

    def test_object_acl(self):
        c = v2_client(EMU)
        self.v2_error(lambda: c.get_object_acl(oss.GetObjectAclRequest(bucket=BUCKET, key=KEY)),
                      400, "NotImplemented")
        b = oss2_v1(EMU)
        self.oss2_error(lambda: b.get_object_acl(KEY), oss2.exceptions.NotImplemented, 400, "NotImplemented")

    def test_list_parts_is_not_get_object(self):
        """ListParts (GET /bucket/key?uploadId=...) is not in the emulator: it must say
        NotImplemented, never answer as GetObject with the object's bytes (a wrong success:
        oss2.resumable_upload calls ListParts right after InitiateMultipartUpload)."""
        c = v2_client(EMU)
        uid = c.initiate_multipart_upload(oss.InitiateMultipartUploadRequest(bucket=BUCKET, key=KEY)).upload_id
        path, headers = harness.oss2_signed(oss2.Auth(AK, SK), "GET", BUCKET, KEY, params={"uploadId": uid})
        st, hdrs, body = harness.send(EMU, "GET", path, headers)
        self.assertNotEqual((st, body), (200, DATA), "ListParts answered as GetObject, with the object's bytes")
        self.raw_error((st, hdrs, body), 400, "NotImplemented")
        self.v2_error(lambda: c.list_parts(oss.ListPartsRequest(bucket=BUCKET, key=KEY, upload_id=uid)),
                      400, "NotImplemented")
        b = oss2_v1(EMU)
        self.oss2_error(lambda: b.list_parts(KEY, uid), oss2.exceptions.NotImplemented, 400, "NotImplemented")
        c.abort_multipart_upload(oss.AbortMultipartUploadRequest(bucket=BUCKET, key=KEY, upload_id=uid))


if __name__ == "__main__":
    unittest.main()
