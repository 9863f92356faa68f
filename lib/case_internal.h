/* The case as the engine sees it. Amounts are parsed once, on entry. */
#ifndef REP_CASE_INTERNAL_H
#define REP_CASE_INTERNAL_H

#include <gmp.h>

#include "arena.h"
#include "reparations/case.h"

typedef struct rep_detention {
	rep_detention_kind kind;
	rep_date start;
	rep_date end; /* REP_DATE_NONE: still detained */
	bool credited; /* credited to another lawful sentence: paid by no tariff */
	const char *note;
} rep_detention;

enum {
	REP_HF_AMOUNT = 1 << 0,
	REP_HF_MONTHLY = 1 << 1,
	REP_HF_ANNUAL = 1 << 2,
	REP_HF_YEARS = 1 << 3,
	REP_HF_GROWTH = 1 << 4,
	REP_HF_DISCOUNT = 1 << 5
};

typedef struct rep_case_harm {
	rep_harm_category category;
	unsigned present; /* REP_HF_* */
	mpq_t amount, monthly, annual, years, growth, discount_rate;
	const char *amount_text, *monthly_text, *annual_text, *years_text, *growth_text, *discount_text;
	rep_date date, start, end;
	const char *disposition;
	const char *description;
} rep_case_harm;

struct rep_case {
	rep_arena arena;
	rep_arena tree; /* the JSON tree while the case is read (kept by rep_case_read_json) */
	const char *id;
	const char *description; /* in the arena; NULL when none */
	char currency[4];
	rep_date as_of;
	rep_proc_kind proc_kind;
	rep_outcome outcome;
	rep_date decision_date, notice_date, application_date;
	unsigned flags;
	int torture_part;
	rep_date torture_recognised;
	/* eligibility facts: REP_FACT_UNKNOWN unless the case states them */
	int convicted, retrial, certificate;
	rep_date conviction_date;
	const char *conviction_article, *conviction_sentence;
	rep_pardon_ground pardon_ground;
	rep_detention *det;
	size_t n_det, cap_det;
	rep_case_harm *harms;
	size_t n_harms, cap_harms;
	size_t n_ready; /* harms[0..n_ready-1] have their rationals initialised (n_ready >= n_harms) */
	mpq_t reader[6]; /* the JSON reader's values of a harm's amounts (rep_case_reader_values) */
	bool reader_ready;
};

/* The amount fields of a harm, in rep_harm's order. */
enum { REP_HV_AMOUNT, REP_HV_MONTHLY, REP_HV_ANNUAL, REP_HV_YEARS, REP_HV_GROWTH, REP_HV_DISCOUNT };
/* Six rationals of c's for a reader to parse a harm's amounts into, in REP_HV_* order. */
mpq_t *rep_case_reader_values(rep_case *c);
/* rep_case_add_harm with the amounts already parsed: value[k] is the value
 * of amount field k (REP_HV_*) wherever h gives its text, so the text is
 * not parsed again; every other check is rep_case_add_harm's. */
rep_status rep_case_add_harm_parsed(rep_case *c, const rep_harm *h, mpq_t *value, rep_error *err);

/* Empty c as rep_case_new made it, keeping its memory (the arena's first
 * block, the arrays, the harms' rationals): a reader that fills one case
 * after another allocates almost nothing once warm. */
void rep_case_reset(rep_case *c);


/* Which fields a harm category takes besides category and description
 * (one table for the JSON reader and the C builder), and their list as text. */
bool rep_harm_field_allowed(rep_harm_category cat, const char *field);
const char *rep_harm_fields_text(rep_harm_category cat);

/* The valuation date: as_of, or today (UTC) when the case has none. */
rep_date rep_case_effective_as_of(const rep_case *c);
rep_date rep_today(void);
/* The note of det[i], NULL when none (case_access.c). */
const char *rep_case_detention_note(const rep_case *c, size_t i);

#endif
