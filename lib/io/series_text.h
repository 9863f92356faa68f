/* Reading reference series from text: the CSV and JSON formats of
 * docs/refdata.md, into series not yet merged (lib/refdata.c merges them
 * into a context). Nothing below the engine reads a text format. */
#ifndef REP_SERIES_TEXT_H
#define REP_SERIES_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "reparations/context.h"

/* Documented limits (docs/refdata.md). */
#define MAX_POINTS 100000          /* points in one loaded file */
#define MAX_TEXT ((size_t)16 << 20) /* bytes of CSV text (JSON has REP_JSON_MAX_BYTES) */
#define MAX_FIELD 4096             /* bytes in a name, unit, description or source */
#define MAX_ID 64                  /* bytes in a series id */

typedef struct loaded {
	const char *id, *name, *unit, *description; /* in the temporary arena; NULL when absent */
	rep_date until;
	rep_series_point *points; /* rep_malloc'd */
	size_t n, cap;
	/* where to point an error: "line 3" or a JSON path (NULL: nowhere) */
	const char *at_series, *at_unit, *at_first, *at_until;
} loaded;

typedef struct loading {
	rep_arena tmp;
	loaded *s;
	size_t n, cap;
	size_t total_points;
} loading;

/* Parse text into L (zeroed, L->tmp initialised by the caller); free with
 * rep_series_loading_free, also on error. */
rep_status rep_series_parse_csv(loading *L, const char *text, size_t len, rep_error *err);
rep_status rep_series_parse_json(loading *L, const char *text, size_t len, rep_error *err);
void rep_series_loading_free(loading *L);
/* Three capital letters (the form of an ISO 4217 code, not a check that it exists). */
bool rep_is_currency_code(const char *s);

#endif
