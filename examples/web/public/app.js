'use strict';
/* The intake form: builds the case in the library's JSON vocabulary (docs/case-format.md),
 * checks what can be checked here (required fields, dates, amounts), posts it to
 * /api/compare, shows each error next to its field, and renders the headline and the table.
 * Amounts stay strings from the input to the table: never a JS number. */
(function () {
  const I18N = window.I18N;
  let lang = 'en';
  const $ = (sel, root = document) => root.querySelector(sel);
  const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));
  const t = (key) => I18N[lang][key] !== undefined ? I18N[lang][key] : I18N.en[key];

  const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
  const AMOUNT_RE = /^\d+(\.\d+)?$/;
  /* Which inputs a harm of each category has (docs/case-format.md). */
  const HARM_FIELDS = {
    lost_earnings: ['monthly', 'start', 'end'],
    lost_earning_capacity: ['annual', 'years', 'growth', 'discount_rate', 'start'],
    property: ['amount', 'date', 'disposition'],
  };
  const harmFields = (cat) => HARM_FIELDS[cat] || ['amount', 'date'];

  // ---- language ----

  function fillOptions(select) {
    const table = t(select.dataset.options);
    const value = select.value;
    select.textContent = '';
    for (const [v, label] of Object.entries(table)) {
      const o = document.createElement('option');
      o.value = v;
      o.textContent = label;
      select.appendChild(o);
    }
    if (value && table[value] !== undefined) select.value = value;
  }

  function applyLang(l) {
    lang = I18N[l] ? l : 'en';
    document.documentElement.lang = lang;
    document.title = t('title');
    for (const el of $$('[data-i18n]')) el.textContent = t(el.dataset.i18n);
    for (const s of $$('select[data-options]')) fillOptions(s);
    for (const b of $$('button.lang')) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
    if (lastResult) render(lastResult);
  }

  // ---- rows ----

  function instantiate(id) {
    const node = $(`#${id}`).content.firstElementChild.cloneNode(true);
    for (const el of $$('[data-i18n]', node)) el.textContent = t(el.dataset.i18n);
    for (const s of $$('select[data-options]', node)) fillOptions(s);
    return node;
  }

  /* Paths follow the rows' order: detentions[0].start, harms[2].amount, ... */
  function renumber() {
    $$('#periods .period').forEach((row, i) => setPaths(row, `detentions[${i}]`));
    $$('#harms .harm').forEach((row, i) => setPaths(row, `harms[${i}]`));
  }

  function setPaths(row, prefix) {
    row.dataset.path = prefix;
    for (const f of $$('.field', row)) {
      const input = $('[data-key]', f);
      const p = `${prefix}.${input.dataset.key}`;
      input.dataset.path = p;
      input.id = `f-${p.replace(/[^\w]+/g, '-')}`;
      $('label', f).htmlFor = input.id;
      $('.err', f).dataset.err = p;
    }
  }

  function addPeriod(values = {}) {
    const row = instantiate('period-row');
    for (const [k, v] of Object.entries(values)) { const el = $(`[data-key="${k}"]`, row); if (el && v != null) el.value = v; }
    $('.remove', row).addEventListener('click', () => { row.remove(); renumber(); });
    $('#periods').appendChild(row);
    renumber();
    return row;
  }

  function showHarmFields(row) {
    const cat = $('[data-key="category"]', row).value;
    const want = harmFields(cat);
    for (const f of $$('[data-for]', row)) f.hidden = !want.includes(f.dataset.for);
  }

  function addHarm(values = {}) {
    const row = instantiate('harm-row');
    const cat = $('[data-key="category"]', row);
    if (values.category) cat.value = values.category;
    for (const [k, v] of Object.entries(values)) { const el = $(`[data-key="${k}"]`, row); if (el && v != null && k !== 'category') el.value = v; }
    cat.addEventListener('change', () => showHarmFields(row));
    showHarmFields(row);
    $('.remove', row).addEventListener('click', () => { row.remove(); renumber(); });
    $('#harms').appendChild(row);
    renumber();
    return row;
  }

  // ---- the case ----

  function setPath(obj, p, v) {
    const keys = p.split('.');
    let o = obj;
    for (const k of keys.slice(0, -1)) o = o[k] = o[k] || {};
    o[keys.at(-1)] = v;
  }

  function collect() {
    const c = {};
    for (const el of $$('#intake [data-path]')) {
      if (el.closest('.row')) continue; // rows below
      const p = el.dataset.path;
      if (el.type === 'checkbox') setPath(c, p, el.checked);
      else if (el.value.trim() !== '') setPath(c, p, p === 'torture.cc146_part' ? Number(el.value) : el.value.trim());
    }
    c.detentions = $$('#periods .period').map((row) => {
      const d = {};
      for (const el of $$('[data-key]', row)) if (el.value.trim() !== '') d[el.dataset.key] = el.value.trim();
      return d;
    });
    c.harms = $$('#harms .harm').map((row) => {
      const h = {};
      const cat = $('[data-key="category"]', row).value;
      const keep = new Set(['category', 'description', ...harmFields(cat)]);
      for (const el of $$('[data-key]', row)) {
        if (keep.has(el.dataset.key) && el.value.trim() !== '') h[el.dataset.key] = el.value.trim();
      }
      return h;
    });
    return c;
  }

  // ---- errors next to the fields ----

  function clearErrors() {
    for (const s of $$('.err')) s.textContent = '';
    for (const el of $$('[aria-invalid]')) el.removeAttribute('aria-invalid');
  }

  /* Put `message` next to the field at `p` (a JSON path in the case, or "@member" for a
   * member of the request); the nearest enclosing field when there is no input for it. */
  function markError(p, message) {
    let span = $$('.err[data-err]').find((s) => s.dataset.err === p);
    if (!span) span = $$('.err[data-err]').find((s) => s.dataset.err.startsWith(`${p}.`));
    let q = p;
    while (!span && /[.[]/.test(q)) {
      q = q.replace(/(\.[^.[\]]*|\[\d+\])$/, '');
      span = $$('.err[data-err]').find((s) => s.dataset.err === q || s.dataset.err.startsWith(`${q}.`));
    }
    if (!span) span = $('#form-error');
    span.textContent = span.textContent ? `${span.textContent} ${message}` : message;
    const input = span.parentElement && $('[data-path], input, select, textarea', span.parentElement);
    if (input && span.id !== 'form-error') input.setAttribute('aria-invalid', 'true');
    return span;
  }

  function checkHere() {
    let n = 0;
    const bad = (el, msg) => { markError(el.dataset.path, msg); n++; };
    const id = $('#f-id');
    if (!id.value.trim()) bad(id, t('required'));
    for (const el of $$('#intake [data-type="date"]')) {
      if (el.closest('[hidden]')) continue;
      if (el.value.trim() && !DATE_RE.test(el.value.trim())) bad(el, t('bad_date'));
    }
    for (const el of $$('#intake [data-type="amount"]')) {
      if (el.closest('[hidden]')) continue;
      if (el.value.trim() && !AMOUNT_RE.test(el.value.trim())) bad(el, t('bad_amount'));
    }
    for (const row of $$('#periods .period')) {
      const s = $('[data-key="start"]', row);
      if (!s.value.trim()) bad(s, t('required'));
    }
    return n;
  }

  // ---- results ----

  let lastResult = null;

  /* "46055751.38" -> "46 055 751.38" (thin spaces), from the string: no float on the way. */
  function fmt(s) {
    if (s == null || s === '') return '';
    const neg = s.startsWith('-');
    const [i, f] = s.replace(/^-/, '').split('.');
    const g = i.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
    return (neg ? '-' : '') + g + (f !== undefined ? `.${f}` : '');
  }

  function amountCell(tr, value, cls) {
    const td = document.createElement('td');
    td.className = `num ${cls}`;
    if (value != null) { td.dataset.amount = value; td.textContent = fmt(value); }
    tr.appendChild(td);
    return td;
  }

  function headlineItem(dl, key, item, rc) {
    const dt = document.createElement('dt');
    dt.textContent = t(key);
    const dd = document.createElement('dd');
    dd.dataset.role = key;
    if (!item) {
      dd.textContent = key === 'reform' ? t('no_reform') : t('not_available');
    } else {
      const main = document.createElement('span');
      main.className = 'amount';
      main.dataset.amount = item.total;
      main.dataset.currency = item.currency;
      main.textContent = `${fmt(item.total)} ${item.currency}`;
      dd.appendChild(main);
      if (rc && item.report_total != null) dd.append(` (${fmt(item.report_total)} ${rc})`);
      dd.append(` — ${t('via')} ${item.scheme}`);
      if (!item.eligible && item.total_if_eligible) dd.append(`; ${t('would_be')} ${fmt(item.total_if_eligible)} ${item.currency}`);
      dd.dataset.scheme = item.scheme;
    }
    dl.append(dt, dd);
  }

  function render(r) {
    lastResult = r;
    $('#results').hidden = false;
    const dl = $('#headline');
    dl.textContent = '';
    const h = r.headline;
    headlineItem(dl, 'domestic', h.domestic, r.report_currency);
    headlineItem(dl, 'reform', h.reform, r.report_currency);
    headlineItem(dl, 'international', h.international, r.report_currency);
    if (h.gap) {
      const dt = document.createElement('dt');
      dt.textContent = t('gap');
      const dd = document.createElement('dd');
      dd.className = 'gap';
      dd.dataset.role = 'gap';
      dd.dataset.amount = h.gap.amount;
      dd.textContent = `${fmt(h.gap.amount)} ${h.gap.currency}` + (h.gap.report_amount ? ` (${fmt(h.gap.report_amount)} ${r.report_currency})` : '');
      dl.append(dt, dd);
    }
    const thead = $('#table thead');
    const rc = r.report_currency;
    thead.innerHTML = '';
    const hr = document.createElement('tr');
    for (const [k, cls] of [['th_scheme'], ['th_status'], ['th_eligible'], ['th_total', 'num'], ['th_per_day', 'num'],
      ...(rc ? [['th_report', 'num']] : []), ['th_reason']]) {
      const th = document.createElement('th');
      th.textContent = k === 'th_report' ? `${t(k)} ${rc}` : t(k);
      if (cls) th.className = cls;
      hr.appendChild(th);
    }
    thead.appendChild(hr);
    const tbody = $('#table tbody');
    tbody.textContent = '';
    for (const row of r.rows) {
      const tr = document.createElement('tr');
      tr.dataset.scheme = row.scheme;
      if (row.ok && !row.eligible) tr.className = 'barred';
      const name = document.createElement('td');
      name.innerHTML = '<strong></strong><br><small></small>';
      name.firstChild.textContent = row.scheme;
      name.lastChild.textContent = row.name;
      const status = document.createElement('td');
      status.textContent = row.status;
      const elig = document.createElement('td');
      elig.textContent = row.ok ? (row.eligible ? t('yes') : t('no')) : t('error');
      tr.append(name, status, elig);
      const tot = amountCell(tr, row.ok ? row.total : null, 'total');
      if (row.ok) tot.append(` ${row.currency}`);
      amountCell(tr, row.ok ? row.per_day : null, 'per-day');
      if (rc) amountCell(tr, row.ok ? row.report_total : null, 'report-total');
      const why = document.createElement('td');
      why.className = 'reason';
      why.textContent = row.ok ? (row.reason || '') : row.error;
      if (row.ok && !row.eligible && row.total_if_eligible) why.textContent += ` (${t('would_be')} ${fmt(row.total_if_eligible)} ${row.currency})`;
      tr.appendChild(why);
      tbody.appendChild(tr);
    }
  }

  async function submit(ev) {
    ev.preventDefault();
    clearErrors();
    if (checkHere()) {
      $('#form-error').textContent = t('errors_above');
      return;
    }
    const body = requestBody();
    lastBody = body;
    $('#statement-status').textContent = '';
    const button = $('#submit');
    button.disabled = true;
    button.textContent = t('working');
    try {
      const res = await fetch('/api/compare', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      const doc = await res.json();
      if (!res.ok) {
        showServerError(doc, res.status);
        $('#results').hidden = true;
        return;
      }
      render(doc);
    } catch (err) {
      $('#form-error').textContent = `${t('server_error')} ${err.message}`;
    } finally {
      button.disabled = false;
      button.textContent = t('submit');
    }
  }

  /* The request of the last comparison, for the statement: the same case, schemes and rates. */
  let lastBody = null;

  function showServerError(doc, status) {
    const e = (doc && doc.error) || {};
    const where = e.path || (e.field && !e.field.startsWith('case') ? `@${e.field}` : (e.field || '').replace(/^case\.?/, ''));
    markError(where || '@body', e.message || `${status}`);
    if (!$('#form-error').textContent) $('#form-error').textContent = t('errors_above');
  }

  /* The printable statement: the library's own HTML page of the same comparison, in the page's
   * current language, saved as a file (it is made to be printed: open it and print to paper or PDF). */
  async function statement() {
    if (!lastBody) return;
    const body = { ...lastBody };
    delete body.lang;
    if (lang !== 'en') body.lang = lang;
    const button = $('#statement');
    const status = $('#statement-status');
    button.disabled = true;
    status.textContent = t('working');
    try {
      const res = await fetch('/api/statement', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      if (!res.ok) {
        status.textContent = '';
        showServerError(await res.json().catch(() => null), res.status);
        return;
      }
      const m = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') || '');
      const name = m ? m[1] : 'statement.html';
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      status.textContent = `${t('statement_saved')} ${name}`;
    } catch (err) {
      status.textContent = `${t('server_error')} ${err.message}`;
    } finally {
      button.disabled = false;
    }
  }

  function requestBody() {
    const body = { case: collect() };
    const rc = $('#f-report').value;
    if (rc) body.reportCurrency = rc;
    const fx = $('#f-fx').value.split('\n').map((s) => s.trim()).filter((s) => s && !s.startsWith('#'));
    if (fx.length) body.fx = fx;
    if (lang !== 'en') body.lang = lang; // the library writes its texts (names, reasons) in the page's language
    return body;
  }

  for (const b of $$('button.lang')) b.addEventListener('click', () => applyLang(b.dataset.lang));
  $('#add-period').addEventListener('click', () => addPeriod());
  $('#add-harm').addEventListener('click', () => addHarm());
  $('#intake').addEventListener('submit', submit);
  $('#statement').addEventListener('click', statement);
  const wanted = new URLSearchParams(location.search).get('lang') || (navigator.language || 'en').slice(0, 2);
  applyLang(I18N[wanted] ? wanted : 'en');
  addPeriod();
})();
