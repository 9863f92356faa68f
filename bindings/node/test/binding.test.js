'use strict';
/* The API: input forms, the rule that a JS number is not an amount, options and exchange
 * rates, schemes, refdata, validate, and the error paths with their JSON paths. */
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { cli, rep, casePath } = require('./helpers');

const ACQ = casePath('examples', 'cases', 'acquitted-kz.json');
const KZ = casePath('examples', 'cases', 'kz-activist.json');
const KZ_FX = casePath('examples', 'cases', 'kz-activist.fx');
const acq = () => JSON.parse(fs.readFileSync(ACQ, 'utf8'));

/* The ReparationsError a call throws, checked for its class, code and path. */
function throwsRep(fn, code, p, re) {
  let err;
  try { fn(); } catch (e) { err = e; }
  assert.ok(err instanceof rep.ReparationsError, `expected a ReparationsError, got ${err}`);
  assert.ok(err instanceof Error);
  assert.equal(err.name, 'ReparationsError');
  assert.equal(err.code, code, err.message);
  assert.equal(err.path, p, err.message);
  if (re) assert.match(err.message, re);
  return err;
}

async function rejectsRep(promise, code, p, re) {
  await assert.rejects(promise, (err) => {
    assert.ok(err instanceof rep.ReparationsError, `expected a ReparationsError, got ${err}`);
    assert.equal(err.code, code, err.message);
    assert.equal(err.path, p, err.message);
    if (re) assert.match(err.message, re);
    return true;
  });
}

test('estimate: amounts are decimal strings, and the CLI agrees', async () => {
  const e = await rep.estimate(ACQ, 'kz-cpc');
  assert.equal(typeof e.total, 'string');
  assert.match(e.total, /^\d+\.\d{2}$/);
  for (const l of e.lines) assert.equal(typeof l.amount, 'string');
  assert.deepEqual(e, cli('estimate', ACQ, '--scheme', 'kz-cpc').estimates[0]);
  assert.equal(e.scheme, 'kz-cpc');
  assert.equal(e.currency, 'KZT');
  assert.equal(e.eligible, true);
  // the default scheme is kz-cpc, as in Python
  assert.deepEqual(rep.estimateSync(ACQ), e);
});

test('estimate: an array of schemes gives an array of estimates', async () => {
  const es = await rep.estimate(ACQ, ['kz-cpc', 'kz-reform']);
  assert.equal(es.length, 2);
  assert.deepEqual(es.map((e) => e.scheme), ['kz-cpc', 'kz-reform']);
  assert.deepEqual(es, cli('estimate', ACQ, '--scheme', 'kz-cpc', '--scheme', 'kz-reform').estimates);
});

test('a case goes in as an object, JSON text, a Buffer or a path, with the same result', () => {
  const want = rep.estimateSync(ACQ, 'kz-cpc');
  const text = fs.readFileSync(ACQ, 'utf8');
  assert.deepEqual(rep.estimateSync(acq(), 'kz-cpc'), want);
  assert.deepEqual(rep.estimateSync(text, 'kz-cpc'), want);
  assert.deepEqual(rep.estimateSync(Buffer.from(text), 'kz-cpc'), want);
  assert.deepEqual(rep.estimateSync(new Uint8Array(Buffer.from(text)), 'kz-cpc'), want);
});

test('a JS number as an amount is a TypeError naming the field; allowNumber converts it', () => {
  const c = acq();
  const i = c.harms.findIndex((h) => h.amount !== undefined);
  const amount = c.harms[i].amount;
  c.harms[i].amount = Number(amount);
  assert.throws(() => rep.estimateSync(c, 'kz-cpc'),
    (e) => e instanceof TypeError && e.message.startsWith(`harms[${i}].amount: got the JS number ${Number(amount)}`) &&
      /allowNumber/.test(e.message));
  // the same figure as a string, a BigInt and with allowNumber: the same estimate
  const want = rep.estimateSync(acq(), 'kz-cpc');
  assert.deepEqual(rep.estimateSync(c, 'kz-cpc', { allowNumber: true }), want);
  c.harms[i].amount = BigInt(amount.split('.')[0]);
  if (!amount.includes('.')) assert.deepEqual(rep.estimateSync(c, 'kz-cpc'), want);
  // a fraction anywhere is refused, even outside the amount fields
  const d = acq();
  d.torture = { cc146_part: 1.5 };
  assert.throws(() => rep.validate(d), (e) => e instanceof TypeError && /^torture\.cc146_part: got the JS number 1\.5/.test(e.message));
  // an integer where a count belongs is fine
  d.torture = { cc146_part: 1 };
  assert.equal(rep.validate(d).id, acq().id);
  // with allowNumber, 0.1 becomes "0.1", not 0.1000000000000000055...
  const l = { id: 'n', currency: 'KZT', as_of: '2026-03-01',
    proceedings: { kind: 'criminal', outcome: 'acquitted', decision_date: '2025-01-01' },
    detentions: [{ kind: 'pretrial_custody', start: '2024-01-01', end: '2024-12-31' }],
    harms: [{ category: 'legal_costs', amount: 100000.1, date: '2024-06-01' }] };
  const e = rep.estimateSync(l, 'kz-cpc', { allowNumber: true });
  const line = e.lines.find((x) => x.head === 'legal_costs');
  assert.equal(line.amount, '100000.10');
  assert.throws(() => rep.estimateSync({ ...l, harms: [{ ...l.harms[0], amount: NaN }] }, 'kz-cpc', { allowNumber: true }), TypeError);
});

test('decimal objects (decimal.js-like) go in by their exact text', () => {
  class FakeDecimal { constructor(s) { this.s = s; } toFixed() { return this.s; } toString() { return this.s; } }
  const c = acq();
  const i = c.harms.findIndex((h) => h.amount !== undefined);
  c.harms[i].amount = new FakeDecimal(String(c.harms[i].amount));
  assert.deepEqual(rep.estimateSync(c, 'kz-cpc'), rep.estimateSync(ACQ, 'kz-cpc'));
});

test('a Date is refused: dates are calendar days', () => {
  const c = acq();
  c.as_of = new Date(2026, 2, 1);
  assert.throws(() => rep.validate(c), (e) => e instanceof TypeError && /^as_of: got a Date/.test(e.message));
});

test('options: object, nested object and assignment forms agree; numbers refused', () => {
  const a = rep.estimateSync(ACQ, 'kz-cpc', { options: { 'kz-cpc.indexation': 'mci' } });
  const b = rep.estimateSync(ACQ, 'kz-cpc', { options: { 'kz-cpc': { indexation: 'mci' } } });
  const c = rep.estimateSync(ACQ, 'kz-cpc', { options: ['kz-cpc.indexation=mci'] });
  const d = rep.estimateSync(ACQ, 'kz-cpc', { options: 'kz-cpc.indexation=mci' });
  assert.deepEqual(a, b);
  assert.deepEqual(a, c);
  assert.deepEqual(a, d);
  assert.deepEqual(a, cli('estimate', ACQ, '--scheme', 'kz-cpc', '--option', 'kz-cpc.indexation=mci').estimates[0]);
  assert.notDeepEqual(a.total, rep.estimateSync(ACQ, 'kz-cpc').total);
  assert.throws(() => rep.estimateSync(ACQ, 'jp-cca', { options: { 'jp-cca.daily_rate': 5000 } }),
    (e) => e instanceof TypeError && /^options\["jp-cca.daily_rate"\]: got the JS number 5000/.test(e.message));
  assert.deepEqual(rep.estimateSync(ACQ, 'jp-cca', { options: { 'jp-cca.daily_rate': 5000 }, allowNumber: true }),
    rep.estimateSync(ACQ, 'jp-cca', { options: { 'jp-cca.daily_rate': '5000' } }));
});

test('fx: object, [rate, date], lines and a file agree with the CLI', () => {
  const want = cli('compare', KZ, '--schemes', 'kz-cpc,echr', '--report-currency', 'EUR', '--fx-file', KZ_FX);
  const lines = fs.readFileSync(KZ_FX, 'utf8').split('\n');
  const fromFile = rep.compareSync(KZ, ['kz-cpc', 'echr'], { reportCurrency: 'EUR', fx: KZ_FX });
  assert.deepEqual(fromFile, want);
  const fromLines = rep.compareSync(KZ, ['kz-cpc', 'echr'], { reportCurrency: 'EUR', fx: lines });
  assert.equal(fromLines.comparison[0].fx_rate, want.comparison[0].fx_rate);
  const obj = rep.compareSync(KZ, ['kz-cpc', 'echr'], { reportCurrency: 'EUR', fx: { 'EUR/KZT': '608.40' } });
  // 1 KZT = 1/608.40 EUR = 0.0016436... EUR, shown to 6 places
  assert.equal(obj.comparison[0].fx_rate, '0.001644');
  const dated = rep.compareSync(KZ, ['kz-cpc', 'echr'], { reportCurrency: 'EUR', fx: { 'EUR/KZT': ['608.40', '2026-01-01'] } });
  assert.equal(dated.comparison[0].fx_rate, '0.001644');
  assert.throws(() => rep.compareSync(KZ, null, { fx: { 'EUR/KZT': 608.4 } }), TypeError);
  throwsRep(() => rep.compareSync(KZ, null, { fx: ['EUR/KZT 608'] }), 'syntax', 'fx');
});

test('compare: every scheme by default; a scheme that cannot be evaluated is a row, not an error', async () => {
  const c = await rep.compare(KZ);
  assert.equal(c.comparison.length, rep.schemes().length);
  const un = c.comparison.find((r) => r.scheme === 'intl-un');
  // the built-in EUR/KZT series ends before the case's 2026 valuation date: its latest point is used,
  // and the estimate says so
  assert.equal(un.ok, true);
  assert.ok(c.comparison.every((r) => r.ok));
  const est = rep.estimateSync(KZ, 'intl-un');
  assert.ok(est.warnings.some((w) => /^FX\.EUR_KZT ends on .* its latest point .* is used/.test(w)));
});

test('lang: Russian and Kazakh texts, the same keys, enum values, ids and amounts', async () => {
  // the skeleton of a result: every key path, and every value that is not human text
  const skeleton = (v, p = '') => (Array.isArray(v) ? v.flatMap((x, i) => skeleton(x, `${p}[${i}]`))
    : v && typeof v === 'object' ? Object.keys(v).sort().flatMap((k) => skeleton(v[k], `${p}.${k}`)) : [p]);
  const en = rep.estimateSync(ACQ, 'kz-cpc');
  const ru = await rep.estimate(ACQ, 'kz-cpc', { lang: 'ru' });
  const kk = rep.estimateSync(ACQ, 'kz-cpc', { lang: 'kk' });
  assert.equal(ru.lines[0].label, 'Утраченный заработок, пенсия и пособия');
  assert.equal(kk.lines[0].label, 'Жоғалтылған жалақы, зейнетақы және жәрдемақылар');
  assert.match(ru.findings[0].text, /реабилитирующим основаниям/);
  assert.notEqual(ru.findings[0].text, en.findings[0].text);
  for (const tr of [ru, kk]) {
    assert.deepEqual(skeleton(tr), skeleton(en));
    for (const k of ['scheme', 'status', 'currency', 'eligible', 'total', 'totals', 'days', 'as_of'])
      assert.deepEqual(tr[k], en[k], k);
    assert.deepEqual(tr.lines.map((l) => [l.head, l.class, l.amount]), en.lines.map((l) => [l.head, l.class, l.amount]));
    assert.deepEqual(tr.findings.map((f) => f.code), en.findings.map((f) => f.code));
  }
  // compare: the rows keep their ids and amounts; the document says its language
  const cen = rep.compareSync(KZ, ['kz-cpc', 'kz-reform'], { fx: KZ_FX, reportCurrency: 'EUR' });
  const cru = await rep.compare(KZ, ['kz-cpc', 'kz-reform'], { fx: KZ_FX, reportCurrency: 'EUR', lang: 'ru' });
  assert.equal(cru.lang, 'ru');
  assert.deepEqual(cru.untranslated, []);
  assert.equal(cen.lang, undefined);
  const strip = (r) => Object.fromEntries(Object.entries(r).filter(([k]) => !['name', 'reason', 'fx_source'].includes(k)));
  assert.deepEqual(cru.comparison.map(strip), cen.comparison.map(strip));
  assert.match(cru.estimates[0].findings.map((f) => f.text).join(' '), /амнист/);
  assert.deepEqual(rep.LANGUAGES, ['en', 'ru', 'kk']);
});

test('schemes, refdata and validate', () => {
  const s = rep.schemes();
  assert.ok(s.length >= 19);
  assert.deepEqual(s, cli('schemes').schemes);
  assert.ok(s.some((x) => x.id === 'kz-cpc' && x.currency === 'KZT' && x.status === 'law'));
  const list = rep.refdata();
  assert.deepEqual(list, cli('refdata').series);
  const mci = rep.refdata('KZ.MCI');
  assert.equal(mci.id, 'KZ.MCI');
  assert.deepEqual(mci, cli('refdata', 'KZ.MCI'));
  assert.ok(mci.points.every((p) => typeof p.value === 'string'));
  throwsRep(() => rep.refdata('XX.NOPE'), 'not_found', '');
  const v = rep.validate(KZ);
  assert.deepEqual(v, { id: 'kz-activist-2022', currency: 'KZT', detentions: 3, harms: 7 });
});

test('validateAsync resolves and rejects like validate', async () => {
  assert.deepEqual(await rep.validateAsync(KZ), rep.validate(KZ));
  const c = acq();
  c.detentions[0].end = '2023-02-30';
  await rejectsRep(rep.validateAsync(c), 'range', 'detentions[0].end', /^detentions\[0\]\.end: 2023-02-30 is not a valid date/);
});

test('error paths name the field', async () => {
  const bad = (f) => { const c = acq(); f(c); return c; };
  throwsRep(() => rep.validate(bad((c) => { c.detentions[1] = { kind: 'prison', start: '2022-02-30' }; })), 'range', 'detentions[1].start');
  throwsRep(() => rep.validate(bad((c) => { c.harms[0].monthly = '-5'; })), 'invalid', 'harms[0].monthly', /must not be negative/);
  throwsRep(() => rep.validate(bad((c) => { c.colour = 'red'; })), 'invalid', 'colour', /unknown key/);
  throwsRep(() => rep.validate(bad((c) => { c.proceedings.outcome = 'forgiven'; })), 'invalid', 'proceedings.outcome');
  throwsRep(() => rep.validate('{"id": "x", "currency": "KZT", "currency": "KZT"}'), 'invalid', 'currency', /duplicate key/);
  throwsRep(() => rep.validate('{"id": "x",'), 'syntax', '');
  throwsRep(() => rep.validate(bad((c) => { c.currency = 'XYZ1'; })), 'invalid', 'currency');
  const e = throwsRep(() => rep.estimateSync(ACQ, 'nope'), 'not_found', 'schemes[0]', /unknown scheme "nope"/);
  assert.equal(e.stage, 'scheme');
  throwsRep(() => rep.estimateSync(ACQ, ['kz-cpc', 'nope']), 'not_found', 'schemes[1]');
  throwsRep(() => rep.estimateSync(ACQ, 'kz-cpc', { options: { 'kz-cpc.indexation': 'gold' } }), 'invalid',
    'option kz-cpc.indexation', /"gold" is not one of nominal\|cpi\|mci\|wage/);
  throwsRep(() => rep.estimateSync(ACQ, 'kz-cpc', { options: ['nope.x=1'] }), 'not_found', 'option nope.x', /unknown scheme "nope"/);
  throwsRep(() => rep.estimateSync(ACQ, 'kz-cpc', { asOf: '2026-02-30' }), 'range', 'asOf', /^asOf: /);
  throwsRep(() => rep.compareSync(ACQ, null, { reportCurrency: 'EURO' }), 'invalid', 'reportCurrency', /^reportCurrency: /);
  // a currency with no exchange rate, built in or given
  throwsRep(() => rep.estimateSync(bad((c) => { c.currency = 'CHF'; }), 'de-streg'), 'no_data', 'harms[0]',
    /no exchange rate CHF\/EUR for 2026-03-01/);
  throwsRep(() => rep.estimateSync(ACQ, 'kz-cpc', { lang: 'xx' }), 'not_found', 'lang', /en, ru, kk/);
  throwsRep(() => rep.compareSync(ACQ, null, { lang: 'RU' }), 'not_found', 'lang');
  throwsRep(() => rep.compareSync(ACQ, null, { lang: 7 }), 'not_found', 'lang');
  await rejectsRep(rep.compare(ACQ, null, { lang: 'de' }), 'not_found', 'lang');
  await rejectsRep(rep.estimate(ACQ, 'nope'), 'not_found', 'schemes[0]');
  await rejectsRep(rep.compare(ACQ, ['nope']), 'not_found', 'schemes[0]');
  await rejectsRep(rep.estimate(bad((c) => { c.detentions[0].end = '2023-02-30'; }), 'kz-cpc'), 'range', 'detentions[0].end');
  // the option names the scheme and the option in its message
  const o = throwsRep(() => rep.estimateSync(ACQ, 'kz-cpc', { options: ['kz-cpc.nothing=1'] }), 'invalid', '');
  assert.match(o.message, /unknown option \(scheme kz-cpc has: indexation/);
  assert.equal(o.stage, 'option');
});

test('hostile objects: a __proto__ key is a key, deep nesting is refused without a stack overflow', () => {
  throwsRep(() => rep.validate(JSON.parse('{"id": "x", "currency": "KZT", "__proto__": {"a": 1}}')), 'invalid', '__proto__', /unknown key/);
  const deep = JSON.parse(`{"id": "x", "currency": "KZT", "description": ${'['.repeat(20000)}${']'.repeat(20000)}}`);
  throwsRep(() => rep.validate(deep), 'limit', `description${'[0]'.repeat(64)}`, /nested deeper than 64 levels/);
  const cyclic = { id: 'x', currency: 'KZT' };
  cyclic.self = cyclic;
  throwsRep(() => rep.validate(cyclic), 'limit', `self${'.self'.repeat(64)}`);
});

test('wrong JS types are TypeErrors; a missing file says so', async () => {
  assert.throws(() => rep.estimateSync(42, 'kz-cpc'), TypeError);
  assert.throws(() => rep.estimateSync(ACQ, 42), TypeError);
  assert.throws(() => rep.estimateSync(ACQ, []), TypeError);
  assert.throws(() => rep.estimateSync(ACQ, 'kz-cpc', 'opts'), TypeError);
  assert.throws(() => rep.estimateSync({ id: 'x', f() {} }, 'kz-cpc'), TypeError);
  assert.throws(() => rep.estimateSync({ id: 'x', m: new Map() }, 'kz-cpc'), TypeError);
  assert.throws(() => rep.compareSync(ACQ, null, { reportCurrency: 3 }), TypeError);
  await assert.rejects(rep.estimate(42, 'kz-cpc'), TypeError);
  assert.throws(() => rep.estimateSync(path.join(os.tmpdir(), 'no-such-case.json'), 'kz-cpc'),
    (e) => e.code === 'ENOENT' && /^case: no such file/.test(e.message));
  // a NUL in a scheme id cannot smuggle a shorter id through
  assert.throws(() => rep.estimateSync(ACQ, 'kz-cpc\u0000x'), TypeError);
});

test('user scheme and series files', () => {
  const tariff = casePath('examples', 'schemes', 'example-tariff.json');
  assert.equal(rep.schemes().find((x) => x.id === 'example-tariff'), undefined);
  const s = rep.schemes({ schemeFiles: tariff });
  assert.equal(s.length, rep.schemes().length + 1);
  assert.ok(s.find((x) => x.id === 'example-tariff'));
  assert.deepEqual(rep.estimateSync(ACQ, 'example-tariff', { schemeFiles: tariff }),
    cli('estimate', ACQ, '--scheme', 'example-tariff', '--scheme-file', tariff).estimates[0]);
  throwsRep(() => rep.schemes({ schemeFiles: '{"id": 5}' }), 'invalid', 'id');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rep-node-'));
  const csv = path.join(dir, 'mci.csv');
  fs.writeFileSync(csv, '# id: KZ.MCI\n# until: 2027-12-31\nfrom,value,confidence,source\n2027-01-01,5000,unverified,test\n');
  const bad = path.join(dir, 'bad.csv');
  fs.writeFileSync(bad, '# id: KZ.MCI\n# until: 2027-12-31\nfrom,value,confidence,source\n2027-01-01,1 000,unverified,test\n');
  try {
    const mci = rep.refdata('KZ.MCI', { seriesFiles: csv });
    assert.equal(mci.user_loaded, true);
    assert.equal(mci.until, '2027-12-31');
    assert.equal(mci.points.at(-1).value, '5000');
    const e = throwsRep(() => rep.refdata('KZ.MCI', { seriesFiles: bad }), 'syntax', 'line 4', /line 4: "1 000" is not a decimal number/);
    assert.equal(e.stage, 'seriesFiles');
  } finally {
    fs.rmSync(dir, { recursive: true });
  }
});

test('withDecimals wraps amounts in the decimal class given (or an installed decimal library)', () => {
  class D { constructor(s) { this.s = s; } }
  const e = rep.withDecimals(rep.estimateSync(ACQ, 'kz-cpc'), D);
  assert.ok(e.total instanceof D);
  assert.equal(e.total.s, rep.estimateSync(ACQ, 'kz-cpc').total);
  assert.ok(e.lines.every((l) => l.amount instanceof D));
  assert.equal(typeof e.scheme, 'string');
  assert.equal(typeof e.lines[0].formula, 'string');
  let installed = null;
  try { installed = require('decimal.js'); } catch { /* optional */ }
  if (installed) assert.ok(rep.withDecimals(e.totals ? rep.estimateSync(ACQ) : {}).total instanceof installed);
  else assert.throws(() => rep.withDecimals({ total: '1' }), /npm install decimal.js/);
});

test('version', () => {
  assert.match(rep.version, /^\d+\.\d+\.\d+/);
  assert.equal(rep.libraryVersion()[0], rep.version);
});
