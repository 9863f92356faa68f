/* rep_estimate_eval against rep_estimate_compute: an evaluation with
 * REP_DETAIL_FULL into a reused estimate must read exactly like a fresh
 * rep_estimate_compute, and one with REP_DETAIL_TOTALS must give the same
 * figures and the same line identities with the other words left "". Batches
 * and sweeps print totals from the TOTALS path, renderers print the FULL one:
 * any drift between them would be two answers to one question, so the
 * comparison runs over every golden case and a seeded synthetic caseload,
 * under every built-in scheme, with default and non-default options.
 *
 * Mismatches are tallied, not asserted one by one, so a failing run names
 * every field that drifts (and the first case and scheme where it does)
 * instead of stopping at the first. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <dirent.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "reparations.h"

static rep_context *ctx;
/* Non-default options, so the indexation, interest, benchmark and annuity
 * paths are compared too, not only what the defaults reach. */
static rep_options *opts_a, *opts_b;

static const char *const options_a[] = {
	"kz-cpc.indexation=cpi", "kz-cpc.moral_benchmark_per_day=9100", "kz-admin.indexation=mci",
	"kz-reform.indexation=wage", "kz-reform.moral_per_day=5000", "intl-un.indexation=interest",
	"intl-un.interest_rate=5", "intl-un.moral_benchmark=echr", "echr.days_late=45", "echr.non_pecuniary=12000",
	"us-tx.annuity_years=20", "jp-cca.daily_rate=10000", "nl-lovs.restrictions=all",
	"nz-guidelines.annual_rate=150000",
};
static const char *const options_b[] = {
	"kz-cpc.indexation=mci", "kz-admin.indexation=wage", "kz-reform.indexation=nominal",
	"intl-un.indexation=cpi", "intl-un.moral_benchmark=user", "intl-un.moral_per_day=50",
	"us-tx.annuity_years=7.5", "jp-cca.daily_rate=1000",
};

static rep_options *options_from(const char *const *list, size_t n)
{
	rep_options *o = NULL;
	rep_error err;
	if (rep_options_new(&o) != REP_OK)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (rep_options_add(o, list[i], &err) != REP_OK) {
			fprintf(stderr, "option %s: %s\n", list[i], err.message);
			rep_options_free(o);
			return NULL;
		}
	/* a typo would make every evaluation fail alike and the comparison vacuous */
	if (rep_options_check(o, ctx, &err) != REP_OK) {
		fprintf(stderr, "options: %s\n", err.message);
		rep_options_free(o);
		return NULL;
	}
	return o;
}

static int setup(void **state)
{
	(void)state;
	rep_error err;
	if (rep_context_new(&ctx, &err) != REP_OK)
		return -1;
	opts_a = options_from(options_a, sizeof options_a / sizeof *options_a);
	opts_b = options_from(options_b, sizeof options_b / sizeof *options_b);
	return opts_a && opts_b ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	rep_options_free(opts_a);
	rep_options_free(opts_b);
	rep_context_free(ctx);
	return 0;
}

/* ---- the tally ---- */

#define MAX_KINDS 64

typedef struct tally {
	size_t evals;      /* case x scheme x option-set triples compared */
	size_t ok, failed; /* of those, how many evaluated and how many failed alike */
	size_t ineligible;
	size_t lines;      /* lines compared (each three ways) */
	size_t mismatches;
	size_t n_kinds;
	char kind[MAX_KINDS][64];
	size_t kind_count[MAX_KINDS];
	char kind_schemes[MAX_KINDS][256]; /* the schemes where each kind was seen */
	/* where the evaluation being compared stands, for the messages */
	const char *case_name, *scheme, *opts_name;
} tally;

static const char *show(const char *s)
{
	return s ? s : "(null)";
}

static void add_scheme(char *list, size_t size, const char *scheme)
{
	size_t n = strlen(scheme), len = strlen(list);
	for (const char *p = list; (p = strstr(p, scheme)); p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ',' || p[n] == '\0'))
			return;
	if (len + n + 3 < size)
		snprintf(list + len, size - len, "%s%s", len ? ", " : "", scheme);
}

/* One mismatch of `field` in `mode`: `want` is what a fresh full compute
 * reads, or what the header promises; the first of each field is printed
 * with its case and scheme, the rest counted with the schemes they hit. */
static void mismatch(tally *t, const char *mode, const char *field, const char *want, const char *got)
{
	char key[64];
	snprintf(key, sizeof key, "%s: %s", mode, field);
	t->mismatches++;
	for (size_t k = 0; k < t->n_kinds; k++)
		if (strcmp(t->kind[k], key) == 0) {
			t->kind_count[k]++;
			add_scheme(t->kind_schemes[k], sizeof t->kind_schemes[k], t->scheme);
			return;
		}
	if (t->n_kinds < MAX_KINDS) {
		snprintf(t->kind[t->n_kinds], sizeof t->kind[0], "%s", key);
		t->kind_schemes[t->n_kinds][0] = '\0';
		add_scheme(t->kind_schemes[t->n_kinds], sizeof t->kind_schemes[0], t->scheme);
		t->kind_count[t->n_kinds++] = 1;
	}
	print_message("MISMATCH %s, first at case %s, scheme %s, options %s: want \"%.200s\", got \"%.200s\"\n", key,
		      t->case_name, t->scheme, t->opts_name, show(want), show(got));
}

/* NULL equals only NULL: the header says which words are NULL and which "",
 * and a binding that reads one as the other would crash or print "None". */
static bool same(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

static void cmp_str(tally *t, const char *mode, const char *field, const char *want, const char *got)
{
	if (!same(want, got))
		mismatch(t, mode, field, want, got);
}

static void cmp_num(tally *t, const char *mode, const char *field, long long want, long long got)
{
	if (want != got) {
		char w[32], g[32];
		snprintf(w, sizeof w, "%lld", want);
		snprintf(g, sizeof g, "%lld", got);
		mismatch(t, mode, field, w, g);
	}
}

static void report(const tally *t, const char *what)
{
	if (t->evals)
		print_message("%s: %zu case x scheme x options evaluations compared three ways (%zu evaluated, %zu "
			      "ineligible among them, %zu failed alike), %zu lines, %zu mismatches\n",
			      what, t->evals, t->ok, t->ineligible, t->failed, t->lines, t->mismatches);
	else
		print_message("%s (%s under %s): %zu lines, %zu mismatches\n", what, t->case_name, t->scheme, t->lines,
			      t->mismatches);
	for (size_t k = 0; k < t->n_kinds; k++)
		print_message("  %zu x %s (schemes: %s)\n", t->kind_count[k], t->kind[k], t->kind_schemes[k]);
}

/* ---- comparing estimates ---- */

#define MAX_HEADS 64

/* Everything the public API reads from `got`, against `want` (a fresh full
 * compute). totals: `got` was evaluated with REP_DETAIL_TOTALS, so its lines'
 * words other than head, group, class and basis (the label included) must be "" instead. */
static void compare_estimates(tally *t, const char *mode, const rep_estimate *want, const rep_estimate *got,
			      bool totals)
{
	cmp_str(t, mode, "scheme", rep_estimate_scheme(want), rep_estimate_scheme(got));
	cmp_str(t, mode, "scheme_name", rep_estimate_scheme_name(want), rep_estimate_scheme_name(got));
	cmp_str(t, mode, "currency", rep_estimate_currency(want), rep_estimate_currency(got));
	cmp_str(t, mode, "as_of", rep_estimate_as_of(want), rep_estimate_as_of(got));
	cmp_str(t, mode, "notes", rep_estimate_notes(want), rep_estimate_notes(got));
	cmp_num(t, mode, "eligible", rep_estimate_eligible(want), rep_estimate_eligible(got));
	cmp_str(t, mode, "total", rep_estimate_total(want), rep_estimate_total(got));
	cmp_str(t, mode, "total_if_eligible", rep_estimate_total_if_eligible(want), rep_estimate_total_if_eligible(got));
	cmp_str(t, mode, "total_pecuniary", rep_estimate_total_pecuniary(want), rep_estimate_total_pecuniary(got));
	cmp_str(t, mode, "total_non_pecuniary", rep_estimate_total_non_pecuniary(want),
		rep_estimate_total_non_pecuniary(got));
	cmp_num(t, mode, "days", rep_estimate_days(want), rep_estimate_days(got));
	cmp_str(t, mode, "per_day", rep_estimate_per_day(want), rep_estimate_per_day(got));

	const char *wl = NULL, *wh = NULL, *wu = NULL, *gl = NULL, *gh = NULL, *gu = NULL;
	bool wr = rep_estimate_range(want, &wl, &wh, &wu), gr = rep_estimate_range(got, &gl, &gh, &gu);
	cmp_num(t, mode, "range (has one)", wr, gr);
	if (wr && gr) {
		cmp_str(t, mode, "range low", wl, gl);
		cmp_str(t, mode, "range high", wh, gh);
		cmp_str(t, mode, "range uses", wu, gu);
	}
	size_t nr = rep_estimate_range_item_count(want);
	cmp_num(t, mode, "range item count", (long long)nr, (long long)rep_estimate_range_item_count(got));
	for (size_t i = 0; i < nr && i < rep_estimate_range_item_count(got); i++) {
		rep_range_item_info a, b;
		assert_int_equal(rep_estimate_range_item_at(want, i, &a), REP_OK);
		assert_int_equal(rep_estimate_range_item_at(got, i, &b), REP_OK);
		cmp_str(t, mode, "range item label", a.label, b.label);
		cmp_str(t, mode, "range item low", a.low, b.low);
		cmp_str(t, mode, "range item high", a.high, b.high);
		cmp_str(t, mode, "range item basis", a.basis, b.basis);
	}

	size_t nf = rep_estimate_finding_count(want);
	cmp_num(t, mode, "finding count", (long long)nf, (long long)rep_estimate_finding_count(got));
	for (size_t i = 0; i < nf && i < rep_estimate_finding_count(got); i++) {
		const rep_finding *a = rep_estimate_finding(want, i), *b = rep_estimate_finding(got, i);
		assert_non_null(a);
		assert_non_null(b);
		cmp_str(t, mode, "finding code", a->code, b->code);
		cmp_str(t, mode, "finding text", a->text, b->text);
		cmp_str(t, mode, "finding basis", a->basis, b->basis);
		cmp_num(t, mode, "finding bars", a->bars, b->bars);
	}

	size_t nw = rep_estimate_warning_count(want);
	cmp_num(t, mode, "warning count", (long long)nw, (long long)rep_estimate_warning_count(got));
	for (size_t i = 0; i < nw && i < rep_estimate_warning_count(got); i++)
		cmp_str(t, mode, "warning text", rep_estimate_warning(want, i), rep_estimate_warning(got, i));

	size_t np = rep_estimate_refpoint_count(want);
	cmp_num(t, mode, "refpoint count", (long long)np, (long long)rep_estimate_refpoint_count(got));
	for (size_t i = 0; i < np && i < rep_estimate_refpoint_count(got); i++) {
		const rep_refpoint *a = rep_estimate_refpoint(want, i), *b = rep_estimate_refpoint(got, i);
		assert_non_null(a);
		assert_non_null(b);
		cmp_str(t, mode, "refpoint series", a->series, b->series);
		cmp_str(t, mode, "refpoint date", a->date, b->date);
		cmp_str(t, mode, "refpoint from", a->from, b->from);
		cmp_str(t, mode, "refpoint value", a->value, b->value);
		cmp_str(t, mode, "refpoint confidence", a->confidence, b->confidence);
		cmp_str(t, mode, "refpoint source", a->source, b->source);
	}

	size_t no = rep_estimate_option_count(want);
	cmp_num(t, mode, "option count", (long long)no, (long long)rep_estimate_option_count(got));
	for (size_t i = 0; i < no && i < rep_estimate_option_count(got); i++) {
		const rep_option_value *a = rep_estimate_option(want, i), *b = rep_estimate_option(got, i);
		assert_non_null(a);
		assert_non_null(b);
		cmp_str(t, mode, "option name", a->name, b->name);
		cmp_str(t, mode, "option value", a->value, b->value);
		cmp_num(t, mode, "option user_set", a->user_set, b->user_set);
	}

	rep_head_total ha[MAX_HEADS], hb[MAX_HEADS];
	size_t nha = rep_estimate_heads(want, ha, MAX_HEADS), nhb = rep_estimate_heads(got, hb, MAX_HEADS);
	assert_true(nha <= MAX_HEADS && nhb <= MAX_HEADS);
	cmp_num(t, mode, "head count", (long long)nha, (long long)nhb);
	for (size_t i = 0; i < nha && i < nhb; i++) {
		cmp_str(t, mode, "head name", ha[i].head, hb[i].head);
		cmp_str(t, mode, "head subtotal", ha[i].amount, hb[i].amount);
	}

	size_t nl = rep_estimate_line_count(want);
	cmp_num(t, mode, "line count", (long long)nl, (long long)rep_estimate_line_count(got));
	for (size_t i = 0; i < nl && i < rep_estimate_line_count(got); i++) {
		const rep_line *a = rep_estimate_line(want, i), *b = rep_estimate_line(got, i);
		assert_non_null(a);
		assert_non_null(b);
		t->lines++;
		cmp_str(t, mode, "line head", a->head, b->head);
		cmp_str(t, mode, "line group", a->group, b->group);
		cmp_str(t, mode, "line klass", a->klass, b->klass);
		cmp_str(t, mode, "line basis", a->basis, b->basis);
		const char *names[] = {"line label", "line formula", "line quantity", "line unit", "line rate", "line nominal",
				       "line adjustment", "line amount", "line note"};
		const char *wv[] = {a->label, a->formula, a->quantity, a->unit, a->rate, a->nominal, a->adjustment, a->amount, a->note};
		const char *gv[] = {b->label, b->formula, b->quantity, b->unit, b->rate, b->nominal, b->adjustment, b->amount, b->note};
		for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
			if (!totals)
				cmp_str(t, mode, names[k], wv[k], gv[k]);
			else if (!gv[k] || gv[k][0]) /* the header: "its other words, amount included, are """ */
				mismatch(t, mode, names[k], "", gv[k]);
		}
	}
}

/* What the header promises of an estimate whose evaluation failed. */
static void expect_empty(tally *t, const char *mode, const rep_estimate *e)
{
	cmp_num(t, mode, "after failure: line count", 0, (long long)rep_estimate_line_count(e));
	cmp_str(t, mode, "after failure: total", "", rep_estimate_total(e));
	cmp_str(t, mode, "after failure: total_if_eligible", "", rep_estimate_total_if_eligible(e));
	cmp_str(t, mode, "after failure: total_pecuniary", "", rep_estimate_total_pecuniary(e));
	cmp_str(t, mode, "after failure: total_non_pecuniary", "", rep_estimate_total_non_pecuniary(e));
	cmp_str(t, mode, "after failure: per_day", "", rep_estimate_per_day(e));
	cmp_num(t, mode, "after failure: finding count", 0, (long long)rep_estimate_finding_count(e));
	cmp_num(t, mode, "after failure: warning count", 0, (long long)rep_estimate_warning_count(e));
	cmp_num(t, mode, "after failure: head count", 0, (long long)rep_estimate_heads(e, NULL, 0));
	cmp_num(t, mode, "after failure: range", 0, rep_estimate_range(e, NULL, NULL, NULL));
}

/* One case under one scheme three ways: (a) fresh rep_estimate_compute,
 * (b) REP_DETAIL_FULL into *full and (c) REP_DETAIL_TOTALS into *tot, both
 * reused across every call of a test. */
static void eval3(tally *t, const rep_case *c, const char *scheme, const rep_options *o, rep_estimate **full,
		  rep_estimate **tot)
{
	rep_error ea, eb, ec;
	memset(&ea, 0, sizeof ea);
	memset(&eb, 0, sizeof eb);
	memset(&ec, 0, sizeof ec);
	rep_estimate *a = NULL;
	bool had_full = *full, had_tot = *tot;
	rep_status sa = rep_estimate_compute(&a, ctx, c, scheme, o, &ea);
	rep_status sb = rep_estimate_eval(full, ctx, c, scheme, o, REP_DETAIL_FULL, &eb);
	rep_status sc = rep_estimate_eval(tot, ctx, c, scheme, o, REP_DETAIL_TOTALS, &ec);
	t->evals++;
	cmp_num(t, "full", "status", sa, sb);
	cmp_num(t, "totals", "status", sa, sc);
	if (sa == REP_OK && sb == REP_OK && sc == REP_OK) {
		assert_non_null(a);
		assert_non_null(*full);
		assert_non_null(*tot);
		t->ok++;
		t->ineligible += !rep_estimate_eligible(a);
		compare_estimates(t, "full", a, *full, false);
		compare_estimates(t, "totals", a, *tot, true);
	} else if (sa != REP_OK && sb != REP_OK && sc != REP_OK) {
		t->failed++;
		assert_null(a);
		/* a failure on a fresh estimate leaves nothing to free; on a
		 * reused one the estimate stays the caller's, read as empty */
		if (had_full)
			assert_non_null(*full);
		else
			assert_null(*full);
		if (had_tot)
			assert_non_null(*tot);
		else
			assert_null(*tot);
		cmp_num(t, "full", "error status", ea.status, eb.status);
		cmp_num(t, "totals", "error status", ea.status, ec.status);
		cmp_str(t, "full", "error path", ea.path, eb.path);
		cmp_str(t, "totals", "error path", ea.path, ec.path);
		cmp_str(t, "full", "error message", ea.message, eb.message);
		cmp_str(t, "totals", "error message", ea.message, ec.message);
		if (*full)
			expect_empty(t, "full", *full);
		if (*tot)
			expect_empty(t, "totals", *tot);
	}
	rep_estimate_free(a);
}

/* Every built-in scheme (the context has no user schemes) under the
 * defaults and the option sets picked by `sets` (bit 0: set a, bit 1: set b). */
static void eval_all_schemes(tally *t, const rep_case *c, unsigned sets, rep_estimate **full, rep_estimate **tot)
{
	const rep_options *opts[] = {NULL, opts_a, opts_b};
	const char *names[] = {"defaults", "set a", "set b"};
	size_t n = rep_scheme_count(ctx);
	for (size_t i = 0; i < n; i++) {
		const rep_scheme *s = rep_scheme_at(ctx, i);
		assert_non_null(s);
		t->scheme = rep_scheme_id(s);
		for (size_t k = 0; k < sizeof opts / sizeof *opts; k++) {
			if (k && !(sets & (1u << (k - 1))))
				continue;
			t->opts_name = names[k];
			eval3(t, c, t->scheme, opts[k], full, tot);
		}
	}
}

/* ---- finding the golden cases ---- */

static bool is_file(const char *path)
{
	return access(path, R_OK) == 0;
}

/* dir/test_detail.c exists: dir is the tests/ directory. */
static bool tests_dir_at(char *out, size_t size, const char *dir)
{
	char probe[2 * PATH_MAX];
	int n = snprintf(probe, sizeof probe, "%s/test_detail.c", dir);
	if (n < 0 || (size_t)n >= sizeof probe || !is_file(probe))
		return false;
	n = snprintf(out, size, "%s", dir);
	return n >= 0 && (size_t)n < size;
}

/* tests/ of the source tree. __FILE__ is what the compiler was given: with
 * meson, a path relative to the build root ("../tests/test_detail.c"), which
 * holds from the build root (meson test) but not from elsewhere (valgrind run
 * by hand), so it is also tried from the build root the executable lives in
 * (BUILD/tests/test_detail). */
static bool find_tests_dir(char *out, size_t size)
{
	char dir[PATH_MAX];
	snprintf(dir, sizeof dir, "%s", __FILE__);
	char *slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	else
		snprintf(dir, sizeof dir, ".");
	if (tests_dir_at(out, size, dir))
		return true;
	if (dir[0] == '/')
		return false;
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return false;
	exe[n] = '\0';
	for (int up = 0; up < 2; up++) { /* BUILD/tests/test_detail -> BUILD */
		char *s = strrchr(exe, '/');
		if (!s)
			return false;
		*s = '\0';
	}
	char joined[2 * PATH_MAX];
	int k = snprintf(joined, sizeof joined, "%s/%s", exe, dir);
	return k >= 0 && (size_t)k < sizeof joined && tests_dir_at(out, size, joined);
}

static char *read_text(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	long n = ftell(f);
	assert_true(n >= 0);
	rewind(f);
	char *buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return buf;
}

static bool ends_with(const char *s, const char *tail)
{
	size_t a = strlen(s), b = strlen(tail);
	return a >= b && strcmp(s + a - b, tail) == 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* ---- 1. every golden case ---- */

static void test_golden_cases(void **state)
{
	(void)state;
	char tests[PATH_MAX];
	assert_true(find_tests_dir(tests, sizeof tests));
	char cases[PATH_MAX + 16];
	snprintf(cases, sizeof cases, "%s/cases", tests);
	DIR *d = opendir(cases);
	assert_non_null(d);
	char **names = NULL;
	size_t n = 0;
	for (struct dirent *de; (de = readdir(d));) {
		if (!ends_with(de->d_name, ".json") || ends_with(de->d_name, ".expected.json"))
			continue;
		names = realloc(names, (n + 1) * sizeof *names);
		assert_non_null(names);
		names[n] = strdup(de->d_name);
		assert_non_null(names[n++]);
	}
	closedir(d);
	/* the directory holds 37 cases today; far fewer means the wrong directory */
	assert_true(n >= 30);
	qsort(names, n, sizeof *names, by_name);

	tally t = {0};
	rep_estimate *full = NULL, *tot = NULL;
	for (size_t i = 0; i < n; i++) {
		char path[PATH_MAX + 300];
		snprintf(path, sizeof path, "%s/%s", cases, names[i]);
		size_t len;
		char *text = read_text(path, &len);
		rep_case *c = NULL;
		rep_error err;
		if (rep_case_from_json(&c, text, len, &err) != REP_OK)
			fail_msg("%s: %s", names[i], err.message);
		t.case_name = names[i];
		eval_all_schemes(&t, c, 3, &full, &tot);
		rep_case_free(c);
		free(text);
		free(names[i]);
	}
	free(names);
	rep_estimate_free(full);
	rep_estimate_free(tot);
	report(&t, "golden cases");
	/* the golden cases are mostly payable: a run where few evaluate compares little */
	assert_true(t.ok > t.evals / 2);
	assert_true(t.lines > 1000);
	assert_int_equal(t.mismatches, 0);
}

/* ---- 2. a seeded synthetic caseload ---- */

/* xorshift64*: the same caseload on every machine, no libc rand() */
typedef struct rng {
	uint64_t s;
} rng;

static uint64_t next(rng *r)
{
	r->s ^= r->s >> 12;
	r->s ^= r->s << 25;
	r->s ^= r->s >> 27;
	return r->s * 0x2545F4914F6CDD1DULL;
}

/* uniform in lo..hi inclusive (the modulo bias is irrelevant here) */
static long range(rng *r, long lo, long hi)
{
	return lo + (long)(next(r) % (uint64_t)(hi - lo + 1));
}

static bool chance(rng *r, int percent)
{
	return range(r, 0, 99) < percent;
}

typedef struct weighted {
	const char *name;
	int weight;
	long scale; /* currencies: a EUR amount in it, roughly (not a rate) */
} weighted;

static const weighted *pick(rng *r, const weighted *w, size_t n)
{
	long total = 0;
	for (size_t i = 0; i < n; i++)
		total += w[i].weight;
	long x = range(r, 0, total - 1);
	for (size_t i = 0; i < n; i++)
		if ((x -= w[i].weight) < 0)
			return &w[i];
	return &w[n - 1];
}

#define PICK(r, w) pick((r), (w), sizeof(w) / sizeof *(w))

/* The shapes and weights of bench/gen_caseload.py. */
static const weighted currencies[] = {{"EUR", 30, 1},   {"USD", 25, 1},     {"KZT", 20, 500}, {"GBP", 6, 1},
				      {"JPY", 6, 150},  {"UZS", 5, 12000}, {"NZD", 4, 2},    {"CAD", 4, 1}};
static const weighted outcomes[] = {{"acquitted", 35, 0},
				    {"conviction_quashed", 15, 0},
				    {"dismissed_rehabilitating", 12, 0},
				    {"repression_rehabilitated", 4, 0},
				    {"admin_terminated", 4, 0},
				    {"amnesty", 6, 0},
				    {"pardon", 6, 0},
				    {"parole", 3, 0},
				    {"sentence_served", 5, 0},
				    {"sentence_mitigated", 4, 0},
				    {"pending", 6, 0}};
static const weighted detentions[] = {{"pretrial_custody", 30, 0}, {"prison", 25, 0},
				      {"police_custody", 15, 0},   {"house_arrest", 10, 0},
				      {"administrative_arrest", 6, 0}, {"psychiatric", 3, 0},
				      {"exile", 3, 0},             {"special_settlement", 2, 0},
				      {"forced_labour", 3, 0},     {"parole", 3, 0}};
static const char *const harms[] = {"lost_earnings", "lost_earning_capacity", "business",
				    "property",      "fines_and_costs",       "legal_costs",
				    "medical_costs", "psychological_care",    "other_expenses",
				    "moral_harm"};
static const char *const dispositions[] = {"confiscated", "seized", "destroyed", "damaged", "lost", "returned"};

typedef struct text {
	char buf[32768];
	size_t n;
} text;

static void put(text *t, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int k = vsnprintf(t->buf + t->n, sizeof t->buf - t->n, fmt, ap);
	va_end(ap);
	assert_true(k >= 0 && (size_t)k < sizeof t->buf - t->n);
	t->n += (size_t)k;
}

static const char *day(rep_date d, char buf[REP_DATE_TEXT_SIZE])
{
	rep_date_format(d, buf);
	return buf;
}

/* An amount of lo..hi EUR scaled to the currency, in whole cents (or units). */
static void money(text *t, rng *r, long scale, long lo, long hi, int places)
{
	long long v = (long long)range(r, lo * 100, hi * 100) * scale;
	if (places)
		put(t, "\"%lld.%02lld\"", v / 100, v % 100);
	else
		put(t, "\"%lld\"", v / 100);
}

static rep_date ymd(int y, int m, int d)
{
	rep_date out;
	assert_int_equal(rep_date_from_ymd(&out, y, m, d), REP_OK);
	return out;
}

/* One synthetic case as JSON: gen_caseload.py's shapes, plus the eligibility
 * facts (conviction, retrial, pardon ground, certificate, notice and filing
 * dates, credited periods) that put findings and deadlines on the path. */
static void make_case(text *t, rng *r, size_t i)
{
	char b1[REP_DATE_TEXT_SIZE], b2[REP_DATE_TEXT_SIZE];
	rep_date as_of = chance(r, 80) ? ymd(2025, 6, 1) : ymd(2026, 3, 1);
	const weighted *cur = PICK(r, currencies);
	int places = strcmp(cur->name, "JPY") == 0 ? 0 : 2;
	const char *outcome = PICK(r, outcomes)->name;
	const char *kind = strcmp(outcome, "admin_terminated") == 0		 ? "administrative"
			   : strcmp(outcome, "repression_rehabilitated") == 0 ? "political_repression"
									      : "criminal";
	rep_date start = as_of - (rep_date)range(r, 400, 12000);
	t->n = 0;
	put(t, "{\"id\":\"syn-%05zu\",\"currency\":\"%s\",\"as_of\":\"%s\",\"detentions\":[", i, cur->name,
	    day(as_of, b1));
	rep_date at = start, last = start;
	bool open = false;
	int periods = (int)range(r, 1, 4);
	for (int p = 0; p < periods; p++) {
		long lengths[] = {range(r, 1, 3), range(r, 2, 60), range(r, 30, 900)};
		long length = lengths[range(r, 0, 2)];
		rep_date s = chance(r, 80) ? at : at - (rep_date)range(r, 0, 10); /* overlaps now and then */
		rep_date e = s + (rep_date)length - 1;
		if (e > as_of)
			e = as_of;
		at = e + (rep_date)range(r, 1, 120);
		bool final = p == periods - 1 || at >= as_of;
		open = final && strcmp(outcome, "pending") == 0 && chance(r, 30); /* still detained */
		put(t, "%s{\"kind\":\"%s\",\"start\":\"%s\"", p ? "," : "", PICK(r, detentions)->name, day(s, b1));
		if (!open)
			put(t, ",\"end\":\"%s\"", day(e, b2));
		if (p && chance(r, 5))
			put(t, ",\"credited_elsewhere\":true,\"note\":\"served a concurrent sentence\"");
		put(t, "}");
		last = open ? as_of : (e > last ? e : last);
		if (final)
			break;
	}
	rep_date decision = last + (rep_date)range(r, 0, 400);
	if (decision > as_of)
		decision = as_of;
	put(t, "],\"proceedings\":{\"kind\":\"%s\",\"outcome\":\"%s\"", kind, outcome);
	if (chance(r, 90))
		put(t, ",\"decision_date\":\"%s\"", day(decision, b1));
	if (chance(r, 5))
		put(t, ",\"coerced_confession\":true");
	if (chance(r, 10))
		put(t, ",\"arbitrary_detention_finding\":true");
	if (chance(r, 3))
		put(t, ",\"self_incrimination\":true");
	/* conviction: false contradicts a quashed conviction, and a retrial needs one */
	int conviction = strcmp(outcome, "conviction_quashed") == 0 ? (chance(r, 50) ? 1 : -1) : (int)range(r, -1, 1);
	if (conviction == 1) {
		rep_date cd = start + (rep_date)range(r, 0, decision - start);
		put(t, ",\"conviction\":{\"date\":\"%s\",\"article\":\"art. %ld\",\"sentence\":\"%ld years\"}",
		    day(cd, b1), range(r, 100, 400), range(r, 1, 15));
	} else if (conviction == 0) {
		put(t, ",\"conviction\":false");
	}
	if (strcmp(outcome, "acquitted") == 0 && conviction == 1 && chance(r, 70))
		put(t, ",\"acquitted_on_retrial\":%s", chance(r, 70) ? "true" : "false");
	if (strcmp(outcome, "pardon") == 0 && chance(r, 70))
		put(t, ",\"pardon_ground\":\"%s\"", chance(r, 50) ? "innocence" : "clemency");
	if (chance(r, 20))
		put(t, ",\"certificate_of_innocence\":%s", chance(r, 70) ? "true" : "false");
	if (chance(r, 30))
		put(t, ",\"notice_date\":\"%s\"", day(decision + (rep_date)range(r, 0, as_of - decision), b1));
	if (chance(r, 30))
		put(t, ",\"application_date\":\"%s\"", day(decision + (rep_date)range(r, 0, as_of - decision), b1));
	put(t, "},\"harms\":[");
	int n_harms = (int)range(r, 0, 10);
	for (int h = 0; h < n_harms; h++) {
		const char *cat = harms[range(r, 0, sizeof harms / sizeof *harms - 1)];
		rep_date when = start + (rep_date)range(r, 0, as_of - start);
		put(t, "%s{\"category\":\"%s\"", h ? "," : "", cat);
		if (strcmp(cat, "lost_earnings") == 0) {
			rep_date end = when + (rep_date)range(r, 30, 2000);
			put(t, ",\"monthly\":");
			money(t, r, cur->scale, 300, 4000, places);
			put(t, ",\"start\":\"%s\"", day(when, b1));
			if (chance(r, 90))
				put(t, ",\"end\":\"%s\"", day(end > as_of ? as_of : end, b1));
		} else if (strcmp(cat, "lost_earning_capacity") == 0) {
			put(t, ",\"annual\":");
			money(t, r, cur->scale, 2000, 40000, places);
			put(t, chance(r, 80) ? ",\"years\":\"%ld\"" : ",\"years\":\"%ld.5\"", range(r, 1, 30));
			if (chance(r, 50))
				put(t, ",\"growth\":\"0.0%ld\"", range(r, 1, 3));
			if (chance(r, 50))
				put(t, ",\"discount_rate\":\"%s\"", (const char *[]){"0.02", "0.035", "0.05"}[range(r, 0, 2)]);
		} else if (strcmp(cat, "moral_harm") == 0) {
			put(t, ",\"amount\":");
			money(t, r, cur->scale, 1000, 100000, places);
			if (chance(r, 30))
				put(t, ",\"date\":\"%s\"", day(when, b1));
		} else {
			put(t, ",\"amount\":");
			money(t, r, cur->scale, 5, 50000, places);
			put(t, ",\"date\":\"%s\"", day(when, b1));
			if (strcmp(cat, "property") == 0)
				put(t, ",\"disposition\":\"%s\"", dispositions[range(r, 0, 5)]);
		}
		if (chance(r, 15))
			put(t, ",\"description\":\"item %d\"", h);
		put(t, "}");
	}
	put(t, "]");
	if (strcmp(cur->name, "KZT") == 0 && chance(r, 15)) {
		put(t, ",\"torture\":{\"cc146_part\":%ld", range(r, 1, 3));
		if (chance(r, 50))
			put(t, ",\"victim_recognised\":\"%s\"", day(decision + (rep_date)range(r, 0, as_of - decision), b1));
		put(t, "}");
	}
	put(t, "}");
}

#define SYNTHETIC_CASES 100

static void test_synthetic_caseload(void **state)
{
	(void)state;
	rng r = {7}; /* the seed of the brief's `gen_caseload.py --seed 7`, not its stream */
	text *t = malloc(sizeof *t);
	assert_non_null(t);
	tally tl = {0};
	rep_estimate *full = NULL, *tot = NULL;
	char name[32];
	for (size_t i = 0; i < SYNTHETIC_CASES; i++) {
		make_case(t, &r, i);
		rep_case *c = NULL;
		rep_error err;
		/* a refused case would be a generator bug, and would compare nothing */
		if (rep_case_from_json(&c, t->buf, t->n, &err) != REP_OK)
			fail_msg("synthetic case %zu: %s\n%s", i, err.message, t->buf);
		snprintf(name, sizeof name, "syn-%05zu", i);
		tl.case_name = name;
		/* each case under the defaults and one other set, in turn: the
		 * caseload stays cheap enough to run under valgrind */
		eval_all_schemes(&tl, c, 1u << (i % 2), &full, &tot);
		rep_case_free(c);
	}
	rep_estimate_free(full);
	rep_estimate_free(tot);
	free(t);
	report(&tl, "synthetic caseload");
	assert_int_equal(tl.evals, (size_t)SYNTHETIC_CASES * rep_scheme_count(ctx) * 2);
	/* both paths of the comparison must be walked, and lines with them */
	assert_true(tl.ok > tl.evals / 4);
	assert_true(tl.failed > 0);
	assert_true(tl.ineligible > 0);
	assert_true(tl.lines > 10000);
	assert_int_equal(tl.mismatches, 0);
}

/* ---- 3. reuse after a failure ---- */

static rep_case *case_json(const char *json)
{
	rep_case *c = NULL;
	rep_error err;
	if (rep_case_from_json(&c, json, strlen(json), &err) != REP_OK)
		fail_msg("%s", err.message);
	return c;
}

/* 10 days of pre-trial custody, acquitted: payable under de-streg. */
static const char de_10_days[] =
	"{\"id\":\"de-10\",\"currency\":\"EUR\",\"as_of\":\"2026-03-01\","
	"\"proceedings\":{\"kind\":\"criminal\",\"outcome\":\"acquitted\",\"decision_date\":\"2023-06-01\"},"
	"\"detentions\":[{\"kind\":\"pretrial_custody\",\"start\":\"2023-03-01\",\"end\":\"2023-03-10\"}],"
	"\"harms\":[]}";

/* The same facts decided in 1985: de-streg models no day rate before 1988
 * and refuses the case after eligibility and the periods were worked out, so
 * the failure comes half-way through an evaluation that had begun to fill
 * the estimate. */
static const char de_1985[] =
	"{\"id\":\"de-1985\",\"currency\":\"EUR\",\"as_of\":\"2026-03-01\","
	"\"proceedings\":{\"kind\":\"criminal\",\"outcome\":\"acquitted\",\"decision_date\":\"1985-06-01\"},"
	"\"detentions\":[{\"kind\":\"pretrial_custody\",\"start\":\"1985-03-01\",\"end\":\"1985-03-10\"}],"
	"\"harms\":[]}";

/* Many heads and lines, some indexed: what a reused estimate must rebuild
 * in full after the failure. */
static const char un_all_heads[] =
	"{\"id\":\"un-many\",\"currency\":\"EUR\",\"as_of\":\"2025-06-01\","
	"\"proceedings\":{\"kind\":\"criminal\",\"outcome\":\"acquitted\",\"decision_date\":\"2022-02-01\"},"
	"\"detentions\":[{\"kind\":\"police_custody\",\"start\":\"2020-01-10\",\"end\":\"2020-01-12\"},"
	"{\"kind\":\"pretrial_custody\",\"start\":\"2020-01-13\",\"end\":\"2020-09-30\"},"
	"{\"kind\":\"house_arrest\",\"start\":\"2020-10-01\",\"end\":\"2021-03-31\"}],"
	"\"harms\":[{\"category\":\"lost_earnings\",\"monthly\":\"2100\",\"start\":\"2020-01-10\",\"end\":\"2021-06-30\"},"
	"{\"category\":\"property\",\"amount\":\"3500\",\"date\":\"2020-01-10\",\"disposition\":\"destroyed\"},"
	"{\"category\":\"legal_costs\",\"amount\":\"8000\",\"date\":\"2021-05-01\"},"
	"{\"category\":\"medical_costs\",\"amount\":\"1200.50\",\"date\":\"2021-04-01\"},"
	"{\"category\":\"lost_earning_capacity\",\"annual\":\"4000\",\"years\":\"10\",\"discount_rate\":\"0.035\"},"
	"{\"category\":\"moral_harm\",\"amount\":\"15000\"}]}";

/* Mismatches of `got` against a fresh compute; counted, not asserted, so a
 * failing comparison still frees what the caller holds. */
static size_t fresh_equals(const rep_case *c, const char *scheme, const rep_options *o, const rep_estimate *got,
			   bool totals)
{
	rep_estimate *want = NULL;
	rep_error err;
	if (rep_estimate_compute(&want, ctx, c, scheme, o, &err) != REP_OK) {
		print_message("%s under %s: %s\n", rep_case_id(c), scheme, err.message);
		return 1;
	}
	tally t = {0};
	t.case_name = rep_case_id(c);
	t.scheme = scheme;
	t.opts_name = o ? "set a" : "defaults";
	compare_estimates(&t, totals ? "totals" : "full", want, got, totals);
	rep_estimate_free(want);
	if (t.mismatches)
		report(&t, "after the failure");
	/* an empty comparison would pass whatever the estimate held */
	return t.lines > 0 ? t.mismatches : t.mismatches + 1;
}

static void reuse_after_failure(rep_detail detail)
{
	rep_case *good = case_json(de_10_days), *old = case_json(de_1985), *many = case_json(un_all_heads);
	rep_estimate *e = NULL;
	rep_error err;
	size_t mismatches = 0;
	struct {
		const rep_case *c;
		const char *scheme;
		rep_status st;
		const char *says; /* a piece of the message */
	} bad[] = {
		{good, "xx-no-such-scheme", REP_ENOTFOUND, "xx-no-such-scheme"},
		{old, "de-streg", REP_ENODATA, "1985-06-01"},
	};
	for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
		assert_int_equal(rep_estimate_eval(&e, ctx, good, "de-streg", NULL, detail, &err), REP_OK);
		assert_string_equal(rep_estimate_total(e), "750.00");
		assert_int_equal(rep_estimate_line_count(e), 1);
		rep_estimate *before = e;

		memset(&err, 0, sizeof err);
		assert_int_equal(rep_estimate_eval(&e, ctx, bad[k].c, bad[k].scheme, NULL, detail, &err), bad[k].st);
		assert_int_equal(err.status, bad[k].st);
		assert_non_null(strstr(err.message, bad[k].says));
		/* still the caller's estimate, not freed behind its back */
		assert_ptr_equal(e, before);
		assert_int_equal(rep_estimate_line_count(e), 0);
		assert_string_equal(rep_estimate_total(e), "");
		assert_string_equal(rep_estimate_total_if_eligible(e), "");
		assert_string_equal(rep_estimate_per_day(e), "");
		assert_int_equal(rep_estimate_finding_count(e), 0);
		assert_int_equal(rep_estimate_days(e), 0);
		assert_false(rep_estimate_eligible(e));
		assert_int_equal(rep_estimate_heads(e, NULL, 0), 0);

		assert_int_equal(rep_estimate_eval(&e, ctx, many, "intl-un", opts_a, detail, &err), REP_OK);
		assert_ptr_equal(e, before);
		mismatches += fresh_equals(many, "intl-un", opts_a, e, detail == REP_DETAIL_TOTALS);
		assert_int_equal(rep_estimate_eval(&e, ctx, good, "de-streg", NULL, detail, &err), REP_OK);
		mismatches += fresh_equals(good, "de-streg", NULL, e, detail == REP_DETAIL_TOTALS);
	}
	rep_estimate_free(e);

	/* a failure into a fresh estimate leaves nothing behind to free */
	e = NULL;
	assert_int_equal(rep_estimate_eval(&e, ctx, old, "de-streg", NULL, detail, &err), REP_ENODATA);
	assert_null(e);
	rep_case_free(good);
	rep_case_free(old);
	rep_case_free(many);
	assert_int_equal(mismatches, 0);
}

static void test_reuse_after_failure_full(void **state)
{
	(void)state;
	reuse_after_failure(REP_DETAIL_FULL);
}

static void test_reuse_after_failure_totals(void **state)
{
	(void)state;
	reuse_after_failure(REP_DETAIL_TOTALS);
}

/* ---- 4. a value by hand ---- */

/* StrEG §7(3): EUR 75 for each commenced day, the rate in force since
 * 2020-10-08 and so on the decision date 2023-06-01. 2023-03-01..2023-03-10
 * counts both ends: 10 days; 10 x 75 = 750.00, 750.00 / 10 = 75.00 a day. */
static void test_de_streg_by_hand(void **state)
{
	(void)state;
	rep_case *c = case_json(de_10_days);
	rep_error err;
	rep_estimate *full = NULL, *tot = NULL;
	assert_int_equal(rep_estimate_eval(&full, ctx, c, "de-streg", NULL, REP_DETAIL_FULL, &err), REP_OK);
	assert_int_equal(rep_estimate_eval(&tot, ctx, c, "de-streg", NULL, REP_DETAIL_TOTALS, &err), REP_OK);
	/* twice: once into a fresh estimate, once into the same one reused */
	for (int round = 0; round < 2; round++) {
		assert_true(rep_estimate_eligible(full));
		assert_string_equal(rep_estimate_total(full), "750.00");
		assert_string_equal(rep_estimate_total_non_pecuniary(full), "750.00");
		assert_string_equal(rep_estimate_total_pecuniary(full), "0.00");
		assert_int_equal(rep_estimate_days(full), 10);
		assert_string_equal(rep_estimate_per_day(full), "75.00");
		assert_int_equal(rep_estimate_line_count(full), 1);
		const rep_line *l = rep_estimate_line(full, 0);
		assert_string_equal(l->head, "liberty");
		assert_string_equal(l->label, "Deprivation of liberty (EUR 75 per commenced day)");
		assert_string_equal(l->klass, "non_pecuniary");
		assert_string_equal(l->basis, "StrEG §7(3)");
		assert_string_equal(l->quantity, "10");
		assert_string_equal(l->unit, "day");
		assert_string_equal(l->rate, "75");
		assert_string_equal(l->amount, "750.00");

		assert_true(rep_estimate_eligible(tot));
		assert_string_equal(rep_estimate_total(tot), "750.00");
		assert_string_equal(rep_estimate_total_non_pecuniary(tot), "750.00");
		assert_string_equal(rep_estimate_total_pecuniary(tot), "0.00");
		assert_int_equal(rep_estimate_days(tot), 10);
		assert_string_equal(rep_estimate_per_day(tot), "75.00");
		assert_int_equal(rep_estimate_line_count(tot), 1);
		l = rep_estimate_line(tot, 0);
		assert_string_equal(l->head, "liberty");
		assert_string_equal(l->basis, "StrEG §7(3)");
		assert_string_equal(l->amount, "");
		rep_head_total h[4];
		assert_int_equal(rep_estimate_heads(tot, h, 4), 1);
		assert_string_equal(h[0].head, "liberty");
		assert_string_equal(h[0].amount, "750.00");

		assert_int_equal(rep_estimate_eval(&full, ctx, c, "de-streg", NULL, REP_DETAIL_FULL, &err), REP_OK);
		assert_int_equal(rep_estimate_eval(&tot, ctx, c, "de-streg", NULL, REP_DETAIL_TOTALS, &err), REP_OK);
	}
	rep_estimate_free(full);
	rep_estimate_free(tot);
	rep_case_free(c);
}

/* A reused estimate keeps the exchange rates it looked up for its next
 * evaluations (the estimate's fx plan). A rate loaded into the context
 * since, or another context, must be looked up again. De-streg, KZT case:
 * 10 commenced days x EUR 75 = 750.00, plus defence costs of KZT 1,000,000
 * at 1 EUR = 500 KZT = 2,000.00: 2,750.00; at 400 KZT, 2,500.00: 3,250.00. */
static void test_fx_plan_follows_context(void **state)
{
	(void)state;
	static const char kz[] =
		"{\"id\": \"kz1\", \"currency\": \"KZT\", \"as_of\": \"2026-03-01\", \"proceedings\": {\"kind\": \"criminal\","
		" \"outcome\": \"acquitted\", \"decision_date\": \"2023-05-02\"}, \"detentions\": [{\"kind\": \"prison\","
		" \"start\": \"2022-03-11\", \"end\": \"2022-03-20\"}], \"harms\": [{\"category\": \"legal_costs\","
		" \"amount\": \"1000000\", \"date\": \"2022-06-01\"}]}";
	rep_case *c = case_json(kz);
	rep_error err;
	rep_context *a, *b;
	assert_int_equal(rep_context_new(&a, &err), REP_OK);
	assert_int_equal(rep_context_new(&b, &err), REP_OK);
	assert_int_equal(rep_context_set_fx(a, "EUR/KZT", "500", REP_DATE_NONE, NULL, &err), REP_OK);
	assert_int_equal(rep_context_set_fx(b, "EUR/KZT", "400", REP_DATE_NONE, NULL, &err), REP_OK);
	rep_estimate *e = NULL;
	for (int round = 0; round < 3; round++) { /* the second round is served by the plan */
		assert_int_equal(rep_estimate_eval(&e, a, c, "de-streg", NULL, REP_DETAIL_TOTALS, &err), REP_OK);
		assert_string_equal(rep_estimate_total(e), "2750.00");
		assert_int_equal(rep_estimate_warning_count(e), 1);
		assert_int_equal(rep_estimate_refpoint_count(e), 1);
		assert_string_equal(rep_estimate_refpoint(e, 0)->value, "500");
		/* the same estimate under another context */
		assert_int_equal(rep_estimate_eval(&e, b, c, "de-streg", NULL, REP_DETAIL_TOTALS, &err), REP_OK);
		assert_string_equal(rep_estimate_total(e), "3250.00");
		assert_string_equal(rep_estimate_refpoint(e, 0)->value, "400");
	}
	/* a rate set since: 1 EUR = 250 KZT makes the costs 4,000.00 */
	assert_int_equal(rep_estimate_eval(&e, a, c, "de-streg", NULL, REP_DETAIL_TOTALS, &err), REP_OK);
	assert_int_equal(rep_context_set_fx(a, "EUR/KZT", "250", REP_DATE_NONE, NULL, &err), REP_OK);
	assert_int_equal(rep_estimate_eval(&e, a, c, "de-streg", NULL, REP_DETAIL_TOTALS, &err), REP_OK);
	assert_string_equal(rep_estimate_total(e), "4750.00");
	assert_string_equal(rep_estimate_refpoint(e, 0)->value, "250");
	/* a context freed and another made, perhaps at the same address, with the first rate again */
	rep_context_free(a);
	assert_int_equal(rep_context_new(&a, &err), REP_OK);
	assert_int_equal(rep_context_set_fx(a, "EUR/KZT", "500", REP_DATE_NONE, NULL, &err), REP_OK);
	assert_int_equal(rep_estimate_eval(&e, a, c, "de-streg", NULL, REP_DETAIL_TOTALS, &err), REP_OK);
	assert_string_equal(rep_estimate_total(e), "2750.00");
	rep_estimate_free(e);
	rep_context_free(a);
	rep_context_free(b);
	rep_case_free(c);
}

/* A reused estimate keeps the scheme it found for the next evaluation of
 * the same id; a scheme loaded since under that id replaces it. Custody
 * 2024-01-01..20: 20 commenced days x EUR 40 = 800.00, then x 60 = 1,200.00. */
static void test_scheme_reloaded_under_its_id(void **state)
{
	(void)state;
	static const char scheme[] =
		"{\"id\": \"reload-check\", \"name\": \"Reload check\", \"currency\": \"EUR\", \"status\": \"scenario\","
		" \"rounding\": \"half_up\", \"proc_kinds\": [\"criminal\"], \"qualifying\": [{\"outcomes\": [\"acquitted\"],"
		" \"text\": \"acquittal qualifies\", \"basis\": \"s.1\"}], \"tariffs\": [{\"label\": \"Custody\","
		" \"kinds\": [\"pretrial_custody\"], \"measure\": \"days\", \"daycount\": \"commenced\","
		" \"rate\": {\"value\": \"%s\", \"confidence\": \"verified\", \"source\": \"s.3\"}, \"basis\": \"s.3\"}],"
		" \"citations\": [{\"instrument\": \"Hand Act\", \"article\": \"s.3\"}]}";
	static const char kase[] =
		"{\"id\": \"h\", \"currency\": \"EUR\", \"as_of\": \"2025-01-01\", \"proceedings\": {\"kind\": \"criminal\","
		" \"outcome\": \"acquitted\", \"decision_date\": \"2024-06-01\"}, \"detentions\": [{\"kind\": \"pretrial_custody\","
		" \"start\": \"2024-01-01\", \"end\": \"2024-01-20\"}]}";
	rep_context *x;
	rep_error err;
	assert_int_equal(rep_context_new(&x, &err), REP_OK);
	char json[1024];
	snprintf(json, sizeof json, scheme, "40");
	assert_int_equal(rep_context_load_scheme(x, json, strlen(json), &err), REP_OK);
	rep_case *c = case_json(kase);
	rep_estimate *e = NULL;
	for (int i = 0; i < 2; i++) {
		assert_int_equal(rep_estimate_eval(&e, x, c, "reload-check", NULL, REP_DETAIL_TOTALS, &err), REP_OK);
		assert_string_equal(rep_estimate_total(e), "800.00");
	}
	snprintf(json, sizeof json, scheme, "60");
	assert_int_equal(rep_context_load_scheme(x, json, strlen(json), &err), REP_OK);
	assert_int_equal(rep_estimate_eval(&e, x, c, "reload-check", NULL, REP_DETAIL_TOTALS, &err), REP_OK);
	assert_string_equal(rep_estimate_total(e), "1200.00");
	/* another scheme through the same estimate, and back */
	assert_int_equal(rep_estimate_eval(&e, x, c, "de-streg", NULL, REP_DETAIL_TOTALS, &err), REP_OK);
	assert_string_equal(rep_estimate_total(e), "1500.00"); /* 20 commenced days x EUR 75 */
	assert_int_equal(rep_estimate_eval(&e, x, c, "reload-check", NULL, REP_DETAIL_TOTALS, &err), REP_OK);
	assert_string_equal(rep_estimate_total(e), "1200.00");
	/* a new context, whose scheme text may well sit where the freed one's did */
	for (int round = 0; round < 4; round++) {
		const char *rate = round % 2 ? "60" : "40";
		rep_context_free(x);
		assert_int_equal(rep_context_new(&x, &err), REP_OK);
		snprintf(json, sizeof json, scheme, rate);
		assert_int_equal(rep_context_load_scheme(x, json, strlen(json), &err), REP_OK);
		assert_int_equal(rep_estimate_eval(&e, x, c, "reload-check", NULL, REP_DETAIL_TOTALS, &err), REP_OK);
		assert_string_equal(rep_estimate_total(e), round % 2 ? "1200.00" : "800.00");
	}
	rep_estimate_free(e);
	rep_case_free(c);
	rep_context_free(x);
}

/* ---- 5. an unknown detail ---- */

static void test_bad_detail(void **state)
{
	(void)state;
	rep_case *c = case_json(de_10_days);
	rep_error err;
	rep_estimate *e = NULL;
	const rep_detail bad[] = {(rep_detail)7, (rep_detail)2, (rep_detail)-1};
	for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
		memset(&err, 0, sizeof err);
		assert_int_equal(rep_estimate_eval(&e, ctx, c, "de-streg", NULL, bad[k], &err), REP_EINVAL);
		assert_int_equal(err.status, REP_EINVAL);
		assert_non_null(strstr(err.message, "detail"));
		assert_null(e);
	}
	rep_case_free(c);
}

/* The header's promise for every failure: "*e is still the caller's to
 * free or reuse, and reads as an empty estimate (no lines, totals "")". */
static void test_bad_detail_reused_reads_empty(void **state)
{
	(void)state;
	rep_case *c = case_json(de_10_days);
	rep_error err;
	rep_estimate *e = NULL;
	assert_int_equal(rep_estimate_eval(&e, ctx, c, "de-streg", NULL, REP_DETAIL_FULL, &err), REP_OK);
	assert_string_equal(rep_estimate_total(e), "750.00");
	rep_estimate *before = e;
	assert_int_equal(rep_estimate_eval(&e, ctx, c, "de-streg", NULL, (rep_detail)7, &err), REP_EINVAL);
	assert_ptr_equal(e, before);
	tally t = {.case_name = "de-10", .scheme = "de-streg", .opts_name = "defaults"};
	expect_empty(&t, "detail 7", e);
	report(&t, "after an unknown detail");
	/* and it can still be reused */
	assert_int_equal(rep_estimate_eval(&e, ctx, c, "de-streg", NULL, REP_DETAIL_TOTALS, &err), REP_OK);
	assert_string_equal(rep_estimate_total(e), "750.00");
	rep_estimate_free(e);
	rep_case_free(c);
	assert_int_equal(t.mismatches, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden_cases),
		cmocka_unit_test(test_synthetic_caseload),
		cmocka_unit_test(test_reuse_after_failure_full),
		cmocka_unit_test(test_reuse_after_failure_totals),
		cmocka_unit_test(test_de_streg_by_hand),
		cmocka_unit_test(test_fx_plan_follows_context),
		cmocka_unit_test(test_scheme_reloaded_under_its_id),
		cmocka_unit_test(test_bad_detail),
		cmocka_unit_test(test_bad_detail_reused_reads_empty),
	};
	return cmocka_run_group_tests_name("detail", tests, setup, teardown);
}
