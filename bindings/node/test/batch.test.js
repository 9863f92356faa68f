'use strict';
/* batch() and batchSync(): rows in input order whatever the threads, values computed by hand,
 * bad cases as rows with their paths, and the same totals as `reparations batch`. */
const test = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { rep, BIN } = require('./helpers');

/* Pre-trial custody from 2023-03-01 for `days` days (days <= 31); acquitted on retrial after a
 * conviction, which 28 U.S.C. § 2513 requires. */
function mkcase(id, days = 10, currency = 'EUR') {
  return {
    id, currency, as_of: '2026-03-01',
    proceedings: { kind: 'criminal', outcome: 'acquitted', conviction: {}, acquitted_on_retrial: true },
    detentions: [{ kind: 'pretrial_custody', start: '2023-03-01', end: `2023-03-${String(days).padStart(2, '0')}` }],
    harms: [],
  };
}

const SCHEMES = ['de-streg', 'us-federal'];

test('values by hand: de-streg 10 x EUR 75, us-federal 10 x 50,000 / 365', async () => {
  const rows = await rep.batch([mkcase('c10', 10)], SCHEMES);
  assert.equal(rows.length, 2);
  const [de, us] = rows;
  // StrEG § 7(3): EUR 75 a day; 10 days: 10 x 75 = 750.00, per day 75.00
  assert.deepEqual([de.index, de.case, de.scheme, de.status, de.ok, de.currency, de.total, de.per_day, de.days],
    [0, 'c10', 'de-streg', 'ok', true, 'EUR', '750.00', '75.00', 10]);
  assert.deepEqual(de.heads, { liberty: '750.00' });
  assert.equal(de.eligible, true);
  assert.equal(de.total_non_pecuniary, '750.00');
  assert.equal(de.total_pecuniary, '0.00');
  assert.equal(de.error_path, null);
  assert.equal(typeof de.warnings, 'number');
  // 28 U.S.C. § 2513(e): 10 x 50,000 / 365 = 1,369.863... -> 1,369.86 USD
  assert.deepEqual([us.index, us.scheme, us.currency, us.total], [0, 'us-federal', 'USD', '1369.86']);
  assert.equal(Object.values(us.heads).reduce((a, h) => a + BigInt(h.replace('.', '')), 0n), 136986n);
});

test('batchSync equals batch; order with jobs: 2 equals jobs: 1', async () => {
  const cases = Array.from({ length: 300 }, (_, i) => mkcase(`c${i}`, 1 + (i % 31)));
  const one = rep.batchSync(cases, SCHEMES, { jobs: 1 });
  const two = await rep.batch(cases, SCHEMES, { jobs: 2 });
  assert.equal(one.length, 600);
  assert.deepEqual(two, one);
  one.forEach((r, i) => {
    assert.equal(r.index, i >> 1);
    assert.equal(r.case, `c${i >> 1}`);
    assert.equal(r.scheme, SCHEMES[i & 1]);
  });
  // c30 has 31 days: 31 x 75 = 2,325.00 EUR
  assert.equal(one[60].total, '2325.00');
  // an iterable (not an array) and JSON texts give the same rows
  function* gen() { for (const c of cases.slice(0, 5)) yield JSON.stringify(c); }
  assert.deepEqual(await rep.batch(gen(), SCHEMES, { jobs: 2 }), one.slice(0, 10));
});

test('bad cases are rows with their paths, never a rejection', async () => {
  const cases = [
    mkcase('good0'),
    '{"id": "x", "currency": ',                      // syntax error
    { ...mkcase('baddate'), detentions: [{ kind: 'pretrial_custody', start: '2023-02-30', end: '2023-03-10' }] },
    { ...mkcase('num'), harms: [{ kind: 'property', amount: 5 }] }, // a JS number as an amount
    mkcase('good4', 2),
  ];
  for (const rows of [await rep.batch(cases, ['de-streg', 'no-such-scheme'], { jobs: 2 }),
    rep.batchSync(cases, ['de-streg', 'no-such-scheme'])]) {
    assert.deepEqual(rows.map((r) => [r.index, r.scheme, r.status]), [
      [0, 'de-streg', 'ok'], [0, 'no-such-scheme', 'not_found'],
      [1, null, 'syntax'],
      [2, null, 'range'],
      [3, null, 'invalid'],
      [4, 'de-streg', 'ok'], [4, 'no-such-scheme', 'not_found'],
    ]);
    assert.equal(rows[0].total, '750.00');
    assert.match(rows[1].error_message, /no-such-scheme/);
    assert.equal(rows[1].total, null);
    assert.equal(rows[3].case, 'baddate');
    assert.equal(rows[3].error_path, 'detentions[0].start');
    assert.match(rows[3].error_message, /2023-02-30 is not a valid date/);
    assert.equal(rows[4].error_path, 'harms[0].amount');
    assert.match(rows[4].error_message, /JS number/);
    // 2 days: 2 x 75 = 150.00
    assert.equal(rows[5].total, '150.00');
    assert.equal(rows[2].ok, false);
  }
});

test('asOf, fields: "lines", options and argument errors', async () => {
  // asOf replaces the case's valuation date; a case read with it keeps its position
  const rows = await rep.batch([mkcase('a'), '{', mkcase('b', 3)], 'de-streg', { asOf: '2026-06-01', fields: 'lines' });
  assert.deepEqual(rows.map((r) => [r.index, r.status, r.total]), [[0, 'ok', '750.00'], [1, 'syntax', null], [2, 'ok', '225.00']]);
  assert.ok(Array.isArray(rows[0].lines) && rows[0].lines.length >= 1);
  const sum = rows[0].lines.reduce((a, l) => a + BigInt(l.amount.replace('.', '')), 0n);
  assert.equal(sum, 75000n); // EUR 750.00 in cents
  assert.equal(rows[0].lines[0].head, 'liberty');
  assert.equal(rows[1].lines, null);
  await assert.rejects(rep.batch([mkcase('a')], 'de-streg', { asOf: '2026-02-30' }), (e) => e instanceof rep.ReparationsError && e.path === 'asOf');
  await assert.rejects(rep.batch([mkcase('a')], 'de-streg', { jobs: -1 }), TypeError);
  await assert.rejects(rep.batch(mkcase('a'), 'de-streg'), TypeError);
  assert.throws(() => rep.batchSync([mkcase('a')], []), TypeError);
  assert.throws(() => rep.batchSync([mkcase('a')], 'de-streg', { options: ['de-streg.nope=1'] }), rep.ReparationsError);
  assert.deepEqual(await rep.batch([], 'de-streg'), []);
  // lang is refused, not ignored: rows carry no translated text
  await assert.rejects(rep.batch([mkcase('a')], 'de-streg', { lang: 'ru' }), (e) => e instanceof rep.ReparationsError && e.path === 'lang');
  assert.equal(rep.batchSync([mkcase('a')], 'de-streg', { lang: 'en' })[0].total, '750.00');
  // a case made invalid by asOf (a detention after the valuation date) is its row, with its
  // id and path; a missing file is an io row
  const r2 = rep.batchSync([mkcase('early'), '/no/such/case.json', mkcase('fine')], 'de-streg', { asOf: '2023-03-05' });
  assert.deepEqual(r2.map((r) => [r.index, r.case, r.status, r.scheme, r.error_path]), [
    [0, 'early', 'invalid', null, 'detentions[0].end'], [1, '', 'io', null, ''], [2, 'fine', 'invalid', null, 'detentions[0].end']]);
  assert.match(r2[0].error_message, /as_of 2023-03-05/);
});

test('equal to the totals of `reparations batch` (CSV)', async () => {
  const cases = [mkcase('c1', 1), mkcase('c2', 7), '{"bad"', mkcase('c4', 31, 'USD')];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rep-batch-'));
  const file = path.join(dir, 'cases.jsonl');
  fs.writeFileSync(file, cases.map((c) => (typeof c === 'string' ? c : JSON.stringify(c)) + '\n').join(''));
  let csv;
  try {
    csv = execFileSync(BIN, ['batch', file, '--schemes', SCHEMES.join(','), '--jobs', '2'], { encoding: 'utf8' });
  } catch (e) {
    csv = e.stdout; // the CLI's exit status says some rows failed; its output is still whole
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const [head, ...lines] = csv.trim().split('\n');
  const cols = head.split(',');
  const cli = lines.map((l) => {
    const v = l.split(',');
    return Object.fromEntries(cols.map((c, i) => [c, v[i]]));
  });
  const rows = await rep.batch(cases, SCHEMES, { jobs: 2 });
  assert.equal(rows.length, cli.length);
  rows.forEach((r, i) => {
    assert.equal(r.case, cli[i].case);
    assert.equal(r.scheme || '', cli[i].scheme);
    assert.equal(r.total || '', cli[i].total);
    assert.equal(r.currency || '', cli[i].currency);
    assert.equal(r.ok ? 'ok' : r.status, cli[i].status);
  });
  assert.equal(rows[0].total, '75.00');  // 1 x 75
  assert.equal(rows[2].total, '525.00'); // 7 x 75
});
