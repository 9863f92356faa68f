'use strict';
/* Async calls run on libuv's thread pool: 100 at once give the results of the same calls
 * made one by one, and the event loop keeps turning while they run. */
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const { rep, casePath } = require('./helpers');

const KZ = casePath('examples', 'cases', 'kz-activist.json');
const KZ_FX = casePath('examples', 'cases', 'kz-activist.fx');
const base = JSON.parse(fs.readFileSync(casePath('examples', 'cases', 'acquitted-kz.json'), 'utf8'));

/* 100 different cases: the same facts with the release moved by i days. */
function variant(i) {
  const c = structuredClone(base);
  c.id = `variant-${i}`;
  const last = c.detentions[c.detentions.length - 1];
  const end = new Date(`${last.end}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() - i);
  last.end = end.toISOString().slice(0, 10);
  return c;
}

test('100 concurrent estimates and comparisons equal the sequential results', async () => {
  const cases = Array.from({ length: 100 }, (_, i) => variant(i));
  const wantE = cases.map((c) => rep.estimateSync(c, ['kz-cpc', 'kz-reform']));
  const wantC = cases.map((c) => rep.compareSync(c, null, { reportCurrency: 'EUR', fx: KZ_FX }));
  // all different: a result mixed up between calls would show
  assert.equal(new Set(wantE.map((e) => JSON.stringify(e))).size, 100);
  assert.equal(new Set(wantE.map((e) => e[1].total)).size, 100);
  const [gotE, gotC] = await Promise.all([
    Promise.all(cases.map((c) => rep.estimate(c, ['kz-cpc', 'kz-reform']))),
    Promise.all(cases.map((c) => rep.compare(c, null, { reportCurrency: 'EUR', fx: KZ_FX }))),
  ]);
  assert.deepEqual(gotE, wantE);
  assert.deepEqual(gotC, wantC);
});

test('100 concurrent calls that fail reject each with its own error', async () => {
  const calls = Array.from({ length: 100 }, (_, i) => {
    const c = variant(i);
    c.harms = [{ category: 'legal_costs', amount: `-${i + 1}`, date: '2022-06-01' }];
    return rep.estimate(c, 'kz-cpc').then(() => null, (e) => e);
  });
  const errs = await Promise.all(calls);
  errs.forEach((e, i) => {
    assert.ok(e instanceof rep.ReparationsError);
    assert.equal(e.path, 'harms[0].amount');
    assert.match(e.message, new RegExp(`"-${i + 1}" must not be negative`));
  });
});

test('the event loop turns while the thread pool computes', async () => {
  let ticks = 0;
  let done = false;
  const spin = () => { if (!done) { ticks++; setImmediate(spin); } };
  setImmediate(spin);
  let ticksAtFirst = -1;
  const work = Array.from({ length: 100 }, () => rep.compare(KZ, null, { reportCurrency: 'EUR', fx: KZ_FX })
    .then((r) => { if (ticksAtFirst < 0) ticksAtFirst = ticks; return r; }));
  const results = await Promise.all(work);
  done = true;
  assert.equal(results.length, 100);
  // a sync call dressed as a Promise would settle before the first setImmediate ran
  assert.ok(ticksAtFirst > 0, `no event-loop turn before the first result (${ticksAtFirst})`);
  assert.ok(ticks > 0);
});

test('sync variants block, as they should: the result is there on return', () => {
  const r = rep.compareSync(KZ, ['kz-cpc'], {});
  assert.equal(r.comparison[0].scheme, 'kz-cpc');
});

test('worker threads load the addon too, and compute the same', async () => {
  const { Worker } = require('worker_threads');
  const want = rep.estimateSync(variant(7), 'kz-reform');
  const code = `
    const { parentPort, workerData } = require('worker_threads');
    const rep = require(workerData.pkg);
    rep.estimate(workerData.c, 'kz-reform').then((e) => parentPort.postMessage(e), (e) => parentPort.postMessage({ error: String(e) }));`;
  const results = await Promise.all([0, 1, 2, 3].map(() => new Promise((resolve, reject) => {
    const w = new Worker(code, { eval: true, workerData: { pkg: require.resolve('..'), c: variant(7) } });
    w.once('message', (m) => { resolve(m); w.terminate(); });
    w.once('error', reject);
  })));
  for (const r of results) assert.deepEqual(r, want);
});
