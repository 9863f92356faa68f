/* The C API without a JSON round trip: case accessors, rep_case_to_json
 * (which rep_case_from_json reads back into the same case), the estimate's
 * citations, range items and notes, and a per-call valuation date.
 * argv: directories of case files (tests/cases, examples/cases). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reparations.h"

static char **dirs;
static int n_dirs;

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = malloc((size_t)n + 1);
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	if (buf)
		buf[n] = '\0';
	*len = (size_t)n;
	return buf;
}

static rep_date D(const char *s)
{
	rep_date d;
	assert_int_equal(rep_date_parse(&d, s, NULL), REP_OK);
	return d;
}

static char *render(rep_estimate *e)
{
	char *text;
	const rep_estimate *const es[] = {e};
	assert_int_equal(rep_estimates_render(&text, NULL, "x", es, 1, REP_FORMAT_JSON, NULL), REP_OK);
	return text;
}

/* Build a case with the builder, save it, read it back: the same case. */
static void test_builder_round_trip(void **state)
{
	(void)state;
	rep_error err;
	rep_case *c;
	assert_int_equal(rep_case_new(&c), REP_OK);
	assert_int_equal(rep_case_set_id(c, "built-1", &err), REP_OK);
	assert_int_equal(rep_case_set_currency(c, "KZT", &err), REP_OK);
	assert_int_equal(rep_case_set_description(c, "Activist, 2022 protests; «квартира» searched", &err), REP_OK);
	rep_case_set_as_of(c, D("2026-03-01"));
	rep_case_set_proceedings(c, REP_PROC_CRIMINAL, REP_OUT_ACQUITTED, D("2023-05-02"), REP_FLAG_COERCED_CONFESSION);
	rep_case_set_notice_date(c, D("2023-05-10"));
	assert_int_equal(rep_case_add_detention(c, REP_DET_PRETRIAL_CUSTODY, D("2022-01-05"), D("2022-03-10"), &err), REP_OK);
	assert_int_equal(rep_case_add_detention(c, REP_DET_PRISON, D("2022-03-11"), D("2023-05-02"), &err), REP_OK);
	assert_int_equal(rep_case_set_detention_note(c, 1, "Colony No. 3", &err), REP_OK);
	assert_int_equal(rep_case_set_detention_note(c, 2, "no such", &err), REP_ENOTFOUND);
	assert_string_equal(err.path, "detentions[2].note");
	assert_int_equal(rep_case_set_torture(c, 2, D("2023-06-01"), &err), REP_OK);
	rep_harm h = {.category = REP_HARM_LOST_EARNINGS, .monthly = "350000.50", .start = D("2022-01-05"),
		      .end = D("2023-09-30"), .date = REP_DATE_NONE, .description = "salary"};
	assert_int_equal(rep_case_add_harm(c, &h, &err), REP_OK);
	rep_harm p = {.category = REP_HARM_PROPERTY, .amount = "4500000", .date = D("2022-01-05"),
		      .start = REP_DATE_NONE, .end = REP_DATE_NONE, .disposition = "confiscated"};
	assert_int_equal(rep_case_add_harm(c, &p, &err), REP_OK);
	assert_int_equal(rep_case_validate(c, &err), REP_OK);

	/* accessors give back what was set */
	assert_string_equal(rep_case_description(c), "Activist, 2022 protests; «квартира» searched");
	rep_detention_info di;
	assert_int_equal(rep_case_detention_at(c, 0, &di), REP_OK);
	assert_int_equal(di.kind, REP_DET_PRETRIAL_CUSTODY);
	assert_null(di.note);
	assert_int_equal(rep_case_detention_at(c, 1, &di), REP_OK);
	assert_int_equal(di.end, D("2023-05-02"));
	assert_string_equal(di.note, "Colony No. 3");
	assert_int_equal(rep_case_detention_at(c, 2, &di), REP_ENOTFOUND);
	rep_harm got;
	assert_int_equal(rep_case_harm_at(c, 0, &got), REP_OK);
	assert_string_equal(got.monthly, "350000.50");
	assert_null(got.amount);
	assert_int_equal(got.date, REP_DATE_NONE);
	assert_string_equal(got.description, "salary");
	assert_int_equal(rep_case_harm_at(c, 1, &got), REP_OK);
	assert_string_equal(got.disposition, "confiscated");
	assert_int_equal(rep_case_harm_at(c, 2, &got), REP_ENOTFOUND);
	rep_outcome out;
	unsigned flags;
	rep_case_proceedings(c, NULL, &out, NULL, &flags);
	assert_int_equal(out, REP_OUT_ACQUITTED);
	assert_int_equal(flags, REP_FLAG_COERCED_CONFESSION);
	rep_date rec;
	assert_int_equal(rep_case_torture(c, &rec), 2);
	assert_int_equal(rec, D("2023-06-01"));
	assert_int_equal(rep_case_notice_date(c), D("2023-05-10"));
	assert_int_equal(rep_case_application_date(c), REP_DATE_NONE);

	char *json;
	size_t len;
	assert_int_equal(rep_case_to_json(&json, &len, c, &err), REP_OK);
	assert_int_equal(strlen(json), len);
	assert_non_null(strstr(json, "\"note\": \"Colony No. 3\""));
	assert_non_null(strstr(json, "\"coerced_confession\": true"));
	assert_non_null(strstr(json, "\"monthly\": \"350000.50\""));
	rep_case *back;
	assert_int_equal(rep_case_from_json(&back, json, len, &err), REP_OK);
	char *json2;
	assert_int_equal(rep_case_to_json(&json2, NULL, back, &err), REP_OK);
	assert_string_equal(json, json2);
	assert_string_equal(rep_case_description(back), rep_case_description(c));

	/* the same estimate from the built case and from the saved one */
	rep_context *ctx;
	assert_int_equal(rep_context_new(&ctx, &err), REP_OK);
	rep_estimate *e1, *e2;
	assert_int_equal(rep_estimate_compute(&e1, ctx, c, "kz-reform", NULL, &err), REP_OK);
	assert_int_equal(rep_estimate_compute(&e2, ctx, back, "kz-reform", NULL, &err), REP_OK);
	char *r1 = render(e1), *r2 = render(e2);
	assert_string_equal(r1, r2);
	free(r1);
	free(r2);
	rep_estimate_free(e1);
	rep_estimate_free(e2);
	rep_context_free(ctx);
	free(json);
	free(json2);
	rep_case_free(back);
	rep_case_free(c);
}

/* Every bundled and test case: read, write, read, write gives the same text,
 * and the written case gives the same estimate as the file under two schemes. */
static void test_files_round_trip(void **state)
{
	(void)state;
	rep_context *ctx;
	rep_error err;
	assert_int_equal(rep_context_new(&ctx, &err), REP_OK);
	int n = 0;
	for (int d = 0; d < n_dirs; d++) {
		DIR *dir = opendir(dirs[d]);
		assert_non_null(dir);
		for (struct dirent *de; (de = readdir(dir));) {
			size_t nl = strlen(de->d_name);
			if (nl < 6 || strcmp(de->d_name + nl - 5, ".json") != 0 || strstr(de->d_name, ".expected."))
				continue;
			char path[4096];
			snprintf(path, sizeof path, "%s/%s", dirs[d], de->d_name);
			size_t len = 0;
			char *text = slurp(path, &len);
			assert_non_null(text);
			rep_case *c, *back;
			if (rep_case_from_json(&c, text, len, &err) != REP_OK) {
				free(text);
				continue; /* a case needing --as-of or a user scheme: not this test's business */
			}
			char *j1, *j2;
			size_t l1;
			assert_int_equal(rep_case_to_json(&j1, &l1, c, &err), REP_OK);
			if (rep_case_from_json(&back, j1, l1, &err) != REP_OK)
				fail_msg("%s: written case does not read back: %s", path, err.message);
			assert_int_equal(rep_case_to_json(&j2, NULL, back, &err), REP_OK);
			if (strcmp(j1, j2) != 0)
				fail_msg("%s: writing is not a fixpoint", path);
			static const char *const schemes[] = {"intl-un", "de-streg"};
			for (size_t k = 0; k < 2; k++) {
				rep_estimate *e1 = NULL, *e2 = NULL;
				rep_status s1 = rep_estimate_compute(&e1, ctx, c, schemes[k], NULL, &err);
				rep_status s2 = rep_estimate_compute(&e2, ctx, back, schemes[k], NULL, &err);
				assert_int_equal(s1, s2);
				if (s1 == REP_OK) {
					char *r1 = render(e1), *r2 = render(e2);
					if (strcmp(r1, r2) != 0)
						fail_msg("%s / %s: estimates differ after the round trip", path, schemes[k]);
					free(r1);
					free(r2);
				}
				rep_estimate_free(e1);
				rep_estimate_free(e2);
			}
			free(j1);
			free(j2);
			rep_case_free(back);
			rep_case_free(c);
			free(text);
			n++;
		}
		closedir(dir);
	}
	assert_true(n >= 30);
	rep_context_free(ctx);
}

static const char acquitted[] =
	"{\"id\": \"a\", \"currency\": \"KZT\", \"as_of\": \"2026-03-01\","
	" \"proceedings\": {\"kind\": \"criminal\", \"outcome\": \"acquitted\", \"decision_date\": \"2023-05-02\"},"
	" \"detentions\": [{\"kind\": \"pretrial_custody\", \"start\": \"2022-01-05\", \"end\": \"2022-03-10\"}],"
	" \"harms\": []}";

/* Citations, notes and range items through accessors, matching the JSON. */
static void test_estimate_accessors(void **state)
{
	(void)state;
	rep_context *ctx;
	rep_error err;
	rep_case *c;
	assert_int_equal(rep_context_new(&ctx, &err), REP_OK);
	assert_int_equal(rep_case_from_json(&c, acquitted, sizeof acquitted - 1, &err), REP_OK);
	rep_estimate *e;
	assert_int_equal(rep_estimate_compute(&e, ctx, c, "kz-cpc", NULL, &err), REP_OK);
	assert_true(rep_estimate_citation_count(e) >= 1);
	rep_citation ci;
	assert_int_equal(rep_estimate_citation_at(e, 0, &ci), REP_OK);
	assert_non_null(ci.instrument);
	char *json = render(e);
	assert_non_null(strstr(json, ci.instrument));
	assert_int_equal(rep_estimate_citation_at(e, rep_estimate_citation_count(e), &ci), REP_ENOTFOUND);
	assert_true(strlen(rep_estimate_notes(e)) > 20);
	free(json);
	rep_estimate_free(e);

	/* echr: a band of comparable awards gives the range; its items name the benchmark */
	assert_int_equal(rep_estimate_compute(&e, ctx, c, "echr", NULL, &err), REP_OK);
	const char *low, *high, *uses;
	if (rep_estimate_range(e, &low, &high, &uses)) {
		assert_true(rep_estimate_range_item_count(e) >= 1);
		rep_range_item_info ri;
		assert_int_equal(rep_estimate_range_item_at(e, 0, &ri), REP_OK);
		assert_non_null(ri.label);
		assert_non_null(ri.low);
		assert_non_null(ri.high);
	} else {
		assert_int_equal(rep_estimate_range_item_count(e), 0);
	}
	assert_int_equal(rep_estimate_range_item_at(e, 99, &(rep_range_item_info){0}), REP_ENOTFOUND);
	rep_estimate_free(e);
	rep_case_free(c);
	rep_context_free(ctx);
}

/* A per-call valuation date equals setting as_of on the case, and leaves the case alone. */
static void test_valuation_date(void **state)
{
	(void)state;
	rep_context *ctx;
	rep_error err;
	rep_case *c, *c2;
	assert_int_equal(rep_context_new(&ctx, &err), REP_OK);
	assert_int_equal(rep_case_from_json(&c, acquitted, sizeof acquitted - 1, &err), REP_OK);
	assert_int_equal(rep_case_from_json(&c2, acquitted, sizeof acquitted - 1, &err), REP_OK);
	rep_case_set_as_of(c2, D("2024-01-15"));
	rep_estimate *e1, *e2;
	assert_int_equal(rep_estimate_compute_at(&e1, ctx, c, "kz-cpc", NULL, D("2024-01-15"), &err), REP_OK);
	assert_int_equal(rep_estimate_compute(&e2, ctx, c2, "kz-cpc", NULL, &err), REP_OK);
	assert_string_equal(rep_estimate_as_of(e1), "2024-01-15");
	char *r1 = render(e1), *r2 = render(e2);
	assert_string_equal(r1, r2);
	free(r1);
	free(r2);
	rep_estimate_free(e1);
	rep_estimate_free(e2);
	assert_int_equal(rep_case_as_of(c), D("2026-03-01")); /* untouched */
	/* a date before the decision: the case is checked against it */
	assert_int_equal(rep_estimate_compute_at(&e1, ctx, c, "kz-cpc", NULL, D("2022-02-01"), &err), REP_EINVAL);
	assert_null(e1);
	assert_non_null(strstr(err.message, "after as_of 2022-02-01"));
	rep_comparison *cmp;
	const char *ids[] = {"kz-cpc", "intl-un"};
	assert_int_equal(rep_compare_at(&cmp, ctx, c, ids, 2, NULL, NULL, D("2024-01-15"), &err), REP_OK);
	assert_string_equal(rep_estimate_as_of(rep_comparison_row_at(cmp, 0)->estimate), "2024-01-15");
	rep_comparison_free(cmp);
	rep_case_free(c);
	rep_case_free(c2);
	rep_context_free(ctx);
}

/* NULL where an object belongs: a status, never a crash. */
static void test_misuse(void **state)
{
	(void)state;
	rep_error err;
	rep_harm h;
	rep_detention_info d;
	rep_citation ci;
	rep_range_item_info ri;
	char *out = NULL;
	assert_int_equal(rep_case_set_description(NULL, "x", &err), REP_EUSAGE);
	assert_int_equal(rep_case_set_detention_note(NULL, 0, "x", &err), REP_EUSAGE);
	assert_int_equal(rep_case_harm_at(NULL, 0, &h), REP_EUSAGE);
	assert_int_equal(rep_case_detention_at(NULL, 0, &d), REP_EUSAGE);
	assert_int_equal(rep_case_to_json(&out, NULL, NULL, &err), REP_EUSAGE);
	assert_int_equal(rep_case_torture(NULL, NULL), 0);
	assert_string_equal(rep_case_description(NULL), "");
	assert_int_equal(rep_estimate_citation_count(NULL), 0);
	assert_int_equal(rep_estimate_citation_at(NULL, 0, &ci), REP_EUSAGE);
	assert_int_equal(rep_estimate_range_item_at(NULL, 0, &ri), REP_EUSAGE);
	assert_string_equal(rep_estimate_notes(NULL), "");
	assert_int_equal(rep_scheme_to_json(&out, NULL, NULL, "kz-cpc", &err), REP_EUSAGE);
	const rep_scheme *s;
	assert_int_equal(rep_scheme_lookup(&s, NULL, "kz-cpc", &err), REP_EUSAGE);
	rep_options *o;
	assert_int_equal(rep_options_new(&o), REP_OK);
	assert_int_equal(rep_options_add(o, "kz-cpc.indexation=cpi", &err), REP_OK);
	assert_int_not_equal(rep_options_check(o, NULL, &err), REP_OK);
	rep_options_free(o);
	rep_estimate *e;
	assert_int_equal(rep_estimate_compute_at(&e, NULL, NULL, "kz-cpc", NULL, REP_DATE_NONE, &err), REP_EUSAGE);
	assert_null(out);
}

int main(int argc, char **argv)
{
	dirs = argv + 1;
	n_dirs = argc - 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builder_round_trip),
		cmocka_unit_test(test_files_round_trip),
		cmocka_unit_test(test_estimate_accessors),
		cmocka_unit_test(test_valuation_date),
		cmocka_unit_test(test_misuse),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
