/* Rendering estimates: JSON (the public contract), an aligned text table a
 * lawyer can read in a terminal, CSV (one row per line) and Markdown that
 * paste into a letter with every step that makes a figure checkable, and
 * the HTML statement (render_html.c). Human text goes through the
 * translation session of the call (i18n.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yajl/yajl_gen.h>

#include "case_internal.h"
#include "internal.h"
#include "io/csv_cell.h"
#include "io/render.h"

/* ---- options ---- */

rep_status rep_render_opts_new(rep_render_opts **out)
{
	if (!out)
		return REP_EUSAGE;
	*out = rep_calloc(1, sizeof **out);
	return *out ? REP_OK : REP_ENOMEM;
}

void rep_render_opts_free(rep_render_opts *o)
{
	rep_free(o);
}

const char *rep_languages(void)
{
	return "en, ru, kk";
}

rep_status rep_render_opts_set_lang(rep_render_opts *o, const char *lang, rep_error *err)
{
	if (!o)
		return rep_err(err, REP_EUSAGE, NULL, "render options: NULL");
	int l;
	if (rep_lang_parse(&l, lang ? lang : "en"))
		return rep_err(err, REP_EINVAL, "--lang", "unknown language \"%.16s\": the languages are %s", lang,
			       rep_languages());
	o->lang = l;
	return REP_OK;
}

void rep_render_opts_set_width(rep_render_opts *o, unsigned columns)
{
	if (o)
		o->width = columns;
}

void rep_render_opts_set_human(rep_render_opts *o, bool human)
{
	if (o)
		o->human = human;
}

void rep_render_opts_set_case(rep_render_opts *o, const rep_case *c)
{
	if (o)
		o->c = c;
}

void rep_rctx_init(rep_rctx *r, const rep_render_opts *o)
{
	memset(r, 0, sizeof *r);
	rep_tr_init(&r->tr, o ? o->lang : REP_LANG_EN);
	r->width = o && o->width ? o->width : 100;
	if (r->width < 40)
		r->width = 40;
	if (r->width > 1000)
		r->width = 1000;
	r->human = o && o->human;
	r->c = o ? o->c : NULL;
	if (r->c) {
		/* the user's own words are shown as written */
		rep_tr_exempt(&r->tr, r->c->id);
		for (size_t i = 0; i < r->c->n_harms; i++)
			rep_tr_exempt(&r->tr, r->c->harms[i].description);
		for (size_t i = 0; i < r->c->n_det; i++)
			if (r->c->det[i].note)
				rep_tr_exempt(&r->tr, r->c->det[i].note);
	}
}

void rep_rctx_release(rep_rctx *r)
{
	rep_tr_release(&r->tr);
}

rep_status rep_render_finish(rep_rctx *r, rep_buf *b, rep_status st, char **out, size_t *len, rep_error *err)
{
	/* any text of the rendering that could not be made (the arena remembers) fails it whole */
	if (st == REP_OK && (b->failed || r->tr.failed || r->tr.arena.failed))
		st = REP_ENOMEM;
	if (st == REP_OK && !b->data) {
		rep_buf_puts(b, "");
		if (b->failed || !b->data)
			st = REP_ENOMEM;
	}
	rep_rctx_release(r);
	if (st) {
		rep_free(b->data);
		return rep_err(err, st, NULL, st == REP_ENOMEM ? "out of memory rendering" : "could not render JSON");
	}
	*out = b->data;
	if (len)
		*len = b->len;
	return REP_OK;
}

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

/* Human text of the estimate: translated when a session is given. */
static const char *jt(rep_rctx *r, const char *s)
{
	return r ? RD(r, s) : s;
}

/* Provenance is shown as written: the sources of the reference data an
 * estimate used and of its scheme's own figures (warnings quote them). */
void rep_exempt_sources(rep_rctx *r, const rep_estimate *e)
{
	if (!r || r->tr.lang == REP_LANG_EN)
		return;
	for (size_t i = 0; i < e->n_refs; i++)
		rep_tr_exempt(&r->tr, e->refs[i].source);
	const rep_scheme_def *d = e->def;
	for (const rep_tariff *t = d->tariffs; t && t->label; t++) {
		rep_tr_exempt(&r->tr, t->rate.source);
		rep_tr_exempt(&r->tr, t->cap.source);
	}
	for (const rep_head *h = d->heads; h && h->label; h++)
		rep_tr_exempt(&r->tr, h->per_year_cap.source);
	for (const rep_fixed *f = d->fixed; f && f->label; f++)
		rep_tr_exempt(&r->tr, f->amount.source);
	for (const rep_cap *c = d->caps; c && c->label; c++)
		rep_tr_exempt(&r->tr, c->amount.source);
	rep_tr_exempt(&r->tr, d->pecuniary_threshold.source);
	if (d->late_interest) {
		rep_tr_exempt(&r->tr, d->late_interest->rate.source);
		rep_tr_exempt(&r->tr, d->late_interest->margin.source);
	}
	if (d->annuity)
		rep_tr_exempt(&r->tr, d->annuity->rate.source);
}

void rep_json_estimate(yajl_gen g, const rep_estimate *e, rep_rctx *r)
{
	const rep_scheme_def *d = e->def;
	rep_exempt_sources(r, e);
	yajl_gen_map_open(g);
	rep_json_kv(g, "scheme", d->id);
	rep_json_kv(g, "name", jt(r, d->name));
	rep_json_kv(g, "jurisdiction", jt(r, d->jurisdiction));
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
		rep_json_kv(g, "text", jt(r, f->text));
		rep_json_kv(g, "basis", jt(r, f->basis));
		rep_json_str(g, "bars");
		yajl_gen_bool(g, f->bars);
		yajl_gen_map_close(g);
	}
	yajl_gen_array_close(g);
	rep_json_str(g, "lines");
	yajl_gen_array_open(g);
	for (size_t i = 0; i < e->ls.n; i++) {
		const rep_line *l = &e->ls.lines[i];
		yajl_gen_map_open(g);
		rep_json_kv(g, "head", l->head);
		jkv_opt(g, "group", jt(r, l->group));
		rep_json_kv(g, "class", l->klass);
		rep_json_kv(g, "label", jt(r, l->label));
		rep_json_kv(g, "basis", jt(r, l->basis));
		rep_json_kv(g, "formula", jt(r, l->formula));
		jkv_opt(g, "quantity", l->quantity);
		jkv_opt(g, "unit", l->unit);
		jkv_opt(g, "rate", l->rate);
		jkv_opt(g, "nominal", l->nominal);
		jkv_opt(g, "adjustment", jt(r, l->adjustment));
		rep_json_kv(g, "amount", l->amount);
		jkv_opt(g, "note", jt(r, l->note));
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
			rep_json_kv(g, "label", jt(r, e->range_items[i].label));
			rep_json_kv(g, "low", e->range_items[i].low);
			rep_json_kv(g, "high", e->range_items[i].high);
			rep_json_kv(g, "basis", jt(r, e->range_items[i].basis));
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
		const rep_refpoint *p = &e->refs[i];
		yajl_gen_map_open(g);
		rep_json_kv(g, "series", p->series);
		rep_json_kv(g, "date", p->date);
		rep_json_kv(g, "from", p->from);
		rep_json_kv(g, "value", p->value);
		rep_json_kv(g, "confidence", p->confidence);
		rep_json_kv(g, "source", jt(r, p->source));
		yajl_gen_map_close(g);
	}
	yajl_gen_array_close(g);
	rep_json_str(g, "warnings");
	yajl_gen_array_open(g);
	for (size_t i = 0; i < e->n_warnings; i++)
		rep_json_str(g, jt(r, e->warnings[i]));
	yajl_gen_array_close(g);
	/* the scheme's research notes stay in the language they were written in */
	jkv_opt(g, "notes", d->notes);
	if (d->citations && d->citations[0].instrument) {
		rep_json_str(g, "citations");
		yajl_gen_array_open(g);
		for (const rep_cite *c = d->citations; c->instrument; c++) {
			yajl_gen_map_open(g);
			rep_json_kv(g, "instrument", jt(r, c->instrument));
			jkv_opt(g, "article", jt(r, c->article));
			jkv_opt(g, "url", c->url);
			yajl_gen_map_close(g);
		}
		yajl_gen_array_close(g);
	}
	yajl_gen_map_close(g);
}

void rep_json_lang(yajl_gen g, rep_rctx *r)
{
	if (!r || r->tr.lang == REP_LANG_EN)
		return;
	rep_json_kv(g, "lang", rep_lang_code(r->tr.lang));
	rep_json_str(g, "untranslated");
	yajl_gen_array_open(g);
	for (size_t i = 0; i < r->tr.n_missing; i++)
		rep_json_str(g, r->tr.missing[i]);
	yajl_gen_array_close(g);
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

static rep_status render_json(rep_buf *b, rep_rctx *r, const char *case_id, const rep_estimate *const *es, size_t n)
{
	yajl_gen g = rep_json_gen_new();
	if (!g)
		return REP_ENOMEM;
	rep_rctx *tr = r->tr.lang == REP_LANG_EN ? NULL : r;
	yajl_gen_map_open(g);
	rep_json_kv(g, "case", case_id);
	if (n)
		rep_json_kv(g, "as_of", es[0]->as_of);
	rep_json_str(g, "estimates");
	yajl_gen_array_open(g);
	for (size_t i = 0; i < n; i++)
		rep_json_estimate(g, es[i], tr);
	yajl_gen_array_close(g);
	rep_json_lang(g, tr);
	yajl_gen_map_close(g);
	return rep_json_gen_finish(g, b);
}

/* ---- text ---- */

const char *rep_term_safe(rep_rctx *r, const char *s)
{
	if (!s)
		return "";
	size_t extra = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x20 || *p == 0x7F)
			extra += 6;
		else if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
			extra += 6;
		else if (p[0] == 0xE2 && ((p[1] == 0x80 && p[2] >= 0xAA && p[2] <= 0xAE) ||
					  (p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9)))
			extra += 6;
	}
	if (!extra)
		return s;
	char *out = rep_arena_alloc(&r->tr.arena, strlen(s) + extra + 1);
	if (!out) {
		r->tr.failed = true;
		return "";
	}
	char *o = out;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '\n')
			o += sprintf(o, "\\n");
		else if (*p == '\r')
			o += sprintf(o, "\\r");
		else if (*p == '\t')
			o += sprintf(o, "\\t");
		else if (*p == 0x1B)
			o += sprintf(o, "\\e");
		else if (*p < 0x20 || *p == 0x7F)
			o += sprintf(o, "\\x%02X", *p);
		else if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) {
			o += sprintf(o, "\\u%04X", p[1]);
			p++;
		} else if (p[0] == 0xE2 && ((p[1] == 0x80 && p[2] >= 0xAA && p[2] <= 0xAE) ||
					    (p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9))) {
			o += sprintf(o, "\\u%04X", 0x2000 | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F));
			p += 2;
		} else
			*o++ = (char)*p;
	}
	*o = '\0';
	return out;
}

/* Break `text` into lines of at most `width` columns at spaces; a word
 * longer than the line is cut at a character boundary, never dropped. */
void rep_wrap(rep_buf *b, const char *indent, const char *text, size_t width)
{
	size_t iw = rep_utf8_width(indent);
	size_t avail = width > iw + 10 ? width - iw : 10;
	size_t col = 0;
	const char *p = text ? text : "";
	rep_buf_puts(b, indent);
	while (*p) {
		const char *sp = strchr(p, ' ');
		size_t wl = sp ? (size_t)(sp - p) : strlen(p);
		size_t w = 0;
		for (size_t k = 0; k < wl; k++)
			w += ((unsigned char)p[k] & 0xC0) != 0x80;
		if (col && col + 1 + w > avail) {
			rep_buf_puts(b, "\n");
			rep_buf_puts(b, indent);
			col = 0;
		} else if (col) {
			rep_buf_puts(b, " ");
			col++;
		}
		/* a word wider than the line: hard breaks */
		size_t k = 0;
		while (w > avail - col && k < wl) {
			size_t cols = 0, j = k;
			while (j < wl && (cols < avail - col || ((unsigned char)p[j] & 0xC0) == 0x80)) {
				if (((unsigned char)p[j] & 0xC0) != 0x80)
					cols++;
				j++;
			}
			rep_buf_add(b, p + k, j - k);
			w -= cols;
			k = j;
			if (k < wl) {
				rep_buf_puts(b, "\n");
				rep_buf_puts(b, indent);
				col = 0;
			}
		}
		rep_buf_add(b, p + k, wl - k);
		col += w;
		p = sp ? sp + 1 : p + wl;
	}
	rep_buf_puts(b, "\n");
}

/* Split `text` into lines of at most `width` columns (at spaces, else hard). */
static size_t wrap_lines(rep_rctx *r, const char *text, size_t width, const char **lines, size_t max)
{
	rep_buf t = {0};
	rep_wrap(&t, "", text, width + 0);
	size_t n = 0;
	char *s = t.data;
	while (s && *s && n < max) {
		char *nl = strchr(s, '\n');
		if (nl)
			*nl = '\0';
		lines[n++] = rep_arena_strdup(&r->tr.arena, s);
		if (!lines[n - 1]) {
			r->tr.failed = true;
			lines[n - 1] = "";
		}
		s = nl ? nl + 1 : NULL;
	}
	if (t.failed)
		r->tr.failed = true;
	rep_free(t.data);
	return n;
}

static const char *mark_of(const rep_finding *f)
{
	return f->bars ? "✗" : strcmp(f->code, "qualifies") == 0 ? "✓" : "•";
}

/* "{1} {2}" style joining for the renderer's own sentences. */
static const char *fmt1(rep_rctx *r, const char *msgid, const char *a)
{
	const char *caps[] = {a};
	return rep_tr_fmt(&r->tr, msgid, 1, caps);
}

static const char *fmt2(rep_rctx *r, const char *msgid, const char *a, const char *b)
{
	const char *caps[] = {a, b};
	return rep_tr_fmt(&r->tr, msgid, 2, caps);
}

static const char *fmt3(rep_rctx *r, const char *msgid, const char *a, const char *b, const char *c)
{
	const char *caps[] = {a, b, c};
	return rep_tr_fmt(&r->tr, msgid, 3, caps);
}

#define TS(x) rep_term_safe(r, x)

static void table_estimate(rep_buf *b, rep_rctx *r, const rep_estimate *e)
{
	const rep_scheme_def *d = e->def;
	size_t W = r->width;
	rep_exempt_sources(r, e);
	rep_wrap(b, "", rep_arena_printf(&r->tr.arena, "%s — %s", TS(d->id), TS(RD(r, d->name ? d->name : ""))), W);
	rep_wrap(b, "  ",
		 rep_arena_printf(&r->tr.arena, "%s · %s · %s", TS(RD(r, d->jurisdiction ? d->jurisdiction : "")),
				  RD(r, d->status ? d->status : "law"), fmt1(r, "amounts in %s", e->currency)),
		 W);
	rep_buf_printf(b, "  %s %s\n", RT(r, "Eligible:"), e->eligible ? RT(r, "yes") : RT(r, "NO"));
	for (size_t i = 0; i < e->n_findings; i++) {
		const rep_finding *f = &e->findings[i];
		const char *basis = RD(r, f->basis);
		const char *t = rep_arena_printf(&r->tr.arena, "%s %s%s%s%s", mark_of(f), RD(r, f->text),
						 basis[0] ? " [" : "", basis, basis[0] ? "]" : "");
		rep_wrap(b, "    ", TS(t ? t : ""), W);
	}
	/* amounts are never cut: the column is as wide as the widest one */
	size_t aw = 14;
	const char *tots[] = {e->total, e->total_pecuniary, e->total_non_pecuniary};
	for (size_t i = 0; i < e->ls.n + 3; i++) {
		const char *a = RN(r, i < e->ls.n ? e->ls.lines[i].amount : tots[i - e->ls.n]);
		size_t w = rep_utf8_width(a);
		if (w > aw)
			aw = w;
	}
	const char *tl = fmt1(r, "TOTAL %s", e->currency);
	size_t lw = 24;
	if (rep_utf8_width(RT(r, "Non-pecuniary")) > lw)
		lw = rep_utf8_width(RT(r, "Non-pecuniary"));
	if (rep_utf8_width(tl) > lw)
		lw = rep_utf8_width(tl);
	for (size_t i = 0; i < e->ls.n; i++) {
		size_t w = rep_utf8_width(TS(RD(r, e->ls.lines[i].label)));
		if (w > lw)
			lw = w;
	}
	size_t room = W > aw + 8 + 20 ? W - aw - 8 : 20;
	if (lw > room)
		lw = room;
	if (e->ls.n)
		rep_buf_puts(b, "\n");
	for (size_t i = 0; i < e->ls.n; i++) {
		const rep_line *l = &e->ls.lines[i];
		const char *lines[64];
		size_t nl = wrap_lines(r, TS(RD(r, l->label)), lw, lines, 64);
		for (size_t k = 0; k < (nl ? nl : 1); k++) {
			if (k == 0)
				rep_buf_printf(b, "  %2zu. ", i + 1);
			else
				rep_buf_puts(b, "      ");
			if (k == 0)
				rep_buf_pad(b, nl ? lines[k] : "", lw, false);
			else
				rep_buf_puts(b, lines[k]);
			if (k == 0) {
				rep_buf_puts(b, " ");
				rep_buf_pad(b, RN(r, l->amount), aw, true);
			}
			rep_buf_puts(b, "\n");
		}
		rep_wrap(b, "       ", TS(RD(r, l->formula)), W);
		if (l->adjustment) {
			if (l->nominal)
				rep_wrap(b, "       ", fmt1(r, "adjusted: nominal %s", TS(l->nominal)), W);
			else
				rep_wrap(b, "       ", RT(r, "adjusted:"), W);
			rep_wrap(b, "         ", TS(RD(r, l->adjustment)), W);
		}
		if (l->basis[0])
			rep_wrap(b, "       ", fmt1(r, "basis: %s", TS(RD(r, l->basis))), W);
		if (l->note)
			rep_wrap(b, "       ", fmt1(r, "note: %s", TS(RD(r, l->note))), W);
	}
	rep_buf_puts(b, "  ");
	for (size_t i = 0; i < lw + aw + 5 && i + 2 < W; i++)
		rep_buf_puts(b, "─");
	rep_buf_puts(b, "\n");
	const char *labels[] = {RT(r, "Pecuniary"), RT(r, "Non-pecuniary"), tl};
	const char *vals[] = {e->total_pecuniary, e->total_non_pecuniary, e->total};
	for (int i = 0; i < 3; i++) {
		rep_buf_puts(b, "      ");
		rep_buf_pad(b, labels[i], lw, false);
		rep_buf_puts(b, " ");
		rep_buf_pad(b, RN(r, vals[i]), aw, true);
		rep_buf_puts(b, "\n");
	}
	if (!e->eligible && e->total_if_eligible[0])
		rep_wrap(b, "      ",
			 fmt1(r, "(barred; the same heads would come to %s if the claim were allowed)",
			      RM(r, e->total_if_eligible, e->currency)),
			 W);
	if (e->has_range)
		rep_wrap(b, "      ",
			 fmt3(r, "Range: %s .. %s (the total uses the %s value)", RM(r, e->range_low, e->currency),
			      RM(r, e->range_high, e->currency), RD(r, e->range_uses)),
			 W);
	if (e->days > 0) {
		char days[32];
		snprintf(days, sizeof days, "%ld", e->days);
		rep_wrap(b, "      ",
			 fmt2(r, "Per day of deprivation of liberty (%s days): %s", days, RM(r, e->per_day, e->currency)), W);
	}
	if (e->n_opts) {
		rep_buf t = {0};
		rep_buf_puts(&t, RT(r, "Options:"));
		for (size_t i = 0; i < e->n_opts; i++)
			rep_buf_printf(&t, " %s=%s%s", TS(e->opts[i].name), TS(e->opts[i].value),
				       e->opts[i].user_set ? RT(r, " (set)") : "");
		rep_wrap(b, "  ", t.data ? t.data : "", W);
		if (t.failed)
			r->tr.failed = true;
		rep_free(t.data);
	}
	if (e->n_refs) {
		rep_buf_printf(b, "  %s\n", RT(r, "Reference data used:"));
		for (size_t i = 0; i < e->n_refs; i++) {
			const rep_refpoint *p = &e->refs[i];
			const char *caps[] = {TS(p->series), p->date, TS(p->value), p->from, RD(r, p->confidence),
					      TS(RD(r, p->source))};
			rep_wrap(b, "    ", rep_tr_fmt(&r->tr, "%s on %s = %s (from %s; %s; %s)", 6, caps), W);
		}
	}
	if (e->n_warnings) {
		rep_buf_printf(b, "  %s\n", RT(r, "Warnings:"));
		for (size_t i = 0; i < e->n_warnings; i++) {
			const char *t = rep_arena_printf(&r->tr.arena, "! %s", RD(r, e->warnings[i]));
			rep_wrap(b, "    ", TS(t ? t : ""), W);
		}
	}
	rep_buf_puts(b, "\n");
}

/* One line at the end when some text had no translation. */
static void untranslated_note(rep_buf *b, rep_rctx *r, const char *prefix)
{
	if (r->tr.lang == REP_LANG_EN || r->tr.n_missing == 0)
		return;
	char n[32];
	snprintf(n, sizeof n, "%zu", r->tr.n_missing);
	rep_buf_puts(b, prefix);
	rep_buf_puts(b, fmt1(r, "† %s texts have no translation and are shown as written (a user scheme's own texts, for example).", n));
	rep_buf_puts(b, "\n");
}

/* ---- CSV ---- */

static void csv_field(rep_buf *b, const char *s)
{
	s = s ? s : "";
	bool neutralise = rep_csv_is_formula(s);
	if (!neutralise && !strpbrk(s, ",\"\n\r")) {
		rep_buf_puts(b, s);
		return;
	}
	rep_buf_puts(b, "\"");
	if (neutralise)
		rep_buf_puts(b, "'");
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

/* A CSV amount: plain, or in the language with --human. */
static const char *csv_num(rep_rctx *r, const char *a)
{
	return r->human && a && *a ? RN(r, a) : a;
}

static void render_csv(rep_buf *b, rep_rctx *r, const char *case_id, const rep_estimate *const *es, size_t n)
{
	/* the first 15 columns are the original contract; new ones are appended */
	static const char *const head[] = {"case", "scheme", "currency", "eligible", "line", "head", "group", "class",
					   "label", "basis", "formula", "quantity", "unit", "rate", "amount",
					   "nominal", "adjustment", "note", "total_if_eligible", "reason"};
	enum { NC = sizeof head / sizeof head[0] };
	rep_csv_row(b, head, NC);
	for (size_t k = 0; k < n; k++) {
		const rep_estimate *e = es[k];
		rep_exempt_sources(r, e);
		const char *elig = e->eligible ? "true" : "false";
		const char *reason = NULL;
		for (size_t i = 0; i < e->n_findings && !reason; i++)
			if (e->findings[i].bars)
				reason = RD(r, e->findings[i].text);
		for (size_t i = 0; i < e->ls.n; i++) {
			const rep_line *l = &e->ls.lines[i];
			char num[32];
			snprintf(num, sizeof num, "%zu", i + 1);
			const char *row[NC] = {case_id, e->def->id, e->currency, elig, num, l->head, RD(r, l->group),
					       l->klass, RD(r, l->label), RD(r, l->basis), RD(r, l->formula), l->quantity,
					       l->unit, l->rate, csv_num(r, l->amount), l->nominal, RD(r, l->adjustment),
					       RD(r, l->note), "", ""};
			rep_csv_row(b, row, NC);
		}
		const char *tot[NC] = {case_id, e->def->id, e->currency, elig, "total", "total", "", "",
				       RT(r, "Total"), "", RT(r, "sum of the lines"), "", "", "", csv_num(r, e->total),
				       "", "", "", csv_num(r, e->total_if_eligible), reason};
		rep_csv_row(b, tot, NC);
		for (size_t i = 0; i < e->n_refs; i++) {
			const rep_refpoint *p = &e->refs[i];
			const char *caps[] = {p->series, p->date, p->value, p->from, RD(r, p->confidence)};
			const char *row[NC] = {case_id, e->def->id, e->currency, elig, "refdata", "refdata", "", "",
					       p->series, RD(r, p->source),
					       rep_tr_fmt(&r->tr, "%s on %s = %s (from %s; %s)", 5, caps), "", "", p->value,
					       "", "", "", "", "", ""};
			rep_csv_row(b, row, NC);
		}
	}
}

/* ---- Markdown ---- */

void rep_md_cell(rep_buf *b, const char *s)
{
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '|')
			rep_buf_puts(b, "\\|");
		else if (c == '\n' || c == '\r' || c == '\t')
			rep_buf_puts(b, " ");
		else if (c < 0x20 || c == 0x7F)
			rep_buf_printf(b, "\\x%02X", c);
		else
			rep_buf_add(b, s, 1);
	}
}

static void md_text(rep_buf *b, rep_rctx *r, const char *s)
{
	rep_md_cell(b, s);
	(void)r;
}

static void render_markdown(rep_buf *b, rep_rctx *r, const char *case_id, const rep_estimate *const *es, size_t n)
{
	rep_buf_puts(b, "# ");
	md_text(b, r, fmt1(r, "Case %s", case_id));
	rep_buf_puts(b, "\n\n");
	if (n)
		rep_buf_printf(b, "%s\n\n", fmt1(r, "Valuation date: %s", es[0]->as_of));
	for (size_t k = 0; k < n; k++) {
		const rep_estimate *e = es[k];
		rep_exempt_sources(r, e);
		rep_buf_puts(b, "## ");
		md_text(b, r, e->def->id);
		rep_buf_puts(b, " — ");
		md_text(b, r, RD(r, e->def->name ? e->def->name : ""));
		rep_buf_puts(b, "\n\n*");
		md_text(b, r, RD(r, e->def->jurisdiction ? e->def->jurisdiction : ""));
		rep_buf_printf(b, " · %s · %s* — %s **%s**\n\n", RD(r, e->def->status ? e->def->status : "law"), e->currency,
			       RT(r, "eligible:"), e->eligible ? RT(r, "yes") : RT(r, "no"));
		for (size_t i = 0; i < e->n_findings; i++) {
			rep_buf_printf(b, "- %s ", mark_of(&e->findings[i]));
			md_text(b, r, RD(r, e->findings[i].text));
			if (e->findings[i].basis[0]) {
				rep_buf_puts(b, " (");
				md_text(b, r, RD(r, e->findings[i].basis));
				rep_buf_puts(b, ")");
			}
			rep_buf_puts(b, "\n");
		}
		rep_buf_printf(b, "\n| # | %s | %s | %s | %s | %s |\n|---|---|---|---|---|---:|\n", RT(r, "Item"),
			       RT(r, "Basis"), RT(r, "Formula"), RT(r, "Indexation, interest or discounting"),
			       fmt1(r, "Amount (%s)", e->currency));
		for (size_t i = 0; i < e->ls.n; i++) {
			const rep_line *l = &e->ls.lines[i];
			rep_buf_printf(b, "| %zu | ", i + 1);
			md_text(b, r, RD(r, l->label));
			rep_buf_puts(b, " | ");
			md_text(b, r, RD(r, l->basis));
			rep_buf_puts(b, " | ");
			md_text(b, r, RD(r, l->formula));
			if (l->note) {
				rep_buf_puts(b, " (");
				md_text(b, r, RD(r, l->note));
				rep_buf_puts(b, ")");
			}
			rep_buf_puts(b, " | ");
			if (l->adjustment) {
				if (l->nominal) {
					md_text(b, r, fmt1(r, "nominal %s", l->nominal));
					rep_buf_puts(b, "; ");
				}
				md_text(b, r, RD(r, l->adjustment));
			}
			rep_buf_puts(b, " | ");
			md_text(b, r, RN(r, l->amount));
			rep_buf_puts(b, " |\n");
		}
		rep_buf_printf(b, "| | **%s** | | | | **%s** |\n\n", fmt1(r, "Total (%s)", e->currency), RN(r, e->total));
		if (!e->eligible && e->total_if_eligible[0]) {
			md_text(b, r, fmt1(r, "Barred. If the claim were allowed, the same heads would come to %s (total_if_eligible).",
					   RM(r, e->total_if_eligible, e->currency)));
			rep_buf_puts(b, "\n\n");
		}
		if (e->has_range) {
			md_text(b, r,
				fmt3(r, "Range: %s .. %s (the total uses the %s value)", RM(r, e->range_low, e->currency),
				     RM(r, e->range_high, e->currency), RD(r, e->range_uses)));
			rep_buf_puts(b, "\n\n");
		}
		if (e->n_refs) {
			rep_buf_printf(b, "%s\n\n", RT(r, "Reference data used:"));
			for (size_t i = 0; i < e->n_refs; i++) {
				const rep_refpoint *p = &e->refs[i];
				const char *caps[] = {p->series, p->date, p->value, p->from, RD(r, p->confidence),
						      RD(r, p->source)};
				rep_buf_puts(b, "- ");
				md_text(b, r, rep_tr_fmt(&r->tr, "%s on %s = %s (from %s; %s; %s)", 6, caps));
				rep_buf_puts(b, "\n");
			}
			rep_buf_puts(b, "\n");
		}
		for (size_t i = 0; i < e->n_warnings; i++) {
			rep_buf_puts(b, "> ⚠ ");
			md_text(b, r, RD(r, e->warnings[i]));
			rep_buf_puts(b, "\n");
		}
		if (e->n_warnings)
			rep_buf_puts(b, "\n");
	}
	untranslated_note(b, r, "");
}

/* ---- HTML ---- */

void rep_html_text(rep_buf *b, const char *s)
{
	const char *run = s;
	for (; s && *s; s++) {
		const char *rep = NULL;
		unsigned char c = (unsigned char)*s;
		if (c == '&')
			rep = "&amp;";
		else if (c == '<')
			rep = "&lt;";
		else if (c == '>')
			rep = "&gt;";
		else if (c == '"')
			rep = "&quot;";
		else if ((c < 0x20 && c != '\n') || c == 0x7F)
			rep = "\xEF\xBF\xBD"; /* U+FFFD: no control character in the document */
		if (rep) {
			rep_buf_add(b, run, (size_t)(s - run));
			rep_buf_puts(b, rep);
			run = s + 1;
		}
	}
	if (run && s > run)
		rep_buf_add(b, run, (size_t)(s - run));
}

rep_status rep_estimates_render_opts(char **out, size_t *len, const char *case_id, const rep_estimate *const *es,
				     size_t n, rep_format format, const rep_render_opts *o, rep_error *err)
{
	if (!out || (n && !es))
		return rep_err(err, REP_EUSAGE, NULL, "render: no output or no estimates");
	*out = NULL;
	rep_rctx r;
	rep_rctx_init(&r, o);
	rep_buf b = {0};
	rep_status st = REP_OK;
	case_id = case_id ? case_id : "";
	switch (format) {
	case REP_FORMAT_JSON:
		st = render_json(&b, &r, case_id, es, n);
		rep_buf_puts(&b, "\n");
		break;
	case REP_FORMAT_CSV:
		render_csv(&b, &r, case_id, es, n);
		break;
	case REP_FORMAT_MARKDOWN:
		render_markdown(&b, &r, case_id, es, n);
		break;
	case REP_FORMAT_HTML:
		rep_html_estimates(&b, &r, case_id, es, n);
		break;
	case REP_FORMAT_TABLE:
	default:
		rep_wrap(&b, "", rep_term_safe(&r, fmt2(&r, "Case %s — valuation date %s", case_id, n ? es[0]->as_of : "")),
			 r.width);
		rep_buf_puts(&b, "\n");
		for (size_t i = 0; i < n; i++)
			table_estimate(&b, &r, es[i]);
		untranslated_note(&b, &r, "");
		break;
	}
	return rep_render_finish(&r, &b, st, out, len, err);
}

rep_status rep_estimates_render(char **out, size_t *len, const char *case_id, const rep_estimate *const *es, size_t n,
				rep_format format, rep_error *err)
{
	return rep_estimates_render_opts(out, len, case_id, es, n, format, NULL, err);
}
