/* Allocation failure: the n-th library allocation of a whole pipeline
 * fails, for every n from 1 until the pipeline succeeds. The pipeline:
 * a context, exchange rates, reference series loaded from CSV and from JSON,
 * a scheme loaded from JSON, options, a case read from JSON, estimates under
 * eight schemes (built-in and loaded), the four renderers, a comparison and
 * its renderings, the reference-data listings. Each run must
 *   - return REP_ENOMEM (never another status, never crash), or absorb the
 *     failure and produce exactly the output of a run without failures;
 *   - leave the process heap as it found it: under AddressSanitizer the test
 *     compares the allocator's live bytes before and after each run and names
 *     the n that leaked (LeakSanitizer checks again at exit).
 * The loop runs once, in the group setup; each test checks one property and
 * lists the failure points that break it.
 * Meaningful in a build with -Dfault_injection=true (tools/test.sh, section
 * "allocation failure injection"); elsewhere the pipeline runs once and must
 * succeed.
 *
 * Only the library's own allocations (rep_malloc & co., lib/alloc.c) can be
 * made to fail: GMP, MPFR and yajl allocate with malloc and abort when it
 * fails, by design (docs/hardening.md). */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reparations.h"
#include "reparations/fault.h"

#if defined(__SANITIZE_ADDRESS__)
#define HAVE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HAVE_ASAN 1
#endif
#endif
#ifdef HAVE_ASAN
/* from <sanitizer/allocator_interface.h>, which gcc does not install */
size_t __sanitizer_get_current_allocated_bytes(void);
static size_t live_bytes(void)
{
	return __sanitizer_get_current_allocated_bytes();
}
#else
static size_t live_bytes(void)
{
	return 0;
}
#endif

static const char case_json[] =
	"{\"id\":\"af\",\"currency\":\"KZT\",\"as_of\":\"2026-03-01\","
	"\"proceedings\":{\"kind\":\"criminal\",\"outcome\":\"acquitted\",\"decision_date\":\"2023-12-15\","
	"\"notice_date\":\"2023-12-20\",\"application_date\":\"2024-03-01\","
	"\"coerced_confession\":true,\"arbitrary_detention_finding\":true},"
	"\"detentions\":[{\"kind\":\"police_custody\",\"start\":\"2022-01-07\",\"end\":\"2022-01-08\"},"
	"{\"kind\":\"pretrial_custody\",\"start\":\"2022-01-09\",\"end\":\"2022-06-30\",\"note\":\"SIZO\"},"
	"{\"kind\":\"house_arrest\",\"start\":\"2022-07-01\",\"end\":\"2022-09-30\"},"
	"{\"kind\":\"prison\",\"start\":\"2022-10-01\",\"end\":\"2023-12-15\"}],"
	"\"torture\":{\"cc146_part\":2,\"victim_recognised\":\"2024-04-10\"},"
	"\"harms\":[{\"category\":\"lost_earnings\",\"monthly\":\"420000\",\"start\":\"2022-01-06\",\"end\":\"2024-06-30\"},"
	"{\"category\":\"lost_earning_capacity\",\"annual\":\"1200000\",\"years\":\"10\",\"growth\":\"0.02\",\"discount_rate\":\"0.05\"},"
	"{\"category\":\"property\",\"amount\":\"6500000\",\"date\":\"2022-03-15\",\"disposition\":\"confiscated\"},"
	"{\"category\":\"legal_costs\",\"amount\":\"1800000\",\"date\":\"2022-09-01\",\"description\":\"advocate\"},"
	"{\"category\":\"moral_harm\",\"amount\":\"3000000\"}]}";

/* A user series in each format: a new one, and one that extends a built-in series. */
static const char series_csv[] =
	"# id: TEST.RATE\n# name: Test rate\n# unit: percent per year\n# until: 2026-12-31\n"
	"from,value,confidence,source\n"
	"2020-01-01,9.75,verified,\"test, 2020\"\n2022-02-24,14,verified,test\n2024-01-01,15.25,secondary,test\n";
static const char series_json[] =
	"[{\"id\":\"KZ.MCI\",\"until\":\"2027-12-31\",\"points\":["
	"{\"from\":\"2027-01-01\",\"value\":\"4500\",\"confidence\":\"unverified\",\"source\":\"draft budget\"}]},"
	"{\"id\":\"TEST.INDEX\",\"name\":\"Index\",\"unit\":\"index\",\"until\":\"2030-12-31\",\"points\":["
	"{\"from\":\"2000-01-01\",\"value\":\"100\",\"confidence\":\"verified\",\"source\":\"t\"}]}]";

/* A user scheme using tiers in MCI, a cap, heads, a fixed amount, options, deadlines, citations. */
static const char scheme_json[] =
	"{\"id\":\"af-scheme\",\"name\":\"Allocation test\",\"currency\":\"KZT\",\"status\":\"scenario\","
	"\"qualifying\":[{\"outcomes\":[\"acquitted\"],\"text\":\"acquitted\",\"basis\":\"s.1\"}],"
	"\"bars\":[{\"flags\":[\"self_incrimination\"],\"text\":\"own fault\"}],"
	"\"tariffs\":[{\"label\":\"Days 1-100\",\"kinds\":[\"pretrial_custody\",\"prison\"],\"rate_option\":\"daily\","
	"\"index\":\"KZ.MCI\",\"index_at\":\"detention_end\",\"tier_from\":1,\"tier_to\":100},"
	"{\"label\":\"Days 101-\",\"kinds\":[\"pretrial_custody\",\"prison\"],\"rate\":\"3\",\"index\":\"KZ.MCI\","
	"\"tier_from\":101,\"cap\":\"1000\",\"cap_basis\":\"s.2\"},"
	"{\"label\":\"House arrest\",\"kinds\":[\"house_arrest\"],\"measure\":\"months_commenced\",\"rate\":\"10\"}],"
	"\"heads\":[{\"category\":\"lost_earnings\",\"label\":\"Earnings\",\"indexable\":true},"
	"{\"category\":\"property\",\"label\":\"Property\",\"indexable\":true},"
	"{\"category\":\"moral_harm\",\"treatment\":\"court\",\"label\":\"Moral harm\"}],"
	"\"fixed\":[{\"label\":\"Torture\",\"amount\":\"100\",\"index\":\"KZ.MCI\",\"lo\":2,\"hi\":3}],"
	"\"caps\":[{\"label\":\"Cap\",\"scope\":\"non_pecuniary\",\"amount\":\"5000\",\"index\":\"KZ.MCI\"}],"
	"\"options\":[{\"name\":\"daily\",\"default\":\"2\",\"min\":\"1\",\"max\":\"5\"},"
	"{\"name\":\"indexation\",\"type\":\"choice\",\"default\":\"nominal\",\"choices\":\"nominal|mci\"}],"
	"\"indexation_option\":\"indexation\","
	"\"deadlines\":[{\"from\":\"notice\",\"months\":6,\"text\":\"six months\"}],"
	"\"citations\":[{\"instrument\":\"Test Act\",\"article\":\"s.1\"}],\"warnings\":[\"a test\"]}";

static const char *const schemes[] = {"kz-cpc", "kz-reform", "kz-victims-fund", "intl-un",
				      "de-streg", "us-tx", "echr", "af-scheme"};
#define N_SCHEMES (sizeof schemes / sizeof schemes[0])
static const char *const option_texts[] = {"kz-reform.moral_per_day=5000", "af-scheme.daily=3", "af-scheme.indexation=mci",
					   "us-tx.annuity_years=40", "echr.days_late=100", "intl-un.indexation=interest"};
#define N_OPTIONS (sizeof option_texts / sizeof option_texts[0])

/* What a successful run produced, to check it does not depend on n. */
static char *first_output;

/* Append a rendering to *keep (plain malloc: not counted by the injector). */
static void keep_text(char **keep, const char *text)
{
	if (!keep)
		return;
	size_t have = *keep ? strlen(*keep) : 0, add = strlen(text);
	char *k = realloc(*keep, have + add + 2);
	assert_non_null(k);
	memcpy(k + have, text, add);
	memcpy(k + have + add, "\f", 2);
	*keep = k;
}

/* The whole pipeline; returns the first failing status and its message.
 * With keep, every rendering is appended to *keep (caller frees). */
static rep_status pipeline(rep_error *err, char **keep)
{
	rep_context *ctx = NULL;
	rep_case *c = NULL;
	rep_options *o = NULL;
	rep_comparison *cmp = NULL;
	rep_estimate *es[N_SCHEMES] = {0};
	char *out = NULL;
	rep_status st;
	rep_error_clear(err);
	if ((st = rep_context_new(&ctx, err)) ||
	    (st = rep_context_set_fx(ctx, "USD/KZT", "520", REP_DATE_NONE, "test", err)) ||
	    (st = rep_context_set_fx(ctx, "EUR/USD", "1.17", REP_DATE_NONE, "test", err)) ||
	    (st = rep_context_set_fx(ctx, "USD/KZT", "470", 19000, "test, dated", err)) ||
	    (st = rep_context_load_series(ctx, series_csv, sizeof series_csv - 1, "csv", err)) ||
	    (st = rep_context_load_series(ctx, series_json, sizeof series_json - 1, "json", err)) ||
	    (st = rep_context_load_scheme(ctx, scheme_json, sizeof scheme_json - 1, err)))
		goto out;
	if ((st = rep_options_new(&o))) {
		/* rep_options_new has no error object: say it here */
		err->status = st;
		snprintf(err->message, sizeof err->message, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < N_OPTIONS; i++)
		if ((st = rep_options_add(o, option_texts[i], err)))
			goto out;
	if ((st = rep_options_check(o, ctx, err)) || (st = rep_case_from_json(&c, case_json, sizeof case_json - 1, err)))
		goto out;
	for (size_t i = 0; i < N_SCHEMES; i++)
		if ((st = rep_estimate_compute(&es[i], ctx, c, schemes[i], o, err)))
			goto out;
	for (int f = REP_FORMAT_TABLE; f <= REP_FORMAT_MARKDOWN; f++) {
		if ((st = rep_estimates_render(&out, NULL, "af", (const rep_estimate *const *)es, N_SCHEMES, (rep_format)f, err)))
			goto out;
		keep_text(keep, out);
		free(out);
		out = NULL;
	}
	if ((st = rep_compare(&cmp, ctx, c, schemes, N_SCHEMES, o, "EUR", err)))
		goto out;
	for (int f = REP_FORMAT_TABLE; f <= REP_FORMAT_JSON; f++) {
		if ((st = rep_comparison_render(&out, NULL, cmp, (rep_format)f, err)))
			goto out;
		keep_text(keep, out);
		free(out);
		out = NULL;
	}
	if ((st = rep_refdata_render(&out, NULL, ctx, NULL, 1, err)))
		goto out;
	keep_text(keep, out);
	free(out);
	out = NULL;
	if ((st = rep_refdata_render(&out, NULL, ctx, "TEST.RATE", 0, err)))
		goto out;
	keep_text(keep, out);
	free(out);
	out = NULL;
	/* the writers: the case saved with a note, a scheme exported and loaded back */
	size_t len;
	if ((st = rep_case_set_detention_note(c, 1, "colony", err)) || (st = rep_case_to_json(&out, NULL, c, err)))
		goto out;
	keep_text(keep, out);
	free(out);
	out = NULL;
	if ((st = rep_scheme_to_json(&out, &len, ctx, "kz-reform", err)) ||
	    (st = rep_context_load_scheme(ctx, out, len, err)))
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

/* The pipeline without failures: every scheme evaluated, the loaded
 * scheme and series used, and the same output twice. */
static void t_pipeline_succeeds(void **state)
{
	(void)state;
	rep_error err;
	assert_non_null(first_output);
	for (size_t i = 0; i < N_SCHEMES; i++) {
		char id[64];
		snprintf(id, sizeof id, "\"scheme\": \"%s\"", schemes[i]);
		if (!strstr(first_output, id))
			fail_msg("no estimate for %s", schemes[i]);
	}
	assert_non_null(strstr(first_output, "Days 1-100"));
	assert_non_null(strstr(first_output, "TEST.RATE"));
	char *again = NULL;
	assert_int_equal(pipeline(&err, &again), REP_OK);
	assert_string_equal(first_output, again);
	free(again);
}

/* What the loop over failure points found, checked by the tests below. */
#define MAX_LISTED 4096
static struct {
	bool injected; /* fault injection built in */
	long total;    /* allocations of one successful run */
	long tried, absorbed;
	long other_status[MAX_LISTED], n_other_status;
	long leaked[MAX_LISTED], n_leaked;
	long changed[MAX_LISTED], n_changed;
	long vague[MAX_LISTED], n_vague;
} r;

static void note(long *list, long *n, long value)
{
	if (*n < MAX_LISTED)
		list[(*n)++] = value;
}

static void print_list(const char *what, const long *list, long n)
{
	if (!n)
		return;
	print_message("# %s: %ld failure points:", what, n);
	for (long i = 0; i < n; i++)
		print_message(" %ld", list[i]);
	print_message("\n");
}

/* Fail allocation n for every n from 1 to one past the last; record what happens. */
static void loop_over_failure_points(void)
{
	rep_error err;
	rep_fault_fail_allocation(0);
	assert_int_equal(pipeline(&err, NULL), REP_OK);
	r.total = rep_fault_allocations();
	assert_true(r.total > 200);
	for (long n = 1; n <= r.total + 1; n++) {
		size_t before = live_bytes();
		rep_fault_fail_allocation(n);
		char *json = NULL;
		rep_status st = pipeline(&err, &json);
		rep_fault_fail_allocation(0);
		r.tried += n <= r.total;
		if (st == REP_OK) {
			r.absorbed += n <= r.total;
			if (!json || strcmp(json, first_output) != 0)
				note(r.changed, &r.n_changed, n);
		} else if (st != REP_ENOMEM || err.status != REP_ENOMEM) {
			print_message("# allocation %ld: status %s: %s\n", n, rep_status_name(st), err.message);
			note(r.other_status, &r.n_other_status, n);
		} else if (!strstr(err.message, "out of memory")) {
			note(r.vague, &r.n_vague, n);
		}
		free(json);
		size_t after = live_bytes();
		if (after != before) {
			print_message("# allocation %ld: %ld bytes leaked\n", n, (long)(after - before));
			note(r.leaked, &r.n_leaked, n);
		}
	}
	print_message("# allocation failure points tried: %ld (every library allocation of the pipeline; %ld absorbed)%s\n",
		      r.tried, r.absorbed, live_bytes() ? "; live heap bytes compared after each (ASan)" : "");
	print_list("REP_ENOMEM whose message does not say \"out of memory\" (not an error)", r.vague, r.n_vague);
}

static int setup(void **state)
{
	(void)state;
	rep_error err;
	rep_status st = pipeline(&err, &first_output);
	if (st) {
		print_error("pipeline: %s: %s\n", rep_status_name(st), err.message);
		return -1;
	}
	r.injected = rep_fault_fail_allocation(0);
	if (r.injected)
		loop_over_failure_points();
	else
		print_message("# fault injection not built in (-Dfault_injection=true): the pipeline ran once\n");
	return 0;
}

/* Each failure gives REP_ENOMEM, or is absorbed; never another status (or a crash: the loop ran). */
static void t_failure_gives_nomem(void **state)
{
	(void)state;
	print_list("another status than REP_ENOMEM", r.other_status, r.n_other_status);
	assert_int_equal(r.n_other_status, 0);
	if (r.injected)
		assert_int_equal(r.tried, r.total);
}

/* Nothing allocated by a failing run survives it. */
static void t_failure_leaks_nothing(void **state)
{
	(void)state;
	print_list("leaked memory", r.leaked, r.n_leaked);
	assert_int_equal(r.n_leaked, 0);
}

/* A failure the library absorbs (it goes on without the allocation) must
 * not change any output: a missing quantity or exchange-rate text in an
 * estimate that reports success is a silently different document. */
static void t_absorbed_failure_changes_nothing(void **state)
{
	(void)state;
	print_list("REP_OK with a different output", r.changed, r.n_changed);
	assert_int_equal(r.n_changed, 0);
}

static int teardown(void **state)
{
	(void)state;
	free(first_output);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_pipeline_succeeds),
		cmocka_unit_test(t_failure_gives_nomem),
		cmocka_unit_test(t_failure_leaks_nothing),
		cmocka_unit_test(t_absorbed_failure_changes_nothing),
	};
	return cmocka_run_group_tests_name("alloc_fail", tests, setup, teardown);
}
