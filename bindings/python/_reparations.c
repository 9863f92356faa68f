/* reparations._reparations: the thin C layer of the Python binding.
 *
 * Functions take a case as JSON text or as a dict (built into the library's
 * case directly by case_dict.c; None comes back for a dict that must come as
 * JSON text, whose reader then words the error), and tuples of strings. They
 * return the library's own JSON text (estimate, compare, schemes, refdata), a
 * small tuple (validate, version), batch rows, or Estimate objects
 * (estimates): each keeps its C estimate and makes an attribute from the
 * library's accessors the first time it is read. The friendly API and the
 * exception hierarchy live in reparations/__init__.py.
 *
 * Threads: the arguments are copied into C pointers while the GIL is held
 * (into strings owned by immutable objects this call keeps referenced; a
 * dict case is built into a rep_case then), then the GIL is released for all
 * library work, and taken back to build the result. Calls without user data
 * (exchange rates, series, scheme files) read one module-level context
 * created at import and never modified afterwards; calls with user data build
 * their own context (cheap: the built-in schemes and series are static
 * tables) and free it when the call, or the last estimate it made, is done.
 *
 * Errors: a failing library call raises the private _reparations.LibraryError
 * with args (stage, status, status_name, path, message); the Python layer maps
 * (stage, status) to reparations.Error subclasses. Out of memory raises
 * MemoryError directly. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <datetime.h>

#include <stdlib.h>
#include <string.h>

#include "binding.h"

PyMODINIT_FUNC PyInit__reparations(void);

static PyObject *library_error;     /* _reparations.LibraryError */
static rep_context *default_ctx;    /* created at import, only read afterwards */
static PyObject *empty_tuple;       /* () for making objects without arguments */

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
	rep_case *built;           /* the case, when it came as a dict built directly (case_dict.c) */
	int declined;              /* a dict that must come as JSON text: the call returns None */
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
	int strict_data;           /* extras[3]: rep_context_set_strict_data */
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
	rep_case_free(a->built);
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
	if (PyTuple_GET_SIZE(t) != 3 && PyTuple_GET_SIZE(t) != 4) {
		PyErr_SetString(PyExc_TypeError, "extras must be (fx, series, scheme_defs[, strict_data])");
		return -1;
	}
	if (PyTuple_GET_SIZE(t) == 4) {
		int strict = PyObject_IsTrue(PyTuple_GET_ITEM(t, 3));
		if (strict < 0)
			return -1;
		a->strict_data = strict;
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
	return a->n_fx || a->n_series || a->n_scheme_defs || a->strict_data;
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
	rep_context_set_strict_data(*ctx, a->strict_data);
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

/* The call's case: the one built from a dict (taken over), or read from the JSON text. */
static rep_status read_case(call_args *a, call_result *r, rep_case **c)
{
	rep_status st = REP_OK;
	if (a->built) {
		*c = a->built;
		a->built = NULL;
	} else if ((st = rep_case_from_json(c, a->case_json.s, a->case_json.len, &r->err))) {
		return fail(r, "case", st);
	}
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
	/* the library's own message: the nearest ids ("did you mean kz-cpc?") */
	const rep_scheme *s;
	for (size_t i = 0; i < a->n_schemes; i++)
		if (rep_scheme_lookup(&s, ctx, a->schemes[i], &r->err))
			return fail(r, "scheme", REP_ENOTFOUND);
	return REP_OK;
}

static void work_estimate(call_args *a, call_result *r)
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

static void work_compare(call_args *a, call_result *r)
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

static void work_schemes(call_args *a, call_result *r)
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

static void work_refdata(call_args *a, call_result *r)
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

static void work_validate(call_args *a, call_result *r)
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

/* The case as the library writes it back: tells a case built from a dict and one read from JSON apart, if they differ. */
static void work_case_json(call_args *a, call_result *r)
{
	rep_case *c = NULL;
	rep_status st;
	if (read_case(a, r, &c) == REP_OK && (st = rep_case_to_json(&r->text, &r->len, c, &r->err)))
		fail(r, "render", st);
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

typedef void (*work_fn)(call_args *, call_result *);

/* A dict case that must come as JSON text: None tells the Python layer so. */
static PyObject *declined(call_args *a)
{
	call_args_release(a);
	Py_RETURN_NONE;
}

/* Run `work` without the GIL; return the JSON text as str, or raise. */
static PyObject *run(work_fn work, call_args *a)
{
	if (a->declined)
		return declined(a);
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

/* The case: JSON text (str or bytes), or a dict built here with the GIL held
 * (case_dict.c; a->declined when it must come as JSON text instead). */
static int case_arg(call_args *a, PyObject *case_json)
{
	if (PyDict_CheckExact(case_json)) {
		a->declined = !case_from_dict(case_json, &a->built);
		return 0;
	}
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

PyDoc_STRVAR(case_json_doc,
	     "case_json(case) -> str | None\n\n"
	     "The case (JSON text, or a dict built directly: None when it must come as JSON text) written\n"
	     "back by rep_case_to_json. For tests: a dict and its JSON text must give the same text.");

static PyObject *py_case_json(PyObject *self, PyObject *case_json)
{
	call_args a;
	if (begin(&a))
		return NULL;
	if (case_arg(&a, case_json)) {
		call_args_release(&a);
		return NULL;
	}
	return run(work_case_json, &a);
}

/* ---- batch and sweep: rows built straight from the estimates ---- */

/* The row callback runs in the calling thread with the GIL released; it takes
 * the GIL back for each row to build its tuple from the estimate's accessors
 * (no JSON text in between), then releases it again, so the library's
 * threads go on evaluating meanwhile. The words that recur from row to row
 * (scheme ids, currencies, statuses, head names) become one str each per
 * run, not one per row. */
#define ROW_WORDS 64
#define ROW_WORD_MAX 48

typedef struct rows_ctx {
	PyThreadState *ts;
	PyObject *rows;
	int lines;            /* fields="lines": each row also carries its lines */
	int py_failed;        /* a Python error is set */
	size_t index0, line0; /* added to each row's index and line (a chunk's place in its file) */
	size_t n_words;
	char word[ROW_WORDS][ROW_WORD_MAX];
	PyObject *word_str[ROW_WORDS];
} rows_ctx;

static PyObject *str_or_none(const char *s)
{
	if (!s)
		Py_RETURN_NONE;
	return PyUnicode_DecodeUTF8(s, (Py_ssize_t)strlen(s), "replace");
}

static PyObject *nonempty_or_none(const char *s)
{
	return str_or_none(s && *s ? s : NULL);
}

/* A new reference to the run's str of s. */
static PyObject *word(rows_ctx *rc, const char *s)
{
	if (!s)
		Py_RETURN_NONE;
	size_t n = strlen(s);
	if (n >= ROW_WORD_MAX)
		return str_or_none(s);
	for (size_t i = 0; i < rc->n_words; i++)
		if (memcmp(rc->word[i], s, n + 1) == 0) {
			Py_INCREF(rc->word_str[i]);
			return rc->word_str[i];
		}
	PyObject *v = str_or_none(s);
	if (v && rc->n_words < ROW_WORDS) {
		memcpy(rc->word[rc->n_words], s, n + 1);
		Py_INCREF(v);
		rc->word_str[rc->n_words++] = v;
	}
	return v;
}

static void words_release(rows_ctx *rc)
{
	for (size_t i = 0; i < rc->n_words; i++)
		Py_DECREF(rc->word_str[i]);
	rc->n_words = 0;
}

/* (head, group, class, label, basis, formula, quantity, unit, rate, nominal, adjustment, amount, note) */
static PyObject *line_tuple(const rep_line *l)
{
	const char *f[13] = {l->head, l->group, l->klass, l->label, l->basis, l->formula, l->quantity,
			     l->unit, l->rate, l->nominal, l->adjustment, l->amount, l->note};
	PyObject *t = PyTuple_New(13);
	for (int i = 0; t && i < 13; i++) {
		PyObject *v = str_or_none(f[i]);
		if (!v) {
			Py_CLEAR(t);
			break;
		}
		PyTuple_SET_ITEM(t, i, v);
	}
	return t;
}

#define ROW_FIELDS 21

/* (index, line, case, scheme, status, error_path, error_message, eligible, currency, total,
 *  total_if_eligible, range_low, range_high, total_pecuniary, total_non_pecuniary, days, per_day,
 *  warnings, heads, lines, point) */
static PyObject *row_tuple(rows_ctx *rc, const rep_batch_row *r, size_t n_axes)
{
	int with_lines = rc->lines;
	PyObject *t = PyTuple_New(ROW_FIELDS);
	if (!t)
		return NULL;
	for (int i = 0; i < ROW_FIELDS; i++) {
		Py_INCREF(Py_None);
		PyTuple_SET_ITEM(t, i, Py_None);
	}
#define SET(i, expr)                                   \
	do {                                           \
		PyObject *v_ = (expr);                 \
		if (!v_)                               \
			goto fail;                     \
		Py_SETREF(((PyTupleObject *)t)->ob_item[i], v_); \
	} while (0)
	SET(0, PyLong_FromSize_t(rc->index0 + r->index));
	if (r->line)
		SET(1, PyLong_FromSize_t(rc->line0 + r->line));
	SET(2, str_or_none(r->case_id ? r->case_id : ""));
	SET(3, word(rc, r->scheme));
	SET(4, word(rc, r->status == REP_OK ? "ok" : rep_status_name(r->status)));
	if (r->status != REP_OK && r->error) {
		SET(5, str_or_none(r->error->path));
		SET(6, str_or_none(r->error->message));
	}
	const rep_estimate *e = r->estimate;
	if (e) {
		const char *lo = NULL, *hi = NULL;
		bool range = rep_estimate_range(e, &lo, &hi, NULL);
		SET(7, PyBool_FromLong(rep_estimate_eligible(e)));
		SET(8, word(rc, rep_estimate_currency(e)));
		SET(9, str_or_none(rep_estimate_total(e)));
		SET(10, nonempty_or_none(rep_estimate_total_if_eligible(e)));
		if (range) {
			SET(11, str_or_none(lo));
			SET(12, str_or_none(hi));
		}
		SET(13, str_or_none(rep_estimate_total_pecuniary(e)));
		SET(14, str_or_none(rep_estimate_total_non_pecuniary(e)));
		SET(15, PyLong_FromLong(rep_estimate_days(e)));
		SET(16, nonempty_or_none(rep_estimate_per_day(e)));
		SET(17, PyLong_FromSize_t(rep_estimate_warning_count(e)));
		rep_head_total h[64];
		size_t nh = rep_estimate_heads(e, h, 64);
		if (nh > 64)
			nh = 64;
		PyObject *heads = PyTuple_New((Py_ssize_t)nh);
		if (!heads)
			goto fail;
		for (size_t i = 0; i < nh; i++) {
			PyObject *pair = PyTuple_New(2), *name = pair ? word(rc, h[i].head) : NULL,
				 *amount = name ? str_or_none(h[i].amount) : NULL;
			if (!amount) {
				Py_XDECREF(name);
				Py_XDECREF(pair);
				Py_DECREF(heads);
				goto fail;
			}
			PyTuple_SET_ITEM(pair, 0, name);
			PyTuple_SET_ITEM(pair, 1, amount);
			PyObject_GC_UnTrack(pair);
			PyTuple_SET_ITEM(heads, (Py_ssize_t)i, pair);
		}
		PyObject_GC_UnTrack(heads);
		SET(18, heads);
		if (with_lines) {
			size_t nl = rep_estimate_line_count(e);
			PyObject *lines = PyTuple_New((Py_ssize_t)nl);
			if (!lines)
				goto fail;
			for (size_t i = 0; i < nl; i++) {
				PyObject *lt = line_tuple(rep_estimate_line(e, i));
				if (!lt) {
					Py_DECREF(lines);
					goto fail;
				}
				PyTuple_SET_ITEM(lines, (Py_ssize_t)i, lt);
			}
			SET(19, lines);
		}
	}
	if (r->point) {
		PyObject *pt = PyTuple_New((Py_ssize_t)n_axes);
		if (!pt)
			goto fail;
		for (size_t i = 0; i < n_axes; i++) {
			PyObject *v = str_or_none(r->point[i]);
			if (!v) {
				Py_DECREF(pt);
				goto fail;
			}
			PyTuple_SET_ITEM(pt, (Py_ssize_t)i, v);
		}
		SET(20, pt);
	}
#undef SET
	/* strs, ints and tuples of them make no cycle: the collector need not
	 * walk a million rows (it ran for a tenth of a batch's time) */
	PyObject_GC_UnTrack(t);
	return t;
fail:
	Py_DECREF(t);
	return NULL;
}

typedef struct rows_run {
	rows_ctx rc;
	size_t n_axes;
} rows_run;

static rep_status on_py_row(void *user, const rep_batch_row *r)
{
	rows_run *rr = user;
	PyEval_RestoreThread(rr->rc.ts);
	PyObject *t = row_tuple(&rr->rc, r, rr->n_axes);
	int bad = !t || PyList_Append(rr->rc.rows, t) != 0;
	Py_XDECREF(t);
	rr->rc.ts = PyEval_SaveThread();
	if (bad) {
		rr->rc.py_failed = 1;
		return REP_ENOMEM;
	}
	return REP_OK;
}

static int fields_arg(PyObject *o, int *lines)
{
	const char *f;
	if (cstr_of(o, &f, "fields"))
		return -1;
	if (!f || strcmp(f, "totals") == 0)
		*lines = 0;
	else if (strcmp(f, "lines") == 0)
		*lines = 1;
	else {
		PyErr_SetString(PyExc_ValueError, "fields must be \"totals\" or \"lines\"");
		return -1;
	}
	return 0;
}

/* What a batch or sweep call needs besides call_args. */
typedef struct batch_args {
	unsigned jobs;
	int jsonl;                 /* texts[0] is a chunk of JSON Lines */
	const char **texts;
	size_t *lens;
	size_t n_texts;
	const char **vary;
	size_t n_vary;
	Py_ssize_t index0, line0;  /* added to the rows' index and line */
} batch_args;

static rep_status batch_setup(const call_args *a, call_result *r, const rep_context *ctx, rep_options **o,
			      rep_batch **b, unsigned jobs, int lines)
{
	if (read_options(a, r, ctx, o))
		return r->st;
	rep_status st = rep_batch_new(b, ctx, a->schemes, a->n_schemes, *o, &r->err);
	if (st)
		return fail(r, "option", st);
	if ((st = rep_batch_set_jobs(*b, jobs)))
		return fail(r, "jobs", st);
	/* rows of totals need no words of the lines */
	rep_batch_set_detail(*b, lines ? REP_DETAIL_FULL : REP_DETAIL_TOTALS);
	return REP_OK;
}

/* Runs with the GIL released (rr->rc.ts holds the thread state). */
static void work_batch(call_args *a, const batch_args *ba, call_result *r, rows_run *rr)
{
	rep_context *ctx = NULL;
	rep_options *o = NULL;
	rep_batch *b = NULL;
	if (open_context(a, r, &ctx) || batch_setup(a, r, ctx, &o, &b, ba->jobs, rr->rc.lines))
		goto out;
	rep_status st;
	if (ba->jsonl) {
		FILE *f = ba->lens[0] ? fmemopen((void *)ba->texts[0], ba->lens[0], "rb") : NULL;
		if (!ba->lens[0])
			st = REP_OK;
		else if (!f) {
			st = r->err.status = REP_ENOMEM;
			snprintf(r->err.message, sizeof r->err.message, "out of memory");
		} else {
			st = rep_batch_run_jsonl(b, f, on_py_row, rr, &r->err);
			fclose(f);
		}
	} else {
		st = rep_batch_run_texts(b, ba->texts, ba->lens, ba->n_texts, on_py_row, rr, &r->err);
	}
	if (st)
		fail(r, "batch", st);
out:
	rep_batch_free(b);
	rep_options_free(o);
	close_context(ctx);
}

static void work_sweep(call_args *a, const batch_args *ba, call_result *r, rows_run *rr)
{
	rep_context *ctx = NULL;
	rep_case *c = NULL;
	rep_options *o = NULL;
	rep_batch *b = NULL;
	rep_sweep *sw = NULL;
	if (open_context(a, r, &ctx) || read_case(a, r, &c) || check_schemes(a, r, ctx) ||
	    batch_setup(a, r, ctx, &o, &b, ba->jobs, rr->rc.lines))
		goto out;
	rep_status st = rep_sweep_new(&sw, c, &r->err);
	for (size_t i = 0; st == REP_OK && i < ba->n_vary; i++)
		st = rep_sweep_add(sw, ba->vary[i], &r->err);
	if (st) {
		fail(r, "vary", st);
		goto out;
	}
	rr->n_axes = rep_sweep_axis_count(sw);
	if ((st = rep_sweep_run(sw, b, on_py_row, rr, &r->err)))
		fail(r, "vary", st);
out:
	rep_sweep_free(sw);
	rep_batch_free(b);
	rep_options_free(o);
	rep_case_free(c);
	close_context(ctx);
}

typedef void (*rows_work_fn)(call_args *, const batch_args *, call_result *, rows_run *);

static PyObject *run_rows(rows_work_fn work, call_args *a, batch_args *ba, int lines)
{
	if (a->declined) {
		PyMem_Free(ba->texts);
		PyMem_Free(ba->lens);
		PyMem_Free(ba->vary);
		return declined(a);
	}
	call_result r;
	memset(&r, 0, sizeof r);
	rep_error_clear(&r.err);
	rows_run rr;
	memset(&rr, 0, sizeof rr);
	rr.rc.lines = lines;
	rr.rc.index0 = (size_t)ba->index0;
	rr.rc.line0 = (size_t)ba->line0;
	rr.rc.rows = PyList_New(0);
	PyObject *res = NULL;
	if (rr.rc.rows) {
		rr.rc.ts = PyEval_SaveThread();
		work(a, ba, &r, &rr);
		PyEval_RestoreThread(rr.rc.ts);
		if (rr.rc.py_failed) {
			if (!PyErr_Occurred())
				PyErr_NoMemory();
		} else if (r.st) {
			raise_library_error(&r);
		} else {
			res = rr.rc.rows;
			rr.rc.rows = NULL;
		}
	}
	Py_XDECREF(rr.rc.rows);
	words_release(&rr.rc);
	call_result_release(&r);
	call_args_release(a);
	PyMem_Free(ba->texts);
	PyMem_Free(ba->lens);
	PyMem_Free(ba->vary);
	return res;
}

static int jobs_arg(PyObject *o, unsigned *jobs)
{
	long v = PyLong_AsLong(o);
	if (v == -1 && PyErr_Occurred())
		return -1;
	if (v < 0 || v > REP_BATCH_MAX_JOBS) {
		PyErr_Format(PyExc_ValueError, "jobs must be 0 (one per processor) to %d, not %ld", REP_BATCH_MAX_JOBS, v);
		return -1;
	}
	*jobs = (unsigned)v;
	return 0;
}

PyDoc_STRVAR(batch_doc,
	     "batch(texts, schemes, options=(), jobs=1, fields='totals', extras=None, jsonl=False, index0=0, line0=0)\n"
	     "-> list\n\n"
	     "Evaluate each case text under each scheme; one row tuple per case x scheme, in input order\n"
	     "(see reparations.BatchRow). With jsonl=True, texts is one bytes object of JSON Lines.\n"
	     "index0 and line0 are added to each row's index and line (a chunk's place in its file).\n"
	     "Releases the GIL while computing; jobs threads evaluate.");

static PyObject *py_batch(PyObject *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = {"texts", "schemes", "options", "jobs", "fields", "extras", "jsonl", "index0", "line0", NULL};
	PyObject *texts, *schemes, *options = Py_None, *jobs = NULL, *fields = Py_None, *extras = Py_None;
	int jsonl = 0, lines = 0;
	Py_ssize_t index0 = 0, line0 = 0;
	if (!PyArg_ParseTupleAndKeywords(args, kw, "OO|OOOOpnn:batch", kwlist, &texts, &schemes, &options, &jobs, &fields,
					 &extras, &jsonl, &index0, &line0))
		return NULL;
	if (index0 < 0 || line0 < 0) {
		PyErr_SetString(PyExc_ValueError, "index0 and line0 must not be negative");
		return NULL;
	}
	call_args a;
	batch_args ba;
	memset(&ba, 0, sizeof ba);
	ba.index0 = index0;
	ba.line0 = line0;
	ba.jobs = 1;
	ba.jsonl = jsonl;
	if (begin(&a))
		return NULL;
	if (str_list(&a, schemes, &a.schemes, &a.n_schemes, "schemes") ||
	    str_list(&a, options, &a.options, &a.n_options, "options") || (jobs && jobs_arg(jobs, &ba.jobs)) ||
	    fields_arg(fields, &lines) || parse_extras(&a, extras))
		goto bad;
	if (a.n_schemes == 0) {
		PyErr_SetString(PyExc_ValueError, "at least one scheme is required");
		goto bad;
	}
	if (jsonl) {
		text_arg t;
		if (text_of(texts, &t, 1, "texts") || PyList_Append(a.keep, texts))
			goto bad;
		ba.texts = PyMem_Malloc(sizeof *ba.texts);
		ba.lens = PyMem_Malloc(sizeof *ba.lens);
		if (!ba.texts || !ba.lens) {
			PyErr_NoMemory();
			goto bad;
		}
		ba.texts[0] = t.s;
		ba.lens[0] = t.len;
		ba.n_texts = 1;
	} else {
		PyObject *tup = kept_tuple(&a, texts, "texts");
		if (!tup)
			goto bad;
		Py_ssize_t n = PyTuple_GET_SIZE(tup);
		ba.texts = PyMem_Malloc((size_t)(n ? n : 1) * sizeof *ba.texts);
		ba.lens = PyMem_Malloc((size_t)(n ? n : 1) * sizeof *ba.lens);
		if (!ba.texts || !ba.lens) {
			PyErr_NoMemory();
			goto bad;
		}
		for (Py_ssize_t i = 0; i < n; i++) {
			text_arg t;
			if (text_of(PyTuple_GET_ITEM(tup, i), &t, 1, "texts[i]"))
				goto bad;
			ba.texts[i] = t.s;
			ba.lens[i] = t.len;
		}
		ba.n_texts = (size_t)n;
	}
	return run_rows(work_batch, &a, &ba, lines);
bad:
	call_args_release(&a);
	PyMem_Free(ba.texts);
	PyMem_Free(ba.lens);
	return NULL;
}

PyDoc_STRVAR(sweep_doc,
	     "sweep(case_json, schemes, vary, options=(), jobs=1, fields='totals', as_of=None, extras=None) -> list\n\n"
	     "Evaluate the case over the grid of the axes in vary (\"PATH=FROM:TO:STEP\" strings); one row tuple\n"
	     "per grid point x scheme, the point's values in the last field.");

static PyObject *py_sweep(PyObject *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = {"case_json", "schemes", "vary", "options", "jobs", "fields", "as_of", "extras", NULL};
	PyObject *case_json, *schemes, *vary, *options = Py_None, *jobs = NULL, *fields = Py_None, *as_of = Py_None,
		 *extras = Py_None;
	int lines = 0;
	if (!PyArg_ParseTupleAndKeywords(args, kw, "OOO|OOOOO:sweep", kwlist, &case_json, &schemes, &vary, &options, &jobs,
					 &fields, &as_of, &extras))
		return NULL;
	call_args a;
	batch_args ba;
	memset(&ba, 0, sizeof ba);
	ba.jobs = 1;
	if (begin(&a))
		return NULL;
	if (case_arg(&a, case_json) || str_list(&a, schemes, &a.schemes, &a.n_schemes, "schemes") ||
	    str_list(&a, vary, &ba.vary, &ba.n_vary, "vary") ||
	    str_list(&a, options, &a.options, &a.n_options, "options") || (jobs && jobs_arg(jobs, &ba.jobs)) ||
	    fields_arg(fields, &lines) || cstr_of(as_of, &a.as_of, "as_of") || PyList_Append(a.keep, as_of) ||
	    parse_extras(&a, extras)) {
		call_args_release(&a);
		PyMem_Free(ba.vary);
		return NULL;
	}
	if (a.n_schemes == 0) {
		call_args_release(&a);
		PyMem_Free(ba.vary);
		PyErr_SetString(PyExc_ValueError, "at least one scheme is required");
		return NULL;
	}
	return run_rows(work_sweep, &a, &ba, lines);
}

/* ---- estimates as objects: the C estimate kept, each attribute built on first read ---- */

/* The Python classes the attributes are made of, given once by the package
 * (_setup, at import) and only read afterwards. */
typedef struct dataclass {
	PyObject *type;
	PyObject *names;  /* its fields, in the order of dataclasses.fields() */
	Py_ssize_t n;     /* how many this file fills */
} dataclass;

static struct {
	PyTypeObject *estimate; /* reparations.Estimate, a subclass of EstimateBase */
	PyObject *decimal;
	PyObject *json_loads;
	dataclass line, finding, refpoint, option, totals, range, range_item, citation;
} cls = {
	.line = {.n = 13}, .finding = {.n = 4}, .refpoint = {.n = 6}, .option = {.n = 3},
	.totals = {.n = 3}, .range = {.n = 4}, .range_item = {.n = 4}, .citation = {.n = 3},
};

/* The fields of one object being made. After a failure nothing more is
 * made (no library call runs with an exception set); make() releases them. */
typedef struct fields {
	PyObject *v[16];
	Py_ssize_t n;
	bool failed;
} fields;

static void put_obj(fields *f, PyObject *x)
{
	if (f->failed)
		Py_CLEAR(x);
	f->failed = !x;
	f->v[f->n++] = x;
}

static void put(fields *f, PyObject *(*mk)(const char *), const char *s)
{
	put_obj(f, f->failed ? NULL : mk(s));
}

/* A dataclass instance made as its __init__ would make it, without running
 * that __init__ (a frozen dataclass sets each field through a Python-level
 * object.__setattr__ call: a line costs 2.3 times as many instructions that
 * way). _setup refuses classes with a __post_init__, which this would skip. */
static PyObject *make(const dataclass *k, fields *f)
{
	PyObject *o = NULL;
	if (!f->failed && f->n != k->n)
		PyErr_SetString(PyExc_SystemError, "reparations: a dataclass got the wrong number of fields");
	else if (!f->failed)
		o = PyBaseObject_Type.tp_new((PyTypeObject *)k->type, empty_tuple, NULL);
	for (Py_ssize_t i = 0; o && i < f->n; i++)
		if (PyObject_GenericSetAttr(o, PyTuple_GET_ITEM(k->names, i), f->v[i]))
			Py_CLEAR(o);
	for (Py_ssize_t i = 0; i < f->n; i++)
		Py_XDECREF(f->v[i]);
	return o;
}

static PyObject *empty_if_null(const char *s)
{
	return str_or_none(s ? s : "");
}

/* An amount: Decimal built from the library's exact decimal text. */
static PyObject *dec(const char *s)
{
	PyObject *t = PyUnicode_FromString(s ? s : "");
	if (!t)
		return NULL;
	PyObject *d = PyObject_CallOneArg(cls.decimal, t);
	Py_DECREF(t);
	return d;
}

static PyObject *dec_or_none(const char *s)
{
	if (!s || !*s)
		Py_RETURN_NONE;
	return dec(s);
}

static PyObject *date_or_none(const char *s)
{
	if (!s || !*s)
		Py_RETURN_NONE;
	rep_date d;
	rep_error err;
	if (rep_date_parse(&d, s, &err)) {
		PyErr_SetString(PyExc_ValueError, err.message);
		return NULL;
	}
	int y, m, day;
	rep_date_to_ymd(d, &y, &m, &day);
	return PyDate_FromDate(y, m, day);
}

static PyObject *line_obj(const rep_estimate *e, size_t i)
{
	const rep_line *l = rep_estimate_line(e, i);
	fields f = {.n = 0};
	put(&f, str_or_none, l->head);
	put(&f, empty_if_null, l->label);
	put(&f, empty_if_null, l->basis);
	put(&f, empty_if_null, l->formula);
	put(&f, dec, l->amount);
	put(&f, empty_if_null, l->klass);
	const char *opt[] = {l->group, l->quantity, l->unit, l->rate, l->nominal, l->adjustment, l->note};
	for (size_t k = 0; k < sizeof opt / sizeof opt[0]; k++)
		put(&f, nonempty_or_none, opt[k]);
	return make(&cls.line, &f);
}

static PyObject *finding_obj(const rep_estimate *e, size_t i)
{
	const rep_finding *x = rep_estimate_finding(e, i);
	fields f = {.n = 0};
	put(&f, empty_if_null, x->code);
	put(&f, empty_if_null, x->text);
	put(&f, str_or_none, x->basis);
	put_obj(&f, PyBool_FromLong(x->bars));
	return make(&cls.finding, &f);
}

static PyObject *refpoint_obj(const rep_estimate *e, size_t i)
{
	const rep_refpoint *r = rep_estimate_refpoint(e, i);
	fields f = {.n = 0};
	put(&f, str_or_none, r->series);
	put(&f, date_or_none, r->date);
	put(&f, date_or_none, r->from);
	put(&f, dec_or_none, r->value);
	put(&f, str_or_none, r->confidence);
	put(&f, str_or_none, r->source);
	return make(&cls.refpoint, &f);
}

static PyObject *option_obj(const rep_estimate *e, size_t i)
{
	const rep_option_value *o = rep_estimate_option(e, i);
	fields f = {.n = 0};
	put(&f, str_or_none, o->name);
	put(&f, str_or_none, o->value);
	put_obj(&f, PyBool_FromLong(o->user_set));
	return make(&cls.option, &f);
}

static PyObject *warning_obj(const rep_estimate *e, size_t i)
{
	return str_or_none(rep_estimate_warning(e, i));
}

/* The renderer leaves out empty optional members (article, url): None, as Estimate(raw) reads them. */
static PyObject *citation_obj(const rep_estimate *e, size_t i)
{
	rep_citation c = {NULL, NULL, NULL};
	rep_estimate_citation_at(e, i, &c);
	fields f = {.n = 0};
	put(&f, str_or_none, c.instrument);
	put(&f, nonempty_or_none, c.article);
	put(&f, nonempty_or_none, c.url);
	return make(&cls.citation, &f);
}

static PyObject *range_item_obj(const rep_estimate *e, size_t i)
{
	rep_range_item_info r = {NULL, NULL, NULL, NULL};
	rep_estimate_range_item_at(e, i, &r);
	fields f = {.n = 0};
	put(&f, str_or_none, r.label);
	put(&f, dec, r.low);
	put(&f, dec, r.high);
	put(&f, str_or_none, r.basis);
	return make(&cls.range_item, &f);
}

/* A tuple of the estimate's n items, item(e, i) making each. */
static PyObject *items_tuple(const rep_estimate *e, size_t n, PyObject *(*item)(const rep_estimate *, size_t))
{
	PyObject *t = PyTuple_New((Py_ssize_t)n);
	for (size_t i = 0; t && i < n; i++) {
		PyObject *v = item(e, i);
		if (!v)
			Py_CLEAR(t);
		else
			PyTuple_SET_ITEM(t, (Py_ssize_t)i, v);
	}
	return t;
}

/* What the estimates of one call point into, kept until the last of them
 * goes: the case (an estimate in the case's currency names it from there;
 * the case id is read from it) and the context of the call (the shared one,
 * or one made with the user's data, whose schemes live in it). The count
 * changes only with the GIL held. */
typedef struct ctx_ref {
	rep_context *ctx;
	rep_case *c;
	Py_ssize_t refs;
} ctx_ref;

static void owner_release(ctx_ref *owner)
{
	if (!owner || --owner->refs > 0)
		return;
	rep_case_free(owner->c);
	close_context(owner->ctx);
	PyMem_Free(owner);
}

/* The attributes of an Estimate, in est_getset's order. */
enum {
	F_RAW, F_CASE, F_SCHEME, F_NAME, F_JURISDICTION, F_STATUS, F_CURRENCY, F_AS_OF, F_ELIGIBLE, F_FINDINGS,
	F_LINES, F_TOTALS, F_TOTAL, F_TOTAL_IF_ELIGIBLE, F_RANGE, F_DAYS, F_PER_DAY, F_OPTIONS, F_REFDATA,
	F_WARNINGS, F_NOTES, F_CITATIONS, F_COUNT
};

/* An Estimate's storage: each attribute is set by Estimate(raw) from the
 * JSON, or, for one computed by estimate(), made from the C estimate the
 * first time it is read and kept (e: NULL for one made from JSON). */
typedef struct est_obj {
	PyObject_HEAD
	rep_estimate *e;
	ctx_ref *owner;
	PyObject *attr[F_COUNT];
} est_obj;

static PyObject *est_get(PyObject *self, void *closure);
static int est_set(PyObject *self, PyObject *value, void *closure);

#define ATTR(name, f) {name, est_get, est_set, NULL, (void *)(intptr_t)(f)}
static PyGetSetDef est_getset[F_COUNT + 1] = {
	ATTR("_raw", F_RAW), ATTR("case", F_CASE), ATTR("scheme", F_SCHEME), ATTR("name", F_NAME),
	ATTR("jurisdiction", F_JURISDICTION), ATTR("status", F_STATUS), ATTR("currency", F_CURRENCY),
	ATTR("as_of", F_AS_OF), ATTR("eligible", F_ELIGIBLE), ATTR("findings", F_FINDINGS), ATTR("lines", F_LINES),
	ATTR("totals", F_TOTALS), ATTR("total", F_TOTAL), ATTR("total_if_eligible", F_TOTAL_IF_ELIGIBLE),
	ATTR("range", F_RANGE), ATTR("days", F_DAYS), ATTR("per_day", F_PER_DAY), ATTR("options", F_OPTIONS),
	ATTR("refdata", F_REFDATA), ATTR("warnings", F_WARNINGS), ATTR("notes", F_NOTES),
	ATTR("citations", F_CITATIONS), {NULL, NULL, NULL, NULL, NULL},
};
#undef ATTR

/* The library's JSON object of this estimate, as Estimate(raw) takes it. */
static PyObject *raw_of(est_obj *o)
{
	char *text = NULL;
	size_t len = 0;
	call_result r;
	memset(&r, 0, sizeof r);
	rep_error_clear(&r.err);
	const rep_estimate *one = o->e;
	const char *case_id = rep_case_id(o->owner->c);
	rep_status st;
	Py_BEGIN_ALLOW_THREADS
	st = rep_estimates_render(&text, &len, case_id, &one, 1, REP_FORMAT_JSON, &r.err);
	Py_END_ALLOW_THREADS
	if (st) {
		fail(&r, "render", st);
		raise_library_error(&r);
		return NULL;
	}
	PyObject *s = PyUnicode_DecodeUTF8(text, (Py_ssize_t)len, "strict");
	free(text);
	PyObject *doc = s ? PyObject_CallOneArg(cls.json_loads, s) : NULL;
	Py_XDECREF(s);
	PyObject *list = doc ? PyMapping_GetItemString(doc, "estimates") : NULL;
	Py_XDECREF(doc);
	PyObject *raw = list ? PySequence_GetItem(list, 0) : NULL;
	Py_XDECREF(list);
	return raw;
}

static PyObject *totals_of(est_obj *o)
{
	fields f = {.n = 0};
	put(&f, dec, rep_estimate_total_pecuniary(o->e));
	put(&f, dec, rep_estimate_total_non_pecuniary(o->e));
	put_obj(&f, f.failed ? NULL : est_get((PyObject *)o, (void *)(intptr_t)F_TOTAL));
	return make(&cls.totals, &f);
}

static PyObject *range_of(const rep_estimate *e)
{
	const char *low, *high, *uses;
	if (!rep_estimate_range(e, &low, &high, &uses))
		Py_RETURN_NONE;
	fields f = {.n = 0};
	put(&f, dec, low);
	put(&f, dec, high);
	put(&f, str_or_none, uses);
	put_obj(&f, f.failed ? NULL : items_tuple(e, rep_estimate_range_item_count(e), range_item_obj));
	return make(&cls.range, &f);
}

static const rep_scheme *scheme_of(const est_obj *o)
{
	return rep_scheme_find(o->owner->ctx, rep_estimate_scheme(o->e));
}

static PyObject *attr_of(est_obj *o, int i)
{
	const rep_estimate *e = o->e;
	switch (i) {
	case F_RAW:
		return raw_of(o);
	case F_CASE:
		return str_or_none(rep_case_id(o->owner->c));
	case F_SCHEME:
		return str_or_none(rep_estimate_scheme(e));
	case F_NAME:
		return str_or_none(rep_estimate_scheme_name(e));
	case F_JURISDICTION:
		return str_or_none(rep_scheme_jurisdiction(scheme_of(o)));
	case F_STATUS:
		return str_or_none(rep_scheme_status(scheme_of(o)));
	case F_CURRENCY:
		return str_or_none(rep_estimate_currency(e));
	case F_AS_OF:
		return date_or_none(rep_estimate_as_of(e));
	case F_ELIGIBLE:
		return PyBool_FromLong(rep_estimate_eligible(e));
	case F_FINDINGS:
		return items_tuple(e, rep_estimate_finding_count(e), finding_obj);
	case F_LINES:
		return items_tuple(e, rep_estimate_line_count(e), line_obj);
	case F_TOTALS:
		return totals_of(o);
	case F_TOTAL:
		return dec(rep_estimate_total(e));
	case F_TOTAL_IF_ELIGIBLE:
		return dec_or_none(rep_estimate_total_if_eligible(e));
	case F_RANGE:
		return range_of(e);
	case F_DAYS:
		return PyLong_FromLong(rep_estimate_days(e));
	case F_PER_DAY:
		return dec_or_none(rep_estimate_per_day(e));
	case F_OPTIONS:
		return items_tuple(e, rep_estimate_option_count(e), option_obj);
	case F_REFDATA:
		return items_tuple(e, rep_estimate_refpoint_count(e), refpoint_obj);
	case F_WARNINGS:
		return items_tuple(e, rep_estimate_warning_count(e), warning_obj);
	case F_NOTES:
		return nonempty_or_none(rep_estimate_notes(e));
	case F_CITATIONS:
		return items_tuple(e, rep_estimate_citation_count(e), citation_obj);
	}
	PyErr_SetString(PyExc_SystemError, "reparations: no such estimate attribute");
	return NULL;
}

static PyObject *est_get(PyObject *self, void *closure)
{
	est_obj *o = (est_obj *)self;
	int i = (int)(intptr_t)closure;
	if (!o->attr[i]) {
		if (!o->e) {
			PyErr_Format(PyExc_AttributeError, "'%.100s' object has no attribute '%s'", Py_TYPE(self)->tp_name,
				     est_getset[i].name);
			return NULL;
		}
		PyObject *v = attr_of(o, i);
		if (!v)
			return NULL;
		if (o->attr[i]) /* made meanwhile by another thread (_raw lets the GIL go): keep the first */
			Py_DECREF(v);
		else
			o->attr[i] = v;
	}
	return Py_NewRef(o->attr[i]);
}

static int est_set(PyObject *self, PyObject *value, void *closure)
{
	est_obj *o = (est_obj *)self;
	Py_XSETREF(o->attr[(intptr_t)closure], Py_XNewRef(value));
	return 0;
}

static int est_traverse(PyObject *self, visitproc visit, void *arg)
{
	est_obj *o = (est_obj *)self;
	for (int i = 0; i < F_COUNT; i++)
		Py_VISIT(o->attr[i]);
	return 0;
}

static int est_clear(PyObject *self)
{
	est_obj *o = (est_obj *)self;
	for (int i = 0; i < F_COUNT; i++)
		Py_CLEAR(o->attr[i]);
	return 0;
}

static void est_dealloc(PyObject *self)
{
	est_obj *o = (est_obj *)self;
	PyObject_GC_UnTrack(self);
	est_clear(self);
	rep_estimate_free(o->e);
	owner_release(o->owner);
	Py_TYPE(self)->tp_free(self);
}


static PyTypeObject est_type = {
	PyVarObject_HEAD_INIT(NULL, 0)
	.tp_name = "reparations._reparations.EstimateBase",
	.tp_basicsize = sizeof(est_obj),
	.tp_dealloc = est_dealloc,
	.tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
	.tp_doc = "The storage of reparations.Estimate: its attributes, made from the C estimate on first read (private).",
	.tp_traverse = est_traverse,
	.tp_clear = est_clear,
	.tp_getset = est_getset,
	.tp_new = PyType_GenericNew,
};

/* What work_estimates leaves for making the objects. */
typedef struct estimates_result {
	rep_context *ctx;
	rep_case *c;
	rep_estimate **es;
	size_t n;
} estimates_result;

static void work_estimates(call_args *a, call_result *r, estimates_result *er)
{
	rep_options *o = NULL;
	if (open_context(a, r, &er->ctx) || read_case(a, r, &er->c) || read_options(a, r, er->ctx, &o) ||
	    check_schemes(a, r, er->ctx))
		goto out;
	if (!(er->es = calloc(a->n_schemes, sizeof *er->es))) {
		fail(r, "estimate", REP_ENOMEM);
		goto out;
	}
	for (; er->n < a->n_schemes; er->n++) {
		rep_status st = rep_estimate_compute(&er->es[er->n], er->ctx, er->c, a->schemes[er->n], o, &r->err);
		if (st) {
			fail(r, "estimate", st);
			goto out;
		}
	}
out:
	rep_options_free(o);
}

/* The Estimate objects of a successful work_estimates, which gives them its case and context. */
static PyObject *estimate_objects(estimates_result *er)
{
	ctx_ref *owner = PyMem_Malloc(sizeof *owner);
	PyObject *list = owner ? PyList_New((Py_ssize_t)er->n) : NULL;
	if (!list) {
		PyMem_Free(owner);
		return PyErr_Occurred() ? NULL : PyErr_NoMemory();
	}
	*owner = (ctx_ref){er->ctx, er->c, 1}; /* this function's reference, dropped at the end */
	er->ctx = NULL;
	er->c = NULL;
	for (size_t i = 0; i < er->n; i++) {
		est_obj *o = (est_obj *)cls.estimate->tp_alloc(cls.estimate, 0);
		if (!o) {
			Py_CLEAR(list);
			break;
		}
		o->e = er->es[i];
		er->es[i] = NULL;
		o->owner = owner;
		owner->refs++;
		PyList_SET_ITEM(list, (Py_ssize_t)i, (PyObject *)o);
	}
	owner_release(owner);
	return list;
}

PyDoc_STRVAR(estimates_doc,
	     "estimates(case, schemes, options=(), as_of=None, extras=None) -> list | None\n\n"
	     "Like estimate(), but the estimates as reparations.Estimate objects made from the library's\n"
	     "estimates (no JSON text; each attribute on first read). case: JSON text, or a dict built\n"
	     "directly (None when that dict must come as JSON text). Releases the GIL while computing.");

static PyObject *py_estimates(PyObject *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = {"case", "schemes", "options", "as_of", "extras", NULL};
	PyObject *case_json, *schemes, *options = Py_None, *as_of = Py_None, *extras = Py_None;
	if (!PyArg_ParseTupleAndKeywords(args, kw, "OO|OOO:estimates", kwlist, &case_json, &schemes, &options, &as_of,
					 &extras))
		return NULL;
	if (!cls.estimate) {
		PyErr_SetString(PyExc_RuntimeError, "reparations._reparations: _setup() was not called");
		return NULL;
	}
	call_args a;
	if (begin(&a))
		return NULL;
	if (case_arg(&a, case_json) || str_list(&a, schemes, &a.schemes, &a.n_schemes, "schemes") ||
	    str_list(&a, options, &a.options, &a.n_options, "options") || cstr_of(as_of, &a.as_of, "as_of") ||
	    parse_extras(&a, extras)) {
		call_args_release(&a);
		return NULL;
	}
	if (a.declined)
		return declined(&a);
	if (a.n_schemes == 0) {
		call_args_release(&a);
		PyErr_SetString(PyExc_ValueError, "at least one scheme is required");
		return NULL;
	}
	call_result r;
	memset(&r, 0, sizeof r);
	rep_error_clear(&r.err);
	estimates_result er;
	memset(&er, 0, sizeof er);
	Py_BEGIN_ALLOW_THREADS
	work_estimates(&a, &r, &er);
	Py_END_ALLOW_THREADS
	PyObject *list = NULL;
	if (r.st)
		raise_library_error(&r);
	else
		list = estimate_objects(&er);
	for (size_t i = 0; i < er.n; i++)
		rep_estimate_free(er.es[i]);
	free(er.es);
	rep_case_free(er.c);
	if (er.ctx)
		close_context(er.ctx);
	call_result_release(&r);
	call_args_release(&a);
	return list;
}

/* The classes: {"Estimate": cls, "Decimal": cls, "json_loads": fn, NAME: (dataclass, field names), ...}. */
static int setup_dataclass(PyObject *d, const char *name, dataclass *k)
{
	PyObject *v = PyDict_GetItemString(d, name);
	if (!v || !PyTuple_Check(v) || PyTuple_GET_SIZE(v) != 2 || !PyType_Check(PyTuple_GET_ITEM(v, 0)) ||
	    !PyTuple_Check(PyTuple_GET_ITEM(v, 1)) || PyTuple_GET_SIZE(PyTuple_GET_ITEM(v, 1)) != k->n) {
		PyErr_Format(PyExc_TypeError, "_setup: %s must be (class, its %zd field names)", name, k->n);
		return -1;
	}
	PyObject *type = PyTuple_GET_ITEM(v, 0);
	int post = PyObject_HasAttrString(type, "__post_init__");
	if (post) {
		PyErr_Format(PyExc_TypeError, "_setup: %s has a __post_init__, which the C layer would not run", name);
		return -1;
	}
	Py_XSETREF(k->type, Py_NewRef(type));
	Py_XSETREF(k->names, Py_NewRef(PyTuple_GET_ITEM(v, 1)));
	return 0;
}

PyDoc_STRVAR(setup_doc, "_setup(classes) -> None\n\nThe package's classes the C layer makes objects of (once, at import).");

static PyObject *py_setup(PyObject *self, PyObject *d)
{
	if (!PyDict_Check(d)) {
		PyErr_SetString(PyExc_TypeError, "_setup takes a dict");
		return NULL;
	}
	PyObject *est = PyDict_GetItemString(d, "Estimate"), *decimal = PyDict_GetItemString(d, "Decimal"),
		 *loads = PyDict_GetItemString(d, "json_loads");
	if (!est || !PyType_Check(est) || !PyType_IsSubtype((PyTypeObject *)est, &est_type) || !decimal ||
	    !PyCallable_Check(decimal) || !loads || !PyCallable_Check(loads)) {
		PyErr_SetString(PyExc_TypeError, "_setup: Estimate (a subclass of EstimateBase), Decimal and json_loads");
		return NULL;
	}
	if (setup_dataclass(d, "Line", &cls.line) || setup_dataclass(d, "Finding", &cls.finding) ||
	    setup_dataclass(d, "RefPoint", &cls.refpoint) || setup_dataclass(d, "OptionValue", &cls.option) ||
	    setup_dataclass(d, "Totals", &cls.totals) || setup_dataclass(d, "Range", &cls.range) ||
	    setup_dataclass(d, "RangeItem", &cls.range_item) || setup_dataclass(d, "Citation", &cls.citation) ||
	    case_dict_setup(decimal))
		return NULL;
	Py_XSETREF(cls.estimate, (PyTypeObject *)Py_NewRef(est));
	Py_XSETREF(cls.decimal, Py_NewRef(decimal));
	Py_XSETREF(cls.json_loads, Py_NewRef(loads));
	Py_RETURN_NONE;
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
	for (int s = REP_OK; d && s <= REP_EBUSY; s++) {
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
	{"case_json", py_case_json, METH_O, case_json_doc},
	{"estimates", KW_FN(py_estimates), METH_VARARGS | METH_KEYWORDS, estimates_doc},
	{"_setup", py_setup, METH_O, setup_doc},
	{"batch", KW_FN(py_batch), METH_VARARGS | METH_KEYWORDS, batch_doc},
	{"sweep", KW_FN(py_sweep), METH_VARARGS | METH_KEYWORDS, sweep_doc},
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
	PyDateTime_IMPORT;
	if (!PyDateTimeAPI || (!empty_tuple && !(empty_tuple = PyTuple_New(0))) || PyType_Ready(&est_type) < 0) {
		Py_DECREF(m);
		return NULL;
	}
	Py_INCREF(&est_type);
	if (PyModule_AddObject(m, "EstimateBase", (PyObject *)&est_type)) {
		Py_DECREF(&est_type);
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
