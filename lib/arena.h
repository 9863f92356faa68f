/* A bump allocator: many small objects freed together. Estimates and JSON
 * trees allocate all their lines and strings from one, so building an
 * estimate costs a few allocations, not one per line. */
#ifndef REP_ARENA_H
#define REP_ARENA_H

#include <stdarg.h>
#include <stddef.h>

typedef struct rep_arena_block rep_arena_block;
typedef struct rep_arena {
	rep_arena_block *head;
	size_t block_size;
} rep_arena;

void rep_arena_init(rep_arena *a, size_t block_size);
void rep_arena_release(rep_arena *a);
/* Zeroed memory aligned for any object; NULL when out of memory. */
void *rep_arena_alloc(rep_arena *a, size_t size);
char *rep_arena_strndup(rep_arena *a, const char *s, size_t n);
char *rep_arena_strdup(rep_arena *a, const char *s);
char *rep_arena_printf(rep_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
