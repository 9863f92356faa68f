/* estimate_case: one case file under one scheme, every line with its basis.
 *
 *   estimate_case CASE.json SCHEME
 *
 * Build: cc estimate_case.c $(pkg-config --cflags --libs reparations) */
#include <stdio.h>
#include <stdlib.h>

#include <reparations.h>

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = NULL;
	size_t cap = 0, n = 0, got;
	do {
		if (n == cap) {
			char *nb = realloc(buf, cap = cap ? 2 * cap : 65536);
			if (!nb) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = nb;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	fclose(f);
	*len = n;
	return buf;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: %s CASE.json SCHEME\n", argv[0]);
		return 2;
	}
	size_t len;
	char *text = slurp(argv[1], &len);
	if (!text) {
		perror(argv[1]);
		return 2;
	}
	rep_error err;               /* caller-owned: no global "last error" */
	rep_context *ctx = NULL;
	rep_case *c = NULL;
	rep_estimate *e = NULL;
	int rc = 2;
	if (rep_context_new(&ctx, &err) != REP_OK ||
	    rep_case_from_json(&c, text, len, &err) != REP_OK ||
	    rep_estimate_compute(&e, ctx, c, argv[2], NULL, &err) != REP_OK) {
		/* err.message names the JSON path: "harms[0].amount: ..." */
		fprintf(stderr, "%s: %s (%s)\n", argv[1], err.message, rep_status_name(err.status));
		goto out;
	}
	printf("%s under %s, valued at %s\n", rep_case_id(c), rep_estimate_scheme(e), rep_estimate_as_of(e));
	printf("eligible: %s\n", rep_estimate_eligible(e) ? "yes" : "no");
	for (size_t i = 0; i < rep_estimate_finding_count(e); i++) {
		const rep_finding *f = rep_estimate_finding(e, i);
		if (f->bars)
			printf("barred: %s [%s]\n", f->text, f->basis);
	}
	for (size_t i = 0; i < rep_estimate_line_count(e); i++) {
		const rep_line *l = rep_estimate_line(e, i);
		printf("%2zu. %-50.50s %16s\n    basis: %s\n", i + 1, l->label, l->amount, l->basis);
	}
	printf("total: %s %s\n", rep_estimate_total(e), rep_estimate_currency(e));
	const char *low, *high, *uses;
	if (rep_estimate_range(e, &low, &high, &uses))
		printf("range: %s .. %s (total uses %s)\n", low, high, uses);
	for (size_t i = 0; i < rep_estimate_warning_count(e); i++)
		printf("warning: %s\n", rep_estimate_warning(e, i));
	for (size_t i = 0; i < rep_estimate_citation_count(e); i++) {
		rep_citation ci;
		rep_estimate_citation_at(e, i, &ci);
		printf("cites: %s%s%s\n", ci.instrument, ci.article ? ", " : "", ci.article ? ci.article : "");
	}
	rc = 0;
out:
	rep_estimate_free(e);        /* every _free accepts NULL */
	rep_case_free(c);
	rep_context_free(ctx);
	free(text);
	return rc;
}
