'use strict';
/* reparations: itemized, cited compensation estimates for unlawful detention (Node.js).
 *
 *   const rep = require('reparations');
 *   const est = await rep.estimate('examples/cases/acquitted-kz.json', 'kz-cpc');
 *   est.total            // '1234567.89': amounts are decimal strings, never JS numbers
 *
 * A case is a plain object in the JSON vocabulary of docs/case-format.md, JSON text, a Buffer
 * or the path of a JSON file. Results are the library's own JSON objects (the CLI's
 * `--format json`), amounts as exact decimal strings. A JS number given as an amount (or an
 * option value, or an exchange rate) is a TypeError unless {allowNumber: true}.
 * Failed library calls throw (or reject with) ReparationsError carrying .code and .path.
 * estimate() and compare() run on libuv's thread pool and return Promises; estimateSync()
 * and compareSync() run on the calling thread; batchStream() is an async iterable of batch rows
 * in bounded memory. See docs/node.md. */
const fs = require('fs');
const path = require('path');

// --------------------------------------------------------------------------------------------
// The addon
// --------------------------------------------------------------------------------------------

const ADDON_NAME = 'reparations.node';

/* Where the compiled addon may be, in order: REPARATIONS_NODE_ADDON (a file); in a source
 * checkout, the meson build directory `build/` (`npm install ./bindings/node` with npm 10 and
 * later links the package, so this file's real path is in the checkout; the build's addon is
 * preferred to a copy left in the package, which may be stale); and this package's own
 * directory (a packed tarball, npm 9's copy of the folder, or the build directory's copy of
 * the package). */
function addonCandidates() {
  if (process.env.REPARATIONS_NODE_ADDON) return [path.resolve(process.env.REPARATIONS_NODE_ADDON)];
  const out = [];
  const root = path.join(__dirname, '..', '..');
  if (fs.existsSync(path.join(root, 'meson.build')) && fs.existsSync(path.join(root, 'include', 'reparations.h'))) {
    out.push(path.join(root, 'build', 'bindings', 'node', ADDON_NAME));
  }
  out.push(path.join(__dirname, ADDON_NAME));
  return out;
}

function loadAddon() {
  const tried = addonCandidates();
  for (const file of tried) {
    if (!fs.existsSync(file)) continue;
    try {
      return require(file);
    } catch (e) {
      e.message = `reparations: cannot load the addon ${file}: ${e.message}`;
      throw e;
    }
  }
  const err = new Error(
    `reparations: the native addon ${ADDON_NAME} was not found (looked at ${tried.join(', ')}). ` +
    'Build it in the source checkout with `meson setup build && ninja -C build` (it needs ' +
    "node_api.h: Debian's libnode-dev), or set REPARATIONS_NODE_ADDON to the file's path.");
  err.code = 'MODULE_NOT_FOUND';
  throw err;
}

const native = loadAddon();
const [LIBRARY_VERSION] = native.version();

// --------------------------------------------------------------------------------------------
// Errors
// --------------------------------------------------------------------------------------------

/** A library call failed. .code is the library's stable status name ("invalid", "syntax",
 * "range", "not_found", "no_data", "io", "precision", "limit", "no_memory"), .status its
 * number, .path the JSON path of the offending field ("detentions[1].end") or "", .stage the
 * step that failed ("case", "asOf", "option", "scheme", "fx", ...). */
class ReparationsError extends Error {
  constructor(message, { code = '', status = 0, path: p = '', stage = '' } = {}) {
    super(message);
    this.name = 'ReparationsError';
    this.code = code;
    this.status = status;
    this.path = p;
    this.stage = stage;
  }
}

/* Stage names of the C layer, spelled as the JS arguments are. */
const STAGES = { as_of: 'asOf', report_currency: 'reportCurrency', scheme_def: 'schemeFiles', series: 'seriesFiles' };

function fromNative(e) {
  const r = e && e.rep;
  if (!r) return e;
  let { message, path: p, stage } = r;
  if (stage === 'as_of' && !p) {
    p = 'asOf';
    message = `asOf: ${message}`;
  } else if (p === '--report-currency') { // the library names the CLI flag
    p = 'reportCurrency';
    message = 'reportCurrency' + message.slice('--report-currency'.length);
    stage = 'report_currency';
  }
  return new ReparationsError(message, { code: r.code, status: r.status, path: p, stage: STAGES[stage] || stage });
}

function callSync(fn, ...args) {
  try {
    return fn(...args);
  } catch (e) {
    throw fromNative(e);
  }
}

function callAsync(fn, ...args) {
  let promise;
  try {
    promise = fn(...args, true);
  } catch (e) {
    return Promise.reject(fromNative(e));
  }
  return promise.catch((e) => { throw fromNative(e); });
}

// --------------------------------------------------------------------------------------------
// Input: cases, amounts, options, exchange rates
// --------------------------------------------------------------------------------------------

/* Case fields that hold amounts or rates (docs/case-format.md). A JS number there is refused
 * even when it is an integer: amounts are decimal strings. Elsewhere (torture.cc146_part, a
 * future count) an integer number is fine; a fraction is refused anywhere. */
const AMOUNT_KEYS = new Set(['amount', 'monthly', 'annual', 'years', 'growth', 'discount_rate']);

function numberHelp(where, n) {
  const text = Number.isFinite(n) ? String(n) : 'NaN';
  return `${where}: got the JS number ${text}; a JS number is a binary float, which cannot hold most ` +
    `decimal amounts exactly (0.1 is stored as 0.1000000000000000055511151231257827...), so reparations ` +
    `takes amounts as decimal strings: pass '${text}', a BigInt, or a decimal.js/big.js value, or call ` +
    `with {allowNumber: true} to convert numbers through String(), the shortest text that reads back as ` +
    `the same number`;
}

function numberText(n, where, allowNumber) {
  if (!allowNumber) throw new TypeError(numberHelp(where, n));
  if (!Number.isFinite(n)) throw new TypeError(`${where}: ${n} is not an amount`);
  return String(n);
}

/* A decimal.js, big.js or bignumber.js value (or anything like them): its toString() is exact. */
function isDecimalLike(v) {
  return v !== null && typeof v === 'object' && typeof v.toFixed === 'function' &&
    typeof v.toString === 'function' && Object.getPrototypeOf(v) !== Object.prototype;
}

function isPlainObject(v) {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/* Deeper than the library reads (32 levels): refused here, before recursion could overflow the stack. */
const MAX_DEPTH = 64;

function jsonable(v, where, key, allowNumber, depth = 0) {
  if (depth > MAX_DEPTH && v !== null && typeof v === 'object') {
    throw new ReparationsError(`${where}: nested deeper than ${MAX_DEPTH} levels`, { code: 'limit', status: 9, path: where, stage: 'case' });
  }
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') {
    if (AMOUNT_KEYS.has(key) || !Number.isSafeInteger(v)) {
      if (!allowNumber) throw new TypeError(numberHelp(where || 'case', v));
      if (!Number.isFinite(v)) throw new TypeError(`${where}: ${v} is not an amount`);
      return AMOUNT_KEYS.has(key) ? String(v) : v;
    }
    return v;
  }
  if (v instanceof Date) {
    throw new TypeError(`${where}: got a Date; dates are calendar days: pass 'YYYY-MM-DD' ` +
      '(a Date is an instant, and its calendar day depends on the time zone)');
  }
  if (Array.isArray(v)) return v.map((x, i) => jsonable(x, `${where}[${i}]`, key, allowNumber, depth + 1));
  if (isDecimalLike(v)) return v.toString();
  if (isPlainObject(v)) {
    const out = {};
    for (const k of Object.keys(v)) {
      if (v[k] === undefined) continue;
      // defineProperty: a "__proto__" key stays a key (the library then names it), not a prototype
      Object.defineProperty(out, k, { value: jsonable(v[k], where ? `${where}.${k}` : k, k, allowNumber, depth + 1),
        enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  const what = v === undefined ? 'undefined' : (v.constructor && v.constructor.name) || typeof v;
  throw new TypeError(`${where || 'case'}: a ${what} cannot go into a case ` +
    '(use plain objects, arrays, strings, booleans, null, BigInt or decimal strings)');
}

function readFile(file, what) {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    if (e.code === 'ENOENT') {
      e.message = `${what}: no such file ${JSON.stringify(String(file))}` +
        (what === 'case' ? ' (and the text is not a JSON object)' : '');
    }
    throw e;
  }
}

/* JSON text (or a Buffer of it) for the C layer from an object, JSON text, a Buffer or a path. */
function caseJSON(c, allowNumber) {
  if (Buffer.isBuffer(c)) return c;
  if (c instanceof Uint8Array) return Buffer.from(c.buffer, c.byteOffset, c.byteLength);
  if (typeof c === 'string') return c.trimStart().startsWith('{') ? c : readFile(c, 'case');
  if (c instanceof URL) return readFile(c, 'case');
  if (isPlainObject(c)) return JSON.stringify(jsonable(c, '', '', allowNumber));
  throw new TypeError(`case must be a plain object, JSON text, a Buffer or a path, not ${describe(c)}`);
}

function describe(v) {
  if (v === null) return 'null';
  if (typeof v !== 'object') return typeof v;
  return (v.constructor && v.constructor.name) || 'object';
}

function scalar(v, where, allowNumber) {
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return numberText(v, where, allowNumber);
  if (isDecimalLike(v)) return v.toString();
  throw new TypeError(`${where}: expected a decimal string or a name, not ${describe(v)}`);
}

/* ["SCHEME.NAME=VALUE", ...] from {"S.N": V}, {"S": {"N": V}}, an array of assignments or one. */
function optionList(options, allowNumber) {
  if (options === undefined || options === null) return [];
  if (typeof options === 'string') return [options];
  if (Array.isArray(options)) {
    return options.map((a, i) => {
      if (typeof a !== 'string') throw new TypeError(`options[${i}]: expected a "SCHEME.NAME=VALUE" string, not ${describe(a)}`);
      return a;
    });
  }
  if (!isPlainObject(options)) throw new TypeError(`options: expected an object or an array, not ${describe(options)}`);
  const out = [];
  for (const [k, v] of Object.entries(options)) {
    if (isPlainObject(v)) {
      for (const [name, x] of Object.entries(v)) out.push(`${k}.${name}=${scalar(x, `options["${k}"]["${name}"]`, allowNumber)}`);
    } else {
      out.push(`${k}=${scalar(v, `options["${k}"]`, allowNumber)}`);
    }
  }
  return out;
}

function fxLine(line, source) {
  const s = line.trim();
  if (!s || s.startsWith('#')) return null;
  const eq = s.indexOf('=');
  if (eq < 0) {
    throw new ReparationsError(`fx: ${JSON.stringify(s)}: expected FROM/TO=RATE[,YYYY-MM-DD]`,
      { code: 'syntax', status: 2, path: 'fx', stage: 'fx' });
  }
  const [rate, date] = s.slice(eq + 1).split(',');
  return [s.slice(0, eq).trim(), rate.trim(), date && date.trim() ? date.trim() : null, source];
}

/* [[pair, rate, from|null, source|null], ...] from the forms `fx` accepts. */
function fxList(fx, allowNumber) {
  if (fx === undefined || fx === null) return [];
  const out = [];
  let lines;
  let source = null;
  if (typeof fx === 'string' && !fx.includes('=')) {
    lines = readFile(fx, 'fx').toString('utf8').split(/\r?\n/);
    source = fx;
  } else if (typeof fx === 'string') {
    lines = [fx];
  } else if (Array.isArray(fx)) {
    lines = fx;
  } else if (isPlainObject(fx)) {
    for (const [pair, v] of Object.entries(fx)) {
      if (Array.isArray(v)) { // [rate, fromDate]
        out.push([pair, scalar(v[0], `fx["${pair}"][0]`, allowNumber), v[1] == null ? null : String(v[1]), null]);
      } else {
        out.push([pair, scalar(v, `fx["${pair}"]`, allowNumber), null, null]);
      }
    }
    return out;
  } else {
    throw new TypeError(`fx: expected an object, an array of "FROM/TO=RATE" lines or a file path, not ${describe(fx)}`);
  }
  lines.forEach((line, i) => {
    if (typeof line !== 'string') throw new TypeError(`fx[${i}]: expected a "FROM/TO=RATE" string, not ${describe(line)}`);
    const item = fxLine(line, source);
    if (item) out.push(item);
  });
  return out;
}

function many(x) {
  if (x === undefined || x === null) return [];
  return Array.isArray(x) ? x : [x];
}

/* null, or [fx, series, schemeDefs] for the C layer. */
function extras(opts, allowNumber, lang) {
  const fx = fxList(opts.fx, allowNumber);
  const series = many(opts.seriesFiles).map((f) => [readFile(f, 'seriesFiles'), String(f).toLowerCase().endsWith('.json') ? 'json' : 'csv']);
  const defs = many(opts.schemeFiles).map((s) => {
    if (isPlainObject(s)) return JSON.stringify(jsonable(s, '', '', allowNumber));
    if (typeof s === 'string' && s.trimStart().startsWith('{')) return s;
    return readFile(s, 'schemeFiles');
  });
  if (lang !== undefined && lang !== null && lang !== 'en') return [fx, series, defs, lang];
  return fx.length || series.length || defs.length ? [fx, series, defs] : null;
}

function schemeIds(schemes, where, allowNone) {
  if ((schemes === undefined || schemes === null) && allowNone) return null;
  if (typeof schemes === 'string') return [schemes];
  if (Array.isArray(schemes) && schemes.every((s) => typeof s === 'string')) {
    if (!schemes.length && !allowNone) throw new TypeError(`${where}: expected at least one scheme id`);
    return schemes;
  }
  throw new TypeError(`${where}: expected a scheme id or an array of them, not ${describe(schemes)}`);
}

function dateText(d, what) {
  if (d === undefined || d === null) return null;
  if (typeof d === 'string') return d;
  throw new TypeError(`${what}: expected 'YYYY-MM-DD', not ${describe(d)}`);
}

/* The languages the library writes its texts in (only human text changes: keys, enum values,
 * scheme ids and amounts stay as they are). Another language is refused, never ignored. */
const LANGUAGES = ['en', 'ru', 'kk'];

function checkLang(lang) {
  if (lang === undefined || lang === null || LANGUAGES.includes(lang)) return lang;
  const shown = typeof lang === 'string' ? `"${lang}"` : describe(lang);
  throw new ReparationsError(`lang: ${shown} is not available: the library writes estimates in ${LANGUAGES.join(', ')}`,
    { code: 'not_found', status: 5, path: 'lang', stage: 'lang' });
}

function checkOpts(opts, fn) {
  if (opts === undefined || opts === null) return {};
  if (!isPlainObject(opts)) throw new TypeError(`${fn}: the options argument must be an object, not ${describe(opts)}`);
  return opts;
}

// --------------------------------------------------------------------------------------------
// The API
// --------------------------------------------------------------------------------------------

function estimateArgs(c, schemes, opts) {
  opts = checkOpts(opts, 'estimate');
  const lang = checkLang(opts.lang);
  const allow = Boolean(opts.allowNumber);
  const ids = schemeIds(schemes === undefined ? 'kz-cpc' : schemes, 'schemes', false);
  return [[caseJSON(c, allow), ids, optionList(opts.options, allow), dateText(opts.asOf, 'asOf'), extras(opts, allow, lang)],
    typeof schemes === 'string' || schemes === undefined];
}

function estimateResult(text, single) {
  const doc = JSON.parse(text);
  return single ? doc.estimates[0] : doc.estimates;
}

/** Estimate a case under one scheme (a string: resolves to that estimate) or several (an
 * array: resolves to an array of estimates), on the thread pool. */
function estimate(c, schemes, opts) {
  let args, single;
  try {
    [args, single] = estimateArgs(c, schemes, opts);
  } catch (e) {
    return Promise.reject(e);
  }
  return callAsync(native.estimate, ...args).then((t) => estimateResult(t, single));
}

/** estimate() on the calling thread. */
function estimateSync(c, schemes, opts) {
  const [args, single] = estimateArgs(c, schemes, opts);
  return estimateResult(callSync(native.estimate, ...args, false), single);
}

function compareArgs(c, schemes, opts) {
  opts = checkOpts(opts, 'compare');
  const lang = checkLang(opts.lang);
  const allow = Boolean(opts.allowNumber);
  const cur = opts.reportCurrency === undefined ? null : opts.reportCurrency;
  if (cur !== null && typeof cur !== 'string') throw new TypeError(`reportCurrency: expected an ISO 4217 code, not ${describe(cur)}`);
  return [caseJSON(c, allow), schemeIds(schemes, 'schemes', true), optionList(opts.options, allow),
    dateText(opts.asOf, 'asOf'), cur, extras(opts, allow, lang)];
}

/** One case under many schemes (null/undefined: every scheme), side by side, on the thread
 * pool: resolves to {case, as_of, report_currency, comparison: [row...], estimates: [...]}. */
function compare(c, schemes, opts) {
  let args;
  try {
    args = compareArgs(c, schemes, opts);
  } catch (e) {
    return Promise.reject(e);
  }
  return callAsync(native.compare, ...args).then(JSON.parse);
}

/** compare() on the calling thread. */
function compareSync(c, schemes, opts) {
  return JSON.parse(callSync(native.compare, ...compareArgs(c, schemes, opts), false));
}

/** Every scheme with its status, currency, notes and options (plus those of opts.schemeFiles). */
function schemes(opts) {
  opts = checkOpts(opts, 'schemes');
  return JSON.parse(callSync(native.schemes, extras({ schemeFiles: opts.schemeFiles }, false))).schemes;
}

/** The reference series (no id: the list), or one series with every point. */
function refdata(id, opts) {
  opts = checkOpts(opts, 'refdata');
  if (id !== undefined && id !== null && typeof id !== 'string') throw new TypeError(`refdata: expected a series id, not ${describe(id)}`);
  const doc = JSON.parse(callSync(native.refdata, id === undefined ? null : id, extras({ seriesFiles: opts.seriesFiles }, false)));
  return id === undefined || id === null ? doc.series : doc;
}

function validateArgs(c, opts) {
  opts = checkOpts(opts, 'validate');
  return [caseJSON(c, Boolean(opts.allowNumber)), dateText(opts.asOf, 'asOf')];
}

function caseInfo([id, currency, detentions, harms]) {
  return { id: id || '', currency: currency || '', detentions, harms };
}

/** Read and check a case: {id, currency, detentions, harms}, or a ReparationsError naming the
 * JSON path of the first problem. */
function validate(c, opts) {
  return caseInfo(callSync(native.validate, ...validateArgs(c, opts), false));
}

/** validate() on the thread pool. */
function validateAsync(c, opts) {
  let args;
  try {
    args = validateArgs(c, opts);
  } catch (e) {
    return Promise.reject(e);
  }
  return callAsync(native.validate, ...args).then(caseInfo);
}

/** The printable statement of a comparison: the library's self-contained HTML page (A4, no
 * external resources), on the thread pool. Arguments as compare(). */
function statement(c, schemes, opts) {
  let args;
  try {
    args = compareArgs(c, schemes, opts);
  } catch (e) {
    return Promise.reject(e);
  }
  return callAsync(native.statement, ...args);
}

/** statement() on the calling thread. */
function statementSync(c, schemes, opts) {
  return callSync(native.statement, ...compareArgs(c, schemes, opts), false);
}

// --------------------------------------------------------------------------------------------
// Batches
// --------------------------------------------------------------------------------------------

const ROW_NULLS = {
  eligible: null, currency: null, total: null, total_if_eligible: null, range_low: null, range_high: null,
  total_pecuniary: null, total_non_pecuniary: null, days: null, per_day: null, warnings: null, heads: null,
};

/* A case that cannot even be turned into JSON text here (a JS number as an amount, a missing
 * file) is a row with its error, as the library makes one of a case it cannot read. */
function jsErrorRow(index, e, withLines) {
  let status = 'invalid';
  let p = '';
  if (e instanceof ReparationsError) {
    status = e.code;
    p = e.path;
  } else if (e && typeof e.code === 'string' && e.syscall) { // a file that cannot be read
    status = 'io';
  } else if (!(e instanceof TypeError)) {
    throw e;
  }
  if (!p && e instanceof TypeError) {
    const m = /^([A-Za-z_][\w.[\]]*): /.exec(e.message);
    if (m && m[1] !== 'case') p = m[1];
  }
  const row = { index, line: null, case: '', scheme: null, status, ok: false, error_path: p,
    error_message: e.message, ...ROW_NULLS };
  if (withLines) row.lines = null;
  return row;
}

/* What batch() and batchStream() share: the schemes and options, checked, as the C layer takes
 * them ([schemes, options, asOf, jobs, lines, extras]). */
function batchConfig(schemes, opts, fn) {
  opts = checkOpts(opts, fn);
  if (checkLang(opts.lang) !== undefined && opts.lang !== null && opts.lang !== 'en') {
    // refused, not ignored: a row holds amounts, codes and ids; its only texts (error
    // messages, the labels of fields: "lines") are the library's English
    throw new ReparationsError(`lang: batch rows are not translated (they hold amounts, codes and ids); ` +
      'use estimate(), compare() or statement() for texts in that language', { code: 'invalid', status: 1, path: 'lang', stage: 'lang' });
  }
  const allow = Boolean(opts.allowNumber);
  const fields = opts.fields === undefined || opts.fields === null ? 'totals' : opts.fields;
  if (fields !== 'totals' && fields !== 'lines') throw new TypeError('fields: expected "totals" or "lines"');
  const jobs = opts.jobs === undefined || opts.jobs === null ? 1 : opts.jobs;
  if (!Number.isInteger(jobs) || jobs < 0 || jobs > 256) {
    throw new TypeError(`jobs: expected an integer 0..256 (0: one thread per processor), not ${String(jobs)}`);
  }
  const ids = schemeIds(schemes, 'schemes', false);
  const lines = fields === 'lines';
  return { allow, lines, args: [ids, optionList(opts.options, allow), dateText(opts.asOf, 'asOf'), jobs, lines, extras(opts, allow, null)] };
}

/* A string, a Buffer or one case object iterates, but is not a list of cases. */
function isCaseList(cases) {
  return !(cases === null || cases === undefined || typeof cases === 'string' || Buffer.isBuffer(cases) ||
    isPlainObject(cases) || typeof cases[Symbol.iterator] !== 'function');
}

/* The JSON texts of cases for the C layer, the input position of each, and a row for each case
 * that cannot be made into text. */
function caseTexts(cases, allow, lines) {
  const texts = [];
  const where = [];
  const bad = [];
  let i = 0;
  for (const c of cases) {
    try {
      texts.push(caseJSON(c, allow));
      where.push(i);
    } catch (e) {
      bad.push(jsErrorRow(i, e, lines));
    }
    i++;
  }
  return { texts, where, bad };
}

function batchArgs(cases, schemes, opts) {
  const cfg = batchConfig(schemes, opts, 'batch');
  if (!isCaseList(cases)) {
    throw new TypeError('batch: cases must be an array (or iterable) of cases (objects, JSON texts, Buffers or ' +
      `paths), not ${describe(cases)}; for one case use estimate() or compare()`);
  }
  const { texts, where, bad } = caseTexts(cases, cfg.allow, cfg.lines);
  return [[texts, ...cfg.args], where, bad];
}

function batchResult(rows, where, bad) {
  if (!bad.length) return rows;
  for (const r of rows) r.index = where[r.index];
  const out = [];
  let k = 0;
  for (const r of rows) {
    while (k < bad.length && bad[k].index < r.index) out.push(bad[k++]);
    out.push(r);
  }
  while (k < bad.length) out.push(bad[k++]);
  return out;
}

/** Many cases under one or more schemes, on the thread pool (opts.jobs threads): resolves to
 * one row per case x scheme, in input order (case by case, schemes in the order given). A case
 * that cannot be read or evaluated is a row with ok false, status its error code, error_path
 * and error_message: it never rejects the batch. */
function batch(cases, schemes, opts) {
  let args, where, bad;
  try {
    [args, where, bad] = batchArgs(cases, schemes, opts);
  } catch (e) {
    return Promise.reject(e);
  }
  return callAsync(native.batch, ...args).then((rows) => batchResult(rows, where, bad));
}

/** batch() on the calling thread (which the library's own threads, opts.jobs, still help). */
function batchSync(cases, schemes, opts) {
  const [args, where, bad] = batchArgs(cases, schemes, opts);
  return batchResult(callSync(native.batch, ...args, false), where, bad);
}

/* batchStream's windows: the first of WINDOW_FIRST cases, so that rows come soon, then doubling
 * up to WINDOW_ROWS rows (WINDOW_MIN..WINDOW_MAX cases). The library runs one window ahead of
 * the rows handed over, never more. */
const WINDOW_FIRST = 64;
const WINDOW_ROWS = 4096;
const WINDOW_MIN = 64;
const WINDOW_MAX = 2048;

/* An argument batchStream cannot take: a ReparationsError whose path names it. */
function argumentError(e) {
  if (e instanceof ReparationsError || !(e instanceof TypeError || e.syscall)) return e;
  const m = /^([A-Za-z_][\w.[\]"]*): /.exec(e.message);
  return new ReparationsError(e.message, e.syscall ? { code: 'io', status: 7, path: m ? m[1] : '', stage: 'arguments' }
    : { code: 'invalid', status: 1, path: m ? m[1] : '', stage: 'arguments' });
}

function caseIterator(cases) {
  if (cases !== null && cases !== undefined && typeof cases[Symbol.asyncIterator] === 'function') {
    return [cases[Symbol.asyncIterator](), true];
  }
  if (!isCaseList(cases)) {
    throw new TypeError('cases: expected an iterable or async iterable of cases (objects, JSON texts, Buffers or ' +
      `paths), not ${describe(cases)}`);
  }
  return [cases[Symbol.iterator](), false];
}

/** batch() as an async iterable of its rows, for caseloads beyond memory: `cases` may be any
 * iterable or async iterable (a generator, a readline interface over JSON Lines), read a window
 * at a time while the library evaluates the window before; rows come in input order, as
 * batch() would give them. Stopping early (break) stops the reading and the library's work.
 * Bad arguments reject the first next() with a ReparationsError naming the option. */
async function* batchStream(cases, schemes, opts) {
  let cfg, it, isAsync;
  try {
    cfg = batchConfig(schemes, opts, 'opts');
    [it, isAsync] = caseIterator(cases);
  } catch (e) {
    throw argumentError(e);
  }
  const handle = callSync(native.batchOpen, ...cfg.args);
  const max = Math.min(WINDOW_MAX, Math.max(WINDOW_MIN, Math.floor(WINDOW_ROWS / cfg.args[0].length)));
  let size = Math.min(WINDOW_FIRST, max);
  let base = 0;
  let exhausted = false;
  let stopped = false;
  let pending = null;
  // the rows of the next window (null at the end of the input), read and evaluated
  const nextWindow = async () => {
    const chunk = [];
    while (chunk.length < size && !stopped) {
      const n = isAsync ? await it.next() : it.next();
      if (n.done) {
        exhausted = true;
        break;
      }
      chunk.push(n.value);
    }
    // the first window runs even when empty: it builds the batch, and so checks the options
    if (stopped || (!chunk.length && base > 0)) return null;
    const at = base;
    base += chunk.length;
    size = Math.min(2 * size, max);
    const { texts, where, bad } = caseTexts(chunk, cfg.allow, cfg.lines);
    const rows = batchResult(await callAsync(native.batchWindow, handle, texts), where, bad);
    for (const r of rows) r.index += at;
    return rows;
  };
  const start = () => {
    pending = nextWindow();
    pending.catch(() => {}); // handled where it is awaited, even if that is after it fails
  };
  try {
    start();
    while (pending) {
      const rows = await pending;
      pending = null;
      if (rows && !exhausted) start(); // evaluated while these rows are consumed
      for (const r of rows || []) yield r;
    }
  } finally {
    stopped = true;
    native.batchClose(handle); // a window still running stops at its next row
    if (pending) await pending.catch(() => {});
    if (!exhausted && typeof it.return === 'function') await it.return();
  }
}

// --------------------------------------------------------------------------------------------
// Amounts as decimal objects (optional)
// --------------------------------------------------------------------------------------------

/* Keys whose string values are amounts or rates in the library's JSON. */
const OUTPUT_AMOUNTS = new Set(['total', 'total_if_eligible', 'per_day', 'report_total', 'report_per_day', 'fx_rate',
  'amount', 'nominal', 'pecuniary', 'non_pecuniary', 'low', 'high', 'value', 'min', 'max']);
const DECIMAL_RE = /^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/;

function defaultDecimal() {
  for (const name of ['decimal.js', 'decimal.js-light', 'big.js', 'bignumber.js']) {
    try {
      const m = require(name);
      return m.Decimal || m.Big || m.BigNumber || m.default || m;
    } catch (e) {
      if (e.code !== 'MODULE_NOT_FOUND') throw e;
    }
  }
  return null;
}

/** A deep copy of a result with every amount string turned into a decimal object: `Decimal`
 * is the constructor to use (default: decimal.js, else big.js or bignumber.js, whichever is
 * installed). The strings are exact; so are the objects. */
function withDecimals(result, Decimal) {
  const D = Decimal || defaultDecimal();
  if (!D) {
    throw new Error('reparations.withDecimals: no decimal library is installed: `npm install decimal.js` ' +
      '(or big.js, bignumber.js), or pass the constructor as the second argument');
  }
  const walk = (v, key) => {
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v !== null && typeof v === 'object') {
      const out = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x, k);
      return out;
    }
    if (typeof v === 'string' && OUTPUT_AMOUNTS.has(key) && DECIMAL_RE.test(v)) return new D(v);
    return v;
  };
  return walk(result, '');
}

module.exports = {
  estimate, estimateSync, compare, compareSync, schemes, refdata, validate, validateAsync,
  batch, batchSync, batchStream, statement, statementSync,
  withDecimals, ReparationsError, LANGUAGES,
  version: LIBRARY_VERSION,
  libraryVersion: () => native.version(),
  addonPath: () => addonCandidates().find((f) => fs.existsSync(f)),
};
