/* Batches and sweeps: many evaluations, many threads, rows in input order.
 *
 * A run moves through windows of items (a case, a JSON Lines line, a grid
 * point). Two windows alternate: while the threads evaluate one, the
 * calling thread reads the next (or delivers the previous) and then joins
 * the evaluation; rows are delivered window by window, so their order is the
 * input's and memory is bounded by two windows whatever the input's length. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "case_internal.h"
#include "estimate_internal.h"
#include "internal.h"
#include "money_fast.h"
#include "io/json.h"
#include "io/jsonl.h"
#include "reparations/batch.h"
#include "reparations/money.h"
#include "scheme.h"

struct rep_batch {
	const rep_context *ctx;
	char **schemes;
	size_t n_schemes;
	rep_options *opts;
	unsigned jobs;
	rep_detail detail;
};

/* ---- the batch object ---- */

rep_status rep_batch_new(rep_batch **out, const rep_context *ctx, const char *const *scheme_ids, size_t n_schemes,
			 const rep_options *opts, rep_error *err)
{
	if (!out || !ctx || (!scheme_ids && n_schemes))
		return rep_err(err, REP_EUSAGE, NULL, "batch: a context and the scheme ids are required");
	*out = NULL;
	if (n_schemes == 0)
		return rep_err(err, REP_EINVAL, NULL, "batch: at least one scheme is required");
	if (n_schemes > REP_BATCH_MAX_SCHEMES)
		return rep_err(err, REP_ELIMIT, NULL, "batch: more than %d schemes", REP_BATCH_MAX_SCHEMES);
	for (size_t i = 0; i < n_schemes; i++)
		if (!scheme_ids[i])
			return rep_err(err, REP_EUSAGE, NULL, "batch: scheme id %zu is NULL", i);
	rep_status st;
	if (opts && (st = rep_options_check(opts, ctx, err)))
		return st;
	rep_batch *b = rep_calloc(1, sizeof *b);
	if (!b || !(b->schemes = rep_calloc(n_schemes, sizeof *b->schemes))) {
		rep_free(b);
		return rep_err(err, REP_ENOMEM, NULL, "out of memory");
	}
	b->ctx = ctx;
	b->jobs = 1;
	b->n_schemes = n_schemes;
	for (size_t i = 0; i < n_schemes; i++)
		if (!(b->schemes[i] = rep_strdup(scheme_ids[i]))) {
			rep_batch_free(b);
			return rep_err(err, REP_ENOMEM, NULL, "out of memory");
		}
	if ((st = rep_options_clone(&b->opts, opts, err))) {
		rep_batch_free(b);
		return st;
	}
	*out = b;
	return REP_OK;
}

void rep_batch_free(rep_batch *b)
{
	if (!b)
		return;
	for (size_t i = 0; b->schemes && i < b->n_schemes; i++)
		rep_free(b->schemes[i]);
	rep_free(b->schemes);
	rep_options_free(b->opts);
	rep_free(b);
}

rep_status rep_batch_set_jobs(rep_batch *b, unsigned jobs)
{
	if (!b)
		return REP_EUSAGE;
	if (jobs == 0) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		jobs = n < 1 ? 1 : n > REP_BATCH_MAX_JOBS ? REP_BATCH_MAX_JOBS : (unsigned)n;
	}
	if (jobs > REP_BATCH_MAX_JOBS)
		return REP_EINVAL;
	b->jobs = jobs;
	return REP_OK;
}

rep_status rep_batch_set_detail(rep_batch *b, rep_detail detail)
{
	if (!b || (detail != REP_DETAIL_FULL && detail != REP_DETAIL_TOTALS))
		return REP_EINVAL;
	b->detail = detail;
	return REP_OK;
}

unsigned rep_batch_jobs(const rep_batch *b)
{
	return b ? b->jobs : 0;
}

size_t rep_batch_scheme_count(const rep_batch *b)
{
	return b ? b->n_schemes : 0;
}

const char *rep_batch_scheme(const rep_batch *b, size_t i)
{
	return b && i < b->n_schemes ? b->schemes[i] : NULL;
}

/* ---- subtotals per head ---- */

/* The subtotal of head `head`, lines i.. (line i is its first), into out. */
static void head_total(const rep_estimate *e, size_t i, const char *head, rep_head_total *out, mpq_t *sum, bool *ready)
{
	const rep_lineset *ls = &e->ls;
	out->head = head;
#ifdef REP_MONEY_FAST
	/* the lines' amounts in minor units: an integer sum, printed as the rational sum would be */
	rep_i128 minor = 0;
	bool fast = e->places >= 0 && e->places <= 18;
	for (size_t k = i; k < ls->n && fast; k++)
		if (k == i || strcmp(ls->lines[k].head, head) == 0) {
			fast = ls->nums[k].fits;
			minor += ls->nums[k].minor; /* at most 100000 lines of |minor| < 2^63: no overflow */
		}
	if (fast && rep_dec_format_minor(out->amount, sizeof out->amount, minor, e->places) == REP_OK)
		return;
#endif
	if (!*ready) {
		mpq_init(*sum);
		*ready = true;
	}
	mpq_set(*sum, ls->amounts[i]);
	for (size_t k = i + 1; k < ls->n; k++)
		if (strcmp(ls->lines[k].head, head) == 0)
			mpq_add(*sum, *sum, ls->amounts[k]);
	if (rep_dec_format_buf(out->amount, sizeof out->amount, *sum, e->places < 0 ? 0 : e->places, e->rounding) != REP_OK)
		out->amount[0] = '\0';
}

size_t rep_estimate_heads(const rep_estimate *e, rep_head_total *out, size_t max)
{
	if (!e)
		return 0;
	size_t count = 0;
	mpq_t sum;
	bool ready = false;
	for (size_t i = 0; i < e->ls.n; i++) {
		const char *head = e->ls.lines[i].head;
		bool seen = false;
		for (size_t k = 0; k < i && !seen; k++)
			seen = strcmp(e->ls.lines[k].head, head) == 0;
		if (seen)
			continue;
		if (count < max && out)
			head_total(e, i, head, &out[count], &sum, &ready);
		count++;
	}
	if (ready)
		mpq_clear(sum);
	return count;
}

/* ---- sweeps: the grid ---- */

typedef enum target {
	T_DET_START, T_DET_END,
	T_HARM_START, T_HARM_END, T_HARM_DATE,
	T_HARM_AMOUNT, T_HARM_MONTHLY, T_HARM_ANNUAL, T_HARM_YEARS, T_HARM_GROWTH, T_HARM_DISCOUNT,
	T_AS_OF, T_DECISION, T_NOTICE, T_APPLICATION,
	T_OPTION
} target;

typedef enum axis_kind { AX_DATES, AX_DECIMALS, AX_LIST } axis_kind;

typedef struct axis {
	char *path;
	target t;
	size_t idx;               /* detention or harm index */
	char *opt_scheme, *opt_name;
	axis_kind kind;
	size_t n;                 /* values on this axis */
	rep_date d_from;
	int d_step;               /* days, or months when d_months */
	bool d_months;
	mpq_t q_from, q_step;
	char **list;
} axis;

/* A value is at most a decimal of REP_DEC_MAX_CHARS or a list item of that size. */
#define POINT_TEXT_MAX (REP_DEC_MAX_CHARS + 8)

struct rep_sweep {
	rep_case *c;
	axis axes[REP_SWEEP_MAX_AXES];
	size_t n_axes;
	size_t points;
};

/* ---- an editable copy of a case ---- */

static rep_status dup_into(rep_case *c, const char **slot, const char *s)
{
	if (!s)
		return REP_OK;
	return (*slot = rep_arena_strdup(&c->arena, s)) ? REP_OK : REP_ENOMEM;
}

/* A deep copy: what it points to lives in its own arena. */
static rep_status case_clone(rep_case **out, const rep_case *src)
{
	rep_case *c;
	if (rep_case_new(&c))
		return REP_ENOMEM;
	rep_arena arena = c->arena, tree = c->tree;
	*c = *src;
	c->arena = arena;
	c->tree = tree;
	c->det = NULL;
	c->harms = NULL;
	c->n_det = c->cap_det = c->n_harms = c->cap_harms = c->n_ready = 0;
	c->reader_ready = false; /* the reader's scratch is src's */
	c->id = NULL;
	rep_status st = dup_into(c, &c->id, src->id);
	if (!st && src->n_det) {
		if (!(c->det = rep_malloc(src->n_det * sizeof *c->det)))
			st = REP_ENOMEM;
		else {
			memcpy(c->det, src->det, src->n_det * sizeof *c->det);
			c->n_det = c->cap_det = src->n_det;
		}
	}
	if (!st && src->n_harms && !(c->harms = rep_calloc(src->n_harms, sizeof *c->harms)))
		st = REP_ENOMEM;
	for (size_t i = 0; !st && i < src->n_harms; i++) {
		const rep_case_harm *h = &src->harms[i];
		rep_case_harm *x = &c->harms[i];
		*x = *h;
		mpq_inits(x->amount, x->monthly, x->annual, x->years, x->growth, x->discount_rate, NULL);
		c->n_harms = c->cap_harms = c->n_ready = i + 1;
		mpq_set(x->amount, h->amount);
		mpq_set(x->monthly, h->monthly);
		mpq_set(x->annual, h->annual);
		mpq_set(x->years, h->years);
		mpq_set(x->growth, h->growth);
		mpq_set(x->discount_rate, h->discount_rate);
		x->amount_text = x->monthly_text = x->annual_text = x->years_text = x->growth_text = x->discount_text = NULL;
		x->disposition = x->description = NULL;
		if ((st = dup_into(c, &x->amount_text, h->amount_text)) || (st = dup_into(c, &x->monthly_text, h->monthly_text)) ||
		    (st = dup_into(c, &x->annual_text, h->annual_text)) || (st = dup_into(c, &x->years_text, h->years_text)) ||
		    (st = dup_into(c, &x->growth_text, h->growth_text)) ||
		    (st = dup_into(c, &x->discount_text, h->discount_text)) ||
		    (st = dup_into(c, &x->disposition, h->disposition)) || (st = dup_into(c, &x->description, h->description)))
			break;
	}
	if (st) {
		rep_case_free(c);
		return st;
	}
	*out = c;
	return REP_OK;
}

rep_status rep_sweep_new(rep_sweep **out, const rep_case *c, rep_error *err)
{
	if (!out || !c)
		return rep_err(err, REP_EUSAGE, NULL, "sweep: a case is required");
	*out = NULL;
	rep_sweep *s = rep_calloc(1, sizeof *s);
	if (!s || case_clone(&s->c, c)) {
		rep_free(s);
		return rep_err(err, REP_ENOMEM, NULL, "out of memory");
	}
	s->points = 1;
	*out = s;
	return REP_OK;
}

static void axis_clear(axis *a)
{
	rep_free(a->path);
	rep_free(a->opt_scheme);
	rep_free(a->opt_name);
	if (a->kind == AX_DECIMALS)
		mpq_clears(a->q_from, a->q_step, NULL);
	for (size_t i = 0; a->list && i < a->n; i++)
		rep_free(a->list[i]);
	rep_free(a->list);
	memset(a, 0, sizeof *a);
}

void rep_sweep_free(rep_sweep *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n_axes; i++)
		axis_clear(&s->axes[i]);
	rep_case_free(s->c);
	rep_free(s);
}

size_t rep_sweep_axis_count(const rep_sweep *s)
{
	return s ? s->n_axes : 0;
}

const char *rep_sweep_axis_path(const rep_sweep *s, size_t i)
{
	return s && i < s->n_axes ? s->axes[i].path : NULL;
}

size_t rep_sweep_point_count(const rep_sweep *s)
{
	return s ? s->points : 0;
}

static bool is_date_target(target t)
{
	return t == T_DET_START || t == T_DET_END || t == T_HARM_START || t == T_HARM_END || t == T_HARM_DATE ||
	       t == T_AS_OF || t == T_DECISION || t == T_NOTICE || t == T_APPLICATION;
}

/* "detentions[3].end" -> T_DET_END, idx 3. */
static rep_status parse_path(axis *a, const rep_sweep *s, const char *path, size_t len, rep_error *err)
{
	static const struct {
		const char *name;
		target t;
	} det_fields[] = {{"start", T_DET_START}, {"end", T_DET_END}},
	  harm_fields[] = {{"start", T_HARM_START},   {"end", T_HARM_END},       {"date", T_HARM_DATE},
			   {"amount", T_HARM_AMOUNT}, {"monthly", T_HARM_MONTHLY}, {"annual", T_HARM_ANNUAL},
			   {"years", T_HARM_YEARS},   {"growth", T_HARM_GROWTH},   {"discount_rate", T_HARM_DISCOUNT}},
	  top_fields[] = {{"as_of", T_AS_OF},
			  {"proceedings.decision_date", T_DECISION},
			  {"proceedings.notice_date", T_NOTICE},
			  {"proceedings.application_date", T_APPLICATION}};
	char p[REP_ERROR_PATH_MAX];
	if (len == 0 || len >= sizeof p)
		return rep_err(err, REP_EINVAL, NULL, "sweep: the path of an axis is empty or too long");
	memcpy(p, path, len);
	p[len] = '\0';
	if (strncmp(p, "option:", 7) == 0) {
		const char *dot = strchr(p + 7, '.');
		if (!dot || dot == p + 7 || !dot[1])
			return rep_err(err, REP_ESYNTAX, NULL, "sweep: %s: expected option:SCHEME.NAME", p);
		a->t = T_OPTION;
		a->opt_scheme = rep_strndup(p + 7, (size_t)(dot - (p + 7)));
		a->opt_name = rep_strdup(dot + 1);
		return a->opt_scheme && a->opt_name ? REP_OK : rep_err(err, REP_ENOMEM, NULL, "out of memory");
	}
	for (size_t i = 0; i < sizeof top_fields / sizeof top_fields[0]; i++)
		if (strcmp(p, top_fields[i].name) == 0) {
			a->t = top_fields[i].t;
			return REP_OK;
		}
	bool det = strncmp(p, "detentions[", 11) == 0, harm = strncmp(p, "harms[", 6) == 0;
	if (det || harm) {
		const char *q = p + (det ? 11 : 6);
		char *end;
		if (*q < '0' || *q > '9')
			goto bad;
		unsigned long idx = strtoul(q, &end, 10);
		if (end[0] != ']' || end[1] != '.')
			goto bad;
		size_t count = det ? s->c->n_det : s->c->n_harms;
		if (idx >= count)
			return rep_err(err, REP_ENOTFOUND, NULL, "sweep: %s: the case has %zu %s", p, count,
				       det ? "detentions" : "harms");
		a->idx = idx;
		const char *field = end + 2;
		size_t nf = det ? 2 : sizeof harm_fields / sizeof harm_fields[0];
		for (size_t i = 0; i < nf; i++) {
			const char *name = det ? det_fields[i].name : harm_fields[i].name;
			if (strcmp(field, name) == 0) {
				a->t = det ? det_fields[i].t : harm_fields[i].t;
				/* a field the harm's category does not take would change nothing, silently */
				rep_harm_category cat = harm ? s->c->harms[idx].category : REP_HARM_OTHER_EXPENSES;
				if (harm && !rep_harm_field_allowed(cat, field))
					return rep_err(err, REP_EINVAL, NULL,
						       "sweep: %s: a %s harm has no %s (its fields: %s)", p,
						       rep_harm_category_name(cat), field, rep_harm_fields_text(cat));
				return REP_OK;
			}
		}
	}
bad:
	return rep_err(err, REP_EINVAL, NULL,
		       "sweep: %s is not a field a sweep can vary (detentions[i].start|end, harms[i].start|end|date|"
		       "amount|monthly|annual|years|growth|discount_rate, as_of, proceedings.decision_date|notice_date|"
		       "application_date, option:SCHEME.NAME)", p);
}

/* "30d", "30", "1m", "2y" */
static rep_status parse_date_step(axis *a, const char *s, const char *spec, rep_error *err)
{
	char *end;
	if (*s < '0' || *s > '9')
		goto bad;
	unsigned long n = strtoul(s, &end, 10);
	bool days = *end == '\0' || strcmp(end, "d") == 0, months = strcmp(end, "m") == 0, years = strcmp(end, "y") == 0;
	if (n == 0 || !(days || months || years))
		goto bad;
	/* the supported dates span 300 years: a longer step has one point */
	unsigned long max = days ? 110000 : months ? 12 * 300 : 300;
	if (n > max)
		return rep_err(err, REP_ERANGE, NULL, "sweep: %s: the step \"%.32s\" is longer than the 300 years of supported "
			       "dates (at most %lu%s)", spec, s, max, days ? "d" : months ? "m" : "y");
	a->d_step = (int)(years ? n * 12 : n);
	a->d_months = !days;
	return REP_OK;
bad:
	return rep_err(err, REP_ESYNTAX, NULL, "sweep: %s: the step \"%.32s\" is not a count of days, months or years "
		       "(e.g. 30d, 1m, 1y)", spec, s);
}

/* Values on a date axis: the largest k with from + k*step <= to, plus one. */
static rep_status date_axis(axis *a, const char *from, const char *to, const char *step, const char *spec,
			    rep_error *err)
{
	rep_date f, t;
	rep_status st;
	if ((st = rep_date_parse(&f, from, err)) || (st = rep_date_parse(&t, to, err)))
		return rep_err(err, st, NULL, "sweep: %s: expected dates YYYY-MM-DD", spec);
	if (t < f)
		return rep_err(err, REP_EINVAL, NULL, "sweep: %s: %s is before %s", spec, to, from);
	if ((st = parse_date_step(a, step, spec, err)))
		return st;
	a->kind = AX_DATES;
	a->d_from = f;
	if (!a->d_months) {
		a->n = (size_t)(t - f) / (size_t)a->d_step + 1;
		return REP_OK;
	}
	int y1, m1, d1, y2, m2, d2;
	rep_date_to_ymd(f, &y1, &m1, &d1);
	rep_date_to_ymd(t, &y2, &m2, &d2);
	int months = (y2 - y1) * 12 + (m2 - m1);
	rep_date x;
	if (rep_date_add_months(&x, f, months) != REP_OK || x > t)
		months--;
	a->n = (size_t)(months / a->d_step) + 1;
	return REP_OK;
}

static rep_status decimal_axis(axis *a, const char *from, const char *to, const char *step, const char *spec,
			       rep_error *err)
{
	mpq_t t, q;
	mpq_inits(a->q_from, a->q_step, t, q, NULL);
	a->kind = AX_DECIMALS;
	rep_status st;
	if ((st = rep_dec_parse(a->q_from, from, err)) || (st = rep_dec_parse(t, to, err)) ||
	    (st = rep_dec_parse(a->q_step, step, err))) {
		char why[sizeof err->message];
		snprintf(why, sizeof why, "%s", err ? err->message : ""); /* rep_err writes where it reads */
		st = rep_err(err, st, NULL, "sweep: %s: expected decimals FROM:TO:STEP (%s)", spec, why);
	} else if (mpq_sgn(a->q_step) <= 0) {
		st = rep_err(err, REP_EINVAL, NULL, "sweep: %s: the step must be greater than 0", spec);
	} else if (mpq_cmp(t, a->q_from) < 0) {
		st = rep_err(err, REP_EINVAL, NULL, "sweep: %s: %s is less than %s", spec, to, from);
	} else {
		/* n = floor((to - from) / step) + 1, capped before it can overflow */
		mpq_sub(q, t, a->q_from);
		mpq_div(q, q, a->q_step);
		mpz_t k;
		mpz_init(k);
		mpz_fdiv_q(k, mpq_numref(q), mpq_denref(q));
		if (mpz_cmp_ui(k, REP_SWEEP_MAX_POINTS) >= 0)
			a->n = (size_t)REP_SWEEP_MAX_POINTS + 1;
		else
			a->n = (size_t)mpz_get_ui(k) + 1;
		mpz_clear(k);
	}
	mpq_clears(t, q, NULL);
	return st;
}

static rep_status list_axis(axis *a, const char *values, const char *spec, rep_error *err)
{
	size_t n = 1;
	for (const char *p = values; *p; p++)
		n += *p == ',';
	if (n > REP_SWEEP_MAX_POINTS)
		return rep_err(err, REP_ELIMIT, NULL, "sweep: %.64s...: more than %d values", spec, REP_SWEEP_MAX_POINTS);
	a->kind = AX_LIST;
	if (!(a->list = rep_calloc(n, sizeof *a->list)))
		return rep_err(err, REP_ENOMEM, NULL, "out of memory");
	const char *p = values;
	for (size_t i = 0; i < n; i++) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		if (len == 0 || len >= POINT_TEXT_MAX)
			return rep_err(err, REP_EINVAL, NULL, "sweep: %.64s: value %zu is empty or longer than %d bytes", spec,
				       i + 1, POINT_TEXT_MAX - 1);
		if (!(a->list[i] = rep_strndup(p, len)))
			return rep_err(err, REP_ENOMEM, NULL, "out of memory");
		a->n = i + 1;
		rep_error e2;
		if (is_date_target(a->t)) {
			rep_date d;
			if (rep_date_parse(&d, a->list[i], &e2))
				return rep_err(err, REP_ESYNTAX, NULL, "sweep: %s: value \"%s\" is not a date YYYY-MM-DD", spec,
					       a->list[i]);
		} else if (a->t != T_OPTION) {
			mpq_t q;
			mpq_init(q);
			rep_status st = rep_dec_parse(q, a->list[i], &e2);
			mpq_clear(q);
			if (st)
				return rep_err(err, st, NULL, "sweep: %s: %s", spec, e2.message);
		}
		p = comma ? comma + 1 : p + len;
	}
	return REP_OK;
}

static bool same_target(const axis *x, const axis *y)
{
	if (x->t != y->t)
		return false;
	if (x->t == T_OPTION)
		return strcmp(x->opt_scheme, y->opt_scheme) == 0 && strcmp(x->opt_name, y->opt_name) == 0;
	return x->idx == y->idx; /* 0 for the case's own dates */
}

rep_status rep_sweep_add(rep_sweep *s, const char *spec, rep_error *err)
{
	if (!s || !spec)
		return rep_err(err, REP_EUSAGE, NULL, "sweep: no axis");
	if (s->n_axes == REP_SWEEP_MAX_AXES)
		return rep_err(err, REP_ELIMIT, NULL, "sweep: more than %d axes", REP_SWEEP_MAX_AXES);
	if (strlen(spec) > 65536)
		return rep_err(err, REP_ELIMIT, NULL, "sweep: an axis longer than 65536 bytes");
	const char *eq = strchr(spec, '=');
	if (!eq)
		return rep_err(err, REP_ESYNTAX, NULL, "sweep: \"%.80s\" is not PATH=FROM:TO:STEP or PATH=V1,V2,...", spec);
	axis a;
	memset(&a, 0, sizeof a);
	rep_status st = parse_path(&a, s, spec, (size_t)(eq - spec), err);
	if (!st && !(a.path = rep_strndup(spec, (size_t)(eq - spec))))
		st = rep_err(err, REP_ENOMEM, NULL, "out of memory");
	/* two axes on one field: the one applied last would undo the other, and its
	 * rows would show values that were never used */
	for (size_t i = 0; !st && i < s->n_axes; i++)
		if (same_target(&s->axes[i], &a))
			st = rep_err(err, REP_EINVAL, NULL, "sweep: %.80s: that field is already varied by %s", a.path,
				     s->axes[i].path);
	const char *v = eq + 1;
	const char *c1 = strchr(v, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
	if (st) {
	} else if (c1 && c2 && !strchr(c2 + 1, ':') && !strchr(v, ',')) {
		char from[128], to[128], step[128];
		size_t l1 = (size_t)(c1 - v), l2 = (size_t)(c2 - c1 - 1);
		if (l1 >= sizeof from || l2 >= sizeof to || strlen(c2 + 1) >= sizeof step) {
			st = rep_err(err, REP_ELIMIT, NULL, "sweep: %.80s: a bound or step is too long", spec);
		} else {
			memcpy(from, v, l1);
			from[l1] = '\0';
			memcpy(to, c1 + 1, l2);
			to[l2] = '\0';
			strcpy(step, c2 + 1);
			st = is_date_target(a.t) ? date_axis(&a, from, to, step, spec, err)
						 : decimal_axis(&a, from, to, step, spec, err);
		}
	} else if (!c1) {
		st = list_axis(&a, v, spec, err);
	} else {
		st = rep_err(err, REP_ESYNTAX, NULL, "sweep: \"%.80s\" is not PATH=FROM:TO:STEP or PATH=V1,V2,...", spec);
	}
	if (!st && (a.n == 0 || a.n > REP_SWEEP_MAX_POINTS / s->points))
		st = rep_err(err, REP_ELIMIT, NULL, "sweep: %.80s: the grid would have more than %d points", spec,
			     REP_SWEEP_MAX_POINTS);
	if (st) {
		axis_clear(&a);
		return st;
	}
	s->points *= a.n;
	s->axes[s->n_axes++] = a;
	return REP_OK;
}

/* ---- a run: windows of slots, a pool of threads ---- */

typedef enum source_kind { SRC_CASES, SRC_JSONL, SRC_TEXTS, SRC_SWEEP } source_kind;

typedef struct slot {
	size_t index, line;
	/* input */
	const rep_case *c;        /* SRC_CASES */
	char *text;               /* SRC_JSONL: the line, owned and reused */
	const char *ext;          /* SRC_TEXTS: the caller's text */
	size_t len, cap;
	rep_status in_status;     /* the line reader's verdict */
	size_t in_column;
	/* output */
	rep_status read_st;
	rep_error read_err;
	char id[REP_CASE_MAX_STRING + 1]; /* case id of a case read from text (or of an unreadable line, when it has one) */
	rep_estimate **est;
	rep_status *st;
	rep_error *err;
	char (*point)[POINT_TEXT_MAX];
	const char **point_ptr;
} slot;

typedef struct window {
	slot *slots;
	size_t cap;
	_Atomic size_t n;
	_Atomic size_t next;
	size_t done;              /* under the pool's mutex */
} window;

/* What a thread keeps from one item to the next. A case read from text is
 * read into the thread's own case (rep_case_read_json), and goes with the thread's
 * next item: memory is reused, and freed by the thread that took it (glibc
 * locks an allocator arena for a free from another thread). */
typedef struct worker_state {
	rep_case *c;              /* sweep: this thread's copy of the case; text: the case last read */
	rep_options *opts;        /* sweep: the batch's options and the option axes */
	mpq_t q;
} worker_state;

typedef struct run {
	rep_batch *b;
	source_kind kind;
	const rep_case *const *cases;
	size_t n_cases;
	const char *const *texts;
	const size_t *lens;
	rep_jsonl jl;
	const rep_sweep *sw;
	size_t next_index;        /* the next input to read into a window */
	bool input_done;
	rep_batch_fn fn;
	void *user;
	rep_batch_result *results;
	rep_status stop;          /* the callback's status that stopped the run */

	window win[2];
	worker_state *ws;         /* one per thread */
	unsigned n_threads;       /* threads started besides the caller */
	pthread_t *threads;
	pthread_mutex_t mu;
	pthread_cond_t work_cv, done_cv;
	window *cur;
	bool quit;
} run;

/* A slot's estimates are kept: the next item in the slot is evaluated into
 * them again (rep_estimate_eval), so a long run allocates none once warm. */
static void slot_release(run *r, slot *s)
{
	for (size_t k = 0; k < r->b->n_schemes; k++) {
		rep_estimate_free(s->est[k]);
		s->est[k] = NULL;
	}
}

/* The "id" of a line whose case could not be read, when it can be read up to
 * its "id": malformed JSON after it still names the case in its error row. */
static void salvage_id(slot *s, const char *text, size_t len)
{
	rep_json_sniff_string(text, len, "id", s->id, sizeof s->id);
}

/* Set one axis' value on a thread's copy of the case (or its options). */
static rep_status apply_axis(const axis *a, size_t k, worker_state *w, char *text, rep_error *err)
{
	rep_case *c = w->c;
	rep_date d = REP_DATE_NONE;
	bool is_date = is_date_target(a->t);
	if (a->kind == AX_DATES) {
		if (a->d_months) {
			if (rep_date_add_months(&d, a->d_from, (int)k * a->d_step))
				return rep_err(err, REP_ERANGE, a->path, "date out of range");
		} else {
			d = a->d_from + (rep_date)k * a->d_step;
		}
		rep_date_format(d, text);
	} else if (a->kind == AX_DECIMALS) {
		mpq_set_ui(w->q, (unsigned long)k, 1);
		mpq_mul(w->q, w->q, a->q_step);
		mpq_add(w->q, w->q, a->q_from);
		char *t = rep_dec_to_string(w->q);
		if (!t)
			return rep_err(err, REP_ENOMEM, a->path, "out of memory");
		size_t tl = strlen(t);
		if (tl >= POINT_TEXT_MAX) { /* never cut a value short */
			rep_free(t);
			return rep_err(err, REP_ELIMIT, a->path, "the value has more than %d digits", POINT_TEXT_MAX - 1);
		}
		memcpy(text, t, tl + 1);
		rep_free(t);
	} else {
		snprintf(text, POINT_TEXT_MAX, "%s", a->list[k]);
		if (is_date && rep_date_parse(&d, text, err))
			return rep_err_at(err, a->path);
	}
	if (a->t == T_OPTION)
		return rep_options_set(w->opts, a->opt_scheme, a->opt_name, text, err);
	if (is_date && (d < REP_DATE_MIN || d > REP_DATE_MAX))
		return rep_err(err, REP_ERANGE, a->path, "%s is out of the supported range 1900-01-01..2199-12-31", text);
	rep_case_harm *h = a->t >= T_HARM_START && a->t <= T_HARM_DISCOUNT ? &c->harms[a->idx] : NULL;
	mpq_t *slotq = NULL;
	const char **slott = NULL;
	unsigned flag = 0;
	switch (a->t) {
	case T_DET_START: c->det[a->idx].start = d; return REP_OK;
	case T_DET_END: c->det[a->idx].end = d; return REP_OK;
	case T_HARM_START: h->start = d; return REP_OK;
	case T_HARM_END: h->end = d; return REP_OK;
	case T_HARM_DATE: h->date = d; return REP_OK;
	case T_AS_OF: c->as_of = d; return REP_OK;
	case T_DECISION: c->decision_date = d; return REP_OK;
	case T_NOTICE: c->notice_date = d; return REP_OK;
	case T_APPLICATION: c->application_date = d; return REP_OK;
	case T_HARM_AMOUNT: slotq = &h->amount, slott = &h->amount_text, flag = REP_HF_AMOUNT; break;
	case T_HARM_MONTHLY: slotq = &h->monthly, slott = &h->monthly_text, flag = REP_HF_MONTHLY; break;
	case T_HARM_ANNUAL: slotq = &h->annual, slott = &h->annual_text, flag = REP_HF_ANNUAL; break;
	case T_HARM_YEARS: slotq = &h->years, slott = &h->years_text, flag = REP_HF_YEARS; break;
	case T_HARM_GROWTH: slotq = &h->growth, slott = &h->growth_text, flag = REP_HF_GROWTH; break;
	case T_HARM_DISCOUNT: slotq = &h->discount_rate, slott = &h->discount_text, flag = REP_HF_DISCOUNT; break;
	default: return REP_OK;
	}
	rep_status st = rep_dec_parse(*slotq, text, err);
	if (st)
		return rep_err_at(err, a->path);
	bool rate = a->t == T_HARM_GROWTH || a->t == T_HARM_DISCOUNT;
	if (!rate && mpq_sgn(*slotq) < 0)
		return rep_err(err, REP_EINVAL, a->path, "\"%s\" must not be negative", text);
	if (rate && mpq_cmp_si(*slotq, -1, 1) <= 0)
		return rep_err(err, REP_EINVAL, a->path, "\"%s\" must be greater than -1 (a fraction, 0.05 = 5 %%)", text);
	*slott = text;
	h->present |= flag;
	return REP_OK;
}

static rep_status apply_point(run *r, slot *s, worker_state *w, rep_error *err)
{
	const rep_sweep *sw = r->sw;
	size_t rest = s->index;
	for (size_t i = sw->n_axes; i-- > 0;) {
		const axis *a = &sw->axes[i];
		rep_status st = apply_axis(a, rest % a->n, w, s->point[i], err);
		if (st)
			return st;
		rest /= a->n;
	}
	for (size_t i = 0; i < w->c->n_det; i++) {
		const rep_detention *d = &w->c->det[i];
		if (d->end != REP_DATE_NONE && d->end < d->start) {
			char p[48], a[REP_DATE_TEXT_SIZE], b[REP_DATE_TEXT_SIZE];
			snprintf(p, sizeof p, "detentions[%zu]", i);
			rep_date_format(d->start, a);
			rep_date_format(d->end, b);
			return rep_err(err, REP_EINVAL, p, "end %s is before start %s", b, a);
		}
	}
	return rep_case_validate(w->c, err);
}

/* Evaluate one slot: read its case if it came as text, then every scheme. */
static void process(run *r, slot *s, unsigned worker)
{
	const rep_batch *b = r->b;
	const rep_options *opts = b->opts;
	worker_state *w = &r->ws[worker];
	const rep_case *used = NULL;
	s->read_st = REP_OK;
	if (r->kind == SRC_CASES) {
		used = s->c;
	} else if (r->kind == SRC_JSONL || r->kind == SRC_TEXTS) {
		const char *text = r->kind == SRC_JSONL ? s->text : s->ext;
		rep_status in = r->kind == SRC_JSONL ? s->in_status : REP_OK;
		if (in == REP_ELIMIT)
			s->read_st = rep_err(&s->read_err, REP_ELIMIT, NULL, "line longer than %u bytes (the limit of a "
					     "JSON Lines line)", REP_BATCH_MAX_LINE);
		else if (in == REP_ESYNTAX)
			s->read_st = rep_err(&s->read_err, REP_ESYNTAX, NULL, "byte %zu is not valid UTF-8 (the input must "
					     "be UTF-8)", s->in_column);
		else
			s->read_st = rep_case_read_json(w->c, text, s->len, &s->read_err);
		if (s->read_st) {
			if (in == REP_OK)
				salvage_id(s, text, s->len);
			else
				s->id[0] = '\0';
			return;
		}
		used = w->c;
		const char *id = rep_case_id(used); /* at most REP_CASE_MAX_STRING bytes: the reader checks */
		size_t n = strlen(id);
		memcpy(s->id, id, n + 1);
	} else {
		s->read_st = apply_point(r, s, w, &s->read_err);
		opts = w->opts;
		/* a point that makes the case invalid: one error row per scheme, like an evaluation error */
		if (s->read_st) {
			for (size_t k = 0; k < b->n_schemes; k++) {
				s->st[k] = s->read_st;
				s->err[k] = s->read_err;
			}
			return;
		}
		used = w->c;
	}
	for (size_t k = 0; k < b->n_schemes; k++)
		s->st[k] = rep_estimate_eval(&s->est[k], b->ctx, used, b->schemes[k], opts, b->detail, &s->err[k]);
}

/* Take items of window w until none is left; count them done. */
static void help(run *r, window *w, unsigned worker)
{
	size_t did = 0, i;
	while ((i = atomic_fetch_add(&w->next, 1)) < atomic_load(&w->n)) {
		process(r, &w->slots[i], worker);
		did++;
	}
	pthread_mutex_lock(&r->mu);
	w->done += did;
	if (w->done >= atomic_load(&w->n))
		pthread_cond_broadcast(&r->done_cv);
	pthread_mutex_unlock(&r->mu);
}

typedef struct thread_arg {
	run *r;
	unsigned id;
} thread_arg;

static void *thread_main(void *p)
{
	thread_arg *a = p;
	run *r = a->r;
	unsigned id = a->id;
	pthread_mutex_lock(&r->mu);
	for (;;) {
		while (!r->quit && (!r->cur || atomic_load(&r->cur->next) >= atomic_load(&r->cur->n)))
			pthread_cond_wait(&r->work_cv, &r->mu);
		if (r->quit)
			break;
		window *w = r->cur;
		pthread_mutex_unlock(&r->mu);
		help(r, w, id);
		pthread_mutex_lock(&r->mu);
	}
	pthread_mutex_unlock(&r->mu);
	return NULL;
}

#define CLOSED (SIZE_MAX / 2)

static void start(run *r, window *w, size_t n)
{
	pthread_mutex_lock(&r->mu);
	w->done = 0;
	atomic_store(&w->n, n);
	atomic_store(&w->next, 0);
	r->cur = w;
	pthread_cond_broadcast(&r->work_cv);
	pthread_mutex_unlock(&r->mu);
}

static void finish(run *r, window *w)
{
	help(r, w, 0);
	pthread_mutex_lock(&r->mu);
	while (w->done < atomic_load(&w->n))
		pthread_cond_wait(&r->done_cv, &r->mu);
	atomic_store(&w->next, CLOSED);
	if (r->cur == w)
		r->cur = NULL;
	pthread_mutex_unlock(&r->mu);
}

static rep_status slot_text(slot *s, const char *text, size_t len)
{
	if (len + 1 > s->cap) {
		size_t nc = s->cap ? s->cap : 1024;
		while (nc < len + 1)
			nc *= 2;
		char *t = rep_realloc(s->text, nc);
		if (!t)
			return REP_ENOMEM;
		s->text = t;
		s->cap = nc;
	}
	memcpy(s->text, text, len);
	s->text[len] = '\0';
	s->len = len;
	return REP_OK;
}

/* Bytes of JSON Lines text a window holds before it is closed early. */
#define WINDOW_TEXT_BYTES (8u << 20)

/* Fill w with the next inputs; *n gets how many. */
static rep_status fill(run *r, window *w, size_t *n, rep_error *err)
{
	*n = 0;
	size_t bytes = 0;
	while (*n < w->cap && !r->input_done) {
		slot *s = &w->slots[*n];
		s->index = r->next_index;
		s->line = 0;
		if (r->kind != SRC_JSONL) {
			size_t total = r->kind == SRC_SWEEP ? r->sw->points : r->n_cases;
			if (r->next_index >= total) {
				r->input_done = true;
				break;
			}
			if (r->kind == SRC_CASES)
				s->c = r->cases[r->next_index];
			if (r->kind == SRC_TEXTS) {
				s->ext = r->texts[r->next_index];
				s->len = r->lens[r->next_index];
			}
		} else {
			rep_jsonl_line line;
			bool have;
			rep_status st = rep_jsonl_next(&r->jl, &line, &have, err);
			if (st)
				return st;
			if (!have) {
				r->input_done = true;
				break;
			}
			s->line = line.lineno;
			s->in_status = line.status;
			s->in_column = line.err_column;
			if (line.text && slot_text(s, line.text, line.len))
				return rep_err(err, REP_ENOMEM, NULL, "out of memory");
			if (!line.text)
				s->len = 0;
			bytes += line.len;
		}
		r->next_index++;
		(*n)++;
		if (bytes >= WINDOW_TEXT_BYTES)
			break;
	}
	return REP_OK;
}

static rep_status deliver(run *r, window *w, size_t n)
{
	const rep_batch *b = r->b;
	rep_status st = REP_OK;
	for (size_t i = 0; i < n; i++) {
		slot *s = &w->slots[i];
		if (st == REP_OK && r->stop == REP_OK) {
			rep_batch_row row = {.index = s->index, .line = s->line,
					     .point = r->kind == SRC_SWEEP ? s->point_ptr : NULL};
			if (s->read_st && r->kind != SRC_SWEEP) {
				row.case_id = s->id;
				row.status = s->read_st;
				row.error = &s->read_err;
				if (r->results) {
					for (size_t k = 0; k < b->n_schemes; k++) {
						rep_batch_result *res = &r->results[s->index * b->n_schemes + k];
						res->status = s->read_st;
						res->error = s->read_err;
						res->estimate = NULL;
					}
				} else {
					st = r->fn(r->user, &row);
				}
			} else {
				row.case_id = r->kind == SRC_SWEEP ? rep_case_id(r->sw->c) : r->kind == SRC_CASES ? rep_case_id(s->c) : s->id;
				for (size_t k = 0; k < b->n_schemes && st == REP_OK; k++) {
					row.scheme_index = k;
					row.scheme = b->schemes[k];
					row.status = s->st[k];
					if (s->st[k] == REP_OK)
						rep_error_clear(&s->err[k]);
					row.error = &s->err[k];
					row.estimate = s->st[k] == REP_OK ? s->est[k] : NULL;
					if (r->results) {
						rep_batch_result *res = &r->results[s->index * b->n_schemes + k];
						res->status = s->st[k];
						res->error = s->err[k];
						if (s->st[k] == REP_OK) {
							res->estimate = s->est[k];
							s->est[k] = NULL; /* now the caller's */
						}
					} else {
						st = r->fn(r->user, &row);
					}
				}
			}
			if (st)
				r->stop = st;
		}
	}
	return r->stop;
}

static rep_status window_init(run *r, window *w, size_t cap)
{
	size_t ns = r->b->n_schemes, na = r->sw ? r->sw->n_axes : 0;
	w->cap = cap;
	atomic_store(&w->n, 0);
	atomic_store(&w->next, CLOSED);
	if (!(w->slots = rep_calloc(cap, sizeof *w->slots)))
		return REP_ENOMEM;
	for (size_t i = 0; i < cap; i++) {
		slot *s = &w->slots[i];
		if (!(s->est = rep_calloc(ns, sizeof *s->est)) || !(s->st = rep_calloc(ns, sizeof *s->st)) ||
		    !(s->err = rep_calloc(ns, sizeof *s->err)))
			return REP_ENOMEM;
		if (na && (!(s->point = rep_calloc(na, sizeof *s->point)) || !(s->point_ptr = rep_calloc(na, sizeof *s->point_ptr))))
			return REP_ENOMEM;
		for (size_t k = 0; k < na; k++)
			s->point_ptr[k] = s->point[k];
	}
	return REP_OK;
}

static void window_release(run *r, window *w)
{
	for (size_t i = 0; w->slots && i < w->cap; i++) {
		slot *s = &w->slots[i];
		if (s->est)
			slot_release(r, s);
		rep_free(s->est);
		rep_free(s->st);
		rep_free(s->err);
		rep_free(s->text);
		rep_free(s->point);
		rep_free(s->point_ptr);
	}
	rep_free(w->slots);
	w->slots = NULL;
}

static void stop_threads(run *r)
{
	pthread_mutex_lock(&r->mu);
	r->quit = true;
	pthread_cond_broadcast(&r->work_cv);
	pthread_mutex_unlock(&r->mu);
	for (unsigned i = 0; i < r->n_threads; i++)
		pthread_join(r->threads[i], NULL);
	r->n_threads = 0;
}

static void run_release(run *r, unsigned jobs)
{
	stop_threads(r);
	rep_free(r->threads);
	window_release(r, &r->win[0]);
	window_release(r, &r->win[1]);
	for (unsigned i = 0; r->ws && i < jobs; i++) {
		rep_case_free(r->ws[i].c);
		rep_options_free(r->ws[i].opts);
		mpq_clear(r->ws[i].q);
	}
	rep_free(r->ws);
	pthread_mutex_destroy(&r->mu);
	pthread_cond_destroy(&r->work_cv);
	pthread_cond_destroy(&r->done_cv);
}

static rep_status execute(run *r, rep_error *err)
{
	rep_batch *b = r->b;
	unsigned jobs = b->jobs ? b->jobs : 1;
	/* enough items per thread that the hand-over costs little, few enough
	 * that two windows stay small with many schemes */
	size_t cap = (size_t)jobs * 64;
	if (b->n_schemes > 8)
		cap = (size_t)jobs * 8 > cap * 8 / b->n_schemes ? (size_t)jobs * 8 : cap * 8 / b->n_schemes;
	pthread_mutex_init(&r->mu, NULL);
	pthread_cond_init(&r->work_cv, NULL);
	pthread_cond_init(&r->done_cv, NULL);
	rep_status st = REP_OK;
	thread_arg *args = NULL;
	if (!(r->ws = rep_calloc(jobs, sizeof *r->ws)) || window_init(r, &r->win[0], cap) || window_init(r, &r->win[1], cap))
		st = rep_err(err, REP_ENOMEM, NULL, "out of memory");
	for (unsigned i = 0; r->ws && i < jobs; i++) {
		mpq_init(r->ws[i].q);
	}
	for (unsigned i = 0; !st && (r->kind == SRC_JSONL || r->kind == SRC_TEXTS) && i < jobs; i++)
		if (rep_case_new(&r->ws[i].c))
			st = rep_err(err, REP_ENOMEM, NULL, "out of memory");
	for (unsigned i = 0; !st && r->kind == SRC_SWEEP && i < jobs; i++)
		if (case_clone(&r->ws[i].c, r->sw->c) || rep_options_clone(&r->ws[i].opts, b->opts, err))
			st = rep_err(err, REP_ENOMEM, NULL, "out of memory");
	if (!st && jobs > 1) {
		if (!(r->threads = rep_calloc(jobs - 1, sizeof *r->threads)) || !(args = rep_calloc(jobs - 1, sizeof *args)))
			st = rep_err(err, REP_ENOMEM, NULL, "out of memory");
		for (unsigned i = 0; !st && i < jobs - 1; i++) {
			args[i] = (thread_arg){r, i + 1};
			if (pthread_create(&r->threads[i], NULL, thread_main, &args[i]) != 0)
				st = rep_err(err, REP_ENOMEM, NULL, "cannot start a thread");
			else
				r->n_threads++;
		}
	}
	window *a = &r->win[0], *bw = &r->win[1];
	size_t na = 0, nb = 0;
	if (!st)
		st = fill(r, a, &na, err);
	if (!st && na)
		start(r, a, na);
	while (!st && na) {
		rep_status rs = fill(r, bw, &nb, err);
		finish(r, a);
		if (rs) {
			st = rs;
			deliver(r, a, na); /* release what was computed; the rows before the read error go out */
			break;
		}
		if (nb)
			start(r, bw, nb);
		st = deliver(r, a, na);
		if (st) {
			if (nb)
				finish(r, bw);
			deliver(r, bw, nb);
			break;
		}
		window *t = a;
		a = bw;
		bw = t;
		na = nb;
		nb = 0;
	}
	run_release(r, jobs);
	rep_free(args);
	return st;
}

static rep_status check_run(rep_batch *b, rep_batch_fn fn, rep_error *err)
{
	if (!b || !fn)
		return rep_err(err, REP_EUSAGE, NULL, "batch: a batch and a callback are required");
	return REP_OK;
}

rep_status rep_batch_run(rep_batch *b, const rep_case *const *cases, size_t n, rep_batch_fn fn, void *user,
			 rep_error *err)
{
	rep_status st = check_run(b, fn, err);
	if (st)
		return st;
	if (!cases && n)
		return rep_err(err, REP_EUSAGE, NULL, "batch: no cases");
	for (size_t i = 0; i < n; i++)
		if (!cases[i])
			return rep_err(err, REP_EUSAGE, NULL, "batch: case %zu is NULL", i);
	run r = {.b = b, .kind = SRC_CASES, .cases = cases, .n_cases = n, .fn = fn, .user = user};
	return execute(&r, err);
}

static rep_status no_row(void *user, const rep_batch_row *row)
{
	REP_UNUSED(user);
	REP_UNUSED(row);
	return REP_OK;
}

rep_status rep_batch_compute(rep_batch *b, const rep_case *const *cases, size_t n, rep_batch_result *results,
			     rep_error *err)
{
	if (!results && n)
		return rep_err(err, REP_EUSAGE, NULL, "batch: no result array");
	if (!b)
		return rep_err(err, REP_EUSAGE, NULL, "batch: no batch");
	if (n > SIZE_MAX / sizeof *results / b->n_schemes)
		return rep_err(err, REP_ELIMIT, NULL, "batch: too many cases");
	for (size_t i = 0; i < n * b->n_schemes; i++)
		results[i] = (rep_batch_result){0};
	rep_status st = check_run(b, no_row, err);
	if (st)
		return st;
	for (size_t i = 0; i < n; i++)
		if (!cases || !cases[i])
			return rep_err(err, REP_EUSAGE, NULL, "batch: case %zu is NULL", i);
	run r = {.b = b, .kind = SRC_CASES, .cases = cases, .n_cases = n, .fn = no_row, .results = results};
	st = execute(&r, err);
	if (st)
		for (size_t i = 0; i < n * b->n_schemes; i++) {
			rep_estimate_free(results[i].estimate);
			results[i].estimate = NULL;
		}
	return st;
}

rep_status rep_batch_run_jsonl(rep_batch *b, FILE *in, rep_batch_fn fn, void *user, rep_error *err)
{
	rep_status st = check_run(b, fn, err);
	if (st)
		return st;
	if (!in)
		return rep_err(err, REP_EUSAGE, NULL, "batch: no input");
	run r = {.b = b, .kind = SRC_JSONL, .fn = fn, .user = user};
	if (rep_jsonl_init(&r.jl, in, REP_BATCH_MAX_LINE))
		return rep_err(err, REP_ENOMEM, NULL, "out of memory");
	st = execute(&r, err);
	rep_jsonl_release(&r.jl);
	return st;
}

rep_status rep_batch_run_texts(rep_batch *b, const char *const *texts, const size_t *lens, size_t n,
			       rep_batch_fn fn, void *user, rep_error *err)
{
	rep_status st = check_run(b, fn, err);
	if (st)
		return st;
	if (n && (!texts || !lens))
		return rep_err(err, REP_EUSAGE, NULL, "batch: no texts");
	for (size_t i = 0; i < n; i++)
		if (!texts[i] && lens[i])
			return rep_err(err, REP_EUSAGE, NULL, "batch: text %zu is NULL", i);
	run r = {.b = b, .kind = SRC_TEXTS, .texts = texts, .lens = lens, .n_cases = n, .fn = fn, .user = user};
	return execute(&r, err);
}

rep_status rep_sweep_run(const rep_sweep *s, rep_batch *b, rep_batch_fn fn, void *user, rep_error *err)
{
	rep_status st = check_run(b, fn, err);
	if (st)
		return st;
	if (!s)
		return rep_err(err, REP_EUSAGE, NULL, "sweep: no sweep");
	/* an option axis naming no option of a scheme would fail every row: say so once */
	for (size_t i = 0; i < s->n_axes; i++) {
		const axis *a = &s->axes[i];
		if (a->t != T_OPTION)
			continue;
		const rep_scheme *sc = rep_scheme_find(b->ctx, a->opt_scheme);
		size_t k = 0, n = sc ? rep_scheme_option_count(sc) : 0;
		for (; k < n; k++) {
			rep_option_info oi;
			if (rep_scheme_option_at(sc, k, &oi) == REP_OK && strcmp(oi.name, a->opt_name) == 0)
				break;
		}
		if (!sc)
			return rep_err(err, REP_ENOTFOUND, a->path, "unknown scheme \"%s\"", a->opt_scheme);
		if (k == n)
			return rep_err(err, REP_ENOTFOUND, a->path, "scheme %s has no option \"%s\" (`reparations schemes` "
				       "lists them)", a->opt_scheme, a->opt_name);
	}
	run r = {.b = b, .kind = SRC_SWEEP, .sw = s, .fn = fn, .user = user};
	return execute(&r, err);
}
