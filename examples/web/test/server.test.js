'use strict';
/* The intake server against bad input: each answer is a 4xx with a JSON error naming the
 * field, and the server keeps serving. Also: the page is served, and a good case gets the
 * CLI's figures. */
const test = require('node:test');
const assert = require('node:assert/strict');
const http = require('http');
const net = require('net');
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { createServer } = require('../server');

const ROOT = process.env.REPARATIONS_SOURCE_ROOT || path.resolve(__dirname, '..', '..', '..');
const BIN = process.env.REPARATIONS_BIN || path.join(ROOT, 'build', 'tools', 'reparations');
const KZ = path.join(ROOT, 'examples', 'cases', 'kz-activist.json');
const KZ_FX = path.join(ROOT, 'examples', 'cases', 'kz-activist.fx');
const kz = () => JSON.parse(fs.readFileSync(KZ, 'utf8'));
const fxLines = fs.readFileSync(KZ_FX, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));

const LIMIT = 16 * 1024;
let server;
let port;

test.before(async () => {
  server = createServer({ limit: LIMIT });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = server.address().port;
});
test.after(() => new Promise((resolve) => server.close(resolve)));

function request(method, p, { body, type = 'application/json', headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const h = { ...headers };
    if (type) h['Content-Type'] = type;
    const req = http.request({ host: '127.0.0.1', port, method, path: p, headers: h }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json = null;
        try { json = JSON.parse(text); } catch { /* not JSON */ }
        resolve({ status: res.statusCode, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const post = (body, opts = {}) => request('POST', '/api/compare', { body: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body), ...opts });

function isError(r, status, field, re) {
  assert.equal(r.status, status, r.text);
  assert.match(r.headers['content-type'], /^application\/json/);
  assert.ok(r.json && r.json.error, r.text);
  assert.equal(r.json.error.field, field, r.text);
  assert.equal(r.json.error.status, status);
  assert.equal(typeof r.json.error.message, 'string');
  if (re) assert.match(r.json.error.message, re);
}

test('the server listens on 127.0.0.1 only by default', () => {
  const src = fs.readFileSync(path.join(__dirname, '..', 'server.js'), 'utf8');
  assert.match(src, /host: '127\.0\.0\.1'/);
  assert.equal(server.address().address, '127.0.0.1');
});

test('as a program: listens on 127.0.0.1 by default, and says so', async () => {
  const { spawn } = require('child_process');
  const child = spawn(process.execPath, [path.join(__dirname, '..', 'server.js'), '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const line = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c) => { out += c; if (out.includes('\n')) resolve(out); });
      child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    const m = /^reparations intake page: http:\/\/127\.0\.0\.1:(\d+)\/$/m.exec(line);
    assert.ok(m, line);
    const r = await new Promise((resolve, reject) => http.get({ host: '127.0.0.1', port: Number(m[1]), path: '/api/schemes' }, (res) => {
      let t = '';
      res.on('data', (c) => { t += c; });
      res.on('end', () => resolve({ status: res.statusCode, json: JSON.parse(t) }));
    }).on('error', reject));
    assert.equal(r.status, 200);
    assert.ok(r.json.schemes.some((x) => x.id === 'kz-cpc'));
  } finally {
    child.kill();
  }
  // a port in use: a message and exit status 1, not a stack trace
  const busy = require('child_process').spawnSync(process.execPath, [path.join(__dirname, '..', 'server.js'), '--port', String(port)], { encoding: 'utf8', timeout: 10000 });
  assert.equal(busy.status, 1);
  assert.match(busy.stderr, /^server\.js: cannot listen on 127\.0\.0\.1:\d+: .*EADDRINUSE/);
  const bad = require('child_process').spawnSync(process.execPath, [path.join(__dirname, '..', 'server.js'), '--port', 'x'], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
});

test('the page and its scripts are served, from here only', async () => {
  const r = await request('GET', '/', { type: null });
  assert.equal(r.status, 200);
  assert.match(r.headers['content-type'], /^text\/html/);
  assert.match(r.text, /<form id="intake"/);
  assert.match(r.headers['content-security-policy'], /default-src 'self'/);
  for (const f of ['/app.js', '/i18n.js', '/style.css']) assert.equal((await request('GET', f, { type: null })).status, 200, f);
  assert.doesNotMatch(r.text, /https?:\/\//, 'the page loads nothing from another host');
});

test('a good case: the comparison equals the CLI, and the headline', async () => {
  const r = await post({ case: kz(), reportCurrency: 'EUR', fx: fxLines });
  assert.equal(r.status, 200, r.text);
  const cli = JSON.parse(execFileSync(BIN, ['compare', KZ, '--all', '--report-currency', 'EUR', '--fx-file', KZ_FX, '--format', 'json'], { encoding: 'utf8' }));
  assert.deepEqual(r.json.rows.map((x) => [x.scheme, x.total, x.report_total]), cli.comparison.map((x) => [x.scheme, x.total, x.report_total]));
  const h = r.json.headline;
  // domestic: the best Kazakh route in force is the Victims Compensation Fund (kz-cpc is barred by the amnesty)
  assert.equal(h.domestic.scheme, 'kz-victims-fund');
  assert.equal(h.reform.scheme, 'kz-reform');
  assert.equal(h.international.scheme, 'intl-un');
  const byId = Object.fromEntries(cli.comparison.map((x) => [x.scheme, x]));
  assert.equal(h.domestic.total, byId['kz-victims-fund'].total);
  assert.equal(h.reform.total, byId['kz-reform'].total);
  assert.equal(h.international.total, byId['intl-un'].total);
  // gap = 65,024,654.84 - 129,750.00 = 64,894,904.84 KZT
  assert.equal(h.international.total, '65024654.84');
  assert.equal(h.domestic.total, '129750.00');
  assert.equal(h.gap.amount, '64894904.84');
});

test('a body over the limit: 413 naming the body', async () => {
  const big = JSON.stringify({ case: { ...kz(), description: 'x'.repeat(LIMIT) } });
  isError(await post(big), 413, 'body', /more than 16384 bytes/);
  // the same without a Content-Length (chunked)
  const r = await new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/compare', headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString(), json: JSON.parse(Buffer.concat(chunks).toString()) }));
    });
    req.on('error', reject);
    for (let i = 0; i < 8; i++) req.write('x'.repeat(4096));
    req.end();
  });
  isError(r, 413, 'body');
});

test('invalid JSON: 400 naming the body', async () => {
  isError(await post('{"case": '), 400, 'body', /not valid JSON/);
  isError(await post('not json at all'), 400, 'body', /not valid JSON/);
  isError(await post(Buffer.from([0xff, 0xfe, 0x00])), 400, 'body');
  isError(await post('[1, 2]'), 400, 'body', /expected a JSON object/);
});

test('the wrong content type: 415 naming content-type', async () => {
  isError(await post(JSON.stringify({ case: kz() }), { type: 'text/plain' }), 415, 'content-type');
  isError(await post(JSON.stringify({ case: kz() }), { type: 'application/x-www-form-urlencoded' }), 415, 'content-type');
  isError(await post(JSON.stringify({ case: kz() }), { type: null }), 415, 'content-type');
  assert.equal((await post(JSON.stringify({ case: kz(), fx: fxLines }), { type: 'application/json; charset=utf-8' })).status, 200);
});

test('an unknown scheme: 400 naming schemes[i]', async () => {
  isError(await post({ case: kz(), schemes: ['kz-cpc', 'no-such-scheme'] }), 400, 'schemes[1]', /unknown scheme "no-such-scheme"/);
  isError(await post({ case: kz(), schemes: 'kz-cpc' }), 400, 'schemes');
  isError(await post({ case: kz(), schemes: [] }), 400, 'schemes');
});

test('an invalid case: 422 naming the field inside the case', async () => {
  const c = kz();
  c.detentions[1].end = '2022-02-30';
  isError(await post({ case: c }), 422, 'case.detentions[1].end', /2022-02-30 is not a valid date/);
  const d = kz();
  d.harms[0].monthly = '-5';
  const r = await post({ case: d });
  isError(r, 422, 'case.harms[0].monthly', /must not be negative/);
  assert.equal(r.json.error.path, 'harms[0].monthly');
  const n = kz();
  n.harms[2].amount = 6500000; // a JSON number as an amount
  isError(await post({ case: n }), 422, 'case.harms[2].amount', /JS number/);
  isError(await post({ case: { ...kz(), colour: 'red' } }), 422, 'case.colour', /unknown key/);
  isError(await post({}), 422, 'case');
  isError(await post({ case: 'text' }), 422, 'case');
  isError(await post({ case: kz(), asOf: '2026-02-30' }), 422, 'asOf');
});

test('hostile JSON: deep nesting and __proto__ are 4xx naming the field', async () => {
  const deep = `{"case": {"id": "x", "currency": "KZT", "description": ${'['.repeat(5000)}${']'.repeat(5000)}}}`;
  const r = await post(deep);
  assert.equal(r.status, 422, r.text);
  assert.match(r.json.error.field, /^case\.description\[0\]/);
  isError(await post('{"case": {"id": "x", "currency": "KZT", "__proto__": {"a": 1}}}'), 422, 'case.__proto__', /unknown key/);
  isError(await post('{"__proto__": {"a": 1}, "case": {"id": "x", "currency": "KZT"}}'), 400, '__proto__');
});

test('lang=ru and lang=kk: the library texts in that language, the same schemes and amounts', async () => {
  const en = await post({ case: kz(), reportCurrency: 'EUR', fx: fxLines });
  for (const [lang, word] of [['ru', /амнист/], ['kk', /рақымшылық/]]) {
    const r = await post({ case: kz(), reportCurrency: 'EUR', fx: fxLines, lang });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.json.rows.map((x) => [x.scheme, x.status, x.eligible, x.total, x.report_total]),
      en.json.rows.map((x) => [x.scheme, x.status, x.eligible, x.total, x.report_total]));
    const cpc = r.json.rows.find((x) => x.scheme === 'kz-cpc');
    assert.match(cpc.reason, word, lang);
    assert.notEqual(cpc.reason, en.json.rows.find((x) => x.scheme === 'kz-cpc').reason);
    assert.deepEqual(r.json.headline.gap, en.json.headline.gap);
  }
});

test('other members: unknown ones, bad report currency, bad rates, bad language', async () => {
  isError(await post({ case: kz(), extra: 1 }), 400, 'extra', /unknown member/);
  isError(await post({ case: kz(), reportCurrency: 'EURO' }), 400, 'reportCurrency');
  isError(await post({ case: kz(), reportCurrency: 5 }), 400, 'reportCurrency');
  isError(await post({ case: kz(), fx: ['EUR/KZT 600'] }), 400, 'fx');
  isError(await post({ case: kz(), fx: [5] }), 400, 'fx');
  isError(await post({ case: kz(), fx: ['EUR/KZT=-3'] }), 400, 'fx');
  isError(await post({ case: kz(), lang: 'xx' }), 400, 'lang');
  isError(await post({ case: kz(), lang: 'de' }), 400, 'lang', /en, ru, kk/);
});

test('wrong method, unknown page, malformed HTTP', async () => {
  isError(await request('GET', '/api/compare', { type: null }), 405, 'method');
  isError(await request('GET', '/nope', { type: null }), 404, 'url');
  isError(await request('GET', '/../server.js', { type: null }), 404, 'url');
  const raw = await new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => s.write('THIS IS NOT HTTP\r\n\r\n'));
    let out = '';
    s.on('data', (c) => { out += c; });
    s.on('close', () => resolve(out));
    s.on('error', () => resolve(out));
  });
  assert.match(raw, /^HTTP\/1\.1 400/);
});

test('validate: ok, or the field', async () => {
  const ok = await request('POST', '/api/validate', { body: JSON.stringify({ case: kz() }) });
  assert.equal(ok.status, 200);
  assert.deepEqual(ok.json, { ok: true, case: { id: 'kz-activist-2022', currency: 'KZT', detentions: 3, harms: 7 } });
  const c = kz();
  c.proceedings.outcome = 'forgiven';
  isError(await request('POST', '/api/validate', { body: JSON.stringify({ case: c }) }), 422, 'case.proceedings.outcome');
});

test('after all that, the server still answers, and 50 requests at once too', async () => {
  const rs = await Promise.all(Array.from({ length: 50 }, () => post({ case: kz(), fx: fxLines, reportCurrency: 'EUR' })));
  assert.ok(rs.every((r) => r.status === 200));
  assert.equal(new Set(rs.map((r) => r.text)).size, 1);
  assert.equal((await request('GET', '/', { type: null })).status, 200);
});

test('POST /api/statement: the printable statement of the same request, as an HTML attachment', async () => {
  const body = { case: kz(), reportCurrency: 'EUR', fx: fxLines, lang: 'ru' };
  const r = await request('POST', '/api/statement', { body: JSON.stringify(body) });
  assert.equal(r.status, 200, r.text.slice(0, 300));
  assert.match(r.headers['content-type'], /^text\/html; charset=utf-8/);
  assert.equal(r.headers['content-disposition'], 'attachment; filename="statement-kz-activist-2022.html"');
  assert.match(r.headers['content-security-policy'], /default-src 'none'/);
  assert.ok(r.text.startsWith('<!DOCTYPE html>'));
  assert.match(r.text, /<html lang="ru">/);
  assert.match(r.text, /Расчёт возмещения/);
  // every scheme's total, as the CLI computes it, printed the Russian way (46 346 352,04)
  const cli = JSON.parse(execFileSync(BIN, ['compare', KZ, '--all', '--report-currency', 'EUR', '--fx-file', KZ_FX,
    '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
  let seen = 0;
  for (const row of cli.comparison) {
    if (!row.total) continue;
    const [int, frac] = row.total.split('.');
    const re = new RegExp(int.replace(/\B(?=(\d{3})+(?!\d))/g, '|').split('|').join('[\\s\\u00a0\\u202f]') +
      (frac === undefined ? '(?![\\d,])' : ',' + frac));
    assert.match(r.text, re, `${row.scheme} ${row.total}`);
    seen++;
  }
  assert.ok(seen >= 3);
});

test('POST /api/statement: the same bad-input handling as /api/compare', async () => {
  const st = (body, opts = {}) => request('POST', '/api/statement', { body: typeof body === 'string' ? body : JSON.stringify(body), ...opts });
  isError(await st('{not json'), 400, 'body');
  isError(await st('[1]'), 400, 'body');
  isError(await st(JSON.stringify({ case: kz() }), { type: 'text/plain' }), 415, 'content-type');
  isError(await st(JSON.stringify({ case: kz(), pad: 'x'.repeat(LIMIT) })), 413, 'body');
  isError(await st({ case: kz(), schemes: ['kz-cpc', 'no-such'] }), 400, 'schemes[1]');
  const bad = kz();
  bad.detentions[0].start = '2022-02-30';
  const r = await st({ case: bad });
  isError(r, 422, 'case.detentions[0].start', /2022-02-30/);
  isError(await st({ case: kz(), lang: 'fr' }), 400, 'lang');
  isError(await st({ case: kz(), extra: 1 }), 400, 'extra');
  isError(await request('GET', '/api/statement'), 405, 'method');
  // still serving
  assert.equal((await st({ case: kz() })).status, 200);
});
