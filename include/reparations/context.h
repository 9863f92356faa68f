/* reparations: the context.
 *
 * A context holds what an evaluation reads besides the case: the built-in
 * schemes and reference series, plus whatever the user loaded (scheme
 * files, replacement series, exchange rates). Load everything first; then a
 * context is only read, and many threads may compute estimates against one
 * context at once. Do not modify a context while other threads use it. */
#ifndef REPARATIONS_CONTEXT_H
#define REPARATIONS_CONTEXT_H

#include <stddef.h>
#include <gmp.h>
#include "status.h"
#include "dates.h"
#include "format.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct rep_context rep_context;

/* A context with the built-in schemes and series. Caller frees. */
REP_API rep_status rep_context_new(rep_context **out, rep_error *err);
REP_API void rep_context_free(rep_context *ctx);

/* ---- reference series (dated values: MCI, wages, CPI, rates, FX) ---- */

/* One point of a series: in force from `from` until the next point. */
typedef struct rep_series_point {
	rep_date from;
	const char *value;      /* decimal string */
	const char *confidence; /* "verified", "secondary" or "unverified" */
	const char *source;
} rep_series_point;

typedef struct rep_series_info {
	const char *id;          /* "KZ.MCI" */
	const char *name;        /* "Monthly calculation index (МРП)" */
	const char *unit;        /* "KZT", "percent", "index", "KZT per EUR" */
	const char *description;
	rep_date until;          /* the last date the series covers */
	size_t n_points;
	int user_loaded;         /* 1 when loaded by the user (replacing or extending built-in data) */
} rep_series_info;

REP_API size_t rep_series_count(const rep_context *ctx);
/* Info and points of the i-th series (sorted by id). Strings owned by ctx. */
REP_API rep_status rep_series_at(const rep_context *ctx, size_t i, rep_series_info *info);
REP_API rep_status rep_series_find(const rep_context *ctx, const char *id, rep_series_info *info);
REP_API rep_status rep_series_point_at(const rep_context *ctx, const char *id, size_t i, rep_series_point *pt);
/* The value in force on `date`. REP_ENOTFOUND for an unknown series;
 * REP_ENODATA for a date before the first point or after `until`, with a
 * message naming the series and its range (never a silent extrapolation).
 * `value` initialised by the caller; `pt` may be NULL. */
REP_API rep_status rep_series_lookup(const rep_context *ctx, const char *id, rep_date date, mpq_t value,
				     rep_series_point *pt, rep_error *err);

/* Load series from CSV or JSON text (format "csv" or "json"; see
 * docs/refdata.md). A loaded series replaces a built-in one of the same id
 * on the dates it covers and extends it beyond. */
REP_API rep_status rep_context_load_series(rep_context *ctx, const char *text, size_t len, const char *format,
					   rep_error *err);

/* Render the series list (series == NULL) or one series' points with
 * their sources, as REP_FORMAT_TABLE or REP_FORMAT_JSON. *out malloc'd;
 * caller frees with free(). */
REP_API rep_status rep_refdata_render(char **out, size_t *len, const rep_context *ctx, const char *series,
				      rep_format format, rep_error *err);

/* ---- exchange rates ---- */

/* Set a user exchange rate: `pair` is "EUR/KZT" (1 EUR = rate KZT), valid
 * from `from` (REP_DATE_NONE: for every date) and named `source` (may be
 * NULL: "user-supplied"). It takes precedence over built-in rates. */
REP_API rep_status rep_context_set_fx(rep_context *ctx, const char *pair, const char *rate, rep_date from,
				      const char *source, rep_error *err);
/* Load exchange rates from text: one "FROM/TO=RATE[,YYYY-MM-DD]" per line
 * (the `--fx-file` format: '#' comments and blank lines ignored, LF or CRLF),
 * each as rep_context_set_fx would set it, later lines winning. At most
 * REP_FX_TEXT_MAX_BYTES; n lines cost O(n log n). An error names the line
 * ("line 3: ..."), and then nothing of the text is kept. The _named form
 * gives every rate `source` (e.g. the file's name) instead of
 * "user-supplied (fx file)". */
#define REP_FX_TEXT_MAX_BYTES (64u << 20)
REP_API rep_status rep_context_load_fx(rep_context *ctx, const char *text, size_t len, rep_error *err);
REP_API rep_status rep_context_load_fx_named(rep_context *ctx, const char *text, size_t len, const char *source,
					     rep_error *err);
/* Units of `to` per unit of `from` on `date`, from user rates, then built-in
 * FX series (direct or inverse). REP_ENODATA naming the pair and date if none. */
REP_API rep_status rep_fx_lookup(const rep_context *ctx, const char *from, const char *to, rep_date date, mpq_t rate,
				 rep_series_point *pt, rep_error *err);

/* ---- strict data ---- */

/* By default a valuation date after a series' last point (the default as_of
 * is today, later than any built-in series) uses the latest point, and the
 * estimate warns, naming the series, the point's date and how to supply a
 * current value. With strict set (nonzero) that is an error (REP_ENODATA)
 * instead. Set it before sharing the context between threads (REP_EBUSY
 * while others compute with it). */
REP_API rep_status rep_context_set_strict_data(rep_context *ctx, int strict);
REP_API int rep_context_strict_data(const rep_context *ctx);

/* ---- user schemes ---- */

/* Add a scheme defined in JSON (docs/schemes.md). A user scheme with the id
 * of a built-in one replaces it. */
REP_API rep_status rep_context_load_scheme(rep_context *ctx, const char *json, size_t len, rep_error *err);

#ifdef __cplusplus
}
#endif
#endif
