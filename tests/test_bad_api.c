/* The catalogue of hostile inputs in tests/bad/, through the C API: every
 * input must fail with a status other than REP_OK and a message matching
 * the expected pattern (POSIX extended regex), and never crash or leak. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <dirent.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reparations.h"

static const char *bad_dir;

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	size_t got;
	while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			char *nb = realloc(buf, cap *= 2);
			if (!nb)
				free(buf);
			buf = nb;
		}
	}
	fclose(f);
	*len = n;
	return buf;
}

/* Value of "key: value" in the .expect text, copied into out. */
static int field(const char *text, const char *key, char *out, size_t size)
{
	size_t kl = strlen(key);
	for (const char *p = text; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
		if (strncmp(p, key, kl) == 0 && p[kl] == ':' && p[kl + 1] == ' ') {
			const char *v = p + kl + 2, *e = strchr(v, '\n');
			size_t n = e ? (size_t)(e - v) : strlen(v);
			if (n >= size)
				n = size - 1;
			memcpy(out, v, n);
			out[n] = '\0';
			return 1;
		}
	}
	return 0;
}

/* Run one input the way its kind says; return the status and fill err. */
static rep_status run_one(const char *kind, const char *scheme, const char *option, const char *ext, const char *data,
			  size_t len, rep_error *err)
{
	rep_context *ctx = NULL;
	rep_status st = rep_context_new(&ctx, err);
	if (st)
		return st;
	if (strcmp(kind, "series") == 0) {
		st = rep_context_load_series(ctx, data, len, ext, err);
	} else if (strcmp(kind, "scheme") == 0) {
		st = rep_context_load_scheme(ctx, data, len, err);
	} else {
		rep_case *c = NULL;
		rep_options *o = NULL;
		rep_estimate *e = NULL;
		st = rep_case_from_json(&c, data, len, err);
		if (st == REP_OK && (st = rep_options_new(&o)) == REP_OK && (!option[0] || (st = rep_options_add(o, option, err)) == REP_OK))
			st = rep_estimate_compute(&e, ctx, c, scheme, o, err);
		rep_estimate_free(e);
		rep_options_free(o);
		rep_case_free(c);
	}
	rep_context_free(ctx);
	return st;
}

static void t_catalogue(void **state)
{
	(void)state;
	DIR *d = opendir(bad_dir);
	assert_non_null(d);
	struct dirent *de;
	int checked = 0;
	while ((de = readdir(d))) {
		size_t nl = strlen(de->d_name);
		if (nl < 8 || strcmp(de->d_name + nl - 7, ".expect") != 0)
			continue;
		char stem[512], path[1024], kind[32] = "case", scheme[64] = "kz-cpc", option[128] = "", message[512];
		snprintf(stem, sizeof stem, "%.*s", (int)(nl - 7), de->d_name);
		snprintf(path, sizeof path, "%s/%s", bad_dir, de->d_name);
		size_t el;
		char *expect = slurp(path, &el);
		assert_non_null(expect);
		expect = realloc(expect, el + 1);
		expect[el] = '\0';
		field(expect, "kind", kind, sizeof kind);
		field(expect, "scheme", scheme, sizeof scheme);
		field(expect, "option", option, sizeof option);
		assert_true(field(expect, "message", message, sizeof message));
		free(expect);
		const char *ext = strcmp(kind, "series") == 0 ? "csv" : "json";
		snprintf(path, sizeof path, "%s/%s.%s", bad_dir, stem, ext);
		size_t len;
		char *data = slurp(path, &len);
		if (!data && strcmp(kind, "series") == 0) {
			ext = "json";
			snprintf(path, sizeof path, "%s/%s.%s", bad_dir, stem, ext);
			data = slurp(path, &len);
		}
		assert_non_null(data);
		rep_error err;
		rep_error_clear(&err);
		rep_status st = run_one(kind, scheme, option, ext, data, len, &err);
		free(data);
		if (st == REP_OK)
			fail_msg("%s: accepted", stem);
		regex_t re;
		assert_int_equal(regcomp(&re, message, REG_EXTENDED | REG_NOSUB), 0);
		if (regexec(&re, err.message, 0, NULL, 0) != 0)
			fail_msg("%s: message \"%s\" does not match /%s/", stem, err.message, message);
		regfree(&re);
		checked++;
	}
	closedir(d);
	printf("# hostile inputs checked through the C API: %d\n", checked);
	assert_true(checked >= 60);
}

int main(int argc, char **argv)
{
	bad_dir = argc > 1 ? argv[1] : getenv("REP_BAD_DIR");
	if (!bad_dir)
		bad_dir = "tests/bad";
	const struct CMUnitTest tests[] = {cmocka_unit_test(t_catalogue)};
	return cmocka_run_group_tests_name("bad_api", tests, NULL, NULL);
}
