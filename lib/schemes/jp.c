/* Japan: Criminal Compensation Act (刑事補償法, Act No. 1 of 1950), art. 4.
 * Sources: docs/sources.md (Japan). */
#include "schemes/schemes.h"

#define JP_KINDS \
	(REP_BIT(REP_DET_POLICE_CUSTODY) | REP_BIT(REP_DET_PRETRIAL_CUSTODY) | REP_BIT(REP_DET_PRISON) | \
	 REP_BIT(REP_DET_PSYCHIATRIC))

#define JP_IN_RATE(cat, lbl, klass_)                                                                   \
	{.category = cat, .treatment = REP_TREAT_EXCLUDED, .klass = klass_, .label = lbl,              \
	 .basis = "Criminal Compensation Act art. 4(2)",                                                \
	 .note = "property loss, lost profits and mental suffering are factors in the court's choice of the daily " \
		 "rate, not separate heads"}

static const rep_scheme_def jp_cca = {
	.id = "jp-cca",
	.name = "Japan: Criminal Compensation Act (刑事補償法), art. 4",
	.jurisdiction = "Japan",
	.currency = "JPY",
	.status = "law",
	.effective_from = REP_NONE,
	.effective_to = REP_NONE,
	.notes = "JPY 1,000 to 12,500 for each day of arrest, detention or imprisonment (art. 4(1)); the court "
		 "fixes the daily rate in that range considering the type and length of the restraint, property "
		 "loss, lost profits, mental suffering, bodily injury and the fault of police, prosecutors and "
		 "courts (art. 4(2)). The estimate's headline uses the maximum, JPY 12,500 (as in the Hakamata "
		 "decision of 24 Mar 2025), and reports the whole range; option daily_rate sets the court's rate. "
		 "Days are counted inclusive of the day of arrest and the day of release: the Hakamata award, "
		 "1966-08-18..2014-03-27, 17,389 days, about JPY 217 million, matches that count. Fines are "
		 "refunded with statutory interest from collection (art. 4(5)); the interest is not computed here. "
		 "An executed death sentence (up to JPY 30 million plus proven loss, art. 4(3)) is not modelled. "
		 "The range of the version in force on 15 Nov 2023 (at this level since 1992, unverified) is "
		 "applied to every claim; the earlier ranges (JPY 200-400 per day in 1950) are not modelled.",
	.rounding = REP_ROUND_HALF_UP,
	.places = -1,
	.proc_kinds = REP_BIT(REP_PROC_CRIMINAL),
	.proc_kinds_text = "criminal proceedings",
	.qualifying = (const rep_rule[]){
		{.outcomes = REP_BIT(REP_OUT_ACQUITTED) | REP_BIT(REP_OUT_CONVICTION_QUASHED),
		 .text = "a person acquitted (at trial, on appeal or on retrial) who was detained or imprisoned may claim "
			 "compensation from the State",
		 .basis = "Criminal Compensation Act art. 1"},
		{0}},
	.bars = (const rep_rule[]){
		{.flags = REP_FLAG_SELF_INCRIMINATION,
		 .text = "the court may refuse compensation in whole or in part where the person made a false "
			 "confession to mislead the investigation or trial (self-incrimination recorded)",
		 .basis = "Criminal Compensation Act art. 3(1)"},
		{0}},
	.tariffs = (const rep_tariff[]){
		{.label = "Detention and imprisonment (JPY 1,000-12,500 per day)", .klass = REP_NON_PECUNIARY,
		 .kinds = JP_KINDS, .measure = REP_MEASURE_DAYS, .daycount = REP_DC_INCLUSIVE, .unit = "day",
		 .rate = {"12500", "verified", "Criminal Compensation Act art. 4(1), version in force 15 Nov 2023 (iuris.jp)"},
		 .rate_option = "daily_rate", .rate_low = "1000", .rate_high = "12500",
		 .valid_from = REP_NONE, .valid_to = REP_NONE, .basis = "Criminal Compensation Act art. 4(1)",
		 .formula = "daily rate fixed by the court within JPY 1,000-12,500, times each day from arrest to release"},
		{0}},
	.heads = (const rep_head[]){
		JP_IN_RATE(REP_HARM_LOST_EARNINGS, "Lost earnings", REP_PECUNIARY),
		JP_IN_RATE(REP_HARM_LOST_EARNING_CAPACITY, "Lost earning capacity", REP_PECUNIARY),
		JP_IN_RATE(REP_HARM_BUSINESS, "Business losses", REP_PECUNIARY),
		JP_IN_RATE(REP_HARM_PROPERTY, "Property", REP_PECUNIARY),
		{.category = REP_HARM_FINES_AND_COSTS, .treatment = REP_TREAT_PROVEN, .klass = REP_PECUNIARY,
		 .label = "Fines collected (refund)", .basis = "Criminal Compensation Act art. 4(5)",
		 .note = "refunded with statutory interest from the day after collection; the interest is not computed"},
		JP_IN_RATE(REP_HARM_LEGAL_COSTS, "Legal costs", REP_PECUNIARY),
		JP_IN_RATE(REP_HARM_MEDICAL_COSTS, "Medical costs", REP_PECUNIARY),
		JP_IN_RATE(REP_HARM_PSYCHOLOGICAL_CARE, "Psychological care", REP_PECUNIARY),
		JP_IN_RATE(REP_HARM_OTHER_EXPENSES, "Other expenses", REP_PECUNIARY),
		JP_IN_RATE(REP_HARM_MORAL_HARM, "Moral harm", REP_NON_PECUNIARY),
		{0}},
	.options = (const rep_option_def[]){
		{.name = "daily_rate", .type = REP_OPT_DECIMAL, .def = "12500", .min = "1000", .max = "12500",
		 .description = "JPY per day fixed by the court within the statutory range (default: the maximum)"},
		{0}},
	.citations = (const rep_cite[]){
		{"刑事補償法 (Criminal Compensation Act, Act No. 1 of 1950)", "arts. 1, 3, 4", NULL},
		{"Shizuoka District Court, decision of 24 Mar 2025 (Hakamata)", "maximum daily rate, about JPY 217 million", NULL},
		{0}},
};

const rep_scheme_def *const rep_schemes_jp[] = {&jp_cca, NULL};
