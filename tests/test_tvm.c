/* Unit tests for the time-value module: interest across a rate change and
 * across 31 December of a leap year, on every day basis, simple and
 * compound; the ECtHR default-interest example; CPI chaining over three
 * years; MCI ratios; growing annuities; the Ogden Table 36 multipliers;
 * negative and zero rates; r == g; fractional years; the Texas monthly
 * annuity; errors for dates outside a series. Every expected value is
 * worked by hand in the comment above it (exact fractions where the
 * formula is rational). Amounts are compared as strings. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "reparations.h"
#include "tvm.h"

/* ---- helpers ---- */

static void Q(mpq_t out, const char *s)
{
	if (rep_dec_parse(out, s, NULL) != REP_OK)
		fail_msg("test decimal %s", s);
}

static rep_date D(const char *s)
{
	rep_date d = REP_DATE_NONE;
	if (rep_date_parse(&d, s, NULL) != REP_OK)
		fail_msg("test date %s", s);
	return d;
}

/* x rounded half-up to `places`, as text. */
static void check_dec(const mpq_t x, int places, const char *want)
{
	char buf[256];
	assert_int_equal(REP_OK, rep_dec_format_buf(buf, sizeof buf, x, places, REP_ROUND_HALF_UP));
	assert_string_equal(want, buf);
}

static void check_q(const mpq_t x, const char *fraction)
{
	mpq_t w;
	mpq_init(w);
	assert_int_equal(0, mpq_set_str(w, fraction, 10));
	mpq_canonicalize(w);
	if (!mpq_equal(w, x)) {
		char *got = mpq_get_str(NULL, 10, x);
		fail_msg("want %s, got %s", fraction, got);
	}
	mpq_clear(w);
}

static rep_context *new_ctx(void)
{
	rep_context *ctx = NULL;
	rep_error err;
	if (rep_context_new(&ctx, &err) != REP_OK)
		fail_msg("context: %s", err.message);
	return ctx;
}

static void load(rep_context *ctx, const char *csv)
{
	rep_error err;
	if (rep_context_load_series(ctx, csv, strlen(csv), "csv", &err) != REP_OK)
		fail_msg("load: %s", err.message);
}

/* A test rate series: 4 % from 2023, 6 % from 1 July 2024. */
static const char rate_csv[] = "# id: TEST.RATE\n"
			       "# name: test rate\n"
			       "# unit: percent per year\n"
			       "# until: 2025-12-31\n"
			       "from,value,confidence,source\n"
			       "2023-01-01,4.00,verified,test\n"
			       "2024-07-01,6.00,verified,test\n";

static void interest(rep_tvm_result *r, rep_context *ctx, const char *amount, const char *from, const char *to,
		     const rep_interest_opts *o, rep_status want)
{
	mpq_t a;
	mpq_init(a);
	Q(a, amount);
	rep_error err;
	rep_error_clear(&err);
	rep_status st = rep_tvm_interest(r, ctx, a, D(from), D(to), o, &err);
	if (st != want)
		fail_msg("interest %s..%s: status %d (%s), want %d", from, to, st, err.message, want);
	mpq_clear(a);
}

/* ---- interest ---- */

/* 10,000 from 2024-05-01 to 2025-03-01 on TEST.RATE: three periods, split
 * at the rate change (2024-07-01) and at 31 December 2024 (a leap year).
 *   [2024-05-01, 2024-07-01)  61 days (May 31 + June 30) at 4 %
 *   [2024-07-01, 2025-01-01) 184 days (31+31+30+31+30+31) at 6 %
 *   [2025-01-01, 2025-03-01)  59 days (31 + 28) at 6 %
 * act/act: 400 x 61/366 + 600 x 184/366 + 600 x 59/365
 *        = 200/3 + 110400/366 + 35400/365 = 66.6667 + 301.6393 + 96.9863
 *        = 6215840/13359 = 465.292312... -> 465.29
 * act/365: (400 x 61 + 600 x 184 + 600 x 59)/365 = 170200/365 = 34040/73 = 466.30
 * 30/360:  60, 180 and 60 days: 400 x 60/360 + 600 x 180/360 + 600 x 60/360
 *        = 66.6667 + 300 + 100 = 1400/3 = 466.67
 * compound (act/act): the 2024 interest 200/3 + 110400/366 = 368.306011 joins
 *   the balance on 1 January: 10368.306011 x 0.06 x 59/365 = 100.558365;
 *   total 368.306011 + 100.558365 = 468.864376 -> 468.86 */
static void t_interest_rate_change_leap(void **state)
{
	(void)state;
	rep_context *ctx = new_ctx();
	load(ctx, rate_csv);
	rep_tvm_result r;
	rep_tvm_result_init(&r);
	rep_interest_opts o = {.series = "TEST.RATE", .basis = REP_BASIS_ACTACT};

	interest(&r, ctx, "10000", "2024-05-01", "2025-03-01", &o, REP_OK);
	check_q(r.value, "6215840/13359");
	check_dec(r.value, 2, "465.29");
	assert_int_equal(3, r.n_periods);
	assert_int_equal(61, r.periods[0].days);
	assert_int_equal(366, r.periods[0].year_days);
	assert_int_equal(D("2024-07-01"), r.periods[0].end);
	check_q(r.periods[0].rate, "1/25");
	check_q(r.periods[0].interest, "200/3");
	assert_int_equal(184, r.periods[1].days);
	assert_int_equal(366, r.periods[1].year_days);
	assert_int_equal(D("2025-01-01"), r.periods[1].end);
	check_q(r.periods[1].rate, "3/50");
	assert_int_equal(59, r.periods[2].days);
	assert_int_equal(365, r.periods[2].year_days);
	/* the two points used, each once */
	assert_int_equal(2, r.n_points);
	assert_string_equal("TEST.RATE", r.points[0].series);
	assert_string_equal("4.00", r.points[0].value);
	assert_string_equal("6.00", r.points[1].value);
	assert_int_equal(D("2024-07-01"), r.points[1].from);
	assert_true(r.exact);
	assert_non_null(strstr(r.text, "2024-07-01..2024-12-31 184/366 x 6 %"));

	o.basis = REP_BASIS_ACT365;
	interest(&r, ctx, "10000", "2024-05-01", "2025-03-01", &o, REP_OK);
	check_q(r.value, "34040/73");
	check_dec(r.value, 2, "466.30");

	o.basis = REP_BASIS_30360;
	interest(&r, ctx, "10000", "2024-05-01", "2025-03-01", &o, REP_OK);
	assert_int_equal(60, r.periods[0].days);
	assert_int_equal(180, r.periods[1].days);
	assert_int_equal(60, r.periods[2].days);
	assert_int_equal(360, r.periods[2].year_days);
	check_q(r.value, "1400/3");
	check_dec(r.value, 2, "466.67");

	o.basis = REP_BASIS_ACTACT;
	o.compound = 1;
	interest(&r, ctx, "10000", "2024-05-01", "2025-03-01", &o, REP_OK);
	check_dec(r.periods[2].principal, 6, "10368.306011");
	check_dec(r.periods[2].interest, 6, "100.558365");
	check_dec(r.value, 6, "468.864376");
	check_dec(r.value, 2, "468.86");

	rep_tvm_result_clear(&r);
	rep_context_free(ctx);
}

/* A fixed rate over a whole leap year and a whole common year, compound:
 * 1000 at 10 % act/act from 2024-01-01 to 2026-01-01 is 1000 x 1.1^2 - 1000 = 210
 * exactly (366/366 and 365/365 of a year); act/365 gives 1000 x 0.1 x 366/365 =
 * 100.273973 in 2024, then 1100.273973 x 0.1 = 110.027397: 210.30. */
static void t_interest_compound_whole_years(void **state)
{
	(void)state;
	rep_tvm_result r;
	rep_tvm_result_init(&r);
	mpq_t rate;
	mpq_init(rate);
	Q(rate, "0.10");
	rep_interest_opts o = {.rate = rate, .basis = REP_BASIS_ACTACT, .compound = 1};
	interest(&r, NULL, "1000", "2024-01-01", "2026-01-01", &o, REP_OK);
	check_q(r.value, "210");
	assert_int_equal(2, r.n_periods);
	o.basis = REP_BASIS_ACT365;
	interest(&r, NULL, "1000", "2024-01-01", "2026-01-01", &o, REP_OK);
	check_dec(r.value, 2, "210.30");
	/* simple: 100 + 100 = 200 on act/act */
	o.basis = REP_BASIS_ACTACT;
	o.compound = 0;
	interest(&r, NULL, "1000", "2024-01-01", "2026-01-01", &o, REP_OK);
	check_q(r.value, "200");
	mpq_clear(rate);
	rep_tvm_result_clear(&r);
}

/* ECtHR: EUR 7,500 at 5.40 % simple for 100 days (2025-07-01 to 2025-10-09:
 * July 31 + August 31 + September 30 + 8 days of October):
 * 7500 x 0.054 x 100/365 = 40500/365 = 110.958904 -> 110.96.
 * The same through ECB.MLF (2.40 % from 2025-06-11) + 3 points.
 * With the 3-month grace: judgment 2025-03-10, interest from 2025-06-10 to
 * 2025-09-18: 1 day at 2.65 + 3 = 5.65 % and 99 days at 5.40 %:
 * 7500 x (0.0565 + 0.054 x 99)/365 = 7500 x 5.4025/365 = 111.010274 -> 111.01.
 * Across three MLF changes and a year end, 10,000 from 2024-12-01 to 2025-02-15:
 *   17 days at 3.65 + 3, 14 days at 3.40 + 3 (to 31 Dec), 35 days at 6.40 %,
 *   10 days at 3.15 + 3: (0.0665 x 17 + 0.064 x 14 + 0.064 x 35 + 0.0615 x 10)
 *   x 10000 / 365 = 48815/365 = 133.739726 -> 133.74 */
static void t_interest_ecthr(void **state)
{
	(void)state;
	rep_context *ctx = new_ctx();
	rep_tvm_result r;
	rep_tvm_result_init(&r);
	mpq_t rate, margin;
	mpq_inits(rate, margin, NULL);
	Q(rate, "0.054");
	Q(margin, "0.03");

	rep_interest_opts o = {.rate = rate};
	interest(&r, ctx, "7500", "2025-07-01", "2025-10-09", &o, REP_OK);
	check_q(r.value, "8100/73");
	check_dec(r.value, 2, "110.96");
	assert_int_equal(0, r.n_points);

	rep_interest_opts s = {.series = "ECB.MLF", .margin = margin};
	interest(&r, ctx, "7500", "2025-07-01", "2025-10-09", &s, REP_OK);
	check_dec(r.value, 2, "110.96");
	assert_int_equal(1, r.n_points);
	assert_string_equal("ECB.MLF", r.points[0].series);
	assert_int_equal(D("2025-06-11"), r.points[0].from);

	s.grace_months = 3;
	interest(&r, ctx, "7500", "2025-03-10", "2025-09-18", &s, REP_OK);
	assert_int_equal(D("2025-06-10"), r.periods[0].start);
	assert_int_equal(2, r.n_periods);
	assert_int_equal(1, r.periods[0].days);
	assert_int_equal(99, r.periods[1].days);
	check_dec(r.value, 6, "111.010274");
	check_dec(r.value, 2, "111.01");

	s.grace_months = 0;
	interest(&r, ctx, "10000", "2024-12-01", "2025-02-15", &s, REP_OK);
	assert_int_equal(4, r.n_periods);
	check_q(r.value, "9763/73");
	check_dec(r.value, 2, "133.74");
	assert_int_equal(3, r.n_points);

	mpq_clears(rate, margin, NULL);
	rep_tvm_result_clear(&r);
	rep_context_free(ctx);
}

/* 30/360 bond basis at month ends: 3,600 at 12 % from 2024-01-31 to
 * 2024-03-31: the 31st counts as the 30th at both ends (the start is a
 * 31st), 60 days: 3600 x 0.12 x 60/360 = 72. From 2024-02-28 to 2024-03-01:
 * 30 + 1 - 28 = 3 days: 3600 x 0.12 x 3/360 = 3.60. */
static void t_interest_30360(void **state)
{
	(void)state;
	rep_tvm_result r;
	rep_tvm_result_init(&r);
	mpq_t rate;
	mpq_init(rate);
	Q(rate, "0.12");
	rep_interest_opts o = {.rate = rate, .basis = REP_BASIS_30360};
	interest(&r, NULL, "3600", "2024-01-31", "2024-03-31", &o, REP_OK);
	assert_int_equal(60, r.periods[0].days);
	check_q(r.value, "72");
	interest(&r, NULL, "3600", "2024-02-28", "2024-03-01", &o, REP_OK);
	assert_int_equal(3, r.periods[0].days);
	check_dec(r.value, 2, "3.60");
	/* no days: same date */
	interest(&r, NULL, "3600", "2024-02-28", "2024-02-28", &o, REP_OK);
	assert_int_equal(0, r.n_periods);
	check_q(r.value, "0");
	mpq_clear(rate);
	rep_tvm_result_clear(&r);
}

/* Negative rates are arithmetic like any other: 1,000,000 at -0.5 % for
 * 2023-01-01..2023-07-01 (181 days) act/365 = -5000 x 181/365 = -2479.45;
 * a zero rate gives 0. */
static void t_interest_negative_zero(void **state)
{
	(void)state;
	rep_tvm_result r;
	rep_tvm_result_init(&r);
	mpq_t rate;
	mpq_init(rate);
	Q(rate, "-0.005");
	rep_interest_opts o = {.rate = rate};
	interest(&r, NULL, "1000000", "2023-01-01", "2023-07-01", &o, REP_OK);
	check_dec(r.value, 2, "-2479.45");
	Q(rate, "0");
	interest(&r, NULL, "1000000", "2023-01-01", "2023-07-01", &o, REP_OK);
	check_q(r.value, "0");
	assert_int_equal(1, r.n_periods);
	mpq_clear(rate);
	rep_tvm_result_clear(&r);
}

static void t_interest_errors(void **state)
{
	(void)state;
	rep_context *ctx = new_ctx();
	rep_tvm_result r;
	rep_tvm_result_init(&r);
	mpq_t rate, a;
	mpq_inits(rate, a, NULL);
	Q(rate, "0.05");
	Q(a, "100");
	rep_error err;

	/* ECB.MLF starts 2008-11-12 and ends 2026-02-28 */
	rep_interest_opts s = {.series = "ECB.MLF"};
	assert_int_equal(REP_ENODATA, rep_tvm_interest(&r, ctx, a, D("2008-01-01"), D("2009-01-01"), &s, &err));
	assert_non_null(strstr(err.message, "ECB.MLF has no value for 2008-01-01"));
	assert_int_equal(REP_ENODATA, rep_tvm_interest(&r, ctx, a, D("2025-01-01"), D("2026-06-01"), &s, &err));
	assert_non_null(strstr(err.message, "2026-05-31"));
	assert_int_equal(0, r.n_periods);
	assert_null(r.text);
	/* the last covered day is fine, the day after it as exclusive end too */
	assert_int_equal(REP_OK, rep_tvm_interest(&r, ctx, a, D("2026-01-01"), D("2026-03-01"), &s, &err));

	s.series = "KZ.NOPE";
	assert_int_equal(REP_ENOTFOUND, rep_tvm_interest(&r, ctx, a, D("2020-01-01"), D("2021-01-01"), &s, &err));
	s.series = "KZ.MCI";
	assert_int_equal(REP_EINVAL, rep_tvm_interest(&r, ctx, a, D("2020-01-01"), D("2021-01-01"), &s, &err));
	assert_non_null(strstr(err.message, "not a rate in percent"));

	rep_interest_opts both = {.rate = rate, .series = "ECB.MLF"};
	assert_int_equal(REP_EINVAL, rep_tvm_interest(&r, ctx, a, D("2020-01-01"), D("2021-01-01"), &both, &err));
	rep_interest_opts none = {0};
	assert_int_equal(REP_EINVAL, rep_tvm_interest(&r, ctx, a, D("2020-01-01"), D("2021-01-01"), &none, &err));
	rep_interest_opts o = {.rate = rate};
	assert_int_equal(REP_EINVAL, rep_tvm_interest(&r, ctx, a, D("2021-01-01"), D("2020-01-01"), &o, &err));
	assert_int_equal(REP_ERANGE, rep_tvm_interest(&r, ctx, a, REP_DATE_NONE, D("2020-01-01"), &o, &err));
	o.basis = (rep_day_basis)7;
	assert_int_equal(REP_EINVAL, rep_tvm_interest(&r, ctx, a, D("2020-01-01"), D("2021-01-01"), &o, &err));
	o.basis = REP_BASIS_ACT365;
	o.grace_months = -1;
	assert_int_equal(REP_EINVAL, rep_tvm_interest(&r, ctx, a, D("2020-01-01"), D("2021-01-01"), &o, &err));
	/* a grace period that ends after `to`: nothing bears interest */
	o.grace_months = 3;
	assert_int_equal(REP_OK, rep_tvm_interest(&r, ctx, a, D("2020-01-01"), D("2020-03-01"), &o, &err));
	assert_int_equal(0, r.n_periods);
	check_q(r.value, "0");
	o.grace_months = 1200;
	assert_int_equal(REP_OK, rep_tvm_interest(&r, ctx, a, D("2150-01-01"), D("2199-12-31"), &o, &err));
	check_q(r.value, "0");
	assert_int_equal(REP_EUSAGE, rep_tvm_interest(NULL, ctx, a, D("2020-01-01"), D("2021-01-01"), &o, &err));
	assert_int_equal(REP_EUSAGE, rep_tvm_interest(&r, ctx, NULL, D("2020-01-01"), D("2021-01-01"), &o, &err));
	assert_int_equal(REP_EUSAGE, rep_tvm_interest(&r, ctx, a, D("2020-01-01"), D("2021-01-01"), NULL, &err));

	mpq_clears(rate, a, NULL);
	rep_tvm_result_clear(&r);
	rep_context_free(ctx);
}

/* ---- indexation ---- */

/* KZ.CPI_DEC replaced for 2022..2024 by round test rates: 20 %, 10 %, 5 %.
 * 1,000 from 2022-07-01 to 2024-04-01, linear within a year by days:
 *   P(2022-07-01) = 1 + 0.20 x 181/365            (181 days of 2022 elapsed)
 *   P(2024-04-01) = 1.20 x 1.10 x (1 + 0.05 x 91/366)  (91 days of leap 2024)
 *   factor = 1.32 x (370.55/366) / (401.2/365) = 5951033/4894640 = 1.2158264959
 *   -> 1215.83
 * Whole years 2022-01-01 to 2025-01-01: 1.2 x 1.1 x 1.05 = 1.386 -> 1386.00. */
static const char cpi_csv[] = "# id: KZ.CPI_DEC\n"
			      "# unit: percent\n"
			      "# until: 2024-12-31\n"
			      "from,value,confidence,source\n"
			      "2022-01-01,20,verified,test\n"
			      "2023-01-01,10,verified,test\n"
			      "2024-01-01,5,verified,test\n";

static void t_index_cpi_chain(void **state)
{
	(void)state;
	rep_context *ctx = new_ctx();
	load(ctx, cpi_csv);
	rep_tvm_result r;
	rep_tvm_result_init(&r);
	mpq_t a;
	mpq_init(a);
	Q(a, "1000");
	rep_error err;

	assert_int_equal(REP_OK, rep_tvm_index_by(&r, ctx, "cpi", a, D("2022-07-01"), D("2024-04-01"), &err));
	check_q(r.factor, "5951033/4894640");
	check_dec(r.factor, 10, "1.2158264959");
	check_dec(r.value, 2, "1215.83");
	assert_true(r.exact);
	assert_int_equal(3, r.n_points);
	assert_string_equal("20", r.points[0].value);
	assert_string_equal("10", r.points[1].value);
	assert_string_equal("5", r.points[2].value);
	assert_int_equal(D("2024-01-01"), r.points[2].from);
	assert_non_null(strstr(r.text, "2022 20 % (from 181 of 365 days elapsed), 2023 10 %, 2024 5 % (to 91 of 366"));

	/* the same through the series, and backwards (deflating) */
	assert_int_equal(REP_OK, rep_tvm_index_series(&r, ctx, "KZ.CPI_DEC", REP_INDEX_ANNUAL_RATES, a,
						      D("2022-07-01"), D("2024-04-01"), &err));
	check_q(r.factor, "5951033/4894640");
	assert_int_equal(REP_OK, rep_tvm_index_series(&r, ctx, "KZ.CPI_DEC", REP_INDEX_ANNUAL_RATES, a,
						      D("2024-04-01"), D("2022-07-01"), &err));
	check_q(r.factor, "4894640/5951033");

	assert_int_equal(REP_OK, rep_tvm_index_by(&r, ctx, "cpi", a, D("2022-01-01"), D("2025-01-01"), &err));
	check_q(r.factor, "693/500");
	check_dec(r.value, 2, "1386.00");
	/* 1 January of 2025 needs no 2025 rate */
	assert_int_equal(3, r.n_points);

	/* within one year: 2023-04-01 (90 days elapsed) to 2023-10-01 (273):
	 * (1 + 0.1 x 273/365) / (1 + 0.1 x 90/365) = 392.3/374 = 3923/3740 */
	assert_int_equal(REP_OK, rep_tvm_index_by(&r, ctx, "cpi", a, D("2023-04-01"), D("2023-10-01"), &err));
	check_q(r.factor, "3923/3740");
	assert_int_equal(1, r.n_points);

	assert_int_equal(REP_OK, rep_tvm_index_by(&r, ctx, "cpi", a, D("2023-04-01"), D("2023-04-01"), &err));
	check_q(r.factor, "1");
	assert_int_equal(REP_OK, rep_tvm_index_by(&r, ctx, "nominal", a, D("2003-04-01"), D("2023-04-01"), &err));
	check_q(r.value, "1000");

	mpq_clear(a);
	rep_tvm_result_clear(&r);
	rep_context_free(ctx);
}

/* A monthly CPI index, when loaded as KZ.CPI_INDEX, takes precedence for
 * method "cpi": 272.31 (Dec 2022) / 250 = 1.08924 -> 1089.24 on 1,000. */
static void t_index_cpi_monthly(void **state)
{
	(void)state;
	rep_context *ctx = new_ctx();
	load(ctx, "# id: KZ.CPI_INDEX\n# unit: index\n# until: 2022-12-31\nfrom,value,confidence,source\n"
		  "2022-11-01,250,unverified,test\n2022-12-01,272.31,verified,test\n");
	rep_tvm_result r;
	rep_tvm_result_init(&r);
	mpq_t a;
	mpq_init(a);
	Q(a, "1000");
	assert_int_equal(REP_OK, rep_tvm_index_by(&r, ctx, "cpi", a, D("2022-11-15"), D("2022-12-20"), NULL));
	check_dec(r.value, 2, "1089.24");
	assert_string_equal("KZ.CPI_INDEX", r.points[0].series);
	mpq_clear(a);
	rep_tvm_result_clear(&r);
	rep_context_free(ctx);
}

/* MCI ratio: 100,000 from 2023-05-01 (MCI 3,450) to 2026-03-01 (4,325):
 * 100000 x 4325/3450 = 125362.318840... -> 125362.32.
 * Across the April 2020 change: 1,000 from 2020-04-01 (2,778) to 2024-01-01
 * (3,692): 3692/2778 = 1329.013678... -> 1329.01; on 2020-03-31 the
 * value is still the January one. */
static void t_index_mci(void **state)
{
	(void)state;
	rep_context *ctx = new_ctx();
	rep_tvm_result r;
	rep_tvm_result_init(&r);
	mpq_t a;
	mpq_init(a);
	rep_error err;
	Q(a, "100000");
	assert_int_equal(REP_OK, rep_tvm_index_by(&r, ctx, "mci", a, D("2023-05-01"), D("2026-03-01"), &err));
	check_q(r.factor, "4325/3450");
	check_dec(r.value, 2, "125362.32");
	assert_int_equal(2, r.n_points);
	assert_string_equal("KZ.MCI", r.points[0].series);
	assert_string_equal("3450", r.points[0].value);
	assert_int_equal(D("2023-05-01"), r.points[0].date);
	assert_int_equal(D("2023-01-01"), r.points[0].from);
	assert_string_equal("4325", r.points[1].value);
	assert_non_null(strstr(r.text, "KZ.MCI: 4325 on 2026-03-01 / 3450 on 2023-05-01"));

	Q(a, "1000");
	assert_int_equal(REP_OK, rep_tvm_index_series(&r, ctx, "KZ.MCI", REP_INDEX_RATIO, a, D("2020-04-01"),
						      D("2024-01-01"), &err));
	check_q(r.factor, "3692/2778");
	check_dec(r.value, 2, "1329.01");
	assert_int_equal(REP_OK, rep_tvm_index_series(&r, ctx, "KZ.MCI", REP_INDEX_RATIO, a, D("2020-03-31"),
						      D("2020-04-01"), &err));
	check_q(r.factor, "2778/2651");
	mpq_clear(a);
	rep_tvm_result_clear(&r);
	rep_context_free(ctx);
}

/* Average-wage ratio: 2015 (126,021) to 2021 (250,311):
 * 10,000 x 250311/126021 = 19862.641941 -> 19,862.64 */
static void t_index_wage(void **state)
{
	(void)state;
	rep_context *ctx = new_ctx();
	rep_tvm_result r;
	rep_tvm_result_init(&r);
	mpq_t a;
	mpq_init(a);
	Q(a, "10000");
	assert_int_equal(REP_OK, rep_tvm_index_by(&r, ctx, "wage", a, D("2015-06-01"), D("2021-06-01"), NULL));
	check_q(r.factor, "250311/126021");
	check_dec(r.value, 2, "19862.64");
	mpq_clear(a);
	rep_tvm_result_clear(&r);
	rep_context_free(ctx);
}

static void t_index_errors(void **state)
{
	(void)state;
	rep_context *ctx = new_ctx();
	rep_tvm_result r;
	rep_tvm_result_init(&r);
	mpq_t a;
	mpq_init(a);
	Q(a, "1000");
	rep_error err;
	/* KZ.MCI starts in 2000 */
	assert_int_equal(REP_ENODATA, rep_tvm_index_by(&r, ctx, "mci", a, D("1999-05-01"), D("2020-01-01"), &err));
	assert_non_null(strstr(err.message, "KZ.MCI has no value for 1999-05-01"));
	assert_int_equal(0, r.n_points);
	/* the CPI rates end with 2025: a date within 2026 needs the 2026 rate */
	assert_int_equal(REP_ENODATA, rep_tvm_index_by(&r, ctx, "cpi", a, D("2022-06-01"), D("2026-03-01"), &err));
	assert_non_null(strstr(err.message, "KZ.CPI_DEC has no value for 2026-01-01"));
	assert_non_null(strstr(err.message, "the 2026 rate is needed"));
	assert_int_equal(REP_ENODATA, rep_tvm_index_by(&r, ctx, "cpi", a, D("1997-06-01"), D("2000-01-01"), &err));
	/* the average wage ends with 2022 */
	assert_int_equal(REP_ENODATA, rep_tvm_index_by(&r, ctx, "wage", a, D("2020-01-01"), D("2024-01-01"), &err));
	assert_int_equal(REP_EINVAL, rep_tvm_index_by(&r, ctx, "gold", a, D("2020-01-01"), D("2024-01-01"), &err));
	assert_int_equal(REP_ENOTFOUND, rep_tvm_index_series(&r, ctx, "KZ.NOPE", REP_INDEX_RATIO, a, D("2020-01-01"),
							     D("2024-01-01"), &err));
	assert_int_equal(REP_EINVAL, rep_tvm_index_series(&r, ctx, "KZ.MCI", (rep_index_kind)9, a, D("2020-01-01"),
							  D("2024-01-01"), &err));
	assert_int_equal(REP_ERANGE, rep_tvm_index_by(&r, ctx, "mci", a, REP_DATE_NONE, D("2024-01-01"), &err));
	assert_int_equal(REP_EUSAGE, rep_tvm_index_by(&r, NULL, "mci", a, D("2020-01-01"), D("2024-01-01"), &err));
	assert_int_equal(REP_EUSAGE, rep_tvm_index_by(&r, ctx, NULL, a, D("2020-01-01"), D("2024-01-01"), &err));
	assert_int_equal(REP_EUSAGE, rep_tvm_index_by(NULL, ctx, "mci", a, D("2020-01-01"), D("2024-01-01"), &err));
	/* a rate of -100 % cannot index: refused when the series is loaded (the sign rules) */
	static const char minus100[] = "# id: TEST.CPI\n# unit: percent\n# until: 2001-12-31\nfrom,value,confidence,source\n"
				       "2000-01-01,-100,verified,test\n";
	assert_int_equal(REP_EINVAL, rep_context_load_series(ctx, minus100, sizeof minus100 - 1, "csv", &err));
	assert_int_equal(REP_ENOTFOUND, rep_tvm_index_series(&r, ctx, "TEST.CPI", REP_INDEX_ANNUAL_RATES, a,
							     D("2000-01-01"), D("2001-01-01"), &err));
	mpq_clear(a);
	rep_tvm_result_clear(&r);
	rep_context_free(ctx);
}

/* The engine's entry point with its own lookup function. */
typedef struct fake {
	int calls;
} fake;

static rep_status fake_series(void *ud, const char *series, rep_date d, mpq_t out)
{
	fake *f = ud;
	f->calls++;
	assert_string_equal("KZ.MCI", series);
	mpq_set_ui(out, d < D("2020-01-01") ? 2000 : 3000, 1);
	return REP_OK;
}

static void t_index_engine(void **state)
{
	(void)state;
	rep_arena arena;
	rep_arena_init(&arena, 0);
	rep_tvm_index_trace tr;
	fake f = {0};
	mpq_t a, out;
	mpq_inits(a, out, NULL);
	Q(a, "1000.10");
	assert_int_equal(REP_OK, rep_tvm_index(out, &tr, NULL, "mci", a, D("2019-01-01"), D("2021-01-01"), fake_series,
					       &f, &arena, NULL));
	check_q(out, "30003/20");
	assert_int_equal(2, f.calls);
	assert_non_null(strstr(tr.text, "KZ.MCI: 3000 on 2021-01-01 / 2000 on 2019-01-01 = x1.5"));
	assert_int_equal(REP_OK, rep_tvm_index(out, &tr, NULL, "nominal", a, D("2019-01-01"), D("2021-01-01"),
					       fake_series, &f, &arena, NULL));
	check_q(out, "10001/10");
	assert_int_equal(REP_EINVAL, rep_tvm_index(out, &tr, NULL, "bogus", a, D("2019-01-01"), D("2021-01-01"),
						   fake_series, &f, &arena, NULL));
	assert_int_equal(REP_EUSAGE, rep_tvm_index(out, &tr, NULL, NULL, a, D("2019-01-01"), D("2021-01-01"),
						   fake_series, &f, &arena, NULL));
	mpq_clears(a, out, NULL);
	rep_arena_release(&arena);
}

/* ---- present value ---- */

static void pv(rep_tvm_result *r, const char *w, const char *n, const char *d, const char *g, rep_pv_timing t)
{
	mpq_t W, N, R, G;
	mpq_inits(W, N, R, G, NULL);
	Q(W, w);
	Q(N, n);
	Q(R, d);
	Q(G, g);
	rep_error err;
	rep_status st = rep_tvm_pv(r, W, N, R, G, t, 2, REP_ROUND_HALF_UP, &err);
	if (st)
		fail_msg("pv: %s", err.message);
	mpq_clears(W, N, R, G, NULL);
}

static void check_mult(const char *n, const char *d, const char *g, rep_pv_timing t, int places, const char *want)
{
	mpq_t N, R, G, m;
	mpq_inits(N, R, G, m, NULL);
	Q(N, n);
	Q(R, d);
	Q(G, g);
	rep_error err;
	rep_status st = rep_tvm_multiplier(m, N, R, G, t, places, REP_ROUND_HALF_UP, &err);
	if (st)
		fail_msg("multiplier: %s", err.message);
	check_dec(m, places, want);
	mpq_clears(N, R, G, m, NULL);
}

/* W1 = 50,000, g = 3 %, d = 5 %, N = 20 (research §4.4):
 *   end:  50000 x (1 - (1.03/1.05)^20) / (0.05 - 0.03) = 50000 x 15.964784
 *         = 798239.176886 -> 798,239.18 (exact: a rational)
 *   mid:  end x 1.05^0.5 = 817951.754501 -> 817,951.75
 *   continuous: net r = 1.05/1.03 - 1 = 2/103;
 *         50000 x (1 - (105/103)^-20) / ln(105/103) = 830143.158741 -> 830,143.16
 *   undiscounted: 50000 x (1.03^20 - 1)/0.03 = 1343518.72 */
static void t_pv_growing_annuity(void **state)
{
	(void)state;
	rep_tvm_result r;
	rep_tvm_result_init(&r);
	pv(&r, "50000", "20", "0.05", "0.03", REP_PV_END);
	assert_true(r.exact);
	check_dec(r.value, 6, "798239.176886");
	check_dec(r.value, 2, "798239.18");
	check_dec(r.factor, 6, "15.964784");
	assert_non_null(strstr(r.text, "undiscounted sum 1343518.72"));
	pv(&r, "50000", "20", "0.05", "0.03", REP_PV_MID);
	assert_false(r.exact);
	check_q(r.value, "81795175/100");
	check_dec(r.factor, 12, "16.359035090018");
	pv(&r, "50000", "20", "0.05", "0.03", REP_PV_CONTINUOUS);
	check_q(r.value, "83014316/100");
	check_mult("20", "0.05", "0.03", REP_PV_END, 6, "15.964784");

	mpq_t W, N, G, nom;
	mpq_inits(W, N, G, nom, NULL);
	Q(W, "50000");
	Q(N, "20");
	Q(G, "0.03");
	assert_int_equal(REP_OK, rep_tvm_nominal_sum(nom, W, N, G, NULL));
	check_dec(nom, 2, "1343518.72");
	mpq_clears(W, N, G, nom, NULL);
	rep_tvm_result_clear(&r);
}

/* Ogden Table 36 (term certain, continuous), 8th edition, at -0.25 % and
 * +0.5 % (research §4.1): (1 - (1+r)^-n) / ln(1+r)
 *   n   -0.25 %                 +0.5 %
 *   5   5.031420 -> 5.03        4.938171 -> 4.94
 *  10  10.126207 -> 10.13       9.754718 -> 9.75
 *  15  15.285160 -> 15.29      14.452636 -> 14.45
 *  20  20.509086 -> 20.51      19.034848 -> 19.03
 *  25  25.80, 30 31.16, 35 36.58 | 25 23.50, 30 27.86, 35 32.12 */
static void t_pv_ogden(void **state)
{
	(void)state;
	static const char *const years[] = {"5", "10", "15", "20", "25", "30", "35"};
	static const char *const neg[] = {"5.03", "10.13", "15.29", "20.51", "25.80", "31.16", "36.58"};
	static const char *const pos[] = {"4.94", "9.75", "14.45", "19.03", "23.50", "27.86", "32.12"};
	for (size_t i = 0; i < 7; i++) {
		check_mult(years[i], "-0.0025", "0", REP_PV_CONTINUOUS, 2, neg[i]);
		check_mult(years[i], "0.005", "0", REP_PV_CONTINUOUS, 2, pos[i]);
	}
	check_mult("5", "-0.0025", "0", REP_PV_CONTINUOUS, 6, "5.031420");
	check_mult("20", "0.005", "0", REP_PV_CONTINUOUS, 6, "19.034848");
	/* the mid-year discrete version agrees within 0.01 (research §4.1):
	 * 20 years at 0.5 %: sum of 1.005^-(k-0.5) = 19.034829 */
	check_mult("20", "0.005", "0", REP_PV_MID, 2, "19.03");
}

/* Negative and zero rates.
 *   r = 0, N = 10, W = 1,000: 10,000 under every convention, exact (the
 *     mid-year factor 1^0.5 = 1 is rational).
 *   r = -0.25 %, end, 5 years: sum of 0.9975^-k, k = 1..5
 *     = (1 - (1/0.9975)^5) / -0.0025 = 5.037720
 *   d = 3 %, g = -2 %, N = 10, W = 1,000, end:
 *     1000 x (1 - (0.98/1.03)^10) / 0.05 = 7840.421927 -> 7,840.42 */
static void t_pv_negative_zero(void **state)
{
	(void)state;
	rep_tvm_result r;
	rep_tvm_result_init(&r);
	for (int t = REP_PV_END; t <= REP_PV_CONTINUOUS; t++) {
		pv(&r, "1000", "10", "0", "0", (rep_pv_timing)t);
		assert_true(r.exact);
		check_q(r.value, "10000");
		check_q(r.factor, "10");
	}
	check_mult("5", "-0.0025", "0", REP_PV_END, 6, "5.037720");
	pv(&r, "1", "5", "-0.0025", "0", REP_PV_END);
	check_q(r.value, "50944639200400/10112638401999");
	pv(&r, "1000", "10", "0.03", "-0.02", REP_PV_END);
	check_dec(r.value, 2, "7840.42");
	/* a year of zero length or a zero loss is worth nothing */
	pv(&r, "1000", "0", "0.05", "0.03", REP_PV_MID);
	check_q(r.value, "0");
	pv(&r, "1000", "0", "0.05", "0", REP_PV_CONTINUOUS);
	check_q(r.value, "0");
	pv(&r, "0", "10", "0.05", "0", REP_PV_MID);
	check_q(r.value, "0");
	rep_tvm_result_clear(&r);
}

/* r == g: each year's loss grows exactly as fast as it is discounted.
 *   end:  N x W / (1+d) = 10 x 1000 / 1.04 = 9615.384615 -> 9,615.38 (exact)
 *   mid:  end x 1.04^0.5 = 10000 / 1.04^0.5 = 9805.806757 -> 9,805.81
 *   continuous: the net rate is 0, so W x N = 10,000 exactly */
static void t_pv_r_equals_g(void **state)
{
	(void)state;
	rep_tvm_result r;
	rep_tvm_result_init(&r);
	pv(&r, "1000", "10", "0.04", "0.04", REP_PV_END);
	assert_true(r.exact);
	check_q(r.value, "125000/13");
	check_dec(r.value, 2, "9615.38");
	pv(&r, "1000", "10", "0.04", "0.04", REP_PV_MID);
	check_q(r.value, "980581/100");
	pv(&r, "1000", "10", "0.04", "0.04", REP_PV_CONTINUOUS);
	assert_true(r.exact);
	check_q(r.value, "10000");
	rep_tvm_result_clear(&r);
}

/* Fractional years: the last fraction f of a year is f times that year's
 * loss, paid at its end (n + f) or middle (n + f/2). W = 1,000, d = 5 %, N = 2.5:
 *   end: 1000/1.05 + 1000/1.05^2 + 0.5 x 1000 x 1.05^-2.5 = 2301.995498 -> 2,302.00
 *   mid: 1000 x 1.05^-0.5 + 1000 x 1.05^-1.5 + 500 x 1.05^-2.25 = 2353.345289 -> 2,353.35
 *   continuous: 1000 x (1 - 1.05^-2.5)/ln 1.05 = 2353.545387 -> 2,353.55
 * With d = 21 % (1.21 = 1.1^2) a half-year power is rational and the value stays
 * exact: N = 1, mid: 1000 / 1.1 = 909.0909...; N = 0.5, end: 0.5 x 1000 / 1.1. */
static void t_pv_fractional_years(void **state)
{
	(void)state;
	rep_tvm_result r;
	rep_tvm_result_init(&r);
	pv(&r, "1000", "2.5", "0.05", "0", REP_PV_END);
	assert_false(r.exact);
	check_q(r.value, "2302");
	pv(&r, "1000", "2.5", "0.05", "0", REP_PV_MID);
	check_q(r.value, "235335/100");
	pv(&r, "1000", "2.5", "0.05", "0", REP_PV_CONTINUOUS);
	check_q(r.value, "235355/100");
	pv(&r, "1000", "1", "0.21", "0", REP_PV_MID);
	assert_true(r.exact);
	check_q(r.value, "10000/11");
	pv(&r, "1000", "0.5", "0.21", "0", REP_PV_END);
	assert_true(r.exact);
	check_q(r.value, "5000/11");
	rep_tvm_result_clear(&r);
}

/* A rational value exactly on a rounding tie must be decided (no endless
 * Ziv loop): a continuous term of 0.125 years at r = 0 is 0.125, half-up
 * 0.13, half-even 0.12; mid-year at d = 0 with W = 0.125 the same. */
static void t_pv_ties(void **state)
{
	(void)state;
	mpq_t n, r, m;
	mpq_inits(n, r, m, NULL);
	Q(n, "0.125");
	assert_int_equal(REP_OK, rep_tvm_multiplier(m, n, r, NULL, REP_PV_CONTINUOUS, 2, REP_ROUND_HALF_UP, NULL));
	check_q(m, "13/100");
	assert_int_equal(REP_OK, rep_tvm_multiplier(m, n, r, NULL, REP_PV_CONTINUOUS, 2, REP_ROUND_HALF_EVEN, NULL));
	check_q(m, "3/25");
	rep_tvm_result res;
	rep_tvm_result_init(&res);
	pv(&res, "0.125", "1", "0", "0", REP_PV_MID);
	assert_true(res.exact);
	check_q(res.value, "1/8");
	rep_tvm_result_clear(&res);
	mpq_clears(n, r, m, NULL);
}

static void t_pv_errors(void **state)
{
	(void)state;
	rep_tvm_result r;
	rep_tvm_result_init(&r);
	mpq_t w, n, d, g, m;
	mpq_inits(w, n, d, g, m, NULL);
	Q(w, "1000");
	Q(n, "1001");
	rep_error err;
	assert_int_equal(REP_ERANGE, rep_tvm_pv(&r, w, n, d, g, REP_PV_END, 2, REP_ROUND_HALF_UP, &err));
	Q(n, "-1");
	assert_int_equal(REP_ERANGE, rep_tvm_pv(&r, w, n, d, g, REP_PV_END, 2, REP_ROUND_HALF_UP, &err));
	Q(n, "10");
	Q(d, "-1");
	assert_int_equal(REP_EINVAL, rep_tvm_pv(&r, w, n, d, g, REP_PV_END, 2, REP_ROUND_HALF_UP, &err));
	assert_non_null(strstr(err.message, "greater than -1"));
	Q(d, "0.05");
	Q(g, "-1.5");
	assert_int_equal(REP_EINVAL, rep_tvm_pv(&r, w, n, d, g, REP_PV_MID, 2, REP_ROUND_HALF_UP, &err));
	Q(g, "0");
	assert_int_equal(REP_EINVAL, rep_tvm_pv(&r, w, n, d, g, (rep_pv_timing)5, 2, REP_ROUND_HALF_UP, &err));
	assert_int_equal(REP_EINVAL, rep_tvm_pv(&r, w, n, d, g, REP_PV_END, 2, (rep_round)99, &err));
	assert_int_equal(REP_EUSAGE, rep_tvm_pv(NULL, w, n, d, g, REP_PV_END, 2, REP_ROUND_HALF_UP, &err));
	assert_int_equal(REP_EUSAGE, rep_tvm_pv(&r, NULL, n, d, g, REP_PV_END, 2, REP_ROUND_HALF_UP, &err));
	assert_int_equal(REP_EUSAGE, rep_tvm_multiplier(NULL, n, d, g, REP_PV_END, 2, REP_ROUND_HALF_UP, &err));
	assert_int_equal(REP_EUSAGE, rep_tvm_multiplier(m, NULL, d, g, REP_PV_END, 2, REP_ROUND_HALF_UP, &err));
	assert_null(r.text);
	/* the widest inputs still finish: 1000 years at a tiny and a huge rate */
	Q(n, "1000");
	Q(d, "0.000000000000000000000000000001");
	assert_int_equal(REP_OK, rep_tvm_pv(&r, w, n, d, g, REP_PV_CONTINUOUS, 2, REP_ROUND_HALF_UP, &err));
	check_dec(r.value, 2, "1000000.00");
	/* 1000 x (1 - 1001^-1000)/1000 x 1001^0.5 = 31.638584 */
	Q(d, "1000");
	assert_int_equal(REP_OK, rep_tvm_pv(&r, w, n, d, g, REP_PV_MID, 2, REP_ROUND_HALF_UP, &err));
	check_dec(r.value, 2, "31.64");
	/* an exact result beyond 1e60 is refused like an inexact one:
	 * 1000 years at -99.9999 % discount to about 1e6000 */
	Q(d, "-0.999999");
	assert_int_equal(REP_ERANGE, rep_tvm_pv(&r, w, n, d, g, REP_PV_END, 2, REP_ROUND_HALF_UP, &err));
	assert_int_equal(REP_ERANGE, rep_tvm_pv(&r, w, n, d, g, REP_PV_MID, 2, REP_ROUND_HALF_UP, &err));
	assert_non_null(strstr(err.message, "beyond 1e60"));
	mpq_clears(w, n, d, g, m, NULL);
	rep_tvm_result_clear(&r);
}

/* The engine's lost_earning_capacity head: end-of-year, exact here. */
static void t_pv_from_harm(void **state)
{
	(void)state;
	rep_case_harm h;
	memset(&h, 0, sizeof h);
	mpq_inits(h.amount, h.monthly, h.annual, h.years, h.growth, h.discount_rate, NULL);
	Q(h.annual, "50000");
	Q(h.years, "20");
	Q(h.growth, "0.03");
	Q(h.discount_rate, "0.05");
	h.annual_text = "50000";
	h.years_text = "20";
	rep_arena arena;
	rep_arena_init(&arena, 0);
	rep_tvm_pv_trace tr;
	mpq_t out;
	mpq_init(out);
	assert_int_equal(REP_OK, rep_tvm_pv_from_harm(out, &tr, &h, 2, REP_ROUND_HALF_UP, &arena, NULL));
	check_dec(out, 2, "798239.18");
	assert_string_equal("1343518.72", tr.nominal);
	assert_string_equal("present value, end-of-year convention, discount rate 5 %, growth 3 %", tr.method);
	assert_non_null(strstr(tr.formula, "W = 50000"));
	/* fractional years are rounded once at the line's places:
	 * 50000 x 2.301995 (t_pv_fractional_years) = 115099.774897 -> 115,099.77 */
	Q(h.years, "2.5");
	Q(h.growth, "0");
	assert_int_equal(REP_OK, rep_tvm_pv_from_harm(out, &tr, &h, 2, REP_ROUND_HALF_UP, &arena, NULL));
	check_q(out, "11509977/100");
	assert_string_equal("125000.00", tr.nominal);
	/* no discount, no growth: the plain product */
	Q(h.discount_rate, "0");
	assert_int_equal(REP_OK, rep_tvm_pv_from_harm(out, &tr, &h, 2, REP_ROUND_HALF_UP, &arena, NULL));
	check_q(out, "125000");
	assert_string_equal("not discounted (discount rate 0)", tr.method);
	mpq_clears(h.amount, h.monthly, h.annual, h.years, h.growth, h.discount_rate, out, NULL);
	rep_arena_release(&arena);
}

/* The Texas option (research §4.4): PV 800,000 at 5 % for 40 years, paid
 * monthly at the end of each month.
 *   nominal-monthly: i = 0.05/12; 800000 i / (1 - (1+i)^-480) = 3857.572805 -> 3,857.57
 *   effective-annual: i = 1.05^(1/12) - 1; 800000 i / (1 - 1.05^-40) = 3798.919080 -> 3,798.92
 *   zero rate: 800000 / 480 = 1666.666... -> 1,666.67 */
static void t_monthly_payment(void **state)
{
	(void)state;
	mpq_t p, n, r, out;
	mpq_inits(p, n, r, out, NULL);
	Q(p, "800000");
	Q(n, "40");
	Q(r, "0.05");
	rep_error err;
	assert_int_equal(REP_OK, rep_tvm_monthly_payment(out, p, n, r, REP_ANNUITY_NOMINAL_MONTHLY, 2,
							  REP_ROUND_HALF_UP, &err));
	check_dec(out, 2, "3857.57");
	assert_int_equal(REP_OK, rep_tvm_monthly_payment(out, p, n, r, REP_ANNUITY_EFFECTIVE_ANNUAL, 2,
							  REP_ROUND_HALF_UP, &err));
	check_dec(out, 2, "3798.92");
	assert_int_equal(REP_OK, rep_tvm_monthly_payment(out, p, n, r, REP_ANNUITY_EFFECTIVE_ANNUAL, 6,
							  REP_ROUND_HALF_UP, &err));
	check_dec(out, 6, "3798.919080");
	Q(r, "0");
	assert_int_equal(REP_OK, rep_tvm_monthly_payment(out, p, n, r, REP_ANNUITY_EFFECTIVE_ANNUAL, 2,
							  REP_ROUND_HALF_UP, &err));
	check_q(out, "166667/100");
	/* 1 + r = 4096 = 2^12: the monthly rate is exactly 1 (100 %), so one
	 * month of 1 at 100 %: 1 x 1 / (1 - 2^-1) = 2 */
	Q(r, "4095");
	Q(p, "1");
	Q(n, "0.0833333");
	assert_int_equal(REP_EINVAL, rep_tvm_monthly_payment(out, p, n, r, REP_ANNUITY_EFFECTIVE_ANNUAL, 2,
							      REP_ROUND_HALF_UP, &err));
	mpq_set_ui(n, 1, 12);
	assert_int_equal(REP_OK, rep_tvm_monthly_payment(out, p, n, r, REP_ANNUITY_EFFECTIVE_ANNUAL, 2,
							  REP_ROUND_HALF_UP, &err));
	check_q(out, "2");
	Q(r, "-1");
	assert_int_equal(REP_EINVAL, rep_tvm_monthly_payment(out, p, n, r, REP_ANNUITY_NOMINAL_MONTHLY, 2,
							      REP_ROUND_HALF_UP, &err));
	Q(r, "0.05");
	Q(n, "0");
	assert_int_equal(REP_EINVAL, rep_tvm_monthly_payment(out, p, n, r, REP_ANNUITY_NOMINAL_MONTHLY, 2,
							      REP_ROUND_HALF_UP, &err));
	assert_int_equal(REP_EUSAGE, rep_tvm_monthly_payment(out, NULL, n, r, REP_ANNUITY_NOMINAL_MONTHLY, 2,
							      REP_ROUND_HALF_UP, &err));
	mpq_clears(p, n, r, out, NULL);
}

static void t_names(void **state)
{
	(void)state;
	rep_day_basis b;
	rep_pv_timing t;
	rep_annuity_rate a;
	assert_int_equal(REP_OK, rep_day_basis_parse(&b, "30360"));
	assert_int_equal(REP_BASIS_30360, b);
	assert_string_equal("actact", rep_day_basis_name(REP_BASIS_ACTACT));
	assert_string_equal("unknown", rep_day_basis_name((rep_day_basis)42));
	assert_int_equal(REP_EINVAL, rep_day_basis_parse(&b, "act/365"));
	assert_int_equal(REP_EUSAGE, rep_day_basis_parse(&b, NULL));
	assert_int_equal(REP_OK, rep_pv_timing_parse(&t, "continuous"));
	assert_int_equal(REP_PV_CONTINUOUS, t);
	assert_string_equal("mid", rep_pv_timing_name(REP_PV_MID));
	assert_int_equal(REP_OK, rep_annuity_rate_parse(&a, "nominal_monthly"));
	assert_int_equal(REP_ANNUITY_NOMINAL_MONTHLY, a);
	assert_string_equal("effective_annual", rep_annuity_rate_name(REP_ANNUITY_EFFECTIVE_ANNUAL));
	rep_tvm_result_clear(NULL);
	rep_tvm_result_init(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_interest_rate_change_leap),
		cmocka_unit_test(t_interest_compound_whole_years),
		cmocka_unit_test(t_interest_ecthr),
		cmocka_unit_test(t_interest_30360),
		cmocka_unit_test(t_interest_negative_zero),
		cmocka_unit_test(t_interest_errors),
		cmocka_unit_test(t_index_cpi_chain),
		cmocka_unit_test(t_index_cpi_monthly),
		cmocka_unit_test(t_index_mci),
		cmocka_unit_test(t_index_wage),
		cmocka_unit_test(t_index_errors),
		cmocka_unit_test(t_index_engine),
		cmocka_unit_test(t_pv_growing_annuity),
		cmocka_unit_test(t_pv_ogden),
		cmocka_unit_test(t_pv_negative_zero),
		cmocka_unit_test(t_pv_r_equals_g),
		cmocka_unit_test(t_pv_fractional_years),
		cmocka_unit_test(t_pv_ties),
		cmocka_unit_test(t_pv_errors),
		cmocka_unit_test(t_pv_from_harm),
		cmocka_unit_test(t_monthly_payment),
		cmocka_unit_test(t_names),
	};
	return cmocka_run_group_tests_name("tvm", tests, NULL, NULL);
}
