/* reparations: status codes and the error object.
 *
 * Every fallible function returns a rep_status and, when given a non-NULL
 * rep_error, fills it with a message that names the offending field by its
 * JSON path ("detentions[1].end: 2023-02-30 is not a valid date").
 * The error is a plain struct the caller owns (on the stack, usually): no
 * allocation, no global "last error", so it is safe from many threads. */
#ifndef REPARATIONS_STATUS_H
#define REPARATIONS_STATUS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define REP_API __declspec(dllexport)
#elif defined(__GNUC__)
#define REP_API __attribute__((visibility("default")))
#else
#define REP_API
#endif

/* Values are stable: they cross into bindings and exit statuses. */
typedef enum rep_status {
	REP_OK = 0,
	REP_EINVAL = 1,     /* a value is not acceptable (negative, unknown enum, bad option) */
	REP_ESYNTAX = 2,    /* malformed text: decimal, date, JSON */
	REP_ERANGE = 3,     /* outside the supported range, or arithmetic overflow */
	REP_ENOMEM = 4,     /* an allocation failed */
	REP_ENOTFOUND = 5,  /* unknown scheme, series, option or currency */
	REP_ENODATA = 6,    /* reference data has no value for the date asked */
	REP_EIO = 7,        /* a file could not be read or written */
	REP_EPRECISION = 8, /* a rounding could not be decided within the precision limit */
	REP_ELIMIT = 9,     /* a documented size limit was exceeded */
	REP_EUSAGE = 10,    /* an API misuse: NULL where an object was required */
	REP_EBUSY = 11      /* a context was loaded into while other threads used it, or used while loaded into */
} rep_status;

/* Short English description of a status; never NULL, static storage. */
REP_API const char *rep_strerror(rep_status status);

/* Stable machine name of a status ("invalid", "syntax", ...); static storage. */
REP_API const char *rep_status_name(rep_status status);

#define REP_ERROR_PATH_MAX 256
#define REP_ERROR_MESSAGE_MAX 512

/* Filled by a failing call. `path` is the JSON path of the offending field
 * ("" when the error is not about one field); `message` is the complete
 * human message, already prefixed with the path. */
typedef struct rep_error {
	rep_status status;
	char path[REP_ERROR_PATH_MAX];
	char message[REP_ERROR_MESSAGE_MAX];
} rep_error;

/* Reset an error to REP_OK with empty strings. `err` may be NULL. */
REP_API void rep_error_clear(rep_error *err);

#ifdef __cplusplus
}
#endif
#endif
