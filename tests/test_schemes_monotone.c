/* Totals never fall as harm grows: for every built-in scheme and every value
 * of its indexation option, one more day of detention, or one more month of
 * lost earnings, never lowers the total (what an eligible claim pays, or
 * total_if_eligible when the scheme bars the case).
 *
 * Caps and tier boundaries are not exceptions here: a cap keeps the total
 * level, a higher tier or a cap regime chosen by longer detention raises it.
 * The one documented exception the property allows is none so far; the
 * test fails on any fall. Before per-instalment indexation, kz-reform fell
 * when the midpoint of a stream of lost earnings crossed 1 January (722 days
 * of custody gave 18,303,583.88 KZT, 723 days 17,010,658.11): every month was
 * re-indexed at the next year's MCI.
 *
 * Dates stay inside every built-in series (KZ.AVG_WAGE ends 2022-12-31), so
 * no lookup falls back to a latest point. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <gmp.h>

#include "context_internal.h"
#include "reparations/case.h"
#include "reparations/context.h"
#include "reparations/estimate.h"
#include "reparations/money.h"
#include "reparations/scheme.h"
#include "scheme.h"

static const char *qualifying_outcome(const rep_scheme_def *def)
{
	const rep_rule *q = def->qualifying && def->qualifying[0].text ? &def->qualifying[0] : NULL;
	if (q && q->outcomes)
		for (int o = 0; o < REP_OUT_COUNT; o++)
			if (q->outcomes & REP_BIT(o))
				return rep_outcome_name((rep_outcome)o);
	return "acquitted";
}

static const char *proc_kind(const rep_scheme_def *def)
{
	for (int k = 0; k < REP_PROC_COUNT; k++)
		if (!def->proc_kinds || (def->proc_kinds & REP_BIT(k)))
			return rep_proc_kind_name((rep_proc_kind)k);
	return "criminal";
}

/* The total of one case: `days` of pre-trial custody from 2020-01-06, lost
 * earnings from then to the end of month `months` after it. false when the
 * data do not cover it (then the pair is not compared). */
static bool total(rep_context *ctx, const rep_scheme_def *def, const char *indexation, int days, int months, mpq_t out)
{
	rep_date start, end, loss_end, as_of;
	rep_date_parse(&start, "2020-01-06", NULL);
	rep_date_parse(&as_of, "2022-12-31", NULL);
	end = start + days - 1;
	rep_date_add_months(&loss_end, start, months);
	char s[REP_DATE_TEXT_SIZE], e[REP_DATE_TEXT_SIZE], le[REP_DATE_TEXT_SIZE], json[2048];
	rep_date_format(start, s);
	rep_date_format(end, e);
	rep_date_format(loss_end, le);
	const char *currency = def->currency ? def->currency : "KZT";
	snprintf(json, sizeof json,
		 "{\"id\": \"m\", \"currency\": \"%s\", \"as_of\": \"2022-12-31\","
		 " \"proceedings\": {\"kind\": \"%s\", \"outcome\": \"%s\", \"decision_date\": \"%s\","
		 " \"application_date\": \"2022-12-31\", \"arbitrary_detention_finding\": true},"
		 " \"detentions\": [{\"kind\": \"pretrial_custody\", \"start\": \"%s\", \"end\": \"%s\"}],"
		 " \"torture\": {\"cc146_part\": 2, \"victim_recognised\": \"2022-06-01\"},"
		 " \"harms\": [{\"category\": \"lost_earnings\", \"monthly\": \"421000\", \"start\": \"%s\", \"end\": \"%s\"},"
		 " {\"category\": \"legal_costs\", \"amount\": \"150000\", \"date\": \"2020-06-01\"}]}",
		 currency, proc_kind(def), qualifying_outcome(def), e, s, e, s, le);
	rep_error err;
	rep_case *c;
	if (rep_case_from_json(&c, json, strlen(json), &err))
		fail_msg("%s: case: %s: %s", def->id, err.path, err.message);
	rep_options *o = NULL;
	assert_int_equal(rep_options_new(&o), REP_OK);
	if (indexation) {
		char opt[128];
		snprintf(opt, sizeof opt, "%s.%s=%s", def->id, def->indexation_option, indexation);
		if (rep_options_add(o, opt, &err))
			fail_msg("%s: %s", opt, err.message);
	}
	rep_estimate *est = NULL;
	rep_status st = rep_estimate_compute(&est, ctx, c, def->id, o, &err);
	rep_options_free(o);
	rep_case_free(c);
	if (st == REP_ENODATA)
		return false;
	if (st)
		fail_msg("%s (%s): %s", def->id, indexation ? indexation : "-", err.message);
	const char *t = rep_estimate_eligible(est) ? rep_estimate_total(est) : rep_estimate_total_if_eligible(est);
	bool ok = t && *t && rep_dec_parse(out, t, NULL) == REP_OK;
	rep_estimate_free(est);
	return ok;
}

static void check_scheme(rep_context *ctx, const rep_scheme_def *def, const char *indexation, size_t *compared)
{
	mpq_t a, b;
	mpq_inits(a, b, NULL);
	/* one more day: 700..740 days cross 1 January 2022 (the loss runs 24 months) */
	bool have = total(ctx, def, indexation, 700, 24, a);
	for (int d = 701; d <= 740; d++) {
		bool next = total(ctx, def, indexation, d, 24, b);
		if (have && next) {
			(*compared)++;
			if (mpq_cmp(b, a) < 0)
				fail_msg("%s (indexation %s): %d days pay less than %d (%.2f < %.2f)", def->id,
					 indexation ? indexation : "-", d, d - 1, mpq_get_d(b), mpq_get_d(a));
		}
		mpq_set(a, b);
		have = next;
	}
	/* one more month of lost earnings: 6..35 months from 2020-01-06 */
	have = total(ctx, def, indexation, 365, 6, a);
	for (int m = 7; m <= 35; m++) {
		bool next = total(ctx, def, indexation, 365, m, b);
		if (have && next) {
			(*compared)++;
			if (mpq_cmp(b, a) < 0)
				fail_msg("%s (indexation %s): %d months of lost earnings pay less than %d", def->id,
					 indexation ? indexation : "-", m, m - 1);
		}
		mpq_set(a, b);
		have = next;
	}
	mpq_clears(a, b, NULL);
}

static void t_never_falls(void **state)
{
	(void)state;
	rep_context *ctx;
	rep_error err;
	assert_int_equal(rep_context_new(&ctx, &err), REP_OK);
	size_t compared = 0, variants = 0;
	for (size_t i = 0; i < ctx->n_schemes; i++) {
		const rep_scheme_def *def = ctx->schemes[i];
		const rep_option_def *ix = NULL;
		for (const rep_option_def *o = def->options; o && o->name && def->indexation_option; o++)
			if (strcmp(o->name, def->indexation_option) == 0)
				ix = o;
		if (!ix || !ix->choices) {
			check_scheme(ctx, def, NULL, &compared);
			variants++;
			continue;
		}
		char v[65];
		for (const char *p = ix->choices; p && *p;) {
			const char *bar = strchr(p, '|');
			size_t len = bar ? (size_t)(bar - p) : strlen(p);
			snprintf(v, sizeof v, "%.*s", (int)(len < 64 ? len : 64), p);
			p = bar ? bar + 1 : NULL;
			check_scheme(ctx, def, v, &compared);
			variants++;
		}
	}
	/* every scheme, and kz-cpc, kz-admin, kz-reform with each of nominal, cpi, mci, wage */
	assert_true(variants >= ctx->n_schemes + 9);
	assert_true(compared > 1000);
	rep_context_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_never_falls),
	};
	return cmocka_run_group_tests_name("schemes_monotone", tests, NULL, NULL);
}
