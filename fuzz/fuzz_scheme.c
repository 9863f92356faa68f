/* libFuzzer: the scheme loader (rep_context_load_scheme), then estimates
 * under the loaded scheme. A loaded scheme is trusted by the engine exactly
 * as a built-in one, so whatever loads must evaluate without a crash.
 *
 * Input: a scheme file. Each scheme that loads is evaluated for three cases
 * (KZT with torture and every harm head, EUR with parole and house arrest,
 * a pending case with nothing but a moral-harm figure), with and without
 * every option it declares set to its bounds, and the estimates rendered. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reparations.h"

static const char *const cases[] = {
	"{\"id\":\"f1\",\"currency\":\"KZT\",\"as_of\":\"2026-03-01\","
	"\"proceedings\":{\"kind\":\"criminal\",\"outcome\":\"acquitted\",\"decision_date\":\"2023-06-01\","
	"\"notice_date\":\"2023-06-10\",\"application_date\":\"2025-01-15\",\"death_sentence\":true},"
	"\"detentions\":[{\"kind\":\"police_custody\",\"start\":\"2022-01-03\",\"end\":\"2022-01-04\"},"
	"{\"kind\":\"pretrial_custody\",\"start\":\"2022-01-05\",\"end\":\"2022-03-10\"},"
	"{\"kind\":\"prison\",\"start\":\"2022-03-11\",\"end\":\"2023-05-02\"}],"
	"\"torture\":{\"cc146_part\":2,\"victim_recognised\":\"2023-07-01\"},"
	"\"harms\":[{\"category\":\"lost_earnings\",\"monthly\":\"350000\",\"start\":\"2022-01-05\",\"end\":\"2024-02-29\"},"
	"{\"category\":\"lost_earning_capacity\",\"annual\":\"1200000\",\"years\":\"12.5\",\"growth\":\"0.02\",\"discount_rate\":\"0.05\"},"
	"{\"category\":\"business\",\"amount\":\"900000\",\"date\":\"2022-02-01\"},"
	"{\"category\":\"property\",\"amount\":\"4500000\",\"date\":\"2022-01-05\",\"disposition\":\"confiscated\"},"
	"{\"category\":\"fines_and_costs\",\"amount\":\"30000\",\"date\":\"2022-05-05\"},"
	"{\"category\":\"legal_costs\",\"amount\":\"800000\",\"date\":\"2022-09-01\"},"
	"{\"category\":\"medical_costs\",\"amount\":\"120000.50\",\"date\":\"2023-06-01\"},"
	"{\"category\":\"psychological_care\",\"amount\":\"60000\",\"date\":\"2023-08-01\"},"
	"{\"category\":\"other_expenses\",\"amount\":\"10\",\"date\":\"2023-08-01\"},"
	"{\"category\":\"moral_harm\",\"amount\":\"5000000\"}]}",
	"{\"id\":\"f2\",\"currency\":\"EUR\",\"as_of\":\"2025-12-31\","
	"\"proceedings\":{\"kind\":\"administrative\",\"outcome\":\"conviction_quashed\",\"decision_date\":\"2020-02-29\","
	"\"arbitrary_detention_finding\":true,\"coerced_confession\":true},"
	"\"detentions\":[{\"kind\":\"house_arrest\",\"start\":\"2008-02-29\",\"end\":\"2009-03-31\"},"
	"{\"kind\":\"prison\",\"start\":\"2009-04-01\",\"end\":\"2019-12-31\"},"
	"{\"kind\":\"parole\",\"start\":\"2020-01-01\",\"end\":\"2020-02-29\"},"
	"{\"kind\":\"psychiatric\",\"start\":\"2009-01-01\",\"end\":\"2009-06-30\"}],"
	"\"harms\":[{\"category\":\"lost_earnings\",\"monthly\":\"2500\",\"start\":\"2008-02-29\",\"end\":\"2020-02-29\"},"
	"{\"category\":\"property\",\"amount\":\"25\",\"date\":\"2008-03-01\"},"
	"{\"category\":\"legal_costs\",\"amount\":\"0.01\",\"date\":\"2019-01-01\"}]}",
	"{\"id\":\"f3\",\"currency\":\"USD\",\"as_of\":\"1999-01-01\","
	"\"proceedings\":{\"kind\":\"political_repression\",\"outcome\":\"pending\",\"self_incrimination\":true},"
	"\"harms\":[{\"category\":\"moral_harm\",\"amount\":\"1e6\"}]}",
};
#define N_CASES (sizeof cases / sizeof cases[0])

static int ready;
static rep_case *parsed[N_CASES];

static void setup(void)
{
	rep_error err;
	for (size_t i = 0; i < N_CASES; i++)
		if (rep_case_from_json(&parsed[i], cases[i], strlen(cases[i]), &err)) {
			fprintf(stderr, "fuzz_scheme: case %zu: %s\n", i, err.message);
			abort();
		}
}

static void set_fx(rep_context *ctx)
{
	rep_error err;
	rep_context_set_fx(ctx, "USD/KZT", "520", REP_DATE_NONE, "fuzz", &err);
	rep_context_set_fx(ctx, "EUR/USD", "1.17", REP_DATE_NONE, "fuzz", &err);
	rep_context_set_fx(ctx, "GBP/USD", "1.35", REP_DATE_NONE, "fuzz", &err);
	rep_context_set_fx(ctx, "USD/JPY", "150", REP_DATE_NONE, "fuzz", &err);
	rep_context_set_fx(ctx, "USD/UZS", "12000", REP_DATE_NONE, "fuzz", &err);
}

/* Options set to each bound (or each choice) of the scheme's declared options. */
static rep_options *bound_options(const rep_scheme *s, int high)
{
	rep_options *o = NULL;
	rep_error err;
	if (rep_options_new(&o))
		return NULL;
	for (size_t i = 0; i < rep_scheme_option_count(s); i++) {
		rep_option_info in;
		if (rep_scheme_option_at(s, i, &in))
			continue;
		const char *v = high ? in.max : in.min;
		char choice[80] = "";
		if (in.choices) {
			/* the last choice for "high", the first otherwise */
			const char *c = high ? strrchr(in.choices, '|') : NULL;
			c = c ? c + 1 : in.choices;
			size_t n = strcspn(c, "|");
			snprintf(choice, sizeof choice, "%.*s", (int)(n < 79 ? n : 79), c);
			v = choice;
		}
		if (v)
			rep_options_set(o, rep_scheme_id(s), in.name, v, &err);
	}
	return o;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!ready)
		setup(), ready = 1;
	rep_error err;
	rep_context *ctx = NULL;
	if (rep_context_new(&ctx, &err) != REP_OK)
		abort();
	set_fx(ctx);
	/* the schemes before loading: the loaded one is new, or replaced one of them */
	size_t before = rep_scheme_count(ctx);
	const rep_scheme *had[256];
	for (size_t i = 0; i < before && i < 256; i++)
		had[i] = rep_scheme_at(ctx, i);
	if (rep_context_load_scheme(ctx, (const char *)data, size, &err) == REP_OK) {
		for (size_t i = 0; i < rep_scheme_count(ctx); i++) {
			const rep_scheme *s = rep_scheme_at(ctx, i);
			bool old = false;
			for (size_t k = 0; k < before && k < 256; k++)
				old = old || s == had[k];
			if (old)
				continue;
			const char *id = rep_scheme_id(s);
			for (int variant = 0; variant < 3; variant++) {
				rep_options *o = variant ? bound_options(s, variant == 2) : NULL;
				rep_estimate *es[N_CASES];
				size_t n = 0;
				for (size_t k = 0; k < N_CASES; k++)
					if (rep_estimate_compute(&es[n], ctx, parsed[k], id, o, &err) == REP_OK)
						n++;
				char *out = NULL;
				if (n && rep_estimates_render(&out, NULL, "f", (const rep_estimate *const *)es, n,
							      (rep_format)((size + (size_t)variant) % 4), &err) == REP_OK)
					free(out);
				for (size_t k = 0; k < n; k++)
					rep_estimate_free(es[k]);
				rep_options_free(o);
			}
		}
	}
	rep_context_free(ctx);
	return 0;
}
