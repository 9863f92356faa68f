/* User exchange rates: a sorted array and an unsorted tail. Setting one
 * rate appends to the tail; the tail is sorted and merged in once it holds
 * more than a quarter of the rates (so n rates cost O(n log n) in all, and
 * a file of them one sort). A lookup is a binary search over the sorted
 * part and a scan of the tail. */
#include <stdlib.h>
#include <string.h>

#include "context_internal.h"
#include "internal.h"

static int cmp_key(const rep_fx_rate *a, const char *from, const char *to, rep_date date)
{
	int c = strcmp(a->from, from);
	if (!c)
		c = strcmp(a->to, to);
	if (!c)
		c = a->date < date ? -1 : a->date > date;
	return c;
}

static int cmp_rate(const void *pa, const void *pb)
{
	const rep_fx_rate *a = pa, *b = pb;
	int c = cmp_key(a, b->from, b->to, b->date);
	return c ? c : a->seq < b->seq ? -1 : a->seq > b->seq;
}

rep_status rep_fx_store_merge(rep_context *ctx, rep_error *err)
{
	(void)err;
	if (ctx->n_fx == ctx->n_fx_sorted)
		return REP_OK;
	/* one sort of everything: simpler than a merge, and the seq key keeps
	 * the order of setting among rates of one pair and date */
	qsort(ctx->fx, ctx->n_fx, sizeof *ctx->fx, cmp_rate);
	size_t k = 0;
	for (size_t i = 0; i < ctx->n_fx; i++) {
		if (k && cmp_key(&ctx->fx[k - 1], ctx->fx[i].from, ctx->fx[i].to, ctx->fx[i].date) == 0)
			ctx->fx[k - 1] = ctx->fx[i]; /* the same pair and date again corrects it */
		else
			ctx->fx[k++] = ctx->fx[i];
	}
	ctx->n_fx = ctx->n_fx_sorted = k;
	return REP_OK;
}

rep_status rep_fx_store_add(rep_context *ctx, const rep_fx_rate *r, bool merge, rep_error *err)
{
	if (ctx->n_fx == ctx->cap_fx) {
		size_t cap = ctx->cap_fx ? 2 * ctx->cap_fx : 8;
		rep_fx_rate *f = rep_realloc(ctx->fx, cap * sizeof *f);
		if (!f)
			return rep_err(err, REP_ENOMEM, NULL, "out of memory");
		ctx->fx = f;
		ctx->cap_fx = cap;
	}
	ctx->fx[ctx->n_fx] = *r;
	ctx->fx[ctx->n_fx++].seq = ctx->fx_seq++;
	if (merge && ctx->n_fx - ctx->n_fx_sorted > 64 + ctx->n_fx_sorted / 4)
		return rep_fx_store_merge(ctx, err);
	return REP_OK;
}

void rep_fx_store_truncate(rep_context *ctx, size_t n)
{
	if (n >= ctx->n_fx_sorted && n < ctx->n_fx)
		ctx->n_fx = n;
}

const rep_fx_rate *rep_fx_store_find(const rep_context *ctx, const char *from, const char *to, rep_date date)
{
	/* the last sorted rate not after (from, to, date) */
	size_t lo = 0, hi = ctx->n_fx_sorted;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cmp_key(&ctx->fx[mid], from, to, date) <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	const rep_fx_rate *best = NULL;
	if (lo && strcmp(ctx->fx[lo - 1].from, from) == 0 && strcmp(ctx->fx[lo - 1].to, to) == 0)
		best = &ctx->fx[lo - 1];
	for (size_t i = ctx->n_fx_sorted; i < ctx->n_fx; i++) {
		const rep_fx_rate *r = &ctx->fx[i];
		if (strcmp(r->from, from) != 0 || strcmp(r->to, to) != 0)
			continue;
		if (r->date != REP_DATE_NONE && r->date > date)
			continue;
		if (!best || r->date > best->date || (r->date == best->date && r->seq > best->seq))
			best = r;
	}
	return best;
}
