/* United States: federal unjust-conviction statute (28 U.S.C. §§1495, 2513)
 * and state statutes. Sources: shared/research/international-comparative.md §3.2-3.5. */
#include "schemes/schemes.h"

#define US_INCARCERATION (REP_BIT(REP_DET_POLICE_CUSTODY) | REP_BIT(REP_DET_PRETRIAL_CUSTODY) | REP_BIT(REP_DET_PRISON))

/* The federal statute fixes a maximum and pays nothing else besides it. */
#define US_FED_EXCLUDED(cat, lbl, klass_)                                                             \
	{.category = cat, .treatment = REP_TREAT_EXCLUDED, .klass = klass_, .label = lbl,             \
	 .basis = "28 U.S.C. §2513(e)",                                                                \
	 .note = "the statute sets one maximum per 12 months of incarceration; losses are not paid on top"}

static const rep_scheme_def us_federal = {
	.id = "us-federal",
	.name = "United States (federal): unjust conviction and imprisonment, 28 U.S.C. §§1495, 2513",
	.jurisdiction = "United States (federal)",
	.currency = "USD",
	.status = "law",
	.effective_from = REP_NONE,
	.effective_to = REP_NONE,
	.notes = "Damages may not exceed USD 50,000 for each 12-month period of incarceration (USD 100,000 "
		 "under a death sentence), §2513(e); the Court of Federal Claims prorates by day with the "
		 "unrounded daily rate (Crooker v. United States, No. 10-546C, 2014: 2,273 days -> USD 311,369.86). "
		 "The figure is the statutory maximum, the most a court may award. Days are counted inclusive "
		 "of both ends. A certificate of innocence or a pardon for innocence is required (§2513(a)-(b)).",
	.rounding = REP_ROUND_HALF_UP,
	.places = -1,
	.proc_kinds = REP_BIT(REP_PROC_CRIMINAL),
	.proc_kinds_text = "federal criminal convictions",
	.qualifying = (const rep_rule[]){
		{.outcomes = REP_BIT(REP_OUT_CONVICTION_QUASHED) | REP_BIT(REP_OUT_ACQUITTED) |
			     REP_BIT(REP_OUT_DISMISSED_REHABILITATING),
		 .text = "a conviction reversed or set aside on the ground that the person is not guilty, or a "
			 "new trial ending in acquittal, qualifies (with a certificate of innocence)",
		 .basis = "28 U.S.C. §2513(a)(1)"},
		{.outcomes = REP_BIT(REP_OUT_PARDON),
		 .text = "a pardon qualifies only when granted on the ground of innocence",
		 .basis = "28 U.S.C. §2513(a)(1)"},
		{0}},
	.bars = (const rep_rule[]){
		{.flags = REP_FLAG_SELF_INCRIMINATION,
		 .text = "the claimant must not have caused or brought about their own prosecution by misconduct "
			 "or neglect (self-incrimination recorded)",
		 .basis = "28 U.S.C. §2513(a)(2)"},
		{0}},
	.tariffs = (const rep_tariff[]){
		{.label = "Incarceration (USD 50,000 per 12 months, prorated daily)", .klass = REP_NON_PECUNIARY,
		 .kinds = US_INCARCERATION, .measure = REP_MEASURE_YEARS_365, .unit = "year",
		 .rate = {"50000", "verified", "28 U.S.C. §2513(e) (FindLaw copy of the Code)"},
		 .condition = REP_COND_NO_DEATH_SENTENCE, .valid_from = REP_NONE, .valid_to = REP_NONE,
		 .basis = "28 U.S.C. §2513(e)",
		 .formula = "at most USD 50,000 for each 12-month period of incarceration, days / 365"},
		{.label = "Incarceration under a death sentence (USD 100,000 per 12 months)", .klass = REP_NON_PECUNIARY,
		 .kinds = US_INCARCERATION, .measure = REP_MEASURE_YEARS_365, .unit = "year",
		 .rate = {"100000", "verified", "28 U.S.C. §2513(e) (FindLaw copy of the Code)"},
		 .condition = REP_COND_DEATH_SENTENCE, .valid_from = REP_NONE, .valid_to = REP_NONE,
		 .basis = "28 U.S.C. §2513(e)",
		 .formula = "at most USD 100,000 for each 12-month period of incarceration under a death sentence, days / 365"},
		{0}},
	.heads = (const rep_head[]){
		US_FED_EXCLUDED(REP_HARM_LOST_EARNINGS, "Lost earnings", REP_PECUNIARY),
		US_FED_EXCLUDED(REP_HARM_LOST_EARNING_CAPACITY, "Lost earning capacity", REP_PECUNIARY),
		US_FED_EXCLUDED(REP_HARM_BUSINESS, "Business losses", REP_PECUNIARY),
		US_FED_EXCLUDED(REP_HARM_PROPERTY, "Property", REP_PECUNIARY),
		US_FED_EXCLUDED(REP_HARM_FINES_AND_COSTS, "Fines and costs", REP_PECUNIARY),
		US_FED_EXCLUDED(REP_HARM_LEGAL_COSTS, "Legal costs", REP_PECUNIARY),
		US_FED_EXCLUDED(REP_HARM_MEDICAL_COSTS, "Medical costs", REP_PECUNIARY),
		US_FED_EXCLUDED(REP_HARM_PSYCHOLOGICAL_CARE, "Psychological care", REP_PECUNIARY),
		US_FED_EXCLUDED(REP_HARM_OTHER_EXPENSES, "Other expenses", REP_PECUNIARY),
		US_FED_EXCLUDED(REP_HARM_MORAL_HARM, "Moral harm", REP_NON_PECUNIARY),
		{0}},
	.citations = (const rep_cite[]){
		{"28 U.S.C. §2513", "(e) amount of damages", "https://codes.findlaw.com/us/title-28-judiciary-and-judicial-procedure/28-usc-sect-2513.html"},
		{"28 U.S.C. §1495", "jurisdiction of the Court of Federal Claims", NULL},
		{"Crooker v. United States, Fed. Cl. No. 10-546C (18 Dec 2014)", "fn. 1 (daily proration)", NULL},
		{0}},
};

const rep_scheme_def *const rep_schemes_us[] = {&us_federal, NULL};
