/* reparations._reparations: the thin C layer of the Python binding.
 *
 * Every function takes JSON text and tuples of strings, and returns the
 * library's own JSON text (estimate, compare, schemes, refdata) or a small
 * tuple (validate, version). The friendly API, the Decimal conversion and the
 * exception hierarchy live in reparations/__init__.py.
 *
 * Threads: the arguments are copied into C pointers while the GIL is held
 * (into strings owned by immutable objects this call keeps referenced), then
 * the GIL is released for all library work, and taken back to build the
 * result. Calls without user data (exchange rates, series, scheme files) read
 * one module-level context created at import and never modified afterwards;
 * calls with user data build their own context (cheap: the built-in schemes
 * and series are static tables) and free it before returning.
 *
 * Errors: a failing library call raises the private _reparations.LibraryError
 * with args (stage, status, status_name, path, message); the Python layer maps
 * (stage, status) to reparations.Error subclasses. Out of memory raises
 * MemoryError directly. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stdlib.h>
#include <string.h>

#include "reparations.h"

PyMODINIT_FUNC PyInit__reparations(void);

static PyObject *library_error;     /* _reparations.LibraryError */
static rep_context *default_ctx;    /* created at import, only read afterwards */

/* ---- arguments copied out of Python objects ---- */

typedef struct text_arg {
	const char *s;
	size_t len;
} text_arg;

typedef struct fx_arg {
	const char *pair, *rate, *from, *source; /* from, source: NULL when absent */
} fx_arg;

typedef struct series_arg {
	text_arg text;
	const char *format; /* "csv" or "json" */
} series_arg;

/* What one call needs. Pointers point into Python objects listed in `keep`. */
typedef struct call_args {
	PyObject *keep;            /* list of the tuples whose items we point into */
	text_arg case_json;
	const char *as_of;         /* NULL: the case's own */
	const char *report_currency;
	const char *series_id;     /* refdata: NULL for the list */
	const char **schemes;      /* NULL with n_schemes == 0: every scheme (compare) */
	size_t n_schemes;
	int all_schemes;
	const char **options;
	size_t n_options;
	fx_arg *fx;
	size_t n_fx;
	series_arg *series;
	size_t n_series;
	text_arg *scheme_defs;
	size_t n_scheme_defs;
	const char *lang;          /* language of the human text: NULL for en */
} call_args;

/* What one call produces. */
typedef struct call_result {
	rep_status st;
	const char *stage;   /* which step failed: "case", "as_of", "option", "scheme", ... */
	rep_error err;
	char *text;          /* malloc'd JSON (caller frees) */
	size_t len;
	/* validate */
	char *case_id, *currency;
	size_t n_detentions, n_harms;
} call_result;

static void call_args_release(call_args *a)
{
	Py_CLEAR(a->keep);
	PyMem_Free((void *)a->schemes);
	PyMem_Free((void *)a->options);
	PyMem_Free(a->fx);
	PyMem_Free(a->series);
	PyMem_Free(a->scheme_defs);
	memset(a, 0, sizeof *a);
}

/* UTF-8 of a str (or the bytes of a bytes object) that must stay alive while
 * the pointer is used. NUL bytes are refused unless allow_nul. */
static int text_of(PyObject *o, text_arg *out, int allow_nul, const char *what)
{
	Py_ssize_t n;
	const char *s;
	if (PyUnicode_Check(o)) {
		s = PyUnicode_AsUTF8AndSize(o, &n);
		if (!s)
			return -1;
	} else if (PyBytes_Check(o)) {
		s = PyBytes_AS_STRING(o);
		n = PyBytes_GET_SIZE(o);
	} else {
		PyErr_Format(PyExc_TypeError, "%s must be str or bytes, not %.80s", what, Py_TYPE(o)->tp_name);
		return -1;
	}
	if (!allow_nul && strlen(s) != (size_t)n) {
		PyErr_Format(PyExc_ValueError, "%s contains a NUL character", what);
		return -1;
	}
	out->s = s;
	out->len = (size_t)n;
	return 0;
}

static int cstr_of(PyObject *o, const char **out, const char *what)
{
	if (o == Py_None) {
		*out = NULL;
		return 0;
	}
	text_arg t;
	if (!PyUnicode_Check(o)) {
		PyErr_Format(PyExc_TypeError, "%s must be str or None, not %.80s", what, Py_TYPE(o)->tp_name);
		return -1;
	}
	if (text_of(o, &t, 0, what))
		return -1;
	*out = t.s;
	return 0;
}

/* A tuple copy of a sequence (items referenced by the copy, so another thread
 * cannot free them by mutating a list while the GIL is released). */
static PyObject *kept_tuple(call_args *a, PyObject *seq, const char *what)
{
	if (PyUnicode_Check(seq) || PyBytes_Check(seq)) {
		PyErr_Format(PyExc_TypeError, "%s must be a sequence, not a single string", what);
		return NULL;
	}
	PyObject *t = PySequence_Tuple(seq);
	if (!t)
		return NULL;
	int rc = PyList_Append(a->keep, t);
	Py_DECREF(t);
	return rc ? NULL : t; /* borrowed: a->keep holds it */
}

static int str_list(call_args *a, PyObject *seq, const char ***out, size_t *n, const char *what)
{
	*out = NULL;
	*n = 0;
	if (seq == NULL || seq == Py_None)
		return 0;
	PyObject *t = kept_tuple(a, seq, what);
	if (!t)
		return -1;
	Py_ssize_t k = PyTuple_GET_SIZE(t);
	const char **v = PyMem_Calloc((size_t)k + 1, sizeof *v);
	if (!v) {
		PyErr_NoMemory();
		return -1;
	}
	*out = v;
	for (Py_ssize_t i = 0; i < k; i++) {
		PyObject *item = PyTuple_GET_ITEM(t, i);
		if (!PyUnicode_Check(item)) {
			PyErr_Format(PyExc_TypeError, "%s[%zd] must be str, not %.80s", what, i, Py_TYPE(item)->tp_name);
			return -1;
		}
		if (cstr_of(item, &v[i], what))
			return -1;
	}
	*n = (size_t)k;
	return 0;
}

/* extras: None, or a 3-tuple (fx, series, scheme_defs):
 *   fx: sequence of (pair, rate, from or None, source or None)
 *   series: sequence of (text, "csv"|"json")
 *   scheme_defs: sequence of JSON texts */
static int parse_extras(call_args *a, PyObject *extras)
{
	if (extras == NULL || extras == Py_None)
		return 0;
	PyObject *t = kept_tuple(a, extras, "extras");
	if (!t)
		return -1;
	if (PyTuple_GET_SIZE(t) != 3) {
		PyErr_SetString(PyExc_TypeError, "extras must be (fx, series, scheme_defs)");
		return -1;
	}
	PyObject *fx = kept_tuple(a, PyTuple_GET_ITEM(t, 0), "fx");
	PyObject *series = fx ? kept_tuple(a, PyTuple_GET_ITEM(t, 1), "series") : NULL;
	PyObject *defs = series ? kept_tuple(a, PyTuple_GET_ITEM(t, 2), "scheme_defs") : NULL;
	if (!defs)
		return -1;

	Py_ssize_t n = PyTuple_GET_SIZE(fx);
	if (n && !(a->fx = PyMem_Calloc((size_t)n, sizeof *a->fx)))
		goto nomem;
	for (Py_ssize_t i = 0; i < n; i++) {
		PyObject *item = kept_tuple(a, PyTuple_GET_ITEM(fx, i), "fx item");
		if (!item)
			return -1;
		if (PyTuple_GET_SIZE(item) != 4) {
			PyErr_SetString(PyExc_TypeError, "fx items must be (pair, rate, from, source)");
			return -1;
		}
		fx_arg *f = &a->fx[i];
		if (cstr_of(PyTuple_GET_ITEM(item, 0), &f->pair, "fx pair") ||
		    cstr_of(PyTuple_GET_ITEM(item, 1), &f->rate, "fx rate") ||
		    cstr_of(PyTuple_GET_ITEM(item, 2), &f->from, "fx date") ||
		    cstr_of(PyTuple_GET_ITEM(item, 3), &f->source, "fx source"))
			return -1;
		if (!f->pair || !f->rate) {
			PyErr_SetString(PyExc_TypeError, "fx pair and rate must be str");
			return -1;
		}
		a->n_fx++;
	}

	n = PyTuple_GET_SIZE(series);
	if (n && !(a->series = PyMem_Calloc((size_t)n, sizeof *a->series)))
		goto nomem;
	for (Py_ssize_t i = 0; i < n; i++) {
		PyObject *item = kept_tuple(a, PyTuple_GET_ITEM(series, i), "series item");
		if (!item)
			return -1;
		if (PyTuple_GET_SIZE(item) != 2) {
			PyErr_SetString(PyExc_TypeError, "series items must be (text, format)");
			return -1;
		}
		series_arg *s = &a->series[i];
		if (text_of(PyTuple_GET_ITEM(item, 0), &s->text, 1, "series text") ||
		    cstr_of(PyTuple_GET_ITEM(item, 1), &s->format, "series format"))
			return -1;
		if (!s->format) {
			PyErr_SetString(PyExc_TypeError, "series format must be \"csv\" or \"json\"");
			return -1;
		}
		a->n_series++;
	}

	n = PyTuple_GET_SIZE(defs);
	if (n && !(a->scheme_defs = PyMem_Calloc((size_t)n, sizeof *a->scheme_defs)))
		goto nomem;
	for (Py_ssize_t i = 0; i < n; i++) {
		if (text_of(PyTuple_GET_ITEM(defs, i), &a->scheme_defs[i], 1, "scheme definition"))
			return -1;
		a->n_scheme_defs++;
	}
	return 0;
nomem:
	PyErr_NoMemory();
	return -1;
}

static int has_extras(const call_args *a)
{
	return a->n_fx || a->n_series || a->n_scheme_defs;
}

/* ---- library work, without the GIL ---- */

static rep_status fail(call_result *r, const char *stage, rep_status st)
{
	r->st = st;
	r->stage = stage;
	if (r->err.status == REP_OK)
		r->err.status = st;
	return st;
}

/* The context for a call: the shared one, or a new one with the user's data. */
static rep_status open_context(const call_args *a, call_result *r, rep_context **ctx)
{
	if (!has_extras(a)) {
		*ctx = default_ctx;
		return REP_OK;
	}
	rep_status st = rep_context_new(ctx, &r->err);
	if (st)
		return fail(r, "context", st);
	for (size_t i = 0; i < a->n_scheme_defs; i++)
		if ((st = rep_context_load_scheme(*ctx, a->scheme_defs[i].s, a->scheme_defs[i].len, &r->err)))
			return fail(r, "scheme_def", st);
	for (size_t i = 0; i < a->n_series; i++)
		if ((st = rep_context_load_series(*ctx, a->series[i].text.s, a->series[i].text.len, a->series[i].format,
						  &r->err)))
			return fail(r, "series", st);
	for (size_t i = 0; i < a->n_fx; i++) {
		const fx_arg *f = &a->fx[i];
		rep_date from = REP_DATE_NONE;
		if (f->from && (st = rep_date_parse(&from, f->from, &r->err)))
			return fail(r, "fx", st);
		if ((st = rep_context_set_fx(*ctx, f->pair, f->rate, from, f->source ? f->source : "user-supplied (fx=)",
					     &r->err)))
			return fail(r, "fx", st);
	}
	return REP_OK;
}

static void close_context(rep_context *ctx)
{
	if (ctx != default_ctx)
		rep_context_free(ctx);
}

static rep_status read_case(const call_args *a, call_result *r, rep_case **c)
{
	rep_status st = rep_case_from_json(c, a->case_json.s, a->case_json.len, &r->err);
	if (st)
		return fail(r, "case", st);
	if (a->as_of) {
		rep_date d;
		if ((st = rep_date_parse(&d, a->as_of, &r->err)))
			return fail(r, "as_of", st);
		if ((st = rep_case_set_as_of(*c, d)))
			return fail(r, "as_of", st);
		if ((st = rep_case_validate(*c, &r->err)))
			return fail(r, "case", st);
	}
	return REP_OK;
}

static rep_status read_options(const call_args *a, call_result *r, const rep_context *ctx, rep_options **o)
{
	rep_status st = rep_options_new(o);
	if (st)
		return fail(r, "option", st);
	for (size_t i = 0; i < a->n_options; i++)
		if ((st = rep_options_add(*o, a->options[i], &r->err)))
			return fail(r, "option", st);
	if ((st = rep_options_check(*o, ctx, &r->err)))
		return fail(r, "option", st);
	return REP_OK;
}

static rep_status check_schemes(const call_args *a, call_result *r, const rep_context *ctx)
{
	for (size_t i = 0; i < a->n_schemes; i++)
		if (!rep_scheme_find(ctx, a->schemes[i])) {
			r->err.status = REP_ENOTFOUND;
			snprintf(r->err.message, sizeof r->err.message,
				 "unknown scheme \"%.200s\" (reparations.schemes() lists them)", a->schemes[i]);
			return fail(r, "scheme", REP_ENOTFOUND);
		}
	return REP_OK;
}

static void work_estimate(const call_args *a, call_result *r)
{
	rep_context *ctx = NULL;
	rep_case *c = NULL;
	rep_options *o = NULL;
	rep_estimate **es = NULL;
	size_t n = 0;
	if (open_context(a, r, &ctx) || read_case(a, r, &c) || read_options(a, r, ctx, &o) || check_schemes(a, r, ctx))
		goto out;
	if (!(es = calloc(a->n_schemes ? a->n_schemes : 1, sizeof *es))) {
		fail(r, "estimate", REP_ENOMEM);
		goto out;
	}
	for (; n < a->n_schemes; n++) {
		rep_status st = rep_estimate_compute(&es[n], ctx, c, a->schemes[n], o, &r->err);
		if (st) {
			fail(r, "estimate", st);
			goto out;
		}
	}
	rep_render_opts *ro = NULL;
	rep_status st = rep_render_opts_new(&ro);
	if (!st && !(st = rep_render_opts_set_lang(ro, a->lang, &r->err))) {
		rep_render_opts_set_case(ro, c);
		st = rep_estimates_render_opts(&r->text, &r->len, rep_case_id(c), (const rep_estimate *const *)es, n,
					       REP_FORMAT_JSON, ro, &r->err);
	}
	rep_render_opts_free(ro);
	if (st)
		fail(r, "render", st);
out:
	for (size_t i = 0; es && i < n; i++)
		rep_estimate_free(es[i]);
	free(es);
	rep_options_free(o);
	rep_case_free(c);
	close_context(ctx);
}

static void work_compare(const call_args *a, call_result *r)
{
	rep_context *ctx = NULL;
	rep_case *c = NULL;
	rep_options *o = NULL;
	rep_comparison *cmp = NULL;
	const char **all = NULL;
	if (open_context(a, r, &ctx) || read_case(a, r, &c) || read_options(a, r, ctx, &o) || check_schemes(a, r, ctx))
		goto out;
	const char *const *ids = a->schemes;
	size_t n = a->n_schemes;
	if (a->all_schemes) {
		n = rep_scheme_count(ctx);
		if (!(all = calloc(n ? n : 1, sizeof *all))) {
			fail(r, "compare", REP_ENOMEM);
			goto out;
		}
		for (size_t i = 0; i < n; i++)
			all[i] = rep_scheme_id(rep_scheme_at(ctx, i));
		ids = all;
	}
	rep_status st = rep_compare(&cmp, ctx, c, ids, n, o, a->report_currency, &r->err);
	if (st) {
		fail(r, "compare", st);
		goto out;
	}
	rep_render_opts *ro = NULL;
	if (!(st = rep_render_opts_new(&ro)) && !(st = rep_render_opts_set_lang(ro, a->lang, &r->err))) {
		rep_render_opts_set_case(ro, c);
		st = rep_comparison_render_opts(&r->text, &r->len, cmp, REP_FORMAT_JSON, ro, &r->err);
	}
	rep_render_opts_free(ro);
	if (st)
		fail(r, "render", st);
out:
	rep_comparison_free(cmp);
	free(all);
	rep_options_free(o);
	rep_case_free(c);
	close_context(ctx);
}

static void work_schemes(const call_args *a, call_result *r)
{
	rep_context *ctx = NULL;
	if (open_context(a, r, &ctx))
		goto out;
	rep_status st = rep_schemes_render(&r->text, &r->len, ctx, REP_FORMAT_JSON, &r->err);
	if (st)
		fail(r, "render", st);
out:
	close_context(ctx);
}

static void work_refdata(const call_args *a, call_result *r)
{
	rep_context *ctx = NULL;
	if (open_context(a, r, &ctx))
		goto out;
	rep_status st = rep_refdata_render(&r->text, &r->len, ctx, a->series_id, REP_FORMAT_JSON, &r->err);
	if (st)
		fail(r, "refdata", st);
out:
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

static void work_validate(const call_args *a, call_result *r)
{
	rep_case *c = NULL;
	if (read_case(a, r, &c))
		goto out;
	r->case_id = dup_or_null(rep_case_id(c));
	r->currency = dup_or_null(rep_case_currency(c));
	if ((rep_case_id(c) && !r->case_id) || (rep_case_currency(c) && !r->currency)) {
		fail(r, "validate", REP_ENOMEM);
		goto out;
	}
	r->n_detentions = rep_case_detention_count(c);
	r->n_harms = rep_case_harm_count(c);
out:
	rep_case_free(c);
}

/* ---- back in Python ---- */

static PyObject *decode(const char *s, size_t len)
{
	return PyUnicode_DecodeUTF8(s ? s : "", s ? (Py_ssize_t)len : 0, "replace");
}

static void raise_library_error(const call_result *r)
{
	if (r->st == REP_ENOMEM) {
		PyErr_NoMemory();
		return;
	}
	PyObject *path = decode(r->err.path, strlen(r->err.path));
	PyObject *msg = decode(r->err.message, strlen(r->err.message));
	if (path && msg) {
		PyObject *args = Py_BuildValue("(sisOO)", r->stage ? r->stage : "", (int)r->st, rep_status_name(r->st),
					       path, msg);
		if (args) {
			PyErr_SetObject(library_error, args);
			Py_DECREF(args);
		}
	}
	Py_XDECREF(path);
	Py_XDECREF(msg);
}

static void call_result_release(call_result *r)
{
	free(r->text);
	free(r->case_id);
	free(r->currency);
	r->text = r->case_id = r->currency = NULL;
}

typedef void (*work_fn)(const call_args *, call_result *);

/* Run `work` without the GIL; return the JSON text as str, or raise. */
static PyObject *run(work_fn work, call_args *a)
{
	call_result r;
	memset(&r, 0, sizeof r);
	rep_error_clear(&r.err);
	Py_BEGIN_ALLOW_THREADS
	work(a, &r);
	Py_END_ALLOW_THREADS
	PyObject *res = NULL;
	if (r.st)
		raise_library_error(&r);
	else if (r.text)
		res = PyUnicode_DecodeUTF8(r.text, (Py_ssize_t)r.len, "strict");
	else
		res = Py_BuildValue("(zznn)", r.case_id, r.currency, (Py_ssize_t)r.n_detentions, (Py_ssize_t)r.n_harms);
	call_result_release(&r);
	call_args_release(a);
	return res;
}

static int begin(call_args *a)
{
	memset(a, 0, sizeof *a);
	a->keep = PyList_New(0);
	return a->keep ? 0 : -1;
}

static int case_arg(call_args *a, PyObject *case_json)
{
	if (text_of(case_json, &a->case_json, 1, "case"))
		return -1;
	return PyList_Append(a->keep, case_json);
}

PyDoc_STRVAR(estimate_doc,
	     "estimate(case_json, schemes, options=(), as_of=None, extras=None) -> str\n\n"
	     "Estimates of the case (JSON text) under each scheme id, as the library's JSON\n"
	     "{\"case\", \"as_of\", \"estimates\": [...]}. options: \"SCHEME.NAME=VALUE\" strings;\n"
	     "extras: None or (fx, series, scheme_defs). Releases the GIL while computing.");

static PyObject *py_estimate(PyObject *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = {"case_json", "schemes", "options", "as_of", "extras", "lang", NULL};
	PyObject *case_json, *schemes, *options = Py_None, *as_of = Py_None, *extras = Py_None, *lang = Py_None;
	if (!PyArg_ParseTupleAndKeywords(args, kw, "OO|OOOO:estimate", kwlist, &case_json, &schemes, &options, &as_of,
					 &extras, &lang))
		return NULL;
	call_args a;
	if (begin(&a))
		return NULL;
	if (case_arg(&a, case_json) || str_list(&a, schemes, &a.schemes, &a.n_schemes, "schemes") ||
	    str_list(&a, options, &a.options, &a.n_options, "options") || cstr_of(as_of, &a.as_of, "as_of") ||
	    cstr_of(lang, &a.lang, "lang") || parse_extras(&a, extras)) {
		call_args_release(&a);
		return NULL;
	}
	if (a.n_schemes == 0) {
		call_args_release(&a);
		PyErr_SetString(PyExc_ValueError, "at least one scheme is required");
		return NULL;
	}
	return run(work_estimate, &a);
}

PyDoc_STRVAR(compare_doc,
	     "compare(case_json, schemes=None, options=(), as_of=None, report_currency=None, extras=None) -> str\n\n"
	     "One case under many schemes (None: every scheme of the context), as the library's JSON\n"
	     "{\"case\", \"as_of\", \"report_currency\", \"comparison\": [...], \"estimates\": [...]}.");

static PyObject *py_compare(PyObject *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = {"case_json", "schemes", "options", "as_of", "report_currency", "extras", "lang", NULL};
	PyObject *case_json, *schemes = Py_None, *options = Py_None, *as_of = Py_None, *cur = Py_None, *extras = Py_None;
	PyObject *lang = Py_None;
	if (!PyArg_ParseTupleAndKeywords(args, kw, "O|OOOOOO:compare", kwlist, &case_json, &schemes, &options, &as_of, &cur,
					 &extras, &lang))
		return NULL;
	call_args a;
	if (begin(&a))
		return NULL;
	a.all_schemes = schemes == Py_None;
	if (case_arg(&a, case_json) || str_list(&a, schemes, &a.schemes, &a.n_schemes, "schemes") ||
	    str_list(&a, options, &a.options, &a.n_options, "options") || cstr_of(as_of, &a.as_of, "as_of") ||
	    cstr_of(cur, &a.report_currency, "report_currency") || cstr_of(lang, &a.lang, "lang") ||
	    parse_extras(&a, extras)) {
		call_args_release(&a);
		return NULL;
	}
	return run(work_compare, &a);
}

PyDoc_STRVAR(schemes_doc, "schemes(extras=None) -> str\n\nThe library's JSON list of schemes {\"schemes\": [...]}.");

static PyObject *py_schemes(PyObject *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = {"extras", NULL};
	PyObject *extras = Py_None;
	if (!PyArg_ParseTupleAndKeywords(args, kw, "|O:schemes", kwlist, &extras))
		return NULL;
	call_args a;
	if (begin(&a))
		return NULL;
	if (parse_extras(&a, extras)) {
		call_args_release(&a);
		return NULL;
	}
	return run(work_schemes, &a);
}

PyDoc_STRVAR(refdata_doc,
	     "refdata(series=None, extras=None) -> str\n\n"
	     "The library's JSON list of reference series, or one series with its points.");

static PyObject *py_refdata(PyObject *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = {"series", "extras", NULL};
	PyObject *series = Py_None, *extras = Py_None;
	if (!PyArg_ParseTupleAndKeywords(args, kw, "|OO:refdata", kwlist, &series, &extras))
		return NULL;
	call_args a;
	if (begin(&a))
		return NULL;
	if (cstr_of(series, &a.series_id, "series") || PyList_Append(a.keep, series) || parse_extras(&a, extras)) {
		call_args_release(&a);
		return NULL;
	}
	return run(work_refdata, &a);
}

PyDoc_STRVAR(validate_doc,
	     "validate(case_json, as_of=None) -> (id, currency, n_detentions, n_harms)\n\n"
	     "Read and check a case; raises LibraryError naming the JSON path of the first problem.");

static PyObject *py_validate(PyObject *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = {"case_json", "as_of", NULL};
	PyObject *case_json, *as_of = Py_None;
	if (!PyArg_ParseTupleAndKeywords(args, kw, "O|O:validate", kwlist, &case_json, &as_of))
		return NULL;
	call_args a;
	if (begin(&a))
		return NULL;
	if (case_arg(&a, case_json) || cstr_of(as_of, &a.as_of, "as_of") || PyList_Append(a.keep, as_of)) {
		call_args_release(&a);
		return NULL;
	}
	return run(work_validate, &a);
}

PyDoc_STRVAR(version_doc, "version() -> (str, int)\n\nThe C library's version string and number.");

static PyObject *py_version(PyObject *self, PyObject *unused)
{
	return Py_BuildValue("(sI)", rep_version_string(), rep_version_number());
}

PyDoc_STRVAR(status_names_doc, "status_names() -> dict\n\nStatus code -> stable machine name.");

static PyObject *py_status_names(PyObject *self, PyObject *unused)
{
	PyObject *d = PyDict_New();
	for (int s = REP_OK; d && s <= REP_EUSAGE; s++) {
		PyObject *k = PyLong_FromLong(s), *v = PyUnicode_FromString(rep_status_name((rep_status)s));
		if (!k || !v || PyDict_SetItem(d, k, v)) {
			Py_CLEAR(d);
		}
		Py_XDECREF(k);
		Py_XDECREF(v);
	}
	return d;
}

#define KW_FN(f) (PyCFunction)(void (*)(void))(f)

static PyMethodDef methods[] = {
	{"estimate", KW_FN(py_estimate), METH_VARARGS | METH_KEYWORDS, estimate_doc},
	{"compare", KW_FN(py_compare), METH_VARARGS | METH_KEYWORDS, compare_doc},
	{"schemes", KW_FN(py_schemes), METH_VARARGS | METH_KEYWORDS, schemes_doc},
	{"refdata", KW_FN(py_refdata), METH_VARARGS | METH_KEYWORDS, refdata_doc},
	{"validate", KW_FN(py_validate), METH_VARARGS | METH_KEYWORDS, validate_doc},
	{"version", py_version, METH_NOARGS, version_doc},
	{"status_names", py_status_names, METH_NOARGS, status_names_doc},
	{NULL, NULL, 0, NULL},
};

/* The shared context lives as long as the process: a daemon thread may still
 * be computing with it (GIL released) while the interpreter shuts down, so the
 * module never frees it (m_free is NULL on purpose). */

static struct PyModuleDef module = {
	PyModuleDef_HEAD_INIT,
	"reparations._reparations",
	"C layer of the reparations binding (private: use the reparations package).",
	-1,
	methods,
	NULL,
	NULL,
	NULL,
	NULL,
};

PyMODINIT_FUNC PyInit__reparations(void)
{
	if (!default_ctx) {
		rep_error err;
		rep_error_clear(&err);
		if (rep_context_new(&default_ctx, &err)) {
			PyErr_Format(PyExc_ImportError, "reparations: cannot create the library context: %s", err.message);
			return NULL;
		}
	}
	PyObject *m = PyModule_Create(&module);
	if (!m)
		return NULL;
	if (!library_error) {
		library_error = PyErr_NewExceptionWithDoc(
			"reparations._reparations.LibraryError",
			"A library call failed: args are (stage, status, status_name, path, message).", NULL, NULL);
		if (!library_error) {
			Py_DECREF(m);
			return NULL;
		}
	}
	Py_INCREF(library_error);
	if (PyModule_AddObject(m, "LibraryError", library_error)) {
		Py_DECREF(library_error);
		Py_DECREF(m);
		return NULL;
	}
	if (PyModule_AddIntConstant(m, "REP_ERROR_PATH_MAX", REP_ERROR_PATH_MAX) ||
	    PyModule_AddStringConstant(m, "LIBRARY_VERSION", rep_version_string())) {
		Py_DECREF(m);
		return NULL;
	}
	return m;
}
