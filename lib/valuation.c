/* A per-call valuation date: the engine values a case at its as_of, so an
 * estimate at another date reads the same case through a copy of its
 * header with as_of replaced. The copy shares every array with the case
 * and is only read, so the caller's case is never touched (many threads
 * may value one case at different dates at once). */
#include "case_internal.h"
#include "internal.h"
#include "reparations/compare.h"

static rep_status at_date(rep_case *view, const rep_case *c, rep_date as_of, rep_error *err)
{
	if (!c)
		return rep_err(err, REP_EUSAGE, NULL, "no case");
	*view = *c;
	if (as_of != REP_DATE_NONE) {
		if (as_of < REP_DATE_MIN || as_of > REP_DATE_MAX)
			return rep_err(err, REP_ERANGE, "as_of", "date out of the supported range 1900-01-01..2199-12-31");
		view->as_of = as_of;
	}
	return rep_case_validate(view, err);
}

rep_status rep_estimate_compute_at(rep_estimate **out, const rep_context *ctx, const rep_case *c,
				   const char *scheme_id, const rep_options *opts, rep_date as_of, rep_error *err)
{
	if (out)
		*out = NULL;
	rep_case view;
	rep_status st = at_date(&view, c, as_of, err);
	return st ? st : rep_estimate_compute(out, ctx, &view, scheme_id, opts, err);
}

rep_status rep_compare_at(rep_comparison **out, const rep_context *ctx, const rep_case *c, const char *const *schemes,
			  size_t n, const rep_options *opts, const char *report_currency, rep_date as_of, rep_error *err)
{
	if (out)
		*out = NULL;
	rep_case view;
	rep_status st = at_date(&view, c, as_of, err);
	return st ? st : rep_compare(out, ctx, &view, schemes, n, opts, report_currency, err);
}
