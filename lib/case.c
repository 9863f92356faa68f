/* The case model: storage, setters, names of its enums, whole-case checks. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "case_internal.h"
#include "internal.h"
#include "reparations/money.h"

static const char *const proc_kind_names[REP_PROC_COUNT] = {"criminal", "administrative", "political_repression"};
static const char *const outcome_names[REP_OUT_COUNT] = {
	"acquitted", "dismissed_rehabilitating", "conviction_quashed", "admin_terminated",
	"repression_rehabilitated", "amnesty", "pardon", "parole", "sentence_served",
	"sentence_mitigated", "pending"};
static const char *const detention_names[REP_DET_COUNT] = {
	"police_custody", "pretrial_custody", "house_arrest", "prison", "administrative_arrest",
	"psychiatric", "exile", "special_settlement", "forced_labour", "parole"};
static const char *const harm_names[REP_HARM_COUNT] = {
	"lost_earnings", "lost_earning_capacity", "business", "property", "fines_and_costs",
	"legal_costs", "medical_costs", "psychological_care", "other_expenses", "moral_harm"};

static rep_status check_string(const char *s, const char *path, rep_error *err);

static rep_status parse_name(int *out, const char *const *names, int n, const char *name)
{
	if (!name)
		return REP_ENOTFOUND;
	for (int i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0) {
			*out = i;
			return REP_OK;
		}
	return REP_ENOTFOUND;
}

#define NAME_FUNCS(type, fn, names, count)                                    \
	const char *rep_##fn##_name(type v)                                   \
	{                                                                     \
		return (unsigned)v < (unsigned)(count) ? names[v] : "?";      \
	}                                                                     \
	rep_status rep_##fn##_parse(type *out, const char *name)              \
	{                                                                     \
		int v;                                                        \
		rep_status st = parse_name(&v, names, (int)(count), name);    \
		if (st == REP_OK)                                             \
			*out = (type)v;                                       \
		return st;                                                    \
	}

NAME_FUNCS(rep_proc_kind, proc_kind, proc_kind_names, REP_PROC_COUNT)
NAME_FUNCS(rep_outcome, outcome, outcome_names, REP_OUT_COUNT)
NAME_FUNCS(rep_detention_kind, detention_kind, detention_names, REP_DET_COUNT)
NAME_FUNCS(rep_harm_category, harm_category, harm_names, REP_HARM_COUNT)

rep_date rep_today(void)
{
	time_t t = time(NULL);
	struct tm tm;
	rep_date d = 0;
	if (gmtime_r(&t, &tm) && rep_date_from_ymd(&d, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday) == REP_OK)
		return d;
	return REP_DATE_MAX;
}

rep_date rep_case_effective_as_of(const rep_case *c)
{
	return c->as_of != REP_DATE_NONE ? c->as_of : rep_today();
}

static void case_defaults(rep_case *c)
{
	c->as_of = REP_DATE_NONE;
	c->proc_kind = REP_PROC_CRIMINAL;
	c->outcome = REP_OUT_PENDING;
	c->decision_date = c->notice_date = c->application_date = REP_DATE_NONE;
	c->torture_recognised = REP_DATE_NONE;
	c->convicted = c->retrial = c->certificate = REP_FACT_UNKNOWN;
	c->conviction_date = REP_DATE_NONE;
}

rep_status rep_case_new(rep_case **out)
{
	if (!out)
		return REP_EUSAGE;
	rep_case *c = rep_calloc(1, sizeof *c);
	*out = c;
	if (!c)
		return REP_ENOMEM;
	rep_arena_init(&c->arena, 2048);
	rep_arena_init(&c->tree, 8192);
	case_defaults(c);
	return REP_OK;
}

void rep_case_reset(rep_case *c)
{
	rep_arena_reset(&c->arena);
	c->id = c->description = NULL;
	memset(c->currency, 0, sizeof c->currency);
	c->flags = 0;
	c->torture_part = 0;
	c->conviction_article = c->conviction_sentence = NULL;
	c->pardon_ground = 0;
	c->n_det = c->n_harms = 0;
	case_defaults(c);
}

void rep_harm_init(rep_harm *h)
{
	if (h)
		*h = (rep_harm)REP_HARM_INIT;
}

void rep_detention_init(rep_detention_spec *d)
{
	if (d)
		*d = (rep_detention_spec)REP_DETENTION_INIT;
}

const char *rep_pardon_ground_name(rep_pardon_ground g)
{
	return g == REP_PARDON_INNOCENCE ? "innocence" : g == REP_PARDON_CLEMENCY ? "clemency" : "unknown";
}

static bool fact_ok(int f)
{
	return f == REP_FACT_UNKNOWN || f == REP_FACT_NO || f == REP_FACT_YES;
}

rep_status rep_case_set_conviction(rep_case *c, int convicted, rep_date date, const char *article, const char *sentence,
				   rep_error *err)
{
	if (!c)
		return rep_err(err, REP_EUSAGE, NULL, "no case");
	if (!fact_ok(convicted))
		return rep_err(err, REP_EINVAL, "proceedings.conviction", "%d is not a fact value (-1 unknown, 0 no, 1 yes)",
			       convicted);
	if (date != REP_DATE_NONE && (date < REP_DATE_MIN || date > REP_DATE_MAX))
		return rep_err(err, REP_ERANGE, "proceedings.conviction.date", "date out of the supported range 1900-01-01..2199-12-31");
	if (convicted != REP_FACT_YES && (date != REP_DATE_NONE || article || sentence))
		return rep_err(err, REP_EINVAL, "proceedings.conviction",
			       "a date, article or sentence describes a conviction: set convicted to yes");
	const char *a = NULL, *t = NULL;
	rep_status st;
	if (article && ((st = check_string(article, "proceedings.conviction.article", err)) ||
			!(a = rep_arena_strdup(&c->arena, article))))
		return st ? st : rep_err(err, REP_ENOMEM, "proceedings.conviction", "out of memory");
	if (sentence && ((st = check_string(sentence, "proceedings.conviction.sentence", err)) ||
			 !(t = rep_arena_strdup(&c->arena, sentence))))
		return st ? st : rep_err(err, REP_ENOMEM, "proceedings.conviction", "out of memory");
	c->convicted = convicted;
	c->conviction_date = date;
	c->conviction_article = a;
	c->conviction_sentence = t;
	return REP_OK;
}

rep_status rep_case_set_acquitted_on_retrial(rep_case *c, int fact)
{
	if (!c)
		return REP_EUSAGE;
	if (!fact_ok(fact))
		return REP_EINVAL;
	c->retrial = fact;
	return REP_OK;
}

rep_status rep_case_set_pardon_ground(rep_case *c, rep_pardon_ground ground)
{
	if (!c)
		return REP_EUSAGE;
	if ((unsigned)ground > REP_PARDON_CLEMENCY)
		return REP_EINVAL;
	c->pardon_ground = ground;
	return REP_OK;
}

rep_status rep_case_set_certificate_of_innocence(rep_case *c, int fact)
{
	if (!c)
		return REP_EUSAGE;
	if (!fact_ok(fact))
		return REP_EINVAL;
	c->certificate = fact;
	return REP_OK;
}

static void harm_clear(rep_case_harm *h)
{
	mpq_clear(h->amount);
	mpq_clear(h->monthly);
	mpq_clear(h->annual);
	mpq_clear(h->years);
	mpq_clear(h->growth);
	mpq_clear(h->discount_rate);
}

void rep_case_free(rep_case *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n_ready; i++)
		harm_clear(&c->harms[i]);
	rep_free(c->harms);
	rep_free(c->det);
	rep_arena_release(&c->arena);
	rep_arena_release(&c->tree);
	for (int k = 0; c->reader_ready && k < 6; k++)
		mpq_clear(c->reader[k]);
	rep_free(c);
}

static rep_status check_string(const char *s, const char *path, rep_error *err)
{
	if (!s)
		return rep_err(err, REP_EUSAGE, path, "a string is required");
	if (strlen(s) > REP_CASE_MAX_STRING)
		return rep_err(err, REP_ELIMIT, path, "longer than %d bytes", REP_CASE_MAX_STRING);
	return REP_OK;
}

rep_status rep_case_set_id(rep_case *c, const char *id, rep_error *err)
{
	rep_status st = check_string(id, "id", err);
	if (st != REP_OK)
		return st;
	const char *copy = rep_arena_strdup(&c->arena, id);
	if (!copy)
		return rep_err(err, REP_ENOMEM, "id", "out of memory");
	c->id = copy;
	return REP_OK;
}

rep_status rep_case_set_currency(rep_case *c, const char *code, rep_error *err)
{
	int places;
	if (!code || strlen(code) != 3 || rep_currency_minor_units(code, &places) != REP_OK)
		return rep_err(err, REP_EINVAL, "currency", "\"%.16s\" is not a supported ISO 4217 currency code",
			       code ? code : "");
	memcpy(c->currency, code, 4);
	return REP_OK;
}

rep_status rep_case_set_as_of(rep_case *c, rep_date as_of)
{
	if (as_of < REP_DATE_MIN || as_of > REP_DATE_MAX)
		return REP_ERANGE;
	c->as_of = as_of;
	return REP_OK;
}

rep_status rep_case_set_proceedings(rep_case *c, rep_proc_kind kind, rep_outcome outcome, rep_date decision_date,
				    unsigned flags)
{
	if ((unsigned)kind >= REP_PROC_COUNT || (unsigned)outcome >= REP_OUT_COUNT)
		return REP_EINVAL;
	/* only the flags the JSON vocabulary names */
	if (flags & ~(REP_FLAG_DEATH_SENTENCE | REP_FLAG_COERCED_CONFESSION | REP_FLAG_SELF_INCRIMINATION |
		      REP_FLAG_ARBITRARY_DETENTION_FINDING))
		return REP_EINVAL;
	if (decision_date != REP_DATE_NONE && (decision_date < REP_DATE_MIN || decision_date > REP_DATE_MAX))
		return REP_ERANGE;
	c->proc_kind = kind;
	c->outcome = outcome;
	c->decision_date = decision_date;
	c->flags = flags;
	return REP_OK;
}

static rep_status set_optional_date(rep_date *slot, rep_date d)
{
	if (d != REP_DATE_NONE && (d < REP_DATE_MIN || d > REP_DATE_MAX))
		return REP_ERANGE;
	*slot = d;
	return REP_OK;
}

rep_status rep_case_set_notice_date(rep_case *c, rep_date d)
{
	return set_optional_date(&c->notice_date, d);
}

rep_status rep_case_set_application_date(rep_case *c, rep_date d)
{
	return set_optional_date(&c->application_date, d);
}

/* Grow a vector by doubling; the limit is the documented maximum. */
static rep_status grow(void **v, size_t *cap, size_t n, size_t elem, size_t limit)
{
	if (n < *cap)
		return REP_OK;
	if (n >= limit)
		return REP_ELIMIT;
	size_t nc = *cap ? *cap * 2 : 8;
	if (nc > limit)
		nc = limit;
	void *nv = rep_realloc(*v, nc * elem);
	if (!nv)
		return REP_ENOMEM;
	*v = nv;
	*cap = nc;
	return REP_OK;
}

/* "name[i]" or "name[i].field" into buf (truncated to size): by hand, as
 * every detention and harm of a batch names its path, and snprintf cost
 * more than the rest of adding one. */
static void item_path(char *buf, size_t size, const char *name, size_t i, const char *field)
{
	char digits[24];
	size_t nd = 0;
	do {
		digits[nd++] = (char)('0' + (int)(i % 10));
		i /= 10;
	} while (i);
	size_t w = 0;
	for (const char *s = name; *s && w + 1 < size; s++)
		buf[w++] = *s;
	if (w + 1 < size)
		buf[w++] = '[';
	while (nd && w + 1 < size)
		buf[w++] = digits[--nd];
	if (w + 1 < size)
		buf[w++] = ']';
	if (field) {
		if (w + 1 < size)
			buf[w++] = '.';
		for (const char *s = field; *s && w + 1 < size; s++)
			buf[w++] = *s;
	}
	buf[w] = '\0';
}

rep_status rep_case_add_detention_spec(rep_case *c, const rep_detention_spec *d, rep_error *err)
{
	char path[48];
	item_path(path, sizeof path, "detentions", c ? c->n_det : 0, NULL);
	if (!c || !d)
		return rep_err(err, REP_EUSAGE, path, "no case or no detention");
	if (d->kind == REP_DET_COUNT)
		return rep_err(err, REP_EINVAL, path, "kind: missing");
	if ((unsigned)d->kind >= REP_DET_COUNT)
		return rep_err(err, REP_EINVAL, path, "unknown kind of detention");
	if (d->start == REP_DATE_NONE)
		return rep_err(err, REP_EINVAL, path, "start: missing");
	rep_date start = d->start, end = d->end;
	if (start < REP_DATE_MIN || start > REP_DATE_MAX || (end != REP_DATE_NONE && (end < REP_DATE_MIN || end > REP_DATE_MAX)))
		return rep_err(err, REP_ERANGE, path, "date out of the supported range 1900-01-01..2199-12-31");
	if (end != REP_DATE_NONE && end < start) {
		char s[REP_DATE_TEXT_SIZE], e[REP_DATE_TEXT_SIZE];
		rep_date_format(start, s);
		rep_date_format(end, e);
		return rep_err(err, REP_EINVAL, path, "end %s is before start %s", e, s);
	}
	const char *note = NULL;
	rep_status st;
	if (d->note) {
		char npath[64];
		item_path(npath, sizeof npath, "detentions", c->n_det, "note");
		if ((st = check_string(d->note, npath, err)))
			return st;
		if (!(note = rep_arena_strdup(&c->arena, d->note)))
			return rep_err(err, REP_ENOMEM, path, "out of memory");
	}
	st = grow((void **)&c->det, &c->cap_det, c->n_det, sizeof *c->det, REP_CASE_MAX_DETENTIONS);
	if (st == REP_ELIMIT)
		return rep_err(err, st, "detentions", "more than %d detentions", REP_CASE_MAX_DETENTIONS);
	if (st != REP_OK)
		return rep_err(err, st, path, "out of memory");
	c->det[c->n_det++] = (rep_detention){d->kind, start, end, d->credited_elsewhere, note};
	return REP_OK;
}

rep_status rep_case_add_detention(rep_case *c, rep_detention_kind kind, rep_date start, rep_date end, rep_error *err)
{
	rep_detention_spec d = REP_DETENTION_INIT;
	d.kind = kind;
	d.start = start;
	d.end = end;
	return rep_case_add_detention_spec(c, &d, err);
}

rep_status rep_case_set_torture(rep_case *c, int cc146_part, rep_date recognised, rep_error *err)
{
	if (cc146_part < 0 || cc146_part > 3)
		return rep_err(err, REP_EINVAL, "torture.cc146_part", "%d is not a part of Criminal Code art. 146 (1, 2 or 3)",
			       cc146_part);
	rep_status st = set_optional_date(&c->torture_recognised, recognised);
	if (st != REP_OK)
		return rep_err(err, st, "torture.victim_recognised", "date out of range");
	c->torture_part = cc146_part;
	return REP_OK;
}

/* Parse one optional amount field of a harm into its slot (or take the
 * reader's value of it, `parsed`). */
static rep_status harm_amount(rep_case *c, mpq_t slot, const char **text_slot, unsigned *present, unsigned flag,
			      const char *text, mpq_srcptr parsed, const char *path, const char *field, rep_error *err)
{
	if (!text)
		return REP_OK;
	char full[96]; /* written only for an error */
	rep_status st = REP_OK;
	if (parsed)
		mpq_set(slot, parsed);
	else
		st = rep_dec_parse(slot, text, err);
	if (st != REP_OK && snprintf(full, sizeof full, "%s.%s", path, field) > 0)
		return rep_err_at(err, full);
	const char *copy = rep_arena_strdup(&c->arena, text);
	if (!copy && snprintf(full, sizeof full, "%s.%s", path, field) > 0)
		return rep_err(err, REP_ENOMEM, full, "out of memory");
	*text_slot = copy;
	*present |= flag;
	return REP_OK;
}

bool rep_harm_field_allowed(rep_harm_category cat, const char *f)
{
	switch (cat) {
	case REP_HARM_LOST_EARNINGS:
		return !strcmp(f, "monthly") || !strcmp(f, "start") || !strcmp(f, "end");
	case REP_HARM_LOST_EARNING_CAPACITY:
		return !strcmp(f, "annual") || !strcmp(f, "years") || !strcmp(f, "growth") || !strcmp(f, "discount_rate") ||
		       !strcmp(f, "start");
	case REP_HARM_PROPERTY:
		return !strcmp(f, "amount") || !strcmp(f, "date") || !strcmp(f, "disposition");
	default:
		return !strcmp(f, "amount") || !strcmp(f, "date");
	}
}

const char *rep_harm_fields_text(rep_harm_category cat)
{
	switch (cat) {
	case REP_HARM_LOST_EARNINGS:
		return "category, monthly, start, end, description";
	case REP_HARM_LOST_EARNING_CAPACITY:
		return "category, annual, years, growth, discount_rate, start, description";
	case REP_HARM_PROPERTY:
		return "category, amount, date, disposition, description";
	default:
		return "category, amount, date, description";
	}
}

static const char *const dispositions[] = {"confiscated", "seized", "destroyed", "damaged", "lost", "returned"};

/* The checks of a harm that do not need its parsed amounts: every field
 * given belongs to the category, a disposition is one of the list. */
static rep_status harm_shape(const rep_harm *h, const char *path, rep_error *err)
{
	static const struct {
		const char *name;
		size_t text_off, date_off;
	} fields[] = {
		{"amount", offsetof(rep_harm, amount), 0},   {"monthly", offsetof(rep_harm, monthly), 0},
		{"annual", offsetof(rep_harm, annual), 0},   {"years", offsetof(rep_harm, years), 0},
		{"growth", offsetof(rep_harm, growth), 0},   {"discount_rate", offsetof(rep_harm, discount_rate), 0},
		{"disposition", offsetof(rep_harm, disposition), 0},
		{"date", 0, offsetof(rep_harm, date)},       {"start", 0, offsetof(rep_harm, start)},
		{"end", 0, offsetof(rep_harm, end)},
	};
	char full[96];
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		bool given;
		if (fields[i].text_off)
			given = *(const char *const *)((const char *)h + fields[i].text_off) != NULL;
		else
			given = *(const rep_date *)((const char *)h + fields[i].date_off) != REP_DATE_NONE;
		if (given && !rep_harm_field_allowed(h->category, fields[i].name)) {
			snprintf(full, sizeof full, "%s.%s", path, fields[i].name);
			if (!fields[i].text_off && *(const rep_date *)((const char *)h + fields[i].date_off) == 0)
				return rep_err(err, REP_EINVAL, full,
					       "1970-01-01 given, but category %s has no %s (a zeroed rep_harm: start from "
					       "REP_HARM_INIT or rep_harm_init())", rep_harm_category_name(h->category),
					       fields[i].name);
			return rep_err(err, REP_EINVAL, full, "unknown key (expected one of: %s)",
				       rep_harm_fields_text(h->category));
		}
	}
	if (h->disposition) {
		bool ok = false;
		for (size_t i = 0; i < sizeof dispositions / sizeof dispositions[0]; i++)
			ok = ok || strcmp(h->disposition, dispositions[i]) == 0;
		if (!ok && snprintf(full, sizeof full, "%s.disposition", path) > 0)
			return rep_err(err, REP_EINVAL, full,
				       "unknown value \"%.40s\" (expected confiscated, seized, destroyed, damaged, lost or returned)",
				       h->disposition);
	}
	if (h->description) {
		size_t n = strlen(path);
		memcpy(full, path, n);
		memcpy(full + n, ".description", sizeof ".description");
		rep_status st = check_string(h->description, full, err);
		if (st)
			return st;
	}
	return REP_OK;
}

static bool needs_amount(rep_harm_category cat)
{
	return cat != REP_HARM_LOST_EARNINGS && cat != REP_HARM_LOST_EARNING_CAPACITY;
}

/* Rates are fractions, as in `reparations calc`: "5" meant as 5 % would be
 * read as 500 %, so a rate of 1 (100 %) or more is refused with the hint. */
static rep_status rate_is_fraction(const char *path, const char *field, const mpq_t v, const char *text, rep_error *err)
{
	if (mpz_cmpabs(mpq_numref(v), mpq_denref(v)) < 0)
		return REP_OK;
	char full[96];
	snprintf(full, sizeof full, "%s.%s", path, field);
	mpq_t f;
	mpq_init(f);
	mpq_set_ui(f, 1, 100);
	mpq_mul(f, f, v);
	char *hint = rep_dec_to_string(f);
	mpq_clear(f);
	rep_status st = rep_err(err, REP_EINVAL, full, "\"%.40s\" is a rate of 100 %% or more: rates are fractions, write "
				"%.60s for %.40s %% (0.05 = 5 %%)", text, hint ? hint : "0.05", hint ? text : "5");
	rep_free(hint);
	return st;
}

mpq_t *rep_case_reader_values(rep_case *c)
{
	if (!c->reader_ready) {
		for (int k = 0; k < 6; k++)
			mpq_init(c->reader[k]);
		c->reader_ready = true;
	}
	return c->reader;
}

static rep_status add_harm(rep_case *c, const rep_harm *h, mpq_t *value, rep_error *err);

rep_status rep_case_add_harm(rep_case *c, const rep_harm *h, rep_error *err)
{
	return add_harm(c, h, NULL, err);
}

rep_status rep_case_add_harm_parsed(rep_case *c, const rep_harm *h, mpq_t *value, rep_error *err)
{
	return add_harm(c, h, value, err);
}

static rep_status add_harm(rep_case *c, const rep_harm *h, mpq_t *value, rep_error *err)
{
	char path[48];
	item_path(path, sizeof path, "harms", c->n_harms, NULL);
	if (!h || (unsigned)h->category >= REP_HARM_COUNT)
		return rep_err(err, REP_EINVAL, path, "unknown harm category");
	rep_status st = harm_shape(h, path, err);
	if (st)
		return st;
	st = grow((void **)&c->harms, &c->cap_harms, c->n_harms, sizeof *c->harms, REP_CASE_MAX_HARMS);
	if (st == REP_ELIMIT)
		return rep_err(err, st, "harms", "more than %d harms", REP_CASE_MAX_HARMS);
	if (st != REP_OK)
		return rep_err(err, st, path, "out of memory");
	rep_case_harm *x = &c->harms[c->n_harms];
	if (c->n_harms < c->n_ready) { /* a reset case's harm: its numbers are kept for reuse */
		x->present = 0;
		mpq_set_ui(x->amount, 0, 1);
		mpq_set_ui(x->monthly, 0, 1);
		mpq_set_ui(x->annual, 0, 1);
		mpq_set_ui(x->years, 0, 1);
		mpq_set_ui(x->growth, 0, 1);
		mpq_set_ui(x->discount_rate, 0, 1);
		x->amount_text = x->monthly_text = x->annual_text = x->years_text = x->growth_text = x->discount_text = NULL;
		x->disposition = x->description = NULL;
	} else {
		memset(x, 0, sizeof *x);
		mpq_inits(x->amount, x->monthly, x->annual, x->years, x->growth, x->discount_rate, NULL);
		c->n_ready++;
	}
	x->category = h->category;
	x->date = h->date;
	x->start = h->start;
	x->end = h->end;
#define PRE(k) (value ? value[k] : NULL)
	if ((st = harm_amount(c, x->amount, &x->amount_text, &x->present, REP_HF_AMOUNT, h->amount, PRE(REP_HV_AMOUNT),
			      path, "amount", err)) ||
	    (st = harm_amount(c, x->monthly, &x->monthly_text, &x->present, REP_HF_MONTHLY, h->monthly,
			      PRE(REP_HV_MONTHLY), path, "monthly", err)) ||
	    (st = harm_amount(c, x->annual, &x->annual_text, &x->present, REP_HF_ANNUAL, h->annual, PRE(REP_HV_ANNUAL),
			      path, "annual", err)) ||
	    (st = harm_amount(c, x->years, &x->years_text, &x->present, REP_HF_YEARS, h->years, PRE(REP_HV_YEARS), path,
			      "years", err)) ||
	    (st = harm_amount(c, x->growth, &x->growth_text, &x->present, REP_HF_GROWTH, h->growth, PRE(REP_HV_GROWTH),
			      path, "growth", err)) ||
	    (st = harm_amount(c, x->discount_rate, &x->discount_text, &x->present, REP_HF_DISCOUNT, h->discount_rate,
			      PRE(REP_HV_DISCOUNT), path, "discount_rate", err)))
		goto fail;
#undef PRE
	const char *neg = NULL, *negtext = NULL;
	if ((x->present & REP_HF_AMOUNT) && mpq_sgn(x->amount) < 0)
		neg = "amount", negtext = x->amount_text;
	else if ((x->present & REP_HF_MONTHLY) && mpq_sgn(x->monthly) < 0)
		neg = "monthly", negtext = x->monthly_text;
	else if ((x->present & REP_HF_ANNUAL) && mpq_sgn(x->annual) < 0)
		neg = "annual", negtext = x->annual_text;
	else if ((x->present & REP_HF_YEARS) && mpq_sgn(x->years) < 0)
		neg = "years", negtext = x->years_text;
	if (neg) {
		char full[96];
		snprintf(full, sizeof full, "%s.%s", path, neg);
		st = rep_err(err, REP_EINVAL, full, "\"%s\" must not be negative", negtext);
		goto fail;
	}
	/* rates are fractions: -100 % or less has no meaning in a discount factor */
	if ((x->present & REP_HF_DISCOUNT) && mpq_cmp_si(x->discount_rate, -1, 1) <= 0) {
		st = rep_err(err, REP_EINVAL, path, "discount_rate: \"%s\" must be greater than -1 (a fraction, 0.05 = 5 %%)",
			     x->discount_text);
		goto fail;
	}
	if ((x->present & REP_HF_GROWTH) && mpq_cmp_si(x->growth, -1, 1) <= 0) {
		st = rep_err(err, REP_EINVAL, path, "growth: \"%s\" must be greater than -1 (a fraction, 0.03 = 3 %%)",
			     x->growth_text);
		goto fail;
	}
	if (((x->present & REP_HF_DISCOUNT) &&
	     (st = rate_is_fraction(path, "discount_rate", x->discount_rate, x->discount_text, err))) ||
	    ((x->present & REP_HF_GROWTH) && (st = rate_is_fraction(path, "growth", x->growth, x->growth_text, err))))
		goto fail;
	if (h->disposition && !(x->disposition = rep_arena_strdup(&c->arena, h->disposition))) {
		st = rep_err(err, REP_ENOMEM, path, "out of memory");
		goto fail;
	}
	if (h->description && !(x->description = rep_arena_strdup(&c->arena, h->description))) {
		st = rep_err(err, REP_ENOMEM, path, "out of memory");
		goto fail;
	}
	c->n_harms++;
	return REP_OK;
fail:
	return st;
}

static rep_status date_not_after(rep_date d, rep_date as_of, const char *path, rep_error *err)
{
	if (d == REP_DATE_NONE || d <= as_of)
		return REP_OK;
	char a[REP_DATE_TEXT_SIZE], b[REP_DATE_TEXT_SIZE];
	rep_date_format(d, a);
	rep_date_format(as_of, b);
	return rep_err(err, REP_EINVAL, path, "%s is after as_of %s", a, b);
}

rep_status rep_case_validate(const rep_case *c, rep_error *err)
{
	if (!c)
		return rep_err(err, REP_EUSAGE, NULL, "no case");
	if (!c->currency[0])
		return rep_err(err, REP_EINVAL, "currency", "missing: the ISO 4217 code of the case's amounts is required");
	rep_date as_of = rep_case_effective_as_of(c);
	char path[64];
	rep_status st;
	if ((st = date_not_after(c->decision_date, as_of, "proceedings.decision_date", err)) ||
	    (st = date_not_after(c->conviction_date, as_of, "proceedings.conviction.date", err)) ||
	    (st = date_not_after(c->notice_date, as_of, "proceedings.notice_date", err)) ||
	    (st = date_not_after(c->application_date, as_of, "proceedings.application_date", err)) ||
	    (st = date_not_after(c->torture_recognised, as_of, "torture.victim_recognised", err)))
		return st;
	if (c->convicted == REP_FACT_NO && c->outcome == REP_OUT_CONVICTION_QUASHED)
		return rep_err(err, REP_EINVAL, "proceedings.conviction",
			       "false, but the outcome conviction_quashed says there was a conviction");
	if (c->convicted == REP_FACT_NO && c->retrial == REP_FACT_YES)
		return rep_err(err, REP_EINVAL, "proceedings.acquitted_on_retrial",
			       "true, but proceedings.conviction is false: a retrial follows a conviction");
	/* paths are written only for an error: validation runs for every case of a batch */
#define AFTER(d) ((d) != REP_DATE_NONE && (d) > as_of)
	for (size_t i = 0; i < c->n_det; i++) {
		if (AFTER(c->det[i].start) && snprintf(path, sizeof path, "detentions[%zu].start", i) > 0)
			return date_not_after(c->det[i].start, as_of, path, err);
		if (AFTER(c->det[i].end) && snprintf(path, sizeof path, "detentions[%zu].end", i) > 0)
			return date_not_after(c->det[i].end, as_of, path, err);
	}
	for (size_t i = 0; i < c->n_harms; i++) {
		const rep_case_harm *h = &c->harms[i];
		const char *missing = NULL;
		if (h->category == REP_HARM_LOST_EARNINGS) {
			if (!(h->present & REP_HF_MONTHLY))
				missing = "monthly";
			else if (h->start == REP_DATE_NONE)
				missing = "start";
		} else if (h->category == REP_HARM_LOST_EARNING_CAPACITY) {
			if (!(h->present & REP_HF_ANNUAL))
				missing = "annual";
			else if (!(h->present & REP_HF_YEARS))
				missing = "years";
		} else if (needs_amount(h->category) && !(h->present & REP_HF_AMOUNT)) {
			missing = "amount";
		}
		if (missing && snprintf(path, sizeof path, "harms[%zu]", i) > 0)
			return rep_err(err, REP_EINVAL, path, "%s: missing, required for category %s", missing,
				       rep_harm_category_name(h->category));
		if (h->category == REP_HARM_LOST_EARNINGS) {
			rep_date end = h->end != REP_DATE_NONE ? h->end : as_of;
			if (end < h->start) {
				snprintf(path, sizeof path, "harms[%zu]", i);
				char s[REP_DATE_TEXT_SIZE], e[REP_DATE_TEXT_SIZE];
				rep_date_format(h->start, s);
				rep_date_format(end, e);
				return rep_err(err, REP_EINVAL, path, "end %s is before start %s", e, s);
			}
			if (AFTER(h->end) && snprintf(path, sizeof path, "harms[%zu].end", i) > 0)
				return date_not_after(h->end, as_of, path, err);
		}
		if (h->category != REP_HARM_LOST_EARNING_CAPACITY && AFTER(h->date) &&
		    snprintf(path, sizeof path, "harms[%zu].date", i) > 0)
			return date_not_after(h->date, as_of, path, err);
		if ((h->present & REP_HF_YEARS) && mpq_cmp_ui(h->years, 100, 1) > 0) {
			snprintf(path, sizeof path, "harms[%zu].years", i);
			return rep_err(err, REP_ERANGE, path, "\"%s\" is more than 100 years", h->years_text);
		}
	}
#undef AFTER
	return REP_OK;
}

const char *rep_case_id(const rep_case *c)
{
	return c && c->id ? c->id : "";
}

const char *rep_case_currency(const rep_case *c)
{
	return c ? c->currency : "";
}

rep_date rep_case_as_of(const rep_case *c)
{
	return c ? c->as_of : REP_DATE_NONE;
}

size_t rep_case_detention_count(const rep_case *c)
{
	return c ? c->n_det : 0;
}

size_t rep_case_harm_count(const rep_case *c)
{
	return c ? c->n_harms : 0;
}
