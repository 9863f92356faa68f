/* Throughput of the main paths: reading a case, computing an estimate,
 * rendering it. Run with `meson test -C build --benchmark` or directly:
 *   build/bench/bench_estimate [iterations] [scheme ...]
 * Prints nanoseconds per operation; the numbers are for comparing builds
 * on one machine, not assertions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "reparations.h"

static const char case_json[] =
	"{\"id\": \"bench\", \"currency\": \"EUR\", \"as_of\": \"2026-03-01\","
	" \"proceedings\": {\"kind\": \"criminal\", \"outcome\": \"acquitted\", \"decision_date\": \"2023-05-02\"},"
	" \"detentions\": [{\"kind\": \"pretrial_custody\", \"start\": \"2022-01-05\", \"end\": \"2022-03-10\"},"
	"   {\"kind\": \"prison\", \"start\": \"2022-03-11\", \"end\": \"2023-05-02\"}],"
	" \"harms\": [{\"category\": \"lost_earnings\", \"monthly\": \"3500\", \"start\": \"2022-01-05\", \"end\": \"2023-09-30\"},"
	"   {\"category\": \"property\", \"amount\": \"45000\", \"date\": \"2022-01-05\", \"disposition\": \"confiscated\"},"
	"   {\"category\": \"legal_costs\", \"amount\": \"8000\", \"date\": \"2022-06-01\"}]}";

static double now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	/* timing only: never money */
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 20000;
	const char *schemes[16] = {"de-streg", "us-federal"};
	int ns = 2;
	if (argc > 2) {
		ns = 0;
		for (int i = 2; i < argc && ns < 16; i++)
			schemes[ns++] = argv[i];
	}
	rep_error err;
	rep_context *ctx;
	if (rep_context_new(&ctx, &err)) {
		fprintf(stderr, "%s\n", err.message);
		return 1;
	}
	size_t len = strlen(case_json);
	rep_case *c = NULL;

	double t0 = now_ns();
	for (long i = 0; i < n; i++) {
		rep_case_free(c);
		if (rep_case_from_json(&c, case_json, len, &err)) {
			fprintf(stderr, "%s\n", err.message);
			return 1;
		}
	}
	double t1 = now_ns();
	printf("case from JSON (%zu bytes): %8.0f ns\n", len, (t1 - t0) / (double)n);

	for (int s = 0; s < ns; s++) {
		t0 = now_ns();
		for (long i = 0; i < n; i++) {
			rep_estimate *e;
			if (rep_estimate_compute(&e, ctx, c, schemes[s], NULL, &err)) {
				fprintf(stderr, "%s: %s\n", schemes[s], err.message);
				return 1;
			}
			rep_estimate_free(e);
		}
		t1 = now_ns();
		printf("estimate %-20s %8.0f ns  (%.0f estimates/s on one core)\n", schemes[s], (t1 - t0) / (double)n,
		       1e9 * (double)n / (t1 - t0));
	}

	rep_estimate *e;
	rep_estimate_compute(&e, ctx, c, schemes[0], NULL, &err);
	t0 = now_ns();
	for (long i = 0; i < n; i++) {
		char *out;
		rep_estimates_render(&out, NULL, "bench", (const rep_estimate *const *)&e, 1, REP_FORMAT_JSON, &err);
		free(out);
	}
	t1 = now_ns();
	printf("render JSON:               %8.0f ns\n", (t1 - t0) / (double)n);
	rep_estimate_free(e);
	rep_case_free(c);
	rep_context_free(ctx);
	return 0;
}
