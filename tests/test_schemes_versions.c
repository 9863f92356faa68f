/* Never a silent zero: for every tariff of every built-in scheme, a
 * detention that ends before its oldest version and one that ends after its
 * newest valid_to either pays the tariff with a line, or is refused
 * (REP_ENODATA naming the scheme and the date), or says which days went
 * unpaid (finding unpaid_days), or is barred with a finding that says why. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "context_internal.h"
#include "reparations/case.h"
#include "reparations/context.h"
#include "reparations/estimate.h"
#include "scheme.h"

static bool window_open(rep_date from, rep_date to)
{
	return (from == REP_DATE_NONE && to == REP_DATE_NONE) || (from == 0 && to == 0);
}

/* The facts that make the scheme's first qualifying rule hold. */
static void qualifying_facts(const rep_scheme_def *def, const char **outcome, char *extra, size_t n)
{
	*outcome = "acquitted";
	extra[0] = '\0';
	const rep_rule *q = def->qualifying && def->qualifying[0].text ? &def->qualifying[0] : NULL;
	if (q && q->outcomes)
		for (int o = 0; o < REP_OUT_COUNT; o++)
			if (q->outcomes & REP_BIT(o)) {
				*outcome = rep_outcome_name((rep_outcome)o);
				break;
			}
	if (q && (q->flags & REP_FLAG_ARBITRARY_DETENTION_FINDING))
		snprintf(extra, n, ", \"arbitrary_detention_finding\": true");
}

static const char *proc_kind(const rep_scheme_def *def)
{
	for (int k = 0; k < REP_PROC_COUNT; k++)
		if (!def->proc_kinds || (def->proc_kinds & REP_BIT(k)))
			return rep_proc_kind_name((rep_proc_kind)k);
	return "criminal";
}

static const char *first_kind(uint32_t kinds)
{
	for (int k = 0; k < REP_DET_COUNT; k++)
		if (kinds & REP_BIT(k))
			return rep_detention_kind_name((rep_detention_kind)k);
	return "prison";
}

static void check_one(rep_context *ctx, const rep_scheme_def *def, const rep_tariff *t, rep_date end, const char *when)
{
	char s[REP_DATE_TEXT_SIZE], e[REP_DATE_TEXT_SIZE], a[REP_DATE_TEXT_SIZE], extra[128], json[2048];
	const char *outcome;
	qualifying_facts(def, &outcome, extra, sizeof extra);
	rep_date_format(end - 399, s); /* 400 days: past every tier boundary of the built-in schemes */
	rep_date_format(end, e);
	rep_date_format(end + 30, a);
	const char *currency = def->currency ? def->currency : "KZT";
	snprintf(json, sizeof json,
		 "{\"id\": \"v\", \"currency\": \"%s\", \"as_of\": \"2026-03-01\","
		 " \"proceedings\": {\"kind\": \"%s\", \"outcome\": \"%s\", \"decision_date\": \"%s\","
		 " \"application_date\": \"%s\"%s%s},"
		 " \"detentions\": [{\"kind\": \"%s\", \"start\": \"%s\", \"end\": \"%s\"}]%s}",
		 currency, proc_kind(def), outcome, e, a, extra,
		 t->condition == REP_COND_DEATH_SENTENCE ? ", \"death_sentence\": true" : "", first_kind(t->kinds), s, e,
		 def->requires_torture ? ", \"torture\": {\"cc146_part\": 2}" : "");
	rep_error err;
	rep_case *c;
	if (rep_case_from_json(&c, json, strlen(json), &err))
		fail_msg("%s: case: %s: %s", def->id, err.path, err.message);
	rep_estimate *est = NULL;
	rep_status st = rep_estimate_compute(&est, ctx, c, def->id, NULL, &err);
	rep_case_free(c);
	if (st == REP_ENODATA) {
		/* refused, and the message says which scheme */
		if (!strstr(err.message, def->id) && !strstr(err.message, "has no value") &&
		    !strstr(err.message, "no exchange rate"))
			fail_msg("%s / %s (%s): ENODATA without naming the scheme or the series: %s", def->id, t->label,
				 when, err.message);
		return;
	}
	if (st)
		fail_msg("%s / %s (%s): %s", def->id, t->label, when, err.message);
	bool ok = false;
	for (size_t i = 0; i < rep_estimate_finding_count(est); i++) {
		const rep_finding *f = rep_estimate_finding(est, i);
		if (f->bars || strcmp(f->code, "unpaid_days") == 0)
			ok = true;
	}
	if (t->range_only || t->when_option)
		ok = true; /* a benchmark or an alternative: weighed in the range, no line of its own */
	/* versions of one rule: the line may carry another version's label */
	for (size_t i = 0; i < rep_estimate_line_count(est) && !ok; i++) {
		const rep_line *l = rep_estimate_line(est, i);
		if (strcmp(l->head, t->head ? t->head : "liberty") == 0 && l->quantity)
			ok = true;
	}
	if (!ok)
		fail_msg("%s / %s (%s): the tariff's days were paid by no line, with no finding and no error "
			 "(a silent zero)", def->id, t->label, when);
	rep_estimate_free(est);
}

static void t_every_tariff(void **state)
{
	(void)state;
	rep_context *ctx;
	rep_error err;
	assert_int_equal(rep_context_new(&ctx, &err), REP_OK);
	size_t n_tariffs = 0, n_windowed = 0;
	rep_date before_default, after_default, limit;
	rep_date_parse(&before_default, "1995-06-30", NULL);
	rep_date_parse(&after_default, "2025-06-30", NULL);
	rep_date_parse(&limit, "2026-02-28", NULL);
	for (size_t i = 0; i < ctx->n_schemes; i++) {
		const rep_scheme_def *def = ctx->schemes[i];
		for (const rep_tariff *t = def->tariffs; t && t->label; t++) {
			n_tariffs++;
			rep_date before = before_default, after = after_default;
			if (!window_open(t->valid_from, t->valid_to)) {
				n_windowed++;
				rep_date oldest = REP_DATE_NONE, newest = REP_DATE_NONE;
				bool open_start = false, open_end = false;
				for (const rep_tariff *u = def->tariffs; u->label; u++) {
					if (u->kinds != t->kinds || window_open(u->valid_from, u->valid_to))
						continue;
					if (u->valid_from == REP_DATE_NONE)
						open_start = true;
					else if (oldest == REP_DATE_NONE || u->valid_from < oldest)
						oldest = u->valid_from;
					if (u->valid_to == REP_DATE_NONE)
						open_end = true;
					else if (newest == REP_DATE_NONE || u->valid_to > newest)
						newest = u->valid_to;
				}
				if (!open_start && oldest != REP_DATE_NONE)
					before = oldest - 1;
				if (!open_end && newest != REP_DATE_NONE && newest + 1 <= limit)
					after = newest + 1;
			}
			check_one(ctx, def, t, before, "ends before its oldest version");
			check_one(ctx, def, t, after, "ends after its newest valid_to");
		}
	}
	assert_true(n_tariffs >= 20);
	assert_true(n_windowed >= 4); /* StrEG's four versions */
	rep_context_free(ctx);
}

/* The real award the version rule follows, and the gap before 1988. */
static void t_streg_gap_is_an_error(void **state)
{
	(void)state;
	rep_context *ctx;
	rep_error err;
	assert_int_equal(rep_context_new(&ctx, &err), REP_OK);
	static const char json[] =
		"{\"id\": \"g\", \"currency\": \"EUR\", \"as_of\": \"2026-03-01\","
		" \"proceedings\": {\"outcome\": \"acquitted\", \"decision_date\": \"1985-03-01\"},"
		" \"detentions\": [{\"kind\": \"prison\", \"start\": \"1984-01-01\", \"end\": \"1984-12-31\"}]}";
	rep_case *c;
	assert_int_equal(rep_case_from_json(&c, json, strlen(json), &err), REP_OK);
	rep_estimate *e;
	assert_int_equal(rep_estimate_compute(&e, ctx, c, "de-streg", NULL, &err), REP_ENODATA);
	assert_non_null(strstr(err.message, "scheme de-streg"));
	assert_non_null(strstr(err.message, "1985-03-01"));
	assert_non_null(strstr(err.message, "366 days would be paid nothing")); /* 1984 is a leap year */
	rep_case_free(c);
	rep_context_free(ctx);
}

/* Fixed amounts have versions too (JSON: valid_from, valid_to, version_at):
 * a lump sum of 100 for applications 2020-2022 and 200 from 2023; an
 * application in 2019 falls in neither and is refused, never paid 0. */
static void t_fixed_versions(void **state)
{
	(void)state;
	static const char scheme[] =
		"{\"id\": \"t-fixed\", \"name\": \"test\", \"jurisdiction\": \"test\", \"currency\": \"EUR\","
		" \"status\": \"scenario\", \"notes\": \"test\", \"rounding\": \"half_up\","
		" \"qualifying\": [{\"outcomes\": [\"acquitted\"], \"text\": \"acquittal\", \"basis\": \"s.1\"}],"
		" \"fixed\": ["
		"  {\"label\": \"Lump sum (2020 version)\", \"trigger\": \"always\", \"amount\": \"100\", \"basis\": \"s.2\","
		"   \"valid_from\": \"2020-01-01\", \"valid_to\": \"2022-12-31\", \"version_at\": \"application\"},"
		"  {\"label\": \"Lump sum (2023 version)\", \"trigger\": \"always\", \"amount\": \"200\", \"basis\": \"s.2\","
		"   \"valid_from\": \"2023-01-01\", \"version_at\": \"application\"}]}";
	rep_context *ctx;
	rep_error err;
	assert_int_equal(rep_context_new(&ctx, &err), REP_OK);
	if (rep_context_load_scheme(ctx, scheme, strlen(scheme), &err))
		fail_msg("%s: %s", err.path, err.message);
	static const struct {
		const char *application, *total;
	} want[] = {{"2021-06-01", "100.00"}, {"2024-06-01", "200.00"}, {"2019-06-01", NULL}};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		char json[512];
		snprintf(json, sizeof json,
			 "{\"id\": \"f\", \"currency\": \"EUR\", \"as_of\": \"2025-01-01\","
			 " \"proceedings\": {\"outcome\": \"acquitted\", \"application_date\": \"%s\"}}",
			 want[i].application);
		rep_case *c;
		assert_int_equal(rep_case_from_json(&c, json, strlen(json), &err), REP_OK);
		rep_estimate *e = NULL;
		rep_status st = rep_estimate_compute(&e, ctx, c, "t-fixed", NULL, &err);
		if (want[i].total) {
			assert_int_equal(st, REP_OK);
			assert_string_equal(rep_estimate_total(e), want[i].total);
			rep_estimate_free(e);
		} else {
			assert_int_equal(st, REP_ENODATA);
			assert_non_null(strstr(err.message, "fixed amount \"Lump sum (2020 version)\" has no version in "
							    "force on 2019-06-01"));
		}
		rep_case_free(c);
	}
	rep_context_free(ctx);
}

/* A rate paid day by day (version_at each_day) whose only version ends on
 * 2020-12-31: 2020-12-20..2021-01-10 is 22 days, 12 in 2020 paid at 10 =
 * 120.00, and the 10 days of 2021 are named as unpaid (finding + warning). */
static void t_each_day_gap(void **state)
{
	(void)state;
	static const char scheme[] =
		"{\"id\": \"t-daily\", \"name\": \"test\", \"jurisdiction\": \"test\", \"currency\": \"EUR\","
		" \"status\": \"scenario\", \"notes\": \"test\", \"rounding\": \"half_up\","
		" \"qualifying\": [{\"outcomes\": [\"acquitted\"], \"text\": \"acquittal\", \"basis\": \"s.1\"}],"
		" \"tariffs\": [{\"label\": \"Custody (EUR 10 a day, 2020)\", \"kinds\": [\"prison\"], \"rate\": \"10\","
		"   \"basis\": \"s.2\", \"valid_from\": \"2020-01-01\", \"valid_to\": \"2020-12-31\", \"version_at\": \"each_day\"}]}";
	static const char json[] =
		"{\"id\": \"d\", \"currency\": \"EUR\", \"as_of\": \"2025-01-01\", \"proceedings\": {\"outcome\": \"acquitted\"},"
		" \"detentions\": [{\"kind\": \"prison\", \"start\": \"2020-12-20\", \"end\": \"2021-01-10\"}]}";
	rep_context *ctx;
	rep_error err;
	assert_int_equal(rep_context_new(&ctx, &err), REP_OK);
	if (rep_context_load_scheme(ctx, scheme, strlen(scheme), &err))
		fail_msg("%s: %s", err.path, err.message);
	rep_case *c;
	assert_int_equal(rep_case_from_json(&c, json, strlen(json), &err), REP_OK);
	rep_estimate *e = NULL;
	assert_int_equal(rep_estimate_compute(&e, ctx, c, "t-daily", NULL, &err), REP_OK);
	assert_string_equal(rep_estimate_total(e), "120.00");
	bool found = false;
	for (size_t i = 0; i < rep_estimate_finding_count(e); i++)
		found = found || (strcmp(rep_estimate_finding(e, i)->code, "unpaid_days") == 0 &&
				  strstr(rep_estimate_finding(e, i)->text, "10 of the 22 days") != NULL);
	assert_true(found);
	assert_true(rep_estimate_warning_count(e) > 0);
	rep_estimate_free(e);
	rep_case_free(c);
	rep_context_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_every_tariff),
		cmocka_unit_test(t_streg_gap_is_an_error),
		cmocka_unit_test(t_fixed_versions),
		cmocka_unit_test(t_each_day_gap),
	};
	return cmocka_run_group_tests_name("schemes_versions", tests, NULL, NULL);
}
