/* Uzbekistan: rehabilitation and compensation under the Criminal Procedure
 * Code (1994), Chapter 37 (art. 306 on the procedure), with the State's civil
 * liability under Civil Code art. 991.
 * Sources: docs/sources.md (Uzbekistan): t.center/jpk_uz (Uzbek text of art.
 * 306); hozir.org (TDYU textbook, ch. 37); FIDH, Dec 2020. */
#include "schemes/schemes.h"

#define UZ_CH37 "Criminal Procedure Code of Uzbekistan (UPK RUz) ch. 37"
#define UZ_HEADS_BASIS                                                                                      \
	UZ_CH37 " (the list of property heads is not retrieved: heads as in the Kazakh and CIS model, unverified)"
#define UZ_HEAD(cat, lbl)                                                                                  \
	{.category = cat, .treatment = REP_TREAT_PROVEN, .klass = REP_PECUNIARY, .label = lbl,             \
	 .basis = UZ_HEADS_BASIS "; Civil Code art. 991", .note = "as proven, nominal"}

static const rep_scheme_def uz_cpc = {
	.id = "uz-cpc",
	.name = "Uzbekistan: compensation after rehabilitation (Criminal Procedure Code, ch. 37, art. 306)",
	.jurisdiction = "Uzbekistan",
	.currency = "UZS",
	.status = "law",
	.effective_from = REP_NONE,
	.effective_to = REP_NONE,
	.notes = "Chapter 37 of the Criminal Procedure Code covers rehabilitation after unlawful conviction and after "
		 "unlawful detention, custody or house arrest, suspension from office or placement in a medical "
		 "institution; the rehabilitated person may claim property harm and the elimination of the "
		 "consequences of moral harm (verified, textbook paraphrase). Art. 306: the acquittal or the "
		 "termination decision (grounds of art. 83) recognises the right; the person is sent a copy with "
		 "an explanation; the amount is determined within one month of the person's application, with "
		 "calculations from financial bodies and the Pension Fund. The property heads (lost earnings, "
		 "pension and benefits; confiscated property; fines and costs; legal fees; other expenses) follow "
		 "the Kazakh and CIS model: the Uzbek article text was not retrieved. Only rehabilitating outcomes "
		 "qualify; the Uzbek rules on amnesty, pardon and self-incrimination were not retrieved, so no "
		 "separate bar is stated for them: such outcomes are reported as not qualifying. Amounts are "
		 "nominal: no Uzbek indexation rule or reference series is available to the calculator. Moral harm "
		 "is for the court. The FIDH report of December 2020 describes the same gap for political "
		 "prisoners as the Duty to Rehabilitate report does for Kazakhstan.",
	.rounding = REP_ROUND_HALF_UP,
	.places = -1,
	.proc_kinds = REP_BIT(REP_PROC_CRIMINAL),
	.proc_kinds_text = "criminal proceedings",
	.qualifying = (const rep_rule[]){
		{.outcomes = REP_BIT(REP_OUT_ACQUITTED) | REP_BIT(REP_OUT_DISMISSED_REHABILITATING) |
			     REP_BIT(REP_OUT_CONVICTION_QUASHED),
		 .text = "rehabilitation needs an acquittal or a termination on the rehabilitating grounds of art. 83 "
			 "(including a quashed conviction), which recognises the right to compensation",
		 .basis = UZ_CH37 ", art. 306 (Uzbek text at t.center/jpk_uz)"},
		{0}},
	.heads = (const rep_head[]){
		UZ_HEAD(REP_HARM_LOST_EARNINGS, "Lost earnings, pension and benefits"),
		{.category = REP_HARM_LOST_EARNING_CAPACITY, .treatment = REP_TREAT_EXCLUDED, .klass = REP_PECUNIARY,
		 .label = "Lost earning capacity (future)", .basis = UZ_HEADS_BASIS,
		 .note = "a future loss is not among the property heads of the rehabilitation route (not modelled)"},
		UZ_HEAD(REP_HARM_BUSINESS, "Other means lost (business income)"),
		UZ_HEAD(REP_HARM_PROPERTY, "Property confiscated"),
		UZ_HEAD(REP_HARM_FINES_AND_COSTS, "Fines and procedural costs recovered"),
		UZ_HEAD(REP_HARM_LEGAL_COSTS, "Legal assistance fees"),
		UZ_HEAD(REP_HARM_MEDICAL_COSTS, "Other expenses: medical treatment"),
		UZ_HEAD(REP_HARM_PSYCHOLOGICAL_CARE, "Other expenses: psychological care"),
		UZ_HEAD(REP_HARM_OTHER_EXPENSES, "Other expenses"),
		{.category = REP_HARM_MORAL_HARM, .treatment = REP_TREAT_COURT, .klass = REP_NON_PECUNIARY,
		 .label = "Moral harm (for the court)", .basis = UZ_CH37 " (elimination of the consequences of moral "
								  "harm); Civil Code art. 991",
		 .note = "no tariff was found: the amount is for the court"},
		{0}},
	.citations = (const rep_cite[]){
		{"Criminal Procedure Code of the Republic of Uzbekistan (1994)",
		 "ch. 37, arts. 301, 303, 306; art. 83 (Uzbek text of art. 306 seen at t.center/jpk_uz)", NULL},
		{"Civil Code of the Republic of Uzbekistan", "art. 991", NULL},
		{"FIDH, Uzbekistan: the right to reparations of political prisoners (December 2020)", NULL, NULL},
		{0}},
};

const rep_scheme_def *const rep_schemes_uz[] = {&uz_cpc, NULL};
