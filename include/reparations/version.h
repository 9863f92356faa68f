/* reparations: version of the headers and of the linked library. */
#ifndef REPARATIONS_VERSION_H
#define REPARATIONS_VERSION_H

#include "status.h"

#ifdef __cplusplus
extern "C" {
#endif

#define REP_VERSION_MAJOR 0
#define REP_VERSION_MINOR 1
#define REP_VERSION_PATCH 0
#define REP_VERSION_NUMBER (REP_VERSION_MAJOR * 10000 + REP_VERSION_MINOR * 100 + REP_VERSION_PATCH)
#define REP_VERSION_STRING "0.1.0"

/* The version of the library actually linked, e.g. "0.1.0"; static storage. */
REP_API const char *rep_version_string(void);
/* The same as a number, MAJOR*10000 + MINOR*100 + PATCH. */
REP_API unsigned rep_version_number(void);

#ifdef __cplusplus
}
#endif
#endif
