/* Lines of an estimate: each rounded once when it is made; totals are sums
 * of rounded lines, so what is printed adds up. */
#include <stdio.h>
#include <string.h>

#include "engine.h"

/* Add a line; `exact` is rounded here, once. */
rep_status rep_eng_add_line(engine *g, const line_in *in, const mpq_t exact)
{
	rep_estimate *e = g->e;
	if (e->n_lines == e->cap_lines) {
		size_t nc = e->cap_lines ? e->cap_lines * 2 : 16;
		if (nc > 100000)
			return rep_err(g->err, REP_ELIMIT, NULL, "more than 100000 lines");
		rep_line *nl = rep_realloc(e->lines, nc * sizeof *nl);
		if (!nl)
			return rep_eng_nomem(g);
		e->lines = nl;
		mpq_t *na = rep_realloc(e->amounts, nc * sizeof *na);
		if (!na)
			return rep_eng_nomem(g);
		e->amounts = na;
		e->cap_lines = nc;
	}
	mpq_t *a = &e->amounts[e->n_lines];
	mpq_init(*a);
	rep_dec_round(*a, exact, e->places, e->rounding);
	rep_line *l = &e->lines[e->n_lines++];
	rep_arena *ar = &e->arena;
	*l = (rep_line){
		.head = rep_arena_strdup(ar, in->head ? in->head : "other"),
		.group = rep_arena_strdup(ar, in->group),
		.klass = in->klass == REP_PECUNIARY ? "pecuniary" : "non_pecuniary",
		.label = rep_arena_strdup(ar, in->label ? in->label : ""),
		.basis = rep_arena_strdup(ar, in->basis ? in->basis : ""),
		.formula = rep_arena_strdup(ar, in->formula ? in->formula : ""),
		.quantity = rep_arena_strdup(ar, in->quantity),
		.unit = rep_arena_strdup(ar, in->unit),
		.rate = rep_arena_strdup(ar, in->rate),
		.nominal = rep_arena_strdup(ar, in->nominal),
		.adjustment = rep_arena_strdup(ar, in->adjustment),
		.note = rep_arena_strdup(ar, in->note),
	};
	l->amount = rep_eng_fmt_money(g, *a);
	if (!l->head || !l->label || !l->basis || !l->formula || !l->amount)
		return rep_eng_nomem(g);
	return REP_OK;
}

void rep_eng_sum_lines(const rep_estimate *e, mpq_t out, int klass)
{
	mpq_set_ui(out, 0, 1);
	for (size_t i = 0; i < e->n_lines; i++) {
		bool pec = strcmp(e->lines[i].klass, "pecuniary") == 0;
		if (klass < 0 || (klass == REP_PECUNIARY) == pec)
			mpq_add(out, out, e->amounts[i]);
	}
}

void rep_eng_clear_lines_from(rep_estimate *e, size_t n)
{
	while (e->n_lines > n)
		mpq_clear(e->amounts[--e->n_lines]);
}

void rep_eng_clear_lines(rep_estimate *e)
{
	for (size_t i = 0; i < e->n_lines; i++)
		mpq_clear(e->amounts[i]);
	e->n_lines = 0;
}

/* Lines of a scheme that groups its heads ((a)..(e) of GA res. 60/147) are
 * listed group by group, in the order the groups' labels sort; a stable
 * insertion sort keeps the engine's order inside a group. */
void rep_eng_group_lines(rep_estimate *e)
{
	for (size_t i = 1; i < e->n_lines; i++)
		for (size_t j = i; j > 0; j--) {
			const char *a = e->lines[j - 1].group, *b = e->lines[j].group;
			if (!b || (a && strcmp(a, b) <= 0))
				break;
			rep_line t = e->lines[j - 1];
			e->lines[j - 1] = e->lines[j];
			e->lines[j] = t;
			mpq_swap(e->amounts[j - 1], e->amounts[j]);
		}
}
