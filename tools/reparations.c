/* reparations: the command-line program.
 *
 *   reparations estimate CASE.json --scheme ID [--scheme ID ...] [--option S.N=V ...] [--format F]
 *   reparations compare  CASE.json [--schemes ID,ID,... | --all] [--report-currency CUR] [--format F]
 *   reparations schemes  [--format json] [--export ID]
 *   reparations refdata  [SERIES] [--format json]
 *   reparations validate CASE.json
 *   reparations batch    CASES.jsonl --scheme ID ... [--format csv|jsonl] [--jobs N]   (tools/batch.c)
 *   reparations sweep    CASE.json --scheme ID ... --vary PATH=FROM:TO:STEP ...     (tools/batch.c)
 *   reparations calc     pv|interest|index ...
 *
 * Exit status: 0 success, 2 bad input or usage (one line on stderr naming
 * the file and the field; an output path that cannot be written), 1 an
 * internal failure (out of memory, cannot write standard output). */
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "cli.h"

static const char *const usage_main =
	"usage: reparations <command> [arguments]\n"
	"\n"
	"Itemized, cited compensation estimates for unlawful detention.\n"
	"\n"
	"commands:\n"
	"  estimate CASE.json --scheme ID [--scheme ID ...]   one estimate per scheme\n"
	"  compare  CASE.json [--schemes ID,ID,... | --all]   schemes side by side\n"
	"  schemes  [--format json] [--export ID]             list the schemes; --export: one as JSON\n"
	"  refdata  [SERIES] [--format json]                  list reference series, or one series' points\n"
	"  validate CASE.json                                 check a case file\n"
	"  batch    CASES.jsonl --scheme ID [--scheme ID ...] one row per case x scheme (CSV or JSON Lines)\n"
	"  sweep    CASE.json --scheme ID --vary PATH=FROM:TO:STEP   one row per grid point x scheme\n"
	"  calc     pv|interest|index ...                     time-value calculators\n"
	"\n"
	"  --version, --help; `reparations COMMAND --help` for each command.\n";

static const char *const usage_common =
	"  --option SCHEME.NAME=VALUE  set a scheme option (repeatable; `reparations schemes` lists them)\n"
	"  --format table|json|csv|markdown|html|pdf   output format (default table); html and pdf:\n"
	"                              a printable statement (pdf needs the Debian package chromium)\n"
	"  --lang en|ru|kk             language of the human text (default from LANG/LC_MESSAGES, else en)\n"
	"  --width N                   table width in columns (default $COLUMNS, else 100)\n"
	"  --human                     CSV amounts formatted for the language (1 234,50)\n"
	"  --as-of YYYY-MM-DD          valuation date (overrides the case's as_of)\n"
	"  --fx FROM/TO=RATE           exchange rate: 1 FROM = RATE TO (repeatable)\n"
	"  --fx-file FILE              exchange rates, one FROM/TO=RATE[,YYYY-MM-DD] per line\n"
	"  --series-file FILE          reference series (CSV or JSON) replacing or extending built-in data\n"
	"  --scheme-file FILE          a scheme defined in JSON (docs/schemes.md)\n"
	"  --strict-data               a date after a series' last point is an error (default: its latest\n"
	"                              point is used, with a warning naming the series and the point)\n"
	"  -o, --output FILE           write to FILE (atomically: nothing is written on error)\n";

/* Text from the input (ids, descriptions, notes, scheme texts) reaches the
 * terminal in error messages: control characters (C0, DEL, C1) are written
 * as visible escapes, so an ESC or OSC sequence cannot drive the terminal
 * and a newline cannot split the one-line message. */
void cli_put_escaped(FILE *f, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
		if (*p < 0x20 || *p == 0x7f)
			fprintf(f, "\\x%02x", *p);
		else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			fprintf(f, "\\u%04x", p[1]), p++;
		else
			fputc(*p, f);
	}
}

int cli_fail(const char *what, rep_status st, const char *message)
{
	fputs("reparations: ", stderr);
	cli_put_escaped(stderr, what);
	if (what && message && *message)
		fputs(": ", stderr);
	cli_put_escaped(stderr, message);
	fputc('\n', stderr);
	return st == REP_ENOMEM || st == REP_EIO ? EXIT_INTERNAL : EXIT_BAD_INPUT;
}

/* cli_fail with a formatted message and no `what`: argv text is escaped too. */
__attribute__((format(printf, 1, 2))) static int cli_usage(const char *fmt, ...)
{
	char m[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(m, sizeof m, fmt, ap);
	va_end(ap);
	return cli_fail(NULL, REP_EUSAGE, m);
}

/* The files read as input (device and inode), so that -o cannot name one. */
static struct {
	dev_t dev;
	ino_t ino;
} inputs[64];
static size_t n_inputs;

void cli_note_input(int fd)
{
	struct stat st;
	if (n_inputs < sizeof inputs / sizeof inputs[0] && fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
		inputs[n_inputs].dev = st.st_dev;
		inputs[n_inputs].ino = st.st_ino;
		n_inputs++;
	}
}

rep_status cli_read_file(const char *path, char **out, size_t *len, rep_error *err)
{
	*out = NULL;
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (!f) {
		snprintf(err->message, sizeof err->message, "cannot open: %s", strerror(errno));
		err->status = REP_EIO;
		return REP_EINVAL;
	}
	/* a directory opens, then fails to read (EISDIR): it is a wrong argument, not an I/O failure */
	struct stat sb;
	if (fstat(fileno(f), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		if (f != stdin)
			fclose(f);
		snprintf(err->message, sizeof err->message, "cannot read: it is a directory");
		return err->status = REP_EINVAL;
	}
	cli_note_input(fileno(f));
	/* one byte more than the limit tells a file of exactly the limit from a larger one */
	size_t cap = 65536, n = 0;
	char *buf = malloc(cap + 1);
	rep_status st = REP_OK;
	while (buf) {
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (n < cap) {
			if (ferror(f)) {
				snprintf(err->message, sizeof err->message, "read error: %s", strerror(errno));
				st = REP_EIO;
			}
			break;
		}
		if (n > REP_CLI_MAX_FILE) {
			snprintf(err->message, sizeof err->message, "file larger than %u bytes", REP_CLI_MAX_FILE);
			st = REP_ELIMIT;
			break;
		}
		cap = cap >= REP_CLI_MAX_FILE ? REP_CLI_MAX_FILE + 1 : cap * 2;
		char *nb = realloc(buf, cap + 1);
		if (!nb) {
			free(buf);
			buf = NULL;
		}
		buf = nb;
	}
	if (f != stdin)
		fclose(f);
	if (!buf) {
		snprintf(err->message, sizeof err->message, "out of memory");
		return REP_ENOMEM;
	}
	if (st) {
		free(buf);
		err->status = st;
		return st;
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return REP_OK;
}

static rep_status write_all(int fd, const char *text, size_t len)
{
	while (len) {
		ssize_t w = write(fd, text, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (w == 0)
				errno = EIO;
			return REP_EIO;
		}
		text += w;
		len -= (size_t)w;
	}
	return REP_OK;
}

/* Where a chain of symbolic links ends (the path itself when it is none);
 * the end need not exist yet. Caller frees. */
static char *link_target(const char *path)
{
	char *cur = strdup(path);
	for (int hops = 0; cur && hops < 40; hops++) {
		struct stat st;
		if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
			return cur;
		char link[PATH_MAX];
		ssize_t n = readlink(cur, link, sizeof link - 1);
		if (n < 0) {
			free(cur);
			return NULL;
		}
		link[n] = '\0';
		char *next;
		const char *slash = strrchr(cur, '/');
		if (link[0] == '/' || !slash) {
			next = strdup(link);
		} else {
			size_t dl = (size_t)(slash - cur) + 1;
			next = malloc(dl + (size_t)n + 1);
			if (next) {
				memcpy(next, cur, dl);
				memcpy(next + dl, link, (size_t)n + 1);
			}
		}
		free(cur);
		cur = next;
	}
	if (cur)
		errno = ELOOP;
	free(cur);
	return NULL;
}

#define OUT_FAIL(...) (snprintf(err->message, sizeof err->message, __VA_ARGS__), err->status = REP_EINVAL)

/* -o PATH. A regular file (or a new one) is replaced atomically: the text
 * goes to a temporary made by mkstemp in the same directory, given the old
 * file's mode (and owner where permitted; a new file gets 0666 less the
 * umask), then renamed over it. A symbolic link is followed and its target
 * replaced. A file with other hard links is rewritten in place at the end
 * (from the temporary), so that every name keeps seeing it. Anything that is
 * not a regular file (device, FIFO) is written directly. An input file is
 * never overwritten. Failures name the path and are bad usage (exit 2);
 * nothing is left behind. Opening does every check and makes the temporary,
 * so that batch and sweep, which stream their rows into it, fail before the
 * first row on a path they could not write. */
rep_status cli_output_open(cli_output *o, const char *path, rep_error *err)
{
	memset(o, 0, sizeof *o);
	o->fd = -1;
	o->path = path;
	struct stat st;
	bool exists = stat(path, &st) == 0;
	if (!exists && errno != ENOENT)
		return OUT_FAIL("cannot write: %s", strerror(errno));
	if (exists) {
		for (size_t i = 0; i < n_inputs; i++)
			if (inputs[i].dev == st.st_dev && inputs[i].ino == st.st_ino)
				return OUT_FAIL("-o names an input file: write the output to another path");
		if (S_ISDIR(st.st_mode))
			return OUT_FAIL("cannot write: it is a directory");
	}
	if (exists && !S_ISREG(st.st_mode)) {
		o->fd = open(path, O_WRONLY | O_NOCTTY);
		if (o->fd < 0)
			return OUT_FAIL("cannot write: %s", strerror(errno));
		return REP_OK;
	}
	o->exists = exists;
	o->in_place = exists && st.st_nlink > 1;
	o->mode = exists ? st.st_mode & 07777 : 0;
	o->uid = exists ? st.st_uid : (uid_t)-1;
	o->gid = exists ? st.st_gid : (gid_t)-1;
	o->target = o->in_place ? strdup(path) : link_target(path);
	if (!o->target)
		return OUT_FAIL("cannot write: %s", strerror(errno));
	const char *slash = strrchr(o->target, '/');
	size_t dl = slash ? (size_t)(slash - o->target) + 1 : 0;
	size_t cap = strlen(o->target) + 16;
	o->tmp = malloc(cap);
	if (!o->tmp) {
		free(o->target);
		o->target = NULL;
		snprintf(err->message, sizeof err->message, "out of memory");
		return err->status = REP_ENOMEM;
	}
	memcpy(o->tmp, o->target, dl);
	snprintf(o->tmp + dl, cap - dl, ".%s.XXXXXX", o->target + dl);
	o->fd = mkstemp(o->tmp);
	if (o->fd < 0) {
		OUT_FAIL("cannot write: %s", strerror(errno));
		free(o->tmp);
		free(o->target);
		o->tmp = o->target = NULL;
		return REP_EINVAL;
	}
	return REP_OK;
}

void cli_output_discard(cli_output *o)
{
	if (o->fd >= 0)
		close(o->fd);
	if (o->tmp)
		unlink(o->tmp);
	free(o->tmp);
	free(o->target);
	o->fd = -1;
	o->tmp = o->target = NULL;
}

/* A file with other names: its bytes are replaced from the temporary. */
static rep_status copy_in_place(int from, const char *path)
{
	int to = open(path, O_WRONLY | O_NOCTTY | O_TRUNC);
	if (to < 0)
		return REP_EIO;
	rep_status rs = lseek(from, 0, SEEK_SET) == 0 ? REP_OK : REP_EIO;
	char buf[65536];
	while (rs == REP_OK) {
		ssize_t n = read(from, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			rs = REP_EIO;
		if (n <= 0)
			break;
		rs = write_all(to, buf, (size_t)n);
	}
	int e = errno;
	if (close(to) != 0 && rs == REP_OK)
		rs = REP_EIO, e = errno;
	errno = e;
	return rs;
}

rep_status cli_output_commit(cli_output *o, rep_error *err)
{
	int e = 0;
	rep_status rs = REP_OK;
	if (!o->tmp) {
		if (close(o->fd) != 0)
			rs = REP_EIO, e = errno;
		o->fd = -1;
		return rs ? OUT_FAIL("cannot write: %s", strerror(e)) : REP_OK;
	}
	mode_t mode;
	if (o->exists) {
		mode = o->mode;
		/* keep the owner where permitted (root), else at least the group */
		if (fchown(o->fd, o->uid, o->gid) != 0 && fchown(o->fd, (uid_t)-1, o->gid) != 0) {
			/* not permitted: the file becomes the writer's, as any editor's save would */
		}
	} else {
		mode_t mask = umask(0);
		umask(mask);
		mode = 0666 & ~mask;
	}
	if (o->in_place) {
		if (copy_in_place(o->fd, o->path) != REP_OK)
			rs = REP_EIO, e = errno;
	} else if (fchmod(o->fd, mode) != 0 || fsync(o->fd) != 0) {
		rs = REP_EIO, e = errno;
	}
	if (close(o->fd) != 0 && rs == REP_OK)
		rs = REP_EIO, e = errno;
	o->fd = -1;
	if (rs == REP_OK && !o->in_place && rename(o->tmp, o->target) != 0)
		rs = REP_EIO, e = errno;
	if (rs || o->in_place)
		unlink(o->tmp);
	free(o->tmp);
	free(o->target);
	o->tmp = o->target = NULL;
	return rs ? OUT_FAIL("cannot write: %s", strerror(e)) : REP_OK;
}

rep_status cli_write_output(const char *path, const char *text, size_t len, rep_error *err)
{
	if (!path || strcmp(path, "-") == 0) {
		if (fwrite(text, 1, len, stdout) != len || fflush(stdout) != 0) {
			snprintf(err->message, sizeof err->message, "cannot write standard output: %s", strerror(errno));
			return REP_EIO;
		}
		return REP_OK;
	}
	cli_output o;
	rep_status st = cli_output_open(&o, path, err);
	if (st)
		return st;
	if (write_all(o.fd, text, len) != REP_OK) {
		int e = errno;
		cli_output_discard(&o);
		return OUT_FAIL("cannot write: %s", strerror(e));
	}
	return cli_output_commit(&o, err);
}

/* The language from the environment as gettext reads it (LC_ALL, then
 * LC_MESSAGES, then LANG: "ru_RU.UTF-8" is ru; C, POSIX and the rest are en),
 * and the table width from COLUMNS. --lang and --width override both. */
static void cli_default_render(rep_render_opts *ro)
{
	const char *vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	for (size_t i = 0; i < 3; i++) {
		const char *v = getenv(vars[i]);
		if (!v || !*v)
			continue;
		char l[3] = {v[0], v[1], '\0'};
		if (v[1] && (v[2] == '\0' || v[2] == '_' || v[2] == '.' || v[2] == '@'))
			rep_render_opts_set_lang(ro, l, NULL);
		break;
	}
	const char *cols = getenv("COLUMNS");
	if (cols && *cols) {
		char *end;
		long w = strtol(cols, &end, 10);
		if (!*end && w >= 40 && w <= 1000)
			rep_render_opts_set_width(ro, (unsigned)w);
	}
}

/* ---- options shared by estimate and compare ---- */

typedef struct cli_opts {
	const char *case_path;
	const char *schemes[256];
	size_t n_schemes;
	bool all;
	const char *report_currency;
	const char *output;
	const char *as_of;
	rep_format format;
	bool pdf;
	rep_render_opts *render;
	rep_options *options;
	rep_context *ctx;
} cli_opts;

static int need_value(int i, int argc, char **argv)
{
	if (i + 1 >= argc) {
		cli_usage("%s needs a value", argv[i]);
		return 0;
	}
	return 1;
}

static int add_scheme_list(cli_opts *o, char *list)
{
	for (char *tok = strtok(list, ","); tok; tok = strtok(NULL, ",")) {
		if (o->n_schemes == sizeof o->schemes / sizeof o->schemes[0])
			return cli_fail("--schemes", REP_ELIMIT, "more than 256 schemes");
		if (*tok)
			o->schemes[o->n_schemes++] = tok;
	}
	return 0;
}

static int load_fx_file(rep_context *ctx, const char *path)
{
	char *text;
	size_t len;
	rep_error err;
	rep_error_clear(&err);
	rep_status st = cli_read_file(path, &text, &len, &err);
	if (st)
		return cli_fail(path, st, err.message);
	st = rep_context_load_fx_named(ctx, text, len, path, &err);
	free(text);
	return st ? cli_fail(path, st, err.message) : 0;
}

int cli_load_file(rep_context *ctx, const char *path, bool scheme)
{
	char *text;
	size_t len;
	rep_error err;
	rep_error_clear(&err);
	rep_status st = cli_read_file(path, &text, &len, &err);
	if (st)
		return cli_fail(path, st, err.message);
	if (scheme) {
		st = rep_context_load_scheme(ctx, text, len, &err);
	} else {
		const char *dot = strrchr(path, '.');
		st = rep_context_load_series(ctx, text, len, dot && strcmp(dot, ".json") == 0 ? "json" : "csv", &err);
	}
	free(text);
	return st ? cli_fail(path, st, err.message) : 0;
}

int cli_context_flag(rep_context *ctx, int *i, int argc, char **argv)
{
	const char *a = argv[*i];
	bool fx = strcmp(a, "--fx") == 0, fx_file = strcmp(a, "--fx-file") == 0,
	     scheme_file = strcmp(a, "--scheme-file") == 0;
	if (strcmp(a, "--strict-data") == 0) {
		rep_context_set_strict_data(ctx, 1);
		return 0;
	}
	if (!fx && !fx_file && !scheme_file && strcmp(a, "--series-file") != 0)
		return -1;
	if (!need_value(*i, argc, argv))
		return EXIT_BAD_INPUT;
	char *v = argv[++*i];
	if (fx_file)
		return load_fx_file(ctx, v);
	if (!fx)
		return cli_load_file(ctx, v, scheme_file);
	char *eq = strchr(v, '=');
	if (!eq)
		return cli_fail("--fx", REP_ESYNTAX, "expected FROM/TO=RATE, e.g. EUR/KZT=520.50");
	*eq = '\0';
	rep_error err;
	rep_error_clear(&err);
	if (rep_context_set_fx(ctx, v, eq + 1, REP_DATE_NONE, "user-supplied (--fx)", &err))
		return cli_fail("--fx", err.status, err.message);
	return 0;
}

/* The flag meant by a mistyped one, when they differ only in case, dashes and underscores
 * ("--fxfile", "--as_of", "--Report-Currency"), or by one trailing 's' (--scheme/--schemes). */
static const char *near_flag(const char *typed, bool compare)
{
	static const char *const flags[] = {"--scheme", "--schemes", "--all", "--report-currency", "--option", "--format",
					    "--as-of", "--output", "--fx", "--fx-file", "--series-file", "--scheme-file",
					    "--help"};
	char want[64], have[64];
	size_t n = 0;
	for (const char *p = typed; *p && n < sizeof want - 1; p++)
		if (*p != '-' && *p != '_')
			want[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
	want[n] = '\0';
	for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++) {
		if (!compare && (strcmp(flags[i], "--schemes") == 0 || strcmp(flags[i], "--report-currency") == 0))
			continue;
		size_t m = 0;
		for (const char *p = flags[i]; *p; p++)
			if (*p != '-')
				have[m++] = *p;
		have[m] = '\0';
		if (strcmp(want, have) == 0 || (m + 1 == n && want[m] == 's' && strncmp(want, have, m) == 0))
			return flags[i];
	}
	return NULL;
}

/* Parse the arguments of estimate/compare; returns -1 to go on, else an exit status. */
static int parse_common(cli_opts *o, int argc, char **argv, bool compare, const char *help)
{
	rep_error err;
	rep_error_clear(&err);
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i];
		int rc;
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			fputs(help, stdout);
			fputs(usage_common, stdout);
			return 0;
		} else if (strcmp(a, "--scheme") == 0 && !compare) {
			if (!need_value(i, argc, argv))
				return EXIT_BAD_INPUT;
			if (o->n_schemes == sizeof o->schemes / sizeof o->schemes[0])
				return cli_fail("--scheme", REP_ELIMIT, "more than 256 schemes");
			o->schemes[o->n_schemes++] = argv[++i];
		} else if ((strcmp(a, "--schemes") == 0 || strcmp(a, "--scheme") == 0) && compare) {
			if (!need_value(i, argc, argv))
				return EXIT_BAD_INPUT;
			if ((rc = add_scheme_list(o, argv[++i])))
				return rc;
		} else if (strcmp(a, "--all") == 0) {
			o->all = true;
		} else if (strcmp(a, "--report-currency") == 0 && compare) {
			if (!need_value(i, argc, argv))
				return EXIT_BAD_INPUT;
			o->report_currency = argv[++i];
		} else if (strcmp(a, "--option") == 0) {
			if (!need_value(i, argc, argv))
				return EXIT_BAD_INPUT;
			if (rep_options_add(o->options, argv[++i], &err))
				return cli_fail("--option", err.status, err.message);
		} else if (strcmp(a, "--format") == 0) {
			if (!need_value(i, argc, argv))
				return EXIT_BAD_INPUT;
			o->pdf = strcmp(argv[++i], "pdf") == 0;
			if (o->pdf)
				o->format = REP_FORMAT_HTML;
			else if (rep_format_parse(&o->format, argv[i]))
				return cli_fail("--format", REP_EINVAL, "expected table, json, csv, markdown, html or pdf");
		} else if (strcmp(a, "--lang") == 0) {
			if (!need_value(i, argc, argv))
				return EXIT_BAD_INPUT;
			if (rep_render_opts_set_lang(o->render, argv[++i], &err))
				return cli_fail(NULL, err.status, err.message);
		} else if (strcmp(a, "--width") == 0) {
			if (!need_value(i, argc, argv))
				return EXIT_BAD_INPUT;
			char *end;
			long w = strtol(argv[++i], &end, 10);
			if (*end || w < 40 || w > 1000)
				return cli_fail("--width", REP_EINVAL, "expected a number of columns from 40 to 1000");
			rep_render_opts_set_width(o->render, (unsigned)w);
		} else if (strcmp(a, "--human") == 0) {
			rep_render_opts_set_human(o->render, true);
		} else if (strcmp(a, "--as-of") == 0) {
			if (!need_value(i, argc, argv))
				return EXIT_BAD_INPUT;
			o->as_of = argv[++i];
		} else if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) {
			if (!need_value(i, argc, argv))
				return EXIT_BAD_INPUT;
			o->output = argv[++i];
		} else if ((rc = cli_context_flag(o->ctx, &i, argc, argv)) >= 0) {
			if (rc)
				return rc;
		} else if (a[0] == '-' && a[1] != '\0') {
			const char *near = near_flag(a, compare);
			if (near)
				return cli_usage("unknown option %s: did you mean %s? (see `reparations %s --help`)", a, near,
						 argv[1]);
			return cli_usage("unknown option %s (see `reparations %s --help`)", a, argv[1]);
		} else if (!o->case_path) {
			o->case_path = a;
		} else {
			return cli_usage("unexpected argument %s", a);
		}
	}
	if (!o->case_path) {
		fprintf(stderr, "reparations: %s: a case file is required (see `reparations %s --help`)\n", argv[1], argv[1]);
		return EXIT_BAD_INPUT;
	}
	return -1;
}

static int read_case(const cli_opts *o, rep_case **out)
{
	char *text;
	size_t len;
	rep_error err;
	rep_error_clear(&err);
	rep_status st = cli_read_file(o->case_path, &text, &len, &err);
	if (st)
		return cli_fail(o->case_path, st, err.message);
	st = rep_case_from_json(out, text, len, &err);
	free(text);
	if (st)
		return cli_fail(o->case_path, st, err.message);
	if (o->as_of) {
		rep_date d;
		if (rep_date_parse(&d, o->as_of, &err)) {
			rep_case_free(*out);
			*out = NULL;
			return cli_fail("--as-of", err.status, err.message);
		}
		rep_case_set_as_of(*out, d);
		if ((st = rep_case_validate(*out, &err))) {
			rep_case_free(*out);
			*out = NULL;
			return cli_fail(o->case_path, st, err.message);
		}
	}
	return 0;
}

static int emit(const cli_opts *o, const char *text, size_t len)
{
	rep_error err;
	rep_error_clear(&err);
	if (o->pdf) {
		char *pdf, msg[1024];
		size_t n;
		int rc = cli_html_to_pdf(text, len, &pdf, &n, msg, sizeof msg);
		if (rc)
			return cli_fail("pdf", REP_EIO, msg), rc;
		rep_status st = cli_write_output(o->output, pdf, n, &err);
		free(pdf);
		return st ? cli_fail(o->output ? o->output : "stdout", st, err.message) : 0;
	}
	rep_status st = cli_write_output(o->output, text, len, &err);
	return st ? cli_fail(o->output ? o->output : "stdout", st, err.message) : 0;
}

static int cmd_estimate(cli_opts *o, int argc, char **argv)
{
	static const char help[] =
		"usage: reparations estimate CASE.json --scheme ID [--scheme ID ...] [options]\n"
		"  Evaluate the case under each scheme: eligibility with findings, itemized lines with\n"
		"  their legal basis and formula, totals, range, warnings, reference data used.\n";
	int rc = parse_common(o, argc, argv, false, help);
	if (rc >= 0)
		return rc;
	if (o->all) {
		o->n_schemes = 0;
		for (size_t i = 0; i < rep_scheme_count(o->ctx) && i < 256; i++)
			o->schemes[o->n_schemes++] = rep_scheme_id(rep_scheme_at(o->ctx, i));
	}
	if (o->n_schemes == 0) {
		fprintf(stderr, "reparations: estimate: at least one --scheme ID is required (see `reparations schemes`)\n");
		return EXIT_BAD_INPUT;
	}
	rep_case *c = NULL;
	if ((rc = read_case(o, &c)))
		return rc;
	rep_error err;
	rep_error_clear(&err);
	rep_estimate *es[256] = {0};
	size_t n = 0;
	rep_status st = REP_OK;
	for (; n < o->n_schemes && st == REP_OK; n++)
		st = rep_estimate_compute(&es[n], o->ctx, c, o->schemes[n], o->options, &err);
	if (st) {
		rc = cli_fail(o->case_path, st, err.message);
	} else {
		char *text;
		size_t len;
		rep_render_opts_set_case(o->render, c);
		st = rep_estimates_render_opts(&text, &len, rep_case_id(c), (const rep_estimate *const *)es, n, o->format,
					       o->render, &err);
		if (st) {
			rc = cli_fail("render", st, err.message);
		} else {
			rc = emit(o, text, len);
			free(text);
		}
	}
	for (size_t i = 0; i < n; i++)
		rep_estimate_free(es[i]);
	rep_case_free(c);
	return rc;
}

/* Without --schemes or --all: the schemes that pay in the case's currency
 * (a Kazakh case: the domestic routes and the reform scenario), else all. */
static void default_schemes(cli_opts *o, const rep_case *c)
{
	for (size_t i = 0; i < rep_scheme_count(o->ctx) && o->n_schemes < 256; i++) {
		const rep_scheme *s = rep_scheme_at(o->ctx, i);
		if (o->all || strcmp(rep_scheme_currency(s), rep_case_currency(c)) == 0)
			o->schemes[o->n_schemes++] = rep_scheme_id(s);
	}
	if (o->n_schemes == 0)
		for (size_t i = 0; i < rep_scheme_count(o->ctx) && o->n_schemes < 256; i++)
			o->schemes[o->n_schemes++] = rep_scheme_id(rep_scheme_at(o->ctx, i));
}

static int cmd_compare(cli_opts *o, int argc, char **argv)
{
	static const char help[] =
		"usage: reparations compare CASE.json [--schemes ID,ID,... | --all] [--report-currency CUR] [options]\n"
		"  One row per scheme: eligibility, total in the scheme's currency, per day of deprivation\n"
		"  of liberty, and with --report-currency the same converted at the valuation date.\n"
		"  Default schemes: those paying in the case's currency (for a KZT case, the Kazakh routes\n"
		"  and the reform scenario).\n";
	int rc = parse_common(o, argc, argv, true, help);
	if (rc >= 0)
		return rc;
	rep_case *c = NULL;
	if ((rc = read_case(o, &c)))
		return rc;
	if (o->all || o->n_schemes == 0) {
		o->n_schemes = 0;
		default_schemes(o, c);
	}
	rep_error err;
	rep_error_clear(&err);
	rep_comparison *cmp = NULL;
	rep_status st = rep_compare(&cmp, o->ctx, c, o->schemes, o->n_schemes, o->options, o->report_currency, &err);
	if (st) {
		rc = cli_fail(o->case_path, st, err.message);
	} else {
		char *text;
		size_t len;
		/* every failing row is named; with -o nothing is written (a file
		 * with holes in it would pass for a complete comparison) */
		int failed = 0;
		for (size_t i = 0; i < rep_comparison_count(cmp); i++) {
			const rep_comparison_row *r = rep_comparison_row_at(cmp, i);
			if (!r->ok) {
				char what[600];
				snprintf(what, sizeof what, "%s: %s", o->case_path, r->scheme);
				failed = cli_fail(what, REP_ENODATA, r->error);
			}
		}
		rep_render_opts_set_case(o->render, c);
		st = failed && o->output ? REP_OK : rep_comparison_render_opts(&text, &len, cmp, o->format, o->render, &err);
		if (st) {
			rc = cli_fail("render", st, err.message);
		} else if (failed) {
			if (!o->output) {
				rep_error_clear(&err);
				cli_write_output(NULL, text, len, &err);
				free(text);
			}
			rc = failed;
		} else {
			rc = emit(o, text, len);
			free(text);
		}
	}
	rep_comparison_free(cmp);
	rep_case_free(c);
	return rc;
}

static int cmd_validate(cli_opts *o, int argc, char **argv)
{
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			puts("usage: reparations validate CASE.json\n  Check a case file; exit 0 if valid, 2 with the "
			     "first problem (file and JSON path) if not.");
			return 0;
		}
		if (argv[i][0] == '-' && argv[i][1]) {
			return cli_usage("unknown option %s", argv[i]);
		}
		if (o->case_path) {
			return cli_usage("unexpected argument %s", argv[i]);
		}
		o->case_path = argv[i];
	}
	if (!o->case_path) {
		fprintf(stderr, "reparations: validate: a case file is required\n");
		return EXIT_BAD_INPUT;
	}
	rep_case *c = NULL;
	int rc = read_case(o, &c);
	if (rc)
		return rc;
	printf("%s: valid case \"%s\" (%s; %zu detentions, %zu harms)\n", o->case_path, rep_case_id(c),
	       rep_case_currency(c), rep_case_detention_count(c), rep_case_harm_count(c));
	rep_case_free(c);
	return 0;
}

static int cmd_schemes(cli_opts *o, int argc, char **argv)
{
	const char *export_id = NULL;
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			puts("usage: reparations schemes [--format table|json] [--scheme-file FILE] [--export ID [-o FILE]]\n"
			     "  List every scheme with its status, currency and options (and a scheme loaded from FILE).\n"
			     "  --export ID prints scheme ID as JSON in the --scheme-file vocabulary (docs/schemes.md):\n"
			     "  copy it, change it, and load it back with --scheme-file.");
			return 0;
		} else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
			if (rep_format_parse(&o->format, argv[++i]) || (o->format != REP_FORMAT_JSON && o->format != REP_FORMAT_TABLE))
				return cli_fail("--format", REP_EINVAL, "expected table or json");
		} else if (strcmp(argv[i], "--scheme-file") == 0 && i + 1 < argc) {
			int rc = cli_load_file(o->ctx, argv[++i], true);
			if (rc)
				return rc;
		} else if (strcmp(argv[i], "--export") == 0 && i + 1 < argc) {
			export_id = argv[++i];
		} else if (strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--output") == 0) {
			if (!need_value(i, argc, argv))
				return EXIT_BAD_INPUT;
			o->output = argv[++i];
		} else {
			return cli_usage("schemes: unexpected argument %s", argv[i]);
		}
	}
	if (export_id) {
		/* the rule as data, in the vocabulary --scheme-file reads */
		char *text;
		size_t len;
		rep_error err;
		rep_error_clear(&err);
		rep_status st = rep_scheme_to_json(&text, &len, o->ctx, export_id, &err);
		if (st)
			return cli_fail("--export", st, err.message);
		int rc = emit(o, text, len);
		free(text);
		return rc;
	}
	size_t n = rep_scheme_count(o->ctx);
	if (o->format == REP_FORMAT_JSON) {
		/* plain printing with careful escaping would duplicate yajl: reuse the library's renderer */
		char *text;
		size_t len;
		rep_error err;
		rep_error_clear(&err);
		rep_status st = rep_schemes_render(&text, &len, o->ctx, REP_FORMAT_JSON, &err);
		if (st)
			return cli_fail("schemes", st, err.message);
		int rc = emit(o, text, len);
		free(text);
		return rc;
	}
	printf("%-22s %-10s %-5s %s\n", "id", "status", "cur", "name");
	for (size_t i = 0; i < n; i++) {
		const rep_scheme *s = rep_scheme_at(o->ctx, i);
		printf("%-22s %-10s %-5s %s\n", rep_scheme_id(s), rep_scheme_status(s), rep_scheme_currency(s),
		       rep_scheme_name(s));
		for (size_t k = 0; k < rep_scheme_option_count(s); k++) {
			rep_option_info oi;
			rep_scheme_option_at(s, k, &oi);
			char allowed[160] = "";
			if (oi.choices)
				snprintf(allowed, sizeof allowed, " (%s)", oi.choices);
			else if (oi.min || oi.max)
				snprintf(allowed, sizeof allowed, " (%s..%s)", oi.min ? oi.min : "", oi.max ? oi.max : "");
			printf("%-22s   option %s.%s = %s%s  %s\n", "", rep_scheme_id(s), oi.name,
			       oi.default_value ? oi.default_value : "", allowed, oi.description ? oi.description : "");
		}
	}
	return 0;
}

static int cmd_refdata(cli_opts *o, int argc, char **argv)
{
	const char *series = NULL;
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			puts("usage: reparations refdata [SERIES] [--format table|json] [--series-file FILE]\n"
			     "  List the reference series with their sources, or every point of one series.");
			return 0;
		} else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
			if (rep_format_parse(&o->format, argv[++i]) || (o->format != REP_FORMAT_JSON && o->format != REP_FORMAT_TABLE))
				return cli_fail("--format", REP_EINVAL, "expected table or json");
		} else if (strcmp(argv[i], "--series-file") == 0 && i + 1 < argc) {
			int rc = cli_load_file(o->ctx, argv[++i], false);
			if (rc)
				return rc;
		} else if (argv[i][0] == '-') {
			return cli_usage("refdata: unknown option %s", argv[i]);
		} else {
			series = argv[i];
		}
	}
	char *text;
	size_t len;
	rep_error err;
	rep_error_clear(&err);
	rep_status st = rep_refdata_render(&text, &len, o->ctx, series, o->format, &err);
	if (st)
		return cli_fail(series ? series : "refdata", st, err.message);
	int rc = emit(o, text, len);
	free(text);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs(usage_main, stderr);
		return EXIT_BAD_INPUT;
	}
	const char *cmd = argv[1];
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
		fputs(usage_main, stdout);
		return 0;
	}
	if (strcmp(cmd, "--version") == 0) {
		printf("reparations %s\n", rep_version_string());
		return 0;
	}
	if (strcmp(cmd, "calc") == 0)
		return cli_calc(argc, argv);
	cli_opts o = {0};
	rep_error err;
	rep_error_clear(&err);
	rep_status st = rep_context_new(&o.ctx, &err);
	if (st)
		return cli_fail("context", st, err.message);
	if ((st = rep_options_new(&o.options)) || (st = rep_render_opts_new(&o.render))) {
		rep_options_free(o.options);
		rep_context_free(o.ctx);
		return cli_fail("options", st, "out of memory");
	}
	cli_default_render(o.render);
	int rc;
	if (strcmp(cmd, "estimate") == 0)
		rc = cmd_estimate(&o, argc, argv);
	else if (strcmp(cmd, "compare") == 0)
		rc = cmd_compare(&o, argc, argv);
	else if (strcmp(cmd, "validate") == 0)
		rc = cmd_validate(&o, argc, argv);
	else if (strcmp(cmd, "schemes") == 0)
		rc = cmd_schemes(&o, argc, argv);
	else if (strcmp(cmd, "refdata") == 0)
		rc = cmd_refdata(&o, argc, argv);
	else if (strcmp(cmd, "batch") == 0)
		rc = cli_batch(argc, argv, o.ctx, o.options);
	else if (strcmp(cmd, "sweep") == 0)
		rc = cli_sweep(argc, argv, o.ctx, o.options);
	else {
		rc = cli_usage("unknown command \"%s\" (see `reparations --help`)", cmd);
	}
	rep_render_opts_free(o.render);
	rep_options_free(o.options);
	rep_context_free(o.ctx);
	return rc;
}
