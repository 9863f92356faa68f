/* Scheme options: their values in this evaluation (the caller's or the
 * default), and which entries a choice option enables. */
#include <stdio.h>
#include <string.h>

#include "engine.h"

const char *rep_eng_option_value(const engine *g, const char *name)
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
bool rep_eng_in_list(const char *list, const char *v)
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
bool rep_eng_enabled(const engine *g, const char *opt, const char *values)
{
	if (!opt || g->ungated)
		return true;
	const char *v = g->alt_value && g->def->range_option && strcmp(opt, g->def->range_option) == 0
				? g->alt_value
				: rep_eng_option_value(g, opt);
	return v && rep_eng_in_list(values, v);
}

/* An alternative of the range option that pays something is part of the range. */
void rep_eng_note_alternative(engine *g, const char *opt, const mpq_t amount)
{
	if (opt && g->def->range_option && strcmp(opt, g->def->range_option) == 0 && mpq_sgn(amount) != 0)
		g->alt_hit = true;
}

rep_status rep_eng_resolve_options(engine *g)
{
	rep_estimate *e = g->e;
	rep_status st = rep_options_check(g->opts, g->ctx, g->err);
	if (st)
		return st;
	for (const rep_option_def *d = g->def->options; d && d->name; d++) {
		const char *user = rep_options_get(g->opts, g->def->id, d->name);
		if (GROW(e->opts, e->n_opts, e->cap_opts))
			return rep_eng_nomem(g);
		rep_option_value v = {rep_arena_strdup(&e->arena, d->name),
				      rep_arena_strdup(&e->arena, user ? user : d->def ? d->def : ""), user != NULL};
		if (!v.name || !v.value)
			return rep_eng_nomem(g);
		e->opts[e->n_opts++] = v;
	}
	return REP_OK;
}

/* Value of a decimal option as a rational. */
rep_status rep_eng_option_number(engine *g, const char *name, mpq_t out)
{
	const char *v = rep_eng_option_value(g, name);
	rep_status st = rep_dec_parse(out, v ? v : "0", g->err);
	return st ? rep_err_at(g->err, name) : REP_OK;
}
