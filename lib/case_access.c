/* Reading a case back: accessors for bindings, renderers and applications
 * that show or save what they built, and the free-text setters. */
#include <stdio.h>
#include <string.h>

#include "case_internal.h"
#include "internal.h"

static rep_status set_text(rep_case *c, const char **slot, const char *text, const char *path, rep_error *err)
{
	if (!c)
		return rep_err(err, REP_EUSAGE, path, "no case");
	if (!text) {
		*slot = NULL;
		return REP_OK;
	}
	if (strlen(text) > REP_CASE_MAX_STRING)
		return rep_err(err, REP_ELIMIT, path, "longer than %d bytes", REP_CASE_MAX_STRING);
	const char *copy = rep_arena_strdup(&c->arena, text);
	if (!copy)
		return rep_err(err, REP_ENOMEM, path, "out of memory");
	*slot = copy;
	return REP_OK;
}

rep_status rep_case_set_description(rep_case *c, const char *text, rep_error *err)
{
	return set_text(c, c ? &c->description : NULL, text, "description", err);
}

const char *rep_case_description(const rep_case *c)
{
	return c && c->description ? c->description : "";
}

rep_status rep_case_set_detention_note(rep_case *c, size_t i, const char *note, rep_error *err)
{
	char path[48];
	snprintf(path, sizeof path, "detentions[%zu].note", i);
	if (!c)
		return rep_err(err, REP_EUSAGE, path, "no case");
	if (i >= c->n_det)
		return rep_err(err, REP_ENOTFOUND, path, "the case has %zu detentions", c->n_det);
	return set_text(c, &c->det[i].note, note, path, err);
}

const char *rep_case_detention_note(const rep_case *c, size_t i)
{
	return c && i < c->n_det ? c->det[i].note : NULL;
}

void rep_case_proceedings(const rep_case *c, rep_proc_kind *kind, rep_outcome *outcome, rep_date *decision_date,
			  unsigned *flags)
{
	if (kind)
		*kind = c ? c->proc_kind : REP_PROC_CRIMINAL;
	if (outcome)
		*outcome = c ? c->outcome : REP_OUT_PENDING;
	if (decision_date)
		*decision_date = c ? c->decision_date : REP_DATE_NONE;
	if (flags)
		*flags = c ? c->flags : 0;
}

rep_date rep_case_notice_date(const rep_case *c)
{
	return c ? c->notice_date : REP_DATE_NONE;
}

rep_date rep_case_application_date(const rep_case *c)
{
	return c ? c->application_date : REP_DATE_NONE;
}

int rep_case_torture(const rep_case *c, rep_date *recognised)
{
	if (recognised)
		*recognised = c ? c->torture_recognised : REP_DATE_NONE;
	return c ? c->torture_part : 0;
}

rep_status rep_case_detention_at(const rep_case *c, size_t i, rep_detention_info *out)
{
	if (!c || !out)
		return REP_EUSAGE;
	if (i >= c->n_det)
		return REP_ENOTFOUND;
	const rep_detention *d = &c->det[i];
	*out = (rep_detention_info){d->kind, d->start, d->end, d->note, d->credited};
	return REP_OK;
}

rep_status rep_case_harm_at(const rep_case *c, size_t i, rep_harm *out)
{
	if (!c || !out)
		return REP_EUSAGE;
	if (i >= c->n_harms)
		return REP_ENOTFOUND;
	const rep_case_harm *h = &c->harms[i];
	*out = (rep_harm){
		.category = h->category,
		.amount = h->present & REP_HF_AMOUNT ? h->amount_text : NULL,
		.monthly = h->present & REP_HF_MONTHLY ? h->monthly_text : NULL,
		.annual = h->present & REP_HF_ANNUAL ? h->annual_text : NULL,
		.years = h->present & REP_HF_YEARS ? h->years_text : NULL,
		.growth = h->present & REP_HF_GROWTH ? h->growth_text : NULL,
		.discount_rate = h->present & REP_HF_DISCOUNT ? h->discount_text : NULL,
		.date = h->date,
		.start = h->start,
		.end = h->end,
		.disposition = h->disposition,
		.description = h->description,
	};
	return REP_OK;
}
