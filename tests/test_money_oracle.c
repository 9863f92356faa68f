/* Differential test of exact money against an oracle written here with
 * integer arithmetic only (mpz numerators over mpz denominators) and
 * rounding rules derived independently of lib/money.c: the library floors
 * and then decides whether to step up; the oracle truncates the magnitude
 * and decides whether to step away from zero. The grammar oracle is a POSIX
 * regular expression. Inputs come from a fixed-seed xorshift generator, so
 * a failure reproduces exactly and names its case. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gmp.h>

#include "reparations.h"

#define N_COMPUTATIONS 120000
#define N_GRAMMAR 60000
#define N_ROUNDTRIP 60000

/* ---- generator: xorshift64* ---- */

static uint64_t rng_state;

static void rng_seed(uint64_t seed)
{
	rng_state = seed ? seed : 0x9E3779B97F4A7C15ULL;
}

static uint64_t rng_next(void)
{
	uint64_t x = rng_state;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	rng_state = x;
	return x * 0x2545F4914F6CDD1DULL;
}

/* uniform-enough integer in [lo, hi] */
static long rng_range(long lo, long hi)
{
	return lo + (long)(rng_next() % (uint64_t)(hi - lo + 1));
}

static bool rng_chance(int percent)
{
	return rng_range(0, 99) < percent;
}

static void rand_digits(char *w, int n, bool lead_nonzero)
{
	for (int i = 0; i < n; i++)
		w[i] = (char)('0' + rng_range(i == 0 && lead_nonzero ? 1 : 0, 9));
}

/* A random decimal in the full grammar: sign, leading zeros, fraction,
 * exponent in either case and with either sign, some out of range. */
static void rand_decimal(char *buf, size_t size)
{
	char *w = buf;
	long r = rng_range(0, 9);
	if (r < 3)
		*w++ = '-';
	else if (r == 3)
		*w++ = '+';
	int nint = (int)(rng_chance(10) ? rng_range(13, 28) : rng_range(1, 12));
	rand_digits(w, nint, false);
	w += nint;
	if (rng_chance(60)) {
		*w++ = '.';
		int nfrac = (int)rng_range(1, rng_chance(10) ? 30 : 10);
		rand_digits(w, nfrac, false);
		w += nfrac;
	}
	if (rng_chance(25)) {
		*w++ = rng_chance(50) ? 'e' : 'E';
		r = rng_range(0, 2);
		if (r == 1)
			*w++ = '-';
		else if (r == 2)
			*w++ = '+';
		if (rng_chance(10))
			*w++ = '0';
		w += snprintf(w, size - (size_t)(w - buf), "%ld", rng_range(0, 40));
	}
	*w = '\0';
}

/* ---- oracle: value = num / den, den > 0, not necessarily reduced ---- */

typedef struct {
	mpz_t num, den;
} oval;

static void oval_init(oval *v)
{
	mpz_init(v->num);
	mpz_init_set_ui(v->den, 1);
}

static void oval_clear(oval *v)
{
	mpz_clear(v->num);
	mpz_clear(v->den);
}

/* Decimal text to num/den by hand: digits as an integer, the point and the
 * exponent as a power of ten on one side or the other. Returns 0 on
 * success, 1 for a value outside [1e-30, 1e30] (zero excepted). The text is
 * known to match the grammar and to have a small exponent. */
static int oracle_parse(oval *v, const char *s)
{
	bool neg = false;
	const char *p = s;
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	mpz_set_ui(v->num, 0);
	long point = 0;
	bool in_frac = false;
	for (; *p && *p != 'e' && *p != 'E'; p++) {
		if (*p == '.') {
			in_frac = true;
			continue;
		}
		mpz_mul_ui(v->num, v->num, 10);
		mpz_add_ui(v->num, v->num, (unsigned long)(*p - '0'));
		if (in_frac)
			point++;
	}
	long e = 0;
	if (*p)
		e = strtol(p + 1, NULL, 10);
	long k = point - e; /* value = num / 10^k */
	mpz_set_ui(v->den, 1);
	mpz_t t;
	mpz_init(t);
	mpz_ui_pow_ui(t, 10, (unsigned long)(k >= 0 ? k : -k));
	if (k >= 0)
		mpz_set(v->den, t);
	else
		mpz_mul(v->num, v->num, t);
	if (neg)
		mpz_neg(v->num, v->num);
	int out = 0;
	if (mpz_sgn(v->num) != 0) {
		/* |num| > 10^30 den  or  |num| 10^30 < den */
		mpz_t a, b;
		mpz_inits(a, b, NULL);
		mpz_abs(a, v->num);
		mpz_ui_pow_ui(t, 10, 30);
		mpz_mul(b, t, v->den);
		if (mpz_cmp(a, b) > 0)
			out = 1;
		mpz_mul(a, a, t);
		if (mpz_cmp(a, v->den) < 0)
			out = 1;
		mpz_clears(a, b, NULL);
	}
	mpz_clear(t);
	return out;
}

static void oracle_add(oval *r, const oval *a, const oval *b, bool subtract)
{
	mpz_t x, y;
	mpz_inits(x, y, NULL);
	mpz_mul(x, a->num, b->den);
	mpz_mul(y, b->num, a->den);
	if (subtract)
		mpz_sub(r->num, x, y);
	else
		mpz_add(r->num, x, y);
	mpz_mul(r->den, a->den, b->den);
	mpz_clears(x, y, NULL);
}

static void oracle_mul(oval *r, const oval *a, const oval *b)
{
	mpz_mul(r->num, a->num, b->num);
	mpz_mul(r->den, a->den, b->den);
}

static void oracle_div_int(oval *r, const oval *a, long m)
{
	mpz_mul_si(r->den, a->den, m);
	mpz_set(r->num, a->num);
	if (m < 0) {
		mpz_neg(r->den, r->den);
		mpz_neg(r->num, r->num);
	}
}

/* z = v * 10^places rounded to an integer with mode, by the magnitude:
 * truncate |v| * 10^places, then step away from zero or not. */
static void oracle_round(mpz_t z, const oval *v, int places, rep_round mode)
{
	mpz_t s, d, q, rem, twice;
	mpz_inits(s, d, q, rem, twice, NULL);
	mpz_abs(s, v->num);
	mpz_set(d, v->den);
	mpz_ui_pow_ui(q, 10, (unsigned long)(places >= 0 ? places : -places));
	if (places >= 0)
		mpz_mul(s, s, q);
	else
		mpz_mul(d, d, q);
	int sign = mpz_sgn(v->num);
	mpz_tdiv_qr(q, rem, s, d);
	bool away = false;
	if (mpz_sgn(rem) != 0) {
		mpz_mul_ui(twice, rem, 2);
		int half = mpz_cmp(twice, d); /* <0 below half, 0 half, >0 above */
		switch (mode) {
		case REP_ROUND_DOWN:
			away = false;
			break;
		case REP_ROUND_UP:
			away = true;
			break;
		case REP_ROUND_FLOOR:
			away = sign < 0;
			break;
		case REP_ROUND_CEILING:
			away = sign > 0;
			break;
		case REP_ROUND_HALF_UP:
			away = half >= 0;
			break;
		case REP_ROUND_HALF_DOWN:
			away = half > 0;
			break;
		case REP_ROUND_HALF_EVEN:
			away = half > 0 || (half == 0 && mpz_tstbit(q, 0));
			break;
		}
	}
	if (away)
		mpz_add_ui(q, q, 1);
	if (sign < 0)
		mpz_neg(q, q);
	if (places < 0) {
		mpz_ui_pow_ui(s, 10, (unsigned long)-places);
		mpz_mul(q, q, s);
	}
	mpz_set(z, q);
	mpz_clears(s, d, q, rem, twice, NULL);
}

/* z / 10^places as text: integer part, point, zero-padded fraction. */
static void oracle_format(char *buf, size_t size, const mpz_t z, int places)
{
	mpz_t a, ip, fp, p;
	mpz_inits(a, ip, fp, p, NULL);
	mpz_abs(a, z);
	mpz_ui_pow_ui(p, 10, (unsigned long)places);
	mpz_tdiv_qr(ip, fp, a, p);
	const char *sign = mpz_sgn(z) < 0 ? "-" : "";
	if (places > 0)
		gmp_snprintf(buf, size, "%s%Zd.%0*Zd", sign, ip, places, fp);
	else
		gmp_snprintf(buf, size, "%s%Zd", sign, ip);
	mpz_clears(a, ip, fp, p, NULL);
}

static bool oracle_is_exact(const oval *v, int places)
{
	mpz_t s, d, r;
	mpz_inits(s, d, r, NULL);
	mpz_set(s, v->num);
	mpz_set(d, v->den);
	mpz_ui_pow_ui(r, 10, (unsigned long)(places >= 0 ? places : -places));
	if (places >= 0)
		mpz_mul(s, s, r);
	else
		mpz_mul(d, d, r);
	mpz_tdiv_r(r, s, d);
	bool exact = mpz_sgn(r) == 0;
	mpz_clears(s, d, r, NULL);
	return exact;
}

/* the library's rational equals the oracle's num/den */
static bool same_value(const mpq_t q, const oval *v)
{
	mpz_t l, r;
	mpz_inits(l, r, NULL);
	mpz_mul(l, mpq_numref(q), v->den);
	mpz_mul(r, v->num, mpq_denref(q));
	bool eq = mpz_cmp(l, r) == 0;
	mpz_clears(l, r, NULL);
	return eq;
}

static const rep_round modes[] = {
	REP_ROUND_HALF_UP, REP_ROUND_HALF_EVEN, REP_ROUND_HALF_DOWN, REP_ROUND_DOWN,
	REP_ROUND_UP,      REP_ROUND_FLOOR,     REP_ROUND_CEILING,
};

static rep_round rand_mode(void)
{
	return modes[rng_range(0, 6)];
}

/* Parse a random decimal with both; they must agree on the status and the
 * value. Retries until a value in range comes up. */
static void parse_both(mpq_t q, oval *v, char *text, size_t size, long icase)
{
	for (;;) {
		rand_decimal(text, size);
		int out = oracle_parse(v, text);
		rep_status st = rep_dec_parse(q, text, NULL);
		if (out) {
			if (st != REP_ERANGE)
				fail_msg("case %ld: \"%s\" out of range, got %s", icase, text, rep_status_name(st));
			continue;
		}
		if (st != REP_OK)
			fail_msg("case %ld: \"%s\" got %s", icase, text, rep_status_name(st));
		if (!same_value(q, v))
			fail_msg("case %ld: \"%s\" parsed to a different value", icase, text);
		return;
	}
}

static void t_computations(void **state)
{
	(void)state;
	rng_seed(20240501);
	mpq_t acc, x, m;
	oval oacc, ox, otmp;
	mpz_t z;
	mpq_inits(acc, x, m, NULL);
	oval_init(&oacc);
	oval_init(&ox);
	oval_init(&otmp);
	mpz_init(z);
	char text[128], got[256], want[256], chain[512];
	long ties = 0;

	for (long icase = 0; icase < N_COMPUTATIONS; icase++) {
		parse_both(acc, &oacc, text, sizeof text, icase);
		int n = snprintf(chain, sizeof chain, "%s", text);
		int nops = (int)rng_range(1, 3);
		for (int k = 0; k < nops; k++) {
			long op = rng_range(0, 3);
			if (op == 3) {
				long d = rng_range(1, 100000) * (rng_chance(20) ? -1 : 1);
				mpq_set_si(m, d, 1);
				mpq_div(acc, acc, m);
				oracle_div_int(&otmp, &oacc, d);
				n += snprintf(chain + n, sizeof chain - (size_t)n, " / %ld", d);
			} else {
				parse_both(x, &ox, text, sizeof text, icase);
				if (op == 0) {
					mpq_add(acc, acc, x);
					oracle_add(&otmp, &oacc, &ox, false);
				} else if (op == 1) {
					mpq_sub(acc, acc, x);
					oracle_add(&otmp, &oacc, &ox, true);
				} else {
					mpq_mul(acc, acc, x);
					oracle_mul(&otmp, &oacc, &ox);
				}
				n += snprintf(chain + n, sizeof chain - (size_t)n, " %c %s", "+-*"[op], text);
			}
			mpz_swap(oacc.num, otmp.num);
			mpz_swap(oacc.den, otmp.den);
			if (n >= (int)sizeof chain - 1)
				n = (int)sizeof chain - 1;
		}
		if (!same_value(acc, &oacc))
			fail_msg("case %ld: %s: arithmetic differs", icase, chain);

		/* format at 0..12 places */
		rep_round mode = rand_mode();
		int places = (int)rng_range(0, 12);
		oracle_round(z, &oacc, places, mode);
		oracle_format(want, sizeof want, z, places);
		rep_status st = rep_dec_format_buf(got, sizeof got, acc, places, mode);
		if (st != REP_OK || strcmp(want, got) != 0)
			fail_msg("case %ld: %s at %d places %s: want %s, got %s (%s)", icase, chain, places,
				 rep_round_name(mode), want, got, rep_status_name(st));

		/* rep_dec_round at -6..14 places, as a value */
		mode = rand_mode();
		places = (int)rng_range(-6, 14);
		oracle_round(z, &oacc, places, mode);
		mpq_set(x, acc);
		rep_dec_round(x, x, places, mode);
		mpz_ui_pow_ui(otmp.den, 10, (unsigned long)(places > 0 ? places : 0));
		mpz_set(otmp.num, z);
		if (!same_value(x, &otmp))
			fail_msg("case %ld: %s round %d %s differs", icase, chain, places, rep_round_name(mode));
		if (rep_dec_is_exact(acc, places) != oracle_is_exact(&oacc, places))
			fail_msg("case %ld: %s is_exact(%d) differs", icase, chain, places);
		if (oracle_is_exact(&oacc, places + 1) && !oracle_is_exact(&oacc, places))
			ties++;
	}
	/* The generator must reach the interesting cases, not just random
	 * long fractions: values that terminate one place past the rounding. */
	assert_true(ties > 1000);

	mpz_clear(z);
	oval_clear(&oacc);
	oval_clear(&ox);
	oval_clear(&otmp);
	mpq_clears(acc, x, m, NULL);
}

/* Random strings over the grammar's alphabet and its usual intruders,
 * judged by a regular expression. */
static void t_grammar(void **state)
{
	(void)state;
	static const char alphabet[] = "0123456789011.eE+-- ,x\t";
	regex_t re;
	assert_int_equal(0, regcomp(&re, "^[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$", REG_EXTENDED | REG_NOSUB));
	rng_seed(77);
	mpq_t q;
	mpq_init(q);
	oval v;
	oval_init(&v);
	long accepted = 0;
	char s[16];
	for (long icase = 0; icase < N_GRAMMAR; icase++) {
		int len = (int)rng_range(0, 8);
		for (int i = 0; i < len; i++)
			s[i] = alphabet[rng_range(0, (long)sizeof alphabet - 2)];
		s[len] = '\0';
		bool ok = regexec(&re, s, 0, NULL, 0) == 0;
		rep_status st = rep_dec_parse(q, s, NULL);
		if (!ok) {
			if (st != REP_ESYNTAX)
				fail_msg("\"%s\": want syntax error, got %s", s, rep_status_name(st));
			continue;
		}
		/* short strings: exponents stay below 10^7, the oracle can afford
		 * only small ones */
		const char *e = strpbrk(s, "eE");
		if (e && strtol(e + 1, NULL, 10) > 60) {
			if (st != REP_ERANGE && !(st == REP_OK && mpq_sgn(q) == 0))
				fail_msg("\"%s\": got %s", s, rep_status_name(st));
			continue;
		}
		if (e && strtol(e + 1, NULL, 10) < -60) {
			if (st != REP_ERANGE && !(st == REP_OK && mpq_sgn(q) == 0))
				fail_msg("\"%s\": got %s", s, rep_status_name(st));
			continue;
		}
		int out = oracle_parse(&v, s);
		if (st != (out ? REP_ERANGE : REP_OK))
			fail_msg("\"%s\": got %s", s, rep_status_name(st));
		if (!out && !same_value(q, &v))
			fail_msg("\"%s\": value differs", s);
		accepted += !out;
	}
	assert_true(accepted > 1000);
	oval_clear(&v);
	mpq_clear(q);
	regfree(&re);
}

/* Canonical amounts ("-1234.50", "0.07", "12") survive parse and format
 * unchanged, and rep_dec_to_string gives them without trailing zeros. */
static void t_roundtrip(void **state)
{
	(void)state;
	rng_seed(4217);
	mpq_t q;
	mpq_init(q);
	char s[80], got[96], shortest[80];
	for (long icase = 0; icase < N_ROUNDTRIP; icase++) {
		char *w = s;
		bool neg = rng_chance(40);
		if (neg)
			*w++ = '-';
		int nint = (int)rng_range(1, 30);
		if (rng_chance(30))
			nint = 1;
		rand_digits(w, nint, nint > 1);
		w += nint;
		int places = (int)rng_range(0, 12);
		if (places) {
			*w++ = '.';
			rand_digits(w, places, false);
			w += places;
		}
		*w = '\0';
		/* "-0.00" is not canonical: zero has no sign */
		if (neg && strspn(s + 1, "0.") == strlen(s + 1))
			memmove(s, s + 1, strlen(s));

		assert_int_equal(REP_OK, rep_dec_parse(q, s, NULL));
		rep_round mode = rand_mode();
		assert_int_equal(REP_OK, rep_dec_format_buf(got, sizeof got, q, places, mode));
		if (strcmp(s, got) != 0)
			fail_msg("case %ld: \"%s\" came back as \"%s\"", icase, s, got);

		/* shortest form: strip trailing fraction zeros, then the point */
		strcpy(shortest, s);
		if (strchr(shortest, '.')) {
			size_t l = strlen(shortest);
			while (shortest[l - 1] == '0')
				shortest[--l] = '\0';
			if (shortest[l - 1] == '.')
				shortest[--l] = '\0';
		}
		if (strcmp(shortest, "-0") == 0)
			strcpy(shortest, "0");
		char *str = rep_dec_to_string(q);
		assert_non_null(str);
		if (strcmp(shortest, str) != 0)
			fail_msg("case %ld: to_string(\"%s\") = \"%s\", want \"%s\"", icase, s, str, shortest);
		free(str);
	}
	mpq_clear(q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_computations),
		cmocka_unit_test(t_grammar),
		cmocka_unit_test(t_roundtrip),
	};
	return cmocka_run_group_tests_name("money_oracle", tests, NULL, NULL);
}
