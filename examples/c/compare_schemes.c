/* compare_schemes: one case under several schemes, totals converted into one
 * reporting currency at the valuation date (exchange rates given on the
 * command line, as the CLI's --fx).
 *
 *   compare_schemes CASE.json REPORT_CURRENCY [FROM/TO=RATE ...] -- SCHEME ...
 *
 * Build: cc compare_schemes.c $(pkg-config --cflags --libs reparations) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <reparations.h>

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	rewind(f);
	char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	*len = (size_t)n;
	return buf;
}

int main(int argc, char **argv)
{
	if (argc < 5) {
		fprintf(stderr, "usage: %s CASE.json CUR [FROM/TO=RATE ...] -- SCHEME ...\n", argv[0]);
		return 2;
	}
	size_t len;
	char *text = slurp(argv[1], &len);
	if (!text) {
		perror(argv[1]);
		return 2;
	}
	rep_error err;
	rep_context *ctx = NULL;
	rep_case *c = NULL;
	rep_comparison *cmp = NULL;
	int rc = 2, i = 3;
	if (rep_context_new(&ctx, &err) != REP_OK)
		goto fail;
	/* load everything into the context first; afterwards it is only read */
	for (; i < argc && strcmp(argv[i], "--") != 0; i++) {
		char pair[16], *eq = strchr(argv[i], '=');
		if (!eq || (size_t)(eq - argv[i]) >= sizeof pair) {
			fprintf(stderr, "expected FROM/TO=RATE, got %s\n", argv[i]);
			goto out;
		}
		memcpy(pair, argv[i], (size_t)(eq - argv[i]));
		pair[eq - argv[i]] = '\0';
		if (rep_context_set_fx(ctx, pair, eq + 1, REP_DATE_NONE, "command line", &err) != REP_OK)
			goto fail;
	}
	if (i >= argc - 1) {
		fprintf(stderr, "no schemes after --\n");
		goto out;
	}
	if (rep_case_from_json(&c, text, len, &err) != REP_OK ||
	    rep_compare(&cmp, ctx, c, (const char *const *)argv + i + 1, (size_t)(argc - i - 1), NULL, argv[2], &err) != REP_OK)
		goto fail;
	printf("%-16s %-8s %18s %4s %18s %s\n", "scheme", "eligible", "total", "cur", argv[2], "per day");
	for (size_t k = 0; k < rep_comparison_count(cmp); k++) {
		const rep_comparison_row *r = rep_comparison_row_at(cmp, k);
		if (!r->ok) { /* one scheme failing (a missing rate, say) does not stop the others */
			printf("%-16s error: %s\n", r->scheme, r->error);
			continue;
		}
		printf("%-16s %-8s %18s %4s %18s %s\n", r->scheme, r->eligible ? "yes" : "no", r->total, r->currency,
		       r->report_total ? r->report_total : "-", r->report_per_day ? r->report_per_day : "-");
	}
	rc = rep_comparison_failures(cmp) ? 1 : 0;
	goto out;
fail:
	fprintf(stderr, "%s\n", err.message);
out:
	rep_comparison_free(cmp);   /* frees its estimates too */
	rep_case_free(c);
	rep_context_free(ctx);
	free(text);
	return rc;
}
