/* A growable text buffer for the renderers. Errors are sticky: after a
 * failed allocation every call is a no-op and `failed` stays set. */
#ifndef REP_BUF_H
#define REP_BUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct rep_buf {
	char *data;
	size_t len, cap;
	bool failed;
} rep_buf;

void rep_buf_add(rep_buf *b, const char *s, size_t n);
void rep_buf_puts(rep_buf *b, const char *s);
void rep_buf_printf(rep_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Append s padded with spaces to `width` display columns (UTF-8 aware). */
void rep_buf_pad(rep_buf *b, const char *s, size_t width, bool right);
/* Display width of UTF-8 text: code points, not bytes. */
size_t rep_utf8_width(const char *s);

#endif
