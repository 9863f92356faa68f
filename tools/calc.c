/* `reparations calc`: the time-value calculators on the command line.
 *
 *   reparations calc pv       --amount A --years N --rate R [--growth G] [--timing end|mid|continuous]
 *   reparations calc interest --amount A --from D1 --to D2 (--rate R | --series ID [--margin M]) ...
 *   reparations calc index    --amount A --from D1 --to D2 (--series ID | --method cpi|mci|wage|nominal)
 *   reparations calc annuity  --amount PV --years N --rate R [--convention effective_annual|nominal_monthly]
 *
 * Flag names and the JSON keys are a public contract. Rates are fractions
 * (0.05) or percentages with a trailing % (5%); a bare number of 1 or more
 * is refused, because "--rate 5" almost always means 5 %, not 500 %.
 * Amounts in JSON are decimal strings rounded half-up to cents. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yajl/yajl_gen.h>

#include "cli.h"

#define CENTS 2
#define MULT_PLACES 6

static const char *const usage_calc =
	"usage: reparations calc pv|interest|index|annuity [flags]\n"
	"\n"
	"Time-value calculators (docs/time-value.md):\n"
	"  pv        present value of a level or growing annual loss      -> present_value, multiplier\n"
	"  interest  interest between two dates, fixed rate or rate series -> interest\n"
	"  index     an amount brought from one date to another            -> indexed\n"
	"  annuity   monthly payment of equal present value (Texas option) -> monthly_payment\n"
	"\n"
	"Rates are fractions (0.05) or percentages with a trailing % (5%). `reparations calc pv --help` etc.\n";

static const char *const usage_pv =
	"usage: reparations calc pv --amount A --years N --rate R [--growth G] [--timing end|mid|continuous]\n"
	"                           [--format text|json]\n"
	"  Present value of a loss of A in the first year, growing by G a year, for N years (fractional\n"
	"  allowed: the last fraction f of a year is f times that year's loss), discounted at R.\n"
	"  --amount A       the first year's loss (decimal)\n"
	"  --years N        0 to 1000, e.g. 20 or 12.5\n"
	"  --rate R         discount rate: a fraction (0.005) or a percentage (0.5%); negative allowed\n"
	"  --growth G       annual growth of the loss, same form (default 0)\n"
	"  --timing T       end (default): each year's loss paid at its end; mid: at its middle;\n"
	"                   continuous: Ogden, A x (1 - (1+r)^-N) / ln(1+r), r = (1+R)/(1+G) - 1\n"
	"  --format F       text (default) or json: {\"present_value\", \"multiplier\", ...}\n"
	"  present_value is rounded half-up to cents, multiplier half-up to 6 decimals, each\n"
	"  correctly from the exact value.\n";

static const char *const usage_interest =
	"usage: reparations calc interest --amount A --from D1 --to D2 (--rate R | --series ID [--margin M])\n"
	"                                 [--basis act365|actact|30360] [--compound] [--grace-months K]\n"
	"                                 [--series-file FILE] [--format text|json]\n"
	"  Interest on A for the days from D1 (inclusive) to D2 (exclusive), split at every 1 January and\n"
	"  at every change of the series.\n"
	"  --rate R         fixed annual rate: a fraction (0.054) or a percentage (5.4%)\n"
	"  --series ID      a rate series in percent per year (ECB.MLF, KZ.BASE_RATE); the rate of a\n"
	"                   period is the value in force on its first day\n"
	"  --margin M       added to the series rate, same form as --rate (ECtHR: ECB.MLF + 3%)\n"
	"  --basis B        act365 (default): days/365; actact: days/365 or 366 by the year the days\n"
	"                   are in; 30360: 30/360 bond basis\n"
	"  --compound       add each calendar year's interest to the balance at 31 December\n"
	"                   (default: simple interest)\n"
	"  --grace-months K interest starts K calendar months after D1 (ECtHR: 3)\n"
	"  --series-file F  load a series (CSV, or JSON when F ends in .json) before computing\n"
	"  --format F       text (default) or json: {\"interest\", \"days\", \"periods\", \"points\", ...}\n";

static const char *const usage_index =
	"usage: reparations calc index --amount A --from D1 --to D2 (--series ID | --method M)\n"
	"                              [--series-file FILE] [--format text|json]\n"
	"  A brought from D1 to D2.\n"
	"  --series ID      a series of the reference data: a series in percent (KZ.CPI_DEC, annual\n"
	"                   December/December rates) is chained, linear within a year by days; any\n"
	"                   other series (KZ.MCI, KZ.AVG_WAGE, a CPI index) by the ratio S(D2)/S(D1)\n"
	"  --method M       cpi (KZ.CPI_INDEX if loaded, else KZ.CPI_DEC chained), mci (KZ.MCI ratio),\n"
	"                   wage (KZ.AVG_WAGE ratio) or nominal\n"
	"  --series-file F  load a series (CSV, or JSON when F ends in .json) before computing\n"
	"  --format F       text (default) or json: {\"indexed\", \"factor\", \"points\", ...}\n";

static const char *const usage_annuity =
	"usage: reparations calc annuity --amount PV --years N --rate R\n"
	"                                [--convention effective_annual|nominal_monthly] [--format text|json]\n"
	"  The level monthly payment, at the end of each month for N years (a whole number of months),\n"
	"  whose present value at R is PV.\n"
	"  --convention C   effective_annual (default): R is an effective annual rate, (1+R)^(1/12) - 1\n"
	"                   a month; nominal_monthly: R / 12 a month\n"
	"  --format F       text (default) or json: {\"monthly_payment\", ...}\n";

typedef struct calc_opts {
	const char *amount, *years, *rate, *growth, *timing, *from, *to, *series, *margin, *basis, *method;
	const char *grace, *series_file, *convention;
	int compound;
	int json;
} calc_opts;

/* ---- parsing ---- */

static int fail_st(const char *flag, rep_status st, const rep_error *err)
{
	return cli_fail(flag, st, err->message);
}

static int parse_dec(mpq_t out, const char *flag, const char *text)
{
	rep_error err;
	rep_error_clear(&err);
	rep_status st = rep_dec_parse(out, text, &err);
	return st ? fail_st(flag, st, &err) : 0;
}

/* A rate: "0.05" or "5%"; a bare value of magnitude 1 or more is refused. */
static int parse_rate(mpq_t out, const char *flag, const char *text)
{
	size_t n = strlen(text);
	char buf[REP_DEC_MAX_CHARS + 2];
	if (n && text[n - 1] == '%') {
		if (n - 1 > REP_DEC_MAX_CHARS)
			return cli_fail(flag, REP_ELIMIT, "too long");
		memcpy(buf, text, n - 1);
		buf[n - 1] = '\0';
		int rc = parse_dec(out, flag, buf);
		if (rc)
			return rc;
		mpq_t h;
		mpq_init(h);
		mpq_set_ui(h, 100, 1);
		mpq_div(out, out, h);
		mpq_clear(h);
		return 0;
	}
	int rc = parse_dec(out, flag, text);
	if (rc)
		return rc;
	if (mpz_cmpabs(mpq_numref(out), mpq_denref(out)) >= 0) {
		char m[160];
		snprintf(m, sizeof m, "\"%.40s\" is a fraction of 1 or more; write %.40s%% for a percentage "
				      "(0.05 = 5%%)", text, text);
		return cli_fail(flag, REP_EINVAL, m);
	}
	return 0;
}

static int parse_date(rep_date *out, const char *flag, const char *text)
{
	rep_error err;
	rep_error_clear(&err);
	rep_status st = rep_date_parse(out, text, &err);
	return st ? fail_st(flag, st, &err) : 0;
}

/* A small non-negative integer, digits only. */
static int parse_count(int *out, const char *flag, const char *text, int max)
{
	long v = 0;
	const char *p = text;
	if (!*p)
		return cli_fail(flag, REP_ESYNTAX, "empty value");
	for (; *p; p++) {
		if (*p < '0' || *p > '9' || v > max) {
			char m[128];
			snprintf(m, sizeof m, "\"%.40s\" is not a whole number from 0 to %d", text, max);
			return cli_fail(flag, REP_EINVAL, m);
		}
		v = v * 10 + (*p - '0');
	}
	if (v > max) {
		char m[128];
		snprintf(m, sizeof m, "\"%.40s\" is not a whole number from 0 to %d", text, max);
		return cli_fail(flag, REP_EINVAL, m);
	}
	*out = (int)v;
	return 0;
}

static int need(const char *flag, const char *value)
{
	if (value)
		return 0;
	return cli_fail(flag, REP_EINVAL, "required");
}

/* Reads the flags after "calc SUB"; `allowed` lists the flags SUB takes,
 * each followed by a space. Returns -1 after printing help, 0 when parsed,
 * an exit status on error. */
static int parse_flags(calc_opts *o, int argc, char **argv, const char *usage, const char *sub, const char *allowed)
{
	const char *format = "text";
	const struct {
		const char *name;
		const char **slot;
	} flags[] = {
		{"--amount", &o->amount},   {"--years", &o->years},	  {"--rate", &o->rate},
		{"--growth", &o->growth},   {"--timing", &o->timing},	  {"--from", &o->from},
		{"--to", &o->to},	    {"--series", &o->series},	  {"--margin", &o->margin},
		{"--basis", &o->basis},	    {"--method", &o->method},	  {"--grace-months", &o->grace},
		{"--series-file", &o->series_file}, {"--convention", &o->convention}, {"--format", &format},
	};
	for (int i = 3; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			fputs(usage, stdout);
			return -1;
		}
		char key[40];
		size_t n = strlen(a);
		if (n < sizeof key - 1) {
			memcpy(key, a, n);
			key[n] = ' ';
			key[n + 1] = '\0';
		}
		if (strncmp(a, "--", 2) != 0 || n >= sizeof key - 1 || !strstr(allowed, key)) {
			char m[160];
			snprintf(m, sizeof m, "unknown option (see `reparations calc %s --help`)", sub);
			return cli_fail(a, REP_EINVAL, m);
		}
		if (strcmp(a, "--compound") == 0) {
			o->compound = 1;
			continue;
		}
		const char **slot = NULL;
		for (size_t k = 0; k < sizeof flags / sizeof flags[0]; k++)
			if (strcmp(a, flags[k].name) == 0)
				slot = flags[k].slot;
		if (!slot)
			return cli_fail(a, REP_EINVAL, "unknown option");
		if (i + 1 >= argc)
			return cli_fail(a, REP_EINVAL, "needs a value");
		*slot = argv[++i];
	}
	if (strcmp(format, "json") == 0)
		o->json = 1;
	else if (strcmp(format, "text") != 0)
		return cli_fail("--format", REP_EINVAL, "must be text or json");
	return 0;
}

/* The date flag to blame when `series` has no value: --from when that
 * date lies outside the series' range, else --to. */
static const char *blame_date(const rep_context *ctx, const char *series, rep_date from)
{
	rep_series_info info;
	rep_series_point first;
	if (!series || rep_series_find(ctx, series, &info) != REP_OK || info.n_points == 0 ||
	    rep_series_point_at(ctx, series, 0, &first) != REP_OK)
		return "--to";
	return from < first.from || from > info.until ? "--from" : "--to";
}

/* ---- output ---- */

static char *money(const mpq_t x)
{
	return rep_dec_format(x, CENTS, REP_ROUND_HALF_UP);
}

static void jstr(yajl_gen g, const char *s)
{
	yajl_gen_string(g, (const unsigned char *)(s ? s : ""), s ? strlen(s) : 0);
}

static void jkv(yajl_gen g, const char *k, const char *v)
{
	jstr(g, k);
	jstr(g, v);
}

/* A key with an exact decimal value (shortest form). */
static void jkq(yajl_gen g, const char *k, const mpq_t x)
{
	char *s = rep_dec_to_string(x);
	jkv(g, k, s);
	free(s);
}

static void jkd(yajl_gen g, const char *k, rep_date d)
{
	char s[REP_DATE_TEXT_SIZE];
	rep_date_format(d, s);
	jkv(g, k, s);
}

static yajl_gen jopen(void)
{
	yajl_gen g = yajl_gen_alloc(NULL);
	if (!g)
		return NULL;
	yajl_gen_config(g, yajl_gen_beautify, 1);
	yajl_gen_config(g, yajl_gen_indent_string, "  ");
	yajl_gen_map_open(g);
	return g;
}

static int jclose(yajl_gen g)
{
	const unsigned char *buf;
	size_t len;
	yajl_gen_map_close(g);
	int rc = 0;
	if (yajl_gen_get_buf(g, &buf, &len) != yajl_gen_status_ok) {
		rc = cli_fail("calc", REP_ENOMEM, "cannot write JSON");
	} else {
		fwrite(buf, 1, len, stdout);
		if (!len || buf[len - 1] != '\n')
			fputc('\n', stdout);
	}
	yajl_gen_free(g);
	return rc;
}

static void jpoints(yajl_gen g, const rep_tvm_result *r)
{
	jstr(g, "points");
	yajl_gen_array_open(g);
	for (size_t i = 0; i < r->n_points; i++) {
		const rep_tvm_point *p = &r->points[i];
		yajl_gen_map_open(g);
		jkv(g, "series", p->series);
		jkd(g, "date", p->date);
		jkd(g, "from", p->from);
		jkv(g, "value", p->value);
		jkv(g, "confidence", p->confidence);
		jkv(g, "source", p->source);
		yajl_gen_map_close(g);
	}
	yajl_gen_array_close(g);
}

static void tpoints(const rep_tvm_result *r)
{
	for (size_t i = 0; i < r->n_points; i++) {
		const rep_tvm_point *p = &r->points[i];
		char d[REP_DATE_TEXT_SIZE];
		rep_date_format(p->from, d);
		printf("  %s %s from %s (%s: %s)\n", p->series, p->value, d, p->confidence, p->source);
	}
}

static int finish(int rc)
{
	if (!rc && (fflush(stdout) != 0 || ferror(stdout)))
		return cli_fail("calc", REP_EIO, "cannot write the output");
	return rc;
}

/* ---- pv ---- */

static int calc_pv(const calc_opts *o)
{
	int rc;
	if ((rc = need("--amount", o->amount)) || (rc = need("--years", o->years)) || (rc = need("--rate", o->rate)))
		return rc;
	rep_pv_timing timing = REP_PV_END;
	if (o->timing && rep_pv_timing_parse(&timing, o->timing) != REP_OK)
		return cli_fail("--timing", REP_EINVAL, "must be end, mid or continuous");
	mpq_t a, n, r, g, m;
	mpq_inits(a, n, r, g, m, NULL);
	rep_tvm_result res;
	rep_tvm_result_init(&res);
	rep_error err;
	rep_error_clear(&err);
	if ((rc = parse_dec(a, "--amount", o->amount)) || (rc = parse_dec(n, "--years", o->years)) ||
	    (rc = parse_rate(r, "--rate", o->rate)) || (o->growth && (rc = parse_rate(g, "--growth", o->growth))))
		goto out;
	if (mpq_sgn(n) < 0 || mpq_cmp_ui(n, REP_TVM_MAX_YEARS, 1) > 0) {
		rc = cli_fail("--years", REP_ERANGE, "must be between 0 and 1000");
		goto out;
	}
	if (mpq_cmp_si(r, -1, 1) <= 0 || mpq_cmp_si(g, -1, 1) <= 0) {
		rc = cli_fail(mpq_cmp_si(r, -1, 1) <= 0 ? "--rate" : "--growth", REP_EINVAL, "must be above -100%");
		goto out;
	}
	rep_status st = rep_tvm_pv(&res, a, n, r, g, timing, CENTS, REP_ROUND_HALF_UP, &err);
	if (!st)
		st = rep_tvm_multiplier(m, n, r, g, timing, MULT_PLACES, REP_ROUND_HALF_UP, &err);
	if (st) {
		rc = fail_st("calc pv", st, &err);
		goto out;
	}
	mpq_t nom;
	mpq_init(nom);
	rep_tvm_nominal_sum(nom, a, n, g, NULL);
	char *pv = money(res.value), *mult = rep_dec_format(m, MULT_PLACES, REP_ROUND_HALF_UP), *ns = money(nom);
	mpq_clear(nom);
	if (!pv || !mult || !ns) {
		rc = cli_fail("calc", REP_ENOMEM, "out of memory");
	} else if (o->json) {
		yajl_gen j = jopen();
		if (!j) {
			rc = cli_fail("calc", REP_ENOMEM, "out of memory");
		} else {
			jkv(j, "present_value", pv);
			jkv(j, "multiplier", mult);
			jkq(j, "amount", a);
			jkq(j, "years", n);
			jkq(j, "rate", r);
			jkq(j, "growth", g);
			jkv(j, "timing", rep_pv_timing_name(timing));
			jkv(j, "undiscounted", ns);
			jkv(j, "formula", res.text);
			rc = jclose(j);
		}
	} else {
		printf("present_value: %s\nmultiplier:    %s\nundiscounted:  %s\n%s\n", pv, mult, ns, res.text);
	}
	free(pv);
	free(mult);
	free(ns);
out:
	rep_tvm_result_clear(&res);
	mpq_clears(a, n, r, g, m, NULL);
	return finish(rc);
}

/* ---- annuity ---- */

static int calc_annuity(const calc_opts *o)
{
	int rc;
	if ((rc = need("--amount", o->amount)) || (rc = need("--years", o->years)) || (rc = need("--rate", o->rate)))
		return rc;
	rep_annuity_rate conv = REP_ANNUITY_EFFECTIVE_ANNUAL;
	if (o->convention && rep_annuity_rate_parse(&conv, o->convention) != REP_OK)
		return cli_fail("--convention", REP_EINVAL, "must be effective_annual or nominal_monthly");
	mpq_t a, n, r, p;
	mpq_inits(a, n, r, p, NULL);
	rep_error err;
	rep_error_clear(&err);
	if ((rc = parse_dec(a, "--amount", o->amount)) || (rc = parse_dec(n, "--years", o->years)) ||
	    (rc = parse_rate(r, "--rate", o->rate)))
		goto out;
	mpq_set_ui(p, 12, 1);
	mpq_mul(p, p, n);
	if (mpz_cmp_ui(mpq_denref(p), 1) != 0 || mpq_sgn(p) <= 0 || mpq_cmp_ui(p, 12000, 1) > 0) {
		rc = cli_fail("--years", REP_EINVAL, "must be a whole number of months (12 x years), 1 to 12000");
		goto out;
	}
	if (mpq_cmp_si(r, -1, 1) <= 0) {
		rc = cli_fail("--rate", REP_EINVAL, "must be above -100%");
		goto out;
	}
	rep_status st = rep_tvm_monthly_payment(p, a, n, r, conv, CENTS, REP_ROUND_HALF_UP, &err);
	if (st) {
		rc = fail_st("calc annuity", st, &err);
		goto out;
	}
	char *ps = money(p);
	if (!ps) {
		rc = cli_fail("calc", REP_ENOMEM, "out of memory");
	} else if (o->json) {
		yajl_gen j = jopen();
		if (!j) {
			rc = cli_fail("calc", REP_ENOMEM, "out of memory");
		} else {
			jkv(j, "monthly_payment", ps);
			jkq(j, "amount", a);
			jkq(j, "years", n);
			jkq(j, "rate", r);
			jkv(j, "convention", rep_annuity_rate_name(conv));
			rc = jclose(j);
		}
	} else {
		printf("monthly_payment: %s (%s)\n", ps, rep_annuity_rate_name(conv));
	}
	free(ps);
out:
	mpq_clears(a, n, r, p, NULL);
	return finish(rc);
}

/* ---- interest ---- */

static int calc_interest(const calc_opts *o, rep_context *ctx)
{
	int rc;
	if ((rc = need("--amount", o->amount)) || (rc = need("--from", o->from)) || (rc = need("--to", o->to)))
		return rc;
	if (!o->rate == !o->series)
		return cli_fail(o->rate ? "--series" : "--rate", REP_EINVAL,
				o->rate ? "give --rate or --series, not both" : "required (or --series ID)");
	if (o->margin && !o->series)
		return cli_fail("--margin", REP_EINVAL, "applies to --series only");
	rep_interest_opts io = {0};
	if (o->basis && rep_day_basis_parse(&io.basis, o->basis) != REP_OK)
		return cli_fail("--basis", REP_EINVAL, "must be act365, actact or 30360");
	if (o->grace && (rc = parse_count(&io.grace_months, "--grace-months", o->grace, 1200)))
		return rc;
	io.compound = o->compound;
	io.series = o->series;
	rep_date from, to;
	if ((rc = parse_date(&from, "--from", o->from)) || (rc = parse_date(&to, "--to", o->to)))
		return rc;
	if (to < from)
		return cli_fail("--to", REP_EINVAL, "is before --from");
	if (o->series_file && (rc = cli_load_file(ctx, o->series_file, false)))
		return rc;
	mpq_t a, r, m;
	mpq_inits(a, r, m, NULL);
	rep_tvm_result res;
	rep_tvm_result_init(&res);
	rep_error err;
	rep_error_clear(&err);
	if ((rc = parse_dec(a, "--amount", o->amount)) || (o->rate && (rc = parse_rate(r, "--rate", o->rate))) ||
	    (o->margin && (rc = parse_rate(m, "--margin", o->margin))))
		goto out;
	io.rate = o->rate ? r : NULL;
	io.margin = o->margin ? m : NULL;
	rep_status st = rep_tvm_interest(&res, ctx, a, from, to, &io, &err);
	if (st) {
		rc = fail_st(st == REP_ENODATA ? blame_date(ctx, o->series, from) : o->series ? "--series" : "calc interest",
			     st, &err);
		goto out;
	}
	rep_date start = res.n_periods ? res.periods[0].start : to;
	char *total = money(res.value);
	if (!total) {
		rc = cli_fail("calc", REP_ENOMEM, "out of memory");
		goto out;
	}
	if (o->json) {
		yajl_gen j = jopen();
		if (!j) {
			free(total);
			rc = cli_fail("calc", REP_ENOMEM, "out of memory");
			goto out;
		}
		jkv(j, "interest", total);
		jkq(j, "amount", a);
		jkd(j, "from", from);
		jkd(j, "to", to);
		jkd(j, "start", start);
		jstr(j, "days");
		yajl_gen_integer(j, (long long)(to - start));
		jkv(j, "basis", rep_day_basis_name(io.basis));
		jstr(j, "compound");
		yajl_gen_bool(j, io.compound);
		jstr(j, "grace_months");
		yajl_gen_integer(j, io.grace_months);
		if (o->rate) {
			jkq(j, "rate", r);
		} else {
			jkv(j, "series", o->series);
			jkq(j, "margin", m);
		}
		jstr(j, "periods");
		yajl_gen_array_open(j);
		for (size_t i = 0; i < res.n_periods; i++) {
			const rep_tvm_period *p = &res.periods[i];
			yajl_gen_map_open(j);
			jkd(j, "from", p->start);
			jkd(j, "to", p->end);
			jstr(j, "days");
			yajl_gen_integer(j, p->days);
			jstr(j, "year_days");
			yajl_gen_integer(j, p->year_days);
			jkq(j, "rate", p->rate);
			char *pr = money(p->principal), *pi = money(p->interest);
			jkv(j, "principal", pr);
			jkv(j, "interest", pi);
			free(pr);
			free(pi);
			yajl_gen_map_close(j);
		}
		yajl_gen_array_close(j);
		jpoints(j, &res);
		jkv(j, "trace", res.text);
		rc = jclose(j);
	} else {
		printf("interest: %s\ndays:     %ld\n%s\n", total, (long)(to - start), res.text);
		tpoints(&res);
	}
	free(total);
out:
	rep_tvm_result_clear(&res);
	mpq_clears(a, r, m, NULL);
	return finish(rc);
}

/* ---- index ---- */

static int calc_index(const calc_opts *o, rep_context *ctx)
{
	int rc;
	if ((rc = need("--amount", o->amount)) || (rc = need("--from", o->from)) || (rc = need("--to", o->to)))
		return rc;
	if (!o->method == !o->series)
		return cli_fail("--series", REP_EINVAL,
				o->method ? "give --series or --method, not both" : "required (or --method cpi|mci|wage)");
	rep_date from, to;
	if ((rc = parse_date(&from, "--from", o->from)) || (rc = parse_date(&to, "--to", o->to)))
		return rc;
	if (o->series_file && (rc = cli_load_file(ctx, o->series_file, false)))
		return rc;
	rep_index_kind kind = REP_INDEX_RATIO;
	if (o->series) {
		rep_series_info info;
		if (rep_series_find(ctx, o->series, &info) != REP_OK) {
			char m[160];
			snprintf(m, sizeof m, "unknown reference series \"%.64s\" (see `reparations refdata`)", o->series);
			return cli_fail("--series", REP_ENOTFOUND, m);
		}
		/* annual rates in percent chain; a rate per year is interest, not indexation */
		if (info.unit && strcmp(info.unit, "percent") == 0)
			kind = REP_INDEX_ANNUAL_RATES;
		else if (info.unit && strncmp(info.unit, "percent", 7) == 0)
			return cli_fail("--series", REP_EINVAL,
					"is an interest rate series: use `reparations calc interest`");
	} else {
		static const char *const methods[] = {"nominal", "cpi", "mci", "wage"};
		bool ok = false;
		for (size_t i = 0; i < 4; i++)
			ok = ok || strcmp(o->method, methods[i]) == 0;
		if (!ok)
			return cli_fail("--method", REP_EINVAL, "must be cpi, mci, wage or nominal");
	}
	mpq_t a;
	mpq_init(a);
	rep_tvm_result res;
	rep_tvm_result_init(&res);
	rep_error err;
	rep_error_clear(&err);
	if ((rc = parse_dec(a, "--amount", o->amount)))
		goto out;
	rep_status st = o->series ? rep_tvm_index_series(&res, ctx, o->series, kind, a, from, to, &err)
				  : rep_tvm_index_by(&res, ctx, o->method, a, from, to, &err);
	if (st) {
		const char *used = o->series;
		if (!used) {
			rep_series_info info;
			used = strcmp(o->method, "mci") == 0	? "KZ.MCI"
			       : strcmp(o->method, "wage") == 0 ? "KZ.AVG_WAGE"
			       : rep_series_find(ctx, "KZ.CPI_INDEX", &info) == REP_OK ? "KZ.CPI_INDEX"
									       : "KZ.CPI_DEC";
		}
		rc = fail_st(st == REP_ENODATA ? blame_date(ctx, used, from) : o->series ? "--series" : "--method", st,
			     &err);
		goto out;
	}
	char *ix = money(res.value), *f = rep_dec_format(res.factor, 10, REP_ROUND_HALF_UP);
	if (!ix || !f) {
		rc = cli_fail("calc", REP_ENOMEM, "out of memory");
	} else if (o->json) {
		yajl_gen j = jopen();
		if (!j) {
			rc = cli_fail("calc", REP_ENOMEM, "out of memory");
		} else {
			jkv(j, "indexed", ix);
			jkq(j, "amount", a);
			jkd(j, "from", from);
			jkd(j, "to", to);
			if (o->series) {
				jkv(j, "series", o->series);
				jkv(j, "kind", kind == REP_INDEX_RATIO ? "ratio" : "annual_rates");
			} else {
				jkv(j, "method", o->method);
			}
			jkv(j, "factor", f);
			jpoints(j, &res);
			jkv(j, "trace", res.text);
			rc = jclose(j);
		}
	} else {
		printf("indexed: %s\nfactor:  %s\n%s\n", ix, f, res.text);
		tpoints(&res);
	}
	free(ix);
	free(f);
out:
	rep_tvm_result_clear(&res);
	mpq_clear(a);
	return finish(rc);
}

int cli_calc(int argc, char **argv)
{
	if (argc < 3) {
		fputs(usage_calc, stderr);
		return EXIT_BAD_INPUT;
	}
	const char *sub = argv[2];
	if (strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0) {
		fputs(usage_calc, stdout);
		return 0;
	}
	/* the flags each calculator takes, each followed by a space (not
	 * static: the usage texts are objects, not constant expressions) */
	const struct {
		const char *name, *usage, *flags;
	} subs[] = {
		{"pv", usage_pv, "--amount --years --rate --growth --timing --format "},
		{"interest", usage_interest,
		 "--amount --from --to --rate --series --margin --basis --compound --grace-months --series-file --format "},
		{"index", usage_index, "--amount --from --to --series --method --series-file --format "},
		{"annuity", usage_annuity, "--amount --years --rate --convention --format "},
	};
	size_t k = 0;
	while (k < sizeof subs / sizeof subs[0] && strcmp(sub, subs[k].name) != 0)
		k++;
	if (k == sizeof subs / sizeof subs[0]) {
		fprintf(stderr, "reparations: calc: unknown calculator \"%s\"\n\n%s", sub, usage_calc);
		return EXIT_BAD_INPUT;
	}
	calc_opts o = {0};
	int rc = parse_flags(&o, argc, argv, subs[k].usage, sub, subs[k].flags);
	if (rc)
		return rc < 0 ? 0 : rc;
	if (strcmp(sub, "pv") == 0)
		return calc_pv(&o);
	if (strcmp(sub, "annuity") == 0)
		return calc_annuity(&o);
	rep_context *ctx;
	rep_error err;
	rep_error_clear(&err);
	rep_status st = rep_context_new(&ctx, &err);
	if (st)
		return cli_fail("context", st, err.message);
	rc = strcmp(sub, "interest") == 0 ? calc_interest(&o, ctx) : calc_index(&o, ctx);
	rep_context_free(ctx);
	return rc;
}
