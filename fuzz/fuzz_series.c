/* libFuzzer: the reference-series loader (rep_context_load_series), as CSV
 * and as JSON, then what reads the loaded data: lookups on the first, last
 * and a middle date, the listing renderer, an exchange-rate lookup, and an
 * estimate whose engine values MCI, CPI and wage series (so a loaded series
 * that replaces a built-in one is exercised by the engine too). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "reparations.h"

static const char case_json[] =
	"{\"id\":\"s\",\"currency\":\"KZT\",\"as_of\":\"2026-03-01\","
	"\"proceedings\":{\"kind\":\"criminal\",\"outcome\":\"acquitted\",\"decision_date\":\"2023-06-01\"},"
	"\"detentions\":[{\"kind\":\"prison\",\"start\":\"2021-11-05\",\"end\":\"2023-05-02\"}],"
	"\"torture\":{\"cc146_part\":1},"
	"\"harms\":[{\"category\":\"lost_earnings\",\"monthly\":\"350000\",\"start\":\"2021-11-05\",\"end\":\"2023-05-02\"},"
	"{\"category\":\"property\",\"amount\":\"4500000\",\"date\":\"2021-11-05\"}]}";

static rep_case *kase;
static rep_options *opts;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	rep_error err;
	if (!kase) {
		if (rep_case_from_json(&kase, case_json, strlen(case_json), &err) || rep_options_new(&opts) ||
		    rep_options_add(opts, "kz-cpc.indexation=cpi", &err))
			abort();
	}
	for (int f = 0; f < 2; f++) {
		rep_context *ctx = NULL;
		if (rep_context_new(&ctx, &err) != REP_OK)
			abort();
		if (rep_context_load_series(ctx, (const char *)data, size, f ? "json" : "csv", &err) == REP_OK) {
			mpq_t v;
			mpq_init(v);
			for (size_t i = 0; i < rep_series_count(ctx); i++) {
				rep_series_info in;
				if (rep_series_at(ctx, i, &in) != REP_OK || !in.user_loaded)
					continue;
				rep_series_point first, last;
				if (rep_series_point_at(ctx, in.id, 0, &first) == REP_OK &&
				    rep_series_point_at(ctx, in.id, in.n_points - 1, &last) == REP_OK) {
					rep_series_lookup(ctx, in.id, first.from, v, NULL, &err);
					rep_series_lookup(ctx, in.id, first.from + (last.from - first.from) / 2, v, NULL, &err);
					rep_series_lookup(ctx, in.id, in.until, v, NULL, &err);
				}
				char *out = NULL;
				if (rep_refdata_render(&out, NULL, ctx, in.id, (int)(size % 2), &err) == REP_OK)
					free(out);
			}
			char *list = NULL;
			if (rep_refdata_render(&list, NULL, ctx, NULL, (int)(size % 2), &err) == REP_OK)
				free(list);
			rep_series_point pt;
			rep_fx_lookup(ctx, "EUR", "KZT", 20000, v, &pt, &err);
			mpq_clear(v);
			rep_estimate *e = NULL;
			if (rep_estimate_compute(&e, ctx, kase, size % 2 ? "kz-cpc" : "kz-victims-fund", opts, &err) == REP_OK)
				rep_estimate_free(e);
		}
		rep_context_free(ctx);
	}
	return 0;
}
