/* 64/128-bit fast paths of lib/money.c. Almost every amount a case holds,
 * and every rounded line, has a numerator and a denominator that fit in 64
 * bits; for those, parsing, rounding and printing need no GMP arithmetic.
 * Each helper either gives exactly the result of the general GMP path (the
 * same canonical rational, the same digits) or returns false and leaves the
 * work to it; tests/test_money_oracle.c compares the two on random values. */
#ifndef REP_MONEY_FAST_H
#define REP_MONEY_FAST_H

#include <gmp.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>

#include "reparations/money.h"

#if defined(__SIZEOF_INT128__) && ULONG_MAX == UINT64_MAX && LONG_MAX == INT64_MAX
#define REP_MONEY_FAST 1

__extension__ typedef __int128 rep_i128;
__extension__ typedef unsigned __int128 rep_u128;

static const uint64_t rep_pow10_u64[20] = {
	1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull, 10000000ull, 100000000ull, 1000000000ull,
	10000000000ull, 100000000000ull, 1000000000000ull, 10000000000000ull, 100000000000000ull,
	1000000000000000ull, 10000000000000000ull, 100000000000000000ull, 1000000000000000000ull,
	10000000000000000000ull};

static inline uint64_t rep_gcd_u64(uint64_t a, uint64_t b)
{
	while (b) {
		uint64_t t = a % b;
		a = b;
		b = t;
	}
	return a;
}

static inline void rep_mpz_set_i128(mpz_t z, rep_i128 v)
{
	bool neg = v < 0;
	rep_u128 m = neg ? (rep_u128)0 - (rep_u128)v : (rep_u128)v;
	if ((m >> 64) == 0) {
		mpz_set_ui(z, (unsigned long)m);
	} else {
		mpz_set_ui(z, (unsigned long)(m >> 64));
		mpz_mul_2exp(z, z, 64);
		mpz_add_ui(z, z, (unsigned long)(uint64_t)m);
	}
	if (neg)
		mpz_neg(z, z);
}

/* The canonical rational num/den from a sign, a magnitude and a positive
 * denominator, reduced here (as mpq_canonicalize would). */
static inline void rep_mpq_set_u64(mpq_t out, bool neg, uint64_t mag, uint64_t den)
{
	uint64_t g = rep_gcd_u64(mag, den); /* mag == 0: g = den, so 0/1 */
	mag /= g;
	den /= g;
	mpz_set_ui(mpq_numref(out), (unsigned long)mag);
	if (neg)
		mpz_neg(mpq_numref(out), mpq_numref(out));
	mpz_set_ui(mpq_denref(out), (unsigned long)den);
}

/* rep_dec_parse_n's value digits * 10^scale (digits: nd significant digits,
 * no leading zero, nd >= 1), when it fits. */
static inline bool rep_fast_parse(mpq_t out, bool neg, const char *digits, size_t nd, long scale)
{
	if (nd > 18 || scale > 19 || scale < -19)
		return false;
	uint64_t v = 0;
	for (size_t i = 0; i < nd; i++)
		v = v * 10 + (uint64_t)(digits[i] - '0');
	if (scale >= 0) {
		rep_u128 m = (rep_u128)v * rep_pow10_u64[scale];
		if (m > (rep_u128)INT64_MAX)
			return false;
		rep_mpq_set_u64(out, neg, (uint64_t)m, 1);
	} else {
		rep_mpq_set_u64(out, neg, v, rep_pow10_u64[-scale]);
	}
	return true;
}

/* round_scaled: q = x * 10^places rounded with mode (unknown: half-up), for
 * 0 <= places <= 19 and x of 64-bit numerator and denominator. */
static inline bool rep_fast_round_scaled(rep_i128 *q, const mpq_t x, int places, rep_round mode)
{
	if (places < 0 || places > 19 || !mpz_fits_slong_p(mpq_numref(x)) || !mpz_fits_ulong_p(mpq_denref(x)))
		return false;
	/* |num| <= 2^63 and 10^19 < 2^64: the product stays below 2^127 */
	rep_i128 n = (rep_i128)mpz_get_si(mpq_numref(x)) * (rep_i128)rep_pow10_u64[places];
	rep_i128 d = (rep_i128)mpz_get_ui(mpq_denref(x));
	rep_i128 qq, r;
	if (n >= INT64_MIN + 1 && n <= INT64_MAX && d <= INT64_MAX) {
		/* an amount in minor units: one machine division, not a 128-bit one */
		int64_t n64 = (int64_t)n, d64 = (int64_t)d;
		qq = n64 / d64;
		r = n64 % d64;
	} else {
		qq = n / d;
		r = n % d;
	}
	if (r < 0) { /* C truncates; the GMP path floors */
		qq -= 1;
		r += d;
	}
	if (r != 0) {
		int sign = n > 0 ? 1 : -1;
		bool up;
		switch (mode) {
		case REP_ROUND_FLOOR:
			up = false;
			break;
		case REP_ROUND_CEILING:
			up = true;
			break;
		case REP_ROUND_DOWN:
			up = sign < 0;
			break;
		case REP_ROUND_UP:
			up = sign > 0;
			break;
		default: {
			rep_i128 twice = r * 2;
			if (twice != d)
				up = twice > d;
			else if (mode == REP_ROUND_HALF_EVEN)
				up = (qq & 1) != 0;
			else if (mode == REP_ROUND_HALF_DOWN)
				up = sign < 0;
			else
				up = sign > 0;
			break;
		}
		}
		if (up)
			qq += 1;
	}
	*q = qq;
	return true;
}

/* The amount of `minor` units of 10^-places (0..18) as rep_dec_format_buf
 * prints it: a sum of rounded lines, printed without a rational (money.c). */
rep_status rep_dec_format_minor(char *buf, size_t size, rep_i128 minor, int places);

/* Decimal digits of m into buf (at least 40 bytes), NUL-terminated; returns the length. */
static inline size_t rep_u128_digits(char *buf, rep_u128 m)
{
	char tmp[40];
	size_t n = 0;
	while (m >> 64) {
		tmp[n++] = (char)('0' + (int)(m % 10));
		m /= 10;
	}
	/* the last 64 bits by machine division (a 128-bit one is a library call per digit) */
	uint64_t v = (uint64_t)m;
	do {
		tmp[n++] = (char)('0' + (int)(v % 10));
		v /= 10;
	} while (v);
	for (size_t i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = '\0';
	return n;
}

#endif
#endif
