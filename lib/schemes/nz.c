/* New Zealand: Cabinet compensation guidelines for wrongful conviction and
 * detention (ex gratia). Sources: docs/sources.md (New Zealand). */
#include "schemes/schemes.h"

#define NZ_PROVEN(cat, lbl)                                                                     \
	{.category = cat, .treatment = REP_TREAT_PROVEN, .klass = REP_PECUNIARY, .label = lbl, \
	 .basis = "Cabinet Compensation Guidelines (2000/2023): pecuniary losses"}

static const rep_scheme_def nz_guidelines = {
	.id = "nz-guidelines",
	.name = "New Zealand: Compensation Guidelines for Wrongful Conviction and Detention (ex gratia)",
	.jurisdiction = "New Zealand",
	.currency = "NZD",
	.status = "guideline",
	.effective_from = REP_NONE,
	.effective_to = REP_NONE,
	.notes = "Non-pecuniary loss from a starting figure of NZD 100,000 per year in custody (the 2000 "
		 "value), prorated by inclusive days of custody / 365, plus pecuniary losses (livelihood and earnings, future earning "
		 "ability, property, costs of obtaining the pardon or acquittal). The 2020 and 2023 guidelines "
		 "update the annual figure for inflation; the current figure was not verified, so the 2000 value "
		 "is used and the estimate understates today's awards: Alan Hall (2023) received NZD 4,059,725.75 "
		 "under the 2023 guidelines for about 18 years in prison (about NZD 225,500 a year), plus "
		 "NZD 874,000 for parole outside them. Payments are ex gratia, not a legal right.",
	.rounding = REP_ROUND_HALF_UP,
	.places = -1,
	.proc_kinds = REP_BIT(REP_PROC_CRIMINAL),
	.proc_kinds_text = "criminal convictions",
	.qualifying = (const rep_rule[]){
		{.outcomes = REP_BIT(REP_OUT_CONVICTION_QUASHED) | REP_BIT(REP_OUT_ACQUITTED) | REP_BIT(REP_OUT_PARDON),
		 .text = "a conviction quashed on appeal with no retrial, or a free pardon, and innocence shown on the "
			 "balance of probabilities",
		 .basis = "Cabinet Compensation Guidelines, eligibility criteria"},
		{0}},
	.tariffs = (const rep_tariff[]){
		{.label = "Time in custody (NZD 100,000 per year, 2000 value)", .klass = REP_NON_PECUNIARY,
		 .kinds = KINDS_CUSTODY, .measure = REP_MEASURE_YEARS_365, .unit = "year",
		 .rate = {"100000", "verified", "Cabinet guidelines 2000 starting figure (MoJ; Law Commission of India Report 277)"},
		 .rate_option = "annual_rate", .valid_from = REP_NONE, .valid_to = REP_NONE,
		 .basis = "Cabinet Compensation Guidelines: non-pecuniary starting figure",
		 .formula = "starting figure per year in custody, days / 365"},
		{0}},
	.heads = (const rep_head[]){
		NZ_PROVEN(REP_HARM_LOST_EARNINGS, "Loss of livelihood and earnings"),
		{.category = REP_HARM_LOST_EARNING_CAPACITY, .treatment = REP_TREAT_PROVEN, .klass = REP_PECUNIARY,
		 .label = "Loss of future earning ability", .future_pv = true,
		 .basis = "Cabinet Compensation Guidelines: pecuniary losses",
		 .note = "discounted to present value"},
		NZ_PROVEN(REP_HARM_BUSINESS, "Business losses"),
		NZ_PROVEN(REP_HARM_PROPERTY, "Property and consequential loss"),
		NZ_PROVEN(REP_HARM_FINES_AND_COSTS, "Fines and costs"),
		NZ_PROVEN(REP_HARM_LEGAL_COSTS, "Costs of obtaining the pardon or acquittal"),
		NZ_PROVEN(REP_HARM_MEDICAL_COSTS, "Medical costs"),
		NZ_PROVEN(REP_HARM_PSYCHOLOGICAL_CARE, "Psychological care"),
		NZ_PROVEN(REP_HARM_OTHER_EXPENSES, "Other expenses"),
		{.category = REP_HARM_MORAL_HARM, .treatment = REP_TREAT_EXCLUDED, .klass = REP_NON_PECUNIARY,
		 .label = "Moral harm", .basis = "Cabinet Compensation Guidelines",
		 .note = "non-pecuniary loss is paid by the starting figure per year in custody"},
		{0}},
	.options = (const rep_option_def[]){
		{.name = "annual_rate", .type = REP_OPT_DECIMAL, .def = "100000", .min = "0", .max = "1000000",
		 .description = "NZD per year in custody (default: the 2000 starting figure; the 2023 figure is higher)"},
		{0}},
	.warnings = (const char *const[]){
		"nz-guidelines uses the 2000 starting figure of NZD 100,000 a year; the 2023 guidelines' inflation-"
		"adjusted figure was not verified, so this understates current awards",
		NULL},
	.citations = (const rep_cite[]){
		{"Compensation Guidelines for Wrongful Conviction and Detention (Ministry of Justice, 2023)", NULL, NULL},
		{"Pora v Attorney-General [2017] NZHC 2081", "failure to adjust the 2000 figure for inflation", NULL},
		{0}},
};

const rep_scheme_def *const rep_schemes_nz[] = {&nz_guidelines, NULL};
