/* Caps: limits on the total, the pecuniary or the non-pecuniary part (a
 * negative line, so the lines still add up), and a per-year limit on lost
 * earnings (UK s.133A(6)). */
#include <stdio.h>
#include <string.h>

#include "engine.h"

/* A limit on the loss of earnings of any one year (UK s.133A(6): 1.5 x the
 * median annual gross earnings at the time of assessment): the loss is split
 * by calendar year, each year's share (after indexation and conversion) is
 * limited to per_year_cap x the series value at as_of. */
rep_status rep_eng_per_year_cap(engine *g, const rep_head *rule, const rep_case_harm *h, mpq_t amount, line_in *in)
{
	rep_date end = h->end != REP_DATE_NONE ? h->end : g->as_of;
	mpq_t cap, base, nominal, scale, piece, months, sum;
	mpq_inits(cap, base, nominal, scale, piece, months, sum, NULL);
	rep_status st = rep_eng_figure(g, rule->per_year_cap.value, cap);
	const char *capt = rule->per_year_cap.value;
	if (st == REP_OK && rule->per_year_cap_index) {
		if ((st = rep_engine_series(g, rule->per_year_cap_index, g->as_of, base)) == REP_OK) {
			rep_q_mul(cap, cap, base);
			char b[64], c[64];
			rep_dec_format_buf(b, sizeof b, base, 2, REP_ROUND_HALF_EVEN);
			rep_dec_format_buf(c, sizeof c, cap, g->e->places, g->e->rounding);
			capt = rep_arena_printf(&g->e->arena, "%s x %s %s on %s = %s %s", rule->per_year_cap.value,
						rule->per_year_cap_index, b, rep_eng_fmt_date(g, g->as_of), c, g->currency);
		}
	}
	/* indexation and conversion apply alike to every month: one factor */
	rep_eng_prorated_months(h->start, end, months);
	rep_q_mul(nominal, months, h->monthly);
	if (st == REP_OK && mpq_sgn(nominal) != 0) {
		rep_q_div(scale, amount, nominal);
		char capped[400] = "";
		size_t len = 0;
		int y0, y1;
		rep_date_to_ymd(h->start, &y0, NULL, NULL);
		rep_date_to_ymd(end, &y1, NULL, NULL);
		for (int y = y0; y <= y1; y++) {
			rep_date a, b;
			rep_date_from_ymd(&a, y, 1, 1);
			rep_date_from_ymd(&b, y, 12, 31);
			rep_eng_prorated_months(a > h->start ? a : h->start, b < end ? b : end, months);
			rep_q_mul(piece, months, h->monthly);
			rep_q_mul(piece, piece, scale);
			if (mpq_cmp(piece, cap) > 0) {
				char was[64];
				rep_dec_format_buf(was, sizeof was, piece, g->e->places, g->e->rounding);
				if (len < sizeof capped)
					len += (size_t)snprintf(capped + len, sizeof capped - len, "%s%d: %s", len ? "; " : "", y, was);
				mpq_set(piece, cap);
			}
			rep_q_add(sum, sum, piece);
		}
		if (len) {
			in->adjustment = rep_arena_printf(&g->e->arena, "%s%slimited to %s for any one year (%s reduced)",
							  in->adjustment ? in->adjustment : "", in->adjustment ? "; " : "",
							  capt, capped);
			in->nominal = in->nominal ? in->nominal : rep_eng_fmt_money(g, amount);
			mpq_set(amount, sum);
		} else {
			in->note = rep_arena_printf(&g->e->arena, "%s%swithin the limit of %s for any one year",
						    in->note ? in->note : "", in->note ? "; " : "", capt);
		}
		if (!capt || (len && !in->adjustment) || (!len && !in->note))
			st = rep_eng_nomem(g);
	}
	mpq_clears(cap, base, nominal, scale, piece, months, sum, NULL);
	return st;
}

rep_status rep_eng_caps(engine *g)
{
	rep_status st = REP_OK;
	int32_t months = -1; /* worked out for the first cap bounded by months: most schemes have none */
	for (const rep_cap *c = g->def->caps; c && c->label && st == REP_OK; c++) {
		if (months < 0 && (c->min_months >= 0 || c->max_months >= 0)) {
			months = 0;
			for (size_t i = 0; i < g->n_periods; i++) {
				int32_t m = 0, d = 0;
				if (g->periods[i].kind == REP_DET_PAROLE)
					continue;
				rep_months_and_days(g->periods[i].start, g->periods[i].end, &m, &d);
				months += m;
			}
		}
		if (c->min_months >= 0 && months < c->min_months)
			continue;
		if (c->max_months >= 0 && months > c->max_months)
			continue;
		if (!rep_eng_in_window(rep_eng_basis_date(g, c->version_at), c->valid_from, c->valid_to))
			continue;
		if (!rep_eng_window_open(c->valid_from, c->valid_to) && (st = rep_eng_warn_fallback(g, c->version_at)))
			return st;
		mpq_t cap, sum, adj;
		mpq_inits(cap, sum, adj, NULL);
		if ((st = rep_eng_figure(g, c->amount.value, cap)) == REP_OK && c->index) {
			mpq_t iv;
			mpq_init(iv);
			st = rep_engine_series(g, c->index, rep_eng_basis_date(g, c->version_at), iv);
			rep_q_mul(cap, cap, iv);
			mpq_clear(iv);
		}
		rep_dec_round(cap, cap, g->e->places, g->e->rounding);
		int klass = c->scope == REP_CAP_TOTAL ? -1 : c->scope == REP_CAP_PECUNIARY ? REP_PECUNIARY : REP_NON_PECUNIARY;
		rep_eng_sum_lines(g->e, sum, klass);
		if (st == REP_OK && mpq_cmp(sum, cap) > 0) {
			rep_q_sub(adj, cap, sum);
			char s[64], capt[64];
			rep_dec_format_buf(s, sizeof s, sum, g->e->places, g->e->rounding);
			rep_dec_format_buf(capt, sizeof capt, cap, g->e->places, g->e->rounding);
			line_in in = {.head = "cap", .label = c->label, .basis = c->basis,
				      .formula = rep_arena_printf(&g->e->arena, "%s items of %s %s reduced to the cap of %s %s",
								  c->scope == REP_CAP_TOTAL ? "all" : c->scope == REP_CAP_PECUNIARY ? "pecuniary" : "non-pecuniary",
								  s, g->currency, capt, g->currency),
				      .klass = c->scope == REP_CAP_PECUNIARY ? REP_PECUNIARY : REP_NON_PECUNIARY};
			st = rep_eng_add_line(g, &in, adj);
			if (st == REP_OK)
				st = rep_eng_check_figure(g, &c->amount, c->label);
		}
		mpq_clears(cap, sum, adj, NULL);
	}
	return st;
}
