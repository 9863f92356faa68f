/* reparations: time value of money.
 *
 * Three calculators, usable by schemes and directly (docs/time-value.md has
 * the formulas, the conventions and the published check values):
 *  - indexation of a past amount to a later date: by a CPI series (chained
 *    annual December/December rates, linear within a year by days), by the
 *    ratio of an index unit (MCI) or of the average wage;
 *  - interest between two dates: simple or compounded at each 31 December,
 *    at a fixed rate or a dated rate series plus a margin, split at every
 *    rate change and every year end, on an act/365, act/act or 30/360 basis,
 *    optionally after a grace period;
 *  - present value of a level or growing annual loss (end-of-year,
 *    mid-year or continuous payment) and the monthly annuity of equal
 *    present value.
 *
 * Rates are fractions everywhere in this API (0.05 is 5 %); series of rates
 * are in percent, as published. Results are exact rationals where the
 * formula is rational; otherwise the exact mathematical value is rounded
 * once, correctly, to the requested places with the requested mode (MPFR
 * intervals with Ziv's strategy), so every machine prints the same digits.
 * Nothing passes through binary floating point.
 *
 * All functions are reentrant; a context is only read. */
#ifndef REPARATIONS_TVM_H
#define REPARATIONS_TVM_H

#include <stddef.h>
#include <stdint.h>
#include <gmp.h>
#include "status.h"
#include "dates.h"
#include "money.h"
#include "context.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- results ---- */

/* A reference value a calculation used. Strings are copies owned by the
 * result that holds the point. */
typedef struct rep_tvm_point {
	char *series;     /* "KZ.CPI_DEC" */
	rep_date date;    /* the date the value was asked for */
	rep_date from;    /* the point's effective-from date */
	char *value;      /* decimal text as stored */
	char *confidence; /* "verified", "secondary" or "unverified" */
	char *source;
} rep_tvm_point;

/* One interest period [start, end) at one rate on one balance. */
typedef struct rep_tvm_period {
	rep_date start, end; /* start inclusive, end exclusive */
	int32_t days;        /* days counted on the basis (30/360 days for 30/360) */
	int32_t year_days;   /* 365, 366 (act/act in a leap year) or 360 */
	mpq_t rate;          /* annual rate as a fraction, margin included */
	mpq_t principal;     /* the balance the interest runs on */
	mpq_t interest;      /* principal * rate * days / year_days, exact */
} rep_tvm_period;

/* What a calculation returns. Initialise once with rep_tvm_result_init;
 * every calculation replaces the previous content (so one result can be
 * reused in a loop); release with rep_tvm_result_clear. On error a result
 * is left empty (value 0, no text, no points, no periods). */
typedef struct rep_tvm_result {
	mpq_t value;              /* indexed amount, interest or present value */
	mpq_t factor;             /* index factor, interest / amount, or PV multiplier */
	int exact;                /* 1: value and factor are the exact values of the formula;
				     0: value is correctly rounded to the requested places, and
				     factor to REP_TVM_FACTOR_PLACES, both with the requested mode */
	char *text;               /* the calculation in words, with its inputs and points */
	rep_tvm_point *points;    /* series points used, in the order first used, no repeats */
	size_t n_points;
	rep_tvm_period *periods;  /* interest periods (interest only) */
	size_t n_periods;
	size_t cap_points_, cap_periods_; /* private */
} rep_tvm_result;

#define REP_TVM_FACTOR_PLACES 12

REP_API void rep_tvm_result_init(rep_tvm_result *res);
/* Frees everything the result owns; NULL is a no-op. Init it again to reuse. */
REP_API void rep_tvm_result_clear(rep_tvm_result *res);

/* ---- indexation ---- */

typedef enum rep_index_kind {
	REP_INDEX_RATIO = 0,       /* amount * S(to) / S(from): a level series (MCI, wages, a CPI index) */
	REP_INDEX_ANNUAL_RATES = 1 /* annual rates in percent, one point per year dated YYYY-01-01
				      (KZ.CPI_DEC): chained, linear within a year by days */
} rep_index_kind;

/* res->value = amount brought from `from` to `to` with `series` (any
 * series of the context, built-in or loaded); res->factor the exact
 * factor. `to` may precede `from` (the factor is then below 1 for
 * inflation). A date outside the series is REP_ENODATA (nothing is
 * extrapolated); an unknown series REP_ENOTFOUND; a non-positive level or a
 * rate of -100 % or less REP_EINVAL. Always exact. */
REP_API rep_status rep_tvm_index_series(rep_tvm_result *res, const rep_context *ctx, const char *series,
					rep_index_kind kind, const mpq_t amount, rep_date from, rep_date to,
					rep_error *err);

/* The same by method name:
 *   "nominal"  factor 1;
 *   "cpi"      the ratio of KZ.CPI_INDEX when the context has that series
 *              (a monthly CPI index a user loaded), else KZ.CPI_DEC chained;
 *   "mci"      KZ.MCI ratio;  "wage"  KZ.AVG_WAGE ratio.
 * REP_EINVAL for another name. */
REP_API rep_status rep_tvm_index_by(rep_tvm_result *res, const rep_context *ctx, const char *method,
				    const mpq_t amount, rep_date from, rep_date to, rep_error *err);

/* ---- interest ---- */

typedef enum rep_day_basis {
	REP_BASIS_ACT365 = 0, /* actual days / 365 */
	REP_BASIS_ACTACT = 1, /* actual days / 365 or 366, by the year the days are in */
	REP_BASIS_30360 = 2   /* 30/360 bond basis (ISDA 2006 4.16(f)) / 360 */
} rep_day_basis;

/* "act365", "actact", "30360"; "unknown" for another value. */
REP_API const char *rep_day_basis_name(rep_day_basis basis);
/* REP_EINVAL for an unknown name, REP_EUSAGE for NULL. */
REP_API rep_status rep_day_basis_parse(rep_day_basis *out, const char *name);

typedef struct rep_interest_opts {
	mpq_srcptr rate;     /* fixed annual rate as a fraction (0.054), or NULL to use `series` */
	const char *series;  /* a rate series in percent per year ("ECB.MLF"), or NULL */
	mpq_srcptr margin;   /* fraction added to the rate each period (0.03); NULL: none */
	rep_day_basis basis;
	int compound;        /* 0: simple; 1: interest of each calendar year is added to the
				balance at 31 December and bears interest from 1 January */
	int grace_months;    /* 0..1200: interest runs from `from` + this many calendar months
				(day clamped to the month's end) */
} rep_interest_opts;

/* res->value = interest on `amount` for the days from `from` (inclusive,
 * moved by the grace period) to `to` (exclusive), exact; res->periods the
 * periods, split at every 1 January and, for a series, at every point. The
 * rate of a period is the series value in force on its first day, divided by
 * 100, plus the margin. Exactly one of rate and series must be set; ctx
 * may be NULL with a fixed rate. A start on or after `to` gives 0 and no
 * periods. REP_ENODATA when the series does not cover every day (the
 * message names the series, the date and its range); REP_ENOTFOUND for an
 * unknown series; REP_EINVAL for `to` before `from`, a series whose unit is
 * not a percentage, or bad options; REP_ERANGE for a date outside
 * 1900..2199. Always exact (res->exact = 1); res->factor = interest / amount. */
REP_API rep_status rep_tvm_interest(rep_tvm_result *res, const rep_context *ctx, const mpq_t amount, rep_date from,
				    rep_date to, const rep_interest_opts *opts, rep_error *err);

/* ---- present value ---- */

typedef enum rep_pv_timing {
	REP_PV_END = 0,       /* each year's loss paid at the end of the year */
	REP_PV_MID = 1,       /* paid in the middle of the year */
	REP_PV_CONTINUOUS = 2 /* paid continuously (Ogden tables) */
} rep_pv_timing;

/* "end", "mid", "continuous"; "unknown" for another value. */
REP_API const char *rep_pv_timing_name(rep_pv_timing timing);
REP_API rep_status rep_pv_timing_parse(rep_pv_timing *out, const char *name);

#define REP_TVM_MAX_YEARS 1000

/* Present value of a loss of `annual` in the first year, growing by
 * `growth` a year, for `years` years (0..REP_TVM_MAX_YEARS, fractional
 * allowed: the last fraction f of a year is a loss of f times that year's
 * amount, paid at its end or middle), discounted at `rate`. Rate and
 * growth are fractions above -1 (negative allowed; NULL is 0); rate ==
 * growth is handled. Continuous: annual * (1 - (1+r)^-N) / ln(1+r) with
 * the net rate r = (1+rate)/(1+growth) - 1, or annual * N when r = 0.
 * res->value is the present value and res->factor the multiplier (the
 * value for an annual loss of 1). Exact when rational (end-of-year with a
 * whole number of years, for instance); otherwise value is correctly
 * rounded to `places` with `mode`. res->text gives the formula with its
 * inputs and the undiscounted sum. */
REP_API rep_status rep_tvm_pv(rep_tvm_result *res, const mpq_t annual, const mpq_t years, const mpq_t rate,
			      const mpq_t growth, rep_pv_timing timing, int places, rep_round mode, rep_error *err);

/* out = the multiplier alone (the present value of 1 a year), correctly
 * rounded to `places` with `mode`. Continuous at growth 0 is the Ogden
 * term-certain multiplier (Table 36). */
REP_API rep_status rep_tvm_multiplier(mpq_t out, const mpq_t years, const mpq_t rate, const mpq_t growth,
				      rep_pv_timing timing, int places, rep_round mode, rep_error *err);

/* out = the undiscounted sum of the same stream: annual * sum of
 * (1+growth)^(k-1) over the whole years, plus f times the next year's
 * amount. Exact. */
REP_API rep_status rep_tvm_nominal_sum(mpq_t out, const mpq_t annual, const mpq_t years, const mpq_t growth,
				       rep_error *err);

/* How an annual rate turns into a monthly one for an annuity. */
typedef enum rep_annuity_rate {
	REP_ANNUITY_EFFECTIVE_ANNUAL = 0, /* (1+rate)^(1/12) - 1 a month: the default, consistent
					     with the annual discounting of rep_tvm_pv */
	REP_ANNUITY_NOMINAL_MONTHLY = 1   /* rate / 12 a month (a mortgage-style nominal rate) */
} rep_annuity_rate;

/* "effective_annual", "nominal_monthly"; "unknown" for another value. */
REP_API const char *rep_annuity_rate_name(rep_annuity_rate conv);
REP_API rep_status rep_annuity_rate_parse(rep_annuity_rate *out, const char *name);

/* out = the level monthly payment, made at the end of each month for
 * `years` years (12 * years must be a whole number of months, 1..12000),
 * whose present value at `rate` (a fraction above -1) is `pv`: the Texas
 * annuity option. Correctly rounded to `places` with `mode`. */
REP_API rep_status rep_tvm_monthly_payment(mpq_t out, const mpq_t pv, const mpq_t years, const mpq_t rate,
					   rep_annuity_rate conv, int places, rep_round mode, rep_error *err);

#ifdef __cplusplus
}
#endif
#endif
