/* No silent wrong figure (issue 16): inputs that used to give a number
 * that is not the result now give the exact result or a clear error. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reparations.h"
#include "io/render.h"

static rep_case *case_from(const char *json)
{
	rep_case *c = NULL;
	rep_error err;
	rep_status st = rep_case_from_json(&c, json, strlen(json), &err);
	if (st)
		fail_msg("case: %s", err.message);
	return c;
}

static rep_status case_status(const char *json, rep_error *err)
{
	rep_case *c = NULL;
	rep_status st = rep_case_from_json(&c, json, strlen(json), err);
	rep_case_free(c);
	return st;
}

#define CASE_HEAD                                                                                                      \
	"{\"id\":\"f\",\"currency\":\"EUR\",\"as_of\":\"2026-03-01\",\"proceedings\":{\"kind\":\"criminal\","        \
	"\"outcome\":\"acquitted\",\"decision_date\":\"2023-05-02\"},\"detentions\":[{\"kind\":\"pretrial_custody\","   \
	"\"start\":\"2023-01-01\",\"end\":\"2023-01-10\"}]"

/* Two property losses of 9e29 EUR: de-streg pays them plus 10 days x EUR 75.
 * Total 1,800,000,000,000,000,000,000,000,000,750.00 EUR; at 1 EUR = 1.1 USD
 * that is 1,980,000,000,000,000,000,000,000,000,825.00 USD, per day (10 days)
 * 198,000,000,000,000,000,000,000,000,082.50. It used to print 0.00. */
static void t_report_currency_huge_total(void **state)
{
	(void)state;
	rep_context *ctx;
	rep_error err;
	assert_int_equal(rep_context_new(&ctx, &err), REP_OK);
	assert_int_equal(rep_context_set_fx(ctx, "EUR/USD", "1.1", REP_DATE_NONE, "t", &err), REP_OK);
	rep_case *c = case_from(CASE_HEAD ",\"harms\":[{\"category\":\"property\",\"amount\":\"900000000000000000000000000000\","
				"\"date\":\"2023-01-05\"},{\"category\":\"property\",\"amount\":"
				"\"900000000000000000000000000000\",\"date\":\"2023-01-05\"}]}");
	const char *schemes[] = {"de-streg"};
	rep_comparison *cmp = NULL;
	assert_int_equal(rep_compare(&cmp, ctx, c, schemes, 1, NULL, "USD", &err), REP_OK);
	const rep_comparison_row *r = rep_comparison_row_at(cmp, 0);
	assert_true(r->ok);
	assert_string_equal(r->total, "1800000000000000000000000000750.00");
	assert_string_equal(r->report_total, "1980000000000000000000000000825.00");
	assert_string_equal(r->report_per_day, "198000000000000000000000000082.50");
	rep_comparison_free(cmp);
	rep_case_free(c);
	rep_context_free(ctx);
}

/* "discount_rate": "5" meant 5 % and was read as 500 % (present value
 * 200,000 instead of 12,462,210): refused, with the calculator's hint. */
static void t_rate_as_percent_is_refused(void **state)
{
	(void)state;
	rep_error err;
	static const struct {
		const char *field, *value, *message;
	} bad[] = {
		{"discount_rate", "5", "harms[0].discount_rate: \"5\" is a rate of 100 % or more: rates are fractions, write 0.05 for 5 % (0.05 = 5 %)"},
		{"growth", "3", "harms[0].growth: \"3\" is a rate of 100 % or more: rates are fractions, write 0.03 for 3 % (0.05 = 5 %)"},
		{"discount_rate", "1", "harms[0].discount_rate: \"1\" is a rate of 100 % or more: rates are fractions, write 0.01 for 1 % (0.05 = 5 %)"},
		{"growth", "-1.5", "harms[0]: growth: \"-1.5\" must be greater than -1"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char json[1024];
		snprintf(json, sizeof json,
			 CASE_HEAD ",\"harms\":[{\"category\":\"lost_earning_capacity\",\"annual\":\"1000000\","
				   "\"years\":\"20\",\"%s\":\"%s\"}]}",
			 bad[i].field, bad[i].value);
		assert_int_equal(case_status(json, &err), REP_EINVAL);
		if (!strstr(err.message, bad[i].message))
			fail_msg("%s=%s: %s", bad[i].field, bad[i].value, err.message);
	}
	char json[1024];
	snprintf(json, sizeof json,
		 CASE_HEAD ",\"harms\":[{\"category\":\"lost_earning_capacity\",\"annual\":\"1000000\","
			   "\"years\":\"20\",\"growth\":\"0.999\",\"discount_rate\":\"-0.5\"}]}");
	assert_int_equal(case_status(json, &err), REP_OK);
}

static const char late_scheme[] =
	"{\"id\":\"li\",\"name\":\"Late\",\"currency\":\"EUR\",\"status\":\"scenario\","
	"\"qualifying\":[{\"outcomes\":[\"acquitted\"],\"text\":\"acquitted\",\"basis\":\"s.1\"}],"
	"\"tariffs\":[{\"label\":\"Days\",\"kinds\":[\"pretrial_custody\"],\"rate\":\"100\"}],"
	"\"options\":[{\"name\":\"late\",\"default\":\"0\"}],"
	"\"late_interest\":{\"label\":\"Late\",\"rate\":\"10\",\"days_option\":\"late\",\"basis\":\"s.3\"},"
	"\"citations\":[{\"instrument\":\"Test Act\",\"article\":\"s.1\"}]}";

static rep_status late_estimate(const char *days, const char **total, rep_error *err)
{
	static char keep[64];
	rep_context *ctx;
	assert_int_equal(rep_context_new(&ctx, err), REP_OK);
	assert_int_equal(rep_context_load_scheme(ctx, late_scheme, sizeof late_scheme - 1, err), REP_OK);
	rep_case *c = case_from(CASE_HEAD ",\"harms\":[]}");
	rep_options *o;
	assert_int_equal(rep_options_new(&o), REP_OK);
	char opt[64];
	snprintf(opt, sizeof opt, "li.late=%s", days);
	assert_int_equal(rep_options_add(o, opt, err), REP_OK);
	rep_estimate *e = NULL;
	rep_status st = rep_estimate_compute(&e, ctx, c, "li", o, err);
	if (st == REP_OK)
		snprintf(keep, sizeof keep, "%s", rep_estimate_total(e));
	*total = keep;
	rep_estimate_free(e);
	rep_options_free(o);
	rep_case_free(c);
	rep_context_free(ctx);
	return st;
}

/* The delay of late interest used to be truncated to 64 (then 32) bits:
 * 4,294,967,396 days computed 100 days, a negative delay gave positive
 * interest. Ten days at EUR 100 = 1,000; 100 days at 10 % simple act/365:
 * 1,000 x 0.10 x 100 / 365 = 27.397... -> 27.40; total 1,027.40. */
static void t_late_interest_days_bounded(void **state)
{
	(void)state;
	rep_error err;
	const char *total;
	assert_int_equal(late_estimate("100", &total, &err), REP_OK);
	assert_string_equal(total, "1027.40");
	static const char *const bad[] = {"4294967396", "18446744073709551716", "46081"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(late_estimate(bad[i], &total, &err), REP_ERANGE);
		assert_non_null(strstr(err.message, "days of delay: give 0 to 46080"));
	}
	/* the loader gives an option used as days min 0 */
	assert_int_equal(late_estimate("-100", &total, &err), REP_EINVAL);
	assert_non_null(strstr(err.message, "option li.late: -100 is below the allowed minimum 0"));
	/* as_of 2026-03-01 is day 20513; 1900-01-01 is day -25567: 46,080 days is the longest delay */
	assert_int_equal(late_estimate("46080", &total, &err), REP_OK);
}

/* A string the JSON writer cannot emit (invalid UTF-8) fails the rendering:
 * it used to be dropped, and the next string took its place (a value
 * became a key). */
static void t_json_string_failure_is_an_error(void **state)
{
	(void)state;
	yajl_gen g = rep_json_gen_new();
	assert_non_null(g);
	yajl_gen_map_open(g);
	rep_json_kv(g, "warning", "cut in half: \xd0");
	rep_json_kv(g, "bars", "yes");
	yajl_gen_map_close(g);
	rep_buf b = {0};
	assert_int_equal(rep_json_gen_finish(g, &b), REP_EINVAL);
	free(b.data);
	/* the next generator on the thread starts clean */
	g = rep_json_gen_new();
	yajl_gen_map_open(g);
	rep_json_kv(g, "warning", "\xd0\x96");
	yajl_gen_map_close(g);
	rep_buf ok = {0};
	assert_int_equal(rep_json_gen_finish(g, &ok), REP_OK);
	assert_non_null(strstr(ok.data, "\"warning\": \"\xd0\x96\""));
	free(ok.data);
}

static void fx_is(const rep_context *ctx, const char *from, const char *to, const char *date, const char *want)
{
	rep_date d;
	rep_error err;
	assert_int_equal(rep_date_parse(&d, date, &err), REP_OK);
	mpq_t r, w;
	mpq_inits(r, w, NULL);
	rep_status st = rep_fx_lookup(ctx, from, to, d, r, NULL, &err);
	if (st)
		fail_msg("%s/%s on %s: %s", from, to, date, err.message);
	assert_int_equal(rep_dec_parse(w, want, &err), REP_OK);
	if (!mpq_equal(r, w))
		fail_msg("%s/%s on %s: not %s", from, to, date, want);
	mpq_clears(r, w, NULL);
}

/* The --fx-file format through the library: dated rates in force from
 * their date, a later line for the same pair and date correcting an earlier
 * one, CRLF and comments; a NUL byte (which used to truncate the line and
 * drop the rest of the file silently) or any bad line is an error naming
 * the line, and nothing of that text is kept. */
static void t_fx_text(void **state)
{
	(void)state;
	rep_context *ctx;
	rep_error err;
	assert_int_equal(rep_context_new(&ctx, &err), REP_OK);
	static const char good[] = "# rates\r\nEUR/KZT=500\r\nEUR/KZT=520,2024-01-01\n\nEUR/KZT=510,2023-01-01\n"
				   "EUR/KZT=530,2024-01-01\nUSD/KZT=470";
	assert_int_equal(rep_context_load_fx(ctx, good, sizeof good - 1, &err), REP_OK);
	fx_is(ctx, "EUR", "KZT", "2022-06-01", "500");
	fx_is(ctx, "EUR", "KZT", "2023-06-01", "510");
	fx_is(ctx, "EUR", "KZT", "2024-01-01", "530"); /* line 6 corrects line 3 */
	fx_is(ctx, "USD", "KZT", "2030-01-01", "470");
	/* a single rate set later wins over the file's for its date */
	assert_int_equal(rep_context_set_fx(ctx, "EUR/KZT", "540", 19723, "t", &err), REP_OK); /* 2024-01-01 */
	fx_is(ctx, "EUR", "KZT", "2024-06-01", "540");
	static const char nul[] = "USD/KZT=480,2025-01-01\nGBP/KZT=600\0junk\nEUR/KZT=1\n";
	assert_int_equal(rep_context_load_fx(ctx, nul, sizeof nul - 1, &err), REP_ESYNTAX);
	assert_string_equal(err.message, "line 2: a NUL byte: not a text file");
	fx_is(ctx, "USD", "KZT", "2025-06-01", "470"); /* line 1 of the failed text not kept */
	static const char bad[][48] = {"EUR/KZT", "EUR/KZT=0", "EUR/KZT=1,2026-02-30", "EURKZT=1"};
	static const char *const msg[] = {"line 1: expected FROM/TO=RATE[,YYYY-MM-DD]",
					  "line 1: EUR/KZT: an exchange rate must be positive, got 0",
					  "line 1: 2026-02-30 is not a valid date",
					  "line 1: currency pair \"EURKZT\" is not of the form EUR/KZT"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_not_equal(rep_context_load_fx(ctx, bad[i], strlen(bad[i]), &err), REP_OK);
		assert_string_equal(err.message, msg[i]);
	}
	rep_context_free(ctx);
}

/* Dates the docs say may not follow as_of (a deadline counted from a
 * notice in the future is no deadline) are refused like decision_date. */
static void t_dates_after_as_of(void **state)
{
	(void)state;
	rep_error err;
	static const struct {
		const char *part, *path;
	} bad[] = {
		{"\"proceedings\":{\"kind\":\"criminal\",\"outcome\":\"acquitted\",\"decision_date\":\"2023-05-02\",\"notice_date\":\"2026-03-02\"}",
		 "proceedings.notice_date: 2026-03-02 is after as_of 2026-03-01"},
		{"\"proceedings\":{\"kind\":\"criminal\",\"outcome\":\"acquitted\",\"decision_date\":\"2023-05-02\",\"application_date\":\"2027-01-01\"}",
		 "proceedings.application_date: 2027-01-01 is after as_of 2026-03-01"},
		{"\"torture\":{\"cc146_part\":2,\"victim_recognised\":\"2026-12-31\"}",
		 "torture.victim_recognised: 2026-12-31 is after as_of 2026-03-01"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char json[1024];
		snprintf(json, sizeof json, "{\"id\":\"d\",\"currency\":\"EUR\",\"as_of\":\"2026-03-01\",%s,\"detentions\":[]}",
			 bad[i].part);
		assert_int_equal(case_status(json, &err), REP_EINVAL);
		assert_string_equal(err.message, bad[i].path);
	}
	/* on as_of itself is fine */
	assert_int_equal(case_status("{\"id\":\"d\",\"currency\":\"EUR\",\"as_of\":\"2026-03-01\",\"torture\":{\"cc146_part\":2,"
				     "\"victim_recognised\":\"2026-03-01\"},\"detentions\":[]}",
				     &err),
			 REP_OK);
}

/* Rationals through the C API are bounded like text inputs: a rate with a
 * 20,000-digit denominator made one present value take 15 s. */
static void t_api_rationals_bounded(void **state)
{
	(void)state;
	rep_error err;
	mpq_t annual, years, rate, huge, out;
	mpq_inits(annual, years, rate, huge, out, NULL);
	mpq_set_ui(annual, 12000, 1);
	mpq_set_ui(years, 20, 1);
	mpq_set_ui(rate, 5, 100);
	mpz_ui_pow_ui(mpq_denref(huge), 10, 20000);
	mpz_set_ui(mpq_numref(huge), 1);
	mpz_add_ui(mpq_denref(huge), mpq_denref(huge), 1); /* 1 / (10^20000 + 1): no short decimal */
	rep_tvm_result res;
	rep_tvm_result_init(&res);
	assert_int_equal(rep_tvm_pv(&res, annual, years, huge, NULL, REP_PV_END, 2, REP_ROUND_HALF_EVEN, &err), REP_ELIMIT);
	assert_non_null(strstr(err.message, "rate: a rational of more than 1024 bits"));
	assert_int_equal(rep_tvm_pv(&res, huge, years, rate, NULL, REP_PV_END, 2, REP_ROUND_HALF_EVEN, &err), REP_ELIMIT);
	assert_int_equal(rep_tvm_multiplier(out, years, rate, huge, REP_PV_END, 6, REP_ROUND_HALF_EVEN, &err), REP_ELIMIT);
	assert_int_equal(rep_tvm_monthly_payment(out, huge, years, rate, REP_ANNUITY_EFFECTIVE_ANNUAL, 2, REP_ROUND_HALF_EVEN,
						 &err),
			 REP_ELIMIT);
	rep_interest_opts o = {.rate = huge, .basis = REP_BASIS_ACT365};
	assert_int_equal(rep_tvm_interest(&res, NULL, annual, 19000, 19365, &o, &err), REP_ELIMIT);
	assert_int_equal(rep_dec_pow(out, rate, huge, 6, REP_ROUND_HALF_EVEN, &err), REP_ELIMIT);
	/* 300 digits pass (997 bits): 12,000 a year for 20 years at 1 / (10^300 + 1) is 240,000.00 */
	mpz_ui_pow_ui(mpq_denref(huge), 10, 300);
	mpz_add_ui(mpq_denref(huge), mpq_denref(huge), 1);
	assert_int_equal(rep_tvm_pv(&res, annual, years, huge, NULL, REP_PV_END, 2, REP_ROUND_HALF_EVEN, &err), REP_OK);
	char *v = rep_dec_format(res.value, 2, REP_ROUND_HALF_EVEN);
	assert_string_equal(v, "240000.00");
	free(v);
	rep_tvm_result_clear(&res);
	mpq_clears(annual, years, rate, huge, out, NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_report_currency_huge_total),
		cmocka_unit_test(t_rate_as_percent_is_refused),
		cmocka_unit_test(t_late_interest_days_bounded),
		cmocka_unit_test(t_json_string_failure_is_an_error),
		cmocka_unit_test(t_fx_text),
		cmocka_unit_test(t_dates_after_as_of),
		cmocka_unit_test(t_api_rationals_bounded),
	};
	return cmocka_run_group_tests_name("bad_figures", tests, NULL, NULL);
}
