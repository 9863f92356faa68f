/* Eligibility: who the scheme pays (qualifying rules and the facts they
 * need), what bars a claim, whether the scheme was in force, and the time
 * limits for claiming. */
#include <stdio.h>
#include <string.h>

#include "engine.h"

static bool rule_matches(const rep_rule *r, const rep_case *c)
{
	return (r->outcomes & REP_BIT(c->outcome)) || (r->flags & c->flags);
}

static bool outcome_barred(const rep_scheme_def *def, const rep_case *c)
{
	for (const rep_rule *r = def->bars; r && r->text; r++)
		if (r->outcomes & REP_BIT(c->outcome))
			return true;
	return false;
}

/* Whether the case meets one need of a rule: 1 yes, 0 no, -1 not stated. */
static int need_met(const rep_case *c, unsigned need)
{
	switch (need) {
	case REP_NEED_CONVICTION:
		if (c->outcome == REP_OUT_CONVICTION_QUASHED || c->convicted == REP_FACT_YES || c->retrial == REP_FACT_YES)
			return 1;
		return c->convicted == REP_FACT_NO ? 0 : -1;
	case REP_NEED_RETRIAL:
		if (c->outcome != REP_OUT_ACQUITTED)
			return 1;
		if (c->retrial == REP_FACT_YES)
			return 1;
		return c->retrial == REP_FACT_NO || c->convicted == REP_FACT_NO ? 0 : -1;
	case REP_NEED_PARDON_INNOCENCE:
		if (c->outcome != REP_OUT_PARDON)
			return 1;
		return c->pardon_ground == REP_PARDON_INNOCENCE ? 1 : c->pardon_ground == REP_PARDON_CLEMENCY ? 0 : -1;
	case REP_NEED_CERTIFICATE:
		return c->certificate == REP_FACT_YES ? 1 : c->certificate == REP_FACT_NO ? 0 : -1;
	default:
		return 1;
	}
}

static const char *need_missing(unsigned need)
{
	switch (need) {
	case REP_NEED_CONVICTION:
		return "proceedings.conviction (whether a conviction came first: an object with its date, article and "
		       "sentence, or false)";
	case REP_NEED_RETRIAL:
		return "proceedings.acquitted_on_retrial (true when the acquittal came on a retrial after a conviction)";
	case REP_NEED_PARDON_INNOCENCE:
		return "proceedings.pardon_ground (innocence or clemency)";
	default:
		return "proceedings.certificate_of_innocence (true when a court certified the person's innocence)";
	}
}

static const char *need_failed(unsigned need)
{
	switch (need) {
	case REP_NEED_CONVICTION:
		return "there was no conviction (proceedings.conviction is false), and this route pays only after one";
	case REP_NEED_RETRIAL:
		return "the acquittal did not come on a retrial after a conviction: an acquittal at a first trial does not "
		       "qualify";
	case REP_NEED_PARDON_INNOCENCE:
		return "the pardon was granted on the ground of clemency, and only a pardon for innocence qualifies";
	default:
		return "no certificate of innocence was issued (proceedings.certificate_of_innocence is false)";
	}
}

/* 1: every need and assumption met or assumed; 0: one fails; -1: a need is not stated. */
static int rule_facts(const rep_rule *r, const rep_case *c)
{
	int worst = 1;
	for (unsigned bit = 1; bit && bit <= REP_NEED_CERTIFICATE; bit <<= 1) {
		int m = need_met(c, bit);
		if ((r->needs & bit) && m < worst)
			worst = m;
		if ((r->assumes & bit) && m == 0)
			worst = 0;
	}
	return worst;
}

/* The findings of a qualifying rule's facts: what bars, what is missing,
 * what is assumed. false when the rule does not hold. */
static rep_status rule_fact_findings(engine *g, const rep_rule *r, bool *holds)
{
	const rep_case *c = g->c;
	rep_status st;
	*holds = true;
	for (unsigned bit = 1; bit && bit <= REP_NEED_CERTIFICATE; bit <<= 1) {
		if (!((r->needs | r->assumes) & bit))
			continue;
		int m = need_met(c, bit);
		const char *t = NULL, *code = NULL;
		bool bars = true;
		if (m == 0) {
			code = "barred_fact";
			t = rep_arena_concat(&g->e->arena, r->text, ": ", need_failed(bit), (char *)NULL);
		} else if (m < 0 && (r->needs & bit)) {
			code = "missing_fact";
			t = rep_arena_concat(&g->e->arena, "the case does not say what this route needs (", r->text,
					     "): give ", need_missing(bit), (char *)NULL);
		} else if (m < 0) {
			code = "assumed_fact";
			bars = false;
			t = rep_arena_concat(&g->e->arena, "assumed, not stated: ", r->text, "; give ", need_missing(bit),
					     (char *)NULL);
			if (t && (st = rep_eng_warn(g, t)))
				return st;
		}
		if (!code)
			continue;
		if (!t)
			return rep_eng_nomem(g);
		if ((st = rep_eng_finding(g, code, t, r->basis, bars)))
			return st;
		if (bars)
			*holds = false;
	}
	return REP_OK;
}

rep_status rep_eng_eligibility(engine *g)
{
	const rep_scheme_def *def = g->def;
	const rep_case *c = g->c;
	rep_status st;
	bool ok = true;
	const char *b;
	if (def->proc_kinds && !(def->proc_kinds & REP_BIT(c->proc_kind))) {
		b = rep_arena_concat(&g->e->arena, rep_proc_kind_name(c->proc_kind),
				     " proceedings are outside this scheme, which covers ",
				     def->proc_kinds_text ? def->proc_kinds_text : "other proceedings", (char *)NULL);
		if (!b)
			return rep_eng_nomem(g);
		if ((st = rep_eng_finding(g, "barred_proceedings", b, def->qualifying ? def->qualifying[0].basis : NULL, true)))
			return st;
		ok = false;
	}
	/* the first rule the outcome meets with every fact it needs; else the
	 * first the outcome meets, to say which fact fails or is missing */
	const rep_rule *q = NULL, *first = NULL;
	for (const rep_rule *r = def->qualifying; r && r->text; r++)
		if (rule_matches(r, c)) {
			if (!first)
				first = r;
			if (rule_facts(r, c) == 1) {
				q = r;
				break;
			}
		}
	if (!q)
		q = first;
	if (q) {
		bool holds;
		if ((st = rule_fact_findings(g, q, &holds)))
			return st;
		if (holds && (st = rep_eng_finding(g, "qualifies", q->text, q->basis, false)))
			return st;
		ok = ok && holds;
	} else if (def->qualifying && def->qualifying[0].text && outcome_barred(def, c)) {
		ok = false;
	} else if (def->qualifying && def->qualifying[0].text) {
		/* a bar naming this outcome says why more precisely than the generic rule */
		b = rep_arena_concat(&g->e->arena, "outcome \"", rep_outcome_name(c->outcome), "\" does not qualify: ",
				     def->qualifying[0].text, (char *)NULL);
		if (!b)
			return rep_eng_nomem(g);
		if ((st = rep_eng_finding(g, "barred_outcome", b, def->qualifying[0].basis, true)))
			return st;
		ok = false;
	}
	for (const rep_rule *r = def->bars; r && r->text; r++)
		if (rule_matches(r, c)) {
			if ((st = rep_eng_finding(g, (r->flags & c->flags) ? "barred_flag" : "barred_outcome", r->text, r->basis, true)))
				return st;
			ok = false;
		}
	rep_date filed = c->application_date != REP_DATE_NONE ? c->application_date : g->as_of;
	if (!rep_eng_in_window(filed, def->effective_from, def->effective_to)) {
		char f[REP_DATE_TEXT_SIZE], from[REP_DATE_TEXT_SIZE] = "", to[REP_DATE_TEXT_SIZE] = "";
		rep_date_format(filed, f);
		if (def->effective_from != REP_DATE_NONE)
			rep_date_format(def->effective_from, from);
		if (def->effective_to != REP_DATE_NONE)
			rep_date_format(def->effective_to, to);
		b = rep_arena_printf(&g->e->arena,
				     "the scheme is in force %s%s%s%s; the claim is dated %s (application date, or as_of)",
				     from[0] ? "from " : "", from, to[0] ? " until " : "", to, f);
		if (!b)
			return rep_eng_nomem(g);
		if ((st = rep_eng_finding(g, "not_in_force", b, NULL, true)))
			return st;
		ok = false;
	}
	if (def->requires_detention && g->n_periods == 0) {
		if ((st = rep_eng_finding(g, "no_detention", "no deprivation of liberty is recorded, and this scheme pays only for it",
				  NULL, true)))
			return st;
		ok = false;
	}
	if (def->requires_torture && c->torture_part == 0) {
		if ((st = rep_eng_finding(g, "no_torture", "no torture finding (torture.cc146_part) is recorded, and this scheme pays only for it",
				  NULL, true)))
			return st;
		ok = false;
	}
	if (g->credited_days > 0 && (st = rep_eng_finding(g, "credited_elsewhere", g->credited_note, NULL, false)))
		return st;
	g->e->eligible = ok;
	return REP_OK;
}

rep_status rep_eng_deadlines(engine *g)
{
	const rep_case *c = g->c;
	for (const rep_deadline *d = g->def->deadlines; d && d->text; d++) {
		rep_date from = d->from == REP_FROM_TORTURE_RECOGNISED ? c->torture_recognised
				: d->from == REP_FROM_NOTICE && c->notice_date != REP_DATE_NONE ? c->notice_date
												 : c->decision_date;
		if (from == REP_DATE_NONE && d->from == REP_FROM_TORTURE_RECOGNISED && c->torture_part > 0) {
			/* a limit that cannot be checked says which date it needs */
			const char *t = rep_arena_printf(
				&g->e->arena, "%s: the limit cannot be checked without %s", d->text,
				"torture.victim_recognised (the date the person was recognised as a victim)");
			rep_status st = t ? rep_eng_finding(g, "deadline_unknown", t, d->basis, false) : rep_eng_nomem(g);
			if (st == REP_OK)
				st = rep_eng_warn(g, t);
			if (st)
				return st;
			continue;
		}
		if (from == REP_DATE_NONE)
			continue; /* not started: a pending case has no decision yet */
		rep_date limit;
		if (rep_date_add_months(&limit, from, d->months) != REP_OK)
			continue;
		rep_date filed = c->application_date != REP_DATE_NONE ? c->application_date : g->as_of;
		if (filed <= limit)
			continue;
		char l[REP_DATE_TEXT_SIZE];
		rep_date_format(limit, l);
		const char *b = rep_arena_printf(&g->e->arena, "%s (the limit ran out on %s)", d->text, l);
		if (!b)
			return rep_eng_nomem(g);
		rep_status st = rep_eng_finding(g, "deadline", b, d->basis, false);
		if (st)
			return st;
		if ((st = rep_eng_warn(g, b)))
			return st;
	}
	return REP_OK;
}
