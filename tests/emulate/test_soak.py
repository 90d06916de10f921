"""Soak: at least 10,000 requests from 32 threads over keep-alive connections, mixed valid
and invalid signatures (invalid = signed with a wrong secret), PUTs and GETs over a small
key set with many writers per key.

Asserts:
  * zero wrong verdicts: every validly signed request gets 2xx, every wrongly signed one
    403 with Code SignatureDoesNotMatch (and an x-oss-request-id);
  * every GET returns bytes that some valid PUT wrote to that key, with an ETag and an
    x-oss-hash-crc64ecma that match those bytes (no torn reads);
  * at the end every object equals one of the values validly written to it (no torn or lost
    objects, no bytes from a rejected PUT), and its CRC header matches;
  * no connection is dropped without `Connection: close` (no lost requests);
  * the whole run ends within the deadline (SOAK_DEADLINE, default 120 s).

Requests are signed by oss2's own signers (V1 `oss2.Auth` and V4 `oss2.AuthV4`, half each)
and sent with http.client, one persistent connection per thread.
Knobs (environment): SOAK_REQUESTS (10000), SOAK_THREADS (32), SOAK_DEADLINE (120).
"""

import hashlib
import http.client
import os
import random
import re
import sys
import threading
import time
import unittest

import oss2

import harness
from harness import AK, BUCKET, SK, WRONG_SK, crc64

REQUESTS = int(os.environ.get("SOAK_REQUESTS", "10000"))
THREADS = int(os.environ.get("SOAK_THREADS", "32"))
DEADLINE = float(os.environ.get("SOAK_DEADLINE", "120"))
KEYS = ["soak/key-%d" % i for i in range(8)]

GOOD = [oss2.Auth(AK, SK), oss2.AuthV4(AK, SK)]
BAD = [oss2.Auth(AK, WRONG_SK), oss2.AuthV4(AK, WRONG_SK)]
CODE_RE = re.compile(rb"<Code>([^<]*)</Code>")


class Soak(unittest.TestCase):

    def setUp(self):
        self.emu = harness.Emulator()
        self.lock = threading.Lock()
        self.written = {k: set() for k in KEYS}     # md5 of every value a valid PUT sent
        self.rejected = {k: set() for k in KEYS}    # md5 of every value a wrongly signed PUT sent
        self.wrong = []                             # wrong verdicts, with details
        self.counts = {}
        self.closes = 0
        self.drops = []
        self.errors = []
        self.next = 0

    def tearDown(self):
        self.emu.cleanup()

    def ticket(self):
        with self.lock:
            if self.next >= REQUESTS:
                return None
            self.next += 1
            return self.next

    def count(self, what):
        with self.lock:
            self.counts[what] = self.counts.get(what, 0) + 1

    def verdict(self, what, detail):
        with self.lock:
            self.wrong.append((what, detail))

    def value(self, rnd, n):
        # unique bytes per write: a header naming the write, then random filler
        head = ("%d-%d|" % (n, rnd.getrandbits(48))).encode()
        return head + rnd.randbytes(rnd.randrange(64, 4096))

    def request(self, conn_box, method, key, auth, body=None):
        """Send on the thread's keep-alive connection (conn_box = [connection]). A response
        with `Connection: close` means a new connection for the next request; a connection
        the server drops without saying so is a failure (the client's next request on it
        would be lost)."""
        path, headers = harness.oss2_signed(auth, method, BUCKET, key, data=body)
        conn = conn_box[0]
        try:
            conn.request(method, path, body=body, headers=headers)
            r = conn.getresponse()
            data = r.read()
        except (http.client.HTTPException, ConnectionError) as e:
            conn.close()
            conn_box[0] = self.emu.conn()
            with self.lock:
                self.drops.append("%s %s: %r" % (method, path, e))
            raise AssertionError("%s %s: connection dropped: %r" % (method, path, e))
        if (r.getheader("Connection") or "").lower() == "close":
            conn.close()
            conn_box[0] = self.emu.conn()
            with self.lock:
                self.closes += 1
        return r.status, r, data

    def check_get_body(self, key, r, data, note):
        digest = hashlib.md5(data).hexdigest()
        with self.lock:
            known = digest in self.written[key]
            bad = digest in self.rejected[key]
        if not known or bad:
            self.verdict("torn-or-foreign GET " + note, "%s: %d bytes md5 %s (rejected write: %s)"
                         % (key, len(data), digest, bad))
        if r.getheader("ETag") != '"%s"' % digest.upper():
            self.verdict("ETag " + note, "%s: %r vs md5 %s" % (key, r.getheader("ETag"), digest))
        if r.getheader("x-oss-hash-crc64ecma") != str(crc64(data)):
            self.verdict("CRC " + note, "%s: %r vs %d" % (key, r.getheader("x-oss-hash-crc64ecma"), crc64(data)))

    def worker(self, seed, deadline):
        try:
            self.work(seed, deadline)
        except BaseException as e:  # a crashed worker is a failure, not a silent stop
            with self.lock:
                self.errors.append(repr(e))

    def work(self, seed, deadline):
        rnd = random.Random(seed)
        box = [self.emu.conn()]
        try:
            while time.monotonic() < deadline:
                n = self.ticket()
                if n is None:
                    return
                key = rnd.choice(KEYS)
                valid = rnd.random() < 0.75
                put = rnd.random() < 0.45
                auth = rnd.choice(GOOD if valid else BAD)
                sig = "v1" if isinstance(auth, oss2.Auth) else "v4"
                what = "%s %s %s" % ("valid" if valid else "invalid", "PUT" if put else "GET", sig)
                self.count(what)
                body = None
                if put:
                    body = self.value(rnd, n)
                    with self.lock:
                        (self.written if valid else self.rejected)[key].add(hashlib.md5(body).hexdigest())
                status, r, data = self.request(box, "PUT" if put else "GET", key, auth, body)
                if not r.getheader("x-oss-request-id"):
                    self.verdict("no request id " + what, key)
                if valid:
                    if status // 100 != 2:
                        self.verdict(what, "%s -> %d %r" % (key, status, data[:300]))
                    elif put:
                        if r.getheader("x-oss-hash-crc64ecma") != str(crc64(body)):
                            self.verdict("PUT CRC " + what, key)
                    else:
                        self.check_get_body(key, r, data, what)
                else:
                    m = CODE_RE.search(data)
                    code = m.group(1).decode() if m else None
                    if status != 403 or code != "SignatureDoesNotMatch":
                        self.verdict(what, "%s -> %d %s %r" % (key, status, code, data[:300]))
        finally:
            box[0].close()

    def test_soak(self):
        self.assertGreaterEqual(REQUESTS, 10000 if "SOAK_REQUESTS" not in os.environ else 1)
        start = time.monotonic()
        deadline = start + DEADLINE
        # every key exists before the mixed load starts, so a valid GET never meets a 404
        box = [self.emu.conn()]
        for i, key in enumerate(KEYS):
            body = ("initial %d|" % i).encode() * 10
            self.written[key].add(hashlib.md5(body).hexdigest())
            status, _, data = self.request(box, "PUT", key, GOOD[0], body)
            self.assertEqual(status, 200, data)
        box[0].close()

        threads = [threading.Thread(target=self.worker, args=(1000 + t, deadline), daemon=True)
                   for t in range(THREADS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(max(0.0, deadline - time.monotonic()) + 1)
        elapsed = time.monotonic() - start
        alive = [t for t in threads if t.is_alive()]

        sent = sum(self.counts.values())
        rate = sent / elapsed if elapsed else 0
        print("\nsoak: %d requests in %.1fs (%.0f/s), %d threads, %d answers with Connection: close; %s"
              % (sent, elapsed, rate, THREADS, self.closes,
                 ", ".join("%s %d" % kv for kv in sorted(self.counts.items()))), file=sys.stderr)

        self.assertEqual(self.drops[:20], [], "%d connections dropped without Connection: close" % len(self.drops))
        self.assertEqual(self.errors, [], "worker threads crashed")
        self.assertFalse(alive or elapsed > DEADLINE,
                         "deadline of %ss exceeded: %d of %d requests sent in %.1fs"
                         % (DEADLINE, sent, REQUESTS, elapsed))
        self.assertEqual(sent, REQUESTS)
        self.assertEqual(self.wrong[:20], [], "%d wrong verdicts (first 20 shown)" % len(self.wrong))

        # the final state: every object is one whole value that a valid PUT wrote
        box = [self.emu.conn()]
        for key in KEYS:
            status, r, data = self.request(box, "GET", key, GOOD[1])
            self.assertEqual(status, 200, data)
            self.check_get_body(key, r, data, "final")
        box[0].close()
        self.assertEqual(self.wrong, [], "final state")


if __name__ == "__main__":
    unittest.main()
