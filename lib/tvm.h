/* Time value of money, as the engine uses it: indexation of a past amount
 * to the valuation date, and the present value of a future loss.
 * (The public calculators are in include/reparations/tvm.h.) */
#ifndef REP_TVM_H
#define REP_TVM_H

#include <gmp.h>

#include "arena.h"
#include "case_internal.h"
#include "reparations/context.h"
#include "reparations/money.h"
#include "reparations/tvm.h"

/* Looks up a series value on a date and records the point used in the
 * estimate (the engine passes rep_engine_series and itself). */
typedef rep_status (*rep_series_fn)(void *ud, const char *series, rep_date d, mpq_t out);
rep_status rep_engine_series(void *engine, const char *series, rep_date d, mpq_t out);

typedef struct rep_tvm_index_trace {
	const char *text; /* "CPI chain 2022-06-01..2026-03-01: x1.203 x1.098 ... = x1.5421 (KZ.CPI_DEC)" */
} rep_tvm_index_trace;

/* out = amount brought from `from` to `to` by `method`: "nominal" (unchanged),
 * "cpi" (Kazakhstan CPI: the ratio of KZ.CPI_INDEX when ctx has that series,
 * else KZ.CPI_DEC December/December rates chained, linear within a year by
 * days), "mci" (MCI(to)/MCI(from)), "wage" (KZ.AVG_WAGE ratio). Every value
 * is looked up through `series(ud, ...)`, which records it. Exact
 * rationals; the trace text (allocated in `arena`) names the method and the
 * points. ctx may be NULL (then "cpi" always chains KZ.CPI_DEC). */
rep_status rep_tvm_index(mpq_t out, rep_tvm_index_trace *trace, const rep_context *ctx, const char *method,
			 const mpq_t amount, rep_date from, rep_date to, rep_series_fn series, void *ud,
			 rep_arena *arena, rep_error *err);

typedef struct rep_tvm_pv_trace {
	const char *formula; /* words with inputs */
	const char *nominal; /* undiscounted sum, as text */
	const char *method;  /* "present value, end-of-year, d = 5 %" */
} rep_tvm_pv_trace;

/* Present value of a lost_earning_capacity harm: annual (first year's loss),
 * years (fractional allowed: the last fraction f of a year is f times that
 * year's loss, paid at its end), growth g (default 0), discount_rate d
 * (default 0), end-of-year convention (rep_tvm_pv with REP_PV_END).
 * Trace strings live in `arena`; a NULL trace computes the value alone (the
 * same value, no words: the totals-only path). The result is exact where the
 * formula is rational, else correctly rounded once to `places` decimals with
 * `mode` (the line's own rounding then changes nothing). */
rep_status rep_tvm_pv_from_harm(mpq_t out, rep_tvm_pv_trace *trace, const rep_case_harm *h, int places,
				rep_round mode, rep_arena *arena, rep_error *err);

/* The value alone (rep_tvm_pv_from_harm with no trace), computed in the
 * caller's REP_TVM_PV_SCRATCH consecutive rationals scratch[0..], which it
 * overwrites; NULL: the computation's own. A batch evaluating one case after
 * another so allocates nothing for them. */
#define REP_TVM_PV_SCRATCH 16
rep_status rep_tvm_pv_value_in(mpq_t out, const rep_case_harm *h, int places, rep_round mode, mpq_ptr scratch,
			       rep_error *err);

#endif
