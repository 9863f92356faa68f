/* Internal scheme helpers shared by the engine and the loaders. */
#ifndef REP_SCHEME_H
#define REP_SCHEME_H

#include "context_internal.h"
#include "reparations/scheme.h"

/* Exact id, else the one id equal to it ignoring case. */
const rep_scheme_def *rep_scheme_def_find(const rep_context *ctx, const char *id);
/* REP_ENOTFOUND with "unknown scheme "x": did you mean ...?" (or the list of ids). */
rep_status rep_scheme_unknown(const rep_context *ctx, const char *id, rep_error *err);
rep_status rep_context_add_scheme_def(rep_context *ctx, const rep_scheme_def *def, rep_error *err);
const char *rep_options_get(const rep_options *o, const char *scheme, const char *name);
rep_status rep_options_clone(rep_options **out, const rep_options *src, rep_error *err);
rep_status rep_option_check_value(const rep_scheme_def *def, const rep_option_def *d, const char *value,
				  rep_error *err);

#endif
