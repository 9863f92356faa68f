/* The estimate object: accessors and release. */
#include <string.h>

#include "estimate_internal.h"
#include "internal.h"

static void lineset_free(rep_lineset *ls)
{
	for (size_t i = 0; i < ls->ready; i++)
		mpq_clear(ls->amounts[i]);
	rep_free(ls->amounts);
	rep_free(ls->nums);
	rep_free(ls->lines);
}

void rep_estimate_free(rep_estimate *e)
{
	if (!e)
		return;
	lineset_free(&e->ls);
	lineset_free(&e->side);
	rep_free(e->findings);
	rep_free(e->warnings);
	rep_free(e->refs);
	rep_free(e->opts);
	rep_free(e->range_items);
	for (unsigned i = 0; i < e->q_ready; i++)
		mpq_clear(e->q[i]);
	for (unsigned i = 0; i < e->figures_ready; i++)
		mpq_clear(e->figure[i].value);
	for (unsigned i = 0; i < e->fx_plan.rate_ready; i++)
		mpq_clear(e->fx_plan.rate[i]);
	rep_free(e->fx_plan.ev);
	rep_arena_release(&e->fx_plan.arena);
	rep_arena_release(&e->arena);
	rep_arena_release(&e->scratch);
	rep_free(e);
}

/* Empty again, every buffer kept (the vectors, the amounts' GMP storage,
 * one block of each arena). */
void rep_estimate_reset(rep_estimate *e)
{
	rep_arena_reset(&e->arena);
	rep_arena_reset(&e->scratch);
	e->ls.n = e->side.n = 0;
	e->n_findings = e->n_warnings = e->n_refs = e->n_opts = e->n_range_items = 0;
	e->case_id = e->currency = "";
	e->as_of[0] = '\0';
	e->eligible = false;
	e->days = 0;
	e->total = e->total_pecuniary = e->total_non_pecuniary = e->total_if_eligible = e->per_day = "";
	e->has_range = false;
	e->range_low = e->range_high = e->range_uses = "";
}

const char *rep_estimate_scheme(const rep_estimate *e)
{
	return e->def->id;
}

const char *rep_estimate_scheme_name(const rep_estimate *e)
{
	return e->def->name ? e->def->name : "";
}

const char *rep_estimate_currency(const rep_estimate *e)
{
	return e->currency;
}

const char *rep_estimate_as_of(const rep_estimate *e)
{
	return e->as_of;
}

bool rep_estimate_eligible(const rep_estimate *e)
{
	return e->eligible;
}

const char *rep_estimate_total(const rep_estimate *e)
{
	return e->total;
}

const char *rep_estimate_total_pecuniary(const rep_estimate *e)
{
	return e->total_pecuniary;
}

const char *rep_estimate_total_non_pecuniary(const rep_estimate *e)
{
	return e->total_non_pecuniary;
}

const char *rep_estimate_total_if_eligible(const rep_estimate *e)
{
	return e->total_if_eligible;
}

bool rep_estimate_range(const rep_estimate *e, const char **low, const char **high, const char **uses)
{
	if (!e->has_range)
		return false;
	if (low)
		*low = e->range_low;
	if (high)
		*high = e->range_high;
	if (uses)
		*uses = e->range_uses;
	return true;
}

long rep_estimate_days(const rep_estimate *e)
{
	return e->days;
}

const char *rep_estimate_per_day(const rep_estimate *e)
{
	return e->per_day;
}

size_t rep_estimate_finding_count(const rep_estimate *e)
{
	return e->n_findings;
}

const rep_finding *rep_estimate_finding(const rep_estimate *e, size_t i)
{
	return i < e->n_findings ? &e->findings[i] : NULL;
}

size_t rep_estimate_line_count(const rep_estimate *e)
{
	return e->ls.n;
}

const rep_line *rep_estimate_line(const rep_estimate *e, size_t i)
{
	return i < e->ls.n ? &e->ls.lines[i] : NULL;
}

size_t rep_estimate_warning_count(const rep_estimate *e)
{
	return e->n_warnings;
}

const char *rep_estimate_warning(const rep_estimate *e, size_t i)
{
	return i < e->n_warnings ? e->warnings[i] : NULL;
}

size_t rep_estimate_refpoint_count(const rep_estimate *e)
{
	return e->n_refs;
}

const rep_refpoint *rep_estimate_refpoint(const rep_estimate *e, size_t i)
{
	return i < e->n_refs ? &e->refs[i] : NULL;
}

size_t rep_estimate_option_count(const rep_estimate *e)
{
	return e->n_opts;
}

const rep_option_value *rep_estimate_option(const rep_estimate *e, size_t i)
{
	return i < e->n_opts ? &e->opts[i] : NULL;
}

rep_status rep_format_parse(rep_format *out, const char *name)
{
	static const char *const names[] = {"table", "json", "csv", "markdown", "html"};
	for (int i = 0; name && i < 5; i++)
		if (strcmp(name, names[i]) == 0) {
			*out = (rep_format)i;
			return REP_OK;
		}
	return REP_ENOTFOUND;
}
