/* The documented limits (docs/hardening.md): at the limit an input is
 * accepted, one past it is refused with REP_ELIMIT (or REP_ERANGE for
 * magnitudes) and a message that says which limit. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reparations.h"

static rep_status read(const char *json, size_t len, rep_error *err)
{
	rep_case *c = NULL;
	rep_status st = rep_case_from_json(&c, json, len, err);
	rep_case_free(c);
	return st;
}

/* A case with n detentions (one day each) or n harms. */
static char *case_with(int detentions, int harms)
{
	size_t cap = 256 + (size_t)(detentions + harms) * 96;
	char *b = malloc(cap);
	size_t n = (size_t)snprintf(b, cap, "{\"id\":\"l\",\"currency\":\"EUR\",\"as_of\":\"2026-03-01\",\"detentions\":[");
	for (int i = 0; i < detentions; i++) {
		rep_date d = 10000 + i;
		char s[REP_DATE_TEXT_SIZE];
		rep_date_format(d, s);
		n += (size_t)snprintf(b + n, cap - n, "%s{\"kind\":\"prison\",\"start\":\"%s\",\"end\":\"%s\"}", i ? "," : "", s, s);
	}
	n += (size_t)snprintf(b + n, cap - n, "],\"harms\":[");
	for (int i = 0; i < harms; i++)
		n += (size_t)snprintf(b + n, cap - n, "%s{\"category\":\"other_expenses\",\"amount\":\"1\"}", i ? "," : "");
	snprintf(b + n, cap - n, "]}");
	return b;
}

static void t_detentions_and_harms(void **state)
{
	(void)state;
	rep_error err;
	char *ok = case_with(REP_CASE_MAX_DETENTIONS, REP_CASE_MAX_HARMS);
	assert_int_equal(read(ok, strlen(ok), &err), REP_OK);
	free(ok);
	char *d = case_with(REP_CASE_MAX_DETENTIONS + 1, 0);
	assert_int_equal(read(d, strlen(d), &err), REP_ELIMIT);
	assert_string_equal(err.message, "detentions: 1001 entries exceed the limit of 1000");
	free(d);
	char *h = case_with(0, REP_CASE_MAX_HARMS + 1);
	assert_int_equal(read(h, strlen(h), &err), REP_ELIMIT);
	assert_string_equal(err.message, "harms: 1001 entries exceed the limit of 1000");
	free(h);
}

static void t_string_length(void **state)
{
	(void)state;
	rep_error err;
	char *b = malloc(REP_CASE_MAX_STRING + 64);
	for (int extra = 0; extra < 2; extra++) {
		int n = snprintf(b, 32, "{\"id\":\"");
		memset(b + n, 'x', REP_CASE_MAX_STRING + (size_t)extra);
		n += REP_CASE_MAX_STRING + extra;
		n += snprintf(b + n, 32, "\",\"currency\":\"EUR\"}");
		rep_status st = read(b, (size_t)n, &err);
		assert_int_equal(st, extra ? REP_ELIMIT : REP_OK);
		if (extra)
			assert_string_equal(err.message, "id: string longer than 4096 bytes");
	}
	free(b);
}

static void t_json_size(void **state)
{
	(void)state;
	rep_error err;
	size_t len = (16u << 20) + 1;
	char *b = malloc(len);
	memset(b, ' ', len);
	memcpy(b, "{\"id\":\"x\",\"currency\":\"EUR\"}", 27);
	assert_int_equal(read(b, len, &err), REP_ELIMIT);
	assert_string_equal(err.message, "JSON text of 16777217 bytes exceeds the limit of 16777216 bytes");
	/* exactly at the limit: padding is whitespace, so it reads */
	assert_int_equal(read(b, len - 1, &err), REP_OK);
	free(b);
}

static void t_keys_per_object(void **state)
{
	(void)state;
	rep_error err;
	size_t cap = 1002 * 16 + 64;
	char *b = malloc(cap);
	size_t n = (size_t)snprintf(b, cap, "{\"id\":{");
	for (int i = 0; i < 1001; i++)
		n += (size_t)snprintf(b + n, cap - n, "%s\"k%d\":1", i ? "," : "", i);
	snprintf(b + n, cap - n, "}}");
	assert_int_equal(read(b, strlen(b), &err), REP_ELIMIT);
	assert_string_equal(err.message, "id.k1000: more than 1000 keys in one object");
	free(b);
}

static void t_magnitudes(void **state)
{
	(void)state;
	mpq_t q;
	mpq_init(q);
	rep_error err;
	assert_int_equal(rep_dec_parse(q, "1e30", &err), REP_OK);
	assert_int_equal(rep_dec_parse(q, "1e31", &err), REP_ERANGE);
	assert_int_equal(rep_dec_parse(q, "1e-30", &err), REP_OK);
	assert_int_equal(rep_dec_parse(q, "1e-31", &err), REP_ERANGE);
	char digits[REP_DEC_MAX_CHARS + 2];
	memset(digits, '1', sizeof digits - 1);
	digits[sizeof digits - 1] = '\0';
	assert_int_equal(rep_dec_parse(q, digits, &err), REP_ELIMIT);
	mpq_clear(q);
	rep_date d;
	assert_int_equal(rep_date_parse(&d, "1900-01-01", &err), REP_OK);
	assert_int_equal(rep_date_parse(&d, "2199-12-31", &err), REP_OK);
	assert_int_equal(rep_date_parse(&d, "1899-12-31", &err), REP_ERANGE);
	assert_int_equal(rep_date_parse(&d, "2200-01-01", &err), REP_ERANGE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_detentions_and_harms), cmocka_unit_test(t_string_length),
		cmocka_unit_test(t_json_size), cmocka_unit_test(t_keys_per_object), cmocka_unit_test(t_magnitudes),
	};
	return cmocka_run_group_tests_name("limits", tests, NULL, NULL);
}
