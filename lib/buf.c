#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "internal.h"

void rep_buf_add(rep_buf *b, const char *s, size_t n)
{
	if (b->failed)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t nc = b->cap ? b->cap : 1024;
		while (nc < b->len + n + 1)
			nc *= 2;
		char *nd = rep_realloc(b->data, nc);
		if (!nd) {
			b->failed = true;
			return;
		}
		b->data = nd;
		b->cap = nc;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void rep_buf_puts(rep_buf *b, const char *s)
{
	rep_buf_add(b, s ? s : "", s ? strlen(s) : 0);
}

void rep_buf_printf(rep_buf *b, const char *fmt, ...)
{
	char small[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->failed = true;
		return;
	}
	if ((size_t)n < sizeof small) {
		rep_buf_add(b, small, (size_t)n);
		return;
	}
	char *big = rep_malloc((size_t)n + 1);
	if (!big) {
		b->failed = true;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	rep_buf_add(b, big, (size_t)n);
	rep_free(big);
}

size_t rep_utf8_width(const char *s)
{
	size_t w = 0;
	for (; s && *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			w++;
	return w;
}

void rep_buf_pad(rep_buf *b, const char *s, size_t width, bool right)
{
	size_t w = rep_utf8_width(s);
	if (right)
		for (size_t i = w; i < width; i++)
			rep_buf_add(b, " ", 1);
	rep_buf_puts(b, s);
	if (!right)
		for (size_t i = w; i < width; i++)
			rep_buf_add(b, " ", 1);
}
