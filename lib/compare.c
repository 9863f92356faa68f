/* One case under many schemes: totals side by side, in one reporting
 * currency and per day of deprivation of liberty. */
#include <stdio.h>
#include <string.h>

#include "case_internal.h"
#include "compare_internal.h"
#include "context_internal.h"
#include "internal.h"
#include "reparations/compare.h"
#include "scheme.h"

void rep_comparison_free(rep_comparison *cmp)
{
	if (!cmp)
		return;
	for (size_t i = 0; i < cmp->n; i++)
		rep_estimate_free(cmp->estimates[i]);
	rep_free(cmp->estimates);
	rep_free(cmp->rows);
	rep_arena_release(&cmp->arena);
	rep_free(cmp);
}

size_t rep_comparison_count(const rep_comparison *cmp)
{
	return cmp ? cmp->n : 0;
}

const rep_comparison_row *rep_comparison_row_at(const rep_comparison *cmp, size_t i)
{
	return cmp && i < cmp->n ? &cmp->rows[i] : NULL;
}

size_t rep_comparison_failures(const rep_comparison *cmp)
{
	size_t k = 0;
	for (size_t i = 0; cmp && i < cmp->n; i++)
		k += !cmp->rows[i].ok;
	return k;
}

/* x in the currency's minor units; NULL only when out of memory (no fixed
 * buffer: a total of any size the engine produced can be converted). */
static const char *money(rep_arena *a, const mpq_t x, const char *currency)
{
	int places = 2;
	rep_currency_minor_units(currency, &places);
	char *s = rep_dec_format(x, places, REP_ROUND_HALF_UP);
	const char *r = s ? rep_arena_strdup(a, s) : NULL;
	rep_free(s);
	return r;
}

/* The exact value of a total the engine printed ("-123.45"). Not the
 * bounded text parser: a total may be longer than any input figure, and
 * converting something other than the total would print a wrong figure. */
static rep_status exact_decimal(mpq_t x, const char *s)
{
	size_t n = s ? strlen(s) : 0;
	char small[128], *digits = n < sizeof small ? small : rep_malloc(n + 1);
	if (!digits)
		return REP_ENOMEM;
	size_t k = 0, places = 0;
	bool neg = n && s[0] == '-', point = false, ok = n > (size_t)neg;
	for (size_t i = neg; ok && i < n; i++) {
		if (s[i] == '.' && !point)
			point = true;
		else if (s[i] >= '0' && s[i] <= '9')
			digits[k++] = s[i], places += point;
		else
			ok = false;
	}
	digits[k] = '\0';
	ok = ok && k && mpz_set_str(mpq_numref(x), digits, 10) == 0;
	if (digits != small)
		rep_free(digits);
	if (!ok)
		return REP_ERANGE;
	mpz_ui_pow_ui(mpq_denref(x), 10, places);
	mpq_canonicalize(x);
	if (neg)
		mpq_neg(x, x);
	return REP_OK;
}

/* A cross rate names its two legs, each with its own source. */
static const char *cross_legs(rep_comparison *cmp, const rep_context *ctx, const char *from, const char *via,
			      rep_date as_of)
{
	mpq_t a, b;
	mpq_inits(a, b, NULL);
	rep_series_point pa, pb;
	bool lax = !rep_context_strict_data(ctx);
	const char *text = rep_arena_printf(&cmp->arena, "cross rate via %s", via);
	if (rep_fx_lookup_ex(ctx, from, via, as_of, a, &pa, lax, NULL, NULL) == REP_OK &&
	    rep_fx_lookup_ex(ctx, via, cmp->report_currency, as_of, b, &pb, lax, NULL, NULL) == REP_OK) {
		char ra[64], rb[64];
		rep_dec_format_buf(ra, sizeof ra, a, 6, REP_ROUND_HALF_EVEN);
		rep_dec_format_buf(rb, sizeof rb, b, 6, REP_ROUND_HALF_EVEN);
		text = rep_arena_printf(&cmp->arena, "via %s: 1 %s = %s %s (%s) x 1 %s = %s %s (%s)", via, from, ra, via,
					pa.source ? pa.source : "", via, rb, cmp->report_currency, pb.source ? pb.source : "");
	}
	mpq_clears(a, b, NULL);
	return text;
}

/* Fill the reporting-currency columns of a row. */
static rep_status convert_row(rep_comparison *cmp, const rep_context *ctx, rep_comparison_row *r, rep_date as_of,
			      rep_error *err)
{
	mpq_t rate, x;
	mpq_inits(rate, x, NULL);
	rep_series_point pt;
	rep_fx_info info;
	rep_status st = rep_fx_lookup_ex(ctx, r->currency, cmp->report_currency, as_of, rate, &pt,
					 !rep_context_strict_data(ctx), &info, err);
	if (st == REP_OK) {
		char *rt = rep_dec_format(rate, 6, REP_ROUND_HALF_EVEN);
		r->fx_rate = rt ? rep_arena_strdup(&cmp->arena, rt) : NULL;
		rep_free(rt);
		char f[REP_DATE_TEXT_SIZE];
		rep_date_format(pt.from, f);
		const char *source = pt.source ? pt.source : "";
		if (info.bridge[0])
			source = cross_legs(cmp, ctx, r->currency, info.bridge, as_of);
		if (info.stale.stale) {
			char u[REP_DATE_TEXT_SIZE];
			rep_date_format(info.stale.until, u);
			source = rep_arena_printf(&cmp->arena,
						  "%s; %s ends on %s, before as_of: its latest point is used (give a current "
						  "rate with --fx, --fx-file or --series-file)", source ? source : "",
						  info.stale.series, u);
		}
		r->fx_source = strcmp(r->currency, cmp->report_currency) == 0
				       ? "same currency"
				       : rep_arena_printf(&cmp->arena, "%s (%s, in force from %s)", source ? source : "",
							  pt.confidence ? pt.confidence : "unverified", f);
		if ((st = exact_decimal(x, r->total))) {
			mpq_clears(rate, x, NULL);
			return st == REP_ENOMEM ? rep_err(err, st, NULL, "out of memory")
						: rep_err(err, st, NULL, "total %.64s %s cannot be converted into %s",
							  r->total, r->currency, cmp->report_currency);
		}
		mpq_mul(x, x, rate);
		r->report_total = money(&cmp->arena, x, cmp->report_currency);
		if (r->days > 0) {
			mpq_t d;
			mpq_init(d);
			mpq_set_si(d, r->days, 1);
			mpq_div(x, x, d);
			mpq_clear(d);
			r->report_per_day = money(&cmp->arena, x, cmp->report_currency);
		}
		if (!r->fx_rate || !r->fx_source || !r->report_total || (r->days > 0 && !r->report_per_day))
			st = rep_err(err, REP_ENOMEM, NULL, "out of memory");
	}
	mpq_clears(rate, x, NULL);
	return st;
}

static rep_status compare(rep_comparison **out, const rep_context *ctx, const rep_case *c, const char *const *schemes,
		       size_t n, const rep_options *opts, const char *report_currency, rep_error *err)
{
	if (!out || !ctx || !c || (n && !schemes))
		return rep_err(err, REP_EUSAGE, NULL, "compare: context, case and schemes are required");
	*out = NULL;
	int places;
	if (report_currency && rep_currency_minor_units(report_currency, &places))
		return rep_err(err, REP_EINVAL, "--report-currency", "\"%.16s\" is not a supported ISO 4217 currency code",
			       report_currency);
	for (size_t i = 0; i < n; i++)
		if (!rep_scheme_def_find(ctx, schemes[i]))
			return rep_scheme_unknown(ctx, schemes[i], err);
	rep_status st;
	if ((st = rep_case_validate(c, err)) || (st = rep_options_check(opts, ctx, err)))
		return st;
	rep_comparison *cmp = rep_calloc(1, sizeof *cmp);
	if (!cmp)
		return rep_err(err, REP_ENOMEM, NULL, "out of memory");
	rep_arena_init(&cmp->arena, 4096);
	cmp->rows = rep_calloc(n ? n : 1, sizeof *cmp->rows);
	cmp->estimates = rep_calloc(n ? n : 1, sizeof *cmp->estimates);
	cmp->case_id = rep_arena_strdup(&cmp->arena, rep_case_id(c));
	cmp->report_currency = report_currency ? rep_arena_strdup(&cmp->arena, report_currency) : NULL;
	if (!cmp->rows || !cmp->estimates || !cmp->case_id || (report_currency && !cmp->report_currency)) {
		rep_comparison_free(cmp);
		return rep_err(err, REP_ENOMEM, NULL, "out of memory");
	}
	rep_date as_of = rep_case_effective_as_of(c);
	rep_date_format(as_of, cmp->as_of);
	for (size_t i = 0; i < n; i++) {
		const rep_scheme_def *def = rep_scheme_def_find(ctx, schemes[i]);
		rep_comparison_row *r = &cmp->rows[cmp->n];
		rep_error e1;
		rep_error_clear(&e1);
		rep_estimate *e = NULL;
		st = rep_estimate_compute(&e, ctx, c, def->id, opts, &e1);
		if (st == REP_ENOMEM) {
			rep_comparison_free(cmp);
			return rep_err(err, st, NULL, "out of memory");
		}
		cmp->estimates[cmp->n++] = e;
		*r = (rep_comparison_row){.scheme = def->id, .name = def->name, .jurisdiction = def->jurisdiction,
					  .status = def->status ? def->status : "law",
					  .currency = def->currency ? def->currency : rep_case_currency(c), .estimate = e};
		if (st) {
			r->error = rep_arena_strdup(&cmp->arena, e1.message);
			if (!r->error) {
				rep_comparison_free(cmp);
				return rep_err(err, REP_ENOMEM, NULL, "out of memory");
			}
			continue;
		}
		r->ok = true;
		r->eligible = rep_estimate_eligible(e);
		r->total = rep_estimate_total(e);
		r->total_if_eligible = rep_estimate_total_if_eligible(e);
		r->days = rep_estimate_days(e);
		r->per_day = rep_estimate_per_day(e);
		for (size_t k = 0; k < rep_estimate_finding_count(e); k++)
			if (rep_estimate_finding(e, k)->bars) {
				r->reason = rep_estimate_finding(e, k)->text;
				break;
			}
		if (cmp->report_currency) {
			rep_error e2;
			rep_error_clear(&e2);
			st = convert_row(cmp, ctx, r, as_of, &e2);
			if (st == REP_ENOMEM) {
				rep_comparison_free(cmp);
				return rep_err(err, st, NULL, "out of memory");
			}
			if (st) {
				r->ok = false;
				r->error = rep_arena_strdup(&cmp->arena, e2.message);
			}
		}
	}
	*out = cmp;
	return REP_OK;
}

rep_status rep_compare(rep_comparison **out, const rep_context *ctx, const rep_case *c, const char *const *schemes,
		       size_t n, const rep_options *opts, const char *report_currency, rep_error *err)
{
	if (out)
		*out = NULL;
	rep_status st = ctx ? rep_context_begin_read(ctx, err) : REP_OK;
	if (st)
		return st;
	st = compare(out, ctx, c, schemes, n, opts, report_currency, err);
	if (ctx)
		rep_context_end_read(ctx);
	return st;
}
