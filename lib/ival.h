/* Internal: MPFR intervals for correctly rounded transcendental results.
 *
 * An interval [lo, hi] always contains the exact value: every operation
 * rounds lo down and hi up, so error never leaks out of the bounds. A
 * caller describes a formula as a function that evaluates it on intervals
 * at a given precision; rep_ival_eval runs Ziv's strategy on it, raising
 * the precision until both ends round to the same decimal, which is then
 * the correctly rounded result. Not installed. */
#ifndef REP_IVAL_H
#define REP_IVAL_H

#include <stdbool.h>
#include <gmp.h>
#include <mpfr.h>
#include "reparations/money.h"

typedef struct rep_ival {
	mpfr_t lo, hi;
} rep_ival;

/* Precision schedule of rep_ival_eval: start, doubling up to the cap. */
#define REP_IVAL_PREC_START 128
#define REP_IVAL_PREC_MAX 16384

void rep_ival_init(rep_ival *x, mpfr_prec_t prec);
void rep_ival_clear(rep_ival *x);

/* x = [q, q] with the ends rounded outward (exact when q is dyadic and fits). */
void rep_ival_set_q(rep_ival *x, const mpq_t q);
void rep_ival_set(rep_ival *r, const rep_ival *a);

/* r = a op b. r may alias a or b. Results take r's precision. */
void rep_ival_add(rep_ival *r, const rep_ival *a, const rep_ival *b);
void rep_ival_sub(rep_ival *r, const rep_ival *a, const rep_ival *b);
void rep_ival_mul(rep_ival *r, const rep_ival *a, const rep_ival *b);
void rep_ival_neg(rep_ival *r, const rep_ival *a);
/* REP_EINVAL when b contains 0 (r is then left unchanged). */
rep_status rep_ival_div(rep_ival *r, const rep_ival *a, const rep_ival *b);

/* r = x^y for x > 0 (REP_EINVAL when x.lo <= 0). */
rep_status rep_ival_pow(rep_ival *r, const rep_ival *x, const rep_ival *y);
/* r = ln x for x > 0 (REP_EINVAL when x.lo <= 0). */
rep_status rep_ival_log(rep_ival *r, const rep_ival *x);
/* r = ln(1 + x) for x > -1 (REP_EINVAL otherwise); accurate for tiny x. */
rep_status rep_ival_log1p(rep_ival *r, const rep_ival *x);
void rep_ival_exp(rep_ival *r, const rep_ival *x);

/* Evaluates a formula on intervals at `prec` bits into res (initialised by
 * the caller at prec). A non-OK status aborts the evaluation. */
typedef rep_status (*rep_ival_fn)(rep_ival *res, mpfr_prec_t prec, void *ctx);

/* Answers whether the exact value of the formula equals `candidate`.
 * Called only when an interval stays split across a rounding boundary
 * (a decimal grid point or a midpoint), which is where Ziv's loop cannot
 * terminate on its own: an algebraic value can sit exactly on it. */
typedef bool (*rep_ival_exact_fn)(void *ctx, const mpq_t candidate);

/* out = the value of fn rounded to `places` decimals with `mode`, correctly.
 * REP_ERANGE when the value is not finite or beyond 1e60 in magnitude;
 * REP_EPRECISION when REP_IVAL_PREC_MAX bits did not decide the rounding;
 * fn's own status when it fails. out is unchanged on error. */
rep_status rep_ival_eval(mpq_t out, rep_ival_fn fn, void *ctx, int places, rep_round mode,
			 rep_error *err);
/* The same, consulting `exact` (may be NULL) for values that lie exactly on
 * a rounding boundary. */
rep_status rep_ival_eval_exact(mpq_t out, rep_ival_fn fn, rep_ival_exact_fn exact, void *ctx,
			       int places, rep_round mode, rep_error *err);

#endif
