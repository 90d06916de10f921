#!/usr/bin/env node
/*
 * `oss-doctor emulate` driven by the npm SDK ali-oss (pinned in tests/emulate/ali-oss/):
 * a put and a get with Signature V1 and with V4 (`authorizationV4`), a presigned GET URL
 * from each signer fetched with plain `http`, and a wrong secret seen as ali-oss's
 * SignatureDoesNotMatchError. Run by tests/emulate/run.sh (which sets OSS_DOCTOR).
 *
 * ali-oss facts this relies on (see SDK_NOTES.md): on an IP endpoint its requests are
 * virtual-hosted, `/key` with `Host: <bucket>.oss-<region>.aliyuncs.com`
 * (lib/common/utils/createRequest.js); `sldEnable` would add `/<bucket>` to the path while
 * the Host still names the bucket, so it is not set for requests. Presigned URLs do not get
 * that Host: signatureUrlV4 is made path-style (`sldEnable`), and V1 `signatureUrl` (which
 * refuses IP endpoints) for http://localhost:PORT, fetched from 127.0.0.1 with
 * `Host: <bucket>.localhost:PORT`.
 *
 * PostObject forms are signed with ali-oss's own helpers, `calculatePostSignature` (V1) and
 * `signPostObjectPolicyV4` with `signUtils.getCredential` (V4), following the V4 example in
 * ali-oss's README (`toISOString()` expiration, `in`/`not-in` on `$content-type` and
 * `$cache-control` while the fields are sent as `Content-Type` and `Cache-Control`).
 */
'use strict';

const assert = require('assert');
const child_process = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');

const OSS = require(path.join(__dirname, 'ali-oss', 'node_modules', 'ali-oss'));

const ROOT = path.resolve(__dirname, '..', '..');
const OSS_DOCTOR = process.env.OSS_DOCTOR || path.join(ROOT, 'target', 'debug', 'oss-doctor');
const BUCKET = 'emu-test';
const AK = 'LTAI5tEmulateTest01';
const SK = 'emulate-secret-one';
const TIMEOUT = 15000;

// the whole file has a deadline too
const watchdog = setTimeout(() => {
  console.error('ali-oss test: deadline of 90 s exceeded');
  process.exit(1);
}, 90000);

// CRC-64/XZ (x-oss-hash-crc64ecma), computed here: ali-oss has none
const CRC_TABLE = (() => {
  const poly = 0xC96C5795D7870F42n;
  const t = [];
  for (let i = 0n; i < 256n; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = (c & 1n) ? (c >> 1n) ^ poly : c >> 1n;
    t.push(c);
  }
  return t;
})();
function crc64(buf) {
  let c = 0xFFFFFFFFFFFFFFFFn;
  for (const b of buf) c = CRC_TABLE[Number((c ^ BigInt(b)) & 0xFFn)] ^ (c >> 8n);
  return (c ^ 0xFFFFFFFFFFFFFFFFn).toString();
}
assert.strictEqual(crc64(Buffer.from('123456789')), '11051210869376104954');

function startEmulator() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'oss-emulate-js-'));
  const proc = child_process.spawn(OSS_DOCTOR, ['emulate', '--listen', '127.0.0.1:0', '--root', root,
    '--bucket', BUCKET, '--access-key', `${AK}:${SK}`, '--region', 'cn-hangzhou'],
  { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => { proc.kill('SIGKILL'); reject(new Error('emulate printed no start line within 20 s')); }, 20000);
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`emulate exited (${code}) before its start line`)); });
    proc.stdout.on('data', (chunk) => {
      buf += chunk;
      const nl = buf.indexOf('\n');
      if (nl >= 0) {
        clearTimeout(timer);
        proc.removeAllListeners('exit');
        proc.stdout.removeAllListeners('data');
        proc.stdout.resume();
        try {
          resolve({ proc, root, info: JSON.parse(buf.slice(0, nl)) });
        } catch (e) {
          proc.kill('SIGKILL');
          reject(new Error(`emulate's first line is not JSON: ${buf.slice(0, nl)}`));
        }
      }
    });
  });
}

function post(url, fields, fileName, fileBody, headers) {
  const boundary = `----ali-oss-emulate-${crypto.randomBytes(8).toString('hex')}`;
  const parts = [];
  for (const [name, value] of fields) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
    'Content-Type: text/plain\r\n\r\n'));
  parts.push(fileBody, Buffer.from(`\r\n--${boundary}--\r\n`));
  const body = Buffer.concat(parts);
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: 'POST',
      timeout: TIMEOUT,
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': body.length, ...(headers || {}) }
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('timeout', () => req.destroy(new Error(`timeout posting to ${url}`)));
    req.on('error', reject);
    req.end(body);
  });
}

function fetch(url, headers) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { timeout: TIMEOUT, headers: headers || {} }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('timeout', () => req.destroy(new Error(`timeout fetching ${url}`)));
    req.on('error', reject);
  });
}

const results = [];
async function check(name, fn) {
  try {
    await fn();
    results.push([name, null]);
    console.log(`ok   ${name}`);
  } catch (e) {
    results.push([name, e]);
    console.log(`FAIL ${name}\n     ${(e && e.stack) || e}`);
  }
}

async function main() {
  const emu = await startEmulator();
  const endpoint = emu.info.endpoint; // http://127.0.0.1:PORT
  const port = new URL(endpoint).port;
  const common = { accessKeyId: AK, accessKeySecret: SK, bucket: BUCKET, timeout: TIMEOUT, retryMax: 0 };
  const v1 = new OSS({ ...common, endpoint, region: 'oss-cn-hangzhou' });
  const v4 = new OSS({ ...common, endpoint, region: 'oss-cn-hangzhou', authorizationV4: true });
  const stamp = `${Date.now()}-${process.pid}`;
  try {
    for (const [label, client] of [['V1', v1], ['V4', v4]]) {
      await check(`put and get (${label})`, async () => {
        const key = `ali-oss/${stamp}/${label}/dir/\u00e9 +x.bin`;
        const data = crypto.randomBytes(3000);
        const put = await client.put(key, data);
        assert.strictEqual(put.res.status, 200);
        assert.ok(put.res.headers['x-oss-request-id'], 'x-oss-request-id');
        assert.strictEqual(put.res.headers['x-oss-hash-crc64ecma'], crc64(data));
        assert.strictEqual(put.res.headers.etag, `"${crypto.createHash('md5').update(data).digest('hex').toUpperCase()}"`);
        const got = await client.get(key);
        assert.strictEqual(got.res.status, 200);
        assert.ok(Buffer.compare(got.content, data) === 0, 'GET returns the bytes PUT');
        assert.strictEqual(got.res.headers['x-oss-hash-crc64ecma'], crc64(data));
      });
    }

    const key = `ali-oss/${stamp}/presigned \u00fc.txt`;
    const data = Buffer.from('fetched through a URL ali-oss signed');
    let stored = false;
    await check('put for the presigned URLs', async () => {
      await v1.put(key, data);
      stored = true;
    });
    const presigned = async (name, fn) => check(name, async () => {
      assert.ok(stored, 'the object to fetch could not be stored');
      await fn();
    });

    await presigned('presigned GET (signatureUrlV4, path style)', async () => {
      const pathStyle = new OSS({ ...common, endpoint, region: 'oss-cn-hangzhou', sldEnable: true, authorizationV4: true });
      const url = await pathStyle.signatureUrlV4('GET', 300, undefined, key);
      assert.ok(url.includes('x-oss-signature='), url);
      const r = await fetch(url);
      assert.strictEqual(r.status, 200, r.body.toString());
      assert.ok(Buffer.compare(r.body, data) === 0);
      assert.strictEqual(r.headers['x-oss-hash-crc64ecma'], crc64(data));
    });

    await presigned('presigned GET (signatureUrl, V1, virtual host)', async () => {
      const local = new OSS({ ...common, endpoint: `http://localhost:${port}`, region: 'oss-cn-hangzhou' });
      const signed = new URL(local.signatureUrl(key, { expires: 300 }));
      assert.ok(signed.searchParams.get('Signature'), signed.href);
      assert.strictEqual(signed.host, `${BUCKET}.localhost:${port}`);
      signed.hostname = '127.0.0.1';
      const r = await fetch(signed.href, { Host: `${BUCKET}.localhost:${port}` });
      assert.strictEqual(r.status, 200, r.body.toString());
      assert.ok(Buffer.compare(r.body, data) === 0);
    });

    await presigned('wrong secret: SignatureDoesNotMatchError', async () => {
      const bad = new OSS({ ...common, endpoint, region: 'oss-cn-hangzhou', accessKeySecret: 'not-the-secret' });
      await assert.rejects(bad.get(key), (err) => {
        assert.strictEqual(err.name, 'SignatureDoesNotMatchError');
        assert.strictEqual(err.code, 'SignatureDoesNotMatch');
        assert.strictEqual(err.status, 403);
        assert.ok(err.requestId, 'request id');
        return true;
      });
    });

    await check('PostObject V1 (calculatePostSignature), path style', async () => {
      const name = `ali-oss/${stamp}/post-v1.txt`;
      const file = Buffer.from('posted with calculatePostSignature');
      const policy = {
        expiration: new Date(Date.now() + 600e3).toISOString(),
        conditions: [{ bucket: BUCKET }, ['content-length-range', 1, 1024], ['starts-with', '$key', 'ali-oss/']]
      };
      const signed = v1.calculatePostSignature(policy);
      const r = await post(`${endpoint}/${BUCKET}`, [['key', name], ['OSSAccessKeyId', signed.OSSAccessKeyId],
        ['policy', signed.policy], ['Signature', signed.Signature]], 'local.txt', file);
      assert.strictEqual(r.status, 204, r.body.toString());
      assert.ok(r.headers['x-oss-request-id']);
      assert.strictEqual(r.headers.etag, `"${crypto.createHash('md5').update(file).digest('hex').toUpperCase()}"`);
      const got = await v4.get(name);
      assert.ok(Buffer.compare(got.content, file) === 0);
    });

    let postedV4 = null;
    await check('PostObject V4 (signPostObjectPolicyV4, the README example), virtual host', async () => {
      const { getCredential } = require(path.join(__dirname, 'ali-oss', 'node_modules', 'ali-oss', 'lib', 'common', 'signUtils'));
      const { policy2Str } = require(path.join(__dirname, 'ali-oss', 'node_modules', 'ali-oss', 'lib', 'common', 'utils', 'policy2Str'));
      const name = `ali-oss/${stamp}/post-v4.txt`;
      const file = Buffer.from('posted with signPostObjectPolicyV4');
      const date = new Date();
      const expiration = new Date(date.getTime() + 60e3);
      const pad = (n) => String(n).padStart(2, '0');
      const formattedDate = `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T` +
        `${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
      const credential = getCredential(formattedDate.split('T')[0], 'cn-hangzhou', AK);
      const policy = {
        expiration: expiration.toISOString(),
        conditions: [
          { bucket: BUCKET },
          { 'x-oss-credential': credential },
          { 'x-oss-date': formattedDate },
          { 'x-oss-signature-version': 'OSS4-HMAC-SHA256' },
          ['content-length-range', 1, 1024],
          ['eq', '$success_action_status', '200'],
          ['starts-with', '$key', 'ali-oss/'],
          ['in', '$content-type', ['image/jpg', 'text/plain']],
          ['not-in', '$cache-control', ['no-cache']]
        ]
      };
      const signature = v4.signPostObjectPolicyV4(policy, date);
      const r = await post(`${endpoint}/`, [['key', name], ['Content-Type', 'text/plain'], ['Cache-Control', 'max-age=30'],
        ['x-oss-date', formattedDate], ['x-oss-credential', credential], ['x-oss-signature-version', 'OSS4-HMAC-SHA256'],
        ['policy', Buffer.from(policy2Str(policy), 'utf8').toString('base64')], ['x-oss-signature', signature],
        ['success_action_status', '200']], 'local.txt', file, { Host: `${BUCKET}.localhost:${port}` });
      assert.strictEqual(r.status, 200, r.body.toString());
      const got = await v1.get(name);
      assert.ok(Buffer.compare(got.content, file) === 0);
      assert.strictEqual(got.res.headers['content-type'], 'text/plain');
      postedV4 = got;
    });

    await check('PostObject V4: the Cache-Control form field is stored with the object', async () => {
      assert.ok(postedV4, 'the V4 form was not stored');
      assert.strictEqual(postedV4.res.headers['cache-control'], 'max-age=30');
    });

    await check('missing object: NoSuchKeyError', async () => {
      await assert.rejects(v4.get(`ali-oss/${stamp}/missing`), (err) => {
        assert.strictEqual(err.code, 'NoSuchKey');
        assert.strictEqual(err.status, 404);
        assert.ok(err.requestId);
        return true;
      });
    });
  } finally {
    emu.proc.kill('SIGTERM');
    const killer = setTimeout(() => emu.proc.kill('SIGKILL'), 5000);
    if (emu.proc.exitCode === null && emu.proc.signalCode === null) {
      await new Promise((r) => emu.proc.once('exit', r));
    }
    clearTimeout(killer);
    fs.rmSync(emu.root, { recursive: true, force: true });
  }
  const failed = results.filter(([, e]) => e);
  console.log(`ali-oss: ${results.length - failed.length} passed, ${failed.length} failed`);
  clearTimeout(watchdog);
  process.exitCode = failed.length ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
