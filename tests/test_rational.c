/* lib/rational.h's fast paths against GMP's mpq_*, bit for bit: a canonical
 * rational is unique, so the two must give the same numerator and
 * denominator. Operands are small, near the fast path's 2^62 bound on
 * either side (the far side must fall back to GMP), near powers of ten, and
 * negative; every operation is also checked with its result aliasing each
 * operand. Fixed-seed xorshift: a failure reproduces and names its values. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rational.h"

static uint64_t state = 0x2545F4914F6CDD1Dull;

static uint64_t next(void)
{
	state ^= state >> 12;
	state ^= state << 25;
	state ^= state >> 27;
	return state * 0x9E3779B97F4A7C15ull;
}

static void set_u64(mpz_t z, uint64_t v)
{
	mpz_set_ui(z, (unsigned long)(v >> 32));
	mpz_mul_2exp(z, z, 32);
	mpz_add_ui(z, z, (unsigned long)(v & 0xffffffffu));
}

/* A term: small, a power of ten and its neighbours, just under or over
 * 2^62, near 2^64, or a 2-limb value. */
static void pick_term(mpz_t z, bool den)
{
	static const uint64_t p10[] = {1, 10, 100, 1000, 100000, 10000000000ull, 1000000000000000000ull};
	const uint64_t limit = UINT64_C(1) << 62;
	switch (next() % 7) {
	case 0:
		set_u64(z, next() % 1000);
		break;
	case 1:
		set_u64(z, p10[next() % 7] + next() % 3);
		break;
	case 2:
		set_u64(z, limit - 1 - next() % 3); /* the largest fast terms */
		break;
	case 3:
		set_u64(z, limit + next() % 3); /* the smallest slow ones */
		break;
	case 4:
		set_u64(z, UINT64_MAX - next() % 3);
		break;
	case 5:
		set_u64(z, next());
		mpz_mul_2exp(z, z, 20 + next() % 50);
		break;
	default:
		set_u64(z, next() >> (next() % 64));
		break;
	}
	if (den && mpz_sgn(z) == 0)
		mpz_set_ui(z, 1);
}

static void pick(mpq_t x)
{
	pick_term(mpq_numref(x), false);
	pick_term(mpq_denref(x), true);
	if (next() % 2)
		mpz_neg(mpq_numref(x), mpq_numref(x));
	mpq_canonicalize(x);
}

typedef void (*q_op)(mpq_ptr, mpq_srcptr, mpq_srcptr);

static void op_add(mpq_ptr o, mpq_srcptr a, mpq_srcptr b) { rep_q_add(o, a, b); }
static void op_sub(mpq_ptr o, mpq_srcptr a, mpq_srcptr b) { rep_q_sub(o, a, b); }
static void op_mul(mpq_ptr o, mpq_srcptr a, mpq_srcptr b) { rep_q_mul(o, a, b); }
static void op_div(mpq_ptr o, mpq_srcptr a, mpq_srcptr b) { rep_q_div(o, a, b); }

static const struct {
	const char *name;
	q_op fast, gmp;
} ops[] = {
	{"add", op_add, mpq_add},
	{"sub", op_sub, mpq_sub},
	{"mul", op_mul, mpq_mul},
	{"div", op_div, mpq_div},
};

/* 0 when equal and canonical; else prints the case and returns 1. */
static int check_one(size_t k, const mpq_t a, const mpq_t b)
{
	if (ops[k].gmp == mpq_div && mpq_sgn(b) == 0)
		return 0; /* GMP traps: both paths leave it to GMP */
	mpq_t want, got, alias;
	mpq_inits(want, got, alias, NULL);
	ops[k].gmp(want, a, b);
	ops[k].fast(got, a, b);
	int bad = !mpq_equal(want, got) || mpz_cmp(mpq_numref(want), mpq_numref(got)) != 0 ||
		  mpz_cmp(mpq_denref(want), mpq_denref(got)) != 0;
	/* the result in the place of either operand, and both operands one value */
	mpq_set(alias, a);
	ops[k].fast(alias, alias, b);
	bad |= !mpq_equal(want, alias);
	mpq_set(alias, b);
	ops[k].fast(alias, a, alias);
	bad |= !mpq_equal(want, alias);
	if (bad)
		gmp_printf("%s: %Qd and %Qd: GMP %Qd, fast %Qd\n", ops[k].name, a, b, want, got);
	mpq_clears(want, got, alias, NULL);
	return bad;
}

static void test_random_operands(void **st)
{
	(void)st;
	mpq_t a, b;
	mpq_inits(a, b, NULL);
	int bad = 0;
	for (int i = 0; i < 100000; i++) {
		pick(a);
		pick(b);
		for (size_t k = 0; k < sizeof ops / sizeof *ops; k++)
			bad += check_one(k, a, b);
	}
	mpq_clears(a, b, NULL);
	assert_int_equal(bad, 0);
}

/* The same value on both sides, and each side zero or one. */
static void test_edges(void **st)
{
	(void)st;
	static const char *const vals[] = {"0", "1", "-1", "1/2", "-7/3", "4611686018427387903",
					   "-4611686018427387903/4611686018427387902", "4611686018427387904",
					   "1/4611686018427387904", "18446744073709551615/2", "-36893488147419103232/3"};
	size_t n = sizeof vals / sizeof *vals;
	mpq_t a, b;
	mpq_inits(a, b, NULL);
	int bad = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			assert_int_equal(mpq_set_str(a, vals[i], 10), 0);
			assert_int_equal(mpq_set_str(b, vals[j], 10), 0);
			mpq_canonicalize(a);
			mpq_canonicalize(b);
			for (size_t k = 0; k < sizeof ops / sizeof *ops; k++)
				bad += check_one(k, a, b);
			/* x op x through one object */
			mpq_t want;
			mpq_init(want);
			for (size_t k = 0; k < sizeof ops / sizeof *ops; k++) {
				if (ops[k].gmp == mpq_div && mpq_sgn(a) == 0)
					continue;
				ops[k].gmp(want, a, a);
				mpq_set(b, a);
				ops[k].fast(b, b, b);
				bad += !mpq_equal(want, b);
			}
			mpq_clear(want);
		}
	mpq_clears(a, b, NULL);
	assert_int_equal(bad, 0);
}

/* Hand values: 1/3 + 1/6 = 1/2 (the common factor 3 of the denominators
 * leaves the sum 3/6, reduced by gcd(3, 3)); 27/31 + 10/31 + 1 = 68/31
 * (the pro-rated months of 2022-01-05..2022-03-10); 0.75 x 2651 = 7953/4. */
static void test_hand_values(void **st)
{
	(void)st;
	mpq_t a, b, c;
	mpq_inits(a, b, c, NULL);
	rep_q_set_frac(a, 1, 3);
	rep_q_set_frac(b, 1, 6);
	rep_q_add(c, a, b);
	assert_int_equal(mpz_get_si(mpq_numref(c)), 1);
	assert_int_equal(mpz_get_si(mpq_denref(c)), 2);
	rep_q_set_frac(a, 27, 31);
	rep_q_set_frac(b, 10, 31);
	rep_q_add(c, a, b);
	mpq_set_ui(a, 1, 1);
	rep_q_add(c, c, a);
	assert_int_equal(mpz_get_si(mpq_numref(c)), 68);
	assert_int_equal(mpz_get_si(mpq_denref(c)), 31);
	rep_q_set_frac(a, 75, 100);
	assert_int_equal(mpz_get_si(mpq_numref(a)), 3);
	assert_int_equal(mpz_get_si(mpq_denref(a)), 4);
	mpq_set_ui(b, 2651, 1);
	rep_q_mul(c, a, b);
	assert_int_equal(mpz_get_si(mpq_numref(c)), 7953);
	assert_int_equal(mpz_get_si(mpq_denref(c)), 4);
	rep_q_div(c, c, b); /* back to 3/4 */
	assert_true(mpq_equal(c, a));
	rep_q_set_frac(a, 0, 7); /* zero is 0/1 */
	assert_int_equal(mpz_get_si(mpq_denref(a)), 1);
	mpq_clears(a, b, c, NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_random_operands),
		cmocka_unit_test(test_edges),
		cmocka_unit_test(test_hand_values),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
