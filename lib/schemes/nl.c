/* Netherlands: art. 533 Wetboek van Strafvordering (formerly arts. 89-90),
 * with the courts' guideline amounts (LOVS), which depend on when the request
 * was filed. Sources: docs/sources.md (Netherlands). */
#include "schemes/schemes.h"

#define NL_PROVEN(cat, lbl)                                                                     \
	{.category = cat, .treatment = REP_TREAT_PROVEN, .klass = REP_PECUNIARY, .label = lbl, \
	 .basis = "Sv art. 533(1)", .note = "material damage as proven, after deducting living costs saved in detention"}

#define D_2021_02_28 18686
#define D_2021_03_01 18687
#define D_2025_12_31 20453
#define D_2026_01_01 20454

#define NL_SRC_2016                                                                                        \
	"LOVS 2016 level: Advocatenblad, «Vaker vergoeding ex-verdachten» (14 Nov 2017, citing the Algemene " \
	"Rekenkamer report «Voorarrest: verdachten in de cel»); NRC, «Voor niets in de cel? Toch 105 euro» (19 Apr 2016)"
#define NL_SRC_2021                                                                                        \
	"LOVS decision of 1 Feb 2021 for requests filed from 1 Mar 2021: kantoorvanbreukelen.nl, «Nieuwe bedragen " \
	"schadevergoeding onterecht vastzitten in voorarrest»; berteadvocaten.nl, «Onterecht in voorarrest gezeten? " \
	"Schadevergoeding verhoogd!»"
#define NL_SRC_2026                                                                                        \
	"Raad voor de rechtspraak, «LOVS verhoogt boetes en vergoedingen» (Den Haag, 20 Nov 2025), from 1 Jan 2026 " \
	"(rechtspraak.nl)"

/* The day rate in force when the request was filed (proceedings.application_date). */
#define NL_DAY_RATE(lbl, kind, rate_, conf_, src_, from_, to_, formula_)                                  \
	{.label = lbl, .klass = REP_NON_PECUNIARY, .kinds = REP_BIT(kind), .measure = REP_MEASURE_DAYS,      \
	 .daycount = REP_DC_EXCLUSIVE_LAST, .unit = "day", .rate = {rate_, conf_, src_}, .valid_from = from_,  \
	 .valid_to = to_, .version_at = REP_AT_APPLICATION, .basis = "Sv art. 533(1); LOVS guideline",        \
	 .formula = formula_}
/* The supplement for remand-centre days under restrictions or in an extra-secure institution. */
#define NL_RESTRICTED(lbl, rate_, conf_, src_, from_, to_)                                                \
	{.label = lbl, .klass = REP_NON_PECUNIARY, .kinds = REP_BIT(REP_DET_PRETRIAL_CUSTODY),                \
	 .measure = REP_MEASURE_DAYS, .daycount = REP_DC_EXCLUSIVE_LAST, .unit = "day",                       \
	 .rate = {rate_, conf_, src_}, .valid_from = from_, .valid_to = to_, .version_at = REP_AT_APPLICATION, \
	 .basis = "Sv art. 533(1); LOVS guideline (aggravated detention conditions)",                         \
	 .formula = "supplement per remand-centre day under restrictions or in an extra-secure institution "   \
		    "(option restrictions=all)",                                                               \
	 .when_option = "restrictions", .when_value = "all"}

static const rep_scheme_def nl_lovs = {
	.id = "nl-lovs",
	.name = "Netherlands: compensation for police custody and pre-trial detention (Sv art. 533, LOVS guideline)",
	.jurisdiction = "Netherlands",
	.currency = "EUR",
	.status = "practice",
	.effective_from = REP_NONE,
	.effective_to = REP_NONE,
	.notes = "Immaterial damage at the courts' guideline amounts (LOVS forfaitaire bedragen), chosen by the date the "
		 "request was filed (proceedings.application_date, as_of when absent): EUR 105 a day in a police cell and "
		 "EUR 80 in a remand centre (huis van bewaring) for requests filed before 1 Mar 2021 (2016 level); EUR 130 "
		 "and EUR 100 for requests filed from 1 Mar 2021 (LOVS decision of 1 Feb 2021); EUR 160 and EUR 120 from "
		 "1 Jan 2026 (Raad voor de rechtspraak, 20 Nov 2025; LOVS now means to raise them about every two "
		 "years). Remand-centre days under restrictions or in an extra-secure institution earn a supplement "
		 "(EUR 25 before 1 Mar 2021, EUR 30 from then; the 2026 supplement was not announced and EUR 40 is "
		 "assumed, unverified): set option restrictions=all when every remand-centre day was spent so, and "
		 "split a mixed case into two estimates. Days are counted the LOVS way: the last day of deprivation of "
		 "liberty (the day of release) does not count (Hoge Raad 11 Sep 2018, ECLI:NL:HR:2018:1542); a police "
		 "cell followed the next day by remand is one spell, so only its last day is left out (1 to 4 May 2016 "
		 "in a police cell = 3 days). The amounts are not binding law, and courts do not index an individual "
		 "award (ECLI:NL:GHSHE:2008:BD8989). Legal basis: art. 533 Sv (Title VIa of Book Four, «Schadevergoeding "
		 "gewezen verdachte na vrijheidsbeneming»), which carries the wording of former art. 89 Sv; the request "
		 "must be filed within three months of the end of the case (art. 533(3)). Material damage (lost "
		 "income) is added as proven, after deducting living costs saved (ECLI:NL:GHDHA:2014:4159): enter net "
		 "figures. Imprisonment under a conviction later quashed falls under other provisions and is not priced "
		 "here.",
	.rounding = REP_ROUND_HALF_UP,
	.places = -1,
	.proc_kinds = REP_BIT(REP_PROC_CRIMINAL),
	.proc_kinds_text = "criminal proceedings",
	.qualifying = (const rep_rule[]){
		{.outcomes = REP_BIT(REP_OUT_ACQUITTED) | REP_BIT(REP_OUT_DISMISSED_REHABILITATING) |
			     REP_BIT(REP_OUT_CONVICTION_QUASHED),
		 .text = "a case that ends without a penalty or measure gives a claim for police custody and "
			 "pre-trial detention, where equity requires it",
		 .basis = "Sv art. 533(1)"},
		{0}},
	.tariffs = (const rep_tariff[]){
		NL_DAY_RATE("Police custody (EUR 105 per day, requests filed before 1 Mar 2021)", REP_DET_POLICE_CUSTODY,
			    "105", "secondary", NL_SRC_2016, REP_NONE, D_2021_02_28,
			    "EUR 105 per day in a police cell (LOVS 2016 level), the day of release not counted"),
		NL_DAY_RATE("Police custody (EUR 130 per day, requests filed 1 Mar 2021 to 31 Dec 2025)",
			    REP_DET_POLICE_CUSTODY, "130", "secondary", NL_SRC_2021, D_2021_03_01, D_2025_12_31,
			    "EUR 130 per day in a police cell (LOVS 2021 level), the day of release not counted"),
		NL_DAY_RATE("Police custody (EUR 160 per day, requests filed from 1 Jan 2026)", REP_DET_POLICE_CUSTODY,
			    "160", "verified", NL_SRC_2026, D_2026_01_01, REP_NONE,
			    "EUR 160 per day in a police cell (LOVS 2026 level), the day of release not counted"),
		NL_DAY_RATE("Pre-trial detention in a remand centre (EUR 80 per day, requests filed before 1 Mar 2021)",
			    REP_DET_PRETRIAL_CUSTODY, "80", "secondary", NL_SRC_2016, REP_NONE, D_2021_02_28,
			    "EUR 80 per day in a remand centre (LOVS 2016 level), the day of release not counted"),
		NL_DAY_RATE("Pre-trial detention in a remand centre (EUR 100 per day, requests filed 1 Mar 2021 to 31 Dec "
			    "2025)",
			    REP_DET_PRETRIAL_CUSTODY, "100", "secondary", NL_SRC_2021, D_2021_03_01, D_2025_12_31,
			    "EUR 100 per day in a remand centre (LOVS 2021 level), the day of release not counted"),
		NL_DAY_RATE("Pre-trial detention in a remand centre (EUR 120 per day, requests filed from 1 Jan 2026)",
			    REP_DET_PRETRIAL_CUSTODY, "120", "verified", NL_SRC_2026, D_2026_01_01, REP_NONE,
			    "EUR 120 per day in a remand centre (LOVS 2026 level), the day of release not counted"),
		NL_RESTRICTED("Remand centre under restrictions or extra security (EUR 25 more per day, requests filed "
			      "before 1 Mar 2021)",
			      "25", "secondary",
			      "schadevergoedingnavrijspraak.nl, «Hoogte schadevergoeding voorarrest» (a day in a remand centre "
			      "in restrictions EUR 105 = 80 + 25); kantoorvanbreukelen.nl (EUR 105 for a day in restrictions "
			      "or an extra-secure institution before 1 Mar 2021)",
			      REP_NONE, D_2021_02_28),
		NL_RESTRICTED("Remand centre under restrictions or extra security (EUR 30 more per day, requests filed 1 "
			      "Mar 2021 to 31 Dec 2025)",
			      "30", "secondary",
			      "berteadvocaten.nl, «Onterecht in voorarrest gezeten? Schadevergoeding verhoogd!» (LOVS decision "
			      "of 1 Feb 2021: EUR 30 a day on top for an extra-secure institution or restrictions in a remand "
			      "centre); kantoorvanbreukelen.nl (EUR 130 under aggravated conditions)",
			      D_2021_03_01, D_2025_12_31),
		NL_RESTRICTED("Remand centre under restrictions or extra security (EUR 40 more per day, requests filed from "
			      "1 Jan 2026)",
			      "40", "unverified",
			      "not announced: the Council for the Judiciary's notice of 20 Nov 2025 gives only EUR 160 (police "
			      "cell) and EUR 120 (remand centre); EUR 40 assumes that restricted days are again paid at the "
			      "police-cell rate, as in 2016 (80 + 25 = 105) and 2021 (100 + 30 = 130)",
			      D_2026_01_01, REP_NONE),
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
	.options = (const rep_option_def[]){
		{.name = "restrictions", .type = REP_OPT_CHOICE, .def = "none", .choices = "none|all",
		 .description = "all: every remand-centre day was spent under restrictions or in an extra-secure "
				"institution (EBI), which adds the LOVS supplement per day; none (default)"},
		{0}},
	.deadlines = (const rep_deadline[]){
		{.from = REP_FROM_DECISION, .months = 3,
		 .text = "the three months for the request, counted from the end of the case, have passed",
		 .basis = "Sv art. 533(3)"},
		{0}},
	.citations = (const rep_cite[]){
		{"Wetboek van Strafvordering", "art. 533 (formerly art. 89)",
		 "https://explore.law/app/library/nl-legislation/wetboek-van-strafvordering/artikel-533"},
		{"Hoge Raad 11 Sep 2018", "ECLI:NL:HR:2018:1542 (LOVS not binding; last day excluded)", NULL},
		{"Raad voor de rechtspraak, LOVS verhoogt boetes en vergoedingen (Den Haag, 20 Nov 2025)",
		 "day rates from 1 Jan 2026",
		 "https://www.rechtspraak.nl/Organisatie-en-contact/Organisatie/Raad-voor-de-rechtspraak/Nieuws/Paginas/"
		 "LOVS-verhoogt-boetes-en-vergoedingen.aspx"},
		{0}},
};

const rep_scheme_def *const rep_schemes_nl[] = {&nl_lovs, NULL};
