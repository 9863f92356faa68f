/* The printable statement: one self-contained HTML file (no external
 * asset, font or script) that a lawyer can file or print to PDF. It holds
 * the case facts as entered, the headline gap between domestic law, the
 * reform scenario and the international standard, a bar chart of the
 * totals (barred routes drawn hatched at what they would have paid), the
 * comparison table, and for each scheme its eligibility with reasons and
 * every line with basis, formula, inputs, indexation and reference data. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case_internal.h"
#include "compare_internal.h"
#include "internal.h"
#include "io/render.h"
#include "reparations/version.h"

#define H(s) rep_html_text(b, s)

static const char *f1(rep_rctx *r, const char *msgid, const char *a)
{
	const char *caps[] = {a};
	return rep_tr_fmt(&r->tr, msgid, 1, caps);
}

static const char *f2(rep_rctx *r, const char *msgid, const char *a, const char *c)
{
	const char *caps[] = {a, c};
	return rep_tr_fmt(&r->tr, msgid, 2, caps);
}

/* An enum name as words: "pretrial_custody" -> "pretrial custody", translated. */
static const char *words(rep_rctx *r, const char *name)
{
	char *w = rep_arena_strdup(&r->tr.arena, name ? name : "");
	if (!w) {
		r->tr.failed = true;
		return "";
	}
	for (char *p = w; *p; p++)
		if (*p == '_')
			*p = ' ';
	return RT(r, w);
}

/* One scheme's result, from an estimate or a comparison row. */
typedef struct entry {
	const char *scheme, *name, *status, *jurisdiction, *currency;
	bool ok, eligible;
	const char *total, *would_be, *reason, *error;
	const char *report_total; /* NULL without a reporting currency */
	const char *fx_rate;
	const rep_estimate *e;
} entry;

static const char css[] =
	"@page{size:A4;margin:16mm 15mm 20mm 15mm;"
	"@bottom-right{content:counter(page) \" / \" counter(pages);width:22mm;white-space:nowrap;font:8pt sans-serif;"
	"color:#555}"
	"@bottom-left{content:var(--foot);width:150mm;font:7pt sans-serif;color:#555}}\n"
	"body{font:10pt/1.35 'DejaVu Sans','Liberation Sans',Arial,sans-serif;color:#111;margin:0 auto;max-width:190mm}\n"
	"h1{font-size:16pt;margin:0 0 2mm}h2{font-size:13pt;margin:6mm 0 2mm;border-bottom:1px solid #999}"
	"h3{font-size:11pt;margin:4mm 0 1mm}\n"
	".sub{color:#444;margin:0 0 3mm}.headline{border:2px solid #222;padding:3mm;font-size:11.5pt;margin:3mm 0}"
	".headline b{white-space:nowrap}\n"
	"table{border-collapse:collapse;width:100%;margin:2mm 0;font-size:8.8pt}th,td{border:1px solid #bbb;"
	"padding:1mm 1.5mm;vertical-align:top;text-align:left}th{background:#eee}td.n,th.n{text-align:right;"
	"white-space:nowrap}\n"
	"tr.tot td{font-weight:bold;background:#f4f4f4}.barred{color:#8a1c1c}.ok{color:#1d5e20}"
	".small{font-size:8pt;color:#444}ul{margin:1mm 0 2mm 5mm;padding-left:3mm}\n"
	"section.scheme{break-before:page}section.scheme:first-of-type{break-before:auto}"
	"tr,li{break-inside:avoid}svg{max-width:100%;height:auto}\n"
	"footer{margin-top:6mm;border-top:1px solid #999;font-size:8pt;color:#444}\n"
	"@media print{footer{position:running(foot)}}\n";

/* Text for a CSS string literal: quotes and backslashes escaped, no newline. */
static void css_string(rep_buf *b, const char *s)
{
	rep_buf_puts(b, "\"");
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			rep_buf_printf(b, "\\%02x ", (unsigned char)*s);
		else if ((unsigned char)*s < 0x20 || *s == '<')
			rep_buf_printf(b, "\\%02x ", (unsigned char)*s);
		else
			rep_buf_add(b, s, 1);
	}
	rep_buf_puts(b, "\"");
}

/* "3 verified, 1 secondary, 5 unverified reference values" over all estimates. */
static const char *confidence_summary(rep_rctx *r, const entry *en, size_t n)
{
	size_t ver = 0, sec = 0, unv = 0, warn = 0;
	for (size_t i = 0; i < n; i++) {
		const rep_estimate *e = en[i].e;
		if (!e)
			continue;
		for (size_t k = 0; k < e->n_refs; k++) {
			const char *c = e->refs[k].confidence ? e->refs[k].confidence : "";
			if (strcmp(c, "verified") == 0)
				ver++;
			else if (strcmp(c, "secondary") == 0)
				sec++;
			else
				unv++;
		}
		warn += e->n_warnings;
	}
	char a[32], bb[32], c[32], w[32];
	snprintf(a, sizeof a, "%zu", ver);
	snprintf(bb, sizeof bb, "%zu", sec);
	snprintf(c, sizeof c, "%zu", unv);
	snprintf(w, sizeof w, "%zu", warn);
	const char *caps[] = {a, bb, c, w};
	return rep_tr_fmt(&r->tr, "data confidence: reference values %s verified, %s secondary, %s unverified; %s warnings", 4,
			  caps);
}

static void head(rep_buf *b, rep_rctx *r, const char *title, const char *as_of, const entry *en, size_t n)
{
	rep_buf_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>",
		       rep_lang_code(r->tr.lang));
	H(title);
	rep_buf_puts(b, "</title>\n<style>\n");
	rep_buf_puts(b, css);
	/* the page footer repeats on every printed page */
	const char *caps[] = {rep_version_string(), as_of, confidence_summary(r, en, n)};
	const char *foot = rep_tr_fmt(&r->tr, "reparations %s · valuation date %s · %s", 3, caps);
	rep_buf_puts(b, ":root{--foot:");
	css_string(b, foot);
	rep_buf_puts(b, "}\n</style>\n</head>\n<body>\n");
}

static void foot(rep_buf *b, rep_rctx *r, const char *as_of, const entry *en, size_t n)
{
	const char *caps[] = {rep_version_string(), as_of, confidence_summary(r, en, n)};
	rep_buf_puts(b, "<footer><p>");
	H(rep_tr_fmt(&r->tr, "reparations %s · valuation date %s · %s", 3, caps));
	rep_buf_puts(b, "</p><p>");
	H(RT(r, "Every figure is computed from the cited provisions and reference data; a figure marked secondary or unverified must be checked against its source before it is relied on."));
	rep_buf_puts(b, "</p>");
	if (r->tr.lang != REP_LANG_EN && r->tr.n_missing) {
		char k[32];
		snprintf(k, sizeof k, "%zu", r->tr.n_missing);
		rep_buf_puts(b, "<p>");
		H(f1(r, "† %s texts have no translation and are shown as written (a user scheme's own texts, for example).", k));
		rep_buf_puts(b, "</p>");
	}
	rep_buf_puts(b, "</footer>\n</body>\n</html>\n");
}

static const char *date_text(rep_rctx *r, rep_date d)
{
	if (d == REP_DATE_NONE)
		return "—";
	char t[REP_DATE_TEXT_SIZE];
	rep_date_format(d, t);
	const char *s = rep_arena_strdup(&r->tr.arena, t);
	return s ? s : "";
}

static void facts(rep_buf *b, rep_rctx *r, const char *case_id)
{
	const rep_case *c = r->c;
	rep_buf_puts(b, "<section class=\"facts\">\n<h2>");
	H(RT(r, "Case facts (as entered)"));
	rep_buf_puts(b, "</h2>\n");
	if (!c || strcmp(c->id, case_id) != 0) {
		rep_buf_puts(b, "<p>");
		H(f1(r, "Case %s", case_id));
		rep_buf_puts(b, "</p>\n</section>\n");
		return;
	}
	rep_buf_puts(b, "<table>\n");
	struct {
		const char *k, *v;
	} rows[] = {
		{RT(r, "Proceedings"), words(r, rep_proc_kind_name(c->proc_kind))},
		{RT(r, "Outcome"), words(r, rep_outcome_name(c->outcome))},
		{RT(r, "Decision date"), date_text(r, c->decision_date)},
		{RT(r, "Notice of the right to compensation"), date_text(r, c->notice_date)},
		{RT(r, "Application date"), date_text(r, c->application_date)},
		{RT(r, "Valuation date"), date_text(r, rep_case_effective_as_of(c))},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		rep_buf_puts(b, "<tr><th>");
		H(rows[i].k);
		rep_buf_puts(b, "</th><td>");
		H(rows[i].v);
		rep_buf_puts(b, "</td></tr>\n");
	}
	const struct {
		unsigned flag;
		const char *text;
	} flags[] = {
		{REP_FLAG_COERCED_CONFESSION, N_("a confession was extracted under pressure")},
		{REP_FLAG_SELF_INCRIMINATION, N_("self-incrimination is recorded")},
		{REP_FLAG_ARBITRARY_DETENTION_FINDING, N_("the detention was found arbitrary (UN body or court)")},
		{REP_FLAG_DEATH_SENTENCE, N_("a death sentence was passed")},
	};
	rep_buf_puts(b, "<tr><th>");
	H(RT(r, "Findings"));
	rep_buf_puts(b, "</th><td>");
	bool any = false;
	for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++)
		if (c->flags & flags[i].flag) {
			if (any)
				rep_buf_puts(b, "; ");
			H(RT(r, flags[i].text));
			any = true;
		}
	if (c->torture_part) {
		char part[16];
		snprintf(part, sizeof part, "%d", c->torture_part);
		if (any)
			rep_buf_puts(b, "; ");
		H(f2(r, "torture established (Criminal Code art. 146 part %s; recognised as a victim %s)", part,
		     date_text(r, c->torture_recognised)));
		any = true;
	}
	if (!any)
		H("—");
	rep_buf_puts(b, "</td></tr>\n</table>\n<h3>");
	H(RT(r, "Deprivation of liberty"));
	rep_buf_printf(b, "</h3>\n<table>\n<tr><th>%s</th><th>%s</th><th>%s</th><th class=\"n\">%s</th></tr>\n",
		       RT(r, "kind"), RT(r, "from"), RT(r, "to"), RT(r, "days"));
	for (size_t i = 0; i < c->n_det; i++) {
		const rep_detention *d = &c->det[i];
		rep_buf_puts(b, "<tr><td>");
		H(words(r, rep_detention_kind_name(d->kind)));
		rep_buf_puts(b, "</td><td>");
		H(date_text(r, d->start));
		rep_buf_puts(b, "</td><td>");
		H(d->end == REP_DATE_NONE ? RT(r, "still detained") : date_text(r, d->end));
		rep_date end = d->end == REP_DATE_NONE ? rep_case_effective_as_of(c) : d->end;
		rep_buf_printf(b, "</td><td class=\"n\">%ld</td></tr>\n", (long)rep_days_between(d->start, end, REP_DC_INCLUSIVE));
	}
	rep_buf_puts(b, "</table>\n<h3>");
	H(RT(r, "Harms as entered"));
	rep_buf_printf(b, "</h3>\n<table>\n<tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n", RT(r, "category"),
		       RT(r, "description"), RT(r, "figures"), RT(r, "dates"));
	for (size_t i = 0; i < c->n_harms; i++) {
		const rep_case_harm *h = &c->harms[i];
		rep_buf_puts(b, "<tr><td>");
		H(words(r, rep_harm_category_name(h->category)));
		rep_buf_puts(b, "</td><td>");
		H(h->description ? h->description : "");
		rep_buf_puts(b, "</td><td>");
		const struct {
			const char *k, *v;
		} f[] = {{N_("amount"), h->amount_text}, {N_("monthly"), h->monthly_text}, {N_("annual"), h->annual_text},
			 {N_("years"), h->years_text},	 {N_("growth"), h->growth_text},   {N_("discount rate"), h->discount_text}};
		bool first = true;
		for (size_t k = 0; k < sizeof f / sizeof f[0]; k++)
			if (f[k].v) {
				rep_buf_printf(b, "%s%s ", first ? "" : "; ", RT(r, f[k].k));
				H(RN(r, f[k].v));
				first = false;
			}
		if (h->disposition) {
			rep_buf_printf(b, "%s%s", first ? "" : "; ", "");
			H(words(r, h->disposition));
		}
		rep_buf_puts(b, "</td><td>");
		if (h->date != REP_DATE_NONE)
			H(date_text(r, h->date));
		if (h->start != REP_DATE_NONE) {
			H(date_text(r, h->start));
			H(" – ");
			H(date_text(r, h->end));
		}
		rep_buf_puts(b, "</td></tr>\n");
	}
	rep_buf_puts(b, "</table>\n</section>\n");
}

/* Whether a barred route simply does not apply to this case (another kind
 * of proceedings, no torture finding): the headline leaves it out. */
static bool not_applicable(const entry *e)
{
	for (size_t k = 0; e->e && k < e->e->n_findings; k++) {
		const char *c = e->e->findings[k].code;
		if (strcmp(c, "barred_proceedings") == 0 || strcmp(c, "no_torture") == 0 || strcmp(c, "no_detention") == 0)
			return true;
	}
	return false;
}

static void headline_item(rep_buf *b, rep_rctx *r, const entry *e)
{
	rep_buf_puts(b, "<b>");
	H(RM(r, e->total, e->currency));
	rep_buf_puts(b, "</b>");
	if (!e->eligible) {
		const char *why = r->c ? words(r, rep_outcome_name(r->c->outcome)) : RT(r, "barred");
		rep_buf_puts(b, " (");
		H(f1(r, "barred: %s", why));
		rep_buf_puts(b, ")");
	}
	rep_buf_puts(b, " <span class=\"small\">[");
	H(e->scheme);
	rep_buf_puts(b, "]</span>");
}

/* The gap in one sentence: what domestic law (each route that applies),
 * the reform scenario and the international standard (the best of each)
 * pay for this case. */
static void headline(rep_buf *b, rep_rctx *r, const entry *en, size_t n)
{
	static const struct {
		const char *label;
		const char *status;
		bool domestic;
	} groups[] = {{N_("domestic law"), "law", true},
		      {N_("reform scenario"), "scenario", true},
		      {N_("international standard"), "standard", false}};
	const char *home = r->c ? r->c->currency : n ? en[0].currency : "";
	rep_buf_puts(b, "<p class=\"headline\">");
	bool first = true;
	for (size_t gi = 0; gi < 3; gi++) {
		const entry *best = NULL;
		size_t shown = 0;
		mpq_t x, y;
		mpq_inits(x, y, NULL);
		for (size_t i = 0; i < n; i++) {
			const entry *e = &en[i];
			if (!e->ok || strcmp(e->status, groups[gi].status) != 0)
				continue;
			if (groups[gi].domestic && (strcmp(e->currency, home) != 0 || not_applicable(e)))
				continue;
			if (gi == 0) {
				rep_buf_puts(b, shown ? ", " : first ? "" : "; ");
				if (!shown) {
					H(RT(r, groups[gi].label));
					rep_buf_puts(b, ": ");
				}
				headline_item(b, r, e);
				shown++;
				first = false;
				continue;
			}
			if (!best) {
				best = e;
				continue;
			}
			rep_dec_parse(x, e->total, NULL);
			rep_dec_parse(y, best->total, NULL);
			if (mpq_cmp(x, y) > 0)
				best = e;
		}
		mpq_clears(x, y, NULL);
		if (!best)
			continue;
		if (!first)
			rep_buf_puts(b, "; ");
		first = false;
		H(RT(r, groups[gi].label));
		rep_buf_puts(b, ": ");
		headline_item(b, r, best);
	}
	if (first)
		H(RT(r, "No domestic, reform or international scheme is in this statement."));
	rep_buf_puts(b, "</p>\n");
}

/* Bars of the totals; a barred route drawn hatched at what it would pay. */
static void chart(rep_buf *b, rep_rctx *r, const entry *en, size_t n, const char *report_currency)
{
	const char *cur = report_currency;
	bool same = true;
	if (!report_currency) {
		cur = NULL;
		for (size_t i = 0; i < n; i++) {
			if (!en[i].ok)
				continue;
			if (!cur)
				cur = en[i].currency;
			else if (strcmp(cur, en[i].currency) != 0)
				same = false;
		}
	}
	if (!cur || !same) {
		rep_buf_puts(b, "<p class=\"small\">");
		H(RT(r, "The schemes pay in different currencies: the chart needs compare --report-currency."));
		rep_buf_puts(b, "</p>\n");
		return;
	}
	/* doubles only for the bars' lengths in pixels: every figure printed is the exact decimal text */
	double vmax = 0, val[256], would[256];
	size_t m = n < 256 ? n : 256;
	for (size_t i = 0; i < m; i++) {
		val[i] = would[i] = 0;
		if (!en[i].ok)
			continue;
		double fx = report_currency && en[i].fx_rate ? strtod(en[i].fx_rate, NULL) : 1.0;
		val[i] = strtod(report_currency ? (en[i].report_total ? en[i].report_total : "0") : en[i].total, NULL);
		if (!en[i].eligible && en[i].would_be && *en[i].would_be)
			would[i] = strtod(en[i].would_be, NULL) * fx;
		if (val[i] > vmax)
			vmax = val[i];
		if (would[i] > vmax)
			vmax = would[i];
	}
	const int bar_h = 16, gap = 6, left = 150, width = 400, right = 290;
	int height = (int)m * (bar_h + gap) + 30;
	rep_buf_printf(b,
		       "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
		       "role=\"img\" font-family=\"sans-serif\" font-size=\"10\">\n<title>",
		       left + width + right, height, left + width + right, height);
	H(f1(r, "Totals in %s", rep_tr_currency(&r->tr, cur)));
	rep_buf_puts(b, "</title>\n<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
			"patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fff\"/>"
			"<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#b33\" stroke-width=\"2.5\"/></pattern></defs>\n");
	for (size_t i = 0; i < m; i++) {
		int y = 10 + (int)i * (bar_h + gap);
		rep_buf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", left - 6, y + 12);
		H(en[i].scheme);
		rep_buf_puts(b, "</text>\n");
		if (!en[i].ok) {
			rep_buf_printf(b, "<text x=\"%d\" y=\"%d\" fill=\"#555\">", left + 4, y + 12);
			H(RT(r, "could not be evaluated"));
			rep_buf_puts(b, "</text>\n");
			continue;
		}
		const char *shown = report_currency ? (en[i].report_total ? en[i].report_total : "0") : en[i].total;
		double w = vmax > 0 ? val[i] / vmax * width : 0;
		if (would[i] > 0) {
			double ww = would[i] / vmax * width;
			rep_buf_printf(b,
				       "<rect class=\"would-be\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"url(#hatch)\" "
				       "stroke=\"#b33\" stroke-dasharray=\"4 2\"/>\n",
				       left, y, ww < 1 ? 1.0 : ww, bar_h);
			rep_buf_printf(b, "<text x=\"%.1f\" y=\"%d\" fill=\"#8a1c1c\">", left + (ww < 1 ? 1.0 : ww) + 4, y + 12);
			H(f1(r, "barred; would be %s", RM(r, en[i].would_be, en[i].currency)));
			rep_buf_puts(b, "</text>\n");
		} else {
			rep_buf_printf(b, "<rect class=\"total\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>\n", left,
				       y, w < 1 ? 1.0 : w, bar_h, en[i].eligible ? "#2b5d8a" : "#999");
			rep_buf_printf(b, "<text x=\"%.1f\" y=\"%d\">", left + (w < 1 ? 1.0 : w) + 4, y + 12);
			H(RM(r, shown, cur));
			rep_buf_puts(b, "</text>\n");
		}
	}
	rep_buf_printf(b, "<text x=\"%d\" y=\"%d\" fill=\"#555\">", left, height - 4);
	H(f1(r, "Bars: total in %s; hatched: a barred route at what it would pay if the claim were allowed", rep_tr_currency(&r->tr, cur)));
	rep_buf_puts(b, "</text>\n</svg>\n");
}

static void scheme_section(rep_buf *b, rep_rctx *r, const rep_estimate *e)
{
	const rep_scheme_def *d = e->def;
	rep_exempt_sources(r, e);
	rep_buf_puts(b, "<section class=\"scheme\">\n<h2 id=\"s-");
	H(d->id);
	rep_buf_puts(b, "\">");
	H(d->id);
	rep_buf_puts(b, " — ");
	H(RD(r, d->name ? d->name : ""));
	rep_buf_puts(b, "</h2>\n<p class=\"sub\">");
	H(RD(r, d->jurisdiction ? d->jurisdiction : ""));
	rep_buf_puts(b, " · ");
	H(RD(r, d->status ? d->status : "law"));
	rep_buf_puts(b, " · ");
	H(f1(r, "amounts in %s", e->currency));
	rep_buf_printf(b, "</p>\n<p class=\"%s\"><b>", e->eligible ? "ok" : "barred");
	H(RT(r, "Eligible:"));
	rep_buf_puts(b, " ");
	H(e->eligible ? RT(r, "yes") : RT(r, "NO"));
	rep_buf_puts(b, "</b></p>\n<ul class=\"findings\">\n");
	for (size_t i = 0; i < e->n_findings; i++) {
		const rep_finding *f = &e->findings[i];
		rep_buf_printf(b, "<li class=\"%s\">%s ", f->bars ? "barred" : "", f->bars ? "✗" : strcmp(f->code, "qualifies") == 0 ? "✓" : "•");
		H(RD(r, f->text));
		if (f->basis[0]) {
			rep_buf_puts(b, " <span class=\"small\">[");
			H(RD(r, f->basis));
			rep_buf_puts(b, "]</span>");
		}
		rep_buf_puts(b, "</li>\n");
	}
	rep_buf_puts(b, "</ul>\n");
	if (e->ls.n) {
		rep_buf_printf(b, "<table class=\"lines\">\n<tr><th>#</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
				  "<th class=\"n\">",
			       RT(r, "Item"), RT(r, "Basis"), RT(r, "Formula and inputs"),
			       RT(r, "Indexation, interest or discounting"));
		H(f1(r, "Amount (%s)", rep_tr_currency(&r->tr, e->currency)));
		rep_buf_puts(b, "</th></tr>\n");
		for (size_t i = 0; i < e->ls.n; i++) {
			const rep_line *l = &e->ls.lines[i];
			rep_buf_printf(b, "<tr><td>%zu</td><td>", i + 1);
			H(RD(r, l->label));
			if (l->group) {
				rep_buf_puts(b, "<br/><span class=\"small\">");
				H(RD(r, l->group));
				rep_buf_puts(b, "</span>");
			}
			rep_buf_puts(b, "</td><td>");
			H(RD(r, l->basis));
			rep_buf_puts(b, "</td><td>");
			H(RD(r, l->formula));
			if (l->note) {
				rep_buf_puts(b, "<br/><span class=\"small\">");
				H(RD(r, l->note));
				rep_buf_puts(b, "</span>");
			}
			rep_buf_puts(b, "</td><td>");
			if (l->adjustment) {
				if (l->nominal) {
					H(f1(r, "nominal %s", l->nominal));
					rep_buf_puts(b, "; ");
				}
				H(RD(r, l->adjustment));
			}
			rep_buf_puts(b, "</td><td class=\"n\">");
			H(RN(r, l->amount));
			rep_buf_puts(b, "</td></tr>\n");
		}
		const char *labels[] = {RT(r, "Pecuniary"), RT(r, "Non-pecuniary"), f1(r, "TOTAL %s", e->currency)};
		const char *vals[] = {e->total_pecuniary, e->total_non_pecuniary, e->total};
		for (int i = 0; i < 3; i++) {
			rep_buf_printf(b, "<tr%s><td></td><td colspan=\"4\">", i == 2 ? " class=\"tot\"" : "");
			H(labels[i]);
			rep_buf_puts(b, "</td><td class=\"n\">");
			H(RN(r, vals[i]));
			rep_buf_puts(b, "</td></tr>\n");
		}
		rep_buf_puts(b, "</table>\n");
	} else {
		rep_buf_puts(b, "<p><b>");
		H(f1(r, "TOTAL %s", e->currency));
		rep_buf_puts(b, ": ");
		H(RN(r, e->total));
		rep_buf_puts(b, "</b></p>\n");
	}
	if (!e->eligible && e->total_if_eligible[0]) {
		rep_buf_puts(b, "<p class=\"barred\">");
		H(f1(r, "(barred; the same heads would come to %s if the claim were allowed)",
		     RM(r, e->total_if_eligible, e->currency)));
		rep_buf_puts(b, "</p>\n");
	}
	if (e->has_range) {
		const char *caps[] = {RM(r, e->range_low, e->currency), RM(r, e->range_high, e->currency),
				      RD(r, e->range_uses)};
		rep_buf_puts(b, "<p>");
		H(rep_tr_fmt(&r->tr, "Range: %s .. %s (the total uses the %s value)", 3, caps));
		rep_buf_puts(b, "</p>\n<ul>\n");
		for (size_t i = 0; i < e->n_range_items; i++) {
			rep_buf_puts(b, "<li>");
			H(RD(r, e->range_items[i].label));
			rep_buf_puts(b, ": ");
			H(RN(r, e->range_items[i].low));
			rep_buf_puts(b, " .. ");
			H(RN(r, e->range_items[i].high));
			rep_buf_puts(b, " <span class=\"small\">[");
			H(RD(r, e->range_items[i].basis));
			rep_buf_puts(b, "]</span></li>\n");
		}
		rep_buf_puts(b, "</ul>\n");
	}
	if (e->days > 0) {
		char days[32];
		snprintf(days, sizeof days, "%ld", e->days);
		rep_buf_puts(b, "<p>");
		H(f2(r, "Per day of deprivation of liberty (%s days): %s", days, RM(r, e->per_day, e->currency)));
		rep_buf_puts(b, "</p>\n");
	}
	if (e->n_opts) {
		rep_buf_puts(b, "<p class=\"small\">");
		H(RT(r, "Options:"));
		for (size_t i = 0; i < e->n_opts; i++) {
			rep_buf_puts(b, " ");
			H(e->opts[i].name);
			rep_buf_puts(b, "=");
			H(e->opts[i].value);
			if (e->opts[i].user_set)
				H(RT(r, " (set)"));
		}
		rep_buf_puts(b, "</p>\n");
	}
	if (e->n_refs) {
		rep_buf_puts(b, "<h3>");
		H(RT(r, "Reference data used:"));
		rep_buf_printf(b, "</h3>\n<table class=\"refdata\">\n<tr><th>%s</th><th>%s</th><th class=\"n\">%s</th>"
				  "<th>%s</th><th>%s</th><th>%s</th></tr>\n",
			       RT(r, "series"), RT(r, "date"), RT(r, "value"), RT(r, "in force from"), RT(r, "confidence"),
			       RT(r, "source"));
		for (size_t i = 0; i < e->n_refs; i++) {
			const rep_refpoint *p = &e->refs[i];
			rep_buf_puts(b, "<tr><td>");
			H(p->series);
			rep_buf_puts(b, "</td><td>");
			H(p->date);
			rep_buf_puts(b, "</td><td class=\"n\">");
			H(p->value);
			rep_buf_puts(b, "</td><td>");
			H(p->from);
			rep_buf_puts(b, "</td><td>");
			H(RD(r, p->confidence));
			rep_buf_puts(b, "</td><td>");
			H(RD(r, p->source));
			rep_buf_puts(b, "</td></tr>\n");
		}
		rep_buf_puts(b, "</table>\n");
	}
	if (e->n_warnings) {
		rep_buf_puts(b, "<h3>");
		H(RT(r, "Warnings:"));
		rep_buf_puts(b, "</h3>\n<ul class=\"warnings\">\n");
		for (size_t i = 0; i < e->n_warnings; i++) {
			rep_buf_puts(b, "<li>⚠ ");
			H(RD(r, e->warnings[i]));
			rep_buf_puts(b, "</li>\n");
		}
		rep_buf_puts(b, "</ul>\n");
	}
	if (d->citations && d->citations[0].instrument) {
		rep_buf_puts(b, "<h3>");
		H(RT(r, "Sources of law"));
		rep_buf_puts(b, "</h3>\n<ul class=\"small\">\n");
		for (const rep_cite *c = d->citations; c->instrument; c++) {
			rep_buf_puts(b, "<li>");
			H(RD(r, c->instrument));
			if (c->article && *c->article) {
				rep_buf_puts(b, ", ");
				H(RD(r, c->article));
			}
			if (c->url && *c->url) {
				/* shown as text: a statement opens nothing by itself */
				rep_buf_puts(b, " — ");
				H(c->url);
			}
			rep_buf_puts(b, "</li>\n");
		}
		rep_buf_puts(b, "</ul>\n");
	}
	rep_buf_puts(b, "</section>\n");
}

static void comparison_table(rep_buf *b, rep_rctx *r, const entry *en, size_t n, const char *report_currency)
{
	rep_buf_printf(b, "<table class=\"comparison\">\n<tr><th>%s</th><th>%s</th><th>%s</th><th class=\"n\">%s</th>"
			  "<th class=\"n\">%s</th>",
		       RT(r, "Scheme"), RT(r, "Status"), RT(r, "Eligible"), RT(r, "Total (scheme's currency)"),
		       RT(r, "If the claim were allowed"));
	if (report_currency) {
		rep_buf_puts(b, "<th class=\"n\">");
		H(f1(r, "Total (%s)", rep_tr_currency(&r->tr, report_currency)));
		rep_buf_puts(b, "</th>");
	}
	rep_buf_puts(b, "</tr>\n");
	for (size_t i = 0; i < n; i++) {
		const entry *e = &en[i];
		rep_buf_puts(b, "<tr><td>");
		H(e->scheme);
		rep_buf_puts(b, "<br/><span class=\"small\">");
		H(RD(r, e->name));
		rep_buf_puts(b, "</span></td><td>");
		H(RD(r, e->status));
		rep_buf_puts(b, "</td><td>");
		if (!e->ok) {
			H(f1(r, "error: %s", e->error ? e->error : ""));
			rep_buf_printf(b, "</td><td></td><td></td>%s</tr>\n", report_currency ? "<td></td>" : "");
			continue;
		}
		rep_buf_printf(b, "<span class=\"%s\">", e->eligible ? "ok" : "barred");
		H(e->eligible ? RT(r, "yes") : RT(r, "no"));
		rep_buf_puts(b, "</span>");
		if (!e->eligible && e->reason) {
			rep_buf_puts(b, "<br/><span class=\"small\">");
			H(RD(r, e->reason));
			rep_buf_puts(b, "</span>");
		}
		rep_buf_puts(b, "</td><td class=\"n\">");
		H(RM(r, e->total, e->currency));
		rep_buf_puts(b, "</td><td class=\"n\">");
		if (!e->eligible && e->would_be && *e->would_be)
			H(RM(r, e->would_be, e->currency));
		rep_buf_puts(b, "</td>");
		if (report_currency) {
			rep_buf_puts(b, "<td class=\"n\">");
			H(e->report_total ? RN(r, e->report_total) : "–");
			rep_buf_puts(b, "</td>");
		}
		rep_buf_puts(b, "</tr>\n");
	}
	rep_buf_puts(b, "</table>\n");
}

static void statement(rep_buf *b, rep_rctx *r, const char *case_id, const char *as_of, const entry *en, size_t n,
		      const char *report_currency, const rep_comparison *cmp)
{
	const char *title = f1(r, "Compensation statement: case %s", case_id);
	head(b, r, title, as_of, en, n);
	rep_buf_puts(b, "<header>\n<h1>");
	H(title);
	rep_buf_puts(b, "</h1>\n<p class=\"sub\">");
	H(f1(r, "Valuation date: %s", as_of));
	if (report_currency) {
		rep_buf_puts(b, " · ");
		H(f1(r, "reporting currency %s", report_currency));
	}
	rep_buf_puts(b, "</p>\n</header>\n");
	headline(b, r, en, n);
	chart(b, r, en, n, report_currency);
	facts(b, r, case_id);
	rep_buf_puts(b, "<section class=\"summary\">\n<h2>");
	H(RT(r, "Comparison of schemes"));
	rep_buf_puts(b, "</h2>\n");
	comparison_table(b, r, en, n, report_currency);
	if (cmp && report_currency) {
		rep_buf_puts(b, "<p class=\"small\">");
		H(RT(r, "Exchange rates used:"));
		rep_buf_puts(b, "</p>\n<ul class=\"small\">\n");
		for (size_t i = 0; i < cmp->n; i++) {
			const rep_comparison_row *row = &cmp->rows[i];
			bool seen = false;
			for (size_t k = 0; k < i && !seen; k++)
				seen = cmp->rows[k].fx_rate && strcmp(cmp->rows[k].currency, row->currency) == 0;
			if (row->fx_rate && !seen && strcmp(row->currency, report_currency) != 0) {
				rep_buf_puts(b, "<li>");
				H(rep_arena_printf(&r->tr.arena, "1 %s = %s %s: %s", row->currency, row->fx_rate, report_currency,
						   RD(r, row->fx_source)));
				rep_buf_puts(b, "</li>\n");
			}
		}
		rep_buf_puts(b, "</ul>\n");
	}
	rep_buf_puts(b, "</section>\n");
	for (size_t i = 0; i < n; i++)
		if (en[i].e)
			scheme_section(b, r, en[i].e);
	foot(b, r, as_of, en, n);
}

static entry from_estimate(const rep_estimate *e)
{
	const char *reason = NULL;
	for (size_t k = 0; k < e->n_findings && !reason; k++)
		if (e->findings[k].bars)
			reason = e->findings[k].text;
	return (entry){.scheme = e->def->id, .name = e->def->name ? e->def->name : "",
		       .status = e->def->status ? e->def->status : "law", .jurisdiction = e->def->jurisdiction,
		       .currency = e->currency, .ok = true, .eligible = e->eligible, .total = e->total,
		       .would_be = e->total_if_eligible, .reason = reason, .e = e};
}

void rep_html_estimates(rep_buf *b, rep_rctx *r, const char *case_id, const rep_estimate *const *es, size_t n)
{
	entry *en = rep_calloc(n ? n : 1, sizeof *en);
	if (!en) {
		b->failed = true;
		return;
	}
	for (size_t i = 0; i < n; i++)
		en[i] = from_estimate(es[i]);
	statement(b, r, case_id, n ? es[0]->as_of : "", en, n, NULL, NULL);
	rep_free(en);
}

void rep_html_comparison(rep_buf *b, rep_rctx *r, const rep_comparison *cmp)
{
	entry *en = rep_calloc(cmp->n ? cmp->n : 1, sizeof *en);
	if (!en) {
		b->failed = true;
		return;
	}
	for (size_t i = 0; i < cmp->n; i++) {
		const rep_comparison_row *row = &cmp->rows[i];
		en[i] = (entry){.scheme = row->scheme, .name = row->name ? row->name : "", .status = row->status,
				.jurisdiction = row->jurisdiction, .currency = row->currency, .ok = row->ok && row->total,
				.eligible = row->eligible, .total = row->total, .would_be = row->total_if_eligible,
				.reason = row->reason, .error = row->error, .report_total = row->report_total,
				.fx_rate = row->fx_rate, .e = row->estimate};
	}
	statement(b, r, cmp->case_id, cmp->as_of, en, cmp->n, cmp->report_currency, cmp);
	rep_free(en);
}
