/* One case under one scheme, stage by stage: options, periods,
 * eligibility, deadlines, tariffs, heads, fixed amounts, caps, amounts on the
 * award; then the range (whole re-evaluations at the low and high end) and
 * the totals. Each line is rounded once, when it is made; totals are sums of
 * rounded lines. */
#include <stdio.h>
#include <string.h>

#include "engine.h"

rep_status rep_eng_compute_lines(engine *g)
{
	rep_status st;
	if (g->record && g->pass == PASS_CHOSEN && !g->alt_value && (st = rep_eng_check_versions(g)))
		return st;
	for (const rep_tariff *t = g->def->tariffs; t && t->label; t++)
		if ((st = rep_eng_apply_tariff(g, t)))
			return st;
	if ((st = rep_eng_harms(g)) || (st = rep_eng_fixed_amounts(g)) || (st = rep_eng_caps(g)) || (st = rep_eng_annuity(g)) || (st = rep_eng_late_interest(g)))
		return st;
	return REP_OK;
}

#ifdef REP_MONEY_FAST
static const char *fmt_minor(engine *g, rep_i128 m)
{
	char buf[64];
	return rep_dec_format_minor(buf, sizeof buf, m, g->e->places) == REP_OK ? rep_arena_strdup(&g->e->arena, buf) : NULL;
}
#endif

/* The totals as the lines' minor units sum them, when every line fits
 * (nearly always); false leaves them to the rationals. */
static bool totals_minor(engine *g, mpq_t t)
{
#ifdef REP_MONEY_FAST
	rep_estimate *e = g->e;
	rep_i128 p, np;
	if (!rep_eng_sum_minor_by_class(e, &p, &np))
		return false;
	e->total_if_eligible = g->no_would_be ? "" : fmt_minor(g, p + np);
	if (!e->eligible) {
		rep_eng_clear_lines(e);
		p = np = 0;
	}
	e->total = fmt_minor(g, p + np);
	e->total_pecuniary = fmt_minor(g, p);
	e->total_non_pecuniary = fmt_minor(g, np);
	rep_eng_minor_q(e, p + np, t);
	return true;
#else
	REP_UNUSED(g);
	REP_UNUSED(t);
	return false;
#endif
}

static rep_status finish(engine *g)
{
	rep_estimate *e = g->e;
	rep_eng_group_lines(e);
	rep_status bst = rep_eng_check_bases(g);
	if (bst)
		return bst;
	unsigned top = g->q_top;
	mpq_ptr t = rep_eng_q(g), p = rep_eng_q(g), np = rep_eng_q(g), d = rep_eng_q(g);
	if (!d)
		return rep_eng_nomem(g);
	rep_status st = REP_OK;
	if (!totals_minor(g, t)) {
		rep_eng_sum_lines(e, t, -1);
		e->total_if_eligible = g->no_would_be ? "" : rep_eng_fmt_money(g, t);
		if (!e->eligible) {
			rep_eng_clear_lines(e);
			mpq_set_ui(t, 0, 1);
		}
		rep_eng_sum_lines(e, p, REP_PECUNIARY);
		rep_eng_sum_lines(e, np, REP_NON_PECUNIARY);
		e->total = rep_eng_fmt_money(g, t);
		e->total_pecuniary = rep_eng_fmt_money(g, p);
		e->total_non_pecuniary = rep_eng_fmt_money(g, np);
	}
	if (e->days > 0) {
		mpq_set_si(d, e->days, 1);
		rep_q_div(d, t, d);
		e->per_day = rep_eng_fmt_money(g, d);
	} else {
		e->per_day = "";
	}
	if (!e->total || !e->total_pecuniary || !e->total_non_pecuniary || !e->total_if_eligible || !e->per_day)
		st = rep_eng_nomem(g);
	g->q_top = top;
	return st;
}

static rep_status compute(engine *g)
{
	rep_estimate *e = g->e;
	const rep_scheme_def *def = g->def;
	rep_status st;
	if ((st = rep_case_validate(g->c, g->err)) || (st = rep_eng_resolve_options(g)) || (st = rep_eng_merge_periods(g)) ||
	    (st = rep_eng_eligibility(g)) || (st = rep_eng_deadlines(g)))
		return st;
	for (const char *const *w = def->warnings; w && *w; w++)
		if ((st = rep_eng_warn(g, *w)))
			return st;
	st = rep_eng_compute_lines(g);
	if (st == REP_ENODATA && !e->eligible) {
		/* a barred claim still shows what it would have paid, but a data gap
		 * there is no reason to fail: say so and show no amount */
		const char *b = rep_arena_printf(&e->arena, "what the barred claim would pay could not be computed: %s",
						 g->err ? g->err->message : "reference data missing");
		rep_error_clear(g->err);
		rep_eng_clear_lines(e);
		if ((st = b ? rep_eng_warn(g, b) : rep_eng_nomem(g)))
			return st;
		g->no_would_be = true;
		return finish(g);
	}
	if (st)
		return st;
	/* a benchmark the user has not asked for (rate 0) makes no range */
	for (const rep_tariff *t = def->tariffs; t && t->label && !g->has_range; t++)
		if (t->range_only) {
			mpq_t b;
			mpq_init(b);
			st = rep_eng_benchmark_amount(g, t, b);
			g->has_range = st == REP_OK && mpq_sgn(b) != 0;
			mpq_clear(b);
			if (st)
				return st;
		}
	if (def->range_option)
		g->has_range = true;
	if (g->has_range) {
		mpq_t lo, hi;
		mpq_inits(lo, hi, NULL);
		if (def->range_option)
			st = rep_eng_alternatives_range(g, lo, hi);
		else if ((st = rep_eng_side_total(g, PASS_LOW, lo)) == REP_OK)
			st = rep_eng_side_total(g, PASS_HIGH, hi);
		if (st == REP_OK && (st = rep_eng_range_items(g)) == REP_OK) {
			mpq_t chosen;
			mpq_init(chosen);
			rep_eng_sum_lines(e, chosen, -1);
			/* alternatives bracket what the user chose too (a figure of their own) */
			if (def->range_option && mpq_cmp(chosen, lo) < 0)
				mpq_set(lo, chosen);
			if (def->range_option && mpq_cmp(chosen, hi) > 0)
				mpq_set(hi, chosen);
			if (!e->eligible) {
				mpq_set_ui(lo, 0, 1);
				mpq_set_ui(hi, 0, 1);
				mpq_set_ui(chosen, 0, 1);
			}
			e->has_range = true;
			e->range_low = rep_eng_fmt_money(g, lo);
			e->range_high = rep_eng_fmt_money(g, hi);
			e->range_uses = mpq_equal(chosen, hi) ? "high" : mpq_equal(chosen, lo) ? "low" : "option";
			bool user = false;
			for (size_t i = 0; i < e->n_opts; i++)
				user = user || e->opts[i].user_set;
			if (!user && strcmp(e->range_uses, "option") == 0)
				e->range_uses = "default";
			mpq_clear(chosen);
			if (!e->range_low || !e->range_high)
				st = rep_eng_nomem(g);
		}
		mpq_clears(lo, hi, NULL);
		if (st)
			return st;
	}
	return finish(g);
}

mpq_ptr rep_eng_q(engine *g)
{
	rep_estimate *e = g->e;
	if (g->q_top >= REP_EST_SCRATCH)
		return NULL;
	while (e->q_ready <= g->q_top)
		mpq_init(e->q[e->q_ready++]);
	mpq_ptr x = e->q[g->q_top++];
	mpq_set_ui(x, 0, 1);
	return x;
}

mpq_ptr rep_eng_qn(engine *g, unsigned n)
{
	rep_estimate *e = g->e;
	if (n == 0 || n > REP_EST_SCRATCH - g->q_top)
		return NULL;
	while (e->q_ready < g->q_top + n)
		mpq_init(e->q[e->q_ready++]);
	mpq_ptr x = e->q[g->q_top];
	g->q_top += n;
	return x;
}

/* The context of the estimate's last evaluation is this one, with nothing loaded into it since. */
static bool same_context(const rep_estimate *e, const rep_context *ctx)
{
	return e->last.ctx == ctx && e->last.ctx_id == ctx->id && e->last.ctx_gen == ctx->generation;
}

/* Into *io, reused or new; an estimate this call made is freed on failure. */
static rep_status estimate_eval(rep_estimate **io, const rep_context *ctx, const rep_case *c, const char *scheme_id,
				const rep_options *opts, rep_detail detail, rep_error *err)
{
	if (!io || !ctx || !c || !scheme_id)
		return rep_err(err, REP_EUSAGE, NULL, "estimate: context, case and scheme id are required");
	if (detail != REP_DETAIL_FULL && detail != REP_DETAIL_TOTALS) {
		if (*io)
			rep_estimate_reset(*io); /* a reused estimate reads empty on every failure */
		return rep_err(err, REP_EINVAL, NULL, "estimate: unknown detail %d (REP_DETAIL_FULL or REP_DETAIL_TOTALS)",
			       (int)detail);
	}
	rep_estimate *e = *io;
	bool made = !e;
	if (made) {
		if (!(e = rep_calloc(1, sizeof *e)))
			return rep_err(err, REP_ENOMEM, NULL, "out of memory");
		rep_arena_init(&e->arena, 8192);
		rep_arena_init(&e->scratch, 8192);
		rep_arena_init(&e->fx_plan.arena, 4096);
	}
	rep_estimate_reset(e);
	rep_status st = REP_OK;
	bool same_ctx = same_context(e, ctx), same = same_ctx && e->last.def && strcmp(e->last.def->id, scheme_id) == 0;
	const rep_scheme_def *def = same ? e->last.def : rep_scheme_def_find(ctx, scheme_id);
	if (!same)
		e->n_figures = 0; /* they were another scheme's, or of a context since loaded into or freed */
	if (!def) {
		st = rep_scheme_unknown(ctx, scheme_id, err);
		goto fail;
	}
	e->def = def;
	e->detail = detail;
	e->rounding = def->rounding;
	/* the case's code is copied: an estimate may outlive its case (bindings, batch rows) */
	e->currency = def->currency ? def->currency : rep_arena_strdup(&e->arena, c->currency);
	if (!e->currency) {
		st = rep_err(err, REP_ENOMEM, NULL, "out of memory");
		goto fail;
	}
	int places = 2;
	size_t cl = strlen(e->currency);
	if (e->last.currency[0] && strcmp(e->last.currency, e->currency) == 0) {
		places = e->last.places; /* a code's minor units are the ISO table's, whatever the context */
	} else if (rep_currency_minor_units(e->currency, &places) != REP_OK) {
		st = rep_err(err, REP_EINVAL, NULL, "scheme %s: unknown currency %s", def->id, e->currency);
		goto fail;
	} else if (cl < sizeof e->last.currency) {
		memcpy(e->last.currency, e->currency, cl + 1);
		e->last.places = places;
	}
	e->last.ctx = ctx;
	e->last.ctx_id = ctx->id;
	e->last.ctx_gen = ctx->generation;
	e->last.def = def;
	e->places = def->places >= 0 ? def->places : places;
	engine g = {.ctx = ctx, .c = c, .def = def, .opts = opts, .e = e, .err = err,
		    .as_of = rep_case_effective_as_of(c), .currency = e->currency, .record = true,
		    .text = detail == REP_DETAIL_FULL, .q_top = REP_ENG_FX_MEMO};
	rep_date_format(g.as_of, e->as_of);
	rep_eng_fx_plan_begin(&g, same_ctx);
	e->case_id = rep_arena_strdup(&e->arena, rep_case_id(c));
	st = e->case_id ? compute(&g) : rep_eng_nomem(&g);
	if (st == REP_OK && e->arena.failed)
		st = rep_eng_nomem(&g); /* a string of the estimate went missing */
	if (st == REP_OK) {
		*io = e;
		return REP_OK;
	}
fail:
	if (made) {
		rep_estimate_free(e);
		*io = NULL;
	} else {
		rep_estimate_reset(e);
	}
	return st;
}

/* A context loaded into meanwhile is refused, not read half-written. */
rep_status rep_estimate_eval(rep_estimate **e, const rep_context *ctx, const rep_case *c, const char *scheme_id,
			     const rep_options *opts, rep_detail detail, rep_error *err)
{
	rep_status st = ctx ? rep_context_begin_read(ctx, err) : REP_OK;
	if (st)
		return st;
	st = estimate_eval(e, ctx, c, scheme_id, opts, detail, err);
	if (ctx)
		rep_context_end_read(ctx);
	return st;
}

rep_status rep_estimate_compute(rep_estimate **out, const rep_context *ctx, const rep_case *c, const char *scheme_id,
				const rep_options *opts, rep_error *err)
{
	if (out)
		*out = NULL;
	return rep_estimate_eval(out, ctx, c, scheme_id, opts, REP_DETAIL_FULL, err);
}
