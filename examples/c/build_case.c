/* build_case: a case built field by field, as a legal-aid form would, saved
 * as a case file (which `reparations estimate` or rep_case_from_json reads
 * back) and estimated under the Kazakh criminal-procedure route.
 *
 *   build_case OUT.json
 *
 * Build: cc build_case.c $(pkg-config --cflags --libs reparations) */
#include <stdio.h>
#include <stdlib.h>

#include <reparations.h>

/* The form's fields would come from the user; each setter checks its value. */
static rep_status build(rep_case *c, rep_error *err)
{
	rep_status st;
	rep_date start, end, decision, as_of, paid;
	if ((st = rep_date_parse(&start, "2022-01-06", err)) || (st = rep_date_parse(&end, "2022-07-05", err)) ||
	    (st = rep_date_parse(&decision, "2022-07-05", err)) || (st = rep_date_parse(&as_of, "2026-03-01", err)) ||
	    (st = rep_date_parse(&paid, "2022-03-01", err)))
		return st;
	if ((st = rep_case_set_id(c, "form-0042", err)) || (st = rep_case_set_currency(c, "KZT", err)) ||
	    (st = rep_case_set_description(c, "Detained after the January 2022 protests; acquitted on appeal.", err)))
		return st;
	rep_case_set_as_of(c, as_of);
	rep_case_set_proceedings(c, REP_PROC_CRIMINAL, REP_OUT_ACQUITTED, decision, 0);
	if ((st = rep_case_add_detention(c, REP_DET_PRETRIAL_CUSTODY, start, end, err)) ||
	    (st = rep_case_set_detention_note(c, 0, "SIZO, Almaty", err)))
		return st;
	/* set every date of a harm: REP_DATE_NONE means "absent" */
	rep_harm legal = {.category = REP_HARM_LEGAL_COSTS, .amount = "600000", .date = paid,
			  .start = REP_DATE_NONE, .end = REP_DATE_NONE, .description = "defence lawyer's fees"};
	if ((st = rep_case_add_harm(c, &legal, err)))
		return st;
	return rep_case_validate(c, err);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s OUT.json\n", argv[0]);
		return 2;
	}
	rep_error err;
	rep_case *c = NULL;
	rep_context *ctx = NULL;
	rep_estimate *e = NULL;
	char *json = NULL;
	size_t len;
	int rc = 2;
	if (rep_case_new(&c) != REP_OK)
		return 1;
	if (build(c, &err) != REP_OK || rep_case_to_json(&json, &len, c, &err) != REP_OK) {
		fprintf(stderr, "%s\n", err.message);
		goto out;
	}
	FILE *f = fopen(argv[1], "wb");
	if (!f || fwrite(json, 1, len, f) != len || fclose(f) != 0) {
		perror(argv[1]);
		goto out;
	}
	printf("saved %s (%zu bytes)\n", argv[1], len);
	if (rep_context_new(&ctx, &err) != REP_OK || rep_estimate_compute(&e, ctx, c, "kz-cpc", NULL, &err) != REP_OK) {
		fprintf(stderr, "%s\n", err.message);
		goto out;
	}
	printf("%s: %ld days, total %s %s\n", rep_estimate_scheme(e), rep_estimate_days(e), rep_estimate_total(e),
	       rep_estimate_currency(e));
	rc = 0;
out:
	rep_estimate_free(e);
	rep_context_free(ctx);
	free(json); /* the library's texts are freed with free() */
	rep_case_free(c);
	return rc;
}
