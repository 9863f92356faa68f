/* A bump allocator: many small objects freed together. Estimates and JSON
 * trees allocate all their lines and strings from one, so building an
 * estimate costs a few allocations, not one per line. A failed allocation
 * is sticky: `failed` stays set, so a builder that formats many strings
 * can check once at the end that none of them went missing. */
#ifndef REP_ARENA_H
#define REP_ARENA_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct rep_arena_block rep_arena_block;
typedef struct rep_arena {
	rep_arena_block *head;
	size_t block_size;
	bool failed; /* some allocation returned NULL */
} rep_arena;

void rep_arena_init(rep_arena *a, size_t block_size);
void rep_arena_release(rep_arena *a);
/* Everything allocated is dropped; one block is kept for what comes next,
 * so an arena reused for one evaluation after another allocates nothing in
 * the steady state. */
void rep_arena_reset(rep_arena *a);
/* Zeroed memory aligned for any object; NULL when out of memory. */
void *rep_arena_alloc(rep_arena *a, size_t size);
char *rep_arena_strndup(rep_arena *a, const char *s, size_t n);
char *rep_arena_strdup(rep_arena *a, const char *s);
char *rep_arena_printf(rep_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The strings given, up to a NULL, end to end: what a printf of only %s
 * would build, at the cost of copying them. */
char *rep_arena_concat(rep_arena *a, ...) __attribute__((sentinel));

#endif
