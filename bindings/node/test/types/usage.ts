// Type-checked (not run) by the node-types test: the declarations in index.d.ts must accept
// the documented uses and reject the wrong ones (each @ts-expect-error must be an error).
import * as rep from '../../index';

async function main(): Promise<void> {
  const e: rep.Estimate = await rep.estimate('case.json', 'kz-cpc', { asOf: '2026-03-01', options: { 'kz-cpc.indexation': 'mci' } });
  const total: string = e.total;
  const days: number = e.days;
  const es: rep.Estimate[] = await rep.estimate({ id: 'x', currency: 'KZT' }, ['kz-cpc', 'kz-reform']);
  const s: rep.Estimate = rep.estimateSync(Buffer.from('{}'), 'kz-cpc', { fx: { 'EUR/KZT': ['520', '2026-01-01'] }, lang: 'en' });
  const c: rep.Comparison = await rep.compare('case.json', null, { reportCurrency: 'EUR', fx: ['USD/KZT=520'] });
  const row: rep.ComparisonRow = c.comparison[0];
  const r: string | undefined = row.report_total;
  const cs: rep.Comparison = rep.compareSync({ id: 'x', currency: 'KZT', harms: [{ category: 'legal_costs', amount: '800000', date: '2022-06-01' }] });
  const schemes: rep.Scheme[] = rep.schemes();
  const list: rep.SeriesInfo[] = rep.refdata();
  const mci: rep.Series = rep.refdata('KZ.MCI');
  const info: rep.CaseInfo = rep.validate('case.json');
  const info2: rep.CaseInfo = await rep.validateAsync('case.json', { asOf: '2026-03-01' });
  const v: string = rep.version;
  const withBig = rep.estimateSync({ id: 'x', currency: 'KZT', harms: [{ category: 'legal_costs', amount: 800000n }] });
  try {
    rep.validate('{}');
  } catch (err) {
    if (err instanceof rep.ReparationsError) {
      const code: string = err.code;
      const p: string = err.path;
      console.log(code, p, err.stage, err.status, err.message);
    }
  }
  // @ts-expect-error: a JS number is not an amount
  rep.estimateSync({ id: 'x', currency: 'KZT', harms: [{ category: 'legal_costs', amount: 800000 }] });
  const ru: rep.Comparison = await rep.compare('case.json', null, { lang: 'ru' });
  const kk: rep.Estimate = await rep.estimate('case.json', 'kz-cpc', { lang: 'kk' });
  console.log(ru.lang, ru.untranslated, kk.total);
  // @ts-expect-error: German is not available
  await rep.estimate('case.json', 'kz-cpc', { lang: 'de' });
  // @ts-expect-error: an estimate of one scheme is not an array
  const wrong: rep.Estimate[] = await rep.estimate('case.json', 'kz-cpc');
  const rows: rep.BatchRow[] = await rep.batch(['a.json', { id: 'b', currency: 'EUR' }], ['de-streg', 'us-federal'], { jobs: 2, asOf: '2026-01-01' });
  const t: string | null = rows[0].total;
  const heads: Record<string, string> | null = rep.batchSync(['a.json'], 'de-streg', { fields: 'lines' })[0].heads;
  // @ts-expect-error: fields is "totals" or "lines"
  rep.batchSync(['a.json'], 'de-streg', { fields: 'all' });
  async function* lines(): AsyncGenerator<string> { yield '{"id": "a", "currency": "EUR"}'; }
  for await (const row of rep.batchStream(lines(), ['de-streg'], { jobs: 2, fields: 'lines' })) {
    const st: string = row.status;
    const amount: string | undefined = row.lines?.[0]?.amount;
    console.log(st, amount, row.index);
  }
  const streamed: AsyncIterable<rep.BatchRow> = rep.batchStream([{ id: 'b', currency: 'EUR' }], 'de-streg');
  // @ts-expect-error: one case is not a list of cases
  rep.batchStream({ id: 'b', currency: 'EUR' }, 'de-streg');
  // @ts-expect-error: rows come one at a time, not as an array
  const notArray: rep.BatchRow[] = rep.batchStream(['a.json'], 'de-streg');
  console.log(streamed, notArray);
  const html: string = await rep.statement('case.json', null, { lang: 'ru', reportCurrency: 'EUR' });
  const html2: string = rep.statementSync('case.json', ['kz-cpc']);
  console.log(t, heads, html, html2);
  console.log(total, days, es, s, r, cs, schemes, list, mci, info, info2, v, withBig, wrong, rep.withDecimals(e));
}
main();
