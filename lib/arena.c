#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "internal.h"

struct rep_arena_block {
	rep_arena_block *next;
	size_t used, size;
	_Alignas(max_align_t) unsigned char data[];
};

void rep_arena_init(rep_arena *a, size_t block_size)
{
	a->head = NULL;
	a->block_size = block_size ? block_size : 4096;
	a->failed = false;
}

void rep_arena_release(rep_arena *a)
{
	rep_arena_block *b = a->head;
	while (b) {
		rep_arena_block *next = b->next;
		rep_free(b);
		b = next;
	}
	a->head = NULL;
}

/* An arena reused for evaluation after evaluation that needed several
 * blocks each time grows its block to what it used, up to this, so that
 * it settles on one block and allocates nothing. */
#define ARENA_GROW_MAX (256u << 10)

void rep_arena_reset(rep_arena *a)
{
	size_t used = 0, n = 0;
	for (rep_arena_block *b = a->head; b; b = b->next, n++)
		used += b->used;
	if (n > 1 && a->block_size < ARENA_GROW_MAX && used > a->block_size) {
		size_t grown = a->block_size;
		while (grown < used && grown < ARENA_GROW_MAX)
			grown *= 2;
		rep_arena_release(a);
		a->block_size = grown;
		a->failed = false;
		return;
	}
	/* keep one block of the arena's own size (not an oversized one made
	 * for a single long text), so a reused arena stays small */
	rep_arena_block *keep = NULL, *b = a->head;
	while (b) {
		rep_arena_block *next = b->next;
		if (!keep && b->size == a->block_size) {
			keep = b;
			keep->used = 0;
			keep->next = NULL;
		} else {
			rep_free(b);
		}
		b = next;
	}
	a->head = keep;
	a->failed = false;
}

void *rep_arena_alloc(rep_arena *a, size_t size)
{
	const size_t align = _Alignof(max_align_t);
	if (size > ((size_t)-1) / 2) {
		a->failed = true;
		return NULL;
	}
	size = (size + align - 1) & ~(align - 1);
	rep_arena_block *b = a->head;
	if (!b || b->size - b->used < size) {
		size_t cap = size > a->block_size ? size : a->block_size;
		b = rep_malloc(sizeof *b + cap);
		if (!b) {
			a->failed = true;
			return NULL;
		}
		b->size = cap;
		b->used = 0;
		b->next = a->head;
		a->head = b;
	}
	void *p = b->data + b->used;
	b->used += size;
	memset(p, 0, size);
	return p;
}

char *rep_arena_strndup(rep_arena *a, const char *s, size_t n)
{
	char *d = rep_arena_alloc(a, n + 1);
	if (!d)
		return NULL;
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *rep_arena_strdup(rep_arena *a, const char *s)
{
	return s ? rep_arena_strndup(a, s, strlen(s)) : NULL;
}

char *rep_arena_printf(rep_arena *a, const char *fmt, ...)
{
	va_list ap;
	/* one pass when the text fits in the current block (nearly always) */
	rep_arena_block *b = a->head;
	if (b && b->size > b->used) {
		char *d = (char *)b->data + b->used;
		size_t room = b->size - b->used;
		va_start(ap, fmt);
		int n = vsnprintf(d, room, fmt, ap);
		va_end(ap);
		if (n < 0)
			return NULL;
		if ((size_t)n < room) {
			const size_t align = _Alignof(max_align_t);
			size_t used = b->used + (((size_t)n + 1 + align - 1) & ~(align - 1));
			b->used = used < b->size ? used : b->size;
			return d;
		}
	}
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		a->failed = true;
		return NULL;
	}
	char *d = rep_arena_alloc(a, (size_t)n + 1);
	if (!d)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(d, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return d;
}

char *rep_arena_concat(rep_arena *a, ...)
{
	va_list ap;
	size_t n = 0;
	va_start(ap, a);
	for (const char *s; (s = va_arg(ap, const char *));)
		n += strlen(s);
	va_end(ap);
	char *d = rep_arena_alloc(a, n + 1);
	if (!d)
		return NULL;
	char *w = d;
	va_start(ap, a);
	for (const char *s; (s = va_arg(ap, const char *));) {
		size_t k = strlen(s);
		memcpy(w, s, k);
		w += k;
	}
	va_end(ap);
	*w = '\0';
	return d;
}
