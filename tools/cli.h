/* Shared pieces of the `reparations` command-line program. */
#ifndef REP_CLI_H
#define REP_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

#include "reparations.h"

#define EXIT_BAD_INPUT 2
#define EXIT_INTERNAL 1

/* Print "reparations: <what>: <message>" on stderr; return the exit status for st. */
int cli_fail(const char *what, const rep_status st, const char *message);
/* Read a whole file (at most REP_CLI_MAX_FILE bytes); caller frees. */
#define REP_CLI_MAX_FILE (16u << 20)
rep_status cli_read_file(const char *path, char **out, size_t *len, rep_error *err);
/* Write text to path atomically (temporary file, then rename), or to stdout when path is NULL. */
rep_status cli_write_output(const char *path, const char *text, size_t len, rep_error *err);

/* The same for an output written as it is made (batch, sweep): open checks
 * the path and makes the temporary (or opens a device or FIFO), the caller
 * writes to fd, commit renames it over the path (REP_EINVAL naming why, on
 * failure), discard removes it. */
typedef struct cli_output {
	const char *path;
	int fd;
	char *tmp;      /* the temporary in the target's directory; NULL: fd is the path itself */
	char *target;   /* what the temporary is renamed to: the end of a chain of symbolic links */
	bool exists, in_place;
	mode_t mode;
	uid_t uid;
	gid_t gid;
} cli_output;
rep_status cli_output_open(cli_output *o, const char *path, rep_error *err);
rep_status cli_output_commit(cli_output *o, rep_error *err);
void cli_output_discard(cli_output *o);

/* Remember an input file (by device and inode) that -o must not name. */
void cli_note_input(int fd);
/* Write s to f with control characters (C0, DEL, C1) as visible escapes. */
void cli_put_escaped(FILE *f, const char *s);

/* Load a series (scheme == false; CSV, or JSON by the .json ending) or a
 * scheme file into ctx; prints the error and returns the exit status, 0 on success. */
int cli_load_file(rep_context *ctx, const char *path, bool scheme);

/* The flags that fill the context, the same for estimate, compare, batch and
 * sweep: --fx FROM/TO=RATE, --fx-file FILE, --series-file FILE, --scheme-file
 * FILE, --strict-data. When argv[*i] is one of them it is applied to ctx (its
 * value consumed: *i advances; an --fx value is cut at its '=') and the result
 * is 0, or the exit status after the error is printed; -1 when it is none. */
int cli_context_flag(rep_context *ctx, int *i, int argc, char **argv);

/* Print an HTML statement to PDF with headless Chromium (tools/pdf.c);
 * 0, or an exit status with the reason in msg. *pdf is malloc'd. */
int cli_html_to_pdf(const char *html, size_t len, char **pdf, size_t *pdf_len, char *msg, size_t msgsize);

/* `reparations calc ...` (tools/calc.c). */
int cli_calc(int argc, char **argv);
/* `reparations batch ...` and `reparations sweep ...` (tools/batch.c), with the
 * program's context and options (filled from their arguments). */
int cli_batch(int argc, char **argv, rep_context *ctx, rep_options *opts);
int cli_sweep(int argc, char **argv, rep_context *ctx, rep_options *opts);

#endif
