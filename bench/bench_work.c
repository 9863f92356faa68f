/* Work of one estimate against the size of the case: lost-earnings harms
 * over long periods (the months are pro-rated), under intl-un (whose range
 * evaluates the lines again for each benchmark) and de-streg. Two ratios
 * matter: 1,000 harms against 100 (about 10 when work is linear in harms)
 * and 300-year periods against 1-year ones (about 1: a period costs the same
 * whatever its length; it was about 60 when every month was added up, and
 * 1,000 harms over 300 years took 4 s). Prints; asserts nothing.
 *   build/bench/bench_work [repeats] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "reparations.h"

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	/* timing only: never money */
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static rep_case *make_case(int harms, const char *start, const char *end, const char *as_of)
{
	size_t cap = 512 + (size_t)harms * 128, n = 0;
	char *b = malloc(cap);
	n += (size_t)snprintf(b, cap,
			      "{\"id\":\"w\",\"currency\":\"EUR\",\"as_of\":\"%s\",\"proceedings\":{\"kind\":\"criminal\","
			      "\"outcome\":\"acquitted\",\"decision_date\":\"1950-05-02\"},\"detentions\":[{\"kind\":"
			      "\"pretrial_custody\",\"start\":\"1950-01-01\",\"end\":\"1950-01-10\"}],\"harms\":[",
			      as_of);
	for (int i = 0; i < harms; i++)
		n += (size_t)snprintf(b + n, cap - n, "%s{\"category\":\"lost_earnings\",\"monthly\":\"%d\",\"start\":\"%s\",\"end\":\"%s\"}",
				      i ? "," : "", 1000 + i, start, end);
	snprintf(b + n, cap - n, "]}");
	rep_case *c = NULL;
	rep_error err;
	if (rep_case_from_json(&c, b, strlen(b), &err)) {
		fprintf(stderr, "%s\n", err.message);
		exit(1);
	}
	free(b);
	return c;
}

static double time_estimate(const rep_context *ctx, const rep_case *c, const char *scheme, int repeats)
{
	rep_error err;
	double t0 = now_s();
	for (int r = 0; r < repeats; r++) {
		rep_estimate *e;
		if (rep_estimate_compute(&e, ctx, c, scheme, NULL, &err)) {
			fprintf(stderr, "%s: %s\n", scheme, err.message);
			exit(1);
		}
		rep_estimate_free(e);
	}
	return (now_s() - t0) / repeats;
}

int main(int argc, char **argv)
{
	int repeats = argc > 1 ? atoi(argv[1]) : 5;
	rep_context *ctx;
	rep_error err;
	if (rep_context_new(&ctx, &err))
		return 1;
	rep_case *small = make_case(100, "1900-01-01", "2199-12-31", "2199-12-31");
	rep_case *big = make_case(1000, "1900-01-01", "2199-12-31", "2199-12-31");
	rep_case *short_ = make_case(1000, "2199-01-01", "2199-12-31", "2199-12-31");
	static const char *const schemes[] = {"intl-un", "de-streg"};
	for (size_t s = 0; s < 2; s++) {
		double a = time_estimate(ctx, small, schemes[s], repeats), b = time_estimate(ctx, big, schemes[s], repeats),
		       c = time_estimate(ctx, short_, schemes[s], repeats);
		printf("%-9s 100 harms x 300 y %7.3f s, 1000 x 300 y %7.3f s (ratio %.1f), 1000 x 1 y %7.3f s "
		       "(300 y / 1 y: %.2f)\n",
		       schemes[s], a, b, b / a, c, b / c);
	}
	rep_case_free(small);
	rep_case_free(big);
	rep_case_free(short_);
	rep_context_free(ctx);
	return 0;
}
