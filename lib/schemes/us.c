/* United States: federal unjust-conviction statute (28 U.S.C. §§1495, 2513)
 * and state statutes. Sources: docs/sources.md (United States). */
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

/* State statutes pay a fixed amount per year or day of wrongful incarceration;
 * losses beyond it are not separate heads unless the statute says so. */
#define US_STATE_EXCLUDED(cat, lbl, klass_, basis_)                                                   \
	{.category = cat, .treatment = REP_TREAT_EXCLUDED, .klass = klass_, .label = lbl, .basis = basis_, \
	 .note = "not a separate head: the statute pays a fixed amount per period of incarceration"}

/* The heads a flat-rate state statute does not pay, with its citation. */
#define US_STATE_ALL_EXCLUDED(basis_)                                                                           \
	US_STATE_EXCLUDED(REP_HARM_LOST_EARNINGS, "Lost earnings", REP_PECUNIARY, basis_),                      \
	US_STATE_EXCLUDED(REP_HARM_LOST_EARNING_CAPACITY, "Lost earning capacity", REP_PECUNIARY, basis_),      \
	US_STATE_EXCLUDED(REP_HARM_BUSINESS, "Business losses", REP_PECUNIARY, basis_),                         \
	US_STATE_EXCLUDED(REP_HARM_PROPERTY, "Property", REP_PECUNIARY, basis_),                                \
	US_STATE_EXCLUDED(REP_HARM_FINES_AND_COSTS, "Fines and costs", REP_PECUNIARY, basis_),                  \
	US_STATE_EXCLUDED(REP_HARM_LEGAL_COSTS, "Legal costs", REP_PECUNIARY, basis_),                          \
	US_STATE_EXCLUDED(REP_HARM_MEDICAL_COSTS, "Medical costs", REP_PECUNIARY, basis_),                      \
	US_STATE_EXCLUDED(REP_HARM_PSYCHOLOGICAL_CARE, "Psychological care", REP_PECUNIARY, basis_),            \
	US_STATE_EXCLUDED(REP_HARM_OTHER_EXPENSES, "Other expenses", REP_PECUNIARY, basis_),                    \
	US_STATE_EXCLUDED(REP_HARM_MORAL_HARM, "Moral harm", REP_NON_PECUNIARY, basis_)

#define US_STATE_INNOCENCE                                                                              \
	(REP_BIT(REP_OUT_CONVICTION_QUASHED) | REP_BIT(REP_OUT_ACQUITTED) | REP_BIT(REP_OUT_DISMISSED_REHABILITATING) | \
	 REP_BIT(REP_OUT_PARDON))

#define D_2009_09_01 14488 /* Tex. HB 1736 (Acts 2009, ch. 180) in force */

static const rep_scheme_def us_tx = {
	.id = "us-tx",
	.name = "Texas: Tim Cole Act, Civil Practice and Remedies Code ch. 103",
	.jurisdiction = "United States (Texas)",
	.currency = "USD",
	.status = "law",
	.effective_from = D_2009_09_01,
	.effective_to = REP_NONE,
	.notes = "Lump sum of USD 80,000 for each year in prison and USD 25,000 for each year on parole or as a "
		 "registered sex offender (§103.052), fractions of a year prorated. Convention adopted: whole years + "
		 "months/12 + remaining days/365 of each period, months counted from the first day to the same day "
		 "of a later month (2000-01-01..2010-06-30 = 10 years 6 months = 10.5 years). The version in force "
		 "from 1 Sep 2009 (HB 1736) is applied to claims made since then (proceedings.application_date, else "
		 "as_of); earlier claims fell under USD 25,000 a year (capped at USD 500,000 for 20 years or more) "
		 "before 2007 and USD 50,000 a year from 2007 (USD 100,000 a year for a death sentence, HB 1736 "
		 "bill summary), which are not modelled: such a claim is reported as "
		 "not in force. Besides the lump sum the claimant is entitled to a standard annuity, in equal "
		 "monthly payments for life, whose present value equals the §103.052(a)(1) amount (the prison "
		 "years), at 5 % a year (§103.053(a-1)-(c)). The estimate states it with amount 0 and does not "
		 "count it unless option annuity_years gives a term: it then counts its present value and shows the "
		 "monthly payment for that term certain (5 % as an effective annual rate, paid at each month's "
		 "end; the Comptroller's mortality and other actuarial factors are not modelled, and the part "
		 "under §103.052(b) named in §103.053(a-1) is not identified here). Child-support arrears "
		 "paid on the claimant's behalf are not modelled. Time also served on a concurrent lawful sentence "
		 "is not compensated (§103.001(b)): leave it out of the detentions.",
	.rounding = REP_ROUND_HALF_UP,
	.places = -1,
	.proc_kinds = REP_BIT(REP_PROC_CRIMINAL),
	.proc_kinds_text = "criminal convictions",
	.qualifying = (const rep_rule[]){
		{.outcomes = US_STATE_INNOCENCE,
		 .text = "a pardon for innocence, or relief on the basis of actual innocence (conviction vacated and "
			 "charges dismissed, or acquittal on retrial)",
		 .basis = "Tex. Civ. Prac. & Rem. Code §103.001"},
		{0}},
	.tariffs = (const rep_tariff[]){
		{.label = "Years in prison (USD 80,000 per year)", .klass = REP_NON_PECUNIARY,
		 .kinds = REP_BIT(REP_DET_POLICE_CUSTODY) | REP_BIT(REP_DET_PRETRIAL_CUSTODY) | REP_BIT(REP_DET_PRISON),
		 .measure = REP_MEASURE_YEARS_YMD, .unit = "year",
		 .rate = {"80000", "verified", "Senate bill analysis of HB 638 (2015); Tex. CPRC §103.052"},
		 .valid_from = REP_NONE, .valid_to = REP_NONE, .basis = "Tex. Civ. Prac. & Rem. Code §103.052(a)(1)",
		 .formula = "USD 80,000 for each year of wrongful imprisonment, prorated"},
		{.label = "Years on parole (USD 25,000 per year)", .head = "parole", .klass = REP_NON_PECUNIARY,
		 .kinds = REP_BIT(REP_DET_PAROLE), .measure = REP_MEASURE_YEARS_YMD, .unit = "year",
		 .rate = {"25000", "verified",
			  "Tex. CPRC §103.052(a)(2), added by HB 1736 (81st Legislature, eff. 1 Sep 2009): bill summary "
			  "at capitol.texas.gov; tx.opengovernment.org/sessions/81/bills/hb-1736"},
		 .valid_from = REP_NONE, .valid_to = REP_NONE, .basis = "Tex. Civ. Prac. & Rem. Code §103.052(a)(2)",
		 .formula = "USD 25,000 for each year on parole or as a registered sex offender, prorated"},
		{0}},
	.heads = (const rep_head[]){US_STATE_ALL_EXCLUDED("Tex. CPRC §103.052"), {0}},
	.annuity = &(const rep_annuity){
		.label = "Standard annuity (§103.053), besides the lump sum", .base_heads = "liberty",
		.rate = {"0.05", "verified", "Tex. Civ. Prac. & Rem. Code §103.053(c) (texas.public.law copy of the statute)"},
		.convention = REP_ANNUITY_EFFECTIVE_ANNUAL, .years_option = "annuity_years",
		.klass = REP_NON_PECUNIARY, .basis = "Tex. Civ. Prac. & Rem. Code §103.053",
		.formula = "life annuity in equal monthly payments, present value equal to the §103.052(a)(1) amount",
		.note = "a term certain stands in for the claimant's life; mortality is not modelled"},
	.options = (const rep_option_def[]){
		{.name = "annuity_years", .type = REP_OPT_DECIMAL, .def = "0", .min = "0", .max = "100",
		 .description = "term in years standing in for the claimant's remaining life (whole months); 0: the "
				"annuity is stated, not counted"},
		{0}},
	.citations = (const rep_cite[]){
		{"Texas Civil Practice and Remedies Code", "ch. 103 (§§103.001, 103.052, 103.053)",
		 "https://statutes.capitol.texas.gov/Docs/CP/htm/CP.103.htm"},
		{0}},
};

static const rep_scheme_def us_ca = {
	.id = "us-ca",
	.name = "California: Penal Code §4904, compensation for erroneous conviction",
	.jurisdiction = "United States (California)",
	.currency = "USD",
	.status = "law",
	.effective_from = REP_NONE,
	.effective_to = REP_NONE,
	.notes = "USD 140 per day of incarceration, including time in a county jail counted as part of the term "
		 "(Penal Code §4904); days counted inclusive of both ends. A contingent version (Stats. 2023, "
		 "ch. 702) adds USD 70 per day on parole or supervised release and CPI-West indexation only if "
		 "budget conditions are met; whether it became operative is unverified, so it is not applied. The "
		 "current rate is applied to every claim: an earlier USD 100 per day (secondary; date of the change "
		 "not verified) is not modelled.",
	.rounding = REP_ROUND_HALF_UP,
	.places = -1,
	.proc_kinds = REP_BIT(REP_PROC_CRIMINAL),
	.proc_kinds_text = "criminal convictions",
	.qualifying = (const rep_rule[]){
		{.outcomes = US_STATE_INNOCENCE,
		 .text = "a conviction reversed or vacated, or a pardon, with a finding that the crime was not "
			 "committed by the claimant",
		 .basis = "Cal. Penal Code §§4900, 4903"},
		{0}},
	.tariffs = (const rep_tariff[]){
		{.label = "Incarceration (USD 140 per day)", .klass = REP_NON_PECUNIARY,
		 .kinds = REP_BIT(REP_DET_POLICE_CUSTODY) | REP_BIT(REP_DET_PRETRIAL_CUSTODY) | REP_BIT(REP_DET_PRISON),
		 .measure = REP_MEASURE_DAYS, .daycount = REP_DC_INCLUSIVE, .unit = "day",
		 .rate = {"140", "verified", "Cal. Penal Code §4904 (statute text on jurris.com, lawserver.com)"},
		 .valid_from = REP_NONE, .valid_to = REP_NONE, .basis = "Cal. Penal Code §4904",
		 .formula = "USD 140 for each day of incarceration"},
		{0}},
	.heads = (const rep_head[]){US_STATE_ALL_EXCLUDED("Cal. Penal Code §4904"), {0}},
	.citations = (const rep_cite[]){{"California Penal Code", "§§4900-4904", NULL}, {0}},
};

#define FL_PROVEN(cat, lbl)                                                                     \
	{.category = cat, .treatment = REP_TREAT_PROVEN, .klass = REP_PECUNIARY, .label = lbl, \
	 .basis = "Fla. Stat. §961.06(1)", .note = "reimbursed as paid"}

static const rep_scheme_def us_fl = {
	.id = "us-fl",
	.name = "Florida: Victims of Wrongful Incarceration Compensation Act, Fla. Stat. §961.06",
	.jurisdiction = "United States (Florida)",
	.currency = "USD",
	.status = "law",
	.effective_from = REP_NONE,
	.effective_to = REP_NONE,
	.notes = "USD 50,000 for each year of wrongful incarceration, prorated for part years (inclusive days / 365), plus "
		 "reimbursement of fines, penalties, court costs and reasonable attorney fees, with a total cap of "
		 "USD 2,000,000. The CFO may adjust the annual rate for inflation (CPI-U) for persons found "
		 "wrongfully incarcerated after 31 Dec 2005; the unadjusted rate is used. A tuition waiver (up to "
		 "120 credit hours) is not priced. The 2025 reform (SB 130, from 1 Jul 2025) removed the clean-hands "
		 "bar and replaced the bar on civil suits with an offset; eligibility here follows the outcome only, so "
		 "the clean-hands bar of earlier claims is not checked. The 2008 Act (current text) is applied to "
		 "every claim.",
	.rounding = REP_ROUND_HALF_UP,
	.places = -1,
	.proc_kinds = REP_BIT(REP_PROC_CRIMINAL),
	.proc_kinds_text = "criminal convictions",
	.qualifying = (const rep_rule[]){
		{.outcomes = REP_BIT(REP_OUT_CONVICTION_QUASHED) | REP_BIT(REP_OUT_ACQUITTED) | REP_BIT(REP_OUT_DISMISSED_REHABILITATING),
		 .text = "a conviction vacated on verifiable and substantial evidence of actual innocence, with a court "
			 "order finding the person wrongfully incarcerated",
		 .basis = "Fla. Stat. §§961.02, 961.03"},
		{0}},
	.tariffs = (const rep_tariff[]){
		{.label = "Wrongful incarceration (USD 50,000 per year, prorated)", .klass = REP_NON_PECUNIARY,
		 .kinds = REP_BIT(REP_DET_POLICE_CUSTODY) | REP_BIT(REP_DET_PRETRIAL_CUSTODY) | REP_BIT(REP_DET_PRISON),
		 .measure = REP_MEASURE_YEARS_365, .unit = "year",
		 .rate = {"50000", "verified", "Fla. Stat. §961.06(1)(a) (2025 Florida Statutes, official site)"},
		 .valid_from = REP_NONE, .valid_to = REP_NONE, .basis = "Fla. Stat. §961.06(1)(a)",
		 .formula = "USD 50,000 for each year of wrongful incarceration, days / 365"},
		{0}},
	.heads = (const rep_head[]){
		US_STATE_EXCLUDED(REP_HARM_LOST_EARNINGS, "Lost earnings", REP_PECUNIARY, "Fla. Stat. §961.06"),
		US_STATE_EXCLUDED(REP_HARM_LOST_EARNING_CAPACITY, "Lost earning capacity", REP_PECUNIARY, "Fla. Stat. §961.06"),
		US_STATE_EXCLUDED(REP_HARM_BUSINESS, "Business losses", REP_PECUNIARY, "Fla. Stat. §961.06"),
		US_STATE_EXCLUDED(REP_HARM_PROPERTY, "Property", REP_PECUNIARY, "Fla. Stat. §961.06"),
		FL_PROVEN(REP_HARM_FINES_AND_COSTS, "Fines, penalties and court costs"),
		FL_PROVEN(REP_HARM_LEGAL_COSTS, "Reasonable attorney fees"),
		US_STATE_EXCLUDED(REP_HARM_MEDICAL_COSTS, "Medical costs", REP_PECUNIARY, "Fla. Stat. §961.06"),
		US_STATE_EXCLUDED(REP_HARM_PSYCHOLOGICAL_CARE, "Psychological care", REP_PECUNIARY, "Fla. Stat. §961.06"),
		US_STATE_EXCLUDED(REP_HARM_OTHER_EXPENSES, "Other expenses", REP_PECUNIARY, "Fla. Stat. §961.06"),
		US_STATE_EXCLUDED(REP_HARM_MORAL_HARM, "Moral harm", REP_NON_PECUNIARY, "Fla. Stat. §961.06"),
		{0}},
	.caps = (const rep_cap[]){
		{.label = "Total cap (USD 2,000,000)", .scope = REP_CAP_TOTAL,
		 .amount = {"2000000", "secondary", "Innocence Project state page; 2025 bill summaries"},
		 .min_months = -1, .max_months = -1, .valid_from = REP_NONE, .valid_to = REP_NONE,
		 .basis = "Fla. Stat. §961.06(2)"},
		{0}},
	.citations = (const rep_cite[]){{"Florida Statutes", "ch. 961 (§961.06)", NULL}, {0}},
};

const rep_scheme_def *const rep_schemes_us[] = {&us_federal, &us_tx, &us_ca, &us_fl, NULL};
