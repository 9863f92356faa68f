/* The CSV rule every writer of CSV shares (the estimate's renderer, the
 * CLI's batch and sweep rows): a cell that a spreadsheet would run as a
 * formula (= + - @, or a tab or CR before one) is written quoted with a
 * leading ', and a number as the library writes it never is. */
#ifndef REP_IO_CSV_CELL_H
#define REP_IO_CSV_CELL_H

#include <stdbool.h>
#include <string.h>

/* A number as the library writes it: [-]digits[.digits]. */
static inline bool rep_csv_is_number(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	size_t d = strspn(s, "0123456789");
	if (!d)
		return false;
	s += d;
	if (*s == '.')
		s += 1 + strspn(s + 1, "0123456789");
	return *s == '\0';
}

static inline bool rep_csv_is_formula(const char *s)
{
	return s[0] && strchr("=+-@\t\r", s[0]) && !rep_csv_is_number(s);
}

#endif
