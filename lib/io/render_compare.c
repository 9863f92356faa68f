/* Rendering a comparison: JSON, a table for the terminal, CSV, Markdown
 * and the HTML statement (render_html.c). */
#include <stdio.h>
#include <string.h>

#include "compare_internal.h"
#include "internal.h"
#include "io/render.h"

static const char *jt(rep_rctx *r, const char *s)
{
	return r ? RD(r, s) : s;
}

static void json_row(yajl_gen g, const rep_comparison_row *row, rep_rctx *r)
{
	yajl_gen_map_open(g);
	rep_json_kv(g, "scheme", row->scheme);
	rep_json_kv(g, "name", jt(r, row->name));
	rep_json_kv(g, "status", row->status);
	rep_json_kv(g, "currency", row->currency);
	rep_json_str(g, "ok");
	yajl_gen_bool(g, row->ok);
	if (row->error)
		rep_json_kv(g, "error", row->error);
	if (row->total) {
		rep_json_str(g, "eligible");
		yajl_gen_bool(g, row->eligible);
		if (row->reason)
			rep_json_kv(g, "reason", jt(r, row->reason));
		rep_json_kv(g, "total", row->total);
		if (row->total_if_eligible[0])
			rep_json_kv(g, "total_if_eligible", row->total_if_eligible);
		rep_json_str(g, "days");
		yajl_gen_integer(g, row->days);
		if (row->per_day && *row->per_day)
			rep_json_kv(g, "per_day", row->per_day);
	}
	if (row->report_total) {
		rep_json_kv(g, "report_total", row->report_total);
		if (row->report_per_day)
			rep_json_kv(g, "report_per_day", row->report_per_day);
		rep_json_kv(g, "fx_rate", row->fx_rate);
		rep_json_kv(g, "fx_source", jt(r, row->fx_source));
	}
	yajl_gen_map_close(g);
}

static rep_status render_json(rep_buf *b, rep_rctx *r, const rep_comparison *cmp)
{
	yajl_gen g = rep_json_gen_new();
	if (!g)
		return REP_ENOMEM;
	rep_rctx *tr = r->tr.lang == REP_LANG_EN ? NULL : r;
	for (size_t i = 0; tr && i < cmp->n; i++)
		for (size_t k = 0; cmp->estimates[i] && k < rep_estimate_refpoint_count(cmp->estimates[i]); k++)
			rep_tr_exempt(&tr->tr, rep_estimate_refpoint(cmp->estimates[i], k)->source);
	yajl_gen_map_open(g);
	rep_json_kv(g, "case", cmp->case_id);
	rep_json_kv(g, "as_of", cmp->as_of);
	rep_json_kv(g, "report_currency", cmp->report_currency);
	rep_json_str(g, "comparison");
	yajl_gen_array_open(g);
	for (size_t i = 0; i < cmp->n; i++)
		json_row(g, &cmp->rows[i], tr);
	yajl_gen_array_close(g);
	rep_json_str(g, "estimates");
	yajl_gen_array_open(g);
	for (size_t i = 0; i < cmp->n; i++)
		if (cmp->estimates[i])
			rep_json_estimate(g, cmp->estimates[i], tr);
	yajl_gen_array_close(g);
	rep_json_lang(g, tr);
	yajl_gen_map_close(g);
	rep_status st = rep_json_gen_finish(g, b);
	rep_buf_puts(b, "\n");
	return st;
}

static const char *f1(rep_rctx *r, const char *msgid, const char *a)
{
	const char *caps[] = {a};
	return rep_tr_fmt(&r->tr, msgid, 1, caps);
}

static const char *f2(rep_rctx *r, const char *msgid, const char *a, const char *b)
{
	const char *caps[] = {a, b};
	return rep_tr_fmt(&r->tr, msgid, 2, caps);
}

static const char *f3(rep_rctx *r, const char *msgid, const char *a, const char *b, const char *c)
{
	const char *caps[] = {a, b, c};
	return rep_tr_fmt(&r->tr, msgid, 3, caps);
}

#define TS(x) rep_term_safe(r, x)

static size_t maxw(size_t w, const char *s)
{
	size_t x = rep_utf8_width(s);
	return x > w ? x : w;
}

static void render_table(rep_buf *b, rep_rctx *r, const rep_comparison *cmp)
{
	const char *title = cmp->report_currency
				    ? f3(r, "Case %s — valuation date %s — reporting currency %s", cmp->case_id, cmp->as_of,
					 cmp->report_currency)
				    : f2(r, "Case %s — valuation date %s", cmp->case_id, cmp->as_of);
	rep_buf_printf(b, "%s\n\n", TS(title));
	const char *h_scheme = RT(r, "scheme"), *h_status = RT(r, "status"), *h_elig = RT(r, "eligible");
	const char *h_total = RT(r, "total"), *h_pd = RT(r, "per day");
	const char *h_rt = cmp->report_currency ? f1(r, "total %s", cmp->report_currency) : "";
	const char *h_rpd = cmp->report_currency ? f1(r, "per day %s", cmp->report_currency) : "";
	size_t sw = maxw(6, h_scheme), tw = maxw(10, h_status), ew = maxw(8, h_elig);
	size_t aw = maxw(12, h_total), pw = maxw(8, h_pd), rw = maxw(12, h_rt), rpw = maxw(10, h_rpd);
	for (size_t i = 0; i < cmp->n; i++) {
		const rep_comparison_row *row = &cmp->rows[i];
		sw = maxw(sw, TS(row->scheme));
		tw = maxw(tw, RD(r, row->status));
		if (!row->total)
			continue;
		aw = maxw(aw, RM(r, row->total, row->currency));
		pw = maxw(pw, RN(r, row->per_day && *row->per_day ? row->per_day : "-"));
		if (row->report_total) {
			rw = maxw(rw, RN(r, row->report_total));
			rpw = maxw(rpw, RN(r, row->report_per_day ? row->report_per_day : "-"));
		}
	}
	size_t W = r->width;
	rep_buf_puts(b, "  ");
	rep_buf_pad(b, h_scheme, sw, false);
	rep_buf_puts(b, "  ");
	rep_buf_pad(b, h_status, tw, false);
	rep_buf_puts(b, " ");
	rep_buf_pad(b, h_elig, ew, false);
	rep_buf_puts(b, "  ");
	rep_buf_pad(b, h_total, aw, true);
	rep_buf_puts(b, "  ");
	rep_buf_pad(b, h_pd, pw, true);
	if (cmp->report_currency) {
		rep_buf_puts(b, "  ");
		rep_buf_pad(b, h_rt, rw, true);
		rep_buf_puts(b, "  ");
		rep_buf_pad(b, h_rpd, rpw, true);
	}
	rep_buf_puts(b, "\n");
	char indent[64];
	snprintf(indent, sizeof indent, "%*s", (int)(sw < 40 ? sw + 4 : 44), "");
	for (size_t i = 0; i < cmp->n; i++) {
		const rep_comparison_row *row = &cmp->rows[i];
		rep_buf_puts(b, "  ");
		rep_buf_pad(b, TS(row->scheme), sw, false);
		rep_buf_puts(b, "  ");
		rep_buf_pad(b, RD(r, row->status), tw, false);
		rep_buf_puts(b, " ");
		if (!row->total) {
			rep_buf_puts(b, "\n");
			rep_wrap(b, indent, TS(f1(r, "error: %s", row->error ? row->error : "")), W);
			continue;
		}
		rep_buf_pad(b, row->eligible ? RT(r, "yes") : RT(r, "no"), ew, false);
		rep_buf_puts(b, "  ");
		rep_buf_pad(b, RM(r, row->total, row->currency),
			    aw, true);
		rep_buf_puts(b, "  ");
		rep_buf_pad(b, RN(r, row->per_day && *row->per_day ? row->per_day : "-"), pw, true);
		if (row->report_total) {
			rep_buf_puts(b, "  ");
			rep_buf_pad(b, RN(r, row->report_total), rw, true);
			rep_buf_puts(b, "  ");
			rep_buf_pad(b, RN(r, row->report_per_day ? row->report_per_day : "-"), rpw, true);
		}
		rep_buf_puts(b, "\n");
		if (cmp->report_currency && !row->report_total)
			rep_wrap(b, indent, TS(f1(r, "error: %s", row->error ? row->error : "")), W);
		if (!row->eligible && row->reason) {
			const char *why = row->total_if_eligible[0]
						  ? f2(r, "✗ %s (would be %s)", RD(r, row->reason),
						       RM(r, row->total_if_eligible, row->currency))
						  : f1(r, "✗ %s", RD(r, row->reason));
			rep_wrap(b, indent, TS(why), W);
		}
	}
	if (cmp->report_currency) {
		rep_buf_printf(b, "\n  %s\n", RT(r, "Exchange rates used:"));
		for (size_t i = 0; i < cmp->n; i++) {
			const rep_comparison_row *row = &cmp->rows[i];
			bool seen = false;
			for (size_t k = 0; k < i && !seen; k++)
				seen = cmp->rows[k].fx_rate && strcmp(cmp->rows[k].currency, row->currency) == 0;
			if (row->fx_rate && !seen && strcmp(row->currency, cmp->report_currency) != 0) {
				const char *t = rep_arena_printf(&r->tr.arena, "1 %s = %s %s: %s", row->currency, row->fx_rate,
								 cmp->report_currency, RD(r, row->fx_source));
				rep_wrap(b, "    ", TS(t ? t : ""), W);
			}
		}
	}
	rep_buf_puts(b, "\n");
	rep_wrap(b, "  ",
		 RT(r, "Days are days of deprivation of liberty counted once (overlaps merged); each scheme's own day count is in its estimate."),
		 W);
}

static const char *csv_num(rep_rctx *r, const char *a)
{
	return r->human && a && *a ? RN(r, a) : a;
}

static void render_csv(rep_buf *b, rep_rctx *r, const rep_comparison *cmp)
{
	/* the first 14 columns are the original contract; new ones are appended */
	static const char *const head[] = {"case", "scheme", "status", "currency", "ok", "eligible", "total",
					   "days", "per_day", "report_currency", "report_total", "report_per_day",
					   "fx_rate", "error", "total_if_eligible", "reason", "fx_source"};
	enum { NC = sizeof head / sizeof head[0] };
	rep_csv_row(b, head, NC);
	for (size_t i = 0; i < cmp->n; i++) {
		const rep_comparison_row *row = &cmp->rows[i];
		char days[32];
		snprintf(days, sizeof days, "%ld", row->days);
		const char *row_cells[NC] = {cmp->case_id, row->scheme, row->status, row->currency, row->ok ? "true" : "false",
					     row->total ? (row->eligible ? "true" : "false") : "", csv_num(r, row->total),
					     row->total ? days : "", csv_num(r, row->per_day), cmp->report_currency,
					     csv_num(r, row->report_total), csv_num(r, row->report_per_day), row->fx_rate,
					     row->error, row->total ? csv_num(r, row->total_if_eligible) : "",
					     RD(r, row->reason), RD(r, row->fx_source)};
		rep_csv_row(b, row_cells, NC);
	}
}

static void render_markdown(rep_buf *b, rep_rctx *r, const rep_comparison *cmp)
{
	rep_buf_puts(b, "# ");
	rep_md_cell(b, f1(r, "Case %s: comparison of schemes", cmp->case_id));
	rep_buf_printf(b, "\n\n%s\n\n", f1(r, "Valuation date: %s", cmp->as_of));
	rep_buf_printf(b, "| %s | %s | %s | %s | %s | %s |", RT(r, "Scheme"), RT(r, "Status"), RT(r, "Eligible"),
		       RT(r, "Total (scheme's currency)"), RT(r, "Per day"), RT(r, "If the claim were allowed"));
	if (cmp->report_currency)
		rep_buf_printf(b, " %s | %s |", f1(r, "Total (%s)", cmp->report_currency),
			       f1(r, "Per day (%s)", cmp->report_currency));
	rep_buf_puts(b, "\n|---|---|---|---:|---:|---:|");
	if (cmp->report_currency)
		rep_buf_puts(b, "---:|---:|");
	rep_buf_puts(b, "\n");
	for (size_t i = 0; i < cmp->n; i++) {
		const rep_comparison_row *row = &cmp->rows[i];
		rep_buf_puts(b, "| ");
		rep_md_cell(b, row->scheme);
		rep_buf_puts(b, " | ");
		rep_md_cell(b, RD(r, row->status));
		rep_buf_puts(b, " | ");
		if (!row->total) {
			rep_md_cell(b, f1(r, "error: %s", row->error ? row->error : ""));
			rep_buf_printf(b, " | | | |%s\n", cmp->report_currency ? " | |" : "");
			continue;
		}
		rep_md_cell(b, row->eligible ? RT(r, "yes") : RT(r, "no"));
		if (!row->eligible && row->reason) {
			rep_buf_puts(b, ": ");
			rep_md_cell(b, RD(r, row->reason));
		}
		rep_buf_puts(b, " | ");
		rep_md_cell(b, RM(r, row->total, row->currency));
		rep_buf_puts(b, " | ");
		rep_md_cell(b, row->per_day && *row->per_day ? RN(r, row->per_day) : "–");
		rep_buf_puts(b, " | ");
		rep_md_cell(b, !row->eligible && row->total_if_eligible[0] ? RM(r, row->total_if_eligible, row->currency) : "");
		rep_buf_puts(b, " |");
		if (cmp->report_currency) {
			rep_buf_puts(b, " ");
			rep_md_cell(b, row->report_total ? RN(r, row->report_total) : "–");
			rep_buf_puts(b, " | ");
			rep_md_cell(b, row->report_per_day ? RN(r, row->report_per_day) : "–");
			rep_buf_puts(b, " |");
		}
		rep_buf_puts(b, "\n");
	}
	if (cmp->report_currency) {
		rep_buf_printf(b, "\n%s\n\n", RT(r, "Exchange rates used:"));
		for (size_t i = 0; i < cmp->n; i++) {
			const rep_comparison_row *row = &cmp->rows[i];
			bool seen = false;
			for (size_t k = 0; k < i && !seen; k++)
				seen = cmp->rows[k].fx_rate && strcmp(cmp->rows[k].currency, row->currency) == 0;
			if (row->fx_rate && !seen && strcmp(row->currency, cmp->report_currency) != 0) {
				rep_buf_puts(b, "- ");
				rep_md_cell(b, rep_arena_printf(&r->tr.arena, "1 %s = %s %s: %s", row->currency, row->fx_rate,
								 cmp->report_currency, RD(r, row->fx_source)));
				rep_buf_puts(b, "\n");
			}
		}
	}
}

/* The sources inside a row's fx_source ("SOURCE (CONF, in force from DATE)",
 * or "via USD: 1 A = x USD (SOURCE) x 1 USD = y B (SOURCE) (CONF, ...)"),
 * as compare.c writes it: provenance, shown as written. */
static void exempt_fx_sources(rep_rctx *r, const char *fx)
{
	const char *tail = fx ? strstr(fx, ", in force from ") : NULL;
	while (tail && strstr(tail + 1, ", in force from "))
		tail = strstr(tail + 1, ", in force from ");
	if (!tail)
		return;
	const char *open = tail;
	while (open > fx && !(open[0] == '(' && open[-1] == ' '))
		open--;
	if (open <= fx)
		return;
	size_t n = (size_t)(open - 1 - fx);
	if (strncmp(fx, "via USD: ", 9) != 0) {
		const char *src = rep_arena_strndup(&r->tr.arena, fx, n);
		if (src)
			rep_tr_exempt(&r->tr, src);
		return;
	}
	/* the two legs */
	const char *a = strstr(fx, " USD (");
	const char *b = a ? strstr(a, ") x 1 USD = ") : NULL;
	if (a && b && b < fx + n) {
		const char *s1 = rep_arena_strndup(&r->tr.arena, a + 6, (size_t)(b - a - 6));
		if (s1)
			rep_tr_exempt(&r->tr, s1);
		const char *c = strchr(b + 12, '(');
		if (c && c < fx + n) {
			const char *s2 = rep_arena_strndup(&r->tr.arena, c + 1, (size_t)(fx + n - c - 2));
			if (s2)
				rep_tr_exempt(&r->tr, s2);
		}
	}
}

rep_status rep_comparison_render_opts(char **out, size_t *len, const rep_comparison *cmp, rep_format format,
				      const rep_render_opts *o, rep_error *err)
{
	if (!out || !cmp)
		return rep_err(err, REP_EUSAGE, NULL, "render: no output or no comparison");
	*out = NULL;
	rep_rctx r;
	rep_rctx_init(&r, o);
	for (size_t i = 0; i < cmp->n; i++) {
		if (cmp->estimates[i])
			rep_exempt_sources(&r, cmp->estimates[i]);
		if (r.tr.lang != REP_LANG_EN)
			exempt_fx_sources(&r, cmp->rows[i].fx_source);
	}
	rep_buf b = {0};
	rep_status st = REP_OK;
	switch (format) {
	case REP_FORMAT_JSON:
		st = render_json(&b, &r, cmp);
		break;
	case REP_FORMAT_CSV:
		render_csv(&b, &r, cmp);
		break;
	case REP_FORMAT_MARKDOWN:
		render_markdown(&b, &r, cmp);
		break;
	case REP_FORMAT_HTML:
		rep_html_comparison(&b, &r, cmp);
		break;
	case REP_FORMAT_TABLE:
	default:
		render_table(&b, &r, cmp);
		break;
	}
	if (r.tr.lang != REP_LANG_EN && r.tr.n_missing && format != REP_FORMAT_JSON && format != REP_FORMAT_CSV &&
	    format != REP_FORMAT_HTML) {
		char n[32];
		snprintf(n, sizeof n, "%zu", r.tr.n_missing);
		rep_buf_printf(&b, "\n%s\n", f1(&r, "† %s texts have no translation and are shown as written (a user scheme's own texts, for example).", n));
	}
	return rep_render_finish(&r, &b, st, out, len, err);
}

rep_status rep_comparison_render(char **out, size_t *len, const rep_comparison *cmp, rep_format format,
				 rep_error *err)
{
	return rep_comparison_render_opts(out, len, cmp, format, NULL, err);
}
