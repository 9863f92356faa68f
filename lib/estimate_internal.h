/* The estimate object's insides: built by the engine, read by renderers. */
#ifndef REP_ESTIMATE_INTERNAL_H
#define REP_ESTIMATE_INTERNAL_H

#include <gmp.h>

#include "arena.h"
#include "reparations/estimate.h"
#include "scheme_def.h"

typedef struct rep_range_item {
	const char *label;
	const char *low, *high;
	const char *basis;
} rep_range_item;

struct rep_estimate {
	rep_arena arena;
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
	rep_line *lines;
	mpq_t *amounts;          /* rounded amount of each line, exact */
	size_t n_lines, cap_lines;
	const char **warnings;
	size_t n_warnings, cap_warnings;
	rep_refpoint *refs;
	size_t n_refs, cap_refs;
	rep_option_value *opts;
	size_t n_opts, cap_opts;
	rep_range_item *range_items;
	size_t n_range_items, cap_range_items;

	const char *total, *total_pecuniary, *total_non_pecuniary, *total_if_eligible;
	const char *per_day;
	bool has_range;
	const char *range_low, *range_high, *range_uses;
};

#endif
