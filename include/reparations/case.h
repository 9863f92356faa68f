/* reparations: the case model.
 *
 * A case holds the facts of one unlawful detention: who (id), in which
 * currency its amounts are, the valuation date, the proceedings and their
 * outcome, the periods of deprivation of liberty by kind, torture findings
 * and the harms. Build one field by field or read it from JSON (the JSON
 * names are a public contract, see docs/case-format.md). */
#ifndef REPARATIONS_CASE_H
#define REPARATIONS_CASE_H

#include <stdbool.h>
#include <stddef.h>
#include "status.h"
#include "dates.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Each enum has stable values and a JSON name (rep_*_name / rep_*_parse). */
typedef enum rep_proc_kind {
	REP_PROC_CRIMINAL = 0,
	REP_PROC_ADMINISTRATIVE,
	REP_PROC_POLITICAL_REPRESSION,
	REP_PROC_COUNT
} rep_proc_kind;

typedef enum rep_outcome {
	REP_OUT_ACQUITTED = 0,
	REP_OUT_DISMISSED_REHABILITATING,
	REP_OUT_CONVICTION_QUASHED,
	REP_OUT_ADMIN_TERMINATED,
	REP_OUT_REPRESSION_REHABILITATED,
	REP_OUT_AMNESTY,
	REP_OUT_PARDON,
	REP_OUT_PAROLE,
	REP_OUT_SENTENCE_SERVED,
	REP_OUT_SENTENCE_MITIGATED,
	REP_OUT_PENDING,
	REP_OUT_COUNT
} rep_outcome;

typedef enum rep_detention_kind {
	REP_DET_POLICE_CUSTODY = 0,
	REP_DET_PRETRIAL_CUSTODY,
	REP_DET_HOUSE_ARREST,
	REP_DET_PRISON,
	REP_DET_ADMINISTRATIVE_ARREST,
	REP_DET_PSYCHIATRIC,
	REP_DET_EXILE,
	REP_DET_SPECIAL_SETTLEMENT,
	REP_DET_FORCED_LABOUR,
	REP_DET_PAROLE,
	REP_DET_COUNT
} rep_detention_kind;

typedef enum rep_harm_category {
	REP_HARM_LOST_EARNINGS = 0,      /* monthly, start, end */
	REP_HARM_LOST_EARNING_CAPACITY,  /* annual, years, growth?, discount_rate? */
	REP_HARM_BUSINESS,               /* amount, date */
	REP_HARM_PROPERTY,
	REP_HARM_FINES_AND_COSTS,
	REP_HARM_LEGAL_COSTS,
	REP_HARM_MEDICAL_COSTS,
	REP_HARM_PSYCHOLOGICAL_CARE,
	REP_HARM_OTHER_EXPENSES,
	REP_HARM_MORAL_HARM,             /* amount: claimed or assessed by a court */
	REP_HARM_COUNT
} rep_harm_category;

REP_API const char *rep_proc_kind_name(rep_proc_kind v);
REP_API const char *rep_outcome_name(rep_outcome v);
REP_API const char *rep_detention_kind_name(rep_detention_kind v);
REP_API const char *rep_harm_category_name(rep_harm_category v);
/* Parse a JSON name; REP_ENOTFOUND when unknown. */
REP_API rep_status rep_proc_kind_parse(rep_proc_kind *out, const char *name);
REP_API rep_status rep_outcome_parse(rep_outcome *out, const char *name);
REP_API rep_status rep_detention_kind_parse(rep_detention_kind *out, const char *name);
REP_API rep_status rep_harm_category_parse(rep_harm_category *out, const char *name);

/* Proceedings flags (bit set). */
#define REP_FLAG_DEATH_SENTENCE (1u << 0)
#define REP_FLAG_COERCED_CONFESSION (1u << 1)
#define REP_FLAG_SELF_INCRIMINATION (1u << 2)
#define REP_FLAG_ARBITRARY_DETENTION_FINDING (1u << 3) /* a UN body (WGAD, HRC) or court found it arbitrary */

/* Documented limits of one case. */
#define REP_CASE_MAX_DETENTIONS 1000
#define REP_CASE_MAX_HARMS 1000
#define REP_CASE_MAX_STRING 4096
/* Limits of every JSON text the library reads (cases, schemes, series). */
#define REP_JSON_MAX_DEPTH 32
#define REP_JSON_MAX_BYTES (16u << 20)

/* One harm. Amount fields are decimal strings (NULL when absent); dates are
 * REP_DATE_NONE when absent. Which fields a category needs is listed on
 * rep_harm_category. */
typedef struct rep_harm {
	rep_harm_category category;
	const char *amount;
	const char *monthly;
	const char *annual;
	const char *years;
	const char *growth;
	const char *discount_rate;
	rep_date date;
	rep_date start;
	rep_date end;
	const char *disposition;  /* property: confiscated, seized, destroyed, damaged, returned */
	const char *description;  /* free text echoed in the estimate */
} rep_harm;

/* A zeroed rep_harm has dates 0, which is 1970-01-01, not "absent": start
 * from REP_HARM_INIT (C) or rep_harm_init() (C++ and bindings), which set the
 * category to none (rep_case_add_harm refuses it until set) and every date
 * to REP_DATE_NONE. */
#define REP_HARM_INIT                                                                              \
	{.category = REP_HARM_COUNT, .date = REP_DATE_NONE, .start = REP_DATE_NONE, .end = REP_DATE_NONE}
REP_API void rep_harm_init(rep_harm *h);

/* One period of deprivation of liberty, for rep_case_add_detention_spec.
 * credited_elsewhere: the period (or this part of it, given as its own
 * entry) was credited to another lawful sentence still standing (a
 * concurrent conviction for another offence): its days are excluded from
 * every tariff, and the lines say so. Start from REP_DETENTION_INIT. */
typedef struct rep_detention_spec {
	rep_detention_kind kind;
	rep_date start;
	rep_date end;            /* REP_DATE_NONE: still detained at as_of */
	bool credited_elsewhere;
	const char *note;        /* free text, copied; echoed for a credited period */
} rep_detention_spec;
#define REP_DETENTION_INIT {.kind = REP_DET_COUNT, .start = REP_DATE_NONE, .end = REP_DATE_NONE}
REP_API void rep_detention_init(rep_detention_spec *d);

/* The ground of a pardon: some statutes pay only for a pardon on the ground
 * of innocence (28 U.S.C. 2513, Texas, California, UK, NZ, Canada). */
typedef enum rep_pardon_ground {
	REP_PARDON_UNKNOWN = 0,
	REP_PARDON_INNOCENCE,
	REP_PARDON_CLEMENCY
} rep_pardon_ground;
REP_API const char *rep_pardon_ground_name(rep_pardon_ground g);

/* A fact the case may state or leave open. */
#define REP_FACT_UNKNOWN (-1)
#define REP_FACT_NO 0
#define REP_FACT_YES 1

typedef struct rep_case rep_case;

/* New empty case: currency unset, as_of unset (the engine then uses today,
 * and echoes it), proceedings criminal/pending. Caller frees with rep_case_free. */
REP_API rep_status rep_case_new(rep_case **out);
REP_API void rep_case_free(rep_case *c);

/* Setters copy their strings. They check the value itself (a currency
 * code must be known, an amount must be a decimal) and report errors with
 * the JSON path of the field. */
REP_API rep_status rep_case_set_id(rep_case *c, const char *id, rep_error *err);
REP_API rep_status rep_case_set_currency(rep_case *c, const char *code, rep_error *err);
REP_API rep_status rep_case_set_as_of(rep_case *c, rep_date as_of);
REP_API rep_status rep_case_set_proceedings(rep_case *c, rep_proc_kind kind, rep_outcome outcome,
					    rep_date decision_date, unsigned flags);
/* Optional dates of the proceedings: when the person was told of the right
 * to compensation (runs the 6-month limit of the Kazakh route), and when
 * the claim is or was filed (selects the MCI or the cap regime in force). */
REP_API rep_status rep_case_set_notice_date(rep_case *c, rep_date d);
REP_API rep_status rep_case_set_application_date(rep_case *c, rep_date d);
/* end == REP_DATE_NONE: still detained at as_of. */
REP_API rep_status rep_case_add_detention(rep_case *c, rep_detention_kind kind, rep_date start, rep_date end,
					  rep_error *err);
/* Like rep_case_add_detention, with the credited flag and a note; the same
 * checks as the JSON reader (kind set, start given, end not before start). */
REP_API rep_status rep_case_add_detention_spec(rep_case *c, const rep_detention_spec *d, rep_error *err);
/* Eligibility facts (docs/case-format.md, "proceedings"); each defaults to
 * unknown, and a scheme whose statute needs an unknown fact says so in a
 * finding. convicted: REP_FACT_*; date REP_DATE_NONE and article/sentence
 * NULL when not known (copied). */
REP_API rep_status rep_case_set_conviction(rep_case *c, int convicted, rep_date date, const char *article,
					   const char *sentence, rep_error *err);
/* Whether the acquittal came on a retrial after a conviction (REP_FACT_*). */
REP_API rep_status rep_case_set_acquitted_on_retrial(rep_case *c, int fact);
REP_API rep_status rep_case_set_pardon_ground(rep_case *c, rep_pardon_ground ground);
/* Whether a court issued a certificate (finding) of innocence (REP_FACT_*). */
REP_API rep_status rep_case_set_certificate_of_innocence(rep_case *c, int fact);
/* part 1..3 of Criminal Code art. 146 (Kazakhstan); 0 = no torture finding.
 * recognised: when the person was recognised as a victim (REP_DATE_NONE if unknown). */
REP_API rep_status rep_case_set_torture(rep_case *c, int cc146_part, rep_date recognised, rep_error *err);
REP_API rep_status rep_case_add_harm(rep_case *c, const rep_harm *h, rep_error *err);

/* Whole-case checks that single setters cannot do (ranges of periods
 * against as_of, currency present, required fields of each harm, facts that
 * contradict the outcome). The JSON reader and the setters share every
 * check, so a case built in C is accepted or refused as its JSON would be. */
REP_API rep_status rep_case_validate(const rep_case *c, rep_error *err);

/* Read a case from JSON text of `len` bytes. Errors name the JSON path:
 * unknown keys, wrong types, duplicate keys, invalid UTF-8, bad dates and
 * amounts, nesting deeper than REP_JSON_MAX_DEPTH, text over REP_JSON_MAX_BYTES.
 * The case is validated; caller frees *out. */
REP_API rep_status rep_case_from_json(rep_case **out, const char *json, size_t len, rep_error *err);
/* rep_case_from_json into a case the caller already has, for a loop over
 * many cases: c is emptied first (as rep_case_new made it) and keeps its
 * memory, so reading one case after another allocates almost nothing once
 * warm. Pointers taken from c before the call are invalid after it. On
 * failure c holds part of the text's case: read into it again or free it.
 * Besides the case it holds up to 8 KiB of the last parse's workspace. */
REP_API rep_status rep_case_read_json(rep_case *c, const char *json, size_t len, rep_error *err);

/* Accessors (for bindings and renderers). Strings are owned by the case. */
REP_API const char *rep_case_id(const rep_case *c);
REP_API const char *rep_case_currency(const rep_case *c);
REP_API rep_date rep_case_as_of(const rep_case *c);
REP_API size_t rep_case_detention_count(const rep_case *c);
REP_API size_t rep_case_harm_count(const rep_case *c);

/* ---- reading a case back (lib/case_access.c) ---- */

/* Free text describing the case (JSON "description"); copied; NULL clears it. */
REP_API rep_status rep_case_set_description(rep_case *c, const char *text, rep_error *err);
REP_API const char *rep_case_description(const rep_case *c);   /* "" when none */
/* A note on detentions[i] (JSON "note", e.g. "SIZO No. 1, Almaty"); copied; NULL clears it. */
REP_API rep_status rep_case_set_detention_note(rep_case *c, size_t i, const char *note, rep_error *err);

REP_API void rep_case_proceedings(const rep_case *c, rep_proc_kind *kind, rep_outcome *outcome,
				  rep_date *decision_date, unsigned *flags); /* any pointer may be NULL */
REP_API rep_date rep_case_notice_date(const rep_case *c);        /* REP_DATE_NONE when absent */
REP_API rep_date rep_case_application_date(const rep_case *c);
/* The art. 146 part (0: no torture finding); *recognised (may be NULL) the date or REP_DATE_NONE. */
REP_API int rep_case_torture(const rep_case *c, rep_date *recognised);

/* One period of deprivation of liberty as stored. */
typedef struct rep_detention_info {
	rep_detention_kind kind;
	rep_date start;
	rep_date end;       /* REP_DATE_NONE: still detained */
	const char *note;   /* NULL when none; owned by the case */
	bool credited_elsewhere; /* credited to another lawful sentence (rep_detention_spec) */
} rep_detention_info;

/* detentions[i] and harms[i]; REP_ENOTFOUND past the end. The strings of
 * *out point into the case (valid until it is freed or changed); an
 * absent amount is NULL, an absent date REP_DATE_NONE, as on input. */
REP_API rep_status rep_case_detention_at(const rep_case *c, size_t i, rep_detention_info *out);
REP_API rep_status rep_case_harm_at(const rep_case *c, size_t i, rep_harm *out);

/* Write the case as JSON in the case-file vocabulary (docs/case-format.md),
 * so that an application can save what it built: rep_case_from_json reads it
 * back into the same case when the case is valid (rep_case_validate); the
 * writer itself does not validate, so a draft can be saved too. Amounts keep their decimal text. *out malloc'd,
 * NUL-terminated, ends with a newline; caller frees with free(); len may be NULL. */
REP_API rep_status rep_case_to_json(char **out, size_t *len, const rep_case *c, rep_error *err);

#ifdef __cplusplus
}
#endif
#endif
