/* What an estimate records besides its lines: findings, warnings (each
 * once), and the words of figures (dates, quantities, amounts) the lines and
 * findings quote. */
#include <stdio.h>
#include <string.h>

#include "engine.h"

rep_status rep_eng_grow_vec(void **v, size_t *cap, size_t elem)
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

rep_status rep_eng_nomem(engine *g)
{
	return rep_err(g->err, REP_ENOMEM, NULL, "out of memory");
}

const char *rep_eng_fmt_date(engine *g, rep_date d)
{
	char b[REP_DATE_TEXT_SIZE];
	rep_date_format(d, b);
	return rep_arena_strdup(&g->e->arena, b);
}

/* x as exact decimal text when it terminates within 6 places, else rounded to 6. */
const char *rep_eng_fmt_qty(engine *g, const mpq_t x)
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

const char *rep_eng_fmt_money(engine *g, const mpq_t x)
{
	char buf[128];
	if (rep_dec_format_buf(buf, sizeof buf, x, g->e->places, g->e->rounding))
		return NULL;
	return rep_arena_strdup(&g->e->arena, buf);
}

rep_status rep_eng_figure(engine *g, const char *text, mpq_t out)
{
	rep_estimate *e = g->e;
	for (unsigned i = 0; i < e->n_figures; i++)
		if (e->figure[i].text == text) {
			mpq_set(out, e->figure[i].value);
			return REP_OK;
		}
	rep_status st = rep_dec_parse(out, text, g->err);
	if (st || e->n_figures == REP_FIGURES_KEPT)
		return st;
	if (e->figures_ready == e->n_figures)
		mpq_init(e->figure[e->figures_ready++].value);
	e->figure[e->n_figures].text = text;
	mpq_set(e->figure[e->n_figures++].value, out);
	return REP_OK;
}

static rep_status warn(engine *g, const char *text, bool copy)
{
	if (!g->record || !text)
		return REP_OK;
	rep_estimate *e = g->e;
	for (size_t i = 0; i < e->n_warnings; i++)
		if (strcmp(e->warnings[i], text) == 0)
			return REP_OK;
	if (GROW(e->warnings, e->n_warnings, e->cap_warnings))
		return rep_eng_nomem(g);
	const char *kept = copy ? rep_arena_strdup(&e->arena, text) : text;
	if (!kept)
		return rep_eng_nomem(g);
	e->warnings[e->n_warnings++] = kept;
	return REP_OK;
}

rep_status rep_eng_warn(engine *g, const char *text)
{
	return warn(g, text, true);
}

rep_status rep_eng_warn_kept(engine *g, const char *text)
{
	return warn(g, text, false);
}

rep_status rep_eng_finding(engine *g, const char *code, const char *text, const char *basis, bool bars)
{
	rep_estimate *e = g->e;
	if (GROW(e->findings, e->n_findings, e->cap_findings))
		return rep_eng_nomem(g);
	e->findings[e->n_findings++] = (rep_finding){code, text, basis ? basis : "", bars};
	return REP_OK;
}

/* Warn when a figure is not verified; the confidence travels with the estimate. */
rep_status rep_eng_check_figure(engine *g, const rep_figure *f, const char *what)
{
	if (!f->value || !f->confidence || strcmp(f->confidence, "verified") == 0)
		return REP_OK;
	/* built in the arena, without a fixed cap: a cut could split a UTF-8 character */
	const char *b = rep_arena_printf(&g->e->arena, "figure %s: %s %s is %s (%s); check it before relying on this estimate",
					 f->confidence, what, f->value, f->confidence, f->source ? f->source : "no source");
	return b ? rep_eng_warn(g, b) : rep_eng_nomem(g);
}

/* One warning per date basis, not per rule: the text names no rule, so
 * rep_eng_warn() keeps a single copy however many versioned rules use the basis. */
rep_status rep_eng_warn_fallback(engine *g, rep_date_basis b)
{
	const rep_case *c = g->c;
	if (!g->record || !((b == REP_AT_DECISION && c->decision_date == REP_DATE_NONE) ||
			    (b == REP_AT_APPLICATION && c->application_date == REP_DATE_NONE)))
		return REP_OK;
	char *t = rep_arena_printf(&g->e->arena,
				   "the version of each rate is chosen by %s, which the case does not give: as_of %s "
				   "is used instead", rep_eng_basis_words(b), g->e->as_of);
	return t ? rep_eng_warn(g, t) : rep_eng_nomem(g);
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
			rep_status st = rep_eng_warn(g, b);
			if (st)
				return st;
		}
		if (!*p)
			return REP_OK;
		start = p + 1;
	}
}

rep_status rep_eng_check_bases(engine *g)
{
	const rep_estimate *e = g->e;
	rep_status st = REP_OK;
	for (size_t i = 0; i < e->n_findings && !st; i++)
		st = check_basis(g, e->findings[i].basis);
	for (size_t i = 0; e->eligible && i < e->ls.n && !st; i++)
		st = check_basis(g, e->ls.lines[i].basis);
	return st;
}
