/* reparations: schemes and their options.
 *
 * A scheme is one legal route or benchmark (a national statute, a court's
 * practice, an international standard, a reform scenario), defined as data:
 * eligibility, tariffs for deprivation of liberty, which harms it pays and
 * how, fixed amounts, caps, rounding, citations. Scheme ids are a public
 * contract ("kz-cpc", "de-streg", "us-federal", ...). */
#ifndef REPARATIONS_SCHEME_H
#define REPARATIONS_SCHEME_H

#include <stddef.h>
#include "status.h"
#include "context.h"
#include "format.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct rep_scheme rep_scheme;

REP_API size_t rep_scheme_count(const rep_context *ctx);
/* Schemes in a stable order (built-in order, then user schemes). */
REP_API const rep_scheme *rep_scheme_at(const rep_context *ctx, size_t i);
/* NULL when no scheme has this id. Ids are lowercase; an id differing only
 * in case finds its scheme. */
REP_API const rep_scheme *rep_scheme_find(const rep_context *ctx, const char *id);
/* The same, as a fallible call for bindings and forms: REP_ENOTFOUND with a
 * message suggesting the nearest ids ("did you mean kz-cpc?"). */
REP_API rep_status rep_scheme_lookup(const rep_scheme **out, const rep_context *ctx, const char *id, rep_error *err);

REP_API const char *rep_scheme_id(const rep_scheme *s);
REP_API const char *rep_scheme_name(const rep_scheme *s);
REP_API const char *rep_scheme_jurisdiction(const rep_scheme *s);
/* ISO code, or "case" for schemes that pay in the case's currency. */
REP_API const char *rep_scheme_currency(const rep_scheme *s);
/* "law", "guideline", "practice", "standard", "draft" or "scenario". */
REP_API const char *rep_scheme_status(const rep_scheme *s);
REP_API const char *rep_scheme_notes(const rep_scheme *s);

/* A named parameter a user may legitimately change. */
typedef struct rep_option_info {
	const char *name;
	const char *description;
	const char *type;       /* "decimal" or "choice" */
	const char *default_value;
	const char *min, *max;  /* decimal bounds (NULL: open) */
	const char *choices;    /* "nominal|cpi|mci" for a choice */
} rep_option_info;

REP_API size_t rep_scheme_option_count(const rep_scheme *s);
REP_API rep_status rep_scheme_option_at(const rep_scheme *s, size_t i, rep_option_info *out);

/* A set of option assignments for one or more schemes. */
typedef struct rep_options rep_options;
REP_API rep_status rep_options_new(rep_options **out);
REP_API void rep_options_free(rep_options *o);
/* Add "SCHEME.NAME=VALUE" (the CLI's --option). Checked against the scheme
 * when an estimate is computed: an unknown scheme or option, or a value out
 * of range, is an error then. A later assignment of the same name wins. */
REP_API rep_status rep_options_add(rep_options *o, const char *assignment, rep_error *err);
REP_API rep_status rep_options_set(rep_options *o, const char *scheme, const char *name, const char *value,
				   rep_error *err);
/* Check every assignment against the context's schemes (unknown scheme,
 * unknown option, value not allowed). */
REP_API rep_status rep_options_check(const rep_options *o, const rep_context *ctx, rep_error *err);

/* Write the scheme `id` as JSON in the user-scheme vocabulary (docs/schemes.md):
 * every built-in rule as data, which rep_context_load_scheme (the CLI's
 * --scheme-file) reads back into the same scheme. REP_ENOTFOUND for an unknown
 * id (the message suggests the nearest). *out malloc'd, NUL-terminated, ends
 * with a newline; caller frees with free(). len may be NULL. */
REP_API rep_status rep_scheme_to_json(char **out, size_t *len, const rep_context *ctx, const char *id, rep_error *err);

/* Render the list of schemes (id, name, jurisdiction, status, currency,
 * notes, options) as REP_FORMAT_TABLE or REP_FORMAT_JSON. *out malloc'd;
 * caller frees with free(). */
REP_API rep_status rep_schemes_render(char **out, size_t *len, const rep_context *ctx, rep_format format,
				      rep_error *err);

#ifdef __cplusplus
}
#endif
#endif
