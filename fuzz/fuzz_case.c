/* libFuzzer: the JSON case reader, and the engine behind it.
 *
 * Input: a case file. A case that reads is estimated under eight schemes
 * chosen to cover the engine's vocabulary (tariffs in MCI with tiers, caps
 * by months, per-year caps, fixed amounts, present values, interest, an
 * annuity, late interest, a range over alternative benchmarks, currency
 * conversion), with options that switch the optional machinery on; the
 * estimates are rendered in one of the four formats, and compared in EUR.
 * Each accepted input is checked against the properties of fuzz/props.h
 * (lines add up, JSON agrees with the accessors, valid UTF-8, the same
 * estimate on two threads). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "props.h"
#include "reparations.h"

static const char *const schemes[] = {"kz-cpc", "kz-reform", "kz-victims-fund", "intl-un",
				      "de-streg", "us-tx", "uk-cja", "echr"};
#define N_SCHEMES (sizeof schemes / sizeof schemes[0])
static const char *const options[] = {
	"us-tx.annuity_years=40", "echr.days_late=100", "intl-un.indexation=interest",
	"intl-un.interest_rate=7.5", "kz-cpc.indexation=mci",
};

static rep_context *ctx;
static rep_options *opts;

static void setup(void)
{
	rep_error err;
	if (rep_context_new(&ctx, &err) || rep_options_new(&opts))
		abort();
	/* the pairs the bundled data lacks, so conversions are reached */
	rep_context_set_fx(ctx, "USD/KZT", "520", REP_DATE_NONE, "fuzz", &err);
	rep_context_set_fx(ctx, "EUR/USD", "1.17", REP_DATE_NONE, "fuzz", &err);
	rep_context_set_fx(ctx, "GBP/USD", "1.35", REP_DATE_NONE, "fuzz", &err);
	rep_context_set_fx(ctx, "USD/JPY", "150", REP_DATE_NONE, "fuzz", &err);
	for (size_t i = 0; i < sizeof options / sizeof options[0]; i++)
		if (rep_options_add(opts, options[i], &err))
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!ctx)
		setup();
	rep_error err;
	rep_case *c = NULL;
	if (rep_case_from_json(&c, (const char *)data, size, &err) != REP_OK)
		return 0;
	rep_estimate *es[N_SCHEMES];
	size_t n = 0;
	for (size_t i = 0; i < N_SCHEMES; i++)
		if (rep_estimate_compute(&es[n], ctx, c, schemes[i], i % 2 ? opts : NULL, &err) == REP_OK)
			prop_estimate_sums(es[n++]);
	char *out = NULL;
	size_t len = 0;
	if (n && rep_estimates_render(&out, &len, rep_case_id(c), (const rep_estimate *const *)es, n,
				      (rep_format)(data[0] % 4), &err) == REP_OK) {
		prop_text("estimates", out, len);
		free(out);
	}
	if (n && rep_estimates_render(&out, &len, rep_case_id(c), (const rep_estimate *const *)es, n, REP_FORMAT_JSON,
				      &err) == REP_OK) {
		prop_text("estimates JSON", out, len);
		prop_json_agrees(out, (const rep_estimate *const *)es, n);
		free(out);
	}
	/* one scheme a run, chosen by the input, on two threads */
	size_t pick = data[size / 2] % N_SCHEMES;
	prop_same_across_threads(ctx, c, schemes[pick], pick % 2 ? opts : NULL);
	for (size_t i = 0; i < n; i++)
		rep_estimate_free(es[i]);
	rep_comparison *cmp = NULL;
	if (rep_compare(&cmp, ctx, c, schemes, 4, opts, "EUR", &err) == REP_OK &&
	    rep_comparison_render(&out, &len, cmp, (rep_format)(data[size - 1] % 4), &err) == REP_OK) {
		prop_text("comparison", out, len);
		free(out);
	}
	rep_comparison_free(cmp);
	rep_case_free(c);
	return 0;
}
