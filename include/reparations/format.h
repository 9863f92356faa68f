/* reparations: output formats of the renderers (estimates, comparisons,
 * the scheme list and the reference series). */
#ifndef REPARATIONS_FORMAT_H
#define REPARATIONS_FORMAT_H

#include "status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum rep_format {
	REP_FORMAT_TABLE = 0,
	REP_FORMAT_JSON,
	REP_FORMAT_CSV,
	REP_FORMAT_MARKDOWN,
	REP_FORMAT_HTML          /* a self-contained, printable statement (A4) */
} rep_format;
/* "table", "json", "csv", "markdown" or "html"; REP_EINVAL otherwise. */
REP_API rep_status rep_format_parse(rep_format *out, const char *name);

#ifdef __cplusplus
}
#endif
#endif
