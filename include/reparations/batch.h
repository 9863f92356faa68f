/* reparations: many cases under many schemes, and parameter sweeps.
 *
 * A batch evaluates every case under every scheme of a list and hands the
 * results back one row per case x scheme, in input order, whatever the
 * number of threads. Its cases come from memory (rep_case pointers) or
 * stream from JSON Lines text, one case per line, read in constant memory.
 * A case that cannot be read or evaluated is a row with an error (status,
 * JSON path, message, line number), never the end of the batch.
 *
 * A sweep re-evaluates one parsed case over a grid: each axis varies one
 * field of the case (a date of a detention, an amount of a harm) or one
 * scheme option, from a value to a value by a step. The case is read once;
 * each thread edits its own copy.
 *
 *     rep_batch *b;
 *     const char *ids[] = {"de-streg", "us-federal"};
 *     rep_batch_new(&b, ctx, ids, 2, NULL, &err);       // opts NULL: defaults
 *     rep_batch_set_jobs(b, 4);
 *     rep_batch_run_jsonl(b, stdin, on_row, user, &err); // on_row called in order
 *     rep_batch_free(b);
 *
 * Threads: the callback runs in the calling thread, never concurrently with
 * itself. The context and the cases must stay unchanged while a run lasts. */
#ifndef REPARATIONS_BATCH_H
#define REPARATIONS_BATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "status.h"
#include "context.h"
#include "case.h"
#include "scheme.h"
#include "estimate.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Documented limits. A JSON Lines line longer than REP_BATCH_MAX_LINE bytes
 * (its newline excluded) is an error row (REP_ELIMIT) and is skipped without
 * being held in memory. A batch runs at most REP_BATCH_MAX_JOBS threads and
 * REP_BATCH_MAX_SCHEMES schemes; a sweep has at most REP_SWEEP_MAX_AXES axes
 * and REP_SWEEP_MAX_POINTS grid points (checked when an axis is added, before
 * anything is evaluated). */
#define REP_BATCH_MAX_LINE (1u << 20)
#define REP_BATCH_MAX_JOBS 256
#define REP_BATCH_MAX_SCHEMES 256
#define REP_SWEEP_MAX_AXES 8
#define REP_SWEEP_MAX_POINTS 1000000

typedef struct rep_batch rep_batch;

/* A batch of the schemes `scheme_ids[0..n_schemes-1]` (copied) with the
 * options `opts` (copied; NULL: every option at its default), one thread.
 * An unknown scheme id is not an error here: each of its rows will be one
 * (REP_ENOTFOUND), as a missing exchange rate is. Options are checked against
 * the context now (REP_EINVAL/REP_ENOTFOUND naming the option). Caller frees. */
REP_API rep_status rep_batch_new(rep_batch **out, const rep_context *ctx, const char *const *scheme_ids,
				 size_t n_schemes, const rep_options *opts, rep_error *err);
REP_API void rep_batch_free(rep_batch *b);
/* Threads used by the next runs, the calling one included: 1..REP_BATCH_MAX_JOBS
 * (REP_EINVAL otherwise); 0 means one per online processor. */
REP_API rep_status rep_batch_set_jobs(rep_batch *b, unsigned jobs);
REP_API unsigned rep_batch_jobs(const rep_batch *b);
/* What each row's estimate holds (see rep_detail in estimate.h): REP_DETAIL_FULL
 * (the default: every line with its words) or REP_DETAIL_TOTALS (the figures
 * only: totals, range, heads, warnings; no words built for lines), several
 * times faster for rows that print totals. REP_EINVAL for another value. */
REP_API rep_status rep_batch_set_detail(rep_batch *b, rep_detail detail);
REP_API size_t rep_batch_scheme_count(const rep_batch *b);
REP_API const char *rep_batch_scheme(const rep_batch *b, size_t i);

/* One row: one case (or one JSON Lines line) under one scheme. Everything it
 * points to belongs to the run and lives until the callback returns. */
typedef struct rep_batch_row {
	size_t index;                 /* 0-based position of the case (or grid point) in the input */
	size_t line;                  /* 1-based line of a JSON Lines input; 0 otherwise */
	const char *case_id;          /* "" when the case has none or could not be read */
	size_t scheme_index;          /* into the batch's schemes */
	const char *scheme;           /* NULL for a line that could not be read: one row for the line */
	rep_status status;            /* REP_OK, or why there is no estimate */
	const rep_error *error;       /* status, JSON path and message; message "" when REP_OK */
	const rep_estimate *estimate; /* NULL unless status == REP_OK */
	const char *const *point;     /* a sweep: the value of each axis at this point; NULL in a batch */
} rep_batch_row;

/* Called once per row, in input order (case by case, and within a case in
 * the order of the batch's schemes). Return REP_OK to go on; any other status
 * stops the run, which then returns that status (a write error, --fail-fast). */
typedef rep_status (*rep_batch_fn)(void *user, const rep_batch_row *row);

/* Evaluate cases[0..n-1] under every scheme. Returns REP_OK when every row
 * was delivered (rows may carry errors), the callback's status when it
 * stopped the run, REP_ENOMEM when memory ran out. */
REP_API rep_status rep_batch_run(rep_batch *b, const rep_case *const *cases, size_t n, rep_batch_fn fn, void *user,
				 rep_error *err);

/* The same into an array: results[i * n_schemes + k] is case i under scheme
 * k. Each element's estimate is owned by the caller (free each with
 * rep_estimate_free; NULL when status is not REP_OK, error then says why). */
typedef struct rep_batch_result {
	rep_status status;
	rep_error error;
	rep_estimate *estimate;
} rep_batch_result;
REP_API rep_status rep_batch_compute(rep_batch *b, const rep_case *const *cases, size_t n,
				     rep_batch_result *results, rep_error *err);

/* Read cases from `in`, JSON Lines: one case object (docs/case-format.md) per
 * line, UTF-8 (a UTF-8 byte-order mark at the start is skipped), lines ending
 * in \n or \r\n; blank lines are skipped but counted. Memory stays bounded
 * whatever the input's length. Per line, these are error rows (scheme NULL,
 * `line` set, case_id when the text has a readable "id"): malformed JSON,
 * an invalid field (the error's path names it), a line over
 * REP_BATCH_MAX_LINE, bytes that are not UTF-8 (REP_ESYNTAX with the byte's
 * column). Returns REP_EIO when reading fails, REP_ESYNTAX (err says so) when
 * the text starts with a UTF-16 or UTF-32 byte-order mark, else as rep_batch_run.
 * `in` is read to its end (or to where the run stopped) and not closed. */
REP_API rep_status rep_batch_run_jsonl(rep_batch *b, FILE *in, rep_batch_fn fn, void *user, rep_error *err);

/* The same from case texts already in memory: texts[i] holds lens[i] bytes of
 * one case's JSON (any layout; at most REP_JSON_MAX_BYTES, see case.h). The
 * cases are read by the batch's threads; a text that cannot be read is one
 * error row (scheme NULL, line 0, index i). The texts must stay unchanged
 * until the run returns. */
REP_API rep_status rep_batch_run_texts(rep_batch *b, const char *const *texts, const size_t *lens, size_t n,
				       rep_batch_fn fn, void *user, rep_error *err);

/* Subtotals per head ("liberty", "moral_harm", "cap", ...): the sum of the
 * lines of each head of `e`, heads in the order they first appear, amounts
 * printed like the lines' (exact: the lines are already rounded). Fills at
 * most `max` entries and returns how many heads there are. */
typedef struct rep_head_total {
	const char *head;   /* owned by the estimate */
	char amount[80];
} rep_head_total;
REP_API size_t rep_estimate_heads(const rep_estimate *e, rep_head_total *out, size_t max);

/* ---- sweeps ---- */

typedef struct rep_sweep rep_sweep;

/* A sweep of a copy of `c` (the caller may free c afterwards), with no axis
 * yet (one grid point: the case as it is). Caller frees. */
REP_API rep_status rep_sweep_new(rep_sweep **out, const rep_case *c, rep_error *err);
REP_API void rep_sweep_free(rep_sweep *s);

/* Add an axis "PATH=FROM:TO:STEP" or "PATH=V1,V2,...". PATH is one of
 *   detentions[i].start  detentions[i].end  (dates)
 *   harms[i].start  harms[i].end  harms[i].date  (dates)
 *   harms[i].amount  .monthly  .annual  .years  .growth  .discount_rate  (decimals)
 *   as_of  proceedings.decision_date  proceedings.notice_date  proceedings.application_date
 *   option:SCHEME.NAME  (a scheme option, decimal or, in the list form, a choice)
 * For dates, FROM and TO are YYYY-MM-DD and STEP is a count of days, months
 * or years: "30d" (or "30"), "1m", "1y"; a month step clamps the day to the
 * month's end. For decimals, FROM, TO and STEP are decimals (STEP > 0); the
 * values are FROM + k*STEP up to TO inclusive, printed exactly. The first
 * axis varies slowest. Errors: REP_ESYNTAX/REP_EINVAL naming the spec
 * (REP_EINVAL too for a field or option another axis already varies),
 * REP_ENOTFOUND for an index beyond the case's detentions or harms,
 * REP_ELIMIT past REP_SWEEP_MAX_AXES or REP_SWEEP_MAX_POINTS points. */
REP_API rep_status rep_sweep_add(rep_sweep *s, const char *spec, rep_error *err);
REP_API size_t rep_sweep_axis_count(const rep_sweep *s);
REP_API const char *rep_sweep_axis_path(const rep_sweep *s, size_t i);
/* Grid points: the product of the axes' lengths (1 with no axis). */
REP_API size_t rep_sweep_point_count(const rep_sweep *s);

/* Evaluate every grid point under the batch's schemes (and options; an
 * option axis overrides that option), with the batch's threads. Rows come in
 * grid order, row.point giving each axis' value; a point that makes the
 * case invalid (an end before its start) is an error row naming the field. */
REP_API rep_status rep_sweep_run(const rep_sweep *s, rep_batch *b, rep_batch_fn fn, void *user, rep_error *err);

#ifdef __cplusplus
}
#endif
#endif
