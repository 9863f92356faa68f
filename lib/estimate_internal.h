/* The estimate object's insides: built by the engine, read by renderers. */
#ifndef REP_ESTIMATE_INTERNAL_H
#define REP_ESTIMATE_INTERNAL_H

#include <gmp.h>
#include <stdint.h>

#include "arena.h"
#include "reparations/estimate.h"
#include "scheme_def.h"

typedef struct rep_range_item {
	const char *label;
	const char *low, *high;
	const char *basis;
} rep_range_item;

/* A line's rounded amount in minor units (amount x 10^places), when it
 * fits in 64 bits: totals and subtotals are then integer sums, exactly the
 * GMP sums of the same amounts. */
typedef struct rep_line_num {
	int64_t minor;
	bool fits;
	bool pecuniary;
} rep_line_num;

/* The lines of one pass: the chosen rates (the estimate's), or a range
 * pass's scratch set. The first `ready` amounts are initialised and stay so
 * when lines are dropped, so a reused estimate does not allocate them again. */
typedef struct rep_lineset {
	rep_line *lines;
	mpq_t *amounts;          /* rounded amount of each line, exact */
	rep_line_num *nums;
	size_t n, cap, ready;
} rep_lineset;

/* Scratch rationals the engine takes and gives back as a stack (see
 * rep_eng_q): kept with the estimate, so a reused estimate evaluates
 * without a GMP allocation for them. The first `ready` are initialised. */
#define REP_EST_SCRATCH 48

/* The exchange rates of a reused estimate's past evaluations, kept for its
 * next ones (lib/engine/refs.c): each lookup's rate, and what recording it
 * added to the estimate (reference points, warnings) in the order it added
 * them, with their words in the plan's own arena. A batch or sweep of
 * cases in one currency and at one valuation date then looks a rate up
 * and words its sources once, not once per case. The plan holds for the
 * context (and generation) of `last` below, the one it was made under. */
#define REP_FX_PLAN_MAX 8
typedef struct rep_fx_event {
	rep_refpoint ref;         /* ref.series NULL: the event is a warning alone */
	const char *warning;      /* that warning, or the one a new reference point brings (NULL: none) */
} rep_fx_event;

typedef struct rep_fx_plan_entry {
	char from[4], to[4];
	rep_date date;
	bool lax;                 /* a series' latest point may stand in after its end (not strict data) */
	size_t first, n;          /* its events */
} rep_fx_plan_entry;

typedef struct rep_fx_plan {
	rep_arena arena;
	mpq_t rate[REP_FX_PLAN_MAX];
	unsigned rate_ready;
	rep_fx_plan_entry entry[REP_FX_PLAN_MAX];
	size_t n;
	rep_fx_event *ev;
	size_t n_ev, cap_ev;
	bool capturing;           /* a lookup under way adds its events */
	bool capture_failed;
} rep_fx_plan;

struct rep_estimate {
	rep_arena arena;
	mpq_t q[REP_EST_SCRATCH];
	unsigned q_ready;
	const rep_scheme_def *def;
	const char *case_id;
	const char *currency;
	int places;
	rep_round rounding;
	char as_of[REP_DATE_TEXT_SIZE];
	bool eligible;
	long days;

	rep_finding *findings;
	size_t n_findings, cap_findings;
	rep_lineset ls;          /* the lines; ls.n of them */
	rep_lineset side;        /* a range pass's lines, swapped in for the pass */
	rep_arena scratch;       /* a range pass's strings, dropped after it */
	rep_detail detail;
	const char **warnings;
	size_t n_warnings, cap_warnings;
	rep_refpoint *refs;
	size_t n_refs, cap_refs;
	rep_option_value *opts;
	size_t n_opts, cap_opts;
	rep_range_item *range_items;
	size_t n_range_items, cap_range_items;
	rep_fx_plan fx_plan;     /* kept by rep_estimate_reset */
	/* the context (and its generation) of the last evaluation, and its
	 * scheme, kept for the next one of the same id in the same context; the
	 * fx plan and the figures hold for that context too. And the minor
	 * units of the last currency looked up. */
	struct {
		const rep_context *ctx;
		uint64_t ctx_id, ctx_gen;
		const rep_scheme_def *def;
		char currency[4];
		int places;
	} last;
	/* figures of that scheme's data (rates, caps, thresholds) as parsed, by
	 * the address of their text: the scheme's, so stable while it is kept */
#define REP_FIGURES_KEPT 16
	struct {
		const char *text;
		mpq_t value;
	} figure[REP_FIGURES_KEPT];
	unsigned n_figures, figures_ready;

	const char *total, *total_pecuniary, *total_non_pecuniary, *total_if_eligible;
	const char *per_day;
	bool has_range;
	const char *range_low, *range_high, *range_uses;
};

/* Empty the estimate for another evaluation, keeping its memory. */
void rep_estimate_reset(rep_estimate *e);

#endif
