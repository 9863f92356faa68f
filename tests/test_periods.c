/* Unit tests for rep_periods_merge: hand-made cases, validation messages,
 * the 2*n_in output bound, large inputs, and a randomized comparison with
 * a brute-force per-day oracle. Output buffers are allocated with exactly
 * 2*n_in entries so that the sanitizer build catches any overrun. */
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "reparations/dates.h"
#include "reparations/fault.h"

static rep_date D(const char *s)
{
	rep_date d = REP_DATE_NONE;
	rep_error err;
	if (rep_date_parse(&d, s, &err) != REP_OK)
		fail_msg("test date %s: %s", s, err.message);
	return d;
}

typedef struct tp {
	int kind;
	const char *start, *end;
} tp;

static rep_period *alloc_out(size_t n_in)
{
	rep_period *out = malloc((n_in ? 2 * n_in : 1) * sizeof *out);
	assert_non_null(out);
	return out;
}

static void expect_merge(const tp *in, size_t n, const int *severity, const tp *want, size_t n_want)
{
	rep_period *p = malloc((n ? n : 1) * sizeof *p);
	assert_non_null(p);
	for (size_t i = 0; i < n; i++)
		p[i] = (rep_period){in[i].kind, D(in[i].start), D(in[i].end)};
	rep_period *out = alloc_out(n);
	size_t n_out = 12345;
	rep_error err;
	rep_error_clear(&err);
	assert_int_equal(rep_periods_merge(out, &n_out, p, n, severity, &err), REP_OK);
	assert_int_equal(err.status, REP_OK);
	if (n_out != n_want)
		fail_msg("%zu runs, want %zu", n_out, n_want);
	for (size_t i = 0; i < n_want; i++) {
		char s[REP_DATE_TEXT_SIZE], e[REP_DATE_TEXT_SIZE];
		rep_date_format(out[i].start, s);
		rep_date_format(out[i].end, e);
		if (out[i].kind != want[i].kind || strcmp(s, want[i].start) != 0 || strcmp(e, want[i].end) != 0)
			fail_msg("run %zu: kind %d %s..%s, want kind %d %s..%s", i, out[i].kind, s, e, want[i].kind,
				 want[i].start, want[i].end);
	}
	free(out);
	free(p);
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

static void t_overlap(void **state)
{
	(void)state;
	static const tp in[] = {{1, "2021-01-01", "2021-01-20"}, {2, "2021-01-10", "2021-01-31"}};
	/* NULL severity: kind 2 beats kind 1 on Jan 10..20 */
	static const tp w1[] = {{1, "2021-01-01", "2021-01-09"}, {2, "2021-01-10", "2021-01-31"}};
	expect_merge(in, N(in), NULL, w1, N(w1));
	/* kind 1 made the more severe: it keeps Jan 10..20 */
	int sev[REP_PERIOD_MAX_KIND + 1] = {0};
	sev[1] = 5;
	sev[2] = 1;
	static const tp w2[] = {{1, "2021-01-01", "2021-01-20"}, {2, "2021-01-21", "2021-01-31"}};
	expect_merge(in, N(in), sev, w2, N(w2));
	/* same kind overlapping: one run */
	static const tp in3[] = {{4, "2021-01-01", "2021-01-20"}, {4, "2021-01-10", "2021-01-31"}};
	static const tp w3[] = {{4, "2021-01-01", "2021-01-31"}};
	expect_merge(in3, N(in3), NULL, w3, N(w3));
}

static void t_adjacency(void **state)
{
	(void)state;
	/* same kind, end + 1 == start: joined, also across a month and leap day */
	static const tp in1[] = {{3, "2024-02-01", "2024-02-28"}, {3, "2024-02-29", "2024-03-10"}};
	static const tp w1[] = {{3, "2024-02-01", "2024-03-10"}};
	expect_merge(in1, N(in1), NULL, w1, N(w1));
	/* different kinds: kept apart */
	static const tp in2[] = {{3, "2024-02-01", "2024-02-28"}, {5, "2024-02-29", "2024-03-10"}};
	static const tp w2[] = {{3, "2024-02-01", "2024-02-28"}, {5, "2024-02-29", "2024-03-10"}};
	expect_merge(in2, N(in2), NULL, w2, N(w2));
	/* same kind with a one-day gap: not joined */
	static const tp in3[] = {{3, "2024-02-01", "2024-02-27"}, {3, "2024-02-29", "2024-03-10"}};
	static const tp w3[] = {{3, "2024-02-01", "2024-02-27"}, {3, "2024-02-29", "2024-03-10"}};
	expect_merge(in3, N(in3), NULL, w3, N(w3));
	/* a chain A, B, A where the middle is less severe than neither */
	static const tp in4[] = {{1, "2024-01-01", "2024-01-10"}, {2, "2024-01-05", "2024-01-06"},
				 {1, "2024-01-11", "2024-01-20"}};
	static const tp w4[] = {{1, "2024-01-01", "2024-01-04"}, {2, "2024-01-05", "2024-01-06"},
				{1, "2024-01-07", "2024-01-20"}};
	expect_merge(in4, N(in4), NULL, w4, N(w4));
	/* a severe period bridging two mild ones that touch it */
	static const tp in5[] = {{0, "2024-01-01", "2024-01-10"}, {0, "2024-01-21", "2024-01-30"},
				 {7, "2024-01-05", "2024-01-25"}};
	static const tp w5[] = {{0, "2024-01-01", "2024-01-04"}, {7, "2024-01-05", "2024-01-25"},
				{0, "2024-01-26", "2024-01-30"}};
	expect_merge(in5, N(in5), NULL, w5, N(w5));
}

static void t_containment(void **state)
{
	(void)state;
	/* severe inside mild: mild is split in 3 */
	static const tp in1[] = {{0, "2020-01-01", "2020-12-31"}, {3, "2020-03-01", "2020-03-31"}};
	static const tp w1[] = {{0, "2020-01-01", "2020-02-29"}, {3, "2020-03-01", "2020-03-31"},
				{0, "2020-04-01", "2020-12-31"}};
	expect_merge(in1, N(in1), NULL, w1, N(w1));
	/* mild inside severe: swallowed */
	static const tp in2[] = {{3, "2020-01-01", "2020-12-31"}, {0, "2020-03-01", "2020-03-31"}};
	static const tp w2[] = {{3, "2020-01-01", "2020-12-31"}};
	expect_merge(in2, N(in2), NULL, w2, N(w2));
	/* sharing the start or the end */
	static const tp in3[] = {{0, "2020-01-01", "2020-01-31"}, {3, "2020-01-01", "2020-01-10"}};
	static const tp w3[] = {{3, "2020-01-01", "2020-01-10"}, {0, "2020-01-11", "2020-01-31"}};
	expect_merge(in3, N(in3), NULL, w3, N(w3));
	static const tp in4[] = {{0, "2020-01-01", "2020-01-31"}, {3, "2020-01-20", "2020-01-31"}};
	static const tp w4[] = {{0, "2020-01-01", "2020-01-19"}, {3, "2020-01-20", "2020-01-31"}};
	expect_merge(in4, N(in4), NULL, w4, N(w4));
}

static void t_identical(void **state)
{
	(void)state;
	static const tp in1[] = {{2, "2020-05-01", "2020-05-31"}, {2, "2020-05-01", "2020-05-31"}};
	static const tp w1[] = {{2, "2020-05-01", "2020-05-31"}};
	expect_merge(in1, N(in1), NULL, w1, N(w1));
	/* different kinds over the same days: the most severe only */
	static const tp in2[] = {{2, "2020-05-01", "2020-05-31"}, {9, "2020-05-01", "2020-05-31"}};
	static const tp w2[] = {{9, "2020-05-01", "2020-05-31"}};
	expect_merge(in2, N(in2), NULL, w2, N(w2));
	/* equal severity: the lower kind number */
	static const int zero[REP_PERIOD_MAX_KIND + 1] = {0};
	static const tp w3[] = {{2, "2020-05-01", "2020-05-31"}};
	expect_merge(in2, N(in2), zero, w3, N(w3));
}

static void t_unsorted(void **state)
{
	(void)state;
	static const tp in[] = {{1, "2022-09-01", "2022-09-30"}, {2, "2022-03-01", "2022-03-31"},
				{1, "2022-06-01", "2022-06-30"}, {2, "2021-12-25", "2022-01-05"},
				{1, "2022-03-15", "2022-06-10"}};
	static const tp w[] = {{2, "2021-12-25", "2022-01-05"}, {2, "2022-03-01", "2022-03-31"},
			       {1, "2022-04-01", "2022-06-30"}, {1, "2022-09-01", "2022-09-30"}};
	expect_merge(in, N(in), NULL, w, N(w));
}

static void t_duplicates(void **state)
{
	(void)state;
	enum { M = 1000 };
	tp *in = malloc(2 * M * sizeof *in);
	assert_non_null(in);
	for (int i = 0; i < M; i++)
		in[i] = (tp){6, "2010-01-01", "2010-12-31"};
	static const tp w1[] = {{6, "2010-01-01", "2010-12-31"}};
	expect_merge(in, M, NULL, w1, N(w1));
	/* interleaved with a more severe kind over the second half */
	for (int i = 0; i < 2 * M; i++)
		in[i] = i % 2 ? (tp){8, "2010-07-01", "2010-12-31"} : (tp){6, "2010-01-01", "2010-12-31"};
	static const tp w2[] = {{6, "2010-01-01", "2010-06-30"}, {8, "2010-07-01", "2010-12-31"}};
	expect_merge(in, 2 * M, NULL, w2, N(w2));
	free(in);
}

static void t_single_days(void **state)
{
	(void)state;
	static const tp in1[] = {{1, "2020-01-05", "2020-01-05"}, {1, "2020-01-06", "2020-01-06"},
				 {2, "2020-01-07", "2020-01-07"}, {1, "2020-01-09", "2020-01-09"}};
	static const tp w1[] = {{1, "2020-01-05", "2020-01-06"}, {2, "2020-01-07", "2020-01-07"},
				{1, "2020-01-09", "2020-01-09"}};
	expect_merge(in1, N(in1), NULL, w1, N(w1));
	/* single days splitting a longer mild period */
	static const tp in2[] = {{0, "2020-01-01", "2020-01-05"}, {5, "2020-01-03", "2020-01-03"},
				 {5, "2020-01-01", "2020-01-01"}, {5, "2020-01-05", "2020-01-05"}};
	static const tp w2[] = {{5, "2020-01-01", "2020-01-01"}, {0, "2020-01-02", "2020-01-02"},
				{5, "2020-01-03", "2020-01-03"}, {0, "2020-01-04", "2020-01-04"},
				{5, "2020-01-05", "2020-01-05"}};
	expect_merge(in2, N(in2), NULL, w2, N(w2));
	/* the edges of the range */
	static const tp in3[] = {{63, "2199-12-31", "2199-12-31"}, {0, "1900-01-01", "1900-01-01"},
				 {0, "1900-01-02", "2199-12-31"}};
	static const tp w3[] = {{0, "1900-01-01", "2199-12-30"}, {63, "2199-12-31", "2199-12-31"}};
	expect_merge(in3, N(in3), NULL, w3, N(w3));
	static const tp in4[] = {{0, "2020-02-29", "2020-02-29"}};
	expect_merge(in4, N(in4), NULL, in4, N(in4));
}

static void t_severity(void **state)
{
	(void)state;
	static const tp in[] = {{0, "2020-01-01", "2020-01-10"}, {1, "2020-01-05", "2020-01-15"},
				{63, "2020-01-08", "2020-01-20"}};
	/* NULL: the kind number is the severity */
	static const tp w1[] = {{0, "2020-01-01", "2020-01-04"}, {1, "2020-01-05", "2020-01-07"},
				{63, "2020-01-08", "2020-01-20"}};
	expect_merge(in, N(in), NULL, w1, N(w1));
	/* reversed, with negative values: 0 > 1 > 63 */
	int sev[REP_PERIOD_MAX_KIND + 1];
	for (int k = 0; k <= REP_PERIOD_MAX_KIND; k++)
		sev[k] = -k;
	static const tp w2[] = {{0, "2020-01-01", "2020-01-10"}, {1, "2020-01-11", "2020-01-15"},
				{63, "2020-01-16", "2020-01-20"}};
	expect_merge(in, N(in), sev, w2, N(w2));
	/* extreme values do not overflow a comparison */
	sev[0] = INT_MIN;
	sev[1] = INT_MAX;
	sev[63] = 0;
	static const tp w3[] = {{0, "2020-01-01", "2020-01-04"}, {1, "2020-01-05", "2020-01-15"},
				{63, "2020-01-16", "2020-01-20"}};
	expect_merge(in, N(in), sev, w3, N(w3));
	/* ties between 1 and 63, both above 0: 1 wins as the lower number */
	sev[1] = 7;
	sev[63] = 7;
	expect_merge(in, N(in), sev, w3, N(w3));
}

static void t_empty(void **state)
{
	(void)state;
	size_t n_out = 99;
	assert_int_equal(rep_periods_merge(NULL, &n_out, NULL, 0, NULL, NULL), REP_OK);
	assert_int_equal(n_out, 0);
	rep_period one = {0, 0, 0};
	assert_int_equal(rep_periods_merge(&one, NULL, &one, 1, NULL, NULL), REP_EUSAGE);
	rep_period out[2];
	rep_error err;
	assert_int_equal(rep_periods_merge(NULL, &n_out, &one, 1, NULL, &err), REP_EUSAGE);
	assert_int_equal(err.status, REP_EUSAGE);
	assert_int_equal(rep_periods_merge(out, &n_out, NULL, 1, NULL, &err), REP_EUSAGE);
}

static void t_invalid(void **state)
{
	(void)state;
	rep_date a = D("2021-01-01"), b = D("2021-03-01");
	static const struct {
		size_t bad;     /* index of the bad period among 4 good ones */
		rep_period p;
		const char *path, *msg;
	} t[] = {
		{2, {1, 0, 0}, "[2]", "[2]: end 2021-01-01 is before start 2021-03-01"}, /* dates filled below */
		{0, {-1, 0, 0}, "[0]", "[0]: kind -1 is outside 0..63"},
		{3, {64, 0, 0}, "[3]", "[3]: kind 64 is outside 0..63"},
		{1, {INT_MIN, 0, 0}, "[1]", "[1]: kind -2147483648 is outside 0..63"},
		{0, {0, REP_DATE_MIN - 1, 0}, "[0]", "[0]: start 1899-12-31 is outside 1900-01-01..2199-12-31"},
		{1, {0, 0, REP_DATE_MAX + 1}, "[1]", "[1]: end 2200-01-01 is outside 1900-01-01..2199-12-31"},
		{2, {0, REP_DATE_NONE, 0}, "[2]", "[2]: start is not set"},
		{2, {0, 0, REP_DATE_NONE}, "[2]", "[2]: end is not set"},
		{0, {0, 0, INT32_MAX}, "[0]", "[0]: end (day number 2147483647) is outside 1900-01-01..2199-12-31"},
		{0, {0, INT32_MIN + 1, 0}, "[0]",
		 "[0]: start (day number -2147483647) is outside 1900-01-01..2199-12-31"},
		/* both dates out of range and reversed: the start is named first */
		{1, {0, REP_DATE_MAX + 5, REP_DATE_MIN - 5}, "[1]",
		 "[1]: start 2200-01-05 is outside 1900-01-01..2199-12-31"},
	};
	for (size_t i = 0; i < N(t); i++) {
		rep_period in[4];
		for (int j = 0; j < 4; j++)
			in[j] = (rep_period){j, a + j, b + j};
		in[t[i].bad] = t[i].p;
		if (i == 0) {
			in[t[i].bad].start = b;
			in[t[i].bad].end = a;
		}
		rep_period out[8];
		memset(out, 0x5a, sizeof out);
		size_t n_out = 77;
		rep_error err;
		rep_error_clear(&err);
		assert_int_equal(rep_periods_merge(out, &n_out, in, 4, NULL, &err), REP_EINVAL);
		assert_int_equal(err.status, REP_EINVAL);
		assert_string_equal(err.path, t[i].path);
		assert_string_equal(err.message, t[i].msg);
		assert_int_equal(n_out, 0);
		for (size_t k = 0; k < sizeof out; k++)
			assert_int_equal(((unsigned char *)out)[k], 0x5a);
		assert_int_equal(rep_periods_merge(out, &n_out, in, 4, NULL, NULL), REP_EINVAL);
	}
	/* the first bad one is reported */
	rep_period in[5];
	for (int j = 0; j < 5; j++)
		in[j] = (rep_period){0, a, b};
	in[1].kind = 99;
	in[3].end = a - 1;
	rep_period out[10];
	size_t n_out;
	rep_error err;
	assert_int_equal(rep_periods_merge(out, &n_out, in, 5, NULL, &err), REP_EINVAL);
	assert_string_equal(err.message, "[1]: kind 99 is outside 0..63");
}

static void t_invalid_late_index(void **state)
{
	(void)state;
	enum { M = 100000 };
	rep_period *in = malloc(M * sizeof *in);
	rep_period *out = alloc_out(M);
	assert_non_null(in);
	for (int i = 0; i < M; i++)
		in[i] = (rep_period){i % 64, REP_DATE_MIN + i, REP_DATE_MIN + i};
	in[M - 1].end = in[M - 1].start - 1;
	size_t n_out;
	rep_error err;
	assert_int_equal(rep_periods_merge(out, &n_out, in, M, NULL, &err), REP_EINVAL);
	assert_string_equal(err.path, "[99999]");
	assert_string_equal(err.message, "[99999]: end 2173-10-14 is before start 2173-10-15");
	free(out);
	free(in);
}

/* Nested periods with rising severity reach the bound: 2n - 1 runs. */
static void t_output_bound(void **state)
{
	(void)state;
	enum { M = REP_PERIOD_MAX_KIND + 1 };
	rep_period in[M];
	rep_date base = D("2000-01-01");
	for (int k = 0; k < M; k++)
		in[k] = (rep_period){k, base + k, base + 2 * M - k};
	rep_period *out = alloc_out(M);
	size_t n_out;
	assert_int_equal(rep_periods_merge(out, &n_out, in, M, NULL, NULL), REP_OK);
	assert_int_equal(n_out, 2 * M - 1);
	for (size_t i = 0; i < n_out; i++) {
		int k = (int)(i < M ? i : 2 * M - 2 - i);
		assert_int_equal(out[i].kind, k);
		assert_int_equal(out[i].start, i < M - 1 ? base + (rep_date)i : i == M - 1 ? base + k : base + 2 * M - k);
		assert_int_equal(out[i].end, i < M - 1 ? base + (rep_date)i : base + 2 * M - k);
	}
	assert_int_equal(out[M - 1].end - out[M - 1].start + 1, 3); /* the innermost: base+63..base+65 */
	free(out);
}

/* Brute force: the winner on one day among the periods covering it. */
static int oracle_day(const rep_period *in, size_t n, const int *sev, rep_date day)
{
	int best = -1;
	for (size_t i = 0; i < n; i++) {
		if (in[i].start > day || in[i].end < day)
			continue;
		int k = in[i].kind;
		int sk = sev ? sev[k] : k;
		int sb = best < 0 ? 0 : sev ? sev[best] : best;
		if (best < 0 || sk > sb || (sk == sb && k < best))
			best = k;
	}
	return best;
}

/* Structure of a merge result, and its per-day kinds written to `got`
 * (days outside every run stay -1). */
static void check_shape(const rep_period *out, size_t n_out, size_t n_in, rep_date lo, rep_date hi, int *got)
{
	assert_true(n_out <= 2 * n_in);
	for (rep_date d = lo; d <= hi; d++)
		got[d - lo] = -1;
	for (size_t i = 0; i < n_out; i++) {
		assert_true(out[i].kind >= 0 && out[i].kind <= REP_PERIOD_MAX_KIND);
		assert_true(out[i].start <= out[i].end);
		assert_true(out[i].start >= lo && out[i].end <= hi);
		if (i) {
			assert_true(out[i].start > out[i - 1].end); /* sorted, no overlap */
			/* maximal: touching runs differ in kind */
			assert_false(out[i].start == out[i - 1].end + 1 && out[i].kind == out[i - 1].kind);
		}
		for (rep_date d = out[i].start; d <= out[i].end; d++) {
			assert_int_equal(got[d - lo], -1);
			got[d - lo] = out[i].kind;
		}
	}
}

static uint64_t rng_state;

static uint64_t rnd(void)
{
	/* xorshift64 (Marsaglia 2003) */
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static uint32_t rnd_below(uint32_t n)
{
	return (uint32_t)(rnd() % n);
}

static void t_random_vs_oracle(void **state)
{
	(void)state;
	enum { W = 40, ITER = 5000, MAXN = 14 };
	static const int wide_kinds[] = {0, 1, 2, 31, 32, 33, 62, 63};
	rng_state = UINT64_C(0x9e3779b97f4a7c15);
	rep_date lo = D("2024-02-15"), hi = lo + W - 1;
	for (int it = 0; it < ITER; it++) {
		size_t n = rnd_below(MAXN + 1);
		rep_period in[MAXN];
		for (size_t i = 0; i < n; i++) {
			if (i && rnd_below(8) == 0) {
				in[i] = in[rnd_below((uint32_t)i)]; /* duplicate */
				continue;
			}
			int kind = it % 4 == 0 ? wide_kinds[rnd_below(N(wide_kinds))] : (int)rnd_below(4);
			rep_date s = lo + (rep_date)rnd_below(W);
			rep_date e = s + (rep_date)(rnd_below(4) == 0 ? 0 : rnd_below(15));
			in[i] = (rep_period){kind, s, e > hi ? hi : e};
		}
		int sev_buf[REP_PERIOD_MAX_KIND + 1];
		const int *sev = NULL;
		if (it % 3) {
			int spread = it % 3 == 1 ? 3 : 1000; /* few values: many ties */
			for (int k = 0; k <= REP_PERIOD_MAX_KIND; k++)
				sev_buf[k] = (int)rnd_below((uint32_t)spread) - spread / 2;
			sev = sev_buf;
		}
		rep_period *out = alloc_out(n);
		size_t n_out = 9999;
		rep_error err;
		assert_int_equal(rep_periods_merge(out, &n_out, in, n, sev, &err), REP_OK);

		int got[W];
		check_shape(out, n_out, n, lo, hi, got);
		long total_got[REP_PERIOD_MAX_KIND + 1] = {0}, total_want[REP_PERIOD_MAX_KIND + 1] = {0};
		for (rep_date d = lo; d <= hi; d++) {
			int want = oracle_day(in, n, sev, d);
			if (got[d - lo] != want)
				fail_msg("iteration %d, day %ld: kind %d, oracle %d", it, (long)(d - lo), got[d - lo], want);
			if (want >= 0) {
				total_want[want]++;
				total_got[got[d - lo]]++;
			}
		}
		for (int k = 0; k <= REP_PERIOD_MAX_KIND; k++)
			assert_int_equal(total_got[k], total_want[k]);
		free(out);
	}
}

/* 100,000 periods over the whole range, against per-kind coverage
 * counts built from difference arrays (the per-period oracle would be
 * quadratic here). */
static void t_large_random(void **state)
{
	(void)state;
	enum { M = 100000, K = 8 };
	const rep_date lo = REP_DATE_MIN, hi = REP_DATE_MAX;
	const size_t days = (size_t)(hi - lo + 1);
	rng_state = UINT64_C(0x2545f4914f6cdd1d);
	rep_period *in = malloc(M * sizeof *in);
	int32_t *cover = calloc(K * (days + 1), sizeof *cover);
	int *got = malloc(days * sizeof *got);
	assert_true(in && cover && got);
	int sev[REP_PERIOD_MAX_KIND + 1] = {0};
	for (int k = 0; k < K; k++)
		sev[k] = (int)rnd_below(4); /* ties included */
	for (size_t i = 0; i < M; i++) {
		int kind = (int)rnd_below(K);
		rep_date s = lo + (rep_date)rnd_below((uint32_t)days);
		rep_date e = s + (rep_date)rnd_below(rnd_below(10) ? 30 : 3000);
		in[i] = (rep_period){kind, s, e > hi ? hi : e};
		cover[(size_t)kind * (days + 1) + (size_t)(s - lo)]++;
		cover[(size_t)kind * (days + 1) + (size_t)(in[i].end - lo) + 1]--;
	}
	for (int k = 0; k < K; k++)
		for (size_t d = 1; d <= days; d++)
			cover[(size_t)k * (days + 1) + d] += cover[(size_t)k * (days + 1) + d - 1];

	rep_period *out = alloc_out(M);
	size_t n_out;
	assert_int_equal(rep_periods_merge(out, &n_out, in, M, sev, NULL), REP_OK);
	check_shape(out, n_out, M, lo, hi, got);
	for (size_t d = 0; d < days; d++) {
		int want = -1;
		for (int k = 0; k < K; k++)
			if (cover[(size_t)k * (days + 1) + d] > 0 && (want < 0 || sev[k] > sev[want]))
				want = k;
		if (got[d] != want)
			fail_msg("day %zu: kind %d, want %d", d, got[d], want);
	}
	free(out);
	free(got);
	free(cover);
	free(in);
}

/* 100,000 single-day periods, given backwards: one run each when the
 * kinds alternate, one run in all when they do not. */
static void t_large_single_days(void **state)
{
	(void)state;
	enum { M = 100000 };
	rep_period *in = malloc(M * sizeof *in);
	rep_period *out = alloc_out(M);
	assert_non_null(in);
	for (int i = 0; i < M; i++)
		in[i] = (rep_period){(M - 1 - i) % 2, REP_DATE_MIN + M - 1 - i, REP_DATE_MIN + M - 1 - i};
	size_t n_out;
	assert_int_equal(rep_periods_merge(out, &n_out, in, M, NULL, NULL), REP_OK);
	assert_int_equal(n_out, M);
	for (int i = 0; i < M; i++) {
		assert_int_equal(out[i].kind, i % 2);
		assert_int_equal(out[i].start, REP_DATE_MIN + i);
		assert_int_equal(out[i].end, REP_DATE_MIN + i);
	}
	for (int i = 0; i < M; i++)
		in[i].kind = 17;
	assert_int_equal(rep_periods_merge(out, &n_out, in, M, NULL, NULL), REP_OK);
	assert_int_equal(n_out, 1);
	assert_int_equal(out[0].kind, 17);
	assert_int_equal(out[0].start, REP_DATE_MIN);
	assert_int_equal(out[0].end, REP_DATE_MIN + M - 1);
	free(out);
	free(in);
}

static void t_out_of_memory(void **state)
{
	(void)state;
	rep_period in[2] = {{0, 0, 10}, {1, 5, 20}}, out[4];
	size_t n_out = 5;
	rep_error err;
	/* Without -Dfault_injection=true there is nothing to inject; pass
	 * rather than skip(): cmocka 1.1 writes a skip as "not ok # SKIP",
	 * which meson's TAP reader counts as a failure. */
	if (!rep_fault_fail_allocation(1))
		return;
	rep_status st = rep_periods_merge(out, &n_out, in, 2, NULL, &err);
	rep_fault_fail_allocation(0);
	assert_int_equal(st, REP_ENOMEM);
	assert_int_equal(err.status, REP_ENOMEM);
	assert_string_equal(err.message, "out of memory merging 2 periods");
	assert_int_equal(n_out, 0);
	/* and it recovers */
	assert_int_equal(rep_periods_merge(out, &n_out, in, 2, NULL, &err), REP_OK);
	assert_int_equal(n_out, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_overlap),
		cmocka_unit_test(t_adjacency),
		cmocka_unit_test(t_containment),
		cmocka_unit_test(t_identical),
		cmocka_unit_test(t_unsorted),
		cmocka_unit_test(t_duplicates),
		cmocka_unit_test(t_single_days),
		cmocka_unit_test(t_severity),
		cmocka_unit_test(t_empty),
		cmocka_unit_test(t_invalid),
		cmocka_unit_test(t_invalid_late_index),
		cmocka_unit_test(t_output_bound),
		cmocka_unit_test(t_random_vs_oracle),
		cmocka_unit_test(t_large_random),
		cmocka_unit_test(t_large_single_days),
		cmocka_unit_test(t_out_of_memory),
	};
	return cmocka_run_group_tests_name("periods", tests, NULL, NULL);
}
