/* The comparison's insides: built by lib/compare.c, read by its renderers
 * (lib/io/render_compare.c, lib/io/render_html.c). */
#ifndef REP_COMPARE_INTERNAL_H
#define REP_COMPARE_INTERNAL_H

#include "arena.h"
#include "reparations/compare.h"
#include "reparations/dates.h"

struct rep_comparison {
	rep_arena arena;
	const char *case_id;
	char as_of[REP_DATE_TEXT_SIZE];
	const char *report_currency;
	rep_comparison_row *rows;
	rep_estimate **estimates;
	size_t n;
};

#endif
