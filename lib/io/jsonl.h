/* A JSON Lines reader: one record per line from a FILE, in constant memory.
 * It only splits and checks the text (line length, UTF-8); what a line holds
 * is read by the case reader. */
#ifndef REP_JSONL_H
#define REP_JSONL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "reparations/status.h"

typedef struct rep_jsonl {
	FILE *in;
	size_t max_line;
	char *buf;       /* holds at most max_line + 1 bytes of one line plus read-ahead */
	size_t cap, start, end;
	size_t lineno;   /* of the last line returned */
	bool eof, started;
} rep_jsonl;

/* One line as returned: text (not NUL-terminated; valid until the next
 * call), its 1-based number, and a status: REP_OK, REP_ELIMIT (longer than
 * max_line: text is NULL, the line was skipped), REP_ESYNTAX (not UTF-8:
 * err_column is the 1-based byte column of the first bad byte). */
typedef struct rep_jsonl_line {
	const char *text;
	size_t len;
	size_t lineno;
	rep_status status;
	size_t err_column;
} rep_jsonl_line;

rep_status rep_jsonl_init(rep_jsonl *r, FILE *in, size_t max_line);
void rep_jsonl_release(rep_jsonl *r);
/* The next non-blank line into *out; returns REP_OK with *have = false at
 * the end of input. REP_EIO when reading fails, REP_ESYNTAX (err filled) for
 * a UTF-16/UTF-32 byte-order mark at the start, REP_ENOMEM. */
rep_status rep_jsonl_next(rep_jsonl *r, rep_jsonl_line *out, bool *have, rep_error *err);

/* Offset of the first byte of s[0..n) that is not well-formed UTF-8
 * (overlongs, surrogates and code points past U+10FFFF refused), or n. */
size_t rep_utf8_check(const char *s, size_t n);

#endif
