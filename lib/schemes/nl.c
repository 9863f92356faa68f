/* Netherlands: arts. 89-90 Wetboek van Strafvordering, with the courts'
 * guideline amounts (LOVS). Source: shared/research/international-comparative.md §3.10. */
#include "schemes/schemes.h"

#define NL_PROVEN(cat, lbl)                                                                     \
	{.category = cat, .treatment = REP_TREAT_PROVEN, .klass = REP_PECUNIARY, .label = lbl, \
	 .basis = "Sv art. 89", .note = "material damage as proven, after deducting living costs saved in detention"}

static const rep_scheme_def nl_lovs = {
	.id = "nl-lovs",
	.name = "Netherlands: compensation for police custody and pre-trial detention (Sv arts. 89-90, LOVS guideline)",
	.jurisdiction = "Netherlands",
	.currency = "EUR",
	.status = "practice",
	.effective_from = REP_NONE,
	.effective_to = REP_NONE,
	.notes = "Immaterial damage at the courts' guideline amounts (LOVS forfaitaire bedragen, 2016 level): "
		 "EUR 105 per day in a police cell, EUR 80 per day in a remand centre, counted the LOVS way: the "
		 "last day of deprivation of liberty (the day of release) does not count (Hoge Raad 11 Sep 2018, "
		 "ECLI:NL:HR:2018:1542); a police cell followed the next day by remand is one spell, so only its "
		 "last day is left out (1 to 4 May 2016 in a police cell = 3 days). The 2016 amounts are applied "
		 "to every claim. The "
		 "amounts are not binding law and may have been updated since 2016 (unverified); courts do not "
		 "index them (ECLI:NL:GHSHE:2008:BD8989). Material damage (lost income) is added as proven, after "
		 "deducting living costs saved (ECLI:NL:GHDHA:2014:4159): enter net figures. Imprisonment under a "
		 "conviction later quashed falls under other provisions and is not priced here.",
	.rounding = REP_ROUND_HALF_UP,
	.places = -1,
	.proc_kinds = REP_BIT(REP_PROC_CRIMINAL),
	.proc_kinds_text = "criminal proceedings",
	.qualifying = (const rep_rule[]){
		{.outcomes = REP_BIT(REP_OUT_ACQUITTED) | REP_BIT(REP_OUT_DISMISSED_REHABILITATING) |
			     REP_BIT(REP_OUT_CONVICTION_QUASHED),
		 .text = "a case that ends without a penalty or measure gives a claim for police custody and "
			 "pre-trial detention, where equity requires it",
		 .basis = "Sv art. 89(1)"},
		{0}},
	.tariffs = (const rep_tariff[]){
		{.label = "Police custody (EUR 105 per day)", .klass = REP_NON_PECUNIARY,
		 .kinds = REP_BIT(REP_DET_POLICE_CUSTODY), .measure = REP_MEASURE_DAYS, .daycount = REP_DC_EXCLUSIVE_LAST,
		 .unit = "day", .rate = {"105", "secondary", "LOVS 2016 level (Advocatenblad 14 Nov 2017, citing the Algemene Rekenkamer)"},
		 .valid_from = REP_NONE, .valid_to = REP_NONE, .basis = "Sv art. 89; LOVS guideline",
		 .formula = "EUR 105 per day in a police cell, the day of release not counted"},
		{.label = "Pre-trial detention in a remand centre (EUR 80 per day)", .klass = REP_NON_PECUNIARY,
		 .kinds = REP_BIT(REP_DET_PRETRIAL_CUSTODY), .measure = REP_MEASURE_DAYS, .daycount = REP_DC_EXCLUSIVE_LAST,
		 .unit = "day", .rate = {"80", "secondary", "LOVS 2016 level (Advocatenblad 14 Nov 2017; NRC 19 Apr 2016)"},
		 .valid_from = REP_NONE, .valid_to = REP_NONE, .basis = "Sv art. 89; LOVS guideline",
		 .formula = "EUR 80 per day in a remand centre, the day of release not counted"},
		{0}},
	.heads = (const rep_head[]){
		NL_PROVEN(REP_HARM_LOST_EARNINGS, "Lost income"),
		NL_PROVEN(REP_HARM_BUSINESS, "Business losses"),
		NL_PROVEN(REP_HARM_PROPERTY, "Property"),
		NL_PROVEN(REP_HARM_LEGAL_COSTS, "Lawyer's costs"),
		NL_PROVEN(REP_HARM_MEDICAL_COSTS, "Medical costs"),
		NL_PROVEN(REP_HARM_PSYCHOLOGICAL_CARE, "Psychological care"),
		NL_PROVEN(REP_HARM_OTHER_EXPENSES, "Other expenses"),
		{.category = REP_HARM_MORAL_HARM, .treatment = REP_TREAT_EXCLUDED, .klass = REP_NON_PECUNIARY,
		 .label = "Moral harm", .basis = "LOVS guideline",
		 .note = "immaterial damage is paid by the daily guideline amounts"},
		{0}},
	.citations = (const rep_cite[]){
		{"Wetboek van Strafvordering", "arts. 89-90", NULL},
		{"Hoge Raad 11 Sep 2018", "ECLI:NL:HR:2018:1542 (LOVS not binding; last day excluded)", NULL},
		{0}},
};

const rep_scheme_def *const rep_schemes_nl[] = {&nl_lovs, NULL};
