/* User schemes read from JSON (lib/io/scheme_json.c, docs/schemes.md): a
 * valid scheme evaluated with hand-checked amounts, a built-in replaced,
 * one test per error message, a JSON re-statement of de-streg that must
 * give byte-identical estimates, and mutated files that must never crash
 * the reader or the engine. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "reparations.h"

static rep_context *new_ctx(void)
{
	rep_context *ctx = NULL;
	assert_int_equal(rep_context_new(&ctx, NULL), REP_OK);
	return ctx;
}

static rep_status load(rep_context *ctx, const char *json, rep_error *err)
{
	rep_error_clear(err);
	return rep_context_load_scheme(ctx, json, strlen(json), err);
}

static rep_case *read_case(const char *json)
{
	rep_case *c = NULL;
	rep_error err;
	rep_status st = rep_case_from_json(&c, json, strlen(json), &err);
	if (st)
		fail_msg("case: %s", err.message);
	return c;
}

/* Load `json`; expect failure with `status` and exactly `message`, and the
 * context untouched. */
static void expect_error(const char *json, rep_status status, const char *message)
{
	rep_context *ctx = new_ctx();
	size_t n = rep_scheme_count(ctx);
	rep_error err;
	rep_status st = load(ctx, json, &err);
	if (st != status || strcmp(err.message, message) != 0)
		fail_msg("got %d \"%s\"\nwant %d \"%s\"", st, err.message, status, message);
	assert_int_equal(err.status, status);
	assert_int_equal(rep_scheme_count(ctx), n);
	rep_context_free(ctx);
}

/* ---- a valid scheme, checked by hand ---- */

static const char hand_scheme[] =
	"{\"id\": \"hand-check\", \"name\": \"Hand-checked tariff\", \"currency\": \"EUR\", \"status\": \"scenario\","
	" \"rounding\": \"half_up\", \"places\": -1, \"proc_kinds\": [\"criminal\"],"
	" \"qualifying\": [{\"outcomes\": [\"acquitted\"], \"text\": \"acquittal qualifies\", \"basis\": \"s.1\"}],"
	" \"bars\": [{\"flags\": [\"self_incrimination\"], \"text\": \"self-incrimination bars\", \"basis\": \"s.2\"}],"
	" \"tariffs\": ["
	"  {\"label\": \"Custody, days 1-30\", \"kinds\": [\"pretrial_custody\", \"prison\"], \"measure\": \"days\","
	"   \"daycount\": \"commenced\", \"rate\": {\"value\": \"40\", \"confidence\": \"verified\", \"source\": \"s.3\"},"
	"   \"tier_from\": 1, \"tier_to\": 30, \"basis\": \"s.3(1)\"},"
	"  {\"label\": \"Custody, from day 31\", \"kinds\": [\"pretrial_custody\", \"prison\"],"
	"   \"daycount\": \"commenced\", \"rate\": {\"value\": 60, \"confidence\": \"verified\", \"source\": \"s.3\"},"
	"   \"tier_from\": 31, \"basis\": \"s.3(2)\"},"
	"  {\"label\": \"House arrest\", \"kinds\": [\"house_arrest\"], \"measure\": \"years_365\","
	"   \"rate\": {\"value\": \"3650\", \"confidence\": \"verified\", \"source\": \"s.4\"},"
	"   \"rate_option\": \"house_rate\", \"basis\": \"s.4\"}],"
	" \"heads\": [{\"category\": \"legal_costs\", \"label\": \"Legal costs\", \"basis\": \"s.5\"},"
	"  {\"category\": \"moral_harm\", \"treatment\": \"excluded\", \"label\": \"Moral harm\", \"basis\": \"s.6\"}],"
	" \"fixed\": [{\"label\": \"Torture\", \"lo\": 1, \"hi\": 3,"
	"   \"amount\": {\"value\": \"500\", \"confidence\": \"verified\", \"source\": \"s.7\"}, \"basis\": \"s.7\"}],"
	" \"caps\": [{\"label\": \"Non-pecuniary cap\", \"scope\": \"non_pecuniary\","
	"   \"amount\": {\"value\": \"3000\", \"confidence\": \"verified\", \"source\": \"s.8\"}, \"basis\": \"s.8\"}],"
	" \"options\": [{\"name\": \"house_rate\", \"type\": \"decimal\", \"default\": \"3650\", \"min\": \"0\","
	"   \"max\": \"10000\", \"description\": \"EUR per year of house arrest\"}],"
	" \"citations\": [{\"instrument\": \"Hand Act\", \"article\": \"ss.1-8\"}]}";

static const char hand_case[] =
	"{\"id\": \"h\", \"currency\": \"EUR\", \"as_of\": \"2025-01-01\","
	" \"proceedings\": {\"kind\": \"criminal\", \"outcome\": \"acquitted\", \"decision_date\": \"2024-06-01\"},"
	" \"detentions\": [{\"kind\": \"pretrial_custody\", \"start\": \"2024-01-01\", \"end\": \"2024-01-20\"},"
	"   {\"kind\": \"prison\", \"start\": \"2024-02-01\", \"end\": \"2024-02-29\"},"
	"   {\"kind\": \"house_arrest\", \"start\": \"2024-03-01\", \"end\": \"2024-03-31\"}],"
	" \"torture\": {\"cc146_part\": 2},"
	" \"harms\": [{\"category\": \"legal_costs\", \"amount\": \"1234.56\", \"date\": \"2024-05-01\"}]}";

static void expect_line(const rep_estimate *e, size_t i, const char *label, const char *amount)
{
	const rep_line *l = rep_estimate_line(e, i);
	assert_non_null(l);
	assert_string_equal(l->label, label);
	assert_string_equal(l->amount, amount);
}

static void t_valid_estimate(void **state)
{
	(void)state;
	rep_context *ctx = new_ctx();
	size_t n = rep_scheme_count(ctx);
	rep_error err;
	if (load(ctx, hand_scheme, &err))
		fail_msg("%s", err.message);
	assert_int_equal(rep_scheme_count(ctx), n + 1);
	const rep_scheme *s = rep_scheme_find(ctx, "hand-check");
	assert_non_null(s);
	assert_string_equal(rep_scheme_status(s), "scenario");
	assert_int_equal(rep_scheme_option_count(s), 1);

	rep_case *c = read_case(hand_case);
	rep_estimate *e = NULL;
	if (rep_estimate_compute(&e, ctx, c, "hand-check", NULL, &err))
		fail_msg("%s", err.message);
	assert_true(rep_estimate_eligible(e));
	assert_int_equal(rep_estimate_days(e), 80); /* 20 + 29 + 31 */
	assert_int_equal(rep_estimate_line_count(e), 6);
	/* custody days in date order: 01-01..01-20 (20 days) then 02-01..02-29 (29 days);
	 * days 1-30 = all 20 of pretrial + 02-01..02-10 of prison: 30 x 40 = 1200 */
	expect_line(e, 0, "Custody, days 1-30", "1200.00");
	/* days 31-49 = 02-11..02-29: 19 x 60 = 1140 */
	expect_line(e, 1, "Custody, from day 31", "1140.00");
	/* house arrest 03-01..03-31: 31 / 365 years x 3650 = 310 */
	expect_line(e, 2, "House arrest", "310.00");
	expect_line(e, 3, "Legal costs", "1234.56");
	/* cc146_part 2 lies in [1, 3] */
	expect_line(e, 4, "Torture", "500.00");
	/* non-pecuniary 1200 + 1140 + 310 + 500 = 3150 > 3000: -150 */
	expect_line(e, 5, "Non-pecuniary cap", "-150.00");
	assert_string_equal(rep_estimate_total_non_pecuniary(e), "3000.00");
	assert_string_equal(rep_estimate_total_pecuniary(e), "1234.56");
	assert_string_equal(rep_estimate_total(e), "4234.56"); /* 3000 + 1234.56 */
	assert_int_equal(rep_estimate_warning_count(e), 0);   /* every figure verified */
	rep_estimate_free(e);

	/* the option replaces the house-arrest rate: 31/365 x 0 = 0; non-pecuniary
	 * 1200 + 1140 + 0 + 500 = 2840 stays under the cap; total 2840 + 1234.56 */
	rep_options *o = NULL;
	assert_int_equal(rep_options_new(&o), REP_OK);
	assert_int_equal(rep_options_add(o, "hand-check.house_rate=0", &err), REP_OK);
	if (rep_estimate_compute(&e, ctx, c, "hand-check", o, &err))
		fail_msg("%s", err.message);
	assert_int_equal(rep_estimate_line_count(e), 5);
	assert_string_equal(rep_estimate_total(e), "4074.56");
	rep_estimate_free(e);
	/* and its range is the scheme's own */
	assert_int_equal(rep_options_add(o, "hand-check.house_rate=10001", &err), REP_OK);
	assert_int_equal(rep_estimate_compute(&e, ctx, c, "hand-check", o, &err), REP_EINVAL);
	rep_options_free(o);
	rep_case_free(c);
	rep_context_free(ctx);
}

/* A bare decimal is a figure of unknown provenance, and says so. */
static void t_bare_figure_warns(void **state)
{
	(void)state;
	rep_context *ctx = new_ctx();
	rep_error err;
	const char *json = "{\"id\": \"bare\", \"name\": \"Bare\", \"currency\": \"EUR\","
			   " \"qualifying\": [{\"outcomes\": [\"acquitted\"], \"text\": \"acquittal\"}],"
			   " \"tariffs\": [{\"label\": \"Custody\", \"kinds\": [\"prison\"], \"rate\": \"10\"}]}";
	if (load(ctx, json, &err))
		fail_msg("%s", err.message);
	rep_case *c = read_case(hand_case);
	rep_estimate *e = NULL;
	if (rep_estimate_compute(&e, ctx, c, "bare", NULL, &err))
		fail_msg("%s", err.message);
	/* prison 02-01..02-29, both ends: 29 x 10 */
	expect_line(e, 0, "Custody", "290.00");
	assert_string_equal(rep_estimate_line(e, 0)->unit, "day");
	assert_int_equal(rep_estimate_warning_count(e), 1);
	assert_non_null(strstr(rep_estimate_warning(e, 0), "unverified (user scheme)"));
	rep_estimate_free(e);
	rep_case_free(c);
	rep_context_free(ctx);
}

/* ---- replacing a built-in ---- */

static const char usd_case[] =
	"{\"id\": \"r\", \"currency\": \"USD\", \"as_of\": \"2025-01-01\","
	" \"proceedings\": {\"kind\": \"criminal\", \"outcome\": \"acquitted\", \"decision_date\": \"2024-06-01\"},"
	" \"detentions\": [{\"kind\": \"prison\", \"start\": \"2023-01-01\", \"end\": \"2023-12-31\"}]}";

static void t_replace_builtin(void **state)
{
	(void)state;
	rep_context *ctx = new_ctx();
	size_t n = rep_scheme_count(ctx);
	rep_case *c = read_case(usd_case);
	rep_estimate *e = NULL;
	rep_error err;
	assert_int_equal(rep_estimate_compute(&e, ctx, c, "us-federal", NULL, &err), REP_OK);
	assert_string_equal(rep_estimate_total(e), "50000.00"); /* 365 / 365 x 50000 */
	rep_estimate_free(e);

	/* a bad file under the same id leaves the built-in in place */
	assert_int_equal(load(ctx, "{\"id\": \"us-federal\", \"name\": \"X\", \"tariffs\": 1}", &err), REP_EINVAL);
	assert_non_null(strstr(rep_scheme_name(rep_scheme_find(ctx, "us-federal")), "28 U.S.C."));

	const char *json = "{\"id\": \"us-federal\", \"name\": \"Doubled\", \"currency\": \"USD\","
			   " \"tariffs\": [{\"label\": \"Incarceration\", \"kinds\": [\"prison\"], \"measure\": \"years_365\","
			   "  \"rate\": {\"value\": \"100000\", \"confidence\": \"verified\", \"source\": \"test\"}}]}";
	if (load(ctx, json, &err))
		fail_msg("%s", err.message);
	assert_int_equal(rep_scheme_count(ctx), n);
	assert_string_equal(rep_scheme_name(rep_scheme_find(ctx, "us-federal")), "Doubled");
	assert_int_equal(rep_estimate_compute(&e, ctx, c, "us-federal", NULL, &err), REP_OK);
	assert_string_equal(rep_estimate_total(e), "100000.00");
	assert_string_equal(rep_estimate_line(e, 0)->unit, "year");
	rep_estimate_free(e);
	rep_case_free(c);
	rep_context_free(ctx);
}

/* ---- error messages ---- */

#define HEAD "{\"id\": \"t\", \"name\": \"T\", "
#define TARIFF_NO_RATE(extra) "{\"label\": \"L\", \"kinds\": [\"prison\"]" extra "}"
#define TARIFF(extra) TARIFF_NO_RATE(", \"rate\": \"1\"" extra)

static void t_unknown_key(void **state)
{
	(void)state;
	expect_error(HEAD "\"citations\": [{\"instrument\": \"A\", \"page\": 3}]}", REP_EINVAL,
		     "citations[0].page: unknown key (expected one of: instrument, article, url)");
	expect_error(HEAD "\"tariffs\": [" TARIFF_NO_RATE(", \"rate\": {\"value\": \"1\", \"verified\": true}") "]}",
		     REP_EINVAL, "tariffs[0].rate.verified: unknown key (expected one of: value, confidence, source)");
}

static void t_bad_enum(void **state)
{
	(void)state;
	expect_error(HEAD "\"tariffs\": [" TARIFF("") ", {\"label\": \"M\", \"kinds\": [\"hotel\"], \"rate\": \"1\"}]}",
		     REP_EINVAL,
		     "tariffs[1].kinds[0]: unknown value \"hotel\" (expected police_custody, pretrial_custody, "
		     "house_arrest, prison, administrative_arrest, psychiatric, exile, special_settlement, "
		     "forced_labour or parole)");
	expect_error(HEAD "\"rounding\": \"nearest\"}", REP_EINVAL,
		     "rounding: unknown value \"nearest\" (expected half_up, half_even, half_down, down, up, floor or "
		     "ceiling)");
	expect_error(HEAD "\"tariffs\": [" TARIFF(", \"daycount\": \"all\"") "]}", REP_EINVAL,
		     "tariffs[0].daycount: unknown value \"all\" (expected inclusive, exclusive_last or commenced)");
	expect_error(HEAD "\"heads\": [{\"category\": \"pain\", \"label\": \"P\"}]}", REP_EINVAL,
		     "heads[0].category: unknown value \"pain\" (expected lost_earnings, lost_earning_capacity, business, "
		     "property, fines_and_costs, legal_costs, medical_costs, psychological_care, other_expenses or "
		     "moral_harm)");
	expect_error(HEAD "\"status\": \"rumour\"}", REP_EINVAL,
		     "status: unknown value \"rumour\" (expected law, guideline, practice, standard, draft or scenario)");
}

static void t_bad_decimal(void **state)
{
	(void)state;
	expect_error(HEAD "\"tariffs\": [" TARIFF(", \"rate_low\": \"7,5\"") "]}", REP_ESYNTAX,
		     "tariffs[0].rate_low: \"7,5\" is not a decimal number");
	expect_error(HEAD "\"caps\": [{\"label\": \"C\", \"amount\": \"-5\"}]}", REP_EINVAL,
		     "caps[0].amount: \"-5\" must not be negative");
	expect_error(HEAD "\"tariffs\": [" TARIFF(", \"rate_low\": \"9\", \"rate_high\": \"8\"") "]}", REP_EINVAL,
		     "tariffs[0].rate_low: 9 is above rate_high 8");
}

static void t_bad_figure_confidence(void **state)
{
	(void)state;
	expect_error(HEAD "\"tariffs\": [" TARIFF_NO_RATE(", \"rate\": {\"value\": \"1\", \"confidence\": \"sure\"}") "]}",
		     REP_EINVAL,
		     "tariffs[0].rate.confidence: unknown value \"sure\" (expected verified, secondary or unverified)");
	expect_error(HEAD "\"pecuniary_threshold\": {\"confidence\": \"verified\"}}", REP_EINVAL,
		     "pecuniary_threshold.value: missing");
	expect_error(HEAD "\"pecuniary_threshold\": true}", REP_EINVAL,
		     "pecuniary_threshold: expected a figure ({\"value\": ..., \"confidence\": ..., \"source\": ...} or "
		     "a decimal), got a boolean");
}

static void t_tiers_need_days(void **state)
{
	(void)state;
	expect_error(HEAD "\"tariffs\": [" TARIFF(", \"measure\": \"years_365\", \"tier_to\": 365") "]}", REP_EINVAL,
		     "tariffs[0].tier_to: tiers count days, so they need measure \"days\" (this tariff has \"years_365\")");
	expect_error(HEAD "\"tariffs\": [" TARIFF(", \"tier_from\": 10, \"tier_to\": 9") "]}", REP_EINVAL,
		     "tariffs[0].tier_from: 10 is after tier_to 9");
	expect_error(HEAD "\"tariffs\": [" TARIFF(", \"tier_from\": -1") "]}", REP_EINVAL,
		     "tariffs[0].tier_from: expected a whole number from 0 to 200000");
	expect_error(HEAD "\"tariffs\": [" TARIFF(", \"tier_from\": 1.5") "]}", REP_EINVAL,
		     "tariffs[0].tier_from: expected a whole number from 0 to 200000");
}

#define OPTION(extra) "\"options\": [{\"name\": \"o\"" extra "}]"

static void t_option_default(void **state)
{
	(void)state;
	expect_error(HEAD OPTION(", \"default\": \"200\", \"min\": \"50\", \"max\": \"150\"") "}", REP_EINVAL,
		     "options[0].default: 200 is outside the allowed range 50..150");
	expect_error(HEAD OPTION(", \"default\": \"x\"") "}", REP_ESYNTAX,
		     "options[0].default: \"x\" is not a decimal number");
	expect_error(HEAD OPTION(", \"type\": \"choice\", \"default\": \"cpi\", \"choices\": \"nominal|mci\"") "}",
		     REP_EINVAL, "options[0].default: \"cpi\" is not one of nominal|mci");
	expect_error(HEAD OPTION(", \"type\": \"choice\", \"default\": \"a\", \"choices\": \"a||b\"") "}", REP_EINVAL,
		     "options[0].choices: \"a||b\": each choice needs 1 to 64 characters");
	expect_error(HEAD OPTION(", \"type\": \"choice\", \"default\": \"a\", \"choices\": \"a|b|a\"") "}", REP_EINVAL,
		     "options[0].choices: \"a\" is listed twice");
	expect_error(HEAD OPTION(", \"type\": \"choice\", \"default\": \"a\"") "}", REP_EINVAL,
		     "options[0].choices: missing (a choice option lists \"a|b|c\")");
	expect_error(HEAD OPTION(", \"default\": \"1\", \"choices\": \"a|b\"") "}", REP_EINVAL,
		     "options[0].choices: only a choice option has choices");
	expect_error(HEAD OPTION("") "}", REP_EINVAL, "options[0].default: missing");
}

static void t_option_references(void **state)
{
	(void)state;
	expect_error(HEAD "\"tariffs\": [" TARIFF("") ", " TARIFF(", \"rate_option\": \"daily\"") "]}", REP_EINVAL,
		     "tariffs[1].rate_option: no option \"daily\" is declared in options");
	expect_error(HEAD OPTION(", \"default\": \"1\"") ", \"indexation_option\": \"o\"}", REP_EINVAL,
		     "indexation_option: option \"o\" is a decimal option; this needs a choice option");
	expect_error(HEAD "\"options\": [{\"name\": \"o\", \"default\": \"1\"}, {\"name\": \"o\", \"default\": \"2\"}]}",
		     REP_EINVAL, "options[1].name: option \"o\" is declared twice");
	expect_error(HEAD "\"tariffs\": [{\"label\": \"L\", \"kinds\": [\"prison\"]}]}", REP_EINVAL,
		     "tariffs[0].rate: missing (give a rate, or a rate_option)");
}

static void t_too_many_items(void **state)
{
	(void)state;
	char json[8192];
	size_t len = (size_t)snprintf(json, sizeof json, HEAD "\"citations\": [");
	for (int i = 0; i < 65; i++)
		len += (size_t)snprintf(json + len, sizeof json - len, "%s{\"instrument\": \"A%d\"}", i ? "," : "", i);
	snprintf(json + len, sizeof json - len, "]}");
	expect_error(json, REP_ELIMIT, "citations: 65 entries exceed the limit of 64");
	len = (size_t)snprintf(json, sizeof json, HEAD "\"warnings\": [");
	for (int i = 0; i < 65; i++)
		len += (size_t)snprintf(json + len, sizeof json - len, "%s\"w\"", i ? "," : "");
	snprintf(json + len, sizeof json - len, "]}");
	expect_error(json, REP_ELIMIT, "warnings: 65 entries exceed the limit of 64");
}

static void t_duplicate_key(void **state)
{
	(void)state;
	expect_error(HEAD "\"tariffs\": [{\"label\": \"L\", \"label\": \"M\"}]}", REP_EINVAL,
		     "tariffs[0].label: duplicate key (each key may appear once in an object)");
}

static void t_required_fields(void **state)
{
	(void)state;
	expect_error("{\"id\": \"t\"}", REP_EINVAL, "name: missing");
	expect_error("{\"name\": \"T\"}", REP_EINVAL, "id: missing");
	expect_error(HEAD "\"tariffs\": [{\"kinds\": [\"prison\"], \"rate\": \"1\"}]}", REP_EINVAL,
		     "tariffs[0].label: missing");
	expect_error(HEAD "\"tariffs\": [{\"label\": \"\", \"kinds\": [\"prison\"], \"rate\": \"1\"}]}", REP_EINVAL,
		     "tariffs[0].label: must not be empty");
	expect_error(HEAD "\"tariffs\": [{\"label\": \"L\", \"kinds\": [], \"rate\": \"1\"}]}", REP_EINVAL,
		     "tariffs[0].kinds: name at least one");
	expect_error(HEAD "\"fixed\": [{\"label\": \"F\"}]}", REP_EINVAL, "fixed[0].amount: missing");
	expect_error(HEAD "\"deadlines\": [{\"text\": \"D\"}]}", REP_EINVAL, "deadlines[0].months: missing");
	expect_error(HEAD "\"qualifying\": [{\"text\": \"Q\"}]}", REP_EINVAL,
		     "qualifying[0]: a rule needs outcomes or flags (without them it never applies)");
	expect_error("[1]", REP_EINVAL, "a scheme must be a JSON object, got an array");
}

static void t_bad_values(void **state)
{
	(void)state;
	expect_error("{\"id\": \"Has Caps\", \"name\": \"T\"}", REP_EINVAL,
		     "id: \"Has Caps\" is not a scheme id (lowercase letters, digits and '-', at most 64, not starting "
		     "with '-')");
	expect_error(HEAD "\"currency\": \"XYZ\"}", REP_ENOTFOUND,
		     "currency: unknown currency \"XYZ\" (expected an ISO 4217 code such as EUR)");
	expect_error(HEAD "\"tariffs\": [" TARIFF(", \"index\": \"KZ MCI\"") "]}", REP_EINVAL,
		     "tariffs[0].index: \"KZ MCI\" is not a name (letters, digits, '.', '_' and '-' only)");
	expect_error(HEAD "\"tariffs\": [" TARIFF(", \"valid_from\": \"2020-01-01\", \"valid_to\": \"2019-01-01\"") "]}",
		     REP_EINVAL, "tariffs[0].valid_from: 2020-01-01 is after valid_to 2019-01-01");
	expect_error(HEAD "\"effective_to\": \"2019-02-30\"}", REP_ERANGE, "effective_to: 2019-02-30 is not a valid date");
	expect_error(HEAD "\"tariffs\": [{\"label\": \"L\", \"kinds\": [\"prison\", \"prison\"], \"rate\": \"1\"}]}",
		     REP_EINVAL, "tariffs[0].kinds[1]: \"prison\" is listed twice");
	expect_error(HEAD "\"heads\": [{\"category\": \"property\", \"label\": \"P\"}, "
			  "{\"category\": \"property\", \"label\": \"Q\"}]}",
		     REP_EINVAL, "heads[1].category: property already has a head (heads[0])");
	expect_error(HEAD "\"fixed\": [{\"label\": \"F\", \"amount\": \"1\", \"lo\": 3, \"hi\": 1}]}", REP_EINVAL,
		     "fixed[0].lo: 3 is above hi 1");
	expect_error(HEAD "\"caps\": [{\"label\": \"C\", \"amount\": \"1\", \"min_months\": 6, \"max_months\": 5}]}",
		     REP_EINVAL, "caps[0].min_months: 6 is above max_months 5");
	expect_error(HEAD "\"places\": 9}", REP_EINVAL, "places: expected a whole number from -1 to 8");
	expect_error(HEAD "\"requires_detention\": \"yes\"}", REP_EINVAL,
		     "requires_detention: expected true or false, got a string");
	expect_error(HEAD "\"warnings\": [\"\"]}", REP_EINVAL, "warnings[0]: must not be empty");
	/* the engine prints these two bases; without them it would print NULL */
	expect_error(HEAD "\"pecuniary_threshold\": \"25\"}", REP_EINVAL,
		     "pecuniary_threshold_basis: missing (it is the basis shown on every line the threshold sets to zero)");
	expect_error(HEAD "\"tariffs\": [" TARIFF(", \"cap\": \"5\"") "]}", REP_EINVAL,
		     "tariffs[0].cap_basis: missing (a capped tariff names its cap's basis in cap_basis or basis)");
}

/* ---- de-streg restated in JSON ---- */

/* in parts: ISO C caps a string literal at 4095 bytes */
static const char *const de_streg_parts[] = {
	"{\"id\": \"de-streg\","
	" \"name\": \"Germany: compensation for criminal prosecution measures (StrEG)\","
	" \"jurisdiction\": \"Germany\", \"currency\": \"EUR\", \"status\": \"law\","
	" \"notes\": \"EUR 75 for each commenced day of court-ordered deprivation of liberty (StrEG §7(3), since "
	"8 Oct 2020; EUR 25 from 5 Aug 2009, EUR 11 from 1 Jan 2002), plus proven pecuniary loss when it "
	"exceeds EUR 25 (§7(2)). Transitional rule adopted here: the daily rate in force on the last day "
	"of deprivation of liberty applies to the whole detention. With whole dates, every listed day "
	"has commenced, so the count includes both ends. The deduction for board and lodging saved in "
	"prison (Vorteilsausgleich) is not applied: enter net figures.\",",
	" \"rounding\": \"half_up\", \"places\": -1,"
	" \"proc_kinds\": [\"criminal\"], \"proc_kinds_text\": \"criminal prosecution measures\","
	" \"qualifying\": [{\"outcomes\": [\"acquitted\", \"dismissed_rehabilitating\", \"conviction_quashed\"],"
	"   \"text\": \"acquittal, discontinuance or a conviction quashed after court-ordered deprivation of liberty "
	"gives a claim against the State\", \"basis\": \"StrEG §§1, 2\"}],"
	" \"bars\": [{\"flags\": [\"self_incrimination\"], \"text\": \"compensation may be refused where the person "
	"caused the prosecution by falsely incriminating themselves (self-incrimination recorded)\","
	"   \"basis\": \"StrEG §6(1) no. 1\"}],"
	" \"requires_detention\": false,",
	" \"tariffs\": ["
	"  {\"label\": \"Deprivation of liberty (EUR 75 per commenced day)\", \"klass\": \"non_pecuniary\","
	"   \"kinds\": [\"police_custody\", \"pretrial_custody\", \"prison\", \"psychiatric\"], \"measure\": \"days\","
	"   \"daycount\": \"commenced\", \"unit\": \"day\","
	"   \"rate\": {\"value\": \"75\", \"confidence\": \"verified\", \"source\": \"StrEG §7(3) as amended 30 Sep 2020 (dejure.org)\"},"
	"   \"valid_from\": \"2020-10-08\", \"version_at\": \"detention_end\", \"basis\": \"StrEG §7(3)\","
	"   \"formula\": \"EUR 75 for each commenced day of deprivation of liberty\"},",
	"  {\"label\": \"Deprivation of liberty (EUR 25 per commenced day)\", \"klass\": \"non_pecuniary\","
	"   \"kinds\": [\"police_custody\", \"pretrial_custody\", \"prison\", \"psychiatric\"], \"measure\": \"days\","
	"   \"daycount\": \"commenced\", \"unit\": \"day\","
	"   \"rate\": {\"value\": \"25\", \"confidence\": \"verified\", \"source\": \"StrEG §7(3) in the version of 5 Aug 2009 (Bundesrat print 639/19)\"},"
	"   \"valid_from\": \"2009-08-05\", \"valid_to\": \"2020-10-07\", \"version_at\": \"detention_end\","
	"   \"basis\": \"StrEG §7(3) (2009 version)\","
	"   \"formula\": \"EUR 25 for each commenced day (rate in force when the detention ended)\"},",
	"  {\"label\": \"Deprivation of liberty (EUR 11 per commenced day)\", \"klass\": \"non_pecuniary\","
	"   \"kinds\": [\"police_custody\", \"pretrial_custody\", \"prison\", \"psychiatric\"], \"measure\": \"days\","
	"   \"daycount\": \"commenced\", \"unit\": \"day\","
	"   \"rate\": {\"value\": \"11\", \"confidence\": \"verified\", \"source\": \"StrEG §7(3) in the version of 1 Jan 2002 (Bundesrat print 639/19)\"},"
	"   \"valid_from\": \"2002-01-01\", \"valid_to\": \"2009-08-04\", \"version_at\": \"detention_end\","
	"   \"basis\": \"StrEG §7(3) (2002 version)\","
	"   \"formula\": \"EUR 11 for each commenced day (rate in force when the detention ended)\"}],",
	" \"heads\": ["
	"  {\"category\": \"lost_earnings\", \"treatment\": \"proven\", \"klass\": \"pecuniary\", \"label\": \"Lost earnings\","
	"   \"basis\": \"StrEG §7(1)\", \"note\": \"proven financial loss caused by the measure\"},"
	"  {\"category\": \"lost_earning_capacity\", \"treatment\": \"proven\", \"klass\": \"pecuniary\","
	"   \"label\": \"Lost earning capacity\", \"basis\": \"StrEG §7(1)\", \"future_pv\": true,"
	"   \"note\": \"future loss caused by the measure, as proven; discounted to present value\"},"
	"  {\"category\": \"business\", \"label\": \"Business losses\", \"basis\": \"StrEG §7(1)\","
	"   \"note\": \"proven financial loss caused by the measure\"},"
	"  {\"category\": \"property\", \"label\": \"Property\", \"basis\": \"StrEG §7(1)\","
	"   \"note\": \"proven financial loss caused by the measure\"},"
	"  {\"category\": \"fines_and_costs\", \"label\": \"Fines and costs paid\", \"basis\": \"StrEG §7(1)\","
	"   \"note\": \"proven financial loss caused by the measure\"},"
	"  {\"category\": \"legal_costs\", \"label\": \"Defence costs\", \"basis\": \"StrEG §7(1)\","
	"   \"note\": \"proven financial loss caused by the measure\"},"
	"  {\"category\": \"medical_costs\", \"label\": \"Medical costs\", \"basis\": \"StrEG §7(1)\","
	"   \"note\": \"proven financial loss caused by the measure\"},"
	"  {\"category\": \"psychological_care\", \"label\": \"Psychological care\", \"basis\": \"StrEG §7(1)\","
	"   \"note\": \"proven financial loss caused by the measure\"},"
	"  {\"category\": \"other_expenses\", \"label\": \"Other expenses\", \"basis\": \"StrEG §7(1)\","
	"   \"note\": \"proven financial loss caused by the measure\"},"
	"  {\"category\": \"moral_harm\", \"treatment\": \"excluded\", \"klass\": \"non_pecuniary\", \"label\": \"Moral harm\","
	"   \"basis\": \"StrEG §7(3)\","
	"   \"note\": \"non-pecuniary harm of deprivation of liberty is paid only by the daily rate of §7(3)\"}],",
	" \"pecuniary_threshold\": {\"value\": \"25\", \"confidence\": \"verified\", \"source\": \"StrEG §7(2) as amended"
	" 30 Sep 2020, BGBl. I S. 2049 (justiz-nrw.wolterskluwer-online.de; lexmea.de/de/gesetz/streg/7)\"},"
	" \"pecuniary_threshold_basis\": \"StrEG §7(2): pecuniary loss is compensated only if it exceeds EUR 25\","
	" \"citations\": ["
	"  {\"instrument\": \"Gesetz über die Entschädigung für Strafverfolgungsmaßnahmen (StrEG)\", \"article\": \"§7\","
	"   \"url\": \"https://dejure.org/gesetze/StrEG/7.html\"},"
	"  {\"instrument\": \"Drittes Gesetz zur Änderung des StrEG of 30 Sep 2020\","
	"   \"article\": \"art. 1 (EUR 75 from 8 Oct 2020)\"}]}"};

static char *render(const rep_context *ctx, const rep_case *c)
{
	rep_estimate *e = NULL;
	rep_error err;
	if (rep_estimate_compute(&e, ctx, c, "de-streg", NULL, &err))
		fail_msg("%s", err.message);
	char *out = NULL;
	const rep_estimate *const list[] = {e};
	assert_int_equal(rep_estimates_render(&out, NULL, rep_case_id(c), list, 1, REP_FORMAT_JSON, &err), REP_OK);
	rep_estimate_free(e);
	return out;
}

static void t_round_trip_de_streg(void **state)
{
	(void)state;
	/* one case per rate, one under the EUR 25 threshold, one barred, one with a future loss */
	static const char *const cases[] = {
		"{\"id\": \"a\", \"currency\": \"EUR\", \"as_of\": \"2025-01-01\","
		" \"proceedings\": {\"outcome\": \"acquitted\", \"decision_date\": \"2024-06-01\"},"
		" \"detentions\": [{\"kind\": \"pretrial_custody\", \"start\": \"2024-01-05\", \"end\": \"2024-03-10\"},"
		"  {\"kind\": \"house_arrest\", \"start\": \"2024-03-11\", \"end\": \"2024-04-01\"}],"
		" \"harms\": [{\"category\": \"lost_earnings\", \"monthly\": \"2100\", \"start\": \"2024-01-05\", \"end\": \"2024-04-30\"},"
		"  {\"category\": \"legal_costs\", \"amount\": \"3500.40\", \"date\": \"2024-05-01\"},"
		"  {\"category\": \"moral_harm\", \"amount\": \"20000\"}]}",
		"{\"id\": \"b\", \"currency\": \"EUR\", \"as_of\": \"2025-01-01\","
		" \"proceedings\": {\"outcome\": \"conviction_quashed\", \"decision_date\": \"2016-06-01\"},"
		" \"detentions\": [{\"kind\": \"prison\", \"start\": \"2012-01-01\", \"end\": \"2015-12-31\"}],"
		" \"harms\": [{\"category\": \"medical_costs\", \"amount\": \"20\", \"date\": \"2016-01-10\"}]}",
		"{\"id\": \"c\", \"currency\": \"EUR\", \"as_of\": \"2025-01-01\","
		" \"proceedings\": {\"outcome\": \"acquitted\", \"decision_date\": \"2008-06-01\"},"
		" \"detentions\": [{\"kind\": \"police_custody\", \"start\": \"2008-01-01\", \"end\": \"2008-01-03\"}],"
		" \"harms\": [{\"category\": \"lost_earning_capacity\", \"annual\": \"12000\", \"years\": \"3\","
		"   \"discount_rate\": \"0.02\"}]}",
		"{\"id\": \"d\", \"currency\": \"EUR\", \"as_of\": \"2025-01-01\","
		" \"proceedings\": {\"outcome\": \"amnesty\", \"self_incrimination\": true, \"decision_date\": \"2024-06-01\"},"
		" \"detentions\": [{\"kind\": \"prison\", \"start\": \"2024-01-01\", \"end\": \"2024-02-01\"}]}",
	};
	char de_streg_json[8192] = "";
	for (size_t i = 0; i < sizeof de_streg_parts / sizeof de_streg_parts[0]; i++)
		strcat(de_streg_json, de_streg_parts[i]);
	rep_context *builtin = new_ctx(), *user = new_ctx();
	rep_error err;
	if (load(user, de_streg_json, &err))
		fail_msg("%s", err.message);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		rep_case *c = read_case(cases[i]);
		char *a = render(builtin, c), *b = render(user, c);
		if (strcmp(a, b) != 0)
			fail_msg("case %zu differs:\nbuilt-in %s\nuser     %s", i, a, b);
		free(a);
		free(b);
		rep_case_free(c);
	}
	rep_context_free(builtin);
	rep_context_free(user);
}

/* Every single-byte mutation of a valid scheme: the reader either refuses
 * it with a message or gives a scheme the engine evaluates without harm
 * (the sanitizer build watches for the harm). */
static void t_mutations_never_crash(void **state)
{
	(void)state;
	static const char subst[] = {'"', '0', '-', '9', 'x', '[', '{', '}', ']', ',', ':', ' '};
	size_t n = strlen(hand_scheme);
	char *buf = malloc(n + 1);
	assert_non_null(buf);
	rep_case *c = read_case(hand_case);
	rep_context *ctx = new_ctx();
	size_t loaded = 0;
	for (size_t i = 0; i < n; i += 3)
		for (size_t k = 0; k < sizeof subst; k++) {
			memcpy(buf, hand_scheme, n + 1);
			buf[i] = subst[k];
			rep_error err;
			rep_status st = rep_context_load_scheme(ctx, buf, n, &err);
			if (st) {
				assert_true(err.message[0] != '\0');
				continue;
			}
			loaded++;
			/* the mutation may have changed the id: evaluate every user scheme */
			for (size_t s = 0; s < rep_scheme_count(ctx); s++) {
				rep_estimate *e = NULL;
				if (rep_estimate_compute(&e, ctx, c, rep_scheme_id(rep_scheme_at(ctx, s)), NULL, &err) == REP_OK)
					rep_estimate_free(e);
			}
		}
	assert_true(loaded > 0);
	/* and truncations, which the JSON reader must refuse */
	for (size_t i = 0; i < n; i += 7)
		assert_int_not_equal(rep_context_load_scheme(ctx, hand_scheme, i, NULL), REP_OK);
	rep_context_free(ctx);
	rep_case_free(c);
	free(buf);
}

static void t_usage(void **state)
{
	(void)state;
	rep_error err;
	assert_int_equal(rep_context_load_scheme(NULL, "{}", 2, &err), REP_EUSAGE);
	rep_context *ctx = new_ctx();
	assert_int_equal(rep_context_load_scheme(ctx, NULL, 1, &err), REP_EUSAGE);
	assert_int_equal(rep_context_load_scheme(ctx, "{\"id\": 1}", 9, NULL), REP_EINVAL);
	rep_context_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_valid_estimate),	   cmocka_unit_test(t_bare_figure_warns),
		cmocka_unit_test(t_replace_builtin),	   cmocka_unit_test(t_unknown_key),
		cmocka_unit_test(t_bad_enum),		   cmocka_unit_test(t_bad_decimal),
		cmocka_unit_test(t_bad_figure_confidence), cmocka_unit_test(t_tiers_need_days),
		cmocka_unit_test(t_option_default),	   cmocka_unit_test(t_option_references),
		cmocka_unit_test(t_too_many_items),	   cmocka_unit_test(t_duplicate_key),
		cmocka_unit_test(t_required_fields),	   cmocka_unit_test(t_bad_values),
		cmocka_unit_test(t_round_trip_de_streg),   cmocka_unit_test(t_mutations_never_crash),
		cmocka_unit_test(t_usage),
	};
	return cmocka_run_group_tests_name("scheme_json", tests, NULL, NULL);
}
