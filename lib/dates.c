/* Civil dates in the proleptic Gregorian calendar, day counts, year fractions.
 *
 * Day numbers use Howard Hinnant's days_from_civil/civil_from_days
 * (http://howardhinnant.github.io/date_algorithms.html): branch-light,
 * exact for every int32 day. Internally we work in int64 so that any
 * rep_date, even REP_DATE_NONE, can be split without overflow; only the
 * public constructors enforce 1900..2199. */
#include <stdint.h>
#include <string.h>

#include "internal.h"
#include "rational.h"
#include "reparations/dates.h"

#define YEAR_MIN 1900
#define YEAR_MAX 2199

bool rep_is_leap_year(int year)
{
	return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

int rep_days_in_month(int year, int month)
{
	static const unsigned char dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (month < 1 || month > 12)
		return 0;
	if (month == 2 && rep_is_leap_year(year))
		return 29;
	return dim[month - 1];
}

/* Hinnant's days_from_civil; the caller guarantees a real y-m-d. */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;                              /* [0, 399] */
	int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1; /* [0, 365] */
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;      /* [0, 146096] */
	return era * 146097 + doe - 719468;
}

/* Hinnant's civil_from_days, for any int64 day that keeps y within int. */
static void civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;                                  /* [0, 146096] */
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* [0, 399] */
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);           /* [0, 365] */
	int64_t mp = (5 * doy + 2) / 153;                                /* [0, 11] */
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static bool date_in_range(int64_t d)
{
	return d >= REP_DATE_MIN && d <= REP_DATE_MAX;
}

rep_status rep_date_from_ymd(rep_date *out, int year, int month, int day)
{
	if (!out)
		return REP_EUSAGE;
	if (year < YEAR_MIN || year > YEAR_MAX || day < 1 || day > rep_days_in_month(year, month))
		return REP_ERANGE;
	*out = (rep_date)days_from_civil(year, month, day);
	return REP_OK;
}

void rep_date_to_ymd(rep_date d, int *year, int *month, int *day)
{
	int64_t y;
	int m, dd;
	/* the year of any int32 day lies within +-5.9 million: fits an int */
	civil_from_days(d, &y, &m, &dd);
	if (year)
		*year = (int)y;
	if (month)
		*month = m;
	if (day)
		*day = dd;
}

void rep_date_format(rep_date d, char buf[REP_DATE_TEXT_SIZE])
{
	int64_t y;
	int m, dd;
	civil_from_days(d, &y, &m, &dd);
	if (y < 0 || y > 9999) {
		/* no four-digit form; something that can never parse back */
		memcpy(buf, "?\?\?\?-?\?-?\?", REP_DATE_TEXT_SIZE); /* escaped: C11 has trigraphs */
		return;
	}
	buf[0] = (char)('0' + y / 1000);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + dd / 10);
	buf[9] = (char)('0' + dd % 10);
	buf[10] = '\0';
}

/* Show untrusted text in a message: quoted, at most QUOTE_MAX input bytes,
 * with '"', '\\' and every byte outside 0x20..0x7e escaped so that a
 * message can never carry a terminal escape, a newline or broken UTF-8.
 * A cut is marked by "..." after the closing quote. */
#define QUOTE_MAX 32
#define QUOTE_SIZE (2 + 4 * QUOTE_MAX + 3 + 1)

static void quote_text(char buf[QUOTE_SIZE], const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	size_t o = 0, n = len < QUOTE_MAX ? len : QUOTE_MAX;
	buf[o++] = '"';
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\') {
			buf[o++] = '\\';
			buf[o++] = (char)c;
		} else if (c < 0x20 || c > 0x7e) {
			buf[o++] = '\\';
			buf[o++] = 'x';
			buf[o++] = hex[c >> 4];
			buf[o++] = hex[c & 15];
		} else {
			buf[o++] = (char)c;
		}
	}
	buf[o++] = '"';
	if (n < len) {
		memcpy(buf + o, "...", 3);
		o += 3;
	}
	buf[o] = '\0';
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The example a date error gives: the text itself in ISO form when it is a
 * date in another common shape, day first ("06.01.2022", "6/1/2022", as
 * written in Kazakhstan and most of Europe) or year first without padding
 * ("2023-2-3"); else 2022-01-06. Day first is an assumption, so it is only
 * an example in the message, never a value. */
static void date_example(char out[REP_DATE_TEXT_SIZE], const char *s, size_t len)
{
	int part[3] = {0, 0, 0}, digits[3] = {0, 0, 0}, k = 0;
	char sep = 0;
	bool ok = len >= 6 && len <= 10;
	for (size_t i = 0; ok && i < len; i++) {
		if (is_digit(s[i])) {
			part[k] = part[k] * 10 + (s[i] - '0');
			ok = ++digits[k] <= 4;
		} else if ((s[i] == '.' || s[i] == '/' || s[i] == '-') && k < 2 && digits[k] > 0 && (!sep || s[i] == sep)) {
			sep = s[i];
			k++;
		} else {
			ok = false;
		}
	}
	rep_date d;
	ok = ok && k == 2 && digits[2] > 0;
	if (ok && digits[0] == 4 && digits[1] <= 2 && digits[2] <= 2 && rep_date_from_ymd(&d, part[0], part[1], part[2]) == REP_OK) {
		rep_date_format(d, out);
		return;
	}
	if (ok && digits[2] == 4 && digits[0] <= 2 && digits[1] <= 2 && rep_date_from_ymd(&d, part[2], part[1], part[0]) == REP_OK) {
		rep_date_format(d, out);
		return;
	}
	memcpy(out, "2022-01-06", REP_DATE_TEXT_SIZE);
}

rep_status rep_date_parse_n(rep_date *out, const char *s, size_t len, rep_error *err)
{
	if (!out || !s)
		return rep_err(err, REP_EUSAGE, NULL, "rep_date_parse: NULL %s", !out ? "output" : "text");
	bool shape = len == 10;
	for (size_t i = 0; shape && i < 10; i++)
		shape = (i == 4 || i == 7) ? s[i] == '-' : is_digit(s[i]);
	if (!shape) {
		char q[QUOTE_SIZE], example[REP_DATE_TEXT_SIZE];
		quote_text(q, s, len);
		date_example(example, s, len);
		return rep_err(err, REP_ESYNTAX, NULL, "%s is not a valid date (expected YYYY-MM-DD, e.g. %s)", q, example);
	}
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	int m = (s[5] - '0') * 10 + (s[6] - '0');
	int d = (s[8] - '0') * 10 + (s[9] - '0');
	if (rep_date_from_ymd(out, y, m, d) != REP_OK)
		/* the shape check leaves only digits and dashes: safe to print raw */
		return rep_err(err, REP_ERANGE, NULL, "%.10s is not a valid date", s);
	return REP_OK;
}

rep_status rep_date_parse(rep_date *out, const char *s, rep_error *err)
{
	if (!s)
		return rep_date_parse_n(out, s, 0, err);
	return rep_date_parse_n(out, s, strlen(s), err);
}

/* Shift by whole months, clamping the day, with no range check: a day
 * number for any year an int can hold. */
static int64_t add_months_raw(rep_date d, int64_t months)
{
	int64_t y;
	int m, dd;
	civil_from_days(d, &y, &m, &dd);
	int64_t t = y * 12 + (m - 1) + months;
	int64_t ny = t >= 0 ? t / 12 : -((-t + 11) / 12);
	int nm = (int)(t - ny * 12) + 1;
	int dim = rep_days_in_month((int)(ny % 400), nm); /* leap rule repeats every 400 years */
	return days_from_civil(ny, nm, dd < dim ? dd : dim);
}

rep_status rep_date_add_months(rep_date *out, rep_date d, int months)
{
	if (!out)
		return REP_EUSAGE;
	/* 300 years is 3600 months; bounding first keeps the arithmetic small */
	if (!date_in_range(d) || months < -12 * (YEAR_MAX - YEAR_MIN + 1) || months > 12 * (YEAR_MAX - YEAR_MIN + 1))
		return REP_ERANGE;
	int64_t r = add_months_raw(d, months);
	if (!date_in_range(r))
		return REP_ERANGE;
	*out = (rep_date)r;
	return REP_OK;
}

static const char *const daycount_names[] = {
	[REP_DC_INCLUSIVE] = "inclusive",
	[REP_DC_EXCLUSIVE_LAST] = "exclusive_last",
	[REP_DC_COMMENCED] = "commenced",
};
#define N_DAYCOUNTS (sizeof daycount_names / sizeof daycount_names[0])

/* "unknown" for a value outside the enum, like rep_status_name: never NULL. */
const char *rep_daycount_name(rep_daycount dc)
{
	if ((unsigned)dc >= N_DAYCOUNTS)
		return "unknown";
	return daycount_names[dc];
}

/* Exact, case-sensitive names. REP_EINVAL for an unknown one, REP_EUSAGE for NULL. */
rep_status rep_daycount_parse(rep_daycount *out, const char *name)
{
	if (!out || !name)
		return REP_EUSAGE;
	for (size_t i = 0; i < N_DAYCOUNTS; i++) {
		if (strcmp(name, daycount_names[i]) == 0) {
			*out = (rep_daycount)i;
			return REP_OK;
		}
	}
	return REP_EINVAL;
}

/* -1 (which no real count can be) for an unknown convention or a date
 * outside REP_DATE_MIN..REP_DATE_MAX, REP_DATE_NONE included: a silent 0
 * would turn a caller's bug into a plausible-looking zero award. */
int32_t rep_days_between(rep_date start, rep_date end, rep_daycount dc)
{
	if (!date_in_range(start) || !date_in_range(end))
		return -1;
	switch (dc) {
	case REP_DC_INCLUSIVE:
	case REP_DC_COMMENCED:
		return end >= start ? end - start + 1 : 0;
	case REP_DC_EXCLUSIVE_LAST:
		return end > start ? end - start : 0;
	}
	return -1;
}

/* The k-th anniversary of start is rep_date_add_months(start, k), always
 * taken from start itself (never month by month, which would drift:
 * Jan 31 -> Feb 29 -> Mar 29). Month k is whole when the day before that
 * anniversary is within the period, i.e. anniversary <= end + 1; the days
 * are those from the last whole month's anniversary through end, so they
 * are always fewer than the days of the following month (0..30).
 *
 * Month-end starts follow the clamping: from 2024-01-31 the first
 * anniversary is 2024-02-29, so 2024-01-31..2024-02-28 is 1 month 0 days,
 * ..2024-02-29 is 1 month 1 day, and 2024-01-29, -30 and -31 all reach
 * 1 month 0 days on 2024-02-28. A scheme whose law ends month periods on
 * the last day of a short month instead (e.g. BGB 188(3)) counts itself. */
rep_status rep_months_and_days(rep_date start, rep_date end, int32_t *months, int32_t *days)
{
	if (!months || !days)
		return REP_EUSAGE;
	if (!date_in_range(start) || !date_in_range(end))
		return REP_ERANGE;
	if (end < start)
		return REP_EINVAL;
	int sy, sm, ey, em;
	rep_date_to_ymd(start, &sy, &sm, NULL);
	rep_date_to_ymd(end, &ey, &em, NULL);
	/* the answer is one of k0-1, k0, k0+1: the anniversary in end's month
	 * may fall after end, and the next one may be exactly end + 1 */
	int32_t k = (ey * 12 + em) - (sy * 12 + sm) + 1;
	int64_t a = add_months_raw(start, k);
	while (k > 0 && a > (int64_t)end + 1)
		a = add_months_raw(start, --k);
	*months = k;
	*days = (int32_t)(end - a + 1);
	return REP_OK;
}

void rep_yearfrac_act365(mpq_t out, int32_t days)
{
	/* a tariff of years counts them for every period: reduced by machine gcd, not GMP's */
	rep_q_set_frac(out, (unsigned long)(days < 0 ? -(int64_t)days : days), 365);
	if (days < 0)
		mpq_neg(out, out);
}

void rep_yearfrac_act36525(mpq_t out, int32_t days)
{
	/* 4*days can exceed a 32-bit long (Windows): multiply in GMP */
	mpz_set_si(mpq_numref(out), days);
	mpz_mul_2exp(mpq_numref(out), mpq_numref(out), 2);
	mpz_set_ui(mpq_denref(out), 1461);
	mpq_canonicalize(out);
}
