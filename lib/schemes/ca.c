/* Canada: Federal/Provincial Guidelines on Compensation for Wrongfully
 * Convicted and Imprisoned Persons (1988). Sources: docs/sources.md (Canada). */
#include "schemes/schemes.h"

#define CA_PROVEN(cat, lbl)                                                                     \
	{.category = cat, .treatment = REP_TREAT_PROVEN, .klass = REP_PECUNIARY, .label = lbl, \
	 .basis = "F/P Guidelines 1988: pecuniary losses"}

static const rep_scheme_def ca_guidelines = {
	.id = "ca-guidelines",
	.name = "Canada: Federal/Provincial Guidelines on compensation for the wrongfully convicted (1988)",
	.jurisdiction = "Canada",
	.currency = "CAD",
	.status = "guideline",
	.effective_from = REP_NONE,
	.effective_to = REP_NONE,
	.notes = "Non-pecuniary loss (loss of liberty, harshness of imprisonment, reputation, family) limited "
		 "to CAD 100,000 (1988 figure); pecuniary loss (past and future earnings, property, consequential "
		 "loss) and the costs of obtaining the pardon or acquittal as proven. There is no daily tariff: a "
		 "non-pecuniary figure is counted only when the case gives one (moral_harm), and is capped. "
		 "No day count: there is no tariff per day. The 1988 figure is applied to every claim: "
		 "commissions have adjusted the 1988 limit for inflation (unverified); amounts are largely "
		 "negotiated. Eligibility needs a conviction reversed outside the normal appeal process on a new "
		 "fact showing factual innocence.",
	.rounding = REP_ROUND_HALF_UP,
	.places = -1,
	.proc_kinds = REP_BIT(REP_PROC_CRIMINAL),
	.proc_kinds_text = "criminal convictions",
	.qualifying = (const rep_rule[]){
		{.outcomes = REP_BIT(REP_OUT_CONVICTION_QUASHED) | REP_BIT(REP_OUT_PARDON) | REP_BIT(REP_OUT_ACQUITTED),
		 .text = "a conviction reversed or a free pardon on a new fact showing factual innocence, all appeals "
			 "exhausted",
		 .basis = "F/P Guidelines 1988, eligibility"},
		{0}},
	.heads = (const rep_head[]){
		CA_PROVEN(REP_HARM_LOST_EARNINGS, "Past loss of earnings"),
		{.category = REP_HARM_LOST_EARNING_CAPACITY, .treatment = REP_TREAT_PROVEN, .klass = REP_PECUNIARY,
		 .label = "Future loss of earnings", .future_pv = true, .basis = "F/P Guidelines 1988: pecuniary losses",
		 .note = "discounted to present value"},
		CA_PROVEN(REP_HARM_BUSINESS, "Business losses"),
		CA_PROVEN(REP_HARM_PROPERTY, "Property and consequential loss"),
		CA_PROVEN(REP_HARM_FINES_AND_COSTS, "Fines and costs"),
		CA_PROVEN(REP_HARM_LEGAL_COSTS, "Costs of obtaining the pardon or acquittal"),
		CA_PROVEN(REP_HARM_MEDICAL_COSTS, "Medical costs"),
		CA_PROVEN(REP_HARM_PSYCHOLOGICAL_CARE, "Psychological care"),
		CA_PROVEN(REP_HARM_OTHER_EXPENSES, "Other expenses"),
		{.category = REP_HARM_MORAL_HARM, .treatment = REP_TREAT_COURT, .klass = REP_NON_PECUNIARY,
		 .label = "Non-pecuniary loss (liberty, reputation, family)", .basis = "F/P Guidelines 1988",
		 .note = "assessed; limited to CAD 100,000 (1988)"},
		{0}},
	.caps = (const rep_cap[]){
		{.label = "Non-pecuniary limit (CAD 100,000, 1988)", .scope = REP_CAP_NON_PECUNIARY,
		 .amount = {"100000", "verified", "Ontario Attorney General, Truscott compensation report s.9"},
		 .min_months = -1, .max_months = -1, .valid_from = REP_NONE, .valid_to = REP_NONE,
		 .basis = "F/P Guidelines 1988"},
		{0}},
	.citations = (const rep_cite[]){
		{"Federal/Provincial Guidelines on Compensation for Wrongfully Convicted and Imprisoned Persons (1988)", NULL, NULL},
		{0}},
};

const rep_scheme_def *const rep_schemes_ca[] = {&ca_guidelines, NULL};
