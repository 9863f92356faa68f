/* Reference series: the built-in tables (generated from the CSV files in data/), lookups
 * by date, user series (read from CSV or JSON by lib/io/series_text.c) merged over
 * them, and exchange rates.
 * Everything that allocates happens while loading; lookups only read, so
 * any number of threads may look up in one loaded context. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "context_internal.h"
#include "internal.h"
#include "io/series_text.h"
#include "reparations/money.h"


/* ---- the series table ---- */

static int cmp_def(const void *a, const void *b)
{
	return strcmp((*(const rep_series_def *const *)a)->id, (*(const rep_series_def *const *)b)->id);
}

/* The series `id`, or NULL; *pos (may be NULL) gets its index or where it would go. */
static const rep_series_def *find(const rep_context *ctx, const char *id, size_t *pos)
{
	size_t lo = 0, hi = ctx->n_series;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(ctx->series[mid]->id, id);
		if (c == 0) {
			if (pos)
				*pos = mid;
			return ctx->series[mid];
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (pos)
		*pos = lo;
	return NULL;
}

rep_status rep_refdata_init(rep_context *ctx, rep_error *err)
{
	if (!ctx)
		return rep_err(err, REP_EUSAGE, NULL, "rep_refdata_init: NULL context");
	size_t n = rep_builtin_series_count, cap = n + 8;
	const rep_series_def **s = rep_malloc(cap * sizeof *s);
	if (!s)
		return rep_err(err, REP_ENOMEM, NULL, "out of memory");
	for (size_t i = 0; i < n; i++)
		s[i] = rep_builtin_series[i];
	/* the generator sorts already; sorting again costs nothing and keeps find() honest */
	qsort(s, n, sizeof *s, cmp_def);
	ctx->series = s;
	ctx->n_series = n;
	ctx->cap_series = cap;
	ctx->fx = NULL;
	ctx->n_fx = ctx->cap_fx = ctx->n_fx_sorted = 0;
	return REP_OK;
}

/* The strings and merged series live in ctx->arena, which the context releases. */
void rep_refdata_release(rep_context *ctx)
{
	if (!ctx)
		return;
	rep_free(ctx->series);
	rep_free(ctx->fx);
	ctx->series = NULL;
	ctx->fx = NULL;
	ctx->n_series = ctx->cap_series = ctx->n_fx = ctx->cap_fx = ctx->n_fx_sorted = 0;
}

static void fill_info(rep_series_info *info, const rep_series_def *s)
{
	info->id = s->id;
	info->name = s->name;
	info->unit = s->unit;
	info->description = s->description;
	info->until = s->until;
	info->n_points = s->n_points;
	info->user_loaded = s->user_loaded;
}

size_t rep_series_count(const rep_context *ctx)
{
	return ctx ? ctx->n_series : 0;
}

rep_status rep_series_at(const rep_context *ctx, size_t i, rep_series_info *info)
{
	if (!ctx || !info)
		return REP_EUSAGE;
	if (i >= ctx->n_series)
		return REP_EINVAL;
	fill_info(info, ctx->series[i]);
	return REP_OK;
}

rep_status rep_series_find(const rep_context *ctx, const char *id, rep_series_info *info)
{
	if (!ctx || !id || !info)
		return REP_EUSAGE;
	const rep_series_def *s = find(ctx, id, NULL);
	if (!s)
		return REP_ENOTFOUND;
	fill_info(info, s);
	return REP_OK;
}

rep_status rep_series_point_at(const rep_context *ctx, const char *id, size_t i, rep_series_point *pt)
{
	if (!ctx || !id || !pt)
		return REP_EUSAGE;
	const rep_series_def *s = find(ctx, id, NULL);
	if (!s)
		return REP_ENOTFOUND;
	if (i >= s->n_points)
		return REP_EINVAL;
	*pt = s->points[i];
	return REP_OK;
}

/* Index of the last point with from <= d; the caller knows points[0].from <= d. */
static size_t point_index(const rep_series_def *s, rep_date d)
{
	size_t lo = 0, hi = s->n_points;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->points[mid].from <= d)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* The point in force on d, or NULL when d lies outside the series. */
static const rep_series_point *point_on(const rep_series_def *s, rep_date d)
{
	if (s->n_points == 0 || d < s->points[0].from || d > s->until)
		return NULL;
	return &s->points[point_index(s, d)];
}

static bool date_ok(rep_date d)
{
	return d >= REP_DATE_MIN && d <= REP_DATE_MAX;
}

rep_status rep_series_lookup_ex(const rep_context *ctx, const char *id, rep_date date, mpq_t value,
				rep_series_point *pt, bool allow_stale, rep_series_stale *stale, rep_error *err)
{
	if (stale)
		*stale = (rep_series_stale){0};
	if (!ctx || !id || !value)
		return rep_err(err, REP_EUSAGE, NULL, "rep_series_lookup: NULL context, series id or value");
	const rep_series_def *s = find(ctx, id, NULL);
	if (!s)
		return rep_err(err, REP_ENOTFOUND, NULL, "unknown reference series \"%.100s\"", id);
	if (!date_ok(date))
		return rep_err(err, REP_EINVAL, NULL, "%s: no valid date to look up", s->id);
	const rep_series_point *p = point_on(s, date);
	if (!p && allow_stale && s->n_points && date > s->until) {
		/* past the last point: the latest one, and the caller says so */
		p = &s->points[s->n_points - 1];
		if (stale)
			*stale = (rep_series_stale){true, s->id, s->until};
	}
	if (!p) {
		char d[REP_DATE_TEXT_SIZE], a[REP_DATE_TEXT_SIZE], b[REP_DATE_TEXT_SIZE];
		rep_date_format(date, d);
		rep_date_format(s->n_points ? s->points[0].from : s->until, a);
		rep_date_format(s->until, b);
		return rep_err(err, REP_ENODATA, NULL, "%s has no value for %s (covers %s..%s)", s->id, d, a, b);
	}
	/* every stored value was checked when it was generated or loaded */
	if (rep_dec_parse(value, p->value, err))
		return rep_err(err, REP_EINVAL, NULL, "%s: stored value \"%s\" is not a decimal", s->id, p->value);
	if (pt)
		*pt = *p;
	return REP_OK;
}

rep_status rep_series_lookup(const rep_context *ctx, const char *id, rep_date date, mpq_t value,
			     rep_series_point *pt, rep_error *err)
{
	rep_status st = ctx ? rep_context_begin_read(ctx, err) : REP_OK;
	if (st)
		return st;
	st = rep_series_lookup_ex(ctx, id, date, value, pt, false, NULL, err);
	if (ctx)
		rep_context_end_read(ctx);
	return st;
}

/* Sign rules for reference values (docs/refdata.md): a series in percent
 * is a rate and may be negative, but not -100 % or less; anything else (a
 * price, an amount such as the MCI, an index, an exchange rate) must be
 * positive. A negative or zero MCI or index used to give negative totals. */
static rep_status check_signs(const loaded *s, const char *unit, rep_error *err)
{
	bool rate = strncmp(unit, "percent", 7) == 0;
	mpq_t q;
	mpq_init(q);
	rep_status st = REP_OK;
	for (size_t i = 0; i < s->n && st == REP_OK; i++) {
		if (rep_dec_parse(q, s->points[i].value, NULL) != REP_OK)
			continue; /* checked when read */
		if (rate ? mpq_cmp_si(q, -100, 1) > 0 : mpq_sgn(q) > 0)
			continue;
		char d[REP_DATE_TEXT_SIZE];
		rep_date_format(s->points[i].from, d);
		st = rep_err(err, REP_EINVAL, s->at_series,
			     rate ? "%s: the value from %s, %.40s, is not above -100 (a rate in %s)"
				  : "%s: the value from %s, %.40s, must be positive (a price, amount or index in %s)",
			     s->id, d, s->points[i].value, unit);
	}
	mpq_clear(q);
	return st;
}

static rep_status check_merge(const rep_context *ctx, const loaded *s, rep_error *err)
{
	const rep_series_def *b = find(ctx, s->id, NULL);
	rep_status st = s->unit || b ? check_signs(s, s->unit ? s->unit : b->unit, err) : REP_OK;
	if (st)
		return st;
	if (!b) {
		if (!s->unit)
			return rep_err(err, REP_EINVAL, s->at_series, "%s: a new series needs a unit", s->id);
		return REP_OK;
	}
	if (s->unit && strcmp(s->unit, b->unit) != 0)
		return rep_err(err, REP_EINVAL, s->at_unit, "%s: unit \"%.100s\" differs from the existing unit \"%s\"",
			       s->id, s->unit, b->unit);
	if (b->n_points == 0)
		return REP_OK;
	char x[REP_DATE_TEXT_SIZE], y[REP_DATE_TEXT_SIZE];
	if (s->points[0].from > b->until + 1) {
		rep_date_format(s->points[0].from, x);
		rep_date_format(b->until, y);
		return rep_err(err, REP_EINVAL, s->at_first,
			       "%s: the loaded points start on %s, leaving a gap after the existing data, which ends %s",
			       s->id, x, y);
	}
	if (s->until + 1 < b->points[0].from) {
		rep_date_format(s->until, x);
		rep_date_format(b->points[0].from, y);
		return rep_err(err, REP_EINVAL, s->at_until,
			       "%s: the loaded data ends %s, leaving a gap before the existing data, which starts %s",
			       s->id, x, y);
	}
	return REP_OK;
}

/* A copy in the context's arena; a run of equal sources is stored once. */
static const char *keep(rep_arena *a, const char *s, const char **prev_in, const char **prev_out)
{
	if (*prev_in && strcmp(*prev_in, s) == 0)
		return *prev_out;
	*prev_in = s;
	return *prev_out = rep_arena_strdup(a, s);
}

/* The loaded points replace the existing ones on [first point, until]; the
 * existing data goes on before and after, resuming on until + 1 with the
 * value then in force. */
static rep_status merge(rep_series_def **out, rep_context *ctx, const loaded *s, rep_error *err)
{
	rep_arena *a = &ctx->arena;
	const rep_series_def *b = find(ctx, s->id, NULL);
	rep_date u0 = s->points[0].from, u1 = s->until;
	size_t before = 0, resume = 0, after = 0;
	if (b && b->n_points) {
		while (before < b->n_points && b->points[before].from < u0)
			before++;
		if (b->until > u1) {
			resume = point_index(b, u1 + 1);
			after = b->n_points - resume;
		}
	}
	size_t n = before + s->n + after;
	rep_series_def *d = rep_arena_alloc(a, sizeof *d);
	rep_series_point *pts = rep_arena_alloc(a, n * sizeof *pts);
	if (!d || !pts)
		return rep_err(err, REP_ENOMEM, NULL, "out of memory");
	for (size_t i = 0; i < before; i++)
		pts[i] = b->points[i];
	const char *pi = NULL, *po = NULL;
	for (size_t i = 0; i < s->n; i++) {
		rep_series_point p = s->points[i];
		p.value = rep_arena_strdup(a, p.value);
		p.source = keep(a, p.source, &pi, &po);
		if (!p.value || !p.source)
			return rep_err(err, REP_ENOMEM, NULL, "out of memory");
		pts[before + i] = p;
	}
	for (size_t i = 0; i < after; i++) {
		rep_series_point p = b->points[resume + i];
		if (i == 0)
			p.from = u1 + 1;
		pts[before + s->n + i] = p;
	}
	d->id = b ? b->id : rep_arena_strdup(a, s->id);
	d->name = s->name ? rep_arena_strdup(a, s->name) : b ? b->name : d->id;
	d->unit = s->unit ? rep_arena_strdup(a, s->unit) : b->unit;
	d->description = s->description ? rep_arena_strdup(a, s->description) : b ? b->description : "";
	if (!d->id || !d->name || !d->unit || !d->description)
		return rep_err(err, REP_ENOMEM, NULL, "out of memory");
	d->until = b && b->until > u1 ? b->until : u1;
	d->points = pts;
	d->n_points = n;
	d->user_loaded = 1;
	*out = d;
	return REP_OK;
}

static int cmp_loaded(const void *a, const void *b)
{
	const loaded *x = *(const loaded *const *)a, *y = *(const loaded *const *)b;
	int c = strcmp(x->id, y->id);
	return c ? c : x < y ? -1 : x > y;
}

static rep_status load_series(rep_context *ctx, const char *text, size_t len, const char *format,
				   rep_error *err)
{
	if (!ctx || (!text && len) || !format)
		return rep_err(err, REP_EUSAGE, NULL, "rep_context_load_series: NULL context, text or format");
	bool csv = strcmp(format, "csv") == 0;
	if (!csv && strcmp(format, "json") != 0)
		return rep_err(err, REP_EINVAL, NULL, "unknown series format \"%.20s\" (expected csv or json)", format);
	if (!text)
		text = "";
	loading L = {0};
	rep_arena_init(&L.tmp, 0);
	rep_series_def **defs = NULL;
	const rep_series_def **table = NULL;
	rep_status st = csv ? rep_series_parse_csv(&L, text, len, err) : rep_series_parse_json(&L, text, len, err);
	if (!st && !(defs = rep_malloc(L.n * sizeof *defs)))
		st = rep_err(err, REP_ENOMEM, NULL, "out of memory");
	if (!st && L.n > 1) {
		/* sorted, a repeated id sits next to its twin, and the file order names the later one */
		const loaded **order = rep_malloc(L.n * sizeof *order);
		if (!order)
			st = rep_err(err, REP_ENOMEM, NULL, "out of memory");
		for (size_t i = 0; order && i < L.n; i++)
			order[i] = &L.s[i];
		if (order)
			qsort(order, L.n, sizeof *order, cmp_loaded);
		for (size_t i = 1; order && !st && i < L.n; i++)
			if (strcmp(order[i]->id, order[i - 1]->id) == 0)
				st = rep_err(err, REP_EINVAL, order[i]->at_series, "series %s appears twice in one file",
					     order[i]->id);
		rep_free(order);
	}
	for (size_t i = 0; !st && i < L.n; i++)
		st = check_merge(ctx, &L.s[i], err);
	for (size_t i = 0; !st && i < L.n; i++)
		st = merge(&defs[i], ctx, &L.s[i], err);
	if (!st)
		qsort(defs, L.n, sizeof *defs, cmp_def);
	size_t cap = ctx->n_series + L.n + 8;
	if (!st && !(table = rep_malloc(cap * sizeof *table)))
		st = rep_err(err, REP_ENOMEM, NULL, "out of memory");
	if (!st) {
		/* a merge of two sorted lists; the table changes all at once or not at all */
		size_t i = 0, j = 0, k = 0;
		while (i < ctx->n_series || j < L.n) {
			int c = i == ctx->n_series ? 1 : j == L.n ? -1 : strcmp(ctx->series[i]->id, defs[j]->id);
			if (c < 0)
				table[k++] = ctx->series[i++];
			else if (c > 0)
				table[k++] = defs[j++];
			else
				table[k++] = defs[j++], i++;
		}
		rep_free(ctx->series);
		ctx->series = table;
		ctx->n_series = k;
		ctx->cap_series = cap;
	}
	rep_free(defs);
	rep_series_loading_free(&L);
	return st;
}

/* Loading while other threads compute is refused (REP_EBUSY). */
rep_status rep_context_load_series(rep_context *ctx, const char *text, size_t len, const char *format,
				   rep_error *err)
{
	rep_status st = ctx ? rep_context_begin_write(ctx, err) : REP_OK;
	if (st)
		return st;
	st = load_series(ctx, text, len, format, err);
	if (ctx)
		rep_context_end_write(ctx);
	return st;
}

/* ---- exchange rates ---- */

static rep_status parse_code(char out[4], const char *s, rep_error *err)
{
	if (!s || strlen(s) != 3 || !rep_is_currency_code(s))
		return rep_err(err, REP_EINVAL, NULL, "\"%.20s\" is not a currency code (three capital letters, ISO 4217)",
			       s ? s : "");
	memcpy(out, s, 4);
	return REP_OK;
}

rep_status rep_fx_rate_make(rep_context *ctx, rep_fx_rate *out, const char *pair, const char *rate, rep_date from,
			    const char *source, rep_error *err)
{
	if (strlen(pair) != 7 || pair[3] != '/' || !rep_is_currency_code(pair) || !rep_is_currency_code(pair + 4))
		return rep_err(err, REP_EINVAL, NULL, "currency pair \"%.20s\" is not of the form EUR/KZT", pair);
	rep_fx_rate r;
	memcpy(r.from, pair, 3);
	memcpy(r.to, pair + 4, 3);
	r.from[3] = r.to[3] = '\0';
	if (strcmp(r.from, r.to) == 0)
		return rep_err(err, REP_EINVAL, NULL, "currency pair %s names one currency twice", pair);
	if (from != REP_DATE_NONE && !date_ok(from))
		return rep_err(err, REP_EINVAL, NULL, "%s: the date is outside 1900-01-01..2199-12-31", pair);
	if (source && strlen(source) > MAX_FIELD)
		return rep_err(err, REP_ELIMIT, NULL, "%s: source longer than %d bytes", pair, MAX_FIELD);
	mpq_t q;
	mpq_init(q);
	rep_status st = rep_dec_parse(q, rate, err);
	int sign = mpq_sgn(q);
	mpq_clear(q);
	if (st)
		return rep_err_at(err, pair);
	if (sign <= 0)
		return rep_err(err, REP_EINVAL, pair, "an exchange rate must be positive, got %.40s", rate);
	r.date = from;
	r.seq = 0;
	r.rate = rep_arena_strdup(&ctx->arena, rate);
	/* a loader passes one source for many rates, already in the arena */
	r.source = source && source == out->source ? source
						  : rep_arena_strdup(&ctx->arena, source ? source : "user-supplied");
	if (!r.rate || !r.source)
		return rep_err(err, REP_ENOMEM, NULL, "out of memory");
	*out = r;
	return REP_OK;
}

static rep_status set_fx(rep_context *ctx, const char *pair, const char *rate, rep_date from,
			      const char *source, rep_error *err)
{
	if (!ctx || !pair || !rate)
		return rep_err(err, REP_EUSAGE, NULL, "rep_context_set_fx: NULL context, pair or rate");
	rep_fx_rate r = {.source = NULL};
	rep_status st = rep_fx_rate_make(ctx, &r, pair, rate, from, source, err);
	return st ? st : rep_fx_store_add(ctx, &r, true, err);
}

rep_status rep_context_set_fx(rep_context *ctx, const char *pair, const char *rate, rep_date from,
			      const char *source, rep_error *err)
{
	rep_status st = ctx ? rep_context_begin_write(ctx, err) : REP_OK;
	if (st)
		return st;
	st = set_fx(ctx, pair, rate, from, source, err);
	if (ctx)
		rep_context_end_write(ctx);
	return st;
}

/* The user rate for from/to that applies on `date`: the one with the latest
 * date not after it, a rate without a date counting as the earliest. */
static const rep_fx_rate *user_rate(const rep_context *ctx, const char *from, const char *to, rep_date date)
{
	return rep_fx_store_find(ctx, from, to, date);
}

static const rep_series_point *fx_point(const rep_context *ctx, const char *from, const char *to, rep_date date,
					bool allow_stale, rep_series_stale *stale)
{
	/* "FX.EUR_KZT" by hand: every conversion of every estimate asks */
	char id[16];
	size_t fl = strlen(from), tl = strlen(to);
	if (fl + tl + 5 > sizeof id)
		return NULL;
	memcpy(id, "FX.", 3);
	memcpy(id + 3, from, fl);
	id[3 + fl] = '_';
	memcpy(id + 4 + fl, to, tl + 1);
	const rep_series_def *s = find(ctx, id, NULL);
	if (!s)
		return NULL;
	const rep_series_point *p = point_on(s, date);
	if (!p && allow_stale && s->n_points && date > s->until) {
		p = &s->points[s->n_points - 1];
		*stale = (rep_series_stale){true, s->id, s->until};
	}
	return p;
}

/* Irrevocable conversion rates of the currencies the euro replaced (a legal
 * figure, not a market rate): amounts a statute fixed in them, such as the
 * StrEG day rate of DM 20 before 2002, convert at these on every date. */
static const struct {
	const char *code;
	rep_series_point pt; /* units of `code` per EUR */
} legacy_rates[] = {
	{"DEM", {10592 /* 1999-01-01 */, "1.95583", "verified",
		 "irrevocable conversion rate 1 EUR = 1.95583 DEM: Council Regulation (EC) No 2866/98 of 31 Dec 1998, "
		 "art. 1, OJ L 359 (31.12.1998), https://eur-lex.europa.eu/eli/reg/1998/2866/oj"}},
};

static const rep_series_point *legacy_point(const char *from, const char *to)
{
	if (strcmp(from, "EUR") != 0)
		return NULL;
	for (size_t i = 0; i < sizeof legacy_rates / sizeof legacy_rates[0]; i++)
		if (strcmp(legacy_rates[i].code, to) == 0)
			return &legacy_rates[i].pt;
	return NULL;
}

/* A cross rate has no stored text of its own, and a lookup must not write
 * to the context, so its provenance is a fixed phrase. */
static const char cross_source[] =
	"cross rate through a third currency: FROM/X x X/TO from stored rates (see those FX series or user rates)";

/* One conversion from -> to without a third currency: a user rate either
 * way, an irrevocable euro rate, then a stored series either way (with
 * allow_stale, a series' latest point after its end). Sets rate and pt;
 * false if none. An inverse keeps the stored point (its value is the
 * reverse pair's rate): its source is the provenance a reader needs, and
 * the rate shows the inversion. */
static bool fx_leg(const rep_context *ctx, const char *from, const char *to, rep_date date, mpq_t rate,
		   rep_series_point *pt, bool allow_stale, rep_series_stale *stale, bool *inverted)
{
	*inverted = false;
	for (int inverse = 0; inverse < 2; inverse++) {
		const rep_fx_rate *u = inverse ? user_rate(ctx, to, from, date) : user_rate(ctx, from, to, date);
		if (u && !rep_dec_parse(rate, u->rate, NULL) && mpq_sgn(rate) > 0) {
			/* an undated rate is in force on every date, so on this one */
			*pt = (rep_series_point){u->date == REP_DATE_NONE ? date : u->date, u->rate, "unverified", u->source};
			if (inverse)
				mpq_inv(rate, rate);
			*inverted = inverse;
			return true;
		}
	}
	/* a legacy currency of the euro area converts at its irrevocable rate on every date */
	for (int inverse = 0; inverse < 2; inverse++) {
		const rep_series_point *p = inverse ? legacy_point(to, from) : legacy_point(from, to);
		if (p && !rep_dec_parse(rate, p->value, NULL)) {
			*pt = *p;
			pt->from = date > p->from ? p->from : date;
			if (inverse)
				mpq_inv(rate, rate);
			*inverted = inverse;
			return true;
		}
	}
	for (int pass = 0; pass < (allow_stale ? 2 : 1); pass++)
		for (int inverse = 0; inverse < 2; inverse++) {
			rep_series_stale st = {0};
			const rep_series_point *p = inverse ? fx_point(ctx, to, from, date, pass == 1, &st)
							    : fx_point(ctx, from, to, date, pass == 1, &st);
			if (p && !rep_dec_parse(rate, p->value, NULL) && mpq_sgn(rate) > 0) {
				*pt = *p;
				if (inverse)
					mpq_inv(rate, rate);
				*inverted = inverse;
				if (st.stale && stale)
					*stale = st;
				return true;
			}
		}
	return false;
}

/* Currencies a cross rate may go through: USD and EUR first (the usual
 * bridges), then every other currency of a user rate or an FX series. */
static size_t bridges(const rep_context *ctx, char out[][4], size_t max)
{
	size_t n = 0;
	const char *first[] = {"USD", "EUR"};
#define ADD(code)                                                                  \
	do {                                                                           \
		bool dup = false;                                                      \
		for (size_t k = 0; k < n; k++)                                         \
			dup = dup || memcmp(out[k], (code), 3) == 0;                   \
		if (!dup && n < max) {                                                 \
			memcpy(out[n], (code), 3);                                     \
			out[n++][3] = '\0';                                            \
		}                                                                      \
	} while (0)
	for (size_t i = 0; i < 2; i++)
		ADD(first[i]);
	for (size_t i = 0; i < ctx->n_fx; i++) {
		ADD(ctx->fx[i].from);
		ADD(ctx->fx[i].to);
	}
	for (size_t i = 0; i < ctx->n_series; i++) {
		const char *id = ctx->series[i]->id;
		if (strlen(id) == 10 && strncmp(id, "FX.", 3) == 0 && id[6] == '_') {
			ADD(id + 3);
			ADD(id + 7);
		}
	}
#undef ADD
	return n;
}

static int rank(const char *confidence)
{
	if (confidence && strcmp(confidence, "verified") == 0)
		return 2;
	if (confidence && strcmp(confidence, "secondary") == 0)
		return 1;
	return 0;
}

rep_status rep_fx_lookup_ex(const rep_context *ctx, const char *from, const char *to, rep_date date, mpq_t rate,
			    rep_series_point *pt, bool allow_stale, rep_fx_info *info, rep_error *err)
{
	rep_fx_info dummy;
	if (!info)
		info = &dummy;
	*info = (rep_fx_info){0};
	if (!ctx)
		return rep_err(err, REP_EUSAGE, NULL, "rep_fx_lookup: NULL context");
	char f[4], t[4];
	rep_status st;
	if ((st = parse_code(f, from, err)) || (st = parse_code(t, to, err)))
		return st;
	if (!date_ok(date))
		return rep_err(err, REP_EINVAL, NULL, "%s/%s: no valid date to look up", f, t);
	rep_series_point p;
	bool found = false;
	if (strcmp(f, t) == 0) {
		mpq_set_ui(rate, 1, 1);
		p = (rep_series_point){date, "1", "verified", "same currency"};
		found = true;
	}
	/* a current rate, direct or through any third currency, before a stale one */
	for (int pass = 0; pass < (allow_stale ? 2 : 1) && !found; pass++) {
		bool stale_ok = pass == 1;
		rep_series_stale s1 = {0}, s2 = {0};
		bool inv;
		if (fx_leg(ctx, f, t, date, rate, &p, stale_ok, &s1, &inv)) {
			info->stale = s1;
			/* a rate of 1 reads the same both ways */
			info->inverted = inv && mpq_cmp_ui(rate, 1, 1) != 0;
			found = true;
			break;
		}
		char via[64][4];
		size_t nb = bridges(ctx, via, 64);
		mpq_t r2;
		mpq_init(r2);
		for (size_t i = 0; i < nb && !found; i++) {
			if (strcmp(via[i], f) == 0 || strcmp(via[i], t) == 0)
				continue;
			rep_series_point p2;
			s1 = s2 = (rep_series_stale){0};
			if (fx_leg(ctx, f, via[i], date, rate, &p, stale_ok, &s1, &inv) &&
			    fx_leg(ctx, via[i], t, date, r2, &p2, stale_ok, &s2, &inv)) {
				mpq_mul(rate, rate, r2);
				/* the weaker leg speaks for the pair; the later leg says since when */
				if (rank(p2.confidence) < rank(p.confidence))
					p.confidence = p2.confidence;
				if (p2.from > p.from)
					p.from = p2.from;
				p.value = "";
				p.source = cross_source;
				memcpy(info->bridge, via[i], 4);
				info->stale = s1.stale ? s1 : s2;
				found = true;
			}
		}
		mpq_clear(r2);
	}
	if (!found) {
		char d[REP_DATE_TEXT_SIZE];
		rep_date_format(date, d);
		return rep_err(err, REP_ENODATA, NULL, "no exchange rate %s/%s for %s", f, t, d);
	}
	if (pt)
		*pt = p;
	return REP_OK;
}

rep_status rep_fx_lookup(const rep_context *ctx, const char *from, const char *to, rep_date date, mpq_t rate,
			 rep_series_point *pt, rep_error *err)
{
	rep_status st = ctx ? rep_context_begin_read(ctx, err) : REP_OK;
	if (st)
		return st;
	st = rep_fx_lookup_ex(ctx, from, to, date, rate, pt, false, NULL, err);
	if (ctx)
		rep_context_end_read(ctx);
	return st;
}
