/* Properties the fuzz harnesses check on every accepted input, beyond "no
 * crash": a violation aborts, and libFuzzer saves the input as a crash.
 *   - every output is valid UTF-8 (RFC 3629: no overlong forms, surrogates);
 *   - the lines of an estimate add up to its total, and the pecuniary and
 *     non-pecuniary totals to the total;
 *   - the JSON rendering parses and agrees with the C accessors (scheme,
 *     total, number of lines, each line's amount);
 *   - an estimate computed on another thread renders identically. */
#ifndef REP_FUZZ_PROPS_H
#define REP_FUZZ_PROPS_H

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yajl/yajl_tree.h>

#include "reparations.h"

#define PROP(cond, ...)                                                                                                \
	do {                                                                                                           \
		if (!(cond)) {                                                                                         \
			fprintf(stderr, "property violated: " __VA_ARGS__);                                            \
			fputc('\n', stderr);                                                                           \
			abort();                                                                                       \
		}                                                                                                      \
	} while (0)

static inline bool prop_utf8(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		unsigned c = p[i];
		size_t len;
		unsigned cp, min;
		if (c < 0x80) {
			i++;
			continue;
		}
		if ((c & 0xE0) == 0xC0)
			len = 2, cp = c & 0x1F, min = 0x80;
		else if ((c & 0xF0) == 0xE0)
			len = 3, cp = c & 0x0F, min = 0x800;
		else if ((c & 0xF8) == 0xF0)
			len = 4, cp = c & 0x07, min = 0x10000;
		else
			return false;
		if (n - i < len)
			return false;
		for (size_t k = 1; k < len; k++) {
			if ((p[i + k] & 0xC0) != 0x80)
				return false;
			cp = (cp << 6) | (p[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return false;
		i += len;
	}
	return true;
}

static inline void prop_text(const char *what, const char *s, size_t n)
{
	PROP(prop_utf8(s, n), "%s: invalid UTF-8 in the output", what);
}

static inline void prop_sum(mpq_t acc, const char *amount, const char *what)
{
	mpq_t x;
	mpq_init(x);
	PROP(amount && rep_dec_parse(x, amount, NULL) == REP_OK, "%s: amount \"%s\" is not a decimal", what,
	     amount ? amount : "(null)");
	mpq_add(acc, acc, x);
	mpq_clear(x);
}

/* Lines add up to the total; pecuniary + non-pecuniary = total. */
static inline void prop_estimate_sums(const rep_estimate *e)
{
	mpq_t lines, total, parts;
	mpq_inits(lines, total, parts, NULL);
	for (size_t i = 0; i < rep_estimate_line_count(e); i++)
		prop_sum(lines, rep_estimate_line(e, i)->amount, "line");
	prop_sum(total, rep_estimate_total(e), "total");
	prop_sum(parts, rep_estimate_total_pecuniary(e), "total_pecuniary");
	prop_sum(parts, rep_estimate_total_non_pecuniary(e), "total_non_pecuniary");
	PROP(mpq_equal(lines, total), "%s: the lines do not add up to the total %s", rep_estimate_scheme(e),
	     rep_estimate_total(e));
	PROP(mpq_equal(parts, total), "%s: pecuniary + non-pecuniary is not the total", rep_estimate_scheme(e));
	mpq_clears(lines, total, parts, NULL);
}

static inline const char *prop_json_string(yajl_val v, const char *key)
{
	const char *path[] = {key, NULL};
	yajl_val s = yajl_tree_get(v, path, yajl_t_string);
	return s ? YAJL_GET_STRING(s) : NULL;
}

/* The JSON rendering of es[0..n) parses and agrees with the accessors. */
static inline void prop_json_agrees(const char *json, const rep_estimate *const *es, size_t n)
{
	char errbuf[256];
	yajl_val root = yajl_tree_parse(json, errbuf, sizeof errbuf);
	PROP(root, "the JSON output does not parse: %s", errbuf);
	const char *path[] = {"estimates", NULL};
	yajl_val arr = yajl_tree_get(root, path, yajl_t_array);
	PROP(arr && YAJL_GET_ARRAY(arr)->len == n, "JSON: %zu estimates expected", n);
	for (size_t i = 0; i < n; i++) {
		yajl_val e = YAJL_GET_ARRAY(arr)->values[i];
		const char *scheme = prop_json_string(e, "scheme"), *total = prop_json_string(e, "total");
		PROP(scheme && strcmp(scheme, rep_estimate_scheme(es[i])) == 0, "JSON: scheme of estimate %zu", i);
		PROP(total && strcmp(total, rep_estimate_total(es[i])) == 0, "JSON: %s total %s, the accessor says %s",
		     scheme, total ? total : "(none)", rep_estimate_total(es[i]));
		const char *lp[] = {"lines", NULL};
		yajl_val lines = yajl_tree_get(e, lp, yajl_t_array);
		PROP(lines && YAJL_GET_ARRAY(lines)->len == rep_estimate_line_count(es[i]), "JSON: %s line count", scheme);
		for (size_t k = 0; k < rep_estimate_line_count(es[i]); k++) {
			const char *a = prop_json_string(YAJL_GET_ARRAY(lines)->values[k], "amount");
			PROP(a && strcmp(a, rep_estimate_line(es[i], k)->amount) == 0, "JSON: %s line %zu amount", scheme, k);
		}
	}
	yajl_tree_free(root);
}

typedef struct prop_job {
	const rep_context *ctx;
	const rep_case *c;
	const char *scheme;
	const rep_options *opts;
	char *json; /* the rendering, or NULL if the estimate failed */
} prop_job;

static inline void *prop_run(void *arg)
{
	prop_job *j = arg;
	rep_error err;
	rep_estimate *e = NULL;
	j->json = NULL;
	if (rep_estimate_compute(&e, j->ctx, j->c, j->scheme, j->opts, &err) == REP_OK)
		rep_estimates_render(&j->json, NULL, "t", (const rep_estimate *const *)&e, 1, REP_FORMAT_JSON, &err);
	rep_estimate_free(e);
	return NULL;
}

/* The same estimate on this thread and on another renders identically. */
static inline void prop_same_across_threads(const rep_context *ctx, const rep_case *c, const char *scheme,
					    const rep_options *opts)
{
	prop_job here = {ctx, c, scheme, opts, NULL}, there = here;
	pthread_t t;
	PROP(pthread_create(&t, NULL, prop_run, &there) == 0, "pthread_create");
	prop_run(&here);
	pthread_join(t, NULL);
	PROP((here.json == NULL) == (there.json == NULL) && (!here.json || strcmp(here.json, there.json) == 0),
	     "%s: the estimate differs between two threads", scheme);
	free(here.json);
	free(there.json);
}

#endif
