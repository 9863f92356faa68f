/* Reading a case from JSON. The tree comes from io/json.c; this file knows
 * the case vocabulary (a public contract: docs/case-format.md) and reports
 * every problem with the JSON path of the field. */
#include <stdio.h>
#include <string.h>

#include "case_internal.h"
#include "internal.h"
#include "io/json.h"
#include "io/json_read.h"
#include "reparations/money.h"

rep_status rep_jr_type(const rep_json *v, rep_json_type t, const char *what, rep_jpath *p, rep_error *err)
{
	if (v->type == t)
		return REP_OK;
	return rep_err(err, REP_EINVAL, p->buf, "expected %s, got %s", what, rep_json_type_name(v->type));
}

rep_status rep_jr_string(const char **out, const rep_json *v, rep_jpath *p, rep_error *err)
{
	rep_status st = rep_jr_type(v, REP_JSON_STRING, "a string", p, err);
	if (st)
		return st;
	if (strlen(v->text) != v->len)
		return rep_err(err, REP_EINVAL, p->buf, "a string must not contain NUL (\\u0000)");
	if (v->len > REP_CASE_MAX_STRING)
		return rep_err(err, REP_ELIMIT, p->buf, "string longer than %d bytes", REP_CASE_MAX_STRING);
	*out = v->text;
	return REP_OK;
}

rep_status rep_jr_date(rep_date *out, const rep_json *v, rep_jpath *p, rep_error *err)
{
	if (v->type != REP_JSON_STRING)
		return rep_err(err, REP_EINVAL, p->buf, "expected a date string YYYY-MM-DD, got %s",
			       rep_json_type_name(v->type));
	rep_status st = rep_date_parse_n(out, v->text, v->len, err);
	return st ? rep_err_at(err, p->buf) : REP_OK;
}

rep_status rep_jr_decimal(mpq_t q, const char **out, const rep_json *v, rep_jpath *p, rep_error *err)
{
	if (v->type != REP_JSON_STRING && v->type != REP_JSON_NUMBER)
		return rep_err(err, REP_EINVAL, p->buf, "expected a decimal amount (a string such as \"1234.50\" or a number), got %s",
			       rep_json_type_name(v->type));
	if (rep_dec_parse_n(q, v->text, v->len, err))
		return rep_err_at(err, p->buf);
	*out = v->text;
	return REP_OK;
}

rep_status rep_jr_decimal_text(const char **out, const rep_json *v, rep_jpath *p, rep_error *err)
{
	mpq_t q;
	mpq_init(q);
	rep_status st = rep_jr_decimal(q, out, v, p, err);
	mpq_clear(q);
	return st;
}

rep_status rep_jr_unknown(const rep_json *member, rep_jpath *p, const char *expected, rep_error *err)
{
	size_t m = rep_jpath_key(p, member->key, member->key_len);
	rep_status st = rep_err(err, REP_EINVAL, p->buf, "unknown key (expected one of: %s)", expected);
	rep_jpath_pop(p, m);
	return st;
}

static bool key_is(const rep_json *m, const char *k)
{
	return m->key_len == strlen(k) && memcmp(m->key, k, m->key_len) == 0;
}

/* "conviction": false (none), or {"date", "article", "sentence"} (there was one). */
static rep_status read_conviction(rep_case *c, const rep_json *o, rep_jpath *p, rep_error *err)
{
	if (o->type == REP_JSON_BOOL) {
		if (o->boolean)
			return rep_err(err, REP_EINVAL, p->buf,
				       "give the conviction as an object ({\"date\": ..., \"article\": ..., \"sentence\": ...}, "
				       "each optional), or false for none");
		return rep_case_set_conviction(c, REP_FACT_NO, REP_DATE_NONE, NULL, NULL, err);
	}
	rep_status st = rep_jr_type(o, REP_JSON_OBJECT, "an object or false", p, err);
	if (st)
		return st;
	rep_date date = REP_DATE_NONE;
	const char *article = NULL, *sentence = NULL;
	for (const rep_json *m = o->first; m; m = m->next) {
		size_t mark = rep_jpath_key(p, m->key, m->key_len);
		if (key_is(m, "date"))
			st = rep_jr_date(&date, m, p, err);
		else if (key_is(m, "article"))
			st = rep_jr_string(&article, m, p, err);
		else if (key_is(m, "sentence"))
			st = rep_jr_string(&sentence, m, p, err);
		else {
			rep_jpath_pop(p, mark);
			return rep_jr_unknown(m, p, "date, article, sentence", err);
		}
		if (st)
			return st;
		rep_jpath_pop(p, mark);
	}
	return rep_case_set_conviction(c, REP_FACT_YES, date, article, sentence, err);
}

static rep_status read_proceedings(rep_case *c, const rep_json *o, rep_jpath *p, rep_error *err)
{
	rep_status st = rep_jr_type(o, REP_JSON_OBJECT, "an object", p, err);
	if (st)
		return st;
	rep_proc_kind kind = REP_PROC_CRIMINAL;
	rep_outcome outcome = REP_OUT_PENDING;
	rep_date decision = REP_DATE_NONE, notice = REP_DATE_NONE, application = REP_DATE_NONE;
	unsigned flags = 0;
	static const struct {
		const char *key;
		unsigned flag;
	} flag_keys[] = {
		{"death_sentence", REP_FLAG_DEATH_SENTENCE},
		{"coerced_confession", REP_FLAG_COERCED_CONFESSION},
		{"self_incrimination", REP_FLAG_SELF_INCRIMINATION},
		{"arbitrary_detention_finding", REP_FLAG_ARBITRARY_DETENTION_FINDING},
	};
	for (const rep_json *m = o->first; m; m = m->next) {
		size_t mark = rep_jpath_key(p, m->key, m->key_len);
		const char *s;
		bool known = false;
		if (key_is(m, "kind")) {
			known = true;
			if ((st = rep_jr_string(&s, m, p, err)))
				return st;
			if (rep_proc_kind_parse(&kind, s))
				return rep_err(err, REP_EINVAL, p->buf,
					       "unknown value \"%.40s\" (expected criminal, administrative or political_repression)", s);
		} else if (key_is(m, "outcome")) {
			known = true;
			if ((st = rep_jr_string(&s, m, p, err)))
				return st;
			if (rep_outcome_parse(&outcome, s))
				return rep_err(err, REP_EINVAL, p->buf,
					       "unknown value \"%.40s\" (expected acquitted, dismissed_rehabilitating, "
					       "conviction_quashed, admin_terminated, repression_rehabilitated, amnesty, "
					       "pardon, parole, sentence_served, sentence_mitigated or pending)", s);
		} else if (key_is(m, "decision_date")) {
			known = true;
			if ((st = rep_jr_date(&decision, m, p, err)))
				return st;
		} else if (key_is(m, "notice_date")) {
			known = true;
			if ((st = rep_jr_date(&notice, m, p, err)))
				return st;
		} else if (key_is(m, "application_date")) {
			known = true;
			if ((st = rep_jr_date(&application, m, p, err)))
				return st;
		} else if (key_is(m, "conviction")) {
			known = true;
			if ((st = read_conviction(c, m, p, err)))
				return st;
		} else if (key_is(m, "acquitted_on_retrial") || key_is(m, "certificate_of_innocence")) {
			known = true;
			if ((st = rep_jr_type(m, REP_JSON_BOOL, "true or false", p, err)))
				return st;
			if (key_is(m, "acquitted_on_retrial"))
				rep_case_set_acquitted_on_retrial(c, m->boolean ? REP_FACT_YES : REP_FACT_NO);
			else
				rep_case_set_certificate_of_innocence(c, m->boolean ? REP_FACT_YES : REP_FACT_NO);
		} else if (key_is(m, "pardon_ground")) {
			known = true;
			if ((st = rep_jr_string(&s, m, p, err)))
				return st;
			if (strcmp(s, "innocence") && strcmp(s, "clemency"))
				return rep_err(err, REP_EINVAL, p->buf, "unknown value \"%.40s\" (expected innocence or clemency)", s);
			rep_case_set_pardon_ground(c, strcmp(s, "innocence") == 0 ? REP_PARDON_INNOCENCE : REP_PARDON_CLEMENCY);
		} else {
			for (size_t i = 0; i < sizeof flag_keys / sizeof flag_keys[0]; i++) {
				if (!key_is(m, flag_keys[i].key))
					continue;
				known = true;
				if ((st = rep_jr_type(m, REP_JSON_BOOL, "true or false", p, err)))
					return st;
				if (m->boolean)
					flags |= flag_keys[i].flag;
			}
		}
		rep_jpath_pop(p, mark);
		if (!known)
			return rep_jr_unknown(m, p,
					      "kind, outcome, decision_date, notice_date, application_date, death_sentence, "
					      "coerced_confession, self_incrimination, arbitrary_detention_finding, conviction, "
					      "acquitted_on_retrial, pardon_ground, certificate_of_innocence",
					      err);
	}
	rep_case_set_proceedings(c, kind, outcome, decision, flags);
	rep_case_set_notice_date(c, notice);
	rep_case_set_application_date(c, application);
	return REP_OK;
}

static rep_status read_detention(rep_case *c, const rep_json *o, rep_jpath *p, rep_error *err)
{
	rep_status st = rep_jr_type(o, REP_JSON_OBJECT, "an object", p, err);
	if (st)
		return st;
	rep_detention_spec d = REP_DETENTION_INIT;
	for (const rep_json *m = o->first; m; m = m->next) {
		size_t mark = rep_jpath_key(p, m->key, m->key_len);
		const char *s;
		if (key_is(m, "kind")) {
			if ((st = rep_jr_string(&s, m, p, err)))
				return st;
			if (rep_detention_kind_parse(&d.kind, s))
				return rep_err(err, REP_EINVAL, p->buf,
					       "unknown value \"%.40s\" (expected police_custody, pretrial_custody, house_arrest, "
					       "prison, administrative_arrest, psychiatric, exile, special_settlement, "
					       "forced_labour or parole)", s);
		} else if (key_is(m, "start")) {
			if ((st = rep_jr_date(&d.start, m, p, err)))
				return st;
		} else if (key_is(m, "end")) {
			if (m->type != REP_JSON_NULL && (st = rep_jr_date(&d.end, m, p, err)))
				return st;
		} else if (key_is(m, "credited_elsewhere")) {
			if ((st = rep_jr_type(m, REP_JSON_BOOL, "true or false", p, err)))
				return st;
			d.credited_elsewhere = m->boolean;
		} else if (!key_is(m, "note")) {
			rep_jpath_pop(p, mark);
			return rep_jr_unknown(m, p, "kind, start, end, credited_elsewhere, note", err);
		} else if ((st = rep_jr_string(&d.note, m, p, err))) {
			return st;
		}
		rep_jpath_pop(p, mark);
	}
	/* the builder checks what is missing, with the same messages and path */
	return rep_case_add_detention_spec(c, &d, err);
}

/* Which fields each category takes: one table with the C builder (lib/case.c). */
static bool harm_field_allowed(rep_harm_category cat, const rep_json *m)
{
	char key[32];
	if (m->key_len >= sizeof key)
		return false;
	memcpy(key, m->key, m->key_len);
	key[m->key_len] = '\0';
	return rep_harm_field_allowed(cat, key);
}

static rep_status read_harm(rep_case *c, const rep_json *o, rep_jpath *p, rep_error *err)
{
	rep_status st = rep_jr_type(o, REP_JSON_OBJECT, "an object", p, err);
	if (st)
		return st;
	const rep_json *cat_v = rep_json_get(o, "category");
	if (!cat_v)
		return rep_err(err, REP_EINVAL, p->buf, "category: missing");
	rep_harm h = {.date = REP_DATE_NONE, .start = REP_DATE_NONE, .end = REP_DATE_NONE};
	size_t mark = rep_jpath_key(p, "category", 8);
	const char *s;
	if ((st = rep_jr_string(&s, cat_v, p, err)))
		return st;
	if (rep_harm_category_parse(&h.category, s))
		return rep_err(err, REP_EINVAL, p->buf,
			       "unknown value \"%.40s\" (expected lost_earnings, lost_earning_capacity, business, property, "
			       "fines_and_costs, legal_costs, medical_costs, psychological_care, other_expenses or moral_harm)",
			       s);
	rep_jpath_pop(p, mark);
	for (const rep_json *m = o->first; m; m = m->next) {
		if (key_is(m, "category"))
			continue;
		mark = rep_jpath_key(p, m->key, m->key_len);
		if (key_is(m, "description")) {
			if ((st = rep_jr_string(&h.description, m, p, err)))
				return st;
		} else if (!harm_field_allowed(h.category, m)) {
			rep_jpath_pop(p, mark);
			return rep_jr_unknown(m, p, rep_harm_fields_text(h.category), err);
		} else if (key_is(m, "date") || key_is(m, "start") || key_is(m, "end")) {
			rep_date *slot = key_is(m, "date") ? &h.date : key_is(m, "start") ? &h.start : &h.end;
			if ((st = rep_jr_date(slot, m, p, err)))
				return st;
		} else if (key_is(m, "disposition")) {
			/* its value is checked with the builder's list in rep_case_add_harm */
			if ((st = rep_jr_string(&h.disposition, m, p, err)))
				return st;
		} else {
			/* checked here, where its path is, and handed to the builder parsed */
			int k = key_is(m, "amount")    ? REP_HV_AMOUNT
				: key_is(m, "monthly") ? REP_HV_MONTHLY
				: key_is(m, "annual")  ? REP_HV_ANNUAL
				: key_is(m, "years")   ? REP_HV_YEARS
				: key_is(m, "growth")  ? REP_HV_GROWTH
						       : REP_HV_DISCOUNT;
			const char **slot[] = {&h.amount, &h.monthly, &h.annual, &h.years, &h.growth, &h.discount_rate};
			if ((st = rep_jr_decimal(rep_case_reader_values(c)[k], slot[k], m, p, err)))
				return st;
		}
		rep_jpath_pop(p, mark);
	}
	return rep_case_add_harm_parsed(c, &h, rep_case_reader_values(c), err);
}

static rep_status read_torture(rep_case *c, const rep_json *o, rep_jpath *p, rep_error *err)
{
	rep_status st = rep_jr_type(o, REP_JSON_OBJECT, "an object", p, err);
	if (st)
		return st;
	int part = 0;
	rep_date recognised = REP_DATE_NONE;
	for (const rep_json *m = o->first; m; m = m->next) {
		size_t mark = rep_jpath_key(p, m->key, m->key_len);
		if (key_is(m, "cc146_part")) {
			if (m->type != REP_JSON_NUMBER || m->len != 1 || m->text[0] < '0' || m->text[0] > '3')
				return rep_err(err, REP_EINVAL, p->buf, "expected 1, 2 or 3 (the part of Criminal Code art. 146)");
			part = m->text[0] - '0';
		} else if (key_is(m, "victim_recognised")) {
			if ((st = rep_jr_date(&recognised, m, p, err)))
				return st;
		} else {
			rep_jpath_pop(p, mark);
			return rep_jr_unknown(m, p, "cc146_part, victim_recognised", err);
		}
		rep_jpath_pop(p, mark);
	}
	return rep_case_set_torture(c, part, recognised, err);
}

static rep_status read_case(rep_case *c, const rep_json *root, rep_error *err)
{
	rep_jpath p;
	rep_jpath_init(&p);
	if (root->type != REP_JSON_OBJECT)
		return rep_err(err, REP_EINVAL, NULL, "a case must be a JSON object, got %s", rep_json_type_name(root->type));
	rep_status st;
	for (const rep_json *m = root->first; m; m = m->next) {
		size_t mark = rep_jpath_key(&p, m->key, m->key_len);
		const char *s;
		if (key_is(m, "id")) {
			if ((st = rep_jr_string(&s, m, &p, err)) || (st = rep_case_set_id(c, s, err)))
				return st;
		} else if (key_is(m, "currency")) {
			if ((st = rep_jr_string(&s, m, &p, err)) || (st = rep_case_set_currency(c, s, err)))
				return st;
		} else if (key_is(m, "as_of")) {
			rep_date d;
			if ((st = rep_jr_date(&d, m, &p, err)))
				return st;
			rep_case_set_as_of(c, d);
		} else if (key_is(m, "description")) {
			if ((st = rep_jr_string(&s, m, &p, err)) || (st = rep_case_set_description(c, s, err)))
				return st;
		} else if (key_is(m, "proceedings")) {
			if ((st = read_proceedings(c, m, &p, err)))
				return st;
		} else if (key_is(m, "torture")) {
			if (m->type != REP_JSON_NULL && (st = read_torture(c, m, &p, err)))
				return st;
		} else if (key_is(m, "detentions") || key_is(m, "harms")) {
			bool det = key_is(m, "detentions");
			if ((st = rep_jr_type(m, REP_JSON_ARRAY, "an array", &p, err)))
				return st;
			size_t limit = det ? REP_CASE_MAX_DETENTIONS : REP_CASE_MAX_HARMS;
			if (m->n > limit)
				return rep_err(err, REP_ELIMIT, p.buf, "%zu entries exceed the limit of %zu", m->n, limit);
			size_t i = 0;
			for (const rep_json *e = m->first; e; e = e->next, i++) {
				size_t im = rep_jpath_index(&p, i);
				if ((st = det ? read_detention(c, e, &p, err) : read_harm(c, e, &p, err)))
					return st;
				rep_jpath_pop(&p, im);
			}
		} else {
			rep_jpath_pop(&p, mark);
			return rep_jr_unknown(m, &p,
					      "id, currency, as_of, description, proceedings, detentions, torture, harms", err);
		}
		rep_jpath_pop(&p, mark);
	}
	if (!c->id)
		return rep_err(err, REP_EINVAL, "id", "missing: every case needs an id");
	return rep_case_validate(c, err);
}

rep_status rep_case_read_json(rep_case *c, const char *json, size_t len, rep_error *err)
{
	if (!c || (!json && len))
		return rep_err(err, REP_EUSAGE, NULL, "no case or no text");
	rep_case_reset(c);
	rep_arena_reset(&c->tree);
	rep_json *root;
	rep_status st = rep_json_parse(&root, &c->tree, json ? json : "", len, err);
	return st ? st : read_case(c, root, err);
}

rep_status rep_case_from_json(rep_case **out, const char *json, size_t len, rep_error *err)
{
	if (!out || (!json && len))
		return rep_err(err, REP_EUSAGE, NULL, "no output or no text");
	*out = NULL;
	rep_case *c;
	if (rep_case_new(&c))
		return rep_err(err, REP_ENOMEM, NULL, "out of memory");
	rep_status st = rep_case_read_json(c, json, len, err);
	rep_arena_release(&c->tree); /* a case kept in memory does not keep its parse */
	if (st) {
		rep_case_free(c);
		return st;
	}
	*out = c;
	return REP_OK;
}
