/* libFuzzer: decimal and date parsing, rounding and formatting. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "reparations.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	rep_error err;
	mpq_t q;
	mpq_init(q);
	if (rep_dec_parse_n(q, (const char *)data, size, &err) == REP_OK) {
		for (int mode = REP_ROUND_HALF_UP; mode <= REP_ROUND_CEILING; mode++) {
			char *s = rep_dec_format(q, 2, (rep_round)mode);
			free(s);
		}
		char *t = rep_dec_to_string(q);
		free(t);
		if (mpq_sgn(q) > 0 && mpq_cmp_ui(q, 1000, 1) < 0) {
			mpq_t r, e;
			mpq_inits(r, e, NULL);
			mpq_set_ui(e, 1, 2);
			rep_dec_pow(r, q, e, 6, REP_ROUND_HALF_EVEN, &err);
			rep_dec_log1p(r, q, 6, REP_ROUND_HALF_UP, &err);
			mpq_clears(r, e, NULL);
		}
	}
	mpq_clear(q);
	rep_date d;
	if (rep_date_parse_n(&d, (const char *)data, size, &err) == REP_OK) {
		char buf[REP_DATE_TEXT_SIZE];
		rep_date_format(d, buf);
		int32_t m, dd;
		rep_months_and_days(d, REP_DATE_MAX, &m, &dd);
	}
	return 0;
}
