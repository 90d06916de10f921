#!/usr/bin/env node
/*
 * Differential Signature V4 (OSS4-HMAC-SHA256, header form) vectors from the npm SDK
 * `ali-oss` (version pinned in scripts/vectors/ali-oss/package.json).
 *
 * Random requests (methods, keys with reserved, Unicode and percent characters, query names
 * and values with every printable ASCII character and Unicode, valueless parameters,
 * mixed-case headers with surrounding ASCII blanks, additional headers present in the
 * request, STS tokens, products `oss` and `oss-cloudbox`, signing times from 1970 to 9999)
 * are signed by calling ali-oss's V4 helpers in lib/common/signUtils.js directly, with a
 * fixed signing time (no network):
 *
 *   headers   built the way lib/common/utils/createRequest.js builds them for V4:
 *             `x-oss-date` (yyyymmdd'T'HHMMss'Z'), `x-oss-content-sha256: UNSIGNED-PAYLOAD`,
 *             `x-oss-security-token` (STS), then the request's own headers
 *   queries   an object: a valueless parameter is `null` (what createRequest makes of a
 *             sub-resource without a value; qs writes `name`), others strings
 *   signing   `signUtils.authorizationV4(id, secret, region, method, {headers, queries},
 *             bucket, key, additionalHeaders, 'utf-8', cloudBoxId)`; region is the
 *             cloud-box id and the product `oss-cloudbox` when cloudBoxId is given; the
 *             canonical request is captured from `signUtils.getCanonicalRequest`, and the
 *             signature is re-derived with `getStringToSign` / `getSignatureV4` as a check
 *
 * Outputs (under tests/vectors/):
 *   sign_v4_ali_oss.jsonl                rows in the format of sign_v4.jsonl (header form):
 *                                        access_key_id, access_key_secret, security_token
 *                                        (optional), region, product, method, bucket, key,
 *                                        headers [[n, v]...] (the request's own, without the
 *                                        ones ali-oss adds), query [[n, v]...] ("" for a
 *                                        valueless parameter), additional_headers, time,
 *                                        signature, canonical_request, authorization
 *   sign_v4_ali_oss_disagreements.json   cases where ali-oss differs from oss-sign's rules,
 *                                        with the reason, ali-oss's result (or the error it
 *                                        throws) and `expected`: ali-oss's result for the
 *                                        normalised input, which oss-sign must reproduce
 *
 * Known differences (kept out of the main file, listed in the disagreements file):
 *   query_explicit_empty   an explicit '' value: qs writes `name=`; oss-sign (and the
 *                          other SDKs) write `name` (expected: the same query with null)
 *   query_locale_order     qs sorts raw names with String.prototype.localeCompare; oss-sign
 *                          sorts the encoded names bytewise (expected: ali-oss's canonical
 *                          request with its query line sorted bytewise, re-signed with
 *                          ali-oss's getStringToSign / getSignatureV4)
 *   additional_absent      an additional header the request lacks: ali-oss throws;
 *                          oss-sign drops the name (expected: without that name)
 *   additional_empty       an additional header present with an empty (or blank) value:
 *                          ali-oss signs `name:`; oss-sign drops it like the v2 SDKs
 *                          (expected: without that name)
 *   header_unicode_blank   a header value starting or ending with a non-ASCII blank
 *                          (U+00A0, U+3000, U+FEFF): JavaScript's trim removes it;
 *                          oss-sign trims ASCII blanks only (expected: null, no SDK result
 *                          reproduces oss-sign here; documented only)
 *
 * Run from anywhere:  node scripts/vectors/gen_sign_v4_ali_oss.js
 * The script runs `npm ci` in scripts/vectors/ali-oss (node_modules is git-ignored; the
 * committed package-lock.json pins ali-oss's dependencies, among them qs) if needed. The seed is fixed: re-running reproduces the same files.
 */
'use strict';

const path = require('path');
const fs = require('fs');
const crypto = require('crypto');
const { execSync } = require('child_process');

const HERE = __dirname;
const ROOT = path.resolve(HERE, '..', '..');
const PKG = path.join(HERE, 'ali-oss');
const OUT = path.join(ROOT, 'tests', 'vectors');
const SEED = 20261203;
const ROW_COUNT = 400;
const PER_CATEGORY = 12;

if (!fs.existsSync(path.join(PKG, 'node_modules', 'ali-oss'))) {
  execSync('npm ci --no-audit --no-fund', { cwd: PKG, stdio: 'inherit' });
}
const signUtils = require(path.join(PKG, 'node_modules', 'ali-oss', 'lib', 'common', 'signUtils.js'));
const ALI_OSS_VERSION = require(path.join(PKG, 'node_modules', 'ali-oss', 'package.json')).version;
// qs (ali-oss's dependency, pinned by package-lock.json) writes the canonical query string.
const QS_VERSION = require(path.join(PKG, 'node_modules', 'qs', 'package.json')).version;

// Capture the canonical request authorizationV4 builds (it calls this.getCanonicalRequest).
const originalCanonical = signUtils.getCanonicalRequest;
let captured = null;
signUtils.getCanonicalRequest = function capture(...args) {
  captured = originalCanonical.apply(this, args);
  return captured;
};

// ------------------------------------------------------------------------------------------
// Seeded randomness (mulberry32)
// ------------------------------------------------------------------------------------------

let state = SEED >>> 0;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const randint = (low, high) => low + Math.floor(random() * (high - low + 1));
const choice = items => items[Math.floor(random() * items.length)];
function sample(items, count) {
  const pool = items.slice();
  const out = [];
  while (out.length < count && pool.length) out.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);
  return out;
}
function shuffle(items) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
const chars = text => Array.from(text);
const randText = (pool, low, high) => {
  const all = chars(pool);
  let out = '';
  for (let i = randint(low, high); i > 0; i--) out += choice(all);
  return out;
};
const mixedCase = name => chars(name).map(c => (random() < 0.5 ? c.toUpperCase() : c.toLowerCase())).join('');

// ------------------------------------------------------------------------------------------
// Inputs
// ------------------------------------------------------------------------------------------

const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'HEAD', 'OPTIONS'];
const REGIONS = ['cn-hangzhou', 'cn-shanghai', 'us-west-1', 'ap-southeast-1', 'eu-central-1',
  'cn-shanghai-finance-1', 'me-east-1', 'cn-hongkong', 'ap-northeast-1', 'rg-china-mainland'];
const PUNCT = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const ALNUM = LOWER + LOWER.toUpperCase() + '0123456789';
const KEY_PIECES = ['nelson', 'photos/2024/', '中文/对象.txt', 'a b+c.txt', 'emoji-😀', '%41literal', '%2F',
  'dir//double', 'key+123', '~tilde_', 'x=y&z', 'Ünïcödé', 'trailing ', ' leading', 'semi;colon',
  'quote\'"', 'tab\tin', 'コンテンツ', 'e\u0301', 'عربي', 'a?b#c', '[v]@{w}', '100%', '/lead', 'end/',
  '\\back', '^caret`', 'long-' + 'k'.repeat(40), '.', '!(*)\'', 'new\nline'].concat(chars(PUNCT));
const QUERY_NAMES = ['acl', 'uploads', 'versionId', 'partNumber', 'uploadId', 'prefix', 'marker',
  'max-keys', 'delimiter', 'encoding-type', 'continuation-token', 'list-type',
  'response-content-disposition', 'response-content-type', 'x-oss-process', 'x-oss-traffic-limit',
  'tagging', 'comp', 'position', 'ACL', 'Acl', '+param', '|param', 'param', '中文名', 'a b', 'a+b',
  'a/b', 'a=b', 'a&b', '%20', '~', '.', '-', '_', '!', '(x)', '*', '\''];
const VALUE_PIECES = ['v1', 'a b', 'x+y', 'a/b', '=', '&', 'attachment; filename="x y.txt"', '中文', '100',
  'text/plain', '%2F', '%20', '~', '😀', 'CAE', '0004B9894A22E5B1888A1E29F823****',
  'image/resize,w_100', 'a=1&b=2', '?', '#frag', '(*)!\''].concat(chars(PUNCT));
const META_NAMES = ['X-Oss-Meta-Author', 'x-oss-meta-magic', 'X-OSS-META-Colour', 'x-oss-Meta-z',
  'x-oss-storage-class', 'X-Oss-Object-Acl', 'x-oss-server-side-encryption', 'x-oss-meta-a',
  'x-oss-meta-ab', 'x-oss-meta-a-b', 'X-Oss-Tagging', 'x-oss-forbid-overwrite', 'x-oss-head1',
  'X-OSS-CALLBACK-VAR', 'x-oss-meta-zh'];
const META_VALUES = ['alice', 'abracadabra', 'Standard', 'private', 'AES256', 'a=1&b=2', 'mixed Case Value',
  '中文值', 'comma,separated', 'true', 'k1=v1', 'inner  spaces', 'tab\tinside', '', '😀', 'quote"d',
  'semi;colon', 'a:b:c', 'non-ascii-mid\u00a0x', '%2F'];
const CONTENT_TYPES = ['text/html', 'application/octet-stream', 'image/png', 'application/json; charset=utf-8',
  'text/plain', 'multipart/form-data; boundary=x'];
// Headers not signed by default; some of them are asked for as additional headers.
const OTHER_HEADERS = [
  ['Content-Disposition', ['attachment', 'inline; filename="a b.txt"', 'attachment; filename*=UTF-8\'\'%E4%B8%AD']],
  ['Cache-Control', ['no-cache', 'max-age=3600, public']],
  ['Content-Encoding', ['gzip', 'identity']],
  ['Content-Language', ['zh-CN', 'en']],
  ['Content-Length', ['0', '3', '1024']],
  ['Expires', ['Wed, 21 Oct 2015 07:28:00 GMT']],
  ['Range', ['bytes=0-9', 'bytes=100-']],
  ['If-Match', ['"5B3C1A2E053D763E1B002CC607C5A0FE"']],
  ['If-None-Match', ['*']],
  ['If-Modified-Since', ['Fri, 13 Nov 2015 14:47:53 GMT']],
  ['Host', ['bucket.oss-cn-hangzhou.aliyuncs.com', 'oss-cn-hangzhou.aliyuncs.com']],
  ['Origin', ['https://example.com']],
  ['X-Custom-Header', ['custom', '中文', 'a;b']],
  ['ZAbc', ['value']],
  ['abc', ['value']],
];
const DEFAULT_SIGNED_ADDITIONAL = ['Content-Type', 'content-md5', 'x-oss-meta-a', 'X-Oss-Meta-Author'];
const RESERVED_QUERY = new Set(['x-oss-signature-version', 'x-oss-credential', 'x-oss-date', 'x-oss-expires',
  'x-oss-security-token', 'x-oss-additional-headers', 'x-oss-signature']);
// Headers ali-oss's createRequest sets itself (a request's own would replace them).
const AUTO_HEADERS = new Set(['x-oss-date', 'x-oss-content-sha256', 'x-oss-security-token']);
const ASCII_BLANKS = [' ', '  ', '\t', ' \t'];
const UNICODE_BLANKS = ['\u00a0', '\u3000', '\ufeff'];

const isDefaultSigned = lower => lower.startsWith('x-oss-') || lower === 'content-type' || lower === 'content-md5';

function randId() {
  if (random() < 0.2) return 'STS.' + randText(ALNUM, 10, 24);
  return 'LTAI' + randText(ALNUM, 8, 20);
}
const randSecret = () => randText(ALNUM + '+/=_-', 1, 1) + randText(ALNUM + '+/=_-', 0, 69);
const randToken = () => (random() < 0.6 ? null : 'CAIS' + randText(ALNUM + '+/=', 8, 100));
function randRegionProduct() {
  if (random() < 0.2) return ['cb-' + randText(LOWER + '0123456789', 3, 16), 'oss-cloudbox'];
  return [choice(REGIONS), 'oss'];
}
function randTime() {
  const r = random();
  if (r < 0.1) {
    const day = randint(0, 50000);
    return day ? day * 86400 - choice([0, 1]) : 0;
  }
  if (r < 0.13) {
    return choice([0, 1, 951782400, 1709164800, 1709251199, 4107542399, 253402300799, 32503680000]);
  }
  if (r < 0.2) return randint(0, 253402300799);
  return randint(1400000000, 2100000000);
}
function randKey() {
  let key = '';
  for (let i = randint(1, 3); i > 0; i--) key += choice(KEY_PIECES);
  return key;
}
function randBucketKey() {
  const shape = random();
  if (shape < 0.06) return [null, null];
  const bucket = choice(['examplebucket', 'bucket', 'oss-example', 'b-123', 'a1b']);
  if (shape < 0.15) return [bucket, null];
  if (shape < 0.17) return [bucket, ''];
  return [bucket, randKey()];
}
function randQueryName() {
  const r = random();
  if (r < 0.6) return choice(QUERY_NAMES);
  if (r < 0.8) return randText(PUNCT + ALNUM, 1, 6);
  return randText(PUNCT + ALNUM + '中é😀 ', 1, 8);
}
function randQueryValue() {
  const r = random();
  if (r < 0.35) return '';
  if (r < 0.75) return choice(VALUE_PIECES);
  return randText(PUNCT + ALNUM + '中é😀 ', 1, 12);
}
function randQuery(many) {
  const count = many ? randint(20, 30) : choice([0, 0, 1, 1, 2, 3, 4, 6]);
  const names = [];
  while (names.length < count) {
    let name = randQueryName();
    if (many && random() < 0.7) name = 'p' + String(randint(0, 60)).padStart(2, '0') + choice(['', '+', '~', '%']);
    if (!names.includes(name) && !RESERVED_QUERY.has(name.toLowerCase()) && name !== '__proto__') names.push(name);
  }
  return names.map(name => [name, randQueryValue()]);
}
/** Request headers: unique names (case-insensitively); some values with ASCII blanks around. */
function randHeaders(many) {
  const headers = [];
  const seen = new Set();
  const add = (name, value) => {
    if (!seen.has(name.toLowerCase())) {
      seen.add(name.toLowerCase());
      headers.push([name, value]);
    }
  };
  if (many) {
    for (const i of sample([...Array(60).keys()], randint(20, 30))) {
      add(mixedCase('x-oss-meta-h' + String(i).padStart(2, '0')), choice(META_VALUES));
    }
  }
  for (const name of sample(META_NAMES, randint(0, 4))) add(name, choice(META_VALUES));
  if (random() < 0.4) {
    const digest = crypto.createHash('md5').update(String(random())).digest('base64');
    add(choice(['Content-MD5', 'content-md5', 'Content-Md5']), digest);
  }
  if (random() < 0.5) add(choice(['Content-Type', 'content-type', 'CONTENT-TYPE']), choice(CONTENT_TYPES));
  for (const [name, values] of sample(OTHER_HEADERS, randint(0, 4))) {
    add(choice([name, name.toLowerCase(), mixedCase(name)]), choice(values));
  }
  for (const pair of headers) {
    if (pair[1] && random() < 0.1) pair[1] = choice(ASCII_BLANKS) + pair[1];
    if (pair[1] && random() < 0.1) pair[1] += choice(ASCII_BLANKS);
  }
  return shuffle(headers);
}
/** Additional header names the request carries with a value (some signed anyway). */
function randAdditional(headers) {
  const present = headers.filter(([name, value]) => !isDefaultSigned(name.toLowerCase()) && value.trim());
  const names = [];
  if (present.length && random() < 0.6) {
    for (const [name] of sample(present, randint(0, present.length))) {
      names.push(choice([name, name.toLowerCase(), name.toUpperCase(), mixedCase(name)]));
    }
  }
  if (random() < 0.1) names.push(choice(DEFAULT_SIGNED_ADDITIONAL));
  return shuffle(names);
}
function compactDate(time) {
  const d = new Date(time * 1000);
  const two = n => String(n).padStart(2, '0');
  return String(d.getUTCFullYear()).padStart(4, '0') + two(d.getUTCMonth() + 1) + two(d.getUTCDate()) +
    'T' + two(d.getUTCHours()) + two(d.getUTCMinutes()) + two(d.getUTCSeconds()) + 'Z';
}

function randCase() {
  const [region, product] = randRegionProduct();
  const [bucket, key] = randBucketKey();
  const many = random() < 0.05;
  const headers = randHeaders(many);
  const c = {
    access_key_id: randId(),
    access_key_secret: randSecret(),
    region,
    product,
    method: choice(METHODS),
    bucket,
    key,
    headers,
    query: randQuery(many),
    additional_headers: randAdditional(headers),
    time: randTime(),
  };
  const token = randToken();
  if (token !== null) c.security_token = token;
  // Sometimes the request carries the signing date itself (lower-case, as createRequest does).
  if (random() < 0.1) c.headers.push(['x-oss-date', compactDate(c.time)]);
  return c;
}

// ------------------------------------------------------------------------------------------
// The oracle
// ------------------------------------------------------------------------------------------

/**
 * Signs a case with ali-oss. `queryValues` maps a row's "" to null (valueless) unless
 * `explicitEmpty`. Returns {signature, canonical_request, authorization} or {error}.
 */
function aliOssSign(c, { explicitEmpty = false } = {}) {
  const headers = { 'x-oss-date': compactDate(c.time), 'x-oss-content-sha256': 'UNSIGNED-PAYLOAD' };
  if (c.security_token) headers['x-oss-security-token'] = c.security_token;
  for (const [name, value] of c.headers) headers[name] = value;
  const queries = {};
  for (const [name, value] of c.query) queries[name] = value === '' && !explicitEmpty ? null : value;
  const cloudBoxId = c.product === 'oss-cloudbox' ? c.region : undefined;
  captured = null;
  let authorization;
  try {
    authorization = signUtils.authorizationV4(c.access_key_id, c.access_key_secret, c.region, c.method,
      { headers, queries }, c.bucket === null ? undefined : c.bucket, c.key === null ? undefined : c.key,
      c.additional_headers, 'utf-8', cloudBoxId);
  } catch (err) {
    return { error: String(err && err.message) };
  }
  const signature = authorization.split('Signature=')[1];
  // Check: the signature is the one of the captured canonical request.
  const date = compactDate(c.time);
  const again = signUtils.getSignatureV4(c.access_key_secret, date.split('T')[0], c.region,
    signUtils.getStringToSign(c.region, date, captured, c.product), c.product);
  if (again !== signature) throw new Error('captured canonical request does not give the signature ' + JSON.stringify([c, captured, authorization]));
  return { signature, canonical_request: captured, authorization };
}

/** ali-oss's result with the canonical request's query line sorted bytewise, re-signed. */
function resignWithBytewiseQuery(c, result) {
  const lines = result.canonical_request.split('\n');
  const pieces = lines[2] === '' ? [] : lines[2].split('&');
  pieces.sort((a, b) => {
    const [x, y] = [a.split('=')[0], b.split('=')[0]];
    return Buffer.compare(Buffer.from(x), Buffer.from(y)) || Buffer.compare(Buffer.from(a), Buffer.from(b));
  });
  lines[2] = pieces.join('&');
  const canonical = lines.join('\n');
  const date = compactDate(c.time);
  const signature = signUtils.getSignatureV4(c.access_key_secret, date.split('T')[0], c.region,
    signUtils.getStringToSign(c.region, date, canonical, c.product), c.product);
  const authorization = result.authorization.replace(/Signature=[0-9a-f]+$/, `Signature=${signature}`);
  return { signature, canonical_request: canonical, authorization };
}

/** Whether qs's localeCompare order of the raw names differs from the encoded names' byte order. */
function localeOrderDiffers(c) {
  const names = c.query.map(([name]) => name);
  const byLocale = names.slice().sort((a, b) => a.localeCompare(b)).map(name => encodeName(name));
  const byBytes = names.map(name => encodeName(name)).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return byLocale.join('\n') !== byBytes.join('\n');
}
const encodeName = name =>
  encodeURIComponent(name).replace(/[!'()*]/g, ch => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);

function row(c, result) {
  const out = { ...c, signature: result.signature, canonical_request: result.canonical_request,
    authorization: result.authorization };
  if (out.bucket === null) delete out.bucket;
  if (out.key === null) delete out.key;
  return sortKeys(out);
}
function sortKeys(obj) {
  const out = {};
  for (const k of Object.keys(obj).sort()) out[k] = obj[k];
  return out;
}
function caseOnly(c) {
  const out = { ...c };
  if (out.bucket === null) delete out.bucket;
  if (out.key === null) delete out.key;
  return sortKeys(out);
}

// ------------------------------------------------------------------------------------------
// Generation
// ------------------------------------------------------------------------------------------

const rows = [];
const disagreements = [];
const counts = {};
const note = (category, entry) => {
  counts[category] = (counts[category] || 0) + 1;
  if (counts[category] <= PER_CATEGORY) disagreements.push(sortKeys({ category, ...entry }));
};
const REASONS = {
  query_explicit_empty: 'ali-oss (qs.stringify, strictNullHandling) writes `name=` for a parameter whose value is an explicit empty string; oss-sign writes `name` (as for a valueless one, and as the other SDKs do)',
  query_locale_order: 'ali-oss sorts the raw query names with String.prototype.localeCompare; oss-sign sorts the encoded names bytewise, as the V4 rules and the other SDKs do',
  additional_absent: 'ali-oss throws "Can\'t find additional header ..." for an additional header the request lacks; oss-sign (like alibabacloud-oss-v2 and Go v2) drops the name',
  additional_empty: 'ali-oss signs an additional header carried with an empty or blank value (`name:`, and lists it in AdditionalHeaders); oss-sign drops it, as alibabacloud-oss-v2 and Go v2 do',
  header_unicode_blank: 'ali-oss trims header values with JavaScript\'s String.prototype.trim, which also removes non-ASCII blanks (U+00A0, U+3000, U+FEFF); oss-sign trims ASCII blanks only',
};

let attempts = 0;
while (rows.length < ROW_COUNT) {
  attempts++;
  const c = randCase();
  // Natural disagreements of the random case: localeCompare order.
  if (localeOrderDiffers(c)) {
    const result = aliOssSign(c);
    note('query_locale_order', { reason: REASONS.query_locale_order, case: caseOnly(c), ali_oss: result,
      expected: resignWithBytewiseQuery(c, result) });
    continue;
  }
  const result = aliOssSign(c);
  if (result.error) throw new Error(`ali-oss failed on a main case: ${result.error} ${JSON.stringify(c)}`);
  rows.push(row(c, result));

  // Derived cases, each changing one thing the main row's inputs do not cover.
  if (c.query.some(([, value]) => value === '') && random() < 0.3) {
    note('query_explicit_empty', { reason: REASONS.query_explicit_empty, case: caseOnly(c),
      ali_oss: aliOssSign(c, { explicitEmpty: true }), ali_oss_input: 'query values "" passed as explicit empty strings',
      expected: result });
  }
  if (random() < 0.05) {
    const carried = new Set(c.headers.map(([name]) => name.toLowerCase()));
    const absent = OTHER_HEADERS.map(([name]) => name).filter(name => !carried.has(name.toLowerCase()));
    if (absent.length) {
      const d = { ...c, additional_headers: c.additional_headers.concat([choice(absent)]) };
      note('additional_absent', { reason: REASONS.additional_absent, case: caseOnly(d), ali_oss: aliOssSign(d),
        expected: result });
    }
  }
  if (random() < 0.05) {
    const [name] = choice(OTHER_HEADERS);
    if (!c.headers.some(([other]) => other.toLowerCase() === name.toLowerCase())) {
      const d = { ...c, headers: c.headers.concat([[name, choice(['', ' ', '\t'])]]),
        additional_headers: c.additional_headers.concat([name]) };
      note('additional_empty', { reason: REASONS.additional_empty, case: caseOnly(d), ali_oss: aliOssSign(d),
        expected: aliOssSign({ ...d, additional_headers: c.additional_headers }) });
    }
  }
  if (random() < 0.05) {
    const signed = c.headers.filter(([name, value]) => value.trim() && isDefaultSigned(name.toLowerCase()) && !AUTO_HEADERS.has(name.toLowerCase()));
    if (signed.length) {
      const pick = choice(signed)[0];
      const blank = choice(UNICODE_BLANKS);
      const d = { ...c, headers: c.headers.map(([n, v]) => [n, n === pick ? (random() < 0.5 ? blank + v : v + blank) : v]) };
      note('header_unicode_blank', { reason: REASONS.header_unicode_blank, case: caseOnly(d), ali_oss: aliOssSign(d),
        expected: null });
    }
  }
}

fs.writeFileSync(path.join(OUT, 'sign_v4_ali_oss.jsonl'), rows.map(r => JSON.stringify(r)).join('\n') + '\n');
fs.writeFileSync(path.join(OUT, 'sign_v4_ali_oss_disagreements.json'), JSON.stringify({
  ali_oss_version: ALI_OSS_VERSION,
  qs_version: QS_VERSION,
  seed: SEED,
  rows: rows.length,
  candidates: attempts,
  categories: REASONS,
  natural_disagreements: counts,
  note: 'At most ' + PER_CATEGORY + ' entries per category are listed; natural_disagreements counts all. `expected` is ali-oss\'s result for the normalised input (what oss-sign must produce), or null when no ali-oss result reproduces oss-sign.',
  disagreements,
}, null, 1) + '\n');
console.log(`rows ${rows.length} (candidates ${attempts}); disagreements ${JSON.stringify(counts)}`);
