/* The context's insides, shared by the modules that fill and read it. */
#ifndef REP_CONTEXT_INTERNAL_H
#define REP_CONTEXT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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
	size_t seq;             /* order of setting: a later rate for the same pair and date wins */
} rep_fx_rate;

struct rep_context {
	rep_arena arena;        /* everything loaded by the user lives here */
	const rep_scheme_def **schemes;
	size_t n_schemes, cap_schemes;
	const rep_series_def **series; /* sorted by id; built-in or user */
	size_t n_series, cap_series;
	/* user rates: fx[0..n_fx_sorted) sorted by pair, date and seq, without
	 * two of one pair and date; fx[n_fx_sorted..n_fx) in the order set,
	 * merged in when it grows (lib/fx.c), so that loading n rates costs
	 * n log n and a lookup a binary search plus a short scan */
	rep_fx_rate *fx;
	size_t n_fx, cap_fx, n_fx_sorted, fx_seq;
	/* > 0: that many calls are reading (computing); -1: one is loading.
	 * A try-lock, never a wait: loading while others compute, or
	 * computing while one loads, is the caller's error (REP_EBUSY), and
	 * this makes it an error instead of memory corruption. */
	_Atomic long users;
	bool strict_data;       /* a date past a series' end is an error, not its latest point with a warning */
	/* what an estimate's exchange-rate plan was made under: this context
	 * (id: when it was made, so another at the same address differs) as
	 * it was after `generation` loads */
	uint64_t id, generation;
};

/* Begin/end reading ctx (estimates, comparisons, lookups; they nest), or
 * writing it (loading). Begin returns REP_EBUSY when the other kind is under way. */
rep_status rep_context_begin_read(const rep_context *ctx, rep_error *err);
void rep_context_end_read(const rep_context *ctx);
rep_status rep_context_begin_write(rep_context *ctx, rep_error *err);
void rep_context_end_write(rep_context *ctx);

/* User exchange rates (lib/fx.c). A rate checked and built by
 * rep_fx_rate_make (strings in ctx->arena); added, later ones winning. */
rep_status rep_fx_rate_make(rep_context *ctx, rep_fx_rate *r, const char *pair, const char *rate, rep_date from,
			    const char *source, rep_error *err);
rep_status rep_fx_store_add(rep_context *ctx, const rep_fx_rate *r, bool merge, rep_error *err);
/* Sort the unsorted tail in (after adds with merge == false). */
rep_status rep_fx_store_merge(rep_context *ctx, rep_error *err);
/* Forget the rates added since there were n (a load that failed half way). */
void rep_fx_store_truncate(rep_context *ctx, size_t n);
/* The rate for from/to in force on `date`: the latest date not after it
 * (a rate without a date counting as the earliest), or NULL. */
const rep_fx_rate *rep_fx_store_find(const rep_context *ctx, const char *from, const char *to, rep_date date);

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
	bool inverted;           /* a direct rate stored the other way round (EUR/KZT for KZT/EUR), not 1 */
} rep_fx_info;

/* rep_fx_lookup through any common currency; with allow_stale, a current
 * rate is preferred and a series' latest point is the fallback. */
rep_status rep_fx_lookup_ex(const rep_context *ctx, const char *from, const char *to, rep_date date, mpq_t rate,
			    rep_series_point *pt, bool allow_stale, rep_fx_info *info, rep_error *err);

/* Initialise/release the series part of a context (lib/refdata.c). */
rep_status rep_refdata_init(rep_context *ctx, rep_error *err);
void rep_refdata_release(rep_context *ctx);

#endif
