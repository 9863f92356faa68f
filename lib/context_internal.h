/* The context's insides, shared by the modules that fill and read it. */
#ifndef REP_CONTEXT_INTERNAL_H
#define REP_CONTEXT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "reparations/context.h"
#include "scheme_def.h"

/* A dated series: points sorted by `from`, each in force until the next,
 * the last until `until`. */
typedef struct rep_series_def {
	const char *id;
	const char *name;
	const char *unit;
	const char *description;
	rep_date until;
	const rep_series_point *points;
	size_t n_points;
	int user_loaded;
} rep_series_def;

/* Built-in data (lib/refdata_builtin.c, generated from the CSV files in data/). */
extern const rep_series_def *const rep_builtin_series[];
extern const size_t rep_builtin_series_count;

/* Built-in schemes: lists per jurisdiction, each NULL-terminated (lib/schemes/registry.c). */
extern const rep_scheme_def *const *const rep_scheme_families[];
extern const size_t rep_scheme_family_count;

typedef struct rep_fx_rate {
	char from[4], to[4];
	rep_date date;          /* REP_DATE_NONE: any date */
	const char *rate;       /* decimal text, units of `to` per `from` */
	const char *source;
} rep_fx_rate;

struct rep_context {
	rep_arena arena;        /* everything loaded by the user lives here */
	const rep_scheme_def **schemes;
	size_t n_schemes, cap_schemes;
	const rep_series_def **series; /* sorted by id; built-in or user */
	size_t n_series, cap_series;
	rep_fx_rate *fx;
	size_t n_fx, cap_fx;
	bool strict_data;       /* a date past a series' end is an error, not its latest point with a warning */
};

/* A lookup past a series' last point that used the latest point instead. */
typedef struct rep_series_stale {
	bool stale;
	const char *series;  /* its id, owned by the context */
	rep_date until;      /* the last date it covers */
} rep_series_stale;

/* rep_series_lookup, and with allow_stale a date after the series' end
 * gets the latest point and *stale (may be NULL) says so. */
rep_status rep_series_lookup_ex(const rep_context *ctx, const char *id, rep_date date, mpq_t value,
				rep_series_point *pt, bool allow_stale, rep_series_stale *stale, rep_error *err);

typedef struct rep_fx_info {
	char bridge[4];          /* "" for a direct rate, else the third currency of a cross rate */
	rep_series_stale stale;  /* a leg used a series' latest point after its end */
} rep_fx_info;

/* rep_fx_lookup through any common currency; with allow_stale, a current
 * rate is preferred and a series' latest point is the fallback. */
rep_status rep_fx_lookup_ex(const rep_context *ctx, const char *from, const char *to, rep_date date, mpq_t rate,
			    rep_series_point *pt, bool allow_stale, rep_fx_info *info, rep_error *err);

/* Initialise/release the series part of a context (lib/refdata.c). */
rep_status rep_refdata_init(rep_context *ctx, rep_error *err);
void rep_refdata_release(rep_context *ctx);

#endif
