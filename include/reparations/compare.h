/* reparations: one case under many schemes, side by side.
 *
 * Each scheme's total in its own currency, converted into one reporting
 * currency (dated exchange rate at the valuation date, shown), and per day
 * of deprivation of liberty, so that schemes can be ranked. A scheme that
 * cannot be evaluated (a missing exchange rate, say) gets a row with its
 * error instead of stopping the whole comparison. */
#ifndef REPARATIONS_COMPARE_H
#define REPARATIONS_COMPARE_H

#include <stdbool.h>
#include <stddef.h>
#include "estimate.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct rep_comparison rep_comparison;

typedef struct rep_comparison_row {
	const char *scheme, *name, *jurisdiction, *status, *currency;
	bool ok;                 /* false: `error` says why this scheme could not be evaluated */
	const char *error;
	bool eligible;
	const char *reason;      /* the first barring finding when not eligible */
	const char *total;       /* in the scheme's currency */
	const char *total_if_eligible;
	long days;
	const char *per_day;
	const char *report_total;   /* in the reporting currency (NULL without one) */
	const char *report_per_day;
	const char *fx_rate;     /* units of the reporting currency per unit of `currency` */
	const char *fx_source;
	const rep_estimate *estimate; /* NULL when !ok; owned by the comparison */
} rep_comparison_row;

/* Evaluate `c` under each of `schemes` (n ids). report_currency may be NULL.
 * Fails only on bad arguments, an unknown scheme id, bad options, an
 * invalid case or out of memory; per-scheme evaluation errors become rows.
 * Caller frees with rep_comparison_free. */
REP_API rep_status rep_compare(rep_comparison **out, const rep_context *ctx, const rep_case *c,
			       const char *const *schemes, size_t n, const rep_options *opts,
			       const char *report_currency, rep_error *err);
/* rep_compare valued at `as_of` instead of the case's date (REP_DATE_NONE: the case's). */
REP_API rep_status rep_compare_at(rep_comparison **out, const rep_context *ctx, const rep_case *c,
				  const char *const *schemes, size_t n, const rep_options *opts,
				  const char *report_currency, rep_date as_of, rep_error *err);
REP_API void rep_comparison_free(rep_comparison *cmp);
REP_API size_t rep_comparison_count(const rep_comparison *cmp);
REP_API const rep_comparison_row *rep_comparison_row_at(const rep_comparison *cmp, size_t i);
/* Number of rows whose scheme could not be evaluated. */
REP_API size_t rep_comparison_failures(const rep_comparison *cmp);

/* Render: table (one row per scheme), json ({"case", "as_of",
 * "report_currency", "comparison": [ROW...], "estimates": [ESTIMATE...]}),
 * csv or markdown. *out malloc'd, caller frees with free(). */
REP_API rep_status rep_comparison_render(char **out, size_t *len, const rep_comparison *cmp, rep_format format,
					 rep_error *err);
/* The same with render options (language, width, human CSV, the case for
 * the HTML statement's facts); o may be NULL. */
REP_API rep_status rep_comparison_render_opts(char **out, size_t *len, const rep_comparison *cmp, rep_format format,
					      const rep_render_opts *o, rep_error *err);

#ifdef __cplusplus
}
#endif
#endif
