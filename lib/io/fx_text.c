/* The exchange-rate text format of `--fx-file`: one FROM/TO=RATE[,YYYY-MM-DD]
 * per line, '#' comments and blank lines ignored, LF or CRLF. A file loads
 * in one pass and one sort (lib/fx.c): 1,000,000 lines take about a second.
 * Nothing is kept from a file with an error. */
#include <stdio.h>
#include <string.h>

#include "context_internal.h"
#include "internal.h"
#include "reparations/dates.h"

#define MAX_LINE 256 /* a pair, a 100-character rate and a date fit with room */

static rep_status line_error(rep_error *err, size_t lineno, rep_status st, const char *message)
{
	char where[32];
	snprintf(where, sizeof where, "line %zu", lineno);
	return rep_err(err, st, where, "%s", message);
}

static rep_status load_line(rep_context *ctx, const char *line, size_t n, size_t lineno, const char *source,
			    rep_error *err)
{
	char buf[MAX_LINE + 1];
	if (n > MAX_LINE)
		return line_error(err, lineno, REP_ELIMIT, "longer than 256 bytes (expected FROM/TO=RATE[,YYYY-MM-DD])");
	memcpy(buf, line, n);
	buf[n] = '\0';
	char *eq = strchr(buf, '=');
	if (!eq)
		return line_error(err, lineno, REP_ESYNTAX, "expected FROM/TO=RATE[,YYYY-MM-DD]");
	*eq = '\0';
	char *comma = strchr(eq + 1, ',');
	rep_date from = REP_DATE_NONE;
	rep_error e1;
	rep_error_clear(&e1);
	if (comma) {
		*comma = '\0';
		if (rep_date_parse(&from, comma + 1, &e1))
			return line_error(err, lineno, e1.status, e1.message);
	}
	rep_fx_rate r = {.source = source};
	rep_status st = rep_fx_rate_make(ctx, &r, buf, eq + 1, from, source, &e1);
	if (st)
		return line_error(err, lineno, st, e1.message);
	return rep_fx_store_add(ctx, &r, false, err);
}

static rep_status load_fx(rep_context *ctx, const char *text, size_t len, const char *source,
				     rep_error *err)
{
	if (!ctx || (!text && len))
		return rep_err(err, REP_EUSAGE, NULL, "rep_context_load_fx: NULL context or text");
	if (len > REP_FX_TEXT_MAX_BYTES)
		return rep_err(err, REP_ELIMIT, NULL, "exchange-rate text of %zu bytes exceeds the limit of %u bytes", len,
			       REP_FX_TEXT_MAX_BYTES);
	const char *src = rep_arena_strdup(&ctx->arena, source ? source : "user-supplied (fx file)");
	if (!src)
		return rep_err(err, REP_ENOMEM, NULL, "out of memory");
	size_t start_n = ctx->n_fx;
	rep_status st = REP_OK;
	size_t lineno = 0;
	for (size_t at = 0; at < len && st == REP_OK;) {
		const char *line = text + at;
		const char *nl = memchr(line, '\n', len - at);
		size_t n = nl ? (size_t)(nl - line) : len - at;
		at += n + (nl != NULL);
		lineno++;
		if (memchr(line, '\0', n)) {
			st = line_error(err, lineno, REP_ESYNTAX, "a NUL byte: not a text file");
			break;
		}
		if (n && line[n - 1] == '\r')
			n--;
		if (!n || line[0] == '#')
			continue;
		st = load_line(ctx, line, n, lineno, src, err);
	}
	if (st) {
		rep_fx_store_truncate(ctx, start_n);
		return st;
	}
	return rep_fx_store_merge(ctx, err);
}

rep_status rep_context_load_fx_named(rep_context *ctx, const char *text, size_t len, const char *source,
				     rep_error *err)
{
	rep_status st = ctx ? rep_context_begin_write(ctx, err) : REP_OK;
	if (st)
		return st;
	if (text && len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) /* a Windows editor's byte-order mark */
		text += 3, len -= 3;
	st = load_fx(ctx, text, len, source, err);
	if (ctx)
		rep_context_end_write(ctx);
	return st;
}

rep_status rep_context_load_fx(rep_context *ctx, const char *text, size_t len, rep_error *err)
{
	return rep_context_load_fx_named(ctx, text, len, NULL, err);
}
