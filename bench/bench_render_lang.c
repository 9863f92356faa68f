/* The cost of translation: the bundled Kazakh case compared under every
 * scheme, rendered as JSON and as the HTML statement in English (the
 * baseline: no translation) and in Russian and Kazakh. Prints each time per
 * render and its ratio to the English one.
 *
 *   build/bench/bench_render_lang [ROUNDS]   (run from the source root) */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "reparations.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = malloc(1 << 20);
	*len = buf ? fread(buf, 1, (1 << 20) - 1, f) : 0;
	fclose(f);
	if (buf)
		buf[*len] = '\0';
	return buf;
}

int main(int argc, char **argv)
{
	int rounds = argc > 1 ? atoi(argv[1]) : 50;
	rep_error err;
	rep_context *ctx;
	rep_case *c;
	size_t len;
	char *text = slurp("examples/cases/kz-activist.json", &len);
	if (!text || rep_context_new(&ctx, &err) || rep_case_from_json(&c, text, len, &err)) {
		fprintf(stderr, "bench_render_lang: run from the source root (%s)\n", err.message);
		return 1;
	}
	static const char *const fx[][2] = {{"USD/KZT", "520"}, {"EUR/USD", "1.17"}, {"GBP/USD", "1.35"},
					    {"USD/JPY", "155"}, {"USD/UZS", "12000"}, {"NZD/USD", "0.59"},
					    {"USD/CAD", "1.38"}};
	for (size_t i = 0; i < sizeof fx / sizeof fx[0]; i++)
		rep_context_set_fx(ctx, fx[i][0], fx[i][1], REP_DATE_NONE, "bench", &err);
	size_t n = rep_scheme_count(ctx);
	const char **ids = malloc(n * sizeof *ids);
	for (size_t i = 0; i < n; i++)
		ids[i] = rep_scheme_id(rep_scheme_at(ctx, i));
	rep_comparison *cmp;
	if (rep_compare(&cmp, ctx, c, ids, n, NULL, "EUR", &err)) {
		fprintf(stderr, "bench_render_lang: %s\n", err.message);
		return 1;
	}
	rep_render_opts *ro;
	rep_render_opts_new(&ro);
	rep_render_opts_set_case(ro, c);
	const rep_format formats[] = {REP_FORMAT_JSON, REP_FORMAT_HTML};
	const char *const names[] = {"json", "html"};
	for (int f = 0; f < 2; f++) {
		double base = 0;
		for (int l = 0; l < 3; l++) {
			const char *lang = l == 0 ? "en" : l == 1 ? "ru" : "kk";
			rep_render_opts_set_lang(ro, lang, &err);
			double t0 = now();
			for (int i = 0; i < rounds; i++) {
				char *out;
				if (rep_comparison_render_opts(&out, NULL, cmp, formats[f], ro, &err))
					return 1;
				free(out);
			}
			double per = (now() - t0) / rounds * 1e3;
			if (l == 0)
				base = per;
			printf("%s %s: %.3f ms per render of %zu schemes (x%.2f of en)\n", names[f], lang, per, n, per / base);
		}
	}
	rep_render_opts_free(ro);
	rep_comparison_free(cmp);
	rep_case_free(c);
	rep_context_free(ctx);
	free(ids);
	free(text);
	return 0;
}
