/* Unit tests for the calendar: validity, day numbers, strict parsing,
 * day counts, months-and-days, month arithmetic and year fractions.
 * Expected day numbers were cross-checked with python3's datetime
 * ((date(y, m, d) - date(1970, 1, 1)).days); the arithmetic for the rest
 * is in the comments. */
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "reparations/dates.h"

static rep_date D(const char *s)
{
	rep_date d = REP_DATE_NONE;
	rep_error err;
	rep_error_clear(&err);
	if (rep_date_parse(&d, s, &err) != REP_OK)
		fail_msg("test date %s: %s", s, err.message);
	return d;
}

static void t_leap_years(void **state)
{
	(void)state;
	static const struct {
		int year;
		bool leap;
	} t[] = {
		{1900, false}, /* divisible by 100, not by 400 */
		{1904, true},  {1970, false}, {1996, true}, {1999, false},
		{2000, true},  /* divisible by 400 */
		{2023, false}, {2024, true},
		{2100, false}, {2104, true}, {2199, false},
		{1600, true},  {1700, false}, {2400, true},
		{0, true},     {-4, true},    {-100, false}, {-400, true}, /* proleptic */
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		assert_int_equal(rep_is_leap_year(t[i].year), t[i].leap);
}

static void t_days_in_month(void **state)
{
	(void)state;
	static const int common[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	for (int m = 1; m <= 12; m++) {
		assert_int_equal(rep_days_in_month(2023, m), common[m - 1]);
		assert_int_equal(rep_days_in_month(2024, m), m == 2 ? 29 : common[m - 1]);
	}
	assert_int_equal(rep_days_in_month(1900, 2), 28);
	assert_int_equal(rep_days_in_month(2000, 2), 29);
	assert_int_equal(rep_days_in_month(2100, 2), 28);
	assert_int_equal(rep_days_in_month(2024, 0), 0);
	assert_int_equal(rep_days_in_month(2024, 13), 0);
	assert_int_equal(rep_days_in_month(2024, -1), 0);
	assert_int_equal(rep_days_in_month(2024, INT_MIN), 0);
	assert_int_equal(rep_days_in_month(2024, INT_MAX), 0);
}

static void t_from_ymd_validity(void **state)
{
	(void)state;
	static const struct {
		int y, m, d;
		rep_status st;
		rep_date day; /* python3 datetime */
	} t[] = {
		{1970, 1, 1, REP_OK, 0},
		{1900, 1, 1, REP_OK, REP_DATE_MIN}, /* -25567 */
		{2199, 12, 31, REP_OK, REP_DATE_MAX}, /* 84005 */
		{2000, 1, 1, REP_OK, 10957},
		{1966, 8, 18, REP_OK, -1232},
		{2014, 3, 27, REP_OK, 16156},
		{1900, 2, 28, REP_OK, -25509}, /* -25567 + 31 + 27 */
		{1900, 2, 29, REP_ERANGE, 0},
		{1900, 3, 1, REP_OK, -25508},
		{2000, 2, 29, REP_OK, 11016},
		{2024, 2, 29, REP_OK, 19782},
		{2100, 2, 29, REP_ERANGE, 0},
		{2023, 2, 29, REP_ERANGE, 0},
		{1899, 12, 31, REP_ERANGE, 0},
		{2200, 1, 1, REP_ERANGE, 0},
		{2023, 0, 1, REP_ERANGE, 0},
		{2023, 13, 1, REP_ERANGE, 0},
		{2023, 1, 0, REP_ERANGE, 0},
		{2023, 1, 32, REP_ERANGE, 0},
		{2023, 4, 31, REP_ERANGE, 0},
		{2023, -1, 1, REP_ERANGE, 0},
		{2023, 1, -1, REP_ERANGE, 0},
		{INT_MIN, 1, 1, REP_ERANGE, 0},
		{INT_MAX, 1, 1, REP_ERANGE, 0},
		{2023, INT_MAX, INT_MAX, REP_ERANGE, 0},
		{2023, INT_MIN, INT_MIN, REP_ERANGE, 0},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		rep_date d = 12345;
		assert_int_equal(rep_date_from_ymd(&d, t[i].y, t[i].m, t[i].d), t[i].st);
		assert_int_equal(d, t[i].st == REP_OK ? t[i].day : 12345); /* untouched on failure */
	}
	assert_int_equal(rep_date_from_ymd(NULL, 2000, 1, 1), REP_EUSAGE);
}

/* Every day of the range, walked with an independent y-m-d counter, so
 * that Hinnant's algorithms are checked against plain calendar stepping
 * (anchored at 1900-01-01 = -25567) rather than against themselves. */
static void t_round_trip_all_days(void **state)
{
	(void)state;
	int y = 1900, m = 1, dd = 1;
	for (int32_t d = REP_DATE_MIN; d <= REP_DATE_MAX; d++) {
		int ty, tm, td;
		rep_date_to_ymd(d, &ty, &tm, &td);
		if (ty != y || tm != m || td != dd)
			fail_msg("day %ld: got %d-%d-%d, want %d-%d-%d", (long)d, ty, tm, td, y, m, dd);
		rep_date back = REP_DATE_NONE;
		assert_int_equal(rep_date_from_ymd(&back, y, m, dd), REP_OK);
		assert_int_equal(back, d);

		char want[48], buf[REP_DATE_TEXT_SIZE];
		snprintf(want, sizeof want, "%04d-%02d-%02d", y, m, dd);
		rep_date_format(d, buf);
		assert_string_equal(buf, want);
		back = REP_DATE_NONE;
		assert_int_equal(rep_date_parse(&back, buf, NULL), REP_OK);
		assert_int_equal(back, d);

		if (++dd > rep_days_in_month(y, m)) {
			dd = 1;
			if (++m > 12) {
				m = 1;
				y++;
			}
		}
	}
	/* the walk ended exactly one day past the range */
	assert_int_equal(y, 2200);
	assert_int_equal(m, 1);
	assert_int_equal(dd, 1);
}

/* Outside the range the functions still answer and never crash. */
static void t_format_outside_range(void **state)
{
	(void)state;
	char buf[REP_DATE_TEXT_SIZE];
	rep_date_format(REP_DATE_MIN - 1, buf);
	assert_string_equal(buf, "1899-12-31");
	rep_date_format(REP_DATE_MAX + 1, buf);
	assert_string_equal(buf, "2200-01-01");
	rep_date_format(-719162, buf); /* python: date(1, 1, 1) */
	assert_string_equal(buf, "0001-01-01");
	rep_date_format(-719162 - 366, buf); /* year 0 is a proleptic leap year */
	assert_string_equal(buf, "0000-01-01");
	rep_date_format(-719162 - 367, buf);
	assert_string_equal(buf, "?\?\?\?-?\?-?\?");
	rep_date_format(2932896, buf); /* python: date(9999, 12, 31) */
	assert_string_equal(buf, "9999-12-31");
	rep_date_format(2932897, buf);
	assert_string_equal(buf, "?\?\?\?-?\?-?\?");
	rep_date_format(REP_DATE_NONE, buf);
	assert_string_equal(buf, "?\?\?\?-?\?-?\?");
	rep_date_format(INT32_MAX, buf);
	assert_string_equal(buf, "?\?\?\?-?\?-?\?");

	int y = 0, m = 0, d = 0;
	rep_date_to_ymd(REP_DATE_NONE, &y, &m, &d);
	assert_true(y < 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31);
	rep_date_to_ymd(INT32_MAX, &y, &m, &d);
	assert_true(y > 9999 && m >= 1 && m <= 12 && d >= 1 && d <= 31);
	rep_date_to_ymd(0, NULL, NULL, NULL); /* all outputs optional */
}

static void t_parse_valid(void **state)
{
	(void)state;
	rep_error err;
	rep_date d = REP_DATE_NONE;
	assert_int_equal(rep_date_parse(&d, "1970-01-01", &err), REP_OK);
	assert_int_equal(d, 0);
	assert_int_equal(rep_date_parse(&d, "1900-01-01", &err), REP_OK);
	assert_int_equal(d, REP_DATE_MIN);
	assert_int_equal(rep_date_parse(&d, "2199-12-31", &err), REP_OK);
	assert_int_equal(d, REP_DATE_MAX);
	assert_int_equal(rep_date_parse(&d, "2024-02-29", &err), REP_OK);
	assert_int_equal(d, 19782);
	assert_int_equal(rep_date_parse(&d, "2000-02-29", &err), REP_OK);
	assert_int_equal(d, 11016);
	/* parse_n reads only len bytes: no NUL needed, trailing bytes ignored */
	static const char buf[12] = {'2', '0', '2', '4', '-', '0', '2', '-', '2', '9', 'X', 'Y'};
	d = REP_DATE_NONE;
	assert_int_equal(rep_date_parse_n(&d, buf, 10, &err), REP_OK);
	assert_int_equal(d, 19782);
}

static void t_parse_rejections(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		size_t len; /* 0: strlen */
		rep_status st;
		const char *msg;
	} t[] = {
		/* shape: exactly 10 bytes, digits at 0-3, 5-6, 8-9, '-' at 4 and 7 */
		{"2023-2-3", 0, REP_ESYNTAX, "\"2023-2-3\" is not a valid date (expected YYYY-MM-DD, e.g. 2023-02-03)"},
		{"", 0, REP_ESYNTAX, "\"\" is not a valid date (expected YYYY-MM-DD, e.g. 2022-01-06)"},
		{"2023-02-3", 0, REP_ESYNTAX, "\"2023-02-3\" is not a valid date (expected YYYY-MM-DD, e.g. 2023-02-03)"},
		{"2023-02-031", 0, REP_ESYNTAX, "\"2023-02-031\" is not a valid date (expected YYYY-MM-DD, e.g. 2022-01-06)"},
		{"12023-02-03", 0, REP_ESYNTAX, "\"12023-02-03\" is not a valid date (expected YYYY-MM-DD, e.g. 2022-01-06)"},
		{"2023/02/03", 0, REP_ESYNTAX, "\"2023/02/03\" is not a valid date (expected YYYY-MM-DD, e.g. 2023-02-03)"},
		{"2023-02/03", 0, REP_ESYNTAX, "\"2023-02/03\" is not a valid date (expected YYYY-MM-DD, e.g. 2022-01-06)"},
		{"20230203", 0, REP_ESYNTAX, "\"20230203\" is not a valid date (expected YYYY-MM-DD, e.g. 2022-01-06)"},
		{"2023--2-03", 0, REP_ESYNTAX, "\"2023--2-03\" is not a valid date (expected YYYY-MM-DD, e.g. 2022-01-06)"},
		{" 2023-02-03", 0, REP_ESYNTAX, "\" 2023-02-03\" is not a valid date (expected YYYY-MM-DD, e.g. 2022-01-06)"},
		{"2023-02-03 ", 0, REP_ESYNTAX, "\"2023-02-03 \" is not a valid date (expected YYYY-MM-DD, e.g. 2022-01-06)"},
		{" 023-02-03", 0, REP_ESYNTAX, "\" 023-02-03\" is not a valid date (expected YYYY-MM-DD, e.g. 2022-01-06)"},
		{"+023-02-03", 0, REP_ESYNTAX, "\"+023-02-03\" is not a valid date (expected YYYY-MM-DD, e.g. 2022-01-06)"},
		{"-023-02-03", 0, REP_ESYNTAX, "\"-023-02-03\" is not a valid date (expected YYYY-MM-DD, e.g. 2022-01-06)"},
		{"2023-0a-03", 0, REP_ESYNTAX, "\"2023-0a-03\" is not a valid date (expected YYYY-MM-DD, e.g. 2022-01-06)"},
		{"2023-02-0:", 0, REP_ESYNTAX, "\"2023-02-0:\" is not a valid date (expected YYYY-MM-DD, e.g. 2022-01-06)"}, /* ':' is '9' + 1 */
		{"2023-02-0/", 0, REP_ESYNTAX, "\"2023-02-0/\" is not a valid date (expected YYYY-MM-DD, e.g. 2022-01-06)"}, /* '/' is '0' - 1 */
		{"2023-02-03T00:00", 0, REP_ESYNTAX, "\"2023-02-03T00:00\" is not a valid date (expected YYYY-MM-DD, e.g. 2022-01-06)"},
		{"abcdefghij", 0, REP_ESYNTAX, "\"abcdefghij\" is not a valid date (expected YYYY-MM-DD, e.g. 2022-01-06)"},
		/* hostile bytes are escaped, never echoed */
		{"2023-02-03\n", 0, REP_ESYNTAX, "\"2023-02-03\\x0a\" is not a valid date (expected YYYY-MM-DD, e.g. 2022-01-06)"},
		{"2023-02-0\x01", 0, REP_ESYNTAX, "\"2023-02-0\\x01\" is not a valid date (expected YYYY-MM-DD, e.g. 2022-01-06)"},
		{"\x1b[2J023-02", 0, REP_ESYNTAX, "\"\\x1b[2J023-02\" is not a valid date (expected YYYY-MM-DD, e.g. 2022-01-06)"},
		{"2023-02-0\x7f", 0, REP_ESYNTAX, "\"2023-02-0\\x7f\" is not a valid date (expected YYYY-MM-DD, e.g. 2022-01-06)"},
		{"2023\xc3\xa9-02-03", 0, REP_ESYNTAX, "\"2023\\xc3\\xa9-02-03\" is not a valid date (expected YYYY-MM-DD, e.g. 2022-01-06)"},
		{"2023-02-0\"", 0, REP_ESYNTAX, "\"2023-02-0\\\"\" is not a valid date (expected YYYY-MM-DD, e.g. 2022-01-06)"},
		{"2023-02-0\\", 0, REP_ESYNTAX, "\"2023-02-0\\\\\" is not a valid date (expected YYYY-MM-DD, e.g. 2022-01-06)"},
		{"2023-02\0-03", 11, REP_ESYNTAX, "\"2023-02\\x00-03\" is not a valid date (expected YYYY-MM-DD, e.g. 2022-01-06)"},
		{"2023-02-03", 9, REP_ESYNTAX, "\"2023-02-0\" is not a valid date (expected YYYY-MM-DD, e.g. 2022-01-06)"},
		/* long text: the first 32 bytes, then "..." outside the quotes */
		{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 0, REP_ESYNTAX,
		 "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"... is not a valid date (expected YYYY-MM-DD, e.g. 2022-01-06)"},
		{"0123456789012345678901234567890\n\n", 0, REP_ESYNTAX,
		 "\"0123456789012345678901234567890\\x0a\"... is not a valid date (expected YYYY-MM-DD, e.g. 2022-01-06)"},
		{"01234567890123456789012345678901", 0, REP_ESYNTAX, /* exactly 32: no cut */
		 "\"01234567890123456789012345678901\" is not a valid date (expected YYYY-MM-DD, e.g. 2022-01-06)"},
		/* right shape, no such day or outside 1900..2199 */
		{"2023-02-30", 0, REP_ERANGE, "2023-02-30 is not a valid date"},
		{"2023-02-29", 0, REP_ERANGE, "2023-02-29 is not a valid date"},
		{"1900-02-29", 0, REP_ERANGE, "1900-02-29 is not a valid date"},
		{"2100-02-29", 0, REP_ERANGE, "2100-02-29 is not a valid date"},
		{"2023-13-01", 0, REP_ERANGE, "2023-13-01 is not a valid date"},
		{"2023-00-10", 0, REP_ERANGE, "2023-00-10 is not a valid date"},
		{"2023-01-00", 0, REP_ERANGE, "2023-01-00 is not a valid date"},
		{"2023-01-32", 0, REP_ERANGE, "2023-01-32 is not a valid date"},
		{"2023-04-31", 0, REP_ERANGE, "2023-04-31 is not a valid date"},
		{"1899-12-31", 0, REP_ERANGE, "1899-12-31 is not a valid date"},
		{"2200-01-01", 0, REP_ERANGE, "2200-01-01 is not a valid date"},
		{"0000-00-00", 0, REP_ERANGE, "0000-00-00 is not a valid date"},
		{"9999-99-99", 0, REP_ERANGE, "9999-99-99 is not a valid date"},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		rep_error err;
		rep_error_clear(&err);
		rep_date d = 777;
		rep_status st = t[i].len ? rep_date_parse_n(&d, t[i].text, t[i].len, &err)
					 : rep_date_parse(&d, t[i].text, &err);
		if (st != t[i].st || strcmp(err.message, t[i].msg) != 0)
			fail_msg("case %zu: status %d message [%s], want %d [%s]", i, st, err.message, t[i].st,
				 t[i].msg);
		assert_int_equal(err.status, t[i].st);
		assert_string_equal(err.path, "");
		assert_int_equal(d, 777); /* untouched on failure */
		/* and without an error object */
		assert_int_equal(t[i].len ? rep_date_parse_n(&d, t[i].text, t[i].len, NULL)
					  : rep_date_parse(&d, t[i].text, NULL),
				 t[i].st);
	}
}

static void t_parse_misuse(void **state)
{
	(void)state;
	rep_error err;
	rep_date d = 5;
	assert_int_equal(rep_date_parse(&d, NULL, &err), REP_EUSAGE);
	assert_int_equal(err.status, REP_EUSAGE);
	assert_int_equal(rep_date_parse(NULL, "2020-01-01", &err), REP_EUSAGE);
	assert_int_equal(rep_date_parse_n(&d, NULL, 10, &err), REP_EUSAGE);
	assert_int_equal(rep_date_parse_n(&d, NULL, 0, NULL), REP_EUSAGE);
	assert_int_equal(d, 5);
}

static void t_days_between(void **state)
{
	(void)state;
	static const struct {
		const char *start, *end;
		int32_t incl, excl; /* commenced == inclusive for whole dates */
	} t[] = {
		/* Feb 28, Feb 29, Mar 1 */
		{"2024-02-28", "2024-03-01", 3, 2},
		/* 1900 is not leap: Feb 28, Mar 1 */
		{"1900-02-28", "1900-03-01", 2, 1},
		/* 2000 is leap: Feb 28, Feb 29, Mar 1 */
		{"2000-02-28", "2000-03-01", 3, 2},
		{"2100-02-28", "2100-03-01", 2, 1},
		{"2023-02-28", "2023-03-01", 2, 1},
		/* Hakamata: 16156 - (-1232) + 1 = 17389 (python: 17389) */
		{"1966-08-18", "2014-03-27", 17389, 17388},
		/* 5 * 365 + 1 (2020-02-29) = 1826 */
		{"2019-01-01", "2023-12-31", 1826, 1825},
		/* a leap year: 366 */
		{"2024-01-01", "2024-12-31", 366, 365},
		{"2023-01-01", "2023-12-31", 365, 364},
		{"2024-05-07", "2024-05-07", 1, 0},
		{"2024-05-08", "2024-05-07", 0, 0},
		{"2199-12-31", "1900-01-01", 0, 0},
		/* the whole range: 84005 + 25567 + 1 = 109573 */
		{"1900-01-01", "2199-12-31", 109573, 109572},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		rep_date s = D(t[i].start), e = D(t[i].end);
		assert_int_equal(rep_days_between(s, e, REP_DC_INCLUSIVE), t[i].incl);
		assert_int_equal(rep_days_between(s, e, REP_DC_COMMENCED), t[i].incl);
		assert_int_equal(rep_days_between(s, e, REP_DC_EXCLUSIVE_LAST), t[i].excl);
	}
	/* misuse answers -1, which no count can be */
	assert_int_equal(rep_days_between(0, 10, (rep_daycount)3), -1);
	assert_int_equal(rep_days_between(0, 10, (rep_daycount)-1), -1);
	assert_int_equal(rep_days_between(REP_DATE_NONE, 10, REP_DC_INCLUSIVE), -1);
	assert_int_equal(rep_days_between(0, REP_DATE_NONE, REP_DC_INCLUSIVE), -1);
	assert_int_equal(rep_days_between(REP_DATE_MIN - 1, 0, REP_DC_EXCLUSIVE_LAST), -1);
	assert_int_equal(rep_days_between(0, REP_DATE_MAX + 1, REP_DC_COMMENCED), -1);
	assert_int_equal(rep_days_between(INT32_MIN, INT32_MAX, REP_DC_INCLUSIVE), -1);
}

static void t_daycount_names(void **state)
{
	(void)state;
	assert_string_equal(rep_daycount_name(REP_DC_INCLUSIVE), "inclusive");
	assert_string_equal(rep_daycount_name(REP_DC_EXCLUSIVE_LAST), "exclusive_last");
	assert_string_equal(rep_daycount_name(REP_DC_COMMENCED), "commenced");
	assert_string_equal(rep_daycount_name((rep_daycount)3), "unknown");
	assert_string_equal(rep_daycount_name((rep_daycount)-1), "unknown");
	for (int i = 0; i < 3; i++) {
		rep_daycount dc = (rep_daycount)99;
		assert_int_equal(rep_daycount_parse(&dc, rep_daycount_name((rep_daycount)i)), REP_OK);
		assert_int_equal(dc, i);
	}
	rep_daycount dc = REP_DC_COMMENCED;
	assert_int_equal(rep_daycount_parse(&dc, "Inclusive"), REP_EINVAL);
	assert_int_equal(rep_daycount_parse(&dc, "inclusive "), REP_EINVAL);
	assert_int_equal(rep_daycount_parse(&dc, "exclusive"), REP_EINVAL);
	assert_int_equal(rep_daycount_parse(&dc, ""), REP_EINVAL);
	assert_int_equal(rep_daycount_parse(&dc, "unknown"), REP_EINVAL);
	assert_int_equal(rep_daycount_parse(&dc, NULL), REP_EUSAGE);
	assert_int_equal(rep_daycount_parse(NULL, "inclusive"), REP_EUSAGE);
	assert_int_equal(dc, REP_DC_COMMENCED);
}

/* Anniversary k = add_months(start, k); whole while anniversary <= end + 1;
 * days = end - last whole anniversary + 1. Cross-checked with a python3
 * datetime transcription of that rule. */
static void t_months_and_days(void **state)
{
	(void)state;
	static const struct {
		const char *start, *end;
		int32_t months, days;
	} t[] = {
		/* anniversary 2 = Mar 5; Mar 5..Mar 10 = 6 days */
		{"2022-01-05", "2022-03-10", 2, 6},
		/* anniversary 1 = Feb 1 = end + 1 */
		{"2022-01-01", "2022-01-31", 1, 0},
		{"2022-01-01", "2022-01-01", 0, 1},
		/* Feb 1 > Jan 30 + 1: no whole month; Jan 1..Jan 30 = 30 */
		{"2022-01-01", "2022-01-30", 0, 30},
		/* anniversary 1 = Feb 5 = end + 1 */
		{"2022-01-05", "2022-02-04", 1, 0},
		{"2022-01-05", "2022-02-05", 1, 1},
		/* Feb 5 > Feb 3 + 1: Jan 5..Feb 3 = 27 + 3 = 30 */
		{"2022-01-05", "2022-02-03", 0, 30},
		/* month-end starts: anniversary 1 of Jan 31 clamps to Feb 29 (2024) */
		{"2024-01-31", "2024-02-28", 1, 0},
		{"2024-01-31", "2024-02-29", 1, 1},
		{"2024-01-30", "2024-02-28", 1, 0},
		{"2024-01-29", "2024-02-28", 1, 0},
		/* Jan 31 + 1 month = Feb 28 in 2023: Feb 28 = end + 1 */
		{"2023-01-31", "2023-02-27", 1, 0},
		{"2023-01-31", "2023-02-28", 1, 1},
		/* anniversary 2 is Mar 31 (from start, not Feb 29 + 1 month) = end + 1 */
		{"2024-01-31", "2024-03-30", 2, 0},
		/* Mar 31 > Mar 30: k = 1, Feb 29..Mar 29 = 1 + 29 = 30 */
		{"2024-01-31", "2024-03-29", 1, 30},
		/* anniversary 1 of Mar 31 is Apr 30; Apr 30..Apr 30 = 1 */
		{"2022-03-31", "2022-04-30", 1, 1},
		{"2022-03-31", "2022-04-29", 1, 0},
		/* Feb 29 starts: anniversary 12 = 2025-02-28 = end + 1 */
		{"2024-02-29", "2025-02-27", 12, 0},
		/* anniversary 48 = 2024-02-29 = end + 1 */
		{"2020-02-29", "2024-02-28", 48, 0},
		/* anniversary 60 = 2024-01-01 = end + 1 */
		{"2019-01-01", "2023-12-31", 60, 0},
		/* Hakamata: (2014*12+3) - (1966*12+8) = 571; 2014-03-18..03-27 = 10 */
		{"1966-08-18", "2014-03-27", 571, 10},
		/* the whole range: anniversary 3600 = 2200-01-01, past REP_DATE_MAX */
		{"1900-01-01", "2199-12-31", 3600, 0},
		{"2199-12-01", "2199-12-31", 1, 0},
		{"2199-12-02", "2199-12-31", 0, 30},
		/* anniversary 11 = 2023-12-31 <= end + 1: 1 day */
		{"2023-01-31", "2023-12-31", 11, 1},
		/* 1900 is not leap: Jan 31 + 1 = Feb 28 = end + 1 */
		{"1900-01-31", "1900-02-27", 1, 0},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		int32_t m = -1, d = -1;
		assert_int_equal(rep_months_and_days(D(t[i].start), D(t[i].end), &m, &d), REP_OK);
		if (m != t[i].months || d != t[i].days)
			fail_msg("%s..%s: %ld months %ld days, want %ld %ld", t[i].start, t[i].end, (long)m,
				 (long)d, (long)t[i].months, (long)t[i].days);
	}
	int32_t m = 9, d = 9;
	assert_int_equal(rep_months_and_days(D("2022-01-02"), D("2022-01-01"), &m, &d), REP_EINVAL);
	assert_int_equal(rep_months_and_days(REP_DATE_NONE, 0, &m, &d), REP_ERANGE);
	assert_int_equal(rep_months_and_days(0, REP_DATE_MAX + 1, &m, &d), REP_ERANGE);
	assert_int_equal(rep_months_and_days(0, 1, NULL, &d), REP_EUSAGE);
	assert_int_equal(rep_months_and_days(0, 1, &m, NULL), REP_EUSAGE);
	assert_int_equal(m, 9);
	assert_int_equal(d, 9);
}

/* Invariants of the decomposition over many spans: the days are fewer
 * than the next month's anniversary gap, and the count matches a direct
 * search. */
static void t_months_and_days_sweep(void **state)
{
	(void)state;
	rep_date s0 = D("2023-11-25");
	for (rep_date s = s0; s < s0 + 100; s++) {
		for (rep_date e = s; e < s + 800; e++) {
			int32_t m, d;
			assert_int_equal(rep_months_and_days(s, e, &m, &d), REP_OK);
			rep_date a, next;
			assert_int_equal(rep_date_add_months(&a, s, (int)m), REP_OK);
			assert_int_equal(rep_date_add_months(&next, s, (int)m + 1), REP_OK);
			assert_true(a <= e + 1);
			assert_true(next > e + 1);
			assert_int_equal(d, e - a + 1);
			assert_true(d >= 0 && d <= 30);
		}
	}
}

static void t_add_months(void **state)
{
	(void)state;
	static const struct {
		const char *from;
		int months;
		const char *to;
	} t[] = {
		{"2024-01-31", 1, "2024-02-29"}, /* clamp to a leap February */
		{"2023-01-31", 1, "2023-02-28"},
		{"1900-01-31", 1, "1900-02-28"}, /* 1900 is not leap */
		{"2000-01-31", 1, "2000-02-29"},
		{"2100-01-31", 1, "2100-02-28"},
		{"2024-03-31", -1, "2024-02-29"},
		{"2024-05-31", 1, "2024-06-30"},
		{"2024-01-31", 3, "2024-04-30"},
		{"2024-02-29", 12, "2025-02-28"},
		{"2024-02-29", 48, "2028-02-29"},
		{"2024-02-29", -48, "2020-02-29"},
		{"2024-01-15", 0, "2024-01-15"},
		{"2024-01-15", -13, "2022-12-15"},
		{"2024-12-15", 1, "2025-01-15"},
		{"2024-01-15", -1, "2023-12-15"},
		{"2024-01-15", -12, "2023-01-15"},
		{"2024-01-15", -24, "2022-01-15"},
		{"2024-01-15", 24, "2026-01-15"},
		{"1900-01-01", 3599, "2199-12-01"}, /* 299 years 11 months */
		{"2199-12-31", -3599, "1900-01-31"},
		{"2199-11-30", 1, "2199-12-30"},
		{"1900-02-28", -1, "1900-01-28"},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		rep_date r = REP_DATE_NONE;
		assert_int_equal(rep_date_add_months(&r, D(t[i].from), t[i].months), REP_OK);
		char buf[REP_DATE_TEXT_SIZE];
		rep_date_format(r, buf);
		if (strcmp(buf, t[i].to) != 0)
			fail_msg("%s %+d months = %s, want %s", t[i].from, t[i].months, buf, t[i].to);
	}
	static const struct {
		rep_date from;
		int months;
	} bad[] = {
		{REP_DATE_MAX, 1},       {REP_DATE_MIN, -1},     {REP_DATE_MIN, 3600},
		{REP_DATE_MAX, -3600},   {0, INT_MAX},           {0, INT_MIN},
		{REP_DATE_NONE, 0},      {REP_DATE_MAX + 1, -1}, {REP_DATE_MIN - 1, 1},
		{INT32_MAX, INT_MIN},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		rep_date r = 4242;
		assert_int_equal(rep_date_add_months(&r, bad[i].from, bad[i].months), REP_ERANGE);
		assert_int_equal(r, 4242);
	}
	assert_int_equal(rep_date_add_months(NULL, 0, 1), REP_EUSAGE);
}

static void check_q(void (*f)(mpq_t, int32_t), int32_t days, const char *want)
{
	mpq_t q;
	mpq_init(q);
	mpq_set_si(q, 99, 7); /* overwritten in full */
	f(q, days);
	char *got = mpq_get_str(NULL, 10, q);
	if (strcmp(got, want) != 0)
		fail_msg("%ld days: %s, want %s", (long)days, got, want);
	/* canonical: a fresh canonicalisation changes nothing */
	mpq_t c;
	mpq_init(c);
	mpq_set(c, q);
	mpq_canonicalize(c);
	assert_true(mpz_cmp(mpq_numref(c), mpq_numref(q)) == 0 && mpz_cmp(mpq_denref(c), mpq_denref(q)) == 0);
	mpq_clear(c);
	void (*freefunc)(void *, size_t);
	mp_get_memory_functions(NULL, NULL, &freefunc);
	freefunc(got, strlen(got) + 1);
	mpq_clear(q);
}

static void t_yearfrac(void **state)
{
	(void)state;
	/* actual/365 */
	check_q(rep_yearfrac_act365, 2273, "2273/365"); /* 2273 = 73*31 + 10, not divisible by 5 or 73 */
	check_q(rep_yearfrac_act365, 365, "1");
	check_q(rep_yearfrac_act365, 730, "2");
	check_q(rep_yearfrac_act365, 146, "2/5"); /* 146 = 2*73, 365 = 5*73 */
	check_q(rep_yearfrac_act365, 0, "0");
	check_q(rep_yearfrac_act365, -365, "-1");
	check_q(rep_yearfrac_act365, 17389, "17389/365"); /* 17389 = 5*3477 + 4 = 73*238 + 15 */
	/* actual/365.25 = 4*days/1461, 1461 = 3*487 */
	check_q(rep_yearfrac_act36525, 1461, "4");
	check_q(rep_yearfrac_act36525, 365, "1460/1461");
	check_q(rep_yearfrac_act36525, 487, "4/3");
	check_q(rep_yearfrac_act36525, 0, "0");
	check_q(rep_yearfrac_act36525, -1461, "-4");
	check_q(rep_yearfrac_act36525, 17389, "69556/1461"); /* 69556: digit sum 31, 487*142 = 69154 */
	/* 4 * (2^31 - 1) = 8589934588 overflows a 32-bit long; gcd with 1461 is 1 (python) */
	check_q(rep_yearfrac_act36525, INT32_MAX, "8589934588/1461");
	check_q(rep_yearfrac_act36525, INT32_MIN, "-8589934592/1461");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_leap_years),
		cmocka_unit_test(t_days_in_month),
		cmocka_unit_test(t_from_ymd_validity),
		cmocka_unit_test(t_round_trip_all_days),
		cmocka_unit_test(t_format_outside_range),
		cmocka_unit_test(t_parse_valid),
		cmocka_unit_test(t_parse_rejections),
		cmocka_unit_test(t_parse_misuse),
		cmocka_unit_test(t_days_between),
		cmocka_unit_test(t_daycount_names),
		cmocka_unit_test(t_months_and_days),
		cmocka_unit_test(t_months_and_days_sweep),
		cmocka_unit_test(t_add_months),
		cmocka_unit_test(t_yearfrac),
	};
	return cmocka_run_group_tests_name("dates", tests, NULL, NULL);
}
