"""A V4 `Authorization` with an empty `AdditionalHeaders=` item, as reqsign-aliyun-oss
(OpenDAL's signer) always writes it when no header is added: refused as OSS refuses it
(AuthorizationInvalid, EC 0002-00000209 in OSS's EC pages) unless `emulate` runs with
`--accept-empty-additional-headers`. The request is signed by oss2's AuthV4, then given
the empty item; the signature itself stays right."""

import re
import unittest

import oss2

import harness
from harness import AK, BUCKET, SK, parse_error, unique

EMPTY_ITEM = re.compile(r",\s*Signature=")


def authorization_name(headers):
    return next(name for name in headers if name.lower() == "authorization")


def with_empty_item(headers):
    headers = dict(headers)
    name = authorization_name(headers)
    headers[name] = EMPTY_ITEM.sub(", AdditionalHeaders=, Signature=", headers[name], count=1)
    return headers


class EmptyAdditionalHeaders(unittest.TestCase):

    def put(self, emu):
        key = unique("empty-additional/") + ".txt"
        path, headers = harness.oss2_signed(oss2.AuthV4(AK, SK), "PUT", BUCKET, key, data=b"x")
        self.assertNotIn("AdditionalHeaders", headers[authorization_name(headers)])
        sent = with_empty_item(headers)
        self.assertIn(", AdditionalHeaders=, Signature=", sent[authorization_name(sent)])
        return harness.send(emu, "PUT", path, sent, body=b"x")

    def test_refused_by_default(self):
        emu = harness.Emulator()
        try:
            status, _, body = self.put(emu)
            self.assertEqual(status, 400, body)
            error = parse_error(body)
            self.assertEqual(error["Code"], "InvalidArgument")
            self.assertEqual(error["Message"], "Authorization header is invalid")
        finally:
            emu.cleanup()

    def test_accepted_with_the_option(self):
        emu = harness.Emulator(extra_args=["--accept-empty-additional-headers"])
        try:
            status, _, body = self.put(emu)
            self.assertEqual(status, 200, body)
        finally:
            emu.cleanup()


if __name__ == "__main__":
    unittest.main()
