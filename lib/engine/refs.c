/* Reference data as the engine reads it: series values and exchange rates
 * on a date, each recorded in the estimate with its source, and a warning
 * when a series ends before the date asked for. */
#include <stdio.h>
#include <string.h>

#include "engine.h"

static bool ref_known(const rep_estimate *e, const char *series, const char *from, const char *date)
{
	for (size_t i = 0; i < e->n_refs; i++)
		if (strcmp(e->refs[i].series, series) == 0 && strcmp(e->refs[i].from, from) == 0 &&
		    strcmp(e->refs[i].date, date) == 0)
			return true;
	return false;
}

/* A point's strings copied into arena a, and the warning it brings when it
 * is not verified and not derived (NULL: none). false when out of memory. */
static bool ref_copy(rep_arena *a, rep_refpoint *r, const char **warning, const char *series, const char *date,
		     const char *from, const rep_series_point *pt, bool derived)
{
	*r = (rep_refpoint){rep_arena_strdup(a, series), rep_arena_strdup(a, date), rep_arena_strdup(a, from),
			    rep_arena_strdup(a, pt->value), rep_arena_strdup(a, pt->confidence ? pt->confidence : "unverified"),
			    rep_arena_strdup(a, pt->source ? pt->source : "")};
	*warning = NULL;
	if (!r->series || !r->date || !r->from || !r->value || !r->confidence || !r->source)
		return false;
	if (derived || !pt->confidence || strcmp(pt->confidence, "verified") == 0)
		return true;
	*warning = rep_arena_concat(a, "reference value ", series, " ", r->value, " (in force from ", from, ") is ",
				    r->confidence, ": ", pt->source ? r->source : "no source", (char *)NULL);
	return *warning != NULL;
}

static rep_fx_event *plan_event(rep_fx_plan *p)
{
	if (p->n_ev == p->cap_ev) {
		size_t nc = p->cap_ev ? 2 * p->cap_ev : 16;
		rep_fx_event *v = rep_realloc(p->ev, nc * sizeof *v);
		if (!v) {
			p->capture_failed = true;
			return NULL;
		}
		p->ev = v;
		p->cap_ev = nc;
	}
	rep_fx_event *ev = &p->ev[p->n_ev++];
	*ev = (rep_fx_event){{NULL, NULL, NULL, NULL, NULL, NULL}, NULL};
	return ev;
}

/* `derived`: a value computed from points recorded (and warned about) on their own. */
static rep_status record_ref_as(engine *g, const char *series, rep_date asked, const rep_series_point *pt, bool derived)
{
	if (!g->record)
		return REP_OK;
	rep_estimate *e = g->e;
	char d[REP_DATE_TEXT_SIZE], f[REP_DATE_TEXT_SIZE];
	rep_date_format(asked, d);
	rep_date_format(pt->from, f);
	rep_fx_plan *p = &e->fx_plan;
	rep_fx_event *ev = p->capturing ? plan_event(p) : NULL;
	if (ev && !ref_copy(&p->arena, &ev->ref, &ev->warning, series, d, f, pt, derived))
		p->capture_failed = true;
	if (ref_known(e, series, f, d))
		return REP_OK;
	if (GROW(e->refs, e->n_refs, e->cap_refs))
		return rep_eng_nomem(g);
	rep_refpoint r;
	const char *warning;
	if (!ref_copy(&e->arena, &r, &warning, series, d, f, pt, derived))
		return rep_eng_nomem(g);
	e->refs[e->n_refs++] = r;
	return warning ? rep_eng_warn(g, warning) : REP_OK;
}

static rep_status record_ref(engine *g, const char *series, rep_date asked, const rep_series_point *pt)
{
	return record_ref_as(g, series, asked, pt, false);
}

/* Value of a series on a date, recorded in the estimate. */
/* A series used past its last point: its latest point stands in, and the
 * estimate says which series, which point and how to give a current value. */
static rep_status warn_stale(engine *g, const rep_series_stale *s, const rep_series_point *pt, rep_date asked)
{
	if (!s->stale)
		return REP_OK;
	bool fx = strncmp(s->series, "FX.", 3) == 0;
	char *t = rep_arena_printf(&g->e->arena,
				   "%s ends on %s, before %s: its latest point (%s, in force from %s) is used; give a "
				   "current %s with %s (or set strict data, --strict-data, to make this an error)",
				   s->series, rep_eng_fmt_date(g, s->until), rep_eng_fmt_date(g, asked), pt->value, rep_eng_fmt_date(g, pt->from),
				   fx ? "rate" : "value",
				   fx ? "--fx FROM/TO=RATE, --fx-file or --series-file" : "--series-file");
	if (!t)
		return rep_eng_nomem(g);
	rep_fx_plan *p = &g->e->fx_plan;
	rep_fx_event *ev = p->capturing ? plan_event(p) : NULL;
	if (ev && !(ev->warning = rep_arena_strdup(&p->arena, t)))
		p->capture_failed = true;
	return rep_eng_warn(g, t);
}

rep_status rep_engine_series(void *gp, const char *series, rep_date d, mpq_t out)
{
	engine *g = gp;
	rep_series_point pt;
	rep_series_stale stale;
	/* a date past the series' end and not after the valuation date (the
	 * valuation date itself, a harm's date, the 1 January a CPI chain needs)
	 * falls back to the latest point, with a warning: the data lag behind
	 * today; a gap inside the series stays an error */
	rep_status st =
		rep_series_lookup_ex(g->ctx, series, d, out, &pt, !g->ctx->strict_data && d <= g->as_of, &stale, g->err);
	if (st == REP_ENODATA && g->ctx->strict_data && g->err) {
		char m[REP_ERROR_MESSAGE_MAX];
		snprintf(m, sizeof m, "%s", g->err->message);
		rep_err(g->err, REP_ENODATA, NULL, "%s (strict data: the latest point is not used for a later date; "
			"give a current value with --series-file)", m);
	}
	if (st)
		return st;
	if ((st = warn_stale(g, &stale, &pt, d)))
		return st;
	return record_ref(g, series, d, &pt);
}

/* Record an exchange-rate point under the pair asked for. A lookup may
 * answer KZT/EUR with the stored EUR/KZT point (608.4): its value stays as
 * stored, and the source says which way it runs. */
/* "FX KZT/EUR", built by hand: snprintf cost more than the rest of recording a rate. */
static void fx_pair(char out[16], const char *from, const char *to)
{
	size_t a = strnlen(from, 5), b = strnlen(to, 5);
	memcpy(out, "FX ", 3);
	memcpy(out + 3, from, a);
	out[3 + a] = '/';
	memcpy(out + 4 + a, to, b);
	out[4 + a + b] = '\0';
}

static rep_status record_fx(engine *g, const char *from, const char *to, const rep_fx_info *info,
			    const rep_series_point *pt)
{
	if (!g->record)
		return REP_OK;
	char pair[16];
	fx_pair(pair, from, to);
	if (!info->inverted)
		return record_ref(g, pair, g->as_of, pt);
	rep_series_point q = *pt;
	/* every conversion of a batch row words this: a copy, not a printf */
	q.source = rep_arena_concat(&g->e->arena, "stored as ", to, "/", from, " (1 ", to, " = ",
				    pt->value ? pt->value : "", " ", from, "), used inverted: ",
				    pt->source ? pt->source : "", (char *)NULL);
	return q.source ? record_ref(g, pair, g->as_of, &q) : rep_eng_nomem(g);
}

/* "1 EUR = 608.4 KZT" reads better than "1 KZT = 0.001644 EUR": the larger side first. */
static const char *fx_words(engine *g, const char *from, const char *to, const mpq_t rate)
{
	mpq_t shown;
	mpq_init(shown);
	bool inverse = mpq_cmp_ui(rate, 1, 1) < 0;
	if (inverse)
		mpq_inv(shown, rate);
	else
		mpq_set(shown, rate);
	const char *r = rep_eng_fmt_qty(g, shown);
	mpq_clear(shown);
	return rep_arena_printf(&g->e->arena, "1 %s = %s %s", inverse ? to : from, r ? r : "?", inverse ? from : to);
}

/* Units of the scheme's currency per unit of `from`, at as_of. */
static rep_status fx_lookup(engine *g, const char *from, mpq_t rate, const char **text)
{
	rep_series_point pt;
	*text = NULL;
	if (strcmp(from, g->currency) == 0) {
		mpq_set_ui(rate, 1, 1);
		return REP_OK;
	}
	rep_fx_info info;
	rep_status st = rep_fx_lookup_ex(g->ctx, from, g->currency, g->as_of, rate, &pt, !g->ctx->strict_data, &info,
					 g->err);
	if (st == REP_ENODATA && g->err) {
		char m[REP_ERROR_MESSAGE_MAX];
		snprintf(m, sizeof m, "%s", g->err->message);
		rep_err(g->err, REP_ENODATA, NULL,
			"%s, directly or through another currency%s (give one with --fx %s/%s=RATE, --fx-file or "
			"--series-file; C: rep_context_set_fx)", m,
			g->ctx->strict_data ? "; strict data: a series' latest point is not used after its end" : "",
			from, g->currency);
	}
	if (st)
		return st;
	if (!info.bridge[0]) {
		if ((st = warn_stale(g, &info.stale, &pt, g->as_of)) || (st = record_fx(g, from, g->currency, &info, &pt)))
			return st;
	} else if (g->record) {
		/* a cross rate: each leg keeps its own source, and the pair is
		 * recorded with the value it came to */
		mpq_t leg;
		mpq_init(leg);
		rep_series_point p1, p2;
		rep_fx_info i1, i2;
		bool lax = !g->ctx->strict_data;
		if (rep_fx_lookup_ex(g->ctx, from, info.bridge, g->as_of, leg, &p1, lax, &i1, NULL) == REP_OK &&
		    (st = warn_stale(g, &i1.stale, &p1, g->as_of)) == REP_OK)
			st = record_fx(g, from, info.bridge, &i1, &p1);
		if (st == REP_OK &&
		    rep_fx_lookup_ex(g->ctx, info.bridge, g->currency, g->as_of, leg, &p2, lax, &i2, NULL) == REP_OK &&
		    (st = warn_stale(g, &i2.stale, &p2, g->as_of)) == REP_OK)
			st = record_fx(g, info.bridge, g->currency, &i2, &p2);
		mpq_clear(leg);
		if (st)
			return st;
		char pair[16];
		fx_pair(pair, from, g->currency);
		pt.value = rep_eng_fmt_qty(g, rate);
		pt.source = rep_arena_printf(&g->e->arena, "%scross rate via %s: FX %s/%s x FX %s/%s, as listed",
					     rep_dec_is_exact(rate, 6) ? "" : "rounded here to 6 places; ", info.bridge, from,
					     info.bridge, info.bridge, g->currency);
		if (!pt.value || !pt.source)
			return rep_eng_nomem(g);
		if ((st = record_ref_as(g, pair, g->as_of, &pt, true)))
			return st;
		pt.source = rep_arena_printf(&g->e->arena, "cross rate via %s", info.bridge);
	} else if (g->text) {
		pt.source = rep_arena_printf(&g->e->arena, "cross rate via %s", info.bridge);
	}
	if (!g->text)
		return REP_OK;
	const char *words = fx_words(g, from, g->currency, rate);
	*text = words ? rep_arena_printf(&g->e->arena, "converted at %s (%s, in force from %s)", words,
					 pt.source ? pt.source : "", rep_eng_fmt_date(g, pt.from))
		      : NULL;
	return *text ? REP_OK : rep_eng_nomem(g);
}

/* ---- the estimate's plan of rates (rep_fx_plan) ---- */

void rep_eng_fx_plan_begin(engine *g, bool same_context)
{
	rep_fx_plan *p = &g->e->fx_plan;
	if (same_context && p->n < REP_FX_PLAN_MAX && !p->capture_failed)
		return;
	/* nothing of the estimate points into the plan now: it was reset */
	p->n = p->n_ev = 0;
	p->capture_failed = false;
	rep_arena_reset(&p->arena);
}

/* What a lookup recorded, again: the same points and warnings in the same
 * order, each skipped as recording skips it (a point already there). */
static rep_status plan_replay(engine *g, const rep_fx_plan_entry *en)
{
	rep_estimate *e = g->e;
	rep_status st;
	for (size_t k = 0; k < en->n; k++) {
		const rep_fx_event *ev = &e->fx_plan.ev[en->first + k];
		if (!ev->ref.series) {
			if ((st = rep_eng_warn_kept(g, ev->warning)))
				return st;
			continue;
		}
		if (ref_known(e, ev->ref.series, ev->ref.from, ev->ref.date))
			continue;
		if (GROW(e->refs, e->n_refs, e->cap_refs))
			return rep_eng_nomem(g);
		e->refs[e->n_refs++] = ev->ref;
		if (ev->warning && (st = rep_eng_warn_kept(g, ev->warning)))
			return st;
	}
	return REP_OK;
}

/* fx_lookup through the plan. Evaluations without line words (batch rows
 * of totals, sweeps) take a rate an earlier evaluation of the estimate
 * looked up, and replay what it recorded; words are built as before. */
static rep_status planned_lookup(engine *g, const char *from, mpq_t rate, const char **text)
{
	rep_fx_plan *p = &g->e->fx_plan;
	size_t fl = strlen(from), tl = strlen(g->currency);
	if (g->text || fl >= sizeof p->entry[0].from || tl >= sizeof p->entry[0].to)
		return fx_lookup(g, from, rate, text);
	bool lax = !g->ctx->strict_data;
	for (size_t i = 0; i < p->n; i++) {
		const rep_fx_plan_entry *en = &p->entry[i];
		if (en->date == g->as_of && en->lax == lax && strcmp(en->from, from) == 0 && strcmp(en->to, g->currency) == 0) {
			mpq_set(rate, p->rate[i]);
			*text = NULL;
			return g->record ? plan_replay(g, en) : REP_OK;
		}
	}
	if (!g->record || p->n == REP_FX_PLAN_MAX || p->capture_failed)
		return fx_lookup(g, from, rate, text);
	rep_fx_plan_entry *en = &p->entry[p->n];
	en->first = p->n_ev;
	p->capturing = true;
	rep_status st = fx_lookup(g, from, rate, text);
	p->capturing = false;
	if (st || p->capture_failed) {
		/* what was captured is dropped; words left in the plan's arena make the next evaluation start it
		 * afresh, so a run of failing lookups (a currency with no rate) cannot grow it */
		if (p->n_ev != en->first)
			p->capture_failed = true;
		p->n_ev = en->first;
		return st;
	}
	if (p->rate_ready == p->n)
		mpq_init(p->rate[p->rate_ready++]);
	mpq_set(p->rate[p->n], rate);
	memcpy(en->from, from, fl + 1);
	memcpy(en->to, g->currency, tl + 1);
	en->date = g->as_of;
	en->lax = lax;
	en->n = p->n_ev - en->first;
	p->n++;
	return REP_OK;
}

/* Every harm of one currency converts at one rate (as_of's): looked up,
 * recorded and worded once per evaluation, not once per harm. An entry made
 * by a pass that records nothing, or builds no words, is done again the
 * first time a pass needs them. */
rep_status rep_eng_fx_rate(engine *g, const char *from, mpq_t rate, const char **text)
{
	size_t i = 0;
	while (i < g->n_fx && strcmp(g->fx[i].from, from) != 0)
		i++;
	rep_fx_memo *m = i < g->n_fx ? &g->fx[i] : NULL;
	if (m && (m->recorded || !g->record) && (m->text || !g->text)) {
		mpq_set(rate, m->rate);
		*text = g->text ? m->text : NULL;
		return REP_OK;
	}
	rep_status st = planned_lookup(g, from, rate, text);
	if (st || strlen(from) >= sizeof m->from)
		return st;
	if (!m && g->n_fx < REP_ENG_FX_MEMO) {
		/* the memo's rates are the scratch below g->q_top's start */
		m = &g->fx[g->n_fx];
		while (g->e->q_ready <= g->n_fx)
			mpq_init(g->e->q[g->e->q_ready++]);
		m->rate = g->e->q[g->n_fx++];
		strcpy(m->from, from);
		m->text = NULL;
		m->recorded = false;
	}
	if (m) {
		mpq_set(m->rate, rate);
		m->recorded = m->recorded || g->record;
		if (g->text)
			m->text = *text;
	}
	return REP_OK;
}

/* Record the reference points a time-value calculation used. */
rep_status rep_eng_record_tvm_points(engine *g, const rep_tvm_result *res)
{
	rep_status st = REP_OK;
	for (size_t i = 0; i < res->n_points && st == REP_OK; i++) {
		const rep_tvm_point *p = &res->points[i];
		rep_series_point pt = {p->from, p->value, p->confidence, p->source};
		st = record_ref(g, p->series, p->date, &pt);
	}
	return st;
}
