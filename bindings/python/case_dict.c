/* A case dict read straight into a rep_case through the library's builder
 * (include/reparations/case.h), without JSON text in between.
 *
 * This is a fast path, not a second reader: it accepts only a dict that
 * json.dumps would write as JSON the library's reader (lib/io/case_json.c)
 * accepts, and it makes the builder calls that reader makes, in the same
 * order, so the case is the same. Anything else -- an unknown key, a value
 * of another type or an invalid one, a subclass, a float, a case the builder
 * or rep_case_validate refuses -- is declined, and the caller takes the JSON
 * path, whose reader words the error (path and message) as it always has.
 * Declining costs a wasted walk, on the error path only.
 *
 * Runs with the GIL held: it reads Python objects. It runs no Python code
 * (exact built-in types only, the C decimal's str(); it allocates no object
 * the garbage collector tracks, so no collection can run a finalizer), so
 * nothing can change the dict or its lists under it. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <datetime.h>

#include <stddef.h>
#include <string.h>

#include "binding.h"

static PyObject *decimal_type; /* decimal.Decimal, set by case_dict_setup */
static PyObject *category_key; /* "category", interned: its hash is kept */

int case_dict_setup(PyObject *decimal)
{
	if (!PyDateTimeAPI) {
		PyDateTime_IMPORT;
		if (!PyDateTimeAPI)
			return -1;
	}
	if (!category_key && !(category_key = PyUnicode_InternFromString("category")))
		return -1;
	/* the pure-Python decimal's str() would run Python code: its amounts take the JSON path */
	if (PyType_Check(decimal) && !(((PyTypeObject *)decimal)->tp_flags & Py_TPFLAGS_HEAPTYPE))
		Py_XSETREF(decimal_type, Py_NewRef(decimal));
	return 0;
}

/* The walk over one dict. Temporaries (the text of an int or Decimal amount)
 * live until the builder call that copies them. */
typedef struct walk {
	rep_case *c;
	rep_error err;
	size_t bound;        /* an upper bound of the length of json.dumps(case) */
	bool has_id;
	PyObject *tmp[8];
	int n_tmp;
} walk;

#define DECLINE (-1)

static void drop_tmp(walk *w)
{
	while (w->n_tmp)
		Py_DECREF(w->tmp[--w->n_tmp]);
}

/* json.dumps writes at most 6 bytes per byte of a string ("\u001f"), plus
 * quotes, separators and the key: the reader refuses texts over REP_JSON_MAX_BYTES. */
static void count(walk *w, size_t len)
{
	w->bound += 6 * len + 16;
}

/* UTF-8 of an exact str, as rep_jr_string reads it: no NUL, at most REP_CASE_MAX_STRING bytes. */
static int text(walk *w, PyObject *o, const char **s, Py_ssize_t *n)
{
	Py_ssize_t len;
	const char *t;
	if (!PyUnicode_CheckExact(o) || !(t = PyUnicode_AsUTF8AndSize(o, &len)) || strlen(t) != (size_t)len ||
	    len > REP_CASE_MAX_STRING)
		return DECLINE;
	count(w, (size_t)len);
	*s = t;
	if (n)
		*n = len;
	return 0;
}

/* A date: "YYYY-MM-DD" text or an exact datetime.date (json.dumps writes its isoformat()). */
static int date(walk *w, PyObject *o, rep_date *out)
{
	char buf[16];
	const char *s = buf;
	Py_ssize_t n;
	if (PyDate_CheckExact(o)) {
		n = snprintf(buf, sizeof buf, "%04d-%02d-%02d", PyDateTime_GET_YEAR(o), PyDateTime_GET_MONTH(o),
			     PyDateTime_GET_DAY(o));
		count(w, (size_t)n);
	} else if (text(w, o, &s, &n)) {
		return DECLINE;
	}
	return rep_date_parse_n(out, s, (size_t)n, &w->err) ? DECLINE : 0;
}

/* An amount: str, exact int or exact Decimal (json.dumps: a number, or str(Decimal) by the binding's default). */
static int amount(walk *w, PyObject *o, const char **out)
{
	if (PyUnicode_CheckExact(o))
		return text(w, o, out, NULL);
	if (!PyLong_CheckExact(o) && !(decimal_type && Py_IS_TYPE(o, (PyTypeObject *)decimal_type)))
		return DECLINE;
	if (w->n_tmp == (int)(sizeof w->tmp / sizeof w->tmp[0]))
		return DECLINE;
	PyObject *s = PyObject_Str(o);
	if (!s)
		return DECLINE;
	w->tmp[w->n_tmp++] = s;
	Py_ssize_t len;
	const char *t = PyUnicode_AsUTF8AndSize(s, &len);
	if (!t)
		return DECLINE;
	count(w, (size_t)len);
	*out = t;
	return 0;
}

static int flag(walk *w, PyObject *o, bool *out)
{
	if (!PyBool_Check(o))
		return DECLINE;
	count(w, 5);
	*out = o == Py_True;
	return 0;
}

/* The items of an exact list or tuple (json.dumps writes both as arrays). */
static int array(walk *w, PyObject *o, PyObject ***items, Py_ssize_t *n, size_t limit)
{
	if (PyList_CheckExact(o)) {
		*items = ((PyListObject *)o)->ob_item;
		*n = PyList_GET_SIZE(o);
	} else if (PyTuple_CheckExact(o)) {
		*items = ((PyTupleObject *)o)->ob_item;
		*n = PyTuple_GET_SIZE(o);
	} else {
		return DECLINE;
	}
	count(w, 0);
	return (size_t)*n > limit ? DECLINE : 0;
}

/* The members of an exact dict, one by one (insertion order: json.dumps's order). */
#define MEMBERS(o, k, v, pos)                                      \
	for (Py_ssize_t pos = 0; PyDict_Next((o), &pos, &(k), &(v));)

/* The UTF-8 of a member's key (an exact str without NUL), or NULL to decline. */
static const char *key_of(walk *w, PyObject *k)
{
	Py_ssize_t n;
	const char *s = PyUnicode_CheckExact(k) ? PyUnicode_AsUTF8AndSize(k, &n) : NULL;
	if (!s || strlen(s) != (size_t)n)
		return NULL;
	count(w, (size_t)n);
	return s;
}

static bool is(const char *key, const char *name)
{
	return strcmp(key, name) == 0;
}

static int read_conviction(walk *w, PyObject *o)
{
	if (o == Py_False)
		return rep_case_set_conviction(w->c, REP_FACT_NO, REP_DATE_NONE, NULL, NULL, &w->err) ? DECLINE : 0;
	if (!PyDict_CheckExact(o))
		return DECLINE;
	rep_date d = REP_DATE_NONE;
	const char *article = NULL, *sentence = NULL;
	PyObject *k, *v;
	MEMBERS(o, k, v, pos) {
		const char *key = key_of(w, k);
		if (!key)
			return DECLINE;
		int bad = is(key, "date")	       ? date(w, v, &d)
			  : is(key, "article")  ? text(w, v, &article, NULL)
			  : is(key, "sentence") ? text(w, v, &sentence, NULL)
					      : DECLINE;
		if (bad)
			return DECLINE;
	}
	return rep_case_set_conviction(w->c, REP_FACT_YES, d, article, sentence, &w->err) ? DECLINE : 0;
}

static int read_proceedings(walk *w, PyObject *o)
{
	static const struct {
		const char *key;
		unsigned flag;
	} flag_keys[] = {
		{"death_sentence", REP_FLAG_DEATH_SENTENCE},
		{"coerced_confession", REP_FLAG_COERCED_CONFESSION},
		{"self_incrimination", REP_FLAG_SELF_INCRIMINATION},
		{"arbitrary_detention_finding", REP_FLAG_ARBITRARY_DETENTION_FINDING},
	};
	if (!PyDict_CheckExact(o))
		return DECLINE;
	rep_proc_kind kind = REP_PROC_CRIMINAL;
	rep_outcome outcome = REP_OUT_PENDING;
	rep_date decision = REP_DATE_NONE, notice = REP_DATE_NONE, application = REP_DATE_NONE;
	unsigned flags = 0;
	PyObject *k, *v;
	MEMBERS(o, k, v, pos) {
		const char *s, *key = key_of(w, k);
		bool b;
		if (!key)
			return DECLINE;
		if (is(key, "kind")) {
			if (text(w, v, &s, NULL) || rep_proc_kind_parse(&kind, s))
				return DECLINE;
		} else if (is(key, "outcome")) {
			if (text(w, v, &s, NULL) || rep_outcome_parse(&outcome, s))
				return DECLINE;
		} else if (is(key, "decision_date")) {
			if (date(w, v, &decision))
				return DECLINE;
		} else if (is(key, "notice_date")) {
			if (date(w, v, &notice))
				return DECLINE;
		} else if (is(key, "application_date")) {
			if (date(w, v, &application))
				return DECLINE;
		} else if (is(key, "conviction")) {
			if (read_conviction(w, v))
				return DECLINE;
		} else if (is(key, "acquitted_on_retrial")) {
			if (flag(w, v, &b))
				return DECLINE;
			rep_case_set_acquitted_on_retrial(w->c, b ? REP_FACT_YES : REP_FACT_NO);
		} else if (is(key, "certificate_of_innocence")) {
			if (flag(w, v, &b))
				return DECLINE;
			rep_case_set_certificate_of_innocence(w->c, b ? REP_FACT_YES : REP_FACT_NO);
		} else if (is(key, "pardon_ground")) {
			if (text(w, v, &s, NULL) || (strcmp(s, "innocence") && strcmp(s, "clemency")))
				return DECLINE;
			rep_case_set_pardon_ground(w->c, strcmp(s, "innocence") == 0 ? REP_PARDON_INNOCENCE
										: REP_PARDON_CLEMENCY);
		} else {
			size_t i = 0, n = sizeof flag_keys / sizeof flag_keys[0];
			while (i < n && !is(key, flag_keys[i].key))
				i++;
			if (i == n || flag(w, v, &b))
				return DECLINE;
			if (b)
				flags |= flag_keys[i].flag;
		}
	}
	/* the reader's calls, whose dates its parser has already checked */
	rep_case_set_proceedings(w->c, kind, outcome, decision, flags);
	rep_case_set_notice_date(w->c, notice);
	rep_case_set_application_date(w->c, application);
	return 0;
}

static int read_detention(walk *w, PyObject *o)
{
	if (!PyDict_CheckExact(o))
		return DECLINE;
	rep_detention_spec d = REP_DETENTION_INIT;
	PyObject *k, *v;
	MEMBERS(o, k, v, pos) {
		const char *s;
		const char *key = key_of(w, k);
		if (!key)
			return DECLINE;
		int bad = DECLINE;
		if (is(key, "kind"))
			bad = text(w, v, &s, NULL) || rep_detention_kind_parse(&d.kind, s);
		else if (is(key, "start"))
			bad = date(w, v, &d.start);
		else if (is(key, "end"))
			bad = v == Py_None ? 0 : date(w, v, &d.end);
		else if (is(key, "credited_elsewhere"))
			bad = flag(w, v, &d.credited_elsewhere);
		else if (is(key, "note"))
			bad = text(w, v, &d.note, NULL);
		if (bad)
			return DECLINE;
	}
	return rep_case_add_detention_spec(w->c, &d, &w->err) ? DECLINE : 0;
}

/* A field of a harm other than category and description. Whether the
 * category takes it is left to rep_case_add_harm, which refuses a field given
 * for another category as the reader does, and the walk then declines. */
static int harm_field(walk *w, rep_harm *h, const char *key, PyObject *v)
{
	static const struct {
		const char *key;
		size_t off;
	} amounts[] = {
		{"amount", offsetof(rep_harm, amount)}, {"monthly", offsetof(rep_harm, monthly)},
		{"annual", offsetof(rep_harm, annual)}, {"years", offsetof(rep_harm, years)},
		{"growth", offsetof(rep_harm, growth)}, {"discount_rate", offsetof(rep_harm, discount_rate)},
	};
	if (is(key, "date"))
		return date(w, v, &h->date);
	if (is(key, "start"))
		return date(w, v, &h->start);
	if (is(key, "end"))
		return date(w, v, &h->end);
	if (is(key, "disposition"))
		return text(w, v, &h->disposition, NULL);
	for (size_t i = 0; i < sizeof amounts / sizeof amounts[0]; i++)
		if (strcmp(key, amounts[i].key) == 0)
			return amount(w, v, (const char **)((char *)h + amounts[i].off));
	return DECLINE;
}

static int read_harm(walk *w, PyObject *o)
{
	if (!PyDict_CheckExact(o))
		return DECLINE;
	rep_harm h = REP_HARM_INIT;
	const char *s;
	PyObject *cat = PyDict_GetItemWithError(o, category_key); /* borrowed */
	if (!cat || text(w, cat, &s, NULL) || rep_harm_category_parse(&h.category, s))
		return DECLINE;
	PyObject *k, *v;
	int bad = 0;
	MEMBERS(o, k, v, pos) {
		const char *key = key_of(w, k);
		if (!key) {
			bad = DECLINE;
			break;
		}
		if (is(key, "category"))
			continue;
		bad = is(key, "description") ? text(w, v, &h.description, NULL) : harm_field(w, &h, key, v);
		if (bad)
			break;
	}
	if (!bad && rep_case_add_harm(w->c, &h, &w->err))
		bad = DECLINE;
	drop_tmp(w); /* copied by rep_case_add_harm */
	return bad;
}

static int read_torture(walk *w, PyObject *o)
{
	if (!PyDict_CheckExact(o))
		return DECLINE;
	int part = 0;
	rep_date recognised = REP_DATE_NONE;
	PyObject *k, *v;
	MEMBERS(o, k, v, pos) {
		const char *key = key_of(w, k);
		if (!key)
			return DECLINE;
		if (is(key, "cc146_part")) {
			/* the reader takes the one-digit JSON numbers 0..3 */
			long p = PyLong_CheckExact(v) ? PyLong_AsLong(v) : -1;
			if (p < 0 || p > 3)
				return DECLINE;
			part = (int)p;
			count(w, 1);
		} else if (!is(key, "victim_recognised") || date(w, v, &recognised)) {
			return DECLINE;
		}
	}
	return rep_case_set_torture(w->c, part, recognised, &w->err) ? DECLINE : 0;
}

static int read_list(walk *w, PyObject *o, bool detentions)
{
	PyObject **items;
	Py_ssize_t n;
	if (array(w, o, &items, &n, detentions ? REP_CASE_MAX_DETENTIONS : REP_CASE_MAX_HARMS))
		return DECLINE;
	for (Py_ssize_t i = 0; i < n; i++)
		if (detentions ? read_detention(w, items[i]) : read_harm(w, items[i]))
			return DECLINE;
	return 0;
}

static int read_case(walk *w, PyObject *o)
{
	PyObject *k, *v;
	MEMBERS(o, k, v, pos) {
		const char *s;
		rep_date d;
		const char *key = key_of(w, k);
		if (!key)
			return DECLINE;
		int bad;
		if (is(key, "id")) {
			bad = text(w, v, &s, NULL) || rep_case_set_id(w->c, s, &w->err);
			w->has_id = true;
		}
		else if (is(key, "currency"))
			bad = text(w, v, &s, NULL) || rep_case_set_currency(w->c, s, &w->err);
		else if (is(key, "as_of")) {
			bad = date(w, v, &d);
			if (!bad)
				rep_case_set_as_of(w->c, d); /* as the reader: its parser has checked the range */
		}
		else if (is(key, "description"))
			bad = text(w, v, &s, NULL) || rep_case_set_description(w->c, s, &w->err);
		else if (is(key, "proceedings"))
			bad = read_proceedings(w, v);
		else if (is(key, "torture"))
			bad = v != Py_None && read_torture(w, v);
		else if (is(key, "detentions") || is(key, "harms"))
			bad = read_list(w, v, is(key, "detentions"));
		else
			bad = DECLINE;
		if (bad)
			return DECLINE;
	}
	if (!w->has_id || w->bound > REP_JSON_MAX_BYTES)
		return DECLINE;
	return rep_case_validate(w->c, &w->err) ? DECLINE : 0;
}

int case_from_dict(PyObject *dict, rep_case **out)
{
	*out = NULL;
	if (!PyDict_CheckExact(dict))
		return 0;
	walk w;
	memset(&w, 0, sizeof w);
	if (rep_case_new(&w.c))
		return 0;
	int bad = read_case(&w, dict);
	drop_tmp(&w);
	if (PyErr_Occurred()) /* a str that cannot be UTF-8 (a lone surrogate): the JSON path raises it */
		PyErr_Clear();
	if (bad) {
		rep_case_free(w.c);
		return 0;
	}
	*out = w.c;
	return 1;
}
