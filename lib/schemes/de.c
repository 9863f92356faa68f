/* Germany: Gesetz über die Entschädigung für Strafverfolgungsmaßnahmen
 * (StrEG), and the 2024 government draft (StrERG) as a separate scenario.
 * Sources: docs/sources.md (Germany). */
#include "schemes/schemes.h"

#define STREG_KINDS \
	(REP_BIT(REP_DET_POLICE_CUSTODY) | REP_BIT(REP_DET_PRETRIAL_CUSTODY) | REP_BIT(REP_DET_PRISON) | \
	 REP_BIT(REP_DET_PSYCHIATRIC))

static const rep_rule streg_qualifying[] = {
	{.outcomes = REP_BIT(REP_OUT_ACQUITTED) | REP_BIT(REP_OUT_DISMISSED_REHABILITATING) |
		     REP_BIT(REP_OUT_CONVICTION_QUASHED),
	 .text = "acquittal, discontinuance or a conviction quashed after court-ordered deprivation of liberty "
		 "gives a claim against the State",
	 .basis = "StrEG §§1, 2"},
	{0}};

static const rep_rule streg_bars[] = {
	{.flags = REP_FLAG_SELF_INCRIMINATION,
	 .text = "compensation may be refused where the person caused the prosecution by falsely incriminating "
		 "themselves (self-incrimination recorded)",
	 .basis = "StrEG §6(1) no. 1"},
	{0}};

#define STREG_7_2_SOURCE                                                                               \
	"StrEG §7(2) as amended 30 Sep 2020, BGBl. I S. 2049 (justiz-nrw.wolterskluwer-online.de; "        \
	"lexmea.de/de/gesetz/streg/7)"

#define STREG_PECUNIARY(cat, lbl)                                                                     \
	{.category = cat, .treatment = REP_TREAT_PROVEN, .klass = REP_PECUNIARY, .label = lbl,        \
	 .basis = "StrEG §7(1)", .note = "proven financial loss caused by the measure"}

static const rep_head streg_heads[] = {
	STREG_PECUNIARY(REP_HARM_LOST_EARNINGS, "Lost earnings"),
	{.category = REP_HARM_LOST_EARNING_CAPACITY, .treatment = REP_TREAT_PROVEN, .klass = REP_PECUNIARY,
	 .label = "Lost earning capacity", .basis = "StrEG §7(1)", .future_pv = true,
	 .note = "future loss caused by the measure, as proven; discounted to present value"},
	STREG_PECUNIARY(REP_HARM_BUSINESS, "Business losses"),
	STREG_PECUNIARY(REP_HARM_PROPERTY, "Property"),
	STREG_PECUNIARY(REP_HARM_FINES_AND_COSTS, "Fines and costs paid"),
	STREG_PECUNIARY(REP_HARM_LEGAL_COSTS, "Defence costs"),
	STREG_PECUNIARY(REP_HARM_MEDICAL_COSTS, "Medical costs"),
	STREG_PECUNIARY(REP_HARM_PSYCHOLOGICAL_CARE, "Psychological care"),
	STREG_PECUNIARY(REP_HARM_OTHER_EXPENSES, "Other expenses"),
	{.category = REP_HARM_MORAL_HARM, .treatment = REP_TREAT_EXCLUDED, .klass = REP_NON_PECUNIARY,
	 .label = "Moral harm", .basis = "StrEG §7(3)",
	 .note = "non-pecuniary harm of deprivation of liberty is paid only by the daily rate of §7(3)"},
	{0}};

static const rep_cite streg_cites[] = {
	{"Gesetz über die Entschädigung für Strafverfolgungsmaßnahmen (StrEG)", "§7", "https://dejure.org/gesetze/StrEG/7.html"},
	{"Drittes Gesetz zur Änderung des StrEG of 30 Sep 2020", "art. 1 (EUR 75 from 8 Oct 2020)", NULL},
	{0}};

static const rep_scheme_def de_streg = {
	.id = "de-streg",
	.name = "Germany: compensation for criminal prosecution measures (StrEG)",
	.jurisdiction = "Germany",
	.currency = "EUR",
	.status = "law",
	.effective_from = REP_NONE,
	.effective_to = REP_NONE,
	.notes = "EUR 75 for each commenced day of court-ordered deprivation of liberty (StrEG §7(3), since "
		 "8 Oct 2020; EUR 25 from 5 Aug 2009, EUR 11 from 1 Jan 2002), plus proven pecuniary loss when it "
		 "exceeds EUR 25 (§7(2)). Transitional rule adopted here: the daily rate in force on the last day "
		 "of deprivation of liberty applies to the whole detention. With whole dates, every listed day "
		 "has commenced, so the count includes both ends. The deduction for board and lodging saved in "
		 "prison (Vorteilsausgleich) is not applied: enter net figures.",
	.rounding = REP_ROUND_HALF_UP,
	.places = -1,
	.proc_kinds = REP_BIT(REP_PROC_CRIMINAL),
	.proc_kinds_text = "criminal prosecution measures",
	.qualifying = streg_qualifying,
	.bars = streg_bars,
	.requires_detention = false,
	.tariffs = (const rep_tariff[]){
		{.label = "Deprivation of liberty (EUR 75 per commenced day)", .klass = REP_NON_PECUNIARY,
		 .kinds = STREG_KINDS, .measure = REP_MEASURE_DAYS, .daycount = REP_DC_COMMENCED, .unit = "day",
		 .rate = {"75", "verified", "StrEG §7(3) as amended 30 Sep 2020 (dejure.org)"},
		 .valid_from = 18543 /* 2020-10-08 */, .valid_to = REP_NONE, .version_at = REP_AT_DETENTION_END,
		 .basis = "StrEG §7(3)", .formula = "EUR 75 for each commenced day of deprivation of liberty"},
		{.label = "Deprivation of liberty (EUR 25 per commenced day)", .klass = REP_NON_PECUNIARY,
		 .kinds = STREG_KINDS, .measure = REP_MEASURE_DAYS, .daycount = REP_DC_COMMENCED, .unit = "day",
		 .rate = {"25", "verified", "StrEG §7(3) in the version of 5 Aug 2009 (Bundesrat print 639/19)"},
		 .valid_from = 14461 /* 2009-08-05 */, .valid_to = 18542 /* 2020-10-07 */,
		 .version_at = REP_AT_DETENTION_END, .basis = "StrEG §7(3) (2009 version)",
		 .formula = "EUR 25 for each commenced day (rate in force when the detention ended)"},
		{.label = "Deprivation of liberty (EUR 11 per commenced day)", .klass = REP_NON_PECUNIARY,
		 .kinds = STREG_KINDS, .measure = REP_MEASURE_DAYS, .daycount = REP_DC_COMMENCED, .unit = "day",
		 .rate = {"11", "verified", "StrEG §7(3) in the version of 1 Jan 2002 (Bundesrat print 639/19)"},
		 .valid_from = 11688 /* 2002-01-01 */, .valid_to = 14460 /* 2009-08-04 */,
		 .version_at = REP_AT_DETENTION_END, .basis = "StrEG §7(3) (2002 version)",
		 .formula = "EUR 11 for each commenced day (rate in force when the detention ended)"},
		{0}},
	.heads = streg_heads,
	.pecuniary_threshold = {"25", "verified", STREG_7_2_SOURCE},
	.pecuniary_threshold_basis = "StrEG §7(2): pecuniary loss is compensated only if it exceeds EUR 25",
	.citations = streg_cites,
};

static const rep_scheme_def de_streg_draft_2024 = {
	.id = "de-streg-draft-2024",
	.name = "Germany: 2024 government draft (StrERG), EUR 100/200 per day — scenario, not law",
	.jurisdiction = "Germany",
	.currency = "EUR",
	.status = "draft",
	.effective_from = REP_NONE,
	.effective_to = REP_NONE,
	.notes = "Government draft Strafverfolgungsentschädigungsreformgesetz (Bundestag print 20/14502, "
		 "Cabinet 6 Nov 2024): EUR 100 per commenced day, EUR 200 from the 183rd day. The Bundesrat asked "
		 "to delete the EUR 200 tier; the draft lapsed with the 20th Bundestag (unverified). Days are "
		 "counted across all periods of deprivation of liberty in date order. Other heads as in StrEG.",
	.rounding = REP_ROUND_HALF_UP,
	.places = -1,
	.proc_kinds = REP_BIT(REP_PROC_CRIMINAL),
	.proc_kinds_text = "criminal prosecution measures",
	.qualifying = streg_qualifying,
	.bars = streg_bars,
	.tariffs = (const rep_tariff[]){
		{.label = "Deprivation of liberty, days 1-182 (EUR 100 per day)", .klass = REP_NON_PECUNIARY,
		 .kinds = STREG_KINDS, .measure = REP_MEASURE_DAYS, .daycount = REP_DC_COMMENCED, .unit = "day",
		 .rate = {"100", "verified", "BT-Drs. 20/14502 (bundestag.de hib note)"}, .tier_from = 1, .tier_to = 182,
		 .valid_from = REP_NONE, .valid_to = REP_NONE, .basis = "StrERG draft, §7(3) new",
		 .formula = "EUR 100 for each commenced day up to the 182nd"},
		{.label = "Deprivation of liberty, from day 183 (EUR 200 per day)", .klass = REP_NON_PECUNIARY,
		 .kinds = STREG_KINDS, .measure = REP_MEASURE_DAYS, .daycount = REP_DC_COMMENCED, .unit = "day",
		 .rate = {"200", "verified", "BT-Drs. 20/14502 (bundestag.de hib note)"}, .tier_from = 183,
		 .valid_from = REP_NONE, .valid_to = REP_NONE, .basis = "StrERG draft, §7(3) new",
		 .formula = "EUR 200 for each commenced day from the 183rd"},
		{0}},
	.heads = streg_heads,
	.pecuniary_threshold = {"25", "verified", STREG_7_2_SOURCE},
	.pecuniary_threshold_basis = "StrEG §7(2): pecuniary loss is compensated only if it exceeds EUR 25",
	.warnings = (const char *const[]){"scenario: the 2024 StrERG draft is not law", NULL},
	.citations = (const rep_cite[]){
		{"Entwurf eines Strafverfolgungsentschädigungsreformgesetzes", "BT-Drs. 20/14502", NULL}, {0}},
};

const rep_scheme_def *const rep_schemes_de[] = {&de_streg, &de_streg_draft_2024, NULL};
