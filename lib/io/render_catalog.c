/* Rendering what a context holds: the schemes and the reference series. */
#include <stdio.h>
#include <string.h>

#include "context_internal.h"
#include "internal.h"
#include "io/render.h"
#include "reparations/estimate.h"
#include "reparations/scheme.h"
#include "suggest.h"

static rep_status finish(rep_buf *b, rep_status st, char **out, size_t *len, rep_error *err)
{
	if (st == REP_OK && b->failed)
		st = REP_ENOMEM;
	if (st == REP_OK && !b->data)
		rep_buf_puts(b, "");
	if (st || b->failed) {
		rep_free(b->data);
		st = st ? st : REP_ENOMEM;
		return rep_err(err, st, NULL, st == REP_ENOMEM ? "out of memory rendering" : "could not render");
	}
	*out = b->data;
	if (len)
		*len = b->len;
	return REP_OK;
}

rep_status rep_schemes_render(char **out, size_t *len, const rep_context *ctx, rep_format format, rep_error *err)
{
	if (!out || !ctx)
		return rep_err(err, REP_EUSAGE, NULL, "render: no output or no context");
	*out = NULL;
	rep_buf b = {0};
	rep_status st = REP_OK;
	if (format == REP_FORMAT_JSON) {
		yajl_gen g = rep_json_gen_new();
		if (!g)
			return rep_err(err, REP_ENOMEM, NULL, "out of memory");
		yajl_gen_map_open(g);
		rep_json_str(g, "schemes");
		yajl_gen_array_open(g);
		for (size_t i = 0; i < rep_scheme_count(ctx); i++) {
			const rep_scheme *s = rep_scheme_at(ctx, i);
			yajl_gen_map_open(g);
			rep_json_kv(g, "id", rep_scheme_id(s));
			rep_json_kv(g, "name", rep_scheme_name(s));
			rep_json_kv(g, "jurisdiction", rep_scheme_jurisdiction(s));
			rep_json_kv(g, "status", rep_scheme_status(s));
			rep_json_kv(g, "currency", rep_scheme_currency(s));
			rep_json_kv(g, "notes", rep_scheme_notes(s));
			rep_json_str(g, "options");
			yajl_gen_array_open(g);
			for (size_t k = 0; k < rep_scheme_option_count(s); k++) {
				rep_option_info o;
				rep_scheme_option_at(s, k, &o);
				yajl_gen_map_open(g);
				rep_json_kv(g, "name", o.name);
				rep_json_kv(g, "type", o.type);
				rep_json_kv(g, "default", o.default_value);
				if (o.min)
					rep_json_kv(g, "min", o.min);
				if (o.max)
					rep_json_kv(g, "max", o.max);
				if (o.choices)
					rep_json_kv(g, "choices", o.choices);
				rep_json_kv(g, "description", o.description);
				yajl_gen_map_close(g);
			}
			yajl_gen_array_close(g);
			yajl_gen_map_close(g);
		}
		yajl_gen_array_close(g);
		yajl_gen_map_close(g);
		st = rep_json_gen_finish(g, &b);
		rep_buf_puts(&b, "\n");
	} else {
		for (size_t i = 0; i < rep_scheme_count(ctx); i++) {
			const rep_scheme *s = rep_scheme_at(ctx, i);
			rep_buf_printf(&b, "%-22s %-9s %-5s %s\n", rep_scheme_id(s), rep_scheme_status(s),
				       rep_scheme_currency(s), rep_scheme_name(s));
		}
	}
	return finish(&b, st, out, len, err);
}

static void json_point(yajl_gen g, const rep_series_point *p)
{
	char d[REP_DATE_TEXT_SIZE];
	rep_date_format(p->from, d);
	yajl_gen_map_open(g);
	rep_json_kv(g, "from", d);
	rep_json_kv(g, "value", p->value);
	rep_json_kv(g, "confidence", p->confidence);
	rep_json_kv(g, "source", p->source);
	yajl_gen_map_close(g);
}

static void json_series(yajl_gen g, const rep_context *ctx, const rep_series_info *in, bool points)
{
	char until[REP_DATE_TEXT_SIZE];
	rep_date_format(in->until, until);
	yajl_gen_map_open(g);
	rep_json_kv(g, "id", in->id);
	rep_json_kv(g, "name", in->name);
	rep_json_kv(g, "unit", in->unit);
	rep_json_kv(g, "description", in->description);
	rep_json_kv(g, "until", until);
	rep_json_str(g, "user_loaded");
	yajl_gen_bool(g, in->user_loaded);
	rep_json_str(g, "points");
	if (points) {
		yajl_gen_array_open(g);
		for (size_t k = 0; k < in->n_points; k++) {
			rep_series_point p;
			if (rep_series_point_at(ctx, in->id, k, &p) == REP_OK)
				json_point(g, &p);
		}
		yajl_gen_array_close(g);
	} else {
		yajl_gen_integer(g, (long long)in->n_points);
	}
	yajl_gen_map_close(g);
}

static const char *series_id_at(size_t i, const void *ctx)
{
	rep_series_info in;
	return rep_series_at(ctx, i, &in) == REP_OK ? in.id : NULL;
}

rep_status rep_refdata_render(char **out, size_t *len, const rep_context *ctx, const char *series, rep_format format,
			      rep_error *err)
{
	if (!out || !ctx)
		return rep_err(err, REP_EUSAGE, NULL, "render: no output or no context");
	*out = NULL;
	rep_series_info one;
	if (series && rep_series_find(ctx, series, &one) != REP_OK) {
		char near[200];
		if (rep_suggest(near, sizeof near, series, series_id_at, ctx, rep_series_count(ctx)))
			return rep_err(err, REP_ENOTFOUND, NULL, "unknown reference series \"%.64s\": did you mean %s?", series,
				       near);
		return rep_err(err, REP_ENOTFOUND, NULL,
			       "unknown reference series \"%.64s\" (rep_series_count and rep_series_at list them)", series);
	}
	rep_buf b = {0};
	rep_status st = REP_OK;
	if (format == REP_FORMAT_JSON) {
		yajl_gen g = rep_json_gen_new();
		if (!g)
			return rep_err(err, REP_ENOMEM, NULL, "out of memory");
		if (series) {
			json_series(g, ctx, &one, true);
		} else {
			yajl_gen_map_open(g);
			rep_json_str(g, "series");
			yajl_gen_array_open(g);
			for (size_t i = 0; i < rep_series_count(ctx); i++) {
				rep_series_info in;
				if (rep_series_at(ctx, i, &in) == REP_OK)
					json_series(g, ctx, &in, false);
			}
			yajl_gen_array_close(g);
			yajl_gen_map_close(g);
		}
		st = rep_json_gen_finish(g, &b);
		rep_buf_puts(&b, "\n");
	} else if (series) {
		char until[REP_DATE_TEXT_SIZE];
		rep_date_format(one.until, until);
		rep_buf_printf(&b, "%s — %s (%s)%s\n%s\ncovers up to %s\n\n", one.id, one.name, one.unit,
			       one.user_loaded ? " [user-loaded]" : "", one.description ? one.description : "", until);
		rep_buf_printf(&b, "%-12s %16s  %-11s %s\n", "from", "value", "confidence", "source");
		for (size_t k = 0; k < one.n_points; k++) {
			rep_series_point p;
			if (rep_series_point_at(ctx, one.id, k, &p))
				continue;
			char d[REP_DATE_TEXT_SIZE];
			rep_date_format(p.from, d);
			rep_buf_printf(&b, "%-12s %16s  %-11s %s\n", d, p.value, p.confidence, p.source);
		}
	} else {
		rep_buf_printf(&b, "%-18s %-7s %-12s %s\n", "series", "points", "until", "name (unit)");
		for (size_t i = 0; i < rep_series_count(ctx); i++) {
			rep_series_info in;
			if (rep_series_at(ctx, i, &in))
				continue;
			char until[REP_DATE_TEXT_SIZE];
			rep_date_format(in.until, until);
			rep_buf_printf(&b, "%-18s %-7zu %-12s %s (%s)%s\n", in.id, in.n_points, until, in.name, in.unit,
				       in.user_loaded ? " [user-loaded]" : "");
		}
		rep_buf_puts(&b, "\n`reparations refdata SERIES` lists every point with its source and confidence mark.\n");
	}
	return finish(&b, st, out, len, err);
}
