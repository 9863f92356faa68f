/* Adjustments: amounts brought to the valuation date (indexation, simple
 * interest, month by month for a stream of lost earnings), and amounts on
 * the award itself (an annuity of equal value, interest for late payment). */
#include <stdio.h>
#include <string.h>

#include "engine.h"

/* The indexation method "interest": amount plus simple interest (act/365) at
 * the scheme's interest_rate_option from `from` to as_of. */
rep_status rep_eng_interest_to_as_of(engine *g, const mpq_t amount, rep_date from, mpq_t out, const char **text)
{
	mpq_t rate;
	mpq_init(rate);
	rep_tvm_result res;
	rep_tvm_result_init(&res);
	rep_status st = rep_eng_option_number(g, g->def->interest_rate_option, rate);
	if (st == REP_OK) {
		mpq_t hundred; /* percent to a fraction */
		mpq_init(hundred);
		mpq_set_ui(hundred, 100, 1);
		rep_q_div(rate, rate, hundred);
		mpq_clear(hundred);
		rep_interest_opts o = {.rate = rate, .basis = REP_BASIS_ACT365};
		st = rep_tvm_interest(&res, g->ctx, amount, from, g->as_of, &o, g->err);
	}
	if (st == REP_OK)
		st = rep_eng_record_tvm_points(g, &res);
	if (st == REP_OK) {
		rep_q_add(out, amount, res.value);
		char iv[64];
		rep_dec_format_buf(iv, sizeof iv, res.value, g->e->places, g->e->rounding);
		*text = rep_arena_printf(&g->e->arena, "simple interest at %s %% a year (option %s), act/365, from %s to %s: +%s",
					 rep_eng_option_value(g, g->def->interest_rate_option), g->def->interest_rate_option,
					 rep_eng_fmt_date(g, from), rep_eng_fmt_date(g, g->as_of), iv);
		if (!*text)
			st = rep_eng_nomem(g);
	}
	rep_tvm_result_clear(&res);
	mpq_clear(rate);
	return st;
}

/* A stream of monthly losses (lost earnings) brought to as_of instalment by
 * instalment: each calendar month's share (a partial month pro-rated by its
 * days) is indexed, or bears interest, from its own last day, so a longer
 * stream never re-indexes the months it already had. The text lists the
 * factors, consecutive months with the same factor as one run. */
rep_status rep_eng_index_stream(engine *g, const rep_case_harm *h, rep_date end, const char *method, mpq_t out,
			       const char **text)
{
	rep_status st = REP_OK;
	bool interest = strcmp(method, "interest") == 0 && g->def->interest_rate_option;
	mpq_t seg, adj, factor, run_factor;
	mpq_inits(seg, adj, factor, run_factor, NULL);
	mpq_set_ui(out, 0, 1);
	rep_buf b = {0};
	rep_buf_printf(&b, "%s, month by month: each month's loss from its last day to %s:",
		       interest ? "interest" : method, rep_eng_fmt_date(g, g->as_of));
	int y, m, d;
	rep_date_to_ymd(h->start, &y, &m, &d);
	rep_date cur = h->start, run_from = REP_DATE_NONE, run_to = REP_DATE_NONE;
	const char *first_trace = NULL;
	size_t runs = 0, months = 0;
	while (cur <= end && st == REP_OK) {
		int dim = rep_days_in_month(y, m);
		rep_date month_end;
		rep_date_from_ymd(&month_end, y, m, dim);
		rep_date seg_end = end < month_end ? end : month_end;
		mpq_set_ui(seg, (unsigned long)(seg_end - cur + 1), (unsigned long)dim);
		mpq_canonicalize(seg);
		rep_q_mul(seg, seg, h->monthly);
		const char *trace = NULL;
		if (interest) {
			st = rep_eng_interest_to_as_of(g, seg, seg_end, adj, &trace);
		} else {
			rep_tvm_index_trace tr = {0};
			st = rep_tvm_index(adj, &tr, g->ctx, method, seg, seg_end, g->as_of, rep_engine_series, g,
					   &g->e->arena, g->err);
			trace = tr.text;
		}
		if (st)
			break;
		rep_q_add(out, out, adj);
		if (months++ == 0)
			first_trace = trace;
		if (mpq_sgn(seg) != 0)
			rep_q_div(factor, adj, seg);
		else
			mpq_set_ui(factor, 1, 1);
		/* interest grows by the day: runs group equal factors only */
		if (run_from != REP_DATE_NONE && mpq_equal(factor, run_factor)) {
			run_to = seg_end;
		} else {
			if (run_from != REP_DATE_NONE) {
				char fs[64];
				rep_dec_format_buf(fs, sizeof fs, run_factor, 6, REP_ROUND_HALF_EVEN);
				rep_buf_printf(&b, "%s %s..%s x%s", runs ? ";" : "", rep_eng_fmt_date(g, run_from),
					       rep_eng_fmt_date(g, run_to), fs);
				runs++;
			}
			run_from = cur;
			run_to = seg_end;
			mpq_set(run_factor, factor);
		}
		cur = month_end + 1;
		if (++m > 12) {
			m = 1;
			y++;
		}
	}
	if (st == REP_OK && run_from != REP_DATE_NONE) {
		char fs[64];
		rep_dec_format_buf(fs, sizeof fs, run_factor, 6, REP_ROUND_HALF_EVEN);
		rep_buf_printf(&b, "%s %s..%s x%s (%zu months; the first month: %s; every point is listed in refdata)",
			       runs ? ";" : "", rep_eng_fmt_date(g, run_from), rep_eng_fmt_date(g, run_to), fs, months,
			       first_trace ? first_trace : "");
	}
	if (st == REP_OK) {
		*text = b.failed || !b.data ? NULL : rep_arena_strdup(&g->e->arena, b.data);
		if (!*text)
			st = rep_eng_nomem(g);
	}
	rep_free(b.data);
	mpq_clears(seg, adj, factor, run_factor, NULL);
	return st;
}

rep_status rep_eng_annuity(engine *g)
{
	const rep_annuity *a = g->def->annuity;
	if (!a || !a->label)
		return REP_OK;
	rep_estimate *e = g->e;
	mpq_t pv, years, rate, monthly, zero;
	mpq_inits(pv, years, rate, monthly, zero, NULL);
	for (size_t i = 0; i < e->ls.n; i++)
		if (rep_eng_in_list(a->base_heads, e->ls.lines[i].head))
			rep_q_add(pv, pv, e->ls.amounts[i]);
	rep_status st = a->years_option ? rep_eng_option_number(g, a->years_option, years) : REP_OK;
	if (st == REP_OK)
		st = rep_eng_figure(g, a->rate.value ? a->rate.value : "0", rate);
	char pvs[64];
	rep_dec_format_buf(pvs, sizeof pvs, pv, e->places, e->rounding);
	mpq_set_ui(monthly, 100, 1);
	rep_q_mul(monthly, monthly, rate);
	const char *rs = rep_eng_fmt_qty(g, monthly); /* the rate in percent */
	const char *formula = a->formula ? a->formula : a->label;
	line_in in = {.head = "annuity", .label = a->label, .basis = a->basis, .note = a->note, .klass = a->klass};
	if (st == REP_OK && (mpq_sgn(years) == 0 || mpq_sgn(pv) == 0)) {
		in.formula = rep_arena_printf(&e->arena,
					      "%s: present value %s %s (the lines of head %s) at %s %% a year, paid besides "
					      "them; not counted: give its term in years with option %s",
					      formula, pvs, g->currency, a->base_heads, rs ? rs : "?",
					      a->years_option ? a->years_option : "?");
		st = in.formula ? rep_eng_add_line(g, &in, zero) : rep_eng_nomem(g);
	} else if (st == REP_OK) {
		st = rep_tvm_monthly_payment(monthly, pv, years, rate, a->convention, e->places,
					     e->rounding, g->err);
		if (st == REP_OK)
			st = rep_eng_check_figure(g, &a->rate, a->label);
		if (st == REP_OK) {
			char ms[64];
			rep_dec_format_buf(ms, sizeof ms, monthly, e->places, e->rounding);
			in.formula = rep_arena_printf(&e->arena,
						      "%s: present value %s %s (the lines of head %s), paid as %s %s a month at "
						      "the end of each month for %s years (option %s) at %s %% a year (%s rate)",
						      formula, pvs, g->currency, a->base_heads, ms, g->currency,
						      rep_eng_option_value(g, a->years_option), a->years_option, rs ? rs : "?",
						      rep_annuity_rate_name(a->convention));
			in.rate = rep_arena_strdup(&e->arena, ms);
			in.unit = "month";
			st = in.formula && in.rate ? rep_eng_add_line(g, &in, pv) : rep_eng_nomem(g);
		} else if (g->err) {
			rep_err_at(g->err, a->years_option);
		}
	}
	mpq_clears(pv, years, rate, monthly, zero, NULL);
	return st;
}

rep_status rep_eng_late_interest(engine *g)
{
	const rep_late_interest *li = g->def->late_interest;
	if (!li || !li->label)
		return REP_OK;
	rep_estimate *e = g->e;
	mpq_t base, days, rate, margin, hundred;
	mpq_inits(base, days, rate, margin, hundred, NULL);
	rep_eng_sum_lines(e, base, -1);
	rep_status st = li->days_option ? rep_eng_option_number(g, li->days_option, days) : REP_OK;
	if (st == REP_OK && mpz_cmp_ui(mpq_denref(days), 1) != 0)
		st = rep_err(g->err, REP_EINVAL, li->days_option, "%s: give whole days of delay",
			     rep_eng_option_value(g, li->days_option));
	/* the delay ends at as_of and starts on a supported date: this also
	 * bounds the integer taken out of the rational below */
	if (st == REP_OK && (mpq_sgn(days) < 0 || mpq_cmp_si(days, (long)g->as_of - REP_DATE_MIN, 1) > 0))
		st = rep_err(g->err, REP_ERANGE, li->days_option, "%s days of delay: give 0 to %ld (a delay starting "
			     "on or after 1900-01-01)", rep_eng_option_value(g, li->days_option), (long)g->as_of - REP_DATE_MIN);
	if (st == REP_OK && !li->series)
		st = rep_eng_figure(g, li->rate.value ? li->rate.value : "0", rate);
	if (st == REP_OK)
		st = rep_eng_figure(g, li->margin.value ? li->margin.value : "0", margin);
	const char *rule = rep_arena_printf(&e->arena, "%s + %s points", li->series ? li->series : li->rate.value,
					    li->margin.value ? li->margin.value : "0");
	const char *formula = li->formula ? li->formula : li->label;
	line_in in = {.head = "interest", .label = li->label, .basis = li->basis, .note = li->note,
		      .klass = REP_PECUNIARY};
	if (st == REP_OK && (mpq_sgn(days) == 0 || mpq_sgn(base) == 0)) {
		/* the rule is stated; nothing is owed without a delay */
		mpq_set_ui(base, 0, 1);
		in.formula = rep_arena_printf(&e->arena, "%s (%s %% a year, simple): none computed, no delay given (option %s)",
					      formula, rule, li->days_option ? li->days_option : "?");
		st = in.formula ? rep_eng_add_line(g, &in, base) : rep_eng_nomem(g);
	} else if (st == REP_OK) {
		long n = mpz_get_si(mpq_numref(days));
		rep_date from = g->as_of - (rep_date)n;
		/* percent to fractions: the tvm API takes 0.054 for 5.4 % */
		mpq_set_ui(hundred, 100, 1);
		rep_q_div(rate, rate, hundred);
		rep_q_div(margin, margin, hundred);
		rep_interest_opts o = {.rate = li->series ? NULL : rate, .series = li->series, .margin = margin,
				       .basis = REP_BASIS_ACT365};
		rep_tvm_result res;
		rep_tvm_result_init(&res);
		st = rep_tvm_interest(&res, g->ctx, base, from, g->as_of, &o, g->err);
		if (st == REP_OK)
			st = rep_eng_record_tvm_points(g, &res);
		if (st == REP_OK && li->margin.value)
			st = rep_eng_check_figure(g, &li->margin, "interest margin");
		if (st == REP_OK && !li->series)
			st = rep_eng_check_figure(g, &li->rate, li->label);
		if (st == REP_OK) {
			char bs[64];
			rep_dec_format_buf(bs, sizeof bs, base, e->places, e->rounding);
			in.formula = rep_arena_printf(&e->arena, "%s, %ld days of delay: %s", formula, n,
						      res.text ? res.text : "");
			in.nominal = rep_arena_strdup(&e->arena, bs);
			st = in.formula && in.nominal ? rep_eng_add_line(g, &in, res.value) : rep_eng_nomem(g);
		}
		rep_tvm_result_clear(&res);
	}
	mpq_clears(base, days, rate, margin, hundred, NULL);
	return st;
}
