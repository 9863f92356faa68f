/* libFuzzer: the scheme loader, then an estimate under the loaded scheme. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "reparations.h"

static const char case_json[] =
	"{\"id\":\"f\",\"currency\":\"KZT\",\"as_of\":\"2026-03-01\",\"proceedings\":{\"outcome\":\"acquitted\"},"
	"\"detentions\":[{\"kind\":\"prison\",\"start\":\"2022-01-05\",\"end\":\"2023-05-02\"}],"
	"\"torture\":{\"cc146_part\":1},"
	"\"harms\":[{\"category\":\"lost_earnings\",\"monthly\":\"350000\",\"start\":\"2022-01-05\"},"
	"{\"category\":\"property\",\"amount\":\"4500000\",\"date\":\"2022-01-05\"}]}";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	rep_error err;
	rep_context *ctx = NULL;
	rep_case *c = NULL;
	if (rep_context_new(&ctx, &err) != REP_OK)
		return 0;
	size_t before = rep_scheme_count(ctx);
	if (rep_context_load_scheme(ctx, (const char *)data, size, &err) == REP_OK &&
	    rep_case_from_json(&c, case_json, strlen(case_json), &err) == REP_OK) {
		/* the loaded scheme is new (last) or replaced a built-in: evaluate every scheme whose id it could be */
		for (size_t i = rep_scheme_count(ctx) > before ? before : 0; i < rep_scheme_count(ctx); i++) {
			rep_estimate *e = NULL;
			if (rep_estimate_compute(&e, ctx, c, rep_scheme_id(rep_scheme_at(ctx, i)), NULL, &err) == REP_OK)
				rep_estimate_free(e);
		}
	}
	rep_case_free(c);
	rep_context_free(ctx);
	return 0;
}
