/* The translation session (lib/i18n.c): exact lookups, templates with
 * figures and reordered placeholders, lists, the user's own text, numbers
 * of any length, bounded matching, and many threads at once. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "i18n.h"
#include "reparations.h"
#include "reparations/fault.h"

#define NBSP "\xc2\xa0"

static void test_languages(void **state)
{
	(void)state;
	int l = -1;
	assert_int_equal(rep_lang_parse(&l, "ru"), REP_OK);
	assert_int_equal(l, REP_LANG_RU);
	assert_int_equal(rep_lang_parse(&l, "KK"), REP_OK);
	assert_int_equal(l, REP_LANG_KK);
	assert_int_equal(rep_lang_parse(&l, "de"), REP_ENOTFOUND);
	assert_int_equal(rep_lang_parse(&l, "russian"), REP_ENOTFOUND);
	assert_int_equal(rep_lang_parse(&l, NULL), REP_ENOTFOUND);
}

static void test_exact_and_templates(void **state)
{
	(void)state;
	rep_tr t;
	rep_tr_init(&t, REP_LANG_RU);
	assert_string_equal(rep_tr_text(&t, "Moral harm"), "Моральный вред");
	/* an engine sentence with an enum and a scheme text inside */
	assert_string_equal(rep_tr_text(&t, "outcome \"amnesty\" does not qualify: a pardon qualifies only when granted "
					    "on the ground of innocence"),
			    "исход «амнистия» не даёт права: помилование даёт право, только если оно дано в связи с "
			    "невиновностью");
	/* a figure: 9100 is a %d capture, the label a translated %s */
	const char *w = rep_tr_text(&t, "figure unverified: Moral harm 9100 is unverified (S10); check it before "
					"relying on this estimate");
	assert_string_equal(w, "показатель (не проверено): Моральный вред 9100 — не проверено (S10); проверьте его, "
			       "прежде чем полагаться на этот расчёт");
	/* a list joined by "; " */
	assert_string_equal(rep_tr_text(&t, "2022-01-06..2022-01-08 police_custody; 2022-01-09..2022-06-30 prison"),
			    "2022-01-06..2022-01-08 задержание; 2022-01-09..2022-06-30 лишение свободы (колония)");
	assert_int_equal(t.n_missing, 0);
	rep_tr_release(&t);
}

static void test_untranslated_recorded_once_user_text_exempt(void **state)
{
	(void)state;
	rep_tr t;
	rep_tr_init(&t, REP_LANG_KK);
	rep_tr_exempt(&t, "car seized and confiscated");
	/* the user's own words inside a known shape: shown as written, not flagged */
	assert_string_equal(rep_tr_text(&t, "Property: car seized and confiscated"), "Мүлік: car seized and confiscated");
	assert_int_equal(t.n_missing, 0);
	/* a scheme text the catalogue does not know: as written, recorded once */
	assert_string_equal(rep_tr_text(&t, "a brand new rule of some scheme"), "a brand new rule of some scheme");
	assert_string_equal(rep_tr_text(&t, "a brand new rule of some scheme"), "a brand new rule of some scheme");
	assert_int_equal(t.n_missing, 1);
	assert_string_equal(t.missing[0], "a brand new rule of some scheme");
	/* identifiers, figures and dates are not prose */
	assert_string_equal(rep_tr_text(&t, "KZ.MCI 2026-03-01 kz-cpc 12.5"), "KZ.MCI 2026-03-01 kz-cpc 12.5");
	assert_int_equal(t.n_missing, 1);
	rep_tr_release(&t);
}

static void test_reordered_placeholders(void **state)
{
	(void)state;
	rep_tr t;
	rep_tr_init(&t, REP_LANG_KK);
	/* "%s on %s = %s (from %s; %s)" is "%2$s күнгі %1$s = ..." in kk: the date first */
	const char *caps5[] = {"KZ.MCI", "2023-01-01", "3450", "2023-01-01", "verified"};
	assert_string_equal(rep_tr_fmt(&t, "%s on %s = %s (from %s; %s)", 5, caps5),
			    "2023-01-01 күнгі KZ.MCI = 3450 (2023-01-01 бастап; verified)");
	rep_tr_release(&t);
}

static void test_numbers_any_length(void **state)
{
	(void)state;
	rep_tr en, ru;
	rep_tr_init(&en, REP_LANG_EN);
	rep_tr_init(&ru, REP_LANG_RU);
	assert_string_equal(rep_tr_num(&en, "46055751.38"), "46,055,751.38");
	assert_string_equal(rep_tr_num(&ru, "46055751.38"), "46" NBSP "055" NBSP "751,38");
	assert_string_equal(rep_tr_money(&en, "46055751.38", "KZT"), "46,055,751.38 KZT");
	assert_string_equal(rep_tr_money(&ru, "46055751.38", "KZT"), "46" NBSP "055" NBSP "751,38" NBSP "₸");
	assert_string_equal(rep_tr_money(&ru, "-1234.5", "EUR"), "-1" NBSP "234,5" NBSP "EUR");
	assert_string_equal(rep_tr_num(&en, "999"), "999");
	assert_string_equal(rep_tr_num(&en, "-"), "-");
	assert_string_equal(rep_tr_num(&en, "abc"), "abc");
	/* 100 digits: nothing is cut (the old table cut amounts beyond ~70 digits) */
	char big[128], want[256];
	size_t j = 0;
	for (int i = 0; i < 100; i++) {
		big[i] = (char)('1' + i % 9);
		want[j++] = big[i];
		if ((100 - i - 1) % 3 == 0 && i != 99)
			want[j++] = ',';
	}
	big[100] = '\0';
	strcpy(big + 100, ".25");
	want[j] = '\0';
	strcat(want, ".25");
	assert_string_equal(rep_tr_num(&en, big), want);
	rep_tr_release(&en);
	rep_tr_release(&ru);
}

static void test_hostile_text_is_bounded(void **state)
{
	(void)state;
	/* many ": " and " x " anchors: the matcher has a step budget, so this
	 * ends quickly and returns the text as written */
	size_t n = 60000;
	char *s = malloc(n + 1);
	assert_non_null(s);
	for (size_t i = 0; i < n; i++)
		s[i] = ": x ; (on )"[i % 11];
	s[n] = '\0';
	rep_tr t;
	rep_tr_init(&t, REP_LANG_RU);
	const char *r = rep_tr_text(&t, s);
	assert_non_null(r);
	assert_int_equal(strlen(r), n);
	rep_tr_release(&t);
	free(s);
}

static void *worker(void *arg)
{
	int lang = (int)(intptr_t)arg;
	for (int i = 0; i < 200; i++) {
		rep_tr t;
		rep_tr_init(&t, lang);
		const char *r = rep_tr_text(&t, "outcome \"pardon\" does not qualify: a pardon qualifies only when granted "
						"on the ground of innocence");
		const char *want = lang == REP_LANG_RU ? "исход «помилование» не даёт права"
							: "«кешірім» нәтижесі құқық бермейді";
		if (strncmp(r, want, strlen(want)) != 0) {
			rep_tr_release(&t);
			return (void *)1;
		}
		rep_tr_release(&t);
	}
	return NULL;
}

static void test_threads(void **state)
{
	(void)state;
	pthread_t th[8];
	for (int i = 0; i < 8; i++)
		assert_int_equal(pthread_create(&th[i], NULL, worker, (void *)(intptr_t)(i % 2 ? REP_LANG_RU : REP_LANG_KK)),
				 0);
	for (int i = 0; i < 8; i++) {
		void *ret;
		pthread_join(th[i], &ret);
		assert_null(ret);
	}
}

static const char case_json[] =
	"{\"id\":\"af\",\"currency\":\"KZT\",\"as_of\":\"2026-03-01\","
	"\"proceedings\":{\"kind\":\"criminal\",\"outcome\":\"amnesty\",\"decision_date\":\"2023-12-15\"},"
	"\"detentions\":[{\"kind\":\"pretrial_custody\",\"start\":\"2022-01-09\",\"end\":\"2022-06-30\"}],"
	"\"harms\":[{\"category\":\"property\",\"amount\":\"6500000\",\"date\":\"2022-03-15\","
	"\"description\":\"car\"}]}";

/* Translated rendering in every format; the first failing status. */
static rep_status render_pipeline(void)
{
	rep_error err;
	rep_context *ctx = NULL;
	rep_case *c = NULL;
	rep_comparison *cmp = NULL;
	rep_estimate *es[2] = {0};
	rep_render_opts *ro = NULL;
	char *out = NULL;
	static const char *const ids[] = {"kz-cpc", "kz-reform"};
	rep_status st;
	if ((st = rep_context_new(&ctx, &err)) || (st = rep_case_from_json(&c, case_json, sizeof case_json - 1, &err)) ||
	    (st = rep_render_opts_new(&ro)))
		goto out;
	rep_render_opts_set_case(ro, c);
	for (size_t i = 0; i < 2; i++)
		if ((st = rep_estimate_compute(&es[i], ctx, c, ids[i], NULL, &err)))
			goto out;
	if ((st = rep_compare(&cmp, ctx, c, ids, 2, NULL, NULL, &err)))
		goto out;
	for (int lang = 0; lang < 2; lang++) {
		if ((st = rep_render_opts_set_lang(ro, lang ? "kk" : "ru", &err)))
			goto out;
		for (int f = REP_FORMAT_TABLE; f <= REP_FORMAT_HTML; f++) {
			if ((st = rep_estimates_render_opts(&out, NULL, "af", (const rep_estimate *const *)es, 2, (rep_format)f,
							    ro, &err)))
				goto out;
			free(out);
			out = NULL;
			if ((st = rep_comparison_render_opts(&out, NULL, cmp, (rep_format)f, ro, &err)))
				goto out;
			free(out);
			out = NULL;
		}
	}
out:
	free(out);
	rep_render_opts_free(ro);
	rep_comparison_free(cmp);
	for (size_t i = 0; i < 2; i++)
		rep_estimate_free(es[i]);
	rep_case_free(c);
	rep_context_free(ctx);
	return st;
}

static void test_allocation_failures_while_translating(void **state)
{
	(void)state;
	if (!rep_fault_fail_allocation(0)) {
		assert_int_equal(render_pipeline(), REP_OK);
		return;
	}
	assert_int_equal(render_pipeline(), REP_OK);
	long total = rep_fault_allocations();
	for (long n = 1; n <= total; n++) {
		rep_fault_fail_allocation(n);
		rep_status st = render_pipeline();
		rep_fault_fail_allocation(0);
		if (st != REP_ENOMEM && st != REP_OK)
			fail_msg("allocation %ld of %ld: status %s instead of nomem", n, total, rep_status_name(st));
	}
	printf("# allocation failure points tried while translating: %ld\n", total);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_languages),
		cmocka_unit_test(test_exact_and_templates),
		cmocka_unit_test(test_untranslated_recorded_once_user_text_exempt),
		cmocka_unit_test(test_reordered_placeholders),
		cmocka_unit_test(test_numbers_any_length),
		cmocka_unit_test(test_hostile_text_is_bounded),
		cmocka_unit_test(test_threads),
		cmocka_unit_test(test_allocation_failures_while_translating),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
