/* Harm heads: each harm of the case under the scheme's head for its
 * category (proven, for the court, or excluded), and the threshold below
 * which proven pecuniary loss is not paid (StrEG s.7(1)). */
#include <stdio.h>
#include <string.h>

#include "engine.h"

static const rep_head *head_for(const rep_scheme_def *def, rep_harm_category cat)
{
	for (const rep_head *h = def->heads; h && h->label; h++)
		if (h->category == cat)
			return h;
	return NULL;
}

/* Calendar months between start and end, a partial month pro-rated by its
 * days: 2022-01-05..2022-03-10 = 27/31 + 1 + 10/31. */
void rep_eng_prorated_months(rep_date start, rep_date end, mpq_t out)
{
	/* the first and last months pro rata, every month between whole: the
	 * same sum as month by month, in constant time (1,000 harms over 300
	 * years took seconds) */
	mpq_set_ui(out, 0, 1);
	if (start > end)
		return;
	int y1, m1, d1, y2, m2, d2;
	rep_date_to_ymd(start, &y1, &m1, &d1);
	rep_date_to_ymd(end, &y2, &m2, &d2);
	int dim1 = rep_days_in_month(y1, m1), dim2 = rep_days_in_month(y2, m2);
	if (y1 == y2 && m1 == m2) {
		rep_q_set_frac(out, (unsigned long)(d2 - d1 + 1), (unsigned long)dim1);
		return;
	}
	/* (dim1 - d1 + 1)/dim1 + d2/dim2 + whole, over dim1 x dim2, reduced once */
	unsigned long whole = (unsigned long)(((long)y2 * 12 + m2) - ((long)y1 * 12 + m1) - 1);
	unsigned long a = (unsigned long)dim1, b = (unsigned long)dim2;
	rep_q_set_frac(out, ((unsigned long)(dim1 - d1 + 1) + whole * a) * b + (unsigned long)d2 * a, a * b);
}

static const char *category_label(rep_harm_category cat)
{
	static const char *const labels[REP_HARM_COUNT] = {
		"Lost earnings",      "Lost earning capacity (future)", "Business losses", "Property",
		"Fines and procedural costs paid", "Legal assistance fees", "Medical costs", "Psychological care",
		"Other expenses",     "Moral harm"};
	return (unsigned)cat < REP_HARM_COUNT ? labels[cat] : "Harm";
}

static rep_status harm_line(engine *g, size_t idx, const rep_case_harm *h)
{
	const rep_head *rule = head_for(g->def, h->category);
	const char *cat = rep_harm_category_name(h->category);
	/* amount, and one scratch for months, an adjusted amount or a rate */
	unsigned top = g->q_top;
	mpq_ptr amount = rep_eng_q(g), tmp = rep_eng_q(g);
	if (!tmp)
		return rep_eng_nomem(g);
	rep_status st = REP_OK;
	line_in in = {.head = cat, .label = category_label(h->category), .klass = REP_PECUNIARY};
	bool words = g->text; /* the line's words are built */
	if (h->description && words)
		in.label = rep_arena_concat(&g->e->arena, category_label(h->category), ": ", h->description, (char *)NULL);
	if (!rule || rule->treatment == REP_TREAT_EXCLUDED) {
		in.basis = rule && rule->basis ? rule->basis : "";
		in.group = rule ? rule->group : NULL;
		in.klass = rule ? rule->klass : (h->category == REP_HARM_MORAL_HARM ? REP_NON_PECUNIARY : REP_PECUNIARY);
		in.formula = "not compensated under this scheme";
		in.note = rule && rule->note ? rule->note : "this scheme has no head for this harm";
		in.nominal = h->amount_text ? h->amount_text : h->monthly_text ? h->monthly_text : h->annual_text;
		st = rep_eng_add_line(g, &in, amount);
		goto out;
	}
	in.basis = rule->basis;
	in.group = rule->group;
	in.klass = rule->klass;
	in.note = rule->note;
	if (rule->label && !h->description)
		in.label = rule->label;
	else if (rule->label && words)
		in.label = rep_arena_concat(&g->e->arena, rule->label, ": ", h->description, (char *)NULL);
	const char *cur = g->c->currency;
	rep_date from_date = h->date;
	rep_date stream_end = REP_DATE_NONE; /* lost earnings: a stream of monthly losses */
	if (h->category == REP_HARM_LOST_EARNINGS) {
		rep_date end = h->end != REP_DATE_NONE ? h->end : g->as_of;
		mpq_ptr months = tmp;
		rep_eng_prorated_months(h->start, end, months);
		rep_q_mul(amount, months, h->monthly);
		in.quantity = words ? rep_eng_fmt_qty(g, months) : NULL;
		in.unit = "month";
		in.rate = h->monthly_text;
		in.formula = !words ? "" : rep_arena_concat(&g->e->arena, "monthly earnings ", h->monthly_text, " ", cur, " x ",
					      in.quantity ? in.quantity : "?", " months from ", rep_eng_fmt_date(g, h->start), " to ",
					      rep_eng_fmt_date(g, end), " (a partial calendar month pro-rated by its days)", (char *)NULL);
		stream_end = end; /* indexed month by month, each from its own date */
	} else if (h->category == REP_HARM_LOST_EARNING_CAPACITY) {
		if (rule->future_pv) {
			rep_tvm_pv_trace tr = {"", NULL, NULL};
			mpq_ptr s = words ? NULL : rep_eng_qn(g, REP_TVM_PV_SCRATCH);
			if (words)
				st = rep_tvm_pv_from_harm(amount, &tr, h, g->e->places, g->e->rounding, &g->e->arena, g->err);
			else
				st = s ? rep_tvm_pv_value_in(amount, h, g->e->places, g->e->rounding, s, g->err) : rep_eng_nomem(g);
			if (st)
				goto out;
			in.formula = tr.formula;
			in.nominal = tr.nominal;
			in.adjustment = tr.method;
		} else {
			rep_q_mul(amount, h->annual, h->years);
			in.formula = !words ? "" : rep_arena_concat(&g->e->arena, "annual ", h->annual_text, " ", cur, " x ",
						      h->years_text, " years, not discounted", (char *)NULL);
		}
	} else if (rule->treatment == REP_TREAT_COURT && !(h->present & REP_HF_AMOUNT)) {
		in.formula = "for the court to assess";
	} else {
		mpq_set(amount, h->amount);
		in.formula = !words ? "" : rep_arena_concat(&g->e->arena, rule->treatment == REP_TREAT_COURT
										   ? "as assessed or claimed: "
										   : "as proven: ",
					      h->amount_text, " ", cur, (char *)NULL);
	}
	if (!in.formula)
		goto oom;
	/* bring a past amount to as_of when the scheme's option says so */
	if (rule->indexable && g->def->indexation_option && mpq_sgn(amount) != 0) {
		const char *method = rep_eng_option_value(g, g->def->indexation_option);
		if (method && strcmp(method, "nominal") != 0 && stream_end != REP_DATE_NONE) {
			const char *text = NULL;
			mpq_ptr adj = tmp;
			st = rep_eng_index_stream(g, h, stream_end, method, adj, &text);
			if (st == REP_OK) {
				in.nominal = words ? rep_eng_fmt_money(g, amount) : NULL;
				in.adjustment = text;
				mpq_set(amount, adj);
			}
			if (st)
				goto out;
		} else if (method && strcmp(method, "nominal") != 0) {
			if (from_date == REP_DATE_NONE) {
				const char *b = rep_arena_printf(&g->e->arena,
								 "harms[%zu]: no date given, so the amount is left nominal (indexation %s "
								 "needs a date)", idx, method);
				if ((st = b ? rep_eng_warn(g, b) : rep_eng_nomem(g)))
					goto out;
			} else if (strcmp(method, "interest") == 0 && g->def->interest_rate_option) {
				const char *text = NULL;
				mpq_ptr adj = tmp;
				st = rep_eng_interest_to_as_of(g, amount, from_date, adj, &text);
				if (st == REP_OK) {
					in.nominal = words ? rep_eng_fmt_money(g, amount) : NULL;
					in.adjustment = text;
					mpq_set(amount, adj);
				}
				if (st)
					goto out;
			} else {
				rep_tvm_index_trace tr;
				mpq_ptr adj = tmp;
				st = rep_tvm_index(adj, &tr, g->ctx, method, amount, from_date, g->as_of, rep_engine_series, g,
						   &g->e->arena, g->err);
				if (st == REP_OK) {
					in.nominal = words ? rep_eng_fmt_money(g, amount) : NULL;
					in.adjustment = tr.text;
					mpq_set(amount, adj);
				}
				if (st)
					goto out;
			}
		}
	}
	/* convert into the scheme's currency */
	if (strcmp(cur, g->currency) != 0 && mpq_sgn(amount) != 0) {
		mpq_ptr fx = tmp;
		const char *fx_text;
		st = rep_eng_fx_rate(g, cur, fx, &fx_text);
		if (st == REP_OK && words) {
			char nom[128];
			rep_dec_format_buf(nom, sizeof nom, amount, 2, REP_ROUND_HALF_UP);
			in.nominal = in.nominal ? in.nominal : rep_arena_concat(&g->e->arena, nom, " ", cur, (char *)NULL);
			in.adjustment = in.adjustment ? rep_arena_concat(&g->e->arena, in.adjustment, "; ", fx_text, (char *)NULL)
						      : fx_text;
		}
		if (st == REP_OK)
			rep_q_mul(amount, amount, fx);
		if (st)
			goto out;
	}
	if (rule->per_year_cap.value && h->category == REP_HARM_LOST_EARNINGS && mpq_sgn(amount) != 0) {
		if ((st = rep_eng_check_figure(g, &rule->per_year_cap, "per-year cap")) ||
		    (st = rep_eng_per_year_cap(g, rule, h, amount, &in)))
			goto out;
	}
	st = rep_eng_add_line(g, &in, amount);
	goto out;
oom:
	st = rep_eng_nomem(g);
out:
	g->q_top = top;
	if (st == REP_OK || g->err == NULL)
		return st;
	if (strncmp(g->err->path, "harms[", 6) != 0 && g->err->path[0] == '\0') {
		char path[32];
		snprintf(path, sizeof path, "harms[%zu]", idx);
		rep_err_at(g->err, path);
	}
	return st;
}

rep_status rep_eng_harms(engine *g)
{
	rep_status st = REP_OK;
	bool moral_given = false;
	for (size_t i = 0; i < g->c->n_harms; i++) {
		if (g->c->harms[i].category == REP_HARM_MORAL_HARM)
			moral_given = true;
		if ((st = harm_line(g, i, &g->c->harms[i])))
			return st;
	}
	const rep_head *moral = head_for(g->def, REP_HARM_MORAL_HARM);
	if (moral && moral->treatment == REP_TREAT_COURT && !moral_given) {
		unsigned top = g->q_top;
		mpq_ptr zero = rep_eng_q(g);
		if (!zero)
			return rep_eng_nomem(g);
		line_in in = {.head = "moral_harm", .group = moral->group, .label = moral->label, .basis = moral->basis,
			      .formula = "no tariff: the amount is for the court; none was given in the case",
			      .note = moral->note, .klass = REP_NON_PECUNIARY};
		st = rep_eng_add_line(g, &in, zero);
		g->q_top = top;
		if (st)
			return st;
	}
	/* a threshold (StrEG §7(1)): proven pecuniary loss is paid only above it */
	if (g->def->pecuniary_threshold.value) {
		unsigned top = g->q_top;
		mpq_ptr sum = rep_eng_q(g), thr = rep_eng_q(g);
		if (!thr)
			return rep_eng_nomem(g);
		rep_eng_sum_lines(g->e, sum, REP_PECUNIARY);
		/* liberty tariffs of the pecuniary class do not count toward the threshold */
		st = rep_eng_figure(g, g->def->pecuniary_threshold.value, thr);
		if (st == REP_OK && mpq_sgn(sum) > 0 && mpq_cmp(sum, thr) <= 0) {
			const char *note = NULL;
			if (g->text) {
				char s[64];
				rep_dec_format_buf(s, sizeof s, sum, g->e->places, g->e->rounding);
				note = rep_arena_printf(&g->e->arena, "not paid: proven pecuniary loss of %s %s does not "
							"exceed %s %s", s, g->currency, g->def->pecuniary_threshold.value,
							g->currency);
			}
			mpq_set_ui(sum, 0, 1);
			for (size_t i = 0; i < g->e->ls.n; i++) {
				rep_line *l = &g->e->ls.lines[i];
				if (!g->e->ls.nums[i].pecuniary || strcmp(l->head, "liberty") == 0)
					continue;
				rep_eng_set_amount(g, i, sum);
				if (g->text)
					l->note = note;
				if (g->def->pecuniary_threshold_basis)
					l->basis = g->def->pecuniary_threshold_basis;
			}
		}
		g->q_top = top;
	}
	return st;
}
