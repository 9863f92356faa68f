/* The context: built-in schemes and series, and what the user loads. */
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#include "context_internal.h"
#include "internal.h"
#include "scheme.h"

rep_status rep_context_new(rep_context **out, rep_error *err)
{
	if (!out)
		return rep_err(err, REP_EUSAGE, NULL, "no output");
	*out = NULL;
	rep_context *ctx = rep_calloc(1, sizeof *ctx);
	if (!ctx)
		return rep_err(err, REP_ENOMEM, NULL, "out of memory");
	rep_arena_init(&ctx->arena, 16384);
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	ctx->id = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
	size_t n = 0;
	for (size_t f = 0; f < rep_scheme_family_count; f++)
		for (const rep_scheme_def *const *s = rep_scheme_families[f]; *s; s++)
			n++;
	ctx->cap_schemes = n + 16;
	ctx->schemes = rep_calloc(ctx->cap_schemes, sizeof *ctx->schemes);
	if (!ctx->schemes) {
		rep_context_free(ctx);
		return rep_err(err, REP_ENOMEM, NULL, "out of memory");
	}
	for (size_t f = 0; f < rep_scheme_family_count; f++)
		for (const rep_scheme_def *const *s = rep_scheme_families[f]; *s; s++)
			ctx->schemes[ctx->n_schemes++] = *s;
	rep_status st = rep_refdata_init(ctx, err);
	if (st) {
		rep_context_free(ctx);
		return st;
	}
	*out = ctx;
	return REP_OK;
}

void rep_context_free(rep_context *ctx)
{
	if (!ctx)
		return;
	rep_refdata_release(ctx);
	rep_free(ctx->schemes);
	rep_free(ctx->fx);
	rep_arena_release(&ctx->arena);
	rep_free(ctx);
}

rep_status rep_context_set_strict_data(rep_context *ctx, int strict)
{
	if (!ctx)
		return REP_EUSAGE;
	/* a setting, like a load: never while other threads compute */
	rep_status st = rep_context_begin_write(ctx, NULL);
	if (st)
		return st;
	ctx->strict_data = strict != 0;
	rep_context_end_write(ctx);
	return REP_OK;
}

int rep_context_strict_data(const rep_context *ctx)
{
	return ctx && ctx->strict_data;
}

/* A const context is still counted: the counter is the one member every
 * thread may change, atomically (the context is never defined const). */
static _Atomic long *users_of(const rep_context *ctx)
{
	return (_Atomic long *)&((rep_context *)ctx)->users;
}

rep_status rep_context_begin_read(const rep_context *ctx, rep_error *err)
{
	_Atomic long *u = users_of(ctx);
	long n = atomic_load(u);
	do {
		if (n < 0)
			return rep_err(err, REP_EBUSY, NULL,
				       "the context is being loaded into by another thread: load schemes, series and "
				       "exchange rates before sharing it");
	} while (!atomic_compare_exchange_weak(u, &n, n + 1));
	return REP_OK;
}

void rep_context_end_read(const rep_context *ctx)
{
	atomic_fetch_sub(users_of(ctx), 1);
}

rep_status rep_context_begin_write(rep_context *ctx, rep_error *err)
{
	long zero = 0;
	if (!atomic_compare_exchange_strong(&ctx->users, &zero, -1))
		return rep_err(err, REP_EBUSY, NULL,
			       "the context is in use by %s: load schemes, series and exchange rates before sharing it "
			       "between threads",
			       zero > 0 ? "estimates on other threads" : "another load");
	return REP_OK;
}

void rep_context_end_write(rep_context *ctx)
{
	ctx->generation++; /* whatever was loaded, an estimate's plan of rates is stale */
	atomic_store(&ctx->users, 0);
}

/* Add or replace (same id) a scheme; the definition must outlive ctx. */
rep_status rep_context_add_scheme_def(rep_context *ctx, const rep_scheme_def *def, rep_error *err)
{
	for (size_t i = 0; i < ctx->n_schemes; i++)
		if (strcmp(ctx->schemes[i]->id, def->id) == 0) {
			ctx->schemes[i] = def;
			return REP_OK;
		}
	if (ctx->n_schemes == ctx->cap_schemes) {
		size_t nc = ctx->cap_schemes * 2;
		const rep_scheme_def **ns = rep_realloc(ctx->schemes, nc * sizeof *ns);
		if (!ns)
			return rep_err(err, REP_ENOMEM, NULL, "out of memory");
		ctx->schemes = ns;
		ctx->cap_schemes = nc;
	}
	ctx->schemes[ctx->n_schemes++] = def;
	return REP_OK;
}
