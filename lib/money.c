/* Exact decimal money on GMP rationals: parsing, rounding, formatting, and
 * correctly rounded powers and logarithms. No floating point anywhere:
 * a binary double cannot even see that 1.575 is a tie at two decimals. */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "ival.h"
#include "money_fast.h"
#include "reparations/money.h"

static const char *const round_names[] = {
	[REP_ROUND_HALF_UP] = "half_up",
	[REP_ROUND_HALF_EVEN] = "half_even",
	[REP_ROUND_HALF_DOWN] = "half_down",
	[REP_ROUND_DOWN] = "down",
	[REP_ROUND_UP] = "up",
	[REP_ROUND_FLOOR] = "floor",
	[REP_ROUND_CEILING] = "ceiling",
};

#define N_MODES (sizeof round_names / sizeof round_names[0])

static bool mode_ok(rep_round mode)
{
	return (unsigned)mode < N_MODES;
}

const char *rep_round_name(rep_round mode)
{
	return mode_ok(mode) ? round_names[mode] : "?";
}

rep_status rep_round_parse(rep_round *out, const char *name)
{
	if (!out || !name)
		return REP_EUSAGE;
	for (unsigned i = 0; i < N_MODES; i++) {
		if (strcmp(name, round_names[i]) == 0) {
			*out = (rep_round)i;
			return REP_OK;
		}
	}
	return REP_ENOTFOUND;
}

/* ---- parsing ---- */

/* Echo at most this much of a rejected text: a message is for a human. */
#define ECHO_MAX 48

/* A written amount with digit grouping or a decimal comma ("350 000",
 * "350,000.50", "1.234.567,89", "1 234,5"): say what to write instead. When
 * both '.' and ',' occur, the last one marks the decimals; a lone comma
 * before one or two digits is a decimal comma; before three digits it may
 * be either, and the hint says so rather than guess. Returns false when the
 * text is not digits and separators (then there is nothing to suggest). */
static bool separator_hint(char *out, size_t size, const char *s, size_t len)
{
	char plain[ECHO_MAX + 1]; /* digits and the separators '.' ',' in order */
	size_t n = 0, commas = 0, points = 0, spaces = 0, digits = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c >= '0' && c <= '9') || c == ',' || c == '.') {
			if (n == ECHO_MAX)
				return false;
			plain[n++] = (char)c;
			digits += c >= '0' && c <= '9';
			commas += c == ',';
			points += c == '.';
		} else if (c == ' ' || c == '\'' || c == '_') {
			spaces++;
		} else if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0) {
			spaces++, i++; /* no-break space */
		} else if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
			   ((unsigned char)s[i + 2] == 0xAF || (unsigned char)s[i + 2] == 0x89)) {
			spaces++, i += 2; /* narrow no-break space, thin space */
		} else if (!(c == '-' && i == 0)) {
			return false;
		}
	}
	plain[n] = '\0';
	if (!digits || (!commas && !spaces && points < 2))
		return false;
	/* which separator marks the decimals: 0 none, else '.' or ',' */
	char dec = 0;
	const char *last_sep = NULL;
	for (const char *p = plain; *p; p++)
		if (*p == ',' || *p == '.')
			last_sep = p;
	size_t after = last_sep ? strlen(last_sep + 1) : 0;
	if (commas && points)
		dec = *last_sep;
	else if (points == 1)
		dec = '.';
	else if (commas == 1 && after >= 1 && after <= 2)
		dec = ',';
	bool ambiguous = !dec && commas == 1 && !points && after == 3 && !spaces;
	char fixed[ECHO_MAX + 1], alt[ECHO_MAX + 1];
	size_t m = 0, a = 0;
	for (const char *p = plain; *p; p++) {
		if (*p != ',' && *p != '.')
			fixed[m++] = *p;
		else if (p == last_sep && dec)
			fixed[m++] = '.';
		alt[a++] = *p == ',' ? '.' : *p;
	}
	fixed[m] = alt[a] = '\0';
	const char *sign = len && s[0] == '-' ? "-" : "";
	if (ambiguous)
		snprintf(out, size, ": amounts take no thousands separators and a point for decimals (write %s%s, or %s%s if the comma marks decimals)",
			 sign, fixed, sign, alt);
	else
		snprintf(out, size, ": amounts take no thousands separators and a point for decimals (write %s%s)", sign,
			 fixed);
	return true;
}

static rep_status dec_err(rep_error *err, rep_status st, const char *s, size_t len, const char *why)
{
	char echo[ECHO_MAX + 4];
	size_t n = len < ECHO_MAX ? len : ECHO_MAX;
	/* The text may be anything, NULs and invalid UTF-8 included; a
	 * message must stay printable ASCII whatever it is written into. */
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		echo[i] = c >= 0x20 && c < 0x7f ? (char)c : '?';
	}
	if (n < len) {
		memcpy(echo + n, "...", 3);
		n += 3;
	}
	echo[n] = '\0';
	char hint[ECHO_MAX + 160];
	if (st == REP_ESYNTAX && !*why && separator_hint(hint, sizeof hint, s, len))
		why = hint;
	return rep_err(err, st, NULL, "\"%s\" is not a decimal number%s", echo, why);
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

_Static_assert(REP_DEC_MAX_CHARS == 100 && REP_DEC_MAX_EXP == 30, "the parse messages spell these limits out");

/* Exponents with more digits than this are absurd for any mantissa that
 * fits in REP_DEC_MAX_CHARS, so they saturate instead of being read. */
#define EXP_SATURATE 100000000L

rep_status rep_dec_parse_n(mpq_t out, const char *s, size_t len, rep_error *err)
{
	if (!out || (!s && len))
		return rep_err(err, REP_EUSAGE, NULL, "rep_dec_parse: NULL argument");
	if (!s)
		s = "";
	if (len > REP_DEC_MAX_CHARS)
		return dec_err(err, REP_ELIMIT, s, len, " (longer than 100 characters)");

	/* Scan against the grammar first; nothing is built from a bad text. */
	size_t i = 0, int0, int1, frac0 = 0, frac1 = 0;
	bool neg = false;
	long exp = 0;
	if (i < len && (s[i] == '-' || s[i] == '+'))
		neg = s[i++] == '-';
	int0 = i;
	while (i < len && is_digit(s[i]))
		i++;
	int1 = i;
	if (int1 == int0)
		return dec_err(err, REP_ESYNTAX, s, len, "");
	if (i < len && s[i] == '.') {
		frac0 = ++i;
		while (i < len && is_digit(s[i]))
			i++;
		frac1 = i;
		if (frac1 == frac0)
			return dec_err(err, REP_ESYNTAX, s, len, "");
	}
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		bool eneg = false;
		i++;
		if (i < len && (s[i] == '-' || s[i] == '+'))
			eneg = s[i++] == '-';
		size_t e0 = i;
		while (i < len && is_digit(s[i])) {
			if (exp < EXP_SATURATE)
				exp = exp * 10 + (s[i] - '0');
			i++;
		}
		if (i == e0)
			return dec_err(err, REP_ESYNTAX, s, len, "");
		if (eneg)
			exp = -exp;
	}
	if (i != len)
		return dec_err(err, REP_ESYNTAX, s, len, "");

	/* Significant digits of the mantissa, leading zeros dropped. */
	char digits[REP_DEC_MAX_CHARS + 1];
	size_t nd = 0;
	for (size_t k = int0; k < int1; k++)
		if (nd || s[k] != '0')
			digits[nd++] = s[k];
	for (size_t k = frac0; k < frac1; k++)
		if (nd || s[k] != '0')
			digits[nd++] = s[k];
	digits[nd] = '\0';
	if (nd == 0) {
		/* Zero is zero at any exponent. */
		mpq_set_ui(out, 0, 1);
		return REP_OK;
	}

	/* value = digits * 10^scale, and 10^(mag-1) <= value < 10^mag. The
	 * magnitude is decided on these small integers before any power of
	 * ten is built, so "1e999999999" costs nothing. */
	long scale = exp - (long)(frac1 - frac0);
	long mag = (long)nd + scale;
	bool in_range;
	if (mag - 1 > REP_DEC_MAX_EXP || mag <= -REP_DEC_MAX_EXP)
		in_range = false;
	else if (mag == REP_DEC_MAX_EXP + 1)
		in_range = digits[0] == '1' && strspn(digits + 1, "0") == nd - 1;
	else
		in_range = true;
	if (!in_range)
		return dec_err(err, REP_ERANGE, s, len, " (magnitude outside 1e-30..1e+30)");

#ifdef REP_MONEY_FAST
	if (rep_fast_parse(out, neg, digits, nd, scale))
		return REP_OK;
#endif
	mpz_t num, den;
	mpz_init_set_str(num, digits, 10);
	mpz_init_set_ui(den, 1);
	if (scale >= 0) {
		mpz_ui_pow_ui(den, 10, (unsigned long)scale);
		mpz_mul(num, num, den);
		mpz_set_ui(den, 1);
	} else {
		mpz_ui_pow_ui(den, 10, (unsigned long)-scale);
	}
	if (neg)
		mpz_neg(num, num);
	mpq_set_num(out, num);
	mpq_set_den(out, den);
	mpq_canonicalize(out);
	mpz_clears(num, den, NULL);
	return REP_OK;
}

rep_status rep_dec_parse(mpq_t out, const char *s, rep_error *err)
{
	if (!out || !s)
		return rep_err(err, REP_EUSAGE, NULL, "rep_dec_parse: NULL argument");
	/* Bounded, so a megabyte of digits is refused without being walked. */
	return rep_dec_parse_n(out, s, strnlen(s, REP_DEC_MAX_CHARS + 1), err);
}

/* ---- rounding ---- */

static int clamp_places(int places)
{
	return places < -30 ? -30 : places > 60 ? 60 : places;
}

/* q = x * 10^places rounded to an integer with mode (unknown: half-up).
 * Exact: floor division, then the remainder against the divisor decides. */
static void round_scaled(mpz_t q, const mpq_t x, int places, rep_round mode)
{
#ifdef REP_MONEY_FAST
	rep_i128 fq;
	if (rep_fast_round_scaled(&fq, x, places, mode)) {
		rep_mpz_set_i128(q, fq);
		return;
	}
#endif
	mpz_t n, d, r;
	mpz_inits(n, d, r, NULL);
	if (places >= 0) {
		mpz_ui_pow_ui(n, 10, (unsigned long)places);
		mpz_mul(n, n, mpq_numref(x));
		mpz_set(d, mpq_denref(x));
	} else {
		mpz_ui_pow_ui(d, 10, (unsigned long)-places);
		mpz_mul(d, d, mpq_denref(x));
		mpz_set(n, mpq_numref(x));
	}
	mpz_fdiv_qr(q, r, n, d);
	if (mpz_sgn(r) != 0) {
		/* Not exact: q = floor, q + 1 = ceiling; pick one. */
		int sign = mpz_sgn(n), c;
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
		default:
			mpz_mul_2exp(r, r, 1);
			c = mpz_cmp(r, d);
			if (c != 0)
				up = c > 0;
			else if (mode == REP_ROUND_HALF_EVEN)
				up = mpz_odd_p(q);
			else if (mode == REP_ROUND_HALF_DOWN)
				up = sign < 0;
			else
				up = sign > 0;
			break;
		}
		if (up)
			mpz_add_ui(q, q, 1);
	}
	mpz_clears(n, d, r, NULL);
}

void rep_dec_round(mpq_t out, const mpq_t x, int places, rep_round mode)
{
	if (!out || !x)
		return;
	places = clamp_places(places);
#ifdef REP_MONEY_FAST
	rep_i128 fq;
	if (rep_fast_round_scaled(&fq, x, places, mode) && fq >= -(rep_i128)INT64_MAX && fq <= (rep_i128)INT64_MAX) {
		rep_mpq_set_u64(out, fq < 0, (uint64_t)(fq < 0 ? -fq : fq), rep_pow10_u64[places]);
		return;
	}
#endif
	mpz_t q;
	mpz_init(q);
	round_scaled(q, x, places, mode);
	if (places >= 0) {
		mpq_set_z(out, q);
		mpz_ui_pow_ui(mpq_denref(out), 10, (unsigned long)places);
	} else {
		mpz_ui_pow_ui(mpq_denref(out), 10, (unsigned long)-places);
		mpz_mul(mpq_numref(out), q, mpq_denref(out));
		mpz_set_ui(mpq_denref(out), 1);
	}
	mpq_canonicalize(out);
	mpz_clear(q);
}

/* |z| = 2^twos 5^fives rest (z != 0), by stripping factors: never by
 * building a power of ten, so any exponent is cheap. rest may be NULL. */
static void strip_2_5(mpz_ptr rest, mpz_srcptr z, unsigned long *twos, unsigned long *fives)
{
	mpz_t t, five;
	mpz_inits(t, five, NULL);
	mpz_set_ui(five, 5);
	*twos = mpz_scan1(z, 0);
	mpz_tdiv_q_2exp(t, z, *twos);
	mpz_abs(t, t);
	*fives = mpz_remove(t, t, five);
	if (rest)
		mpz_swap(rest, t);
	mpz_clears(t, five, NULL);
}

bool rep_dec_is_exact(const mpq_t x, int places)
{
	if (!x)
		return false;
	unsigned long twos, fives;
	if (places >= 0 && mpz_cmp_ui(mpq_denref(x), 1) == 0)
		return true;
	if (places >= 0) {
		/* x*10^p is an integer <=> den | 10^p <=> den = 2^a 5^b, a, b <= p. */
		mpz_t rest;
		mpz_init(rest);
		strip_2_5(rest, mpq_denref(x), &twos, &fives);
		bool exact = mpz_cmp_ui(rest, 1) == 0 && twos <= (unsigned long)places &&
			     fives <= (unsigned long)places;
		mpz_clear(rest);
		return exact;
	}
	if (mpz_cmp_ui(mpq_denref(x), 1) != 0)
		return false;
	if (mpz_sgn(mpq_numref(x)) == 0)
		return true;
	strip_2_5(NULL, mpq_numref(x), &twos, &fives);
	unsigned long need = (unsigned long)-(long long)places;
	return twos >= need && fives >= need;
}

/* ---- formatting ---- */

/* Decimals printed for `places` after clamping: negative places round to
 * tens, hundreds, ... and print as an integer. */
static unsigned decimals_of(int places)
{
	return places > 0 ? (unsigned)places : 0;
}

size_t rep_dec_format_size(const mpq_t x, int places)
{
	if (!x)
		return 1;
	places = clamp_places(places);
	unsigned dec = decimals_of(places);
#ifdef REP_MONEY_FAST
	if (places >= 0 && mpz_fits_slong_p(mpq_numref(x)) && mpz_fits_ulong_p(mpq_denref(x))) {
		int64_t n = mpz_get_si(mpq_numref(x));
		uint64_t m = (n < 0 ? (uint64_t)0 - (uint64_t)n : (uint64_t)n) / mpz_get_ui(mpq_denref(x));
		size_t digits = 1;
		while (m >= 10) {
			m /= 10;
			digits++;
		}
		/* sign + digits + a carry (9.995 -> 10.00) + point + decimals + NUL */
		return 1 + digits + 1 + (dec ? 1 + dec : 0) + 1;
	}
#endif
	mpz_t ip;
	mpz_init(ip);
	mpz_tdiv_q(ip, mpq_numref(x), mpq_denref(x));
	/* +1: rounding may carry into a new digit (9.995 -> 10.00). */
	size_t idig = mpz_sizeinbase(ip, 10) + 1;
	mpz_clear(ip);
	if (places < 0 && idig < (size_t)-places + 1)
		idig = (size_t)-places + 1;
	/* sign + integer digits + point + decimals + NUL */
	return 1 + idig + (dec ? 1 + dec : 0) + 1;
}

/* "-1234.56" into buf from the digits of |x| * 10^dec (no leading zeros). */
static rep_status point_digits(char *buf, size_t size, bool neg, const char *dig, size_t nd, unsigned dec)
{
	size_t ilen = nd > dec ? nd - dec : 1;
	size_t total = (neg ? 1 : 0) + ilen + (dec ? 1 + dec : 0);
	if (total + 1 > size)
		return REP_ELIMIT;
	char *w = buf;
	if (neg)
		*w++ = '-';
	if (nd > dec) {
		memcpy(w, dig, ilen);
		w += ilen;
	} else {
		*w++ = '0';
	}
	if (dec) {
		*w++ = '.';
		/* Small values: zeros between the point and the digits. */
		size_t lead = nd < dec ? dec - nd : 0;
		memset(w, '0', lead);
		w += lead;
		size_t fl = dec - lead;
		memcpy(w, dig + (nd - fl), fl);
		w += fl;
	}
	*w = '\0';
	return REP_OK;
}

#ifdef REP_MONEY_FAST
rep_status rep_dec_format_minor(char *buf, size_t size, rep_i128 minor, int places)
{
	if (!buf || size == 0)
		return REP_EUSAGE;
	if (places < 0 || places > 18)
		return REP_EINVAL;
	char dig[48];
	bool neg = minor < 0;
	size_t nd = rep_u128_digits(dig, neg ? (rep_u128)0 - (rep_u128)minor : (rep_u128)minor);
	return point_digits(buf, size, neg, dig, nd, (unsigned)places);
}
#endif

rep_status rep_dec_format_buf(char *buf, size_t size, const mpq_t x, int places, rep_round mode)
{
	if (!buf || !x)
		return REP_EUSAGE;
	if (size == 0)
		return REP_ELIMIT;
	buf[0] = '\0';
	if (!mode_ok(mode))
		return REP_EINVAL;
	places = clamp_places(places);
	unsigned dec = decimals_of(places);

	rep_status st = REP_OK;
	mpz_t q;
	mpz_init(q);
	char small[128];
	char *dig = small;
	bool neg;
	size_t nd;
#ifdef REP_MONEY_FAST
	rep_i128 fq;
	if (rep_fast_round_scaled(&fq, x, places, mode)) {
		neg = fq < 0;
		nd = rep_u128_digits(small, neg ? (rep_u128)0 - (rep_u128)fq : (rep_u128)fq);
	} else
#endif
	{
		round_scaled(q, x, places, mode);
		if (places < 0) {
			mpz_t p;
			mpz_init(p);
			mpz_ui_pow_ui(p, 10, (unsigned long)-places);
			mpz_mul(q, q, p);
			mpz_clear(p);
		}
		/* The sign comes from the rounded value, so -0.001 prints "0.00". */
		neg = mpz_sgn(q) < 0;
		mpz_abs(q, q);
		size_t cap = mpz_sizeinbase(q, 10) + 2;
		dig = cap <= sizeof small ? small : rep_malloc(cap);
		if (!dig) {
			st = REP_ENOMEM;
			goto out;
		}
		mpz_get_str(dig, 10, q);
		nd = strlen(dig);
	}
	st = point_digits(buf, size, neg, dig, nd, dec);
out:
	if (dig && dig != small)
		rep_free(dig);
	mpz_clear(q);
	return st;
}

char *rep_dec_format(const mpq_t x, int places, rep_round mode)
{
	if (!x || !mode_ok(mode))
		return NULL;
	size_t size = rep_dec_format_size(x, places);
	char *buf = rep_malloc(size);
	if (!buf)
		return NULL;
	if (rep_dec_format_buf(buf, size, x, places, mode) != REP_OK) {
		rep_free(buf);
		return NULL;
	}
	return buf;
}

char *rep_dec_to_string(const mpq_t x)
{
	if (!x)
		return NULL;
#ifdef REP_MONEY_FAST
	/* a denominator 2^a 5^b that fits in 64 bits: the value terminates, no rounding to do */
	if (mpz_fits_ulong_p(mpq_denref(x))) {
		uint64_t d = mpz_get_ui(mpq_denref(x));
		int twos = __builtin_ctzll(d), fives = 0;
		d >>= twos;
		while (d % 5 == 0) {
			d /= 5;
			fives++;
		}
		if (d == 1 && twos <= 60)
			return rep_dec_format(x, twos > fives ? twos : fives, REP_ROUND_HALF_EVEN);
	}
#endif
	/* Rounding is the identity on a value that terminates within 60
	 * places; after it the denominator is 2^a 5^b and max(a, b) is the
	 * shortest exact number of decimals. */
	mpq_t y;
	mpq_init(y);
	rep_dec_round(y, x, 60, REP_ROUND_HALF_EVEN);
	unsigned long twos, fives;
	strip_2_5(NULL, mpq_denref(y), &twos, &fives);
	int places = (int)(twos > fives ? twos : fives);
	char *s = rep_dec_format(y, places, REP_ROUND_HALF_EVEN);
	mpq_clear(y);
	return s;
}

/* ---- powers and logarithms ---- */

/* Bits beyond which an integer power is not built exactly: such a result
 * cannot be a decimal of <= 61 places below 1e60 (its denominator alone
 * would be too large), so it cannot sit on a rounding boundary and the
 * interval path decides it correctly and cheaply. */
#define POW_EXACT_BITS (1UL << 20)

static bool beyond_1e60(const mpq_t q)
{
	mpz_t lim, a;
	mpz_inits(lim, a, NULL);
	mpz_ui_pow_ui(lim, 10, 60);
	mpz_mul(lim, lim, mpq_denref(q));
	mpz_abs(a, mpq_numref(q));
	bool beyond = mpz_cmp(a, lim) > 0;
	mpz_clears(lim, a, NULL);
	return beyond;
}

struct pow_ctx {
	mpq_srcptr base, exponent;
};

static rep_status pow_fn(rep_ival *res, mpfr_prec_t prec, void *vctx)
{
	const struct pow_ctx *c = vctx;
	rep_ival x, y;
	rep_ival_init(&x, prec);
	rep_ival_init(&y, prec);
	rep_ival_set_q(&x, c->base);
	rep_ival_set_q(&y, c->exponent);
	/* A base below MPFR's least positive number cannot be bounded below. */
	rep_status st = mpfr_zero_p(x.lo) ? REP_ERANGE : rep_ival_pow(res, &x, &y);
	/* base^y > 0 always, so an underflowed lower end means a value below
	 * MPFR's least positive number; every such value rounds alike at
	 * <= 60 places, so the least positive number stands in for it. */
	if (!st && mpfr_zero_p(res->lo))
		mpfr_nextabove(res->lo);
	rep_ival_clear(&x);
	rep_ival_clear(&y);
	return st;
}

/* Powers mpz^e with a size guard; false when too large to build. */
static bool pow_fits(mpz_srcptr z, unsigned long e)
{
	size_t bits = mpz_sizeinbase(z, 2);
	return e == 0 || bits <= POW_EXACT_BITS / e;
}

/* Is base^(p/q) exactly t? With both in lowest terms and t > 0, that is
 * t^q == base^p, numerator and denominator separately. */
static bool pow_exact(void *vctx, const mpq_t t)
{
	const struct pow_ctx *c = vctx;
	mpz_srcptr p = mpq_numref(c->exponent), q = mpq_denref(c->exponent);
	if (mpq_sgn(t) <= 0 || mpz_cmp_ui(q, 64) > 0 || !mpz_fits_ulong_p(q))
		return false;
	mpz_t ap;
	mpz_init(ap);
	mpz_abs(ap, p);
	bool ok = mpz_fits_ulong_p(ap);
	unsigned long pe = ok ? mpz_get_ui(ap) : 0, qe = mpz_get_ui(q);
	mpz_clear(ap);
	/* For p < 0, base^p = den^|p| / num^|p|. */
	mpz_srcptr bn = mpz_sgn(p) >= 0 ? mpq_numref(c->base) : mpq_denref(c->base);
	mpz_srcptr bd = mpz_sgn(p) >= 0 ? mpq_denref(c->base) : mpq_numref(c->base);
	if (!ok || !pow_fits(bn, pe) || !pow_fits(bd, pe) || !pow_fits(mpq_numref(t), qe) ||
	    !pow_fits(mpq_denref(t), qe))
		return false;
	mpz_t l, r;
	mpz_inits(l, r, NULL);
	mpz_pow_ui(l, mpq_numref(t), qe);
	mpz_pow_ui(r, bn, pe);
	bool eq = mpz_cmp(l, r) == 0;
	if (eq) {
		mpz_pow_ui(l, mpq_denref(t), qe);
		mpz_pow_ui(r, bd, pe);
		eq = mpz_cmp(l, r) == 0;
	}
	mpz_clears(l, r, NULL);
	return eq;
}

/* base^e for an integer e, exactly; false when too large to build. */
static bool pow_int_exact(mpq_t v, const mpq_t base, mpz_srcptr e, bool *too_big)
{
	mpz_srcptr n = mpz_sgn(e) >= 0 ? mpq_numref(base) : mpq_denref(base);
	mpz_srcptr d = mpz_sgn(e) >= 0 ? mpq_denref(base) : mpq_numref(base);
	mpz_t ae;
	mpz_init(ae);
	mpz_abs(ae, e);
	bool fits = mpz_fits_ulong_p(ae);
	unsigned long k = fits ? mpz_get_ui(ae) : 0;
	mpz_clear(ae);
	*too_big = false;
	if (!fits || !pow_fits(n, k) || !pow_fits(d, k))
		return false;
	/* 2^(bits(n)-1) <= n < 2^bits(n): when even the lower bound of
	 * (n/d)^k exceeds 2^201 (> 1e60 + 1e30), no rounding brings it back. */
	long long lo_bits = ((long long)mpz_sizeinbase(n, 2) - 1 - (long long)mpz_sizeinbase(d, 2)) *
			    (long long)k;
	if (lo_bits > 201) {
		*too_big = true;
		return true;
	}
	mpz_pow_ui(mpq_numref(v), n, k);
	mpz_pow_ui(mpq_denref(v), d, k);
	/* Coprime n, d give coprime powers, and both are positive. */
	return true;
}

rep_status rep_dec_check_input(const mpq_t x, const char *what, rep_error *err)
{
	if (!x || (mpz_sizeinbase(mpq_numref(x), 2) <= REP_API_MAX_BITS && mpz_sizeinbase(mpq_denref(x), 2) <= REP_API_MAX_BITS))
		return REP_OK;
	return rep_err(err, REP_ELIMIT, NULL,
		       "%s: a rational of more than %d bits (about 308 digits) in its numerator or denominator is beyond "
		       "what the library computes with (text inputs stop at 100 characters)",
		       what, REP_API_MAX_BITS);
}

rep_status rep_dec_pow(mpq_t out, const mpq_t base, const mpq_t exponent, int places, rep_round mode,
		       rep_error *err)
{
	if (!out || !base || !exponent)
		return rep_err(err, REP_EUSAGE, NULL, "rep_dec_pow: NULL argument");
	rep_status bst;
	if ((bst = rep_dec_check_input(base, "rep_dec_pow: base", err)) ||
	    (bst = rep_dec_check_input(exponent, "rep_dec_pow: exponent", err)))
		return bst;
	if (!mode_ok(mode))
		return rep_err(err, REP_EINVAL, NULL, "unknown rounding mode %d", (int)mode);
	if (mpq_sgn(base) <= 0)
		return rep_err(err, REP_EINVAL, NULL, "power of a base that is not positive");
	places = clamp_places(places);

	rep_status st = REP_OK;
	mpq_t v;
	mpq_init(v);
	bool too_big = false;
	if (mpq_cmp_ui(base, 1, 1) == 0) {
		mpq_set_ui(v, 1, 1);
	} else if (mpz_cmp_ui(mpq_denref(exponent), 1) == 0 &&
		   pow_int_exact(v, base, mpq_numref(exponent), &too_big)) {
		if (too_big)
			st = rep_err(err, REP_ERANGE, NULL, "result is beyond 1e60 in magnitude");
	} else {
		struct pow_ctx c = {base, exponent};
		st = rep_ival_eval_exact(v, pow_fn, pow_exact, &c, places, mode, err);
	}
	if (!st) {
		rep_dec_round(v, v, places, mode);
		if (beyond_1e60(v))
			st = rep_err(err, REP_ERANGE, NULL, "result is beyond 1e60 in magnitude");
		else
			mpq_set(out, v);
	}
	mpq_clear(v);
	return st;
}

struct log1p_ctx {
	mpq_srcptr r;
};

static rep_status log1p_fn(rep_ival *res, mpfr_prec_t prec, void *vctx)
{
	mpq_srcptr r = ((const struct log1p_ctx *)vctx)->r;
	rep_ival x;
	rep_status st;
	rep_ival_init(&x, prec);
	/* Small r through log1p, which keeps r's relative precision; large r
	 * through ln(1 + r) with 1 + r formed exactly, which keeps that of
	 * the argument when r is close to -1. */
	mpq_t h;
	mpq_init(h);
	mpq_set_ui(h, 1, 2);
	mpq_t a;
	mpq_init(a);
	mpq_abs(a, r);
	if (mpq_cmp(a, h) < 0) {
		rep_ival_set_q(&x, r);
		st = rep_ival_log1p(res, &x);
	} else {
		mpq_set_ui(a, 1, 1);
		mpq_add(a, a, r);
		rep_ival_set_q(&x, a);
		st = rep_ival_log(res, &x);
	}
	mpq_clears(a, h, NULL);
	rep_ival_clear(&x);
	return st;
}

rep_status rep_dec_log1p(mpq_t out, const mpq_t r, int places, rep_round mode, rep_error *err)
{
	if (!out || !r)
		return rep_err(err, REP_EUSAGE, NULL, "rep_dec_log1p: NULL argument");
	if (rep_dec_check_input(r, "rep_dec_log1p: r", err))
		return REP_ELIMIT;
	if (!mode_ok(mode))
		return rep_err(err, REP_EINVAL, NULL, "unknown rounding mode %d", (int)mode);
	if (mpq_cmp_si(r, -1, 1) <= 0)
		return rep_err(err, REP_EINVAL, NULL, "logarithm of 1 + r with r <= -1");
	if (mpq_sgn(r) == 0) {
		mpq_set_ui(out, 0, 1);
		return REP_OK;
	}
	/* ln(1 + r) for rational r != 0 is transcendental (Lindemann), so it
	 * never sits on a decimal boundary and the loop terminates. For |r|
	 * below 2^-300, ln(1 + r) has r's sign and is even smaller, and every
	 * such value rounds like r itself at <= 60 places. */
	if ((long long)mpz_sizeinbase(mpq_denref(r), 2) - (long long)mpz_sizeinbase(mpq_numref(r), 2) > 301) {
		rep_dec_round(out, r, places, mode);
		return REP_OK;
	}
	mpq_t v;
	mpq_init(v);
	struct log1p_ctx c = {r};
	rep_status st = rep_ival_eval(v, log1p_fn, &c, places, mode, err);
	if (!st)
		mpq_set(out, v);
	mpq_clear(v);
	return st;
}
