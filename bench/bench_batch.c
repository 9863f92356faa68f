/* The library's side of bench/run.py, on one JSON Lines caseload:
 *   build/bench/bench_batch CASES.jsonl [scheme ...]
 * Prints one "key value" line per measurement (nanoseconds, counts), for
 * run.py to turn into rates and ratios:
 *   read_ns        reading every case (rep_case_from_json), each into a new case
 *   read_reuse_ns  the same into one reused case (rep_case_read_json, as a batch reads), best of 3:
 *                  the JSON reader alone
 *   eval_ns.S      evaluating every parsed case under scheme S, one thread, full itemization
 *   eval_reuse_ns.S  the same into one reused estimate (rep_estimate_eval, REP_DETAIL_FULL)
 *   eval_totals_ns.S the same with REP_DETAIL_TOTALS: no words for lines, as batch rows of totals
 *   batch1_ns      rep_batch_run over the parsed cases, all schemes, rows of totals, --jobs 1 (batch1_wall_ns: wall clock)
 *   batch2_wall_ns the same with 2 threads, wall clock (batch2_ns: the calling thread's CPU time)
 *   sweep_ns       rep_sweep_run (rows of totals): the first EUR case, detentions[0].end stepped by one day, 10,000 points x de-streg, best of 5
 *   one_ns.S       one estimate of the 580-byte example case (bench_estimate's) under S
 * Times are the calling thread's CPU time unless named wall. Timings only,
 * never money: the doubles below are nanoseconds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "reparations.h"


/* CPU time of this thread: the machine is shared, and wall time would count
 * other programs' turns. Threaded runs are timed on the wall clock (wall_ns). */
static double now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static double wall_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static rep_status count_row(void *user, const rep_batch_row *r)
{
	size_t *ok = user;
	if (r->status == REP_OK)
		ok[0]++;
	else
		ok[1]++;
	return REP_OK;
}

static const char example[] =
	"{\"id\": \"bench\", \"currency\": \"EUR\", \"as_of\": \"2026-03-01\","
	" \"proceedings\": {\"kind\": \"criminal\", \"outcome\": \"acquitted\", \"decision_date\": \"2023-05-02\"},"
	" \"detentions\": [{\"kind\": \"pretrial_custody\", \"start\": \"2022-01-05\", \"end\": \"2022-03-10\"},"
	"   {\"kind\": \"prison\", \"start\": \"2022-03-11\", \"end\": \"2023-05-02\"}],"
	" \"harms\": [{\"category\": \"lost_earnings\", \"monthly\": \"3500\", \"start\": \"2022-01-05\", \"end\": \"2023-09-30\"},"
	"   {\"category\": \"property\", \"amount\": \"45000\", \"date\": \"2022-01-05\", \"disposition\": \"confiscated\"},"
	"   {\"category\": \"legal_costs\", \"amount\": \"8000\", \"date\": \"2022-06-01\"}]}";

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: bench_batch CASES.jsonl [scheme ...]\n");
		return 2;
	}
	const char *schemes[16] = {"de-streg", "us-federal"};
	size_t ns = 2;
	if (argc > 2)
		for (ns = 0; ns < 16 && (int)ns + 2 < argc; ns++)
			schemes[ns] = argv[ns + 2];
	FILE *f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 2;
	}
	size_t cap = 1024, n = 0;
	char **lines = malloc(cap * sizeof *lines);
	size_t *lens = malloc(cap * sizeof *lens);
	char *line = NULL;
	size_t lcap = 0;
	ssize_t got;
	while ((got = getline(&line, &lcap, f)) > 0) {
		if (n == cap) {
			cap *= 2;
			lines = realloc(lines, cap * sizeof *lines);
			lens = realloc(lens, cap * sizeof *lens);
		}
		lines[n] = malloc((size_t)got + 1);
		memcpy(lines[n], line, (size_t)got + 1);
		lens[n++] = (size_t)got;
	}
	free(line);
	fclose(f);

	rep_error err;
	rep_context *ctx;
	if (rep_context_new(&ctx, &err)) {
		fprintf(stderr, "%s\n", err.message);
		return 1;
	}
	rep_case **cases = calloc(n ? n : 1, sizeof *cases);
	size_t nc = 0, bad = 0;
	double t0 = now_ns();
	for (size_t i = 0; i < n; i++) {
		if (rep_case_from_json(&cases[nc], lines[i], lens[i], &err) == REP_OK)
			nc++;
		else
			bad++;
	}
	double t1 = now_ns();
	printf("cases %zu\nunreadable %zu\nread_ns %.0f\n", nc, bad, t1 - t0);
	rep_case *one;
	if (rep_case_new(&one))
		return 1;
	double best = 0;
	for (int rep = 0; rep < 3; rep++) {
		t0 = now_ns();
		for (size_t i = 0; i < n; i++)
			(void)rep_case_read_json(one, lines[i], lens[i], &err);
		t1 = now_ns();
		if (rep == 0 || t1 - t0 < best)
			best = t1 - t0;
	}
	rep_case_free(one);
	printf("read_reuse_ns %.0f\n", best);

	for (size_t s = 0; s < ns; s++) {
		size_t ok = 0, failed = 0;
		t0 = now_ns();
		for (size_t i = 0; i < nc; i++) {
			rep_estimate *e = NULL;
			if (rep_estimate_compute(&e, ctx, cases[i], schemes[s], NULL, &err) == REP_OK)
				ok++;
			else
				failed++;
			rep_estimate_free(e);
		}
		t1 = now_ns();
		printf("eval_ns.%s %.0f\neval_ok.%s %zu\neval_failed.%s %zu\n", schemes[s], t1 - t0, schemes[s], ok,
		       schemes[s], failed);
		/* one estimate evaluated into again and again, as batch and sweep slots are */
		static const rep_detail details[] = {REP_DETAIL_FULL, REP_DETAIL_TOTALS};
		static const char *const names[] = {"reuse", "totals"};
		for (int d = 0; d < 2; d++) {
			rep_estimate *e = NULL;
			t0 = now_ns();
			for (size_t i = 0; i < nc; i++)
				rep_estimate_eval(&e, ctx, cases[i], schemes[s], NULL, details[d], &err);
			t1 = now_ns();
			rep_estimate_free(e);
			printf("eval_%s_ns.%s %.0f\n", names[d], schemes[s], t1 - t0);
		}
	}

	rep_batch *b;
	if (rep_batch_new(&b, ctx, schemes, ns, NULL, &err)) {
		fprintf(stderr, "%s\n", err.message);
		return 1;
	}
	/* rows of totals, as `reparations batch` (default --fields totals) evaluates them */
	rep_batch_set_detail(b, REP_DETAIL_TOTALS);
	/* best of 5 by wall clock: a run takes a tenth of a second, and one
	 * descheduled thread on a shared machine costs a run of two threads more
	 * than the run of one */
	for (unsigned jobs = 1; jobs <= 2; jobs++) {
		double best_cpu = 0, best_wall = 0;
		size_t rows = 0;
		rep_batch_set_jobs(b, jobs);
		for (int rep = 0; rep < 5; rep++) {
			size_t counts[2] = {0, 0};
			t0 = now_ns();
			double w0 = wall_ns();
			if (rep_batch_run(b, (const rep_case *const *)cases, nc, count_row, counts, &err)) {
				fprintf(stderr, "%s\n", err.message);
				return 1;
			}
			double w1 = wall_ns();
			t1 = now_ns();
			if (rep == 0 || w1 - w0 < best_wall) {
				best_wall = w1 - w0;
				best_cpu = t1 - t0;
			}
			rows = counts[0] + counts[1];
		}
		printf("batch%u_ns %.0f\nbatch%u_wall_ns %.0f\nbatch%u_rows %zu\n", jobs, best_cpu, jobs, best_wall, jobs, rows);
	}
	rep_batch_free(b);

	/* the sweep: the first EUR case whose de-streg estimate works */
	const char *de[] = {"de-streg"};
	rep_batch_new(&b, ctx, de, 1, NULL, &err);
	rep_batch_set_detail(b, REP_DETAIL_TOTALS);
	for (size_t i = 0; i < nc; i++) {
		rep_estimate *e = NULL;
		if (strcmp(rep_case_currency(cases[i]), "EUR") != 0 ||
		    rep_estimate_compute(&e, ctx, cases[i], "de-streg", NULL, &err) != REP_OK)
			continue;
		rep_estimate_free(e);
		rep_sweep *sw;
		char spec[128];
		/* from a far start so every end stays valid: 1990-01-01 + k days */
		snprintf(spec, sizeof spec, "detentions[0].start=1990-01-01:1990-01-01:1d");
		rep_sweep_new(&sw, cases[i], &err);
		rep_sweep_add(sw, spec, &err);
		/* 10,000 days, to 2017-05-18: long enough that the plain-Python script's start is a small part of its time */
		snprintf(spec, sizeof spec, "detentions[0].end=1990-01-01:%s:1d", "2017-05-18");
		if (rep_sweep_add(sw, spec, &err)) {
			fprintf(stderr, "%s\n", err.message);
			return 1;
		}
		/* a run takes a few milliseconds: the best of 5 */
		size_t counts[2] = {0, 0};
		double best_sweep = 0;
		for (int rep = 0; rep < 5; rep++) {
			counts[0] = counts[1] = 0;
			t0 = now_ns();
			rep_sweep_run(sw, b, count_row, counts, &err);
			t1 = now_ns();
			if (rep == 0 || t1 - t0 < best_sweep)
				best_sweep = t1 - t0;
		}
		printf("sweep_ns %.0f\nsweep_rows %zu\nsweep_failed %zu\nsweep_case %s\n", best_sweep, counts[0] + counts[1],
		       counts[1], rep_case_id(cases[i]));
		rep_sweep_free(sw);
		break;
	}
	rep_batch_free(b);

	rep_case *c = NULL;
	rep_case_from_json(&c, example, strlen(example), &err);
	for (size_t s = 0; s < ns; s++) {
		long reps = 20000;
		t0 = now_ns();
		for (long k = 0; k < reps; k++) {
			rep_estimate *e = NULL;
			rep_estimate_compute(&e, ctx, c, schemes[s], NULL, &err);
			rep_estimate_free(e);
		}
		t1 = now_ns();
		printf("one_ns.%s %.0f\n", schemes[s], (t1 - t0) / (double)reps);
	}
	rep_case_free(c);
	for (size_t i = 0; i < nc; i++)
		rep_case_free(cases[i]);
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(cases);
	free(lines);
	free(lens);
	rep_context_free(ctx);
	return 0;
}
