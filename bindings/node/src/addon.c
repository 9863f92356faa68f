/* reparations.node: the thin C layer of the Node.js binding, over Node-API.
 *
 * Every function takes JSON text and arrays of strings and returns the
 * library's own JSON text (estimate, compare, schemes, refdata) or a small
 * array (validate, version); batch rows come as JS objects, all at once
 * (batch) or a window of cases at a time through a stream handle (batchOpen,
 * batchWindow, batchClose). The friendly API (plain objects, the rule that a
 * JS number is not an amount, ReparationsError) lives in index.js.
 *
 * Arguments are copied into malloc'd C strings before any library work, so
 * the same work function runs on the main thread (the sync variants) or on
 * libuv's thread pool (napi_async_work, the Promise variants) without
 * touching a JS value. Calls without user data (exchange rates, series,
 * scheme files) read one process-wide context created once and never
 * modified afterwards (the library allows concurrent reads); calls with user
 * data build their own context and free it before returning.
 *
 * Errors: a failing library call throws (or rejects with) an Error whose
 * `rep` property is {stage, status, code, path, message}; index.js turns it
 * into a ReparationsError. Out of memory is reported the same way with code
 * "no_memory". */
#define NAPI_VERSION 8
#include <node_api.h>

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reparations.h"

/* ---- the shared context ---- */

static rep_context *shared_ctx;
static rep_error shared_err;
static pthread_once_t shared_once = PTHREAD_ONCE_INIT;

/* Created once per process (worker threads load the addon again and share
 * it) and never freed: async work may still read it while an environment
 * shuts down. The library's contexts are read-only once built. */
static void shared_init(void)
{
	rep_error_clear(&shared_err);
	if (rep_context_new(&shared_ctx, &shared_err))
		shared_ctx = NULL;
}

/* ---- arguments, owned copies ---- */

typedef struct fx_arg {
	char *pair, *rate, *from, *source; /* from, source: NULL when absent */
} fx_arg;

typedef struct series_arg {
	char *text;
	size_t len;
	char *format;
} series_arg;

typedef enum call_kind {
	CALL_ESTIMATE,
	CALL_COMPARE,
	CALL_SCHEMES,
	CALL_REFDATA,
	CALL_VALIDATE,
	CALL_BATCH,
	CALL_STATEMENT,
	CALL_WINDOW /* one window of a batch stream */
} call_kind;

#define LINE_FIELDS 13

/* One batch row, copied out of the library's row (which lives only while the
 * callback runs) so that the JS objects are built on the main thread. Strings
 * are NULL when absent. */
typedef struct brow {
	size_t index, line, seq;
	char *case_id, *scheme;
	rep_status status;
	char *error_path, *error_message;
	bool has_estimate, eligible;
	char *currency, *total, *total_if_eligible, *range_low, *range_high, *pecuniary, *non_pecuniary, *per_day;
	long days;
	size_t warnings;
	size_t n_heads;
	char **heads; /* 2 * n_heads: name, amount */
	size_t n_lines;
	char **lines; /* LINE_FIELDS * n_lines */
} brow;

typedef struct call {
	call_kind kind;
	/* arguments */
	char *case_json;
	size_t case_len;
	char *as_of, *report_currency, *series_id;
	char *lang; /* NULL: English */
	char **schemes;
	size_t n_schemes;
	bool all_schemes;
	char **options;
	size_t n_options;
	fx_arg *fx;
	size_t n_fx;
	series_arg *series;
	size_t n_series;
	char **defs;
	size_t *def_lens;
	size_t n_defs;
	/* result */
	rep_status st;
	const char *stage;
	rep_error err;
	char *text;
	size_t len;
	char *case_id, *currency;
	size_t n_detentions, n_harms;
	/* batch: the case texts, threads, fields="lines"; the rows */
	char **texts;
	size_t *lens;
	size_t n_texts;
	unsigned jobs;
	bool with_lines;
	brow *rows;
	size_t n_rows, cap_rows;
	const size_t *index_map; /* asOf: position of each parsed case in the input */
	/* a window: the stream it runs on, kept alive by stream_ref while it runs */
	struct bstream *stream;
	napi_ref stream_ref;
	/* async */
	napi_async_work work;
	napi_deferred deferred;
} call;

static void strv_free(char **v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		free(v[i]);
	free(v);
}

static void brow_free(brow *r)
{
	free(r->case_id);
	free(r->scheme);
	free(r->error_path);
	free(r->error_message);
	free(r->currency);
	free(r->total);
	free(r->total_if_eligible);
	free(r->range_low);
	free(r->range_high);
	free(r->pecuniary);
	free(r->non_pecuniary);
	free(r->per_day);
	strv_free(r->heads, 2 * r->n_heads);
	strv_free(r->lines, LINE_FIELDS * r->n_lines);
}

static void call_free(call *c)
{
	if (!c)
		return;
	strv_free(c->texts, c->n_texts);
	free(c->lens);
	for (size_t i = 0; i < c->n_rows; i++)
		brow_free(&c->rows[i]);
	free(c->rows);
	free(c->case_json);
	free(c->as_of);
	free(c->report_currency);
	free(c->series_id);
	free(c->lang);
	strv_free(c->schemes, c->n_schemes);
	strv_free(c->options, c->n_options);
	for (size_t i = 0; i < c->n_fx; i++) {
		free(c->fx[i].pair);
		free(c->fx[i].rate);
		free(c->fx[i].from);
		free(c->fx[i].source);
	}
	free(c->fx);
	for (size_t i = 0; i < c->n_series; i++) {
		free(c->series[i].text);
		free(c->series[i].format);
	}
	free(c->series);
	strv_free(c->defs, c->n_defs);
	free(c->def_lens);
	free(c->text);
	free(c->case_id);
	free(c->currency);
	free(c);
}

/* A batch stream (batchStream in index.js): the arguments of batchOpen,
 * copied once (cfg), and the context, options and batch that its first
 * window builds on the thread pool and the next windows reuse. One window
 * runs at a time. batchClose, or the handle's finalizer when the stream was
 * dropped, frees them; a window still running is cancelled first and the
 * stream freed when it ends. */
typedef struct bstream {
	call *cfg;
	rep_context *ctx;
	rep_options *o;
	rep_batch *b;
	bool running, closed;   /* main thread only */
	atomic_bool cancel;     /* read by the running window's row callback */
} bstream;

static void close_context(rep_context *ctx);

static void stream_drop_batch(bstream *s)
{
	rep_batch_free(s->b);
	rep_options_free(s->o);
	close_context(s->ctx);
	s->b = NULL;
	s->o = NULL;
	s->ctx = NULL;
}

static void stream_release(bstream *s)
{
	stream_drop_batch(s);
	call_free(s->cfg);
	s->cfg = NULL;
}

/* Free c; a window hands its stream back (and frees it if it was closed meanwhile). */
static void call_end(napi_env env, call *c)
{
	bstream *s = c->stream;
	if (s) {
		s->running = false;
		if (s->closed)
			stream_release(s);
		napi_delete_reference(env, c->stream_ref);
	}
	call_free(c);
}

/* A pending JS exception makes every later call fail; check and bail. */
#define TRY(expr)                                 \
	do {                                      \
		if ((expr) != napi_ok)            \
			return -1;                \
	} while (0)

static int throw_type(napi_env env, const char *what, const char *expected)
{
	char msg[256];
	snprintf(msg, sizeof msg, "%s: expected %s", what, expected);
	napi_throw_type_error(env, NULL, msg);
	return -1;
}

static int throw_nomem(napi_env env)
{
	napi_throw_error(env, "ENOMEM", "reparations: out of memory");
	return -1;
}

static bool is_nullish(napi_env env, napi_value v)
{
	napi_valuetype t;
	if (napi_typeof(env, v, &t) != napi_ok)
		return false;
	return t == napi_null || t == napi_undefined;
}

/* A copy of a JS string (or the bytes of a Buffer when allow_bytes). NUL
 * characters are refused in strings that go to the library as C strings. */
static int get_text(napi_env env, napi_value v, char **out, size_t *len, bool allow_null, bool allow_bytes,
		    const char *what)
{
	*out = NULL;
	if (len)
		*len = 0;
	napi_valuetype t;
	TRY(napi_typeof(env, v, &t));
	if (t == napi_null || t == napi_undefined) {
		if (allow_null)
			return 0;
		return throw_type(env, what, "a string");
	}
	if (t == napi_string) {
		size_t n;
		TRY(napi_get_value_string_utf8(env, v, NULL, 0, &n));
		char *s = malloc(n + 1);
		if (!s)
			return throw_nomem(env);
		if (napi_get_value_string_utf8(env, v, s, n + 1, &n) != napi_ok) {
			free(s);
			return -1;
		}
		if (!allow_bytes && strlen(s) != n) {
			free(s);
			char msg[256];
			snprintf(msg, sizeof msg, "%s contains a NUL character", what);
			napi_throw_type_error(env, NULL, msg);
			return -1;
		}
		*out = s;
		if (len)
			*len = n;
		return 0;
	}
	bool is_buf = false;
	if (allow_bytes && napi_is_buffer(env, v, &is_buf) == napi_ok && is_buf) {
		void *data;
		size_t n;
		TRY(napi_get_buffer_info(env, v, &data, &n));
		char *s = malloc(n + 1);
		if (!s)
			return throw_nomem(env);
		if (n)
			memcpy(s, data, n);
		s[n] = '\0';
		*out = s;
		if (len)
			*len = n;
		return 0;
	}
	return throw_type(env, what, allow_bytes ? "a string or a Buffer" : "a string");
}

static int get_array(napi_env env, napi_value v, uint32_t *n, const char *what)
{
	bool is_array = false;
	TRY(napi_is_array(env, v, &is_array));
	if (!is_array)
		return throw_type(env, what, "an array");
	TRY(napi_get_array_length(env, v, n));
	return 0;
}

static int get_strv(napi_env env, napi_value v, char ***out, size_t *n, const char *what)
{
	*out = NULL;
	*n = 0;
	if (is_nullish(env, v))
		return 0;
	uint32_t k;
	if (get_array(env, v, &k, what))
		return -1;
	char **s = calloc((size_t)k + 1, sizeof *s);
	if (!s)
		return throw_nomem(env);
	*out = s;
	for (uint32_t i = 0; i < k; i++) {
		napi_value item;
		TRY(napi_get_element(env, v, i, &item));
		if (get_text(env, item, &s[i], NULL, false, false, what))
			return -1;
		(*n)++;
	}
	return 0;
}

static int get_elem(napi_env env, napi_value arr, uint32_t i, napi_value *out)
{
	TRY(napi_get_element(env, arr, i, out));
	return 0;
}

/* extras: null, or [fx, series, defs]:
 *   fx: [[pair, rate, from|null, source|null], ...]
 *   series: [[text, "csv"|"json"], ...]
 *   defs: [jsonText, ...] */
static int get_extras(napi_env env, napi_value v, call *c)
{
	if (is_nullish(env, v))
		return 0;
	uint32_t k;
	napi_value fx, series, defs;
	if (get_array(env, v, &k, "extras"))
		return -1;
	if (k != 3 && k != 4)
		return throw_type(env, "extras", "[fx, series, defs, lang?]");
	if (get_elem(env, v, 0, &fx) || get_elem(env, v, 1, &series) || get_elem(env, v, 2, &defs))
		return -1;
	if (k == 4) {
		napi_value lang;
		if (get_elem(env, v, 3, &lang) || get_text(env, lang, &c->lang, NULL, true, false, "lang"))
			return -1;
	}

	if (get_array(env, fx, &k, "fx"))
		return -1;
	if (k && !(c->fx = calloc(k, sizeof *c->fx)))
		return throw_nomem(env);
	for (uint32_t i = 0; i < k; i++) {
		napi_value item, p[4];
		uint32_t m;
		if (get_elem(env, fx, i, &item) || get_array(env, item, &m, "fx item"))
			return -1;
		if (m != 4)
			return throw_type(env, "fx item", "[pair, rate, from, source]");
		for (uint32_t j = 0; j < 4; j++)
			if (get_elem(env, item, j, &p[j]))
				return -1;
		fx_arg *f = &c->fx[i];
		c->n_fx++;
		if (get_text(env, p[0], &f->pair, NULL, false, false, "fx pair") ||
		    get_text(env, p[1], &f->rate, NULL, false, false, "fx rate") ||
		    get_text(env, p[2], &f->from, NULL, true, false, "fx date") ||
		    get_text(env, p[3], &f->source, NULL, true, false, "fx source"))
			return -1;
	}

	if (get_array(env, series, &k, "series"))
		return -1;
	if (k && !(c->series = calloc(k, sizeof *c->series)))
		return throw_nomem(env);
	for (uint32_t i = 0; i < k; i++) {
		napi_value item, text, format;
		uint32_t m;
		if (get_elem(env, series, i, &item) || get_array(env, item, &m, "series item"))
			return -1;
		if (m != 2)
			return throw_type(env, "series item", "[text, format]");
		if (get_elem(env, item, 0, &text) || get_elem(env, item, 1, &format))
			return -1;
		series_arg *s = &c->series[i];
		c->n_series++;
		if (get_text(env, text, &s->text, &s->len, false, true, "series text") ||
		    get_text(env, format, &s->format, NULL, false, false, "series format"))
			return -1;
	}

	if (get_array(env, defs, &k, "scheme definitions"))
		return -1;
	if (k && (!(c->defs = calloc(k, sizeof *c->defs)) || !(c->def_lens = calloc(k, sizeof *c->def_lens))))
		return throw_nomem(env);
	for (uint32_t i = 0; i < k; i++) {
		napi_value item;
		if (get_elem(env, defs, i, &item))
			return -1;
		c->n_defs++;
		if (get_text(env, item, &c->defs[i], &c->def_lens[i], false, true, "scheme definition"))
			return -1;
	}
	return 0;
}

static bool has_extras(const call *c)
{
	return c->n_fx || c->n_series || c->n_defs;
}

/* ---- library work: no JS values touched below this line ---- */

static rep_status fail(call *c, const char *stage, rep_status st)
{
	c->st = st;
	c->stage = stage;
	if (c->err.status == REP_OK)
		c->err.status = st;
	return st;
}

static rep_status open_context(call *c, rep_context **ctx)
{
	*ctx = NULL;
	if (!has_extras(c)) {
		pthread_once(&shared_once, shared_init);
		if (!shared_ctx) {
			c->err = shared_err;
			return fail(c, "context", shared_err.status ? shared_err.status : REP_ENOMEM);
		}
		*ctx = shared_ctx;
		return REP_OK;
	}
	rep_status st = rep_context_new(ctx, &c->err);
	if (st)
		return fail(c, "context", st);
	for (size_t i = 0; i < c->n_defs; i++)
		if ((st = rep_context_load_scheme(*ctx, c->defs[i], c->def_lens[i], &c->err)))
			return fail(c, "scheme_def", st);
	for (size_t i = 0; i < c->n_series; i++)
		if ((st = rep_context_load_series(*ctx, c->series[i].text, c->series[i].len, c->series[i].format,
						  &c->err)))
			return fail(c, "series", st);
	for (size_t i = 0; i < c->n_fx; i++) {
		const fx_arg *f = &c->fx[i];
		rep_date from = REP_DATE_NONE;
		if (f->from && (st = rep_date_parse(&from, f->from, &c->err)))
			return fail(c, "fx", st);
		if ((st = rep_context_set_fx(*ctx, f->pair, f->rate, from, f->source ? f->source : "user-supplied (fx)",
					     &c->err)))
			return fail(c, "fx", st);
	}
	return REP_OK;
}

static void close_context(rep_context *ctx)
{
	if (ctx && ctx != shared_ctx)
		rep_context_free(ctx);
}

static rep_status read_case(call *c, rep_case **cs)
{
	rep_status st = rep_case_from_json(cs, c->case_json, c->case_len, &c->err);
	if (st)
		return fail(c, "case", st);
	if (c->as_of) {
		rep_date d;
		if ((st = rep_date_parse(&d, c->as_of, &c->err)))
			return fail(c, "as_of", st);
		if ((st = rep_case_set_as_of(*cs, d)))
			return fail(c, "as_of", st);
		if ((st = rep_case_validate(*cs, &c->err)))
			return fail(c, "case", st);
	}
	return REP_OK;
}

static rep_status read_options(call *c, const rep_context *ctx, rep_options **o)
{
	rep_status st = rep_options_new(o);
	if (st)
		return fail(c, "option", st);
	for (size_t i = 0; i < c->n_options; i++)
		if ((st = rep_options_add(*o, c->options[i], &c->err)))
			return fail(c, "option", st);
	if ((st = rep_options_check(*o, ctx, &c->err)))
		return fail(c, "option", st);
	return REP_OK;
}

static rep_status check_schemes(call *c, const rep_context *ctx)
{
	for (size_t i = 0; i < c->n_schemes; i++)
		if (!rep_scheme_find(ctx, c->schemes[i])) {
			c->err.status = REP_ENOTFOUND;
			snprintf(c->err.path, sizeof c->err.path, "schemes[%zu]", i);
			snprintf(c->err.message, sizeof c->err.message,
				 "schemes[%zu]: unknown scheme \"%.200s\" (reparations.schemes() lists them)", i,
				 c->schemes[i]);
			return fail(c, "scheme", REP_ENOTFOUND);
		}
	return REP_OK;
}

/* The render options for the call's language (NULL when English); a
 * language the library does not have fails with the path "lang". */
static rep_status render_opts(call *c, rep_render_opts **o)
{
	*o = NULL;
	/* the statement always has them: with the case, its reasons name the case's own facts
	 * ("barred: amnesty"), as the CLI's --format html does */
	if (!c->lang && c->kind != CALL_STATEMENT)
		return REP_OK;
	rep_status st = rep_render_opts_new(o);
	if (st)
		return fail(c, "render", st);
	if (c->lang && (st = rep_render_opts_set_lang(*o, c->lang, &c->err))) {
		snprintf(c->err.path, sizeof c->err.path, "lang");
		return fail(c, "lang", st);
	}
	return REP_OK;
}

static void work_estimate(call *c)
{
	rep_context *ctx = NULL;
	rep_case *cs = NULL;
	rep_options *o = NULL;
	rep_estimate **es = NULL;
	rep_render_opts *ro = NULL;
	size_t n = 0;
	if (render_opts(c, &ro) || open_context(c, &ctx) || read_case(c, &cs) || read_options(c, ctx, &o) ||
	    check_schemes(c, ctx))
		goto out;
	if (ro) /* the user's own words (harm descriptions, notes) are shown as written */
		rep_render_opts_set_case(ro, cs);
	if (!(es = calloc(c->n_schemes ? c->n_schemes : 1, sizeof *es))) {
		fail(c, "estimate", REP_ENOMEM);
		goto out;
	}
	for (; n < c->n_schemes; n++) {
		rep_status st = rep_estimate_compute(&es[n], ctx, cs, c->schemes[n], o, &c->err);
		if (st) {
			fail(c, "estimate", st);
			goto out;
		}
	}
	rep_status st = rep_estimates_render_opts(&c->text, &c->len, rep_case_id(cs), (const rep_estimate *const *)es, n,
						  REP_FORMAT_JSON, ro, &c->err);
	if (st)
		fail(c, "render", st);
out:
	for (size_t i = 0; es && i < n; i++)
		rep_estimate_free(es[i]);
	free(es);
	rep_render_opts_free(ro);
	rep_options_free(o);
	rep_case_free(cs);
	close_context(ctx);
}

static void work_compare(call *c)
{
	rep_context *ctx = NULL;
	rep_case *cs = NULL;
	rep_options *o = NULL;
	rep_comparison *cmp = NULL;
	rep_render_opts *ro = NULL;
	const char **all = NULL;
	if (render_opts(c, &ro) || open_context(c, &ctx) || read_case(c, &cs) || read_options(c, ctx, &o) ||
	    check_schemes(c, ctx))
		goto out;
	if (ro) /* the user's own words (harm descriptions, notes) are shown as written */
		rep_render_opts_set_case(ro, cs);
	const char *const *ids = (const char *const *)c->schemes;
	size_t n = c->n_schemes;
	if (c->all_schemes) {
		n = rep_scheme_count(ctx);
		if (!(all = calloc(n ? n : 1, sizeof *all))) {
			fail(c, "compare", REP_ENOMEM);
			goto out;
		}
		for (size_t i = 0; i < n; i++)
			all[i] = rep_scheme_id(rep_scheme_at(ctx, i));
		ids = all;
	}
	rep_status st = rep_compare(&cmp, ctx, cs, ids, n, o, c->report_currency, &c->err);
	if (st) {
		fail(c, "compare", st);
		goto out;
	}
	if ((st = rep_comparison_render_opts(&c->text, &c->len, cmp,
					     c->kind == CALL_STATEMENT ? REP_FORMAT_HTML : REP_FORMAT_JSON, ro, &c->err)))
		fail(c, "render", st);
out:
	rep_comparison_free(cmp);
	rep_render_opts_free(ro);
	free(all);
	rep_options_free(o);
	rep_case_free(cs);
	close_context(ctx);
}

static void work_schemes(call *c)
{
	rep_context *ctx = NULL;
	if (!open_context(c, &ctx)) {
		rep_status st = rep_schemes_render(&c->text, &c->len, ctx, REP_FORMAT_JSON, &c->err);
		if (st)
			fail(c, "render", st);
	}
	close_context(ctx);
}

static void work_refdata(call *c)
{
	rep_context *ctx = NULL;
	if (!open_context(c, &ctx)) {
		rep_status st = rep_refdata_render(&c->text, &c->len, ctx, c->series_id, REP_FORMAT_JSON, &c->err);
		if (st)
			fail(c, "refdata", st);
	}
	close_context(ctx);
}

static char *dup_or_null(const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s) + 1;
	char *d = malloc(n);
	if (d)
		memcpy(d, s, n);
	return d;
}

static void work_validate(call *c)
{
	rep_case *cs = NULL;
	if (read_case(c, &cs))
		goto out;
	c->case_id = dup_or_null(rep_case_id(cs));
	c->currency = dup_or_null(rep_case_currency(cs));
	if ((rep_case_id(cs) && !c->case_id) || (rep_case_currency(cs) && !c->currency)) {
		fail(c, "validate", REP_ENOMEM);
		goto out;
	}
	c->n_detentions = rep_case_detention_count(cs);
	c->n_harms = rep_case_harm_count(cs);
out:
	rep_case_free(cs);
}

/* A copy of s (NULL stays NULL); *bad is set when memory ran out. */
static char *dup_track(const char *s, bool *bad)
{
	char *d = dup_or_null(s);
	if (s && !d)
		*bad = true;
	return d;
}

static char *dup_nonempty(const char *s, bool *bad)
{
	return dup_track(s && *s ? s : NULL, bad);
}

static rep_status copy_row(call *c, const rep_batch_row *r, size_t index)
{
	if (c->n_rows == c->cap_rows) {
		size_t cap = c->cap_rows ? 2 * c->cap_rows : 16;
		brow *rows = realloc(c->rows, cap * sizeof *rows);
		if (!rows)
			return REP_ENOMEM;
		c->rows = rows;
		c->cap_rows = cap;
	}
	brow *b = &c->rows[c->n_rows++];
	memset(b, 0, sizeof *b);
	bool bad = false;
	b->index = index;
	b->line = r->line;
	b->seq = c->n_rows;
	b->status = r->status;
	b->case_id = dup_track(r->case_id ? r->case_id : "", &bad);
	b->scheme = dup_track(r->scheme, &bad);
	if (r->status != REP_OK && r->error) {
		b->error_path = dup_track(r->error->path, &bad);
		b->error_message = dup_track(r->error->message[0] ? r->error->message : rep_strerror(r->status), &bad);
	}
	const rep_estimate *e = r->estimate;
	if (e) {
		const char *lo = NULL, *hi = NULL;
		bool range = rep_estimate_range(e, &lo, &hi, NULL);
		b->has_estimate = true;
		b->eligible = rep_estimate_eligible(e);
		b->currency = dup_track(rep_estimate_currency(e), &bad);
		b->total = dup_track(rep_estimate_total(e), &bad);
		b->total_if_eligible = dup_nonempty(rep_estimate_total_if_eligible(e), &bad);
		if (range) {
			b->range_low = dup_track(lo, &bad);
			b->range_high = dup_track(hi, &bad);
		}
		b->pecuniary = dup_track(rep_estimate_total_pecuniary(e), &bad);
		b->non_pecuniary = dup_track(rep_estimate_total_non_pecuniary(e), &bad);
		b->days = rep_estimate_days(e);
		b->per_day = dup_nonempty(rep_estimate_per_day(e), &bad);
		b->warnings = rep_estimate_warning_count(e);
		rep_head_total h[64];
		size_t nh = rep_estimate_heads(e, h, 64);
		if (nh > 64)
			nh = 64;
		if (nh && (b->heads = calloc(2 * nh, sizeof *b->heads))) {
			b->n_heads = nh;
			for (size_t i = 0; i < nh; i++) {
				b->heads[2 * i] = dup_track(h[i].head, &bad);
				b->heads[2 * i + 1] = dup_track(h[i].amount, &bad);
			}
		} else if (nh) {
			bad = true;
		}
		size_t nl = c->with_lines ? rep_estimate_line_count(e) : 0;
		if (nl && (b->lines = calloc(LINE_FIELDS * nl, sizeof *b->lines))) {
			b->n_lines = nl;
			for (size_t i = 0; i < nl; i++) {
				const rep_line *l = rep_estimate_line(e, i);
				const char *f[LINE_FIELDS] = {l->head,     l->group, l->klass, l->label, l->basis,
							      l->formula,  l->quantity, l->unit, l->rate,  l->nominal,
							      l->adjustment, l->amount, l->note};
				for (size_t k = 0; k < LINE_FIELDS; k++)
					b->lines[LINE_FIELDS * i + k] = dup_track(f[k], &bad);
			}
		} else if (nl) {
			bad = true;
		}
	}
	return bad ? REP_ENOMEM : REP_OK;
}

/* What a window's row callback returns once its stream is closed: the run stops there. */
#define STOP_CLOSED REP_EINVAL

static rep_status on_row(void *user, const rep_batch_row *r)
{
	call *c = user;
	if (c->stream && atomic_load_explicit(&c->stream->cancel, memory_order_relaxed))
		return STOP_CLOSED;
	return copy_row(c, r, c->index_map ? c->index_map[r->index] : r->index);
}

static int row_order(const void *a, const void *b)
{
	const brow *x = a, *y = b;
	if (x->index != y->index)
		return x->index < y->index ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* With asOf the cases are read here (the valuation date set on each, then
 * checked again); a case that cannot be read is its error row, as the
 * library's own reading of texts makes it, and the others run as a batch. */
static rep_status batch_as_of(call *c, rep_batch *b, const char *as_of)
{
	rep_date d;
	rep_status st = rep_date_parse(&d, as_of, &c->err);
	if (st)
		return fail(c, "as_of", st);
	rep_case **cases = calloc(c->n_texts ? c->n_texts : 1, sizeof *cases);
	size_t *map = calloc(c->n_texts ? c->n_texts : 1, sizeof *map);
	size_t n = 0;
	if (!cases || !map) {
		st = fail(c, "batch", REP_ENOMEM);
		goto out;
	}
	for (size_t i = 0; i < c->n_texts; i++) {
		rep_error e;
		rep_error_clear(&e);
		rep_case *cs = NULL;
		st = rep_case_from_json(&cs, c->texts[i], c->lens[i], &e);
		if (!st && !(st = rep_case_set_as_of(cs, d)))
			st = rep_case_validate(cs, &e);
		if (st) {
			if (e.status == REP_OK)
				e.status = st;
			rep_batch_row r = {.index = i, .case_id = cs && rep_case_id(cs) ? rep_case_id(cs) : "", .status = st,
					   .error = &e};
			st = copy_row(c, &r, i);
			rep_case_free(cs);
			if (st) {
				st = fail(c, "batch", st);
				goto out;
			}
			continue;
		}
		map[n] = i;
		cases[n++] = cs;
	}
	c->index_map = map;
	st = rep_batch_run(b, (const rep_case *const *)cases, n, on_row, c, &c->err);
	c->index_map = NULL;
	if (st)
		fail(c, "batch", st);
	else if (c->n_rows > 1)
		qsort(c->rows, c->n_rows, sizeof *c->rows, row_order);
out:
	for (size_t i = 0; cases && i < n; i++)
		rep_case_free(cases[i]);
	free(cases);
	free(map);
	return c->st;
}

/* The context, options and batch for the arguments of c (a batch, or a stream's cfg). */
static rep_status batch_prepare(call *c, rep_context **ctx, rep_options **o, rep_batch **b)
{
	if (open_context(c, ctx) || read_options(c, *ctx, o))
		return c->st;
	rep_status st = rep_batch_new(b, *ctx, (const char *const *)c->schemes, c->n_schemes, *o, &c->err);
	if (st)
		return fail(c, "batch", st);
	if ((st = rep_batch_set_jobs(*b, c->jobs))) {
		snprintf(c->err.path, sizeof c->err.path, "jobs");
		snprintf(c->err.message, sizeof c->err.message, "jobs: %u is not 0..%u", c->jobs, REP_BATCH_MAX_JOBS);
		return fail(c, "jobs", st);
	}
	/* rows of totals need no words of the lines */
	rep_batch_set_detail(*b, c->with_lines ? REP_DETAIL_FULL : REP_DETAIL_TOTALS);
	return REP_OK;
}

/* c's case texts through b, into c's rows; as_of: NULL, or every case's valuation date. */
static void batch_run(call *c, rep_batch *b, const char *as_of)
{
	if (as_of) {
		batch_as_of(c, b, as_of);
		return;
	}
	rep_status st = rep_batch_run_texts(b, (const char *const *)c->texts, c->lens, c->n_texts, on_row, c, &c->err);
	if (st)
		fail(c, "batch", st);
}

static void work_batch(call *c)
{
	rep_context *ctx = NULL;
	rep_options *o = NULL;
	rep_batch *b = NULL;
	if (!batch_prepare(c, &ctx, &o, &b))
		batch_run(c, b, c->as_of);
	rep_batch_free(b);
	rep_options_free(o);
	close_context(ctx);
}

/* One window of a stream; the first builds the stream's batch (its error, an
 * unknown option say, is this window's, and nothing of it is kept). */
static void work_window(call *c)
{
	bstream *s = c->stream;
	if (!s->b && batch_prepare(s->cfg, &s->ctx, &s->o, &s->b)) {
		c->st = s->cfg->st;
		c->stage = s->cfg->stage;
		c->err = s->cfg->err;
		stream_drop_batch(s);
		s->cfg->st = REP_OK;
		rep_error_clear(&s->cfg->err);
		return;
	}
	batch_run(c, s->b, s->cfg->as_of);
	if (c->st == STOP_CLOSED && atomic_load(&s->cancel))
		snprintf(c->err.message, sizeof c->err.message, "the batch stream was closed");
}

static void work(call *c)
{
	switch (c->kind) {
	case CALL_ESTIMATE:
		work_estimate(c);
		break;
	case CALL_COMPARE:
		work_compare(c);
		break;
	case CALL_SCHEMES:
		work_schemes(c);
		break;
	case CALL_REFDATA:
		work_refdata(c);
		break;
	case CALL_VALIDATE:
		work_validate(c);
		break;
	case CALL_BATCH:
		work_batch(c);
		break;
	case CALL_WINDOW:
		work_window(c);
		break;
	case CALL_STATEMENT:
		work_compare(c);
		break;
	}
}

/* ---- back in JS ---- */

static napi_value make_str(napi_env env, const char *s)
{
	napi_value v = NULL;
	napi_create_string_utf8(env, s ? s : "", NAPI_AUTO_LENGTH, &v);
	return v;
}

static napi_status set_prop(napi_env env, napi_value obj, const char *key, napi_value v)
{
	return napi_set_named_property(env, obj, key, v);
}

/* The Error for a failed call (thrown or rejected), with a `rep` property. */
static napi_value make_error(napi_env env, const call *c)
{
	const char *code = c->st == REP_ENOMEM ? "no_memory" : rep_status_name(c->st);
	const char *message = c->err.message[0] ? c->err.message : rep_strerror(c->st);
	napi_value err = NULL, msg, rep, status;
	if (napi_create_string_utf8(env, message, NAPI_AUTO_LENGTH, &msg) != napi_ok ||
	    napi_create_error(env, NULL, msg, &err) != napi_ok || napi_create_object(env, &rep) != napi_ok ||
	    napi_create_int32(env, (int32_t)c->st, &status) != napi_ok)
		return err;
	set_prop(env, rep, "stage", make_str(env, c->stage ? c->stage : ""));
	set_prop(env, rep, "status", status);
	set_prop(env, rep, "code", make_str(env, code));
	set_prop(env, rep, "path", make_str(env, c->err.path));
	set_prop(env, rep, "message", msg);
	set_prop(env, err, "rep", rep);
	return err;
}

static napi_value str_or_null(napi_env env, const char *s)
{
	napi_value v = NULL;
	if (s)
		napi_create_string_utf8(env, s, NAPI_AUTO_LENGTH, &v);
	else
		napi_get_null(env, &v);
	return v;
}

static const char *const line_keys[LINE_FIELDS] = {"head",    "group", "class", "label",   "basis",
						   "formula", "quantity", "unit", "rate", "nominal",
						   "adjustment", "amount", "note"};

/* One row as a plain object (field names as the Python binding's BatchRow). */
static napi_status make_row(napi_env env, const call *c, const brow *b, napi_value *out)
{
	napi_status s;
	napi_value o, v;
	if ((s = napi_create_object(env, &o)) != napi_ok)
		return s;
#define PUT(key, val)                                               \
	do {                                                        \
		if ((s = set_prop(env, o, key, (val))) != napi_ok) \
			return s;                                   \
	} while (0)
	napi_create_double(env, (double)b->index, &v);
	PUT("index", v);
	if (b->line)
		napi_create_double(env, (double)b->line, &v);
	else
		napi_get_null(env, &v);
	PUT("line", v);
	PUT("case", str_or_null(env, b->case_id));
	PUT("scheme", str_or_null(env, b->scheme));
	PUT("status", make_str(env, b->status == REP_OK ? "ok" : b->status == REP_ENOMEM ? "no_memory"
										 : rep_status_name(b->status)));
	napi_get_boolean(env, b->status == REP_OK, &v);
	PUT("ok", v);
	PUT("error_path", str_or_null(env, b->error_path));
	PUT("error_message", str_or_null(env, b->error_message));
	if (b->has_estimate)
		napi_get_boolean(env, b->eligible, &v);
	else
		napi_get_null(env, &v);
	PUT("eligible", v);
	PUT("currency", str_or_null(env, b->currency));
	PUT("total", str_or_null(env, b->total));
	PUT("total_if_eligible", str_or_null(env, b->total_if_eligible));
	PUT("range_low", str_or_null(env, b->range_low));
	PUT("range_high", str_or_null(env, b->range_high));
	PUT("total_pecuniary", str_or_null(env, b->pecuniary));
	PUT("total_non_pecuniary", str_or_null(env, b->non_pecuniary));
	if (b->has_estimate)
		napi_create_double(env, (double)b->days, &v);
	else
		napi_get_null(env, &v);
	PUT("days", v);
	PUT("per_day", str_or_null(env, b->per_day));
	if (b->has_estimate)
		napi_create_double(env, (double)b->warnings, &v);
	else
		napi_get_null(env, &v);
	PUT("warnings", v);
	if (b->has_estimate) {
		if ((s = napi_create_object(env, &v)) != napi_ok)
			return s;
		for (size_t i = 0; i < b->n_heads; i++)
			if ((s = set_prop(env, v, b->heads[2 * i], make_str(env, b->heads[2 * i + 1]))) != napi_ok)
				return s;
	} else {
		napi_get_null(env, &v);
	}
	PUT("heads", v);
	if (c->with_lines) {
		if (b->has_estimate) {
			if ((s = napi_create_array_with_length(env, b->n_lines, &v)) != napi_ok)
				return s;
			for (size_t i = 0; i < b->n_lines; i++) {
				napi_value l;
				if ((s = napi_create_object(env, &l)) != napi_ok)
					return s;
				for (size_t k = 0; k < LINE_FIELDS; k++) {
					const char *f = b->lines[LINE_FIELDS * i + k];
					if (f && (s = set_prop(env, l, line_keys[k], make_str(env, f))) != napi_ok)
						return s;
				}
				if ((s = napi_set_element(env, v, (uint32_t)i, l)) != napi_ok)
					return s;
			}
		} else {
			napi_get_null(env, &v);
		}
		PUT("lines", v);
	}
#undef PUT
	*out = o;
	return napi_ok;
}

static napi_status make_rows(napi_env env, const call *c, napi_value *out)
{
	napi_status s;
	napi_value a;
	if ((s = napi_create_array_with_length(env, c->n_rows, &a)) != napi_ok)
		return s;
	for (size_t i = 0; i < c->n_rows; i++) {
		napi_value r;
		if ((s = make_row(env, c, &c->rows[i], &r)) != napi_ok ||
		    (s = napi_set_element(env, a, (uint32_t)i, r)) != napi_ok)
			return s;
	}
	*out = a;
	return napi_ok;
}

/* The result of a successful call: JSON text, or [id, currency, nDetentions, nHarms]. */
static napi_status make_result(napi_env env, const call *c, napi_value *out)
{
	napi_status s;
	if (c->kind == CALL_BATCH || c->kind == CALL_WINDOW)
		return make_rows(env, c, out);
	if (c->kind != CALL_VALIDATE)
		return napi_create_string_utf8(env, c->text ? c->text : "", c->text ? c->len : 0, out);
	napi_value a, v;
	if ((s = napi_create_array_with_length(env, 4, &a)) != napi_ok)
		return s;
	napi_value id = NULL, cur = NULL;
	napi_get_null(env, &id);
	napi_get_null(env, &cur);
	if (c->case_id)
		id = make_str(env, c->case_id);
	if (c->currency)
		cur = make_str(env, c->currency);
	napi_set_element(env, a, 0, id);
	napi_set_element(env, a, 1, cur);
	napi_create_double(env, (double)c->n_detentions, &v);
	napi_set_element(env, a, 2, v);
	napi_create_double(env, (double)c->n_harms, &v);
	napi_set_element(env, a, 3, v);
	*out = a;
	return napi_ok;
}

static void async_execute(napi_env env, void *data)
{
	(void)env;
	work((call *)data);
}

static void async_complete(napi_env env, napi_status status, void *data)
{
	call *c = data;
	napi_value v = NULL;
	if (status == napi_cancelled) {
		napi_value msg;
		napi_create_string_utf8(env, "reparations: the call was cancelled", NAPI_AUTO_LENGTH, &msg);
		napi_create_error(env, NULL, msg, &v);
		napi_reject_deferred(env, c->deferred, v);
	} else if (c->st) {
		napi_reject_deferred(env, c->deferred, make_error(env, c));
	} else if (make_result(env, c, &v) == napi_ok) {
		napi_resolve_deferred(env, c->deferred, v);
	} else {
		napi_value msg, err;
		napi_create_string_utf8(env, "reparations: cannot build the result", NAPI_AUTO_LENGTH, &msg);
		napi_create_error(env, NULL, msg, &err);
		napi_reject_deferred(env, c->deferred, err);
	}
	napi_delete_async_work(env, c->work);
	call_end(env, c);
}

/* Run `c` now (sync) or on the thread pool (async: returns a Promise). Takes ownership of c. */
static napi_value run(napi_env env, call *c, bool async)
{
	rep_error_clear(&c->err);
	napi_value out = NULL;
	if (!async) {
		work(c);
		if (c->st)
			napi_throw(env, make_error(env, c));
		else if (make_result(env, c, &out) != napi_ok)
			out = NULL;
		call_end(env, c);
		return out;
	}
	napi_value promise, name;
	if (napi_create_promise(env, &c->deferred, &promise) != napi_ok ||
	    napi_create_string_utf8(env, "reparations", NAPI_AUTO_LENGTH, &name) != napi_ok) {
		call_end(env, c);
		return NULL;
	}
	if (napi_create_async_work(env, NULL, name, async_execute, async_complete, c, &c->work) != napi_ok ||
	    napi_queue_async_work(env, c->work) != napi_ok) {
		/* settle the promise so that nobody waits forever */
		napi_value msg, err;
		napi_create_string_utf8(env, "reparations: cannot queue the work", NAPI_AUTO_LENGTH, &msg);
		napi_create_error(env, NULL, msg, &err);
		napi_reject_deferred(env, c->deferred, err);
		if (c->work)
			napi_delete_async_work(env, c->work);
		call_end(env, c);
	}
	return promise;
}

static call *call_new(napi_env env, call_kind kind)
{
	call *c = calloc(1, sizeof *c);
	if (!c)
		throw_nomem(env);
	else
		c->kind = kind;
	return c;
}

static bool truthy(napi_env env, napi_value v)
{
	bool b = false;
	napi_value coerced;
	if (napi_coerce_to_bool(env, v, &coerced) == napi_ok)
		napi_get_value_bool(env, coerced, &b);
	return b;
}

#define MAX_ARGS 8

static int get_args(napi_env env, napi_callback_info info, napi_value *argv, size_t want)
{
	size_t argc = MAX_ARGS;
	napi_value tmp[MAX_ARGS];
	TRY(napi_get_cb_info(env, info, &argc, tmp, NULL, NULL));
	napi_value undef;
	TRY(napi_get_undefined(env, &undef));
	for (size_t i = 0; i < want; i++)
		argv[i] = i < argc ? tmp[i] : undef;
	return 0;
}

/* estimate(caseText, schemes[], options[], asOf|null, extras|null, async) */
static napi_value js_estimate(napi_env env, napi_callback_info info)
{
	napi_value a[6];
	if (get_args(env, info, a, 6))
		return NULL;
	call *c = call_new(env, CALL_ESTIMATE);
	if (!c)
		return NULL;
	if (get_text(env, a[0], &c->case_json, &c->case_len, false, true, "case") ||
	    get_strv(env, a[1], &c->schemes, &c->n_schemes, "schemes") ||
	    get_strv(env, a[2], &c->options, &c->n_options, "options") ||
	    get_text(env, a[3], &c->as_of, NULL, true, false, "asOf") || get_extras(env, a[4], c)) {
		call_free(c);
		return NULL;
	}
	if (c->n_schemes == 0) {
		call_free(c);
		throw_type(env, "schemes", "at least one scheme id");
		return NULL;
	}
	return run(env, c, truthy(env, a[5]));
}

/* compare and statement take the same arguments:
 * (caseText, schemes[]|null, options[], asOf|null, reportCurrency|null, extras|null, async) */
static napi_value comparison_call(napi_env env, napi_callback_info info, call_kind kind)
{
	napi_value a[7];
	if (get_args(env, info, a, 7))
		return NULL;
	call *c = call_new(env, kind);
	if (!c)
		return NULL;
	c->all_schemes = is_nullish(env, a[1]);
	if (get_text(env, a[0], &c->case_json, &c->case_len, false, true, "case") ||
	    get_strv(env, a[1], &c->schemes, &c->n_schemes, "schemes") ||
	    get_strv(env, a[2], &c->options, &c->n_options, "options") ||
	    get_text(env, a[3], &c->as_of, NULL, true, false, "asOf") ||
	    get_text(env, a[4], &c->report_currency, NULL, true, false, "reportCurrency") ||
	    get_extras(env, a[5], c)) {
		call_free(c);
		return NULL;
	}
	return run(env, c, truthy(env, a[6]));
}

static napi_value js_compare(napi_env env, napi_callback_info info)
{
	return comparison_call(env, info, CALL_COMPARE);
}

/* The arguments a batch and a stream share: a[0..5] = schemes[], options[], asOf|null, jobs, lines, extras|null. */
static int get_batch_args(napi_env env, napi_value *a, call *c)
{
	int64_t jobs = 1;
	if (get_strv(env, a[0], &c->schemes, &c->n_schemes, "schemes") ||
	    get_strv(env, a[1], &c->options, &c->n_options, "options") ||
	    get_text(env, a[2], &c->as_of, NULL, true, false, "asOf"))
		return -1;
	if (napi_get_value_int64(env, a[3], &jobs) != napi_ok || jobs < 0 || jobs > REP_BATCH_MAX_JOBS)
		return throw_type(env, "jobs", "an integer 0..256");
	c->jobs = (unsigned)jobs;
	c->with_lines = truthy(env, a[4]);
	if (get_extras(env, a[5], c))
		return -1;
	if (c->n_schemes == 0)
		return throw_type(env, "schemes", "at least one scheme id");
	return 0;
}

/* The case texts of a batch or a window: a JS array of strings or Buffers. */
static int get_texts(napi_env env, napi_value v, call *c)
{
	uint32_t n;
	if (get_array(env, v, &n, "cases"))
		return -1;
	if (n && (!(c->texts = calloc(n, sizeof *c->texts)) || !(c->lens = calloc(n, sizeof *c->lens))))
		return throw_nomem(env);
	for (uint32_t i = 0; i < n; i++) {
		napi_value item;
		if (get_elem(env, v, i, &item))
			return -1;
		c->n_texts++;
		if (get_text(env, item, &c->texts[i], &c->lens[i], false, true, "case"))
			return -1;
	}
	return 0;
}

/* batch(caseTexts[], schemes[], options[], asOf|null, jobs, lines, extras|null, async) */
static napi_value js_batch(napi_env env, napi_callback_info info)
{
	napi_value a[8];
	if (get_args(env, info, a, 8))
		return NULL;
	call *c = call_new(env, CALL_BATCH);
	if (!c)
		return NULL;
	if (get_texts(env, a[0], c) || get_batch_args(env, a + 1, c)) {
		call_free(c);
		return NULL;
	}
	return run(env, c, truthy(env, a[7]));
}

/* A running window holds a reference to the handle, so this runs with one
 * only when the environment is torn down: the window is stopped and the
 * stream left to it (what it holds is freed if it completes), never freed
 * under it. */
static void stream_finalize(napi_env env, void *data, void *hint)
{
	(void)env;
	(void)hint;
	bstream *s = data;
	s->closed = true;
	atomic_store(&s->cancel, true);
	if (s->running)
		return;
	stream_release(s);
	free(s);
}

/* batchOpen(schemes[], options[], asOf|null, jobs, lines, extras|null) -> a stream handle.
 * Only copies the arguments: the first window builds the batch. */
static napi_value js_batch_open(napi_env env, napi_callback_info info)
{
	napi_value a[6], out = NULL;
	if (get_args(env, info, a, 6))
		return NULL;
	bstream *s = calloc(1, sizeof *s);
	if (!s) {
		throw_nomem(env);
		return NULL;
	}
	atomic_init(&s->cancel, false);
	if (!(s->cfg = call_new(env, CALL_BATCH)) || get_batch_args(env, a, s->cfg) ||
	    napi_create_external(env, s, stream_finalize, NULL, &out) != napi_ok) {
		stream_release(s);
		free(s);
		return NULL;
	}
	return out;
}

static bstream *get_stream(napi_env env, napi_value v)
{
	napi_valuetype t;
	void *s = NULL;
	if (napi_typeof(env, v, &t) != napi_ok || t != napi_external || napi_get_value_external(env, v, &s) != napi_ok) {
		throw_type(env, "stream", "a handle from batchOpen");
		return NULL;
	}
	return s;
}

/* batchWindow(stream, caseTexts[]) -> Promise of the window's rows (indexes from 0 in the window). */
static napi_value js_batch_window(napi_env env, napi_callback_info info)
{
	napi_value a[2];
	if (get_args(env, info, a, 2))
		return NULL;
	bstream *s = get_stream(env, a[0]);
	if (!s)
		return NULL;
	if (s->closed || s->running) {
		napi_throw_error(env, NULL, s->closed ? "reparations: the batch stream is closed"
						      : "reparations: a window of this batch stream is running");
		return NULL;
	}
	call *c = call_new(env, CALL_WINDOW);
	if (!c)
		return NULL;
	c->with_lines = s->cfg->with_lines;
	if (get_texts(env, a[1], c) || napi_create_reference(env, a[0], 1, &c->stream_ref) != napi_ok) {
		call_free(c);
		return NULL;
	}
	c->stream = s;
	s->running = true;
	return run(env, c, true);
}

/* batchClose(stream): frees the stream now, or (a window running) stops that
 * window at its next row and frees the stream when it ends. */
static napi_value js_batch_close(napi_env env, napi_callback_info info)
{
	napi_value a[1];
	if (get_args(env, info, a, 1))
		return NULL;
	bstream *s = get_stream(env, a[0]);
	if (!s)
		return NULL;
	s->closed = true;
	atomic_store(&s->cancel, true);
	if (!s->running)
		stream_release(s);
	return NULL;
}

static napi_value js_statement(napi_env env, napi_callback_info info)
{
	return comparison_call(env, info, CALL_STATEMENT);
}

/* schemes(extras|null) */
static napi_value js_schemes(napi_env env, napi_callback_info info)
{
	napi_value a[1];
	if (get_args(env, info, a, 1))
		return NULL;
	call *c = call_new(env, CALL_SCHEMES);
	if (!c)
		return NULL;
	if (get_extras(env, a[0], c)) {
		call_free(c);
		return NULL;
	}
	return run(env, c, false);
}

/* refdata(seriesId|null, extras|null) */
static napi_value js_refdata(napi_env env, napi_callback_info info)
{
	napi_value a[2];
	if (get_args(env, info, a, 2))
		return NULL;
	call *c = call_new(env, CALL_REFDATA);
	if (!c)
		return NULL;
	if (get_text(env, a[0], &c->series_id, NULL, true, false, "series") || get_extras(env, a[1], c)) {
		call_free(c);
		return NULL;
	}
	return run(env, c, false);
}

/* validate(caseText, asOf|null, async) */
static napi_value js_validate(napi_env env, napi_callback_info info)
{
	napi_value a[3];
	if (get_args(env, info, a, 3))
		return NULL;
	call *c = call_new(env, CALL_VALIDATE);
	if (!c)
		return NULL;
	if (get_text(env, a[0], &c->case_json, &c->case_len, false, true, "case") ||
	    get_text(env, a[1], &c->as_of, NULL, true, false, "asOf")) {
		call_free(c);
		return NULL;
	}
	return run(env, c, truthy(env, a[2]));
}

/* version() -> [string, number] */
static napi_value js_version(napi_env env, napi_callback_info info)
{
	(void)info;
	napi_value a, n;
	if (napi_create_array_with_length(env, 2, &a) != napi_ok)
		return NULL;
	napi_set_element(env, a, 0, make_str(env, rep_version_string()));
	napi_create_uint32(env, rep_version_number(), &n);
	napi_set_element(env, a, 1, n);
	return a;
}

/* The macro defines functions that some Node versions' headers do not declare first. */
#pragma GCC diagnostic ignored "-Wmissing-prototypes"
NAPI_MODULE_INIT(/* napi_env env, napi_value exports */)
{
	static const struct {
		const char *name;
		napi_callback fn;
	} fns[] = {
		{"estimate", js_estimate}, {"compare", js_compare}, {"schemes", js_schemes},
		{"refdata", js_refdata},   {"validate", js_validate}, {"version", js_version},
		{"batch", js_batch},       {"statement", js_statement}, {"batchOpen", js_batch_open},
		{"batchWindow", js_batch_window}, {"batchClose", js_batch_close},
	};
	for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
		napi_value f;
		if (napi_create_function(env, fns[i].name, NAPI_AUTO_LENGTH, fns[i].fn, NULL, &f) != napi_ok ||
		    napi_set_named_property(env, exports, fns[i].name, f) != napi_ok)
			return NULL;
	}
	napi_value max;
	if (napi_create_uint32(env, REP_ERROR_PATH_MAX, &max) != napi_ok ||
	    napi_set_named_property(env, exports, "REP_ERROR_PATH_MAX", max) != napi_ok)
		return NULL;
	return exports;
}
