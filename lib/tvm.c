/* Time value of money: indexation, interest and present value.
 *
 * Rational formulas (ratios, chained rates, simple interest, compounding at
 * year ends, annuities over whole years) are computed exactly on mpq_t.
 * Where a formula has a fractional power or a logarithm, the whole
 * expression is evaluated on MPFR intervals and rounded once by the Ziv
 * loop of ival.c; a fractional power that happens to be rational (a
 * perfect root) is detected first and kept exact, because an exact value
 * can sit on a rounding boundary where the loop would never decide.
 * docs/time-value.md states every convention used here. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mpfr.h>

#include "buf.h"
#include "context_internal.h"
#include "internal.h"
#include "ival.h"
#include "rational.h"
#include "tvm.h"

/* Integer powers built exactly stay below this many bits; larger ones are
 * left to the interval path (they cannot be short decimals anyway). */
#define TVM_EXACT_BITS (1UL << 22)
#define TVM_MAX_MONTHS 12000
#define TVM_MAX_GRACE 1200

static bool date_ok(rep_date d)
{
	return d >= REP_DATE_MIN && d <= REP_DATE_MAX;
}

static bool mode_ok(rep_round mode)
{
	return (unsigned)mode <= (unsigned)REP_ROUND_CEILING;
}

/* Results beyond 1e60 are refused, as rep_dec_pow and the interval path
 * refuse them: no amount is that large, and an exact rational of
 * thousands of digits (1000 years at -99.9999 %) is only a cost. */
static rep_status check_size(const mpq_t x, rep_error *err)
{
	mpz_t lim, a;
	mpz_inits(lim, a, NULL);
	mpz_ui_pow_ui(lim, 10, 60);
	mpz_mul(lim, lim, mpq_denref(x));
	mpz_abs(a, mpq_numref(x));
	bool beyond = mpz_cmp(a, lim) > 0;
	mpz_clears(lim, a, NULL);
	return beyond ? rep_err(err, REP_ERANGE, NULL, "result is beyond 1e60 in magnitude") : REP_OK;
}

/* 1 January of `year`; 2200-01-01 lies one past REP_DATE_MAX, which is
 * still a valid exclusive end. */
static rep_date year_start(int year)
{
	rep_date d;
	if (year > 2199)
		return REP_DATE_MAX + 1;
	if (rep_date_from_ymd(&d, year, 1, 1) != REP_OK)
		return REP_DATE_MIN;
	return d;
}

static int year_of(rep_date d)
{
	int y;
	rep_date_to_ymd(d, &y, NULL, NULL);
	return y;
}

/* ---- text ---- */

/* x as a short decimal: exact when it terminates within 12 places, else
 * rounded half-even to `places` (the trace is for reading; values are exact). */
static void put_num(rep_buf *b, const mpq_t x, int places)
{
	char buf[128];
	if (rep_dec_is_exact(x, 12)) {
		char *s = rep_dec_to_string(x);
		if (!s) {
			b->failed = true;
			return;
		}
		rep_buf_puts(b, s);
		free(s);
		return;
	}
	if (rep_dec_format_buf(buf, sizeof buf, x, places, REP_ROUND_HALF_EVEN) == REP_OK) {
		rep_buf_puts(b, buf);
		return;
	}
	char *s = rep_dec_format(x, places, REP_ROUND_HALF_EVEN);
	if (!s) {
		b->failed = true;
		return;
	}
	rep_buf_puts(b, s);
	free(s);
}

/* x rounded half-even to exactly `places` decimals, for reading. */
static void put_fixed(rep_buf *b, const mpq_t x, int places)
{
	char *s = rep_dec_format(x, places, REP_ROUND_HALF_EVEN);
	if (!s) {
		b->failed = true;
		return;
	}
	rep_buf_puts(b, s);
	free(s);
}

/* An input, shown as given: inputs are decimals, so the shortest exact
 * form terminates (a rational that does not is shown to 60 places). */
static void put_exact(rep_buf *b, const mpq_t x)
{
	char *s = rep_dec_to_string(x);
	if (!s) {
		b->failed = true;
		return;
	}
	rep_buf_puts(b, s);
	free(s);
}

/* A fraction shown as a percentage: 0.054 -> "5.4 %". */
static void put_pct(rep_buf *b, const mpq_t x)
{
	mpq_t p;
	mpq_init(p);
	mpq_set_ui(p, 100, 1);
	rep_q_mul(p, p, x);
	put_exact(b, p);
	rep_buf_puts(b, " %");
	mpq_clear(p);
}

static void put_date(rep_buf *b, rep_date d)
{
	char s[REP_DATE_TEXT_SIZE];
	rep_date_format(d, s);
	rep_buf_puts(b, s);
}

/* ---- results ---- */

void rep_tvm_result_init(rep_tvm_result *res)
{
	if (!res)
		return;
	memset(res, 0, sizeof *res);
	mpq_init(res->value);
	mpq_init(res->factor);
}

static void reset(rep_tvm_result *res)
{
	mpq_set_ui(res->value, 0, 1);
	mpq_set_ui(res->factor, 0, 1);
	res->exact = 0;
	rep_free(res->text);
	res->text = NULL;
	for (size_t i = 0; i < res->n_points; i++) {
		rep_tvm_point *p = &res->points[i];
		rep_free(p->series);
		rep_free(p->value);
		rep_free(p->confidence);
		rep_free(p->source);
	}
	res->n_points = 0;
	for (size_t i = 0; i < res->n_periods; i++)
		mpq_clears(res->periods[i].rate, res->periods[i].principal, res->periods[i].interest, NULL);
	res->n_periods = 0;
}

void rep_tvm_result_clear(rep_tvm_result *res)
{
	if (!res)
		return;
	reset(res);
	rep_free(res->points);
	rep_free(res->periods);
	mpq_clears(res->value, res->factor, NULL);
	memset(res, 0, sizeof *res);
}

static bool grow(void **p, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return true;
	size_t nc = *cap ? *cap * 2 : 8;
	void *q = rep_realloc(*p, nc * size);
	if (!q)
		return false;
	*p = q;
	*cap = nc;
	return true;
}

static rep_status add_point(rep_tvm_result *res, const char *series, rep_date date, const rep_series_point *pt,
			    rep_error *err)
{
	for (size_t i = 0; i < res->n_points; i++)
		if (res->points[i].from == pt->from && strcmp(res->points[i].series, series) == 0)
			return REP_OK;
	if (!grow((void **)&res->points, &res->cap_points_, res->n_points, sizeof *res->points))
		return rep_err(err, REP_ENOMEM, NULL, "out of memory");
	rep_tvm_point p = {rep_strdup(series), date, pt->from, rep_strdup(pt->value ? pt->value : ""),
			   rep_strdup(pt->confidence ? pt->confidence : "unverified"),
			   rep_strdup(pt->source ? pt->source : "")};
	if (!p.series || !p.value || !p.confidence || !p.source) {
		rep_free(p.series);
		rep_free(p.value);
		rep_free(p.confidence);
		rep_free(p.source);
		return rep_err(err, REP_ENOMEM, NULL, "out of memory");
	}
	res->points[res->n_points++] = p;
	return REP_OK;
}

/* The public calculators look values up in a context and keep the points
 * in the result; the engine passes its own function, which records them in
 * the estimate instead. */
typedef struct ctx_src {
	const rep_context *ctx;
	rep_tvm_result *res;
	rep_error *err;
} ctx_src;

static rep_status ctx_series(void *ud, const char *series, rep_date d, mpq_t out)
{
	ctx_src *s = ud;
	rep_series_point pt;
	rep_status st = rep_series_lookup(s->ctx, series, d, out, &pt, s->err);
	if (st)
		return st;
	return add_point(s->res, series, d, &pt, s->err);
}

/* Hand a built text to the result; a failed buffer is out of memory. */
static rep_status take_text(char **dst, rep_buf *b, rep_error *err)
{
	if (b->failed || !b->data) {
		rep_free(b->data);
		b->data = NULL;
		return rep_err(err, REP_ENOMEM, NULL, "out of memory");
	}
	*dst = b->data;
	b->data = NULL;
	return REP_OK;
}

/* ---- indexation ---- */

static void append_msg(rep_error *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void append_msg(rep_error *err, const char *fmt, ...)
{
	size_t n = strlen(err->message);
	if (n + 1 >= sizeof err->message)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->message + n, sizeof err->message - n, fmt, ap);
	va_end(ap);
}

static rep_status index_ratio(mpq_t factor, rep_buf *t, const char *series, rep_date from, rep_date to,
			      rep_series_fn fn, void *ud, rep_error *err)
{
	mpq_t a, b;
	mpq_inits(a, b, NULL);
	rep_status st = fn(ud, series, from, a);
	if (!st)
		st = fn(ud, series, to, b);
	if (!st && (mpq_sgn(a) <= 0 || mpq_sgn(b) <= 0)) {
		char d[REP_DATE_TEXT_SIZE];
		rep_date_format(mpq_sgn(a) <= 0 ? from : to, d);
		st = rep_err(err, REP_EINVAL, NULL, "%s on %s is not positive, so it cannot index an amount", series, d);
	}
	if (!st) {
		rep_q_div(factor, b, a);
		rep_buf_printf(t, "indexed by the ratio of %s: ", series);
		put_exact(t, b);
		rep_buf_puts(t, " on ");
		put_date(t, to);
		rep_buf_puts(t, " / ");
		put_exact(t, a);
		rep_buf_puts(t, " on ");
		put_date(t, from);
		rep_buf_puts(t, " = x");
		put_num(t, factor, 6);
	}
	mpq_clears(a, b, NULL);
	return st;
}

/* Price level at the start of day `d` relative to the end of the year
 * before ylo is P(d) = prod over whole years (1 + r_y) x (1 + r_Y k / N_Y),
 * with k the days of year Y elapsed before d and N_Y its length: linear
 * within a year, so the factor P(to) / P(from) stays rational. A rate is
 * looked up on 1 January of its year; a year whose rate is not needed (the
 * later date is 1 January) is not looked up. */
static rep_status index_chain(mpq_t factor, rep_buf *t, const char *series, rep_date from, rep_date to,
			      rep_series_fn fn, void *ud, rep_error *err)
{
	rep_buf_printf(t, "indexed by %s (annual rates chained, linear within a year by days) from ", series);
	put_date(t, from);
	rep_buf_puts(t, " to ");
	put_date(t, to);
	if (from == to) {
		mpq_set_ui(factor, 1, 1);
		rep_buf_puts(t, ": same date, x1");
		return REP_OK;
	}
	rep_date lo = from < to ? from : to, hi = from < to ? to : from;
	int ylo = year_of(lo), yhi = year_of(hi);
	rep_date jlo = year_start(ylo), jhi = year_start(yhi);
	long klo = lo - jlo, khi = hi - jhi;
	long nlo = year_start(ylo + 1) - jlo, nhi = year_start(yhi + 1) - jhi;
	int ylast = khi > 0 ? yhi : yhi - 1;

	rep_status st = REP_OK;
	mpq_t plo, phi, v, r, x;
	mpq_inits(plo, phi, v, r, x, NULL);
	mpq_set_ui(plo, 1, 1);
	mpq_set_ui(phi, 1, 1);
	rep_buf_puts(t, ":");
	for (int y = ylo; y <= ylast && !st; y++) {
		if ((st = fn(ud, series, year_start(y), v))) {
			/* the lookup names 1 January; say why that year was needed */
			if (st == REP_ENODATA && err && y == yhi)
				append_msg(err, "; the %d rate is needed to index to a date within %d", y, y);
			break;
		}
		mpq_set_ui(r, 100, 1);
		rep_q_div(r, v, r);
		mpq_set_ui(x, 1, 1);
		rep_q_add(x, x, r);
		if (mpq_sgn(x) <= 0) {
			char vs[64];
			if (rep_dec_format_buf(vs, sizeof vs, v, 6, REP_ROUND_HALF_EVEN))
				snprintf(vs, sizeof vs, "below -100");
			st = rep_err(err, REP_EINVAL, NULL,
				     "%s for %d is %s %%: a rate of -100 %% or less cannot index an amount", series, y, vs);
			break;
		}
		if (y == ylo && klo > 0) {
			mpq_set_ui(x, (unsigned long)klo, (unsigned long)nlo);
			mpq_canonicalize(x);
			rep_q_mul(x, x, r);
			mpq_set_ui(plo, 1, 1);
			rep_q_add(plo, plo, x);
		}
		if (y < yhi) {
			mpq_set_ui(x, 1, 1);
			rep_q_add(x, x, r);
		} else {
			mpq_set_ui(x, (unsigned long)khi, (unsigned long)nhi);
			mpq_canonicalize(x);
			rep_q_mul(x, x, r);
			mpq_set_ui(v, 1, 1);
			rep_q_add(x, x, v);
		}
		rep_q_mul(phi, phi, x);
		rep_buf_printf(t, "%s %d ", y == ylo ? "" : ",", y);
		put_pct(t, r);
		if (y == ylo && y == yhi)
			rep_buf_printf(t, " (from %ld to %ld of %ld days elapsed)", klo, khi, nhi);
		else if (y == ylo && klo > 0)
			rep_buf_printf(t, " (from %ld of %ld days elapsed)", klo, nlo);
		else if (y == yhi)
			rep_buf_printf(t, " (to %ld of %ld days elapsed)", khi, nhi);
	}
	if (!st) {
		if (from < to)
			rep_q_div(factor, phi, plo);
		else
			rep_q_div(factor, plo, phi);
		rep_buf_puts(t, " = x");
		put_num(t, factor, 6);
	}
	mpq_clears(plo, phi, v, r, x, NULL);
	return st;
}

static rep_status index_method(mpq_t factor, rep_buf *t, const rep_context *ctx, const char *method, rep_date from,
			       rep_date to, rep_series_fn fn, void *ud, rep_error *err)
{
	if (strcmp(method, "nominal") == 0) {
		mpq_set_ui(factor, 1, 1);
		rep_buf_puts(t, "nominal (not indexed)");
		return REP_OK;
	}
	if (strcmp(method, "cpi") == 0) {
		rep_series_info info;
		/* a monthly index is more precise than chained annual rates: prefer it when loaded */
		if (ctx && rep_series_find(ctx, "KZ.CPI_INDEX", &info) == REP_OK)
			return index_ratio(factor, t, "KZ.CPI_INDEX", from, to, fn, ud, err);
		return index_chain(factor, t, "KZ.CPI_DEC", from, to, fn, ud, err);
	}
	if (strcmp(method, "mci") == 0)
		return index_ratio(factor, t, "KZ.MCI", from, to, fn, ud, err);
	if (strcmp(method, "wage") == 0)
		return index_ratio(factor, t, "KZ.AVG_WAGE", from, to, fn, ud, err);
	return rep_err(err, REP_EINVAL, NULL, "indexation method \"%s\" is not one of nominal, cpi, mci, wage", method);
}

static rep_status check_dates(rep_date from, rep_date to, rep_error *err)
{
	if (!date_ok(from) || !date_ok(to))
		return rep_err(err, REP_ERANGE, NULL, "a date is missing or outside 1900-01-01..2199-12-31");
	return REP_OK;
}

rep_status rep_tvm_index(mpq_t out, rep_tvm_index_trace *trace, const rep_context *ctx, const char *method,
			 const mpq_t amount, rep_date from, rep_date to, rep_series_fn series, void *ud,
			 rep_arena *arena, rep_error *err)
{
	if (!out || !trace || !method || !amount || !series || !arena)
		return rep_err(err, REP_EUSAGE, NULL, "rep_tvm_index: NULL argument");
	trace->text = NULL;
	rep_status st = check_dates(from, to, err);
	if (st)
		return st;
	rep_buf t = {0};
	mpq_t f;
	mpq_init(f);
	st = index_method(f, &t, ctx, method, from, to, series, ud, err);
	if (!st && !(st = check_size(f, err))) {
		rep_q_mul(out, amount, f);
		if (t.failed || !(trace->text = rep_arena_strdup(arena, t.data ? t.data : "")))
			st = rep_err(err, REP_ENOMEM, NULL, "out of memory");
	}
	rep_free(t.data);
	mpq_clear(f);
	return st;
}

typedef struct index_req {
	const char *method; /* or NULL: series + kind */
	const char *series;
	rep_index_kind kind;
} index_req;

static rep_status index_public(rep_tvm_result *res, const rep_context *ctx, const index_req *q, const mpq_t amount,
			       rep_date from, rep_date to, rep_error *err)
{
	if (!res)
		return rep_err(err, REP_EUSAGE, NULL, "rep_tvm_index: NULL result");
	reset(res);
	if (rep_dec_check_input(amount, "amount", err))
		return REP_ELIMIT;
	if (!ctx || !amount || (!q->method && !q->series))
		return rep_err(err, REP_EUSAGE, NULL, "rep_tvm_index: NULL argument");
	rep_status st = check_dates(from, to, err);
	if (st)
		return st;
	ctx_src src = {ctx, res, err};
	rep_buf t = {0};
	if (q->method)
		st = index_method(res->factor, &t, ctx, q->method, from, to, ctx_series, &src, err);
	else if (q->kind == REP_INDEX_RATIO)
		st = index_ratio(res->factor, &t, q->series, from, to, ctx_series, &src, err);
	else if (q->kind == REP_INDEX_ANNUAL_RATES)
		st = index_chain(res->factor, &t, q->series, from, to, ctx_series, &src, err);
	else
		st = rep_err(err, REP_EINVAL, NULL, "unknown indexation kind %d", (int)q->kind);
	if (!st) {
		rep_q_mul(res->value, amount, res->factor);
		res->exact = 1;
		if (!(st = check_size(res->value, err)))
			st = take_text(&res->text, &t, err);
	}
	rep_free(t.data);
	if (st)
		reset(res);
	return st;
}

rep_status rep_tvm_index_series(rep_tvm_result *res, const rep_context *ctx, const char *series, rep_index_kind kind,
				const mpq_t amount, rep_date from, rep_date to, rep_error *err)
{
	index_req q = {NULL, series, kind};
	return index_public(res, ctx, &q, amount, from, to, err);
}

rep_status rep_tvm_index_by(rep_tvm_result *res, const rep_context *ctx, const char *method, const mpq_t amount,
			    rep_date from, rep_date to, rep_error *err)
{
	if (!method)
		return rep_err(err, REP_EUSAGE, NULL, "rep_tvm_index_by: NULL method");
	index_req q = {method, NULL, REP_INDEX_RATIO};
	return index_public(res, ctx, &q, amount, from, to, err);
}

/* ---- enum names ---- */

static const char *const basis_names[] = {"act365", "actact", "30360"};
static const char *const timing_names[] = {"end", "mid", "continuous"};
static const char *const annuity_names[] = {"effective_annual", "nominal_monthly"};

static const char *name_of(const char *const *names, size_t n, unsigned v)
{
	return v < n ? names[v] : "unknown";
}

static rep_status parse_name(int *out, const char *const *names, size_t n, const char *name)
{
	if (!out || !name)
		return REP_EUSAGE;
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0) {
			*out = (int)i;
			return REP_OK;
		}
	return REP_EINVAL;
}

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

const char *rep_day_basis_name(rep_day_basis basis)
{
	return name_of(basis_names, N_OF(basis_names), (unsigned)basis);
}

rep_status rep_day_basis_parse(rep_day_basis *out, const char *name)
{
	int v = 0;
	rep_status st = parse_name(&v, basis_names, N_OF(basis_names), name);
	if (!st)
		*out = (rep_day_basis)v;
	return st;
}

const char *rep_pv_timing_name(rep_pv_timing timing)
{
	return name_of(timing_names, N_OF(timing_names), (unsigned)timing);
}

rep_status rep_pv_timing_parse(rep_pv_timing *out, const char *name)
{
	int v = 0;
	rep_status st = parse_name(&v, timing_names, N_OF(timing_names), name);
	if (!st)
		*out = (rep_pv_timing)v;
	return st;
}

const char *rep_annuity_rate_name(rep_annuity_rate conv)
{
	return name_of(annuity_names, N_OF(annuity_names), (unsigned)conv);
}

rep_status rep_annuity_rate_parse(rep_annuity_rate *out, const char *name)
{
	int v = 0;
	rep_status st = parse_name(&v, annuity_names, N_OF(annuity_names), name);
	if (!st)
		*out = (rep_annuity_rate)v;
	return st;
}

/* ---- interest ---- */

/* 30/360 bond basis (ISDA 2006 4.16(f)): a 31st counts as the 30th at the
 * start, and at the end only when the start was the 30th or 31st. */
static int32_t days_30360(rep_date a, rep_date b)
{
	int y1, m1, d1, y2, m2, d2;
	rep_date_to_ymd(a, &y1, &m1, &d1);
	rep_date_to_ymd(b, &y2, &m2, &d2);
	if (d1 == 31)
		d1 = 30;
	if (d2 == 31 && d1 == 30)
		d2 = 30;
	return 360 * (y2 - y1) + 30 * (m2 - m1) + (d2 - d1);
}

static const char *basis_label(rep_day_basis b)
{
	return b == REP_BASIS_ACT365 ? "act/365" : b == REP_BASIS_ACTACT ? "act/act" : "30/360";
}

static rep_status add_period(rep_tvm_result *res, rep_date a, rep_date b, int32_t days, int32_t year_days,
			     const mpq_t rate, const mpq_t principal, rep_error *err)
{
	if (!grow((void **)&res->periods, &res->cap_periods_, res->n_periods, sizeof *res->periods))
		return rep_err(err, REP_ENOMEM, NULL, "out of memory");
	rep_tvm_period *p = &res->periods[res->n_periods++];
	p->start = a;
	p->end = b;
	p->days = days;
	p->year_days = year_days;
	mpq_inits(p->rate, p->principal, p->interest, NULL);
	mpq_set(p->rate, rate);
	mpq_set(p->principal, principal);
	mpq_set_si(p->interest, days, (unsigned long)year_days);
	mpq_canonicalize(p->interest); /* mpq_set_si does not reduce; mpq_equal needs canonical values */
	rep_q_mul(p->interest, p->interest, rate);
	rep_q_mul(p->interest, p->interest, principal);
	return REP_OK;
}

/* The first point of `series` that starts after `a`, advancing *cursor
 * (periods move forward, so the whole run is one pass over the points). */
static rep_date next_change(const rep_context *ctx, const char *series, size_t n, size_t *cursor, rep_date a)
{
	rep_series_point pt;
	while (*cursor < n) {
		if (rep_series_point_at(ctx, series, *cursor, &pt) != REP_OK)
			return REP_DATE_MAX + 1;
		if (pt.from > a)
			return pt.from;
		(*cursor)++;
	}
	return REP_DATE_MAX + 1;
}

static rep_status interest_check(const rep_context *ctx, const mpq_t amount, rep_date from, rep_date to,
				 const rep_interest_opts *o, size_t *n_points, rep_error *err)
{
	rep_status st = check_dates(from, to, err);
	if (st)
		return st;
	if (to < from)
		return rep_err(err, REP_EINVAL, NULL, "the end date is before the start date");
	if (!amount)
		return rep_err(err, REP_EUSAGE, NULL, "rep_tvm_interest: NULL amount");
	if ((o->rate != NULL) == (o->series != NULL))
		return rep_err(err, REP_EINVAL, NULL, "give either a fixed rate or a rate series, not %s",
			       o->rate ? "both" : "neither");
	if ((unsigned)o->basis > (unsigned)REP_BASIS_30360)
		return rep_err(err, REP_EINVAL, NULL, "unknown day basis %d", (int)o->basis);
	if (o->grace_months < 0 || o->grace_months > TVM_MAX_GRACE)
		return rep_err(err, REP_EINVAL, NULL, "grace period of %d months is not in 0..%d", o->grace_months,
			       TVM_MAX_GRACE);
	if (o->compound != 0 && o->compound != 1)
		return rep_err(err, REP_EINVAL, NULL, "compound must be 0 or 1");
	*n_points = 0;
	if (o->series) {
		if (!ctx)
			return rep_err(err, REP_EUSAGE, NULL, "rep_tvm_interest: a rate series needs a context");
		rep_series_info info;
		if (rep_series_find(ctx, o->series, &info) != REP_OK)
			return rep_err(err, REP_ENOTFOUND, NULL, "unknown reference series \"%s\"", o->series);
		if (!info.unit || strncmp(info.unit, "percent", 7) != 0)
			return rep_err(err, REP_EINVAL, NULL, "%s is in %s, not a rate in percent", o->series,
				       info.unit ? info.unit : "no unit");
		*n_points = info.n_points;
	}
	return REP_OK;
}

static rep_status tvm_interest(rep_tvm_result *res, const rep_context *ctx, const mpq_t amount, rep_date from,
			    rep_date to, const rep_interest_opts *opts, rep_error *err)
{
	if (!res || !opts)
		return rep_err(err, REP_EUSAGE, NULL, "rep_tvm_interest: NULL argument");
	reset(res);
	rep_status bst;
	if ((bst = rep_dec_check_input(amount, "amount", err)) || (bst = rep_dec_check_input(opts->rate, "rate", err)) ||
	    (bst = rep_dec_check_input(opts->margin, "margin", err)))
		return bst;
	size_t n_pts = 0;
	rep_status st = interest_check(ctx, amount, from, to, opts, &n_pts, err);
	if (st)
		return st;
	rep_date start = from;
	if (opts->grace_months && rep_date_add_months(&start, from, opts->grace_months) != REP_OK)
		start = REP_DATE_MAX + 1;

	rep_buf t = {0};
	rep_buf_printf(&t, "%s interest on ", opts->compound ? "compound (at each 31 December)" : "simple");
	put_exact(&t, amount);
	rep_buf_puts(&t, " from ");
	put_date(&t, from);
	if (opts->grace_months) {
		rep_buf_printf(&t, " + %d months grace = ", opts->grace_months);
		if (start <= REP_DATE_MAX)
			put_date(&t, start);
		else
			rep_buf_puts(&t, "after 2199-12-31");
	}
	rep_buf_puts(&t, " (inclusive) to ");
	put_date(&t, to);
	rep_buf_printf(&t, " (exclusive), %s, at ", basis_label(opts->basis));
	if (opts->series) {
		rep_buf_printf(&t, "%s", opts->series);
		if (opts->margin) {
			rep_buf_puts(&t, " + ");
			put_pct(&t, opts->margin);
		}
	} else {
		put_pct(&t, opts->rate);
		if (opts->margin && mpq_sgn(opts->margin)) {
			rep_buf_puts(&t, " + ");
			put_pct(&t, opts->margin);
		}
	}

	ctx_src src = {ctx, res, err};
	mpq_t rate, v, balance, accrued;
	mpq_inits(rate, v, balance, accrued, NULL);
	mpq_set(balance, amount);
	/* the last day must be covered too, not only each period's first day */
	if (opts->series && start < to)
		st = rep_series_lookup(ctx, opts->series, to - 1, v, NULL, err);
	size_t cursor = 0;
	for (rep_date a = start; a < to && !st;) {
		int y = year_of(a);
		rep_date ny = year_start(y + 1), b = to < ny ? to : ny;
		if (opts->series) {
			rep_date c = next_change(ctx, opts->series, n_pts, &cursor, a);
			b = c < b ? c : b;
			if ((st = ctx_series(&src, opts->series, a, v)))
				break;
			mpq_set_ui(rate, 100, 1);
			rep_q_div(rate, v, rate);
		} else {
			mpq_set(rate, opts->rate);
		}
		if (opts->margin)
			rep_q_add(rate, rate, opts->margin);
		int32_t days = opts->basis == REP_BASIS_30360 ? days_30360(a, b) : (int32_t)(b - a);
		int32_t ydays = opts->basis == REP_BASIS_30360 ? 360
				: opts->basis == REP_BASIS_ACTACT ? (int32_t)(ny - year_start(y))
								  : 365;
		if ((st = add_period(res, a, b, days, ydays, rate, opts->compound ? balance : amount, err)))
			break;
		rep_tvm_period *p = &res->periods[res->n_periods - 1];
		rep_q_add(accrued, accrued, p->interest);
		if (opts->compound && b == ny) {
			rep_q_add(balance, balance, accrued);
			mpq_set_ui(accrued, 0, 1);
		}
		rep_buf_puts(&t, res->n_periods == 1 ? ": " : "; ");
		put_date(&t, a);
		rep_buf_puts(&t, "..");
		put_date(&t, b - 1);
		rep_buf_printf(&t, " %ld/%ld x ", (long)days, (long)ydays);
		put_pct(&t, rate);
		rep_buf_puts(&t, " on ");
		put_num(&t, p->principal, 6);
		rep_buf_puts(&t, " = ");
		put_num(&t, p->interest, 6);
		a = b;
	}
	if (!st) {
		if (opts->compound) {
			rep_q_add(res->value, balance, accrued);
			rep_q_sub(res->value, res->value, amount);
		} else {
			for (size_t i = 0; i < res->n_periods; i++)
				rep_q_add(res->value, res->value, res->periods[i].interest);
		}
		if (mpq_sgn(amount))
			rep_q_div(res->factor, res->value, amount);
		res->exact = 1;
		st = check_size(res->value, err);
	}
	if (!st) {
		if (res->n_periods == 0)
			rep_buf_puts(&t, ": no day bears interest");
		rep_buf_puts(&t, "; total ");
		put_num(&t, res->value, 6);
		st = take_text(&res->text, &t, err);
	}
	rep_free(t.data);
	mpq_clears(rate, v, balance, accrued, NULL);
	if (st)
		reset(res);
	return st;
}

rep_status rep_tvm_interest(rep_tvm_result *res, const rep_context *ctx, const mpq_t amount, rep_date from,
			    rep_date to, const rep_interest_opts *opts, rep_error *err)
{
	rep_status st = ctx ? rep_context_begin_read(ctx, err) : REP_OK;
	if (st)
		return st;
	st = tvm_interest(res, ctx, amount, from, to, opts, err);
	if (ctx)
		rep_context_end_read(ctx);
	return st;
}

/* ---- present value ---- */

/* out = base^e when that power is rational (base > 0): the numerator and
 * denominator of base must be perfect q-th powers for e = p/q. False when
 * it is irrational or too large to build. */
static bool q_pow_rational(mpq_t out, const mpq_t base, const mpq_t e)
{
	mpz_srcptr p = mpq_numref(e), q = mpq_denref(e);
	if (!mpz_fits_ulong_p(q) || mpz_sizeinbase(p, 2) > 40)
		return false;
	unsigned long qe = mpz_get_ui(q);
	mpz_t rn, rd, ap;
	mpz_inits(rn, rd, ap, NULL);
	bool ok = mpz_root(rn, mpq_numref(base), qe) != 0 && mpz_root(rd, mpq_denref(base), qe) != 0;
	mpz_abs(ap, p);
	unsigned long pe = mpz_get_ui(ap);
	if (ok && pe && (mpz_sizeinbase(rn, 2) > TVM_EXACT_BITS / pe || mpz_sizeinbase(rd, 2) > TVM_EXACT_BITS / pe))
		ok = false;
	if (ok) {
		mpz_pow_ui(rn, rn, pe);
		mpz_pow_ui(rd, rd, pe);
		if (mpz_sgn(p) >= 0) {
			mpz_set(mpq_numref(out), rn);
			mpz_set(mpq_denref(out), rd);
		} else {
			mpz_set(mpq_numref(out), rd);
			mpz_set(mpq_denref(out), rn);
		}
		mpq_canonicalize(out);
	}
	mpz_clears(rn, rd, ap, NULL);
	return ok;
}

/* x^n for a whole n, exactly. Powers of coprime integers stay coprime, so
 * a canonical x (every GMP result is) gives a canonical power: no gcd. */
static void q_pow_ui(mpq_t out, const mpq_t x, unsigned long n)
{
	mpz_pow_ui(mpq_numref(out), mpq_numref(x), n);
	mpz_pow_ui(mpq_denref(out), mpq_denref(x), n);
}

/* Everything a present value needs, with the rational parts precomputed:
 * PV = W (A_n S + f G_n U) for end and mid, where A_n is the end-of-year
 * annuity factor over the n whole years, G_n = (1+g)^n, f the fraction of
 * the last year, S = 1 (end) or (1+d)^(1/2) (mid), U = (1+d)^e_last. */
typedef struct pv_job {
	rep_pv_timing timing;
	unsigned long n;
	mpq_ptr w, d, g, years, f, one_d, a_n, g_n, e_last, net; /* net = (1+d)/(1+g) - 1 */
	mpq_ptr t[REP_TVM_PV_SCRATCH - 10]; /* temporaries of pv_prepare, pv_exact and pv_value */
	mpq_ptr own;                        /* the job's own rationals, or NULL in a caller's scratch */
} pv_job;

/* The job's rationals in `scratch` (REP_TVM_PV_SCRATCH of them, set to 0
 * here) or, when it is NULL, its own. */
static rep_status pv_prepare_in(pv_job *j, mpq_ptr scratch, const mpq_t annual, const mpq_t years, const mpq_t rate,
				const mpq_t growth, rep_pv_timing timing, rep_error *err)
{
	j->own = NULL;
	if (!scratch) {
		if (!(scratch = j->own = rep_malloc(REP_TVM_PV_SCRATCH * sizeof *scratch)))
			return rep_err(err, REP_ENOMEM, NULL, "out of memory");
		for (int i = 0; i < REP_TVM_PV_SCRATCH; i++)
			mpq_init(scratch + i);
	} else {
		for (int i = 0; i < REP_TVM_PV_SCRATCH; i++)
			mpq_set_ui(scratch + i, 0, 1);
	}
	mpq_ptr *slot[] = {&j->w, &j->d, &j->g, &j->years, &j->f, &j->one_d, &j->a_n, &j->g_n, &j->e_last, &j->net};
	for (int i = 0; i < 10; i++)
		*slot[i] = scratch + i;
	for (int i = 10; i < REP_TVM_PV_SCRATCH; i++)
		j->t[i - 10] = scratch + i;
	j->timing = timing;
	j->n = 0;
	if (!years)
		return rep_err(err, REP_EUSAGE, NULL, "present value: NULL years");
	rep_status bst;
	if ((bst = rep_dec_check_input(annual, "annual", err)) || (bst = rep_dec_check_input(years, "years", err)) ||
	    (bst = rep_dec_check_input(rate, "rate", err)) || (bst = rep_dec_check_input(growth, "growth", err)))
		return bst;
	if ((unsigned)timing > (unsigned)REP_PV_CONTINUOUS)
		return rep_err(err, REP_EINVAL, NULL, "unknown timing %d", (int)timing);
	if (mpq_sgn(years) < 0 || mpq_cmp_ui(years, REP_TVM_MAX_YEARS, 1) > 0)
		return rep_err(err, REP_ERANGE, NULL, "years must be between 0 and %d", REP_TVM_MAX_YEARS);
	if (annual)
		mpq_set(j->w, annual);
	else
		mpq_set_ui(j->w, 1, 1);
	if (rate)
		mpq_set(j->d, rate);
	if (growth)
		mpq_set(j->g, growth);
	if (mpq_cmp_si(j->d, -1, 1) <= 0)
		return rep_err(err, REP_EINVAL, NULL,
			       "the discount rate must be greater than -1 (a fraction, 0.05 = 5 %%)");
	if (mpq_cmp_si(j->g, -1, 1) <= 0)
		return rep_err(err, REP_EINVAL, NULL,
			       "the growth rate must be greater than -1 (a fraction, 0.03 = 3 %%)");
	mpq_set(j->years, years);
	mpz_t n;
	mpz_init(n);
	mpz_fdiv_q(n, mpq_numref(years), mpq_denref(years));
	j->n = mpz_get_ui(n);
	mpq_set_z(j->f, n);
	rep_q_sub(j->f, years, j->f);
	mpz_clear(n);

	mpq_ptr one_g = j->t[0], x = j->t[1];
	mpq_set_ui(j->one_d, 1, 1);
	rep_q_add(j->one_d, j->one_d, j->d);
	mpq_set_ui(one_g, 1, 1);
	rep_q_add(one_g, one_g, j->g);
	q_pow_ui(j->g_n, one_g, j->n);
	if (mpq_equal(j->d, j->g)) {
		/* each year's loss grows as fast as it is discounted: n equal terms W / (1+d) */
		mpq_set_ui(j->a_n, j->n, 1);
		rep_q_div(j->a_n, j->a_n, j->one_d);
	} else {
		rep_q_div(x, one_g, j->one_d);
		q_pow_ui(x, x, j->n);
		mpq_set_ui(j->a_n, 1, 1);
		rep_q_sub(j->a_n, j->a_n, x);
		rep_q_sub(x, j->d, j->g);
		rep_q_div(j->a_n, j->a_n, x);
	}
	/* the last fraction of a year is paid at its end (n + f) or middle (n + f/2) */
	mpq_set(j->e_last, j->f);
	if (timing == REP_PV_MID)
		mpq_div_2exp(j->e_last, j->e_last, 1);
	mpq_set_ui(x, j->n, 1);
	rep_q_add(j->e_last, j->e_last, x);
	mpq_neg(j->e_last, j->e_last);
	rep_q_div(j->net, j->one_d, one_g);
	mpq_set_ui(x, 1, 1);
	rep_q_sub(j->net, j->net, x);
	return REP_OK;
}

static rep_status pv_prepare(pv_job *j, const mpq_t annual, const mpq_t years, const mpq_t rate, const mpq_t growth,
			     rep_pv_timing timing, rep_error *err)
{
	return pv_prepare_in(j, NULL, annual, years, rate, growth, timing, err);
}

static void pv_release(pv_job *j)
{
	if (!j->own)
		return;
	for (int i = 0; i < REP_TVM_PV_SCRATCH; i++)
		mpq_clear(j->own + i);
	rep_free(j->own);
}

/* The multiplier M exactly, when it is rational; false otherwise. */
static bool pv_exact(mpq_t m, const pv_job *j)
{
	mpq_ptr s = j->t[2], u = j->t[3], h = j->t[4];
	bool ok = true;
	if (j->timing == REP_PV_CONTINUOUS) {
		/* (1 - (1+r)^-N) / ln(1+r) is transcendental for rational r != 0, N > 0 */
		ok = mpq_sgn(j->net) == 0 || mpq_sgn(j->years) == 0;
		if (ok)
			mpq_set(m, j->years);
	} else {
		mpq_set_ui(s, 1, 1);
		mpq_set_ui(u, 0, 1);
		mpq_set_ui(h, 1, 2);
		if (j->timing == REP_PV_MID && j->n > 0)
			ok = q_pow_rational(s, j->one_d, h);
		if (ok && mpq_sgn(j->f))
			ok = q_pow_rational(u, j->one_d, j->e_last);
		if (ok) {
			rep_q_mul(m, j->a_n, s);
			rep_q_mul(u, u, j->f);
			rep_q_mul(u, u, j->g_n);
			rep_q_add(m, m, u);
		}
	}
	return ok;
}

typedef struct pv_eval {
	const pv_job *j;
	mpq_srcptr w;
} pv_eval;

/* r = e^x - 1, increasing, accurate near 0 (no cancellation). */
static void ival_expm1(rep_ival *r, const rep_ival *x)
{
	mpfr_expm1(r->lo, x->lo, MPFR_RNDD);
	mpfr_expm1(r->hi, x->hi, MPFR_RNDU);
}

static rep_status pv_fn(rep_ival *res, mpfr_prec_t prec, void *vctx)
{
	const pv_eval *e = vctx;
	const pv_job *j = e->j;
	rep_ival a, b, c, h;
	rep_ival_init(&a, prec);
	rep_ival_init(&b, prec);
	rep_ival_init(&c, prec);
	rep_ival_init(&h, prec);
	rep_status st = REP_OK;
	if (j->timing == REP_PV_CONTINUOUS) {
		/* M = -expm1(-N L) / L with L = ln(1 + r): both ends keep their
		 * relative precision however small r is */
		rep_ival_set_q(&a, j->net);
		if ((st = rep_ival_log1p(&a, &a)))
			goto out;
		rep_ival_set_q(&b, j->years);
		rep_ival_mul(&b, &b, &a);
		rep_ival_neg(&b, &b);
		ival_expm1(&c, &b);
		rep_ival_neg(&c, &c);
		if ((st = rep_ival_div(&c, &c, &a)))
			goto out;
	} else {
		rep_ival_set_q(&a, j->one_d);
		rep_ival_set_q(&b, j->e_last);
		if ((st = rep_ival_pow(&b, &a, &b)))
			goto out;
		rep_ival_set_q(&c, j->f);
		rep_ival_mul(&b, &b, &c);
		rep_ival_set_q(&c, j->g_n);
		rep_ival_mul(&b, &b, &c); /* b = f G_n U */
		rep_ival_set_q(&c, j->a_n);
		if (j->timing == REP_PV_MID) {
			mpfr_set_ui_2exp(h.lo, 1, -1, MPFR_RNDD);
			mpfr_set_ui_2exp(h.hi, 1, -1, MPFR_RNDU);
			if ((st = rep_ival_pow(&a, &a, &h)))
				goto out;
			rep_ival_mul(&c, &c, &a);
		}
		rep_ival_add(&c, &c, &b);
	}
	rep_ival_set_q(&a, e->w);
	rep_ival_mul(res, &c, &a);
out:
	rep_ival_clear(&a);
	rep_ival_clear(&b);
	rep_ival_clear(&c);
	rep_ival_clear(&h);
	return st;
}

/* out = w * M, exact when M is rational (returns true in *exact), else
 * correctly rounded to `places` with `mode`. */
static rep_status pv_value(mpq_t out, bool *exact, const pv_job *j, const mpq_t w, int places, rep_round mode,
			   rep_error *err)
{
	mpq_ptr m = j->t[5];
	rep_status st = REP_OK;
	*exact = pv_exact(m, j);
	if (*exact) {
		rep_q_mul(m, m, w);
		if (!(st = check_size(m, err)))
			mpq_set(out, m);
	} else {
		pv_eval e = {j, w};
		st = rep_ival_eval(out, pv_fn, &e, places, mode, err);
	}
	return st;
}

static void put_formula(rep_buf *t, const pv_job *j)
{
	bool level = mpq_sgn(j->g) == 0;
	if (j->timing == REP_PV_CONTINUOUS) {
		if (mpq_sgn(j->net) == 0)
			rep_buf_puts(t, "W x N (net discount rate 0)");
		else
			rep_buf_printf(t, "W x (1 - (1+r)^-N) / ln(1+r), paid continuously, with the net rate r = %s",
				       level ? "d" : "(1+d)/(1+g) - 1 = ");
		if (mpq_sgn(j->net) && !level)
			put_num(t, j->net, 10);
		return;
	}
	const char *mid = j->timing == REP_PV_MID ? " x (1+d)^0.5" : "";
	if (j->n > 0) {
		if (mpq_equal(j->d, j->g))
			rep_buf_printf(t, "W x n / (1+d)%s", mid);
		else if (level)
			rep_buf_printf(t, "W x (1 - (1+d)^-n) / d%s", mid);
		else
			rep_buf_printf(t, "W x (1 - ((1+g)/(1+d))^n) / (d - g)%s", mid);
	}
	if (mpq_sgn(j->f))
		rep_buf_printf(t, "%sf x W x (1+g)^n x (1+d)^-(n+f%s)", j->n > 0 ? " + " : "",
			       j->timing == REP_PV_MID ? "/2" : "");
	if (j->n == 0 && mpq_sgn(j->f) == 0)
		rep_buf_puts(t, "0 (no years)");
	rep_buf_printf(t, ", each year's loss paid at its %s", j->timing == REP_PV_MID ? "middle" : "end");
	if (mpq_sgn(j->f))
		rep_buf_puts(t, " (the last fraction f of a year: f times that year's loss)");
}

/* Undiscounted sum: W (sum_{k<n} (1+g)^k + f (1+g)^n). */
static void nominal_of(mpq_t out, const pv_job *j)
{
	mpq_t s, x;
	mpq_inits(s, x, NULL);
	if (mpq_sgn(j->g) == 0) {
		mpq_set_ui(s, j->n, 1);
	} else {
		mpq_set_ui(x, 1, 1);
		rep_q_sub(s, j->g_n, x);
		rep_q_div(s, s, j->g);
	}
	rep_q_mul(x, j->f, j->g_n);
	rep_q_add(s, s, x);
	rep_q_mul(out, s, j->w);
	mpq_clears(s, x, NULL);
}

static void put_inputs(rep_buf *t, const pv_job *j)
{
	rep_buf_puts(t, "; W = ");
	put_exact(t, j->w);
	rep_buf_puts(t, " (the first year's loss), ");
	if (mpq_sgn(j->g)) {
		rep_buf_puts(t, "g = ");
		put_pct(t, j->g);
		rep_buf_puts(t, ", ");
	}
	rep_buf_puts(t, "d = ");
	put_pct(t, j->d);
	rep_buf_puts(t, ", N = ");
	put_exact(t, j->years);
	if (j->timing != REP_PV_CONTINUOUS && mpq_sgn(j->f)) {
		rep_buf_printf(t, " (n = %lu, f = ", j->n);
		put_exact(t, j->f);
		rep_buf_puts(t, ")");
	} else if (j->timing != REP_PV_CONTINUOUS) {
		rep_buf_printf(t, " (n = %lu)", j->n);
	}
}

/* Shared by rep_tvm_pv and the engine: value, factor and text, and the
 * undiscounted sum into nom_out when it is not NULL. */
static rep_status pv_run(rep_tvm_result *res, mpq_t nom_out, const mpq_t annual, const mpq_t years, const mpq_t rate,
			 const mpq_t growth, rep_pv_timing timing, int places, rep_round mode, rep_error *err)
{
	if (!mode_ok(mode))
		return rep_err(err, REP_EINVAL, NULL, "unknown rounding mode %d", (int)mode);
	if (!annual)
		return rep_err(err, REP_EUSAGE, NULL, "present value: NULL annual amount");
	pv_job j;
	rep_status st = pv_prepare(&j, annual, years, rate, growth, timing, err);
	bool exact = false, fexact = false;
	mpq_t one;
	mpq_init(one);
	mpq_set_ui(one, 1, 1);
	if (!st)
		st = pv_value(res->value, &exact, &j, j.w, places, mode, err);
	if (!st)
		st = pv_value(res->factor, &fexact, &j, one, REP_TVM_FACTOR_PLACES, mode, err);
	if (!st) {
		res->exact = exact;
		rep_buf t = {0};
		mpq_t nom;
		mpq_init(nom);
		nominal_of(nom, &j);
		rep_buf_printf(&t, "present value (%s convention): ", rep_pv_timing_name(timing));
		put_formula(&t, &j);
		put_inputs(&t, &j);
		rep_buf_puts(&t, "; multiplier ");
		put_fixed(&t, res->factor, 6);
		rep_buf_puts(&t, ", present value ");
		put_fixed(&t, res->value, places < 0 ? 0 : places);
		rep_buf_puts(&t, "; undiscounted sum ");
		put_fixed(&t, nom, places < 0 ? 0 : places);
		st = take_text(&res->text, &t, err);
		rep_free(t.data);
		if (nom_out)
			mpq_set(nom_out, nom);
		mpq_clear(nom);
	}
	mpq_clear(one);
	pv_release(&j);
	return st;
}

rep_status rep_tvm_pv(rep_tvm_result *res, const mpq_t annual, const mpq_t years, const mpq_t rate,
		      const mpq_t growth, rep_pv_timing timing, int places, rep_round mode, rep_error *err)
{
	if (!res)
		return rep_err(err, REP_EUSAGE, NULL, "rep_tvm_pv: NULL result");
	reset(res);
	rep_status st = pv_run(res, NULL, annual, years, rate, growth, timing, places, mode, err);
	if (st)
		reset(res);
	return st;
}

rep_status rep_tvm_multiplier(mpq_t out, const mpq_t years, const mpq_t rate, const mpq_t growth,
			      rep_pv_timing timing, int places, rep_round mode, rep_error *err)
{
	if (!out)
		return rep_err(err, REP_EUSAGE, NULL, "rep_tvm_multiplier: NULL out");
	if (!mode_ok(mode))
		return rep_err(err, REP_EINVAL, NULL, "unknown rounding mode %d", (int)mode);
	pv_job j;
	rep_status st = pv_prepare(&j, NULL, years, rate, growth, timing, err);
	mpq_t v;
	mpq_init(v);
	bool exact;
	if (!st)
		st = pv_value(v, &exact, &j, j.w, places, mode, err);
	if (!st) {
		rep_dec_round(out, v, places, mode);
	}
	mpq_clear(v);
	pv_release(&j);
	return st;
}

rep_status rep_tvm_nominal_sum(mpq_t out, const mpq_t annual, const mpq_t years, const mpq_t growth, rep_error *err)
{
	if (!out || !annual)
		return rep_err(err, REP_EUSAGE, NULL, "rep_tvm_nominal_sum: NULL argument");
	pv_job j;
	rep_status st = pv_prepare(&j, annual, years, NULL, growth, REP_PV_END, err);
	if (!st)
		nominal_of(out, &j);
	pv_release(&j);
	return st;
}

/* ---- the engine's present value ---- */

rep_status rep_tvm_pv_value_in(mpq_t out, const rep_case_harm *h, int places, rep_round mode, mpq_ptr scratch,
			       rep_error *err)
{
	if (!out || !h)
		return rep_err(err, REP_EUSAGE, NULL, "rep_tvm_pv_value_in: NULL argument");
	/* the value alone: no factor, no words, no undiscounted sum */
	if (!mode_ok(mode))
		return rep_err(err, REP_EINVAL, NULL, "unknown rounding mode %d", (int)mode);
	pv_job j;
	bool exact;
	rep_status st = pv_prepare_in(&j, scratch, h->annual, h->years, h->discount_rate, h->growth, REP_PV_END, err);
	if (!st)
		st = pv_value(out, &exact, &j, j.w, places, mode, err);
	pv_release(&j);
	return st;
}

rep_status rep_tvm_pv_from_harm(mpq_t out, rep_tvm_pv_trace *trace, const rep_case_harm *h, int places,
				rep_round mode, rep_arena *arena, rep_error *err)
{
	if (!out || !h || (trace && !arena))
		return rep_err(err, REP_EUSAGE, NULL, "rep_tvm_pv_from_harm: NULL argument");
	if (!trace)
		return rep_tvm_pv_value_in(out, h, places, mode, NULL, err);
	trace->formula = trace->nominal = trace->method = NULL;
	rep_tvm_result r;
	rep_tvm_result_init(&r);
	mpq_t nom;
	mpq_init(nom);
	/* the undiscounted sum of the same job: growth and years alike, the rate unused */
	rep_status st = pv_run(&r, nom, h->annual, h->years, h->discount_rate, h->growth, REP_PV_END, places, mode, err);
	if (!st) {
		rep_buf m = {0};
		if (mpq_sgn(h->discount_rate) == 0 && mpq_sgn(h->growth) == 0) {
			rep_buf_puts(&m, "not discounted (discount rate 0)");
		} else {
			rep_buf_puts(&m, "present value, end-of-year convention, discount rate ");
			put_pct(&m, h->discount_rate);
			rep_buf_puts(&m, ", growth ");
			put_pct(&m, h->growth);
		}
		char buf[160];
		char *nomtext = NULL;
		if (rep_dec_format_buf(buf, sizeof buf, nom, places, mode) == REP_OK)
			nomtext = rep_arena_strdup(arena, buf);
		trace->formula = rep_arena_strdup(arena, r.text);
		trace->nominal = nomtext;
		trace->method = m.failed || !m.data ? NULL : rep_arena_strdup(arena, m.data);
		if (!trace->formula || !trace->nominal || !trace->method)
			st = rep_err(err, REP_ENOMEM, NULL, "out of memory");
		else
			mpq_set(out, r.value);
		rep_free(m.data);
	}
	mpq_clear(nom);
	rep_tvm_result_clear(&r);
	return st;
}

/* ---- monthly annuity of equal present value ---- */

typedef struct pay_eval {
	mpq_srcptr pv, rate, years;
} pay_eval;

/* P = PV (x - 1) / (1 - (1+r)^-N) with x = (1+r)^(1/12), written as
 * PV expm1(L/12) / -expm1(-N L), L = ln(1+r), so tiny rates keep their
 * precision. */
static rep_status pay_fn(rep_ival *res, mpfr_prec_t prec, void *vctx)
{
	const pay_eval *e = vctx;
	rep_ival l, a, b;
	rep_ival_init(&l, prec);
	rep_ival_init(&a, prec);
	rep_ival_init(&b, prec);
	rep_ival_set_q(&l, e->rate);
	rep_status st = rep_ival_log1p(&l, &l);
	if (!st) {
		mpq_t k;
		mpq_init(k);
		mpq_set_ui(k, 1, 12);
		rep_ival_set_q(&a, k);
		mpq_clear(k);
		rep_ival_mul(&a, &a, &l);
		ival_expm1(&a, &a);
		rep_ival_set_q(&b, e->years);
		rep_ival_mul(&b, &b, &l);
		rep_ival_neg(&b, &b);
		ival_expm1(&b, &b);
		rep_ival_neg(&b, &b);
		st = rep_ival_div(&a, &a, &b);
	}
	if (!st) {
		rep_ival_set_q(&b, e->pv);
		rep_ival_mul(res, &a, &b);
	}
	rep_ival_clear(&l);
	rep_ival_clear(&a);
	rep_ival_clear(&b);
	return st;
}

/* PV i / (1 - (1+i)^-m), exactly, for a monthly rate i != 0. */
static void pay_exact(mpq_t out, const mpq_t pv, const mpq_t i, unsigned long m)
{
	mpq_t x, one;
	mpq_inits(x, one, NULL);
	mpq_set_ui(one, 1, 1);
	rep_q_add(x, one, i);
	q_pow_ui(x, x, m);
	mpq_inv(x, x);
	rep_q_sub(x, one, x);
	rep_q_mul(out, pv, i);
	rep_q_div(out, out, x);
	mpq_clears(x, one, NULL);
}

rep_status rep_tvm_monthly_payment(mpq_t out, const mpq_t pv, const mpq_t years, const mpq_t rate,
				   rep_annuity_rate conv, int places, rep_round mode, rep_error *err)
{
	if (!out || !pv || !years || !rate)
		return rep_err(err, REP_EUSAGE, NULL, "rep_tvm_monthly_payment: NULL argument");
	rep_status bst;
	if ((bst = rep_dec_check_input(pv, "present value", err)) || (bst = rep_dec_check_input(years, "years", err)) ||
	    (bst = rep_dec_check_input(rate, "rate", err)))
		return bst;
	if (!mode_ok(mode))
		return rep_err(err, REP_EINVAL, NULL, "unknown rounding mode %d", (int)mode);
	if ((unsigned)conv > (unsigned)REP_ANNUITY_NOMINAL_MONTHLY)
		return rep_err(err, REP_EINVAL, NULL, "unknown annuity rate convention %d", (int)conv);
	if (mpq_cmp_si(rate, -1, 1) <= 0)
		return rep_err(err, REP_EINVAL, NULL, "the rate must be greater than -1 (a fraction, 0.05 = 5 %%)");
	mpq_t m, v, i;
	mpq_inits(m, v, i, NULL);
	rep_status st = REP_OK;
	mpq_set_ui(m, 12, 1);
	rep_q_mul(m, m, years);
	if (mpz_cmp_ui(mpq_denref(m), 1) != 0 || mpq_sgn(m) <= 0 || mpq_cmp_ui(m, TVM_MAX_MONTHS, 1) > 0) {
		st = rep_err(err, REP_EINVAL, NULL, "the term must be a whole number of months, 1 to %d",
			     TVM_MAX_MONTHS);
		goto out;
	}
	unsigned long months = mpz_get_ui(mpq_numref(m));
	if (mpq_sgn(rate) == 0) {
		rep_q_div(v, pv, m);
	} else if (conv == REP_ANNUITY_NOMINAL_MONTHLY) {
		mpq_set_ui(i, 1, 12);
		rep_q_mul(i, i, rate);
		pay_exact(v, pv, i, months);
	} else {
		mpq_t one, k;
		mpq_inits(one, k, NULL);
		mpq_set_ui(k, 1, 12);
		mpq_set_ui(one, 1, 1);
		rep_q_add(one, one, rate);
		/* a perfect 12th power gives a rational monthly rate: keep it exact */
		bool ex = q_pow_rational(i, one, k);
		if (ex) {
			mpq_set_ui(k, 1, 1);
			rep_q_sub(i, i, k);
			pay_exact(v, pv, i, months);
		} else {
			pay_eval e = {pv, rate, years};
			st = rep_ival_eval(v, pay_fn, &e, places, mode, err);
		}
		mpq_clears(one, k, NULL);
	}
	if (!st && !(st = check_size(v, err)))
		rep_dec_round(out, v, places, mode);
out:
	mpq_clears(m, v, i, NULL);
	return st;
}
