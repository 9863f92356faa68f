/* Reading a user scheme from JSON (being written). */
#include "internal.h"
#include "reparations/context.h"

rep_status rep_context_load_scheme(rep_context *ctx, const char *json, size_t len, rep_error *err)
{
	REP_UNUSED(ctx);
	REP_UNUSED(json);
	REP_UNUSED(len);
	return rep_err(err, REP_EINVAL, NULL, "loading schemes from JSON is not available yet");
}
