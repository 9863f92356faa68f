/* libFuzzer: decimal and date parsing, and the arithmetic behind them.
 *
 * The whole input is parsed as a decimal (then rounded in every mode,
 * formatted, raised to a power, its logarithm taken) and as a date (then
 * formatted, counted in months and days to the end of the range, moved by
 * months). Split on '|', the fields feed the time-value functions: present
 * value annual|years|rate|growth, simple interest amount|from|to|rate, and
 * an option assignment "scheme.name=value" checked against the schemes. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "reparations.h"

static rep_context *ctx;

static void decimal(const char *s, size_t n)
{
	rep_error err;
	mpq_t q;
	mpq_init(q);
	if (rep_dec_parse_n(q, s, n, &err) == REP_OK) {
		for (int mode = REP_ROUND_HALF_UP; mode <= REP_ROUND_CEILING; mode++) {
			free(rep_dec_format(q, 2, (rep_round)mode));
			free(rep_dec_format(q, -3, (rep_round)mode));
		}
		free(rep_dec_to_string(q));
		mpq_t r, e;
		mpq_inits(r, e, NULL);
		if (mpq_sgn(q) > 0) {
			mpq_set_ui(e, 1, 12);
			rep_dec_pow(r, q, e, 6, REP_ROUND_HALF_EVEN, &err);
			if (mpq_cmp_ui(q, 1000, 1) < 0) {
				mpq_set_si(e, -37, 1);
				rep_dec_pow(r, q, e, 2, REP_ROUND_HALF_UP, &err);
			}
		}
		mpq_set_si(e, -1, 1);
		if (mpq_cmp(q, e) > 0)
			rep_dec_log1p(r, q, 8, REP_ROUND_HALF_UP, &err);
		mpq_clears(r, e, NULL);
	}
	mpq_clear(q);
}

static void date(const char *s, size_t n)
{
	rep_error err;
	rep_date d, m;
	if (rep_date_parse_n(&d, s, n, &err) == REP_OK) {
		char buf[REP_DATE_TEXT_SIZE];
		rep_date_format(d, buf);
		int32_t months, days;
		rep_months_and_days(d, REP_DATE_MAX, &months, &days);
		rep_months_and_days(REP_DATE_MIN, d, &months, &days);
		rep_date_add_months(&m, d, 1199);
		rep_date_add_months(&m, d, -1);
		rep_days_between(REP_DATE_MIN, d, REP_DC_EXCLUSIVE_LAST);
	}
}

/* Fields split on '|' into NUL-terminated copies in buf. */
static size_t split(char *buf, const uint8_t *data, size_t size, char **f, size_t max)
{
	memcpy(buf, data, size);
	buf[size] = '\0';
	size_t n = 0;
	for (char *p = buf; n < max;) {
		f[n++] = p;
		p = strchr(p, '|');
		if (!p)
			break;
		*p++ = '\0';
	}
	return n;
}

static void time_value(char **f, size_t n)
{
	rep_error err;
	mpq_t a, y, r, g;
	mpq_inits(a, y, r, g, NULL);
	if (n >= 4 && !rep_dec_parse(a, f[0], &err) && !rep_dec_parse(y, f[1], &err) && !rep_dec_parse(r, f[2], &err) &&
	    !rep_dec_parse(g, f[3], &err) && mpq_cmp_ui(y, 120, 1) <= 0) {
		rep_tvm_result res;
		for (int t = REP_PV_END; t <= REP_PV_CONTINUOUS; t++) {
			rep_tvm_result_init(&res);
			rep_tvm_pv(&res, a, y, r, g, (rep_pv_timing)t, 2, REP_ROUND_HALF_UP, &err);
			rep_tvm_result_clear(&res);
		}
		mpq_t out;
		mpq_init(out);
		rep_tvm_monthly_payment(out, a, y, r, REP_ANNUITY_EFFECTIVE_ANNUAL, 2, REP_ROUND_HALF_UP, &err);
		rep_tvm_monthly_payment(out, a, y, r, REP_ANNUITY_NOMINAL_MONTHLY, 2, REP_ROUND_HALF_UP, &err);
		mpq_clear(out);
	}
	rep_date from, to;
	if (n >= 4 && !rep_dec_parse(a, f[0], &err) && !rep_date_parse(&from, f[1], &err) &&
	    !rep_date_parse(&to, f[2], &err) && !rep_dec_parse(r, f[3], &err)) {
		rep_interest_opts o = {.rate = r, .basis = REP_BASIS_ACT365, .compound = f[3][0] == '+'};
		rep_tvm_result res;
		rep_tvm_result_init(&res);
		rep_tvm_interest(&res, ctx, a, from, to, &o, &err);
		rep_tvm_result_clear(&res);
		rep_tvm_result_init(&res);
		o = (rep_interest_opts){.series = "ECB.MLF", .margin = r, .basis = REP_BASIS_30360};
		rep_tvm_interest(&res, ctx, a, from, to, &o, &err);
		rep_tvm_result_clear(&res);
	}
	mpq_clears(a, y, r, g, NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	rep_error err;
	if (!ctx && rep_context_new(&ctx, &err))
		abort();
	decimal((const char *)data, size);
	date((const char *)data, size);
	if (size > 4096)
		return 0;
	char buf[4097], *f[8];
	size_t n = split(buf, data, size, f, 8);
	time_value(f, n);
	rep_options *o = NULL;
	if (rep_options_new(&o) == REP_OK) {
		if (rep_options_add(o, f[0], &err) == REP_OK)
			rep_options_check(o, ctx, &err);
		rep_options_free(o);
	}
	return 0;
}
