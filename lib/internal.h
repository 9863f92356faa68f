/* Internal helpers shared by the library's modules; not installed. */
#ifndef REP_INTERNAL_H
#define REP_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>
#include <gmp.h>
#include "reparations/status.h"

/* Every allocation of the library goes through these, so that the
 * fault-injection build (-Dfault_injection=true) can fail the n-th one.
 * GMP and MPFR allocate on their own and abort on exhaustion (their
 * documented behaviour); what we can report, we report as REP_ENOMEM. */
void *rep_malloc(size_t size);
void *rep_calloc(size_t n, size_t size);
void *rep_realloc(void *p, size_t size);
char *rep_strdup(const char *s);
char *rep_strndup(const char *s, size_t n);
void rep_free(void *p);

/* Fill `err` (may be NULL) and return `status`. The message is
 * "<path>: <formatted text>", or only the text when path is NULL or "". */
rep_status rep_err(rep_error *err, rep_status status, const char *path, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
rep_status rep_verr(rep_error *err, rep_status status, const char *path, const char *fmt, va_list ap)
	__attribute__((format(printf, 4, 0)));
/* Prefix an existing error's path and message with `path` (e.g. "harms[0].amount"),
 * used when a low-level parser that knows no path reported the error. Returns err->status. */
rep_status rep_err_at(rep_error *err, const char *path);

/* A rational that enters through the C API (mpq_t arguments) is bounded
 * like a text input (100 characters): at most REP_API_MAX_BITS bits in its
 * numerator and in its denominator, else REP_ELIMIT naming `what`
 * (lib/money.c). NULL passes. */
#define REP_API_MAX_BITS 1024
rep_status rep_dec_check_input(const mpq_t x, const char *what, rep_error *err);

#define REP_UNUSED(x) ((void)(x))

#endif
