/* Fixed amounts: sums a scheme pays on a trigger (a torture finding's
 * part, an option), in force by version, indexed and converted. */
#include <stdio.h>
#include <string.h>

#include "engine.h"

/* A fixed amount in this pass, in the scheme's currency; rate_text says how. */
rep_status rep_eng_fixed_value(engine *g, const rep_fixed *f, mpq_t amount, const char **rate_text, const char **fx_text)
{
	const char *value = f->amount.value;
	if (f->amount_option && rep_eng_option_value(g, f->amount_option))
		value = rep_eng_option_value(g, f->amount_option);
	if (g->pass == PASS_LOW && f->amount_low)
		value = f->amount_low;
	if (g->pass == PASS_HIGH && f->amount_high)
		value = f->amount_high;
	const char *rate = value ? value : "0";
	*fx_text = NULL;
	rep_status st = rep_dec_parse(amount, rate, g->err);
	if (st == REP_OK && f->index) {
		mpq_t iv;
		mpq_init(iv);
		rep_date d = rep_eng_basis_date(g, f->index_at);
		if ((st = rep_engine_series(g, f->index, d, iv)) == REP_OK) {
			char ivs[64];
			rep_dec_format_buf(ivs, sizeof ivs, iv, 2, REP_ROUND_HALF_EVEN);
			rate = rep_arena_printf(&g->e->arena, "%s %s x %s (%s on %s)", value, f->index, ivs, f->index,
						rep_eng_fmt_date(g, d));
			rep_q_mul(amount, amount, iv);
		}
		mpq_clear(iv);
	}
	if (st == REP_OK && f->amount_currency && strcmp(f->amount_currency, g->currency) != 0 && mpq_sgn(amount) != 0) {
		mpq_t fx;
		mpq_init(fx);
		if ((st = rep_eng_fx_rate(g, f->amount_currency, fx, fx_text)) == REP_OK) {
			rep_q_mul(amount, amount, fx);
			rate = rep_arena_printf(&g->e->arena, "%s %s", rate, f->amount_currency);
		}
		mpq_clear(fx);
	}
	*rate_text = rate;
	return st == REP_OK && !rate ? rep_eng_nomem(g) : st;
}

rep_status rep_eng_fixed_amounts(engine *g)
{
	rep_status st = REP_OK;
	for (const rep_fixed *f = g->def->fixed; f && f->label && st == REP_OK; f++) {
		if (f->trigger == REP_TRIGGER_TORTURE_PART && (g->c->torture_part < f->lo || g->c->torture_part > f->hi))
			continue;
		if (!rep_eng_enabled(g, f->when_option, f->when_value) || !rep_eng_fixed_in_force(g, f))
			continue;
		if (f->amount_low || f->amount_high)
			g->has_range = true;
		mpq_t amount;
		mpq_init(amount);
		const char *rate = NULL, *fx_text = NULL;
		st = rep_eng_fixed_value(g, f, amount, &rate, &fx_text);
		if (st == REP_OK)
			st = rep_eng_check_figure(g, &f->amount, f->label);
		if (st == REP_OK) {
			rep_eng_note_alternative(g, f->when_option, amount);
			bool assess = mpq_sgn(amount) == 0 && !f->amount_option;
			const char *formula = f->formula ? f->formula : f->label;
			line_in in = {.head = f->head ? f->head : "fixed", .group = f->group, .label = f->label,
				      .basis = f->basis,
				      .formula = assess ? formula
							: rep_arena_printf(&g->e->arena, "%s: %s%s%s", formula, rate,
									   fx_text ? "; " : "", fx_text ? fx_text : ""),
				      .rate = assess ? NULL : rate, .note = f->note, .klass = f->klass};
			st = in.formula ? rep_eng_add_line(g, &in, amount) : rep_eng_nomem(g);
		}
		mpq_clear(amount);
	}
	return st;
}
