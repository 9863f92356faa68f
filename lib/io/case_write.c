/* Writing a case as JSON in the case-file vocabulary (docs/case-format.md),
 * the inverse of io/case_json.c: rep_case_from_json(rep_case_to_json(c))
 * is the same case (the suite checks it on every bundled and test case).
 *
 * One function per section of the file, called in the order the format
 * documents; a new section of the case (a conviction, a pardon ground...)
 * is one more function and one more call in write_case. Optional members are
 * left out rather than written as null; amounts keep the decimal text they
 * were given, so nothing is reformatted or rounded. */
#include <string.h>
#include <yajl/yajl_gen.h>

#include "case_internal.h"
#include "internal.h"

static void w_str(yajl_gen g, const char *s)
{
	yajl_gen_string(g, (const unsigned char *)s, strlen(s));
}

static void w_kv(yajl_gen g, const char *k, const char *v)
{
	if (!v)
		return;
	w_str(g, k);
	w_str(g, v);
}

static void w_date(yajl_gen g, const char *k, rep_date d)
{
	if (d == REP_DATE_NONE)
		return;
	char text[REP_DATE_TEXT_SIZE];
	rep_date_format(d, text);
	w_kv(g, k, text);
}

static void w_bool(yajl_gen g, const char *k, bool v)
{
	w_str(g, k);
	yajl_gen_bool(g, v);
}

/* The eligibility facts: only those the case states, so unknown stays unknown. */
static void write_facts(yajl_gen g, const rep_case *c)
{
	if (c->convicted == REP_FACT_NO) {
		w_bool(g, "conviction", false);
	} else if (c->convicted == REP_FACT_YES) {
		w_str(g, "conviction");
		yajl_gen_map_open(g);
		w_date(g, "date", c->conviction_date);
		w_kv(g, "article", c->conviction_article);
		w_kv(g, "sentence", c->conviction_sentence);
		yajl_gen_map_close(g);
	}
	if (c->retrial != REP_FACT_UNKNOWN)
		w_bool(g, "acquitted_on_retrial", c->retrial == REP_FACT_YES);
	if (c->pardon_ground != REP_PARDON_UNKNOWN)
		w_kv(g, "pardon_ground", rep_pardon_ground_name(c->pardon_ground));
	if (c->certificate != REP_FACT_UNKNOWN)
		w_bool(g, "certificate_of_innocence", c->certificate == REP_FACT_YES);
}

static void write_proceedings(yajl_gen g, const rep_case *c)
{
	static const struct {
		const char *key;
		unsigned flag;
	} flags[] = {
		{"death_sentence", REP_FLAG_DEATH_SENTENCE},
		{"coerced_confession", REP_FLAG_COERCED_CONFESSION},
		{"self_incrimination", REP_FLAG_SELF_INCRIMINATION},
		{"arbitrary_detention_finding", REP_FLAG_ARBITRARY_DETENTION_FINDING},
	};
	w_str(g, "proceedings");
	yajl_gen_map_open(g);
	w_kv(g, "kind", rep_proc_kind_name(c->proc_kind));
	w_kv(g, "outcome", rep_outcome_name(c->outcome));
	w_date(g, "decision_date", c->decision_date);
	w_date(g, "notice_date", c->notice_date);
	w_date(g, "application_date", c->application_date);
	for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++)
		if (c->flags & flags[i].flag)
			w_bool(g, flags[i].key, true);
	write_facts(g, c);
	yajl_gen_map_close(g);
}

static void write_detentions(yajl_gen g, const rep_case *c)
{
	w_str(g, "detentions");
	yajl_gen_array_open(g);
	for (size_t i = 0; i < c->n_det; i++) {
		const rep_detention *d = &c->det[i];
		yajl_gen_map_open(g);
		w_kv(g, "kind", rep_detention_kind_name(d->kind));
		w_date(g, "start", d->start);
		w_date(g, "end", d->end);
		if (d->credited)
			w_bool(g, "credited_elsewhere", true);
		w_kv(g, "note", d->note);
		yajl_gen_map_close(g);
	}
	yajl_gen_array_close(g);
}

static void write_torture(yajl_gen g, const rep_case *c)
{
	if (c->torture_part == 0 && c->torture_recognised == REP_DATE_NONE)
		return;
	w_str(g, "torture");
	yajl_gen_map_open(g);
	if (c->torture_part) {
		w_str(g, "cc146_part");
		yajl_gen_integer(g, c->torture_part);
	}
	w_date(g, "victim_recognised", c->torture_recognised);
	yajl_gen_map_close(g);
}

static void write_harms(yajl_gen g, const rep_case *c)
{
	w_str(g, "harms");
	yajl_gen_array_open(g);
	for (size_t i = 0; i < c->n_harms; i++) {
		const rep_case_harm *h = &c->harms[i];
		yajl_gen_map_open(g);
		w_kv(g, "category", rep_harm_category_name(h->category));
		w_kv(g, "description", h->description);
		w_kv(g, "amount", h->present & REP_HF_AMOUNT ? h->amount_text : NULL);
		w_kv(g, "monthly", h->present & REP_HF_MONTHLY ? h->monthly_text : NULL);
		w_kv(g, "annual", h->present & REP_HF_ANNUAL ? h->annual_text : NULL);
		w_kv(g, "years", h->present & REP_HF_YEARS ? h->years_text : NULL);
		w_kv(g, "growth", h->present & REP_HF_GROWTH ? h->growth_text : NULL);
		w_kv(g, "discount_rate", h->present & REP_HF_DISCOUNT ? h->discount_text : NULL);
		w_date(g, "date", h->date);
		w_date(g, "start", h->start);
		w_date(g, "end", h->end);
		w_kv(g, "disposition", h->disposition);
		yajl_gen_map_close(g);
	}
	yajl_gen_array_close(g);
}

static void write_case(yajl_gen g, const rep_case *c)
{
	yajl_gen_map_open(g);
	w_kv(g, "id", c->id);
	w_kv(g, "description", c->description);
	if (c->currency[0])
		w_kv(g, "currency", c->currency);
	w_date(g, "as_of", c->as_of);
	write_proceedings(g, c);
	write_detentions(g, c);
	write_torture(g, c);
	write_harms(g, c);
	yajl_gen_map_close(g);
}

rep_status rep_case_to_json(char **out, size_t *len, const rep_case *c, rep_error *err)
{
	if (!out || !c)
		return rep_err(err, REP_EUSAGE, NULL, "case to JSON: output and case are required");
	*out = NULL;
	if (len)
		*len = 0;
	/* yajl's default allocator, as in io/json.c and io/render.c */
	yajl_gen g = yajl_gen_alloc(NULL);
	if (!g)
		return rep_err(err, REP_ENOMEM, NULL, "out of memory");
	yajl_gen_config(g, yajl_gen_beautify, 1);
	yajl_gen_config(g, yajl_gen_indent_string, "  ");
	yajl_gen_config(g, yajl_gen_validate_utf8, 1);
	write_case(g, c);
	const unsigned char *text;
	size_t n;
	if (yajl_gen_get_buf(g, &text, &n) != yajl_gen_status_ok) {
		yajl_gen_free(g);
		return rep_err(err, REP_EINVAL, NULL, "the case's text is not valid UTF-8 and cannot be written as JSON");
	}
	char *copy = rep_malloc(n + 2); /* the caller frees with free() */
	if (!copy) {
		yajl_gen_free(g);
		return rep_err(err, REP_ENOMEM, NULL, "out of memory");
	}
	memcpy(copy, text, n);
	if (n == 0 || copy[n - 1] != '\n')
		copy[n++] = '\n';
	copy[n] = '\0';
	yajl_gen_free(g);
	*out = copy;
	if (len)
		*len = n;
	return REP_OK;
}
