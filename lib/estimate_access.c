/* What an estimate's scheme says about itself, and the range's items:
 * accessors so that an application need not render JSON to read them. */
#include "estimate_internal.h"
#include "internal.h"

/* ---- what the estimate's scheme says about itself ---- */

const char *rep_estimate_notes(const rep_estimate *e)
{
	return e && e->def->notes ? e->def->notes : "";
}

size_t rep_estimate_citation_count(const rep_estimate *e)
{
	size_t n = 0;
	if (e && e->def->citations)
		while (e->def->citations[n].instrument)
			n++;
	return n;
}

rep_status rep_estimate_citation_at(const rep_estimate *e, size_t i, rep_citation *out)
{
	if (!e || !out)
		return REP_EUSAGE;
	if (i >= rep_estimate_citation_count(e))
		return REP_ENOTFOUND;
	const rep_cite *c = &e->def->citations[i];
	*out = (rep_citation){c->instrument, c->article, c->url};
	return REP_OK;
}

size_t rep_estimate_range_item_count(const rep_estimate *e)
{
	return e && e->has_range ? e->n_range_items : 0;
}

rep_status rep_estimate_range_item_at(const rep_estimate *e, size_t i, rep_range_item_info *out)
{
	if (!e || !out)
		return REP_EUSAGE;
	if (i >= rep_estimate_range_item_count(e))
		return REP_ENOTFOUND;
	const rep_range_item *r = &e->range_items[i];
	*out = (rep_range_item_info){r->label, r->low, r->high, r->basis};
	return REP_OK;
}
