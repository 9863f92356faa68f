/* libFuzzer: the reference-series loader (CSV, then JSON), and a lookup. */
#include <stddef.h>
#include <stdint.h>

#include "reparations.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	rep_error err;
	for (int f = 0; f < 2; f++) {
		rep_context *ctx = NULL;
		if (rep_context_new(&ctx, &err) != REP_OK)
			return 0;
		if (rep_context_load_series(ctx, (const char *)data, size, f ? "json" : "csv", &err) == REP_OK) {
			mpq_t v;
			mpq_init(v);
			for (size_t i = 0; i < rep_series_count(ctx); i++) {
				rep_series_info in;
				if (rep_series_at(ctx, i, &in) == REP_OK)
					rep_series_lookup(ctx, in.id, 20000, v, NULL, &err);
			}
			mpq_clear(v);
		}
		rep_context_free(ctx);
	}
	return 0;
}
