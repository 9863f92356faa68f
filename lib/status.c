/* Status codes, their names, and the error object. */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "reparations/version.h"

static const struct {
	const char *name;
	const char *text;
} statuses[] = {
	[REP_OK] = {"ok", "success"},
	[REP_EINVAL] = {"invalid", "invalid value"},
	[REP_ESYNTAX] = {"syntax", "malformed text"},
	[REP_ERANGE] = {"range", "value out of range"},
	[REP_ENOMEM] = {"nomem", "out of memory"},
	[REP_ENOTFOUND] = {"not_found", "not found"},
	[REP_ENODATA] = {"no_data", "reference data missing"},
	[REP_EIO] = {"io", "input/output error"},
	[REP_EPRECISION] = {"precision", "rounding could not be decided"},
	[REP_ELIMIT] = {"limit", "size limit exceeded"},
	[REP_EUSAGE] = {"usage", "API misuse"},
	[REP_EBUSY] = {"busy", "context in use by another thread"},
};

const char *rep_strerror(rep_status status)
{
	if ((unsigned)status >= sizeof statuses / sizeof statuses[0])
		return "unknown status";
	return statuses[status].text;
}

const char *rep_status_name(rep_status status)
{
	if ((unsigned)status >= sizeof statuses / sizeof statuses[0])
		return "unknown";
	return statuses[status].name;
}

void rep_error_clear(rep_error *err)
{
	if (!err)
		return;
	err->status = REP_OK;
	err->path[0] = '\0';
	err->message[0] = '\0';
}

rep_status rep_verr(rep_error *err, rep_status status, const char *path, const char *fmt, va_list ap)
{
	if (!err)
		return status;
	err->status = status;
	snprintf(err->path, sizeof err->path, "%s", path ? path : "");
	size_t off = 0;
	if (err->path[0]) {
		int n = snprintf(err->message, sizeof err->message, "%s: ", err->path);
		off = n < 0 ? 0 : (size_t)n < sizeof err->message ? (size_t)n : sizeof err->message - 1;
	}
	vsnprintf(err->message + off, sizeof err->message - off, fmt, ap);
	return status;
}

rep_status rep_err(rep_error *err, rep_status status, const char *path, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	rep_verr(err, status, path, fmt, ap);
	va_end(ap);
	return status;
}

rep_status rep_err_at(rep_error *err, const char *path)
{
	if (!err)
		return REP_EINVAL;
	if (!path || !path[0])
		return err->status;
	char msg[REP_ERROR_MESSAGE_MAX];
	snprintf(msg, sizeof msg, "%s", err->message);
	char full[REP_ERROR_PATH_MAX];
	size_t n = strlen(path);
	if (n >= sizeof full)
		n = sizeof full - 1;
	memcpy(full, path, n);
	full[n] = '\0';
	if (err->path[0]) {
		/* "detentions" + "[2]" joins without a dot */
		if (err->path[0] != '[' && n + 1 < sizeof full)
			full[n++] = '.', full[n] = '\0';
		size_t m = strlen(err->path);
		if (m > sizeof full - 1 - n)
			m = sizeof full - 1 - n;
		memcpy(full + n, err->path, m);
		full[n + m] = '\0';
	}
	/* the old message already carries the old path; keep only its text */
	const char *text = msg;
	size_t plen = strlen(err->path);
	if (plen && strncmp(msg, err->path, plen) == 0 && msg[plen] == ':' && msg[plen + 1] == ' ')
		text = msg + plen + 2;
	return rep_err(err, err->status, full, "%s", text);
}

const char *rep_version_string(void)
{
	return REP_VERSION_STRING;
}

unsigned rep_version_number(void)
{
	return REP_VERSION_NUMBER;
}
