"""Object operations through the official Python SDKs: put, get (whole and ranged), head,
ListObjectsV2, delete, multipart upload with the SDKs' CRC-64 checks, append.

alibabacloud-oss-v2 signs V4; oss2 signs V1 (oss2.Auth) and V4 (ProviderAuthV4 and AuthV4).
Each test uses its own key prefix, so the tests are independent of each other and of order.
"""

import datetime
import io
import os
import tempfile
import time
import unittest
import urllib.parse

import alibabacloud_oss_v2 as oss
import oss2
from alibabacloud_oss_v2.credentials import Credentials
from alibabacloud_oss_v2.types import HttpRequest, SigningContext
from oss2.models import PartInfo

import harness
from clients import oss2_v1, oss2_v4, service_error, v2_client
from harness import BUCKET, crc64, md5_etag, multipart_etag, payload, unique

EMU = None


def setUpModule():
    global EMU
    EMU = harness.Emulator()


def tearDownModule():
    if EMU:
        EMU.cleanup()


# Keys with a slash, a space, non-ASCII and characters V4 encodes (+ = &).
ODD_NAMES = ["dir/sub/obj one \u00fc\u4e2d.txt", "a+b=c&d;e,f@g.bin", "plain.txt"]

PART = 100 * 1024  # the smallest part OSS accepts before the last one


def assert_recent(test, when):
    """A Last-Modified within 10 minutes of this machine's clock."""
    if isinstance(when, datetime.datetime):
        when = when.timestamp()
    test.assertLess(abs(when - time.time()), 600, "Last-Modified is not now: %r" % when)


class V2Objects(unittest.TestCase):
    """alibabacloud-oss-v2 (Signature V4, path style on 127.0.0.1)."""

    def setUp(self):
        self.c = v2_client(EMU)
        self.prefix = unique("v2/") + "/"

    def put(self, key, data):
        r = self.c.put_object(oss.PutObjectRequest(bucket=BUCKET, key=key, body=data))
        self.assertEqual(r.status_code, 200)
        self.assertTrue(r.request_id, "no x-oss-request-id on PutObject")
        self.assertEqual(r.etag, md5_etag(data))
        self.assertEqual(r.hash_crc64, str(crc64(data)), "x-oss-hash-crc64ecma of PutObject")
        return r

    def populate(self):
        bodies = {}
        for i, name in enumerate(ODD_NAMES):
            key = self.prefix + name
            bodies[key] = payload(3000 + i, seed=key)
            self.put(key, bodies[key])
        return bodies

    def test_put_get_range_head(self):
        bodies = self.populate()
        key = self.prefix + ODD_NAMES[0]
        data = bodies[key]

        g = self.c.get_object(oss.GetObjectRequest(bucket=BUCKET, key=key))
        self.assertEqual(g.status_code, 200)
        got = g.body.read()
        self.assertEqual(got, data)
        self.assertEqual(g.content_length, len(data))
        self.assertEqual(g.etag, md5_etag(data))
        self.assertEqual(g.hash_crc64, str(crc64(data)))
        self.assertEqual(g.object_type, "Normal")
        self.assertTrue(g.request_id)
        assert_recent(self, g.last_modified)

        g = self.c.get_object(oss.GetObjectRequest(bucket=BUCKET, key=key, range_header="bytes=10-99"))
        self.assertEqual(g.status_code, 206)
        self.assertEqual(g.body.read(), data[10:100])
        self.assertEqual(g.content_length, 90)
        self.assertEqual(g.content_range, "bytes 10-99/%d" % len(data))
        # a ranged GET carries the CRC of the whole object (aliyun-oss-java-sdk#256)
        self.assertEqual(g.hash_crc64, str(crc64(data)))

        h = self.c.head_object(oss.HeadObjectRequest(bucket=BUCKET, key=key))
        self.assertEqual(h.status_code, 200)
        self.assertEqual(h.content_length, len(data))
        self.assertEqual(h.etag, md5_etag(data))
        self.assertEqual(h.hash_crc64, str(crc64(data)))
        self.assertEqual(h.object_type, "Normal")
        assert_recent(self, h.last_modified)

    def test_range_forms(self):
        """Open-ended and suffix ranges; a range OSS cannot satisfy is ignored (200, whole
        object) unless the request says x-oss-range-behavior: standard (OSS docs, "How to
        obtain OSS resources by segmenting HTTP Range requests": for a 1,000-byte object
        bytes=500-2000 and bytes=1000-2000 return the entire object with 200; with
        `standard`, 206 bytes 500-999 and 416 InvalidRange)."""
        key = self.prefix + "ranges.bin"
        data = payload(1000, 77)
        self.put(key, data)
        for rng, behavior, status, want, content_range in (
                ("bytes=900-", None, 206, data[900:], "bytes 900-999/1000"),
                ("bytes=-100", None, 206, data[-100:], "bytes 900-999/1000"),
                ("bytes=0-0", None, 206, data[:1], "bytes 0-0/1000"),
                ("bytes=990-2000", None, 200, data, None),
                ("bytes=5000-6000", None, 200, data, None),
                ("bytes=-2000", None, 200, data, None),
                ("bytes=990-2000", "standard", 206, data[990:], "bytes 990-999/1000")):
            g = self.c.get_object(oss.GetObjectRequest(bucket=BUCKET, key=key, range_header=rng,
                                                       range_behavior=behavior))
            self.assertEqual((g.status_code, g.body.read()), (status, want), (rng, behavior))
            self.assertEqual(g.content_range, content_range, (rng, behavior))
            self.assertEqual(g.hash_crc64, str(crc64(data)), rng)
        with self.assertRaises(oss.exceptions.OperationError) as cm:
            self.c.get_object(oss.GetObjectRequest(bucket=BUCKET, key=key, range_header="bytes=5000-6000",
                                                   range_behavior="standard"))
        err = service_error(self, cm.exception)
        self.assertEqual((err.status_code, err.code), (416, "InvalidRange"))

    def test_list_objects_v2(self):
        bodies = self.populate()
        # everything under the prefix, then one level with a delimiter
        r = self.c.list_objects_v2(oss.ListObjectsV2Request(bucket=BUCKET, prefix=self.prefix))
        self.assertEqual(r.status_code, 200)
        self.assertFalse(r.is_truncated)
        self.assertEqual(sorted(o.key for o in r.contents), sorted(bodies))
        for o in r.contents:
            self.assertEqual(o.size, len(bodies[o.key]))
            self.assertEqual(o.etag, md5_etag(bodies[o.key]))
            assert_recent(self, o.last_modified)
        self.assertEqual(r.key_count, len(bodies))

        r = self.c.list_objects_v2(oss.ListObjectsV2Request(bucket=BUCKET, prefix=self.prefix, delimiter="/"))
        self.assertEqual([p.prefix for p in r.common_prefixes or []], [self.prefix + "dir/"])
        self.assertEqual(sorted(o.key for o in r.contents), sorted(k for k in bodies if "dir/" not in k))

    def test_list_objects_v2_pages(self):
        bodies = self.populate()
        # one key per page, continuation tokens to the end
        seen, token, pages = [], None, 0
        while True:
            r = self.c.list_objects_v2(oss.ListObjectsV2Request(
                bucket=BUCKET, prefix=self.prefix, max_keys=1, continuation_token=token))
            pages += 1
            self.assertLessEqual(len(r.contents or []), 1)
            seen += [o.key for o in r.contents or []]
            if not r.is_truncated:
                break
            self.assertTrue(r.next_continuation_token)
            token = r.next_continuation_token
            self.assertLess(pages, 10)
        self.assertEqual(seen, sorted(bodies))

        first = sorted(bodies)[0]
        r = self.c.list_objects_v2(oss.ListObjectsV2Request(bucket=BUCKET, prefix=self.prefix, start_after=first))
        self.assertEqual([o.key for o in r.contents], sorted(bodies)[1:])

    def test_delete(self):
        key = self.prefix + ODD_NAMES[0]
        self.put(key, b"to be deleted")
        d = self.c.delete_object(oss.DeleteObjectRequest(bucket=BUCKET, key=key))
        self.assertEqual(d.status_code, 204)
        with self.assertRaises(oss.exceptions.OperationError) as cm:
            self.c.head_object(oss.HeadObjectRequest(bucket=BUCKET, key=key))
        err = service_error(self, cm.exception)
        self.assertEqual((err.status_code, err.code), (404, "NoSuchKey"))
        # deleting a missing object succeeds, as on OSS
        d = self.c.delete_object(oss.DeleteObjectRequest(bucket=BUCKET, key=key))
        self.assertEqual(d.status_code, 204)

    def test_streamed_body(self):
        """A body of unknown length (a generator): the SDK sends Transfer-Encoding: chunked,
        and its CRC check still applies. 1 MiB in 64 KiB chunks."""
        key = self.prefix + "streamed.bin"
        chunks = [payload(64 * 1024, 100 + i) for i in range(16)]
        r = self.c.put_object(oss.PutObjectRequest(bucket=BUCKET, key=key, body=iter(chunks)))
        whole = b"".join(chunks)
        self.assertEqual(r.status_code, 200)
        self.assertEqual(r.hash_crc64, str(crc64(whole)))
        self.assertEqual(r.etag, md5_etag(whole))
        g = self.c.get_object(oss.GetObjectRequest(bucket=BUCKET, key=key))
        self.assertEqual(g.body.read(), whole)

    def test_v4_additional_headers(self):
        """V4 with AdditionalHeaders, signed by v2's SignerV4 (its Config.additional_headers
        never reaches the signing context in 1.4.1, so the context is built here):
        `...,AdditionalHeaders=content-disposition,Signature=...`."""
        key = self.prefix + "additional.txt"
        body = b"signed disposition"
        req = HttpRequest("PUT", EMU.url(BUCKET, key), headers={"Content-Disposition": "inline"})
        ctx = SigningContext(product="oss", region=harness.REGION, bucket=BUCKET, key=key, request=req,
                             credentials=Credentials(harness.AK, harness.SK),
                             additional_headers={"content-disposition"})
        oss.signer.SignerV4().sign(ctx)
        auth = req.headers["Authorization"]
        self.assertIn(",AdditionalHeaders=content-disposition,Signature=", auth)
        path = "/%s/%s" % (BUCKET, urllib.parse.quote(key, safe="/"))
        status, _, reply = harness.send(EMU, "PUT", path, dict(req.headers), body=body)
        self.assertEqual(status, 200, reply)
        self.assertEqual(self.c.get_object(oss.GetObjectRequest(bucket=BUCKET, key=key)).body.read(), body)

    def test_metadata_and_standard_headers(self):
        """PutObject stores x-oss-meta-* (names lower-cased) and the standard headers; Head and
        Get return them."""
        key = self.prefix + "meta.csv"
        self.c.put_object(oss.PutObjectRequest(
            bucket=BUCKET, key=key, body=b"a,b\n", metadata={"Color": "blue", "owner": "me"},
            content_type="text/csv", cache_control="no-cache",
            content_disposition='attachment; filename="a.csv"', content_encoding="identity"))
        for r in (self.c.head_object(oss.HeadObjectRequest(bucket=BUCKET, key=key)),
                  self.c.get_object(oss.GetObjectRequest(bucket=BUCKET, key=key))):
            self.assertEqual(dict((k.lower(), v) for k, v in (r.metadata or {}).items()),
                             {"color": "blue", "owner": "me"})
            self.assertEqual(r.content_type, "text/csv")
            self.assertEqual(r.cache_control, "no-cache")
            self.assertEqual(r.content_disposition, 'attachment; filename="a.csv"')
            self.assertEqual(r.content_encoding, "identity")

    def test_multipart_with_crc_checks(self):
        key = self.prefix + "multi/part \u00e9.bin"
        parts = [payload(PART, 1), payload(PART, 2), payload(5000, 3)]
        init = self.c.initiate_multipart_upload(oss.InitiateMultipartUploadRequest(bucket=BUCKET, key=key))
        self.assertEqual(init.status_code, 200)
        self.assertTrue(init.upload_id)
        self.assertEqual(init.key, key)
        self.assertEqual(init.bucket, BUCKET)
        uploaded = []
        for n, data in enumerate(parts, 1):
            # the SDK checks the part's x-oss-hash-crc64ecma against what it sent
            r = self.c.upload_part(oss.UploadPartRequest(bucket=BUCKET, key=key, upload_id=init.upload_id,
                                                         part_number=n, body=data))
            self.assertEqual(r.status_code, 200)
            self.assertEqual(r.etag, md5_etag(data))
            self.assertEqual(r.hash_crc64, str(crc64(data)))
            uploaded.append(oss.UploadPart(part_number=n, etag=r.etag))
        done = self.c.complete_multipart_upload(oss.CompleteMultipartUploadRequest(
            bucket=BUCKET, key=key, upload_id=init.upload_id,
            complete_multipart_upload=oss.CompleteMultipartUpload(parts=uploaded)))
        whole = b"".join(parts)
        self.assertEqual(done.status_code, 200)
        self.assertEqual(done.bucket, BUCKET)
        self.assertEqual(done.key, key)
        self.assertEqual(done.etag, multipart_etag(parts))
        self.assertEqual(done.hash_crc64, str(crc64(whole)), "whole-object CRC on Complete")

        g = self.c.get_object(oss.GetObjectRequest(bucket=BUCKET, key=key))
        self.assertEqual(g.body.read(), whole)
        self.assertEqual(g.object_type, "Multipart")
        self.assertEqual(g.hash_crc64, str(crc64(whole)))
        self.assertEqual(g.etag, multipart_etag(parts))

    def test_uploader_combines_part_crcs(self):
        """The v2 Uploader checks the Complete CRC against its combine of the part CRCs."""
        key = self.prefix + "uploader.bin"
        data = payload(3 * PART + 777, 7)
        up = self.c.uploader(part_size=PART, parallel_num=2, leave_parts_on_error=False)
        r = up.upload_from(oss.PutObjectRequest(bucket=BUCKET, key=key), io.BytesIO(data))
        self.assertEqual(r.status_code, 200)
        self.assertEqual(r.hash_crc64, str(crc64(data)))
        g = self.c.get_object(oss.GetObjectRequest(bucket=BUCKET, key=key))
        self.assertEqual(g.body.read(), data)

    def test_downloader_and_get_object_to_file(self):
        """v2's Downloader: HeadObject, then ranged GETs with x-oss-range-behavior: standard in
        parallel, and a CRC-64 check of the file against x-oss-hash-crc64ecma; and
        get_object_to_file, which checks the CRC of one whole GET."""
        key = self.prefix + "download.bin"
        data = payload(3 * PART + 12345, 31)
        self.put(key, data)
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "a.bin")
            r = self.c.downloader(part_size=PART, parallel_num=3).download_file(
                oss.GetObjectRequest(bucket=BUCKET, key=key), path)
            self.assertEqual(r.written, len(data))
            with open(path, "rb") as f:
                self.assertEqual(f.read(), data)
            path = os.path.join(d, "b.bin")
            # get_object_to_file loops `for _ in range(1, attempts)`: with one attempt it never
            # sends a request and returns None (v2 1.4.1, client.py); so two attempts here
            g = v2_client(EMU, attempts=2).get_object_to_file(oss.GetObjectRequest(bucket=BUCKET, key=key), path)
            self.assertIsNotNone(g)
            self.assertEqual(g.hash_crc64, str(crc64(data)))
            with open(path, "rb") as f:
                self.assertEqual(f.read(), data)

    def test_abort_multipart(self):
        key = self.prefix + "aborted.bin"
        init = self.c.initiate_multipart_upload(oss.InitiateMultipartUploadRequest(bucket=BUCKET, key=key))
        self.c.upload_part(oss.UploadPartRequest(bucket=BUCKET, key=key, upload_id=init.upload_id,
                                                 part_number=1, body=b"x" * 10))
        r = self.c.abort_multipart_upload(oss.AbortMultipartUploadRequest(
            bucket=BUCKET, key=key, upload_id=init.upload_id))
        self.assertEqual(r.status_code, 204)
        with self.assertRaises(oss.exceptions.OperationError) as cm:
            self.c.upload_part(oss.UploadPartRequest(bucket=BUCKET, key=key, upload_id=init.upload_id,
                                                     part_number=2, body=b"y"))
        err = service_error(self, cm.exception)
        self.assertEqual((err.status_code, err.code), (404, "NoSuchUpload"))
        with self.assertRaises(oss.exceptions.OperationError) as cm:
            self.c.head_object(oss.HeadObjectRequest(bucket=BUCKET, key=key))
        self.assertEqual(service_error(self, cm.exception).code, "NoSuchKey")

    def test_append(self):
        key = self.prefix + "log/append.txt"
        a, b = b"first line\n" * 50, b"second line\n" * 70
        r1 = self.c.append_object(oss.AppendObjectRequest(bucket=BUCKET, key=key, position=0, body=a))
        self.assertEqual(r1.status_code, 200)
        self.assertEqual(r1.next_position, len(a))
        self.assertEqual(r1.hash_crc64, str(crc64(a)))
        r2 = self.c.append_object(oss.AppendObjectRequest(bucket=BUCKET, key=key, position=r1.next_position, body=b))
        self.assertEqual(r2.next_position, len(a) + len(b))
        self.assertEqual(r2.hash_crc64, str(crc64(a + b)), "x-oss-hash-crc64ecma of the whole appended object")
        h = self.c.head_object(oss.HeadObjectRequest(bucket=BUCKET, key=key))
        self.assertEqual(h.object_type, "Appendable")
        self.assertEqual(h.content_length, len(a + b))
        self.assertEqual(h.next_append_position, len(a + b))
        g = self.c.get_object(oss.GetObjectRequest(bucket=BUCKET, key=key))
        self.assertEqual(g.body.read(), a + b)
        self.assertEqual(g.hash_crc64, str(crc64(a + b)))

        # a stale position: 409 PositionNotEqualToLength, with the next position
        with self.assertRaises(oss.exceptions.OperationError) as cm:
            self.c.append_object(oss.AppendObjectRequest(bucket=BUCKET, key=key, position=len(a), body=b"x"))
        err = service_error(self, cm.exception)
        self.assertEqual((err.status_code, err.code), (409, "PositionNotEqualToLength"))
        self.assertEqual(err.headers.get("x-oss-next-append-position"), str(len(a + b)))

        # appending to a normal object: 409 ObjectNotAppendable
        normal = self.prefix + "normal.txt"
        self.put(normal, b"normal")
        with self.assertRaises(oss.exceptions.OperationError) as cm:
            self.c.append_object(oss.AppendObjectRequest(bucket=BUCKET, key=normal, position=6, body=b"x"))
        err = service_error(self, cm.exception)
        self.assertEqual((err.status_code, err.code), (409, "ObjectNotAppendable"))

    def test_append_file(self):
        """The SDK's append-only file: HeadObject (404 = create, then x-oss-object-type and
        Content-Length), then AppendObject at the position it learnt."""
        key = self.prefix + "appendfile.txt"
        with self.c.append_file(bucket=BUCKET, key=key) as f:
            f.write(b"one,")
            f.write(b"two,")
        with self.c.append_file(bucket=BUCKET, key=key) as f:  # reopens: HeadObject first
            f.write(b"three")
        g = self.c.get_object(oss.GetObjectRequest(bucket=BUCKET, key=key))
        self.assertEqual(g.body.read(), b"one,two,three")
        self.assertEqual(g.hash_crc64, str(crc64(b"one,two,three")))


class _Oss2Objects:
    """oss2; the subclasses pick the signature."""

    def make_bucket(self):
        raise NotImplementedError

    def setUp(self):
        self.b = self.make_bucket()
        self.prefix = unique(self.PREFIX) + "/"

    def put(self, key, data, **kw):
        r = self.b.put_object(key, data, **kw)
        self.assertEqual(r.status, 200)
        self.assertTrue(r.request_id)
        self.assertEqual(r.etag, md5_etag(data).strip('"'))
        self.assertEqual(r.crc, crc64(data), "x-oss-hash-crc64ecma of PutObject")
        return r

    def populate(self):
        bodies = {}
        for i, name in enumerate(ODD_NAMES):
            key = self.prefix + name
            bodies[key] = payload(2000 + i, seed=key)
            self.put(key, bodies[key])
        return bodies

    def test_put_get_range_head(self):
        bodies = self.populate()
        key = self.prefix + ODD_NAMES[0]
        data = bodies[key]

        g = self.b.get_object(key)
        got = g.read()
        self.assertEqual(got, data)
        self.assertEqual(g.status, 200)
        self.assertEqual(g.content_length, len(data))
        self.assertEqual(g.etag, md5_etag(data).strip('"'))
        self.assertEqual(g.object_type, "Normal")
        self.assertEqual(g.server_crc, crc64(data))
        self.assertEqual(g.client_crc, g.server_crc)  # the SDK's own CRC of what it read
        assert_recent(self, g.last_modified)

        g = self.b.get_object(key, byte_range=(100, 199))
        self.assertEqual(g.status, 206)
        self.assertEqual(g.read(), data[100:200])
        self.assertEqual(g.content_range, "bytes 100-199/%d" % len(data))
        self.assertEqual(g.server_crc, crc64(data))

        h = self.b.head_object(key)
        self.assertEqual(h.status, 200)
        self.assertEqual(h.content_length, len(data))
        self.assertEqual(h.etag, md5_etag(data).strip('"'))
        self.assertEqual(h.server_crc, crc64(data))
        self.assertEqual(h.object_type, "Normal")
        assert_recent(self, h.last_modified)

    def test_list_objects_v2(self):
        """oss2 sends every parameter, empty ones included (continuation-token=, ...)."""
        bodies = self.populate()
        r = self.b.list_objects_v2(prefix=self.prefix)
        self.assertFalse(r.is_truncated)
        self.assertEqual(sorted(o.key for o in r.object_list), sorted(bodies))
        for o in r.object_list:
            self.assertEqual(o.size, len(bodies[o.key]))
            self.assertEqual(o.etag, md5_etag(bodies[o.key]).strip('"'))
            self.assertEqual(o.type, "Normal")
            assert_recent(self, o.last_modified)

        r = self.b.list_objects_v2(prefix=self.prefix, delimiter="/")
        self.assertEqual(r.prefix_list, [self.prefix + "dir/"])
        self.assertEqual(sorted(o.key for o in r.object_list), sorted(k for k in bodies if "dir/" not in k))

    def test_list_objects_v2_pages(self):
        bodies = self.populate()
        # ObjectIteratorV2 pages with continuation tokens
        listed = [o.key for o in oss2.ObjectIteratorV2(self.b, prefix=self.prefix, max_keys=1)]
        self.assertEqual(listed, sorted(bodies))
        r = self.b.list_objects_v2(prefix=self.prefix, start_after=sorted(bodies)[0])
        self.assertEqual([o.key for o in r.object_list], sorted(bodies)[1:])

    def test_delete(self):
        key = self.prefix + ODD_NAMES[0]
        self.put(key, b"to be deleted")
        d = self.b.delete_object(key)
        self.assertEqual(d.status, 204)
        # (not object_exists: oss2 implements it with GetObjectMeta, HEAD ?objectMeta)
        with self.assertRaises(oss2.exceptions.NoSuchKey):
            self.b.head_object(key)
        with self.assertRaises(oss2.exceptions.NoSuchKey):
            self.b.get_object(key)

    def test_metadata(self):
        key = self.prefix + "meta.txt"
        self.b.put_object(key, b"m", headers={"x-oss-meta-Color": "blue", "Content-Type": "text/x-test"})
        h = self.b.head_object(key)
        self.assertEqual(h.headers.get("x-oss-meta-color"), "blue")
        self.assertEqual(h.content_type, "text/x-test")
        # without a Content-Type oss2 picks one from the key's extension
        self.b.put_object(self.prefix + "guess.html", b"<p>")
        self.assertEqual(self.b.head_object(self.prefix + "guess.html").content_type, "text/html")

    def test_multipart_with_crc_checks(self):
        key = self.prefix + "multi/part.bin"
        parts = [payload(PART, 11), payload(PART, 12), payload(4321, 13)]
        upload_id = self.b.init_multipart_upload(key).upload_id
        self.assertTrue(upload_id)
        infos = []
        for n, data in enumerate(parts, 1):
            # enable_crc: oss2 compares the part's x-oss-hash-crc64ecma with its own
            r = self.b.upload_part(key, upload_id, n, data)
            self.assertEqual(r.etag, md5_etag(data).strip('"'))
            self.assertEqual(r.crc, crc64(data))
            infos.append(PartInfo(n, r.etag, size=len(data), part_crc=r.crc))
        # oss2 combines the part CRCs and compares them with the Complete response's header
        done = self.b.complete_multipart_upload(key, upload_id, infos)
        whole = b"".join(parts)
        self.assertEqual(done.status, 200)
        self.assertEqual(done.crc, crc64(whole), "whole-object x-oss-hash-crc64ecma on Complete")
        self.assertEqual(done.etag, multipart_etag(parts).strip('"'))
        g = self.b.get_object(key)
        self.assertEqual(g.read(), whole)
        self.assertEqual(g.object_type, "Multipart")
        self.assertEqual(g.client_crc, g.server_crc)

    def test_append(self):
        key = self.prefix + "append.log"
        a, b = b"alpha " * 100, b"beta " * 120
        r1 = self.b.append_object(key, 0, a, init_crc=0)  # init_crc: oss2 checks the CRC
        self.assertEqual(r1.status, 200)
        self.assertEqual(r1.next_position, len(a))
        self.assertEqual(r1.crc, crc64(a))
        r2 = self.b.append_object(key, r1.next_position, b, init_crc=r1.crc)
        self.assertEqual(r2.next_position, len(a) + len(b))
        self.assertEqual(r2.crc, crc64(a + b))
        h = self.b.head_object(key)
        self.assertEqual(h.object_type, "Appendable")
        self.assertEqual(h.server_crc, crc64(a + b))
        self.assertEqual(self.b.get_object(key).read(), a + b)
        with self.assertRaises(oss2.exceptions.PositionNotEqualToLength) as cm:
            self.b.append_object(key, 1, b"x")
        self.assertEqual(cm.exception.next_position, len(a) + len(b))


class Oss2V1Objects(_Oss2Objects, unittest.TestCase):
    """oss2.Auth (Signature V1)."""
    PREFIX = "oss2v1/"

    def make_bucket(self):
        return oss2_v1(EMU)


class Oss2V4Objects(_Oss2Objects, unittest.TestCase):
    """oss2.ProviderAuthV4 (Signature V4)."""
    PREFIX = "oss2v4/"

    def make_bucket(self):
        return oss2_v4(EMU)


class Oss2AuthV4Objects(unittest.TestCase):
    """oss2.AuthV4 (V4 with plain keys): a smaller round trip, the same signer underneath."""

    def test_put_get_head_delete(self):
        b = oss2_v4(EMU, provider=False)
        key = unique("oss2authv4/") + "/k/\u00e9 x+y.txt"
        data = payload(999, 5)
        r = b.put_object(key, data)
        self.assertEqual(r.crc, crc64(data))
        self.assertEqual(b.get_object(key).read(), data)
        self.assertEqual(b.head_object(key).content_length, len(data))
        self.assertEqual(b.delete_object(key).status, 204)


class Oss2V4AdditionalHeaders(unittest.TestCase):
    """oss2's V4 signer with an additional header: it writes `, AdditionalHeaders=...` last,
    after the Signature (reference/sdk_signing_v4.md: a verifier must accept any order)."""

    def test_put_with_additional_header(self):
        key = unique("oss2v4add/") + "/a.txt"
        body = b"oss2 additional headers"
        path, headers = harness.oss2_signed(oss2.AuthV4(harness.AK, harness.SK), "PUT", BUCKET, key, data=body,
                                            headers={"Content-Disposition": "inline"},
                                            additional_headers=["content-disposition"])
        self.assertRegex(headers["authorization"], r"Signature=[0-9a-f]{64}, AdditionalHeaders=content-disposition$")
        status, _, reply = harness.send(EMU, "PUT", path, headers, body=body)
        self.assertEqual(status, 200, reply)
        self.assertEqual(oss2_v1(EMU).get_object(key).read(), body)


class SecondBucketAndKey(unittest.TestCase):
    """The second bucket and the second access key work too, and buckets are separate."""

    def test_second_bucket_second_key(self):
        key = unique("second/") + ".txt"
        b2 = oss2_v1(EMU, bucket=harness.BUCKET2, ak=harness.AK2, sk=harness.SK2)
        b2.put_object(key, b"in the other bucket")
        self.assertEqual(b2.get_object(key).read(), b"in the other bucket")
        with self.assertRaises(oss2.exceptions.NoSuchKey):
            oss2_v1(EMU).get_object(key)
        c = v2_client(EMU, ak=harness.AK2, sk=harness.SK2)
        g = c.get_object(oss.GetObjectRequest(bucket=harness.BUCKET2, key=key))
        self.assertEqual(g.body.read(), b"in the other bucket")


if __name__ == "__main__":
    unittest.main()
