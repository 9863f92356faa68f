'use strict';
/* Every golden case of tests/cases/*.expected.json through the binding: the figures the
 * expected file names (the subset rule of tests/golden.py), and each estimate equal to the
 * CLI's JSON for the same arguments, field for field; sync and async alike. */
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { ROOT, cli, rep } = require('./helpers');

const CASES = path.join(ROOT, 'tests', 'cases');

/* The first place where `expected` is not found in `actual` (tests/golden.py's rule), or null. */
function subsetMismatch(expected, actual, where = '$') {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      return `${where}: expected ${expected.length} items, got ${Array.isArray(actual) ? actual.length : 'not a list'}`;
    }
    for (let i = 0; i < expected.length; i++) {
      const m = subsetMismatch(expected[i], actual[i], `${where}[${i}]`);
      if (m) return m;
    }
    return null;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return `${where}: expected an object`;
    for (const [k, v] of Object.entries(expected)) {
      if (k === 'arithmetic') continue;
      if (!(k in actual)) return `${where}.${k}: missing`;
      const m = subsetMismatch(v, actual[k], `${where}.${k}`);
      if (m) return m;
    }
    return null;
  }
  return expected === actual ? null : `${where}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}

/* Sum of decimal strings, exactly (as scaled BigInts). */
function sumDecimals(values) {
  const scale = Math.max(0, ...values.map((v) => (v.split('.')[1] || '').length));
  const toInt = (v) => {
    const [i, f = ''] = v.split('.');
    return BigInt(i + f.padEnd(scale, '0'));
  };
  return values.reduce((a, v) => a + toInt(v), 0n);
}

function sameAmount(a, b) {
  return sumDecimals([a]) * 10n ** 40n / 10n ** BigInt((a.split('.')[1] || '').length) ===
    sumDecimals([b]) * 10n ** 40n / 10n ** BigInt((b.split('.')[1] || '').length);
}

const specs = fs.readdirSync(CASES).filter((f) => f.endsWith('.expected.json')).sort();

test('there are golden cases to check', () => {
  assert.ok(specs.length >= 30, `only ${specs.length} golden cases found in ${CASES}`);
});

for (const file of specs) {
  test(`golden ${file}`, async () => {
    const spec = JSON.parse(fs.readFileSync(path.join(CASES, file), 'utf8'));
    const casePath = path.join(CASES, spec.case);
    const caseObj = JSON.parse(fs.readFileSync(casePath, 'utf8'));
    for (const exp of spec.estimates) {
      const options = [...(spec.options || []), ...(exp.options || [])];
      const fx = spec.fx || [];
      const cliArgs = ['estimate', casePath, '--scheme', exp.scheme];
      for (const o of options) cliArgs.push('--option', o);
      for (const f of fx) cliArgs.push('--fx', f);
      const want = cli(...cliArgs).estimates[0];

      const opts = { options, fx: fx.length ? fx : undefined };
      const fromPath = rep.estimateSync(casePath, exp.scheme, opts);
      const fromObject = await rep.estimate(caseObj, exp.scheme, opts);
      const fromText = await rep.estimate(fs.readFileSync(casePath, 'utf8'), [exp.scheme], opts);
      assert.deepEqual(fromPath, want, `${file} / ${exp.scheme}: the binding differs from the CLI`);
      assert.deepEqual(fromObject, want, `${file} / ${exp.scheme}: from an object`);
      assert.deepEqual(fromText, [want], `${file} / ${exp.scheme}: from JSON text`);

      const { options: _o, ...figures } = exp;
      const m = subsetMismatch(figures, fromObject);
      assert.equal(m, null, `${file} / ${exp.scheme}: ${m}`);
      assert.ok(sameAmount(sumOf(fromObject.lines), fromObject.total),
        `${file} / ${exp.scheme}: the lines do not add up to the total`);
    }
  });
}

/* The lines' amounts added exactly, as a decimal string with the lines' scale. */
function sumOf(lines) {
  const values = lines.map((l) => l.amount);
  const scale = Math.max(0, ...values.map((v) => (v.split('.')[1] || '').length));
  const n = sumDecimals(values);
  const neg = n < 0n;
  const digits = (neg ? -n : n).toString().padStart(scale + 1, '0');
  const s = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return neg ? `-${s}` : s;
}

test('compare: the bundled Kazakh case equals the CLI, row for row', async () => {
  const kz = path.join(ROOT, 'examples', 'cases', 'kz-activist.json');
  const fxFile = path.join(ROOT, 'examples', 'cases', 'kz-activist.fx');
  const want = cli('compare', kz, '--all', '--report-currency', 'EUR', '--fx-file', fxFile);
  const got = await rep.compare(kz, null, { reportCurrency: 'EUR', fx: fxFile });
  assert.deepEqual(got, want);
  assert.deepEqual(rep.compareSync(kz, null, { reportCurrency: 'EUR', fx: fxFile }), want);
  // kz-reform's total is the golden file's hand-checked figure (tests/cases/kz-activist.expected.json)
  const golden = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'cases', 'kz-activist.expected.json'), 'utf8'));
  const reform = got.comparison.find((r) => r.scheme === 'kz-reform');
  assert.equal(reform.total, golden.estimates.find((x) => x.scheme === 'kz-reform' && x.total).total);
  assert.match(reform.report_total, /^[0-9]+\.[0-9]{2}$/);
  const some = await rep.compare(kz, ['kz-cpc', 'kz-reform']);
  assert.deepEqual(some, cli('compare', kz, '--schemes', 'kz-cpc,kz-reform'));
});
