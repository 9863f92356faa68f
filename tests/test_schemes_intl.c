/* Unit tests for the international and comparative schemes (lib/schemes/
 * intl.c, us.c, jp.c, nl.c, uk.c, nz.c, ca.c) through the public C API, for
 * what the golden files (tests/cases/intl-*.json) cannot say: errors (a
 * missing exchange rate names the pair and the date, options out of range,
 * whole months and days), ranges (the named benchmarks of intl-un, the
 * Japanese statutory range, the ECtHR band), options (benchmark choice,
 * interest, the Texas annuity, ECtHR default interest), exchange rates
 * (direct, inverted and crossed through USD, each recorded), and the edges
 * of versions and caps (StrEG on 7/8 Oct 2020, UK at 119/120 months, Texas
 * before 1 Sep 2009).
 *
 * Every expected amount is computed by hand in the comment next to it. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "reparations/case.h"
#include "reparations/context.h"
#include "reparations/estimate.h"
#include "reparations/scheme.h"

typedef struct fixture {
	rep_context *ctx;
	rep_error err;
} fixture;

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	if (rep_context_new(&f->ctx, &f->err) != REP_OK) {
		free(f);
		return -1;
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	rep_context_free(f->ctx);
	free(f);
	return 0;
}

/* A fresh context (exchange rates set by a test stay in it). */
static rep_context *new_ctx(void)
{
	rep_context *ctx = NULL;
	rep_error err;
	if (rep_context_new(&ctx, &err) != REP_OK)
		fail_msg("context: %s", err.message);
	return ctx;
}

static void set_fx(rep_context *ctx, const char *pair, const char *rate)
{
	rep_error err;
	if (rep_context_set_fx(ctx, pair, rate, REP_DATE_NONE, "test rate", &err) != REP_OK)
		fail_msg("%s: %s", pair, err.message);
}

/* Estimate `json` under `scheme` in `ctx` with the NULL-terminated options in `ap`. */
static rep_status compute_v(fixture *f, rep_context *ctx, rep_estimate **out, const char *json, const char *scheme,
			    va_list ap)
{
	rep_case *c = NULL;
	rep_error_clear(&f->err);
	if (rep_case_from_json(&c, json, strlen(json), &f->err) != REP_OK)
		fail_msg("test case does not read: %s\n%s", f->err.message, json);
	rep_options *o = NULL;
	assert_int_equal(rep_options_new(&o), REP_OK);
	for (const char *a = va_arg(ap, const char *); a; a = va_arg(ap, const char *))
		assert_int_equal(rep_options_add(o, a, &f->err), REP_OK);
	rep_error_clear(&f->err);
	*out = NULL;
	rep_status st = rep_estimate_compute(out, ctx ? ctx : f->ctx, c, scheme, o, &f->err);
	rep_options_free(o);
	rep_case_free(c);
	return st;
}

static rep_status compute(fixture *f, rep_context *ctx, rep_estimate **out, const char *json, const char *scheme, ...)
{
	va_list ap;
	va_start(ap, scheme);
	rep_status st = compute_v(f, ctx, out, json, scheme, ap);
	va_end(ap);
	return st;
}

/* The estimate, which must compute; options follow, NULL-terminated. */
static rep_estimate *estimate(fixture *f, rep_context *ctx, const char *json, const char *scheme, ...)
{
	rep_estimate *e = NULL;
	va_list ap;
	va_start(ap, scheme);
	rep_status st = compute_v(f, ctx, &e, json, scheme, ap);
	va_end(ap);
	if (st != REP_OK)
		fail_msg("%s: %s", scheme, f->err.message);
	return e;
}

/* The error of an estimate that must fail with `status`, its message containing `part`. */
static void expect_error(fixture *f, rep_context *ctx, const char *json, const char *scheme, const char *option,
			 rep_status status, const char *part)
{
	rep_estimate *e = NULL;
	rep_status st = compute(f, ctx, &e, json, scheme, option, NULL);
	rep_estimate_free(e);
	assert_int_equal(st, status);
	if (!strstr(f->err.message, part))
		fail_msg("%s: \"%s\" does not contain \"%s\"", scheme, f->err.message, part);
}

static const rep_line *line_with_head(const rep_estimate *e, const char *head, size_t nth)
{
	for (size_t i = 0; i < rep_estimate_line_count(e); i++)
		if (strcmp(rep_estimate_line(e, i)->head, head) == 0 && nth-- == 0)
			return rep_estimate_line(e, i);
	fail_msg("%s: no line %s", rep_estimate_scheme(e), head);
	return NULL;
}

static bool has_line(const rep_estimate *e, const char *head)
{
	for (size_t i = 0; i < rep_estimate_line_count(e); i++)
		if (strcmp(rep_estimate_line(e, i)->head, head) == 0)
			return true;
	return false;
}

static const rep_refpoint *refpoint(const rep_estimate *e, const char *series)
{
	for (size_t i = 0; i < rep_estimate_refpoint_count(e); i++)
		if (strcmp(rep_estimate_refpoint(e, i)->series, series) == 0)
			return rep_estimate_refpoint(e, i);
	fail_msg("%s: no reference point %s", rep_estimate_scheme(e), series);
	return NULL;
}

static void expect_range(const rep_estimate *e, const char *low, const char *high, const char *uses)
{
	const char *l, *h, *u;
	assert_true(rep_estimate_range(e, &l, &h, &u));
	assert_string_equal(l, low);
	assert_string_equal(h, high);
	assert_string_equal(u, uses);
}

static bool contains(const char *s, const char *part)
{
	return s && strstr(s, part);
}

/* ---- case texts ---- */

/* One detention of `kind` from `start` to `end`, in `currency`, with the
 * outcome and any extra proceedings fields; `harms` is a JSON array. */
static const char *make_case(char *buf, size_t n, const char *currency, const char *as_of, const char *outcome,
			     const char *extra, const char *kind, const char *start, const char *end, const char *harms)
{
	snprintf(buf, n,
		 "{\"id\": \"t\", \"currency\": \"%s\", \"as_of\": \"%s\","
		 " \"proceedings\": {\"kind\": \"criminal\", \"outcome\": \"%s\"%s},"
		 " \"detentions\": [{\"kind\": \"%s\", \"start\": \"%s\", \"end\": \"%s\"}],"
		 " \"harms\": %s}",
		 currency, as_of, outcome, extra, kind, start, end, harms);
	return buf;
}

#define ARBITRARY ", \"arbitrary_detention_finding\": true"

/* ---- the catalogue: ids, currencies, statuses, each stating its day count ---- */

static void t_catalogue(void **state)
{
	fixture *f = *state;
	static const struct {
		const char *id, *currency, *status, *daycount;
	} want[] = {
		{"intl-un", "case", "standard", "inclusive of both ends"},
		{"echr", "EUR", "practice", "no day count"},
		{"us-tx", "USD", "law", "months/12"},
		{"us-ca", "USD", "law", "inclusive of both ends"},
		{"us-fl", "USD", "law", "inclusive days / 365"},
		{"jp-cca", "JPY", "law", "inclusive of the day of arrest"},
		{"nl-lovs", "EUR", "practice", "does not count"},
		{"uk-cja", "GBP", "law", "whole months"},
		{"nz-guidelines", "NZD", "guideline", "inclusive days"},
		{"ca-guidelines", "CAD", "guideline", "No day count"},
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		const rep_scheme *s = rep_scheme_find(f->ctx, want[i].id);
		if (!s)
			fail_msg("no scheme %s", want[i].id);
		assert_string_equal(rep_scheme_currency(s), want[i].currency);
		assert_string_equal(rep_scheme_status(s), want[i].status);
		if (!contains(rep_scheme_notes(s), want[i].daycount))
			fail_msg("%s: the notes do not state the day count (\"%s\")", want[i].id, want[i].daycount);
	}
}

/* ---- exchange rates ---- */

static void t_fx_missing_rate(void **state)
{
	fixture *f = *state;
	char b[1024];
	/* the built-in series stop at 2025-12-31: nothing is extrapolated */
	const char *kzt = make_case(b, sizeof b, "KZT", "2026-03-01", "acquitted", "", "pretrial_custody", "2023-03-01",
				    "2023-03-10", "[{\"category\": \"property\", \"amount\": \"500000\", \"date\": \"2023-01-05\"}]");
	expect_error(f, NULL, kzt, "de-streg", NULL, REP_ENODATA, "no exchange rate KZT/EUR for 2026-03-01");
	/* intl-un converts the German benchmark the other way */
	make_case(b, sizeof b, "KZT", "2026-03-01", "amnesty", ARBITRARY, "prison", "2023-03-01", "2023-03-10", "[]");
	expect_error(f, NULL, b, "intl-un", NULL, REP_ENODATA, "no exchange rate EUR/KZT for 2026-03-01");
	/* within the series (2024 annual average) it converts */
	make_case(b, sizeof b, "KZT", "2024-06-01", "amnesty", ARBITRARY, "prison", "2023-03-01", "2023-03-10", "[]");
	rep_estimate *e = estimate(f, NULL, b, "intl-un", NULL);
	assert_string_equal(refpoint(e, "FX EUR/KZT")->from, "2024-01-01");
	rep_estimate_free(e);
}

static void t_fx_direct_inverse_cross(void **state)
{
	fixture *f = *state;
	char b[1024];
	make_case(b, sizeof b, "KZT", "2026-03-01", "amnesty", ARBITRARY, "prison", "2023-03-01", "2023-03-10", "[]");
	rep_context *ctx = new_ctx();
	set_fx(ctx, "EUR/KZT", "500");
	rep_estimate *e = estimate(f, ctx, b, "intl-un", NULL);
	/* 10 days x EUR 75 x 500 KZT = 375,000.00 KZT */
	const rep_line *l = line_with_head(e, "moral_harm", 0);
	assert_string_equal(l->amount, "375000.00");
	assert_true(contains(l->formula, "converted at 1 EUR = 500 KZT (test rate"));
	assert_string_equal(refpoint(e, "FX EUR/KZT")->value, "500");
	rep_estimate_free(e);
	rep_context_free(ctx);

	/* a KZT amount under a EUR scheme: the stored EUR/KZT point, used inverted */
	ctx = new_ctx();
	set_fx(ctx, "EUR/KZT", "500");
	make_case(b, sizeof b, "KZT", "2026-03-01", "amnesty", ARBITRARY, "prison", "2023-03-01", "2023-03-10",
		  "[{\"category\": \"legal_costs\", \"amount\": \"123456\", \"date\": \"2023-05-01\"}]");
	e = estimate(f, ctx, b, "echr", NULL);
	/* 123,456 / 500 = 246.912 -> 246.91 EUR */
	l = line_with_head(e, "legal_costs", 0);
	assert_string_equal(l->amount, "246.91");
	assert_string_equal(l->nominal, "123456.00 KZT");
	const rep_refpoint *p = refpoint(e, "FX KZT/EUR");
	assert_string_equal(p->value, "500");
	assert_true(contains(p->source, "stored as EUR/KZT (1 EUR = 500 KZT), used inverted"));
	rep_estimate_free(e);
	rep_context_free(ctx);

	/* no EUR/KZT rate: crossed through USD, both legs recorded with their sources */
	ctx = new_ctx();
	set_fx(ctx, "USD/KZT", "520");
	set_fx(ctx, "EUR/USD", "1.17");
	make_case(b, sizeof b, "KZT", "2026-03-01", "amnesty", ARBITRARY, "prison", "2023-03-01", "2023-03-10", "[]");
	e = estimate(f, ctx, b, "intl-un", NULL);
	/* 1 EUR = 1.17 x 520 = 608.4 KZT; 10 x 75 x 608.4 = 456,300.00 */
	assert_string_equal(line_with_head(e, "moral_harm", 0)->amount, "456300.00");
	assert_string_equal(refpoint(e, "FX EUR/USD")->value, "1.17");
	assert_string_equal(refpoint(e, "FX USD/KZT")->value, "520");
	p = refpoint(e, "FX EUR/KZT");
	assert_string_equal(p->value, "608.4");
	assert_true(contains(p->source, "cross rate via USD"));
	rep_estimate_free(e);
	rep_context_free(ctx);
}

/* ---- intl-un ---- */

static void t_un_eligibility(void **state)
{
	fixture *f = *state;
	char b[1024];
	static const struct {
		const char *outcome, *extra;
		bool eligible;
	} cases[] = {
		{"amnesty", ARBITRARY, true},          {"pardon", ARBITRARY, true},
		{"sentence_served", ARBITRARY, true},  {"acquitted", "", true},
		{"conviction_quashed", "", true},      {"amnesty", "", false},
		{"sentence_served", "", false},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		make_case(b, sizeof b, "EUR", "2025-06-01", cases[i].outcome, cases[i].extra, "prison", "2023-01-01",
			  "2023-04-10", "[]");
		rep_estimate *e = estimate(f, NULL, b, "intl-un", NULL);
		if (rep_estimate_eligible(e) != cases[i].eligible)
			fail_msg("%s%s: eligible should be %d", cases[i].outcome, cases[i].extra, cases[i].eligible);
		const rep_finding *fd = rep_estimate_finding(e, 0);
		assert_true(contains(fd->basis, "ICCPR"));
		rep_estimate_free(e);
	}
}

/* The five heads of para. 20, each a group, each line citing GA res. 60/147. */
static void t_un_heads_cited(void **state)
{
	fixture *f = *state;
	char b[2048];
	make_case(b, sizeof b, "EUR", "2025-06-01", "amnesty", ARBITRARY, "prison", "2023-01-01", "2023-04-10",
		  "[{\"category\": \"lost_earnings\", \"monthly\": \"2000\", \"start\": \"2023-01-01\", \"end\": \"2023-04-10\"},"
		  " {\"category\": \"property\", \"amount\": \"5000\", \"date\": \"2023-01-01\"},"
		  " {\"category\": \"legal_costs\", \"amount\": \"3000\", \"date\": \"2023-02-01\"}]");
	rep_estimate *e = estimate(f, NULL, b, "intl-un", NULL);
	bool seen[5] = {false};
	char last = 'a';
	for (size_t i = 0; i < rep_estimate_line_count(e); i++) {
		const rep_line *l = rep_estimate_line(e, i);
		if (!l->group || l->group[0] != '(' || l->group[1] < 'a' || l->group[1] > 'e')
			fail_msg("line %zu (%s) has no head group", i, l->label);
		assert_true(l->group[1] >= last); /* listed group by group */
		last = l->group[1];
		seen[l->group[1] - 'a'] = true;
		if (!contains(l->basis, "GA res. 60/147, para. 20"))
			fail_msg("line %zu (%s) does not cite para. 20: %s", i, l->label, l->basis);
	}
	for (int k = 0; k < 5; k++)
		if (!seen[k])
			fail_msg("head (%c) is missing", 'a' + k);
	rep_estimate_free(e);
}

/* The named benchmarks of (d): the total uses the chosen one, the range covers them all. */
static void t_un_benchmarks(void **state)
{
	fixture *f = *state;
	char b[1024];
	/* 2023-01-01..2023-07-19 = 200 days */
	make_case(b, sizeof b, "EUR", "2025-06-01", "amnesty", ARBITRARY, "prison", "2023-01-01", "2023-07-19", "[]");

	/* default: Germany, 200 x 75 = 15,000; the ECtHR band 7,500..35,000 brackets it */
	rep_estimate *e = estimate(f, NULL, b, "intl-un", NULL);
	assert_string_equal(rep_estimate_total(e), "15000.00");
	expect_range(e, "7500.00", "35000.00", "default");
	assert_false(has_line(e, "fixed"));
	rep_estimate_free(e);

	/* the ECtHR band: EUR 20,000 in the total, its cases named */
	e = estimate(f, NULL, b, "intl-un", "intl-un.moral_benchmark=echr", NULL);
	assert_string_equal(rep_estimate_total(e), "20000.00");
	const rep_line *l = line_with_head(e, "moral_harm", 0);
	assert_true(contains(l->note, "Ayyubzade") && contains(l->note, "Demirtaş"));
	assert_string_equal(l->group, "(d) moral damage");
	expect_range(e, "7500.00", "35000.00", "option");
	rep_estimate_free(e);

	/* a rate of the user's own: 200 x 250 = 50,000, which raises the range's top */
	e = estimate(f, NULL, b, "intl-un", "intl-un.moral_benchmark=user", "intl-un.moral_per_day=250", NULL);
	assert_string_equal(rep_estimate_total(e), "50000.00");
	expect_range(e, "7500.00", "50000.00", "high");
	rep_estimate_free(e);

	/* the user's rate counts in the range even when another benchmark is chosen */
	e = estimate(f, NULL, b, "intl-un", "intl-un.moral_per_day=10", NULL);
	assert_string_equal(rep_estimate_total(e), "15000.00");
	expect_range(e, "2000.00", "35000.00", "option");
	rep_estimate_free(e);

	/* none: a moral-damage figure given in the case stands alone; the range runs from it to the
	 * highest benchmark added to it (12,345 + 35,000) */
	make_case(b, sizeof b, "EUR", "2025-06-01", "amnesty", ARBITRARY, "prison", "2023-01-01", "2023-07-19",
		  "[{\"category\": \"moral_harm\", \"amount\": \"12345\"}]");
	e = estimate(f, NULL, b, "intl-un", "intl-un.moral_benchmark=none", NULL);
	assert_string_equal(rep_estimate_total(e), "12345.00");
	assert_int_equal(rep_estimate_line_count(e), 3); /* (a), (b), (d) the figure */
	expect_range(e, "12345.00", "47345.00", "low");
	rep_estimate_free(e);

	/* a choice outside the list is an error */
	expect_error(f, NULL, b, "intl-un", "intl-un.moral_benchmark=russia", REP_EINVAL, "is not one of");
}

static void t_un_interest(void **state)
{
	fixture *f = *state;
	char b[1024];
	make_case(b, sizeof b, "EUR", "2025-06-01", "amnesty", ARBITRARY, "prison", "2023-01-01", "2023-01-10",
		  "[{\"category\": \"property\", \"amount\": \"5000\", \"date\": \"2023-01-01\"}]");
	rep_estimate *e = estimate(f, NULL, b, "intl-un", "intl-un.indexation=interest", "intl-un.interest_rate=5", NULL);
	/* 2023-01-01 to 2025-06-01 = 882 days: 5,000 x 0.05 x 882/365 = 604.109... -> 5,604.11 */
	const rep_line *l = line_with_head(e, "property", 0);
	assert_string_equal(l->amount, "5604.11");
	assert_string_equal(l->nominal, "5000.00");
	assert_true(contains(l->adjustment, "simple interest at 5 % a year"));
	rep_estimate_free(e);
	/* nominal by default */
	e = estimate(f, NULL, b, "intl-un", NULL);
	assert_string_equal(line_with_head(e, "property", 0)->amount, "5000.00");
	rep_estimate_free(e);
	expect_error(f, NULL, b, "intl-un", "intl-un.interest_rate=101", REP_EINVAL, "above the allowed maximum");
}

/* ---- echr ---- */

static void t_echr_default_interest(void **state)
{
	fixture *f = *state;
	char b[1024];
	/* settlement 2025-07-01, 30 days late: 2025-06-01..06-10 at MLF 2.65 + 3, 06-11..06-30 at 2.40 + 3:
	 * 7,500 x (0.0565 x 10 + 0.054 x 20) / 365 = 7,500 x 1.645 / 365 = 33.801... -> 33.80 */
	make_case(b, sizeof b, "EUR", "2025-07-01", "pending", ARBITRARY, "pretrial_custody", "2014-08-01", "2014-12-31",
		  "[]");
	rep_estimate *e = estimate(f, NULL, b, "echr", "echr.non_pecuniary=7500", "echr.days_late=30", NULL);
	const rep_line *l = line_with_head(e, "interest", 0);
	assert_string_equal(l->amount, "33.80");
	assert_string_equal(l->klass, "pecuniary");
	assert_true(contains(l->formula, "ECB.MLF + 3"));
	assert_string_equal(refpoint(e, "ECB.MLF")->value, "2.65");
	assert_string_equal(rep_estimate_total(e), "7533.80");
	rep_estimate_free(e);
	expect_error(f, NULL, b, "echr", "echr.days_late=1.5", REP_EINVAL, "whole days");
	/* the band's cases are shown with the line */
	e = estimate(f, NULL, b, "echr", NULL);
	l = line_with_head(e, "moral_harm", 0);
	assert_true(contains(l->note, "Navalnyy v. Russia (No. 2)") && contains(l->note, "Azizov"));
	assert_true(contains(l->formula, "7,500-35,000"));
	rep_estimate_free(e);
}

/* ---- national tariffs ---- */

static void t_jp_range_and_option(void **state)
{
	fixture *f = *state;
	char b[1024];
	/* 2024-02-28..2024-03-08 both ends = 10 days (29 Feb included) */
	make_case(b, sizeof b, "JPY", "2026-03-01", "acquitted", "", "pretrial_custody", "2024-02-28", "2024-03-08", "[]");
	rep_estimate *e = estimate(f, NULL, b, "jp-cca", NULL);
	assert_string_equal(rep_estimate_total(e), "125000"); /* 10 x 12,500, the maximum as headline */
	expect_range(e, "10000", "125000", "high");
	rep_estimate_free(e);
	e = estimate(f, NULL, b, "jp-cca", "jp-cca.daily_rate=5000", NULL);
	assert_string_equal(rep_estimate_total(e), "50000");
	expect_range(e, "10000", "125000", "option");
	rep_estimate_free(e);
	expect_error(f, NULL, b, "jp-cca", "jp-cca.daily_rate=13000", REP_EINVAL, "above the allowed maximum 12500");
	expect_error(f, NULL, b, "jp-cca", "jp-cca.daily_rate=999", REP_EINVAL, "below the allowed minimum 1000");
}

static void t_texas_annuity_and_version(void **state)
{
	fixture *f = *state;
	char b[1024];
	/* 2000-01-01..2009-12-31 = 10 whole years x 80,000 = 800,000 */
	make_case(b, sizeof b, "USD", "2026-03-01", "conviction_quashed", "", "prison", "2000-01-01", "2009-12-31", "[]");
	rep_estimate *e = estimate(f, NULL, b, "us-tx", NULL);
	assert_string_equal(rep_estimate_total(e), "800000.00");
	assert_string_equal(line_with_head(e, "annuity", 0)->amount, "0.00");
	rep_estimate_free(e);
	/* research 4.4: PV 800,000 at 5 % (effective annual), 40 years of monthly payments: 3,798.92 */
	e = estimate(f, NULL, b, "us-tx", "us-tx.annuity_years=40", NULL);
	const rep_line *l = line_with_head(e, "annuity", 0);
	assert_string_equal(l->rate, "3798.92");
	assert_string_equal(l->amount, "800000.00");
	assert_string_equal(rep_estimate_total(e), "1600000.00");
	rep_estimate_free(e);
	/* a term of 0.05 years is 0.6 months: not a whole number of payments */
	expect_error(f, NULL, b, "us-tx", "us-tx.annuity_years=0.05", REP_EINVAL, "annuity_years");
	/* a claim made before the 2009 Act: not modelled, reported as not in force */
	make_case(b, sizeof b, "USD", "2026-03-01", "conviction_quashed", ", \"application_date\": \"2009-08-31\"", "prison",
		  "2000-01-01", "2009-12-31", "[]");
	e = estimate(f, NULL, b, "us-tx", NULL);
	assert_false(rep_estimate_eligible(e));
	bool found = false;
	for (size_t i = 0; i < rep_estimate_finding_count(e); i++)
		found = found || strcmp(rep_estimate_finding(e, i)->code, "not_in_force") == 0;
	assert_true(found);
	rep_estimate_free(e);
}

static void t_uk_ten_year_edge(void **state)
{
	fixture *f = *state;
	char b[1024];
	static const char harm[] = "[{\"category\": \"moral_harm\", \"amount\": \"2000000\"}]";
	/* 2010-01-01..2019-12-31 = 120 whole months: the 10-year cap */
	make_case(b, sizeof b, "GBP", "2026-03-01", "conviction_quashed", ", \"application_date\": \"2025-10-29\"", "prison",
		  "2010-01-01", "2019-12-31", harm);
	rep_estimate *e = estimate(f, NULL, b, "uk-cja", NULL);
	assert_string_equal(rep_estimate_total(e), "1300000.00");
	rep_estimate_free(e);
	/* one day less: 119 months and 30 days */
	make_case(b, sizeof b, "GBP", "2026-03-01", "conviction_quashed", ", \"application_date\": \"2025-10-29\"", "prison",
		  "2010-01-01", "2019-12-30", harm);
	e = estimate(f, NULL, b, "uk-cja", NULL);
	assert_string_equal(rep_estimate_total(e), "650000.00");
	rep_estimate_free(e);
	/* the day before the Order */
	make_case(b, sizeof b, "GBP", "2026-03-01", "conviction_quashed", ", \"application_date\": \"2025-10-28\"", "prison",
		  "2010-01-01", "2019-12-31", harm);
	e = estimate(f, NULL, b, "uk-cja", NULL);
	assert_string_equal(rep_estimate_total(e), "1000000.00");
	rep_estimate_free(e);
}

/* Lost earnings within the UK limit are paid in full, and the line says so. */
static void t_uk_earnings_within_limit(void **state)
{
	fixture *f = *state;
	char b[1024];
	/* 2024: 12 x 4,000 = 48,000 <= 58,558.50 */
	make_case(b, sizeof b, "GBP", "2026-03-01", "conviction_quashed", "", "prison", "2023-06-01", "2024-12-31",
		  "[{\"category\": \"lost_earnings\", \"monthly\": \"4000\", \"start\": \"2024-01-01\", \"end\": \"2024-12-31\"}]");
	rep_estimate *e = estimate(f, NULL, b, "uk-cja", NULL);
	const rep_line *l = line_with_head(e, "lost_earnings", 0);
	assert_string_equal(l->amount, "48000.00");
	assert_true(contains(l->note, "within the limit of 1.5 x UK.MEDIAN_EARNINGS 39039.00"));
	rep_estimate_free(e);
}

static void t_de_transition(void **state)
{
	fixture *f = *state;
	char b[1024];
	/* ended the day before the 2020 amendment: 10 x 25 */
	make_case(b, sizeof b, "EUR", "2026-03-01", "acquitted", "", "pretrial_custody", "2020-09-28", "2020-10-07", "[]");
	rep_estimate *e = estimate(f, NULL, b, "de-streg", NULL);
	assert_string_equal(rep_estimate_total(e), "250.00");
	rep_estimate_free(e);
	/* ended on 8 Oct 2020: the new rate for every day, 10 x 75 */
	make_case(b, sizeof b, "EUR", "2026-03-01", "acquitted", "", "pretrial_custody", "2020-09-29", "2020-10-08", "[]");
	e = estimate(f, NULL, b, "de-streg", NULL);
	assert_string_equal(rep_estimate_total(e), "750.00");
	rep_estimate_free(e);
}

static void t_nl_release_day(void **state)
{
	fixture *f = *state;
	char b[1024];
	/* arrested and released the same day: the day of release does not count */
	make_case(b, sizeof b, "EUR", "2026-03-01", "acquitted", "", "police_custody", "2016-05-01", "2016-05-01", "[]");
	rep_estimate *e = estimate(f, NULL, b, "nl-lovs", NULL);
	assert_string_equal(rep_estimate_total(e), "0.00");
	rep_estimate_free(e);
	/* one night, no application_date: filed on as_of 2026-03-01, so the 2026 rate, 1 day x 160 */
	make_case(b, sizeof b, "EUR", "2026-03-01", "acquitted", "", "police_custody", "2016-05-01", "2016-05-02", "[]");
	e = estimate(f, NULL, b, "nl-lovs", NULL);
	assert_string_equal(rep_estimate_total(e), "160.00");
	assert_true(contains(line_with_head(e, "liberty", 0)->formula, "days (the day of release not counted)"));
	rep_estimate_free(e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_catalogue),
		cmocka_unit_test(t_fx_missing_rate),
		cmocka_unit_test(t_fx_direct_inverse_cross),
		cmocka_unit_test(t_un_eligibility),
		cmocka_unit_test(t_un_heads_cited),
		cmocka_unit_test(t_un_benchmarks),
		cmocka_unit_test(t_un_interest),
		cmocka_unit_test(t_echr_default_interest),
		cmocka_unit_test(t_jp_range_and_option),
		cmocka_unit_test(t_texas_annuity_and_version),
		cmocka_unit_test(t_uk_ten_year_edge),
		cmocka_unit_test(t_uk_earnings_within_limit),
		cmocka_unit_test(t_de_transition),
		cmocka_unit_test(t_nl_release_day),
	};
	return cmocka_run_group_tests_name("schemes_intl", tests, setup, teardown);
}
