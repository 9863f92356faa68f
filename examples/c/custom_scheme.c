/* custom_scheme: a scheme defined in JSON (docs/schemes.md), loaded into a
 * context beside the built-in ones, and a case estimated under it with an
 * option changed.
 *
 *   custom_scheme SCHEME.json CASE.json [NAME=VALUE ...]
 *
 * Build: cc custom_scheme.c $(pkg-config --cflags --libs reparations) */
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
	if (argc < 3) {
		fprintf(stderr, "usage: %s SCHEME.json CASE.json [NAME=VALUE ...]\n", argv[0]);
		return 2;
	}
	size_t slen, clen;
	char *stext = slurp(argv[1], &slen), *ctext = slurp(argv[2], &clen);
	rep_error err;
	rep_context *ctx = NULL;
	rep_case *c = NULL;
	rep_options *opts = NULL;
	rep_estimate *e = NULL;
	int rc = 2;
	if (!stext || !ctext) {
		fprintf(stderr, "cannot read %s\n", stext ? argv[2] : argv[1]);
		goto out;
	}
	if (rep_context_new(&ctx, &err) != REP_OK || rep_context_load_scheme(ctx, stext, slen, &err) != REP_OK) {
		fprintf(stderr, "%s: %s\n", argv[1], err.message); /* "tariffs[0].rate: ..." */
		goto out;
	}
	/* the id of the scheme just loaded: user schemes come after the built-in ones */
	const rep_scheme *s = rep_scheme_at(ctx, rep_scheme_count(ctx) - 1);
	const char *id = rep_scheme_id(s);
	printf("loaded %s: %s (%s)\n", id, rep_scheme_name(s), rep_scheme_status(s));
	for (size_t k = 0; k < rep_scheme_option_count(s); k++) {
		rep_option_info oi;
		rep_scheme_option_at(s, k, &oi);
		printf("  option %s = %s\n", oi.name, oi.default_value);
	}
	if (rep_options_new(&opts) != REP_OK)
		goto out;
	for (int i = 3; i < argc; i++) {
		char *eq = strchr(argv[i], '=');
		if (eq)
			*eq = '\0';
		if (!eq || rep_options_set(opts, id, argv[i], eq + 1, &err) != REP_OK) {
			fprintf(stderr, "%s: %s\n", argv[i], eq ? err.message : "expected NAME=VALUE");
			goto out;
		}
	}
	if (rep_case_from_json(&c, ctext, clen, &err) != REP_OK ||
	    rep_estimate_compute(&e, ctx, c, id, opts, &err) != REP_OK) {
		/* an option the scheme lacks is reported here: "did you mean ...?" */
		fprintf(stderr, "%s\n", err.message);
		goto out;
	}
	for (size_t i = 0; i < rep_estimate_line_count(e); i++) {
		const rep_line *l = rep_estimate_line(e, i);
		printf("%-40.40s %16s  (%s)\n", l->label, l->amount, l->formula);
	}
	printf("total: %s %s\n", rep_estimate_total(e), rep_estimate_currency(e));
	for (size_t i = 0; i < rep_estimate_option_count(e); i++) {
		const rep_option_value *o = rep_estimate_option(e, i);
		printf("option in force: %s=%s%s\n", o->name, o->value, o->user_set ? " (set)" : "");
	}
	rc = 0;
out:
	rep_estimate_free(e);
	rep_options_free(opts);
	rep_case_free(c);
	rep_context_free(ctx);
	free(stext);
	free(ctext);
	return rc;
}
