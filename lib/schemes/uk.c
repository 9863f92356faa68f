/* United Kingdom (England and Wales): Criminal Justice Act 1988 ss.133-133B,
 * and the 2025 order raising the caps. Sources: docs/sources.md (United Kingdom). */
#include "schemes/schemes.h"

#define UK_ASSESSED(cat, lbl)                                                                   \
	{.category = cat, .treatment = REP_TREAT_PROVEN, .klass = REP_PECUNIARY, .label = lbl, \
	 .basis = "CJA 1988 s.133A (assessment)"}

#define UK_ORDER_2025_SOURCE                                                                           \
	"Compensation for Miscarriages of Justice (Alteration of Overall Compensation Limits) Order 2025, made " \
	"28 Oct 2025, in force 29 Oct 2025 (policy-wire.co.uk; legislationtracker.co.uk 30 Oct 2025)"

#define D_2025_10_28 20389
#define D_2025_10_29 20390

static const rep_scheme_def uk_cja = {
	.id = "uk-cja",
	.name = "United Kingdom (England and Wales): miscarriage of justice compensation, CJA 1988 ss.133-133B",
	.jurisdiction = "United Kingdom (England and Wales)",
	.currency = "GBP",
	.status = "law",
	.effective_from = REP_NONE,
	.effective_to = REP_NONE,
	.notes = "An independent assessor fixes the amount (s.133A); the estimate adds the heads the case gives "
		 "(moral_harm as the assessed non-pecuniary figure) and applies the overall cap: GBP 1,300,000 "
		 "with at least 10 years' qualifying detention and GBP 650,000 otherwise for applications on or "
		 "after 29 Oct 2025 (Compensation for Miscarriages of Justice (Alteration of Overall Compensation "
		 "Limits) Order 2025), GBP 1,000,000 / 500,000 before. The application date "
		 "(proceedings.application_date, else as_of) selects the regime; qualifying detention is counted in "
		 "whole months (120 = 10 years, the months of rep_months_and_days). Transitional rule: the Order "
		 "also covers earlier applications not yet assessed, which this estimate cannot know: give such a "
		 "case an application_date on or after 29 Oct 2025. The 2008 caps are applied to every earlier "
		 "application (before the 2008 amendment there was no statutory cap; not modelled). Loss of "
		 "earnings for any one year may not exceed 1.5 x the median gross annual earnings at the time of "
		 "the assessment (s.133A(6)): the loss is split by calendar year and each year's share is limited "
		 "to 1.5 x UK.MEDIAN_EARNINGS in force at as_of (ONS ASHE, secondary); loss of earning capacity "
		 "(future) is discounted but not split by year, so check the limit there by hand. The deduction for saved living expenses was removed on "
		 "6 Aug 2023. Eligibility since 2014: a new fact shows beyond reasonable doubt that the person did "
		 "not commit the offence (s.133(1ZA)).",
	.rounding = REP_ROUND_HALF_UP,
	.places = -1,
	.proc_kinds = REP_BIT(REP_PROC_CRIMINAL),
	.proc_kinds_text = "criminal convictions",
	.qualifying = (const rep_rule[]){
		{.outcomes = REP_BIT(REP_OUT_CONVICTION_QUASHED) | REP_BIT(REP_OUT_PARDON),
		 .text = "a conviction reversed, or a pardon, on a new or newly discovered fact showing beyond "
			 "reasonable doubt that the person did not commit the offence",
		 .basis = "CJA 1988 s.133(1), (1ZA)"},
		{0}},
	.heads = (const rep_head[]){
		{.category = REP_HARM_LOST_EARNINGS, .treatment = REP_TREAT_PROVEN, .klass = REP_PECUNIARY,
		 .label = "Loss of earnings", .basis = "CJA 1988 s.133A(6)",
		 .note = "at most 1.5 x median annual gross earnings for any one calendar year",
		 .per_year_cap = {"1.5", "verified", "CJA 1988 s.133A(6) (legislation.gov.uk)"},
		 .per_year_cap_index = "UK.MEDIAN_EARNINGS"},
		{.category = REP_HARM_LOST_EARNING_CAPACITY, .treatment = REP_TREAT_PROVEN, .klass = REP_PECUNIARY,
		 .label = "Loss of earning capacity", .future_pv = true, .basis = "CJA 1988 s.133A(6)",
		 .note = "discounted to present value; the per-year earnings limit applies too: check it by hand"},
		UK_ASSESSED(REP_HARM_BUSINESS, "Business losses"),
		UK_ASSESSED(REP_HARM_PROPERTY, "Property"),
		UK_ASSESSED(REP_HARM_FINES_AND_COSTS, "Fines and costs"),
		UK_ASSESSED(REP_HARM_LEGAL_COSTS, "Legal costs"),
		UK_ASSESSED(REP_HARM_MEDICAL_COSTS, "Medical costs"),
		UK_ASSESSED(REP_HARM_PSYCHOLOGICAL_CARE, "Psychological care"),
		UK_ASSESSED(REP_HARM_OTHER_EXPENSES, "Other expenses"),
		{.category = REP_HARM_MORAL_HARM, .treatment = REP_TREAT_COURT, .klass = REP_NON_PECUNIARY,
		 .label = "Non-pecuniary loss (as assessed)", .basis = "CJA 1988 s.133A(2)",
		 .note = "the assessor has regard to the seriousness of the offence, the severity of the punishment "
			 "and the conduct of the investigation"},
		{0}},
	.caps = (const rep_cap[]){
		{.label = "Overall cap, 10 years or more (GBP 1,300,000)", .scope = REP_CAP_TOTAL,
		 .amount = {"1300000", "secondary", UK_ORDER_2025_SOURCE},
		 .min_months = 120, .max_months = -1, .valid_from = D_2025_10_29, .valid_to = REP_NONE,
		 .version_at = REP_AT_APPLICATION, .basis = "CJA 1988 s.133A(5)(a), s.133B; Order 2025"},
		{.label = "Overall cap, under 10 years (GBP 650,000)", .scope = REP_CAP_TOTAL,
		 .amount = {"650000", "secondary", UK_ORDER_2025_SOURCE},
		 .min_months = -1, .max_months = 119, .valid_from = D_2025_10_29, .valid_to = REP_NONE,
		 .version_at = REP_AT_APPLICATION, .basis = "CJA 1988 s.133A(5)(b); Order 2025"},
		{.label = "Overall cap, 10 years or more (GBP 1,000,000)", .scope = REP_CAP_TOTAL,
		 .amount = {"1000000", "verified",
			    "CJA 1988 s.133A(5)(a) as in force 2008-2025 (legislation.gov.uk; Commons Library)"},
		 .min_months = 120, .max_months = -1, .valid_from = REP_NONE, .valid_to = D_2025_10_28,
		 .version_at = REP_AT_APPLICATION, .basis = "CJA 1988 s.133A(5)(a), s.133B"},
		{.label = "Overall cap, under 10 years (GBP 500,000)", .scope = REP_CAP_TOTAL,
		 .amount = {"500000", "verified",
			    "CJA 1988 s.133A(5)(b) as in force 2008-2025 (legislation.gov.uk; Commons Library)"},
		 .min_months = -1, .max_months = 119, .valid_from = REP_NONE, .valid_to = D_2025_10_28,
		 .version_at = REP_AT_APPLICATION, .basis = "CJA 1988 s.133A(5)(b)"},
		{0}},
	.citations = (const rep_cite[]){
		{"Criminal Justice Act 1988", "ss.133, 133A, 133B", "https://www.legislation.gov.uk/ukpga/1988/33/section/133A"},
		{"Compensation for Miscarriages of Justice (Alteration of Overall Compensation Limits) Order 2025",
		 "in force 29 Oct 2025", NULL},
		{0}},
};

const rep_scheme_def *const rep_schemes_uk[] = {&uk_cja, NULL};
