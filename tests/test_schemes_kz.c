/* Unit tests for the Kazakh and Uzbek schemes (lib/schemes/kz.c, uz.c)
 * through the public C API: eligibility findings (codes and texts, one per
 * bar), the 100-MCI cap of the 1993 law, MCI lookups on both sides of the
 * mid-year changes (1 July 2009, 1 April 2020), both Victims Fund tiers, the
 * reform scenario's eligibility, reference-data gaps (REP_ENODATA naming the
 * series and its range) and options out of range (REP_EINVAL).
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

static rep_case *read_case(fixture *f, const char *json)
{
	rep_case *c = NULL;
	rep_error_clear(&f->err);
	if (rep_case_from_json(&c, json, strlen(json), &f->err) != REP_OK)
		fail_msg("test case does not read: %s\n%s", f->err.message, json);
	return c;
}

/* Estimate `json` under `scheme` with the NULL-terminated options in `ap`. */
static rep_status compute_v(fixture *f, rep_estimate **out, const char *json, const char *scheme, va_list ap)
{
	rep_case *c = read_case(f, json);
	rep_options *o = NULL;
	assert_int_equal(rep_options_new(&o), REP_OK);
	for (const char *a = va_arg(ap, const char *); a; a = va_arg(ap, const char *))
		assert_int_equal(rep_options_add(o, a, &f->err), REP_OK);
	rep_error_clear(&f->err);
	*out = NULL;
	rep_status st = rep_estimate_compute(out, f->ctx, c, scheme, o, &f->err);
	rep_options_free(o);
	rep_case_free(c);
	return st;
}

static rep_status compute(fixture *f, rep_estimate **out, const char *json, const char *scheme, ...)
{
	va_list ap;
	va_start(ap, scheme);
	rep_status st = compute_v(f, out, json, scheme, ap);
	va_end(ap);
	return st;
}

/* The estimate, which must compute; options follow, NULL-terminated. */
static rep_estimate *estimate(fixture *f, const char *json, const char *scheme, ...)
{
	rep_estimate *e = NULL;
	va_list ap;
	va_start(ap, scheme);
	rep_status st = compute_v(f, &e, json, scheme, ap);
	va_end(ap);
	if (st != REP_OK)
		fail_msg("%s: %s", scheme, f->err.message);
	return e;
}

static void expect_finding(const rep_estimate *e, size_t i, const char *code, bool bars, const char *text_prefix)
{
	if (i >= rep_estimate_finding_count(e))
		fail_msg("%s: no finding %zu (have %zu)", rep_estimate_scheme(e), i, rep_estimate_finding_count(e));
	const rep_finding *fd = rep_estimate_finding(e, i);
	assert_string_equal(fd->code, code);
	assert_int_equal(fd->bars, bars);
	if (text_prefix && strncmp(fd->text, text_prefix, strlen(text_prefix)) != 0)
		fail_msg("finding %zu of %s: \"%s\" does not start with \"%s\"", i, rep_estimate_scheme(e), fd->text,
			 text_prefix);
	/* every finding cites its basis, except the engine's generic ones */
	if (strcmp(code, "no_torture") != 0 && strcmp(code, "no_detention") != 0)
		assert_true(fd->basis[0] != '\0');
}

static const rep_line *line_with_head(const rep_estimate *e, const char *head)
{
	for (size_t i = 0; i < rep_estimate_line_count(e); i++)
		if (strcmp(rep_estimate_line(e, i)->head, head) == 0)
			return rep_estimate_line(e, i);
	fail_msg("%s: no line %s", rep_estimate_scheme(e), head);
	return NULL;
}

static bool has_warning(const rep_estimate *e, const char *part)
{
	for (size_t i = 0; i < rep_estimate_warning_count(e); i++)
		if (strstr(rep_estimate_warning(e, i), part))
			return true;
	return false;
}

/* ---- case texts ---- */

/* A criminal case with one prison term, the outcome and flags filled in. */
static const char *criminal(char *buf, size_t n, const char *outcome, const char *flags)
{
	snprintf(buf, n,
		 "{\"id\": \"t\", \"currency\": \"KZT\", \"as_of\": \"2024-03-01\","
		 " \"proceedings\": {\"kind\": \"criminal\", \"outcome\": \"%s\", \"decision_date\": \"2024-01-10\"%s},"
		 " \"detentions\": [{\"kind\": \"prison\", \"start\": \"2023-01-01\", \"end\": \"2024-01-10\"}],"
		 " \"harms\": [{\"category\": \"legal_costs\", \"amount\": \"300000\", \"date\": \"2023-02-01\"}]}",
		 outcome, flags);
	return buf;
}

/* A 1993-law case: `months` in prison from 1937-03-01, applying on `applied`. */
static const char *repression(char *buf, size_t n, const char *end, const char *applied, const char *as_of)
{
	snprintf(buf, n,
		 "{\"id\": \"r\", \"currency\": \"KZT\", \"as_of\": \"%s\","
		 " \"proceedings\": {\"kind\": \"political_repression\", \"outcome\": \"repression_rehabilitated\","
		 " \"application_date\": \"%s\"},"
		 " \"detentions\": [{\"kind\": \"prison\", \"start\": \"1937-03-01\", \"end\": \"%s\"}]}",
		 as_of, applied, end);
	return buf;
}

static const char *torture(char *buf, size_t n, int part, const char *as_of, const char *recognised)
{
	snprintf(buf, n,
		 "{\"id\": \"f\", \"currency\": \"KZT\", \"as_of\": \"%s\","
		 " \"proceedings\": {\"kind\": \"criminal\", \"outcome\": \"sentence_served\"},"
		 " \"detentions\": [{\"kind\": \"pretrial_custody\", \"start\": \"2019-05-01\", \"end\": \"2019-05-03\"}],"
		 " \"torture\": {\"cc146_part\": %d, \"victim_recognised\": \"%s\"}}",
		 as_of, part, recognised);
	return buf;
}

/* ---- the schemes exist, with their ids, statuses and currencies ---- */

static void t_catalogue(void **state)
{
	fixture *f = *state;
	static const char *const ids[] = {"kz-cpc", "kz-admin", "kz-repression", "kz-victims-fund", "kz-reform"};
	for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
		const rep_scheme *s = rep_scheme_find(f->ctx, ids[i]);
		assert_non_null(s);
		assert_string_equal(rep_scheme_currency(s), "KZT");
		assert_string_equal(rep_scheme_status(s), strcmp(ids[i], "kz-reform") == 0 ? "scenario" : "law");
		assert_true(strlen(rep_scheme_notes(s)) > 100);
	}
	const rep_scheme *uz = rep_scheme_find(f->ctx, "uz-cpc");
	assert_non_null(uz);
	assert_string_equal(rep_scheme_currency(uz), "UZS");
	/* the admin scheme explains the seed's article numbers */
	assert_non_null(strstr(rep_scheme_notes(rep_scheme_find(f->ctx, "kz-admin")), "677 and 678"));
	/* the domestic default is nominal, and says why */
	const rep_scheme *cpc = rep_scheme_find(f->ctx, "kz-cpc");
	rep_option_info oi;
	assert_int_equal(rep_scheme_option_at(cpc, 0, &oi), REP_OK);
	assert_string_equal(oi.name, "indexation");
	assert_string_equal(oi.default_value, "nominal");
	assert_non_null(strstr(oi.description, "indexation not guaranteed by statute"));
	assert_int_equal(rep_scheme_option_at(cpc, 1, &oi), REP_OK);
	assert_string_equal(oi.name, "moral_benchmark_per_day");
	assert_string_equal(oi.default_value, "0");
	/* the reform indexes by default and states its benchmark */
	const rep_scheme *ref = rep_scheme_find(f->ctx, "kz-reform");
	assert_int_equal(rep_scheme_option_at(ref, 0, &oi), REP_OK);
	assert_string_equal(oi.default_value, "mci");
	assert_int_equal(rep_scheme_option_at(ref, 1, &oi), REP_OK);
	assert_string_equal(oi.name, "moral_per_day");
	assert_string_equal(oi.default_value, "9100");
	assert_non_null(strstr(oi.description, "illustrative"));
}

/* ---- kz-cpc: each bar is its own finding ---- */

static void t_cpc_bars(void **state)
{
	fixture *f = *state;
	char b[1024];
	static const struct {
		const char *outcome, *text;
	} bars[] = {
		{"amnesty", "release under an amnesty is a non-rehabilitating ground"},
		{"pardon", "a pardon releases from punishment but does not rehabilitate"},
		{"parole", "release on parole (conditional early release) does not rehabilitate"},
		{"sentence_served", "a sentence served in full leaves the conviction standing"},
		{"sentence_mitigated", "a mitigated sentence leaves the conviction standing"},
	};
	for (size_t i = 0; i < sizeof bars / sizeof *bars; i++) {
		rep_estimate *e = estimate(f, criminal(b, sizeof b, bars[i].outcome, ""), "kz-cpc", NULL);
		assert_false(rep_estimate_eligible(e));
		/* the bar naming the outcome replaces the generic "does not qualify" finding */
		assert_int_equal(rep_estimate_finding_count(e), 1);
		expect_finding(e, 0, "barred_outcome", true, bars[i].text);
		assert_non_null(strstr(rep_estimate_finding(e, 0)->basis, "art"));
		assert_string_equal(rep_estimate_total(e), "0.00");
		/* 300000 legal costs, nominal, + moral harm for the court (0) */
		assert_string_equal(rep_estimate_total_if_eligible(e), "300000.00");
		assert_int_equal(rep_estimate_line_count(e), 0);
		rep_estimate_free(e);
	}
	/* self-incrimination and a coerced confession on an acquittal: two flag bars */
	rep_estimate *e = estimate(
		f, criminal(b, sizeof b, "acquitted", ", \"self_incrimination\": true, \"coerced_confession\": true"),
		"kz-cpc", NULL);
	assert_false(rep_estimate_eligible(e));
	assert_int_equal(rep_estimate_finding_count(e), 3);
	expect_finding(e, 0, "qualifies", false, "only an acquittal");
	expect_finding(e, 1, "barred_flag", true, "voluntary self-incrimination bars compensation");
	expect_finding(e, 2, "barred_flag", true,
		       "a confession, even one extracted under pressure, is in practice treated as self-incrimination");
	assert_non_null(strstr(rep_estimate_finding(e, 2)->text, "which the Duty to Rehabilitate report criticises"));
	assert_non_null(strstr(rep_estimate_finding(e, 2)->basis, "Freedom Now"));
	rep_estimate_free(e);
	/* and the notes say the coerced-confession bar is the criticised practice */
	assert_non_null(strstr(rep_scheme_notes(rep_scheme_find(f->ctx, "kz-cpc")), "criticises"));
}

static void t_cpc_eligible(void **state)
{
	fixture *f = *state;
	char b[1024];
	rep_estimate *e = estimate(f, criminal(b, sizeof b, "acquitted", ", \"notice_date\": \"2024-01-20\""), "kz-cpc", NULL);
	assert_true(rep_estimate_eligible(e));
	assert_int_equal(rep_estimate_finding_count(e), 1);
	expect_finding(e, 0, "qualifies", false, NULL);
	/* legal costs 300000 nominal; moral harm: a zero line for the court */
	assert_int_equal(rep_estimate_line_count(e), 2);
	const rep_line *l = line_with_head(e, "legal_costs");
	assert_string_equal(l->amount, "300000.00");
	assert_non_null(strstr(l->basis, "unverified"));
	l = line_with_head(e, "moral_harm");
	assert_string_equal(l->amount, "0.00");
	assert_string_equal(l->klass, "non_pecuniary");
	assert_non_null(strstr(l->basis, "951"));
	assert_string_equal(rep_estimate_total(e), "300000.00");
	rep_estimate_free(e);

	/* MCI-indexed variant: 300000 x 3692 (2024) / 3450 (2023-02-01) = 321043.478 -> 321043.48 */
	e = estimate(f, criminal(b, sizeof b, "acquitted", ""), "kz-cpc", "kz-cpc.indexation=mci", NULL);
	assert_string_equal(line_with_head(e, "legal_costs")->amount, "321043.48");
	assert_string_equal(line_with_head(e, "legal_costs")->nominal, "300000.00");
	rep_estimate_free(e);

	/* a claim after the 6 months from the notice: a deadline finding that does not bar
	   (notice 2023-06-01 + 6 months = 2023-12-01 < as_of 2024-03-01) */
	e = estimate(f, criminal(b, sizeof b, "acquitted", ", \"notice_date\": \"2023-06-01\""), "kz-cpc", NULL);
	assert_true(rep_estimate_eligible(e));
	expect_finding(e, 1, "deadline", false, "the 6 months for a claim to the court");
	assert_non_null(strstr(rep_estimate_finding(e, 1)->text, "2023-12-01"));
	assert_non_null(strstr(rep_estimate_finding(e, 1)->basis, "art. 40"));
	rep_estimate_free(e);
}

/* ---- kz-repression: the cap and the partial-month rule ---- */

static void t_repression_cap(void **state)
{
	fixture *f = *state;
	char b[1024];
	/* 1937-03-01..1949-08-31 = 150 months: 0.75 x 150 = 112.5 > 100 MCI; 100 x 2651 = 265100.00 */
	rep_estimate *e =
		estimate(f, repression(b, sizeof b, "1949-08-31", "2020-03-31", "2020-04-15"), "kz-repression", NULL);
	assert_true(rep_estimate_eligible(e));
	assert_int_equal(rep_estimate_line_count(e), 1);
	const rep_line *l = rep_estimate_line(e, 0);
	assert_string_equal(l->quantity, "150");
	assert_string_equal(l->amount, "265100.00");
	assert_non_null(strstr(l->note, "capped at 100 KZ.MCI"));
	rep_estimate_free(e);
	/* 1937-03-01..1948-03-31 = 133 months (end + 1 day = 1948-04-01): 99.75 MCI x 2651 = 264437.25, below the cap */
	e = estimate(f, repression(b, sizeof b, "1948-03-31", "2020-03-31", "2020-04-15"), "kz-repression", NULL);
	assert_string_equal(rep_estimate_line(e, 0)->quantity, "133");
	assert_string_equal(rep_estimate_total(e), "264437.25");
	assert_null(rep_estimate_line(e, 0)->note ? strstr(rep_estimate_line(e, 0)->note, "capped") : NULL);
	rep_estimate_free(e);
	/* 134 months: 100.5 MCI, capped: 265100.00 */
	e = estimate(f, repression(b, sizeof b, "1948-04-30", "2020-03-31", "2020-04-15"), "kz-repression", NULL);
	assert_string_equal(rep_estimate_line(e, 0)->quantity, "134");
	assert_string_equal(rep_estimate_total(e), "265100.00");
	rep_estimate_free(e);
	/* partial months are dropped: 1937-03-01..1937-04-29 = 1 month 29 days -> 1 month;
	   0.75 x 2778 = 2083.50 */
	e = estimate(f, repression(b, sizeof b, "1937-04-29", "2020-04-01", "2020-04-15"), "kz-repression", NULL);
	assert_string_equal(rep_estimate_line(e, 0)->quantity, "1");
	assert_string_equal(rep_estimate_total(e), "2083.50");
	rep_estimate_free(e);
	/* less than a month: nothing to pay (no line) */
	e = estimate(f, repression(b, sizeof b, "1937-03-30", "2020-04-01", "2020-04-15"), "kz-repression", NULL);
	assert_true(rep_estimate_eligible(e));
	assert_int_equal(rep_estimate_line_count(e), 0);
	assert_string_equal(rep_estimate_total(e), "0.00");
	rep_estimate_free(e);
	assert_non_null(strstr(rep_scheme_notes(rep_scheme_find(f->ctx, "kz-repression")), "only whole calendar months"));
}

static void t_repression_barred(void **state)
{
	fixture *f = *state;
	/* no deprivation of liberty recorded */
	const char *none = "{\"id\": \"r\", \"currency\": \"KZT\", \"as_of\": \"2024-01-01\","
			   " \"proceedings\": {\"kind\": \"political_repression\", \"outcome\": \"repression_rehabilitated\"}}";
	rep_estimate *e = estimate(f, none, "kz-repression", NULL);
	assert_false(rep_estimate_eligible(e));
	expect_finding(e, 0, "qualifies", false, NULL);
	expect_finding(e, 1, "no_detention", true, NULL);
	rep_estimate_free(e);
	/* a post-independence criminal case is outside the 1993 law */
	char b[1024];
	e = estimate(f, criminal(b, sizeof b, "acquitted", ""), "kz-repression", NULL);
	assert_false(rep_estimate_eligible(e));
	expect_finding(e, 0, "barred_proceedings", true, "criminal proceedings are outside this scheme");
	expect_finding(e, 1, "barred_outcome", true, "outcome \"acquitted\" does not qualify");
	rep_estimate_free(e);
}

/* ---- MCI on both sides of the mid-year changes ---- */

static void expect_mci(fixture *f, const char *applied, const char *from, const char *value, const char *total)
{
	char b[1024];
	/* 1937-03-01..1938-02-28 = 12 months: 9 MCI */
	rep_estimate *e = estimate(f, repression(b, sizeof b, "1938-02-28", applied, applied), "kz-repression", NULL);
	assert_int_equal(rep_estimate_refpoint_count(e), 1);
	const rep_refpoint *r = rep_estimate_refpoint(e, 0);
	assert_string_equal(r->series, "KZ.MCI");
	assert_string_equal(r->date, applied);
	assert_string_equal(r->from, from);
	assert_string_equal(r->value, value);
	assert_string_equal(rep_estimate_total(e), total);
	rep_estimate_free(e);
}

static void t_mci_mid_year(void **state)
{
	fixture *f = *state;
	expect_mci(f, "2009-06-30", "2009-01-01", "1273", "11457.00"); /* 9 x 1273 */
	expect_mci(f, "2009-07-01", "2009-07-01", "1296", "11664.00"); /* 9 x 1296 */
	expect_mci(f, "2020-03-31", "2020-01-01", "2651", "23859.00"); /* 9 x 2651 */
	expect_mci(f, "2020-04-01", "2020-04-01", "2778", "25002.00"); /* 9 x 2778 */
	expect_mci(f, "2026-02-01", "2026-01-01", "4325", "38925.00"); /* 9 x 4325 */

	/* the Fund uses the MCI of as_of: 30 x 2651 = 79530.00, 30 x 2778 = 83340.00 */
	char b[1024];
	rep_estimate *e = estimate(f, torture(b, sizeof b, 1, "2020-03-31", "2019-09-01"), "kz-victims-fund", NULL);
	assert_string_equal(rep_estimate_total(e), "79530.00");
	rep_estimate_free(e);
	e = estimate(f, torture(b, sizeof b, 1, "2020-04-01", "2019-09-01"), "kz-victims-fund", NULL);
	assert_string_equal(rep_estimate_total(e), "83340.00");
	rep_estimate_free(e);
}

/* ---- Victims Fund ---- */

static void t_fund_tiers(void **state)
{
	fixture *f = *state;
	char b[1024];
	/* as_of 2024-06-30, MCI 3692: every part of art. 146 is in the first category of art. 6(1)(1),
	 * 30 x 3692 = 110760.00 (part 3 was 40 MCI = 147680.00 before the 2026 audit) */
	static const struct {
		int part;
		const char *total, *label;
	} tiers[] = {{1, "110760.00", "parts 1-2 (30 MCI)"}, {2, "110760.00", "parts 1-2 (30 MCI)"},
		     {3, "110760.00", "part 3 (30 MCI)"}};
	for (size_t i = 0; i < 3; i++) {
		rep_estimate *e = estimate(f, torture(b, sizeof b, tiers[i].part, "2024-06-30", "2022-01-10"),
					   "kz-victims-fund", NULL);
		assert_true(rep_estimate_eligible(e));
		assert_int_equal(rep_estimate_finding_count(e), 1); /* in time: 2022-01-10 + 3 years = 2025-01-10 */
		assert_int_equal(rep_estimate_line_count(e), 1);
		const rep_line *l = rep_estimate_line(e, 0);
		assert_string_equal(l->head, "torture");
		assert_non_null(strstr(l->label, tiers[i].label));
		assert_string_equal(l->amount, tiers[i].total);
		assert_string_equal(rep_estimate_total(e), tiers[i].total);
		assert_true(has_warning(e, "amended in 2024"));
		rep_estimate_free(e);
	}
	/* late: recognised 2020-01-15, as_of 2024-06-30 > 2023-01-15: flagged, still paid */
	rep_estimate *e = estimate(f, torture(b, sizeof b, 3, "2024-06-30", "2020-01-15"), "kz-victims-fund", NULL);
	assert_true(rep_estimate_eligible(e));
	expect_finding(e, 1, "deadline", false, "the 3 years for claiming from the Fund");
	assert_non_null(strstr(rep_estimate_finding(e, 1)->text, "2023-01-15"));
	assert_true(has_warning(e, "the 3 years for claiming from the Fund"));
	assert_string_equal(rep_estimate_total(e), "110760.00");
	/* part 3 rests on the current category list only: a secondary figure, with a warning */
	assert_true(has_warning(e, "figure secondary"));
	assert_true(has_warning(e, "part 3 may have been paid 40 MCI"));
	rep_estimate_free(e);
	/* no torture finding: barred */
	e = estimate(f, criminal(b, sizeof b, "acquitted", ""), "kz-victims-fund", NULL);
	assert_false(rep_estimate_eligible(e));
	expect_finding(e, 1, "no_torture", true, NULL);
	rep_estimate_free(e);
}

/* ---- kz-reform ---- */

static void t_reform(void **state)
{
	fixture *f = *state;
	char b[1024];
	/* amnesty after a coerced confession and a self-incrimination: qualifies, nothing bars */
	rep_estimate *e = estimate(
		f, criminal(b, sizeof b, "amnesty", ", \"coerced_confession\": true, \"self_incrimination\": true"),
		"kz-reform", NULL);
	assert_true(rep_estimate_eligible(e));
	assert_int_equal(rep_estimate_finding_count(e), 1);
	expect_finding(e, 0, "qualifies", false, "under the scenario, rehabilitation is not conditioned on acquittal");
	assert_true(has_warning(e, "scenario, not law"));
	assert_true(has_warning(e, "illustrative benchmark"));
	/* 2023-01-01..2024-01-10 = 375 days x 9100 = 3412500.00 */
	const rep_line *l = rep_estimate_line(e, 0);
	assert_string_equal(l->head, "moral_harm");
	assert_string_equal(l->quantity, "375");
	assert_string_equal(l->amount, "3412500.00");
	/* 300000 x 3692/3450 = 321043.48 (MCI by default) */
	assert_string_equal(line_with_head(e, "legal_costs")->amount, "321043.48");
	assert_string_equal(rep_estimate_total(e), "3733543.48");
	rep_estimate_free(e);
	/* a user-set benchmark: 375 x 12000 = 4500000.00 */
	e = estimate(f, criminal(b, sizeof b, "parole", ""), "kz-reform", "kz-reform.moral_per_day=12000", NULL);
	assert_string_equal(rep_estimate_line(e, 0)->amount, "4500000.00");
	rep_estimate_free(e);
	/* pending, but a UN finding of arbitrary detention: qualifies on the flag */
	e = estimate(f, criminal(b, sizeof b, "pending", ", \"arbitrary_detention_finding\": true"), "kz-reform", NULL);
	assert_true(rep_estimate_eligible(e));
	expect_finding(e, 0, "qualifies", false, "under the scenario, a finding of arbitrary detention");
	rep_estimate_free(e);
	/* pending without it: barred */
	e = estimate(f, criminal(b, sizeof b, "pending", ""), "kz-reform", NULL);
	assert_false(rep_estimate_eligible(e));
	expect_finding(e, 0, "barred_outcome", true, "outcome \"pending\" does not qualify: under the scenario");
	rep_estimate_free(e);
}

/* ---- Uzbekistan ---- */

static void t_uz(void **state)
{
	fixture *f = *state;
	const char *acq = "{\"id\": \"u\", \"currency\": \"UZS\", \"as_of\": \"2022-06-01\","
			  " \"proceedings\": {\"kind\": \"criminal\", \"outcome\": \"acquitted\"},"
			  " \"detentions\": [{\"kind\": \"pretrial_custody\", \"start\": \"2021-03-01\", \"end\": \"2021-08-15\"}],"
			  " \"harms\": [{\"category\": \"lost_earnings\", \"monthly\": \"3100000\", \"start\": \"2021-03-01\","
			  " \"end\": \"2021-08-15\"}]}";
	rep_estimate *e = estimate(f, acq, "uz-cpc", NULL);
	assert_true(rep_estimate_eligible(e));
	assert_string_equal(rep_estimate_currency(e), "UZS");
	expect_finding(e, 0, "qualifies", false, NULL);
	assert_non_null(strstr(rep_estimate_finding(e, 0)->basis, "art. 306"));
	/* 3100000 x (5 + 15/31) = 17000000.00; moral harm for the court */
	assert_string_equal(line_with_head(e, "lost_earnings")->amount, "17000000.00");
	assert_string_equal(rep_estimate_total(e), "17000000.00");
	assert_int_equal(rep_estimate_option_count(e), 0); /* nominal: no indexation option */
	rep_estimate_free(e);
	const char *amn = "{\"id\": \"u\", \"currency\": \"UZS\", \"as_of\": \"2022-06-01\","
			  " \"proceedings\": {\"kind\": \"criminal\", \"outcome\": \"amnesty\"}}";
	e = estimate(f, amn, "uz-cpc", NULL);
	assert_false(rep_estimate_eligible(e));
	expect_finding(e, 0, "barred_outcome", true, "outcome \"amnesty\" does not qualify: rehabilitation needs");
	rep_estimate_free(e);
}

/* ---- errors ---- */

static void expect_error(fixture *f, const char *json, const char *scheme, const char *option, rep_status want,
			 const char *msg, bool exact)
{
	rep_estimate *e = NULL;
	rep_status st = compute(f, &e, json, scheme, option, NULL);
	if (st != want)
		fail_msg("%s: status %d, want %d (%s)", scheme, st, want, f->err.message);
	assert_null(e);
	assert_int_equal(f->err.status, want);
	if (exact)
		assert_string_equal(f->err.message, msg);
	else if (!strstr(f->err.message, msg))
		fail_msg("message \"%s\" lacks \"%s\"", f->err.message, msg);
}

static void t_series_gaps(void **state)
{
	fixture *f = *state;
	char b[1024];
	/* an application before the first MCI point */
	expect_error(f, repression(b, sizeof b, "1949-08-31", "1999-12-31", "2020-04-15"), "kz-repression", NULL,
		     REP_ENODATA, "KZ.MCI has no value for 1999-12-31 (covers 2000-01-01..2026-12-31)", true);
	/* a valuation date beyond the series: strict data refuses it ... */
	rep_context_set_strict_data(f->ctx, 1);
	expect_error(f, torture(b, sizeof b, 2, "2027-01-01", "2026-06-01"), "kz-victims-fund", NULL, REP_ENODATA,
		     "KZ.MCI has no value for 2027-01-01 (covers 2000-01-01..2026-12-31)", false);
	rep_context_set_strict_data(f->ctx, 0);
	/* the Fund's 3-year limit cannot be checked without the date of recognition: a finding says so */
	static const char unknown[] =
		"{\"id\": \"f\", \"currency\": \"KZT\", \"as_of\": \"2026-06-01\","
		" \"proceedings\": {\"kind\": \"criminal\", \"outcome\": \"sentence_served\"},"
		" \"detentions\": [{\"kind\": \"pretrial_custody\", \"start\": \"2019-05-01\", \"end\": \"2019-05-03\"}],"
		" \"torture\": {\"cc146_part\": 2}}";
	rep_estimate *u = estimate(f, unknown, "kz-victims-fund", NULL);
	bool named = false;
	for (size_t i = 0; i < rep_estimate_finding_count(u); i++)
		named = named || (strcmp(rep_estimate_finding(u, i)->code, "deadline_unknown") == 0 &&
				  strstr(rep_estimate_finding(u, i)->text, "torture.victim_recognised"));
	assert_true(named);
	rep_estimate_free(u);
	/* ... and by default the latest point stands in, with a warning naming it */
	rep_estimate *e = estimate(f, b, "kz-victims-fund", NULL);
	bool warned = false;
	for (size_t i = 0; i < rep_estimate_warning_count(e); i++)
		warned = warned || strstr(rep_estimate_warning(e, i), "KZ.MCI ends on 2026-12-31, before 2027-01-01: its "
									 "latest point");
	assert_true(warned);
	rep_estimate_free(e);
	/* an indexed variant past the end of the wage series: under strict data the error names the
	 * series and the harm; by default the latest wage stands in for the later months, with a warning */
	rep_context_set_strict_data(f->ctx, 1);
	expect_error(f, criminal(b, sizeof b, "acquitted", ""), "kz-cpc", "kz-cpc.indexation=wage", REP_ENODATA,
		     "harms[0]: KZ.AVG_WAGE has no value for 2023-02-01 (covers 2000-01-01..2022-12-31)", false);
	rep_context_set_strict_data(f->ctx, 0);
	e = estimate(f, b, "kz-cpc", "kz-cpc.indexation=wage", NULL);
	warned = false;
	for (size_t i = 0; i < rep_estimate_warning_count(e); i++)
		warned = warned || strstr(rep_estimate_warning(e, i), "KZ.AVG_WAGE ends on 2022-12-31, before ");
	assert_true(warned);
	rep_estimate_free(e);
}

static void t_options(void **state)
{
	fixture *f = *state;
	char b[1024];
	criminal(b, sizeof b, "acquitted", "");
	expect_error(f, b, "kz-reform", "kz-reform.moral_per_day=-1", REP_EINVAL,
		     "option kz-reform.moral_per_day: -1 is below the allowed minimum 0", false);
	expect_error(f, b, "kz-cpc", "kz-cpc.moral_benchmark_per_day=-0.01", REP_EINVAL,
		     "option kz-cpc.moral_benchmark_per_day: -0.01 is below the allowed minimum 0", false);
	expect_error(f, b, "kz-cpc", "kz-cpc.indexation=ppp", REP_EINVAL,
		     "option kz-cpc.indexation: \"ppp\" is not one of nominal|cpi|mci|wage", true);
	expect_error(f, b, "kz-reform", "kz-reform.indexation=gold", REP_EINVAL, "is not one of nominal|cpi|mci|wage",
		     false);
	expect_error(f, b, "kz-repression", "kz-repression.indexation=mci", REP_EINVAL, "unknown option", false);
	expect_error(f, b, "kz-cpc", "kz-cpc.moral_benchmark_per_day=abc", REP_ESYNTAX, "moral_benchmark_per_day", false);
}

/* the benchmark appears only in the range, and only when asked */
static void t_cpc_benchmark(void **state)
{
	fixture *f = *state;
	char b[1024];
	/* 375 days x 9100 = 3412500.00 in range.high; the total stays 300000.00 */
	rep_estimate *e = estimate(f, criminal(b, sizeof b, "acquitted", ""), "kz-cpc",
				   "kz-cpc.moral_benchmark_per_day=9100", NULL);
	const char *lo, *hi, *uses;
	assert_true(rep_estimate_range(e, &lo, &hi, &uses));
	assert_string_equal(lo, "300000.00");
	assert_string_equal(hi, "3712500.00");
	assert_string_equal(rep_estimate_total(e), "300000.00");
	for (size_t i = 0; i < rep_estimate_line_count(e); i++)
		assert_string_not_equal(rep_estimate_line(e, i)->amount, "3412500.00");
	rep_estimate_free(e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(t_catalogue, setup, teardown),
		cmocka_unit_test_setup_teardown(t_cpc_bars, setup, teardown),
		cmocka_unit_test_setup_teardown(t_cpc_eligible, setup, teardown),
		cmocka_unit_test_setup_teardown(t_cpc_benchmark, setup, teardown),
		cmocka_unit_test_setup_teardown(t_repression_cap, setup, teardown),
		cmocka_unit_test_setup_teardown(t_repression_barred, setup, teardown),
		cmocka_unit_test_setup_teardown(t_mci_mid_year, setup, teardown),
		cmocka_unit_test_setup_teardown(t_fund_tiers, setup, teardown),
		cmocka_unit_test_setup_teardown(t_reform, setup, teardown),
		cmocka_unit_test_setup_teardown(t_uz, setup, teardown),
		cmocka_unit_test_setup_teardown(t_series_gaps, setup, teardown),
		cmocka_unit_test_setup_teardown(t_options, setup, teardown),
	};
	return cmocka_run_group_tests_name("schemes_kz", tests, NULL, NULL);
}
