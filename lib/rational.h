/* Rational arithmetic for the engine's hot path: mpq_add, mpq_sub, mpq_mul,
 * mpq_div and a canonical num/den, each with a 64/128-bit fast path.
 *
 * Nearly every rational an estimate holds (amounts, rates, day counts,
 * months, exchange rates) has a numerator and a denominator below 2^62.
 * For those, GMP's general path (temporaries, gcds on limbs, a reallocation
 * of the result) costs some 900 instructions an operation; the same
 * algorithm on machine words costs a tenth. A canonical rational is unique,
 * so the fast path gives bit for bit GMP's result: tests/test_rational.c
 * compares the two on random and edge operands. Any operand outside the
 * bound, and division by zero, is left to GMP. Aliasing is allowed as for
 * mpq_*: every operand is read before the result is written. */
#ifndef REP_RATIONAL_H
#define REP_RATIONAL_H

#include <gmp.h>

#include "money_fast.h"

#ifdef REP_MONEY_FAST

/* |num| and den below 2^62: products of two stay below 2^124, sums of two
 * such products below 2^125, inside a signed 128-bit integer. */
#define REP_Q_FAST_LIMIT (UINT64_C(1) << 62)

typedef struct rep_q64 {
	bool neg;
	uint64_t num; /* magnitude */
	uint64_t den;
} rep_q64;

static inline bool rep_q_get64(rep_q64 *v, const mpq_t x)
{
	mpz_srcptr n = mpq_numref(x), d = mpq_denref(x);
	if (mpz_size(n) > 1 || mpz_size(d) > 1)
		return false;
	v->num = mpz_getlimbn(n, 0);
	v->den = mpz_getlimbn(d, 0);
	v->neg = mpz_sgn(n) < 0;
	return v->num < REP_Q_FAST_LIMIT && v->den < REP_Q_FAST_LIMIT;
}

static inline uint64_t rep_q_gcd(uint64_t a, uint64_t b)
{
	if (!a)
		return b;
	if (!b)
		return a;
	int shift = __builtin_ctzll(a | b);
	a >>= __builtin_ctzll(a);
	do {
		b >>= __builtin_ctzll(b);
		if (a > b) {
			uint64_t t = a;
			a = b;
			b = t;
		}
		b -= a;
	} while (b);
	return a << shift;
}

/* out = (neg ? -num : num) / den, already coprime, 0 < den; both below 2^124. */
static inline void rep_q_put(mpq_t out, bool neg, rep_u128 num, rep_u128 den)
{
	rep_mpz_set_i128(mpq_numref(out), neg ? -(rep_i128)num : (rep_i128)num);
	rep_mpz_set_i128(mpq_denref(out), (rep_i128)den);
}

/* a/b + c/d = (a d' + c b') / (b' d' g) with g = gcd(b, d), b = b' g,
 * d = d' g; only a factor of g can divide both (GMP's mpq_add). */
static inline void rep_q_addsub(mpq_t out, const mpq_t x, const mpq_t y, bool sub)
{
	rep_q64 a, c;
	if (!rep_q_get64(&a, x) || !rep_q_get64(&c, y)) {
		if (sub)
			mpq_sub(out, x, y);
		else
			mpq_add(out, x, y);
		return;
	}
	if (sub)
		c.neg = !c.neg;
	uint64_t g = rep_q_gcd(a.den, c.den);
	uint64_t bp = a.den / g, dp = c.den / g;
	rep_i128 t = (rep_i128)(a.neg ? -(rep_i128)a.num : (rep_i128)a.num) * dp +
		     (rep_i128)(c.neg ? -(rep_i128)c.num : (rep_i128)c.num) * bp;
	if (t == 0) {
		rep_q_put(out, false, 0, 1);
		return;
	}
	bool neg = t < 0;
	rep_u128 m = neg ? (rep_u128)0 - (rep_u128)t : (rep_u128)t;
	uint64_t g2 = g == 1 ? 1 : rep_q_gcd((uint64_t)(m % g), g);
	rep_q_put(out, neg, m / g2, (rep_u128)bp * (c.den / g2));
}

static inline void rep_q_add(mpq_t out, const mpq_t x, const mpq_t y)
{
	rep_q_addsub(out, x, y, false);
}

static inline void rep_q_sub(mpq_t out, const mpq_t x, const mpq_t y)
{
	rep_q_addsub(out, x, y, true);
}

/* (a/b)(c/d) = (a/g1)(c/g2) / ((b/g2)(d/g1)), g1 = gcd(a, d), g2 = gcd(c, b). */
static inline void rep_q_mul(mpq_t out, const mpq_t x, const mpq_t y)
{
	rep_q64 a, c;
	if (!rep_q_get64(&a, x) || !rep_q_get64(&c, y)) {
		mpq_mul(out, x, y);
		return;
	}
	if (a.num == 0 || c.num == 0) {
		rep_q_put(out, false, 0, 1);
		return;
	}
	uint64_t g1 = rep_q_gcd(a.num, c.den), g2 = rep_q_gcd(c.num, a.den);
	rep_q_put(out, a.neg != c.neg, (rep_u128)(a.num / g1) * (c.num / g2), (rep_u128)(a.den / g2) * (c.den / g1));
}

/* (a/b) / (c/d) = (a d) / (b c), the sign of c moved to the numerator. */
static inline void rep_q_div(mpq_t out, const mpq_t x, const mpq_t y)
{
	rep_q64 a, c;
	if (!rep_q_get64(&a, x) || !rep_q_get64(&c, y) || c.num == 0) {
		mpq_div(out, x, y); /* GMP's own answer to a division by zero */
		return;
	}
	if (a.num == 0) {
		rep_q_put(out, false, 0, 1);
		return;
	}
	uint64_t g1 = rep_q_gcd(a.num, c.num), g2 = rep_q_gcd(a.den, c.den);
	rep_q_put(out, a.neg != c.neg, (rep_u128)(a.num / g1) * (c.den / g2), (rep_u128)(a.den / g2) * (c.num / g1));
}

/* out = num/den in lowest terms (mpq_set_ui then mpq_canonicalize), den > 0. */
static inline void rep_q_set_frac(mpq_t out, unsigned long num, unsigned long den)
{
	uint64_t g = rep_q_gcd(num, den); /* num == 0: g = den, so 0/1 */
	rep_q_put(out, false, num / g, den / g);
}

#else

#define rep_q_add mpq_add
#define rep_q_sub mpq_sub
#define rep_q_mul mpq_mul
#define rep_q_div mpq_div

static inline void rep_q_set_frac(mpq_t out, unsigned long num, unsigned long den)
{
	mpq_set_ui(out, num, den);
	mpq_canonicalize(out);
}

#endif
#endif
