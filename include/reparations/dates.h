/* reparations: civil dates, day counts and detention periods.
 *
 * A rep_date is a day number in the proleptic Gregorian calendar
 * (0 = 1970-01-01), limited to REP_DATE_MIN..REP_DATE_MAX
 * (1900-01-01..2199-12-31) so that Soviet-era repression cases fit and
 * arithmetic never overflows. Text form is strict ISO 8601 "YYYY-MM-DD".
 * Day-count conventions are part of a scheme, because the law differs. */
#ifndef REPARATIONS_DATES_H
#define REPARATIONS_DATES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <gmp.h>
#include "status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef int32_t rep_date;

#define REP_DATE_MIN (-25567) /* 1900-01-01 */
#define REP_DATE_MAX 84005    /* 2199-12-31 */
#define REP_DATE_NONE INT32_MIN /* "no date" (an open end, an absent field) */
#define REP_DATE_TEXT_SIZE 11 /* "YYYY-MM-DD" and its NUL */

REP_API bool rep_is_leap_year(int year);
/* Days in month (1..12) of year; 0 for an invalid month. */
REP_API int rep_days_in_month(int year, int month);

/* Build a date; REP_ERANGE when y-m-d is not a real day in 1900..2199. */
REP_API rep_status rep_date_from_ymd(rep_date *out, int year, int month, int day);
/* Split a valid date. Any int32 gives the proleptic y-m-d (no crash, no
 * overflow); each output pointer may be NULL. */
REP_API void rep_date_to_ymd(rep_date d, int *year, int *month, int *day);
/* Strict parse of exactly "YYYY-MM-DD" (10 characters, zero-padded).
 * REP_ESYNTAX for a wrong shape ("2023-2-3"), REP_ERANGE for a day that
 * does not exist or is out of range ("2023-02-30", "2023-13-01");
 * the message reads "2023-02-30 is not a valid date". For a wrong shape
 * the text is quoted, cut after 32 bytes ("..." follows the quote) and
 * every '"', '\' and byte outside 0x20..0x7e is escaped (\xNN):
 * "\"2023-2-3\" is not a valid date". *out is untouched on failure;
 * REP_EUSAGE for a NULL out or s. parse_n reads exactly len bytes. */
REP_API rep_status rep_date_parse(rep_date *out, const char *s, rep_error *err);
REP_API rep_status rep_date_parse_n(rep_date *out, const char *s, size_t len, rep_error *err);
/* Write "YYYY-MM-DD" into buf (REP_DATE_TEXT_SIZE bytes). Days outside
 * 1900..2199 are still written when the year has four digits (0..9999),
 * otherwise (REP_DATE_NONE included) with every digit as '?', which
 * no parser accepts. */
REP_API void rep_date_format(rep_date d, char buf[REP_DATE_TEXT_SIZE]);
/* Add whole calendar months, clamping the day to the month's end
 * (2024-01-31 + 1 month = 2024-02-29). REP_ERANGE if d or the result is
 * out of range (*out untouched), REP_EUSAGE for a NULL out. */
REP_API rep_status rep_date_add_months(rep_date *out, rep_date d, int months);

/* Day-count conventions for a period [start, end], both given as the first
 * and the last calendar day of the period. Values are stable. */
typedef enum rep_daycount {
	REP_DC_INCLUSIVE = 0,      /* end - start + 1: both ends count (Japan) */
	REP_DC_EXCLUSIVE_LAST = 1, /* end - start: the last day does not count (Dutch practice) */
	REP_DC_COMMENCED = 2       /* each commenced day (Germany); with whole-date input every
				      listed day has commenced, so equal to inclusive */
} rep_daycount;
/* "inclusive", "exclusive_last", "commenced"; "unknown" (never NULL) for
 * any other value. parse takes exactly these names (case-sensitive):
 * REP_EINVAL for another, REP_EUSAGE for NULL. */
REP_API const char *rep_daycount_name(rep_daycount dc);
REP_API rep_status rep_daycount_parse(rep_daycount *out, const char *name);

/* Days in [start, end] under a convention; 0 when end < start (or, for
 * REP_DC_EXCLUSIVE_LAST, when end == start). -1 for an unknown convention
 * or a date outside REP_DATE_MIN..REP_DATE_MAX (REP_DATE_NONE included). */
REP_API int32_t rep_days_between(rep_date start, rep_date end, rep_daycount dc);

/* Whole months and remaining days covered by the inclusive period
 * [start, end]: months are counted from start to the same day of a later
 * month, e.g. 2022-01-05..2022-03-10 = 2 months 6 days, 2022-01-01..2022-01-31
 * = 1 month 0 days. The k-th anniversary is rep_date_add_months(start, k),
 * so month-end starts clamp: 2024-01-31..2024-02-28 = 1 month 0 days
 * (anniversary 2024-02-29), ..2024-02-29 = 1 month 1 day. days is 0..30.
 * REP_EINVAL if end < start, REP_ERANGE for a date out of range,
 * REP_EUSAGE for a NULL output. */
REP_API rep_status rep_months_and_days(rep_date start, rep_date end, int32_t *months, int32_t *days);

/* Year fractions as exact rationals: days/365 (actual/365) and
 * days/365.25 = 4*days/1461 (actual/365.25). `out` initialised by the caller. */
REP_API void rep_yearfrac_act365(mpq_t out, int32_t days);
REP_API void rep_yearfrac_act36525(mpq_t out, int32_t days);

/* A typed period of deprivation of liberty; both ends inclusive. `kind` is
 * a caller's small integer (0..REP_PERIOD_MAX_KIND). */
#define REP_PERIOD_MAX_KIND 63
typedef struct rep_period {
	int kind;
	rep_date start;
	rep_date end;
} rep_period;

/* Merge periods so that no day counts twice: where periods overlap, the day
 * belongs to the kind with the highest severity[kind] (ties: the lower kind
 * number); adjacent or overlapping runs of the same kind join.
 * `severity` has REP_PERIOD_MAX_KIND+1 entries or is NULL (kind number is
 * its severity). Output is sorted by start, with no overlaps; `out` must
 * hold 2*n_in entries (an overlap splits a period in at most 3 runs, each
 * boundary adds at most one run). Returns REP_EINVAL (message names
 * "[i]") for a period with end < start, a kind out of range or a date
 * out of range. out and in must not overlap in memory. */
REP_API rep_status rep_periods_merge(rep_period *out, size_t *n_out, const rep_period *in, size_t n_in,
				     const int *severity, rep_error *err);

#ifdef __cplusplus
}
#endif
#endif
