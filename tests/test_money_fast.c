/* The 64/128-bit fast paths of lib/money.c against its GMP paths, bit for
 * bit. A canonical value x with a 64-bit numerator and denominator takes the
 * fast path; the same value written non-canonically with both terms times
 * 2^80 (too large for 64 bits) takes the GMP path, whose integer arithmetic
 * is exact whatever the form. Rounding and printing must agree on both, in
 * every mode, at 0..19 places, near the 64-bit limits and on the ties.
 * Parsing is checked against mpq_set_str of the same digits over a power of
 * ten. Fixed-seed xorshift: a failure reproduces and names its value. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gmp.h>

#include "money_fast.h"
#include "reparations.h"

static uint64_t state = 0x9E3779B97F4A7C15ull;

static uint64_t next(void)
{
	state ^= state >> 12;
	state ^= state << 25;
	state ^= state >> 27;
	return state * 0x2545F4914F6CDD1Dull;
}

/* A numerator or denominator: small, near a power of ten, or near the 64-bit limits. */
static uint64_t pick(bool den)
{
	uint64_t r = next();
	switch (r % 6) {
	case 0:
		return (next() % 1000) + (den ? 1 : 0);
	case 1: {
		static const uint64_t p10[] = {1, 10, 100, 1000, 100000, 10000000000ull, 1000000000000000000ull};
		uint64_t p = p10[next() % 7];
		return p + (next() % 3) - (den && p == 1 ? 0 : 1) + (den ? 1 : 0);
	}
	case 2:
		return (uint64_t)INT64_MAX - (next() % 4);
	case 3:
		return den ? UINT64_MAX - (next() % 4) : (next() >> 1);
	case 4:
		return (next() >> (next() % 60)) + (den ? 1 : 0);
	default:
		return 2 * (next() % 100000) + 1; /* odd: with den 2 or 20, ties */
	}
}

static void set_u64(mpz_t z, uint64_t v)
{
	mpz_set_ui(z, (unsigned long)(v >> 32));
	mpz_mul_2exp(z, z, 32);
	mpz_add_ui(z, z, (unsigned long)(v & 0xffffffffu));
}

static void test_round_and_format_agree(void **state_)
{
	(void)state_;
	mpq_t x, y, a, b;
	mpq_inits(x, y, a, b, NULL);
	char fa[200], fb[200];
	for (int i = 0; i < 100000; i++) {
		set_u64(mpq_numref(x), pick(false));
		uint64_t d = pick(true);
		set_u64(mpq_denref(x), d ? d : 1);
		if (next() & 1)
			mpz_neg(mpq_numref(x), mpq_numref(x));
		mpq_canonicalize(x);
		/* y: the same value, both terms times 2^80, not canonical */
		mpz_mul_2exp(mpq_numref(y), mpq_numref(x), 80);
		mpz_mul_2exp(mpq_denref(y), mpq_denref(x), 80);
		int places = (int)(next() % 20);
		rep_round mode = (rep_round)(next() % 7);
		rep_dec_round(a, x, places, mode);
		rep_dec_round(b, y, places, mode);
		if (!mpq_equal(a, b)) {
			gmp_fprintf(stderr, "round %Qd at %d mode %d: %Qd vs %Qd\n", x, places, (int)mode, a, b);
			fail();
		}
		assert_int_equal(rep_dec_format_buf(fa, sizeof fa, x, places, mode), REP_OK);
		assert_int_equal(rep_dec_format_buf(fb, sizeof fb, y, places, mode), REP_OK);
		if (strcmp(fa, fb) != 0) {
			gmp_fprintf(stderr, "format %Qd at %d mode %d: %s vs %s\n", x, places, (int)mode, fa, fb);
			fail();
		}
		assert_true(rep_dec_format_size(x, places) >= strlen(fa) + 1);
		char *s1 = rep_dec_to_string(x), *s2 = rep_dec_to_string(y);
		assert_non_null(s1);
		assert_non_null(s2);
		assert_string_equal(s1, s2);
		free(s1);
		free(s2);
	}
	mpq_clears(x, y, a, b, NULL);
}

/* Hand-checked ties and limits. */
static void test_fixed_values(void **state_)
{
	(void)state_;
	mpq_t x;
	mpq_init(x);
	char buf[100];
	/* 1369.863013698630... = 500000/365 = 100000/73: 1369.86 */
	mpq_set_ui(x, 100000, 73);
	assert_int_equal(rep_dec_format_buf(buf, sizeof buf, x, 2, REP_ROUND_HALF_EVEN), REP_OK);
	assert_string_equal(buf, "1369.86");
	/* 2.5 -> 2 (half even), 3 (half up); -2.5 -> -2, -3 */
	mpq_set_si(x, 5, 2);
	assert_int_equal(rep_dec_format_buf(buf, sizeof buf, x, 0, REP_ROUND_HALF_EVEN), REP_OK);
	assert_string_equal(buf, "2");
	assert_int_equal(rep_dec_format_buf(buf, sizeof buf, x, 0, REP_ROUND_HALF_UP), REP_OK);
	assert_string_equal(buf, "3");
	mpq_set_si(x, -5, 2);
	assert_int_equal(rep_dec_format_buf(buf, sizeof buf, x, 0, REP_ROUND_HALF_EVEN), REP_OK);
	assert_string_equal(buf, "-2");
	assert_int_equal(rep_dec_format_buf(buf, sizeof buf, x, 0, REP_ROUND_HALF_UP), REP_OK);
	assert_string_equal(buf, "-3");
	/* -1/1000 at 2 places prints 0.00, not -0.00 */
	mpq_set_si(x, -1, 1000);
	assert_int_equal(rep_dec_format_buf(buf, sizeof buf, x, 2, REP_ROUND_HALF_UP), REP_OK);
	assert_string_equal(buf, "0.00");
	/* INT64_MAX at 19 places: 9223372036854775807 x 10^19 needs 128 bits */
	mpq_set_si(x, INT64_MAX, 1);
	assert_int_equal(rep_dec_format_buf(buf, sizeof buf, x, 19, REP_ROUND_HALF_UP), REP_OK);
	assert_string_equal(buf, "9223372036854775807.0000000000000000000");
	/* parsing: 750.00 = 750, 0.1 = 1/10, 1.2e27 does not fit the fast path (GMP builds it) */
	assert_int_equal(rep_dec_parse(x, "750.00", NULL), REP_OK);
	assert_int_equal(mpz_cmp_ui(mpq_numref(x), 750), 0);
	assert_int_equal(mpz_cmp_ui(mpq_denref(x), 1), 0);
	assert_int_equal(rep_dec_parse(x, "-0.10", NULL), REP_OK);
	assert_int_equal(mpz_cmp_si(mpq_numref(x), -1), 0);
	assert_int_equal(mpz_cmp_ui(mpq_denref(x), 10), 0);
	assert_int_equal(rep_dec_parse(x, "123456789012345678e10", NULL), REP_OK);
	char *s = rep_dec_to_string(x);
	assert_string_equal(s, "1234567890123456780000000000");
	free(s);
	mpq_clear(x);
}

static void test_parse_agrees(void **state_)
{
	(void)state_;
	mpq_t a, b;
	mpq_inits(a, b, NULL);
	char text[64], ref[96];
	for (int i = 0; i < 50000; i++) {
		int nd = 1 + (int)(next() % 20), frac = (int)(next() % (nd + 1)), exp = (int)(next() % 41) - 20;
		char digits[32];
		for (int k = 0; k < nd; k++)
			digits[k] = (char)('0' + (k == 0 ? 1 + next() % 9 : next() % 10));
		digits[nd] = '\0';
		bool neg = next() & 1;
		if (frac)
			snprintf(text, sizeof text, "%s%.*s.%se%d", neg ? "-" : "", nd - frac, digits, digits + nd - frac, exp);
		else
			snprintf(text, sizeof text, "%s%se%d", neg ? "-" : "", digits, exp);
		if (frac == nd) /* "-.123" is refused: put a zero before the point */
			snprintf(text, sizeof text, "%s0.%se%d", neg ? "-" : "", digits, exp);
		rep_status st = rep_dec_parse(a, text, NULL);
		int scale = exp - frac;
		mpz_t p;
		mpz_init(p);
		if (scale >= 0) {
			mpz_ui_pow_ui(p, 10, (unsigned long)scale);
			gmp_snprintf(ref, sizeof ref, "%s%s", neg ? "-" : "", digits);
			mpq_set_str(b, ref, 10);
			mpz_mul(mpq_numref(b), mpq_numref(b), p);
		} else {
			mpz_ui_pow_ui(p, 10, (unsigned long)-scale);
			gmp_snprintf(ref, sizeof ref, "%s%s/%Zd", neg ? "-" : "", digits, p);
			mpq_set_str(b, ref, 10);
			mpq_canonicalize(b);
		}
		mpz_clear(p);
		if (st != REP_OK)
			continue; /* out of the accepted magnitude: refused on both paths */
		if (!mpq_equal(a, b)) {
			gmp_fprintf(stderr, "parse %s: %Qd, want %Qd\n", text, a, b);
			fail();
		}
	}
	mpq_clears(a, b, NULL);
}

/* A sum of minor units printed as the rational it stands for would be. */
static void test_format_minor(void **state_)
{
	(void)state_;
#ifdef REP_MONEY_FAST
	char a[64], b[64];
	/* by hand: 123456 cents = 1234.56; -5 cents = -0.05; 7 yen (0 places) = 7; 0 at 3 places = 0.000 */
	assert_int_equal(rep_dec_format_minor(a, sizeof a, 123456, 2), REP_OK);
	assert_string_equal(a, "1234.56");
	assert_int_equal(rep_dec_format_minor(a, sizeof a, -5, 2), REP_OK);
	assert_string_equal(a, "-0.05");
	assert_int_equal(rep_dec_format_minor(a, sizeof a, 7, 0), REP_OK);
	assert_string_equal(a, "7");
	assert_int_equal(rep_dec_format_minor(a, sizeof a, 0, 3), REP_OK);
	assert_string_equal(a, "0.000");
	assert_int_equal(rep_dec_format_minor(a, 5, 123456, 2), REP_ELIMIT);
	assert_int_equal(rep_dec_format_minor(a, sizeof a, 1, 19), REP_EINVAL);
	mpq_t q;
	mpq_init(q);
	for (int i = 0; i < 100000; i++) {
		int places = (int)(next() % 19);
		rep_i128 m = (rep_i128)(int64_t)next();
		if (next() % 2)
			m *= (rep_i128)(next() % 100000); /* sums of many lines pass 2^63 */
		mpz_t num;
		mpz_init(num);
		rep_u128 mag = m < 0 ? (rep_u128)0 - (rep_u128)m : (rep_u128)m;
		mpz_t lo;
		mpz_init(lo);
		set_u64(num, (uint64_t)(mag >> 64));
		mpz_mul_2exp(num, num, 64);
		set_u64(lo, (uint64_t)mag);
		mpz_add(num, num, lo);
		mpz_clear(lo);
		if (m < 0)
			mpz_neg(num, num);
		mpq_set_num(q, num);
		mpz_set_ui(mpq_denref(q), 1);
		for (int k = 0; k < places; k++)
			mpz_mul_ui(mpq_denref(q), mpq_denref(q), 10);
		mpq_canonicalize(q);
		mpz_clear(num);
		assert_int_equal(rep_dec_format_minor(a, sizeof a, m, places), REP_OK);
		assert_int_equal(rep_dec_format_buf(b, sizeof b, q, places, REP_ROUND_HALF_EVEN), REP_OK);
		assert_string_equal(a, b);
	}
	mpq_clear(q);
#endif
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_and_format_agree),
		cmocka_unit_test(test_format_minor),
		cmocka_unit_test(test_fixed_values),
		cmocka_unit_test(test_parse_agrees),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
