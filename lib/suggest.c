/* Nearest names for "did you mean" messages: Damerau-free Levenshtein
 * distance on lowercased ASCII, bounded so that a long word costs little. */
#include <stdio.h>
#include <string.h>

#include "suggest.h"

#define WORD_MAX 64

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Edit distance of a and b (each cut at WORD_MAX bytes). */
static size_t distance(const char *a, const char *b)
{
	size_t na = strnlen(a, WORD_MAX), nb = strnlen(b, WORD_MAX);
	size_t row[WORD_MAX + 1];
	for (size_t j = 0; j <= nb; j++)
		row[j] = j;
	for (size_t i = 1; i <= na; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= nb; j++) {
			size_t up = row[j];
			size_t best = diag + (lower(a[i - 1]) != lower(b[j - 1]));
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[nb];
}

static int starts_with(const char *s, const char *prefix)
{
	size_t n = strlen(prefix);
	if (n == 0 || strlen(s) < n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (lower(s[i]) != lower(prefix[i]))
			return 0;
	return 1;
}

size_t rep_suggest(char *out, size_t size, const char *word, const char *(*get)(size_t i, const void *ctx),
		   const void *ctx, size_t n)
{
	if (size)
		out[0] = '\0';
	if (!word || !*word || size == 0)
		return 0;
	size_t wl = strnlen(word, WORD_MAX);
	size_t limit = wl <= 4 ? 1 : wl <= 8 ? 2 : 3;
	struct {
		const char *name;
		size_t d;
	} best[3];
	size_t nb = 0;
	for (size_t i = 0; i < n; i++) {
		const char *c = get(i, ctx);
		if (!c)
			continue;
		size_t d = starts_with(c, word) ? 1 : distance(word, c);
		if (d > limit)
			continue;
		size_t at = nb < 3 ? nb : 3;
		while (at > 0 && best[at - 1].d > d)
			at--;
		if (at >= 3)
			continue;
		size_t last = nb < 3 ? nb : 2;
		for (size_t k = last; k > at; k--)
			best[k] = best[k - 1];
		best[at].name = c;
		best[at].d = d;
		if (nb < 3)
			nb++;
	}
	size_t len = 0;
	for (size_t i = 0; i < nb && len < size; i++)
		len += (size_t)snprintf(out + len, size - len, "%s%s", i ? ", " : "", best[i].name);
	return nb;
}
