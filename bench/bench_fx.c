/* Loading exchange rates: --fx-file text through rep_context_load_fx, at
 * 100,000 and 1,000,000 dated lines, then lookups. The figure that matters
 * is the ratio of the two loads: about 10 (to 12, the log n of a sort) when
 * loading is n log n; it was about 100 when each line searched all earlier
 * ones (100,000 lines took 40 s). Run with `meson test -C build --benchmark`
 * or build/bench/bench_fx [lines]. No assertion: numbers compare builds. */
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

/* n dated lines, 10 pairs, one date a day per pair, in shuffled date order. */
static char *fx_text(long n, size_t *len)
{
	static const char *const pairs[] = {"EUR/KZT", "USD/KZT", "RUB/KZT", "EUR/USD", "GBP/USD",
					    "JPY/USD", "UZS/USD", "CHF/EUR", "CNY/USD", "TRY/EUR"};
	size_t cap = (size_t)n * 40 + 64, k = 0;
	char *t = malloc(cap);
	if (!t)
		return NULL;
	k += (size_t)snprintf(t, cap, "# generated\n");
	unsigned long x = 88172645463325252ul;
	for (long i = 0; i < n; i++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17; /* xorshift: a fixed pseudo-random order */
		long day = (long)(x % (unsigned long)(n / 10 + 1));
		rep_date d = (rep_date)(-20000 + day % 100000);
		char ds[REP_DATE_TEXT_SIZE];
		rep_date_format(d, ds);
		k += (size_t)snprintf(t + k, cap - k, "%s=%lu.%04lu,%s\n", pairs[i % 10], 100 + x % 900, x % 10000, ds);
	}
	*len = k;
	return t;
}

static double load(long n, rep_context **keep)
{
	size_t len;
	char *t = fx_text(n, &len);
	rep_context *ctx;
	rep_error err;
	if (!t || rep_context_new(&ctx, &err))
		exit(1);
	double t0 = now_s();
	if (rep_context_load_fx(ctx, t, len, &err)) {
		fprintf(stderr, "%s\n", err.message);
		exit(1);
	}
	double t1 = now_s();
	printf("load %8ld dated lines (%5.1f MB): %7.3f s\n", n, (double)len / 1e6, t1 - t0);
	free(t);
	if (keep)
		*keep = ctx;
	else
		rep_context_free(ctx);
	return t1 - t0;
}

int main(int argc, char **argv)
{
	long big = argc > 1 ? atol(argv[1]) : 1000000;
	double small = load(big / 10, NULL);
	rep_context *ctx;
	double large = load(big, &ctx);
	printf("ratio for 10 x the lines: %.1f (10 is linear, about 100 quadratic)\n", large / small);
	mpq_t r;
	mpq_init(r);
	rep_error err;
	long lookups = 100000, found = 0;
	double t0 = now_s();
	for (long i = 0; i < lookups; i++)
		found += rep_fx_lookup(ctx, "EUR", "KZT", (rep_date)(-20000 + i % 100000), r, NULL, &err) == REP_OK;
	double t1 = now_s();
	printf("lookup among %ld rates: %.0f ns (%ld of %ld found)\n", big, (t1 - t0) * 1e9 / (double)lookups, found,
	       lookups);
	mpq_clear(r);
	rep_context_free(ctx);
	return 0;
}
