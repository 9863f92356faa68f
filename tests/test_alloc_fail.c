/* Allocation failure: the n-th allocation of a whole pipeline fails, for
 * every n until the pipeline succeeds. Each run must fail cleanly with
 * REP_ENOMEM (no crash; leaks are caught by the sanitizer or valgrind run).
 * Meaningful in a build with -Dfault_injection=true; elsewhere the pipeline
 * runs once and the test checks it succeeds. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reparations.h"
#include "reparations/fault.h"

static const char case_json[] =
	"{\"id\":\"af\",\"currency\":\"KZT\",\"as_of\":\"2026-03-01\","
	"\"proceedings\":{\"kind\":\"criminal\",\"outcome\":\"amnesty\",\"decision_date\":\"2023-12-15\","
	"\"coerced_confession\":true,\"arbitrary_detention_finding\":true},"
	"\"detentions\":[{\"kind\":\"pretrial_custody\",\"start\":\"2022-01-09\",\"end\":\"2022-06-30\"},"
	"{\"kind\":\"prison\",\"start\":\"2022-07-01\",\"end\":\"2023-12-15\"}],"
	"\"torture\":{\"cc146_part\":2,\"victim_recognised\":\"2024-04-10\"},"
	"\"harms\":[{\"category\":\"lost_earnings\",\"monthly\":\"420000\",\"start\":\"2022-01-06\",\"end\":\"2024-06-30\"},"
	"{\"category\":\"lost_earning_capacity\",\"annual\":\"1200000\",\"years\":\"10\",\"growth\":\"0.02\",\"discount_rate\":\"0.05\"},"
	"{\"category\":\"property\",\"amount\":\"6500000\",\"date\":\"2022-03-15\"},"
	"{\"category\":\"legal_costs\",\"amount\":\"1800000\",\"date\":\"2022-09-01\"}]}";

static const char *const schemes[] = {"kz-cpc", "kz-reform", "kz-victims-fund", "intl-un", "de-streg", "jp-cca"};
#define N_SCHEMES (sizeof schemes / sizeof schemes[0])

/* The whole pipeline; returns the first failing status. */
static rep_status pipeline(void)
{
	rep_error err;
	rep_context *ctx = NULL;
	rep_case *c = NULL;
	rep_options *o = NULL;
	rep_comparison *cmp = NULL;
	rep_estimate *es[N_SCHEMES] = {0};
	char *out = NULL;
	rep_status st;
	if ((st = rep_context_new(&ctx, &err)) || (st = rep_options_new(&o)) ||
	    (st = rep_options_add(o, "kz-reform.moral_per_day=5000", &err)) ||
	    (st = rep_context_set_fx(ctx, "USD/KZT", "520", REP_DATE_NONE, "test", &err)) ||
	    (st = rep_context_set_fx(ctx, "EUR/USD", "1.17", REP_DATE_NONE, "test", &err)) ||
	    (st = rep_context_set_fx(ctx, "USD/JPY", "155", REP_DATE_NONE, "test", &err)) ||
	    (st = rep_case_from_json(&c, case_json, sizeof case_json - 1, &err)))
		goto out;
	for (size_t i = 0; i < N_SCHEMES; i++)
		if ((st = rep_estimate_compute(&es[i], ctx, c, schemes[i], o, &err)))
			goto out;
	for (int f = REP_FORMAT_TABLE; f <= REP_FORMAT_MARKDOWN; f++) {
		if ((st = rep_estimates_render(&out, NULL, "af", (const rep_estimate *const *)es, N_SCHEMES, (rep_format)f, &err)))
			goto out;
		free(out);
		out = NULL;
	}
	if ((st = rep_compare(&cmp, ctx, c, schemes, N_SCHEMES, o, "EUR", &err)) ||
	    (st = rep_comparison_render(&out, NULL, cmp, REP_FORMAT_JSON, &err)))
		goto out;
	free(out);
	out = NULL;
	/* the writers: the case saved with a note, a scheme exported and loaded back */
	size_t len;
	if ((st = rep_case_set_detention_note(c, 1, "colony", &err)) || (st = rep_case_to_json(&out, NULL, c, &err)))
		goto out;
	free(out);
	out = NULL;
	if ((st = rep_scheme_to_json(&out, &len, ctx, "kz-reform", &err)) ||
	    (st = rep_context_load_scheme(ctx, out, len, &err)))
		goto out;
out:
	free(out);
	rep_comparison_free(cmp);
	for (size_t i = 0; i < N_SCHEMES; i++)
		rep_estimate_free(es[i]);
	rep_options_free(o);
	rep_case_free(c);
	rep_context_free(ctx);
	return st;
}

static void t_every_allocation_fails_cleanly(void **state)
{
	(void)state;
	if (!rep_fault_fail_allocation(0)) {
		assert_int_equal(pipeline(), REP_OK);
		return;
	}
	rep_fault_fail_allocation(0);
	assert_int_equal(pipeline(), REP_OK);
	long total = rep_fault_allocations();
	assert_true(total > 100);
	long tried = 0;
	for (long n = 1; n <= total; n++) {
		rep_fault_fail_allocation(n);
		rep_status st = pipeline();
		rep_fault_fail_allocation(0);
		tried++;
		/* an allocation whose failure the pipeline tolerates is fine; any other status is a bug */
		if (st != REP_ENOMEM && st != REP_OK)
			fail_msg("allocation %ld of %ld: status %s instead of nomem", n, total, rep_status_name(st));
	}
	printf("# allocation failure points tried: %ld\n", tried);
}

int main(void)
{
	const struct CMUnitTest tests[] = {cmocka_unit_test(t_every_allocation_fails_cleanly)};
	return cmocka_run_group_tests_name("alloc_fail", tests, NULL, NULL);
}
