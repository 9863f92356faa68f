/* Tariffs for deprivation of liberty: which version of a rate is in force
 * (version_at picks it by a date of the case), how days become a quantity,
 * the rate with its index and currency, tiers, caps on a tariff, and the
 * benchmarks that only widen a range. */
#include <stdio.h>
#include <string.h>

#include "engine.h"

rep_date rep_eng_basis_date(const engine *g, rep_date_basis b)
{
	const rep_case *c = g->c;
	switch (b) {
	case REP_AT_DECISION:
		return c->decision_date != REP_DATE_NONE ? c->decision_date : g->as_of;
	case REP_AT_APPLICATION:
		return c->application_date != REP_DATE_NONE ? c->application_date : g->as_of;
	case REP_AT_DETENTION_END: {
		rep_date last = REP_DATE_NONE;
		for (size_t i = 0; i < g->n_periods; i++)
			if (g->periods[i].end > last)
				last = g->periods[i].end;
		return last != REP_DATE_NONE ? last : g->as_of;
	}
	case REP_AT_EACH_DAY:
	case REP_AT_AS_OF:
	default:
		return g->as_of;
	}
}

bool rep_eng_in_window(rep_date d, rep_date from, rep_date to)
{
	return (from == REP_DATE_NONE || d >= from) && (to == REP_DATE_NONE || d <= to);
}

static bool same_str(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

const char *rep_eng_basis_words(rep_date_basis b)
{
	switch (b) {
	case REP_AT_DECISION:
		return "the decision date, proceedings.decision_date";
	case REP_AT_APPLICATION:
		return "the application date, proceedings.application_date";
	case REP_AT_DETENTION_END:
		return "the last day of deprivation of liberty";
	case REP_AT_AS_OF:
		return "the valuation date, as_of";
	case REP_AT_EACH_DAY:
	default:
		return "each day";
	}
}

bool rep_eng_window_open(rep_date from, rep_date to)
{
	/* a zeroed built-in entry (0, 0) is open too, see rep_fixed */
	return (from == REP_DATE_NONE && to == REP_DATE_NONE) || (from == 0 && to == 0);
}

/* Tariffs that differ only in their window (and rate, label, sources) are
 * versions of one rule. */
static bool same_tariff_rule(const rep_tariff *a, const rep_tariff *b)
{
	return a->kinds == b->kinds && same_str(a->head, b->head) && a->condition == b->condition &&
	       same_str(a->when_option, b->when_option) && same_str(a->when_value, b->when_value) &&
	       a->tier_from == b->tier_from && a->tier_to == b->tier_to && a->range_only == b->range_only &&
	       a->version_at == b->version_at;
}

static bool same_fixed_rule(const rep_fixed *a, const rep_fixed *b)
{
	return same_str(a->head, b->head) && a->trigger == b->trigger && a->lo == b->lo && a->hi == b->hi &&
	       same_str(a->when_option, b->when_option) && same_str(a->when_value, b->when_value) &&
	       a->klass == b->klass && a->version_at == b->version_at;
}

/* "2002-01-01..2009-08-04, 2020-10-08..(open)" */
static const char *windows_text(engine *g, const rep_date *from, const rep_date *to, size_t n)
{
	rep_buf b = {0};
	for (size_t i = 0; i < n; i++) {
		char a[REP_DATE_TEXT_SIZE] = "(open)", z[REP_DATE_TEXT_SIZE] = "(open)";
		if (from[i] != REP_DATE_NONE)
			rep_date_format(from[i], a);
		if (to[i] != REP_DATE_NONE)
			rep_date_format(to[i], z);
		rep_buf_printf(&b, "%s%s..%s", i ? ", " : "", a, z);
	}
	const char *r = b.data && !b.failed ? rep_arena_strdup(&g->e->arena, b.data) : NULL;
	rep_free(b.data);
	return r;
}

/* Days of the merged periods of `kinds`, and of those the days outside
 * every window [from[i], to[i]] (windows of one rule do not overlap). */
static void kind_days(const engine *g, uint32_t kinds, const rep_date *from, const rep_date *to, size_t n,
		      long *days, long *uncovered)
{
	*days = *uncovered = 0;
	for (size_t i = 0; i < g->n_periods; i++) {
		const rep_period *p = &g->periods[i];
		if (!(kinds & REP_BIT(p->kind)))
			continue;
		long len = rep_days_between(p->start, p->end, REP_DC_INCLUSIVE), in = 0;
		for (size_t w = 0; w < n; w++) {
			rep_date s = from[w] != REP_DATE_NONE && from[w] > p->start ? from[w] : p->start;
			rep_date e = to[w] != REP_DATE_NONE && to[w] < p->end ? to[w] : p->end;
			if (e >= s)
				in += (long)(e - s) + 1;
		}
		*days += len;
		*uncovered += len > in ? len - in : 0;
	}
}

#define MAX_VERSIONS 32

/* Never a silent zero: a rule whose versions all miss the date its
 * version_at picks is an error naming the scheme, the rule and the date; a
 * rule paid day by day names the days no version pays (finding + warning). */
rep_status rep_eng_check_versions(engine *g)
{
	const rep_scheme_def *def = g->def;
	rep_status st;
	rep_date from[MAX_VERSIONS], to[MAX_VERSIONS];
	for (const rep_tariff *t = def->tariffs; t && t->label; t++) {
		if (rep_eng_window_open(t->valid_from, t->valid_to))
			continue;
		bool first = true;
		for (const rep_tariff *u = def->tariffs; u != t && first; u++)
			if (same_tariff_rule(u, t) && !rep_eng_window_open(u->valid_from, u->valid_to))
				first = false;
		if (!first || !rep_eng_enabled(g, t->when_option, t->when_value))
			continue;
		if ((t->condition == REP_COND_DEATH_SENTENCE && !(g->c->flags & REP_FLAG_DEATH_SENTENCE)) ||
		    (t->condition == REP_COND_NO_DEATH_SENTENCE && (g->c->flags & REP_FLAG_DEATH_SENTENCE)))
			continue;
		size_t n = 0;
		bool open = false;
		for (const rep_tariff *u = t; u->label; u++)
			if (same_tariff_rule(u, t)) {
				if (rep_eng_window_open(u->valid_from, u->valid_to))
					open = true;
				else if (n < MAX_VERSIONS)
					from[n] = u->valid_from, to[n] = u->valid_to, n++;
			}
		if (open)
			continue; /* an unversioned entry of the same rule pays whatever the date */
		long days, uncovered;
		kind_days(g, t->kinds, from, to, n, &days, &uncovered);
		if (days == 0)
			continue;
		if (t->version_at == REP_AT_EACH_DAY) {
			if (uncovered == 0)
				continue;
			const char *wt = windows_text(g, from, to, n);
			if (!wt)
				return rep_eng_nomem(g);
			char *b = rep_arena_printf(&g->e->arena,
						   "%ld of the %ld days paid by \"%s\" fall outside every version of its "
						   "rate (in force %s) and are not paid: no rate is recorded for them",
						   uncovered, days, t->label, wt);
			if (!b)
				return rep_eng_nomem(g);
			if ((st = rep_eng_finding(g, "unpaid_days", b, t->basis, false)) || (st = rep_eng_warn(g, b)))
				return st;
			continue;
		}
		rep_date d = rep_eng_basis_date(g, t->version_at);
		bool covered = false;
		for (size_t i = 0; i < n; i++)
			covered = covered || rep_eng_in_window(d, from[i], to[i]);
		if (!covered) {
			const char *wt = windows_text(g, from, to, n);
			return rep_err(g->err, REP_ENODATA, NULL,
				       "scheme %s: tariff \"%s\" has no version in force on %s (%s, which picks the "
				       "version); its versions are in force %s, so %ld days would be paid nothing",
				       def->id, t->label, rep_eng_fmt_date(g, d), rep_eng_basis_words(t->version_at),
				       wt ? wt : "?", days);
		}
		if ((st = rep_eng_warn_fallback(g, t->version_at)))
			return st;
	}
	for (const rep_fixed *f = def->fixed; f && f->label; f++) {
		if (rep_eng_window_open(f->valid_from, f->valid_to))
			continue;
		bool first = true;
		for (const rep_fixed *u = def->fixed; u != f && first; u++)
			if (same_fixed_rule(u, f) && !rep_eng_window_open(u->valid_from, u->valid_to))
				first = false;
		if (!first || !rep_eng_enabled(g, f->when_option, f->when_value))
			continue;
		if (f->trigger == REP_TRIGGER_TORTURE_PART && (g->c->torture_part < f->lo || g->c->torture_part > f->hi))
			continue;
		size_t n = 0;
		bool open = false;
		for (const rep_fixed *u = f; u->label; u++)
			if (same_fixed_rule(u, f)) {
				if (rep_eng_window_open(u->valid_from, u->valid_to))
					open = true;
				else if (n < MAX_VERSIONS)
					from[n] = u->valid_from, to[n] = u->valid_to, n++;
			}
		if (open)
			continue;
		rep_date_basis b = f->version_at == REP_AT_EACH_DAY ? REP_AT_AS_OF : f->version_at;
		rep_date d = rep_eng_basis_date(g, b);
		bool covered = false;
		for (size_t i = 0; i < n; i++)
			covered = covered || rep_eng_in_window(d, from[i], to[i]);
		if (!covered) {
			const char *wt = windows_text(g, from, to, n);
			return rep_err(g->err, REP_ENODATA, NULL,
				       "scheme %s: fixed amount \"%s\" has no version in force on %s (%s, which picks "
				       "the version); its versions are in force %s",
				       def->id, f->label, rep_eng_fmt_date(g, d), rep_eng_basis_words(b), wt ? wt : "?");
		}
		if ((st = rep_eng_warn_fallback(g, b)))
			return st;
	}
	return REP_OK;
}

bool rep_eng_fixed_in_force(const engine *g, const rep_fixed *f)
{
	if (rep_eng_window_open(f->valid_from, f->valid_to))
		return true;
	rep_date_basis b = f->version_at == REP_AT_EACH_DAY ? REP_AT_AS_OF : f->version_at;
	return rep_eng_in_window(rep_eng_basis_date(g, b), f->valid_from, f->valid_to);
}

static const char *measure_words(const rep_tariff *t)
{
	switch (t->measure) {
	case REP_MEASURE_DAYS:
		return t->daycount == REP_DC_COMMENCED	     ? "commenced days"
		       : t->daycount == REP_DC_EXCLUSIVE_LAST ? "days (the day of release not counted)"
							      : "days (both ends counted)";
	case REP_MEASURE_YEARS_365:
		return "years (days / 365)";
	case REP_MEASURE_YEARS_36525:
		return "years (days / 365.25)";
	case REP_MEASURE_YEARS_YMD:
		return "years (whole years + months/12 + days/365)";
	case REP_MEASURE_MONTHS_COMMENCED:
		return "months (a commenced month counts as a whole month)";
	case REP_MEASURE_MONTHS_WHOLE:
		return "whole months";
	}
	return "units";
}

/* Quantity contributed by the days [s, e] of a period that ends on pend,
 * added to q; x is scratch. False when it contributes nothing. */
static bool period_quantity(const rep_tariff *t, rep_date s, rep_date e, rep_date pend, mpq_t q, mpq_t x)
{
	int32_t days = rep_days_between(s, e, REP_DC_INCLUSIVE);
	switch (t->measure) {
	case REP_MEASURE_DAYS:
		if (t->daycount == REP_DC_EXCLUSIVE_LAST && e == pend && days > 0)
			days--;
		mpq_set_si(x, days, 1);
		break;
	case REP_MEASURE_YEARS_365:
		rep_yearfrac_act365(x, days);
		break;
	case REP_MEASURE_YEARS_36525:
		rep_yearfrac_act36525(x, days);
		break;
	case REP_MEASURE_YEARS_YMD:
	case REP_MEASURE_MONTHS_COMMENCED:
	case REP_MEASURE_MONTHS_WHOLE: {
		int32_t months = 0, rest = 0;
		rep_months_and_days(s, e, &months, &rest);
		if (t->measure == REP_MEASURE_YEARS_YMD) {
			/* months/12 + rest/365 */
			rep_q_set_frac(x, (unsigned long)months * 365 + (unsigned long)rest * 12, 12 * 365);
		} else {
			mpq_set_si(x, months + (t->measure == REP_MEASURE_MONTHS_COMMENCED && rest > 0), 1);
		}
		break;
	}
	}
	rep_q_add(q, q, x);
	return mpq_sgn(x) != 0;
}

/* Rate of a tariff in this pass, in the scheme's currency (index applied). */
static rep_status tariff_rate(engine *g, const rep_tariff *t, mpq_t rate, const char **rate_text, const char **fx_text)
{
	const char *r = t->rate.value, *user = NULL;
	if (t->rate_option) {
		const char *v = rep_eng_option_value(g, t->rate_option);
		if (v)
			r = user = v;
	}
	if (g->pass == PASS_LOW && t->rate_low)
		r = t->rate_low;
	if (g->pass == PASS_HIGH && t->rate_high)
		r = t->rate_high;
	if (t->range_only && g->pass != PASS_HIGH)
		r = "0";
	if (!r)
		return rep_err(g->err, REP_EINVAL, NULL, "scheme %s: tariff \"%s\" has no rate", g->def->id, t->label);
	rep_status st = r == user ? rep_dec_parse(rate, r, g->err) : rep_eng_figure(g, r, rate);
	if (st)
		return rep_err_at(g->err, t->label);
	*rate_text = r;
	*fx_text = NULL;
	unsigned top = g->q_top;
	if (t->index) {
		mpq_ptr iv = rep_eng_q(g);
		if (!iv)
			return rep_eng_nomem(g);
		rep_date d = rep_eng_basis_date(g, t->index_at);
		st = rep_engine_series(g, t->index, d, iv);
		if (st == REP_OK) {
			rep_q_mul(rate, rate, iv);
			if (g->text) {
				char ivs[64];
				rep_dec_format_buf(ivs, sizeof ivs, iv, 2, REP_ROUND_HALF_EVEN);
				*rate_text = rep_arena_concat(&g->e->arena, r, " ", t->index, " x ", ivs, " (", t->index, " on ",
							      rep_eng_fmt_date(g, d), ")", (char *)NULL);
			}
		}
		g->q_top = top;
		if (st)
			return st;
	}
	if (t->rate_currency && strcmp(t->rate_currency, g->currency) != 0) {
		mpq_ptr fx = rep_eng_q(g);
		if (!fx)
			return rep_eng_nomem(g);
		st = rep_eng_fx_rate(g, t->rate_currency, fx, fx_text);
		if (st == REP_OK) {
			rep_q_mul(rate, rate, fx);
			*rate_text = r; /* the formula names the rate's currency */
		}
		g->q_top = top;
	}
	return st;
}

rep_status rep_eng_apply_tariff(engine *g, const rep_tariff *t)
{
	const rep_case *c = g->c;
	if (t->condition == REP_COND_DEATH_SENTENCE && !(c->flags & REP_FLAG_DEATH_SENTENCE))
		return REP_OK;
	if (t->condition == REP_COND_NO_DEATH_SENTENCE && (c->flags & REP_FLAG_DEATH_SENTENCE))
		return REP_OK;
	/* a zeroed window (0, 0) is open, as check_versions reads it */
	rep_date vfrom = t->valid_from, vto = t->valid_to;
	if (rep_eng_window_open(vfrom, vto))
		vfrom = vto = REP_DATE_NONE;
	if (t->version_at != REP_AT_EACH_DAY && !rep_eng_in_window(rep_eng_basis_date(g, t->version_at), vfrom, vto))
		return REP_OK;
	if (!rep_eng_enabled(g, t->when_option, t->when_value))
		return REP_OK;
	unsigned top = g->q_top;
	mpq_ptr q = rep_eng_q(g), x = rep_eng_q(g), rate = rep_eng_q(g), amount = rep_eng_q(g);
	if (!amount)
		return rep_eng_nomem(g);
	long ordinal = 0; /* days of this tariff's kinds seen so far, for tiers */
	size_t used = 0;
	char periods_text[400] = "";
	size_t ptlen = 0;
	for (size_t i = 0; i < g->n_periods; i++) {
		const rep_period *p = &g->periods[i];
		if (!(t->kinds & REP_BIT(p->kind)))
			continue;
		rep_date s = p->start, e = p->end;
		long first = ordinal + 1;
		ordinal += rep_days_between(s, e, REP_DC_INCLUSIVE);
		/* tiers count days across all periods this tariff pays */
		if (t->tier_from > 0 && first < t->tier_from)
			s += (rep_date)(t->tier_from - first);
		if (t->tier_to > 0 && ordinal > t->tier_to)
			e -= (rep_date)(ordinal - t->tier_to);
		if (t->version_at == REP_AT_EACH_DAY) {
			if (vfrom != REP_DATE_NONE && s < vfrom)
				s = vfrom;
			if (vto != REP_DATE_NONE && e > vto)
				e = vto;
		}
		if (e < s)
			continue;
		/* the day of release is the last day of a spell of custody, not the
		 * last day of a kind: police cell then remand is one spell */
		bool continues = i + 1 < g->n_periods && g->periods[i + 1].start == p->end + 1 &&
				 g->periods[i + 1].kind != REP_DET_PAROLE && p->kind != REP_DET_PAROLE;
		if (!period_quantity(t, s, e, continues ? REP_DATE_NONE : p->end, q, x))
			continue;
		used++;
		if (used <= 4 && g->text) {
			char a[REP_DATE_TEXT_SIZE], b[REP_DATE_TEXT_SIZE];
			rep_date_format(s, a);
			rep_date_format(e, b);
			ptlen += (size_t)snprintf(periods_text + ptlen, sizeof periods_text - ptlen, "%s%s..%s %s",
						  ptlen ? "; " : "", a, b, rep_detention_kind_name((rep_detention_kind)p->kind));
		}
	}
	if (used > 4 && g->text)
		snprintf(periods_text + ptlen, sizeof periods_text - ptlen, "; and %zu more periods", used - 4);
	rep_status st = REP_OK;
	if (mpq_sgn(q) == 0)
		goto out;
	const char *rate_text = NULL, *fx_text = NULL;
	if ((st = tariff_rate(g, t, rate, &rate_text, &fx_text)))
		goto out;
	if ((st = rep_eng_check_figure(g, &t->rate, t->label)))
		goto out;
	rep_q_mul(amount, q, rate);
	const char *qty = g->text ? rep_eng_fmt_qty(g, q) : NULL;
	const char *cur = t->rate_currency ? t->rate_currency : g->currency;
	const char *note = periods_text;
	if (g->text && g->credited_days > 0 && !(note = rep_arena_concat(&g->e->arena, periods_text, "; ", g->credited_note, (char *)NULL))) {
		st = rep_eng_nomem(g);
		goto out;
	}
	if (t->cap.value) {
		mpq_ptr cap = x; /* the quantities are summed: x is free */
		if ((st = rep_eng_figure(g, t->cap.value, cap)) == REP_OK && t->index) {
			mpq_ptr iv = rep_eng_q(g);
			if (!iv) {
				st = rep_eng_nomem(g);
				goto out;
			}
			st = rep_engine_series(g, t->index, rep_eng_basis_date(g, t->index_at), iv);
			rep_q_mul(cap, cap, iv);
		}
		if (st == REP_OK && mpq_cmp(amount, cap) > 0) {
			mpq_set(amount, cap);
			if (g->text)
				note = rep_arena_printf(&g->e->arena, "%s; capped at %s%s%s (%s)", note, t->cap.value,
						t->index ? " " : " ", t->index ? t->index : g->currency,
						t->cap_basis ? t->cap_basis : t->basis);
			st = rep_eng_check_figure(g, &t->cap, "cap");
		}
		if (st)
			goto out;
	}
	rep_eng_note_alternative(g, t->when_option, amount);
	if (t->range_only)
		goto out; /* a benchmark: compute() weighs it for the range */
	if (t->rate_low || t->rate_high)
		g->has_range = true;
	const char *formula = !g->text ? "" : rep_arena_concat(&g->e->arena, t->formula ? t->formula : t->label, ": ",
					       rate_text, " ", cur, " x ", qty ? qty : "?", " ", measure_words(t),
					       fx_text ? "; " : "", fx_text ? fx_text : "", (char *)NULL);
	line_in in = {.head = t->head ? t->head : "liberty", .group = t->group, .label = t->label, .basis = t->basis,
		      .formula = formula, .quantity = qty, .unit = t->unit, .rate = rate_text, .note = note,
		      .klass = t->klass};
	st = rep_eng_add_line(g, &in, amount);
out:
	g->q_top = top;
	return st;
}

/* Range-only benchmarks: the amount a tariff would give at its high rate. */
rep_status rep_eng_benchmark_amount(engine *g, const rep_tariff *t, mpq_t out)
{
	pass_kind saved = g->pass;
	bool rec = g->record;
	size_t n = g->e->ls.n;
	rep_tariff copy = *t;
	copy.range_only = false;
	g->pass = PASS_HIGH;
	g->record = false;
	rep_status st = rep_eng_apply_tariff(g, &copy);
	g->pass = saved;
	g->record = rec;
	mpq_set_ui(out, 0, 1);
	if (st == REP_OK && g->e->ls.n > n)
		rep_eng_pop_line(g->e, out);
	return st;
}
