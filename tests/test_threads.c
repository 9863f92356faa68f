/* Many threads, one context: 8 threads compute different estimates at once
 * and every result must equal the one computed alone. Run it under
 * ThreadSanitizer too (tools/test.sh). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reparations.h"

#define THREADS 8
#define ROUNDS 40

static const char *const schemes[THREADS] = {"kz-reform", "de-streg", "us-federal", "intl-un",
					     "kz-cpc",    "jp-cca",   "us-tx",      "echr"};

/* Case i: the same facts in EUR with i days more of custody, so each thread
 * computes something different. */
static void make_case(char *buf, size_t size, int i)
{
	snprintf(buf, size,
		 "{\"id\":\"t%d\",\"currency\":\"EUR\",\"as_of\":\"2025-06-01\","
		 "\"proceedings\":{\"kind\":\"criminal\",\"outcome\":\"acquitted\",\"decision_date\":\"2024-01-10\","
		 "\"arbitrary_detention_finding\":true},"
		 "\"detentions\":[{\"kind\":\"pretrial_custody\",\"start\":\"2022-01-05\",\"end\":\"2022-03-%02d\"},"
		 "{\"kind\":\"prison\",\"start\":\"2022-04-01\",\"end\":\"2023-05-02\"}],"
		 "\"harms\":[{\"category\":\"lost_earnings\",\"monthly\":\"%d\",\"start\":\"2022-01-05\",\"end\":\"2023-09-30\"},"
		 "{\"category\":\"property\",\"amount\":\"4500.50\",\"date\":\"2022-01-05\"},"
		 "{\"category\":\"lost_earning_capacity\",\"annual\":\"12000\",\"years\":\"7.5\",\"growth\":\"0.02\",\"discount_rate\":\"0.035\"}]}",
		 i, 10 + i, 1500 + 100 * i);
}

static char *render_one(const rep_context *ctx, int i)
{
	char json[1024];
	make_case(json, sizeof json, i);
	rep_case *c = NULL;
	rep_estimate *e = NULL;
	char *out = NULL;
	rep_error err;
	if (rep_case_from_json(&c, json, strlen(json), &err) == REP_OK &&
	    rep_estimate_compute(&e, ctx, c, schemes[i], NULL, &err) == REP_OK)
		rep_estimates_render(&out, NULL, rep_case_id(c), (const rep_estimate *const *)&e, 1, REP_FORMAT_JSON, &err);
	else
		fprintf(stderr, "thread %d: %s\n", i, err.message);
	rep_estimate_free(e);
	rep_case_free(c);
	return out;
}

typedef struct job {
	const rep_context *ctx;
	int index;
	const char *expected;
	int mismatches;
} job;

static void *worker(void *arg)
{
	job *j = arg;
	for (int r = 0; r < ROUNDS; r++) {
		char *got = render_one(j->ctx, j->index);
		if (!got || strcmp(got, j->expected) != 0)
			j->mismatches++;
		free(got);
	}
	return NULL;
}

static void t_concurrent_estimates_match(void **state)
{
	(void)state;
	rep_context *ctx;
	rep_error err;
	assert_int_equal(rep_context_new(&ctx, &err), REP_OK);
	char *expected[THREADS];
	for (int i = 0; i < THREADS; i++) {
		expected[i] = render_one(ctx, i);
		assert_non_null(expected[i]);
	}
	pthread_t th[THREADS];
	job jobs[THREADS];
	for (int i = 0; i < THREADS; i++) {
		jobs[i] = (job){ctx, i, expected[i], 0};
		assert_int_equal(pthread_create(&th[i], NULL, worker, &jobs[i]), 0);
	}
	for (int i = 0; i < THREADS; i++) {
		pthread_join(th[i], NULL);
		assert_int_equal(jobs[i].mismatches, 0);
		free(expected[i]);
	}
	rep_context_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {cmocka_unit_test(t_concurrent_estimates_match)};
	return cmocka_run_group_tests_name("threads", tests, NULL, NULL);
}
