/* Periods of deprivation of liberty as the tariffs see them: merged so no
 * day counts twice (the harshest kind wins a day), without the days credited
 * to another lawful sentence. */
#include <stdio.h>
#include <string.h>

#include "engine.h"

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
	rep_period *out = rep_arena_alloc(&g->e->arena, (g->n_periods + ncred + 1) * sizeof *out);
	if (!out)
		return rep_eng_nomem(g);
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
	g->periods = out;
	g->n_periods = n;
	g->credited_days = excluded;
	const rep_detention *d = &c->det[first];
	g->credited_note = rep_arena_printf(&g->e->arena,
					    "%ld day%s credited to another lawful sentence excluded from every tariff "
					    "(detentions[%zu]%s%s%s): time that served a sentence still standing is not "
					    "compensated", excluded, excluded == 1 ? "" : "s", first,
					    ncred > 1 ? " and others" : "", d->note ? ": " : "", d->note ? d->note : "");
	return g->credited_note ? REP_OK : rep_eng_nomem(g);
}

rep_status rep_eng_merge_periods(engine *g)
{
	const rep_case *c = g->c;
	if (c->n_det == 0)
		return REP_OK;
	/* in the estimate's arena: dropped with it, or when it is reused */
	rep_period *in = rep_arena_alloc(&g->e->arena, c->n_det * sizeof *in);
	g->periods = rep_arena_alloc(&g->e->arena, 2 * c->n_det * sizeof *g->periods);
	if (!in || !g->periods)
		return rep_eng_nomem(g);
	size_t n_in = 0;
	for (size_t i = 0; i < c->n_det; i++)
		if (!c->det[i].credited)
			in[n_in++] = (rep_period){(int)c->det[i].kind, c->det[i].start,
						  c->det[i].end != REP_DATE_NONE ? c->det[i].end : g->as_of};
	rep_status st = n_in ? rep_periods_merge(g->periods, &g->n_periods, in, n_in, severity, g->err) : REP_OK;
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
