/* reparations: itemized estimates.
 *
 * An estimate is one case evaluated under one scheme: eligibility with
 * findings (each citing its basis), itemized lines (head, label, legal
 * basis, formula in words with its inputs, amount), totals, the range where
 * the law leaves a figure to a court, warnings, the options in force and
 * every reference-data point used. Amounts are decimal strings rounded to
 * the scheme's unit; the lines add up to the total exactly. */
#ifndef REPARATIONS_ESTIMATE_H
#define REPARATIONS_ESTIMATE_H

#include <stdbool.h>
#include <stddef.h>
#include "status.h"
#include "context.h"
#include "case.h"
#include "scheme.h"
#include "format.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct rep_estimate rep_estimate;

/* One finding on eligibility. */
typedef struct rep_finding {
	const char *code;   /* "eligible_outcome", "barred_outcome", "barred_flag", "deadline", ... */
	const char *text;
	const char *basis;  /* instrument and article */
	bool bars;          /* true when this finding bars the claim */
} rep_finding;

/* One itemized line. Strings are owned by the estimate; optional ones NULL. */
typedef struct rep_line {
	const char *head;      /* "liberty", "lost_earnings", "property", "moral_harm", "cap", ... */
	const char *group;     /* a scheme's grouping, e.g. "(c) material damage and loss of earnings" */
	const char *klass;     /* "pecuniary" or "non_pecuniary" */
	const char *label;
	const char *basis;
	const char *formula;   /* in words, with its inputs */
	const char *quantity;  /* e.g. "365" */
	const char *unit;      /* e.g. "day" */
	const char *rate;      /* e.g. "75" */
	const char *nominal;   /* before indexation, interest or discounting */
	const char *adjustment;/* the method and points of that adjustment */
	const char *amount;    /* rounded decimal string */
	const char *note;
} rep_line;

/* A reference value used, with its provenance. */
typedef struct rep_refpoint {
	const char *series;
	const char *date;       /* the date asked */
	const char *from;       /* the point's effective-from date */
	const char *value;
	const char *confidence;
	const char *source;
} rep_refpoint;

/* An option in force (default or set by the user). */
typedef struct rep_option_value {
	const char *name;
	const char *value;
	bool user_set;
} rep_option_value;

/* Evaluate `c` under the scheme `scheme_id`. `opts` may be NULL. An
 * ineligible case is not an error: the estimate says why (findings),
 * has no lines and a zero total, and reports what the lines would have
 * come to in total_if_eligible. Errors: REP_ENOTFOUND (unknown scheme),
 * REP_EINVAL (bad option, invalid case), REP_ENODATA (reference data or an
 * exchange rate missing for a date). Caller frees *out. */
REP_API rep_status rep_estimate_compute(rep_estimate **out, const rep_context *ctx, const rep_case *c,
					const char *scheme_id, const rep_options *opts, rep_error *err);
REP_API void rep_estimate_free(rep_estimate *e);

/* How much of an estimate an evaluation builds. */
typedef enum rep_detail {
	/* every line with its words: label, basis, formula, quantity, unit,
	 * rate, nominal, adjustment, note and amount (what the renderers print) */
	REP_DETAIL_FULL = 0,
	/* the figures only, for sweeps and batches: eligibility, findings,
	 * warnings, options, reference points, totals, range, days, per day and
	 * per-head subtotals (rep_estimate_heads) are as in a full evaluation;
	 * each line keeps its head, group, class and basis; its label and other
	 * words, amount included, are "" (no text is built for them: a label
	 * may quote the case's description) */
	REP_DETAIL_TOTALS = 1
} rep_detail;

/* rep_estimate_compute with a detail and a reusable estimate: when *e is
 * NULL a new estimate is made (caller frees it), else *e is evaluated again
 * in place, its previous content dropped and its memory kept, so a loop
 * over many cases allocates nothing once it has warmed up. Pointers taken
 * from *e before the call are invalid after it. On failure *e is still the
 * caller's to free or reuse, and reads as an empty estimate (no lines,
 * totals ""). REP_EINVAL for an unknown detail. */
REP_API rep_status rep_estimate_eval(rep_estimate **e, const rep_context *ctx, const rep_case *c,
				     const char *scheme_id, const rep_options *opts, rep_detail detail,
				     rep_error *err);

REP_API const char *rep_estimate_scheme(const rep_estimate *e);
REP_API const char *rep_estimate_scheme_name(const rep_estimate *e);
REP_API const char *rep_estimate_currency(const rep_estimate *e);
REP_API const char *rep_estimate_as_of(const rep_estimate *e);
REP_API bool rep_estimate_eligible(const rep_estimate *e);
REP_API const char *rep_estimate_total(const rep_estimate *e);
REP_API const char *rep_estimate_total_pecuniary(const rep_estimate *e);
REP_API const char *rep_estimate_total_non_pecuniary(const rep_estimate *e);
/* What the lines come to when the claim is barred ("0.00" style when eligible: same as total). */
REP_API const char *rep_estimate_total_if_eligible(const rep_estimate *e);
/* Range where the law leaves a figure to a court: low/high totals and which
 * value the total uses ("low", "high", "default", "option"). false if none. */
REP_API bool rep_estimate_range(const rep_estimate *e, const char **low, const char **high, const char **uses);
/* Days of deprivation of liberty counted (merged, inclusive) and the total per day ("" if no days). */
REP_API long rep_estimate_days(const rep_estimate *e);
REP_API const char *rep_estimate_per_day(const rep_estimate *e);

REP_API size_t rep_estimate_finding_count(const rep_estimate *e);
REP_API const rep_finding *rep_estimate_finding(const rep_estimate *e, size_t i);
REP_API size_t rep_estimate_line_count(const rep_estimate *e);
REP_API const rep_line *rep_estimate_line(const rep_estimate *e, size_t i);
REP_API size_t rep_estimate_warning_count(const rep_estimate *e);
REP_API const char *rep_estimate_warning(const rep_estimate *e, size_t i);
REP_API size_t rep_estimate_refpoint_count(const rep_estimate *e);
REP_API const rep_refpoint *rep_estimate_refpoint(const rep_estimate *e, size_t i);
REP_API size_t rep_estimate_option_count(const rep_estimate *e);
REP_API const rep_option_value *rep_estimate_option(const rep_estimate *e, size_t i);

/* The same as rep_estimate_compute, valued at `as_of` instead of the case's
 * own valuation date (the case is not changed, so one case can be valued at
 * many dates, from many threads). The case is checked against that date
 * first (no period may end after it). as_of == REP_DATE_NONE: the case's. */
REP_API rep_status rep_estimate_compute_at(rep_estimate **out, const rep_context *ctx, const rep_case *c,
					   const char *scheme_id, const rep_options *opts, rep_date as_of,
					   rep_error *err);

/* The scheme's notes: the rules chosen where the law is unclear ("" if none). */
REP_API const char *rep_estimate_notes(const rep_estimate *e);

/* A citation of the scheme (instrument, article, URL; article and url may be NULL). */
typedef struct rep_citation {
	const char *instrument;
	const char *article;
	const char *url;
} rep_citation;
REP_API size_t rep_estimate_citation_count(const rep_estimate *e);
/* REP_ENOTFOUND past the end. Strings owned by the estimate's scheme (the context). */
REP_API rep_status rep_estimate_citation_at(const rep_estimate *e, size_t i, rep_citation *out);

/* One contribution to the range (rep_estimate_range): which benchmark or band
 * gives which low and high figure, and on what basis. */
typedef struct rep_range_item_info {
	const char *label;
	const char *low;
	const char *high;
	const char *basis;
} rep_range_item_info;
REP_API size_t rep_estimate_range_item_count(const rep_estimate *e);
REP_API rep_status rep_estimate_range_item_at(const rep_estimate *e, size_t i, rep_range_item_info *out);

/* Output formats of rep_estimates_render: rep_format (format.h). */

/* Render estimates of one case: JSON is {"case": ID, "as_of": DATE,
 * "estimates": [ESTIMATE, ...]}. *out is malloc'd (caller frees with free()),
 * NUL-terminated, *len its length (len may be NULL). */
REP_API rep_status rep_estimates_render(char **out, size_t *len, const char *case_id,
					const rep_estimate *const *estimates, size_t n, rep_format format,
					rep_error *err);

/* How to render, beyond the format: the language of the human text, the
 * width of the table, localized numbers in CSV, and the case itself (its
 * facts head the HTML statement; its own texts are never flagged as
 * untranslated). Defaults: English, 100 columns, plain CSV, no case.
 * A language changes only human text: JSON keys, enum values, scheme ids
 * and plain amounts stay as they are. The options may be shared by
 * threads once set; the case is borrowed and must outlive the render call. */
typedef struct rep_render_opts rep_render_opts;
REP_API rep_status rep_render_opts_new(rep_render_opts **out);
REP_API void rep_render_opts_free(rep_render_opts *o);
/* "en", "ru" or "kk"; REP_EINVAL naming the languages otherwise. */
REP_API rep_status rep_render_opts_set_lang(rep_render_opts *o, const char *lang, rep_error *err);
/* Terminal columns for the table (0: 100; at least 40 are used). */
REP_API void rep_render_opts_set_width(rep_render_opts *o, unsigned columns);
/* CSV amounts formatted for the language ("1 234,50"), as in the other human formats. */
REP_API void rep_render_opts_set_human(rep_render_opts *o, bool human);
REP_API void rep_render_opts_set_case(rep_render_opts *o, const rep_case *c);
/* The languages there are, as "en, ru, kk". */
REP_API const char *rep_languages(void);

/* rep_estimates_render with options (o may be NULL: the defaults). */
REP_API rep_status rep_estimates_render_opts(char **out, size_t *len, const char *case_id,
					     const rep_estimate *const *estimates, size_t n, rep_format format,
					     const rep_render_opts *o, rep_error *err);

#ifdef __cplusplus
}
#endif
#endif
