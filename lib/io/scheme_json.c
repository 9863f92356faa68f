/* Reading a user scheme from JSON (docs/schemes.md). The JSON vocabulary is
 * lib/scheme_def.h itself: one table per struct below maps each key (the C
 * member's name, by stringification, so the two cannot drift apart) to a
 * reader, so the reading, the "expected one of" lists and the documentation
 * follow the same data. Per-struct checks then catch what a single field
 * cannot show (a tier on a yearly tariff, a default out of its range), and
 * a last pass checks names that refer across lists.
 *
 * The point of the checks is that the engine, which trusts built-in tables,
 * can trust a loaded one too: every enum in range, every decimal parseable,
 * every list terminated, every pointer the engine dereferences present. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "context_internal.h"
#include "internal.h"
#include "io/json.h"
#include "io/json_read.h"
#include "scheme.h"

#define NAME_MAX_LEN 64 /* identifiers: series, options, heads, units */
#define MAX_TIER_DAY 200000 /* beyond every day from 1900 to 2199, and far from int overflow */
#define MAX_MONTHS 100000
#define MAX_DEADLINE_MONTHS 1200

/* Enums are filled through an int; this holds for every one the tables use. */
_Static_assert(sizeof(rep_round) == sizeof(int) && sizeof(rep_daycount) == sizeof(int) &&
		       sizeof(rep_klass) == sizeof(int) && sizeof(rep_measure) == sizeof(int) &&
		       sizeof(rep_date_basis) == sizeof(int) && sizeof(rep_condition) == sizeof(int) &&
		       sizeof(rep_harm_category) == sizeof(int) && sizeof(rep_treatment) == sizeof(int) &&
		       sizeof(rep_trigger) == sizeof(int) && sizeof(rep_cap_scope) == sizeof(int) &&
		       sizeof(rep_opt_type) == sizeof(int) && sizeof(rep_deadline_from) == sizeof(int),
	       "scheme enums are int-sized");
_Static_assert(sizeof(unsigned) == sizeof(uint32_t), "rule flags and kind sets share one width");

/* ---- names of enum values ---- */

typedef struct enum_def {
	const char *const *names; /* NULL: ask name_of, the library's own naming */
	const char *(*name_of)(int);
	int n;
} enum_def;

static const char *round_name(int i)
{
	return rep_round_name((rep_round)i);
}
static const char *daycount_name(int i)
{
	return rep_daycount_name((rep_daycount)i);
}
static const char *proc_name(int i)
{
	return rep_proc_kind_name((rep_proc_kind)i);
}
static const char *outcome_name(int i)
{
	return rep_outcome_name((rep_outcome)i);
}
static const char *kind_name(int i)
{
	return rep_detention_kind_name((rep_detention_kind)i);
}
static const char *harm_name(int i)
{
	return rep_harm_category_name((rep_harm_category)i);
}

#define NAMES(...) {(const char *const[]){__VA_ARGS__}, NULL, sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *)}

static const enum_def e_round = {NULL, round_name, REP_ROUND_CEILING + 1};
static const enum_def e_daycount = {NULL, daycount_name, REP_DC_COMMENCED + 1};
static const enum_def e_proc = {NULL, proc_name, REP_PROC_COUNT};
static const enum_def e_outcome = {NULL, outcome_name, REP_OUT_COUNT};
static const enum_def e_kind = {NULL, kind_name, REP_DET_COUNT};
static const enum_def e_harm = {NULL, harm_name, REP_HARM_COUNT};
/* bit i is 1u << i, as REP_FLAG_* are */
static const enum_def e_flag = NAMES("death_sentence", "coerced_confession", "self_incrimination",
				     "arbitrary_detention_finding");
static const enum_def e_measure = NAMES("days", "years_365", "years_36525", "years_ymd", "months_commenced",
					"months_whole");
static const enum_def e_klass = NAMES("non_pecuniary", "pecuniary");
static const enum_def e_basis = NAMES("each_day", "detention_end", "decision", "application", "as_of");
static const enum_def e_condition = NAMES("none", "death_sentence", "no_death_sentence");
static const enum_def e_treatment = NAMES("proven", "court", "excluded");
static const enum_def e_trigger = NAMES("torture_part", "always");
static const enum_def e_scope = NAMES("total", "pecuniary", "non_pecuniary");
static const enum_def e_opt_type = NAMES("decimal", "choice");
static const enum_def e_from = NAMES("notice", "decision", "torture_recognised");
static const enum_def e_confidence = NAMES("verified", "secondary", "unverified");
static const enum_def e_annuity_rate = NAMES("effective_annual", "nominal_monthly");
static const enum_def e_status = NAMES("law", "guideline", "practice", "standard", "draft", "scenario");
/* bit i is 1u << i, as REP_NEED_* are */
static const enum_def e_need = NAMES("conviction", "retrial_acquittal", "pardon_innocence", "certificate_of_innocence");

static const char *enum_name(const enum_def *e, int i)
{
	return e->names ? e->names[i] : e->name_of(i);
}

static int enum_find(const enum_def *e, const char *s)
{
	for (int i = 0; i < e->n; i++)
		if (strcmp(enum_name(e, i), s) == 0)
			return i;
	return -1;
}

/* "a, b or c" */
static void enum_expected(char *buf, size_t size, const enum_def *e)
{
	size_t len = 0;
	buf[0] = '\0';
	for (int i = 0; i < e->n && len < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s%s", i == 0 ? "" : i == e->n - 1 ? " or " : ", ",
					enum_name(e, i));
}

/* ---- the field tables ---- */

typedef enum ftype {
	F_TEXT,     /* const char *: prose, up to REP_CASE_MAX_STRING bytes */
	F_NAME,     /* const char *: an identifier, [A-Za-z0-9._-]{1,64} */
	F_SCALAR,   /* const char *: a string or a number lexeme (an option's default) */
	F_DEC,      /* const char *: a decimal */
	F_AMOUNT,   /* const char *: a decimal >= 0 */
	F_CURRENCY, /* const char *: a known ISO 4217 code */
	F_FIGURE,   /* rep_figure: {value, confidence, source} or a bare decimal */
	F_DATE,     /* rep_date */
	F_BOOL,
	F_INT,      /* int within [lo, hi] */
	F_ENUM,     /* an int-sized enum, by name */
	F_SENUM,    /* const char * from a fixed list of names */
	F_BITS,     /* uint32_t: bit i for the i-th name, from an array of names */
	F_LIST,     /* pointer to an array ending with a zeroed entry */
	F_ONE,      /* pointer to one object (NULL when absent) */
	F_STRINGS   /* const char *const *, NULL-terminated */
} ftype;

typedef struct reader {
	rep_arena *out; /* where the definition goes */
	rep_error *err;
} reader;

typedef struct obj_def obj_def;

typedef struct field {
	const char *key;
	ftype type;
	size_t off;
	bool required;
	const void *aux; /* enum_def, or obj_def for F_LIST */
	int lo, hi;      /* F_INT */
} field;

struct obj_def {
	size_t size;
	const field *fields;
	size_t n_fields;
	void (*init)(void *obj);
	rep_status (*check)(reader *rd, void *obj, const rep_json *json, rep_jpath *p);
};

#define FLD(m, ty, req, aux, lo, hi) {#m, ty, offsetof(T, m), req, aux, lo, hi}
#define TEXT(m) FLD(m, F_TEXT, false, NULL, 0, 0)
#define TEXT_REQ(m) FLD(m, F_TEXT, true, NULL, 0, 0)
#define NAME(m) FLD(m, F_NAME, false, NULL, 0, 0)
#define NAME_REQ(m) FLD(m, F_NAME, true, NULL, 0, 0)
#define DEC(m) FLD(m, F_DEC, false, NULL, 0, 0)
#define AMOUNT(m) FLD(m, F_AMOUNT, false, NULL, 0, 0)
#define CURRENCY(m) FLD(m, F_CURRENCY, false, NULL, 0, 0)
#define FIGURE(m) FLD(m, F_FIGURE, false, NULL, 0, 0)
#define FIGURE_REQ(m) FLD(m, F_FIGURE, true, NULL, 0, 0)
#define DATE(m) FLD(m, F_DATE, false, NULL, 0, 0)
#define BOOL(m) FLD(m, F_BOOL, false, NULL, 0, 0)
#define INT(m, lo, hi) FLD(m, F_INT, false, NULL, lo, hi)
#define INT_REQ(m, lo, hi) FLD(m, F_INT, true, NULL, lo, hi)
#define ENUM(m, e) FLD(m, F_ENUM, false, &e, 0, 0)
#define ENUM_REQ(m, e) FLD(m, F_ENUM, true, &e, 0, 0)
#define SENUM(m, e) FLD(m, F_SENUM, false, &e, 0, 0)
#define BITS(m, e) FLD(m, F_BITS, false, &e, 0, 0)
#define BITS_REQ(m, e) FLD(m, F_BITS, true, &e, 0, 0)
#define LIST(m, d) FLD(m, F_LIST, false, &d, 0, 0)
#define ONE(m, d) FLD(m, F_ONE, false, &d, 0, 0)
#define STRINGS(m) FLD(m, F_STRINGS, false, NULL, 0, 0)
#define OBJ(type, fields, init, check) {sizeof(type), fields, sizeof fields / sizeof fields[0], init, check}

static rep_status check_figure_obj(reader *rd, void *obj, const rep_json *json, rep_jpath *p);
static rep_status check_rule(reader *rd, void *obj, const rep_json *json, rep_jpath *p);
static rep_status check_tariff(reader *rd, void *obj, const rep_json *json, rep_jpath *p);
static rep_status check_head(reader *rd, void *obj, const rep_json *json, rep_jpath *p);
static rep_status check_fixed(reader *rd, void *obj, const rep_json *json, rep_jpath *p);
static rep_status check_cap(reader *rd, void *obj, const rep_json *json, rep_jpath *p);
static rep_status check_option(reader *rd, void *obj, const rep_json *json, rep_jpath *p);
static rep_status check_scheme(reader *rd, void *obj, const rep_json *json, rep_jpath *p);
static void init_tariff(void *obj);
static void init_fixed(void *obj);
static void init_cap(void *obj);
static void init_scheme(void *obj);

#define T rep_figure
static const field figure_fields[] = {
	FLD(value, F_AMOUNT, true, NULL, 0, 0),
	SENUM(confidence, e_confidence),
	TEXT(source),
};
static const obj_def figure_obj = OBJ(rep_figure, figure_fields, NULL, check_figure_obj);
#undef T

#define T rep_rule
static const field rule_fields[] = {
	BITS(outcomes, e_outcome),
	BITS(flags, e_flag),
	TEXT_REQ(text),
	TEXT(basis),
	BITS(needs, e_need),
	BITS(assumes, e_need),
};
static const obj_def rule_obj = OBJ(rep_rule, rule_fields, NULL, check_rule);
#undef T

#define T rep_tariff
static const field tariff_fields[] = {
	TEXT_REQ(label),
	NAME(head),
	TEXT(group),
	ENUM(klass, e_klass),
	BITS_REQ(kinds, e_kind),
	ENUM(measure, e_measure),
	ENUM(daycount, e_daycount),
	NAME(unit),
	FIGURE(rate),
	NAME(rate_option),
	AMOUNT(rate_low),
	AMOUNT(rate_high),
	CURRENCY(rate_currency),
	NAME(index),
	ENUM(index_at, e_basis),
	INT(tier_from, 0, MAX_TIER_DAY),
	INT(tier_to, 0, MAX_TIER_DAY),
	DATE(valid_from),
	DATE(valid_to),
	ENUM(version_at, e_basis),
	ENUM(condition, e_condition),
	FIGURE(cap),
	TEXT(cap_basis),
	BOOL(range_only),
	TEXT(basis),
	TEXT(formula),
	NAME(when_option),
	TEXT(when_value),
};
static const obj_def tariff_obj = OBJ(rep_tariff, tariff_fields, init_tariff, check_tariff);
#undef T

#define T rep_head
static const field head_fields[] = {
	ENUM_REQ(category, e_harm),
	ENUM(treatment, e_treatment),
	ENUM(klass, e_klass),
	TEXT_REQ(label),
	TEXT(group),
	TEXT(basis),
	TEXT(note),
	BOOL(indexable),
	BOOL(future_pv),
	FIGURE(per_year_cap),
	NAME(per_year_cap_index),
};
static const obj_def head_obj = OBJ(rep_head, head_fields, NULL, check_head);
#undef T

#define T rep_fixed
static const field fixed_fields[] = {
	TEXT_REQ(label),
	NAME(head),
	ENUM(trigger, e_trigger),
	INT(lo, 0, 3),
	INT(hi, 0, 3),
	FIGURE_REQ(amount),
	NAME(index),
	ENUM(index_at, e_basis),
	ENUM(klass, e_klass),
	TEXT(basis),
	TEXT(formula),
	TEXT(group),
	NAME(amount_option),
	AMOUNT(amount_low),
	AMOUNT(amount_high),
	TEXT(note),
	CURRENCY(amount_currency),
	NAME(when_option),
	TEXT(when_value),
	DATE(valid_from),
	DATE(valid_to),
	ENUM(version_at, e_basis),
};
static const obj_def fixed_obj = OBJ(rep_fixed, fixed_fields, init_fixed, check_fixed);
#undef T

#define T rep_cap
static const field cap_fields[] = {
	TEXT_REQ(label),
	ENUM(scope, e_scope),
	FIGURE_REQ(amount),
	NAME(index),
	INT(min_months, -1, MAX_MONTHS),
	INT(max_months, -1, MAX_MONTHS),
	DATE(valid_from),
	DATE(valid_to),
	ENUM(version_at, e_basis),
	TEXT(basis),
};
static const obj_def cap_obj = OBJ(rep_cap, cap_fields, init_cap, check_cap);
#undef T

#define T rep_option_def
static const field option_fields[] = {
	NAME_REQ(name),
	ENUM(type, e_opt_type),
	{"default", F_SCALAR, offsetof(rep_option_def, def), true, NULL, 0, 0},
	DEC(min),
	DEC(max),
	TEXT(choices),
	TEXT(description),
};
static const obj_def option_obj = OBJ(rep_option_def, option_fields, NULL, check_option);
#undef T

#define T rep_deadline
static const field deadline_fields[] = {
	ENUM(from, e_from),
	INT_REQ(months, 0, MAX_DEADLINE_MONTHS),
	TEXT_REQ(text),
	TEXT(basis),
};
static const obj_def deadline_obj = OBJ(rep_deadline, deadline_fields, NULL, NULL);
#undef T

#define T rep_cite
static const field cite_fields[] = {
	TEXT_REQ(instrument),
	TEXT(article),
	TEXT(url),
};
static const obj_def cite_obj = OBJ(rep_cite, cite_fields, NULL, NULL);
#undef T

#define T rep_late_interest
static const field late_interest_fields[] = {
	TEXT_REQ(label),
	NAME(series),
	FIGURE(rate),
	FIGURE(margin),
	NAME(days_option),
	TEXT(basis),
	TEXT(formula),
	TEXT(note),
};
static const obj_def late_interest_obj = OBJ(rep_late_interest, late_interest_fields, NULL, NULL);
#undef T

#define T rep_annuity
static const field annuity_fields[] = {
	TEXT_REQ(label),
	TEXT(base_heads),
	FIGURE(rate),
	ENUM(convention, e_annuity_rate),
	NAME(years_option),
	ENUM(klass, e_klass),
	TEXT(basis),
	TEXT(formula),
	TEXT(note),
};
static const obj_def annuity_obj = OBJ(rep_annuity, annuity_fields, NULL, NULL);
#undef T

#define T rep_scheme_def
static const field scheme_fields[] = {
	TEXT_REQ(id), /* its own pattern, checked in check_scheme */
	TEXT_REQ(name),
	TEXT(jurisdiction),
	CURRENCY(currency),
	SENUM(status, e_status),
	DATE(effective_from),
	DATE(effective_to),
	TEXT(notes),
	ENUM(rounding, e_round),
	INT(places, -1, 8),
	BITS(proc_kinds, e_proc),
	TEXT(proc_kinds_text),
	LIST(qualifying, rule_obj),
	LIST(bars, rule_obj),
	BOOL(requires_detention),
	BOOL(requires_torture),
	LIST(tariffs, tariff_obj),
	LIST(heads, head_obj),
	FIGURE(pecuniary_threshold),
	TEXT(pecuniary_threshold_basis),
	LIST(fixed, fixed_obj),
	LIST(caps, cap_obj),
	LIST(options, option_obj),
	NAME(indexation_option),
	NAME(interest_rate_option),
	NAME(range_option),
	ONE(late_interest, late_interest_obj),
	ONE(annuity, annuity_obj),
	LIST(deadlines, deadline_obj),
	LIST(citations, cite_obj),
	STRINGS(warnings),
};
static const obj_def scheme_obj = OBJ(rep_scheme_def, scheme_fields, init_scheme, check_scheme);
#undef T

/* ---- defaults that differ from C's zero ---- */

static void init_tariff(void *obj)
{
	rep_tariff *t = obj;
	t->valid_from = t->valid_to = REP_DATE_NONE;
}

static void init_fixed(void *obj)
{
	rep_fixed *f = obj;
	f->lo = 1; /* any torture finding */
	f->hi = 3;
	f->valid_from = f->valid_to = REP_DATE_NONE;
}

static void init_cap(void *obj)
{
	rep_cap *c = obj;
	c->min_months = c->max_months = -1;
	c->valid_from = c->valid_to = REP_DATE_NONE;
}

static void init_scheme(void *obj)
{
	rep_scheme_def *d = obj;
	d->effective_from = d->effective_to = REP_DATE_NONE;
	d->places = -1;
}

/* ---- errors ---- */

__attribute__((format(printf, 5, 6))) static rep_status fail_at(reader *rd, rep_jpath *p, const char *key,
								  rep_status st, const char *fmt, ...)
{
	size_t mark = key ? rep_jpath_key(p, key, strlen(key)) : p->len;
	va_list ap;
	va_start(ap, fmt);
	rep_verr(rd->err, st, p->buf, fmt, ap);
	va_end(ap);
	rep_jpath_pop(p, mark);
	return st;
}

static rep_status nomem(reader *rd)
{
	return rep_err(rd->err, REP_ENOMEM, NULL, "out of memory");
}

/* ---- single fields ---- */

static rep_status copy_text(reader *rd, void *slot, const rep_json *v)
{
	const char *s = rep_arena_strndup(rd->out, v->text, v->len);
	if (!s)
		return nomem(rd);
	memcpy(slot, &s, sizeof s);
	return REP_OK;
}

static bool name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
	       c == '-';
}

static rep_status read_name(reader *rd, const rep_json *v, rep_jpath *p)
{
	const char *s;
	rep_status st = rep_jr_string(&s, v, p, rd->err);
	if (st)
		return st;
	if (v->len == 0 || v->len > NAME_MAX_LEN)
		return rep_err(rd->err, REP_EINVAL, p->buf, "a name needs 1 to %d characters", NAME_MAX_LEN);
	for (size_t i = 0; i < v->len; i++)
		if (!name_char(s[i]))
			return rep_err(rd->err, REP_EINVAL, p->buf,
				       "\"%.64s\" is not a name (letters, digits, '.', '_' and '-' only)", s);
	return REP_OK;
}

static rep_status read_amount(reader *rd, const rep_json *v, rep_jpath *p)
{
	const char *s;
	rep_status st = rep_jr_decimal_text(&s, v, p, rd->err);
	if (st)
		return st;
	mpq_t q;
	mpq_init(q);
	rep_dec_parse_n(q, v->text, v->len, NULL);
	int sign = mpq_sgn(q);
	mpq_clear(q);
	if (sign < 0)
		return rep_err(rd->err, REP_EINVAL, p->buf, "\"%.40s\" must not be negative", s);
	return REP_OK;
}

static rep_status read_int(reader *rd, const field *f, int *out, const rep_json *v, rep_jpath *p)
{
	/* the lexeme, never a double: "1.0" and "1e2" are not whole numbers here */
	bool neg = v->type == REP_JSON_NUMBER && v->len > 0 && v->text[0] == '-';
	bool ok = v->type == REP_JSON_NUMBER && v->len > (size_t)neg && v->len <= 9;
	long x = 0;
	for (size_t i = neg; ok && i < v->len; i++) {
		ok = v->text[i] >= '0' && v->text[i] <= '9';
		x = x * 10 + (v->text[i] - '0');
	}
	x = neg ? -x : x;
	if (!ok || x < f->lo || x > f->hi)
		return rep_err(rd->err, REP_EINVAL, p->buf, "expected a whole number from %d to %d", f->lo, f->hi);
	*out = (int)x;
	return REP_OK;
}

static rep_status read_enum(reader *rd, const enum_def *e, int *out, const rep_json *v, rep_jpath *p)
{
	const char *s;
	rep_status st = rep_jr_string(&s, v, p, rd->err);
	if (st)
		return st;
	*out = enum_find(e, s);
	if (*out >= 0)
		return REP_OK;
	char expected[400];
	enum_expected(expected, sizeof expected, e);
	return rep_err(rd->err, REP_EINVAL, p->buf, "unknown value \"%.40s\" (expected %s)", s, expected);
}

static rep_status read_bits(reader *rd, const field *f, uint32_t *out, const rep_json *v, rep_jpath *p)
{
	rep_status st = rep_jr_type(v, REP_JSON_ARRAY, "an array of names", p, rd->err);
	if (st)
		return st;
	*out = 0;
	size_t i = 0;
	for (const rep_json *m = v->first; m; m = m->next, i++) {
		size_t mark = rep_jpath_index(p, i);
		int x;
		if ((st = read_enum(rd, f->aux, &x, m, p)))
			return st;
		if (*out & (1u << x))
			return rep_err(rd->err, REP_EINVAL, p->buf, "\"%s\" is listed twice", m->text);
		*out |= 1u << x;
		rep_jpath_pop(p, mark);
	}
	if (f->required && *out == 0)
		return rep_err(rd->err, REP_EINVAL, p->buf, "name at least one");
	return REP_OK;
}

static rep_status read_object(reader *rd, const obj_def *d, void *obj, const rep_json *json, rep_jpath *p);

static rep_status read_figure(reader *rd, rep_figure *fig, const rep_json *v, rep_jpath *p)
{
	if (v->type == REP_JSON_OBJECT)
		return read_object(rd, &figure_obj, fig, v, p);
	if (v->type != REP_JSON_STRING && v->type != REP_JSON_NUMBER)
		return rep_err(rd->err, REP_EINVAL, p->buf,
			       "expected a figure ({\"value\": ..., \"confidence\": ..., \"source\": ...} or a decimal), got %s",
			       rep_json_type_name(v->type));
	/* a bare figure has no provenance; say so on every estimate that uses it */
	rep_status st = read_amount(rd, v, p);
	if (st == REP_OK)
		st = copy_text(rd, &fig->value, v);
	fig->confidence = "unverified";
	fig->source = "user scheme";
	return st;
}

static rep_status check_figure_obj(reader *rd, void *obj, const rep_json *json, rep_jpath *p)
{
	REP_UNUSED(rd);
	REP_UNUSED(json);
	REP_UNUSED(p);
	rep_figure *f = obj;
	if (!f->confidence)
		f->confidence = "unverified";
	if (!f->source)
		f->source = "user scheme";
	return REP_OK;
}

static rep_status read_list(reader *rd, const obj_def *d, void *slot, const rep_json *v, rep_jpath *p)
{
	rep_status st = rep_jr_type(v, REP_JSON_ARRAY, "an array", p, rd->err);
	if (st)
		return st;
	if (v->n > REP_MAX_ITEMS)
		return rep_err(rd->err, REP_ELIMIT, p->buf, "%zu entries exceed the limit of %d", v->n, REP_MAX_ITEMS);
	/* the zeroed entry after the last one ends the list, as in the built-in tables */
	char *arr = rep_arena_alloc(rd->out, (v->n + 1) * d->size);
	if (!arr)
		return nomem(rd);
	size_t i = 0;
	for (const rep_json *e = v->first; e; e = e->next, i++) {
		size_t mark = rep_jpath_index(p, i);
		if ((st = read_object(rd, d, arr + i * d->size, e, p)))
			return st;
		rep_jpath_pop(p, mark);
	}
	memcpy(slot, &arr, sizeof arr);
	return REP_OK;
}

static rep_status read_one(reader *rd, const obj_def *d, void *slot, const rep_json *v, rep_jpath *p)
{
	char *obj = rep_arena_alloc(rd->out, d->size);
	if (!obj)
		return nomem(rd);
	rep_status st = read_object(rd, d, obj, v, p);
	if (st)
		return st;
	memcpy(slot, &obj, sizeof obj);
	return REP_OK;
}

static rep_status read_strings(reader *rd, void *slot, const rep_json *v, rep_jpath *p)
{
	rep_status st = rep_jr_type(v, REP_JSON_ARRAY, "an array of strings", p, rd->err);
	if (st)
		return st;
	if (v->n > REP_MAX_ITEMS)
		return rep_err(rd->err, REP_ELIMIT, p->buf, "%zu entries exceed the limit of %d", v->n, REP_MAX_ITEMS);
	const char **arr = rep_arena_alloc(rd->out, (v->n + 1) * sizeof *arr);
	if (!arr)
		return nomem(rd);
	size_t i = 0;
	for (const rep_json *e = v->first; e; e = e->next, i++) {
		size_t mark = rep_jpath_index(p, i);
		const char *s;
		if ((st = rep_jr_string(&s, e, p, rd->err)))
			return st;
		if (!*s)
			return rep_err(rd->err, REP_EINVAL, p->buf, "must not be empty");
		if ((st = copy_text(rd, &arr[i], e)))
			return st;
		rep_jpath_pop(p, mark);
	}
	memcpy(slot, &arr, sizeof arr);
	return REP_OK;
}

static rep_status read_field(reader *rd, const field *f, void *obj, const rep_json *v, rep_jpath *p)
{
	void *slot = (char *)obj + f->off;
	const char *s;
	rep_status st;
	int x;
	switch (f->type) {
	case F_TEXT:
		if ((st = rep_jr_string(&s, v, p, rd->err)))
			return st;
		if (f->required && !*s)
			return rep_err(rd->err, REP_EINVAL, p->buf, "must not be empty");
		return copy_text(rd, slot, v);
	case F_NAME:
		return (st = read_name(rd, v, p)) ? st : copy_text(rd, slot, v);
	case F_SCALAR:
		if (v->type == REP_JSON_NUMBER)
			return copy_text(rd, slot, v);
		if (v->type != REP_JSON_STRING)
			return rep_err(rd->err, REP_EINVAL, p->buf, "expected a string or a number, got %s",
				       rep_json_type_name(v->type));
		return (st = rep_jr_string(&s, v, p, rd->err)) ? st : copy_text(rd, slot, v);
	case F_DEC:
		return (st = rep_jr_decimal_text(&s, v, p, rd->err)) ? st : copy_text(rd, slot, v);
	case F_AMOUNT:
		return (st = read_amount(rd, v, p)) ? st : copy_text(rd, slot, v);
	case F_CURRENCY: {
		int places;
		if ((st = rep_jr_string(&s, v, p, rd->err)))
			return st;
		if (rep_currency_minor_units(s, &places) != REP_OK)
			return rep_err(rd->err, REP_ENOTFOUND, p->buf, "unknown currency \"%.16s\" (expected an ISO 4217 code such as EUR)", s);
		return copy_text(rd, slot, v);
	}
	case F_FIGURE:
		return read_figure(rd, slot, v, p);
	case F_DATE: {
		rep_date d;
		if ((st = rep_jr_date(&d, v, p, rd->err)))
			return st;
		memcpy(slot, &d, sizeof d);
		return REP_OK;
	}
	case F_BOOL:
		if ((st = rep_jr_type(v, REP_JSON_BOOL, "true or false", p, rd->err)))
			return st;
		memcpy(slot, &v->boolean, sizeof(bool));
		return REP_OK;
	case F_INT:
		if ((st = read_int(rd, f, &x, v, p)))
			return st;
		memcpy(slot, &x, sizeof x);
		return REP_OK;
	case F_ENUM:
		if ((st = read_enum(rd, f->aux, &x, v, p)))
			return st;
		memcpy(slot, &x, sizeof x);
		return REP_OK;
	case F_SENUM:
		if ((st = read_enum(rd, f->aux, &x, v, p)))
			return st;
		s = enum_name(f->aux, x); /* static storage */
		memcpy(slot, &s, sizeof s);
		return REP_OK;
	case F_BITS: {
		uint32_t bits;
		if ((st = read_bits(rd, f, &bits, v, p)))
			return st;
		memcpy(slot, &bits, sizeof bits);
		return REP_OK;
	}
	case F_LIST:
		return read_list(rd, f->aux, slot, v, p);
	case F_ONE:
		return read_one(rd, f->aux, slot, v, p);
	case F_STRINGS:
		return read_strings(rd, slot, v, p);
	}
	return rep_err(rd->err, REP_EINVAL, p->buf, "unsupported field");
}

static bool key_is(const rep_json *m, const char *k)
{
	return m->key_len == strlen(k) && memcmp(m->key, k, m->key_len) == 0;
}

/* Fields left out, or null, keep the defaults of `init` (else C's zero). */
static rep_status read_object(reader *rd, const obj_def *d, void *obj, const rep_json *json, rep_jpath *p)
{
	rep_status st = rep_jr_type(json, REP_JSON_OBJECT, "an object", p, rd->err);
	if (st)
		return st;
	if (d->init)
		d->init(obj);
	for (const rep_json *m = json->first; m; m = m->next) {
		const field *f = NULL;
		for (size_t i = 0; i < d->n_fields && !f; i++)
			if (key_is(m, d->fields[i].key))
				f = &d->fields[i];
		if (!f) {
			char expected[600];
			size_t len = 0;
			for (size_t i = 0; i < d->n_fields && len < sizeof expected; i++)
				len += (size_t)snprintf(expected + len, sizeof expected - len, "%s%s", i ? ", " : "",
							d->fields[i].key);
			return rep_jr_unknown(m, p, expected, rd->err);
		}
		if (m->type == REP_JSON_NULL)
			continue;
		size_t mark = rep_jpath_key(p, m->key, m->key_len);
		if ((st = read_field(rd, f, obj, m, p)))
			return st;
		rep_jpath_pop(p, mark);
	}
	for (size_t i = 0; i < d->n_fields; i++) {
		const field *f = &d->fields[i];
		const rep_json *m = rep_json_get(json, f->key);
		if (f->required && (!m || m->type == REP_JSON_NULL))
			return fail_at(rd, p, f->key, REP_EINVAL, "missing");
	}
	return d->check ? d->check(rd, obj, json, p) : REP_OK;
}

/* ---- checks across the fields of one object ---- */

static rep_status check_window(reader *rd, rep_jpath *p, rep_date from, rep_date to, const char *from_key,
			       const char *to_key)
{
	if (from == REP_DATE_NONE || to == REP_DATE_NONE || from <= to)
		return REP_OK;
	char a[REP_DATE_TEXT_SIZE], b[REP_DATE_TEXT_SIZE];
	rep_date_format(from, a);
	rep_date_format(to, b);
	return fail_at(rd, p, from_key, REP_EINVAL, "%s is after %s %s", a, to_key, b);
}

/* a > b for two checked decimals */
static bool dec_gt(const char *a, const char *b)
{
	mpq_t x, y;
	mpq_inits(x, y, NULL);
	bool gt = rep_dec_parse(x, a, NULL) == REP_OK && rep_dec_parse(y, b, NULL) == REP_OK && mpq_cmp(x, y) > 0;
	mpq_clears(x, y, NULL);
	return gt;
}

static rep_status check_rule(reader *rd, void *obj, const rep_json *json, rep_jpath *p)
{
	REP_UNUSED(json);
	const rep_rule *r = obj;
	if (!r->outcomes && !r->flags)
		return fail_at(rd, p, NULL, REP_EINVAL, "a rule needs outcomes or flags (without them it never applies)");
	return REP_OK;
}

static rep_status check_tariff(reader *rd, void *obj, const rep_json *json, rep_jpath *p)
{
	rep_tariff *t = obj;
	rep_status st;
	/* the engine reads `rate` unless an option replaces it */
	if (!t->rate.value && !t->rate_option)
		return fail_at(rd, p, "rate", REP_EINVAL, "missing (give a rate, or a rate_option)");
	if ((t->tier_from || t->tier_to) && t->measure != REP_MEASURE_DAYS)
		return fail_at(rd, p, t->tier_from ? "tier_from" : "tier_to", REP_EINVAL,
			       "tiers count days, so they need measure \"days\" (this tariff has \"%s\")",
			       enum_name(&e_measure, (int)t->measure));
	if (t->tier_from && t->tier_to && t->tier_from > t->tier_to)
		return fail_at(rd, p, "tier_from", REP_EINVAL, "%d is after tier_to %d", t->tier_from, t->tier_to);
	if ((st = check_window(rd, p, t->valid_from, t->valid_to, "valid_from", "valid_to")))
		return st;
	/* the engine prints the cap's basis into the line's note */
	if (t->cap.value && !t->cap_basis && !t->basis)
		return fail_at(rd, p, "cap_basis", REP_EINVAL, "missing (a capped tariff names its cap's basis in cap_basis or basis)");
	if (t->rate_low && t->rate_high && dec_gt(t->rate_low, t->rate_high))
		return fail_at(rd, p, "rate_low", REP_EINVAL, "%s is above rate_high %s", t->rate_low, t->rate_high);
	if (!rep_json_get(json, "unit")) {
		static const char *const units[] = {"day", "year", "year", "year", "month", "month"};
		t->unit = units[t->measure];
	}
	return REP_OK;
}

static rep_status check_head(reader *rd, void *obj, const rep_json *json, rep_jpath *p)
{
	REP_UNUSED(rd);
	REP_UNUSED(p);
	rep_head *h = obj;
	/* every head but moral harm is money lost */
	if (!rep_json_get(json, "klass"))
		h->klass = h->category == REP_HARM_MORAL_HARM ? REP_NON_PECUNIARY : REP_PECUNIARY;
	return REP_OK;
}

static rep_status check_fixed(reader *rd, void *obj, const rep_json *json, rep_jpath *p)
{
	REP_UNUSED(json);
	const rep_fixed *f = obj;
	if (f->lo > f->hi)
		return fail_at(rd, p, "lo", REP_EINVAL, "%d is above hi %d", f->lo, f->hi);
	return check_window(rd, p, f->valid_from, f->valid_to, "valid_from", "valid_to");
}

static rep_status check_cap(reader *rd, void *obj, const rep_json *json, rep_jpath *p)
{
	REP_UNUSED(json);
	const rep_cap *c = obj;
	if (c->min_months >= 0 && c->max_months >= 0 && c->min_months > c->max_months)
		return fail_at(rd, p, "min_months", REP_EINVAL, "%d is above max_months %d", c->min_months,
			       c->max_months);
	return check_window(rd, p, c->valid_from, c->valid_to, "valid_from", "valid_to");
}

static rep_status check_option(reader *rd, void *obj, const rep_json *json, rep_jpath *p)
{
	REP_UNUSED(json);
	const rep_option_def *o = obj;
	if (o->type == REP_OPT_CHOICE) {
		if (o->min || o->max)
			return fail_at(rd, p, o->min ? "min" : "max", REP_EINVAL, "only a decimal option has bounds");
		if (!o->choices)
			return fail_at(rd, p, "choices", REP_EINVAL, "missing (a choice option lists \"a|b|c\")");
		bool found = false;
		for (const char *c = o->choices;;) {
			const char *bar = strchr(c, '|');
			size_t n = bar ? (size_t)(bar - c) : strlen(c);
			if (n == 0 || n > NAME_MAX_LEN)
				return fail_at(rd, p, "choices", REP_EINVAL, "\"%.64s\": each choice needs 1 to %d characters",
					       o->choices, NAME_MAX_LEN);
			for (const char *d = o->choices; d < c; d += strcspn(d, "|") + 1)
				if (strcspn(d, "|") == n && memcmp(d, c, n) == 0)
					return fail_at(rd, p, "choices", REP_EINVAL, "\"%.*s\" is listed twice", (int)n, c);
			found = found || (strlen(o->def) == n && memcmp(o->def, c, n) == 0);
			if (!bar)
				break;
			c = bar + 1;
		}
		if (!found)
			return fail_at(rd, p, "default", REP_EINVAL, "\"%.64s\" is not one of %s", o->def, o->choices);
		return REP_OK;
	}
	if (o->choices)
		return fail_at(rd, p, "choices", REP_EINVAL, "only a choice option has choices");
	mpq_t v;
	mpq_init(v);
	rep_status st = rep_dec_parse(v, o->def, rd->err);
	mpq_clear(v);
	if (st) {
		size_t mark = rep_jpath_key(p, "default", 7);
		rep_err_at(rd->err, p->buf);
		rep_jpath_pop(p, mark);
		return st;
	}
	if (o->min && o->max && dec_gt(o->min, o->max))
		return fail_at(rd, p, "min", REP_EINVAL, "%s is above max %s", o->min, o->max);
	if ((o->min && dec_gt(o->min, o->def)) || (o->max && dec_gt(o->def, o->max)))
		return fail_at(rd, p, "default", REP_EINVAL, "%s is outside the allowed range %s..%s", o->def,
			       o->min ? o->min : "", o->max ? o->max : "");
	return REP_OK;
}

/* ---- checks across lists ---- */

static bool id_ok(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 64 || *s == '-')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return false;
	return true;
}

static const rep_option_def *option_named(const rep_scheme_def *d, const char *name)
{
	for (const rep_option_def *o = d->options; o && o->name; o++)
		if (strcmp(o->name, name) == 0)
			return o;
	return NULL;
}

/* `key` of list[i] names an option of type `want`. */
static rep_status check_option_ref(reader *rd, const rep_scheme_def *d, const char *name, rep_opt_type want,
				   const char *list, size_t i, const char *key, rep_jpath *p)
{
	if (!name)
		return REP_OK;
	size_t mark = list ? rep_jpath_key(p, list, strlen(list)) : p->len;
	if (list && i != SIZE_MAX) /* SIZE_MAX: a single object, not a list */
		rep_jpath_index(p, i);
	const rep_option_def *o = option_named(d, name);
	rep_status st = REP_OK;
	if (!o)
		st = fail_at(rd, p, key, REP_EINVAL, "no option \"%s\" is declared in options", name);
	else if (o->type != want)
		st = fail_at(rd, p, key, REP_EINVAL, "option \"%s\" is a %s option; this needs a %s option", name,
			     enum_name(&e_opt_type, (int)o->type), enum_name(&e_opt_type, (int)want));
	rep_jpath_pop(p, mark);
	return st;
}

/* An option used as a rate, an amount, days or years: checked like any
 * reference, and never below zero (a negative default or value would give
 * a negative compensation). Without a min it gets min 0. */
static rep_status check_quantity_ref(reader *rd, const rep_scheme_def *d, const char *name, const char *list, size_t i,
				     const char *key, rep_jpath *p)
{
	rep_status st = check_option_ref(rd, d, name, REP_OPT_DECIMAL, list, i, key, p);
	if (st || !name)
		return st;
	rep_option_def *o = (rep_option_def *)option_named(d, name); /* still being built */
	size_t opt_i = (size_t)(o - d->options);
	size_t mark = rep_jpath_key(p, "options", 7);
	rep_jpath_index(p, opt_i);
	if (o->min && dec_gt("0", o->min))
		st = fail_at(rd, p, "min", REP_EINVAL, "%s is below 0, and option \"%s\" is used as %s (a rate, amount, "
			     "days or years): give min 0 or more", o->min, name, key);
	else if (dec_gt("0", o->def))
		st = fail_at(rd, p, "default", REP_EINVAL, "%s is below 0, and option \"%s\" is used as %s (a rate, "
			     "amount, days or years)", o->def, name, key);
	else if (!o->min)
		o->min = "0";
	rep_jpath_pop(p, mark);
	return st;
}

/* Whether `v` (n bytes) is one of the "a|b|c" choices. */
static bool is_choice(const char *choices, const char *v, size_t n)
{
	for (const char *c = choices; c;) {
		size_t m = strcspn(c, "|");
		if (m == n && memcmp(c, v, n) == 0)
			return true;
		c = c[m] ? c + m + 1 : NULL;
	}
	return false;
}

/* when_option/when_value of list[i]: a choice option, and values it can take
 * (a gate that can never open would silently drop the item). */
static rep_status check_gate(reader *rd, const rep_scheme_def *d, const char *name, const char *values, const char *list,
			     size_t i, rep_jpath *p)
{
	rep_status st = check_option_ref(rd, d, name, REP_OPT_CHOICE, list, i, "when_option", p);
	if (st || (!name && !values))
		return st;
	size_t mark = rep_jpath_key(p, list, strlen(list));
	rep_jpath_index(p, i);
	const rep_option_def *o = name ? option_named(d, name) : NULL;
	if (!o)
		st = fail_at(rd, p, "when_value", REP_EINVAL, "given without when_option (the choice option it tests)");
	else if (!values)
		st = fail_at(rd, p, "when_value", REP_EINVAL, "missing (the values of option \"%s\" for which this applies)",
			     name);
	for (const char *v = values; o && v && st == REP_OK;) {
		size_t n = strcspn(v, "|");
		if (!is_choice(o->choices, v, n))
			st = fail_at(rd, p, "when_value", REP_EINVAL, "\"%.*s\" is not one of option %s's choices %s",
				     (int)(n > 64 ? 64 : n), v, name, o->choices);
		v = v[n] ? v + n + 1 : NULL;
	}
	rep_jpath_pop(p, mark);
	return st;
}

static rep_status check_scheme(reader *rd, void *obj, const rep_json *json, rep_jpath *p)
{
	REP_UNUSED(json);
	const rep_scheme_def *d = obj;
	rep_status st;
	if (!id_ok(d->id))
		return fail_at(rd, p, "id", REP_EINVAL,
			       "\"%.64s\" is not a scheme id (lowercase letters, digits and '-', at most 64, not starting with '-')",
			       d->id);
	if ((st = check_window(rd, p, d->effective_from, d->effective_to, "effective_from", "effective_to")))
		return st;
	/* the engine puts it, as is, as the basis of every line the threshold zeroes */
	if (d->pecuniary_threshold.value && !d->pecuniary_threshold_basis)
		return fail_at(rd, p, "pecuniary_threshold_basis", REP_EINVAL,
			       "missing (it is the basis shown on every line the threshold sets to zero)");
	size_t i = 0;
	for (const rep_option_def *o = d->options; o && o->name; o++, i++)
		if (option_named(d, o->name) != o) {
			size_t mark = rep_jpath_key(p, "options", 7);
			rep_jpath_index(p, i);
			st = fail_at(rd, p, "name", REP_EINVAL, "option \"%s\" is declared twice", o->name);
			rep_jpath_pop(p, mark);
			return st;
		}
	/* every option reference, so that whatever loads evaluates */
	i = 0;
	for (const rep_tariff *t = d->tariffs; t && t->label; t++, i++)
		if ((st = check_quantity_ref(rd, d, t->rate_option, "tariffs", i, "rate_option", p)) ||
		    (st = check_gate(rd, d, t->when_option, t->when_value, "tariffs", i, p)))
			return st;
	i = 0;
	for (const rep_fixed *f = d->fixed; f && f->label; f++, i++)
		if ((st = check_quantity_ref(rd, d, f->amount_option, "fixed", i, "amount_option", p)) ||
		    (st = check_gate(rd, d, f->when_option, f->when_value, "fixed", i, p)))
			return st;
	if ((st = check_option_ref(rd, d, d->indexation_option, REP_OPT_CHOICE, NULL, 0, "indexation_option", p)) ||
	    (st = check_quantity_ref(rd, d, d->interest_rate_option, NULL, 0, "interest_rate_option", p)) ||
	    (st = check_option_ref(rd, d, d->range_option, REP_OPT_CHOICE, NULL, 0, "range_option", p)) ||
	    (d->late_interest && (st = check_quantity_ref(rd, d, d->late_interest->days_option, "late_interest", SIZE_MAX,
							 "days_option", p))) ||
	    (d->annuity && (st = check_quantity_ref(rd, d, d->annuity->years_option, "annuity", SIZE_MAX, "years_option", p))))
		return st;
	/* the annuity's rate is a fraction, as in `reparations calc`: "5" meant as 5 % would be 500 % */
	if (d->annuity && d->annuity->rate.value) {
		mpq_t r;
		mpq_init(r);
		bool big = rep_dec_parse(r, d->annuity->rate.value, NULL) == REP_OK &&
			   mpz_cmpabs(mpq_numref(r), mpq_denref(r)) >= 0;
		mpq_clear(r);
		if (big) {
			size_t mark = rep_jpath_key(p, "annuity", 7);
			st = fail_at(rd, p, "rate", REP_EINVAL,
				     "\"%.40s\" is a rate of 100 %% or more: the annuity's rate is a fraction (0.05 = 5 %%)",
				     d->annuity->rate.value);
			rep_jpath_pop(p, mark);
			return st;
		}
	}
	i = 0;
	for (const rep_head *h = d->heads; h && h->label; h++, i++)
		for (const rep_head *g = d->heads; g < h; g++)
			if (g->category == h->category) {
				size_t mark = rep_jpath_key(p, "heads", 5);
				rep_jpath_index(p, i);
				st = fail_at(rd, p, "category", REP_EINVAL, "%s already has a head (heads[%zu])",
					     rep_harm_category_name(h->category), (size_t)(g - d->heads));
				rep_jpath_pop(p, mark);
				return st;
			}
	return REP_OK;
}

static rep_status convert(rep_scheme_def **out, const rep_json *root, rep_arena *arena, rep_error *err)
{
	reader rd = {arena, err};
	rep_jpath p;
	rep_jpath_init(&p);
	if (root->type != REP_JSON_OBJECT)
		return rep_err(err, REP_EINVAL, NULL, "a scheme must be a JSON object, got %s", rep_json_type_name(root->type));
	rep_scheme_def *d = rep_arena_alloc(arena, sizeof *d);
	if (!d)
		return nomem(&rd);
	rep_status st = read_object(&rd, &scheme_obj, d, root, &p);
	*out = d;
	return st;
}

static rep_status load_scheme(rep_context *ctx, const char *json, size_t len, rep_error *err)
{
	if (!ctx || (!json && len))
		return rep_err(err, REP_EUSAGE, NULL, "load scheme: no context or no text");
	rep_error local;
	if (!err)
		err = &local; /* the checks quote earlier messages */
	rep_arena scratch;
	rep_arena_init(&scratch, 16384);
	rep_json *root;
	rep_scheme_def *def = NULL;
	rep_status st = rep_json_parse(&root, &scratch, json ? json : "", len, err);
	/* The context's arena only grows, so check the whole file in a scratch
	 * arena first: a rejected file leaves nothing behind. Then build the
	 * definition for keeps; that second pass fails only for memory. */
	if (st == REP_OK)
		st = convert(&def, root, &scratch, err);
	if (st == REP_OK)
		st = convert(&def, root, &ctx->arena, err);
	if (st == REP_OK)
		st = rep_context_add_scheme_def(ctx, def, err);
	rep_arena_release(&scratch);
	return st;
}

/* Loading while other threads compute is refused (REP_EBUSY). */
rep_status rep_context_load_scheme(rep_context *ctx, const char *json, size_t len, rep_error *err)
{
	rep_status st = ctx ? rep_context_begin_write(ctx, err) : REP_OK;
	if (st)
		return st;
	st = load_scheme(ctx, json, len, err);
	if (ctx)
		rep_context_end_write(ctx);
	return st;
}

/* ---- writing: the same tables walked the other way (io/scheme_write.c) ---- */
#include "io/scheme_write.c"
