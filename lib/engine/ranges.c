/* Ranges: where a court picks a rate (or a choice option has alternatives),
 * the lines are evaluated again at the low and the high end, in scratch
 * passes that record nothing, and each ranged entry's own low and high. */
#include <stdio.h>
#include <string.h>

#include "engine.h"

/* Total of a side pass (low or high end of the range). */
rep_status rep_eng_side_total(engine *g, pass_kind pass, mpq_t total)
{
	rep_estimate *e = g->e;
	/* the pass's lines go to the scratch set and their strings to the
	 * scratch arena, both dropped after it; a pass builds no words */
	rep_lineset kept = e->ls;
	e->ls = e->side;
	e->ls.n = 0;
	rep_arena arena = e->arena;
	e->arena = e->scratch;
	size_t n_warn = e->n_warnings, n_refs = e->n_refs, n_find = e->n_findings;
	bool text = g->text;
	g->pass = pass;
	g->record = false;
	g->text = false;
	rep_status st = rep_eng_compute_lines(g);
	if (st == REP_OK) {
		rep_eng_sum_lines(e, total, -1);
		/* benchmarks count at the high end only */
		if (pass == PASS_HIGH)
			for (const rep_tariff *t = g->def->tariffs; t && t->label && st == REP_OK; t++)
				if (t->range_only) {
					mpq_t b;
					mpq_init(b);
					st = rep_eng_benchmark_amount(g, t, b);
					rep_q_add(total, total, b);
					mpq_clear(b);
				}
	}
	/* nothing of a pass that records nothing may outlive it */
	if (st == REP_OK && (e->n_warnings != n_warn || e->n_refs != n_refs || e->n_findings != n_find))
		st = rep_err(g->err, REP_EINVAL, NULL, "internal: a range pass recorded into the estimate");
	if (st == REP_OK && e->arena.failed)
		st = rep_eng_nomem(g);
	rep_arena_reset(&e->arena);
	e->scratch = e->arena;
	e->arena = arena;
	e->side = e->ls;
	e->ls = kept;
	g->pass = PASS_CHOSEN;
	g->record = true;
	g->text = text;
	return st;
}

static rep_status add_range_item(engine *g, const char *label, const char *basis, const mpq_t lo, const mpq_t hi)
{
	rep_estimate *e = g->e;
	if (GROW(e->range_items, e->n_range_items, e->cap_range_items))
		return rep_eng_nomem(g);
	rep_range_item it = {rep_arena_strdup(&e->arena, label), rep_eng_fmt_money(g, lo), rep_eng_fmt_money(g, hi),
			     rep_arena_strdup(&e->arena, basis ? basis : "")};
	if (!it.label || !it.low || !it.high || !it.basis)
		return rep_eng_nomem(g);
	e->range_items[e->n_range_items++] = it;
	return REP_OK;
}

static bool is_alternative(const engine *g, const char *when_option)
{
	return when_option && g->def->range_option && strcmp(when_option, g->def->range_option) == 0;
}

/* What each ranged entry comes to at its low and high end: tariffs with a
 * rate range, benchmarks, bands of fixed amounts, and every alternative of
 * the range option whichever one the total uses. */
rep_status rep_eng_range_items(engine *g)
{
	rep_estimate *e = g->e;
	rep_status st = REP_OK;
	bool rec = g->record, text = g->text;
	g->record = false;
	g->text = false; /* only the amounts are kept */
	g->ungated = true;
	for (const rep_tariff *t = g->def->tariffs; t && t->label && st == REP_OK; t++) {
		if (!t->range_only && !t->rate_low && !t->rate_high && !is_alternative(g, t->when_option))
			continue;
		mpq_t lo, hi;
		mpq_inits(lo, hi, NULL);
		if (t->range_only) {
			st = rep_eng_benchmark_amount(g, t, hi);
		} else {
			rep_tariff a = *t, b = *t;
			if (t->rate_low || t->rate_high) {
				a.rate.value = t->rate_low ? t->rate_low : t->rate.value;
				b.rate.value = t->rate_high ? t->rate_high : t->rate.value;
				a.rate_option = b.rate_option = NULL;
			}
			a.rate_low = a.rate_high = b.rate_low = b.rate_high = NULL;
			size_t n = e->ls.n;
			if ((st = rep_eng_apply_tariff(g, &a)) == REP_OK && e->ls.n > n)
				mpq_set(lo, e->ls.amounts[n]);
			rep_eng_clear_lines_from(e, n);
			if (st == REP_OK && (st = rep_eng_apply_tariff(g, &b)) == REP_OK && e->ls.n > n)
				mpq_set(hi, e->ls.amounts[n]);
			rep_eng_clear_lines_from(e, n);
		}
		if (st == REP_OK && mpq_sgn(hi) != 0)
			st = add_range_item(g, t->label, t->basis, lo, hi);
		mpq_clears(lo, hi, NULL);
	}
	for (const rep_fixed *f = g->def->fixed; f && f->label && st == REP_OK; f++) {
		if (!f->amount_low && !f->amount_high && !is_alternative(g, f->when_option))
			continue;
		if (f->trigger == REP_TRIGGER_TORTURE_PART && (g->c->torture_part < f->lo || g->c->torture_part > f->hi))
			continue;
		if (!rep_eng_fixed_in_force(g, f))
			continue;
		mpq_t lo, hi, x;
		mpq_inits(lo, hi, x, NULL);
		const char *rate, *fx;
		pass_kind saved = g->pass;
		g->pass = PASS_LOW;
		st = rep_eng_fixed_value(g, f, x, &rate, &fx);
		rep_dec_round(lo, x, e->places, e->rounding);
		g->pass = PASS_HIGH;
		if (st == REP_OK)
			st = rep_eng_fixed_value(g, f, x, &rate, &fx);
		rep_dec_round(hi, x, e->places, e->rounding);
		g->pass = saved;
		if (st == REP_OK && mpq_sgn(hi) != 0)
			st = add_range_item(g, f->label, f->basis, lo, hi);
		mpq_clears(lo, hi, x, NULL);
	}
	g->ungated = false;
	g->record = rec;
	g->text = text;
	return st;
}

/* The range over the alternatives of def->range_option: each value's total
 * at its low and at its high end; a value whose entries come to nothing (a
 * user rate left at 0, no days to pay) is left out. */
rep_status rep_eng_alternatives_range(engine *g, mpq_t lo, mpq_t hi)
{
	const rep_option_def *d = NULL;
	for (const rep_option_def *o = g->def->options; o && o->name; o++)
		if (strcmp(o->name, g->def->range_option) == 0)
			d = o;
	if (!d || d->type != REP_OPT_CHOICE || !d->choices)
		return rep_err(g->err, REP_EINVAL, NULL, "scheme %s: range_option \"%s\" is not a choice option",
			       g->def->id, g->def->range_option);
	rep_status st = REP_OK;
	bool any = false;
	mpq_t l, h;
	mpq_inits(l, h, NULL);
	char v[65];
	for (const char *p = d->choices; p && *p && st == REP_OK;) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		snprintf(v, sizeof v, "%.*s", (int)(len < 64 ? len : 64), p);
		p = bar ? bar + 1 : NULL;
		g->alt_value = v;
		g->alt_hit = false;
		if ((st = rep_eng_side_total(g, PASS_LOW, l)) || !g->alt_hit)
			continue;
		if ((st = rep_eng_side_total(g, PASS_HIGH, h)))
			continue;
		if (!any || mpq_cmp(l, lo) < 0)
			mpq_set(lo, l);
		if (!any || mpq_cmp(h, hi) > 0)
			mpq_set(hi, h);
		any = true;
	}
	g->alt_value = NULL;
	if (st == REP_OK && !any) {
		/* nothing to choose between: the range is the total's own */
		if ((st = rep_eng_side_total(g, PASS_LOW, lo)) == REP_OK)
			st = rep_eng_side_total(g, PASS_HIGH, hi);
	}
	mpq_clears(l, h, NULL);
	return st;
}
