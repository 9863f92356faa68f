/* International standards: full reparation under the UN Basic Principles
 * (GA res. 60/147, para. 20) and ICCPR art. 9(5), and the European Court of
 * Human Rights' art. 41 practice as a comparison.
 * Sources: docs/sources.md (International). */
#include "schemes/schemes.h"

#define UN_A "(a) physical or mental harm"
#define UN_B "(b) lost opportunities"
#define UN_C "(c) material damage and loss of earnings"
#define UN_D "(d) moral damage"
#define UN_E "(e) legal, expert, medical, psychological and social costs"
#define UN_BASIS "UN Basic Principles on the Right to a Remedy and Reparation, GA res. 60/147, para. 20"

#define UN_HEAD(cat, grp, lbl, sub)                                                                  \
	{.category = cat, .treatment = REP_TREAT_PROVEN, .klass = REP_PECUNIARY, .label = lbl, .group = grp, \
	 .basis = UN_BASIS sub, .indexable = true, .note = "as proven; brought to as_of by option indexation"}

/* The comparable ECtHR awards for politically motivated detention (arts. 5
 * and 18), from press reports of the judgments, so marked secondary. */
#define ECHR_BAND_CASES                                                                                \
	"Ayyubzade v. Azerbaijan, no. 6180/15 (2 Mar 2023) 7,500; Navalnyy v. Russia (No. 2), no. 43734/14 " \
	"(9 Apr 2019) 20,000; Mammad Azizov and Shahin Novruzlu v. Azerbaijan 20,000 each; Selahattin "       \
	"Demirtaş v. Türkiye (No. 4) (8 Jul 2025) 35,000"
#define ECHR_BAND_SOURCE                                                                                   \
	"comparable ECtHR awards: Navalnyy v. Russia (No. 2), 9 Apr 2019 (humanrightseurope.org); Mammad Azizov and " \
	"Shahin Novruzlu v. Azerbaijan, 18 Feb 2021 (oc-media.org); Demirtaş v. Türkiye (No. 4), 8 Jul 2025 (press)"

static const rep_option_def un_options[] = {
	{.name = "indexation", .type = REP_OPT_CHOICE, .def = "nominal", .choices = "nominal|cpi|mci|wage|interest",
	 .description = "how past losses are brought to as_of: nominal (default), cpi, mci or wage (Kazakh series: "
			"for KZT cases), or interest (simple interest at option interest_rate from each loss's date)"},
	{.name = "interest_rate", .type = REP_OPT_DECIMAL, .def = "0", .min = "0", .max = "100",
	 .description = "percent a year, simple, act/365, for indexation=interest (UN standards set no rate: give "
			"the one you rely on, e.g. the statutory rate of the forum)"},
	{.name = "moral_benchmark", .type = REP_OPT_CHOICE, .def = "de-streg", .choices = "de-streg|echr|user|none",
	 .description = "the benchmark in the total for (d) moral damage: de-streg (EUR 75 per day, Germany), echr "
			"(the ECtHR comparable-award band: EUR 20,000 within 7,500-35,000), user (option "
			"moral_per_day), none (a moral_harm figure given in the case); the range covers them all"},
	{.name = "moral_per_day", .type = REP_OPT_DECIMAL, .def = "0", .min = "0", .max = "100000000",
	 .description = "a daily rate of your own for (d), in the case's currency (with moral_benchmark=user)"},
	{0}};

static const rep_scheme_def intl_un = {
	.id = "intl-un",
	.name = "International standard: full reparation (UN Basic Principles 60/147 para. 20; ICCPR art. 9(5))",
	.jurisdiction = "International (UN)",
	.currency = NULL,
	.status = "standard",
	.effective_from = REP_NONE,
	.effective_to = REP_NONE,
	.notes = "Full reparation in the case's own currency, one group of lines per head of para. 20: "
		 "(a) physical or mental harm, (b) lost opportunities, (c) material damage and loss of earnings "
		 "including earning potential (future loss as present value), (d) moral damage, (e) costs of legal "
		 "or expert assistance, medicine and medical services, and psychological and social services. "
		 "Eligibility is not conditioned on acquittal: a detention found arbitrary or unlawful (a WGAD "
		 "opinion, Human Rights Committee Views, or a court) qualifies whatever ended it, amnesty, pardon "
		 "or a served sentence included. UN bodies never quantify: (a) and (b) are lines for assessment, and "
		 "(d) has no tariff, so the estimate offers named benchmarks (option moral_benchmark) and reports "
		 "their range: Germany's statutory EUR 75 per day of deprivation of liberty (StrEG §7(3), the default), "
		 "converted into the case's currency at the exchange rate on as_of; the ECtHR comparable-award band "
		 "for politically motivated detention, EUR 7,500-35,000 with EUR 20,000 in the total (" ECHR_BAND_CASES
		 "; press reports, see scheme echr); a daily rate of the user's own (option moral_per_day, in the "
		 "case's currency). Days are counted inclusive of both ends. Past losses are brought to as_of by "
		 "option indexation: nominal (default), a Kazakh index (cpi, mci, wage), or simple interest at "
		 "option interest_rate from each loss's date (lost earnings: from the middle of the loss period); "
		 "future loss of earning potential is discounted to present value (the case's growth and "
		 "discount_rate). Amounts in another currency than the case's are converted at as_of. The "
		 "standards apply since GA res. 60/147 (16 Dec 2005) and ICCPR art. 9(5) (in force 1976); no "
		 "version changes. The exact wording of para. 20 is as usually quoted (not checked against the "
		 "resolution's text).",
	.rounding = REP_ROUND_HALF_UP,
	.places = -1,
	.qualifying = (const rep_rule[]){
		{.flags = REP_FLAG_ARBITRARY_DETENTION_FINDING,
		 .text = "a finding that the detention was arbitrary or unlawful (UN Working Group on Arbitrary "
			 "Detention, Human Rights Committee, or a court) gives an enforceable right to compensation, "
			 "whatever ended the detention: amnesty, pardon or a served sentence included",
		 .basis = "ICCPR art. 9(5); GA res. 60/147 paras 11, 15-20; HRC General Comment 35 (2014)"},
		{.outcomes = OUT_REHABILITATING,
		 .text = "an acquittal, a rehabilitating dismissal or a quashed conviction establishes that the "
			 "prosecution and detention were unfounded",
		 .basis = "ICCPR arts. 9(5), 14(6); GA res. 60/147 para. 20"},
		{0}},
	.tariffs = (const rep_tariff[]){
		{.label = "Moral damage: deprivation of liberty at Germany's daily rate (EUR 75)", .head = "moral_harm",
		 .group = UN_D, .klass = REP_NON_PECUNIARY, .kinds = KINDS_ALL_LIBERTY, .measure = REP_MEASURE_DAYS,
		 .daycount = REP_DC_INCLUSIVE, .unit = "day",
		 .rate = {"75", "verified", "benchmark: Germany, StrEG §7(3) daily rate since 8 Oct 2020 (dejure.org)"},
		 .rate_currency = "EUR", .valid_from = REP_NONE, .valid_to = REP_NONE,
		 .when_option = "moral_benchmark", .when_value = "de-streg",
		 .basis = UN_BASIS "(d); benchmark: StrEG §7(3)",
		 .formula = "benchmark: Germany's statutory rate per day of deprivation of liberty"},
		{.label = "Moral damage: deprivation of liberty at a daily rate of your own", .head = "moral_harm",
		 .group = UN_D, .klass = REP_NON_PECUNIARY, .kinds = KINDS_ALL_LIBERTY, .measure = REP_MEASURE_DAYS,
		 .daycount = REP_DC_INCLUSIVE, .unit = "day", .rate_option = "moral_per_day",
		 .valid_from = REP_NONE, .valid_to = REP_NONE, .when_option = "moral_benchmark", .when_value = "user",
		 .basis = UN_BASIS "(d); benchmark supplied by the user",
		 .formula = "user-supplied rate per day of deprivation of liberty (option moral_per_day)"},
		{0}},
	.fixed = (const rep_fixed[]){
		{.label = "Physical or mental harm: for assessment", .head = "physical_mental_harm", .group = UN_A,
		 .trigger = REP_TRIGGER_ALWAYS, .amount = {"0", "verified", "no tariff exists"}, .klass = REP_NON_PECUNIARY,
		 .basis = UN_BASIS "(a); CAT art. 14",
		 .formula = "no tariff: assessed on medical and psychological evidence (a torture finding supports it)",
		 .note = "enter an assessed figure as moral_harm; treatment costs go to (e)"},
		{.label = "Lost opportunities (employment, education, social benefits): for assessment",
		 .head = "lost_opportunities", .group = UN_B, .trigger = REP_TRIGGER_ALWAYS,
		 .amount = {"0", "verified", "no tariff exists"}, .klass = REP_PECUNIARY, .basis = UN_BASIS "(b)",
		 .formula = "no tariff: lost employment is in (c); give lost education or social benefits as other_expenses",
		 .note = "not itemized in the case"},
		{.label = "Moral damage: ECtHR comparable-award band", .head = "moral_harm", .group = UN_D,
		 .trigger = REP_TRIGGER_ALWAYS, .amount = {"20000", "secondary", ECHR_BAND_SOURCE},
		 .amount_low = "7500", .amount_high = "35000", .amount_currency = "EUR", .klass = REP_NON_PECUNIARY,
		 .when_option = "moral_benchmark", .when_value = "echr",
		 .basis = UN_BASIS "(d); benchmark: ECHR art. 41 awards in arts. 5 and 18 cases",
		 .formula = "benchmark: equitable ECtHR award for politically motivated detention, EUR 20,000 within the "
			    "band 7,500-35,000",
		 .note = "the band comes from " ECHR_BAND_CASES " (EUR, press reports)"},
		{0}},
	.heads = (const rep_head[]){
		UN_HEAD(REP_HARM_LOST_EARNINGS, UN_C, "Loss of earnings", "(c)"),
		{.category = REP_HARM_LOST_EARNING_CAPACITY, .treatment = REP_TREAT_PROVEN, .klass = REP_PECUNIARY,
		 .label = "Loss of earning potential (present value)", .group = UN_C, .future_pv = true,
		 .basis = UN_BASIS "(c)", .note = "future loss discounted to present value"},
		UN_HEAD(REP_HARM_BUSINESS, UN_C, "Business losses", "(c)"),
		UN_HEAD(REP_HARM_PROPERTY, UN_C, "Material damage: property", "(c)"),
		UN_HEAD(REP_HARM_FINES_AND_COSTS, UN_C, "Fines and costs paid", "(c); restitution, para. 19"),
		UN_HEAD(REP_HARM_OTHER_EXPENSES, UN_C, "Other losses", "(c)"),
		UN_HEAD(REP_HARM_LEGAL_COSTS, UN_E, "Legal and expert assistance", "(e)"),
		UN_HEAD(REP_HARM_MEDICAL_COSTS, UN_E, "Medicine and medical services", "(e)"),
		UN_HEAD(REP_HARM_PSYCHOLOGICAL_CARE, UN_E, "Psychological and social services", "(e); rehabilitation, para. 21"),
		{.category = REP_HARM_MORAL_HARM, .treatment = REP_TREAT_PROVEN, .klass = REP_NON_PECUNIARY,
		 .label = "Moral damage (figure given)", .group = UN_D, .basis = UN_BASIS "(d)",
		 .note = "a figure for the detention itself would double count the benchmark: then set "
			 "moral_benchmark=none"},
		{0}},
	.options = un_options,
	.indexation_option = "indexation",
	.interest_rate_option = "interest_rate",
	.range_option = "moral_benchmark",
	.warnings = (const char *const[]){
		"intl-un: UN bodies do not quantify compensation; (a) and (b) are for assessment and (d) is a benchmark, "
		"not an award",
		NULL},
	.citations = (const rep_cite[]){
		{"International Covenant on Civil and Political Rights", "arts. 9(5), 14(6)", NULL},
		{"Basic Principles and Guidelines on the Right to a Remedy and Reparation, GA res. 60/147 (2005)", "paras 18-23", NULL},
		{"Human Rights Committee, General Comment No. 35 (CCPR/C/GC/35, 2014)", "paras 49-52", NULL},
		{0}},
};

#define ECHR_HEAD(cat, lbl)                                                                     \
	{.category = cat, .treatment = REP_TREAT_PROVEN, .klass = REP_PECUNIARY, .label = lbl, \
	 .basis = "ECHR art. 41; Practice Direction on just satisfaction claims",              \
	 .note = "pecuniary damage needs a clear causal link to the violation and documents"}

static const rep_scheme_def echr = {
	.id = "echr",
	.name = "European Court of Human Rights: just satisfaction under art. 41 (comparison; Kazakhstan is not a party)",
	.jurisdiction = "Council of Europe (ECtHR)",
	.currency = "EUR",
	.status = "practice",
	.effective_from = REP_NONE,
	.effective_to = REP_NONE,
	.notes = "A comparison only: Kazakhstan and Uzbekistan are not Council of Europe members. The Court awards "
		 "proven pecuniary damage with a causal link (lost earnings are often refused in art. 5 cases unless "
		 "the detention itself lacked any lawful basis), costs and expenses, and non-pecuniary damage on an "
		 "equitable basis, from comparable awards rather than a rate. For politically motivated detention "
		 "(arts. 5 and 18) the awards seen run from EUR 7,500 to 35,000 per applicant, weakly related to "
		 "duration: Ayyubzade v. Azerbaijan (2023) 7,500; Navalnyy v. Russia (No. 2) (2019) 20,000; Azizov "
		 "and Novruzlu v. Azerbaijan 20,000 each; Demirtaş v. Türkiye (No. 4) (2025) 35,000 (press reports, "
		 "secondary). The estimate uses EUR 20,000 (option non_pecuniary) and reports the band as its range. "
		 "Default interest (the Court's standard operative clause): simple interest at the ECB marginal "
		 "lending rate + 3 percentage points, from the end of the 3-month payment deadline until settlement; "
		 "the estimate states it and computes it when option days_late gives the days of delay, the "
		 "settlement being as_of (each day at the ECB.MLF rate in force that day, act/365). Amounts in "
		 "another currency are converted into EUR at as_of (the Court converts at the rate on the date of "
		 "settlement). The non-pecuniary award is a lump sum, not a rate: no day count (the per-day figure "
		 "of a comparison divides it by the inclusive days). Practice, not a statute: no version dates.",
	.rounding = REP_ROUND_HALF_UP,
	.places = -1,
	.qualifying = (const rep_rule[]){
		{.flags = REP_FLAG_ARBITRARY_DETENTION_FINDING,
		 .text = "a violation of art. 5 (unlawful or arbitrary detention) found: the Court affords just "
			 "satisfaction if domestic law allows only partial reparation",
		 .basis = "ECHR arts. 5, 41"},
		{0}},
	.fixed = (const rep_fixed[]){
		{.label = "Non-pecuniary damage (equitable basis, comparable awards)", .head = "moral_harm",
		 .trigger = REP_TRIGGER_ALWAYS,
		 .amount = {"20000", "secondary", ECHR_BAND_SOURCE},
		 .amount_option = "non_pecuniary", .amount_low = "7500", .amount_high = "35000",
		 .klass = REP_NON_PECUNIARY, .basis = "ECHR art. 41",
		 .formula = "equitable award from comparable art. 5 and 18 cases (band EUR 7,500-35,000)",
		 .note = "the band comes from " ECHR_BAND_CASES " (EUR, press reports)"},
		{0}},
	.heads = (const rep_head[]){
		ECHR_HEAD(REP_HARM_LOST_EARNINGS, "Pecuniary damage: lost earnings"),
		{.category = REP_HARM_LOST_EARNING_CAPACITY, .treatment = REP_TREAT_EXCLUDED, .klass = REP_PECUNIARY,
		 .label = "Future loss of earnings", .basis = "ECHR art. 41",
		 .note = "speculative future loss is rarely awarded in art. 5 cases"},
		ECHR_HEAD(REP_HARM_BUSINESS, "Pecuniary damage: business"),
		ECHR_HEAD(REP_HARM_PROPERTY, "Pecuniary damage: property"),
		ECHR_HEAD(REP_HARM_FINES_AND_COSTS, "Pecuniary damage: fines and costs paid"),
		ECHR_HEAD(REP_HARM_OTHER_EXPENSES, "Pecuniary damage: other"),
		ECHR_HEAD(REP_HARM_MEDICAL_COSTS, "Pecuniary damage: medical costs"),
		ECHR_HEAD(REP_HARM_PSYCHOLOGICAL_CARE, "Pecuniary damage: psychological care"),
		{.category = REP_HARM_LEGAL_COSTS, .treatment = REP_TREAT_PROVEN, .klass = REP_PECUNIARY,
		 .label = "Costs and expenses", .basis = "ECHR art. 41; Rule 60 of the Rules of Court",
		 .note = "actually and necessarily incurred and reasonable as to quantum"},
		{.category = REP_HARM_MORAL_HARM, .treatment = REP_TREAT_EXCLUDED, .klass = REP_NON_PECUNIARY,
		 .label = "Moral harm (figure given)", .basis = "ECHR art. 41",
		 .note = "the Court's own equitable award replaces it"},
		{0}},
	.late_interest = &(const rep_late_interest){
		.label = "Default interest after the 3-month deadline", .series = "ECB.MLF",
		.margin = {"3", "verified", "ECtHR standard operative clause (Art. 5 §3 judgment notified 29 Apr 2010)"},
		.days_option = "days_late", .basis = "ECHR art. 41; standard operative clause on default interest",
		.formula = "simple interest at the ECB marginal lending rate + 3 points from the end of the 3-month "
			   "deadline until settlement",
		.note = "runs only if the State pays late; settlement taken as as_of"},
	.options = (const rep_option_def[]){
		{.name = "non_pecuniary", .type = REP_OPT_DECIMAL, .def = "20000", .min = "0", .max = "100000",
		 .description = "EUR of non-pecuniary damage (the comparable-award band is 7,500-35,000)"},
		{.name = "days_late", .type = REP_OPT_DECIMAL, .def = "0", .min = "0", .max = "36500",
		 .description = "whole days between the end of the 3-month payment deadline and settlement (as_of); "
				"0: default interest stated, not computed"},
		{0}},
	.warnings = (const char *const[]){
		"echr is a comparison: Kazakhstan and Uzbekistan are not parties to the European Convention on Human Rights",
		NULL},
	.citations = (const rep_cite[]){
		{"European Convention on Human Rights", "arts. 5, 18, 41", NULL},
		{"Practice Direction on Just Satisfaction Claims", NULL, NULL},
		{0}},
};

const rep_scheme_def *const rep_schemes_intl[] = {&intl_un, &echr, NULL};
