/* Many threads, one context: 8 threads compute different estimates at once
 * against one shared context (built-in and user-loaded schemes and series,
 * exchange rates, options) and every rendering must equal the one computed
 * alone. Then 8 threads each build, load and use a context of their own at
 * the same time (no hidden global state in context creation or loading).
 * tools/test.sh runs this test under ThreadSanitizer too (build-tsan), where
 * any data race is an error. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "reparations.h"
#include "context_internal.h" /* rep_context_begin_read & co., to hold the context busy on purpose */

#define THREADS 8
#define ROUNDS 25

/* Each thread: its own scheme (MCI tariffs, tiers, present values, interest,
 * an annuity, late interest, per-year caps, a user scheme) and its own case. */
static const char *const schemes[THREADS] = {"kz-reform", "de-streg", "us-tx",  "intl-un",
					     "kz-cpc",    "uk-cja",   "echr",   "th-user"};
static const char *const option_texts[] = {"us-tx.annuity_years=25", "echr.days_late=45", "intl-un.indexation=interest",
					   "intl-un.interest_rate=6", "kz-cpc.indexation=mci", "th-user.daily=4"};

static const char user_scheme[] =
	"{\"id\":\"th-user\",\"name\":\"Thread test\",\"currency\":\"EUR\",\"status\":\"scenario\","
	"\"qualifying\":[{\"outcomes\":[\"acquitted\"],\"text\":\"acquitted\"}],"
	"\"tariffs\":[{\"label\":\"Days\",\"kinds\":[\"pretrial_custody\",\"prison\"],\"rate_option\":\"daily\","
	"\"index\":\"TH.INDEX\",\"index_at\":\"detention_end\",\"tier_to\":400},"
	"{\"label\":\"Later days\",\"kinds\":[\"pretrial_custody\",\"prison\"],\"rate\":\"1.5\",\"index\":\"TH.INDEX\","
	"\"tier_from\":401}],"
	"\"heads\":[{\"category\":\"lost_earnings\",\"label\":\"Earnings\"},"
	"{\"category\":\"lost_earning_capacity\",\"label\":\"Capacity\",\"future_pv\":true}],"
	"\"options\":[{\"name\":\"daily\",\"default\":\"2\",\"min\":\"0\",\"max\":\"10\"}]}";
static const char user_series[] =
	"# id: TH.INDEX\n# name: Thread index\n# unit: EUR\n# until: 2026-12-31\nfrom,value,confidence,source\n"
	"2000-01-01,30,verified,t\n2022-07-01,31.25,verified,t\n2023-01-01,33,secondary,t\n";

/* Case i: the same facts in EUR with i days more of custody and different
 * earnings, so each thread computes something different. */
static void make_case(char *buf, size_t size, int i)
{
	snprintf(buf, size,
		 "{\"id\":\"t%d\",\"currency\":\"EUR\",\"as_of\":\"2025-06-01\","
		 "\"proceedings\":{\"kind\":\"criminal\",\"outcome\":\"acquitted\",\"decision_date\":\"2024-01-10\","
		 "\"application_date\":\"2025-05-01\",\"arbitrary_detention_finding\":true},"
		 "\"detentions\":[{\"kind\":\"pretrial_custody\",\"start\":\"2012-01-05\",\"end\":\"2012-03-%02d\"},"
		 "{\"kind\":\"prison\",\"start\":\"2012-04-01\",\"end\":\"2023-05-02\"},"
		 "{\"kind\":\"parole\",\"start\":\"2023-05-03\",\"end\":\"2023-11-30\"}],"
		 "\"harms\":[{\"category\":\"lost_earnings\",\"monthly\":\"%d\",\"start\":\"2012-01-05\",\"end\":\"2023-09-30\"},"
		 "{\"category\":\"property\",\"amount\":\"4500.50\",\"date\":\"2022-01-05\"},"
		 "{\"category\":\"legal_costs\",\"amount\":\"12000\",\"date\":\"2023-01-05\"},"
		 "{\"category\":\"moral_harm\",\"amount\":\"50000\"},"
		 "{\"category\":\"lost_earning_capacity\",\"annual\":\"12000\",\"years\":\"7.5\",\"growth\":\"0.02\",\"discount_rate\":\"0.035\"}]}",
		 i, 10 + i, 1500 + 100 * i);
}

static rep_options *new_options(void)
{
	rep_options *o = NULL;
	rep_error err;
	if (rep_options_new(&o))
		return NULL;
	for (size_t k = 0; k < sizeof option_texts / sizeof option_texts[0]; k++)
		if (rep_options_add(o, option_texts[k], &err)) {
			rep_options_free(o);
			return NULL;
		}
	return o;
}

/* Everything thread i computes in one round, rendered into one string:
 * its estimate in JSON and as a table, a comparison of three schemes, and
 * lookups in the shared reference data. NULL (and a message) on an error. */
static char *render_one(const rep_context *ctx, int i)
{
	char json[2048];
	make_case(json, sizeof json, i);
	rep_case *c = NULL;
	rep_estimate *e = NULL;
	rep_options *o = new_options();
	rep_comparison *cmp = NULL;
	char *a = NULL, *b = NULL, *d = NULL, *out = NULL;
	rep_error err;
	const char *three[] = {schemes[i], schemes[(i + 1) % THREADS], schemes[(i + 3) % THREADS]};
	mpq_t v;
	mpq_init(v);
	rep_series_point pt;
	if (o && rep_case_from_json(&c, json, strlen(json), &err) == REP_OK &&
	    rep_estimate_compute(&e, ctx, c, schemes[i], o, &err) == REP_OK &&
	    rep_estimates_render(&a, NULL, rep_case_id(c), (const rep_estimate *const *)&e, 1, REP_FORMAT_JSON, &err) == REP_OK &&
	    rep_estimates_render(&b, NULL, rep_case_id(c), (const rep_estimate *const *)&e, 1, REP_FORMAT_TABLE, &err) == REP_OK &&
	    rep_compare(&cmp, ctx, c, three, 3, o, i % 2 ? "KZT" : "USD", &err) == REP_OK &&
	    rep_comparison_render(&d, NULL, cmp, REP_FORMAT_CSV, &err) == REP_OK &&
	    rep_series_lookup(ctx, "TH.INDEX", 19000 + 100 * i, v, &pt, &err) == REP_OK &&
	    rep_fx_lookup(ctx, "GBP", "KZT", 19500 + 10 * i, v, &pt, &err) == REP_OK) {
		size_t n = strlen(a) + strlen(b) + strlen(d) + 64;
		out = malloc(n);
		if (out)
			snprintf(out, n, "%s\n%s\n%s\n%s", a, b, d, pt.value);
	} else {
		fprintf(stderr, "thread %d: %s\n", i, o ? err.message : "no options");
	}
	mpq_clear(v);
	free(a);
	free(b);
	free(d);
	rep_comparison_free(cmp);
	rep_estimate_free(e);
	rep_options_free(o);
	rep_case_free(c);
	return out;
}

static rep_context *shared_context(void)
{
	rep_context *ctx = NULL;
	rep_error err;
	assert_int_equal(rep_context_new(&ctx, &err), REP_OK);
	assert_int_equal(rep_context_set_fx(ctx, "EUR/KZT", "520", REP_DATE_NONE, "test", &err), REP_OK);
	assert_int_equal(rep_context_set_fx(ctx, "USD/KZT", "470", REP_DATE_NONE, "test", &err), REP_OK);
	assert_int_equal(rep_context_set_fx(ctx, "EUR/USD", "1.1", REP_DATE_NONE, "test", &err), REP_OK);
	assert_int_equal(rep_context_set_fx(ctx, "GBP/USD", "1.3", REP_DATE_NONE, "test", &err), REP_OK);
	assert_int_equal(rep_context_load_series(ctx, user_series, sizeof user_series - 1, "csv", &err), REP_OK);
	if (rep_context_load_scheme(ctx, user_scheme, sizeof user_scheme - 1, &err))
		fail_msg("%s", err.message);
	return ctx;
}

typedef struct job {
	const rep_context *ctx; /* NULL: the thread builds its own */
	int index;
	const char *expected;
	int mismatches;
} job;

static void *worker(void *arg)
{
	job *j = arg;
	for (int r = 0; r < ROUNDS; r++) {
		rep_context *own = NULL;
		if (!j->ctx) {
			/* a context of its own each round: creation, loading and freeing race with the others */
			rep_error err;
			if (rep_context_new(&own, &err) ||
			    rep_context_set_fx(own, "EUR/KZT", "520", REP_DATE_NONE, "test", &err) ||
			    rep_context_set_fx(own, "USD/KZT", "470", REP_DATE_NONE, "test", &err) ||
			    rep_context_set_fx(own, "EUR/USD", "1.1", REP_DATE_NONE, "test", &err) ||
			    rep_context_set_fx(own, "GBP/USD", "1.3", REP_DATE_NONE, "test", &err) ||
			    rep_context_load_series(own, user_series, sizeof user_series - 1, "csv", &err) ||
			    rep_context_load_scheme(own, user_scheme, sizeof user_scheme - 1, &err)) {
				j->mismatches++;
				rep_context_free(own);
				continue;
			}
		}
		char *got = render_one(j->ctx ? j->ctx : own, j->index);
		if (!got || strcmp(got, j->expected) != 0)
			j->mismatches++;
		free(got);
		rep_context_free(own);
	}
	return NULL;
}

static void run_threads(int shared)
{
	rep_context *ctx = shared_context();
	char *expected[THREADS];
	for (int i = 0; i < THREADS; i++) {
		expected[i] = render_one(ctx, i);
		assert_non_null(expected[i]);
		for (int k = 0; k < i; k++)
			assert_string_not_equal(expected[i], expected[k]);
	}
	pthread_t th[THREADS];
	job jobs[THREADS];
	for (int i = 0; i < THREADS; i++) {
		jobs[i] = (job){shared ? ctx : NULL, i, expected[i], 0};
		assert_int_equal(pthread_create(&th[i], NULL, worker, &jobs[i]), 0);
	}
	int mismatches = 0;
	for (int i = 0; i < THREADS; i++) {
		assert_int_equal(pthread_join(th[i], NULL), 0);
		if (jobs[i].mismatches)
			print_message("# thread %d (%s): %d of %d rounds differ from the single-threaded result\n", i,
				      schemes[i], jobs[i].mismatches, ROUNDS);
		mismatches += jobs[i].mismatches;
		free(expected[i]);
	}
	rep_context_free(ctx);
	assert_int_equal(mismatches, 0);
}

static void t_shared_context(void **state)
{
	(void)state;
	run_threads(1);
}

static void t_context_per_thread(void **state)
{
	(void)state;
	run_threads(0);
}

/* Loading into a context while others compute on it is refused with
 * REP_EBUSY, and computing while one loads, both ways; deterministic: the
 * test holds the context busy itself. */
static void t_busy_context_is_refused(void **state)
{
	(void)state;
	rep_context *ctx = shared_context();
	rep_error err;
	rep_case *c = NULL;
	static const char json[] = "{\"id\":\"b\",\"currency\":\"EUR\",\"as_of\":\"2026-03-01\","
				   "\"detentions\":[{\"kind\":\"prison\",\"start\":\"2024-01-01\",\"end\":\"2024-01-10\"}]}";
	assert_int_equal(rep_case_from_json(&c, json, sizeof json - 1, &err), REP_OK);
	assert_int_equal(rep_context_begin_read(ctx, &err), REP_OK); /* "another thread computes" */
	assert_int_equal(rep_context_load_scheme(ctx, user_scheme, sizeof user_scheme - 1, &err), REP_EBUSY);
	assert_non_null(strstr(err.message, "in use by estimates on other threads"));
	assert_int_equal(rep_context_load_series(ctx, user_series, sizeof user_series - 1, "csv", &err), REP_EBUSY);
	assert_int_equal(rep_context_set_fx(ctx, "EUR/KZT", "1", REP_DATE_NONE, NULL, &err), REP_EBUSY);
	assert_int_equal(rep_context_load_fx(ctx, "EUR/KZT=1\n", 10, &err), REP_EBUSY);
	rep_estimate *e = NULL;
	assert_int_equal(rep_estimate_compute(&e, ctx, c, "de-streg", NULL, &err), REP_OK); /* readers share */
	rep_estimate_free(e);
	rep_context_end_read(ctx);
	assert_int_equal(rep_context_begin_write(ctx, &err), REP_OK); /* "another thread loads" */
	assert_int_equal(rep_estimate_compute(&e, ctx, c, "de-streg", NULL, &err), REP_EBUSY);
	assert_non_null(strstr(err.message, "being loaded into by another thread"));
	assert_null(e);
	const char *one[] = {"de-streg"};
	rep_comparison *cmp = NULL;
	assert_int_equal(rep_compare(&cmp, ctx, c, one, 1, NULL, NULL, &err), REP_EBUSY);
	mpq_t v;
	mpq_init(v);
	assert_int_equal(rep_fx_lookup(ctx, "EUR", "KZT", 20000, v, NULL, &err), REP_EBUSY);
	assert_int_equal(rep_series_lookup(ctx, "KZ.MCI", 20000, v, NULL, &err), REP_EBUSY);
	assert_int_equal(rep_context_load_fx(ctx, "EUR/KZT=1\n", 10, &err), REP_EBUSY); /* one writer at a time */
	rep_context_end_write(ctx);
	/* free again: both work */
	assert_int_equal(rep_context_set_fx(ctx, "EUR/KZT", "521", REP_DATE_NONE, NULL, &err), REP_OK);
	assert_int_equal(rep_fx_lookup(ctx, "EUR", "KZT", 20000, v, NULL, &err), REP_OK);
	assert_int_equal(mpq_cmp_ui(v, 521, 1), 0);
	mpq_clear(v);
	rep_case_free(c);
	rep_context_free(ctx);
}

/* The misuse itself, racing: 7 threads compute on a shared context while
 * one loads into it over and over. Every call gives REP_OK or REP_EBUSY,
 * every estimate that succeeds is complete, and under ThreadSanitizer
 * (build-tsan) no access races: it used to give a heap-use-after-free. */
typedef struct racer {
	rep_context *ctx;
	int index, ok, busy, other;
	_Atomic int *stop;
} racer;

static void *race_compute(void *arg)
{
	racer *r = arg;
	while (!atomic_load(r->stop)) {
		rep_case *c = NULL;
		rep_error err;
		const char *json = "{\"id\":\"r\",\"currency\":\"EUR\",\"as_of\":\"2026-03-01\",\"proceedings\":"
				   "{\"kind\":\"criminal\",\"outcome\":\"acquitted\",\"decision_date\":\"2024-02-01\"},"
				   "\"detentions\":[{\"kind\":\"pretrial_custody\",\"start\":\"2024-01-01\",\"end\":\"2024-01-10\"}]}";
		if (rep_case_from_json(&c, json, strlen(json), &err)) {
			r->other++;
			break;
		}
		rep_estimate *e = NULL;
		rep_status st = rep_estimate_compute(&e, r->ctx, c, r->index % 2 ? "de-streg" : "th-user", NULL, &err);
		/* de-streg: 10 days x EUR 75 = 750.00 */
		if (st == REP_OK && (r->index % 2 == 0 || strcmp(rep_estimate_total(e), "750.00") == 0))
			r->ok++;
		else if (st == REP_EBUSY)
			r->busy++;
		else
			r->other++;
		rep_estimate_free(e);
		rep_case_free(c);
		/* a pause, so that the context is sometimes free and a load gets through */
		nanosleep(&(struct timespec){0, 200000}, NULL);
	}
	return NULL;
}

static void t_load_while_computing(void **state)
{
	(void)state;
	rep_context *ctx = shared_context();
	_Atomic int stop = 0;
	racer rs[THREADS - 1];
	pthread_t th[THREADS - 1];
	for (int i = 0; i < THREADS - 1; i++) {
		rs[i] = (racer){ctx, i, 0, 0, 0, &stop};
		assert_int_equal(pthread_create(&th[i], NULL, race_compute, &rs[i]), 0);
	}
	int loaded = 0, refused = 0, other = 0;
	for (int k = 0; k < 400; k++) {
		rep_error err;
		rep_status st = k % 3 == 0   ? rep_context_load_scheme(ctx, user_scheme, sizeof user_scheme - 1, &err)
				: k % 3 == 1 ? rep_context_load_series(ctx, user_series, sizeof user_series - 1, "csv", &err)
					     : rep_context_set_fx(ctx, "EUR/KZT", "520", REP_DATE_NONE, "again", &err);
		loaded += st == REP_OK;
		refused += st == REP_EBUSY;
		other += st != REP_OK && st != REP_EBUSY;
		nanosleep(&(struct timespec){0, 100000}, NULL);
	}
	atomic_store(&stop, 1);
	int ok = 0, busy = 0, bad = 0;
	for (int i = 0; i < THREADS - 1; i++) {
		assert_int_equal(pthread_join(th[i], NULL), 0);
		ok += rs[i].ok, busy += rs[i].busy, bad += rs[i].other;
	}
	print_message("# loads: %d done, %d refused (REP_EBUSY); estimates: %d done, %d refused\n", loaded, refused, ok,
		      busy);
	assert_int_equal(other, 0);
	assert_int_equal(bad, 0);
	assert_true(ok > 0);
	assert_int_equal(loaded + refused, 400);
	assert_true(loaded > 0);
	rep_context_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_shared_context),
		cmocka_unit_test(t_context_per_thread),
		cmocka_unit_test(t_busy_context_is_refused),
		cmocka_unit_test(t_load_while_computing),
	};
	return cmocka_run_group_tests_name("threads", tests, NULL, NULL);
}
