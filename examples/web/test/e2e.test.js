'use strict';
/* End to end in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core; no
 * browser is downloaded): fill the intake form with the bundled Kazakh case, submit, and check
 * the rendered totals and the headline against the CLI's; save a screenshot. If Chromium
 * cannot start, this test fails: it never skips. */
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { createServer } = require('../server');

const ROOT = process.env.REPARATIONS_SOURCE_ROOT || path.resolve(__dirname, '..', '..', '..');
const BIN = process.env.REPARATIONS_BIN || path.join(ROOT, 'build', 'tools', 'reparations');
const CHROMIUM = process.env.REPARATIONS_CHROMIUM || '/usr/bin/chromium';
const SHOTS = process.env.REPARATIONS_SCREENSHOT_DIR || os.tmpdir();
const KZ = path.join(ROOT, 'examples', 'cases', 'kz-activist.json');
const KZ_FX = path.join(ROOT, 'examples', 'cases', 'kz-activist.fx');

let chromium;
try {
  ({ chromium } = require('playwright-core'));
} catch (e) {
  throw new Error(`playwright-core is not installed in examples/web (run: cd examples/web && npm ci): ${e.message}`);
}

let server, base, context, profile;

test.before(async () => {
  server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'rep-chromium-'));
  // a fresh user-data-dir; the flags keep Chromium from calling out of this closed machine
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    timeout: 60000,
  });
});

test.after(async () => {
  if (context) await context.close();
  if (server) await new Promise((resolve) => server.close(resolve));
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
});

/* Fill the form through its controls, as a person would, from a case in the JSON vocabulary. */
async function fillCase(page, c, fxText) {
  await page.fill('#f-id', c.id);
  await page.selectOption('#f-currency', c.currency);
  await page.fill('#f-as_of', c.as_of || '');
  await page.fill('#f-description', c.description || '');
  const p = c.proceedings || {};
  await page.selectOption('#f-kind', p.kind || 'criminal');
  await page.selectOption('#f-outcome', p.outcome || 'pending');
  for (const k of ['decision_date', 'notice_date', 'application_date']) await page.fill(`#f-${k}`, p[k] || '');
  for (const k of ['coerced_confession', 'self_incrimination', 'arbitrary_detention_finding', 'death_sentence']) {
    await page.setChecked(`#f-${k}`, Boolean(p[k]));
  }
  if (c.torture) {
    await page.selectOption('#f-cc146_part', String(c.torture.cc146_part || ''));
    await page.fill('#f-victim_recognised', c.torture.victim_recognised || '');
  }
  const periods = c.detentions || [];
  for (let i = 1; i < periods.length; i++) await page.click('#add-period');
  for (const [i, d] of periods.entries()) {
    const row = page.locator('#periods .period').nth(i);
    await row.locator('[data-key="kind"]').selectOption(d.kind);
    await row.locator('[data-key="start"]').fill(d.start);
    await row.locator('[data-key="end"]').fill(d.end || '');
  }
  for (const [i, h] of (c.harms || []).entries()) {
    await page.click('#add-harm');
    const row = page.locator('#harms .harm').nth(i);
    await row.locator('[data-key="category"]').selectOption(h.category);
    for (const [k, v] of Object.entries(h)) {
      if (k === 'category') continue;
      const field = row.locator(`[data-key="${k}"]`);
      if (k === 'disposition') await field.selectOption(v);
      else await field.fill(String(v));
    }
  }
  await page.selectOption('#f-report', 'EUR');
  await page.fill('#f-fx', fxText);
}

test('the Kazakh case through the page gives the CLI totals', async () => {
  const c = JSON.parse(fs.readFileSync(KZ, 'utf8'));
  const cli = JSON.parse(execFileSync(BIN, ['compare', KZ, '--all', '--report-currency', 'EUR', '--fx-file', KZ_FX, '--format', 'json'], { encoding: 'utf8' }));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/?lang=ru`);
  assert.equal(await page.textContent('#submit'), 'Сравнить схемы');
  await fillCase(page, c, fs.readFileSync(KZ_FX, 'utf8'));
  await page.click('#submit');
  await page.waitForSelector('#results:not([hidden]) #table tbody tr');

  const rows = await page.$$eval('#table tbody tr', (trs) => trs.map((tr) => ({
    scheme: tr.dataset.scheme,
    total: tr.querySelector('td.total') && tr.querySelector('td.total').dataset.amount,
    totalText: tr.querySelector('td.total') && tr.querySelector('td.total').textContent,
    report: tr.querySelector('td.report-total') && tr.querySelector('td.report-total').dataset.amount,
  })));
  assert.deepEqual(rows.map((r) => r.scheme), cli.comparison.map((r) => r.scheme));
  // the page asked for Russian: the library's reasons are in Russian
  assert.match(await page.$eval('#table tbody tr[data-scheme="kz-cpc"] .reason', (e) => e.textContent), /амнист/);
  for (const [i, want] of cli.comparison.entries()) {
    assert.equal(rows[i].total, want.total, `${want.scheme}: total`);
    assert.equal(rows[i].report, want.report_total, `${want.scheme}: total in EUR`);
  }
  // the shown text is the same figure, grouped with narrow spaces: 45962238.73 -> 45 962 238.73 KZT
  const reform = rows.find((r) => r.scheme === 'kz-reform');
  const [int, frac] = reform.total.split('.');
  assert.equal(reform.totalText, `${int.replace(/\B(?=(\d{3})+$)/g, '\u202f')}.${frac} KZT`);

  const headline = await page.$$eval('#headline dd', (dds) => Object.fromEntries(dds.map((d) => [d.dataset.role,
    { scheme: d.dataset.scheme, amount: (d.querySelector('.amount') || d).dataset.amount }])));
  const by = Object.fromEntries(cli.comparison.map((r) => [r.scheme, r]));
  assert.deepEqual(headline.domestic, { scheme: 'kz-victims-fund', amount: by['kz-victims-fund'].total });
  assert.deepEqual(headline.reform, { scheme: 'kz-reform', amount: by['kz-reform'].total });
  assert.deepEqual(headline.international, { scheme: 'intl-un', amount: by['intl-un'].total });
  // the gap is international minus domestic, in exact cents
  const cents = (t) => BigInt(t.replace('.', ''));
  const gap = cents(by['intl-un'].total) - cents(by['kz-victims-fund'].total);
  assert.equal(headline.gap.amount, `${gap / 100n}.${String(gap % 100n).padStart(2, '0')}`);

  // the printable statement of the same comparison, downloaded as the page's button offers it
  assert.equal(await page.textContent('#statement'), 'Документ для печати');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#statement')]);
  assert.equal(download.suggestedFilename(), 'statement-kz-activist-2022.html');
  const html = fs.readFileSync(await download.path(), 'utf8');
  assert.ok(html.startsWith('<!DOCTYPE html>'));
  assert.match(html, /<html lang="ru">/);
  assert.match(html, /Расчёт возмещения: дело kz-activist-2022/);
  // 46346352.04 -> "46 346 352,04" in the Russian statement
  const [ri, rf] = by['kz-reform'].total.split('.');
  assert.match(html, new RegExp(ri.replace(/\B(?=(\d{3})+$)/g, '|').split('|').join('[\\s\\u00a0\\u202f]') + ',' + rf));
  assert.match(await page.textContent('#statement-status'), /statement-kz-activist-2022\.html/);

  fs.mkdirSync(SHOTS, { recursive: true });
  const shot = path.join(SHOTS, 'intake-kz-activist.png');
  await page.screenshot({ path: shot, fullPage: true });
  assert.ok(fs.statSync(shot).size > 10000, 'the screenshot was written');
  console.log(`# screenshot: ${shot}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('errors appear next to their fields (here and from the library), in Kazakh', async () => {
  const page = await context.newPage();
  await page.goto(`${base}/?lang=kk`);
  assert.equal(await page.textContent('#add-period'), 'Кезең қосу');
  await page.fill('#f-id', 'bad-case');
  await page.selectOption('#f-outcome', 'acquitted');
  const row = page.locator('#periods .period').nth(0);
  await row.locator('[data-key="start"]').fill('2022-02-30'); // well-formed, but no such day: the library says so
  await page.click('#add-harm');
  const harm = page.locator('#harms .harm').nth(0);
  await harm.locator('[data-key="category"]').selectOption('legal_costs');
  await harm.locator('[data-key="amount"]').fill('800 000'); // a space: caught on the page
  await page.click('#submit');
  const amountErr = harm.locator('.err[data-err="harms[0].amount"]');
  assert.match(await amountErr.textContent(), /бос орынсыз/);
  assert.equal(await harm.locator('[data-key="amount"]').getAttribute('aria-invalid'), 'true');

  await harm.locator('[data-key="amount"]').fill('800000');
  await harm.locator('[data-key="date"]').fill('2022-06-01');
  await page.click('#submit');
  const dateErr = row.locator('.err[data-err="detentions[0].start"]');
  await dateErr.waitFor({ state: 'visible' });
  assert.match(await dateErr.textContent(), /^detentions\[0\]\.start: 2022-02-30 is not a valid date/);
  assert.equal(await row.locator('[data-key="start"]').getAttribute('aria-invalid'), 'true');
  assert.equal(await amountErr.textContent(), '');
  assert.ok(await page.locator('#results').isHidden());
  await page.close();
});
