'use strict';
/* statement() and statementSync(): the library's printable HTML statement of a comparison. */
const test = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('child_process');
const { rep, casePath, BIN } = require('./helpers');

const CASE = casePath('examples', 'cases', 'kz-activist.json');
const SCHEMES = ['kz-cpc', 'kz-reform', 'intl-un'];

/* A total as the statement prints it: 46346352.04 -> "46,346,352.04" (en) or
 * "46 346 352,04" (ru, kk: a space of any kind between groups, a decimal comma). */
function printed(total, lang) {
  const [int, frac] = total.split('.');
  const groups = int.replace(/\B(?=(\d{3})+(?!\d))/g, '|').split('|');
  const sep = lang === 'en' ? ',' : '[\\s\\u00a0\\u202f]';
  if (frac === undefined) return new RegExp(groups.join(sep) + '(?![\\d.,])');
  return new RegExp(groups.join(sep) + (lang === 'en' ? '\\.' : ',') + frac);
}

test('the statement holds every scheme total, in English and in Russian', async () => {
  const cmp = rep.compareSync(CASE, SCHEMES);
  const en = await rep.statement(CASE, SCHEMES);
  assert.equal(en, rep.statementSync(CASE, SCHEMES));
  assert.ok(en.startsWith('<!DOCTYPE html>'), en.slice(0, 40));
  assert.match(en, /<html lang="en">/);
  assert.match(en, /Compensation statement: case kz-activist-2022/);
  assert.ok(en.trimEnd().endsWith('</html>'));
  assert.equal(cmp.comparison.length, 3);
  for (const r of cmp.comparison) {
    assert.match(en, new RegExp(`\\[${r.scheme}\\]`));
    if (r.total) assert.match(en, printed(r.total, 'en'), `${r.scheme} ${r.total}`);
  }
  // the reform scenario pays something: the test would notice a statement without figures
  assert.ok(Number(cmp.comparison.find((r) => r.scheme === 'kz-reform').total) > 0);

  const ru = await rep.statement(CASE, SCHEMES, { lang: 'ru' });
  assert.ok(ru.startsWith('<!DOCTYPE html>'));
  assert.match(ru, /<html lang="ru">/);
  assert.match(ru, /Расчёт возмещения: дело kz-activist-2022/);
  assert.match(ru, /сценарий реформы/);
  for (const r of cmp.comparison) if (r.total) assert.match(ru, printed(r.total, 'ru'), `${r.scheme} ${r.total}`);
  assert.doesNotMatch(ru, /Compensation statement/);
});

test('statement with a reporting currency, and its errors', async () => {
  const html = await rep.statement(CASE, null, { reportCurrency: 'EUR', fx: casePath('examples', 'cases', 'kz-activist.fx') });
  assert.ok(html.startsWith('<!DOCTYPE html>'));
  assert.match(html, /EUR/);
  await assert.rejects(rep.statement(CASE, ['kz-cpc', 'nope']), (e) => e instanceof rep.ReparationsError && e.path === 'schemes[1]');
  await assert.rejects(rep.statement(CASE, SCHEMES, { lang: 'fr' }), (e) => e instanceof rep.ReparationsError && e.path === 'lang');
  assert.throws(() => rep.statementSync('{"id": "x", "detentions": [{"start": "2023-02-30"}]}', SCHEMES),
    (e) => e instanceof rep.ReparationsError && e.path.startsWith('detentions[0]'));
});

test('the same page as `reparations compare --format html`, byte for byte', async () => {
  const fx = casePath('examples', 'cases', 'kz-activist.fx');
  for (const lang of ['ru', 'kk', 'en']) {
    const cli = execFileSync(BIN, ['compare', CASE, '--all', '--report-currency', 'EUR', '--fx-file', fx, '--lang', lang,
      '--format', 'html'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    assert.equal(await rep.statement(CASE, null, { reportCurrency: 'EUR', fx, lang }), cli, lang);
  }
});
