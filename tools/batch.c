/* `reparations batch` and `reparations sweep`: one row per case (or grid
 * point) x scheme, as CSV or JSON Lines, for researchers' caseloads.
 *
 * Rows stream out as they come (in input order); with -o they go straight
 * into the temporary that the CLI's atomic writer makes beside FILE and
 * renames over it at the end, so FILE is never half written and a path that
 * cannot be written fails before the first row. A row that failed is a row with
 * its error; the run goes on (unless --fail-fast) and the exit status is 2
 * when any row failed. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "csv_cell.h"

/* ---- output ---- */

typedef struct out_buf {
	char *data;
	size_t len, cap;
	int fd;
	bool failed;
	int error;                /* errno of the failed write */
} out_buf;

static void ob_write(out_buf *o, const char *s, size_t n)
{
	while (n && !o->failed) {
		ssize_t w = write(o->fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			o->failed = true;
			o->error = w < 0 ? errno : EIO;
			return;
		}
		s += w;
		n -= (size_t)w;
	}
}

static void ob_flush(out_buf *o)
{
	ob_write(o, o->data, o->len);
	o->len = 0;
}

static void ob_add(out_buf *o, const char *s, size_t n)
{
	if (o->len + n > o->cap) {
		ob_flush(o);
		if (n > o->cap) {
			ob_write(o, s, n);
			return;
		}
	}
	memcpy(o->data + o->len, s, n);
	o->len += n;
}

static void ob_puts(out_buf *o, const char *s)
{
	ob_add(o, s, strlen(s));
}

static void ob_char(out_buf *o, char c)
{
	if (o->len == o->cap)
		ob_flush(o);
	o->data[o->len++] = c;
}

/* Decimal digits of v into b (24 bytes), NUL-terminated; returns the length.
 * By hand: every row has a few of these, and printf costs more than the row. */
static size_t utoa(char *b, size_t v)
{
	char t[24];
	size_t n = 0;
	do {
		t[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	for (size_t i = 0; i < n; i++)
		b[i] = t[n - 1 - i];
	b[n] = '\0';
	return n;
}

static void ob_size(out_buf *o, size_t v)
{
	char b[24];
	ob_add(o, b, utoa(b, v));
}

/* Case ids and messages come from the input: a formula cell is neutralised
 * as in the estimate's CSV (lib/io/csv_cell.h). */
static void csv_field(out_buf *o, const char *s)
{
	if (!s)
		return;
	bool neutralise = rep_csv_is_formula(s);
	if (!neutralise && !strpbrk(s, ",\"\r\n")) {
		ob_puts(o, s);
		return;
	}
	ob_char(o, '"');
	if (neutralise)
		ob_char(o, '\'');
	for (; *s; s++) {
		if (*s == '"')
			ob_char(o, '"');
		ob_char(o, *s);
	}
	ob_char(o, '"');
}

static void json_string(out_buf *o, const char *s)
{
	if (!s) {
		ob_puts(o, "null");
		return;
	}
	ob_char(o, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		unsigned c = *p;
		if (c == '"' || c == '\\') {
			ob_char(o, '\\');
			ob_char(o, (char)c);
		} else if (c < 0x20) {
			char b[8];
			snprintf(b, sizeof b, "\\u%04x", c);
			ob_puts(o, b);
		} else {
			ob_char(o, (char)c);
		}
	}
	ob_char(o, '"');
}

/* ---- rows ---- */

enum { FMT_CSV, FMT_JSONL };
enum { FIELDS_TOTALS, FIELDS_LINES };

typedef struct job {
	const char *input;        /* file name for messages */
	int format, fields;
	bool fail_fast, quiet, progress;
	out_buf out;
	cli_output file;          /* -o FILE */
	bool to_file;
	const rep_sweep *sweep;   /* sweep: axis columns */
	size_t rows, failed_rows, cases, failed_cases, errors_printed;
	size_t last_index;
	bool any_index;
	/* progress */
	struct timespec t0, last;
	long long in_size;
	FILE *in;
	size_t total;             /* sweep: the grid's points, for the ETA */
	const char *what;         /* "cases" or "points" */
	char heads[8192];
} job;

#define MAX_ERRORS_SHOWN 100
#define STOP_FAIL_FAST REP_EINVAL

static const char *const totals_columns[] = {
	"case", "scheme", "status", "eligible", "currency", "total", "total_if_eligible", "range_low", "range_high",
	"total_pecuniary", "total_non_pecuniary", "days", "per_day", "warnings", "heads", "error_path", "error", NULL};
static const char *const line_columns[] = {
	"case", "scheme", "status", "eligible", "currency", "total", "line", "head", "class", "label", "quantity",
	"unit", "rate", "amount", "basis", "error_path", "error", NULL};

static void header(job *j)
{
	if (j->format != FMT_CSV)
		return;
	bool first = true;
	if (!j->sweep) {
		ob_puts(&j->out, "line");
		first = false;
	}
	for (size_t i = 0; j->sweep && i < rep_sweep_axis_count(j->sweep); i++) {
		if (!first)
			ob_char(&j->out, ',');
		csv_field(&j->out, rep_sweep_axis_path(j->sweep, i));
		first = false;
	}
	for (const char *const *c = j->fields == FIELDS_LINES ? line_columns : totals_columns; *c; c++) {
		if (!first)
			ob_char(&j->out, ',');
		ob_puts(&j->out, *c);
		first = false;
	}
	ob_char(&j->out, '\n');
}

/* "head=amount;head=amount": the subtotal of each head. */
static const char *heads_text(job *j, const rep_estimate *e)
{
	rep_head_total h[64];
	size_t n = rep_estimate_heads(e, h, 64);
	char *b = j->heads;
	size_t cap = sizeof j->heads, len = 0;
	b[0] = '\0';
	for (size_t i = 0; i < n && i < 64; i++) {
		size_t hl = strlen(h[i].head), al = strlen(h[i].amount);
		if (len + hl + al + 3 > cap)
			break;
		if (len)
			b[len++] = ';';
		memcpy(b + len, h[i].head, hl);
		len += hl;
		b[len++] = '=';
		memcpy(b + len, h[i].amount, al + 1);
		len += al;
	}
	return b;
}

static const char *status_text(rep_status st)
{
	return st == REP_OK ? "ok" : rep_status_name(st);
}

/* The columns before the common ones: the line (batch) or the axis values (sweep). */
static void row_prefix(job *j, const rep_batch_row *r)
{
	out_buf *o = &j->out;
	if (j->format == FMT_CSV) {
		if (!j->sweep) {
			if (r->line)
				ob_size(o, r->line);
			else
				ob_size(o, r->index + 1);
			ob_char(o, ',');
		}
		for (size_t i = 0; j->sweep && i < rep_sweep_axis_count(j->sweep); i++) {
			csv_field(o, r->point[i]);
			ob_char(o, ',');
		}
		return;
	}
	ob_char(o, '{');
	if (!j->sweep) {
		ob_puts(o, "\"line\":");
		ob_size(o, r->line ? r->line : r->index + 1);
		ob_char(o, ',');
	} else {
		ob_puts(o, "\"point\":{");
		for (size_t i = 0; i < rep_sweep_axis_count(j->sweep); i++) {
			if (i)
				ob_char(o, ',');
			json_string(o, rep_sweep_axis_path(j->sweep, i));
			ob_char(o, ':');
			json_string(o, r->point[i]);
		}
		ob_puts(o, "},");
	}
}

static void csv_sep(out_buf *o, const char *s)
{
	csv_field(o, s);
	ob_char(o, ',');
}

static void json_kv(out_buf *o, const char *k, const char *v, bool comma)
{
	json_string(o, k);
	ob_char(o, ':');
	json_string(o, v);
	if (comma)
		ob_char(o, ',');
}

static void row_error(job *j, const rep_batch_row *r)
{
	out_buf *o = &j->out;
	const char *msg = r->error ? r->error->message : "";
	const char *path = r->error ? r->error->path : "";
	row_prefix(j, r);
	if (j->format == FMT_CSV) {
		csv_sep(o, r->case_id);
		csv_sep(o, r->scheme);
		csv_sep(o, status_text(r->status));
		size_t empty = j->fields == FIELDS_LINES ? 12 : 12;
		for (size_t i = 0; i < empty; i++)
			ob_char(o, ',');
		csv_sep(o, path);
		csv_field(o, msg);
		ob_char(o, '\n');
		return;
	}
	json_kv(o, "case", r->case_id, true);
	json_kv(o, "scheme", r->scheme, true);
	json_kv(o, "status", status_text(r->status), true);
	ob_puts(o, "\"error\":{");
	json_kv(o, "path", path, true);
	json_kv(o, "message", msg, false);
	ob_puts(o, "}}\n");
}

static void row_totals(job *j, const rep_batch_row *r)
{
	out_buf *o = &j->out;
	const rep_estimate *e = r->estimate;
	const char *lo = "", *hi = "";
	bool range = rep_estimate_range(e, &lo, &hi, NULL);
	char days[24], warnings[24];
	long nd = rep_estimate_days(e);
	if (nd < 0) /* not expected; printed as it is */
		snprintf(days, sizeof days, "%ld", nd);
	else
		utoa(days, (size_t)nd);
	utoa(warnings, rep_estimate_warning_count(e));
	const char *per_day = rep_estimate_per_day(e);
	row_prefix(j, r);
	if (j->format == FMT_CSV) {
		csv_sep(o, r->case_id);
		csv_sep(o, r->scheme);
		ob_puts(o, "ok,");
		ob_puts(o, rep_estimate_eligible(e) ? "true," : "false,");
		csv_sep(o, rep_estimate_currency(e));
		csv_sep(o, rep_estimate_total(e));
		csv_sep(o, rep_estimate_total_if_eligible(e));
		csv_sep(o, range ? lo : "");
		csv_sep(o, range ? hi : "");
		csv_sep(o, rep_estimate_total_pecuniary(e));
		csv_sep(o, rep_estimate_total_non_pecuniary(e));
		csv_sep(o, days);
		csv_sep(o, per_day ? per_day : "");
		csv_sep(o, warnings);
		csv_sep(o, heads_text(j, e));
		ob_puts(o, ",\n");
		return;
	}
	json_kv(o, "case", r->case_id, true);
	json_kv(o, "scheme", r->scheme, true);
	ob_puts(o, "\"status\":\"ok\",\"eligible\":");
	ob_puts(o, rep_estimate_eligible(e) ? "true," : "false,");
	json_kv(o, "currency", rep_estimate_currency(e), true);
	json_kv(o, "total", rep_estimate_total(e), true);
	json_kv(o, "total_if_eligible", rep_estimate_total_if_eligible(e), true);
	json_kv(o, "range_low", range ? lo : NULL, true);
	json_kv(o, "range_high", range ? hi : NULL, true);
	json_kv(o, "total_pecuniary", rep_estimate_total_pecuniary(e), true);
	json_kv(o, "total_non_pecuniary", rep_estimate_total_non_pecuniary(e), true);
	ob_puts(o, "\"days\":");
	ob_puts(o, days);
	ob_char(o, ',');
	json_kv(o, "per_day", per_day && *per_day ? per_day : NULL, true);
	ob_puts(o, "\"warnings\":");
	ob_puts(o, warnings);
	ob_puts(o, ",\"heads\":{");
	rep_head_total h[64];
	size_t nh = rep_estimate_heads(e, h, 64);
	for (size_t i = 0; i < nh && i < 64; i++)
		json_kv(o, h[i].head, h[i].amount, i + 1 < nh && i + 1 < 64);
	ob_puts(o, "}}\n");
}

static void row_lines(job *j, const rep_batch_row *r)
{
	out_buf *o = &j->out;
	const rep_estimate *e = r->estimate;
	size_t n = rep_estimate_line_count(e);
	for (size_t i = 0; i < (n ? n : 1); i++) {
		const rep_line *l = n ? rep_estimate_line(e, i) : NULL;
		char idx[24] = "";
		if (l)
			snprintf(idx, sizeof idx, "%zu", i + 1);
		row_prefix(j, r);
		if (j->format == FMT_CSV) {
			csv_sep(o, r->case_id);
			csv_sep(o, r->scheme);
			ob_puts(o, "ok,");
			ob_puts(o, rep_estimate_eligible(e) ? "true," : "false,");
			csv_sep(o, rep_estimate_currency(e));
			csv_sep(o, rep_estimate_total(e));
			csv_sep(o, idx);
			csv_sep(o, l ? l->head : NULL);
			csv_sep(o, l ? l->klass : NULL);
			csv_sep(o, l ? l->label : NULL);
			csv_sep(o, l ? l->quantity : NULL);
			csv_sep(o, l ? l->unit : NULL);
			csv_sep(o, l ? l->rate : NULL);
			csv_sep(o, l ? l->amount : NULL);
			csv_sep(o, l ? l->basis : NULL);
			ob_puts(o, ",\n");
			continue;
		}
		json_kv(o, "case", r->case_id, true);
		json_kv(o, "scheme", r->scheme, true);
		ob_puts(o, "\"status\":\"ok\",\"eligible\":");
		ob_puts(o, rep_estimate_eligible(e) ? "true," : "false,");
		json_kv(o, "currency", rep_estimate_currency(e), true);
		json_kv(o, "total", rep_estimate_total(e), true);
		ob_puts(o, "\"line\":");
		ob_puts(o, l ? idx : "null");
		ob_char(o, ',');
		json_kv(o, "head", l ? l->head : NULL, true);
		json_kv(o, "class", l ? l->klass : NULL, true);
		json_kv(o, "label", l ? l->label : NULL, true);
		json_kv(o, "quantity", l ? l->quantity : NULL, true);
		json_kv(o, "unit", l ? l->unit : NULL, true);
		json_kv(o, "rate", l ? l->rate : NULL, true);
		json_kv(o, "amount", l ? l->amount : NULL, true);
		json_kv(o, "basis", l ? l->basis : NULL, false);
		ob_puts(o, "}\n");
	}
}

static double seconds_since(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static void progress(job *j, bool final)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (!final && seconds_since(&j->last, &now) < 0.25)
		return;
	j->last = now;
	double el = seconds_since(&j->t0, &now);
	double rate = el > 0 ? (double)j->cases / el : 0;
	char eta[48] = "";
	if (j->total && !final && j->cases > 0 && j->cases <= j->total) {
		double left = el * (double)(j->total - j->cases) / (double)j->cases;
		snprintf(eta, sizeof eta, "  ETA %d:%02d", (int)(left / 60), (int)left % 60);
	} else if (j->in && j->in_size > 0 && !final) {
		long long pos = ftello(j->in);
		if (pos > 0 && pos <= j->in_size) {
			double left = el * (double)(j->in_size - pos) / (double)pos;
			snprintf(eta, sizeof eta, "  ETA %d:%02d", (int)(left / 60), (int)left % 60);
		}
	}
	fprintf(stderr, "\r\033[K  %zu %s  %.0f %s/s  %zu failed%s%s", j->cases, j->what, rate, j->what, j->failed_rows,
		eta, final ? "\n" : "");
}

static rep_status on_row(void *user, const rep_batch_row *r)
{
	job *j = user;
	if (!j->any_index || r->index != j->last_index) {
		j->cases++;
		j->any_index = true;
		j->last_index = r->index;
		if (j->progress && (j->cases & 255) == 0)
			progress(j, false);
	}
	j->rows++;
	if (r->status != REP_OK) {
		j->failed_rows++;
		row_error(j, r);
		if (j->errors_printed < MAX_ERRORS_SHOWN) {
			if (j->progress)
				fputs("\r\033[K", stderr);
			char where[128] = "";
			if (j->sweep)
				snprintf(where, sizeof where, "point %zu", r->index + 1);
			else
				snprintf(where, sizeof where, "line %zu", r->line ? r->line : r->index + 1);
			/* the id, the scheme and the message come from the input: escaped, so that
			 * an ESC cannot drive the terminal nor a newline forge a line */
			fputs("reparations: ", stderr);
			cli_put_escaped(stderr, j->input);
			fprintf(stderr, ": %s", where);
			if (*r->case_id) {
				fputs(": case ", stderr);
				cli_put_escaped(stderr, r->case_id);
			}
			if (r->scheme) {
				fputs(": ", stderr);
				cli_put_escaped(stderr, r->scheme);
			}
			fputs(": ", stderr);
			cli_put_escaped(stderr, r->error ? r->error->message : "");
			fputc('\n', stderr);
		} else if (j->errors_printed == MAX_ERRORS_SHOWN) {
			fputs("reparations: ", stderr);
			cli_put_escaped(stderr, j->input);
			fputs(": more errors: only in the output\n", stderr);
		}
		j->errors_printed++;
		if (j->fail_fast)
			return STOP_FAIL_FAST;
	} else if (j->fields == FIELDS_LINES) {
		row_lines(j, r);
	} else {
		row_totals(j, r);
	}
	return j->out.failed ? REP_EIO : REP_OK;
}

/* ---- arguments ---- */

typedef struct args {
	const char *input;
	const char *schemes[REP_BATCH_MAX_SCHEMES];
	size_t n_schemes;
	const char *vary[REP_SWEEP_MAX_AXES + 1];
	size_t n_vary;
	const char *output;
	int format, fields;
	unsigned jobs;
	bool fail_fast, quiet;
} args;

/* An option axis of a scheme the run does not evaluate changes no row: the
 * rows still show its values, so say so (not an error: comparing a scheme
 * that has the option with one that has not is a reason to write it). */
static void warn_idle_option_axes(const args *a)
{
	for (size_t i = 0; i < a->n_vary; i++) {
		const char *v = a->vary[i];
		if (strncmp(v, "option:", 7) != 0)
			continue;
		const char *s = v + 7, *dot = strchr(s, '.');
		if (!dot)
			continue;
		size_t n = (size_t)(dot - s);
		bool used = false;
		for (size_t k = 0; k < a->n_schemes && !used; k++)
			used = strlen(a->schemes[k]) == n && strncmp(a->schemes[k], s, n) == 0;
		if (used)
			continue;
		/* the axis and its scheme as given, escaped: they come from the command line */
		char path[256], scheme[128];
		size_t pl = strcspn(v, "=");
		snprintf(path, sizeof path, "%.*s", (int)(pl < sizeof path ? pl : sizeof path - 1), v);
		snprintf(scheme, sizeof scheme, "%.*s", (int)(n < sizeof scheme ? n : sizeof scheme - 1), s);
		fputs("reparations: warning: --vary ", stderr);
		cli_put_escaped(stderr, path);
		fputs(": scheme ", stderr);
		cli_put_escaped(stderr, scheme);
		fputs(" is not in this run (add --scheme ", stderr);
		cli_put_escaped(stderr, scheme);
		fputs("): the axis changes no row\n", stderr);
	}
}

static int value_of(int *i, int argc, char **argv, const char **out)
{
	if (*i + 1 >= argc) {
		fprintf(stderr, "reparations: %s needs a value\n", argv[*i]);
		return EXIT_BAD_INPUT;
	}
	*out = argv[++*i];
	return 0;
}

static int add_scheme(args *a, const char *id)
{
	if (a->n_schemes == REP_BATCH_MAX_SCHEMES)
		return cli_fail("--scheme", REP_ELIMIT, "more than 256 schemes");
	if (*id)
		a->schemes[a->n_schemes++] = id;
	return 0;
}

static int parse_args(args *a, int argc, char **argv, rep_context *ctx, rep_options *opts, bool sweep,
		      const char *help)
{
	rep_error err;
	rep_error_clear(&err);
	a->jobs = 1;
	for (int i = 2; i < argc; i++) {
		const char *s = argv[i], *v = NULL;
		int rc = 0;
		if (strcmp(s, "--help") == 0 || strcmp(s, "-h") == 0) {
			fputs(help, stdout);
			return 0;
		} else if (strcmp(s, "--scheme") == 0 || strcmp(s, "--schemes") == 0) {
			if ((rc = value_of(&i, argc, argv, &v)))
				return rc;
			char *list = argv[i];
			for (char *save = NULL, *tok = strtok_r(list, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
				if ((rc = add_scheme(a, tok)))
					return rc;
		} else if (strcmp(s, "--all") == 0) {
			for (size_t k = 0; k < rep_scheme_count(ctx); k++)
				if ((rc = add_scheme(a, rep_scheme_id(rep_scheme_at(ctx, k)))))
					return rc;
		} else if (strcmp(s, "--option") == 0) {
			if ((rc = value_of(&i, argc, argv, &v)))
				return rc;
			if (rep_options_add(opts, v, &err))
				return cli_fail("--option", err.status, err.message);
		} else if (strcmp(s, "--format") == 0) {
			if ((rc = value_of(&i, argc, argv, &v)))
				return rc;
			if (strcmp(v, "csv") == 0)
				a->format = FMT_CSV;
			else if (strcmp(v, "jsonl") == 0 || strcmp(v, "json") == 0)
				a->format = FMT_JSONL;
			else
				return cli_fail("--format", REP_EINVAL, "expected csv or jsonl");
		} else if (strcmp(s, "--fields") == 0) {
			if ((rc = value_of(&i, argc, argv, &v)))
				return rc;
			if (strcmp(v, "totals") == 0)
				a->fields = FIELDS_TOTALS;
			else if (strcmp(v, "lines") == 0)
				a->fields = FIELDS_LINES;
			else
				return cli_fail("--fields", REP_EINVAL, "expected totals or lines");
		} else if (strcmp(s, "--jobs") == 0 || strcmp(s, "-j") == 0) {
			if ((rc = value_of(&i, argc, argv, &v)))
				return rc;
			char *end;
			unsigned long n = strtoul(v, &end, 10);
			if (*v < '0' || *v > '9' || *end || n > REP_BATCH_MAX_JOBS)
				return cli_fail("--jobs", REP_EINVAL, "expected 0 (one per processor) to 256");
			a->jobs = (unsigned)n;
		} else if (strcmp(s, "--vary") == 0 && sweep) {
			if ((rc = value_of(&i, argc, argv, &v)))
				return rc;
			if (a->n_vary == REP_SWEEP_MAX_AXES)
				return cli_fail("--vary", REP_ELIMIT, "more than 8 axes");
			a->vary[a->n_vary++] = v;
		} else if (strcmp(s, "--fail-fast") == 0) {
			a->fail_fast = true;
		} else if (strcmp(s, "--quiet") == 0 || strcmp(s, "-q") == 0) {
			a->quiet = true;
		} else if (strcmp(s, "-o") == 0 || strcmp(s, "--output") == 0) {
			if ((rc = value_of(&i, argc, argv, &a->output)))
				return rc;
		} else if ((rc = cli_context_flag(ctx, &i, argc, argv)) >= 0) {
			if (rc)
				return rc;
		} else if (s[0] == '-' && s[1] != '\0') {
			fprintf(stderr, "reparations: unknown option %s (see `reparations %s --help`)\n", s, argv[1]);
			return EXIT_BAD_INPUT;
		} else if (!a->input) {
			a->input = s;
		} else {
			fprintf(stderr, "reparations: unexpected argument %s\n", s);
			return EXIT_BAD_INPUT;
		}
	}
	if (!a->input) {
		fprintf(stderr, "reparations: %s: an input file is required (see `reparations %s --help`)\n", argv[1],
			argv[1]);
		return EXIT_BAD_INPUT;
	}
	if (a->n_schemes == 0) {
		fprintf(stderr, "reparations: %s: at least one --scheme ID is required (see `reparations schemes`)\n",
			argv[1]);
		return EXIT_BAD_INPUT;
	}
	return -1;
}

/* Rows go to stdout, or for -o into the atomic writer's temporary beside
 * FILE (or into FILE itself when it is a device or a FIFO). */
static int open_output(job *j, const char *output)
{
	j->out.cap = 1 << 16;
	j->out.data = malloc(j->out.cap);
	if (!j->out.data)
		return cli_fail("output", REP_ENOMEM, "out of memory");
	if (!output || strcmp(output, "-") == 0) {
		j->out.fd = STDOUT_FILENO;
		return 0;
	}
	rep_error err;
	rep_error_clear(&err);
	rep_status st = cli_output_open(&j->file, output, &err);
	if (st) {
		free(j->out.data);
		j->out.data = NULL;
		return cli_fail(output, st, err.message);
	}
	j->to_file = true;
	j->out.fd = j->file.fd;
	return 0;
}

/* Flush the rows and, when keep, rename them over FILE; else leave FILE as it was. */
static int close_output(job *j, const char *output, bool keep)
{
	ob_flush(&j->out);
	free(j->out.data);
	j->out.data = NULL;
	if (!j->to_file) {
		if (j->out.failed)
			return cli_fail("stdout", REP_EIO, strerror(j->out.error));
		return 0;
	}
	j->to_file = false;
	if (j->out.failed || !keep) {
		cli_output_discard(&j->file);
		if (!j->out.failed)
			return 0;
		char msg[300];
		snprintf(msg, sizeof msg, "cannot write: %s", strerror(j->out.error));
		return cli_fail(output, REP_EINVAL, msg);
	}
	rep_error err;
	rep_error_clear(&err);
	rep_status st = cli_output_commit(&j->file, &err);
	return st ? cli_fail(output, st, err.message) : 0;
}

static void summary(job *j, const char *what, size_t n_schemes)
{
	if (j->progress)
		progress(j, true);
	fputs("reparations: ", stderr);
	cli_put_escaped(stderr, j->input);
	fprintf(stderr, ": %zu %s x %zu schemes: %zu rows, %zu ok, %zu failed%s\n", j->cases,
		what, n_schemes, j->rows, j->rows - j->failed_rows, j->failed_rows,
		j->fail_fast && j->failed_rows ? " (stopped at the first failure: --fail-fast)" : "");
}

static int finish_job(job *j, const args *a, rep_status st, const rep_error *err, const char *what)
{
	/* the output failed (the callback stopped the run): that is the one error to tell */
	if (st == REP_EIO && j->out.failed) {
		if (j->progress)
			fputs("\r\033[K", stderr);
		return close_output(j, a->output, false);
	}
	bool fatal = st != REP_OK && st != STOP_FAIL_FAST;
	if (fatal) {
		if (j->progress)
			fputs("\r\033[K", stderr);
		/* stopped before its first row (a UTF-16 input, an option a scheme lacks): standard
		 * output gets nothing, not a header without rows (it is still in the buffer) */
		if (j->rows == 0)
			j->out.len = 0;
		int rc = cli_fail(j->input, st, err->message);
		close_output(j, a->output, false);
		return rc;
	}
	/* rows cut short by --fail-fast are not all the rows: an existing -o file stays as it was */
	int rc = close_output(j, a->output, st != STOP_FAIL_FAST);
	if (!a->quiet || j->failed_rows)
		summary(j, what, a->n_schemes);
	if (rc)
		return rc;
	return j->failed_rows ? EXIT_BAD_INPUT : 0;
}

int cli_batch(int argc, char **argv, rep_context *ctx, rep_options *opts)
{
	static const char help[] =
		"usage: reparations batch CASES.jsonl --scheme ID [--scheme ID ...] [options]\n"
		"  Evaluate every case of a JSON Lines file (one case object per line; - reads standard input)\n"
		"  under every scheme: one row per case x scheme, in input order, as CSV or JSON Lines.\n"
		"  Columns: line, case, scheme, status, eligible, currency, total, total_if_eligible,\n"
		"  range_low, range_high, total_pecuniary, total_non_pecuniary, days, per_day, warnings,\n"
		"  heads (subtotal per head: liberty=750.00;moral_harm=...), error_path, error.\n"
		"  A line that cannot be read or evaluated is a row with its error (and a line on stderr);\n"
		"  the others go on. Exit status 2 when any row failed, 0 when none did.\n"
		"  Lines longer than 1 MiB and bytes that are not UTF-8 are row errors.\n"
		"\n"
		"  --scheme ID, --schemes ID,ID  schemes (repeatable); --all: every scheme\n"
		"  --option SCHEME.NAME=VALUE   set a scheme option (repeatable)\n"
		"  --format csv|jsonl           output format (default csv)\n"
		"  --fields totals|lines        one row per estimate (default), or one per itemized line\n"
		"  --jobs N                     threads (default 1; 0: one per processor); rows stay in order\n"
		"  --fail-fast                  stop at the first failed row\n"
		"  --quiet                      no progress bar and no summary unless a row failed\n"
		"  --fx FROM/TO=RATE            exchange rate: 1 FROM = RATE TO (repeatable)\n"
		"  --fx-file FILE               exchange rates, one FROM/TO=RATE[,YYYY-MM-DD] per line\n"
		"  --series-file FILE, --scheme-file FILE   reference series / a scheme defined in JSON\n"
		"  --strict-data                a date after a series' last point makes the row an error\n"
		"                               (default: its latest point is used, with a warning)\n"
		"  -o, --output FILE            write to FILE (atomically: all rows or nothing)\n";
	args a = {0};
	int rc = parse_args(&a, argc, argv, ctx, opts, false, help);
	if (rc >= 0)
		return rc;
	rep_error err;
	rep_error_clear(&err);
	rep_batch *b;
	rep_status st = rep_batch_new(&b, ctx, a.schemes, a.n_schemes, opts, &err);
	if (st)
		return cli_fail("batch", st, err.message);
	rep_batch_set_jobs(b, a.jobs);
	/* rows of totals need no words of the lines: the engine builds none */
	rep_batch_set_detail(b, a.fields == FIELDS_LINES ? REP_DETAIL_FULL : REP_DETAIL_TOTALS);
	FILE *in = strcmp(a.input, "-") == 0 ? stdin : fopen(a.input, "rb");
	if (!in) {
		char msg[300];
		snprintf(msg, sizeof msg, "cannot open: %s", strerror(errno));
		rep_batch_free(b);
		return cli_fail(a.input, REP_EINVAL, msg);
	}
	struct stat sb;
	if (fstat(fileno(in), &sb) == 0 && S_ISDIR(sb.st_mode)) { /* as cli_read_file: bad input, exit 2 */
		if (in != stdin)
			fclose(in);
		rep_batch_free(b);
		return cli_fail(a.input, REP_EINVAL, "cannot read: it is a directory");
	}
	/* -o must not name the file being read (nor, through a redirection, standard input) */
	cli_note_input(fileno(in));
	job j = {.input = strcmp(a.input, "-") == 0 ? "stdin" : a.input, .format = a.format, .fields = a.fields,
		 .fail_fast = a.fail_fast, .quiet = a.quiet, .in = in, .in_size = -1, .what = "cases"};
	j.progress = !a.quiet && isatty(STDERR_FILENO);
	if (fstat(fileno(in), &sb) == 0 && S_ISREG(sb.st_mode))
		j.in_size = (long long)sb.st_size;
	clock_gettime(CLOCK_MONOTONIC, &j.t0);
	j.last = j.t0;
	if ((rc = open_output(&j, a.output))) {
		if (in != stdin)
			fclose(in);
		rep_batch_free(b);
		return rc;
	}
	header(&j);
	st = rep_batch_run_jsonl(b, in, on_row, &j, &err);
	if (in != stdin)
		fclose(in);
	rep_batch_free(b);
	return finish_job(&j, &a, st, &err, "cases");
}

int cli_sweep(int argc, char **argv, rep_context *ctx, rep_options *opts)
{
	static const char help[] =
		"usage: reparations sweep CASE.json --scheme ID [--scheme ID ...] --vary PATH=FROM:TO:STEP [--vary ...] [options]\n"
		"  Evaluate one case over a grid: each --vary changes one field of the case or one scheme\n"
		"  option; one row per grid point x scheme (first axis slowest), as CSV or JSON Lines.\n"
		"  PATH: detentions[i].start|end, harms[i].start|end|date, harms[i].amount|monthly|annual|\n"
		"  years|growth|discount_rate, as_of, proceedings.decision_date|notice_date|application_date,\n"
		"  or option:SCHEME.NAME. Dates step by days, months or years (2020-01-01:2025-01-01:1m,\n"
		"  :30d, :1y), decimals by a decimal (0:1000:50); PATH=V1,V2,... lists the values.\n"
		"  At most 8 axes and 1000000 grid points. Columns: the axes, then as `reparations batch`.\n"
		"\n"
		"  --scheme ID, --schemes ID,ID, --all, --option, --format csv|jsonl, --fields totals|lines,\n"
		"  --jobs N, --fail-fast, --quiet, --fx, --fx-file, --series-file, --scheme-file, --strict-data,\n"
		"  -o FILE:\n"
		"  as for `reparations batch`\n";
	args a = {0};
	int rc = parse_args(&a, argc, argv, ctx, opts, true, help);
	if (rc >= 0)
		return rc;
	if (a.n_vary == 0) {
		fprintf(stderr, "reparations: sweep: at least one --vary PATH=FROM:TO:STEP is required\n");
		return EXIT_BAD_INPUT;
	}
	rep_error err;
	rep_error_clear(&err);
	char *text;
	size_t len;
	rep_status st = cli_read_file(a.input, &text, &len, &err);
	if (st)
		return cli_fail(a.input, st, err.message);
	rep_case *c = NULL;
	st = rep_case_from_json(&c, text, len, &err);
	free(text);
	if (st)
		return cli_fail(a.input, st, err.message);
	rep_sweep *sw = NULL;
	st = rep_sweep_new(&sw, c, &err);
	rep_case_free(c);
	for (size_t i = 0; st == REP_OK && i < a.n_vary; i++)
		if ((st = rep_sweep_add(sw, a.vary[i], &err)))
			rc = cli_fail("--vary", st, err.message);
	if (st && rc < 0)
		rc = cli_fail(a.input, st, err.message);
	if (st) {
		rep_sweep_free(sw);
		return rc;
	}
	if (!a.quiet)
		warn_idle_option_axes(&a);
	rep_batch *b;
	if ((st = rep_batch_new(&b, ctx, a.schemes, a.n_schemes, opts, &err))) {
		rep_sweep_free(sw);
		return cli_fail("--option", st, err.message);
	}
	rep_batch_set_jobs(b, a.jobs);
	/* rows of totals need no words of the lines: the engine builds none */
	rep_batch_set_detail(b, a.fields == FIELDS_LINES ? REP_DETAIL_FULL : REP_DETAIL_TOTALS);
	job j = {.input = a.input, .format = a.format, .fields = a.fields, .fail_fast = a.fail_fast, .quiet = a.quiet,
		 .sweep = sw, .in_size = -1, .what = "points", .total = rep_sweep_point_count(sw)};
	j.progress = !a.quiet && isatty(STDERR_FILENO);
	clock_gettime(CLOCK_MONOTONIC, &j.t0);
	j.last = j.t0;
	if ((rc = open_output(&j, a.output)) == 0) {
		header(&j);
		st = rep_sweep_run(sw, b, on_row, &j, &err);
		/* an axis refused before any row (an option its scheme lacks) is the --vary's fault, not the case's */
		for (size_t i = 0; st && j.rows == 0 && i < rep_sweep_axis_count(sw); i++)
			if (strcmp(err.path, rep_sweep_axis_path(sw, i)) == 0)
				j.input = "--vary";
		rc = finish_job(&j, &a, st, &err, "points");
	}
	rep_batch_free(b);
	rep_sweep_free(sw);
	return rc;
}
