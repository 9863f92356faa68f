/* The figures and citations the December 2026 audit found wrong or doubtful,
 * each checked through a whole estimate with the arithmetic written out:
 * the Dutch day rates by filing date, the UK and German subsections, the
 * Kazakh MCI of April 2022, the Victims Fund, and the warning an unverified
 * article number raises. Sources: docs/sources.md. */
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

/* The estimate of `json` under `scheme`, which must compute; options follow, NULL-terminated. */
static rep_estimate *estimate(fixture *f, const char *json, const char *scheme, ...)
{
	rep_case *c = NULL;
	rep_error_clear(&f->err);
	if (rep_case_from_json(&c, json, strlen(json), &f->err) != REP_OK)
		fail_msg("test case does not read: %s\n%s", f->err.message, json);
	rep_options *o = NULL;
	assert_int_equal(rep_options_new(&o), REP_OK);
	va_list ap;
	va_start(ap, scheme);
	for (const char *a = va_arg(ap, const char *); a; a = va_arg(ap, const char *))
		assert_int_equal(rep_options_add(o, a, &f->err), REP_OK);
	va_end(ap);
	rep_estimate *e = NULL;
	rep_status st = rep_estimate_compute(&e, f->ctx, c, scheme, o, &f->err);
	rep_options_free(o);
	rep_case_free(c);
	if (st != REP_OK)
		fail_msg("%s: %s", scheme, f->err.message);
	return e;
}

static bool has_warning(const rep_estimate *e, const char *part)
{
	for (size_t i = 0; i < rep_estimate_warning_count(e); i++)
		if (strstr(rep_estimate_warning(e, i), part))
			return true;
	return false;
}

static const rep_line *line_labelled(const rep_estimate *e, const char *part)
{
	for (size_t i = 0; i < rep_estimate_line_count(e); i++)
		if (strstr(rep_estimate_line(e, i)->label, part))
			return rep_estimate_line(e, i);
	fail_msg("no line labelled \"%s\"", part);
	return NULL;
}

/* One Dutch detention of `kind`, acquitted, the request filed on `filed`. */
static const char *nl_case(char *buf, size_t n, const char *kind, const char *start, const char *end, const char *filed)
{
	snprintf(buf, n,
		 "{\"id\": \"nl\", \"currency\": \"EUR\", \"as_of\": \"2026-03-01\","
		 " \"proceedings\": {\"kind\": \"criminal\", \"outcome\": \"acquitted\", \"application_date\": \"%s\"},"
		 " \"detentions\": [{\"kind\": \"%s\", \"start\": \"%s\", \"end\": \"%s\"}]}",
		 filed, kind, start, end);
	return buf;
}

/* ---- Netherlands: the day rate in force when the request was filed ---- */

static void t_nl_rates_by_filing_date(void **state)
{
	fixture *f = *state;
	char b[1024];
	/* 11 calendar days in a remand centre, 1..11 Oct 2025; the day of release does not count: 10 days */
	static const struct {
		const char *filed, *total, *label;
	} t[] = {
		{"2026-02-01", "1200.00", "EUR 120 per day"}, /* 10 x 120 (LOVS 2026) */
		{"2026-01-01", "1200.00", "EUR 120 per day"}, /* the first day of the 2026 level */
		{"2025-12-31", "1000.00", "EUR 100 per day"}, /* 10 x 100 (LOVS 2021) */
		{"2025-10-20", "1000.00", "EUR 100 per day"},
	};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		rep_estimate *e =
			estimate(f, nl_case(b, sizeof b, "pretrial_custody", "2025-10-01", "2025-10-11", t[i].filed), "nl-lovs",
				 NULL);
		if (strcmp(rep_estimate_total(e), t[i].total) != 0)
			fail_msg("filed %s: got %s, want %s", t[i].filed, rep_estimate_total(e), t[i].total);
		const rep_line *l = line_labelled(e, t[i].label);
		assert_string_equal(l->amount, t[i].total);
		assert_string_equal(l->basis, "Sv art. 533(1); LOVS guideline");
		assert_int_equal(rep_estimate_line_count(e), 1);
		rep_estimate_free(e);
	}
	/* 2020 detention, filed the last day before the 2021 level: 10 x 80 = 800.00 */
	rep_estimate *e = estimate(f, nl_case(b, sizeof b, "pretrial_custody", "2020-10-01", "2020-10-11", "2021-02-28"),
				   "nl-lovs", NULL);
	assert_string_equal(rep_estimate_total(e), "800.00");
	assert_true(has_warning(e, "figure secondary")); /* the 2016 level rests on press reports */
	rep_estimate_free(e);
	/* the same detention filed on 1 Mar 2021: 10 x 100 = 1000.00 */
	e = estimate(f, nl_case(b, sizeof b, "pretrial_custody", "2020-10-01", "2020-10-11", "2021-03-01"), "nl-lovs",
		     NULL);
	assert_string_equal(rep_estimate_total(e), "1000.00");
	rep_estimate_free(e);
	/* police cell 10..13 Mar 2021 (3 nights), filed 1 Apr 2021: 3 x 130 = 390.00 */
	e = estimate(f, nl_case(b, sizeof b, "police_custody", "2021-03-10", "2021-03-13", "2021-04-01"), "nl-lovs",
		     NULL);
	assert_string_equal(rep_estimate_total(e), "390.00");
	rep_estimate_free(e);
	/* the same police cell filed in 2026: 3 x 160 = 480.00, a verified figure (Raad voor de rechtspraak) */
	e = estimate(f, nl_case(b, sizeof b, "police_custody", "2025-11-10", "2025-11-13", "2026-01-15"), "nl-lovs",
		     NULL);
	assert_string_equal(rep_estimate_total(e), "480.00");
	assert_false(has_warning(e, "figure"));
	rep_estimate_free(e);
}

static void t_nl_restrictions(void **state)
{
	fixture *f = *state;
	char b[1024];
	/* 10 remand-centre days under restrictions, filed 10 Jan 2022: 10 x 100 + 10 x 30 = 1300.00 */
	rep_estimate *e = estimate(f, nl_case(b, sizeof b, "pretrial_custody", "2021-11-01", "2021-11-11", "2022-01-10"),
				   "nl-lovs", "nl-lovs.restrictions=all", NULL);
	assert_string_equal(rep_estimate_total(e), "1300.00");
	assert_string_equal(line_labelled(e, "EUR 30 more per day")->amount, "300.00");
	rep_estimate_free(e);
	/* without the option the supplement is not paid: 10 x 100 = 1000.00 */
	e = estimate(f, nl_case(b, sizeof b, "pretrial_custody", "2021-11-01", "2021-11-11", "2022-01-10"), "nl-lovs",
		     NULL);
	assert_string_equal(rep_estimate_total(e), "1000.00");
	rep_estimate_free(e);
	/* before 1 Mar 2021: 10 x 80 + 10 x 25 = 1050.00 (= 10 x 105, the police-cell rate) */
	e = estimate(f, nl_case(b, sizeof b, "pretrial_custody", "2020-11-01", "2020-11-11", "2021-01-10"), "nl-lovs",
		     "nl-lovs.restrictions=all", NULL);
	assert_string_equal(rep_estimate_total(e), "1050.00");
	rep_estimate_free(e);
	/* from 2026 the supplement is not announced: 10 x 120 + 10 x 40 = 1600.00, with a warning */
	e = estimate(f, nl_case(b, sizeof b, "pretrial_custody", "2025-11-01", "2025-11-11", "2026-01-10"), "nl-lovs",
		     "nl-lovs.restrictions=all", NULL);
	assert_string_equal(rep_estimate_total(e), "1600.00");
	assert_true(has_warning(e, "figure unverified"));
	rep_estimate_free(e);
}

static void t_nl_time_limit(void **state)
{
	fixture *f = *state;
	/* the case ended 1 Jun 2025; three months later (1 Sep 2025) the request is late by as_of 2026-03-01 */
	static const char late[] =
		"{\"id\": \"nl\", \"currency\": \"EUR\", \"as_of\": \"2026-03-01\","
		" \"proceedings\": {\"kind\": \"criminal\", \"outcome\": \"acquitted\", \"decision_date\": \"2025-06-01\"},"
		" \"detentions\": [{\"kind\": \"police_custody\", \"start\": \"2025-05-01\", \"end\": \"2025-05-03\"}]}";
	rep_estimate *e = estimate(f, late, "nl-lovs", NULL);
	assert_true(has_warning(e, "the three months for the request"));
	/* filed on as_of 2026-03-01: 2 nights x 160 = 320.00 */
	assert_string_equal(rep_estimate_total(e), "320.00");
	rep_estimate_free(e);
}

/* ---- UK and Germany: the subsections ---- */

static void t_uk_cap_subsection(void **state)
{
	fixture *f = *state;
	/* 2 years' detention (under 10): applied 1 Jan 2024, cap GBP 500,000 under s.133A(5)(b) */
	static const char uk[] =
		"{\"id\": \"uk\", \"currency\": \"GBP\", \"as_of\": \"2026-03-01\","
		" \"proceedings\": {\"kind\": \"criminal\", \"outcome\": \"conviction_quashed\","
		" \"application_date\": \"2024-01-01\"},"
		" \"detentions\": [{\"kind\": \"prison\", \"start\": \"2020-01-01\", \"end\": \"2021-12-31\"}],"
		" \"harms\": [{\"category\": \"moral_harm\", \"amount\": \"800000\"}]}";
	rep_estimate *e = estimate(f, uk, "uk-cja", NULL);
	/* 800,000 assessed, capped at 500,000: a cap line of -300,000 */
	assert_string_equal(rep_estimate_total(e), "500000.00");
	const rep_line *cap = line_labelled(e, "Overall cap, under 10 years (GBP 500,000)");
	assert_string_equal(cap->basis, "CJA 1988 s.133A(5)(b)");
	assert_string_equal(cap->amount, "-300000.00");
	rep_estimate_free(e);
}

static void t_de_threshold_subsection(void **state)
{
	fixture *f = *state;
	/* 10 commenced days in 2024 at EUR 75 = 750; a pecuniary loss of EUR 20 does not exceed the EUR 25 of §7(2) */
	static const char de[] =
		"{\"id\": \"de\", \"currency\": \"EUR\", \"as_of\": \"2026-03-01\","
		" \"proceedings\": {\"kind\": \"criminal\", \"outcome\": \"acquitted\", \"decision_date\": \"2024-03-01\"},"
		" \"detentions\": [{\"kind\": \"pretrial_custody\", \"start\": \"2024-01-01\", \"end\": \"2024-01-10\"}],"
		" \"harms\": [{\"category\": \"other_expenses\", \"amount\": \"20\", \"date\": \"2024-01-05\"}]}";
	rep_estimate *e = estimate(f, de, "de-streg", NULL);
	assert_string_equal(rep_estimate_total(e), "750.00");
	bool seen = false;
	for (size_t i = 0; i < rep_estimate_line_count(e); i++)
		seen = seen || strstr(rep_estimate_line(e, i)->basis, "StrEG §7(2)") != NULL;
	for (size_t i = 0; i < rep_estimate_finding_count(e); i++)
		seen = seen || strstr(rep_estimate_finding(e, i)->basis, "StrEG §7(2)") != NULL;
	assert_true(seen);
	/* StrEG bases are all verified: no basis warning */
	assert_false(has_warning(e, "legal basis not verified"));
	rep_estimate_free(e);
}

/* ---- Kazakhstan ---- */

static const char *repression(char *buf, size_t n, const char *applied)
{
	/* 1937-03-01..1945-06-30: 100 whole months in prison */
	snprintf(buf, n,
		 "{\"id\": \"r\", \"currency\": \"KZT\", \"as_of\": \"2026-03-01\","
		 " \"proceedings\": {\"kind\": \"political_repression\", \"outcome\": \"repression_rehabilitated\","
		 " \"application_date\": \"%s\"},"
		 " \"detentions\": [{\"kind\": \"prison\", \"start\": \"1937-03-01\", \"end\": \"1945-06-30\"}]}",
		 applied);
	return buf;
}

static void t_kz_mci_april_2022(void **state)
{
	fixture *f = *state;
	char b[1024];
	/* 0.75 x 100 months = 75 MCI (under the 100 cap); 31 Mar 2022: 75 x 3063 = 229725.00 */
	rep_estimate *e = estimate(f, repression(b, sizeof b, "2022-03-31"), "kz-repression", NULL);
	assert_string_equal(rep_estimate_total(e), "229725.00");
	rep_estimate_free(e);
	/* 1 Apr 2022, the amended budget law: 75 x 3180 = 238500.00 */
	e = estimate(f, repression(b, sizeof b, "2022-04-01"), "kz-repression", NULL);
	assert_string_equal(rep_estimate_total(e), "238500.00");
	assert_true(has_warning(e, "KZ.MCI 3180 (in force from 2022-04-01) is secondary"));
	rep_estimate_free(e);
	/* 1 Jan 2023: 75 x 3450 = 258750.00 */
	e = estimate(f, repression(b, sizeof b, "2023-01-01"), "kz-repression", NULL);
	assert_string_equal(rep_estimate_total(e), "258750.00");
	rep_estimate_free(e);
}

static void t_kz_unverified_article_warns(void **state)
{
	fixture *f = *state;
	static const char acquitted[] =
		"{\"id\": \"k\", \"currency\": \"KZT\", \"as_of\": \"2024-03-01\","
		" \"proceedings\": {\"kind\": \"criminal\", \"outcome\": \"acquitted\", \"decision_date\": \"2024-01-10\"},"
		" \"detentions\": [{\"kind\": \"prison\", \"start\": \"2023-01-01\", \"end\": \"2024-01-10\"}],"
		" \"harms\": [{\"category\": \"legal_costs\", \"amount\": \"300000\", \"date\": \"2023-02-01\"}]}";
	rep_estimate *e = estimate(f, acquitted, "kz-cpc", NULL);
	/* every head cites УПК art. 37, whose number is unverified */
	assert_true(has_warning(e, "legal basis not verified"));
	assert_true(has_warning(e, "art. 37 (article number unverified)"));
	/* the eligibility finding cites the unverified item numbers of art. 35(1) */
	assert_true(has_warning(e, "art. 35(1) items 1, 2, 5-8 (item numbers unverified"));
	/* the amount is unchanged: 300,000 nominal */
	assert_string_equal(rep_estimate_total(e), "300000.00");
	rep_estimate_free(e);
}

static void t_kz_fund_part3(void **state)
{
	fixture *f = *state;
	static const char part3[] =
		"{\"id\": \"f\", \"currency\": \"KZT\", \"as_of\": \"2026-03-01\","
		" \"proceedings\": {\"kind\": \"criminal\", \"outcome\": \"sentence_served\"},"
		" \"detentions\": [{\"kind\": \"pretrial_custody\", \"start\": \"2025-05-01\", \"end\": \"2025-05-03\"}],"
		" \"torture\": {\"cc146_part\": 3, \"victim_recognised\": \"2025-09-01\"}}";
	rep_estimate *e = estimate(f, part3, "kz-victims-fund", NULL);
	/* part 3 sits in the first category of art. 6(1)(1): 30 MCI x 4325 (2026) = 129750.00, not 40 x 4325 */
	assert_string_equal(rep_estimate_total(e), "129750.00");
	assert_true(has_warning(e, "figure secondary"));
	rep_estimate_free(e);
}

/* A user scheme gets the same warning: the check reads the basis, not a list of built-in articles. */
static void t_json_scheme_unverified_basis(void **state)
{
	fixture *f = *state;
	static const char scheme[] =
		"{\"id\": \"x-test\", \"name\": \"Test\", \"currency\": \"EUR\","
		" \"tariffs\": [{\"label\": \"Prison\", \"kinds\": [\"prison\"],"
		"  \"rate\": {\"value\": \"10\", \"confidence\": \"verified\", \"source\": \"test statute\"},"
		"  \"basis\": \"Test Act s.5; Test Act s.9 (article number unverified)\"}]}";
	assert_int_equal(rep_context_load_scheme(f->ctx, scheme, strlen(scheme), &f->err), REP_OK);
	static const char c[] =
		"{\"id\": \"x\", \"currency\": \"EUR\", \"as_of\": \"2026-03-01\","
		" \"proceedings\": {\"kind\": \"criminal\", \"outcome\": \"acquitted\"},"
		" \"detentions\": [{\"kind\": \"prison\", \"start\": \"2025-01-01\", \"end\": \"2025-01-10\"}]}";
	rep_estimate *e = estimate(f, c, "x-test", NULL);
	/* 10 days (both ends) x 10 = 100.00, and only the unverified clause is named */
	assert_string_equal(rep_estimate_total(e), "100.00");
	assert_true(has_warning(e, "legal basis not verified: Test Act s.9 (article number unverified); check it"));
	assert_false(has_warning(e, "Test Act s.5"));
	rep_estimate_free(e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(t_nl_rates_by_filing_date, setup, teardown),
		cmocka_unit_test_setup_teardown(t_nl_restrictions, setup, teardown),
		cmocka_unit_test_setup_teardown(t_nl_time_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(t_uk_cap_subsection, setup, teardown),
		cmocka_unit_test_setup_teardown(t_de_threshold_subsection, setup, teardown),
		cmocka_unit_test_setup_teardown(t_kz_mci_april_2022, setup, teardown),
		cmocka_unit_test_setup_teardown(t_kz_unverified_article_warns, setup, teardown),
		cmocka_unit_test_setup_teardown(t_kz_fund_part3, setup, teardown),
		cmocka_unit_test_setup_teardown(t_json_scheme_unverified_basis, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
