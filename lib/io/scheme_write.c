/* Writing a scheme as JSON in the user-scheme vocabulary (docs/schemes.md),
 * so that a lawyer can read a built-in rule as data, copy it, change it and
 * load it back with --scheme-file.
 *
 * This file is included at the end of io/scheme_json.c, not compiled on its
 * own: it walks the reader's own field tables the other way, so a field
 * added to a table is read and written alike and the two cannot drift.
 * The suite checks the round trip: every built-in scheme, exported and
 * loaded back, gives byte-identical estimates on the golden cases.
 *
 * A field is written when it differs from what the reader would assume
 * when it is absent (C's zero after the table's `init`), and always for the
 * fields a check derives when absent (a head's klass, a tariff's unit). */
#include <stdalign.h>
#include <yajl/yajl_gen.h>

#include "buf.h"
#include "reparations/estimate.h"

static void w_str(yajl_gen g, const char *s)
{
	yajl_gen_string(g, (const unsigned char *)s, strlen(s));
}

/* The key that ends a list: its first required text or name (a zeroed entry has NULL there). */
static const field *list_end_key(const obj_def *d)
{
	for (size_t i = 0; i < d->n_fields; i++)
		if (d->fields[i].required && (d->fields[i].type == F_TEXT || d->fields[i].type == F_NAME))
			return &d->fields[i];
	return NULL;
}

static const char *ptr_at(const void *obj, size_t off)
{
	const char *s;
	memcpy(&s, (const char *)obj + off, sizeof s);
	return s;
}

static void write_object(yajl_gen g, const obj_def *d, const void *obj);

static void write_figure(yajl_gen g, const rep_figure *f)
{
	yajl_gen_map_open(g);
	w_str(g, "value");
	w_str(g, f->value);
	if (f->confidence) {
		w_str(g, "confidence");
		w_str(g, f->confidence);
	}
	if (f->source) {
		w_str(g, "source");
		w_str(g, f->source);
	}
	yajl_gen_map_close(g);
}

static bool always_written(const field *f)
{
	return strcmp(f->key, "klass") == 0 || strcmp(f->key, "unit") == 0;
}

/* Write the member for `f` unless it has its absent-value. */
static void write_field(yajl_gen g, const field *f, const void *obj, const void *dflt)
{
	const char *slot = (const char *)obj + f->off;
	const char *dslot = (const char *)dflt + f->off;
	switch (f->type) {
	case F_TEXT:
	case F_NAME:
	case F_SCALAR:
	case F_DEC:
	case F_AMOUNT:
	case F_CURRENCY:
	case F_SENUM: {
		const char *s = ptr_at(obj, f->off);
		if (!s)
			return;
		w_str(g, f->key);
		w_str(g, s);
		return;
	}
	case F_FIGURE: {
		rep_figure fig;
		memcpy(&fig, slot, sizeof fig);
		if (!fig.value)
			return;
		w_str(g, f->key);
		write_figure(g, &fig);
		return;
	}
	case F_DATE: {
		rep_date d, dd;
		memcpy(&d, slot, sizeof d);
		memcpy(&dd, dslot, sizeof dd);
		if (d == dd)
			return;
		char text[REP_DATE_TEXT_SIZE];
		w_str(g, f->key);
		if (d == REP_DATE_NONE)
			yajl_gen_null(g); /* cannot happen with the tables' defaults; keeps the output valid */
		else {
			rep_date_format(d, text);
			w_str(g, text);
		}
		return;
	}
	case F_BOOL: {
		bool b, db;
		memcpy(&b, slot, sizeof b);
		memcpy(&db, dslot, sizeof db);
		if (b == db)
			return;
		w_str(g, f->key);
		yajl_gen_bool(g, b);
		return;
	}
	case F_INT:
	case F_ENUM: {
		int x, dx;
		memcpy(&x, slot, sizeof x);
		memcpy(&dx, dslot, sizeof dx);
		if (x == dx && !f->required && !always_written(f))
			return;
		w_str(g, f->key);
		if (f->type == F_INT)
			yajl_gen_integer(g, x);
		else
			w_str(g, enum_name(f->aux, x));
		return;
	}
	case F_BITS: {
		uint32_t bits;
		memcpy(&bits, slot, sizeof bits);
		if (!bits)
			return;
		const enum_def *e = f->aux;
		w_str(g, f->key);
		yajl_gen_array_open(g);
		for (int i = 0; i < e->n; i++)
			if (bits & (1u << i))
				w_str(g, enum_name(e, i));
		yajl_gen_array_close(g);
		return;
	}
	case F_LIST: {
		const obj_def *d = f->aux;
		const char *arr = ptr_at(obj, f->off);
		const field *end = list_end_key(d);
		if (!arr || !end || !ptr_at(arr, end->off))
			return;
		w_str(g, f->key);
		yajl_gen_array_open(g);
		for (const char *e = arr; ptr_at(e, end->off); e += d->size)
			write_object(g, d, e);
		yajl_gen_array_close(g);
		return;
	}
	case F_ONE: {
		const char *one = ptr_at(obj, f->off);
		if (!one)
			return;
		w_str(g, f->key);
		write_object(g, f->aux, one);
		return;
	}
	case F_STRINGS: {
		const char *const *v;
		memcpy(&v, slot, sizeof v);
		if (!v || !v[0])
			return;
		w_str(g, f->key);
		yajl_gen_array_open(g);
		for (; *v; v++)
			w_str(g, *v);
		yajl_gen_array_close(g);
		return;
	}
	}
}

static void write_object(yajl_gen g, const obj_def *d, const void *obj)
{
	/* the reader's view of an absent field: zero, then the table's init */
	alignas(max_align_t) unsigned char dflt[1024];
	_Static_assert(sizeof(rep_scheme_def) <= sizeof dflt && sizeof(rep_tariff) <= sizeof dflt &&
			       sizeof(rep_fixed) <= sizeof dflt && sizeof(rep_head) <= sizeof dflt,
		       "default buffer holds every struct of the vocabulary");
	memset(dflt, 0, sizeof dflt);
	if (d->init)
		d->init(dflt);
	yajl_gen_map_open(g);
	for (size_t i = 0; i < d->n_fields; i++)
		write_field(g, &d->fields[i], obj, dflt);
	yajl_gen_map_close(g);
}

rep_status rep_scheme_to_json(char **out, size_t *len, const rep_context *ctx, const char *id, rep_error *err)
{
	if (!out || !ctx || !id)
		return rep_err(err, REP_EUSAGE, NULL, "scheme to JSON: output, context and scheme id are required");
	*out = NULL;
	if (len)
		*len = 0;
	const rep_scheme_def *def = rep_scheme_def_find(ctx, id);
	if (!def)
		return rep_scheme_unknown(ctx, id, err);
	yajl_gen g = yajl_gen_alloc(NULL);
	if (!g)
		return rep_err(err, REP_ENOMEM, NULL, "out of memory");
	yajl_gen_config(g, yajl_gen_beautify, 1);
	yajl_gen_config(g, yajl_gen_indent_string, "  ");
	yajl_gen_config(g, yajl_gen_validate_utf8, 1);
	write_object(g, &scheme_obj, def);
	const unsigned char *text;
	size_t n;
	if (yajl_gen_get_buf(g, &text, &n) != yajl_gen_status_ok) {
		yajl_gen_free(g);
		return rep_err(err, REP_EINVAL, NULL, "scheme %s: could not be written as JSON (invalid UTF-8?)", def->id);
	}
	/* the caller frees with free(), as every rendered text (rep_malloc is malloc, counted) */
	char *copy = rep_malloc(n + 2);
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
