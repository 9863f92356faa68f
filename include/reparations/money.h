/* reparations: exact decimal money.
 *
 * Amounts live as GMP rationals (mpq_t): sums, tariffs x days, pro-rating,
 * index ratios and simple interest are exact, and a value is rounded once,
 * with a named mode, when it becomes a printed amount. Amounts enter and
 * leave as decimal strings; nothing here ever passes through `double`.
 * Arithmetic on values is GMP's own (mpq_add, mpq_mul, mpq_cmp, ...).
 * Transcendental steps (powers with fractional exponents, logarithms) use
 * MPFR interval arithmetic with Ziv's strategy: precision is raised until
 * both ends of the interval round to the same decimal.
 *
 * All functions are reentrant and keep no global state. */
#ifndef REPARATIONS_MONEY_H
#define REPARATIONS_MONEY_H

#include <stdbool.h>
#include <stddef.h>
#include <gmp.h>
#include "status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Rounding modes. Values are stable. */
typedef enum rep_round {
	REP_ROUND_HALF_UP = 0,   /* nearest, ties away from zero (the legal "half-up") */
	REP_ROUND_HALF_EVEN = 1, /* nearest, ties to the even digit (banker's) */
	REP_ROUND_HALF_DOWN = 2, /* nearest, ties toward zero */
	REP_ROUND_DOWN = 3,      /* toward zero (truncate) */
	REP_ROUND_UP = 4,        /* away from zero */
	REP_ROUND_FLOOR = 5,     /* toward -infinity */
	REP_ROUND_CEILING = 6    /* toward +infinity */
} rep_round;

/* "half_up", "half_even", ...; static storage; "?" for an unknown value. */
REP_API const char *rep_round_name(rep_round mode);
/* Parse a name as printed by rep_round_name. REP_ENOTFOUND if unknown
 * (names are case-sensitive), REP_EUSAGE for a NULL argument. */
REP_API rep_status rep_round_parse(rep_round *out, const char *name);

/* Limits of what rep_dec_parse accepts: at most REP_DEC_MAX_CHARS characters,
 * and a non-zero value whose magnitude lies in [1e-REP_DEC_MAX_EXP, 1e+REP_DEC_MAX_EXP]. */
#define REP_DEC_MAX_CHARS 100
#define REP_DEC_MAX_EXP 30

/* Parse a decimal string into `out` (initialised by the caller).
 * Grammar: [-+]? digits ( "." digits )? ( [eE] [-+]? digits )?
 * also ".5" and "5." are refused: each side of the point needs a digit.
 * No whitespace, thousands separators, comma decimals, hex, "nan" or "inf".
 * On error `out` is unchanged; `err` (may be NULL) gets REP_ESYNTAX for a
 * malformed string and REP_ERANGE for an absurd magnitude, with message
 * '"<text>" is not a decimal number' and no path (callers add theirs).
 * The message may go on with a reason in parentheses; the quoted text is
 * cut to 48 bytes ("...") and shows bytes outside printable ASCII as '?'.
 * A text longer than REP_DEC_MAX_CHARS is refused with REP_ELIMIT, before
 * its syntax is looked at; a NULL argument is REP_EUSAGE. Zero is accepted
 * with any exponent ("0e999999"). */
REP_API rep_status rep_dec_parse(mpq_t out, const char *s, rep_error *err);
/* The same on `len` bytes that need not be NUL-terminated (a NUL inside is an error). */
REP_API rep_status rep_dec_parse_n(mpq_t out, const char *s, size_t len, rep_error *err);

/* out = x rounded to `places` decimal places (may be negative: -3 rounds to
 * thousands), with `mode`. out and x may be the same variable. places is
 * clamped to [-30, 60]. An unknown mode rounds half-up (this function
 * cannot report an error; the functions that return a status refuse it). */
REP_API void rep_dec_round(mpq_t out, const mpq_t x, int places, rep_round mode);

/* True when x has no more than `places` decimal places (x*10^places is an integer). */
REP_API bool rep_dec_is_exact(const mpq_t x, int places);

/* Write x rounded to `places` (>= 0) decimals with `mode` as a plain decimal
 * ("-1234.50", "0.00", never exponent form, "-0.00" is printed "0.00").
 * Needs size >= rep_dec_format_size(x, places); REP_ELIMIT if it does not fit
 * (buf then holds ""). places is clamped as in rep_dec_round; a negative
 * one prints the rounded value as an integer ("1235000" at -3).
 * REP_EINVAL for an unknown mode, REP_EUSAGE for a NULL buf or x. */
REP_API rep_status rep_dec_format_buf(char *buf, size_t size, const mpq_t x, int places, rep_round mode);
/* Buffer size that rep_dec_format_buf needs for x at `places`, NUL included:
 * enough for every mode (it may exceed the length of one result by a few). */
REP_API size_t rep_dec_format_size(const mpq_t x, int places);
/* The same, returning a malloc'd string the caller frees; NULL when out of
 * memory (or for an unknown mode). */
REP_API char *rep_dec_format(const mpq_t x, int places, rep_round mode);

/* Shortest exact decimal text of x when x has a terminating decimal
 * expansion of at most 60 places ("0.125", "-3", "1234.5"); otherwise x
 * rounded half-even to 60 places. malloc'd; NULL when out of memory. */
REP_API char *rep_dec_to_string(const mpq_t x);

/* Transcendental helpers. Each computes the exact mathematical value and
 * rounds it once, correctly, to `places` decimals with `mode`, so results
 * are identical on every machine.
 *   rep_dec_pow:   out = base ^ exponent, base > 0 (REP_EINVAL otherwise);
 *                  integer exponents are computed exactly with GMP (one too
 *                  large to build exactly, over ~2^20 bits, goes through
 *                  intervals: such a result cannot lie on a rounding
 *                  boundary, so it is still rounded correctly).
 *   rep_dec_log1p: out = ln(1 + r), r > -1.
 * REP_ERANGE if the result is absurdly large (beyond 1e60);
 * REP_EPRECISION if a tie could not be decided (not known to happen).
 * REP_EINVAL also for an unknown mode. places is clamped as in rep_dec_round.
 * out is unchanged on error. */
REP_API rep_status rep_dec_pow(mpq_t out, const mpq_t base, const mpq_t exponent,
			       int places, rep_round mode, rep_error *err);
REP_API rep_status rep_dec_log1p(mpq_t out, const mpq_t r, int places, rep_round mode, rep_error *err);

/* ISO 4217 minor units (decimal places) of a currency code such as "KZT".
 * Returns REP_ENOTFOUND for a code not in the built-in table. */
REP_API rep_status rep_currency_minor_units(const char *code, int *places);
/* The list of built-in currency codes, NULL-terminated, sorted; static storage. */
REP_API const char *const *rep_currency_codes(void);

#ifdef __cplusplus
}
#endif
#endif
