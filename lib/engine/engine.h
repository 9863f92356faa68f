/* The engine's insides, shared by its stages (the .c files beside this one). One
 * evaluation is one `engine` on the stack: the case, the scheme, the options,
 * the estimate being built and the pass (chosen rates, or the low or high end
 * of a range). Nothing here outlives an evaluation but the estimate. */
#ifndef REP_ENGINE_H
#define REP_ENGINE_H

#include <gmp.h>
#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "case_internal.h"
#include "context_internal.h"
#include "estimate_internal.h"
#include "internal.h"
#include "rational.h"
#include "scheme.h"
#include "tvm.h"

/* An exchange rate of this evaluation (see rep_eng_fx_rate). */
#define REP_ENG_FX_MEMO 4
typedef struct rep_fx_memo {
	char from[8];
	mpq_ptr rate;      /* the estimate's scratch e->q[i] for memo i */
	const char *text;  /* "converted at ...", in the estimate's arena; NULL until a pass words it */
	bool recorded;     /* its reference points are in the estimate */
} rep_fx_memo;

/* Which rate a ranged tariff uses in this pass. */
typedef enum pass_kind {
	PASS_CHOSEN = 0,
	PASS_LOW,
	PASS_HIGH
} pass_kind;

typedef struct engine {
	const rep_context *ctx;
	const rep_case *c;
	const rep_scheme_def *def;
	const rep_options *opts;
	rep_estimate *e;
	rep_error *err;
	rep_date as_of;
	const char *currency;
	pass_kind pass;
	bool record;            /* the main pass records refpoints, warnings and notes */
	bool text;              /* lines get their words (formula, quantity, note...): REP_DETAIL_FULL's main pass */
	rep_period *periods;    /* merged deprivation of liberty */
	size_t n_periods;
	bool has_range;
	bool no_would_be;       /* barred, and what it would pay could not be computed */
	const char *alt_value;  /* a side pass over an alternative of def->range_option */
	bool alt_hit;           /* that alternative's entries came to something */
	bool ungated;           /* range items: every alternative is priced, whatever is chosen */
	long credited_days;     /* days excluded as credited to another lawful sentence */
	const char *credited_note; /* the line note saying so */
	rep_fx_memo fx[REP_ENG_FX_MEMO];
	size_t n_fx;
	unsigned q_top;         /* scratch rationals in use: e->q[0..q_top) */
} engine;

typedef struct line_in {
	const char *head, *group, *label, *basis, *formula, *quantity, *unit, *rate, *nominal, *adjustment, *note;
	rep_klass klass;
} line_in;

#define GROW(vec, n, cap) \
	((n) < (cap) ? REP_OK : rep_eng_grow_vec((void **)&(vec), &(cap), sizeof *(vec)))

/* evaluate.c: a scratch rational of the estimate, set to 0. A function
 * takes what it needs and gives it all back by restoring g->q_top before it
 * returns, so the scratch is a stack. NULL only when the stack is spent,
 * which the engine's few levels of nesting never reach (then an error, not
 * a crash). */
mpq_ptr rep_eng_q(engine *g);
/* n consecutive scratch rationals (x, x + 1, ...), not set to 0. */
mpq_ptr rep_eng_qn(engine *g, unsigned n);

/* record.c: findings, warnings, the words of figures */
rep_status rep_eng_grow_vec(void **v, size_t *cap, size_t elem);
rep_status rep_eng_nomem(engine *g);
const char *rep_eng_fmt_date(engine *g, rep_date d);
const char *rep_eng_fmt_qty(engine *g, const mpq_t x);
const char *rep_eng_fmt_money(engine *g, const mpq_t x);
/* The value of a figure of the scheme's data (a rate, cap, threshold:
 * text the scheme owns, never a user's option), parsed once for all the
 * evaluations of the estimate under that scheme. Errors as rep_dec_parse. */
rep_status rep_eng_figure(engine *g, const char *text, mpq_t out);
/* rep_eng_warn of a text that lives as long as the estimate (its fx plan's): not copied. */
rep_status rep_eng_warn_kept(engine *g, const char *text);
rep_status rep_eng_warn(engine *g, const char *text);
/* A finding borrows its words, as a line does: the code is a literal, the
 * text and basis are the scheme's, literals or in the estimate's arena. */
rep_status rep_eng_finding(engine *g, const char *code, const char *text, const char *basis, bool bars);
rep_status rep_eng_check_figure(engine *g, const rep_figure *f, const char *what);
rep_status rep_eng_warn_fallback(engine *g, rep_date_basis b);
rep_status rep_eng_check_bases(engine *g);

/* refs.c: series and exchange rates, recorded with their sources */
rep_status rep_eng_fx_rate(engine *g, const char *from, mpq_t rate, const char **text);
rep_status rep_eng_record_tvm_points(engine *g, const rep_tvm_result *res);
/* Start an evaluation's use of the estimate's plan of rates: made again
 * unless the context (and what is loaded in it) is the one it was made
 * under. After rep_estimate_reset, before the first lookup. */
void rep_eng_fx_plan_begin(engine *g, bool same_context);

/* options.c */
const char *rep_eng_option_value(const engine *g, const char *name);
bool rep_eng_in_list(const char *list, const char *v);
bool rep_eng_enabled(const engine *g, const char *opt, const char *values);
void rep_eng_note_alternative(engine *g, const char *opt, const mpq_t amount);
rep_status rep_eng_resolve_options(engine *g);
rep_status rep_eng_option_number(engine *g, const char *name, mpq_t out);

/* periods.c */
rep_status rep_eng_merge_periods(engine *g);

/* eligibility.c: eligibility and deadlines */
rep_status rep_eng_eligibility(engine *g);
rep_status rep_eng_deadlines(engine *g);

/* tariffs.c: versions of a rule, tariffs, benchmarks */
rep_date rep_eng_basis_date(const engine *g, rep_date_basis b);
bool rep_eng_in_window(rep_date d, rep_date from, rep_date to);
const char *rep_eng_basis_words(rep_date_basis b);
bool rep_eng_window_open(rep_date from, rep_date to);
rep_status rep_eng_check_versions(engine *g);
bool rep_eng_fixed_in_force(const engine *g, const rep_fixed *f);
rep_status rep_eng_apply_tariff(engine *g, const rep_tariff *t);
rep_status rep_eng_benchmark_amount(engine *g, const rep_tariff *t, mpq_t out);

/* lines.c */
rep_status rep_eng_add_line(engine *g, const line_in *in, const mpq_t exact);
void rep_eng_set_amount(engine *g, size_t i, const mpq_t x);
void rep_eng_pop_line(rep_estimate *e, mpq_t out);
void rep_eng_sum_lines(const rep_estimate *e, mpq_t out, int klass);
#ifdef REP_MONEY_FAST
/* The same sum in minor units; false when a line's amount does not fit or
 * the estimate's places are outside 0..18 (*out is then not that sum). */
bool rep_eng_sum_minor(const rep_estimate *e, int klass, rep_i128 *out);
/* Both classes' sums in one pass, on the same terms. */
bool rep_eng_sum_minor_by_class(const rep_estimate *e, rep_i128 *pecuniary, rep_i128 *non_pecuniary);
/* out = sum minor units of the estimate's currency */
void rep_eng_minor_q(const rep_estimate *e, rep_i128 sum, mpq_t out);
#endif
void rep_eng_clear_lines_from(rep_estimate *e, size_t n);
void rep_eng_clear_lines(rep_estimate *e);
void rep_eng_group_lines(rep_estimate *e);

/* heads.c */
void rep_eng_prorated_months(rep_date start, rep_date end, mpq_t out);
rep_status rep_eng_harms(engine *g);

/* adjustments.c: indexation, interest, annuity, late payment */
rep_status rep_eng_interest_to_as_of(engine *g, const mpq_t amount, rep_date from, mpq_t out, const char **text);
rep_status rep_eng_index_stream(engine *g, const rep_case_harm *h, rep_date end, const char *method, mpq_t out, const char **text);
rep_status rep_eng_annuity(engine *g);
rep_status rep_eng_late_interest(engine *g);

/* fixed.c */
rep_status rep_eng_fixed_value(engine *g, const rep_fixed *f, mpq_t amount, const char **rate_text, const char **fx_text);
rep_status rep_eng_fixed_amounts(engine *g);

/* caps.c */
rep_status rep_eng_per_year_cap(engine *g, const rep_head *rule, const rep_case_harm *h, mpq_t amount, line_in *in);
rep_status rep_eng_caps(engine *g);

/* ranges.c */
rep_status rep_eng_side_total(engine *g, pass_kind pass, mpq_t total);
rep_status rep_eng_range_items(engine *g);
rep_status rep_eng_alternatives_range(engine *g, mpq_t lo, mpq_t hi);

/* evaluate.c */
rep_status rep_eng_compute_lines(engine *g);

#endif
