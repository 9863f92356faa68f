/* The scheme vocabulary: everything a scheme says, as data. Built-in
 * schemes are const tables in lib/schemes/ (one file per jurisdiction);
 * user schemes are read from JSON into the same structures
 * (lib/io/scheme_json.c). The engine (lib/engine/) interprets them.
 *
 * Amounts, rates and caps are decimal strings in the scheme's currency,
 * or in units of a reference series when `index` names one (30 MCI). Every
 * figure carries its basis and a confidence mark; unverified figures turn
 * into warnings on every estimate that uses them. */
#ifndef REP_SCHEME_DEF_H
#define REP_SCHEME_DEF_H

#include <stdbool.h>
#include <stdint.h>

#include "reparations/case.h"
#include "reparations/dates.h"
#include "reparations/money.h"
#include "reparations/tvm.h"

#define REP_BIT(x) (1u << (x))

/* Which date selects the version of a rule (its valid_from/valid_to window). */
typedef enum rep_date_basis {
	REP_AT_EACH_DAY = 0,     /* each day of detention at the rule in force that day */
	REP_AT_DETENTION_END,    /* the last day of deprivation of liberty */
	REP_AT_DECISION,         /* proceedings.decision_date (as_of if absent) */
	REP_AT_APPLICATION,      /* proceedings.application_date (as_of if absent) */
	REP_AT_AS_OF             /* the valuation date */
} rep_date_basis;

/* How days of detention become the tariff's quantity. */
typedef enum rep_measure {
	REP_MEASURE_DAYS = 0,        /* days under `daycount` */
	REP_MEASURE_YEARS_365,       /* inclusive days / 365 */
	REP_MEASURE_YEARS_36525,     /* inclusive days / 365.25 */
	REP_MEASURE_YEARS_YMD,       /* whole years + months/12 + days/365 of each period */
	REP_MEASURE_MONTHS_COMMENCED,/* whole months, a commenced month counting as one (per period) */
	REP_MEASURE_MONTHS_WHOLE     /* whole months only */
} rep_measure;

typedef enum rep_klass {
	REP_NON_PECUNIARY = 0,
	REP_PECUNIARY = 1
} rep_klass;

typedef enum rep_condition {
	REP_COND_NONE = 0,
	REP_COND_DEATH_SENTENCE,     /* only if proceedings.death_sentence */
	REP_COND_NO_DEATH_SENTENCE
} rep_condition;

/* A figure with its provenance. */
typedef struct rep_figure {
	const char *value;       /* decimal string; NULL = none */
	const char *confidence;  /* "verified", "secondary", "unverified" */
	const char *source;
} rep_figure;

typedef struct rep_tariff {
	const char *label;
	const char *head;         /* "liberty" (default) or "moral_harm" for per-day moral benchmarks */
	const char *group;        /* optional grouping label shown with the line */
	rep_klass klass;
	uint32_t kinds;           /* REP_BIT(REP_DET_*) of the detention kinds it pays */
	rep_measure measure;
	rep_daycount daycount;    /* for REP_MEASURE_DAYS */
	const char *unit;         /* "day", "year", "month" as printed */
	rep_figure rate;          /* per unit */
	const char *rate_option;  /* option that replaces rate (may equal the default) */
	const char *rate_low, *rate_high; /* the law's range when a court picks the rate */
	const char *rate_currency;/* NULL: the scheme's currency; else converted at as_of */
	const char *index;        /* rate in units of this series, valued at index_at */
	rep_date_basis index_at;
	int tier_from, tier_to;   /* 1-based day ordinals within all deprivation, inclusive; 0 = open */
	rep_date valid_from, valid_to; /* REP_DATE_NONE = open */
	/* Which date picks the version (docs/schemes.md, "Which version applies"):
	 * tariffs that differ only in their window are versions of one rate; the
	 * engine refuses (REP_ENODATA) a date that falls in none of them, and with
	 * each_day names the unpaid days in a finding and a warning. */
	rep_date_basis version_at;
	rep_condition condition;
	rep_figure cap;           /* cap on this tariff's amount (in `index` units when index set) */
	const char *cap_basis;
	bool range_only;          /* a benchmark: counts in range.high only, not in the total */
	const char *basis;
	const char *formula;      /* words; the engine appends the inputs */
	const char *when_option;  /* a choice option: the tariff applies only when it has */
	const char *when_value;   /* one of these values ("a|b"); alternatives of a benchmark */
} rep_tariff;

/* How a scheme treats one harm category. Categories without a rule are
 * listed as not compensated under the scheme. */
typedef enum rep_treatment {
	REP_TREAT_PROVEN = 0,   /* the proven amount in full */
	REP_TREAT_COURT,        /* moral harm: the court's figure if given, else a line that it is for the court */
	REP_TREAT_EXCLUDED      /* named as not compensated, with the reason */
} rep_treatment;

typedef struct rep_head {
	rep_harm_category category;
	rep_treatment treatment;
	rep_klass klass;
	const char *label;
	const char *group;
	const char *basis;
	const char *note;        /* why excluded, or what "proven" requires */
	bool indexable;          /* follows the scheme's indexation option */
	bool future_pv;          /* lost_earning_capacity: present value of the future stream */
	rep_figure per_year_cap; /* e.g. UK s.133A(6): 1.5 x median earnings per year */
	const char *per_year_cap_index; /* series giving the per-year cap base */
} rep_head;

typedef enum rep_trigger {
	REP_TRIGGER_TORTURE_PART = 0, /* torture.cc146_part within [lo, hi] */
	REP_TRIGGER_ALWAYS            /* every eligible case: a lump sum, or a head that is "for assessment" (amount 0) */
} rep_trigger;

typedef struct rep_fixed {
	const char *label;
	const char *head;
	rep_trigger trigger;
	int lo, hi;
	rep_figure amount;
	const char *index;       /* amount in units of this series */
	rep_date_basis index_at;
	rep_klass klass;
	const char *basis;
	const char *formula;
	const char *group;          /* optional grouping label, as on tariffs */
	const char *amount_option;  /* option that replaces amount */
	const char *amount_low, *amount_high; /* a band (comparable awards): range.low/high */
	const char *note;
	const char *amount_currency; /* NULL: the scheme's currency; else converted at as_of */
	const char *when_option;     /* as on tariffs: applies only when this choice option */
	const char *when_value;      /* has one of these values ("a|b") */
	/* The version of the law the amount belongs to, as on tariffs: the entry
	 * applies when the version_at date is inside [valid_from, valid_to].
	 * Both 0 (a zeroed built-in entry) or REP_DATE_NONE mean open; entries
	 * that differ only in their window are versions of one amount, and a
	 * date in none of them is an error (REP_ENODATA), never a silent zero. */
	rep_date valid_from, valid_to;
	rep_date_basis version_at;   /* each_day (the default) is read as as_of */
} rep_fixed;

typedef enum rep_cap_scope {
	REP_CAP_TOTAL = 0,
	REP_CAP_PECUNIARY,
	REP_CAP_NON_PECUNIARY
} rep_cap_scope;

typedef struct rep_cap {
	const char *label;
	rep_cap_scope scope;
	rep_figure amount;
	const char *index;
	int min_months, max_months;   /* applies when whole months of deprivation are within; -1 open */
	rep_date valid_from, valid_to;
	rep_date_basis version_at;
	const char *basis;
} rep_cap;

/* Facts a qualifying rule needs beyond its outcome (docs/schemes.md,
 * "Eligibility facts"). A need the case says is not met defeats the rule;
 * one the case does not state defeats it too, with a finding naming the
 * missing fact (never a silent yes). An `assumes` fact, when absent, is
 * taken as met with a finding and a warning saying so; stated false, it bars. */
#define REP_NEED_CONVICTION (1u << 0)       /* a conviction preceded the outcome */
#define REP_NEED_RETRIAL (1u << 1)          /* the acquittal came on retrial after a conviction */
#define REP_NEED_PARDON_INNOCENCE (1u << 2) /* a pardon counts only on the ground of innocence */
#define REP_NEED_CERTIFICATE (1u << 3)      /* a certificate (finding) of innocence */

/* An outcome that bars (or qualifies), or a flag that bars, with its article. */
typedef struct rep_rule {
	uint32_t outcomes;    /* REP_BIT(REP_OUT_*) */
	unsigned flags;       /* REP_FLAG_* */
	const char *text;
	const char *basis;
	unsigned needs;       /* REP_NEED_*: qualifying rules only */
	unsigned assumes;     /* REP_NEED_*: qualifying rules only */
} rep_rule;

typedef enum rep_opt_type {
	REP_OPT_DECIMAL = 0,
	REP_OPT_CHOICE
} rep_opt_type;

typedef struct rep_option_def {
	const char *name;
	rep_opt_type type;
	const char *def;
	const char *min, *max;    /* decimal bounds, inclusive */
	const char *choices;      /* "a|b|c" */
	const char *description;
} rep_option_def;

/* A time limit worth a warning: `months` after `from`. */
typedef enum rep_deadline_from {
	REP_FROM_NOTICE = 0,      /* proceedings.notice_date (decision_date if absent) */
	REP_FROM_DECISION,
	REP_FROM_TORTURE_RECOGNISED
} rep_deadline_from;

typedef struct rep_deadline {
	rep_deadline_from from;
	int months;
	const char *text;
	const char *basis;
} rep_deadline;

/* Interest on the award for late payment (ECtHR: simple interest at the ECB
 * marginal lending rate + 3 points from the end of the 3-month deadline until
 * settlement). The default period ends at as_of and lasts `days_option` days;
 * the interest runs on the total of the lines before it (caps applied). */
typedef struct rep_late_interest {
	const char *label;
	const char *series;      /* rate series in percent a year ("ECB.MLF"), each period at its point */
	rep_figure rate;         /* else a fixed rate, in percent a year */
	rep_figure margin;       /* percentage points added to the rate */
	const char *days_option; /* decimal option: whole days of delay ending at as_of; 0 = the rule stated only */
	const char *basis;
	const char *formula;
	const char *note;
} rep_late_interest;

/* Periodic payments whose present value equals some of the lines, paid
 * besides them (Texas §103.053: a life annuity of equal present value). When
 * `years_option` is 0 the estimate states the annuity with amount 0; when it
 * gives a term, the present value counts and the monthly payment is shown
 * (a term certain: mortality is not modelled). */
typedef struct rep_annuity {
	const char *label;
	const char *base_heads;  /* "a|b": the heads of the lines whose sum is the present value */
	rep_figure rate;         /* annual rate as a fraction ("0.05") */
	rep_annuity_rate convention; /* how the annual rate becomes a monthly one (default effective annual) */
	const char *years_option;/* decimal option: the term in years (12 x years whole months) */
	rep_klass klass;
	const char *basis;
	const char *formula;
	const char *note;
} rep_annuity;

typedef struct rep_cite {
	const char *instrument;
	const char *article;
	const char *url;
} rep_cite;

/* Every list of a scheme is a pointer to an array that ends with a zeroed
 * entry (NULL label, text, name or instrument), so a definition reads
 * .tariffs = (const rep_tariff[]){ {...}, {...}, {0} }. */
#define REP_MAX_ITEMS 64 /* entries in any one list */

typedef struct rep_scheme_def {
	const char *id;
	const char *name;
	const char *jurisdiction;
	const char *currency;         /* NULL: the case's currency */
	const char *status;           /* law, guideline, practice, standard, draft, scenario */
	rep_date effective_from, effective_to;
	const char *notes;
	rep_round rounding;
	int places;                   /* -1: the currency's minor unit */

	/* eligibility: qualifies when the outcome is in `qualifying`, or a
	 * qualifying flag is set; then any bar (outcome or flag) defeats it. */
	uint32_t proc_kinds;          /* REP_BIT(REP_PROC_*); 0 = any */
	const char *proc_kinds_text;
	const rep_rule *qualifying;     /* arrays end with a zeroed entry */
	const rep_rule *bars;
	bool requires_detention;      /* no deprivation of liberty: nothing to pay */
	bool requires_torture;

	const rep_tariff *tariffs;
	const rep_head *heads;
	rep_figure pecuniary_threshold; /* pecuniary heads paid only when their sum exceeds it */
	const char *pecuniary_threshold_basis;
	const rep_fixed *fixed;
	const rep_cap *caps;
	const rep_option_def *options;
	const char *indexation_option;/* choice option naming the indexation method of indexable heads */
	const char *interest_rate_option; /* decimal option, percent a year: the indexation method
					   * "interest" adds simple interest (act/365) from the harm's date */
	const char *range_option;     /* choice option whose values are alternative benchmarks (gated by
				       * when_option): the range runs over them, lowest to highest total */
	const rep_late_interest *late_interest; /* NULL: none */
	const rep_annuity *annuity;   /* NULL: none */
	const rep_deadline *deadlines;
	const rep_cite *citations;
	const char *const *warnings;  /* always shown (e.g. "scenario, not law"); NULL-terminated */
} rep_scheme_def;

#endif
