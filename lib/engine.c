/* The engine: one case under one scheme, interpreted from the scheme's data.
 *
 * Order of work: options, eligibility, periods (merged so no day counts
 * twice), tariffs for deprivation of liberty, harm heads, fixed amounts,
 * thresholds and caps. Each line is rounded once, when it is made, with the
 * scheme's rounding; totals are sums of rounded lines, so what is printed
 * adds up. Where a scheme leaves a rate to a court (a range), the whole
 * evaluation runs again at the low and the high end for range.low/high. */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "case_internal.h"
#include "context_internal.h"
#include "estimate_internal.h"
#include "internal.h"
#include "scheme.h"
#include "tvm.h"

/* Which rate a ranged tariff uses in this pass. */
typedef enum pass_kind {
	PASS_CHOSEN = 0,
	PASS_LOW,
	PASS_HIGH
} pass_kind;

typedef struct engine {
	const rep_context *ctx;
	const rep_case *c;
	const rep_scheme_def *def;
	const rep_options *opts;
	rep_estimate *e;
	rep_error *err;
	rep_date as_of;
	const char *currency;
	pass_kind pass;
	bool record;            /* the main pass records refpoints, warnings and notes */
	rep_period *periods;    /* merged deprivation of liberty */
	size_t n_periods;
	bool has_range;
	bool no_would_be;       /* barred, and what it would pay could not be computed */
	const char *alt_value;  /* a side pass over an alternative of def->range_option */
	bool alt_hit;           /* that alternative's entries came to something */
	bool ungated;           /* range items: every alternative is priced, whatever is chosen */
	long credited_days;     /* days excluded as credited to another lawful sentence */
	const char *credited_note; /* the line note saying so */
} engine;

/* ---- small helpers ---- */

#define GROW(vec, n, cap)                                                                  \
	((n) < (cap) ? REP_OK : grow_vec((void **)&(vec), &(cap), sizeof *(vec)))

static rep_status grow_vec(void **v, size_t *cap, size_t elem)
{
	size_t nc = *cap ? *cap * 2 : 8;
	if (nc > 100000)
		return REP_ELIMIT;
	void *nv = rep_realloc(*v, nc * elem);
	if (!nv)
		return REP_ENOMEM;
	*v = nv;
	*cap = nc;
	return REP_OK;
}

static const char *basis_words(rep_date_basis b);
static bool enabled(const engine *g, const char *opt, const char *values);

static rep_status nomem(engine *g)
{
	return rep_err(g->err, REP_ENOMEM, NULL, "out of memory");
}

static const char *fmt_date(engine *g, rep_date d)
{
	char b[REP_DATE_TEXT_SIZE];
	rep_date_format(d, b);
	return rep_arena_strdup(&g->e->arena, b);
}

/* x as exact decimal text when it terminates within 6 places, else rounded to 6. */
static const char *fmt_qty(engine *g, const mpq_t x)
{
	char buf[128];
	if (rep_dec_is_exact(x, 6)) {
		char *s = rep_dec_to_string(x);
		if (!s) {
			g->e->arena.failed = true; /* out of memory: compute() fails on it */
			return NULL;
		}
		const char *r = rep_arena_strdup(&g->e->arena, s);
		rep_free(s);
		return r;
	}
	if (rep_dec_format_buf(buf, sizeof buf, x, 6, REP_ROUND_HALF_EVEN))
		return NULL;
	return rep_arena_printf(&g->e->arena, "%s", buf);
}

static const char *fmt_money(engine *g, const mpq_t x)
{
	char buf[128];
	if (rep_dec_format_buf(buf, sizeof buf, x, g->e->places, g->e->rounding))
		return NULL;
	return rep_arena_strdup(&g->e->arena, buf);
}

static rep_status warn(engine *g, const char *text)
{
	if (!g->record || !text)
		return REP_OK;
	rep_estimate *e = g->e;
	for (size_t i = 0; i < e->n_warnings; i++)
		if (strcmp(e->warnings[i], text) == 0)
			return REP_OK;
	if (GROW(e->warnings, e->n_warnings, e->cap_warnings))
		return nomem(g);
	const char *copy = rep_arena_strdup(&e->arena, text);
	if (!copy)
		return nomem(g);
	e->warnings[e->n_warnings++] = copy;
	return REP_OK;
}

static rep_status finding(engine *g, const char *code, const char *text, const char *basis, bool bars)
{
	rep_estimate *e = g->e;
	if (GROW(e->findings, e->n_findings, e->cap_findings))
		return nomem(g);
	rep_finding f = {rep_arena_strdup(&e->arena, code), rep_arena_strdup(&e->arena, text),
			 rep_arena_strdup(&e->arena, basis ? basis : ""), bars};
	if (!f.code || !f.text || !f.basis)
		return nomem(g);
	e->findings[e->n_findings++] = f;
	return REP_OK;
}

/* Warn when a figure is not verified; the confidence travels with the estimate. */
static rep_status check_figure(engine *g, const rep_figure *f, const char *what)
{
	if (!f->value || !f->confidence || strcmp(f->confidence, "verified") == 0)
		return REP_OK;
	/* built in the arena, without a fixed cap: a cut could split a UTF-8 character */
	const char *b = rep_arena_printf(&g->e->arena, "figure %s: %s %s is %s (%s); check it before relying on this estimate",
					 f->confidence, what, f->value, f->confidence, f->source ? f->source : "no source");
	return b ? warn(g, b) : nomem(g);
}

/* One warning per date basis, not per rule: the text names no rule, so
 * warn() keeps a single copy however many versioned rules use the basis. */
static rep_status warn_fallback(engine *g, rep_date_basis b)
{
	const rep_case *c = g->c;
	if (!g->record || !((b == REP_AT_DECISION && c->decision_date == REP_DATE_NONE) ||
			    (b == REP_AT_APPLICATION && c->application_date == REP_DATE_NONE)))
		return REP_OK;
	char *t = rep_arena_printf(&g->e->arena,
				   "the version of each rate is chosen by %s, which the case does not give: as_of %s "
				   "is used instead", basis_words(b), g->e->as_of);
	return t ? warn(g, t) : nomem(g);
}

/* A basis that marks its own article number or wording "unverified" (the
 * schemes write "art. 37 (article number unverified)") is as doubtful as an
 * unverified figure: warn once for each such clause (the parts of a basis
 * between top-level semicolons), so a clause many lines share warns once. */
static rep_status check_basis(engine *g, const char *basis)
{
	if (!basis || !strstr(basis, "unverified"))
		return REP_OK;
	const char *start = basis;
	int depth = 0;
	for (const char *p = basis;; p++) {
		if (*p == '(')
			depth++;
		else if (*p == ')' && depth > 0)
			depth--;
		if (*p && (*p != ';' || depth > 0))
			continue;
		while (*start == ' ')
			start++;
		size_t n = (size_t)(p - start);
		char clause[600];
		if (n >= sizeof clause)
			n = sizeof clause - 1;
		memcpy(clause, start, n);
		clause[n] = '\0';
		if (strstr(clause, "unverified")) {
			char b[768];
			snprintf(b, sizeof b, "legal basis not verified: %s; check it before relying on this estimate",
				 clause);
			rep_status st = warn(g, b);
			if (st)
				return st;
		}
		if (!*p)
			return REP_OK;
		start = p + 1;
	}
}

static rep_status check_bases(engine *g)
{
	const rep_estimate *e = g->e;
	rep_status st = REP_OK;
	for (size_t i = 0; i < e->n_findings && !st; i++)
		st = check_basis(g, e->findings[i].basis);
	for (size_t i = 0; e->eligible && i < e->n_lines && !st; i++)
		st = check_basis(g, e->lines[i].basis);
	return st;
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
	for (size_t i = 0; i < e->n_refs; i++)
		if (strcmp(e->refs[i].series, series) == 0 && strcmp(e->refs[i].from, f) == 0 &&
		    strcmp(e->refs[i].date, d) == 0)
			return REP_OK;
	if (GROW(e->refs, e->n_refs, e->cap_refs))
		return nomem(g);
	rep_refpoint r = {rep_arena_strdup(&e->arena, series), rep_arena_strdup(&e->arena, d),
			  rep_arena_strdup(&e->arena, f), rep_arena_strdup(&e->arena, pt->value),
			  rep_arena_strdup(&e->arena, pt->confidence ? pt->confidence : "unverified"),
			  rep_arena_strdup(&e->arena, pt->source ? pt->source : "")};
	if (!r.series || !r.date || !r.from || !r.value || !r.confidence || !r.source)
		return nomem(g);
	e->refs[e->n_refs++] = r;
	if (!derived && pt->confidence && strcmp(pt->confidence, "verified") != 0) {
		const char *b = rep_arena_printf(&e->arena, "reference value %s %s (in force from %s) is %s: %s", series,
						 pt->value, f, pt->confidence, pt->source ? pt->source : "no source");
		return b ? warn(g, b) : nomem(g);
	}
	return REP_OK;
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
				   s->series, fmt_date(g, s->until), fmt_date(g, asked), pt->value, fmt_date(g, pt->from),
				   fx ? "rate" : "value",
				   fx ? "--fx FROM/TO=RATE, --fx-file or --series-file" : "--series-file");
	return t ? warn(g, t) : nomem(g);
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
static rep_status record_fx(engine *g, const char *from, const char *to, const mpq_t rate, const rep_series_point *pt)
{
	if (!g->record)
		return REP_OK;
	mpq_t v;
	mpq_init(v);
	bool inverse = pt->value && *pt->value && rep_dec_parse(v, pt->value, NULL) == REP_OK && !mpq_equal(v, rate);
	mpq_clear(v);
	char pair[16];
	snprintf(pair, sizeof pair, "FX %s/%s", from, to);
	if (!inverse)
		return record_ref(g, pair, g->as_of, pt);
	rep_series_point q = *pt;
	q.source = rep_arena_printf(&g->e->arena, "stored as %s/%s (1 %s = %s %s), used inverted: %s", to, from, to,
				    pt->value, from, pt->source ? pt->source : "");
	return q.source ? record_ref(g, pair, g->as_of, &q) : nomem(g);
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
	const char *r = fmt_qty(g, shown);
	mpq_clear(shown);
	return rep_arena_printf(&g->e->arena, "1 %s = %s %s", inverse ? to : from, r ? r : "?", inverse ? from : to);
}

/* Units of the scheme's currency per unit of `from`, at as_of. */
static rep_status fx_rate(engine *g, const char *from, mpq_t rate, const char **text)
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
	const char *words = fx_words(g, from, g->currency, rate);
	if (!words)
		return nomem(g);
	if (!info.bridge[0]) {
		if ((st = warn_stale(g, &info.stale, &pt, g->as_of)) || (st = record_fx(g, from, g->currency, rate, &pt)))
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
			st = record_fx(g, from, info.bridge, leg, &p1);
		if (st == REP_OK &&
		    rep_fx_lookup_ex(g->ctx, info.bridge, g->currency, g->as_of, leg, &p2, lax, &i2, NULL) == REP_OK &&
		    (st = warn_stale(g, &i2.stale, &p2, g->as_of)) == REP_OK)
			st = record_fx(g, info.bridge, g->currency, leg, &p2);
		mpq_clear(leg);
		if (st)
			return st;
		char pair[16];
		snprintf(pair, sizeof pair, "FX %s/%s", from, g->currency);
		pt.value = fmt_qty(g, rate);
		pt.source = rep_arena_printf(&g->e->arena, "%scross rate via %s: FX %s/%s x FX %s/%s, as listed",
					     rep_dec_is_exact(rate, 6) ? "" : "rounded here to 6 places; ", info.bridge, from,
					     info.bridge, info.bridge, g->currency);
		if (!pt.value || !pt.source)
			return nomem(g);
		if ((st = record_ref_as(g, pair, g->as_of, &pt, true)))
			return st;
		pt.source = rep_arena_printf(&g->e->arena, "cross rate via %s", info.bridge);
	} else {
		pt.source = rep_arena_printf(&g->e->arena, "cross rate via %s", info.bridge);
	}
	*text = rep_arena_printf(&g->e->arena, "converted at %s (%s, in force from %s)", words,
				 pt.source ? pt.source : "", fmt_date(g, pt.from));
	return *text ? REP_OK : nomem(g);
}

static rep_date basis_date(const engine *g, rep_date_basis b)
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

static bool in_window(rep_date d, rep_date from, rep_date to)
{
	return (from == REP_DATE_NONE || d >= from) && (to == REP_DATE_NONE || d <= to);
}

static bool same_str(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

static const char *basis_words(rep_date_basis b)
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


/* ---- versions of a rule ---- */

static bool window_open(rep_date from, rep_date to)
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
static rep_status check_versions(engine *g)
{
	const rep_scheme_def *def = g->def;
	rep_status st;
	rep_date from[MAX_VERSIONS], to[MAX_VERSIONS];
	for (const rep_tariff *t = def->tariffs; t && t->label; t++) {
		if (window_open(t->valid_from, t->valid_to))
			continue;
		bool first = true;
		for (const rep_tariff *u = def->tariffs; u != t && first; u++)
			if (same_tariff_rule(u, t) && !window_open(u->valid_from, u->valid_to))
				first = false;
		if (!first || !enabled(g, t->when_option, t->when_value))
			continue;
		if ((t->condition == REP_COND_DEATH_SENTENCE && !(g->c->flags & REP_FLAG_DEATH_SENTENCE)) ||
		    (t->condition == REP_COND_NO_DEATH_SENTENCE && (g->c->flags & REP_FLAG_DEATH_SENTENCE)))
			continue;
		size_t n = 0;
		bool open = false;
		for (const rep_tariff *u = t; u->label; u++)
			if (same_tariff_rule(u, t)) {
				if (window_open(u->valid_from, u->valid_to))
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
		const char *wt = windows_text(g, from, to, n);
		if (!wt)
			return nomem(g);
		if (t->version_at == REP_AT_EACH_DAY) {
			if (uncovered == 0)
				continue;
			char *b = rep_arena_printf(&g->e->arena,
						   "%ld of the %ld days paid by \"%s\" fall outside every version of its "
						   "rate (in force %s) and are not paid: no rate is recorded for them",
						   uncovered, days, t->label, wt);
			if (!b)
				return nomem(g);
			if ((st = finding(g, "unpaid_days", b, t->basis, false)) || (st = warn(g, b)))
				return st;
			continue;
		}
		rep_date d = basis_date(g, t->version_at);
		bool covered = false;
		for (size_t i = 0; i < n; i++)
			covered = covered || in_window(d, from[i], to[i]);
		if (!covered)
			return rep_err(g->err, REP_ENODATA, NULL,
				       "scheme %s: tariff \"%s\" has no version in force on %s (%s, which picks the "
				       "version); its versions are in force %s, so %ld days would be paid nothing",
				       def->id, t->label, fmt_date(g, d), basis_words(t->version_at), wt, days);
		if ((st = warn_fallback(g, t->version_at)))
			return st;
	}
	for (const rep_fixed *f = def->fixed; f && f->label; f++) {
		if (window_open(f->valid_from, f->valid_to))
			continue;
		bool first = true;
		for (const rep_fixed *u = def->fixed; u != f && first; u++)
			if (same_fixed_rule(u, f) && !window_open(u->valid_from, u->valid_to))
				first = false;
		if (!first || !enabled(g, f->when_option, f->when_value))
			continue;
		if (f->trigger == REP_TRIGGER_TORTURE_PART && (g->c->torture_part < f->lo || g->c->torture_part > f->hi))
			continue;
		size_t n = 0;
		bool open = false;
		for (const rep_fixed *u = f; u->label; u++)
			if (same_fixed_rule(u, f)) {
				if (window_open(u->valid_from, u->valid_to))
					open = true;
				else if (n < MAX_VERSIONS)
					from[n] = u->valid_from, to[n] = u->valid_to, n++;
			}
		if (open)
			continue;
		rep_date_basis b = f->version_at == REP_AT_EACH_DAY ? REP_AT_AS_OF : f->version_at;
		rep_date d = basis_date(g, b);
		bool covered = false;
		for (size_t i = 0; i < n; i++)
			covered = covered || in_window(d, from[i], to[i]);
		if (!covered) {
			const char *wt = windows_text(g, from, to, n);
			return rep_err(g->err, REP_ENODATA, NULL,
				       "scheme %s: fixed amount \"%s\" has no version in force on %s (%s, which picks "
				       "the version); its versions are in force %s",
				       def->id, f->label, fmt_date(g, d), basis_words(b), wt ? wt : "?");
		}
		if ((st = warn_fallback(g, b)))
			return st;
	}
	return REP_OK;
}

static bool fixed_in_force(const engine *g, const rep_fixed *f)
{
	if (window_open(f->valid_from, f->valid_to))
		return true;
	rep_date_basis b = f->version_at == REP_AT_EACH_DAY ? REP_AT_AS_OF : f->version_at;
	return in_window(basis_date(g, b), f->valid_from, f->valid_to);
}

/* ---- lines ---- */

typedef struct line_in {
	const char *head, *group, *label, *basis, *formula, *quantity, *unit, *rate, *nominal, *adjustment, *note;
	rep_klass klass;
} line_in;

/* Add a line; `exact` is rounded here, once. */
static rep_status add_line(engine *g, const line_in *in, const mpq_t exact)
{
	rep_estimate *e = g->e;
	if (e->n_lines == e->cap_lines) {
		size_t nc = e->cap_lines ? e->cap_lines * 2 : 16;
		if (nc > 100000)
			return rep_err(g->err, REP_ELIMIT, NULL, "more than 100000 lines");
		rep_line *nl = rep_realloc(e->lines, nc * sizeof *nl);
		if (!nl)
			return nomem(g);
		e->lines = nl;
		mpq_t *na = rep_realloc(e->amounts, nc * sizeof *na);
		if (!na)
			return nomem(g);
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
	l->amount = fmt_money(g, *a);
	if (!l->head || !l->label || !l->basis || !l->formula || !l->amount)
		return nomem(g);
	return REP_OK;
}

static void sum_lines(const rep_estimate *e, mpq_t out, int klass)
{
	mpq_set_ui(out, 0, 1);
	for (size_t i = 0; i < e->n_lines; i++) {
		bool pec = strcmp(e->lines[i].klass, "pecuniary") == 0;
		if (klass < 0 || (klass == REP_PECUNIARY) == pec)
			mpq_add(out, out, e->amounts[i]);
	}
}

/* ---- options ---- */

static const char *option_value(const engine *g, const char *name)
{
	const char *v = rep_options_get(g->opts, g->def->id, name);
	if (v)
		return v;
	for (const rep_option_def *d = g->def->options; d && d->name; d++)
		if (strcmp(d->name, name) == 0)
			return d->def;
	return NULL;
}

/* Whether the list "a|b|c" names v. */
static bool in_list(const char *list, const char *v)
{
	size_t n = strlen(v);
	for (const char *p = list; p && *p;) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		if (len == n && strncmp(p, v, n) == 0)
			return true;
		p = bar ? bar + 1 : NULL;
	}
	return false;
}

/* An entry gated on a choice option applies only when the option has one of
 * its values; a side pass over the range option's alternatives sets that
 * option's value for the pass. */
static bool enabled(const engine *g, const char *opt, const char *values)
{
	if (!opt || g->ungated)
		return true;
	const char *v = g->alt_value && g->def->range_option && strcmp(opt, g->def->range_option) == 0
				? g->alt_value
				: option_value(g, opt);
	return v && in_list(values, v);
}

/* An alternative of the range option that pays something is part of the range. */
static void note_alternative(engine *g, const char *opt, const mpq_t amount)
{
	if (opt && g->def->range_option && strcmp(opt, g->def->range_option) == 0 && mpq_sgn(amount) != 0)
		g->alt_hit = true;
}

static rep_status resolve_options(engine *g)
{
	rep_estimate *e = g->e;
	rep_status st = rep_options_check(g->opts, g->ctx, g->err);
	if (st)
		return st;
	for (const rep_option_def *d = g->def->options; d && d->name; d++) {
		const char *user = rep_options_get(g->opts, g->def->id, d->name);
		if (GROW(e->opts, e->n_opts, e->cap_opts))
			return nomem(g);
		rep_option_value v = {rep_arena_strdup(&e->arena, d->name),
				      rep_arena_strdup(&e->arena, user ? user : d->def ? d->def : ""), user != NULL};
		if (!v.name || !v.value)
			return nomem(g);
		e->opts[e->n_opts++] = v;
	}
	return REP_OK;
}

/* ---- eligibility ---- */

static bool rule_matches(const rep_rule *r, const rep_case *c)
{
	return (r->outcomes & REP_BIT(c->outcome)) || (r->flags & c->flags);
}

static bool outcome_barred(const rep_scheme_def *def, const rep_case *c)
{
	for (const rep_rule *r = def->bars; r && r->text; r++)
		if (r->outcomes & REP_BIT(c->outcome))
			return true;
	return false;
}

/* Whether the case meets one need of a rule: 1 yes, 0 no, -1 not stated. */
static int need_met(const rep_case *c, unsigned need)
{
	switch (need) {
	case REP_NEED_CONVICTION:
		if (c->outcome == REP_OUT_CONVICTION_QUASHED || c->convicted == REP_FACT_YES || c->retrial == REP_FACT_YES)
			return 1;
		return c->convicted == REP_FACT_NO ? 0 : -1;
	case REP_NEED_RETRIAL:
		if (c->outcome != REP_OUT_ACQUITTED)
			return 1;
		if (c->retrial == REP_FACT_YES)
			return 1;
		return c->retrial == REP_FACT_NO || c->convicted == REP_FACT_NO ? 0 : -1;
	case REP_NEED_PARDON_INNOCENCE:
		if (c->outcome != REP_OUT_PARDON)
			return 1;
		return c->pardon_ground == REP_PARDON_INNOCENCE ? 1 : c->pardon_ground == REP_PARDON_CLEMENCY ? 0 : -1;
	case REP_NEED_CERTIFICATE:
		return c->certificate == REP_FACT_YES ? 1 : c->certificate == REP_FACT_NO ? 0 : -1;
	default:
		return 1;
	}
}

static const char *need_missing(unsigned need)
{
	switch (need) {
	case REP_NEED_CONVICTION:
		return "proceedings.conviction (whether a conviction came first: an object with its date, article and "
		       "sentence, or false)";
	case REP_NEED_RETRIAL:
		return "proceedings.acquitted_on_retrial (true when the acquittal came on a retrial after a conviction)";
	case REP_NEED_PARDON_INNOCENCE:
		return "proceedings.pardon_ground (innocence or clemency)";
	default:
		return "proceedings.certificate_of_innocence (true when a court certified the person's innocence)";
	}
}

static const char *need_failed(unsigned need)
{
	switch (need) {
	case REP_NEED_CONVICTION:
		return "there was no conviction (proceedings.conviction is false), and this route pays only after one";
	case REP_NEED_RETRIAL:
		return "the acquittal did not come on a retrial after a conviction: an acquittal at a first trial does not "
		       "qualify";
	case REP_NEED_PARDON_INNOCENCE:
		return "the pardon was granted on the ground of clemency, and only a pardon for innocence qualifies";
	default:
		return "no certificate of innocence was issued (proceedings.certificate_of_innocence is false)";
	}
}

/* 1: every need and assumption met or assumed; 0: one fails; -1: a need is not stated. */
static int rule_facts(const rep_rule *r, const rep_case *c)
{
	int worst = 1;
	for (unsigned bit = 1; bit && bit <= REP_NEED_CERTIFICATE; bit <<= 1) {
		int m = need_met(c, bit);
		if ((r->needs & bit) && m < worst)
			worst = m;
		if ((r->assumes & bit) && m == 0)
			worst = 0;
	}
	return worst;
}

/* The findings of a qualifying rule's facts: what bars, what is missing,
 * what is assumed. false when the rule does not hold. */
static rep_status rule_fact_findings(engine *g, const rep_rule *r, bool *holds)
{
	const rep_case *c = g->c;
	rep_status st;
	*holds = true;
	for (unsigned bit = 1; bit && bit <= REP_NEED_CERTIFICATE; bit <<= 1) {
		if (!((r->needs | r->assumes) & bit))
			continue;
		int m = need_met(c, bit);
		const char *t = NULL, *code = NULL;
		bool bars = true;
		if (m == 0) {
			code = "barred_fact";
			t = rep_arena_printf(&g->e->arena, "%s: %s", r->text, need_failed(bit));
		} else if (m < 0 && (r->needs & bit)) {
			code = "missing_fact";
			t = rep_arena_printf(&g->e->arena, "the case does not say what this route needs (%s): give %s",
					     r->text, need_missing(bit));
		} else if (m < 0) {
			code = "assumed_fact";
			bars = false;
			t = rep_arena_printf(&g->e->arena, "assumed, not stated: %s; give %s", r->text, need_missing(bit));
			if (t && (st = warn(g, t)))
				return st;
		}
		if (!code)
			continue;
		if (!t)
			return nomem(g);
		if ((st = finding(g, code, t, r->basis, bars)))
			return st;
		if (bars)
			*holds = false;
	}
	return REP_OK;
}

static rep_status eligibility(engine *g)
{
	const rep_scheme_def *def = g->def;
	const rep_case *c = g->c;
	rep_status st;
	bool ok = true;
	const char *b;
	if (def->proc_kinds && !(def->proc_kinds & REP_BIT(c->proc_kind))) {
		b = rep_arena_printf(&g->e->arena, "%s proceedings are outside this scheme, which covers %s",
				     rep_proc_kind_name(c->proc_kind),
				     def->proc_kinds_text ? def->proc_kinds_text : "other proceedings");
		if (!b)
			return nomem(g);
		if ((st = finding(g, "barred_proceedings", b, def->qualifying ? def->qualifying[0].basis : NULL, true)))
			return st;
		ok = false;
	}
	/* the first rule the outcome meets with every fact it needs; else the
	 * first the outcome meets, to say which fact fails or is missing */
	const rep_rule *q = NULL, *first = NULL;
	for (const rep_rule *r = def->qualifying; r && r->text; r++)
		if (rule_matches(r, c)) {
			if (!first)
				first = r;
			if (rule_facts(r, c) == 1) {
				q = r;
				break;
			}
		}
	if (!q)
		q = first;
	if (q) {
		bool holds;
		if ((st = rule_fact_findings(g, q, &holds)))
			return st;
		if (holds && (st = finding(g, "qualifies", q->text, q->basis, false)))
			return st;
		ok = ok && holds;
	} else if (def->qualifying && def->qualifying[0].text && outcome_barred(def, c)) {
		ok = false;
	} else if (def->qualifying && def->qualifying[0].text) {
		/* a bar naming this outcome says why more precisely than the generic rule */
		b = rep_arena_printf(&g->e->arena, "outcome \"%s\" does not qualify: %s", rep_outcome_name(c->outcome),
				     def->qualifying[0].text);
		if (!b)
			return nomem(g);
		if ((st = finding(g, "barred_outcome", b, def->qualifying[0].basis, true)))
			return st;
		ok = false;
	}
	for (const rep_rule *r = def->bars; r && r->text; r++)
		if (rule_matches(r, c)) {
			if ((st = finding(g, (r->flags & c->flags) ? "barred_flag" : "barred_outcome", r->text, r->basis, true)))
				return st;
			ok = false;
		}
	rep_date filed = c->application_date != REP_DATE_NONE ? c->application_date : g->as_of;
	if (!in_window(filed, def->effective_from, def->effective_to)) {
		char f[REP_DATE_TEXT_SIZE], from[REP_DATE_TEXT_SIZE] = "", to[REP_DATE_TEXT_SIZE] = "";
		rep_date_format(filed, f);
		if (def->effective_from != REP_DATE_NONE)
			rep_date_format(def->effective_from, from);
		if (def->effective_to != REP_DATE_NONE)
			rep_date_format(def->effective_to, to);
		b = rep_arena_printf(&g->e->arena,
				     "the scheme is in force %s%s%s%s; the claim is dated %s (application date, or as_of)",
				     from[0] ? "from " : "", from, to[0] ? " until " : "", to, f);
		if (!b)
			return nomem(g);
		if ((st = finding(g, "not_in_force", b, NULL, true)))
			return st;
		ok = false;
	}
	if (def->requires_detention && g->n_periods == 0) {
		if ((st = finding(g, "no_detention", "no deprivation of liberty is recorded, and this scheme pays only for it",
				  NULL, true)))
			return st;
		ok = false;
	}
	if (def->requires_torture && c->torture_part == 0) {
		if ((st = finding(g, "no_torture", "no torture finding (torture.cc146_part) is recorded, and this scheme pays only for it",
				  NULL, true)))
			return st;
		ok = false;
	}
	if (g->credited_days > 0 && (st = finding(g, "credited_elsewhere", g->credited_note, NULL, false)))
		return st;
	g->e->eligible = ok;
	return REP_OK;
}

/* ---- periods ---- */

/* Severity when kinds overlap: the day counts once, as the harshest kind. */
static const int severity[REP_PERIOD_MAX_KIND + 1] = {
	[REP_DET_PRISON] = 10,          [REP_DET_PSYCHIATRIC] = 9,        [REP_DET_PRETRIAL_CUSTODY] = 8,
	[REP_DET_POLICE_CUSTODY] = 7,   [REP_DET_ADMINISTRATIVE_ARREST] = 6, [REP_DET_FORCED_LABOUR] = 5,
	[REP_DET_SPECIAL_SETTLEMENT] = 4, [REP_DET_EXILE] = 3,            [REP_DET_HOUSE_ARREST] = 2,
	[REP_DET_PAROLE] = 1,
};

/* Days credited to another lawful sentence leave the merged periods: no
 * tariff pays them, and g->credited_note says so on every line. */
static rep_status exclude_credited(engine *g)
{
	const rep_case *c = g->c;
	size_t ncred = 0, first = 0;
	for (size_t i = 0; i < c->n_det; i++)
		if (c->det[i].credited && ncred++ == 0)
			first = i;
	if (ncred == 0)
		return REP_OK;
	rep_period *out = rep_malloc((g->n_periods + ncred + 1) * sizeof *out);
	if (!out)
		return nomem(g);
	size_t n = 0;
	long excluded = 0;
	for (size_t k = 0; k < g->n_periods; k++) {
		const rep_period p = g->periods[k];
		rep_date cur = p.start;
		while (cur <= p.end) {
			rep_date next = p.end + 1;
			bool skipped = false;
			for (size_t i = 0; i < c->n_det && !skipped; i++) {
				const rep_detention *d = &c->det[i];
				if (!d->credited)
					continue;
				rep_date de = d->end != REP_DATE_NONE ? d->end : g->as_of;
				if (d->start <= cur && de >= cur) {
					rep_date stop = de < p.end ? de : p.end;
					excluded += (long)(stop - cur) + 1;
					cur = stop + 1;
					skipped = true;
				} else if (d->start > cur && d->start < next) {
					next = d->start;
				}
			}
			if (skipped)
				continue;
			out[n++] = (rep_period){p.kind, cur, next - 1};
			cur = next;
		}
	}
	rep_free(g->periods);
	g->periods = out;
	g->n_periods = n;
	g->credited_days = excluded;
	const rep_detention *d = &c->det[first];
	g->credited_note = rep_arena_printf(&g->e->arena,
					    "%ld day%s credited to another lawful sentence excluded from every tariff "
					    "(detentions[%zu]%s%s%s): time that served a sentence still standing is not "
					    "compensated", excluded, excluded == 1 ? "" : "s", first,
					    ncred > 1 ? " and others" : "", d->note ? ": " : "", d->note ? d->note : "");
	return g->credited_note ? REP_OK : nomem(g);
}

static rep_status merge_periods(engine *g)
{
	const rep_case *c = g->c;
	if (c->n_det == 0)
		return REP_OK;
	rep_period *in = rep_malloc(c->n_det * sizeof *in);
	g->periods = rep_malloc(2 * c->n_det * sizeof *g->periods);
	if (!in || !g->periods) {
		rep_free(in);
		return nomem(g);
	}
	size_t n_in = 0;
	for (size_t i = 0; i < c->n_det; i++)
		if (!c->det[i].credited)
			in[n_in++] = (rep_period){(int)c->det[i].kind, c->det[i].start,
						  c->det[i].end != REP_DATE_NONE ? c->det[i].end : g->as_of};
	rep_status st = n_in ? rep_periods_merge(g->periods, &g->n_periods, in, n_in, severity, g->err) : REP_OK;
	rep_free(in);
	if (st)
		return rep_err_at(g->err, "detentions");
	if ((st = exclude_credited(g)))
		return st;
	long days = 0;
	for (size_t i = 0; i < g->n_periods; i++)
		if (g->periods[i].kind != REP_DET_PAROLE)
			days += rep_days_between(g->periods[i].start, g->periods[i].end, REP_DC_INCLUSIVE);
	g->e->days = days;
	return REP_OK;
}

/* ---- tariffs ---- */

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

/* Quantity contributed by the days [s, e] of a period that ends on pend. */
static void period_quantity(const rep_tariff *t, rep_date s, rep_date e, rep_date pend, mpq_t q)
{
	mpq_t x;
	mpq_init(x);
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
			mpq_set_si(x, months, 12);
			mpq_canonicalize(x);
			mpq_t r;
			mpq_init(r);
			mpq_set_si(r, rest, 365);
			mpq_canonicalize(r);
			mpq_add(x, x, r);
			mpq_clear(r);
		} else {
			mpq_set_si(x, months + (t->measure == REP_MEASURE_MONTHS_COMMENCED && rest > 0), 1);
		}
		break;
	}
	}
	mpq_add(q, q, x);
	mpq_clear(x);
}

/* Rate of a tariff in this pass, in the scheme's currency (index applied). */
static rep_status tariff_rate(engine *g, const rep_tariff *t, mpq_t rate, const char **rate_text, const char **fx_text)
{
	const char *r = t->rate.value;
	if (t->rate_option) {
		const char *v = option_value(g, t->rate_option);
		if (v)
			r = v;
	}
	if (g->pass == PASS_LOW && t->rate_low)
		r = t->rate_low;
	if (g->pass == PASS_HIGH && t->rate_high)
		r = t->rate_high;
	if (t->range_only && g->pass != PASS_HIGH)
		r = "0";
	if (!r)
		return rep_err(g->err, REP_EINVAL, NULL, "scheme %s: tariff \"%s\" has no rate", g->def->id, t->label);
	rep_status st = rep_dec_parse(rate, r, g->err);
	if (st)
		return rep_err_at(g->err, t->label);
	*rate_text = r;
	*fx_text = NULL;
	if (t->index) {
		mpq_t iv;
		mpq_init(iv);
		rep_date d = basis_date(g, t->index_at);
		st = rep_engine_series(g, t->index, d, iv);
		if (st == REP_OK) {
			char ivs[64];
			rep_dec_format_buf(ivs, sizeof ivs, iv, 2, REP_ROUND_HALF_EVEN);
			*rate_text = rep_arena_printf(&g->e->arena, "%s %s x %s (%s on %s)", r, t->index, ivs, t->index,
						      fmt_date(g, d));
			mpq_mul(rate, rate, iv);
		}
		mpq_clear(iv);
		if (st)
			return st;
	}
	if (t->rate_currency && strcmp(t->rate_currency, g->currency) != 0) {
		mpq_t fx;
		mpq_init(fx);
		st = fx_rate(g, t->rate_currency, fx, fx_text);
		if (st == REP_OK) {
			mpq_mul(rate, rate, fx);
			*rate_text = r; /* the formula names the rate's currency */
		}
		mpq_clear(fx);
	}
	return st;
}

static rep_status apply_tariff(engine *g, const rep_tariff *t)
{
	const rep_case *c = g->c;
	if (t->condition == REP_COND_DEATH_SENTENCE && !(c->flags & REP_FLAG_DEATH_SENTENCE))
		return REP_OK;
	if (t->condition == REP_COND_NO_DEATH_SENTENCE && (c->flags & REP_FLAG_DEATH_SENTENCE))
		return REP_OK;
	/* a zeroed window (0, 0) is open, as check_versions reads it */
	rep_date vfrom = t->valid_from, vto = t->valid_to;
	if (window_open(vfrom, vto))
		vfrom = vto = REP_DATE_NONE;
	if (t->version_at != REP_AT_EACH_DAY && !in_window(basis_date(g, t->version_at), vfrom, vto))
		return REP_OK;
	if (!enabled(g, t->when_option, t->when_value))
		return REP_OK;
	mpq_t q;
	mpq_init(q);
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
		mpq_t before;
		mpq_init(before);
		mpq_set(before, q);
		/* the day of release is the last day of a spell of custody, not the
		 * last day of a kind: police cell then remand is one spell */
		bool continues = i + 1 < g->n_periods && g->periods[i + 1].start == p->end + 1 &&
				 g->periods[i + 1].kind != REP_DET_PAROLE && p->kind != REP_DET_PAROLE;
		period_quantity(t, s, e, continues ? REP_DATE_NONE : p->end, q);
		bool counted = !mpq_equal(before, q);
		mpq_clear(before);
		if (!counted)
			continue;
		used++;
		if (used <= 4) {
			char a[REP_DATE_TEXT_SIZE], b[REP_DATE_TEXT_SIZE];
			rep_date_format(s, a);
			rep_date_format(e, b);
			ptlen += (size_t)snprintf(periods_text + ptlen, sizeof periods_text - ptlen, "%s%s..%s %s",
						  ptlen ? "; " : "", a, b, rep_detention_kind_name((rep_detention_kind)p->kind));
		}
	}
	if (used > 4)
		snprintf(periods_text + ptlen, sizeof periods_text - ptlen, "; and %zu more periods", used - 4);
	rep_status st = REP_OK;
	if (mpq_sgn(q) == 0)
		goto out;
	mpq_t rate, amount;
	mpq_inits(rate, amount, NULL);
	const char *rate_text = NULL, *fx_text = NULL;
	if ((st = tariff_rate(g, t, rate, &rate_text, &fx_text)))
		goto out2;
	if ((st = check_figure(g, &t->rate, t->label)))
		goto out2;
	mpq_mul(amount, q, rate);
	const char *qty = fmt_qty(g, q);
	const char *cur = t->rate_currency ? t->rate_currency : g->currency;
	const char *note = periods_text;
	if (g->credited_days > 0 && !(note = rep_arena_printf(&g->e->arena, "%s; %s", periods_text, g->credited_note))) {
		st = nomem(g);
		goto out2;
	}
	if (t->cap.value) {
		mpq_t cap;
		mpq_init(cap);
		if ((st = rep_dec_parse(cap, t->cap.value, g->err)) == REP_OK && t->index) {
			mpq_t iv;
			mpq_init(iv);
			st = rep_engine_series(g, t->index, basis_date(g, t->index_at), iv);
			mpq_mul(cap, cap, iv);
			mpq_clear(iv);
		}
		if (st == REP_OK && mpq_cmp(amount, cap) > 0) {
			mpq_set(amount, cap);
			note = rep_arena_printf(&g->e->arena, "%s; capped at %s%s%s (%s)", note, t->cap.value,
						t->index ? " " : " ", t->index ? t->index : g->currency,
						t->cap_basis ? t->cap_basis : t->basis);
			st = check_figure(g, &t->cap, "cap");
		}
		mpq_clear(cap);
		if (st)
			goto out2;
	}
	note_alternative(g, t->when_option, amount);
	if (t->range_only)
		goto out2; /* a benchmark: compute() weighs it for the range */
	if (t->rate_low || t->rate_high)
		g->has_range = true;
	const char *formula = rep_arena_printf(&g->e->arena, "%s: %s %s x %s %s%s%s", t->formula ? t->formula : t->label,
					       rate_text, cur, qty ? qty : "?", measure_words(t),
					       fx_text ? "; " : "", fx_text ? fx_text : "");
	line_in in = {.head = t->head ? t->head : "liberty", .group = t->group, .label = t->label, .basis = t->basis,
		      .formula = formula, .quantity = qty, .unit = t->unit, .rate = rate_text, .note = note,
		      .klass = t->klass};
	st = add_line(g, &in, amount);
out2:
	mpq_clears(rate, amount, NULL);
out:
	mpq_clear(q);
	return st;
}

/* Range-only benchmarks: the amount a tariff would give at its high rate. */
static rep_status benchmark_amount(engine *g, const rep_tariff *t, mpq_t out)
{
	pass_kind saved = g->pass;
	bool rec = g->record;
	size_t n = g->e->n_lines;
	rep_tariff copy = *t;
	copy.range_only = false;
	g->pass = PASS_HIGH;
	g->record = false;
	rep_status st = apply_tariff(g, &copy);
	g->pass = saved;
	g->record = rec;
	mpq_set_ui(out, 0, 1);
	if (st == REP_OK && g->e->n_lines > n) {
		mpq_set(out, g->e->amounts[n]);
		mpq_clear(g->e->amounts[n]);
		g->e->n_lines = n;
	}
	return st;
}

/* ---- harms ---- */

static const rep_head *head_for(const rep_scheme_def *def, rep_harm_category cat)
{
	for (const rep_head *h = def->heads; h && h->label; h++)
		if (h->category == cat)
			return h;
	return NULL;
}

/* Calendar months between start and end, a partial month pro-rated by its
 * days: 2022-01-05..2022-03-10 = 27/31 + 1 + 10/31. */
static void prorated_months(rep_date start, rep_date end, mpq_t out)
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
		mpq_set_ui(out, (unsigned long)(d2 - d1 + 1), (unsigned long)dim1);
		mpq_canonicalize(out);
		return;
	}
	mpq_t x;
	mpq_init(x);
	mpq_set_ui(out, (unsigned long)(dim1 - d1 + 1), (unsigned long)dim1);
	mpq_canonicalize(out);
	mpq_set_ui(x, (unsigned long)d2, (unsigned long)dim2);
	mpq_canonicalize(x);
	mpq_add(out, out, x);
	long whole = ((long)y2 * 12 + m2) - ((long)y1 * 12 + m1) - 1;
	mpq_set_ui(x, (unsigned long)whole, 1);
	mpq_add(out, out, x);
	mpq_clear(x);
}

static const char *category_label(rep_harm_category cat)
{
	static const char *const labels[REP_HARM_COUNT] = {
		"Lost earnings",      "Lost earning capacity (future)", "Business losses", "Property",
		"Fines and procedural costs paid", "Legal assistance fees", "Medical costs", "Psychological care",
		"Other expenses",     "Moral harm"};
	return (unsigned)cat < REP_HARM_COUNT ? labels[cat] : "Harm";
}

/* Record the reference points a time-value calculation used. */
static rep_status record_tvm_points(engine *g, const rep_tvm_result *res)
{
	rep_status st = REP_OK;
	for (size_t i = 0; i < res->n_points && st == REP_OK; i++) {
		const rep_tvm_point *p = &res->points[i];
		rep_series_point pt = {p->from, p->value, p->confidence, p->source};
		st = record_ref(g, p->series, p->date, &pt);
	}
	return st;
}

/* Value of a decimal option as a rational. */
static rep_status option_number(engine *g, const char *name, mpq_t out)
{
	const char *v = option_value(g, name);
	rep_status st = rep_dec_parse(out, v ? v : "0", g->err);
	return st ? rep_err_at(g->err, name) : REP_OK;
}

/* The indexation method "interest": amount plus simple interest (act/365) at
 * the scheme's interest_rate_option from `from` to as_of. */
static rep_status interest_to_as_of(engine *g, const mpq_t amount, rep_date from, mpq_t out, const char **text)
{
	mpq_t rate;
	mpq_init(rate);
	rep_tvm_result res;
	rep_tvm_result_init(&res);
	rep_status st = option_number(g, g->def->interest_rate_option, rate);
	if (st == REP_OK) {
		mpq_t hundred; /* percent to a fraction */
		mpq_init(hundred);
		mpq_set_ui(hundred, 100, 1);
		mpq_div(rate, rate, hundred);
		mpq_clear(hundred);
		rep_interest_opts o = {.rate = rate, .basis = REP_BASIS_ACT365};
		st = rep_tvm_interest(&res, g->ctx, amount, from, g->as_of, &o, g->err);
	}
	if (st == REP_OK)
		st = record_tvm_points(g, &res);
	if (st == REP_OK) {
		mpq_add(out, amount, res.value);
		char iv[64];
		rep_dec_format_buf(iv, sizeof iv, res.value, g->e->places, g->e->rounding);
		*text = rep_arena_printf(&g->e->arena, "simple interest at %s %% a year (option %s), act/365, from %s to %s: +%s",
					 option_value(g, g->def->interest_rate_option), g->def->interest_rate_option,
					 fmt_date(g, from), fmt_date(g, g->as_of), iv);
		if (!*text)
			st = nomem(g);
	}
	rep_tvm_result_clear(&res);
	mpq_clear(rate);
	return st;
}

static void prorated_months(rep_date start, rep_date end, mpq_t out);

/* A stream of monthly losses (lost earnings) brought to as_of instalment by
 * instalment: each calendar month's share (a partial month pro-rated by its
 * days) is indexed, or bears interest, from its own last day, so a longer
 * stream never re-indexes the months it already had. The text lists the
 * factors, consecutive months with the same factor as one run. */
static rep_status index_stream(engine *g, const rep_case_harm *h, rep_date end, const char *method, mpq_t out,
			       const char **text)
{
	rep_status st = REP_OK;
	bool interest = strcmp(method, "interest") == 0 && g->def->interest_rate_option;
	mpq_t seg, adj, factor, run_factor;
	mpq_inits(seg, adj, factor, run_factor, NULL);
	mpq_set_ui(out, 0, 1);
	rep_buf b = {0};
	rep_buf_printf(&b, "%s, month by month: each month's loss from its last day to %s:",
		       interest ? "interest" : method, fmt_date(g, g->as_of));
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
		mpq_mul(seg, seg, h->monthly);
		const char *trace = NULL;
		if (interest) {
			st = interest_to_as_of(g, seg, seg_end, adj, &trace);
		} else {
			rep_tvm_index_trace tr = {0};
			st = rep_tvm_index(adj, &tr, g->ctx, method, seg, seg_end, g->as_of, rep_engine_series, g,
					   &g->e->arena, g->err);
			trace = tr.text;
		}
		if (st)
			break;
		mpq_add(out, out, adj);
		if (months++ == 0)
			first_trace = trace;
		if (mpq_sgn(seg) != 0)
			mpq_div(factor, adj, seg);
		else
			mpq_set_ui(factor, 1, 1);
		/* interest grows by the day: runs group equal factors only */
		if (run_from != REP_DATE_NONE && mpq_equal(factor, run_factor)) {
			run_to = seg_end;
		} else {
			if (run_from != REP_DATE_NONE) {
				char fs[64];
				rep_dec_format_buf(fs, sizeof fs, run_factor, 6, REP_ROUND_HALF_EVEN);
				rep_buf_printf(&b, "%s %s..%s x%s", runs ? ";" : "", fmt_date(g, run_from),
					       fmt_date(g, run_to), fs);
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
			       runs ? ";" : "", fmt_date(g, run_from), fmt_date(g, run_to), fs, months,
			       first_trace ? first_trace : "");
	}
	if (st == REP_OK) {
		*text = b.failed || !b.data ? NULL : rep_arena_strdup(&g->e->arena, b.data);
		if (!*text)
			st = nomem(g);
	}
	rep_free(b.data);
	mpq_clears(seg, adj, factor, run_factor, NULL);
	return st;
}

/* A limit on the loss of earnings of any one year (UK s.133A(6): 1.5 x the
 * median annual gross earnings at the time of assessment): the loss is split
 * by calendar year, each year's share (after indexation and conversion) is
 * limited to per_year_cap x the series value at as_of. */
static rep_status per_year_cap(engine *g, const rep_head *rule, const rep_case_harm *h, mpq_t amount, line_in *in)
{
	rep_date end = h->end != REP_DATE_NONE ? h->end : g->as_of;
	mpq_t cap, base, nominal, scale, piece, months, sum;
	mpq_inits(cap, base, nominal, scale, piece, months, sum, NULL);
	rep_status st = rep_dec_parse(cap, rule->per_year_cap.value, g->err);
	const char *capt = rule->per_year_cap.value;
	if (st == REP_OK && rule->per_year_cap_index) {
		if ((st = rep_engine_series(g, rule->per_year_cap_index, g->as_of, base)) == REP_OK) {
			mpq_mul(cap, cap, base);
			char b[64], c[64];
			rep_dec_format_buf(b, sizeof b, base, 2, REP_ROUND_HALF_EVEN);
			rep_dec_format_buf(c, sizeof c, cap, g->e->places, g->e->rounding);
			capt = rep_arena_printf(&g->e->arena, "%s x %s %s on %s = %s %s", rule->per_year_cap.value,
						rule->per_year_cap_index, b, fmt_date(g, g->as_of), c, g->currency);
		}
	}
	/* indexation and conversion apply alike to every month: one factor */
	prorated_months(h->start, end, months);
	mpq_mul(nominal, months, h->monthly);
	if (st == REP_OK && mpq_sgn(nominal) != 0) {
		mpq_div(scale, amount, nominal);
		char capped[400] = "";
		size_t len = 0;
		int y0, y1;
		rep_date_to_ymd(h->start, &y0, NULL, NULL);
		rep_date_to_ymd(end, &y1, NULL, NULL);
		for (int y = y0; y <= y1; y++) {
			rep_date a, b;
			rep_date_from_ymd(&a, y, 1, 1);
			rep_date_from_ymd(&b, y, 12, 31);
			prorated_months(a > h->start ? a : h->start, b < end ? b : end, months);
			mpq_mul(piece, months, h->monthly);
			mpq_mul(piece, piece, scale);
			if (mpq_cmp(piece, cap) > 0) {
				char was[64];
				rep_dec_format_buf(was, sizeof was, piece, g->e->places, g->e->rounding);
				if (len < sizeof capped)
					len += (size_t)snprintf(capped + len, sizeof capped - len, "%s%d: %s", len ? "; " : "", y, was);
				mpq_set(piece, cap);
			}
			mpq_add(sum, sum, piece);
		}
		if (len) {
			in->adjustment = rep_arena_printf(&g->e->arena, "%s%slimited to %s for any one year (%s reduced)",
							  in->adjustment ? in->adjustment : "", in->adjustment ? "; " : "",
							  capt, capped);
			in->nominal = in->nominal ? in->nominal : fmt_money(g, amount);
			mpq_set(amount, sum);
		} else {
			in->note = rep_arena_printf(&g->e->arena, "%s%swithin the limit of %s for any one year",
						    in->note ? in->note : "", in->note ? "; " : "", capt);
		}
		if (!capt || (len && !in->adjustment) || (!len && !in->note))
			st = nomem(g);
	}
	mpq_clears(cap, base, nominal, scale, piece, months, sum, NULL);
	return st;
}

static rep_status harm_line(engine *g, size_t idx, const rep_case_harm *h)
{
	const rep_head *rule = head_for(g->def, h->category);
	const char *cat = rep_harm_category_name(h->category);
	char path[32];
	snprintf(path, sizeof path, "harms[%zu]", idx);
	mpq_t amount;
	mpq_init(amount);
	rep_status st = REP_OK;
	line_in in = {.head = cat, .label = category_label(h->category), .klass = REP_PECUNIARY};
	if (h->description)
		in.label = rep_arena_printf(&g->e->arena, "%s: %s", category_label(h->category), h->description);
	if (!rule || rule->treatment == REP_TREAT_EXCLUDED) {
		in.basis = rule && rule->basis ? rule->basis : "";
		in.group = rule ? rule->group : NULL;
		in.klass = rule ? rule->klass : (h->category == REP_HARM_MORAL_HARM ? REP_NON_PECUNIARY : REP_PECUNIARY);
		in.formula = "not compensated under this scheme";
		in.note = rule && rule->note ? rule->note : "this scheme has no head for this harm";
		in.nominal = h->amount_text ? h->amount_text : h->monthly_text ? h->monthly_text : h->annual_text;
		st = add_line(g, &in, amount);
		goto out;
	}
	in.basis = rule->basis;
	in.group = rule->group;
	in.klass = rule->klass;
	in.note = rule->note;
	if (rule->label && !h->description)
		in.label = rule->label;
	else if (rule->label)
		in.label = rep_arena_printf(&g->e->arena, "%s: %s", rule->label, h->description);
	const char *cur = g->c->currency;
	rep_date from_date = h->date;
	rep_date stream_end = REP_DATE_NONE; /* lost earnings: a stream of monthly losses */
	if (h->category == REP_HARM_LOST_EARNINGS) {
		rep_date end = h->end != REP_DATE_NONE ? h->end : g->as_of;
		mpq_t months;
		mpq_init(months);
		prorated_months(h->start, end, months);
		mpq_mul(amount, months, h->monthly);
		in.quantity = fmt_qty(g, months);
		in.unit = "month";
		in.rate = h->monthly_text;
		in.formula = rep_arena_printf(&g->e->arena,
					      "monthly earnings %s %s x %s months from %s to %s (a partial calendar month "
					      "pro-rated by its days)",
					      h->monthly_text, cur, in.quantity ? in.quantity : "?", fmt_date(g, h->start),
					      fmt_date(g, end));
		mpq_clear(months);
		stream_end = end; /* indexed month by month, each from its own date */
	} else if (h->category == REP_HARM_LOST_EARNING_CAPACITY) {
		if (rule->future_pv) {
			rep_tvm_pv_trace tr;
			if ((st = rep_tvm_pv_from_harm(amount, &tr, h, g->e->places, g->e->rounding, &g->e->arena, g->err)))
				goto out;
			in.formula = tr.formula;
			in.nominal = tr.nominal;
			in.adjustment = tr.method;
		} else {
			mpq_mul(amount, h->annual, h->years);
			in.formula = rep_arena_printf(&g->e->arena, "annual %s %s x %s years, not discounted",
						      h->annual_text, cur, h->years_text);
		}
	} else if (rule->treatment == REP_TREAT_COURT && !(h->present & REP_HF_AMOUNT)) {
		in.formula = "for the court to assess";
	} else {
		mpq_set(amount, h->amount);
		in.formula = rep_arena_printf(&g->e->arena, "%s %s %s", rule->treatment == REP_TREAT_COURT
										   ? "as assessed or claimed:"
										   : "as proven:",
					      h->amount_text, cur);
	}
	if (!in.formula)
		goto oom;
	/* bring a past amount to as_of when the scheme's option says so */
	if (rule->indexable && g->def->indexation_option && mpq_sgn(amount) != 0) {
		const char *method = option_value(g, g->def->indexation_option);
		if (method && strcmp(method, "nominal") != 0 && stream_end != REP_DATE_NONE) {
			const char *text = NULL;
			mpq_t adj;
			mpq_init(adj);
			st = index_stream(g, h, stream_end, method, adj, &text);
			if (st == REP_OK) {
				in.nominal = fmt_money(g, amount);
				in.adjustment = text;
				mpq_set(amount, adj);
			}
			mpq_clear(adj);
			if (st)
				goto out;
		} else if (method && strcmp(method, "nominal") != 0) {
			if (from_date == REP_DATE_NONE) {
				const char *b = rep_arena_printf(&g->e->arena,
								 "%s: no date given, so the amount is left nominal (indexation %s "
								 "needs a date)", path, method);
				if ((st = b ? warn(g, b) : nomem(g)))
					goto out;
			} else if (strcmp(method, "interest") == 0 && g->def->interest_rate_option) {
				const char *text = NULL;
				mpq_t adj;
				mpq_init(adj);
				st = interest_to_as_of(g, amount, from_date, adj, &text);
				if (st == REP_OK) {
					in.nominal = fmt_money(g, amount);
					in.adjustment = text;
					mpq_set(amount, adj);
				}
				mpq_clear(adj);
				if (st)
					goto out;
			} else {
				rep_tvm_index_trace tr;
				mpq_t adj;
				mpq_init(adj);
				st = rep_tvm_index(adj, &tr, g->ctx, method, amount, from_date, g->as_of, rep_engine_series, g,
						   &g->e->arena, g->err);
				if (st == REP_OK) {
					in.nominal = fmt_money(g, amount);
					in.adjustment = tr.text;
					mpq_set(amount, adj);
				}
				mpq_clear(adj);
				if (st)
					goto out;
			}
		}
	}
	/* convert into the scheme's currency */
	if (strcmp(cur, g->currency) != 0 && mpq_sgn(amount) != 0) {
		mpq_t fx;
		mpq_init(fx);
		const char *fx_text;
		st = fx_rate(g, cur, fx, &fx_text);
		if (st == REP_OK) {
			char nom[128];
			rep_dec_format_buf(nom, sizeof nom, amount, 2, REP_ROUND_HALF_UP);
			in.nominal = in.nominal ? in.nominal : rep_arena_printf(&g->e->arena, "%s %s", nom, cur);
			in.adjustment = in.adjustment ? rep_arena_printf(&g->e->arena, "%s; %s", in.adjustment, fx_text)
						      : fx_text;
			mpq_mul(amount, amount, fx);
		}
		mpq_clear(fx);
		if (st)
			goto out;
	}
	if (rule->per_year_cap.value && h->category == REP_HARM_LOST_EARNINGS && mpq_sgn(amount) != 0) {
		if ((st = check_figure(g, &rule->per_year_cap, "per-year cap")) ||
		    (st = per_year_cap(g, rule, h, amount, &in)))
			goto out;
	}
	st = add_line(g, &in, amount);
	goto out;
oom:
	st = nomem(g);
out:
	mpq_clear(amount);
	if (st == REP_OK || g->err == NULL)
		return st;
	if (strncmp(g->err->path, "harms[", 6) != 0 && g->err->path[0] == '\0')
		rep_err_at(g->err, path);
	return st;
}

static rep_status harms(engine *g)
{
	rep_status st;
	bool moral_given = false;
	for (size_t i = 0; i < g->c->n_harms; i++) {
		if (g->c->harms[i].category == REP_HARM_MORAL_HARM)
			moral_given = true;
		if ((st = harm_line(g, i, &g->c->harms[i])))
			return st;
	}
	const rep_head *moral = head_for(g->def, REP_HARM_MORAL_HARM);
	if (moral && moral->treatment == REP_TREAT_COURT && !moral_given) {
		mpq_t zero;
		mpq_init(zero);
		line_in in = {.head = "moral_harm", .group = moral->group, .label = moral->label, .basis = moral->basis,
			      .formula = "no tariff: the amount is for the court; none was given in the case",
			      .note = moral->note, .klass = REP_NON_PECUNIARY};
		st = add_line(g, &in, zero);
		mpq_clear(zero);
		if (st)
			return st;
	}
	/* a threshold (StrEG §7(1)): proven pecuniary loss is paid only above it */
	if (g->def->pecuniary_threshold.value) {
		mpq_t sum, thr;
		mpq_inits(sum, thr, NULL);
		sum_lines(g->e, sum, REP_PECUNIARY);
		/* liberty tariffs of the pecuniary class do not count toward the threshold */
		st = rep_dec_parse(thr, g->def->pecuniary_threshold.value, g->err);
		if (st == REP_OK && mpq_sgn(sum) > 0 && mpq_cmp(sum, thr) <= 0) {
			char s[64];
			rep_dec_format_buf(s, sizeof s, sum, g->e->places, g->e->rounding);
			const char *note = rep_arena_printf(&g->e->arena,
							    "not paid: proven pecuniary loss of %s %s does not exceed %s %s",
							    s, g->currency, g->def->pecuniary_threshold.value, g->currency);
			for (size_t i = 0; i < g->e->n_lines; i++)
				if (strcmp(g->e->lines[i].klass, "pecuniary") == 0 && strcmp(g->e->lines[i].head, "liberty")) {
					mpq_set_ui(g->e->amounts[i], 0, 1);
					g->e->lines[i].amount = fmt_money(g, g->e->amounts[i]);
					g->e->lines[i].note = note;
					if (g->def->pecuniary_threshold_basis)
						g->e->lines[i].basis = g->def->pecuniary_threshold_basis;
				}
		}
		mpq_clears(sum, thr, NULL);
	}
	return st;
}

/* ---- fixed amounts ---- */

/* A fixed amount in this pass, in the scheme's currency; rate_text says how. */
static rep_status fixed_value(engine *g, const rep_fixed *f, mpq_t amount, const char **rate_text, const char **fx_text)
{
	const char *value = f->amount.value;
	if (f->amount_option && option_value(g, f->amount_option))
		value = option_value(g, f->amount_option);
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
		rep_date d = basis_date(g, f->index_at);
		if ((st = rep_engine_series(g, f->index, d, iv)) == REP_OK) {
			char ivs[64];
			rep_dec_format_buf(ivs, sizeof ivs, iv, 2, REP_ROUND_HALF_EVEN);
			rate = rep_arena_printf(&g->e->arena, "%s %s x %s (%s on %s)", value, f->index, ivs, f->index,
						fmt_date(g, d));
			mpq_mul(amount, amount, iv);
		}
		mpq_clear(iv);
	}
	if (st == REP_OK && f->amount_currency && strcmp(f->amount_currency, g->currency) != 0 && mpq_sgn(amount) != 0) {
		mpq_t fx;
		mpq_init(fx);
		if ((st = fx_rate(g, f->amount_currency, fx, fx_text)) == REP_OK) {
			mpq_mul(amount, amount, fx);
			rate = rep_arena_printf(&g->e->arena, "%s %s", rate, f->amount_currency);
		}
		mpq_clear(fx);
	}
	*rate_text = rate;
	return st == REP_OK && !rate ? nomem(g) : st;
}

static rep_status fixed_amounts(engine *g)
{
	rep_status st = REP_OK;
	for (const rep_fixed *f = g->def->fixed; f && f->label && st == REP_OK; f++) {
		if (f->trigger == REP_TRIGGER_TORTURE_PART && (g->c->torture_part < f->lo || g->c->torture_part > f->hi))
			continue;
		if (!enabled(g, f->when_option, f->when_value) || !fixed_in_force(g, f))
			continue;
		if (f->amount_low || f->amount_high)
			g->has_range = true;
		mpq_t amount;
		mpq_init(amount);
		const char *rate = NULL, *fx_text = NULL;
		st = fixed_value(g, f, amount, &rate, &fx_text);
		if (st == REP_OK)
			st = check_figure(g, &f->amount, f->label);
		if (st == REP_OK) {
			note_alternative(g, f->when_option, amount);
			bool assess = mpq_sgn(amount) == 0 && !f->amount_option;
			const char *formula = f->formula ? f->formula : f->label;
			line_in in = {.head = f->head ? f->head : "fixed", .group = f->group, .label = f->label,
				      .basis = f->basis,
				      .formula = assess ? formula
							: rep_arena_printf(&g->e->arena, "%s: %s%s%s", formula, rate,
									   fx_text ? "; " : "", fx_text ? fx_text : ""),
				      .rate = assess ? NULL : rate, .note = f->note, .klass = f->klass};
			st = in.formula ? add_line(g, &in, amount) : nomem(g);
		}
		mpq_clear(amount);
	}
	return st;
}

/* ---- caps ---- */

static rep_status caps(engine *g)
{
	rep_status st = REP_OK;
	int32_t months = 0;
	for (size_t i = 0; i < g->n_periods; i++) {
		int32_t m = 0, d = 0;
		if (g->periods[i].kind == REP_DET_PAROLE)
			continue;
		rep_months_and_days(g->periods[i].start, g->periods[i].end, &m, &d);
		months += m;
	}
	for (const rep_cap *c = g->def->caps; c && c->label && st == REP_OK; c++) {
		if (c->min_months >= 0 && months < c->min_months)
			continue;
		if (c->max_months >= 0 && months > c->max_months)
			continue;
		if (!in_window(basis_date(g, c->version_at), c->valid_from, c->valid_to))
			continue;
		if (!window_open(c->valid_from, c->valid_to) && (st = warn_fallback(g, c->version_at)))
			return st;
		mpq_t cap, sum, adj;
		mpq_inits(cap, sum, adj, NULL);
		if ((st = rep_dec_parse(cap, c->amount.value, g->err)) == REP_OK && c->index) {
			mpq_t iv;
			mpq_init(iv);
			st = rep_engine_series(g, c->index, basis_date(g, c->version_at), iv);
			mpq_mul(cap, cap, iv);
			mpq_clear(iv);
		}
		rep_dec_round(cap, cap, g->e->places, g->e->rounding);
		int klass = c->scope == REP_CAP_TOTAL ? -1 : c->scope == REP_CAP_PECUNIARY ? REP_PECUNIARY : REP_NON_PECUNIARY;
		sum_lines(g->e, sum, klass);
		if (st == REP_OK && mpq_cmp(sum, cap) > 0) {
			mpq_sub(adj, cap, sum);
			char s[64], capt[64];
			rep_dec_format_buf(s, sizeof s, sum, g->e->places, g->e->rounding);
			rep_dec_format_buf(capt, sizeof capt, cap, g->e->places, g->e->rounding);
			line_in in = {.head = "cap", .label = c->label, .basis = c->basis,
				      .formula = rep_arena_printf(&g->e->arena, "%s items of %s %s reduced to the cap of %s %s",
								  c->scope == REP_CAP_TOTAL ? "all" : c->scope == REP_CAP_PECUNIARY ? "pecuniary" : "non-pecuniary",
								  s, g->currency, capt, g->currency),
				      .klass = c->scope == REP_CAP_PECUNIARY ? REP_PECUNIARY : REP_NON_PECUNIARY};
			st = add_line(g, &in, adj);
			if (st == REP_OK)
				st = check_figure(g, &c->amount, c->label);
		}
		mpq_clears(cap, sum, adj, NULL);
	}
	return st;
}

/* ---- amounts on the award: an annuity of equal value, interest for late payment ---- */

static rep_status annuity(engine *g)
{
	const rep_annuity *a = g->def->annuity;
	if (!a || !a->label)
		return REP_OK;
	rep_estimate *e = g->e;
	mpq_t pv, years, rate, monthly, zero;
	mpq_inits(pv, years, rate, monthly, zero, NULL);
	for (size_t i = 0; i < e->n_lines; i++)
		if (in_list(a->base_heads, e->lines[i].head))
			mpq_add(pv, pv, e->amounts[i]);
	rep_status st = a->years_option ? option_number(g, a->years_option, years) : REP_OK;
	if (st == REP_OK)
		st = rep_dec_parse(rate, a->rate.value ? a->rate.value : "0", g->err);
	char pvs[64];
	rep_dec_format_buf(pvs, sizeof pvs, pv, e->places, e->rounding);
	mpq_set_ui(monthly, 100, 1);
	mpq_mul(monthly, monthly, rate);
	const char *rs = fmt_qty(g, monthly); /* the rate in percent */
	const char *formula = a->formula ? a->formula : a->label;
	line_in in = {.head = "annuity", .label = a->label, .basis = a->basis, .note = a->note, .klass = a->klass};
	if (st == REP_OK && (mpq_sgn(years) == 0 || mpq_sgn(pv) == 0)) {
		in.formula = rep_arena_printf(&e->arena,
					      "%s: present value %s %s (the lines of head %s) at %s %% a year, paid besides "
					      "them; not counted: give its term in years with option %s",
					      formula, pvs, g->currency, a->base_heads, rs ? rs : "?",
					      a->years_option ? a->years_option : "?");
		st = in.formula ? add_line(g, &in, zero) : nomem(g);
	} else if (st == REP_OK) {
		st = rep_tvm_monthly_payment(monthly, pv, years, rate, a->convention, e->places,
					     e->rounding, g->err);
		if (st == REP_OK)
			st = check_figure(g, &a->rate, a->label);
		if (st == REP_OK) {
			char ms[64];
			rep_dec_format_buf(ms, sizeof ms, monthly, e->places, e->rounding);
			in.formula = rep_arena_printf(&e->arena,
						      "%s: present value %s %s (the lines of head %s), paid as %s %s a month at "
						      "the end of each month for %s years (option %s) at %s %% a year (%s rate)",
						      formula, pvs, g->currency, a->base_heads, ms, g->currency,
						      option_value(g, a->years_option), a->years_option, rs ? rs : "?",
						      rep_annuity_rate_name(a->convention));
			in.rate = rep_arena_strdup(&e->arena, ms);
			in.unit = "month";
			st = in.formula && in.rate ? add_line(g, &in, pv) : nomem(g);
		} else if (g->err) {
			rep_err_at(g->err, a->years_option);
		}
	}
	mpq_clears(pv, years, rate, monthly, zero, NULL);
	return st;
}

static rep_status late_interest(engine *g)
{
	const rep_late_interest *li = g->def->late_interest;
	if (!li || !li->label)
		return REP_OK;
	rep_estimate *e = g->e;
	mpq_t base, days, rate, margin, hundred;
	mpq_inits(base, days, rate, margin, hundred, NULL);
	sum_lines(e, base, -1);
	rep_status st = li->days_option ? option_number(g, li->days_option, days) : REP_OK;
	if (st == REP_OK && mpz_cmp_ui(mpq_denref(days), 1) != 0)
		st = rep_err(g->err, REP_EINVAL, li->days_option, "%s: give whole days of delay",
			     option_value(g, li->days_option));
	/* the delay ends at as_of and starts on a supported date: this also
	 * bounds the integer taken out of the rational below */
	if (st == REP_OK && (mpq_sgn(days) < 0 || mpq_cmp_si(days, (long)g->as_of - REP_DATE_MIN, 1) > 0))
		st = rep_err(g->err, REP_ERANGE, li->days_option, "%s days of delay: give 0 to %ld (a delay starting "
			     "on or after 1900-01-01)", option_value(g, li->days_option), (long)g->as_of - REP_DATE_MIN);
	if (st == REP_OK && !li->series)
		st = rep_dec_parse(rate, li->rate.value ? li->rate.value : "0", g->err);
	if (st == REP_OK)
		st = rep_dec_parse(margin, li->margin.value ? li->margin.value : "0", g->err);
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
		st = in.formula ? add_line(g, &in, base) : nomem(g);
	} else if (st == REP_OK) {
		long n = mpz_get_si(mpq_numref(days));
		rep_date from = g->as_of - (rep_date)n;
		/* percent to fractions: the tvm API takes 0.054 for 5.4 % */
		mpq_set_ui(hundred, 100, 1);
		mpq_div(rate, rate, hundred);
		mpq_div(margin, margin, hundred);
		rep_interest_opts o = {.rate = li->series ? NULL : rate, .series = li->series, .margin = margin,
				       .basis = REP_BASIS_ACT365};
		rep_tvm_result res;
		rep_tvm_result_init(&res);
		st = rep_tvm_interest(&res, g->ctx, base, from, g->as_of, &o, g->err);
		if (st == REP_OK)
			st = record_tvm_points(g, &res);
		if (st == REP_OK && li->margin.value)
			st = check_figure(g, &li->margin, "interest margin");
		if (st == REP_OK && !li->series)
			st = check_figure(g, &li->rate, li->label);
		if (st == REP_OK) {
			char bs[64];
			rep_dec_format_buf(bs, sizeof bs, base, e->places, e->rounding);
			in.formula = rep_arena_printf(&e->arena, "%s, %ld days of delay: %s", formula, n,
						      res.text ? res.text : "");
			in.nominal = rep_arena_strdup(&e->arena, bs);
			st = in.formula && in.nominal ? add_line(g, &in, res.value) : nomem(g);
		}
		rep_tvm_result_clear(&res);
	}
	mpq_clears(base, days, rate, margin, hundred, NULL);
	return st;
}

/* ---- deadlines ---- */

static rep_status deadlines(engine *g)
{
	const rep_case *c = g->c;
	for (const rep_deadline *d = g->def->deadlines; d && d->text; d++) {
		rep_date from = d->from == REP_FROM_TORTURE_RECOGNISED ? c->torture_recognised
				: d->from == REP_FROM_NOTICE && c->notice_date != REP_DATE_NONE ? c->notice_date
												 : c->decision_date;
		if (from == REP_DATE_NONE && d->from == REP_FROM_TORTURE_RECOGNISED && c->torture_part > 0) {
			/* a limit that cannot be checked says which date it needs */
			const char *t = rep_arena_printf(
				&g->e->arena, "%s: the limit cannot be checked without %s", d->text,
				"torture.victim_recognised (the date the person was recognised as a victim)");
			rep_status st = t ? finding(g, "deadline_unknown", t, d->basis, false) : nomem(g);
			if (st == REP_OK)
				st = warn(g, t);
			if (st)
				return st;
			continue;
		}
		if (from == REP_DATE_NONE)
			continue; /* not started: a pending case has no decision yet */
		rep_date limit;
		if (rep_date_add_months(&limit, from, d->months) != REP_OK)
			continue;
		rep_date filed = c->application_date != REP_DATE_NONE ? c->application_date : g->as_of;
		if (filed <= limit)
			continue;
		char l[REP_DATE_TEXT_SIZE];
		rep_date_format(limit, l);
		const char *b = rep_arena_printf(&g->e->arena, "%s (the limit ran out on %s)", d->text, l);
		if (!b)
			return nomem(g);
		rep_status st = finding(g, "deadline", b, d->basis, false);
		if (st)
			return st;
		if ((st = warn(g, b)))
			return st;
	}
	return REP_OK;
}

/* ---- the passes ---- */

static rep_status compute_lines(engine *g)
{
	rep_status st;
	if (g->record && g->pass == PASS_CHOSEN && !g->alt_value && (st = check_versions(g)))
		return st;
	for (const rep_tariff *t = g->def->tariffs; t && t->label; t++)
		if ((st = apply_tariff(g, t)))
			return st;
	if ((st = harms(g)) || (st = fixed_amounts(g)) || (st = caps(g)) || (st = annuity(g)) || (st = late_interest(g)))
		return st;
	return REP_OK;
}

static void clear_lines_from(rep_estimate *e, size_t n)
{
	while (e->n_lines > n)
		mpq_clear(e->amounts[--e->n_lines]);
}

static void clear_lines(rep_estimate *e)
{
	for (size_t i = 0; i < e->n_lines; i++)
		mpq_clear(e->amounts[i]);
	e->n_lines = 0;
}

/* Total of a side pass (low or high end of the range). */
static rep_status side_total(engine *g, pass_kind pass, mpq_t total)
{
	rep_estimate *e = g->e;
	rep_line *lines = e->lines;
	mpq_t *amounts = e->amounts;
	size_t n = e->n_lines, cap = e->cap_lines;
	e->lines = NULL;
	e->amounts = NULL;
	e->n_lines = e->cap_lines = 0;
	/* the pass's lines are thrown away: their strings go to an arena of
	 * their own, released below (they took 7 x the lines' text before) */
	rep_arena kept = e->arena;
	rep_arena_init(&e->arena, 8192);
	size_t n_warn = e->n_warnings, n_refs = e->n_refs, n_find = e->n_findings;
	g->pass = pass;
	g->record = false;
	rep_status st = compute_lines(g);
	if (st == REP_OK) {
		sum_lines(e, total, -1);
		/* benchmarks count at the high end only */
		if (pass == PASS_HIGH)
			for (const rep_tariff *t = g->def->tariffs; t && t->label && st == REP_OK; t++)
				if (t->range_only) {
					mpq_t b;
					mpq_init(b);
					st = benchmark_amount(g, t, b);
					mpq_add(total, total, b);
					mpq_clear(b);
				}
	}
	clear_lines(e);
	rep_free(e->lines);
	rep_free(e->amounts);
	/* nothing of a pass that records nothing may outlive it */
	if (st == REP_OK && (e->n_warnings != n_warn || e->n_refs != n_refs || e->n_findings != n_find))
		st = rep_err(g->err, REP_EINVAL, NULL, "internal: a range pass recorded into the estimate");
	if (st == REP_OK && e->arena.failed)
		st = nomem(g);
	rep_arena_release(&e->arena);
	e->arena = kept;
	e->lines = lines;
	e->amounts = amounts;
	e->n_lines = n;
	e->cap_lines = cap;
	g->pass = PASS_CHOSEN;
	g->record = true;
	return st;
}

static rep_status add_range_item(engine *g, const char *label, const char *basis, const mpq_t lo, const mpq_t hi)
{
	rep_estimate *e = g->e;
	if (GROW(e->range_items, e->n_range_items, e->cap_range_items))
		return nomem(g);
	rep_range_item it = {rep_arena_strdup(&e->arena, label), fmt_money(g, lo), fmt_money(g, hi),
			     rep_arena_strdup(&e->arena, basis ? basis : "")};
	if (!it.label || !it.low || !it.high || !it.basis)
		return nomem(g);
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
static rep_status range_items(engine *g)
{
	rep_estimate *e = g->e;
	rep_status st = REP_OK;
	bool rec = g->record;
	g->record = false;
	g->ungated = true;
	for (const rep_tariff *t = g->def->tariffs; t && t->label && st == REP_OK; t++) {
		if (!t->range_only && !t->rate_low && !t->rate_high && !is_alternative(g, t->when_option))
			continue;
		mpq_t lo, hi;
		mpq_inits(lo, hi, NULL);
		if (t->range_only) {
			st = benchmark_amount(g, t, hi);
		} else {
			rep_tariff a = *t, b = *t;
			if (t->rate_low || t->rate_high) {
				a.rate.value = t->rate_low ? t->rate_low : t->rate.value;
				b.rate.value = t->rate_high ? t->rate_high : t->rate.value;
				a.rate_option = b.rate_option = NULL;
			}
			a.rate_low = a.rate_high = b.rate_low = b.rate_high = NULL;
			size_t n = e->n_lines;
			if ((st = apply_tariff(g, &a)) == REP_OK && e->n_lines > n)
				mpq_set(lo, e->amounts[n]);
			clear_lines_from(e, n);
			if (st == REP_OK && (st = apply_tariff(g, &b)) == REP_OK && e->n_lines > n)
				mpq_set(hi, e->amounts[n]);
			clear_lines_from(e, n);
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
		if (!fixed_in_force(g, f))
			continue;
		mpq_t lo, hi, x;
		mpq_inits(lo, hi, x, NULL);
		const char *rate, *fx;
		pass_kind saved = g->pass;
		g->pass = PASS_LOW;
		st = fixed_value(g, f, x, &rate, &fx);
		rep_dec_round(lo, x, e->places, e->rounding);
		g->pass = PASS_HIGH;
		if (st == REP_OK)
			st = fixed_value(g, f, x, &rate, &fx);
		rep_dec_round(hi, x, e->places, e->rounding);
		g->pass = saved;
		if (st == REP_OK && mpq_sgn(hi) != 0)
			st = add_range_item(g, f->label, f->basis, lo, hi);
		mpq_clears(lo, hi, x, NULL);
	}
	g->ungated = false;
	g->record = rec;
	return st;
}

/* The range over the alternatives of def->range_option: each value's total
 * at its low and at its high end; a value whose entries come to nothing (a
 * user rate left at 0, no days to pay) is left out. */
static rep_status alternatives_range(engine *g, mpq_t lo, mpq_t hi)
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
		if ((st = side_total(g, PASS_LOW, l)) || !g->alt_hit)
			continue;
		if ((st = side_total(g, PASS_HIGH, h)))
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
		if ((st = side_total(g, PASS_LOW, lo)) == REP_OK)
			st = side_total(g, PASS_HIGH, hi);
	}
	mpq_clears(l, h, NULL);
	return st;
}

/* Lines of a scheme that groups its heads ((a)..(e) of GA res. 60/147) are
 * listed group by group, in the order the groups' labels sort; a stable
 * insertion sort keeps the engine's order inside a group. */
static void group_lines(rep_estimate *e)
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

static rep_status finish(engine *g)
{
	rep_estimate *e = g->e;
	group_lines(e);
	rep_status bst = check_bases(g);
	if (bst)
		return bst;
	mpq_t t, p, np;
	mpq_inits(t, p, np, NULL);
	rep_status st = REP_OK;
	sum_lines(e, t, -1);
	e->total_if_eligible = g->no_would_be ? "" : fmt_money(g, t);
	if (!e->eligible) {
		clear_lines(e);
		mpq_set_ui(t, 0, 1);
	}
	sum_lines(e, p, REP_PECUNIARY);
	sum_lines(e, np, REP_NON_PECUNIARY);
	e->total = fmt_money(g, t);
	e->total_pecuniary = fmt_money(g, p);
	e->total_non_pecuniary = fmt_money(g, np);
	if (e->days > 0) {
		mpq_t d;
		mpq_init(d);
		mpq_set_si(d, e->days, 1);
		mpq_div(d, t, d);
		e->per_day = fmt_money(g, d);
		mpq_clear(d);
	} else {
		e->per_day = "";
	}
	if (!e->total || !e->total_pecuniary || !e->total_non_pecuniary || !e->total_if_eligible || !e->per_day)
		st = nomem(g);
	mpq_clears(t, p, np, NULL);
	return st;
}

static rep_status compute(engine *g)
{
	rep_estimate *e = g->e;
	const rep_scheme_def *def = g->def;
	rep_status st;
	if ((st = rep_case_validate(g->c, g->err)) || (st = resolve_options(g)) || (st = merge_periods(g)) ||
	    (st = eligibility(g)) || (st = deadlines(g)))
		return st;
	for (const char *const *w = def->warnings; w && *w; w++)
		if ((st = warn(g, *w)))
			return st;
	st = compute_lines(g);
	if (st == REP_ENODATA && !e->eligible) {
		/* a barred claim still shows what it would have paid, but a data gap
		 * there is no reason to fail: say so and show no amount */
		const char *b = rep_arena_printf(&e->arena, "what the barred claim would pay could not be computed: %s",
						 g->err ? g->err->message : "reference data missing");
		rep_error_clear(g->err);
		clear_lines(e);
		if ((st = b ? warn(g, b) : nomem(g)))
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
			st = benchmark_amount(g, t, b);
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
			st = alternatives_range(g, lo, hi);
		else if ((st = side_total(g, PASS_LOW, lo)) == REP_OK)
			st = side_total(g, PASS_HIGH, hi);
		if (st == REP_OK && (st = range_items(g)) == REP_OK) {
			mpq_t chosen;
			mpq_init(chosen);
			sum_lines(e, chosen, -1);
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
			e->range_low = fmt_money(g, lo);
			e->range_high = fmt_money(g, hi);
			e->range_uses = mpq_equal(chosen, hi) ? "high" : mpq_equal(chosen, lo) ? "low" : "option";
			bool user = false;
			for (size_t i = 0; i < e->n_opts; i++)
				user = user || e->opts[i].user_set;
			if (!user && strcmp(e->range_uses, "option") == 0)
				e->range_uses = "default";
			mpq_clear(chosen);
			if (!e->range_low || !e->range_high)
				st = nomem(g);
		}
		mpq_clears(lo, hi, NULL);
		if (st)
			return st;
	}
	return finish(g);
}

static rep_status estimate_compute(rep_estimate **out, const rep_context *ctx, const rep_case *c, const char *scheme_id,
				const rep_options *opts, rep_error *err)
{
	if (!out || !ctx || !c || !scheme_id)
		return rep_err(err, REP_EUSAGE, NULL, "estimate: context, case and scheme id are required");
	*out = NULL;
	const rep_scheme_def *def = rep_scheme_def_find(ctx, scheme_id);
	if (!def)
		return rep_scheme_unknown(ctx, scheme_id, err);
	rep_estimate *e = rep_calloc(1, sizeof *e);
	if (!e)
		return rep_err(err, REP_ENOMEM, NULL, "out of memory");
	rep_arena_init(&e->arena, 8192);
	e->def = def;
	e->rounding = def->rounding;
	/* the case's code is copied: an estimate may outlive its case (bindings, batch rows) */
	e->currency = def->currency ? def->currency : rep_arena_strdup(&e->arena, c->currency);
	if (!e->currency) {
		rep_estimate_free(e);
		return rep_err(err, REP_ENOMEM, NULL, "out of memory");
	}
	int places = 2;
	if (rep_currency_minor_units(e->currency, &places) != REP_OK) {
		rep_estimate_free(e);
		return rep_err(err, REP_EINVAL, NULL, "scheme %s: unknown currency %s", def->id, e->currency);
	}
	e->places = def->places >= 0 ? def->places : places;
	engine g = {.ctx = ctx, .c = c, .def = def, .opts = opts, .e = e, .err = err,
		    .as_of = rep_case_effective_as_of(c), .currency = e->currency, .record = true};
	rep_date_format(g.as_of, e->as_of);
	e->case_id = rep_arena_strdup(&e->arena, rep_case_id(c));
	rep_status st = e->case_id ? compute(&g) : nomem(&g);
	if (st == REP_OK && e->arena.failed)
		st = nomem(&g); /* a string of the estimate went missing */
	rep_free(g.periods);
	if (st) {
		rep_estimate_free(e);
		return st;
	}
	*out = e;
	return REP_OK;
}

/* A context loaded into meanwhile is refused, not read half-written. */
rep_status rep_estimate_compute(rep_estimate **out, const rep_context *ctx, const rep_case *c, const char *scheme_id,
				const rep_options *opts, rep_error *err)
{
	if (out)
		*out = NULL;
	rep_status st = ctx ? rep_context_begin_read(ctx, err) : REP_OK;
	if (st)
		return st;
	st = estimate_compute(out, ctx, c, scheme_id, opts, err);
	if (ctx)
		rep_context_end_read(ctx);
	return st;
}
