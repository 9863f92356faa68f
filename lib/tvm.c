/* Time value of money (first cut: nominal and MCI-ratio indexation, present
 * value with whole years). */
#include <string.h>

#include "internal.h"
#include "tvm.h"

rep_status rep_tvm_index(mpq_t out, rep_tvm_index_trace *trace, const rep_context *ctx, const char *method,
			 const mpq_t amount, rep_date from, rep_date to, rep_series_fn series, void *ud,
			 rep_arena *arena, rep_error *err)
{
	REP_UNUSED(ctx);
	trace->text = NULL;
	if (strcmp(method, "nominal") == 0) {
		mpq_set(out, amount);
		trace->text = "nominal";
		return REP_OK;
	}
	if (strcmp(method, "mci") == 0) {
		mpq_t a, b;
		mpq_inits(a, b, NULL);
		rep_status st = series(ud, "KZ.MCI", from, a);
		if (st == REP_OK)
			st = series(ud, "KZ.MCI", to, b);
		if (st == REP_OK) {
			mpq_mul(out, amount, b);
			mpq_div(out, out, a);
			char sa[64], sb[64], d1[REP_DATE_TEXT_SIZE], d2[REP_DATE_TEXT_SIZE];
			rep_dec_format_buf(sa, sizeof sa, a, 2, REP_ROUND_HALF_EVEN);
			rep_dec_format_buf(sb, sizeof sb, b, 2, REP_ROUND_HALF_EVEN);
			rep_date_format(from, d1);
			rep_date_format(to, d2);
			trace->text = rep_arena_printf(arena, "indexed by MCI ratio: x %s / %s (KZ.MCI on %s and %s)", sb, sa,
						       d2, d1);
		}
		mpq_clears(a, b, NULL);
		return st;
	}
	return rep_err(err, REP_EINVAL, NULL, "indexation method \"%s\" is not available", method);
}

rep_status rep_tvm_pv_from_harm(mpq_t out, rep_tvm_pv_trace *trace, const rep_case_harm *h, int places,
				rep_round mode, rep_arena *arena, rep_error *err)
{
	REP_UNUSED(places);
	REP_UNUSED(mode);
	mpq_mul(out, h->annual, h->years);
	trace->nominal = rep_arena_printf(arena, "%s x %s years", h->annual_text, h->years_text);
	trace->formula = trace->nominal;
	trace->method = "not discounted";
	REP_UNUSED(err);
	return REP_OK;
}
