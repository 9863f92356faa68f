/* libFuzzer: the JSON case reader, and the engine behind it. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "reparations.h"

static const char *const schemes[] = {"kz-cpc", "kz-reform", "intl-un", "de-streg", "us-tx", "uk-cja"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	rep_error err;
	rep_case *c = NULL;
	if (rep_case_from_json(&c, (const char *)data, size, &err) != REP_OK)
		return 0;
	rep_context *ctx = NULL;
	if (rep_context_new(&ctx, &err) == REP_OK) {
		rep_context_set_fx(ctx, "USD/KZT", "520", REP_DATE_NONE, "fuzz", &err);
		rep_context_set_fx(ctx, "EUR/USD", "1.17", REP_DATE_NONE, "fuzz", &err);
		rep_context_set_fx(ctx, "GBP/USD", "1.35", REP_DATE_NONE, "fuzz", &err);
		for (size_t i = 0; i < sizeof schemes / sizeof schemes[0]; i++) {
			rep_estimate *e = NULL;
			if (rep_estimate_compute(&e, ctx, c, schemes[i], NULL, &err) == REP_OK) {
				char *out = NULL;
				if (rep_estimates_render(&out, NULL, "f", (const rep_estimate *const *)&e, 1, REP_FORMAT_TABLE, &err) == REP_OK)
					free(out);
				rep_estimate_free(e);
			}
		}
	}
	rep_context_free(ctx);
	rep_case_free(c);
	return 0;
}
