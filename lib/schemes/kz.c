/* Kazakhstan: the domestic routes to compensation after unlawful detention,
 * and the reform the "Duty to Rehabilitate" report recommends, as a scenario.
 *
 *   kz-cpc           Criminal Procedure Code 2014, ch. 4; Civil Code arts. 923, 951, 952
 *   kz-admin         Code of Administrative Offences 2014, art. 14(8), ch. 48 (arts. 861-868)
 *   kz-repression    Law of 14 April 1993 on rehabilitation of victims of mass political repression
 *   kz-victims-fund  Law of 10 January 2018 No. 131-VI on the Victims Compensation Fund
 *   kz-reform        scenario: rehabilitation not conditioned on acquittal (Freedom Now, 2023)
 *
 * Sources and confidence marks: docs/sources.md (Kazakhstan). Where an
 * article number is not verified the basis text says so, and the engine
 * turns that into a warning. */
#include "schemes/schemes.h"

/* ---- shared pieces ---- */

#define KZ_UPK "Criminal Procedure Code (УПК) 2014"
#define KZ_ART39_NOTE "(list reconstructed from the 1997 Code; wording and item numbers unverified)"
#define KZ_ART39 KZ_UPK " art. 39 " KZ_ART39_NOTE
#define KZ_ART39_ITEM(item) KZ_UPK " art. 39 " item " " KZ_ART39_NOTE
#define KZ_CIVIL_923 "Civil Code art. 923(1) (State liability in full, regardless of fault)"
#define KZ_IN_FULL                                                                                          \
	"in full from the budget regardless of fault: " KZ_UPK " art. 37 (article number unverified), Civil "   \
	"Code art. 923(1)"
#define KZ_MORAL_BASIS                                                                                      \
	"Civil Code arts. 951, 952 (paragraph numbering and wording unverified); Supreme Court normative "  \
	"resolution No. 7 of 27.11.2015"

#define KZ_INDEXATION_CHOICES "nominal|cpi|mci|wage"
#define KZ_NOMINAL_NOTE "; nominal unless option indexation says otherwise (indexation not guaranteed by statute)"

/* The one reported award: Tikhonov, 10 m KZT moral harm after about 3 years
 * in custody. The amounts are verified, the day count is not, so the per-day
 * figure is marked unverified. */
#define KZ_TIKHONOV_SOURCE                                                                                 \
	"Tikhonov award, 2022: 10 m KZT moral harm / about 1,095 days = about 9,100 KZT per day (repost.news, " \
	"«Сколько стоит честное имя…»; zonakz.net, KazTAG 27.09.2022). Amounts verified, days in custody not: "  \
	"illustrative"

#define KZ_ALL_OUTCOMES (REP_BIT(REP_OUT_COUNT) - 1u)

/* Property heads of УПК art. 39 as the calculator reads them. */
#define KZ_CPC_HEAD(cat, lbl, basis_, note_)                                                               \
	{.category = cat, .treatment = REP_TREAT_PROVEN, .klass = REP_PECUNIARY, .label = lbl,             \
	 .basis = basis_ "; " KZ_IN_FULL, .note = note_ KZ_NOMINAL_NOTE, .indexable = true}

static const rep_head kz_cpc_heads[] = {
	KZ_CPC_HEAD(REP_HARM_LOST_EARNINGS, "Lost earnings, pension and benefits",
		    KZ_ART39_ITEM("item 1"),
		    "earnings lost over the period as proven (the 1981 USSR Regulation, applied by normative resolution "
		    "No. 7/1999 para. 12, takes average monthly earnings before the detention; unverified)"),
	{.category = REP_HARM_LOST_EARNING_CAPACITY, .treatment = REP_TREAT_EXCLUDED, .klass = REP_PECUNIARY,
	 .label = "Lost earning capacity (future)", .basis = KZ_ART39,
	 .note = "future loss of earning capacity is not in the art. 39 list; it would need a separate civil "
		 "claim (not modelled)"},
	KZ_CPC_HEAD(REP_HARM_BUSINESS, "Other means lost (business income)",
		    KZ_ART39_ITEM("item 1, \"other means of which the person was deprived\""),
		    "as proven; whether business income falls under item 1 is for the court"),
	KZ_CPC_HEAD(REP_HARM_PROPERTY, "Property confiscated or turned to State revenue", KZ_ART39_ITEM("item 2"),
		    "returned in kind or its value, as proven"),
	KZ_CPC_HEAD(REP_HARM_FINES_AND_COSTS, "Fines and procedural costs recovered", KZ_ART39_ITEM("item 3"),
		    "sums recovered in execution of the unlawful sentence, as proven"),
	KZ_CPC_HEAD(REP_HARM_LEGAL_COSTS, "Legal assistance fees", KZ_ART39_ITEM("item 4"), "as paid and proven"),
	KZ_CPC_HEAD(REP_HARM_MEDICAL_COSTS, "Other expenses: medical treatment", KZ_ART39_ITEM("item 5, other expenses"),
		    "as proven, when caused by the unlawful prosecution or detention"),
	KZ_CPC_HEAD(REP_HARM_PSYCHOLOGICAL_CARE, "Other expenses: psychological care",
		    KZ_ART39_ITEM("item 5, other expenses"), "as proven, when caused by the unlawful prosecution or detention"),
	KZ_CPC_HEAD(REP_HARM_OTHER_EXPENSES, "Other expenses", KZ_ART39_ITEM("item 5"), "as proven"),
	{.category = REP_HARM_MORAL_HARM, .treatment = REP_TREAT_COURT, .klass = REP_NON_PECUNIARY,
	 .label = "Moral harm (for the court)", .basis = KZ_MORAL_BASIS,
	 .note = "no statutory tariff: claimed only in civil proceedings (normative resolution No. 7/1999 as amended "
		 "2020) and set by the court (reasonableness and fairness); a benchmark is shown in the range only "
		 "when option moral_benchmark_per_day is set"},
	{0}};

/* ---- kz-cpc ---- */

static const rep_rule kz_cpc_qualifying[] = {
	{.outcomes = REP_BIT(REP_OUT_ACQUITTED) | REP_BIT(REP_OUT_DISMISSED_REHABILITATING) |
		     REP_BIT(REP_OUT_CONVICTION_QUASHED),
	 .text = "only an acquittal, a termination on rehabilitating grounds (УПК art. 35(1) items 1, 2, 5-8) or a "
		 "quashed conviction gives the right to compensation from the budget",
	 .basis = "УПК 2014 art. 38 (Supreme Court normative resolution No. 7 of 9.07.1999 as amended 24.01.2020); "
		  "УПК 2014 art. 35(1) items 1, 2, 5-8 (item numbers unverified; altainews.kz)"},
	{0}};

#define KZ_NONREHAB_BASIS                                                                                  \
	"УПК 2014 arts. 35(1), 38: only rehabilitating grounds give the right (normative resolution No. 7/1999); the bar on "        \
	"non-rehabilitating release is standard practice, its 2014 wording unverified"

static const rep_rule kz_cpc_bars[] = {
	{.outcomes = REP_BIT(REP_OUT_AMNESTY),
	 .text = "release under an amnesty is a non-rehabilitating ground: the conviction stands, so Chapter 4 gives no "
		 "right to compensation (the main barrier for political prisoners, per the Duty to Rehabilitate report)",
	 .basis = KZ_NONREHAB_BASIS},
	{.outcomes = REP_BIT(REP_OUT_PARDON),
	 .text = "a pardon releases from punishment but does not rehabilitate: the conviction stands, so Chapter 4 gives "
		 "no right to compensation",
	 .basis = KZ_NONREHAB_BASIS},
	{.outcomes = REP_BIT(REP_OUT_PAROLE),
	 .text = "release on parole (conditional early release) does not rehabilitate: the conviction stands, so "
		 "Chapter 4 gives no right to compensation",
	 .basis = KZ_NONREHAB_BASIS},
	{.outcomes = REP_BIT(REP_OUT_SENTENCE_SERVED),
	 .text = "a sentence served in full leaves the conviction standing: without an acquittal or a quashed "
		 "conviction there is no right to compensation",
	 .basis = KZ_NONREHAB_BASIS},
	{.outcomes = REP_BIT(REP_OUT_SENTENCE_MITIGATED),
	 .text = "a mitigated sentence leaves the conviction standing: mitigation is not rehabilitation, so there is no "
		 "right to compensation",
	 .basis = KZ_NONREHAB_BASIS},
	{.flags = REP_FLAG_SELF_INCRIMINATION,
	 .text = "voluntary self-incrimination bars compensation: the person is taken to have caused their own "
		 "prosecution",
	 .basis = "standard rule of the 1997 УПК (art. 40) and of the КоАП parallel; the 2014 УПК article is "
		  "unverified"},
	{.flags = REP_FLAG_COERCED_CONFESSION,
	 .text = "a confession, even one extracted under pressure, is in practice treated as self-incrimination and "
		 "used to deny rehabilitation; the calculator applies this practice, which the Duty to Rehabilitate "
		 "report criticises (the law's bar is for voluntary self-incrimination only)",
	 .basis = "practice reported by Freedom Now, Duty to Rehabilitate (30.03.2023); compare the "
		  "self-incrimination bar"},
	{0}};

static const rep_option_def kz_cpc_options[] = {
	{.name = "indexation", .type = REP_OPT_CHOICE, .def = "nominal", .choices = KZ_INDEXATION_CHOICES,
	 .description = "how past amounts are brought to as_of: nominal (default; indexation not guaranteed by "
			"statute), cpi (Kazakh CPI), mci (MCI ratio), wage (average-wage ratio)"},
	{.name = "moral_benchmark_per_day", .type = REP_OPT_DECIMAL, .def = "0", .min = "0",
	 .description = "KZT per day of deprivation of liberty for an illustrative moral-harm benchmark, shown only "
			"in the range, never in the total (e.g. 9100: the Tikhonov award, 2022, with an unverified day "
			"count); 0 = no benchmark"},
	{0}};

static const rep_tariff kz_cpc_tariffs[] = {
	{.label = "Moral harm benchmark (illustrative, user-set KZT per day)", .head = "moral_harm",
	 .klass = REP_NON_PECUNIARY, .kinds = KINDS_CUSTODY | REP_BIT(REP_DET_HOUSE_ARREST),
	 .measure = REP_MEASURE_DAYS, .daycount = REP_DC_INCLUSIVE, .unit = "day",
	 .rate = {NULL, "unverified", KZ_TIKHONOV_SOURCE}, .rate_option = "moral_benchmark_per_day",
	 .range_only = true, .valid_from = REP_NONE, .valid_to = REP_NONE,
	 .basis = "benchmark only, not a legal rule: the court sets moral harm (Civil Code art. 952); "
		  "Tikhonov 2022 implies about 9,100 KZT/day (day count unverified)",
	 .formula = "illustrative benchmark per day of deprivation of liberty"},
	{0}};

static const rep_scheme_def kz_cpc = {
	.id = "kz-cpc",
	.name = "Kazakhstan: compensation after unlawful criminal prosecution (Criminal Procedure Code, ch. 4)",
	.jurisdiction = "Kazakhstan",
	.currency = "KZT",
	.status = "law",
	.effective_from = REP_NONE,
	.effective_to = REP_NONE,
	.notes = "Property harm in full from the budget, regardless of fault (УПК 2014 ch. 4; Civil Code art. 923(1); "
		 "normative resolution No. 7/1999). Article numbers: arts. 38 (who is entitled) and 40 (a claim to "
		 "the court within 6 months of the notice) are verified; art. 37 (general basis) and art. 39 (what "
		 "property harm includes) are not: the list of heads is reconstructed from the 1997 Code and the CIS "
		 "model and must be checked against adilet K1400000231. Eligibility: acquittal, termination on "
		 "rehabilitating grounds or a quashed conviction only; amnesty, pardon, parole, a served or mitigated "
		 "sentence and self-incrimination each bar the claim. A coerced confession is treated as a bar too, "
		 "because in practice it is treated as self-incrimination; this is the practice the Duty to "
		 "Rehabilitate report (Freedom Now, 2023) criticises, not a rule of the Code, which bars only "
		 "voluntary self-incrimination. Amounts are nominal by default (indexation not guaranteed by "
		 "statute: no indexation clause was found; the Russian Criminal Procedure Code has one, art. 135(4)); option "
		 "indexation=cpi|mci|wage gives indexed variants. Lost earnings are pro-rated by the days of a "
		 "partial calendar month; an indexed variant indexes them from the middle of the period. Moral harm "
		 "has no tariff: it is claimed in civil proceedings and set by the court (Civil Code arts. 951, 952); "
		 "a court's figure is included when the case gives one, and option moral_benchmark_per_day shows an "
		 "illustrative benchmark in the range only. After the 6 months a civil suit remains possible "
		 "(general limitation 3 years, Civil Code art. 178, unverified). Payment rules: Government Decree "
		 "No. 1218 of 21.11.2014 (content not retrieved).",
	.rounding = REP_ROUND_HALF_UP,
	.places = -1,
	.proc_kinds = REP_BIT(REP_PROC_CRIMINAL),
	.proc_kinds_text = "criminal prosecution (administrative cases: kz-admin; Soviet-era repression: kz-repression)",
	.qualifying = kz_cpc_qualifying,
	.bars = kz_cpc_bars,
	.tariffs = kz_cpc_tariffs,
	.heads = kz_cpc_heads,
	.options = kz_cpc_options,
	.indexation_option = "indexation",
	.deadlines = (const rep_deadline[]){
		{.from = REP_FROM_NOTICE, .months = 6,
		 .text = "the 6 months for a claim to the court under the Criminal Procedure Code, counted from the notice "
			 "of the right (or the decision), have passed; a civil suit remains possible",
		 .basis = "УПК 2014 art. 40; normative resolution No. 7 of 9.07.1999 (para. 10, as amended 24.01.2020)"},
		{0}},
	.citations = (const rep_cite[]){
		{"Criminal Procedure Code of the Republic of Kazakhstan No. 231-V of 4 July 2014",
		 "ch. 4, arts. 37-40 (38 and 40 verified; 37 and 39 numbering unverified)",
		 "https://adilet.zan.kz/rus/docs/K1400000231"},
		{"Civil Code of the Republic of Kazakhstan (Special Part) No. 409 of 1 July 1999",
		 "arts. 923(1), 951, 952", NULL},
		{"Supreme Court normative resolution No. 7 of 9 July 1999 (as amended 2010, 2017, 2020, 2024)",
		 "paras. 10, 12", "https://adilet.zan.kz/rus/docs/P99000007S_"},
		{"Supreme Court normative resolution No. 7 of 27 November 2015 on moral harm (as amended 2017, 2023)",
		 NULL, NULL},
		{"Government Decree No. 1218 of 21 November 2014 (payment rules)", "content not retrieved", NULL},
		{"Freedom Now, Duty to Rehabilitate: Assessing Reparations of Former Political Prisoners in Kazakhstan "
		 "and Uzbekistan (30 March 2023)",
		 "coerced confessions and release without acquittal", NULL},
		{0}},
};

/* ---- kz-admin ---- */

#define KZ_KOAP "Code of Administrative Offences (КоАП) 2014"
#define KZ_KOAP_COMP KZ_KOAP " ch. 48, compensation article (probably art. 862; number unverified, Kazakh text seen)"
#define KZ_ADMIN_HEAD(cat, lbl, note_)                                                                     \
	{.category = cat, .treatment = REP_TREAT_PROVEN, .klass = REP_PECUNIARY, .label = lbl,             \
	 .basis = KZ_KOAP_COMP "; " KZ_CIVIL_923, .note = note_ KZ_NOMINAL_NOTE, .indexable = true}

static const rep_scheme_def kz_admin = {
	.id = "kz-admin",
	.name = "Kazakhstan: unlawful administrative detention or arrest (КоАП 2014, art. 14(8), ch. 48)",
	.jurisdiction = "Kazakhstan",
	.currency = "KZT",
	.status = "law",
	.effective_from = REP_NONE,
	.effective_to = REP_NONE,
	.notes = "The Duty to Rehabilitate report (as summarised) cites \"articles 677 and 678\" of the Administrative "
		 "Code; these numbers do not match compensation provisions of the current Code of Administrative "
		 "Offences of 5 July 2014 No. 235-V. They may refer to the superseded 2001 Code or be a "
		 "mis-citation. The current basis is art. 14(8) (harm from unlawful administrative arrest or "
		 "detention is compensated as the Code provides) and Chapter 48, arts. 861-868 (art. 861: a person "
		 "whose case was terminated under art. 741(1) items 1)-7) and 11) is deemed innocent and the violated "
		 "rights are restored; a compensation article of the chapter, probably art. 862, pays harm from the "
		 "unlawful application of measures securing the proceedings from the republican budget in full, "
		 "regardless of fault, and bars voluntary self-incrimination; art. 868: legal entities). Civil Code "
		 "art. 923(1) also covers an unlawful administrative arrest, and art. 951 moral harm from it. There "
		 "is no per-day tariff: proven property harm in full, moral harm for the court. Amounts nominal by "
		 "default (indexation not guaranteed by statute), indexed variants by option. No specific time limit "
		 "was found for this route.",
	.rounding = REP_ROUND_HALF_UP,
	.places = -1,
	.proc_kinds = REP_BIT(REP_PROC_ADMINISTRATIVE),
	.proc_kinds_text = "administrative proceedings (criminal cases: kz-cpc)",
	.qualifying = (const rep_rule[]){
		{.outcomes = REP_BIT(REP_OUT_ADMIN_TERMINATED) | REP_BIT(REP_OUT_ACQUITTED) |
			     REP_BIT(REP_OUT_DISMISSED_REHABILITATING) | REP_BIT(REP_OUT_CONVICTION_QUASHED),
		 .text = "rehabilitation needs the case terminated on the grounds of КоАП art. 741(1) items 1)-7) or 11) "
			 "(or proceedings that should never have been opened), after which the person is deemed innocent",
		 .basis = KZ_KOAP " art. 861; compensation article of ch. 48 (number unverified)"},
		{0}},
	.bars = (const rep_rule[]){
		{.outcomes = REP_BIT(REP_OUT_AMNESTY) | REP_BIT(REP_OUT_PARDON) | REP_BIT(REP_OUT_PAROLE) |
			     REP_BIT(REP_OUT_SENTENCE_SERVED) | REP_BIT(REP_OUT_SENTENCE_MITIGATED),
		 .text = "release under an amnesty, a pardon, a served or mitigated penalty leaves the administrative "
			 "decision standing: only termination on the rehabilitating grounds of art. 741(1) items 1)-7) "
			 "and 11) gives the right (the content of the other items is not verified)",
		 .basis = KZ_KOAP " art. 861"},
		{.flags = REP_FLAG_SELF_INCRIMINATION,
		 .text = "voluntary self-incrimination bars compensation",
		 .basis = KZ_KOAP_COMP " (secondary)"},
		{0}},
	.heads = (const rep_head[]){
		KZ_ADMIN_HEAD(REP_HARM_LOST_EARNINGS, "Lost earnings", "as proven"),
		{.category = REP_HARM_LOST_EARNING_CAPACITY, .treatment = REP_TREAT_EXCLUDED, .klass = REP_PECUNIARY,
		 .label = "Lost earning capacity (future)", .basis = KZ_KOAP " ch. 48",
		 .note = "a future loss is not paid under this route; a civil claim would be needed (not modelled)"},
		KZ_ADMIN_HEAD(REP_HARM_BUSINESS, "Business losses", "as proven"),
		KZ_ADMIN_HEAD(REP_HARM_PROPERTY, "Property", "as proven"),
		KZ_ADMIN_HEAD(REP_HARM_FINES_AND_COSTS, "Fines and costs paid", "as proven"),
		KZ_ADMIN_HEAD(REP_HARM_LEGAL_COSTS, "Legal assistance fees", "as proven"),
		KZ_ADMIN_HEAD(REP_HARM_MEDICAL_COSTS, "Medical costs", "as proven"),
		KZ_ADMIN_HEAD(REP_HARM_PSYCHOLOGICAL_CARE, "Psychological care", "as proven"),
		KZ_ADMIN_HEAD(REP_HARM_OTHER_EXPENSES, "Other expenses", "as proven"),
		{.category = REP_HARM_MORAL_HARM, .treatment = REP_TREAT_COURT, .klass = REP_NON_PECUNIARY,
		 .label = "Moral harm (for the court)",
		 .basis = "Civil Code art. 951 (unlawful administrative arrest), art. 952 (wording unverified)",
		 .note = "no statutory tariff: the court sets the amount"},
		{0}},
	.options = (const rep_option_def[]){
		{.name = "indexation", .type = REP_OPT_CHOICE, .def = "nominal", .choices = KZ_INDEXATION_CHOICES,
		 .description = "how past amounts are brought to as_of: nominal (default; indexation not guaranteed "
				"by statute), cpi, mci (MCI ratio), wage (average-wage ratio)"},
		{0}},
	.indexation_option = "indexation",
	.citations = (const rep_cite[]){
		{"Code of the Republic of Kazakhstan on Administrative Offences No. 235-V of 5 July 2014",
		 "art. 14(8); ch. 48, arts. 861-868", "https://adilet.zan.kz/rus/docs/K1400000235"},
		{"Civil Code of the Republic of Kazakhstan (Special Part) No. 409 of 1 July 1999", "arts. 923(1), 951, 952",
		 NULL},
		{0}},
};

/* ---- kz-repression ---- */

#define KZ_1993 "Law of 14.04.1993 on rehabilitation of victims of mass political repressions"
#define KZ_1993_KINDS                                                                                      \
	(KINDS_CUSTODY | REP_BIT(REP_DET_EXILE) | REP_BIT(REP_DET_SPECIAL_SETTLEMENT) | REP_BIT(REP_DET_FORCED_LABOUR))
#define KZ_1993_EXCLUDED(cat, lbl, klass_)                                                                 \
	{.category = cat, .treatment = REP_TREAT_EXCLUDED, .klass = klass_, .label = lbl, .basis = KZ_1993,    \
	 .note = "the law pays a one-time sum per month of repression; other losses are not paid under it "  \
		 "(its special state allowance and local aid are not modelled)"}

static const rep_scheme_def kz_repression = {
	.id = "kz-repression",
	.name = "Kazakhstan: victims of mass political repression, one-time compensation (Law of 14 April 1993)",
	.jurisdiction = "Kazakhstan",
	.currency = "KZT",
	.status = "law",
	.effective_from = REP_NONE,
	.effective_to = REP_NONE,
	.notes = "One-time compensation of 3/4 MCI for each month of imprisonment, exile, special settlement, forced "
		 "labour or psychiatric confinement, at most 100 MCI, at the MCI in force on the date of application "
		 "to the social-protection body (usually cited as art. 22): min(0.75 x months, 100) x MCI. Partial "
		 "months (the Ministry's 2023 payment rules, which would settle this, were not retrieved): only "
		 "whole calendar months count, each period of deprivation of liberty counted separately from its "
		 "first day to the same day of a later month (1937-03-01..1949-08-31 = 150 months); remaining days "
		 "are dropped. This is the conservative reading of \"for each month\"; counting a commenced month "
		 "as a whole one would pay up to 3/4 MCI more per period. The MCI is the one in force on "
		 "proceedings.application_date (as_of when absent), so an application on 2020-03-31 uses 2,651 and "
		 "one on 2020-04-01 uses 2,778. The law covers Soviet-era repression (art. 1-2: including the "
		 "December 1986 events, except those convicted of murder or attacks on police or volunteer "
		 "patrols, which the calculator cannot check) and not post-independence political prisoners "
		 "(kz-cpc). The monthly special state allowance (1.07 MCI in 2016; current coefficient "
		 "unverified) and local aid are not computed.",
	.rounding = REP_ROUND_HALF_UP,
	.places = -1,
	.proc_kinds = REP_BIT(REP_PROC_POLITICAL_REPRESSION),
	.proc_kinds_text = "Soviet-era mass political repression (post-independence cases: kz-cpc)",
	.qualifying = (const rep_rule[]){
		{.outcomes = REP_BIT(REP_OUT_REPRESSION_REHABILITATED),
		 .text = "a person rehabilitated as a victim of mass political repression (now a citizen of Kazakhstan) "
			 "is entitled to one-time compensation",
		 .basis = KZ_1993 ", arts. 1, 2"},
		{0}},
	.requires_detention = true,
	.tariffs = (const rep_tariff[]){
		{.label = "One-time compensation: 3/4 MCI per month of repression (at most 100 MCI)",
		 .klass = REP_NON_PECUNIARY, .kinds = KZ_1993_KINDS, .measure = REP_MEASURE_MONTHS_WHOLE, .unit = "month",
		 .rate = {"0.75", "verified", "Ministry of Labour and Social Protection, kontrast.enbek.gov.kz/en/node/345385; "
					    "informburo.kz (2016); bizmedia.kz (01.07.2023, art. 22)"},
		 .index = "KZ.MCI", .index_at = REP_AT_APPLICATION,
		 .cap = {"100", "verified", "Ministry of Labour and Social Protection, kontrast.enbek.gov.kz/en/node/345385; "
					  "kursiv.media 31.05.2023 (100 MCI = 345,000); pricom.kz 31.05.2024 (369,200)"},
		 .cap_basis = KZ_1993 ", art. 22: not more than 100 MCI",
		 .valid_from = REP_NONE, .valid_to = REP_NONE, .version_at = REP_AT_APPLICATION,
		 .basis = KZ_1993 ", art. 22",
		 .formula = "min(0.75 x whole months, 100) MCI at the MCI on the date of application"},
		{0}},
	.heads = (const rep_head[]){
		KZ_1993_EXCLUDED(REP_HARM_LOST_EARNINGS, "Lost earnings", REP_PECUNIARY),
		KZ_1993_EXCLUDED(REP_HARM_LOST_EARNING_CAPACITY, "Lost earning capacity", REP_PECUNIARY),
		KZ_1993_EXCLUDED(REP_HARM_BUSINESS, "Business losses", REP_PECUNIARY),
		KZ_1993_EXCLUDED(REP_HARM_PROPERTY, "Property", REP_PECUNIARY),
		KZ_1993_EXCLUDED(REP_HARM_FINES_AND_COSTS, "Fines and costs", REP_PECUNIARY),
		KZ_1993_EXCLUDED(REP_HARM_LEGAL_COSTS, "Legal costs", REP_PECUNIARY),
		KZ_1993_EXCLUDED(REP_HARM_MEDICAL_COSTS, "Medical costs", REP_PECUNIARY),
		KZ_1993_EXCLUDED(REP_HARM_PSYCHOLOGICAL_CARE, "Psychological care", REP_PECUNIARY),
		KZ_1993_EXCLUDED(REP_HARM_OTHER_EXPENSES, "Other expenses", REP_PECUNIARY),
		KZ_1993_EXCLUDED(REP_HARM_MORAL_HARM, "Moral harm", REP_NON_PECUNIARY),
		{0}},
	.citations = (const rep_cite[]){
		{"Law of the Republic of Kazakhstan of 14 April 1993 No. 2143-XII \"On rehabilitation of victims of mass "
		 "political repressions\" (as amended to 06.04.2024)",
		 "arts. 1, 2, 22", "https://adilet.zan.kz/rus/docs/Z930002200_"},
		{"Order of the Minister of Labour (2023): rules for paying monetary compensation to victims of mass "
		 "political repressions",
		 "content not retrieved", NULL},
		{0}},
};

/* ---- kz-victims-fund ---- */

#define KZ_FUND "Law of 10.01.2018 No. 131-VI on the Victims Compensation Fund"
#define KZ_FUND_30_SOURCE                                                                                  \
	"Ministry of Finance as reported by informburo.kz, «Фонд компенсации вреда потерпевшим … будет выплачивать " \
	"50 МРП за смерть человека» (2018: trafficking and torture victims 30 MCI = 72,150); Law No. 131-VI art. "   \
	"6(1)(1) (zakonpravo.kz English text; pavlodar.com Russian text)"
#define KZ_FUND_EXCLUDED(cat, lbl, klass_)                                                                 \
	{.category = cat, .treatment = REP_TREAT_EXCLUDED, .klass = klass_, .label = lbl, .basis = KZ_FUND,    \
	 .note = "the Fund makes a one-time primary payment, not damages; a civil claim against the offender "  \
		 "remains"}

static const rep_scheme_def kz_victims_fund = {
	.id = "kz-victims-fund",
	.name = "Kazakhstan: Victims Compensation Fund, one-time payment for torture (Law No. 131-VI of 10 Jan 2018)",
	.jurisdiction = "Kazakhstan",
	.currency = "KZT",
	.status = "law",
	.effective_from = 17713, /* 2018-07-01: the Fund operates; payments from 2020-07-01 */
	.effective_to = REP_NONE,
	.notes = "A one-time primary payment from the Fund to a person recognised as a victim of torture: 30 MCI. The "
		 "current art. 6(1)(1) of the Law lists Criminal Code art. 146 parts one, two and three in the first "
		 "category (minors who are victims of sexual violence, victims of trafficking and of torture), the "
		 "category the Ministry of Finance priced at 30 MCI (informburo.kz, 2018: 30 MCI = 72,150); the amounts "
		 "are set by art. 7 («Размер компенсации потерпевшим»), whose text was not retrieved. Parts 1-2 are "
		 "verified; part 3 is secondary: the Law's first text listed only parts one and two in that category, "
		 "and a 2023 report of 40 MCI for part 3 (kaz.zakon.kz, Prosecutor General's Office, 02.03.2023) could "
		 "not be found again and probably reflects the earlier text, so torture before the change may have been "
		 "paid 40 MCI (unverified). The MCI is the one in force on as_of (the valuation date); the MCI at the "
		 "date the payment is assigned is the likely reading (unverified): set as_of to that date. The claim "
		 "must be made within 3 years of recognition as a victim; a court may restore a missed deadline, so a "
		 "late claim is flagged, not barred. Whatever the outcome of the case against the person: the Fund pays "
		 "victims, not the rehabilitated. The Fund operates from 1 July 2018 and pays from 1 July 2020. The Law "
		 "was amended in 2024 (changes in force 5 Sept 2024); whether the amounts changed is unverified. Other "
		 "categories (grave harm 40 MCI, death 50 MCI) are not modelled.",
	.rounding = REP_ROUND_HALF_UP,
	.places = -1,
	.qualifying = (const rep_rule[]){
		{.outcomes = KZ_ALL_OUTCOMES,
		 .text = "the Fund pays a person recognised as a victim of torture, whatever the outcome of the case "
			 "against them",
		 .basis = KZ_FUND ", art. 6(1)(1); Criminal Code art. 146"},
		{0}},
	.requires_torture = true,
	.heads = (const rep_head[]){
		KZ_FUND_EXCLUDED(REP_HARM_LOST_EARNINGS, "Lost earnings", REP_PECUNIARY),
		KZ_FUND_EXCLUDED(REP_HARM_LOST_EARNING_CAPACITY, "Lost earning capacity", REP_PECUNIARY),
		KZ_FUND_EXCLUDED(REP_HARM_BUSINESS, "Business losses", REP_PECUNIARY),
		KZ_FUND_EXCLUDED(REP_HARM_PROPERTY, "Property", REP_PECUNIARY),
		KZ_FUND_EXCLUDED(REP_HARM_FINES_AND_COSTS, "Fines and costs", REP_PECUNIARY),
		KZ_FUND_EXCLUDED(REP_HARM_LEGAL_COSTS, "Legal costs", REP_PECUNIARY),
		KZ_FUND_EXCLUDED(REP_HARM_MEDICAL_COSTS, "Medical costs", REP_PECUNIARY),
		KZ_FUND_EXCLUDED(REP_HARM_PSYCHOLOGICAL_CARE, "Psychological care", REP_PECUNIARY),
		KZ_FUND_EXCLUDED(REP_HARM_OTHER_EXPENSES, "Other expenses", REP_PECUNIARY),
		KZ_FUND_EXCLUDED(REP_HARM_MORAL_HARM, "Moral harm", REP_NON_PECUNIARY),
		{0}},
	.fixed = (const rep_fixed[]){
		{.label = "Fund payment: torture, Criminal Code art. 146 parts 1-2 (30 MCI)", .head = "torture",
		 .trigger = REP_TRIGGER_TORTURE_PART, .lo = 1, .hi = 2,
		 .amount = {"30", "verified", KZ_FUND_30_SOURCE},
		 .index = "KZ.MCI", .index_at = REP_AT_AS_OF, .klass = REP_NON_PECUNIARY,
		 .basis = KZ_FUND ", art. 6(1)(1) (category), art. 7 (amounts; text not retrieved)",
		 .formula = "30 MCI at the MCI on the valuation date"},
		{.label = "Fund payment: torture, Criminal Code art. 146 part 3 (30 MCI)", .head = "torture",
		 .trigger = REP_TRIGGER_TORTURE_PART, .lo = 3, .hi = 3,
		 .amount = {"30", "secondary",
			    KZ_FUND_30_SOURCE "; part 3 in the first category only in the current art. 6(1)(1) "
			    "(zakonpravo.kz); a 2023 report of 40 MCI for part 3 (kaz.zakon.kz) was not found again"},
		 .index = "KZ.MCI", .index_at = REP_AT_AS_OF, .klass = REP_NON_PECUNIARY,
		 .basis = KZ_FUND ", art. 6(1)(1) (category), art. 7 (amounts; text not retrieved)",
		 .formula = "30 MCI at the MCI on the valuation date"},
		{0}},
	.deadlines = (const rep_deadline[]){
		{.from = REP_FROM_TORTURE_RECOGNISED, .months = 36,
		 .text = "the 3 years for claiming from the Fund, counted from recognition as a victim, have passed; a "
			 "court may restore a missed deadline",
		 .basis = KZ_FUND " (3-year limit as reported by kaz.zakon.kz, Prosecutor General's Office, 02.03.2023; "
			  "article unverified)"},
		{0}},
	.warnings = (const char *const[]){
		"the Fund amounts are those of the first category of art. 6(1)(1) (30 MCI); the Law was amended in 2024 "
		"(in force 5 Sept 2024) and whether the amounts changed is unverified; before art. 146 part 3 joined the "
		"first category, part 3 may have been paid 40 MCI (unverified)",
		NULL},
	.citations = (const rep_cite[]){
		{"Law of the Republic of Kazakhstan of 10 January 2018 No. 131-VI \"On the Victims Compensation Fund\"",
		 "art. 6 (categories), art. 7 (amounts)",
		 "https://zakonpravo.kz/en/article-6-victims-entitled-to-compensation-the-law-on-the-victims-compensation-fund"},
		{"Criminal Code of the Republic of Kazakhstan 2014", "art. 146 (torture), parts 1-3", NULL},
		{0}},
};

/* ---- kz-reform (scenario) ---- */

#define KZ_REFORM_BASIS "scenario after Freedom Now, Duty to Rehabilitate (2023)"
#define KZ_REFORM_HEAD(cat, lbl)                                                                           \
	{.category = cat, .treatment = REP_TREAT_PROVEN, .klass = REP_PECUNIARY, .label = lbl,             \
	 .basis = KZ_REFORM_BASIS ": full property harm; heads as " KZ_UPK " art. 39 (reconstructed)",       \
	 .note = "as proven; indexed to the valuation date by option indexation (default: MCI ratio)", .indexable = true}

static const rep_scheme_def kz_reform = {
	.id = "kz-reform",
	.name = "Kazakhstan: reform scenario — rehabilitation not conditioned on acquittal (not law)",
	.jurisdiction = "Kazakhstan",
	.currency = "KZT",
	.status = "scenario",
	.effective_from = REP_NONE,
	.effective_to = REP_NONE,
	.notes = "A SCENARIO, NOT LAW: what a former political prisoner would receive if the reforms recommended by "
		 "Freedom Now's Duty to Rehabilitate report (30 March 2023) were law. The report's own computation "
		 "method was not retrieved; this scenario applies its recommendations as summarised (press release of "
		 "30.03.2023; Kazakhstan International Bureau for Human Rights, 03.04.2023): "
		 "rehabilitation not conditioned on acquittal, so amnesty, pardon, parole, a served or mitigated "
		 "sentence, and a finding of arbitrary detention by a UN body or a court all qualify; a coerced "
		 "confession (or an admission of guilt signed as a condition of release) is no bar, and neither is "
		 "a recorded self-incrimination, since the report asks for a procedure to reverse such admissions. "
		 "The calculator cannot check that the detention was unlawful or arbitrary: it assumes it. Property "
		 "harm in full as proven (the heads of УПК art. 39 plus the future loss of earning capacity as a "
		 "present value, following UN Basic Principles para. 20), indexed to the valuation date by the MCI "
		 "ratio by default: the unit the State itself uses to keep the 1993-law and Fund payments current; "
		 "option indexation=cpi|wage|nominal changes it. Moral harm of deprivation of liberty per day "
		 "(custody, prison, psychiatric, administrative arrest, house arrest), both ends counted, at option "
		 "moral_per_day, default 9,100 KZT: the one reported domestic award (Tikhonov, 2022: 10 m KZT over "
		 "about 3 years in custody; the day count is unverified), an illustrative benchmark, not a legal "
		 "rule. Further moral harm (torture, ill-treatment) is left to a court and added when the case gives "
		 "a figure; a court figure that already covers the detention itself would double count (then set "
		 "moral_per_day=0).",
	.rounding = REP_ROUND_HALF_UP,
	.places = -1,
	.proc_kinds = REP_BIT(REP_PROC_CRIMINAL) | REP_BIT(REP_PROC_ADMINISTRATIVE),
	.proc_kinds_text = "criminal or administrative proceedings (Soviet-era repression: kz-repression)",
	.qualifying = (const rep_rule[]){
		{.outcomes = REP_BIT(REP_OUT_ACQUITTED) | REP_BIT(REP_OUT_DISMISSED_REHABILITATING) |
			     REP_BIT(REP_OUT_CONVICTION_QUASHED) | REP_BIT(REP_OUT_ADMIN_TERMINATED) | REP_BIT(REP_OUT_AMNESTY) |
			     REP_BIT(REP_OUT_PARDON) | REP_BIT(REP_OUT_PAROLE) | REP_BIT(REP_OUT_SENTENCE_SERVED) |
			     REP_BIT(REP_OUT_SENTENCE_MITIGATED),
		 .text = "under the scenario, rehabilitation is not conditioned on acquittal: release by amnesty, pardon or "
			 "parole, a served or a mitigated sentence qualifies as an acquittal does, a coerced confession is "
			 "no bar, and a finding of arbitrary detention qualifies on its own",
		 .basis = KZ_REFORM_BASIS ": recommendations on rehabilitation without acquittal"},
		{.flags = REP_FLAG_ARBITRARY_DETENTION_FINDING,
		 .text = "under the scenario, a finding of arbitrary detention by a UN body (WGAD, Human Rights "
			 "Committee) or a court qualifies on its own",
		 .basis = KZ_REFORM_BASIS "; ICCPR arts. 9(5), 14(6)"},
		{0}},
	.tariffs = (const rep_tariff[]){
		{.label = "Moral harm: per day of deprivation of liberty (benchmark)", .head = "moral_harm",
		 .klass = REP_NON_PECUNIARY, .kinds = KINDS_CUSTODY | REP_BIT(REP_DET_HOUSE_ARREST),
		 .measure = REP_MEASURE_DAYS, .daycount = REP_DC_INCLUSIVE, .unit = "day",
		 .rate = {"9100", "unverified", KZ_TIKHONOV_SOURCE}, .rate_option = "moral_per_day",
		 .valid_from = REP_NONE, .valid_to = REP_NONE,
		 .basis = KZ_REFORM_BASIS ": moral harm per day at a stated benchmark (default: Tikhonov 2022, "
			  "illustrative)",
		 .formula = "benchmark per day of deprivation of liberty (option moral_per_day)"},
		{0}},
	.heads = (const rep_head[]){
		KZ_REFORM_HEAD(REP_HARM_LOST_EARNINGS, "Lost earnings"),
		{.category = REP_HARM_LOST_EARNING_CAPACITY, .treatment = REP_TREAT_PROVEN, .klass = REP_PECUNIARY,
		 .label = "Lost earning capacity (present value)",
		 .basis = KZ_REFORM_BASIS ": loss of earning potential (UN Basic Principles, GA res. 60/147, para. 20(c))",
		 .note = "future loss as proven, discounted to present value", .future_pv = true},
		KZ_REFORM_HEAD(REP_HARM_BUSINESS, "Business losses"),
		KZ_REFORM_HEAD(REP_HARM_PROPERTY, "Property"),
		KZ_REFORM_HEAD(REP_HARM_FINES_AND_COSTS, "Fines and procedural costs"),
		KZ_REFORM_HEAD(REP_HARM_LEGAL_COSTS, "Legal assistance fees"),
		KZ_REFORM_HEAD(REP_HARM_MEDICAL_COSTS, "Medical costs"),
		KZ_REFORM_HEAD(REP_HARM_PSYCHOLOGICAL_CARE, "Psychological care"),
		KZ_REFORM_HEAD(REP_HARM_OTHER_EXPENSES, "Other expenses"),
		{.category = REP_HARM_MORAL_HARM, .treatment = REP_TREAT_COURT, .klass = REP_NON_PECUNIARY,
		 .label = "Further moral harm (torture, ill-treatment): for the court",
		 .basis = KZ_REFORM_BASIS "; " KZ_MORAL_BASIS,
		 .note = "moral harm beyond the per-day amount; a figure covering the detention itself would double "
			 "count (then set moral_per_day=0)"},
		{0}},
	.options = (const rep_option_def[]){
		{.name = "indexation", .type = REP_OPT_CHOICE, .def = "mci", .choices = KZ_INDEXATION_CHOICES,
		 .description = "how past amounts are brought to as_of: mci (default: MCI ratio, the State's own unit "
				"for indexed payments), cpi (Kazakh CPI), wage (average-wage ratio), nominal"},
		{.name = "moral_per_day", .type = REP_OPT_DECIMAL, .def = "9100", .min = "0",
		 .description = "KZT of moral harm per day of deprivation of liberty; default 9100: the Tikhonov award "
				"(2022, 10 m KZT over about 3 years; day count unverified), illustrative, not a legal rule"},
		{0}},
	.indexation_option = "indexation",
	.warnings = (const char *const[]){
		"scenario, not law: kz-reform applies the reforms recommended by Freedom Now's Duty to Rehabilitate "
		"report (2023); no Kazakh law pays these amounts",
		"the moral-harm rate per day is an illustrative benchmark (option moral_per_day), not a legal rule",
		NULL},
	.citations = (const rep_cite[]){
		{"Freedom Now, Duty to Rehabilitate: Assessing Reparations of Former Political Prisoners in Kazakhstan "
		 "and Uzbekistan (30 March 2023)",
		 "recommendations (as summarised by the Kazakhstan International Bureau for Human Rights, 03.04.2023)",
		 NULL},
		{"UN Basic Principles on the Right to a Remedy and Reparation, GA res. 60/147 (2005)", "para. 20", NULL},
		{"International Covenant on Civil and Political Rights", "arts. 9(5), 14(6)", NULL},
		{"Criminal Procedure Code of the Republic of Kazakhstan No. 231-V of 4 July 2014", "ch. 4 (heads of harm)",
		 "https://adilet.zan.kz/rus/docs/K1400000231"},
		{0}},
};

const rep_scheme_def *const rep_schemes_kz[] = {&kz_cpc, &kz_admin, &kz_repression, &kz_victims_fund, &kz_reform,
						NULL};
