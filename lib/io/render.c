/* Rendering estimates: JSON (the public contract), an aligned text table a
 * lawyer can paste into a letter, CSV (one row per line) and Markdown. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yajl/yajl_gen.h>

#include "internal.h"
#include "io/render.h"

/* ---- JSON ---- */

/* A string yajl refuses (invalid UTF-8) would be dropped and shift the
 * next string into its place: remember it, per thread (a generator is used
 * by one thread from rep_json_gen_new to rep_json_gen_finish), and fail there. */
static _Thread_local bool json_string_failed;

void rep_json_str(yajl_gen g, const char *s)
{
	yajl_gen_status gs = s ? yajl_gen_string(g, (const unsigned char *)s, strlen(s)) : yajl_gen_null(g);
	if (gs != yajl_gen_status_ok)
		json_string_failed = true;
}

void rep_json_kv(yajl_gen g, const char *k, const char *v)
{
	rep_json_str(g, k);
	rep_json_str(g, v);
}

/* Optional members are left out rather than written as null. */
static void jkv_opt(yajl_gen g, const char *k, const char *v)
{
	if (v && *v)
		rep_json_kv(g, k, v);
}

void rep_json_estimate(yajl_gen g, const rep_estimate *e)
{
	const rep_scheme_def *d = e->def;
	yajl_gen_map_open(g);
	rep_json_kv(g, "scheme", d->id);
	rep_json_kv(g, "name", d->name);
	rep_json_kv(g, "jurisdiction", d->jurisdiction);
	rep_json_kv(g, "status", d->status ? d->status : "law");
	rep_json_kv(g, "currency", e->currency);
	rep_json_kv(g, "as_of", e->as_of);
	rep_json_str(g, "eligible");
	yajl_gen_bool(g, e->eligible);
	rep_json_str(g, "findings");
	yajl_gen_array_open(g);
	for (size_t i = 0; i < e->n_findings; i++) {
		const rep_finding *f = &e->findings[i];
		yajl_gen_map_open(g);
		rep_json_kv(g, "code", f->code);
		rep_json_kv(g, "text", f->text);
		rep_json_kv(g, "basis", f->basis);
		rep_json_str(g, "bars");
		yajl_gen_bool(g, f->bars);
		yajl_gen_map_close(g);
	}
	yajl_gen_array_close(g);
	rep_json_str(g, "lines");
	yajl_gen_array_open(g);
	for (size_t i = 0; i < e->n_lines; i++) {
		const rep_line *l = &e->lines[i];
		yajl_gen_map_open(g);
		rep_json_kv(g, "head", l->head);
		jkv_opt(g, "group", l->group);
		rep_json_kv(g, "class", l->klass);
		rep_json_kv(g, "label", l->label);
		rep_json_kv(g, "basis", l->basis);
		rep_json_kv(g, "formula", l->formula);
		jkv_opt(g, "quantity", l->quantity);
		jkv_opt(g, "unit", l->unit);
		jkv_opt(g, "rate", l->rate);
		jkv_opt(g, "nominal", l->nominal);
		jkv_opt(g, "adjustment", l->adjustment);
		rep_json_kv(g, "amount", l->amount);
		jkv_opt(g, "note", l->note);
		yajl_gen_map_close(g);
	}
	yajl_gen_array_close(g);
	rep_json_str(g, "totals");
	yajl_gen_map_open(g);
	rep_json_kv(g, "pecuniary", e->total_pecuniary);
	rep_json_kv(g, "non_pecuniary", e->total_non_pecuniary);
	rep_json_kv(g, "total", e->total);
	yajl_gen_map_close(g);
	rep_json_kv(g, "total", e->total);
	jkv_opt(g, "total_if_eligible", e->total_if_eligible);
	if (e->has_range) {
		rep_json_str(g, "range");
		yajl_gen_map_open(g);
		rep_json_kv(g, "low", e->range_low);
		rep_json_kv(g, "high", e->range_high);
		rep_json_kv(g, "uses", e->range_uses);
		rep_json_str(g, "items");
		yajl_gen_array_open(g);
		for (size_t i = 0; i < e->n_range_items; i++) {
			yajl_gen_map_open(g);
			rep_json_kv(g, "label", e->range_items[i].label);
			rep_json_kv(g, "low", e->range_items[i].low);
			rep_json_kv(g, "high", e->range_items[i].high);
			rep_json_kv(g, "basis", e->range_items[i].basis);
			yajl_gen_map_close(g);
		}
		yajl_gen_array_close(g);
		yajl_gen_map_close(g);
	}
	rep_json_str(g, "days");
	yajl_gen_integer(g, e->days);
	jkv_opt(g, "per_day", e->per_day);
	rep_json_str(g, "options");
	yajl_gen_array_open(g);
	for (size_t i = 0; i < e->n_opts; i++) {
		yajl_gen_map_open(g);
		rep_json_kv(g, "name", e->opts[i].name);
		rep_json_kv(g, "value", e->opts[i].value);
		rep_json_str(g, "user_set");
		yajl_gen_bool(g, e->opts[i].user_set);
		yajl_gen_map_close(g);
	}
	yajl_gen_array_close(g);
	rep_json_str(g, "refdata");
	yajl_gen_array_open(g);
	for (size_t i = 0; i < e->n_refs; i++) {
		const rep_refpoint *r = &e->refs[i];
		yajl_gen_map_open(g);
		rep_json_kv(g, "series", r->series);
		rep_json_kv(g, "date", r->date);
		rep_json_kv(g, "from", r->from);
		rep_json_kv(g, "value", r->value);
		rep_json_kv(g, "confidence", r->confidence);
		rep_json_kv(g, "source", r->source);
		yajl_gen_map_close(g);
	}
	yajl_gen_array_close(g);
	rep_json_str(g, "warnings");
	yajl_gen_array_open(g);
	for (size_t i = 0; i < e->n_warnings; i++)
		rep_json_str(g, e->warnings[i]);
	yajl_gen_array_close(g);
	jkv_opt(g, "notes", d->notes);
	if (d->citations && d->citations[0].instrument) {
		rep_json_str(g, "citations");
		yajl_gen_array_open(g);
		for (const rep_cite *c = d->citations; c->instrument; c++) {
			yajl_gen_map_open(g);
			rep_json_kv(g, "instrument", c->instrument);
			jkv_opt(g, "article", c->article);
			jkv_opt(g, "url", c->url);
			yajl_gen_map_close(g);
		}
		yajl_gen_array_close(g);
	}
	yajl_gen_map_close(g);
}

yajl_gen rep_json_gen_new(void)
{
	/* yajl's default allocator, as in io/json.c: yajl does not check its allocations */
	yajl_gen g = yajl_gen_alloc(NULL);
	if (!g)
		return NULL;
	yajl_gen_config(g, yajl_gen_beautify, 1);
	yajl_gen_config(g, yajl_gen_indent_string, "  ");
	yajl_gen_config(g, yajl_gen_validate_utf8, 1);
	json_string_failed = false;
	return g;
}

rep_status rep_json_gen_finish(yajl_gen g, rep_buf *b)
{
	const unsigned char *out;
	size_t len;
	rep_status st = yajl_gen_get_buf(g, &out, &len) == yajl_gen_status_ok && !json_string_failed ? REP_OK : REP_EINVAL;
	json_string_failed = false;
	if (st == REP_OK)
		rep_buf_add(b, (const char *)out, len);
	yajl_gen_free(g);
	return st;
}

static rep_status render_json(rep_buf *b, const char *case_id, const rep_estimate *const *es, size_t n)
{
	yajl_gen g = rep_json_gen_new();
	if (!g)
		return REP_ENOMEM;
	yajl_gen_map_open(g);
	rep_json_kv(g, "case", case_id);
	if (n)
		rep_json_kv(g, "as_of", es[0]->as_of);
	rep_json_str(g, "estimates");
	yajl_gen_array_open(g);
	for (size_t i = 0; i < n; i++)
		rep_json_estimate(g, es[i]);
	yajl_gen_array_close(g);
	yajl_gen_map_close(g);
	return rep_json_gen_finish(g, b);
}

/* ---- text ---- */

/* "1234567.89" -> "1,234,567.89" for the table a person reads. */
void rep_grouped(char *dst, size_t size, const char *amount)
{
	const char *dot = strchr(amount, '.');
	size_t ilen = dot ? (size_t)(dot - amount) : strlen(amount);
	size_t j = 0, start = amount[0] == '-' ? 1 : 0;
	if (start && j < size - 1)
		dst[j++] = '-';
	for (size_t i = start; i < ilen && j < size - 2; i++) {
		dst[j++] = amount[i];
		size_t left = ilen - i - 1;
		if (left && left % 3 == 0)
			dst[j++] = ',';
	}
	for (const char *p = dot; p && *p && j < size - 1; p++)
		dst[j++] = *p;
	dst[j] = '\0';
}

static void wrap(rep_buf *b, const char *indent, const char *text, size_t width)
{
	size_t col = 0;
	const char *p = text;
	rep_buf_puts(b, indent);
	while (p && *p) {
		const char *sp = strchr(p, ' ');
		size_t wl = sp ? (size_t)(sp - p) : strlen(p);
		char word[1024];
		size_t n = wl < sizeof word - 1 ? wl : sizeof word - 1;
		memcpy(word, p, n);
		word[n] = '\0';
		size_t w = rep_utf8_width(word);
		if (col && col + 1 + w > width) {
			rep_buf_puts(b, "\n");
			rep_buf_puts(b, indent);
			col = 0;
		} else if (col) {
			rep_buf_puts(b, " ");
			col++;
		}
		rep_buf_add(b, p, wl);
		col += w;
		p = sp ? sp + 1 : NULL;
	}
	rep_buf_puts(b, "\n");
}

static void table_estimate(rep_buf *b, const rep_estimate *e)
{
	const rep_scheme_def *d = e->def;
	char amt[96];
	rep_buf_printf(b, "%s — %s\n", d->id, d->name ? d->name : "");
	rep_buf_printf(b, "  %s · %s · amounts in %s\n", d->jurisdiction ? d->jurisdiction : "",
		       d->status ? d->status : "law", e->currency);
	rep_buf_printf(b, "  Eligible: %s\n", e->eligible ? "yes" : "NO");
	for (size_t i = 0; i < e->n_findings; i++) {
		const rep_finding *f = &e->findings[i];
		char t[1200];
		const char *mark = f->bars ? "✗" : strcmp(f->code, "qualifies") == 0 ? "✓" : "•";
		snprintf(t, sizeof t, "%s %s%s%s%s", mark, f->text, f->basis[0] ? " [" : "", f->basis,
			 f->basis[0] ? "]" : "");
		wrap(b, "    ", t, 92);
	}
	size_t lw = 24; /* room for the totals' labels */
	for (size_t i = 0; i < e->n_lines; i++) {
		size_t w = rep_utf8_width(e->lines[i].label);
		if (w > lw)
			lw = w;
	}
	if (lw > 60)
		lw = 60;
	const size_t aw = 18;
	if (e->n_lines)
		rep_buf_puts(b, "\n");
	for (size_t i = 0; i < e->n_lines; i++) {
		const rep_line *l = &e->lines[i];
		char label[256];
		snprintf(label, sizeof label, "%s", l->label);
		if (rep_utf8_width(label) > lw) {
			/* cut at a character boundary */
			size_t cols = 0, k = 0;
			for (; label[k]; k++) {
				if (((unsigned char)label[k] & 0xC0) != 0x80 && ++cols > lw - 1)
					break;
			}
			label[k] = '\0';
			strcat(label, "…");
		}
		rep_buf_printf(b, "  %2zu. ", i + 1);
		rep_buf_pad(b, label, lw, false);
		rep_grouped(amt, sizeof amt, l->amount);
		rep_buf_puts(b, " ");
		rep_buf_pad(b, amt, aw, true);
		rep_buf_puts(b, "\n");
		char t[2400];
		snprintf(t, sizeof t, "%s", l->formula);
		wrap(b, "       ", t, 88);
		if (l->adjustment) {
			snprintf(t, sizeof t, "adjusted: %s%s%s", l->nominal ? "nominal " : "", l->nominal ? l->nominal : "",
				 "");
			wrap(b, "       ", t, 88);
			snprintf(t, sizeof t, "  %s", l->adjustment);
			wrap(b, "       ", t, 88);
		}
		if (l->basis[0]) {
			snprintf(t, sizeof t, "basis: %s", l->basis);
			wrap(b, "       ", t, 88);
		}
		if (l->note) {
			snprintf(t, sizeof t, "note: %s", l->note);
			wrap(b, "       ", t, 88);
		}
	}
	rep_buf_puts(b, "  ");
	for (size_t i = 0; i < lw + aw + 5; i++)
		rep_buf_puts(b, "─");
	rep_buf_puts(b, "\n");
	const char *labels[] = {"Pecuniary", "Non-pecuniary", NULL};
	const char *vals[] = {e->total_pecuniary, e->total_non_pecuniary};
	for (int i = 0; labels[i]; i++) {
		rep_buf_puts(b, "      ");
		rep_buf_pad(b, labels[i], lw, false);
		rep_grouped(amt, sizeof amt, vals[i]);
		rep_buf_puts(b, " ");
		rep_buf_pad(b, amt, aw, true);
		rep_buf_puts(b, "\n");
	}
	char tl[64];
	snprintf(tl, sizeof tl, "TOTAL %s", e->currency);
	rep_buf_puts(b, "      ");
	rep_buf_pad(b, tl, lw, false);
	rep_grouped(amt, sizeof amt, e->total);
	rep_buf_puts(b, " ");
	rep_buf_pad(b, amt, aw, true);
	rep_buf_puts(b, "\n");
	if (!e->eligible && e->total_if_eligible[0]) {
		rep_grouped(amt, sizeof amt, e->total_if_eligible);
		rep_buf_printf(b, "      (barred; the same heads would come to %s %s if the claim were allowed)\n", amt,
			       e->currency);
	}
	if (e->has_range) {
		char lo[96], hi[96];
		rep_grouped(lo, sizeof lo, e->range_low);
		rep_grouped(hi, sizeof hi, e->range_high);
		rep_buf_printf(b, "      Range: %s .. %s %s (the total uses the %s value)\n", lo, hi, e->currency,
			       e->range_uses);
	}
	if (e->days > 0) {
		rep_grouped(amt, sizeof amt, e->per_day);
		rep_buf_printf(b, "      Per day of deprivation of liberty (%ld days): %s %s\n", e->days, amt, e->currency);
	}
	if (e->n_opts) {
		rep_buf_puts(b, "  Options:");
		for (size_t i = 0; i < e->n_opts; i++)
			rep_buf_printf(b, " %s=%s%s", e->opts[i].name, e->opts[i].value, e->opts[i].user_set ? " (set)" : "");
		rep_buf_puts(b, "\n");
	}
	if (e->n_refs) {
		rep_buf_puts(b, "  Reference data used:\n");
		for (size_t i = 0; i < e->n_refs; i++) {
			const rep_refpoint *r = &e->refs[i];
			char t[1024];
			snprintf(t, sizeof t, "%s on %s = %s (from %s; %s; %s)", r->series, r->date, r->value, r->from,
				 r->confidence, r->source);
			wrap(b, "    ", t, 92);
		}
	}
	if (e->n_warnings) {
		rep_buf_puts(b, "  Warnings:\n");
		for (size_t i = 0; i < e->n_warnings; i++) {
			char t[1200];
			snprintf(t, sizeof t, "! %s", e->warnings[i]);
			wrap(b, "    ", t, 92);
		}
	}
	rep_buf_puts(b, "\n");
}

/* ---- CSV ---- */

static void csv_field(rep_buf *b, const char *s)
{
	s = s ? s : "";
	if (!strpbrk(s, ",\"\n\r")) {
		rep_buf_puts(b, s);
		return;
	}
	rep_buf_puts(b, "\"");
	for (; *s; s++)
		rep_buf_add(b, *s == '"' ? "\"\"" : s, *s == '"' ? 2 : 1);
	rep_buf_puts(b, "\"");
}

void rep_csv_row(rep_buf *b, const char *const *cells, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			rep_buf_puts(b, ",");
		csv_field(b, cells[i]);
	}
	rep_buf_puts(b, "\r\n");
}

static void render_csv(rep_buf *b, const char *case_id, const rep_estimate *const *es, size_t n)
{
	static const char *const head[] = {"case", "scheme", "currency", "eligible", "line", "head", "group", "class",
					   "label", "basis", "formula", "quantity", "unit", "rate", "amount"};
	rep_csv_row(b, head, 15);
	for (size_t k = 0; k < n; k++) {
		const rep_estimate *e = es[k];
		for (size_t i = 0; i < e->n_lines; i++) {
			const rep_line *l = &e->lines[i];
			char num[32];
			snprintf(num, sizeof num, "%zu", i + 1);
			const char *row[] = {case_id, e->def->id, e->currency, e->eligible ? "true" : "false", num, l->head,
					     l->group, l->klass, l->label, l->basis, l->formula, l->quantity, l->unit, l->rate,
					     l->amount};
			rep_csv_row(b, row, 15);
		}
		const char *tot[] = {case_id, e->def->id, e->currency, e->eligible ? "true" : "false", "total", "total",
				     "", "", "Total", "", "sum of the lines", "", "", "", e->total};
		rep_csv_row(b, tot, 15);
	}
}

/* ---- Markdown ---- */

void rep_md_cell(rep_buf *b, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '|')
			rep_buf_puts(b, "\\|");
		else if (*s == '\n')
			rep_buf_puts(b, " ");
		else
			rep_buf_add(b, s, 1);
	}
}

static void render_markdown(rep_buf *b, const char *case_id, const rep_estimate *const *es, size_t n)
{
	rep_buf_printf(b, "# Case %s\n\n", case_id);
	if (n)
		rep_buf_printf(b, "Valuation date: %s\n\n", es[0]->as_of);
	for (size_t k = 0; k < n; k++) {
		const rep_estimate *e = es[k];
		rep_buf_printf(b, "## %s — %s\n\n", e->def->id, e->def->name ? e->def->name : "");
		rep_buf_printf(b, "*%s · %s · %s* — eligible: **%s**\n\n", e->def->jurisdiction ? e->def->jurisdiction : "",
			       e->def->status ? e->def->status : "law", e->currency, e->eligible ? "yes" : "no");
		for (size_t i = 0; i < e->n_findings; i++) {
			rep_buf_printf(b, "- %s ", e->findings[i].bars ? "✗" : strcmp(e->findings[i].code, "qualifies") == 0 ? "✓" : "•");
			rep_md_cell(b, e->findings[i].text);
			if (e->findings[i].basis[0]) {
				rep_buf_puts(b, " (");
				rep_md_cell(b, e->findings[i].basis);
				rep_buf_puts(b, ")");
			}
			rep_buf_puts(b, "\n");
		}
		rep_buf_puts(b, "\n| # | Item | Basis | Formula | Amount |\n|---|---|---|---|---:|\n");
		for (size_t i = 0; i < e->n_lines; i++) {
			const rep_line *l = &e->lines[i];
			rep_buf_printf(b, "| %zu | ", i + 1);
			rep_md_cell(b, l->label);
			rep_buf_puts(b, " | ");
			rep_md_cell(b, l->basis);
			rep_buf_puts(b, " | ");
			rep_md_cell(b, l->formula);
			rep_buf_puts(b, " | ");
			rep_md_cell(b, l->amount);
			rep_buf_puts(b, " |\n");
		}
		rep_buf_printf(b, "| | **Total %s** | | | **%s** |\n\n", e->currency, e->total);
		if (e->has_range)
			rep_buf_printf(b, "Range: %s – %s %s (total uses the %s value).\n\n", e->range_low, e->range_high,
				       e->currency, e->range_uses);
		for (size_t i = 0; i < e->n_warnings; i++) {
			rep_buf_puts(b, "> ⚠ ");
			rep_md_cell(b, e->warnings[i]);
			rep_buf_puts(b, "\n");
		}
		if (e->n_warnings)
			rep_buf_puts(b, "\n");
	}
}

rep_status rep_estimates_render(char **out, size_t *len, const char *case_id, const rep_estimate *const *es, size_t n,
				rep_format format, rep_error *err)
{
	if (!out || (n && !es))
		return rep_err(err, REP_EUSAGE, NULL, "render: no output or no estimates");
	*out = NULL;
	rep_buf b = {0};
	rep_status st = REP_OK;
	case_id = case_id ? case_id : "";
	switch (format) {
	case REP_FORMAT_JSON:
		st = render_json(&b, case_id, es, n);
		rep_buf_puts(&b, "\n");
		break;
	case REP_FORMAT_CSV:
		render_csv(&b, case_id, es, n);
		break;
	case REP_FORMAT_MARKDOWN:
		render_markdown(&b, case_id, es, n);
		break;
	case REP_FORMAT_TABLE:
	default:
		rep_buf_printf(&b, "Case %s — valuation date %s\n\n", case_id, n ? es[0]->as_of : "");
		for (size_t i = 0; i < n; i++)
			table_estimate(&b, es[i]);
		break;
	}
	if (st == REP_OK && (b.failed || !b.data))
		st = b.failed ? REP_ENOMEM : REP_OK;
	if (st) {
		rep_free(b.data);
		return rep_err(err, st, NULL, st == REP_ENOMEM ? "out of memory rendering" : "could not render JSON");
	}
	if (!b.data) {
		b.data = rep_strdup("");
		if (!b.data)
			return rep_err(err, REP_ENOMEM, NULL, "out of memory rendering");
	}
	*out = b.data;
	if (len)
		*len = b.len;
	return REP_OK;
}
