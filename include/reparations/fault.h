/* reparations: allocation-failure injection, for tests only.
 * Present in every build; does something only when the library was built
 * with -Dfault_injection=true. Not part of the stable API. */
#ifndef REPARATIONS_FAULT_H
#define REPARATIONS_FAULT_H

#include <stdbool.h>
#include "status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Make the n-th library allocation from now on, in the calling thread,
 * fail (n >= 1); 0 disarms. Returns false when injection is not built in. */
REP_API bool rep_fault_fail_allocation(long n);
/* Allocations made in this thread since the last arming. */
REP_API long rep_fault_allocations(void);

#ifdef __cplusplus
}
#endif
#endif
