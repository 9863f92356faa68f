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

/* Every row of a batchStream, collected. */
async function collect(stream) {
  const rows = [];
  for await (const r of stream) rows.push(r);
  return rows;
}

test('batchStream: the rows of batchSync, across windows, from iterables and async iterables', async () => {
  // 300 cases: windows of 64, 128 and 108 (index.js WINDOW_FIRST, doubling); bad cases on both
  // sides of the second edge
  const cases = Array.from({ length: 300 }, (_, i) => mkcase(`c${i}`, 1 + (i % 31)));
  cases[191] = '{"id": "x", "currency": ';                                   // syntax: a row from the library
  cases[192] = { ...mkcase('num'), harms: [{ kind: 'property', amount: 5 }] }; // a JS number: a row from index.js
  const want = rep.batchSync(cases, SCHEMES, { jobs: 2 });
  assert.equal(want.length, 2 * 298 + 2);
  assert.deepEqual(await collect(rep.batchStream(cases, SCHEMES, { jobs: 2 })), want);
  async function* texts() { for (const c of cases) yield typeof c === 'string' ? c : JSON.stringify(c); }
  const fromAsync = await collect(rep.batchStream(texts(), SCHEMES));
  assert.deepEqual(fromAsync.map((r) => [r.index, r.scheme, r.status, r.total]),
    want.map((r) => [r.index, r.scheme, r.status, r.total]));
  // 191 cases x 2 schemes = 382 rows before them
  assert.deepEqual([fromAsync[382].index, fromAsync[382].status, fromAsync[383].index, fromAsync[383].status],
    [191, 'syntax', 192, 'invalid']);
  // c299 has 1 + 299 % 31 = 21 days: 21 x 75 = 1,575.00 EUR
  assert.deepEqual([want[596].case, want[596].total], ['c299', '1575.00']);
  // asOf and fields: "lines" go to every window
  const opts = { asOf: '2026-06-01', fields: 'lines' };
  assert.deepEqual(await collect(rep.batchStream(cases, 'de-streg', opts)), rep.batchSync(cases, 'de-streg', opts));
  assert.deepEqual(await collect(rep.batchStream([], 'de-streg')), []);
});

test('batchStream: reads at most two windows ahead of the rows handed over', async () => {
  let pulled = 0;
  function* gen() { for (let i = 0; i < 20000; i++, pulled++) yield mkcase(`c${i}`, 1 + (i % 31)); }
  let rows = 0;
  let ahead = 0;
  for await (const r of rep.batchStream(gen(), SCHEMES, { jobs: 2 })) {
    ahead = Math.max(ahead, pulled - r.index);
    rows++;
  }
  assert.equal(rows, 40000);
  // the window being handed over and the next one, at most 2,048 cases each (index.js WINDOW_MAX)
  assert.ok(ahead <= 2 * 2048, `read ${ahead} cases ahead of the rows`);
});

test('batchStream: break stops the reading and closes the source', async () => {
  let pulled = 0;
  let closed = false;
  function* endless() {
    try {
      for (let i = 0; ; i++, pulled++) yield mkcase(`c${i}`);
    } finally {
      closed = true;
    }
  }
  const stream = rep.batchStream(endless(), 'de-streg', { jobs: 2 });
  const seen = [];
  for await (const r of stream) {
    seen.push(r.total);
    if (seen.length === 3) break;
  }
  assert.deepEqual(seen, ['750.00', '750.00', '750.00']); // 10 x 75 each
  assert.ok(closed, 'the source generator was closed');
  assert.ok(pulled <= 64 + 128, `read ${pulled} cases`); // the first window and the next one
  assert.deepEqual(await stream.next(), { value: undefined, done: true });
  // an async source is closed too, and an error thrown by the source is the stream's
  let asyncClosed = false;
  async function* slow() {
    try {
      for (let i = 0; ; i++) yield mkcase(`a${i}`);
    } finally {
      asyncClosed = true;
    }
  }
  for await (const r of rep.batchStream(slow(), 'de-streg')) if (r.index === 0) break;
  assert.ok(asyncClosed);
  function* failing() { yield mkcase('a'); throw new Error('source broke'); }
  await assert.rejects(collect(rep.batchStream(failing(), 'de-streg')), /source broke/);
});

test('batchStream: bad arguments reject with a ReparationsError naming the option', async () => {
  const named = (p) => (e) => e instanceof rep.ReparationsError && e.path === p;
  let pulled = 0;
  function* gen() { pulled++; yield mkcase('a'); }
  await assert.rejects(collect(rep.batchStream(gen(), 'de-streg', { jobs: -1 })), named('jobs'));
  await assert.rejects(collect(rep.batchStream(gen(), 'de-streg', { fields: 'all' })), named('fields'));
  await assert.rejects(collect(rep.batchStream(gen(), [])), named('schemes'));
  await assert.rejects(collect(rep.batchStream(gen(), 'de-streg', { lang: 'ru' })), named('lang'));
  await assert.rejects(collect(rep.batchStream(gen(), 'de-streg', { asOf: 20260301 })), named('asOf'));
  await assert.rejects(collect(rep.batchStream(gen(), 'de-streg', { fx: '/no/such/rates.fx' })), named('fx'));
  await assert.rejects(collect(rep.batchStream(mkcase('a'), 'de-streg')), named('cases'));
  await assert.rejects(collect(rep.batchStream(gen(), 'de-streg', 5)), named('opts'));
  assert.equal(pulled, 0); // refused before any case is read
  // what only the library can check, when the first window runs (even with no case)
  await assert.rejects(collect(rep.batchStream([], 'de-streg', { options: ['de-streg.nope=1'] })),
    (e) => e instanceof rep.ReparationsError && e.stage === 'option' && /de-streg\.nope/.test(e.message));
  await assert.rejects(collect(rep.batchStream(gen(), 'de-streg', { asOf: '2026-02-30' })), named('asOf'));
});
