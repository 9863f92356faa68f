'use strict';
/* No leak over 100,000 calls: resident memory after a warm-up and after the calls, with a
 * generous bound. Run as `node --expose-gc leak.test.js` (meson does). Leaking one case and
 * its estimate per call (a few KiB) would grow RSS by hundreds of MiB. Then batchStream over
 * 20,000 cases in bounded memory, where holding every row would take over 100 MiB. */
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const { rep, casePath } = require('./helpers');

const ACQ = casePath('examples', 'cases', 'acquitted-kz.json');
const text = fs.readFileSync(ACQ, 'utf8');
const obj = JSON.parse(text);
const bad = { ...obj, detentions: [{ kind: 'prison', start: '2023-02-30' }] };
const BOUND_MIB = 32;
const STREAM_BOUND_MIB = 64;

/* Pre-trial custody from 2023-03-01 for `days` days, acquitted. */
function short(id, days) {
  return { id, currency: 'EUR', as_of: '2026-03-01', proceedings: { kind: 'criminal', outcome: 'acquitted' },
    detentions: [{ kind: 'pretrial_custody', start: '2023-03-01', end: `2023-03-${String(days).padStart(2, '0')}` }] };
}
const SHORT = short('short', 10);

function* caseload(n) {
  for (let i = 0; i < n; i++) yield short(`c${i}`, 1 + (i % 31));
}

const gc = typeof global.gc === 'function' ? global.gc : () => {};
const rssMiB = () => { gc(); gc(); return process.memoryUsage().rss / 1048576; };

async function drain(stream) {
  let ok = 0;
  for await (const r of stream) ok += r.ok;
  return ok;
}

/* The first rows of a stream over endless cases, then break: the next window is cancelled. */
async function streamBreak() {
  function* endless() { for (;;) yield SHORT; }
  let n = 0;
  for await (const r of rep.batchStream(endless(), ['de-streg', 'nope'])) if (++n === 3) break;
}

/* One round of 10 calls: successes and every kind of error, sync and async (batches, streams
 * and statements in some rounds). */
async function round(i) {
  rep.validate(text);
  rep.estimateSync(text, 'kz-cpc');
  rep.estimateSync(obj, ['kz-cpc', 'jp-cca'], { options: { 'jp-cca.daily_rate': '5000' }, fx: { 'EUR/KZT': '600' } });
  try { rep.validate(bad); } catch (e) { if (!(e instanceof rep.ReparationsError)) throw e; }
  try { rep.estimateSync(text, 'nope'); } catch (e) { if (!(e instanceof rep.ReparationsError)) throw e; }
  try { rep.estimateSync(text, 'kz-cpc', { options: ['kz-cpc.indexation=gold'] }); } catch (e) { if (!(e instanceof rep.ReparationsError)) throw e; }
  if (i % 10 === 0) rep.compareSync(text, null, { reportCurrency: 'EUR', fx: ['EUR/KZT=600', 'USD/KZT=520', 'USD/UZS=12000', 'EUR/USD=1.17'] });
  else if (i % 10 === 3) rep.statementSync(text, ['kz-cpc', 'kz-reform'], { lang: 'ru' });
  else if (i % 10 === 5) rep.batchSync([text, '{bad', bad, obj], ['kz-cpc', 'nope'], { fields: 'lines', jobs: 2 });
  else if (i % 10 === 7) await rep.batch([obj, bad, text], ['kz-cpc', 'jp-cca'], { asOf: '2026-03-01' });
  else if (i % 20 === 9) await streamBreak();
  else if (i % 20 === 19) await drain(rep.batchStream([SHORT], 'de-streg', { options: ['de-streg.nope=1'] })).catch((e) => { if (!(e instanceof rep.ReparationsError)) throw e; });
  else if (i % 10 === 1) await drain(rep.batchStream([text, '{bad', bad], 'kz-cpc', { fields: 'lines', fx: { 'EUR/KZT': '600' } }));
  else rep.validate(obj);
  await rep.estimate(text, 'kz-cpc');
  await rep.estimate(bad, 'kz-cpc').catch((e) => { if (!(e instanceof rep.ReparationsError)) throw e; });
  await rep.validateAsync(text);
}

test('resident memory stays bounded over 100,000 calls', async () => {
  assert.equal(typeof global.gc, 'function', 'run with --expose-gc');
  for (let i = 0; i < 1000; i++) await round(i);     // warm-up: 10,000 calls
  const before = rssMiB();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < 9000; i++) await round(i);     // 90,000 calls
  const after = rssMiB();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const growth = after - before;
  console.log(`# RSS ${before.toFixed(1)} MiB -> ${after.toFixed(1)} MiB (+${growth.toFixed(1)} MiB) over 90,000 calls after 10,000 (${seconds.toFixed(1)} s)`);
  assert.ok(growth < BOUND_MIB, `RSS grew by ${growth.toFixed(1)} MiB over 90,000 calls (bound ${BOUND_MIB} MiB)`);
});

test('batchStream: 20,000 cases in bounded memory', async () => {
  const opts = { jobs: 2, fields: 'lines' };
  assert.equal(await drain(rep.batchStream(caseload(10000), ['de-streg', 'us-federal'], opts)), 20000); // warm-up
  const before = rssMiB();
  let peak = before;
  let rows = 0;
  for await (const r of rep.batchStream(caseload(20000), ['de-streg', 'us-federal'], opts)) {
    if (!r.ok) throw new Error(r.error_message);
    if (++rows % 1000 === 0) peak = Math.max(peak, rssMiB());
  }
  const growth = Math.max(peak, rssMiB()) - before;
  console.log(`# batchStream: RSS ${before.toFixed(1)} MiB, at most +${growth.toFixed(1)} MiB over 40,000 rows with their lines`);
  assert.equal(rows, 40000);
  assert.ok(growth < STREAM_BOUND_MIB, `RSS grew by ${growth.toFixed(1)} MiB (bound ${STREAM_BOUND_MIB} MiB)`);
});
