/* MPFR interval arithmetic and the Ziv loop behind correctly rounded
 * transcendental money results. */
#include <string.h>

#include "internal.h"
#include "ival.h"

/* Magnitudes handled exactly by rep_ival_eval. Beyond 2^210 (> 1.6e63) a
 * value rounds to more than 1e60 whatever the mode; below 2^-256 (< 1e-77)
 * every non-zero value of one sign rounds alike at <= 60 places, so such a
 * value is replaced by +-2^-256 instead of becoming an enormous rational. */
#define IVAL_HUGE_EXP 211
#define IVAL_TINY_EXP (-255)

void rep_ival_init(rep_ival *x, mpfr_prec_t prec)
{
	mpfr_init2(x->lo, prec);
	mpfr_init2(x->hi, prec);
}

void rep_ival_clear(rep_ival *x)
{
	mpfr_clear(x->lo);
	mpfr_clear(x->hi);
}

void rep_ival_set_q(rep_ival *x, const mpq_t q)
{
	mpfr_set_q(x->lo, q, MPFR_RNDD);
	mpfr_set_q(x->hi, q, MPFR_RNDU);
}

void rep_ival_set(rep_ival *r, const rep_ival *a)
{
	mpfr_set(r->lo, a->lo, MPFR_RNDD);
	mpfr_set(r->hi, a->hi, MPFR_RNDU);
}

/* Temporaries take r's precision so a result is never computed coarser
 * than its destination and then widened. */
static void tmp_init(rep_ival *t, const rep_ival *r)
{
	mpfr_prec_t p = mpfr_get_prec(r->lo);
	if (mpfr_get_prec(r->hi) > p)
		p = mpfr_get_prec(r->hi);
	rep_ival_init(t, p);
}

static void commit(rep_ival *r, rep_ival *t)
{
	mpfr_swap(r->lo, t->lo);
	mpfr_swap(r->hi, t->hi);
	rep_ival_clear(t);
}

void rep_ival_add(rep_ival *r, const rep_ival *a, const rep_ival *b)
{
	rep_ival t;
	tmp_init(&t, r);
	mpfr_add(t.lo, a->lo, b->lo, MPFR_RNDD);
	mpfr_add(t.hi, a->hi, b->hi, MPFR_RNDU);
	commit(r, &t);
}

void rep_ival_sub(rep_ival *r, const rep_ival *a, const rep_ival *b)
{
	rep_ival t;
	tmp_init(&t, r);
	mpfr_sub(t.lo, a->lo, b->hi, MPFR_RNDD);
	mpfr_sub(t.hi, a->hi, b->lo, MPFR_RNDU);
	commit(r, &t);
}

void rep_ival_neg(rep_ival *r, const rep_ival *a)
{
	rep_ival t;
	tmp_init(&t, r);
	mpfr_neg(t.lo, a->hi, MPFR_RNDD);
	mpfr_neg(t.hi, a->lo, MPFR_RNDU);
	commit(r, &t);
}

typedef int (*corner_op)(mpfr_ptr, mpfr_srcptr, mpfr_srcptr, mpfr_rnd_t);

/* For an operation monotone in each argument on the region, the extremes
 * lie at the four corners: lo is the least down-rounded corner, hi the
 * greatest up-rounded one. */
static void corners(rep_ival *r, const rep_ival *a, const rep_ival *b, corner_op op)
{
	rep_ival t;
	mpfr_t c;
	tmp_init(&t, r);
	mpfr_init2(c, mpfr_get_prec(t.lo));
	mpfr_srcptr as[2] = {a->lo, a->hi};
	mpfr_srcptr bs[2] = {b->lo, b->hi};
	/* A point argument (an exact input, the usual case for a rate or an
	 * exponent) has only one distinct corner on its side. */
	bool a_point = mpfr_equal_p(a->lo, a->hi), b_point = mpfr_equal_p(b->lo, b->hi);
	for (int i = 0; i < 4; i++) {
		if (((i >> 1) && a_point) || ((i & 1) && b_point))
			continue;
		op(c, as[i >> 1], bs[i & 1], MPFR_RNDD);
		if (i == 0 || mpfr_less_p(c, t.lo))
			mpfr_set(t.lo, c, MPFR_RNDD);
		op(c, as[i >> 1], bs[i & 1], MPFR_RNDU);
		if (i == 0 || mpfr_greater_p(c, t.hi))
			mpfr_set(t.hi, c, MPFR_RNDU);
	}
	mpfr_clear(c);
	commit(r, &t);
}

void rep_ival_mul(rep_ival *r, const rep_ival *a, const rep_ival *b)
{
	corners(r, a, b, mpfr_mul);
}

rep_status rep_ival_div(rep_ival *r, const rep_ival *a, const rep_ival *b)
{
	if (mpfr_sgn(b->lo) <= 0 && mpfr_sgn(b->hi) >= 0)
		return REP_EINVAL;
	corners(r, a, b, mpfr_div);
	return REP_OK;
}

/* x^y with x > 0 is monotone in x for fixed y and in y for fixed x. */
rep_status rep_ival_pow(rep_ival *r, const rep_ival *x, const rep_ival *y)
{
	if (!(mpfr_sgn(x->lo) > 0))
		return REP_EINVAL;
	corners(r, x, y, mpfr_pow);
	return REP_OK;
}

rep_status rep_ival_log(rep_ival *r, const rep_ival *x)
{
	if (!(mpfr_sgn(x->lo) > 0))
		return REP_EINVAL;
	rep_ival t;
	tmp_init(&t, r);
	mpfr_log(t.lo, x->lo, MPFR_RNDD);
	mpfr_log(t.hi, x->hi, MPFR_RNDU);
	commit(r, &t);
	return REP_OK;
}

rep_status rep_ival_log1p(rep_ival *r, const rep_ival *x)
{
	if (!(mpfr_cmp_si(x->lo, -1) > 0))
		return REP_EINVAL;
	rep_ival t;
	tmp_init(&t, r);
	mpfr_log1p(t.lo, x->lo, MPFR_RNDD);
	mpfr_log1p(t.hi, x->hi, MPFR_RNDU);
	commit(r, &t);
	return REP_OK;
}

void rep_ival_exp(rep_ival *r, const rep_ival *x)
{
	rep_ival t;
	tmp_init(&t, r);
	mpfr_exp(t.lo, x->lo, MPFR_RNDD);
	mpfr_exp(t.hi, x->hi, MPFR_RNDU);
	commit(r, &t);
}

static bool is_huge(mpfr_srcptr v)
{
	return !mpfr_zero_p(v) && mpfr_get_exp(v) > IVAL_HUGE_EXP;
}

/* Exact rational of v, with tiny magnitudes replaced (see IVAL_TINY_EXP). */
static void get_q(mpq_t q, mpfr_srcptr v)
{
	if (!mpfr_zero_p(v) && mpfr_get_exp(v) < IVAL_TINY_EXP) {
		mpq_set_si(q, mpfr_sgn(v), 1);
		mpq_div_2exp(q, q, 256);
		return;
	}
	mpfr_get_q(q, v);
}

static bool q_beyond_1e60(const mpq_t q)
{
	mpz_t lim, a;
	mpz_inits(lim, a, NULL);
	mpz_ui_pow_ui(lim, 10, 60);
	mpz_mul(lim, lim, mpq_denref(q));
	mpz_abs(a, mpq_numref(q));
	bool beyond = mpz_cmp(a, lim) > 0;
	mpz_clears(lim, a, NULL);
	return beyond;
}

static int clamp_places(int places)
{
	return places < -30 ? -30 : places > 60 ? 60 : places;
}

/* When a and b (the roundings of lo and hi) are neighbours, the exact value
 * can only be stuck on the boundary between them: a, b or their midpoint. */
static bool try_exact(mpq_t out, const rep_ival *v, const mpq_t a, const mpq_t b, int places,
		      rep_round mode, rep_ival_exact_fn exact, void *ctx)
{
	mpq_t unit, t;
	bool found = false;
	mpq_inits(unit, t, NULL);
	mpz_ui_pow_ui(mpq_denref(unit), 10, (unsigned long)(places > 0 ? places : 0));
	mpz_ui_pow_ui(mpq_numref(unit), 10, (unsigned long)(places < 0 ? -places : 0));
	mpq_canonicalize(unit);
	mpq_sub(t, b, a);
	if (mpq_equal(t, unit)) {
		for (int i = 0; i < 3 && !found; i++) {
			if (i == 0)
				mpq_set(t, a);
			else if (i == 1)
				mpq_set(t, b);
			else {
				mpq_add(t, a, b);
				mpq_div_2exp(t, t, 1);
			}
			if (mpfr_cmp_q(v->lo, t) > 0 || mpfr_cmp_q(v->hi, t) < 0)
				continue;
			if (exact(ctx, t)) {
				rep_dec_round(out, t, places, mode);
				found = true;
			}
		}
	}
	mpq_clears(unit, t, NULL);
	return found;
}

rep_status rep_ival_eval_exact(mpq_t out, rep_ival_fn fn, rep_ival_exact_fn exact, void *ctx,
			       int places, rep_round mode, rep_error *err)
{
	rep_status st = REP_OK;
	mpq_t a, b, tried, hit;
	bool have_tried = false, done = false;

	if (!out || !fn)
		return rep_err(err, REP_EUSAGE, NULL, "rep_ival_eval: NULL argument");
	places = clamp_places(places);
	mpq_inits(a, b, tried, hit, NULL);
	for (mpfr_prec_t prec = REP_IVAL_PREC_START; prec <= REP_IVAL_PREC_MAX && !done && !st; prec *= 2) {
		rep_ival v;
		rep_ival_init(&v, prec);
		st = fn(&v, prec, ctx);
		if (st) {
			rep_err(err, st, NULL, "interval evaluation failed: %s", rep_strerror(st));
		} else if (!mpfr_number_p(v.lo) || !mpfr_number_p(v.hi)) {
			st = rep_err(err, REP_ERANGE, NULL, "result is not a finite number");
		} else if (mpfr_greater_p(v.lo, v.hi)) {
			st = rep_err(err, REP_EINVAL, NULL, "interval evaluation gave an empty interval");
		} else if ((is_huge(v.lo) && mpfr_sgn(v.lo) > 0) || (is_huge(v.hi) && mpfr_sgn(v.hi) < 0)) {
			st = rep_err(err, REP_ERANGE, NULL, "result is beyond 1e60 in magnitude");
		} else if (!is_huge(v.lo) && !is_huge(v.hi)) {
			/* A huge end with the other one modest means the interval is
			 * still wide: skip straight to more precision. */
			get_q(a, v.lo);
			get_q(b, v.hi);
			rep_dec_round(a, a, places, mode);
			rep_dec_round(b, b, places, mode);
			if (mpq_equal(a, b)) {
				done = true;
			} else if (exact && !(have_tried && mpq_equal(a, tried))) {
				/* The candidates depend only on a (b is its neighbour), so
				 * each boundary is checked once however often the loop
				 * comes back to it. */
				mpq_set(tried, a);
				have_tried = true;
				done = try_exact(hit, &v, a, b, places, mode, exact, ctx);
				if (done)
					mpq_set(a, hit);
			}
		}
		rep_ival_clear(&v);
	}
	if (!st && !done)
		st = rep_err(err, REP_EPRECISION, NULL,
			     "rounding to %d places could not be decided within %d bits", places,
			     REP_IVAL_PREC_MAX);
	if (!st && q_beyond_1e60(a))
		st = rep_err(err, REP_ERANGE, NULL, "result is beyond 1e60 in magnitude");
	if (!st)
		mpq_set(out, a);
	mpq_clears(a, b, tried, hit, NULL);
	/* MPFR caches constants such as log 2 per thread and frees them only on
	 * request: a caller's worker thread would leak them at exit. Transcendental
	 * steps are rare enough (a present value per estimate) to recompute them. */
	mpfr_free_cache2(MPFR_FREE_LOCAL_CACHE);
	return st;
}

rep_status rep_ival_eval(mpq_t out, rep_ival_fn fn, void *ctx, int places, rep_round mode, rep_error *err)
{
	return rep_ival_eval_exact(out, fn, NULL, ctx, places, mode, err);
}
