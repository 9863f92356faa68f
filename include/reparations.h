/* reparations: itemized, cited compensation estimates for unlawful detention.
 *
 * Umbrella header. Link with `pkg-config --cflags --libs reparations`.
 * Conventions (see docs/ and each module header):
 *  - every fallible function returns a rep_status and fills an optional
 *    caller-owned rep_error with a message naming the field's JSON path;
 *  - opaque objects come in rep_x_new / rep_x_free pairs, free(NULL) is a no-op;
 *  - strings returned by an object are owned by it unless the function says
 *    "caller frees";
 *  - money is exact (GMP rationals), rounded once with a named mode;
 *  - no global mutable state: every function may be called from many threads. */
#ifndef REPARATIONS_H
#define REPARATIONS_H

#include "reparations/status.h"
#include "reparations/version.h"
#include "reparations/money.h"
#include "reparations/dates.h"
#include "reparations/case.h"
#include "reparations/context.h"
#include "reparations/scheme.h"
#include "reparations/estimate.h"
#include "reparations/compare.h"
#include "reparations/batch.h"
#include "reparations/tvm.h"

#endif
