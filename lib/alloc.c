/* The library's allocator: a thin layer over malloc that the fault-injection
 * build can make fail on the n-th call, per thread. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "reparations/fault.h"

#ifdef REP_FAULT_INJECTION
/* Per thread, so concurrent tests do not disturb each other. */
static _Thread_local long fault_countdown;
static _Thread_local long fault_count;

static int should_fail(void)
{
	fault_count++;
	if (fault_countdown > 0 && --fault_countdown == 0)
		return 1;
	return 0;
}

bool rep_fault_fail_allocation(long n)
{
	fault_countdown = n > 0 ? n : 0;
	fault_count = 0;
	return true;
}

long rep_fault_allocations(void)
{
	return fault_count;
}
#else
static int should_fail(void)
{
	return 0;
}

bool rep_fault_fail_allocation(long n)
{
	REP_UNUSED(n);
	return false;
}

long rep_fault_allocations(void)
{
	return 0;
}
#endif

void *rep_malloc(size_t size)
{
	if (should_fail())
		return NULL;
	return malloc(size ? size : 1);
}

void *rep_calloc(size_t n, size_t size)
{
	if (should_fail())
		return NULL;
	return calloc(n ? n : 1, size ? size : 1);
}

void *rep_realloc(void *p, size_t size)
{
	if (should_fail())
		return NULL;
	return realloc(p, size ? size : 1);
}

char *rep_strndup(const char *s, size_t n)
{
	char *d = rep_malloc(n + 1);
	if (!d)
		return NULL;
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *rep_strdup(const char *s)
{
	return rep_strndup(s, strlen(s));
}

void rep_free(void *p)
{
	free(p);
}
