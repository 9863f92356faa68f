/* Lines of an estimate: each rounded once when it is made; totals are sums
 * of rounded lines, so what is printed adds up. */
#include <stdio.h>
#include <string.h>

#include "engine.h"
#include "money_fast.h"

static rep_status lineset_grow(engine *g, rep_lineset *ls)
{
	size_t nc = ls->cap ? ls->cap * 2 : 16;
	if (nc > 100000)
		return rep_err(g->err, REP_ELIMIT, NULL, "more than 100000 lines");
	rep_line *nl = rep_realloc(ls->lines, nc * sizeof *nl);
	if (!nl)
		return rep_eng_nomem(g);
	ls->lines = nl;
	mpq_t *na = rep_realloc(ls->amounts, nc * sizeof *na);
	if (!na)
		return rep_eng_nomem(g);
	ls->amounts = na;
	rep_line_num *nn = rep_realloc(ls->nums, nc * sizeof *nn);
	if (!nn)
		return rep_eng_nomem(g);
	ls->nums = nn;
	ls->cap = nc;
	return REP_OK;
}

/* The amount of line i in minor units, when it fits in 64 bits. */
static void set_num(rep_estimate *e, size_t i)
{
	rep_line_num *n = &e->ls.nums[i];
	mpq_t *a = &e->ls.amounts[i];
	n->fits = false;
	if (e->places < 0 || e->places > 18 || !mpz_fits_slong_p(mpq_numref(*a)) || !mpz_fits_ulong_p(mpq_denref(*a)))
		return;
	/* rounded to `places`: the denominator divides 10^places */
	unsigned long pow = 1, den;
	for (int k = 0; k < e->places; k++)
		pow *= 10;
	den = mpz_get_ui(mpq_denref(*a));
	if (pow % den != 0)
		return;
	long m;
	if (__builtin_mul_overflow(mpz_get_si(mpq_numref(*a)), (long)(pow / den), &m))
		return;
	n->minor = m;
	n->fits = true;
}

/* Line i's amount `exact` rounded and in minor units in one step, as
 * rep_dec_round and set_num would make them, when it fits in 64 bits. */
static bool round_fast(rep_estimate *e, size_t i, const mpq_t exact)
{
#ifdef REP_MONEY_FAST
	rep_i128 q;
	if (e->places < 0 || e->places > 18 || !rep_fast_round_scaled(&q, exact, e->places, e->rounding) ||
	    q < -(rep_i128)INT64_MAX || q > (rep_i128)INT64_MAX)
		return false;
	rep_mpq_set_u64(e->ls.amounts[i], q < 0, (uint64_t)(q < 0 ? -q : q), rep_pow10_u64[e->places]);
	e->ls.nums[i].minor = (int64_t)q;
	e->ls.nums[i].fits = true;
	return true;
#else
	(void)e, (void)i, (void)exact;
	return false;
#endif
}

/* Add a line; `exact` is rounded here, once. The words the line borrows
 * (head, group, label, basis, formula, quantity, unit) are static, the
 * scheme's, or in the estimate's arena; rate, nominal, adjustment and note
 * may quote the case, the options or a buffer of the caller's, so they are
 * copied. */
rep_status rep_eng_add_line(engine *g, const line_in *in, const mpq_t exact)
{
	rep_estimate *e = g->e;
	rep_lineset *ls = &e->ls;
	rep_status st;
	if (ls->n == ls->cap && (st = lineset_grow(g, ls)))
		return st;
	size_t i = ls->n;
	if (i == ls->ready) {
		mpq_init(ls->amounts[i]);
		ls->ready++;
	}
	ls->n++;
	if (mpq_sgn(exact) == 0) { /* a head the scheme does not pay, a barred line: nothing to round */
		mpq_set_ui(ls->amounts[i], 0, 1);
		ls->nums[i].minor = 0;
		ls->nums[i].fits = e->places >= 0 && e->places <= 18;
	} else if (!round_fast(e, i, exact)) {
		rep_dec_round(ls->amounts[i], exact, e->places, e->rounding);
		set_num(e, i);
	}
	ls->nums[i].pecuniary = in->klass == REP_PECUNIARY;
	rep_line *l = &ls->lines[i];
	*l = (rep_line){
		.head = in->head ? in->head : "other",
		.group = in->group,
		.klass = in->klass == REP_PECUNIARY ? "pecuniary" : "non_pecuniary",
		.label = "",
		.basis = in->basis ? in->basis : "",
		.formula = "",
		.quantity = "",
		.unit = "",
		.rate = "",
		.nominal = "",
		.adjustment = "",
		.amount = "",
		.note = "",
	};
	if (!g->text)
		return REP_OK;
	rep_arena *ar = &e->arena;
	l->label = in->label ? in->label : "";
	l->formula = in->formula ? in->formula : "";
	l->quantity = in->quantity;
	l->unit = in->unit;
	l->rate = rep_arena_strdup(ar, in->rate);
	l->nominal = rep_arena_strdup(ar, in->nominal);
	l->adjustment = rep_arena_strdup(ar, in->adjustment);
	l->note = rep_arena_strdup(ar, in->note);
	l->amount = rep_eng_fmt_money(g, ls->amounts[i]);
	if (!l->amount || ar->failed)
		return rep_eng_nomem(g);
	return REP_OK;
}

/* Line i's amount becomes x (already rounded: a threshold's zero). */
void rep_eng_set_amount(engine *g, size_t i, const mpq_t x)
{
	rep_estimate *e = g->e;
	mpq_set(e->ls.amounts[i], x);
	set_num(e, i);
	if (g->text)
		e->ls.lines[i].amount = rep_eng_fmt_money(g, x);
}

/* The amount of the last line, which is dropped (a benchmark's). */
void rep_eng_pop_line(rep_estimate *e, mpq_t out)
{
	mpq_set(out, e->ls.amounts[--e->ls.n]);
}

#ifdef REP_MONEY_FAST
bool rep_eng_sum_minor(const rep_estimate *e, int klass, rep_i128 *out)
{
	rep_i128 by[2];
	bool fast = rep_eng_sum_minor_by_class(e, &by[1], &by[0]);
	*out = klass < 0 ? by[0] + by[1] : by[klass == REP_PECUNIARY];
	return fast;
}

bool rep_eng_sum_minor_by_class(const rep_estimate *e, rep_i128 *pecuniary, rep_i128 *non_pecuniary)
{
	const rep_lineset *ls = &e->ls;
	rep_i128 by[2] = {0, 0};
	bool fast = e->places >= 0 && e->places <= 18;
	for (size_t i = 0; i < ls->n && fast; i++) {
		fast = ls->nums[i].fits;
		by[ls->nums[i].pecuniary] += ls->nums[i].minor; /* at most 100000 lines of |minor| < 2^63: no overflow */
	}
	*pecuniary = by[1];
	*non_pecuniary = by[0];
	return fast;
}

void rep_eng_minor_q(const rep_estimate *e, rep_i128 sum, mpq_t out)
{
	rep_u128 mag = sum < 0 ? (rep_u128)0 - (rep_u128)sum : (rep_u128)sum;
	if ((mag >> 64) == 0) {
		rep_mpq_set_u64(out, sum < 0, (uint64_t)mag, rep_pow10_u64[e->places]);
	} else {
		rep_mpz_set_i128(mpq_numref(out), sum);
		mpz_set_ui(mpq_denref(out), (unsigned long)rep_pow10_u64[e->places]);
		mpq_canonicalize(out);
	}
}
#endif

/* Sums of rounded lines: in 128-bit minor units while every line fits
 * (the same value as the GMP sum), else in GMP. */
void rep_eng_sum_lines(const rep_estimate *e, mpq_t out, int klass)
{
	const rep_lineset *ls = &e->ls;
#ifdef REP_MONEY_FAST
	rep_i128 sum;
	if (rep_eng_sum_minor(e, klass, &sum)) {
		rep_eng_minor_q(e, sum, out);
		return;
	}
#endif
	mpq_set_ui(out, 0, 1);
	for (size_t i = 0; i < ls->n; i++)
		if (klass < 0 || (klass == REP_PECUNIARY) == ls->nums[i].pecuniary)
			rep_q_add(out, out, ls->amounts[i]);
}

void rep_eng_clear_lines_from(rep_estimate *e, size_t n)
{
	if (e->ls.n > n)
		e->ls.n = n;
}

void rep_eng_clear_lines(rep_estimate *e)
{
	e->ls.n = 0;
}

/* Lines of a scheme that groups its heads ((a)..(e) of GA res. 60/147) are
 * listed group by group, in the order the groups' labels sort; a stable
 * insertion sort keeps the engine's order inside a group. */
void rep_eng_group_lines(rep_estimate *e)
{
	for (size_t i = 1; i < e->ls.n; i++)
		for (size_t j = i; j > 0; j--) {
			const char *a = e->ls.lines[j - 1].group, *b = e->ls.lines[j].group;
			if (!b || (a && strcmp(a, b) <= 0))
				break;
			rep_line t = e->ls.lines[j - 1];
			e->ls.lines[j - 1] = e->ls.lines[j];
			e->ls.lines[j] = t;
			mpq_swap(e->ls.amounts[j - 1], e->ls.amounts[j]);
			rep_line_num n = e->ls.nums[j - 1];
			e->ls.nums[j - 1] = e->ls.nums[j];
			e->ls.nums[j] = n;
		}
}
