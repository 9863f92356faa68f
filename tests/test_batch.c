/* Batches and sweeps: rows in input order whatever the threads, one error
 * row per bad case (never the end of the batch), the sweep's grid, and
 * values computed by hand from the statutes. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reparations.h"

/* A German-style case in EUR: pre-trial custody from 2023-03-01 for `days` days. */
static rep_case *de_case(int days, const char *id)
{
	char json[512];
	rep_date start, end;
	assert_int_equal(rep_date_parse(&start, "2023-03-01", NULL), REP_OK);
	end = start + days - 1;
	char e[REP_DATE_TEXT_SIZE];
	rep_date_format(end, e);
	snprintf(json, sizeof json,
		 "{\"id\":\"%s\",\"currency\":\"EUR\",\"as_of\":\"2026-03-01\","
		 "\"proceedings\":{\"kind\":\"criminal\",\"outcome\":\"acquitted\",\"conviction\":{},\"acquitted_on_retrial\":true},"
		 "\"detentions\":[{\"kind\":\"pretrial_custody\",\"start\":\"2023-03-01\",\"end\":\"%s\"}],\"harms\":[]}",
		 id, e);
	rep_case *c = NULL;
	rep_error err;
	assert_int_equal(rep_case_from_json(&c, json, strlen(json), &err), REP_OK);
	return c;
}

typedef struct collected {
	size_t n;
	size_t index[4096];
	size_t line[4096];
	char scheme[4096][24];
	char total[4096][32];
	char id[4096][32];
	char point[4096][2][32];
	rep_status st[4096];
	char path[4096][64];
	char message[4096][160];
	size_t stop_after; /* 0: never */
	size_t axes;       /* a sweep's axes: row.point has this many values */
} collected;

static rep_status collect(void *user, const rep_batch_row *r)
{
	collected *c = user;
	assert_true(c->n < 4096);
	size_t i = c->n++;
	c->index[i] = r->index;
	c->line[i] = r->line;
	c->st[i] = r->status;
	snprintf(c->scheme[i], sizeof c->scheme[i], "%s", r->scheme ? r->scheme : "-");
	snprintf(c->id[i], sizeof c->id[i], "%s", r->case_id);
	snprintf(c->total[i], sizeof c->total[i], "%s", r->estimate ? rep_estimate_total(r->estimate) : "");
	snprintf(c->path[i], sizeof c->path[i], "%.63s", r->error->path);
	snprintf(c->message[i], sizeof c->message[i], "%.159s", r->error->message);
	for (size_t k = 0; k < 2; k++)
		snprintf(c->point[i][k], sizeof c->point[i][k], "%s", r->point && k < c->axes ? r->point[k] : "");
	if (r->status == REP_OK)
		assert_non_null(r->estimate);
	else
		assert_null(r->estimate);
	if (c->stop_after && c->n == c->stop_after)
		return REP_EIO;
	return REP_OK;
}

static rep_context *ctx;

static int setup(void **state)
{
	(void)state;
	rep_error err;
	return rep_context_new(&ctx, &err) == REP_OK ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	rep_context_free(ctx);
	return 0;
}

/* 300 cases of 1..300 days under de-streg and us-federal with 1 and 3
 * threads: the same rows in the same order. StrEG § 7(3): EUR 75 per
 * commenced day, so case i (i+1 days) pays 75 x (i+1); 28 U.S.C. § 2513(e):
 * USD 50,000 a year, pro rata by day, so 365 days pay 50,000.00. */
static void test_order_and_values(void **state)
{
	(void)state;
	enum { N = 300 };
	rep_case *cases[N];
	char id[16];
	for (int i = 0; i < N; i++) {
		snprintf(id, sizeof id, "c%d", i);
		cases[i] = de_case(i + 1, id);
	}
	const char *ids[] = {"de-streg", "us-federal"};
	rep_batch *b;
	rep_error err;
	assert_int_equal(rep_batch_new(&b, ctx, ids, 2, NULL, &err), REP_OK);
	static collected one, three;
	memset(&one, 0, sizeof one);
	memset(&three, 0, sizeof three);
	assert_int_equal(rep_batch_run(b, (const rep_case *const *)cases, N, collect, &one, &err), REP_OK);
	assert_int_equal(rep_batch_set_jobs(b, 3), REP_OK);
	assert_int_equal(rep_batch_jobs(b), 3);
	assert_int_equal(rep_batch_run(b, (const rep_case *const *)cases, N, collect, &three, &err), REP_OK);
	assert_int_equal(one.n, 2 * N);
	assert_int_equal(three.n, 2 * N);
	for (size_t i = 0; i < 2 * N; i++) {
		assert_int_equal(three.index[i], i / 2);
		assert_string_equal(three.scheme[i], ids[i % 2]);
		assert_string_equal(three.total[i], one.total[i]);
		assert_int_equal(three.st[i], REP_OK);
		if (i % 2 == 0) {
			char want[32];
			snprintf(want, sizeof want, "%d.00", 75 * (int)(i / 2 + 1));
			assert_string_equal(three.total[i], want);
		}
	}
	assert_string_equal(three.total[0], "75.00");      /* 1 day: 1 x 75 */
	assert_string_equal(three.total[2 * 9], "750.00"); /* 10 days: 10 x 75 */
	assert_string_equal(three.total[2 * 9 + 1], "1369.86"); /* 10 x 50,000 / 365 = 1,369.863... */
	assert_string_equal(three.id[2 * 9], "c9");
	rep_batch_free(b);
	for (int i = 0; i < N; i++)
		rep_case_free(cases[i]);
}

/* The result array: case-major, estimates owned by the caller; an unknown
 * scheme and a missing exchange rate are rows with errors, the others go on. */
static void test_compute_array_and_row_errors(void **state)
{
	(void)state;
	rep_case *cases[2] = {de_case(365, "year"), NULL};
	const char *kz = "{\"id\":\"kz\",\"currency\":\"CHF\",\"as_of\":\"2026-03-01\","
			 "\"proceedings\":{\"kind\":\"criminal\",\"outcome\":\"acquitted\",\"conviction\":{},\"acquitted_on_retrial\":true},"
			 "\"detentions\":[{\"kind\":\"pretrial_custody\",\"start\":\"2023-03-01\",\"end\":\"2023-03-10\"}],"
			 "\"harms\":[{\"category\":\"legal_costs\",\"amount\":\"800000\",\"date\":\"2026-02-01\"}]}";
	rep_error err;
	assert_int_equal(rep_case_from_json(&cases[1], kz, strlen(kz), &err), REP_OK);
	const char *ids[] = {"us-federal", "no-such-scheme", "de-streg"};
	rep_batch *b;
	assert_int_equal(rep_batch_new(&b, ctx, ids, 3, NULL, &err), REP_OK);
	assert_int_equal(rep_batch_set_jobs(b, 2), REP_OK);
	rep_batch_result res[6];
	assert_int_equal(rep_batch_compute(b, (const rep_case *const *)cases, 2, res, &err), REP_OK);
	/* 365 days x USD 50,000 / 365 = 50,000.00 */
	assert_int_equal(res[0].status, REP_OK);
	assert_string_equal(rep_estimate_total(res[0].estimate), "50000.00");
	assert_int_equal(res[1].status, REP_ENOTFOUND);
	assert_null(res[1].estimate);
	assert_non_null(strstr(res[1].error.message, "no-such-scheme"));
	/* 365 days x EUR 75 = 27,375.00 */
	assert_string_equal(rep_estimate_total(res[2].estimate), "27375.00");
	/* the CHF legal costs need a CHF/EUR rate: none is built in or given */
	assert_int_equal(res[5].status, REP_ENODATA);
	assert_string_equal(res[5].error.path, "harms[0]");
	/* 10 days x USD 50,000 / 365 = 1,369.863... -> 1,369.86 */
	assert_string_equal(rep_estimate_total(res[3].estimate), "1369.86");
	for (int i = 0; i < 6; i++)
		rep_estimate_free(res[i].estimate);
	rep_batch_free(b);
	rep_case_free(cases[0]);
	rep_case_free(cases[1]);
}

static void test_bad_options_and_jobs(void **state)
{
	(void)state;
	const char *ids[] = {"de-streg"};
	rep_options *o;
	rep_error err;
	rep_batch *b = NULL;
	assert_int_equal(rep_options_new(&o), REP_OK);
	assert_int_equal(rep_options_add(o, "jp-cca.daily_rate=99999999", &err), REP_OK);
	assert_int_not_equal(rep_batch_new(&b, ctx, ids, 1, o, &err), REP_OK);
	assert_null(b);
	assert_non_null(strstr(err.message, "daily_rate"));
	rep_options_free(o);
	assert_int_equal(rep_batch_new(&b, ctx, ids, 0, NULL, &err), REP_EINVAL);
	assert_int_equal(rep_batch_new(&b, ctx, ids, 1, NULL, &err), REP_OK);
	assert_int_equal(rep_batch_set_jobs(b, REP_BATCH_MAX_JOBS + 1), REP_EINVAL);
	assert_int_equal(rep_batch_set_jobs(b, 0), REP_OK);
	assert_true(rep_batch_jobs(b) >= 1);
	assert_int_equal(rep_batch_run(b, NULL, 0, NULL, NULL, &err), REP_EUSAGE);
	rep_batch_free(b);
}

static rep_status run_jsonl(const char *text, size_t len, unsigned jobs, collected *out, rep_error *err)
{
	FILE *f = fmemopen((void *)text, len, "rb");
	assert_non_null(f);
	const char *ids[] = {"de-streg"};
	rep_batch *b;
	assert_int_equal(rep_batch_new(&b, ctx, ids, 1, NULL, err), REP_OK);
	assert_int_equal(rep_batch_set_jobs(b, jobs), REP_OK);
	rep_status st = rep_batch_run_jsonl(b, f, collect, out, err);
	rep_batch_free(b);
	fclose(f);
	return st;
}

#define DE10 "{\"id\":\"ok\",\"currency\":\"EUR\",\"as_of\":\"2026-03-01\",\"proceedings\":{\"kind\":\"criminal\"," \
	     "\"outcome\":\"acquitted\",\"conviction\":{},\"acquitted_on_retrial\":true},\"detentions\":[{\"kind\":\"pretrial_custody\",\"start\":\"2023-03-01\"," \
	     "\"end\":\"2023-03-10\"}],\"harms\":[]}"

/* Every kind of bad line is one row with its line number; the good ones around it go on. */
static void test_jsonl_bad_lines(void **state)
{
	(void)state;
	size_t big = REP_BATCH_MAX_LINE + 10;
	char *text = malloc(big + 4096);
	if (!text)
		abort(); /* (not assert_non_null: the compiler must see that text is not NULL below) */
	size_t n = 0;
	n += (size_t)sprintf(text + n, "%s\r\n", DE10);                                  /* 1: ok, CRLF */
	n += (size_t)sprintf(text + n, "{\"id\":\"broken\",\"currency\":\n");            /* 2: malformed */
	n += (size_t)sprintf(text + n, "\n   \n");                                       /* 3, 4: blank */
	n += (size_t)sprintf(text + n, "{\"id\":\"bad-date\",\"currency\":\"EUR\",\"detentions\":[{\"kind\":"
				       "\"prison\",\"start\":\"2023-02-30\"}]}\n");               /* 5: invalid field */
	n += (size_t)sprintf(text + n, "{\"id\":\"caf\xe9\"}\n");                         /* 6: Latin-1 byte */
	text[n++] = '{';                                                                  /* 7: too long */
	memset(text + n, ' ', big);
	n += big;
	n += (size_t)sprintf(text + n, "}\n");
	n += (size_t)sprintf(text + n, "%s", DE10);                                       /* 8: ok, no newline */
	static collected c;
	memset(&c, 0, sizeof c);
	rep_error err;
	assert_int_equal(run_jsonl(text, n, 2, &c, &err), REP_OK);
	assert_int_equal(c.n, 6);
	assert_int_equal(c.line[0], 1);
	assert_string_equal(c.total[0], "750.00"); /* 10 days x EUR 75 */
	assert_int_equal(c.line[1], 2);
	assert_int_equal(c.st[1], REP_ESYNTAX);
	assert_string_equal(c.scheme[1], "-");
	assert_int_equal(c.line[2], 5);
	assert_string_equal(c.id[2], "bad-date"); /* the id is read from a line whose case is not valid */
	assert_string_equal(c.path[2], "detentions[0].start");
	assert_int_equal(c.line[3], 6);
	assert_int_equal(c.st[3], REP_ESYNTAX);
	assert_non_null(strstr(c.message[3], "UTF-8"));
	assert_non_null(strstr(c.message[3], "byte 11"));
	assert_int_equal(c.line[4], 7);
	assert_int_equal(c.st[4], REP_ELIMIT);
	assert_int_equal(c.line[5], 8);
	assert_string_equal(c.total[5], "750.00");
	free(text);
}

static void test_jsonl_bom_and_stop(void **state)
{
	(void)state;
	static collected c;
	memset(&c, 0, sizeof c);
	rep_error err;
	const char utf16[] = "\xff\xfe{\0\"\0";
	assert_int_equal(run_jsonl(utf16, sizeof utf16 - 1, 1, &c, &err), REP_ESYNTAX);
	assert_non_null(strstr(err.message, "UTF-16"));
	assert_int_equal(c.n, 0);
	const char utf8bom[] = "\xef\xbb\xbf" DE10 "\n" DE10 "\n" DE10 "\n";
	assert_int_equal(run_jsonl(utf8bom, sizeof utf8bom - 1, 1, &c, &err), REP_OK);
	assert_int_equal(c.n, 3);
	assert_int_equal(c.st[0], REP_OK);
	/* the callback stops the run: its status comes back, no row after it */
	memset(&c, 0, sizeof c);
	c.stop_after = 2;
	assert_int_equal(run_jsonl(utf8bom, sizeof utf8bom - 1, 2, &c, &err), REP_EIO);
	assert_int_equal(c.n, 2);
	/* empty input: no rows, no error */
	memset(&c, 0, sizeof c);
	assert_int_equal(run_jsonl("\n\n", 2, 1, &c, &err), REP_OK);
	assert_int_equal(c.n, 0);
}

/* The grid: detentions[0].end from 2023-03-10 to 2023-03-19 by 3 days gives
 * 10, 13, 16, 19 days: 750, 975, 1200, 1425 EUR (x 75); crossed with two
 * values of the lost-earnings harm, first axis slowest. */
static void test_sweep_grid(void **state)
{
	(void)state;
	const char *json = "{\"id\":\"s\",\"currency\":\"EUR\",\"as_of\":\"2026-03-01\",\"proceedings\":{\"kind\":"
			   "\"criminal\",\"outcome\":\"acquitted\",\"conviction\":{},\"acquitted_on_retrial\":true},\"detentions\":[{\"kind\":\"pretrial_custody\","
			   "\"start\":\"2023-03-01\",\"end\":\"2023-03-05\"}],\"harms\":[{\"category\":\"legal_costs\","
			   "\"amount\":\"10\",\"date\":\"2023-04-01\"}]}";
	rep_case *c;
	rep_error err;
	assert_int_equal(rep_case_from_json(&c, json, strlen(json), &err), REP_OK);
	rep_sweep *s;
	assert_int_equal(rep_sweep_new(&s, c, &err), REP_OK);
	rep_case_free(c); /* the sweep holds its own copy */
	assert_int_equal(rep_sweep_point_count(s), 1);
	assert_int_equal(rep_sweep_add(s, "detentions[0].end=2023-03-10:2023-03-20:3d", &err), REP_OK);
	assert_int_equal(rep_sweep_point_count(s), 4); /* 10, 13, 16, 19: 22 is past the 20th */
	assert_int_equal(rep_sweep_add(s, "harms[0].amount=0:100:50", &err), REP_OK);
	assert_int_equal(rep_sweep_point_count(s), 12);
	assert_string_equal(rep_sweep_axis_path(s, 1), "harms[0].amount");
	const char *ids[] = {"de-streg"};
	rep_batch *b;
	assert_int_equal(rep_batch_new(&b, ctx, ids, 1, NULL, &err), REP_OK);
	assert_int_equal(rep_batch_set_jobs(b, 2), REP_OK);
	static collected r;
	memset(&r, 0, sizeof r);
	r.axes = 2;
	assert_int_equal(rep_sweep_run(s, b, collect, &r, &err), REP_OK);
	assert_int_equal(r.n, 12);
	assert_string_equal(r.point[0][0], "2023-03-10");
	assert_string_equal(r.point[0][1], "0");
	assert_string_equal(r.point[1][1], "50");
	assert_string_equal(r.point[2][1], "100");
	assert_string_equal(r.point[3][0], "2023-03-13");
	assert_string_equal(r.point[11][0], "2023-03-19");
	/* StrEG § 7(1): costs count only above EUR 25 (the Bagatellgrenze of the
	 * scheme's pecuniary threshold), so 0 adds nothing; 50 and 100 are paid. */
	assert_string_equal(r.total[0], "750.00");   /* 10 x 75 */
	assert_string_equal(r.total[3], "975.00");   /* 13 x 75 */
	assert_string_equal(r.total[6], "1200.00");  /* 16 x 75 */
	assert_string_equal(r.total[9], "1425.00");  /* 19 x 75 */
	assert_string_equal(r.total[11], "1525.00"); /* 19 x 75 + 100 */
	assert_string_equal(r.total[10], "1475.00"); /* 19 x 75 + 50 */
	assert_string_equal(r.id[0], "s");
	rep_batch_free(b);
	rep_sweep_free(s);
}

static void test_sweep_months_invalid_points_limits(void **state)
{
	(void)state;
	rep_case *c = de_case(10, "m");
	rep_sweep *s;
	rep_error err;
	assert_int_equal(rep_sweep_new(&s, c, &err), REP_OK);
	/* month steps clamp to the month's end: Jan 31, Feb 28, Mar 31, Apr 30 */
	assert_int_equal(rep_sweep_add(s, "detentions[0].start=2023-01-31:2023-04-30:1m", &err), REP_OK);
	assert_int_equal(rep_sweep_point_count(s), 4);
	const char *ids[] = {"de-streg", "us-federal"};
	rep_batch *b;
	assert_int_equal(rep_batch_new(&b, ctx, ids, 2, NULL, &err), REP_OK);
	static collected r;
	memset(&r, 0, sizeof r);
	r.axes = 1;
	assert_int_equal(rep_sweep_run(s, b, collect, &r, &err), REP_OK);
	assert_int_equal(r.n, 8);
	assert_string_equal(r.point[2][0], "2023-02-28");
	assert_string_equal(r.point[4][0], "2023-03-31");
	assert_string_equal(r.point[6][0], "2023-04-30");
	/* start 2023-01-31 .. end 2023-03-10: 1 + 28 + 10 = 39 days x 75 = 2925 */
	assert_string_equal(r.total[0], "2925.00");
	/* start 2023-03-31 is after the end 2023-03-10: an error row per scheme naming the field */
	assert_int_equal(r.st[4], REP_EINVAL);
	assert_int_equal(r.st[5], REP_EINVAL);
	assert_string_equal(r.path[4], "detentions[0]");
	assert_string_equal(r.point[5][0], "2023-03-31");
	rep_batch_free(b);

	assert_int_equal(rep_sweep_add(s, "harms[0].amount=1:2:1", &err), REP_ENOTFOUND); /* no harm */
	assert_int_equal(rep_sweep_add(s, "detentions[0].color=1:2:1", &err), REP_EINVAL);
	assert_int_equal(rep_sweep_add(s, "detentions[0].end=2023-03-10:2023-01-01:1d", &err), REP_EINVAL);
	assert_int_equal(rep_sweep_add(s, "detentions[0].end=2023-03-10:2023-04-01:1w", &err), REP_ESYNTAX);
	assert_int_equal(rep_sweep_add(s, "option:de-streg.x=0:1:0", &err), REP_EINVAL); /* step 0 */
	/* 4 x 1,000,001 points is over REP_SWEEP_MAX_POINTS: refused before anything runs */
	assert_int_equal(rep_sweep_add(s, "option:jp-cca.daily_rate=0:1000000:1", &err), REP_ELIMIT);
	assert_int_equal(rep_sweep_add(s, "option:jp-cca.daily_rate=0:1e30:0.001", &err), REP_ELIMIT);
	assert_int_equal(rep_sweep_point_count(s), 4);
	/* a field varied twice: one axis would silently undo the other (the rows would show values
	 * that were not used) */
	assert_int_equal(rep_sweep_add(s, "detentions[00].start=2023-02-01", &err), REP_EINVAL);
	assert_non_null(strstr(err.message, "already varied by detentions[0].start"));
	assert_int_equal(rep_sweep_add(s, "option:jp-cca.daily_rate=1000,2000", &err), REP_OK);
	assert_int_equal(rep_sweep_add(s, "option:jp-cca.daily_rate=3000", &err), REP_EINVAL);
	assert_int_equal(rep_sweep_add(s, "option:de-streg.daily_rate=3000", &err), REP_OK); /* another scheme's */
	assert_int_equal(rep_sweep_point_count(s), 8);
	rep_sweep_free(s);
	rep_case_free(c);
}

/* An option axis: Japan's Criminal Compensation Act art. 4(1) pays JPY 1,000
 * to 12,500 a day; Hakamata's 17,389 days at 1,000 are 17,389,000. */
static void test_sweep_option(void **state)
{
	(void)state;
	const char *json = "{\"id\":\"h\",\"currency\":\"JPY\",\"as_of\":\"2026-03-01\",\"proceedings\":{\"kind\":"
			   "\"criminal\",\"outcome\":\"acquitted\",\"conviction\":{},\"acquitted_on_retrial\":true},\"detentions\":[{\"kind\":\"prison\","
			   "\"start\":\"1966-08-18\",\"end\":\"2014-03-27\"}],\"harms\":[]}";
	rep_case *c;
	rep_error err;
	assert_int_equal(rep_case_from_json(&c, json, strlen(json), &err), REP_OK);
	rep_sweep *s;
	assert_int_equal(rep_sweep_new(&s, c, &err), REP_OK);
	assert_int_equal(rep_sweep_add(s, "option:jp-cca.daily_rate=1000,12500,99999", &err), REP_OK);
	const char *ids[] = {"jp-cca"};
	rep_batch *b;
	assert_int_equal(rep_batch_new(&b, ctx, ids, 1, NULL, &err), REP_OK);
	static collected r;
	memset(&r, 0, sizeof r);
	r.axes = 1;
	assert_int_equal(rep_sweep_run(s, b, collect, &r, &err), REP_OK);
	assert_int_equal(r.n, 3);
	assert_string_equal(r.total[0], "17389000");  /* 17,389 x 1,000 */
	assert_string_equal(r.total[1], "217362500"); /* 17,389 x 12,500 */
	assert_int_equal(r.st[2], REP_EINVAL);        /* above the statute's maximum: a row error */
	rep_sweep_free(s);
	/* an option no scheme has: one error for the run, not one per row */
	assert_int_equal(rep_sweep_new(&s, c, &err), REP_OK);
	assert_int_equal(rep_sweep_add(s, "option:jp-cca.nightly_rate=1,2", &err), REP_OK);
	memset(&r, 0, sizeof r);
	assert_int_equal(rep_sweep_run(s, b, collect, &r, &err), REP_ENOTFOUND);
	assert_int_equal(r.n, 0);
	rep_sweep_free(s);
	rep_batch_free(b);
	rep_case_free(c);
}

/* Texts read by the threads; a bad text is one row. Heads: a case with
 * legal costs under de-streg has a liberty line (10 x 75 = 750) and a
 * legal_costs line (EUR 100, over the EUR 25 threshold of StrEG § 7(1)). */
static void test_texts_and_heads(void **state)
{
	(void)state;
	const char *good = "{\"id\":\"t\",\"currency\":\"EUR\",\"as_of\":\"2026-03-01\",\"proceedings\":{\"kind\":"
			   "\"criminal\",\"outcome\":\"acquitted\",\"conviction\":{},\"acquitted_on_retrial\":true},\"detentions\":[{\"kind\":\"pretrial_custody\","
			   "\"start\":\"2023-03-01\",\"end\":\"2023-03-10\"}],\"harms\":[{\"category\":\"legal_costs\","
			   "\"amount\":\"60\",\"date\":\"2023-04-01\"},{\"category\":\"legal_costs\",\"amount\":\"40\","
			   "\"date\":\"2023-05-01\"}]}";
	const char *bad = "{\"id\": \"nope\", \"currency\": \"XXX\"}";
	const char *texts[] = {good, bad, good};
	size_t lens[] = {strlen(good), strlen(bad), strlen(good)};
	const char *ids[] = {"de-streg"};
	rep_batch *b;
	rep_error err;
	assert_int_equal(rep_batch_new(&b, ctx, ids, 1, NULL, &err), REP_OK);
	assert_int_equal(rep_batch_set_jobs(b, 2), REP_OK);
	static collected r;
	memset(&r, 0, sizeof r);
	assert_int_equal(rep_batch_run_texts(b, texts, lens, 3, collect, &r, &err), REP_OK);
	assert_int_equal(r.n, 3);
	assert_string_equal(r.total[0], "850.00"); /* 750 + 60 + 40 */
	assert_int_equal(r.st[1], REP_EINVAL);
	assert_string_equal(r.id[1], "nope");
	assert_string_equal(r.path[1], "currency");
	assert_int_equal(r.index[2], 2);
	assert_int_equal(r.line[2], 0);
	rep_batch_free(b);

	rep_case *c;
	rep_estimate *e;
	assert_int_equal(rep_case_from_json(&c, good, strlen(good), &err), REP_OK);
	assert_int_equal(rep_estimate_compute(&e, ctx, c, "de-streg", NULL, &err), REP_OK);
	rep_head_total h[4];
	size_t n = rep_estimate_heads(e, h, 4);
	assert_int_equal(n, 2);
	assert_string_equal(h[0].head, "liberty");
	assert_string_equal(h[0].amount, "750.00");
	assert_string_equal(h[1].head, "legal_costs");
	assert_string_equal(h[1].amount, "100.00"); /* two lines, 60 + 40 */
	assert_int_equal(rep_estimate_heads(e, h, 1), 2); /* the count, whatever fits */
	rep_estimate_free(e);
	rep_case_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_order_and_values),
		cmocka_unit_test(test_compute_array_and_row_errors),
		cmocka_unit_test(test_bad_options_and_jobs),
		cmocka_unit_test(test_jsonl_bad_lines),
		cmocka_unit_test(test_jsonl_bom_and_stop),
		cmocka_unit_test(test_sweep_grid),
		cmocka_unit_test(test_sweep_months_invalid_points_limits),
		cmocka_unit_test(test_sweep_option),
		cmocka_unit_test(test_texts_and_heads),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
