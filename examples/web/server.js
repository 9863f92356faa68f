#!/usr/bin/env node
'use strict';
/* A small intake page for legal-aid workers: one HTML form (periods, outcome, harms), posted to
 * this server, which calls the reparations library and answers with the comparison of every
 * scheme and the gap headline (what domestic law pays, what the reform would pay, what
 * international standards call for). Nothing leaves this machine: the server listens on
 * 127.0.0.1 unless told otherwise, and the page loads nothing from elsewhere.
 *
 *   node examples/web/server.js [--port 8080] [--host 127.0.0.1] [--limit 65536]
 *
 * API (JSON in, JSON out; errors are {"error": {"status", "code", "field", "path", "message"}},
 * `field` naming the member of the request body, `path` the JSON path inside the case):
 *   GET  /api/schemes    the schemes, with id, name, jurisdiction, status, currency
 *   POST /api/validate   {"case": {...}}                      -> {"ok": true, "case": {id, ...}}
 *   POST /api/compare    {"case": {...}, "schemes": [...], "reportCurrency": "EUR", "fx": [...]}
 *                        -> {"case", "as_of", "report_currency", "rows": [...], "headline": {...}}
 *   POST /api/statement  the body of /api/compare -> the printable statement of that comparison:
 *                        the library's self-contained HTML page (text/html, as an attachment)
 */
const http = require('http');
const fs = require('fs');
const path = require('path');

function loadBinding() {
  try {
    return require('reparations'); // installed with npm install ./bindings/node
  } catch (e) {
    if (e.code !== 'MODULE_NOT_FOUND' || !/'reparations'/.test(e.message)) throw e;
    return require('../../bindings/node'); // this checkout's binding
  }
}
const rep = loadBinding();

const PUBLIC = path.join(__dirname, 'public');
const STATIC = {
  '/': ['index.html', 'text/html; charset=utf-8'],
  '/index.html': ['index.html', 'text/html; charset=utf-8'],
  '/app.js': ['app.js', 'text/javascript; charset=utf-8'],
  '/i18n.js': ['i18n.js', 'text/javascript; charset=utf-8'],
  '/style.css': ['style.css', 'text/css; charset=utf-8'],
};
const DEFAULT_LIMIT = 64 * 1024;
const BODY_KEYS = new Set(['case', 'schemes', 'reportCurrency', 'fx', 'asOf', 'lang', 'options']);

class HttpError extends Error {
  constructor(status, code, field, message, p = '') {
    super(message);
    Object.assign(this, { status, code, field, path: p });
  }
}

function send(res, status, body, headers = {}) {
  const text = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': typeof body === 'object' && !Buffer.isBuffer(body) ? 'application/json; charset=utf-8' : headers['Content-Type'],
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    // the page and its scripts come from here only; no request leaves for another host
    'Content-Security-Policy': "default-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
    ...headers,
  });
  res.end(text);
}

function sendError(res, e, extraHeaders) {
  send(res, e.status, { error: { status: e.status, code: e.code, field: e.field, path: e.path || '', message: e.message } }, extraHeaders);
}

/* The request body, at most `limit` bytes, as JSON. A larger body is answered with 413 and the
 * rest of it drained (up to 64 times the limit) or the connection closed. */
function readJSON(req, limit) {
  return new Promise((resolve, reject) => {
    const type = String(req.headers['content-type'] || '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') {
      reject(new HttpError(415, 'unsupported_media_type', 'content-type',
        `content-type: expected application/json, got ${JSON.stringify(req.headers['content-type'] || '')}`));
      req.resume();
      return;
    }
    const declared = Number(req.headers['content-length']);
    const tooLarge = () => new HttpError(413, 'too_large', 'body', `body: more than ${limit} bytes (the limit of this server)`);
    let size = 0;
    let failed = false;
    const chunks = [];
    if (declared > limit) {
      failed = true;
      reject(tooLarge());
    }
    req.on('data', (c) => {
      size += c.length;
      if (failed) {
        if (size > limit * 64) req.destroy();
        return;
      }
      if (size > limit) {
        failed = true;
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(c);
    });
    req.on('error', (e) => { if (!failed) { failed = true; reject(new HttpError(400, 'bad_request', 'body', `body: ${e.message}`)); } });
    req.on('end', () => {
      if (failed) return;
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(JSON.parse(text));
      } catch (e) {
        reject(new HttpError(400, 'invalid_json', 'body', `body: not valid JSON (${e.message})`));
      }
    });
  });
}

function checkBody(body) {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new HttpError(400, 'invalid', 'body', 'body: expected a JSON object {"case": {...}, ...}');
  }
  for (const k of Object.keys(body)) {
    if (!BODY_KEYS.has(k)) throw new HttpError(400, 'invalid', k, `${k}: unknown member (expected one of ${[...BODY_KEYS].join(', ')})`);
  }
  if (body.case === undefined) throw new HttpError(422, 'invalid', 'case', 'case: missing');
  if (body.case === null || typeof body.case !== 'object' || Array.isArray(body.case)) {
    throw new HttpError(422, 'invalid', 'case', 'case: expected an object');
  }
  if (body.schemes !== undefined && body.schemes !== null &&
      (!Array.isArray(body.schemes) || !body.schemes.every((s) => typeof s === 'string') || !body.schemes.length)) {
    throw new HttpError(400, 'invalid', 'schemes', 'schemes: expected a non-empty array of scheme ids');
  }
  for (const k of ['reportCurrency', 'asOf', 'lang']) {
    if (body[k] !== undefined && body[k] !== null && typeof body[k] !== 'string') {
      throw new HttpError(400, 'invalid', k, `${k}: expected a string`);
    }
  }
  if (body.fx !== undefined && body.fx !== null &&
      !(Array.isArray(body.fx) && body.fx.every((s) => typeof s === 'string')) &&
      !(typeof body.fx === 'object' && !Array.isArray(body.fx) && Object.values(body.fx).every((v) => typeof v === 'string'))) {
    throw new HttpError(400, 'invalid', 'fx', 'fx: expected "FROM/TO=RATE" lines or {"FROM/TO": "RATE"}');
  }
}

/* A library error (or a TypeError of the binding) as an HTTP error naming the field. */
function fromLibrary(e) {
  if (e instanceof rep.ReparationsError) {
    const inCase = e.stage === 'case' || (e.stage === 'estimate' && e.path) || (e.stage === 'compare' && e.path && !/^(schemes|reportCurrency)/.test(e.path));
    if (inCase) return new HttpError(422, e.code, e.path ? `case.${e.path}` : 'case', e.message, e.path);
    if (e.stage === 'asOf') return new HttpError(422, e.code, 'asOf', e.message);
    if (e.stage === 'scheme') return new HttpError(400, e.code, e.path || 'schemes', e.message);
    if (e.stage === 'option') return new HttpError(400, e.code, 'options', e.message);
    if (e.stage === 'fx') return new HttpError(400, e.code, 'fx', e.message);
    if (e.stage === 'report_currency' || e.path === 'reportCurrency') return new HttpError(400, e.code, 'reportCurrency', e.message);
    if (e.stage === 'lang') return new HttpError(400, e.code, 'lang', e.message);
    return new HttpError(422, e.code, e.path ? `case.${e.path}` : 'case', e.message, e.path);
  }
  if (e instanceof TypeError) {
    // "harms[0].amount: got the JS number 5; ..." names the case field first
    const m = /^([A-Za-z_][\w.[\]"-]*): /.exec(e.message);
    const p = m ? m[1] : '';
    if (/^(options|fx)\b/.test(p)) return new HttpError(400, 'type', p.split(/[[.]/)[0], e.message);
    return new HttpError(422, 'type', p ? `case.${p}` : 'case', e.message, p);
  }
  return null;
}

// ---- exact decimal arithmetic on the library's strings, for the headline ----

function scaled(s, scale) {
  const neg = s.startsWith('-');
  const [i, f = ''] = s.replace(/^[-+]/, '').split('.');
  const v = BigInt(i + f.padEnd(scale, '0').slice(0, scale));
  return neg ? -v : v;
}

function unscaled(v, scale) {
  const neg = v < 0n;
  const digits = (neg ? -v : v).toString().padStart(scale + 1, '0');
  const s = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return neg ? `-${s}` : s;
}

function scaleOf(...xs) {
  return Math.max(0, ...xs.map((s) => (s.split('.')[1] || '').length));
}

function cmp(a, b) {
  const k = scaleOf(a, b);
  const d = scaled(a, k) - scaled(b, k);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

function sub(a, b) {
  const k = scaleOf(a, b);
  return unscaled(scaled(a, k) - scaled(b, k), k);
}

/* Schemes by their role in the headline, for a case in this currency. */
const COUNTRY = { KZT: 'kz-', UZS: 'uz-' };

/* Domestic: the best-paying route of the case's country in force as law (its id named);
 * reform: that country's reform scenario; international: the UN standard (intl-un). Each in
 * the case's currency, and in the reporting currency when one was asked. */
function headline(cmpDoc) {
  const prefix = COUNTRY[(cmpDoc.estimates[0] || {}).currency] || null;
  const rows = cmpDoc.comparison.filter((r) => r.ok);
  const pick = (r) => r && {
    scheme: r.scheme, name: r.name, currency: r.currency, total: r.total, eligible: r.eligible,
    total_if_eligible: r.total_if_eligible, report_total: r.report_total === undefined ? null : r.report_total,
    reason: r.reason || null,
  };
  let domestic = null;
  if (prefix) {
    for (const r of rows.filter((x) => x.scheme.startsWith(prefix) && x.status === 'law')) {
      if (!domestic || cmp(r.total, domestic.total) > 0) domestic = r;
    }
  }
  const reform = prefix ? rows.find((x) => x.scheme.startsWith(prefix) && x.status === 'scenario') : null;
  const intl = cmpDoc.comparison.find((x) => x.scheme === 'intl-un');
  const out = { domestic: pick(domestic), reform: pick(reform), international: intl && intl.ok ? pick(intl) : null };
  if (intl && !intl.ok) out.international_error = intl.error;
  if (out.domestic && out.international && out.domestic.currency === out.international.currency) {
    out.gap = { currency: out.domestic.currency, amount: sub(out.international.total, out.domestic.total) };
    if (out.domestic.report_total != null && out.international.report_total != null) {
      out.gap.report_amount = sub(out.international.report_total, out.domestic.report_total);
    }
  }
  return out;
}

function rowView(r) {
  const keep = ['scheme', 'name', 'jurisdiction', 'status', 'currency', 'ok', 'error', 'eligible', 'reason', 'total',
    'total_if_eligible', 'days', 'per_day', 'report_total', 'report_per_day', 'fx_rate', 'fx_source'];
  const out = {};
  for (const k of keep) if (r[k] !== undefined) out[k] = r[k];
  return out;
}

async function apiCompare(body) {
  checkBody(body);
  const opts = { reportCurrency: body.reportCurrency || undefined, fx: body.fx || undefined,
    asOf: body.asOf || undefined, lang: body.lang || undefined, options: body.options || undefined };
  const doc = await rep.compare(body.case, body.schemes || null, opts);
  const jurisdiction = Object.fromEntries(rep.schemes().map((s) => [s.id, s.jurisdiction]));
  const rows = doc.comparison.map((r) => ({ ...rowView(r), jurisdiction: jurisdiction[r.scheme] }));
  return { case: doc.case, as_of: doc.as_of, report_currency: doc.report_currency || null, rows, headline: headline(doc) };
}

/* The printable statement: the library's HTML page for the same request as /api/compare. */
async function apiStatement(body) {
  checkBody(body);
  const opts = { reportCurrency: body.reportCurrency || undefined, fx: body.fx || undefined,
    asOf: body.asOf || undefined, lang: body.lang || undefined, options: body.options || undefined };
  const html = await rep.statement(body.case, body.schemes || null, opts);
  const id = typeof body.case.id === 'string' ? body.case.id.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80) : '';
  return { html, filename: `statement${id ? `-${id}` : ''}.html` };
}

/* The statement's own policy: its styles are inline, it loads nothing, runs no script. */
const STATEMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";

async function apiValidate(body) {
  checkBody(body);
  const info = await rep.validateAsync(body.case, { asOf: body.asOf || undefined });
  return { ok: true, case: info };
}

function createServer({ limit = DEFAULT_LIMIT, log = () => {} } = {}) {
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      if (req.method === 'GET' && STATIC[url.pathname]) {
        const [file, type] = STATIC[url.pathname];
        send(res, 200, fs.readFileSync(path.join(PUBLIC, file)), { 'Content-Type': type });
        return;
      }
      if (req.method === 'GET' && url.pathname === '/api/schemes') {
        send(res, 200, { schemes: rep.schemes().map(({ id, name, jurisdiction, status, currency }) => ({ id, name, jurisdiction, status, currency })) });
        return;
      }
      const api = { '/api/compare': apiCompare, '/api/validate': apiValidate, '/api/statement': apiStatement }[url.pathname];
      if (!api) {
        req.resume();
        throw new HttpError(404, 'not_found', 'url', `${url.pathname}: no such page or API`);
      }
      if (req.method !== 'POST') {
        req.resume();
        throw new HttpError(405, 'method_not_allowed', 'method', `${req.method} ${url.pathname}: use POST`);
      }
      const body = await readJSON(req, limit);
      const out = await api(body);
      if (api === apiStatement) {
        send(res, 200, out.html, { 'Content-Type': 'text/html; charset=utf-8',
          'Content-Disposition': `attachment; filename="${out.filename}"`, 'Content-Security-Policy': STATEMENT_CSP });
      } else {
        send(res, 200, out);
      }
    } catch (e) {
      const h = e instanceof HttpError ? e : fromLibrary(e);
      if (h) {
        sendError(res, h, h.status === 413 ? { Connection: 'close' } : {});
      } else {
        log(`internal error: ${e && e.stack}`);
        sendError(res, new HttpError(500, 'internal', '', 'internal error (see the server log)'));
      }
    }
  });
  server.on('clientError', (err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  return server;
}

function parseArgs(argv) {
  const o = { host: '127.0.0.1', port: 8080, limit: DEFAULT_LIMIT };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => {
      if (i + 1 >= argv.length) throw new Error(`${a}: missing value`);
      return argv[++i];
    };
    if (a === '--host') o.host = v();
    else if (a === '--port') o.port = Number(v());
    else if (a === '--limit') o.limit = Number(v());
    else if (a === '--help' || a === '-h') o.help = true;
    else throw new Error(`${a}: unknown argument (try --help)`);
  }
  if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) throw new Error('--port: expected 0..65535');
  if (!Number.isInteger(o.limit) || o.limit < 1024) throw new Error('--limit: expected a number of bytes, at least 1024');
  return o;
}

if (require.main === module) {
  let o;
  try {
    o = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`server.js: ${e.message}`);
    process.exit(2);
  }
  if (o.help) {
    console.log('usage: node server.js [--port 8080] [--host 127.0.0.1] [--limit BYTES]\n' +
      'Serves the intake page on http://HOST:PORT/. Listens on 127.0.0.1 only unless --host says otherwise.');
    process.exit(0);
  }
  const server = createServer({ limit: o.limit, log: (m) => console.error(m) });
  server.on('error', (e) => {
    console.error(`server.js: cannot listen on ${o.host}:${o.port}: ${e.message}`);
    process.exit(1);
  });
  server.listen(o.port, o.host, () => {
    const { address, port } = server.address();
    console.log(`reparations intake page: http://${address.includes(':') ? `[${address}]` : address}:${port}/`);
  });
}

module.exports = { createServer, headline, DEFAULT_LIMIT };
