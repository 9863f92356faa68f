/* "Did you mean ...?": the nearest names to a mistyped one, for error messages. */
#ifndef REP_SUGGEST_H
#define REP_SUGGEST_H

#include <stddef.h>

/* Write into `out` the candidates (at most 3, nearest first, ", "-separated)
 * within a small edit distance of `word` (case-insensitive; a candidate that
 * starts with `word` also counts). Returns how many were written; out is ""
 * when none are near. `get(i, ctx)` yields the i-th of n candidates. */
size_t rep_suggest(char *out, size_t size, const char *word, const char *(*get)(size_t i, const void *ctx),
		   const void *ctx, size_t n);

#endif
