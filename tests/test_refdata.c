/* Unit tests for reference data: the built-in series, lookups on both sides
 * of the mid-year MCI changes, exact error messages, user series in CSV and
 * JSON (replacing and extending built-in data, and every kind of bad file),
 * and exchange rates (direct, inverse, cross via USD, user precedence).
 * The context is built by hand so that these tests need only refdata.c. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "context_internal.h"
#include "reparations/dates.h"
#include "reparations/money.h"

typedef struct fixture {
	struct rep_context ctx;
	rep_error err;
} fixture;

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	rep_arena_init(&f->ctx.arena, 0);
	if (rep_refdata_init(&f->ctx, &f->err) != REP_OK) {
		free(f);
		return -1;
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	rep_refdata_release(&f->ctx);
	rep_arena_release(&f->ctx.arena);
	free(f);
	return 0;
}

static rep_date D(const char *s)
{
	rep_date d = REP_DATE_NONE;
	if (rep_date_parse(&d, s, NULL) != REP_OK)
		fail_msg("test date %s", s);
	return d;
}

/* The value of `id` on `date` as exact decimal text. */
static void check_value(fixture *f, const char *id, const char *date, const char *want)
{
	mpq_t v, w;
	mpq_inits(v, w, NULL);
	rep_series_point pt;
	rep_status st = rep_series_lookup(&f->ctx, id, D(date), v, &pt, &f->err);
	if (st != REP_OK)
		fail_msg("%s on %s: %s", id, date, f->err.message);
	assert_int_equal(rep_dec_parse(w, want, NULL), REP_OK);
	if (!mpq_equal(v, w))
		fail_msg("%s on %s: got %s, want %s", id, date, pt.value, want);
	assert_string_equal(pt.value, want);
	mpq_clears(v, w, NULL);
}

static void expect_lookup_error(fixture *f, const char *id, const char *date, rep_status want, const char *msg)
{
	mpq_t v;
	mpq_init(v);
	rep_error_clear(&f->err);
	assert_int_equal(rep_series_lookup(&f->ctx, id, D(date), v, NULL, &f->err), want);
	assert_int_equal(f->err.status, want);
	assert_string_equal(f->err.message, msg);
	mpq_clear(v);
}

static rep_status load(fixture *f, const char *text, const char *format)
{
	rep_error_clear(&f->err);
	return rep_context_load_series(&f->ctx, text, strlen(text), format, &f->err);
}

static void expect_load_ok(fixture *f, const char *text, const char *format)
{
	if (load(f, text, format) != REP_OK)
		fail_msg("load failed: %s", f->err.message);
}

static void expect_load_error(fixture *f, const char *text, const char *format, rep_status want, const char *msg)
{
	size_t n = rep_series_count(&f->ctx);
	rep_status st = load(f, text, format);
	if (st != want || strcmp(f->err.message, msg) != 0)
		fail_msg("load: got %s \"%s\", want %s \"%s\"", rep_status_name(st), f->err.message,
			 rep_status_name(want), msg);
	/* a file that fails changes nothing */
	assert_int_equal(rep_series_count(&f->ctx), n);
}

static void t_builtin_table(void **state)
{
	fixture *f = *state;
	static const char *const ids[] = {"ECB.MLF",    "FX.EUR_CAD",  "FX.EUR_GBP",   "FX.EUR_JPY",
					  "FX.EUR_KZT", "FX.EUR_NZD",  "FX.EUR_USD",   "FX.GBP_USD",
					  "FX.USD_KZT", "FX.USD_UZS",  "KZ.AVG_WAGE",  "KZ.BASE_RATE",
					  "KZ.CPI_DEC", "KZ.MCI",      "KZ.MZP",       "UK.MEDIAN_EARNINGS"};
	assert_int_equal(rep_series_count(&f->ctx), sizeof ids / sizeof *ids);
	mpq_t v;
	mpq_init(v);
	for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
		rep_series_info info;
		assert_int_equal(rep_series_at(&f->ctx, i, &info), REP_OK);
		assert_string_equal(info.id, ids[i]);
		assert_int_equal(info.user_loaded, 0);
		assert_true(info.n_points > 0);
		assert_true(info.name[0] && info.unit[0]);
		for (size_t k = 0; k < info.n_points; k++) {
			rep_series_point pt;
			assert_int_equal(rep_series_point_at(&f->ctx, info.id, k, &pt), REP_OK);
			assert_int_equal(rep_dec_parse(v, pt.value, NULL), REP_OK);
			assert_true(strcmp(pt.confidence, "verified") == 0 || strcmp(pt.confidence, "secondary") == 0 ||
				    strcmp(pt.confidence, "unverified") == 0);
			assert_true(pt.source[0] != '\0');
			assert_true(pt.from <= info.until);
			if (k) {
				rep_series_point prev;
				assert_int_equal(rep_series_point_at(&f->ctx, info.id, k - 1, &prev), REP_OK);
				assert_true(prev.from < pt.from);
			}
		}
		rep_series_point pt;
		assert_int_equal(rep_series_point_at(&f->ctx, info.id, info.n_points, &pt), REP_EINVAL);
	}
	rep_series_info info;
	assert_int_equal(rep_series_at(&f->ctx, sizeof ids / sizeof *ids, &info), REP_EINVAL);
	assert_int_equal(rep_series_find(&f->ctx, "KZ.MCI", &info), REP_OK);
	assert_string_equal(info.unit, "KZT");
	assert_int_equal(info.until, D("2026-12-31"));
	assert_int_equal(info.n_points, 30);
	assert_int_equal(rep_series_find(&f->ctx, "KZ.NOPE", &info), REP_ENOTFOUND);
	mpq_clear(v);
}

static void t_mci_mid_year_changes(void **state)
{
	fixture *f = *state;
	check_value(f, "KZ.MCI", "2009-06-30", "1273");
	check_value(f, "KZ.MCI", "2009-07-01", "1296");
	check_value(f, "KZ.MCI", "2020-03-31", "2651");
	check_value(f, "KZ.MCI", "2020-04-01", "2778");
	/* the 2022 amendment of the budget law: 3,180 from 1 April 2022, for benefits and fines alike */
	check_value(f, "KZ.MCI", "2022-03-31", "3063");
	check_value(f, "KZ.MCI", "2022-04-01", "3180");
	check_value(f, "KZ.MCI", "2022-12-31", "3180");
	check_value(f, "KZ.MZP", "2009-06-30", "13470");
	check_value(f, "KZ.MZP", "2009-07-01", "13717");
	mpq_t v;
	mpq_init(v);
	rep_series_point pt;
	assert_int_equal(rep_series_lookup(&f->ctx, "KZ.MCI", D("2020-12-31"), v, &pt, &f->err), REP_OK);
	assert_int_equal(pt.from, D("2020-04-01"));
	assert_string_equal(pt.confidence, "verified");
	assert_non_null(strstr(pt.source, "16news.kz"));
	/* confirmed by the 2026 audit (yk.kz, 06.01.2010): upgraded from secondary */
	assert_int_equal(rep_series_lookup(&f->ctx, "KZ.MCI", D("2009-07-01"), v, &pt, &f->err), REP_OK);
	assert_string_equal(pt.confidence, "verified");
	assert_int_equal(rep_series_lookup(&f->ctx, "KZ.MCI", D("2022-05-01"), v, &pt, &f->err), REP_OK);
	assert_string_equal(pt.confidence, "secondary");
	assert_non_null(strstr(pt.source, "kaz.zakon.kz"));
	mpq_clear(v);
}

static void t_mci_recent_years(void **state)
{
	fixture *f = *state;
	check_value(f, "KZ.MCI", "2000-01-01", "725");
	check_value(f, "KZ.MCI", "2022-12-31", "3180");
	check_value(f, "KZ.MCI", "2023-01-01", "3450");
	check_value(f, "KZ.MCI", "2023-07-15", "3450");
	check_value(f, "KZ.MCI", "2024-02-29", "3692");
	check_value(f, "KZ.MCI", "2025-06-01", "3932");
	check_value(f, "KZ.MCI", "2026-01-01", "4325");
	check_value(f, "KZ.MCI", "2026-12-31", "4325");
	check_value(f, "ECB.MLF", "2019-12-31", "0.25");
	check_value(f, "ECB.MLF", "2025-06-10", "2.65");
	check_value(f, "ECB.MLF", "2025-06-11", "2.40");
	check_value(f, "KZ.CPI_DEC", "2022-06-30", "20.3");
	check_value(f, "KZ.BASE_RATE", "2024-02-26", "14.75");
}

static void t_lookup_errors(void **state)
{
	fixture *f = *state;
	expect_lookup_error(f, "KZ.MCI", "1999-05-01", REP_ENODATA,
			    "KZ.MCI has no value for 1999-05-01 (covers 2000-01-01..2026-12-31)");
	expect_lookup_error(f, "KZ.MCI", "1999-12-31", REP_ENODATA,
			    "KZ.MCI has no value for 1999-12-31 (covers 2000-01-01..2026-12-31)");
	expect_lookup_error(f, "KZ.MCI", "2027-01-01", REP_ENODATA,
			    "KZ.MCI has no value for 2027-01-01 (covers 2000-01-01..2026-12-31)");
	/* the research leaves the 2023 average wage unfixed: no value, not a guess */
	expect_lookup_error(f, "KZ.AVG_WAGE", "2023-06-01", REP_ENODATA,
			    "KZ.AVG_WAGE has no value for 2023-06-01 (covers 2000-01-01..2022-12-31)");
	expect_lookup_error(f, "ECB.MLF", "2008-11-11", REP_ENODATA,
			    "ECB.MLF has no value for 2008-11-11 (covers 2008-11-12..2026-02-28)");
	expect_lookup_error(f, "KZ.NOPE", "2020-01-01", REP_ENOTFOUND, "unknown reference series \"KZ.NOPE\"");
	mpq_t v;
	mpq_init(v);
	assert_int_equal(rep_series_lookup(&f->ctx, "KZ.MCI", REP_DATE_NONE, v, NULL, &f->err), REP_EINVAL);
	assert_int_equal(rep_series_lookup(NULL, "KZ.MCI", 0, v, NULL, &f->err), REP_EUSAGE);
	mpq_clear(v);
}

static const char mci_2027[] = "# id: KZ.MCI\n"
			       "# until: 2027-12-31\n"
			       "# a free comment: ignored\n"
			       "from,value,confidence,source\n"
			       "2026-01-01,4400,secondary,\"a draft, with a comma\"\n"
			       "2027-01-01,4600,unverified,budget bill 2027-29\n";

static void t_csv_replace_and_extend(void **state)
{
	fixture *f = *state;
	expect_load_ok(f, mci_2027, "csv");
	check_value(f, "KZ.MCI", "2025-12-31", "3932");
	check_value(f, "KZ.MCI", "2026-06-01", "4400");
	check_value(f, "KZ.MCI", "2027-12-31", "4600");
	check_value(f, "KZ.MCI", "2020-04-01", "2778");
	rep_series_info info;
	assert_int_equal(rep_series_find(&f->ctx, "KZ.MCI", &info), REP_OK);
	assert_int_equal(info.user_loaded, 1);
	assert_int_equal(info.until, D("2027-12-31"));
	assert_int_equal(info.n_points, 31); /* 29 built-in points before 2026, then 2 */
	assert_string_equal(info.name, "Monthly calculation index (МРП / MCI)");
	assert_string_equal(info.unit, "KZT");
	rep_series_point pt;
	assert_int_equal(rep_series_point_at(&f->ctx, "KZ.MCI", 29, &pt), REP_OK);
	assert_string_equal(pt.source, "a draft, with a comma");
	assert_string_equal(pt.confidence, "secondary");
	expect_lookup_error(f, "KZ.MCI", "2028-01-01", REP_ENODATA,
			    "KZ.MCI has no value for 2028-01-01 (covers 2000-01-01..2027-12-31)");
	assert_int_equal(rep_series_count(&f->ctx), 16);
}

static void t_csv_replace_inside(void **state)
{
	fixture *f = *state;
	/* a replacement that ends mid-year: the built-in value resumes the next day */
	expect_load_ok(f,
		       "\xef\xbb\xbf# id: KZ.MCI\r\n# until: 2020-02-15\r\n\r\nfrom,value,confidence,source\r\n"
		       "2019-07-01,2600,verified,\"court record \"\"A\"\"\"\r\n",
		       "csv");
	check_value(f, "KZ.MCI", "2019-06-30", "2525");
	check_value(f, "KZ.MCI", "2019-07-01", "2600");
	check_value(f, "KZ.MCI", "2020-02-15", "2600");
	check_value(f, "KZ.MCI", "2020-02-16", "2651");
	check_value(f, "KZ.MCI", "2020-04-01", "2778");
	mpq_t v;
	mpq_init(v);
	rep_series_point pt;
	assert_int_equal(rep_series_lookup(&f->ctx, "KZ.MCI", D("2019-08-01"), v, &pt, NULL), REP_OK);
	assert_string_equal(pt.source, "court record \"A\"");
	assert_int_equal(rep_series_lookup(&f->ctx, "KZ.MCI", D("2020-03-01"), v, &pt, NULL), REP_OK);
	assert_int_equal(pt.from, D("2020-02-16"));
	assert_string_equal(pt.confidence, "verified"); /* the built-in 2020 January mark travels on */
	rep_series_info info;
	assert_int_equal(rep_series_find(&f->ctx, "KZ.MCI", &info), REP_OK);
	assert_int_equal(info.until, D("2026-12-31"));
	/* and a second load goes over the first */
	expect_load_ok(f, "# id: KZ.MCI\n# until: 1999-12-31\nfrom,value,confidence,source\n1999-01-01,700,unverified,x\n",
		       "csv");
	check_value(f, "KZ.MCI", "1999-05-01", "700");
	check_value(f, "KZ.MCI", "2000-01-01", "725");
	check_value(f, "KZ.MCI", "2019-07-01", "2600");
	mpq_clear(v);
}

static void t_json_load(void **state)
{
	fixture *f = *state;
	expect_load_ok(f,
		       "{\"id\": \"XX.TEST\", \"name\": \"A test series\", \"unit\": \"EUR\", \"until\": \"2030-12-31\","
		       " \"description\": \"for the tests\", \"points\": ["
		       "{\"from\": \"2020-01-01\", \"value\": \"10.50\", \"confidence\": \"verified\", \"source\": \"s1\"},"
		       "{\"from\": \"2025-01-01\", \"value\": 3.45e3, \"confidence\": \"secondary\", \"source\": \"s2\"}]}",
		       "json");
	check_value(f, "XX.TEST", "2024-12-31", "10.50");
	check_value(f, "XX.TEST", "2030-12-31", "3450");
	rep_series_info info;
	assert_int_equal(rep_series_find(&f->ctx, "XX.TEST", &info), REP_OK);
	assert_string_equal(info.name, "A test series");
	assert_string_equal(info.description, "for the tests");
	assert_int_equal(info.user_loaded, 1);
	assert_int_equal(rep_series_count(&f->ctx), 17);
	/* still sorted: the new id went to its place */
	assert_int_equal(rep_series_at(&f->ctx, 16, &info), REP_OK);
	assert_string_equal(info.id, "XX.TEST");
	/* an array of series, one replacing built-in data, one new */
	expect_load_ok(f,
		       "[{\"id\": \"KZ.MZP\", \"until\": \"2027-12-31\", \"points\": ["
		       "{\"from\": \"2027-01-01\", \"value\": \"90000\", \"confidence\": \"unverified\", \"source\": \"draft\"}]},"
		       " {\"id\": \"AA.FIRST\", \"unit\": \"percent\", \"until\": \"2001-12-31\", \"points\": ["
		       "{\"from\": \"2001-01-01\", \"value\": \"-0.5\", \"confidence\": \"verified\", \"source\": \"x\"}]}]",
		       "json");
	check_value(f, "KZ.MZP", "2026-12-31", "85000");
	check_value(f, "KZ.MZP", "2027-06-01", "90000");
	check_value(f, "AA.FIRST", "2001-06-01", "-0.5");
	assert_int_equal(rep_series_at(&f->ctx, 0, &info), REP_OK);
	assert_string_equal(info.id, "AA.FIRST");
	assert_string_equal(info.name, "AA.FIRST"); /* no name given: the id stands in */
	assert_int_equal(rep_series_count(&f->ctx), 18);
}

static void t_csv_errors(void **state)
{
	fixture *f = *state;
	static const char head[] = "# id: KZ.MCI\n# until: 2027-12-31\nfrom,value,confidence,source\n";
	static const struct {
		const char *rows; /* after head; line 4 on */
		rep_status status;
		const char *message;
	} t[] = {
		{"2023-02-30,1,verified,x\n", REP_ERANGE, "line 4: 2023-02-30 is not a valid date"},
		{"2023-2-3,1,verified,x\n", REP_ESYNTAX, "line 4: \"2023-2-3\" is not a valid date"},
		{"2027-01-01,abc,verified,x\n", REP_ESYNTAX, "line 4: \"abc\" is not a decimal number"},
		{"2027-01-01,1 000,verified,x\n", REP_ESYNTAX, "line 4: \"1 000\" is not a decimal number"},
		{"2027-01-01,1,5,verified,x\n", REP_EINVAL, "line 4: more than 4 fields (quote a source that contains commas)"},
		{"2027-01-01,1,verified\n", REP_EINVAL, "line 4: expected 4 fields (from,value,confidence,source), got 3"},
		{"2027-01-01,1,sure,x\n", REP_EINVAL,
		 "line 4: confidence \"sure\" is not one of verified, secondary, unverified"},
		{"2027-01-01,1,verified,\n", REP_EINVAL, "line 4: empty source: every figure needs one"},
		{"2027-01-01,1,verified,x\n2026-01-01,2,verified,x\n", REP_EINVAL,
		 "line 5: 2026-01-01 is not after the previous point 2027-01-01 (dates must increase)"},
		{"2027-01-01,1,verified,x\n2027-01-01,2,verified,x\n", REP_EINVAL,
		 "line 5: 2027-01-01 is not after the previous point 2027-01-01 (dates must increase)"},
		{"2027-01-01,1,verified,\"open\n", REP_ESYNTAX, "line 4: unterminated quoted field"},
		{"2027-01-01,1,verified,\"a\"b\n", REP_ESYNTAX,
		 "line 4: a quoted field must be followed by a comma or the end of the line"},
		{"2027-01-01,1,verified,a\"b\n", REP_ESYNTAX,
		 "line 4: a quote inside an unquoted field (quote the whole field and double the quote)"},
		{"2027-01-01,1,verified,\xff\n", REP_ESYNTAX, "line 4: invalid UTF-8"},
		{"2027-01-01,1,verified,a\x01\n", REP_ESYNTAX, "line 4: control character in line"},
		{"2028-01-01,1,verified,x\n", REP_EINVAL, "line 2: KZ.MCI: until 2027-12-31 is before the last point 2028-01-01"},
		{"2028-01-01,1,verified,x\n# a late comment\n", REP_EINVAL,
		 "line 2: KZ.MCI: until 2027-12-31 is before the last point 2028-01-01"},
		{"", REP_EINVAL, "line 1: KZ.MCI: no points"},
	};
	char buf[512];
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		snprintf(buf, sizeof buf, "%s%s", head, t[i].rows);
		expect_load_error(f, buf, "csv", t[i].status, t[i].message);
	}
	static const struct {
		const char *text;
		rep_status status;
		const char *message;
	} w[] = {
		{"from,value,confidence,source\n2020-01-01,1,verified,x\n", REP_EINVAL,
		 "line 2: a data row before the \"# id: ...\" line"},
		{"# id: KZ.MCI\n# until: 2027-12-31\n2027-01-01,1,verified,x\n", REP_ESYNTAX,
		 "line 3: expected the header line from,value,confidence,source"},
		{"# id: KZ.MCI\n# until: 2027-12-31\n", REP_ESYNTAX, "no header line from,value,confidence,source"},
		{"", REP_ESYNTAX, "no header line from,value,confidence,source"},
		{"# id: KZ.MCI\nfrom,value,confidence,source\n2027-01-01,1,verified,x\n", REP_EINVAL,
		 "line 1: KZ.MCI: missing \"until\" (the last date the series covers)"},
		{"# id: KZ.MCI\n# until: 2027-13-01\n", REP_ERANGE, "line 2: 2027-13-01 is not a valid date"},
		{"# id: KZ.MCI\n# id: KZ.MZP\n", REP_EINVAL, "line 2: \"id\" given twice"},
		{"# id: KZ MCI\n", REP_EINVAL, "line 1: series id \"KZ MCI\" must be 1-64 letters, digits, '.', '_' or '-'"},
		{"# id: FX.EURKZT\n", REP_EINVAL, "line 1: exchange-rate series id \"FX.EURKZT\" must be FX.AAA_BBB"},
		{"# id: FX.EUR_KZT\n# until: 2027-12-31\nfrom,value,confidence,source\n2027-01-01,-1,verified,x\n",
		 REP_EINVAL, "line 4: an exchange rate must be positive, got -1"},
		{"# id: KZ.MCI\n# unit: USD\n# until: 2027-12-31\nfrom,value,confidence,source\n2027-01-01,1,verified,x\n",
		 REP_EINVAL, "line 2: KZ.MCI: unit \"USD\" differs from the existing unit \"KZT\""},
		/* a loaded series must join the existing data without a hole */
		{"# id: KZ.MCI\n# until: 2030-12-31\nfrom,value,confidence,source\n2028-01-01,5000,unverified,x\n",
		 REP_EINVAL,
		 "line 4: KZ.MCI: the loaded points start on 2028-01-01, leaving a gap after the existing data, which ends "
		 "2026-12-31"},
		{"# id: KZ.MCI\n# until: 1998-12-31\nfrom,value,confidence,source\n1998-01-01,600,unverified,x\n",
		 REP_EINVAL,
		 "line 2: KZ.MCI: the loaded data ends 1998-12-31, leaving a gap before the existing data, which starts "
		 "2000-01-01"},
		{"# id: XX.NEW\n# until: 2027-12-31\nfrom,value,confidence,source\n2027-01-01,1,verified,x\n", REP_EINVAL,
		 "line 1: XX.NEW: a new series needs a unit"},
	};
	for (size_t i = 0; i < sizeof w / sizeof *w; i++)
		expect_load_error(f, w[i].text, "csv", w[i].status, w[i].message);
	expect_load_error(f, "", "xml", REP_EINVAL, "unknown series format \"xml\" (expected csv or json)");
	/* nothing above touched the built-in data */
	check_value(f, "KZ.MCI", "2026-06-01", "4325");
	rep_series_info info;
	assert_int_equal(rep_series_find(&f->ctx, "KZ.MCI", &info), REP_OK);
	assert_int_equal(info.user_loaded, 0);
}

static void t_json_errors(void **state)
{
	fixture *f = *state;
#define PT(from, value, conf) "{\"from\": \"" from "\", \"value\": " value ", \"confidence\": \"" conf "\", \"source\": \"s\"}"
	static const struct {
		const char *text;
		rep_status status;
		const char *message;
	} t[] = {
		{"{\"id\": \"KZ.MCI\", \"until\": \"2027-12-31\", \"points\": [" PT("2027-01-01", "\"1\"", "verified") ","
		 PT("2027-06-01", "\"abc\"", "verified") "]}",
		 REP_ESYNTAX, "points[1].value: \"abc\" is not a decimal number"},
		{"{\"id\": \"KZ.MCI\", \"until\": \"2027-12-31\", \"points\": [" PT("2027-01-01", "\"1\"", "verified") ","
		 PT("2026-06-01", "\"2\"", "verified") "]}",
		 REP_EINVAL, "points[1].from: 2026-06-01 is not after the previous point 2027-01-01 (dates must increase)"},
		{"{\"id\": \"KZ.MCI\", \"until\": \"2027-12-31\", \"points\": [" PT("2027-01-01", "\"1\"", "maybe") "]}",
		 REP_EINVAL, "points[0].confidence: confidence \"maybe\" is not one of verified, secondary, unverified"},
		{"{\"id\": \"KZ.MCI\", \"until\": \"2027-12-31\", \"points\": [" PT("2027-02-30", "\"1\"", "verified") "]}",
		 REP_ERANGE, "points[0].from: 2027-02-30 is not a valid date"},
		{"{\"id\": \"KZ.MCI\", \"until\": \"2027-12-31\", \"points\": [{\"from\": \"2027-01-01\", \"value\": 1,"
		 " \"confidence\": \"verified\", \"sorce\": \"s\"}]}",
		 REP_EINVAL, "points[0].sorce: unknown key (expected one of: from, value, confidence, source)"},
		{"{\"id\": \"KZ.MCI\", \"until\": \"2027-12-31\", \"points\": [{\"from\": \"2027-01-01\", \"value\": 1,"
		 " \"confidence\": \"verified\"}]}",
		 REP_EINVAL, "points[0]: missing \"source\""},
		{"{\"id\": \"KZ.MCI\", \"points\": [" PT("2027-01-01", "1", "verified") "]}", REP_EINVAL,
		 "KZ.MCI: missing \"until\" (the last date the series covers)"},
		{"{\"id\": \"KZ.MCI\", \"until\": \"2027-12-31\", \"points\": []}", REP_EINVAL, "points: KZ.MCI: no points"},
		{"{\"until\": \"2027-12-31\"}", REP_EINVAL, "missing \"id\""},
		{"{\"id\": 7}", REP_EINVAL, "id: expected a string, got a number"},
		{"{\"id\": \"KZ.MCI\", \"colour\": 1}", REP_EINVAL,
		 "colour: unknown key (expected one of: id, name, unit, until, description, points)"},
		{"[{\"id\": \"AA.ONE\", \"unit\": \"x\", \"until\": \"2020-12-31\", \"points\": [" PT("2020-01-01", "1",
												     "verified") "]},"
		 " {\"id\": \"AA.ONE\", \"unit\": \"x\", \"until\": \"2020-12-31\", \"points\": [" PT("2020-01-01", "1",
												       "verified") "]}]",
		 REP_EINVAL, "[1]: series AA.ONE appears twice in one file"},
		/* the second series fails, so the first is not loaded either */
		{"[{\"id\": \"AA.ONE\", \"unit\": \"x\", \"until\": \"2020-12-31\", \"points\": [" PT("2020-01-01", "1",
												     "verified") "]},"
		 " {\"id\": \"KZ.MCI\", \"until\": \"2040-12-31\", \"points\": [" PT("2040-01-01", "1", "verified") "]}]",
		 REP_EINVAL,
		 "[1].points[0].from: KZ.MCI: the loaded points start on 2040-01-01, leaving a gap after the existing "
		 "data, which ends 2026-12-31"},
		{"{\"id\": \"FX.EUR_KZT\", \"until\": \"2027-12-31\", \"points\": [" PT("2027-01-01", "0", "verified") "]}",
		 REP_EINVAL, "points[0].value: an exchange rate must be positive, got 0"},
		{"[]", REP_EINVAL, "an empty array: no series to load"},
		{"[7]", REP_EINVAL, "[0]: expected an object, got a number"},
	};
#undef PT
	for (size_t i = 0; i < sizeof t / sizeof *t; i++)
		expect_load_error(f, t[i].text, "json", t[i].status, t[i].message);
	assert_int_equal(load(f, "{\"id\": ", "json"), REP_ESYNTAX);
	assert_int_equal(load(f, "{\"id\": \"A\", \"id\": \"B\"}", "json"), REP_EINVAL);
	assert_string_equal(f->err.message, "id: duplicate key (each key may appear once in an object)");
	rep_series_info info;
	assert_int_equal(rep_series_find(&f->ctx, "AA.ONE", &info), REP_ENOTFOUND);
}

static void t_point_limit(void **state)
{
	fixture *f = *state;
	size_t n = 100001, cap = 100 + n * 40;
	char *text = malloc(cap);
	assert_non_null(text);
	size_t len = (size_t)snprintf(text, cap, "# id: XX.BIG\n# unit: x\n# until: 2199-12-31\nfrom,value,confidence,source\n");
	for (size_t i = 0; i < n; i++) {
		char d[REP_DATE_TEXT_SIZE];
		rep_date_format(D("1920-01-01") + (rep_date)i, d);
		len += (size_t)snprintf(text + len, cap - len, "%s,%zu,verified,s\n", d, i);
	}
	assert_int_equal(rep_context_load_series(&f->ctx, text, len, "csv", &f->err), REP_ELIMIT);
	assert_string_equal(f->err.message, "line 100005: more than 100000 points in one file");
	/* one point fewer is fine */
	char *last = text + len - 1;
	while (last[-1] != '\n')
		last--;
	assert_int_equal(rep_context_load_series(&f->ctx, text, (size_t)(last - text), "csv", &f->err), REP_OK);
	rep_series_info info;
	assert_int_equal(rep_series_find(&f->ctx, "XX.BIG", &info), REP_OK);
	assert_int_equal(info.n_points, 100000);
	free(text);
}

/* rate == the exact quotient a/b of two decimals */
static void expect_rate(fixture *f, const char *from, const char *to, const char *date, const char *a, const char *b,
			rep_series_point *pt)
{
	mpq_t r, x, y;
	mpq_inits(r, x, y, NULL);
	rep_status st = rep_fx_lookup(&f->ctx, from, to, D(date), r, pt, &f->err);
	if (st != REP_OK)
		fail_msg("%s/%s on %s: %s", from, to, date, f->err.message);
	assert_int_equal(rep_dec_parse(x, a, NULL), REP_OK);
	assert_int_equal(rep_dec_parse(y, b, NULL), REP_OK);
	mpq_div(x, x, y);
	if (!mpq_equal(r, x)) {
		char *got = rep_dec_to_string(r), *want = rep_dec_to_string(x);
		fail_msg("%s/%s on %s: got %s, want %s", from, to, date, got, want);
	}
	mpq_clears(r, x, y, NULL);
}

static void expect_no_rate(fixture *f, const char *from, const char *to, const char *date, rep_status want,
			   const char *msg)
{
	mpq_t r;
	mpq_init(r);
	rep_error_clear(&f->err);
	assert_int_equal(rep_fx_lookup(&f->ctx, from, to, D(date), r, NULL, &f->err), want);
	assert_string_equal(f->err.message, msg);
	mpq_clear(r);
}

static void t_fx_builtin(void **state)
{
	fixture *f = *state;
	rep_series_point pt;
	/* derived: ECB 2024 average EUR/USD 1.0824 x World Bank 2024 average USD/KZT 469.0 = 507.6456 -> 507.65 */
	expect_rate(f, "EUR", "KZT", "2024-06-01", "507.65", "1", &pt);
	assert_string_equal(pt.value, "507.65");
	assert_int_equal(pt.from, D("2024-01-01"));
	assert_string_equal(pt.confidence, "secondary");
	assert_true(strstr(pt.source, "ECB annual average EUR/USD 1.0824") != NULL);
	/* inverse: 1 / 507.65, exactly; the point is the stored one, with its source */
	expect_rate(f, "KZT", "EUR", "2024-06-01", "1", "507.65", &pt);
	assert_string_equal(pt.value, "507.65");
	/* cross via USD: GBP -> USD (1.2786, ECB cross average) -> KZT (469.0): 1.2786 x 469.0 = 599.6634 */
	expect_rate(f, "GBP", "KZT", "2024-06-01", "599.6634", "1", &pt);
	assert_true(strncmp(pt.source, "cross rate via USD", 18) == 0);
	assert_string_equal(pt.value, "");
	assert_int_equal(pt.from, D("2024-01-01"));
	assert_string_equal(pt.confidence, "secondary");
	/* GBP -> EUR is the inverse of the ECB's own series: 1 / 0.84662 */
	expect_rate(f, "GBP", "EUR", "2024-06-01", "1", "0.84662", &pt);
	assert_string_equal(pt.confidence, "verified");
	expect_rate(f, "KZT", "GBP", "2024-06-01", "1", "599.6634", &pt);
	expect_rate(f, "KZT", "KZT", "2024-06-01", "1", "1", &pt);
	assert_string_equal(pt.value, "1");
	/* every currency a built-in scheme pays in reaches EUR on a 2024 date:
	 * USD, GBP, JPY, CAD, NZD, KZT directly (ECB series and the derived EUR/KZT),
	 * UZS through USD: 1 / 12652.3 USD x 1 / 1.0824 EUR = 1 / 13694.84952 */
	expect_rate(f, "JPY", "EUR", "2024-06-01", "1", "163.85", &pt);
	expect_rate(f, "CAD", "EUR", "2024-06-01", "1", "1.4821", &pt);
	expect_rate(f, "NZD", "EUR", "2024-06-01", "1", "1.7880", &pt);
	expect_rate(f, "USD", "EUR", "2024-06-01", "1", "1.0824", &pt);
	expect_rate(f, "UZS", "EUR", "2024-06-01", "1", "13694.84952", &pt);
	/* the KZT series stops at the National Bank's rate for 20 Feb 2026 */
	expect_no_rate(f, "EUR", "KZT", "2026-03-01", REP_ENODATA, "no exchange rate EUR/KZT for 2026-03-01");
	expect_no_rate(f, "CHF", "KZT", "2024-06-01", REP_ENODATA, "no exchange rate CHF/KZT for 2024-06-01");
	expect_no_rate(f, "eur", "KZT", "2024-06-01", REP_EINVAL,
		       "\"eur\" is not a currency code (three capital letters, ISO 4217)");
	/* a loaded FX series takes part like a built-in one: 0.0066 x 469.0 = 3.0954 */
	expect_load_ok(f, "# id: FX.CHF_USD\n# unit: USD per CHF\n# until: 2024-12-31\nfrom,value,confidence,source\n"
			  "2024-01-01,0.0066,unverified,approximate\n",
		       "csv");
	expect_rate(f, "CHF", "KZT", "2024-06-01", "3.0954", "1", &pt);
}

/* The built-in exchange rates, point by point where the method matters. */
static void t_fx_series_points(void **state)
{
	fixture *f = *state;
	/* ECB annual averages (mean of the daily reference rates): 2023 and 2024 EUR/USD are the ECB's
	 * published 1.0813 and 1.0824 */
	check_value(f, "FX.EUR_USD", "2023-07-01", "1.0813");
	check_value(f, "FX.EUR_USD", "2024-12-31", "1.0824");
	check_value(f, "FX.EUR_GBP", "2024-03-01", "0.84662");
	check_value(f, "FX.EUR_JPY", "2025-06-30", "169.04");
	/* from 2026 one point per month: the March 2026 average */
	check_value(f, "FX.EUR_NZD", "2026-03-31", "1.9762");
	check_value(f, "FX.EUR_CAD", "2026-02-15", "1.6140");
	/* World Bank annual averages of the official rates */
	check_value(f, "FX.USD_KZT", "2022-01-01", "460.2");
	check_value(f, "FX.USD_UZS", "2024-06-01", "12652.3");
	check_value(f, "FX.USD_UZS", "2025-05-26", "12939.93"); /* one exchange trading day, 2025 */
	/* National Bank of Kazakhstan official rates of single days in 2026 */
	check_value(f, "FX.USD_KZT", "2026-01-13", "509.84");
	check_value(f, "FX.USD_KZT", "2026-02-20", "489.17");
	mpq_t v;
	mpq_init(v);
	rep_series_point pt;
	assert_int_equal(rep_series_lookup(&f->ctx, "FX.USD_KZT", D("2025-06-01"), v, &pt, &f->err), REP_OK);
	assert_string_equal(pt.confidence, "unverified"); /* no published 2025 average was found */
	assert_int_equal(rep_series_lookup(&f->ctx, "FX.EUR_USD", D("2026-03-01"), v, &pt, &f->err), REP_OK);
	assert_string_equal(pt.confidence, "verified");
	assert_non_null(strstr(pt.source, "mean of the 22 daily USD rates of month 2026-03"));
	mpq_clear(v);
	expect_lookup_error(f, "FX.EUR_USD", "2026-04-01", REP_ENODATA,
			    "FX.EUR_USD has no value for 2026-04-01 (covers 2015-01-01..2026-03-31)");
}

static void t_fx_user(void **state)
{
	fixture *f = *state;
	rep_series_point pt;
	assert_int_equal(rep_context_set_fx(&f->ctx, "EUR/KZT", "500", REP_DATE_NONE, NULL, &f->err), REP_OK);
	expect_rate(f, "EUR", "KZT", "2024-06-01", "500", "1", &pt);
	assert_string_equal(pt.source, "user-supplied");
	assert_string_equal(pt.confidence, "unverified");
	assert_int_equal(pt.from, D("2024-06-01")); /* an undated rate is in force on the date asked */
	/* a rate without a date applies where built-in data has none */
	expect_rate(f, "EUR", "KZT", "2026-03-01", "500", "1", &pt);
	assert_int_equal(rep_context_set_fx(&f->ctx, "EUR/KZT", "520.5", D("2025-01-01"), "court order", &f->err), REP_OK);
	expect_rate(f, "EUR", "KZT", "2024-12-31", "500", "1", &pt);
	expect_rate(f, "EUR", "KZT", "2025-01-01", "520.5", "1", &pt);
	assert_string_equal(pt.source, "court order");
	assert_string_equal(pt.value, "520.5");
	assert_int_equal(pt.from, D("2025-01-01"));
	/* the user's rate also answers the reverse pair, before any built-in series */
	expect_rate(f, "KZT", "EUR", "2025-03-01", "1", "520.5", &pt);
	assert_string_equal(pt.source, "court order");
	assert_string_equal(pt.value, "520.5");
	/* setting the same pair and date again corrects it */
	assert_int_equal(rep_context_set_fx(&f->ctx, "EUR/KZT", "521", D("2025-01-01"), NULL, &f->err), REP_OK);
	expect_rate(f, "EUR", "KZT", "2025-03-01", "521", "1", &pt);
	assert_int_equal(f->ctx.n_fx, 2);
	/* user legs combine in a cross rate: GBP -> USD (user 1.25) -> KZT (built-in 469.0): 586.25 */
	assert_int_equal(rep_context_set_fx(&f->ctx, "GBP/USD", "1.25", REP_DATE_NONE, "bank", &f->err), REP_OK);
	expect_rate(f, "GBP", "KZT", "2024-06-01", "586.25", "1", &pt);
	static const struct {
		const char *pair, *rate;
		rep_date from;
		rep_status status;
		const char *message;
	} bad[] = {
		{"EURKZT", "1", REP_DATE_NONE, REP_EINVAL, "currency pair \"EURKZT\" is not of the form EUR/KZT"},
		{"eur/KZT", "1", REP_DATE_NONE, REP_EINVAL, "currency pair \"eur/KZT\" is not of the form EUR/KZT"},
		{"EUR/EUR", "1", REP_DATE_NONE, REP_EINVAL, "currency pair EUR/EUR names one currency twice"},
		{"EUR/KZT", "-1", REP_DATE_NONE, REP_EINVAL, "EUR/KZT: an exchange rate must be positive, got -1"},
		{"EUR/KZT", "0", REP_DATE_NONE, REP_EINVAL, "EUR/KZT: an exchange rate must be positive, got 0"},
		{"EUR/KZT", "5,2", REP_DATE_NONE, REP_ESYNTAX, "EUR/KZT: \"5,2\" is not a decimal number"},
		{"EUR/KZT", "1", REP_DATE_MAX + 1, REP_EINVAL, "EUR/KZT: the date is outside 1900-01-01..2199-12-31"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		rep_error_clear(&f->err);
		assert_int_equal(rep_context_set_fx(&f->ctx, bad[i].pair, bad[i].rate, bad[i].from, NULL, &f->err),
				 bad[i].status);
		assert_string_equal(f->err.message, bad[i].message);
	}
	assert_int_equal(f->ctx.n_fx, 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(t_builtin_table, setup, teardown),
		cmocka_unit_test_setup_teardown(t_mci_mid_year_changes, setup, teardown),
		cmocka_unit_test_setup_teardown(t_mci_recent_years, setup, teardown),
		cmocka_unit_test_setup_teardown(t_lookup_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(t_csv_replace_and_extend, setup, teardown),
		cmocka_unit_test_setup_teardown(t_csv_replace_inside, setup, teardown),
		cmocka_unit_test_setup_teardown(t_json_load, setup, teardown),
		cmocka_unit_test_setup_teardown(t_csv_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(t_json_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(t_point_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(t_fx_builtin, setup, teardown),
		cmocka_unit_test_setup_teardown(t_fx_series_points, setup, teardown),
		cmocka_unit_test_setup_teardown(t_fx_user, setup, teardown),
	};
	return cmocka_run_group_tests_name("refdata", tests, NULL, NULL);
}
