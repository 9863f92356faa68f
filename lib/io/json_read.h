/* Typed reads from a JSON tree, each reporting errors at the walked path.
 * Shared by the readers of cases, schemes and reference series. */
#ifndef REP_JSON_READ_H
#define REP_JSON_READ_H

#include <gmp.h>

#include "io/json.h"
#include "reparations/dates.h"

rep_status rep_jr_type(const rep_json *v, rep_json_type t, const char *what, rep_jpath *p, rep_error *err);
/* A string without NUL bytes, at most REP_CASE_MAX_STRING bytes; points into the tree. */
rep_status rep_jr_string(const char **out, const rep_json *v, rep_jpath *p, rep_error *err);
rep_status rep_jr_date(rep_date *out, const rep_json *v, rep_jpath *p, rep_error *err);
/* A decimal given as a string or a number lexeme; checked, returned as text. */
rep_status rep_jr_decimal_text(const char **out, const rep_json *v, rep_jpath *p, rep_error *err);
/* The same, its value parsed into q. */
rep_status rep_jr_decimal(mpq_t q, const char **out, const rep_json *v, rep_jpath *p, rep_error *err);
/* Report `member` as an unknown key of the object at p. */
rep_status rep_jr_unknown(const rep_json *member, rep_jpath *p, const char *expected, rep_error *err);

#endif
