/* JSON Lines: split a stream into lines in bounded memory, check each is
 * UTF-8. A line longer than the limit is skipped as it streams by (its
 * bytes are never held), so a hostile input costs time linear in its size
 * and memory bounded by the limit. */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "internal.h"
#include "io/jsonl.h"

#define READ_CHUNK 65536

rep_status rep_jsonl_init(rep_jsonl *r, FILE *in, size_t max_line)
{
	memset(r, 0, sizeof *r);
	r->in = in;
	r->max_line = max_line;
	/* room for one full line, its newline and a chunk read ahead */
	r->cap = max_line + 2 + READ_CHUNK;
	r->buf = rep_malloc(r->cap);
	return r->buf ? REP_OK : REP_ENOMEM;
}

void rep_jsonl_release(rep_jsonl *r)
{
	rep_free(r->buf);
	r->buf = NULL;
}

size_t rep_utf8_check(const char *text, size_t n)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0;
	while (i < n) {
		/* ASCII runs, eight bytes at a time: most of a case is ASCII */
		while (i + 8 <= n) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if (w & 0x8080808080808080ull)
				break;
			i += 8;
		}
		if (i >= n)
			break;
		unsigned c = s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t len;
		unsigned cp, min;
		if ((c & 0xE0) == 0xC0)
			len = 2, cp = c & 0x1F, min = 0x80;
		else if ((c & 0xF0) == 0xE0)
			len = 3, cp = c & 0x0F, min = 0x800;
		else if ((c & 0xF8) == 0xF0)
			len = 4, cp = c & 0x07, min = 0x10000;
		else
			return i;
		if (n - i < len)
			return i;
		for (size_t k = 1; k < len; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return i;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return i;
		i += len;
	}
	return n;
}

/* Read more bytes after r->end, moving the pending ones to the front first. */
static rep_status fill(rep_jsonl *r)
{
	if (r->start > 0) {
		memmove(r->buf, r->buf + r->start, r->end - r->start);
		r->end -= r->start;
		r->start = 0;
	}
	if (r->eof || r->end == r->cap)
		return REP_OK;
	size_t got = fread(r->buf + r->end, 1, r->cap - r->end, r->in);
	r->end += got;
	if (got == 0) {
		if (ferror(r->in))
			return REP_EIO;
		r->eof = true;
	}
	return REP_OK;
}

static bool blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return false;
	return true;
}

static rep_status check_bom(rep_jsonl *r, rep_error *err)
{
	while (r->end - r->start < 4 && !r->eof) {
		rep_status st = fill(r);
		if (st)
			return rep_err(err, st, NULL, "read error: %s", strerror(errno));
	}
	const unsigned char *b = (const unsigned char *)r->buf + r->start;
	size_t n = r->end - r->start;
	if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
		r->start += 3;
		return REP_OK;
	}
	if (n >= 4 && ((b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0) || (b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF)))
		return rep_err(err, REP_ESYNTAX, NULL, "the input is UTF-32 (it starts with a byte-order mark); "
			       "JSON Lines must be UTF-8 (convert it, e.g. iconv -f UTF-32 -t UTF-8)");
	if (n >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)))
		return rep_err(err, REP_ESYNTAX, NULL, "the input is UTF-16 (it starts with a byte-order mark); "
			       "JSON Lines must be UTF-8 (convert it, e.g. iconv -f UTF-16 -t UTF-8)");
	return REP_OK;
}

rep_status rep_jsonl_next(rep_jsonl *r, rep_jsonl_line *out, bool *have, rep_error *err)
{
	*have = false;
	memset(out, 0, sizeof *out);
	if (!r->started) {
		r->started = true;
		rep_status st = check_bom(r, err);
		if (st)
			return st;
	}
	for (;;) {
		char *nl = memchr(r->buf + r->start, '\n', r->end - r->start);
		size_t len = nl ? (size_t)(nl - (r->buf + r->start)) : r->end - r->start;
		/* the limit excludes the newline, \r\n as well as \n: one byte past it may be the \r,
		 * so read until the byte after that is known */
		bool cr_end = len == r->max_line + 1 && r->buf[r->start + r->max_line] == '\r';
		if (!nl && len <= r->max_line + 1 && !r->eof) {
			rep_status st = fill(r);
			if (st)
				return rep_err(err, st, NULL, "read error: %s", strerror(errno));
			continue;
		}
		if (!nl && len == 0 && r->eof)
			return REP_OK;
		if (len > r->max_line && !cr_end) {
			/* too long: count it, drop what we hold and skip to its newline */
			r->lineno++;
			while (!nl) {
				r->start = r->end = 0;
				if (r->eof)
					break;
				rep_status st = fill(r);
				if (st)
					return rep_err(err, st, NULL, "read error: %s", strerror(errno));
				nl = memchr(r->buf, '\n', r->end);
				if (!nl && r->eof && r->end == 0)
					break;
			}
			if (nl)
				r->start = (size_t)(nl - r->buf) + 1;
			out->lineno = r->lineno;
			out->status = REP_ELIMIT;
			*have = true;
			return REP_OK;
		}
		const char *text = r->buf + r->start;
		r->start += len + (nl ? 1 : 0);
		r->lineno++;
		if (len && text[len - 1] == '\r')
			len--;
		if (blank(text, len))
			continue;
		out->text = text;
		out->len = len;
		out->lineno = r->lineno;
		size_t bad = rep_utf8_check(text, len);
		if (bad < len) {
			out->status = REP_ESYNTAX;
			out->err_column = bad + 1;
		}
		*have = true;
		return REP_OK;
	}
}
