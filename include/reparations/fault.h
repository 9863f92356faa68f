/* reparations: allocation-failure injection, for the test suite only.
 * Not installed and not exported from the shared library (the functions
 * have hidden visibility): tests link the static archive. They do something
 * only when the library was built with -Dfault_injection=true. Not part of
 * the API. */
#ifndef REPARATIONS_FAULT_H
#define REPARATIONS_FAULT_H

#include <stdbool.h>
#include "status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Make the n-th library allocation from now on, in the calling thread,
 * fail (n >= 1); 0 disarms. Returns false when injection is not built in. */
bool rep_fault_fail_allocation(long n);
/* Allocations made in this thread since the last arming. */
long rep_fault_allocations(void);

#ifdef __cplusplus
}
#endif
#endif
