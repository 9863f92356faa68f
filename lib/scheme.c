/* Scheme accessors and user options. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "context_internal.h"
#include "internal.h"
#include "scheme.h"
#include "suggest.h"

size_t rep_scheme_count(const rep_context *ctx)
{
	return ctx ? ctx->n_schemes : 0;
}

const rep_scheme *rep_scheme_at(const rep_context *ctx, size_t i)
{
	return ctx && i < ctx->n_schemes ? (const rep_scheme *)ctx->schemes[i] : NULL;
}

const rep_scheme_def *rep_scheme_def_find(const rep_context *ctx, const char *id)
{
	if (!ctx || !id)
		return NULL;
	for (size_t i = 0; i < ctx->n_schemes; i++)
		if (strcmp(ctx->schemes[i]->id, id) == 0)
			return ctx->schemes[i];
	/* ids are lowercase, so "KZ-CPC" can only mean kz-cpc */
	for (size_t i = 0; i < ctx->n_schemes; i++)
		if (strcasecmp(ctx->schemes[i]->id, id) == 0)
			return ctx->schemes[i];
	return NULL;
}

static const char *scheme_id_at(size_t i, const void *ctx)
{
	return ((const rep_context *)ctx)->schemes[i]->id;
}

rep_status rep_scheme_unknown(const rep_context *ctx, const char *id, rep_error *err)
{
	if (!ctx || !id)
		return rep_err(err, REP_EUSAGE, NULL, "scheme lookup: no context or no id");
	char near[200];
	if (rep_suggest(near, sizeof near, id, scheme_id_at, ctx, ctx->n_schemes))
		return rep_err(err, REP_ENOTFOUND, NULL, "unknown scheme \"%.64s\": did you mean %s?", id, near);
	char all[400] = "";
	size_t len = 0;
	for (size_t i = 0; i < ctx->n_schemes && len < sizeof all; i++)
		len += (size_t)snprintf(all + len, sizeof all - len, "%s%s", i ? ", " : "", ctx->schemes[i]->id);
	return rep_err(err, REP_ENOTFOUND, NULL, "unknown scheme \"%.64s\" (the schemes are: %s)", id, all);
}

const rep_scheme *rep_scheme_find(const rep_context *ctx, const char *id)
{
	return (const rep_scheme *)rep_scheme_def_find(ctx, id);
}

rep_status rep_scheme_lookup(const rep_scheme **out, const rep_context *ctx, const char *id, rep_error *err)
{
	if (!out || !ctx || !id)
		return rep_err(err, REP_EUSAGE, NULL, "scheme lookup: output, context and id are required");
	*out = rep_scheme_find(ctx, id);
	return *out ? REP_OK : rep_scheme_unknown(ctx, id, err);
}

#define DEF(s) ((const rep_scheme_def *)(s))
const char *rep_scheme_id(const rep_scheme *s)
{
	return s ? DEF(s)->id : "";
}
const char *rep_scheme_name(const rep_scheme *s)
{
	return s && DEF(s)->name ? DEF(s)->name : "";
}
const char *rep_scheme_jurisdiction(const rep_scheme *s)
{
	return s && DEF(s)->jurisdiction ? DEF(s)->jurisdiction : "";
}
const char *rep_scheme_currency(const rep_scheme *s)
{
	return s && DEF(s)->currency ? DEF(s)->currency : "case";
}
const char *rep_scheme_status(const rep_scheme *s)
{
	return s && DEF(s)->status ? DEF(s)->status : "law";
}
const char *rep_scheme_notes(const rep_scheme *s)
{
	return s && DEF(s)->notes ? DEF(s)->notes : "";
}

size_t rep_scheme_option_count(const rep_scheme *s)
{
	size_t n = 0;
	if (s && DEF(s)->options)
		while (DEF(s)->options[n].name)
			n++;
	return n;
}

rep_status rep_scheme_option_at(const rep_scheme *s, size_t i, rep_option_info *out)
{
	if (!s || !out || i >= rep_scheme_option_count(s))
		return REP_ENOTFOUND;
	const rep_option_def *o = &DEF(s)->options[i];
	*out = (rep_option_info){o->name, o->description, o->type == REP_OPT_CHOICE ? "choice" : "decimal",
				 o->def, o->min, o->max, o->choices};
	return REP_OK;
}

/* ---- options ---- */

typedef struct assignment {
	char *scheme, *name, *value;
} assignment;

struct rep_options {
	assignment *a;
	size_t n, cap;
};

rep_status rep_options_new(rep_options **out)
{
	if (!out)
		return REP_EUSAGE;
	*out = rep_calloc(1, sizeof **out);
	return *out ? REP_OK : REP_ENOMEM;
}

void rep_options_free(rep_options *o)
{
	if (!o)
		return;
	for (size_t i = 0; i < o->n; i++) {
		rep_free(o->a[i].scheme);
		rep_free(o->a[i].name);
		rep_free(o->a[i].value);
	}
	rep_free(o->a);
	rep_free(o);
}

rep_status rep_options_set(rep_options *o, const char *scheme, const char *name, const char *value, rep_error *err)
{
	if (!o || !scheme || !name || !value)
		return rep_err(err, REP_EUSAGE, NULL, "option: scheme, name and value are required");
	if (!*scheme || !*name || strlen(scheme) > 64 || strlen(name) > 64 || strlen(value) > 256)
		return rep_err(err, REP_EINVAL, NULL, "option %.64s.%.64s: empty or too long", scheme, name);
	for (size_t i = 0; i < o->n; i++)
		if (strcasecmp(o->a[i].scheme, scheme) == 0 && strcmp(o->a[i].name, name) == 0) {
			char *v = rep_strdup(value);
			if (!v)
				return rep_err(err, REP_ENOMEM, NULL, "out of memory");
			rep_free(o->a[i].value);
			o->a[i].value = v;
			return REP_OK;
		}
	if (o->n == o->cap) {
		size_t nc = o->cap ? o->cap * 2 : 8;
		if (nc > 1024)
			return rep_err(err, REP_ELIMIT, NULL, "more than 1024 options");
		assignment *na = rep_realloc(o->a, nc * sizeof *na);
		if (!na)
			return rep_err(err, REP_ENOMEM, NULL, "out of memory");
		o->a = na;
		o->cap = nc;
	}
	assignment a = {rep_strdup(scheme), rep_strdup(name), rep_strdup(value)};
	if (!a.scheme || !a.name || !a.value) {
		rep_free(a.scheme);
		rep_free(a.name);
		rep_free(a.value);
		return rep_err(err, REP_ENOMEM, NULL, "out of memory");
	}
	o->a[o->n++] = a;
	return REP_OK;
}

rep_status rep_options_add(rep_options *o, const char *assignment_text, rep_error *err)
{
	if (!o || !assignment_text)
		return rep_err(err, REP_EUSAGE, NULL, "no option");
	const char *eq = strchr(assignment_text, '=');
	const char *dot = eq ? memchr(assignment_text, '.', (size_t)(eq - assignment_text)) : NULL;
	/* scheme ids hold no dot, so the first dot ends the scheme id */
	if (!eq || !dot || dot == assignment_text || dot + 1 == eq)
		return rep_err(err, REP_ESYNTAX, NULL, "option \"%.80s\" is not of the form SCHEME.NAME=VALUE",
			       assignment_text);
	char scheme[65], name[65];
	size_t sl = (size_t)(dot - assignment_text), nl = (size_t)(eq - dot - 1);
	if (sl >= sizeof scheme || nl >= sizeof name)
		return rep_err(err, REP_EINVAL, NULL, "option \"%.80s\": scheme or name too long", assignment_text);
	memcpy(scheme, assignment_text, sl);
	scheme[sl] = '\0';
	memcpy(name, dot + 1, nl);
	name[nl] = '\0';
	return rep_options_set(o, scheme, name, eq + 1, err);
}

/* A copy of every assignment of src (NULL: an empty set). */
rep_status rep_options_clone(rep_options **out, const rep_options *src, rep_error *err)
{
	rep_status st = rep_options_new(out);
	if (st)
		return rep_err(err, st, NULL, "out of memory");
	for (size_t i = 0; src && i < src->n; i++)
		if ((st = rep_options_set(*out, src->a[i].scheme, src->a[i].name, src->a[i].value, err))) {
			rep_options_free(*out);
			*out = NULL;
			return st;
		}
	return REP_OK;
}

/* The value assigned to scheme.name, or NULL. */
const char *rep_options_get(const rep_options *o, const char *scheme, const char *name)
{
	if (!o)
		return NULL;
	for (size_t i = 0; i < o->n; i++)
		if (strcasecmp(o->a[i].scheme, scheme) == 0 && strcmp(o->a[i].name, name) == 0)
			return o->a[i].value;
	return NULL;
}

static const rep_option_def *find_option(const rep_scheme_def *def, const char *name)
{
	for (const rep_option_def *d = def->options; d && d->name; d++)
		if (strcmp(d->name, name) == 0)
			return d;
	return NULL;
}

static bool choice_allowed(const char *choices, const char *v)
{
	size_t n = strlen(v);
	for (const char *p = choices; p && *p;) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		if (len == n && strncmp(p, v, n) == 0)
			return true;
		p = bar ? bar + 1 : NULL;
	}
	return false;
}

rep_status rep_option_check_value(const rep_scheme_def *def, const rep_option_def *d, const char *value,
				  rep_error *err)
{
	char path[160];
	snprintf(path, sizeof path, "option %s.%s", def->id, d->name);
	if (d->type == REP_OPT_CHOICE) {
		if (!choice_allowed(d->choices, value))
			return rep_err(err, REP_EINVAL, path, "\"%.64s\" is not one of %s", value, d->choices);
		return REP_OK;
	}
	mpq_t v, b;
	mpq_inits(v, b, NULL);
	rep_status st = rep_dec_parse(v, value, err);
	if (st) {
		rep_err_at(err, path);
	} else if (d->min && rep_dec_parse(b, d->min, NULL) == REP_OK && mpq_cmp(v, b) < 0) {
		st = rep_err(err, REP_EINVAL, path, "%.64s is below the allowed minimum %s (allowed %s..%s)", value,
			     d->min, d->min, d->max ? d->max : "");
	} else if (d->max && rep_dec_parse(b, d->max, NULL) == REP_OK && mpq_cmp(v, b) > 0) {
		st = rep_err(err, REP_EINVAL, path, "%.64s is above the allowed maximum %s (allowed %s..%s)", value,
			     d->max, d->min ? d->min : "", d->max);
	}
	mpq_clears(v, b, NULL);
	return st;
}

static const char *option_name_at(size_t i, const void *def)
{
	return ((const rep_scheme_def *)def)->options[i].name;
}

rep_status rep_options_check(const rep_options *o, const rep_context *ctx, rep_error *err)
{
	if (!o)
		return REP_OK;
	for (size_t i = 0; i < o->n; i++) {
		const rep_scheme_def *def = rep_scheme_def_find(ctx, o->a[i].scheme);
		if (!def) {
			rep_scheme_unknown(ctx, o->a[i].scheme, err);
			char where[160];
			snprintf(where, sizeof where, "option %.64s.%.64s", o->a[i].scheme, o->a[i].name);
			return rep_err_at(err, where);
		}
		const rep_option_def *d = find_option(def, o->a[i].name);
		if (!d) {
			char list[512] = "";
			size_t len = 0;
			for (const rep_option_def *x = def->options; x && x->name && len < sizeof list - 80; x++)
				len += (size_t)snprintf(list + len, sizeof list - len, "%s%s", len ? ", " : "", x->name);
			char near[200];
			size_t n_opt = 0;
			while (def->options && def->options[n_opt].name)
				n_opt++;
			if (rep_suggest(near, sizeof near, o->a[i].name, option_name_at, def, n_opt))
				return rep_err(err, REP_EINVAL, NULL, "option %s.%s: unknown option: did you mean %s? (scheme %s has: %s)",
					       o->a[i].scheme, o->a[i].name, near, def->id, list);
			return rep_err(err, REP_EINVAL, NULL, "option %s.%s: unknown option (scheme %s has: %s)",
				       o->a[i].scheme, o->a[i].name, def->id, len ? list : "no options");
		}
		rep_status st = rep_option_check_value(def, d, o->a[i].value, err);
		if (st)
			return st;
	}
	return REP_OK;
}
