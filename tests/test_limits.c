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

#include <malloc.h>
#if defined(__SANITIZE_ADDRESS__)
#define HAVE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HAVE_ASAN 1
#endif
#endif
#ifdef HAVE_ASAN
size_t __sanitizer_get_current_allocated_bytes(void);
#endif

/* Bytes the process has allocated and not freed. */
static size_t live_bytes(void)
{
#ifdef HAVE_ASAN
	return __sanitizer_get_current_allocated_bytes();
#else
	return mallinfo2().uordblks;
#endif
}

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

/* Nesting: 32 levels read (and the case reader then says what is wrong
 * with the value), 33 are refused by the JSON reader itself. */
static void t_nesting_depth(void **state)
{
	(void)state;
	rep_error err;
	for (int levels = 32; levels <= 33; levels++) {
		char b[256];
		int n = snprintf(b, sizeof b, "{\"id\":");
		for (int i = 1; i < levels; i++)
			b[n++] = '[';
		for (int i = 1; i < levels; i++)
			b[n++] = ']';
		n += snprintf(b + n, sizeof b - (size_t)n, ",\"currency\":\"EUR\"}");
		rep_status st = read(b, (size_t)n, &err);
		if (levels == 32) {
			assert_int_equal(st, REP_EINVAL);
			assert_string_equal(err.message, "id: expected a string, got an array");
		} else {
			assert_int_equal(st, REP_ELIMIT);
			assert_non_null(strstr(err.message, "nesting deeper than 32 levels"));
		}
	}
}

/* A decimal of exactly REP_DEC_MAX_CHARS characters reads; one more does not. */
static void t_decimal_length(void **state)
{
	(void)state;
	rep_error err;
	mpq_t q;
	mpq_init(q);
	char d[REP_DEC_MAX_CHARS + 2];
	memset(d, '0', sizeof d);
	d[0] = '1';
	d[1] = '.';
	d[REP_DEC_MAX_CHARS] = '\0';
	assert_int_equal(rep_dec_parse(q, d, &err), REP_OK);
	assert_int_equal(mpq_cmp_ui(q, 1, 1), 0);
	d[REP_DEC_MAX_CHARS] = '5';
	d[REP_DEC_MAX_CHARS + 1] = '\0';
	assert_int_equal(rep_dec_parse(q, d, &err), REP_ELIMIT);
	assert_non_null(strstr(err.message, "(longer than 100 characters)"));
	mpq_clear(q);
}

static rep_status read_harm(const char *harm, rep_error *err)
{
	char b[1024];
	int n = snprintf(b, sizeof b, "{\"id\":\"h\",\"currency\":\"EUR\",\"as_of\":\"2026-01-01\",\"harms\":[%s]}", harm);
	return read(b, (size_t)n, err);
}

/* Amounts: magnitudes 1e-30..1e30 and zero, in a case, with the field's path. */
static void t_amount_magnitude(void **state)
{
	(void)state;
	rep_error err;
	assert_int_equal(read_harm("{\"category\":\"property\",\"amount\":\"1e30\"}", &err), REP_OK);
	assert_int_equal(read_harm("{\"category\":\"property\",\"amount\":1E+30}", &err), REP_OK);
	assert_int_equal(read_harm("{\"category\":\"property\",\"amount\":\"0e999999999\"}", &err), REP_OK);
	assert_int_equal(read_harm("{\"category\":\"property\",\"amount\":\"1e-30\"}", &err), REP_OK);
	assert_int_equal(read_harm("{\"category\":\"property\",\"amount\":\"1000000000000000000000000000000.01\"}", &err),
			 REP_ERANGE);
	assert_string_equal(err.message, "harms[0].amount: \"1000000000000000000000000000000.01\" is not a decimal "
					 "number (magnitude outside 1e-30..1e+30)");
	assert_int_equal(read_harm("{\"category\":\"property\",\"amount\":1e-31}", &err), REP_ERANGE);
	assert_int_equal(read_harm("{\"category\":\"property\",\"amount\":\"1e999999999\"}", &err), REP_ERANGE);
	assert_int_equal(read_harm("{\"category\":\"property\",\"amount\":\"1e-999999999\"}", &err), REP_ERANGE);
}

/* Rates and terms: discount and growth above -1 and below 1 (fractions), at most 100 years. */
static void t_rates_and_years(void **state)
{
	(void)state;
	rep_error err;
	const char *ok[] = {
		"{\"category\":\"lost_earning_capacity\",\"annual\":\"1\",\"years\":\"100\",\"discount_rate\":\"-0.999999\"}",
		"{\"category\":\"lost_earning_capacity\",\"annual\":\"1\",\"years\":\"0.5\",\"growth\":\"-0.5\",\"discount_rate\":\"0.999999\"}",
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		if (read_harm(ok[i], &err))
			fail_msg("%s: %s", ok[i], err.message);
	assert_int_equal(read_harm("{\"category\":\"lost_earning_capacity\",\"annual\":\"1\",\"years\":\"100.000001\"}", &err),
			 REP_ERANGE);
	assert_string_equal(err.message, "harms[0].years: \"100.000001\" is more than 100 years");
	assert_int_equal(read_harm("{\"category\":\"lost_earning_capacity\",\"annual\":\"1\",\"years\":\"1\",\"discount_rate\":\"-1\"}",
				   &err),
			 REP_EINVAL);
	assert_non_null(strstr(err.message, "discount_rate: \"-1\" must be greater than -1"));
	assert_int_equal(read_harm("{\"category\":\"lost_earning_capacity\",\"annual\":\"1\",\"years\":\"1\",\"growth\":\"-2\"}", &err),
			 REP_EINVAL);
	assert_non_null(strstr(err.message, "growth: \"-2\" must be greater than -1"));
}

/* The largest amounts, over the longest period, give an exact total; a
 * present value beyond 1e60 is refused with REP_ERANGE and the harm's path. */
static void t_extreme_estimates(void **state)
{
	(void)state;
	rep_error err;
	rep_context *ctx;
	assert_int_equal(rep_context_new(&ctx, &err), REP_OK);
	size_t cap = 512 + REP_CASE_MAX_HARMS * 64;
	char *b = malloc(cap);
	size_t n = (size_t)snprintf(b, cap,
				    "{\"id\":\"x\",\"currency\":\"EUR\",\"as_of\":\"2199-12-31\","
				    "\"proceedings\":{\"outcome\":\"acquitted\",\"arbitrary_detention_finding\":true},"
				    "\"detentions\":[{\"kind\":\"prison\",\"start\":\"1900-01-01\",\"end\":\"2199-12-31\"}],\"harms\":[");
	for (int i = 0; i < REP_CASE_MAX_HARMS; i++)
		n += (size_t)snprintf(b + n, cap - n, "%s{\"category\":\"property\",\"amount\":\"1e30\"}", i ? "," : "");
	snprintf(b + n, cap - n, "]}");
	rep_case *c = NULL;
	assert_int_equal(rep_case_from_json(&c, b, strlen(b), &err), REP_OK);
	free(b);
	rep_estimate *e = NULL;
	if (rep_estimate_compute(&e, ctx, c, "intl-un", NULL, &err))
		fail_msg("%s", err.message);
	/* 1000 x 1e30 of property and 109,573 days at EUR 75 (the default benchmark) */
	assert_string_equal(rep_estimate_total(e), "1000000000000000000000000008217975.00");
	rep_estimate_free(e);
	rep_case_free(c);

	static const char pv[] =
		"{\"id\":\"pv\",\"currency\":\"EUR\",\"as_of\":\"2025-01-01\","
		"\"proceedings\":{\"outcome\":\"acquitted\",\"arbitrary_detention_finding\":true},"
		"\"harms\":[{\"category\":\"lost_earning_capacity\",\"annual\":\"1e30\",\"years\":\"100\","
		"\"discount_rate\":\"-0.99\"}]}";
	assert_int_equal(rep_case_from_json(&c, pv, sizeof pv - 1, &err), REP_OK);
	assert_int_equal(rep_estimate_compute(&e, ctx, c, "intl-un", NULL, &err), REP_ERANGE);
	assert_null(e);
	assert_string_equal(err.message, "harms[0]: result is beyond 1e60 in magnitude");
	rep_case_free(c);
	rep_context_free(ctx);

	mpq_t r, x, y;
	mpq_inits(r, x, y, NULL);
	mpq_set_ui(x, 10, 1);
	mpq_set_ui(y, 60, 1);
	assert_int_equal(rep_dec_pow(r, x, y, 2, REP_ROUND_HALF_UP, &err), REP_OK);
	mpq_set_ui(y, 61, 1);
	assert_int_equal(rep_dec_pow(r, x, y, 2, REP_ROUND_HALF_UP, &err), REP_ERANGE);
	mpq_clears(r, x, y, NULL);
}

/* Options: 1,024 assignments in one set. */
static void t_options(void **state)
{
	(void)state;
	rep_error err;
	rep_options *o;
	assert_int_equal(rep_options_new(&o), REP_OK);
	char a[64];
	for (int i = 0; i < 1024; i++) {
		snprintf(a, sizeof a, "s%d.n=1", i);
		assert_int_equal(rep_options_add(o, a, &err), REP_OK);
	}
	assert_int_equal(rep_options_add(o, "s1024.n=1", &err), REP_ELIMIT);
	assert_string_equal(err.message, "more than 1024 options");
	rep_options_free(o);
}

/* Reference series: 100,000 points in one file, 16 MiB of text, 4,096-byte fields. */
static void t_series(void **state)
{
	(void)state;
	rep_error err;
	rep_context *ctx;
	assert_int_equal(rep_context_new(&ctx, &err), REP_OK);
	size_t cap = 256 + 100001 * 32;
	char *b = malloc(cap);
	for (int points = 100000; points <= 100001; points++) {
		size_t n = (size_t)snprintf(b, cap, "# id: L.X\n# name: x\n# unit: index\n# until: 2199-12-31\n"
						    "from,value,confidence,source\n");
		for (int i = 0; i < points; i++) {
			char d[REP_DATE_TEXT_SIZE];
			rep_date_format(REP_DATE_MIN + i, d);
			n += (size_t)snprintf(b + n, cap - n, "%s,%d,verified,s\n", d, i % 1000 + 1);
		}
		rep_status st = rep_context_load_series(ctx, b, n, "csv", &err);
		if (points == 100000 && st)
			fail_msg("%s", err.message);
		if (points == 100001) {
			assert_int_equal(st, REP_ELIMIT);
			assert_string_equal(err.message, "line 100006: more than 100000 points in one file");
		}
	}
	free(b);
	size_t len = (16u << 20) + 1;
	b = malloc(len);
	memset(b, '\n', len);
	assert_int_equal(rep_context_load_series(ctx, b, len, "csv", &err), REP_ELIMIT);
	assert_string_equal(err.message, "series text of 16777217 bytes exceeds the limit of 16777216 bytes");
	assert_int_equal(rep_context_load_series(ctx, b, len, "json", &err), REP_ELIMIT);
	free(b);
	b = malloc(8192);
	int n = snprintf(b, 8192, "# id: L.Y\n# unit: index\n# until: 2000-01-01\nfrom,value,confidence,source\n2000-01-01,1,verified,");
	memset(b + n, 's', 4097);
	n += 4097;
	b[n++] = '\n';
	assert_int_equal(rep_context_load_series(ctx, b, (size_t)n, "csv", &err), REP_ELIMIT);
	assert_string_equal(err.message, "line 5: source longer than 4096 bytes");
	free(b);
	rep_context_free(ctx);
}

/* Scheme files: at most 64 entries in a list. */
static void t_scheme_lists(void **state)
{
	(void)state;
	rep_error err;
	rep_context *ctx;
	assert_int_equal(rep_context_new(&ctx, &err), REP_OK);
	char *b = malloc(8192);
	for (int k = 64; k <= 65; k++) {
		int n = snprintf(b, 8192, "{\"id\":\"lim\",\"name\":\"n\",\"citations\":[");
		for (int i = 0; i < k; i++)
			n += snprintf(b + n, 8192 - (size_t)n, "%s{\"instrument\":\"i%d\"}", i ? "," : "", i);
		n += snprintf(b + n, 8192 - (size_t)n, "]}");
		rep_status st = rep_context_load_scheme(ctx, b, (size_t)n, &err);
		if (k == 64 && st)
			fail_msg("%s", err.message);
		if (k == 65) {
			assert_int_equal(st, REP_ELIMIT);
			assert_string_equal(err.message, "citations: 65 entries exceed the limit of 64");
		}
	}
	free(b);
	rep_context_free(ctx);
}

/* The JSON tree is bounded while it is built: 100,000 elements in an array,
 * and 16 times the input's bytes (+64 KiB) in all; 16 MiB of "[0,0,...]"
 * used to take 812 MB before being refused. */
static char *array_of_zeros(size_t n, size_t width, size_t *len)
{
	size_t cap = n * (width + 1) + 16, k = 0;
	char *b = malloc(cap);
	b[k++] = '[';
	for (size_t i = 0; i < n; i++)
		k += (size_t)snprintf(b + k, cap - k, "%s%-*s", i ? "," : "", (int)width, "0");
	b[k++] = ']';
	*len = k;
	return b;
}

static void t_json_tree_bounds(void **state)
{
	(void)state;
	rep_error err;
	size_t len;
	/* one element past the array limit, with room to spare in the size bound
	 * (8 bytes an element, a node costs 96) */
	char *b = array_of_zeros(100001, 7, &len);
	assert_int_equal(read(b, len, &err), REP_ELIMIT);
	assert_string_equal(err.message, "[100000]: more than 100000 elements in one array");
	free(b);
	/* at the array limit the tree is built, and the case reader wants an object */
	b = array_of_zeros(100000, 7, &len);
	assert_int_equal(read(b, len, &err), REP_EINVAL);
	assert_null(strstr(err.message, "times the input"));
	assert_null(strstr(err.message, "elements"));
	free(b);
	/* compact, 2 bytes an element: 200,000 bytes may take 16 x 200,001 + 65,536
	 * = 3,265,552 bytes, 100,000 nodes take 9.6 MB: refused on the way */
	b = array_of_zeros(100000, 1, &len);
	assert_int_equal(read(b, len, &err), REP_ELIMIT);
	assert_non_null(strstr(err.message, "the JSON tree would take more than 16 times the input's size"));
	free(b);
}

/* An escaped lone surrogate used to become '?': refused, naming the path. */
static void t_lone_surrogate(void **state)
{
	(void)state;
	rep_error err;
	static const char *const bad[] = {"{\"id\":\"a\\ud800b\"}", "{\"id\":\"\\udc00\"}",
					  "{\"id\":\"\\ud800\\u0041\"}", "{\"id\":\"x\",\"note\":\"ok \\\\ud800 \\ud800\"}",
					  "{\"a\\uDBFF\":1}"};
	static const char *const where[] = {"id: ", "id: ", "id: ", "note: ", "[\"a?\"]: "};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(read(bad[i], strlen(bad[i]), &err), REP_ESYNTAX);
		if (strncmp(err.message, where[i], strlen(where[i])) != 0 || !strstr(err.message, "lone UTF-16 surrogate"))
			fail_msg("%s: %s", bad[i], err.message);
	}
	/* a pair is one character (U+1F600), and "\\ud800" escaped as text is no escape */
	const char *ok = "{\"id\":\"\\ud83d\\ude00 \\\\ud800\",\"currency\":\"EUR\",\"as_of\":\"2026-03-01\","
			 "\"detentions\":[],\"harms\":[]}";
	rep_case *c = NULL;
	if (rep_case_from_json(&c, ok, strlen(ok), &err))
		fail_msg("%s", err.message);
	assert_string_equal(rep_case_id(c), "\xf0\x9f\x98\x80 \\ud800");
	rep_case_free(c);
}

/* One estimate holds at most 20 times its case's JSON text (docs/hardening.md):
 * a 5 MB case of 1,000 harms with 4,000-byte descriptions and 300 detentions
 * with 3,000-byte notes, under intl-un, whose range computes the lines again
 * for every benchmark (those passes used to keep their strings: 26 x). */
static void t_estimate_memory(void **state)
{
	(void)state;
	size_t cap = 6u << 20, n = 0;
	char *b = malloc(cap), note[3001], desc[4001];
	memset(note, 'x', 3000);
	note[3000] = '\0';
	for (int i = 0; i < 2000; i++)
		memcpy(desc + 2 * i, "\xd0\xb6", 2); /* Cyrillic: 2 bytes a character */
	desc[4000] = '\0';
	n += (size_t)snprintf(b + n, cap - n, "{\"id\":\"m\",\"currency\":\"EUR\",\"as_of\":\"2026-03-01\",\"proceedings\":"
				      "{\"kind\":\"criminal\",\"outcome\":\"acquitted\",\"decision_date\":\"2023-05-02\"},\"detentions\":[");
	for (int i = 0; i < 300; i++) {
		char d[REP_DATE_TEXT_SIZE];
		rep_date_format(18900 + 2 * i, d);
		n += (size_t)snprintf(b + n, cap - n, "%s{\"kind\":\"prison\",\"start\":\"%s\",\"end\":\"%s\",\"note\":\"%s\"}",
				      i ? "," : "", d, d, note);
	}
	n += (size_t)snprintf(b + n, cap - n, "],\"harms\":[");
	for (int i = 0; i < 1000; i++)
		n += (size_t)snprintf(b + n, cap - n, "%s{\"category\":\"legal_costs\",\"amount\":\"100\",\"date\":\"2023-01-05\","
						      "\"description\":\"%s\"}",
				      i ? "," : "", desc);
	n += (size_t)snprintf(b + n, cap - n, "]}");
	rep_error err;
	rep_context *ctx;
	assert_int_equal(rep_context_new(&ctx, &err), REP_OK);
	rep_case *c = NULL;
	if (rep_case_from_json(&c, b, n, &err))
		fail_msg("%s", err.message);
	static const char *const schemes[] = {"intl-un", "echr", "de-streg"};
	for (size_t k = 0; k < sizeof schemes / sizeof schemes[0]; k++) {
		size_t before = live_bytes();
		rep_estimate *e = NULL;
		if (rep_estimate_compute(&e, ctx, c, schemes[k], NULL, &err))
			fail_msg("%s: %s", schemes[k], err.message);
		size_t used = live_bytes() - before;
		print_message("# %s: one estimate of a %zu-byte case holds %zu bytes (%.1f x)\n", schemes[k], n, used,
			      (double)used / (double)n);
		assert_true(used <= 20 * n);
		rep_estimate_free(e);
	}
	rep_case_free(c);
	rep_context_free(ctx);
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_estimate_memory),
		cmocka_unit_test(t_json_tree_bounds), cmocka_unit_test(t_lone_surrogate),
		cmocka_unit_test(t_detentions_and_harms), cmocka_unit_test(t_string_length),
		cmocka_unit_test(t_json_size), cmocka_unit_test(t_keys_per_object), cmocka_unit_test(t_magnitudes),
		cmocka_unit_test(t_nesting_depth), cmocka_unit_test(t_decimal_length), cmocka_unit_test(t_amount_magnitude),
		cmocka_unit_test(t_rates_and_years), cmocka_unit_test(t_extreme_estimates), cmocka_unit_test(t_options),
		cmocka_unit_test(t_series), cmocka_unit_test(t_scheme_lists),
	};
	return cmocka_run_group_tests_name("limits", tests, NULL, NULL);
}
